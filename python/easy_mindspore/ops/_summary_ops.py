"""The summary primitives (``ops.ScalarSummary``, ``TensorSummary``, ``HistogramSummary``, also
``operations``' own): each queues its value in every open ``mindspore.train.SummaryRecord``, which
registers itself in ``_open_records`` while open and writes the queued values at ``record``.
``_value`` checks a value for its plugin (``'scalar'``, ``'tensor'``, ``'histogram'``; an image
summary, a PNG encoding, is not available and raises)."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .operations import Primitive

__all__ = ["ScalarSummary", "TensorSummary", "HistogramSummary"]

_PLUGINS = ("scalar", "tensor", "histogram")
# The SummaryRecords open now (``SummaryRecord`` adds and removes itself).
_open_records = []


def _value(plugin, name, value):
    if not isinstance(name, str) or not name:
        raise DTypeError(f"For 'SummaryRecord', the name must be a non-empty str, but got {name!r}.")
    if plugin == "image":
        raise ShapeError("For 'SummaryRecord', image summaries (PNG-encoded) are not available; record "
                         "the image as a 'tensor'.")
    if plugin not in _PLUGINS:
        raise ShapeError(f"For 'SummaryRecord', the plugin must be one of {list(_PLUGINS)}, but got "
                         f"{plugin!r}.")
    # Every value is a Tensor (a Python number too is MindSpore 2.10's TypeError).
    if not isinstance(value, Tensor):
        raise DTypeError(f'For "SummaryRecord", the parameter "value" expect to be Tensor, but got '
                         f'{type(value).__name__}')
    if plugin == "scalar":
        if value.size != 1:
            raise ShapeError(f"For 'SummaryRecord', a scalar must be one element, but got shape "
                             f"{list(value.shape)}.")
        return (name, "scalar", float(value.asnumpy().reshape(())))
    return (name, plugin, value)


class _Summary(Primitive):
    _plugin = None

    def __call__(self, name, value):
        entry = _value(self._plugin, name, value)
        for rec in list(_open_records):
            rec._from_primitive(entry)


class ScalarSummary(_Summary):
    """``ScalarSummary()(name, value)``: queues a scalar in every open :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - One element.

    Outputs:
        None.

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
    _plugin = "scalar"


class TensorSummary(_Summary):
    """``TensorSummary()(name, value)``: queues a tensor in every open :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - The tensor.

    Outputs:
        None.

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
    _plugin = "tensor"


class HistogramSummary(_Summary):
    """``HistogramSummary()(name, value)``: queues a histogram of the tensor's values in every open
    :class:`SummaryRecord`.

    Inputs:
        - **name** (str) - The tag.
        - **value** (Tensor) - The values.

    Outputs:
        None.

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
    _plugin = "histogram"
