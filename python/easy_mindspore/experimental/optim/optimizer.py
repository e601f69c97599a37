"""The base class of ``mindspore.experimental.optim`` and ``mindspore.mint.optim``: parameter
groups (a list of dicts), each group's learning rate held in a Float32 0-D Parameter
(``learning_rate_group_<i>``, also in ``optimizer.lrs``) that the schedulers of
``lr_scheduler`` write, the step count, and ``optimizer(grads)``.

Invariant: ``optimizer.parameters`` lists the parameters of every group in order, and the
gradients passed to ``optimizer(grads)`` follow that order (``ms.value_and_grad(fn, None,
optimizer.parameters)`` returns them so). A step reads the state only as tensors (the step
count, the rates, the moments are Parameters), so a jitted training step is traced once.

An optimizer updates a group either with a Rust optimizer of ``nn.optim`` (``_native``, where
the formula is the one MindSpore's experimental optimizer computes: SGD, Adam, AdamW, Adadelta,
ASGD, Rprop), built when the group is added, or with ``_update(group, p, g, step)``, one
sequence of tensor operations per parameter. A Rust optimizer takes the group's options when the
group is added (later changes of ``group['lr']`` are read at each step, those of the other
options are not) and a missing gradient (None) as zeros; ``_update`` skips a parameter without
one. The state Parameters (moments, accumulators, ``step_t``) are registered with the Cell, so
``parameters_and_names`` and checkpoints hold them.
"""
from collections.abc import Iterable
from numbers import Number

from ... import _C, ops
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ...common.parameter import Parameter
from ...nn.cell import Cell
from ...nn.optim import GroupKeyError, _as_float32
from ...tensor import Tensor

__all__ = ["Optimizer"]


def _param_list(params):
    """The list of Parameters or groups given to an optimizer, as MindSpore checks it."""
    if params is None:
        raise ShapeError("For 'Optimizer', the argument params can not be None.")
    if isinstance(params, Parameter):
        return [params]
    if isinstance(params, (Tensor, str)) or not isinstance(params, Iterable):
        raise DTypeError(f"For 'Optimizer', the argument params must be Iterable type, but got "
                         f"{type(params)}.")
    params = list(params)
    if not params:
        raise ShapeError("For 'Optimizer', the argument params must not be empty.")
    return params


def _lr_parameter(lr, name, op):
    """A group's rate as MindSpore holds it: a Float32 0-D Parameter."""
    if isinstance(lr, Tensor):
        if lr.ndim != 0:
            raise ShapeError(f"For '{op}', if 'learning_rate' is a Tensor, then it should be scalar "
                             f"Tensor, but got shape {tuple(lr.shape)}.")
        return Parameter(lr.astype(mstype.float32), name=name, requires_grad=False)
    if isinstance(lr, bool) or not isinstance(lr, Number):
        raise DTypeError(f"For '{op}', the argument 'learning_rate' must be int, float or Tensor, "
                         f"but got {type(lr)}.")
    if not float(lr) >= 0.0:
        raise ShapeError(f"For '{op}', the 'learning rate' must be float and must >= 0, but got "
                         f"'{lr}' with type '{type(lr).__name__}'.")
    return Parameter(Tensor(float(lr), mstype.float32), name=name, requires_grad=False)


def _weight_decay(wd, op):
    if isinstance(wd, bool) or not isinstance(wd, Number):
        raise DTypeError(f"For '{op}', the argument 'weight_decay' must be int or float, but got "
                         f"{type(wd)}.")
    if not float(wd) >= 0.0:
        raise ShapeError(f"For '{op}', the 'weight_decay' must be float and must >= 0, but got "
                         f"'{wd}' with type '{type(wd).__name__}'.")
    return float(wd)


class Optimizer(Cell):
    """The base class of the optimizers of ``mindspore.experimental.optim`` (and of
    ``mindspore.mint.optim``): ``Optimizer(params, defaults)``.

    ``params`` is a list of Parameters or of groups (dicts with ``'params'`` and any of the
    optimizer's options); a group takes ``defaults`` for the options it does not give. Each
    group's ``'lr'`` becomes a Float32 0-D Parameter (``learning_rate_group_<i>``, listed in
    ``lrs``), which the schedulers of ``lr_scheduler`` change; ``group_start_id[i]`` is the
    index of group ``i``'s first parameter in ``parameters``. A subclass defines
    ``construct(gradients)``, or ``_update(group, param, grad, step)`` returning a parameter's
    new value (``step`` counts steps from 1).

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to optimize, or groups of
            them.
        defaults (dict): The options a group takes when it does not give them.

    Outputs:
        ``optimizer(gradients)`` updates the parameters in place and returns True (the
        ``construct`` of the built-in optimizers; a subclass's own ``construct`` returns what it
        returns).

    Raises:
        TypeError: `params` not iterable, a group that is not a dict, a set of parameters, an
            element that is not a Parameter, an lr or weight decay of a wrong type.
        ValueError: `params` None or empty, a parameter in two groups, a negative lr or weight
            decay.
        KeyError: a group without ``'params'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.experimental import optim
        >>> class HalfStep(optim.Optimizer):
        ...     def __init__(self, params, lr):
        ...         super().__init__(params, dict(lr=lr))
        ...     def construct(self, gradients):
        ...         for group_id, group in enumerate(self.param_groups):
        ...             start = self.group_start_id[group_id]
        ...             for i, p in enumerate(group["params"]):
        ...                 ops.assign(p, p - 0.5 * group["lr"] * gradients[start + i])
        ...         return True
        >>> w = ms.Parameter(ms.Tensor([1.0, 2.0]), name="w")
        >>> opt = HalfStep([w], 0.2)
        >>> opt.add_param_group({"params": ms.Parameter(ms.Tensor([3.0]), name="b"), "lr": 1.0})
        >>> print(opt((ms.Tensor([1.0, 1.0]), ms.Tensor([2.0]))), w.value(), opt.parameters[1].value())
        True [0.9 1.9] [2.]
    """

    def __init__(self, params, defaults):
        super().__init__()
        items = _param_list(params)
        set_ = object.__setattr__  # lists and dicts, not registered as cells or parameters
        set_(self, "defaults", defaults)
        set_(self, "state", {})
        set_(self, "param_groups", [])
        set_(self, "lrs", [])
        set_(self, "group_start_id", [0])
        set_(self, "_all_params", ())
        set_(self, "_natives", [])
        # The number of steps taken (Int32, one element: the Rust optimizers read it as their
        # step count, and it is advanced after each step).
        self.step_t = Parameter(Tensor([0], mstype.int32), name="step_t", requires_grad=False)
        if not isinstance(items[0], dict):
            items = [{"params": items}]
        for group in items:
            self.add_param_group(group)

    @property
    def _name(self):
        return type(self).__name__

    @property
    def parameters(self):
        """The parameters of every group, in order (the order of the gradients)."""
        return self._all_params

    def add_param_group(self, param_group):
        """Adds a group of parameters to ``param_groups``: a dict with ``'params'`` (a Parameter
        or a list of them) and any of the optimizer's options; the others are the optimizer's
        defaults. Its lr becomes a Float32 Parameter ``learning_rate_group_<i>``.

        Args:
            param_group (dict): The group.

        Raises:
            TypeError: not a dict, a set of parameters, an element that is not a Parameter.
            KeyError: no ``'params'``.
            ValueError: a parameter already in a group.
        """
        op = self._name
        if not isinstance(param_group, dict):
            raise DTypeError(f"For '{op}', a param group must be a dict, but got "
                             f"{type(param_group).__name__}.")
        if "params" not in param_group:
            raise GroupKeyError(f"For '{op}', a param group needs the key 'params', but got the "
                                f"keys {list(param_group)}.")
        group = dict(param_group)
        params = group["params"]
        if isinstance(params, Parameter):
            params = [params]
        elif isinstance(params, (set, frozenset)):
            raise DTypeError("Optimizer parameters need to be organized in ordered collections, but "
                             "the ordering of tensors in sets will change between runs. Please use "
                             "a list instead.")
        elif isinstance(params, (Tensor, str)) or not isinstance(params, Iterable):
            raise DTypeError(f"For '{op}', the 'params' of a group must be a Parameter or a list of "
                             f"them, but got {type(params).__name__}.")
        params = list(params)
        for i, p in enumerate(params):
            if not isinstance(p, Parameter):
                raise DTypeError(f"For '{op}', Optimizer can only optimize Parameters, but params[{i}] "
                                 f"is a {type(p).__name__}.")
        taken = {id(p) for p in self._all_params}
        if any(id(p) in taken for p in params):
            raise ShapeError("some parameters appear in more than one parameter group.")
        group["params"] = params
        for key, value in self.defaults.items():
            group.setdefault(key, value)
        index = len(self.param_groups)
        lr = _lr_parameter(group.get("lr"), f"learning_rate_group_{index}", op)
        group["lr"] = lr
        group["weight_decay"] = _weight_decay(group.get("weight_decay", 0.0), op)
        self._check_group(group)
        self.lrs.append(lr)
        self.param_groups.append(group)
        object.__setattr__(self, "_all_params", self._all_params + tuple(params))
        self.group_start_id.append(self.group_start_id[-1] + len(params))
        native = self._native(group) if params else None
        self._natives.append(native)
        if native is not None:
            for state in native.state_params():
                self._register(state)

    def _register(self, state):
        """Registers a state Parameter with the Cell (``parameters_and_names``, so a checkpoint
        of the optimizer holds it); the first of a name stays (the Rust Adam keeps one
        ``beta1_power`` per group, all equal)."""
        self._registries()[0].setdefault(state.name, state)

    def _check_group(self, group):
        """Checks a group's own options (a subclass's hook; the defaults are checked already)."""

    # -- the Rust optimizers of ``nn.optim`` ---------------------------------------------------

    def _native_group(self, group):
        """The ``_C.optim_group`` of a group: its parameters, its lr Parameter, its weight decay
        (L2, every parameter decayed; AdamW decouples it) and the shared step count."""
        params = group["params"]
        return _C.optim_group(self._name, params, group["lr"], group["weight_decay"],
                              [True] * len(params), 1.0, self.step_t)

    @staticmethod
    def _hyper(group, value):
        """A float option as the Rust optimizer gets it: rounded to Float32 unless a parameter
        is Float64 (MindSpore passes Float32 scalars to its kernels)."""
        if any(p.dtype == mstype.float64 for p in group["params"]):
            return float(value)
        return _as_float32(float(value))

    def _native(self, group):
        """The Rust optimizer of a new group (built on ``_native_group(group)``), or None when
        ``_update`` updates it."""
        return None

    # -- a step ----------------------------------------------------------------------------------

    def _checked(self, gradients):
        """The gradients as a tuple, one per parameter, each a float Tensor of its shape."""
        if isinstance(gradients, Tensor):
            gradients = (gradients,)
        grads = tuple(gradients)
        params = self._all_params
        if len(grads) != len(params):
            raise ShapeError(f"For '{self._name}', got {len(grads)} gradients for {len(params)} "
                             "parameters.")
        for p, g in zip(params, grads):
            if g is None:
                continue
            if not isinstance(g, Tensor):
                raise DTypeError(f"For '{self._name}', the gradient of '{p.name}' must be a Tensor, "
                                 f"but got {type(g).__name__}.")
            if g.dtype not in mstype.float_type:
                raise DTypeError(f"For '{self._name}', the gradient of '{p.name}' must be a float "
                                 f"Tensor, but got {g.dtype}.")
            if tuple(g.shape) != tuple(p.shape):
                raise ShapeError(f"For '{self._name}', the gradient of '{p.name}' has shape "
                                 f"{tuple(g.shape)}, but the parameter has shape {tuple(p.shape)}.")
        return grads

    @staticmethod
    def _rate(group):
        """The rate of a group: its Parameter, or what the user put in ``group['lr']`` (a number
        or Tensor, as MindSpore reads it then)."""
        lr = group["lr"]
        return lr if isinstance(lr, Tensor) else float(lr)

    def construct(self, gradients):
        grads = self._checked(gradients)
        # Steps after this one; kept a tensor (no read into Python) so a jitted step traces once.
        after = self.step_t + 1
        step = after.reshape(())
        # A Rust optimizer rebinds the parameters; the memory NumPy arrays see (``asnumpy()``
        # views) gets the new values as MindSpore's in-place updates show there.
        native = any(n is not None for n in self._natives)
        seen = _C._exported(self._all_params) if native else None
        for index, group in enumerate(self.param_groups):
            start, end = self.group_start_id[index], self.group_start_id[index + 1]
            if start < end:
                self._step_group(index, group, grads[start:end], step)
        if seen is not None:
            _C._write_back(self._all_params, seen)
        self.step_t.copy_(after)
        return True

    def _step_group(self, index, group, grads, step):
        """Updates one group: its Rust optimizer, or ``_update`` for each parameter."""
        maximize = group.get("maximize", False)
        native = self._natives[index]
        if native is not None:
            rate = self.lrs[index]
            if group["lr"] is not rate:  # a number or Tensor put in place of the Parameter
                rate.set_data(Tensor(float(group["lr"]), rate.dtype))
            grads = [ops.zeros_like(p) if g is None else g for p, g in zip(group["params"], grads)]
            native.step([-g for g in grads] if maximize else grads)
            return
        for p, g in zip(group["params"], grads):
            if g is None:
                continue
            g = -g if maximize else g
            p.copy_(ops.stop_gradient(self._update(group, p, g, step)))

    def _update(self, group, p, g, step):
        """The new value of parameter ``p`` from its gradient ``g`` at step ``step`` (a 0-D Int32
        Tensor, from 1)."""
        raise NotImplementedError(f"For '{self._name}', a subclass of Optimizer must define "
                                  "construct or _update")

    def _buffer(self, p, key, fill=0.0, shape=None):
        """The state ``key`` of parameter ``p``: a Parameter ``<key>.<name>`` filled with
        ``fill`` (``p``'s shape and dtype, or ``shape``), made at its first use."""
        slot = self.state.setdefault(id(p), {})
        if key not in slot:
            dims = tuple(p.shape) if shape is None else shape
            slot[key] = Parameter(ops.full(dims, fill, p.dtype), name=f"{key}.{p.name}",
                                  requires_grad=False)
            self._register(slot[key])
        return slot[key]

    def __repr__(self):
        lines = [f"{self._name} ("]
        for i, g in enumerate(self.param_groups):
            lines.append(f"Parameter Group {i}")
            for k in sorted(g):
                if k == "params":
                    continue
                v = g[k]
                if isinstance(v, Tensor) and v.ndim == 0:
                    v = str(v.value() if isinstance(v, Parameter) else v)  # "0.001", as MindSpore
                lines.append(f"    {k}: {v}")
        return "\n".join(lines) + "\n)"

