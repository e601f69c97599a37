"""``mindspore.ops.operations`` assignments (re-exported by ``operations``): ``Assign``,
``AssignAdd``, ``AssignSub``, which rebind a Parameter to a new value (differentiable under a
trace, as in MindSpore), and ``Load``, which reads one."""
from . import functional as F
from .operations import Primitive

__all__ = ["Assign", "AssignAdd", "AssignSub", "Load"]


class Assign(Primitive):
    """``ops.Assign()(variable, value)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Assign()(x, y))
        [4.  0.5 3. ]
    """

    def __call__(self, variable, value):
        return F.assign(variable, value)


class AssignAdd(Primitive):
    """``variable += value``.

    The primitive form of :func:`mindspore.ops.assign_add`: ``ops.AssignAdd()(*inputs)`` computes ``ops.assign_add(*inputs)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.AssignAdd()(x, y))
        [5.  2.5 6. ]
    """
    def __call__(self, variable, value):
        return F.assign_add(variable, value)


class AssignSub(Primitive):
    """``variable -= value``.

    The primitive form of :func:`mindspore.ops.assign_sub`: ``ops.AssignSub()(*inputs)`` computes ``ops.assign_sub(*inputs)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.AssignSub()(x, y))
        [-3.   1.5  0. ]
    """
    def __call__(self, variable, value):
        return F.assign_sub(variable, value)


class Load(Primitive):
    """``ops.Load()(variable, u)``: the value `variable` (a Parameter) holds now, as a Tensor that
    later assignments leave unchanged; `u` (the monad MindSpore orders side effects with) is
    accepted and unused. Differentiable with respect to `variable`.

    Outputs:
        Tensor, the value of `variable`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> p = ms.Parameter(ms.Tensor([1.0, 2.0]), name="p")
        >>> v = ops.Load()(p, None)
        >>> _ = ops.Assign()(p, ms.Tensor([5.0, 6.0]))
        >>> print(v, p.value())
        [1. 2.] [5. 6.]
    """

    def __call__(self, variable, u=None):
        return F.identity(variable)
