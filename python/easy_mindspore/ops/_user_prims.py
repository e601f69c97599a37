"""How a user's primitive (a subclass of ``ops.Primitive`` defined outside the package) runs,
as in MindSpore 2.10: in PyNative mode its ``__call__`` runs and is differentiated as it is; in
GRAPH_MODE and under ``jit`` (while a graph is traced) its ``infer_dtype`` and ``infer_shape``
run first (their errors, as MindSpore's compiler raises them) and a backward rule registered in
``ops._grad_experimental.grad_base.bprop_getters`` is its gradient. A primitive without
``__call__`` has no kernel: after its infer functions, a call raises RuntimeError."""
import functools

from .._C import Tensor
from .._errors import ComputeError

__all__ = ["graph_rules", "no_kernel", "run_infer"]


def run_infer(prim, args):
    """Calls the primitive's own ``infer_dtype`` then ``infer_shape`` (when it defines them) with
    the arguments' types and shapes (a Tensor's as ``Tensor[Float32]`` and a list; any other
    value as itself), as MindSpore's compiler does."""
    from ..common import dtype as mstype

    for name in ("infer_dtype", "infer_shape"):
        fn = getattr(prim, name, None)
        if callable(fn):
            if name == "infer_dtype":
                fn(*(mstype.TensorType(a.dtype) if isinstance(a, Tensor) else a for a in args))
            else:
                fn(*(list(a.shape) if isinstance(a, Tensor) else a for a in args))


def _shift(prim, x, fill_value):
    """MindSpore's CPU kernel ``Shift`` (attributes ``periods`` and ``axis``): `x` moved
    ``periods`` places along ``axis`` (back for a negative count), the vacated places set to
    `fill_value`."""
    from . import functional as F
    from .function._args import axis_arg, int_arg, tensor_arg
    x = tensor_arg("Shift", "x", x)
    periods = int_arg("Shift", "periods", getattr(prim, "periods", 1))
    axis = axis_arg("Shift", "axis", getattr(prim, "axis", -1), x.ndim)
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.asnumpy().reshape(-1)[0].item()
    n = x.shape[axis]
    if periods == 0:
        return x.copy()
    fill = F.full(x.shape, fill_value, x.dtype)
    if abs(periods) >= n:
        return fill
    cut = [slice(None)] * x.ndim
    if periods > 0:
        head, tail = slice(0, periods), slice(0, n - periods)
        parts = (fill, head), (x, tail)
    else:
        head, tail = slice(-periods, n), slice(0, -periods)
        parts = (x, head), (fill, tail)
    pieces = []
    for t, sl in parts:
        cut[axis] = sl
        pieces.append(t[tuple(cut)])
    return F.concat(pieces, axis)


# The CPU kernels MindSpore reaches only through a user's primitive of that name
# (``class Shift(PrimitiveWithInfer)`` in its own tests): name → kernel(prim, *args).
_KERNELS = {"Shift": _shift}


def no_kernel(prim, args):
    """A call of a primitive that has no computation: its infer functions run, then RuntimeError
    (MindSpore's kernel selection fails), unless MindSpore has a CPU kernel of the primitive's
    name that no public primitive runs (``_KERNELS``): then that kernel's result."""
    run_infer(prim, args)
    kernel = _KERNELS.get(prim.name)
    if kernel is not None:
        return kernel(prim, *args)
    raise ComputeError(f"Kernel select failed: Unsupported op [{prim.name}] on CPU, Please confirm "
                       "whether the device target setting is correct, or refer to 'mindspore.ops' "
                       "at https://www.mindspore.cn to query the operator support list. (A "
                       "primitive defined in Python runs its '__call__': define it in the "
                       "subclass.)")


def _with_rule(prim, call, rule, args):
    """``call(prim, *args)`` whose gradient for its Tensor arguments is ``rule(*args, out,
    dout)`` (the other arguments are passed as they are)."""
    from .._custom import custom_vjp

    slots = [i for i, a in enumerate(args) if isinstance(a, Tensor)]

    def full(tensors):
        out = list(args)
        for i, t in zip(slots, tensors):
            out[i] = t
        return out

    def forward(*tensors):
        return call(prim, *full(tensors))

    def bprop(*xs):
        grads = rule(*full(xs[:-2]), xs[-2], xs[-1])
        grads = grads if isinstance(grads, (tuple, list)) else (grads,)
        return tuple(grads[i] for i in slots)

    return custom_vjp(forward, bprop=bprop)(*(args[i] for i in slots))


def graph_rules(call):
    """The ``__call__`` of a user's primitive: as it is in PyNative mode; while a graph is traced
    (GRAPH_MODE, ``jit``), after the infer functions and with the registered backward rule."""

    @functools.wraps(call)
    def __call__(self, *args):
        from .._jit import tracing

        if not tracing():
            return call(self, *args)
        run_infer(self, args)
        from ._grad_experimental.grad_base import get_bprop_fn

        rule = get_bprop_fn(self)
        if rule is None or not any(isinstance(a, Tensor) for a in args):
            return call(self, *args)
        return _with_rule(self, call, rule, args)

    __call__._graph_rules = True
    return __call__
