"""``mindspore.train._utils``: which ranks of a parallel job hold the same slice of each parameter
(``get_parameter_redundancy``) and one choice of ranks to save each slice from
(``remove_param_redundancy``), as MindSpore 2.10 computes them from a parameter layout dict.

A layout is ``(device_matrix, tensor_map, slice_shape, field_size, uniform_split,
opt_shard_group)``: the ranks ``0 .. prod(device_matrix) - 1`` laid out row-major over the device
matrix, and each tensor dimension split along the device dimension its tensor map names (``k``
counts from the last device dimension; ``-1`` leaves the tensor dimension whole). Ranks that
differ only along the device dimensions no tensor dimension uses hold the same slice."""
from .._errors import ComputeError

__all__ = ["get_parameter_redundancy", "remove_param_redundancy"]


def _redundancy_groups(layout, first_rank):
    """The tuples of ranks holding one slice each: ranks ascending within a tuple, the tuples
    ordered by the slice's device coordinates with the last split device dimension slowest."""
    sizes = [int(d) for d in layout[0]]
    tensor_map = layout[1]
    split = sorted({len(sizes) - 1 - int(v) for v in tensor_map if int(v) != -1}, reverse=True)
    groups = {}
    total = 1
    for d in sizes:
        total *= d
    for rank in range(total):
        coords, rest = [], rank
        for d in reversed(sizes):
            coords.append(rest % d)
            rest //= d
        coords.reverse()
        groups.setdefault(tuple(coords[d] for d in split), []).append(rank + first_rank)
    return tuple(tuple(groups[key]) for key in sorted(groups))


def get_parameter_redundancy(layout_obj, initial_rank=None):
    """For each parameter of a layout dict, the tuples of ranks that hold the same slice of it.

    Args:
        layout_obj (dict): Parameter names to their layouts ``(device_matrix, tensor_map,
            slice_shape, field_size, uniform_split, opt_shard_group)``.
        initial_rank (int, optional): The rank of the device matrix's first device. Default:
            ``None`` (0).

    Returns:
        dict, the parameter names (sorted) to tuples of rank tuples.

    Raises:
        RuntimeError: `layout_obj` is the path of a strategy file (not read here).

    Examples:
        >>> from mindspore.train._utils import get_parameter_redundancy
        >>> layout = {"w": ([2, 4], [0, -1], [8, 8], 0, True, "")}
        >>> get_parameter_redundancy(layout)
        {'w': ((0, 4), (1, 5), (2, 6), (3, 7))}
    """
    if isinstance(layout_obj, str):
        with open(layout_obj, "rb"):  # a missing file is the FileNotFoundError MindSpore raises
            pass
        raise ComputeError("For 'get_parameter_redundancy', reading a parallel strategy file is "
                           "not supported here: pass the dict of parameter layouts.")
    first_rank = 0 if initial_rank is None else initial_rank
    result = {}
    for name, layout in sorted(layout_obj.items()):
        result[name] = _redundancy_groups(layout, first_rank)
    return result


def remove_param_redundancy(param_redundancy_dict, keep_redundancy=1):
    """Chooses which ranks save each slice: for each rank tuple (in the order the dict first
    shows it), its parameters in dict order take the tuple's ranks in turn, ``keep_redundancy``
    consecutive ranks each (the first copies of every tuple chosen before the second ones).

    Args:
        param_redundancy_dict (dict): Parameter names to tuples of rank tuples, as
            :func:`get_parameter_redundancy` returns.
        keep_redundancy (int): How many ranks of a tuple save each parameter. Default: ``1``.

    Returns:
        dict, ranks to the set of parameter names each saves.

    Examples:
        >>> from mindspore.train._utils import remove_param_redundancy
        >>> groups = ((0, 1), (2, 3))
        >>> out = remove_param_redundancy({"a": groups, "b": groups, "c": groups})
        >>> {rank: sorted(names) for rank, names in out.items()}
        {0: ['a', 'c'], 1: ['b'], 2: ['a', 'c'], 3: ['b']}
    """
    by_group = {}
    for name, groups in param_redundancy_dict.items():
        for group in groups:
            by_group.setdefault(group, []).append(name)
    result = {}
    for step in range(keep_redundancy):
        for group, names in by_group.items():
            size = len(group)
            if step >= size:
                continue
            for turn, name in enumerate(names):
                result.setdefault(group[(turn + step) % size], set()).add(name)
    return result


def _construct_tensor_list(types, shapes, batch_expand_num=1):
    """Zero Tensors of the given dtypes and shapes (a dataset's column types and shapes), the
    first dimension of each multiplied by ``batch_expand_num``: the inputs a network is first
    built with before data arrives. A ``ValueError`` when ``types`` and ``shapes`` differ in
    length."""
    from .. import ops

    if len(types) != len(shapes):
        raise ValueError("The length of dataset types must be equal to dataset shapes, but got "
                         f"dataset types={types} and dataset shapes={shapes}")
    out = []
    for dtype, shape in zip(types, shapes):
        shape = tuple(int(d) * batch_expand_num if i == 0 else int(d) for i, d in enumerate(shape))
        out.append(ops.zeros(shape, dtype))
    return out
