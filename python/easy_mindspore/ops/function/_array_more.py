"""``mindspore.ops`` array functions, part two (re-exported by ``array_func``), gathered from three
modules by concept: ``_array_axes`` (comparisons, flips and rolls, axis moves, small queries),
``_array_index`` (index selection, gathers and scatter-adds, segment sums) and ``_array_split``
(splits, stacks and ``atleast_*``). Compositions of engine ops."""
from ._array_axes import (  # noqa: F401 (re-exported)
    _axis, argwhere, eq, equal, flip, fliplr, flipud, full_like, ge, greater, greater_equal, gt,
    le, less, less_equal, lt, moveaxis, movedim, ne, not_equal, numel, range, rank, roll, rot90,
    swapaxes, swapdims,
)
from ._array_index import (  # noqa: F401 (re-exported)
    _add_rows, gather_nd, index_add, index_select, scatter_nd, tensor_scatter_add,
    tensor_scatter_update, unique_consecutive, unsorted_segment_sum,
)
from ._array_split import (  # noqa: F401 (re-exported)
    atleast_1d, atleast_2d, atleast_3d, chunk, column_stack, dsplit, dstack, hsplit, hstack,
    tensor_split, vsplit, vstack,
)


__all__ = [
    "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "eq", "ne", "gt",
    "ge", "lt", "le", "roll", "flip", "flipud", "fliplr", "rot90", "index_select", "index_add",
    "scatter_nd", "gather_nd", "tensor_scatter_add", "tensor_scatter_update",
    "chunk", "tensor_split", "hsplit", "vsplit", "dsplit", "hstack", "vstack", "dstack",
    "column_stack", "movedim", "moveaxis", "swapaxes", "swapdims", "atleast_1d", "atleast_2d",
    "atleast_3d", "full_like", "range", "numel", "rank", "argwhere", "unique_consecutive",
    "unsorted_segment_sum",
]
