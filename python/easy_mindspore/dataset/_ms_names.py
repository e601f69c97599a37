"""Answering as MindSpore (the ``mindspore`` alias), the dataset classes a user prints read as
MindSpore 2.10's: ``type(ds.MnistDataset(...))`` is
``<class 'mindspore.dataset.engine.datasets_vision.MnistDataset'>``, as its tutorials show. Each
class's ``__module__`` is MindSpore's module, and that module name is registered in
``sys.modules`` (holding the classes), so that pickles naming it load again."""
import sys
import threading
import types

# MindSpore 2.10's module of each class (measured: ``cls.__module__``).
MODULES = {
    "mindspore.dataset.engine.datasets": ("BatchInfo", "Dataset", "Schema", "SyncWaitDataset"),
    "mindspore.dataset.engine.datasets_standard_format": ("CSVDataset", "MindDataset"),
    "mindspore.dataset.engine.datasets_text": (
        "TextFileDataset", "AGNewsDataset", "AmazonReviewDataset", "CoNLL2000Dataset",
        "DBpediaDataset", "EnWik9Dataset", "IMDBDataset", "Multi30kDataset",
        "PennTreebankDataset", "SogouNewsDataset", "SQuADDataset", "SST2Dataset", "UDPOSDataset",
        "WikiTextDataset", "YahooAnswersDataset", "YelpReviewDataset", "CLUEDataset",
        "IWSLT2016Dataset", "IWSLT2017Dataset"),
    "mindspore.dataset.engine.datasets_audio": ("CMUArcticDataset", "LJSpeechDataset",
                                                "SpeechCommandsDataset", "YesNoDataset",
                                                "GTZANDataset", "LibriTTSDataset",
                                                "TedliumDataset"),
    "mindspore.dataset.engine.datasets_user_defined": ("GeneratorDataset", "NumpySlicesDataset",
                                                       "PaddedDataset"),
    "mindspore.dataset.engine.datasets_vision": (
        "Cifar100Dataset", "Cifar10Dataset", "CocoDataset", "EMnistDataset", "FakeImageDataset",
        "FashionMnistDataset", "ImageFolderDataset", "KMnistDataset", "MnistDataset",
        "QMnistDataset", "RandomDataset", "VOCDataset", "Caltech101Dataset", "Caltech256Dataset",
        "CelebADataset", "Food101Dataset", "OmniglotDataset", "SBUDataset", "SemeionDataset",
        "STL10Dataset", "SUN397Dataset", "USPSDataset", "CityscapesDataset", "DIV2KDataset",
        "FlickrDataset", "KITTIDataset", "LFWDataset", "Places365Dataset", "WIDERFaceDataset",
        "PhotoTourDataset"),
    "mindspore.dataset.engine.samplers": (
        "DistributedSampler", "PKSampler", "RandomSampler", "Sampler", "SequentialSampler",
        "SubsetRandomSampler", "SubsetSampler", "WeightedRandomSampler"),
    "mindspore.dataset.callback.ds_callback": ("DSCallback", "WaitedDSCallback"),
}


def present_as_mindspore(namespace):
    """Gives the classes of `namespace` (``mindspore.dataset``'s) MindSpore's module names,
    when the package answers ``import mindspore`` (nothing otherwise)."""
    package = sys.modules.get(__name__.split(".")[0])
    if package is None or sys.modules.get("mindspore") is not package:
        return
    for module, names in MODULES.items():
        holder = sys.modules.get(module)
        if holder is None:
            holder = sys.modules[module] = types.ModuleType(module)
        for name in names:
            cls = namespace.get(name)
            if isinstance(cls, type):
                cls.__module__ = module
                setattr(holder, name, cls)


# MindSpore 2.10's class of the dataset each stage makes (``type(ds.batch(2)).__name__``).
STAGES = {"map": "MapDataset", "batch": "BatchDataset", "padded_batch": "PaddedBatchDataset",
          "shuffle": "ShuffleDataset", "repeat": "RepeatDataset", "take": "TakeDataset",
          "skip": "SkipDataset", "project": "ProjectDataset", "rename": "RenameDataset",
          "zip": "ZipDataset", "concat": "ConcatDataset", "filter": "FilterDataset",
          "bucket_batch_by_length": "BucketBatchByLengthDataset"}
_STAGE_MODULE = "mindspore.dataset.engine.datasets"
_stage_classes = {}
_stage_lock = threading.Lock()


def as_stage(dataset, stage):
    """`dataset` (made by the stage method `stage`) as an instance of a subclass of its class
    named as MindSpore's (``BatchDataset``...), printing with MindSpore's module when the
    package answers ``import mindspore``; returned as it is for other stages and classes."""
    name = STAGES.get(stage)
    base = type(dataset)
    if base in _stage_classes.values():  # a stage made by another (padded_batch's batch)
        base = base.__mro__[1]
    if name is None or base.__name__ not in ("PipelineDataset", "_Dataset"):
        return dataset  # a stage that gave back a dataset of its own class
    with _stage_lock:
        cls = _stage_classes.get((base, name))
        if cls is None:
            package = sys.modules.get(__name__.split(".")[0])
            aliased = package is not None and sys.modules.get("mindspore") is package
            module = _STAGE_MODULE if aliased else base.__module__
            cls = _stage_classes[(base, name)] = type(name, (base,), {"__module__": module,
                                                                    "__slots__": ()})
    dataset.__class__ = cls
    return dataset
