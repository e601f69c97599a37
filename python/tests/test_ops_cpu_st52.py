"""Ops that MindSpore's CPU operator system tests (``tests/st/ops/cpu``) call, with values
computed with NumPy or measured on MindSpore 2.10 for the same calls (different inputs from those
tests): the KL-divergence loss on non-positive targets, Tensor-valued begin/end/shape arguments,
negative scatter indices, LpNorm over several axes, PReLU, TopK unsorted, the backward
primitives of ``_grad_ops``, ``nn_ops.Dense``, the fused sparse optimizers, SparseApplyRMSProp's
rounding, and the half-precision ops MindSpore computes in Float32 (or, for CumSum, in Float16)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, ops
from easy_mindspore.ops import operations as P
from easy_mindspore.ops.operations import _grad_ops as G
from easy_mindspore.ops.operations import nn_ops


def close(t, want, tol=1e-5):
    np.testing.assert_allclose(t.asnumpy(), np.asarray(want), rtol=tol, atol=tol)


# -- KLDivLoss: labels <= 0 contribute 0 (MindSpore's kernel) --------------------------------
def test_kl_div_non_positive_labels_are_zero():
    x = np.log(np.array([[0.2, 0.8], [0.6, 0.4]], np.float32))
    t = np.array([[-0.5, 0.75], [0.0, 0.25]], np.float32)
    want = np.where(t > 0, t * (np.log(np.where(t > 0, t, 1)) - x), 0).astype(np.float32)
    close(P.KLDivLoss("none")(Tensor(x), Tensor(t)), want)
    close(ops.kl_div(Tensor(x), Tensor(t), "sum"), want.sum())
    close(P.KLDivLoss("batchmean")(Tensor(x), Tensor(t)), want.sum() / 2)
    # d/dx of t·(log t − x) is −t where t > 0, and 0 where the loss is the constant 0.
    g = ms.grad(lambda a: P.KLDivLoss("sum")(a, Tensor(t)))(Tensor(x))
    close(g, np.where(t > 0, -t, 0))


# -- begin/end/strides/size/shape given as int Tensors -----------------------------------------
def test_slices_and_reshape_take_int_tensors():
    x = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    xs = x.asnumpy()
    out = P.StridedSlice()(x, Tensor([1, 0, 1], ms.int64), Tensor([2, 3, 4], ms.int64),
                           Tensor([1, 2, 2], ms.int32))
    close(out, xs[1:2, 0:3:2, 1:4:2])
    close(ops.strided_slice(x, Tensor([0, 1, 0]), Tensor([2, 2, 3]), Tensor([1, 1, 1])), xs[:, 1:2, :3])
    close(P.Slice()(x, Tensor([1, 1, 2]), Tensor([1, 2, 2])), xs[1:2, 1:3, 2:4])
    assert P.Reshape()(x, Tensor([4, 6])).shape == (4, 6)
    assert ops.reshape(x, Tensor([-1, 8], ms.int32)).shape == (3, 8)


# -- TensorScatterElements: negative indices count from the end -------------------------------
@pytest.mark.parametrize("reduction", ["none", "add"])
@pytest.mark.parametrize("axis", [0, 1, -1])
def test_tensor_scatter_elements_negative_indices(reduction, axis):
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    idx = np.array([[-1, 0, 2], [1, -3, -2]], np.int32)
    upd = np.array([[10, 20, 30], [40, 50, 60]], np.float32)
    want = x.copy()
    ax = axis % 2
    for i in range(2):
        for j in range(3):
            pos = [i, j]
            pos[ax] = idx[i, j] % x.shape[ax]
            if reduction == "add":
                want[tuple(pos)] += upd[i, j]
            else:
                want[tuple(pos)] = upd[i, j]
    out = P.TensorScatterElements(axis, reduction)(Tensor(x), Tensor(idx), Tensor(upd))
    close(out, want)
    close(ops.tensor_scatter_elements(Tensor(x), Tensor(idx), Tensor(upd), axis, reduction), want)


# -- LpNorm: a vector norm over all of `axis` ------------------------------------------------
@pytest.mark.parametrize("p", [1, 2, 3])
def test_lp_norm_over_two_axes_is_a_vector_norm(p):
    x = np.random.default_rng(3).standard_normal((3, 4, 5)).astype(np.float32)
    want = (np.abs(x) ** p).sum(axis=(0, 2)) ** (1.0 / p)
    close(P.LpNorm([0, 2], p)(Tensor(x)), want, 1e-4)
    close(P.LpNorm((0, 1), p, True)(Tensor(x)), ((np.abs(x) ** p).sum((0, 1), keepdims=True)) ** (1 / p),
          1e-4)


# -- PReLU ----------------------------------------------------------------------------------------
def test_prelu_scalar_input_and_slope_derivative_at_zero():
    out = ops.prelu(Tensor(np.float32(-1.5)), Tensor([0.2], ms.float32))
    assert out.shape == ()
    close(out, -0.3)
    x = Tensor([-2.0, 0.0, 3.0])
    dx, dw = ms.grad(lambda a, w: ops.prelu(a, w).sum(), grad_position=(0, 1))(x, Tensor([0.25]))
    close(dx, [0.25, 0.25, 1.0])  # at 0 the slope, as MindSpore's PReLUGrad
    close(dw, [-2.0])


# -- TopK(sorted=False): index order --------------------------------------------------------
def test_topk_unsorted_keeps_index_order():
    x = Tensor([[0.3, 0.9, 0.1, 0.5, 0.7], [5.0, 1.0, 4.0, 2.0, 3.0]])
    values, indices = P.TopK(sorted=False)(x, 3)
    np.testing.assert_array_equal(indices.asnumpy(), [[1, 3, 4], [0, 2, 4]])
    close(values, [[0.9, 0.5, 0.7], [5.0, 4.0, 3.0]])
    values, indices = ops.topk(x, 5, sorted=False)
    close(values, x.asnumpy())
    values, _ = ops.topk(x, 2)
    close(values, [[0.9, 0.7], [5.0, 4.0]])


# -- the backward primitives (values measured on MindSpore 2.10 for these inputs) ---------------
X = Tensor([-0.6, 0.1, 0.45, 0.0])
Y = Tensor([1.2, 2.5, 4.0, 1.75])
D = Tensor([2.0, -1.0, 0.5, 3.0])


@pytest.mark.parametrize("name, call, want", [
    ("InvGrad", lambda: G.InvGrad()(Y, D), -D.asnumpy() * Y.asnumpy() ** 2),
    ("AtanGrad", lambda: G.AtanGrad()(X, D), D.asnumpy() / (1 + X.asnumpy() ** 2)),
    ("AsinGrad", lambda: G.AsinGrad()(X, D), D.asnumpy() / np.sqrt(1 - X.asnumpy() ** 2)),
    ("ACosGrad", lambda: G.ACosGrad()(X, D), -D.asnumpy() / np.sqrt(1 - X.asnumpy() ** 2)),
    ("AcoshGrad", lambda: G.AcoshGrad()(Y, D), D.asnumpy() / np.sinh(Y.asnumpy())),
    ("AsinhGrad", lambda: G.AsinhGrad()(X, D), D.asnumpy() / np.cosh(X.asnumpy())),
    ("EluGrad", lambda: G.EluGrad()(D, X), np.where(X.asnumpy() < 0, D.asnumpy() * (X.asnumpy() + 1),
                                                    D.asnumpy())),
    ("HShrinkGrad", lambda: G.HShrinkGrad(0.2)(D, X), [2.0, 0.0, 0.5, 0.0]),
    ("SoftShrinkGrad", lambda: G.SoftShrinkGrad(0.5)(D, X), [2.0, 0.0, 0.0, 0.0]),
    ("SoftplusGrad", lambda: G.SoftplusGrad()(D, X), D.asnumpy() / (1 + np.exp(-X.asnumpy()))),
    ("DropoutGrad", lambda: G.DropoutGrad(0.25)(D, Tensor([1.0, 0.0, 0.0, 1.0])), [8.0, 0, 0, 12.0]),
    ("SigmoidCrossEntropyWithLogitsGrad",
     lambda: G.SigmoidCrossEntropyWithLogitsGrad()(X, Tensor([1.0, 0.0, 0.5, 1.0]), D),
     (1 / (1 + np.exp(-X.asnumpy())) - [1.0, 0.0, 0.5, 1.0]) * D.asnumpy()),
])
def test_grad_primitives_closed_forms(name, call, want):
    close(call(), np.asarray(want, np.float32))


def test_kl_div_loss_grad_reductions():
    t = Tensor([[-1.0, 0.5], [2.0, 0.0]])
    x = Tensor([[0.1, 0.2], [0.3, 0.4]])
    close(G.KLDivLossGrad("none")(Tensor([[1.0, 2.0], [3.0, 4.0]]), x, t), [[1.0, -1.0], [-6.0, 0.0]])
    close(G.KLDivLossGrad("mean")(Tensor(2.0), x, t), [[0.5, -0.25], [-1.0, 0.0]])
    close(G.KLDivLossGrad("batchmean")(Tensor(2.0), x, t), [[1.0, -0.5], [-2.0, 0.0]])
    with pytest.raises(ValueError):
        G.KLDivLossGrad("max")(Tensor(2.0), x, t)


def test_inv_grad_integers_and_complex():
    np.testing.assert_array_equal(G.InvGrad()(Tensor([2, -3], ms.int32), Tensor([1, 2], ms.int32)).asnumpy(),
                                  [-4, -18])
    y = np.array([1 + 2j, -0.5j], np.complex64)
    close(G.InvGrad()(Tensor(y), Tensor(np.ones(2, np.complex64))), -np.conj(y * y))


def test_l2_normalize_and_layer_norm_grads_match_autodiff():
    rng = np.random.default_rng(5)
    x = Tensor(rng.standard_normal((3, 4)).astype(np.float32))
    dout = Tensor(rng.standard_normal((3, 4)).astype(np.float32))
    out, back = ms.vjp(lambda a: ops.L2Normalize(1, 1e-12)(a), x)
    close(G.L2NormalizeGrad(1, 1e-12)(x, out, dout), back(dout)[0], 1e-4)
    gamma = Tensor(rng.standard_normal(4).astype(np.float32))
    beta = Tensor(np.zeros(4, np.float32))
    _, mean, var = P.LayerNorm(1, 1, 1e-12)(x, gamma, beta)
    dx, dg, db = G.LayerNormGrad(1, 1)(x, dout, var, mean, gamma)
    _, back = ms.vjp(lambda a, g, b: P.LayerNorm(1, 1, 1e-12)(a, g, b)[0], x, gamma, beta)
    want = back(dout)
    for got, ref in zip((dx, dg, db), want):
        close(got, ref, 1e-3)


def test_slice_grads_scatter_into_zeros():
    dy = Tensor([[1.0, 2.0, 3.0]])
    close(G.SliceGrad()(dy, ops.zeros((3, 4)), (2, 1), (1, 3)),
          [[0, 0, 0, 0], [0, 0, 0, 0], [0, 1, 2, 3]])
    close(G.StridedSliceGrad()(Tensor([5.0, 6.0]), (2, 4), (0, 0), (1, 4), (1, 2)),
          [[5, 0, 6, 0], [0, 0, 0, 0]])  # dy of 2 elements for the (1, 2) output


# -- nn_ops.Dense -------------------------------------------------------------------------------
def test_nn_ops_dense():
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    w = np.array([[1, 0, 2], [0.5, -1, 1]], np.float32)
    b = np.array([0.25, -2], np.float32)
    close(nn_ops.Dense()(Tensor(x), Tensor(w), Tensor(b)), x @ w.T + b)
    close(nn_ops.Dense()(Tensor(x[0]), Tensor(w[0]), Tensor(np.float32(1.0))), x[0] @ w[0] + 1)


# -- the fused sparse optimizers (values MindSpore 2.10 writes for these calls) --------------
def rows():
    return (Parameter(Tensor(np.array([[1., 2.], [3., 4.], [5., 6.]], np.float32)), name="w"),
            Parameter(Tensor(np.full((3, 2), 0.1, np.float32)), name="a"),
            Parameter(Tensor(np.full((3, 2), 0.2, np.float32)), name="b"))


GRAD = Tensor([[0.1, 0.2], [0.3, -0.4], [0.5, 0.5]])
IDX = Tensor([0, 2, 0], ms.int32)


def test_fused_sparse_adam_updates_every_row():
    w, m, v = rows()
    P.FusedSparseAdam()(w, m, v, 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, GRAD, IDX)
    close(w, [[0.99894, 1.99887], [2.99936, 3.99936], [4.99915, 5.99965]], 1e-5)
    close(m, [[0.15, 0.16], [0.09, 0.09], [0.12, 0.05]])
    w, m, v = rows()
    P.FusedSparseAdam(use_nesterov=True)(w, m, v, 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, GRAD, IDX)
    close(w, [[0.99862, 1.99849], [3.0, 4.0], [4.99902, 5.99996]], 1e-5)


def test_fused_sparse_lazy_adam_ftrl_proximal_adagrad():
    w, m, v = rows()
    P.FusedSparseLazyAdam()(w, m, v, 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, GRAD, IDX)
    close(w, [[0.99894, 1.99887], [3.0, 4.0], [4.99915, 5.99965]], 1e-5)
    close(v, [[0.20016, 0.20029], [0.2, 0.2], [0.19989, 0.19996]], 1e-5)
    w, a, lin = rows()
    P.FusedSparseFtrl(0.1, 0.01, 0.02, -0.5)(w, a, lin, GRAD, IDX)
    close(w, [[0.41189, 1.05266], [3.0, 4.0], [1.2442, 2.29819]], 1e-4)
    close(lin, [[-2.82005, -8.13774], [0.2, 0.2], [-5.48311, -11.82045]], 1e-4)
    w, a, _ = rows()
    P.FusedSparseProximalAdagrad()(w, a, Tensor(0.1), Tensor(0.01), Tensor(0.02), GRAD, IDX)
    close(w, [[0.90738, 1.90261], [3.0, 4.0], [4.90637, 6.05274]], 1e-5)
    with pytest.raises(IndexError):
        P.FusedSparseLazyAdam()(*rows(), 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, GRAD,
                                Tensor([0, 3, 1], ms.int32))


def test_sparse_apply_rms_prop_keeps_ms_where_grad_is_zero():
    var = Parameter(Tensor(np.array([[0.6, 0.3], [0.1, 0.5]], np.float32)), name="var")
    s = Parameter(Tensor(np.array([[0.2, 0.4], [0.1, 0.3]], np.float32)), name="s")
    mom = Parameter(Tensor(np.array([[0.3, 0.1], [0.3, 0.6]], np.float32)), name="mom")
    out = P.SparseApplyRMSProp(0.2, 0.01, 1e-6)(var, s, mom, 0.01, Tensor([[0.0, 0.5], [0.0, 0.0]]),
                                                 Tensor([0, 1], ms.int32))
    close(out[1], [[0.2, 0.28], [0.1, 0.3]])
    close(out[0], [[0.597, 0.28955093], [0.097, 0.494]])


# -- dtypes and argument forms MindSpore's kernels take ---------------------------------------
def test_check_valid_int16_boxes():
    boxes = Tensor(np.array([[2, 3, 30, 9], [0, 0, 39, 10], [-1, 0, 5, 5]], np.int16))
    out = P.CheckValid()(boxes, Tensor(np.array([10, 20, 2], np.int16)))
    np.testing.assert_array_equal(out.asnumpy(), [True, True, False])


def test_inplace_update_tensor_indices_and_unique_with_pad_float():
    x = Tensor(np.zeros((3, 2), np.float32))
    out = ops.inplace_update(x, Tensor([[1.0, 2.0], [3.0, 4.0]]), Tensor([2, 0], ms.int32))
    close(out, [[3, 4], [0, 0], [1, 2]])
    y, idx = P.UniqueWithPad()(Tensor([2.5, -1.0, 2.5, 7.0], ms.float32), -9.0)
    close(y, [2.5, -1.0, 7.0, -9.0])
    assert idx.dtype == ms.int32
    np.testing.assert_array_equal(idx.asnumpy(), [0, 1, 0, 2])


def test_multinomial_with_replacement_tensor_seed():
    out = ops.multinomial_with_replacement(Tensor(np.ones((2, 4), np.float32)), Tensor([7]),
                                           Tensor([3]), 6, True)
    assert out.shape == (2, 6) and out.dtype == ms.int64
    assert ((out.asnumpy() >= 0) & (out.asnumpy() < 4)).all()
    with pytest.raises(TypeError):
        ops.multinomial_with_replacement(Tensor(np.ones((2, 4), np.float32)), Tensor([7.5]),
                                         Tensor([3]), 6, True)


# -- half precision as MindSpore's kernels round it --------------------------------------------
def test_half_precision_rounding():
    rng = np.random.default_rng(11)
    x = rng.standard_normal((20, 9)).astype(np.float16)
    x32 = x.astype(np.float32)
    shifted = x32 - x32.max(-1, keepdims=True)
    want = (shifted - np.log(np.exp(shifted).sum(-1, keepdims=True))).astype(np.float16)
    got = P.LogSoftmax()(Tensor(x)).asnumpy()
    assert np.abs(got.astype(np.float32) - want.astype(np.float32)).max() <= 2e-3
    assert (got == want).mean() > 0.95  # one rounding, in Float32
    # CumSum adds Float16 in Float16, as MindSpore's kernel and NumPy do.
    np.testing.assert_array_equal(ops.cumsum(Tensor(x), 1).asnumpy(), np.cumsum(x, 1))
    np.testing.assert_array_equal(P.CumSum()(Tensor(x), 0).asnumpy(), np.cumsum(x, 0))
    r = P.ResizeLinear1D("align_corners")(Tensor(x[None, :2, :4]), (7,)).asnumpy()
    pos = np.arange(7) * 3 / 6
    lo = np.floor(pos).astype(int)
    hi = np.minimum(lo + 1, 3)
    frac = (pos - lo).astype(np.float32)
    ref = (x32[:2, lo] * (1 - frac) + x32[:2, hi] * frac).astype(np.float16)
    assert np.abs(r[0].astype(np.float32) - ref.astype(np.float32)).max() <= 1e-3


# -- more kernels and MindSpore's errors ------------------------------------------------------
def test_lrn_grad_and_max_pool_grad_with_argmax_v2():
    x = Tensor(np.arange(1.0, 7.0, dtype=np.float32).reshape(1, 6, 1, 1))
    dy = Tensor(np.linspace(-1, 1, 6, dtype=np.float32).reshape(1, 6, 1, 1))
    lrn = P.LRN(2, 1.5, 0.3, 0.75)
    _, back = ms.vjp(lrn, x)
    close(G.LRNGrad(2, 1.5, 0.3, 0.75)(dy, x, lrn(x)), back(dy)[0], 1e-5)
    out = G.MaxPoolGradWithArgmaxV2(2, 2)(ops.zeros((1, 2, 2, 3)), Tensor([[[[1.0]], [[2.0]]]]),
                                          Tensor([[[[4]], [[0]]]], ms.int32))
    close(out, [[[[0, 0, 0], [0, 1, 0]], [[2, 0, 0], [0, 0, 0]]]])


def test_atan_and_matrix_solve_complex():
    z = np.array([0.5 - 1.5j, -2 + 0.25j, 0.1j], np.complex64)
    close(ops.atan(Tensor(z)), np.arctan(z), 1e-5)
    a = np.array([[2 + 1j, 0.5], [1j, 3 - 1j]], np.complex128)
    b = np.array([[1 - 1j], [2 + 0j]], np.complex128)
    close(P.MatrixSolve()(Tensor(a), Tensor(b)), np.linalg.solve(a, b), 1e-10)
    close(P.MatrixSolve(adjoint=True)(Tensor(a), Tensor(b)), np.linalg.solve(a.conj().T, b), 1e-10)


def test_errors_as_mindspore_raises_them():
    with pytest.raises(RuntimeError, match="'x1' must have the same shape as 'x2'"):
        P.ApproximateEqual(0.5)(Tensor([1.0, 2.0]), Tensor([1.0]))
    with pytest.raises(TypeError, match="the type of 'tolerance' should be 'float'"):
        P.ApproximateEqual(1)(Tensor([1.0]), Tensor([1.0]))
    with pytest.raises(RuntimeError, match="should be in the range"):
        Tensor(np.arange(5.0)).gather(Tensor([1, 7]), 0)
    with pytest.raises(RuntimeError, match="should be less than 2"):
        P.CTCGreedyDecoder()(Tensor(np.zeros((2, 1, 3))), Tensor([3], ms.int32))
    with pytest.raises(TypeError):
        P.SquareSumAll()(Tensor([1.0], ms.float16), Tensor([1.0], ms.float32))
    with pytest.raises(ValueError):
        P.SquareSumAll()(Tensor([1.0, 2.0]), Tensor([1.0]))


def test_edge_inputs():
    x = Tensor(np.zeros((3, 0, 4), np.float32))
    assert ops.glu(x, 1).shape == (3, 0, 4)
    out = ops.unsorted_segment_min(Tensor(np.array([5, 7], np.uint64)), Tensor([0, 0], ms.int32), 2)
    np.testing.assert_array_equal(out.asnumpy(), np.array([5, np.iinfo(np.uint64).max], np.uint64))
    # Conv2DBackpropFilter reads the channels and the kernel off `filter_size`.
    xs = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    got = G.Conv2DBackpropFilter(7, 1)(ops.ones((1, 1, 2, 2)), xs, (1, 1, 3, 3))
    close(got, [[[[10, 14, 18], [26, 30, 34], [42, 46, 50]]]])


def test_a_user_shift_primitive_runs_mindspores_kernel():
    class Shift(ops.PrimitiveWithInfer):
        """MindSpore's CPU ``Shift`` kernel, reached through a primitive of that name."""

        @ops.prim_attr_register
        def __init__(self, periods=1, axis=-1):
            self.init_prim_io_names(inputs=["x", "fill_value"], outputs=["output"])

    a = np.arange(12, dtype=np.float32).reshape(3, 4)
    close(Shift(2, 1)(Tensor(a), 9.0), np.concatenate([np.full((3, 2), 9.0), a[:, :2]], 1))
    close(Shift(-1, 0)(Tensor(a), -1.0), np.concatenate([a[1:], np.full((1, 4), -1.0)], 0))
    close(Shift(0, 0)(Tensor(a), 0.0), a)
    close(Shift(5, 0)(Tensor(a), 3.0), np.full((3, 4), 3.0))
