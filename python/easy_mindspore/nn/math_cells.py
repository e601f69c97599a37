"""MindSpore's special-function Cells: ``nn.DiGamma``, ``nn.LGamma`` and ``nn.LBeta`` (the last
holding an ``LGamma``, as MindSpore's shows in its repr), over the engine's ``digamma`` and
``lgamma`` (differentiable)."""
from .. import _C
from .._C import Tensor
from .._errors import DTypeError
from ..common import dtype as mstype
from .cell import Cell

__all__ = ["DiGamma", "LGamma", "LBeta"]

_FLOATS = (mstype.float16, mstype.float32)


def _float_input(op, name, x):
    if not isinstance(x, Tensor) or x.dtype not in _FLOATS:
        got = x.dtype if isinstance(x, Tensor) else type(x).__name__
        raise DTypeError(f"For '{op}', the '{name}' should be one of {list(_FLOATS)}, but got {got}.")
    return x


class DiGamma(Cell):
    """The digamma function ``ψ(x) = d/dx ln Γ(x)``, elementwise.

    Inputs:
        - **x** (Tensor) - Float16 or Float32.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.DiGamma()(ms.Tensor([2.0])))
        [0.42278433]
    """

    def construct(self, x):
        return _C.digamma(_float_input("DiGamma", "x", x))


class LGamma(Cell):
    """``ln|Γ(x)|``, elementwise.

    Inputs:
        - **x** (Tensor) - Float16 or Float32.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.LGamma()(ms.Tensor([0.5])))
        [0.5723649]
    """

    def construct(self, x):
        return _C.lgamma(_float_input("LGamma", "x", x))


class LBeta(Cell):
    """``ln B(x, y) = ln Γ(x) + ln Γ(y) − ln Γ(x + y)``, elementwise (broadcast).

    Inputs:
        - **x** (Tensor) - Float16 or Float32.
        - **y** (Tensor) - Of `x`'s dtype.

    Outputs:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.LBeta()(ms.Tensor([2.0]), ms.Tensor([3.0])))
        [-2.4849067]
    """

    def __init__(self):
        super().__init__()
        self.lgamma = LGamma()

    def construct(self, x, y):
        x, y = _float_input("LBeta", "x", x), _float_input("LBeta", "y", y)
        return self.lgamma(x) + self.lgamma(y) - self.lgamma(x + y)
