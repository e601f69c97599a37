"""``mindspore.train.summary``: ``SummaryRecord`` (``summary_record``), which writes the values
MindInsight shows — scalars, tensors, histograms, images, graphs and loss landscapes — to
MindSpore's summary files, the enums of its plugins and modes (``enums``) and the conversions of
values into what the file holds (``_summary_adapter``). The summary primitives
(``ops.ScalarSummary``, ``ImageSummary``, ``TensorSummary``, ``HistogramSummary``) and
``SummaryCollector`` (``mindspore.train.callback``) are also reachable here."""
from . import _summary_adapter, enums, summary_record
from .summary_record import SummaryRecord
from ...ops._summary_ops import HistogramSummary, ImageSummary, ScalarSummary, TensorSummary  # noqa: F401

__all__ = ["SummaryRecord", "SummaryCollector", "ScalarSummary", "ImageSummary", "TensorSummary",
           "HistogramSummary"]


def __getattr__(name):
    # ``SummaryCollector`` is a callback (``mindspore.train.callback``), which imports this
    # package: it is looked up when first asked for.
    if name == "SummaryCollector":
        from ..callback._summary_collector import SummaryCollector
        return SummaryCollector
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
