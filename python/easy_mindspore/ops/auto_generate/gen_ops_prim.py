"""``mindspore.ops.auto_generate.gen_ops_prim``: the primitive classes of MindSpore 2.10's generated
operator table that ``mindspore.ops.operations`` does not hold (the ``...Ext`` primitives behind
``mindspore.mint`` and their kin). Each is a :class:`Primitive` with MindSpore's constructor and
call signature (argument names and defaults) and forwards to the package's ``mint`` / ``ops``
function of the same meaning, so values, dtypes, return structure, errors and gradients are those
of that function. Where the primitive checks more strictly than the function (a bool condition,
an int ``dim``, Tensors for ``on_value``) the check is made here with MindSpore's error class."""
from ..._C import Tensor
from ..._errors import ComputeError, ContractionError, DTypeError, ShapeError
from ...common import dtype as mstype
from ... import mint
from ...mint.nn import functional as _F
from .. import functional as _ops
from .. import operations as _P
from ..operations import Primitive

__all__ = [
    "AddExt", "SubExt", "SumExt", "MeanExt", "ProdExt", "OnesLikeExt", "ZerosLikeExt", "MatMulExt",
    "BatchMatMulExt", "Mm", "Mv", "Dot", "Outer", "ArgMaxExt", "ArgMinExt", "CumsumExt", "MaxDim", "MinDim",
    "Max", "Min", "StackExt", "OneHotExt", "TopkExt", "SortExt", "FlattenExt", "GeluExt", "SiLU",
    "LeakyReLUExt", "EluExt", "SoftplusExt", "Log2", "Log10", "Exp2", "IndexSelect", "TrilExt", "TExt",
    "Arange", "LinSpaceExt", "Std", "Var", "StdMean", "VarMean", "AddScalar", "SubScalar", "Muls", "Divs",
    "EqualExt", "LogSumExp", "Norm", "Threshold", "Hardtanh", "LogSigmoid", "Frac", "Take", "Repeat",
    "ExpandAs", "Clone", "Narrow", "Chunk", "MaskedFillScalar", "RemainderTensorTensor", "FmodTensor",
    "ClampScalar", "ClampTensor", "FullLike", "NewOnes", "NewZeros", "Nansum", "LogAddExp", "Kthvalue",
    "SelectV2", "AsinExt", "AtanExt", "AcosExt", "AcoshExt", "AsinhExt", "Atan2Ext", "AnyExt", "Any",
    "BitwiseNot", "Diagonal", "DiagExt", "MedianExt", "MedianDim", "TraceExt", "PixelShuffle", "Vdot",
    "IsNegInf", "GatherNdExt", "IndexAddExt", "ScatterAddExt", "Scatter", "ScatterValue", "GroupNorm",
]


def _tensor(name, v):
    if not isinstance(v, Tensor):
        raise DTypeError(f"'{name}' must be a Tensor, but got {type(v).__name__}.")
    return v


def _int(name, v):
    if isinstance(v, bool) or not isinstance(v, int):
        raise DTypeError(f"'{name}' must be an int, but got {type(v).__name__}.")
    return v


def _floats_only(name, x):
    """MindSpore's float-only kernels reject integer and bool inputs with a TypeError."""
    if not _tensor(name, x).is_floating_point():
        raise DTypeError(f"the input '{name}' must be a float Tensor, but got {x.dtype}.")
    return x


def _float_in(x):
    """The input of a floating-point function: integers and bools become Float32 (MindSpore's rule
    for ``mint.log2``, ``mint.asin`` and their kin)."""
    if _tensor("input", x).is_floating_point() or x.dtype in (mstype.complex64, mstype.complex128):
        return x
    return x.astype(mstype.float32)


def _pairwise(x, other, name="other"):
    """The tensors of a two-tensor primitive (MindSpore's ``...TensorTensor`` kernels take no scalar)."""
    return _tensor("input", x), _tensor(name, other)


# --- arithmetic and reductions -------------------------------------------------------------------

class AddExt(Primitive):
    """``input + alpha * other`` (``mint.add``)."""
    def __call__(self, input, other, alpha=1):
        return mint.add(_tensor("input", input), other, alpha=alpha)


class SubExt(Primitive):
    """``input - alpha * other`` (``mint.sub``)."""
    def __call__(self, input, other, alpha=1):
        return mint.sub(_tensor("input", input), other, alpha=alpha)


def _scalar_alpha(x, other, alpha):
    if isinstance(other, Tensor) or isinstance(other, (list, tuple)):
        raise DTypeError(f"'other' must be a number, but got {type(other).__name__}.")
    if isinstance(alpha, float) and not _tensor("input", x).is_floating_point():
        raise ShapeError(f"floating alpha need floating input, but got {x.dtype}")


class AddScalar(Primitive):
    """``input + alpha * other`` with a number `other` (``mint.add``)."""
    def __call__(self, input, other, alpha=1):
        _scalar_alpha(input, other, alpha)
        return mint.add(input, other, alpha=alpha)


class SubScalar(Primitive):
    """``input - alpha * other`` with a number `other` (``mint.sub``)."""
    def __call__(self, input, other, alpha=1):
        _scalar_alpha(input, other, alpha)
        return mint.sub(input, other, alpha=alpha)


class Muls(Primitive):
    """``input * other`` (``mint.mul``)."""
    def __call__(self, input, other):
        return mint.mul(_tensor("input", input), other)


class Divs(Primitive):
    """``input / other``, true division (``mint.div``)."""
    def __call__(self, input, other):
        return mint.div(_tensor("input", input), other)


def _int_dims(dim, name="dim"):
    """A reduction primitive's `dim`: None, an int, or a tuple/list of ints."""
    if dim is None:
        return None
    if isinstance(dim, (tuple, list)):
        return type(dim)(_int(name, d) for d in dim)
    return _int(name, dim)


class SumExt(Primitive):
    """Sum over `dim` (``mint.sum``); ints and bools sum in Int64 unless `dtype` is given."""
    def __call__(self, input, dim=None, keepdim=False, dtype=None):
        return mint.sum(_tensor("input", input), _int_dims(dim), keepdim, dtype=dtype)


class MeanExt(Primitive):
    """Mean over `dim` (``mint.mean``)."""
    def __call__(self, input, dim=None, keepdim=False, dtype=None):
        return mint.mean(_tensor("input", input), _int_dims(dim), keepdim, dtype=dtype)


class ProdExt(Primitive):
    """Product over one `dim` or all elements (``mint.prod``)."""
    def __call__(self, input, dim=None, keepdim=False, dtype=None):
        return mint.prod(_tensor("input", input), None if dim is None else _int("dim", dim), keepdim, dtype=dtype)


class Nansum(Primitive):
    """Sum over `dim` with NaNs counted as zero (``mint.nansum``)."""
    def __call__(self, input, dim=None, keepdim=False, dtype=None):
        return mint.nansum(_tensor("input", input), _int_dims(dim), keepdim, dtype=dtype)


class Std(Primitive):
    """Standard deviation over `dim` with Bessel's `correction` (``mint.std``)."""
    def __call__(self, input, dim=None, correction=1, keepdim=False):
        return mint.std(_floats_only("input", input), _int_dims(dim), correction=correction, keepdim=keepdim)


class Var(Primitive):
    """Variance over `dim` with Bessel's `correction` (``mint.var``)."""
    def __call__(self, input, dim=None, correction=1, keepdim=False):
        return mint.var(_floats_only("input", input), _int_dims(dim), correction=correction, keepdim=keepdim)


class StdMean(Primitive):
    """``(std, mean)`` over `dim` (``mint.std_mean``)."""
    def __call__(self, input, dim=None, correction=1, keepdim=False):
        return mint.std_mean(_floats_only("input", input), _int_dims(dim), correction=correction, keepdim=keepdim)


class VarMean(Primitive):
    """``(var, mean)`` over `dim` (``mint.var_mean``)."""
    def __call__(self, input, dim=None, correction=1, keepdim=False):
        return mint.var_mean(_floats_only("input", input), _int_dims(dim), correction=correction, keepdim=keepdim)


class LogSumExp(Primitive):
    """``log(sum(exp(input)))`` over `dim` (``mint.logsumexp``)."""
    def __call__(self, input, dim, keepdim=False):
        return mint.logsumexp(_tensor("input", input), _int_dims(dim), keepdim)


class Norm(Primitive):
    """The vector `p`-norm over `dim`, or of all elements (``mint.linalg.vector_norm``)."""
    def __call__(self, input, p=2.0, dim=None, keepdim=False, dtype=None):
        if isinstance(p, bool) or not isinstance(p, (int, float)):
            raise DTypeError(f"'p' must be an int or a float, but got {type(p).__name__}.")
        return mint.linalg.vector_norm(_tensor("input", input), p, _int_dims(dim), keepdim, dtype=dtype)


class ArgMaxExt(Primitive):
    """Int64 index of the largest element over `dim` or the flattened input (``mint.argmax``)."""
    def __call__(self, input, dim=None, keepdim=False):
        return mint.argmax(_tensor("input", input), None if dim is None else _int("dim", dim), keepdim)


class ArgMinExt(Primitive):
    """Int64 index of the smallest element over `dim` or the flattened input (``mint.argmin``)."""
    def __call__(self, input, dim=None, keepdim=False):
        return mint.argmin(_tensor("input", input), None if dim is None else _int("dim", dim), keepdim)


class CumsumExt(Primitive):
    """Cumulative sum along `dim` (``mint.cumsum``)."""
    def __call__(self, input, dim, dtype=None):
        return mint.cumsum(_tensor("input", input), _int("dim", dim), dtype)


class MaxDim(Primitive):
    """``(values, indices)`` of the maxima along `dim`; Int64 indices (``mint.max``)."""
    def __call__(self, input, dim, keepdim=False):
        return tuple(mint.max(_tensor("input", input), _int("dim", dim), keepdim))


class MinDim(Primitive):
    """``(values, indices)`` of the minima along `dim`; Int64 indices (``mint.min``)."""
    def __call__(self, input, dim, keepdim=False):
        return tuple(mint.min(_tensor("input", input), _int("dim", dim), keepdim))


class Max(Primitive):
    """The largest element, a 0-D Tensor of the input's dtype (``mint.max``)."""
    def __call__(self, input):
        if _tensor("input", input).size == 0:
            raise ShapeError("Max cannot deal with empty input. Please try other inputs")
        return mint.max(input)


class Min(Primitive):
    """The smallest element, a 0-D Tensor of the input's dtype (``mint.min``)."""
    def __call__(self, input):
        if _tensor("input", input).size == 0:
            raise ShapeError("Min cannot deal with empty input. Please try other inputs")
        return mint.min(input)


class AnyExt(Primitive):
    """Whether any element along the int `dim` is nonzero; Bool (``mint.any``)."""
    def __call__(self, input, dim, keepdim=False):
        return mint.any(_tensor("input", input), _int("dim", dim), keepdim)


class Any(Primitive):
    """Whether any element is nonzero; a 0-D Bool Tensor (``mint.any``)."""
    def __call__(self, input):
        return mint.any(_tensor("input", input))


class EqualExt(Primitive):
    """Whether the tensors have the same shape and elements: a 0-D Bool Tensor (``mint.equal``)."""
    def __call__(self, input, other):
        _pairwise(input, other)
        return Tensor(bool(mint.equal(input, other)), mstype.bool_)


class MedianExt(Primitive):
    """The median of all elements (the lower of the two middle ones) (``mint.median``)."""
    def __call__(self, input):
        return mint.median(_tensor("input", input))


class MedianDim(Primitive):
    """``(values, indices)`` of the medians along `dim` (``mint.median``)."""
    def __call__(self, input, dim=-1, keepdim=False):
        return tuple(mint.median(_tensor("input", input), _int("dim", dim), keepdim))


class Kthvalue(Primitive):
    """``(values, indices)`` of the `k`-th smallest elements along `dim` (``mint.kthvalue``)."""
    def __call__(self, input, k, dim=-1, keepdim=False):
        return tuple(mint.kthvalue(_tensor("input", input), _int("k", k), _int("dim", dim), keepdim))


class TraceExt(Primitive):
    """The sum of the main diagonal of a 2-D input (``mint.trace``)."""
    def __call__(self, input):
        if _tensor("input", input).ndim != 2:
            raise ComputeError(f"For Primitive[TraceExt], the rank of the input must be 2, but got {input.ndim}!")
        return mint.trace(input)


# --- creation ------------------------------------------------------------------------------------

class OnesLikeExt(Primitive):
    """Ones of the input's shape, in `dtype` or the input's dtype (``mint.ones_like``)."""
    def __call__(self, input, dtype=None):
        return mint.ones_like(_tensor("input", input), dtype=dtype)


class ZerosLikeExt(Primitive):
    """Zeros of the input's shape, in `dtype` or the input's dtype (``mint.zeros_like``)."""
    def __call__(self, input, dtype=None):
        return mint.zeros_like(_tensor("input", input), dtype=dtype)


class FullLike(Primitive):
    """`fill_value` in the input's shape, in `dtype` or the input's dtype (``mint.full_like``)."""
    def __call__(self, input, fill_value, dtype=None):
        return mint.full_like(_tensor("input", input), fill_value, dtype=dtype)


class NewOnes(Primitive):
    """Ones of shape `size`, in `dtype` or the input's dtype (``mint.ones``)."""
    def __call__(self, input, size, dtype=None):
        return mint.ones(size, dtype=dtype or _tensor("input", input).dtype)


class NewZeros(Primitive):
    """Zeros of shape `size`, in `dtype` or the input's dtype (``mint.zeros``)."""
    def __call__(self, input, size, dtype=None):
        return mint.zeros(size, dtype=dtype or _tensor("input", input).dtype)


class Arange(Primitive):
    """``[start, end)`` by `step` (``mint.arange``): Int64 for ints, else Float32, or `dtype`."""
    def __call__(self, start, end, step, dtype=None):
        return mint.arange(start, end, step, dtype=dtype)


class LinSpaceExt(Primitive):
    """`steps` evenly spaced values from `start` to `end` inclusive (``mint.linspace``)."""
    def __call__(self, start, end, steps, dtype=None):
        if _int("steps", steps) <= 0:
            raise ShapeError(f"For primitive[LinSpaceExt], the steps must be greater than 0, but got {steps}.")
        return mint.linspace(start, end, steps, dtype=dtype)


# --- linear algebra ------------------------------------------------------------------------------

def _same_dtype(a, b, a_name, b_name):
    if a.dtype != b.dtype:
        raise DTypeError(f"the type of '{b_name}' should be same as '{a_name}', but got '{a_name}' with type "
                         f"{a.dtype} and '{b_name}' with type {b.dtype}.")


class MatMulExt(Primitive):
    """The matrix product with NumPy's broadcasting of 1-D and batched inputs (``mint.matmul``)."""
    def __call__(self, input, other):
        _same_dtype(*_pairwise(input, other), "input", "other")
        k2 = other.shape[0] if other.ndim == 1 else other.shape[-2] if other.ndim else None
        if input.ndim and other.ndim and input.shape[-1] != k2:
            raise ContractionError(f"For 'MatMulExt' op, shape1[-1] must be equal to shape2[-2], but got "
                                   f"{input.shape[-1]} and {k2}.")
        return mint.matmul(input, other)


class BatchMatMulExt(Primitive):
    """The batched product of two 3-D tensors with equal batch sizes (``mint.bmm``)."""
    def __call__(self, input, mat2):
        _pairwise(input, mat2, "mat2")
        for name, t in (("input", input), ("mat2", mat2)):
            if t.ndim != 3:
                raise ShapeError(f"the input '{name}' must be a 3D dimensional Tensor, but got {t.ndim}D shape "
                                 f"{list(t.shape)}")
        if input.shape[0] != mat2.shape[0]:
            raise ShapeError(f"one of the input's batch dim must be equal to another input's peer batch dim, but "
                             f"got {input.shape[0]} and {mat2.shape[0]}.")
        return mint.bmm(input, mat2)


class Mm(Primitive):
    """The product of two matrices (``mint.mm``)."""
    def __call__(self, input, mat2):
        return mint.mm(*_pairwise(input, mat2, "mat2"))


class Mv(Primitive):
    """The product of a matrix and a vector (``mint.mv``)."""
    def __call__(self, input, vec):
        _pairwise(input, vec, "vec")
        if input.ndim == 2 and vec.ndim == 1 and input.shape[1] != vec.shape[0]:
            raise ContractionError(f"For Mv, the row of the input 'input' should be same as the elements of the "
                                   f"input 'vec', with input shape {list(input.shape)}, vec shape {list(vec.shape)}.")
        return mint.mv(input, vec)


class Dot(Primitive):
    """The inner product of two 1-D tensors (``mint.dot``)."""
    def __call__(self, input, other):
        return mint.dot(*_pairwise(input, other))


class Vdot(Primitive):
    """The inner product of two 1-D tensors, the first conjugated (``mint.vdot``)."""
    def __call__(self, input, other):
        return mint.vdot(*_pairwise(input, other))


class Outer(Primitive):
    """The outer product of two 1-D tensors (``mint.outer``)."""
    def __call__(self, input, vec2):
        return mint.outer(*_pairwise(input, vec2, "vec2"))


# --- shape and indexing --------------------------------------------------------------------------

class StackExt(Primitive):
    """Stacks equal-shaped tensors along a new axis `dim` (``mint.stack``)."""
    def __init__(self, dim=0):
        super().__init__()
        self.dim = _int("dim", dim)

    def __call__(self, tensors):
        if not isinstance(tensors, (list, tuple)):
            raise DTypeError(f"'tensors' must be a tuple or list of Tensors, but got {type(tensors).__name__}.")
        if not tensors:
            raise ShapeError("For primitive[StackExt], the size of elements must be greater than or equal to 1, "
                             "but got 0.")
        return mint.stack(tensors, self.dim)


class OneHotExt(Primitive):
    """`on_value` where the last (or `axis`) index equals `tensor`, else `off_value`; the dtype is
    `on_value`'s; ``num_classes=-1`` means ``max(tensor) + 1``."""
    def __init__(self, axis=-1):
        super().__init__()
        if _int("axis", axis) < -1:
            raise ShapeError(f"'axis' must be at least -1, but got {axis}.")
        self.axis = axis

    def __call__(self, tensor, num_classes, on_value, off_value):
        _tensor("tensor", tensor)
        on, off = _tensor("on_value", on_value), _tensor("off_value", off_value)
        hot = _F.one_hot(tensor, _int("num_classes", num_classes))
        out = mint.where(hot.astype(mstype.bool_), on, off.astype(on.dtype))
        if self.axis != -1:
            if self.axis > tensor.ndim:
                raise ShapeError(f"'axis' must be in [-1, {tensor.ndim}], but got {self.axis}.")
            out = _ops.moveaxis(out, -1, self.axis)
        return out


class TopkExt(Primitive):
    """``(values, indices)`` of the `k` largest (or smallest) elements along `dim` (``mint.topk``)."""
    def __call__(self, input, k, dim=-1, largest=True, sorted=True):
        return tuple(mint.topk(_tensor("input", input), _int("k", k), _int("dim", dim), largest, sorted))


class SortExt(Primitive):
    """``(values, indices)`` of the input sorted along `dim` (``mint.sort``)."""
    def __call__(self, input, dim=-1, descending=False, stable=False):
        return tuple(mint.sort(_tensor("input", input), dim=_int("dim", dim), descending=descending, stable=stable))


class FlattenExt(Primitive):
    """The dimensions `start_dim` to `end_dim` merged into one (``mint.flatten``)."""
    def __call__(self, input, start_dim=0, end_dim=-1):
        return mint.flatten(_tensor("input", input), _int("start_dim", start_dim), _int("end_dim", end_dim))


class IndexSelect(Primitive):
    """The entries at the 1-D `index` along `dim` (``mint.index_select``)."""
    def __call__(self, input, dim, index):
        return mint.index_select(_tensor("input", input), _int("dim", dim), _tensor("index", index))


class TrilExt(Primitive):
    """The lower triangle (below diagonal `diagonal`) of the last two dimensions (``mint.tril``)."""
    def __call__(self, input, diagonal=0):
        if _tensor("input", input).ndim < 2:
            raise ShapeError(f"For primitive[TrilExt], the input's rank must be greater than or equal to 2, but got "
                             f"{input.ndim}.")
        return mint.tril(input, _int("diagonal", diagonal))


class TExt(Primitive):
    """The transpose of a matrix (``mint.t``); a 1-D input as it is, a higher one with its first
    two dimensions swapped (as MindSpore 2.10's kernel)."""
    def __call__(self, input):
        return mint.t(input) if _tensor("input", input).ndim <= 2 else mint.transpose(input, 0, 1)


class Take(Primitive):
    """The elements of the flattened input at `index` (``mint.take``)."""
    def __call__(self, input, index):
        return mint.take(_tensor("input", input), _tensor("index", index))


class Repeat(Primitive):
    """The input tiled `repeats` times per dimension (as ``Tensor.repeat`` of PyTorch; at least
    one count per dimension, extra counts add leading dimensions)."""
    def __call__(self, input, repeats):
        if not isinstance(repeats, (list, tuple)):
            raise DTypeError(f"'repeats' must be a tuple or list of ints, but got {type(repeats).__name__}.")
        repeats = tuple(_int("repeats", r) for r in repeats)
        if len(repeats) < _tensor("input", input).ndim:
            raise ShapeError(f"For repeat, number of items of repeats can not be smaller than the number of "
                             f"dimensions of self tensor, but got repeats with {len(repeats)} items and rank of self "
                             f"Tensor is {input.ndim}.")
        return mint.tile(input, repeats)


class ExpandAs(Primitive):
    """The input broadcast to `other`'s shape (``Tensor.expand_as``)."""
    def __call__(self, input, other):
        return mint.broadcast_to(_tensor("input", input), _tensor("other", other).shape)


class Clone(Primitive):
    """A copy of the input (``mint.clone``)."""
    def __call__(self, input):
        return mint.clone(_tensor("input", input))


class Narrow(Primitive):
    """`length` entries of `dim` from `start` (negative: from the end) (``mint.narrow``)."""
    def __call__(self, input, dim, start, length):
        _tensor("input", input), _int("dim", dim), _int("start", start), _int("length", length)
        if input.ndim and -input.ndim <= dim < input.ndim and start < 0:
            start += input.shape[dim]  # a negative start counts from the end, as MindSpore's
        return mint.narrow(input, dim, start, length)


class Chunk(Primitive):
    """A tuple of at most `chunks` pieces along `dim` (``mint.chunk``)."""
    def __call__(self, input, chunks, dim=0):
        return tuple(mint.chunk(_tensor("input", input), _int("chunks", chunks), _int("dim", dim)))


class Diagonal(Primitive):
    """The diagonal `offset` of the planes of `dim1` and `dim2`, as the last dimension (``ops.diagonal``)."""
    def __init__(self, offset=0, dim1=0, dim2=1):
        super().__init__()
        self.offset, self.dim1, self.dim2 = _int("offset", offset), _int("dim1", dim1), _int("dim2", dim2)

    def __call__(self, input):
        return _ops.diagonal(_tensor("input", input), self.offset, self.dim1, self.dim2)


class DiagExt(Primitive):
    """A 1-D input as diagonal `diagonal` of a matrix, or that diagonal of a 2-D input (``mint.diag``)."""
    def __call__(self, input, diagonal=0):
        if _tensor("input", input).ndim not in (1, 2):
            raise ComputeError(f"For diag, the shape of input must 1 or 2, but got {input.ndim}.")
        return mint.diag(input, _int("diagonal", diagonal))


class GroupNorm(Primitive):
    """Group normalization over ``(N, C, *)`` (``ops.group_norm``), with the statistics:
    ``(output, mean, rstd)``, `mean` and ``rstd = 1/sqrt(var + eps)`` of shape ``(N, num_groups)``."""
    def __call__(self, input, num_groups, weight=None, bias=None, eps=1e-5):
        x = _tensor("input", input)
        if isinstance(num_groups, bool) or not isinstance(num_groups, int):
            raise DTypeError(f"For 'GroupNorm', 'num_groups' must be an int, but got {type(num_groups).__name__}.")
        if not x.is_floating_point():
            raise DTypeError(f"For GroupNorm. input arguments' types must be the same and be one of [BFloat16, "
                             f"Float16, Float32, Float64]. But got input's type: {x.dtype}.")
        if x.ndim < 2 or num_groups <= 0 or x.shape[1] % num_groups:
            channels = x.shape[1] if x.ndim > 1 else 0
            raise ShapeError(f"For GroupNorm, the 'num_channels' must be divided by 'num_groups', but got "
                             f"'num_channels': {channels} ,'num_groups': {num_groups}")
        out = _ops.group_norm(x, num_groups, weight, bias, eps)
        grouped = x.reshape(x.shape[0], num_groups, -1)
        mean = grouped.mean(axis=-1)
        var = ((grouped - mean.expand_dims(-1)) ** 2).mean(axis=-1)
        return out, mean, _ops.rsqrt(var + eps)


class PixelShuffle(Primitive):
    """``(*, C·r², H, W)`` rearranged to ``(*, C, H·r, W·r)`` (``mint.nn.functional.pixel_shuffle``)."""
    def __call__(self, input, upscale_factor):
        return _F.pixel_shuffle(_tensor("input", input), _int("upscale_factor", upscale_factor))


class GatherNdExt(Primitive):
    """The slices of the input at the index vectors of the last axis of `indices` (``ops.gather_nd``)."""
    def __call__(self, input, indices):
        return _ops.gather_nd(_tensor("input", input), _tensor("indices", indices))


class IndexAddExt(Primitive):
    """`input` with ``alpha * source`` added at `index` along `dim` (``mint.index_add``)."""
    def __call__(self, input, dim, index, source, alpha=1):
        return mint.index_add(_tensor("input", input), _int("dim", dim), _tensor("index", index),
                              _tensor("source", source), alpha=alpha)


def _scatter_check(input, index, src):
    _tensor("input", input), _tensor("index", index)
    if isinstance(src, Tensor) and src.dtype != input.dtype:
        raise DTypeError("For primitive[Scatter], the input type must be same.")


class ScatterAddExt(Primitive):
    """`input` with `src` added at `index` along `dim` (``mint.scatter_add``)."""
    def __call__(self, input, dim, index, src):
        _scatter_check(input, index, _tensor("src", src))
        return mint.scatter_add(input, _int("dim", dim), index, src)


def _scatter(input, dim, index, src, reduce):
    if reduce not in ("none", "add", "multiply"):
        raise ShapeError(f"Failed to convert the value \"{reduce}\" of input 'reduce' of 'Scatter' to enum.")
    _int("dim", dim)
    if not isinstance(src, Tensor):
        src = mint.full(index.shape, src, dtype=input.dtype)
    if reduce == "none":
        return mint.scatter(input, dim, index, src)
    if reduce == "add":
        return _ops.tensor_scatter_elements(input, index, src, dim, "add")
    # 'multiply': the position of each element of `index` as an N-D index, then a multiplying scatter
    src = src[tuple(slice(0, n) for n in index.shape)]
    grids = list(mint.meshgrid(*[mint.arange(n) for n in index.shape], indexing="ij"))
    grids[dim if dim >= 0 else dim + index.ndim] = index.astype(mstype.int64)
    return _ops.tensor_scatter_mul(input, mint.stack(grids, -1), src)


class Scatter(Primitive):
    """`input` with the elements of `src` written (or added, multiplied: `reduce`) at `index` along `dim`."""
    def __call__(self, input, dim, index, src, reduce='none'):
        _scatter_check(input, index, _tensor("src", src))
        return _scatter(input, dim, index, src, reduce)


class ScatterValue(Primitive):
    """`input` with the number `src` written (or added, multiplied: `reduce`) at `index` along `dim`."""
    def __call__(self, input, dim, index, src, reduce='none'):
        _scatter_check(input, index, src)
        if isinstance(src, Tensor) or isinstance(src, bool) or not isinstance(src, (int, float)):
            raise DTypeError(f"'src' must be a number, but got {type(src).__name__}.")
        return _scatter(input, dim, index, src, reduce)


class MaskedFillScalar(Primitive):
    """`input` with `value` where the Bool `mask` (broadcast) is true (``ops.masked_fill``)."""
    def __call__(self, input, mask, value):
        if _tensor("mask", mask).dtype != mstype.bool_:
            raise DTypeError(f"'mask' must be a Bool Tensor, but got {mask.dtype}.")
        return _ops.masked_fill(_tensor("input", input), mask, value)


class SelectV2(Primitive):
    """`input` where the Bool `condition` holds, else `other`, broadcast (``mint.where``)."""
    def __call__(self, condition, input, other):
        if _tensor("condition", condition).dtype != mstype.bool_:
            raise DTypeError(f"For primitive[SelectV2], the input argument[cond] must be a type of "
                             f"{{Tensor[Bool]}}, but got Tensor[{condition.dtype}].")
        return mint.where(condition, input, other)


# --- element-wise --------------------------------------------------------------------------------

class RemainderTensorTensor(Primitive):
    """``input - floor(input / other) * other``, the sign of `other` (``mint.remainder``)."""
    def __call__(self, input, other):
        return mint.remainder(*_pairwise(input, other))


class FmodTensor(Primitive):
    """The remainder of truncated division, the sign of `input` (``mint.fmod``)."""
    def __call__(self, input, other):
        return mint.fmod(*_pairwise(input, other))


def _clamp(input, min, max):
    if min is None and max is None:
        raise ShapeError("For Clamp, at least one of 'min' or 'max' must not be None.")
    return mint.clamp(_tensor("input", input), min, max)


class ClampScalar(Primitive):
    """The input limited to ``[min, max]`` by numbers (``mint.clamp``)."""
    def __call__(self, input, min=None, max=None):
        return _clamp(input, min, max)


class ClampTensor(Primitive):
    """The input limited to ``[min, max]`` by tensors, broadcast (``mint.clamp``)."""
    def __call__(self, input, min=None, max=None):
        return _clamp(input, min, max)


class LogAddExp(Primitive):
    """``log(exp(input) + exp(other))`` of float tensors (``mint.logaddexp``)."""
    def __call__(self, input, other):
        return mint.logaddexp(_floats_only("input", input), _tensor("other", other))


class Atan2Ext(Primitive):
    """The angle of the point ``(other, input)``, broadcast (``mint.atan2``)."""
    def __call__(self, input, other):
        input, other = _pairwise(input, other)
        if not (input.is_floating_point() or other.is_floating_point()):
            input, other = _float_in(input), _float_in(other)
        return mint.atan2(input, other)


class BitwiseNot(Primitive):
    """Bitwise NOT of an integer or Bool tensor (``mint.bitwise_not``)."""
    def __call__(self, input):
        return mint.bitwise_not(_tensor("input", input))


class IsNegInf(Primitive):
    """Whether each element is ``-inf``; Bool (``mint.isneginf``)."""
    def __call__(self, input):
        return mint.isneginf(_tensor("input", input))


class Log2(Primitive):
    """Base-2 logarithm; integers give Float32 (``mint.log2``)."""
    def __call__(self, input):
        return mint.log2(_float_in(input))


class Log10(Primitive):
    """Base-10 logarithm; integers give Float32 (``mint.log10``)."""
    def __call__(self, input):
        return mint.log10(_float_in(input))


class Exp2(Primitive):
    """``2 ** input``; integers give Float32 (``mint.exp2``)."""
    def __call__(self, input):
        return mint.exp2(_tensor("input", input))


class Frac(Primitive):
    """The fractional part, with the input's sign (``mint.frac``)."""
    def __call__(self, input):
        return mint.frac(_tensor("input", input))


class AsinExt(Primitive):
    """Arcsine; integers give Float32 (``mint.asin``)."""
    def __call__(self, input):
        return mint.asin(_float_in(input))


class AcosExt(Primitive):
    """Arccosine; integers give Float32 (``mint.acos``)."""
    def __call__(self, input):
        return mint.acos(_float_in(input))


class AtanExt(Primitive):
    """Arctangent; integers give Float32 (``mint.atan``)."""
    def __call__(self, input):
        return mint.atan(_float_in(input))


class AsinhExt(Primitive):
    """Inverse hyperbolic sine; integers give Float32 (``mint.asinh``)."""
    def __call__(self, input):
        return mint.asinh(_float_in(input))


class AcoshExt(Primitive):
    """Inverse hyperbolic cosine; integers give Float32 (``mint.acosh``)."""
    def __call__(self, input):
        return mint.acosh(_float_in(input))


# --- activations ---------------------------------------------------------------------------------

class GeluExt(Primitive):
    """GELU, exact (``'none'``) or the tanh approximation (``mint.nn.functional.gelu``)."""
    def __call__(self, input, approximate='none'):
        if approximate not in ("none", "tanh"):
            raise ShapeError(f"Failed to convert the value \"{approximate}\" of input 'approximate' of 'GeluExt' "
                             "to enum.")
        return _F.gelu(_tensor("input", input), approximate=approximate)


class SiLU(Primitive):
    """``input * sigmoid(input)`` of a float tensor (``mint.nn.functional.silu``)."""
    def __call__(self, input):
        return _F.silu(_floats_only("input", input))


class LeakyReLUExt(Primitive):
    """``max(0, x) + negative_slope * min(0, x)`` of a float tensor (``mint.nn.functional.leaky_relu``)."""
    def __call__(self, input, negative_slope=0.01):
        return _F.leaky_relu(_floats_only("input", input), negative_slope)


class EluExt(Primitive):
    """ELU with `alpha` (``mint.nn.functional.elu``)."""
    def __init__(self, alpha=1.0):
        super().__init__()
        if isinstance(alpha, bool) or not isinstance(alpha, (int, float)):
            raise DTypeError(f"'alpha' must be a float, but got {type(alpha).__name__}.")
        self.alpha = float(alpha)

    def __call__(self, input):
        return _F.elu(_tensor("input", input), self.alpha)


class SoftplusExt(Primitive):
    """``log(1 + exp(beta * x)) / beta``, linear above `threshold` (``mint.nn.functional.softplus``)."""
    def __call__(self, input, beta=1, threshold=20):
        return _F.softplus(_floats_only("input", input), beta, threshold)


class Threshold(Primitive):
    """`input` where it exceeds `threshold`, else `value` (``mint.nn.functional.threshold``)."""
    def __call__(self, input, threshold, value):
        return _F.threshold(_tensor("input", input), threshold, value)


class Hardtanh(Primitive):
    """The input clipped to ``[min_val, max_val]`` (``mint.nn.functional.hardtanh``)."""
    def __call__(self, input, min_val=-1, max_val=1):
        return _F.hardtanh(_tensor("input", input), min_val, max_val)


class LogSigmoid(Primitive):
    """``log(sigmoid(input))`` of a float tensor (``mint.nn.functional.logsigmoid``)."""
    def __call__(self, input):
        return _F.logsigmoid(_floats_only("input", input))
