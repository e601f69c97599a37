"""``vmap``: a function written for one example, run on a whole batch in one pass (MindSpore
2.10's ``mindspore.vmap``; JAX's rules where MindSpore is silent).

The engine runs the function once under its batching interpreter (``_C.vmap``); this module
matches ``in_axes``/``out_axes`` to the structure of the arguments and outputs (tuples, lists and
dicts nest, a single entry covers a whole subtree), checks them with errors that name the
arguments, and puts each output's batch axis where ``out_axes`` asks.
"""
import functools
import inspect

import numpy as _np

from . import _C, _tree
from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError

__all__ = ["vmap"]


class _AxisError(ShapeError, ComputeError):
    """An axis or size of vmap's arguments or outputs that does not fit: a RuntimeError, as
    MindSpore 2.10's vmap raises it, and a ValueError, as the package's other shape errors."""

_NUMBERS = (bool, int, float, _np.generic)


def vmap(fn, in_axes=0, out_axes=0):
    """``mindspore.vmap(fn, in_axes=0, out_axes=0)``: the vectorized ``fn``.

    - ``in_axes``: the batch axis of each positional argument: an int (every argument), ``None``
      (not mapped: the same value for every example), or a tuple/list with one entry per
      argument, nested like tuple/list/dict arguments. Negative axes count from the end. An
      argument that is not a Tensor (a Python number, ``None``) must have ``None``. At least one
      argument must be mapped, and every mapped axis must have the same size; as in MindSpore,
      a single ``None`` for all arguments is a RuntimeError.
    - ``out_axes``: where the batch axis goes in each output: an int, ``None`` or a structure
      matching the output. An output that does not vary across the batch is broadcast along it;
      ``None`` returns it once, and is an error for an output that varies. As in MindSpore,
      ``out_axes`` that is ``None`` everywhere is a RuntimeError.
    - Axes out of range, mapped sizes that differ and ``out_axes`` that do not match the outputs
      raise errors that are both RuntimeError (MindSpore's class) and ValueError.

    Inside ``fn`` a mapped tensor has the shape of one example. Its value cannot be read (``bool``,
    ``float``, ``item``, ``asnumpy``...): that raises an ``easy_mindspore.Error``; use ``where``
    instead of Python control flow on such values. ``vmap`` nests and composes with ``grad``,
    ``jvp``, ``vjp`` and the Jacobians: ``vmap(grad(f))`` gives per-example gradients. Keyword
    arguments are not supported (pass them positionally).
    - ``fn`` may be an ``nn.CellList`` of cells of one structure (model ensembling): example ``i``
      runs through cell ``i``, so the mapped size must be the number of cells.

    >>> import easy_mindspore as ems
    >>> ems.vmap(lambda row, w: (row * w).sum(), in_axes=(0, None))(ems.ones((3, 2)), ems.arange(2.0))
    Tensor(shape=[3], dtype=Float32, value= [ 1.00000000e+00,  1.00000000e+00,  1.00000000e+00])

    Args:
        fn (function): The function.
        in_axes (Union[int, tuple, None], optional): The mapped axis of each argument (None: not
            mapped). Default: ``0``.
        out_axes (Union[int, tuple], optional): The axis of the outputs where the mapped axis goes.
            Default: ``0``.

    Returns:
        function, `fn` mapped over the axes `in_axes` of its arguments.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.vmap(lambda row: row.sum())(x))
        [3. 7.]
    """

    @functools.wraps(fn, assigned=("__module__", "__name__", "__qualname__", "__doc__"), updated=())
    def vmapped(*args, **kwargs):
        if kwargs:
            raise DTypeError(f"For 'vmap', keyword arguments are not supported (got {', '.join(kwargs)}); "
                             "pass them positionally with an in_axes entry")
        return _vmap_call(fn, in_axes, out_axes, args)

    return vmapped


def _check_entry(what):
    def check(entry, path):
        if entry is not None and (isinstance(entry, bool) or not isinstance(entry, int)):
            raise ComputeError(f"The axis in vmap's '{what}' should be a None or a scalar of type int: "
                               f"the elements of {what} must be int or None, but got {entry!r} "
                               f"({type(entry).__name__}) for {_where(what, path)}.")
    return check


def _where(what, path):
    return f"{what}{''.join(f'[{k!r}]' for k in path)}" if path else what


def _describe(value):
    if isinstance(value, (tuple, list, dict)):
        return f"a {type(value).__name__} of length {len(value)}"
    return f"a {type(value).__name__}"


class _Labels:
    """Names of arguments for messages (``argument 1 ('w')``); the signature is only looked up
    when a message needs it."""

    def __init__(self, fn):
        self.fn = fn
        self.names = None

    def __call__(self, path):
        if self.names is None:
            self.names = _positional_names(self.fn)
        i, rest = path[0], path[1:]
        name = f" ('{self.names[i]}')" if i < len(self.names) else ""
        return f"argument {i}{name}" + "".join(f"[{k!r}]" for k in rest)


def _positional_names(fn):
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return []
    names = []
    for p in params:
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            names.append(p.name)
        elif p.kind == p.VAR_POSITIONAL:
            break
    return names


def _out_label(path):
    return "the output" if not path else "output" + "".join(f"[{k!r}]" for k in path)


def _ensemble_call(cells, in_axes, out_axes, args):
    """``vmap`` of a ``CellList`` (MindSpore's model ensembling): example ``i`` of the mapped
    arguments runs through cell ``i`` (with its own Parameters, which it may update), so the
    mapped size must equal the number of cells; the outputs are stacked along `out_axes`. The
    cells run one after the other; ``grad`` differentiates through them as through any loop."""
    from .ops import stack
    if isinstance(in_axes, list):
        in_axes = tuple(in_axes)

    def in_mismatch(path, spec, value):
        return ShapeError(f"For 'vmap', in_axes has {len(spec)} entries that do not match the "
                          f"arguments of the CellList's cells ({_describe(value)})")

    n = len(cells)
    if n < 2:
        raise ComputeError("In the model ensembling parallel training scenario ('VmapOperation' arg0 "
                           f"is a 'CellList'), the size of 'CellList' must be greater than 1, but got {n}.")
    arities = {len(_positional_names(c.construct)) for c in cells}
    if len(arities) > 1:
        raise ComputeError("'VmapOperation' arg0 is a CellList, whose elements's inputs should be "
                           f"consistent. (Their construct take {sorted(arities)} positional arguments.)")
    entries = _tree.match_spec(args, in_axes, (), _check_entry("in_axes"), in_mismatch)
    if not any(axis is not None for _, _, axis in entries):
        raise ComputeError("Failed to get 'axis_size' within the scope of vmap. in_axes maps no "
                           "argument (at least one Tensor argument must be mapped).")
    for path, leaf, axis in entries:
        if axis is None:
            continue
        if not isinstance(leaf, Tensor) or not -leaf.ndim <= axis < leaf.ndim:
            raise ComputeError(f"For 'vmap', in_axes {axis} does not fit argument {_describe(leaf)}.")
        if leaf.shape[axis % leaf.ndim] != n:
            raise ShapeError("If you want to execute the model ensembling parallel training, please make "
                             "sure the 'axis_size' in the scope of vmap consistent with the cell size of "
                             "the input 'CellList', otherwise, please do not enter 'CellList' as the first "
                             f"argument, but we get axis_size: {leaf.shape[axis % leaf.ndim]} and the cell "
                             f"size: {n}. (An argument of shape {tuple(leaf.shape)}, mapped along axis {axis}.)")
    outs = []
    for i, cell in enumerate(cells):
        leaves = [leaf if axis is None else leaf.swapaxes(0, axis % leaf.ndim)[i]
                  for _, leaf, axis in entries]
        outs.append(cell(*_tree.rebuild(args, iter(leaves))))
    out_spec = tuple(out_axes) if isinstance(out_axes, list) else out_axes

    out_mismatch = _out_mismatch

    per_cell = [_tree.match_spec(o, out_spec, (), _check_entry("out_axes"), out_mismatch)
                for o in outs]
    result = []
    for k, (path, first, axis) in enumerate(per_cell[0]):
        column = [entries_i[k][1] for entries_i in per_cell]
        column = [Tensor(c) if isinstance(c, _NUMBERS) else c for c in column]
        if not isinstance(column[0], Tensor):
            result.append(first)
            continue
        if axis is None:
            if any(not bool((c == column[0]).all()) for c in column[1:]):
                raise ShapeError(f"For 'vmap', out_axes is None for {_out_label(path)}, but it "
                                 "varies across the cells; give it an int out_axes")
            result.append(column[0])
            continue
        result.append(_move_from_front(stack(column, 0), axis, path))
    return _tree.rebuild(outs[0], iter(result))


def _out_mismatch(path, spec, value):
    if isinstance(value, (tuple, list)):
        return _AxisError(f"The size of vmap's 'out_axes' should be equal to the number of results of "
                          f"'fn': {len(value)}, but got size: {len(spec)}. ({_where('out_axes', path)} "
                          f"against {_out_label(path)})")
    return _AxisError(f"For 'vmap', {_where('out_axes', path)} has {len(spec)} entries but "
                      f"{_out_label(path)} is {_describe(value)}.")


def _all_none(spec):
    return all(s is None for s in _tree.leaves(spec))


def _vmap_call(fn, in_axes, out_axes, args):
    from .nn import CellList
    if isinstance(fn, CellList):
        return _ensemble_call(list(fn), in_axes, out_axes, args)
    if not callable(fn):
        raise DTypeError(f"The fn should be callable, but got {type(fn).__name__}")
    if in_axes is None:
        raise ComputeError("The 'in_axes' of 'vmap' cannot be a single None while 'fn' is not a 'CellList'.")
    if out_axes is None:
        raise ComputeError("The 'out_axes' of 'vmap' cannot be a single None while 'fn' is not a 'CellList'.")
    if _all_none(out_axes):
        raise ComputeError("The 'out_axes' of 'vmap' cannot be all None while 'fn' is not a 'CellList', "
                           f"but got {out_axes}.")
    label = _Labels(fn)
    if isinstance(in_axes, list):
        in_axes = tuple(in_axes)  # at the top, a list means one entry per argument, as a tuple

    def in_mismatch(path, spec, value):
        if not path:
            # MindSpore 2.10 checks the call first (TypeError), then the axes' count.
            called = getattr(fn, "construct", fn)  # a Cell's parameters are its construct's
            try:
                inspect.signature(called).bind(*args)
            except TypeError:
                return DTypeError(f"The parameters number of the function is "
                                  f"{len(_positional_names(called))}, but the number of provided "
                                  f"arguments is {len(args)}.")
            except ValueError:  # no signature to check the call against
                pass
            return ComputeError(f"When vmap`s 'in_axes' is a tuple or list, and its size must be "
                                f"equal to the number of arguments of 'fn': {len(args)}, but got "
                                f"size: {len(spec)}.")
        return ShapeError(f"For 'vmap', {_where('in_axes', path)} has {len(spec)} entries but "
                          f"{label(path)} is {_describe(value)}")

    entries = _tree.match_spec(args, in_axes, (), _check_entry("in_axes"), in_mismatch)
    values = [leaf for _, leaf, _ in entries]
    mapped, xs, axes = [], [], []
    first = None
    for k, (path, leaf, axis) in enumerate(entries):
        if axis is None:
            continue
        if not isinstance(leaf, Tensor):
            raise ShapeError(f"For 'vmap', {label(path)} is {_describe(leaf)}, not a Tensor, so its "
                             f"in_axes must be None, but got {axis}")
        nd = leaf.ndim
        if not -nd <= axis < nd:
            raise _AxisError(f"The axis: {axis} in 'in_axes' is out of bounds for array of dimension "
                             f"[{-nd},{nd}). For 'vmap', in_axes {axis} of {label(path)} is out of range "
                             f"for its shape {leaf.shape}: it must be in [{-nd}, {nd})")
        a = axis % nd
        if first is None:
            first = (path, leaf.shape[a], a, leaf.shape)
        elif leaf.shape[a] != first[1]:
            p0, n0, a0, s0 = first
            raise _AxisError(f"The 'axis_size' of each argument in the scope of 'vmap' should be equal, "
                             f"but got {n0} and {leaf.shape[a]}. {label(p0)} has size {n0} along axis "
                             f"{a0} (shape {s0}) and {label(path)} has size {leaf.shape[a]} along axis "
                             f"{a} (shape {leaf.shape}).")
        mapped.append(k)
        xs.append(leaf)
        axes.append(a)
    if first is None:
        raise ComputeError("Failed to get 'axis_size' within the scope of vmap. in_axes maps no argument "
                           "(every entry is None or covers no Tensor); at least one Tensor argument must "
                           "be mapped.")

    out_spec = tuple(out_axes) if isinstance(out_axes, list) else out_axes
    box = {}

    out_mismatch = _out_mismatch

    def flat(ts):
        new = list(values)
        for k, t in zip(mapped, ts):
            new[k] = t
        out = fn(*_tree.rebuild(args, iter(new)))
        got = _tree.match_spec(out, out_spec, (), _check_entry("out_axes"), out_mismatch)
        got = [(path, Tensor(leaf) if isinstance(leaf, _NUMBERS) else leaf, axis) for path, leaf, axis in got]
        box["out"], box["entries"] = out, got
        batched = [leaf for _, leaf, axis in got if isinstance(leaf, Tensor) and axis is not None]
        unbatched = [leaf for _, leaf, axis in got if isinstance(leaf, Tensor) and axis is None]
        return batched, unbatched

    batched, unbatched, varies = _C.vmap(flat, xs, axes)
    batched, unbatched, varies = iter(batched), iter(unbatched), iter(varies)
    leaves = []
    for path, leaf, axis in box["entries"]:
        if not isinstance(leaf, Tensor):
            leaves.append(leaf)
        elif axis is None:
            if next(varies):
                raise _AxisError(f"It is invalid that source is not None and dst is None. For 'vmap', "
                                 f"out_axes is None for {_out_label(path)}, but it varies across the "
                                 f"batch (shape {leaf.shape} per example); give it an int out_axes.")
            leaves.append(next(unbatched))
        else:
            leaves.append(_move_from_front(next(batched), axis, path))
    return _tree.rebuild(box["out"], iter(leaves))


def _move_from_front(t, axis, path):
    """``t`` (batch first) with its batch axis moved to ``axis``."""
    nd = t.ndim
    if not -nd <= axis < nd:
        raise _AxisError(f"The axis: {axis} in 'out_axes' is out of bounds for array of dimension "
                         f"[{-nd},{nd}). For 'vmap', out_axes {axis} of {_out_label(path)} is out of range: "
                         f"with the batch axis it has {nd} dimensions, so it must be in [{-nd}, {nd})")
    a = axis % nd
    if a == 0:
        return t
    perm = list(range(1, nd))
    perm.insert(a, 0)
    return t.transpose(*perm)
