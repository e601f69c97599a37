"""MindSpore's sparse tensors: ``COOTensor`` (2-D, ``indices`` of shape ``(nnz, 2)``), ``CSRTensor``
(``indptr``, column ``indices``, ``values`` whose trailing axes are the dense trailing axes) and the
older ``RowTensor``/``SparseTensor``, printed as MindSpore 2.10 prints them.

Invariant: the structure (indices, indptr, shape) is checked when a tensor is built, so an index
outside the dense shape or an ``indptr`` that does not describe ``values`` is an error at once, never
garbage later; the values are ordinary Tensors, and every computation on them (``ops/function/
_sparse_func.py``) is a composition of differentiable dense ops, so gradients reach ``values``."""
import re

import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from . import dtype as mstype

__all__ = ["COOTensor", "CSRTensor", "RowTensor", "RowTensorInner", "SparseTensor"]

_INDEX_DTYPES = (mstype.int16, mstype.int32, mstype.int64)


def _sf():
    """``ops/function/_sparse_func`` (imported late: it needs ``ops``, which needs this module)."""
    from ..ops.function import _sparse_func
    return _sparse_func


# -- printing: the format of MindSpore's native ``Tensor::ToString`` (not the Python repr) -----
_SMALL = 30       # a tensor of this many elements or more prints as ``[...]``
_EDGE = 3         # an axis longer than 2 * _EDGE prints its first and last _EDGE entries
_PADDED = r"\0([^\s\]]+)"  # an element marked for padding (integers, bfloat16)
# a 1-D tensor breaks its line after so many elements
_PER_LINE = {"float": 12, "bool": 12, "int": 24, "complex": 24, "bfloat16": 24}


def _kind(dtype):
    if dtype == mstype.bool_:
        return "bool"
    if dtype in mstype.complex_type:
        return "complex"
    if dtype == mstype.bfloat16:   # printed as MindSpore prints integers: shortest form, padded
        return "bfloat16"
    return "float" if dtype in mstype.float_type else "int"


def _element(kind, narrow):
    """The formatter of one element: floats in scientific notation of a fixed width (11 and 4
    digits for float16, 15 and 8 otherwise), bools right-aligned in 5, complex numbers as
    ``1+2j``, integers and bfloat16 in their shortest form marked for padding to the widest."""
    if kind == "float":
        width, digits = (11, 4) if narrow else (15, 8)
        return lambda v: f"{float(v):{width}.{digits}e}"
    if kind == "bool":
        return lambda v: f"{'True' if v else 'False':>5}"
    if kind == "complex":
        return lambda v: f"{v.real:g}{v.imag:+g}j"
    if kind == "bfloat16":
        return lambda v: f"\0{float(v):g}"
    return lambda v: f"\0{int(v)}"


def _native_text(t):
    """``Tensor(shape=[...], dtype=..., value=...)`` as MindSpore's C++ tensor prints itself
    inside a sparse tensor's repr."""
    a = t.asnumpy()
    head = f"Tensor(shape={list(a.shape)}, dtype={t.dtype}, value="
    if a.size >= _SMALL:
        return head + "[...])"
    kind = _kind(t.dtype)
    fmt = _element(kind, t.dtype == mstype.float16)
    flat, out = a.reshape(-1), []

    def row(cursor, start, end):
        for i in range(start, end):
            out.append(fmt(flat[cursor + i]))
            if i != end - 1:
                out.append(" ")
            if a.ndim == 1 and (i + 1) % _PER_LINE[kind] == 0:
                out.append("\n ")

    def walk(depth, cursor):
        out.append("[")
        n = a.shape[depth]
        if depth == a.ndim - 1:
            if n > 2 * _EDGE and a.ndim > 1:
                row(cursor, 0, _EDGE)
                out.append(" ... ")
                row(cursor, n - _EDGE, n)
            else:
                row(cursor, 0, n)
            cursor += n
        else:
            indent = "\n" + " " * (depth + 1)
            for i in range(min(_EDGE, n)):
                out.append(indent if i else "")
                cursor = walk(depth + 1, cursor)
            if n > 2 * _EDGE:
                out.append(indent + "...")
                cursor += (n - 2 * _EDGE) * int(_np.prod(a.shape[depth + 1:]))
            for _ in range(min(n - _EDGE, _EDGE)):
                out.append(indent)
                cursor = walk(depth + 1, cursor)
        out.append("]")
        return cursor

    if a.size and a.ndim == 0:
        out.append(str(a.item()))
    elif a.size:
        walk(0, 0)
    text = "".join(out)
    widest = max((len(m) for m in re.findall(_PADDED, text)), default=0)
    text = re.sub(_PADDED, lambda m: m.group(1).rjust(widest), text)
    return head + ("\n" if a.ndim > 1 else "") + text + ")"


def _sparse_repr(name, shape, dtype, parts):
    fields = ", ".join(f"{k}={_native_text(v)}" for k, v in parts)
    return f"{name}(shape={list(shape)}, dtype={dtype}, {fields})"


# -- checks --------------------------------------------------------------------------------------
def _tensor(op, name, v):
    if not isinstance(v, Tensor):
        raise DTypeError(f"For {op}, '{name}' must be a Tensor, but got {type(v)}.")
    return v


def _index_dtype(op, name, t):
    if t.dtype not in _INDEX_DTYPES:
        raise DTypeError(f"For {op}, the type of '{name}' must be one of [int16, int32, int64], "
                         f"but got {t.dtype}.")


def _dense_shape(op, shape):
    if not isinstance(shape, tuple):
        raise DTypeError(f"For {op}, 'shape' must be a tuple, but got {type(shape)}.")
    for s in shape:
        if isinstance(s, bool) or not isinstance(s, (int, _np.integer)):
            raise DTypeError(f"For {op}, the element type of 'shape' must be int, but got {type(s)}.")
        if s <= 0:
            raise ShapeError(f"For {op}, the element of 'shape' must be positive, but got {s} in {shape}.")
    return tuple(int(s) for s in shape)


def _copy_of(op, cls, other, arg, given):
    """Checks the arguments of a sparse tensor built from another one, `other` (argument `arg`)."""
    if not isinstance(other, cls):
        raise DTypeError(f"Expect input `{arg}` to be a {cls.__name__}, but got {type(other)}")
    if any(g is not None for g in given):
        raise DTypeError(f"If input `{arg}` is provided, the other arguments of {op} must all be `None`.")


def _in_range(op, name, idx, bounds, within):
    """ValueError naming the first row of `idx` (``(nnz, k)``) outside ``[0, bounds)``, which are
    `within` (``"the dense shape (2, 4)"``)."""
    bad = _np.nonzero(((idx < 0) | (idx >= _np.asarray(bounds))).any(axis=1))[0]
    if bad.size:
        i = int(bad[0])
        raise ShapeError(f"For {op}, '{name}'[{i}] = {idx[i].tolist()} is out of range of {within}.")


class _Sparse:
    """What COOTensor and CSRTensor share: the stored ``indices`` and ``values``, the dense
    ``shape`` and the properties read from them."""

    @property
    def indices(self):
        """Tensor, the positions of the values (``(N, 2)`` for COO, the ``(N,)`` columns for CSR)."""
        return self._indices

    @property
    def values(self):
        """Tensor, the stored values."""
        return self._values

    @property
    def shape(self):
        """tuple(int), the dense shape."""
        return self._shape

    @property
    def dtype(self):
        """mindspore.dtype, the dtype of the values."""
        return self._values.dtype

    @property
    def size(self):
        """int, the number of stored elements (of `values`)."""
        return int(self._values.size)

    @property
    def itemsize(self):
        """int, the size in bytes of one value."""
        return int(self._values.itemsize)

    @property
    def ndim(self):
        """int, the rank of the dense tensor."""
        return len(self._shape)


class COOTensor(_Sparse):
    """A 2-D sparse tensor in coordinate format: ``dense[indices[i, 0], indices[i, 1]] = values[i]``
    (entries at the same position add up when made dense).

    Args:
        indices (Tensor, optional): ``(N, 2)`` int16, int32 or int64 positions, each inside `shape`.
            Default: ``None``.
        values (Tensor, optional): ``(N,)`` values of any dtype. Default: ``None``.
        shape (tuple(int), optional): The dense shape, two positive ints. Default: ``None``.
        coo_tensor (COOTensor, optional): A COOTensor to copy instead (the other arguments
            ``None``). Default: ``None``.

    Raises:
        TypeError: If `indices` or `values` is not a Tensor, `indices` is not int16/32/64 or
            `shape` is not a tuple of ints.
        ValueError: If the ranks or lengths do not fit, or an index lies outside `shape`.

    Examples:
        >>> import mindspore as ms
        >>> indices = ms.Tensor([[0, 1], [1, 2]], ms.int32)
        >>> x = ms.COOTensor(indices, ms.Tensor([1., 2.]), (3, 4))
        >>> print(x)
        COOTensor(shape=[3, 4], dtype=Float32, indices=Tensor(shape=[2, 2], dtype=Int32, value=
        [[0 1]
         [1 2]]), values=Tensor(shape=[2], dtype=Float32, value=[ 1.00000000e+00  2.00000000e+00]))
        >>> print(x.to_dense())
        [[0. 1. 0. 0.]
         [0. 0. 2. 0.]
         [0. 0. 0. 0.]]
    """

    def __init__(self, indices=None, values=None, shape=None, coo_tensor=None):
        if coo_tensor is not None:
            _copy_of("COOTensor", COOTensor, coo_tensor, "coo_tensor", (indices, values, shape))
            indices, values, shape = coo_tensor.indices, coo_tensor.values, coo_tensor.shape
        _tensor("SparseTensors", "indices", indices)
        _tensor("SparseTensors", "values", values)
        shape = _dense_shape("COOTensor", shape)
        if len(shape) != 2:
            raise ShapeError(f"For COOTensor, the length of 'shape' must be 2, but got {shape}.")
        if not (indices.shape == (0,) and values.shape == (0,)):
            self._check(indices, values, shape)
        _index_dtype("COOTensor", "indices", indices)
        self._indices, self._values, self._shape = indices, values, shape

    @staticmethod
    def _check(indices, values, shape):
        if indices.ndim != 2 or values.ndim != 1:
            raise ShapeError(f"For COOTensor, 'indices' must be 2-D and 'values' 1-D, but got shapes "
                             f"{tuple(indices.shape)} and {tuple(values.shape)}.")
        if indices.shape[0] != values.shape[0]:
            raise ShapeError(f"For COOTensor, 'indices.shape[0]' must be equal to 'values.shape[0]', but "
                             f"got {indices.shape[0]} and {values.shape[0]}.")
        if indices.shape[1] != 2:
            raise ShapeError(f"For COOTensor, 'indices.shape[1]' must be 2, but got {indices.shape[1]}.")
        if values.shape[0] > shape[0] * shape[1]:
            raise ShapeError(f"For COOTensor, shape is too small: ({shape[0] * shape[1]}) to hold all "
                             f"values({values.shape[0]}).")
        _in_range("COOTensor", "indices", indices.asnumpy().astype(_np.int64), shape, f"the dense shape {shape}")

    def __repr__(self):
        return _sparse_repr("COOTensor", self._shape, self.dtype,
                            (("indices", self._indices), ("values", self._values)))

    __str__ = __repr__

    def _with_values(self, values):
        return COOTensor(self._indices, values, self._shape)

    def _host_indices(self):
        """The indices as an ``(N, 2)`` int64 NumPy array (also for the empty ``(0,)`` form)."""
        return self._indices.asnumpy().astype(_np.int64).reshape(-1, 2)

    def to_tuple(self):
        """``(indices, values, shape)``.

        Returns:
            tuple(Tensor, Tensor, tuple(int)).

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2))
            >>> print(x.to_tuple()[2])
            (2, 2)
        """
        return self._indices, self._values, self._shape

    def to_dense(self):
        """The dense tensor; entries at the same position add up.

        Returns:
            Tensor, of `shape` and the dtype of the values.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[0, 1], [0, 1]], ms.int32), ms.Tensor([1., 2.]), (2, 2))
            >>> print(x.to_dense())
            [[0. 3.]
             [0. 0.]]
        """
        return _sf().scatter_dense(self._host_indices(), self._values, self._shape)

    def to_csr(self):
        """The same tensor in CSR format (entries ordered by row, stably).

        Returns:
            CSRTensor, with `indptr` and `indices` of the dtype of `indices`.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[1, 0], [0, 1]], ms.int32), ms.Tensor([1., 2.]), (2, 2))
            >>> print(x.to_csr().indptr, x.to_csr().values)
            [0 1 2] [2. 1.]
        """
        return _sf().coo_to_csr(self)

    def coalesce(self):
        """The tensor with its entries sorted by position and duplicates summed.

        Returns:
            COOTensor, with int64 indices.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[1, 0], [0, 1], [1, 0]], ms.int32), ms.Tensor([1., 2., 3.]), (2, 2))
            >>> print(x.coalesce().values)
            [2. 4.]
        """
        indices, values, _ = _sf().coalesce(Tensor(self._host_indices().T.copy()), self._values,
                                            Tensor(list(self._shape), mstype.int64))
        return COOTensor(indices.transpose(), values, self._shape)

    def astype(self, dtype):
        """The tensor with its values cast to `dtype`.

        Args:
            dtype (Union[mindspore.dtype, numpy.dtype, str]): The new dtype.

        Returns:
            COOTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2))
            >>> print(x.astype(ms.float64).dtype)
            Float64
        """
        return self._with_values(self._values.astype(dtype))

    def abs(self):
        """The absolute values.

        Returns:
            COOTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([-5.]), (2, 2))
            >>> print(x.abs().values)
            [5.]
        """
        return self._with_values(self._values.abs())

    def add(self, other, thresh):
        """``ops.coo_add(self, other, thresh)``: the sum with another COOTensor, dropping a sum of
        two entries smaller in magnitude than `thresh`.

        Args:
            other (COOTensor): The other summand, of the same shape.
            thresh (Tensor): A 0-D threshold.

        Returns:
            COOTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.COOTensor(ms.Tensor([[0, 1]], ms.int64), ms.Tensor([5.]), (2, 2))
            >>> print(x.add(x, ms.Tensor(0.)).values)
            [10.]
        """
        return _sf().coo_add(self, other, thresh)

    def _same_shape(self, other, what):
        if not isinstance(other, (Tensor, COOTensor)):
            raise DTypeError(f"COOTensor {what} with {type(other)} is not supported.")
        if tuple(other.shape) != self._shape:
            raise ShapeError(f"For COOTensor {what}, the shapes must be the same, but got {self._shape} and "
                             f"{tuple(other.shape)}.")

    def __neg__(self):
        return self._with_values(-self._values)

    def __add__(self, other):
        self._same_shape(other, "add")
        if isinstance(other, COOTensor):
            return _sf().coo_add(self, other, Tensor(0, self.dtype))
        return _sf().scatter_add(other, self._host_indices(), self._values)

    def __sub__(self, other):
        self._same_shape(other, "subtract")
        if isinstance(other, COOTensor):
            return _sf().coo_add(self, -other, Tensor(0, self.dtype))
        return _sf().scatter_add(-other, self._host_indices(), self._values)

    def _at_indices(self, other, what):
        self._same_shape(other, what)
        if isinstance(other, COOTensor):
            raise DTypeError(f"COOTensor {what} with COOTensor is not supported.")
        return _sf().gather_at(other, self._host_indices())

    def __mul__(self, other):
        return self._with_values(self._values * self._at_indices(other, "multiply"))

    def __truediv__(self, other):
        return self._with_values(self._values / self._at_indices(other, "divide"))

    __div__ = __truediv__


class SparseTensor(COOTensor):
    """The deprecated name of a COOTensor of MindSpore 1.x: ``SparseTensor(indices, values, shape)``,
    printed as a COOTensor.

    Args:
        indices (Tensor): ``(N, 2)`` integer positions.
        values (Tensor): ``(N,)`` values.
        shape (tuple(int)): The dense shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.SparseTensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2))
        >>> print(x.shape, x.values)
        (2, 2) [5.]
    """

    def __init__(self, indices, values, shape):
        super().__init__(indices, values, shape)


class CSRTensor(_Sparse):
    """A sparse tensor in compressed-row format: row ``r`` holds ``values[indptr[r]:indptr[r + 1]]``
    at the columns ``indices[indptr[r]:indptr[r + 1]]``; `values` may have trailing axes, the dense
    axes after the first two.

    Args:
        indptr (Tensor, optional): ``(shape[0] + 1,)`` int16/32/64 row pointers, from 0, not
            decreasing, up to the number of values. Default: ``None``.
        indices (Tensor, optional): ``(N,)`` int16/32/64 column positions. Default: ``None``.
        values (Tensor, optional): ``(N, *shape[2:])`` values. Default: ``None``.
        shape (tuple(int), optional): The dense shape, positive ints. Default: ``None``.
        csr_tensor (CSRTensor, optional): A CSRTensor to copy instead (the other arguments ``None``).
            Default: ``None``.

    Raises:
        TypeError: If an argument is not a Tensor (a tuple for `shape`) or an index is not an int.
        ValueError: If the shapes do not fit or `indptr`/`indices` do not describe `values` in
            `shape`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([0, 1], ms.int32), ms.Tensor([1., 2.]), (2, 4))
        >>> print(x.indptr, x.indices, x.values, x.shape)
        [0 1 2] [0 1] [1. 2.] (2, 4)
        >>> print(x.to_dense())
        [[1. 0. 0. 0.]
         [0. 2. 0. 0.]]
    """

    def __init__(self, indptr=None, indices=None, values=None, shape=None, csr_tensor=None):
        if csr_tensor is not None:
            _copy_of("CSRTensor", CSRTensor, csr_tensor, "csr_tensor", (indptr, indices, values, shape))
            indptr, indices, values, shape = csr_tensor.to_tuple()
        if not isinstance(indptr, Tensor):
            raise DTypeError(f"For CSRTensor, 'indptr' must be Tensor, but got {type(indptr)}.")
        _tensor("SparseTensors", "indices", indices)
        _tensor("SparseTensors", "values", values)
        shape = _dense_shape("CSRTensor", shape)
        if not (indptr.shape == indices.shape == values.shape == (0,)):
            self._check(indptr, indices, values, shape)
        _index_dtype("CSRTensor", "indptr", indptr)
        _index_dtype("CSRTensor", "indices", indices)
        self._indptr, self._indices, self._values, self._shape = indptr, indices, values, shape

    @staticmethod
    def _check(indptr, indices, values, shape):
        if values.ndim == 0 or values.ndim + 1 != len(shape) or tuple(values.shape[1:]) != shape[2:]:
            raise ShapeError(f"For CSRTensor, 'values' must have the shape (N, *shape[2:]) for the shape "
                             f"{shape}, but got {tuple(values.shape)}.")
        if indptr.ndim != 1 or indices.ndim != 1:
            raise ShapeError(f"For CSRTensor, 'indptr' and 'indices' must be 1-D, but got shapes "
                             f"{tuple(indptr.shape)} and {tuple(indices.shape)}.")
        if indptr.shape[0] != shape[0] + 1:
            raise ShapeError(f"For CSRTensor, indptr must have length (1 + shape[0]) = {shape[0] + 1}, but "
                             f"got: {indptr.shape[0]}.")
        if indices.shape[0] != values.shape[0]:
            raise ShapeError(f"For CSRTensor, indices and values must have the same length, but got "
                             f"indices shape: {indices.shape[0]}, values shape: {values.shape[0]}.")
        ptr = indptr.asnumpy().astype(_np.int64)
        if ptr[0] != 0 or ptr[-1] != values.shape[0] or (_np.diff(ptr) < 0).any():
            raise ShapeError(f"For CSRTensor, 'indptr' must rise from 0 to the number of values "
                             f"{values.shape[0]} without decreasing, but got {ptr.tolist()}.")
        _in_range("CSRTensor", "indices", indices.asnumpy().astype(_np.int64).reshape(-1, 1), shape[1:2],
                  f"the {shape[1]} columns of the shape {shape}")

    def __repr__(self):
        return _sparse_repr("CSRTensor", self._shape, self.dtype,
                            (("indptr", self._indptr), ("indices", self._indices), ("values", self._values)))

    __str__ = __repr__

    @property
    def indptr(self):
        """Tensor, the ``(shape[0] + 1,)`` row pointers."""
        return self._indptr

    def _with_values(self, values):
        return CSRTensor(self._indptr, self._indices, values, self._shape)

    def to_tuple(self):
        """``(indptr, indices, values, shape)``.

        Returns:
            tuple(Tensor, Tensor, Tensor, tuple(int)).

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.to_tuple()[0])
            [0 1 2]
        """
        return self._indptr, self._indices, self._values, self._shape

    def to_dense(self):
        """``ops.csr_to_dense(self)``: the dense tensor (2-D only).

        Returns:
            Tensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.to_dense())
            [[0. 2.]
             [3. 0.]]
        """
        return _sf().csr_to_dense(self)

    def to_coo(self):
        """``ops.csr_to_coo(self)``: the same tensor in COO format (2-D only).

        Returns:
            COOTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.to_coo().indices)
            [[0 1]
             [1 0]]
        """
        return _sf().csr_to_coo(self)

    def astype(self, dtype):
        """The tensor with its values cast to `dtype`.

        Args:
            dtype (Union[mindspore.dtype, numpy.dtype, str]): The new dtype.

        Returns:
            CSRTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.astype(ms.int32).values)
            [2 3]
        """
        return self._with_values(self._values.astype(dtype))

    def abs(self):
        """The absolute values.

        Returns:
            CSRTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., -2.], [3., 0.]]).to_csr()
            >>> print(x.abs().values)
            [2. 3.]
        """
        return self._with_values(self._values.abs())

    def mv(self, dense_vector):
        """``ops.csr_mv(self, dense_vector)``: the product with a dense ``(shape[1], 1)`` column.

        Args:
            dense_vector (Tensor): ``(shape[1], 1)``.

        Returns:
            Tensor, ``(shape[0], 1)``.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.mv(ms.Tensor([[1.], [10.]])))
            [[20.]
             [ 3.]]
        """
        if not isinstance(dense_vector, Tensor):
            raise DTypeError(f"For 'CSRTensor.mv', the type of 'dense_vector' should be Tensor, but got type "
                             f"'{type(dense_vector).__name__}'.")
        return _sf().csr_mv(self, dense_vector)

    def mm(self, matrix):
        """The product with a dense ``(shape[1], K)`` Tensor (a Tensor) or a CSRTensor (a CSRTensor,
        ``ops.csr_mm``).

        Args:
            matrix (Union[Tensor, CSRTensor]): The right factor.

        Returns:
            Union[Tensor, CSRTensor], ``(shape[0], K)``.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[0., 2.], [3., 0.]]).to_csr()
            >>> print(x.mm(ms.Tensor([[1., 2.], [10., 20.]])))
            [[20. 40.]
             [ 3.  6.]]
        """
        if isinstance(matrix, CSRTensor):
            return _sf().csr_mm(self, matrix)
        if not isinstance(matrix, Tensor):
            raise DTypeError(f"For 'CSRTensor.mm', the type of 'matrix' should be Tensor or CSRTensor, but got "
                             f"type '{type(matrix).__name__}'.")
        return _sf().csr_matmul("CSRTensor.mm", self, matrix)

    def sum(self, axis):
        """``ops.csr_reduce_sum(self, axis)``: the sums along the columns (`axis` 1 or -1).

        Args:
            axis (int): 1 or -1.

        Returns:
            Tensor, ``(shape[0], 1, *shape[2:])``.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[1., 2.], [3., 0.]]).to_csr()
            >>> print(x.sum(1))
            [[3.]
             [3.]]
        """
        return _sf().csr_reduce_sum(self, axis)

    def add(self, b, alpha, beta):
        """``ops.csr_add(self, b, alpha, beta)``: ``alpha * self + beta * b``.

        Args:
            b (CSRTensor): The other summand, of the same shape.
            alpha (Tensor): The factor of `self`.
            beta (Tensor): The factor of `b`.

        Returns:
            CSRTensor.

        Examples:
            >>> import mindspore as ms
            >>> x = ms.Tensor([[1., 2.], [3., 0.]]).to_csr()
            >>> print(x.add(x, ms.Tensor(1.), ms.Tensor(2.)).values)
            [3. 6. 9.]
        """
        return _sf().csr_add(self, b, alpha, beta)

    def _csr_only(self, other, what):
        if not isinstance(other, CSRTensor):
            raise DTypeError(f"CSRTensor {what} with {type(other)} is not supported.")
        if other.shape != self._shape:
            raise ShapeError(f"For CSRTensor {what}, the shapes must be the same, but got {self._shape} and "
                             f"{other.shape}.")

    def __neg__(self):
        return self._with_values(-self._values)

    def __add__(self, other):
        self._csr_only(other, "add")
        return _sf().csr_add(self, other, Tensor(1, self.dtype), Tensor(1, self.dtype))

    def __sub__(self, other):
        self._csr_only(other, "subtract")
        return _sf().csr_add(self, other, Tensor(1, self.dtype), Tensor(-1, self.dtype))

    def __mul__(self, other):
        return _sf().csr_mul(self, other)

    def __truediv__(self, other):
        return _sf().csr_div(self, other)

    __div__ = __truediv__


class RowTensorInner:
    """A tensor of which some rows are stored: ``dense[indices[i]] = values[i]`` in a dense tensor
    of shape `shape` (``values.shape[1:] == shape[1:]``).

    Args:
        indices (Tensor, optional): ``(N,)`` integer row positions in ``[0, shape[0])``. Default: ``None``.
        values (Tensor, optional): ``(N, *shape[1:])`` rows. Default: ``None``.
        shape (tuple(int), optional): The dense shape. Default: ``None``.
        row_tensor (RowTensorInner, optional): A RowTensor to copy instead. Default: ``None``.

    Raises:
        TypeError: If `indices` or `values` is not a Tensor or `indices` is not integer.
        ValueError: If the shapes do not fit or an index is outside ``[0, shape[0])``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.common.RowTensorInner(ms.Tensor([0], ms.int32), ms.Tensor([[1., 2.]]), (3, 2))
        >>> print(x.dense_shape, x.values)
        (3, 2) [[1. 2.]]
    """

    def __init__(self, indices=None, values=None, shape=None, row_tensor=None):
        if row_tensor is not None:
            _copy_of("RowTensor", RowTensorInner, row_tensor, "row_tensor", (indices, values, shape))
            indices, values, shape = row_tensor.indices, row_tensor.values, row_tensor.dense_shape
        _tensor("RowTensor", "indices", indices)
        _tensor("RowTensor", "values", values)
        shape = _dense_shape("RowTensor", shape)
        _index_dtype("RowTensor", "indices", indices)
        if indices.ndim != 1 or values.ndim != len(shape) or values.shape[0] != indices.shape[0] \
                or tuple(values.shape[1:]) != shape[1:]:
            raise ShapeError(f"For RowTensor, 'indices' must be (N,) and 'values' (N, *shape[1:]) for the "
                             f"shape {shape}, but got {tuple(indices.shape)} and {tuple(values.shape)}.")
        _in_range("RowTensor", "indices", indices.asnumpy().astype(_np.int64).reshape(-1, 1), shape[:1],
                  f"the {shape[0]} rows of the shape {shape}")
        self._indices, self._values, self._shape = indices, values, shape

    def __repr__(self):
        return _sparse_repr("RowTensor", self._shape, self._values.dtype,
                            (("indices", self._indices), ("values", self._values)))

    __str__ = __repr__

    @property
    def indices(self):
        """Tensor, the ``(N,)`` row positions."""
        return self._indices

    @property
    def values(self):
        """Tensor, the stored rows."""
        return self._values

    @property
    def dense_shape(self):
        """tuple(int), the dense shape."""
        return self._shape


class RowTensor(RowTensorInner):
    """The public (deprecated since MindSpore 1.7) name of :class:`RowTensorInner`.

    Args:
        indices (Tensor, optional): ``(N,)`` integer row positions. Default: ``None``.
        values (Tensor, optional): ``(N, *shape[1:])`` rows. Default: ``None``.
        shape (tuple(int), optional): The dense shape. Default: ``None``.
        row_tensor (RowTensor, optional): A RowTensor to copy instead. Default: ``None``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.RowTensor(ms.Tensor([0, 2], ms.int32), ms.Tensor([[1., 2.], [3., 4.]]), (3, 2))
        >>> print(x.indices, x.dense_shape)
        [0 2] (3, 2)
    """


# ``Tensor.to_coo``/``Tensor.to_csr`` (installed by ``_tensor_more``).
def tensor_to_coo(self):
    """``ops.dense_to_sparse_coo(x)``: the nonzero entries of a 2-D Tensor as a COOTensor.

    Returns:
        COOTensor, with int32 indices.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[0., 2.], [3., 0.]]).to_coo().indices)
        [[0 1]
         [1 0]]
    """
    from ..ops.function._sparse_func import dense_to_sparse_coo
    return dense_to_sparse_coo(self)


def tensor_to_csr(self):
    """``ops.dense_to_sparse_csr(x)``: the nonzero entries of a 2-D Tensor as a CSRTensor.

    Returns:
        CSRTensor, with int32 indptr and indices.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[0., 2.], [3., 0.]]).to_csr().indptr)
        [0 1 2]
    """
    from ..ops.function._sparse_func import dense_to_sparse_csr
    return dense_to_sparse_csr(self)
