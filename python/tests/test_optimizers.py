"""Optimizers, parameter groups and learning-rate schedules against NumPy float64 references of
MindSpore's formulas, and against numbers printed by MindSpore 2.10 on CPU (hard-coded below, each
with a comment saying so). Also: dynamic learning rates under ``jit`` (one trace, each step's
rate), and bad input."""
import math
import warnings

import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn, ops
from easy_mindspore.nn.optim import GroupKeyError

Parameter, Tensor = ems.Parameter, ems.Tensor

# -- float64 references, written from MindSpore's documented formulas -----------------------
# Every rule first reads g' = g/loss_scale + weight_decay·w (decayed parameters only).


def ref_sgd(momentum=0.0, dampening=0.0, nesterov=False):
    def rule(w, g, st, t, lr):
        if momentum == 0.0:
            return w - lr * g
        # v = g on the first step, then v = u·v + (1 − d)·g
        st["v"] = g if t == 1 else momentum * st["v"] + (1 - dampening) * g
        return w - lr * (g + momentum * st["v"] if nesterov else st["v"])
    return rule


def ref_adam(b1=0.9, b2=0.999, eps=1e-8):
    def rule(w, g, st, t, lr):
        st["m"] = st.get("m", 0) + (1 - b1) * (g - st.get("m", 0))
        st["v"] = st.get("v", 0) + (1 - b2) * (g * g - st.get("v", 0))
        return w - lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t) * st["m"] / (np.sqrt(st["v"]) + eps)
    return rule


def ref_adagrad(accum=0.1, update_slots=True):
    def rule(w, g, st, t, lr):
        a = st.get("a", accum)
        if update_slots:
            a = a + g * g  # accum += g²
        st["a"] = a
        return w - lr * g / np.sqrt(a)
    return rule


def ref_rmsprop(decay=0.9, momentum=0.0, eps=1e-10, centered=False):
    def rule(w, g, st, t, lr):
        st["s"] = decay * st.get("s", 1.0) + (1 - decay) * g * g  # mean_square starts at 1
        var = st["s"]
        if centered:
            st["gm"] = decay * st.get("gm", 0.0) + (1 - decay) * g
            var = var - st["gm"] ** 2
        st["m"] = momentum * st.get("m", 0.0) + lr * g / np.sqrt(var + eps)
        return w - st["m"]
    return rule


def ref_adadelta(rho=0.9, eps=1e-6):
    def rule(w, g, st, t, lr):
        st["a"] = rho * st.get("a", 0.0) + (1 - rho) * g * g
        d = np.sqrt(st.get("u", 0.0) + eps) / np.sqrt(st["a"] + eps) * g
        st["u"] = rho * st.get("u", 0.0) + (1 - rho) * d * d
        return w - lr * d
    return rule


def ref_adamax(b1=0.9, b2=0.999, eps=1e-8):
    def rule(w, g, st, t, lr):
        st["m"] = b1 * st.get("m", 0.0) + (1 - b1) * g
        st["v"] = np.maximum(b2 * st.get("v", 0.0), np.abs(g))
        return w - lr / (1 - b1 ** t) * st["m"] / (st["v"] + eps)
    return rule


def reference(rule, w0, grads, lrs, wd=0.0, ls=1.0):
    w, st, out = w0.copy(), {}, []
    for t, (g, lr) in enumerate(zip(grads, lrs), 1):
        w = rule(w, g / ls + wd * w, st, t, lr)
        out.append(w)
    return out


CASES = {
    "SGD": (lambda ps, **k: nn.SGD(ps, 0.1, **k), ref_sgd(), 0.1),
    "SGD-momentum-dampening": (lambda ps, **k: nn.SGD(ps, 0.1, momentum=0.9, dampening=0.3, **k),
                               ref_sgd(0.9, 0.3), 0.1),
    "SGD-nesterov": (lambda ps, **k: nn.SGD(ps, 0.1, momentum=0.9, nesterov=True, **k),
                     ref_sgd(0.9, 0.0, True), 0.1),
    "Momentum": (lambda ps, **k: nn.Momentum(ps, 0.1, 0.9, **k), ref_sgd(0.9), 0.1),
    "Momentum-nesterov": (lambda ps, **k: nn.Momentum(ps, 0.1, 0.9, use_nesterov=True, **k),
                          ref_sgd(0.9, 0.0, True), 0.1),
    "Adam": (lambda ps, **k: nn.Adam(ps, 0.05, **k), ref_adam(), 0.05),
    "Adagrad": (lambda ps, **k: nn.Adagrad(ps, accum=0.2, learning_rate=0.1, **k),
                ref_adagrad(0.2), 0.1),
    "Adagrad-no-slots": (lambda ps, **k: nn.Adagrad(ps, learning_rate=0.1, update_slots=False, **k),
                         ref_adagrad(0.1, False), 0.1),
    "RMSProp": (lambda ps, **k: nn.RMSProp(ps, 0.01, **k), ref_rmsprop(), 0.01),
    "RMSProp-centered": (lambda ps, **k: nn.RMSProp(ps, 0.01, decay=0.8, momentum=0.5,
                                                    centered=True, **k),
                         ref_rmsprop(0.8, 0.5, 1e-10, True), 0.01),
    "Adadelta": (lambda ps, **k: nn.Adadelta(ps, 1.0, rho=0.8, epsilon=1e-4, **k),
                 ref_adadelta(0.8, 1e-4), 1.0),
    "AdaMax": (lambda ps, **k: nn.AdaMax(ps, 0.02, beta1=0.8, **k), ref_adamax(0.8), 0.02),
}


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("shape", [(1,), (3, 1), (2, 3)])
@pytest.mark.parametrize("wd,ls", [(0.0, 1.0), (0.05, 4.0)])
def test_each_optimizer_follows_its_formula_step_after_step(name, shape, wd, ls):
    make, rule, lr = CASES[name]
    rng = np.random.default_rng(len(name) + len(shape))
    w0 = rng.normal(size=shape)
    grads = [rng.normal(size=shape) for _ in range(4)]
    w = Parameter(Tensor(w0), name="w")
    opt = make([w], weight_decay=wd, loss_scale=ls)
    want = reference(rule, w0, grads, [lr] * 4, wd, ls)
    for g, ref in zip(grads, want):
        assert opt((Tensor(g),)) == (True,)
        np.testing.assert_allclose(w.asnumpy(), ref, rtol=1e-10, atol=1e-12)
    assert opt.global_step.asnumpy().tolist() == [4]


W0 = np.array([1.0, -2.0], np.float32)
GS = [[0.5, 1.0], [-1.0, 2.0], [0.3, -0.7]]


def run32(make, name="w", gs=GS):
    w = Parameter(Tensor(W0), name=name)
    opt = make([w])
    out = []
    for g in gs:
        opt((Tensor(np.array(g, np.float32)),))
        out.append(w.asnumpy().copy())
    return opt, out


# Printed by MindSpore 2.10 on CPU: Float32 w0 = [1, -2], the gradients GS, lr 0.1 unless said.
MINDSPORE = [
    (lambda ps: nn.Adagrad(ps, learning_rate=0.1), [0.976550817489624, -2.1543009281158447]),
    (lambda ps: nn.Adagrad(ps, learning_rate=0.1, weight_decay=0.1, loss_scale=2.0),
     [0.9540526866912842, -2.1034603118896484]),
    (lambda ps: nn.RMSProp(ps, learning_rate=0.1), [1.0189954042434692, -2.212010622024536]),
    (lambda ps: nn.RMSProp(ps, learning_rate=0.1, centered=True, momentum=0.5),
     [1.031904935836792, -2.3835747241973877]),
    (lambda ps: nn.RMSProp(ps, learning_rate=0.1, weight_decay=0.1, loss_scale=2.0),
     [0.9787041544914246, -2.0544991493225098]),
    (lambda ps: nn.Adadelta(ps, learning_rate=0.1), [0.9999246001243591, -2.000532388687134]),
    (lambda ps: nn.Adadelta(ps, learning_rate=0.1, weight_decay=0.1, loss_scale=2.0),
     [0.9997768402099609, -2.0003955364227295]),
    (lambda ps: nn.AdaMax(ps, learning_rate=0.1), [0.936150074005127, -2.2115910053253174]),
    (lambda ps: nn.AdaMax(ps, learning_rate=0.1, weight_decay=0.1, loss_scale=2.0),
     [0.8981661796569824, -2.188711166381836]),
    (lambda ps: nn.SGD(ps, 0.1, momentum=0.9, weight_decay=0.1, nesterov=True),
     [0.96444863, -2.5772386]),
    (lambda ps: nn.SGD(ps, 0.1, momentum=0.9, dampening=0.5), [0.94449997, -2.4259999]),
    (lambda ps: nn.SGD(ps, 0.1, momentum=0.9, weight_decay=0.1, loss_scale=2.0),
     [0.9570764303207397, -2.176362991333008]),
    (lambda ps: nn.Momentum(ps, 0.1, 0.9, weight_decay=0.1, loss_scale=2.0),
     [0.9570764303207397, -2.176362991333008]),
    (lambda ps: nn.Adam(ps, 0.1, weight_decay=0.1, loss_scale=2.0),
     [0.8962541818618774, -2.217473268508911]),
]


@pytest.mark.parametrize("case", range(len(MINDSPORE)))
def test_three_float32_steps_give_mindspores_numbers(case):
    make, want = MINDSPORE[case]
    _, out = run32(make)
    np.testing.assert_allclose(out[-1], want, rtol=2e-6)


def test_state_parameters_have_mindspores_names():
    # MindSpore 2.10's parameters_and_names: accum.w; mean_grad.w, mean_square.w, moment.w;
    # accum.w, accum_update.w; moment1.w, moment2.w and beta1_power.
    names = lambda opt: sorted(p.name for p in opt.state_params())  # noqa: E731
    w = Parameter(Tensor(W0), name="w")
    assert names(nn.Adagrad([w])) == ["accum.w"]
    assert names(nn.RMSProp([w], centered=True)) == ["mean_grad.w", "mean_square.w", "moment.w"]
    assert names(nn.Adadelta([w])) == ["accum.w", "accum_update.w"]
    assert names(nn.AdaMax([w])) == ["beta1_power", "moment1.w", "moment2.w"]
    assert nn.Adamax is nn.AdaMax


# MindSpore 2.10's ``opt.parameters_and_names()`` for a Dense(3, 2)'s weight and bias (SGD's, with
# its ``momentum`` and ``stat.*``, are in test_optim_more.py).
_MS_NAMES = {
    "Momentum": (lambda ps: nn.Momentum(ps, 0.1, 0.9),
                 ["global_step", "learning_rate", "weight", "bias", "momentum", "moments.weight",
                  "moments.bias"]),
    "Adam": (lambda ps: nn.Adam(ps, 0.1),
             ["global_step", "learning_rate", "weight", "bias", "beta1_power", "beta2_power",
              "moment1.weight", "moment1.bias", "moment2.weight", "moment2.bias"]),
    "AdamWeightDecay": (lambda ps: nn.AdamWeightDecay(ps, 0.1),
                        ["global_step", "learning_rate", "weight", "bias", "adam_m.weight",
                         "adam_m.bias", "adam_v.weight", "adam_v.bias"]),
    "Adagrad": (lambda ps: nn.Adagrad(ps),
                ["global_step", "learning_rate", "weight", "bias", "accum.weight", "accum.bias"]),
    "RMSProp": (lambda ps: nn.RMSProp(ps, centered=True),
                ["global_step", "learning_rate", "weight", "bias", "mean_grad.weight",
                 "mean_grad.bias", "mean_square.weight", "mean_square.bias", "moment.weight",
                 "moment.bias"]),
    "Adadelta": (lambda ps: nn.Adadelta(ps),
                 ["global_step", "learning_rate", "weight", "bias", "accum.weight", "accum.bias",
                  "accum_update.weight", "accum_update.bias"]),
    "AdaMax": (lambda ps: nn.AdaMax(ps),
               ["global_step", "learning_rate", "weight", "bias", "beta1_power", "moment1.weight",
                "moment1.bias", "moment2.weight", "moment2.bias"]),
}


@pytest.mark.parametrize("name", list(_MS_NAMES))
def test_an_optimizer_cell_holds_mindspores_parameters_in_its_order(name):
    make, want = _MS_NAMES[name]
    opt = make(nn.Dense(3, 2).trainable_params())
    assert [n for n, _ in opt.parameters_and_names()] == want
    assert [p.name for p in opt.get_parameters()] == want


def test_state_attributes_are_mindspores_and_are_the_state_the_step_updates():
    net = nn.Dense(3, 2)
    opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
    assert isinstance(opt.moments, ems.ParameterTuple)
    assert [p.name for p in opt.moments] == ["moments.weight", "moments.bias"]
    opt((ops.ones((2, 3)), ops.ones((2,))))
    opt((ops.ones((2, 3)), ops.ones((2,))))
    # accum = 0.9·1 + 1 after two steps of unit gradients
    np.testing.assert_allclose(opt.moments[1].asnumpy(), [1.9, 1.9], rtol=1e-6)
    adam = nn.Adam(net.trainable_params(), 0.1)
    adam((ops.ones((2, 3)), ops.ones((2,))))
    assert [p.name for p in adam.moment1] == ["moment1.weight", "moment1.bias"]
    assert [p.name for p in adam.moment2] == ["moment2.weight", "moment2.bias"]
    np.testing.assert_allclose(adam.moment1[1].asnumpy(), [0.1, 0.1], rtol=1e-6)
    np.testing.assert_allclose(adam.beta1_power.asnumpy(), 0.9, rtol=1e-6)
    assert adam.beta2_power.name == "beta2_power"
    wd = nn.AdamWeightDecay(net.trainable_params(), 0.1)
    assert [p.name for p in wd.moments1] == ["adam_m.weight", "adam_m.bias"]
    rms = nn.RMSProp(net.trainable_params(), centered=True)
    assert (rms.mg[0].name, rms.ms[0].name, rms.moment[0].name) == (
        "mean_grad.weight", "mean_square.weight", "moment.weight")


def test_a_training_cell_checkpoint_holds_the_optimizer_state_by_mindspores_names(tmp_path):
    def train(steps):
        ems.set_seed(1)
        net = nn.Dense(3, 2)
        opt = nn.Momentum(net.trainable_params(), 0.1, 0.9)
        step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
        x, y = ops.ones((4, 3)), ops.zeros((4, 2))
        for _ in range(steps):
            step(x, y)
        return step, opt, x, y

    step, opt, x, y = train(2)
    # MindSpore 2.10: the weights, then the optimizer's own under "optimizer."
    assert [n for n, _ in step.parameters_and_names()] == [
        "weight", "bias", "optimizer.global_step", "optimizer.learning_rate",
        "optimizer.momentum", "optimizer.moments.weight", "optimizer.moments.bias"]
    path = str(tmp_path / "step.ckpt")
    ems.save_checkpoint(step, path)
    saved = ems.load_checkpoint(path)
    assert list(saved) == ["weight", "bias", "global_step", "learning_rate", "momentum",
                           "moments.weight", "moments.bias"]
    # Resuming from the checkpoint continues exactly as the run that did not stop.
    fresh, fresh_opt, _, _ = train(0)
    assert ems.load_param_into_net(fresh, saved) == ([], [])
    np.testing.assert_array_equal(fresh_opt.moments[0].asnumpy(), opt.moments[0].asnumpy())
    assert float(step(x, y).asnumpy()) == float(fresh(x, y).asnumpy())
    np.testing.assert_array_equal(fresh.network._backbone.weight.asnumpy(),
                                  step.network._backbone.weight.asnumpy())


def test_weight_decay_skips_beta_and_gamma_without_groups():
    # MindSpore 2.10: a Parameter named 'beta' is not decayed (same result as weight_decay=0).
    _, decayed = run32(lambda ps: nn.SGD(ps, 0.1, weight_decay=0.1), name="beta")
    _, plain = run32(lambda ps: nn.SGD(ps, 0.1), name="beta")
    np.testing.assert_array_equal(decayed[-1], plain[-1])
    _, decayed = run32(lambda ps: nn.SGD(ps, 0.1, weight_decay=0.1), name="w")
    np.testing.assert_allclose(decayed[-1], [0.9902939796447754, -2.1666078567504883], rtol=1e-6)


def test_parameter_groups_lr_weight_decay_and_order():
    a = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), name="a")
    beta = Parameter(Tensor(np.array([3.0], np.float32)), name="beta")
    c = Parameter(Tensor(np.array([4.0], np.float32)), name="c")
    opt = nn.SGD([{"params": [a], "lr": 0.5, "weight_decay": 0.1},
                  {"params": [beta], "weight_decay": 0.2}, {"params": [c]},
                  {"order_params": [c, a, beta]}], learning_rate=0.1, weight_decay=0.3)
    assert [p.name for p in opt.parameters] == ["c", "a", "beta"]
    assert opt.is_group and opt.is_group_lr
    np.testing.assert_allclose(opt.weight_decay, (0.3, 0.1, 0.2))
    opt((Tensor([1.0]), Tensor([1.0, 1.0]), Tensor([1.0])))
    # MindSpore 2.10: a -> [0.45, 1.4], beta (decayed: groups decay every parameter) -> [2.84],
    # c (the optimizer's lr and weight decay) -> [3.78].
    np.testing.assert_allclose(a.asnumpy(), [0.45, 1.4], rtol=1e-6)
    np.testing.assert_allclose(beta.asnumpy(), [2.84], rtol=1e-6)
    np.testing.assert_allclose(c.asnumpy(), [3.78], rtol=1e-6)
    lrs = opt.get_lr()
    assert [p.name for p in lrs] == ["learning_rate", "learning_rate_group_0", "learning_rate"]
    assert lrs[0] is lrs[2] and float(lrs[1]) == 0.5
    assert opt.get_lr_parameter(a).name == "learning_rate_group_0"
    assert [p.name for p in opt.get_lr_parameter([c, beta])] == ["learning_rate"] * 2


def test_groups_of_adam_and_rmsprop_follow_their_formulas():
    rng = np.random.default_rng(0)
    w1, w2 = rng.normal(size=(2, 2)), rng.normal(size=(3,))
    p1, p2 = Parameter(Tensor(w1), name="p1"), Parameter(Tensor(w2), name="p2")
    grads = [(rng.normal(size=(2, 2)), rng.normal(size=(3,))) for _ in range(3)]
    for make, rule in [(nn.Adam, ref_adam()), (nn.RMSProp, ref_rmsprop())]:
        p1.set_data(Tensor(w1))
        p2.set_data(Tensor(w2))
        opt = make([{"params": [p1], "lr": 0.02, "weight_decay": 0.1}, {"params": [p2]}],
                   learning_rate=0.01)
        for g1, g2 in grads:
            opt((Tensor(g1), Tensor(g2)))
        r1 = reference(rule, w1, [g for g, _ in grads], [0.02] * 3, wd=0.1)
        r2 = reference(rule, w2, [g for _, g in grads], [0.01] * 3)
        np.testing.assert_allclose(p1.asnumpy(), r1[-1], rtol=1e-10)
        np.testing.assert_allclose(p2.asnumpy(), r2[-1], rtol=1e-10)


def test_a_list_of_rates_is_one_per_step_and_runs_out():
    # MindSpore 2.10: nn.SGD(ps, [0.1, 0.2, 0.3, 0.4]) after two steps.
    opt, out = run32(lambda ps: nn.SGD(ps, [0.1, 0.2, 0.3, 0.4]), gs=GS[:2])
    np.testing.assert_allclose(out, [[0.95, -2.1], [1.15, -2.5]], rtol=1e-6)
    assert opt.global_step.asnumpy().tolist() == [2]
    lr = opt.get_lr()
    assert lr.shape == () and lr.dtype == ems.float32 and float(lr) == pytest.approx(0.3)
    assert opt.global_step.asnumpy().tolist() == [2]  # get_lr does not advance the step
    # MindSpore 2.10: past the end its Gather raises a RuntimeError; the weight keeps its value.
    w = Parameter(Tensor(np.zeros(1)), name="w")
    opt = nn.SGD([w], (0.5, 0.25))
    for _ in range(2):
        opt((Tensor([1.0]),))
    with pytest.raises(RuntimeError, match="For 'SGD'.*2 values.*step 2"):
        opt((Tensor([1.0]),))
    np.testing.assert_allclose(w.asnumpy(), [-(0.5 + 0.25)])


def test_a_tensor_rate_is_fixed_when_0d_and_per_step_when_1d():
    _, out = run32(lambda ps: nn.SGD(ps, Tensor(np.array([0.1, 0.2, 0.3], np.float32))), gs=GS[:2])
    np.testing.assert_allclose(out, [[0.95, -2.1], [1.15, -2.5]], rtol=1e-6)
    # MindSpore 2.10: nn.SGD(ps, Tensor(0.3)) -> [0.85, -2.3], [1.15, -2.9]
    opt, out = run32(lambda ps: nn.SGD(ps, Tensor(0.3, ems.float32)), gs=GS[:2])
    np.testing.assert_allclose(out, [[0.85, -2.3], [1.15, -2.9]], rtol=1e-6)
    assert isinstance(opt.get_lr(), Parameter) and opt.get_lr().name == "learning_rate"


def test_a_schedule_drives_the_optimizer():
    # MindSpore 2.10: nn.SGD(ps, nn.ExponentialDecayLR(0.1, 0.5, 2)) after two steps.
    sched = nn.ExponentialDecayLR(0.1, 0.5, 2)
    opt, out = run32(lambda ps: nn.SGD(ps, sched), gs=GS[:2])
    np.testing.assert_allclose(out, [[0.95, -2.1], [1.0207107067108154, -2.2414212226867676]],
                               rtol=1e-6)
    assert opt.learning_rate is sched
    assert float(opt.get_lr()) == pytest.approx(0.05)


def test_a_weight_decay_cell_is_read_at_each_step():
    # MindSpore 2.10: Momentum(ps, 0.1, 0.9, weight_decay=WarmUpLR(0.2, 2), loss_scale=2.0) and
    # AdamWeightDecay(ps, 0.1, weight_decay=ExponentialDecayLR(0.1, 0.5, 1)), three steps.
    opt, out = run32(lambda ps: nn.Momentum(ps, 0.1, 0.9, weight_decay=nn.WarmUpLR(0.2, 2),
                                            loss_scale=2.0))
    np.testing.assert_allclose(out, [[0.9750000238418579, -2.049999952316284],
                                     [0.9927500486373901, -2.174499988555908],
                                     [0.973870038986206, -2.2080600261688232]], rtol=1e-6)
    np.testing.assert_allclose(opt.get_weight_decay().asnumpy(), [0.4], rtol=1e-6)
    assert isinstance(opt.weight_decay, nn.WarmUpLR)
    _, out = run32(lambda ps: nn.AdamWeightDecay(ps, 0.1,
                                                 weight_decay=nn.ExponentialDecayLR(0.1, 0.5, 1)))
    # (Float32 rounding of the two implementations differs by a few ulps here.)
    np.testing.assert_allclose(out[-1], [0.8772304654121399, -2.9460792541503906], rtol=1e-5)
    # Not decayed without groups: a 'beta' parameter (the same as no decay at all).
    _, decayed = run32(lambda ps: nn.Adagrad(ps, learning_rate=0.1,
                                             weight_decay=nn.WarmUpLR(0.2, 1)), name="beta")
    _, plain = run32(lambda ps: nn.Adagrad(ps, learning_rate=0.1), name="beta")
    np.testing.assert_array_equal(decayed[-1], plain[-1])
    # Under jit: one trace, the same steps as eager.
    histories = []
    for compiled in (False, True):
        w = Parameter(Tensor(np.array([1.0, -2.0])), name="w")
        opt = nn.RMSProp([w], 0.1, weight_decay=nn.WarmUpLR(0.3, 3))
        step = ems.jit(lambda g: opt((g,))) if compiled else (lambda g: opt((g,)))
        histories.append([step(Tensor([0.5, 1.0])) and w.asnumpy().copy() for _ in range(5)])
    np.testing.assert_allclose(histories[1], histories[0], rtol=1e-12)
    assert step.cache_info().traces == 1
    with pytest.raises(TypeError, match="dynamic weight decay"):
        nn.SGD([w], weight_decay=nn.WarmUpLR(0.2, 2))


# MindSpore 2.10 on CPU: schedule(Tensor(step, int32)) for steps 0..6 (Float32 values).
SCHEDULES = {
    "exp": (nn.ExponentialDecayLR(0.1, 0.9, 4), [0.10000000149011612, 0.09740037471055984,
            0.09486832469701767, 0.09240210801362991, 0.08999999612569809, 0.08766033500432968,
            0.08538150042295456], lambda s: 0.1 * 0.9 ** (s / 4)),
    "exp_stair": (nn.ExponentialDecayLR(0.1, 0.9, 4, True), [0.1] * 4 + [0.09] * 3,
                  lambda s: 0.1 * 0.9 ** (s // 4)),
    "nat": (nn.NaturalExpDecayLR(0.1, 0.9, 4), [0.10000000149011612, 0.04065696895122528,
            0.01652989163994789, 0.006720553617924452, 0.0027323728427290916,
            0.0011108998442068696, 0.0004516583576332778], lambda s: 0.1 * math.exp(-0.9 * s)),
    "nat_stair": (nn.NaturalExpDecayLR(0.1, 0.9, 4, True), [0.1] * 4 + [0.0027323728427290916] * 3,
                  lambda s: 0.1 * math.exp(-0.9 * (s // 4 * 4))),
    "inv": (nn.InverseDecayLR(0.1, 0.9, 4), [0.10000000149011612, 0.08163265138864517,
            0.06896551698446274, 0.059701498597860336, 0.05263158306479454, 0.0470588244497776,
            0.042553193867206573], lambda s: 0.1 / (1 + 0.9 * s / 4)),
    "inv_stair": (nn.InverseDecayLR(0.1, 0.9, 4, True), [0.1] * 4 + [0.05263158306479454] * 3,
                  lambda s: 0.1 / (1 + 0.9 * (s // 4))),
    "cos": (nn.CosineDecayLR(0.01, 0.1, 4), [0.10000000149011612, 0.08681980520486832,
            0.054999999701976776, 0.023180190473794937, 0.01, 0.01, 0.01],
            lambda s: 0.01 + 0.045 * (1 + math.cos(math.pi * min(s, 4) / 4))),
    "poly": (nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5), [0.10000000149011612, 0.08794228732585907,
             0.07363960891962051, 0.054999999701976776, 0.01, 0.01, 0.01],
             lambda s: 0.09 * (1 - min(s, 4) / 4) ** 0.5 + 0.01),
    "poly_update": (nn.PolynomialDecayLR(0.1, 0.01, 4, 0.5, True), [0.10000000149011612,
                    0.08794228732585907, 0.07363960891962051, 0.054999999701976776, 0.01,
                    0.06511352211236954, 0.054999999701976776],
                    lambda s: 0.09 * (1 - s / (4 * max(math.ceil(s / 4), 1))) ** 0.5 + 0.01),
    "warmup": (nn.WarmUpLR(0.1, 4), [0.0, 0.025, 0.05, 0.075, 0.1, 0.1, 0.1],
               lambda s: 0.1 * min(s, 4) / 4),
}


@pytest.mark.parametrize("name", list(SCHEDULES))
def test_schedules_match_mindspore_and_their_formula(name):
    sched, mindspore, formula = SCHEDULES[name]
    got = []
    for s in range(7):
        lr = sched(Tensor(s, ems.int32))
        assert lr.dtype == ems.float32 and lr.shape == ()
        got.append(float(lr))
    np.testing.assert_allclose(got, mindspore, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(got, [formula(s) for s in range(7)], rtol=1e-6, atol=1e-9)
    assert sched(Tensor([2, 3], ems.int32)).shape == (2,)


def test_dynamic_lr_lists_equal_mindspores():
    # Printed by MindSpore 2.10 (Python floats, compared exactly).
    assert nn.piecewise_constant_lr([2, 5], [0.1, 0.05]) == [0.1, 0.1, 0.05, 0.05, 0.05]
    assert nn.exponential_decay_lr(0.1, 0.9, 6, 2, 1) == [
        0.1, 0.1, 0.09000000000000001, 0.09000000000000001, 0.08100000000000002,
        0.08100000000000002]
    assert nn.exponential_decay_lr(0.1, 0.9, 6, 2, 2, True) == [
        0.1, 0.1, 0.1, 0.1, 0.09000000000000001, 0.09000000000000001]
    assert nn.natural_exp_decay_lr(0.1, 0.9, 6, 2, 2, True) == [
        0.1, 0.1, 0.1, 0.1, 0.016529888822158657, 0.016529888822158657]
    assert nn.natural_exp_decay_lr(0.1, 0.9, 4, 1, 2) == [
        0.1, 0.04065696597405991, 0.016529888822158657, 0.006720551273974976]
    assert nn.inverse_decay_lr(0.1, 0.5, 6, 1, 1, True) == [
        0.1, 0.06666666666666667, 0.05, 0.04, 0.03333333333333333, 0.028571428571428574]
    assert nn.inverse_decay_lr(0.1, 0.5, 6, 2, 2) == [
        0.1, 0.1, 0.08, 0.08, 0.06666666666666667, 0.06666666666666667]
    assert nn.cosine_decay_lr(0.01, 0.1, 6, 2, 2) == [
        0.1, 0.1, 0.05500000000000001, 0.05500000000000001, 0.01, 0.01]
    assert nn.polynomial_decay_lr(0.1, 0.01, 6, 2, 2, 0.5) == [
        0.1, 0.1, 0.07363961030678928, 0.07363961030678928, 0.01, 0.01]
    assert nn.polynomial_decay_lr(0.1, 0.01, 6, 1, 2, 0.5, True) == [
        0.1, 0.07363961030678928, 0.01, 0.05500000000000001, 0.01, 0.04674234614174767]
    assert nn.warmup_lr(0.1, 6, 2, 2) == [0.0, 0.0, 0.05, 0.05, 0.1, 0.1]


def test_docstring_examples_run():
    import doctest
    from easy_mindspore.nn import dynamic_lr, learning_rate_schedule, optim
    for module in (optim, learning_rate_schedule, dynamic_lr):
        failed, attempted = doctest.testmod(module)
        assert failed == 0 and attempted > 0, module.__name__


def test_modules_are_importable_as_mindspore_has_them():
    from mindspore.nn.dynamic_lr import cosine_decay_lr
    from mindspore.nn.learning_rate_schedule import LearningRateSchedule, WarmUpLR
    from mindspore.nn.optim import Adagrad
    assert cosine_decay_lr is nn.cosine_decay_lr and WarmUpLR is nn.WarmUpLR
    assert issubclass(WarmUpLR, LearningRateSchedule) and Adagrad is nn.Adagrad


def _train(make_opt, compiled, steps=6, rates=None):
    """Six training steps of a Dense(3, 2) (jitted when ``compiled``); with ``rates(t)`` (one rate
    per parameter), the optimizer's fixed rate Parameters are set by hand before step ``t``."""
    ems.set_seed(5)
    net = nn.Dense(3, 2)
    opt = make_opt(net.trainable_params())
    loss_fn = nn.MSELoss()
    grad_fn = ems.value_and_grad(lambda x, y: loss_fn(net(x), y), None, opt.parameters)

    def step(x, y):
        loss, grads = grad_fn(x, y)
        opt(grads)
        return loss

    run = ems.jit(step) if compiled else step
    x = Tensor(np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3))
    y = ems.ones((4, 2))
    out = []
    for t in range(steps):
        if rates is not None:
            for p, r in zip(opt.parameters, rates(t)):
                ops.assign(opt.get_lr_parameter(p), Tensor(r, ems.float32))
        out.append((run(x, y).asnumpy(), net.weight.asnumpy().copy(), net.bias.asnumpy().copy()))
    return out, run, opt


# name: (make(ps, a, b), dynamic a, dynamic b, the rates (weight, bias) of step t as floats); a
# list of rates has one per step of the six (past its end, MindSpore raises).
DYNAMIC = {
    "list": (lambda ps, a, b: nn.SGD(ps, a), [0.5, 0.1, 0.3, 0.05, 0.05, 0.05], None,
             lambda t: [[0.5, 0.1, 0.3, 0.05][min(t, 3)]] * 2),
    "tensor": (lambda ps, a, b: nn.Momentum(ps, a, 0.9),
               Tensor(np.array([0.2, 0.1, 0.05, 0.05, 0.05, 0.05], np.float32)), None,
               lambda t: [[0.2, 0.1, 0.05][min(t, 2)]] * 2),
    "cosine": (lambda ps, a, b: nn.Adam(ps, a), nn.CosineDecayLR(0.001, 0.1, 4), None,
               lambda t: [0.001 + 0.0495 * (1 + math.cos(math.pi * min(t, 4) / 4))] * 2),
    "warmup": (lambda ps, a, b: nn.RMSProp(ps, a), nn.WarmUpLR(0.05, 3), None,
               lambda t: [0.05 * min(t, 3) / 3] * 2),
    "adam_weight_decay": (lambda ps, a, b: nn.AdamWeightDecay(ps, a, weight_decay=0.1),
                          [0.05, 0.02, 0.01, 0.01, 0.01, 0.01], None,
                          lambda t: [[0.05, 0.02, 0.01][min(t, 2)]] * 2),
    "adamax": (lambda ps, a, b: nn.AdaMax(ps, a), nn.InverseDecayLR(0.1, 0.5, 1), None,
               lambda t: [0.1 / (1 + 0.5 * t)] * 2),
    "adadelta_groups": (lambda ps, a, b: nn.Adadelta([{"params": ps[:1], "lr": a},
                                                      {"params": ps[1:], "lr": b}]),
                        nn.WarmUpLR(1.0, 2), (0.5, 0.4, 0.4, 0.4, 0.4, 0.4),
                        lambda t: [min(t, 2) / 2, [0.5, 0.4][min(t, 1)]]),
    "adagrad_groups": (lambda ps, a, b: nn.Adagrad([{"params": ps[:1], "lr": a},
                                                    {"params": ps[1:]}], learning_rate=b),
                       nn.ExponentialDecayLR(0.3, 0.5, 1), [0.2, 0.1, 0.1, 0.1, 0.1, 0.1],
                       lambda t: [0.3 * 0.5 ** t, [0.2, 0.1][min(t, 1)]]),
}


@pytest.mark.parametrize("name", list(DYNAMIC))
def test_a_jitted_step_with_a_dynamic_rate_traces_once_and_replays_each_rate(name):
    make, a, b, rates = DYNAMIC[name]
    dynamic = lambda ps: make(ps, a, b)  # noqa: E731
    # The reference: the same optimizer over fixed rates, set by hand before each step.
    by_hand, _, _ = _train(lambda ps: make(ps, 0.0, None if b is None else 0.0), False,
                           rates=rates)
    eager, _, _ = _train(dynamic, False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled, run, opt = _train(dynamic, True)
    for ref, e, c in zip(by_hand, eager, compiled):
        for r, x, y in zip(ref, e, c):
            np.testing.assert_allclose(x, r, rtol=1e-5, atol=1e-7)
            np.testing.assert_allclose(y, x, rtol=1e-6, atol=1e-7)
    assert not np.allclose(compiled[-1][1], compiled[0][1])
    assert run.cache_info().traces == 1 and not caught
    assert opt.global_step.asnumpy().tolist() == [6]


def test_a_fixed_rate_changed_between_jitted_steps_needs_no_new_trace():
    w = Parameter(Tensor(np.ones(2)), name="w")
    opt = nn.SGD([w], 0.5)
    step = ems.jit(lambda g: opt((g,)))
    step(Tensor([1.0, 1.0]))
    opt.learning_rate = 0.25
    step(Tensor([1.0, 1.0]))
    ops.assign(opt.learning_rate, Tensor(1.0, opt.learning_rate.dtype))
    step(Tensor([1.0, 1.0]))
    np.testing.assert_allclose(w.asnumpy(), [1 - 0.5 - 0.25 - 1.0] * 2)
    assert step.cache_info().traces == 1


def test_train_one_step_cell_with_a_schedule_in_graph_mode():
    def losses():
        ems.set_seed(4)
        net = nn.Dense(3, 1)
        opt = nn.SGD(net.trainable_params(), nn.PolynomialDecayLR(0.1, 0.01, 3, 1.0))
        step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
        x, y = Tensor(np.eye(3, dtype=np.float32)), ems.ones((3, 1))
        return [step(x, y).item() for _ in range(5)]

    eager = losses()
    ems.set_context(mode=ems.GRAPH_MODE)
    try:
        compiled = losses()
    finally:
        ems.set_context(mode=ems.PYNATIVE_MODE)
    np.testing.assert_allclose(compiled, eager, rtol=1e-6)


# -- bad input ----------------------------------------------------------------------------
def test_bad_rates_and_hyper_parameters_raise_mindspores_error_classes():
    w = Parameter(Tensor(W0), name="w")
    with pytest.raises(ValueError, match="learning_rate"):
        nn.SGD([w], -0.1)
    with pytest.raises(ValueError, match=r"learning_rate\[1\]"):
        nn.SGD([w], [0.1, -0.2])
    with pytest.raises(TypeError, match="learning_rate"):
        nn.SGD([w], "0.1")
    with pytest.raises(ValueError, match="dimension"):
        nn.SGD([w], Tensor(np.ones((2, 2), np.float32)))
    with pytest.raises(ValueError, match="weight_decay"):
        nn.Adagrad([w], weight_decay=-1.0)
    with pytest.raises(ValueError, match="loss_scale"):
        nn.RMSProp([w], loss_scale=0.0)
    with pytest.raises(TypeError, match="accum"):
        nn.Adagrad([w], accum=1)  # MindSpore wants a float
    with pytest.raises(ValueError, match="rho"):
        nn.Adadelta([w], rho=1.5)
    with pytest.raises(ValueError, match="beta1"):
        nn.AdaMax([w], beta1=1.0)
    with pytest.raises(ValueError, match="epsilon"):
        nn.RMSProp([w], epsilon=0.0)
    with pytest.raises(ValueError, match="nesterov"):
        nn.SGD([w], momentum=0.0, nesterov=True)
    opt = nn.SGD([w], [0.1, 0.2])
    with pytest.raises(RuntimeError, match="fixed learning rate"):
        opt.learning_rate = 0.5
    with pytest.raises(ValueError, match="2 gradients|1 gradients"):
        nn.SGD([w])((Tensor(W0), Tensor(W0)))
    with pytest.raises(ValueError):
        nn.Adagrad([w])((Tensor(np.ones(3, np.float32)),))


def test_bad_schedules_raise_mindspores_error_classes():
    for bad in (0, -1):
        with pytest.raises(ValueError, match="decay_steps"):
            nn.ExponentialDecayLR(0.1, 0.9, bad)
    with pytest.raises(TypeError, match="learning_rate"):
        nn.ExponentialDecayLR(1, 0.9, 2)  # an int where MindSpore wants a float
    with pytest.raises(ValueError, match="max_lr"):
        nn.CosineDecayLR(0.2, 0.1, 2)
    with pytest.raises(ValueError, match="warmup_steps"):
        nn.WarmUpLR(0.1, 0)
    with pytest.raises(ValueError, match="global_step"):
        nn.WarmUpLR(0.1, 2)(Tensor(-1, ems.int32))
    with pytest.raises(TypeError, match="global_step"):
        nn.WarmUpLR(0.1, 2)(Tensor(True))  # a float step is taken, as by MindSpore 2.10
    with pytest.raises(ValueError, match="milestone"):
        nn.piecewise_constant_lr([2, 1], [0.1, 0.2])
    with pytest.raises(ValueError, match="total_step"):
        nn.warmup_lr(0.1, 0, 1, 1)
    with pytest.raises(TypeError, match="milestone"):
        nn.piecewise_constant_lr(3, [0.1])


def test_bad_parameter_groups_raise_mindspores_error_classes():
    w = Parameter(Tensor(W0), name="w")
    v = Parameter(Tensor(W0), name="v")
    with pytest.raises(KeyError, match="params"):
        nn.SGD([{"lr": 0.1}])
    with pytest.raises(GroupKeyError, match="foo"):
        nn.SGD([{"params": [w], "foo": 1}])
    with pytest.raises(RuntimeError, match="w parameter already exists"):
        nn.SGD([{"params": [w]}, {"params": [w, v]}])
    with pytest.raises(TypeError, match="Parameter"):
        nn.SGD([{"params": [Tensor([1.0])]}])
    with pytest.raises(TypeError, match="Parameter"):
        nn.SGD([Tensor([1.0])])
    with pytest.raises(TypeError, match="'Parameter' or 'dict'"):
        nn.SGD([w, {"params": [v]}])
    with pytest.raises(ValueError, match="empty"):
        nn.SGD([])
    with pytest.raises(ValueError, match="order_params"):
        nn.SGD([{"params": [w]}, {"params": [v]}, {"order_params": [w]}])
    with pytest.raises(TypeError, match="gradients_centralization"):
        nn.SGD([{"params": [w], "grad_centralization": 1}])
    nn.SGD([{"params": [w], "grad_centralization": True}])
    nn.SGD([{"params": [w], "grad_centralization": False}])
    assert isinstance(GroupKeyError("x"), ems.Error)
