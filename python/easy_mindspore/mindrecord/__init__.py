"""``mindspore.mindrecord``: MindSpore's MindRecord files, read and written.

:class:`FileWriter` writes rows (dicts checked against a schema) into one or more MindRecord
files with their index files (``.db``); :class:`FileReader` reads them back as dicts, and
:class:`mindspore.dataset.MindDataset` reads them as a dataset. The files are those of MindSpore
2.10 (format version 3.0): MindSpore reads the files written here, and the files MindSpore
writes are read here (the format is described in ``_format``).
"""
from ._errors import *  # noqa: F401,F403 - MindSpore exports its exception classes here
from ._errors import __all__ as _error_names
from ._filereader import FileReader
from ._filewriter import FAILED, SUCCESS, FileWriter

__all__ = ["FileWriter", "FileReader", "SUCCESS", "FAILED"] + list(_error_names)
