"""``mindspore.ops``' functions over Python values that MindSpore's graph compiler uses as
primitives (the scalar arithmetic, ``bool_*`` and ``string_*`` ones are ``_graph_scalar_func``'s):
tuple/list/dict access (``tuple_getitem``, ``list_setitem``, ``dict_getitem`` ...),
``make_tuple``/``make_range``/``make_slice``, ``is_``/``in_dict``, ``typeof``/``hastype``, the
shape helpers (``shape_mul``, ``reduced_shape``, ``broadcast_gradient_args``, ``dyn_shape``) and
the short aliases ``tensor_muls``, ``pows``, ``reshape_``, ``shape_``, ``print_``.

Values, return types and errors are MindSpore 2.10's as its PyNative mode answers them. A few of
these are graph-only there (``dict_setitem``, ``array_to_scalar`` raise "has no attr __infer__";
``tail`` and ``zip_operation`` return None): here they give what the graph computes."""
import math

import numpy as _np

from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError, TensorIndexError
from ...common import dtype as mstype

__all__ = [
    "tuple_getitem", "tuple_setitem", "tuple_len", "tuple_equal", "tuple_reversed", "tuple_div",
    "list_getitem", "list_setitem", "list_len", "list_equal", "dict_getitem", "dict_setitem",
    "make_tuple", "make_list", "make_dict", "make_range", "make_slice", "tail", "zip_operation",
    "is_", "is_not", "in_dict", "not_in_dict", "typeof", "hastype", "isconstant", "array_to_scalar",
    "shape_mul", "reduced_shape", "broadcast_gradient_args", "dyn_shape", "shape_", "tensor_muls",
    "pows", "reshape_", "print_",
]


def _index(op, evaluator, seq, i, setting=False):
    if isinstance(i, bool) or not isinstance(i, (int, _np.integer)):
        raise TensorIndexError(f"For '{op}', the index should be an int64 number, but got {i!r} "
                               f"({type(i).__name__}).")
    n = len(seq)
    if not -n <= i < n:
        bounds = f"[{-n},{n - 1}]" if setting else f"[{-n}, {n})"
        raise TensorIndexError(f"{evaluator} index {i} is out of range {bounds} of a sequence of "
                               f"length {n}.")
    return int(i)


def _sequence(op, seq, kinds=(tuple, list)):
    if not isinstance(seq, kinds):
        names = " or ".join(k.__name__.capitalize() for k in kinds)
        raise DTypeError(f"For '{op}', input[0] should be {names}, but got {type(seq).__name__}.")
    return seq


def tuple_getitem(data, index):
    """``data[index]`` of a tuple (or list); an index out of ``[-len, len)`` is an IndexError.

    Args:
        data (Union[tuple, list]): The sequence.
        index (int): The position.

    Returns:
        The element.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_getitem((1, 2, 3), -1))
        3
    """
    _sequence("tuple_getitem", data)
    return data[_index("tuple_getitem", "TupleGetItem evaluator:", data, index)]


def list_getitem(data, index):
    """``data[index]`` of a list (or tuple); an index out of ``[-len, len)`` is an IndexError.

    Args:
        data (Union[list, tuple]): The sequence.
        index (int): The position.

    Returns:
        The element.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.list_getitem([1, 2], 0))
        1
    """
    _sequence("list_getitem", data)
    return data[_index("list_getitem", "list_getitem evaluator:", data, index)]


def tuple_setitem(data, index, value):
    """A new tuple: `data` with ``value`` at `index`.

    Args:
        data (tuple): The tuple.
        index (int): The position.
        value (object): The new element.

    Returns:
        tuple.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_setitem((1, 2, 3), 1, 9))
        (1, 9, 3)
    """
    _sequence("tuple_setitem", data, (tuple,))
    out = list(data)
    out[_index("tuple_setitem", "tuple_setitem evaluator:", data, index, True)] = value
    return tuple(out)


def list_setitem(data, index, value):
    """A new list: `data` with ``value`` at `index` (`data` is not changed).

    Args:
        data (list): The list.
        index (int): The position.
        value (object): The new element.

    Returns:
        list.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.list_setitem([1, 2], 0, 5))
        [5, 2]
    """
    _sequence("list_setitem", data, (list,))
    out = list(data)
    out[_index("list_setitem", "list_setitem evaluator:", data, index, True)] = value
    return out


def tuple_len(data):
    """The length of a tuple (or list).

    Args:
        data (Union[tuple, list]): The sequence.

    Returns:
        int.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_len((1, 2)))
        2
    """
    return len(_sequence("tuple_len", data))


def list_len(data):
    """The length of a list (or tuple).

    Args:
        data (Union[list, tuple]): The sequence.

    Returns:
        int.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.list_len([1, 2, 3]))
        3
    """
    return len(_sequence("list_len", data))


def tuple_equal(x, y):
    """Whether two sequences hold equal elements in order (a tuple equals a list of the same
    elements here, as in MindSpore).

    Args:
        x (Union[tuple, list]): The first sequence.
        y (Union[tuple, list]): The second sequence.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_equal((1, 2), [1, 2]))
        True
    """
    return list(_sequence("tuple_equal", x)) == list(_sequence("tuple_equal", y))


def list_equal(x, y):
    """Whether two sequences hold equal elements in order.

    Args:
        x (Union[list, tuple]): The first sequence.
        y (Union[list, tuple]): The second sequence.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.list_equal([1], (1,)))
        True
    """
    return list(_sequence("list_equal", x)) == list(_sequence("list_equal", y))


def tuple_reversed(data):
    """The tuple in reverse order.

    Args:
        data (tuple): The tuple.

    Returns:
        tuple.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_reversed((1, 2, 3)))
        (3, 2, 1)
    """
    return tuple(reversed(_sequence("tuple_reversed", data, (tuple,))))


def tuple_div(x, y):
    """Elementwise exact integer division of two tuples of ints of one length (a shape divided by
    another): a remainder, a zero divisor or different lengths are a RuntimeError.

    Args:
        x (tuple[int]): The dividends.
        y (tuple[int]): The divisors.

    Returns:
        tuple[int].

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_div((4, 6), (2, 3)))
        (2, 2)
    """
    _sequence("tuple_div", x, (tuple,))
    _sequence("tuple_div", y, (tuple,))
    if len(x) != len(y):
        raise ComputeError(f"The size of inputs of 'tuple_div' operator must be the same, but the size of "
                           f"divisor tuple is {len(y)}, the size of dividend tuple is {len(x)}.")
    out = []
    for a, b in zip(x, y):
        if any(isinstance(v, bool) or not isinstance(v, (int, _np.integer)) for v in (a, b)):
            raise DTypeError(f"For 'tuple_div', the elements must be ints, but got {x} and {y}.")
        if b == 0:
            raise ComputeError("For 'tuple_div', the divisor value should not be 0!")
        if a % b:
            raise ComputeError(f"The inputs of 'tuple_div' operator should be divisible, but they are not "
                               f"divisible now, the dividend is {a}, the divisor is {b}.")
        out.append(int(a) // int(b))
    return tuple(out)


def dict_getitem(data, key):
    """``data[key]``; a missing key is a ValueError.

    Args:
        data (dict): The dictionary.
        key (object): The key.

    Returns:
        The value.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.dict_getitem({'a': 1}, 'a'))
        1
    """
    _sequence("dict_getitem", data, (dict,))
    if key not in data:
        raise ShapeError(f"For 'dict_getitem', the key {key} does not exist in the dict:{data}")
    return data[key]


def dict_setitem(data, key, value):
    """A new dict: `data` with ``key`` set to `value` (`data` is not changed).

    Args:
        data (dict): The dictionary.
        key (object): The key.
        value (object): The value.

    Returns:
        dict.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.dict_setitem({'a': 1}, 'b', 2))
        {'a': 1, 'b': 2}
    """
    return {**_sequence("dict_setitem", data, (dict,)), key: value}


def make_tuple(*args):
    """The tuple of the arguments.

    Args:
        *args (object): The elements.

    Returns:
        tuple.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.make_tuple(1, 2))
        (1, 2)
    """
    return tuple(args)


def make_list(*args):
    """The list of the arguments.

    Args:
        *args (object): The elements.

    Returns:
        list.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.make_list(1, 2))
        [1, 2]
    """
    return list(args)


def make_dict(keys, values):
    """The dict of keys and values given as two sequences of one length.

    Args:
        keys (Union[tuple, list]): The keys.
        values (Union[tuple, list]): The values.

    Returns:
        dict.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.make_dict(('a', 'b'), (1, 2)))
        {'a': 1, 'b': 2}
    """
    _sequence("make_dict", keys)
    _sequence("make_dict", values)
    if len(keys) != len(values):
        raise ShapeError(f"For 'make_dict', 'keys' and 'values' must have one length, but got "
                         f"{len(keys)} and {len(values)}.")
    return dict(zip(keys, values))


def make_range(*args):
    """``tuple(range(*args))``: one to three ints (start, stop, step); a zero step is a
    RuntimeError.

    Args:
        *args (int): ``stop``, or ``start, stop``, or ``start, stop, step``.

    Returns:
        tuple[int].

    Examples:
        >>> from mindspore import ops
        >>> print(ops.make_range(5), ops.make_range(5, 0, -2))
        (0, 1, 2, 3, 4) (5, 3, 1)
    """
    if not 1 <= len(args) <= 3:
        raise DTypeError(f"For 'make_range', the number of inputs should be 1 to 3, but got {len(args)}.")
    for k, v in enumerate(args):
        if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
            raise DTypeError(f"For 'make_range', the {k}th input should be a int scalar but got {v!r}.")
    if len(args) == 3 and args[2] == 0:
        raise ComputeError("For 'range', the argument 'step' could not be 0.")
    return tuple(range(*(int(v) for v in args)))


def make_slice(start, stop, step):
    """``slice(start, stop, step)``.

    Args:
        start (Union[int, None]): The start.
        stop (Union[int, None]): The stop.
        step (Union[int, None]): The step.

    Returns:
        slice.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.make_slice(0, 5, 2))
        slice(0, 5, 2)
    """
    return slice(start, stop, step)


def tail(data):
    """A sequence without its first element (MindSpore's graph ``tail``; its PyNative mode returns
    None).

    Args:
        data (Union[tuple, list]): The sequence.

    Returns:
        A sequence of the same type.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tail((1, 2, 3)))
        (2, 3)
    """
    return _sequence("tail", data)[1:]


def zip_operation(*sequences):
    """The tuple of tuples that ``zip`` gives (MindSpore's graph ``zip_operation``; its PyNative
    mode returns None).

    Args:
        *sequences (Union[tuple, list]): The sequences.

    Returns:
        tuple[tuple].

    Examples:
        >>> from mindspore import ops
        >>> print(ops.zip_operation((1, 2), (3, 4)))
        ((1, 3), (2, 4))
    """
    for s in sequences:
        _sequence("zip_operation", s)
    return tuple(zip(*sequences))


def is_(x, y):
    """``x is y`` where `y` is None, a bool, an int, a string or a type (ints and strings compare
    by value and type, so ``is_(1, 1)`` is True whatever Python's small-int cache does).

    Args:
        x (object): The value.
        y (Union[None, bool, int, str, mindspore.dtype]): What it is compared with.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.is_(None, None), ops.is_(ms.float32, ms.float32))
        True True
    """
    if y is None or isinstance(y, (bool, mstype.Type, mstype.TypeKind, type)):
        return x is y
    if isinstance(y, (int, str)):
        return type(x) is type(y) and x == y
    raise ComputeError(f"For syntax like 'a is b', b supports Int, Bool, String, None and Type, but got {y!r}")


def is_not(x, y):
    """``x is not y`` (see ``is_``).

    Args:
        x (object): The value.
        y (Union[None, bool, int, str, mindspore.dtype]): What it is compared with.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.is_not(1, None))
        True
    """
    return not is_(x, y)


def in_dict(key, data):
    """``key in data``.

    Args:
        key (object): The key.
        data (dict): The dictionary.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.in_dict('a', {'a': 1}))
        True
    """
    return key in _sequence("in_dict", data, (dict,))


def not_in_dict(key, data):
    """``key not in data``.

    Args:
        key (object): The key.
        data (dict): The dictionary.

    Returns:
        bool.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.not_in_dict('a', {'a': 1}))
        False
    """
    return key not in _sequence("not_in_dict", data, (dict,))


class _ValueType:
    """A type ``typeof`` reports that is not an element type, printed as MindSpore prints it:
    ``repr`` ``mindspore.tensor[float32]``, ``str`` ``Tensor[Float32]``; a tuple's type compares
    equal to ``mindspore.tuple_`` (``repr``) but prints its elements (``Tuple[Int64*2]``)."""
    __slots__ = ("_repr", "_str", "kind")

    def __init__(self, rep, text, kind=None):
        self._repr, self._str, self.kind = rep, text, kind

    def __repr__(self):
        return "mindspore." + self._repr

    def __str__(self):
        return self._str

    def __eq__(self, other):
        if isinstance(other, _ValueType):
            return other._repr == self._repr and other._str == self._str
        return self.kind is not None and other is self.kind

    def __hash__(self):
        return hash(self._repr)


def _type_name(v):
    return str(typeof(v))


def _elements(items):
    names = [_type_name(v) for v in items]
    if len(names) > 1 and len(set(names)) == 1:
        return f"{names[0]}*{len(names)}"
    return ",".join(names)


def typeof(x):
    """The MindSpore type of a value, printed as MindSpore prints it: ``Int64`` for an int
    (``repr`` ``mindspore.int64``), ``Float32`` for a float (or NumPy float32), ``Bool``, ``Tensor[Float32]`` for a
    Float32 Tensor or Parameter (``mindspore.tensor[float32]``), ``Tuple[Int64*2]``/``List[...]``
    (equal to ``mindspore.tuple_``/``mindspore.list_``), ``Dictionary[[keys,],[value types]]``,
    ``None`` (``mindspore.type_none``), ``String``, ``TypeType`` for a type, ``External`` for
    anything else (a NumPy value).

    Args:
        x (object): The value.

    Returns:
        The type object.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.typeof(1), ops.typeof(ms.Tensor([1.0])), ops.typeof((1, 2)))
        Int64 Tensor[Float32] Tuple[Int64*2]
        >>> ops.typeof(ms.Tensor([1.0]))
        mindspore.tensor[float32]
    """
    if isinstance(x, Tensor):
        short = repr(x.dtype)[len("mindspore."):]
        return _ValueType(f"tensor[{short}]", f"Tensor[{x.dtype}]", mstype.tensor_type)
    if isinstance(x, bool):
        return mstype.bool_
    if isinstance(x, int):
        return mstype.int64
    if isinstance(x, (float, _np.float32)):
        return mstype.float32
    if x is None:
        return _ValueType("type_none", "None")
    if isinstance(x, str):
        return _ValueType("string_", "String")
    if isinstance(x, tuple):
        return _ValueType("tuple_", f"Tuple[{_elements(x)}]", mstype.tuple_)
    if isinstance(x, list):
        return _ValueType("list_", f"List[{_elements(x)}]", mstype.list_)
    if isinstance(x, dict):
        text = f"Dictionary[[{''.join(f'{k},' for k in x)}],[{','.join(map(_type_name, x.values()))}]]"
        return _ValueType(text, text)
    if isinstance(x, slice):
        text = "Slice[" + " : ".join(map(_type_name, (x.start, x.stop, x.step))) + "]"
        return _ValueType(text, text)
    if isinstance(x, (type, mstype.Type, mstype.TypeKind, _ValueType)):
        return _ValueType("type_type", "TypeType")
    return _ValueType("External", "External")


def hastype(x, type_):
    """Whether `x`'s MindSpore type (``typeof``) is `type_` or of its kind: ``mindspore.number``
    holds the Python numbers and bools, ``mindspore.tensor_type`` the Tensors,
    ``mindspore.tuple_``/``mindspore.list_`` the tuples/lists (a float is Float32, an int Int64).

    Args:
        x (object): The value.
        type_ (mindspore.dtype): The type.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.hastype(1, ms.int64), ops.hastype(1.0, ms.float64), ops.hastype(True, ms.number))
        True False True
    """
    if not isinstance(type_, (mstype.Type, mstype.TypeKind, _ValueType)):
        raise DTypeError(f"For 'hastype', input[1] should be Type, but got {type(type_).__name__}.")
    t = typeof(x)
    if type_ is mstype.number:
        return isinstance(t, mstype.Type)
    return t == type_


def isconstant(x):
    """Whether `x` is a constant of the compiled graph: always True here, where every value is
    known when the call runs (as in MindSpore's PyNative mode).

    Args:
        x (object): The value.

    Returns:
        bool, True.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.isconstant(1))
        True
    """
    del x
    return True


def array_to_scalar(x):
    """The Python number of a one-element Tensor.

    Args:
        x (Tensor): A one-element Tensor.

    Returns:
        number.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.array_to_scalar(ms.Tensor(3)))
        3
    """
    if not isinstance(x, Tensor):
        raise DTypeError(f"For 'array_to_scalar', input[0] should be Tensor, but got {type(x).__name__}.")
    if x.size != 1:
        raise ShapeError(f"For 'array_to_scalar', the Tensor must have one element, but got shape {list(x.shape)}.")
    return x.item()


def _shape_tuple(op, name, v):
    if not isinstance(v, tuple):
        raise ShapeError(f"For primitive [{op}], '{name}' must be tuple, but got {type(v).__name__}.")
    for d in v:
        if isinstance(d, bool) or not isinstance(d, (int, _np.integer)):
            raise DTypeError(f"For primitive [{op}], '{name}' must hold ints, but got {v}.")
    return tuple(int(d) for d in v)


def shape_mul(shape):
    """The product of a shape's sizes (1 for ``()``).

    Args:
        shape (tuple[int]): The shape.

    Returns:
        int.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.shape_mul((2, 3, 4)))
        24
    """
    return math.prod(_shape_tuple("shape_mul", "input", shape))


def reduced_shape(shape, axis):
    """`shape` with 1 at the reduced axes (every axis for ``()``): the shape a reduction keeps with
    ``keep_dims``.

    Args:
        shape (tuple[int]): The input's shape.
        axis (Union[int, tuple[int]]): The reduced axes, in ``[-rank, rank)``.

    Returns:
        tuple[int].

    Examples:
        >>> from mindspore import ops
        >>> print(ops.reduced_shape((2, 3, 4), (1,)), ops.reduced_shape((2, 3, 4), ()))
        (2, 1, 4) (1, 1, 1)
    """
    shape = _shape_tuple("reduced_shape", "input_x", shape)
    axes = _shape_tuple("reduced_shape", "axis", axis if isinstance(axis, tuple) else (axis,))
    n = len(shape)
    for a in axes:
        if not -n <= a < n:
            raise ComputeError(f"For primitive[reduced_shape], input_x's rank is {n}, while the 'axis' value "
                               f"should be in the range [{-n}, {n}), but got {a}")
    reduced = {a % n for a in axes} if axes else set(range(n))
    return tuple(1 if i in reduced else d for i, d in enumerate(shape))


def broadcast_gradient_args(x_shape, y_shape):
    """The axes of the broadcast output to sum a gradient over for each input: those where the
    input (padded with leading 1s to the output's rank) has size 1; none when the shapes are equal.

    Args:
        x_shape (tuple[int]): The first input's shape.
        y_shape (tuple[int]): The second input's shape.

    Returns:
        tuple[tuple[int], tuple[int]].

    Examples:
        >>> from mindspore import ops
        >>> print(ops.broadcast_gradient_args((2, 1, 3), (4, 3)))
        ((1,), (0,))
    """
    x = _shape_tuple("BroadcastGradientArgs", "x_shape", x_shape)
    y = _shape_tuple("BroadcastGradientArgs", "y_shape", y_shape)
    try:
        _np.broadcast_shapes(x, y)
    except ValueError:
        raise ComputeError(f"Not compatible shape input for BroadcastGradientArgs: {x} and {y}.") from None
    if x == y:
        return (), ()
    n = max(len(x), len(y))

    def axes(s):
        padded = (1,) * (n - len(s)) + s
        return tuple(i for i, d in enumerate(padded) if d == 1)
    return axes(x), axes(y)


def dyn_shape(input_x):
    """The shape of a Tensor as a 1-D Int64 Tensor.

    Args:
        input_x (Tensor): The tensor.

    Returns:
        Tensor, 1-D Int64.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.dyn_shape(ms.Tensor(np.ones((2, 3)))))
        [2 3]
    """
    if not isinstance(input_x, Tensor):
        raise DTypeError(f"For 'TensorShape', 'input_x' must be a Tensor, but got {type(input_x).__name__}.")
    return Tensor(_np.asarray(input_x.shape, _np.int64).reshape(len(input_x.shape)), mstype.int64)


def shape_(x):
    """The shape of a Tensor, a tuple (``ops.Shape()``).

    Args:
        x (Tensor): The tensor.

    Returns:
        tuple[int].

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.shape_(ms.Tensor(np.ones((2, 3)))))
        (2, 3)
    """
    if not isinstance(x, Tensor):
        raise DTypeError(f"For primitive[Shape], the input argument must be Tensor, but got {type(x)}.")
    return tuple(x.shape)


def tensor_muls(input, other):  # noqa: A002 - MindSpore's argument name
    """``input * other`` of a Tensor and a number (``Muls``).

    Args:
        input (Tensor): The tensor.
        other (number): The factor.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_muls(ms.Tensor([1, 2]), 1.5))
        [1.5 3. ]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'Muls', 'input' must be a Tensor, but got {type(input).__name__}.")
    from .. import functional as F
    return F.mul(input, other)


def pows(input, exponent):  # noqa: A002
    """``ops.pow`` under the name of its primitive instance.

    Args:
        input (Union[Tensor, number]): The base.
        exponent (Union[Tensor, number]): The exponent.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.pows(ms.Tensor([1., 2.]), 2.0))
        [1. 4.]
    """
    from .. import functional as F
    return F.pow(input, exponent)


def reshape_(input, shape):  # noqa: A002
    """``ops.reshape`` under the name of its primitive instance.

    Args:
        input (Tensor): The tensor.
        shape (tuple[int]): The new shape (one entry may be -1).

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.reshape_(ms.Tensor([1., 2., 3., 4.]), (2, 2)))
        [[1. 2.]
         [3. 4.]]
    """
    from .. import functional as F
    return F.reshape(input, shape)


def print_(*input_x):
    """Prints its arguments, one per line: strings as they are, Tensors as MindSpore's ``Print``
    shows them (``Tensor(shape=[2], dtype=Int32, value=...)``); returns None.

    Args:
        *input_x (Union[Tensor, str, number]): What to print.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> ops.print_('x:', ms.Tensor([1, 2], ms.int32))
        x:
        Tensor(shape=[2], dtype=Int32, value= [1, 2])
    """
    from .. import operations
    operations.Print()(*input_x)
