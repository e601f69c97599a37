"""Nested Python values as trees: tuples (namedtuples too), lists and dicts are nodes; anything
else is a leaf. This module is the one owner of that contract on the Python side: every transform
(``grad`` through ``_C.grad_call``, which calls :func:`leaves` back, ``jit``, ``vmap``, the
Jacobians, ``stop_gradient``) walks arguments and outputs with these helpers, always in the same
order (items in order, dict values in insertion order). The native module never walks Python
containers itself.

A *spec* (``in_axes``, ``out_axes``) is a prefix of a tree: where the tree has a tuple, list or
dict, the spec may have one of the same length (dict: the same keys) or a single value that
applies to the whole subtree.
"""

from ._errors import ShapeError

_NODES = (tuple, list, dict)


def _children(value):
    if isinstance(value, dict):
        return list(value.items())
    return list(enumerate(value))


def leaves(value):
    """The leaves of ``value``, in order."""
    if isinstance(value, _NODES):
        out = []
        for _, child in _children(value):
            out.extend(leaves(child))
        return out
    return [value]


def rebuild(value, new_leaves):
    """``value`` with its leaves replaced, in order, by the items of the iterator ``new_leaves``."""
    if isinstance(value, dict):
        return _marked_as(value, {k: rebuild(v, new_leaves) for k, v in value.items()})
    if isinstance(value, tuple):
        items = [rebuild(v, new_leaves) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else _marked_as(value, tuple(items))
    if isinstance(value, list):
        return _marked_as(value, [rebuild(v, new_leaves) for v in value])
    return next(new_leaves)


def _marked_as(value, new):
    """``new`` (a plain tuple, list or dict) marked as ``value`` is: a ``mutable`` container
    (``common/mutable.py``) stays one, with its attributes, through every rebuild (a ``jit``
    trace rebuilds its arguments)."""
    if not getattr(type(value), "__ms_mutable__", False):
        return new
    out = type(value)(new)
    out.__dict__.update(value.__dict__)
    return out


def structure(value):
    """A hashable description of ``value``'s nodes, its leaves left out: two values with equal
    structures differ only in their leaves (a node's type — a namedtuple's, a ``mutable``
    container's — and a dict's keys are part of it)."""
    if isinstance(value, dict):
        return ("d", type(value), tuple(value), tuple(structure(v) for v in value.values()))
    if isinstance(value, tuple):
        return ("t", type(value), tuple(structure(v) for v in value))
    if isinstance(value, list):
        return ("l", type(value), tuple(structure(v) for v in value))
    return None


def map_leaves(fn, value):
    """``value`` with every leaf ``x`` replaced by ``fn(x)``."""
    return rebuild(value, map(fn, leaves(value)))


def describe(value, leaf, sequence):
    """A text describing ``value`` bottom-up (for messages naming the kinds of a value): each leaf
    (dicts too) by ``leaf(x)``, each tuple or list by ``sequence(node, texts of its items)``."""
    if isinstance(value, (tuple, list)):
        return sequence(value, [describe(v, leaf, sequence) for v in value])
    return leaf(value)


def zip_map(fn, values, deep=True, reverse=False, op="HyperMap", whole=None):
    """``fn`` applied to the leaves of ``values`` taken in step (MindSpore's ``HyperMap``; with
    ``deep=False`` one level only, ``Map``). Where some values are tuples or lists, those must have
    the same length and the others are passed whole to every element; the result takes the
    container kind of the first sequence. ``reverse`` visits the elements last to first (the
    result keeps their order). Sequences of different lengths are a ShapeError naming ``op``.
    ``whole(values)`` true calls ``fn`` on the values as they are, sequences included."""
    seqs = [v for v in values if isinstance(v, (tuple, list))]
    if not seqs or (whole is not None and whole(values)):
        return fn(*values)
    n = len(seqs[0])
    if any(len(s) != n for s in seqs):
        raise ShapeError(f"For '{op}', the sequences must have the same length, but got lengths "
                         f"{[len(s) for s in seqs]}")
    out = [None] * n
    for i in (range(n - 1, -1, -1) if reverse else range(n)):
        items = [v[i] if isinstance(v, (tuple, list)) else v for v in values]
        out[i] = zip_map(fn, items, deep, reverse, op, whole) if deep else fn(*items)
    return out if isinstance(seqs[0], list) else tuple(out)


def match_spec(value, spec, path, check_entry, mismatch):
    """``[(path, leaf, entry)]`` for every leaf of ``value``: the spec entry that applies to it and
    its path (a tuple of indices and keys, starting with ``path``). ``check_entry(entry, path)``
    validates each entry of the spec; ``mismatch(path, spec, value)`` builds the exception for a
    spec whose structure does not fit the value."""
    out = []
    _match(value, spec, tuple(path), check_entry, mismatch, out)
    return out


def _match(value, spec, path, check_entry, mismatch, out):
    if isinstance(spec, (tuple, list)):
        if not isinstance(value, (tuple, list)) or len(value) != len(spec):
            raise mismatch(path, spec, value)
        for i, (v, s) in enumerate(zip(value, spec)):
            _match(v, s, path + (i,), check_entry, mismatch, out)
        return
    if isinstance(spec, dict):
        if not isinstance(value, dict) or set(value) != set(spec):
            raise mismatch(path, spec, value)
        for k, v in value.items():
            _match(v, spec[k], path + (k,), check_entry, mismatch, out)
        return
    check_entry(spec, path)
    _label_leaves(value, path, spec, out)


def _label_leaves(value, path, entry, out):
    if isinstance(value, _NODES):
        for k, child in _children(value):
            _label_leaves(child, path + (k,), entry, out)
    else:
        out.append((path, value, entry))
