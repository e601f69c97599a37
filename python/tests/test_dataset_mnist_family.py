"""``KMnistDataset``, ``EMnistDataset``, ``QMnistDataset`` (and ``MnistDataset``'s ``'all'``) on
small IDX files written here: columns, dtypes, shapes, values and MindSpore 2.10's row order
(checked on the same files: ``'all'`` is test then train for MNIST, KMNIST and EMNIST; train,
test then NIST for QMNIST), QMNIST's ``compat`` records, and the errors."""
import struct

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore.dataset as ds


def _write(path, arr):
    code = {np.uint8: 0x08, np.int32: 0x0C}[arr.dtype.type]
    with open(path, "wb") as f:
        f.write(struct.pack(">BBBB", 0, 0, code, arr.ndim))
        for d in arr.shape:
            f.write(struct.pack(">I", d))
        f.write(arr.astype(arr.dtype.newbyteorder(">")).tobytes())


def _images(n, salt):
    return ((np.arange(n * 784).reshape(n, 28, 28) + salt) % 251).astype(np.uint8)


def _rows(d):
    return list(d.create_tuple_iterator(output_numpy=True))


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    r = tmp_path_factory.mktemp("mnists")
    for split, n, salt in (("train", 5, 1), ("t10k", 3, 2)):
        _write(str(r / f"{split}-images-idx3-ubyte"), _images(n, salt))
        _write(str(r / f"{split}-labels-idx1-ubyte"), (np.arange(n) + (10 if split == "train" else 20)).astype(np.uint8))
    for split, n in (("train", 4), ("test", 2)):
        _write(str(r / f"emnist-letters-{split}-images-idx3-ubyte"), _images(n, 3))
        _write(str(r / f"emnist-letters-{split}-labels-idx1-ubyte"), (np.arange(n) + (1 if split == "train" else 30)).astype(np.uint8))
    for stem, n in (("qmnist-train", 4), ("qmnist-test", 6), ("xnist", 3)):
        _write(str(r / f"{stem}-images-idx3-ubyte"), _images(n, 4))
        rec = np.arange(n * 8, dtype=np.int32).reshape(n, 8) + 1000 * len(stem)
        rec[:, 0] = np.arange(n) % 10
        _write(str(r / f"{stem}-labels-idx2-int"), rec)
    return r


def test_mnist_and_kmnist_all_reads_test_then_train(root):
    for d in (ds.MnistDataset(str(root), usage="all", shuffle=False),
              ds.KMnistDataset(str(root), shuffle=False)):
        rows = _rows(d)
        assert [int(r[1]) for r in rows] == [20, 21, 22, 10, 11, 12, 13, 14]
        assert rows[0][0].dtype == np.uint8 and rows[0][0].shape == (28, 28, 1) and rows[0][1].dtype == np.uint32
        np.testing.assert_array_equal(rows[0][0][..., 0], _images(3, 2)[0])
    assert [int(r[1]) for r in _rows(ds.KMnistDataset(str(root), usage="train", shuffle=False))] == [10, 11, 12, 13, 14]


def test_emnist(root):
    rows = _rows(ds.EMnistDataset(str(root), name="letters", shuffle=False))
    assert [int(r[1]) for r in rows] == [30, 31, 1, 2, 3, 4]
    assert len(_rows(ds.EMnistDataset(str(root), "letters", usage="train"))) == 4
    with pytest.raises(ValueError):
        ds.EMnistDataset(str(root), name="cursive")
    with pytest.raises(RuntimeError, match="emnist-digits-test"):
        ds.EMnistDataset(str(root), name="digits")


def test_qmnist_usages_and_records(root):
    rows = _rows(ds.QMnistDataset(str(root), shuffle=False))
    assert [int(r[1]) for r in rows] == [0, 1, 2, 3, 0, 1, 2, 3, 4, 5, 0, 1, 2]
    full = _rows(ds.QMnistDataset(str(root), usage="nist", compat=False, shuffle=False))
    assert full[0][1].shape == (8,) and full[0][1].dtype == np.uint32
    assert full[1][1].tolist() == [1] + list(range(5009, 5016))
    assert len(_rows(ds.QMnistDataset(str(root), usage="test"))) == 6
    with pytest.raises(RuntimeError, match="test10k"):
        ds.QMnistDataset(str(root), usage="test10k")
    with pytest.raises(ValueError):
        ds.QMnistDataset(str(root), usage="validation")
    with pytest.raises(TypeError):
        ds.QMnistDataset(str(root), compat=1)
