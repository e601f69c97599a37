"""``ops.switch_layer`` and ``ops.mixed_precision_cast``, as MindSpore 2.10 runs them.

``switch_layer(index, layers)`` picks ``layers[index]`` while a graph is compiled (GRAPH_MODE or
``jit``; a negative index counts from the end); MindSpore's CPU has no kernel for it in PyNative
mode (RuntimeError). ``mixed_precision_cast(dst_type, x)`` casts the float Tensors of `x` (a
Tensor, or a tuple or list of them, answered as a tuple) to `dst_type` and leaves the rest."""
from ... import _tree
from ..._C import Tensor
from ..._errors import DTypeError, TensorIndexError
from ...common import dtype as mstype

__all__ = ["switch_layer", "mixed_precision_cast"]


def _kind(value):
    """The name MindSpore's compiler gives the kind of `value` in its errors."""
    if isinstance(value, list):
        kinds = {"Func" if callable(v) else type(v).__name__ for v in value}
        inner = kinds.pop() if len(kinds) == 1 else "Any"
        return f"List[{inner}*{len(value)}]"
    from .._npu_ops import graph_type
    return graph_type(value)


def switch_layer(index, layers):
    """The layer `index` of the tuple `layers` (MindSpore's ``switch_layer``), as a graph picks
    it: while a graph is compiled (GRAPH_MODE, ``jit``), ``layers[index]``; in PyNative mode
    MindSpore's CPU has no kernel for it.

    Args:
        index (Tensor): An Int32 scalar in ``[-len(layers), len(layers))``.
        layers (tuple): The layers (Cells or functions).

    Returns:
        The chosen layer.

    Raises:
        TypeError: If `index` is not a Tensor or `layers` not a tuple.
        IndexError: If `index` is out of range.
        RuntimeError: In PyNative mode.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> layers = (nn.ReLU(), nn.Tanh())
        >>> @ms.jit
        ... def f(i, x):
        ...     return ops.switch_layer(i, layers)(x)
        >>> print(f(ms.Tensor(0, ms.int32), ms.Tensor([-1.0, 1.0])))
        [0. 1.]
    """
    from ..._jit import tracing

    if not isinstance(index, Tensor):
        raise DTypeError(f"For 'switch_layer', input[0] should be Tensor, but got {_kind(index)}.")
    if not isinstance(layers, tuple):
        raise DTypeError(f"For 'switch_layer', input[1] should be Tuple, but got {_kind(layers)}.")
    if not tracing():
        from .._npu_ops import unsupported_on_cpu
        unsupported_on_cpu("switch_layer")
    i, n = int(index.asnumpy().reshape(())), len(layers)
    if not -n <= i < n:
        raise TensorIndexError(f"Given index {i} out of range. Please make sure the value of index in [-{n}, {n}), "
                               f"and the type is int32 for switch actor.")
    return layers[i]


def _cast_floats(dst_type, x):
    if isinstance(x, Tensor):
        return x.astype(dst_type) if x.dtype in mstype.float_type else x
    return x


def mixed_precision_cast(dst_type, x):
    """The float Tensors of `x` cast to `dst_type` (MindSpore's cast of an auto-mixed-precision
    cell's inputs): a Tensor, or each of a tuple or list (the answer a tuple); integer and bool
    Tensors, numbers and dicts unchanged. Differentiable.

    Args:
        dst_type (mindspore.dtype): The dtype of the float Tensors.
        x (Union[Tensor, tuple, list, object]): The value.

    Returns:
        The value with its float Tensors cast.

    Raises:
        TypeError: If `dst_type` is not a dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> out = ops.mixed_precision_cast(ms.float16, (ms.Tensor([1.0]), ms.Tensor([1])))
        >>> print(out[0].dtype, out[1].dtype)
        Float16 Int64
    """
    if not isinstance(dst_type, mstype.Type):
        raise DTypeError(f"For 'Cast', the input 'dtype' should be mindspore dtype, but got {dst_type}.")
    if isinstance(x, (tuple, list)):  # the answer a tuple; nested sequences keep their kinds
        return tuple(_tree.map_leaves(lambda v: _cast_floats(dst_type, v), v) for v in x)
    return _cast_floats(dst_type, x)
