"""``mindspore._c_expression.typing``: the classes of MindSpore's types (``Float``, ``Int``,
``TensorType`` ...; ``isinstance(ms.float32, typing.Float)``) and the conversions between a type,
its type id and its name, as MindSpore 2.10 gives them (``type_to_type_id(ms.float32) == 43``,
``str_to_type('Tensor[Int8]')``). An unknown id or name is MindSpore's RuntimeError."""
from .._errors import ComputeError, DTypeError
from ..common import dtype as _mstype
from ..common.dtype import (BFloat, Bool, Complex, Float, Int, Number, TensorType, Type,  # noqa: F401
                            UInt, type_size_in_bytes)

__all__ = ["Type", "Number", "Bool", "Int", "UInt", "Float", "BFloat", "Complex", "TensorType",
           "type_size_in_bytes", "type_to_type_id", "type_id_to_type", "str_to_type"]

# Every type by the name ``str()`` gives it: the element dtypes and the kinds of values.
_BY_NAME = {str(t): t for t in _mstype.all_types}
_BY_NAME.update({str(k): k for k in (_mstype.number, _mstype.tensor_type, _mstype.list_,
                                     _mstype.tuple_, _mstype.float_, _mstype.int_, _mstype.uint,
                                     _mstype.type_none, _mstype.string)})
# The ids MindSpore 2.10 turns back into types (31, the generic Int, comes back as Int32; the
# generic UInt and Float not at all).
_BY_ID = {code: _BY_NAME[name] for name, code in _mstype._TYPE_IDS.items()
          if name not in ("Int", "UInt", "Float")}
_BY_ID[31] = _mstype.int32


def type_to_type_id(t):
    """The type id of the dtype or kind `t` (``43`` for Float32, ``17`` for ``mindspore.tensor``)."""
    code = _mstype._TYPE_IDS.get(str(t)) if isinstance(t, (Type, _mstype.TypeKind)) else None
    if code is None:
        raise DTypeError(f"For 'type_to_type_id', the input must be a MindSpore type, but got "
                         f"{t!r}.")
    return code


def type_id_to_type(type_id):
    """The type of the id `type_id`."""
    found = _BY_ID.get(type_id) if isinstance(type_id, int) else None
    if found is None:
        raise ComputeError(f"Not support the type: {type_id}")
    return found


def str_to_type(type_str):
    """The type named `type_str`: a dtype (``'Float32'``, ``'bool'``), a kind (``'List'``,
    ``'Tensor'``) or a Tensor type (``'Tensor[Int8]'``)."""
    if isinstance(type_str, str):
        if type_str.startswith("Tensor[") and type_str.endswith("]"):
            element = _BY_NAME.get(type_str[7:-1])
            if isinstance(element, Type):
                return TensorType(element)
        found = _BY_NAME.get(type_str, _BY_NAME.get(type_str[:1].upper() + type_str[1:]))
        if found is not None:
            return found
    raise ComputeError(f"Unsupported type name: {type_str}!")
