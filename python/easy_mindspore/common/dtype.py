"""MindSpore's dtype objects: ``repr`` is ``mindspore.float32``, ``str`` is ``Float32``."""
from .._C import dtype_type_ids as _dtype_type_ids

__all__ = [
    "Type", "bool_", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "bfloat16", "float32", "float64", "half", "single", "double", "byte", "short",
    "intc", "intp", "ubyte", "ushort", "uintc", "uintp", "pytype_to_dtype", "int_type",
    "uint_type", "float_type", "number_type", "all_types", "complex64", "complex128",
    "complex_type", "dtype_to_nptype", "dtype_to_pytype",
]
__all__ += ["TypeKind", "number", "tensor_type", "list_", "tuple_", "Number", "Bool", "Int", "UInt",
            "Float", "BFloat", "Complex", "type_size_in_bytes"]


class Type:
    """A tensor element type."""

    __slots__ = ("_ems_name", "_short")

    def __init__(self, name, short):
        self._ems_name = name
        self._short = short

    def __repr__(self):
        return "mindspore." + self._short

    def __str__(self):
        return self._ems_name

    def __reduce__(self):
        return (_lookup, (self._short,))


class Number(Type):
    """The numeric element types, one class per kind as in MindSpore (``isinstance(x.dtype,
    mstype.Float)``); ``Float(32)`` is ``float32``, ``Int(8)`` ``int8``."""

    __slots__ = ()
    _by_bits = {}

    def __new__(cls, *args):
        if len(args) == 1:
            bits = args[0]
            if bits not in cls._by_bits:
                raise ValueError(f"{cls.__name__}({bits!r}): no such dtype; the sizes are "
                                 f"{sorted(cls._by_bits)}")
            return cls._by_bits[bits]
        return super().__new__(cls)

    def __init__(self, *args):
        if len(args) == 2:
            super().__init__(*args)


class Bool(Number):
    """``bool_``."""
    __slots__ = ()
    _by_bits = {}


class Int(Number):
    """The signed integers: ``int8`` to ``int64``."""
    __slots__ = ()
    _by_bits = {}


class UInt(Number):
    """The unsigned integers: ``uint8`` to ``uint64``."""
    __slots__ = ()
    _by_bits = {}


class Float(Number):
    """The IEEE floats: ``float16``, ``float32``, ``float64`` (``bfloat16`` is a kind of its
    own, as in MindSpore 2.10)."""
    __slots__ = ()
    _by_bits = {}


class BFloat(Number):
    """``bfloat16``."""
    __slots__ = ()
    _by_bits = {}


class Complex(Number):
    """``complex64`` and ``complex128``."""
    __slots__ = ()
    _by_bits = {}


def _number(cls, bits, name, short):
    t = cls(name, short)
    cls._by_bits[bits] = t
    return t


bool_ = _number(Bool, 8, "Bool", "bool")
int8 = _number(Int, 8, "Int8", "int8")
int16 = _number(Int, 16, "Int16", "int16")
int32 = _number(Int, 32, "Int32", "int32")
int64 = _number(Int, 64, "Int64", "int64")
uint8 = _number(UInt, 8, "UInt8", "uint8")
uint16 = _number(UInt, 16, "UInt16", "uint16")
uint32 = _number(UInt, 32, "UInt32", "uint32")
uint64 = _number(UInt, 64, "UInt64", "uint64")
float16 = _number(Float, 16, "Float16", "float16")
bfloat16 = _number(BFloat, 16, "BFloat16", "bfloat16")
float32 = _number(Float, 32, "Float32", "float32")
float64 = _number(Float, 64, "Float64", "float64")
complex64 = _number(Complex, 64, "Complex64", "complex64")
complex128 = _number(Complex, 128, "Complex128", "complex128")
_BITS = {t: bits for cls in (Bool, Int, UInt, Float, BFloat, Complex)
         for bits, t in cls._by_bits.items()}


def type_size_in_bytes(dtype):
    """The bytes of one element of ``dtype`` (``bool_`` 1)."""
    if dtype not in _BITS:
        from .._errors import DTypeError
        raise DTypeError(f"For 'type_size_in_bytes', the input must be a tensor dtype, but got "
                         f"{dtype!r}")
    return _BITS[dtype] // 8


# ``mstype.float``, ``int``, ``bool``, ``long``, ``cfloat``, ``cdouble``: read through the module's
# ``__getattr__`` so that the builtins keep their names inside this module.
_BUILTIN_NAMED = {"float": "float32", "int": "int32", "bool": "bool_", "long": "int64",
                  "cfloat": "complex64", "cdouble": "complex128"}


def __getattr__(name):
    if name in _BUILTIN_NAMED:
        return globals()[_BUILTIN_NAMED[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# MindSpore's aliases (``mindspore.half`` is ``mindspore.float16``).
half = float16
single = float32
double = float64
byte = int8
short = int16
intc = int32
intp = int64
ubyte = uint8
ushort = uint16
uintc = uint32
uintp = uint64

_ALL = {
    t._short: t
    for t in (
        bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, bfloat16,
        float32, float64, complex64, complex128,
    )
}


# MindSpore's groups of dtypes.
int_type = (int8, int16, int32, int64)
uint_type = (uint8, uint16, uint32, uint64)
float_type = (float16, float32, float64, bfloat16)
complex_type = (complex64, complex128)
number_type = int_type + uint_type + float_type + complex_type
all_types = (bool_,) + number_type


def _lookup(short):
    return _ALL[short]


def pytype_to_dtype(t):
    """The dtype of a Python type (``bool`` → bool_, ``int`` → int64, ``float`` → float64,
    ``complex`` → complex128) or of a NumPy bool, integer or float type (``numpy.int8`` → int8),
    as MindSpore 2.10 gives; another is its NotImplementedError."""
    python = {bool: bool_, int: int64, float: float64, complex: complex128}
    if t in python:
        return python[t]
    import numpy as np
    if isinstance(t, type) and issubclass(t, (np.bool_, np.integer, np.floating)):
        return bool_ if issubclass(t, np.bool_) else globals().get(np.dtype(t).name)
    raise NotImplementedError(f"The python type {t} cannot be converted to MindSpore type.")


def dtype_to_nptype(type_):
    """The NumPy scalar type of a dtype (``float32`` → ``numpy.float32``; ``bfloat16`` →
    ml_dtypes' ``bfloat16``, which needs that package, as ``asnumpy`` of a BFloat16 tensor)."""
    import numpy as np

    if not isinstance(type_, Type):
        raise KeyError(type_)
    if type_ is bfloat16:
        try:
            import ml_dtypes
        except ImportError:
            from .._errors import DTypeError
            raise DTypeError("bfloat16 has a NumPy type only through the ml_dtypes package, "
                             "which is not installed: `pip install ml-dtypes`") from None
        return ml_dtypes.bfloat16
    return {"bool": np.bool_, "complex64": np.complex64, "complex128": np.complex128}.get(
        type_._short) or getattr(np, type_._short)


def dtype_to_pytype(type_):
    """The Python type of a dtype's values (``bool``, ``int``, ``float`` or ``complex``)."""
    if not isinstance(type_, Type):
        raise KeyError(type_)
    if type_ is bool_:
        return bool
    if type_ in int_type or type_ in uint_type:
        return int
    return complex if type_ in complex_type else float


class TypeKind:
    """A kind of value rather than an element type: ``number`` (any Python or NumPy number) and
    ``tensor_type`` (Tensors), as ``MultitypeFuncGraph.register`` accepts them (MindSpore's
    ``mindspore.number`` and ``mindspore.tensor``)."""

    __slots__ = ("register_name", "_short")

    def __init__(self, register_name, short):
        self.register_name = register_name
        self._short = short

    def __repr__(self):
        return "mindspore." + self._short

    def __str__(self):
        return self.register_name


number = TypeKind("Number", "number")
tensor_type = TypeKind("Tensor", "tensor")
list_ = TypeKind("List", "list_")
tuple_ = TypeKind("Tuple", "tuple_")

# MindSpore's other kinds of values: the generic numbers (``mindspore.float_``, ``int_``,
# ``uint``, which no tensor holds), ``None`` and strings.
float_ = TypeKind("Float", "float")
int_ = TypeKind("Int", "int")
uint = TypeKind("UInt", "uint")
type_none = TypeKind("None", "type_none")
string = TypeKind("String", "string_")
_type_type = TypeKind("TypeType", "type_type")
__all__ += ["float_", "int_", "uint", "type_none", "string", "TensorType", "QuantDtype",
            "get_py_obj_dtype"]

# MindSpore's type ids (``mindspore._c_expression.typing.type_to_type_id``; the enum codes its
# primitives keep for a dtype argument, ``Argmax(output_type=ms.int32).output_type == 34``), by
# the name ``str()`` gives a dtype or kind; the tensor dtypes' are the engine's (``DType::type_id``,
# which its MindIR export writes).
_TYPE_IDS = {"None": 7, "Number": 11, "String": 12, "List": 13, "Tuple": 14, "Tensor": 17,
             "Int": 31, "UInt": 36, "Float": 41, **dict(_dtype_type_ids())}


class TensorType:
    """The type of a Tensor of elements `element_type`: ``str`` is ``Tensor[Float32]``, as
    MindSpore prints it.

    Args:
        element_type (Type): The elements' dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.common import dtype as mstype
        >>> t = mstype.TensorType(ms.float32)
        >>> print(t, t.element_type())
        Tensor[Float32] Float32
    """

    __slots__ = ("_element",)

    def __init__(self, element_type):
        if not isinstance(element_type, Type):
            from .._errors import DTypeError
            raise DTypeError(f"For 'TensorType', 'element_type' must be a dtype, but got "
                             f"{type(element_type).__name__}.")
        self._element = element_type

    def element_type(self):
        """The elements' dtype."""
        return self._element

    def __eq__(self, other):
        return isinstance(other, TensorType) and other._element is self._element

    def __hash__(self):
        return hash(("Tensor", self._element._short))

    def __str__(self):
        return f"Tensor[{self._element}]"

    def __repr__(self):
        return f"mindspore.tensor[{self._element._short}]"


def get_py_obj_dtype(obj):
    """The MindSpore type of a Python object: a dtype for a Python number (``int`` Int64,
    ``float`` Float64 as MindSpore's), :class:`TensorType` for a Tensor, the kinds ``list_``,
    ``tuple_``, ``type_none``, ``string`` for the others, the type kind for a dtype.

    Args:
        obj (object): The object.

    Returns:
        The type.

    Raises:
        NotImplementedError: an object of another Python type, as MindSpore's.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.get_py_obj_dtype(1), ms.get_py_obj_dtype(2.0), ms.get_py_obj_dtype(ms.Tensor([1])))
        Int64 Float64 Tensor[Int64]
    """
    from .._C import Tensor
    if isinstance(obj, Tensor):
        return TensorType(obj.dtype)
    if isinstance(obj, (Type, TypeKind, TensorType)):
        return _type_type
    kinds = {bool: bool_, int: int64, float: float64, complex: complex128, type(None): type_none,
             str: string, list: list_, tuple: tuple_}
    if type(obj) in kinds:
        return kinds[type(obj)]
    raise NotImplementedError(f"The python type {type(obj)} cannot be converted to MindSpore type.")


import enum  # noqa: E402


@enum.unique
class QuantDtype(enum.Enum):
    """The quantised integer types ``INT1`` ... ``INT16`` and ``UINT1`` ... ``UINT16`` (values 0-15
    and 100-115), as MindSpore names them for its quantisation tools; ``value()`` is the number.

    Examples:
        >>> from mindspore import QuantDtype
        >>> print(QuantDtype.INT8, QuantDtype.INT8.value())
        INT8 7
    """
    INT1 = 0
    INT2 = 1
    INT3 = 2
    INT4 = 3
    INT5 = 4
    INT6 = 5
    INT7 = 6
    INT8 = 7
    INT9 = 8
    INT10 = 9
    INT11 = 10
    INT12 = 11
    INT13 = 12
    INT14 = 13
    INT15 = 14
    INT16 = 15
    UINT1 = 100
    UINT2 = 101
    UINT3 = 102
    UINT4 = 103
    UINT5 = 104
    UINT6 = 105
    UINT7 = 106
    UINT8 = 107
    UINT9 = 108
    UINT10 = 109
    UINT11 = 110
    UINT12 = 111
    UINT13 = 112
    UINT14 = 113
    UINT15 = 114
    UINT16 = 115

    def __str__(self):
        return self.name

    def value(self):  # MindSpore's: a method, not Enum's property
        """The type's number."""
        return self._value_


# MindSpore 2.10's 8-bit floats and packed 4-bit integer: dtype objects with MindSpore's names
# (``repr`` ``mindspore.float8_e4m3fn``, ``str`` ``Float8E4M3FN``; ``qint4x2`` is ``mindspore.int4``)
# and its groups and sizes. MindSpore's CPU build can make tensors of them but computes nothing
# with them (every kernel refuses them); this engine has no such element types, so a Tensor of
# one is refused when made (the engine's TypeError naming the dtype).
float8_e4m3fn = Float("Float8E4M3FN", "float8_e4m3fn")
float8_e5m2 = Float("Float8E5M2", "float8_e5m2")
hifloat8 = Float("HiFloat8", "hifloat8")
qint4x2 = Int("Int4", "int4")
_NAMED_ONLY = (qint4x2, float8_e4m3fn, float8_e5m2, hifloat8)
_ALL.update({t._short: t for t in _NAMED_ONLY})
_BITS.update(dict.fromkeys(_NAMED_ONLY, 8))  # MindSpore's itemsize: one byte each
float_type = float_type + (float8_e4m3fn, float8_e5m2, hifloat8)
number_type = number_type + _NAMED_ONLY
all_types = all_types + _NAMED_ONLY
_dtype_to_nptype, _dtype_to_pytype = dtype_to_nptype, dtype_to_pytype


def dtype_to_nptype(type_):  # noqa: F811 - the one above, with MindSpore's KeyError for these
    """The NumPy scalar type of a dtype (``float32`` → ``numpy.float32``; ``bfloat16`` →
    ml_dtypes' ``bfloat16``, which needs that package, as ``asnumpy`` of a BFloat16 tensor).
    The 8-bit floats and ``qint4x2`` have none: MindSpore's KeyError.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.dtype_to_nptype(ms.float16))
        <class 'numpy.float16'>
    """
    if type_ in _NAMED_ONLY:
        raise KeyError(type_)
    return _dtype_to_nptype(type_)


def dtype_to_pytype(type_):  # noqa: F811
    """The Python type of a dtype's values (``bool``, ``int``, ``float`` or ``complex``); the
    8-bit floats and ``qint4x2`` have none (MindSpore's KeyError).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.dtype_to_pytype(ms.int8))
        <class 'int'>
    """
    if type_ in _NAMED_ONLY:
        raise KeyError(type_)
    return _dtype_to_pytype(type_)


__all__ += ["float8_e4m3fn", "float8_e5m2", "hifloat8", "qint4x2"]
