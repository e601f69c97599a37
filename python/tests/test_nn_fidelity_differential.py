"""Differences from MindSpore 2.10 a differential test found in ``nn`` and training, each pinned
to what MindSpore 2.10 (CPU) computes or raises: half-precision normalisation, a list of learning
rates shorter than the training, ``load_param_into_net`` with missing or mismatched values,
integer initializers, the activation names, Embedding ids out of range, MSELoss on integers and
the callback parameters missing at ``on_train_begin``."""
import numpy as np
import pytest

import mindspore as ms
from mindspore import Parameter, Tensor, nn
from mindspore.common.initializer import (Constant, HeUniform, Identity, Normal, One, Uniform,
                                          XavierUniform, Zero, initializer)


def _x16():
    return Tensor(np.array([[1.0, 2.5], [3.0, -6.0], [0.5, 1.0]], np.float16))


def _x16_4d():
    return Tensor(np.arange(16).reshape(2, 2, 2, 2).astype(np.float16) / 4)


# -- 1. Float16 input, Float32 parameters ------------------------------------------------------
def test_batchnorm1d_float16_input_train_and_eval():
    bn = nn.BatchNorm1d(2)
    bn.set_train(True)
    y = bn(_x16())
    # MindSpore 2.10: Float16 result; the moving statistics stay Float32 and update.
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy(), [[-0.462890625, 0.89990234375],
                                             [1.388671875, -1.39453125],
                                             [-0.92578125, 0.494873046875]], atol=2e-3)
    assert bn.moving_mean.dtype == ms.float32
    # MindSpore 2.10: moving_mean [0.15, -0.08333334], moving_variance [1.075, 2.958333]
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), [0.15, -0.0833333358], rtol=1e-5)
    np.testing.assert_allclose(bn.moving_variance.asnumpy(), [1.075, 2.958333], rtol=1e-5)
    bn = nn.BatchNorm1d(2)
    bn.set_train(False)
    y = bn(_x16())
    # MindSpore 2.10: x / sqrt(1 + eps) in Float16, the input's values.
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy(), _x16().asnumpy(), atol=1e-3)


def test_batchnorm2d_float16_input_and_gradient():
    bn = nn.BatchNorm2d(2)
    bn.set_train(True)
    y = bn(_x16_4d())
    assert y.dtype == ms.float16
    # MindSpore 2.10 (first channel of the first sample, and of the second)
    np.testing.assert_allclose(y.asnumpy()[:, 0].ravel(),
                               [-1.32421875, -1.0830078125, -0.8427734375, -0.60205078125,
                                0.60205078125, 0.8427734375, 1.0830078125, 1.32421875], atol=2e-3)
    # MindSpore 2.10: moving_mean [0.1375, 0.2375], moving_variance [1.0232142, 1.0232142]
    np.testing.assert_allclose(bn.moving_mean.asnumpy(), [0.1375, 0.2375], rtol=1e-5)
    np.testing.assert_allclose(bn.moving_variance.asnumpy(), [1.0232142, 1.0232142], rtol=1e-5)
    bn.set_train(False)
    assert bn(_x16_4d()).dtype == ms.float16
    # The cast back is differentiable: the gradient has the input's dtype.
    bn.set_train(True)
    g = ms.grad(lambda t: (bn(t) * bn(t)).sum())(_x16_4d())
    assert g.dtype == ms.float16 and g.shape == (2, 2, 2, 2)


def test_layernorm_groupnorm_prelu_keep_float16():
    y = nn.LayerNorm((2,))(_x16())
    # MindSpore 2.10: Float16 [[-1, 1], [1, -1], [-1, 1]]
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy(), [[-1, 1], [1, -1], [-1, 1]], atol=1e-3)
    y = nn.GroupNorm(1, 2)(_x16_4d())
    # MindSpore 2.10: Float16, each sample [-1.527, -1.091, -0.655, -0.218, 0.218, ...]
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy()[0].ravel(),
                               [-1.52734375, -1.0908203125, -0.65478515625, -0.21826171875,
                                0.21826171875, 0.65478515625, 1.0908203125, 1.52734375], atol=2e-3)
    for channel in (1, 2):
        y = nn.PReLU(channel)(_x16())
        # MindSpore 2.10: Float16 [[1, 2.5], [3, -1.5], [0.5, 1]]
        assert y.dtype == ms.float16
        assert y.asnumpy().tolist() == [[1.0, 2.5], [3.0, -1.5], [0.5, 1.0]]
    # Float32 and Float64 inputs keep their dtype as before.
    assert nn.LayerNorm((2,))(_x16().astype(ms.float64)).dtype == ms.float64
    assert nn.PReLU()(_x16().astype(ms.float32)).dtype == ms.float32


# -- 2. A list of learning rates shorter than the training -------------------------------------
@pytest.mark.parametrize("make, expected", [
    # MindSpore 2.10: the weights after steps 0 and 1 (learning_rate=[0.1, 0.2], gradient 1)
    (lambda w: nn.SGD([w], learning_rate=[0.1, 0.2]), [0.9, 0.7]),
    (lambda w: nn.Momentum([w], learning_rate=[0.1, 0.2], momentum=0.9), [0.9, 0.52]),
    (lambda w: nn.Adam([w], learning_rate=[0.1, 0.2]), [0.9000000357627869, 0.7000007629394531]),
])
def test_list_learning_rate_past_its_end_is_runtime_error(make, expected):
    w = Parameter(Tensor(np.ones(2, np.float32)), name="w")
    opt = make(w)
    g = (Tensor(np.ones(2, np.float32)),)
    for value in expected:
        opt(g)
        np.testing.assert_allclose(w.asnumpy(), [value, value], rtol=1e-6)
    name = type(opt).__name__
    # MindSpore 2.10: RuntimeError "For 'Gather', the 'input_indices' should be in the range
    # [0, 2), but got 2" at the step past the end, from get_lr() too; nothing is updated.
    with pytest.raises(RuntimeError, match=rf"For '{name}'.*2 values.*step 2"):
        opt.get_lr()
    with pytest.raises(RuntimeError, match=rf"For '{name}'.*2 values.*step 2"):
        opt(g)
    np.testing.assert_allclose(w.asnumpy(), [expected[-1]] * 2, rtol=1e-6)
    assert opt.global_step.asnumpy().tolist() == [2]


@pytest.mark.parametrize("jitted", [False, True])
def test_piecewise_constant_lr_training_past_its_end(jitted):
    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    lr = nn.piecewise_constant_lr([1, 3], [0.1, 0.05])   # [0.1, 0.05, 0.05]
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()),
                               nn.SGD(net.trainable_params(), learning_rate=lr))
    run = ms.jit(lambda a, b: step(a, b)) if jitted else step
    x, y = Tensor(np.ones((4, 2), np.float32)), Tensor(np.zeros((4, 1), np.float32))
    # MindSpore 2.10: losses 4.0, 0.64000010, 0.31360006, then RuntimeError at step 3
    np.testing.assert_allclose([float(run(x, y)) for _ in range(3)], [4.0, 0.64000010, 0.31360006],
                               rtol=1e-5)
    with pytest.raises(RuntimeError, match=r"For 'SGD'.*3 values.*step 3"):
        run(x, y)


# -- 3. load_param_into_net ------------------------------------------------------------------
def _dense():
    return nn.Dense(2, 1, weight_init="ones", bias_init="zeros")


def test_load_param_into_net_strict_with_missing_parameters_returns_them():
    net = _dense()
    values = {"weight": Parameter(Tensor([[3.0, 4.0]], ms.float32), name="weight")}
    # MindSpore 2.10: a warning and (['bias'], []), the weight loaded
    assert ms.load_param_into_net(net, values, strict_load=True) == (["bias"], [])
    assert net.weight.asnumpy().tolist() == [[3.0, 4.0]]
    values["zz"] = Parameter(Tensor(1.0), name="zz")
    # MindSpore 2.10: (['bias'], ['zz'])
    assert ms.load_param_into_net(_dense(), values, strict_load=True) == (["bias"], ["zz"])


def test_load_param_into_net_mismatches_are_runtime_errors():
    net = _dense()
    wide = Parameter(Tensor([[3.0, 4.0, 5.0]], ms.float32), name="weight")
    # MindSpore 2.10: RuntimeError "For 'load_param_into_net', weight in the argument 'net'
    # should have the same shape as weight in the argument 'parameter_dict'. But got its shape
    # (1, 2) in the argument 'net' and shape (1, 3) ..."; nothing is loaded.
    for strict in (False, True):
        with pytest.raises(RuntimeError, match=r"load_param_into_net.*weight.*\(1, 2\).*\(1, 3\)"):
            ms.load_param_into_net(net, {"bias": Parameter(Tensor([7.0]), name="bias"),
                                         "weight": wide}, strict_load=strict)
    assert net.bias.asnumpy().tolist() == [0.0]
    half = Parameter(Tensor([[3.0, 4.0]], ms.float16), name="weight")
    # MindSpore 2.10: RuntimeError "... should have the same type ... Float32 ... Float16" when
    # strict; converted to Float32 otherwise. An Int32 value is a RuntimeError either way.
    with pytest.raises(RuntimeError, match="same type.*Float32.*Float16"):
        ms.load_param_into_net(net, {"weight": half}, strict_load=True)
    assert ms.load_param_into_net(net, {"weight": half}) == (["bias"], [])
    assert net.weight.dtype == ms.float32 and net.weight.asnumpy().tolist() == [[3.0, 4.0]]
    ints = Parameter(Tensor([[3, 4]], ms.int32), name="weight")
    with pytest.raises(RuntimeError, match="same type.*Float32.*Int32"):
        ms.load_param_into_net(net, {"weight": ints})


# -- 4. Initializers with integer and bool dtypes ---------------------------------------------
@pytest.mark.parametrize("dtype", [ms.int32, ms.int64, ms.int8, ms.uint8])
def test_initializer_integer_dtypes_truncate(dtype):
    def data(init, shape=(2,)):
        t = initializer(init, shape, dtype).init_data()
        assert t.dtype == dtype
        return t.asnumpy().tolist()
    # MindSpore 2.10: the values cast to the dtype, truncated toward zero
    assert data("zeros") == [0, 0] and data(Zero()) == [0, 0]
    assert data("ones") == [1, 1] and data(One()) == [1, 1]
    assert data(Constant(3)) == [3, 3] and data(Constant(2.7)) == [2, 2]
    assert data(5) == [5, 5] and data(2.5) == [2, 2]
    # MindSpore 2.10: Constant(-1.5) gives -1 (255 in UInt8)
    assert data(Constant(-1.5)) == ([255, 255] if dtype == ms.uint8 else [-1, -1])
    # MindSpore 2.10: Normal() and Uniform() (scale 0.01, 0.07) are all zeros
    assert data(Normal()) == [0, 0] and data(Uniform()) == [0, 0] and data("normal") == [0, 0]
    assert data(Identity(), (2, 2)) == [[1, 0], [0, 1]]
    # Wider rules give small integers (MindSpore's are random too): Xavier's bound is √1.5.
    values = [v for row in data(XavierUniform(), (2, 2)) for v in row]
    assert all(abs(v) <= 1 or dtype == ms.uint8 for v in values)
    assert len(data(HeUniform(), (2, 2))) == 2


def test_initializer_bool_dtype_is_nonzero():
    def data(init, shape=(2,)):
        t = initializer(init, shape, ms.bool_).init_data()
        assert t.dtype == ms.bool_
        return t.asnumpy().tolist()
    # MindSpore 2.10: False for zeros, True for any nonzero value (Normal draws included)
    assert data("zeros") == [False, False] and data("ones") == [True, True]
    assert data(Constant(-1.5)) == [True, True] and data(Normal()) == [True, True]
    assert data(Identity(), (2, 2)) == [[True, False], [False, True]]


# -- 5. Activation names ---------------------------------------------------------------------
def test_get_activation_knows_mindspore_names():
    x = Tensor(np.array([[[[-1.5, 0.5], [2.0, -0.25]]]], np.float32))
    # MindSpore 2.10: Softmax2d over the (single) channel axis: all ones
    assert repr(nn.get_activation("softmax2d")) == "Softmax2d()"
    assert nn.get_activation("softmax2d")(x).asnumpy().ravel().tolist() == [1.0, 1.0, 1.0, 1.0]
    # MindSpore 2.10: PReLUExt with its default slope 0.25: [-0.375, 0.5, 2.0, -0.0625]
    np.testing.assert_allclose(nn.get_activation("preluExt")(x).asnumpy().ravel(),
                               [-0.375, 0.5, 2.0, -0.0625])
    # MindSpore 2.10: RReLU draws a slope in [1/8, 1/3] for each negative element.
    y = nn.get_activation("rrelu")(x).asnumpy().ravel()
    assert y[1] == 0.5 and y[2] == 2.0
    assert -1.5 / 3 - 1e-6 <= y[0] <= -1.5 / 8 + 1e-6
    assert -0.25 / 3 - 1e-6 <= y[3] <= -0.25 / 8 + 1e-6
    # MindSpore 2.10: LogSoftmaxExt() (its CPU kernel is not registered there; ours runs over
    # the implicit axis 1 as mint.nn.LogSoftmax: a single channel gives zeros).
    assert nn.get_activation("logsoftmaxExt")(x).shape == (1, 1, 2, 2)
    # MindSpore 2.10 lists 'threshold' but Threshold() needs two arguments: a TypeError.
    with pytest.raises(TypeError, match="threshold"):
        nn.get_activation("threshold")
    assert repr(nn.Dense(2, 2, activation="softmax2d").activation) == "Softmax2d()"
    # Names ours accepts beyond MindSpore's stay; unknown and wrongly cased names are KeyErrors.
    assert repr(nn.get_activation("selu")) == "SeLU()"
    with pytest.raises(KeyError, match="softmax2d"):
        nn.get_activation("Relu")


# -- 6. Embedding ids out of range ---------------------------------------------------------------
def test_embedding_ids_out_of_range_are_runtime_errors():
    e = nn.Embedding(4, 2, embedding_table=Tensor(np.arange(8, dtype=np.float32).reshape(4, 2)))
    for bad in (4, 7, -5):
        # MindSpore 2.10: RuntimeError "For 'Gather', the 'input_indices' should be in the
        # range [0, 4), but got 4"
        with pytest.raises(RuntimeError, match=rf"For 'Embedding'.*{bad}.*size 4"):
            e(Tensor(np.array([[0, bad]], np.int32)))
    # MindSpore 2.10 (CPU): a negative id counts from the end: [[[6, 7], [4, 5]]], [[[0, 1]]]
    assert e(Tensor(np.array([[-1, 2]], np.int32))).asnumpy().tolist() == [[[6.0, 7.0], [4.0, 5.0]]]
    assert e(Tensor(np.array([[-4]], np.int32))).asnumpy().tolist() == [[[0.0, 1.0]]]
    # The gradient of a negative id adds into its row.
    g = ms.grad(lambda t: e(Tensor(np.array([-1, 3], np.int32))).sum() * t, grad_position=None,
                weights=e.trainable_params())(Tensor(1.0))[0]
    assert g.asnumpy()[:, 0].tolist() == [0.0, 0.0, 0.0, 2.0]
    hot = nn.Embedding(4, 2, use_one_hot=True,
                       embedding_table=Tensor(np.arange(8, dtype=np.float32).reshape(4, 2)))
    # MindSpore 2.10: with use_one_hot, an id out of range (or negative) gives a zero row
    assert hot(Tensor(np.array([[-1, 2, 4]], np.int32))).asnumpy().tolist() == \
        [[[0.0, 0.0], [4.0, 5.0], [0.0, 0.0]]]


# -- 7. MSELoss on integers and on two dtypes ----------------------------------------------------
@pytest.mark.parametrize("dtype", [ms.int32, ms.int64, ms.int8, ms.uint8])
def test_mse_loss_of_integers_keeps_their_dtype(dtype):
    x = Tensor(np.array([1, 2, 3], np.int32)).astype(dtype)
    y = Tensor(np.array([2, 2, 5], np.int32)).astype(dtype)
    # MindSpore 2.10: mean 1 (5/3 truncated), sum 5, none [1, 0, 4], in the input's dtype
    for reduction, expected in (("mean", 1), ("sum", 5), ("none", [1, 0, 4])):
        out = nn.MSELoss(reduction)(x, y)
        assert out.dtype == dtype and out.asnumpy().tolist() == expected
    # MindSpore 2.10: [[1, 2], [3, 4]] against zeros: mean 30/4 = 7.5 -> 7
    c = Tensor(np.array([[1, 2], [3, 4]], np.int32))
    assert nn.MSELoss()(c, Tensor(np.zeros((2, 2), np.int32))).asnumpy().tolist() == 7


def test_mse_loss_of_two_dtypes_promotes():
    x = Tensor(np.array([1, 2, 3], np.int32))
    y = Tensor(np.array([2, 2, 5], np.float32))
    # MindSpore 2.10: Float32 1.6666666 / 5.0 / [1, 0, 4]; Int32 with Int64 gives Int64 1
    out = nn.MSELoss()(x, y)
    assert out.dtype == ms.float32 and abs(float(out) - 1.6666666) < 1e-6
    assert nn.MSELoss("sum")(x.astype(ms.float16), y).dtype == ms.float32
    assert nn.MSELoss("none")(x.astype(ms.float16), y).asnumpy().tolist() == [1.0, 0.0, 4.0]
    out = nn.MSELoss()(x, y.astype(ms.int64))
    assert out.dtype == ms.int64 and out.asnumpy().tolist() == 1
    # MindSpore 2.10: Bool inputs are a TypeError (no Square kernel for Bool)
    with pytest.raises(TypeError, match="MSELoss"):
        nn.MSELoss()(x.astype(ms.bool_), y.astype(ms.bool_))
    # The gradient of the promoted path reaches the Float32 input: 2 (y − x) / 3 → [2/3, 0, 4/3]
    g = ms.grad(lambda t: nn.MSELoss()(x.astype(ms.float16), t))(y)
    np.testing.assert_allclose(g.asnumpy(), [2 / 3, 0.0, 4 / 3], rtol=1e-6)


# -- 8. Callback parameters not yet set ----------------------------------------------------------
def test_cb_params_missing_at_train_begin_is_key_error():
    import mindspore.dataset as ds
    from mindspore.train import Callback, Model

    seen = {}

    class Probe(Callback):
        def on_train_begin(self, run_context):
            args = run_context.original_args()
            # MindSpore 2.10: KeyError('cur_epoch_num') (the args object is a dict)
            with pytest.raises(KeyError, match="cur_epoch_num"):
                args.cur_epoch_num
            # Also an AttributeError, so hasattr / getattr with a default answer (MindSpore's
            # raise the KeyError).
            seen["has"], seen["default"] = hasattr(args, "cur_epoch_num"), getattr(
                args, "cur_epoch_num", 7)
            seen["epoch_num"] = args.epoch_num

    data = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32),
                                  "y": np.zeros((4, 1), np.float32)}, shuffle=False).batch(2)
    net = nn.Dense(2, 1)
    Model(net, nn.MSELoss(), nn.SGD(net.trainable_params())).train(
        1, data, callbacks=[Probe()], dataset_sink_mode=False)
    assert seen == {"has": False, "default": 7, "epoch_num": 1}


@pytest.mark.parametrize("kwargs", [
    dict(stride=2, pad_mode="pad", padding=1, output_padding=2),  # not below the stride
    dict(stride=2, output_padding=1),                             # pad_mode 'same'
    dict(stride=1, pad_mode="pad", output_padding=1),
])
def test_conv2d_transpose_output_padding_limits(kwargs):
    # MindSpore 2.10: ValueError for each.
    with pytest.raises(ValueError, match="output_padding"):
        nn.Conv2dTranspose(1, 1, 3, **kwargs)
    assert nn.Conv2dTranspose(1, 1, 3, stride=2, pad_mode="pad", padding=1,
                              output_padding=1).output_padding == 1


def test_conv2d_transpose_refuses_unknown_keywords():
    # MindSpore 2.10 (the D2L transposed-convolution notebook's misspelt `pad_mod`): TypeError
    with pytest.raises(TypeError, match="pad_mod"):
        nn.Conv2dTranspose(1, 1, 2, pad_mod="same")
