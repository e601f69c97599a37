"""``mindspore.mint.optim``: PyTorch-style optimizers (``Adam``, ``AdamW``, ``FusedAdamW``,
``SGD``) over parameter groups, called with the gradients as MindSpore's optimizers are
(``optimizer(grads)``); the state (``exp_avg``, ``exp_avg_sq``, ``max_exp_avg_sq``, momentum
buffers, the step) is held in Parameters, and parameters are updated in place. The base class is
``mindspore.experimental.optim.Optimizer``, as in MindSpore: each group's ``lr`` is a Float32
Parameter, which the schedulers of ``experimental.optim.lr_scheduler`` change.

Arguments, defaults, checks and reprs are MindSpore 2.10's (measured: ``lr`` of ``Adam``/``AdamW``
must be a float, a TypeError otherwise; a negative ``lr`` or a beta outside [0, 1) is a ValueError
"Invalid ..."; ``SGD`` needs ``lr``, and ``nesterov`` needs momentum > 0 and no dampening). The
update rules are the ones MindSpore documents (PyTorch's algorithms): on its CPU build ``AdamW``
has no kernel and ``Adam``/``SGD`` left the parameters unchanged in our measurement, so the tests
compare against those algorithms written in NumPy."""
from .. import ops
from .._errors import DTypeError, ShapeError
from ..experimental.optim.optimizer import Optimizer as _Optimizer
from ..experimental.optim.sgd_adam import adam_update


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

    _decoupled = False

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0,
                 amsgrad=False, *, maximize=False):
        _check_adam(self._name, lr, betas, eps, weight_decay)
        super().__init__(params, {"lr": lr, "betas": tuple(betas), "eps": eps,
                                  "weight_decay": weight_decay, "amsgrad": amsgrad,
                                  "maximize": maximize})

    def _update(self, group, p, g, step):
        return adam_update(self, group, p, g, step, decoupled=self._decoupled)


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
        if isinstance(params, (list, tuple)):  # a group's own lr is its ``lr_float`` too, as MindSpore's
            params = [dict(g, lr_float=float(g["lr"])) if isinstance(g, dict) and "lr" in g else g
                      for g in params]
        super().__init__(params, {"lr": lr, "momentum": momentum, "weight_decay": float(weight_decay),
                                  "dampening": dampening, "nesterov": nesterov, "maximize": maximize,
                                  "lr_float": float(lr)})

    def _update(self, group, p, g, step):
        mom, damp, wd = group["momentum"], group["dampening"], group["weight_decay"]
        lr, value = self._rate(group), p.value()
        if wd:
            g = g + wd * value
        if mom:
            buf = self._buffer(p, "momentum_buffer")
            new = ops.where(step == 1, g, mom * buf + (1 - damp) * g)  # the first step starts it at g
            buf.copy_(new)
            g = g + mom * new if group["nesterov"] else new
        return value - lr * g


__all__ = ["Adam", "AdamW", "FusedAdamW", "SGD"]
