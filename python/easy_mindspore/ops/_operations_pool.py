"""The 2-D pooling primitives of ``mindspore.ops.operations`` (re-exported by ``operations``):
``MaxPool``, ``AvgPool``, ``MaxPoolWithArgmax`` and ``MaxPoolWithArgmaxV2``, with MindSpore
2.10's constructor checks, the attributes as it keeps them (``MaxPool(2).kernel_size == (1, 1,
2, 2)``, ``AvgPool().pad_mode == 2``) and its errors when called on CPU."""
import math

from . import functional as F
from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from ._prim_attrs import format_code, pad_mode_code
from .operations import Primitive

__all__ = ["MaxPool", "AvgPool", "MaxPoolWithArgmax", "MaxPoolWithArgmaxV2"]

_FLOATS = ("Float16", "Float32", "Float64")


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _int_or_tuple(op, name, v):
    """TypeError unless ``v`` is an int or a tuple (MindSpore's check of a window argument)."""
    if isinstance(v, bool) or not isinstance(v, (int, tuple)):
        raise DTypeError(f"For '{op}', the type of '{name}' should be one of '['int', 'tuple']', "
                         f"but got type '{type(v).__name__}'.")


def _positive_pair(op, name, v, zero=False):
    """``(a, b)`` from a positive int or a pair of them (``zero``: >= 0); ValueError otherwise."""
    ok = (lambda i: _is_int(i) and (i >= 0 if zero else i > 0))
    if ok(v):
        return (v, v)
    if isinstance(v, tuple) and len(v) == 2 and all(ok(i) for i in v):
        return v
    raise ShapeError(f"For '{op}' attr '{name}' must be an positive int number or a tuple of two "
                     f"positive int numbers, but got {v}")


def _input(op, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', the input 'x' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != 4:
        raise ShapeError(f"For '{op}', the input 'x' must be 4-D (N, C, H, W), but got shape "
                         f"{list(x.shape)}.")
    return x


def _float_input(op, x):
    x = _input(op, x)
    if str(x.dtype) not in _FLOATS:
        raise DTypeError(f"For '{op}', the input 'x' must be a Tensor of Float16, Float32 or "
                         f"Float64 on CPU, but got {x.dtype}.")
    return x


class _MaxPoolBase(Primitive):
    """MindSpore's checks of ``MaxPool``'s and ``MaxPoolWithArgmax``'s arguments: ``kernel_size``
    and ``strides`` a positive int or a tuple of two, ``pad_mode`` 'same' or 'valid' (any case),
    ``data_format`` 'NCHW' ('NHWC' runs on GPU only)."""

    def _check(self, kernel_size, strides, pad_mode, data_format):
        op = type(self).__name__
        _int_or_tuple(op, "kernel_size", kernel_size)
        _int_or_tuple(op, "strides", strides)
        if not isinstance(pad_mode, str):
            raise DTypeError(f"For '{op}', the type of 'pad_mode' should be 'str', but got type "
                             f"'{type(pad_mode).__name__}'.")
        mode = pad_mode.upper()
        if mode not in ("VALID", "SAME"):
            raise ShapeError(f"For '{op}', the 'pad_mode' must be str and must be in "
                             f"'['VALID', 'SAME']', but got '{mode}'.")
        if data_format not in ("NCHW", "NHWC"):
            raise ShapeError(f"For '{op}', the 'format' must be str and must be in "
                             f"'['NCHW', 'NHWC']', but got '{data_format}'.")
        if data_format == "NHWC":
            raise ShapeError(f"For '{op}', the 'NHWC' format is only supported in GPU target, but "
                             f"got the 'data_format' is NHWC and the platform is CPU.")
        return (_positive_pair(op, "kernel_size", kernel_size),
                _positive_pair(op, "strides", strides), mode)


class MaxPool(_MaxPoolBase):
    """``ops.MaxPool(kernel_size, strides, pad_mode, data_format)``: the max over windows of
    NCHW input. MindSpore keeps ``kernel_size`` and ``strides`` as 4-tuples ``(1, 1, h, w)``
    and ``pad_mode`` upper-case.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size, an int or a tuple of two.
            Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride of the window, an int or a tuple of
            two. Default: ``1``.
        pad_mode (str, optional): ``'valid'`` or ``'same'`` (any case). Default: ``'valid'``.
        data_format (str, optional): ``'NCHW'`` (``'NHWC'`` runs on GPU only: ValueError).
            Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]``.

    Raises:
        TypeError: If `kernel_size` or `strides` is neither an int nor a tuple, or `pad_mode` not a
            str.
        ValueError: If `kernel_size` or `strides` is not positive or not two values, `pad_mode` is
            neither 'valid' nor 'same', or `data_format` is not 'NCHW'.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(ops.MaxPool(kernel_size=2, strides=2)(x))
        [[[[ 5.  7.]
           [13. 15.]]]]
    """

    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        (k, s, mode) = self._check(kernel_size, strides, pad_mode, data_format)
        self.kernel_size, self.strides, self.pad_mode = (1, 1) + k, (1, 1) + s, mode
        self.data_format = self.format = data_format
        self.init_prim_io_names(["x"], ["output"])

    def __call__(self, x):
        x = _float_input("MaxPool", x)
        return _C.pool2d(False, self.kernel_size[2:], self.strides[2:], self.pad_mode.lower(),
                         [0, 0, 0, 0], False)(x)


def _window_arg(v, name):
    """``AvgPool``'s conversion of ``kernel_size``/``strides`` as MindSpore keeps them: an int
    ``k`` is ``(k, k)``, a sequence of four its last two, another sequence (or None) itself."""
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, (tuple, list)):
        return (v[2], v[3]) if len(v) == 4 else v
    if v is None:
        return None
    raise ShapeError(f"For 'AvgPool', the value of '{name}' is invalid: '{v}'.")


class AvgPool(Primitive):
    """``ops.AvgPool(kernel_size, strides, pad_mode, data_format)``: the mean over windows of NCHW
    input (``'same'`` padding is not counted). MindSpore 2.10 keeps ``kernel_size`` and
    ``strides`` as pairs (``(1, 1, 2, 2)`` gives ``(2, 2)``) and ``pad_mode`` and ``data_format``
    as its enum codes (``'pad'`` 0, ``'same'`` 1, ``'valid'`` 2; ``'NCHW'`` 0, ``'NHWC'`` 1); it
    checks the values when called.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size, an int or a tuple of two
            (or of four, the last two used). Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride of the window, as `kernel_size`.
            Default: ``1``.
        pad_mode (str, optional): ``'valid'`` or ``'same'``, any case. Default: ``'VALID'``.
        data_format (str, optional): ``'NCHW'`` (``'NHWC'`` does not run on CPU). Default:
            ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]``, of the dtype of the input (Float16, Float32 or
        Float64).

    Raises:
        TypeError: If `pad_mode` or `data_format` is not a str (when built); if `kernel_size` or
            `strides` is not a tuple of two ints, or the input not a float Tensor (when called).
        ValueError: If `pad_mode` or `data_format` is not a mode or a layout (when built); if the
            input is not 4-D (when called).
        RuntimeError: When called with a `kernel_size` or `strides` not positive, a window larger
            than the padded input, a `pad_mode` other than 'same' and 'valid' or a `data_format`
            other than 'NCHW'.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(ops.AvgPool(kernel_size=2, strides=2)(x))
        [[[[ 2.5  4.5]
           [10.5 12.5]]]]
        >>> print(ops.AvgPool(kernel_size=(1, 1, 2, 2), pad_mode='same'))
        Prim[AvgPool]<kernel_size=(2, 2), strides=(1, 1), pad_mode=1, data_format=0>
    """

    def __init__(self, kernel_size=1, strides=1, pad_mode="VALID", data_format="NCHW"):
        self.kernel_size = _window_arg(kernel_size, "kernel_size")
        self.strides = _window_arg(strides, "strides")
        self.pad_mode = pad_mode_code("AvgPool", pad_mode)
        self.data_format = format_code("AvgPool", data_format)

    def _pair(self, name):
        v = getattr(self, name)
        if not isinstance(v, tuple) or not all(_is_int(i) for i in v):
            raise DTypeError(f"For 'AvgPool', '{name}' must be a tuple of two ints, but got {v!r}.")
        if len(v) != 2:
            raise ShapeError(f"For 'AvgPool', '{name}' must hold 2 values, but got {len(v)}: {v}.")
        return v

    def __call__(self, x):
        k, s = self._pair("kernel_size"), self._pair("strides")
        x = _input("AvgPool", x)
        if self.data_format not in (0, 1):
            raise ComputeError(f"For 'AvgPool', the data format code {self.data_format} is invalid: "
                               f"AvgPool only supports NCHW and NHWC.")
        if self.data_format == 1:
            raise ComputeError("For 'AvgPool', only 'NCHW' format is supported in CPU target, but got "
                               "'NHWC' format.")
        if str(x.dtype) not in _FLOATS:
            raise DTypeError(f"For 'AvgPool', the input 'x' must be a Tensor of Float16, Float32 or "
                             f"Float64, but got {x.dtype}.")
        for name, v in (("kernel size", k), ("strides", s)):
            if min(v) <= 0:
                raise ComputeError(f"For 'AvgPool', {name} must be positive, but it's {v}.")
        if self.pad_mode not in (1, 2):
            raise ComputeError(f"For 'AvgPool', only pad_mode 'same' (1) and 'valid' (2) run on CPU, "
                               f"but got {self.pad_mode}.")
        mode = "same" if self.pad_mode == 1 else "valid"
        if mode == "valid" and (x.shape[2] < k[0] or x.shape[3] < k[1]):
            raise ComputeError(f"For 'AvgPool', H_out/W_out must be positive, but the kernel {k} is "
                               f"larger than the input's H/W {tuple(x.shape[2:])}.")
        return _C.pool2d(True, k, s, mode, [0, 0, 0, 0], False)(x)


class MaxPoolWithArgmax(_MaxPoolBase):
    """``ops.MaxPoolWithArgmax(kernel_size=1, strides=1, pad_mode='valid', data_format='NCHW')``:
    ``(output, argmax)`` of max pooling of NCHW input, the argmax (Int32) the position of each
    maximum in its sample's ``C·H·W`` block (``c·H·W + h·W + w``), as MindSpore 2.10 computes it
    on CPU. MindSpore keeps ``kernel_size`` and ``strides`` as ``(1, h, w, 1)``.

    'same' pads as TensorFlow does (the smaller half before), as ``MaxPool`` does. (MindSpore
    2.10's CPU kernel of this primitive pads ``(k - s) // 2`` before instead, a window other than
    its own ``MaxPool``'s and its documentation's when the stride is not 1: a wrong number we do
    not reproduce.)

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size, an int or a tuple of two.
            Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride, an int or a tuple of two. Default:
            ``1``.
        pad_mode (str, optional): ``'valid'`` or ``'same'`` (any case). Default: ``'valid'``.
        data_format (str, optional): ``'NCHW'``. Default: ``'NCHW'``.

    Outputs:
        tuple(Tensor, Tensor): the maxima, of the input's dtype (Float16, Float32 or Float64), and
        their Int32 positions.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> img = ms.Tensor(np.arange(32, dtype=np.float32).reshape(1, 2, 4, 4))
        >>> print(ops.MaxPoolWithArgmax(kernel_size=2, strides=2)(img)[1])
        [[[[ 5  7]
           [13 15]]
        <BLANKLINE>
          [[21 23]
           [29 31]]]]
    """

    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        (k, s, mode) = self._check(kernel_size, strides, pad_mode, data_format)
        self.init_prim_io_names(["x"], ["output", "mask"])
        self.add_prim_attr("pad_mode", mode)
        self.add_prim_attr("kernel_size", (1,) + k + (1,))
        self.add_prim_attr("strides", (1,) + s + (1,))
        self.data_format = self.format = data_format

    def __call__(self, x):
        x = _float_input("MaxPoolWithArgmax", x)
        (kh, kw), (sh, sw) = self.kernel_size[1:3], self.strides[1:3]
        n, c, h, w = x.shape
        if self.pad_mode == "SAME":
            # TensorFlow's SAME: the output ceil(size / stride), the padding split low-first.
            ph = max((math.ceil(h / sh) - 1) * sh + kh - h, 0)
            pw = max((math.ceil(w / sw) - 1) * sw + kw - w, 0)
            top, left = ph // 2, pw // 2
            x = F.pad(x, (left, pw - left, top, ph - top), value=float("-inf"))
        else:
            top = left = 0
            if h < kh or w < kw:  # MindSpore 2.10 returns empty tensors here
                oh, ow = max((h - kh) // sh + 1, 0), max((w - kw) // sw + 1, 0)
                return F.zeros((n, c, oh, ow), x.dtype), F.zeros((n, c, oh, ow), mstype.int32)
        out, idx = F.max_pool2d(x, (kh, kw), (sh, sw), 0, 1, True, False)
        wp = x.shape[3]
        # Positions in the padded plane back to the input's H·W plane. A window whose inputs are
        # all -inf ties with its -inf padding, which the scan meets first; clamping that position
        # into the input gives the window's first input position, the one a kernel without
        # padding picks. Then the channel's offset in the sample's C·H·W block.
        idx = idx.astype(mstype.int64)
        rows = F.clamp(idx // wp - top, 0, h - 1)
        cols = F.clamp(idx % wp - left, 0, w - 1)
        plane = F.arange(0, c, dtype=mstype.int64).reshape(1, c, 1, 1) * (h * w)
        return out, (rows * w + cols + plane).astype(mstype.int32)


def _argmax_type(t):
    if not isinstance(t, mstype.Type):
        raise DTypeError(f"For 'MaxPoolWithArgmaxV2', the type of 'argmax_type' should be 'Type', "
                         f"but got type '{type(t).__name__}'.")
    if str(t) not in ("Int32", "Int64"):
        raise DTypeError(f"For 'MaxPoolWithArgmaxV2', the 'argmax_type' should be one of "
                         f"[mindspore.int32, mindspore.int64], but got '{t!r}'.")
    return 3 if str(t) == "Int32" else 4  # MindSpore 2.10's codes


_INTS = ("Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64")


class MaxPoolWithArgmaxV2(Primitive):
    """``ops.MaxPoolWithArgmaxV2(kernel_size, strides=None, pads=0, dilation=(1, 1),
    ceil_mode=False, argmax_type=mstype.int64)``: ``(output, argmax)`` of max pooling of NCHW
    input with zero-cost padding and dilation, the argmax the position of each maximum in its
    channel's ``H·W`` plane. MindSpore 2.10 keeps the window arguments as ``(1, 1, h, w)`` and
    ``argmax_type`` as its code (Int32 3, Int64 4); integer inputs run too.

    Args:
        kernel_size (Union[int, tuple[int]]): The window size, a positive int or a tuple of two.
        strides (Union[int, tuple[int]], optional): The stride. Default: ``None`` (`kernel_size`).
        pads (Union[int, tuple[int]], optional): The padding of each side, at most half the
            window. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the window's elements.
            Default: ``(1, 1)``.
        ceil_mode (bool, optional): Whether the output size rounds up. Default: ``False``.
        argmax_type (mindspore.dtype, optional): ``mstype.int32`` or ``mstype.int64``. Default:
            ``mstype.int64``.

    Outputs:
        tuple(Tensor, Tensor): the maxima, of the input's dtype, and their positions.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> img = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(ops.MaxPoolWithArgmaxV2(kernel_size=2, strides=2)(img)[1].dtype)
        Int64
    """

    def __init__(self, kernel_size, strides=None, pads=0, dilation=(1, 1), ceil_mode=False,
                 argmax_type=mstype.int64):
        op = "MaxPoolWithArgmaxV2"
        for name, v in (("kernel_size", kernel_size), ("strides", strides), ("pads", pads),
                        ("dilation", dilation)):
            if v is not None or name != "strides":
                _int_or_tuple(op, name, v)
        k = _positive_pair(op, "kernel_size", kernel_size)
        s = k if strides is None else _positive_pair(op, "strides", strides)
        p = _positive_pair(op, "pads", pads, zero=True)
        d = _positive_pair(op, "dilation", dilation)
        if not isinstance(ceil_mode, bool):
            raise DTypeError(f"For '{op}', the type of 'ceil_mode' should be 'bool', but got type "
                             f"'{type(ceil_mode).__name__}'.")
        self.kernel_size, self.strides = (1, 1) + k, (1, 1) + s
        self.pads, self.dilation = (1, 1) + p, (1, 1) + d
        self.ceil_mode, self.argmax_type = ceil_mode, _argmax_type(argmax_type)
        self.init_prim_io_names(["x"], ["output", "argmax"])

    def __call__(self, x):
        op = "MaxPoolWithArgmaxV2"
        x = _input(op, x)
        kind = str(x.dtype)
        if kind not in _FLOATS + _INTS:
            raise DTypeError(f"For '{op}', the input 'x' must be a Tensor of a float or integer "
                             f"type, but got {x.dtype}.")
        k, p = self.kernel_size[2:], self.pads[2:]
        if p[0] > k[0] // 2 or p[1] > k[1] // 2:
            raise ShapeError(f"For '{op}', the 'pads' must be no more than half of the "
                             f"'kernel_size', but got pads {p} and kernel_size {k}.")
        source = x.astype(mstype.float64) if kind in _INTS else x
        out, idx = F.max_pool2d(source, k, self.strides[2:], p, self.dilation[2:], True,
                                self.ceil_mode)
        if kind in _INTS:  # the values read back at the positions found: exact for any integer
            n, c = x.shape[:2]
            flat = idx.astype(mstype.int64).reshape(n, c, -1)
            out = F.gather_elements(x.reshape(n, c, -1), 2, flat).reshape(idx.shape)
        return out, idx.astype(mstype.int32 if self.argmax_type == 3 else mstype.int64)
