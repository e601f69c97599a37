"""Answering as MindSpore (the ``mindspore`` alias), the dataset classes a user prints read as
MindSpore 2.10's: ``type(ds.MnistDataset(...))`` is
``<class 'mindspore.dataset.engine.datasets_vision.MnistDataset'>``, as its tutorials show. Each
class's ``__module__`` is MindSpore's module, and that module name is registered in
``sys.modules`` (holding the classes), so that pickles naming it load again."""
import sys
import types

# MindSpore 2.10's module of each class (measured: ``cls.__module__``).
MODULES = {
    "mindspore.dataset.engine.datasets": ("BatchInfo", "Dataset", "Schema"),
    "mindspore.dataset.engine.datasets_standard_format": ("CSVDataset", "MindDataset"),
    "mindspore.dataset.engine.datasets_text": (
        "TextFileDataset", "AGNewsDataset", "AmazonReviewDataset", "CoNLL2000Dataset",
        "DBpediaDataset", "EnWik9Dataset", "IMDBDataset", "Multi30kDataset",
        "PennTreebankDataset", "SogouNewsDataset", "SQuADDataset", "SST2Dataset", "UDPOSDataset",
        "WikiTextDataset", "YahooAnswersDataset", "YelpReviewDataset"),
    "mindspore.dataset.engine.datasets_audio": ("CMUArcticDataset", "LJSpeechDataset",
                                                "SpeechCommandsDataset", "YesNoDataset",
                                                "GTZANDataset", "LibriTTSDataset"),
    "mindspore.dataset.engine.datasets_user_defined": ("GeneratorDataset", "NumpySlicesDataset",
                                                       "PaddedDataset"),
    "mindspore.dataset.engine.datasets_vision": (
        "Cifar100Dataset", "Cifar10Dataset", "CocoDataset", "EMnistDataset", "FakeImageDataset",
        "FashionMnistDataset", "ImageFolderDataset", "KMnistDataset", "MnistDataset",
        "QMnistDataset", "RandomDataset", "VOCDataset", "Caltech101Dataset", "Caltech256Dataset",
        "CelebADataset", "Food101Dataset", "OmniglotDataset", "SBUDataset", "SemeionDataset",
        "STL10Dataset", "SUN397Dataset", "USPSDataset", "CityscapesDataset", "DIV2KDataset",
        "FlickrDataset", "KITTIDataset", "LFWDataset", "Places365Dataset", "WIDERFaceDataset"),
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
