"""The layers, each a Python Cell around a Rust layer (``easy_mindspore::nn``): the maths, the
shape checks and the parameters live in Rust; these classes translate MindSpore's arguments.

Defaults are MindSpore 2.1+'s: ``Dense`` and ``Conv2d`` weights ``HeUniform(√5)``, biases
``Uniform(1/√fan_in)`` (MindSpore ≤ 2.0 used ``Normal(0.01)`` and zeros: pass
``weight_init='normal', bias_init='zeros'`` for those); ``Conv2d`` ``pad_mode='same'``,
``has_bias=False``; pooling ``pad_mode='valid'``; ``Dropout(p=0.5)``; BatchNorm ``eps=1e-5``,
``momentum=0.9``.
"""
import copy as _copy
import functools as _functools
import math

import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError, TensorIndexError
from ..common import dtype as mstype
from ..common.initializer import HeUniform, Uniform, _native_spec, _numpy_seed
from ..common.seed import _get_graph_seed
from ..ops.function._ms_dropout import dropout_function
from ..ops.function import _nn_3d as _nn3d
from ..ops.operations import Primitive
from .activation import ACTIVATIONS
from .cell import Cell

__all__ = ["Dense", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "ReLU", "Sigmoid", "Tanh",
           "Softmax", "LogSoftmax", "Dropout", "BatchNorm1d", "BatchNorm2d", "get_activation"]


class _NativeCell(Cell):
    """A cell whose computation is one Rust layer; its Parameters share the layer's handles. The
    constructor's arguments are kept, so that ``copy.deepcopy`` can build a new layer."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if init is None:
            return

        @_functools.wraps(init)
        def recorded(self, *args, **kw):
            if "_init_args" not in self.__dict__:  # the outermost constructor's arguments
                object.__setattr__(self, "_init_args", (args, kw))
            init(self, *args, **kw)
        cls.__init__ = recorded

    def __deepcopy__(self, memo):
        """A new layer built from the same arguments, then given copies of this one's Parameter
        values, names and flags, its training mode and its other attributes."""
        args, kw = _copy.deepcopy(self.__dict__.get("_init_args", ((), {})), memo)
        new = type(self)(*args, **kw)
        memo[id(self)] = new
        mine, theirs = self._registries()[0], new._registries()[0]
        for name, p in mine.items():
            q = theirs.get(name)
            if q is None or tuple(q.shape) != tuple(p.shape):
                raise ComputeError(f"For '{type(self).__name__}', copy.deepcopy cannot rebuild "
                                   f"Parameter '{name}' (the layer was changed after construction).")
            q.set_data(p.copy())
            q.name, q.requires_grad = p.name, p.requires_grad
        skip = {"_native", "_params", "_mode_version", "_init_args", "_ms_dropout"}
        for k, v in self.__dict__.items():
            if k not in skip:
                object.__setattr__(new, k, v if type(v).__module__ == "easy_mindspore._C"
                                   and not isinstance(v, Tensor) else _copy.deepcopy(v, memo))
        new.set_train(self.training)
        return new

    def _bind(self, native):
        object.__setattr__(self, "_native", native)
        for name, p in native.params():
            setattr(self, name, p)

    def construct(self, x):
        return self._native(x)

    def extend_repr(self):
        return self._native.extend_repr()


def _set_init(cell, layer, param, value):
    """A Tensor / array initial value copied into ``param`` after a shape check naming the layer."""
    t = value if isinstance(value, Tensor) else Tensor(_np.asarray(value))
    if tuple(t.shape) != tuple(param.shape):
        raise ShapeError(f"For '{layer}', the initial value of '{param.name}' must have shape "
                         f"{tuple(param.shape)}, but got {tuple(t.shape)}")
    param.set_data(t.astype(param.dtype))


def _init_repr(init):
    """An initializer as MindSpore prints it: objects by their default repr, names as given."""
    return str(init) if init is None or isinstance(init, (str, int, float)) else repr(init)


def _is_value(init):
    return isinstance(init, (Tensor, _np.ndarray))


def _layer_spec(init):
    """What a native layer's constructor takes for `init`: its spec, or for a given value (set
    once the layer is built) the non-random ``'zeros'``, which draws no seed from NumPy."""
    return "zeros" if _is_value(init) else _native_spec(init)


def _int(v, layer, what, positive=True):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{layer}', {what} must be an int, but got {type(v).__name__}")
    if positive and v <= 0:
        raise ShapeError(f"For '{layer}', {what} must be positive, but got {v}")
    return int(v)


def _pair(v, layer, what):
    if isinstance(v, (tuple, list)):
        if len(v) != 2:
            raise ShapeError(f"For '{layer}', {what} must be an int or a pair, but got {v}")
        return (_int(v[0], layer, what), _int(v[1], layer, what))
    v = _int(v, layer, what)
    return (v, v)


def _pads(padding, layer):
    """``(top, bottom, left, right)`` from an int, a pair ``(h, w)`` or a 4-tuple."""
    if isinstance(padding, (tuple, list)):
        p = [_int(x, layer, "padding", positive=False) for x in padding]
        if len(p) == 2:
            return [p[0], p[0], p[1], p[1]]
        if len(p) == 4:
            return p
        raise ShapeError(f"For '{layer}', padding must be an int or a tuple of 2 or 4 ints, got {padding}")
    p = _int(padding, layer, "padding", positive=False)
    if p < 0:
        raise ShapeError(f"For '{layer}', padding must be >= 0, but got {p}")
    return [p] * 4


_NATIVE_ACTIVATIONS = {"relu": "ReLU", "sigmoid": "Sigmoid", "tanh": "Tanh", "softmax": "Softmax",
                       "logsoftmax": "LogSoftmax", "log_softmax": "LogSoftmax"}


def get_activation(name, prim_name=None):
    """The activation cell for a MindSpore name (``'relu'``, ``'gelu'``, ``'leakyrelu'``,
    ``'softmax'``, ...).

    Args:
        name (str): The activation's name (``'relu'``, ``'gelu'``...).
        prim_name (str, optional): The caller's name, for the error message. Default: ``None``.

    Returns:
        Cell, a new activation cell (None for None).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.get_activation('relu'))
        ReLU()
    """
    if name in _NATIVE_ACTIVATIONS:
        return globals()[_NATIVE_ACTIVATIONS[name]]()
    if name in ACTIVATIONS:
        return ACTIVATIONS[name]()
    if name in _PACKAGE_ACTIVATIONS:
        # Defined in modules (and ``mint.nn``) that are loaded after this one: looked up on the
        # ``nn`` package when asked for.
        from .. import nn
        return getattr(nn, _PACKAGE_ACTIVATIONS[name])()
    # MindSpore 2.10: a KeyError, and the names are case-sensitive.
    raise KeyError(f"For '{prim_name or 'get_activation'}', the 'name' must be in "
                   f"{sorted({*_NATIVE_ACTIVATIONS, *ACTIVATIONS, *_PACKAGE_ACTIVATIONS})}, "
                   f"but got {name}.")


# The other names MindSpore 2.10's ``get_activation`` knows, and their ``nn`` classes.
_PACKAGE_ACTIVATIONS = {"softmax2d": "Softmax2d", "rrelu": "RReLU",
                        "logsoftmaxExt": "LogSoftmaxExt", "preluExt": "PReLUExt"}


class Dense(_NativeCell):
    """``y = activation(x · Wᵀ + b)``; weight ``[out_channels, in_channels]``.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        weight_init (Union[str, Initializer, Tensor], optional): The initializer of the weight.
            Default: ``None``.
        bias_init (Union[str, Initializer, Tensor], optional): The initializer of the bias. Default:
            ``None``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``True``.
        activation (Union[str, Cell], optional): The activation applied to the output. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor of shape ``[..., out_channels]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((2, 3), ms.float32)
        >>> net = nn.Dense(3, 4)
        >>> print(net(x).shape)
        (2, 4)
        >>> print(net.weight.shape)
        (4, 3)
    """

    def __init__(self, in_channels, out_channels, weight_init=None, bias_init=None, has_bias=True,
                 activation=None, dtype=None):
        super().__init__()
        i = _int(in_channels, "Dense", "in_channels")
        o = _int(out_channels, "Dense", "out_channels")
        if not isinstance(has_bias, bool):
            raise DTypeError(f"For 'Dense', has_bias must be a bool, but got {type(has_bias).__name__}")
        if dtype is None and isinstance(weight_init, Tensor):
            dtype = weight_init.dtype
        w0, b0 = _layer_spec(weight_init), _layer_spec(bias_init)
        self._bind(_C.dense(i, o, has_bias, w0, b0, dtype, seeds=_numpy_seed))
        if _is_value(weight_init):
            _set_init(self, "Dense", self.weight, weight_init)
        if has_bias and _is_value(bias_init):
            _set_init(self, "Dense", self.bias, bias_init)
        if not has_bias:
            object.__setattr__(self, "bias", None)
        self.in_channels, self.out_channels, self.has_bias = i, o, has_bias
        if isinstance(activation, str):
            activation = get_activation(activation)
        elif activation is not None and not isinstance(activation, (Cell, Primitive)):
            raise DTypeError(f"For 'Dense', the 'activation' must be str or Cell or Primitive, but "
                             f"got {type(activation).__name__}.")
        self.activation = activation

    def construct(self, x):
        y = self._native(x)
        return y if self.activation is None else self.activation(y)

    def extend_repr(self):
        s = f"input_channels={self.in_channels}, output_channels={self.out_channels}"
        if self.has_bias:
            s += f", has_bias={self.has_bias}"
        if self.activation is not None:
            s += f", activation={self.activation!r}"
        return s


def _conv_finish(cell, name, in_channels, out_channels, kernel_size, stride, dilation, pad_mode,
                 padding, group, has_bias, weight_init, bias_init):
    """After a convolution's Rust layer is bound: initial values given as arrays, no ``bias``
    without one, and the attributes MindSpore keeps and prints (the initializer objects it makes
    for the defaults included)."""
    if _is_value(weight_init):
        _set_init(cell, name, cell.weight, weight_init)
    if has_bias and _is_value(bias_init):
        _set_init(cell, name, cell.bias, bias_init)
    if not has_bias:
        object.__setattr__(cell, "bias", None)
    cell.in_channels, cell.out_channels = int(in_channels), int(out_channels)
    cell.kernel_size = _pair(kernel_size, name, "kernel_size")
    cell.stride = _pair(stride, name, "stride")
    cell.dilation = _pair(dilation, name, "dilation")
    cell.pad_mode, cell.padding, cell.group, cell.has_bias = pad_mode, padding, group, bool(has_bias)
    cell.weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
    cell.bias_init = bias_init if bias_init is not None or not has_bias else Uniform()


class Conv2d(_NativeCell):
    """2-D convolution over ``[N, C, H, W]``; ``pad_mode`` ``'same'`` (default), ``'valid'`` or
    ``'pad'`` with ``padding`` an int or ``(top, bottom, left, right)``.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``False``.
        weight_init (Union[str, Initializer, Tensor], optional): The initializer of the weight.
            Default: ``None``.
        bias_init (Union[str, Initializer, Tensor], optional): The initializer of the bias. Default:
            ``None``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor of shape ``[N, out_channels, H_out, W_out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((1, 3, 8, 8), ms.float32)
        >>> print(nn.Conv2d(3, 4, 3)(x).shape)
        (1, 4, 8, 8)
        >>> print(nn.Conv2d(3, 4, 3, pad_mode='valid')(x).shape)
        (1, 4, 6, 6)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 data_format="NCHW", dtype=None):
        super().__init__()
        if data_format != "NCHW":
            raise ShapeError(f"For 'Conv2d', only data_format='NCHW' is supported, got {data_format!r}")
        if not isinstance(pad_mode, str):
            raise DTypeError(f"For 'Conv2d', pad_mode must be a str, got {type(pad_mode).__name__}")
        w0, b0 = _layer_spec(weight_init), _layer_spec(bias_init)
        self._bind(_C.conv2d(_int(in_channels, "Conv2d", "in_channels"),
                             _int(out_channels, "Conv2d", "out_channels"),
                             _pair(kernel_size, "Conv2d", "kernel_size"),
                             _pair(stride, "Conv2d", "stride"), pad_mode, _pads(padding, "Conv2d"),
                             _pair(dilation, "Conv2d", "dilation"), _int(group, "Conv2d", "group"),
                             bool(has_bias), w0, b0, dtype, seeds=_numpy_seed))
        _conv_finish(self, "Conv2d", in_channels, out_channels, kernel_size, stride, dilation,
                     pad_mode, padding, group, has_bias, weight_init, bias_init)

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding}, dilation={self.dilation}, group={self.group}, "
                f"has_bias={self.has_bias}, weight_init={_init_repr(self.weight_init)}, "
                f"bias_init={_init_repr(self.bias_init)}, format=NCHW")


class _Pool(_NativeCell):
    _avg = False

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True, data_format="NCHW", dilation=1, return_indices=False,
                 divisor_override=None):
        super().__init__()
        name = type(self).__name__
        if data_format != "NCHW":
            raise ShapeError(f"For '{name}', only data_format='NCHW' is supported, got {data_format!r}")
        if not isinstance(pad_mode, str):
            raise DTypeError(f"For '{name}', pad_mode must be a str, got {type(pad_mode).__name__}")
        k, s = _pair(kernel_size, name, "kernel_size"), _pair(stride, name, "stride")
        pads = _pads(padding, name)
        self._bind(_C.pool2d(self._avg, k, s, pad_mode, pads, bool(count_include_pad)))
        self.kernel_size, self.stride, self.pad_mode = kernel_size, stride, pad_mode.upper()
        div = 0 if divisor_override is None else divisor_override
        if isinstance(div, bool) or not isinstance(div, int):
            raise DTypeError(f"For '{name}', 'divisor_override' must be an int or None, but got "
                             f"{type(divisor_override).__name__}.")
        if div < 0:
            raise ShapeError(f"For '{name}', 'divisor_override' must be >= 0, but got {div}.")
        d = dilation if isinstance(dilation, tuple) and len(dilation) == 2 else \
            _pair(dilation, name, "dilation")
        # ceil_mode, dilation, indices and a divisor go through the 3-D pools' kernels, over a
        # depth of 1 (MindSpore 2.10's numbers; the native 2-D pool has none of them).
        self._general = (bool(ceil_mode) or d != (1, 1) or bool(return_indices) or div != 0)
        self._args = (k, s, pads, d, bool(ceil_mode), bool(return_indices),
                      bool(count_include_pad), div)
        self.ceil_mode, self.return_indices = bool(ceil_mode), bool(return_indices)

    def construct(self, x):
        if not self._general:
            return super().construct(x)
        name = type(self).__name__
        if not isinstance(x, Tensor) or x.ndim not in (3, 4):
            raise ShapeError(f"For '{name}', the input must be a 3-D or 4-D Tensor, but got "
                             f"{getattr(x, 'shape', type(x).__name__)}.")
        k, s, pads, d, ceil, indices, include, div = self._args
        x4 = x if x.ndim == 4 else x.expand_dims(0)
        if self.pad_mode == "SAME":
            pads = _nn3d.same_pads(x4.shape[2:], k, s, d)
        elif self.pad_mode == "VALID":
            pads = [0, 0, 0, 0]
        x5, pads6 = x4.expand_dims(2), [0, 0] + list(pads)
        if self._avg:
            out = _nn3d.avg_pool3d_core(x5, (1,) + k, (1,) + s, pads6, ceil, include, div, name)
        else:
            out = _nn3d.max_pool3d_core(x5, (1,) + k, (1,) + s, pads6, (1,) + d, ceil, indices,
                                        name)
        outs = out if isinstance(out, tuple) else (out,)
        outs = tuple(o.squeeze(2) if x.ndim == 4 else o.squeeze(2).squeeze(0) for o in outs)
        return outs if isinstance(out, tuple) else outs[0]

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"


class MaxPool2d(_Pool):
    """Max over ``kernel_size`` windows of ``[N, C, H, W]`` (or ``[C, H, W]``) inputs.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        return_indices (bool, optional): Whether to also return the indices of the maxima. Default:
            ``False``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]`` (and the indices when `return_indices`).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(nn.MaxPool2d(kernel_size=2, stride=2)(x))
        [[[[ 5.  7.]
           [13. 15.]]]]
    """

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1,
                 return_indices=False, ceil_mode=False, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, True, data_format,
                         dilation, return_indices)


class AvgPool2d(_Pool):
    """Mean over ``kernel_size`` windows; with padding, ``count_include_pad`` as MindSpore.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether the padding counts in the average. Default:
            ``True``.
        divisor_override (int, optional): The divisor of the average, if given. Default: ``None``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(nn.AvgPool2d(kernel_size=2, stride=2)(x))
        [[[[ 2.5  4.5]
           [10.5 12.5]]]]
    """

    _avg = True

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None, data_format="NCHW"):
        super().__init__(kernel_size, stride, pad_mode, padding, ceil_mode, count_include_pad,
                         data_format, divisor_override=divisor_override)


class Flatten(_NativeCell):
    """Merges axes ``start_dim..end_dim`` (default: everything after the batch axis).

    Args:
        start_dim (int, optional): The first axis to merge. Default: ``1``.
        end_dim (int, optional): The last axis to merge. Default: ``-1``.

    Outputs:
        Tensor, with the axes `start_dim` to `end_dim` merged.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((2, 3, 4), ms.float32)
        >>> print(nn.Flatten()(x).shape)
        (2, 12)
    """

    def __init__(self, start_dim=1, end_dim=-1):
        super().__init__()
        self._range = (start_dim, end_dim)
        self._bind(_C.flatten_cell())

    def construct(self, x):
        if self._range == (1, -1):
            return self._native(x)
        return x.flatten(*self._range)

    def extend_repr(self):
        return "" if self._range == (1, -1) else f"start_dim={self._range[0]}, end_dim={self._range[1]}"


class ReLU(_NativeCell):
    """``max(x, 0)``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.ReLU()(x))
        [0.  0.  2.5]
    """

    def __init__(self):
        super().__init__()
        self._bind(_C.relu_cell())


class Sigmoid(_NativeCell):
    """``1 / (1 + e^-x)``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Sigmoid()(x))
        [0.18242553 0.5        0.9241418 ]
    """

    def __init__(self):
        super().__init__()
        self._bind(_C.sigmoid_cell())


class Tanh(_NativeCell):
    """``tanh(x)``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Tanh()(x))
        [-0.90514827  0.          0.9866143 ]
    """

    def __init__(self):
        super().__init__()
        self._bind(_C.tanh_cell())


def _check_axis(layer, axis, x):
    nd = getattr(x, "ndim", None)
    if nd is not None and not -max(nd, 1) <= axis < max(nd, 1):
        raise TensorIndexError(f"For '{layer}', axis {axis} is out of range for an input of shape "
                               f"{tuple(x.shape)}")


class Softmax(_NativeCell):
    """Softmax along ``axis`` (default -1).

    As MindSpore's, the cell holds its primitive as ``softmax`` (an ``ops.Softmax``, whose
    ``axis`` is a tuple). A tuple of several axes is accepted, but a call then raises
    RuntimeError, as on MindSpore's CPU (one axis only).

    Args:
        axis (Union[int, tuple[int]], optional): The axis. Default: ``-1``.

    Inputs:
        - **x** (Tensor) - The input.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Raises:
        TypeError: If `axis` is neither an int nor a tuple of ints.
        RuntimeError: If `axis` holds more than one axis (at the call).
        IndexError: If `axis` is out of range for `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.Softmax()(x))
        [0.01664452 0.07459556 0.9087599 ]
        >>> nn.Softmax(1).softmax.axis
        (1,)
    """

    def __init__(self, axis=-1):
        super().__init__()
        from ..ops.operations import Softmax as _Softmax
        if isinstance(axis, _np.integer):
            axis = int(axis)
        self.softmax = _Softmax(axis)
        axes = self.softmax.axis
        self._axis = axes[0] if len(axes) == 1 else None
        if self._axis is not None:
            self._bind(_C.softmax_cell(self._axis))

    def construct(self, x):
        if self._axis is None:
            return self.softmax(x)  # raises: one axis only, as on MindSpore's CPU
        _check_axis("Softmax", self._axis, x)
        return self._native(x)

    def extend_repr(self):
        return ""


class LogSoftmax(_NativeCell):
    """``log(softmax(x))`` along ``axis``, computed stably. As MindSpore's, the cell holds its
    primitive as ``log_softmax`` (an ``ops.LogSoftmax``).

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Inputs:
        - **x** (Tensor) - The input.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Raises:
        TypeError: If `axis` is not an int.
        IndexError: If `axis` is out of range for `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(nn.LogSoftmax()(x))
        [-4.0956745  -2.5956743  -0.09567428]
        >>> nn.LogSoftmax(0).log_softmax.axis
        0
    """

    def __init__(self, axis=-1):
        super().__init__()
        from ..ops.operations import LogSoftmax as _LogSoftmax
        self._axis = _int(axis, "LogSoftmax", "axis", positive=False)
        self.log_softmax = _LogSoftmax(self._axis)
        self._bind(_C.log_softmax_cell(self._axis))

    def construct(self, x):
        _check_axis("LogSoftmax", self._axis, x)
        return self._native(x)

    def extend_repr(self):
        return ""


class Dropout(_NativeCell):
    """While training, zeroes each element with probability ``p`` (or ``1 - keep_prob``) and
    scales the rest by ``1/(1-p)``; the identity in evaluation mode. Default ``p=0.5``.

    Args:
        keep_prob (float, optional): The probability of keeping an element (deprecated; use `p`).
            Default: ``None``.
        p (float, optional): The probability of zeroing an element (0.5 when neither is given).
            Default: ``None``.
        dtype (mindspore.dtype, optional): Accepted for compatibility. Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((2, 4), ms.float32)
        >>> net = nn.Dropout(p=0.5)
        >>> net.set_train(False)
        Dropout(p=0.5)
        >>> print(net(x))
        [[1. 1. 1. 1.]
         [1. 1. 1. 1.]]
    """

    def __init__(self, keep_prob=None, p=None, dtype=None):
        super().__init__()
        if keep_prob is not None and p is not None:
            raise ShapeError("For 'Dropout', give keep_prob or p, not both")
        if keep_prob is not None:
            if not 0.0 < float(keep_prob) <= 1.0:
                raise ShapeError(f"For 'Dropout', keep_prob must be in (0, 1], but got {keep_prob}")
            p = 1.0 - float(keep_prob)
        if p is None:
            p = 0.5
        self._bind(_C.dropout(float(p)))
        self.keep_prob, self.p = keep_prob, None if keep_prob is not None else p
        # MindSpore draws the kernel seeds once, here (see ops.function._ms_dropout).
        object.__setattr__(self, "_zero_p", float(p))
        seeds = _get_graph_seed(0, "dropout")
        object.__setattr__(self, "_ms_dropout",
                           dropout_function(seeds, float(p)) if 0.0 < p < 1.0 else None)

    def construct(self, x):
        if (self.training and isinstance(x, Tensor) and 0.0 < self._zero_p < 1.0
                and x.dtype in (mstype.float16, mstype.float32)):
            return self._ms_dropout(x)
        return self._native(x)

    def extend_repr(self):
        return f"keep_prob={self.keep_prob}" if self.p is None else f"p={self.p}"


class _BatchNorm(_NativeCell):
    _dims = 2

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones",
                 beta_init="zeros", moving_mean_init="zeros", moving_var_init="ones",
                 use_batch_statistics=None, data_format="NCHW", dtype=None):
        super().__init__()
        name = type(self).__name__
        if use_batch_statistics is not None and not isinstance(use_batch_statistics, bool):
            raise ShapeError(f"For '{name}', the 'use_batch_statistics' must be a boolean value or "
                             f"None, but got {use_batch_statistics}.")
        if data_format != "NCHW":
            raise ShapeError(f"For '{name}', only data_format='NCHW' is supported, got {data_format!r}")
        inits = [gamma_init, beta_init, moving_mean_init, moving_var_init]
        spec = ["ones" if _is_value(i) else _native_spec(i) for i in inits]
        self._bind(_C.batch_norm(self._dims, _int(num_features, name, "num_features"), float(eps),
                                 float(momentum), bool(affine), *spec, dtype))
        for attr, init in zip(["gamma", "beta", "moving_mean", "moving_variance"], inits):
            if _is_value(init):
                _set_init(self, name, getattr(self, attr), init)
        # MindSpore names the statistics "mean" and "variance" (a cell inside a network names
        # them by their attribute path, ``bn.moving_mean``, as every parameter).
        self.moving_mean.name, self.moving_variance.name = "mean", "variance"
        self.num_features, self.eps, self.momentum = int(num_features), eps, 1.0 - momentum
        # None follows the training mode; True / False always use the batch's / the moving
        # statistics (batch statistics also update the moving ones, as MindSpore).
        self.use_batch_statistics = use_batch_statistics
        self._native.set_train(bool(use_batch_statistics))

    def construct(self, x):
        # MindSpore normalises a Float16 input with Float32 parameters (the moving statistics
        # stay Float32) and returns the input's dtype; the Rust layer wants one dtype, so the
        # input is computed in the parameters' dtype and the result cast back.
        p = self.gamma.dtype
        if isinstance(x, Tensor) and x.is_floating_point() and x.dtype != p:
            return self._native(x.astype(p)).astype(x.dtype)
        return self._native(x)

    def _native_mode(self, mode):
        stats = self.__dict__.get("use_batch_statistics")
        self._native.set_train(mode if stats is None else stats)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={1.0 - self.momentum}, "
                f"gamma={self.gamma!r}, beta={self.beta!r}, moving_mean={self.moving_mean!r}, "
                f"moving_variance={self.moving_variance!r}")


class BatchNorm1d(_BatchNorm):
    """Batch normalization of ``[N, C]`` or ``[N, C, L]`` inputs.

    Args:
        num_features (int): The number of channels.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-05``.
        momentum (float, optional): The momentum. Default: ``0.9``.
        affine (bool, optional): Whether the layer has a learnable scale and shift. Default:
            ``True``.
        gamma_init (Union[str, Initializer, Tensor], optional): The initializer of the scale γ.
            Default: ``'ones'``.
        beta_init (Union[str, Initializer, Tensor], optional): The initializer of the shift β.
            Default: ``'zeros'``.
        moving_mean_init (Union[str, Initializer, Tensor], optional): The initializer of the running
            mean. Default: ``'zeros'``.
        moving_var_init (Union[str, Initializer, Tensor], optional): The initializer of the running
            variance. Default: ``'ones'``.
        use_batch_statistics (bool, optional): Whether to normalise with the batch statistics; None
            follows the training mode. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input (a Float16 input with Float32 parameters is
        normalised in Float32).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 6.0]], ms.float32)
        >>> bn = nn.BatchNorm1d(2)
        >>> print(bn(x))
        [[0.999995 1.99999 ]
         [2.999985 5.99997 ]]
    """

    _dims = 1

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones",
                 beta_init="zeros", moving_mean_init="zeros", moving_var_init="ones",
                 use_batch_statistics=None, dtype=None):
        super().__init__(num_features, eps, momentum, affine, gamma_init, beta_init,
                         moving_mean_init, moving_var_init, use_batch_statistics, "NCHW", dtype)


class BatchNorm2d(_BatchNorm):
    """Batch normalization of ``[N, C, H, W]`` inputs over all axes but the channels.

    Args:
        num_features (int): The number of channels.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-05``.
        momentum (float, optional): The momentum. Default: ``0.9``.
        affine (bool, optional): Whether the layer has a learnable scale and shift. Default:
            ``True``.
        gamma_init (Union[str, Initializer, Tensor], optional): The initializer of the scale γ.
            Default: ``'ones'``.
        beta_init (Union[str, Initializer, Tensor], optional): The initializer of the shift β.
            Default: ``'zeros'``.
        moving_mean_init (Union[str, Initializer, Tensor], optional): The initializer of the running
            mean. Default: ``'zeros'``.
        moving_var_init (Union[str, Initializer, Tensor], optional): The initializer of the running
            variance. Default: ``'ones'``.
        use_batch_statistics (bool, optional): Whether to normalise with the batch statistics; None
            follows the training mode. Default: ``None``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape and dtype of the input (a Float16 input with Float32 parameters is
        normalised in Float32).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((2, 3, 4, 4), ms.float32)
        >>> print(nn.BatchNorm2d(3)(x).shape)
        (2, 3, 4, 4)
    """
