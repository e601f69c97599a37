"""mindspore.mint.optim: three steps of Adam, AdamW and SGD against the algorithms MindSpore 2.10
documents, written here in NumPy (its CPU build has no AdamW kernel and left parameters unchanged
for Adam and SGD when measured, so the documented algorithms are the reference); argument checks
and reprs as measured there."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import mint

W0 = np.array([1.0, -2.0, 3.0], np.float32)
G = np.array([0.5, -1.0, 2.0], np.float32)


def run(make, steps=3):
    w = ms.Parameter(ms.Tensor(W0.copy()), name="w")
    opt = make([w])
    for s in range(steps):
        assert opt((ms.Tensor(G * (s + 1)),)) is True
    return w.asnumpy()


def adam_ref(lr, b1=0.9, b2=0.999, eps=1e-8, wd=0.0, amsgrad=False, maximize=False, decoupled=False):
    p = W0.astype(np.float64)
    m = v = vmax = np.zeros(3)
    for s in range(3):
        g = G.astype(np.float64) * (s + 1)
        g = -g if maximize else g
        if decoupled:
            p = p * (1 - lr * wd)
        elif wd:
            g = g + wd * p
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        vmax = np.maximum(vmax, v)
        t = s + 1
        denom = np.sqrt(vmax if amsgrad else v) / np.sqrt(1 - b2 ** t) + eps
        p = p - lr / (1 - b1 ** t) * m / denom
    return p


def sgd_ref(lr, momentum=0.0, dampening=0.0, wd=0.0, nesterov=False, maximize=False):
    p = W0.astype(np.float64)
    buf = None
    for s in range(3):
        g = G.astype(np.float64) * (s + 1)
        g = -g if maximize else g
        g = g + wd * p
        if momentum:
            buf = g if buf is None else momentum * buf + (1 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        p = p - lr * g
    return p


@pytest.mark.parametrize("kw", [{}, {"weight_decay": 0.1}, {"amsgrad": True}, {"maximize": True},
                                {"betas": (0.8, 0.99), "eps": 1e-3}])
def test_adam_and_adamw(kw):
    ref = dict(wd=kw.get("weight_decay", 0.0), amsgrad=kw.get("amsgrad", False),
               maximize=kw.get("maximize", False), b1=kw.get("betas", (0.9, 0.999))[0],
               b2=kw.get("betas", (0.9, 0.999))[1], eps=kw.get("eps", 1e-8))
    np.testing.assert_allclose(run(lambda p: mint.optim.Adam(p, lr=0.1, **kw)), adam_ref(0.1, **ref), rtol=2e-7)
    ref_w = dict(ref, wd=kw.get("weight_decay", 0.01))
    np.testing.assert_allclose(run(lambda p: mint.optim.AdamW(p, lr=0.1, **kw)),
                               adam_ref(0.1, decoupled=True, **ref_w), rtol=2e-7)
    np.testing.assert_allclose(run(lambda p: mint.optim.FusedAdamW(p, lr=0.1, **kw)),
                               adam_ref(0.1, decoupled=True, **ref_w), rtol=2e-7)


@pytest.mark.parametrize("kw", [{}, {"momentum": 0.9}, {"momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01},
                                {"momentum": 0.9, "nesterov": True}, {"maximize": True}])
def test_sgd(kw):
    ref = dict(momentum=kw.get("momentum", 0.0), dampening=kw.get("dampening", 0.0),
               wd=kw.get("weight_decay", 0.0), nesterov=kw.get("nesterov", False),
               maximize=kw.get("maximize", False))
    np.testing.assert_allclose(run(lambda p: mint.optim.SGD(p, lr=0.1, **kw)), sgd_ref(0.1, **ref), rtol=1e-5)


def test_groups_checks_and_repr_as_measured():
    w = ms.Parameter(ms.Tensor(W0.copy()), name="w")
    v = ms.Parameter(ms.Tensor(W0.copy()), name="v")
    opt = mint.optim.SGD([{"params": [w], "lr": 0.5}, {"params": [v]}], lr=0.1)
    opt((ms.Tensor(G), ms.Tensor(G)))
    np.testing.assert_allclose(w.asnumpy(), W0 - 0.5 * G)
    np.testing.assert_allclose(v.asnumpy(), W0 - 0.1 * G)
    assert repr(mint.optim.Adam([w])) == ("Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n"
                                          "    eps: 1e-08\n    lr: 0.001\n    maximize: False\n"
                                          "    weight_decay: 0.0\n)")  # measured
    assert sorted(mint.optim.SGD([w], lr=0.1).param_groups[0]) == sorted(
        ["params", "lr", "momentum", "weight_decay", "dampening", "nesterov", "maximize", "lr_float"])  # measured
    with pytest.raises(TypeError):  # measured: SGD() missing 1 required positional argument: 'lr'
        mint.optim.SGD([w])  # pylint: disable=no-value-for-parameter
    with pytest.raises(TypeError, match="'lr' should be 'float'"):  # measured
        mint.optim.AdamW([w], lr=1)
    with pytest.raises(ValueError, match="Invalid beta parameter at index 0: 1.5"):  # measured
        mint.optim.AdamW([w], betas=(1.5, 0.9))
    with pytest.raises(ValueError, match="Invalid learning rate"):  # measured
        mint.optim.SGD([w], lr=-0.1)
    with pytest.raises(ValueError, match="nesterov"):  # measured
        mint.optim.SGD([w], lr=0.1, nesterov=True)
    with pytest.raises(ValueError):
        opt((ms.Tensor(G),))


@pytest.mark.parametrize("name", ["SGD", "AdamW"])
def test_a_jitted_step_traces_once_and_matches_eager(name):
    def train(use_jit):
        ms.set_seed(1)
        rng = np.random.default_rng(0)
        xs = ms.Tensor(rng.standard_normal((64, 4)).astype(np.float32))
        ys = ms.Tensor((rng.standard_normal(64) > 0).astype(np.int64))
        lin, bn = mint.nn.Linear(4, 2), mint.nn.BatchNorm1d(2)
        bn.set_train()
        loss_fn = mint.nn.CrossEntropyLoss()
        params = lin.trainable_params() + bn.trainable_params()
        opt = mint.optim.SGD(params, lr=0.1, momentum=0.9) if name == "SGD" else mint.optim.AdamW(params, lr=0.05)
        grad_fn = ms.value_and_grad(lambda a, b: loss_fn(bn(lin(a)), b), None, opt.parameters)

        def step(a, b):
            loss, grads = grad_fn(a, b)
            opt(grads)
            return loss
        run = ms.jit(step) if use_jit else step
        losses = [float(run(xs, ys)) for _ in range(5)]
        return losses, (run.cache_info().traces if use_jit else 0), bn.running_mean.asnumpy()

    eager, _, mean_eager = train(False)
    jitted, traces, mean_jit = train(True)
    assert traces == 1  # the step count and the momentum start are tensors, not Python reads
    np.testing.assert_allclose(jitted, eager, rtol=1e-5)
    np.testing.assert_allclose(mean_jit, mean_eager, rtol=1e-5)
    assert eager[-1] < eager[0]
