"""``mindspore.train.summary._summary_adapter``: turning values into what the summary file holds.

- ``_calc_histogram_bins(count)``: how many buckets MindSpore gives a histogram of `count` values
  (the engine's writer applies the same rule to the finite values of a tensor).
- ``_make_image(tensor, tag)``: an NCHW batch of images (1 or 3 channels) as the RGB picture
  MindSpore records, ``(height, width, colorspace, png_bytes)``: the images side by side, eight
  to a row (the rest of the last row zeros), grey images repeated over the three channels; then
  the whole picture scaled: values in ``[0, 1]`` by 255, other ranges by
  ``(v - min) * 255 / (max - min + 1)``, truncated to bytes (a picture holding NaN or an
  infinity is black, as MindSpore's cast makes it). ``None`` (with the error logged, as MindSpore logs it) when the batch is not such an
  image or is empty.
- ``_png(rgb)``: PNG bytes of an ``(H, W, 3)`` uint8 array (8-bit RGB, no interlace, each row
  unfiltered, zlib-compressed).

These were measured against MindSpore 2.10's files: the sizes, channels and the decoded pixels of
its images, and its bucket counts."""
import struct
import zlib

import numpy as np

from ... import log as logger

__all__ = []

_GRID_COLUMNS = 8  # images per row of the picture
_RGB = 3  # the colour space written (RGB)


def _calc_histogram_bins(count):
    """How many buckets MindSpore gives a histogram of `count` values: 1 for none, 2 up to 5,
    3 up to 10, ``count // 10 + 1`` up to 880, then 90."""
    if not count:
        return 1
    if count <= 5:
        return 2
    if count <= 10:
        return 3
    if count <= 880:
        return count // 10 + 1
    return 90


def _scaled(array):
    """`array`'s values as bytes, as MindSpore scales an image (see the module note)."""
    if array.dtype == np.bool_:
        array = array.astype(np.uint8)
    if not np.isfinite(array).all():
        return np.zeros(array.shape, np.uint8)
    lo, hi = array.min(), array.max()
    if lo >= 0 and hi <= 1:
        return (array * 255).astype(np.uint8)
    work = array if np.issubdtype(array.dtype, np.floating) else array.astype(np.float64)
    return ((work - lo) * (255 / (float(hi) - float(lo) + 1))).astype(np.uint8)


def _make_image(tensor, tag=""):
    """``(height, width, colorspace, png_bytes)`` of an NCHW batch of images (a Tensor or an
    array), or None with the error logged when it is not one (see the module note)."""
    array = tensor.asnumpy() if hasattr(tensor, "asnumpy") else np.asarray(tensor)
    if array.ndim != 4 or array.shape[1] not in (1, 3):
        logger.error(f"The dimension of Summary tensor should be 4 or second dimension should be 1 or 3, "
                     f"but got tag = {tag}, ndim = {array.ndim}, shape={array.shape}, which means "
                     f"Summary tensor is not Image.")
        return None
    if 0 in array.shape:
        logger.error(f"The tensor with shape({array.shape}) is not a valid image because the shape "
                     f"contains zero.")
        return None
    images = np.transpose(array, (0, 2, 3, 1))  # NHWC
    if images.shape[3] == 1:
        images = np.repeat(images, _RGB, axis=3)
    n, h, w = images.shape[:3]
    cols = min(n, _GRID_COLUMNS)
    rows = -(-n // cols)
    canvas = np.zeros((rows * h, cols * w, _RGB), images.dtype)
    for k in range(n):
        r, c = divmod(k, cols)
        canvas[r * h:(r + 1) * h, c * w:(c + 1) * w] = images[k]
    # The picture is scaled as a whole: the empty cells of the last row count as zeros.
    canvas = _scaled(canvas)
    return canvas.shape[0], canvas.shape[1], _RGB, _png(canvas)


def _png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def _png(rgb):
    """PNG bytes of an ``(H, W, 3)`` uint8 array (see the module note)."""
    h, w = rgb.shape[:2]
    raw = np.concatenate([np.zeros((h, 1), np.uint8), rgb.reshape(h, w * _RGB)], axis=1)
    header = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)  # 8-bit truecolour
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(raw.tobytes())) + _png_chunk(b"IEND", b""))
