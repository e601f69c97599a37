"""nn.RNN / nn.GRU / nn.LSTM and nn.RNNCell / nn.GRUCell / nn.LSTMCell.

Values and gradients are compared with a NumPy float64 reference written here: it runs each
sequence on its own, over its valid steps only (reversed for the backward direction), which is
a different algorithm from the engine's masked batch loop. Gradients of the reference are
central finite differences. A few numbers were obtained from real MindSpore 2.10 (CPU) with
the same weights and are hard-coded below.
"""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn

F64 = ms.float64


def _np_type(dtype):
    return np.float64 if dtype == F64 else np.float32


# ---- NumPy reference ------------------------------------------------------------------------
def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def ref_step(mode, x, h, c, w_ih, w_hh, b_ih, b_hh):
    """One step on row vectors: h' (and c' for LSTM)."""
    gi = x @ w_ih.T + (0.0 if b_ih is None else b_ih)
    gh = h @ w_hh.T + (0.0 if b_hh is None else b_hh)
    n_h = h.shape[-1]
    if mode == "tanh":
        return np.tanh(gi + gh), None
    if mode == "relu":
        return np.maximum(gi + gh, 0.0), None
    if mode == "gru":
        # gates (r, z, n); the reset gate multiplies W_hn h + b_hn
        r = _sig(gi[..., :n_h] + gh[..., :n_h])
        z = _sig(gi[..., n_h:2 * n_h] + gh[..., n_h:2 * n_h])
        n = np.tanh(gi[..., 2 * n_h:] + r * gh[..., 2 * n_h:])
        return (1 - z) * n + z * h, None
    # LSTM gates (i, f, g, o): c' = σ(f)c + σ(i)tanh(g), h' = σ(o)tanh(c')
    g = gi + gh
    i, f = _sig(g[..., :n_h]), _sig(g[..., n_h:2 * n_h])
    cand, o = np.tanh(g[..., 2 * n_h:3 * n_h]), _sig(g[..., 3 * n_h:])
    c2 = f * c + i * cand
    return o * np.tanh(c2), c2


def ref_layers(mode, params, x, h0, c0, num_layers, bidirectional, batch_first, lengths):
    """(output, h_n, c_n) of the stacked layers, each sequence run over its own length."""
    if batch_first:
        x = x.swapaxes(0, 1)
    t_len, batch, _ = x.shape
    dirs = 2 if bidirectional else 1
    hidden = params["weight_hh_l0"].shape[1]
    lengths = [t_len] * batch if lengths is None else [min(int(n), t_len) for n in lengths]
    lstm = mode == "lstm"
    hs, cs, layer_in = [], [], x
    for layer in range(num_layers):
        outs = []
        for d in range(dirs):
            sfx = f"_l{layer}" + ("_reverse" if d else "")
            w = [params.get(k + sfx) for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            k = layer * dirs + d
            out = np.zeros((t_len, batch, hidden))
            h_fin, c_fin = np.zeros((batch, hidden)), np.zeros((batch, hidden))
            for b in range(batch):
                h, c = h0[k, b], (c0[k, b] if lstm else None)
                steps = range(lengths[b] - 1, -1, -1) if d else range(lengths[b])
                for t in steps:
                    h, c = ref_step(mode, layer_in[t, b], h, c, *w)
                    out[t, b] = h
                h_fin[b] = h
                if lstm:
                    c_fin[b] = c
            outs.append(out)
            hs.append(h_fin)
            cs.append(c_fin)
        layer_in = np.concatenate(outs, axis=2)
    out = layer_in.swapaxes(0, 1) if batch_first else layer_in
    return out, np.stack(hs), (np.stack(cs) if lstm else None)


# ---- helpers --------------------------------------------------------------------------------
def make(mode, input_size, hidden, dtype=F64, **kw):
    if mode in ("tanh", "relu"):
        return nn.RNN(input_size, hidden, dtype=dtype, nonlinearity=mode, **kw)
    return {"gru": nn.GRU, "lstm": nn.LSTM}[mode](input_size, hidden, dtype=dtype, **kw)


def fill(net, seed):
    """Deterministic weights in U(-0.6, 0.6); returns {short name: float64 array}."""
    rng = np.random.default_rng(seed)
    out = {}
    for p in net.get_parameters():
        v = rng.uniform(-0.6, 0.6, p.shape)
        p.set_data(Tensor(v.astype(_np_type(p.dtype))))
        out[p.name.split(".")[-1]] = v
    return out


CONFIGS = [
    # mode, T, B, in, H, layers, bidirectional, batch_first, has_bias, hx, seq_length
    ("tanh", 4, 2, 3, 3, 1, False, False, True, False, None),
    ("relu", 3, 1, 1, 2, 2, True, True, False, True, None),
    ("tanh", 1, 1, 1, 1, 1, False, False, True, True, None),
    ("gru", 5, 3, 2, 3, 2, False, False, True, True, [5, 2, 1]),
    ("gru", 3, 2, 2, 2, 1, True, True, True, False, [0, 3]),
    ("lstm", 4, 2, 3, 2, 2, True, False, True, True, [3, 4]),
    ("lstm", 1, 1, 1, 1, 1, False, True, False, False, None),
    ("lstm", 3, 3, 2, 3, 1, False, False, True, False, None),
]


def _case(cfg, dtype=F64, seed=0):
    mode, t, b, i, h, layers, bi, bf, bias, with_hx, seq = cfg
    net = make(mode, i, h, dtype, num_layers=layers, has_bias=bias, batch_first=bf,
               bidirectional=bi)
    params = fill(net, seed)
    rng = np.random.default_rng(seed + 1)
    x = rng.normal(size=(b, t, i) if bf else (t, b, i))
    k = layers * (2 if bi else 1)
    h0 = rng.normal(size=(k, b, h)) * 0.5 if with_hx else np.zeros((k, b, h))
    c0 = rng.normal(size=(k, b, h)) * 0.5 if with_hx else np.zeros((k, b, h))
    return net, params, x, h0, c0, seq


def _call(net, mode, x, h0, c0, seq, with_hx, dtype):
    np_t = _np_type(dtype)
    hx = None
    if with_hx:
        hx = (Tensor(h0.astype(np_t)), Tensor(c0.astype(np_t))) if mode == "lstm" else Tensor(h0.astype(np_t))
    lens = None if seq is None else Tensor(np.array(seq, np.int32))
    out, state = net(Tensor(x.astype(np_t)), hx, lens)
    h, c = state if mode == "lstm" else (state, None)
    return out, h, c


# ---- forward --------------------------------------------------------------------------------
@pytest.mark.parametrize("cfg", CONFIGS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONFIGS)])
@pytest.mark.parametrize("dtype", [F64, ms.float32], ids=["f64", "f32"])
def test_forward_matches_numpy_reference(cfg, dtype):
    mode, layers, bi, bf, with_hx = cfg[0], cfg[5], cfg[6], cfg[7], cfg[9]
    net, params, x, h0, c0, seq = _case(cfg, dtype)
    out, h, c = _call(net, mode, x, h0, c0, seq, with_hx, dtype)
    if dtype == ms.float32:  # the reference sees the float32-rounded weights and inputs
        params = {k: v.astype(np.float32).astype(np.float64) for k, v in params.items()}
        x, h0, c0 = (a.astype(np.float32).astype(np.float64) for a in (x, h0, c0))
    r_out, r_h, r_c = ref_layers(mode, params, x, h0, c0, layers, bi, bf, seq)
    tol = 1e-12 if dtype == F64 else 1e-5
    assert out.dtype == dtype and h.dtype == dtype
    np.testing.assert_allclose(out.asnumpy(), r_out, rtol=tol, atol=tol)
    np.testing.assert_allclose(h.asnumpy(), r_h, rtol=tol, atol=tol)
    if mode == "lstm":
        np.testing.assert_allclose(c.asnumpy(), r_c, rtol=tol, atol=tol)
    if seq is not None:  # steps past a sequence's length output zeros
        t_axis = 1 if bf else 0
        for b, n in enumerate(seq):
            tail = np.take(out.asnumpy(), range(n, x.shape[t_axis]), axis=t_axis)
            assert not np.take(tail, [b], axis=1 - t_axis).any()


# ---- gradients ------------------------------------------------------------------------------
def _ref_loss(cfg, params, x, h0, c0, seq, weights):
    mode, layers, bi, bf = cfg[0], cfg[5], cfg[6], cfg[7]
    out, h, c = ref_layers(mode, params, x, h0, c0, layers, bi, bf, seq)
    loss = (out * weights[0]).sum() + (h * weights[1]).sum()
    return loss + ((c * weights[2]).sum() if c is not None else 0.0)


def _numeric_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for idx in np.ndindex(a.shape):
        old = a[idx]
        a[idx] = old + eps
        hi = f()
        a[idx] = old - eps
        lo = f()
        a[idx] = old
        g[idx] = (hi - lo) / (2 * eps)
    return g


@pytest.mark.parametrize("cfg", CONFIGS, ids=[f"{c[0]}-{i}" for i, c in enumerate(CONFIGS)])
def test_gradients_wrt_input_state_and_every_weight_match_finite_differences(cfg):
    mode, with_hx = cfg[0], cfg[9]
    net, params, x, h0, c0, seq = _case(cfg, F64, seed=3)
    out, h, c = _call(net, mode, x, h0, c0, seq, with_hx, F64)
    rng = np.random.default_rng(7)
    weights = [rng.normal(size=a.shape) for a in (out, h, c if c is not None else h)]
    wt = [Tensor(w) for w in weights]
    lens = None if seq is None else Tensor(np.array(seq, np.int64))

    def loss_fn(xt, h0t, c0t):
        hx = (h0t, c0t) if mode == "lstm" else h0t
        o, s = net(xt, hx, lens)
        hh, cc = s if mode == "lstm" else (s, None)
        loss = (o * wt[0]).sum() + (hh * wt[1]).sum()
        return loss + (cc * wt[2]).sum() if cc is not None else loss

    loss, (g_in, g_w) = ms.value_and_grad(loss_fn, (0, 1, 2), net.trainable_params())(
        Tensor(x), Tensor(h0), Tensor(c0))
    ref = lambda: _ref_loss(cfg, params, x, h0, c0, seq, weights)  # noqa: E731
    np.testing.assert_allclose(loss.asnumpy(), ref(), rtol=1e-12)
    np.testing.assert_allclose(g_in[0].asnumpy(), _numeric_grad(ref, x), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(g_in[1].asnumpy(), _numeric_grad(ref, h0), rtol=1e-5, atol=1e-7)
    if mode == "lstm":
        np.testing.assert_allclose(g_in[2].asnumpy(), _numeric_grad(ref, c0), rtol=1e-5, atol=1e-7)
    assert len(g_w) == len(params)
    for p, g in zip(net.trainable_params(), g_w):
        num = _numeric_grad(ref, params[p.name.split(".")[-1]])
        np.testing.assert_allclose(g.asnumpy(), num, rtol=1e-5, atol=1e-7, err_msg=p.name)


# ---- cells ----------------------------------------------------------------------------------
CELLS = [("tanh", 3, 2, 4, True), ("relu", 1, 1, 1, False), ("gru", 2, 3, 2, True),
         ("gru", 1, 1, 3, False), ("lstm", 3, 2, 3, True), ("lstm", 1, 1, 1, False)]


def _make_cell(mode, i, h, bias, dtype=F64):
    if mode in ("tanh", "relu"):
        return nn.RNNCell(i, h, has_bias=bias, nonlinearity=mode, dtype=dtype)
    return {"gru": nn.GRUCell, "lstm": nn.LSTMCell}[mode](i, h, has_bias=bias, dtype=dtype)


@pytest.mark.parametrize("cfg", CELLS)
def test_cells_value_and_gradients(cfg):
    mode, b, i, h, bias = cfg
    cell = _make_cell(mode, i, h, bias)
    params = fill(cell, 5)
    w = [params.get(k) for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
    rng = np.random.default_rng(2)
    x, h0, c0 = rng.normal(size=(b, i)), rng.normal(size=(b, h)), rng.normal(size=(b, h))
    wh, wc = rng.normal(size=(b, h)), rng.normal(size=(b, h))
    lstm = mode == "lstm"

    def loss_fn(xt, ht, ct):
        r = cell(xt, (ht, ct)) if lstm else cell(xt, ht)
        hh, cc = r if lstm else (r, None)
        loss = (hh * Tensor(wh)).sum()
        return loss + (cc * Tensor(wc)).sum() if lstm else loss

    def ref():
        hh, cc = ref_step(mode, x, h0, c0 if lstm else None, *w)
        return (hh * wh).sum() + ((cc * wc).sum() if lstm else 0.0)

    r = cell(Tensor(x), (Tensor(h0), Tensor(c0))) if lstm else cell(Tensor(x), Tensor(h0))
    rh, rc = ref_step(mode, x, h0, c0 if lstm else None, *w)
    if lstm:
        assert isinstance(r, tuple) and len(r) == 2
        np.testing.assert_allclose(r[0].asnumpy(), rh, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(r[1].asnumpy(), rc, rtol=1e-12, atol=1e-14)
    else:
        np.testing.assert_allclose(r.asnumpy(), rh, rtol=1e-12, atol=1e-14)
    loss, (g_in, g_w) = ms.value_and_grad(loss_fn, (0, 1, 2), cell.trainable_params())(
        Tensor(x), Tensor(h0), Tensor(c0))
    np.testing.assert_allclose(loss.asnumpy(), ref(), rtol=1e-12)
    for g, a in zip(g_in, (x, h0, c0)):
        np.testing.assert_allclose(g.asnumpy(), _numeric_grad(ref, a), rtol=1e-5, atol=1e-7)
    names = [p.name for p in cell.trainable_params()]
    assert names == ["weight_ih", "weight_hh"] + (["bias_ih", "bias_hh"] if bias else [])
    for p, g in zip(cell.trainable_params(), g_w):
        np.testing.assert_allclose(g.asnumpy(), _numeric_grad(ref, params[p.name]), rtol=1e-5,
                                   atol=1e-7, err_msg=p.name)


# ---- names, shapes, init --------------------------------------------------------------------
def test_parameter_names_and_shapes_as_mindspore():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.rnn = nn.LSTM(3, 4, num_layers=2, bidirectional=True)
            self.cell = nn.GRUCell(3, 4)

    net = Net()
    # The list MindSpore 2.10 prints for the same network.
    kinds = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]
    expected = [f"rnn.{k}_l{l}{s}" for k in kinds for l in (0, 1) for s in ("", "_reverse")]
    expected += ["cell.weight_ih", "cell.weight_hh", "cell.bias_ih", "cell.bias_hh"]
    assert [n for n, _ in net.parameters_and_names()] == expected
    assert list(net.parameters_dict()) == expected
    assert [p.name for p in net.trainable_params()] == expected
    shapes = {n: tuple(p.shape) for n, p in net.parameters_and_names()}
    assert shapes["rnn.weight_ih_l0"] == (16, 3) and shapes["rnn.weight_ih_l1_reverse"] == (16, 8)
    assert shapes["rnn.weight_hh_l1"] == (16, 4) and shapes["rnn.bias_hh_l0"] == (16,)
    assert shapes["cell.weight_ih"] == (12, 3) and shapes["cell.weight_hh"] == (12, 4)
    assert [p.name for p in net.rnn.w_ih_list] == expected[:4]
    gru = nn.GRU(5, 6, has_bias=False)
    assert [n for n, _ in gru.parameters_and_names()] == ["weight_ih_l0", "weight_hh_l0"]
    assert gru.b_ih_list == () and nn.RNNCell(2, 3, has_bias=False).bias_ih is None
    assert tuple(nn.RNN(2, 7).weight_ih_l0.shape) == (7, 2)


def test_init_is_uniform_within_one_over_sqrt_hidden():
    ms.set_seed(1)
    for net in (nn.LSTM(30, 16, num_layers=2), nn.GRUCell(10, 25)):
        bound = 1 / np.sqrt(net.hidden_size)
        values = np.concatenate([p.asnumpy().ravel() for p in net.get_parameters()])
        assert np.abs(values).max() <= bound and np.abs(values).max() > 0.9 * bound
        assert abs(values.mean()) < 0.05 * bound
        assert all(p.dtype == ms.float32 for p in net.get_parameters())


def test_repr_as_mindspore():
    assert repr(nn.LSTM(2, 3, 2, bidirectional=True, dropout=0.5)) == (
        "LSTM(\n  (rnn): _DynamicLSTMCPUGPU()\n  (dropout_op): Dropout(p=0.5)\n)")
    assert repr(nn.RNN(2, 3, nonlinearity="relu")).splitlines()[1] == "  (rnn): _DynamicRNNRelu()"
    assert repr(nn.GRUCell(2, 3)) == "GRUCell()"


# ---- against MindSpore 2.10 -----------------------------------------------------------------
def _ms_fill(net):
    # The weights the reference numbers below were computed with in MindSpore 2.10.
    for i, p in enumerate(net.get_parameters()):
        p.set_data(Tensor((np.sin(np.arange(p.size) * 0.7 + i) * 0.4).reshape(p.shape).astype(np.float32)))


def _ms_in(*shape, k=0.3):
    return Tensor((np.cos(np.arange(int(np.prod(shape))) * k) * 0.8).reshape(shape).astype(np.float32))


def test_lstm_matches_mindspore_numbers():
    net = nn.LSTM(3, 4, num_layers=2, bidirectional=True)
    _ms_fill(net)
    out, (h, c) = net(_ms_in(5, 2, 3), (_ms_in(4, 2, 4, k=0.5), _ms_in(4, 2, 4, k=0.9)))
    # MindSpore 2.10: out[[0, 4], 1], h[:, 0], c[:, 1]
    np.testing.assert_allclose(out.asnumpy()[[0, 4], 1], [
        [0.12802313, 0.21629296, 0.01981466, -0.05660985, 0.0531929, -0.1270944, -0.15335405, -0.38711467],
        [0.1131286, 0.02008012, -0.0194605, -0.18811949, 0.22766605, 0.0164468, -0.05986624, -0.37800717]],
        atol=1e-6)
    np.testing.assert_allclose(h.asnumpy()[:, 0], [
        [-0.12994786, 0.13173133, 0.13293405, -0.03342545], [0.0419457, 0.09981738, 0.0585468, -0.11804619],
        [0.10295616, -0.01073072, 0.01252981, -0.13289618], [0.04690965, -0.12732294, -0.07220318, -0.1740467]],
        atol=1e-6)
    np.testing.assert_allclose(c.asnumpy()[:, 1], [
        [-0.07028843, 0.12551346, 0.31308466, 0.19976859], [0.13181359, 0.25293317, 0.30699345, -0.09398497],
        [0.26175135, 0.04700717, -0.03771235, -0.35580423], [0.11276556, -0.27756956, -0.24376115, -0.7438734]],
        atol=1e-6)


def test_seq_length_matches_mindspore_numbers():
    gru = nn.GRU(3, 4, batch_first=True)
    _ms_fill(gru)
    out, h = gru(_ms_in(2, 5, 3), _ms_in(1, 2, 4, k=0.5), Tensor(np.array([3, 5], np.int32)))
    # MindSpore 2.10: out[0] (length 3: two zero rows), h
    np.testing.assert_allclose(out.asnumpy()[0], [
        [0.07308322, 0.780136, 0.31554002, -0.08798182], [0.05633653, 0.65894437, 0.22180963, -0.1646709],
        [0.41868895, 0.43653482, 0.0209503, -0.04667228], [0, 0, 0, 0], [0, 0, 0, 0]], atol=1e-6)
    np.testing.assert_allclose(h.asnumpy(), [[[0.41868895, 0.43653482, 0.0209503, -0.04667228],
                                              [0.4393923, 0.38915968, 0.0317311, -0.44039172]]], atol=1e-6)
    rnn = nn.RNN(3, 4, nonlinearity="relu", bidirectional=True)
    _ms_fill(rnn)
    out, h = rnn(_ms_in(4, 3, 3), None, Tensor(np.array([4, 2, 1], np.int64)))
    # MindSpore 2.10: out[:, 1] (length 2), h[:, 2] (length 1)
    np.testing.assert_allclose(out.asnumpy()[:, 1], [
        [0, 0, 0, 0.41698408, 0, 0.34550944, 0.05129009, 0.69861066],
        [0, 0, 0.58241665, 0, 0, 0.45855287, 0.679953, 0], [0] * 8, [0] * 8], atol=1e-6)
    np.testing.assert_allclose(h.asnumpy()[:, 2], [[0, 0, 0.42141852, 0], [0, 0.50148, 0.4395774, 0.0411265]],
                               atol=1e-6)
    lstm = nn.LSTM(3, 4, bidirectional=True)
    _ms_fill(lstm)
    out, (h, c) = lstm(_ms_in(4, 2, 3), None, Tensor(np.array([2, 4], np.int32)))
    # MindSpore 2.10: batch element 0 (length 2)
    np.testing.assert_allclose(out.asnumpy()[:2, 0], [
        [-0.27295437, 0.02515894, 0.00248325, -0.24865334, -0.303041, 0.0501828, 0.02970181, 0.05032534],
        [-0.12974925, -0.14807728, -0.08025611, -0.00470026, -0.0592044, -0.17614995, 0.14022833, 0.06774618]],
        atol=1e-6)
    np.testing.assert_allclose(c.asnumpy()[:, 0], [[-0.2585417, -0.25995934, -0.11720105, -0.0113395],
                                                   [-0.41160604, 0.11922458, 0.06736702, 0.08482996]], atol=1e-6)


def test_cells_match_mindspore_numbers():
    x, hh, cc = _ms_in(2, 3), _ms_in(2, 4, k=0.5), _ms_in(2, 4, k=0.9)
    rnn, gru, lstm = nn.RNNCell(3, 4), nn.GRUCell(3, 4), nn.LSTMCell(3, 4)
    for c in (rnn, gru, lstm):
        _ms_fill(c)
    # MindSpore 2.10's outputs for the same weights and inputs.
    np.testing.assert_allclose(rnn(x, hh).asnumpy(), [[0.9125992, -0.36834913, -0.6070553, -0.5280616],
                                                      [-0.07541377, 0.7092263, -0.9147768, 0.13350384]], atol=1e-6)
    np.testing.assert_allclose(gru(x, hh).asnumpy(), [[0.07308322, 0.780136, 0.31554002, -0.08798182],
                                                      [0.18196788, -0.24745783, -0.25672144, -0.7568782]], atol=1e-6)
    h1, c1 = lstm(x, (hh, cc))
    np.testing.assert_allclose(h1.asnumpy(), [[-0.03971759, 0.22052032, -0.07144889, -0.41639277],
                                              [0.05596746, -0.02785262, 0.18722323, 0.02791453]], atol=1e-6)
    np.testing.assert_allclose(c1.asnumpy(), [[-0.11229917, 0.51797533, -0.25034943, -0.7881592],
                                              [0.10390294, -0.10595887, 0.40207773, 0.05080444]], atol=1e-6)


def test_gru_gradients_match_mindspore_numbers():
    net = nn.GRU(3, 4, num_layers=2)
    _ms_fill(net)
    wout = _ms_in(3, 2, 4, k=1.1)

    def f(x):
        out, h = net(x)
        return (out * wout).sum() + h.sum()

    loss, (gx, gw) = ms.value_and_grad(f, 0, net.trainable_params())(_ms_in(3, 2, 3))
    grads = {p.name: g.asnumpy().ravel() for p, g in zip(net.trainable_params(), gw)}
    # MindSpore 2.10's loss and gradients.
    np.testing.assert_allclose(loss.asnumpy(), -1.4216138, rtol=1e-6)
    np.testing.assert_allclose(gx.asnumpy()[:, 0], [[0.01927425, 0.05317545, 0.0620674],
                                                    [-0.14914191, -0.15985473, -0.09538537],
                                                    [-0.27590925, -0.30662, -0.19312249]], atol=1e-6)
    np.testing.assert_allclose(grads["weight_ih_l0"][:6], [0.03862522, 0.03097318, 0.02055439, -0.00141321,
                                                           -0.00279201, -0.0039214], atol=1e-6)
    np.testing.assert_allclose(grads["bias_hh_l1"][:6], [-0.00059815, 0.10270537, 0.24035297, 0.07896994,
                                                         0.13649979, 0.19640902], atol=1e-6)


# ---- dropout, jit, graph mode ----------------------------------------------------------------
def test_inter_layer_dropout_only_in_training():
    ms.set_seed(0)
    net = nn.GRU(3, 8, num_layers=3, dropout=0.5)
    x = Tensor(np.random.default_rng(0).normal(size=(4, 2, 3)).astype(np.float32))
    eval1, eval2 = net(x)[0].asnumpy(), net(x)[0].asnumpy()
    np.testing.assert_array_equal(eval1, eval2)
    net.set_train()
    train1, train2 = net(x)[0].asnumpy(), net(x)[0].asnumpy()
    assert not np.allclose(train1, eval1) and not np.allclose(train1, train2)
    net.set_train(False)
    np.testing.assert_array_equal(net(x)[0].asnumpy(), eval1)
    # One layer: nothing to drop between layers.
    one = nn.LSTM(3, 4, dropout=0.5)
    e = one(x)[0].asnumpy()
    one.set_train()
    np.testing.assert_array_equal(one(x)[0].asnumpy(), e)


class _Model(nn.Cell):
    """D2L's RNNModel shape: a recurrent layer, then a Dense over its outputs."""

    def __init__(self, rnn, vocab):
        super().__init__()
        self.rnn = rnn
        self.linear = nn.Dense(rnn.hidden_size * (2 if rnn.bidirectional else 1), vocab)

    def construct(self, x, state):
        y, state = self.rnn(x, state)
        return self.linear(y.reshape((-1, y.shape[-1]))), state


def _train(compiled, make_rnn, steps=4):
    ms.set_seed(11)
    vocab, t, b = 7, 5, 3
    net = _Model(make_rnn(vocab), vocab)
    net.set_train()
    opt = nn.Adam(net.trainable_params(), 0.01)
    loss_fn = nn.CrossEntropyLoss()

    def forward(x, y, state):
        logits, _ = net(x, state)
        return loss_fn(logits, y.reshape(-1))

    grad_fn = ms.value_and_grad(forward, None, opt.parameters)

    def step(x, y, state):
        loss, grads = grad_fn(x, y, state)
        opt(grads)
        return loss

    run = ms.jit(step) if compiled else step
    rng = np.random.default_rng(0)
    ids = rng.integers(0, vocab, size=(t, b))
    x = Tensor(np.eye(vocab, dtype=np.float32)[ids])
    y = Tensor(rng.integers(0, vocab, size=(t, b)).astype(np.int32))
    h = Tensor(np.zeros((net.rnn.num_layers * (2 if net.rnn.bidirectional else 1), b,
                         net.rnn.hidden_size), np.float32))
    state = (h, h) if net.rnn.is_lstm else h
    losses = [run(x, y, state).asnumpy() for _ in range(steps)]
    return losses, [p.asnumpy() for p in net.trainable_params()], run


@pytest.mark.parametrize("make_rnn", [
    lambda v: nn.LSTM(v, 6, num_layers=2),
    lambda v: nn.GRU(v, 5, bidirectional=True),
    lambda v: nn.RNN(v, 4, num_layers=2, dropout=0.3),
], ids=["lstm2", "bigru", "rnn-dropout"])
def test_jitted_training_step_traces_once_and_matches_eager(make_rnn):
    eager_losses, eager_params, _ = _train(False, make_rnn)
    losses, params, run = _train(True, make_rnn)
    np.testing.assert_allclose(losses, eager_losses, rtol=1e-5)
    for a, b in zip(params, eager_params):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)
    assert losses[-1] < losses[0]
    assert run.cache_info().traces == 1 and run.cache_info().hits == 3


def test_graph_mode_call_matches_pynative():
    net = nn.LSTM(3, 4, num_layers=2, batch_first=True)
    x = Tensor(np.random.default_rng(1).normal(size=(2, 5, 3)).astype(np.float32))
    lens = Tensor(np.array([5, 3], np.int32))
    eager_out, (eager_h, _) = net(x, None, lens)
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        out, (h, _) = net(x, None, lens)
        out2, _ = net(x, None, lens)
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    np.testing.assert_allclose(out.asnumpy(), eager_out.asnumpy(), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(h.asnumpy(), eager_h.asnumpy(), rtol=1e-6, atol=1e-7)
    np.testing.assert_array_equal(out2.asnumpy(), out.asnumpy())


def test_d2l_usage():
    # chapter 9 rnn-concise: one-hot inputs (num_steps, batch, vocab), state (1, batch, hidden)
    vocab, hidden = 28, 32
    rnn = nn.RNN(vocab, hidden)
    state = ms.ops.zeros((1, 4, hidden))
    x = Tensor(np.eye(vocab, dtype=np.float32)[np.random.default_rng(0).integers(0, vocab, (35, 4))])
    y, new_state = rnn(x, state)
    assert y.shape == (35, 4, hidden) and new_state.shape == (1, 4, hidden)
    np.testing.assert_allclose(y.asnumpy()[-1], new_state.asnumpy()[0])
    # seq2seq encoder: GRU(embed, hidden, layers, dropout=0.)
    gru = nn.GRU(8, 16, 2, dropout=0.)
    out, s = gru(Tensor(np.zeros((7, 4, 8), np.float32)), ms.ops.zeros((2, 4, 16)))
    assert out.shape == (7, 4, 16) and s.shape == (2, 4, 16)
    # bidirectional LSTM
    lstm = nn.LSTM(vocab, hidden, num_layers=2, bidirectional=True)
    out, (h, c) = lstm(x)
    assert out.shape == (35, 4, 2 * hidden) and h.shape == c.shape == (4, 4, hidden)


def test_empty_batch_and_empty_sequence():
    net = nn.GRU(3, 4)
    out, h = net(Tensor(np.zeros((5, 0, 3), np.float32)))
    assert out.shape == (5, 0, 4) and h.shape == (1, 0, 4)
    h0 = Tensor(np.ones((1, 2, 4), np.float32))
    out, h = net(Tensor(np.zeros((0, 2, 3), np.float32)), h0)
    assert out.shape == (0, 2, 4)
    np.testing.assert_array_equal(h.asnumpy(), h0.asnumpy())


# ---- bad input ------------------------------------------------------------------------------
def _x(*shape, dtype=np.float32):
    return Tensor(np.ones(shape, dtype))


BAD = [
    (lambda: nn.RNN(4, 0), ValueError, "'hidden_size' must be int and must > 0"),
    (lambda: nn.RNN(4, 2.0), TypeError, "'hidden_size' must be int"),
    (lambda: nn.LSTM(0, 2), ValueError, "'input_size'"),
    (lambda: nn.GRU(4, 2, num_layers=0), ValueError, "'num_layers'"),
    (lambda: nn.GRU(4, 2, num_layers=-1), ValueError, "'num_layers'"),
    (lambda: nn.RNN(4, 2, nonlinearity="sigmoid"), ValueError, "'nonlinearity' must be in"),
    (lambda: nn.RNN(4, 2, dropout=1.0), ValueError, "'dropout' must be a number in range [0, 1)"),
    (lambda: nn.RNN(4, 2, dropout="0.1"), TypeError, "'dropout'"),
    (lambda: nn.RNN(4, 2, has_bias=1), TypeError, "'has_bias' should be 'bool'"),
    (lambda: nn.LSTM(4, 2, batch_first="yes"), TypeError, "'batch_first'"),
    (lambda: nn.LSTM(4, 2, dtype=ms.int32), TypeError, "LSTM"),
    (lambda: nn.RNNCell(4, 2, nonlinearity="gelu"), ValueError, "'nonlinearity'"),
    (lambda: nn.GRUCell(4, 0), ValueError, "'hidden_size'"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 5)), ValueError, "input_size=4, but got [5, 3, 5]"),
    (lambda: nn.RNN(4, 6)(_x(5, 4)), ValueError, "(seq_len, batch, input_size)"),
    (lambda: nn.GRU(4, 6, batch_first=True)(_x(5, 3, 4, 1)), ValueError, "(batch, seq_len, input_size)"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4, dtype=np.int32)), TypeError, "For 'RNN', the dtype Int32"),
    (lambda: nn.RNN(4, 6)(np.ones((5, 3, 4), np.float32)), TypeError, "'x' must be a Tensor"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), _x(2, 3, 6)), ValueError, "'hx' must be [1, 3, 6], but got [2, 3, 6]"),
    (lambda: nn.GRU(4, 6)(_x(5, 3, 4), _x(1, 2, 6)), ValueError, "'hx' must be [1, 3, 6]"),
    (lambda: nn.GRU(4, 6)(_x(5, 3, 4), _x(3, 6)), ValueError, "'hx' must be [1, 3, 6]"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), _x(1, 3, 6, dtype=np.float16)), TypeError, "Float32 and Float16"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), (_x(1, 3, 6),)), TypeError, "'hx' must be a Tensor"),
    (lambda: nn.LSTM(4, 6)(_x(5, 3, 4), _x(1, 3, 6)), TypeError, "'hx' must be a tuple"),
    (lambda: nn.LSTM(4, 6)(_x(5, 3, 4), (_x(1, 3, 6),) * 3), TypeError, "length of 'hx' must be '2'"),
    (lambda: nn.LSTM(4, 6)(_x(5, 3, 4), (_x(1, 3, 6), _x(1, 3, 5))), ValueError, "'hx[1]' must be [1, 3, 6]"),
    (lambda: nn.LSTM(4, 6)(_x(5, 3, 4), (_x(1, 3, 6), 1.0)), TypeError, "'hx[1]' must be a Tensor"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), None, _x(3)), TypeError, "Int32 or Int64 for 'seq_length'"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), None, Tensor(np.ones(2, np.int32))), ValueError,
     "batch size of x and seq_length must be equal"),
    (lambda: nn.RNN(4, 6)(_x(5, 3, 4), None, [1, 2, 3]), TypeError, "'seq_length' must be a Tensor"),
    (lambda: nn.RNNCell(4, 6)(_x(3, 5), _x(3, 6)), ValueError, "input_size=4), but got [3, 5]"),
    (lambda: nn.RNNCell(4, 6)(_x(4), _x(6)), ValueError, "(batch, input_size=4)"),
    (lambda: nn.GRUCell(4, 6)(_x(3, 4), _x(3, 7)), ValueError, "'hx' must be [3, 6], but got [3, 7]"),
    (lambda: nn.GRUCell(4, 6)(_x(3, 4, dtype=np.int64), _x(3, 6)), TypeError, "GRUCell"),
    (lambda: nn.LSTMCell(4, 6)(_x(3, 4), _x(3, 6)), TypeError, "'hx' must be a tuple"),
    (lambda: nn.LSTMCell(4, 6)(_x(3, 4), (_x(3, 6), _x(2, 6))), ValueError, "'hx[1]' must be [3, 6]"),
    (lambda: nn.RNNCell(4, 6)(_x(3, 4)), TypeError, "hx"),
]


@pytest.mark.parametrize("case", range(len(BAD)))
def test_bad_input_raises_typed_errors(case):
    fn, cls, text = BAD[case]
    with pytest.raises(cls) as e:
        fn()
    assert isinstance(e.value, ms.Error) or cls is TypeError and "positional" in str(e.value)
    assert text in str(e.value), str(e.value)


def test_docstring_examples_run():
    import doctest

    from easy_mindspore.nn import rnn
    failed, attempted = doctest.testmod(rnn)
    assert failed == 0 and attempted >= 20
