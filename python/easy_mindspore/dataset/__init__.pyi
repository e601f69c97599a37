"""Type stubs of ``easy_mindspore.dataset`` (``mindspore.dataset``): the datasets, their stages
and iterators (a row is a list of Tensors, or of NumPy arrays with ``output_numpy=True``)."""
import enum
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping, Optional, Sequence, TypeVar, Union, overload

import numpy as np
from _typeshed import Incomplete

from . import config as config, text as text, transforms as transforms, vision as vision
from .config import ErrorSamplesMode as ErrorSamplesMode
from .._C import Tensor

_Self = TypeVar("_Self", bound="_Stages")
_Row = TypeVar("_Row")

DIGITS_PATH: str

class EpochIterator(Iterator[_Row]):
    """One epoch per ``for`` loop over it, up to ``num_epochs``."""
    def __iter__(self) -> EpochIterator[_Row]: ...
    def __next__(self) -> _Row: ...

class _Stages:
    """What every dataset has: batching, shuffling, the iterators and the sizes."""
    def batch(self: _Self, batch_size: int, drop_remainder: bool = False,
              num_parallel_workers: Optional[int] = None, **kwargs: Any) -> _Self: ...
    def padded_batch(self, batch_size: int, drop_remainder: bool = False,
                     num_parallel_workers: Optional[int] = None,
                     pad_info: Optional[Mapping[str, tuple[Optional[Sequence[int]], Any]]] = None) -> PipelineDataset: ...
    def shuffle(self: _Self, buffer_size: int) -> _Self: ...
    def map(self, operations: Union[Callable[..., Any], Sequence[Callable[..., Any]]],
            input_columns: Optional[Union[str, Sequence[str]]] = None,
            output_columns: Optional[Union[str, Sequence[str]]] = None,
            column_order: Optional[Sequence[str]] = None, **kwargs: Any) -> PipelineDataset: ...
    def repeat(self, count: Optional[int] = None) -> PipelineDataset: ...
    def take(self, count: int = -1) -> PipelineDataset: ...
    def skip(self, count: int) -> PipelineDataset: ...
    def project(self, columns: Union[str, Sequence[str]]) -> PipelineDataset: ...
    def rename(self, input_columns: Union[str, Sequence[str]],
               output_columns: Union[str, Sequence[str]]) -> PipelineDataset: ...
    def zip(self, datasets: Union[_Stages, Sequence[_Stages]]) -> PipelineDataset: ...
    def concat(self, datasets: Union[_Stages, Sequence[_Stages]]) -> PipelineDataset: ...
    def sync_wait(self, condition_name: str, num_batch: int = 1,
                  callback: Optional[Callable[[Any], Any]] = None) -> PipelineDataset: ...
    def sync_update(self, condition_name: str, num_batch: Optional[int] = None,
                    data: Any = None) -> None: ...
    @overload
    def create_tuple_iterator(self, columns: Optional[Sequence[str]] = None, num_epochs: int = -1,
                              output_numpy: Literal[False] = False,
                              do_copy: bool = True) -> EpochIterator[list[Tensor]]: ...
    @overload
    def create_tuple_iterator(self, columns: Optional[Sequence[str]] = None, num_epochs: int = -1, *,
                              output_numpy: Literal[True], do_copy: bool = True) -> EpochIterator[list[np.ndarray]]: ...
    @overload
    def create_dict_iterator(self, num_epochs: int = -1, output_numpy: Literal[False] = False,
                             do_copy: bool = True) -> EpochIterator[dict[str, Tensor]]: ...
    @overload
    def create_dict_iterator(self, num_epochs: int = -1, *, output_numpy: Literal[True],
                             do_copy: bool = True) -> EpochIterator[dict[str, np.ndarray]]: ...
    def __iter__(self) -> Iterator[list[Tensor]]: ...
    def get_dataset_size(self) -> int: ...
    def get_col_names(self) -> list[str]: ...
    def get_batch_size(self) -> int: ...

class PipelineDataset(_Stages): ...

class SyncWaitDataset(PipelineDataset): ...

class GeneratorDataset(PipelineDataset):
    def __init__(self, source: Union[Callable[[], Iterable[Any]], Iterable[Any], Any],
                 column_names: Optional[Union[str, Sequence[str]]] = None,
                 column_types: Optional[Sequence[Any]] = None, schema: Optional[Any] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: int = 1,
                 shuffle: Optional[bool] = None, sampler: Optional[Any] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 python_multiprocessing: bool = True, max_rowsize: Optional[int] = None,
                 batch_sampler: Optional[Iterable[Sequence[int]]] = None,
                 collate_fn: Optional[Callable[..., Any]] = None) -> None: ...

class PaddedDataset(PipelineDataset):
    def __init__(self, padded_samples: list[dict[str, Any]]) -> None: ...

class ImageFolderDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Any] = None, extensions: Optional[Sequence[str]] = None,
                 class_indexing: Optional[Mapping[str, int]] = None, decode: bool = False,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: Optional[Any] = None, decrypt: Optional[Any] = None) -> None: ...
    def get_class_indexing(self) -> dict[str, int]: ...

class VOCDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, task: str = "Segmentation", usage: str = "train",
                 class_indexing: Optional[Mapping[str, int]] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None, extra_metadata: bool = False,
                 decrypt: Optional[Callable[[str], bytes]] = None) -> None: ...
    def get_class_indexing(self) -> dict[str, int]: ...

class CocoDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, annotation_file: str, task: str = "Detection",
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None, extra_metadata: bool = False,
                 decrypt: Optional[Callable[[str], bytes]] = None) -> None: ...
    def get_class_indexing(self) -> dict[str, list[int]]: ...

class FakeImageDataset(GeneratorDataset):
    def __init__(self, num_images: int = 1000, image_size: Sequence[int] = (224, 224, 3),
                 num_classes: int = 10, base_seed: int = 0, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Any] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: Optional[Any] = None) -> None: ...

class Schema:
    """A dataset's columns (names, types, shapes) as MindSpore's JSON schema."""
    schema_file: str
    def __init__(self, schema_file: Optional[str] = None) -> None: ...
    def add_column(self, name: str, de_type: Any, shape: Optional[list[int]] = None) -> None: ...
    def parse_columns(self, columns: Union[Sequence[Mapping[str, Any]], Mapping[str, Mapping[str, Any]]]) -> None: ...
    def from_json(self, json_obj: Mapping[str, Any]) -> None: ...
    def to_json(self) -> str: ...
    @staticmethod
    def get_num_rows(schema: Union[str, Schema]) -> int: ...

class RandomDataset(GeneratorDataset):
    def __init__(self, total_rows: Optional[int] = None, schema: Optional[Union[str, Schema]] = None,
                 columns_list: Optional[list[str]] = None, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, cache: Optional[Any] = None,
                 shuffle: Optional[bool] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None) -> None: ...

class _Dataset(_Stages):
    def split(self, sizes: Sequence[Union[int, float]], randomize: bool = True) -> list[_Dataset]: ...
    def __add__(self, other: _Stages) -> PipelineDataset: ...

class NumpySlicesDataset(_Dataset):
    def __init__(self, data: Any, column_names: Optional[Union[str, Sequence[str]]] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: int = 1,
                 shuffle: Optional[bool] = None, sampler: Optional[Any] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 seed: Optional[int] = None) -> None: ...

class MnistDataset(_Dataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Any] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: Optional[Any] = None,
                 seed: Optional[int] = None) -> None: ...
class FashionMnistDataset(MnistDataset): ...

def zip(datasets: Sequence[_Stages]) -> PipelineDataset: ...
class BatchInfo:
    def get_batch_num(self) -> int: ...
    def get_epoch_num(self) -> int: ...

class Cifar10Dataset(_Dataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Any] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: Optional[Any] = None) -> None: ...

class Cifar100Dataset(Cifar10Dataset): ...

class Sampler:
    dataset_size: int
    def __init__(self, num_samples: Optional[int] = None) -> None: ...
    def __iter__(self) -> Iterator[int]: ...
    def get_num_samples(self) -> Optional[int]: ...

class SequentialSampler(Sampler):
    def __init__(self, start_index: Optional[int] = None, num_samples: Optional[int] = None) -> None: ...

class RandomSampler(Sampler):
    def __init__(self, replacement: bool = False, num_samples: Optional[int] = None) -> None: ...

class SubsetSampler(Sampler):
    def __init__(self, indices: Sequence[int], num_samples: Optional[int] = None) -> None: ...

class SubsetRandomSampler(SubsetSampler): ...

class DistributedSampler(Sampler):
    def __init__(self, num_shards: int, shard_id: int, shuffle: bool = True,
                 num_samples: Optional[int] = None, offset: int = -1) -> None: ...

class WeightedRandomSampler(Sampler):
    def __init__(self, weights: Sequence[float], num_samples: Optional[int] = None,
                 replacement: bool = True) -> None: ...

class Shuffle(str, enum.Enum):
    FALSE = "false"
    ADAPTIVE = "adaptive"
    GLOBAL = "global"
    PARTIAL = "partial"
    FILES = "files"
    INFILE = "infile"

class TextFileDataset(PipelineDataset):
    def __init__(self, dataset_files: Union[str, Sequence[str]], num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: Optional[Any] = None) -> None: ...

class CSVDataset(PipelineDataset):
    def __init__(self, dataset_files: Union[str, Sequence[str]], field_delim: str = ",",
                 column_defaults: Optional[Sequence[Union[int, float, str]]] = None,
                 column_names: Optional[Sequence[str]] = None, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: Optional[Any] = None) -> None: ...

class MindDataset(PipelineDataset):
    def __init__(self, dataset_files: Union[str, Sequence[str]],
                 columns_list: Optional[Sequence[str]] = None,
                 num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, sampler: Optional[Any] = None,
                 padded_sample: Optional[dict[str, Any]] = None, num_padded: Optional[int] = None,
                 num_samples: Optional[int] = None, cache: Optional[Any] = None) -> None: ...
    def __getitem__(self, index: int) -> list[Any]: ...

class AGNewsDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class DBpediaDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class AmazonReviewDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SogouNewsDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, cache: None = None) -> None: ...

class YelpReviewDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, cache: None = None) -> None: ...

class YahooAnswersDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class PennTreebankDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class WikiTextDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SST2Dataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class CoNLL2000Dataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, cache: None = None) -> None: ...

class UDPOSDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, cache: None = None) -> None: ...

class SQuADDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class USPSDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = Shuffle.GLOBAL,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class EnWik9Dataset(PipelineDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = True, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: None = None) -> None: ...

class Multi30kDataset(PipelineDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 language_pair: Optional[Sequence[str]] = None, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None,
                 shuffle: Union[bool, Shuffle, None] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: None = None) -> None: ...

class IMDBDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class Caltech256Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class Caltech101Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, target_type: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None) -> None: ...

class Food101Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class OmniglotDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, background: Optional[bool] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SBUDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SUN397Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SemeionDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class STL10Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class YesNoDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class LJSpeechDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class SpeechCommandsDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class CMUArcticDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, name: Optional[str] = None,
                 num_samples: Optional[int] = None, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class CelebADataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, num_parallel_workers: Optional[int] = None,
                 shuffle: Optional[bool] = None, usage: str = "all",
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 decode: bool = False, extensions: Optional[list[str]] = None,
                 num_samples: Optional[int] = None, num_shards: Optional[int] = None,
                 shard_id: Optional[int] = None, cache: None = None,
                 decrypt: None = None) -> None: ...

class GTZANDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class LibriTTSDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class Places365Dataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 small: Optional[bool] = True, decode: bool = False,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class LFWDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, task: Optional[str] = None,
                 usage: Optional[str] = None, image_set: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class FlickrDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, annotation_file: str,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class DIV2KDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: str = "train", downgrade: str = "bicubic",
                 scale: int = 2,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class WIDERFaceDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class KITTIDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: Optional[str] = None,
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: bool = False,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

class CityscapesDataset(GeneratorDataset):
    def __init__(self, dataset_dir: str, usage: str = "train", quality_mode: str = "fine",
                 task: str = "instance",
                 num_samples: Optional[int] = None,
                 num_parallel_workers: Optional[int] = None, shuffle: Optional[bool] = None,
                 decode: Optional[bool] = None,
                 sampler: Optional[Union[Sampler, Iterable[int], int]] = None,
                 num_shards: Optional[int] = None, shard_id: Optional[int] = None,
                 cache: None = None) -> None: ...

def load_digits(path: Optional[str] = None, as_tensor: bool = False) -> tuple[Any, Any]: ...
def read_idx(path: str) -> Tensor: ...
def load_mnist(dataset_dir: str, usage: str = "train") -> tuple[Tensor, Tensor]: ...

def __getattr__(name: str) -> Incomplete: ...
