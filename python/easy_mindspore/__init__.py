"""easy_mindspore: a Rust tensor engine with MindSpore's functional automatic differentiation.

``import easy_mindspore as ems`` gives the helper functions of the D2L MindSpore notebooks
(``ems.arange``, ``ems.dot``, ``ems.norm``, ``ems.randn``...), MindSpore's grad API and its
function transforms: ``vmap``, ``jacfwd``, ``jacrev`` (plus ``hessian``) and custom gradients
(``custom_vjp``, MindSpore's ``bprop`` style), and ``jit`` (graphs staged by the engine and run
from a cache; ``set_context(mode=GRAPH_MODE)`` compiles grad functions and cell calls).

Drop-in for MindSpore-edition notebooks: when the real MindSpore is not importable, importing
easy_mindspore makes ``mindspore`` and every ``mindspore.X`` (``mindspore.ops``,
``mindspore.numpy``, ``mindspore.nn``, ``mindspore.common.initializer``...) resolve to this package
and its submodule ``easy_mindspore.X``.
Set the environment variable ``EASY_MINDSPORE_NO_ALIAS=1`` to turn that off; when MindSpore is
installed nothing is aliased.
"""
import builtins as _builtins
import importlib as _il
import importlib.abc as _abc
import importlib.util as _ilu
import os as _os
import sys as _sys

import numpy as _np

from . import _C

# Unseeded, MindSpore's random ops and initializers differ from run to run: the engine's generator
# starts from the OS's entropy until `set_seed` (the Rust API keeps its fixed default seed).
_C.set_seed(int.from_bytes(_os.urandom(8), "little"))

from ._errors import ComputeError, DTypeError, Error, ShapeError, TensorIndexError
from .common import dtype
from .common.dtype import bool_, float32, float64, int32, int64, list_, tuple_
from .common.dtype import bfloat16, float16, half, int8, int16, uint8, uint16, uint32, uint64
from .common.dtype import complex64, complex128, dtype_to_nptype, dtype_to_pytype, pytype_to_dtype
from .context import COMPATIBLE, GRAPH_MODE, LAX, PYNATIVE_MODE, STRICT, get_context, set_context
from .tensor import Tensor, _host
from . import context, ops
from ._grad import GradOperation, get_grad, grad, value_and_grad
from ._custom import custom_vjp
from ._jacobian import hessian, jacfwd, jacrev
from ._vmap import vmap
from ._jit import jit
from .ops.functional import jvp, stop_gradient, vjp
from .common.parameter import Parameter, ParameterTuple
from .common.mutable import mutable
from .common.sparse_tensor import COOTensor, CSRTensor, RowTensor, SparseTensor
from .common.api import _no_grad
from .common._grad_function import _Function
from ._checkpoint import load_checkpoint, load_param_into_net, save_checkpoint
from ._mindir import export, load
from . import dataset, nn
from . import mindrecord  # noqa: E402 - MindSpore imports it with the package
from .mindrecord import (FAILED, SUCCESS, Cifar10ToMR, Cifar100ToMR, CsvToMR,  # noqa: E402
                         FileReader, FileWriter, ImageNetToMR, MindPage, MnistToMR, TFRecordToMR)
from ._auto_parallel import (ParallelMode, get_auto_parallel_context, reset_auto_parallel_context,
                             set_auto_parallel_context)
from . import communication
from . import numpy
from . import train
from . import utils
from .utils.dlpack import from_dlpack, to_dlpack  # noqa: E402 - mindspore.from_dlpack/to_dlpack (MindSpore 2.10)
from .common.tensor import swap_tensors  # noqa: E402
from .common.jit_config import JitConfig, set_recursion_limit  # noqa: E402
from .ops.functional import constexpr  # noqa: E402
from . import log  # noqa: E402
from .log import get_level, get_log_config  # noqa: E402
from . import hal
from .train import (Model, Callback, RunContext, LossMonitor, TimeMonitor, ModelCheckpoint,
                    CheckpointConfig, History, LambdaCallback, EarlyStopping, ReduceLROnPlateau,
                    LearningRateScheduler,
                    Metric, Accuracy, Precision, Recall, Fbeta, F1, TopKCategoricalAccuracy,
                    Top1CategoricalAccuracy, Top5CategoricalAccuracy, Loss, MAE, MSE, get_metric_fn,
                    names, rearrange_inputs, ROC, BleuScore, ConfusionMatrix, ConfusionMatrixMetric,
                    CosineSimilarity, Dice, HausdorffDistance, MeanSurfaceDistance,
                    OcclusionSensitivity, Perplexity, RootMeanSquareDistance, auc)
from . import amp
from . import boost
from .train.loss_scale_manager import DynamicLossScaleManager, FixedLossScaleManager, LossScaleManager
from .train import (BackupAndRestore, DatasetHelper, OnRequestExit, async_ckpt_thread_status,  # noqa: E402
                    build_train_network, ckpt_to_safetensors, connect_network_with_dataset, data_sink,
                    load_checkpoint_async, merge_sliced_parameter, safetensors_to_ckpt)
from .train import SummaryCollector, SummaryRecord  # noqa: E402
from .train import SummaryLandscape, TrainFaultTolerance  # noqa: E402
from . import _tensor_methods
from . import device_context
from . import _threads

_threads.apply_env()

_tensor_methods.install()

__version__ = "0.1.0"

__all__ = [
    "Tensor", "tensor", "Error", "ShapeError", "DTypeError", "TensorIndexError", "ComputeError",
    "bool_", "int32", "int64", "float32", "float64", "float16", "half", "bfloat16", "int8",
    "int16", "uint8", "uint16", "uint32", "uint64", "complex64", "complex128", "dtype", "dtype_to_nptype", "dtype_to_pytype", "pytype_to_dtype", "ops", "context", "set_context",
    "get_context", "GRAPH_MODE", "PYNATIVE_MODE", "STRICT", "COMPATIBLE", "LAX", "jit", "grad", "value_and_grad", "get_grad", "mutable", "jvp", "vjp",
    "vmap", "jacfwd", "jacrev", "hessian", "custom_vjp", "GradOperation", "stop_gradient", "set_seed", "get_seed", "abs", "norm", "matmul", "sum", "dot",
    "exp", "size", "zeros", "ones", "zeros_like", "ones_like", "arange", "linspace", "logspace",
    "eye", "concat", "split", "transpose", "swapaxes", "squeeze", "expand_dims", "t", "stack",
    "where", "Parameter", "ParameterTuple", "COOTensor", "CSRTensor", "RowTensor", "SparseTensor",
    "nn", "dataset", "boost", "save_checkpoint",
    "load_checkpoint", "load_param_into_net", "export", "load", "randn", "rand", "normal", "randint", "flatten", "narrow", "maximum", "minimum",
    "train", "Model", "Callback", "RunContext", "LossMonitor", "TimeMonitor", "ModelCheckpoint",
    "CheckpointConfig", "History", "LambdaCallback", "EarlyStopping", "ReduceLROnPlateau", "Metric",
    "LearningRateScheduler",
    "Accuracy", "Precision", "Recall", "Fbeta", "F1", "TopKCategoricalAccuracy",
    "Top1CategoricalAccuracy", "Top5CategoricalAccuracy", "Loss", "MAE", "MSE", "get_metric_fn",
    "names", "rearrange_inputs", "ROC", "BleuScore", "ConfusionMatrix", "ConfusionMatrixMetric",
    "CosineSimilarity", "Dice", "HausdorffDistance", "MeanSurfaceDistance", "OcclusionSensitivity",
    "Perplexity", "RootMeanSquareDistance", "auc", "from_numpy", "from_dlpack", "to_dlpack", "swap_tensors", "JitConfig", "set_recursion_limit", "constexpr", "log", "get_level", "get_log_config", "utils", "communication", "ParallelMode", "set_auto_parallel_context",
    "get_auto_parallel_context", "reset_auto_parallel_context",
    "Generator", "default_generator", "seed", "manual_seed", "initial_seed", "get_rng_state",
    "set_rng_state",
]

# The seed `set_seed` set (None until then, as MindSpore's `get_seed`).
_GLOBAL_SEED = None


def get_seed():
    """The global seed `set_seed` set, or None before any call (MindSpore's).

    Returns:
        Union[int, None], the seed.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_seed(5)
        >>> print(ms.get_seed())
        5
    """
    return _GLOBAL_SEED


from .common.generator import (Generator, default_generator, get_rng_state, initial_seed,  # noqa: E402
                               manual_seed, seed, set_rng_state)


def set_seed(seed):
    """Sets the global seed: the engine's random ops, NumPy's global generator (from which
    initializers draw their seeds), and the data pipeline (``dataset.config.set_seed``), as
    ``mindspore.set_seed``.

    Args:
        seed (int): The seed, in [0, 2**32) (NumPy's range).

    Raises:
        TypeError: ``seed`` is not an int.
        ValueError: ``seed`` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_seed(1)
        >>> a = ms.ops.rand(2)
        >>> ms.set_seed(1)
        >>> print(bool((ms.ops.rand(2) == a).all()))
        True
        >>> print(ms.dataset.config.get_seed())
        1
    """
    global _GLOBAL_SEED
    if isinstance(seed, int) and not isinstance(seed, bool) and not 0 <= seed < 2**32:
        # MindSpore seeds NumPy's global generator too, whose seeds end there (a ValueError).
        raise ShapeError(f"For 'set_seed', the 'seed' must be an int in [0, 2**32), but got {seed}.")
    _C.set_seed(seed)
    _np.random.seed(seed)  # as MindSpore: initializers draw their seeds from NumPy
    dataset.config._reseed(int(seed))
    _GLOBAL_SEED = int(seed)
    from .common import seed as _seed_module
    _seed_module._reset_op_seed()


def _t(x):
    return x if isinstance(x, Tensor) else Tensor(x)


def tensor(input_data=None, dtype=None, shape=None, init=None, const_arg=False, device=None):
    """``mindspore.tensor``: a new ``Tensor`` with the same arguments and dtype rules (MindSpore
    2.10 documents it as the Tensor class with an annotation for graph mode): Python ints give
    Int64, Python floats Float32, NumPy arrays keep their dtype. (The 2021 easy_mindspore library
    narrowed int64 to Int32 and float64 to Float32 here; MindSpore's meaning of the name wins.)

    Args:
        input_data (Union[Tensor, list, tuple, numpy.ndarray, number], optional): The data.
            Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype; inferred from the data when None. Default:
            ``None``.
        shape (Union[tuple, list, int], optional): The shape, with `init`. Default: ``None``.
        init (Initializer, optional): An initializer for a tensor of `shape`. Default: ``None``.
        const_arg (bool, optional): Whether the tensor is a constant argument of a compiled
            function. Default: ``False``.
        device (str, optional): The device (``'CPU'``). Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.tensor([1, 2, 3], ms.int32)
        >>> print(x.dtype, ms.tensor([1, 2]).dtype, ms.tensor(2.5).dtype)
        Int32 Int64 Float32
    """
    if not isinstance(const_arg, bool):
        raise DTypeError(f"For 'tensor', 'const_arg' must be a bool, but got {type(const_arg).__name__}.")
    if device is not None and not isinstance(device, str):
        raise DTypeError(f"For 'tensor', 'device' must be a str, but got {type(device).__name__}.")
    return Tensor(input_data, dtype, shape, init, const_arg, device)


def from_numpy(array):
    """Converts a NumPy array to a Tensor sharing its memory (no copy).

    Writes through either side are visible to the other, and the tensor keeps the array alive.
    An empty, misaligned or byte-swapped array is copied. ``Tensor(array)`` copies instead.

    Args:
        array (numpy.ndarray): The array (bool, int, uint or float dtype).

    Returns:
        Tensor, with the array's shape and dtype.

    Raises:
        TypeError: If `array` is not a numpy.ndarray, or its dtype is not supported.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> a = np.ones(3, np.float32)
        >>> t = ms.from_numpy(a)
        >>> a[0] = 5.0
        >>> print(t)
        [5. 1. 1.]
    """
    return _host(_C.from_numpy(array))


def abs(x, dtype=None):  # noqa: A001 - MindSpore's name
    r = _t(x).abs()
    return r.astype(dtype) if dtype is not None else r


norm = _C.norm  # norm(x, ord=None, axis=None, keepdims=False), bound directly as ``dot``


def matmul(x1, x2, dtype=None):
    r = _C.matmul(x1, x2)
    return r.astype(dtype) if dtype is not None else r


def sum(data, axis=None, dtype=None):  # noqa: A001
    return _t(data).sum(axis, dtype)


dot = _C.dot  # bound directly: no Python frame on the hot path of the seed's W1


def exp(data):
    return _t(data).exp()


def size(data):
    return _t(data).size


def _dims(shape):
    # Anything but a tuple or list goes to the extension as one dimension, which checks it.
    return tuple(shape) if isinstance(shape, (tuple, list, _np.ndarray)) else (shape,)


def zeros(shape, dtype=float32):
    return _C.full(_dims(shape), 0, dtype)


def ones(shape, dtype=float32):
    return _C.full(_dims(shape), 1, dtype)


def zeros_like(data, dtype=None):
    d = _t(data)
    return _C.full(d.shape, 0, dtype or d.dtype)


def ones_like(data, dtype=None, shape=None):
    d = _t(data)
    return _C.full(d.shape, 1, d.dtype)


def arange(start, stop=None, step=None, dtype=None):
    """``mindspore.numpy.arange``: all-int arguments give Int32, any float gives Float32."""
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    return _C.arange(start, stop, step, dtype)


def linspace(start, stop, num, dtype=None):
    return _C.linspace(start, stop, num, dtype or float32)


def logspace(start, stop, num, base=10.0, dtype=float32):
    if isinstance(base, bool) or not isinstance(base, (int, float, _np.integer, _np.floating)):
        raise DTypeError(f"For 'logspace', 'base' must be a real number, but got {type(base).__name__}.")
    return (float(base) ** _C.linspace(start, stop, num, float32)).astype(dtype)


def eye(n, m=None, dtype=float32):
    return _C.eye(n, m, dtype)


def _tensor_seq(op, data):
    if not isinstance(data, (tuple, list)):
        raise DTypeError(f"For '{op}', 'tensors' must be a tuple or list of tensors, but got "
                         f"{type(data).__name__}.")
    return list(data)


def concat(data, axis=0):
    return _C.concat(_tensor_seq("Concat", data), axis)


def stack(data, axis=0):
    return _C.stack(_tensor_seq("Stack", data), axis)


def split(x, indices_or_sections, axis=0):
    return tuple(_C.split(_t(x), indices_or_sections, axis))


def transpose(a, axes=None):
    return _t(a).transpose() if axes is None else _t(a).transpose(axes)


def swapaxes(data, axis0, axis1):
    return _t(data).swapaxes(axis0, axis1)


def squeeze(data, axis=None):
    return _t(data).squeeze(axis)


def expand_dims(data, axis):
    return _t(data).expand_dims(axis)


def t(data):
    d = _t(data)
    if d.ndim != 2:
        raise ShapeError(f"For 't', the input must be 2-D, but got shape {d.shape}")
    return d.swapaxes(1, 0)


def flatten(x, start_dim=0, end_dim=-1):
    return _t(x).flatten(start_dim, end_dim)


def narrow(x, axis, start, length):
    """``x`` restricted to ``start:start+length`` along ``axis``."""
    x = _t(x)
    for name, v in (("axis", axis), ("start", start), ("length", length)):
        if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
            raise DTypeError(f"For 'narrow', '{name}' must be an int, but got {type(v).__name__}")
    if not -x.ndim <= axis < x.ndim:
        raise ShapeError(f"For 'narrow', 'axis' must be in [{-x.ndim}, {x.ndim}), but got {axis}")
    n = x.shape[axis]
    if not (0 <= start <= n and 0 <= length <= n - start):  # (a negative one sliced from the end)
        raise ShapeError(f"For 'narrow', start {start} and length {length} must lie within axis "
                         f"{axis} of size {n}.")
    idx = [slice(None)] * x.ndim
    idx[axis] = slice(start, start + length)
    return x[tuple(idx)]


def where(condition, x=None, y=None):
    if x is None and y is None:
        raise ShapeError("For 'where', the one-argument form (nonzero) is not supported; pass x and y")
    return _C.where_(condition, x, y)


def maximum(x, y):
    return _C.maximum(x, y)


def minimum(x, y):
    return _C.minimum(x, y)


def _shape_arg(shape_args, shape):
    if shape is not None:
        return _dims(shape)
    if len(shape_args) == 1 and isinstance(shape_args[0], (tuple, list)):
        return tuple(shape_args[0])
    return tuple(shape_args)


def randn(*shape, dtype=None, shape_=None, **kwargs):
    """Standard normal samples: ``randn(3, 4)``, ``randn((3, 4))`` and ``randn(shape=())`` all work."""
    return _C.randn(_shape_arg(shape, kwargs.pop("shape", shape_)), dtype)


def rand(*shape, dtype=None, **kwargs):
    return _C.rand(_shape_arg(shape, kwargs.pop("shape", None)), dtype)


def normal(mean, std, shape):
    return _C.normal(mean, std, _dims(shape))


def randint(low, high, size, dtype=None):
    """Integers uniform in ``[low, high)``: ``low < high`` must hold, and both must fit the dtype
    (Int64 by default)."""
    dtype = dtype or int64
    for name, v in (("low", low), ("high", high)):
        if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
            raise DTypeError(f"For 'randint', '{name}' must be an int, but got {type(v).__name__}")
    if low >= high:
        raise ShapeError(f"For 'randint', 'low' must be less than 'high', but got low={low}, high={high}")
    bits = 31 if dtype == int32 else 63
    if low < -(2**bits) or high > 2**bits:
        raise ShapeError(f"For 'randint', the range [{low}, {high}) does not fit {dtype}")
    u = _C.rand(_dims(size), float64)
    r = (u * float(high - low)).floor() + float(low)
    return r.astype(dtype or int64)


class _MindsporeAlias(_abc.MetaPathFinder, _abc.Loader):
    """Resolves ``mindspore.X.Y`` to ``easy_mindspore.X.Y`` for every submodule, so code written
    for MindSpore imports ours unchanged (``import mindspore.numpy as mnp``,
    ``from mindspore.common.initializer import Normal``). Installed only when the real MindSpore
    is not importable."""

    def find_spec(self, fullname, path=None, target=None):
        if not fullname.startswith("mindspore."):
            return None
        ours = __name__ + fullname[len("mindspore"):]
        try:
            if _ilu.find_spec(ours) is None:
                return None
        except (ImportError, ValueError):
            return None
        return _ilu.spec_from_loader(fullname, self)

    def create_module(self, spec):
        return _il.import_module(__name__ + spec.name[len("mindspore"):])

    def exec_module(self, module):
        pass


def _install_mindspore_alias():
    if _os.environ.get("EASY_MINDSPORE_NO_ALIAS"):
        return
    if "mindspore" in _sys.modules:
        return
    try:
        spec = _ilu.find_spec("mindspore")
    except (ImportError, ValueError):
        return
    # A real MindSpore wins; a folder named mindspore without an __init__.py (a namespace
    # package: a source checkout on sys.path, say) is not one.
    if spec is not None and spec.origin is not None:
        return
    _sys.modules["mindspore"] = _sys.modules[__name__]
    # Submodules already imported are the same module objects under both names; the rest resolve
    # on first import through the finder.
    for name, mod in list(_sys.modules.items()):
        if name.startswith(__name__ + "."):
            _sys.modules["mindspore" + name[len(__name__):]] = mod
    _sys.meta_path.insert(0, _MindsporeAlias())
    # Answering as MindSpore, the classes a user prints read as MindSpore 2.10's: `type(t)` is
    # `<class 'mindspore.common.tensor.Tensor'>` (the D2L book shows it too) and a Parameter's
    # `<class 'abc.Parameter'>`. Pickles name their rebuild functions, not these modules.
    Tensor.__module__ = "mindspore.common.tensor"
    Parameter.__module__ = "abc"
    dataset._present_as_mindspore(vars(dataset))


_install_mindspore_alias()
del _builtins
__all__ += ["amp", "LossScaleManager", "FixedLossScaleManager", "DynamicLossScaleManager",
            "BackupAndRestore", "DatasetHelper", "OnRequestExit", "async_ckpt_thread_status",
            "build_train_network", "ckpt_to_safetensors", "connect_network_with_dataset", "data_sink",
            "load_checkpoint_async", "merge_sliced_parameter", "safetensors_to_ckpt", "SummaryRecord",
            "SummaryCollector"]
__all__ += ["SummaryLandscape", "TrainFaultTolerance"]

from . import _docs  # noqa: E402

_docs.apply()

from . import mint  # noqa: E402  (after _docs.apply: mint's aliases carry the ops docstrings)
from . import experimental  # noqa: E402  (``mindspore.experimental`` is an attribute, as in MindSpore)
from . import _tensor_more  # noqa: E402

_tensor_more.install()  # after _docs.apply and mint: its forwarding methods carry their docstrings
from . import _tensor_device  # noqa: E402

_tensor_device.install()

# The top-level device and runtime functions of MindSpore 2.x (``_device_api``).
from ._device_api import (empty_cache, frombuffer, get_current_device, is_tensor,  # noqa: E402
                          jit_class, lazy_inline, max_memory_allocated, max_memory_reserved,
                          memory_allocated, memory_reserved, no_inline, recompute,
                          reset_peak_memory_stats, run_check, set_deterministic, set_device,
                          synchronize)
# ``mindspore.profiler`` and its ``Profiler`` at the top level.
from . import profiler  # noqa: E402
from .profiler import Profiler  # noqa: E402

# ``mindspore.runtime``, whose names MindSpore also has at the top level.
from . import runtime  # noqa: E402
from .runtime import (Event, Stream, StreamCtx, communication_stream, current_stream,  # noqa: E402
                      default_stream, launch_blocking, memory_stats, memory_summary,
                      reset_max_memory_allocated, reset_max_memory_reserved, set_cpu_affinity,
                      set_cur_stream)
from .common.dtype import byte, double, intc, intp, short, single, ubyte  # noqa: E402
from .common.dtype import uintc, uintp, ushort  # noqa: E402
from .common.dtype import number, tensor_type  # noqa: E402
from .common.dtype import (QuantDtype, TensorType, Type, float_, get_py_obj_dtype, int_,  # noqa: E402
                           string, type_none, uint)

__all__ += ["set_device", "get_current_device", "set_deterministic", "run_check", "synchronize",
            "is_tensor", "frombuffer", "jit_class", "lazy_inline", "no_inline", "recompute",
            "memory_allocated", "max_memory_allocated", "memory_reserved", "max_memory_reserved",
            "empty_cache", "reset_peak_memory_stats", "double", "single", "short", "byte", "ubyte",
            "intc", "intp", "ushort", "uintc", "uintp", "number", "tensor_type", "QuantDtype", "TensorType",
            "Type", "float_", "get_py_obj_dtype", "int_", "string", "type_none", "uint", "runtime", "Event",
            "profiler", "Profiler",
            "Stream", "StreamCtx", "communication_stream", "current_stream", "default_stream",
            "launch_blocking", "memory_stats", "memory_summary", "reset_max_memory_allocated",
            "reset_max_memory_reserved", "set_cpu_affinity", "set_cur_stream"]
from .common.file_system import mindio_preload, set_mindio_server_info  # noqa: E402
__all__ += ["set_mindio_server_info", "mindio_preload"]

# MindSpore's dtype aliases named after Python builtins (``ms.int`` is Int32, ``ms.float``
# Float32, ``ms.bool`` Bool, ``ms.long`` Int64, ``ms.cfloat``/``ms.cdouble`` the complex types):
# served by the module's ``__getattr__`` so that the builtins stay themselves inside this module.
_BUILTIN_NAMED_DTYPES = {"int": int32, "float": float32, "bool": bool_, "long": int64,
                         "cfloat": complex64, "cdouble": complex128}


def __getattr__(name):
    if name in _BUILTIN_NAMED_DTYPES:
        return _BUILTIN_NAMED_DTYPES[name]
    raise AttributeError(f"module 'mindspore' has no attribute '{name}'")


# MindSpore 2.10's other top-level names: ``mindspore.version``, saved-tensor hooks, the parameter-server context, the runtime
# settings (also reachable as ``mindspore.runtime.<name>``, as in MindSpore), ``mindspore.parallel``'s
# names, ``mindspore.tools``' and the 8-bit dtypes.
from . import version  # noqa: E402
from ._saved_hooks import register_saved_tensors_hooks, saved_tensors_hooks  # noqa: E402
from .context import get_ps_context, reset_ps_context, set_ps_context  # noqa: E402
from ._runtime_conf import (StreamLimitCtx, dispatch_threads_num, get_device_limit,  # noqa: E402
                            get_stream_limit, ms_memory_recycle, reset_stream_limit,
                            set_device_limit, set_kernel_launch_capture, set_kernel_launch_group,
                            set_memory, set_stream_limit)
from . import parallel  # noqa: E402
from .parallel import (Layout, build_searched_strategy, get_algo_parameters,  # noqa: E402
                       load_distributed_checkpoint, load_segmented_checkpoints,
                       merge_pipeline_strategys, parameter_broadcast, rank_list_for_transform,
                       reset_algo_parameters, reshard, restore_group_info_list, set_algo_parameters,
                       shard, sync_pipeline_shared_parameters, transform_checkpoint_by_rank,
                       transform_checkpoints, unified_safetensors)
from .parallel._transform import get_ckpt_path_with_strategy  # noqa: E402
from . import tools  # noqa: E402
from .tools._deprecated import (get_sdc_detect_result, sdc_detect_start, sdc_detect_stop,  # noqa: E402
                                set_dump, stress_detect)
from .common.dtype import float8_e4m3fn, float8_e5m2, hifloat8, qint4x2  # noqa: E402

for _name in ("StreamLimitCtx", "dispatch_threads_num", "get_device_limit", "get_stream_limit",
              "reset_stream_limit", "set_device_limit", "set_kernel_launch_capture",
              "set_kernel_launch_group", "set_memory", "set_stream_limit"):
    setattr(runtime, _name, globals()[_name])
del _name
__all__ += ["version", "saved_tensors_hooks",
            "register_saved_tensors_hooks", "set_ps_context", "get_ps_context", "reset_ps_context",
            "StreamLimitCtx", "dispatch_threads_num", "get_device_limit", "get_stream_limit",
            "reset_stream_limit", "set_device_limit", "set_kernel_launch_capture",
            "set_kernel_launch_group", "set_memory", "set_stream_limit", "parallel", "Layout",
            "build_searched_strategy", "get_algo_parameters", "load_distributed_checkpoint",
            "load_segmented_checkpoints", "merge_pipeline_strategys", "parameter_broadcast",
            "rank_list_for_transform", "reset_algo_parameters", "reshard", "restore_group_info_list",
            "set_algo_parameters", "shard", "sync_pipeline_shared_parameters",
            "transform_checkpoint_by_rank", "transform_checkpoints", "unified_safetensors",
            "get_ckpt_path_with_strategy", "tools", "get_sdc_detect_result", "sdc_detect_start",
            "sdc_detect_stop", "set_dump", "stress_detect", "float8_e4m3fn", "float8_e5m2",
            "hifloat8", "qint4x2", "ms_memory_recycle"]
