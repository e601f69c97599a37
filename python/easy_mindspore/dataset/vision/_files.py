"""Files and encoded images as ``mindspore.dataset.vision`` reads and writes them:
``read_file``/``write_file`` (a file's bytes as a 1-D UInt8 array, and back),
``encode_jpeg``/``encode_png`` (an HWC or HW UInt8 image to its encoded bytes) and
``write_jpeg``/``write_png``. JPEG bytes are MindSpore 2.10's, byte for byte (both use libjpeg's
encoder at the same settings, through Pillow here); PNG decodes to the same pixels (zlib's output
may differ by version). Needs Pillow for the encoders. Bad values are MindSpore's RuntimeErrors,
a wrong type its TypeError."""
import io as _io
import os as _os

import numpy as _np

from ..._C import Tensor
from ..._errors import ComputeError, DTypeError

__all__ = ["read_file", "write_file", "encode_jpeg", "encode_png", "write_jpeg", "write_png"]


def _array(op, value, what="image"):
    if isinstance(value, Tensor):
        return value.asnumpy()
    if not isinstance(value, _np.ndarray):
        raise DTypeError(f"Input {what} is not of type {_np.ndarray} or {Tensor}, but got: "
                         f"{type(value)}.")
    return value


def _level(op, value, name, low, high):
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError(f"Input {name} is not of type {int}, but got: {type(value)}.")
    if not low <= value <= high:
        raise ComputeError(f"{op}: Invalid {name}: {value}, should be in range [{low}, {high}].")
    return value


def _image(op, image):
    """`image` as an HW or HWC (1 or 3 channels) UInt8 array, or MindSpore's RuntimeError."""
    a = _array(op, image)
    if a.dtype != _np.uint8:
        raise ComputeError(f"{op}: The type of the image data should be UINT8, but got {a.dtype}.")
    if a.ndim == 3 and a.shape[2] == 1:
        a = a[..., 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[2] != 3) or 0 in a.shape:
        raise ComputeError(f"{op}: The image should be [H, W] or [H, W, C] with 1 or 3 channels, "
                           f"but got shape {list(a.shape)}.")
    return _np.ascontiguousarray(a)


def _encoded(op, image, fmt, **options):
    try:
        from PIL import Image
    except ImportError:
        raise ComputeError(f"{op}: Pillow is required (pip install pillow).") from None
    out = _io.BytesIO()
    Image.fromarray(_image(op, image)).save(out, fmt, **options)
    return _np.frombuffer(out.getvalue(), _np.uint8).copy()


def encode_jpeg(image, quality=75):
    """The JPEG encoding (baseline, 4:2:0 chroma) of a UInt8 image ``[H, W]`` or
    ``[H, W, 1 or 3]`` (RGB) at `quality` (1 to 100), as a 1-D UInt8 array."""
    quality = _level("EncodeJpeg", quality, "quality", 1, 100)
    return _encoded("EncodeJpeg", image, "JPEG", quality=quality)


def encode_png(image, compression_level=6):
    """The PNG encoding of a UInt8 image ``[H, W]`` or ``[H, W, 1 or 3]`` (RGB) with zlib's
    `compression_level` (0 to 9), as a 1-D UInt8 array."""
    level = _level("EncodePng", compression_level, "compression_level", 0, 9)
    return _encoded("EncodePng", image, "PNG", compress_level=level)


def _path(op, filename):
    if not isinstance(filename, str):
        raise DTypeError(f"Input filename is not of type {str}, but got: {type(filename)}.")
    return filename


def read_file(filename):
    """The bytes of the file `filename` as a 1-D UInt8 array."""
    path = _path("ReadFile", filename)
    if not _os.path.isfile(path):
        raise ComputeError(f"ReadFile: Invalid file path, {path} does not exist or is not a "
                           "regular file.")
    try:
        with open(path, "rb") as f:
            return _np.frombuffer(f.read(), _np.uint8).copy()
    except OSError as e:
        raise ComputeError(f"ReadFile: Can not read file {path}: {e}.") from None


def write_file(filename, data):
    """Writes the 1-D UInt8 array (or Tensor) `data` to the file `filename` as its bytes."""
    path = _path("WriteFile", filename)
    a = _array("WriteFile", data, "data")
    if a.dtype != _np.uint8 or a.ndim != 1:
        raise ComputeError(f"WriteFile: The data should be a 1-D UINT8 array, but got "
                           f"{a.dtype} of shape {list(a.shape)}.")
    try:
        with open(path, "wb") as f:
            f.write(a.tobytes())
    except OSError as e:
        raise ComputeError(f"WriteFile: Can not write file {path}: {e}.") from None


def write_jpeg(filename, image, quality=75):
    """Writes ``encode_jpeg(image, quality)`` to the file `filename`."""
    write_file(filename, encode_jpeg(image, quality))


def write_png(filename, image, compression_level=6):
    """Writes ``encode_png(image, compression_level)`` to the file `filename`."""
    write_file(filename, encode_png(image, compression_level))
