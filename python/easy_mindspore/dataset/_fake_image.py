"""MindSpore's ``FakeImageDataset``: random images and labels, each row drawn afresh from a
Mersenne Twister seeded with ``base_seed + row``, as MindSpore's C++ source op draws them, so the
rows are MindSpore 2.10's, byte for byte.

What MindSpore's op does (``fake_image_op.cc``), reproduced here: the label is one draw of
libstdc++'s ``uniform_int_distribution(0, num_classes - 1)`` (its division method: a word below
``num_classes · ⌊(2³² − 1) / num_classes⌋`` divided by that quotient) from ``std::mt19937``; the
image is ``H·W·C`` float64 normal draws (libstdc++'s Marsaglia polar method over
``generate_canonical<double, 53>``, two words a draw), clipped to ``[0, 255]``, of which the op
keeps the first ``H·W·C`` **bytes** of the float64 buffer as the UInt8 image (a reinterpretation
rather than a conversion: a MindSpore bug, which we copy because the images are what a user's
fixed-seed run compares against; the pixels are far from uniform, and a row whose first draws
are negative starts with zero bytes). NumPy's legacy ``RandomState(seed)`` is the same generator
with the same seeding, and its full-range 32-bit draws are the generator's words."""
import math
import struct

import numpy as _np

from .._errors import DTypeError, ShapeError
from .pipeline import GeneratorDataset, check_workers

__all__ = ["FakeImageDataset"]

_INT_MAX = 2**31 - 1


class _Words:
    """The 32-bit words of ``std::mt19937`` seeded with ``seed`` (modulo 2³²), in blocks."""

    def __init__(self, seed):
        self._rs = _np.random.RandomState(seed & 0xFFFFFFFF)

    def take(self, n):
        return self._rs.randint(0, 2**32, size=n, dtype=_np.uint32)


def _label(seed, classes):
    words = _Words(seed)
    scaling = (2**32 - 1) // classes
    past = classes * scaling
    while True:
        w = int(words.take(1)[0])
        if w < past:
            return w // scaling


def _image(seed, shape):
    """The row's UInt8 image: the bytes of its clipped normal draws."""
    size = shape[0] * shape[1] * shape[2]
    need = (size + 7) // 8  # float64 draws whose bytes make the image
    words = _Words(seed)
    draws = []
    while len(draws) < need:
        # Each attempt of the polar method reads two canonical numbers, each from two words.
        tries = max(8, int((need - len(draws)) / 2 * 1.35) + 8)
        w = words.take(4 * tries).astype(_np.float64).reshape(tries, 2, 2)
        u = (w[:, :, 0] + w[:, :, 1] * 2.0**32) / 2.0**64
        u = _np.minimum(u, math.nextafter(1.0, 0.0))
        x, y = 2 * u[:, 0] - 1, 2 * u[:, 1] - 1
        r2 = x * x + y * y
        ok = (r2 <= 1) & (r2 != 0)
        # An attempt after the last one needed consumed words the generator's next row never
        # reads (each row reseeds), so drawing ahead is harmless.
        for xi, yi, ri in zip(x[ok].tolist(), y[ok].tolist(), r2[ok].tolist()):
            m = math.sqrt(-2 * math.log(ri) / ri)  # libm's log, as the C++ library's
            draws.append(yi * m)
            draws.append(xi * m)
            if len(draws) >= need:
                break
    values = [min(max(v, 0.0), 255.0) for v in draws[:need]]
    raw = _np.frombuffer(struct.pack(f"<{need}d", *values), _np.uint8)[:size]
    return raw.reshape(shape)


def _positive(name, v):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"Argument {name} with value {v!r} is not of type [<class 'int'>], but "
                         f"got {type(v)}.")
    if not 1 <= int(v) <= _INT_MAX:
        raise ShapeError(f"Input {name} is not within the required interval of [1, {_INT_MAX}].")
    return int(v)


class FakeImageDataset(GeneratorDataset):
    """MindSpore's ``FakeImageDataset(num_images=1000, image_size=(224, 224, 3), num_classes=10,
    base_seed=0, ...)``: columns ``image`` (UInt8, ``image_size``) and ``label`` (a UInt32
    scalar below ``num_classes``), row ``i`` drawn from a generator seeded with
    ``base_seed + i`` — the same rows as MindSpore 2.10's (see the module's notes). Rows are
    made when read; shuffled by default, with ``num_samples``, ``sampler`` and shards as the
    other sources.

    Examples:
        >>> import mindspore.dataset as ds
        >>> data = ds.FakeImageDataset(num_images=4, image_size=(2, 2, 3), num_classes=3,
        ...                            shuffle=False)
        >>> print([int(row["label"]) for row in data.create_dict_iterator(output_numpy=True)])
        [1, 1, 1, 1]
    """

    def __init__(self, num_images=1000, image_size=(224, 224, 3), num_classes=10, base_seed=0,
                 num_samples=None, num_parallel_workers=None, shuffle=None, sampler=None,
                 num_shards=None, shard_id=None, cache=None):
        check_workers("FakeImageDataset", num_parallel_workers)
        n = _positive("num_images", num_images)
        classes = _positive("num_classes", num_classes)
        if not isinstance(image_size, (list, tuple)) or len(image_size) != 3:
            got = len(image_size) if isinstance(image_size, (list, tuple)) else type(image_size)
            raise ShapeError(f"image_size should be a list or tuple of length 3, but got {got}")
        shape = tuple(_positive(f"image_size[{i}]", v) for i, v in enumerate(image_size))
        if isinstance(base_seed, bool) or not isinstance(base_seed, (int, _np.integer)):
            raise DTypeError(f"Argument base_seed with value {base_seed!r} is not of type "
                             f"[<class 'int'>], but got {type(base_seed)}.")
        seed = int(base_seed)
        if num_samples == 0:  # MindSpore reads every row for 0
            num_samples = None

        class _Rows:
            def __len__(self):
                return n

            def __getitem__(self, i):
                return _image(seed + i, shape), _np.uint32(_label(seed + i, classes))

        super().__init__(_Rows(), ["image", "label"], num_samples=num_samples, shuffle=shuffle,
                         sampler=sampler, num_shards=num_shards, shard_id=shard_id)
