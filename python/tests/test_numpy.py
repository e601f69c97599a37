"""``mindspore.numpy``: values against NumPy, dtypes against MindSpore 2.10 (measured on its CPU
build), gradients through the compositions, and typed errors for bad input."""
import numpy as np
import pytest

import easy_mindspore as ems
import easy_mindspore.numpy as mnp
from easy_mindspore import ops

RNG = np.random.default_rng(7)


def close(t, ref, tol=1e-5):
    got = t.asnumpy()
    assert got.shape == np.shape(ref), (got.shape, np.shape(ref))
    np.testing.assert_allclose(got, ref, rtol=tol, atol=tol)


def test_the_mindspore_alias_resolves_the_module():
    import mindspore.numpy as aliased

    assert aliased is mnp
    assert ems.numpy is mnp


@pytest.mark.parametrize("expr, dtype", [
    # dtypes as MindSpore 2.10's mindspore.numpy gives them
    ("mnp.array([1, 2, 3])", "Int32"),
    ("mnp.array([1., 2.])", "Float32"),
    ("mnp.array([1, 2.5])", "Float32"),
    ("mnp.asarray([True, False])", "Bool"),
    ("mnp.array(3)", "Int32"),
    ("mnp.arange(5)", "Int32"),
    ("mnp.arange(0., 1., 0.25)", "Float32"),
    ("mnp.zeros((2, 3))", "Float32"),
    ("mnp.full((2,), 7)", "Int32"),
    ("mnp.full((2,), 7.5)", "Float32"),
    ("mnp.full((2, 2), True)", "Bool"),
    ("mnp.linspace(0, 1, 5)", "Float32"),
    ("mnp.eye(2)", "Float32"),
    ("mnp.zeros_like(mnp.ones((2,), ems.int32))", "Int32"),
    ("mnp.sum(mnp.arange(3))", "Int64"),
    ("mnp.sum(mnp.array([True, False]))", "Int64"),
    ("mnp.mean(mnp.arange(4))", "Int32"),
    ("mnp.var(mnp.arange(4))", "Float32"),
    ("mnp.argmax(mnp.array([1, 3, 2]))", "Int64"),
    ("mnp.argmin(mnp.array([3, 1, 2]))", "Int32"),
    ("mnp.cumsum(mnp.array([True, True]))", "Int32"),
    ("mnp.sqrt(mnp.array([4]))", "Float32"),
    ("mnp.clip(mnp.arange(5), 1, 3)", "Int32"),
    ("mnp.where(mnp.array([True, False]), 1, 2)", "Int32"),
    ("mnp.bincount(mnp.array([0, 1, 1, 3]))", "Float32"),
    ("mnp.tile(mnp.arange(2), 2)", "Int32"),
])
def test_dtypes_are_mindsporess(expr, dtype):
    assert str(eval(expr).dtype) == dtype


def test_creation_matches_numpy():
    close(mnp.arange(2, 11, 3), np.arange(2, 11, 3))
    close(mnp.linspace(0, 10, 5, endpoint=False), np.linspace(0, 10, 5, endpoint=False))
    out, step = mnp.linspace(-1, 1, 9, retstep=True)
    close(out, np.linspace(-1, 1, 9))
    assert step.dtype == ems.float32 and abs(float(step) - 0.25) < 1e-7
    for n, m, k in [(3, None, 0), (2, 4, 1), (4, 3, -2), (3, 3, 5)]:
        close(mnp.eye(n, m, k), np.eye(n, m, k))
    close(mnp.identity(3), np.identity(3))
    close(mnp.full((2, 3), mnp.array([1., 2., 3.])), np.full((2, 3), [1., 2., 3.]))
    assert mnp.array([1, 2], ndmin=3).shape == (1, 1, 2)
    # a NumPy array narrows to 32 bits by default, keeps its dtype when asked
    assert mnp.asarray(np.arange(3)).dtype == ems.int32
    assert mnp.asarray(np.arange(3.0), ems.float64).dtype == ems.float64
    for a, b in [(2, 3), (1, 4)]:
        x, y = np.arange(a), np.arange(b) * 10
        for indexing in ("xy", "ij"):
            ours = mnp.meshgrid(mnp.array(x), mnp.array(y), indexing=indexing)
            for o, r in zip(ours, np.meshgrid(x, y, indexing=indexing)):
                close(o, r)
    sparse = mnp.meshgrid(mnp.arange(2), mnp.arange(3), sparse=True)
    assert [t.shape for t in sparse] == [(1, 2), (3, 1)]


def test_reductions_match_numpy():
    a = RNG.standard_normal((3, 4, 5)).astype(np.float32)
    t = mnp.array(a)
    for axis in (None, 0, 1, -1, (0, 2)):
        for keepdims in (False, True):
            close(mnp.sum(t, axis, keepdims=keepdims), a.sum(axis, keepdims=keepdims), 1e-4)
            close(mnp.mean(t, axis, keepdims=keepdims), a.mean(axis, keepdims=keepdims))
            close(mnp.amax(t, axis, keepdims=keepdims), a.max(axis, keepdims=keepdims))
            close(mnp.min(t, axis, keepdims=keepdims), a.min(axis, keepdims=keepdims))
            for ddof in (0, 1):
                close(mnp.var(t, axis, ddof, keepdims), a.var(axis, ddof=ddof, keepdims=keepdims), 1e-4)
                close(mnp.std(t, axis, ddof, keepdims), a.std(axis, ddof=ddof, keepdims=keepdims), 1e-4)
    close(mnp.argmax(t, 1), a.argmax(1))
    close(mnp.argmin(t, -1), a.argmin(-1))
    close(mnp.cumsum(t, 1), a.cumsum(1), 1e-4)
    close(mnp.cumsum(t), a.cumsum(), 1e-4)
    close(mnp.prod(mnp.array([[1., 2.], [3., 4.]]), 0), np.array([3., 8.]))
    close(mnp.sum(t, initial=1.0), a.sum() + 1.0, 1e-4)
    close(mnp.amax(mnp.array([1., 5.]), initial=7.0), np.array(7.0))


def test_elementwise_and_products_match_numpy():
    a = RNG.standard_normal((2, 3)).astype(np.float32)
    b = RNG.standard_normal((3,)).astype(np.float32)
    ta, tb = mnp.array(a), mnp.array(b)
    close(mnp.add(ta, tb), a + b)
    close(mnp.subtract(ta, 1), a - 1)
    close(mnp.multiply(2, ta), 2 * a)
    close(mnp.divide(ta, tb), a / b, 1e-4)
    close(mnp.power(mnp.abs(ta), 2), np.abs(a) ** 2, 1e-4)
    close(mnp.maximum(ta, tb), np.maximum(a, b))
    close(mnp.minimum(ta, 0.0), np.minimum(a, 0.0))
    close(mnp.exp(ta), np.exp(a), 1e-4)
    close(mnp.log(mnp.abs(ta)), np.log(np.abs(a)), 1e-4)
    close(mnp.sqrt(mnp.abs(ta)), np.sqrt(np.abs(a)))
    close(mnp.square(ta), a * a)
    close(mnp.negative(ta), -a)
    close(mnp.clip(ta, -0.5, 0.5), np.clip(a, -0.5, 0.5))
    close(mnp.clip(ta, None, 0.1), np.clip(a, None, 0.1))
    close(mnp.where(ta > 0, ta, 0.0), np.where(a > 0, a, 0.0))
    close(mnp.exp(mnp.arange(3)), np.exp(np.arange(3)), 1e-5)  # MindSpore refuses ints here
    # dot in every rank combination NumPy defines
    for sa, sb in [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
                   ((2, 2, 3), (3, 4)), ((2, 3), (5, 3, 4)), ((2, 2, 3), (5, 3, 4)), ((), (3,))]:
        x = RNG.standard_normal(sa).astype(np.float32)
        y = RNG.standard_normal(sb).astype(np.float32)
        close(mnp.dot(mnp.array(x), mnp.array(y)), np.dot(x, y), 1e-4)
    close(mnp.matmul(ta, mnp.ones((3, 2))), a @ np.ones((3, 2)), 1e-4)
    close(mnp.inner(ta, mnp.ones((4, 3))), np.inner(a, np.ones((4, 3))), 1e-4)
    close(mnp.outer(tb, mnp.arange(2.)), np.outer(b, np.arange(2.)))


def test_isclose_and_allclose():
    x = np.array([1.0, np.nan, np.inf, -np.inf, 1e10, 1e10, 0.0], np.float32)
    y = np.array([1.0 + 1e-7, np.nan, np.inf, np.inf, 1.00001e10, 1.000001e10, 1e-9], np.float32)
    a, b = mnp.array(x), mnp.array(y)
    close(mnp.isclose(a, b), np.isclose(x, y))
    close(mnp.isclose(a, b, equal_nan=True), np.isclose(x, y, equal_nan=True))
    close(mnp.isclose(a, b, rtol=0.0, atol=0.5), np.isclose(x, y, rtol=0.0, atol=0.5))
    close(mnp.isclose(mnp.ones(2), 1), np.array([True, True]))  # MindSpore 2.10 rejects the number
    assert bool(mnp.allclose(mnp.ones(3), mnp.ones(3) + 1e-9))
    assert not bool(mnp.allclose(mnp.ones(3), mnp.zeros(3)))


def test_shapes_match_numpy():
    a = np.arange(24).reshape(2, 3, 4).astype(np.int32)
    t = mnp.array(a)
    close(mnp.reshape(t, (4, -1)), a.reshape(4, -1))
    close(mnp.ravel(t), a.ravel())
    close(mnp.transpose(t), a.transpose())
    close(mnp.transpose(t, (1, 0, 2)), a.transpose(1, 0, 2))
    close(mnp.swapaxes(t, 0, 2), a.swapaxes(0, 2))
    assert mnp.expand_dims(t, (0, -1)).shape == np.expand_dims(a, (0, -1)).shape
    assert mnp.squeeze(mnp.ones((1, 3, 1)), 0).shape == (3, 1)
    close(mnp.concatenate((t, t), axis=1), np.concatenate((a, a), axis=1))
    close(mnp.concatenate((t, t), axis=None), np.concatenate((a, a), axis=None))
    close(mnp.stack([t, t], axis=-1), np.stack([a, a], axis=-1))
    for reps in (2, (2, 1), (1, 2, 1, 3), (0, 1)):
        close(mnp.tile(t, reps), np.tile(a, reps))
    for axis in (None, 0, 1, -1):
        close(mnp.repeat(t, 3, axis), np.repeat(a, 3, axis))
    close(mnp.repeat(t, [1, 0, 2], 1), np.repeat(a, [1, 0, 2], 1))
    parts = mnp.split(mnp.arange(6), 3)
    assert isinstance(parts, tuple) and [p.tolist() for p in parts] == [[0, 1], [2, 3], [4, 5]]
    parts = mnp.split(mnp.arange(6), [1, 4])
    assert isinstance(parts, list) and [p.tolist() for p in parts] == [[0], [1, 2, 3], [4, 5]]
    close(mnp.bincount(mnp.array([0, 1, 1, 3])), np.bincount([0, 1, 1, 3]))
    close(mnp.bincount(mnp.array([2, 0]), minlength=5), np.bincount([2, 0], minlength=5))
    close(mnp.bincount(mnp.array([0, 1, 1]), weights=mnp.array([0.5, 1.0, 2.0])),
          np.bincount([0, 1, 1], weights=[0.5, 1.0, 2.0]))


def test_compositions_are_differentiable():
    x = mnp.array([1.0, 2.0, 3.0])
    # d/dx sum(tile(x, 2) * w) = w[:3] + w[3:]
    w = mnp.arange(6.0)
    g = ops.grad(lambda x: mnp.sum(mnp.tile(x, 2) * w))(x)
    close(g, np.array([3.0, 5.0, 7.0]))
    g = ops.grad(lambda x: mnp.sum(mnp.repeat(x, 2) * w))(x)
    close(g, np.array([1.0, 5.0, 9.0]))
    # d/dx var(x) = 2 (x - mean) / n
    g = ops.grad(lambda x: mnp.var(x))(x)
    close(g, 2 * (np.array([1.0, 2.0, 3.0]) - 2.0) / 3)
    g = ops.grad(lambda x: 2 * mnp.dot(x, x))(x)
    close(g, np.array([4.0, 8.0, 12.0]))


@pytest.mark.parametrize("call, error", [
    (lambda: mnp.arange(0, 5, 0), ValueError),
    (lambda: mnp.arange("a"), TypeError),
    (lambda: mnp.linspace(0, 1, -1), ValueError),
    (lambda: mnp.linspace(0, 1, 2.5), TypeError),
    (lambda: mnp.eye(-1), ValueError),
    (lambda: mnp.eye(2.0), TypeError),
    (lambda: mnp.zeros("x"), TypeError),
    (lambda: mnp.asarray(object()), TypeError),
    (lambda: mnp.where(mnp.array([True])), TypeError),
    (lambda: mnp.clip(mnp.ones(2), None, None), ValueError),
    (lambda: mnp.tile(mnp.ones(2), -1), ValueError),
    (lambda: mnp.repeat(mnp.ones(2), -1), ValueError),
    (lambda: mnp.repeat(mnp.ones(2), [1, 2, 3]), ValueError),
    (lambda: mnp.repeat(mnp.ones(2), 2, axis=3), ValueError),
    (lambda: mnp.bincount(mnp.array([1.5])), TypeError),
    (lambda: mnp.bincount(mnp.array([-1, 2])), ValueError),
    (lambda: mnp.meshgrid(mnp.ones(2), indexing="xx"), ValueError),
    (lambda: mnp.expand_dims(mnp.ones(2), (0, 0)), ValueError),
    (lambda: mnp.add(mnp.ones(2), mnp.ones(3)), ValueError),
    (lambda: mnp.dot(mnp.ones(2), mnp.ones(3)), ValueError),
    (lambda: mnp.concatenate((mnp.ones((2, 2)), mnp.ones((3, 3)))), ValueError),
])
def test_bad_input_raises_typed_errors(call, error):
    with pytest.raises(error):
        call()
