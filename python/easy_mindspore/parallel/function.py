"""``mindspore.parallel.function``: ``reshard`` (the tensor itself, in one process)."""
from ._layout import reshard

__all__ = ["reshard"]
