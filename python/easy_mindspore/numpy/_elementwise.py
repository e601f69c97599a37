"""``mindspore.numpy`` elementwise functions (re-exported by ``mindspore.numpy``): ``exp``,
``log``, ``sqrt``, ``square``, ``abs``, ``sin``, ``cos``, ``tanh``, ``floor``, ``negative``,
the broadcasting binary ops (``power``, ``add``, ``subtract``, ``multiply``, ``divide``,
``maximum``, ``minimum``), ``clip``, ``where`` and the comparisons ``isclose``/``allclose``.
Integer inputs of ``exp``/``log`` are promoted to Float32 (MindSpore's CPU kernels reject them).

The binary functions here and in the other modules take Python numbers as MindSpore 2.10's
mindspore.numpy does: an int is an Int32 tensor and a float a Float32 one, promoted with the other
operand as two tensors are (``add(int8_x, 3)`` is Int32, ``add(float16_x, 2.5)`` Float32, where
the Tensor operator ``int8_x + 3`` stays Int8)."""
from .. import _C
from ..common.dtype import bool_, float16, float32, float64, int8, uint8
from ..tensor import Tensor
from ._creation import _t, asarray


def _float(a):
    a = _t(a)
    # MindSpore's CPU kernels refuse integer input to exp/log; NumPy promotes, and so do we.
    # Float16 stays Float16 (MindSpore 2.10 and NumPy keep it).
    return a if a.dtype in (float16, float32, float64) else a.astype(float32)


def _float32(a):
    """``a`` with Float32 for every dtype but Float64: the functions that give Float32 for
    Float16 input in MindSpore 2.10 (cbrt, ceil, norm, nanmean, cov, ...)."""
    a = _t(a)
    return a if a.dtype in (float32, float64) else a.astype(float32)


def _trig_float(a):
    """The operand of the trigonometric and hyperbolic functions: Float16 for Bool, Int8 and
    UInt8 (as MindSpore 2.10 and NumPy give), Float32 for the wider integers, floats kept."""
    a = _t(a)
    return a.astype(float16) if a.dtype in (bool_, int8, uint8) else _float(a)


def exp(x, dtype=None):
    """``e**x`` elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.exp(x))
        [ 0.22313017  1.         12.182494  ]
    """
    return _cast(_float(x).exp(), dtype)


def log(x, dtype=None):
    """Natural logarithm elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(mnp.log(x))
        [-2.3025851  -0.6931472  -0.10536055]
    """
    return _cast(_float(x).log(), dtype)


def sqrt(x, dtype=None):
    """Square root elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(mnp.sqrt(x))
        [0.31622776 0.70710677 0.94868326]
    """
    return _cast(_float(x).sqrt(), dtype)


def square(x, dtype=None):
    """``x*x`` elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.square(x))
        [2.25 0.   6.25]
    """
    x = _t(x)
    return _cast(x * x, dtype)


def abs(x, dtype=None):
    """Absolute value elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.abs(x))
        [1.5 0.  2.5]
    """
    return _cast(_t(x).abs(), dtype)


absolute = abs


def sin(x, dtype=None):
    """Sine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.sin(x))
        [-0.997495   0.         0.5984721]
    """
    return _cast(_trig_float(x).sin(), dtype)


def cos(x, dtype=None):
    """Cosine elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.cos(x))
        [ 0.0707372  1.        -0.8011436]
    """
    return _cast(_trig_float(x).cos(), dtype)


def tanh(x, dtype=None):
    """Hyperbolic tangent elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.tanh(x))
        [-0.90514827  0.          0.9866143 ]
    """
    return _cast(_trig_float(x).tanh(), dtype)


def floor(x, dtype=None):
    """Floor elementwise.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.floor(x))
        [-2.  0.  2.]
    """
    return _cast(_float(x).floor(), dtype)


def negative(a, dtype=None):
    """``-x`` elementwise.

    Args:
        a (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.negative(x))
        [ 1.5 -0.  -2.5]
    """
    return _cast(-_t(a), dtype)


def _cast(out, dtype):
    """``out`` cast to ``dtype`` when one is given (MindSpore's ``dtype`` argument: the result
    computed in its natural dtype, then cast)."""
    return out if dtype is None else out.astype(dtype)


_PROMOTED = {}


def _promote(d1, d2):
    """The dtype of a binary operation on tensors of dtypes `d1` and `d2`: a Bool tensor takes
    the other's dtype, otherwise the usual promotion of two tensors (computed once per pair)."""
    if d1 == d2 or d2 == bool_:
        return d1
    if d1 == bool_:
        return d2
    key = (str(d1), str(d2))
    if key not in _PROMOTED:
        _PROMOTED[key] = (_C.full((0,), 0, d1) + _C.full((0,), 0, d2)).dtype
    return _PROMOTED[key]


def _binary_operands(x1, x2):
    """Both operands as tensors of their promoted dtype, as MindSpore 2.10's mindspore.numpy
    makes them: a Python int becomes an Int32 tensor, a float a Float32 one and a bool a Bool one
    before promoting (``add(int8_x, 3)`` is Int32, ``add(float16_x, 2.5)`` Float32: unlike the
    weakly typed Tensor operators), and a 0-d tensor promotes as any other tensor."""
    a, b = _t(x1), _t(x2)
    dtype = _promote(a.dtype, b.dtype)
    return (a if a.dtype == dtype else a.astype(dtype)), (b if b.dtype == dtype else b.astype(dtype))


def _extremum(fn, x1, x2, dtype):
    """``maximum``/``minimum``: computed in the promoted dtype; with one 0-d operand (a Python
    number is one) the result takes the other operand's dtype, as MindSpore 2.10 gives."""
    a, b = _t(x1), _t(x2)
    keep = b.dtype if a.ndim == 0 < b.ndim else a.dtype if b.ndim == 0 < a.ndim else None
    out = fn(*_binary_operands(a, b))
    return _cast(out if keep is None or out.dtype == keep else out.astype(keep), dtype)


def power(x1, x2, dtype=None):
    """``x1 ** x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.power(x, y))
        [ 1.         1.4142135 27.       ]
    """
    a, b = _binary_operands(x1, x2)
    return _cast(a ** b, dtype)


def add(x1, x2, dtype=None):
    """``x1 + x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.add(x, y))
        [5.  2.5 6. ]
    """
    a, b = _binary_operands(x1, x2)
    return _cast(a + b, dtype)


def subtract(x1, x2, dtype=None):
    """``x1 - x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.subtract(x, y))
        [-3.   1.5  0. ]
    """
    a, b = _binary_operands(x1, x2)
    return _cast(a - b, dtype)


def multiply(x1, x2, dtype=None):
    """``x1 * x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.multiply(x, y))
        [4. 1. 9.]
    """
    a, b = _binary_operands(x1, x2)
    return _cast(a * b, dtype)


def divide(x1, x2, dtype=None):
    """True division elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.divide(x, y))
        [0.25 4.   1.  ]
    """
    a, b = _binary_operands(x1, x2)
    return _cast(a / b, dtype)


true_divide = divide


def maximum(x1, x2, dtype=None):
    """The elementwise maximum.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.maximum(x, y))
        [4. 2. 3.]
    """
    return _extremum(_C.maximum, x1, x2, dtype)


def minimum(x1, x2, dtype=None):
    """The elementwise minimum.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.minimum(x, y))
        [1.  0.5 3. ]
    """
    return _extremum(_C.minimum, x1, x2, dtype)


def clip(x, xmin, xmax, dtype=None):
    """``x`` limited to ``[xmin, xmax]`` (either may be None); keeps ``x``'s dtype.

    Args:
        x (Union[Tensor, list, tuple, number]): The input array.
        xmin (Union[Tensor, number]): The lower bound (None: none).
        xmax (Union[Tensor, number]): The upper bound (None: none).
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(mnp.clip(x, y, z))
        [0.5 0.5 2. ]
    """
    x = _t(x)
    if xmin is None and xmax is None:
        raise ValueError("For 'mindspore.numpy.clip', xmin and xmax cannot both be None.")
    out = x
    if xmin is not None:
        lo = xmin.astype(x.dtype) if isinstance(xmin, Tensor) else Tensor(xmin, x.dtype)
        out = _C.maximum(out, lo)
    if xmax is not None:
        hi = xmax.astype(x.dtype) if isinstance(xmax, Tensor) else Tensor(xmax, x.dtype)
        out = _C.minimum(out, hi)
    return out if dtype is None else out.astype(dtype)


def where(condition, x=None, y=None):
    """``x`` where ``condition`` holds, else ``y``, broadcast, in the promoted dtype of ``x`` and
    ``y`` (a Python int counts as Int32, a float as Float32: ``where(c, 1.5, int32_x)`` is Float32).

    Args:
        condition (Tensor): A Bool tensor: where True take `x`, else `y`.
        x (Union[Tensor, number], optional): Taken where `condition` holds. Default: ``None``.
        y (Union[Tensor, number], optional): Taken elsewhere. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> print(mnp.where(x > 0, x, 0.0))
        [1. 0. 3.]
    """
    if x is None or y is None:
        raise TypeError("For 'mindspore.numpy.where', x and y must both be given "
                        "(the one-argument form is not supported, as in MindSpore).")
    cond = _t(condition)
    if cond.dtype != bool_:
        cond = cond.astype(bool_)
    x, y = _binary_operands(x, y)  # numbers as Int32/Float32 tensors, then promoted
    return _C.where_(cond, x, y)


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Elementwise ``|a - b| <= atol + rtol * |b|`` (infinities equal when equal, NaN when
    ``equal_nan``), broadcast; a number operand is broadcast (MindSpore 2.10 rejects it).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.isclose(x, y))
        [False False  True]
    """
    a = _t(a)
    b = b if isinstance(b, Tensor) else Tensor(b, a.dtype) if isinstance(b, (int, float)) else asarray(b)
    if a.dtype not in (float32, float64):
        a = a.astype(float32)
    if b.dtype not in (float32, float64):
        b = b.astype(float32)
    finite = _and((a - a) == 0, (b - b) == 0)  # neither inf nor NaN
    close = _and(finite, (a - b).abs() <= atol + rtol * b.abs())
    out = _or(close, a == b)
    if equal_nan:
        out = _or(out, _and(a != a, b != b))
    return out


def _or(p, q):
    return _C.where_(p, p, q)


def _and(p, q):
    return _C.where_(p, q, p)


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """True (a Bool scalar tensor) when every element of ``a`` is close to ``b``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, 0-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.allclose(x, y))
        False
    """
    return isclose(a, b, rtol, atol, equal_nan).all()
