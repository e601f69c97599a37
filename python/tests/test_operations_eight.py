"""``ops.Assert``, ``ops.Padding``, ``ops.PadV3``, ``ops.NoRepeatNGram``, ``ops.TensorDump`` and
``ops.tensordump``: values and messages as MindSpore 2.10 on CPU gives them for the same calls,
and the errors."""
import os

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops


def test_assert(capsys):
    out = ops.Assert(summarize=3)(Tensor(True), [Tensor([1, 2, 3, 4])])
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [0]
    with pytest.raises(RuntimeError, match="assert failed"):
        ops.Assert(summarize=3)(Tensor(False), [Tensor([1, 2, 3, 4]), Tensor([1.5])])
    assert capsys.readouterr().out == ("For 'Assert' condition is false.\ninput data: [1 2 3]\n"
                                       "input data: [1.5]\n")
    with pytest.raises(TypeError):
        ops.Assert()(Tensor([True, False]), [])
    with pytest.raises(ValueError):
        ops.Assert(summarize=0)


def test_padding():
    out = ops.Padding(4)(Tensor(np.array([[8.0], [10.0]], np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), [[8, 0, 0, 0], [10, 0, 0, 0]])
    assert ops.Padding()(Tensor(np.ones((2, 3, 1), np.float32))).shape == (2, 3, 8)
    with pytest.raises(ValueError, match="last dimension of 'x' must be 1"):
        ops.Padding(4)(Tensor(np.ones((1, 2), np.float32)))


def test_padv3():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_array_equal(ops.PadV3()(x, Tensor([1, 2], ms.int64), Tensor(9.0)).asnumpy(),
                                  [[9, 0, 1, 2, 9, 9], [9, 3, 4, 5, 9, 9]])
    np.testing.assert_array_equal(ops.PadV3(mode="reflect")(x.reshape(1, 2, 3), Tensor([1, 1], ms.int64)).asnumpy(),
                                  [[[1, 0, 1, 2, 1], [4, 3, 4, 5, 4]]])
    np.testing.assert_array_equal(
        ops.PadV3(paddings_contiguous=False)(x, Tensor([1, 1, 2, 0], ms.int64), Tensor(0.0)).asnumpy(),
        [[0, 0, 0, 0, 0, 0], [0, 0, 1, 2, 0, 0], [0, 3, 4, 5, 0, 0]])
    np.testing.assert_array_equal(ops.PadV3(mode="edge")(x, Tensor([1, 1], ms.int64)).asnumpy()[0], [0, 0, 1, 2, 2])
    assert repr(ops.PadV3()) == "Prim[PadV3]<mode=constant, paddings_contiguous=True>"
    with pytest.raises(ValueError):
        ops.PadV3(mode="symmetric")
    with pytest.raises(TypeError):
        ops.PadV3()(x, Tensor([1.0, 1.0]))
    with pytest.raises(ValueError):
        ops.PadV3()(x, Tensor([1, 1, 1], ms.int64))


def test_no_repeat_ngram():
    probs = np.random.RandomState(0).rand(1, 1, 8).astype(np.float32)
    out = ops.NoRepeatNGram(ngram_size=3)(Tensor([[[1, 2, 1, 2, 5, 1, 2]]], ms.int32), Tensor(probs)).asnumpy()
    want = probs.copy()
    want[0, 0, [1, 5]] = np.finfo(np.float32).min
    np.testing.assert_array_equal(out, want)
    with pytest.raises(TypeError):
        ops.NoRepeatNGram(2)(Tensor([[[1.0, 2.0]]]), Tensor(probs))
    with pytest.raises(ValueError):
        ops.NoRepeatNGram(2)(Tensor([[1, 2]], ms.int32), Tensor(probs))


def test_tensordump(tmp_path):
    ops.tensordump(str(tmp_path / "x"), Tensor([1.0, 2.0]))
    ops.TensorDump()(str(tmp_path / "y.npy"), Tensor(np.array([3], np.int32)))
    files = sorted(os.listdir(tmp_path))
    assert files[0].startswith("x_float32_") and files[1].startswith("y_int32_")
    assert int(files[1].split("_")[-1][:-4]) == int(files[0].split("_")[-1][:-4]) + 1
    np.testing.assert_array_equal(np.load(tmp_path / files[0]), [1.0, 2.0])
    with pytest.raises(TypeError):
        ops.tensordump(3, Tensor([1.0]))


def test_extract_volume_patches():
    x = Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 4, 4, 4))
    y = ops.ExtractVolumePatches((1, 1, 2, 2, 2), (1, 1, 2, 2, 2), "VALID")(x)
    assert y.shape == (1, 8, 2, 2, 2)
    np.testing.assert_array_equal(y.asnumpy()[0, :, 0, 0, 0], [0, 1, 4, 5, 16, 17, 20, 21])
    same = ops.ExtractVolumePatches((1, 1, 3, 3, 3), (1, 1, 2, 2, 2), "SAME")(x)
    assert same.shape == (1, 27, 2, 2, 2)
    np.testing.assert_array_equal(same.asnumpy()[0, :9, 0, 0, 0], [0, 1, 2, 4, 5, 6, 8, 9, 10])
    # MindSpore 2.10's channel order: kernel position outer, input channel inner.
    x2 = Tensor(np.arange(16, dtype=np.float32).reshape(1, 2, 2, 2, 2))
    y2 = ops.ExtractVolumePatches((1, 1, 2, 2, 1), (1, 1, 1, 1, 1), "VALID")(x2)
    np.testing.assert_array_equal(y2.asnumpy()[0, :, 0, 0, 0], [0, 8, 2, 10, 4, 12, 6, 14])
    # Differentiable: each element's gradient counts the patches holding it (stride 1, kernel 2).
    g = ms.grad(lambda v: ops.ExtractVolumePatches((1, 1, 2, 2, 2), (1, 1, 1, 1, 1), "VALID")(v).sum())(
        Tensor(np.ones((1, 1, 3, 3, 3), np.float32)))
    assert g.asnumpy()[0, 0, 1, 1, 1] == 8 and g.asnumpy()[0, 0, 0, 0, 0] == 1
    with pytest.raises(ValueError):
        ops.ExtractVolumePatches((1, 1, 2, 2), (1, 1, 1, 1, 1), "VALID")
    with pytest.raises(ValueError):
        ops.ExtractVolumePatches((1, 1, 2, 2, 2), (1, 1, 1, 1, 1), "FULL")
    with pytest.raises(ValueError):
        ops.ExtractVolumePatches((1, 1, 5, 1, 1), (1, 1, 1, 1, 1), "VALID")(x)


def test_non_max_suppression_with_overlaps():
    ov = Tensor(np.array([[0.6964692, 0.28613934, 0.22685145, 0.5513148],
                          [0.71946895, 0.42310646, 0.9807642, 0.6848297],
                          [0.4809319, 0.39211753, 0.343178, 0.7290497],
                          [0.43857226, 0.059677895, 0.39804426, 0.7379954]], np.float32))
    sc = Tensor(np.array([0.18249173, 0.17545176, 0.53155136, 0.53182757], np.float32))
    nms = ops.NonMaxSuppressionWithOverlaps()
    out = nms(ov, sc, Tensor(4, ms.int32), Tensor(0.1, ms.float32), Tensor(0.2, ms.float32))
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [3]
    eye = Tensor(np.eye(3, dtype=np.float32))
    sc3 = Tensor(np.array([0.3, 0.9, 0.5], np.float32))
    assert nms(eye, sc3, Tensor(2, ms.int32), Tensor(0.5), Tensor(0.0)).asnumpy().tolist() == [1, 2]
    assert nms(eye, sc3, Tensor(5, ms.int32), Tensor(0.5), Tensor(0.4)).asnumpy().tolist() == [1, 2]
    with pytest.raises(TypeError):
        nms(eye, sc3, Tensor(2.0), Tensor(0.5), Tensor(0.0))
    with pytest.raises(ValueError):
        nms(eye, Tensor(np.ones(2, np.float32)), Tensor(2, ms.int32), Tensor(0.5), Tensor(0.0))


def test_combined_non_max_suppression():
    nms = ops.CombinedNonMaxSuppression()
    assert repr(nms) == "Prim[CombinedNonMaxSuppression]<pad_per_class=False, clip_boxes=True>"
    i32 = lambda v: Tensor(v, ms.int32)  # noqa: E731
    f32 = lambda v: Tensor(v, ms.float32)  # noqa: E731
    # MindSpore 2.10's docstring inputs: degenerate boxes overlap nothing; the best two of class 1.
    boxes = Tensor(np.array([[[[200, 100, 150, 100]], [[220, 120, 150, 100]], [[190, 110, 150, 100]],
                              [[210, 112, 150, 100]]]], np.float32))
    scores = Tensor(np.array([[[0.2, 0.5, 0.1], [0.3, 0.2, 0.1], [0.1, 0.8, 0.3], [0.3, 0.2, 0.1]]], np.float32))
    b, s, c, v = nms(boxes, scores, i32(4), i32(2), f32(0.1), f32(0.1))
    np.testing.assert_array_equal(b.asnumpy(), np.ones((1, 2, 4)))
    np.testing.assert_allclose(s.asnumpy(), [[0.8, 0.5]])
    assert c.asnumpy().tolist() == [[1.0, 1.0]] and v.dtype == ms.int32 and v.asnumpy().tolist() == [2]
    # Random boxes (MindSpore 2.10 on CPU gave these scores, classes and counts).
    rng = np.random.RandomState(3)
    rb, rs = rng.rand(2, 6, 1, 4).astype(np.float32) * 1.5, rng.rand(2, 6, 3).astype(np.float32)
    b, s, c, v = nms(Tensor(rb), Tensor(rs), i32(2), i32(5), f32(0.3), f32(0.2))
    np.testing.assert_allclose(s.asnumpy(), [[0.74675, 0.70769, 0.69109, 0.68918, 0.66813],
                                             [0.9716, 0.9521, 0.72394, 0.69148, 0.55328]], atol=1e-5)
    assert c.asnumpy().tolist() == [[0, 2, 1, 2, 1], [2, 2, 0, 1, 0]] and v.asnumpy().tolist() == [5, 5]
    assert b.asnumpy().max() <= 1.0
    unclipped = ops.CombinedNonMaxSuppression(clip_boxes=False)(Tensor(rb), Tensor(rs), i32(2), i32(5), f32(0.3),
                                                                f32(0.2))[0]
    assert abs(unclipped.asnumpy()[0, 0, 2] - 1.01438) < 1e-5
    padded = ops.CombinedNonMaxSuppression(pad_per_class=True)(Tensor(rb), Tensor(rs), i32(1), i32(10), f32(0.3),
                                                               f32(0.2))
    assert padded[1].shape == (2, 3)
    with pytest.raises(ValueError):
        nms(Tensor(rb), Tensor(rs[:, :5]), i32(2), i32(5), f32(0.3), f32(0.2))
    with pytest.raises(ValueError):
        nms(Tensor(rb), Tensor(rs), i32(0), i32(5), f32(0.3), f32(0.2))
    with pytest.raises(ValueError):
        nms(Tensor(rb), Tensor(rs), i32(2), i32(5), f32(1.5), f32(0.2))
    with pytest.raises(TypeError):
        ops.CombinedNonMaxSuppression(clip_boxes=1)


def test_matrix_logarithm():
    x = Tensor(np.array([[1 + 2j, 2 + 1j], [4 + 1j, 5 + 2j]], np.complex64))
    out = ops.MatrixLogarithm()(x)
    assert out.dtype == ms.complex64
    # MindSpore 2.10 (Eigen's Schur-Parlett log in single precision).
    np.testing.assert_allclose(out.asnumpy(), [[0.69155794 + 1.7161838j, 0.6466522 - 0.34928206j],
                                               [1.0242608 - 0.88736844j, 1.4467759 + 0.6400112j]], atol=2e-6)
    y = np.array([[[2.0, 1.0], [0.5, 3.0]], [[1.0, 0.0], [0.0, 4.0]]], np.complex128)
    out = ops.MatrixLogarithm()(Tensor(y)).asnumpy()
    np.testing.assert_allclose(out[0], [[0.64374356, 0.41726097], [0.20863048, 1.06100453]], atol=1e-8)
    # exp(log(A)) = A
    w, v = np.linalg.eig(out[0])
    np.testing.assert_allclose((v * np.exp(w)) @ np.linalg.inv(v), y[0], atol=1e-12)
    with pytest.raises(TypeError):
        ops.MatrixLogarithm()(Tensor(np.eye(2, dtype=np.float32)))
    with pytest.raises(ValueError):
        ops.MatrixLogarithm()(Tensor(np.ones((2, 3), np.complex64)))


def test_eps_is_mindspores_machine_epsilon():
    # MindSpore 2.10: [1.1920929e-07 1.1920929e-07], [0.000977], [2.22044605e-16].
    got = ops.Eps()(ms.Tensor([1.0, 2.0], ms.float32))
    assert got.dtype == ms.float32 and got.asnumpy().tolist() == [2.0 ** -23] * 2
    assert ops.Eps()(ms.Tensor([1.0], ms.float16)).asnumpy().tolist() == [2.0 ** -10]
    assert ops.Eps()(ms.Tensor([[1.0]], ms.float64)).asnumpy().tolist() == [[2.0 ** -52]]
    with pytest.raises(TypeError, match="Eps"):
        ops.Eps()(ms.Tensor([1], ms.int32))


def test_pyfunc_runs_python_on_arrays():
    seen = []

    def fn(a, b):
        seen.append((type(a), a.dtype))
        return a + b, a * b

    op = ops.PyFunc(fn, [ms.float32] * 2, [(2,)] * 2, [ms.float32, ms.float64], [(2,)] * 2)
    x = ms.Tensor([1.0, 2.0], ms.float32)
    s, p = op(x, x)
    assert seen == [(np.ndarray, np.float32)]
    assert s.asnumpy().tolist() == [2.0, 4.0] and p.dtype == ms.float64 and p.asnumpy().tolist() == [1.0, 4.0]
    with pytest.raises(ValueError):
        op(x)
    with pytest.raises(ValueError):
        op(x, ms.Tensor([1, 2], ms.int32))
    with pytest.raises(RuntimeError, match="shape"):
        ops.PyFunc(lambda a: a[:1], [ms.float32], [(2,)], [ms.float32], [(2,)])(x)
    with pytest.raises(RuntimeError, match="outputs"):
        ops.PyFunc(lambda a: (a, a), [ms.float32], [(2,)], [ms.float32], [(2,)])(x)
    with pytest.raises(TypeError):
        ops.PyFunc(3, [ms.float32], [(2,)], [ms.float32], [(2,)])
