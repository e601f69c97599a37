"""``mindspore.ops.auto_generate``: MindSpore 2.10's table of generated primitive classes, which its
own code and test helpers import (``from mindspore.ops.auto_generate import SumExt, Ones``).

It holds two kinds of classes:

- those of :mod:`.gen_ops_prim`, which ``mindspore.ops.operations`` does not have: the ``...Ext``
  primitives behind ``mindspore.mint`` and their kin (``AddExt``, ``SumExt``, ``MaxDim``, ...),
  each forwarding to the package's ``mint`` / ``ops`` function of the same meaning;
- the primitive classes MindSpore 2.10 shares between this module and ``mindspore.ops.operations``
  (there ``auto_generate.X is operations.X``), re-exported here from the package's ``operations``
  under the same names, so that ``auto_generate.Add is operations.Add`` holds here too.

Examples:
    >>> import mindspore as ms
    >>> from mindspore.ops.auto_generate import SumExt
    >>> print(SumExt()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]), 1))
    [3. 7.]
"""
from .. import operations as _P
from . import gen_ops_prim
from .gen_ops_prim import *  # noqa: F401,F403 (the classes listed in gen_ops_prim.__all__)

# The names of MindSpore 2.10's ``auto_generate`` whose class is the very class of the same name in
# ``mindspore.ops.operations`` (measured on MindSpore 2.10: 200 Primitive subclasses).
_SHARED_WITH_OPERATIONS = (
    "ACos", "Abs", "Acosh", "AdamWeightDecay", "AdaptiveMaxPool2D", "Add", "Addcdiv", "Addcmul", "Angle",
    "ApplyRotaryPosEmb", "ArgMaxWithValue", "ArgMinWithValue", "Argmax", "Argmin", "Asin", "Asinh", "Assign",
    "AssignAdd", "AssignSub", "Atan", "Atan2", "Atanh", "AvgPool", "BCEWithLogitsLoss", "BatchMatMul",
    "BatchNorm", "Betainc", "BiasAdd", "BinaryCrossEntropy", "BroadcastTo", "Cast", "Cdist", "CeLU", "Ceil",
    "Cholesky", "CholeskyInverse", "Complex", "Concat", "Conj", "Cos", "Cosh", "Cross", "CumProd", "CumSum",
    "Cummax", "Cummin", "Dense", "Diag", "Div", "Dropout", "Eig", "Elu", "Equal", "Erf", "Erfc", "Erfinv",
    "Exp", "ExpandDims", "Expm1", "ExtractImagePatches", "Eye", "FFTWithSize", "FastGeLU", "Flatten", "Floor",
    "FloorDiv", "FloorMod", "ForiLoop", "GLU", "Gather", "GatherD", "GatherNd", "Gcd", "GeLU", "Geqrf",
    "Greater", "GreaterEqual", "GridSampler2D", "GridSampler3D", "GroupTopk", "HShrink", "HSigmoid", "HSwish",
    "Identity", "IsClose", "IsFinite", "IsInf", "LayerNorm", "LeftShift", "Lerp", "LerpScalar", "Less",
    "LessEqual", "LinSpace", "Log", "Log1p", "LogMatrixDeterminant", "LogSoftmax", "LogSoftmaxExt",
    "LogicalAnd", "LogicalNot", "LogicalOr", "LogicalXor", "Logit", "MaskedFill", "MaskedScatter",
    "MaskedSelect", "MatMul", "MatrixDeterminant", "MatrixExp", "Maximum", "Meshgrid", "Minimum", "Mul",
    "NLLLoss", "NanToNum", "Neg", "NextAfter", "NonZero", "NotEqual", "OneHot", "Ones", "OnesLike", "PReLU",
    "PagedAttention", "PagedAttentionMask", "Polar", "Pow", "Qr", "RandpermV2", "Range", "Rank", "ReLU",
    "ReLU6", "Real", "RealDiv", "Reciprocal", "ReduceAll", "ReduceAny", "ReduceMax", "ReduceMean", "ReduceMin",
    "ReduceProd", "ReduceStd", "ReduceSum", "Reshape", "ReshapeAndCache", "ResizeBicubic", "ResizeBilinearV2",
    "ResizeLinear1D", "ResizeNearestNeighbor", "ResizeNearestNeighborV2", "ReverseV2", "RightShift", "RmsNorm",
    "Roll", "Round", "Rsqrt", "ScalarCast", "ScalarToTensor", "Scan", "ScatterNd", "SearchSorted", "Select",
    "Shape", "Sigmoid", "Sign", "Sin", "Sinc", "Sinh", "Slice", "SmoothL1Loss", "SoftMarginLoss", "SoftShrink",
    "Softmax", "Split", "Sqrt", "Square", "Squeeze", "StridedSlice", "Svd", "Tanh", "TensorScatterAdd",
    "TensorShape", "Tile", "Trace", "Transpose", "TransposeExtView", "TransposeView", "Triu", "Trunc", "TypeAs",
    "UniqueConsecutive", "UnsortedSegmentSum", "UpsampleNearest3D", "UpsampleTrilinear3D", "WhileLoop", "Xlogy",
    "Zeros", "ZerosLike",
)

# The operations' classes themselves.
_shared = [n for n in _SHARED_WITH_OPERATIONS if n not in gen_ops_prim.__all__
           and isinstance(getattr(_P, n, None), type) and issubclass(getattr(_P, n), _P.Primitive)]
globals().update({n: getattr(_P, n) for n in _shared})

__all__ = sorted(set(gen_ops_prim.__all__) | set(_shared))
del _shared


# The functions MindSpore 2.10's ``auto_generate`` shares with ``mindspore.ops`` (there
# ``auto_generate.add is ops.add``; measured), read from ``ops`` when asked for.
_SHARED_FUNCTIONS = frozenset((
    "abs acos acosh add all angle asin asinh assign assign_add assign_sub atan atan2 atanh "
    "broadcast_to cast cat cdist ceil celu conj conv_transpose2d cos cosh cummax deepcopy dense diag "
    "diagonal elu equal erf erfc erfinv exp expand_as expand_dims expm1 fast_gelu fft fft2 fftfreq "
    "fftn fftshift floor floor_divide floor_mod gather gather_d gather_nd gcd geqrf greater "
    "greater_equal hardshrink hardsigmoid hardswish hfft hfft2 hfftn ifft ifft2 ifftn ifftshift ihfft "
    "ihfft2 ihfftn inplace_sigmoid irfft irfft2 irfftn isfinite isinf less_equal log log1p "
    "log_softmax masked_fill masked_select matrix_exp maximum minimum mse_loss_ext mul nan_to_num neg "
    "nextafter not_equal ones pow prelu prim_attr_register put_ randperm range rank real relu6 "
    "reshape rfft rfft2 rfftfreq rfftn rms_norm roll rotary_position_embedding rsqrt scalar_cast "
    "scatter_nd select sigmoid sign silu sin sinc sinh soft_margin_loss softshrink sqrt square "
    "strided_slice sub swiglu take tan tanh tanh_ tensor_scatter_add tile trace transpose triu trunc "
    "unsorted_segment_sum view_as zero_ zeros "
).split())


def __getattr__(name):
    if name in _SHARED_FUNCTIONS:
        from ... import ops
        return getattr(ops, name)
    raise AttributeError(f"module 'mindspore.ops.auto_generate' has no attribute '{name}'")
