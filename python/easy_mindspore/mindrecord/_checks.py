"""Argument checks shared by ``mindspore.mindrecord``'s classes (MindSpore 2.10's messages), and
MindSpore's status codes ``SUCCESS`` and ``FAILED``."""
import enum
import os

from ._errors import ParamValueError


class MSRStatus(enum.IntEnum):
    """MindSpore's status of a MindRecord operation: ``SUCCESS`` (0) or ``FAILED`` (1)."""
    SUCCESS = 0
    FAILED = 1

    def __str__(self):
        return f"MSRStatus.{self.name}"


SUCCESS = MSRStatus.SUCCESS
FAILED = MSRStatus.FAILED


class _Default(int):
    """A default argument: MindSpore checks only the values a caller gives (``4`` consumers
    pass by default on a machine of fewer CPUs)."""


DEFAULT_CONSUMER = _Default(4)


def check_filename(path):
    """MindSpore's check of a file path argument (a non-empty str not ending in ``/``)."""
    if path is None or (isinstance(path, str) and not path):
        raise ParamValueError("File path is not allowed None or empty!")
    if not isinstance(path, str):
        raise ParamValueError(f"File path: {path} is not string.")
    if path.endswith("/"):
        raise ParamValueError("File path can not end with '/'")


def check_consumer(num_consumer):
    """MindSpore's check of `num_consumer`: an int from 1 to the number of CPUs (the default
    passes unchecked)."""
    if num_consumer is DEFAULT_CONSUMER:
        return
    if not isinstance(num_consumer, int):
        raise ParamValueError("Parameter num_consumer is not int.")
    cpus = os.cpu_count() or 1
    if not 1 <= num_consumer <= cpus:
        raise ParamValueError(f"Parameter num_consumer: {num_consumer} should between 1 and "
                              f"{cpus}.")
