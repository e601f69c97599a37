"""Dynamic-shape placeholders, ``Tensor(shape=[None, 3], dtype=ms.float32)``: a dtype and a rank
with no values, as ``Cell.set_inputs`` and ``jit(input_signature=...)`` take them. Shape reads
answer as MindSpore 2.10 (``shape`` -1 for a dynamic dimension, ``size`` 0, its repr); any
computation with one is refused with an error naming the placeholder; the declared cell or
function then runs on real inputs of any size (graphs are traced per real shape)."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, nn, ops


def test_shape_reads_as_mindspore():
    p = Tensor(shape=[None, 3], dtype=ms.float32)
    assert p.shape == (-1, 3) and p.ndim == 2 and p.size == 0 and p.dtype == ms.float32
    assert repr(p) == "Tensor(shape=[-1, 3], dtype=Float32, value=\n)"
    q = Tensor(shape=[-1], dtype=ms.int64)
    assert q.shape == (-1,) and q.dtype == ms.int64
    with pytest.raises(ValueError, match="dynamic shape, dtype must not be None"):
        Tensor(shape=[None])
    with pytest.raises(ValueError, match="dynamic shape"):
        Tensor(shape=[None, 2], dtype=ms.float32, init="ones")


def test_computation_with_a_placeholder_is_refused():
    p = Tensor(shape=[None, 3], dtype=ms.float32)
    for f in (lambda: p + 1, lambda: p * p, lambda: ops.exp(p), lambda: p.asnumpy(),
              lambda: p.sum(), lambda: str(p), lambda: p.astype(ms.float64)):
        with pytest.raises(RuntimeError, match="placeholder"):
            f()


class _Mul(nn.Cell):
    def construct(self, x, y, z):
        return x * y * z


def test_set_inputs_then_grad_on_real_inputs():
    x, y, z = (Tensor([1.0, 2.0]), Tensor([-2.0, 3.0]), Tensor([0.0, 3.0]))
    net = _Mul()
    net.set_inputs(Tensor(shape=[None], dtype=ms.float32), y, z)
    assert net.get_inputs()[0].shape == (-1,)
    gy, gz = ms.grad(net, grad_position=(1, 2))(x, y, z)
    np.testing.assert_array_equal(gy.asnumpy(), [0.0, 6.0])
    np.testing.assert_array_equal(gz.asnumpy(), [-2.0, 6.0])


def test_jit_with_an_input_signature_runs_every_real_size():
    @ms.jit(input_signature=Tensor(shape=[None, 2], dtype=ms.float32))
    def f(x):
        return x + 1

    for n in (1, 5, 3):
        a = np.arange(2 * n, dtype=np.float32).reshape(n, 2)
        np.testing.assert_array_equal(f(Tensor(a)).asnumpy(), a + 1)
