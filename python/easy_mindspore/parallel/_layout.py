"""``Layout``, ``shard`` and ``reshard`` of ``mindspore.parallel`` as MindSpore 2.10 gives them to a
single process: ``Layout`` describes how a tensor is split over a device matrix (its checks and
``to_dict`` as MindSpore's); ``shard`` returns the function itself and ``reshard`` the tensor
itself, which is what a single device computes (MindSpore 2.10 on CPU returns them unchanged in
every mode, stand-alone or auto parallel)."""
import copy

from .._errors import DTypeError

__all__ = ["Layout", "shard", "reshard"]

_INTERLEAVED = "interleaved_parallel"


class Layout:
    """The arrangement of devices a tensor is split over: `device_matrix` gives the devices'
    shape and `alias_name` a name to each of its axes; calling the layout with one name (or a
    tuple of names, or ``"None"`` for no split) per tensor dimension gives the tensor's layout.

    Args:
        device_matrix (tuple[int]): The shape of the devices' arrangement.
        alias_name (tuple[str]): A name for each axis of `device_matrix` (``"interleaved_parallel"``
            splits a tensor into copies on one device).
        rank_list (list[int], optional): The devices in order. Default: ``None`` (0 to the number
            of devices).

    Raises:
        TypeError: `device_matrix` or `alias_name` is not a tuple, `rank_list` not a list, or an
            element has the wrong type.
        ValueError: The lengths differ, a name is empty, ``"None"`` or repeated, or `rank_list`
            does not have one rank per device.

    Examples:
        >>> from mindspore.parallel import Layout
        >>> layout = Layout((2, 2, 2), ("dp", "sp", "mp"))
        >>> print(layout("dp", "mp").to_dict())
        {'device_matrix': (2, 2, 2), 'tensor_map': (2, 0), 'interleaved_parallel': False, 'alias_name': ('dp', 'sp', 'mp'), 'rank_list': [0, 1, 2, 3, 4, 5, 6, 7]}
        >>> layout = Layout((2, 2, 2), ("dp", "sp", "interleaved_parallel"))
        >>> print(layout(("dp", "interleaved_parallel"), "sp").to_dict()["tensor_map"])
        ((2, 0), 1)
    """

    def __init__(self, device_matrix, alias_name, rank_list=None):
        if not isinstance(device_matrix, tuple):
            raise DTypeError(f"device_matrix must be tuple type, but got:{type(device_matrix)}")
        if not isinstance(alias_name, tuple):
            raise DTypeError(f"alias_name must be tuple type, but got:{type(alias_name)}")
        if len(device_matrix) != len(alias_name):
            raise ValueError("device_matrix length should be equal to alias_name length")
        for d in device_matrix:
            if not isinstance(d, int):
                raise DTypeError(f"The element of device_matrix must be int type, but got:{type(d)}")
        for name in alias_name:
            if not isinstance(name, str):
                raise DTypeError(f"The element of alias_name must be str type, but got:{type(name)}")
            if not name:
                raise ValueError("The element of alias_name can not be empty.")
            if name == "None":
                raise ValueError("The element of alias_name can not set 'None', because 'None' means "
                                 "no sharding.")
        if len(set(alias_name)) != len(alias_name):
            raise ValueError(f"Each element of alias_name {alias_name} should be different")
        if not device_matrix:  # MindSpore counts the devices as a NumPy float here
            raise DTypeError("'numpy.float64' object cannot be interpreted as an integer")
        devices = 1
        for d in device_matrix:
            devices *= d
        if rank_list is None:
            rank_list = list(range(devices))
        else:
            if not isinstance(rank_list, list):
                raise DTypeError(f"The rank_list should be a list, but got {type(rank_list).__name__}.")
            for r in rank_list:
                if not isinstance(r, int):
                    raise DTypeError(f"The element of rank_list should be int, but got "
                                     f"{type(r).__name__}.")
            if len(rank_list) != devices:
                raise ValueError(f"The length of rank_list should be equal to the product of "
                                 f"device_matrix, but got {len(rank_list)} and {devices}.")
        self._device_shape = device_matrix
        self._alias_name = alias_name
        self._tensor_map = None
        self._rank_list = rank_list

    def _axis(self, name, used):
        if name == "None":
            return -1
        if not isinstance(name, str) or name not in self._alias_name:
            raise ValueError(f"The axis {name} is not found in {self._alias_name}")
        if name in used:
            raise ValueError(f"The axis {name} has been set more than one in {self._alias_name}")
        used.add(name)
        return len(self._alias_name) - 1 - self._alias_name.index(name)

    def __call__(self, *tensor_map):
        """The layout of a tensor: one axis name, tuple of names or ``"None"`` per dimension.
        (The layout keeps the map as its own too, as MindSpore's does, and returns a copy.)"""
        used = set()
        mapped = []
        for item in tensor_map:
            if isinstance(item, tuple):
                mapped.append(tuple(self._axis(name, used) for name in item))
            else:
                mapped.append(self._axis(item, used))
        self._tensor_map = tuple(mapped)
        return copy.deepcopy(self)

    def to_dict(self):
        """The layout as a dict: ``device_matrix``, ``tensor_map``, ``interleaved_parallel``,
        ``alias_name``, ``rank_list``.

        Raises:
            ValueError: The layout was not called with a tensor map.
        """
        if self._tensor_map is None:
            raise ValueError("The tensor_map of layout is None")
        return {"device_matrix": self._device_shape, "tensor_map": self._tensor_map,
                "interleaved_parallel": _INTERLEAVED in self._alias_name,
                "alias_name": self._alias_name, "rank_list": self._rank_list}


def shard(fn, in_strategy, out_strategy=None, parameter_plan=None):
    """Sets the input and output split strategies of a Cell or function for auto parallel. One
    process computes the whole function, so `fn` itself is returned, as MindSpore 2.10 returns
    it on CPU (the strategies are not checked there either).

    Args:
        fn (Union[Cell, function]): The function.
        in_strategy (tuple): The inputs' layouts (tuples of ints or of :class:`Layout`).
        out_strategy (tuple, optional): The outputs' layouts. Default: ``None``.
        parameter_plan (dict, optional): Parameter names to layouts. Default: ``None``.

    Returns:
        `fn`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> def add(x, y):
        ...     return x + y
        >>> f = ms.shard(add, in_strategy=((4, 2), (4, 2)))
        >>> print(f is add, f(ms.Tensor(np.ones((2, 2), np.float32)), 1).shape)
        True (2, 2)
    """
    return fn


def reshard(tensor, layout):
    """Asks for `tensor` in another layout across devices: on one process it is `tensor`
    itself, as MindSpore 2.10 returns it on CPU.

    Args:
        tensor (Tensor): The tensor.
        layout (Layout): The layout wanted.

    Returns:
        `tensor`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.parallel import Layout
        >>> x = ms.Tensor([1.0, 2.0])
        >>> print(ms.reshard(x, Layout((2,), ("dp",))("dp")) is x)
        True
    """
    return tensor
