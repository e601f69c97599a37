"""The optimizer primitives of ``ops.operations`` (``_operations_optim``): each update called as
MindSpore model code calls it, against the values MindSpore 2.10's CPU kernels wrote into the
Parameters for the same call (and returned, where its kernels return the documented values), the
return structures, and bad arguments."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor
from easy_mindspore import ops as P


def par(values, name):
    return Parameter(Tensor(np.array(values, np.float32)), name=name)


G = [0.5, -1.0, 2.0]


def grad():
    return Tensor(np.array(G, np.float32))


# (label, make (op, inputs), the Parameters' values after the step in input order, how many
#  Tensors the call returns: 1 a Tensor, n a tuple of n — the updated values of the first n
#  Parameters)
CASES = [
    ("ApplyAdagrad", lambda: (P.ApplyAdagrad(), [par([1, 2, 3], "v"), par([.1, .2, .3], "a"), 0.1, grad()]),
     [[0.91548455, 2.0912871, 2.9035513], [0.35, 1.2, 4.3]], 2),
    ("ApplyAdagradV2", lambda: (P.ApplyAdagradV2(epsilon=1e-6), [par([1, 2, 3], "v"), par([.1, .2, .3], "a"), 0.1, grad()]),
     [[0.9154847, 2.091287, 2.9035516], [0.35, 1.2, 4.3]], 2),
    ("ApplyRMSProp", lambda: (P.ApplyRMSProp(), [par([1, 2, 3], "v"), par([.1, .2, .3], "s"), par([.01, .02, .03], "m"),
                                                 Tensor(0.1, ms.float32), grad(), 0.9, 0.5, 1e-6]),
     [[0.8475587, 2.1789818, 2.7406614], [0.115, 0.28000003, 0.6700001], [0.15244132, -0.17898189, 0.2593387]], 1),
    ("ApplyCenteredRMSProp", lambda: (P.ApplyCenteredRMSProp(), [par([1, 2, 3], "v"), par([.05, 0, .1], "g"), par([.1, .2, .3], "s"),
                                                                 par([.01, .02, .03], "m"), grad(), Tensor(0.1, ms.float32), 0.9, 0.5, 1e-6]),
     [[0.84140885, 2.1824498, 2.723713], [0.09500001, -0.10000002, 0.29000005], [0.11500001, 0.28000003, 0.6700001],
      [0.15859117, -0.18244971, 0.27628702]], 1),
    ("ApplyAdaMax", lambda: (P.ApplyAdaMax(), [par([1, 2, 3], "v"), par([.1, .2, .3], "m"), par([.5, .5, .5], "u"),
                                               0.9, 0.1, 0.9, 0.99, 1e-8, grad()]),
     [[0.72, 1.9200001, 2.765], [0.14000002, 0.07999997, 0.47000006], [0.5, 1.0, 2.0]], 3),
    ("ApplyAdadelta", lambda: (P.ApplyAdadelta(), [par([1, 2, 3], "v"), par([.1, .2, .3], "a"), par([.5, .5, .5], "u"),
                                                   0.1, 0.9, 1e-6, grad()]),
     [[0.89574313, 2.1336305, 2.8272262], [0.115, 0.28000003, 0.6700001], [0.55869496, 0.62857115, 0.7485077]], 3),
    ("ApplyAddSign", lambda: (P.ApplyAddSign(), [par([1, 2, 3], "v"), par([.1, -.2, .3], "m"), 0.1, 1.0, 0.5, 0.9, grad()]),
     [[0.925, 2.15, 2.7], [0.14000002, -0.28000003, 0.47000006]], 2),
    ("ApplyPowerSign", lambda: (P.ApplyPowerSign(), [par([1, 2, 3], "v"), par([.1, -.2, .3], "m"), 0.1, float(np.e), 0.5, 0.9, grad()]),
     [[0.80535764, 2.3892846, 2.2214305], [0.14000002, -0.28000003, 0.47000006]], 2),
    ("ApplyProximalGradientDescent", lambda: (P.ApplyProximalGradientDescent(), [par([1, -2, .01], "v"), 0.1, 0.05, 0.2, grad()]),
     [[0.9264706, -1.8578432, -0.18137255]], 1),
    ("ApplyProximalAdagrad", lambda: (P.ApplyProximalAdagrad(), [par([1, -2, .01], "v"), par([.1, .2, .3], "a"), 0.1, 0.05, 0.2, grad()]),
     [[0.8773724, -1.870007, -0.08323456], [0.35, 1.2, 4.3]], 2),
    ("Adam", lambda: (P.Adam(), [par([1, 2, 3], "v"), par([.1, .2, .3], "m"), par([.5, .5, .5], "u"),
                                 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, grad()]),
     [[0.99937373, 1.9996424, 2.9979055], [0.14000002, 0.07999997, 0.47000006], [0.49975002, 0.50049996, 0.5035]], 3),
    ("Adam nesterov", lambda: (P.Adam(use_nesterov=True), [par([1, 2, 3], "v"), par([.1, .2, .3], "m"), par([.5, .5, .5], "u"),
                                                           0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, grad()]),
     [[0.99921274, 2.0001252, 2.9972236], [0.14000002, 0.07999997, 0.47000006], [0.49975002, 0.50049996, 0.5035]], 3),
    ("AdamWeightDecay", lambda: (P.AdamWeightDecay(), [par([1, 2, 3], "v"), par([.1, .2, .3], "m"), par([.5, .5, .5], "u"),
                                                       0.01, 0.9, 0.999, 1e-8, 0.1, grad()]),
     [[0.9970196, 1.9968692, 2.9903762], [0.14000002, 0.07999997, 0.47000006], [0.49975002, 0.50049996, 0.5035]], 3),
    ("SGD", lambda: (P.SGD(dampening=0.1, weight_decay=0.01), [par([1, 2, 3], "v"), grad(), Tensor(0.1, ms.float32),
                                                               par([.1, .2, .3], "a"), Tensor(0.9, ms.float32),
                                                               Tensor([1.0, 0.0, 1.0], ms.float32)]),
     [[0.949, 2.0702, 2.797], [0.51, -0.70199996, 2.03]], 1),
    ("SGD nesterov", lambda: (P.SGD(weight_decay=0.01, nesterov=True), [par([1, 2, 3], "v"), grad(), Tensor(0.1, ms.float32),
                                                                        par([.1, .2, .3], "a"), Tensor(0.9, ms.float32),
                                                                        Tensor([0.0, 0.0, 0.0], ms.float32)]),
     [[0.895, 2.17, 2.59], [0.59999996, -0.8, 2.3]], 1),
]


@pytest.mark.parametrize("label,make,after,returned", CASES, ids=[c[0] for c in CASES])
def test_the_update_equals_mindspores(label, make, after, returned):
    op, inputs = make()
    out = op(*inputs)
    params = [a for a in inputs if isinstance(a, Parameter)]
    for p, want in zip(params, after):
        np.testing.assert_allclose(p.asnumpy(), np.array(want, np.float32), rtol=2e-6, atol=1e-7,
                                   err_msg=f"{label}: {p.name}")
    outs = out if isinstance(out, tuple) else (out,)
    assert isinstance(out, tuple) == (returned > 1), label
    assert len(outs) == returned, label
    for o, p in zip(outs, params):
        assert type(o) is Tensor and o.dtype == ms.float32, label
        np.testing.assert_array_equal(o.asnumpy(), p.asnumpy(), err_msg=label)


def test_adagrad_without_slot_updates_keeps_the_accumulator():
    # MindSpore 2.10's CPU kernel updates accum anyway; the documented meaning keeps it.
    var, acc = par([1, 2, 3], "v"), par([.1, .2, .3], "a")
    new_var, new_acc = P.ApplyAdagrad(update_slots=False)(var, acc, 0.1, grad())
    np.testing.assert_allclose(acc.asnumpy(), [0.1, 0.2, 0.3], rtol=1e-7)
    want = np.array([1, 2, 3], np.float32) - 0.1 * np.array(G, np.float32) / np.sqrt(
        np.array([.1, .2, .3], np.float32))
    np.testing.assert_allclose(new_var.asnumpy(), want, rtol=1e-6)
    np.testing.assert_array_equal(new_acc.asnumpy(), acc.asnumpy())


def test_keras_momentum_follows_its_documented_update():
    # No CPU kernel in MindSpore 2.10: the documented formulas, plain and Nesterov.
    for nesterov in (False, True):
        var, acc = par([1, 2, 3], "v"), par([.1, .2, .3], "a")
        P.ApplyKerasMomentum(use_nesterov=nesterov)(var, acc, 0.1, grad(), 0.9)
        g, a0 = np.array(G), np.array([.1, .2, .3])
        a1 = a0 * 0.9 - g * 0.1
        step = a1 * 0.9 - g * 0.1 if nesterov else a1
        np.testing.assert_allclose(acc.asnumpy(), a1, rtol=1e-6)
        np.testing.assert_allclose(var.asnumpy(), np.array([1, 2, 3]) + step, rtol=1e-6)


def test_sgd_zeroes_a_parameter_stat_after_the_first_step():
    var, acc = par([1, 2, 3], "v"), par([0, 0, 0], "a")
    stat = par([1, 1, 1], "stat")
    sgd = P.SGD()
    sgd(var, grad(), Tensor(0.1, ms.float32), acc, Tensor(0.9, ms.float32), stat)
    np.testing.assert_array_equal(stat.asnumpy(), [0, 0, 0])
    np.testing.assert_allclose(acc.asnumpy(), G)
    sgd(var, grad(), Tensor(0.1, ms.float32), acc, Tensor(0.9, ms.float32), stat)
    np.testing.assert_allclose(acc.asnumpy(), 1.9 * np.array(G), rtol=1e-6)
    np.testing.assert_allclose(var.asnumpy(), np.array([1, 2, 3]) - 0.1 * 2.9 * np.array(G), rtol=1e-6)


def test_float16_parameters_stay_float16():
    var = Parameter(Tensor(np.array([1, 2, 3], np.float16)), name="v")
    acc = Parameter(Tensor(np.array([.1, .2, .3], np.float16)), name="a")
    new_var, _ = P.ApplyAdagrad()(var, acc, 0.1, Tensor(np.array(G, np.float16)))
    assert var.dtype == new_var.dtype == ms.float16
    np.testing.assert_allclose(var.asnumpy(), [0.9155, 2.0913, 2.9036], rtol=1e-3)


def test_bad_arguments_raise_mindspores_classes():
    var, acc = par([1, 2, 3], "v"), par([.1, .2, .3], "a")
    with pytest.raises(ValueError, match="'dampening' must be 0 when 'nesterov' is True"):
        P.SGD(dampening=0.1, nesterov=True)
    with pytest.raises(ValueError, match=r"ApplyAdagrad.*'grad'.*\(3,\).*\(2,\)"):
        P.ApplyAdagrad()(var, acc, 0.1, Tensor([1.0, 2.0]))
    with pytest.raises(TypeError, match="ApplyAdagrad.*'var' must be a float tensor"):
        P.ApplyAdagrad()(Parameter(Tensor([1, 2, 3]), name="i"), acc, 0.1, grad())
    with pytest.raises(TypeError, match="ApplyAdaMax.*'lr' must be a number or a Tensor"):
        P.ApplyAdaMax()(var, acc, par([1, 1, 1], "u"), 0.9, "0.1", 0.9, 0.99, 1e-8, grad())
    with pytest.raises(ValueError, match="Adam.*'lr' must be a scalar"):
        P.Adam()(var, acc, par([1, 1, 1], "u"), 0.9, 0.999, Tensor([0.1, 0.2]), 0.9, 0.999, 1e-8, grad())
    with pytest.raises(TypeError, match="ApplyAdagradV2.*'epsilon' must be a float"):
        P.ApplyAdagradV2(epsilon=math.inf)
    with pytest.raises(TypeError, match="ApplyAdagradV2.*'epsilon' is required"):
        P.ApplyAdagradV2()
    # Nothing was written by the failed calls.
    np.testing.assert_array_equal(var.asnumpy(), [1, 2, 3])


def test_the_classes_are_in_both_namespaces():
    from easy_mindspore.ops import operations
    for name in ("ApplyAdagrad", "ApplyRMSProp", "Adam", "AdamWeightDecay", "SGD",
                 "ApplyProximalAdagrad", "ApplyKerasMomentum"):
        assert getattr(P, name) is getattr(operations, name)


def test_ftrl_matches_mindspore_except_its_sign_bug():
    var, acc, lin = par([1, -2, .01], "v"), par([.1, .2, .3], "a"), par([.01, .02, -.03], "l")
    out = P.ApplyFtrl()(var, acc, lin, grad(), 0.1, 0.05, 0.2, -0.5)
    assert type(out) is Tensor
    np.testing.assert_allclose(acc.asnumpy(), [0.35, 1.2, 4.3], rtol=1e-7)
    np.testing.assert_allclose(lin.asnumpy(), [-2.2438023, 11.984632, 1.8174078], rtol=2e-7)
    # MindSpore 2.10 wrote [0.36316866, -1.0510972, -0.083619]: its kernel uses +l1 for
    # sign(linear)·l1 whenever linear is non-zero, wrong for the negative first entry.
    np.testing.assert_allclose(var.asnumpy()[1:], [-1.0510972, -0.083619], rtol=2e-7)
    quadratic = np.sqrt(0.35) / 0.1 + 2 * 0.2
    np.testing.assert_allclose(var.asnumpy()[0], (-0.05 + 2.2438023) / quadratic, rtol=1e-6)
    np.testing.assert_array_equal(out.asnumpy(), var.asnumpy())
    # |linear| ≤ l1 gives 0.
    var, acc, lin = par([0.], "v"), par([1.], "a"), par([0.], "l")
    P.ApplyFtrl()(var, acc, lin, Tensor(np.array([0.], np.float32)), 0.1, 0.5, 0.0, -0.5)
    assert var.asnumpy()[0] == 0.0
