"""``mindspore.dataset.text.transforms``: the module MindSpore defines the text transforms in
(``text.transforms.Lookup`` is ``text.Lookup``)."""
from . import *  # noqa: F401,F403 - the same classes
from . import __all__  # noqa: F401
