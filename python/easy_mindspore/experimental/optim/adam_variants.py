"""``Adamax``, ``NAdam`` and ``RAdam`` of ``mindspore.experimental.optim``, with MindSpore 2.10's
arguments, checks and formulas (measured there), each one sequence of tensor operations per
parameter. The step-dependent scalars (``βᵗ``, NAdam's ``μₜ``, RAdam's ``ρₜ``) are computed from
the step count tensor in Float64, so a jitted step is traced once and ``1 − βᵗ`` keeps its
digits."""
from ... import ops
from ...common import dtype as mstype
from ._checks import at_least, greater, in_range, pair
from .optimizer import Optimizer

__all__ = ["Adamax", "NAdam", "RAdam"]


def _check(op, lr, betas, eps, weight_decay):
    greater(lr, "lr", op)
    at_least(weight_decay, "weight_decay", op)
    greater(eps, "eps", op)
    pair(betas, "betas", op)
    in_range(betas[0], "betas[0]", op, 0.0, 1.0, "left")
    in_range(betas[1], "betas[1]", op, 0.0, 1.0, "left")


def _power(base, t):
    """``base ** t`` (a Float64 0-D Tensor) for a Python float `base`."""
    return ops.pow(ops.full((), base, mstype.float64), t)


def _moments(opt, p, g, b1, b2):
    """Updates and returns Adam's ``m = β₁m + (1 − β₁)g`` and ``v = β₂v + (1 − β₂)g²``."""
    m, v = opt._buffer(p, "exp_avg"), opt._buffer(p, "exp_avg_sq")
    m_new = b1 * m + (1 - b1) * g
    v_new = b2 * v + (1 - b2) * g * g
    m.copy_(m_new)
    v.copy_(v_new)
    return m_new, v_new


class Adamax(Optimizer):
    r"""Adamax (Adam with the infinity norm): ``g += weight_decay·p``; ``m = β₁m + (1 − β₁)g``;
    ``u = max(β₂u, |g| + eps)``; ``p −= lr/(1 − β₁ᵗ) · m/u``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``2e-3``.
        betas (tuple[float, float], optional): (β₁, β₂), floats in [0, 1). Default:
            ``(0.9, 0.999)``.
        eps (float, optional): Added to ``|g|`` (> 0). Default: ``1e-8``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        TypeError: a beta that is not a float.
        ValueError: lr or eps not positive, a negative weight decay, a beta outside [0, 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> _ = optim.Adamax([w], lr=0.1)((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())
        [ 0.9 -1.9]
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, *,
                 maximize=False):
        _check("Adamax", lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      maximize=maximize))

    def _update(self, group, p, g, step):
        value, (b1, b2) = p.value(), group["betas"]
        if group["weight_decay"]:
            g = g + group["weight_decay"] * value
        m, inf = self._buffer(p, "exp_avg"), self._buffer(p, "exp_inf")
        m_new = b1 * m + (1 - b1) * g
        u = ops.maximum(b2 * inf, ops.abs(g) + group["eps"])
        m.copy_(m_new)
        inf.copy_(u)
        bc1 = (1 - _power(b1, step.astype(mstype.float64))).astype(value.dtype)
        return value - (self._rate(group) / bc1) * m_new / u


class NAdam(Optimizer):
    r"""NAdam (Adam with Nesterov momentum): ``g += weight_decay·p``; ``μₜ = β₁(1 − ½·0.96^(t·ψ))``
    (``ψ`` the momentum decay), ``Πₜ = Πₜ₋₁μₜ``; ``m``, ``v`` as Adam; ``d = √(v/(1 − β₂ᵗ)) + eps``;
    ``p −= lr(1 − μₜ)/(1 − Πₜ) · g/d + lr·μₜ₊₁/(1 − Πₜμₜ₊₁) · m/d``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``2e-3``.
        betas (tuple[float, float], optional): (β₁, β₂), floats in [0, 1). Default:
            ``(0.9, 0.999)``.
        eps (float, optional): Added to the denominator (> 0). Default: ``1e-8``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        momentum_decay (float, optional): ``ψ`` (>= 0). Default: ``4e-3``.

    Outputs:
        bool, True.

    Raises:
        TypeError: a beta that is not a float.
        ValueError: lr or eps not positive, a negative weight decay or momentum decay, a beta
            outside [0, 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> _ = optim.NAdam([w], lr=0.1)((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())
        [ 0.8943548 -1.8943548]
    """

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 momentum_decay=4e-3):
        _check("NAdam", lr, betas, eps, weight_decay)
        at_least(momentum_decay, "momentum_decay", "NAdam")
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                                      momentum_decay=momentum_decay))

    def _update(self, group, p, g, step):
        value, (b1, b2), psi = p.value(), group["betas"], group["momentum_decay"]
        if group["weight_decay"]:
            g = g + group["weight_decay"] * value
        t = step.astype(mstype.float64)
        mu = b1 * (1.0 - 0.5 * _power(0.96, t * psi))
        mu_next = b1 * (1.0 - 0.5 * _power(0.96, (t + 1) * psi))
        product = self._buffer(p, "mu_product", 1.0, shape=())
        prod = product.astype(mstype.float64) * mu
        product.copy_(prod.astype(product.dtype))
        m, v = _moments(self, p, g, b1, b2)
        bc2 = (1 - _power(b2, t)).astype(value.dtype)
        denom = ops.sqrt(v / bc2) + group["eps"]
        lr = self._rate(group)
        grad_coef = ((1 - mu) / (1 - prod)).astype(value.dtype)
        mom_coef = (mu_next / (1 - prod * mu_next)).astype(value.dtype)
        return value - lr * grad_coef * g / denom - lr * mom_coef * m / denom


class RAdam(Optimizer):
    r"""RAdam (rectified Adam): ``g += weight_decay·p``; ``m``, ``v`` as Adam; ``ρ∞ = 2/(1 − β₂) −
    1``, ``ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)``; when ``ρₜ > 5``, ``p −= lr·m/(1 − β₁ᵗ) · r·√(1 − β₂ᵗ)/(√v +
    eps)`` with ``r = √((ρₜ − 4)(ρₜ − 2)ρ∞/((ρ∞ − 4)(ρ∞ − 2)ρₜ))``, else ``p −= lr·m/(1 − β₁ᵗ)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``1e-3``.
        betas (tuple[float, float], optional): (β₁, β₂), floats in [0, 1). Default:
            ``(0.9, 0.999)``.
        eps (float, optional): Added to the denominator (> 0). Default: ``1e-8``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.

    Outputs:
        bool, True.

    Raises:
        TypeError: a beta that is not a float.
        ValueError: lr or eps not positive, a negative weight decay, a beta outside [0, 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> _ = optim.RAdam([w], lr=0.1)((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())  # first steps: p -= lr·m/(1 - β₁ᵗ) = lr·g
        [ 0.95 -1.9 ]
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        _check("RAdam", lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay))

    def _update(self, group, p, g, step):
        value, (b1, b2) = p.value(), group["betas"]
        if group["weight_decay"]:
            g = g + group["weight_decay"] * value
        m, v = _moments(self, p, g, b1, b2)
        t = step.astype(mstype.float64)
        bc1 = (1 - _power(b1, t)).astype(value.dtype)
        plain = self._rate(group) * m / bc1
        rho_inf = 2.0 / (1.0 - b2) - 1.0
        if rho_inf <= 5.0:  # ρₜ < ρ∞: never rectified
            return value - plain
        b2t = _power(b2, t)
        rho_t = rho_inf - 2 * t * b2t / (1 - b2t)
        ratio = (rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)
        rect = ops.sqrt(ops.maximum(ratio, ops.zeros_like(ratio)))  # not NaN where unused
        scale = (rect * ops.sqrt(1 - b2t)).astype(value.dtype)
        rectified = plain * scale / (ops.sqrt(v) + group["eps"])
        return value - ops.where(rho_t > 5.0, rectified, plain)
