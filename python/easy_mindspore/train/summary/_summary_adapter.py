"""``mindspore.train.summary._summary_adapter``: the summary file's name and the histogram's bucket
count, as MindSpore 2.10 computes them (the events themselves are encoded by the engine's writer,
``_C.summary_append``)."""
import re
import socket

from ..._errors import ShapeError

__all__ = ["get_event_file_name", "_calc_histogram_bins", "check_str_by_regular"]

EVENT_FILE_NAME_MARK = ".out.events.summary."
_NAME_REGULAR = r"^\w+[0-9a-zA-Z\_\.]*$"


def check_str_by_regular(target):
    """MindSpore's check of a file prefix or suffix (a word character, then letters, digits, ``_``
    and ``.``); raises ValueError otherwise."""
    if re.match(_NAME_REGULAR, target, re.ASCII) is None:
        raise ShapeError(f"The '{target}' is illegal, it must be match regular'{_NAME_REGULAR}' by flags"
                         f"'{re.ASCII}.'")
    return True


def get_event_file_name(prefix, suffix, time_second):
    """``<prefix>.out.events.summary.<time>.<rank>.<host><suffix>``."""
    from ...communication.management import get_rank
    check_str_by_regular(prefix)
    check_str_by_regular(suffix)
    return f"{prefix}{EVENT_FILE_NAME_MARK}{time_second}.{get_rank()}.{socket.gethostname()}{suffix}"


def _calc_histogram_bins(count):
    """The number of buckets of a histogram of ``count`` finite values: 1 for none, 2 up to 5, 3 up
    to 10, ``count // 10 + 1`` up to 880, else 90 (about ten values a bucket, at most 90)."""
    if not count:
        return 1
    if count <= 5:
        return 2
    if count <= 10:
        return 3
    if count <= 880:
        return count // 10 + 1
    return 90
