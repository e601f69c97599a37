"""``ops.operations`` part five (``_operations_five``): each primitive class called as MindSpore
model code calls it, against the values MindSpore 2.10 printed for the same calls (where its CPU
kernels run) or the documented results; the shapes and dtypes of the draws; bad arguments."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor
from easy_mindspore import ops as P

x = Tensor(np.array([[1., -2., 0.], [3., 0.5, -1.]], np.float32))
v = Tensor([1., 2., 3., 4.])
ids = Tensor([0, 0, 2, 2], ms.int32)
img = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))

# (label, call, MindSpore's dtype, MindSpore's values)
CASES = [
    ("Pack", lambda: P.Pack(axis=1)((x, x * 2)), ms.float32,
     [[[1., -2., 0.], [2., -4., 0.]], [[3., 0.5, -1.], [6., 1., -2.]]]),
    ("SegmentSum", lambda: P.SegmentSum()(v, ids), ms.float32, [3., 0., 7.]),
    ("SegmentMean", lambda: P.SegmentMean()(v, ids), ms.float32, [1.5, 0., 3.5]),
    ("SegmentMax", lambda: P.SegmentMax()(v, ids), ms.float32, [2., 0., 4.]),
    ("SegmentMin", lambda: P.SegmentMin()(v, ids), ms.float32, [1., 0., 3.]),
    ("SegmentProd", lambda: P.SegmentProd()(v, ids), ms.float32, [2., 1., 12.]),
    ("SegmentSum 2-D", lambda: P.SegmentSum()(x, Tensor([0, 1], ms.int64)), ms.float32,
     [[1., -2., 0.], [3., 0.5, -1.]]),
    ("LowerBound", lambda: P.LowerBound()(Tensor([[1, 3, 5, 7], [2, 4, 6, 8]], ms.int32),
                                          Tensor([[3, 6], [0, 9]], ms.int32)), ms.int32, [[1, 3], [0, 4]]),
    ("UpperBound", lambda: P.UpperBound()(Tensor([[1, 3, 5, 7], [2, 4, 6, 8]], ms.float32),
                                          Tensor([[3, 6], [0, 9]], ms.float32)), ms.int32, [[2, 3], [0, 4]]),
    ("InTopK", lambda: P.InTopK(2)(x, Tensor([1, 0], ms.int32)), ms.bool_, [False, True]),
    ("ScatterSub", lambda: P.ScatterSub()(Parameter(Tensor(np.ones((3, 2), np.float32)), name="p"),
                                          Tensor([0, 2], ms.int32), Tensor([[1., 2.], [3., 4.]])),
     ms.float32, [[0., -1.], [1., 1.], [-2., -3.]]),
    ("ConjugateTranspose", lambda: P.ConjugateTranspose()(Tensor(np.array([[1 + 2j, 3 - 1j]], np.complex64)), (1, 0)),
     ms.complex64, [[1 - 2j], [3 + 1j]]),
    ("Conv2DTranspose", lambda: P.Conv2DTranspose(out_channel=1, kernel_size=2)(
        Tensor(np.ones((1, 1, 2, 2), np.float32)), Tensor(np.ones((1, 1, 2, 2), np.float32)), (1, 1, 3, 3)),
     ms.float32, [[[[1., 2., 1.], [2., 4., 2.], [1., 2., 1.]]]]),
    ("Conv2DBackpropInput", lambda: P.Conv2DBackpropInput(out_channel=1, kernel_size=2)(
        Tensor(np.ones((1, 1, 2, 2), np.float32)), Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2)), (1, 1, 3, 3)),
     ms.float32, [[[[0., 1., 1.], [2., 6., 4.], [2., 5., 3.]]]]),
    ("CropAndResize", lambda: P.CropAndResize()(Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1)),
                                                Tensor([[0., 0., 1., 1.]]), Tensor([0], ms.int32), (2, 2)),
     ms.float32, [[[[0.], [3.]], [[12.], [15.]]]]),
    ("Multinomial", lambda: P.Multinomial(seed=1)(Tensor([[0.0, 1.0], [1.0, 0.0]]), 3), ms.int32,
     [[1, 1, 1], [0, 0, 0]]),
]


@pytest.mark.parametrize("label,call,dtype,want", CASES, ids=[c[0] for c in CASES])
def test_values_equal_mindspores(label, call, dtype, want):
    out = call()
    assert out.dtype == dtype, label
    np.testing.assert_allclose(out.asnumpy(), np.array(want), rtol=1e-6, atol=1e-7, err_msg=label)


def test_tuple_results():
    cols = P.Unpack(axis=1)(x)
    assert isinstance(cols, tuple) and len(cols) == 3
    np.testing.assert_array_equal(cols[1].asnumpy(), [-2., 0.5])
    same = P.IdentityN()([x, x])
    assert isinstance(same, tuple) and len(same) == 2 and same[0] is x
    out, arg = P.MaxPoolWithArgmax(kernel_size=2, strides=2)(img)
    np.testing.assert_array_equal(out.asnumpy(), [[[[5., 7.], [13., 15.]]]])
    assert arg.dtype == ms.int32
    np.testing.assert_array_equal(arg.asnumpy(), [[[[5, 7], [13, 15]]]])
    out, arg = P.MaxPoolWithArgmaxV2(kernel_size=2, strides=2)(img)
    assert arg.dtype == ms.int64
    np.testing.assert_array_equal(arg.asnumpy(), [[[[5, 7], [13, 15]]]])
    decoded = P.CTCGreedyDecoder()(Tensor(np.array([[[0.6, 0.4, 0.2], [0.8, 0.6, 0.3]],
                                                    [[0.0, 0.6, 0.0], [0.5, 0.4, 0.5]]], np.float32)),
                                   Tensor([2, 2], ms.int32))
    assert len(decoded) == 4
    np.testing.assert_array_equal(decoded[0].asnumpy(), [[0, 0], [0, 1], [1, 0]])
    np.testing.assert_array_equal(decoded[1].asnumpy(), [0, 1, 0])
    np.testing.assert_array_equal(decoded[2].asnumpy(), [2, 2])
    np.testing.assert_allclose(decoded[3].asnumpy(), [[-1.2], [-1.3]], rtol=1e-6)


def test_max_pool_with_argmax_same_padding_indexes_the_input_plane():
    # 3×3 input, 2×2 windows, stride 2, SAME: padding on the bottom and right only.
    x3 = Tensor(np.array([[[[1., 9., 2.], [3., 4., 8.], [7., 5., 6.]]]], np.float32))
    out, arg = P.MaxPoolWithArgmax(kernel_size=2, strides=2, pad_mode="same")(x3)
    np.testing.assert_array_equal(out.asnumpy(), [[[[9., 8.], [7., 6.]]]])
    np.testing.assert_array_equal(arg.asnumpy(), [[[[1, 5], [6, 8]]]])


def test_max_pool_with_argmax_same_padding_on_minus_infinity():
    # Every input of the first window is -inf, tied with the padding above it: the index is the
    # window's first input position, never one in the padding.
    x3 = Tensor(np.array([[[[-np.inf, -np.inf, 1.], [-np.inf, -np.inf, 2.], [3., 4., 5.]]]],
                         np.float32))
    out, arg = P.MaxPoolWithArgmax(kernel_size=3, strides=2, pad_mode="same")(x3)
    a = arg.asnumpy()
    assert ((a >= 0) & (a < 9)).all()
    np.testing.assert_array_equal(np.take(x3.asnumpy().reshape(-1), a), out.asnumpy())


def test_scatters_write_plain_tensors_in_place_too():
    t = Tensor(np.ones((3, 2), np.float32))
    P.ScatterSub()(t, Tensor([1], ms.int32), Tensor([[1., 1.]]))
    np.testing.assert_array_equal(t.asnumpy(), [[1., 1.], [0., 0.], [1., 1.]])
    u = Tensor(np.zeros(3, np.float32))
    P.ScatterNonAliasingAdd()(u, Tensor([[2]], ms.int32), Tensor([4.]))
    np.testing.assert_array_equal(u.asnumpy(), [0., 0., 4.])


def test_documented_results_where_mindspores_cpu_has_no_kernel():
    parts = P.SplitV(size_splits=[1, -1], split_dim=1, num_split=2)(x)
    assert [tuple(p.shape) for p in parts] == [(2, 1), (2, 2)]
    np.testing.assert_array_equal(parts[1].asnumpy(), [[-2., 0.], [0.5, -1.]])
    count = P.CountNonZero(dims=[1])(x)
    assert count.dtype == ms.int64
    np.testing.assert_array_equal(count.asnumpy(), [2, 3])
    assert int(P.CountNonZero()(x).asnumpy()) == 5
    norm = P.EuclideanNorm(keep_dims=True)(x, Tensor([0, 1], ms.int32))
    assert norm.shape == (1, 1)
    np.testing.assert_allclose(norm.asnumpy(), [[np.sqrt(15.25)]], rtol=1e-6)
    np.testing.assert_allclose(P.MatrixExp()(Tensor([[0., 1.], [-1., 0.]])).asnumpy(),
                               [[np.cos(1), np.sin(1)], [-np.sin(1), np.cos(1)]], rtol=1e-5)
    p = Parameter(Tensor(np.ones(4, np.float32)), name="q")
    out = P.ScatterNonAliasingAdd()(p, Tensor([[1], [3]], ms.int32), Tensor([5., 6.]))
    np.testing.assert_array_equal(p.asnumpy(), [1., 6., 1., 7.])
    np.testing.assert_array_equal(out.asnumpy(), p.asnumpy())
    perm = P.Randperm(max_length=6, pad=-1)(Tensor([4], ms.int32))
    assert perm.dtype == ms.int32 and perm.shape == (6,)
    assert sorted(perm.asnumpy()[:4].tolist()) == [0, 1, 2, 3] and perm.asnumpy()[4:].tolist() == [-1, -1]


def test_conv_backprop_input_is_the_gradient_of_conv2d():
    rng = np.random.default_rng(0)
    xin = Tensor(rng.standard_normal((2, 3, 7, 6)).astype(np.float32))
    w = Tensor(rng.standard_normal((4, 3, 3, 2)).astype(np.float32))
    for mode, pad, stride in (("valid", 0, 1), ("pad", 1, 2), ("same", 0, 2)):
        conv = P.Conv2D(4, (3, 2), pad_mode=mode, pad=pad, stride=stride)
        y = conv(xin, w)
        dout = Tensor(rng.standard_normal(y.shape).astype(np.float32))
        want = ms.grad(lambda t: (conv(t, w) * dout).sum())(xin)
        got = P.Conv2DBackpropInput(4, (3, 2), pad_mode=mode, pad=pad, stride=stride)(dout, w, xin.shape)
        np.testing.assert_allclose(got.asnumpy(), want.asnumpy(), rtol=1e-5, atol=1e-5, err_msg=mode)


def test_draws_have_mindspores_shapes_and_dtypes():
    out, mask = P.Dropout2D(keep_prob=0.5)(Tensor(np.ones((2, 3, 4, 4), np.float32)))
    assert out.shape == mask.shape == (2, 3, 4, 4) and mask.dtype == ms.bool_
    # Whole channels are kept or dropped; kept ones are scaled by 1/keep_prob.
    m = mask.asnumpy()
    assert (m == m[:, :, :1, :1]).all()
    np.testing.assert_array_equal(out.asnumpy(), np.where(m, 2.0, 0.0))
    out, mask = P.Dropout3D(keep_prob=1.0)(Tensor(np.ones((1, 2, 2, 2, 2), np.float32)))
    assert mask.asnumpy().all() and float(out.sum().asnumpy()) == 16.0
    t = P.TruncatedNormal()(Tensor([200, 50], ms.int32))
    assert t.shape == (200, 50) and t.dtype == ms.float32
    a = t.asnumpy()
    assert np.abs(a).max() <= 2.0 and abs(a.mean()) < 0.05 and 0.8 < a.std() < 0.92
    lap = P.StandardLaplace()((2, 3))
    assert lap.shape == (2, 3) and lap.dtype == ms.float32


def test_bad_arguments_raise_mindspores_classes():
    with pytest.raises(ValueError, match="SegmentSum.*sorted"):
        P.SegmentSum()(v, Tensor([0, 2, 1, 2], ms.int32))
    with pytest.raises(ValueError, match="SegmentMax.*'segment_ids' must be 1-D"):
        P.SegmentMax()(v, Tensor([0, 0], ms.int32))
    with pytest.raises(TypeError, match="SegmentMean.*int32 or int64"):
        P.SegmentMean()(v, Tensor([0., 0., 1., 1.]))
    with pytest.raises(ValueError, match="SplitV.*must add up to 3"):
        P.SplitV([1, 1], 1, 2)(x)
    with pytest.raises(ValueError, match="SplitV.*'num_split' = 3"):
        P.SplitV([1, 2], 1, 3)(x)
    with pytest.raises(ValueError, match=r"InTopK.*\(N, C\)"):
        P.InTopK(1)(x, Tensor([1], ms.int32))
    with pytest.raises(ValueError, match="LowerBound.*2-D"):
        P.LowerBound()(Tensor([1, 2, 3]), Tensor([2]))
    with pytest.raises(ValueError, match="Randperm.*max_length = 2"):
        P.Randperm(max_length=2)(Tensor([4], ms.int32))
    with pytest.raises(ValueError, match="MaxPoolWithArgmax.*'pad_mode'"):
        P.MaxPoolWithArgmax(2, 2, pad_mode="full")(img)
    with pytest.raises(ValueError, match="Dropout2D.*4-D"):
        P.Dropout2D()(x)
    with pytest.raises(ValueError, match="Conv2DBackpropInput.*'input_size'"):
        P.Conv2DBackpropInput(1, 2)(Tensor(np.ones((1, 1, 2, 2), np.float32)),
                                    Tensor(np.ones((1, 1, 2, 2), np.float32)), (1, 1, 5, 5))
    with pytest.raises(TypeError, match="SplitV.*'size_splits' is required"):
        P.SplitV()
