"""ops.diag's off-diagonal zeros are +0.0 (MindSpore 2.10 prints ``[[-1.5  0. ] [ 0.   2.5]]`` for
``diag([-1.5, 2.5])``; a product with the identity gave -0.0 next to negative values)."""
import numpy as np

import easy_mindspore as ms
from easy_mindspore import ops


def test_off_diagonal_zeros_are_positive_for_negative_inputs():
    for values in ([-1.5, 2.5], [-1.0], [[-1.0, 2.0], [3.0, -4.0]]):
        out = ops.diag(ms.Tensor(values, ms.float32)).asnumpy()
        ref = np.diagflat(np.array(values, np.float64)).reshape(out.shape)
        np.testing.assert_array_equal(out, ref)
        assert not np.signbit(out[out == 0]).any(), out


def test_the_printed_tensor_has_no_negative_zero():
    assert str(ops.diag(ms.Tensor([-1.5, 2.5], ms.float32))) == "[[-1.5  0. ]\n [ 0.   2.5]]"


def test_the_gradient_is_unchanged():
    x = ms.Tensor([-1.5, 2.5, 0.5], ms.float32)
    g = ms.grad(lambda t: (ops.diag(t) * ms.Tensor(np.arange(9.0).reshape(3, 3), ms.float32)).sum())(x)
    np.testing.assert_allclose(g.asnumpy(), [0.0, 4.0, 8.0])
