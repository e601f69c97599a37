"""``mindspore.train.summary.enums``: the summary plugins and modes, as MindSpore names them."""
from enum import Enum

__all__ = ["BaseEnum", "PluginEnum", "WriterPluginEnum", "ModeEnum"]


class BaseEnum(Enum):
    """An enumeration whose values ``to_list()`` returns."""

    @classmethod
    def to_list(cls):
        """The members' values, in order."""
        return [member.value for member in cls.__members__.values()]


class PluginEnum(BaseEnum):
    """The plugins of ``SummaryRecord.add_value`` (those this package writes: scalar, tensor,
    histogram; see ``summary_record``)."""
    GRAPH = 'graph'
    SCALAR = 'scalar'
    IMAGE = 'image'
    TENSOR = 'tensor'
    HISTOGRAM = 'histogram'
    TRAIN_LINEAGE = 'train_lineage'
    EVAL_LINEAGE = 'eval_lineage'
    CUSTOM_LINEAGE_DATA = 'custom_lineage_data'
    DATASET_GRAPH = 'dataset_graph'
    EXPLAINER = 'explainer'
    LANDSCAPE = 'landscape'


class WriterPluginEnum(Enum):
    """MindSpore's writers (summary file, lineage file, exporter, explainer)."""
    EXPORTER = 'exporter'
    EXPLAINER = 'explainer'
    SUMMARY = 'summary'
    LINEAGE = 'lineage'


class ModeEnum(BaseEnum):
    """The modes of ``SummaryRecord.set_mode`` and of the callbacks' ``cb_params.mode``."""
    TRAIN = 'train'
    EVAL = 'eval'
