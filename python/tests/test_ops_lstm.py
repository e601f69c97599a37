"""``ops.LSTM``, the packed-weight primitive: values against what MindSpore 2.10.0's CPU kernel
printed for the same inputs, against ``nn.LSTM`` with its weights packed in the kernel's layout
(several layers, both directions, projections), gradients against central differences in
Float64, and MindSpore's error classes."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, nn, ops


def _inputs(seed, t, b, i, states, hidden, dtype=np.float32):
    rng = np.random.RandomState(seed)
    x = rng.randn(t, b, i).astype(dtype)
    h = rng.randn(states, b, hidden).astype(dtype)
    c = rng.randn(states, b, hidden).astype(dtype)
    return x, h, c


def test_the_docstring_example_and_its_repr():
    x = Tensor(np.ones([5, 2, 10]), ms.float32)
    h0 = c0 = Tensor(np.ones([1, 2, 2]), ms.float32)
    w = Tensor(np.ones([112, 1, 1]), ms.float32)
    net = ops.LSTM(10, 2, 1, True, False, 0.0)
    out, hn, cn, reserve, state = net(x, h0, c0, w)
    assert out.shape == (5, 2, 2) and hn.shape == cn.shape == (1, 2, 2)
    # MindSpore 2.10.0 on CPU (its docstring prints the first step's output, 0.9640267).
    np.testing.assert_allclose(hn.asnumpy(), 0.9999854, rtol=1e-6)
    np.testing.assert_allclose(cn.asnumpy(), 5.9999537, rtol=1e-6)
    np.testing.assert_allclose(out.asnumpy()[:, 0, 0], [0.9640251, 0.99505216, 0.999327, 0.99990696, 0.9999854],
                               rtol=3e-6)
    assert reserve.shape == state.shape == (1, 1)
    assert repr(net) == ("Prim[LSTM]<input_size=10, hidden_size=2, num_layers=1, has_bias=True, "
                         "bidirectional=False, dropout=0.0, proj_size=0>")


def test_values_are_mindspores():
    # MindSpore 2.10.0's CPU kernel on these inputs (w: 48 weights, and 56 with a second bias
    # block that it does not read).
    x, h, c = _inputs(0, 4, 2, 3, 1, 2)
    rng = np.random.RandomState(0)
    rng.randn(4 * 2 * 3 + 2 * 2 + 2 * 2)  # the draws _inputs made
    w48 = (rng.randn(48, 1, 1) * 0.5).astype(np.float32)
    w56 = (rng.randn(56, 1, 1) * 0.5).astype(np.float32)
    net = ops.LSTM(3, 2, 1, True, False, 0.0)
    _, hn, cn, _, _ = net(Tensor(x), Tensor(h), Tensor(c), Tensor(w48))
    np.testing.assert_allclose(hn.asnumpy(), [[[0.1714498, 0.01613301], [-0.16517572, -0.09233851]]], atol=1e-6)
    np.testing.assert_allclose(cn.asnumpy(), [[[0.31270281, 0.05038384], [-0.3450922, -0.26909673]]], atol=1e-6)
    _, hn, cn, _, _ = net(Tensor(x), Tensor(h), Tensor(c), Tensor(w56))
    np.testing.assert_allclose(hn.asnumpy(), [[[0.03851305, 0.39391294], [0.16966389, 0.11733515]]], atol=1e-6)
    np.testing.assert_allclose(cn.asnumpy(), [[[0.64063749, 0.76605503], [0.5217292, 0.27287193]]], atol=1e-6)


def _packed(lstm, layers, dirs, proj):
    """The weights of `lstm` (an nn.LSTM) in ops.LSTM's layout."""
    p = {q.name.split(".")[-1]: q.asnumpy() for q in lstm.get_parameters()}
    keys = [f"l{k}{'_reverse' if d else ''}" for k in range(layers) for d in range(dirs)]
    parts = [p[f"weight_ih_{k}"].ravel() for k in keys] + [p[f"weight_hh_{k}"].ravel() for k in keys]
    if proj:
        parts += [p[f"weight_hr_{k}"].ravel() for k in keys]
    parts += [(p[f"bias_ih_{k}"] + p[f"bias_hh_{k}"]).ravel() for k in keys]
    return np.concatenate(parts)


@pytest.mark.parametrize("layers,bidirectional", [(1, False), (2, False), (1, True), (3, True)])
def test_matches_nn_lstm_with_its_weights_packed(layers, bidirectional):
    ms.set_seed(5)
    i, hidden, t, b = 3, 4, 5, 2
    dirs = 2 if bidirectional else 1
    lstm = nn.LSTM(i, hidden, num_layers=layers, bidirectional=bidirectional)
    x, h, c = _inputs(layers, t, b, i, layers * dirs, hidden)
    want, (hn, cn) = lstm(Tensor(x), (Tensor(h), Tensor(c)))
    w = Tensor(_packed(lstm, layers, dirs, 0))
    got, ghn, gcn, _, _ = ops.LSTM(i, hidden, layers, True, bidirectional, 0.0)(Tensor(x), Tensor(h), Tensor(c), w)
    np.testing.assert_allclose(got.asnumpy(), want.asnumpy(), atol=1e-5)
    np.testing.assert_allclose(ghn.asnumpy(), hn.asnumpy(), atol=1e-5)
    np.testing.assert_allclose(gcn.asnumpy(), cn.asnumpy(), atol=1e-5)


def test_without_bias_and_empty_sequences():
    x, h, c = _inputs(2, 3, 2, 3, 1, 2)
    w = Tensor(np.random.RandomState(2).randn(4 * 2 * 5).astype(np.float32))
    out, hn, cn, _, _ = ops.LSTM(3, 2, 1, False, False, 0.0)(Tensor(x), Tensor(h), Tensor(c), w)
    w_ih, w_hh = w.asnumpy()[:24].reshape(8, 3), w.asnumpy()[24:].reshape(8, 2)
    hh, cc = h[0].astype(np.float64), c[0].astype(np.float64)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    for step in range(3):
        g = x[step] @ w_ih.T + hh @ w_hh.T
        gi, gf, gg, go = np.split(g, 4, axis=-1)
        cc = sig(gf) * cc + sig(gi) * np.tanh(gg)
        hh = sig(go) * np.tanh(cc)
    np.testing.assert_allclose(hn.asnumpy()[0], hh, atol=1e-6)
    out, hn, cn, _, _ = ops.LSTM(3, 2, 1, False, False, 0.0)(Tensor(x[:0]), Tensor(h), Tensor(c), w)
    assert out.shape == (0, 2, 2) and np.array_equal(hn.asnumpy(), h)


def test_gradients_match_central_differences():
    x, h, c = _inputs(3, 3, 2, 2, 2, 2, np.float64)
    n = (4 * 2 * 2 + 4 * 2 * 2 + 4 * 2) * 2
    w0 = np.random.RandomState(3).randn(n) * 0.5
    net = ops.LSTM(2, 2, 1, True, True, 0.0)

    def loss(xx, ww):
        out, hn, cn, _, _ = net(xx, Tensor(h), Tensor(c), ww)
        return (out * out).sum() + (cn * 1.5).sum()

    gx, gw = ms.grad(loss, grad_position=(0, 1))(Tensor(x), Tensor(w0))
    eps = 1e-6
    for arr, g, which in ((x, gx, 0), (w0, gw, 1)):
        flat = arr.reshape(-1)
        for j in range(0, flat.size, 3):
            d = np.zeros_like(flat)
            d[j] = eps
            args = [Tensor(x), Tensor(w0)]
            up = list(args)
            dn = list(args)
            up[which] = Tensor((flat + d).reshape(arr.shape))
            dn[which] = Tensor((flat - d).reshape(arr.shape))
            fd = (float(loss(*up).asnumpy()) - float(loss(*dn).asnumpy())) / (2 * eps)
            assert abs(g.asnumpy().reshape(-1)[j] - fd) < 1e-6


def test_projection():
    # One layer with proj_size 2: W_ih [16, 3], W_hh [16, 2], W_hr [2, 4], bias [16].
    x, h, c = _inputs(4, 3, 2, 3, 1, 4, np.float64)
    h = h[..., :2]
    rng = np.random.RandomState(4)
    w_ih, w_hh, w_hr, bias = (rng.randn(*s) * 0.5 for s in ((16, 3), (16, 2), (2, 4), (16,)))
    w = np.concatenate([w_ih.ravel(), w_hh.ravel(), w_hr.ravel(), bias])
    out, hn, cn, _, _ = ops.LSTM(3, 4, 1, True, False, 0.0, 2)(Tensor(x), Tensor(h), Tensor(c), Tensor(w))
    hh, cc = h[0], c[0]
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    for step in range(3):
        gi, gf, gg, go = np.split(x[step] @ w_ih.T + hh @ w_hh.T + bias, 4, axis=-1)
        cc = sig(gf) * cc + sig(gi) * np.tanh(gg)
        hh = (sig(go) * np.tanh(cc)) @ w_hr.T
    assert out.shape == (3, 2, 2) and cn.shape == (1, 2, 4)
    np.testing.assert_allclose(hn.asnumpy()[0], hh, atol=1e-12)
    np.testing.assert_allclose(cn.asnumpy()[0], cc, atol=1e-12)


def test_bad_arguments():
    with pytest.raises(TypeError):
        ops.LSTM(3.0, 2, 1, True, False, 0.0)
    with pytest.raises(ValueError):
        ops.LSTM(3, 0, 1, True, False, 0.0)
    with pytest.raises(ValueError):
        ops.LSTM(3, 2, 101, True, False, 0.0)
    with pytest.raises(TypeError):
        ops.LSTM(3, 2, 1, 1, False, 0.0)
    with pytest.raises(ValueError):
        ops.LSTM(3, 2, 1, True, False, 1.5)
    with pytest.raises(ValueError):
        ops.LSTM(3, 2, 1, True, False, 0.0, proj_size=2)
    net = ops.LSTM(3, 2, 1, True, False, 0.0)
    x, h, c = (Tensor(v) for v in _inputs(0, 4, 2, 3, 1, 2))
    with pytest.raises(ValueError, match=r"'w' must hold at least 48 weights"):
        net(x, h, c, Tensor(np.ones(47, np.float32)))
    with pytest.raises(ValueError, match=r"'h' must have shape \[1, 2, 2\]"):
        net(x, Tensor(np.ones((2, 2, 2), np.float32)), c, Tensor(np.ones(48, np.float32)))
    with pytest.raises(ValueError, match=r"'x' must be"):
        net(Tensor(np.ones((4, 2, 5), np.float32)), h, c, Tensor(np.ones(48, np.float32)))
    with pytest.raises(TypeError, match="dtype"):
        net(x, h, c, Tensor(np.ones(48, np.float64)))
    with pytest.raises(TypeError):
        net(x, h, c, np.ones(48, np.float32))
