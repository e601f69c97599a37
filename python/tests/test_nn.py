"""easy_mindspore.nn: Parameter, Cell, the layers against NumPy, gradients w.r.t. parameters
against finite differences, losses and optimizer steps against their formulas, errors."""
import re

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, ParameterTuple, Tensor, nn


# -- Parameter --------------------------------------------------------------------------------
def test_parameter_repr_name_and_set_data():
    w = Parameter(Tensor([1.0, 2.0]), name="w")
    assert repr(w) == "Parameter (name=w, shape=(2,), dtype=Float32, requires_grad=True)"
    assert str(w) == repr(w)
    assert repr(Parameter(Tensor(3.0), "s", requires_grad=False)) == (
        "Parameter (name=s, shape=(), dtype=Float32, requires_grad=False)")
    assert isinstance(w, Tensor) and w.name == "w" and w.requires_grad
    assert Parameter(Tensor([1.0])).name.startswith("Parameter#")
    np.testing.assert_array_equal((w * 2).asnumpy(), [2.0, 4.0])  # a Tensor everywhere
    old = w.value()
    assert w.set_data(Tensor([5.0, 6.0])) is w
    np.testing.assert_array_equal(w.asnumpy(), [5.0, 6.0])
    np.testing.assert_array_equal(old.asnumpy(), [1.0, 2.0])  # a value read before keeps its numbers
    w.name, w.requires_grad = "renamed", False
    assert "name=renamed" in repr(w) and "requires_grad=False" in repr(w)
    w[0] = 9.0  # item assignment goes through the shared handle too
    np.testing.assert_array_equal(w.asnumpy(), [9.0, 6.0])


def test_parameter_set_data_errors():
    w = Parameter(Tensor([1.0, 2.0]), name="w")
    with pytest.raises(ms.ShapeError, match="shape"):
        w.set_data(Tensor([1.0, 2.0, 3.0]))
    # MindSpore 2.10 converts the incoming value to the parameter's dtype, up or down.
    w.set_data(Tensor(np.array([1.5, 2.0])))  # Float64 into Float32
    assert str(w.dtype) == "Float32" and w.asnumpy().tolist() == [1.5, 2.0]
    w.set_data(Tensor([3, 4]))  # Int64 into Float32
    assert str(w.dtype) == "Float32" and w.asnumpy().tolist() == [3.0, 4.0]
    i = Parameter(Tensor(np.array([1, 2], np.int32)), name="i")
    i.set_data(Tensor(np.array([7, 300], np.int64)))
    assert str(i.dtype) == "Int32" and i.asnumpy().tolist() == [7, 300]
    i.set_data(Tensor([1.5, -2.5]))  # a float Tensor into an integer parameter: truncated
    assert str(i.dtype) == "Int32" and i.asnumpy().tolist() == [1, -2]
    s = Parameter(1, name="s")
    assert str(s.dtype) == "Int32"
    s.set_data(2)
    assert s.asnumpy() == 2
    with pytest.raises(TypeError, match="Current dtype is Int32, and incoming is Float"):
        s.set_data(1.2)
    f = Parameter(0.5, name="f")
    f.set_data(1)
    assert str(f.dtype) == "Float32" and f.asnumpy() == 1.0
    with pytest.raises(ValueError, match="can not be `bool`"):
        Parameter(True, name="b")


def test_parameter_tuple():
    a, b = Parameter(Tensor(1.0), "a"), Parameter(Tensor(2.0), "b")
    t = ParameterTuple([a, b])
    assert t[0] is a and len(t) == 2
    with pytest.raises(ms.ShapeError, match="'a' appears more than once"):
        ParameterTuple([a, Parameter(Tensor(1.0), "a")])
    with pytest.raises(ms.DTypeError):
        ParameterTuple([Tensor(1.0)])
    c = t.clone("m", init="zeros")
    assert [p.name for p in c] == ["m.a", "m.b"] and float(c[1]) == 0.0


# -- Cell -------------------------------------------------------------------------------------
class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(4, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(8, 3)

    def construct(self, x):
        return self.fc2(self.relu(self.fc1(x)))


def test_cell_registration_and_dotted_names():
    net = Net()
    names = [n for n, _ in net.parameters_and_names()]
    assert names == ["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"]
    assert [p.name for p in net.trainable_params()] == names
    assert [n for n, _ in net.cells_and_names()] == ["", "fc1", "relu", "fc2"]

    class Outer(nn.Cell):
        def __init__(self):
            super().__init__()
            self.scale = Parameter(Tensor(2.0))
            self.body = nn.SequentialCell(nn.Dense(4, 4), nn.ReLU(), Net())

        def construct(self, x):
            return self.body(x) * self.scale

    o = Outer()
    assert [n for n, _ in o.parameters_and_names()] == [
        "scale", "body.0.weight", "body.0.bias", "body.2.fc1.weight", "body.2.fc1.bias",
        "body.2.fc2.weight", "body.2.fc2.bias"]
    assert o.body[2].fc1.weight.name == "body.2.fc1.weight"
    assert o(ms.ones((5, 4))).shape == (5, 3)
    # A shared parameter is listed once.
    o.alias = o.scale
    assert len(list(o.get_parameters())) == 7
    # Re-assigning an attribute to a non-cell unregisters it.
    o.body = None
    assert [n for n, _ in o.parameters_and_names()] == ["scale"]


def test_cell_repr_and_set_train():
    net = nn.SequentialCell([nn.Dense(2, 3), nn.Dropout(p=0.5)])
    # MindSpore 2.10's layout, measured there.
    assert repr(net) == ("SequentialCell(\n  (0): Dense(input_channels=2, output_channels=3, "
                         "has_bias=True)\n  (1): Dropout(p=0.5)\n)")
    nested = nn.SequentialCell(nn.Dense(2, 3, activation="relu", has_bias=False))
    assert repr(nested) == ("SequentialCell(\n  (0): Dense(\n    input_channels=2, "
                            "output_channels=3, activation=ReLU()\n    (activation): ReLU()\n  )\n)")
    assert repr(nn.MaxPool2d(kernel_size=(2, 3), stride=1, pad_mode="same")) == \
        "MaxPool2d(kernel_size=(2, 3), stride=1, pad_mode=SAME)"
    assert repr(nn.Dropout(keep_prob=0.8)) == "Dropout(keep_prob=0.8)"
    assert repr(nn.BatchNorm1d(3, momentum=0.8)).startswith(
        "BatchNorm1d(num_features=3, eps=1e-05, momentum=0.8, gamma=Parameter (name=gamma,")
    assert re.fullmatch(r"Conv2d\(input_channels=1, output_channels=2, kernel_size=\(3, 3\), "
                        r"stride=\(1, 1\), pad_mode=pad, padding=1, dilation=\(1, 1\), group=1, "
                        r"has_bias=True, weight_init=<mindspore.common.initializer.HeUniform "
                        r"object at 0x[0-9a-f]+>, bias_init=<mindspore.common.initializer.Uniform "
                        r"object at 0x[0-9a-f]+>, format=NCHW\)",
                        repr(nn.Conv2d(1, 2, 3, pad_mode="pad", padding=1, has_bias=True)))
    assert not net.training and not net[1].training
    x = ms.ones((4, 3))
    np.testing.assert_array_equal(net[1](x).asnumpy(), np.ones((4, 3)))  # evaluation: identity
    assert net.set_train() is net and net[1].training
    y = net[1](ms.ones((1000,))).asnumpy()
    assert set(np.unique(y)) <= {0.0, 2.0} and 0.4 < (y == 0).mean() < 0.6
    net.set_train(False)
    assert not net[1].training


def test_cell_bprop_uses_the_custom_rule():
    class ClipGrad(nn.Cell):
        def construct(self, x):
            return x * 3.0

        def bprop(self, x, out, dout):
            return (ms.ops.clip_by_value(dout, -0.5, 0.5),)

    cell = ClipGrad()
    x = Tensor([1.0, 2.0])
    np.testing.assert_array_equal(cell(x).asnumpy(), [3.0, 6.0])
    np.testing.assert_array_equal(ms.grad(lambda v: cell(v).sum())(x).asnumpy(), [0.5, 0.5])


def test_cell_without_construct_and_super_init():
    class NoInit(nn.Cell):
        def __init__(self):  # forgot super().__init__(): an AttributeError, as MindSpore's
            self.fc = nn.Dense(2, 2)

    with pytest.raises(AttributeError, match="please call Cell.__init__"):
        NoInit()
    with pytest.raises(AttributeError, match="construct"):
        nn.Cell()(Tensor(1.0))


# -- layers against NumPy -----------------------------------------------------------------------
rng = np.random.default_rng(0)


def test_dense_matches_numpy_and_shares_handles():
    w = rng.normal(size=(3, 4)).astype(np.float32)
    b = rng.normal(size=3).astype(np.float32)
    d = nn.Dense(4, 3, weight_init=Tensor(w), bias_init=Tensor(b), activation="relu")
    x = rng.normal(size=(2, 5, 4)).astype(np.float32)
    np.testing.assert_allclose(d(Tensor(x)).asnumpy(), np.maximum(x @ w.T + b, 0), rtol=1e-5, atol=1e-6)
    d.weight.set_data(Tensor(np.zeros((3, 4), np.float32)))  # the Rust layer sees the new value
    np.testing.assert_allclose(d(Tensor(x)).asnumpy(), np.maximum(np.broadcast_to(b, (2, 5, 3)), 0))
    assert nn.Dense(4, 3, has_bias=False).bias is None
    ms.set_seed(3)
    normal = nn.Dense(100, 50, weight_init="normal", bias_init="zeros")
    assert abs(normal.weight.asnumpy().std() - 0.01) < 1e-3 and not normal.bias.asnumpy().any()
    default = nn.Dense(100, 50)  # MindSpore 2.1+: HeUniform(√5) → bound 1/√in
    assert np.abs(default.weight.asnumpy()).max() <= 0.1 + 1e-6
    assert np.abs(default.bias.asnumpy()).max() <= 0.1 + 1e-6


def conv_ref(x, w, b, stride, pads):
    """Direct convolution: out[n, o, i, j] = Σ_c,u,v xp[n, c, i·s + u, j·s + v] · w[o, c, u, v]."""
    t, bo, l, r = pads
    xp = np.pad(x, ((0, 0), (0, 0), (t, bo), (l, r)))
    n, c, h, wd = xp.shape
    o, _, kh, kw = w.shape
    oh, ow = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = np.zeros((n, o, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = np.einsum("ncuv,ocuv->no", patch, w)
    return out + (0 if b is None else b[None, :, None, None])


@pytest.mark.parametrize("pad_mode,padding,stride,pads", [
    ("valid", 0, 1, (0, 0, 0, 0)),
    ("same", 0, 1, (1, 1, 1, 1)),
    ("same", 0, 2, (1, 1, 1, 1)),  # out = ⌈5/2⌉ = 3: (3 − 1)·2 + 3 − 5 = 2 padded rows
    ("pad", (1, 0, 2, 1), 1, (1, 0, 2, 1)),
])
def test_conv2d_matches_numpy(pad_mode, padding, stride, pads):
    x = rng.normal(size=(2, 3, 5, 5))
    w = rng.normal(size=(4, 3, 3, 3))
    b = rng.normal(size=4)
    conv = nn.Conv2d(3, 4, 3, stride=stride, pad_mode=pad_mode, padding=padding, has_bias=True,
                     weight_init=Tensor(w), bias_init=Tensor(b), dtype=ms.float64)
    np.testing.assert_allclose(conv(Tensor(x)).asnumpy(), conv_ref(x, w, b, stride, pads), rtol=1e-10)
    assert nn.Conv2d(3, 4, 3).bias is None  # MindSpore's default has_bias=False


def test_pooling_matches_numpy():
    x = rng.normal(size=(2, 3, 4, 6)).astype(np.float32)
    win = x.reshape(2, 3, 2, 2, 3, 2)
    np.testing.assert_allclose(nn.MaxPool2d(2, 2)(Tensor(x)).asnumpy(), win.max(axis=(3, 5)))
    np.testing.assert_allclose(nn.AvgPool2d(2, 2)(Tensor(x)).asnumpy(), win.mean(axis=(3, 5)), rtol=1e-6)
    # 'same' with stride 1: each output is the max / mean of the in-range part of its window.
    y = nn.MaxPool2d(2, 1, pad_mode="same")(Tensor(x)).asnumpy()
    assert y.shape == (2, 3, 4, 6)
    assert y[0, 0, 0, 0] == x[0, 0, 0:2, 0:2].max() and y[0, 0, 3, 5] == x[0, 0, 3, 5]
    a = nn.AvgPool2d(2, 1, pad_mode="same")(Tensor(x)).asnumpy()
    np.testing.assert_allclose(a[0, 0, 3, 5], x[0, 0, 3, 5], rtol=1e-6)


def test_activations_flatten_softmax():
    x = rng.normal(size=(2, 3, 4)).astype(np.float32)
    t = Tensor(x)
    np.testing.assert_allclose(nn.ReLU()(t).asnumpy(), np.maximum(x, 0))
    np.testing.assert_allclose(nn.Sigmoid()(t).asnumpy(), 1 / (1 + np.exp(-x)), rtol=1e-6)
    np.testing.assert_allclose(nn.Tanh()(t).asnumpy(), np.tanh(x), rtol=1e-5, atol=1e-6)
    e = np.exp(x - x.max(axis=1, keepdims=True))
    sm = e / e.sum(axis=1, keepdims=True)
    np.testing.assert_allclose(nn.Softmax(axis=1)(t).asnumpy(), sm, rtol=1e-5)
    np.testing.assert_allclose(nn.LogSoftmax(axis=1)(t).asnumpy(), np.log(sm), rtol=1e-5, atol=1e-6)
    assert nn.Flatten()(t).shape == (2, 12)
    assert nn.Flatten(0, 1)(t).shape == (6, 4)


def test_batchnorm_train_and_eval():
    x = rng.normal(2.0, 3.0, size=(8, 3, 2, 2))
    bn = nn.BatchNorm2d(3, momentum=0.9, dtype=ms.float64)
    assert [n for n, _ in bn.parameters_and_names()] == ["moving_mean", "moving_variance", "gamma", "beta"]
    assert [p.name for p in bn.trainable_params()] == ["gamma", "beta"]
    bn.set_train()
    y = bn(Tensor(x)).asnumpy()
    mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    ref = (x - mean[None, :, None, None]) / np.sqrt(var[None, :, None, None] + 1e-5)
    np.testing.assert_allclose(y, ref, rtol=1e-8, atol=1e-10)
    # moving = 0.9 · moving + 0.1 · batch, with the unbiased batch variance (MindSpore 2.10:
    # BatchNorm2d and BatchNorm1d both, while the output is normalized by the biased one)
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), 0.1 * mean, rtol=1e-10)
    unbiased = x.var(axis=(0, 2, 3), ddof=1)
    np.testing.assert_allclose(bn.moving_variance.asnumpy(), 0.9 + 0.1 * unbiased, rtol=1e-10)
    bn.set_train(False)
    mm, mv = bn.moving_mean.asnumpy(), bn.moving_variance.asnumpy()
    ref = (x - mm[None, :, None, None]) / np.sqrt(mv[None, :, None, None] + 1e-5)
    np.testing.assert_allclose(bn(Tensor(x)).asnumpy(), ref, rtol=1e-10)
    b1 = nn.BatchNorm1d(4, momentum=0.9)
    b1.set_train()
    z = rng.normal(size=(5, 4)).astype(np.float32)
    assert b1(Tensor(z)).shape == (5, 4)
    np.testing.assert_allclose(b1.moving_variance.asnumpy(), 0.9 + 0.1 * z.var(0, ddof=1),
                               rtol=1e-6)


def test_dropout_keep_prob_and_errors():
    d = nn.Dropout(keep_prob=0.8)
    assert repr(d) == "Dropout(keep_prob=0.8)"  # MindSpore 2.10 prints what was given
    with pytest.raises(ms.ShapeError, match="keep_prob"):
        nn.Dropout(keep_prob=0.0)
    with pytest.raises(ms.ShapeError, match="p must be in"):
        nn.Dropout(p=1.0)


# -- errors -------------------------------------------------------------------------------------
def test_layer_errors_name_the_layer_and_shapes():
    d = nn.Dense(4, 3)
    with pytest.raises(ms.ShapeError, match=r"Dense.*in_channels=4.*\[2, 5\]"):
        d(ms.ones((2, 5)))
    with pytest.raises(ms.Error, match=r"Dense.*Float64"):
        d(Tensor(np.ones((2, 4))))
    with pytest.raises(ms.DTypeError, match="Dense.*Tensor"):
        d(np.ones((2, 4), np.float32))
    with pytest.raises(ms.ShapeError, match=r"Conv2d.*in_channels=3.*\[1, 2, 5, 5\]"):
        nn.Conv2d(3, 4, 3)(ms.ones((1, 2, 5, 5)))
    with pytest.raises(ms.ShapeError, match="Conv2d.*rank"):
        nn.Conv2d(3, 4, 3)(ms.ones((3, 5, 5)))
    with pytest.raises(ms.ShapeError, match="pad_mode"):
        nn.Conv2d(3, 4, 3, pad_mode="full")
    with pytest.raises(ms.ShapeError, match="padding must be 0"):
        nn.Conv2d(3, 4, 3, padding=1)
    with pytest.raises(ms.ShapeError, match="BatchNorm2d.*num_features=3"):
        nn.BatchNorm2d(3)(ms.ones((2, 4, 2, 2)))
    with pytest.raises(ms.ShapeError, match="MaxPool2d"):
        nn.MaxPool2d(4, 1)(ms.ones((1, 1, 2, 2)))
    with pytest.raises(ms.DTypeError, match="Dense.*in_channels"):
        nn.Dense(4.0, 3)
    with pytest.raises(ms.ShapeError, match="Dense.*weight.*shape"):
        nn.Dense(4, 3, weight_init=Tensor(np.ones((4, 3), np.float32)))
    with pytest.raises(ms.ShapeError, match="unknown initializer"):
        nn.Dense(4, 3, weight_init="glorot")
    with pytest.raises(ms.ShapeError, match="label 10"):
        nn.CrossEntropyLoss()(ms.ones((2, 10)), Tensor([1, 10]))
    with pytest.raises(ms.TensorIndexError, match=r"Softmax.*axis 5.*\(2, 2\)"):
        nn.Softmax(axis=5)(ms.ones((2, 2)))
    with pytest.raises(ms.ShapeError, match="reduction"):
        nn.MSELoss(reduction="avg")
    with pytest.raises(ms.DTypeError, match=r"params\[1\].*plain Tensor"):
        nn.SGD([d.weight, Tensor(1.0)])
    with pytest.raises(ms.ShapeError, match="expected 2 gradients"):
        nn.SGD(d.trainable_params())((Tensor(1.0),))


# -- gradients w.r.t. parameters ------------------------------------------------------------------
def small_net():
    ms.set_seed(1)
    return nn.SequentialCell(nn.Dense(3, 4, dtype=ms.float64), nn.Tanh(), nn.Dense(4, 2, dtype=ms.float64))


def test_grad_wrt_parameters_matches_finite_differences():
    net = small_net()
    x = Tensor(rng.normal(size=(5, 3)))
    y = Tensor(rng.normal(size=(5, 2)))
    loss_fn = nn.MSELoss()
    params = net.trainable_params()

    def forward(x, y):
        return loss_fn(net(x), y)

    loss, grads = ms.value_and_grad(forward, None, params)(x, y)
    assert len(grads) == 4
    grads2 = ms.grad(forward, None, weights=ParameterTuple(params))(x, y)
    gop = ms.ops.GradOperation(get_by_list=True)(net_loss := nn.WithLossCell(net, loss_fn),
                                               net_loss.trainable_params())(x, y)
    eps = 1e-6
    for p, g, g2, g3 in zip(params, grads, grads2, gop):
        np.testing.assert_array_equal(g.asnumpy(), g2.asnumpy())
        np.testing.assert_allclose(g.asnumpy(), g3.asnumpy(), rtol=1e-12)
        base = p.asnumpy().copy()
        num = np.zeros_like(base)
        for idx in np.ndindex(base.shape):
            for sign in (1, -1):
                b = base.copy()
                b[idx] += sign * eps
                p.set_data(Tensor(b))
                num[idx] += sign * float(forward(x, y)) / (2 * eps)
        p.set_data(Tensor(base))
        np.testing.assert_allclose(g.asnumpy(), num, rtol=1e-6, atol=1e-9)
    assert abs(float(loss) - float(forward(x, y))) == 0.0  # weights restored after tracing
    assert not any(p._is_traced for p in params)


def test_grad_of_inputs_and_weights_and_return_ids():
    w = Parameter(Tensor([2.0, 3.0]), name="w")

    def f(x):
        return (w * x * x).sum()  # d/dx = 2wx, d/dw = x²

    x = Tensor([1.0, 2.0])
    gx, (gw,) = ms.grad(f, 0, (w,))(x)
    np.testing.assert_array_equal(gx.asnumpy(), [4.0, 12.0])
    np.testing.assert_array_equal(gw.asnumpy(), [1.0, 4.0])
    gw_bare = ms.grad(f, None, w)(x)  # a single Parameter gives a bare gradient
    np.testing.assert_array_equal(gw_bare.asnumpy(), [1.0, 4.0])
    (_, ((name, g),)) = ms.grad(f, 0, [w], return_ids=True)(x)
    assert name == "w"
    # Second order through a parameter: d²/dw² of Σ w³x = 6wx
    h = ms.grad(lambda: ms.grad(lambda: (w ** 3 * x).sum(), None, w)().sum(), None, w)()
    np.testing.assert_allclose(h.asnumpy(), [12.0, 36.0])


def test_function_rebinding_a_weight_keeps_the_new_value():
    w = Parameter(Tensor([1.0]), name="w")

    def f():
        out = (w * 2).sum()
        w.set_data(Tensor([5.0]))
        return out

    g = ms.grad(f, None, w)()
    np.testing.assert_array_equal(g.asnumpy(), [2.0])
    np.testing.assert_array_equal(w.asnumpy(), [5.0])
    assert not w._is_traced


# -- losses -----------------------------------------------------------------------------------
def test_losses_match_numpy():
    x = rng.normal(size=(4, 3))
    y = rng.normal(size=(4, 3))
    np.testing.assert_allclose(float(nn.MSELoss()(Tensor(x), Tensor(y))), ((x - y) ** 2).mean())
    np.testing.assert_allclose(nn.L1Loss(reduction="none")(Tensor(x), Tensor(y)).asnumpy(), abs(x - y))
    np.testing.assert_allclose(float(nn.L1Loss(reduction="sum")(Tensor(x), Tensor(y))), abs(x - y).sum())
    labels = np.array([0, 2, 1, 2], np.int32)
    logp = x - np.log(np.exp(x).sum(axis=1, keepdims=True))
    nll = -logp[np.arange(4), labels]
    sce = nn.SoftmaxCrossEntropyWithLogits(sparse=True)(Tensor(x), Tensor(labels))
    np.testing.assert_allclose(sce.asnumpy(), nll, rtol=1e-12)  # default reduction 'none'
    np.testing.assert_allclose(float(nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")(
        Tensor(x), Tensor(labels))), nll.mean(), rtol=1e-12)
    np.testing.assert_allclose(float(nn.CrossEntropyLoss()(Tensor(x), Tensor(labels))), nll.mean(), rtol=1e-12)
    onehot = np.eye(3)[labels]
    np.testing.assert_allclose(nn.SoftmaxCrossEntropyWithLogits()(Tensor(x), Tensor(onehot)).asnumpy(),
                               nll, rtol=1e-12)
    t = (y > 0).astype(np.float64)
    bce = np.maximum(x, 0) - x * t + np.log1p(np.exp(-abs(x)))
    np.testing.assert_allclose(float(nn.BCEWithLogitsLoss()(Tensor(x), Tensor(t))), bce.mean(), rtol=1e-12)


# -- optimizers -------------------------------------------------------------------------------
def test_sgd_momentum_and_weight_decay_formula():
    w0 = np.array([1.0, -2.0])
    w = Parameter(Tensor(w0), name="w")
    opt = nn.SGD([w], learning_rate=0.1, momentum=0.9, weight_decay=0.01)
    assert opt.parameters[0] is w and opt.learning_rate == pytest.approx(0.1)
    g1, g2 = np.array([0.5, 1.0]), np.array([-1.0, 2.0])
    assert opt((Tensor(g1),)) == (True,)  # MindSpore 2.10: one True per parameter
    d1 = g1 + 0.01 * w0  # first step: v = g
    v = d1
    w1 = w0 - 0.1 * v
    np.testing.assert_allclose(w.asnumpy(), w1, rtol=1e-12)
    opt((Tensor(g2),))
    d2 = g2 + 0.01 * w1
    v = 0.9 * v + d2
    np.testing.assert_allclose(w.asnumpy(), w1 - 0.1 * v, rtol=1e-12)
    nes = Parameter(Tensor(w0), name="n")
    nn.SGD([nes], learning_rate=0.1, momentum=0.9, nesterov=True)((Tensor(g1),))
    np.testing.assert_allclose(nes.asnumpy(), w0 - 0.1 * (g1 + 0.9 * g1), rtol=1e-12)


def test_adam_and_adamw_formulas():
    w0 = np.array([0.5, -1.5])
    gs = [np.array([0.1, -0.3]), np.array([0.2, 0.4])]
    w = Parameter(Tensor(w0), name="w")
    opt = nn.Adam([w], learning_rate=0.01)
    m = v = np.zeros(2)
    ref = w0.copy()
    for t, g in enumerate(gs, 1):
        opt([Tensor(g)])
        m = m + (1 - 0.9) * (g - m)
        v = v + (1 - 0.999) * (g * g - v)
        lr_t = 0.01 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t)
        ref = ref - lr_t * m / (np.sqrt(v) + 1e-8)
        np.testing.assert_allclose(w.asnumpy(), ref, rtol=1e-12)
    w = Parameter(Tensor(w0), name="w")
    opt = nn.AdamW([w], lr=0.01, betas=(0.8, 0.99), weight_decay=0.1)
    opt([Tensor(gs[0])])
    m, v = 0.2 * gs[0], 0.01 * gs[0] ** 2
    ref = w0 * (1 - 0.01 * 0.1) - 0.01 / 0.2 * m / (np.sqrt(v) / np.sqrt(0.01) + 1e-8)
    np.testing.assert_allclose(w.asnumpy(), ref, rtol=1e-12)
    opt.learning_rate = 0.5
    assert opt.get_lr() == 0.5


def test_optimizer_updates_the_rust_layer():
    d = nn.Dense(2, 1, weight_init="zeros", bias_init="zeros")
    opt = nn.SGD(d.trainable_params(), learning_rate=1.0)
    opt((Tensor([[1.0, 2.0]]), Tensor([3.0])))
    np.testing.assert_array_equal(d(Tensor([[1.0, 1.0]])).asnumpy(), [[-6.0]])  # -(1+2) - 3


def test_train_one_step_cell_fits_a_line():
    ms.set_seed(0)
    x = Tensor(np.linspace(-1, 1, 32, dtype=np.float32).reshape(-1, 1))
    y = x * 2.0 + 1.0
    net = nn.Dense(1, 1)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.2))
    for _ in range(200):
        loss = step(x, y)
    assert float(loss) < 1e-6
    np.testing.assert_allclose(net.weight.asnumpy(), [[2.0]], rtol=1e-3)


def test_mindspore_names_resolve_to_this_package():
    import subprocess
    import sys

    code = ("import importlib.util as u, sys\n"
            "if u.find_spec('mindspore') is not None: print('real'); sys.exit()\n"
            "import easy_mindspore, mindspore, mindspore.nn as nn, mindspore.dataset as ds\n"
            "from mindspore.common.initializer import Normal\n"
            "from mindspore import Parameter, save_checkpoint, load_checkpoint, load_param_into_net\n"
            "assert nn.Dense is easy_mindspore.nn.Dense and ds.NumpySlicesDataset; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    if out.stdout.strip() == "real":
        pytest.skip("the real MindSpore is installed")
    assert out.stdout.strip() == "ok", out.stderr
