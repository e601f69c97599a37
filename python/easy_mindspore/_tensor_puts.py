"""More of MindSpore 2.x's Tensor methods that write or draw: ``index_put`` / ``index_put_``,
``fill_diagonal_``, ``masked_scatter_``, ``scatter_add_``, ``index_copy_``, ``put_``,
``assign_value``, ``requires_grad_``, the random fills ``random_``, ``exponential_``,
``bernoulli_`` and the draws ``uniform``, ``log_normal``, ``cauchy``, and ``ger``, ``adjoint``,
``has_init``. In-place methods store through
``_tensor_inplace._store`` (the same rules: cast to the tensor's dtype, written where NumPy views
see it, refused on a leaf a running ``grad`` differentiates). Installed with the other Python
methods (``_tensor_methods``)."""
import numpy as _np

from . import _C
from ._C import Tensor
from ._errors import DTypeError, ShapeError, TensorIndexError
from ._tensor_inplace import _check_target, _float_target, _ops, _store
from .common import dtype as mstype
from .common.generator import using as _using


def _index_tuple(op, x, indices):
    """`indices` as Int64 tensors broadcast to one shape, negative positions wrapped; a Bool
    index stands for the positions of its True elements (as many axes as it has)."""
    if isinstance(indices, Tensor):
        indices = (indices,)
    if not isinstance(indices, (tuple, list)) or not all(isinstance(i, Tensor) for i in indices):
        raise DTypeError(f"For '{op}', 'indices' must be a tuple of Tensors, but got {indices!r}.")
    cols = []
    for i in indices:
        if i.dtype == mstype.bool_:
            cols.extend(_ops().nonzero(i).unbind(1) if i.ndim else [])
        elif i.dtype in mstype.int_type or i.dtype in mstype.uint_type:
            cols.append(i.astype(mstype.int64))
        else:
            raise DTypeError(f"For '{op}', each index must be an integer or Bool Tensor, but got "
                             f"{i.dtype}.")
    if len(cols) > x.ndim:
        raise TensorIndexError(f"For '{op}', too many indices ({len(cols)}) for a tensor of shape "
                               f"{list(x.shape)}.")
    try:
        shape = _np.broadcast_shapes(*[tuple(c.shape) for c in cols])
    except ValueError:
        raise ShapeError(f"For '{op}', the index shapes {[list(c.shape) for c in cols]} cannot be "
                         "broadcast together.") from None
    out = []
    for axis, c in enumerate(cols):
        d = x.shape[axis]
        a = c.asnumpy()
        if a.size and (a.min() < -d or a.max() >= d):
            raise TensorIndexError(f"For '{op}', an index is out of range for axis {axis} of size "
                                   f"{d} (shape {list(x.shape)}).")
        out.append(_ops().broadcast_to(_C.where_(c < 0, c + d, c), shape))
    return out, shape


def index_put(self, indices, values, accumulate=False):
    """A copy of ``self`` with ``values`` written at ``self[indices]`` (added there, duplicates
    summed, when `accumulate`).

    Args:
        indices (tuple[Tensor]): One integer (or Bool) Tensor per leading axis, broadcast together.
        values (Tensor): The values, broadcast to the indexed shape.
        accumulate (bool): Add instead of writing. Default: ``False``.

    Returns:
        Tensor, of ``self``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[0.0, 0.0], [0.0, 0.0]])
        >>> print(x.index_put((ms.Tensor([0, 0]), ms.Tensor([1, 1])), ms.Tensor([5.0, 6.0]), True))
        [[ 0. 11.]
         [ 0.  0.]]
    """
    if not isinstance(accumulate, bool):
        raise DTypeError(f"For 'index_put', 'accumulate' must be a bool, but got {accumulate!r}.")
    cols, shape = _index_tuple("index_put", self, indices)
    if not cols:
        return self.copy()
    ops = _ops()
    at = ops.stack(cols, -1)
    rest = tuple(self.shape[len(cols):])
    vals = values if isinstance(values, Tensor) else Tensor(values, self.dtype)
    try:
        vals = ops.broadcast_to(vals.astype(self.dtype), tuple(shape) + rest)
    except ValueError:
        raise ShapeError(f"For 'index_put', 'values' of shape {list(vals.shape)} cannot be "
                         f"broadcast to the indexed shape {list(tuple(shape) + rest)}.") from None
    if accumulate:
        return ops.tensor_scatter_add(self, at, vals)
    return ops.tensor_scatter_update(self, at, vals)


def index_put_(self, indices, values, accumulate=False):
    """``index_put`` in place; returns ``self``.

    Args:
        indices (tuple[Tensor]): One integer (or Bool) Tensor per leading axis, broadcast together.
        values (Tensor): The values, broadcast to the indexed shape.
        accumulate (bool): Add instead of writing. Default: ``False``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.0, 0.0, 0.0])
        >>> print(x.index_put_((ms.Tensor([2]),), ms.Tensor([4.0])))
        [0. 0. 4.]
    """
    return _store(self, "index_put_", index_put(self, indices, values, accumulate))


def fill_diagonal_(self, fill_value, wrap=False):
    """Fills the main diagonal (of a matrix, or of a tensor whose axes all have one length) with
    `fill_value` in place; for a tall matrix with `wrap`, the diagonal restarts every
    ``columns + 1`` rows, as NumPy's and PyTorch's. Returns ``self``.

    Args:
        fill_value (number): The value.
        wrap (bool): Continue the diagonal below the first square of a tall matrix. Default: ``False``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.ops.zeros((3, 2)).fill_diagonal_(1.0))
        [[1. 0.]
         [0. 1.]
         [0. 0.]]
    """
    shape = tuple(self.shape)
    if len(shape) < 2 or (len(shape) > 2 and len(set(shape)) != 1):
        raise ShapeError(f"For 'fill_diagonal_', the tensor must be 2-D or have all dimensions of "
                         f"equal length, but got shape {list(shape)}.")
    mask = _np.zeros(shape, bool)
    if len(shape) == 2:
        rows, cols = shape
        step = cols + 1
        end = rows * cols if wrap else min(rows, cols) * cols
        mask.reshape(-1)[:end:step] = True
    else:
        n = shape[0]
        mask[(_np.arange(n),) * len(shape)] = True
    value = _C.full((), fill_value, self.dtype) if not isinstance(fill_value, Tensor) else fill_value
    return _store(self, "fill_diagonal_", _C.where_(Tensor(mask), value.astype(self.dtype), self))


def masked_scatter_(self, mask, source):
    """``masked_scatter`` in place: the elements where `mask` is True take ``source``'s
    elements in order; returns ``self``.

    Args:
        mask (Tensor): Bool, broadcast to ``self``'s shape.
        source (Tensor): At least as many elements as `mask` has True.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.0, 0.0, 0.0, 0.0])
        >>> print(x.masked_scatter_(ms.Tensor([True, False, True, False]), ms.Tensor([7.0, 8.0, 9.0])))
        [7. 0. 8. 0.]
    """
    return _store(self, "masked_scatter_", self.masked_scatter(mask, source))


def scatter_add_(self, dim, index, src):
    """``self[..., index[i], ...] += src[i]`` along `dim` in place (``scatter_add``); returns
    ``self``.

    Args:
        dim (int): The axis.
        index (Tensor): Integer positions, of `src`'s shape.
        src (Tensor): The addends.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.ops.zeros((2, 3))
        >>> print(x.scatter_add_(1, ms.Tensor([[0, 0], [2, 1]]), ms.Tensor([[1.0, 2.0], [3.0, 4.0]])))
        [[3. 0. 0.]
         [0. 4. 3.]]
    """
    return _store(self, "scatter_add_", self.scatter_add(dim, index, src))


def index_copy_(self, dim, index, tensor):
    """Copies the slices of `tensor` along `dim` to positions `index` of ``self`` in place;
    returns ``self``.

    Args:
        dim (int): The axis.
        index (Tensor): 1-D integer positions along `dim`.
        tensor (Tensor): ``self``'s shape with ``len(index)`` along `dim`.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.ops.zeros((3, 2))
        >>> print(x.index_copy_(0, ms.Tensor([2, 0]), ms.Tensor([[1.0, 2.0], [3.0, 4.0]])))
        [[3. 4.]
         [0. 0.]
         [1. 2.]]
    """
    if not isinstance(index, Tensor) or index.ndim > 1:
        raise ShapeError(f"For 'index_copy_', 'index' must be a 1-D Tensor, but got {index!r}.")
    d = dim % max(self.ndim, 1) if isinstance(dim, int) else dim
    if not isinstance(d, int) or not -self.ndim <= dim < max(self.ndim, 1):
        raise TensorIndexError(f"For 'index_copy_', 'dim' {dim} is out of range for shape "
                               f"{list(self.shape)}.")
    want = tuple(len(index.reshape(-1)) if a == d else n for a, n in enumerate(self.shape))
    if tuple(tensor.shape) != want:
        raise ShapeError(f"For 'index_copy_', 'tensor' must have shape {list(want)}, but got "
                         f"{list(tensor.shape)}.")
    shape = [1] * self.ndim
    shape[d] = -1
    full = _ops().broadcast_to(index.astype(mstype.int64).reshape(shape), want)
    return _store(self, "index_copy_", self.scatter(d, full, tensor.astype(self.dtype)))


def assign_value(self, value):
    """Sets ``self``'s value to `value` in place and returns ``self``: a Tensor takes `value`'s
    shape and dtype too, as MindSpore 2.10's (written into its memory when they are the same);
    a Parameter keeps its shape (`value` is cast and written).

    Args:
        value (Tensor): The new value.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1, 2, 3, 4])
        >>> print(x.assign_value(ms.Tensor([[1.5, 2.5]])), x.dtype)
        [[1.5 2.5]] Float32
    """
    from .common.parameter import Parameter
    if (isinstance(value, Tensor) and not isinstance(self, Parameter)
            and (value.shape != self.shape or value.dtype != self.dtype)):
        _check_target(self, "assign_value")
        self._rebind(value.copy())
        return self
    return _store(self, "assign_value", value)


def requires_grad_(self, requires_grad=True):
    """Sets ``requires_grad``; returns ``self``.

    Args:
        requires_grad (bool): The flag. Default: ``True``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0]).requires_grad_()
        >>> x.requires_grad
        True
    """
    self.requires_grad = bool(requires_grad)
    return self


def _draw(op, shape, dtype, generator):
    with _using(op, generator):
        return _C.rand(tuple(shape), mstype.float64 if dtype == mstype.float64 else mstype.float32)


def random_(self, from_=0, to=None, *, generator=None):
    """Fills ``self`` with integers drawn uniformly from ``[from_, to)`` (to ``2^mantissa`` for
    a float tensor, or the dtype's largest value, when `to` is None), in place; returns ``self``.

    Args:
        from_ (int): The lower bound. Default: ``0``.
        to (int, optional): The upper bound (excluded). Default: ``None``.
        generator (Generator, optional): The generator to draw from. Default: ``None``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.ops.zeros(100).random_(2, 5)
        >>> sorted(set(x.asnumpy().tolist())) <= [2.0, 3.0, 4.0]
        True
    """
    if to is None:
        bits = {mstype.float16: 11, mstype.bfloat16: 8, mstype.float32: 24, mstype.float64: 53}
        if self.dtype in bits:
            to = 2 ** bits[self.dtype] + 1
        elif self.dtype == mstype.bool_:
            to = 2
        else:
            to = int(_np.iinfo(mstype.dtype_to_nptype(self.dtype)).max) + 1
    lo, hi = int(from_), int(to)
    if lo >= hi:
        raise ShapeError(f"For 'random_', 'from_' must be below 'to', but got {lo} and {hi}.")
    u = _draw("random_", self.shape, mstype.float64, generator)
    return _store(self, "random_", (u * float(hi - lo)).floor() + lo)


def exponential_(self, lambd=1, *, generator=None):
    """Fills ``self`` with draws of the exponential distribution of rate `lambd`, in place;
    returns ``self``.

    Args:
        lambd (float): The rate (positive). Default: ``1``.
        generator (Generator, optional): The generator to draw from. Default: ``None``.

    Returns:
        Tensor, ``self`` (a float tensor).

    Examples:
        >>> import mindspore as ms
        >>> x = ms.ops.zeros(4).exponential_(2.0)
        >>> bool((x >= 0).all())
        True
    """
    _float_target(self, "exponential_")
    if not float(lambd) > 0:
        raise ShapeError(f"For 'exponential_', 'lambd' must be positive, but got {lambd}.")
    u = _draw("exponential_", self.shape, self.dtype, generator)
    return _store(self, "exponential_", -(1 - u).log() / float(lambd))


def bernoulli_(self, p=0.5, *, generator=None):
    """Fills ``self`` with draws of the Bernoulli distribution of probability `p` (a number, or a
    Tensor broadcast to ``self``'s shape): 1 with probability `p`, else 0, in place; returns
    ``self``.

    Args:
        p (Union[float, Tensor]): The probability of a 1, in ``[0, 1]``. Default: ``0.5``.
        generator (Generator, optional): The generator to draw from. Default: ``None``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.ops.zeros(3).bernoulli_(1.0))
        [1. 1. 1.]
    """
    if isinstance(p, Tensor):
        prob = p.astype(mstype.float64)
        if prob.size and not bool(((prob >= 0) & (prob <= 1)).all()):
            raise ShapeError("For 'bernoulli_', the probabilities 'p' must be in [0, 1].")
    elif isinstance(p, bool) or not isinstance(p, (int, float, _np.number)):
        raise DTypeError(f"For 'bernoulli_', 'p' must be a float or a Tensor, but got {type(p).__name__}.")
    elif not 0.0 <= float(p) <= 1.0:
        raise ShapeError(f"For 'bernoulli_', 'p' must be in [0, 1], but got {p}.")
    else:
        prob = float(p)
    u = _draw("bernoulli_", self.shape, mstype.float64, generator)
    return _store(self, "bernoulli_", (u < prob).astype(self.dtype))


def put_(self, index, source, accumulate=False):
    """Writes the elements of `source` at the positions `index` of ``self`` read as a 1-D tensor
    (row-major; negative positions count from the end), in place; with `accumulate` they are
    added (repeated positions summed). Returns ``self``.

    Args:
        index (Tensor): Integer positions into ``self.reshape(-1)``.
        source (Tensor): As many values as `index` has elements (cast to ``self``'s dtype).
        accumulate (bool): Add instead of writing. Default: ``False``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1., 2.], [3., 4.]])
        >>> print(x.put_(ms.Tensor([0, -1]), ms.Tensor([9., 8.])))
        [[9. 2.]
         [3. 8.]]
    """
    if not isinstance(index, Tensor) or not (index.dtype in mstype.int_type or index.dtype in mstype.uint_type):
        got = index.dtype if isinstance(index, Tensor) else type(index).__name__
        raise DTypeError(f"For 'put_', 'index' must be an integer Tensor, but got {got}.")
    if not isinstance(source, Tensor):
        raise DTypeError(f"For 'put_', 'source' must be a Tensor, but got {type(source).__name__}.")
    if not isinstance(accumulate, bool):
        raise DTypeError(f"For 'put_', 'accumulate' must be a bool, but got {type(accumulate).__name__}.")
    if index.size != source.size:
        raise ShapeError(f"For 'put_', 'index' and 'source' must have as many elements, but got shapes "
                         f"{list(index.shape)} and {list(source.shape)}.")
    n = self.size
    flat_index = index.astype(mstype.int64).reshape(-1)
    positions = flat_index.asnumpy()
    if positions.size and (positions.min() < -n or positions.max() >= n):
        raise TensorIndexError(f"For 'put_', an index is out of range [{-n}, {n}) of the tensor of shape "
                               f"{list(self.shape)}.")
    flat_index = _C.where_(flat_index < 0, flat_index + n, flat_index).reshape(-1, 1)
    values = source.reshape(-1).astype(self.dtype)
    scatter = _ops().tensor_scatter_add if accumulate else _ops().tensor_scatter_update
    return _store(self, "put_", scatter(self.reshape(-1), flat_index, values).reshape(self.shape))


def uniform(self, from_=0., to=1., generator=None):
    """A new tensor of ``self``'s shape and dtype with draws uniform in ``[from_, to)``.

    Args:
        from_ (float): The lower bound. Default: ``0.``.
        to (float): The upper bound. Default: ``1.``.
        generator (Generator, optional): The generator to draw from. Default: ``None``.

    Returns:
        Tensor, of ``self``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.ops.zeros(3).uniform(2.0, 3.0)
        >>> bool(((x >= 2) & (x < 3)).all())
        True
    """
    _float_target(self, "uniform")
    if not float(from_) <= float(to):
        raise ShapeError(f"For 'uniform', 'from_' must be at most 'to', but got {from_} and {to}.")
    u = _draw("uniform", self.shape, self.dtype, generator)
    return (u * (float(to) - float(from_)) + float(from_)).astype(self.dtype)


def log_normal(self, mean=1.0, std=2.0):
    """A new tensor of ``self``'s shape and dtype with draws ``exp(N(mean, std²))``.

    Args:
        mean (float): The mean of the logarithm. Default: ``1.0``.
        std (float): The standard deviation of the logarithm (positive). Default: ``2.0``.

    Returns:
        Tensor, of ``self``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> bool((ms.ops.zeros(5).log_normal() > 0).all())
        True
    """
    _float_target(self, "log_normal")
    if not float(std) > 0:
        raise ShapeError(f"For 'log_normal', 'std' must be positive, but got {std}.")
    z = _C.randn(tuple(self.shape), mstype.float64 if self.dtype == mstype.float64 else mstype.float32)
    return (z * float(std) + float(mean)).exp().astype(self.dtype)


def cauchy(self, median=0.0, sigma=1.0):
    """A new tensor of ``self``'s shape and dtype with draws of the Cauchy distribution
    ``median + sigma·tan(π(u − ½))``.

    Args:
        median (float): The location. Default: ``0.0``.
        sigma (float): The scale (positive). Default: ``1.0``.

    Returns:
        Tensor, of ``self``'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> ms.ops.zeros((2, 3)).cauchy().shape
        (2, 3)
    """
    _float_target(self, "cauchy")
    if not float(sigma) > 0:
        raise ShapeError(f"For 'cauchy', 'sigma' must be positive, but got {sigma}.")
    u = _draw("cauchy", self.shape, self.dtype, None)
    return ((u - 0.5) * _np.pi).tan().mul(float(sigma)).add(float(median)).astype(self.dtype)


def ger(self, vec2):
    """The outer product of two 1-D tensors.

    Args:
        vec2 (Tensor): 1-D, of ``self``'s dtype.

    Returns:
        Tensor of shape ``[len(self), len(vec2)]``.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0]).ger(ms.Tensor([3.0, 4.0])))
        [[3. 4.]
         [6. 8.]]
    """
    if not isinstance(vec2, Tensor) or self.ndim != 1 or vec2.ndim != 1:
        raise ShapeError(f"For 'Ger', both inputs must be 1-D Tensors, but got shape "
                         f"{list(self.shape)} and {vec2!r}.")
    return self.reshape(-1, 1) * vec2.reshape(1, -1)


def adjoint(self):
    """The conjugate transpose of the last two axes.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0]]).adjoint())
        [[1.]
         [2.]]
    """
    if self.ndim < 2:
        raise ShapeError(f"For 'adjoint', the tensor must have at least 2 dims, but got shape "
                         f"{list(self.shape)}.")
    x = self.conj() if self.dtype in (mstype.complex64, mstype.complex128) else self
    return x.swapaxes(-1, -2)


def _has_init(self):
    """False: a tensor here always holds its data (MindSpore's lazily initialised tensors have
    True until ``init_data``)."""
    del self
    return False


METHODS = {
    "index_put": index_put, "index_put_": index_put_, "fill_diagonal_": fill_diagonal_,
    "masked_scatter_": masked_scatter_, "scatter_add_": scatter_add_, "index_copy_": index_copy_,
    "assign_value": assign_value, "requires_grad_": requires_grad_, "random_": random_,
    "exponential_": exponential_, "uniform": uniform, "log_normal": log_normal, "cauchy": cauchy,
    "ger": ger, "adjoint": adjoint, "bernoulli_": bernoulli_, "put_": put_,
}
PROPERTIES = {"has_init": _has_init}
