"""Hardened files from Python: every crafted bad checkpoint or IDX file of the Rust corpus raises
``ValueError`` (``easy_mindspore.ShapeError``) naming the file; saves never follow a planted
symlink and leave nothing behind when they fail; gzip bombs and trailing garbage in IDX files are
refused; many-tensor checkpoints load in linear time."""
import gzip
import os
import struct
import time

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "easy-mindspore", "tests",
                      "data", "bad_files")

# The file and the words its error must contain (the Rust table in tests/nn/files.rs has the same).
BAD_FILES = {
    "ckpt_empty.ckpt": "holds no tensors",
    "ckpt_truncated.ckpt": "runs past the end",
    "ckpt_not_protobuf.ckpt": "invalid MindSpore checkpoint",
    "ckpt_varint_overflow.ckpt": "varint overflow",
    "ckpt_wrong_dtype.ckpt": 'unsupported tensor_type "Complex32"',
    "ckpt_size_mismatch.ckpt": "needs 12 bytes, but 8 are stored",
    "ckpt_duplicate_tag.ckpt": "appears twice",
    "ckpt_negative_dim.ckpt": "negative dims",
    "ckpt_ndim_bomb.ckpt": "more than 64 dims",
    "ckpt_shape_overflow.ckpt": "needs too many bytes",
    "ckpt_zero_axis_overflow.ckpt": "needs too many bytes",
    "st_too_short.safetensors": "no header length",
    "st_truncated.safetensors": "does not fit",
    "st_header_length_huge.safetensors": "does not fit",
    "st_header_past_end.safetensors": "does not fit",
    "st_header_not_utf8.safetensors": "not UTF-8",
    "st_header_not_object.safetensors": "expected a JSON object",
    "st_header_deep_nesting.safetensors": "recursion limit",
    "st_duplicate_key.safetensors": 'duplicate key "w"',
    "st_wrong_dtype.safetensors": 'unsupported dtype "Q8"',
    "st_unsupported_dtype.safetensors": 'unsupported dtype "F8_E4M3"',
    "st_negative_dim.safetensors": "integer `-1`",
    "st_ndim_bomb.safetensors": "more than 64 dims",
    "st_shape_overflow.safetensors": "too large",
    "st_zero_axis_overflow.safetensors": "needs too many bytes",
    "st_size_mismatch.safetensors": "data_offsets",
    "st_overlap.safetensors": "a hole or an overlap",
    "st_trailing_garbage.safetensors": "truncated or padded",
    "idx_truncated_header.idx": "truncated header",
    "idx_truncated_data.idx": "truncated data",
    "idx_trailing_garbage.idx": "trailing bytes",
    "idx_not_idx.idx": "not an IDX file",
    "idx_unknown_type.idx": "unknown IDX element type 0x07",
    "idx_ndim_bomb.idx": "65 dims",
    "idx_shape_overflow.idx": "too large",
    "idx_zero_axis_overflow.idx": "too large",
    "idx_header_lies.idx": "truncated data",
    "idx_gzip_bomb.idx.gz": "trailing bytes after the data",
    "idx_gzip_claims_too_much.idx.gz": "more than a gzip file",
    "idx_gzip_truncated.idx.gz": "gzip",
    "idx_gzip_trailing_garbage.idx.gz": "after the gzip stream",
    "idx_gzip_bad_crc.idx.gz": "gzip",
}


def test_the_corpus_is_listed_whole():
    on_disk = sorted(n for n in os.listdir(CORPUS) if n != "make.py")
    assert on_disk == sorted(BAD_FILES)


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_each_bad_file_is_a_value_error_naming_the_file(name):
    path = os.path.join(CORPUS, name)
    load = ms.dataset.read_idx if name.startswith("idx_") else ms.load_checkpoint
    start = time.perf_counter()
    with pytest.raises(ValueError) as info:
        load(path)
    assert time.perf_counter() - start < 2
    assert type(info.value) is ms.ShapeError
    msg = str(info.value)
    assert BAD_FILES[name] in msg and name in msg, msg


def planted_names(name, count=500):
    """The temporary names the old writer used: `.<name>.tmp-<pid>-<counter>`."""
    return [f".{name}.tmp-{os.getpid()}-{n}" for n in range(count)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
@pytest.mark.parametrize("name", ["m.ckpt", "m.safetensors"])
def test_saving_never_follows_a_planted_symlink(tmp_path, name):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    for n in planted_names(name):
        os.symlink(victim, tmp_path / n)
    ms.save_checkpoint({"w": Tensor(np.arange(4, dtype=np.float32))}, str(tmp_path / name))
    assert victim.read_bytes() == b"precious"
    assert ms.load_checkpoint(str(tmp_path / name))["w"].asnumpy().tolist() == [0, 1, 2, 3]


def test_a_failed_save_leaves_the_previous_file_and_no_temp_file(tmp_path):
    target = tmp_path / "t.ckpt"
    target.mkdir()  # a directory where the file should go: the final rename fails
    (target / "inside").write_bytes(b"x")
    with pytest.raises(ValueError, match="cannot rename"):
        ms.save_checkpoint({"w": Tensor([1.0])}, str(target))
    assert sorted(os.listdir(tmp_path)) == ["t.ckpt"]
    assert os.listdir(target) == ["inside"]
    good = tmp_path / "g.ckpt"
    ms.save_checkpoint({"w": Tensor([2.0])}, str(good))
    with pytest.raises(ValueError):
        ms.save_checkpoint({"__metadata__": Tensor([3.0])}, str(tmp_path / "g.safetensors"))
    assert ms.load_checkpoint(str(good))["w"].asnumpy().tolist() == [2.0]
    assert sorted(os.listdir(tmp_path)) == ["g.ckpt", "t.ckpt"]


def idx_u8(dims, payload):
    return bytes([0, 0, 0x08, len(dims)]) + b"".join(struct.pack(">I", d) for d in dims) + payload


def test_idx_gzip_bombs_and_trailing_garbage_are_value_errors(tmp_path):
    good = idx_u8([2, 3], bytes(range(6)))
    cases = {
        "bomb.gz": (gzip.compress(idx_u8([2, 3], bytes(1 << 22))), "trailing bytes after the data"),
        "garbage.gz": (gzip.compress(good) + b"\0\0\0\0", "after the gzip stream"),
        "twice.gz": (gzip.compress(good) * 2, "after the gzip stream"),
        "lies.gz": (gzip.compress(idx_u8([1 << 16, 1 << 16], b"")), "more than a gzip file"),
    }
    for name, (data, needle) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(ValueError, match=needle):
            ms.dataset.read_idx(tmp_path / name)
    (tmp_path / "ok.gz").write_bytes(gzip.compress(good))
    assert ms.dataset.read_idx(tmp_path / "ok.gz").asnumpy().tolist() == [[0, 1, 2], [3, 4, 5]]


@pytest.mark.parametrize("suffix", [".ckpt", ".safetensors"])
def test_many_tensors_load_in_linear_time(tmp_path, suffix):
    n = 20_000
    tensors = {f"layer{i}.w": Tensor(np.float32(i)) for i in range(n)}
    path = str(tmp_path / ("many" + suffix))
    ms.save_checkpoint(tensors, path)
    start = time.perf_counter()
    loaded = ms.load_checkpoint(path)
    elapsed = time.perf_counter() - start
    assert len(loaded) == n and float(loaded["layer12345.w"]) == 12345.0
    assert elapsed < 10, elapsed
