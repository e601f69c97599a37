"""``mindspore.ops`` math functions: products (``mm``, ``bmm``, ``mv``, ``inner``,
``tensor_dot``), ``cumprod``, ``erfinv``, ``linspace``, statistics and clipping. Each is a thin
front over engine ops, differentiable through them."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t
from ._basic_reduce import batch_matmul as _batch_matmul, scale_arg as _scale

__all__ = [
    "mm", "bmm", "mv", "inner", "outer", "tensor_dot", "cumprod", "erfinv", "linspace", "std",
    "var", "clamp", "clip", "clip_by_value", "clip_by_global_norm", "addmm", "baddbmm", "lerp", "trace",
]

_FLOATS = mstype.float_type


def _rank(op, name, x, n):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != n:
        raise ShapeError(f"For '{op}', '{name}' must be {n}-D, but got shape {list(x.shape)}.")
    return x


def mm(input, mat2):  # noqa: A002 - MindSpore's argument name
    """``ops.mm``: the product of two matrices.

    Args:
        input (Tensor): The input tensor.
        mat2 (Tensor): The right matrix operand.

    Returns:
        Tensor of shape ``[n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> y = ms.Tensor([[0.5, 1.0], [2.0, 1.0]], ms.float32)
        >>> print(ops.mm(x, y))
        [[4.5 3. ]
         [9.5 7. ]]
    """
    return _C.matmul(_rank("MatMul", "input", input, 2), _rank("MatMul", "mat2", mat2, 2))


def bmm(input_x, mat2):
    """``ops.bmm``: the batched product of ``[..., n, m]`` and ``[..., m, p]`` (3-D or more).

    Args:
        input_x (Tensor): The input tensor.
        mat2 (Tensor): The right matrix operand.

    Returns:
        Tensor of shape ``[..., n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 1, 3), ms.float32)
        >>> y = ops.ones((2, 3, 2), ms.float32)
        >>> print(ops.bmm(x, y))
        [[[3. 3.]]
        <BLANKLINE>
         [[3. 3.]]]
    """
    for name, x in (("input_x", input_x), ("mat2", mat2)):
        if not isinstance(x, Tensor) or x.ndim < 3:
            raise ShapeError(f"For 'BatchMatMul', '{name}' must be a Tensor of rank 3 or more, "
                             f"but got {getattr(x, 'shape', type(x).__name__)}.")
    return _C.matmul(input_x, mat2)


def mv(mat, vec):
    """``ops.mv``: a matrix times a vector.

    Args:
        mat (Tensor): The matrix.
        vec (Tensor): The vector.

    Returns:
        Tensor of shape ``[n]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> v = ms.Tensor([1.0, 1.0], ms.float32)
        >>> print(ops.mv(x, v))
        [-0.5 -1. ]
    """
    return _C.matmul(_rank("MatMul", "mat", mat, 2), _rank("MatMul", "vec", vec, 1))


def inner(input, other):  # noqa: A002
    """``ops.inner``: sums of products over the last axes (a scalar operand multiplies).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the sums of products over the last axis of both inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.inner(x, y))
        14.0
    """
    x, y = _t(input), _t(other)
    if x.ndim == 0 or y.ndim == 0:
        return x * y
    if x.shape[-1] != y.shape[-1]:
        raise ShapeError(f"For 'Inner', the last axes must agree, but got shapes {list(x.shape)} "
                         f"and {list(y.shape)}.")
    return tensor_dot(x, y, ((x.ndim - 1,), (y.ndim - 1,)))


def outer(input, vec2):  # noqa: A002
    """``ops.outer``: ``input[i] * vec2[j]``.

    Args:
        input (Tensor): The input tensor.
        vec2 (Tensor): The second vector.

    Returns:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.outer(x, y))
        [[ 4.   0.5  3. ]
         [ 8.   1.   6. ]
         [12.   1.5  9. ]]
    """
    x, y = _rank("Outer", "input", input, 1), _rank("Outer", "vec2", vec2, 1)
    return x.reshape(-1, 1) * y.reshape(1, -1)


def tensor_dot(x1, x2, axes):
    """``ops.tensor_dot``: sums of products over ``axes`` (an int ``n``: the last ``n`` axes of
    ``x1`` with the first ``n`` of ``x2``; or two sequences of axes). The free axes of ``x1`` come
    first, then those of ``x2``.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.
        axes (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, the axes of `x1` and `x2` that are not summed, in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.tensor_dot(x, x, 1))
        [[ 2. -2.]
         [-8. 10.]]
    """
    a, b = _t(x1), _t(x2)
    if isinstance(axes, (int, _np.integer)) and not isinstance(axes, bool):
        n = int(axes)
        if n < 0 or n > builtins.min(a.ndim, b.ndim):
            raise ShapeError(f"For 'TensorDot', 'axes' must be in [0, {builtins.min(a.ndim, b.ndim)}]"
                             f", but got {n}.")
        ax_a, ax_b = list(range(a.ndim - n, a.ndim)), list(range(n))
    else:
        if len(axes) != 2:
            raise ShapeError(f"For 'TensorDot', 'axes' must be an int or two sequences, got {axes}.")
        ax_a, ax_b = ([axes[0]] if isinstance(axes[0], int) else list(axes[0]),
                      [axes[1]] if isinstance(axes[1], int) else list(axes[1]))
        if len(ax_a) != len(ax_b):
            raise ShapeError(f"For 'TensorDot', both operands need as many axes, got {axes}.")
        ax_a = [v % a.ndim if a.ndim else v for v in ax_a]
        ax_b = [v % b.ndim if b.ndim else v for v in ax_b]
    for i, j in zip(ax_a, ax_b):
        if a.shape[i] != b.shape[j]:
            raise ShapeError(f"For 'TensorDot', axis {i} of shape {list(a.shape)} and axis {j} of "
                             f"shape {list(b.shape)} differ.")
    free_a = [i for i in range(a.ndim) if i not in ax_a]
    free_b = [j for j in range(b.ndim) if j not in ax_b]
    k = int(_np.prod([a.shape[i] for i in ax_a], dtype=_np.int64))
    am = a.permute(*(free_a + ax_a)).reshape(-1, k) if a.ndim else a.reshape(1, 1)
    bm = b.permute(*(ax_b + free_b)).reshape(k, -1) if b.ndim else b.reshape(1, 1)
    out = _C.matmul(am, bm)
    return out.reshape([a.shape[i] for i in free_a] + [b.shape[j] for j in free_b])


def cumprod(input, dim, dtype=None):  # noqa: A002
    """``ops.cumprod``: running products along ``dim``, exact (no logarithms: zeros and negatives
    are fine) and differentiable: ``ceil(log2 n)`` rounds of products with shifted copies.

    Args:
        input (Tensor): The input tensor.
        dim (int, optional): The axis.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.cumprod(x, 1))
        [[  1.   2.   6.]
         [  4.  20. 120.]]
    """
    x = _t(input)
    if dtype is not None:
        x = x.astype(dtype)
    elif x.dtype not in mstype.float_type and x.dtype not in mstype.complex_type and \
            x.dtype != mstype.uint64:
        x = x.astype(mstype.int64)  # integers and bools multiply as Int64, as MindSpore 2.10
    if x.ndim == 0:
        return x
    if isinstance(dim, bool) or not hasattr(dim, "__index__"):
        raise DTypeError(f"For 'cumprod', 'dim' must be an int, but got {type(dim).__name__}.")
    dim = dim.__index__()
    if not -x.ndim <= dim < x.ndim:  # (a dim past the rank wrapped around before)
        raise ShapeError(f"For 'cumprod', the dim must be in [{-x.ndim}, {x.ndim}), but got {dim}.")
    dim %= x.ndim
    n, shift = x.shape[dim], 1
    pre = (slice(None),) * dim
    while shift < n:
        ones_shape = list(x.shape)
        ones_shape[dim] = shift
        shifted = _C.concat([_C.full(tuple(ones_shape), 1, x.dtype), x[pre + (slice(0, n - shift),)]],
                            dim)
        x = x * shifted
        shift *= 2
    return x


def erfinv(input):  # noqa: A002
    """``ops.erfinv``: the inverse error function (Float32/Float64; ``±inf`` at ``±1``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.erfinv(x))
        [0.08885599 0.47693628 1.1630871 ]
    """
    return _t(input).erfinv()


def linspace(start, end, steps):
    """``ops.linspace``: ``steps`` evenly spaced Float32 values from ``start`` to ``end``.

    Args:
        start (number): The first value.
        end (number, optional): The end of the interval.
        steps (int): The number of values.

    Returns:
        Tensor, 1-D, of `steps` elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.linspace(0.0, 1.0, 5))
        [0.   0.25 0.5  0.75 1.  ]
    """
    def num(v, name):
        if isinstance(v, Tensor):
            return float(v)
        if isinstance(v, bool) or not isinstance(v, (int, float, _np.number)):
            raise DTypeError(f"For 'LinSpace', '{name}' must be a number or a 0-D Tensor, but got "
                             f"{type(v).__name__}.")
        return float(v)
    steps = int(steps) if isinstance(steps, Tensor) else steps
    if isinstance(steps, bool) or not isinstance(steps, (int, _np.integer)):
        raise DTypeError(f"For 'LinSpace', 'steps' must be an int, but got {type(steps).__name__}.")
    if steps < 1:
        raise ShapeError(f"For 'LinSpace', 'steps' must be positive, but got {steps}.")
    return _C.linspace(num(start, "start"), num(end, "end"), int(steps), mstype.float32)


def var(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.var``: the variance over ``axis`` (``ddof`` degrees of freedom removed).

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.var(x))
        2.7222223
    """
    x = _t(input)
    # a bool ddof is PyTorch's `unbiased` (True: ddof 1), as MindSpore 2.10 takes it
    if not isinstance(ddof, (int, _np.integer)):
        raise DTypeError(f"For 'var', 'ddof' must be an int, but got {type(ddof).__name__}.")
    if x.dtype not in _FLOATS:
        x = x.astype(mstype.float32)
    mean = x.mean(axis, True)
    d = x - mean
    sq = (d * d).sum(axis, None, keepdims)
    n = x.size if axis is None else int(_np.prod(
        [x.shape[a] for a in ((axis,) if isinstance(axis, int) else axis)], dtype=_np.int64))
    return sq / builtins.max(n - int(ddof), 0)


def std(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.std``: the standard deviation over ``axis``.

    Args:
        input (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `input` reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.std(x))
        1.6499158
    """
    return var(input, axis, ddof, keepdims).sqrt()


def clip_by_value(x, clip_value_min=None, clip_value_max=None):
    """``ops.clip_by_value``: ``x`` limited to ``[clip_value_min, clip_value_max]`` (either bound may
    be None). The gradient is 1 inside the range and 0 where a bound applies.

    Args:
        x (Union[Tensor, tuple[Tensor], list[Tensor]]): The input(s).
        clip_value_min (Union[Tensor, number], optional): The lower bound. Default: ``None``.
        clip_value_max (Union[Tensor, number], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.clip_by_value(x, -1.0, 1.0))
        [-1.  0.  1.]
    """
    x = _t(x)
    for name, v in (("clip_value_min", clip_value_min), ("clip_value_max", clip_value_max)):
        if not (v is None or isinstance(v, (Tensor, int, float, _np.number))):
            raise DTypeError(f"For 'clip_by_value', '{name}' must be a Tensor, a number or None, but got "
                             f"{type(v).__name__}")
    # MindSpore 2.10 keeps x's dtype: the bounds are cast to it (an Int32 x clipped at 1.5 is
    # clipped at 1, a Float16 x by a Float32 bound stays Float16)
    for bound, above in ((clip_value_min, False), (clip_value_max, True)):
        if bound is not None:
            bound = bound.astype(x.dtype) if isinstance(bound, Tensor) else Tensor(bound, x.dtype)
            x = _C.where_(x > bound if above else x < bound, bound, x)
    return x


def clamp(input, min=None, max=None):  # noqa: A002 - MindSpore's names
    """``ops.clamp``: ``input`` limited to ``[min, max]`` (either may be None).

    Args:
        input (Tensor): The input tensor.
        min (Union[Tensor, number], optional): The lower bound; None for no bound. Default:
            ``None``.
        max (Union[Tensor, number], optional): The upper bound; None for no bound. Default:
            ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.clamp(x, -1.0, 1.0))
        [-1.  0.  1.]
        >>> print(ops.clamp(x, min=0.0))
        [0.  0.  2.5]
    """
    if min is None and max is None:
        raise ShapeError("For 'clamp', at least one of 'min' and 'max' must be given.")
    x = _t(input)
    # MindSpore 2.10: the result has the promoted dtype of `input` and the Tensor bounds (Float16
    # by a Float32 bound is Float32, Int8 by UInt8 is Int16); an integer tensor clamped by a Python
    # float becomes Float32.
    for v in (min, max):
        if isinstance(v, Tensor) and v.dtype != x.dtype:
            x = x.astype((x.reshape(-1)[:0] + v.reshape(-1)[:0]).dtype)
        elif isinstance(v, float) and x.dtype not in mstype.float_type:
            x = x.astype(mstype.float32)
    if min is not None:
        x = _C.where_(x < min, _cast_like(min, x), x)
    if max is not None:
        x = _C.where_(x > max, _cast_like(max, x), x)
    return x


def _cast_like(v, x):
    return v.astype(x.dtype) if isinstance(v, Tensor) else Tensor(v, x.dtype)


clip = clamp


def clip_by_global_norm(x, clip_norm=1.0, use_norm=None):
    """``ops.clip_by_global_norm``: the tensors of ``x`` scaled by
    ``clip_norm / max(global_norm, clip_norm)``, where ``global_norm`` is the 2-norm of all of
    them together (``use_norm`` is not supported, as in MindSpore).

    Args:
        x (Union[tuple[Tensor], list[Tensor]]): The tensors.
        clip_norm (float, optional): The largest global norm allowed. Default: ``1.0``.
        use_norm (None, optional): Must be None (as MindSpore). Default: ``None``.

    Returns:
        tuple(Tensor), the clipped tensors, in the structure of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = (ms.Tensor([3.0, 4.0], ms.float32), ms.Tensor([0.0], ms.float32))
        >>> print(ops.clip_by_global_norm(x, 1.0))
        (Tensor(shape=[2], dtype=Float32, value= [ 6.00000024e-01,  8.00000012e-01]), Tensor(shape=[1], dtype=Float32, value= [ 0.00000000e+00]))
    """
    if use_norm is not None:
        raise ShapeError("For 'clip_by_global_norm', 'use_norm' must be None.")
    if isinstance(x, Tensor):
        return clip_by_global_norm((x,), clip_norm)[0]
    xs = tuple(x)
    if not xs:
        return xs
    total = None
    for t in xs:
        s = (t.astype(mstype.float32) ** 2).sum() if t.dtype not in _FLOATS else (t * t).sum()
        total = s if total is None else total + s
    norm = total.sqrt()
    scale = clip_norm / _C.maximum(norm, clip_norm)
    return tuple((t * scale).astype(t.dtype) for t in xs)


def addmm(input, mat1, mat2, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addmm``: ``beta * input + alpha * (mat1 @ mat2)``.

    Args:
        input (Tensor): The input tensor.
        mat1 (Tensor): The left matrix.
        mat2 (Tensor): The right matrix operand.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `input` and ``mat1 @ mat2``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> y = ms.Tensor([[0.5, 1.0], [2.0, 1.0]], ms.float32)
        >>> z = ms.Tensor([[1.0, 0.0], [0.0, 1.0]], ms.float32)
        >>> print(ops.addmm(x, y, z))
        [[1.5 3. ]
         [5.  5. ]]
    """
    return _t(input) * beta + mm(mat1, mat2) * alpha


def baddbmm(input, batch1, batch2, beta=1, alpha=1):  # noqa: A002
    """``ops.baddbmm``: ``beta * input + alpha * (batch1 @ batch2)``. As MindSpore 2.10, the
    batches may be of any rank from 2 (2-D batches are single matrices), with equal batch dimensions.

    Args:
        input (Tensor): The input tensor.
        batch1 (Tensor): The left batch of matrices.
        batch2 (Tensor): The right batch of matrices.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `input` and ``batch1 @ batch2``.

    Raises:
        TypeError: If the inputs differ in dtype, or `alpha` or `beta` is not a number (an int for
            non-float inputs).
        ValueError: If the batches are below 2-D, differ in batch dimensions or do not chain.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((1, 2, 2), ms.float32)
        >>> b1 = ops.ones((1, 2, 3), ms.float32)
        >>> b2 = ops.ones((1, 3, 2), ms.float32)
        >>> print(ops.baddbmm(x, b1, b2, alpha=0.5))
        [[[1.5 1.5]
          [1.5 1.5]]]
    """
    x = _t(input)
    dtypes = [getattr(b, "dtype", None) for b in (x, batch1, batch2)]
    if dtypes.count(x.dtype) != 3:
        raise DTypeError(f"For 'baddbmm', the inputs must have the same dtype, but got {dtypes}.")
    integral = x.dtype not in (mstype.float16, mstype.float32, mstype.float64)
    beta, alpha = _scale("baddbmm", "beta", beta, integral), _scale("baddbmm", "alpha", alpha, integral)
    return x * beta + _batch_matmul("baddbmm", batch1, batch2) * alpha


def lerp(input, end, weight):  # noqa: A002
    """``ops.lerp``: ``input + weight * (end - input)``.

    Args:
        input (Tensor): The input tensor.
        end (number, optional): The end of the interval.
        weight (Union[Tensor, float]): The interpolation weight.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(ops.lerp(x, y, z))
        [2.5  1.25 3.  ]
    """
    x = _t(input)
    return x + weight * (end - x)


def trace(input):  # noqa: A002
    """``ops.trace``: the sum of the main diagonal of a matrix.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, 0-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.trace(x))
        5.0
    """
    x = _rank("Trace", "input", input, 2)
    k = builtins.min(x.shape)
    i = Tensor(_np.arange(k, dtype=_np.int64))
    out = x[i, i].sum()
    # in the input's dtype, as MindSpore 2.10's Trace (an Int8 trace wraps as Int8)
    return out if out.dtype == x.dtype else out.astype(x.dtype)


# The elementwise math lives in ``_math_elementwise`` and part two in ``_math_more`` (kept apart
# for size); their functions are this module's too.
from . import _math_elementwise as _elementwise  # noqa: E402

globals().update({_name: getattr(_elementwise, _name) for _name in _elementwise.__all__})
__all__ += _elementwise.__all__


# Part two lives in ``_math_more`` (kept apart for size); its functions are this module's too.
from . import _math_more as _more  # noqa: E402

globals().update({_name: getattr(_more, _name) for _name in _more.__all__})
__all__ += _more.__all__


# Part three lives in ``_math_extra`` (kept apart for size); its functions are this module's too.
from . import _math_extra as _extra  # noqa: E402

globals().update({_name: getattr(_extra, _name) for _name in _extra.__all__})
__all__ += _extra.__all__

# The scatter and segment reductions beyond the sums live in ``_segment_func``.
from . import _segment_func as _segment  # noqa: E402

globals().update({_name: getattr(_segment, _name) for _name in _segment.__all__})
__all__ += _segment.__all__


# reverse_sequence, unique_with_pad and random_categorical live in ``_sequence_func``.
from . import _sequence_func as _sequence  # noqa: E402

globals().update({_name: getattr(_sequence, _name) for _name in _sequence.__all__})
__all__ += _sequence.__all__


# The older tensor_* names, functional layers, samplers and special functions of ``_misc_func``.
from . import _misc_func as _misc  # noqa: E402

globals().update({_name: getattr(_misc, _name) for _name in _misc.__all__ if _name not in globals()})
__all__ += [_n for _n in _misc.__all__ if _n not in __all__]


# The complex-number functions live in ``_complex_func``; its functions are this module's too.
from . import _complex_func as _complex  # noqa: E402

globals().update({_name: getattr(_complex, _name) for _name in _complex.__all__})
__all__ += _complex.__all__


# The Fourier transforms live in ``_fft_func``; its functions are this module's too.
from . import _fft_func as _fourier  # noqa: E402

globals().update({_name: getattr(_fourier, _name) for _name in _fourier.__all__})
__all__ += _fourier.__all__


# The diagonal and padding layouts of ``_diag_layout_func``, the boxes, grids and losses of
# ``_sampling_func``, the older functions of ``_legacy_func``, the functions over Python values of
# ``_graph_func``/``_graph_scalar_func`` and the in-place/``*_ext`` forms of ``_ext_func``; their
# functions are this module's too.
from . import _diag_layout_func as _layout  # noqa: E402
from . import _sampling_func as _sampling  # noqa: E402
from . import _legacy_func as _legacy  # noqa: E402
from . import _graph_func as _graph  # noqa: E402
from . import _graph_scalar_func as _graph_scalar  # noqa: E402
from . import _ext_func as _ext  # noqa: E402

for _module in (_layout, _sampling, _legacy, _graph, _graph_scalar, _ext):
    globals().update({_name: getattr(_module, _name) for _name in _module.__all__})
    __all__ += [_n for _n in _module.__all__ if _n not in __all__]


# MindSpore 2.10 names of this module defined elsewhere in the package (see ``_module_names``).
from ._module_names import forwarder as _forwarder  # noqa: E402

__getattr__ = _forwarder("math_func")
