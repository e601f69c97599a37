"""``mindspore.ops.operations`` reductions (re-exported by ``_operations_more``):
``ArgMaxWithValue``/``ArgMinWithValue``, ``Argmin``, ``ReduceMin``/``ReduceProd``/
``ReduceAll``/``ReduceAny`` and the cumulative ``CumSum``, ``Cummax``, ``Cummin``. Each keeps
MindSpore 2.x's constructor and call arguments; its ``__call__`` calls the function of
``ops.function``."""
from . import functional as F
from ..common import dtype as mstype
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .function._args import tensor_arg as _tensor
from ._prim_attrs import type_id
from .operations import Primitive, _axis_value


_ID_TYPES = {34: mstype.int32, 35: mstype.int64}


def _arg_init(prim, axis, output_type):
    """``Argmax``/``Argmin``'s constructor: `output_type` kept as MindSpore 2.10 keeps it, its type
    id (``mstype.int32`` 34, ``mstype.int64`` 35); TypeError for a value that is not a dtype."""
    name = type(prim).__name__
    if output_type is not None and not isinstance(output_type, mstype.Type):
        raise DTypeError(f"For '{name}', the input 'output_type' should be mindspore dtype, but got "
                         f"{output_type}.")
    prim.axis, prim.output_type = axis, None if output_type is None else type_id(output_type)


def _arg_check(name, x, axis, scalar_ok=False):
    """The input of an arg-reduction: a Tensor of numbers and an int `axis` within its rank (none
    for a scalar, as MindSpore's ``Argmax`` checks it; ``scalar_ok``: any for a scalar)."""
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{name}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    if x.dtype == mstype.bool_:
        raise DTypeError(f"For '{name}', the input 'x' must be a Tensor of numbers, but got Bool.")
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise DTypeError(f"For '{name}', 'axis' must be an int, but got {axis!r}.")
    if not (scalar_ok and x.ndim == 0) and not -x.ndim <= axis < x.ndim:
        raise ShapeError(f"For '{name}', the axis must be in [{-x.ndim}, {x.ndim}), but got {axis}.")


def _arg_call(prim, x, is_max):
    name = type(prim).__name__
    _arg_check(name, x, prim.axis)
    if prim.output_type is None:
        raise DTypeError(f"For '{name}', 'output_type' must be a mindspore dtype, but got None.")
    dtype = _ID_TYPES.get(prim.output_type)
    if dtype is None:
        shown = next((str(t) for t in mstype.all_types if type_id(t) == prim.output_type),
                     prim.output_type)
        raise ShapeError(f"For '{name}', 'output_type' must be Int32 or Int64, but got {shown}.")
    return (x.argmax(prim.axis) if is_max else x.argmin(prim.axis)).astype(dtype)


class _ArgWithValue(Primitive):
    _method = None

    def __init__(self, axis=0, keep_dims=False):
        self.axis, self.keep_dims = axis, keep_dims

    def __call__(self, x):
        _arg_check(type(self).__name__, x, self.axis, scalar_ok=True)
        values, index = getattr(F, self._method)(x, self.axis, self.keep_dims)
        return index.astype(mstype.int64), values


class ArgMaxWithValue(_ArgWithValue):
    """``ops.ArgMaxWithValue(axis=0, keep_dims=False)(x)``: ``(index, value)`` — the index first,
    Int64, as MindSpore 2.10 returns them.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        tuple(Tensor, Tensor), the index (Int64) and the value of the maximum along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ArgMaxWithValue()(x))
        (Tensor(shape=[], dtype=Int64, value= 2), Tensor(shape=[], dtype=Float32, value= 2.5))
    """

    _method = "max"


class ArgMinWithValue(_ArgWithValue):
    """``ops.ArgMinWithValue(axis=0, keep_dims=False)(x)``: ``(index, value)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        tuple(Tensor, Tensor), the index (Int64) and the value of the minimum along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ArgMinWithValue()(x))
        (Tensor(shape=[], dtype=Int64, value= 0), Tensor(shape=[], dtype=Float32, value= -1.5))
    """

    _method = "min"


class Argmin(Primitive):
    """``ops.Argmin(axis=-1, output_type=mstype.int32)(x)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        output_type (mindspore.dtype, optional): The dtype of the indices, ``mstype.int32`` or
            ``mstype.int64`` (kept as MindSpore's type id: 34, 35). Default: ``mstype.int32``.

    Outputs:
        Tensor of `output_type`, the indices of the minima along `axis` (TypeError for a Bool
        input, ValueError for another `output_type` when called).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Argmin()(x))
        0
    """

    def __init__(self, axis=-1, output_type=mstype.int32):
        _arg_init(self, axis, output_type)

    def __call__(self, x):
        return _arg_call(self, x, False)


class _Reduce(Primitive):
    _fn = None

    def __init__(self, keep_dims=False):
        self.keep_dims = keep_dims

    def __call__(self, x, axis=()):
        axis = _axis_value(axis)
        return type(self)._fn(x, None if axis == () else axis, self.keep_dims)


class ReduceMin(_Reduce):
    """``ops.ReduceMin(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMin()(x))
        -1.5
    """

    _fn = staticmethod(lambda x, a, k: F.amin(x, a, k))


def _keep_int_dtype(out, x):
    """`out` in the dtype of `x` when `x` is an integer or bool tensor (MindSpore's ReduceProd
    and CumProd keep it: Int32 stays Int32, Bool stays Bool)."""
    dt = getattr(x, "dtype", None)
    if dt is not None and (dt == mstype.bool_ or dt in mstype.int_type or dt in mstype.uint_type) and out.dtype != dt:
        return out.astype(dt)
    return out


class ReduceProd(_Reduce):
    """``ops.ReduceProd(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceProd()(x))
        -0.0
    """

    _fn = staticmethod(lambda x, a, k: _keep_int_dtype(F.prod(x, a, k), x))


class ReduceAll(_Reduce):
    """``ops.ReduceAll(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceAll()(x))
        False
    """

    _fn = staticmethod(lambda x, a, k: F.all(x, a, k))


class ReduceAny(_Reduce):
    """``ops.ReduceAny(keep_dims=False)(x, axis=())``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceAny()(x))
        True
    """

    _fn = staticmethod(lambda x, a, k: F.any(x, a, k))


class CumSum(Primitive):
    """``ops.CumSum(exclusive=False, reverse=False)(x, axis)``: running sums; ``exclusive`` leaves
    each element out of its own sum, ``reverse`` sums from the end.

    Args:
        exclusive (bool, optional): Whether each output excludes its own element. Default:
            ``False``.
        reverse (bool, optional): Whether to accumulate from the end. Default: ``False``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.CumSum()(x, 1))
        [[ 1.  3.  6.]
         [ 4.  9. 15.]]
    """

    def __init__(self, exclusive=False, reverse=False):
        self.exclusive, self.reverse = bool(exclusive), bool(reverse)

    def __call__(self, x, axis):
        x = _tensor("CumSum", "x", x)
        if x.dtype == mstype.bool_:
            from .._errors import DTypeError
            raise DTypeError("For primitive[CumSum], the input argument[x] must be a numeric Tensor, but "
                             "got Tensor[Bool].")
        if self.reverse:
            x = F.flip(x, (axis,))
        out = x.cumsum(axis, dtype=x.dtype)
        if self.exclusive:
            out = out - x
        return F.flip(out, (axis,)) if self.reverse else out


class Cummax(Primitive):
    """``ops.Cummax(axis)(x)``: ``(values, indices)``.

    Args:
        axis (int, optional): The axis.

    Outputs:
        tuple(Tensor, Tensor), the running maxima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 3.0, 2.0], ms.float32)
        >>> values, indices = ops.Cummax(axis=0)(x)
        >>> print(values)
        [1. 3. 3.]
        >>> print(indices)
        [0 1 1]
    """

    def __init__(self, axis):
        self.axis = axis

    def __call__(self, x):
        return F.cummax(x, self.axis)


class Cummin(Cummax):
    """``ops.Cummin(axis)(x)``: ``(values, indices)``.

    Args:
        axis (int, optional): The axis.

    Outputs:
        tuple(Tensor, Tensor), the running minima and their Int64 indices, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3.0, 1.0, 2.0], ms.float32)
        >>> values, indices = ops.Cummin(axis=0)(x)
        >>> print(values)
        [3. 1. 1.]
        >>> print(indices)
        [0 1 1]
    """

    def __call__(self, x):
        return F.cummin(x, self.axis)
