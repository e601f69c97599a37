"""``SGD``, ``Adam`` and ``AdamW`` of ``mindspore.experimental.optim``, with MindSpore 2.10's
arguments, checks and formulas (measured there). Each group is updated by a Rust optimizer of
``nn.optim`` whose formula is the one MindSpore's kernel computes: ``SGD`` is ``nn.SGD``'s
(``ops.SGD``), ``Adam`` is ``nn.Adam``'s (``ops.Adam``: ``eps`` added to ``√v``, not to the
bias-corrected ``√v̂``), ``AdamW`` is PyTorch's decoupled rule (in Python with ``amsgrad``,
which the Rust ``AdamW`` has not). ``adam_update`` is that Python rule, shared with
``mint.optim``.
"""
from ... import _C, ops
from ..._errors import ShapeError
from ...common import dtype as mstype
from ._checks import a_bool as _a_bool, number as _number, pair
from .optimizer import Optimizer

__all__ = ["SGD", "Adam", "AdamW"]


def check_adam_args(op, lr, betas, eps, weight_decay):
    """MindSpore's checks of Adam/AdamW's options, in its order (ValueError "Invalid ...")."""
    if _number(lr, "lr", op) < 0.0:
        raise ShapeError(f"Invalid learning rate: {lr}")
    if _number(eps, "eps", op, tensor=False) < 0.0:
        raise ShapeError(f"Invalid epsilon value: {eps}")
    for i, b in enumerate(pair(betas, "betas", op)):
        if not 0.0 <= _number(b, f"betas[{i}]", op, tensor=False) < 1.0:
            raise ShapeError(f"Invalid beta parameter at index {i}: {b}")
    if _number(weight_decay, "weight_decay", op, tensor=False) < 0.0:
        raise ShapeError(f"Invalid weight_decay value: {weight_decay}")


def adam_update(opt, group, p, g, step, decoupled, exact_powers=True):
    """PyTorch's Adam (``decoupled``: AdamW) for one parameter: ``m = b1 m + (1 - b1) g``,
    ``v = b2 v + (1 - b2) g²`` (``amsgrad``: the running maximum of ``v``), ``p -= lr/(1 - b1ᵗ) ·
    m/(√v/√(1 - b2ᵗ) + eps)``; the decay is ``p *= 1 - lr·wd`` (decoupled) or ``g += wd·p``.
    ``bᵗ`` is computed in Float64 (`exact_powers`, ``mint.optim``), or as MindSpore's
    ``experimental.optim`` does, a power in the parameter's dtype."""
    lr = opt._rate(group)
    (b1, b2), eps, wd = group["betas"], group["eps"], group["weight_decay"]
    value = p.value()
    if wd and decoupled:
        value = value * (1 - lr * wd)
    elif wd:
        g = g + wd * value
    m, v = opt._buffer(p, "exp_avg"), opt._buffer(p, "exp_avg_sq")
    m.copy_(b1 * m + (1 - b1) * g)
    v.copy_(b2 * v + (1 - b2) * g * g)
    denom_v = v
    if group["amsgrad"]:
        vmax = opt._buffer(p, "max_exp_avg_sq")
        vmax.copy_(ops.maximum(vmax, v))
        denom_v = vmax
    # 1 - bᵗ in Float64: in Float32, 1 - 0.999 keeps only 4 digits.
    dtype = mstype.float64 if exact_powers else value.dtype
    t = step.astype(dtype)
    bc1 = (1 - ops.pow(ops.full((), b1, dtype), t)).astype(value.dtype)
    bc2 = ops.sqrt(1 - ops.pow(ops.full((), b2, dtype), t)).astype(value.dtype)
    return value - (lr / bc1) * m / (ops.sqrt(denom_v) / bc2 + eps)


class SGD(Optimizer):
    r"""Stochastic gradient descent (MindSpore's ``ops.SGD`` kernel): ``g += weight_decay·p``;
    with momentum ``b = g`` at the first step, then ``b = momentum·b + (1 − dampening)·g``, and
    ``p −= lr·(g + momentum·b)`` (Nesterov) or ``p −= lr·b``; ``p −= lr·g`` without momentum
    (`dampening` is then ignored, as MindSpore 2.10's kernel does).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor]): The learning rate.
        momentum (Union[int, float], optional): The momentum. Default: ``0``.
        dampening (Union[int, float], optional): The dampening of the momentum. Default: ``0``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        nesterov (bool, optional): Nesterov momentum (needs momentum > 0 and no dampening).
            Default: ``False``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        TypeError: an lr, momentum or dampening that is not a number, a flag not a bool.
        ValueError: a negative lr, momentum or weight decay; `nesterov` with no momentum or with
            dampening.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = optim.SGD([w], lr=0.1, momentum=0.9)
        >>> for _ in range(2):
        ...     _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())  # 1 - 0.1·0.5 - 0.1·(0.9·0.5 + 0.5)
        [ 0.855 -1.71 ]
    """

    def __init__(self, params, lr, momentum=0, dampening=0, weight_decay=0.0, nesterov=False, *,
                 maximize=False):
        op = "SGD"
        if _number(lr, "lr", op) < 0.0:
            raise ShapeError(f"Invalid learning rate: {lr}")
        if _number(momentum, "momentum", op, tensor=False) < 0.0:
            raise ShapeError(f"Invalid momentum value: {momentum}")
        _a_bool(nesterov, "nesterov", op)
        _a_bool(maximize, "maximize", op)
        defaults = dict(lr=lr, momentum=float(momentum), dampening=dampening,
                        weight_decay=weight_decay, nesterov=nesterov, maximize=maximize,
                        grad_centralization=False)
        super().__init__(params, defaults)
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ShapeError("For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and "
                             f"'dampening' must equal to 0.0, but got 'momentum' {float(momentum)}, "
                             f"'dampening' {dampening}")

    def _check_group(self, group):
        group["dampening"] = _number(group["dampening"], "dampening", "SGD", tensor=False)
        group["momentum"] = _number(group["momentum"], "momentum", "SGD", tensor=False)

    def _native(self, group):
        return _C.sgd(self._native_group(group), self._hyper(group, group["momentum"]),
                      self._hyper(group, group["dampening"]), bool(group["nesterov"]))


class Adam(Optimizer):
    r"""Adam, with the formula of MindSpore's ``ops.Adam`` kernel (which MindSpore 2.10's
    ``experimental.optim.Adam`` runs): ``g += weight_decay·p``; ``m = β₁m + (1 − β₁)g``,
    ``v = β₂v + (1 − β₂)g²``; ``p −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m/(√v + eps)``. With `amsgrad`
    the running maximum of ``v`` is the denominator's (as documented; MindSpore 2.10 ignores the
    flag).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate. Default: ``1e-3``.
        betas (tuple[float, float], optional): (β₁, β₂), each in [0, 1). Default:
            ``(0.9, 0.999)``.
        eps (float, optional): Added to the denominator. Default: ``1e-8``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        amsgrad (bool, optional): Use AMSGrad. Default: ``False``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        ValueError: a negative lr, eps or weight decay, a beta outside [0, 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, 3.0]), name="w")
        >>> opt = optim.Adam([w], lr=0.1)
        >>> _ = opt((ms.Tensor([0.5, 2.0]),))
        >>> print(w.value())  # the first step moves each by lr
        [0.90000004 2.9       ]
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 amsgrad=False, *, maximize=False):
        check_adam_args("Adam", lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize))

    def _native(self, group):
        (b1, b2), h = group["betas"], self._hyper
        extra = {"use_amsgrad": True} if group["amsgrad"] else {}
        return _C.adam(self._native_group(group), h(group, b1), h(group, b2),
                       h(group, group["eps"]), False, step_powers=True, **extra)


class AdamW(Optimizer):
    r"""AdamW (decoupled weight decay): ``p *= 1 − lr·weight_decay``; ``m = β₁m + (1 − β₁)g``,
    ``v = β₂v + (1 − β₂)g²`` (`amsgrad`: the running maximum ``v̂`` of ``v`` is used);
    ``p −= lr/(1 − β₁ᵗ) · m/(√v/√(1 − β₂ᵗ) + eps)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate. Default: ``1e-3``.
        betas (tuple[float, float], optional): (β₁, β₂), each in [0, 1). Default:
            ``(0.9, 0.999)``.
        eps (float, optional): Added to the denominator. Default: ``1e-8``.
        weight_decay (float, optional): The decoupled decay. Default: ``1e-2``.
        amsgrad (bool, optional): Use AMSGrad. Default: ``False``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        ValueError: a negative lr, eps or weight decay, a beta outside [0, 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = optim.AdamW([w], lr=0.1, weight_decay=0.5)
        >>> _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())  # p·(1 - 0.05) - 0.1·sign(g)
        [ 0.84999996 -1.8       ]
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2,
                 amsgrad=False, *, maximize=False):
        check_adam_args("AdamW", lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      amsgrad=amsgrad, maximize=maximize))

    def _native(self, group):
        if group["amsgrad"]:
            return None  # the Python rule (``adam_update``)
        (b1, b2), h = group["betas"], self._hyper
        return _C.adamw(self._native_group(group), h(group, b1), h(group, b2), h(group, group["eps"]),
                        float64_step_powers=True)

    def _update(self, group, p, g, step):
        return adam_update(self, group, p, g, step, decoupled=True)
