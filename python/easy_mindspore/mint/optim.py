"""``mindspore.mint.optim``: PyTorch-style optimizers (``Adam``, ``AdamW``, ``FusedAdamW``,
``SGD``) over parameter groups, called with the gradients as MindSpore's optimizers are
(``optimizer(grads)``); the state (``exp_avg``, ``exp_avg_sq``, ``max_exp_avg_sq``, momentum
buffers, the step) is held in Parameters, and parameters are updated in place.

Arguments, defaults, checks and reprs are MindSpore 2.10's (measured: ``lr`` of ``Adam``/``AdamW``
must be a float, a TypeError otherwise; a negative ``lr`` or a beta outside [0, 1) is a ValueError
"Invalid ..."; ``SGD`` needs ``lr``, and ``nesterov`` needs momentum > 0 and no dampening). The
update rules are the ones MindSpore documents (PyTorch's algorithms): on its CPU build ``AdamW``
has no kernel and ``Adam``/``SGD`` left the parameters unchanged in our measurement, so the tests
compare against those algorithms written in NumPy."""
from .. import ops
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.parameter import Parameter
from ..nn.cell import Cell
from ..tensor import Tensor


def _groups(params, defaults):
    params = list(params)
    if not params:
        raise ShapeError("optimizer got an empty parameter list")
    if not isinstance(params[0], dict):
        params = [{"params": params}]
    groups = []
    for g in params:
        if not isinstance(g, dict) or "params" not in g:
            raise DTypeError(f"a parameter group must be a dict holding 'params', but got {g!r:.80}")
        group = dict(g)
        group["params"] = list(group["params"]) if not isinstance(group["params"], Parameter) \
            else [group["params"]]
        for k, v in defaults.items():
            group.setdefault(k, v)
        groups.append(group)
    return groups


class _Optimizer(Cell):
    _name = "Optimizer"

    def __init__(self, params, defaults):
        super().__init__()
        self.defaults = defaults
        self.param_groups = _groups(params, defaults)
        self.state = {}
        self.step_t = Parameter(ops.zeros((1,)), name="step", requires_grad=False)

    @property
    def parameters(self):
        """The parameters of every group, in order."""
        return tuple(p for g in self.param_groups for p in g["params"])

    def _buffer(self, p, key):
        slot = self.state.setdefault(id(p), {})
        if key not in slot:
            slot[key] = Parameter(ops.zeros_like(p), name=f"{key}.{p.name}", requires_grad=False)
        return slot[key]

    def construct(self, grads):
        grads = tuple(grads)
        params = self.parameters
        if len(grads) != len(params):
            raise ShapeError(f"For '{self._name}', got {len(grads)} gradients for {len(params)} parameters.")
        for p, g in zip(params, grads):  # all checked before any state changes
            if g is not None:
                self._check_grad(p, g)
        # The step stays a tensor (no read into Python), so a jitted training step traces once.
        self.step_t.copy_(self.step_t + 1)
        step = self.step_t.reshape(())
        i = 0
        for group in self.param_groups:
            for p in group["params"]:
                g = grads[i]
                i += 1
                if g is None:
                    continue
                g = -g if group["maximize"] else g
                p.copy_(ops.stop_gradient(self._update(group, p, g, step)))
        return True

    def _check_grad(self, p, g):
        """A gradient must be a float Tensor of its parameter's shape (MindSpore's AdamW kernel
        checks the shape; a broadcastable one would update the parameter with a wrong value)."""
        if not isinstance(g, Tensor):
            raise DTypeError(f"For '{self._name}', the gradient of '{p.name}' must be a Tensor, but got "
                             f"{type(g).__name__}.")
        if g.dtype not in mstype.float_type:
            raise DTypeError(f"For '{self._name}', the gradient of '{p.name}' must be a float Tensor, but "
                             f"got {g.dtype}.")
        if tuple(g.shape) != tuple(p.shape):
            raise ShapeError(f"For '{self._name}', the gradient of '{p.name}' has shape {tuple(g.shape)}, "
                             f"but the parameter has shape {tuple(p.shape)}.")

    def add_param_group(self, param_group):
        """Adds a group (a dict with ``params`` and any of the defaults).

        Args:
            param_group (dict): The group.
        """
        self.param_groups += _groups([param_group], self.defaults)

    def __repr__(self):
        lines = [f"{self._name} ("]
        for i, g in enumerate(self.param_groups):
            lines.append(f"Parameter Group {i}")
            lines += [f"    {k}: {g[k]}" for k in sorted(g) if k != "params"]
        return "\n".join(lines) + "\n)"


def _check_lr(name, lr, need_float=True):
    if need_float and (isinstance(lr, bool) or not isinstance(lr, float)):
        raise DTypeError(f"For '{name}', the type of 'lr' should be 'float', but got type '{type(lr).__name__}'.")
    if lr < 0:
        raise ShapeError(f"Invalid learning rate: {lr}")


def _check_adam(name, lr, betas, eps, weight_decay):
    _check_lr(name, lr)
    if eps < 0:
        raise ShapeError(f"Invalid epsilon value: {eps}")
    for i, b in enumerate(betas):
        if not 0.0 <= b < 1.0:
            raise ShapeError(f"Invalid beta parameter at index {i}: {b}")
    if weight_decay < 0:
        raise ShapeError(f"Invalid weight_decay value: {weight_decay}")


class Adam(_Optimizer):
    """Adam: ``m = b1 m + (1 - b1) g``, ``v = b2 v + (1 - b2) g^2``,
    ``p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)``; `weight_decay` adds ``wd * p``
    to the gradient (L2); `amsgrad` uses the running maximum of `v`.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (float): The learning rate. Default: ``0.001``.
        betas (tuple[float, float]): (b1, b2), in [0, 1). Default: ``(0.9, 0.999)``.
        eps (float): Added to the denominator. Default: ``1e-08``.
        weight_decay (float): The L2 coefficient. Default: ``0.0``.
        amsgrad (bool): Whether to use AMSGrad. Default: ``False``.
        maximize (bool): Whether to ascend. Default: ``False``.

    Outputs:
        bool, True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name='w')
        >>> opt = mint.optim.Adam([w], lr=0.1)
        >>> _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.asnumpy())
        [ 0.90000004 -1.9       ]
    """

    _name = "Adam"
    _decoupled = False

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 amsgrad=False, *, maximize=False):
        _check_adam(self._name, lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps,
                                  "weight_decay": weight_decay, "amsgrad": amsgrad,
                                  "maximize": maximize})

    def _update(self, group, p, g, step):
        lr, (b1, b2), eps, wd = group["lr"], group["betas"], group["eps"], group["weight_decay"]
        value = p.value() if hasattr(p, "value") else p
        if wd and self._decoupled:
            value = value * (1 - lr * wd)
        elif wd:
            g = g + wd * value
        m, v = self._buffer(p, "exp_avg"), self._buffer(p, "exp_avg_sq")
        m.copy_(b1 * m + (1 - b1) * g)
        v.copy_(b2 * v + (1 - b2) * g * g)
        denom_v = v
        if group["amsgrad"]:
            vmax = self._buffer(p, "max_exp_avg_sq")
            vmax.copy_(ops.maximum(vmax, v))
            denom_v = vmax
        # 1 - b^t in Float64: in Float32, 1 - 0.999 keeps only 4 digits.
        step64 = step.astype(mstype.float64)
        bc1 = (1 - ops.pow(ops.full((), b1, mstype.float64), step64)).astype(value.dtype)
        bc2 = ops.sqrt(1 - ops.pow(ops.full((), b2, mstype.float64), step64)).astype(value.dtype)
        denom = ops.sqrt(denom_v) / bc2 + eps
        return value - (lr / bc1) * m / denom


class AdamW(Adam):
    """AdamW: Adam with decoupled weight decay, ``p *= 1 - lr * weight_decay`` before the update.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (float): The learning rate. Default: ``0.001``.
        betas (tuple[float, float]): (b1, b2), in [0, 1). Default: ``(0.9, 0.999)``.
        eps (float): Added to the denominator. Default: ``1e-08``.
        weight_decay (float): The decoupled decay. Default: ``0.01``.
        amsgrad (bool): Whether to use AMSGrad. Default: ``False``.
        maximize (bool): Whether to ascend. Default: ``False``.

    Outputs:
        bool, True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name='w')
        >>> opt = mint.optim.AdamW([w], lr=0.1, weight_decay=0.0)
        >>> _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.asnumpy())
        [ 0.90000004 -1.9       ]
    """

    _name = "AdamW"
    _decoupled = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False, *, maximize=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, maximize=maximize)


class FusedAdamW(AdamW):
    """:class:`AdamW` (MindSpore fuses the update into one kernel; the result is the same).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (float): The learning rate. Default: ``0.001``.
        betas (tuple[float, float]): (b1, b2), in [0, 1). Default: ``(0.9, 0.999)``.
        eps (float): Added to the denominator. Default: ``1e-08``.
        weight_decay (float): The decoupled decay. Default: ``0.01``.
        amsgrad (bool): Whether to use AMSGrad. Default: ``False``.
        maximize (bool): Whether to ascend. Default: ``False``.

    Outputs:
        bool, True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> w = ms.Parameter(ms.Tensor([1.0]), name='w')
        >>> print(mint.optim.FusedAdamW([w], lr=0.1)((ms.Tensor([1.0]),)))
        True
    """

    _name = "FusedAdamW"


class SGD(_Optimizer):
    """Stochastic gradient descent: ``g += wd * p``; with momentum ``b = momentum * b +
    (1 - dampening) * g`` (``b = g`` at the first step), ``g = g + momentum * b`` (Nesterov) or
    ``g = b``; ``p -= lr * g``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[float, int]): The learning rate.
        momentum (float): The momentum. Default: ``0``.
        dampening (float): The dampening of the momentum. Default: ``0``.
        weight_decay (float): The L2 coefficient. Default: ``0``.
        nesterov (bool): Whether to use Nesterov momentum (needs momentum > 0, no dampening).
            Default: ``False``.
        maximize (bool): Whether to ascend. Default: ``False``.

    Outputs:
        bool, True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name='w')
        >>> opt = mint.optim.SGD([w], lr=0.1)
        >>> _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.asnumpy())
        [ 0.95 -1.9 ]
    """

    _name = "SGD"

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False):
        if isinstance(lr, bool) or not isinstance(lr, (int, float)):
            raise DTypeError(f"For 'SGD', the type of 'lr' should be 'float', but got type '{type(lr).__name__}'.")
        _check_lr("SGD", lr, need_float=False)
        if momentum < 0:
            raise ShapeError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0:
            raise ShapeError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ShapeError(f"For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and 'dampening' "
                             f"must equal to 0.0, but got 'momentum' {momentum}, 'dampening' {dampening}")
        super().__init__(params, {"lr": lr, "momentum": momentum, "weight_decay": float(weight_decay),
                                  "dampening": dampening, "nesterov": nesterov, "maximize": maximize,
                                  "lr_float": float(lr)})

    def _update(self, group, p, g, step):
        lr, mom, damp, wd = group["lr"], group["momentum"], group["dampening"], group["weight_decay"]
        value = p.value() if hasattr(p, "value") else p
        if wd:
            g = g + wd * value
        if mom:
            buf = self._buffer(p, "momentum_buffer")
            new = ops.where(step == 1, g, mom * buf + (1 - damp) * g)  # the first step starts it at g
            buf.copy_(new)
            g = g + mom * new if group["nesterov"] else new
        return value - lr * g


__all__ = ["Adam", "AdamW", "FusedAdamW", "SGD"]
