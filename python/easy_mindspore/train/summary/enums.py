"""``mindspore.train.summary.enums``: the names the summary modules use — the modes of a
``SummaryRecord`` (``ModeEnum``), the kinds of values it writes (``PluginEnum``) and its writers
(``WriterPluginEnum``)."""
from enum import Enum

__all__ = ["BaseEnum", "ModeEnum", "PluginEnum", "WriterPluginEnum"]


class BaseEnum(Enum):
    """The base of the summary enums."""


class ModeEnum(BaseEnum):
    """The modes of a ``SummaryRecord`` and of ``cb_params.mode``: ``'train'``, ``'eval'``."""
    TRAIN = "train"
    EVAL = "eval"


class PluginEnum(BaseEnum):
    """The kinds of values ``SummaryRecord.add_value`` takes."""
    GRAPH = "graph"
    SCALAR = "scalar"
    IMAGE = "image"
    TENSOR = "tensor"
    HISTOGRAM = "histogram"
    TRAIN_LINEAGE = "train_lineage"
    EVAL_LINEAGE = "eval_lineage"
    CUSTOM_LINEAGE_DATA = "custom_lineage_data"
    DATASET_GRAPH = "dataset_graph"
    EXPLAINER = "explainer"
    LANDSCAPE = "landscape"


class WriterPluginEnum(Enum):
    """The writers of MindSpore's summary directory."""
    EXPORTER = "exporter"
    EXPLAINER = "explainer"
    SUMMARY = "summary"
    LINEAGE = "lineage"
