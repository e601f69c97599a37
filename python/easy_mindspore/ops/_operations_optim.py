"""``mindspore.ops.operations``, the optimizer primitives (re-exported by ``operations``): one
update step of a training algorithm on Parameters, written in place with ``ops.assign``, as the
custom optimizers of MindSpore model code call them (``P.ApplyAdagrad()(var, accum, lr, grad)``).

Each returns what MindSpore 2.10 documents: the updated values as Tensors (a tuple for the
algorithms that update several Parameters). The values are those MindSpore 2.10's CPU kernels
write into the Parameters; where its CPU kernels return something else (``ApplyRMSProp``,
``ApplyCenteredRMSProp``, ``Adam`` and ``AdamWeightDecay`` hand back uninitialised buffers),
ours return the documented updated values. Learning rates and the other hyperparameters are
Python numbers or 0-d Tensors."""
import math

from . import functional as F
from .._C import Parameter, Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document

__all__ = ["ApplyAdagrad", "ApplyAdagradV2", "ApplyProximalAdagrad", "ApplyRMSProp",
           "ApplyCenteredRMSProp", "ApplyAdaMax", "ApplyAdadelta", "ApplyAddSign",
           "ApplyPowerSign", "ApplyProximalGradientDescent", "ApplyKerasMomentum", "ApplyFtrl",
           "Adam", "AdamWeightDecay", "SGD"]


def _slots(op, **named):
    """The Tensors ``named`` (the variable first), checked: float dtypes, one shape."""
    items = list(named.items())
    first_name, first = items[0]
    for name, t in items:
        if not isinstance(t, Tensor):
            raise DTypeError(f"For '{op}', '{name}' must be a Parameter or Tensor, but got "
                             f"{type(t).__name__}.")
        if t.dtype not in mstype.float_type:
            raise DTypeError(f"For '{op}', '{name}' must be a float tensor, but got {t.dtype}.")
        if tuple(t.shape) != tuple(first.shape):
            raise ShapeError(f"For '{op}', '{name}' must have the shape of '{first_name}' "
                             f"{tuple(first.shape)}, but got {tuple(t.shape)}.")
    return [t for _, t in items]


def _scalar(op, name, v, like):
    """A hyperparameter as a 0-d tensor of ``like``'s dtype (a number or a 1-element Tensor)."""
    if isinstance(v, Tensor):
        if v.size != 1:
            raise ShapeError(f"For '{op}', '{name}' must be a scalar, but got shape "
                             f"{tuple(v.shape)}.")
        return v.reshape(()).astype(like.dtype)
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise DTypeError(f"For '{op}', '{name}' must be a number or a Tensor, but got "
                         f"{type(v).__name__}.")
    return Tensor(float(v), like.dtype)


def _write(pairs):
    """Assigns each new value to its Parameter; returns the new values."""
    for param, value in pairs:
        F.assign(param, value)
    return tuple(value for _, value in pairs)


def _adagrad(self, var, accum, lr, grad):
    var, accum, grad = _slots(self._OP, var=var, accum=accum, grad=grad)
    lr = _scalar(self._OP, "lr", lr, var)
    new_accum = accum + grad * grad if self.update_slots else accum
    # MindSpore 2.10's CPU kernel updates `accum` also with update_slots=False; the
    # documented meaning (and TensorFlow's) keeps it.
    denom = F.sqrt(new_accum) + getattr(self, "epsilon", 0.0)
    return _write([(var, var - lr * grad / denom), (accum, new_accum)])


def _proximal(var, lr, l1, l2):
    """``sign(v)·max(|v| − lr·l1, 0) / (1 + lr·l2)``."""
    return F.sign(var) * F.relu(F.abs(var) - lr * l1) / (1 + lr * l2)


def _proximal_adagrad(self, var, accum, lr, l1, l2, grad):
    op = "ApplyProximalAdagrad"
    var, accum, grad = _slots(op, var=var, accum=accum, grad=grad)
    lr, l1, l2 = (_scalar(op, n, v, var) for n, v in (("lr", lr), ("l1", l1), ("l2", l2)))
    new_accum = accum + grad * grad
    # The step's own learning rate lr/√accum, in the gradient step and in the proximal one, as
    # MindSpore's (and TensorFlow's) kernel computes it; the documented formula shows lr there.
    rate = lr / F.sqrt(new_accum)
    return _write([(var, _proximal(var - rate * grad, rate, l1, l2)), (accum, new_accum)])


def _proximal_gd(self, var, alpha, l1, l2, delta):
    op = "ApplyProximalGradientDescent"
    var, delta = _slots(op, var=var, delta=delta)
    alpha, l1, l2 = (_scalar(op, n, v, var) for n, v in (("alpha", alpha), ("l1", l1), ("l2", l2)))
    return _write([(var, _proximal(var - alpha * delta, alpha, l1, l2))])[0]


def _rmsprop(self, var, mean_square, moment, learning_rate, grad, decay, momentum, epsilon):
    op = "ApplyRMSProp"
    var, ms_, mom, grad = _slots(op, var=var, mean_square=mean_square, moment=moment, grad=grad)
    lr = _scalar(op, "learning_rate", learning_rate, var)
    new_ms = decay * ms_ + (1 - decay) * grad * grad
    new_mom = momentum * mom + lr * grad / F.sqrt(new_ms + epsilon)
    new_var, _, _ = _write([(var, var - new_mom), (mean_square, new_ms), (moment, new_mom)])
    return new_var


def _centered_rmsprop(self, var, mean_gradient, mean_square, moment, grad, learning_rate, decay,
                      momentum, epsilon):
    op = "ApplyCenteredRMSProp"
    var, mg, ms_, mom, grad = _slots(op, var=var, mean_gradient=mean_gradient,
                                     mean_square=mean_square, moment=moment, grad=grad)
    lr = _scalar(op, "learning_rate", learning_rate, var)
    new_mg = decay * mg + (1 - decay) * grad
    new_ms = decay * ms_ + (1 - decay) * grad * grad
    new_mom = momentum * mom + lr * grad / F.sqrt(new_ms - new_mg * new_mg + epsilon)
    out = _write([(var, var - new_mom), (mean_gradient, new_mg), (mean_square, new_ms),
                  (moment, new_mom)])
    return out[0]


def _adamax(self, var, m, v, beta1_power, lr, beta1, beta2, epsilon, grad):
    op = "ApplyAdaMax"
    var, m, v, grad = _slots(op, var=var, m=m, v=v, grad=grad)
    b1p, lr, b1, b2, eps = (_scalar(op, n, x, var) for n, x in (
        ("beta1_power", beta1_power), ("lr", lr), ("beta1", beta1), ("beta2", beta2),
        ("epsilon", epsilon)))
    new_m = b1 * m + (1 - b1) * grad
    new_v = F.maximum(b2 * v, F.abs(grad))
    return _write([(var, var - lr / (1 - b1p) * new_m / (new_v + eps)), (m, new_m), (v, new_v)])


def _adadelta(self, var, accum, accum_update, lr, rho, epsilon, grad):
    op = "ApplyAdadelta"
    var, accum, au, grad = _slots(op, var=var, accum=accum, accum_update=accum_update, grad=grad)
    lr, rho, eps = (_scalar(op, n, x, var) for n, x in (("lr", lr), ("rho", rho),
                                                         ("epsilon", epsilon)))
    new_accum = rho * accum + (1 - rho) * grad * grad
    update = F.sqrt(au + eps) * (grad / F.sqrt(new_accum + eps))
    new_au = rho * au + (1 - rho) * update * update
    return _write([(var, var - lr * update), (accum, new_accum), (accum_update, new_au)])


def _sign_rule(op, var, m, lr, beta, grad, scale):
    """AddSign and PowerSign: ``m ← β·m + (1 − β)·g``, ``var ← var − lr·scale(sign g·sign m)·g``."""
    var, m, grad = _slots(op, var=var, m=m, grad=grad)
    lr, beta = _scalar(op, "lr", lr, var), _scalar(op, "beta", beta, var)
    new_m = beta * m + (1 - beta) * grad
    agree = F.sign(grad) * F.sign(new_m)
    return _write([(var, var - lr * scale(agree) * grad), (m, new_m)])


def _add_sign(self, var, m, lr, alpha, sign_decay, beta, grad):
    alpha = _scalar("ApplyAddSign", "alpha", alpha, var)
    decay = _scalar("ApplyAddSign", "sign_decay", sign_decay, var)
    return _sign_rule("ApplyAddSign", var, m, lr, beta, grad, lambda s: alpha + decay * s)


def _power_sign(self, var, m, lr, logbase, sign_decay, beta, grad):
    base = _scalar("ApplyPowerSign", "logbase", logbase, var)
    decay = _scalar("ApplyPowerSign", "sign_decay", sign_decay, var)
    return _sign_rule("ApplyPowerSign", var, m, lr, beta, grad,
                      lambda s: F.exp(base * decay * s))


def _keras_momentum(self, var, accum, lr, grad, momentum):
    # MindSpore 2.10 has no CPU kernel for it: the documented update.
    op = "ApplyKerasMomentum"
    var, accum, grad = _slots(op, var=var, accum=accum, grad=grad)
    lr, mom = _scalar(op, "lr", lr, var), _scalar(op, "momentum", momentum, var)
    new_accum = accum * mom - grad * lr
    step = new_accum * mom - grad * lr if self.use_nesterov else new_accum
    return _write([(var, var + step), (accum, new_accum)])


def _ftrl(self, var, accum, linear, grad, lr, l1, l2, lr_power):
    op = "ApplyFtrl"
    var, accum, linear, grad = _slots(op, var=var, accum=accum, linear=linear, grad=grad)
    lr, l1, l2, power = (_scalar(op, n, x, var) for n, x in (
        ("lr", lr), ("l1", l1), ("l2", l2), ("lr_power", lr_power)))
    new_accum = accum + grad * grad
    old_p, new_p = F.pow(accum, -power), F.pow(new_accum, -power)
    new_linear = linear + (grad - (new_p - old_p) / lr * var)
    # MindSpore 2.10's CPU kernel takes `l1` for `sign(linear)·l1` whenever linear is non-zero
    # (a truth test of the value), so its negative-linear entries come out wrong; this is FTRL's
    # (and TensorFlow's) update.
    shrunk = (F.sign(new_linear) * l1 - new_linear) / (new_p / lr + 2 * l2)
    new_var = F.select(F.abs(new_linear) > l1, shrunk, F.zeros_like(var))
    return _write([(var, new_var), (accum, new_accum), (linear, new_linear)])[0]


def _adam(self, var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient):
    op = "Adam"
    var, m, v, grad = _slots(op, var=var, m=m, v=v, gradient=gradient)
    b1p, b2p, lr, b1, b2, eps = (_scalar(op, n, x, var) for n, x in (
        ("beta1_power", beta1_power), ("beta2_power", beta2_power), ("lr", lr),
        ("beta1", beta1), ("beta2", beta2), ("epsilon", epsilon)))
    new_m = b1 * m + (1 - b1) * grad
    new_v = b2 * v + (1 - b2) * grad * grad
    rate = lr * F.sqrt(1 - b2p) / (1 - b1p)
    lead = b1 * new_m + (1 - b1) * grad if self.use_nesterov else new_m
    return _write([(var, var - rate * lead / (F.sqrt(new_v) + eps)), (m, new_m), (v, new_v)])


def _adam_weight_decay(self, var, m, v, lr, beta1, beta2, epsilon, decay, gradient):
    op = "AdamWeightDecay"
    var, m, v, grad = _slots(op, var=var, m=m, v=v, gradient=gradient)
    lr, b1, b2, eps, wd = (_scalar(op, n, x, var) for n, x in (
        ("lr", lr), ("beta1", beta1), ("beta2", beta2), ("epsilon", epsilon), ("decay", decay)))
    new_m = b1 * m + (1 - b1) * grad
    new_v = b2 * v + (1 - b2) * grad * grad
    update = new_m / (F.sqrt(new_v) + eps) + wd * var
    return _write([(var, var - lr * update), (m, new_m), (v, new_v)])


def _check_sgd(dampening, nesterov):
    if nesterov and dampening != 0:
        raise ValueError(f"For 'SGD', the 'dampening' must be 0 when 'nesterov' is True, but got "
                         f"'dampening' is {dampening} and 'nesterov' is {nesterov}.")


def _sgd(self, parameters, gradient, learning_rate, accum, momentum, stat):
    op = "SGD"
    _check_sgd(self.dampening, self.nesterov)
    var, grad, accum, stat_t = _slots(op, parameters=parameters, gradient=gradient, accum=accum,
                                      stat=stat)
    lr, mom = _scalar(op, "learning_rate", learning_rate, var), _scalar(op, "momentum", momentum, var)
    if self.weight_decay:
        grad = grad + self.weight_decay * var
    first = stat_t > 0
    # A first step (stat > 0) starts the momentum at the gradient; later steps damp it.
    new_accum = F.select(first, grad, mom * accum + (1 - self.dampening) * grad)
    step = grad + mom * new_accum if self.nesterov else new_accum
    pairs = [(parameters, var - lr * step), (accum, new_accum)]
    if isinstance(stat, Parameter):
        pairs.append((stat, F.zeros_like(stat_t)))
    return _write(pairs)[0]


_CLASSES = [
    ("ApplyAdagrad", [("update_slots", True)], "(var, accum, lr, grad)",
     "``accum += grad²``, ``var −= lr·grad / √accum``; returns ``(var, accum)``.", _adagrad),
    ("ApplyAdagradV2", [("epsilon", _REQUIRED), ("update_slots", True)], "(var, accum, lr, grad)",
     "``accum += grad²``, ``var −= lr·grad / (√accum + ε)``; returns ``(var, accum)``.", _adagrad),
    ("ApplyProximalAdagrad", [("use_locking", False)], "(var, accum, lr, l1, l2, grad)",
     "``accum += grad²``, then the proximal step of rate ``r = lr/√accum``: ``v = var − r·grad``, "
     "``var = sign(v)·max(|v| − r·l1, 0) / (1 + r·l2)``; returns ``(var, accum)``.",
     _proximal_adagrad),
    ("ApplyProximalGradientDescent", [], "(var, alpha, l1, l2, delta)",
     "``v = var − α·δ``, ``var = sign(v)·max(|v| − α·l1, 0) / (1 + α·l2)``; returns ``var``.",
     _proximal_gd),
    ("ApplyRMSProp", [("use_locking", False)],
     "(var, mean_square, moment, learning_rate, grad, decay, momentum, epsilon)",
     "``s = ρ·s + (1 − ρ)·g²``, ``m = β·m + lr·g / √(s + ε)``, ``var −= m``; returns ``var``.",
     _rmsprop),
    ("ApplyCenteredRMSProp", [("use_locking", False)],
     "(var, mean_gradient, mean_square, moment, grad, learning_rate, decay, momentum, epsilon)",
     "``ḡ = ρ·ḡ + (1 − ρ)·g``, ``s = ρ·s + (1 − ρ)·g²``, ``m = β·m + lr·g / √(s − ḡ² + ε)``, "
     "``var −= m``; returns ``var``.", _centered_rmsprop),
    ("ApplyAdaMax", [], "(var, m, v, beta1_power, lr, beta1, beta2, epsilon, grad)",
     "``m = β₁·m + (1 − β₁)·g``, ``v = max(β₂·v, |g|)``, ``var −= lr/(1 − β₁ᵗ)·m/(v + ε)``; "
     "returns ``(var, m, v)``.", _adamax),
    ("ApplyAdadelta", [], "(var, accum, accum_update, lr, rho, epsilon, grad)",
     "``a = ρ·a + (1 − ρ)·g²``, ``u = √(a_u + ε)·g/√(a + ε)``, ``a_u = ρ·a_u + (1 − ρ)·u²``, "
     "``var −= lr·u``; returns ``(var, accum, accum_update)``.", _adadelta),
    ("ApplyAddSign", [], "(var, m, lr, alpha, sign_decay, beta, grad)",
     "``m = β·m + (1 − β)·g``, ``var −= lr·(α + sign_decay·sign(g)·sign(m))·g``; returns "
     "``(var, m)``.", _add_sign),
    ("ApplyPowerSign", [], "(var, m, lr, logbase, sign_decay, beta, grad)",
     "``m = β·m + (1 − β)·g``, ``var −= lr·exp(logbase·sign_decay·sign(g)·sign(m))·g``; returns "
     "``(var, m)``.", _power_sign),
    ("ApplyKerasMomentum", [("use_locking", False), ("use_nesterov", False)],
     "(var, accum, lr, grad, momentum)",
     "``accum = accum·momentum − grad·lr``, ``var += accum`` (Nesterov: ``var += "
     "accum·momentum − grad·lr``); returns ``(var, accum)``.", _keras_momentum),
    ("ApplyFtrl", [("use_locking", False)], "(var, accum, linear, grad, lr, l1, l2, lr_power)",
     "``a' = a + g²``, ``linear += g − (a'^(−p) − a^(−p))/lr·var``, ``var = (sign(linear)·l1 − "
     "linear) / (a'^(−p)/lr + 2·l2)`` where ``|linear| > l1``, else 0; ``a = a'``; returns "
     "``var``.", _ftrl),
    ("Adam", [("use_locking", False), ("use_nesterov", False)],
     "(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, gradient)",
     "``m = β₁·m + (1 − β₁)·g``, ``v = β₂·v + (1 − β₂)·g²``, ``var −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·"
     "m/(√v + ε)`` (Nesterov: ``β₁·m + (1 − β₁)·g`` for ``m``); returns ``(var, m, v)``.", _adam),
    ("AdamWeightDecay", [("use_locking", False)],
     "(var, m, v, lr, beta1, beta2, epsilon, decay, gradient)",
     "Adam's moments without bias correction, ``var −= lr·(m/(√v + ε) + decay·var)``; returns "
     "``(var, m, v)``.", _adam_weight_decay),
    ("SGD", [("dampening", 0.0), ("weight_decay", 0.0), ("nesterov", False)],
     "(parameters, gradient, learning_rate, accum, momentum, stat)",
     "``g += weight_decay·w``; ``accum = g`` where ``stat > 0`` (a first step), else "
     "``momentum·accum + (1 − dampening)·g``; ``w −= lr·accum`` (Nesterov: ``lr·(g + "
     "momentum·accum)``); a Parameter ``stat`` is set to 0; returns ``w``.", _sgd),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)
    globals()[_name]._OP = _name


def _check_init(cls, check):
    """Runs ``check(self)`` after the class's constructor (MindSpore checks at construction)."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        check(self)
    __init__.__signature__ = init.__signature__
    cls.__init__ = __init__


def _check_epsilon(self):
    if isinstance(self.epsilon, bool) or not isinstance(self.epsilon, (int, float)) \
            or not math.isfinite(self.epsilon):
        raise DTypeError(f"For 'ApplyAdagradV2', 'epsilon' must be a float, but got "
                         f"{self.epsilon!r}.")


_check_init(globals()["SGD"], lambda self: _check_sgd(self.dampening, self.nesterov))
_check_init(globals()["ApplyAdagradV2"], _check_epsilon)

# One example per class: setup lines, the call and what it prints (the updated values equal, to
# the digits shown, to those MindSpore 2.10's CPU kernels write for the same call).
_SETUP = ["var = ms.Parameter(ms.Tensor([1., 2., 3.]), name='var')",
          "acc = ms.Parameter(ms.Tensor([0.1, 0.2, 0.3]), name='acc')",
          "g = ms.Tensor([0.5, -1., 2.])"]
_EXAMPLES = {
    "ApplyAdagrad": (_SETUP, "ops.ApplyAdagrad()(var, acc, 0.1, g)[0]",
                     "[0.91548455 2.0912871  2.9035513 ]"),
    "ApplyAdagradV2": (_SETUP, "ops.ApplyAdagradV2(epsilon=1e-6)(var, acc, 0.1, g)[1]",
                       "[0.35 1.2  4.3 ]"),
    "ApplyProximalAdagrad": (_SETUP[1:] + ["var = ms.Parameter(ms.Tensor([1., -2., 0.01]), "
                                           "name='var')"],
                             "ops.ApplyProximalAdagrad()(var, acc, 0.1, 0.05, 0.2, g)[0]",
                             "[ 0.8773724  -1.870007   -0.08323456]"),
    "ApplyProximalGradientDescent": (["var = ms.Parameter(ms.Tensor([1., -2.]), name='var')"],
                                     "ops.ApplyProximalGradientDescent()(var, 0.1, 0.05, 0.2, "
                                     "ms.Tensor([1., 1.]))", "[ 0.877451  -2.0539215]"),
    "ApplyRMSProp": (_SETUP + ["mom = ms.Parameter(ms.Tensor([0.01, 0.02, 0.03]), name='mom')"],
                     "ops.ApplyRMSProp()(var, acc, mom, 0.1, g, 0.9, 0.5, 1e-6)",
                     "[0.8475587 2.1789818 2.7406614]"),
    "ApplyCenteredRMSProp": (_SETUP + ["mg = ms.Parameter(ms.Tensor([0.05, 0., 0.1]), name='mg')",
                                       "mom = ms.Parameter(ms.Tensor([0.01, 0.02, 0.03]), "
                                       "name='mom')"],
                             "ops.ApplyCenteredRMSProp()(var, mg, acc, mom, g, 0.1, 0.9, 0.5, "
                             "1e-6)", "[0.84140885 2.1824498  2.723713  ]"),
    "ApplyAdaMax": (_SETUP + ["v = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='v')"],
                    "ops.ApplyAdaMax()(var, acc, v, 0.9, 0.1, 0.9, 0.99, 1e-8, g)[0]",
                    "[0.72      1.9200001 2.765    ]"),
    "ApplyAdadelta": (_SETUP + ["au = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='au')"],
                      "ops.ApplyAdadelta()(var, acc, au, 0.1, 0.9, 1e-6, g)[2]",
                      "[0.55869496 0.62857115 0.7485077 ]"),
    "ApplyAddSign": (_SETUP + ["m = ms.Parameter(ms.Tensor([0.1, -0.2, 0.3]), name='m')"],
                     "ops.ApplyAddSign()(var, m, 0.1, 1.0, 0.5, 0.9, g)[0]",
                     "[0.925 2.15  2.7  ]"),
    "ApplyPowerSign": (_SETUP + ["m = ms.Parameter(ms.Tensor([0.1, -0.2, 0.3]), name='m')"],
                       "ops.ApplyPowerSign()(var, m, 0.1, 2.718281828, 0.5, 0.9, g)[0]",
                       "[0.80535764 2.3892846  2.2214305 ]"),
    "ApplyKerasMomentum": (_SETUP, "ops.ApplyKerasMomentum()(var, acc, 0.1, g, 0.9)[0]",
                           "[1.04 2.28 3.07]"),
    "ApplyFtrl": (_SETUP + ["lin = ms.Parameter(ms.Tensor([0.01, 0.02, -0.03]), name='lin')"],
                  "ops.ApplyFtrl()(var, acc, lin, g, 0.1, 0.05, 0.2, -0.5)",
                  "[0.34733605 1.2237166  2.0702467 ]"),
    "Adam": (_SETUP + ["v = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='v')"],
             "ops.Adam()(var, acc, v, 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, g)[0]",
             "[0.99937373 1.9996424  2.9979055 ]"),
    "AdamWeightDecay": (_SETUP + ["v = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='v')"],
                        "ops.AdamWeightDecay()(var, acc, v, 0.01, 0.9, 0.999, 1e-8, 0.1, g)[0]",
                        "[0.9970196 1.9968692 2.9903762]"),
    "SGD": (_SETUP, "ops.SGD(0.1, 0.01)(var, g, ms.Tensor(0.1), acc, ms.Tensor(0.9), "
                    "ms.Tensor([1., 0., 1.]))", "[0.949  2.0702 2.797 ]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)
