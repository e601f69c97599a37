"""MindSpore 2.10's other optimizers: ``AdaMax``, ``Lamb``, ``FTRL``, ``ProximalAdagrad``, ``LARS`` (a
wrapper around another optimizer), ``ASGD``, ``Rprop``, ``LazyAdam`` and ``AdaFactor``, over the ``Optimizer``
base of ``optim.py`` (parameter groups, learning rates, weight decay, loss scale). The update
rules are Rust (``easy_mindspore::nn::optim``); the state Parameters carry MindSpore's names
(``lamb_m.<name>``, ``moments.<name>``/``linear.<name>``, ``accum.<name>``, ``mu_<name>``/
``eta_<name>``/``ax_.<name>``, ``prev.<name>``/``step_size.<name>``, ``moment1.<name>``,
``exp_avg.<name>``/``exp_avg_sq_row_<name>``...).

MindSpore 2.10 has no CPU kernel for ``Lamb`` and ``LARS`` (its ``Lamb`` and ``LARSUpdate``
primitives): those follow the formulas of its GPU ``Lamb`` kernel and its ``LARSUpdate``
definition. On dense gradients ``LazyAdam`` is ``Adam`` (MindSpore 2.10 gives the same numbers).
"""
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.parameter import Parameter
from .optim import Adam, Optimizer, _DynamicDecay, _strict_float
from .optim.optimizer import GradientCountError

__all__ = ["Lamb", "FTRL", "ProximalAdagrad", "LARS", "ASGD", "Rprop", "LazyAdam", "AdaFactor",
           "AdamOffload"]


def _typed(value, name, op, kind=float, label="float"):
    """MindSpore's ``check_value_type(name, value, [kind])``: a ``TypeError`` otherwise."""
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        raise DTypeError(f"For '{op}', the type of '{name}' should be '{label}', but got type "
                         f"'{type(value).__name__}'.")
    return value


def _open_unit(value, name, op):
    """A float in ``(0.0, 1.0)`` (MindSpore's ``check_float_range(..., INC_NEITHER)``)."""
    if not 0.0 < value < 1.0:
        raise ShapeError(f"For '{op}', the '{name}' must be in range of (0.0, 1.0), but got "
                         f"{value} with type 'float'.")
    return value


def _positive(value, name, op):
    if not value > 0.0:
        raise ShapeError(f"For '{op}', the '{name}' must be float and must > 0, but got "
                         f"'{value}' with type 'float'.")
    return value


def _non_negative(value, name, op):
    if not value >= 0.0:
        raise ShapeError(f"For '{op}', the '{name}' must be float and must >= 0, but got "
                         f"'{value}' with type 'float'.")
    return value


class AdaMax(Optimizer):
    """MindSpore's ``nn.AdaMax(params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08,
    weight_decay=0.0, loss_scale=1.0)``: ``m = β₁m + (1 − β₁)g``, ``v = max(β₂v, |g|)``, ``w −=
    lr/(1 − β₁ᵗ)·m/(v + eps)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.AdaMax(net.trainable_params(), learning_rate=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _GC = "decayed"
    _STATE = {"beta1_power": "beta1_power", "moment1": "moment1", "moment2": "moment2"}

    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08,
                 weight_decay=0.0, loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        op = "AdaMax"
        beta1 = _strict_float(beta1, "beta1", op)
        beta2 = _strict_float(beta2, "beta2", op)
        eps = _strict_float(eps, "eps", op)
        for name, b in (("beta1", beta1), ("beta2", beta2)):
            if not 0.0 < b < 1.0:
                raise ShapeError(f"For '{op}', the '{name}' must be in range of (0.0, 1.0), but "
                                 f"got {b}.")
        if not eps > 0.0:
            raise ShapeError(f"For '{op}', the 'eps' must be a positive float, but got {eps}.")
        self._build(_C.adamax, beta1=beta1, beta2=beta2, eps=eps)


#: ``nn.Adamax``: another spelling of MindSpore's ``nn.AdaMax``.
Adamax = AdaMax


class Lamb(Optimizer):
    """MindSpore's ``nn.Lamb(params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6,
    weight_decay=0.0)``: Adam's moments with bias correction, ``u = m̂/(√v̂ + eps) + wd·w``, and a
    layer-wise trust ratio ``r = ‖w‖/‖m̂/√(v̂ + eps) + wd·w‖`` (1 when a norm is 0, clipped to
    ``[0, 10]``): ``w −= lr·r·u``. The formula of MindSpore's GPU kernel (2.10 has none on CPU).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule]): The learning rate.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-06``.
        weight_decay (float, optional): The weight decay, added to the update. Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Raises:
        TypeError: `beta1`, `beta2` or `eps` not a float.
        ValueError: `beta1` or `beta2` not in ``(0, 1)``, `eps` not positive.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([3.0, 4.0]), name="w")
        >>> opt = nn.Lamb([w], learning_rate=0.1)
        >>> _ = opt((ms.Tensor([1.0, 1.0]),))
        >>> print(w.value())  # each moves by 0.1·‖w‖/‖u‖ = 0.1·5/√2
        [2.6464467 3.6464467]
        >>> [p.name for p in opt.moments1]
        ['lamb_m.w']
    """

    _GC = "raw"

    _STATE = {"moments1": "lamb_m", "moments2": "lamb_v"}

    def __init__(self, params, learning_rate, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        op = "Lamb"
        beta1, beta2 = _typed(beta1, "beta1", op), _typed(beta2, "beta2", op)
        eps = _typed(eps, "eps", op)
        _open_unit(beta1, "beta1", op)
        _open_unit(beta2, "beta2", op)
        _positive(eps, "eps", op)
        self._build(_C.lamb, beta1=beta1, beta2=beta2, eps=eps)


class FTRL(Optimizer):
    """MindSpore's ``nn.FTRL(params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5,
    l1=0.0, l2=0.0, use_locking=False, loss_scale=1.0, weight_decay=0.0)`` (``ApplyFtrl``):
    ``a' = a + g²``; ``l += g − (a'^−p − a^−p)/lr·w``; ``w = (l1 − l)/(a'^−p/lr + 2·l2)`` where
    ``|l| > l1``, else 0 (MindSpore 2.10's CPU kernel computes ``l1 − l`` for either sign of
    ``l``; its documentation has ``sign(l)·l1 − l``: ours gives its numbers). The rate is a fixed
    positive float; without groups every parameter is decayed (``beta``/``gamma`` ones too, as
    MindSpore's FTRL).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        initial_accum (float, optional): The initial accumulator value. Default: ``0.1``.
        learning_rate (float, optional): The learning rate (> 0). Default: ``0.001``.
        lr_power (float, optional): The power ``p`` (<= 0). Default: ``-0.5``.
        l1 (float, optional): The L1 regularization strength. Default: ``0.0``.
        l2 (float, optional): The L2 regularization strength. Default: ``0.0``.
        use_locking (bool, optional): Accepted for compatibility. Default: ``False``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Raises:
        TypeError: `initial_accum`, `learning_rate`, `lr_power`, `l1` or `l2` not a float,
            `use_locking` not a bool.
        ValueError: a dynamic or per-group rate, `learning_rate` <= 0, `lr_power` > 0, a negative
            `initial_accum`, `l1` or `l2`.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.FTRL([w], learning_rate=0.1)
        >>> _ = opt((ms.Tensor([0.5, 1.0]),))
        >>> print(w.value())
        [ 0.3809621 -1.4923235]
        >>> [p.name for p in opt.linear]
        ['linear.w']
    """

    _STATE = {"moments": "moments", "linear": "linear"}

    def __init__(self, params, initial_accum=0.1, learning_rate=0.001, lr_power=-0.5, l1=0.0,
                 l2=0.0, use_locking=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        op = "FTRL"
        if self.dynamic_lr or self.is_group_lr:
            raise ShapeError(f"For '{op}', dynamic learning rate and group learning rate are "
                             "currently not supported in FTRL, they should all be false, but got "
                             f"dynamic learning rate {self.dynamic_lr} and group learning rate "
                             f"{self.is_group_lr}.")
        _typed(initial_accum, "initial_accum", op)
        if not initial_accum >= 0.0:
            raise ShapeError(f"For '{op}', the argument 'initial_accum' must >= 0.0, but got "
                             f"{initial_accum}.")
        _positive(_typed(learning_rate, "learning_rate", op), "learning_rate", op)
        _typed(lr_power, "lr_power", op)
        if not lr_power <= 0.0:
            raise ShapeError(f"For '{op}', the argument 'lr_power' must <= 0.0, but got "
                             f"{lr_power}.")
        for name, v in (("l1", l1), ("l2", l2)):
            _typed(v, name, op)
            if not v >= 0.0:
                raise ShapeError(f"For '{op}', the argument '{name}' must >= 0.0, but got {v}.")
        _typed(use_locking, "use_locking", op, bool, "bool")
        if not self.is_group:
            self._groups[0]["flags"] = [True] * len(self._groups[0]["params"])
        self._build(_C.ftrl, initial_accum=initial_accum, lr_power=lr_power, l1=l1, l2=l2)


class ProximalAdagrad(Optimizer):
    """MindSpore's ``nn.ProximalAdagrad(params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0,
    use_locking=False, loss_scale=1.0, weight_decay=0.0)`` (``ApplyProximalAdagrad``): ``a +=
    g²``; with ``r = lr/√a``, ``v = w − r·g`` and ``w = sign(v)·max(|v| − r·l1, 0)/(1 + r·l2)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        accum (float, optional): The initial accumulator value. Default: ``0.1``.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        l1 (float, optional): The L1 regularization strength. Default: ``0.0``.
        l2 (float, optional): The L2 regularization strength. Default: ``0.0``.
        use_locking (bool, optional): Accepted for compatibility. Default: ``False``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Raises:
        TypeError: `accum`, `l1` or `l2` not a float, `use_locking` not a bool.
        ValueError: a negative `accum`, `l1` or `l2`.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.ProximalAdagrad([w], learning_rate=0.1, l1=0.1)
        >>> _ = opt((ms.Tensor([0.5, 1.0]),))
        >>> print(w.value())
        [ 0.89858145 -2.0858116 ]
    """

    _STATE = {"accum": "accum"}

    def __init__(self, params, accum=0.1, learning_rate=0.001, l1=0.0, l2=0.0,
                 use_locking=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        op = "ProximalAdagrad"
        for name, v in (("accum", accum), ("l1", l1), ("l2", l2)):
            _typed(v, name, op)
        _typed(use_locking, "use_locking", op, bool, "bool")
        for name, v in (("accum", accum), ("l1", l1), ("l2", l2)):
            _non_negative(v, name, op)
        self._build(_C.proximal_adagrad, accum=accum, l1=l1, l2=l2)


class ASGD(Optimizer):
    """MindSpore's ``nn.ASGD(params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6,
    weight_decay=0.0)`` (averaged SGD): ``η`` is the rate on the first step; ``w = w·(1 − λη) −
    η·g``; ``ax += μ·(w − ax)`` (``ax = w`` while ``μ = 1``); then ``η = lr/(1 + λ·lr·t)^α`` and
    ``μ = 1/max(1, t − t0)``. State: ``mu_<name>``, ``eta_<name>`` (scalars) and ``ax_.<name>``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.1``.
        lambd (float, optional): The decay term. Default: ``1e-4``.
        alpha (float, optional): The power of the ``η`` update. Default: ``0.75``.
        t0 (float, optional): The step at which averaging starts. Default: ``1e6``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        bool, True once the parameters are updated (MindSpore 2.10's ASGD returns a bare True).

    Raises:
        TypeError: `lambd`, `alpha` or `t0` not a float.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.ASGD([w], learning_rate=0.1)
        >>> _ = opt((ms.Tensor([0.5, 1.0]),))
        >>> print(w.value())
        [ 0.94999   -2.0999799]
        >>> [p.name for p in opt.mu + opt.eta + opt.ax]
        ['mu_w', 'eta_w', 'ax_.w']
    """

    _GC = "decayed"

    _STATE = {"mu": "mu_", "eta": "eta_", "ax": "ax_"}

    def __init__(self, params, learning_rate=0.1, lambd=1e-4, alpha=0.75, t0=1e6,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        op = "ASGD"
        for name, v in (("lambd", lambd), ("alpha", alpha), ("t0", t0)):
            _typed(v, name, op)
        self._build(_C.asgd, lambd=lambd, alpha=alpha, t0=t0)


    def construct(self, gradients):
        super().construct(gradients)
        return True  # MindSpore 2.10's ASGD returns a bare True

class Rprop(Optimizer):
    """MindSpore's ``nn.Rprop(params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6,
    50.0), weight_decay=0.0)``: with ``s = sign(g·prev)``, the step size (the rate at first) is
    multiplied by ``etaplus`` where ``s > 0`` and by ``etaminus`` where ``s < 0``, clipped to
    ``step_sizes``; where ``s < 0`` the gradient counts as 0; ``w −= sign(g)·step``; ``prev = g``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate
            (the first step size). Default: ``0.1``.
        etas (tuple[float, float], optional): ``(etaminus, etaplus)``. Default: ``(0.5, 1.2)``.
        step_sizes (tuple[float, float], optional): The minimal and maximal step sizes.
            Default: ``(1e-6, 50.0)``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        bool, True once the parameters are updated (MindSpore 2.10's Rprop returns a bare True).

    Raises:
        TypeError: `etas` or `step_sizes` not a tuple, an element not a float.
        ValueError: a tuple not of size 2, ``etaminus`` not in ``(0, 1)``, ``etaplus <= 1``, the
            minimal step size above the maximal.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.Rprop([w], learning_rate=0.1)
        >>> for g in ([0.5, 1.0], [-1.0, 2.0]):
        ...     _ = opt((ms.Tensor(g),))
        >>> print(w.value())
        [ 0.9       -2.2199998]
    """

    _GC = "decayed"

    _STATE = {"prev": "prev", "step_size": "step_size"}

    def __init__(self, params, learning_rate=0.1, etas=(0.5, 1.2), step_sizes=(1e-6, 50.0),
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        op = "Rprop"
        if not isinstance(etas, tuple):
            raise DTypeError(f"For Rprop, etas must be a tuple, but got {type(etas)}.")
        if len(etas) != 2:
            raise ShapeError(f"For Rprop, etas must be a tuple with the size of 2, but got "
                             f"{len(etas)}.")
        if not isinstance(step_sizes, tuple):
            # MindSpore 2.10's message names the type of `etas` here.
            raise DTypeError(f"For Rprop, step_sizes must be a tuple, but got {type(etas)}.")
        if len(step_sizes) != 2:
            raise ShapeError(f"For Rprop, step_sizes must be a tuple with the size of 2, but got "
                             f"{len(step_sizes)}.")
        if step_sizes[0] > step_sizes[1]:
            raise ShapeError("For Rprop, maximal step size should not be less than minimal step "
                             f"size, but got {step_sizes[0]} > {step_sizes[1]}.")
        etaminus, etaplus = etas
        if not isinstance(etaminus, float):
            raise DTypeError(f"For '{op}', the 'etaminus' must be 'float',  but got "
                             f"'{type(etaminus).__name__}'.")
        _open_unit(etaminus, "etaminus", op)
        _typed(etaplus, "etaplus", op)
        if etaplus <= 1.0:
            raise ShapeError(f"For Rprop, etaplus must be greater than 1.0, but got etaplus "
                             f"{etaplus}.")
        _typed(step_sizes[0], "min_step_sizes", op)
        _typed(step_sizes[1], "max_step_sizes", op)
        self._build(_C.rprop, etaminus=etaminus, etaplus=etaplus, step_min=step_sizes[0],
                    step_max=step_sizes[1])


    def construct(self, gradients):
        super().construct(gradients)
        return True  # MindSpore 2.10's Rprop returns a bare True

class LazyAdam(Adam):
    """MindSpore's ``nn.LazyAdam(params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8,
    use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)``: with dense
    gradients Adam's update (MindSpore 2.10 gives Adam's numbers; its lazy, row-wise update is
    for sparse gradients, which this engine does not produce). State: ``beta1_power``,
    ``beta2_power``, ``moment1.<name>``, ``moment2.<name>``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        use_locking (bool, optional): Accepted for compatibility. Default: ``False``.
        use_nesterov (bool, optional): Whether to use Nesterov momentum. Default: ``False``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Raises:
        TypeError: `beta1`, `beta2`, `eps` or `weight_decay` not a float, `use_locking` or
            `use_nesterov` not a bool.
        ValueError: `beta1` or `beta2` not in ``(0, 1)``, `eps` not positive.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.LazyAdam([w], learning_rate=0.1)
        >>> _ = opt((ms.Tensor([0.5, 1.0]),))
        >>> print(w.value())
        [ 0.90000004 -2.1       ]
    """

    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8,
                 use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        op = "LazyAdam"
        Optimizer.__init__(self, learning_rate, params, weight_decay, loss_scale)
        beta1, beta2 = _typed(beta1, "beta1", op), _typed(beta2, "beta2", op)
        eps = _typed(eps, "eps", op)
        _typed(weight_decay, "weight_dacay", op)  # sic: MindSpore 2.10's name
        _open_unit(beta1, "beta1", op)
        _open_unit(beta2, "beta2", op)
        _positive(eps, "eps", op)
        _typed(use_locking, "use_locking", op, bool, "bool")
        _typed(use_nesterov, "use_nesterov", op, bool, "bool")
        self._build(_C.adam, beta1=beta1, beta2=beta2, eps=eps, use_nesterov=use_nesterov)


class AdamOffload(Adam):
    """MindSpore's ``nn.AdamOffload(params, learning_rate=0.001, beta1=0.9, beta2=0.999,
    eps=1e-8, use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0)``: Adam
    with its update on the host CPU while the parameters stay on the device; here both are on
    the CPU, so it is ``nn.Adam`` (MindSpore 2.10 gives the same numbers and state names).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        use_locking (bool, optional): Accepted for compatibility. Default: ``False``.
        use_nesterov (bool, optional): Whether to use Nesterov momentum. Default: ``False``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0, -2.0]), name="w")
        >>> opt = nn.AdamOffload([w], learning_rate=0.1)
        >>> _ = opt((ms.Tensor([0.5, 1.0]),))
        >>> print(w.value())
        [ 0.90000004 -2.1       ]
    """

    def __init__(self, params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-8,
                 use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0):
        super().__init__(params, learning_rate, beta1, beta2, eps, use_locking, use_nesterov,
                         weight_decay, loss_scale)


def _default_lars_filter(param):
    return "LayerNorm" not in param.name and "bias" not in param.name


class LARS(Optimizer):
    """MindSpore's ``nn.LARS(optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False,
    lars_filter=lambda x: 'LayerNorm' not in x.name and 'bias' not in x.name)``: rescales the
    gradients, then steps `optimizer` with them. A parameter that `lars_filter` keeps gets
    ``(g + wd·w)·c`` with ``c = coefficient·‖w‖/(‖g‖ + wd·‖w‖ + epsilon)`` (with `use_clip`,
    ``c = clip(c/lr, 0, 1)``, ``lr`` the wrapped optimizer's rate); the others get ``g``. The
    gradients are first divided by the wrapped optimizer's loss scale, and its own weight decay
    and loss scale are turned off (LARS applies them), as MindSpore does. ``wd`` is the wrapped
    optimizer's decay of that parameter (0 where it is not decayed).

    The Cell holds MindSpore's Parameters: ``global_step`` (the wrapped optimizer's),
    ``learning_rate`` (a Parameter ``fake_lr``), ``fake_param``, the parameters, and the
    wrapped optimizer as ``opt``.

    Args:
        optimizer (Optimizer): The optimizer to wrap.
        epsilon (float, optional): Added to the denominator of ``c``. Default: ``1e-05``.
        coefficient (float, optional): The trust coefficient. Default: ``0.001``.
        use_clip (bool, optional): Whether to clip ``c/lr`` to ``[0, 1]``. Default: ``False``.
        lars_filter (Callable, optional): Which parameters LARS rescales. Default: those without
            ``LayerNorm`` or ``bias`` in their name.

    Outputs:
        tuple[bool], the wrapped optimizer's output.

    Raises:
        TypeError: `optimizer` not an Optimizer, `epsilon` or `coefficient` not a float,
            `use_clip` not a bool.
        ValueError: `use_clip` with a wrapped optimizer whose rates are both per group and
            dynamic.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([3.0, 4.0]), name="w")
        >>> opt = nn.LARS(nn.SGD([w], 1.0), coefficient=0.1)
        >>> _ = opt((ms.Tensor([0.0, 1.0]),))
        >>> print(w.value())  # c = 0.1·5/(1 + 1e-5)
        [3.       3.500005]
        >>> [n for n, _ in opt.parameters_and_names()][:5]
        ['global_step', 'learning_rate', 'fake_param', 'w', 'opt.learning_rate']
    """

    def __init__(self, optimizer, epsilon=1e-05, coefficient=0.001, use_clip=False,
                 lars_filter=_default_lars_filter):
        op = "LARS"
        if not isinstance(optimizer, Optimizer):
            raise DTypeError(f"For '{op}', the type of 'optimizer' should be 'Optimizer', but got "
                             f"type '{type(optimizer).__name__}'.")
        super().__init__(0.0, [Parameter(Tensor(0.0), name="fake_param")])
        _typed(epsilon, "epsilon", op)
        _typed(coefficient, "coefficient", op)
        _typed(use_clip, "use_clip", op, bool, "bool")
        if use_clip and optimizer.is_group_lr and optimizer.dynamic_lr:
            raise ShapeError(f"For '{op}', if the argument 'use_clip' is set to True, then the "
                             "dynamic learning rate and group learning rate cannot both be true.")
        set_ = lambda k, v: object.__setattr__(self, k, v)  # noqa: E731 (not registered)
        own, cells = self._registries()
        set_("global_step", optimizer.global_step)
        own["global_step"] = optimizer.global_step
        fake_lr = Parameter(Tensor(0.0, mstype.float32), name="fake_lr")
        self._rates[0].param = fake_lr
        own["learning_rate"] = fake_lr
        set_("parameters", optimizer.parameters)
        for p in optimizer.parameters:
            own.setdefault(p.name, p)
        set_("opt", optimizer)
        cells["opt"] = optimizer  # not renaming its Parameters, as MindSpore's
        set_("is_group", optimizer.is_group)
        set_("lars_flag", tuple(bool(lars_filter(p)) for p in optimizer.parameters))
        set_("_lars", (epsilon, coefficient, use_clip))
        # Each parameter's decay (a number or a dynamic one; 0 where not decayed) and rate.
        n = len(optimizer.parameters)
        decays, rates = [0.0] * n, [None] * n
        for g in optimizer._groups:
            for j, i in enumerate(g["index"]):
                decays[i] = g["wd"] if g["flags"][j] else 0.0
                rates[i] = g["rate"]
        set_("_decay_of", decays)
        set_("_rate_of", rates)
        set_("_inner_scale", optimizer.loss_scale)
        for native, _ in optimizer._natives:
            native.without_decay_and_scale()

    @property
    def learning_rate(self):
        """MindSpore's LARS holds a ``fake_lr`` Parameter (0.0) as its ``learning_rate``."""
        return self._rates[0].param

    def state_params(self):
        """The wrapped optimizer's state Parameters."""
        return self.opt.state_params()

    def construct(self, gradients):
        if isinstance(gradients, Tensor):
            gradients = (gradients,)
        grads = list(gradients)
        if len(grads) != len(self.parameters):
            raise GradientCountError(f"For 'LARS', expected {len(self.parameters)} gradients "
                                     f"(one per parameter), got {len(grads)}")
        if self._inner_scale != 1.0:
            grads = [g * (1.0 / self._inner_scale) for g in grads]
        epsilon, coefficient, use_clip = self._lars
        step = self.opt.global_step
        out = []
        for i, (p, g) in enumerate(zip(self.parameters, grads)):
            if not self.lars_flag[i]:
                out.append(g)
                continue
            wd = self._decay_of[i]
            wd = wd.at(step) if isinstance(wd, _DynamicDecay) else Tensor(wd, mstype.float64)
            lr = self._rate_of[i].at(step) if use_clip else Tensor(0.0, mstype.float64)
            out.append(_C.lars_gradient(p, g, wd, lr, epsilon, coefficient, use_clip))
        return self.opt(tuple(out))


class AdaFactor(Optimizer):
    """MindSpore's ``nn.AdaFactor(params, learning_rate=None, eps=(1e-30, 1e-3),
    clip_threshold=1.0, decay_rate=0.8, beta1=0.9, weight_decay=0.0, scale_parameter=True,
    relative_step=True, warmup_init=False, compression=False, loss_scale=1.0)`` (Adafactor,
    Shazeer & Stern 2018): second moments of matrices kept as row and column averages. At step
    ``t``: the rate ``ρ = min(1e-2, 1/√t)`` with `relative_step` (``1e-6·t`` for ``1e-2`` with
    `warmup_init`), else `learning_rate`, times ``max(ε₂, RMS(w))`` with `scale_parameter`;
    ``β₂ₜ = 1 − t^(−decay_rate)``; the update ``g/√V̂`` (``V̂`` from the row and column averages
    of ``g² + ε₁`` for matrices), divided by ``max(1, RMS/clip_threshold)``, averaged with
    ``β₁``; ``w −= wd·α·w + u``. The rule is Rust (``easy_mindspore::nn::optim::AdaFactor``).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The rate; None
            with `relative_step`, which computes its own. A schedule or a Tensor turns
            `scale_parameter` and the relative rate off, as in MindSpore. Default: ``None``.
        eps (tuple[float, float], optional): ``(ε₁, ε₂)``. Default: ``(1e-30, 1e-3)``.
        clip_threshold (float, optional): The largest RMS of an update. Default: ``1.0``.
        decay_rate (float, optional): The exponent of ``β₂ₜ``, in ``(0, 1)``. Default: ``0.8``.
        beta1 (float, optional): The first moment's decay; 0 or None keeps none. Default:
            ``0.9``.
        weight_decay (float, optional): The weight decay, in ``[0, 1)``. Default: ``0.0``.
        scale_parameter (bool, optional): Scale the rate by the parameter's RMS. Default:
            ``True``.
        relative_step (bool, optional): Use the time-dependent rate. Default: ``True``.
        warmup_init (bool, optional): Warm the relative rate up. Default: ``False``.
        compression (bool, optional): MindSpore keeps the vectors' second moments in Float16;
            accepted, they stay in the parameters' dtype here. Default: ``False``.
        loss_scale (float, optional): The gradients are divided by it (MindSpore's AdaFactor
            ignores it; the same numbers at its default). Default: ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated.

    Raises:
        TypeError: `eps` not a pair of floats, `clip_threshold`/`decay_rate` not floats, a flag
            not a bool.
        ValueError: `learning_rate` with `relative_step`, neither, `warmup_init` without
            `relative_step`, a value out of its range.

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([[1.0, -2.0, 3.0], [0.5, 0.1, -1.0]]), name="w")
        >>> b = ms.Parameter(ms.Tensor([0.3, -0.2, 0.1]), name="b")
        >>> opt = nn.AdaFactor([w, b])
        >>> _ = opt((ms.Tensor([[0.1, 0.2, -0.3], [0.4, -0.5, 0.6]]), ms.Tensor([1.0, -1.0, 0.5])))
        >>> print(w.value())
        [[ 0.99901384 -2.0015101   3.0018184 ]
         [ 0.49831805  0.10160971 -1.0015507 ]]
        >>> [p.name for p in opt.exp_avg_sq_row]
        ['exp_avg_sq_row_w', 'exp_avg_sq_row_b']
    """

    _GC = None
    _STATE = {"exp_avg": "exp_avg", "exp_avg_sq_row": "exp_avg_sq_row_",
              "exp_avg_sq_col": "exp_avg_sq_col_", "exp_avg_sq": "exp_avg_sq_", "step": "afactor_step"}

    def __init__(self, params, learning_rate=None, eps=(1e-30, 1e-3), clip_threshold=1.0,
                 decay_rate=0.8, beta1=0.9, weight_decay=0.0, scale_parameter=True,
                 relative_step=True, warmup_init=False, compression=False, loss_scale=1.0):
        op = "AdaFactor"
        for name, flag in (("scale_parameter", scale_parameter), ("relative_step", relative_step),
                           ("warmup_init", warmup_init), ("compression", compression)):
            if not isinstance(flag, bool):
                raise DTypeError(f"For '{op}', the '{name}' must be a bool, but got {type(flag).__name__}.")
        if learning_rate is not None and relative_step:
            raise ShapeError(f"For '{op}', cannot combine a manual 'learning_rate' ({learning_rate!r}) with "
                             "'relative_step=True'.")
        if warmup_init and not relative_step:
            raise ShapeError(f"For '{op}', 'warmup_init' requires 'relative_step=True'.")
        if learning_rate is None and not relative_step:
            raise ShapeError(f"For '{op}', 'learning_rate' cannot be None with 'relative_step=False'.")
        fixed_rate = learning_rate is None or (isinstance(learning_rate, (int, float))
                                               and not isinstance(learning_rate, bool))
        super().__init__(0.0 if learning_rate is None else learning_rate, params, weight_decay, loss_scale)
        if not isinstance(eps, (tuple, list)):
            raise DTypeError(f"For '{op}', the type of 'eps' should be a tuple or list, but got {eps!r}.")
        if len(eps) != 2:
            raise ShapeError(f"For '{op}', 'eps' must have 2 values (eps1, eps2), but got {eps!r}.")
        eps = tuple(_non_negative(_typed(e, f"eps{i}", op), f"eps{i}", op) for i, e in enumerate(eps))
        clip_threshold = _non_negative(_typed(clip_threshold, "clip_threshold", op), "clip_threshold", op)
        decay_rate = _open_unit(_typed(decay_rate, "decay_rate", op), "decay_rate", op)
        beta1 = 0.0 if beta1 is None else _typed(beta1, "beta1", op, (int, float), "int or float")
        beta1 = _non_negative(float(beta1), "beta1", op)
        if isinstance(weight_decay, (int, float)) and not 0.0 <= weight_decay < 1.0:
            raise ShapeError(f"For '{op}', the 'weight_decay' must be in [0, 1), but got {weight_decay}.")
        self._build(_C.adafactor, eps=eps, clip_threshold=clip_threshold, decay_rate=decay_rate,
                    beta1=beta1, scale_parameter=scale_parameter and fixed_rate,
                    relative_step=relative_step and fixed_rate, warmup_init=warmup_init)
