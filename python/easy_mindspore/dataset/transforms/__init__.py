"""``mindspore.dataset.transforms``: general per-sample transforms (``Compose``, ``TypeCast``,
``OneHot``, ``Fill``), callables on NumPy arrays as a dataset's ``map`` applies them."""
import numpy as _np

from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["Compose", "TypeCast", "OneHot", "Fill", "Duplicate"]


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
    """Class indices to one-hot rows of ``num_classes`` (``smoothing_rate`` spreads mass)."""

    def __init__(self, num_classes, smoothing_rate=0.0):
        if not isinstance(num_classes, int) or num_classes <= 0:
            raise ShapeError(f"For 'OneHot', 'num_classes' must be a positive int, got {num_classes!r}.")
        self.num_classes, self.smoothing_rate = num_classes, float(smoothing_rate)

    def __call__(self, x):
        x = _np.asarray(x)
        if not _np.issubdtype(x.dtype, _np.integer) or (x < 0).any() or (x >= self.num_classes).any():
            raise ShapeError(f"For 'OneHot', the labels must be ints in [0, {self.num_classes}).")
        out = _np.eye(self.num_classes, dtype=_np.float32)[x]
        if self.smoothing_rate:
            out = out * (1 - self.smoothing_rate) + self.smoothing_rate / self.num_classes
            return out
        return out.astype(x.dtype)


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
# Each transform names itself in its errors (construction and call).
from ..._errors import with_op_name_class as _with_op_name_class  # noqa: E402

for _name in __all__:
    if isinstance(globals()[_name], type):
        _with_op_name_class(globals()[_name])
from . import transforms  # noqa: E402,F401 - MindSpore's module of these classes
