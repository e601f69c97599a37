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

import numpy as _np

from . import functional as F
from .._C import Parameter, Tensor
from .._errors import DTypeError, ShapeError, TensorIndexError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document

__all__ = ["ApplyAdagrad", "ApplyAdagradV2", "ApplyProximalAdagrad", "ApplyRMSProp",
           "ApplyCenteredRMSProp", "ApplyAdaMax", "ApplyAdadelta", "ApplyAddSign",
           "ApplyPowerSign", "ApplyProximalGradientDescent", "ApplyKerasMomentum", "ApplyFtrl",
           "Adam", "AdamWeightDecay", "SGD", "ApplyAdagradDA", "ApplyAdamWithAmsgrad",
           "ApplyAdamWithAmsgradV2", "SparseApplyAdagrad", "SparseApplyAdagradV2",
           "SparseApplyProximalAdagrad", "SparseApplyRMSProp", "SparseApplyFtrl",
           "SparseApplyFtrlV2", "SparseApplyAdadelta"]


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


def _adagrad_rule(var, accum, grad, lr, epsilon, update_slots):
    new_accum = accum + grad * grad if update_slots else accum
    return var - lr * grad / (F.sqrt(new_accum) + epsilon), new_accum


def _adagrad(self, var, accum, lr, grad):
    var, accum, grad = _slots(self._OP, var=var, accum=accum, grad=grad)
    lr = _scalar(self._OP, "lr", lr, var)
    # MindSpore 2.10's CPU kernel updates `accum` also with update_slots=False; the
    # documented meaning (and TensorFlow's) keeps it.
    new = _adagrad_rule(var, accum, grad, lr, getattr(self, "epsilon", 0.0), self.update_slots)
    return _write(list(zip((var, accum), new)))


def _proximal(var, lr, l1, l2):
    """``sign(v)·max(|v| − lr·l1, 0) / (1 + lr·l2)``."""
    return F.sign(var) * F.relu(F.abs(var) - lr * l1) / (1 + lr * l2)


def _proximal_adagrad(self, var, accum, lr, l1, l2, grad):
    op = "ApplyProximalAdagrad"
    var, accum, grad = _slots(op, var=var, accum=accum, grad=grad)
    lr, l1, l2 = (_scalar(op, n, v, var) for n, v in (("lr", lr), ("l1", l1), ("l2", l2)))
    return _write(list(zip((var, accum), _proximal_adagrad_rule(var, accum, grad, lr, l1, l2))))


def _proximal_adagrad_rule(var, accum, grad, lr, l1, l2):
    new_accum = accum + grad * grad
    # The step's own learning rate lr/√accum, in the gradient step and in the proximal one, as
    # MindSpore's (and TensorFlow's) kernel computes it; the documented formula shows lr there.
    rate = lr / F.sqrt(new_accum)
    return _proximal(var - rate * grad, rate, l1, l2), new_accum


def _proximal_gd(self, var, alpha, l1, l2, delta):
    op = "ApplyProximalGradientDescent"
    var, delta = _slots(op, var=var, delta=delta)
    alpha, l1, l2 = (_scalar(op, n, v, var) for n, v in (("alpha", alpha), ("l1", l1), ("l2", l2)))
    return _write([(var, _proximal(var - alpha * delta, alpha, l1, l2))])[0]


def _rmsprop(self, var, mean_square, moment, learning_rate, grad, decay, momentum, epsilon):
    op = "ApplyRMSProp"
    var, ms_, mom, grad = _slots(op, var=var, mean_square=mean_square, moment=moment, grad=grad)
    lr = _scalar(op, "learning_rate", learning_rate, var)
    new = _rmsprop_rule(var, ms_, mom, grad, lr, decay, momentum, epsilon)
    return _write(list(zip((var, mean_square, moment), new)))[0]


def _rmsprop_rule(var, mean_square, moment, grad, lr, decay, momentum, epsilon):
    new_ms = decay * mean_square + (1 - decay) * grad * grad
    new_mom = momentum * moment + lr * grad / F.sqrt(new_ms + epsilon)
    return var - new_mom, new_ms, new_mom


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
    return _write(list(zip((var, accum, accum_update),
                           _adadelta_rule(var, accum, au, grad, lr, rho, eps))))


def _adadelta_rule(var, accum, accum_update, grad, lr, rho, epsilon):
    new_accum = rho * accum + (1 - rho) * grad * grad
    update = F.sqrt(accum_update + epsilon) * (grad / F.sqrt(new_accum + epsilon))
    new_au = rho * accum_update + (1 - rho) * update * update
    return var - lr * update, new_accum, new_au


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
    # MindSpore 2.10's CPU kernel takes `l1` for `sign(linear)·l1` whenever linear is non-zero
    # (a truth test of the value), so its negative-linear entries come out wrong; this is FTRL's
    # (and TensorFlow's) update.
    new = _ftrl_rule(var, accum, linear, grad, lr, l1, l2, power)
    return _write(list(zip((var, accum, linear), new)))[0]


def _ftrl_rule(var, accum, linear, grad, lr, l1, l2, power, shrinkage=0.0):
    """FTRL; a `shrinkage` (FtrlV2's ``l2_shrinkage``) adds ``2·shrinkage·var`` to the gradient
    of the linear term."""
    new_accum = accum + grad * grad
    old_p, new_p = F.pow(accum, -power), F.pow(new_accum, -power)
    shrunk_grad = grad + 2 * shrinkage * var
    new_linear = linear + (shrunk_grad - (new_p - old_p) / lr * var)
    shrunk = (F.sign(new_linear) * l1 - new_linear) / (new_p / lr + 2 * l2)
    new_var = F.select(F.abs(new_linear) > l1, shrunk, F.zeros_like(var))
    return new_var, new_accum, new_linear


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


def _adagrad_da(self, var, gradient_accumulator, gradient_squared_accumulator, grad, lr, l1, l2,
                global_step):
    op = "ApplyAdagradDA"
    var, ga, gsa, grad = _slots(
        op, var=var, gradient_accumulator=gradient_accumulator,
        gradient_squared_accumulator=gradient_squared_accumulator, grad=grad)
    lr, l1, l2 = (_scalar(op, n, x, var) for n, x in (("lr", lr), ("l1", l1), ("l2", l2)))
    step = _step(op, global_step)
    new_ga, new_gsa = ga + grad, gsa + grad * grad
    # MindSpore 2.10's CPU kernel shrinks ``ga − l1·step`` for a negative ``ga`` too (it drops
    # the sign); this is the documented ``sign(ga)·max(|ga| − l1·step, 0)``.
    shrunk = F.sign(new_ga) * F.relu(F.abs(new_ga) - l1 * step)
    tmp = shrunk if float(l1.asnumpy()) > 0 else new_ga
    new_var = -lr * tmp / (l2 * step * lr + F.sqrt(new_gsa))
    return _write([(var, new_var), (gradient_accumulator, new_ga),
                   (gradient_squared_accumulator, new_gsa)])[0]


def _step(op, v):
    """A training step count: an int or a 1-element integer Tensor."""
    if isinstance(v, Tensor):
        if v.dtype not in (mstype.int32, mstype.int64) or v.size != 1:
            raise DTypeError(f"For '{op}', 'global_step' must be an int32 or int64 scalar, but got "
                             f"{v.dtype} of shape {tuple(v.shape)}.")
        return float(v.asnumpy().reshape(()))
    if isinstance(v, bool) or not isinstance(v, int):
        raise DTypeError(f"For '{op}', 'global_step' must be an int or a Tensor, but got "
                         f"{type(v).__name__}.")
    return float(v)


def _amsgrad_rule(var, m, v, vhat, grad, b1p, b2p, lr, b1, b2, eps):
    new_m = b1 * m + (1 - b1) * grad
    new_v = b2 * v + (1 - b2) * grad * grad
    new_vhat = F.maximum(vhat, new_v)
    rate = lr * F.sqrt(1 - b2p) / (1 - b1p)
    return var - rate * new_m / (F.sqrt(new_vhat) + eps), new_m, new_v, new_vhat


def _amsgrad(op, var, m, v, vhat, grad, hyper):
    var, m_t, v_t, vh_t, grad = _slots(op, var=var, m=m, v=v, vhat=vhat, grad=grad)
    values = [_scalar(op, n, x, var) for n, x in hyper]
    return _write(list(zip((var, m, v, vhat), _amsgrad_rule(var, m_t, v_t, vh_t, grad, *values))))


def _adam_amsgrad(self, var, m, v, vhat, beta1_power, beta2_power, lr, grad):
    op = "ApplyAdamWithAmsgrad"
    return _amsgrad(op, var, m, v, vhat, grad, [
        ("beta1_power", beta1_power), ("beta2_power", beta2_power), ("lr", lr),
        *((n, _float_attr(op, n, getattr(self, n))) for n in ("beta1", "beta2", "epsilon"))])


def _adam_amsgrad_v2(self, var, m, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, epsilon,
                     grad):
    return _amsgrad("ApplyAdamWithAmsgradV2", var, m, v, vhat, grad, [
        ("beta1_power", beta1_power), ("beta2_power", beta2_power), ("lr", lr), ("beta1", beta1),
        ("beta2", beta2), ("epsilon", epsilon)])


def _float_attr(op, name, v):
    """A float constructor argument (MindSpore takes no int there)."""
    if not isinstance(v, float) or not math.isfinite(v):
        raise DTypeError(f"For '{op}', '{name}' must be a finite float, but got {v!r}.")
    return v


def sparse_rows(op, var, grad, indices):
    """The rows a sparse update names (an int64 array), after MindSpore's checks of `grad` and
    `indices` against `var`: dtypes, shapes, and every row in range."""
    if not isinstance(grad, Tensor) or grad.dtype != var.dtype:
        raise DTypeError(f"For '{op}', 'grad' must be a Tensor of the dtype of 'var' {var.dtype}, "
                         f"but got {getattr(grad, 'dtype', type(grad).__name__)}.")
    if not isinstance(indices, Tensor) or indices.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'indices' must be an int32 or int64 Tensor, but got "
                         f"{getattr(indices, 'dtype', type(indices).__name__)}.")
    if (var.ndim < 1 or indices.ndim != 1 or grad.ndim != var.ndim
            or grad.shape[0] != indices.shape[0] or tuple(grad.shape[1:]) != tuple(var.shape[1:])):
        raise ShapeError(f"For '{op}', 'grad' must be (len(indices),) + var.shape[1:] and "
                         f"'indices' 1-D, but got 'var' {tuple(var.shape)}, 'grad' "
                         f"{tuple(grad.shape)} and 'indices' {tuple(indices.shape)}.")
    rows = indices.asnumpy().astype(_np.int64)
    if rows.size and (rows.min() < 0 or rows.max() >= var.shape[0]):
        # MindSpore 2.10's CPU kernels skip such rows without a word.
        raise TensorIndexError(f"For '{op}', 'indices' must be in [0, {var.shape[0]}), but got "
                               f"{rows.tolist()}.")
    return rows


def _sparse(op, slots, grad, indices, rule, sum_duplicates):
    """Applies ``rule(*rows, grad_rows)`` to the rows of `slots` (name → Parameter, the variable
    first) that `indices` names and writes them back; returns the updated values. Repeated rows
    have their gradients summed first (`sum_duplicates`) or are updated in turn, as MindSpore
    2.10's CPU kernels do (both documented as undefined)."""
    params = list(slots.values())
    current = _slots(op, **slots)
    var = current[0]
    rows = sparse_rows(op, var, grad, indices)
    if sum_duplicates:
        rows, inverse = _np.unique(rows, return_inverse=True)
        grad = F.unsorted_segment_sum(grad, Tensor(inverse.astype(_np.int32)), len(rows))
        rounds = [(rows, grad)] if rows.size else []
    else:
        # Round k updates each row's k-th occurrence.
        turn = _np.zeros(rows.size, _np.int64)
        for i, r in enumerate(rows):
            turn[i] = (rows[:i] == r).sum()
        rounds = [(rows[turn == k], F.gather(grad, Tensor(_np.flatnonzero(turn == k)), 0))
                  for k in range(int(turn.max()) + 1 if rows.size else 0)]
    for where, g in rounds:
        new = rule(*[F.gather(c, Tensor(where), 0) for c in current], g)
        at = Tensor(where.reshape(-1, 1))
        current = [F.tensor_scatter_update(c, at, n) for c, n in zip(current, new)]
    return _write(list(zip(params, current)))


def _sparse_adagrad(self, var, accum, grad, indices):
    op = self._OP
    lr = _float_attr(op, "lr", self.lr)
    eps = _float_attr(op, "epsilon", self.epsilon) if hasattr(self, "epsilon") else 0.0
    # The documented ``√accum + ε`` (MindSpore 2.10's CPU kernel of SparseApplyAdagradV2 takes
    # ``√(accum + ε)``, unlike its ApplyAdagradV2).
    return _sparse(op, {"var": var, "accum": accum}, grad, indices,
                   lambda v, a, g: _adagrad_rule(v, a, g, lr, eps, self.update_slots), True)


def _sparse_proximal_adagrad(self, var, accum, lr, l1, l2, grad, indices):
    op = "SparseApplyProximalAdagrad"
    var_t = _slots(op, var=var)[0]
    lr, l1, l2 = (_scalar(op, n, x, var_t) for n, x in (("lr", lr), ("l1", l1), ("l2", l2)))
    if float(lr.asnumpy()) <= 0 or float(l1.asnumpy()) < 0 or float(l2.asnumpy()) < 0:
        raise ShapeError(f"For '{op}', 'lr' must be positive and 'l1', 'l2' non-negative, but got "
                         f"{float(lr.asnumpy())}, {float(l1.asnumpy())} and {float(l2.asnumpy())}.")
    return _sparse(op, {"var": var, "accum": accum}, grad, indices,
                   lambda v, a, g: _proximal_adagrad_rule(v, a, g, lr, l1, l2), True)


def _sparse_rmsprop(self, var, ms, mom, lr, grad, indices):
    op = "SparseApplyRMSProp"
    rho, momentum, eps = (_float_attr(op, n, getattr(self, n)) for n in ("rho", "momentum",
                                                                          "epsilon"))
    lr = _scalar(op, "lr", lr, _slots(op, var=var)[0])
    return _sparse(op, {"var": var, "ms": ms, "mom": mom}, grad, indices,
                   lambda v, s, m, g: _sparse_rmsprop_rule(v, s, m, g, lr, rho, momentum, eps),
                   False)


def _sparse_rmsprop_rule(var, ms, mom, grad, lr, rho, momentum, eps):
    """MindSpore 2.10's CPU kernel of SparseApplyRMSProp, measured: ``ms = ms·ρ + g²·(1 − ρ)``,
    ``mom = momentum·mom + lr·g/√(ms + ε)``, ``var −= mom``, except where the gradient element
    is 0, which leaves ``ms`` as it is (MindSpore's own test asserts this). The kernel's
    roundings: Float16 is computed in Float32; the second term of ``mom`` and the sum in Float64,
    rounded once."""
    dtype = var.dtype
    work = mstype.float32 if dtype in (mstype.float16, mstype.bfloat16) else dtype
    wms, wmom, wgrad = ms.astype(work), mom.astype(work), grad.astype(work)
    new_ms = F.select(wgrad == 0, wms, wms * rho + (wgrad * wgrad) * (1 - rho))
    wide = mstype.float64
    step = lr.astype(wide) * wgrad.astype(wide) / F.sqrt((new_ms + eps).astype(wide))
    new_mom = ((momentum * wmom).astype(wide) + step).astype(dtype)
    return var - new_mom, new_ms.astype(dtype), new_mom


def _sparse_ftrl(self, var, accum, linear, grad, indices):
    op = self._OP
    lr, l1, l2, power = (_float_attr(op, n, getattr(self, n)) for n in ("lr", "l1", "l2",
                                                                         "lr_power"))
    shrinkage = _float_attr(op, "l2_shrinkage", self.l2_shrinkage) \
        if hasattr(self, "l2_shrinkage") else 0.0
    return _sparse(op, {"var": var, "accum": accum, "linear": linear}, grad, indices,
                   lambda v, a, n, g: _ftrl_rule(v, a, n, g, lr, l1, l2, power, shrinkage), True)


def _sparse_adadelta(self, var, accum, accum_update, lr, rho, grad, indices):
    op = "SparseApplyAdadelta"
    eps = _float_attr(op, "epsilon", self.epsilon)
    if eps < 0:
        raise ShapeError(f"For '{op}', 'epsilon' must be non-negative, but got {eps}.")
    var_t = _slots(op, var=var)[0]
    lr, rho = _scalar(op, "lr", lr, var_t), _scalar(op, "rho", rho, var_t)
    return _sparse(op, {"var": var, "accum": accum, "accum_update": accum_update}, grad, indices,
                   lambda v, a, u, g: _adadelta_rule(v, a, u, g, lr, rho, eps), False)


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
    ("ApplyAdagradDA", [("use_locking", False)],
     "(var, gradient_accumulator, gradient_squared_accumulator, grad, lr, l1, l2, global_step)",
     "``ga += g``, ``gsa += g²``, ``var = −lr·s / (l2·step·lr + √gsa)`` with ``s = sign(ga)·"
     "max(|ga| − l1·step, 0)`` (``ga`` when ``l1 = 0``); returns ``var``.", _adagrad_da),
    ("ApplyAdamWithAmsgrad", [("beta1", 0.9), ("beta2", 0.999), ("epsilon", 1e-8),
                              ("use_locking", False)],
     "(var, m, v, vhat, beta1_power, beta2_power, lr, grad)",
     "Adam's moments, ``vhat = max(vhat, v)``, ``var −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√vhat + ε)``; "
     "returns ``(var, m, v, vhat)``.", _adam_amsgrad),
    ("ApplyAdamWithAmsgradV2", [("use_locking", False)],
     "(var, m, v, vhat, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad)",
     "``ApplyAdamWithAmsgrad`` with β₁, β₂ and ε as inputs; returns ``(var, m, v, vhat)``.",
     _adam_amsgrad_v2),
    ("SparseApplyAdagrad", [("lr", _REQUIRED), ("update_slots", True), ("use_locking", False)],
     "(var, accum, grad, indices)",
     "``ApplyAdagrad`` on the rows `indices` of `var` and `accum` (repeated rows' gradients "
     "summed); returns ``(var, accum)``.", _sparse_adagrad),
    ("SparseApplyAdagradV2", [("lr", _REQUIRED), ("epsilon", _REQUIRED), ("use_locking", False),
                              ("update_slots", True)], "(var, accum, grad, indices)",
     "``ApplyAdagradV2`` on the rows `indices` (repeated rows' gradients summed); returns "
     "``(var, accum)``.", _sparse_adagrad),
    ("SparseApplyProximalAdagrad", [("use_locking", False)],
     "(var, accum, lr, l1, l2, grad, indices)",
     "``ApplyProximalAdagrad`` on the rows `indices` (repeated rows' gradients summed); returns "
     "``(var, accum)``.", _sparse_proximal_adagrad),
    ("SparseApplyRMSProp", [("rho", _REQUIRED), ("momentum", _REQUIRED), ("epsilon", _REQUIRED),
                            ("use_locking", False)], "(var, ms, mom, lr, grad, indices)",
     "``ApplyRMSProp`` (decay `rho`) on the rows `indices`, repeated rows in turn; returns "
     "``(var, ms, mom)``.", _sparse_rmsprop),
    ("SparseApplyFtrl", [("lr", _REQUIRED), ("l1", _REQUIRED), ("l2", _REQUIRED),
                         ("lr_power", _REQUIRED), ("use_locking", False)],
     "(var, accum, linear, grad, indices)",
     "``ApplyFtrl`` on the rows `indices` (repeated rows' gradients summed); returns "
     "``(var, accum, linear)``.", _sparse_ftrl),
    ("SparseApplyFtrlV2", [("lr", _REQUIRED), ("l1", _REQUIRED), ("l2", _REQUIRED),
                           ("l2_shrinkage", _REQUIRED), ("lr_power", _REQUIRED),
                           ("use_locking", False)], "(var, accum, linear, grad, indices)",
     "``SparseApplyFtrl`` with ``2·l2_shrinkage·var`` added to the gradient of the linear term; "
     "returns ``(var, accum, linear)``.", _sparse_ftrl),
    ("SparseApplyAdadelta", [("epsilon", _REQUIRED), ("use_locking", False)],
     "(var, accum, accum_update, lr, rho, grad, indices)",
     "``ApplyAdadelta`` on the rows `indices`, repeated rows in turn; returns ``(var, accum, "
     "accum_update)``.", _sparse_adadelta),
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

# The float constructor arguments MindSpore checks when the primitive is built.
_FLOAT_ATTRS = {
    "ApplyAdamWithAmsgrad": ("beta1", "beta2", "epsilon"), "SparseApplyAdagrad": ("lr",),
    "SparseApplyAdagradV2": ("lr", "epsilon"), "SparseApplyRMSProp": ("rho", "momentum", "epsilon"),
    "SparseApplyFtrl": ("lr", "l1", "l2", "lr_power"),
    "SparseApplyFtrlV2": ("lr", "l1", "l2", "l2_shrinkage", "lr_power"),
    "SparseApplyAdadelta": ("epsilon",),
}
for _name, _names in _FLOAT_ATTRS.items():
    _check_init(globals()[_name], lambda self, _op=_name, _names=_names: [
        _float_attr(_op, a, getattr(self, a)) for a in _names])

# One example per class: setup lines, the call and what it prints (the updated values equal, to
# the digits shown, to those MindSpore 2.10's CPU kernels write for the same call).
_SETUP = ["var = ms.Parameter(ms.Tensor([1., 2., 3.]), name='var')",
          "acc = ms.Parameter(ms.Tensor([0.1, 0.2, 0.3]), name='acc')",
          "g = ms.Tensor([0.5, -1., 2.])"]
_ROWS = ["w = ms.Parameter(ms.Tensor([[1., 2.], [3., 4.], [5., 6.]]), name='w')",
         "a = ms.Parameter(ms.Tensor([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]]), name='a')",
         "g2 = ms.Tensor([[0.5, -1.], [2., 0.25]])", "i = ms.Tensor([2, 0], ms.int32)"]
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
    "ApplyAdagradDA": (_SETUP + ["gsa = ms.Parameter(ms.Tensor([0.1, 0.1, 0.1]), name='gsa')"],
                       "ops.ApplyAdagradDA()(var, acc, gsa, g, 0.1, 0.0, 0.2, 2)",
                       "[-0.09499563  0.0734748  -0.11138847]"),
    "ApplyAdamWithAmsgrad": (_SETUP + ["v = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='v')",
                                       "vh = ms.Parameter(ms.Tensor([0.6, 0.1, 0.2]), name='vh')"],
                             "ops.ApplyAdamWithAmsgrad()(var, acc, v, vh, ms.Tensor(0.9), "
                             "ms.Tensor(0.999), ms.Tensor(0.01), g)[1]",
                             "[0.14000002 0.07999997 0.47000006]"),
    "ApplyAdamWithAmsgradV2": (_SETUP + ["v = ms.Parameter(ms.Tensor([0.5, 0.5, 0.5]), name='v')",
                                         "vh = ms.Parameter(ms.Tensor([0.6, 0.1, 0.2]), "
                                         "name='vh')"],
                               "ops.ApplyAdamWithAmsgradV2()(var, acc, v, vh, 0.9, 0.999, 0.01, "
                               "0.9, 0.999, 1e-8, g)[0]", "[0.99942845 1.9996424  2.9979055 ]"),
    "SparseApplyAdagrad": (_ROWS, "ops.SparseApplyAdagrad(lr=0.1)(w, a, g2, i)[0]",
                           "[[0.90122706 1.951205  ]\n [3.         4.        ]\n"
                           " [4.942265   6.0790567 ]]"),
    "SparseApplyAdagradV2": (_ROWS, "ops.SparseApplyAdagradV2(lr=0.1, epsilon=1e-6)(w, a, g2, "
                                    "i)[1]",
                             "[[4.1    0.2625]\n [0.3    0.4   ]\n [0.75   1.6   ]]"),
    "SparseApplyProximalAdagrad": (_ROWS, "ops.SparseApplyProximalAdagrad()(w, a, 0.1, 0.05, 0.2, "
                                          "g2, i)[0][0]", "[0.88996726 1.8685069 ]"),
    "SparseApplyRMSProp": (_ROWS + ["m = ms.Parameter(ms.Tensor(np.full((3, 2), 0.1, "
                                    "np.float32)), name='m')"],
                           "ops.SparseApplyRMSProp(0.9, 0.5, 1e-6)(w, a, m, 0.1, g2, i)[1][2]",
                           "[0.475      0.64000005]"),
    "SparseApplyFtrl": (_ROWS + ["lin = ms.Parameter(ms.Tensor(np.full((3, 2), 0.01, "
                                 "np.float32)), name='lin')"],
                        "ops.SparseApplyFtrl(0.1, 0.05, 0.2, -0.5)(w, a, lin, g2, i)[0][0]",
                        "[0.72771436 0.17971992]"),
    "SparseApplyFtrlV2": (_ROWS + ["lin = ms.Parameter(ms.Tensor(np.full((3, 2), 0.01, "
                                   "np.float32)), name='lin')"],
                          "ops.SparseApplyFtrlV2(0.1, 0.05, 0.2, 0.0, -0.5)(w, a, lin, g2, "
                          "i)[0][0]",
                          "[0.72771436 0.17971992]"),
    "SparseApplyAdadelta": (_ROWS + ["u = ms.Parameter(ms.Tensor(np.full((3, 2), 0.5, "
                                     "np.float32)), name='u')"],
                            "ops.SparseApplyAdadelta(1e-6)(w, a, u, 0.1, 0.9, g2, i)[0][0]",
                            "[0.7979695 1.9590385]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)
