"""``mindspore.dataset.transforms.transforms``: the module MindSpore defines the general
transforms in (``transforms.transforms.TypeCast`` is ``transforms.TypeCast``)."""
from . import *  # noqa: F401,F403 - the same classes
from . import __all__  # noqa: F401
