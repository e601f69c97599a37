"""``mindspore.numpy.dtypes``: the dtypes and constants of ``mindspore.numpy`` (MindSpore 2.10's
module of that name). ``int_``, ``uint`` and ``float_`` are the 32-bit types (NumPy's are 64-bit);
``numeric_types`` names the dtypes ``mindspore.numpy`` exports; ``dtype_map`` gives the dtype each
name a ``dtype`` argument may be means; ``rule_for_trigonometric`` the float dtype the
trigonometric functions compute in for each input dtype."""
import math as _math

from ..common.dtype import (bool_, float16, float32, float64, int8, int16, int32, int64, uint8,
                            uint16, uint32, uint64)

inf = float("inf")
PINF = float("inf")
NINF = float("-inf")
nan = float("nan")
pi = _math.pi

int_ = int32
uint = uint32
float_ = float32

numeric_types = ["int_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                 "float_", "float16", "float32", "float64", "bool_"]

dtype_tuple = (int_, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float_,
               float16, float32, float64, bool_)

dtype_map = {"int": int_, "int8": int8, "int16": int16, "int32": int32, "int64": int64,
             "uint": uint, "uint8": uint8, "uint16": uint16, "uint32": uint32, "uint64": uint64,
             "float": float_, "float16": float16, "float32": float32, "float64": float64,
             "bool": bool_}

all_types = ["np.int_", "np.int8", "np.int16", "np.int32", "np.int64", "np.uint", "np.uint8",
             "np.uint16", "np.uint32", "np.uint64", "np.float64", "np.float16", "np.float32",
             "np.float64", "np.bool_"]

rule_for_trigonometric = {float16: float16, float32: float32, float64: float64, int8: float16,
                          int16: float32, int32: float32, int64: float32, uint8: float16,
                          uint16: float32, uint32: float32, uint64: float32, bool_: float16}
