"""``mindspore.version``: the package's version string, ``__version__`` (the same as
``mindspore.__version__``).

Examples:
    >>> import mindspore as ms
    >>> ms.version.__version__ == ms.__version__
    True
"""
from . import __version__  # noqa: F401 - the module's one name, as MindSpore's

__all__ = []
