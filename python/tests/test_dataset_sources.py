"""The in-memory datasets as MindSpore yields them (per-sample rows without ``batch``, disjoint
shards, the pipeline stages after them), ``zip``/``concat``, ``MnistDataset`` dtypes,
``ImageFolderDataset``, the ``vision.transforms`` module, and ``ops.max``/``ops.min``'s
``(values, indices)`` (MindSpore 2.10's return structure)."""
import gzip
import struct

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops
from easy_mindspore import dataset as ds


def test_rows_without_batch_have_the_sample_shape():
    d = ds.NumpySlicesDataset((np.arange(10.0).reshape(5, 2), np.arange(5)), column_names=["x", "y"],
                              shuffle=False)
    rows = list(d)
    assert [tuple(t.shape) for t in rows[0]] == [(2,), ()]
    assert [int(r[1]) for r in rows] == [0, 1, 2, 3, 4]
    assert d.get_batch_size() == 1 and d.batch(2).get_batch_size() == 2
    b = next(iter(d.batch(2)))
    assert tuple(b[0].shape) == (2, 2)
    assert [tuple(r["x"].shape) for r in d.create_dict_iterator(output_numpy=True)][0] == (2,)


def test_numpy_slices_shards_are_equal_and_cover():
    # MindSpore 2.10's DistributedSampler: ceil(11 / 3) = 4 rows per shard, the last shard
    # wrapping around to row 0
    data = np.arange(11)
    shards = [[int(r[0]) for r in ds.NumpySlicesDataset(data, num_shards=3, shard_id=i, shuffle=False)]
              for i in range(3)]
    assert shards == [[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8, 0]]
    # With a set seed every shard draws the same permutation, so the shards cover the rows (an
    # unset seed is a fresh random one per pipeline, in MindSpore as here).
    seed = ds.config.get_seed()
    ds.config.set_seed(3)
    try:
        shuffled = [[int(r[0]) for r in ds.NumpySlicesDataset(data, num_shards=3, shard_id=i)]
                    for i in range(3)]
    finally:
        ds.config.set_seed(seed)
    assert [len(s) for s in shuffled] == [4, 4, 4] and set(sum(shuffled, [])) == set(range(11))
    with pytest.raises(ValueError, match="shard_id"):
        ds.NumpySlicesDataset(data, num_shards=3, shard_id=3)
    with pytest.raises(ValueError, match="both"):
        ds.NumpySlicesDataset(data, num_shards=3)


def test_pipeline_stages_after_an_in_memory_dataset():
    d = ds.NumpySlicesDataset({"x": np.arange(6.0).reshape(3, 2), "y": np.arange(3)}, shuffle=False)
    m = d.map(lambda x: x * 2, input_columns=["x"]).batch(2)
    assert [r[0].asnumpy().tolist() for r in m] == [[[0.0, 2.0], [4.0, 6.0]], [[8.0, 10.0]]]
    assert [int(r[0]) for r in d.project(["y"]).repeat(2)] == [0, 1, 2, 0, 1, 2]
    z = ds.zip((ds.NumpySlicesDataset({"a": np.arange(3)}, shuffle=False),
                ds.NumpySlicesDataset({"b": np.arange(4) * 10}, shuffle=False)))
    assert z.get_col_names() == ["a", "b"] and z.get_dataset_size() == 3
    assert [[int(v) for v in r] for r in z] == [[0, 0], [1, 10], [2, 20]]
    c = ds.NumpySlicesDataset({"a": np.arange(2)}, shuffle=False) + \
        ds.NumpySlicesDataset({"a": np.arange(3)}, shuffle=False)
    assert [int(r[0]) for r in c] == [0, 1, 0, 1, 2] and c.get_dataset_size() == 5
    with pytest.raises(ValueError, match="unique"):
        ds.zip((d, d))
    with pytest.raises(ValueError, match="at least 2"):
        ds.zip((d,))


def _idx(arr):
    dims = b"".join(struct.pack(">I", n) for n in arr.shape)
    return bytes([0, 0, 0x08, arr.ndim]) + dims + arr.astype(np.uint8).tobytes()


def test_mnist_dtypes_usage_and_map(tmp_path):
    for kind, n in (("train", 3), ("t10k", 2)):
        (tmp_path / f"{kind}-images-idx3-ubyte.gz").write_bytes(
            gzip.compress(_idx(np.full((n, 28, 28), n, np.uint8))))
        (tmp_path / f"{kind}-labels-idx1-ubyte").write_bytes(_idx(np.arange(n, dtype=np.uint8)))
    d = ds.FashionMnistDataset(str(tmp_path), "test", shuffle=False)
    img, lab = next(iter(d))
    # MindSpore 2.10: UInt8 images [28, 28, 1], UInt32 labels.
    assert (img.shape, str(img.dtype), lab.shape, str(lab.dtype)) == ((28, 28, 1), "UInt8", (), "UInt32")
    assert ds.MnistDataset(str(tmp_path), "all").get_dataset_size() == 5
    scaled = d.map(ds.vision.Rescale(1 / 255.0, 0), input_columns=["image"]).batch(2)
    img, lab = next(iter(scaled))
    assert img.shape == (2, 28, 28, 1) and str(img.dtype) == "Float32"
    np.testing.assert_allclose(img.asnumpy(), 2 / 255.0, rtol=1e-6)
    with pytest.raises(ValueError, match="usage"):
        ds.MnistDataset(str(tmp_path), "valid")


def test_image_folder_dataset(tmp_path):
    for cls, n in (("cat", 2), ("dog", 1)):
        (tmp_path / cls).mkdir()
        for i in range(n):
            (tmp_path / cls / f"{i}.bin").write_bytes(bytes([i, 1, 2, 3][: i + 2]))
    (tmp_path / "empty").mkdir()
    d = ds.ImageFolderDataset(str(tmp_path), shuffle=False)
    # MindSpore 2.10: empty class folders still get an index; labels Int32; raw bytes as UInt8.
    assert d.get_class_indexing() == {"cat": 0, "dog": 1, "empty": 2}
    # MindSpore 2.10 asks a stage's first child: the indexing reads through the pipeline
    later = ds.zip((d.map(lambda x: x, input_columns=["image"]).shuffle(2).repeat(2),
                    ds.NumpySlicesDataset({"c": [1, 2, 3]})))
    assert later.get_class_indexing() == {"cat": 0, "dog": 1, "empty": 2}
    assert ds.NumpySlicesDataset([1, 2]).map(lambda x: x).get_class_indexing() == {}
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert [(r[0].tolist(), int(r[1]), r[1].dtype) for r in rows] == [
        ([0, 1], 0, np.int32), ([1, 1, 2], 0, np.int32), ([0, 1], 1, np.int32)]
    only_dog = ds.ImageFolderDataset(str(tmp_path), class_indexing={"dog": 5}, shuffle=False)
    assert [int(r[1]) for r in only_dog] == [5]
    assert ds.ImageFolderDataset(str(tmp_path), extensions=[".png"]).get_dataset_size() == 0
    with pytest.raises(RuntimeError, match="invalid image"):
        list(ds.ImageFolderDataset(str(tmp_path), decode=True, shuffle=False))
    with pytest.raises(ValueError, match="not a directory"):
        ds.ImageFolderDataset(str(tmp_path / "nope"))


def test_vision_transforms_module():
    import mindspore.dataset.vision.transforms as vt
    assert vt.Resize is ds.vision.Resize and ds.vision.transforms.CenterCrop is ds.vision.CenterCrop
    assert ds.transforms.transforms.TypeCast is ds.transforms.TypeCast


def test_ops_max_min_return_values_and_indices():
    x = Tensor(np.array([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], np.float32))
    v, i = ops.max(x, axis=1)
    assert v.asnumpy().tolist() == [5.0, 7.0] and i.asnumpy().tolist() == [1, 0]
    assert str(i.dtype) == "Int64"
    v, i = ops.min(x, 0, keepdims=True)
    assert v.asnumpy().tolist() == [[1.0, 0.0, 2.0]] and i.asnumpy().tolist() == [[0, 1, 0]]
    v, i = ops.max(x)  # the flat position (MindSpore 2.10 returns 0 here)
    assert float(v) == 7.0 and int(i) == 3
    v, _ = ops.max(x, axis=1, initial=6.0, where=x < 6)
    assert v.asnumpy().tolist() == [6.0, 6.0]
    with pytest.raises(ValueError, match="initial"):
        ops.max(x, where=x < 6)
    g = ms.grad(lambda t: ops.max(t, axis=1)[0].sum())(x)
    assert g.asnumpy().tolist() == [[0, 1, 0], [1, 0, 0]]


def test_numpy_slices_output_types_and_shapes():
    # MindSpore 2.10: ['float32', 'int64'] and [[2, 4], [2]] after batch(2); per row without it
    x, y = np.arange(20, dtype=np.float32).reshape(5, 4), np.arange(5, dtype=np.int64)
    d = ds.NumpySlicesDataset({"a": x, "b": y}, shuffle=False)
    assert [str(t) for t in d.output_types()] == ["float32", "int64"]
    assert d.output_shapes() == [[4], []]
    assert d.batch(2).output_shapes() == [[2, 4], [2]]
