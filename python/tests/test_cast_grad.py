"""The gradient through a float → integer → float cast chain, as MindSpore's ``Cast`` passes it:
its bprop casts the cotangent to the input's dtype, so the cotangent is truncated to an integer on
its way back through the integer segment. Reference numbers printed by MindSpore 2.10 on CPU; the
ops that only use integer casts internally (rounding, indices, masks, argmax) keep their zero
gradients."""
import numpy as np

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

X = np.array([1.5, -2.7, 3.2], np.float32)


def _grad(f, x=X):
    return ms.grad(f)(Tensor(x)).asnumpy()


def test_user_visible_casts_pass_the_gradient_as_mindspore():
    # d/dx [float(int(x))·x] = int(x) + int(x) (the cotangent x truncated): MindSpore 2.10.
    f = lambda x: (ops.cast(ops.cast(x, ms.int32), ms.float32) * x).sum()  # noqa: E731
    np.testing.assert_array_equal(_grad(f), [2.0, -4.0, 6.0])
    np.testing.assert_array_equal(_grad(lambda x: x.astype(ms.int32).sum()), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(
        _grad(lambda x: x.astype(ms.int32).astype(ms.float32).sum()), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(
        _grad(lambda x: (ops.cast(x, ms.int32) * 2).astype(ms.float32).sum()), [2.0, 2.0, 2.0])
    np.testing.assert_array_equal(_grad(lambda x: ops.Cast()(x, ms.int32).astype(ms.float32).sum()),
                                  [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(_grad(lambda x: x.int().float().sum()), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(_grad(lambda x: x.astype(ms.bool_).astype(ms.float32).sum()),
                                  [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(_grad(lambda x: (x.astype(ms.int64) * x).sum()),
                                  [2.0, -4.0, 6.0])
    # UInt8 wraps: -2.7 → 254, and the cotangent -2.7 → 254 too: 254 + 254 (MindSpore 2.10).
    np.testing.assert_array_equal(
        _grad(lambda x: (x.astype(ms.uint8).astype(ms.float32) * x).sum()), [2.0, 508.0, 6.0])


def test_internal_integer_uses_stay_without_gradient():
    np.testing.assert_array_equal(_grad(lambda x: ops.floor(x).sum()), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(_grad(lambda x: ops.round(x).sum()), [0.0, 0.0, 0.0])
    np.testing.assert_array_equal(_grad(lambda x: ops.trunc(x).sum()), [0.0, 0.0, 0.0])
    # A mask from an integer cast selects; only the selected entries get gradient (MindSpore).
    np.testing.assert_array_equal(_grad(lambda x: x[x.astype(ms.int32) > 0].sum()),
                                  [1.0, 0.0, 1.0])
    # Indices computed from x carry no gradient into x: only the gathered values do.
    np.testing.assert_array_equal(
        _grad(lambda x: ops.gather(x, ops.cast(x, ms.int32) % 3, 0).sum()), [1.0, 2.0, 0.0])
    np.testing.assert_array_equal(_grad(lambda x: (x * ops.argmax(x).astype(ms.float32)).sum()),
                                  [2.0, 2.0, 2.0])


def test_forward_mode_agrees():
    f = lambda x: ops.cast(ops.cast(x, ms.int32), ms.float32) * 3.0  # noqa: E731
    _, t = ms.jvp(f, Tensor(X), Tensor(np.array([1.9, 1.2, -0.4], np.float32)))
    # The tangent is truncated through the integer segment: int(1.9)=1, int(1.2)=1, int(-0.4)=0.
    np.testing.assert_array_equal(t.asnumpy(), [3.0, 3.0, 0.0])
