"""nn.MultiheadAttention and nn.TransformerEncoderLayer through the fused ``Attention`` primitive
(``_C.attention``): outputs, attention weights and gradients against a float64 NumPy reference
(gradients as directional central differences of it) and against the composed path (matmul,
softmax, matmul), on several shapes (size-1 axes included), with and without masks,
``need_weights`` both ways and ``batch_first`` both ways; second derivatives and ``ms.jit``
(which run the rule's differentiable composition); and the primitive's own errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import _C, nn, ops
from easy_mindspore.nn import transformer


@pytest.fixture
def composed(monkeypatch):
    """Runs the test's attention through the composed path."""
    monkeypatch.setattr(transformer, "_fused_attention", False)


def np_softmax(x):
    m = x.max(-1, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    e = np.exp(x - m)
    return e / e.sum(-1, keepdims=True)


def np_mha(q, k, v, params, heads, mask):
    """Multi-head attention of ``(seq, batch, E)`` float64 inputs; ``mask`` (or None) is added to
    the scores ``[batch, heads, tgt, src]``. Returns the output and the per-head weights."""
    w, b, wo, bo = params
    e = q.shape[2]
    qp, kp, vp = q @ w[:e].T + b[:e], k @ w[e:2 * e].T + b[e:2 * e], v @ w[2 * e:].T + b[2 * e:]
    tgt, bsz = qp.shape[:2]
    hd = e // heads

    def split(x):  # (seq, b, E) -> (b, h, seq, hd)
        return x.reshape(x.shape[0], bsz, heads, hd).transpose(1, 2, 0, 3)

    s = split(qp) @ split(kp).transpose(0, 1, 3, 2) / np.sqrt(hd)
    if mask is not None:
        s = s + mask
    a = np_softmax(s)
    o = (a @ split(vp)).transpose(2, 0, 1, 3).reshape(tgt, bsz, e)
    return o @ wo.T + bo, a


def params_of(m):
    return [p.asnumpy().astype(np.float64) for p in
            (m.in_proj_weight, m.in_proj_bias, m.out_proj.weight, m.out_proj.bias)]


def masks(kind, tgt, src, bsz, heads, rng):
    """(attn_mask, key_padding_mask) as MultiheadAttention takes them, and the float64 mask
    ``[bsz, heads, tgt, src]`` they add (or None)."""
    attn = pad = None
    add = np.zeros((bsz, heads, tgt, src))
    if kind in ("causal", "both"):
        causal = np.triu(np.ones((tgt, src), bool), 1)
        attn = ms.Tensor(causal)
        add = add + np.where(causal, -np.inf, 0.0)
    if kind == "float3d":
        f = rng.uniform(-2, 2, (bsz * heads, tgt, src))
        attn = f
        add = add + f.reshape(bsz, heads, tgt, src)
    if kind in ("padding", "both"):
        p = np.zeros((bsz, src), bool)
        p[:, src - 1] = src > 1  # the last key padded, where a key remains
        pad = ms.Tensor(p)
        add = add + np.where(p, -np.inf, 0.0)[:, None, None, :]
    return attn, pad, (None if kind == "none" else add)


SHAPES = [  # (tgt, src, bsz, E, heads)
    (5, 4, 3, 8, 2), (1, 1, 1, 4, 1), (6, 6, 2, 6, 3), (3, 7, 1, 8, 8), (4, 2, 5, 4, 4)]
KINDS = ["none", "causal", "padding", "both", "float3d"]


def run_mha(m, q, k, v, attn, pad, need_weights, batch_first, dtype, average=False):
    t = (lambda x: ms.Tensor(x.swapaxes(0, 1).astype(dtype))) if batch_first else \
        (lambda x: ms.Tensor(x.astype(dtype)))
    if isinstance(attn, np.ndarray):
        attn = ms.Tensor(attn.astype(dtype))
    res = m(t(q), t(k), t(v), key_padding_mask=pad, need_weights=need_weights, attn_mask=attn,
            average_attn_weights=average)
    out = res[0].asnumpy()
    return (out.swapaxes(0, 1) if batch_first else out), (res[1].asnumpy() if need_weights else None)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("batch_first", [False, True])
def test_multihead_attention_matches_numpy(shape, kind, batch_first):
    tgt, src, bsz, e, heads = shape
    if kind in ("causal", "both") and tgt > src:
        tgt = src  # a causal mask that leaves every query a key
    rng = np.random.default_rng(tgt * 100 + src * 10 + bsz)
    q, k, v = (rng.standard_normal((n, bsz, e)) for n in (tgt, src, src))
    attn, pad, add = masks(kind, tgt, src, bsz, heads, rng)
    for dtype, tol in ((np.float64, 1e-11), (np.float32, 2e-5)):
        m = nn.MultiheadAttention(e, heads, batch_first=batch_first,
                                  dtype=ms.float64 if dtype == np.float64 else ms.float32)
        m.in_proj_bias.set_data(ms.Tensor(rng.standard_normal(3 * e).astype(dtype)))
        ref_o, ref_a = np_mha(q, k, v, params_of(m), heads, add)
        for need_weights in (True, False):
            o, a = run_mha(m, q, k, v, attn, pad, need_weights, batch_first, dtype)
            assert o.dtype == dtype
            np.testing.assert_allclose(o, ref_o, rtol=tol, atol=tol)
            if need_weights:
                np.testing.assert_allclose(a, ref_a, rtol=tol, atol=tol)
        _, avg = run_mha(m, q, k, v, attn, pad, True, batch_first, dtype, average=True)
        np.testing.assert_allclose(avg, ref_a.mean(1), rtol=tol, atol=tol)


def loss_and_grads(m, q, k, v, attn, pad, wt, batch_first):
    """The gradients of ``sum(out · wt)`` with respect to q, k, v and every parameter."""
    weights = m.trainable_params()
    t = (lambda x: ms.Tensor(x.swapaxes(0, 1))) if batch_first else ms.Tensor
    wt = t(wt)
    if isinstance(attn, np.ndarray):
        attn = ms.Tensor(attn)

    def f(a, b, c):
        return (m(a, b, c, key_padding_mask=pad, attn_mask=attn, need_weights=False)[0] * wt).sum()

    loss, (gi, gw) = ms.value_and_grad(f, (0, 1, 2), weights)(t(q), t(k), t(v))
    back = (lambda g: g.asnumpy().swapaxes(0, 1)) if batch_first else (lambda g: g.asnumpy())
    return float(loss.asnumpy()), [back(g) for g in gi], [g.asnumpy() for g in gw]


@pytest.mark.parametrize("shape", SHAPES[:3])
@pytest.mark.parametrize("kind", ["none", "both", "float3d"])
@pytest.mark.parametrize("batch_first", [False, True])
def test_gradients_match_numpy_and_the_composed_path(shape, kind, batch_first, monkeypatch):
    tgt, src, bsz, e, heads = shape
    tgt = min(tgt, src)
    rng = np.random.default_rng(7 + tgt + src)
    q, k, v = (rng.standard_normal((n, bsz, e)) for n in (tgt, src, src))
    wt = rng.standard_normal((tgt, bsz, e))
    attn, pad, add = masks(kind, tgt, src, bsz, heads, rng)
    m = nn.MultiheadAttention(e, heads, batch_first=batch_first, dtype=ms.float64)
    m.in_proj_bias.set_data(ms.Tensor(rng.standard_normal(3 * e)))
    loss, gi, gw = loss_and_grads(m, q, k, v, attn, pad, wt, batch_first)
    params = params_of(m)

    def np_loss(xs, ps):
        return (np_mha(*xs, ps, heads, add)[0] * wt).sum()

    assert abs(loss - np_loss((q, k, v), params)) < 1e-10
    # Directional central differences of the NumPy loss: inputs, then each parameter.
    h = 1e-6
    for i, g in enumerate(gi):
        d = rng.standard_normal(g.shape)
        xs_p = [x + h * d if j == i else x for j, x in enumerate((q, k, v))]
        xs_m = [x - h * d if j == i else x for j, x in enumerate((q, k, v))]
        fd = (np_loss(xs_p, params) - np_loss(xs_m, params)) / (2 * h)
        assert abs((g * d).sum() - fd) < 1e-6 * max(1.0, abs(fd)), (i, (g * d).sum(), fd)
    for i, g in enumerate(gw):
        d = rng.standard_normal(g.shape)
        ps_p = [p + h * d if j == i else p for j, p in enumerate(params)]
        ps_m = [p - h * d if j == i else p for j, p in enumerate(params)]
        fd = (np_loss((q, k, v), ps_p) - np_loss((q, k, v), ps_m)) / (2 * h)
        assert abs((g * d).sum() - fd) < 1e-6 * max(1.0, abs(fd)), (i, (g * d).sum(), fd)
    monkeypatch.setattr(transformer, "_fused_attention", False)
    loss_c, gi_c, gw_c = loss_and_grads(m, q, k, v, attn, pad, wt, batch_first)
    assert abs(loss - loss_c) < 1e-10
    for g, gc in zip(gi + gw, gi_c + gw_c):
        np.testing.assert_allclose(g, gc, rtol=1e-10, atol=1e-11)


def test_float32_gradients_follow_the_composed_path(monkeypatch):
    rng = np.random.default_rng(3)
    tgt, bsz, e, heads = 16, 4, 32, 4
    x = rng.standard_normal((tgt, bsz, e)).astype(np.float32)
    wt = rng.standard_normal((tgt, bsz, e)).astype(np.float32)
    m = nn.MultiheadAttention(e, heads)
    causal = ms.Tensor(np.triu(np.ones((tgt, tgt), bool), 1))
    fused = loss_and_grads(m, x, x, x, causal, None, wt, False)
    monkeypatch.setattr(transformer, "_fused_attention", False)
    comp = loss_and_grads(m, x, x, x, causal, None, wt, False)
    assert abs(fused[0] - comp[0]) < 1e-4 * max(1.0, abs(comp[0]))
    for g, gc in zip(fused[1] + fused[2], comp[1] + comp[2]):
        assert g.dtype == np.float32
        np.testing.assert_allclose(g, gc, rtol=1e-4, atol=1e-5)


def np_layer_norm(x, g, b, eps=1e-5):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def np_encoder_layer(x, ps, heads, add):
    """TransformerEncoderLayer (post-norm, relu, no dropout) in float64; ``ps`` in the layer's
    parameter order."""
    w, b, wo, bo, w1, b1, w2, b2, g1, be1, g2, be2 = ps
    sa = np_mha(x, x, x, (w, b, wo, bo), heads, add)[0]
    x = np_layer_norm(x + sa, g1, be1)
    ff = np.maximum(x @ w1.T + b1, 0) @ w2.T + b2
    return np_layer_norm(x + ff, g2, be2)


@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("kind", ["none", "both"])
def test_encoder_layer_matches_numpy_and_the_composed_path(batch_first, kind, monkeypatch):
    seq, bsz, d, heads, ff = 6, 3, 8, 2, 16
    rng = np.random.default_rng(11)
    x = rng.standard_normal((seq, bsz, d))
    wt = rng.standard_normal((seq, bsz, d))
    layer = nn.TransformerEncoderLayer(d, heads, ff, dropout=0.0, batch_first=batch_first,
                                       dtype=ms.float64)
    layer.self_attn.in_proj_bias.set_data(ms.Tensor(rng.standard_normal(3 * d)))
    ps = [p.asnumpy() for p in layer.trainable_params()]
    attn, pad, add = masks(kind, seq, seq, bsz, heads, rng)
    t = (lambda a: ms.Tensor(a.swapaxes(0, 1))) if batch_first else ms.Tensor
    back = (lambda a: a.swapaxes(0, 1)) if batch_first else (lambda a: a)

    def f(inp):
        return (layer(inp, src_mask=attn, src_key_padding_mask=pad) * t(wt)).sum()

    def run():
        out = back(layer(t(x), src_mask=attn, src_key_padding_mask=pad).asnumpy())
        _, (gx, gw) = ms.value_and_grad(f, 0, layer.trainable_params())(t(x))
        return out, [back(gx.asnumpy())] + [g.asnumpy() for g in gw]

    out, grads = run()
    np.testing.assert_allclose(out, np_encoder_layer(x, ps, heads, add), rtol=1e-11, atol=1e-11)
    h, d_x = 1e-6, rng.standard_normal(x.shape)
    fd = ((np_encoder_layer(x + h * d_x, ps, heads, add) * wt).sum()
          - (np_encoder_layer(x - h * d_x, ps, heads, add) * wt).sum()) / (2 * h)
    assert abs((grads[0] * d_x).sum() - fd) < 1e-6 * max(1.0, abs(fd))
    monkeypatch.setattr(transformer, "_fused_attention", False)
    out_c, grads_c = run()
    np.testing.assert_allclose(out, out_c, rtol=1e-12, atol=1e-12)
    for g, gc in zip(grads, grads_c):
        np.testing.assert_allclose(g, gc, rtol=1e-10, atol=1e-11)


def second_order_and_jit(m, x):
    """The gradient of ``|∇_x sum(out²)|²`` (grad of grad) and a jitted gradient."""
    def f(a):
        return (m(a, a, a, need_weights=False)[0] ** 2).sum()

    def g2(a):
        g = ms.grad(f)(a)
        return (g * g).sum()

    return ms.grad(g2)(x).asnumpy(), ms.jit(ms.grad(f))(x).asnumpy()


def test_second_derivatives_and_jit_match_the_composed_path(monkeypatch):
    rng = np.random.default_rng(5)
    m = nn.MultiheadAttention(8, 2, dtype=ms.float64)
    x = ms.Tensor(rng.standard_normal((4, 2, 8)))
    hh, gj = second_order_and_jit(m, x)
    monkeypatch.setattr(transformer, "_fused_attention", False)
    hh_c, gj_c = second_order_and_jit(m, x)
    np.testing.assert_allclose(hh, hh_c, rtol=1e-9, atol=1e-10)
    np.testing.assert_allclose(gj, gj_c, rtol=1e-10, atol=1e-11)


def test_dropout_in_training_keeps_the_composed_path():
    # The primitive has no dropout: with it on, the weights are dropped (some exactly 0, the
    # others scaled by 1/(1-p)), so rows no longer sum to one.
    ms.set_seed(0)
    m = nn.MultiheadAttention(8, 2, dropout=0.5)
    m.set_train(True)
    x = ms.Tensor(np.random.default_rng(0).standard_normal((6, 2, 8)).astype(np.float32))
    _, w = m(x, x, x, average_attn_weights=False)
    assert (w.asnumpy() == 0).any()
    m.set_train(False)
    _, w = m(x, x, x, average_attn_weights=False)
    np.testing.assert_allclose(w.asnumpy().sum(-1), 1.0, rtol=1e-6)


def test_the_primitive_packs_its_output_and_refuses_bad_operands():
    rng = np.random.default_rng(1)
    q, k, v = (ms.Tensor(rng.standard_normal(s)) for s in ((3, 4, 2), (3, 5, 2), (3, 5, 6)))
    mask = ms.Tensor(rng.standard_normal((1, 4, 5)))
    o, p = _C.attention(q, k, v, mask, 0.5)
    assert o.shape == (3, 4, 6) and p.shape == (3, 4, 5)
    s = q.asnumpy() @ k.asnumpy().transpose(0, 2, 1) * 0.5 + mask.asnumpy()
    np.testing.assert_allclose(p.asnumpy(), np_softmax(s), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(o.asnumpy(), np_softmax(s) @ v.asnumpy(), rtol=1e-12, atol=1e-13)
    with pytest.raises(ValueError, match=r"Attention.*\[3, 4, 2\].*\[3, 4, 2\]"):
        _C.attention(q, q, v, None, 0.5)  # k has 4 keys, v 5
    with pytest.raises(ValueError, match="Attention.*broadcast"):
        _C.attention(q, k, v, ms.Tensor(np.zeros((2, 4, 5))), 0.5)
    with pytest.raises(ValueError, match="Attention"):
        _C.attention(ops.ones((4, 2), ms.float64), k, v, None, 0.5)
    with pytest.raises(TypeError, match="Attention.*Float32"):
        _C.attention(q, k.astype(ms.float32), v, None, 0.5)
    with pytest.raises(TypeError, match="Attention.*Int32"):
        _C.attention(*(t.astype(ms.int32) for t in (q, k, v)), None, 0.5)
    with pytest.raises(ValueError, match="Attention.*finite"):
        _C.attention(q, k, v, None, float("nan"))
    with pytest.raises(TypeError, match="Attention.*scale"):
        _C.attention(q, k, v, None, "x")


@pytest.mark.parametrize("dtype,tol", [(ms.float64, 1e-10), (ms.float32, 2e-4)])
def test_large_batches_run_in_parallel_and_match_the_composed_path(dtype, tol, monkeypatch):
    # 32 matrices of 64 x 64 scores: the kernels split the batch across threads (the small
    # cases above run one matrix after another).
    rng = np.random.default_rng(9)
    tgt, bsz, e, heads = 64, 8, 64, 4
    npd = np.float64 if dtype == ms.float64 else np.float32
    x = rng.standard_normal((tgt, bsz, e)).astype(npd)
    wt = rng.standard_normal((tgt, bsz, e)).astype(npd)
    m = nn.MultiheadAttention(e, heads, dtype=dtype)
    pad = np.zeros((bsz, tgt), bool)
    pad[::2, -3:] = True
    pad = ms.Tensor(pad)
    causal = ms.Tensor(np.triu(np.ones((tgt, tgt), bool), 1))
    o, a = m(ms.Tensor(x), ms.Tensor(x), ms.Tensor(x), key_padding_mask=pad, attn_mask=causal)
    fused = loss_and_grads(m, x, x, x, causal, pad, wt, False)
    monkeypatch.setattr(transformer, "_fused_attention", False)
    o_c, a_c = m(ms.Tensor(x), ms.Tensor(x), ms.Tensor(x), key_padding_mask=pad,
                 attn_mask=causal)
    comp = loss_and_grads(m, x, x, x, causal, pad, wt, False)
    np.testing.assert_allclose(o.asnumpy(), o_c.asnumpy(), rtol=tol, atol=tol)
    np.testing.assert_allclose(a.asnumpy(), a_c.asnumpy(), rtol=tol, atol=tol)
    assert abs(fused[0] - comp[0]) < tol * max(1.0, abs(comp[0]))
    for g, gc in zip(fused[1] + fused[2], comp[1] + comp[2]):
        np.testing.assert_allclose(g, gc, rtol=tol, atol=tol * 10)


@pytest.mark.parametrize("dtype,tol", [(ms.float16, 2e-3), (ms.bfloat16, 2e-2)])
def test_half_precision_computes_in_float32_and_keeps_its_dtype(dtype, tol, monkeypatch):
    m = nn.MultiheadAttention(8, 2, dtype=dtype)
    x = ms.Tensor(np.random.default_rng(0).standard_normal((5, 3, 8)).astype(np.float32))
    x = x.astype(dtype)

    def run():
        o, a = m(x, x, x)
        g = ms.grad(lambda t: m(t, t, t)[0].astype(ms.float32).sum())(x)
        assert o.dtype == a.dtype == g.dtype == dtype
        return [t.astype(ms.float32).asnumpy() for t in (o, a, g)]

    fused = run()
    monkeypatch.setattr(transformer, "_fused_attention", False)
    for f, c in zip(fused, run()):
        np.testing.assert_allclose(f, c, rtol=tol, atol=tol)
