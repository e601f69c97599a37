"""``mindspore.nn.probability.distribution._utils.utils``: the argument helpers of the
distributions and bijectors, as MindSpore 2.10 has them: ``cast_to_tensor`` (a parameter as a
Tensor), the range checks (``check_greater_zero``, ``check_prob``, ...), ``set_param_type`` (the
dtype the parameters compute in), ``CheckTensor``/``CheckTuple`` (argument type checks callable
inside a Cell) and the ``raise_*`` helpers with MindSpore's messages."""
import numpy as _np

from ....._C import Tensor
from ....._errors import DTypeError, ShapeError, UnimplementedError
from .....common import dtype as mstype


def _is_parameter(t):
    from .....common.parameter import Parameter
    return isinstance(t, Parameter)


def cast_to_tensor(t, hint_type=mstype.float32):
    """`t` (an int, float, list, NumPy array or Tensor) as a Tensor of `hint_type`; a Parameter
    is returned as it is.

    Raises:
        ValueError: `t` is None.
        TypeError: `t` is a bool, or of another type.
    """
    if t is None:
        raise ShapeError('Input cannot be None in cast_to_tensor')
    if _is_parameter(t):
        return t
    if isinstance(t, bool):
        raise DTypeError('Input cannot be Type Bool')
    if isinstance(t, (Tensor, _np.ndarray, list, int, float)):
        return Tensor(t, dtype=hint_type)
    raise DTypeError(f"Unable to convert input of type {type(t)} to a Tensor of type {hint_type}")


def cast_type_for_device(dtype):
    """`dtype`, or the one a GPU computes it in (uint and int8 → int16, int64 → int32,
    float64 → float32) when the device target is GPU."""
    from ..... import context
    if context.get_context("device_target") == "GPU":
        if dtype in mstype.uint_type or dtype == mstype.int8:
            return mstype.int16
        if dtype == mstype.int64:
            return mstype.int32
        if dtype == mstype.float64:
            return mstype.float32
    return dtype


def _values(value):
    """`value` (a Tensor or a Parameter) as a NumPy array, or None for a Parameter without
    data yet (its checks are skipped, as MindSpore's)."""
    if _is_parameter(value) and not isinstance(value, Tensor):
        return None
    return _np.asarray(value.asnumpy())


def check_greater_equal_zero(value, name):
    """Raises a ValueError unless every element of `value` is ``>= 0``."""
    v = _values(value)
    if v is not None and _np.less(v, _np.zeros(v.shape)).any():
        raise ShapeError(f'{name} must be greater than or equal to zero.')


def check_greater_zero(value, name):
    """Raises a ValueError unless every element of `value` is ``> 0``."""
    if value is None:
        raise ShapeError('input value cannot be None in check_greater_zero')
    v = _values(value)
    if v is not None and not _np.less(_np.zeros(v.shape), v).all():
        raise ShapeError(f'{name} must be greater than zero.')


def check_greater(a, b, name_a, name_b):
    """Raises a ValueError unless `a < b` everywhere (Parameters are not checked)."""
    if a is None or b is None:
        raise ShapeError('input value cannot be None in check_greater')
    if _is_parameter(a) or _is_parameter(b):
        return
    if not _np.less(a.asnumpy(), b.asnumpy()).all():
        raise ShapeError(f'{name_a} must be less than {name_b}')


def check_prob(p):
    """Raises a ValueError unless every element of `p` is a probability ``0 < p < 1``."""
    if p is None:
        raise ShapeError('input value cannot be None in check_greater_zero')
    v = _values(p)
    if v is None:
        return
    if not _np.less(_np.zeros(v.shape), v).all():
        raise ShapeError('Probabilities must be greater than zero')
    if not _np.greater(_np.ones(v.shape), v).all():
        raise ShapeError('Probabilities must be less than one')


def check_sum_equal_one(probs):
    """Raises a ValueError unless the rows (last axis) of `probs` sum to one (within ten float
    epsilons of its dtype)."""
    if probs is None:
        raise ShapeError('input value cannot be None in check_sum_equal_one')
    v = probs if isinstance(probs, _np.ndarray) else _values(probs) if isinstance(probs, Tensor) \
        else _np.asarray(probs)
    if v is None:
        return
    total = _np.sum(v, axis=-1)
    eps = _np.finfo(total.dtype).eps if _np.issubdtype(total.dtype, _np.floating) else \
        _np.finfo(_np.float64).eps
    if not _np.allclose(total, _np.ones(total.shape), rtol=eps * 10, atol=eps):
        raise ShapeError('Probabilities for each category should sum to one for Categorical '
                         'distribution.')


def check_rank(probs):
    """Raises a ValueError if `probs` is a scalar (a Categorical's needs a class axis)."""
    if probs is None:
        raise ShapeError('input value cannot be None in check_rank')
    v = _values(probs)
    if v is not None and v.ndim == 0:
        raise ShapeError('probs for Categorical distribution must have rank >= 1.')


def logits_to_probs(logits, is_binary=False):
    """Probabilities of `logits`: their sigmoid (`is_binary`), else their softmax on the last
    axis."""
    return logits.sigmoid() if is_binary else logits.softmax(-1)


def clamp_probs(probs):
    """`probs` clipped to ``[eps, 1 - eps]`` of their dtype."""
    eps = float(_np.finfo(mstype.dtype_to_nptype(probs.dtype)).eps)
    return probs.clip(eps, 1 - eps)


def probs_to_logits(probs, is_binary=False):
    """Logits of `probs` (clamped away from 0 and 1): ``log p - log(1 - p)`` (`is_binary`), else
    ``log p``."""
    p = clamp_probs(probs)
    return p.log() - (1 - p).log() if is_binary else p.log()


def raise_none_error(name):
    raise DTypeError(f"the type {name} must be subclass of Tensor."
                     " It can not be None since it is not specified during initialization.")


def raise_broadcast_error(shape_a, shape_b):
    raise ShapeError(f"Shape {shape_a} and {shape_b} is not broadcastable.")


def raise_not_impl_error(name):
    raise ShapeError(f"{name} function must be implemented for non-linear transformation")


def raise_not_implemented_util(func_name, obj, *args, **kwargs):  # pylint: disable=unused-argument
    raise UnimplementedError(f"{func_name} is not implemented for {obj} distribution.")


def raise_type_error(name, cur_type, required_type):
    raise DTypeError(f"For {name} , the type must be or be subclass of {required_type}, but got "
                     f"{cur_type}")


def raise_not_defined(func_name, obj, *args, **kwargs):  # pylint: disable=unused-argument
    raise ShapeError(f"{func_name} is undefined for {obj} distribution.")


def check_distribution_name(name, expected_name):
    """Raises a ValueError unless `name` (a distribution's type, as ``kl_loss`` takes it) is
    `expected_name`."""
    if name is None:
        raise ShapeError("Input dist must be a constant which is not None.")
    if name != expected_name:
        raise ShapeError(f"Expected dist input is {expected_name}, but got {name}.")


class CheckTuple:
    """``CheckTuple()(x, name)``: `x` when it is a tuple, else a TypeError naming `name`."""

    def __call__(self, x, name):
        if isinstance(x, tuple):
            return x
        raise DTypeError(f"For {name}, input type must be a tuple.")


class CheckTensor:
    """``CheckTensor()(x, name)``: `x` when it is a Tensor (or a Parameter) or None, else a
    TypeError naming `name`."""

    def __call__(self, x, name):
        if x is None or isinstance(x, Tensor):
            return x
        raise DTypeError(f"For {name}, input type must be a Tensor or Parameter.")


def _dtype_of(arg):
    if isinstance(arg, Tensor):
        return arg.dtype
    return Tensor(_np.zeros((), _np.dtype(arg.dtype))).dtype  # a NumPy array's (or scalar's)


def set_param_type(args, hint_type):
    """The dtype a distribution's parameters compute in: the common dtype of those that have one
    (Tensors, NumPy arrays), float32 where that is an int or float64 one, else `hint_type`
    (float32 for an int one or None).

    Args:
        args (dict): The parameters by name.
        hint_type (mindspore.dtype): The distribution's dtype.

    Raises:
        TypeError: The parameters that have a dtype do not all have the same.
    """
    int_type = mstype.int_type + mstype.uint_type
    if hint_type in int_type or hint_type is None:
        hint_type = mstype.float32
    common_dtype = None
    for name, arg in args.items():
        if hasattr(arg, 'dtype'):
            cur_dtype = _dtype_of(arg)
            if common_dtype is None:
                common_dtype = cur_dtype
            elif cur_dtype != common_dtype:
                raise DTypeError(f"{name} should have the same dtype as other arguments.")
    if common_dtype in int_type or common_dtype == mstype.float64:
        return mstype.float32
    return hint_type if common_dtype is None else common_dtype
