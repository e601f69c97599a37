"""Reading ahead: the rows of an epoch made in a background thread while the consumer (a
training step) works, when making them is slow enough for a thread to pay off."""
import collections as _collections
import threading as _threading
import time as _time

PREFETCH_BYTES = 256 << 20
# A thread pays off only for rows that take longer to make than a switch between threads costs
# (the consumer may wait up to the interpreter's 5 ms switch interval for the GIL): faster rows
# are made in the calling thread.
PREFETCH_SLOWER_THAN = 0.005


def _nbytes(row):
    return sum(getattr(v, "nbytes", 0) for v in row)


def prefetched(rows, depth):
    """Iterates ``rows``. The first three rows are made in the calling thread and timed; when at
    least two took longer than ``PREFETCH_SLOWER_THAN``, the rest are made in a background thread,
    up to ``depth`` of them (and at most ``PREFETCH_BYTES``, but always one) ahead of the consumer,
    so that reading and transforming the next batch overlaps the training step (the engine's
    kernels and NumPy's release the GIL). The order is the same either way; an exception in the
    thread is raised here, with its traceback, at the row where it happened. A consumer that
    stops early (``break``) stops the thread at its next row."""
    rows = iter(rows)
    slow = 0
    for _ in range(3):
        start = _time.perf_counter()
        try:
            row = next(rows)
        except StopIteration:
            return
        slow += _time.perf_counter() - start > PREFETCH_SLOWER_THAN
        yield row
    if slow < 2:
        yield from rows
        return
    yield from _in_thread(rows, depth)


def _in_thread(rows, depth):
    """``rows`` made in a background thread, up to ``depth`` ahead (see ``prefetched``)."""
    ready = _collections.deque()
    cond = _threading.Condition()
    state = {"bytes": 0, "stop": False}

    def put(item, size):
        with cond:
            while ready and (len(ready) >= depth or state["bytes"] + size > PREFETCH_BYTES):
                if state["stop"]:
                    return False
                cond.wait(0.5)
            if state["stop"]:
                return False
            ready.append((item, size))
            state["bytes"] += size
            cond.notify_all()
            return True

    def work():
        try:
            for row in rows:
                if not put(("row", row), _nbytes(row)):
                    return
            put(("end", None), 0)
        except BaseException as e:  # noqa: BLE001 - handed to the consumer, raised there
            put(("error", e), 0)

    _threading.Thread(target=work, name="dataset-prefetch", daemon=True).start()
    try:
        while True:
            with cond:
                while not ready:
                    cond.wait()
                (kind, value), size = ready.popleft()
                state["bytes"] -= size
                cond.notify_all()
            if kind == "row":
                yield value
            elif kind == "end":
                return
            else:
                raise value
    finally:
        with cond:
            state["stop"] = True
            cond.notify_all()
