"""``mindspore.dataset.config``: the settings of the data pipeline, with MindSpore 2.10's names,
defaults and range checks.

- ``set_seed``/``get_seed``: the seed of every random choice the pipeline makes (shuffling, the
  random vision transforms). ``mindspore.set_seed(s)`` sets it too, as in MindSpore; the default is
  MindSpore's, 5489, which (as in MindSpore) means unseeded: each shuffle and sampler then starts
  from a fresh seed drawn from the OS's entropy, and runs differ. The random transforms draw from
  the pipeline's own generator, restarted by each ``set_seed``, not from the engine's: the rows prepared ahead in the background thread then
  draw the same numbers however the training loop's own random ops (dropout, initializers)
  interleave with them.
- ``set_prefetch_size``/``get_prefetch_size``: how many rows (batches after ``batch``) an
  iterator prepares ahead of the training loop in a background thread (default 16), when its rows
  take longer to make than a switch between threads costs (the first rows are timed).
- ``set_debug_mode``/``get_debug_mode``: in debug mode the pipeline runs in the calling thread,
  row by row, so a breakpoint in a source or a transform stops where it is reached.
- ``set_num_parallel_workers``/``get_num_parallel_workers``: the default worker count of ``map``
  and ``batch`` (default: the machine's cores, at most 8). The pipeline reads its rows in one
  background thread; the count is kept for code that reads it back.
"""
import os as _os

import numpy as _np

from .._errors import DTypeError, ShapeError

__all__ = ["set_seed", "get_seed", "set_prefetch_size", "get_prefetch_size", "set_debug_mode",
           "get_debug_mode", "set_num_parallel_workers", "get_num_parallel_workers",
           "set_callback_timeout", "get_callback_timeout"]

UINT32_MAX = 2**32 - 1
INT32_MAX = 2**31 - 1

_settings = {
    "seed": 5489,
    "prefetch_size": 16,
    "debug_mode": False,
    "num_parallel_workers": min(_os.cpu_count() or 1, 8),
    # Unseeded (the default seed), the transforms draw from the OS's entropy, as MindSpore's.
    "generator": _np.random.default_rng(),
    "callback_timeout": 60,
}


def _int(op, what, value, lo, hi, lo_open=False):
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError(f"For '{op}', '{what}' must be an int, but got {type(value).__name__}.")
    if value < lo or value > hi or (lo_open and value == lo):
        left = "(" if lo_open else "["
        raise ShapeError(f"For '{op}', '{what}' must be in {left}{lo}, {hi}], but got {value}.")
    return value


def set_seed(seed):
    """Sets the seed of the data pipeline's random choices (shuffles, random transforms).

    Args:
        seed (int): The seed, in [0, 4294967295].

    Raises:
        TypeError: ``seed`` is not an int.
        ValueError: ``seed`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_seed(1000)
        >>> print(ds.config.get_seed())
        1000
    """
    _reseed(_int("set_seed", "seed", seed, 0, UINT32_MAX))


def _reseed(seed):
    """The pipeline's seed set to ``seed`` (any int ``mindspore.set_seed`` takes), and its
    generator restarted from it (from the OS's entropy for the default 5489, which MindSpore
    takes as unseeded)."""
    _settings["seed"] = seed
    _settings["generator"] = _np.random.default_rng(None if seed == 5489 else seed)


def _generator():
    """The generator the random transforms draw from (restarted by every ``set_seed``)."""
    return _settings["generator"]


def _op_seed():
    """The seed a shuffle or sampler starts from, as MindSpore's ``GetSeed()``: the pipeline's
    seed, except that while it is the default 5489 each call draws a fresh one from the OS's
    entropy (so unseeded runs shuffle differently, as MindSpore's do)."""
    seed = _settings["seed"]
    if seed == 5489:
        return int.from_bytes(_os.urandom(4), "little")
    return seed


def get_seed():
    """The data pipeline's seed: the last ``set_seed`` (this module's or ``mindspore.set_seed``),
    else 5489.

    Returns:
        int, the seed.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_seed(7)
        >>> print(ds.config.get_seed())
        7
    """
    return _settings["seed"]


def set_prefetch_size(size):
    """Sets how many rows (batches after ``batch``) an iterator prepares ahead, in a background
    thread, while the training loop works on the current one.

    Args:
        size (int): The number of rows, in (0, 2147483647].

    Raises:
        TypeError: ``size`` is not an int.
        ValueError: ``size`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_prefetch_size(4)
        >>> print(ds.config.get_prefetch_size())
        4
        >>> ds.config.set_prefetch_size(16)
    """
    _settings["prefetch_size"] = _int("set_prefetch_size", "size", size, 0, INT32_MAX, lo_open=True)


def get_prefetch_size():
    """The number of rows an iterator prepares ahead (default 16).

    Returns:
        int, the prefetch size.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_prefetch_size())
        16
    """
    return _settings["prefetch_size"]


def set_debug_mode(debug_mode_flag):
    """Turns debug mode on or off: on, iterators read their rows in the calling thread (no
    prefetching), so errors and breakpoints happen where the row is requested.

    Args:
        debug_mode_flag (bool): Whether to run the pipeline in the calling thread.

    Raises:
        TypeError: ``debug_mode_flag`` is not a bool.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_debug_mode(True)
        >>> print(ds.config.get_debug_mode())
        True
        >>> ds.config.set_debug_mode(False)
    """
    if not isinstance(debug_mode_flag, bool):
        raise DTypeError(f"For 'set_debug_mode', 'debug_mode_flag' must be a bool, but got "
                         f"{type(debug_mode_flag).__name__}.")
    _settings["debug_mode"] = debug_mode_flag


def get_debug_mode():
    """Whether the pipeline runs in the calling thread (default False).

    Returns:
        bool, the debug mode.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_debug_mode())
        False
    """
    return _settings["debug_mode"]


def set_num_parallel_workers(num):
    """Sets the default number of workers of ``map`` and ``batch``.

    Args:
        num (int): The number of workers, in (0, 2147483647].

    Raises:
        TypeError: ``num`` is not an int.
        ValueError: ``num`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_num_parallel_workers(2)
        >>> print(ds.config.get_num_parallel_workers())
        2
    """
    _settings["num_parallel_workers"] = _int("set_num_parallel_workers", "num", num, 0, INT32_MAX,
                                             lo_open=True)


def get_num_parallel_workers():
    """The default number of workers of ``map`` and ``batch``.

    Returns:
        int, the number of workers.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.get_num_parallel_workers() >= 1
        True
    """
    return _settings["num_parallel_workers"]


def set_callback_timeout(timeout):
    """Sets how many seconds a ``WaitedDSCallback`` waits for the training step (or epoch) it is
    synchronised with before it raises.

    Args:
        timeout (int): Seconds, in (0, 2147483647].

    Raises:
        TypeError: ``timeout`` is not an int.
        ValueError: ``timeout`` is out of range.

    Examples:
        >>> import mindspore.dataset as ds
        >>> ds.config.set_callback_timeout(100)
        >>> print(ds.config.get_callback_timeout())
        100
        >>> ds.config.set_callback_timeout(60)
    """
    _settings["callback_timeout"] = _int("set_callback_timeout", "timeout", timeout, 0, INT32_MAX,
                                         lo_open=True)


def get_callback_timeout():
    """How many seconds a ``WaitedDSCallback`` waits (60 by default).

    Returns:
        int, seconds.

    Examples:
        >>> import mindspore.dataset as ds
        >>> print(ds.config.get_callback_timeout())
        60
    """
    return _settings["callback_timeout"]
