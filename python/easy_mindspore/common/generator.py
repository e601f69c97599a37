"""``mindspore.Generator`` and the default generator's functions (``manual_seed``, ``seed``,
``initial_seed``, ``get_rng_state``, ``set_rng_state``), as MindSpore 2.10 has them.

A generator is a ``(seed, offset)`` pair. The engine draws from one key, ``[seed, counter]``
(Philox, ``random.rs``); ``default_generator`` *is* that key, and another generator lends its
pair to the key for the length of a draw (``using``) and takes the advanced pair back, so its
sequence depends only on its own seed and draws. The state is MindSpore's: a UInt8 tensor of 16
bytes, the seed and the offset as little-endian Int64.
"""
import random as _random
import threading
from contextlib import contextmanager

import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from . import dtype as mstype

__all__ = ["Generator", "default_generator", "seed", "manual_seed", "initial_seed",
           "get_rng_state", "set_rng_state"]

_MASK = (1 << 64) - 1


def _signed(v):
    """A u64 as MindSpore's Int64 seed."""
    return v - (1 << 64) if v >= 1 << 63 else v


class Generator:
    """A random generator: a seed and an offset that the random functions taking ``generator=``
    draw from and advance. Two generators with the same seed give the same draws.

    Examples:
        >>> import mindspore as ms
        >>> g = ms.Generator().manual_seed(5)
        >>> print(g.initial_seed())
        5
        >>> state = g.get_state()
        >>> a = ms.Tensor([0.0, 0.0]).uniform_(generator=g)
        >>> g.set_state(state)
        >>> b = ms.Tensor([0.0, 0.0]).uniform_(generator=g)
        >>> print(bool((a == b).all()))
        True
    """

    def __init__(self):
        self._pair = (0, 0)

    def _get(self):
        return self._pair

    def _set(self, seed_, offset):
        self._pair = (seed_ & _MASK, offset & _MASK)

    def manual_seed(self, seed):  # noqa: A002 - MindSpore's argument name
        """Sets the seed (and restarts the offset at 0).

        Args:
            seed (int): The seed.

        Returns:
            Generator, this generator.

        Raises:
            TypeError: If `seed` is not an int.

        Examples:
            >>> import mindspore as ms
            >>> print(ms.Generator().manual_seed(7).initial_seed())
            7
        """
        if isinstance(seed, bool) or not isinstance(seed, (int, _np.integer)):
            raise TypeError("Seed must be an integer.")
        seed = int(seed)
        if not -(1 << 63) <= seed < 1 << 64:
            raise ValueError(f"For 'manual_seed', the seed must fit 64 bits, but got {seed}.")
        self._set(seed, 0)
        return self

    def seed(self):
        """Seeds the generator with a fresh random number (from the operating system).

        Returns:
            int, the new seed.

        Examples:
            >>> import mindspore as ms
            >>> g = ms.Generator()
            >>> s = g.seed()
            >>> print(s == g.initial_seed())
            True
        """
        new = _random.SystemRandom().randrange(1 << 31)
        self._set(new, 0)
        return new

    def initial_seed(self):
        """The seed this generator was last seeded with.

        Returns:
            int, the seed.

        Examples:
            >>> import mindspore as ms
            >>> print(ms.Generator().initial_seed())
            0
        """
        return _signed(self._get()[0])

    def get_state(self):
        """The state: a UInt8 tensor of 16 bytes, the seed and the offset (little-endian Int64).

        Returns:
            Tensor, the state.

        Examples:
            >>> import mindspore as ms
            >>> print(ms.Generator().manual_seed(5).get_state())
            [5 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0]
        """
        return Tensor(_np.array(self._get(), "<u8").view(_np.uint8), mstype.uint8)

    def set_state(self, state):
        """Sets the state from one :meth:`get_state` gave.

        Args:
            state (Tensor): A UInt8 tensor of 16 elements.

        Raises:
            TypeError: If `state` is not a UInt8 Tensor.
            ValueError: If `state` does not have 16 elements.

        Examples:
            >>> import mindspore as ms
            >>> g = ms.Generator()
            >>> g.set_state(ms.Generator().manual_seed(3).get_state())
            >>> print(g.initial_seed())
            3
        """
        if not isinstance(state, Tensor) or state.dtype != mstype.uint8:
            raise DTypeError(f"For 'Generator.set_state', the state must be a UInt8 Tensor, but got "
                             f"{getattr(state, 'dtype', type(state).__name__)}.")
        if state.size != 16:
            raise ShapeError(f"For 'Generator.set_state', the state must have 16 elements, but got "
                             f"shape {tuple(state.shape)}.")
        seed_, offset = _np.ascontiguousarray(state.asnumpy().reshape(-1)).view("<u8").tolist()
        self._set(seed_, offset)


class _DefaultGenerator(Generator):
    """The generator of the engine's global key (what ``set_seed`` restarts)."""

    def __init__(self):  # pylint: disable=super-init-not-called
        pass

    def _get(self):
        return _C.rng_state()

    def _set(self, seed_, offset):
        _C.set_rng_state(seed_ & _MASK, offset & _MASK)


# It prints as MindSpore's default generator does, a ``Generator`` object.
_DefaultGenerator.__name__ = _DefaultGenerator.__qualname__ = "Generator"
default_generator = _DefaultGenerator()


class _Using(threading.local):
    depth = 0


_using = _Using()


def in_generator_block():
    """True inside :func:`using`: the ``ops`` random functions then draw from the engine's key
    (the generator's state), not as MindSpore's seeded kernels."""
    return _using.depth > 0


@contextmanager
def using(op, generator):
    """Draws of the block come from ``generator`` (None or the default: the global key), which
    advances by them."""
    if generator is not None and not isinstance(generator, (Generator, _DefaultGenerator)):
        raise DTypeError(f"For '{op}', 'generator' must be a mindspore.Generator or None, but got "
                         f"{type(generator).__name__}.")
    own = generator is not None and not isinstance(generator, _DefaultGenerator)
    saved = _C.rng_state() if own else None
    if own:
        _C.set_rng_state(*generator._get())  # pylint: disable=protected-access
    _using.depth += 1
    try:
        yield
    finally:
        _using.depth -= 1
        if own:
            generator._set(*_C.rng_state())  # pylint: disable=protected-access
            _C.set_rng_state(*saved)


def seed():
    """Seeds the default generator with a fresh random number.

    Returns:
        int, the new seed.

    Examples:
        >>> import mindspore as ms
        >>> s = ms.seed()
        >>> print(s == ms.initial_seed())
        True
    """
    return default_generator.seed()


def manual_seed(seed):  # noqa: A002 - MindSpore's argument name
    """Sets the default generator's seed.

    Args:
        seed (int): The seed.

    Returns:
        Generator, the default generator.

    Examples:
        >>> import mindspore as ms
        >>> _ = ms.manual_seed(13)
        >>> print(ms.initial_seed())
        13
    """
    return default_generator.manual_seed(seed)


def initial_seed():
    """The default generator's seed.

    Returns:
        int, the seed.

    Examples:
        >>> import mindspore as ms
        >>> _ = ms.manual_seed(14)
        >>> print(ms.initial_seed())
        14
    """
    return default_generator.initial_seed()


def get_rng_state():
    """The default generator's state (see :meth:`Generator.get_state`).

    Returns:
        Tensor, a UInt8 tensor of 16 bytes.

    Examples:
        >>> import mindspore as ms
        >>> _ = ms.manual_seed(2)
        >>> print(ms.get_rng_state())
        [2 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0]
    """
    return default_generator.get_state()


def set_rng_state(state):
    """Sets the default generator's state (see :meth:`Generator.set_state`).

    Args:
        state (Tensor): A UInt8 tensor of 16 elements.

    Examples:
        >>> import mindspore as ms
        >>> state = ms.get_rng_state()
        >>> a = ms.Tensor([0.0]).uniform_()
        >>> ms.set_rng_state(state)
        >>> print(bool((ms.Tensor([0.0]).uniform_() == a).all()))
        True
    """
    default_generator.set_state(state)
