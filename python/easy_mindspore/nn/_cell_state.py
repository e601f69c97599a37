"""A Cell's buffers and its ``state_dict``, as MindSpore 2.x's ``nn.Cell`` has them (after
PyTorch's): ``register_buffer``, ``buffers``, ``named_buffers``, ``state_dict`` and
``load_state_dict``. The functions here become the Cell's methods (``cell.py``).

A buffer is a Tensor a Cell holds that is not a Parameter (a running statistic, a fixed table):
it is registered by name, reached as an attribute, and saved in the ``state_dict`` unless it is
registered with ``persistent=False``. The ``state_dict`` maps dotted attribute paths
(``seq.0.weight``, ``inner.buf``) to the Parameters and buffers themselves (references, not
copies), each cell's own Parameters, then its buffers, then its sub-cells'.
``load_state_dict`` checks every entry first (type, shape) and assigns only when all pass; the
values are copied (cast to each Parameter's or buffer's dtype), so the two cells do not share
storage afterwards.
"""
from collections import OrderedDict, namedtuple
from collections.abc import Mapping

from .._C import Parameter, Tensor
from .._errors import ComputeError, DTypeError


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What ``load_state_dict`` returns: the keys the cell expected and did not get, and those it
    got and does not have."""

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


def buffer_registry(cell):
    """The cell's buffers (name -> Tensor or None) and the names of its non-persistent ones."""
    d = cell.__dict__
    if "_buffers" not in d:
        object.__setattr__(cell, "_buffers", OrderedDict())
        object.__setattr__(cell, "_non_persistent", set())
    return d["_buffers"], d["_non_persistent"]


def register_buffer(self, name, tensor, persistent=True):
    """Adds a buffer: a Tensor the cell holds that is not a Parameter (a running statistic, a fixed
    table), reached as ``self.<name>`` and saved in :func:`state_dict` unless `persistent` is False.

    Args:
        name (str): The buffer's name (an attribute name: not empty, without ``.``).
        tensor (Union[Tensor, None]): Its value; None registers the name without a value (left
            out of the ``state_dict``).
        persistent (bool, optional): Whether the ``state_dict`` includes it. Default: ``True``.

    Returns:
        None.

    Raises:
        TypeError: `name` not a str, `tensor` neither a Tensor nor None.
        KeyError: `name` empty, containing ``.``, or already an attribute that is not a buffer.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Shift(nn.Cell):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.register_buffer("offset", ms.Tensor([1.0, 2.0]))
        ...     def construct(self, x):
        ...         return x + self.offset
        >>> net = Shift()
        >>> print(net(ms.Tensor([1.0, 1.0])))
        [2. 3.]
        >>> print(list(net.state_dict()))
        ['offset']
    """
    if not isinstance(name, str):
        raise DTypeError(f"buffer name should be a string.But got this type: {type(name)}")
    if not name:
        raise KeyError('buffer name can\'t be empty string ""')
    if "." in name:
        raise KeyError('buffer name can\'t contain "."')
    buffers, non_persistent = buffer_registry(self)
    if hasattr(self, name) and name not in buffers:
        raise KeyError(f"attribute '{name}' already exists")
    if tensor is not None and not isinstance(tensor, Tensor):
        raise DTypeError(f"cannot assign '{type(tensor)}' object to buffer '{name}' (mindspore "
                         "Tensor or None required)")
    buffers[name] = tensor
    if persistent:
        non_persistent.discard(name)
    else:
        non_persistent.add(name)
    object.__setattr__(self, name, tensor)


def named_buffers(self, prefix="", recurse=True, remove_duplicate=True):
    """``(dotted path, Tensor)`` for each buffer of the cell (and, with `recurse`, of its
    sub-cells), persistent or not; buffers set to None are left out.

    Args:
        prefix (str, optional): Prepended to every path. Default: ``''``.
        recurse (bool, optional): Whether the sub-cells' buffers are included. Default: ``True``.
        remove_duplicate (bool, optional): Whether a buffer held twice is listed once.
            Default: ``True``.

    Returns:
        Iterator[tuple[str, Tensor]].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Stats(nn.Cell):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.register_buffer("count", ms.Tensor([0]), persistent=False)
        ...     def construct(self, x):
        ...         return x
        >>> net = nn.SequentialCell([Stats()])
        >>> print([name for name, _ in net.named_buffers()])
        ['0.count']
    """
    seen = set()
    cells = self.cells_and_names(prefix) if recurse else [(prefix, self)]
    for path, cell in cells:
        for n, b in buffer_registry(cell)[0].items():
            if b is None or (remove_duplicate and id(b) in seen):
                continue
            seen.add(id(b))
            yield (f"{path}.{n}" if path else n), b


def buffers(self, recurse=True):
    """The buffers of the cell (and, with `recurse`, of its sub-cells).

    Args:
        recurse (bool, optional): Whether the sub-cells' buffers are included. Default: ``True``.

    Returns:
        Iterator[Tensor].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Table(nn.Cell):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.register_buffer("table", ms.Tensor([3, 4]))
        ...     def construct(self, x):
        ...         return x
        >>> print([b.asnumpy().tolist() for b in Table().buffers()])
        [[3, 4]]
    """
    for _, b in named_buffers(self, recurse=recurse):
        yield b


def _entries(cell, prefix):
    """``(key, holder, attribute, value)`` for each entry of the ``state_dict``: each cell's own
    Parameters, then its persistent buffers, then its sub-cells', each Parameter once."""
    seen = []
    for path, c in cell.cells_and_names():
        head = prefix + (f"{path}." if path else "")
        for n, p in c._own_parameters():
            if any(p is q for q in seen):
                continue
            seen.append(p)
            yield head + n, c, n, p
        registry, non_persistent = buffer_registry(c)
        for n, b in registry.items():
            if b is not None and n not in non_persistent:
                yield head + n, c, n, b


def state_dict(self, *args, destination=None, prefix="", keep_vars=False):
    """The cell's whole state: its Parameters and persistent buffers (and its sub-cells'), by
    dotted attribute path, as references to them.

    Args:
        args: ``destination``, ``prefix`` and ``keep_vars`` given by position (deprecated, as in
            MindSpore).
        destination (dict, optional): A dict to fill and return; a new ``OrderedDict`` when None.
            Default: ``None``.
        prefix (str, optional): Prepended to every key. Default: ``''``.
        keep_vars (bool, optional): Accepted for compatibility; the values are the Parameters and
            buffers either way, as MindSpore returns them. Default: ``False``.

    Returns:
        dict, path -> Parameter or Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.SequentialCell([nn.Dense(2, 1, weight_init='ones', bias_init='zeros')])
        >>> print(net.state_dict())
        OrderedDict([('0.weight', Parameter (name=0.weight, shape=(1, 2), dtype=Float32, requires_grad=True)), ('0.bias', Parameter (name=0.bias, shape=(1,), dtype=Float32, requires_grad=True))])
    """
    if args:
        if len(args) > 3:
            raise DTypeError(f"state_dict() takes at most 3 positional arguments, but got {len(args)}")
        destination, prefix, keep_vars = (tuple(args) + (destination, prefix, keep_vars)[len(args):])[:3]
    out = OrderedDict() if destination is None else destination
    for key, _, _, value in _entries(self, prefix):
        out[key] = value
    return out


def load_state_dict(self, state_dict, strict=True):
    """Copies the values of `state_dict` (as :func:`state_dict` returns, or
    ``mindspore.load_checkpoint``) into the cell's Parameters and persistent buffers, cast to
    their dtypes. Every entry is checked before any is assigned.

    Args:
        state_dict (dict): Path -> Tensor (or Parameter).
        strict (bool, optional): Whether the keys must be exactly the cell's ``state_dict`` keys.
            Default: ``True``.

    Returns:
        A namedtuple ``(missing_keys, unexpected_keys)``: the keys the cell expected and did not
        get, and those it got and does not have.

    Raises:
        TypeError: `state_dict` not a dict.
        RuntimeError: a value that is not a Tensor or whose shape differs from the Parameter's or
            buffer's; with `strict`, missing or unexpected keys.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> src = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        >>> dst = nn.Dense(2, 1)
        >>> print(dst.load_state_dict(src.state_dict()))
        <All keys matched successfully>
        >>> print(dst.weight.asnumpy())
        [[1. 1.]]
        >>> print(dst.load_state_dict({"weight": ms.Tensor([[2.0, 3.0]])}, strict=False))
        _IncompatibleKeys(missing_keys=['bias'], unexpected_keys=[])
    """
    if not isinstance(state_dict, Mapping):
        raise DTypeError(f"Expected state_dict to be dict-like, got {type(state_dict)}.")
    entries = list(_entries(self, ""))
    expected = {key for key, _, _, _ in entries}
    missing = [key for key, _, _, _ in entries if key not in state_dict]
    unexpected = [key for key in state_dict if key not in expected]
    errors, updates = [], []
    for key, cell, name, current in entries:
        if key not in state_dict:
            continue
        value = state_dict[key]
        if not isinstance(value, Tensor):
            errors.append(f'While copying the parameter named "{key}", expected Tensor or '
                          f"Tensor-like object from checkpoint but received {type(value)}")
        elif tuple(value.shape) != tuple(current.shape):
            errors.append(f"size mismatch for {key}: copying a param with shape "
                          f"{tuple(value.shape)} from checkpoint, the shape in current model is "
                          f"{tuple(current.shape)}.")
        else:
            updates.append((cell, name, current, value))
    if strict:
        if missing:
            errors.insert(0, "Missing key(s) in state_dict: "
                          + ", ".join(f'"{k}"' for k in missing) + ". ")
        if unexpected:
            errors.insert(int(bool(missing)), "Unexpected key(s) in state_dict: "
                          + ", ".join(f'"{k}"' for k in unexpected) + ". ")
    if errors:
        raise ComputeError(f"Error(s) in loading state_dict for {type(self).__name__}:\n\t"
                           + "\n\t".join(errors))
    for cell, name, current, value in updates:
        new = value.astype(current.dtype) if value.dtype != current.dtype else value.copy()
        if isinstance(current, Parameter):
            current.set_data(new)
        else:
            register_buffer(cell, name, new, name not in buffer_registry(cell)[1])
    return _IncompatibleKeys(missing, unexpected)
