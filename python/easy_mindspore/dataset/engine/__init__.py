"""``mindspore.dataset.engine``: where MindSpore keeps its dataset classes and iterators; the
classes are the ones of :mod:`mindspore.dataset`."""
from . import iterators  # noqa: F401
