"""MindSpore's grad API: ``GradOperation``, ``grad`` and ``value_and_grad`` with exactly the
return structures of MindSpore 2.10 (reference §6).

The tracing itself is one native call, ``_C.grad_call``: it runs the function under a tape, gives
every tensor leaf of the output a ones cotangent (or the matching leaf of ``sens``) so that their
gradients are summed, gives zeros to inputs the output does not use, and traces ``weights`` by
rebinding them to traced values during the call. This module only chooses what to trace and
packs the gradients into MindSpore's structures, each rule written once: the inputs' part
(``tuple`` with ``get_all``, else :func:`_first`; ``mindspore.grad``'s positions in
:func:`_grad_core`) and the weights' part (:func:`_with_weights`, which ``ops.vjp`` uses too).

In GRAPH_MODE each grad function runs compiled, through a ``jit`` cached on the grad function
itself (``_jit.compiled_in_graph_mode``).
"""
import threading

from . import _C, _grad_mutable
from . import _leaf_hooks as _hook_registry
from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError
from ._jit import compiled_in_graph_mode, tracing

__all__ = ["GradOperation", "grad", "value_and_grad", "get_grad"]

#: Every grad function: compiled in GRAPH_MODE, through a jit cached on the function itself.
_grad_function = compiled_in_graph_mode(packed=True)

class _NoGradState(threading.local):
    """Per thread: how many ``_no_grad`` scopes are open (``common.api._no_grad`` counts them).
    The class default makes the read on every gradient call a plain lookup (a ``getattr`` with a
    default would raise and catch an AttributeError on each call of a thread that never set it)."""

    depth = 0


_no_grad_state = _NoGradState()


def _check_grad_allowed():
    """MindSpore refuses to start a gradient inside ``_no_grad`` (a RuntimeError)."""
    if _no_grad_state.depth:
        raise ComputeError("In no_grad context, you can not calculate gradient")


class _OverlapState(threading.local):
    """Per thread: the ``DistributedGradReducer`` whose ``overlap()`` scope is open, if any; a
    gradient of exactly its parameters, computed eagerly, comes back already all-reduced
    (``nn/grad_reducer``)."""

    reducer = None


_overlap_state = _OverlapState()


def _overlapping_reducer(ws):
    """The reducer to overlap with this backward pass, or None: one must be armed on this thread,
    the weights must be its parameters, and the pass must run eagerly (a ``jit`` trace has no
    values to send) with no leaf hooks (which run on the gradients before any reduction)."""
    r = _overlap_state.reducer
    if r is None or _leaf_hooks or tracing() or not r._overlaps(ws):
        return None
    return r


#: Hooks on leaf tensors (arguments and weights): ``_leaf_hooks.hooks``.
_leaf_hooks = _hook_registry.hooks


class _TensorHookHandle:
    """What ``Tensor.register_hook`` returns: ``remove()`` takes the hook off."""

    def __init__(self, remove):
        self._remove = remove

    def remove(self):
        self._remove()


def register_hook(self, hook):
    """``Tensor.register_hook(hook)``: ``hook(grad)`` runs on this tensor's gradient when one is
    computed and may return a replacement (None keeps it); returns a handle with ``remove()``.

    On a tensor computed inside a differentiated function, the tensor's later uses go through an
    identity whose backward applies the hook. On a leaf (an argument or weight of ``grad``,
    ``value_and_grad`` or ``GradOperation``) the hook runs on the gradient those return for it."""
    if not callable(hook):
        raise DTypeError(f"Expected a callable hook function, but got {type(hook).__name__}.")
    on = [True]

    def apply(g):
        if not on[0]:
            return g
        out = hook(g)
        return g if out is None else out

    if self._is_traced:
        from ._custom import custom_vjp

        self._rebind(custom_vjp(lambda t: t, bprop=lambda t, out, dout: (apply(dout),))(self))

        def remove():
            on[0] = False

        return _TensorHookHandle(remove)
    key = object()
    _leaf_hooks.setdefault(id(self), (self, {}))[1][key] = apply
    _hook_registry.changed()

    def remove_leaf():
        entry = _leaf_hooks.get(id(self))
        if entry is not None and entry[0] is self and key in entry[1]:
            del entry[1][key]
            if not entry[1]:
                del _leaf_hooks[id(self)]
            _hook_registry.changed()

    return _TensorHookHandle(remove_leaf)


def _hooked(leaves, grads):
    """``grads`` (one per leaf) with the leaves' hooks applied."""
    if not _leaf_hooks:
        return grads
    out = []
    for leaf, g in zip(leaves, grads):
        applies = _hook_registry.of(leaf)
        if applies is not None:
            for apply in list(applies.values()):
                g = apply(g)
        out.append(g)
    return out + list(grads[len(out):])


def _tensor_args(args, kwargs=None):
    """The tensors ``_C.grad_call`` differentiates without positions, in its order: every
    Tensor argument, then every Tensor keyword argument."""
    out = [a for a in args if isinstance(a, Tensor)]
    if kwargs:
        out.extend(v for v in kwargs.values() if isinstance(v, Tensor))
    return out


def _frozen_to_zeros(ws, grads):
    """The weights' gradients with each weight whose ``requires_grad`` is False (read after the
    forward run, which may set it) replaced by zeros of its shape and dtype, as MindSpore does."""
    return [g if getattr(w, "requires_grad", True) else _C.full(w.shape, 0, w.dtype)
            for w, g in zip(ws, grads)]


_MISSING = object()


def _not_callable(fn):
    """The gradient function of a `fn` that is not callable: it raises when called."""
    def after_grad(*args, **kwargs):
        raise DTypeError(f"For 'GradOperation', the first argument must be a 'Function' or 'Cell', but "
                         f"got {type(fn).__name__}.")
    return after_grad


class GradOperation:
    """``ops.GradOperation(get_all=False, get_by_list=False, sens_param=False)``.

    ``GradOperation(...)(fn[, weights])`` returns a function taking ``fn``'s arguments (plus the
    sens as the last positional argument with ``sens_param=True``) and returning gradients: of the
    first tensor argument (default), a tuple over every tensor argument (``get_all``), one per
    weight (``get_by_list``), or ``((inputs...), (weights...))`` for both.

    Args:
        get_all (bool, optional): Whether to return the gradients of every input (else of the
            first). Default: ``False``.
        get_by_list (bool, optional): Whether to return the gradients of the given parameters.
            Default: ``False``.
        sens_param (bool, optional): Whether the last argument is the sensitivity. Default:
            ``False``.

    Outputs:
        function, taking a function and returning its gradient function.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def f(x):
        ...     return (x * x).sum()
        ...
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.GradOperation()(f)(x))
        [2. 4.]
    """

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        for name, flag in (("get_all", get_all), ("get_by_list", get_by_list), ("sens_param", sens_param)):
            if not isinstance(flag, bool):
                raise DTypeError(f"For 'GradOperation', the '{name}' should be bool, but got "
                                 f"{type(flag).__name__}")
        self.get_all = get_all
        self.get_by_list = get_by_list
        self.sens_param = sens_param

    def __call__(self, fn=_MISSING, weights=None):
        if fn is _MISSING:
            raise DTypeError("'GradOperation' requires a forward network or function as an input, while "
                             "the input is empty.")
        if not callable(fn):  # MindSpore's error comes when the gradient function is called
            return _not_callable(fn)
        get_all, by_list, sens_param = self.get_all, self.get_by_list, self.sens_param
        grad_call = _C.grad_call
        inputs_part = _all if get_all else _first
        if not by_list and not sens_param:  # the common case, kept short: it is on the hot path
            @_grad_function
            def after_grad(args, kwargs):
                _check_grad_allowed()
                if tracing() and _grad_mutable.has_mutable(args):
                    return _mutable_grads(self, fn, weights, args, kwargs)
                grads = grad_call(fn, args, kwargs)[1]
                return inputs_part(args, _hooked(_tensor_args(args, kwargs), grads) if _leaf_hooks else grads)

            return after_grad

        @_grad_function
        def after_grad(args, kwargs):
            return _grad_operation_call(self, fn, weights, args, kwargs)

        return after_grad


def _grad_operation_call(op, fn, weights, args, kwargs, regroup=None):
    """A ``GradOperation`` gradient function's call with weights or a sens. ``regroup`` (from
    ``_grad_mutable.expand``, when ``fn`` and ``args`` are its flat forms) puts the inputs'
    gradients back in the structures of the original arguments."""
    get_all, by_list, sens_param = op.get_all, op.get_by_list, op.sens_param
    # A forgotten sens takes the last real argument, and fn then misses one
    # (MindSpore's behaviour: "f() missing 1 required positional argument").
    _check_grad_allowed()
    if sens_param and "sens" in kwargs:  # MindSpore takes the sens by keyword too
        kwargs = dict(kwargs)
        sens = kwargs.pop("sens")
    else:
        args, sens = _split_sens(args, sens_param)
    if regroup is None and tracing() and _grad_mutable.has_mutable(args):
        return _mutable_grads(op, fn, weights, args + ((sens,) if sens_param else ()), kwargs)
    ws = _weights_list(weights, fn) if by_list else []
    grads = _C.grad_call(fn, args, kwargs, None, ws, False, sens)[1]
    if _leaf_hooks:
        grads = _hooked(_tensor_args(args, kwargs) + ws, grads)
    n_in = len(grads) - len(ws)
    if regroup is not None:
        args, in_grads = regroup(grads[:n_in])
    else:
        in_grads = grads[:n_in]
    if not by_list:
        return (_all if get_all else _first)(args, in_grads)
    return _with_weights(_all(args, in_grads) if get_all else None,
                         _frozen_to_zeros(ws, grads[n_in:]), weights)


def _mutable_grads(op, fn, weights, args, kwargs):
    """``GradOperation`` in compiled code with ``mutable`` arguments: differentiated in their
    structures (``_grad_mutable``)."""
    n = len(args) - 1 if op.sens_param else len(args)
    flat_fn, flat, regroup = _grad_mutable.expand(fn, args[:n])

    def regroup_as_args(grads):
        per_arg, rest = regroup(grads)
        return _Regrouped(per_arg), [g for g in per_arg if g is not None] + rest

    if op.get_by_list and weights is None:  # the Cell's own Parameters: flat_fn is not the Cell
        weights = _weights_list(None, fn)
    return _grad_operation_call(op, flat_fn, weights, flat + args[n:], kwargs, regroup_as_args)


class _Regrouped(list):
    """The arguments' gradients after a regroup (None where an argument has none), standing for
    the arguments in :func:`_first`: the first argument has a gradient when it is not None."""


def _first(args, grads):
    """``GradOperation``'s gradient without ``get_all``: the first argument's — ``()`` when it is
    not a Tensor (MindSpore 2.10 gives ``()`` for a number or tuple first argument, in both
    modes) or there is no gradient at all; a function of keyword arguments only gets the first
    of theirs."""
    if not grads:
        return ()
    if not args:
        return grads[0]
    if isinstance(args, _Regrouped):
        return () if args[0] is None else args[0]
    return grads[0] if isinstance(args[0], Tensor) else ()


def _all(args, grads):
    """``GradOperation``'s gradients with ``get_all``: a tuple, one per Tensor argument (keyword
    arguments' after)."""
    return tuple(grads)


def _with_weights(inputs_part, weight_grads, weights):
    """MindSpore's result with weight gradients: the weights' part (a bare gradient for a single
    weight Tensor, else a tuple) alone when ``inputs_part`` is None, else ``(inputs_part,
    weights' part)``."""
    part = weight_grads[0] if isinstance(weights, Tensor) else tuple(weight_grads)
    return part if inputs_part is None else (inputs_part, part)


def _weights_list(weights, net):
    """The weights to differentiate: a list, a single tensor, or (None) all of ``net``'s
    trainable parameters when it has them."""
    if weights is None:
        if net is not None and hasattr(net, "trainable_params"):
            return list(net.trainable_params())
        return []
    if isinstance(weights, Tensor):
        return [weights]
    return list(weights)


class _PositionError(ComputeError, IndexError):
    """A ``grad_position`` past the last argument: MindSpore 2.10 raises RuntimeError for it in
    PyNative mode and IndexError in GRAPH_MODE; this error is both, so either ``except`` works."""


def _check_position(grad_position):
    """``grad_position`` as a tuple of ints (None stays None), with MindSpore's errors (as
    ``easy_mindspore.Error`` subclasses of MindSpore's types)."""
    if grad_position is None:
        return None
    if isinstance(grad_position, bool) or not isinstance(grad_position, (int, tuple)):
        raise DTypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
    ps = (grad_position,) if isinstance(grad_position, int) else grad_position
    if not ps:
        raise ComputeError("For 'F.grad', the 'grad_position' must not be an empty tuple; use "
                           "grad_position=None to take gradients with respect to weights only.")
    for p in ps:
        if not isinstance(p, int) or isinstance(p, bool):
            raise DTypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
        if p < 0:
            raise ShapeError("grad_position must be >= 0.")
    return ps


def _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens=None):
    """Returns (fn's output, the gradients in ``mindspore.grad``'s structure)."""
    if not callable(fn):
        raise DTypeError(f"The fn should be callable, but got {type(fn).__name__}")
    ps = _check_position(grad_position)
    if ps is None and weights is None:
        raise ShapeError("`grad_position` and `weight` can not be None at the same time.")
    for p in ps or ():
        if p >= len(args):
            raise _PositionError(f"Position index {p} is exceed input size.")
    ws = _weights_list(weights, None)
    # A position holding a Python scalar or NumPy array has no gradient: MindSpore 2.10 leaves it
    # out (``grad(f, (0, 1))(x, 2)`` is x's bare gradient; ``()`` when no position is a Tensor).
    tensor_ps = None if ps is None else [p for p in ps if isinstance(args[p], Tensor)]
    traced_ps = [] if ps is None else sorted(set(tensor_ps))
    _check_grad_allowed()
    reducer = _overlapping_reducer(ws) if ws else None
    value, grads = _C.grad_call(fn, args, kwargs, traced_ps, ws, has_aux, sens,
                                reducer._plan() if reducer is not None else None)
    if _leaf_hooks:
        grads = _hooked([args[p] for p in traced_ps] + ws, grads)
    by_pos = dict(zip(traced_ps, grads))
    gw = _frozen_to_zeros(ws, grads[len(traced_ps):])
    if reducer is not None:
        reducer._done(gw)
    if ps is None:
        in_part = None
    else:
        items = [(p, by_pos[p]) if return_ids else by_pos[p] for p in tensor_ps]
        in_part = items[0] if len(items) == 1 else tuple(items)
    if weights is None:
        result = in_part
    else:
        names = [getattr(w, "name", None) for w in ws]
        result = _with_weights(in_part, [(nm, g) if return_ids else g for nm, g in zip(names, gw)],
                               weights)
    if has_aux:
        aux = tuple(_C.stop_gradient(a) if isinstance(a, Tensor) else a for a in value[1:])
        return value, (result, aux)
    return value, result


def _split_sens(args, sens_param):
    return (args[:-1], args[-1]) if sens_param and args else (args, None)


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.grad``: a function returning the gradients of ``fn`` with respect to the
    arguments at ``grad_position`` (an int gives a bare Tensor, a tuple a tuple) and ``weights``;
    with ``has_aux`` it returns ``(grads, aux)``.

    Args:
        fn (function): The function.
        grad_position (Union[int, tuple[int]], optional): The positions of the arguments to
            differentiate. Default: ``0``.
        weights (Union[Parameter, list[Parameter], ParameterTuple], optional): Parameters to
            differentiate with respect to, as well. Default: ``None``.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.
        return_ids (bool, optional): Whether each gradient is paired with the position or name it is
            for. Default: ``False``.
        sens_param (bool, optional): Whether the last argument is the sensitivity (the output's
            cotangent). Default: ``False``.

    Returns:
        function, taking the arguments of `fn` and returning the gradients (and `fn`'s auxiliary
        outputs when `has_aux`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def f(x):
        ...     return (x ** 2).sum()
        ...
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> print(ops.grad(f)(x))
        [2. 4. 6.]
    """

    @_grad_function
    def after_grad(args, kwargs):
        args, sens = _split_sens(args, sens_param)
        return _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens)[1]

    return after_grad


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.value_and_grad``: a function returning ``(fn's output, gradients)``.

    Args:
        fn (function): The function.
        grad_position (Union[int, tuple[int]], optional): The positions of the arguments to
            differentiate. Default: ``0``.
        weights (Union[Parameter, list[Parameter], ParameterTuple], optional): Parameters to
            differentiate with respect to, as well. Default: ``None``.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.
        return_ids (bool, optional): Whether each gradient is paired with the position or name it is
            for. Default: ``False``.
        sens_param (bool, optional): Whether the last argument is the sensitivity (the output's
            cotangent). Default: ``False``.

    Returns:
        function, taking the arguments of `fn` and returning ``(fn's output, gradients)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def f(x):
        ...     return (x ** 2).sum()
        ...
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> value, g = ops.value_and_grad(f)(x)
        >>> print(value)
        14.0
        >>> print(g)
        [2. 4. 6.]
    """

    @_grad_function
    def after_grad(args, kwargs):
        args, sens = _split_sens(args, sens_param)
        value, result = _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens)
        if has_aux:
            grads, aux = result
            return (value[0],) + tuple(aux), grads
        return value, result

    return after_grad


def get_grad(gradients, identifier):
    """``mindspore.get_grad``: the gradient for ``identifier`` in what ``grad(...,
    return_ids=True)`` returned (or the second output of ``value_and_grad(..., return_ids=True)``).
    ``identifier`` is an input position (int) or a Parameter used as a weight; each gradient there
    is tagged as ``(position, grad)`` or ``(parameter name, grad)``. RuntimeError when no gradient
    carries that identifier, TypeError for an identifier of another kind.

    Args:
        gradients (tuple): What ``grad(..., return_ids=True)`` returned.
        identifier (Union[int, Parameter]): The position or the parameter.

    Returns:
        Tensor, the gradient registered for `identifier`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> out = ms.grad(lambda x: (x * x).sum(), grad_position=0, return_ids=True)(x)
        >>> print(ops.get_grad(out, 0))
        [2. 4.]
    """
    if isinstance(identifier, _C.Parameter):
        key = identifier.name
    elif isinstance(identifier, int) and not isinstance(identifier, bool):
        key = identifier
    else:
        raise DTypeError("For 'get_grad', the 'identifier' must be an int or a Parameter, but got "
                         f"{type(identifier).__name__}.")
    if not isinstance(gradients, tuple):
        raise DTypeError("For 'get_grad', the 'gradients' must be the tuple returned by grad with "
                         f"return_ids=True, but got {type(gradients).__name__}.")

    def tagged(g):
        return (len(g) == 2 and isinstance(g[1], Tensor) and not isinstance(g[0], bool)
                and isinstance(g[0], (int, str)))

    def find(g):
        if not isinstance(g, tuple):
            return None
        if tagged(g):
            # An int tags an input position, a str a weight: a position never matches a name.
            return g[1] if type(g[0]) is type(key) and g[0] == key else None
        for item in g:
            found = find(item)
            if found is not None:
                return found
        return None

    found = find(gradients)
    if found is None:
        what = "position" if isinstance(key, int) else "Parameter"
        raise ComputeError(f"For 'get_grad', can not find the gradient for the {what} {key!r} in "
                           "the gradients (were they returned with return_ids=True?).")
    return found


if "register_hook" not in Tensor.__dict__:
    Tensor.register_hook = register_hook
