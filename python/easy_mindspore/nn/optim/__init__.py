"""``nn.optim``: optimizers with MindSpore's names, arguments and formulas: ``SGD``,
``Momentum``, ``Adam``, ``AdamW``, ``AdamWeightDecay``, ``Adagrad``, ``RMSProp``, ``Adadelta``
(the others are in ``optim_more.py``; ``optimizer.py`` is MindSpore's module of the base class,
which optimizers written outside MindSpore import).

``opt(grads)`` updates the Parameters in place: each parameter group is one Rust optimizer
(``easy_mindspore::nn::optim``) that rebinds the Parameters' shared handles; the per-parameter
arithmetic runs there. What MindSpore's ``Optimizer`` base class decides lives here:

- ``params`` is a list of Parameters or of groups ``{'params': [...], 'lr': ..., 'weight_decay':
  ...}`` plus an optional ``{'order_params': [...]}`` (the gradient order). A group without
  ``'lr'``/``'weight_decay'`` takes the optimizer's. Without groups, parameters whose name contains
  ``beta`` or ``gamma`` are not decayed; in groups, every parameter of a group with a positive
  decay is.
- ``learning_rate`` is a number, a 0-D Tensor (fixed), a list/tuple or 1-D Tensor (one rate per
  step; a step past the end is a RuntimeError, as in MindSpore) or a ``LearningRateSchedule``.
  The rate each Rust optimizer reads is a Parameter (``learning_rate``,
  ``learning_rate_group_<i>``; Float32 as in MindSpore, Float64 when a parameter is Float64, so
  Float64 training keeps its precision); a dynamic rate is written into it from ``global_step``
  (an Int32 Parameter of shape (1,), advanced by one per step) with tensor operations at each
  step, so a jitted training step is traced once and replays each step's rate.
- ``weight_decay`` (a number, or a Cell of ``global_step`` as a schedule is, written like a
  dynamic rate) and ``loss_scale``: the gradient the update rule sees is ``g/loss_scale +
  weight_decay·w``.
"""
import struct
from numbers import Number

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, Error, ShapeError
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from .. import _optim_python
from .._lr_checks import a_bool
from ..cell import Cell
from ..learning_rate_schedule import LearningRateSchedule
from ._rate_list import _IteratorLearningRate, _dynamic_rates

__all__ = ["Optimizer", "SGD", "Momentum", "Adam", "AdamW", "AdamWeightDecay", "Adagrad",
           "RMSProp", "Adadelta", "AdaMax", "Adamax"]


class GroupKeyError(Error, KeyError):
    """A parameter group with a missing or unknown key (MindSpore raises ``KeyError``)."""


_GROUP_KEYS = ("params", "lr", "weight_decay", "order_params", "grad_centralization")


def _a_float(value, name, op):
    """An int or float (not bool) as a float, else a ``TypeError``."""
    if isinstance(value, bool) or not isinstance(value, Number):
        raise DTypeError(f"For '{op}', the '{name}' must be float, but got {type(value).__name__}.")
    return float(value)


def _as_float32(value):
    """The Python float nearest to ``value`` rounded to Float32."""
    return struct.unpack("f", struct.pack("f", value))[0]


def _strict_float(value, name, op):
    """A float, as MindSpore's ``check_value_type(..., [float])`` (an int is a ``TypeError``)."""
    if not isinstance(value, float):
        raise DTypeError(f"For '{op}', the '{name}' must be float, but got {type(value).__name__}.")
    return value


def _non_negative(value, name, op):
    if not value >= 0.0:
        raise ShapeError(f"For '{op}', the '{name}' must be >= 0, but got {value}.")
    return value


class _Rate:
    """One learning rate: the Parameter the Rust optimizers read, and for a dynamic rate the
    schedule that computes it from ``global_step``."""

    def __init__(self, lr, name, op, dtype):
        self.schedule = None
        if isinstance(lr, LearningRateSchedule):
            self.schedule, value = lr, 0.0
        elif isinstance(lr, Tensor) and lr.ndim == 0:
            value = _non_negative(float(lr), "learning_rate", op)
        elif isinstance(lr, (Tensor, list, tuple)):
            self.schedule, value = _IteratorLearningRate(_dynamic_rates(lr, op), name, op), 0.0
        elif isinstance(lr, bool) or not isinstance(lr, Number):
            raise DTypeError(f"For '{op}', the 'learning_rate' must be int, float, Tensor, "
                             f"Iterable or LearningRateSchedule, but got {type(lr).__name__}.")
        else:
            value = _non_negative(float(lr), "learning_rate", op)
        self.param = Parameter(Tensor(value, dtype), name=name)

    def at(self, global_step):
        """This step's rate: a 0-D Tensor (a dynamic one computed from ``global_step``)."""
        if self.schedule is None:
            return self.param
        if isinstance(self.schedule, _IteratorLearningRate):
            self.schedule.check(global_step)  # before the call, which would add its class name
        return self.schedule(global_step).reshape(())

    def write(self, global_step):
        """Writes this step's dynamic rate into the Parameter the Rust optimizers read."""
        if self.schedule is not None:
            self.param.set_data(self.at(global_step).astype(self.param.dtype))

    def exposed(self):
        """What ``Optimizer.learning_rate`` shows: the Parameter, or the schedule."""
        return self.param if self.schedule is None else self.schedule


class _DynamicDecay:
    """A weight decay given as a Cell (MindSpore's dynamic weight decay): ``cell(global_step)``
    is written at each step into the Parameter the Rust optimizers read."""

    def __init__(self, cell, dtype):
        self.cell = cell
        self.param = Parameter(Tensor(0.0, dtype), name="weight_decay", requires_grad=False)

    def at(self, global_step):
        return self.cell(global_step).reshape(())

    def write(self, global_step):
        self.param.set_data(self.at(global_step).astype(self.param.dtype))


def _param_list(params, what, op):
    """A non-empty list from an iterable of Parameters or groups."""
    if params is None:
        raise ShapeError(f"For '{op}', the argument {what} can not be None.")
    if isinstance(params, Parameter):
        return [params]
    if isinstance(params, (Tensor, str)) or not hasattr(params, "__iter__"):
        raise DTypeError(f"For '{op}', the argument {what} must be Iterable type, but got "
                         f"{type(params).__name__}.")
    out = list(params)
    if not out:
        raise ShapeError(f"For '{op}', the argument {what} must not be empty.")
    return out


def _check_params(params, op, where="params"):
    for i, p in enumerate(params):
        if not isinstance(p, Parameter):
            kind = "a plain Tensor" if isinstance(p, Tensor) else type(p).__name__
            raise DTypeError(f"For '{op}', {where}[{i}] must be a Parameter, but got {kind}.")


class Optimizer(Cell):
    """MindSpore's ``nn.Optimizer(learning_rate, parameters, weight_decay=0.0, loss_scale=1.0)``:
    parameter groups, learning rates (fixed, per step, or a schedule), weight decay, loss scale,
    ``global_step`` and ``get_lr()``. A subclass builds its Rust optimizers with ``_build``.

    As MindSpore's, the Cell holds ``global_step``, a fixed learning rate, the parameters and the
    optimizer's state under MindSpore's names and attributes (``moments.<name>`` as
    ``opt.moments``, ``moment1``/``moment2``/``beta1_power``, ...), so a checkpoint of a
    ``TrainOneStepCell`` saves and restores the state. Unlike MindSpore's, the state Parameters
    do not require grad.

    Args:
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
        parameters (list[Parameter]): The parameters to update.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated (the built-in optimizers'
        ``construct(gradients)``, as MindSpore 2.10's return the result of their ``map`` over the
        parameters).

    Raises:
        TypeError: parameters that are not Parameters (or dicts), an lr or decay of a wrong type.
        ValueError: no parameters, a negative lr/weight decay, a loss scale <= 0, bad
            ``order_params``.
        KeyError: a group without ``'params'`` or with an unknown key.
        RuntimeError: a Parameter in two groups.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> class Plain(nn.Optimizer):
        ...     def construct(self, gradients):
        ...         for p, g in zip(self.parameters, gradients):
        ...             p.set_data(p - 0.1 * g)
        ...         return True
        ...
        >>> net = nn.Dense(2, 1, weight_init='ones')
        >>> opt = Plain(0.1, net.trainable_params())
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        True
        >>> print(net.weight.value())
        [[0.9 0.9]]
    """

    def __init__(self, learning_rate, parameters, weight_decay=0.0, loss_scale=1.0):
        super().__init__()
        op = type(self).__name__
        set_ = lambda k, v: object.__setattr__(self, k, v)  # noqa: E731 (not registered as cells)
        if isinstance(loss_scale, bool) or not isinstance(loss_scale, Number):
            raise DTypeError(f"For '{op}', the 'loss_scale' must be float, but got "
                             f"{type(loss_scale).__name__}.")
        if not float(loss_scale) > 0.0:
            raise ShapeError(f"For '{op}', the 'loss_scale' must be a positive float, but got "
                             f"{loss_scale}.")
        set_("loss_scale", float(loss_scale))
        items = _param_list(parameters, "parameters", op)
        is_group = isinstance(items[0], dict)
        if not all(isinstance(x, dict) == is_group for x in items) or (
                not is_group and not all(isinstance(x, Parameter) for x in items)):
            if not is_group and all(isinstance(x, (Parameter, Tensor)) for x in items):
                _check_params(items, op)
            raise DTypeError(f"For '{op}', all elements of the argument 'parameters' must be "
                             "'Parameter' or 'dict', please check the 'parameters'.")
        groups, order = self._groups(items, is_group, learning_rate, weight_decay, op)
        params = [p for g in groups for p in g["params"]]
        if order is not None:
            params = self._ordered(params, order, op)
        set_("is_group", is_group)
        set_("is_group_lr", any(g["own_lr"] for g in groups))
        set_("parameters", ParameterTuple(params))
        set_("_groups", groups)
        set_("global_step", Parameter(Tensor([0], mstype.int32), name="global_step"))
        rates = []
        for g in groups:
            if all(g["rate"] is not r for r in rates):
                rates.append(g["rate"])
        set_("_rates", rates)
        decays = []
        for g in groups:
            if isinstance(g["wd"], _DynamicDecay) and all(g["wd"] is not d for d in decays):
                decays.append(g["wd"])
        set_("_decays", decays)
        set_("dynamic_lr", any(r.schedule is not None for r in rates))
        position = {id(p): i for i, p in enumerate(params)}
        for g in groups:
            g["index"] = [position[id(p)] for p in g["params"]]
        set_("_natives", [])
        self._python_helpers()
        # Registered as MindSpore's optimizer Cell holds them (``parameters_and_names``, and so a
        # checkpoint of a TrainOneStepCell): the step count, fixed rates, the parameters; the
        # Rust optimizers' state follows (``_build``).
        own = self._registries()[0]
        own["global_step"] = self.global_step
        for r in rates:
            if r.schedule is None:
                own.setdefault(r.param.name, r.param)
        for p in params:
            own.setdefault(p.name, p)

    def _groups(self, items, is_group, learning_rate, weight_decay, op):
        """The groups (params, rate, decay, flags) and the ``order_params`` list, if any."""
        all_params, lists = [], {}
        if is_group:
            for g in items:
                bad = [k for k in g if k not in _GROUP_KEYS]
                if bad:
                    raise GroupKeyError(f"For '{op}', the key in group params must be one of in "
                                        f"{list(_GROUP_KEYS)}, but got {bad}.")
                if "order_params" in g:
                    if len(g) > 1:
                        raise ShapeError(f"For '{op}', the order params dict in group parameters "
                                         "should only include the 'order_params' key, but got "
                                         f"{list(g)}.")
                    continue
                if not isinstance(g.get("grad_centralization", False), bool):
                    raise DTypeError("For 'Optimizer', the 'gradients_centralization' must be "
                                     "bool type, but got "
                                     f"{type(g['grad_centralization'])}.")
                if "params" not in g:
                    raise GroupKeyError(f"For '{op}', each parameter group needs a 'params' key, "
                                        f"but got the keys {list(g)}.")
                ps = _param_list(g["params"], "group `params`", op)
                _check_params(ps, op, "group params")
                lists[id(g)] = ps
                all_params += ps
        else:
            all_params = items
        dtype = mstype.float64 if any(p.dtype == mstype.float64 for p in all_params) \
            else mstype.float32
        default_rate = _Rate(learning_rate, "learning_rate", op, dtype)
        default_wd = self._weight_decay(weight_decay, op, dtype)
        if not is_group:
            flags = [("beta" not in p.name and "gamma" not in p.name) for p in items]
            return [dict(params=items, rate=default_rate, wd=default_wd, flags=flags,
                         own_lr=False)], None
        groups, order, seen = [], None, {}
        for num, g in enumerate(items):
            if "order_params" in g:
                order = _param_list(g["order_params"], "order_params", op)
                continue
            ps = lists[id(g)]
            for p in ps:
                if p.name in seen:
                    raise ComputeError(f"For '{op}', the {p.name} parameter already exists, it "
                                       "does not support repeated setting. Please check whether "
                                       "the optimizer parameter has been set multiple times.")
                seen[p.name] = p
            own = "lr" in g
            rate = _Rate(g["lr"], f"learning_rate_group_{num}", op, dtype) if own else default_rate
            wd = self._weight_decay(g["weight_decay"], op, dtype) if "weight_decay" in g \
                else default_wd
            groups.append(dict(params=ps, rate=rate, wd=wd, flags=[True] * len(ps), own_lr=own,
                               gc=g.get("grad_centralization", False)))
        if not groups:
            raise ShapeError(f"For '{op}', the parameter groups hold no 'params'.")
        return groups, order

    @staticmethod
    def _weight_decay(wd, op, dtype):
        if isinstance(wd, Cell):
            return _DynamicDecay(wd, dtype)
        if isinstance(wd, bool) or not isinstance(wd, Number):
            raise DTypeError(f"For '{op}', the argument 'weight_decay' must be int, float or "
                             f"Cell, but got {type(wd).__name__}.")
        return _non_negative(float(wd), "weight_decay", op)

    @staticmethod
    def _ordered(params, order, op):
        _check_params(order, op, "order_params")
        ids = {id(p) for p in params}
        if len(order) != len(params) or {id(p) for p in order} != ids:
            raise ShapeError(f"For '{op}', the 'order_params' must hold the same Parameters as "
                             f"the groups ({len(params)}), but got {len(order)} that differ.")
        return list(order)

    #: What a group's ``grad_centralization`` does: ``None``, nothing (MindSpore 2.10's Adagrad,
    #: Adadelta, FTRL, ProximalAdagrad and AdamWeightDecay accept the key and ignore it);
    #: ``"decayed"``, centralize the gradient with the weight decay added (SGD, Momentum, Adam,
    #: AdaMax, ASGD, RMSProp, Rprop: ``decay_weight`` comes first there); ``"raw"``, centralize the
    #: gradient itself (Lamb, whose decay is part of its rule).
    _GC = None

    #: MindSpore's attributes over the optimizer's state: attribute -> the name of its Parameter
    #: (``beta1_power``) or the prefix of one Parameter per parameter (``moments`` ->
    #: ``moments.weight``, … as a ParameterTuple), in MindSpore's order.
    _STATE = {}

    def _build(self, native, **hyper):
        """Makes one Rust optimizer per group with ``native(group, **hyper)``, then registers
        their state Parameters and sets the ``_STATE`` attributes over them.

        The float hyperparameters are rounded to Float32 first unless a parameter is Float64:
        MindSpore holds them as Float32 scalars, and it shows (``1 − β₂`` of ``β₂ = 0.999`` is
        ``0.00099998713`` there, so AdamWeightDecay's second moments are 1.3e-5 smaller,
        relatively, than with ``1 − 0.999``)."""
        if self._rates[0].param.dtype != mstype.float64:
            hyper = {k: _as_float32(v) if type(v) is float else v for k, v in hyper.items()}
        for g in self._groups:
            wd = g["wd"].param if isinstance(g["wd"], _DynamicDecay) else g["wd"]
            group = _C.optim_group(type(self).__name__, g["params"], g["rate"].param, wd,
                                   g["flags"], self.loss_scale, self.global_step)
            self._natives.append((native(group, **hyper), g["index"]))
        # The Rust optimizers count steps themselves (``global_step`` of the Cell is the one
        # MindSpore shows); one ``beta1_power`` per group, all equal: the first one shows.
        state = [p for p in self.state_params() if p.name != "global_step"]
        by_slot = {}
        for p in state:
            by_slot.setdefault(self._slot(p.name), []).append(p)
        own = self._registries()[0]
        for attr, slot in self._STATE.items():
            found = by_slot.pop(slot, [])
            if found and found[0].name == slot:
                object.__setattr__(self, attr, found[0])
                own.setdefault(found[0].name, found[0])
            else:
                object.__setattr__(self, attr, ParameterTuple(found))
                for p in found:
                    own.setdefault(p.name, p)
        for rest in by_slot.values():
            for p in rest:
                own.setdefault(p.name, p)

    def _slot(self, name):
        """The ``_STATE`` slot of a state Parameter: its name (``beta1_power``), the prefix
        before its first dot (``moment1.w``), or a ``_STATE`` prefix ending in ``_`` (ASGD's
        ``mu_w``)."""
        for slot in self._STATE.values():
            if slot.endswith("_") and name.startswith(slot):
                return slot
        return name.split(".", 1)[0] if "." in name else name

    def __setattr__(self, name, value):
        # A property (``learning_rate``) is set through its setter, although a Parameter of
        # the same name is registered.
        if isinstance(getattr(type(self), name, None), property):
            object.__setattr__(self, name, value)
        else:
            super().__setattr__(name, value)

    @property
    def learning_rate(self):
        """The rate as MindSpore holds it: the ``learning_rate`` Parameter, the schedule, or (with
        per-group rates) a tuple with one entry per parameter. Setting a number changes a fixed
        rate in place (no new trace under ``jit``)."""
        if self.is_group_lr:
            return tuple(g["rate"].exposed() for g in self._per_param())
        return self._rates[0].exposed()

    @learning_rate.setter
    def learning_rate(self, lr):
        op = type(self).__name__
        if self.dynamic_lr or self.is_group_lr:
            raise ComputeError(f"For '{op}', only a single fixed learning rate can be set; this "
                               "optimizer has a dynamic or per-group one")
        value = _non_negative(_a_float(lr, "learning_rate", op), "learning_rate", op)
        param = self._rates[0].param
        param.set_data(Tensor(value, param.dtype))

    @property
    def weight_decay(self):
        """The weight decay as MindSpore holds it: a fixed one times the loss scale as a Float32
        0-D Tensor, a dynamic one as its Cell (a tuple with one per parameter when parameters are
        grouped)."""
        def show(wd):
            if isinstance(wd, _DynamicDecay):
                return wd.cell
            return Tensor(wd * self.loss_scale, mstype.float32)
        if self.is_group:
            return tuple(show(g["wd"]) for g in self._per_param())
        return show(self._groups[0]["wd"])

    def _is_dynamic_lr_or_weight_decay(self):
        """Whether ``global_step`` matters: a dynamic learning rate or weight decay."""
        return self.dynamic_lr or self.dynamic_weight_decay

    def _python_helpers(self):
        """What MindSpore's base class gives the optimizers written in Python (its own and those
        of libraries built on it), beside the rates and the weight decay: plain attributes, which
        a subclass may replace (``_optim_python.attach_helpers``), the decay flags found here."""
        groups = self._per_param()
        if self.is_group:
            # With groups, the parameters of a group whose decay is dynamic or positive.
            flags = tuple(isinstance(g["wd"], _DynamicDecay) or g["wd"] > 0 for g in groups)
            exec_wd = any(flags)
        else:
            # Without, those whose name has neither ``beta`` nor ``gamma``.
            flags = tuple(self._groups[0]["flags"])
            wd = self._groups[0]["wd"]
            exec_wd = isinstance(wd, _DynamicDecay) or wd > 0
        _optim_python.attach_helpers(self, flags, exec_wd)

    def get_weight_decay(self):
        """The weight decay of the current step times the loss scale, as MindSpore returns it: a
        float, or a Tensor when it is a Cell; a tuple with one per parameter with groups."""
        def value(wd):
            if isinstance(wd, _DynamicDecay):
                return wd.cell(self.global_step) * self.loss_scale
            return wd * self.loss_scale
        if self.is_group:
            return tuple(value(g["wd"]) for g in self._per_param())
        return value(self._groups[0]["wd"])

    def _per_param(self):
        """The group of each parameter, in gradient order."""
        out = [None] * len(self.parameters)
        for g in self._groups:
            for i in g["index"]:
                out[i] = g
        return out

    def get_lr(self):
        """The learning rate of the current step (``global_step``): the ``learning_rate``
        Parameter when it is fixed, a Float32 0-D Tensor when it is dynamic; a tuple with one per
        parameter when groups have their own rates. Does not advance ``global_step``."""
        if self.is_group_lr:
            return tuple(g["rate"].at(self.global_step) for g in self._per_param())
        return self._rates[0].at(self.global_step)

    def get_lr_parameter(self, param):
        """The learning rate (Parameter, or schedule when dynamic) of ``param`` or of each of a
        list of Parameters."""
        params = [param] if isinstance(param, Parameter) else param
        if not isinstance(params, list):
            raise DTypeError("For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' "
                             f"type, but got {type(param).__name__}.")
        groups = self._per_param()
        out = []
        for p in params:
            idx = [i for i, q in enumerate(self.parameters) if q is p]
            if not idx:
                raise ShapeError(f"For 'get_lr_parameter', the parameter {getattr(p, 'name', p)} "
                                 "is not in optimizer, please check whether the argument 'param' "
                                 "is correct.")
            rate = groups[idx[0]]["rate"]
            out.append(rate.param if rate.schedule is None else rate.schedule)
        return out if isinstance(param, list) else out[0]

    def _centralized(self, grads):
        """The gradients after MindSpore's gradient centralization, in the groups that ask for it:
        a gradient of at least 2 dimensions whose axis 1 is a multiple of 16 loses its mean over
        the axes after the first. With ``_GC == "decayed"``, the decay term ``loss_scale·wd·w``
        the rule adds later is centralized with it (MindSpore adds it first)."""
        out = list(grads)
        for g in self._groups:
            if not g.get("gc"):
                continue
            wd = g["wd"]
            for k, i in enumerate(g["index"]):
                grad = out[i]
                if grad.ndim < 2 or grad.shape[1] % 16:
                    continue
                axes = tuple(range(1, grad.ndim))
                shift = None
                if self._GC == "decayed" and g["flags"][k] and (
                        isinstance(wd, _DynamicDecay) or wd != 0.0):
                    rate = wd.param if isinstance(wd, _DynamicDecay) else wd
                    shift = self.parameters[i].value() * (rate * self.loss_scale)
                full = grad if shift is None else grad + shift
                full = full - full.mean(axis=axes, keep_dims=True)
                out[i] = full if shift is None else full - shift
        return out

    # The helpers of optimizers written in Python, as MindSpore's (``_optim_python``).
    decay_weight = _optim_python.decay_weight
    gradients_centralization = _optim_python.gradients_centralization
    scale_grad = _optim_python.scale_grad
    target = property(_optim_python.target, _optim_python.set_target)
    unique = property(_optim_python.unique, _optim_python.set_unique)

    def state_params(self):
        """The Parameters holding the optimizer's state (moments, accumulators...)."""
        return [p for native, _ in self._natives for p in native.state_params()]

    def construct(self, gradients):
        if isinstance(gradients, Tensor):
            gradients = (gradients,)
        grads = list(gradients)
        op = type(self).__name__
        if len(grads) != len(self.parameters):
            raise ShapeError(f"For '{op}', expected {len(self.parameters)} gradients (one per "
                             f"parameter), got {len(grads)}")
        if not self._natives:
            raise ComputeError(f"For '{op}', a subclass of Optimizer must define construct or "
                               "build its update rule")
        step = self.global_step
        for rate in self._rates:
            rate.write(step)
        for decay in self._decays:
            decay.write(step)
        if self._GC is not None and any(g["gc"] for g in self._groups if "gc" in g):
            grads = self._centralized(grads)
        # A step computes new values; those of parameters whose memory NumPy arrays see
        # (``asnumpy()`` views) are copied into it, as MindSpore's in-place updates show there.
        seen = _C._exported(self.parameters)
        for native, index in self._natives:
            native.step([grads[i] for i in index])
        if seen is not None:
            _C._write_back(self.parameters, seen)
        step.set_data(step + 1)
        return (True,) * len(self.parameters)


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
            raise ShapeError("For 'Adam', 'use_lazy' and 'use_offload' can not both be True.")
        if use_amsgrad and (use_lazy or use_offload):
            raise ShapeError("For 'Adam', 'use_amsgrad' can not be True with 'use_lazy' or "
                             "'use_offload'.")
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
from ..optim_more import (ASGD, FTRL, LARS, AdaMax, Adamax, Lamb, LazyAdam,  # noqa: E402
                         ProximalAdagrad, Rprop)

__all__ += ["Lamb", "FTRL", "ProximalAdagrad", "LARS", "ASGD", "Rprop", "LazyAdam"]
