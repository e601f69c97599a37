"""``nn.Optimizer``'s helpers for optimizers written in Python (MindSpore's pattern: a subclass
whose ``construct`` calls ``decay_weight``, ``gradients_centralization`` and ``scale_grad`` on the
gradients before its own update), its ``target`` and ``unique`` properties, and the plain
attributes such subclasses read (``attach_helpers``). Attached to the class in
``optim/__init__.py``."""
from .. import ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype


def attach_helpers(opt, decay_flags, exec_weight_decay):
    """Sets on `opt` the attributes MindSpore's ``Optimizer`` gives optimizers written in Python:
    the decay flags (one per parameter) and whether any parameter decays, whether a decay is
    dynamic, ``optim_filter`` (all True: no parallel optimizer), ``use_parallel``,
    ``param_length``, ``need_scale``, ``reciprocal_scale``, ``assignadd``,
    ``global_step_increase_tensor`` and the maps (``map_``, ``hyper_map`` and their reversed
    forms). Plain attributes (not registered as cells), which a subclass may replace."""
    n = len(opt.parameters)
    values = {
        "decay_flags": decay_flags, "exec_weight_decay": exec_weight_decay,
        "dynamic_weight_decay": bool(opt._decays), "optim_filter": (True,) * n,
        "use_parallel": False, "param_length": n, "need_scale": opt.loss_scale != 1.0,
        "reciprocal_scale": Tensor(1.0 / opt.loss_scale, mstype.float32),
        "assignadd": ops.AssignAdd(), "global_step_increase_tensor": Tensor([1], mstype.int32),
        "map_": ops.Map(), "map_reverse": ops.Map(None, True), "hyper_map": ops.HyperMap(),
        "hyper_map_reverse": ops.HyperMap(None, True)}
    for name, value in values.items():
        object.__setattr__(opt, name, value)


def decay_weight(self, gradients):
    """The gradients with the weight decay added, ``grad + wd·loss_scale·w`` for each decayed
    parameter (MindSpore's step for an optimizer written in Python; a ``'beta'``/``'gamma'``
    parameter is not decayed unless its group says so).

    Args:
        gradients (tuple[Tensor]): One per parameter.

    Returns:
        tuple[Tensor].
    """
    grads, groups = list(gradients), self._per_param()
    decays = self.get_weight_decay()
    for i, (p, g) in enumerate(zip(self.parameters, groups)):
        wd = decays[i] if self.is_group else decays
        if g["flags"][g["index"].index(i)] and not (isinstance(wd, float) and wd == 0.0):
            grads[i] = grads[i] + p.value() * wd
    return tuple(grads)

def gradients_centralization(self, gradients):
    """The gradients centralized in the groups that ask for it (``grad_centralization``): a
    gradient of at least 2 dimensions whose axis 1 is a multiple of 16 loses its mean over
    the axes after the first.

    Args:
        gradients (tuple[Tensor]): One per parameter.

    Returns:
        tuple[Tensor].
    """
    grads = list(gradients)
    for g in self._groups:
        if not g.get("gc"):
            continue
        for i in g["index"]:
            grad = grads[i]
            if grad.ndim >= 2 and grad.shape[1] % 16 == 0:
                grads[i] = grad - grad.mean(axis=tuple(range(1, grad.ndim)), keep_dims=True)
    return tuple(grads)

def scale_grad(self, gradients):
    """The gradients divided by the loss scale (unchanged when it is 1).

    Args:
        gradients (tuple[Tensor]): One per parameter.

    Returns:
        tuple[Tensor].
    """
    if self.loss_scale == 1.0:
        return tuple(gradients)
    return tuple(g * (1.0 / self.loss_scale) for g in gradients)

def target(self):
    """The device the update runs on: ``'CPU'`` (MindSpore's ``Optimizer.target``; setting
    ``'CPU'`` is accepted, another device is a ValueError)."""
    return "CPU"

def set_target(self, value):
    if not isinstance(value, str):
        raise DTypeError(f"For '{type(self).__name__}', 'target' must be a str, but got {type(value).__name__}.")
    if value != "CPU":
        raise ShapeError(f"For '{type(self).__name__}', 'target' must be 'CPU' here, but got {value!r}.")

def unique(self):
    """Whether sparse gradients are made unique before the update (MindSpore's flag; every
    gradient here is dense, so it changes nothing). Default: True."""
    return self.__dict__.get("_unique", True)

def set_unique(self, value):
    if not isinstance(value, bool):
        raise DTypeError(f"For 'Optimizer', the property 'unique' must be bool, but got {type(value)}")
    self.__dict__["_unique"] = value
