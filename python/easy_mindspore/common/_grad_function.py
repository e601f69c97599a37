"""``mindspore.common._grad_function._Function`` (``mindspore._Function``): a custom autograd
function written as a class with static ``forward(ctx, *args)`` and ``backward(ctx, *grads)``.

``Cls.apply(*args)`` runs ``forward`` with a fresh context object (an instance of the class) and
returns its output: a Tensor, or a tuple that may also hold non-Tensor values. The Tensor
arguments are differentiated through ``backward``, which receives one cotangent per output (None
for a non-Tensor output) and returns one gradient per argument of ``forward``: None (zeros) or a
Tensor for a Tensor argument, None for any other. As MindSpore does, a gradient is cast to its
input's dtype and summed over the axes it was broadcast along. The context offers
``save_for_backward``/``saved_tensors``, ``needs_input_grad``, ``mark_non_differentiable`` (those
outputs pass no gradient), ``mark_dirty`` and ``set_materialize_grads``, and keeps any attribute
the forward sets on it.

The call is one engine primitive (``_custom.call_flat``). ``mark_dirty`` follows MindSpore's
checks: a dirty tensor must be an output, may not be an input that a running ``grad``
differentiates, nor a view when there are several outputs; an output that is an input or a view
(``z[0:1]``) may not be modified in place afterwards. What is not modelled: view aliasing (an
input modified in place inside ``forward`` is not changed for the caller), hooks on the function
node, and ``set_materialize_grads(False)`` passes None for an output whose
cotangent is zero (the engine does not tell an unused output from a zero cotangent; a None means
zeros by the same contract).
"""
import numpy as _np

from .. import _C
from .._C import Tensor
from .._custom import _fit, _zeros_like, call_flat
from .._errors import ComputeError, DTypeError
from .._jit import tracing

__all__ = ["_Function"]


class _Function:
    """Subclass it with static ``forward(ctx, *args)`` and ``backward(ctx, *grads)``; call
    ``Cls.apply(*args)``."""

    def __init__(self, *args, **kwargs):
        self.saved_tensors = ()
        self.needs_input_grad = ()
        self.non_differentiable = ()
        self.dirty_tensors = ()
        self.materialize_grads = True

    @staticmethod
    def forward(ctx, *args, **kwargs):
        """The function's value; override it."""
        raise NotImplementedError("You must implement the forward function for custom Function.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        """One gradient per argument of ``forward``; override it."""
        raise NotImplementedError("You must implement the backward function for custom Function.")

    def save_for_backward(self, *tensors):
        """Keeps ``tensors`` for ``backward`` (as ``ctx.saved_tensors``)."""
        self.saved_tensors = tuple(tensors)

    def mark_non_differentiable(self, *tensors):
        """Marks outputs that pass no gradient (their cotangent reaches ``backward`` as zeros)."""
        self.non_differentiable = tuple(tensors)

    def mark_dirty(self, *tensors):
        """Marks inputs the forward modified in place; each must be returned as an output."""
        self.dirty_tensors = tuple(tensors)

    def set_materialize_grads(self, value):
        """With False, ``backward`` gets None for an output whose cotangent is zero (default
        True: a zeros Tensor)."""
        self.materialize_grads = bool(value)

    @classmethod
    def apply(cls, *args, **kwargs):
        """Runs ``forward`` on ``args`` with a fresh context; the Tensor arguments get gradients
        through ``backward``."""
        name = cls.__name__
        ctx = cls.__new__(cls)
        _Function.__init__(ctx)
        tpos = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and bool(getattr(a, "requires_grad", True))
                                     for a in args)
        if not tpos:
            return cls.forward(ctx, *args, **kwargs)
        state = {}

        def run_forward(ts):
            full = list(args)
            for i, t in zip(tpos, ts):
                full[i] = t
            out = cls.forward(ctx, *full, **kwargs)
            single = not isinstance(out, tuple)
            items = (out,) if single else out
            tensors = tuple(o for o in items if isinstance(o, Tensor))
            if not tensors:
                raise DTypeError(f"For '{name}', forward must return a Tensor or a tuple holding "
                                 f"at least one Tensor, but got {type(out).__name__}")
            _check_dirty(name, ctx.dirty_tensors, items, ts, [args[i] for i in tpos])
            nondiff = {id(t) for t in ctx.non_differentiable}
            dirty = {id(t) for t in ctx.dirty_tensors}
            state.update(single=single, items=items,
                         nondiff=[isinstance(o, Tensor) and id(o) in nondiff for o in items],
                         views=[isinstance(o, Tensor) and id(o) not in dirty
                                and (o._is_view or any(o is t for t in ts)) for o in items])
            return tensors

        def run_backward(xs, outs, douts):
            it = iter(douts)
            grad_outputs = [_cotangent(ctx, next(it)) if isinstance(o, Tensor) else None
                            for o in state["items"]]
            grads = cls.backward(ctx, *grad_outputs)
            grads = tuple(grads) if isinstance(grads, (tuple, list)) else (grads,)
            return _check_grads(name, args, xs, grads)

        flat = call_flat(name, run_forward, run_backward, [args[i] for i in tpos])
        it = iter(flat)
        result = tuple((_C.stop_gradient(next(it)) if nd else next(it)) if isinstance(o, Tensor)
                       else o for o, nd in zip(state["items"], state["nondiff"]))
        kind = "single" if sum(isinstance(o, Tensor) for o in result) == 1 else "multi"
        for r, view in zip(result, state["views"]):
            if view:
                # An output that is an input or a view may not be modified in place (MindSpore).
                r._ems_custom_view = kind
        return result[0] if state["single"] else result


def _check_dirty(name, dirty, items, inputs, originals):
    """MindSpore's rules for the tensors ``forward`` marked dirty (modified in place): each is an
    output; none is an input a running ``grad`` differentiates (a leaf that needs a gradient);
    none is a view when ``forward`` has several outputs."""
    n_out = sum(isinstance(o, Tensor) for o in items)
    for d in dirty:
        if not any(d is o for o in items):
            raise ComputeError(f"For '{name}': The dirty tensors must all be outputs of the "
                               "forward function.")
        for t, orig in zip(inputs, originals):
            if d is not t:
                continue
            if orig._is_grad_leaf:
                raise ComputeError(f"For '{name}': A leaf tensor that need grad is being used in "
                                   "an inplace operator (marked dirty in forward).")
            if orig._is_view and n_out > 1:
                raise ComputeError(f"For '{name}': A view is one of output for multi output "
                                   "operator, which is forbidden to be modified in place.")


def _cotangent(ctx, dout):
    if ctx.materialize_grads or tracing():
        return dout
    return None if not _np.any(dout.asnumpy()) else dout


def _check_grads(name, args, xs, grads):
    """The gradients for the Tensor arguments, checked as MindSpore checks them."""
    if len(grads) != len(args):
        raise ComputeError(f"For '{name}', Function backward return a wrong number of gradients, "
                           f"expect: {len(args)} but got: {len(grads)}")
    out = []
    it = iter(xs)
    for i, (a, g) in enumerate(zip(args, grads)):
        if not isinstance(a, Tensor):
            if g is not None:
                raise ComputeError(f"For '{name}', Input is not tensor, but gradient is not none, "
                                   f"position: {i}, type: {type(g).__name__}")
            continue
        x = next(it)
        if g is None:
            out.append(_zeros_like(x))
        elif not isinstance(g, Tensor):
            raise ComputeError(f"For '{name}', Gradient should be none or tensor, position: {i}, "
                               f"type: {type(g).__name__}")
        else:
            out.append(_fit(name, i, g, x))
    return out
