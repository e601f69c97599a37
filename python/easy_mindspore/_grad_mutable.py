"""Gradients of ``mutable`` arguments in compiled code, as MindSpore's graphs give them.

In a graph (``jit``, GRAPH_MODE) MindSpore folds a plain tuple, list, dict or number argument
into the graph as a constant: it has no gradient. ``mutable`` makes it a variable of the graph
(``common/mutable.py`` marks it), and ``GradOperation`` then differentiates it, giving its
gradient in its own structure: a tuple for a mutable tuple, a list for a list, a dict for a
dict (the tuple of its values at the STRICT syntax level; measured on MindSpore 2.10). A mutable number gets its derivative
(``GradOperation(get_all=True)`` of ``x * y`` at ``mutable(2), mutable(3)`` is ``(3, 2)``, as
MindSpore's own tests expect; MindSpore 2.10 gives zeros there, its bug). Eager code (PyNative)
differentiates Tensors only, mutable or not.

The engine differentiates positional Tensors, so :func:`expand` lays each mutable argument out as
its leaves (numbers as Float32 scalar Tensors) and gives a function that rebuilds the arguments
before calling the user's; :func:`regroup` puts the gradients back in the arguments' structures.
"""
import os

from . import _tree
from ._C import Tensor
from .common import dtype as _mstype

__all__ = ["has_mutable", "expand"]


def _is_mutable(value):
    return getattr(type(value), "__ms_mutable__", False)


def has_mutable(args):
    """Whether some argument is a ``mutable`` number or container."""
    for a in args:
        if _is_mutable(a):
            return True
    return False


def _as_tensor(leaf):
    return leaf if isinstance(leaf, Tensor) else Tensor(float(leaf), _mstype.float32)


def expand(fn, args):
    """``(flat_fn, flat_args, regroup)``: ``flat_fn(*flat_args)`` is ``fn(*args)`` with each
    mutable argument's leaves passed as Tensors of their own; ``regroup(grads)`` takes the
    gradients of ``flat_args``' Tensors (in order; any keyword arguments' after them) and
    returns ``(per_arg, rest)``: one entry per argument of ``args`` (its gradient in its
    structure, or None for an argument without one) and the keyword arguments' gradients."""
    plan, flat = [], []
    for a in args:
        if _is_mutable(a):
            leaves = [_as_tensor(leaf) for leaf in _tree.leaves(a)]
            plan.append((a, len(leaves)))
            flat.extend(leaves)
        else:
            plan.append((None, 1))
            flat.append(a)

    def take(it, n):
        return iter([next(it) for _ in range(n)])

    def flat_fn(*xs, **kwargs):
        it = iter(xs)
        rebuilt = [next(it) if a is None else _tree.rebuild(a, take(it, n)) for a, n in plan]
        return fn(*rebuilt, **kwargs)

    def regroup(grads):
        it = iter(grads)
        per_arg = []
        for (a, n), arg in zip(plan, args):
            if a is not None:
                per_arg.append(_unmarked(_tree.rebuild(a, take(it, n))))
            else:
                per_arg.append(next(it) if isinstance(arg, Tensor) else None)
        return per_arg, list(it)

    return flat_fn, tuple(flat), regroup


def _unmarked(value):
    """A gradient as MindSpore returns it: a plain tuple, list or dict (the rebuild kept the
    argument's mark); a dict's as the tuple of its values at the STRICT syntax level (MindSpore's
    graphs have no dicts there)."""
    if isinstance(value, dict) and _strict_syntax():
        return tuple(value.values())
    for plain in (tuple, list, dict):
        if isinstance(value, plain) and type(value) is not plain:
            return plain(value)
    return value


def _strict_syntax():
    """Whether compiled code is at MindSpore's STRICT syntax level: ``MS_DEV_JIT_SYNTAX_LEVEL=0``
    in the environment (which wins, as in MindSpore), else ``set_context(jit_syntax_level=STRICT)``."""
    level = os.environ.get("MS_DEV_JIT_SYNTAX_LEVEL")
    if level is not None:
        return level.strip() == "0"
    from . import context
    return context.get_context("jit_syntax_level") == context.STRICT
