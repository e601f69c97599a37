"""``mindspore.ops`` everyday functions (re-exported by ``array_func``): the spellings MindSpore
keeps for common operations, gathered from three modules by concept: ``_basic_reduce``
(reductions, cumulative and sorting/search functions, norms and matrix products),
``_basic_arith`` (arithmetic and elementwise spellings, dtype predicates) and ``_basic_shape``
(broadcasting, splitting, slicing and the scatter spellings). Compositions of engine ops."""
from ._basic_reduce import (  # noqa: F401 (re-exported)
    addbmm, argmin, bucketize, cumsum, diff, dist, matrix_power, msort, reduce_max, reduce_mean,
    reduce_min, reduce_sum, searchsorted, top_k, trapz, vecdot, vector_norm,
)
from ._basic_arith import (  # noqa: F401 (re-exported)
    absolute, addn, copysign, divide, floor_div, floor_mod, floordiv, floormod, fmax, fmin,
    is_complex, is_floating_point, is_tensor, isneginf, isposinf, ldexp, multiply, negative,
    positive, sgn, signbit, subtract, tensor_add, truncate_div, truncate_mod, xdivy,
)
from ._basic_shape import (  # noqa: F401 (re-exported)
    broadcast_to, diagflat, expand, expand_as, index_fill, matrix_band_part, ravel, reverse,
    row_stack, select_scatter, sequence_mask, slice, slice_scatter, strided_slice, t, unbind,
    unstack, vander,
)


__all__ = [
    "argmin", "cumsum", "broadcast_to", "expand", "expand_as", "unstack", "unbind", "t",
    "subtract", "multiply", "divide", "negative", "positive", "absolute", "tensor_add", "addn",
    "floor_div", "floor_mod", "floordiv", "floormod", "truncate_div", "truncate_mod", "diff",
    "msort", "trapz", "ravel", "row_stack", "searchsorted", "bucketize", "dist", "diagflat",
    "vander", "copysign", "signbit", "sgn", "isneginf", "isposinf", "is_tensor",
    "is_floating_point", "is_complex", "fmax", "fmin", "ldexp", "xdivy", "matrix_power",
    "vector_norm", "top_k", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "slice",
    "strided_slice", "sequence_mask", "index_fill", "slice_scatter", "select_scatter",
    "vecdot", "reverse", "matrix_band_part", "addbmm",
]
