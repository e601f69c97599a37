"""The top-level names MindSpore 2.10 keeps for ``mindspore.tools``' functions
(``mindspore.set_dump``, and ``mindspore.utils``' ``sdc_detect_*``, ``stress_detect``): the same
functions behind MindSpore's deprecation warning, logged on the first call of each."""
import functools as _functools

from .. import log as _log
from . import get_sdc_detect_result, sdc_detect_start, sdc_detect_stop, set_dump, stress_detect

__all__ = ["set_dump", "sdc_detect_start", "sdc_detect_stop", "get_sdc_detect_result", "stress_detect"]


def _deprecated(func, old):
    warned = []

    @_functools.wraps(func)
    def wrapper(*args, **kwargs):
        if not warned:
            warned.append(True)
            _log.warning(f"'{old}' is deprecated from version 2.7.1 and will be removed in a future "
                         f"version, use 'mindspore.tools.{func.__name__}' instead.")
        return func(*args, **kwargs)
    return wrapper


set_dump = _deprecated(set_dump, "mindspore.set_dump")
sdc_detect_start = _deprecated(sdc_detect_start, "mindspore.utils.sdc_detect_start")
sdc_detect_stop = _deprecated(sdc_detect_stop, "mindspore.utils.sdc_detect_stop")
get_sdc_detect_result = _deprecated(get_sdc_detect_result, "mindspore.utils.get_sdc_detect_result")
stress_detect = _deprecated(stress_detect, "mindspore.utils.stress_detect")
