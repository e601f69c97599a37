"""``mindspore.dataset.transforms``: general per-sample transforms (``Compose``, ``TypeCast``,
``OneHot``, ``Fill``, ``Duplicate``, ``RandomApply``, ``RandomChoice``, ``RandomOrder``,
``Concatenate``, ``Mask``, ``PadEnd``, ``Slice``, ``Unique``), callables on NumPy arrays as a
dataset's ``map`` applies them. The random ones draw from the pipeline's generator
(``config.set_seed`` restarts it)."""
import enum as _enum
import operator as _operator

import numpy as _np

from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from .. import config as _config

__all__ = ["Compose", "TypeCast", "OneHot", "Fill", "Duplicate", "RandomApply", "RandomChoice",
           "RandomOrder", "Concatenate", "Mask", "PadEnd", "Slice", "Unique", "Relational"]


def _numpy_dtype(dtype):
    """A NumPy dtype from a MindSpore dtype (``ms.float32``), a NumPy dtype or its name."""
    if isinstance(dtype, mstype.Type):
        dtype = dtype._short
    try:
        return _np.dtype(dtype)
    except TypeError:
        raise DTypeError(f"For 'TypeCast', 'data_type' must be a MindSpore or NumPy dtype, but got "
                         f"{dtype!r}.") from None


class Compose:
    """Applies ``transforms`` in order."""

    def __init__(self, transforms):
        if not isinstance(transforms, (list, tuple)) or not all(callable(t) for t in transforms):
            raise DTypeError("For 'Compose', 'transforms' must be a list of callables.")
        self.transforms = list(transforms)

    def __call__(self, *data):
        out = data if len(data) > 1 else data[0]
        for t in self.transforms:
            out = t(*out) if isinstance(out, tuple) else t(out)
        return out

    def _on_batch(self, batch):
        for t in self.transforms:
            batch = None if not hasattr(t, "_on_batch") else t._on_batch(batch)
            if batch is None:
                return None
        return batch


class TypeCast:
    """Casts the array to ``data_type``."""

    def __init__(self, data_type):
        self.dtype = _numpy_dtype(data_type)

    def __call__(self, x):
        return _np.asarray(x).astype(self.dtype)

    def _on_batch(self, batch):
        """The per-row results, stacked, computed on the stacked rows at once."""
        return batch.astype(self.dtype)


class OneHot:
    """Class indices to one-hot rows of ``num_classes`` in the labels' dtype; with a
    ``smoothing_rate`` ``r``, Float64 rows of ``r/num_classes`` with ``1 − r + r/num_classes`` at
    the label. (MindSpore 2.10 smooths only the last row of a batch of labels, the others all
    ``r/num_classes``: a bug; every row is smoothed here.)"""

    def __init__(self, num_classes, smoothing_rate=0.0):
        if not isinstance(num_classes, int) or num_classes <= 0:
            raise ShapeError(f"For 'OneHot', 'num_classes' must be a positive int, got {num_classes!r}.")
        self.num_classes, self.smoothing_rate = num_classes, float(smoothing_rate)

    def __call__(self, x):
        x = _np.asarray(x)
        if not _np.issubdtype(x.dtype, _np.integer) or (x < 0).any() or (x >= self.num_classes).any():
            raise ShapeError(f"For 'OneHot', the labels must be ints in [0, {self.num_classes}).")
        if self.smoothing_rate:
            out = _np.eye(self.num_classes, dtype=_np.float64)[x]
            return out * (1 - self.smoothing_rate) + self.smoothing_rate / self.num_classes
        return _np.eye(self.num_classes, dtype=x.dtype)[x]


class Fill:
    """Every element set to ``fill_value``."""

    def __init__(self, fill_value):
        self.fill_value = fill_value

    def __call__(self, x):
        return _np.full_like(_np.asarray(x), self.fill_value)


class Duplicate:
    """The input twice (two columns)."""

    def __call__(self, x):
        a = _np.asarray(x)
        return a, a.copy()
def _callables(op, transforms):
    if not isinstance(transforms, (list, tuple)) or not transforms or \
            not all(callable(t) for t in transforms):
        raise DTypeError(f"For '{op}', 'transforms' must be a non-empty list of callables, but got "
                         f"{transforms!r}.")
    return list(transforms)


def _apply(t, out):
    return t(*out) if isinstance(out, tuple) else t(out)


class RandomApply:
    """Applies ``transforms`` in order with probability ``prob``, else passes the input on."""

    def __init__(self, transforms, prob=0.5):
        self.transforms = _callables("RandomApply", transforms)
        if isinstance(prob, bool) or not isinstance(prob, (int, float)) or not 0 <= prob <= 1:
            raise ShapeError(f"For 'RandomApply', 'prob' must be a number in [0, 1], but got {prob!r}.")
        self.prob = float(prob)

    def __call__(self, *data):
        out = data if len(data) > 1 else data[0]
        if _config._generator().random() >= self.prob:
            return out
        for t in self.transforms:
            out = _apply(t, out)
        return out


class RandomChoice:
    """Applies one of ``transforms``, chosen uniformly at random per sample."""

    def __init__(self, transforms):
        self.transforms = _callables("RandomChoice", transforms)

    def __call__(self, *data):
        t = self.transforms[int(_config._generator().integers(len(self.transforms)))]
        return _apply(t, data if len(data) > 1 else data[0])


class RandomOrder:
    """Applies every one of ``transforms``, in a random order per sample."""

    def __init__(self, transforms):
        self.transforms = _callables("RandomOrder", transforms)

    def __call__(self, *data):
        out = data if len(data) > 1 else data[0]
        for k in _config._generator().permutation(len(self.transforms)):
            out = _apply(self.transforms[int(k)], out)
        return out


class Concatenate:
    """``prepend``, the input and ``append`` joined along ``axis`` (1-D inputs, as MindSpore's)."""

    def __init__(self, axis=0, prepend=None, append=None):
        if axis not in (0, -1):
            raise ShapeError(f"For 'Concatenate', only 'axis' 0 or -1 is supported, but got {axis!r}.")
        self.axis = axis
        self.prepend = None if prepend is None else _np.asarray(prepend)
        self.append = None if append is None else _np.asarray(append)

    def __call__(self, x):
        parts = [p for p in (self.prepend, _np.asarray(x), self.append) if p is not None]
        if any(p.ndim != 1 for p in parts):
            raise ShapeError(f"For 'Concatenate', the input, prepend and append must be 1-D, but "
                             f"got shapes {[p.shape for p in parts]}.")
        return _np.concatenate(parts, 0)


class Relational(_enum.Enum):
    """The comparison of ``Mask``: ``EQ``, ``NE``, ``GT``, ``GE``, ``LT``, ``LE``."""

    EQ = _operator.eq
    NE = _operator.ne
    GT = _operator.gt
    GE = _operator.ge
    LT = _operator.lt
    LE = _operator.le


class Mask:
    """``operator(x, constant)`` elementwise, as ``dtype`` (Bool by default)."""

    def __init__(self, operator, constant, dtype=mstype.bool_):
        if not isinstance(operator, Relational):
            raise DTypeError(f"For 'Mask', 'operator' must be a Relational, but got {operator!r}.")
        self.operator, self.constant, self.dtype = operator, constant, _numpy_dtype(dtype)

    def __call__(self, x):
        out = _np.asarray(self.operator.value(_np.asarray(x), self.constant))
        if out.shape != _np.shape(x):  # NumPy compares a string to numbers as one False
            raise DTypeError(f"For 'Mask', the input ({_np.asarray(x).dtype}) cannot be compared "
                             f"with the constant {self.constant!r}.")
        return out.astype(self.dtype)


class PadEnd:
    """The input padded at the end of each axis to ``pad_shape`` with ``pad_value`` (0 by
    default); an axis already longer is cut."""

    def __init__(self, pad_shape, pad_value=None):
        if not isinstance(pad_shape, (list, tuple)) or not all(
                isinstance(d, int) and d >= 0 for d in pad_shape):
            raise ShapeError(f"For 'PadEnd', 'pad_shape' must be a list of non-negative ints, but "
                             f"got {pad_shape!r}.")
        self.pad_shape, self.pad_value = list(pad_shape), pad_value

    def __call__(self, x):
        a = _np.asarray(x)
        if a.ndim != len(self.pad_shape):
            raise ShapeError(f"For 'PadEnd', 'pad_shape' {self.pad_shape} must have the input's "
                             f"rank, but the input has shape {list(a.shape)}.")
        out = _np.full(self.pad_shape, 0 if self.pad_value is None else self.pad_value, a.dtype)
        keep = tuple(slice(0, min(n, m)) for n, m in zip(a.shape, self.pad_shape))
        out[keep] = a[keep]
        return out


class Slice:
    """``x[slices]``: each argument is an int, a list of ints, a ``slice``, ``None`` or
    ``Ellipsis``, for one axis."""

    def __init__(self, *slices):
        for s in slices:
            if not (s is None or s is Ellipsis or isinstance(s, (int, slice))
                    or (isinstance(s, list) and all(isinstance(i, int) for i in s))):
                raise DTypeError(f"For 'Slice', each argument must be an int, a list of ints, a "
                                 f"slice, None or Ellipsis, but got {s!r}.")
        self.slices = slices

    def __call__(self, x):
        a = _np.asarray(x)
        key = tuple(slice(None) if s is None else ([s] if isinstance(s, int) else s)
                    for s in self.slices)
        return a[key]


class Unique:
    """The unique elements of a 1-D input in order of first appearance, the index of each input
    element among them, and their counts (three columns)."""

    def __call__(self, x):
        a = _np.asarray(x)
        if a.ndim != 1:
            raise ShapeError(f"For 'Unique', the input must be 1-D, but got shape {list(a.shape)}.")
        _, first, inverse, counts = _np.unique(a, return_index=True, return_inverse=True,
                                               return_counts=True)
        order = _np.argsort(first, kind="stable")
        rank = _np.empty_like(order)
        rank[order] = _np.arange(order.size)
        return a[first[order]], rank[inverse].astype(_np.int32), counts[order].astype(_np.int32)


# Each transform names itself in its errors (construction and call).
from ..._errors import with_op_name_class as _with_op_name_class  # noqa: E402

for _name in __all__:
    if isinstance(globals()[_name], type) and not issubclass(globals()[_name], _enum.Enum):
        _with_op_name_class(globals()[_name])
from . import transforms  # noqa: E402,F401 - MindSpore's module of these classes
