"""SyncBatchNorm in one process against MindSpore 2.10's outputs, Parameter names and errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn


def T(a):
    return ms.Tensor(np.asarray(a, np.float32))


def test_sync_batch_norm_matches_mindspore():
    s = nn.SyncBatchNorm(2)
    assert [n for n, _ in s.parameters_and_names()] == ['moving_mean', 'moving_variance', 'gamma',
                                                         'beta']
    assert repr(s).startswith("SyncBatchNorm(num_features=2, eps=1e-05, momentum=0.9, gamma=")
    s.set_train()
    out = s(T(np.arange(16).reshape(2, 2, 2, 2)))
    np.testing.assert_allclose(out.asnumpy()[0, 0], [[-1.324244, -1.0834724],
                                                     [-0.8427007, -0.60192907]], rtol=1e-5)
    np.testing.assert_allclose(s.moving_mean.asnumpy(), [0.55, 0.95], rtol=1e-6)
    out = s(T(np.arange(4).reshape(2, 2)))                  # 2-D: one value per channel and row
    np.testing.assert_allclose(out.asnumpy(), [[-0.999995, -0.999995], [0.999995, 0.999995]],
                               rtol=1e-5)
    s.set_train(False)
    ones = nn.SyncBatchNorm(2)(T(np.ones((2, 2, 2, 2))))     # eval: (1 − 0)/√(1 + eps)
    np.testing.assert_allclose(ones.asnumpy(), np.full((2, 2, 2, 2), 0.999995), rtol=1e-6)
    assert nn.SyncBatchNorm(2, process_groups=[[0]]).process_groups == [[0]]


def test_sync_batch_norm_errors():
    s = nn.SyncBatchNorm(2)
    for shape in ((2, 2, 3), (2, 2, 2, 2, 2)):
        with pytest.raises(ValueError):
            s(T(np.ones(shape)))
    with pytest.raises(ValueError):
        nn.SyncBatchNorm(2, process_groups=[[0, 1]])        # rank 1 of a 1-process world
    with pytest.raises(ValueError):
        nn.SyncBatchNorm(2, process_groups=5)
