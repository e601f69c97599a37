"""``mindspore._c_expression.security``: whether the build is MindSpore's security build, which
leaves out the summaries, dumps and profiling (``enable_security()``). This package is not: its
summaries (``SummaryRecord``) and ``TensorDump`` work, so the answer is False."""

__all__ = ["enable_security"]


def enable_security():
    """False: summaries, dumps and the profiler are available."""
    return False
