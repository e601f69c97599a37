"""``mindspore.ops`` everyday arithmetic (re-exported by ``_basic_func``): ``subtract``,
``multiply``, ``divide`` with ``rounding_mode``, ``addn``, the floor/truncating divisions,
``copysign``, ``signbit``, ``sgn``, ``fmax``/``fmin``, ``ldexp``, ``xdivy``, and the predicates
``isposinf``, ``isneginf``, ``is_tensor``, ``is_floating_point``, ``is_complex``.
Compositions of engine ops."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t, tensor_arg as _tensor, weak_lhs as _lhs
from ._basic_reduce import _FLOATS


def subtract(input, other, *, alpha=1):  # noqa: A002
    """``ops.subtract``: ``input - alpha·other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        alpha (number, optional): The multiplier of `other`. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.subtract(Tensor([3.0]), 1, alpha=2))
        [1.]
    """
    return _t(input) - (other * alpha if alpha != 1 else other)


def multiply(input, other):  # noqa: A002
    """``ops.multiply``: ``input · other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.multiply(x, y))
        [4. 1. 9.]
    """
    return _t(input) * other


def tensor_add(input, other):  # noqa: A002
    """``ops.tensor_add``: ``input + other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.tensor_add(x, y))
        [5.  2.5 6. ]
    """
    return _t(input) + other


def divide(input, other, *, rounding_mode=None):  # noqa: A002
    """``ops.divide``: ``input / other`` (integers give Float32); ``rounding_mode`` ``'floor'``
    or ``'trunc'`` rounds the quotient, in the operands' dtype.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        rounding_mode (str, optional): None for true division, ``'floor'`` or ``'trunc'`` to round.
            Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.divide(Tensor([-7, 7]), 2, rounding_mode='trunc'))
        [-3  3]
    """
    x = _t(input)
    if rounding_mode is None:
        return x / other
    if rounding_mode == "floor":
        return x // other
    if rounding_mode == "trunc":
        return truncate_div(x, other)
    raise ShapeError(f"For 'divide', 'rounding_mode' must be None, 'floor' or 'trunc', but got "
                     f"{rounding_mode!r}.")


def negative(input):  # noqa: A002
    """``ops.negative``: ``-input``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.negative(x))
        [ 1.5 -0.  -2.5]
    """
    return -_t(input)


def positive(input):  # noqa: A002
    """``ops.positive``: ``input`` itself (Bool too, as MindSpore 2.10 returns it).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.positive(x))
        [-1.5  0.   2.5]
    """
    return _t(input)


def absolute(input):  # noqa: A002
    """``ops.absolute``: ``|input|``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.absolute(x))
        [1.5 0.  2.5]
    """
    return _t(input).abs()


def addn(x):
    """``ops.addn``: the sum of a tuple or list of tensors of one shape.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape and dtype of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.addn([x, x, x]))
        [3. 6.]
    """
    if not isinstance(x, (tuple, list)) or not x:
        raise DTypeError(f"For 'AddN', 'x' must be a non-empty tuple or list of Tensors, but got "
                         f"{type(x).__name__}.")
    out = _t(x[0])
    for v in x[1:]:
        if tuple(_t(v).shape) != tuple(out.shape):
            raise ShapeError(f"For 'AddN', the tensors must have one shape, but got {list(out.shape)} "
                             f"and {list(_t(v).shape)}.")
        out = out + v
    return out


def floor_div(x, y):
    """``ops.floor_div``: ``floor(x / y)``.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floor_div(x, y))
        [0. 4. 1.]
    """
    return _lhs(x, y) // y


floordiv = floor_div


def floor_mod(x, y):
    """``ops.floor_mod``: ``x - floor(x / y)·y`` (the sign of ``y``).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floor_mod(x, y))
        [1. 0. 0.]
    """
    return _t(x) % y


floormod = floor_mod


def truncate_div(x, y):
    """``ops.truncate_div``: ``x / y`` rounded towards zero, in the operands' dtype.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.truncate_div(Tensor([-7, 7]), Tensor([2, 2])))
        [-3  3]
    """
    a = _t(x)
    q = a // y
    r = a % y
    yy = y if isinstance(y, Tensor) else Tensor(y, a.dtype)
    # Floor and truncation differ where the remainder is nonzero and the signs differ.
    fix = (r != 0) * ((a < 0) != (yy < 0))
    return _C.where_(fix, q + 1, q)


def truncate_mod(x, y):
    """``ops.truncate_mod``: ``x - truncate_div(x, y)·y`` (the sign of ``x``).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.truncate_mod(x, y))
        [1. 0. 0.]
    """
    from .math_func import fmod
    return fmod(x, y)


def copysign(x, other):
    """``ops.copysign``: ``|x|`` with the sign of ``other`` (Float32 for integer input).

    Args:
        x (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([-1.0, 1.0, -0.0], ms.float32)
        >>> print(ops.copysign(x, y))
        [-1.  2. -3.]
    """
    a = _t(x)
    a = a if a.dtype in _FLOATS else a.astype(mstype.float32)
    o = other if isinstance(other, Tensor) else Tensor(float(other), a.dtype)
    neg = signbit(o)
    return _C.where_(neg, -a.abs(), a.abs())


def signbit(input):  # noqa: A002
    """``ops.signbit``: True where the sign bit is set (negative numbers and ``-0.0``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.signbit(x))
        [ True False False]
    """
    x = _t(input)
    if x.dtype not in _FLOATS:
        return x < 0
    # -0.0 has 1/x = -inf.
    return (x < 0) + ((x == 0) * ((1.0 / _C.where_(x == 0, x, Tensor(1.0, x.dtype))) < 0))


def sgn(input):  # noqa: A002
    """``ops.sgn``: -1, 0 or 1 by the sign for real tensors (:func:`ops.sign`); ``x / |x|`` for
    complex ones (0 where ``x`` is 0).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sgn(x))
        [-1.  0.  1.]
        >>> print(ops.sgn(ms.Tensor([3 + 4j, 0j], ms.complex64)))
        [0.6+0.8j 0. +0.j ]
    """
    x = _t(input)
    if x.dtype in (mstype.complex64, mstype.complex128):
        size = x.abs()
        return x / _C.where_(size == 0, Tensor(1, size.dtype), size)  # 0 / 1 at 0
    from ..functional import sign
    return sign(x)


def isposinf(input):  # noqa: A002
    """``ops.isposinf``: True at +inf.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('inf')], ms.float32)
        >>> print(ops.isposinf(x))
        [False False  True]
    """
    x = _t(input)
    return x == float("inf") if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def isneginf(input):  # noqa: A002
    """``ops.isneginf``: True at -inf.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('inf')], ms.float32)
        >>> print(ops.isneginf(x))
        [ True False False]
    """
    x = _t(input)
    return x == float("-inf") if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def is_tensor(obj):
    """``ops.is_tensor``: whether ``obj`` is a Tensor.

    Args:
        obj (object): The object.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_tensor(x))
        True
    """
    return isinstance(obj, Tensor)


def is_floating_point(input):  # noqa: A002
    """``ops.is_floating_point``: whether the dtype is a float type.

    Args:
        input (Tensor): The input tensor.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_floating_point(x))
        True
    """
    return _tensor("is_floating_point", "input", input).dtype in _FLOATS


def is_complex(input):  # noqa: A002
    """``ops.is_complex``: whether the dtype is complex.

    Args:
        input (Tensor): The input tensor.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_complex(x))
        False
    """
    return "complex" in str(_tensor("is_complex", "input", input).dtype).lower()


def _number_pair(input, other):
    """Tensors of `input` and `other`, a Python number taking the other's dtype when it is of its
    kind (an int beside Int32 stays Int32, as MindSpore's scalar promotion keeps it)."""
    x = _t(input)
    if isinstance(other, bool) or not isinstance(other, (int, float)):
        return x, _t(other)
    if isinstance(other, int) and (x.dtype in mstype.int_type or x.dtype in mstype.uint_type
                                   or x.dtype in mstype.float_type):
        return x, Tensor(other, x.dtype)
    if isinstance(other, float) and x.dtype in mstype.float_type:
        return x, Tensor(other, x.dtype)
    return x, _t(other)


def fmax(input, other):  # noqa: A002
    """``ops.fmax``: the elementwise maximum, ignoring a NaN when the other value is a number.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.fmax(x, y))
        [4. 2. 3.]
    """
    x, y = _number_pair(input, other)
    m = _C.maximum(x, y)
    return _C.where_(x != x, y, _C.where_(y != y, x, m))


def fmin(input, other):  # noqa: A002
    """``ops.fmin``: the elementwise minimum, ignoring a NaN when the other value is a number.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.fmin(x, y))
        [1.  0.5 3. ]
    """
    x, y = _number_pair(input, other)
    m = _C.minimum(x, y)
    return _C.where_(x != x, y, _C.where_(y != y, x, m))


def ldexp(x, other):
    """``ops.ldexp``: ``x · 2**other``.

    Args:
        x (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.ldexp(x, y))
        [16.        2.828427 24.      ]
    """
    a = _t(x)
    a = a if a.dtype in _FLOATS else a.astype(mstype.float32)
    e = other.astype(a.dtype) if isinstance(other, Tensor) else float(other)
    return a * (Tensor(2.0, a.dtype) ** e)


def xdivy(x, y):
    """``ops.xdivy``: ``x / y``, and 0 where ``x`` is 0.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.xdivy(x, y))
        [0.25 4.   1.  ]
    """
    a = _t(x)
    if not isinstance(y, Tensor) and isinstance(y, float) and a.dtype not in _FLOATS:
        a = a.astype(mstype.float32)  # an integer tensor by a Python float divides in Float32
    b = y if isinstance(y, Tensor) else Tensor(y, a.dtype)
    zero = a == 0
    return _C.where_(zero, Tensor(0, a.dtype), a / _C.where_(zero, Tensor(1, b.dtype), b))
