"""Streams and events of the one CPU device (``mindspore.runtime`` and ``mindspore.hal``): the
engine runs every op to completion in the calling thread, in call order, so one stream holds
all work and is always done. A ``Stream`` is that queue (``query()`` True, ``synchronize()``
returns at once, waits are already satisfied); an ``Event`` marks a point of it and, with
``enable_timing``, the time it was recorded, so ``start.elapsed_time(end)`` times the work
between two records in milliseconds, as on an accelerator. (MindSpore 2.10's CPU build logs
"CPU device is not supported" for these and cannot make an ``Event``.)"""
import time

from ._errors import DTypeError

__all__ = ["Stream", "Event", "StreamCtx", "current_stream", "default_stream",
           "communication_stream", "set_cur_stream", "synchronize"]


class Stream:
    """The CPU device's stream: ``Stream(priority=0, **kwargs)``. Every stream is the one queue
    of the engine (ids 0), so work is ordered whatever stream it is issued on.

    Args:
        priority (int, optional): Accepted for MindSpore's signature. Default: ``0``.
        kwargs (dict): Accepted for MindSpore's signature (``stream``).

    Outputs:
        The stream.

    Examples:
        >>> import mindspore as ms
        >>> s = ms.runtime.Stream()
        >>> print(s.query(), s)
        True Stream(device_name=CPU, device_id:0, stream id:0)
    """

    def __init__(self, priority=0, **kwargs):
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise DTypeError(f"For 'Stream', 'priority' must be an int, but got {type(priority).__name__}.")
        self.priority = priority
        self.id, self.device_id, self.device_name = 0, 0, "CPU"

    def stream_id(self):
        """The stream's id (0)."""
        return self.id

    def query(self):
        """Whether all work issued on the stream has finished: always True here."""
        return True

    def synchronize(self):
        """Waits for the stream's work: already done."""
        return None

    def wait_event(self, event):
        """Makes later work wait for `event` (an :class:`Event`): already satisfied."""
        _check_event("wait_event", event)

    def wait_stream(self, stream):
        """Makes later work wait for `stream`'s work: already done."""
        if not isinstance(stream, Stream):
            raise DTypeError(f"For 'wait_stream', the argument 'stream' should be Stream, but got "
                             f"{type(stream)}.")

    def record_event(self, event=None):
        """Records `event` (a new one when None) at this point of the stream; returns it."""
        event = Event() if event is None else _check_event("record_event", event)
        event.record(self)
        return event

    def __eq__(self, other):
        return isinstance(other, Stream) and other.id == self.id

    def __hash__(self):
        return hash((self.device_name, self.id))

    def __repr__(self):
        return f"Stream(device_name={self.device_name}, device_id:{self.device_id}, stream id:{self.id})"


def _check_event(op, event):
    if not isinstance(event, Event):
        raise DTypeError(f"For '{op}', the argument 'event' should be Event, but got {type(event)}.")
    return event


class Event:
    """A point of the stream: ``Event(enable_timing=False, blocking=False)``; ``record()`` marks
    it (and its time, with `enable_timing`), ``elapsed_time(end)`` gives the milliseconds between
    this event's record and `end`'s.

    Args:
        enable_timing (bool, optional): Whether the record's time is kept. Default: ``False``.
        blocking (bool, optional): Accepted for MindSpore's signature (waits never block here).
            Default: ``False``.

    Outputs:
        The event.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> start, end = ms.runtime.Event(enable_timing=True), ms.runtime.Event(enable_timing=True)
        >>> start.record()
        >>> y = ms.ops.matmul(ms.Tensor(np.ones((64, 64), np.float32)), ms.Tensor(np.ones((64, 64), np.float32)))
        >>> end.record()
        >>> end.synchronize()
        >>> print(start.elapsed_time(end) >= 0.0, end.query())
        True True
    """

    def __init__(self, enable_timing=False, blocking=False):
        for name, v in (("enable_timing", enable_timing), ("blocking", blocking)):
            if not isinstance(v, bool):
                raise DTypeError(f"For 'Event', '{name}' must be a bool, but got {type(v).__name__}.")
        self.enable_timing, self.blocking = enable_timing, blocking
        self._time = None

    def record(self, stream=None):
        """Marks this point of `stream` (the current stream when None)."""
        if stream is not None and not isinstance(stream, Stream):
            raise DTypeError(f"For 'record', the argument 'stream' should be Stream, but got {type(stream)}.")
        self._time = time.perf_counter()

    def wait(self, stream=None):
        """Makes `stream`'s later work wait for this event: already satisfied."""
        if stream is not None and not isinstance(stream, Stream):
            raise DTypeError(f"For 'wait', the argument 'stream' should be Stream, but got {type(stream)}.")

    def synchronize(self):
        """Waits until the work before the record is done: already done."""
        return None

    def query(self):
        """Whether the work before the record is done: True."""
        return True

    def elapsed_time(self, end_event):
        """The milliseconds from this event's record to `end_event`'s (both recorded, with
        ``enable_timing``).

        Raises:
            TypeError: `end_event` is not an Event.
            RuntimeError: an event without timing or not recorded.
        """
        _check_event("elapsed_time", end_event)
        for ev in (self, end_event):
            if not ev.enable_timing or ev._time is None:
                from ._errors import ComputeError
                raise ComputeError("For 'elapsed_time', both events must be created with "
                                   "enable_timing=True and recorded.")
        return (end_event._time - self._time) * 1000.0


_DEFAULT = Stream()
_current = [_DEFAULT]


def current_stream():
    """The stream work is issued on (the CPU stream, or the one :func:`set_cur_stream` set).

    Returns:
        Stream.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.runtime.current_stream() == ms.runtime.default_stream())
        True
    """
    return _current[0]


def default_stream():
    """The device's default stream.

    Returns:
        Stream.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.runtime.default_stream())
        Stream(device_name=CPU, device_id:0, stream id:0)
    """
    return _DEFAULT


def communication_stream():
    """The stream collectives run on (the one CPU stream).

    Returns:
        Stream.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.runtime.communication_stream().query())
        True
    """
    return _DEFAULT


def set_cur_stream(stream):
    """Makes `stream` the current stream.

    Args:
        stream (Stream): The stream.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.set_cur_stream(ms.runtime.Stream())
        >>> ms.runtime.set_cur_stream(ms.runtime.default_stream())
    """
    if not isinstance(stream, Stream):
        raise DTypeError(f"For 'set_cur_stream', the argument 'stream' should be Stream, but got "
                         f"{type(stream)}.")
    _current[0] = stream


class StreamCtx:
    """``with StreamCtx(stream):`` makes `stream` current inside the block.

    Args:
        ctx_stream (Stream): The stream (None: the current one stays).

    Outputs:
        The context manager.

    Examples:
        >>> import mindspore as ms
        >>> s = ms.runtime.Stream()
        >>> with ms.runtime.StreamCtx(s):
        ...     print(ms.runtime.current_stream() is s)
        True
    """

    def __init__(self, ctx_stream):
        if ctx_stream is not None and not isinstance(ctx_stream, Stream):
            raise DTypeError(f"For 'StreamCtx', the argument 'ctx_stream' should be Stream, but got "
                             f"{type(ctx_stream)}.")
        self.stream, self._prev = ctx_stream, None

    def __enter__(self):
        self._prev = _current[0]
        if self.stream is not None:
            _current[0] = self.stream
        return self

    def __exit__(self, *exc):
        _current[0] = self._prev
        return False


def synchronize():
    """Waits for all work of the device: every op has finished when it returns, so this returns
    at once.

    Returns:
        None.

    Examples:
        >>> import mindspore as ms
        >>> ms.runtime.synchronize()
    """
    return None
