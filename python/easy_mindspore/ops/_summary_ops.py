"""The summary primitives (``ops.ScalarSummary``, ``ImageSummary``, ``TensorSummary``,
``HistogramSummary``, also ``operations``' own): each checks its tag and value and caches the
value under ``'<tag>[:Scalar]'`` (``[:Image]``, ``[:Tensor]``, ``[:Histogram]``) in
``_OP_CACHE``, which the next ``SummaryRecord.record`` of a training step writes and empties (a
later value of the same tag replaces the earlier one; values cached before a record opens are
written by its first record, as in MindSpore).

Inside a cell compiled in GRAPH_MODE (or a ``jit`` function) a summary primitive makes the
function run its Python at every call instead of a cached graph, so that every call caches its
values, as MindSpore's graph does; its errors are then those of MindSpore's graph compiler
(``For primitive[ScalarSummary], ...``), else those of PyNative mode."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .operations import Primitive

__all__ = ["ScalarSummary", "ImageSummary", "TensorSummary", "HistogramSummary"]

# '<tag>[:Scalar]' ... -> the value, cached by the primitives until the next record.
_OP_CACHE = {}


def _graph_type(value):
    """The name MindSpore's graph compiler gives the type of `value` in its errors."""
    if value is None:
        return "None"
    if isinstance(value, bool):
        return "Bool"
    if isinstance(value, int):
        return "Int64"
    if isinstance(value, float):
        return "Float32"
    if isinstance(value, str):
        return "String"
    if isinstance(value, Tensor):
        return f"Tensor[{value.dtype}]"
    return type(value).__name__


def _in_graph():
    """Whether the call runs as MindSpore's graph would (in a jitted function's Python); such a
    function then runs its Python at every call (see the module note)."""
    from .. import _jit
    if _jit.tracing():
        _jit.printed()
    return _jit.graph_printing()


class _Summary(Primitive):
    """A summary primitive: `_kind` names its cache suffix; `_check_rank` its value's rule."""
    _kind = None

    def _check_graph(self, name, value):
        op = type(self).__name__
        if not isinstance(name, str):
            raise DTypeError(f"For primitive[{op}], the input argument[name] must be a type of {{String}}, "
                             f"but got {_graph_type(name)}.")
        if not name:
            raise ShapeError(f"For primitive[{op}], the input argument[name] cannot be an empty string.")
        if not isinstance(value, Tensor):
            raise DTypeError(f"For primitive[{op}], the input argument[value] must be a type of {{Tensor}}, "
                             f"but got {_graph_type(value)}.")
        rank = value.ndim
        if self._kind == "Scalar" and rank > 1:
            raise ShapeError(f"For primitive[{op}], the v rank must be less than or equal to 1, but got {rank}.")
        if self._kind == "Image" and rank != 4:
            raise ShapeError(f"For primitive[{op}], the v rank must be equal to 4, but got {rank}.")
        if self._kind in ("Tensor", "Histogram") and rank < 1:
            raise ShapeError(f"For primitive[{op}], the v rank must be greater than or equal to 1, but got {rank}.")

    def _check_pynative(self, name, value):
        op = type(self).__name__
        if not isinstance(name, str) or not name:
            raise DTypeError(f'For "{op}", the name must be valid string, but got "{name}".')
        if not isinstance(value, Tensor):
            raise DTypeError(f'For "{op}", the parameter "value" expect to be Tensor, but got '
                             f'{type(value).__name__}')
        if self._kind == "Scalar" and value.size != 1:
            raise ShapeError(f'For "{op}", the v rank must be less than or equal to 1, but got '
                             f'{value.shape[0] if value.ndim else value.size}.')
        if self._kind == "Image" and value.ndim != 4:
            raise ShapeError(f'For "{op}", the tensor seems not to hold a valid image.')
        if self._kind in ("Tensor", "Histogram") and value.ndim == 0:
            raise ShapeError(f'For "{op}", the value should not be empty.')

    def __call__(self, name, value):
        if _in_graph():
            self._check_graph(name, value)
        else:
            self._check_pynative(name, value)
        _OP_CACHE[f"{name}[:{self._kind}]"] = value


class ScalarSummary(_Summary):
    """``ScalarSummary()(name, value)``: records a one-element tensor as a scalar at the next
    ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag (not empty).
        - **value** (Tensor) - One element.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a non-empty str (a ValueError for ``''`` in GRAPH_MODE), `value`
            not a Tensor.
        ValueError: `value` of more than one element.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.ScalarSummary()("loss", ms.Tensor(0.25))
        ...     print(rec.record(3))
        True
    """
    _kind = "Scalar"


class ImageSummary(_Summary):
    """``ImageSummary()(name, value)``: records an NCHW batch of images (1 or 3 channels) as one
    picture at the next ``SummaryRecord.record`` (see ``mindspore.train.summary``).

    Inputs:
        - **name** (str) - The tag (not empty).
        - **value** (Tensor) - Of rank 4, ``(N, C, H, W)``.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a non-empty str (a ValueError for ``''`` in GRAPH_MODE), `value`
            not a Tensor.
        ValueError: `value` not of rank 4.

    Examples:
        >>> import tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.ImageSummary()("image", ms.Tensor(np.zeros((2, 3, 4, 4), np.float32)))
        ...     print(rec.record(1))
        True
    """
    _kind = "Image"


class TensorSummary(_Summary):
    """``TensorSummary()(name, value)``: records a tensor at the next ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag (not empty).
        - **value** (Tensor) - Of rank 1 or more.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a non-empty str (a ValueError for ``''`` in GRAPH_MODE), `value`
            not a Tensor.
        ValueError: a 0-d `value`.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.TensorSummary()("w", ms.Tensor([[1.0, 2.0]]))
        ...     print(rec.record(1))
        True
    """
    _kind = "Tensor"


class HistogramSummary(_Summary):
    """``HistogramSummary()(name, value)``: records a histogram of a tensor's values at the next
    ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag (not empty).
        - **value** (Tensor) - Of rank 1 or more.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a non-empty str (a ValueError for ``''`` in GRAPH_MODE), `value`
            not a Tensor.
        ValueError: a 0-d `value`.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.HistogramSummary()("w", ms.Tensor([1.0, 2.0, 2.5]))
        ...     print(rec.record(1))
        True
    """
    _kind = "Histogram"
