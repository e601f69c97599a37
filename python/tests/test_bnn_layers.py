"""``mindspore.nn.probability.bnn_layers`` and the distributions' keyword parameters, against
values measured on MindSpore 2.10 (CPU)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops
from easy_mindspore.nn.probability import bnn_layers as B
from easy_mindspore.nn.probability import distribution as msd


def _t(v):
    return ms.Tensor(np.array(v, np.float32))


def _set(cell, mean, untransformed_std):
    for p in cell.trainable_params():
        value = mean if p.name.endswith("mean") else untransformed_std
        p.set_data(ms.Tensor(np.full(p.shape, value, np.float32)))


class _ZeroLoss(nn.Cell):
    def construct(self, pred, label):
        return ops.reduce_sum(pred) * 0.0


def test_posterior_draws_from_numpy_and_clamps_the_sd():
    ms.set_seed(0)
    post = B.NormalPosterior(name="w", shape=(5,))
    # MindSpore 2.10: 0.1 · NumPy's first five normals after set_seed(0)
    np.testing.assert_allclose(post.mean.asnumpy(),
                               [0.17640524, 0.04001572, 0.0978738, 0.22408932, 0.1867558], rtol=1e-6)
    assert [p.name for p in post.get_parameters()] == ["w_mean", "w_untransformed_std"]
    post.untransformed_std.set_data(_t([-100, -20, -5, 0, 3]))
    np.testing.assert_allclose(post("sd").asnumpy(), [1e-6, 1e-6, 0.0067153, 0.6931472, 3.0485873],
                               rtol=2e-5)
    assert post("sample").shape == (5,)
    fixed = B.NormalPosterior("w", (2, 3), loc_mean=1.0, loc_std=0.0, untransformed_scale_mean=-3,
                              untransformed_scale_std=0.0)
    assert fixed.mean.asnumpy().tolist() == [[1.0] * 3] * 2
    assert fixed.untransformed_std.asnumpy().tolist() == [[-3.0] * 3] * 2


@pytest.mark.parametrize("kwargs, cls, message", [
    (dict(name=1, shape=(2,)), TypeError, "The type of `name` must be `str`"),
    (dict(name="a", shape=2), TypeError, "The type of `shape` must be `tuple` or `list`"),
    (dict(name="a", shape=(2,), loc_mean="a"), TypeError, "The type of `loc_mean` must be `int` or `float`"),
    (dict(name="a", shape=(2,), loc_std=-1), TypeError, "its value must > 0"),
    (dict(name="a", shape=(2,), untransformed_scale_std=-1), TypeError, "its value must > 0"),
])
def test_posterior_errors(kwargs, cls, message):
    with pytest.raises(cls) as e:
        B.NormalPosterior(**kwargs)
    assert str(e.value) == message or message in str(e.value)
    assert "For 'NormalPosterior'" not in str(e.value)


def test_dense_layers_parameters_repr_and_kl():
    d = B.DenseReparam(3, 2, activation="relu")
    assert [p.name for p in d.trainable_params()] == [
        "weight_posterior.mean", "weight_posterior.untransformed_std", "bias_posterior.mean",
        "bias_posterior.untransformed_std"]
    text = repr(d)
    assert text.startswith("DenseReparam(\n  in_channels=3, out_channels=2, weight_mean=Parameter "
                           "(name=weight_posterior.mean, shape=(2, 3), dtype=Float32, "
                           "requires_grad=True), weight_std=Parameter (name=weight_posterior."
                           "untransformed_std, shape=(2, 3), dtype=Float32, requires_grad=True), "
                           "has_bias=True, bias_mean=")
    assert "activation=ReLU" in text and "Normal(mean = 0.0, standard deviation = 0.1)" in text
    d = B.DenseReparam(3, 2, has_bias=False)
    # KL(prior N(0, 0.1) ‖ posterior N(m, softplus(u))), summed: the exact values (MindSpore
    # 2.10 gives 8.678883, 10.239904, 12.467991, 17.051615: float32 with a coarser softplus)
    for (mean, u), want in [((0, 0), 8.678874), ((0.5, 0), 10.239901), ((0, 1), 12.467989),
                            ((0.3, -2), 17.051841)]:
        _set(d, mean, u)
        assert float(d.compute_kl_loss()) == pytest.approx(want, rel=2e-6)
    d = B.DenseReparam(3, 2)
    _set(d, 0.25, 0.5)
    assert float(d.compute_kl_loss()) == pytest.approx(14.516202, rel=2e-6)  # MindSpore: 14.51621
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    _set(d, 0.5, -100.0)  # the sd clamps at 1e-6: the draws barely move the outputs
    np.testing.assert_allclose(d(x).asnumpy(), [[2.0, 2.0], [6.5, 6.5]], atol=1e-4)
    local = B.DenseLocalReparam(3, 2)
    _set(local, 0.5, -100.0)
    np.testing.assert_allclose(local(x).asnumpy(), [[2.0, 2.0], [6.5, 6.5]], atol=1e-4)
    _set(local, 0.0, 0.0)
    assert float(local.compute_kl_loss()) == pytest.approx(11.571832, rel=2e-6)  # MindSpore: 11.571844


def test_conv_reparam():
    c = B.ConvReparam(1, 2, 3, has_bias=True)
    assert [p.name for p in c.get_parameters()] == [
        "weight", "bias", "weight_posterior.mean", "weight_posterior.untransformed_std",
        "bias_posterior.mean", "bias_posterior.untransformed_std"]
    assert not c.weight.requires_grad and len(c.trainable_params()) == 4
    _set(c, 0.5, -100.0)
    out = c(ms.Tensor(np.ones((1, 1, 4, 4), np.float32))).asnumpy()
    want = np.array([[2.5, 3.5, 3.5, 2.5], [3.5, 5, 5, 3.5], [3.5, 5, 5, 3.5], [2.5, 3.5, 3.5, 2.5]])
    np.testing.assert_allclose(out, np.stack([want, want])[None], atol=1e-4)
    c2 = B.ConvReparam(2, 4, (3, 1), stride=2, pad_mode="pad", padding=1, group=2)
    assert "kernel_size=(3, 1), stride=(2, 2), pad_mode=pad, padding=1, dilation=(1, 1), group=2" in repr(c2)
    assert c2(ms.Tensor(np.ones((1, 2, 5, 5), np.float32))).shape == (1, 4, 3, 4)
    with pytest.raises(ValueError, match="Attr 'pad_mode' of 'Conv2d' Op passed x"):
        B.ConvReparam(3, 2, 3, pad_mode="x")


@pytest.mark.parametrize("kwargs, cls, message", [
    (dict(in_channels=1.5), TypeError, "The input value must be int, but got 'float'"),
    (dict(in_channels=0), ValueError, "The input value must be int and must > 0, but got '0' with type 'int'."),
    (dict(has_bias=1), TypeError, "The input value must be a bool, but got int."),
    (dict(activation=3), ValueError, "The type of `activation` is wrong."),
])
def test_dense_errors(kwargs, cls, message):
    args = dict(in_channels=3, out_channels=2)
    args.update(kwargs)
    with pytest.raises(cls) as e:
        B.DenseReparam(**args)
    assert str(e.value) == message
    with pytest.raises(TypeError, match="not callable"):
        B.DenseReparam(3, 2, weight_prior_fn=3)


def test_with_bnn_loss_cell_sums_the_layers_inside():
    x, y = ms.Tensor(np.arange(6, dtype=np.float32).reshape(2, 3)), _t(np.zeros((2, 2)))
    d = B.DenseReparam(3, 2)
    _set(d, 0.25, 0.5)
    # the backbone itself is not counted; layers at any depth are (MindSpore 2.10)
    assert float(B.WithBNNLossCell(d, _ZeroLoss(), 1, 1)(x, y)) == 0.0
    assert float(B.WithBNNLossCell(nn.SequentialCell([d]), _ZeroLoss())(x, y)) == pytest.approx(14.516202, rel=2e-6)
    c = B.DenseReparam(2, 2)
    _set(c, 0.0, 0.0)

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.a, self.b, self.c = d, nn.ReLU(), c

        def construct(self, v):
            return self.c(self.b(self.a(v)))

    net = Net()
    loss = B.WithBNNLossCell(net, _ZeroLoss(), 2, 0.5)
    assert float(loss(x, y)) == pytest.approx((14.516202 + 8.678874) / 2, rel=2e-6)
    net.c = B.DenseReparam(2, 2)  # the layers were found when the cell was made
    assert float(loss(x, y)) == pytest.approx((14.516202 + 8.678874) / 2, rel=2e-6)
    assert [p.name for p in B.WithBNNLossCell(B.DenseReparam(3, 2), nn.MSELoss()).trainable_params()][0] == "weight_posterior.mean"
    mse = B.WithBNNLossCell(nn.SequentialCell([d]), nn.MSELoss(), dnn_factor=3, bnn_factor=0)
    _set(d, 0.5, -100.0)
    assert float(mse(x, y)) == pytest.approx(3 * (4 + 4 + 42.25 + 42.25) / 4, rel=1e-4)
    grads = ms.grad(lambda v: loss(v, y), grad_position=None, weights=loss.trainable_params())(x)
    assert [g.shape for g in grads][:2] == [(2, 3), (2, 3)]
    for kwargs, cls, message in [(dict(dnn_factor=True), TypeError, "The type of `dnn_factor` must be `int` or `float`"),
                                 (dict(bnn_factor=-1), ValueError, "The value of `bnn_factor` must >= 0")]:
        with pytest.raises(cls) as e:
            B.WithBNNLossCell(d, nn.MSELoss(), **kwargs)
        assert str(e.value) == message


def test_distribution_parameters_by_keyword():
    n = msd.Normal()
    assert n.mean(mean=_t([0.0, 1.0]), sd=_t([1.0, 1.0])).asnumpy().tolist() == [0.0, 1.0]
    assert n.sd(mean=_t([0.0, 1.0]), sd=_t([1.0, 3.0])).asnumpy().tolist() == [1.0, 3.0]
    np.testing.assert_allclose(n.prob(_t([0.5]), _t([0.0, 1.0]), sd=_t([1.0, 1.0])).asnumpy(),
                               [0.3520653, 0.3520653], rtol=1e-6)
    kl = n.kl_loss("Normal", mean_b=_t([0.0, 1.0]), sd_b=_t([1.0, 2.0]), mean=_t([0.0, 1.0]),
                   sd=_t([1.0, 1.0]))
    np.testing.assert_allclose(kl.asnumpy(), [0.0, 0.31814718], rtol=1e-6)
    draws = n.sample((3,), mean=_t([0.0, 1.0]), sd=_t([1e-9, 1e-9])).asnumpy()
    assert draws.shape == (3, 2) and np.allclose(draws, [[0, 1]] * 3)
    assert n("sample", mean=_t([0.0]), sd=_t([1e-9])).shape == (1,)
    with pytest.raises(TypeError, match=r"Normal._mean\(\) got an unexpected keyword argument 'foo'"):
        n.mean(foo=_t([0.0]))
    assert msd.Normal(1.0, 2.0).mean(mean=_t([5.0])).asnumpy().tolist() == [5.0]
    assert msd.Uniform().mean(high=_t([2.0]), low=_t([0.0])).asnumpy().tolist() == [1.0]
    assert msd.Bernoulli().mean(probs1=_t([0.3])).asnumpy().tolist() == pytest.approx([0.3])
    with pytest.raises(TypeError, match="unexpected keyword argument 'probs'"):
        msd.Bernoulli().mean(probs=_t([0.3]))
    assert str(msd.Normal(0, 1)) == "Normal(mean = 0.0, standard deviation = 1.0)"
