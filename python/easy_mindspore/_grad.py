"""MindSpore's grad API over the engine's ``vjp``: ``GradOperation``, ``grad`` and
``value_and_grad`` with exactly the return structures of MindSpore 2.10 (reference §6):

- every tensor leaf of the output gets a ones cotangent (or the given ``sens``), and the
  gradients of all leaves are summed;
- inputs the output does not use get zeros; non-tensor arguments are skipped;
- parameters (``weights``) are traced by temporarily rebinding them to traced values.
"""
from . import _C
from ._C import Tensor
from ._tree import flatten, unflatten

__all__ = ["GradOperation", "grad", "value_and_grad"]


def _ones_like(t):
    return _C.full(t.shape, 1, t.dtype)


def _vjp_call(fn, args, kwargs, arg_positions, weights, output_transform=None):
    """Runs ``fn(*args, **kwargs)`` under a tape, differentiating the tensors at ``arg_positions``
    (indices into ``args``, or keys of ``kwargs``) and the tensors in ``weights``.

    Returns (output value, the flat output leaves, how many lead leaves are differentiated, the
    backward function)."""
    inputs = [args[p] if isinstance(p, int) else kwargs[p] for p in arg_positions]
    originals = [w.copy() for w in weights]
    box = {}

    def traced(ts):
        a, kw = list(args), dict(kwargs)
        for p, t in zip(arg_positions, ts):
            if isinstance(p, int):
                a[p] = t
            else:
                kw[p] = t
        for w, t in zip(weights, ts[len(arg_positions):]):
            w._rebind(t)
        try:
            out = fn(*a, **kw)
        finally:
            for w, o in zip(weights, originals):
                w._rebind(o)
        leaves, box["treedef"] = flatten(out)
        # With has_aux only out[0] is differentiated: its leaves come first in flatten order.
        box["n_diff"] = len(flatten(output_transform(out))[0]) if output_transform else len(leaves)
        return leaves

    outs, back = _C.vjp(traced, inputs + list(weights))
    return unflatten(box["treedef"], outs), outs, box["n_diff"], back


def _backward(back, outs, n_diff, sens=None):
    """Input cotangents for ones (or ``sens``) on the first ``n_diff`` outputs, zeros on the rest."""
    if sens is None:
        cts = [_ones_like(o) for o in outs[:n_diff]]
    else:
        cts, _ = flatten(sens)
        if len(cts) != n_diff:
            raise TypeError(f"For 'GradOperation', sens has {len(cts)} tensors but the output has {n_diff}")
    cts += [_C.full(o.shape, 0, o.dtype) for o in outs[n_diff:]]
    return back(cts)


class GradOperation:
    """``ops.GradOperation(get_all=False, get_by_list=False, sens_param=False)``."""

    def __init__(self, get_all=False, get_by_list=False, sens_param=False):
        self.get_all = get_all
        self.get_by_list = get_by_list
        self.sens_param = sens_param

    def __call__(self, fn, weights=None):
        op = self

        def after_grad(*args, **kwargs):
            sens = None
            if op.sens_param:
                if not args:
                    raise TypeError("For 'GradOperation', sens_param=True needs the sens as the last argument")
                args, sens = args[:-1], args[-1]
            positions = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
            positions += [k for k, v in kwargs.items() if isinstance(v, Tensor)]
            ws = _weights_list(weights if op.get_by_list else None, fn if op.get_by_list else None)
            _, outs, n_diff, back = _vjp_call(fn, args, kwargs, positions, ws)
            grads = _backward(back, outs, n_diff, sens)
            gin, gw = grads[: len(positions)], grads[len(positions):]
            if op.get_by_list:
                gw = gw[0] if _is_single_param(weights) else tuple(gw)
                return (tuple(gin), gw) if op.get_all else gw
            if op.get_all:
                return tuple(gin)
            return gin[0] if gin else ()

        return after_grad


def _is_single_param(weights):
    return isinstance(weights, Tensor)


def _weights_list(weights, net):
    if weights is None:
        if net is not None and hasattr(net, "trainable_params"):
            return list(net.trainable_params())
        return []
    if isinstance(weights, Tensor):
        return [weights]
    return list(weights)


def _check_position(grad_position):
    if grad_position is None:
        return None
    if isinstance(grad_position, bool) or not isinstance(grad_position, (int, tuple)):
        raise TypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
    ps = (grad_position,) if isinstance(grad_position, int) else grad_position
    for p in ps:
        if not isinstance(p, int) or isinstance(p, bool):
            raise TypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
        if p < 0:
            raise ValueError("grad_position must be >= 0.")
    return ps


def _aux_split(has_aux):
    if not has_aux:
        return None

    def first(out):
        if not isinstance(out, (tuple, list)) or len(out) < 2:
            raise ValueError("When has_aux is True, origin fn requires more than one outputs.")
        return out[0]

    return first


def _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens=None):
    if not callable(fn):
        raise TypeError(f"The fn should be callable, but got {type(fn).__name__}")
    ps = _check_position(grad_position)
    if ps is None and weights is None:
        raise ValueError("`grad_position` and `weight` can not be None at the same time.")
    for p in ps or ():
        if p >= len(args):
            raise RuntimeError(f"Position index {p} is exceed input size.")
    ws = _weights_list(weights, None)
    tensor_ps = [p for p in (ps or ()) if isinstance(args[p], Tensor)]
    value, outs, n_diff, back = _vjp_call(fn, args, kwargs, tensor_ps, ws, _aux_split(has_aux))
    grads = _backward(back, outs, n_diff, sens)
    gin = dict(zip(tensor_ps, grads[: len(tensor_ps)]))
    gw = grads[len(tensor_ps):]
    if ps is not None and any(not isinstance(args[p], Tensor) for p in ps):
        in_part = ()
    elif ps is None:
        in_part = None
    else:
        items = [((p, gin[p]) if return_ids else gin[p]) for p in ps]
        in_part = items[0] if (isinstance(grad_position, int) or len(items) == 1) else tuple(items)
    if weights is not None:
        names = [getattr(w, "name", None) for w in ws]
        w_part = tuple(((nm, g) if return_ids else g) for nm, g in zip(names, gw))
        if isinstance(weights, Tensor):
            w_part = w_part[0]
        result = w_part if in_part is None else (in_part, w_part)
    else:
        result = in_part
    if has_aux:
        aux = tuple(_C.stop_gradient(a) if isinstance(a, Tensor) else a for a in value[1:])
        return value, (result, aux)
    return value, result


def grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.grad``: a function returning the gradients of ``fn``."""

    def after_grad(*args, **kwargs):
        sens = None
        if sens_param:
            args, sens = args[:-1], args[-1]
        _, result = _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens)
        return result

    return after_grad


def value_and_grad(fn, grad_position=0, weights=None, has_aux=False, return_ids=False, sens_param=False):
    """``mindspore.value_and_grad``: a function returning ``(fn's output, gradients)``."""

    def after_grad(*args, **kwargs):
        sens = None
        if sens_param:
            args, sens = args[:-1], args[-1]
        value, result = _grad_core(fn, grad_position, weights, has_aux, return_ids, args, kwargs, sens)
        if has_aux:
            grads, aux = result
            return (value[0],) + tuple(aux), grads
        return value, result

    return after_grad
