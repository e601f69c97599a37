"""Type stubs of ``easy_mindspore`` (``mindspore``): the tensors, dtypes, transforms, ``jit``,
checkpoints and context functions with their types. Names not declared here (the NumPy-style
module functions) are typed ``Incomplete``: they exist, their types are not written yet."""
from typing import Any, Callable, Generic, Iterable, Literal, Mapping, Optional, Sequence, TypeVar, Union, overload
from typing_extensions import ParamSpec

import numpy as np
from _typeshed import Incomplete

from . import common as common
from . import communication as communication
from . import context as context
from . import dataset as dataset
from . import nn as nn
from . import numpy as numpy
from . import ops as ops
from . import train as train
from . import utils as utils
from ._C import Tensor as Tensor
from ._errors import ComputeError as ComputeError, DTypeError as DTypeError, Error as Error
from ._errors import ShapeError as ShapeError, TensorIndexError as TensorIndexError
from ._jit import CacheInfo as CacheInfo
from ._typing import ArrayLike, DTypeLike, ShapeLike, TensorLike
from .common import dtype as dtype
from .common.dtype import Type
from .common.parameter import Parameter as Parameter, ParameterTuple as ParameterTuple
from .train import Callback as Callback, LossMonitor as LossMonitor, Model as Model
from .train import ModelCheckpoint as ModelCheckpoint, RunContext as RunContext
from .train import TimeMonitor as TimeMonitor

_P = ParamSpec("_P")
_R = TypeVar("_R")
_Weights = Union[ParameterTuple, Sequence[Parameter], Parameter]

bool_: Type
int8: Type
int16: Type
int32: Type
int64: Type
uint8: Type
uint16: Type
uint32: Type
uint64: Type
float16: Type
half: Type
bfloat16: Type
float32: Type
float64: Type
complex64: Type
complex128: Type

GRAPH_MODE: int
PYNATIVE_MODE: int

def set_context(**kwargs: Any) -> None: ...
def get_context(key: str) -> Any: ...
def set_seed(seed: int) -> None: ...
def get_seed() -> int: ...
class Generator:
    def __init__(self) -> None: ...
    def manual_seed(self, seed: int) -> Generator: ...
    def seed(self) -> int: ...
    def initial_seed(self) -> int: ...
    def get_state(self) -> Tensor: ...
    def set_state(self, state: Tensor) -> None: ...
default_generator: Generator
def seed() -> int: ...
def manual_seed(seed: int) -> Generator: ...
def initial_seed() -> int: ...
def get_rng_state() -> Tensor: ...
def set_rng_state(state: Tensor) -> None: ...

def tensor(data: ArrayLike, *, dtype: Optional[DTypeLike] = None) -> Tensor: ...
def from_numpy(array: np.ndarray) -> Tensor: ...
def zeros(shape: ShapeLike, dtype: DTypeLike = ...) -> Tensor: ...
def ones(shape: ShapeLike, dtype: DTypeLike = ...) -> Tensor: ...
def arange(start: TensorLike, stop: Optional[TensorLike] = None, step: Optional[TensorLike] = None,
           dtype: Optional[DTypeLike] = None) -> Tensor: ...
def matmul(x1: TensorLike, x2: TensorLike, dtype: Optional[DTypeLike] = None) -> Tensor: ...
def dot(a: TensorLike, b: TensorLike) -> Tensor: ...
def norm(x: TensorLike, ord: Optional[Union[int, float, str]] = None,
         axis: Optional[Union[int, Sequence[int]]] = None, keepdims: bool = False) -> Tensor: ...

class _Jitted(Generic[_P, _R]):
    """A function compiled by ``jit``: called as the function; its cache can be inspected."""
    def __call__(self, *args: _P.args, **kwargs: _P.kwargs) -> _R: ...
    def cache_info(self) -> CacheInfo: ...
    def graphs(self) -> list[str]: ...
    def uncached_reason(self) -> Optional[str]: ...

@overload
def jit(fn: Callable[_P, _R], *, function: None = None, **options: Any) -> _Jitted[_P, _R]: ...
@overload
def jit(fn: None = None, *, function: Optional[Callable[..., Any]] = None,
        **options: Any) -> Callable[[Callable[_P, _R]], _Jitted[_P, _R]]: ...

# The gradients' structure follows the arguments: one position gives a Tensor, a tuple of
# positions a tuple, weights a tuple (with positions, a pair (inputs' grads, weights' grads)).
@overload
def grad(fn: Callable[_P, Any], grad_position: int = 0, weights: None = None,
         has_aux: Literal[False] = False, return_ids: Literal[False] = False,
         sens_param: bool = False) -> Callable[_P, Tensor]: ...
@overload
def grad(fn: Callable[_P, Any], grad_position: None, weights: _Weights,
         has_aux: Literal[False] = False, return_ids: Literal[False] = False,
         sens_param: bool = False) -> Callable[_P, tuple[Tensor, ...]]: ...
@overload
def grad(fn: Callable[_P, Any], grad_position: Optional[Union[int, Sequence[int]]] = 0,
         weights: Optional[_Weights] = None, has_aux: bool = False, return_ids: bool = False,
         sens_param: bool = False) -> Callable[_P, Any]: ...
@overload
def value_and_grad(fn: Callable[_P, _R], grad_position: int = 0, weights: None = None,
                   has_aux: Literal[False] = False, return_ids: Literal[False] = False,
                   sens_param: bool = False) -> Callable[_P, tuple[_R, Tensor]]: ...
@overload
def value_and_grad(fn: Callable[_P, _R], grad_position: None, weights: _Weights,
                   has_aux: bool = False, return_ids: Literal[False] = False,
                   sens_param: bool = False) -> Callable[_P, tuple[_R, tuple[Tensor, ...]]]: ...
@overload
def value_and_grad(fn: Callable[_P, _R], grad_position: Optional[Union[int, Sequence[int]]] = 0,
                   weights: Optional[_Weights] = None, has_aux: bool = False,
                   return_ids: bool = False, sens_param: bool = False) -> Callable[_P, tuple[_R, Any]]: ...
def stop_gradient(value: _R) -> _R: ...

def save_checkpoint(save_obj: Union[nn.Cell, Sequence[Any], Mapping[str, Any]], ckpt_file_name: str,
                    integrated_save: bool = True, async_save: bool = False,
                    append_dict: Optional[Mapping[str, Union[str, int, float, bool, Tensor]]] = None,
                    enc_key: Optional[bytes] = None, enc_mode: str = "AES-GCM",
                    choice_func: Optional[Callable[[str], bool]] = None, crc_check: bool = False,
                    format: str = "ckpt", **kwargs: Any) -> None: ...
def load_checkpoint(ckpt_file_name: str, net: Optional[nn.Cell] = None, strict_load: bool = False,
                    filter_prefix: Optional[Union[str, Iterable[str]]] = None,
                    dec_key: Optional[bytes] = None, dec_mode: str = "AES-GCM",
                    specify_prefix: Optional[Union[str, Iterable[str]]] = None,
                    choice_func: Optional[Callable[[str], bool]] = None, crc_check: bool = False,
                    remove_redundancy: bool = False,
                    format: str = "ckpt") -> dict[str, Union[Parameter, str]]: ...
def load_param_into_net(net: nn.Cell, parameter_dict: Mapping[str, Any], strict_load: bool = False,
                        remove_redundancy: bool = False) -> tuple[list[str], list[str]]: ...

def __getattr__(name: str) -> Incomplete: ...
