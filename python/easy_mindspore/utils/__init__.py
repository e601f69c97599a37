"""``mindspore.utils``: interchange helpers (``mindspore.utils.dlpack``)."""
from . import dlpack

__all__ = ["dlpack"]
