"""Type aliases shared by the package's stubs (typing only: there is no ``_typing`` module at run
time)."""
from typing import Sequence, Union

import numpy as np

from ._C import Tensor
from .common.dtype import Type

Number = Union[bool, int, float]
#: What ops accept where MindSpore takes a tensor: a Tensor, a Python or NumPy number.
TensorLike = Union[Tensor, Number, np.generic]
#: Data a Tensor can be built from.
ArrayLike = Union[Tensor, Number, np.ndarray, np.generic, Sequence[object]]
Axis = Union[int, Sequence[int], None]
ShapeLike = Union[int, Sequence[int]]
DTypeLike = Union[Type, str, type, np.dtype]
