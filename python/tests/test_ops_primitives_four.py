"""``ops.operations`` part four (``_operations_four``): each primitive class called as MindSpore
model code calls it, against the values (and dtypes, and return structures) MindSpore 2.10
printed for the same calls; the in-place updates of Parameters; bad arguments."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor
from easy_mindspore import ops as P

x = Tensor(np.array([[1., -2., 0.], [3., 0.5, -1.]], np.float32))
y = Tensor(np.array([[2., 0., 1.], [0., 4., -3.]], np.float32))
d = Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 2, 2))

# (label, call, MindSpore's dtype ('tuple': a tuple of (dtype, values); None: a Python value),
#  MindSpore's values)
CASES = [
    ('SquaredDifference', lambda: P.SquaredDifference()(x, y), 'float32', [[1.0, 4.0, 1.0], [9.0, 12.25, 4.0]]),
    ('DivNoNan', lambda: P.DivNoNan()(x, y), 'float32', [[0.5, 0.0, 0.0], [0.0, 0.125, 0.33329999446868896]]),
    ('MulNoNan', lambda: P.MulNoNan()(Tensor([np.inf, np.nan, 2.]), Tensor([0., 0., 3.])), 'float32', [0.0, 0.0, 6.0]),
    ('Rint', lambda: P.Rint()(Tensor([0.5, 1.5, 2.5, -0.5, -1.7])), 'float32', [0.0, 2.0, 2.0, -0.0, -2.0]),
    ('L2Loss', lambda: P.L2Loss()(x), 'float32', 7.625),
    ('SCEWL', lambda: P.SigmoidCrossEntropyWithLogits()(x, Tensor(np.array([[1, 0, 1], [0, 1, 0.5]], np.float32))), 'float32', [[0.3133000135421753, 0.12690000236034393, 0.6930999755859375], [3.0485999584198, 0.4740999937057495, 0.8133000135421753]]),
    ('BCEWL', lambda: P.BCEWithLogitsLoss()(x, Tensor(np.array([[1, 0, 1], [0, 1, 0.5]], np.float32)), Tensor([1., 2., 1.]), Tensor([1., 1., 2.])), 'float32', 1.2367000579833984),
    ('KLDivLoss', lambda: P.KLDivLoss()(x, Tensor(np.array([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]], np.float32))), 'float32', -0.3046000003814697),
    ('KLDivLoss bm', lambda: P.KLDivLoss('batchmean')(x, Tensor(np.array([[0.2, 0.3, 0.5], [0.1, 0.6, 0.3]], np.float32))), 'float32', -0.9138000011444092),
    ('NLLLoss', lambda: P.NLLLoss()(x, Tensor([0, 2], ms.int32), Tensor([1., 2., 3.])), 'tuple', [('float32', 0.5), ('float32', 4.0)]),
    ('NLLLoss sum ign', lambda: P.NLLLoss('sum', ignore_index=2)(x, Tensor([0, 2], ms.int32), Tensor([1., 2., 3.])), 'tuple', [('float32', -1.0), ('float32', 1.0)]),
    ('SquareSumAll', lambda: P.SquareSumAll()(x, y), 'tuple', [('float32', 15.25), ('float32', 30.0)]),
    ('CumLSE', lambda: P.CumulativeLogsumexp()(x, Tensor(1)), 'float32', [[1.0, 1.0485999584197998, 1.3489999771118164], [3.0, 3.078900098800659, 3.0957000255584717]]),
    ('CumLSE ex rev', lambda: P.CumulativeLogsumexp(True, True)(x, Tensor(1)), 'float32', [[0.12690000236034393, 0.0, -np.inf], [0.7013999819755554, -1.0, -np.inf]]),
    ('DepthToSpace', lambda: P.DepthToSpace(2)(d), 'float32', [[[[0.0, 4.0, 1.0, 5.0], [8.0, 12.0, 9.0, 13.0], [2.0, 6.0, 3.0, 7.0], [10.0, 14.0, 11.0, 15.0]]]]),
    ('SpaceToDepth', lambda: P.SpaceToDepth(2)(Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))), 'float32', [[[[0.0, 2.0], [8.0, 10.0]], [[1.0, 3.0], [9.0, 11.0]], [[4.0, 6.0], [12.0, 14.0]], [[5.0, 7.0], [13.0, 15.0]]]]),
    ('DiagPart', lambda: P.DiagPart()(Tensor(np.arange(9, dtype=np.float32).reshape(3, 3))), 'float32', [0.0, 4.0, 8.0]),
    ('DiagPart4', lambda: P.DiagPart()(Tensor(np.arange(16, dtype=np.float32).reshape(2, 2, 2, 2))), 'float32', [[0.0, 5.0], [10.0, 15.0]]),
    ('EmbeddingLookup', lambda: P.EmbeddingLookup()(Tensor(np.arange(8, dtype=np.float32).reshape(4, 2)), Tensor([[5, 2], [8, 3]], ms.int32), 4), 'float32', [[[2.0, 3.0], [0.0, 0.0]], [[0.0, 0.0], [0.0, 0.0]]]),
    ('EqualCount', lambda: P.EqualCount()(x, Tensor(np.array([[1., 0, 0], [3, 1, 1]], np.float32))), 'float32', [3.0]),
    ('Histogram', lambda: P.Histogram(bins=4, min=-2.0, max=3.0)(x), 'float32', [2.0, 1.0, 2.0, 1.0]),
    ('LpNorm', lambda: P.LpNorm(axis=[1], p=1)(x), 'float32', [3.0, 4.5]),
    ('MatrixTriangularSolve', lambda: P.MatrixTriangularSolve()(Tensor(np.array([[2., 0], [1, 4]], np.float32)), Tensor(np.array([[2.], [9.]], np.float32))), 'float32', [[1.0], [2.0]]),
    ('MTS adj', lambda: P.MatrixTriangularSolve(lower=False, adjoint=True)(Tensor(np.array([[2., 1], [0, 4]], np.float32)), Tensor(np.array([[2.], [9.]], np.float32))), 'float32', [[1.0], [2.0]]),
    ('Median', lambda: P.Median()(x), 'tuple', [('float32', [1.0, -2.0, -1.0]), ('int64', [0, 0, 1])]),
    ('Median g', lambda: P.Median(global_median=True)(x), 'tuple', [('float32', 0.0), ('int64', 0)]),
    ('Median ax1 kd', lambda: P.Median(axis=1, keep_dims=True)(x), 'tuple', [('float32', [[0.0], [0.5]]), ('int64', [[2], [1]])]),
    ('Meshgrid', lambda: P.Meshgrid()((Tensor([1, 2, 3]), Tensor([4, 5]))), 'tuple', [('int64', [[1, 2, 3], [1, 2, 3]]), ('int64', [[4, 4, 4], [5, 5, 5]])]),
    ('ReduceStd', lambda: P.ReduceStd(axis=1)(x), 'tuple', [('float32', [1.527500033378601, 2.020699977874756]), ('float32', [-0.33329999446868896, 0.833299994468689])]),
    ('ReduceStd all', lambda: P.ReduceStd(unbiased=False)(x), 'tuple', [('float32', 1.5744999647140503), ('float32', 0.25)]),
    ('SearchSorted', lambda: P.SearchSorted()(Tensor([1., 3., 5., 7.]), Tensor([3., 6., 9.])), 'int64', [1, 3, 4]),
    ('TSE', lambda: P.TensorScatterElements(axis=1, reduction='add')(x, Tensor([[0, 0], [2, 1]], ms.int32), Tensor([[1., 2.], [3., 4.]])), 'float32', [[4.0, -2.0, 0.0], [3.0, 4.5, 2.0]]),
    ('UnravelIndex', lambda: P.UnravelIndex()(Tensor([5, 7], ms.int32), Tensor([3, 4], ms.int32)), 'int32', [[1, 1], [1, 3]]),
    ('InvertPermutation', lambda: P.InvertPermutation()((3, 4, 0, 2, 1)), None, [2, 4, 3, 0, 1]),
    ('Ger', lambda: P.Ger()(Tensor([1., 2.]), Tensor([3., 4., 5.])), 'float32', [[3.0, 4.0, 5.0], [6.0, 8.0, 10.0]]),
    ('FillDiagonal', lambda: P.FillDiagonal(9.0)(Tensor(np.zeros((5, 3), np.float32))), 'float32', [[9.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 9.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]),
    ('FillDiagonal wrap', lambda: P.FillDiagonal(9.0, wrap=True)(Tensor(np.zeros((7, 3), np.float32))), 'float32', [[9.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 9.0], [0.0, 0.0, 0.0], [9.0, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 9.0]]),
    ('FillV2', lambda: P.FillV2()(Tensor([2, 3], ms.int32), Tensor(1.5)), 'float32', [[1.5, 1.5, 1.5], [1.5, 1.5, 1.5]]),
    ('Bincount', lambda: P.Bincount()(Tensor([1, 1, 3], ms.int32), Tensor(5, ms.int32), Tensor([0.5, 1., 2.])), 'float32', [0.0, 1.5, 0.0, 2.0, 0.0]),
    ('IndexPut', lambda: P.IndexPut()(x, Tensor([7.]), (Tensor([0, 1], ms.int32), Tensor([2, 0], ms.int32))), 'float32', [[1.0, -2.0, 7.0], [7.0, 0.5, -1.0]]),
    ('IndexPut acc', lambda: P.IndexPut(1)(x, Tensor([7., 8.]), (Tensor([0, 0], ms.int32), Tensor([2, 2], ms.int32))), 'float32', [[1.0, -2.0, 15.0], [3.0, 0.5, -1.0]]),
    ('AdaptiveMaxPool2D', lambda: P.AdaptiveMaxPool2D((1, 2))(d), 'tuple', [('float32', [[[[2.0, 3.0]], [[6.0, 7.0]], [[10.0, 11.0]], [[14.0, 15.0]]]]), ('int64', [[[[2, 3]], [[2, 3]], [[2, 3]], [[2, 3]]]])]),
    ('Im2Col', lambda: P.Im2Col(ksizes=2)(Tensor(np.arange(12, dtype=np.float32).reshape(1, 1, 3, 4))), 'float32', [[[[0.0, 1.0, 2.0, 4.0, 5.0, 6.0], [1.0, 2.0, 3.0, 5.0, 6.0, 7.0], [4.0, 5.0, 6.0, 8.0, 9.0, 10.0], [5.0, 6.0, 7.0, 9.0, 10.0, 11.0]]]]),
    ('Col2Im', lambda: P.Col2Im(kernel_size=2)(Tensor(np.ones((1, 1, 4, 6), np.float32)), Tensor([3, 4], ms.int32)), 'float32', [[[[1.0, 2.0, 2.0, 1.0], [2.0, 4.0, 4.0, 2.0], [1.0, 2.0, 2.0, 1.0]]]]),
    ('HShrink', lambda: P.HShrink(0.6)(x), 'float32', [[1.0, -2.0, 0.0], [3.0, 0.0, -1.0]]),
    ('MirrorPad', lambda: P.MirrorPad()(x, Tensor([[0, 0], [1, 1]])), 'float32', [[-2.0, 1.0, -2.0, 0.0, -2.0], [0.5, 3.0, 0.5, -1.0, 0.5]]),
    ('SpaceToBatchND', lambda: P.SpaceToBatchND((2, 2), ((0, 0), (0, 0)))(d), 'float32', [[[[0.0]], [[4.0]], [[8.0]], [[12.0]]], [[[1.0]], [[5.0]], [[9.0]], [[13.0]]], [[[2.0]], [[6.0]], [[10.0]], [[14.0]]], [[[3.0]], [[7.0]], [[11.0]], [[15.0]]]]),
    ('MatrixDiagV3', lambda: P.MatrixDiagV3()(Tensor([1., 2.]), Tensor(1, ms.int32), Tensor(-1, ms.int32), Tensor(-1, ms.int32), Tensor(0.)), 'float32', [[0.0, 1.0, 0.0], [0.0, 0.0, 2.0], [0.0, 0.0, 0.0]]),
]


@pytest.mark.parametrize("label,call,dtype,want", CASES, ids=[c[0] for c in CASES])
def test_values_are_mindspores(label, call, dtype, want):
    got = call()
    if dtype is None:
        assert isinstance(got, tuple) and list(got) == want  # a tuple, as MindSpore 2.10 returns
        return
    outs, wants = (got, want) if dtype == "tuple" else ((got,), [(dtype, want)])
    assert len(outs) == len(wants)
    for out, (dt, values) in zip(outs, wants):
        assert str(out.dtype).lower() == dt, (label, out.dtype, dt)
        np.testing.assert_allclose(out.asnumpy(), values, rtol=1e-4, atol=1e-4)


def test_rint_keeps_the_sign_of_a_zero():
    r = P.Rint()(Tensor([0.5, -0.5, -0.2, 2.5, 0.49999997]))
    assert str(r) == "[ 0. -0. -0.  2.  0.]"
    # ops.round is the same rounding: exact where floor(x + 0.5) was not (0.49999997 rounded
    # up, 2**23 + 1 to 2**23 + 2 in Float32), halves to even, zeros signed as NumPy's rint.
    v = np.array([0.49999997, 8388609.0, -8388609.0, 0.5, 1.5, -2.5, -0.2, -0.0, np.inf, np.nan],
                 np.float32)
    got = P.round(Tensor(v)).asnumpy()
    np.testing.assert_array_equal(got, np.rint(v))
    np.testing.assert_array_equal(np.signbit(got), np.signbit(np.rint(v)))
    np.testing.assert_array_equal(P.round(Tensor(v.astype(np.float64))).asnumpy(),
                                  np.rint(v.astype(np.float64)))


def test_in_place_updates_of_parameters():
    v, acc = Parameter(Tensor([1., 2.]), name="v"), Parameter(Tensor([0.5, 0.5]), name="acc")
    out = P.ApplyMomentum()(v, acc, 0.1, Tensor([1., 1.]), 0.9)
    np.testing.assert_allclose(out.asnumpy(), [0.855, 1.855], rtol=1e-6)
    np.testing.assert_allclose(v.asnumpy(), [0.855, 1.855], rtol=1e-6)
    np.testing.assert_allclose(acc.asnumpy(), [1.45, 1.45], rtol=1e-6)
    w = Parameter(Tensor([1., 2.]), name="w")
    P.ApplyGradientDescent()(w, Tensor(0.1), Tensor([1., 3.]))
    np.testing.assert_allclose(w.asnumpy(), [0.9, 1.7], rtol=1e-6)
    var = Parameter(Tensor(np.zeros((3, 2), np.float32)), name="var")
    P.InplaceIndexAdd(0)(var, Tensor([0, 2, 0], ms.int32), Tensor(np.ones((3, 2), np.float32)))
    np.testing.assert_allclose(var.asnumpy(), [[2, 2], [0, 0], [1, 1]])


def test_attributes_and_reprs():
    p = P.NLLLoss("sum", ignore_index=2)
    assert (p.reduction, p.ignore_index) == ("sum", 2)
    # MindSpore 2.10 also shows its data_format attribute
    assert repr(P.DepthToSpace(2)) == "Prim[DepthToSpace]<block_size=2, data_format=NCHW>"
    assert P.BoundingBoxDecode((6, 5)).wh_ratio_clip == 0.016


@pytest.mark.parametrize("call,error,text", [
    (lambda: P.DepthToSpace(), TypeError, "block_size"),
    (lambda: P.DepthToSpace(2, 3), TypeError, "at most"),
    (lambda: P.Median(axes=1), TypeError, "axes"),
    (lambda: P.DepthToSpace(3)(d), ValueError, "divisible"),
    (lambda: P.SpaceToDepth(3)(d), ValueError, "divisible"),
    (lambda: P.DiagPart()(x), ValueError, "D1"),
    (lambda: P.InvertPermutation()((0, 0, 1)), ValueError, "permutation"),
    (lambda: P.UnravelIndex()(Tensor([12], ms.int32), Tensor([3, 4], ms.int32)), ValueError, "indices"),
    (lambda: P.SigmoidCrossEntropyWithLogits()(x, y[:, :2]), ValueError, "shape"),
    (lambda: P.NLLLoss()(x, Tensor([0], ms.int32), Tensor([1., 2., 3.])), ValueError, "labels"),
    (lambda: P.EmbeddingLookup()(np.ones((2, 2)), Tensor([0], ms.int32), 0), TypeError, "Tensor"),
])
def test_bad_arguments(call, error, text):
    with pytest.raises(error, match=text):
        call()
