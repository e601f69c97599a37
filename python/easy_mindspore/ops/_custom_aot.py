"""The ``'aot'`` operators of ``ops.Custom`` on the CPU, as MindSpore 2.10 builds and runs them.

`func` is ``'path:function'``: a C/C++ source (``.cc``, ``.cpp``) is compiled with ``g++`` into
``./custom_kernel_meta/<file>.so`` when the operator is built (a ``.cu`` source needs ``nvcc``);
any other path is a compiled library. With ``MS_CUSTOM_AOT_WHITE_LIST`` set, the file must lie
under that folder. A bare name (an Ascend ``aclnn`` operator) is accepted when `out_shape` is
given, and fails when called on the CPU, as MindSpore's does.

A call loads the library and calls the function with MindSpore's documented interface::

    extern "C" int f(int nparam, void **params, int *ndims, int64_t **shapes,
                     const char **dtypes, void *stream, void *extra);

over the inputs and then the outputs (their shapes and dtypes from `out_shape`/`out_dtype`; the
dtypes named ``"float32"``, ``"int64"``, ``"bool"`` ...); `stream` and `extra` are NULL here (no
attributes or workspace). A return value other than 0 is MindSpore's RuntimeError."""
import ctypes
import os
import subprocess

import numpy as np

from .._errors import ComputeError, DTypeError
from ._prim_inputs import _error  # MindSpore's messages, passed unchanged

__all__ = ["aot_func", "run_aot"]

_LIBRARIES = {}


def _head(func):
    return f"For 'Custom', 'func_type': aot, 'func': {func}, "


def aot_func(func, out_shape):
    """The function path of an ``'aot'`` operator built from `func` (a source compiled into
    ``./custom_kernel_meta``), after MindSpore's checks.

    Args:
        func (str): ``'path:function'``, or an Ascend operator's name with `out_shape`.
        out_shape (object): The operator's `out_shape` (None: MindSpore infers it in C++).

    Returns:
        str, the path of the library and the function.

    Raises:
        TypeError: If `func` is not such a string, or its file lies outside the white list.
        RuntimeError: If the source does not compile.

    Examples:
        >>> from mindspore.ops._custom_aot import aot_func
        >>> aot_func("/opt/kernels/add.so:CustomAdd", (2,))
        '/opt/kernels/add.so:CustomAdd'
    """
    if not isinstance(func, str):
        raise _error(DTypeError, f"{_head(func)}'func' must be of type str, but got {type(func)}")
    if ":" not in func:
        if out_shape is None:
            raise _error(DTypeError, f"{_head(func)}'func' should be like 'file_name:func_name', but got {func}")
        return func
    path, name = func.rsplit(":", 1)
    white = os.environ.get("MS_CUSTOM_AOT_WHITE_LIST")
    if white:
        legal, real = os.path.realpath(white), os.path.realpath(path)
        if real != legal and not real.startswith(legal + os.sep):
            raise _error(DTypeError, f"{_head(func)}the legal path for the file is {legal}, but the file is {real}")
    if path.endswith((".cc", ".cpp", ".cu")):
        os.makedirs("custom_kernel_meta", exist_ok=True)
        target = os.path.join(".", "custom_kernel_meta", os.path.basename(path) + ".so")
        compiler = ["nvcc", "--shared", "-Xcompiler", "-fPIC"] if path.endswith(".cu") else ["g++", "--shared", "-fPIC"]
        done = subprocess.run(compiler + ["-O2", "-o", target, path], capture_output=True, text=True, check=False)
        if done.returncode:
            raise _error(ComputeError, f"Compilation error in compiling {path}:\n{done.stderr}")
        return f"{target}:{name}"
    return func


_NAMES = {np.dtype(n): n for n in ("float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8",
                                   "uint16", "uint32", "uint64")}
_NAMES[np.dtype(bool)] = "bool"


def run_aot(func, arrays, outputs):
    """Calls the ``'aot'`` function `func` on the input `arrays` and the `outputs` (NumPy arrays
    it fills), MindSpore's interface (see the module note).

    Args:
        func (str): ``'path:function'`` (from :func:`aot_func`).
        arrays (list): The inputs, NumPy arrays.
        outputs (list): The outputs, NumPy arrays of their shapes and dtypes.

    Returns:
        list, `outputs` filled.

    Raises:
        RuntimeError: MindSpore's errors: a bare name, a missing library or function, a
            non-zero return value.

    Examples:
        >>> import numpy as np
        >>> from mindspore.ops._custom_aot import run_aot
        >>> try:
        ...     run_aot("aclnnAddCustom", [np.ones(2, np.float32)], [np.empty(2, np.float32)])
        ... except RuntimeError as e:
        ...     print(str(e)[:60])
        For 'Custom' on CPU, user defined function path 'aclnnAddCus
    """
    if ":" not in func:
        raise _error(ComputeError, f"For 'Custom' on CPU, user defined function path '{func}' is illegal. Proper function "
                           f"path should follow the format of 'dir_path/file_name:func_name'")
    path, name = func.rsplit(":", 1)
    real = os.path.realpath(path)
    if not os.path.isfile(real):
        raise _error(ComputeError, f"For 'Custom' on CPU, couldn't find the AOT binary file: {real}")
    if real not in _LIBRARIES:
        _LIBRARIES[real] = ctypes.CDLL(real)
    try:
        fn = getattr(_LIBRARIES[real], name)
    except AttributeError:
        raise _error(ComputeError, f"For 'Custom' on CPU, error occurs when fetching function '{name}'. Error info: {real}: "
                           f"undefined symbol: {name}") from None
    every = [np.ascontiguousarray(a) for a in arrays] + list(outputs)
    for a in every:
        if a.dtype not in _NAMES:
            raise _error(DTypeError, f"For 'Custom', an 'aot' operator takes no {a.dtype} tensor.")
    n = len(every)
    params = (ctypes.c_void_p * n)(*[a.ctypes.data for a in every])
    ndims = (ctypes.c_int * n)(*[a.ndim for a in every])
    dims = [(ctypes.c_int64 * max(a.ndim, 1))(*a.shape) for a in every]
    shapes = (ctypes.POINTER(ctypes.c_int64) * n)(*[ctypes.cast(d, ctypes.POINTER(ctypes.c_int64)) for d in dims])
    dtypes = (ctypes.c_char_p * n)(*[_NAMES[a.dtype].encode() for a in every])
    fn.restype = ctypes.c_int
    ret = fn(n, params, ndims, shapes, dtypes, None, None)
    if ret != 0:
        raise _error(ComputeError, f"Return value from CPU AOT kernel({real})'s function({name}) is {ret}. Any return value "
                           f"not equal to 0 will be treated as user defined error code and we will terminate "
                           f"execution. If termination is not your purpose, please set return value to 0.")
    return list(outputs)
