"""``mindspore.nn.probability.distribution._utils.custom_ops``: ``exp_generic`` and
``log_generic`` (float results for int inputs; ``log`` is -inf at 0 and NaN below, as
MindSpore's), ``log1p_generic`` and ``broadcast_to`` (one Tensor to another's shape)."""
import math as _math

from ....._C import Tensor
from .....common import dtype as mstype
from .utils import CheckTensor


def _as_float(x):
    return x if x.dtype in mstype.float_type else x.astype(mstype.float32)


def exp_generic(input_x):
    """``exp(x)``, an int `x` taken as float32."""
    return _as_float(input_x).exp()


def log_generic(input_x):
    """``log(x)``, an int `x` taken as float32: -inf where ``x == 0``, NaN where ``x < 0``."""
    from ..._util import where
    x = _as_float(input_x)
    return where(x < 0, _math.nan, where(x <= 0, -_math.inf, x.log()))


def log_generic_with_check(x):
    """``log_generic(x)`` after checking `x` is a Tensor."""
    CheckTensor()(x, "the input of log_generic")
    return log_generic(x)


def log1p_generic(x):
    """``log(1 + x)`` through ``log_generic``."""
    return log_generic(x + 1.0)


def broadcast_to(x, target):
    """`x` broadcast to the shape of the Tensor `target`."""
    if not isinstance(x, Tensor) or tuple(x.shape) == tuple(target.shape):
        return x
    return x.broadcast_to(tuple(target.shape))
