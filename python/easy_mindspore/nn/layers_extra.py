"""More layers of MindSpore 2.x's ``nn``: ``Linear`` and ``BiDense`` (Parameters ``weight`` and
``bias`` under MindSpore's names, shapes and default initializers), ``AdaptiveAvgPool1d`` and
``AdaptiveMaxPool1d`` (MindSpore's: the length must divide evenly), ``RReLU`` (a random negative
slope, drawn on every call as MindSpore's), ``Range``, ``ClipByNorm``, ``TimeDistributed`` and
``L1Regularizer``. Compositions of engine
ops, so differentiable."""
import math

import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .._tensor_extremes import reduce_max as _reduce_max
from ..common import dtype as mstype
from ..common.initializer import HeUniform, Uniform, initializer
from ..common.parameter import Parameter
from .cell import Cell
from ..ops.function._args import bool_arg as _bool, tensor_arg as _tensor

__all__ = ["Linear", "BiDense", "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "RReLU", "Range",
           "ClipByNorm", "TimeDistributed", "L1Regularizer"]


def _positive_int(op, what, v):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{op}', '{what}' must be an int, but got {type(v).__name__}.")
    if v <= 0:
        raise ShapeError(f"For '{op}', '{what}' must be > 0, but got {v}.")
    return int(v)


def _param(op, what, init, shape, default, dtype, name):
    """A Parameter named `name` of `shape` from `init` (`default` when None); a Tensor `init`
    must already have `shape`."""
    if init is None:
        init = default
    if isinstance(init, Tensor) and tuple(init.shape) != tuple(shape):
        raise ShapeError(f"For '{op}', '{what}' must have shape {tuple(shape)}, but got "
                         f"{tuple(init.shape)}.")
    value = initializer(init, shape, dtype)
    if dtype is not None and value.dtype != dtype:
        value = value.astype(dtype)
    return Parameter(value, name=name)


class Linear(Cell):
    r""":math:`y = x W^T + b`, with weight :math:`(\text{out\_features}, \text{in\_features})`.

    Args:
        in_features (int): The size of the input's last axis.
        out_features (int): The size of the output's last axis.
        bias (bool, optional): Whether to add the bias. Default: ``True``.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): The weight's
            initializer; ``None`` is ``HeUniform(negative_slope=math.sqrt(5))``. Default: ``None``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): The bias's
            initializer; ``None`` is :math:`\mathcal{U}(-1/\sqrt{in}, 1/\sqrt{in})`. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters (float32 when None).
            Default: ``None``.

    Inputs:
        - **x** (Tensor) - :math:`(*, \text{in\_features})`.

    Outputs:
        Tensor of shape :math:`(*, \text{out\_features})`.

    Raises:
        TypeError: If `in_features` or `out_features` is not an int, or `bias` is not a bool.
        ValueError: If `in_features` or `out_features` is not positive, a Tensor initializer has
            the wrong shape, or the last axis of `x` is not `in_features`.

    Examples:
        >>> import mindspore
        >>> from mindspore import nn
        >>> x = mindspore.Tensor([[180, 234, 154], [244, 48, 247]], mindspore.float32)
        >>> net = nn.Linear(3, 4)
        >>> print(net(x).shape)
        (2, 4)
        >>> print(net)
        Linear(input_features=3, output_features=4, has_bias=True)
    """

    def __init__(self, in_features, out_features, bias=True, weight_init=None, bias_init=None,
                 dtype=None):
        super().__init__()
        self.in_features = _positive_int("Linear", "in_features", in_features)
        self.out_features = _positive_int("Linear", "out_features", out_features)
        self.has_bias = _bool("Linear", "has_bias", bias)
        dtype = mstype.float32 if dtype is None else dtype
        self.weight = _param("Linear", "weight_init", weight_init,
                             (self.out_features, self.in_features),
                             HeUniform(negative_slope=math.sqrt(5)), dtype, "weight")
        if self.has_bias:
            self.bias = _param("Linear", "bias_init", bias_init, (self.out_features,),
                               Uniform(1 / math.sqrt(self.in_features)), dtype, "bias")
        else:
            self.bias = None

    def construct(self, x):
        _tensor("Linear", "x", x)
        if x.ndim == 0 or x.shape[-1] != self.in_features:
            raise ShapeError(f"For 'Linear', the last axis of 'x' must be in_features = "
                             f"{self.in_features}, but got shape {list(x.shape)}.")
        if x.dtype != self.weight.dtype:
            raise DTypeError(f"For 'Linear', 'x' must have the dtype of the weight "
                             f"{self.weight.dtype}, but got {x.dtype}.")
        y = _ops.matmul(x, self.weight.T)
        return y + self.bias if self.bias is not None else y

    def extend_repr(self):
        s = f"input_features={self.in_features}, output_features={self.out_features}"
        return s + (", has_bias=True" if self.has_bias else "")


class BiDense(Cell):
    r"""The bilinear layer :math:`y_o = x_1^T A_o x_2 + b_o` with weight
    :math:`A` of shape :math:`(\text{out}, \text{in1}, \text{in2})`.

    Args:
        in1_channels (int): The size of `input1`'s last axis.
        in2_channels (int): The size of `input2`'s last axis.
        out_channels (int): The size of the output's last axis.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): The weight's
            initializer; ``None`` is :math:`\mathcal{U}(-1/\sqrt{in1}, 1/\sqrt{in1})`. Default:
            ``None``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): The bias's
            initializer; ``None`` is :math:`\mathcal{U}(-1/\sqrt{in1}, 1/\sqrt{in1})`. Default:
            ``None``.
        has_bias (bool, optional): Whether to add the bias. Default: ``True``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default:
            ``mstype.float32``.

    Inputs:
        - **input1** (Tensor) - :math:`(*, \text{in1})`, float.
        - **input2** (Tensor) - :math:`(*, \text{in2})`, the same leading axes and dtype.

    Outputs:
        Tensor of shape :math:`(*, \text{out})`.

    Raises:
        TypeError: If a channel count is not an int, `has_bias` is not a bool, or the inputs
            differ in dtype from the weight.
        ValueError: If a channel count is not positive, a Tensor initializer has the wrong shape,
            or the inputs' shapes do not fit.

    Examples:
        >>> import numpy as np
        >>> import mindspore
        >>> from mindspore import Tensor, nn
        >>> x1 = Tensor(np.random.randn(128, 20), mindspore.float32)
        >>> x2 = Tensor(np.random.randn(128, 30), mindspore.float32)
        >>> net = nn.BiDense(20, 30, 40)
        >>> print(net(x1, x2).shape)
        (128, 40)
        >>> print(net)
        BiDense(in1_channels=20, in2_channels=30, output_channels=40, has_bias=True)
    """

    def __init__(self, in1_channels, in2_channels, out_channels, weight_init=None, bias_init=None,
                 has_bias=True, dtype=mstype.float32):
        super().__init__()
        op = "BiDense"
        self.in1_channels = _positive_int(op, "in1_channels", in1_channels)
        self.in2_channels = _positive_int(op, "in2_channels", in2_channels)
        self.out_channels = _positive_int(op, "out_channels", out_channels)
        self.has_bias = _bool(op, "has_bias", has_bias)
        bound = 1 / math.sqrt(self.in1_channels)
        self.weight = _param(op, "weight_init", weight_init,
                             (self.out_channels, self.in1_channels, self.in2_channels),
                             Uniform(bound), dtype, "weight")
        self.bias = _param(op, "bias_init", bias_init, (self.out_channels,), Uniform(bound),
                           dtype, "bias") if self.has_bias else None

    def construct(self, input1, input2):
        op = "BiDense"
        a, b = _tensor(op, "input1", input1), _tensor(op, "input2", input2)
        if a.ndim == 0 or b.ndim == 0 or tuple(a.shape[:-1]) != tuple(b.shape[:-1]):
            raise ShapeError(f"For '{op}', 'input1' and 'input2' must have the same leading "
                             f"axes, but got shapes {list(a.shape)} and {list(b.shape)}.")
        if a.shape[-1] != self.in1_channels or b.shape[-1] != self.in2_channels:
            raise ShapeError(f"For '{op}', the last axes of 'input1' and 'input2' must be "
                             f"{self.in1_channels} and {self.in2_channels}, but got shapes "
                             f"{list(a.shape)} and {list(b.shape)}.")
        if a.dtype != self.weight.dtype or b.dtype != self.weight.dtype:
            raise DTypeError(f"For '{op}', the inputs must have the weight's dtype "
                             f"{self.weight.dtype}, but got {a.dtype} and {b.dtype}.")
        lead = tuple(a.shape[:-1])
        a2 = a.reshape((-1, self.in1_channels))
        b2 = b.reshape((-1, self.in2_channels))
        # (M, in1) @ (in1, out·in2) -> (M, out, in2), then contract with x2 over in2.
        w = self.weight.transpose((1, 0, 2)).reshape((self.in1_channels, -1))
        t = _ops.matmul(a2, w).reshape((-1, self.out_channels, self.in2_channels))
        y = (t * b2.expand_dims(1)).sum(axis=-1)
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(lead + (self.out_channels,))

    def extend_repr(self):
        s = (f"in1_channels={self.in1_channels}, in2_channels={self.in2_channels}, "
             f"output_channels={self.out_channels}")
        return s + (", has_bias=True" if self.has_bias else "")


class _AdaptivePool1d(Cell):
    def __init__(self, output_size):
        super().__init__()
        op = type(self).__name__
        if isinstance(output_size, bool) or not isinstance(output_size, (int, _np.integer)):
            raise DTypeError(f"For '{op}', 'output_size' must be an int, but got "
                             f"{type(output_size).__name__}.")
        if output_size < 1:
            raise ShapeError(f"For '{op}', 'output_size' must be >= 1, but got {output_size}.")
        self.output_size = int(output_size)

    def construct(self, input):  # noqa: A002 - MindSpore's name
        op = type(self).__name__
        x = _tensor(op, "input", input)
        if x.ndim != 3:
            raise ShapeError(f"For '{op}', the input must be 3-D (N, C, L), but got shape "
                             f"{list(x.shape)}.")
        if x.dtype not in (mstype.float16, mstype.float32):
            raise DTypeError(f"For '{op}', the input must be float16 or float32, but got "
                             f"{x.dtype}.")
        n, out = x.shape[-1], self.output_size
        if n < out or n % out:
            raise ShapeError(f"For '{op}', the input length {n} must be a multiple of "
                             f"output_size = {out} (shape {list(x.shape)}).")
        y = x.reshape(tuple(x.shape[:-1]) + (out, n // out))
        return self._pool(y)

    def __repr__(self):
        return f"{type(self).__name__}()"


class AdaptiveAvgPool1d(_AdaptivePool1d):
    r"""The mean of each of `output_size` equal windows of the last axis of :math:`(N, C, L)`
    (MindSpore's: :math:`L` must be a multiple of `output_size`).

    Args:
        output_size (int): The output length, >= 1.

    Inputs:
        - **input** (Tensor) - :math:`(N, C, L)`, float16 or float32.

    Outputs:
        Tensor of shape :math:`(N, C, \text{output\_size})` in the input's dtype.

    Raises:
        TypeError: If `output_size` is not an int, or the input is not float16/float32.
        ValueError: If `output_size` < 1, the input is not 3-D, or :math:`L` is not a multiple of
            `output_size`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(1, 2, 6))
        >>> print(nn.AdaptiveAvgPool1d(3)(x))
        [[[ 0.5  2.5  4.5]
          [ 6.5  8.5 10.5]]]
    """

    def _pool(self, y):
        return y.mean(axis=-1)


class AdaptiveMaxPool1d(_AdaptivePool1d):
    r"""The maximum of each of `output_size` equal windows of the last axis of :math:`(N, C, L)`
    (MindSpore's: :math:`L` must be a multiple of `output_size`).

    Args:
        output_size (int): The output length, >= 1.

    Inputs:
        - **input** (Tensor) - :math:`(N, C, L)`, float16 or float32.

    Outputs:
        Tensor of shape :math:`(N, C, \text{output\_size})` in the input's dtype.

    Raises:
        TypeError: If `output_size` is not an int, or the input is not float16/float32.
        ValueError: If `output_size` < 1, the input is not 3-D, or :math:`L` is not a multiple of
            `output_size`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(1, 2, 6))
        >>> print(nn.AdaptiveMaxPool1d(2)(x))
        [[[ 2.  5.]
          [ 8. 11.]]]
    """

    def _pool(self, y):
        return _reduce_max(y, -1)


class RReLU(Cell):
    r"""The randomized leaky ReLU: :math:`x` where :math:`x \ge 0`, else :math:`a x` with a slope
    :math:`a \sim \mathcal{U}(\text{lower}, \text{upper})` drawn per element. As MindSpore 2.10's,
    the slope is drawn on every call, in training and evaluation mode alike.

    Args:
        lower (Union[int, float], optional): The smallest slope. Default: ``1 / 8``.
        upper (Union[int, float], optional): The largest slope, >= `lower`. Default: ``1 / 3``.

    Inputs:
        - **x** (Tensor) - The input.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `lower` or `upper` is not an int or a float, or `x` is not a Tensor.
        ValueError: If `upper` < `lower`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> out = nn.RReLU()(ms.Tensor(np.array([[-1.0, 4.0], [2.0, 0.0]]), ms.float32))
        >>> print(out.shape, out[0, 1], out[1])
        (2, 2) 4.0 [2. 0.]
        >>> print(bool(-1 / 3 <= float(out[0, 0]) <= -1 / 8))
        True
    """

    def __init__(self, lower=1 / 8, upper=1 / 3):
        super().__init__()
        for what, v in (("lower", lower), ("upper", upper)):
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise DTypeError(f"For 'RReLU', '{what}' must be an int or a float, but got "
                                 f"{type(v).__name__}.")
        if upper < lower:
            raise ShapeError(f"For 'RReLU', 'upper' must be >= 'lower', but got upper: {upper}, "
                             f"lower: {lower}.")
        self.lower, self.upper = float(lower), float(upper)

    def construct(self, x):
        _tensor("RReLU", "x", x)
        slope = _ops.uniform(tuple(x.shape), Tensor(self.lower, mstype.float32),
                             Tensor(self.upper, mstype.float32))
        if x.dtype in (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16):
            slope = slope.astype(x.dtype)
            return _ops.where(x >= 0, x, x * slope)
        # Integers as MindSpore: the scaled negatives truncate toward zero.
        scaled = (x.astype(mstype.float32) * slope).astype(x.dtype)
        return _ops.where(x >= 0, x, scaled)

    def __repr__(self):
        return "RReLU()"


class Range(Cell):
    r"""The sequence ``start, start + delta, ...`` up to but excluding `limit` (``Range(n)`` is
    ``0 .. n-1``), int32 when all arguments are ints, else float32.

    Args:
        start (Union[int, float]): The first value (the limit, from 0, when `limit` is None).
        limit (Union[int, float], optional): The end, excluded. Default: ``None``.
        delta (Union[int, float], optional): The step, non-zero. Default: ``1``.

    Outputs:
        Tensor, 1-D.

    Raises:
        TypeError: If an argument is not an int or a float.
        ValueError: If `delta` is zero.

    Examples:
        >>> from mindspore import nn
        >>> print(nn.Range(1, 8, 2)())
        [1 3 5 7]
        >>> print(nn.Range(1.0, 2.0, 0.3)())
        [1.  1.3 1.6 1.9]
    """

    def __init__(self, start, limit=None, delta=1):
        super().__init__()
        args = (start, delta) if limit is None else (start, limit, delta)
        for v in args:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise DTypeError(f"For 'Range', 'start', 'limit' and 'delta' must be ints or "
                                 f"floats, but got {type(v).__name__}.")
        if delta == 0:
            raise ShapeError("For 'Range', 'delta' can not be zero.")
        if limit is None:
            start, limit = 0, start
        ints = all(isinstance(v, int) for v in (start, limit, delta))
        dtype = _np.int32 if ints else _np.float32
        self.start, self.limit, self.delta = start, limit, delta
        # The values are computed in float64 and then cast, so 1.0 + 3·0.3 stays 1.9.
        values = _np.arange(start, limit, delta, dtype=_np.float64 if not ints else _np.int64)
        self._values = values.astype(dtype)

    def construct(self):
        return Tensor(self._values)


class ClipByNorm(Cell):
    r"""Scales `x` so its L2 norm over `axis` (all axes when None) is at most `clip_norm`:
    :math:`x \cdot \text{clip\_norm} / \max(\lVert x \rVert_2, \text{clip\_norm})`.

    Args:
        axis (Union[None, int, tuple(int), list(int)], optional): The axes of the norm. Default:
            ``None``.

    Inputs:
        - **x** (Tensor) - float16 or float32.
        - **clip_norm** (Tensor) - The largest norm, a Tensor broadcastable to the norm's shape.

    Outputs:
        Tensor, float32, of the shape of `x`.

    Raises:
        TypeError: If `axis` is not None, an int, a tuple or a list, `x` is not float16/float32,
            or `clip_norm` is not a Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(2, 4))
        >>> print(nn.ClipByNorm()(x, ms.Tensor(np.array([5.0]), ms.float32)))
        [[0.        0.4225771 0.8451542 1.2677313]
         [1.6903085 2.1128855 2.5354626 2.9580398]]
    """

    def __init__(self, axis=None):
        super().__init__()
        if axis is not None:
            if isinstance(axis, bool) or not isinstance(axis, (int, tuple, list)):
                raise DTypeError(f"For 'ClipByNorm', 'axis' must be None, an int, a tuple or a "
                                 f"list, but got {type(axis).__name__}.")
            axis = (axis,) if isinstance(axis, int) else tuple(axis)
        self.axis = axis

    def construct(self, x, clip_norm):
        _tensor("ClipByNorm", "x", x)
        _tensor("ClipByNorm", "clip_norm", clip_norm)
        if x.dtype not in (mstype.float16, mstype.float32):
            raise DTypeError(f"For 'ClipByNorm', 'x' must be float16 or float32, but got "
                             f"{x.dtype}.")
        x = x.astype(mstype.float32)
        axis = tuple(range(x.ndim)) if self.axis is None else self.axis
        norm = (x * x).sum(axis=axis, keepdims=True).sqrt()
        c = clip_norm.astype(mstype.float32)
        return x * c / _ops.maximum(norm, c)


class TimeDistributed(Cell):
    r"""Applies `layer` to every step of the time axis of the input and stacks the results
    back along that axis. With `reshape_with_axis`, the time axis is merged into that axis for
    one call of `layer` (faster; the same values for a per-sample layer) and, as MindSpore's, the
    output keeps the time axis next to that axis; without, `layer` is called once per step and
    the time axis stays at `time_axis`.

    Args:
        layer (Union[Cell, Primitive]): The layer applied to each step.
        time_axis (int): The time axis of the input.
        reshape_with_axis (int, optional): The axis merged with the time axis. Default: ``None``.

    Inputs:
        - **x** (Tensor) - Of rank >= 3.

    Outputs:
        Tensor, the outputs of `layer` with the time axis at `time_axis`.

    Raises:
        TypeError: If `layer` is not a Cell or a Primitive, or an axis is not an int.
        ValueError: If `x` has rank below 3, or an axis is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.random.random([32, 10, 3]), ms.float32)
        >>> dense = nn.Dense(3, 6)
        >>> net = nn.TimeDistributed(dense, time_axis=1, reshape_with_axis=0)
        >>> print(net(x).shape)
        (32, 10, 6)
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, layer, time_axis, reshape_with_axis=None):
        super().__init__()
        from ..ops.operations import Primitive
        if not isinstance(layer, (Cell, Primitive)):
            raise DTypeError(f"For 'TimeDistributed', 'layer' must be a Cell or a Primitive, but "
                             f"got {type(layer).__name__}.")
        for what, v in (("time_axis", time_axis), ("reshape_with_axis", reshape_with_axis)):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise DTypeError(f"For 'TimeDistributed', '{what}' must be an int, but got "
                                 f"{type(v).__name__}.")
        self.layer = layer
        self.time_axis, self.reshape_with_axis = time_axis, reshape_with_axis

    def construct(self, x):
        op = "TimeDistributed"
        _tensor(op, "x", x)
        if x.ndim < 3:
            raise ShapeError(f"For '{op}', the input must have rank >= 3, but got shape "
                             f"{list(x.shape)}.")
        t = self._axis(self.time_axis, x.ndim, "time_axis")
        if self.reshape_with_axis is None:
            pre = (slice(None),) * t
            steps = [self.layer(x[pre + (i,)]) for i in range(x.shape[t])]
            return _ops.stack(steps, t)
        r = self._axis(self.reshape_with_axis, x.ndim, "reshape_with_axis")
        if r == t:
            raise ShapeError(f"For '{op}', 'reshape_with_axis' must differ from 'time_axis', "
                             f"but both are {t}.")
        # The time axis moves next to axis r (after it when it was after it, else before it),
        # the pair is merged for one call of the layer and split again. As MindSpore 2.10's,
        # the time axis stays where it was moved.
        rest = [a for a in range(x.ndim) if a != t]
        pos = rest.index(r)
        rest.insert(pos + 1 if t > r else pos, t)
        y = x.transpose(tuple(rest))
        shape = tuple(y.shape)
        merged = shape[:pos] + (shape[pos] * shape[pos + 1],) + shape[pos + 2:]
        out = self.layer(y.reshape(merged))
        if not isinstance(out, Tensor) or out.ndim <= pos or out.shape[pos] != merged[pos]:
            raise ShapeError(f"For '{op}', the layer must keep axis {pos} (the merged axes "
                             f"'reshape_with_axis' and 'time_axis', of size {merged[pos]}), but got "
                             f"output shape {list(getattr(out, 'shape', []))}; try without "
                             f"'reshape_with_axis'.")
        return out.reshape(tuple(out.shape[:pos]) + shape[pos:pos + 2] + tuple(out.shape[pos + 1:]))

    @staticmethod
    def _axis(a, ndim, what):
        if not -ndim <= a < ndim:
            raise ShapeError(f"For 'TimeDistributed', '{what}' {a} is out of range for rank "
                             f"{ndim}.")
        return a % ndim


class L1Regularizer(Cell):
    r"""The L1 penalty :math:`\text{scale} \cdot \sum |w|` of a weight Tensor.

    Args:
        scale (Union[int, float]): The factor, positive and finite.

    Inputs:
        - **weights** (Tensor) - Any shape.

    Outputs:
        Tensor, 0-D float32.

    Raises:
        TypeError: If `scale` is not an int or a float.
        ValueError: If `scale` is not positive, or is inf or NaN.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> weights = ms.Tensor(np.array([[1.0, -2.0], [3.0, 4.0]]), ms.float32)
        >>> print(nn.L1Regularizer(0.5)(weights))
        5.0
    """

    def __init__(self, scale):
        super().__init__()
        if isinstance(scale, bool) or not isinstance(scale, (int, float)):
            raise DTypeError(f"For 'L1Regularizer', 'scale' must be an int or a float, but got "
                             f"{type(scale).__name__}.")
        if math.isinf(scale) or math.isnan(scale):
            raise ShapeError(f"For 'L1Regularizer', 'scale' can not be INF or NAN, but got "
                             f"{scale}.")
        if scale <= 0:
            raise ShapeError(f"For 'L1Regularizer', 'scale' must be > 0, but got {scale}.")
        self.scale = float(scale)

    def construct(self, weights):
        w = _tensor("L1Regularizer", "weights", weights).astype(mstype.float32)
        return w.abs().sum() * self.scale

    def __repr__(self):
        return "L1Regularizer()"
