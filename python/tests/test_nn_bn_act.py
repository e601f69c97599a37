"""DenseBnAct and Conv2dBnAct against MindSpore 2.10's outputs (fixed weights), Parameter names,
composition with their parts, and its error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

F = ms.float32


def T(a, dtype=F):
    return ms.Tensor(np.asarray(a), dtype)


W = np.arange(12, dtype=np.float32).reshape(4, 3) / 10 - 0.5
X = np.array([[1., -2., 3.], [0.5, 1., -1.]], np.float32)


def test_dense_bn_act_matches_mindspore():
    out = nn.DenseBnAct(3, 4, weight_init=T(W), activation='leakyrelu', alpha=0.1)(T(X))
    np.testing.assert_allclose(out.asnumpy(), [[-0.06, 0., 0.6000001, 1.2],
                                               [-0.035, -0.02, -0.005, 0.09999996]], rtol=1e-5,
                               atol=1e-7)
    np.testing.assert_allclose(nn.DenseBnAct(3, 4, weight_init=T(W))(T(X)).asnumpy(), X @ W.T,
                               rtol=1e-5, atol=1e-7)
    net = nn.DenseBnAct(3, 4, weight_init=T(W), has_bn=True, activation='relu')
    net.set_train()
    # MindSpore 2.10, training mode (batch statistics of the two rows)
    np.testing.assert_allclose(net(T(X)).asnumpy(), [[0., 0.9995004, 0.9999527, 0.9999835],
                                                     [0.99968016, 0., 0., 0.]], rtol=1e-4,
                               atol=1e-6)
    assert [n for n, _ in net.parameters_and_names()] == [
        'dense.weight', 'dense.bias', 'batchnorm.moving_mean', 'batchnorm.moving_variance',
        'batchnorm.gamma', 'batchnorm.beta']
    net.set_train(False)   # evaluation: the parts in order, with the moving statistics
    want = net.activation(net.batchnorm(net.dense(T(X)))).asnumpy()
    np.testing.assert_allclose(net(T(X)).asnumpy(), want, rtol=1e-6)
    d = nn.DenseBnAct(30, 40)
    assert abs(d.dense.weight.asnumpy().std() - 0.01) < 0.002            # 'normal': σ = 0.01
    assert (d.dense.bias.asnumpy() == 0).all()
    assert repr(nn.DenseBnAct(3, 4)) == (
        "DenseBnAct(\n  (dense): Dense(input_channels=3, output_channels=4, has_bias=True)\n)")


def test_conv2d_bn_act():
    cw = np.arange(18, dtype=np.float32).reshape(2, 1, 3, 3) / 20 - 0.4
    xi = T(np.arange(16).reshape(1, 1, 4, 4) / 4)
    net = nn.Conv2dBnAct(1, 2, 3, weight_init=T(cw), has_bn=True, activation='relu')
    net.set_train()
    out = net(xi)
    np.testing.assert_allclose(out.asnumpy()[0, 1], [[0., 0., 0., 0.],
                                                     [0., 0.36564463, 0.7374867, 0.],
                                                     [0.58874995, 1.8530127, 2.2248547, 0.6135397],
                                                     [0., 0., 0.12601297, 0.]], rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(net.batchnorm.moving_mean.asnumpy(), [-0.00611719, 0.00970312],
                               rtol=1e-4)                       # momentum 0.997 (MindSpore)
    assert [n for n, _ in net.parameters_and_names()] == [
        'conv.weight', 'batchnorm.moving_mean', 'batchnorm.moving_variance', 'batchnorm.gamma',
        'batchnorm.beta']
    out = nn.Conv2dBnAct(1, 2, 3, weight_init=T(cw), pad_mode='valid', activation='sigmoid')(xi)
    np.testing.assert_allclose(out.asnumpy(), [[[[0.21840246, 0.1512284], [0.04415034, 0.02860919]],
                                                [[0.9778496, 0.98725766], [0.99761814, 0.99864143]]]],
                               rtol=1e-5)


@pytest.mark.parametrize("make, exc", [
    (lambda: nn.DenseBnAct(3, 4, activation='foo'), KeyError),
    (lambda: nn.DenseBnAct(3, 4, activation=5), TypeError),
    (lambda: nn.DenseBnAct(3, 4, has_bn=1), TypeError),
    (lambda: nn.Conv2dBnAct(1, 2, 3, has_bn=1), TypeError),
    (lambda: nn.Conv2dBnAct(1, 2, 3, activation=5), TypeError),
])
def test_bad_arguments(make, exc):
    with pytest.raises(exc):
        make()
