"""Views that share their base's elements, as MindSpore 2.10's PyNative mode has them: a tensor
made by ``view``, ``reshape``, ``transpose``/``permute``/``swapaxes``, ``squeeze``/``expand_dims``,
``flatten`` or basic indexing (``x[0]``, ``x[:, 1:]``) of another one is a *view* of it, and an
in-place write to either (``__setitem__``, ``copy_``, ``fill_``, ``add_``... the in-place methods)
shows in the other (measured on MindSpore 2.10, CPU: ``v = x.view(3, 2); v[0] = 100`` changes
``x``, and ``x[0] = -1`` changes ``v``).

The engine's values are immutable, so sharing is done at the handles, in the native module
(``crates/easy-mindspore-py/src/views.rs``): a view's handle records its base handle and the engine
op that makes its value from the base's; the base keeps weak references to its live views. A
write to a view (the native ``__setitem__``; ``Tensor._written()`` after the in-place methods'
``_write``) writes its elements back into the base (the op applied to the base's flat positions
says where they go) and goes on up the chain; then every live view below the written base is
recomputed. Only eager values link: a value a ``grad``, ``vmap`` or ``jit`` traces is a value, as
before (so a traced function never rebinds a handle it did not write). The linking costs no Python
frame: ``x.reshape(...)`` and ``x[0]`` are native calls.

Where we differ from MindSpore 2.10 on CPU, on purpose: its in-place arithmetic methods there
(``add_``, ``mul_``, ``sub_``) leave even the tensor itself unchanged (a missing kernel falls back
to an out-of-place op); ours change the tensor and so its base and views. Its advanced indexing
(``x[[0]]``, ``x[mask]``) also writes through, to wrong places for a mask; ours gives copies, as
NumPy and MindSpore's documentation say.
"""
from ._C import Tensor


def base_of(t):
    """The tensor ``t`` is a view of, or None."""
    return t._view_base if isinstance(t, Tensor) else None  # pylint: disable=protected-access


def written(t):
    """``t`` was just written in place: writes it back into its base chain and recomputes the
    other views of every tensor on that chain."""
    if isinstance(t, Tensor):
        t._written()  # pylint: disable=protected-access
