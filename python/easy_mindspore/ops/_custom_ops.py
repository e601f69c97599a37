"""``mindspore.ops``' user-defined operators: ``Custom`` with ``func_type='pyfunc'`` (a Python
function on NumPy arrays, MindSpore's CPU form), its optional ``bprop`` making it
differentiable, and the registration helpers that describe kernels: ``CustomRegOp``,
``CpuRegOp``, ``DataType``, ``custom_info_register`` and ``op_info_register``.

A ``pyfunc`` operator checks what the function returns against `out_shape` and `out_dtype`
(values, or functions of the inputs' shapes and dtypes) and raises where MindSpore's runtime
would fail; it is one engine primitive (``custom_vjp``), so ``jit`` records it and ``grad``
goes through its ``bprop`` (without one, ``grad`` raises rather than return zeros). The other
``'aot'`` operators (a C/C++ source compiled with ``g++``, or a compiled library, called with
MindSpore's interface) run on the CPU as MindSpore's do (``_custom_aot``); the other function
types (``'hybrid'``, ``'akg'``, ``'julia'``) need MindSpore's kernel compilers and raise a
ValueError saying so. The registration builders produce
MindSpore's op-info dicts (``get_op_info()``); ``op_info_register`` keeps them in
``registered_op_info``, where MindSpore hands them to its kernel registry."""
import functools
import json

import numpy as np

from .._C import Tensor
from .._custom import custom_vjp
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from .operations import Primitive

__all__ = ["Custom", "CustomRegOp", "CpuRegOp", "DataType", "custom_info_register", "op_info_register"]


def _shape_of(v):
    return tuple(int(d) for d in v)


class Custom(Primitive):
    """A user-defined operator: ``Custom(func, out_shape=None, out_dtype=None,
    func_type='pyfunc', bprop=None, reg_info=None)(*inputs)`` runs `func` on the inputs as NumPy
    arrays and returns its result(s) as Tensors of `out_shape`/`out_dtype`.

    Args:
        func (Union[function, str]): The computation, on NumPy arrays; for ``'aot'``,
            ``'path:function'`` of a C/C++ source or a compiled library (see ``_custom_aot``).
        out_shape (Union[function, list, tuple], optional): The output shape (a tuple of shapes
            for several outputs), or a function of the inputs' shapes giving it. Default: ``None``.
        out_dtype (Union[function, mindspore.dtype, tuple], optional): The output dtype (a tuple
            for several outputs), or a function of the inputs' dtypes giving it. Default: ``None``.
        func_type (str, optional): ``'pyfunc'`` or ``'aot'`` (the others need MindSpore's
            compilers). Default: ``'pyfunc'``.
        bprop (function, optional): ``bprop(*inputs, out, dout)`` returning one gradient per
            input. Default: ``None``.
        reg_info (Union[str, dict, list, tuple], optional): Kernel registration information,
            kept. Default: ``None``.

    Inputs:
        - **inputs** (Tensor) - The operator's inputs.

    Outputs:
        Tensor, or a tuple of Tensors for several outputs.

    Raises:
        TypeError: `func` not callable, inputs that are not Tensors.
        ValueError: a `func_type` other than ``'pyfunc'`` and ``'aot'``, missing
            `out_shape`/`out_dtype`, or results of another shape.
        RuntimeError: ``grad`` of an operator without `bprop`.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor, ops
        >>> add = ops.Custom(lambda a, b: a + b, lambda x, _: x, lambda x, _: x, "pyfunc")
        >>> print(add(Tensor(np.ones(2, np.float32)), Tensor(np.ones(2, np.float32))))
        [2. 2.]
    """

    def __init__(self, func, out_shape=None, out_dtype=None, func_type="pyfunc", bprop=None, reg_info=None):
        super().__init__()
        if func_type == "aot":
            from ._custom_aot import aot_func
            func = aot_func(func, out_shape)
        elif func_type != "pyfunc":
            raise ShapeError(f"For 'Custom', func_type {func_type!r} needs MindSpore's kernel compilers "
                             f"(AKG, Julia or the hybrid DSL); this engine runs 'pyfunc' and 'aot' "
                             f"operators only.")
        elif not callable(func):
            raise DTypeError(f"For 'Custom', 'func' must be callable, but got {type(func).__name__}.")
        elif out_shape is None or out_dtype is None:
            raise ShapeError("For 'Custom', a 'pyfunc' operator needs 'out_shape' and 'out_dtype'.")
        if bprop is not None and not callable(bprop):
            raise DTypeError(f"For 'Custom', 'bprop' must be callable, but got {type(bprop).__name__}.")
        self.func, self.out_shape, self.out_dtype = func, out_shape, out_dtype
        self.func_type, self.bprop, self.reg_info = func_type, bprop, reg_info

        def no_bprop(*args):
            raise ComputeError(f"For 'Custom', the operator '{getattr(func, '__name__', 'func')}' has no "
                               f"'bprop': it cannot be differentiated.")
        self._op = custom_vjp(self._forward, bprop=bprop if bprop is not None else no_bprop)

    def _spec(self, inputs):
        shapes = [tuple(x.shape) for x in inputs]
        dtypes = [x.dtype for x in inputs]
        shape = self.out_shape(*shapes) if callable(self.out_shape) else self.out_shape
        dtype = self.out_dtype(*dtypes) if callable(self.out_dtype) else self.out_dtype
        many = isinstance(dtype, (tuple, list))
        if many:
            if not isinstance(shape, (tuple, list)) or len(shape) != len(dtype):
                raise ShapeError(f"For 'Custom', {len(dtype)} output dtypes need as many output shapes, "
                                 f"but got {shape!r}.")
            return [_shape_of(s) for s in shape], list(dtype), True
        return [_shape_of(shape)], [dtype], False

    def _forward(self, *inputs):
        if self.func_type == "aot" and (self.out_shape is None or self.out_dtype is None):
            from .._errors import UnimplementedError
            raise UnimplementedError(f"For 'Custom', the 'aot' operator '{self.func}' leaves its output shape or "
                                     f"dtype to a C++ infer function, which this engine does not run: give "
                                     f"'out_shape' and 'out_dtype'.")
        shapes, dtypes, many = self._spec(inputs)
        if self.func_type == "aot":
            from ._custom_aot import run_aot
            outputs = [np.empty(shape, mstype.dtype_to_nptype(dtype)) for shape, dtype in zip(shapes, dtypes)]
            result = run_aot(self.func, [x.asnumpy() for x in inputs], outputs)
            result = tuple(result) if many else result[0]
        else:
            result = self.func(*[x.asnumpy() for x in inputs])
        results = list(result) if many else [result]
        if len(results) != len(dtypes):
            raise ShapeError(f"For 'Custom', the function returned {len(results)} outputs for {len(dtypes)} "
                             f"declared ones.")
        outs = []
        for r, shape, dtype in zip(results, shapes, dtypes):
            if dtype not in mstype.all_types:
                raise DTypeError(f"For 'Custom', an output dtype must be a mindspore dtype, but got {dtype!r}.")
            arr = np.asarray(r.asnumpy() if isinstance(r, Tensor) else r).astype(mstype.dtype_to_nptype(dtype))
            if arr.shape != tuple(shape):
                raise ShapeError(f"For 'Custom', the function returned an output of shape {list(arr.shape)} "
                                 f"where 'out_shape' declares {list(shape)}.")
            outs.append(Tensor(arr, dtype))
        return tuple(outs) if many else outs[0]

    def __call__(self, *inputs):
        for x in inputs:
            if not isinstance(x, Tensor):
                raise DTypeError(f"For 'Custom', every input must be a Tensor, but got {type(x).__name__}.")
        return self._op(*inputs)


# ---- registration information ------------------------------------------------------------------

_DTYPES = {"BOOL": "bool", "I8": "int8", "I16": "int16", "I32": "int32", "I64": "int64", "U8": "uint8",
           "U16": "uint16", "U32": "uint32", "U64": "uint64", "F16": "float16", "F32": "float32",
           "F64": "float64", "BF16": "bfloat16", "C64": "complex64", "C128": "complex128"}
_FORMATS = {"Default": ("DefaultFormat",), "None": ("",), "5HD": ("NC1HWC0",), "NC1HWC0": ("NC1HWC0",),
            "FracZ": ("FRACTAL_Z",), "FracNZ": ("FRACTAL_NZ",), "C1HWNCoC0": ("C1HWNCoC0",),
            "NCHW": ("NCHW",), "NHWC": ("NHWC",), "HWCN": ("HWCN",), "NDHWC": ("NDHWC",),
            "NCDHW": ("NCDHW",), "ChannelLast": ("ChannelLast",), "NDC1HWC0": ("NDC1HWC0",),
            "FRACTAL_Z_3D": ("FRACTAL_Z_3D",), "FracZNLSTM": ("FRACTAL_ZN_LSTM",),
            "FracZNRNN": ("FRACTAL_ZN_RNN",), "ND_RNNBIAS": ("ND_RNN_BIAS",), "DHWCN": ("DHWCN",),
            "Default_Tuple": ("DefaultFormat", "tuple"), "Default_List": ("DefaultFormat", "list")}


class DataType:
    """The (dtype, format) pairs kernel registrations name: ``DataType.F32_Default`` is
    ``('float32', 'DefaultFormat')``, ``DataType.I32_NCHW`` ``('int32', 'NCHW')``,
    ``DataType.F16_None`` ``('float16', '')``, ``DataType.None_None`` ``('', '')``.

    Examples:
        >>> from mindspore.ops import DataType
        >>> print(DataType.F32_Default, DataType.I8_NC1HWC0)
        ('float32', 'DefaultFormat') ('int8', 'NC1HWC0')
    """

    None_None = ("", "")
    None_Default = ("", "DefaultFormat")


for _code, _dt in _DTYPES.items():
    for _fcode, _fmt in _FORMATS.items():
        setattr(DataType, f"{_code}_{_fcode}", (_dt,) + _fmt)


def _checked(value, kind, what):
    if value is not None and not isinstance(value, kind):
        raise DTypeError(f"{what} value must be {kind.__name__}")
    return value


class _RegOp:
    """The op-info builder shared by the registration classes."""

    _target_key = None

    def __init__(self, op_name):
        if not isinstance(op_name, str):
            raise DTypeError(f"op_name value must be str, but got {type(op_name).__name__}.")
        self.op_name = op_name
        self.inputs, self.outputs, self.attr_, self.fusion_type_, self.dtype_format_ = [], [], [], "", []

    def _io(self, index, name, param_type, kwargs):
        info = {}
        if index is not None:
            info["index"] = _checked(index, int, str(index))
        if name is not None:
            info["name"] = _checked(name, str, str(name))
        if param_type is not None:
            info["paramType"] = _checked(param_type, str, str(param_type))
        info.update(kwargs)
        return info

    def input(self, index=None, name=None, param_type="required", **kwargs):
        """Describes input `index` (its name and ``required``/``optional``/``dynamic``)."""
        self.inputs.append(self._io(index, name, param_type, kwargs))
        return self

    def output(self, index=None, name=None, param_type="required", **kwargs):
        """Describes output `index`."""
        self.outputs.append(self._io(index, name, param_type, kwargs))
        return self

    def dtype_format(self, *args):
        """One supported combination: a ``DataType`` pair per input and output, in order."""
        for a in args:
            if not isinstance(a, tuple) or len(a) not in (2, 3) or not all(isinstance(v, str) for v in a):
                raise DTypeError(f"dtype_format takes DataType pairs, but got {a!r}.")
        self.dtype_format_.append(tuple(args))
        return self

    def fusion_type(self, fusion_type):
        """The fusion type (``'OPAQUE'``, ``'ELEMWISE'``...)."""
        self.fusion_type_ = _checked(fusion_type, str, str(fusion_type))
        return self

    def get_op_info(self):
        """The op-info dict."""
        info = {"op_name": self.op_name, "inputs": self.inputs, "outputs": self.outputs, "attr": self.attr_,
                "fusion_type": self.fusion_type_, "dtype_format": self.dtype_format_}
        info.update(self._target())
        return info

    def _target(self):
        return {}


class CustomRegOp(_RegOp):
    """The registration information of a ``Custom`` operator (MindSpore's ``CustomRegOp``):
    inputs, outputs, attributes, supported dtypes and formats, target.

    Args:
        op_name (str, optional): The kernel's name. Default: ``'Custom'``.

    Outputs:
        The builder; ``get_op_info()`` gives the dict.

    Examples:
        >>> from mindspore.ops import CustomRegOp, DataType
        >>> info = CustomRegOp("add").input(0, "x").output(0, "z").dtype_format(
        ...     DataType.F32_Default, DataType.F32_Default).target("CPU").get_op_info()
        >>> print(info["inputs"], info["target"])
        [{'index': 0, 'name': 'x', 'paramType': 'required'}] CPU
    """

    def __init__(self, op_name="Custom"):
        super().__init__(op_name)
        self.target_ = "UnKnown"

    def attr(self, name=None, param_type=None, value_type=None, default_value=None, **kwargs):
        """Describes an attribute (name, ``required``/``optional``, its type, a default)."""
        info = {}
        for key, v in (("name", name), ("paramType", param_type), ("type", value_type),
                       ("defaultValue", default_value)):
            if v is not None:
                info[key] = _checked(v, str, str(v)) if key != "defaultValue" else v
        info.update(kwargs)
        self.attr_.append(info)
        return self

    def target(self, target=None):
        """The device the kernel runs on (``'CPU'``, ``'GPU'``, ``'Ascend'``)."""
        if target is not None:
            self.target_ = _checked(target, str, str(target))
        return self

    def _target(self):
        return {"target": self.target_}


class CpuRegOp(_RegOp):
    """The registration information of a CPU kernel (MindSpore's ``CpuRegOp``).

    Args:
        op_name (str): The kernel's name.

    Outputs:
        The builder; ``get_op_info()`` gives the dict.

    Examples:
        >>> from mindspore.ops import CpuRegOp, DataType
        >>> info = CpuRegOp("Foo").input(0, "x").output(0, "y").attr("a", "int").get_op_info()
        >>> print(info["attr"], info["imply_type"])
        [{'name': 'a', 'type': 'int'}] CPU
    """

    def attr(self, name=None, value_type=None, value=None, **kwargs):
        """Describes an attribute (name, type, value)."""
        info = {}
        for key, v in (("name", name), ("type", value_type), ("value", value)):
            if v is not None:
                info[key] = _checked(v, str, str(v))
        info.update(kwargs)
        self.attr_.append(info)
        return self

    def _target(self):
        return {"imply_type": "CPU"}


def custom_info_register(*reg_info):
    """A decorator keeping kernel registration information on a function (``func.reg_info``),
    for a ``Custom`` operator built from it.

    Args:
        reg_info (Union[str, dict]): The information (``CustomRegOp(...).get_op_info()``).

    Returns:
        function, the decorator.

    Examples:
        >>> from mindspore.ops import CustomRegOp, custom_info_register
        >>> @custom_info_register(CustomRegOp("f").target("CPU").get_op_info())
        ... def f(x):
        ...     return x
        >>> print(f.reg_info[0]["op_name"], f(3))
        f 3
    """
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return func(*args, **kwargs)
        wrapper.reg_info = reg_info
        return wrapper
    return decorator


registered_op_info = {}


def op_info_register(op_info):
    """A decorator registering `op_info` (a dict or its JSON text) under its ``op_name`` in
    ``registered_op_info``.

    Args:
        op_info (Union[str, dict]): The information.

    Returns:
        function, the decorator (the function is returned unchanged).

    Examples:
        >>> from mindspore.ops import CpuRegOp, op_info_register
        >>> @op_info_register(CpuRegOp("Bar").get_op_info())
        ... def _bar():
        ...     return
        >>> from mindspore.ops._custom_ops import registered_op_info
        >>> print("Bar" in registered_op_info)
        True
    """
    info = json.loads(op_info) if isinstance(op_info, str) else op_info
    if not isinstance(info, dict) or "op_name" not in info:
        raise DTypeError(f"For 'op_info_register', 'op_info' must be an op-info dict (or its JSON), but got "
                         f"{type(op_info).__name__}.")

    def decorator(func):
        registered_op_info[info["op_name"]] = info
        return func
    return decorator
