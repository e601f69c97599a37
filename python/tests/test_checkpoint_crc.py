"""``save_checkpoint(crc_check=True)`` and ``load_checkpoint(crc_check=True)`` against files
MindSpore 2.10 wrote: ``nn.Dense(2, 1, weight_init='ones', bias_init='zeros')`` saved with
``ms.save_checkpoint(net, path, crc_check=True)`` (and ``format='safetensors'``)."""
import warnings

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

# MindSpore 2.10's .ckpt: the protobuf messages, then b"crc_num" and the CRC32 of the messages as
# a 10-byte big-endian number.
MS_CKPT_CRC = bytes.fromhex(
    "0a210a067765696768741217080108021207466c6f617433321a080000803f0000803f0a190a0462696173121108"
    "011207466c6f617433321a04000000006372635f6e756d000000000000ea4d726f")
# MindSpore 2.10's safetensors file: the CRC32 over each name and its data, in name order, as the
# "crc_num" string of the metadata.
MS_SAFETENSORS_CRC = bytes.fromhex(
    "b0000000000000007b225f5f6d657461646174615f5f223a7b226372635f6e756d223a223536383334363037222c"
    "22666f726d6174223a226d73227d2c2262696173223a7b226474797065223a22463332222c227368617065223a5b"
    "315d2c22646174615f6f666673657473223a5b302c345d7d2c22776569676874223a7b226474797065223a224633"
    "32222c227368617065223a5b312c325d2c22646174615f6f666673657473223a5b342c31325d7d7d202020202020"
    "000000000000803f0000803f")


def _net():
    return nn.Dense(2, 1, weight_init="ones", bias_init="zeros")


def _values(d):
    return {k: v.asnumpy().tolist() for k, v in d.items()}


@pytest.mark.parametrize("name,data", [("ms.ckpt", MS_CKPT_CRC), ("ms.safetensors", MS_SAFETENSORS_CRC)])
def test_files_mindspore_wrote_with_a_crc_load_with_and_without_the_check(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        checked = ms.load_checkpoint(str(path), crc_check=True, format=name.split(".")[1])
    assert _values(checked) == {"weight": [[1.0, 1.0]], "bias": [0.0]}
    assert _values(ms.load_checkpoint(str(path))) == _values(checked)


def test_our_ckpt_with_a_crc_is_mindspores_file_byte_for_byte(tmp_path):
    path = tmp_path / "ours.ckpt"
    ms.save_checkpoint(_net(), str(path), crc_check=True)
    assert path.read_bytes() == MS_CKPT_CRC
    plain = tmp_path / "plain.ckpt"
    ms.save_checkpoint(_net(), str(plain))
    assert plain.read_bytes() == MS_CKPT_CRC[:-17]


def test_our_safetensors_crc_is_mindspores_number(tmp_path):
    path = tmp_path / "ours.safetensors"
    ms.save_checkpoint(_net(), str(path), crc_check=True, format="safetensors")
    assert b'"crc_num":"56834607"' in path.read_bytes()
    assert _values(ms.load_checkpoint(str(path), crc_check=True)) == {"weight": [[1.0, 1.0]],
                                                                      "bias": [0.0]}


@pytest.mark.parametrize("suffix", ["ckpt", "safetensors"])
def test_a_damaged_file_fails_the_check_but_loads_without_it(tmp_path, suffix):
    path = tmp_path / f"net.{suffix}"
    ms.save_checkpoint(_net(), str(path), crc_check=True, format=suffix)
    data = bytearray(path.read_bytes())
    data[-20 if suffix == "ckpt" else -3] ^= 0x01  # a bit of a tensor's data
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="crc check is failed"):
        ms.load_checkpoint(str(path), crc_check=True)
    assert len(ms.load_checkpoint(str(path))) == 2


def test_a_file_without_a_crc_warns_under_the_check(tmp_path):
    path = tmp_path / "net.ckpt"
    ms.save_checkpoint(_net(), str(path))
    with pytest.warns(UserWarning, match="do not contain the crc code"):
        loaded = ms.load_checkpoint(str(path), crc_check=True)
    np.testing.assert_array_equal(loaded["weight"].asnumpy(), [[1.0, 1.0]])
