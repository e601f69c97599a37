"""Pytrees: tensors inside tuples, lists and dicts are flattened to a list of leaves and rebuilt.
Anything that is not a tensor or a container is kept as a constant."""
from ._C import Tensor

_LEAF = object()


def flatten(x):
    """Returns (tensor leaves, a definition to rebuild ``x`` with new leaves)."""
    leaves = []

    def walk(v):
        if isinstance(v, Tensor):
            leaves.append(v)
            return _LEAF
        if isinstance(v, tuple):
            return ("tuple", type(v), [walk(i) for i in v])
        if isinstance(v, list):
            return ("list", None, [walk(i) for i in v])
        if isinstance(v, dict):
            return ("dict", list(v.keys()), [walk(i) for i in v.values()])
        return ("const", v, None)

    return leaves, walk(x)


def unflatten(treedef, leaves):
    """Rebuilds a structure from its definition and leaves (in order)."""
    it = iter(leaves)

    def build(d):
        if d is _LEAF:
            return next(it)
        kind, extra, children = d
        if kind == "const":
            return extra
        items = [build(c) for c in children]
        if kind == "list":
            return items
        if kind == "dict":
            return dict(zip(extra, items))
        if extra is tuple:
            return tuple(items)
        return extra(*items)  # namedtuple

    return build(treedef)
