"""A small protobuf writer for the summary messages built in Python (``LossLandscape``; the
engine encodes the rest): fields are written in the wire format, so the bytes parse with
MindSpore's ``summary_pb2`` (checked) and embed as the ``bytes`` the engine writes."""
import struct

import numpy as np

__all__ = []

# mindspore.irpb.DataType codes
DT_INT64, DT_FLOAT32, DT_FLOAT64 = 5, 11, 12


def _varint(value):
    value &= (1 << 64) - 1  # negative int64s: two's complement, ten bytes
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def varint_field(number, value):
    """A varint field (int32, int64, enum, bool)."""
    return _varint(number << 3) + _varint(int(value))


def bytes_field(number, data):
    """A length-delimited field (bytes, string, embedded message)."""
    if isinstance(data, str):
        data = data.encode()
    return _varint((number << 3) | 2) + _varint(len(data)) + data


def tensor_proto(values, data_type, dims=None):
    """A ``TensorProto`` of `values` in ``float_data`` (as MindSpore writes the tensors of a loss
    landscape, whatever their `data_type`), with `dims` (the values' shape by default)."""
    array = np.asarray(values, dtype=np.float64)
    dims = array.shape if dims is None else dims
    out = b"".join(varint_field(1, d) for d in dims) + varint_field(2, data_type)
    flat = array.reshape(-1)
    if flat.size:
        out += bytes_field(3, struct.pack(f"<{flat.size}f", *flat))
    return out
