"""How a Cell runs after ``Cell.to_float(dtype)`` (MindSpore's mixed precision): its float
inputs, its own float weights (Parameters with ``requires_grad``) and the Tensors it computes from them
are in ``dtype``.

The Parameters themselves stay in their dtype (the Float32 master weights the optimizer
updates); the cell computes with casts of them, and a cast's gradient casts back, so the
weights' gradients arrive in Float32. A cell written in Python sees the casts as its
attributes for the duration of the call. A cell over a Rust layer cannot be handed other
weights, so the layers the white lists name run through the functional op with the cast
weights (``Dense`` → ``ops.dense``, ``Conv2d`` and ``Conv1d`` → ``ops.conv2d``);
any other Rust layer with Parameters (BatchNorm, the recurrent layers, transposed
convolutions) runs in its Parameters' dtype, its output cast to ``dtype``.

A cell's dtype comes from ``to_float`` or from MindSpore's flags (``add_flags(fp16=True)``,
``fp32``, ``bf16``); a sub-cell without one runs in the dtype of the cell it runs in, as in
MindSpore. An optimizer's state read through its own properties (``learning_rate``) is not
cast."""
import functools
import threading

from .. import _tree
from .._C import Tensor
from ..common import dtype as mstype

__all__ = ["FLOATS", "cast_floats", "run_cast", "scope", "active"]

# The dtype of the innermost cell running in mixed precision on this thread: a sub-cell without
# a dtype of its own runs in it too (MindSpore casts every op run inside such a cell, the
# sub-cells' weights included; measured on MindSpore 2.10). ``active`` holds one entry per
# such call running on any thread (list append/pop are atomic), so a Cell call looks at the
# thread-local scope only when some mixed-precision call runs.
scope = threading.local()
active = []

FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def cast_floats(value, dtype):
    """``value`` with every float Tensor in it (through tuples and lists) cast to ``dtype``."""
    def one(v):
        if isinstance(v, Tensor) and v.dtype in FLOATS and v.dtype != dtype:
            return v.astype(dtype)
        return v
    return _tree.map_leaves(one, value)


def _dense(cell, x, dtype):
    from ..ops.function._nn_more import dense

    bias = None if cell.bias is None else cell.bias.astype(dtype)
    y = dense(x, cell.weight.astype(dtype), bias)
    return y if cell.activation is None else cell.activation(y)


def _conv2d(cell, x, dtype):
    from ..ops.function._nn_more import conv2d

    bias = None if cell.bias is None else cell.bias.astype(dtype)
    return conv2d(x, cell.weight.astype(dtype), bias, cell.stride, cell.pad_mode, cell.padding,
                  cell.dilation, cell.group)


def _conv1d(cell, x, dtype):
    # Conv1d is a Conv2d over [N, C, 1, L] (weight [O, C/group, 1, k], 4-side padding)
    return _conv2d(cell, x.expand_dims(2), dtype).squeeze(2)


@functools.lru_cache(maxsize=None)
def _functional_forwards():
    """The Rust layers that run in ``dtype`` through their functional op (exact classes: a
    subclass may have changed ``construct``)."""
    from .conv import Conv1d
    from .layer import Conv2d, Dense

    return {Dense: _dense, Conv2d: _conv2d, Conv1d: _conv1d}


def _own_float_params(cell, dtype):
    """The cell's own float Parameters that take part in the computation as weights
    (``requires_grad``); state such as moving statistics stays the Parameter itself, so the
    cell can update it in place."""
    # a name behind a class property (an optimizer's ``learning_rate``) is the cell's state
    # read through its own accessor, not a weight attribute the call can be handed a cast of
    cls = type(cell)
    return [(name, p) for name, p in cell.__dict__["_params"].items()
            if p is not None and p.requires_grad and p.dtype in FLOATS and p.dtype != dtype
            and not isinstance(getattr(cls, name, None), property)]


def run_cast(cell, dtype, inputs, kwargs, run):
    """``run(inputs, kwargs)`` (the cell's ordinary call) in ``dtype``, as the module says; the
    cell's sub-cells without a dtype of their own run in ``dtype`` too."""
    outer = getattr(scope, "dtype", None)
    scope.dtype = dtype
    active.append(None)
    try:
        return _run_cast(cell, dtype, inputs, kwargs, run)
    finally:
        active.pop()
        scope.dtype = outer


def _run_cast(cell, dtype, inputs, kwargs, run):
    inputs = cast_floats(tuple(inputs), dtype)
    kwargs = {k: cast_floats(v, dtype) for k, v in kwargs.items()}
    params = _own_float_params(cell, dtype)
    if "_native" in cell.__dict__:
        forward = _functional_forwards().get(type(cell))
        if forward is not None and len(inputs) == 1 and not kwargs:
            return forward(cell, inputs[0], dtype)
        if params:  # a Rust layer runs in its Parameters' dtype
            own = params[0][1].dtype
            out = run(cast_floats(inputs, own), {k: cast_floats(v, own) for k, v in kwargs.items()})
            return cast_floats(out, dtype)
        return run(inputs, kwargs)
    if not params:
        return run(inputs, kwargs)
    for name, p in params:
        object.__setattr__(cell, name, p.astype(dtype))
    try:
        return run(inputs, kwargs)
    finally:
        for name, p in params:
            object.__setattr__(cell, name, p)
