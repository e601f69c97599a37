"""Custom gradients in MindSpore's ``bprop`` style: ``custom_vjp``.

A custom function is one primitive of the engine (``_C.CustomVjp``): evaluating it runs the
function, its reverse-mode derivative is the user's ``bprop``, its forward-mode derivative is
derived from ``bprop`` by the engine, and under ``vmap`` both are batched. ``bprop`` is written
with ordinary ops, so it is differentiable itself: second derivatives go through it.
"""
import functools

import numpy as _np

from . import _C, _tree
from ._C import Tensor
from ._errors import ComputeError, DTypeError

__all__ = ["custom_vjp", "CustomVjpFunction"]

_NUMBERS = (bool, int, float, _np.generic)


def custom_vjp(fn=None, bprop=None):
    """A function with a custom backward rule, as a decorator or a call.

    ``bprop(*inputs, out, dout)`` receives the inputs, the function's output and the output's
    cotangent, and returns a tuple with one gradient per input (each of its input's shape;
    ``None`` stands for zeros; a bare Tensor is accepted for one input). A function returning a
    tuple of Tensors gets ``out`` and ``dout`` as tuples of the same length::

        @ems.custom_vjp
        def clip_gradient(x):
            return x

        @clip_gradient.defbprop
        def clip_gradient_bprop(x, out, dout):
            return (ops.clip_by_value(dout, -1.0, 1.0),)

    or ``custom_vjp(fn, bprop=...)``, or ``@custom_vjp(bprop=...)``. The function takes Tensors
    (Python numbers are converted to Tensors and get a gradient like any input) and returns one
    Tensor or a tuple of Tensors. Calling it before a ``bprop`` is defined raises ``easy_mindspore.ComputeError``. Only
    the inputs are differentiated through the rule: a tensor the function captures from outside
    gets no gradient through it.

    Args:
        fn (function, optional): The forward function. Default: ``None``.
        bprop (function, optional): The backward rule, ``bprop(*inputs, out, dout)`` returning one
            gradient per input. Default: ``None``.

    Returns:
        function, `fn` with the backward rule `bprop`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def bprop(x, out, dout):
        ...     return (dout * 2,)
        ...
        >>> f = ops.custom_vjp(lambda x: x * 1.0, bprop)
        >>> print(ms.grad(lambda x: f(x).sum())(ms.Tensor([1.0, 2.0])))
        [2. 2.]
    """
    if fn is None:
        return lambda f: CustomVjpFunction(f, bprop)
    return CustomVjpFunction(fn, bprop)


def _zeros_like(x):
    return _C.full(x.shape, 0, x.dtype)


class CustomVjpFunction:
    """What :func:`custom_vjp` returns: call it like the function; ``defbprop`` sets its rule."""

    def __init__(self, fn, bprop=None):
        if not callable(fn):
            raise DTypeError(f"For 'custom_vjp', the function must be callable, but got {type(fn).__name__}")
        functools.update_wrapper(self, fn, updated=())
        self.fn = fn
        self.bprop = None
        self._native = None
        self._multi = False
        if bprop is not None:
            self.defbprop(bprop)

    @property
    def _name(self):
        return getattr(self.fn, "__name__", None) or type(self.fn).__name__

    def defbprop(self, bprop):
        """Sets the backward rule ``bprop(*inputs, out, dout) -> (grad, ...)``; returns ``bprop``,
        so it works as a decorator."""
        if not callable(bprop):
            raise DTypeError(f"For 'custom_vjp', bprop must be callable, but got {type(bprop).__name__}")
        self.bprop = bprop
        fn = self.fn

        def forward(xs):
            out = fn(*xs)
            if isinstance(out, (tuple, list)):
                raise _MultiOutput()
            return out

        self._native = _C.CustomVjp(self._name, forward, _checked_backward(self._name, bprop))
        return bprop

    #: MindSpore 2.x's name (``fn.defbwd(bprop)``).
    defbwd = defbprop

    def __call__(self, *args, **kwargs):
        name = self._name
        if kwargs:
            raise DTypeError(f"For 'custom_vjp', {name} takes positional arguments only, but got "
                             f"keyword arguments {', '.join(kwargs)}")
        if self._native is None:
            raise ComputeError(f"For 'custom_vjp', {name} has no bprop: define one with "
                               f"@{name}.defbprop or custom_vjp(fn, bprop=...)")
        xs = [_input(name, i, a) for i, a in enumerate(args)]
        if not self._multi:
            try:
                return self._native(xs)
            except _MultiOutput:
                self._multi = True  # from now on straight to the several-outputs path
        return _call_multi(name, self.fn, self.bprop, xs)

    def __repr__(self):
        return f"<custom_vjp {self._name}>"


def _checked_backward(name, bprop):
    """The engine's backward: ``bprop``'s gradients checked and fitted to the inputs."""

    def backward(xs, out, dout):
        grads = bprop(*xs, out, dout)
        if isinstance(grads, Tensor):
            grads = (grads,)
        if not isinstance(grads, (tuple, list)):
            raise DTypeError(f"For 'custom_vjp', {name}: bprop must return a tuple with one gradient "
                             f"per input, but got {type(grads).__name__}")
        if len(grads) == len(xs):
            grads = [_zeros_like(x) if g is None else _fit(name, i, g, x)
                     for i, (g, x) in enumerate(zip(grads, xs))]
        return list(grads)

    return backward


class _MultiOutput(Exception):
    """Raised by a custom function's forward that returned several outputs: the call is taken
    again by :func:`_call_multi`."""


def _call_multi(name, fn, bprop, xs):
    """A custom function whose output is a (nested) tuple or list of Tensors: ``bprop`` gets
    ``out`` and ``dout`` in that structure (see :func:`call_flat`)."""
    tree = []  # the output's structure, set by the forward
    rule = _checked_backward(name, bprop)

    def forward(inner):
        out = fn(*inner)
        leaves = _tree.leaves(out)
        for k, o in enumerate(leaves):
            if not isinstance(o, Tensor):
                raise DTypeError(f"For 'custom_vjp', {name}: each output must be a Tensor, but "
                                 f"output {k} is a {type(o).__name__}")
        tree[:] = [out]
        return tuple(leaves)

    def backward(inner, outs, douts):
        return rule(inner, _tree.rebuild(tree[0], iter(outs)), _tree.rebuild(tree[0], iter(douts)))

    flat = call_flat(name, forward, backward, xs)
    return _tree.rebuild(tree[0], iter(flat))


def call_flat(name, forward, backward, xs):
    """A function with several Tensor outputs and a custom rule, as one engine primitive.

    ``forward(xs)`` returns a non-empty tuple of Tensors; ``backward(xs, outs, douts)`` gets them
    and their cotangents as tuples and returns one gradient per input. The engine sees one
    output: the outputs flattened and concatenated into a vector (in a common dtype), split back
    into the outputs here (each in its own shape and dtype). A primitive is made for each call,
    so its layout is that call's."""
    layout = []  # [(shape, dtype, size)] of the outputs, set by the forward

    def flat_forward(inner):
        outs = forward(inner)
        if not outs:
            raise DTypeError(f"For 'custom_vjp', {name}: the function returned an empty tuple")
        layout[:] = [(tuple(o.shape), o.dtype, int(_np.prod(o.shape, dtype=_np.int64)))
                     for o in outs]
        common = _common_dtype([o.dtype for o in outs])
        return _C.concat([o.reshape((-1,)).astype(common) for o in outs])

    def flat_backward(inner, out, dout):
        return backward(inner, _split(out, layout), _split(dout, layout))

    flat = _C.CustomVjp(name, flat_forward, flat_backward)(xs)
    return _split(flat, layout)


def _common_dtype(dtypes):
    """One dtype for outputs of several: theirs when they agree, else float64 if one is, else
    float32 (each output is cast back to its own dtype after the split)."""
    from .common import dtype as mstype

    if all(d == dtypes[0] for d in dtypes):
        return dtypes[0]
    return mstype.float64 if any(d == mstype.float64 for d in dtypes) else mstype.float32


def _split(flat, layout):
    """The outputs a flat vector holds, each reshaped and cast back to its own dtype."""
    outs, start = [], 0
    for shape, dtype, size in layout:
        piece = flat.narrow(0, start, size).reshape(shape)
        outs.append(piece if piece.dtype == dtype else piece.astype(dtype))
        start += size
    return tuple(outs)


def _fit(name, i, g, x):
    """A gradient from a user's rule made to fit its input as MindSpore does: cast to the input's
    dtype, and summed over the axes it was broadcast along (a RuntimeError when its shape does
    not broadcast to the input's)."""
    if not isinstance(g, Tensor):
        return g  # the engine names the bad value
    if g.dtype != x.dtype:
        g = g.astype(x.dtype)
    gs, xs = tuple(g.shape), tuple(x.shape)
    if gs == xs:
        return g
    lead = len(gs) - len(xs)
    fits = lead >= 0 and all(d == 1 or d == e for d, e in zip(xs, gs[lead:]))
    if not fits:
        raise ComputeError(f"For custom function, grad tensor should be broadcast to its input's "
                           f"shape. For 'custom_vjp', {name}: the backward rule returned a gradient "
                           f"of shape {list(gs)} for input {i} of shape {list(xs)}.")
    axes = tuple(range(lead)) + tuple(lead + i for i, d in enumerate(xs) if d == 1 and gs[lead + i] != 1)
    return g.sum(axes, None, True).reshape(xs) if axes else g.reshape(xs)


def _input(name, i, a):
    if isinstance(a, Tensor):
        return a
    if isinstance(a, _NUMBERS):
        return Tensor(a)
    raise DTypeError(f"For 'custom_vjp', the inputs of {name} must be Tensors or numbers, but "
                     f"argument {i} is a {type(a).__name__}")
