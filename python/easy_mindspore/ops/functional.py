"""``mindspore.ops.functional``: functional ops over easy_mindspore tensors."""
import builtins

import numpy as _np

from .. import _C, _tree
from .. import _tensor_extremes as _extremes
from .._C import Tensor
from ..common import dtype as mstype
from .._custom import custom_vjp
from .._errors import ComputeError, DTypeError, ShapeError
from .._grad import _weights_list, _with_weights, grad, value_and_grad
from .._jit import compiled_in_graph_mode, fn_key, keyed_call
from .._jacobian import hessian, jacfwd, jacrev
from .._vmap import vmap

__all__ = [
    "stop_gradient", "stop_gradient_", "grad", "value_and_grad", "jvp", "vjp", "vmap", "jacfwd", "jacrev", "hessian",
    "custom_vjp", "clip_by_value", "add", "sub", "mul", "div", "pow",
    "neg", "abs", "exp", "log", "sqrt", "square", "sin", "cos", "tanh", "erf", "sigmoid", "relu",
    "softmax",
    "log_softmax", "logsumexp", "matmul", "dot", "sum", "mean", "prod", "max", "min", "argmax",
    "reshape", "transpose", "permute", "expand_dims", "squeeze", "flatten", "cat", "concat", "stack",
    "split", "where", "maximum", "minimum", "cast", "ones", "zeros", "ones_like", "zeros_like",
    "full", "arange", "eye", "norm", "shape", "size", "depend", "constexpr",
]
_CORE = frozenset(__all__)  # the ops every model calls (see the end of this module)
__all__ += ["scalar_add", "partial", "dtype"]


def scalar_add(x, y):
    """``F.scalar_add``: ``x + y`` (MindSpore's scalar add; Tensors add as Tensors).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.scalar_add(2, 3))
        5
    """
    return x + y


def partial(fn, *args, **kwargs):
    """``F.partial``: ``fn`` with its first arguments (and keyword arguments) bound (a
    ``functools.partial``). MindSpore 2.10 takes keyword arguments only inside ``jit`` (its
    PyNative ``Partial`` is a TypeError for them); they work in both modes here.

    Args:
        fn (function): The function.
        *args (object): The first arguments to bind.
        **kwargs (object): Keyword arguments to bind.

    Returns:
        functools.partial, `fn` with the arguments bound.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> add_one = ops.partial(ops.add, 1)
        >>> print(add_one(ms.Tensor([1, 2], ms.int32)))
        [2 3]
    """
    import functools

    return functools.partial(fn, *args, **kwargs)


def depend(value, expr):
    """``ops.depend``: ``value``, after ``expr`` ran (PyNative runs everything in order).

    Args:
        value (object): The value returned.
        expr (object): The expression that must run first.

    Returns:
        The `value`, unchanged.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> y = ops.depend(x, ops.zeros(1))
        >>> print(y)
        [-1.5  0.   2.5]
    """
    return value


def constexpr(fn=None, *, get_instance=True, reuse_result=True, check=True):
    """``ops.constexpr``: marks a function of constants (shapes, dtypes, Python values) that
    MindSpore's graph compiler folds. Our ``jit`` runs Python as it traces, so the function runs
    as written; usable bare (``@constexpr``) or with MindSpore's options.

    Args:
        fn (function, optional): The function to mark. Default: ``None``.
        get_instance (bool, optional): Accepted for compatibility. Default: ``True``.
        reuse_result (bool, optional): Accepted for compatibility. Default: ``True``.
        check (bool, optional): Accepted for compatibility. Default: ``True``.

    Returns:
        function, `fn` itself (or a decorator when `fn` is None).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> @ops.constexpr
        ... def double(n):
        ...     return 2 * n
        ...
        >>> print(double(3))
        6
    """
    def mark(f):
        return f
    return mark if fn is None else mark(fn)


def _t(x):
    return x if isinstance(x, Tensor) else Tensor(x)


def _lhs(x, other):
    """The left operand of a binary op (``function._args.weak_lhs``, defined again here: the
    ``function`` package imports this module)."""
    return x if isinstance(other, Tensor) and type(x) in (bool, int, float) else _t(x)


def stop_gradient(value):
    """The value unchanged, with its gradient blocked: a tensor, or every tensor of a tuple, list
    or dict (nested); other values are returned as they are.

    Args:
        value (object): A tensor, or a tuple, list or dict (nested) of them.

    Returns:
        Tensor, of the shape of `value`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.stop_gradient(x))
        [-1.5  0.   2.5]
    """
    if isinstance(value, Tensor):
        return _C.stop_gradient(value)
    return _tree.map_leaves(_stop_leaf, value)


def stop_gradient_(input):  # noqa: A002 - MindSpore's argument name
    """``ops.stop_gradient_``: blocks the gradient through ``input`` in place (the tensor handle
    is rebound to its value with the gradient stopped); returns None, as MindSpore 2.10's. As
    MindSpore, a view (``y[0]``) being differentiated may not be cut this way (RuntimeError).

    Args:
        input (Tensor): The input tensor.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def f(x):
        ...     y = x * x
        ...     ops.stop_gradient_(y)
        ...     return y + x
        >>> print(ms.grad(f)(ms.Tensor([2.0])))
        [1.]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'stop_gradient_', 'input' must be a Tensor, but got {type(input).__name__}.")
    if input._is_view and input._is_traced:
        raise ComputeError("For 'stop_gradient_', Cannot stop_gradient view inplace: the tensor "
                           "is a view being differentiated; use ops.stop_gradient on a copy.")
    input._rebind(_C.stop_gradient(input))


def _stop_leaf(x):
    return _C.stop_gradient(x) if isinstance(x, Tensor) else x


def _flat_outputs(fn, has_aux, box):
    """``fn`` as a function of a list of tensors returning a list: records in ``box`` whether the
    output was a tuple and, with ``has_aux``, the auxiliary outputs (not differentiated)."""

    def flat(ts):
        out = fn(*ts)
        if has_aux:
            out, box["aux"] = out[0], out[1:]
        box["tuple"] = isinstance(out, (tuple, list))
        return list(out) if box["tuple"] else [out]

    return flat


def _aux(box):
    aux = box["aux"]
    return aux[0] if len(aux) == 1 else aux


def _tensors(op, what, values):
    for i, t in enumerate(values):
        if not isinstance(t, Tensor):
            raise DTypeError(f"For '{op}', the {what} must be Tensors, but {what}[{i}] is a {type(t).__name__}")
    return values


def _tensor_list(op, what, x):
    """A Tensor or a tuple/list of Tensors, as a list (a TypeError naming ``op`` otherwise)."""
    if isinstance(x, Tensor):
        return [x]
    if not isinstance(x, (tuple, list)):
        raise DTypeError(f"For '{op}', the {what} must be a Tensor or a tuple/list of Tensors, but got "
                         f"{type(x).__name__}.")
    return _tensors(op, what, list(x))


def _fn_arg(op, fn):
    """``fn``, which must be callable (a TypeError naming ``op`` otherwise)."""
    if not callable(fn):
        raise DTypeError(f"For '{op}', 'fn' must be callable, but got {type(fn).__name__}.")
    return fn


def _check_tangents(inputs, v):
    """MindSpore's checks of ``jvp``'s tangents against its inputs: one per input (a Tensor counts
    as one; ValueError otherwise), and a Tensor, not a tuple, for a Tensor input (TypeError)."""
    n = len(inputs) if isinstance(inputs, (tuple, list)) else 1
    m = len(v) if isinstance(v, (tuple, list)) else 1
    if m != n:
        raise ShapeError(f"v has invalid length: should be {n}, but got {m}")
    if isinstance(inputs, Tensor) and isinstance(v, (tuple, list)):
        raise DTypeError("For 'jvp', 'v' must be a Tensor for a Tensor input, but got a "
                         f"{type(v).__name__}.")


def _graph_jvp(_call, eager, args, kwargs):
    """``jvp`` in GRAPH_MODE: compiled, with graphs cached per ``fn``."""
    def compiled(fn, inputs, v, has_aux=False):
        return keyed_call(fn_key(fn, "jvp", has_aux),
                          lambda: lambda i, t: eager(fn, i, t, has_aux), (inputs, v), {})
    return compiled(*args, **kwargs)


@compiled_in_graph_mode(_graph_jvp)
def jvp(fn, inputs, v, has_aux=False):
    """``mindspore.jvp``: ``(fn(*inputs), J·v)`` (tuples for tuple inputs/outputs). In GRAPH_MODE
    it runs compiled (graphs cached per ``fn``).

    Args:
        fn (function): The function.
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.
        v (Union[Tensor, tuple[Tensor]]): The tangent vectors, one per input.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.

    Returns:
        tuple, ``(fn(*inputs), the Jacobian-vector product)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> v = ms.Tensor([1.0, 1.0], ms.float32)
        >>> out, tangent = ops.jvp(lambda x: x ** 2, x, v)
        >>> print(out)
        [1. 4.]
        >>> print(tangent)
        [2. 4.]
    """
    fn, xs, vs = _fn_arg("jvp", fn), _tensor_list("jvp", "inputs", inputs), _tensor_list("jvp", "v", v)
    _check_tangents(inputs, v)
    box = {}
    outs, tans = _C.jvp(_flat_outputs(fn, has_aux, box), xs, vs)
    pack = (lambda z: tuple(z)) if box["tuple"] else (lambda z: z[0])
    if has_aux:
        return pack(outs), pack(tans), _aux(box)
    return pack(outs), pack(tans)


def _graph_vjp(_call, eager, args, kwargs):
    """``vjp`` in GRAPH_MODE: the value from a compiled forward pass, ``vjp_fn`` compiled (graphs
    cached per ``fn``)."""
    def compiled(fn, *inputs, weights=None, has_aux=False):
        wkey = None if weights is None else fn_key(weights) if isinstance(weights, Tensor) else \
            tuple(fn_key(w) for w in weights)

        def forward():
            def run(*xs):
                out = eager(fn, *xs, weights=weights, has_aux=has_aux)
                return (out[0], out[2]) if has_aux else out[0]
            return run

        def backward():
            return lambda xs, v: eager(fn, *xs, weights=weights, has_aux=has_aux)[1](v)

        out = keyed_call(fn_key(fn, "vjp", wkey, has_aux), forward, inputs, {})

        def vjp_fn(*v):
            v = _cotangent_args(v)
            return keyed_call(fn_key(fn, "vjp_fn", wkey, has_aux), backward, (inputs, v), {})

        if has_aux:
            return out[0], vjp_fn, out[1]
        return out, vjp_fn

    return compiled(*args, **kwargs)


def _cotangent_args(v):
    """The cotangent ``vjp_fn`` was called with: ``vjp_fn(v)`` for one output, ``vjp_fn(v1, v2)``
    (MindSpore's form) or ``vjp_fn((v1, v2))`` for several."""
    if not v:
        raise TypeError("For 'vjp_fn', the cotangent 'v' is required.")
    return v[0] if len(v) == 1 else tuple(v)


@compiled_in_graph_mode(_graph_vjp)
def vjp(fn, *inputs, weights=None, has_aux=False):
    """``mindspore.vjp``: ``(fn(*inputs), vjp_fn)``; ``vjp_fn(v)`` returns a tuple of input grads.

    With ``weights`` (a list of Parameters/Tensors that ``fn`` uses, e.g. captured from a closure
    or a network), ``vjp_fn(v)`` returns ``(input_grads, weight_grads)``: two tuples (a single
    weight Tensor gives a bare Tensor, as ``GradOperation(get_by_list=True)``). The weights are
    engine state: while ``fn`` runs, the engine binds them to traced values (nothing to restore,
    even when ``fn`` raises).

    In GRAPH_MODE the value and each call of ``vjp_fn`` run compiled (graphs cached per ``fn``;
    a compiled ``vjp_fn`` recomputes the forward pass inside its graph).

    Args:
        fn (function): The function.
        *inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.
        weights (Union[Parameter, list[Parameter], ParameterTuple], optional): Parameters to
            differentiate with respect to, as well. Default: ``None``.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.

    Returns:
        tuple, ``(fn(*inputs), vjp_fn)``; ``vjp_fn(v)`` returns the gradients of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> out, vjp_fn = ops.vjp(lambda x: x ** 2, x)
        >>> print(vjp_fn(ms.Tensor([1.0, 1.0], ms.float32)))
        (Tensor(shape=[2], dtype=Float32, value= [ 2.00000000e+00,  4.00000000e+00]),)
    """
    fn, xs = _fn_arg("vjp", fn), _tensors("vjp", "inputs", list(inputs))
    ws = _weights_list(weights, None)
    box = {}
    flat = _flat_outputs(fn, has_aux, box)
    # One tensor at several positions is one variable, whose every position gets the total
    # gradient (MindSpore's PyNative vjp, as its grad and PyTorch's autograd).
    alias = [next(j for j, y in enumerate(xs) if y is x) for x in xs]  # (range, any: ops here)
    if [i for i, a in enumerate(alias) if a != i]:
        each = flat
        flat = lambda ts: each([ts[a] for a in alias])  # noqa: E731
    outs, back = _C.vjp(flat, xs, _tensors("vjp", "weights", ws))
    value = tuple(outs) if box["tuple"] else outs[0]

    def vjp_fn(*v):
        v = _cotangent_args(v)
        cts = _tensors("vjp", "v", list(v) if box["tuple"] and isinstance(v, (tuple, list)) else [v])
        grads = back(cts)
        grads = [grads[alias[i]] if i < len(alias) else g for i, g in enumerate(grads)]
        if weights is None:
            return tuple(grads)
        return _with_weights(tuple(grads[:len(xs)]), grads[len(xs):], weights)

    if has_aux:
        return value, vjp_fn, _aux(box)
    return value, vjp_fn


def add(input, other): return _lhs(input, other) + other
def sub(input, other): return _lhs(input, other) - other
def mul(input, other): return _lhs(input, other) * other
def div(input, other, *, rounding_mode=None):  # noqa: A002
    x = _lhs(input, other)
    if rounding_mode is None:
        return x / other
    if rounding_mode not in ("floor", "trunc"):
        raise ShapeError("For 'div', rounding_mode must be None, 'floor' or 'trunc', but got "
                         f"{rounding_mode!r}.")
    fl = x // other  # integers stay integers (MindSpore 2.10's trunc mode of Int32 is Int32)
    if rounding_mode == "floor":
        return fl
    if fl.dtype in mstype.float_type:
        return (x / other).trunc()
    # trunc = floor + 1 where the quotient is negative and not exact
    other_neg = other < 0
    fix = (fl * other != x) * ((x < 0) != other_neg)
    return fl + fix.astype(fl.dtype)
def pow(input, exponent): return _lhs(input, exponent) ** exponent  # noqa: A001,A002 - MindSpore's names
def neg(input): return -_t(input)
def abs(input): return _t(input).abs()  # noqa: A001
def exp(input): return _t(input).exp()
def log(input): return _t(input).log()
def sqrt(x): return _t(x).sqrt()
def square(input): return _t(input).square()
def sin(input): return _t(input).sin()
def cos(input): return _t(input).cos()
def tanh(input): return _t(input).tanh()
def erf(input): return _t(input).erf()
def sigmoid(input): return _t(input).sigmoid()
def relu(input, inplace=False): return _t(input).copy_(_t(input).relu()) if inplace else _t(input).relu()
def softmax(input, axis=-1, *, dtype=None): return _C.softmax(_t(input) if dtype is None else _t(input).astype(dtype), axis)
def log_softmax(logits, axis=-1): return _C.log_softmax(_t(logits), axis)
def logsumexp(input, dim=None, keepdim=False, *, axis=None, keep_dims=None):  # noqa: A002
    # MindSpore 2.10's (input, dim, keepdim); the older axis/keep_dims spellings still work
    if dim is not None and axis is not None:
        raise DTypeError("For 'logsumexp', give 'dim' or 'axis', not both.")
    dim = axis if dim is None else dim
    keep = keepdim if keep_dims is None else keep_dims
    if not isinstance(dim, (tuple, list)):
        return _C.logsumexp(_t(input), -1 if dim is None else dim, keep)
    from .function._basic_reduce import logsumexp_axes
    return logsumexp_axes(_t(input), dim, keep)
def matmul(input, other): return _C.matmul(input, other)
def dot(input, other): return _C.dot(input, other)
def sum(input, dim=None, keepdim=False, dtype=None, *, axis=None, keepdims=None):  # noqa: A001,A002
    # MindSpore 2.10 spells the arguments dim/keepdim; axis/keepdims are the older spellings.
    return _t(input).sum(dim if axis is None else axis, dtype,
                         keepdim if keepdims is None else keepdims)
def mean(x, axis=None, keep_dims=False): return _t(x).mean(axis, keep_dims)
def prod(input, axis=None, keep_dims=False, dtype=None):  # noqa: A002 - MindSpore's names
    """The product of the elements of `input` over `axis`.

    MindSpore 2.10's dtypes (measured): with `axis` None or an int, Bool, Int8/16/32 and UInt8
    give Int64 (UInt16/32/64 are kept); with a tuple or list `axis` every dtype is kept (Int32 products wrap in Int32);
    with `dtype`, `input` is cast to it first and the result stays in it.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes; None (or ``()``) reduces
            every axis. Default: ``None``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype to compute and return in. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(ops.prod(x, 1), ops.prod(x, 1).dtype, ops.prod(x, (0, 1)).dtype)
        [  6 120] Int64 Int32
    """
    x = _t(input)
    if dtype is not None:
        x = x.astype(dtype)
    empty = isinstance(axis, (tuple, list)) and len(axis) == 0  # () reduces every axis there
    out = x.prod(None if empty else axis, keep_dims)
    promoted = (dtype is None and not isinstance(axis, (tuple, list))
                and x.dtype in (mstype.bool_, mstype.int8, mstype.int16, mstype.int32, mstype.uint8))
    if not promoted and out.dtype != x.dtype:
        out = out.astype(x.dtype)
    return out


def _extreme(op, input, axis, keepdims, initial, where):  # noqa: A002
    """``ops.max``/``ops.min``: ``(values, indices)`` with Int64 indices, as MindSpore 2.x.
    ``where`` masks elements out (replaced by ``initial``, which it needs). Along an int ``axis``
    the gradient goes to the first extreme only; with ``axis=None`` the values are a 0-D
    reduction whatever ``keepdims`` (as MindSpore 2.10) and the index is the flat one."""
    x = _extremes.masked(op, _t(input), initial, where)
    if axis is None:
        values, idx = _extremes.flat_with_index(op, x)
    elif isinstance(axis, (int, _np.integer)) and not isinstance(axis, (bool, _np.bool_)):
        values, idx = _extremes.with_index(op, x, int(axis), keepdims)
    else:
        raise DTypeError(f"For '{op}', 'axis' must be int, but got {type(axis).__name__}.")
    return _extremes.join_initial(op, values, initial), idx


def max(input, axis=None, keepdims=False, *, initial=None, where=None):  # noqa: A001,A002
    """The maximum along `axis`, with its index.

    ``ops.max``: the maximum and its index along ``axis`` (of the flattened input for None).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis; None reduces the flattened input. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        tuple(Tensor, Tensor), the maxima and their Int64 indices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = ops.max(x, axis=1)
        >>> print(values)
        [3. 6.]
        >>> print(indices)
        [2 2]
    """
    return _extreme("max", input, axis, keepdims, initial, where)


def min(input, axis=None, keepdims=False, *, initial=None, where=None):  # noqa: A001,A002
    """The minimum along `axis`, with its index.

    ``ops.min``: the minimum and its index along ``axis`` (of the flattened input for None).

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis; None reduces the flattened input. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        tuple(Tensor, Tensor), the minima and their Int64 indices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = ops.min(x, axis=1)
        >>> print(values)
        [1. 4.]
        >>> print(indices)
        [0 0]
    """
    return _extreme("min", input, axis, keepdims, initial, where)


def argmax(input, dim=None, keepdim=False, *, axis=None, keepdims=None):  # noqa: A002
    # Int64 (Tensor.argmax's), as MindSpore 2.10; `axis`/`keepdims` are the older spellings.
    return _t(input).argmax(dim if axis is None else axis, keepdim if keepdims is None else keepdims)
def reshape(input, shape):  # noqa: A002
    if isinstance(shape, Tensor):  # a shape given as an int Tensor (MindSpore's dynamic shape)
        from .function._args import const_ints
        shape = const_ints(shape)
    return _t(input).reshape(shape)
def transpose(input, dims): return _t(input).transpose(dims)
def permute(input, axis): return _t(input).permute(axis)
def expand_dims(input_x, axis): return _t(input_x).expand_dims(axis)
def squeeze(input, axis=None): return _t(input).squeeze(axis)
def flatten(input, order='C', *, start_dim=1, end_dim=-1): return _t(input).flatten(start_dim, end_dim, order=order)
def _seq(op, tensors):
    if not isinstance(tensors, (list, tuple)):
        raise DTypeError(f"For '{op}', 'tensors' must be a tuple or list of tensors, but got "
                         f"{type(tensors).__name__}")
    return list(tensors)
def cat(tensors, axis=0): return _C.concat(_seq("Concat", tensors), axis)
def concat(tensors, axis=0): return _C.concat(_seq("Concat", tensors), axis)
def stack(tensors, axis=0): return _C.stack(_seq("Stack", tensors), axis)
def split(tensor, split_size_or_sections, axis=0):
    """Splits a tensor into parts along `axis`.

    ``ops.split``: parts of ``split_size_or_sections`` elements each (an int; the last part may
    be shorter) or of the listed sizes (which must add up to the axis), as MindSpore.

    Args:
        tensor (Tensor): The input tensor.
        split_size_or_sections (Union[int, tuple[int], list[int]]): The size of each part, or the
            sizes.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> a, b = ops.split(x, [1, 2], axis=1)
        >>> print(a)
        [[1.]
         [4.]]
        >>> print(b)
        [[2. 3.]
         [5. 6.]]
    """
    return tuple(_C.split(_t(tensor), split_size_or_sections, axis, True))


def where(condition, input, other):
    return _C.where_(array_func.bool_condition(condition), input, other)


def maximum(input, other): return _C.maximum(input, other)
def minimum(input, other): return _C.minimum(input, other)
def cast(input, dtype):
    # MindSpore 2.10 takes only its dtypes here (Tensor.astype also takes names and NumPy dtypes).
    if not isinstance(dtype, mstype.Type):
        raise DTypeError(f"For 'Cast', the input 'dtype' should be mindspore dtype, but got {dtype}.")
    return _t(input).astype(dtype)
def shape(input_x): return _t(input_x).shape
def size(input_x): return _t(input_x).size
def dtype(x): return _t(x).dtype  # MindSpore's F.dtype (an ops.DType())


def _shape(size):
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        return tuple(size[0])
    return tuple(size)


def _size_arg(op, size):
    """A shape given as an integer Tensor (0-D or 1-D, as MindSpore 2.10 takes it) as a tuple."""
    if not isinstance(size, Tensor):
        return size
    if size.dtype not in mstype.int_type + mstype.uint_type or size.ndim > 1:
        raise DTypeError(f"For '{op}', a Tensor shape must be a 0-D or 1-D integer Tensor, but got shape "
                         f"{list(size.shape)} and dtype {size.dtype}.")
    return tuple(int(v) for v in size.asnumpy().reshape(-1))


# MindSpore 2.10 names the shape of ops.ones `shape` and that of ops.zeros `size`.
def ones(shape, dtype=None): return _C.full(_size_arg("ones", shape), 1, (mstype.float32 if dtype is None else dtype))
def zeros(size, dtype=None): return _C.full(_size_arg("zeros", size), 0, (mstype.float32 if dtype is None else dtype))
def full(size, fill_value, dtype=None):
    if dtype is None and not isinstance(fill_value, builtins.complex):
        # MindSpore 2.10's ops.full is Int64 whatever the fill (its docs show full((2, 3), 1.2)
        # as Int64 ones: the value truncated); mint.full infers the dtype from the value.
        dtype = mstype.int64
    return filled(size, fill_value, dtype)


def filled(size, fill_value, dtype=None):
    """A tensor of shape `size` filled with `fill_value`, its dtype `dtype` or, when None, the
    value's (Bool, Int64, Float32, Complex128): ``mint.full``'s rule."""
    if isinstance(fill_value, builtins.complex):
        # A complex fill: zeros of the complex dtype plus the value (Complex128 by default).
        d = (mstype.complex128 if dtype is None else dtype)
        return _C.full(size, 0, d) + Tensor(fill_value, d)
    if dtype is None:
        if isinstance(fill_value, bool):
            dtype = mstype.bool_
        elif isinstance(fill_value, (int, _np.integer)):
            dtype = mstype.int64
        else:
            dtype = mstype.float32
    return _C.full(size, fill_value, dtype)


def ones_like(input, dtype=None): return _C.full(_t(input).shape, 1, (_t(input).dtype if dtype is None else dtype))
def zeros_like(input, dtype=None): return _C.full(_t(input).shape, 0, (_t(input).dtype if dtype is None else dtype))
def eye(n, m=None, dtype=None): return _C.eye(n, m, (mstype.float32 if dtype is None else dtype))


def arange(start=0, end=None, step=1, *, dtype=None):
    """Evenly spaced values in ``[start, end)`` with spacing `step`.

    ``ops.arange``: ints give Int64 (unlike ``mindspore.numpy.arange``), floats Float32.

    Args:
        start (number, optional): The first value. Default: ``0``.
        end (number, optional): The end of the interval. Default: ``None``.
        step (number, optional): The spacing between values. Default: ``1``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.arange(5))
        [0 1 2 3 4]
        >>> print(ops.arange(0.0, 1.0, 0.25))
        [0.   0.25 0.5  0.75]
    """
    if end is None:
        start, end = 0, start
    start, end, step = (_range_number(v) for v in (start, end, step))
    if dtype is None and builtins.all(isinstance(v, int) for v in (start, end, step)):
        dtype = mstype.int64
    numbers = builtins.all(isinstance(v, (int, float, _np.number)) and not isinstance(v, bool)
                           for v in (start, end, step))
    if numbers and step != 0 and (end - start) * step < 0:
        # MindSpore 2.10's Range refuses a step away from the end (NumPy gives an empty range).
        raise ShapeError(f"For 'arange', delta cannot be {'positive' if step > 0 else 'negative'} "
                         f"when limit {'<' if step > 0 else '>'} start (start={start}, "
                         f"end={end}, step={step}).")
    return _C.arange(start, end, step, dtype)


def _range_number(v):
    """An ``arange`` bound: a number, or a 0-d Tensor read as its Python number."""
    if isinstance(v, Tensor):
        if v.ndim != 0:
            raise ShapeError(f"For 'arange', the input args must be a TensorScalar, but got a "
                             f"Tensor of shape {list(v.shape)}.")
        return v.item()
    return v


def norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):  # noqa: A002 - MindSpore's names
    """The vector or matrix norm of `A`.

    Args:
        A (Tensor): The input.
        ord (Union[int, float, str], optional): The order of the norm; for matrices ``'fro'``,
            ``'nuc'``, ±1, ±2, ±inf (2, -2 and ``'nuc'`` from the singular values, in Float32 as
            MindSpore 2.10). Default: ``None``.
        dim (Union[int, tuple[int]], optional): The axes (one: a vector norm, two: a matrix norm;
            None: a matrix norm of a 2-D `A`). Default: ``None``.
        keepdim (bool, optional): Whether the reduced axes are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `A` reduced over `dim` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdim` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.norm(x))
        2.9154758
        >>> a = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> print(ops.norm(a, 2), ops.norm(a, -2), ops.norm(a, 'nuc'))
        9.508032 0.77286965 10.280902
    """
    from .function import _svd_func
    if isinstance(A, _C.Tensor) and _svd_func.is_svd_ord(ord):
        if (isinstance(dim, (tuple, list)) and len(dim) == 2) or (dim is None and A.ndim == 2):
            # MindSpore 2.10 computes the singular-value norms in Float32 after the cast to `dtype`.
            A = A.astype(dtype) if dtype is not None else A
            return _svd_func.svd_norm("norm", A, ord, (-2, -1) if dim is None else dim, keepdim)
        if ord == "nuc" and dim is None and A.ndim > 2:
            raise ShapeError(f"For 'norm', ord 'nuc' needs dim for shape {list(A.shape)}.")
        if ord == "nuc":
            raise DTypeError("For 'norm', ord mode can not be str for vectors, but got nuc.")
    r = _C.norm(A, ord, dim, keepdim)
    return r.astype(dtype) if dtype is not None else r


# Taylor mode (MindSpore's ops.jet and ops.derivative), defined in ``_taylor``.
from .._taylor import derivative, jet  # noqa: E402

__all__ += ["jet", "derivative"]


# Elementwise functions composed from the primitives (each differentiable through its parts).
def tan(input):  # noqa: A002 - MindSpore's argument name
    """``sin(x) / cos(x)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.tan(x))
        [-14.10142     0.         -0.7470223]
    """
    x = _t(input)
    return x.sin() / x.cos()


def sinh(input):  # noqa: A002
    """``(e^x - e^-x) / 2``, its own kernel (accurate near 0, where that difference cancels).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sinh(x))
        [-2.1292794  0.         6.0502043]
    """
    return _C.sinh(_t(input))


def cosh(input):  # noqa: A002
    """``(e^x + e^-x) / 2``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.cosh(x))
        [2.3524096 1.        6.1322894]
    """
    x = _t(input)
    return (x.exp() + (-x).exp()) * 0.5


def reciprocal(input):  # noqa: A002
    """``1 / x``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.reciprocal(x))
        [10.         2.         1.1111112]
    """
    return 1.0 / _t(input)


def rsqrt(input):  # noqa: A002
    """``1 / sqrt(x)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.rsqrt(x))
        [3.1622777 1.4142135 1.0540926]
    """
    return 1.0 / _t(input).sqrt()


def floor(input):  # noqa: A002
    """The largest integer not above ``x``, in ``x``'s float dtype.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.floor(x))
        [-2.  0.  2.]
    """
    return _t(input).floor()


def sign(input):  # noqa: A002
    """-1, 0 or 1 by the sign of ``x``, in ``x``'s dtype (NaN stays NaN).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sign(x))
        [-1.  0.  1.]
    """
    x = _t(input)
    pos = (x > 0).astype(x.dtype)
    neg = (x < 0).astype(x.dtype)
    out = pos - neg
    return where(x != x, x, out) if x.dtype in (mstype.float32, mstype.float64) else out


__all__ += ["tan", "sinh", "cosh", "reciprocal", "rsqrt", "floor", "sign"]


from .._grad import get_grad  # noqa: E402

__all__ += ["get_grad"]


def linearize(fn, inputs):
    """``mindspore.ops.linearize``: ``(fn(*inputs), jvp_fn)`` where ``jvp_fn(v)`` is the
    Jacobian-vector product of ``fn`` at ``inputs`` along ``v`` (a Tensor, or a tuple/list with
    one Tensor per input), the same value ``jvp(fn, inputs, v)[1]`` gives. Each ``jvp_fn`` call
    runs forward mode at the fixed inputs (compiled and cached per ``fn`` in GRAPH_MODE).

    Args:
        fn (function): The function.
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        tuple, ``(fn(*inputs), jvp_fn)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> out, jvp_fn = ops.linearize(lambda x: x ** 2, x)
        >>> print(jvp_fn(ms.Tensor([1.0, 0.0], ms.float32)))
        [2. 0.]
    """
    _fn_arg("linearize", fn)
    if not isinstance(inputs, (Tensor, tuple, list)):
        raise DTypeError("For 'linearize', the 'inputs' must be a Tensor or a tuple/list of "
                         f"Tensors, but got {type(inputs).__name__}.")
    xs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    _tensors("linearize", "inputs", list(xs))
    output = fn(*xs)

    def jvp_fn(v):
        if not isinstance(v, (Tensor, tuple, list)):
            raise DTypeError("For 'linearize', the vector 'v' must be a Tensor or a tuple/list "
                             f"of Tensors, but got {type(v).__name__}.")
        return jvp(fn, xs, tuple(v) if isinstance(v, list) else v)[1]

    return output, jvp_fn


__all__ += ["linearize"]


from .function._nn_more import padding  # noqa: E402

__all__ += ["padding"]


# The functions defined by theme in ``ops.function``'s submodules.
from .function import array_func, logic_func, math_func, nn_func, parameter_func, random_func  # noqa: E402,E501
from .function.array_func import *  # noqa: F401,F403,E402
from .function.logic_func import *  # noqa: F401,F403,E402
from .function.math_func import *  # noqa: F401,F403,E402
from .function.nn_func import *  # noqa: F401,F403,E402
from .function.parameter_func import *  # noqa: F401,F403,E402
from .function.random_func import *  # noqa: F401,F403,E402
from .function import special_func  # noqa: E402
from .function.special_func import *  # noqa: F401,F403,E402
from .function import linalg_func  # noqa: E402
from .function.linalg_func import *  # noqa: F401,F403,E402
from .function._control_func import mixed_precision_cast, switch_layer  # noqa: E402
from .function import _sparse_elementwise, _sparse_func  # noqa: E402
from .function._sparse_func import *  # noqa: F401,F403,E402
from .function._sparse_elementwise import *  # noqa: F401,F403,E402

__all__ += (array_func.__all__ + logic_func.__all__ + math_func.__all__ + nn_func.__all__ + parameter_func.__all__
            + random_func.__all__ + special_func.__all__ + linalg_func.__all__ + _sparse_func.__all__
            + _sparse_elementwise.__all__ + ["switch_layer", "mixed_precision_cast"])

# Every op names itself in its errors. Not wrapped (a wrapper adds a Python call frame to every
# call): the transforms, which call user code whose errors must pass unchanged, and the core ops
# above, which forward to the engine and whose argument errors the bindings already name.
from .._errors import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), __all__, skip=_CORE | {"jet", "derivative", "linearize", "get_grad"})

# MindSpore's argument checks of its generated ops, for calls from user code (not the core ops).
from .function._call_checks import install as _install_checks  # noqa: E402

_install_checks(globals(), skip=_CORE)
