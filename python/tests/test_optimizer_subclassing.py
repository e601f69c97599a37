"""What libraries built on MindSpore (MindCV's optimizers and training steps) take from it:
``nn.optim.optimizer`` (``Optimizer``, ``opt_init_args_register``) and the base class's helpers
for optimizers written in Python, ``MultitypeFuncGraph``'s scalar type names,
``boost.GradientAccumulation`` and ``nn.LayerNorm.layer_norm``. Expected values are MindSpore
2.10's, printed by the same code."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn, ops


def test_a_python_optimizer_on_the_base_class_helpers():
    from mindspore.nn.optim.optimizer import Optimizer, opt_init_args_register

    upd = ops.MultitypeFuncGraph("upd")

    @upd.register("Tensor", "Tensor", "Tensor", "Tensor", "Bool", "Bool")
    def _step(lr, wd, param, grad, decay, keep):
        if keep:
            if decay:
                grad = grad + wd * param
            ops.assign(param, param - lr * grad)
        return param

    class DecaySGD(Optimizer):
        @opt_init_args_register
        def __init__(self, params, learning_rate=0.1, weight_decay=0.0, nesterov=False):
            super().__init__(learning_rate, params, weight_decay)

        def construct(self, grads):
            lr = self.get_lr()
            return self.hyper_map(ops.partial(upd, lr, self.weight_decay), self.parameters,
                                  grads, self.decay_flags, self.optim_filter)

    net = nn.Dense(2, 1, weight_init="ones", bias_init="ones")
    opt = DecaySGD(net.trainable_params(), weight_decay=0.5)
    assert opt.init_args == {"weight_decay": 0.5, "nesterov": False}
    assert opt.init_learning_rate == 0.1
    assert [p.name for p in opt.init_params["params"]] == ["weight", "bias"]
    opt((Tensor([[1.0, 2.0]]), Tensor([3.0])))
    np.testing.assert_allclose(net.weight.asnumpy(), [[0.85, 0.75]], rtol=1e-6)
    np.testing.assert_allclose(net.bias.asnumpy(), [0.65], rtol=1e-6)
    assert DecaySGD(net.trainable_params(), learning_rate=Tensor(0.5)).init_learning_rate == 0.5


def test_the_base_class_attributes_are_mindspores():
    net = nn.Dense(2, 3)
    opt = nn.Adam(net.trainable_params(), weight_decay=0.1, loss_scale=2.0)
    wd = opt.weight_decay
    assert isinstance(wd, Tensor) and wd.dtype == ms.float32 and wd.shape == ()
    np.testing.assert_allclose(wd.asnumpy(), 0.2)  # times the loss scale, as MindSpore holds it
    assert opt.decay_flags == (True, True) and opt.optim_filter == (True, True)
    assert opt.exec_weight_decay and opt.need_scale and not opt.use_parallel
    assert not opt.dynamic_weight_decay and not opt._is_dynamic_lr_or_weight_decay()
    np.testing.assert_allclose(opt.reciprocal_scale.asnumpy(), 0.5)
    assert opt.global_step_increase_tensor.asnumpy().tolist() == [1] and opt.param_length == 2
    assert isinstance(opt.map_, ops.Map) and isinstance(opt.hyper_map, ops.HyperMap)
    groups = nn.Adam([{"params": [net.weight], "weight_decay": 0.2}, {"params": [net.bias]}])
    assert groups.decay_flags == (True, False)
    np.testing.assert_allclose([w.asnumpy() for w in groups.weight_decay], [0.2, 0.0])
    # Names with beta or gamma are not decayed without groups.
    beta = Parameter(Tensor([1.0]), name="ln.beta")
    assert nn.SGD([beta, net.bias], weight_decay=0.1).decay_flags == (False, True)
    dynamic = nn.Momentum(net.trainable_params(), 0.1, 0.9, weight_decay=nn.WarmUpLR(0.2, 2))
    assert dynamic.dynamic_weight_decay and dynamic._is_dynamic_lr_or_weight_decay()
    # A subclass may set the helpers' names itself.
    opt.reciprocal_scale = Tensor(1.0)
    assert opt.reciprocal_scale.asnumpy() == 1.0


def test_multitype_func_graph_scalar_type_names():
    f = ops.MultitypeFuncGraph("f")
    for name in ("Tensor", "Bool", "Int32", "Int64", "Float32", "Float64", "RowTensor"):
        f.register(name)((lambda n: lambda x: n)(name))
    # MindSpore 2.10: an int is an Int64, a float a Float64, a NumPy scalar its dtype.
    got = [f(v) for v in (1, 1.0, True, np.int32(1), np.float64(1), np.float32(1), Tensor(1),
                          Parameter(Tensor(1.0), name="p"))]
    assert got == ["Int64", "Float64", "Bool", "Int32", "Float64", "Float32", "Tensor", "Tensor"]
    row = ms.RowTensor(Tensor([1], ms.int32), Tensor([[5.0, 6.0]]), (3, 2))
    assert f(row) == "RowTensor"
    with pytest.raises(ValueError, match="no implementation"):  # MindSpore 2.10: ValueError
        f(np.int8(1))
    g = ops.MultitypeFuncGraph("g")
    g.register("Slice", "Ellipsis")(lambda s, e: "index")
    assert g(slice(1), ...) == "index"


def test_gradient_accumulation_steps_as_mindspore():
    from mindspore import boost
    from mindspore.boost.grad_accumulation import gradient_accumulation_op, gradient_clear_op

    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    opt = nn.SGD(net.trainable_params(), learning_rate=0.1)
    acc = boost.GradientAccumulation(2, opt)
    assert [p.name for p in acc._grad_accumulation] == ["grad_accumulation.optimizer.weight",
                                                        "grad_accumulation.optimizer.bias"]
    assert acc._accumulation_step.dtype == ms.int32
    grad_fn = ms.value_and_grad(lambda x, y: ((net(x) - y) ** 2).mean(), None, opt.parameters)
    want = [  # loss, weight, bias, accumulated gradients, step: MindSpore 2.10's
        (4.0, [[1.0, 1.0]], [0.0], [[[2.0, 4.0]], [2.0]], 1),
        (2.25, [[0.875, 0.45]], [-0.05], [[[0.0, 0.0]], [0.0]], 0),
        (0.49000007, [[0.875, 0.45]], [-0.05], [[[1.4, 0.0]], [0.7]], 1)]
    for x, w in zip(([[1.0, 2.0]], [[0.5, -1.0]], [[2.0, 0.0]]), want):
        loss, grads = grad_fn(Tensor(x), Tensor([[1.0]]))
        out = acc(loss, grads)
        np.testing.assert_allclose(out.asnumpy(), w[0], rtol=1e-6)
        np.testing.assert_allclose(net.weight.asnumpy(), w[1], rtol=1e-6)
        np.testing.assert_allclose(net.bias.asnumpy(), w[2], rtol=1e-6, atol=1e-7)
        for a, v in zip(acc._grad_accumulation, w[3]):
            np.testing.assert_allclose(a.asnumpy(), v, rtol=1e-6)
        assert int(acc._accumulation_step.asnumpy()) == w[4]
    p = Parameter(Tensor([1.0, 2.0]), name="p")
    assert gradient_accumulation_op(4, p, Tensor([4.0, 8.0])).asnumpy().tolist() == [2.0, 4.0]
    assert gradient_clear_op(p).asnumpy().tolist() == [0.0, 0.0] and p.asnumpy().tolist() == [0.0, 0.0]


def test_layer_norm_cells_hold_their_primitive():
    class ChannelsFirst(nn.LayerNorm):
        """MindCV's ConvNeXt norm: the layer's primitive over NHWC, back to NCHW."""

        def construct(self, x):
            y, _, _ = self.layer_norm(ops.transpose(x, (0, 2, 3, 1)), self.gamma, self.beta)
            return ops.transpose(y, (0, 3, 1, 2))

    x = Tensor(np.random.default_rng(0).standard_normal((2, 4, 3, 3)).astype(np.float32))
    norm = ChannelsFirst((4,), epsilon=1e-6)
    got = norm(x).asnumpy()
    h = np.transpose(x.asnumpy(), (0, 2, 3, 1))
    want = (h - h.mean(-1, keepdims=True)) / np.sqrt(h.var(-1, keepdims=True) + 1e-6)
    np.testing.assert_allclose(got, np.transpose(want, (0, 3, 1, 2)), rtol=1e-5, atol=1e-5)
    y, mean, var = nn.LayerNorm((4,)).layer_norm(Tensor(h), ops.ones(4), ops.zeros(4))
    assert y.shape == h.shape and mean.shape == (2, 3, 3, 1) and var.shape == (2, 3, 3, 1)


def test_a_loss_scaled_step_written_as_mindcvs():
    from mindspore.ops import functional as F

    unscale = ops.MultitypeFuncGraph("unscale")

    @unscale.register("Tensor", "Tensor")
    def _unscale(scale, grad):
        return grad * F.cast(ops.Reciprocal()(scale), F.dtype(grad))

    class Step(nn.TrainOneStepWithLossScaleCell):
        def construct(self, *inputs):
            loss = self.network(*inputs)
            scale = self.scale_sense
            filled = ops.ones_like(loss) * F.cast(scale, F.dtype(loss))
            grads = self.grad(self.network, self.weights)(*inputs, filled)
            grads = self.hyper_map(F.partial(unscale, scale), grads)
            self.optimizer(grads)
            return loss

    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    step = Step(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.1),
                scale_sense=Tensor(1024.0))
    loss = step(Tensor([[1.0, 2.0]]), Tensor([[1.0]]))
    # d/dw (w·x - 1)² = 2·(3 - 1)·x = [4, 8]: the scale divided out again.
    assert float(loss.asnumpy()) == 4.0
    np.testing.assert_allclose(net.weight.asnumpy(), [[0.6, 0.2]], rtol=1e-6)
    assert F.dtype(Tensor([1], ms.int32)) == ms.int32
