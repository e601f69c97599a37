"""Views that share their base's elements, as MindSpore 2.10's PyNative mode has them: a tensor
made by ``view``, ``reshape``, ``transpose``/``permute``/``swapaxes``, ``squeeze``/``expand_dims``,
``flatten`` or basic indexing (``x[0]``, ``x[:, 1:]``) of another one is a *view* of it, and an
in-place write to either (``__setitem__``, ``copy_``, ``fill_``, ``add_``... the in-place methods)
shows in the other (measured on MindSpore 2.10, CPU: ``v = x.view(3, 2); v[0] = 100`` changes
``x``, and ``x[0] = -1`` changes ``v``).

The engine's values are immutable, so sharing is done at the handles: a view records its base
and the function that makes its value from the base's (``forward``, made of the native methods);
the base keeps weak links to its live views. A write to a view writes its elements back into the
base (``forward`` applied to the base's flat positions says where they go) and goes on up the
chain; then every live view below the written base is recomputed. Only eager values link: a
value a ``grad``, ``vmap`` or ``jit`` traces is a value, as before (so a traced function never
rebinds a handle it did not write).

Where we differ from MindSpore 2.10 on CPU, on purpose: its in-place arithmetic methods there
(``add_``, ``mul_``, ``sub_``) leave even the tensor itself unchanged (a missing kernel falls back
to an out-of-place op); ours change the tensor and so its base and views. Its advanced indexing
(``x[[0]]``, ``x[mask]``) also writes through, to wrong places for a mask; ours gives copies, as
NumPy and MindSpore's documentation say.
"""
import linecache
import sys
import weakref

import numpy as _np

from ._C import Parameter, Tensor

_BASE = "_ems_view_of"     # on a view: (base, forward, the base's shape then)
_VIEWS = "_ems_views"      # on a base: weak references to its views (dead ones pruned now and then)

_NATIVE = {}


def link(base, view, forward):
    """Records that ``view`` is ``forward(base)`` sharing ``base``'s elements; returns ``view``.
    (Kept cheap: every reshape and basic index of an eager tensor comes here.)"""
    if view is base or base._is_traced or view._is_traced:
        return view
    view.__dict__[_BASE] = (base, forward, base.shape)
    d = base.__dict__
    refs = d.get(_VIEWS)
    if refs is None:
        d[_VIEWS] = refs = []
    elif len(refs) >= 32:  # drop the links of views that died
        refs[:] = [r for r in refs if r() is not None]
    refs.append(weakref.ref(view))
    return view


def base_of(t):
    """The tensor ``t`` is a view of, or None."""
    got = t.__dict__.get(_BASE) if isinstance(t, Tensor) else None
    return None if got is None else got[0]


def _set(t, value):
    if isinstance(t, Parameter):
        t.set_data(value)
    else:
        t._rebind(value)  # pylint: disable=protected-access


def _write_back(base, forward, view):
    """``base`` with the elements ``view`` shares replaced by ``view``'s."""
    shape = tuple(base.shape)
    positions = forward(Tensor(_np.arange(int(_np.prod(shape)), dtype=_np.int64).reshape(shape)))
    flat = _NATIVE["reshape"](base, (-1,))        # a new handle: setting it rebinds only it
    _NATIVE["__setitem__"](flat, _NATIVE["reshape"](positions, (-1,)),
                           _NATIVE["reshape"](view, (-1,)).astype(base.dtype))
    return _NATIVE["reshape"](flat, shape)


def _live(view):
    """``(base, forward)`` while ``view`` is still a view: a base rebound to another shape or
    dtype since (``set_data``) no longer shares elements with it, and the link is dropped."""
    got = view.__dict__.get(_BASE)
    if got is None:
        return None
    base, forward, shape = got
    if base.shape != shape or base.dtype != view.dtype:
        delattr(view, _BASE)
        return None
    return base, forward


def _refresh(t, skip):
    refs = t.__dict__.get(_VIEWS)
    if not refs:
        return
    for v in [r() for r in refs]:
        if v is None or v is skip or v._is_traced or _live(v) is None:
            continue
        _, forward = _live(v)
        v._rebind(forward(t))  # pylint: disable=protected-access
        _refresh(v, None)


def written(t, skip=None):
    """``t`` was just written in place: writes it back into its base chain and recomputes the
    other views of every tensor on that chain."""
    if not isinstance(t, Tensor) or t._is_traced:
        return
    got = _live(t)
    if got is not None:
        base, forward = got
        if not base._is_traced and base.size:
            _set(base, _write_back(base, forward, t))
            written(base, skip=t)
    _refresh(t, skip)


def _viewing(name):
    native = _NATIVE[name]

    def method(self, *args, **kwargs):
        out = native(self, *args, **kwargs)
        return link(self, out, lambda b: native(b, *args, **kwargs))
    method.__name__ = name
    method.__qualname__ = f"Tensor.{name}"
    method.__doc__ = native.__doc__
    return method


def _getitem(self, key):
    out = _NATIVE["__getitem__"](self, key)
    if out._is_view:  # basic indexing only: integer-tensor and mask indexing give copies
        return link(self, out, lambda b: _NATIVE["__getitem__"](b, key))
    return out


def _setitem(self, key, value):
    try:
        _NATIVE["__setitem__"](self, key, value)
    except RuntimeError as e:
        # The engine names the Python line that made the call (a `jit` side effect): the
        # user's, one frame up, not this wrapper's.
        raise _at_caller(e) from None
    written(self)


def _at_caller(e):
    here = f" at {__file__}:"
    text = str(e)
    if here not in text:
        return e
    frame = sys._getframe(2)  # pylint: disable=protected-access
    line = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
    head, tail = text.split(here, 1)
    rest = tail.split("`", 2)[-1] if tail.count("`") >= 2 else ""
    new = type(e)(f"{head} at {frame.f_code.co_filename}:{frame.f_lineno}: `{line}`{rest}")
    new.__traceback__ = e.__traceback__
    return new


_VIEW_METHODS = ("view", "reshape", "transpose", "permute", "swapaxes", "squeeze", "expand_dims",
                 "flatten")


def install():
    """Puts the linking methods on ``Tensor`` (idempotent; nothing when the native class takes no
    weak references, an older build)."""
    if _NATIVE:
        return
    try:
        weakref.ref(Tensor(0.0))
    except TypeError:
        return
    for name in _VIEW_METHODS + ("__getitem__", "__setitem__"):
        _NATIVE[name] = getattr(Tensor, name)
    for name in _VIEW_METHODS:
        setattr(Tensor, name, _viewing(name))
    t_prop = Tensor.__dict__.get("T")
    _NATIVE["T"] = t_prop
    Tensor.T = property(lambda self: link(self, t_prop.__get__(self), lambda b: t_prop.__get__(b)),
                        doc=getattr(t_prop, "__doc__", None))
    _getitem.__doc__ = _NATIVE["__getitem__"].__doc__
    _setitem.__doc__ = _NATIVE["__setitem__"].__doc__
    Tensor.__getitem__ = _getitem
    Tensor.__setitem__ = _setitem
