"""A Cell's hooks, flags and recursive application, as MindSpore 2.x's ``nn.Cell`` has them:
``register_forward_pre_hook``, ``register_forward_hook``, ``register_backward_pre_hook``,
``register_backward_hook`` (each returns a ``HookHandle`` whose ``remove()`` unregisters it),
``apply``, ``add_flags``, ``add_flags_recursive``, ``get_flags``, ``insert_param_to_cell``,
``recompute``, ``to`` and ``cls_name``. The functions here become the Cell's methods (``cell.py``).

A call of a Cell with hooks runs, in order: the forward pre hooks (each may replace the
positional inputs), ``construct`` (its Tensor inputs and outputs passed through identities whose
backward rules run the backward hooks), the forward hooks (each may replace the output). In the
backward pass the backward pre hooks see (and may replace) the gradient of the Cell's outputs,
``grad_output``; the backward hooks then see the gradient the Cell passes to its Tensor inputs,
``grad_input``, with that ``grad_output``, and may replace ``grad_input``. A Cell without hooks
pays one dictionary lookup per call.
"""
from collections import OrderedDict

from .._C import Parameter, Tensor
from .._errors import ComputeError, DTypeError
from ..common.hook_handle import HookHandle


def _hooks(cell, kind):
    """The cell's hooks of `kind` (an ordered dict id -> function), created on first use."""
    d = cell.__dict__
    table = d.get("_hooks")
    if table is None:
        table = {k: OrderedDict() for k in ("pre", "fwd", "bwd_pre", "bwd", "pre_kw", "fwd_kw")}
        object.__setattr__(cell, "_hooks", table)
    return table[kind]


def _check_fn(method, hook_fn):
    if not callable(hook_fn):
        raise DTypeError(f"For '{method}', expected a callable hook function, but got "
                         f"{type(hook_fn).__name__}.")


def register_forward_pre_hook(self, hook_fn, *, prepend=False, with_kwargs=False):
    """Registers ``hook_fn(cell, args)`` (``hook_fn(cell, args, kwargs)`` with `with_kwargs`), run
    before ``construct``; it may return new positional inputs (a tuple, or one value), or, with
    `with_kwargs`, a pair ``(args, kwargs)``.

    Args:
        hook_fn (function): The hook.
        prepend (bool, optional): Run it before the hooks already registered. Default: ``False``.
        with_kwargs (bool, optional): Pass the keyword inputs too. Default: ``False``.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.ReLU()
        >>> handle = net.register_forward_pre_hook(lambda cell, args: (args[0] - 1,))
        >>> print(net(ms.Tensor([0.5, 2.0])))
        [0. 1.]
        >>> handle.remove()
        >>> print(net(ms.Tensor([0.5, 2.0])))
        [0.5 2. ]
    """
    _check_fn("register_forward_pre_hook", hook_fn)
    table, kw = _hooks(self, "pre"), _hooks(self, "pre_kw")
    handle = HookHandle(table, extra_dict=kw)
    table[handle.handle_id] = hook_fn
    if prepend:
        table.move_to_end(handle.handle_id, last=False)
    if with_kwargs:
        kw[handle.handle_id] = True
    return handle


def register_forward_hook(self, hook_fn, *, prepend=False, with_kwargs=False, always_call=False):
    """Registers ``hook_fn(cell, args, output)`` (``hook_fn(cell, args, kwargs, output)`` with
    `with_kwargs`), run after ``construct``; it may return a new output.

    Args:
        hook_fn (function): The hook.
        prepend (bool, optional): Run it before the hooks already registered. Default: ``False``.
        with_kwargs (bool, optional): Pass the keyword inputs too. Default: ``False``.
        always_call (bool, optional): Accepted for MindSpore's signature; a hook here runs only
            after a ``construct`` that returned. Default: ``False``.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.ReLU()
        >>> seen = []
        >>> handle = net.register_forward_hook(lambda cell, args, out: seen.append(out.shape))
        >>> _ = net(ms.Tensor([[1.0, -1.0]]))
        >>> seen
        [(1, 2)]
    """
    _check_fn("register_forward_hook", hook_fn)
    del always_call
    table, kw = _hooks(self, "fwd"), _hooks(self, "fwd_kw")
    handle = HookHandle(table, extra_dict=kw)
    table[handle.handle_id] = hook_fn
    if prepend:
        table.move_to_end(handle.handle_id, last=False)
    if with_kwargs:
        kw[handle.handle_id] = True
    return handle


def register_backward_pre_hook(self, hook_fn):
    """Registers ``hook_fn(cell, grad_output)``, run in the backward pass with the gradients of
    the Cell's Tensor outputs (a tuple); it may return new ones.

    Args:
        hook_fn (function): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.ReLU()
        >>> _ = net.register_backward_pre_hook(lambda cell, g: (g[0] * 10,))
        >>> print(ms.grad(lambda x: net(x).sum())(ms.Tensor([1.0, -1.0])))
        [10.  0.]
    """
    _check_fn("register_backward_pre_hook", hook_fn)
    table = _hooks(self, "bwd_pre")
    handle = HookHandle(table)
    table[handle.handle_id] = hook_fn
    return handle


def register_backward_hook(self, hook_fn):
    """Registers ``hook_fn(cell, grad_input, grad_output)``, run in the backward pass with the
    gradients the Cell passes to its Tensor inputs and the gradients of its outputs (tuples); it
    may return new ``grad_input``.

    Args:
        hook_fn (function): The hook.

    Returns:
        HookHandle, whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.ReLU()
        >>> def clip(cell, grad_input, grad_output):
        ...     return tuple(g.clip(-0.5, 0.5) for g in grad_input)
        >>> _ = net.register_backward_hook(clip)
        >>> print(ms.grad(lambda x: (net(x) * 3).sum())(ms.Tensor([1.0, -1.0])))
        [0.5 0. ]
    """
    _check_fn("register_backward_hook", hook_fn)
    table = _hooks(self, "bwd")
    handle = HookHandle(table)
    table[handle.handle_id] = hook_fn
    return handle


def _as_tuple(v):
    return v if isinstance(v, tuple) else (v,)


def call(cell, table, inputs, kwargs, run):
    """`run(inputs, kwargs)` (the Cell's call without hooks) with the cell's hooks around it."""
    for hid, fn in list(table["pre"].items()):
        if hid in table["pre_kw"]:
            ret = fn(cell, inputs, kwargs)
            if ret is not None:
                if not (isinstance(ret, tuple) and len(ret) == 2):
                    raise ComputeError("forward pre hook with kwargs must return None or a tuple "
                                       f"of (new_args, new_kwargs), but got {ret}")
                inputs, kwargs = tuple(ret[0]), dict(ret[1])
        else:
            ret = fn(cell, inputs)
            if ret is not None:
                inputs = _as_tuple(ret)
    backward = table["bwd"] or table["bwd_pre"]
    if backward:
        box = {}
        inputs = _enter(cell, table, inputs, box)
        out = _leave(cell, table, run(inputs, kwargs), box)
    else:
        out = run(inputs, kwargs)
    for hid, fn in list(table["fwd"].items()):
        ret = fn(cell, inputs, kwargs, out) if hid in table["fwd_kw"] else fn(cell, inputs, out)
        if ret is not None:
            out = ret
    return out


def _differentiable(v):
    return isinstance(v, Tensor) and v.is_floating_point()


def _through(values, backward):
    """`values` with their float Tensors passed through one identity whose backward rule is
    `backward(cotangents) -> cotangents` (tuples, one per float Tensor)."""
    from .._custom import custom_vjp

    at = [i for i, v in enumerate(values) if _differentiable(v)]
    if not at:
        return values

    def identity(*xs):
        return xs if len(xs) > 1 else xs[0]

    def bprop(*args):
        dout = _as_tuple(args[-1]) if len(at) > 1 else (args[-1],)
        new = backward(dout)
        if len(new) != len(dout):
            raise ComputeError(f"A Cell's backward hook returned {len(new)} gradients for "
                               f"{len(dout)} inputs")
        return tuple(new)

    outs = _as_tuple(custom_vjp(identity, bprop=bprop)(*(values[i] for i in at)))
    values = list(values)
    for i, v in zip(at, outs):
        values[i] = v
    return tuple(values)


def _enter(cell, table, inputs, box):
    def backward(grad_input):
        grad_output = box.get("grad_output", ())
        for fn in list(table["bwd"].values()):
            ret = fn(cell, grad_input, grad_output)
            if ret is not None:
                grad_input = _as_tuple(ret)
        return grad_input

    return _through(tuple(inputs), backward)


def _leave(cell, table, out, box):
    def backward(grad_output):
        for fn in list(table["bwd_pre"].values()):
            ret = fn(cell, grad_output)
            if ret is not None:
                grad_output = _as_tuple(ret)
        box["grad_output"] = grad_output
        return grad_output

    if isinstance(out, tuple):
        return _through(out, backward)
    return _through((out,), backward)[0]


def apply(self, fn):
    """Calls `fn` on every sub-cell (recursively, children first) and then on this Cell; the
    usual way to initialise a network's weights.

    Args:
        fn (function): Called with each Cell.

    Returns:
        Cell, this Cell.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.common.initializer import initializer, One
        >>> net = nn.SequentialCell(nn.Dense(2, 2), nn.Dense(2, 2))
        >>> def init(cell):
        ...     if isinstance(cell, nn.Dense):
        ...         cell.weight.set_data(initializer(One(), cell.weight.shape, cell.weight.dtype))
        >>> _ = net.apply(init)
        >>> print(net[0].weight.asnumpy())
        [[1. 1.]
         [1. 1.]]
    """
    for cell in self.cells():
        cell.apply(fn)
    fn(self)
    return self


def add_flags(self, **flags):
    """Sets each flag as an attribute of this Cell and records it (``get_flags``).

    Returns:
        Cell, this Cell.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.ReLU().add_flags(sink_mode=True)
        >>> net.sink_mode, net.get_flags()
        (True, {'sink_mode': True})
    """
    d = self.__dict__
    if "_func_graph_flags" not in d:
        object.__setattr__(self, "_func_graph_flags", {})
    d["_func_graph_flags"].update(flags)
    d.update(flags)
    if not _PRECISION_FLAGS.isdisjoint(flags):
        _set_precision(self, flags)
    return self


_PRECISION_FLAGS = frozenset(("fp16", "fp32", "bf16"))


def _set_precision(cell, flags):
    """MindSpore's mixed-precision flags: ``fp16``/``fp32``/``bf16`` set to True make the
    cell run in that dtype (as ``to_float``). As in MindSpore 2.10, flags set to False leave
    the dtype the cell had."""
    from ..common import dtype as mstype

    dtype = (mstype.float16 if flags.get("fp16") else mstype.float32 if flags.get("fp32")
             else mstype.bfloat16 if flags.get("bf16") else None)
    cell._registries()
    if dtype is not None and cell.__dict__.get("_amp_dtype") != dtype:
        object.__setattr__(cell, "_amp_dtype", dtype)
        cell.__dict__["_mode_version"].bump()  # graphs traced before ran in the old dtype


def add_flags_recursive(self, **flags):
    """``add_flags`` on this Cell and every sub-cell.

    Returns:
        Cell, this Cell.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.SequentialCell(nn.ReLU()).add_flags_recursive(fp16=False)
        >>> net[0].fp16
        False
    """
    self.add_flags(**flags)
    for cell in self.cells():
        cell.add_flags_recursive(**flags)
    return self


def get_flags(self):
    """The flags set by ``add_flags`` (a dict; empty when none).

    Examples:
        >>> from mindspore import nn
        >>> nn.ReLU().get_flags()
        {}
    """
    d = self.__dict__
    if "_func_graph_flags" not in d:
        object.__setattr__(self, "_func_graph_flags", {})
    return d["_func_graph_flags"]


def insert_param_to_cell(self, param_name, param, check_name_contain_dot=True):
    """Adds `param` to this Cell under `param_name` (an attribute, and one of its Parameters;
    a Parameter still named by default takes `param_name` as its name).

    Args:
        param_name (str): The attribute name.
        param (Parameter): The Parameter (or None).
        check_name_contain_dot (bool, optional): Refuse names with a dot. Default: ``True``.

    Raises:
        KeyError: If `param_name` is empty, holds a dot, or names another attribute.
        TypeError: If `param` is not a Parameter or None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, Parameter
        >>> net = nn.ReLU()
        >>> net.insert_param_to_cell("bias", Parameter(ms.Tensor([1, 2, 3])))
        >>> net.bias.name, [p.name for p in net.get_parameters()]
        ('bias', ['bias'])
    """
    if not param_name:
        raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not be None.")
    if check_name_contain_dot and "." in param_name:
        raise KeyError("For 'insert_param_to_cell', the argument 'param_name' should not "
                       "contain'.' ")
    params, _ = self._registries()
    vacant = self.__dict__.get("_vacant") or {}
    if (hasattr(self, param_name) and param_name not in params
            and vacant.get(param_name) != "param"):
        raise KeyError(f"For 'insert_param_to_cell', the {param_name} parameter already exists in "
                       "the network.Cannot insert another parameter with the same name.")
    if param is not None and not isinstance(param, Parameter):
        raise DTypeError("For 'insert_param_to_cell', the argument 'param' must be 'Parameter' "
                         f"if not None, but got {type(param)}.")
    if param is None:  # an empty Parameter slot (as MindSpore keeps it)
        params.pop(param_name, None)
        if "_vacant" not in self.__dict__:
            object.__setattr__(self, "_vacant", {})
        self.__dict__["_vacant"][param_name] = "param"
        object.__setattr__(self, param_name, None)
        return
    setattr(self, param_name, param)


def recompute(self, **kwargs):
    """Marks the Cell for recomputation in the backward pass (MindSpore trades memory for time
    with it). Results are the same either way; this engine keeps the forward values, so the mark
    is recorded (``get_flags()['recompute']``) and has no other effect.

    Examples:
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 2)
        >>> net.recompute()
        >>> net.get_flags()['recompute']
        True
    """
    del kwargs
    self.add_flags(recompute=True)
    object.__setattr__(self, "_scope", "recompute_")


def get_scope(self):
    """The Cell's scope: ``'recompute_'`` after :meth:`recompute`, else None (MindSpore's).

    Examples:
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 2)
        >>> print(net.get_scope())
        None
        >>> net.recompute()
        >>> print(net.get_scope())
        recompute_
    """
    return self.__dict__.get("_scope")


def to(self, *args, **kwargs):
    """Casts the float Parameters and buffers of this Cell and its sub-cells to a float dtype
    (``to(dtype)``, ``to(dtype=...)``, ``to(tensor)`` takes the tensor's dtype); the device can
    only be the CPU. Integer Parameters keep theirs.

    Returns:
        Cell, this Cell.

    Raises:
        TypeError: If the dtype is not a float dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 2).to(ms.float64)
        >>> net.weight.dtype
        mindspore.float64
    """
    import easy_mindspore as ms

    dtype = kwargs.pop("dtype", None)
    device = kwargs.pop("device", None)
    kwargs.pop("non_blocking", None)
    if kwargs:
        raise DTypeError(f"For 'Cell.to', unexpected keyword arguments {sorted(kwargs)}")
    for a in args:
        if isinstance(a, Tensor):
            dtype = a.dtype
        elif isinstance(a, str):
            device = a
        elif isinstance(a, bool):
            continue
        elif a is not None:
            dtype = a
    if device is not None and str(device).upper() != "CPU":
        raise ComputeError(f"For 'Cell.to', this package runs on the CPU only, got device {device!r}")
    if dtype is None:
        return self
    floats = (ms.float16, ms.bfloat16, ms.float32, ms.float64)
    if dtype not in floats:
        raise DTypeError(f"For 'Cell.to', the dtype must be a floating point dtype, but got {dtype}")
    for _, p in self.parameters_and_names():
        if p.dtype in floats and p.dtype != dtype:
            p._convert(dtype)  # pylint: disable=protected-access
    for _, cell in self.cells_and_names():
        for name, b in list(cell.__dict__.get("_buffers", {}).items()):
            if isinstance(b, Tensor) and b.dtype in floats and b.dtype != dtype:
                setattr(cell, name, b.astype(dtype))
    return self
