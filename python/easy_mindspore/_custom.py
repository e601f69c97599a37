"""Custom gradients in MindSpore's ``bprop`` style: ``custom_vjp``.

A custom function is one primitive of the engine (``_C.CustomVjp``): evaluating it runs the
function, its reverse-mode derivative is the user's ``bprop``, its forward-mode derivative is
derived from ``bprop`` by the engine, and under ``vmap`` both are batched. ``bprop`` is written
with ordinary ops, so it is differentiable itself: second derivatives go through it.
"""
import functools

import numpy as _np

from . import _C
from ._C import Tensor
from ._errors import ComputeError, DTypeError

__all__ = ["custom_vjp", "CustomVjpFunction"]

_NUMBERS = (bool, int, float, _np.generic)


def custom_vjp(fn=None, bprop=None):
    """A function with a custom backward rule, as a decorator or a call.

    ``bprop(*inputs, out, dout)`` receives the inputs, the function's output and the output's
    cotangent, and returns a tuple with one gradient per input (each of its input's shape;
    ``None`` stands for zeros; a bare Tensor is accepted for one input)::

        @ems.custom_vjp
        def clip_gradient(x):
            return x

        @clip_gradient.defbprop
        def clip_gradient_bprop(x, out, dout):
            return (ops.clip_by_value(dout, -1.0, 1.0),)

    or ``custom_vjp(fn, bprop=...)``, or ``@custom_vjp(bprop=...)``. The function takes Tensors
    (Python numbers are converted to Tensors and get a gradient like any input) and returns one
    Tensor. Calling it before a ``bprop`` is defined raises ``easy_mindspore.ComputeError``. Only
    the inputs are differentiated through the rule: a tensor the function captures from outside
    gets no gradient through it.
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
        fn, name = self.fn, self._name

        def forward(xs):
            return fn(*xs)

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

        self.bprop = bprop
        self._native = _C.CustomVjp(name, forward, backward)
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
        return self._native([_input(name, i, a) for i, a in enumerate(args)])

    def __repr__(self):
        return f"<custom_vjp {self._name}>"


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
