"""``Adadelta``, ``Adagrad``, ``RMSprop``, ``Rprop`` and ``ASGD`` of
``mindspore.experimental.optim``, with MindSpore 2.10's arguments, checks and formulas (measured
there). ``Adadelta``, ``Rprop`` and ``ASGD`` run the Rust optimizers of ``nn.optim`` (the same
formulas as MindSpore's kernels); ``Adagrad`` (``ApplyAdagradV2``: ``eps`` and a decaying lr)
and ``RMSprop`` (``eps`` outside the root, ``lr`` after the momentum) are one sequence of tensor
operations per parameter.
"""
from ... import _C, ops
from ._checks import a_float, at_least, greater, in_range, pair
from .optimizer import Optimizer

__all__ = ["Adadelta", "Adagrad", "RMSprop", "Rprop", "ASGD"]


class Adadelta(Optimizer):
    r"""Adadelta: ``g += weight_decay·p``; ``a = ρa + (1 − ρ)g²``; ``d = √(u + eps)/√(a + eps)·g``;
    ``u = ρu + (1 − ρ)d²``; ``p −= lr·d``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``1.0``.
        rho (float, optional): The decay of the running averages, in [0, 1]. Default: ``0.9``.
        eps (float, optional): Added inside the roots (> 0). Default: ``1e-6``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        TypeError: `rho` not a float.
        ValueError: lr or eps not positive, a negative weight decay, `rho` outside [0, 1].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0]), name="w")
        >>> _ = optim.Adadelta([w], lr=1.0, eps=0.01)((ms.Tensor([2.0]),))
        >>> print(w.value())  # 1 - √0.01/√(0.4 + 0.01)·2
        [0.68765247]
    """

    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0, *, maximize=False):
        op = "Adadelta"
        greater(lr, "lr", op)
        greater(eps, "eps", op)
        at_least(weight_decay, "weight_decay", op)
        in_range(rho, "rho", op, 0.0, 1.0, "both")
        super().__init__(params, dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay,
                                      maximize=maximize))

    def _native(self, group):
        return _C.adadelta(self._native_group(group), self._hyper(group, group["rho"]),
                           self._hyper(group, group["eps"]))


class Adagrad(Optimizer):
    r"""Adagrad (MindSpore's ``ApplyAdagradV2``): ``g += weight_decay·p``; ``a += g²`` (``a``
    starts at `initial_accumulator_value`); ``p −= lr/(1 + (t − 1)·lr_decay) · g/(√a + eps)`` at
    step ``t``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``1e-2``.
        lr_decay (float, optional): The decay of the rate. Default: ``0.0``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        initial_accumulator_value (float, optional): The start of the sums of squares.
            Default: ``0.0``.
        eps (float, optional): Added to the denominator (> 0). Default: ``1e-10``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        ValueError: lr or eps not positive, a negative `lr_decay`, weight decay or initial
            accumulator value.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = optim.Adagrad([w], lr=0.1)
        >>> _ = opt((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())  # each moves by lr: g/√g² = ±1
        [ 0.9 -1.9]
    """

    def __init__(self, params, lr=1e-2, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0,
                 eps=1e-10, *, maximize=False):
        op = "Adagrad"
        greater(lr, "lr", op)
        at_least(lr_decay, "lr_decay", op)
        at_least(weight_decay, "weight_decay", op)
        at_least(initial_accumulator_value, "initial_accumulator_value", op)
        greater(eps, "eps", op)
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value,
                                      maximize=maximize))

    def _update(self, group, p, g, step):
        value = p.value()
        if group["weight_decay"]:
            g = g + group["weight_decay"] * value
        accum = self._buffer(p, "accum", float(group["initial_accumulator_value"]))
        a = accum + g * g
        accum.copy_(a)
        before = (step - 1).astype(value.dtype)  # steps taken before this one
        lr = self._rate(group) / (1 + before * group["lr_decay"])
        return value - lr * g / (ops.sqrt(a) + group["eps"])


class RMSprop(Optimizer):
    r"""RMSprop: ``g += weight_decay·p``; ``s = αs + (1 − α)g²``; ``d = √s + eps`` (`centered`:
    ``ḡ = αḡ + (1 − α)g``, ``d = √(s − ḡ²) + eps``); with momentum ``b = momentum·b + g/d``,
    ``p −= lr·b``, else ``p −= lr·g/d``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``1e-2``.
        alpha (float, optional): The decay of the mean square (>= 0). Default: ``0.99``.
        eps (float, optional): Added to the denominator (> 0). Default: ``1e-8``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        momentum (float, optional): The momentum (>= 0). Default: ``0.0``.
        centered (bool, optional): Divide by the centred root mean square. Default: ``False``.
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        ValueError: lr or eps not positive, a negative alpha, momentum or weight decay.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0]), name="w")
        >>> _ = optim.RMSprop([w], lr=0.01, alpha=0.75)((ms.Tensor([2.0]),))
        >>> print(w.value())  # 1 - 0.01·2/√(0.25·4)
        [0.98]
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0,
                 centered=False, maximize=False):
        op = "RMSprop"
        greater(lr, "lr", op)
        at_least(alpha, "alpha", op)
        greater(eps, "eps", op)
        at_least(momentum, "momentum", op)
        at_least(weight_decay, "weight_decay", op)
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps,
                                      centered=centered, weight_decay=weight_decay,
                                      maximize=maximize))

    def _update(self, group, p, g, step):
        value, alpha = p.value(), group["alpha"]
        if group["weight_decay"]:
            g = g + group["weight_decay"] * value
        square = self._buffer(p, "mean_square")
        s = alpha * square + (1 - alpha) * g * g
        square.copy_(s)
        if group["centered"]:
            mean = self._buffer(p, "mean_grad")
            m = alpha * mean + (1 - alpha) * g
            mean.copy_(m)
            s = s - m * m
        step_dir = g / (ops.sqrt(s) + group["eps"])
        if group["momentum"] > 0:
            buf = self._buffer(p, "moment")
            step_dir = group["momentum"] * buf + step_dir
            buf.copy_(step_dir)
        return value - self._rate(group) * step_dir


class Rprop(Optimizer):
    r"""Rprop (resilient backpropagation): each element's step size (lr at the first step) is
    multiplied by ``etas[1]`` where the gradient kept its sign, by ``etas[0]`` where it changed
    (and that gradient counts as 0), clipped to `step_sizes`; ``p −= sign(g)·step``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The first step size (> 0). Default: ``1e-2``.
        etas (tuple[float, float], optional): (decrease, increase) factors, ``0 < etas[0] < 1 <
            etas[1]``. Default: ``(0.5, 1.2)``.
        step_sizes (tuple[float, float], optional): The least and greatest step sizes. Default:
            ``(1e-6, 50)``.

    Keyword Args:
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        TypeError: ``etas[0]`` not a float.
        ValueError: lr not positive, ``etas[0]`` outside (0, 1), ``etas[1]`` not above 1.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = optim.Rprop([w], lr=0.1)
        >>> for g in ([0.5, -1.0], [0.5, 1.0]):
        ...     _ = opt((ms.Tensor(g),))
        >>> print(w.value())  # steps 0.1 then 0.12 (same sign) / 0.05 (sign changed: no move)
        [ 0.78 -1.9 ]
    """

    def __init__(self, params, lr=1e-2, etas=(0.5, 1.2), step_sizes=(1e-6, 50), *, maximize=False):
        op = "Rprop"
        greater(lr, "lr", op)
        greater(pair(etas, "etas", op)[1], "etas[1]", op, 1.0)
        in_range(etas[0], "etas[0]", op, 0.0, 1.0, "neither")
        pair(step_sizes, "step_sizes", op)
        super().__init__(params, dict(lr=lr, etas=etas, step_sizes=step_sizes, maximize=maximize))

    def _native(self, group):
        (minus, plus), (low, high), h = group["etas"], group["step_sizes"], self._hyper
        return _C.rprop(self._native_group(group), h(group, minus), h(group, plus), h(group, low),
                        h(group, high))


class ASGD(Optimizer):
    r"""Averaged SGD: ``g += weight_decay·p``; ``η`` = lr at the first step; ``p = p·(1 − λη) −
    η·g``; the average ``ax += μ(p − ax)``; then ``η = lr/(1 + λ·lr·t)^α`` and ``μ = 1/max(1,
    t − t0)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters, or groups of them.
        lr (Union[int, float, Tensor], optional): The learning rate (> 0). Default: ``1e-2``.
        lambd (float, optional): The decay term λ. Default: ``1e-4``.
        alpha (float, optional): The power of the rate's decay. Default: ``0.75``.
        t0 (float, optional): The step at which averaging starts. Default: ``1e6``.
        weight_decay (float, optional): The L2 coefficient. Default: ``0.0``.
        maximize (bool, optional): Ascend instead of descend. Default: ``False``.

    Outputs:
        bool, True.

    Raises:
        TypeError: `lambd` or `t0` not a float.
        ValueError: lr not positive, a negative weight decay.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.experimental import optim
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> _ = optim.ASGD([w], lr=0.1, lambd=0.0)((ms.Tensor([0.5, -1.0]),))
        >>> print(w.value())
        [ 0.95 -1.9 ]
    """

    def __init__(self, params, lr=1e-2, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0,
                 maximize=False):
        op = "ASGD"
        greater(lr, "lr", op)
        at_least(weight_decay, "weight_decay", op)
        a_float(lambd, "lambd", op)
        a_float(t0, "t0", op)
        super().__init__(params, dict(lr=lr, lambd=lambd, alpha=alpha, t0=t0,
                                      weight_decay=weight_decay, maximize=maximize))

    def _native(self, group):
        h = self._hyper
        return _C.asgd(self._native_group(group), h(group, group["lambd"]), h(group, group["alpha"]),
                       float(group["t0"]))
