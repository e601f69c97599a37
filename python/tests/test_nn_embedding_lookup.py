"""EmbeddingLookup against MindSpore 2.10's lookups (in-range rows, zero rows out of range),
its Parameter, initializer and error classes; max_norm by its documented row rescaling."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

TABLE = np.arange(8, dtype=np.float32).reshape(4, 2)


def T(a, dtype=ms.float32):
    return ms.Tensor(np.asarray(a), dtype)


def test_lookup_matches_mindspore():
    e = nn.EmbeddingLookup(4, 2, param_init=T(TABLE))
    assert [(n, p.shape, p.requires_grad) for n, p in e.parameters_and_names()] == [
        ('embedding_table', (4, 2), True)]
    out = e(T([[1, 0], [3, 2]], ms.int32))
    np.testing.assert_array_equal(out.asnumpy(), TABLE[[[1, 0], [3, 2]]])
    np.testing.assert_array_equal(e(T([5, -1], ms.int32)).asnumpy(), np.zeros((2, 2)))
    np.testing.assert_array_equal(e(T([1], ms.int64)).asnumpy(), [[2, 3]])
    assert repr(e) == "EmbeddingLookup()"
    assert nn.EmbeddingLookup(4, 2, dtype=ms.float16).embedding_table.dtype == ms.float16
    assert abs(nn.EmbeddingLookup(400, 20).embedding_table.asnumpy().std() - 0.01) < 1e-3
    # the table's gradient counts the lookups: row 1 twice, row 0 once, index 7 (out of range) none
    idx = T([1, 1, 0, 7], ms.int32)
    (g,) = ms.grad(lambda i: e(i).sum(), grad_position=None, weights=e.trainable_params())(idx)
    np.testing.assert_array_equal(g.asnumpy()[:, 0], [1, 2, 0, 0])


def test_max_norm_rescales_long_rows():
    out = nn.EmbeddingLookup(4, 2, param_init=T(TABLE), max_norm=2.0)(T([0, 1, 3], ms.int32))
    rows = TABLE[[0, 1, 3]]
    norm = np.linalg.norm(rows, axis=1, keepdims=True)
    np.testing.assert_allclose(out.asnumpy(), np.where(norm > 2, rows * 2 / norm, rows), rtol=1e-5)


@pytest.mark.parametrize("make, exc", [
    (lambda: nn.EmbeddingLookup(4, 2, target='GPU'), ValueError),
    (lambda: nn.EmbeddingLookup(4, 2, slice_mode='foo'), ValueError),
    (lambda: nn.EmbeddingLookup(0, 2), ValueError),
    (lambda: nn.EmbeddingLookup(2.0, 2), TypeError),
    (lambda: nn.EmbeddingLookup(4, 2, sparse=1), TypeError),
    (lambda: nn.EmbeddingLookup(4, 2, param_init=T(np.ones((3, 2)))), ValueError),
    (lambda: nn.EmbeddingLookup(4, 2, max_norm=-1.0), ValueError),
    (lambda: nn.EmbeddingLookup(4, 2, max_norm=1), TypeError),
])
def test_bad_arguments(make, exc):
    with pytest.raises(exc):
        make()


def test_bad_indices():
    e = nn.EmbeddingLookup(4, 2)
    with pytest.raises(TypeError):
        e(T([1.0]))
    with pytest.raises(ValueError):
        e(T(2, ms.int32))
