"""The Tensor methods written in Python, installed on the native class at import (as MindSpore's
own Python ``Tensor`` forwards its methods to ``ops``): each is a thin front over the function of
``mindspore.ops`` with MindSpore 2.10's method signature. The hot methods (arithmetic, reductions,
reshapes, elementwise math) are native, in ``crates/easy-mindspore-py/src/tensor.rs``."""
import numpy as _np

from . import _C
from . import _tensor_extremes as _extremes
from . import _tensor_inplace as _inplace
from . import _tensor_overloads as _overloads
from . import _tensor_puts as _puts
from ._C import Tensor
from ._errors import ComputeError, ShapeError, with_op_name
from .common import dtype as mstype
from .ops.function import _array_more
from .ops.function import _sequence_func as _sequence
from .ops.function import array_func as _array
from .ops.function import linalg_func as _linalg
from .ops.function import special_func as _special
from .ops.function import logic_func as _logic
from .ops.function import math_func as _math


def _dim(op, axis, dim, default):
    """The axis of a method that MindSpore 2.10 also takes as the ``dim`` of its PyTorch-style
    overload (``x.sort(dim=1)``); both at once is a TypeError."""
    if axis is not None and dim is not None:
        raise TypeError(f"For '{op}', give 'axis' or 'dim', not both.")
    return dim if dim is not None else (default if axis is None else axis)


def _sizes(op, sizes):
    """``f(2, 3)`` or ``f((2, 3))`` as a tuple of ints."""
    if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)):
        sizes = tuple(sizes[0])
    for s in sizes:
        if isinstance(s, bool) or not isinstance(s, (int, _np.integer)):
            raise TypeError(f"For '{op}', the sizes must be ints, but got {sizes}.")
    return tuple(int(s) for s in sizes)


def broadcast_to(self, shape):
    """This tensor broadcast to ``shape`` (``-1`` keeps a dimension), as a view."""
    shape = _sizes("BroadcastTo", (shape,))
    lead = len(shape) - self.ndim
    if lead < 0:
        raise ShapeError(f"For 'BroadcastTo', cannot broadcast shape {list(self.shape)} to {list(shape)}.")
    full = tuple(self.shape[i - lead] if d == -1 and i >= lead else d for i, d in enumerate(shape))
    return _C.broadcast_to(self, full)


def repeat(self, *sizes, axis=None):
    """``Tensor.repeat`` in both of MindSpore's meanings. With ``axis=`` or one int it is
    NumPy's ``repeat`` (MindSpore 1.x and the D2L notebooks: ``x.repeat(n)`` repeats each element
    ``n`` times, flattened); with several sizes (or a tuple) it tiles ``sizes[i]`` times along each
    axis, PyTorch-style, as MindSpore 2.x declares it (its 2.10 CPU build runs neither)."""
    from .numpy import repeat as _np_repeat
    if axis is not None or (len(sizes) == 1 and isinstance(sizes[0], int)):
        if len(sizes) != 1:
            raise ShapeError(f"For 'repeat', give one 'repeats' with 'axis', but got {sizes}.")
        return _np_repeat(self, sizes[0], axis)
    sizes = _sizes("repeat", sizes)
    if len(sizes) < self.ndim:
        raise ShapeError(f"For 'repeat', the number of sizes ({len(sizes)}) must be at least the "
                         f"rank of the tensor ({self.ndim}).")
    return _array.tile(self, sizes)


def tile(self, *dims, **named):
    """``ops.tile`` of this tensor; the repetitions as one sequence or as ints (``x.tile(2, 1)``),
    or by keyword as MindSpore 2.10 names them (``dims=`` or ``reps=``)."""
    if named:
        if dims or len(named) > 1 or set(named) - {"dims", "reps"}:
            raise TypeError(f"Tensor.tile() takes the repetitions once, positionally or as 'dims' "
                            f"or 'reps', but got {sorted(named)} and {len(dims)} positional.")
        dims = (next(iter(named.values())),)
    return _array.tile(self, _sizes("Tile", dims))


def _split(self, split_size_or_sections=None, axis=None, *, split_size=None, dim=None):
    """``ops.split`` of this tensor, with MindSpore 2.10's both spellings: ``(split_size_or_sections,
    axis)`` and ``(split_size, dim)``."""
    from . import ops
    if (split_size_or_sections is None) == (split_size is None):
        raise TypeError("Tensor.split() takes the sizes once, as 'split_size_or_sections' or "
                        "'split_size'.")
    size = split_size_or_sections if split_size is None else split_size
    return ops.split(self, size, _dim("split", axis, dim, 0))


def _to(self, dtype=None, *args, **kwargs):
    """This tensor cast to `dtype` (a dtype, or a Tensor's); a device name (``'CPU'``) keeps it.
    Another string is a ValueError (MindSpore 2.10 reads it as a device), not a silent no-op."""
    if isinstance(dtype, str):
        if dtype.upper() in ("CPU", "CPUX86"):
            return self
        raise ShapeError(f"For 'Tensor.to', {dtype!r} is not a device ('CPU'); give a dtype "
                         f"such as mindspore.float16 to cast.")
    return self.astype(self.dtype if dtype is None else dtype.dtype if isinstance(dtype, Tensor)
                       else dtype)


def _repeat_interleave(self, repeats, dim=None, *, output_size=None):
    """``ops.repeat_interleave`` of this tensor; `output_size`, when given, must be the length of
    the result along `dim` (the whole flattened result for None)."""
    out = _array.repeat_interleave(self, repeats, dim)
    if output_size is not None:
        got = out.shape[dim] if dim is not None else out.size
        if got != output_size:
            raise ShapeError(f"For 'repeat_interleave', 'output_size' is {output_size}, but the "
                             f"result has {got} elements along the axis.")
    return out


def _init_data(self, slice_index=None, shape=None, opt_shard_group=None):
    """The tensor itself: tensors made from ``shape`` and ``init`` hold their values already
    (MindSpore's are lazy). As MindSpore's, the tensor then prints its values as NumPy does."""
    del slice_index, shape, opt_shard_group
    if type(self) is Tensor:
        from .tensor import _host
        _host(self)
    return self


def new_full(self, size, fill_value, *, dtype=None):
    return _C.full(_sizes("new_full", (size,)), fill_value, dtype or self.dtype)


def _swapaxes(x, dim0, dim1):
    from . import ops
    return ops.swapaxes(x, dim0, dim1)


def _nn_softmax(x, axis, dtype):
    from . import ops
    return ops.softmax(x, axis, dtype=dtype)


def _moment_args(axis, ddof, keepdims, dim, correction, keepdim):
    """``(axis, ddof, keepdims)`` from either spelling of ``Tensor.std``/``Tensor.var``; an empty
    tuple of axes is every axis, as MindSpore 2.10's reductions read it."""
    axis = axis if dim is None else dim
    return (None if axis == () else axis, ddof if correction is None else correction,
            keepdims if keepdim is None else keepdim)


def _cast_to(dtype):
    return lambda self: self.astype(dtype)


def _trace(self, offset=0, axis1=0, axis2=1, dtype=None):
    """The sum of the diagonal `offset` over `axis1` and `axis2` (NumPy's ``trace``); integer
    tensors sum in Int64 and `dtype` casts the result, as MindSpore 2.10's ``Tensor.trace``."""
    from .ops.function import _math_more
    out = _math_more.diagonal(self, offset, axis1, axis2).sum(-1)
    return out if dtype is None else out.astype(dtype)


def _diag(self, diagonal=0):
    """``ops.diag`` of this tensor (rank ``k`` to ``2k``), as MindSpore 2.10's CPU build runs
    ``x.diag()``; a nonzero `diagonal` is its Ascend overload, ``mint.diag``: a 1-D tensor on that
    diagonal of a square matrix, or that diagonal of a 2-D tensor."""
    if isinstance(diagonal, bool) or not isinstance(diagonal, int):
        raise TypeError(f"For 'Tensor.diag', 'diagonal' must be an int, but got {type(diagonal).__name__}.")
    if diagonal == 0:
        return _math.diag(self)
    from . import mint
    return mint.diag(self, diagonal)


_METHODS = {
    "real": lambda self: _math.real(self),
    "imag": lambda self: _math.imag(self),
    "conj": lambda self: _math.conj(self),
    "angle": lambda self: _math.angle(self),
    "is_complex": lambda self: self.dtype in mstype.complex_type,
    "sort": lambda self, axis=None, descending=False, *, dim=None, stable=False:
        _array.sort(self, _dim("sort", axis, dim, -1), descending),
    "argsort": lambda self, axis=None, descending=False, *, dim=None, stable=False:
        _array.argsort(self, _dim("argsort", axis, dim, -1), descending),
    "topk": lambda self, k, dim=None, largest=True, sorted=True: _array.topk(self, k, dim, largest,
                                                                             sorted),
    "gather_elements": lambda self, dim, index: _array.gather_elements(self, dim, index),
    "masked_fill": lambda self, mask, value: _array.masked_fill(self, mask, value),
    "masked_select": lambda self, mask: _array.masked_select(self, mask),
    "repeat_interleave": _repeat_interleave,
    "unsqueeze": lambda self, dim=None, *, axis=None: self.expand_dims(_dim("unsqueeze", axis, dim, None)),
    "narrow": lambda self, axis, start, length: _array.narrow(self, axis, start, length),
    "cumprod": lambda self, dim, dtype=None: _math.cumprod(self, dim, dtype),
    # MindSpore 2.10 takes both spellings: (axis, ddof, keepdims) and (dim, correction, keepdim).
    "std": lambda self, axis=None, ddof=0, keepdims=False, *, dim=None, correction=None, keepdim=None:
        _math.std(self, *_moment_args(axis, ddof, keepdims, dim, correction, keepdim)),
    "var": lambda self, axis=None, ddof=0, keepdims=False, *, dim=None, correction=None, keepdim=None:
        _math.var(self, *_moment_args(axis, ddof, keepdims, dim, correction, keepdim)),
    "t": lambda self: self.transpose() if self.ndim == 2 else _t_error(self),
    "to": _to,
    "split": _split,
    # (axis, dtype) and the PyTorch-style dim; dtype casts the input first (MindSpore 2.10).
    "softmax": lambda self, axis=None, dtype=None, *, dim=None: _nn_softmax(
        self, _dim("softmax", axis, dim, -1), dtype),
    "swapdims": lambda self, dim0, dim1: _swapaxes(self, dim0, dim1),
    "long": _cast_to(mstype.int64),
    "int": _cast_to(mstype.int32),
    "float": _cast_to(mstype.float32),
    "double": _cast_to(mstype.float64),
    "bool": _cast_to(mstype.bool_),
    "broadcast_to": broadcast_to,
    "repeat": repeat,
    "tile": tile,
    "new_ones": lambda self, size, *, dtype=None: new_full(self, size, 1, dtype=dtype),
    "new_zeros": lambda self, size, *, dtype=None: new_full(self, size, 0, dtype=dtype),
    "new_full": new_full,
    "bmm": lambda self, mat2: _math.bmm(self, mat2),
    "mm": lambda self, mat2: _math.mm(self, mat2),
    "inner": lambda self, other: _math.inner(self, other),
    "outer": lambda self, vec2: _math.outer(self, vec2),
    "trace": lambda self, offset=0, axis1=0, axis2=1, dtype=None: _trace(self, offset, axis1,
                                                                        axis2, dtype),
    "lerp": lambda self, end, weight: _math.lerp(self, end, weight),
    "init_data": _init_data,
    "__invert__": lambda self: _logic.logical_not(self),
    "__and__": lambda self, other: _logic.bitwise_and(self, other),
    "__rand__": lambda self, other: _logic.bitwise_and(other, self),
    "__or__": lambda self, other: _logic.bitwise_or(self, other),
    "__ror__": lambda self, other: _logic.bitwise_or(other, self),
    "__xor__": lambda self, other: _logic.bitwise_xor(self, other),
    "__rxor__": lambda self, other: _logic.bitwise_xor(other, self),
    "bitwise_and": lambda self, other: _logic.bitwise_and(self, other),
    "bitwise_or": lambda self, other: _logic.bitwise_or(self, other),
    "bitwise_xor": lambda self, other: _logic.bitwise_xor(self, other),
    "bitwise_left_shift": lambda self, other: _logic.bitwise_left_shift(self, other),
    "bitwise_right_shift": lambda self, other: _logic.bitwise_right_shift(self, other),
    "logical_not": lambda self: _logic.logical_not(self),
    "logical_and": lambda self, other: _logic.logical_and(self, other),
    "logical_or": lambda self, other: _logic.logical_or(self, other),
    "logical_xor": lambda self, other: _logic.logical_xor(self, other),
}


# The methods MindSpore 2.x's Tensor forwards to the math/array functions of ``ops`` (part two).
_METHODS.update({
    "log1p": lambda self: _math.log1p(self),
    "expm1": lambda self: _math.expm1(self),
    "log2": lambda self: _math.log2(self),
    "log10": lambda self: _math.log10(self),
    "asin": lambda self: _math.asin(self),
    "acos": lambda self: _math.acos(self),
    "atan": lambda self: _math.atan(self),
    "atan2": lambda self, other: _math.atan2(self, other),
    "asinh": lambda self: _math.asinh(self),
    "acosh": lambda self: _math.acosh(self),
    "atanh": lambda self: _math.atanh(self),
    "arcsin": lambda self: _math.asin(self),
    "arccos": lambda self: _math.acos(self),
    "arctan": lambda self: _math.atan(self),
    "arctan2": lambda self, other: _math.atan2(self, other),
    "arcsinh": lambda self: _math.asinh(self),
    "arccosh": lambda self: _math.acosh(self),
    "arctanh": lambda self: _math.atanh(self),
    "ceil": lambda self: _math.ceil(self),
    "round": lambda self, decimals=0: _math.round(self, decimals=decimals),
    "trunc": lambda self: _math.trunc(self),
    "frac": lambda self: _math.frac(self),
    "hypot": lambda self, other: _math.hypot(self, other),
    "logaddexp": lambda self, other: _math.logaddexp(self, other),
    "logaddexp2": lambda self, other: _math.logaddexp2(self, other),
    "xlogy": lambda self, other: _math.xlogy(self, other),
    "sinc": lambda self: _math.sinc(self),
    "logit": lambda self, eps=None: _math.logit(self, eps),
    "float_power": lambda self, other: _math.float_power(self, other),
    "true_divide": lambda self, value: _math.true_divide(self, value),
    "floor_divide": lambda self, value: _math.floor_divide(self, value),
    "fmod": lambda self, other: _math.fmod(self, other),
    "deg2rad": lambda self: _math.deg2rad(self),
    "rad2deg": lambda self: _math.rad2deg(self),
    "heaviside": lambda self, values: _math.heaviside(self, values),
    "addcmul": lambda self, tensor1, tensor2, value=1: _math.addcmul(self, tensor1, tensor2, value),
    "addcdiv": lambda self, tensor1, tensor2, value=1: _math.addcdiv(self, tensor1, tensor2, value),
    "addmv": lambda self, mat, vec, beta=1, alpha=1: _math.addmv(self, mat, vec, beta=beta, alpha=alpha),
    "addr": lambda self, vec1, vec2, beta=1, alpha=1: _math.addr(self, vec1, vec2, beta=beta, alpha=alpha),
    "isnan": lambda self: _math.isnan(self),
    "isinf": lambda self: _math.isinf(self),
    "isfinite": lambda self: _math.isfinite(self),
    "isclose": lambda self, x2, rtol=1e-05, atol=1e-08, equal_nan=False: _math.isclose(self, x2, rtol, atol, equal_nan),
    "nan_to_num": lambda self, nan=None, posinf=None, neginf=None: _math.nan_to_num(self, nan, posinf, neginf),
    "amax": lambda self, axis=None, keepdims=False, *, initial=None, where=None: _math.amax(self, axis, keepdims, initial=initial, where=where),
    "amin": lambda self, axis=None, keepdims=False, *, initial=None, where=None: _math.amin(self, axis, keepdims, initial=initial, where=where),
    "aminmax": lambda self, *, axis=0, keepdims=False: _math.aminmax(self, axis=axis, keepdims=keepdims),
    # MindSpore 2.10 also spells these (dim, keepdim, *, dtype) (its Ascend overloads).
    "count_nonzero": lambda self, axis=(), keep_dims=False, dtype=mstype.int32, *, dim=None:
        _math.count_nonzero(self, _dim("count_nonzero", None if axis == () else axis, dim, ()), keep_dims, dtype),
    "median": lambda self, axis=None, keepdims=False, *, dim=None, keepdim=None:
        _math.median(self, _dim("median", axis, dim, -1), keepdims if keepdim is None else keepdim),
    "cummax": lambda self, axis: _math.cummax(self, axis),
    "cummin": lambda self, axis: _math.cummin(self, axis),
    "logcumsumexp": lambda self, axis: _math.logcumsumexp(self, axis),
    "nansum": lambda self, axis=None, keepdims=False, *, dtype=None, dim=None, keepdim=None:
        _math.nansum(self, _dim("nansum", axis, dim, None), keepdims if keepdim is None else keepdim, dtype=dtype),
    "nanmean": lambda self, axis=None, keepdims=False, *, dtype=None: _math.nanmean(self, axis, keepdims, dtype=dtype),
    "diag": _diag,
    "diagonal": lambda self, offset=0, axis1=0, axis2=1: _math.diagonal(self, offset, axis1, axis2),
    "triu": lambda self, diagonal=0: _math.triu(self, diagonal),
    "tril": lambda self, diagonal=0: _math.tril(self, diagonal),
    "cross": lambda self, other, dim=None: _math.cross(self, other, dim),
    "flip": lambda self, dims: _array.flip(self, dims),
    "fliplr": lambda self: _array.fliplr(self),
    "flipud": lambda self: _array.flipud(self),
    "roll": lambda self, shifts, dims=None: _array.roll(self, shifts, dims),
    "rot90": lambda self, k, dims: _array.rot90(self, k, dims),
    "index_select": lambda self, axis=None, index=None, *, dim=None: _array.index_select(
        self, _dim("index_select", axis, dim, None), index),
    "chunk": lambda self, chunks, axis=None, *, dim=None: _array.chunk(
        self, chunks, _dim("chunk", axis, dim, 0)),
    "tensor_split": lambda self, indices_or_sections, axis=0: _array.tensor_split(self, indices_or_sections, axis),
    "hsplit": lambda self, indices_or_sections: _array.hsplit(self, indices_or_sections),
    "vsplit": lambda self, indices_or_sections: _array.vsplit(self, indices_or_sections),
    "dsplit": lambda self, indices_or_sections: _array.dsplit(self, indices_or_sections),
    "moveaxis": lambda self, source, destination: _array.movedim(self, source, destination),
    "movedim": lambda self, source, destination: _array.movedim(self, source, destination),
    "unique_consecutive": lambda self, return_inverse=False, return_counts=False, dim=None: _array.unique_consecutive(self, return_inverse, return_counts, dim),
    "equal": lambda self, other: _array.equal(self, other),
    "not_equal": lambda self, other: _array.not_equal(self, other),
    "greater": lambda self, other: _array.greater(self, other),
    "greater_equal": lambda self, other: _array.greater_equal(self, other),
    "less": lambda self, other: _array.less(self, other),
    "less_equal": lambda self, other: _array.less_equal(self, other),
    "eq": lambda self, other: _array.equal(self, other),
    "ne": lambda self, other: _array.not_equal(self, other),
    "gt": lambda self, other: _array.greater(self, other),
    "ge": lambda self, other: _array.greater_equal(self, other),
    "lt": lambda self, other: _array.less(self, other),
    "le": lambda self, other: _array.less_equal(self, other),
})

def _t_error(self):
    if self.ndim < 2:
        return self
    raise ShapeError(f"For 't', the input must be at most 2-D, but got shape {list(self.shape)}.")


def to_dlpack(self):
    """``Tensor.to_dlpack()``: a DLPack capsule (``"dltensor"``) sharing this tensor's memory, as
    ``mindspore.utils.dlpack.to_dlpack``."""
    return _C.to_dlpack(self)


def from_dlpack(dlpack):
    """``Tensor.from_dlpack(capsule)``: a Tensor sharing the memory of a DLPack capsule (or of an
    object with ``__dlpack__``), as ``mindspore.utils.dlpack.from_dlpack``."""
    from .utils.dlpack import from_dlpack as _from_dlpack
    return _from_dlpack(dlpack)


def unique(self, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """The distinct elements (of the flattened tensor, or the distinct slices along ``dim``),
    MindSpore 2.x's ``Tensor.unique``; the inverse indices and counts are Int64."""
    op = "unique_ext"
    for name, v in (("sorted", sorted), ("return_inverse", return_inverse),
                    ("return_counts", return_counts)):
        if not isinstance(v, bool):
            raise TypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    if dim is None:
        first, inverse = _array._unique_first(op, self)
        if sorted:  # rank the first appearances by value (NaNs last, in order)
            order = _np.argsort(self.asnumpy().reshape(-1)[first], kind="stable")
            first, where = first[order], _np.empty_like(order)
            where[order] = _np.arange(order.size)
            inverse = where[inverse]
        out = self.reshape(-1)[Tensor(first.astype(_np.int64))]
        inverse = inverse.reshape(self.shape)
        counts = _np.bincount(inverse.reshape(-1), minlength=first.size)
    else:
        axis = _array_more._axis(op, dim, self.ndim, "dim")
        v = _np.moveaxis(self.asnumpy().reshape(self.shape), axis, 0)
        _, first, inverse, counts = _np.unique(v.reshape(v.shape[0], -1), axis=0, return_index=True,
                                               return_inverse=True, return_counts=True)
        out = self[(slice(None),) * axis + (Tensor(first.astype(_np.int64)),)]
    extra = ([Tensor(_np.asarray(inverse, _np.int64))] if return_inverse else []) + \
        ([Tensor(_np.asarray(counts, _np.int64))] if return_counts else [])
    return tuple([out] + extra) if extra else out


def _bind(op, names, args, kwargs, required):
    """The arguments of one overload by name; a TypeError names the op for a missing, repeated or
    unknown argument."""
    if len(args) > len(names):
        raise TypeError(f"For '{op}', at most {len(names)} arguments ({', '.join(names)}), but got {len(args)}.")
    bound = dict(zip(names, args))
    for k, v in kwargs.items():
        if k not in names or k in bound:
            raise TypeError(f"For '{op}', unexpected or repeated argument '{k}'.")
        bound[k] = v
    missing = [n for n in names[:required] if n not in bound]
    if missing:
        raise TypeError(f"For '{op}', missing the arguments {missing}.")
    return bound


def gather(self, *args, **kwargs):
    """MindSpore 2.10's two overloads: ``gather(input_indices, axis, batch_dims=0)`` (``ops.gather``:
    the slices at `input_indices` along `axis`) and ``gather(dim, index)`` (``gather_elements``:
    ``out[i][j] = x[i][index[i][j]]`` along `dim`), told apart by the keywords or by the first
    argument (an int `dim` with a Tensor `index` after it)."""
    if "dim" in kwargs or "index" in kwargs or (
            len(args) >= 2 and isinstance(args[0], (int, _np.integer)) and not isinstance(args[0], bool)
            and isinstance(args[1], Tensor)):
        bound = _bind("gather", ("dim", "index"), args, kwargs, 2)
        return _array.gather_elements(self, bound["dim"], bound["index"])
    bound = _bind("gather", ("input_indices", "axis", "batch_dims"), args, kwargs, 2)
    return _array.gather(self, bound["input_indices"], bound["axis"], bound.get("batch_dims", 0))


def scatter(self, *args, **kwargs):
    """MindSpore 2.10's ``scatter(dim, index, src, reduce=None)`` (`src` a Tensor or a number;
    ``reduce='add'`` adds instead of writing; ``'multiply'`` has no CPU kernel in MindSpore 2.10
    and raises here too) and ``scatter(axis=..., index, src)``: `src` written (or added) at
    `index` along the axis, a new tensor."""
    if "axis" in kwargs and "dim" not in kwargs:
        kwargs["dim"] = kwargs.pop("axis")
    names = ("dim", "index", "src", "reduce")
    dim, index, src, reduce = (_bind("scatter", names, args, kwargs, 3).get(n) for n in names)
    if not isinstance(src, Tensor):
        src = _C.full(tuple(index.shape), src, self.dtype)
    if reduce is None:
        return _array.scatter(self, dim, index, src)
    if reduce == "multiply":  # as MindSpore 2.10's CPU kernel ("reduce_type: 2 not support now")
        raise ComputeError("For 'scatter', reduce='multiply' is not supported on CPU.")
    if reduce != "add":
        raise ShapeError(f"For 'scatter', 'reduce' must be 'add' or 'multiply', but got {reduce!r}.")
    return _math.tensor_scatter_elements(self, index, src, dim, "add")


def index_add(self, *args, **kwargs):
    """MindSpore 2.10's two overloads: ``index_add(indices, y, axis, use_lock=True,
    check_index_bound=True)`` (``ops.index_add``) and ``index_add(dim, index, source, *,
    alpha=1)`` (``mint.index_add``), told apart by the first argument (a Tensor of indices) or
    the keywords. A new tensor (MindSpore 2.10's CPU writes the old overload's result into
    ``self`` too, which its documentation does not say; this one leaves ``self``)."""
    old = (args and isinstance(args[0], Tensor)) or "indices" in kwargs or "axis" in kwargs or "y" in kwargs
    if old:
        names = ("indices", "y", "axis", "use_lock", "check_index_bound")
        bound = _bind("index_add", names, args, kwargs, 3)
        return _array.index_add(self, bound["indices"], bound["y"], bound["axis"],
                               bound.get("use_lock", True), bound.get("check_index_bound", True))
    from . import mint
    return mint.index_add(self, *args, **kwargs)


_METHODS["gather"] = gather
_METHODS["scatter"] = scatter
_METHODS["index_add"] = index_add
_METHODS["unique"] = unique
_METHODS["to_dlpack"] = to_dlpack
_METHODS.update(_inplace.METHODS)
_METHODS.update(_puts.METHODS)
_METHODS.update(_linalg.TENSOR_METHODS)
_METHODS.update(_sequence.TENSOR_METHODS)
_METHODS.update(_overloads.METHODS)  # after the linalg methods: its ``qr(some)`` is the Tensor's


def lgamma(self):
    """``ln|Γ(x)|`` of each element (see :func:`ops.lgamma`).

    Returns:
        Tensor of this tensor's shape (Int32 gives Float32).

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([0.5, 3.0]).lgamma())
        [0.5723649 0.6931472]
    """
    return _special.lgamma(self)


def digamma(self):
    """The digamma function ``ψ(x)`` of each element (see :func:`ops.digamma`).

    Returns:
        Tensor of this tensor's shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([1.0, 2.0]).digamma())
        [-0.5772157   0.42278433]
    """
    return _special.digamma(self)


_METHODS["lgamma"] = lgamma
_METHODS["digamma"] = digamma
_STATIC = {"from_dlpack": from_dlpack}


_ITEMSIZE = {"Bool": 1, "Int8": 1, "UInt8": 1, "Int16": 2, "UInt16": 2, "Float16": 2, "BFloat16": 2,
             "Int32": 4, "UInt32": 4, "Float32": 4, "Int64": 8, "UInt64": 8, "Float64": 8,
             "Complex64": 8, "Complex128": 16}


def _itemsize(self):
    """The size of one element in bytes (MindSpore 2.10's ``Tensor.itemsize``)."""
    return _ITEMSIZE[str(self.dtype)]


def _nbytes(self):
    """The size of the elements in bytes: ``itemsize · size``."""
    return _itemsize(self) * self.size


def _strides(self):
    """The byte steps between neighbours along each axis of the contiguous layout, as
    MindSpore 2.10 reports them (``(12, 4)`` for a 2×3 Float32 tensor)."""
    out, step = [], _itemsize(self)
    for n in reversed(self.shape):
        out.append(step)
        step *= n
    return tuple(reversed(out))


_PROPERTIES = {"itemsize": _itemsize, "nbytes": _nbytes, "strides": _strides}
_PROPERTIES.update(_puts.PROPERTIES)


def install():
    """Puts the methods on ``Tensor`` (idempotent; a native method of the same name wins, except
    ``max``/``min``, whose MindSpore overloads :mod:`._tensor_extremes` puts over the native ones)."""
    _extremes.install()
    for name, fn in _PROPERTIES.items():
        if name not in Tensor.__dict__ or isinstance(Tensor.__dict__[name], property):
            setattr(Tensor, name, property(fn, doc=fn.__doc__))
    for name, fn in list(_METHODS.items()) + list(_STATIC.items()):
        if name in Tensor.__dict__ and not getattr(Tensor.__dict__[name], "_ems_python", False):
            continue
        fn.__name__ = name
        fn.__qualname__ = f"Tensor.{name}"
        fn = with_op_name(fn, name)
        fn._ems_python = True
        setattr(Tensor, name, staticmethod(fn) if name in _STATIC else fn)

