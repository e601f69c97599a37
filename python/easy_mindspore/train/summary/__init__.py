"""``mindspore.train.summary``: ``SummaryRecord`` (module ``summary_record``), which writes the
summary file MindInsight reads, and ``SummaryCollector`` (``mindspore.train.callback``'s, also
here), with MindSpore's modules ``enums`` and ``_summary_adapter``. The summary primitives
(``ops.ScalarSummary`` ...) are in ``ops._summary_ops``."""
from . import enums, _summary_adapter, summary_record  # noqa: F401
from .summary_record import SummaryRecord
from ...ops._summary_ops import HistogramSummary, ImageSummary, ScalarSummary, TensorSummary  # noqa: F401

__all__ = ["SummaryRecord", "SummaryCollector", "ScalarSummary", "TensorSummary", "ImageSummary",
           "HistogramSummary"]


def __getattr__(name):
    # ``SummaryCollector`` lives in ``train.callback``, which imports this package: imported on
    # first use so that either package may be imported first.
    if name == "SummaryCollector":
        from ..callback._summary_collector import SummaryCollector
        return SummaryCollector
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
