"""``mindspore.utils``: interchange helpers (``mindspore.utils.dlpack``; ``from_dlpack`` and
``to_dlpack`` are here too, as MindSpore 2.10 has them)."""
from . import dlpack
from .dlpack import from_dlpack, to_dlpack

__all__ = ["dlpack", "from_dlpack", "to_dlpack"]
