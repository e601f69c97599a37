"""Numbers of training code after several steps of state (optimizers, schedules, losses, layers,
metrics) that a differential run against MindSpore 2.10 found apart: the same calls in both, the
results compared. The expected values are what MindSpore 2.10 (CPU) returned, except where its
result is wrong (each such test says so and checks the documented formula instead)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

W0 = np.array([1.0, -2.0, 0.5], np.float32)
GRADS = [np.array(g, np.float32) for g in ([3.0, -2.0, 1.0], [0.1, 0.1, -0.1], [0.5, -0.2, 0.05],
                                           [-0.3, 0.02, 0.2], [0.01, -0.4, 0.3])]


def _steps(make, steps=5):
    """A Parameter ``w`` = W0 updated by the optimizer ``make([w])`` with GRADS[:steps]."""
    w = ms.Parameter(ms.Tensor(W0.copy()), name="w")
    opt = make([w])
    for g in GRADS[:steps]:
        opt((ms.Tensor(g),))
    return opt, w.asnumpy()


def test_adam_weight_decay_holds_its_betas_as_float32():
    # MindSpore holds beta1/beta2 as Float32 scalars: 1 - 0.999 is 0.00099998713 there, and
    # with Float64 ones the weights were 1e-5 apart (relatively) after five steps.
    _, w = _steps(lambda ps: nn.AdamWeightDecay(ps, 0.1, weight_decay=0.1))
    np.testing.assert_allclose(w, [-0.42148283, -0.5561118, -0.9100276], rtol=1e-6)


def test_adam_amsgrad_lazy_and_float32_bias_corrections():
    # beta1_power/beta2_power are Float32 as MindSpore's (1 - 0.999^t rounds there); with
    # Float64 powers the weights were 4e-6 apart (relatively) after five steps at lr 0.1.
    opt, w = _steps(lambda ps: nn.Adam(ps, 0.1))
    np.testing.assert_allclose(w, [0.68199456, -1.6898814, 0.1847202], rtol=1e-6)
    assert opt.beta1_power.dtype == ms.float32 and opt.beta2_power.dtype == ms.float32
    _, w = _steps(lambda ps: nn.Adam(ps, 0.1, use_lazy=True))  # dense gradients: Adam's numbers
    np.testing.assert_allclose(w, [0.68199456, -1.6898814, 0.1847202], rtol=1e-6)
    opt, w = _steps(lambda ps: nn.Adam(ps, 0.1, use_amsgrad=True))
    np.testing.assert_allclose(w, [0.6820138, -1.6899014, 0.18472022], rtol=1e-6)
    np.testing.assert_allclose(opt.vhat[0].asnumpy(), [0.009322638, 0.00419426, 0.001138416],
                               rtol=1e-6)
    assert [p.name for p in opt.get_parameters()][-4:] == [
        "beta2_power", "moment1.w", "moment2.w", "vhat.w"]
    _, w = _steps(lambda ps: nn.Adam(ps, 0.1, use_amsgrad=True, use_nesterov=True))
    np.testing.assert_allclose(w, [0.6820138, -1.6899014, 0.18472022], rtol=1e-6)  # as MindSpore
    assert not hasattr(nn.Adam([ms.Parameter(ms.Tensor(W0), name="q")]), "vhat")
    with pytest.raises(ValueError):
        nn.Adam([ms.Parameter(ms.Tensor(W0), name="q")], use_amsgrad=True, use_lazy=True)
    with pytest.raises(ValueError):
        nn.Adam([ms.Parameter(ms.Tensor(W0), name="q")], use_lazy=True, use_offload=True)
    with pytest.raises(KeyError):
        nn.Adam([ms.Parameter(ms.Tensor(W0), name="q")], use_foo=True)


def test_rmsprop_adamax_after_five_steps():
    _, w = _steps(lambda ps: nn.RMSProp(ps, 0.1, centered=True, momentum=0.5))
    np.testing.assert_allclose(w, [0.5050196, -1.597311, 0.24314022], rtol=1e-6)
    _, w = _steps(lambda ps: nn.AdaMax(ps, 0.1))
    np.testing.assert_allclose(w, [0.7722331, -1.7789611, 0.27627772], rtol=1e-6)


def test_momentum_nesterov_keeps_the_documented_formula():
    """MindSpore 2.10's CPU Momentum kernel ignores ``use_nesterov`` (its result equals plain
    momentum's, [-0.34241992, -1.1249701, 0.043330014], a MindSpore bug); ours applies the
    documented ``w -= lr·(g + momentum·accum)``."""
    _, plain = _steps(lambda ps: nn.Momentum(ps, 0.1, 0.9))
    np.testing.assert_allclose(plain, [-0.34241992, -1.1249701, 0.043330014], rtol=1e-6)
    _, nest = _steps(lambda ps: nn.Momentum(ps, 0.1, 0.9, use_nesterov=True))
    w, acc = W0.astype(np.float64), np.zeros(3)
    for g in GRADS:
        acc = 0.9 * acc + g
        w = w - 0.1 * (g + 0.9 * acc)
    np.testing.assert_allclose(nest, w, rtol=1e-5)


def test_adagrad_update_slots_false_keeps_the_accumulators():
    """MindSpore 2.10's CPU ApplyAdagrad ignores ``update_slots=False`` (it accumulates anyway:
    weights [0.8903285, -1.8780572, 0.36386135], accum [9.450101, 4.3104, 1.2425001], a MindSpore
    bug); ours keeps the accumulators at their initial value, as documented."""
    opt, w = _steps(lambda ps: nn.Adagrad(ps, learning_rate=0.1, update_slots=False))
    np.testing.assert_allclose(opt.accum[0].asnumpy(), [0.1, 0.1, 0.1], rtol=1e-7)
    want = W0 - 0.1 * np.sum(GRADS, axis=0) / np.sqrt(np.float32(0.1))
    np.testing.assert_allclose(w, want, rtol=1e-5)
    _, w = _steps(lambda ps: nn.Adagrad(ps, learning_rate=0.1))  # update_slots=True agrees
    np.testing.assert_allclose(w, [0.8903285, -1.8780572, 0.36386135], rtol=1e-6)


@pytest.mark.parametrize("sched, want", [
    ("ExponentialDecayLR(0.1, 0.9, 4)", [0.086513415, 0.087660335, 0.092402108, 0.083161898]),
    ("NaturalExpDecayLR(0.1, 0.9, 4, True)", [0.0027323728, 0.0027323728, 0.1, 0.0027323728]),
    ("InverseDecayLR(0.1, 0.5, 4)", [0.059259262, 0.061538465, 0.072727278, 0.053333338]),
    ("CosineDecayLR(0.01, 0.1, 10)", [0.047960453, 0.055, 0.081450336, 0.028549651]),
    ("PolynomialDecayLR(0.1, 0.01, 10, 0.5)", [0.070373833, 0.073639609, 0.085299402, 0.059295036]),
    ("WarmUpLR(0.1, 10)", [0.055000003, 0.05, 0.030000001, 0.07]),
])
def test_schedules_take_float_and_small_integer_steps(sched, want):
    # MindSpore 2.10 casts any real global_step to Float32 (a fractional step included).
    s = eval("nn." + sched)
    steps = [(5.5, ms.float32), (5, ms.float16), (3, ms.int8), (7, ms.uint8)]
    got = [s(ms.Tensor(v, d)) for v, d in steps]
    assert all(g.dtype == ms.float32 for g in got)
    np.testing.assert_allclose([float(g.asnumpy()) for g in got], want, rtol=1e-6)
    with pytest.raises(TypeError):
        s(ms.Tensor(True))


def _gc(g):
    """MindSpore's gradient centralization of one gradient (axis 1 a multiple of 16)."""
    return g - g.mean(axis=tuple(range(1, g.ndim)), keepdims=True)


def test_grad_centralization_in_parameter_groups():
    """MindSpore 2.10 has no CPU kernel for Centralization (its optimizers fail to select one),
    so this checks the formula of its ``gradients_centralization``: a group's gradients of at least
    2 dimensions whose axis 1 is a multiple of 16 lose their mean over the axes after the first,
    after the weight decay is added and before the loss scale is divided out."""
    rng = np.random.RandomState(0)
    ws = [rng.randn(2, 16, 1, 2).astype(np.float32), rng.randn(3, 8).astype(np.float32),
          rng.randn(16).astype(np.float32)]
    gs = [rng.randn(*w.shape).astype(np.float32) for w in ws]
    ps = [ms.Parameter(ms.Tensor(w.copy()), name=n) for w, n in zip(ws, ["c.weight", "d", "b"])]
    opt = nn.SGD([{"params": ps[:2], "grad_centralization": True, "weight_decay": 0.1},
                  {"params": ps[2:]}], learning_rate=0.5, loss_scale=4.0)
    opt(tuple(ms.Tensor(g) for g in gs))
    want0 = ws[0] - 0.5 * _gc(gs[0] + 4.0 * 0.1 * ws[0]) / 4.0
    np.testing.assert_allclose(ps[0].asnumpy(), want0, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(ps[1].asnumpy(), ws[1] - 0.5 * (gs[1] / 4.0 + 0.1 * ws[1]),
                               rtol=1e-5, atol=1e-6)  # axis 1 of 8: untouched
    np.testing.assert_allclose(ps[2].asnumpy(), ws[2] - 0.5 * gs[2] / 4.0, rtol=1e-6)
    # Adagrad accepts the key and ignores it, as MindSpore's
    p = ms.Parameter(ms.Tensor(ws[0].copy()), name="w")
    ada = nn.Adagrad([{"params": [p], "grad_centralization": True}], learning_rate=0.1)
    ada((ms.Tensor(gs[0]),))
    want = ws[0] - 0.1 * gs[0] / np.sqrt(0.1 + gs[0] ** 2)
    np.testing.assert_allclose(p.asnumpy(), want, rtol=1e-5)
    with pytest.raises(TypeError):
        nn.SGD([{"params": [p], "grad_centralization": 1}])


def test_bce_loss_broadcasts_a_per_class_weight():
    """MindSpore 2.10's CPU BCELoss reads past a weight of shape (C,) given with (N, C) inputs
    (garbage: mean 1.8e19, a MindSpore bug); ours broadcasts it, which gives MindSpore's numbers
    for the weight broadcast by hand."""
    rng = np.random.RandomState(3)
    x = (1 / (1 + np.exp(-rng.randn(4, 5)))).astype(np.float32)
    y = rng.rand(4, 5).astype(np.float32)
    rng.rand(4, 5)
    wc = (rng.rand(5) + 0.5).astype(np.float32)
    got = nn.BCELoss(weight=ms.Tensor(wc), reduction="mean")(ms.Tensor(x), ms.Tensor(y))
    full = nn.BCELoss(weight=ms.Tensor(np.tile(wc, (4, 1))), reduction="sum")(ms.Tensor(x),
                                                                             ms.Tensor(y))
    np.testing.assert_allclose(float(got.asnumpy()), 0.75441825, rtol=1e-6)
    np.testing.assert_allclose(float(full.asnumpy()), 15.088366, rtol=1e-6)


def test_multihead_attention_with_bias_kv_and_zero_attn():
    # add_zero_attn used to fail (`_C.zeros` does not exist); MindSpore 2.10's numbers.
    net = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True)
    rng = np.random.RandomState(0)
    for _, p in sorted(net.parameters_and_names(), key=lambda t: t[0]):
        p.set_data(ms.Tensor((rng.randn(*p.shape) * 0.5).astype(np.float32)))
    q = ms.Tensor(rng.randn(3, 1, 4).astype(np.float32))
    k = ms.Tensor(rng.randn(2, 1, 4).astype(np.float32))
    out, w = net(q, k, k, ms.Tensor(np.array([[False, True]])))
    np.testing.assert_allclose(out.asnumpy()[:, 0], [
        [-0.07107261, -0.14120615, -0.38054246, 0.21436125],
        [-0.2653054, -0.14738366, -0.6882097, 0.18031889],
        [-0.37331983, -0.07606776, -0.8750935, -0.02099513]], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(w.asnumpy()[0], [
        [0.17899932, 0.0, 0.4832022, 0.33779848],
        [0.4058308, 0.0, 0.29244828, 0.30172092],
        [0.42339265, 0.0, 0.2902166, 0.2863907]], rtol=1e-5, atol=1e-7)


def test_2d_and_1d_pools_with_ceil_mode_dilation_indices_and_divisor():
    # These options used to raise "not supported"; MindSpore 2.10's numbers.
    x = ms.Tensor(np.random.RandomState(2).randn(1, 1, 5, 6).astype(np.float32))
    x1 = ms.Tensor(np.random.RandomState(3).randn(1, 1, 7).astype(np.float32))
    pad = dict(pad_mode="pad", padding=1)
    got = nn.MaxPool2d(3, 2, ceil_mode=True, **pad)(x).asnumpy()[0, 0]
    np.testing.assert_allclose(got, [[0.5028814, 1.6402708, 2.292208, 2.292208],
                                     [0.5028814, 0.5390583, 2.292208, 2.292208],
                                     [0.00902525, 0.00902525, 0.25657046, -0.15349519]], rtol=1e-6)
    got = nn.AvgPool2d(3, 2, ceil_mode=True, **pad)(x).asnumpy()[0, 0]
    np.testing.assert_allclose(got, [[-0.13504794, -0.41827112, 0.10441581, 0.24174345],
                                     [-0.28418204, -0.6014213, 0.17841366, 0.41307172],
                                     [-0.14598352, -0.34299645, -0.40566307, -0.19037904]],
                               rtol=1e-6)
    got = nn.AvgPool2d(3, 2, divisor_override=4, **pad)(x).asnumpy()[0, 0]
    np.testing.assert_allclose(got, [[-0.30385786, -0.94111, 0.23493558],
                                     [-0.6394096, -1.3531979, 0.40143073],
                                     [-0.3284629, -0.771742, -0.9127419]], rtol=1e-6)
    got = nn.MaxPool2d(2, 1, dilation=2, **pad)(x).asnumpy()[0, 0]
    np.testing.assert_allclose(got[:2], [
        [-1.2452881, 0.5028814, -0.9090076, 0.55145407, 2.292208, 0.55145407],
        [-0.05626683, 0.5390583, 1.6402708, 0.5390583, 1.6402708, -0.0191305]], rtol=1e-6)
    assert got.shape == (5, 6)
    out, idx = nn.MaxPool2d(2, 2, return_indices=True, **pad)(x)
    assert idx.dtype == ms.int64
    assert idx.asnumpy()[0, 0].tolist() == [[0, 1, 3, 5], [6, 14, 10, 11], [24, 19, 22, 29]]
    np.testing.assert_allclose(out.asnumpy()[0, 0, 0], [-0.41675785, -0.05626683, 1.6402708,
                                                        -0.84174734], rtol=1e-6)
    got = nn.MaxPool1d(2, 2, ceil_mode=True, **pad)(x1).asnumpy()[0, 0]
    np.testing.assert_allclose(got, [1.7886285, 0.43650985, -0.27738822, -0.08274148], rtol=1e-6)
    got = nn.AvgPool1d(2, 2, ceil_mode=True, **pad)(x1).asnumpy()[0, 0]
    np.testing.assert_allclose(got, [0.8943142, 0.26650366, -1.0704405, -0.21875024], rtol=1e-6)


_P = [np.array([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6], [0.3, 0.4, 0.3]], np.float32),
      np.array([[0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.2, 0.5, 0.3], [0.4, 0.4, 0.2]], np.float32)]
_Y = [np.array([1, 0, 1, 2], np.int32), np.array([0, 2, 2, 1], np.int32)]


@pytest.mark.parametrize("norm, want", [
    ("no_norm", [[2, 0, 0], [1, 1, 1], [0, 2, 1]]),
    ("target", [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0, 2 / 3, 1 / 3]]),
    ("prediction", [[2 / 3, 0, 0], [1 / 3, 1 / 3, 0.5], [0, 2 / 3, 0.5]]),
    ("all", [[0.25, 0, 0], [0.125, 0.125, 0.125], [0, 0.25, 0.125]]),
])
def test_confusion_matrix_over_two_updates(norm, want):
    m = ms.train.ConfusionMatrix(3, normalize=norm)
    with pytest.raises(RuntimeError):
        m.eval()
    for p, y in zip(_P, _Y):
        m.update(ms.Tensor(p), ms.Tensor(y))
    got = m.eval()
    assert got.dtype == np.float64
    np.testing.assert_allclose(got, want, rtol=1e-12)
    t = ms.train.ConfusionMatrix(2)
    t.update(np.array([0.2, 0.7, 0.5]), np.array([0, 1, 0]))  # thresholded at 0.5
    assert t.eval().tolist() == [[1.0, 1.0], [0.0, 1.0]]
    with pytest.raises(ValueError):
        ms.train.ConfusionMatrix(3, normalize="true")


def test_dice_perplexity_cosine_similarity_and_auc():
    d, p0, p2 = ms.train.Dice(1e-5), ms.train.Perplexity(), ms.train.Perplexity(ignore_label=2)
    with pytest.raises(RuntimeError):
        d.eval()
    got = []
    for p, y in zip(_P, _Y):
        d.update(ms.Tensor(p), ms.Tensor(np.eye(3, dtype=np.float32)[y]))
        p0.update(ms.Tensor(p), ms.Tensor(y))
        p2.update(ms.Tensor(p), ms.Tensor(y))
        got.append((d.eval(), p0.eval(), p2.eval()))
    np.testing.assert_allclose(got, [(0.14912255457178636, 2.6269099008402073, 2.426427501284398),
                                     (0.16415157214907466, 2.3156332102590342, 2.2643217407414875)],
                               rtol=1e-7)
    c = ms.train.CosineSimilarity(reduction="mean")
    c.update(ms.Tensor(_P[0]))
    assert c.eval().dtype == np.float32
    np.testing.assert_allclose(c.eval(), [0.5250498, 0.56627834, 0.52163243, 0.65223277], rtol=1e-6)
    c = ms.train.CosineSimilarity(similarity="dot", zero_diagonal=False, reduction="sum")
    c.update(_P[1])
    np.testing.assert_allclose(c.eval(), [1.31, 1.38, 1.33, 1.32], rtol=1e-6)
    assert abs(ms.train.auc(np.array([1.0, 0.6, 0.2, 0.0]), np.array([1.0, 0.9, 0.3, 0.0]))
               - 0.65) < 1e-12


def test_loss_functions_of_the_nn_loss_cells():
    # ops.multilabel_soft_margin_loss / gaussian_nll_loss / multi_margin_loss were missing;
    # MindSpore 2.10's numbers.
    rng = np.random.RandomState(4)
    x = ms.Tensor(rng.randn(3, 4).astype(np.float32))
    y = ms.Tensor((rng.rand(3, 4) > 0.5).astype(np.float32))
    w = ms.Tensor(rng.rand(4).astype(np.float32) + 0.5)
    got = ms.ops.multilabel_soft_margin_loss(x, y, w, "none")
    np.testing.assert_allclose(got.asnumpy(), [0.6268777, 0.7692454, 0.75611174], rtol=1e-6)
    v = ms.Tensor(rng.rand(3, 4).astype(np.float32) + 0.1)
    got = ms.ops.gaussian_nll_loss(x, y, v, True, 1e-6, "none").asnumpy()
    np.testing.assert_allclose(got[1], [2.0073526, 4.7808347, 3.4016929, 0.9629539], rtol=1e-6)
    t = ms.Tensor(np.array([1, 3, 0], np.int64))
    got = ms.ops.multi_margin_loss(x, t, 2, 2, w, "none")
    np.testing.assert_allclose(got.asnumpy(), [1.9520826, 0.43645048, 1.3154677], rtol=1e-6)
    with pytest.raises(TypeError):
        ms.ops.multi_margin_loss(x, t, margin=1.0)  # an int, as MindSpore 2.10 wants


def test_roc_curves_of_the_last_batch():
    m = ms.train.ROC(pos_label=1)
    with pytest.raises(RuntimeError):
        m.eval()
    m.update(ms.Tensor(np.array([0.1, 0.4, 0.35, 0.8], np.float32)), ms.Tensor([0, 0, 1, 1]))
    m.update(ms.Tensor(np.array([0.3, 0.3, 0.9, 0.2, 0.6, 0.3], np.float32)),
             ms.Tensor([1, 0, 1, 0, 0, 1]))  # the curve is of this batch alone, as MindSpore's
    fpr, tpr, thr = m.eval()
    np.testing.assert_allclose(fpr, [0, 0, 1 / 3, 2 / 3, 1])
    np.testing.assert_allclose(tpr, [0, 1 / 3, 1 / 3, 1, 1])
    np.testing.assert_allclose(thr, [1.9, 0.9, 0.6, 0.3, 0.2], rtol=1e-6)
    m = ms.train.ROC(pos_label=2)
    m.update(np.array([0.5, 0.2, 0.7, 0.1]), np.array([2, 0, 2, 3]))
    np.testing.assert_allclose(m.eval()[0], [0, 0, 0, 0.5, 1])
    # per class; MindSpore 2.10 scrambles (N, C) scores when N != C (its torch-style
    # transpose(0, 1) is a NumPy no-op): its numbers for N == C, where it does not
    p = np.array([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5]], np.float32)
    m = ms.train.ROC(class_num=3)
    m.update(p, np.array([0, 1, 2]))
    fpr, tpr, thr = m.eval()
    assert [f.tolist() for f in fpr] == [[0, 0, 0.5, 1]] * 3
    assert [t.tolist() for t in tpr] == [[0, 1, 1, 1]] * 3
    np.testing.assert_allclose(thr[1], [1.8, 0.8, 0.3, 0.05], rtol=1e-6)
    m.update(np.tile(p, (2, 1)), np.array([0, 1, 2, 0, 1, 2]))  # N = 6: each class's column
    assert [f.tolist() for f in m.eval()[0]] == [[0, 0, 0.5, 1]] * 3


def test_conv2d_transpose_output_padding_holds_contributions_and_bias():
    """MindSpore 2.10's CPU Conv2dTranspose(pad_mode='pad', output_padding=1) leaves the extra
    last row and column zero, bias included (a MindSpore bug); elsewhere the sweep agreed with it
    to 1e-6. Ours: the scatter-add definition, cropped by the padding, plus the bias everywhere."""
    rng = np.random.RandomState(8)
    x = rng.randn(1, 2, 3, 4).astype(np.float32)
    w = rng.randn(2, 3, 3, 3).astype(np.float32)
    b = rng.randn(3).astype(np.float32)
    net = nn.Conv2dTranspose(2, 3, 3, stride=2, pad_mode="pad", padding=1, output_padding=1,
                             has_bias=True)
    net.weight.set_data(ms.Tensor(w))
    net.bias.set_data(ms.Tensor(b))
    got = net(ms.Tensor(x)).asnumpy()
    full = np.zeros((1, 3, 2 * 2 + 3 + 1, 2 * 3 + 3 + 1))
    for i in range(3):
        for j in range(4):
            full[0, :, 2 * i:2 * i + 3, 2 * j:2 * j + 3] += np.einsum("c,cokl->okl", x[0, :, i, j], w)
    want = full[:, :, 1:1 + 6, 1:1 + 8] + b[None, :, None, None]
    assert got.shape == (1, 3, 6, 8)
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5)
    assert np.abs(got[0, :, -1, :]).max() > 0.1
