"""``mindspore.device_context.cpu``: the CPU device (always available, one device) and its
kernels' thread count (``op_tuning.threads_num``)."""
from . import op_tuning
from .op_tuning import threads_num

__all__ = ["is_available", "device_count", "op_tuning", "threads_num"]


def is_available():
    """True: the CPU device is always available."""
    return True


def device_count():
    """1: the CPU is one device (its cores are the kernels' threads)."""
    return 1
