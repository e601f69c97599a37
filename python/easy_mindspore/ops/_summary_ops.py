"""The summary primitives (``ops.ScalarSummary``, ``TensorSummary``, ``ImageSummary``,
``HistogramSummary``, also ``operations``' own), as MindSpore 2.10's: a call caches
``[primitive name, tag, value]`` in ``SUMMARY_TENSOR_CACHE`` (MindSpore's ``debug_ops`` cache);
``mindspore.train.SummaryRecord.record`` takes the cache in ``'train'`` mode (``'eval'`` leaves it)
and records each value as ``add_value(<plugin>, tag, value)`` would.

The checks run where MindSpore runs them: in ``GRAPH_MODE`` (MindSpore's default) at the call, as
its graph compiler's inference does (``For primitive[ScalarSummary], ...``: a tag that is not a
str, TypeError; an empty one, ValueError; a value that is not a Tensor, TypeError; the rank — at
most 1 for a scalar, 4 for an image, at least 1 for a tensor or histogram — ValueError); in
``PYNATIVE_MODE`` at ``record`` (:func:`check_summary_param`, ``For "ScalarSummary", ...``).

Images: MindSpore writes an image summary as a PNG-encoded ``Summary.Image``; the engine's summary
writer (``_C.summary_append``) writes scalars, tensors and histograms only, so an image value
passes these checks and then ``SummaryRecord`` raises (see ``train/summary/summary_record``)."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .operations import Primitive

__all__ = ["ScalarSummary", "TensorSummary", "ImageSummary", "HistogramSummary"]

# [primitive name, tag, value] of each call not yet taken by a SummaryRecord.
SUMMARY_TENSOR_CACHE = []


def _take_cache():
    """The cached calls, emptying the cache."""
    global SUMMARY_TENSOR_CACHE
    cache, SUMMARY_TENSOR_CACHE = SUMMARY_TENSOR_CACHE, []
    return cache


def _clear_cache():
    SUMMARY_TENSOR_CACHE.clear()


def _type_name(v):
    """The name MindSpore's graph compiler gives the type of ``v`` in its errors."""
    if v is None:
        return "None"
    if isinstance(v, Tensor):
        return f"Tensor[{v.dtype}]"
    return {bool: "Bool", int: "Int64", float: "Float32", str: "String"}.get(type(v), type(v).__name__)


def check_value(plugin, value, where):
    """The checks of ``add_value`` on a value of ``plugin`` (a Tensor): its NumPy copy, or a
    ValueError naming ``where`` (``SummaryRecord``, or the primitive's class)."""
    np_value = value.asnumpy().copy()
    if plugin == 'scalar':
        if np_value.size == 1:
            return np_value
        raise ShapeError(f'For "{where}", the v rank must be less than or equal to 1, but got {len(np_value)}.')
    if plugin == 'image':
        if np_value.ndim == 4:
            return np_value
        raise ShapeError(f'For "{where}", the tensor seems not to hold a valid image.')
    if plugin in ('tensor', 'histogram') and np_value.ndim == 0:
        raise ShapeError(f'For "{where}", the value should not be empty.')
    return np_value


def check_summary_param(summary_name, tag, value):
    """PyNative mode's check of a cached call (at ``record``)."""
    if not isinstance(tag, str) or not tag:
        raise DTypeError(f'For "{summary_name}", the name must be valid string, but got "{tag}".')
    if not isinstance(value, Tensor):
        raise DTypeError(f'For "{summary_name}", the parameter "value" expect to be Tensor, '
                         f'but got {type(value).__name__}')
    check_value(summary_name.split('Summary')[0].lower(), value, summary_name)


class _Summary(Primitive):
    _plugin = None
    # (comparison, bound) of the value's rank checked in graph mode
    _rank = None

    def _infer(self, name, value):
        prim = f"For primitive[{type(self).__name__}]"
        if not isinstance(name, str):
            raise DTypeError(f"{prim}, the input argument[name] must be a type of {{String}}, but got "
                             f"{_type_name(name)}.")
        if not name:
            raise ShapeError(f"{prim}, the input argument[name] cannot be an empty string.")
        if not isinstance(value, Tensor):
            raise DTypeError(f"{prim}, the input argument[value] must be a type of {{Tensor}}, but got "
                             f"{_type_name(value)}.")
        op, bound = self._rank
        rank = len(value.shape)
        ok = {"le": rank <= bound, "eq": rank == bound, "ge": rank >= bound}[op]
        if not ok:
            words = {"le": "less than or equal to", "eq": "equal to", "ge": "greater than or equal to"}[op]
            raise ShapeError(f"{prim}, the v rank must be {words} {bound}, but got {rank}.")

    def __call__(self, name, value):
        self._infer(name, value)
        SUMMARY_TENSOR_CACHE.append([type(self).__name__, name, value])


class ScalarSummary(_Summary):
    """``ScalarSummary()(name, value)``: records a scalar at the next ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag, not empty.
        - **value** (Tensor) - One element (rank 0 or 1).

    Outputs:
        None.

    Raises:
        TypeError: `name` not a str, `value` not a Tensor.
        ValueError: an empty `name`, or `value` of rank above 1 (more than one element: at
            ``record``).

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
    _plugin, _rank = "scalar", ("le", 1)


class TensorSummary(_Summary):
    """``TensorSummary()(name, value)``: records a tensor at the next ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag, not empty.
        - **value** (Tensor) - Of rank 1 or more.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a str, `value` not a Tensor.
        ValueError: an empty `name`, a `value` of rank 0.

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
    _plugin, _rank = "tensor", ("ge", 1)


class ImageSummary(_Summary):
    """``ImageSummary()(name, value)``: an image (NCHW, rank 4) for the next
    ``SummaryRecord.record``. The checks are MindSpore's; recording it raises, as the engine's
    summary writer cannot write MindSpore's PNG-encoded ``Summary.Image``.

    Inputs:
        - **name** (str) - The tag, not empty.
        - **value** (Tensor) - Of rank 4.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a str, `value` not a Tensor.
        ValueError: an empty `name`, a `value` not of rank 4; at ``record``, any image.

    Examples:
        >>> import tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.train import SummaryRecord
        >>> with SummaryRecord(tempfile.mkdtemp()) as rec:
        ...     ops.ImageSummary()("img", ms.Tensor(np.zeros((1, 3, 2, 2), np.float32)))
        ...     try:
        ...         rec.record(1)
        ...     except ValueError as e:
        ...         print("not available" in str(e))
        True
    """
    _plugin, _rank = "image", ("eq", 4)


class HistogramSummary(_Summary):
    """``HistogramSummary()(name, value)``: records a histogram of the tensor's values at the next
    ``SummaryRecord.record``.

    Inputs:
        - **name** (str) - The tag, not empty.
        - **value** (Tensor) - Of rank 1 or more.

    Outputs:
        None.

    Raises:
        TypeError: `name` not a str, `value` not a Tensor.
        ValueError: an empty `name`, a `value` of rank 0.

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
    _plugin, _rank = "histogram", ("ge", 1)
