"""``mindspore.dataset.vision.transforms``: the module MindSpore defines the vision transforms in
(``vision.transforms.Resize`` is ``vision.Resize``)."""
from . import *  # noqa: F401,F403 - the same classes
from . import __all__  # noqa: F401
