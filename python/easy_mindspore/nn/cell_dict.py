"""``nn.CellDict``: an ordered mapping of names to Cells, registered as sub-cells (so their
Parameters are the container's, named ``key.param``), with MindSpore 2.10's key rules (a
non-empty str without ``.``, not an attribute of the Cell) and its errors."""
from collections import OrderedDict
from collections.abc import Mapping

from .._errors import DTypeError, ShapeError
from .cell import Cell, CellList, SequentialCell

__all__ = ["CellDict"]


class CellDict(Cell):
    """An ordered dictionary of Cells: ``cells[key]`` reads, sets and deletes a registered
    sub-cell. It is a container, not called.

    Args:
        args (Union[dict, OrderedDict, list[tuple[str, Cell]]], optional): The initial cells, as
            a mapping or an iterable of ``(key, cell)`` pairs (a plain dict keeps its order).

    Inputs:
        A CellDict has no inputs: it is not called (look a cell up and call it).

    Outputs:
        None.

    Raises:
        TypeError: If a key is not a str, a value is not a Cell (or is a CellDict, CellList or
            SequentialCell), or `args` is not a mapping or an iterable of pairs.
        KeyError: If a key is empty, contains ``.``, or names an attribute of the Cell.
        ValueError: If an element of an iterable is not a pair.
        NotImplementedError: When the CellDict is called.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> cells = nn.CellDict({'relu': nn.ReLU(), 'tanh': nn.Tanh()})
        >>> print(len(cells), list(cells.keys()))
        2 ['relu', 'tanh']
        >>> print(cells['relu'](ms.Tensor(np.array([-1.0, 2.0]), ms.float32)))
        [0. 2.]
        >>> cells.update([('sigmoid', nn.Sigmoid())])
        >>> print(cells.pop('tanh'))
        Tanh()
        >>> print(list(cells.keys()), 'relu' in cells)
        ['relu', 'sigmoid'] True
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, *args, **kwargs):
        super().__init__()
        if args:
            self.update(args[0])

    # -- the mapping ----------------------------------------------------------------------
    def _check_key(self, key):
        if not isinstance(key, str):
            raise DTypeError(f"For 'CellDict', the key must be a str, but got "
                             f"{type(key).__name__}.")
        if key == "":
            raise KeyError("For 'CellDict', the key can not be the empty string.")
        if "." in key:
            raise KeyError(f"For 'CellDict', the key can not contain '.', but got {key!r}.")
        if key not in self._registries()[1] and hasattr(self, key):
            raise KeyError(f"For 'CellDict', the key can not be an attribute of the Cell, but got "
                           f"{key!r}.")

    def __setitem__(self, key, cell):
        self._check_key(key)
        if not isinstance(cell, Cell):
            raise DTypeError(f"For 'CellDict', the value must be a Cell, but got "
                             f"{type(cell).__name__}.")
        if isinstance(cell, (CellDict, CellList, SequentialCell)):
            raise DTypeError(f"For 'CellDict', the value can not be a CellDict, CellList or "
                             f"SequentialCell, but got {type(cell).__name__}.")
        setattr(self, key, cell)

    def __getitem__(self, key):
        cells = self._registries()[1]
        if key not in cells:
            raise KeyError(key)
        return cells[key]

    def __delitem__(self, key):
        if key not in self._registries()[1]:
            raise KeyError(key)
        delattr(self, key)

    def __len__(self):
        return len(self._registries()[1])

    def __iter__(self):
        return iter(list(self._registries()[1]))

    def __contains__(self, key):
        return key in self._registries()[1]

    def keys(self):
        """The keys, in order: a view of the ordered dict (``odict_keys([...])``, as MindSpore's)."""
        return self._registries()[1].keys()

    def values(self):
        """The cells, in key order: a view of the ordered dict."""
        return self._registries()[1].values()

    def items(self):
        """``(key, cell)`` pairs, in order: a view of the ordered dict."""
        return self._registries()[1].items()

    def pop(self, key):
        """Removes the cell of `key` and returns it (KeyError when absent)."""
        cell = self[key]
        del self[key]
        return cell

    def clear(self):
        """Removes every cell."""
        for key in list(self.keys()):
            del self[key]

    def update(self, cells):
        """Adds or replaces cells from a mapping or an iterable of ``(key, cell)`` pairs."""
        if isinstance(cells, (OrderedDict, CellDict, Mapping)):
            pairs = list(cells.items())
        else:
            try:
                pairs = list(cells)
            except TypeError:
                raise DTypeError(f"CellDict.update() takes a mapping or an iterable of key-value "
                                 f"pairs, but got {type(cells).__name__}.") from None
            for i, pair in enumerate(pairs):
                if not isinstance(pair, (tuple, list)) or len(pair) != 2:
                    n = len(pair) if hasattr(pair, "__len__") else "no"
                    raise ShapeError(f"CellDict update sequence element #{i} must be a pair "
                                     f"(key, cell), but has length {n}.")
        for key, cell in pairs:
            self[key] = cell

    def construct(self, *inputs):
        raise NotImplementedError("For 'CellDict', the container is not called; look a cell up "
                                  "by its key and call that.")
