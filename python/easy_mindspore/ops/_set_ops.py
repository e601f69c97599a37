"""The set primitives of ``mindspore.ops.operations`` (re-exported by ``operations``; MindSpore's
``sparse_ops``): ``DenseToDenseSetOperation`` and ``DenseToSparseSetOperation``.

Both treat the last axis of an integer Tensor as a set for each position of its other axes (the
group) and give, group by group, the sorted values of the set operation ``'a-b'``, ``'b-a'``,
``'intersection'`` or ``'union'`` of the two sets (repeated values count once) as a sparse
Tensor ``(y_indices, y_values, y_shape)``: Int64 indices ``(N, rank)`` (the group's position,
then the value's position in its sorted result), the values in the inputs' dtype, and the Int64
dense shape (the group axes, then the largest result's size), as MindSpore 2.10's
``DenseToDenseSetOperation`` gives them on CPU. ``DenseToSparseSetOperation`` takes the second
set as a sparse Tensor ``(x2_indices, x2_values, x2_shape)`` (MindSpore 2.10's CPU kernel rejects
every input; here it computes the same result as the dense form)."""
import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .operations import Primitive

__all__ = ["DenseToDenseSetOperation", "DenseToSparseSetOperation"]

_OPERATIONS = ("a-b", "b-a", "intersection", "union")
_INTS = (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8, mstype.uint16)
_INT_NAMES = "{Tensor[Int16], Tensor[Int32], Tensor[Int64], Tensor[Int8], Tensor[UInt16], Tensor[UInt8]}"


def _check_flags(op, set_operation, validate_indices):
    if not isinstance(set_operation, str):
        raise DTypeError(f"For '{op}', the type of 'set_operation' should be 'str', but got type "
                         f"'{type(set_operation).__name__}'.")
    if not isinstance(validate_indices, bool):
        raise DTypeError(f"For '{op}', the type of 'validate_indices' should be 'bool', but got type "
                         f"'{type(validate_indices).__name__}'.")


def _int_tensor(op, name, t, kinds=_INTS, names=_INT_NAMES):
    if not isinstance(t, Tensor) or t.dtype not in kinds:
        got = f"Tensor[{t.dtype}]" if isinstance(t, Tensor) else type(t).__name__
        raise DTypeError(f"For primitive[{op}], the input argument[{name}] must be a type of {names}, but got "
                         f"{got}.")
    return t


def _combine(operation, a, b):
    """The sorted result of `operation` on the value sets `a` and `b` (1-D arrays)."""
    a, b = _np.unique(a), _np.unique(b)
    if operation == "a-b":
        return _np.setdiff1d(a, b)
    if operation == "b-a":
        return _np.setdiff1d(b, a)
    if operation == "intersection":
        return _np.intersect1d(a, b)
    return _np.union1d(a, b)


def _sparse_result(operation, group_shape, first, second, dtype):
    """``(y_indices, y_values, y_shape)`` from the sets of each group (``first(g)``,
    ``second(g)``); the values of the NumPy `dtype`."""
    groups = list(_np.ndindex(*group_shape))
    results = [_combine(operation, first(g), second(g)) for g in groups]
    width = max((len(r) for r in results), default=0)
    rows, values = [], []
    for g, r in zip(groups, results):
        rows += [list(g) + [k] for k in range(len(r))]
        values += list(r)
    rank = len(group_shape) + 1
    indices = _np.array(rows, _np.int64).reshape(-1, rank)
    return (Tensor(indices), Tensor(_np.array(values, dtype)),
            Tensor(_np.array(list(group_shape) + [width], _np.int64)))


class _SetOperation(Primitive):
    """The shared constructor of the set primitives."""
    _INPUTS = ("x1", "x2")

    def __init__(self, set_operation="a-b", validate_indices=True):
        super().__init__()
        _check_flags(type(self).__name__, set_operation, validate_indices)
        self.set_operation = set_operation
        self.validate_indices = validate_indices
        self.init_prim_io_names(self._INPUTS, ["y_indices", "y_values", "y_shape"])

    def _operation(self):
        op, name = type(self).__name__, self.set_operation
        if name.lower() not in _OPERATIONS:
            raise ShapeError(f"For {op}, the attr set_operation must be any one of "
                             f"['a-b','b-a','intersection','union'], but got {name}.")
        return name.lower()


class DenseToDenseSetOperation(_SetOperation):
    """The set operation of the last axes of two integer Tensors, group by group, as a sparse
    Tensor (see the module note). ``set_operation`` is case-insensitive, as MindSpore's.

    Args:
        set_operation (str, optional): ``'a-b'``, ``'b-a'``, ``'intersection'`` or ``'union'``.
            Default: ``'a-b'``.
        validate_indices (bool, optional): Kept as MindSpore keeps it. Default: ``True``.

    Inputs:
        - **x1** (Tensor) - Int8/16/32/64 or UInt8/16, rank at least 2.
        - **x2** (Tensor) - Of the dtype of `x1`, the same shape but for the last axis.

    Outputs:
        Tuple of 3 Tensors ``(y_indices, y_values, y_shape)``.

    Raises:
        TypeError: If the flags have the wrong types, or the inputs the wrong dtypes.
        ValueError: If `set_operation` is none of the four, the ranks are below 2 or the group
            axes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations.sparse_ops import DenseToDenseSetOperation
        >>> x1 = ms.Tensor([[1, 2, 4], [3, 4, 5]], ms.int32)
        >>> x2 = ms.Tensor([[3, 2, 5], [1, 4, 7]], ms.int32)
        >>> indices, values, shape = DenseToDenseSetOperation("a-b")(x1, x2)
        >>> print(values, shape)
        [1 4 3 5] [2 2]
    """

    def __call__(self, x1, x2):
        op = "DenseToDenseSetOperation"
        _int_tensor(op, "x1", x1)
        if not isinstance(x2, Tensor):
            _int_tensor(op, "x2", x2)
        if x1.dtype != x2.dtype:
            raise DTypeError(f"For primitive[{op}], the input type must be same.\nname:[x1]:Tensor[{x1.dtype}].\n"
                             f"name:[x2]:Tensor[{x2.dtype}].")
        for name, t in (("x1", x1), ("x2", x2)):
            if t.ndim < 2:
                raise ShapeError(f"For primitive[{op}], the {name}_rank must be greater than or equal to 2, but "
                                 f"got {t.ndim}.")
        if tuple(x1.shape[:-1]) != tuple(x2.shape[:-1]):
            raise ShapeError(f"For {op}, the shapes of the first n-1 dimensions of `x1` and `x2` must be equal, "
                             f"but got x1_shape {tuple(x1.shape)} and x2_shape {tuple(x2.shape)}")
        operation = self._operation()
        a, b = x1.asnumpy(), x2.asnumpy()
        return _sparse_result(operation, a.shape[:-1], lambda g: a[g], lambda g: b[g], a.dtype)


class DenseToSparseSetOperation(_SetOperation):
    """The set operation of the last axis of an integer Tensor `x1` and the sparse Tensor
    ``(x2_indices, x2_values, x2_shape)``, group by group, as a sparse Tensor (see the module
    note).

    Args:
        set_operation (str, optional): ``'a-b'``, ``'b-a'``, ``'intersection'`` or ``'union'``
            (no default operation: MindSpore's default ``''`` is rejected when called).
            Default: ``''``.
        validate_indices (bool, optional): Whether `x2_indices` are checked to be in the
            dense shape and in row-major order. Default: ``True``.

    Inputs:
        - **x1** (Tensor) - Int8/16/32/64 or UInt8/16, rank at least 2.
        - **x2_indices** (Tensor) - Int64 ``(N, rank)``.
        - **x2_values** (Tensor) - ``(N,)`` of the dtype of `x1`.
        - **x2_shape** (Tensor) - Int64 ``(rank,)``, the group axes those of `x1`.

    Outputs:
        Tuple of 3 Tensors ``(y_indices, y_values, y_shape)``.

    Raises:
        TypeError: If the flags or inputs have the wrong types.
        ValueError: If `set_operation` is none of the four, or the shapes disagree.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations.sparse_ops import DenseToSparseSetOperation
        >>> x1 = ms.Tensor([[1, 2, 4], [3, 4, 5]], ms.int32)
        >>> out = DenseToSparseSetOperation("a-b")(x1, ms.Tensor([[0, 1], [1, 0]], ms.int64),
        ...                                        ms.Tensor([1, 6], ms.int32), ms.Tensor([2, 3], ms.int64))
        >>> print(out[1], out[2])
        [2 4 3 4 5] [2 3]
    """

    _INPUTS = ("x1", "x2_indices", "x2_values", "x2_shape")

    def __init__(self, set_operation="", validate_indices=True):
        super().__init__(set_operation, validate_indices)

    def _operation(self):
        if self.set_operation.lower() not in _OPERATIONS:
            raise ShapeError(f"For 'DenseToSparseSetOperation', the attr 'set_operation' must be one of 'a-b', "
                             f"'b-a', 'intersection', 'union', but get{self.set_operation}.")
        return self.set_operation.lower()

    def __call__(self, x1, x2_indices, x2_values, x2_shape):
        op = "DenseToSparseSetOperation"
        _int_tensor(op, "x1", x1)
        _int_tensor(op, "x2_indices", x2_indices, (mstype.int64,), "{Tensor[Int64]}")
        _int_tensor(op, "x2_values", x2_values)
        _int_tensor(op, "x2_shape", x2_shape, (mstype.int64,), "{Tensor[Int64]}")
        if x1.dtype != x2_values.dtype:
            raise DTypeError(f"For primitive[{op}], the input type must be same.\nname:[x1]:Tensor[{x1.dtype}].\n"
                             f"name:[x2_values]:Tensor[{x2_values.dtype}].")
        if x1.ndim < 2:
            raise ShapeError(f"For '{op}', the rank of the shape of input 'x1' must be at least 2, but got "
                             f"{x1.ndim}")
        shape = [int(s) for s in x2_shape.asnumpy().reshape(-1)]
        idx = x2_indices.asnumpy()
        vals = x2_values.asnumpy().reshape(-1)
        if x2_indices.ndim != 2 or x2_shape.ndim != 1 or idx.shape[1] != len(shape) or idx.shape[0] != vals.size:
            raise ShapeError(f"For '{op}', 'x2_indices' must be (N, rank), 'x2_values' (N,) and 'x2_shape' "
                             f"(rank,), but got shapes {tuple(idx.shape)}, {tuple(x2_values.shape)} and "
                             f"{tuple(x2_shape.shape)}.")
        if shape[:-1] != list(x1.shape[:-1]):
            raise ShapeError(f"For '{op}', the shapes of the first n-1 dimensions of 'x1' and 'x2' must be "
                             f"equal, but got x1_shape {tuple(x1.shape)} and x2_shape {tuple(shape)}.")
        if self.validate_indices and idx.size:
            if ((idx < 0) | (idx >= _np.array(shape))).any():
                raise ShapeError(f"For '{op}', 'x2_indices' must be inside 'x2_shape' {shape}.")
            flat = _np.ravel_multi_index(tuple(idx.T), shape)
            if (_np.diff(flat) <= 0).any():
                raise ShapeError(f"For '{op}', 'x2_indices' must be unique and in row-major order.")
        operation = self._operation()
        a = x1.asnumpy()
        groups = {}
        for row, v in zip(idx, vals):
            groups.setdefault(tuple(int(i) for i in row[:-1]), []).append(v)
        return _sparse_result(operation, a.shape[:-1], lambda g: a[g],
                              lambda g: _np.array(groups.get(tuple(g), []), a.dtype), a.dtype)
