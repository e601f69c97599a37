"""``nn.Unfold`` (MindSpore's ``ExtractImagePatches`` cell: no CPU kernel in MindSpore 2.10, so
against a NumPy reference of its documented layout, TensorFlow's ``extract_image_patches``),
``ops.unfold``/``ops.fold`` (values measured with MindSpore 2.10.0) and ``ops.prod``'s dtypes for
each kind of ``axis`` (measured there too)."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, nn, ops


def _patches(x, ks, st, ra, padding):
    """NumPy reference: ``[N, kr * kc * C, out_r, out_c]``, depth ``(i * kc + j) * C + c``."""
    n, c, h, w = x.shape
    (kr, kc), (sr, sc), (rr, rc) = ks, st, ra
    er, ec = (kr - 1) * rr + 1, (kc - 1) * rc + 1
    if padding == "valid":
        out_r, out_c, top, left = (h - er) // sr + 1, (w - ec) // sc + 1, 0, 0
    else:
        out_r, out_c = -(-h // sr), -(-w // sc)
        top = max((out_r - 1) * sr + er - h, 0) // 2
        left = max((out_c - 1) * sc + ec - w, 0) // 2
    out = np.zeros((n, kr * kc * c, out_r, out_c), x.dtype)
    for i in range(kr):
        for j in range(kc):
            for orow in range(out_r):
                for ocol in range(out_c):
                    r = orow * sr + i * rr - top
                    q = ocol * sc + j * rc - left
                    if 0 <= r < h and 0 <= q < w:
                        out[:, (i * kc + j) * c:(i * kc + j + 1) * c, orow, ocol] = x[:, :, r, q]
    return out


@pytest.mark.parametrize("padding", ["valid", "same", "SAME"])
@pytest.mark.parametrize("ks,st,ra", [((2, 2), (1, 1), (1, 1)), ((3, 2), (2, 3), (1, 1)),
                                      ((2, 2), (2, 1), (2, 1)), ((1, 1), (1, 1), (1, 1)),
                                      ((3, 3), (2, 2), (1, 1))])
def test_unfold_cell_matches_the_documented_layout(padding, ks, st, ra):
    x = np.arange(2 * 3 * 5 * 6, dtype=np.float32).reshape(2, 3, 5, 6)
    cell = nn.Unfold([1, *ks, 1], [1, *st, 1], [1, *ra, 1], padding)
    got = cell(Tensor(x))
    want = _patches(x, ks, st, ra, padding.lower())
    assert got.shape == want.shape and got.dtype == ms.float32
    np.testing.assert_array_equal(got.asnumpy(), want)


def test_unfold_cell_shapes_dtypes_and_gradient():
    # The shape of MindSpore's docstring example: (2, 12, 2, 2).
    net = nn.Unfold(ksizes=[1, 2, 2, 1], strides=[1, 2, 2, 1], rates=[1, 2, 2, 1])
    assert net(Tensor(np.ones([2, 3, 6, 6]), ms.float16)).shape == (2, 12, 2, 2)
    for dtype in (np.int32, np.float64, np.float16, np.uint8):
        x = np.arange(18).reshape(1, 2, 3, 3).astype(dtype)
        got = nn.Unfold((1, 2, 2, 1), (1, 1, 1, 1), (1, 1, 1, 1))(Tensor(x))
        assert got.dtype == Tensor(x).dtype
        np.testing.assert_array_equal(got.asnumpy(), _patches(x, (2, 2), (1, 1), (1, 1), "valid"))
    # Each input pixel's gradient counts the patches it appears in.
    x = Tensor(np.ones((1, 1, 3, 3), np.float32))
    g = ms.grad(lambda t: nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1])(t).sum())(x)
    np.testing.assert_array_equal(g.asnumpy()[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])


@pytest.mark.parametrize("args,exc,text", [
    (([2, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), ValueError, "ksizes"),
    (([2, 2], [1, 1, 1, 1], [1, 1, 1, 1]), ValueError, "ksizes"),
    (([1, 0, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1]), ValueError, "positive"),
    (([1, 2, 2, 1], [1, 1.5, 1, 1], [1, 1, 1, 1]), ValueError, "stride"),
    (([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], "foo"), ValueError, "padding"),
    ((2, [1, 1, 1, 1], [1, 1, 1, 1]), TypeError, "ksizes"),
])
def test_unfold_cell_argument_errors(args, exc, text):
    with pytest.raises(exc, match=text):
        nn.Unfold(*args)


def test_unfold_cell_input_errors():
    cell = nn.Unfold([1, 4, 4, 1], [1, 1, 1, 1], [1, 1, 1, 1])
    with pytest.raises(ValueError, match="greater than 0"):
        cell(Tensor(np.ones((1, 2, 3, 3), np.float32)))
    with pytest.raises(ValueError, match="rank"):
        cell(Tensor(np.ones((1, 3, 3), np.float32)))


def test_ops_unfold_and_fold_match_mindspore():
    # MindSpore 2.10.0: ops.unfold of arange(18) (1, 2, 3, 3) with kernel 2 is (1, 8, 4), its first
    # rows [0 1 3 4], [1 2 4 5]; Int32 stays Int32; fold of ones (1, 4, 4) to 3 × 3 is
    # [[1 2 1] [2 4 2] [1 2 1]].
    x = Tensor(np.arange(18, dtype=np.float32).reshape(1, 2, 3, 3))
    got = ops.unfold(x, 2)
    assert got.shape == (1, 8, 4)
    np.testing.assert_array_equal(got.asnumpy()[0, :2], [[0, 1, 3, 4], [1, 2, 4, 5]])
    np.testing.assert_array_equal(got.asnumpy()[0, 7], [13, 14, 16, 17])
    assert ops.unfold(x, 2, 1, 1, 2).shape == (1, 8, 4)
    ints = ops.unfold(Tensor(np.ones((1, 1, 3, 3), np.int32)), 2)
    assert ints.dtype == ms.int32
    np.testing.assert_array_equal(ints.asnumpy(), np.ones((1, 4, 4)))
    folded = ops.fold(Tensor(np.ones((1, 4, 4), np.float32)), Tensor([3, 3], ms.int32), 2)
    np.testing.assert_array_equal(folded.asnumpy()[0, 0], [[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    with pytest.raises(ValueError, match="4"):
        ops.unfold(Tensor(np.ones((1, 3, 3), np.float32)), 2)
    with pytest.raises(TypeError, match="output_size"):
        ops.fold(Tensor(np.ones((1, 4, 4), np.float32)), (3, 3), 2)


def test_prod_dtypes_follow_mindspore():
    # MindSpore 2.10.0: None or an int axis give Int64 for Bool and Int8/16/32 and UInt8 (UInt16
    # and wider, floats, complex keep); a tuple or list axis keeps every dtype (Int32 wraps).
    xi = Tensor(np.arange(1, 25).reshape(2, 3, 4).astype(np.int32))
    assert ops.prod(xi).dtype == ms.int64
    assert ops.prod(xi, 0).dtype == ms.int64
    for axis in ((0, 1), [0, 1], (0,), ()):
        assert ops.prod(xi, axis).dtype == ms.int32
    np.testing.assert_array_equal(ops.prod(xi, (1, 2)).asnumpy(), [479001600, 1633652736])
    np.testing.assert_array_equal(ops.prod(xi, ()).asnumpy(), -775946240)
    assert ops.prod(xi, [1], True).shape == (2, 1, 4)
    for dtype in (np.int8, np.uint8, np.int16, np.bool_):
        t = Tensor(np.ones((2, 3), dtype))
        assert ops.prod(t).dtype == ops.prod(t, 0).dtype == ms.int64
        assert ops.prod(t, (0, 1)).dtype == ops.prod(t, (0,)).dtype == t.dtype
    for dtype in (np.uint16, np.float16, np.float32, np.complex64):
        t = Tensor(np.ones((2, 3), dtype))
        assert ops.prod(t, 0).dtype == ops.prod(t, (0,)).dtype == t.dtype
    b = Tensor(np.array([[True, False], [True, True]]))
    np.testing.assert_array_equal(ops.prod(b, (0,)).asnumpy(), [True, False])
    # dtype: the input is cast first and the result stays in it (Int16 wraps to 0 here).
    assert ops.prod(xi, (0, 1), dtype=ms.float32).dtype == ms.float32
    small = ops.prod(xi, dtype=ms.int16)
    assert small.dtype == ms.int16 and int(small) == 0
