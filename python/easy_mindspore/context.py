"""``mindspore.context``: execution modes. ``GRAPH_MODE`` and ``jit`` currently run functions
eagerly with identical results (there is no graph compiler yet; see the README)."""

GRAPH_MODE = 0
PYNATIVE_MODE = 1

_context = {"mode": PYNATIVE_MODE, "device_target": "CPU", "device_id": 0}

__all__ = ["GRAPH_MODE", "PYNATIVE_MODE", "set_context", "get_context"]


def set_context(**kwargs):
    """Sets context keys (``mode``, ``device_target``...). Only ``CPU`` is available."""
    if "mode" in kwargs and kwargs["mode"] not in (GRAPH_MODE, PYNATIVE_MODE):
        raise ValueError(f"For 'set_context', mode must be GRAPH_MODE or PYNATIVE_MODE, got {kwargs['mode']!r}")
    if kwargs.get("device_target", "CPU") != "CPU":
        raise ValueError(f"For 'set_context', device_target {kwargs['device_target']!r} is not available; only 'CPU'")
    _context.update(kwargs)


def get_context(key):
    """The value of a context key."""
    if key not in _context:
        raise ValueError(f"For 'get_context', unknown key {key!r}")
    return _context[key]
