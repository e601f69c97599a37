"""``mindspore.ops.operations``' control-flow primitives ``WhileLoop``, ``ForiLoop`` and ``Scan``
(JAX's ``while_loop``/``fori_loop``/``scan``: MindSpore compiles them into one graph loop; here
they run the loop in Python, and under ``mindspore.jit`` the trace unrolls it) and
``HookBackward``, the identity whose backward pass hands the gradient to a hook; and the
primitives of MindSpore's GE graphs ``GeSwitch`` and ``Merge``, which have no kernel (a call
raises NotImplementedError, as in MindSpore 2.10)."""
from .._C import Tensor
from .._custom import custom_vjp
from .._errors import DTypeError
from ._operations_four import _document
from .operations import Primitive

__all__ = ["WhileLoop", "ForiLoop", "Scan", "HookBackward", "GeSwitch", "Merge"]


def _callable(op, name, f):
    if not callable(f):
        raise DTypeError(f"For '{op}', '{name}' must be callable, but got {type(f).__name__}.")
    return f


class WhileLoop(Primitive):
    """``ops.WhileLoop()(cond_func, loop_func, init_val)``: ``val = init_val``; while
    ``cond_func(val)``: ``val = loop_func(val)``; returns ``val``."""

    def __call__(self, cond_func, loop_func, init_val):
        cond, body, val = _callable("WhileLoop", "cond_func", cond_func), \
            _callable("WhileLoop", "loop_func", loop_func), init_val
        while cond(val):
            val = body(val)
        return val


class ForiLoop(Primitive):
    """``ops.ForiLoop()(lower, upper, loop_func, init_val, unroll=True)``: ``val = init_val``;
    for ``i`` in ``range(lower, upper)``: ``val = loop_func(i, val)``; returns ``val``."""

    def __call__(self, lower, upper, loop_func, init_val, unroll=True):
        body = _callable("ForiLoop", "loop_func", loop_func)
        bounds = []
        for name, v in (("lower", lower), ("upper", upper)):
            if isinstance(v, Tensor):
                v = v.item()
            if isinstance(v, bool) or not isinstance(v, int):
                raise DTypeError(f"For 'ForiLoop', '{name}' must be an int, but got {type(v).__name__}.")
            bounds.append(v)
        val = init_val
        for i in range(*bounds):
            val = body(i, val)
        return val


class Scan(Primitive):
    """``ops.Scan()(loop_func, init, xs, length=None, unroll=True)``: ``carry = init``; for each
    ``x`` of `xs` (or ``length`` times with ``x = None`` when `xs` is None): ``carry, y =
    loop_func(carry, x)``; returns ``(carry, [y, ...])``."""

    def __call__(self, loop_func, init, xs, length=None, unroll=True):
        body = _callable("Scan", "loop_func", loop_func)
        if xs is None:
            if isinstance(length, bool) or not isinstance(length, int) or length < 0:
                raise DTypeError(f"For 'Scan', 'length' must be a non-negative int when 'xs' is None, but got "
                                 f"{length!r}.")
            items = [None] * length
        else:
            items = list(xs)
            if length is not None and length != len(items):
                raise DTypeError(f"For 'Scan', 'length' {length} differs from the length of 'xs' {len(items)}.")
        carry, ys = init, []
        for x in items:
            out = body(carry, x)
            if not isinstance(out, (tuple, list)) or len(out) != 2:
                raise DTypeError("For 'Scan', 'loop_func' must return a pair (carry, y).")
            carry, y = out
            ys.append(y)
        return carry, ys


class HookBackward(Primitive):
    """``ops.HookBackward(hook_fn, cell_id='')(*inputs)``: the inputs unchanged; in the backward
    pass ``hook_fn`` receives the gradient of the output (a tuple, one per input) and may return
    replacement gradients (a tuple) or None to keep them. As in MindSpore, the hook works in
    PyNative mode only: in GRAPH_MODE or under ``jit`` it is dropped (with a warning) and the
    primitive is the identity."""

    def __init__(self, hook_fn, cell_id=""):
        super().__init__()
        self.hook_fn = _callable("HookBackward", "hook_fn", hook_fn)
        if not isinstance(cell_id, str):
            raise DTypeError(f"For 'HookBackward', 'cell_id' must be a str, but got {type(cell_id).__name__}.")
        self.cell_id = cell_id
        hook = self.hook_fn

        def identity(*xs):
            return xs[0] if len(xs) == 1 else tuple(xs)

        def bprop(*args):
            dout = args[-1]
            grads = dout if isinstance(dout, tuple) else (dout,)
            changed = hook(grads)
            if changed is None:
                return grads
            return tuple(changed) if isinstance(changed, (tuple, list)) else (changed,)

        self._identity = custom_vjp(identity, bprop=bprop)

    def __call__(self, *inputs):
        from .._jit import tracing

        if tracing():
            # As MindSpore's compiler: no hook in graph mode or under jit (the hook is dropped).
            from .. import log as _log

            _log.warning("Hook operation does not work in graph mode or functions decorated with "
                         "'jit', it will be eliminated during compilation.")
            return inputs[0] if len(inputs) == 1 else tuple(inputs)
        return self._identity(*inputs)


_document(WhileLoop, {"WhileLoop": ([], "ops.WhileLoop()(lambda x: x < 100, lambda x: x + 1, 10)", "100")})
_document(ForiLoop, {"ForiLoop": ([], "ops.ForiLoop()(0, 4, lambda i, res: i + res, 0)", "6")})
_document(Scan, {"Scan": ([], "ops.Scan()(lambda res, el: (res + el, res + el), 0, [1, 2, 3, 4])",
                          "(10, [1, 3, 6, 10])")})
_document(HookBackward, {"HookBackward": (
    ["hook = ops.HookBackward(lambda grad: print('grad', grad[0]))",
     "f = lambda x, y: hook(x * y) * y"],
    "ms.grad(f, (0, 1))(ms.Tensor(1.0), ms.Tensor(2.0))", "grad 2.0\n(Tensor(shape=[], dtype=Float32, value= 4), "
    "Tensor(shape=[], dtype=Float32, value= 4))")})


class _GraphOnly(Primitive):
    """A primitive of MindSpore's GE graphs: built as there, without a kernel to run."""

    def __call__(self, *args):
        from .._errors import UnimplementedError
        raise UnimplementedError(f"'{type(self).__name__}' has no kernel: it is a node of MindSpore's GE "
                                 f"graphs (Ascend), which does not run by itself.")


class GeSwitch(_GraphOnly):
    """``ops.GeSwitch()(data, pred)``: the switch node of MindSpore's GE graphs (``(data, data)``
    routed by ``pred`` there). It has no kernel: a call raises NotImplementedError, as in
    MindSpore 2.10.

    Outputs:
        Tuple of 2 Tensors (in a GE graph).

    Examples:
        >>> from mindspore import ops
        >>> print(ops.GeSwitch())
        Prim[GeSwitch]
    """


class Merge(_GraphOnly):
    """``ops.Merge()(inputs)``: the merge node of MindSpore's GE graphs (the available input and
    its index there). It has no kernel: a call raises NotImplementedError, as in MindSpore 2.10.

    Outputs:
        Tuple of 2 Tensors (in a GE graph).

    Examples:
        >>> from mindspore import ops
        >>> print(ops.Merge())
        Prim[Merge]
    """
