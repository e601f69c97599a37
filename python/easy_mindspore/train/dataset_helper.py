"""``mindspore.train.dataset_helper``: the module MindSpore defines ``DatasetHelper`` and
``connect_network_with_dataset`` in (``from mindspore.train.dataset_helper import
DatasetHelper``)."""
from ._tools import DatasetHelper, connect_network_with_dataset

__all__ = ["DatasetHelper", "connect_network_with_dataset"]
