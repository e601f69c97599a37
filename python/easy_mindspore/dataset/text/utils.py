"""``mindspore.dataset.text.utils``: the module MindSpore defines ``Vocab``, ``NormalizeForm``,
``to_str`` and ``to_bytes`` in (the same objects as ``text``'s)."""
from . import NormalizeForm, Vocab, to_bytes, to_str  # noqa: F401

__all__ = ["Vocab", "NormalizeForm", "to_str", "to_bytes"]
