"""MindSpore 2.x's in-place Tensor methods (``add_``, ``mul_``, ``copy_``, ``fill_``, ``zero_``,
``clamp_``, ``uniform_``, ``normal_``, ``masked_fill_``, ``index_fill_``, ``scatter_``, ...),
installed on the native class with the other Python methods.

A Tensor is a value in our engine; an in-place method computes the new value with the functional
op, casts it to the tensor's dtype, broadcasts it to its shape, and stores it in the tensor, as
``ops.assign`` does; it returns the tensor itself. As in MindSpore 2.10, the new elements are
written into the memory that NumPy arrays from ``asnumpy()`` (and DLPack consumers) see, where
``Parameter.set_data`` gives the tensor new memory that earlier arrays do not see. So inside a
differentiated function the update is differentiable (later uses see the new value and its
gradient), and inside ``jit`` an argument updated in place is written back. As MindSpore does,
an input that a running ``grad`` differentiates (a leaf that needs a gradient) may not be
modified in place, nor may a view output of a custom ``_Function`` (RuntimeError).

As in MindSpore 2.10's PyNative mode, modifying a view (``x[1:3]``, ``x.view(...)``) in place
changes the tensor it was taken from and that tensor's other views (``_views.py``). (MindSpore
2.10's CPU build leaves the tensor unchanged for most of these methods and returns a new one; we
follow its documentation.)"""
import numbers as _numbers

import numpy as _np

from . import _C
from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError
from .common import dtype as mstype
from .common.generator import using as _using
from .ops.function import array_func as _array
from .ops.function import math_func as _math

_FLOATS = (mstype.float16, mstype.bfloat16, mstype.float32, mstype.float64)

# What an output of a custom ``_Function`` that is a view may not be modified with, by kind.
_CUSTOM_VIEW = {
    "single": "This view tensor is output of custom cell, which has custom bprop, it may not "
              "support view+inplace",
    "multi": "A view of base is being inplace modified, and it is an output of a multi-output "
             "custom function",
}


def _check_target(self, op):
    kind = getattr(self, "_ems_custom_view", None)
    if kind:
        raise ComputeError(f"For '{op}', {_CUSTOM_VIEW[kind]}.")
    if self._is_grad_leaf:
        raise ComputeError(f"For '{op}', A leaf tensor that need grad is being used in an inplace "
                           f"operator (shape {list(self.shape)}, dtype {self.dtype}); modify a "
                           "copy of it instead.")


def _store(self, op, value):
    """Rebinds ``self`` to ``value`` (cast to its dtype, broadcast to its shape); returns ``self``."""
    _check_target(self, op)
    if not isinstance(value, Tensor):
        value = Tensor(value, self.dtype)
    shape = tuple(self.shape)
    if tuple(value.shape) != shape:
        try:
            ok = _np.broadcast_shapes(tuple(value.shape), shape) == shape
        except ValueError:
            ok = False
        if not ok:
            raise ShapeError(f"For '{op}', the result of shape {list(value.shape)} cannot be "
                             f"written into the tensor of shape {list(shape)}.")
        value = value.broadcast_to(shape)
    # Written into the memory NumPy/DLPack arrays of ``self`` see, as MindSpore's in-place ops do.
    self._write(value.astype(self.dtype))
    self._written()  # a view's base and the base's other views see the write
    return self


def _ops():
    """``easy_mindspore.ops`` (imported on first use: it imports this package's Tensor)."""
    from . import ops
    return ops


def _number_or_tensor(op, name, v):
    if isinstance(v, Tensor) or (isinstance(v, _numbers.Number) and not isinstance(v, complex)):
        return v
    raise DTypeError(f"For '{op}', '{name}' must be a Tensor or a number, but got {type(v).__name__}.")


def _scaled(op, other, alpha):
    other = _number_or_tensor(op, "other", other)
    return other if alpha == 1 else other * alpha


def add_(self, other, *, alpha=1):
    """``self += alpha * other`` in place; returns ``self``.

    Args:
        other (Union[Tensor, number]): the addend, broadcast to ``self``'s shape.
        alpha (number): its multiplier. Default: ``1``.

    Returns:
        Tensor, ``self`` holding the sum (in its own dtype).

    Examples:
        >>> from easy_mindspore import Tensor
        >>> x = Tensor([1.0, 2.0])
        >>> print(x.add_(Tensor([1.0, 1.0]), alpha=2))
        [3. 4.]
    """
    return _store(self, "add_", self + _scaled("add_", other, alpha))


def sub_(self, other, *, alpha=1):
    """``self -= alpha * other`` in place; returns ``self``.

    Args:
        other (Union[Tensor, number]): the subtrahend, broadcast to ``self``'s shape.
        alpha (number): its multiplier. Default: ``1``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([3.0, 4.0]).sub_(1.5))
        [1.5 2.5]
    """
    return _store(self, "sub_", self - _scaled("sub_", other, alpha))


def mul_(self, other):
    """``self *= other`` in place; returns ``self``.

    Args:
        other (Union[Tensor, number]): the factor, broadcast to ``self``'s shape.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([1.0, -2.0]).mul_(3))
        [ 3. -6.]
    """
    return _store(self, "mul_", self * _number_or_tensor("mul_", "other", other))


def div_(self, other, *, rounding_mode=None):
    """``self /= other`` in place; returns ``self``.

    Args:
        other (Union[Tensor, number]): the divisor.
        rounding_mode (str, optional): ``None`` (true division), ``'floor'`` or ``'trunc'``.
            Default: ``None``.

    Returns:
        Tensor, ``self`` (the quotient cast to its dtype).

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([7.0, -7.0]).div_(2, rounding_mode='floor'))
        [ 3. -4.]
    """
    other = _number_or_tensor("div_", "other", other)
    if rounding_mode is None:
        q = _ops().div(self, other)
    elif rounding_mode == "floor":
        q = _math.floor_divide(self, other)
    elif rounding_mode == "trunc":
        q = _math.trunc(_ops().div(self, other))
    else:
        raise ShapeError(f"For 'div_', 'rounding_mode' must be None, 'floor' or 'trunc', but got "
                         f"{rounding_mode!r}.")
    return _store(self, "div_", q)


def copy_(self, src, non_blocking=False):
    """Copies ``src`` (broadcast, cast to ``self``'s dtype) into ``self``; returns ``self``.

    Args:
        src (Tensor): the values.
        non_blocking (bool): accepted for MindSpore's signature (copies are synchronous).
            Default: ``False``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[0.0, 0.0], [0.0, 0.0]]).copy_(Tensor([1, 2])))
        [[1. 2.]
         [1. 2.]]
    """
    if not isinstance(src, Tensor):
        raise DTypeError(f"For 'copy_', 'src' must be a Tensor, but got {type(src).__name__}.")
    return _store(self, "copy_", src)


def fill_(self, value):
    """Fills ``self`` with ``value`` in place; returns ``self``.

    Args:
        value (Union[number, Tensor]): a number or a 0-D (or one-element) Tensor.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([1, 2, 3]).fill_(7))
        [7 7 7]
    """
    value = _number_or_tensor("fill_", "value", value)
    if isinstance(value, Tensor):
        if value.size != 1:
            raise ShapeError(f"For 'fill_', a Tensor 'value' must hold one element, but got shape "
                             f"{list(value.shape)}.")
        value = value.reshape(())
        return _store(self, "fill_", value.astype(self.dtype).broadcast_to(tuple(self.shape)))
    return _store(self, "fill_", _C.full(tuple(self.shape), value, self.dtype))


def zero_(self):
    """Fills ``self`` with zeros in place; returns ``self``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([1.5, 2.5]).zero_())
        [0. 0.]
    """
    return _store(self, "zero_", _C.full(tuple(self.shape), 0, self.dtype))


def clamp_(self, min=None, max=None):  # noqa: A002 - MindSpore's argument names
    """Clamps ``self`` to ``[min, max]`` in place; returns ``self``.

    Args:
        min (Union[Tensor, number], optional): the lower bound. Default: ``None``.
        max (Union[Tensor, number], optional): the upper bound. Default: ``None``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([-2.0, 0.5, 3.0]).clamp_(-1, 1))
        [-1.   0.5  1. ]
    """
    return _store(self, "clamp_", _math.clamp(self, min, max))


def _float_target(self, op):
    if self.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', the tensor must be of a float dtype, but got {self.dtype}.")


def uniform_(self, from_=0, to=1, *, generator=None):
    """Fills ``self`` with samples uniform in ``[from_, to)``, in place; returns ``self``.

    Args:
        from_ (number): the lower bound. Default: ``0``.
        to (number): the upper bound. Default: ``1``.
        generator (Generator, optional): The generator to draw from (None: the default one, which
            ``mindspore.set_seed`` restarts). Default: ``None``.

    Returns:
        Tensor, ``self`` (a float tensor).

    Examples:
        >>> import easy_mindspore as ms
        >>> x = ms.Tensor([0.0, 0.0, 0.0]).uniform_(2, 3)
        >>> bool(((x >= 2) & (x < 3)).all())
        True
    """
    _float_target(self, "uniform_")
    lo, hi = float(from_), float(to)
    if not lo <= hi:
        raise ShapeError(f"For 'uniform_', 'from_' must be at most 'to', but got {lo} and {hi}.")
    with _using("uniform_", generator):
        draw = _C.rand(tuple(self.shape), mstype.float64 if self.dtype == mstype.float64 else mstype.float32)
    return _store(self, "uniform_", draw * (hi - lo) + lo)


def normal_(self, mean=0, std=1, *, generator=None):
    """Fills ``self`` with samples of ``N(mean, std²)``, in place; returns ``self``.

    Args:
        mean (number): the mean. Default: ``0``.
        std (number): the standard deviation, non-negative. Default: ``1``.
        generator (Generator, optional): The generator to draw from (None: the default one, which
            ``mindspore.set_seed`` restarts). Default: ``None``.

    Returns:
        Tensor, ``self`` (a float tensor).

    Examples:
        >>> import easy_mindspore as ms
        >>> x = ms.Tensor([[0.0, 0.0]]).normal_(5, 0)
        >>> print(x)
        [[5. 5.]]
    """
    _float_target(self, "normal_")
    if float(std) < 0:
        raise ShapeError(f"For 'normal_', 'std' must be non-negative, but got {std}.")
    with _using("normal_", generator):
        draw = _C.randn(tuple(self.shape), mstype.float64 if self.dtype == mstype.float64 else mstype.float32)
    return _store(self, "normal_", draw * float(std) + float(mean))


def masked_fill_(self, mask, value):
    """Sets ``self`` to ``value`` where ``mask`` (Bool, broadcast) holds, in place; returns ``self``.

    Args:
        mask (Tensor): a Bool mask broadcastable to ``self``.
        value (Union[number, Tensor]): the fill value.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([1.0, 2.0, 3.0]).masked_fill_(Tensor([True, False, True]), 0.5))
        [0.5 2.  0.5]
    """
    return _store(self, "masked_fill_", _array.masked_fill(self, mask, value))


def index_fill_(self, dim, index, value):
    """Sets the entries at positions ``index`` along ``dim`` to ``value``, in place; returns ``self``.

    Args:
        dim (int): the axis.
        index (Tensor): 1-D integer positions along ``dim``.
        value (Union[number, Tensor]): the fill value (a number or a 0-D Tensor).

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor
        >>> x = Tensor(np.ones((2, 3), np.float32))
        >>> print(x.index_fill_(1, Tensor([0, 2]), -1.0))
        [[-1.  1. -1.]
         [-1.  1. -1.]]
    """
    return _store(self, "index_fill_", _array.index_fill(self, dim, index, value))


def scatter_(self, dim, index, src, *, reduce="none"):
    """Writes ``src`` (a Tensor, or a number for every position) at ``index`` along ``dim``, in
    place (``self[..., index[i][j], ...] = src[i][j]``); returns ``self``.

    Args:
        dim (int): the axis.
        index (Tensor): integer positions, of ``self``'s rank.
        src (Union[Tensor, number]): the values.
        reduce (str): ``'none'`` (replace), ``'add'`` (add, repeated positions add up) or
            ``'multiply'`` (multiply, repeated positions multiply up). Default: ``'none'``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor
        >>> x = Tensor(np.zeros((2, 3), np.float32))
        >>> print(x.scatter_(1, Tensor([[0], [2]]), Tensor([[9.0], [8.0]])))
        [[9. 0. 0.]
         [0. 0. 8.]]
    """
    if reduce in ("none", None):
        return _store(self, "scatter_", _array.scatter(self, dim, index, src))
    if reduce not in ("add", "multiply"):
        raise ShapeError(f"For 'scatter_', 'reduce' must be 'none', 'add' or 'multiply', but got "
                         f"{reduce!r}.")
    # Check the arguments as the replacing form does (shapes, dtypes, range), then combine.
    _array.scatter(self, dim, index, src)
    axis = dim + self.ndim if dim < 0 else dim
    idx = index.asnumpy().reshape(tuple(index.shape)).astype(_np.int64)
    idx = _np.where(idx < 0, idx + self.shape[axis], idx)
    coords = list(_np.indices(idx.shape, sparse=True))
    coords[axis] = idx
    if isinstance(src, Tensor):
        vals = src.asnumpy().reshape(tuple(src.shape))[tuple(slice(0, n) for n in idx.shape)]
    else:
        vals = _np.full(idx.shape, src)
    out = self.asnumpy().reshape(tuple(self.shape)).copy()
    (_np.add if reduce == "add" else _np.multiply).at(out, tuple(coords), vals.astype(out.dtype))
    return _store(self, "scatter_", Tensor(out, self.dtype))


def index_add_(self, dim, index, source, *, alpha=1):
    """Adds ``alpha * source`` at positions ``index`` along ``dim`` (repeated positions add up),
    in place; returns ``self``.

    Args:
        dim (int): the axis.
        index (Tensor): 1-D integer positions along ``dim``.
        source (Tensor): the addends, of ``self``'s shape with ``len(index)`` along ``dim``.
        alpha (number): the multiplier of ``source``. Default: ``1``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor
        >>> x = Tensor(np.zeros((2, 3), np.float32))
        >>> print(x.index_add_(1, Tensor([0, 0], np.int32), Tensor(np.ones((2, 2), np.float32))))
        [[2. 0. 0.]
         [2. 0. 0.]]
    """
    source = source if alpha == 1 else source * alpha
    return _store(self, "index_add_", _ops().index_add(self, index, source, dim))


def addmm_(self, mat1, mat2, *, beta=1, alpha=1):
    """``self = beta * self + alpha * (mat1 @ mat2)`` in place; returns ``self``.

    Args:
        mat1 (Tensor): an ``(n, k)`` matrix.
        mat2 (Tensor): a ``(k, m)`` matrix.
        beta (number): the multiplier of ``self``. Default: ``1``.
        alpha (number): the multiplier of the product. Default: ``1``.

    Returns:
        Tensor, ``self``.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor
        >>> x = Tensor(np.ones((2, 2), np.float32))
        >>> print(x.addmm_(Tensor(np.ones((2, 3), np.float32)), Tensor(np.ones((3, 2), np.float32))))
        [[4. 4.]
         [4. 4.]]
    """
    return _store(self, "addmm_", _math.addmm(self, mat1, mat2, beta=beta, alpha=alpha))


def _unary(name, fn):
    def method(self):
        return _store(self, name, fn(self))
    method.__doc__ = (f"``{name}``: the in-place form of ``{name[:-1]}`` (``self`` rebound to "
                      f"``{name[:-1]}(self)``, in its own dtype); returns ``self``.")
    return method


def _binary(name, fn):
    def method(self, other):
        return _store(self, name, fn(self, _number_or_tensor(name, "other", other)))
    method.__doc__ = (f"``{name}(other)``: the in-place form of ``{name[:-1]}``; returns ``self``.")
    return method


METHODS = {
    "add_": add_, "sub_": sub_, "mul_": mul_, "div_": div_, "copy_": copy_, "fill_": fill_,
    "zero_": zero_, "clamp_": clamp_, "uniform_": uniform_, "normal_": normal_,
    "masked_fill_": masked_fill_, "index_fill_": index_fill_, "scatter_": scatter_,
    "index_add_": index_add_, "addmm_": addmm_,
    "exp_": _unary("exp_", lambda x: _ops().exp(x)),
    "log_": _unary("log_", lambda x: _ops().log(x)),
    "floor_": _unary("floor_", lambda x: _ops().floor(x)),
    "sigmoid_": _unary("sigmoid_", lambda x: _ops().sigmoid(x)),
    "tanh_": _unary("tanh_", lambda x: _ops().tanh(x)),
    "sign_": _unary("sign_", lambda x: _ops().sign(x)),
    "erfinv_": _unary("erfinv_", lambda x: _math.erfinv(x)),
    "remainder_": _binary("remainder_", lambda x, y: _math.remainder(x, y)),
    "floor_divide_": _binary("floor_divide_", lambda x, y: _math.floor_divide(x, y)),
}
