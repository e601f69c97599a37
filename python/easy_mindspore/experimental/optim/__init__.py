"""``mindspore.experimental.optim``: PyTorch-style optimizers over parameter groups (``SGD``,
``Adam``, ``AdamW``, ``Adadelta``, ``Adagrad``, ``Adamax``, ``ASGD``, ``NAdam``, ``RAdam``,
``RMSprop``, ``Rprop``, on the base ``Optimizer``) and the learning rate schedulers of
``lr_scheduler``, with MindSpore 2.10's arguments, checks and numbers.

A training step computes the gradients of ``optimizer.parameters`` and calls
``optimizer(grads)``; a scheduler's ``step()`` changes the groups' rates between steps::

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters)
    loss, grads = grad_fn(data, label)
    optimizer(grads)
    scheduler.step()
"""
from . import lr_scheduler  # noqa: F401  (mindspore.experimental.optim.lr_scheduler)
from .adam_variants import NAdam, RAdam, Adamax
from .adaptive import ASGD, Adadelta, Adagrad, RMSprop, Rprop
from .optimizer import Optimizer
from .sgd_adam import SGD, Adam, AdamW

__all__ = ["Optimizer", "AdamW", "SGD", "Adam", "Adadelta", "Adagrad", "ASGD", "Adamax", "RMSprop",
           "Rprop", "RAdam", "NAdam"]

# MindSpore keeps each of these optimizers in a module of its own
# (``mindspore.experimental.optim.adamw``, ...): those paths name this package.
import sys as _sys  # noqa: E402

for _name in ("adadelta", "adagrad", "adam", "adamax", "adamw", "asgd", "nadam", "radam", "rmsprop",
              "rprop", "sgd"):
    _sys.modules[f"{__name__}.{_name}"] = _sys.modules[__name__]
