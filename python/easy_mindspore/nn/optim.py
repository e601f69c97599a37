"""Optimizers (MindSpore's ``nn.SGD``, ``nn.Adam``, ``nn.AdamWeightDecay`` and an ``nn.AdamW``):
``opt(grads)`` updates the Parameters in place — the Rust optimizer (``easy_mindspore::nn::optim``)
rebinds their shared handles, with MindSpore's formulas. ``opt.parameters`` is the
``ParameterTuple`` in gradient order, as ``value_and_grad(..., weights=opt.parameters)`` wants."""
from numbers import Number

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common.parameter import ParameterTuple
from .cell import Cell, _as_params

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamW", "AdamWeightDecay"]


def _lr(lr, name):
    if isinstance(lr, Tensor):
        if lr.size != 1:
            raise ComputeError(f"For '{name}', a learning-rate schedule (a Tensor of {lr.size} "
                               "values) is not supported; pass a number")
        lr = float(lr)
    if isinstance(lr, bool) or not isinstance(lr, Number):
        raise DTypeError(f"For '{name}', learning_rate must be a float, but got {type(lr).__name__}")
    return float(lr)


class Optimizer(Cell):
    """Base class: ``parameters``, ``learning_rate`` (get and set), ``opt(grads)``."""

    #: The constructor of the Rust optimizer (``_C.sgd``...), given the Parameters, the learning
    #: rate and the optimizer's own hyper-parameters by name.
    _new_native = None
    #: The hyper-parameters that are flags (the others are floats).
    _FLAGS = ("nesterov", "use_nesterov")

    def __init__(self, learning_rate, parameters, **hyper):
        super().__init__()
        name = type(self).__name__
        params = _as_params(parameters, name)
        if not params:
            raise ComputeError(f"For '{name}', the parameter list is empty")
        object.__setattr__(self, "parameters", ParameterTuple(params))
        lr = _lr(learning_rate, name)
        hyper = {k: bool(v) if k in self._FLAGS else float(v) for k, v in hyper.items()}
        object.__setattr__(self, "_opt", self._new_native(params, lr, **hyper))

    @property
    def learning_rate(self):
        return self._opt.learning_rate

    @learning_rate.setter
    def learning_rate(self, lr):
        self._opt.learning_rate = _lr(lr, type(self).__name__)

    def get_lr(self):
        return self._opt.learning_rate

    def construct(self, gradients):
        if isinstance(gradients, Tensor):
            gradients = (gradients,)
        self._opt.step(list(gradients))
        return True


class SGD(Optimizer):
    """``SGD(params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0,
    nesterov=False)``."""

    _new_native = staticmethod(_C.sgd)

    def __init__(self, params, learning_rate=0.1, momentum=0.0, dampening=0.0, weight_decay=0.0,
                 nesterov=False, loss_scale=1.0):
        if loss_scale != 1.0:
            raise ComputeError("For 'SGD', loss_scale is not supported")
        super().__init__(learning_rate, params, momentum=momentum, dampening=dampening,
                         weight_decay=weight_decay, nesterov=nesterov)


class Momentum(Optimizer):
    """MindSpore's ``nn.Momentum(params, learning_rate, momentum, weight_decay=0.0,
    loss_scale=1.0, use_nesterov=False)``: ``accum = momentum·accum + grad`` (the buffer starts at
    zero, so the first step moves by ``lr·grad``), then ``p -= lr·accum``, or with Nesterov
    ``p -= lr·(grad + momentum·accum)``; weight decay adds ``weight_decay·p`` to the gradient.
    This is SGD's update without dampening, run by the same Rust optimizer."""

    _new_native = staticmethod(_C.sgd)

    def __init__(self, params, learning_rate, momentum, weight_decay=0.0, loss_scale=1.0,
                 use_nesterov=False):
        if isinstance(momentum, bool) or not isinstance(momentum, Number):
            raise DTypeError("For 'Momentum', the 'momentum' must be a float, but got "
                             f"{type(momentum).__name__}")
        if momentum < 0.0:
            raise ShapeError(f"For 'Momentum', the 'momentum' must be at least 0.0, but got {momentum}")
        if loss_scale != 1.0:
            raise ComputeError("For 'Momentum', loss_scale is not supported")
        # Nesterov with a zero momentum is plain SGD (the Rust optimizer asks for momentum > 0).
        super().__init__(learning_rate, params, momentum=momentum, dampening=0.0,
                         weight_decay=weight_decay, nesterov=bool(use_nesterov) and momentum > 0.0)


class Adam(Optimizer):
    """``Adam(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, use_nesterov=False,
    weight_decay=0.0)``."""

    _new_native = staticmethod(_C.adam)

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                 use_locking=False, use_nesterov=False, weight_decay=0.0, loss_scale=1.0,
                 use_amsgrad=False):
        if loss_scale != 1.0 or use_amsgrad:
            raise ComputeError("For 'Adam', loss_scale and use_amsgrad are not supported")
        super().__init__(learning_rate, params, beta1=beta1, beta2=beta2, eps=eps,
                         weight_decay=weight_decay, use_nesterov=use_nesterov)


class AdamW(Optimizer):
    """Adam with decoupled weight decay (MindSpore's ``experimental.optim.AdamW`` formula):
    ``AdamW(params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2)``;
    ``lr=`` and ``betas=(b1, b2)`` are accepted too."""

    _new_native = staticmethod(_C.adamw)

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                 weight_decay=1e-2, *, lr=None, betas=None):
        if lr is not None:
            learning_rate = lr
        if betas is not None:
            beta1, beta2 = betas
        super().__init__(learning_rate, params, beta1=beta1, beta2=beta2, eps=eps,
                         weight_decay=weight_decay)


class AdamWeightDecay(Optimizer):
    """MindSpore's ``nn.AdamWeightDecay``: no bias correction, decay added to the update;
    defaults ``learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6, weight_decay=0.0``."""

    _new_native = staticmethod(_C.adam_weight_decay)

    def __init__(self, params, learning_rate=1e-3, beta1=0.9, beta2=0.999, eps=1e-6,
                 weight_decay=0.0):
        super().__init__(learning_rate, params, beta1=beta1, beta2=beta2, eps=eps,
                         weight_decay=weight_decay)
