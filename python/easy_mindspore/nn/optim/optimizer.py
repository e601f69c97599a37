"""``mindspore.nn.optim.optimizer``: the ``Optimizer`` base class (parameter groups, learning
rates, weight decay, loss scale; see ``nn/optim/__init__.py`` for what it decides) and
``opt_init_args_register``, the decorator MindSpore's optimizers (and those of libraries built on
it, such as MindCV) put on their ``__init__`` to record its arguments."""
import functools
import inspect
import struct
from numbers import Number

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, Error, ShapeError, UnimplementedError
from ...common import dtype as mstype
from ...common.parameter import Parameter, ParameterTuple
from .. import _optim_python
from ..cell import Cell
from ..learning_rate_schedule import LearningRateSchedule
from ._rate_list import _ConvertToCell, _IteratorLearningRate, _dynamic_rates

__all__ = ["Optimizer", "opt_init_args_register"]


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
        self.schedule, self._cell = None, None
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

    def exposed(self, as_schedule=False):
        """What ``Optimizer.learning_rate`` shows: the Parameter, or the schedule. With
        ``as_schedule`` (per-group rates, some of them dynamic), a fixed rate shows as a schedule
        too, MindSpore's ``_ConvertToCell`` over the Parameter (one per rate, made once)."""
        if self.schedule is not None:
            return self.schedule
        if not as_schedule:
            return self.param
        if self._cell is None:
            self._cell = _ConvertToCell(self.param)
        return self._cell

    def lr_parameter(self):
        """What ``get_lr_parameter`` returns: the Parameter holding the rate (of a list of rates,
        the Parameter holding the list), or the user's ``LearningRateSchedule``."""
        if self.schedule is None:
            return self.param
        if isinstance(self.schedule, _IteratorLearningRate):
            return self.schedule.learning_rate
        return self.schedule

    def steps(self):
        """The number of rates of a list of rates (one per step), else None."""
        if isinstance(self.schedule, _IteratorLearningRate):
            return self.schedule.learning_rate.shape[0]
        return None


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


_NOT_PARAMS = ("For 'Optimizer', all elements of the argument 'parameters' must be 'Parameter' or "
               "'dict', please check the 'parameters'.")


def _param_list(params, what):
    """A non-empty list from an iterable of Parameters or groups, with MindSpore's errors (which
    name 'Optimizer', whichever optimizer it is): None or nothing is a ValueError, a value that
    is not iterable a TypeError. A Tensor (a Parameter too) is not a list of parameters: a
    TypeError, as MindSpore's (which iterates over its elements and finds no Parameter)."""
    if params is None:
        raise ShapeError(f"For 'Optimizer', the argument {what} can not be None.")
    if isinstance(params, Tensor):
        raise DTypeError(_NOT_PARAMS if what == "parameters" else
                         f"For 'Optimizer', the argument {what} must be a list of Parameters, "
                         f"but got {type(params).__name__}.")
    if not hasattr(params, "__iter__"):
        raise DTypeError(f"For 'Optimizer', the argument {what} must be Iterable type, but got "
                         f"{type(params)}.")
    out = list(params)
    if not out:
        raise ShapeError(f"For 'Optimizer', the argument {what} must not be empty.")
    return out


def _check_params(params, op):
    """Each element of a list of parameters (not grouped) is a Parameter, else a TypeError."""
    for i, p in enumerate(params):
        if not isinstance(p, Parameter):
            kind = "a plain Tensor" if isinstance(p, Tensor) else type(p).__name__
            raise DTypeError(f"For '{op}', params[{i}] must be a Parameter, but got {kind}. "
                             + _NOT_PARAMS)


def _check_group_params(params, where):
    """Each element of a group's ``params`` (or of ``order_params``) is a Parameter."""
    for i, p in enumerate(params):
        if not isinstance(p, Parameter):
            raise DTypeError(f"For 'Optimizer', the element in {where} must be Parameter type, "
                             f"but got {type(p)} at index {i}.")


def _name_optimizer(e, op):
    """MindSpore's base-class errors say "For 'Optimizer', ..." whichever optimizer raises them;
    the optimizer's name is added at the end (and so not again in front by the Cell's
    ``__init__``, which names the class an error does not name)."""
    msg = e.args[0] if e.args and isinstance(e.args[0], str) else None
    if msg is not None and op != "Optimizer" and msg.startswith("For 'Optimizer',") \
            and f"'{op}'" not in msg:
        e.args = (f"{msg} (optimizer '{op}')",) + tuple(e.args[1:])


class GradientCountError(ShapeError, ComputeError):
    """Gradients that are not one per parameter: a RuntimeError, as MindSpore 2.10's ``Map``
    over the parameters and the gradients raises, and a ValueError (ShapeError)."""


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
            ``order_params``, lists of rates (one per step) of different lengths.
        KeyError: a group without ``'params'`` or with an unknown key.
        RuntimeError: a Parameter in two groups.
        NotImplementedError: ``construct`` of ``Optimizer`` itself (a subclass defines it).

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
        try:
            items = _param_list(parameters, "parameters")
            is_group = isinstance(items[0], dict)
            if not all(isinstance(x, dict) == is_group for x in items) or (
                    not is_group and not all(isinstance(x, Parameter) for x in items)):
                if not is_group and all(isinstance(x, (Parameter, Tensor)) for x in items):
                    _check_params(items, op)
                raise DTypeError(_NOT_PARAMS)
            groups, order, default_rate = self._groups(items, is_group, learning_rate,
                                                       weight_decay, op)
            params = [p for g in groups for p in g["params"]]
            if order:
                params = self._ordered(params, order)
        except Error as e:
            _name_optimizer(e, op)
            raise
        set_("is_group", is_group)
        # Whether an ``{'order_params': [...]}`` dict came with the groups (MindSpore's flag; an
        # empty list keeps the groups' order).
        set_("is_group_params_ordered", order is not None)
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
        # As MindSpore's: the optimizer's own rate counts even if every group has its own.
        set_("dynamic_lr", any(r.schedule is not None for r in rates + [default_rate]))
        position = {id(p): i for i, p in enumerate(params)}
        for g in groups:
            g["index"] = [position[id(p)] for p in g["params"]]
        set_("_natives", [])
        self._python_helpers()
        # Registered as MindSpore's optimizer Cell holds them (``parameters_and_names``, and so a
        # checkpoint of a TrainOneStepCell): the step count, fixed rates and lists of rates, the
        # parameters; the Rust optimizers' state follows (``_build``).
        own = self._registries()[0]
        own["global_step"] = self.global_step
        for r in rates:
            if r.schedule is None:
                own.setdefault(r.param.name, r.param)
            elif isinstance(r.schedule, _IteratorLearningRate):  # the list of rates (MindSpore's)
                own.setdefault(r.schedule.learning_rate.name, r.schedule.learning_rate)
        for p in params:
            own.setdefault(p.name, p)

    def _groups(self, items, is_group, learning_rate, weight_decay, op):
        """The groups (params, rate, decay, flags), the ``order_params`` list (None without
        one) and the optimizer's own rate."""
        all_params, lists, order = [], {}, None
        if is_group:
            for g in items:
                bad = [k for k in g if k not in _GROUP_KEYS]
                if bad:
                    raise GroupKeyError("For 'Optimizer', the key in group params must be one of "
                                        f"in {list(_GROUP_KEYS)}, but got {bad}.")
                if "order_params" in g:
                    if len(g) > 1:
                        raise ShapeError("For 'Optimizer', the order params dict in group "
                                         "parameters should only include the 'order_params' key, "
                                         f"but got {list(g)}.")
                    if isinstance(g["order_params"], (Tensor, str)) or \
                            not hasattr(g["order_params"], "__iter__"):
                        raise DTypeError("For 'Optimizer', the value of 'order_params' in group "
                                         "parameters should be Iterable type, but got "
                                         f"{type(g['order_params'])}.")
                    order = list(g["order_params"])
                    continue
                if not isinstance(g.get("grad_centralization", False), bool):
                    raise DTypeError("For 'Optimizer', the 'gradients_centralization' must be "
                                     "bool type, but got "
                                     f"{type(g['grad_centralization'])}.")
                if "params" not in g:
                    raise GroupKeyError(f"For '{op}', each parameter group needs a 'params' key, "
                                        f"but got the keys {list(g)}.")
                ps = _param_list(g["params"], "group `params`")
                _check_group_params(ps, "group parameters")
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
                         own_lr=False)], None, default_rate
        groups, seen, steps = [], {}, default_rate.steps()
        for num, g in enumerate(items):
            if "order_params" in g:
                continue
            ps = lists[id(g)]
            for p in ps:
                if p.name in seen:
                    raise ComputeError(f"For 'Optimizer', the {p.name} parameter already exists, "
                                       "it does not support repeated setting. Please check "
                                       "whether the optimizer parameter has been set multiple "
                                       "times.")
                seen[p.name] = p
            own = "lr" in g
            rate = _Rate(g["lr"], f"learning_rate_group_{num}", op, dtype) if own else default_rate
            if rate.steps() is not None:
                # Lists of rates (one per step) all have one length, the optimizer's included.
                if steps is None:
                    steps = rate.steps()
                elif rate.steps() != steps:
                    raise ShapeError("For 'Optimizer', the Tensor type dynamic learning rate in "
                                     "group must be the same size as the argument "
                                     f"'learning_rate', but got {rate.steps()} and {steps}.")
            wd = self._weight_decay(g["weight_decay"], op, dtype) if "weight_decay" in g \
                else default_wd
            groups.append(dict(params=ps, rate=rate, wd=wd, flags=[True] * len(ps), own_lr=own,
                               gc=g.get("grad_centralization", False)))
        if not groups:
            raise ShapeError(f"For 'Optimizer', the length of order parameters must be the same "
                             f"as the length of group parameters, but got order parameters' "
                             f"length {len(order or [])}, group parameters' length 0.")
        return groups, order, default_rate

    @staticmethod
    def _weight_decay(wd, op, dtype):
        if isinstance(wd, Cell):
            return _DynamicDecay(wd, dtype)
        if isinstance(wd, bool) or not isinstance(wd, Number):
            raise DTypeError(f"For '{op}', the argument 'weight_decay' must be int, float or "
                             f"Cell, but got {type(wd).__name__}.")
        return _non_negative(float(wd), "weight_decay", op)

    @staticmethod
    def _ordered(params, order):
        """The groups' parameters in the order of ``order_params``, matched by name as in
        MindSpore: the same number, each of the groups' names found there."""
        _check_group_params(order, "'order_params'")
        if len(order) != len(params):
            raise ShapeError("For 'Optimizer', the length of order parameters ('order_params') "
                             "must be the same as the length of group parameters, but got order "
                             f"parameters' length {len(order)}, group parameters' length "
                             f"{len(params)}.")
        names = [p.name for p in order]
        out = [None] * len(params)
        for p in params:
            if p.name not in names:
                raise ShapeError(f"For 'Optimizer', the parameter '{p.name}' of the groups is not "
                                 "in 'order_params', which must hold the parameters of the groups.")
            out[names.index(p.name)] = p
        return out

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
            # As MindSpore's: one per parameter; when one is dynamic, all are schedules.
            return tuple(g["rate"].exposed(self.dynamic_lr) for g in self._per_param())
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
        """The learning rate of ``param`` (a Parameter), or of each of a list of Parameters, as
        MindSpore 2.10 returns it: the Parameter holding the rate (``learning_rate``, or
        ``learning_rate_group_<i>`` for a group with its own rate); for a list of rates (one
        per step), the Parameter holding the list; for a ``LearningRateSchedule``, the schedule.

        Raises:
            TypeError: ``param`` neither a Parameter nor a list, or a list element that is not a
                Parameter.
            ValueError: a Parameter that this optimizer does not update.
        """
        if isinstance(param, Parameter):
            params = [param]
        elif isinstance(param, list):
            params = param
        else:
            raise DTypeError("For 'get_lr_parameter', the 'param' must be 'Parameter' or 'list' "
                             f"type, but got {type(param)}.")
        groups = self._per_param()
        ids = [id(q) for q in self.parameters]
        out = []
        for p in params:
            if not isinstance(p, Parameter):
                raise DTypeError(f"For '{type(self).__name__}', the type of 'parameter' should be "
                                 f"'Parameter', but got type '{type(p).__name__}'.")
            if id(p) not in ids:
                raise ShapeError(f"For 'get_lr_parameter', the parameter {p.name} is not in "
                                 "optimizer, please check whether the argument 'param' is "
                                 "correct.")
            out.append(groups[ids.index(id(p))]["rate"].lr_parameter())
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

    def construct(self, *hyper_params):
        """The built-in optimizers' step: ``construct(gradients)`` updates the parameters with
        one gradient per parameter (a tuple; a single Tensor is one gradient). ``Optimizer``
        itself has no update rule: as MindSpore's, its ``construct`` raises
        ``NotImplementedError``, which a subclass overrides."""
        op = type(self).__name__
        if not self._natives:
            raise UnimplementedError(f"For '{op}', 'construct' is not implemented: a subclass of "
                                     "Optimizer defines its update rule in 'construct'.")
        if len(hyper_params) != 1:
            raise DTypeError(f"For '{op}', 'construct' takes the gradients (one argument), but "
                             f"got {len(hyper_params)} arguments.")
        gradients = hyper_params[0]
        if isinstance(gradients, Tensor):
            gradients = (gradients,)
        grads = list(gradients)
        if len(grads) != len(self.parameters):
            raise GradientCountError(f"For '{op}', expected {len(self.parameters)} gradients (one "
                                     f"per parameter), got {len(grads)}")
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



def opt_init_args_register(fn):
    """Decorates an optimizer's ``__init__``: before it runs, its arguments are recorded on the
    optimizer as MindSpore records them: ``init_params`` (``{'params': params}``, or those of a
    wrapped ``optimizer``), ``init_learning_rate`` (the rate as given, a Tensor's as a list, None
    for a schedule Cell) and ``init_args`` (the other arguments, with their defaults)."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def init(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(bound.arguments)
        arguments.pop("self", None)
        if "params" in arguments:
            self.init_params = {"params": arguments.pop("params")}
        if "optimizer" in arguments:
            self.init_params = {"params": arguments.pop("optimizer").init_params["params"]}
        if "learning_rate" in arguments:
            rate = arguments.pop("learning_rate")
            if isinstance(rate, Tensor):
                rate = rate.asnumpy().tolist()
            self.init_learning_rate = None if isinstance(rate, Cell) else rate
        self.init_args = arguments
        fn(self, *args, **kwargs)

    return init
