"""``nn.SampledSoftmaxLoss`` and ``nn.MultiFieldEmbeddingLookup``: values MindSpore 2.10 on CPU
printed for the same calls (said at each), a NumPy oracle of the documented formulas elsewhere,
gradients against central finite differences in Float64, and bad arguments by error class."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops

_FLT_MAX = float(np.finfo(np.float32).max)
W = np.arange(28, dtype=np.float32).reshape(7, 4) / 10
B = np.arange(7, dtype=np.float32) / 7
X = np.array([[0.1, -0.2, 0.3, 0.4], [0.5, 0.1, -0.3, 0.2], [-0.4, 0.3, 0.2, -0.1]], np.float32)
LABELS = np.array([0, 3, 6], np.int32)


def _sampled(classes, true_count, sampled_count, dtype=ms.int32):
    return (Tensor(np.array(classes), dtype), Tensor(np.array(true_count, np.float32)),
            Tensor(np.array(sampled_count, np.float32)))


def _oracle(w, b, labels, x, sampled, true_count, sampled_count, remove):
    """TensorFlow's sampled softmax: logits x·w_c + b_c − log Q(c), accidental hits at −FLT_MAX,
    targets 1/num_true, loss −Σ t·log(softmax + 1e-20) (MindSpore's form)."""
    labels = labels.reshape(x.shape[0], -1)
    true = (x[:, None, :] * w[labels]).sum(-1) + b[labels] - np.log(true_count)
    samp = x @ w[sampled].T + b[sampled] - np.log(sampled_count)
    if remove:
        samp = samp + np.where((labels[:, :, None] == sampled[None, None, :]).any(1), -_FLT_MAX, 0)
    out = np.concatenate([true, samp], 1)
    p = np.exp(out - out.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    t = np.concatenate([np.full(labels.shape[1], 1 / labels.shape[1]), np.zeros(len(sampled))])
    return -(t * np.log(p + 1e-20)).sum(1)


def _numeric_grad(f, a, eps=1e-6):
    g = np.zeros_like(a)
    for i in np.ndindex(a.shape):
        hi, lo = a.copy(), a.copy()
        hi[i] += eps
        lo[i] -= eps
        g[i] = (f(hi) - f(lo)) / (2 * eps)
    return g


# --- SampledSoftmaxLoss ---------------------------------------------------------------------------

def test_sampled_softmax_matches_mindspore_without_hits():
    values = _sampled([1, 2, 4, 5], np.full((3, 1), 0.5), [0.5, 0.6, 0.7, 0.8])
    loss = nn.SampledSoftmaxLoss(4, 7, sampled_values=values)
    out = loss(Tensor(W), Tensor(B), Tensor(LABELS), Tensor(X))
    # MindSpore 2.10 on CPU printed [2.4681664 1.4684101 1.111432 ] (Float64: 2.4681672, ...).
    assert out.shape == (3,) and out.dtype == ms.float32
    assert np.allclose(out.asnumpy(), [2.4681664, 1.4684101, 1.111432], rtol=1e-6)
    # `reduction` (MindSpore 2.10 ignores it and prints the three losses for 'mean' too).
    for reduction, f in (("mean", np.mean), ("sum", np.sum)):
        reduced = nn.SampledSoftmaxLoss(4, 7, sampled_values=values, reduction=reduction)(
            Tensor(W), Tensor(B), Tensor(LABELS), Tensor(X))
        assert reduced.shape == () and np.isclose(reduced.asnumpy(), f(out.asnumpy()), rtol=1e-6)


def test_sampled_softmax_two_true_classes():
    labels = np.array([[0, 2], [3, 1], [6, 5]], np.int64)
    values = _sampled([4, 5, 1], np.full((3, 2), 0.4), [0.3, 0.6, 0.9], ms.int64)
    keep = nn.SampledSoftmaxLoss(3, 7, num_true=2, sampled_values=values, remove_accidental_hits=False)
    out = keep(Tensor(W), Tensor(B), Tensor(labels), Tensor(X)).asnumpy()
    # MindSpore 2.10 printed [2.2906058 1.938133 1.3700765] (it keeps accidental hits whatever
    # `remove_accidental_hits` says).
    assert np.allclose(out, [2.2906058, 1.938133, 1.3700765], rtol=2e-6)
    removed = nn.SampledSoftmaxLoss(3, 7, num_true=2, sampled_values=values)(
        Tensor(W), Tensor(B), Tensor(labels), Tensor(X)).asnumpy()
    expect = _oracle(W.astype(np.float64), B.astype(np.float64), labels, X.astype(np.float64),
                     np.array([4, 5, 1]), np.full((3, 2), 0.4), np.array([0.3, 0.6, 0.9]), True)
    assert np.allclose(removed, expect, rtol=1e-5)
    assert removed[0] == pytest.approx(out[0], rel=1e-6)  # row 0 has no accidental hit


def test_sampled_softmax_removes_accidental_hits():
    values = _sampled([1, 3, 4, 0], np.full((3, 1), 0.5), [0.5, 0.6, 0.7, 0.8])
    args = (Tensor(W), Tensor(B), Tensor(LABELS), Tensor(X))
    removed = nn.SampledSoftmaxLoss(4, 7, sampled_values=values)(*args).asnumpy()
    kept = nn.SampledSoftmaxLoss(4, 7, sampled_values=values, remove_accidental_hits=False)(*args).asnumpy()
    # Kept: MindSpore 2.10 printed [2.1997712 1.2717013 1.0418335] for either flag.
    assert np.allclose(kept, [2.1997712, 1.2717013, 1.0418335], rtol=1e-6)
    args64 = (W.astype(np.float64), B.astype(np.float64), LABELS, X.astype(np.float64),
              np.array([1, 3, 4, 0]), np.full((3, 1), 0.5), np.array([0.5, 0.6, 0.7, 0.8]))
    assert np.allclose(removed, _oracle(*args64, True), rtol=1e-5)
    assert removed[0] < kept[0] and removed[1] < kept[1] and removed[2] == pytest.approx(kept[2])


def test_sampled_softmax_gradients_float64():
    labels = np.array([[0, 2], [3, 1], [6, 5]], np.int64)
    values = (Tensor(np.array([4, 5, 1])), Tensor(np.full((3, 2), 0.4)), Tensor(np.array([0.3, 0.6, 0.9])))
    loss = nn.SampledSoftmaxLoss(3, 7, num_true=2, sampled_values=values, reduction="sum")
    w, b, x = (a.astype(np.float64) for a in (W, B, X))
    gw, gb, gx = ops.grad(lambda *a: loss(a[0], a[1], Tensor(labels), a[2]), grad_position=(0, 1, 2))(
        Tensor(w), Tensor(b), Tensor(x))
    def f(i):
        def run(v):
            args = [w, b, x]
            args[i] = v
            return loss(Tensor(args[0]), Tensor(args[1]), Tensor(labels), Tensor(args[2])).asnumpy()
        return run
    for g, i, a in ((gw, 0, w), (gb, 1, b), (gx, 2, x)):
        assert g.dtype == ms.float64
        assert np.allclose(g.asnumpy(), _numeric_grad(f(i), a), atol=1e-7)


def test_sampled_softmax_samples_when_no_values_given():
    a = nn.SampledSoftmaxLoss(4, 7, seed=3)(Tensor(W), Tensor(B), Tensor(LABELS), Tensor(X)).asnumpy()
    b = nn.SampledSoftmaxLoss(4, 7, seed=3)(Tensor(W), Tensor(B), Tensor(LABELS), Tensor(X)).asnumpy()
    assert a.shape == (3,) and np.isfinite(a).all() and (a >= 0).all() and (a == b).all()


def test_sampled_softmax_errors():
    values = _sampled([1, 2, 4, 5], np.full((3, 1), 0.5), [0.5, 0.6, 0.7, 0.8])
    loss = nn.SampledSoftmaxLoss(4, 7, sampled_values=values)
    with pytest.raises(TypeError):
        loss(Tensor(W), Tensor(B), Tensor([0., 1, 2]), Tensor(X))
    with pytest.raises(TypeError):
        loss(W, Tensor(B), Tensor(LABELS), Tensor(X))
    with pytest.raises(ValueError):
        loss(Tensor(W), Tensor(B), Tensor(LABELS[:2]), Tensor(X))
    with pytest.raises(IndexError):
        loss(Tensor(W), Tensor(B), Tensor(np.array([0, 3, 7], np.int32)), Tensor(X))
    with pytest.raises(ValueError):
        nn.SampledSoftmaxLoss(4, 7, sampled_values=[1, 2])
    with pytest.raises(TypeError):
        nn.SampledSoftmaxLoss(4, 7, sampled_values=3)
    with pytest.raises(ValueError):
        nn.SampledSoftmaxLoss(8, 7)
    with pytest.raises(ValueError):
        nn.SampledSoftmaxLoss(3, 7, num_true=0)
    with pytest.raises(ValueError):
        nn.SampledSoftmaxLoss(3, 7, seed=-1)
    with pytest.raises(ValueError):
        nn.SampledSoftmaxLoss(3, 7, reduction="x")
    with pytest.raises(TypeError):
        nn.SampledSoftmaxLoss(3.0, 7)


# --- MultiFieldEmbeddingLookup --------------------------------------------------------------------

IDS = np.array([[2, 4, 6, 0, 0], [1, 3, 5, 0, 0]], np.int32)
VALUES = np.array([[1, 2, 0.5, 0, 0], [1, -1, 3, 0, 0]], np.float32)
FIELDS = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 0, 0]], np.int32)
TABLE = np.arange(20, dtype=np.float32).reshape(10, 2) - 7
# MindSpore 2.10 on CPU printed these for MultiFieldEmbeddingLookup(10, 2, 3, param_init=TABLE,
# operator=...) of IDS, VALUES, FIELDS (MAX printed -0. for the empty fields).
_PRINTED = {
    "SUM": [[[-3.0, -2.0], [4.5, 7.0], [0.0, 0.0]], [[-4.0, -4.0], [9.0, 12.0], [0.0, 0.0]]],
    "MEAN": [[[-3.0, -2.0], [1.8, 2.8], [0.0, 0.0]], [[-2.0, -2.0], [3.0, 4.0], [0.0, 0.0]]],
    "MAX": [[[-3.0, -2.0], [2.5, 4.0], [0.0, 0.0]], [[1.0, 0.0], [9.0, 12.0], [0.0, 0.0]]],
}


def _lookup(operator, table=TABLE, **kw):
    net = nn.MultiFieldEmbeddingLookup(10, 2, 3, param_init=Tensor(table), operator=operator, **kw)
    return net(Tensor(IDS), Tensor(VALUES), Tensor(FIELDS))


@pytest.mark.parametrize("operator", ["SUM", "MEAN", "MAX"])
def test_multi_field_matches_mindspore(operator):
    out = _lookup(operator)
    assert out.shape == (2, 3, 2) and out.dtype == ms.float32
    assert np.allclose(out.asnumpy(), _PRINTED[operator])
    assert np.allclose(_lookup(operator, target="DEVICE").asnumpy(), _PRINTED[operator])


def test_multi_field_ones_out_of_range_ids_and_max_norm():
    net = nn.MultiFieldEmbeddingLookup(10, 2, 2, param_init="ones")
    out = net(Tensor(IDS), Tensor(VALUES), Tensor(FIELDS))
    # MindSpore 2.10 printed [[[1. 1.] [2.5 2.5]] [[0. 0.] [3. 3.]]].
    assert out.asnumpy().tolist() == [[[1.0, 1.0], [2.5, 2.5]], [[0.0, 0.0], [3.0, 3.0]]]
    far = net(Tensor([[12, -1]], ms.int32), Tensor([[1., 1.]]), Tensor([[0, 1]], ms.int32))
    assert (far.asnumpy() == 0).all()  # ids outside the table look up zeros, as MindSpore's CPU
    # max_norm: every looked-up row scaled to norm at most 3 (MindSpore 2.10 scales some rows by
    # other rows' norms here).
    rows = TABLE[IDS]
    norm = np.linalg.norm(rows, axis=-1, keepdims=True)
    rows = rows * np.where(norm > 3, 3 / norm, 1)
    emb = VALUES[..., None] * rows
    expect = np.stack([[emb[b][FIELDS[b] == f].sum(0) for f in range(3)] for b in range(2)])
    assert np.allclose(_lookup("SUM", max_norm=3.0).asnumpy(), expect, rtol=1e-6)


@pytest.mark.parametrize("operator", ["SUM", "MEAN", "MAX"])
def test_multi_field_table_gradient_float64(operator):
    net = nn.MultiFieldEmbeddingLookup(10, 2, 3, param_init=Tensor(TABLE.astype(np.float64)),
                                       operator=operator, dtype=ms.float64)
    weights = np.random.default_rng(1).standard_normal((2, 3, 2))
    args = (Tensor(IDS), Tensor(VALUES), Tensor(FIELDS))
    g = ops.grad(lambda i: (net(i, *args[1:]) * Tensor(weights)).sum(), grad_position=None,
                 weights=net.trainable_params())(args[0])[0]

    def f(table):
        other = nn.MultiFieldEmbeddingLookup(10, 2, 3, param_init=Tensor(table), operator=operator,
                                             dtype=ms.float64)
        return (other(*args).asnumpy() * weights).sum()
    assert np.allclose(g.asnumpy(), _numeric_grad(f, TABLE.astype(np.float64)), atol=1e-6)


def test_multi_field_errors():
    net = nn.MultiFieldEmbeddingLookup(10, 2, 2, param_init=Tensor(TABLE))
    ids, values, fields = Tensor(IDS), Tensor(VALUES), Tensor(FIELDS)
    with pytest.raises(TypeError):
        net(ids, values, fields.astype(ms.int64))
    with pytest.raises(TypeError):
        net(ids, values.astype(ms.float64), fields)
    with pytest.raises(ValueError):
        net(ids[0], values[0], fields[0])
    with pytest.raises(ValueError):
        net(ids, values[:, :3], fields)
    with pytest.raises(IndexError):  # MindSpore moves such an entry into the next example
        net(Tensor([[1, 2], [3, 4]], ms.int32), Tensor([[1., 1.], [1., 1.]]),
            Tensor([[0, 2], [0, 0]], ms.int32))
    with pytest.raises(ValueError):
        nn.MultiFieldEmbeddingLookup(10, 2, 2, operator="MIN")
    with pytest.raises(ValueError):
        nn.MultiFieldEmbeddingLookup(10, 2, 0)
    with pytest.raises(ValueError):
        nn.MultiFieldEmbeddingLookup(10, 2, 2, sparse=False)
    with pytest.raises(ValueError):
        nn.MultiFieldEmbeddingLookup(10, 2, 2, slice_mode="field_slice")
    with pytest.raises(TypeError):
        nn.MultiFieldEmbeddingLookup(10, 2, 2, feature_num_list=[1])
    with pytest.raises(TypeError):
        nn.MultiFieldEmbeddingLookup(10, 2.0, 2)
    with pytest.raises(ValueError):
        nn.MultiFieldEmbeddingLookup(10, 2, 2, param_init=Tensor(TABLE[:5]))


def test_multifield_lookup_checks_ranks_before_dtypes():
    net = nn.MultiFieldEmbeddingLookup(100, 8, 3)
    ids = ms.Tensor(np.ones((2, 4)), ms.int16)
    values = ms.Tensor(np.ones((2,)), ms.float32)
    fields = ms.Tensor(np.ones((2, 4)), ms.int16)
    with pytest.raises(ValueError, match="'input_values' must be 2-D"):
        net(ids, values, fields)
    with pytest.raises(TypeError, match="'input_indices' must have a dtype"):
        net(ids, ms.Tensor(np.ones((2, 4)), ms.float32), fields)
