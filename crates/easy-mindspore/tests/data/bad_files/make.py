"""Writes the crafted bad files of this directory (run it from anywhere: `python3 make.py`).

Each file is one way a checkpoint (MindSpore `.ckpt`, safetensors) or an IDX dataset file can be
broken or hostile: truncated, oversized headers, wrong dtypes, dimension bombs, gzip bombs (kept
small on disk), duplicate names, trailing garbage. `tests/nn/files.rs` and
`python/tests/test_files.py` load every file here and check the exact error; a new file needs a
line in both tables. The output is deterministic (gzip with mtime 0), so running this again
changes nothing.
"""
import gzip
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def varint(v):
    out = bytearray()
    v &= (1 << 64) - 1
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, payload):
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def ckpt_value(tag, dims, ty, content):
    """One `Checkpoint.Value` of MindSpore's checkpoint.proto (dims not packed)."""
    tensor = b"".join(varint(1 << 3) + varint(d) for d in dims)
    tensor += field(2, ty.encode()) + field(3, content)
    return field(1, field(1, tag.encode()) + field(2, tensor))


def safetensors(header, data=b"", length=None):
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    n = len(text) if length is None else length
    return struct.pack("<Q", n) + text + data


def st_entry(dtype, shape, begin, end):
    return {"dtype": dtype, "shape": shape, "data_offsets": [begin, end]}


def idx(ty, dims, data=b"", ndim=None):
    head = bytes([0, 0, ty, len(dims) if ndim is None else ndim])
    return head + b"".join(struct.pack(">I", d) for d in dims) + data


def gz(raw):
    return gzip.compress(raw, compresslevel=9, mtime=0)


def files():
    good_ckpt = ckpt_value("w", [2], "Float32", struct.pack("<2f", 1.0, 2.0))
    good_st = safetensors({"w": st_entry("F32", [2], 0, 8)}, struct.pack("<2f", 1.0, 2.0))
    good_idx = idx(0x08, [2, 3], bytes(range(6)))
    yield "ckpt_empty.ckpt", b""
    yield "ckpt_truncated.ckpt", good_ckpt[:-3]
    yield "ckpt_not_protobuf.ckpt", b"this is not a checkpoint at all\n"
    yield "ckpt_varint_overflow.ckpt", bytes([0x0A] + [0xFF] * 9 + [0x7F])
    yield "ckpt_wrong_dtype.ckpt", ckpt_value("w", [2], "Complex32", bytes(8))
    yield "ckpt_size_mismatch.ckpt", ckpt_value("w", [3], "Float32", bytes(8))
    yield "ckpt_duplicate_tag.ckpt", (good_ckpt + ckpt_value("x", [1], "Int64", bytes(8))
                                      + good_ckpt)
    yield "ckpt_negative_dim.ckpt", ckpt_value("w", [-1], "Float32", bytes(4))
    yield "ckpt_ndim_bomb.ckpt", ckpt_value("w", [1] * 65, "Float32", bytes(4))
    yield "ckpt_shape_overflow.ckpt", ckpt_value("w", [1 << 31] * 3, "Float32", bytes(4))
    # A zero axis makes the element count 0, but the other axes overflow every stride.
    yield "ckpt_zero_axis_overflow.ckpt", ckpt_value("w", [0, 1 << 62, 1 << 62], "Float32", b"")

    yield "st_too_short.safetensors", b"\x01\x02\x03"
    yield "st_truncated.safetensors", good_st[:20]
    yield "st_header_length_huge.safetensors", safetensors(b"{}", length=(1 << 64) - 1)
    yield "st_header_past_end.safetensors", safetensors(b"{}", length=4096)
    yield "st_header_not_utf8.safetensors", safetensors(b'{"\xff": 1}')
    yield "st_header_not_object.safetensors", safetensors([1, 2])
    yield "st_header_deep_nesting.safetensors", safetensors(
        b'{"w": {"x": ' + b"[" * 1000 + b"]" * 1000 + b"}}")
    yield "st_duplicate_key.safetensors", safetensors(
        b'{"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, '
        b'"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}', bytes(4))
    yield "st_wrong_dtype.safetensors", safetensors({"w": st_entry("Q8", [1], 0, 1)}, bytes(1))
    yield "st_unsupported_dtype.safetensors", safetensors({"w": st_entry("F8_E4M3", [1], 0, 1)},
                                                          bytes(1))
    yield "st_negative_dim.safetensors", safetensors({"w": st_entry("F32", [-1], 0, 4)}, bytes(4))
    yield "st_ndim_bomb.safetensors", safetensors({"w": st_entry("F32", [1] * 65, 0, 4)}, bytes(4))
    yield "st_shape_overflow.safetensors", safetensors({"w": st_entry("F32", [1 << 40] * 2, 0, 0)})
    yield "st_zero_axis_overflow.safetensors", safetensors(
        {"w": st_entry("F32", [0, 1 << 62, 1 << 62], 0, 0)})
    yield "st_size_mismatch.safetensors", safetensors({"w": st_entry("F32", [2], 0, 4)}, bytes(4))
    yield "st_overlap.safetensors", safetensors(
        {"a": st_entry("F32", [1], 0, 4), "b": st_entry("F32", [1], 2, 6)}, bytes(6))
    yield "st_trailing_garbage.safetensors", good_st + b"garbage!"

    yield "idx_truncated_header.idx", good_idx[:3]
    yield "idx_truncated_data.idx", good_idx[:-1]
    yield "idx_trailing_garbage.idx", good_idx + b"\x07"
    yield "idx_not_idx.idx", b"\x01\x00" + good_idx[2:]
    yield "idx_unknown_type.idx", idx(0x07, [1], b"\x00")
    yield "idx_ndim_bomb.idx", idx(0x08, [1] * 65, b"\x00")
    yield "idx_shape_overflow.idx", idx(0x0E, [0xFFFFFFFF] * 3)
    yield "idx_zero_axis_overflow.idx", idx(0x0E, [0, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF])
    # A header promising 4 GiB that is not there.
    yield "idx_header_lies.idx", idx(0x08, [65536, 65536], b"\x01\x02")
    # Gzip: a stream that decompresses to 1 MiB where the header declares 6 bytes (a bomb).
    yield "idx_gzip_bomb.idx.gz", gz(idx(0x08, [2, 3], bytes(1 << 20)))
    # A header declaring 4 GiB in a gzip file far too small to hold it.
    yield "idx_gzip_claims_too_much.idx.gz", gz(idx(0x08, [65536, 65536], bytes(4096)))
    yield "idx_gzip_truncated.idx.gz", gz(good_idx)[:-6]
    yield "idx_gzip_trailing_garbage.idx.gz", gz(good_idx) + b"garbage"
    bad_crc = bytearray(gz(good_idx))
    bad_crc[-8] ^= 0xFF
    yield "idx_gzip_bad_crc.idx.gz", bytes(bad_crc)


def main():
    for name, data in files():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
