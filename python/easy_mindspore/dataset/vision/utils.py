"""``mindspore.dataset.vision.utils``: the module MindSpore defines the vision enums (``Inter``,
``Border``, ``ConvertMode``...) and the image file functions (``read_image``, ``encode_jpeg``...)
in; the same objects as ``vision``'s."""
from . import (AutoAugmentPolicy, Border, ConvertMode, ImageBatchFormat,  # noqa: F401
               ImageReadMode, Inter, SliceMode, encode_jpeg, encode_png,
               get_image_num_channels, get_image_size, read_file, read_image, write_file,
               write_jpeg, write_png)

__all__ = ["AutoAugmentPolicy", "Border", "ConvertMode", "ImageBatchFormat", "ImageReadMode",
           "Inter", "SliceMode", "encode_jpeg", "encode_png", "get_image_num_channels",
           "get_image_size", "read_file", "read_image", "write_file", "write_jpeg", "write_png"]
