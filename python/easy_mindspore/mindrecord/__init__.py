"""``mindspore.mindrecord``: MindSpore's MindRecord files, read and written.

:class:`FileWriter` writes rows (dicts checked against a schema) into one or more MindRecord
files with their index files (``.db``); :class:`FileReader` reads them back as dicts,
:class:`MindPage` reads them by category a page at a time, and
:class:`mindspore.dataset.MindDataset` reads them as a dataset. The converters
(:class:`Cifar10ToMR`, :class:`Cifar100ToMR`, :class:`MnistToMR`, :class:`CsvToMR`,
:class:`ImageNetToMR`) write data sets as MindSpore does; :class:`TFRecordToMR` needs TensorFlow.
The files are those of MindSpore 2.10 (format version 3.0): MindSpore reads the files written
here, and the files MindSpore writes are read here (the format is described in ``_format``).
MindSpore's encryption settings (``set_enc_key``, ``set_enc_mode``, ``set_dec_mode``) are not
provided.
"""
from ._errors import *  # noqa: F401,F403 - MindSpore exports its exception classes here
from ._errors import __all__ as _error_names
from ._checks import FAILED, SUCCESS
from ._cifar import Cifar10ToMR, Cifar100ToMR
from ._convert import CsvToMR, ImageNetToMR, MnistToMR, TFRecordToMR
from ._filereader import FileReader
from ._filewriter import FileWriter
from ._mindpage import MindPage

__all__ = ["FileWriter", "FileReader", "MindPage", "Cifar10ToMR", "Cifar100ToMR", "CsvToMR",
           "ImageNetToMR", "MnistToMR", "TFRecordToMR", "SUCCESS", "FAILED"] + list(_error_names)
