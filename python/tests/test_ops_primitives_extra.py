"""The primitive classes of ``ops.operations`` part three (``_operations_extra``): each call and
its result as MindSpore 2.10 gave them (``EXPECTED``: dtype and values rounded to 5 decimals),
and the constructor arguments kept as attributes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, ops
import easy_mindspore.ops.operations as P

f = lambda *a: Tensor(np.array(a, np.float32))  # noqa: E731
A = Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))
B = Tensor(np.array([[0.5, -1.0], [2.0, 0.25]], np.float32))
I = lambda *a: Tensor(np.array(a, np.int32))  # noqa: E731, E741
spd = Tensor(np.array([[4.0, 2.0], [2.0, 3.0]], np.float32))
cases = {
 'Addcdiv': lambda: P.Addcdiv()(A, B, A, f(0.5)), 'Addcmul': lambda: P.Addcmul()(A, B, A, f(0.5)),
 'Dense': lambda: P.Dense()(A, B, f(1.0, 2.0)), 'Expand': lambda: P.Expand()(f(1.0, 2.0), I(3, 2)),
 'FastGelu': lambda: P.FastGelu()(B), 'Fills': lambda: P.Fills()(A, 2.5), 'Fmax': lambda: P.Fmax()(A, B), 'Fmin': lambda: P.Fmin()(A, B),
 'GatherV2': lambda: P.GatherV2()(A, I(1, 0), 1), 'Gcd': lambda: P.Gcd()(I(12, 18), I(8, 27)), 'Gelu': lambda: P.Gelu()(B),
 'Heaviside': lambda: P.Heaviside()(f(-1.0, 0.0, 2.0), f(0.5, 0.5, 0.5)), 'IndexFill': lambda: P.IndexFill()(A, 1, I(0), f(9.0)),
 'Inv': lambda: P.Inv()(B), 'Lcm': lambda: P.Lcm()(I(4, 6), I(6, 8)), 'Lerp': lambda: P.Lerp()(A, B, f(0.25)),
 'LogicalXor': lambda: P.LogicalXor()(Tensor(np.array([True, False])), Tensor(np.array([True, True]))),
 'MaskedFill': lambda: P.MaskedFill()(A, Tensor(np.array([[True, False], [False, True]])), f(0.0)),
 'MaskedSelect': lambda: P.MaskedSelect()(A, Tensor(np.array([[True, False], [False, True]]))),
 'MatrixBandPart': lambda: P.MatrixBandPart()(A, 0, 0), 'NextAfter': lambda: P.NextAfter()(f(1.0), f(2.0)),
 'NonZero': lambda: P.NonZero()(B), 'PReLU': lambda: P.PReLU()(B, f(0.1)), 'Polar': lambda: P.Polar()(f(1.0, 2.0), f(0.0, 1.0)),
 'Sinc': lambda: P.Sinc()(B), 'TensorAdd': lambda: P.TensorAdd()(A, B),
 'TensorScatterDiv': lambda: P.TensorScatterDiv()(A, I(0).reshape(1, 1), Tensor(np.array([[2.0, 4.0]], np.float32))),
 'TensorScatterMax': lambda: P.TensorScatterMax()(A, I(0).reshape(1, 1), Tensor(np.array([[2.0, 0.0]], np.float32))),
 'Trace': lambda: P.Trace()(A), 'Trunc': lambda: P.Trunc()(f(-1.7, 2.5)), 'TruncateDiv': lambda: P.TruncateDiv()(f(-7.0, 7.0), f(2.0, 2.0)),
 'TruncateMod': lambda: P.TruncateMod()(f(-7.0, 7.0), f(2.0, 2.0)), 'UniqueWithPad': lambda: P.UniqueWithPad()(I(1, 1, 2), 0),
 'UnsortedSegmentMax': lambda: P.UnsortedSegmentMax()(f(1.0, 5.0, 3.0), I(0, 0, 1), 2), 'Xdivy': lambda: P.Xdivy()(f(0.0, 2.0), f(0.0, 4.0)),
 'ApproximateEqual': lambda: P.ApproximateEqual(0.6)(A, B), 'BartlettWindow': lambda: P.BartlettWindow()(Tensor(5, ms.int32)),
 'BlackmanWindow': lambda: P.BlackmanWindow(False)(Tensor(5, ms.int32)), 'HammingWindow': lambda: P.HammingWindow()(Tensor(4, ms.int32)),
 'Bucketize': lambda: P.Bucketize([0.0, 1.0])(B), 'Cdist': lambda: P.Cdist(1.0)(A, B), 'CeLU': lambda: P.CeLU(2.0)(B),
 'ChannelShuffle': lambda: P.ChannelShuffle(2)(Tensor(np.arange(4, dtype=np.float32).reshape(1, 4, 1, 1))),
 'Cholesky': lambda: P.Cholesky()(spd), 'CholeskyInverse': lambda: P.CholeskyInverse()(ops.cholesky(spd)),
 'CholeskySolve': lambda: P.CholeskySolve()(A, ops.cholesky(spd)), 'Cross': lambda: P.Cross()(f(1.0, 0.0, 0.0), f(0.0, 1.0, 0.0)),
 'GLU': lambda: P.GLU()(f(1.0, 2.0, 3.0, 4.0)), 'IsClose': lambda: P.IsClose()(A, A + 1e-7),
 'LogSpace': lambda: P.LogSpace(3)(f(0.0), f(2.0)), 'Logit': lambda: P.Logit()(f(0.25, 0.5)), 'Logit2': lambda: P.Logit(0.3)(f(0.25, 0.5)),
 'MatrixPower': lambda: P.MatrixPower(2)(A), 'MatrixSolve': lambda: P.MatrixSolve()(spd, A),
 'NanToNum': lambda: P.NanToNum()(f(np.nan, 1.0)), 'Pdist': lambda: P.Pdist()(A),
 'Renorm': lambda: P.Renorm(2, 0, 1.0)(A), 'SmoothL1Loss': lambda: P.SmoothL1Loss()(A, B), 'SoftMarginLoss': lambda: P.SoftMarginLoss()(A, B),
 'SoftShrink': lambda: P.SoftShrink()(B), 'Svd': lambda: P.Svd()(A)[0], 'Qr': lambda: P.Qr()(A)[1], 'Lstsq': lambda: P.Lstsq()(A, B),
 'LuUnpack': lambda: P.LuUnpack()(Tensor(np.array([[4.0, 3.0], [0.5, 0.5]], np.float32)), I(2, 2))[0],
 'ReverseSequence': lambda: P.ReverseSequence(1)(A, I(2, 1)), 'TrilIndices': lambda: P.TrilIndices(3, 3)(), 'TriuIndices': lambda: P.TriuIndices(3, 3, 1)(),
 'UniqueConsecutive': lambda: P.UniqueConsecutive(True, True)(I(1, 1, 2, 2, 1)),
 'BinaryCrossEntropy': lambda: P.BinaryCrossEntropy()(f(0.2, 0.7), f(0.0, 1.0), f(1.0, 2.0)),
 'RmsNorm': lambda: P.RmsNorm()(A, f(1.0, 2.0))[0], 'InplaceAdd': lambda: P.InplaceAdd(1)(A, Tensor(np.array([[1.0, 1.0]], np.float32))),
 'ScatterDiv': lambda: P.ScatterDiv()(Parameter(A.copy()), I(0), Tensor(np.array([[2.0, 4.0]], np.float32))),
 'ScatterNdAdd': lambda: P.ScatterNdAdd()(Parameter(A.copy()), I(1).reshape(1, 1), Tensor(np.array([[2.0, 4.0]], np.float32))),
 'ScatterUpdate': lambda: P.ScatterUpdate()(Parameter(A.copy()), I(1), Tensor(np.array([[2.0, 4.0]], np.float32))),
 'RandomCategoricalShape': lambda: P.RandomCategorical(ms.int32)(B, 3, 1).shape,
}

EXPECTED = {
    "Addcdiv": ["Float32", [[1.25, 1.75], [3.33333, 4.03125]]],
    "Addcmul": ["Float32", [[1.25, 1.0], [6.0, 4.5]]],
    "Dense": ["Float32", [[-0.5, 4.5], [-1.5, 9.0]]],
    "Expand": ["Float32", [[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]],
    "FastGelu": ["Float32", [[0.35039, -0.1542], [1.93566, 0.1512]]],
    "Fmax": ["Float32", [[1.0, 2.0], [3.0, 4.0]]],
    "Gcd": ["Int32", [4.0, 9.0]],
    "Gelu": ["Float32", [[0.34571, -0.15881], [1.9546, 0.14968]]],
    "Heaviside": ["Float32", [0.0, 0.5, 1.0]],
    "Inv": ["Float32", [[2.0, -1.0], [0.5, 4.0]]],
    "Lcm": ["Int32", [12.0, 24.0]],
    "Lerp": ["Float32", [[0.875, 1.25], [2.75, 3.0625]]],
    "LogicalXor": ["Bool", [0.0, 1.0]],
    "MaskedSelect": ["Float32", [1.0, 4.0]],
    "MatrixBandPart": ["Float32", [[1.0, 0.0], [0.0, 4.0]]],
    "NextAfter": ["Float32", [1.0]],
    "NonZero": ["Int64", [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]],
    "PReLU": ["Float32", [[0.5, -0.1], [2.0, 0.25]]],
    "Sinc": ["Float32", [[0.63662, -0.0], [0.0, 0.90032]]],
    "TensorAdd": ["Float32", [[1.5, 1.0], [5.0, 4.25]]],
    "TensorScatterDiv": ["Float32", [[0.5, 0.5], [3.0, 4.0]]],
    "TensorScatterMax": ["Float32", [[2.0, 2.0], [3.0, 4.0]]],
    "Trace": ["Float32", 5.0],
    "Trunc": ["Float32", [-1.0, 2.0]],
    "TruncateDiv": ["Float32", [-3.0, 3.0]],
    "TruncateMod": ["Float32", [-1.0, 1.0]],
    "UniqueWithPad": [["Int32", [1.0, 2.0, 0.0]], ["Int32", [0.0, 0.0, 1.0]]],
    "UnsortedSegmentMax": ["Float32", [5.0, 3.0]],
    "Xdivy": ["Float32", [0.0, 0.5]],
    "ApproximateEqual": ["Bool", [[1.0, 0.0], [0.0, 0.0]]],
    "BartlettWindow": ["Float32", [0.0, 0.4, 0.8, 0.8, 0.4]],
    "BlackmanWindow": ["Float32", [0.0, 0.34, 1.0, 0.34, 0.0]],
    "Bucketize": ["Int32", [[1.0, 0.0], [2.0, 1.0]]],
    "Cdist": ["Float32", [[3.5, 2.75], [7.5, 4.75]]],
    "CeLU": ["Float32", [[0.5, -0.78694], [2.0, 0.25]]],
    "ChannelShuffle": ["Float32", [[[[0.0]], [[2.0]], [[1.0]], [[3.0]]]]],
    "Cholesky": ["Float32", [[2.0, 0.0], [1.0, 1.41421]]],
    "CholeskyInverse": ["Float32", [[0.375, -0.25], [-0.25, 0.5]]],
    "CholeskySolve": ["Float32", [[-0.375, -0.25], [1.25, 1.5]]],
    "Cross": ["Float32", [0.0, 0.0, 1.0]],
    "GLU": ["Float32", [0.95257, 1.96403]],
    "IsClose": ["Bool", [[1.0, 1.0], [1.0, 1.0]]],
    "Logit": ["Float32", [-1.09861, 0.0]],
    "Logit2": ["Float32", [-0.8473, 0.0]],
    "MatrixPower": ["Float32", [[7.0, 10.0], [15.0, 22.0]]],
    "MatrixSolve": ["Float32", [[-0.375, -0.25], [1.25, 1.5]]],
    "NanToNum": ["Float32", [0.0, 1.0]],
    "Pdist": ["Float32", [2.82843]],
    "Renorm": ["Float32", [[0.44721, 0.89443], [0.6, 0.8]]],
    "SmoothL1Loss": ["Float32", [[0.125, 2.5], [0.5, 3.25]]],
    "Svd": ["Float32", [5.46499, 0.36597]],
    "Lstsq": ["Float32", [[1.0, 2.25], [-0.25, -1.625]]],
    "LuUnpack": ["Float32", [[0.0, 1.0], [1.0, 0.0]]],
    "ReverseSequence": ["Float32", [[2.0, 1.0], [3.0, 4.0]]],
    "TrilIndices": ["Int32", [[0.0, 1.0, 1.0, 2.0, 2.0, 2.0], [0.0, 0.0, 1.0, 0.0, 1.0, 2.0]]],
    "TriuIndices": ["Int32", [[0.0, 0.0, 1.0], [1.0, 2.0, 2.0]]],
    "UniqueConsecutive": [["Int32", [1.0, 2.0, 1.0]], ["Int64", [0.0, 0.0, 1.0, 1.0, 2.0]], ["Int64", [2.0, 2.0, 1.0]]],
    "BinaryCrossEntropy": ["Float32", 0.46825],
    "InplaceAdd": ["Float32", [[1.0, 2.0], [4.0, 5.0]]],
    "ScatterDiv": ["Float32", [[0.5, 0.5], [3.0, 4.0]]],
    "ScatterNdAdd": ["Float32", [[1.0, 2.0], [5.0, 8.0]]],
    "ScatterUpdate": ["Float32", [[1.0, 2.0], [2.0, 4.0]]],
    "RandomCategoricalShape": "(2, 3)"}


def _shown(r):
    if isinstance(r, tuple) and all(isinstance(x, Tensor) for x in r):
        return [[str(x.dtype), np.asarray(x.asnumpy(), np.float64).round(5).tolist()] for x in r]
    if isinstance(r, Tensor):
        return [str(r.dtype), np.asarray(r.asnumpy(), np.float64).round(5).tolist()]
    return repr(r)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_primitive_matches_mindspore(name):
    assert _shown(cases[name]()) == EXPECTED[name]


def test_constructor_arguments_are_attributes_and_checked():
    assert P.MatrixSolve(adjoint=True).adjoint is True and P.Cdist(p=1.0).p == 1.0
    assert P.HammingWindow().alpha == 0.54 and P.ScatterNdAdd().use_locking is False
    # MindSpore 2.10 also lists its side_effect_mem flag
    assert repr(P.ScatterNdAdd()) == "Prim[ScatterNdAdd]<use_locking=False, side_effect_mem=True>"
    assert repr(P.Cdist(p=1.0)) == "Prim[Cdist]<p=1.0>"  # as MindSpore 2.10
    with pytest.raises(TypeError, match="adjoint"):
        P.MatrixSolve(adjoint=1)
    with pytest.raises(ValueError, match="l2_regularizer"):
        P.Lstsq(l2_regularizer=0.5)
    assert ops.Gelu is P.Gelu and P.Gelu.__doc__.count(">>>") >= 3


def test_polar_is_complex():
    got = P.Polar()(f(1.0, 2.0), f(0.0, 1.0)).asnumpy()
    np.testing.assert_allclose(got, [1.0, 2 * np.exp(1j)], rtol=1e-6)
