"""``mindspore.device_context`` (MindSpore 2.5+): per-device settings. Only the CPU exists here:
``device_context.cpu.op_tuning.threads_num(n)`` sets the number of threads of the CPU kernels."""
from . import cpu

__all__ = ["cpu"]
