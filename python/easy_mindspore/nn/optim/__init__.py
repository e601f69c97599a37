"""``nn.optim``: optimizers with MindSpore's names, arguments and formulas: ``SGD``,
``Momentum``, ``Adam``, ``AdamW``, ``AdamWeightDecay``, ``Adagrad``, ``RMSProp``, ``Adadelta``
(the others are in ``optim_more.py``; ``optimizer.py`` is MindSpore's module of the base class,
which optimizers written outside MindSpore import).

``opt(grads)`` updates the Parameters in place: each parameter group is one Rust optimizer
(``easy_mindspore::nn::optim``) that rebinds the Parameters' shared handles; the per-parameter
arithmetic runs there. What MindSpore's ``Optimizer`` base class decides (``optimizer.py``):

- ``params`` is a list of Parameters or of groups ``{'params': [...], 'lr': ..., 'weight_decay':
  ...}`` plus an optional ``{'order_params': [...]}`` (the gradient order: the groups' parameters
  matched by name; ``is_group_params_ordered`` says it came). A group without
  ``'lr'``/``'weight_decay'`` takes the optimizer's. Without groups, parameters whose name contains
  ``beta`` or ``gamma`` are not decayed; in groups, every parameter of a group with a positive
  decay is. The errors of the parameter lists are MindSpore's ("For 'Optimizer', the argument
  parameters must not be empty.", ...), with their classes.
- ``learning_rate`` is a number, a 0-D Tensor (fixed), a list/tuple or 1-D Tensor (one rate per
  step; a step past the end is a RuntimeError, as in MindSpore) or a ``LearningRateSchedule``.
  The rate each Rust optimizer reads is a Parameter (``learning_rate``,
  ``learning_rate_group_<i>``; Float32 as in MindSpore, Float64 when a parameter is Float64, so
  Float64 training keeps its precision); a dynamic rate is written into it from ``global_step``
  (an Int32 Parameter of shape (1,), advanced by one per step) with tensor operations at each
  step, so a jitted training step is traced once and replays each step's rate. With groups
  of their own rates, ``learning_rate`` and ``get_lr()`` give one per parameter (all schedules
  when one is dynamic) and ``get_lr_parameter(p)`` the Parameter holding ``p``'s rate; lists of
  rates must all have one length.
- ``weight_decay`` (a number, or a Cell of ``global_step`` as a schedule is, written like a
  dynamic rate) and ``loss_scale``: the gradient the update rule sees is ``g/loss_scale +
  weight_decay·w``.
"""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common.parameter import Parameter
from .._lr_checks import a_bool
from .optimizer import (GroupKeyError, Optimizer, _a_float, _as_float32,  # noqa: F401
                        _DynamicDecay, _non_negative, _strict_float)

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamW", "AdamWeightDecay", "Adagrad",
           "RMSProp", "Adadelta", "AdaMax", "Adamax"]

class SGD(Optimizer):
    """``SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0,
    nesterov=False, loss_scale=1.0)``: ``v = g`` on the first step, then ``v = momentum·v +
    (1 − dampening)·g``; ``w −= lr·v`` (Nesterov: ``w −= lr·(g + momentum·v)``); plain ``w −=
    lr·g`` without momentum. As MindSpore's, it holds a ``momentum`` Parameter (read at each
    step), the buffers ``accum.<name>`` and the flags ``stat.<name>`` (ones; a step with momentum
    starts the buffers of flagged elements at the gradient and clears the flags).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.1``.
        momentum (float, optional): The momentum. Default: ``0.0``.
        dampening (float, optional): The dampening of the momentum. Default: ``0.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        nesterov (bool, optional): Whether to use Nesterov momentum. Default: ``False``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0]), name="w")
        >>> opt = nn.SGD([w], learning_rate=0.5)
        >>> _ = opt((ms.Tensor([2.0]),))
        >>> w.asnumpy().tolist()
        [0.0]
    """

    _GC = "decayed"
    _STATE = {"accum": "accum", "stat": "stat"}

    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0,
                 nesterov=False, loss_scale=1.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        if self._decays:
            raise DTypeError("For 'SGD', dynamic weight decay is currently not supported, the "
                             "argument 'weight_decay' or 'weight_decay' set in grouped 'params' "
                             "must be float or int type.")
        momentum = _non_negative(_a_float(momentum, "momentum", "SGD"), "momentum", "SGD")
        dampening = _non_negative(_a_float(dampening, "dampening", "SGD"), "dampening", "SGD")
        a_bool(nesterov, "nesterov", "SGD")
        if nesterov and (momentum <= 0.0 or dampening != 0.0):
            raise ShapeError("For 'SGD', if 'nesterov' is true, 'momentum' must be > 0.0 and "
                             f"'dampening' must equal to 0.0, but got 'momentum' {momentum}, "
                             f"'dampening' {dampening}.")
        self._build(_C.sgd, momentum=momentum, dampening=dampening, nesterov=nesterov,
                    momentum_param=self._momentum_param(momentum), stat=True)

    def _momentum_param(self, momentum):
        """MindSpore's ``momentum`` Parameter (Float32, Float64 with Float64 parameters), read by
        the rule at each step; registered after the parameters, before the buffers."""
        param = Parameter(Tensor(momentum, self._rates[0].param.dtype), name="momentum")
        object.__setattr__(self, "momentum", param)
        self._registries()[0]["momentum"] = param
        return param


class Momentum(Optimizer):
    """MindSpore's ``nn.Momentum(params, learning_rate, momentum, weight_decay=0.0,
    loss_scale=1.0, use_nesterov=False)``: ``accum = momentum·accum + g`` (from zero), then
    ``w −= lr·accum``, or with Nesterov ``w −= lr·(g + momentum·accum)`` (the documented formula;
    MindSpore 2.10's CPU kernel ignores ``use_nesterov``). SGD's rule without dampening.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        momentum (float, optional): The momentum.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        use_nesterov (bool, optional): Whether to use Nesterov momentum. Default: ``False``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _GC = "decayed"
    _STATE = {"moments": "moments"}

    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0,
                 use_nesterov=False):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        momentum = _strict_float(momentum, "momentum", "Momentum")
        if momentum < 0.0:
            raise ShapeError("For 'Momentum', the argument 'momentum' must be at least 0.0, but "
                             f"got {momentum}")
        a_bool(use_nesterov, "use_nesterov", "Momentum")
        self._build(_C.sgd, momentum=momentum, dampening=0.0,
                    nesterov=bool(use_nesterov) and momentum > 0.0, buffers="moments",
                    momentum_param=SGD._momentum_param(self, momentum))


class Adam(Optimizer):
    """``Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_locking=False,
    use_nesterov=False, weight_decay=0.0, loss_scale=1.0, use_amsgrad=False, **kwargs)``: ``m``,
    ``v`` moving averages of ``g`` and ``g²``; ``w −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v + eps)``.
    AMSGrad divides by ``√v̂ + eps`` instead, ``v̂ = max(v̂, v)`` over the steps (state
    ``vhat.<name>``; Nesterov does not apply to it, as in MindSpore 2.10). ``use_lazy`` (or
    ``use_offload``) gives Adam's numbers with dense gradients, as MindSpore 2.10 does.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        use_locking (bool, optional): Accepted for compatibility (updates are not concurrent).
            Default: ``False``.
        use_nesterov (bool, optional): Whether to use Nesterov momentum. Default: ``False``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        use_amsgrad (bool, optional): Whether to use the AMSGrad variant. Default: ``False``.
        kwargs: ``use_lazy`` and ``use_offload`` (bool, default ``False``).

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Raises:
        TypeError: a flag that is not a bool.
        KeyError: a keyword argument other than ``use_lazy``/``use_offload``.
        ValueError: ``use_lazy`` with ``use_offload``, or either with ``use_amsgrad``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.Adam(net.trainable_params(), learning_rate=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
        >>> w = ms.Parameter(ms.Tensor([1.0]), name="w")
        >>> ams = nn.Adam([w], learning_rate=0.1, use_amsgrad=True)
        >>> for g in (2.0, 0.5):
        ...     _ = ams((ms.Tensor([g]),))
        >>> print(w.value(), ams.vhat[0].value())
        [0.8169405] [0.00424595]
    """

    _GC = "decayed"
    _STATE = {"beta1_power": "beta1_power", "beta2_power": "beta2_power", "moment1": "moment1",
              "moment2": "moment2", "vhat": "vhat"}

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                 use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0,
                 use_amsgrad=False, **kwargs):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        bad = set(kwargs) - {"use_lazy", "use_offload"}
        if bad:
            raise GroupKeyError("For 'Adam', invalid keys are passed as kwargs, supported keys "
                                f"are 'use_lazy' and 'use_offload', but got {sorted(bad)}.")
        use_lazy, use_offload = kwargs.get("use_lazy", False), kwargs.get("use_offload", False)
        for name, flag in (("use_locking", use_locking), ("use_nesterov", use_nesterov),
                           ("use_amsgrad", use_amsgrad), ("use_lazy", use_lazy),
                           ("use_offload", use_offload)):
            a_bool(flag, name, "Adam")
        if use_lazy and use_offload:
            raise ShapeError("For 'Adam', 'use_lazy' and 'use_offload' can not both be True. But "
                             f"got use_lazy={use_lazy}, use_offload={use_offload}.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ShapeError("For lazy Adam and Adam with offload, there is no parameter named "
                             f"'use_amsgrad'. But got 'use_amsgrad'={use_amsgrad}.")
        self._build(_C.adam, beta1=_a_float(beta1, "beta1", "Adam"),
                    beta2=_a_float(beta2, "beta2", "Adam"), eps=_a_float(eps, "eps", "Adam"),
                    use_nesterov=bool(use_nesterov),
                    **({"use_amsgrad": True} if use_amsgrad else {}))
        if not use_amsgrad:
            object.__delattr__(self, "vhat")


class AdamW(Optimizer):
    """Adam with decoupled weight decay (MindSpore's ``experimental.optim.AdamW`` formula, every
    parameter decayed): ``AdamW(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
    weight_decay=1e-2)``; ``lr=`` and ``betas=(b1, b2)`` are accepted too.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.01``.
        lr (float, optional): PyTorch-style alias of `learning_rate`. Default: ``None``.
        betas (tuple[float, float], optional): PyTorch-style alias of ``(beta1, beta2)``. Default:
            ``None``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.AdamW(net.trainable_params(), learning_rate=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _STATE = {"exp_avg": "exp_avg", "exp_avg_sq": "exp_avg_sq"}

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                 weight_decay=1e-2, *, lr=None, betas=None):
        if lr is not None:
            learning_rate = lr
        if betas is not None:
            beta1, beta2 = betas
        super().__init__(learning_rate, params, weight_decay)
        self._build(_C.adamw, beta1=_a_float(beta1, "beta1", "AdamW"),
                    beta2=_a_float(beta2, "beta2", "AdamW"), eps=_a_float(eps, "eps", "AdamW"))


class AdamWeightDecay(Optimizer):
    """MindSpore's ``nn.AdamWeightDecay``: no bias correction, ``w −= lr·(m/(√v + eps) +
    weight_decay·w)``; defaults ``learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6,
    weight_decay=0.0``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-06``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.AdamWeightDecay(net.trainable_params(), weight_decay=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _STATE = {"moments1": "adam_m", "moments2": "adam_v"}

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay)
        op = "AdamWeightDecay"
        self._build(_C.adam_weight_decay, beta1=_a_float(beta1, "beta1", op),
                    beta2=_a_float(beta2, "beta2", op), eps=_a_float(eps, "eps", op))


class Adagrad(Optimizer):
    """MindSpore's ``nn.Adagrad(params, accum=0.1, learning_rate=0.001, update_slots=True,
    loss_scale=1.0, weight_decay=0.0)``: ``accum += g²`` (when ``update_slots``), ``w −=
    lr·g/√accum``; the accumulators start at ``accum``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        accum (float, optional): The initial accumulator value. Default: ``0.1``.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        update_slots (bool, optional): Whether the accumulators are updated. Default: ``True``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import easy_mindspore as ms
        >>> from easy_mindspore import nn
        >>> w = ms.Parameter(ms.Tensor([1.0]), name="w")
        >>> _ = nn.Adagrad([w], learning_rate=0.1)((ms.Tensor([0.5]),))
        >>> round(float(w.asnumpy()[0]), 6)  # 1 − 0.1·0.5/√(0.1 + 0.25)
        0.915485
    """

    _STATE = {"accum": "accum"}

    def __init__(self, params, accum=0.1, learning_rate=0.001, update_slots=True, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        accum = _non_negative(_strict_float(accum, "accum", "Adagrad"), "accum", "Adagrad")
        a_bool(update_slots, "update_slots", "Adagrad")
        self._build(_C.adagrad, accum=accum, update_slots=update_slots)


class RMSProp(Optimizer):
    """MindSpore's ``nn.RMSProp(params, learning_rate=0.1, decay=0.9, momentum=0.0,
    epsilon=1e-10, use_locking=False, centered=False, loss_scale=1.0, weight_decay=0.0)``:
    ``s = decay·s + (1 − decay)·g²`` (``s`` from 1), ``m = momentum·m + lr·g/√(s + ε)``, ``w −= m``;
    centered: ``ḡ = decay·ḡ + (1 − decay)·g`` and ``√(s − ḡ² + ε)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.1``.
        decay (float, optional): The decay of the mean square. Default: ``0.9``.
        momentum (float, optional): The momentum. Default: ``0.0``.
        epsilon (float, optional): A small value added for numerical stability. Default: ``1e-10``.
        use_locking (bool, optional): Accepted for compatibility (updates are not concurrent).
            Default: ``False``.
        centered (bool, optional): Whether to centre by the mean gradient. Default: ``False``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.RMSProp(net.trainable_params(), learning_rate=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _GC = "decayed"
    _STATE = {"mg": "mean_grad", "ms": "mean_square", "moment": "moment"}

    def __init__(self, params, learning_rate=0.1, decay=0.9, momentum=0.0, epsilon=1e-10,
                 use_locking=False, centered=False, loss_scale=1.0, weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        op = "RMSProp"
        decay = _non_negative(_strict_float(decay, "decay", op), "decay", op)
        momentum = _non_negative(_strict_float(momentum, "momentum", op), "momentum", op)
        epsilon = _strict_float(epsilon, "epsilon", op)
        if not epsilon > 0.0:
            raise ShapeError(f"For '{op}', the 'epsilon' must be a positive float, but got {epsilon}.")
        a_bool(use_locking, "use_locking", op)
        a_bool(centered, "centered", op)
        self._build(_C.rmsprop, decay=decay, momentum=momentum, epsilon=epsilon,
                    centered=centered)


class Adadelta(Optimizer):
    """MindSpore's ``nn.Adadelta(params, learning_rate=1.0, rho=0.9, epsilon=1e-6,
    loss_scale=1.0, weight_decay=0.0)``: ``a = ρa + (1 − ρ)g²``; ``d = √(u + ε)/√(a + ε)·g``;
    ``u = ρu + (1 − ρ)d²``; ``w −= lr·d``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``1.0``.
        rho (float, optional): The decay of the running averages. Default: ``0.9``.
        epsilon (float, optional): A small value added for numerical stability. Default: ``1e-06``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.Adadelta(net.trainable_params())
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)
    """

    _STATE = {"accum": "accum", "accum_update": "accum_update"}

    def __init__(self, params, learning_rate=1.0, rho=0.9, epsilon=1e-6, loss_scale=1.0,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, weight_decay, loss_scale)
        op = "Adadelta"
        rho = _strict_float(rho, "rho", op)
        if not 0.0 <= rho <= 1.0:
            raise ShapeError(f"For '{op}', the 'rho' must be in range of [0.0, 1.0], but got {rho}.")
        epsilon = _non_negative(_strict_float(epsilon, "epsilon", op), "epsilon", op)
        self._build(_C.adadelta, rho=rho, epsilon=epsilon)


# MindSpore's ``mindspore.nn.optim`` holds the other optimizers too (defined in optim_more.py,
# which builds on this module: imported last).
from ..optim_more import (ASGD, FTRL, LARS, AdaFactor, AdaMax, Adamax,  # noqa: E402
                         AdamOffload, Lamb, LazyAdam, ProximalAdagrad, Rprop)

__all__ += ["Lamb", "FTRL", "ProximalAdagrad", "LARS", "ASGD", "Rprop", "LazyAdam", "AdaFactor",
            "AdamOffload"]

# MindSpore keeps each optimizer in a module of its own (``mindspore.nn.optim.momentum``, ...):
# those paths name this package, so that their imports work.
import sys as _sys  # noqa: E402

for _name in ("momentum", "sgd", "adam", "adamax", "ada_grad", "adadelta", "asgd", "ftrl", "lamb",
              "lars", "lazyadam", "proximal_ada_grad", "rmsprop", "rprop"):
    _sys.modules[f"{__name__}.{_name}"] = _sys.modules[__name__]
