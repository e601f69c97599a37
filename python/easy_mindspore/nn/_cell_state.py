"""A Cell's buffers and its ``state_dict``, as MindSpore 2.x's ``nn.Cell`` has them (after
PyTorch's): ``register_buffer``, ``buffers``, ``named_buffers``, ``state_dict`` and
``load_state_dict``. The functions here become the Cell's methods (``cell.py``).

A buffer is a Tensor a Cell holds that is not a Parameter (a running statistic, a fixed table):
it is registered by name, reached as an attribute, and saved in the ``state_dict`` unless it is
registered with ``persistent=False``. The ``state_dict`` maps dotted attribute paths
(``seq.0.weight``, ``inner.buf``) to the Parameters and buffers themselves (references, not
copies), each cell's own Parameters, then its buffers, then its sub-cells'.
``load_state_dict`` checks every entry first (type, shape) and assigns only when all pass (a
``strict`` load with missing or unexpected keys assigns the entries it has, then raises, as
MindSpore does); the values are copied (cast to each Parameter's or buffer's dtype), so the two cells do not share
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


def _tree(cell, path=""):
    """``(event, path, cell)`` over the cell and its descendants, each once, depth first:
    ``'enter'`` before a cell's sub-cells, ``'leave'`` after them (the order of MindSpore's
    recursive ``state_dict``, which the hooks see)."""
    seen = set()

    def walk(c, p):
        if id(c) in seen:
            return
        seen.add(id(c))
        yield "enter", p, c
        for n, child in c._registries()[1].items():
            yield from walk(child, f"{p}.{n}" if p else n)
        yield "leave", p, c

    yield from walk(cell, path)


def _hooks(cell, kind):
    """The cell's state-dict hooks of one kind (``'pre'``, ``'post'``, ``'load_pre'``,
    ``'load_post'``): a dict id -> hook, made on first use."""
    table = cell.__dict__.get("_state_dict_hooks_")
    if table is None:
        table = {k: OrderedDict() for k in ("pre", "post", "load_pre", "load_post")}
        object.__setattr__(cell, "_state_dict_hooks_", table)
    return table[kind]


def _entries(cell, prefix, on_enter=None, on_leave=None):
    """``(key, holder, attribute, value)`` for each entry of the ``state_dict``: each cell's own
    Parameters, then its persistent buffers, then its sub-cells', each Parameter once.
    `on_enter(cell, head)` / `on_leave(cell, head)` run before / after each cell's subtree."""
    seen = []
    for event, path, c in _tree(cell):
        head = prefix + (f"{path}." if path else "")
        if event == "leave":
            if on_leave is not None:
                on_leave(c, head)
            continue
        if on_enter is not None:
            on_enter(c, head)
        for n, p in c._own_parameters():
            if any(p is q for q in seen):
                continue
            seen.append(p)
            yield head + n, c, n, p
        registry, non_persistent = buffer_registry(c)
        for n, b in registry.items():
            if b is not None and n not in non_persistent:
                yield head + n, c, n, b


def get_sub_cell(self, target):
    """The descendant cell at the dotted attribute path `target` (``''``: the cell itself).

    Args:
        target (str): The path, as in ``cells_and_names`` (``'net_b.net_c'``).

    Returns:
        Cell.

    Raises:
        AttributeError: a step of the path is not an attribute, or not a Cell.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.SequentialCell([nn.Dense(2, 2), nn.ReLU()])
        >>> print(type(net.get_sub_cell("1")).__name__)
        ReLU
    """
    from .cell import Cell
    if not isinstance(target, str):
        raise DTypeError(f"For 'get_sub_cell', the 'target' must be str, but got {type(target)}.")
    cell = self
    for item in target.split(".") if target else ():
        if not hasattr(cell, item):
            raise AttributeError(f"{type(cell).__name__} has no attribute `{item}`")
        cell = getattr(cell, item)
        if not isinstance(cell, Cell):
            raise AttributeError(f"`{item}` is not an nn.Cell")
    return cell


def get_buffer(self, target):
    """The buffer at the dotted path `target` (``'sub.running'``: the buffer ``running`` of the
    sub-cell ``sub``).

    Args:
        target (str): The path.

    Returns:
        Tensor.

    Raises:
        AttributeError: no such sub-cell or attribute, or the attribute is not a buffer.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> inner = nn.Cell()
        >>> inner.register_buffer("table", ms.Tensor([1, 2]))
        >>> outer = nn.SequentialCell([inner])
        >>> print(outer.get_buffer("0.table"))
        [1 2]
    """
    path, _, name = target.rpartition(".")
    cell = get_sub_cell(self, path)
    if not hasattr(cell, name):
        raise AttributeError(f"{type(cell).__name__} has no attribute `{name}`")
    if name not in buffer_registry(cell)[0]:
        raise AttributeError(f"`{name}` is not a buffer")
    return getattr(cell, name)


def _register(self, kind, hook, doc_op):
    from ..common.hook_handle import HookHandle
    if not callable(hook):
        raise DTypeError(f"For '{doc_op}', the 'hook' must be a function, but got {type(hook)}.")
    table = _hooks(self, kind)
    handle = HookHandle(table)
    table[handle.handle_id] = hook
    return handle


def register_state_dict_pre_hook(self, hook):
    """Registers ``hook(cell, prefix, keep_vars)``, called by ``state_dict`` before it collects
    this cell's entries (`prefix` is the cell's key prefix, ``'sub.'``).

    Args:
        hook (Callable): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1)
        >>> seen = []
        >>> handle = net.register_state_dict_pre_hook(lambda cell, prefix, keep: seen.append(prefix))
        >>> _ = net.state_dict(prefix="net.")
        >>> print(seen)
        ['net.']
    """
    return _register(self, "pre", hook, "register_state_dict_pre_hook")


def register_state_dict_post_hook(self, hook):
    """Registers ``hook(cell, state_dict, prefix, local_metadata)``, called by ``state_dict`` after
    this cell's entries and its sub-cells'; it may edit ``state_dict`` in place and must return
    None (a RuntimeError otherwise).

    Args:
        hook (Callable): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1)
        >>> def drop_bias(cell, sd, prefix, meta):
        ...     del sd[prefix + "bias"]
        >>> handle = net.register_state_dict_post_hook(drop_bias)
        >>> print(list(net.state_dict()))
        ['weight']
        >>> handle.remove()
        >>> print(list(net.state_dict()))
        ['weight', 'bias']
    """
    return _register(self, "post", hook, "register_state_dict_post_hook")


def register_load_state_dict_pre_hook(self, hook):
    """Registers ``hook(cell, state_dict, prefix, local_metadata, strict, missing_keys,
    unexpected_keys, error_msgs)``, called by ``load_state_dict`` before any entry is read; it may
    edit ``state_dict`` (a copy of the caller's) and append to ``error_msgs``.

    Args:
        hook (Callable): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, has_bias=False)
        >>> def rename(cell, sd, prefix, meta, strict, missing, unexpected, errors):
        ...     sd[prefix + "weight"] = sd.pop(prefix + "w")
        >>> handle = net.register_load_state_dict_pre_hook(rename)
        >>> print(net.load_state_dict({"w": ms.Tensor([[1.0, 2.0]])}))
        <All keys matched successfully>
        >>> print(net.weight.asnumpy())
        [[1. 2.]]
    """
    return _register(self, "load_pre", hook, "register_load_state_dict_pre_hook")


def register_load_state_dict_post_hook(self, hook):
    """Registers ``hook(cell, incompatible_keys)``, called by ``load_state_dict`` after the
    values are loaded (a cell's after its sub-cells'); it may edit
    ``incompatible_keys.missing_keys`` / ``unexpected_keys`` in place (before ``strict`` is
    checked) and must return None (a RuntimeError otherwise).

    Args:
        hook (Callable): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1)
        >>> handle = net.register_load_state_dict_post_hook(lambda cell, keys: keys.missing_keys.clear())
        >>> print(net.load_state_dict({"weight": ms.Tensor([[1.0, 2.0]])}))
        <All keys matched successfully>
    """
    return _register(self, "load_post", hook, "register_load_state_dict_post_hook")


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

    def enter(cell, head):
        for hook in list(_hooks(cell, "pre").values()):
            hook(cell, head, keep_vars)

    def leave(cell, head):
        for hook in list(_hooks(cell, "post").values()):
            if hook(cell, out, head, {}) is not None:
                raise ComputeError("state_dict post-hook must return None")

    for key, _, _, value in _entries(self, prefix, enter, leave):
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
    state_dict = OrderedDict(state_dict)  # a copy: the pre-hooks may edit it
    missing, unexpected, errors = [], [], []
    for event, path, cell in _tree(self):
        if event == "enter":
            for hook in list(_hooks(cell, "load_pre").values()):
                hook(cell, state_dict, f"{path}." if path else "", {}, strict, missing,
                     unexpected, errors)
    entries = list(_entries(self, ""))
    expected = {key for key, _, _, _ in entries}
    missing += [key for key, _, _, _ in entries if key not in state_dict]
    unexpected += [key for key in state_dict if key not in expected]
    updates = []
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
    if not errors:  # every entry checked before any is assigned
        for cell, name, current, value in updates:
            new = value.astype(current.dtype) if value.dtype != current.dtype else value.copy()
            if isinstance(current, Parameter):
                current.set_data(new)
            else:
                register_buffer(cell, name, new, name not in buffer_registry(cell)[1])
    keys = _IncompatibleKeys(missing, unexpected)
    for event, _, cell in _tree(self):
        if event == "leave":
            for hook in list(_hooks(cell, "load_post").values()):
                if hook(cell, keys) is not None:
                    raise ComputeError("Hooks registered with ``register_load_state_dict_post_hook`` "
                                       "are not expected to return new values, if incompatible_keys "
                                       "need to be modified, it should be done inplace.")
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
    return keys


def note_parameter_sequence(cell, name, value):
    """Records the Parameters of a tuple or list attribute ``name`` of ``cell``; as MindSpore,
    a Parameter in it whose name a different Parameter of another such attribute already has
    is a ValueError (the two could not be told apart in a checkpoint or a graph)."""
    from .._errors import ShapeError

    table = cell.__dict__.get("_param_sequences")
    if table is None:
        table = {}
        object.__setattr__(cell, "_param_sequences", table)
    table.pop(name, None)
    names = {p.name: p for members in table.values() for p in members}
    for p in value:
        if isinstance(p, Parameter) and names.get(p.name, p) is not p:
            raise ShapeError(f"The value {value!r} , its name '{p.name}' already exists. Please set a "
                             "unique name for the parameter.")
    table[name] = [p for p in value if isinstance(p, Parameter)]
