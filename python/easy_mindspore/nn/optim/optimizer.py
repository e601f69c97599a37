"""``mindspore.nn.optim.optimizer``: the ``Optimizer`` base class and ``opt_init_args_register``,
the decorator MindSpore's optimizers (and those of libraries built on it, such as MindCV) put on
their ``__init__`` to record its arguments."""
import functools
import inspect

from ..._C import Tensor
from ..cell import Cell
from . import Optimizer

__all__ = ["Optimizer", "opt_init_args_register"]


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
