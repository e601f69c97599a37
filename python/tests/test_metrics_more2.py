"""BleuScore, HausdorffDistance, MeanSurfaceDistance, RootMeanSquareDistance, ConfusionMatrixMetric
and OcclusionSensitivity of ``mindspore.train``: their numbers against what MindSpore 2.10 (CPU)
returned for the same calls (each table names the calls), NumPy references where we compute the
documented formula instead of MindSpore's result (each such test says so), and their errors."""
import itertools

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.train import (BleuScore, ConfusionMatrixMetric, HausdorffDistance,
                                  MeanSurfaceDistance, OcclusionSensitivity,
                                  RootMeanSquareDistance)


def test_the_metrics_are_exported_and_named():
    for name in ("BleuScore", "HausdorffDistance", "MeanSurfaceDistance", "RootMeanSquareDistance",
                 "ConfusionMatrixMetric", "OcclusionSensitivity"):
        assert getattr(ms.train, name) is getattr(ms.train.metrics, name)
        assert name in ms.train.__all__ and name in ms.train.metrics.__all__
    # MindSpore 2.10's train.names() lists them under these names
    assert isinstance(ms.train.get_metric_fn("bleu_score", n_gram=2), BleuScore)
    for key, cls in (("hausdorff_distance", HausdorffDistance),
                     ("mean_surface_distance", MeanSurfaceDistance),
                     ("root_mean_square_distance", RootMeanSquareDistance),
                     ("confusion_matrix_metric", ConfusionMatrixMetric),
                     ("occlusion_sensitivity", OcclusionSensitivity)):
        assert key in ms.train.names() and type(ms.train.get_metric_fn(key)) is cls


# ----------------------------------------------------------------------------------------- BLEU

C1 = [['i', 'have', 'a', 'pen', 'on', 'my', 'desk']]
R1 = [[['i', 'have', 'a', 'pen', 'in', 'my', 'desk'],
       ['there', 'is', 'a', 'pen', 'on', 'the', 'desk']]]
C2 = [['the', 'cat', 'is', 'on', 'the', 'mat'], ['a', 'b', 'c', 'd', 'e']]
R2 = [[['there', 'is', 'a', 'cat', 'on', 'the', 'mat'],
       ['the', 'cat', 'sat', 'on', 'the', 'mat', 'today']],
      [['a', 'b', 'c', 'd'], ['a', 'b', 'x', 'd', 'e', 'f']]]
C3 = [['the', 'the', 'the', 'the']]
R3 = [[['the', 'cat', 'the', 'mat']]]

# MindSpore 2.10: m = BleuScore(n_gram, smooth); m.update(C, R) (for "both": update(C1, R1) then
# update(C2, R2)); m.eval() -> these numpy.float64 values, for the corpora (C1/R1, C2/R2, both,
# C3/R3). Where an n-gram order has no match it returned np.array(0.0) (we return np.float64 0).
BLEU = {
    (1, False): (1.0, 1.0, 1.0, 0.5),
    (1, True): (1.0, 1.0, 1.0, 0.6),
    (2, False): (0.9128709291752769, 0.8819171036881969, 0.8944271909999159, 0.0),
    (2, True): (0.9258200997725514, 0.8944271909999159, 0.9013878188659973, 0.0),
    (3, False): (0.7937005259840997, 0.6933612743506347, 0.7368062997280773, 0.0),
    (3, True): (0.8298265333662435, 0.7368062997280773, 0.7591472429689156, 0.0),
    (4, False): (0.5946035575013605, 0.5081327481546147, 0.5460241725418133, 0.0),
    (4, True): (0.691441569283882, 0.6042750794713536, 0.601900671751358, 0.0),
}


@pytest.mark.parametrize("n_gram,smooth", sorted(BLEU))
def test_bleu_against_mindspore(n_gram, smooth):
    for batches, expected in zip(([(C1, R1)], [(C2, R2)], [(C1, R1), (C2, R2)], [(C3, R3)]),
                                 BLEU[(n_gram, smooth)]):
        m = BleuScore(n_gram=n_gram, smooth=smooth)
        for c, r in batches:
            m.update(c, r)
        got = m.eval()
        assert type(got) is np.float64
        np.testing.assert_allclose(got, expected, rtol=1e-14)


def test_bleu_by_hand_and_corner_cases():
    # C3: 'the' x4 against one reference with 'the' twice: p1 = 2/4; c = r = 4, so BP = 1
    m = BleuScore(n_gram=1)
    m.update(C3, R3)
    assert m.eval() == 0.5
    m.clear()
    with pytest.raises(RuntimeError, match="update"):
        m.eval()
    # MindSpore 2.10 gave these too: an empty corpus and an empty candidate score 0, tuples of
    # tokens 1.0, strings are sequences of characters (0.7071067811865475 for 'ab c' vs 'ab d'
    # at n_gram 2), token arrays 1.0
    for c, r, n, expected in (([], [], 4, 0.0), ([[]], [[['a']]], 1, 0.0),
                              ((('a', 'b'),), ((('a', 'b'),),), 1, 1.0),
                              (['ab c'], [['ab d']], 2, 0.7071067811865475),
                              (np.array([['a', 'b', 'c']]), [[['a', 'b', 'c']]], 2, 1.0)):
        m = BleuScore(n_gram=n)
        m.update(c, r)
        assert type(m.eval()) is np.float64 and m.eval() == pytest.approx(expected, rel=1e-14)
    # a short candidate: brevity penalty exp(1 - 4/2), precisions 1
    m = BleuScore(n_gram=2)
    m.update([['a', 'b']], [[['a', 'b', 'c', 'd'], ['x', 'a', 'b', 'c', 'd', 'e']]])
    assert m.eval() == pytest.approx(np.exp(1 - 4 / 2), rel=1e-14)
    # set_indexes picks the inputs
    m = BleuScore().set_indexes([1, 2])
    m.update(None, C1, R1)
    assert m.eval() == pytest.approx(0.5946035575013605, rel=1e-14)


def test_bleu_errors():
    # MindSpore 2.10's classes and messages
    for n in (0, 5):
        with pytest.raises(ValueError, match=r"For 'BleuScore', the argument 'n_gram' should range "
                                             r"from 1 to 4, but got"):
            BleuScore(n_gram=n)
    for bad in (2.0, True):
        with pytest.raises(TypeError, match="n_gram"):
            BleuScore(n_gram=bad)
    with pytest.raises(TypeError, match="smooth"):
        BleuScore(smooth=1)
    with pytest.raises(ValueError, match=r"it needs 2 inputs .* but got 1"):
        BleuScore().update([['a']])
    with pytest.raises(ValueError, match="should be equal in length, but got 1, 2"):
        BleuScore().update([['a']], [[['a']], [['b']]])
    with pytest.raises(RuntimeError, match="'update' method before"):
        BleuScore().eval()
    # MindSpore 2.10 fails inside min() here; we name the sentence
    with pytest.raises(ValueError, match="sentence 0 of 'reference_corpus'"):
        BleuScore().update([['a']], [[]])
    with pytest.raises(TypeError, match="candidate_corpus"):
        BleuScore().update("a b", [[['a']]])


# ------------------------------------------------------------------------------ surface distances

def _brute_surface(mask):
    """The surface by definition: a pixel of the mask with a face neighbour off the mask or off
    the image (a loop over pixels: the oracle)."""
    out = np.zeros_like(mask)
    for idx in zip(*np.nonzero(mask)):
        for axis, step in itertools.product(range(mask.ndim), (-1, 1)):
            n = list(idx)
            n[axis] += step
            if not 0 <= n[axis] < mask.shape[axis] or not mask[tuple(n)]:
                out[idx] = True
    return out


def _brute_distances(source, target, metric):
    """Every distance from a pixel of ``source`` to the nearest of ``target``, pair by pair."""
    a, b = np.argwhere(source)[:, None, :], np.argwhere(target)[None, :, :]
    diff = np.abs(a - b).astype(np.float64)
    d = {"euclidean": np.sqrt((diff ** 2).sum(-1)), "taxicab": diff.sum(-1),
         "chessboard": diff.max(-1)}[metric]
    return d.min(axis=1)


def test_surfaces_and_distances_against_a_brute_force_oracle():
    rng = np.random.default_rng(5)
    for trial in range(60):
        shape = tuple(rng.integers(1, 7, rng.integers(1, 4)))
        a = rng.random(shape) < 0.4
        b = rng.random(shape) < 0.4
        if not (a.any() and b.any()):
            continue
        sa, sb = _brute_surface(a), _brute_surface(b)
        for metric in ("euclidean", "taxicab", "chessboard"):
            ab = _brute_distances(sa, sb, metric)
            ba = _brute_distances(sb, sa, metric)
            hd = HausdorffDistance(distance_metric=metric, crop=bool(trial % 2))
            hd.update(a, b, True)
            assert hd.eval() == max(ab.max(), ba.max())
            hd = HausdorffDistance(distance_metric=metric, percentile=35.0, directed=True)
            hd.update(a, b, True)
            assert hd.eval() == pytest.approx(np.percentile(ab, 35.0), rel=1e-12)
            msd = MeanSurfaceDistance(distance_metric=metric, symmetric=True)
            msd.update(a, b, 1)
            # MindSpore 2.10's formulas: the average of the two directed means; the directed
            # mean square (no root); the root of the average of the two mean squares
            assert msd.eval() == pytest.approx((ab.mean() + ba.mean()) / 2, rel=1e-12)
            rms = RootMeanSquareDistance(distance_metric=metric)
            rms.update(a, b, 1)
            assert rms.eval() == pytest.approx(np.mean(ab ** 2), rel=1e-12)
            rms = RootMeanSquareDistance(distance_metric=metric, symmetric=True)
            rms.update(a, b, 1)
            assert rms.eval() == pytest.approx(np.sqrt((np.mean(ab ** 2) + np.mean(ba ** 2)) / 2),
                                               rel=1e-12)


X_DOC = np.array([[3, 0, 1], [1, 3, 0], [1, 0, 2]])
Y_DOC = np.array([[0, 2, 1], [1, 2, 1], [0, 0, 1]])
E = ((np.arange(12)[:, None] * 7 + np.arange(14) * 5) % 11 < 4).astype(int)
F = ((np.arange(12)[:, None] * 3 + np.arange(14) * 8) % 13 < 6).astype(int)
V = ((np.arange(4)[:, None, None] * 5 + np.arange(5)[:, None] * 3 + np.arange(6) * 2) % 7 < 2).astype(int)
W = ((np.arange(4)[:, None, None] * 2 + np.arange(5)[:, None] * 5 + np.arange(6) * 3) % 9 < 3).astype(int)

# MindSpore 2.10, label 1: HausdorffDistance(distance_metric=dm, crop=False, **kw).update(a, b, 1)
# .eval() for kw = {}, {directed: True}, {percentile: 75.0}, {percentile: 75.0, directed: True};
# MeanSurfaceDistance(symmetric=False, distance_metric=dm) and RootMeanSquareDistance(same)
# (MindSpore's directed RMSD is the mean square, with no square root).
HD_TABLE = {
    ("2d", "euclidean"): ((1.4142135623730951, 1.0, 1.0, 1.0), 0.5245901639344263, 0.5245901639344263),
    ("2d", "taxicab"): ((2, 1, 1.0, 1.0), 0.5245901639344263, 0.5245901639344263),
    ("2d", "chessboard"): ((1, 1, 1.0, 1.0), 0.5245901639344263, 0.5245901639344263),
    ("3d", "euclidean"): ((1.4142135623730951, 1.4142135623730951, 1.0, 1.0), 0.688653340069797,
                          0.7058823529411765),
    ("3d", "taxicab"): ((2, 2, 1.0, 1.0), 0.7058823529411765, 0.7647058823529411),
    ("3d", "chessboard"): ((1, 1, 1.0, 1.0), 0.6764705882352942, 0.6764705882352942),
}


@pytest.mark.parametrize("case,metric", sorted(HD_TABLE))
def test_surface_distances_against_mindspore(case, metric):
    a, b = (E, F) if case == "2d" else (V, W)
    hds, msd, rms_squared = HD_TABLE[(case, metric)]
    for kw, expected in zip(({}, {"directed": True}, {"percentile": 75.0},
                             {"percentile": 75.0, "directed": True}), hds):
        for crop in (True, False):
            m = HausdorffDistance(distance_metric=metric, crop=crop, **kw)
            m.update(a, b, 1)
            got = m.eval()
            assert got == expected
            # int32 for the chamfer metrics' maximum, as scipy's distance_transform_cdt
            want = np.int32 if isinstance(expected, int) else np.float64
            assert type(got) is want
    m = MeanSurfaceDistance(distance_metric=metric)
    m.update(ms.Tensor(a), ms.Tensor(b), 1)
    assert type(m.eval()) is np.float64 and m.eval() == pytest.approx(msd, rel=1e-14)
    m = RootMeanSquareDistance(distance_metric=metric)
    m.update(a.tolist(), b.tolist(), 1.0)
    assert type(m.eval()) is np.float64 and m.eval() == pytest.approx(rms_squared, rel=1e-14)


def test_surface_distances_documentation_examples():
    x, y = ms.Tensor(X_DOC), ms.Tensor(Y_DOC)
    m = HausdorffDistance()
    m.clear()
    m.update(x, y, 0)
    assert m.eval() == 1.4142135623730951  # MindSpore 2.10's documented output
    m = MeanSurfaceDistance(symmetric=False, distance_metric="euclidean")
    m.update(x, y, 0)
    assert m.eval() == pytest.approx(0.8047378541243649, rel=1e-15)
    # MindSpore 2.10 prints 1.0000000000000002, the mean square
    m = RootMeanSquareDistance(symmetric=False, distance_metric="euclidean")
    m.update(x, y, 0)
    assert m.eval() == 1.0000000000000002


def test_hausdorff_small_cases_against_mindspore():
    a = np.zeros((5, 6), int)
    a[1, 1:4] = 1
    b = np.zeros((5, 6), int)
    b[3, 2:5] = 1

    def hd(x, y, label=1, **kw):
        m = HausdorffDistance(**kw)
        m.update(x, y, label)
        return m.eval()

    # MindSpore 2.10: hd(a, b) with these arguments
    assert hd(a, b) == hd(a, b, crop=False) == hd(a, b, directed=True) == np.sqrt(5)
    assert hd(a, b, distance_metric="taxicab") == 3
    assert hd(a, b, distance_metric="chessboard") == 2
    assert hd(a, b, percentile=50.0) == 2.0
    assert hd(a.astype(bool), b.astype(bool), 0) == 1.0  # bool inputs compared with the label
    assert hd(a.astype(bool), b.astype(bool), True) == np.sqrt(5)
    c = np.zeros((4, 4), int)
    c[1, 1] = 1
    d = np.zeros((4, 4), int)
    d[3, 2] = 1
    assert hd(c, d) == np.sqrt(5)
    empty = hd(c, np.zeros((4, 4), int))  # no surface in y: every distance inf
    assert empty == np.inf and type(empty) is np.float64
    empty = hd(np.zeros((4, 4), int), c, directed=True)  # no surface in y_pred: the float inf
    assert empty == np.inf and type(empty) is float
    # MindSpore 2.10's crop squeezes the box's axes of length 1, so two identical one-pixel masks
    # give inf there (0.0 with crop=False): the bounding box of the documentation keeps them
    assert hd(c, c) == hd(c, c, crop=False) == 0.0
    # ... and a flat object loses its inner pixels' surface: percentile 50 of the distances from
    # a row of 7 to its middle pixel is 2.0 on the image (MindSpore's crop: 3.0, both ends)
    row, mid = np.zeros((3, 9), int), np.zeros((3, 9), int)
    row[1, 1:8] = 1
    mid[1, 4] = 1
    assert hd(row, mid, percentile=50.0, directed=True) == 2.0
    assert hd(row, mid, percentile=50.0, directed=True, crop=False) == 2.0
    # percentile 0.0 is the 0th percentile (MindSpore 2.10 reads 0.0 as None: the maximum)
    assert hd(row, mid, percentile=0.0, directed=True) == 0.0


def test_surface_means_of_masks_and_bools():
    a = np.zeros((5, 6), bool)
    a[1, 1:4] = True
    b = np.zeros((5, 6), bool)
    b[3, 2:5] = True
    for label in (0, 1):  # bool inputs are the masks (the label only has to occur)
        m = MeanSurfaceDistance()
        m.update(a, b, label)
        assert m.eval() == pytest.approx(2.0786893258332633, rel=1e-15)  # MindSpore 2.10
    m = MeanSurfaceDistance(symmetric=True)
    m.update(a, b, 1)
    assert m.eval() == pytest.approx((np.sqrt(5) + 2 + 2) * 2 / 6, rel=1e-15)
    m = RootMeanSquareDistance(symmetric=True)
    m.update(a, b, 1)
    assert m.eval() == pytest.approx(np.sqrt((5 + 4 + 4) * 2 / 6), rel=1e-15)
    for cls in (MeanSurfaceDistance, RootMeanSquareDistance):
        m = cls()
        m.update(np.zeros((3, 3), int), np.eye(3, dtype=int), 1)
        assert m.eval() == np.inf and type(m.eval()) is float
        m = cls(symmetric=True)
        m.update(np.eye(3, dtype=int), np.zeros((3, 3), int), 1)
        assert m.eval() == np.inf


def test_the_distance_transform_is_not_quadratic():
    # one surface pixel per mask, far apart in a 400 x 300 image: the answer is the distance of
    # the two points, and the transform takes well under a second
    import time
    a = np.zeros((400, 300), int)
    b = np.zeros((400, 300), int)
    a[10, 20] = 1
    b[390, 250] = 1
    start = time.perf_counter()
    for metric, expected in (("euclidean", np.hypot(380, 230)), ("taxicab", 610),
                             ("chessboard", 380)):
        m = HausdorffDistance(distance_metric=metric, crop=False)
        m.update(a, b, 1)
        assert m.eval() == pytest.approx(expected, rel=1e-15)
    assert time.perf_counter() - start < 20


def test_surface_distance_errors():
    for cls in (HausdorffDistance, MeanSurfaceDistance, RootMeanSquareDistance):
        name = cls.__name__
        with pytest.raises(ValueError, match=r"'distance_metric' must be str and must be in "
                                             r"\['euclidean', 'chessboard', 'taxicab'\], but got 'foo'"):
            cls(distance_metric="foo")
        with pytest.raises(TypeError, match="distance_metric"):
            cls(distance_metric=1)
        with pytest.raises(RuntimeError, match="'update' method before"):
            cls().eval()
        m = cls()
        with pytest.raises(ValueError, match=f"For '{name}.update', it needs 3 inputs"):
            m.update(X_DOC, Y_DOC)
        # MindSpore 2.10 raises ValueError here for two of them; its documentation says TypeError
        with pytest.raises(TypeError, match=r"label index \(input\[2\]\) must be int or float"):
            m.update(X_DOC, Y_DOC, np.int64(0))
        with pytest.raises(ValueError, match="must be in predicted value .* but 7 is not"):
            m.update(X_DOC, Y_DOC, 7)
        with pytest.raises(ValueError, match=r"same shape, but got predicted value size: 4, shape: "
                                             r"\(2, 2\), true value size: 6, shape: \(2, 3\)"):
            m.update(np.zeros((2, 2)), np.zeros((2, 3)), 0)
        with pytest.raises(TypeError, match="tensor, list or numpy.ndarray"):
            m.update((1, 2), Y_DOC, 0)
        with pytest.raises(RuntimeError):  # a failed update leaves nothing to evaluate
            m.eval()
    for bad in ("directed", "crop"):
        with pytest.raises(TypeError, match=f"'{bad}' should be 'bool'"):
            HausdorffDistance(**{bad: 1})
    with pytest.raises(TypeError, match="'percentile' should be 'float'"):
        HausdorffDistance(percentile=50)
    # MindSpore 2.10 raises this from eval; the constructor knows already
    with pytest.raises(ValueError, match=r"'percentile' must be \[0, 100\], but got 150.0"):
        HausdorffDistance(percentile=150.0)
    for cls in (MeanSurfaceDistance, RootMeanSquareDistance):
        with pytest.raises(TypeError, match="'symmetric' should be 'bool'"):
            cls(symmetric=1)


# ------------------------------------------------------------------------- ConfusionMatrixMetric

def _onehot(classes, c):
    """(B, ...) class indices -> one-hot (B, C, ...)."""
    return np.moveaxis(np.eye(c, dtype=np.int64)[np.array(classes)], -1, 1)


P1 = _onehot([[[2, 0, 0, 0], [0, 2, 2, 1], [0, 0, 0, 1]], [[1, 1, 0, 0], [2, 2, 0, 0], [1, 1, 2, 1]]], 3)
Y1 = _onehot([[[1, 1, 1, 1], [0, 2, 2, 2], [2, 0, 0, 1]], [[1, 2, 2, 0], [2, 0, 0, 2], [2, 0, 0, 0]]], 3)
P2 = _onehot([[[0, 2, 1, 1], [0, 1, 0, 2], [1, 0, 0, 2]], [[1, 1, 0, 0], [1, 1, 1, 2], [2, 0, 1, 1]],
              [[0, 0, 1, 2], [0, 2, 1, 0], [1, 2, 2, 1]]], 3)
Y2 = _onehot([[[0, 2, 0, 2], [2, 1, 2, 2], [0, 2, 1, 0]], [[1, 2, 1, 1], [2, 1, 1, 0], [0, 2, 2, 0]],
              [[1, 2, 0, 0], [1, 1, 1, 1], [0, 1, 2, 0]]], 3)
PC = np.eye(3, dtype=np.int64)[[0, 1, 2, 2, 1, 0]]
YC = np.eye(3, dtype=np.int64)[[0, 2, 2, 1, 1, 1]]

# MindSpore 2.10, for each (metric_name, skip_channel):
#   seg:  m = ConfusionMatrixMetric(skip_channel, metric_name); m.update(P1, Y1);
#         m.update(P2, Y2); m.eval() -> array([seg])
#   clf:  the same with one update(PC, YC) -> array([clf])
#   mean, sum: ConfusionMatrixMetric(skip_channel, metric_name, calculation_method=True,
#         decrease='mean' / 'sum'); update(P1, Y1); update(P2, Y2); eval() -> a float
CMM = {
    ("sensitivity", True): (0.31666666666666665, 0.5, 0.37222222222222223, 2.703333333333333),
    ("sensitivity", False): (0.325, 0.4, 0.39999999999999997, 2.0199999999999996),
    ("specificity", True): (0.6583333333333333, 0.75, 0.6589057239057239, 5.069148629148629),
    ("specificity", False): (0.7, 0.7142857142857143, 0.699469696969697, 3.5802597402597405),
    ("precision", True): (0.31666666666666665, 0.5, 0.3115873015873015, 2.278571428571429),
    ("precision", False): (0.35135135135135137, 0.5, 0.35452380952380946, 1.787142857142857),
    ("negative predictive value", True): (0.6583333333333333, 0.75, 0.6701322751322751,
                                          5.144523809523809),
    ("negative predictive value", False): (0.6746987951807228, 0.625, 0.6813888888888889,
                                           3.5016666666666665),
    ("miss rate", True): (0.6833333333333333, 0.5, 0.6277777777777777, 5.096666666666667),
    ("miss rate", False): (0.675, 0.6, 0.6, 3.1799999999999997),
    ("fall out", True): (0.3416666666666667, 0.25, 0.34109427609427606, 2.7308513708513704),
    ("fall out", False): (0.3, 0.2857142857142857, 0.300530303030303, 1.6197402597402597),
    ("false discovery rate", True): (0.6833333333333333, 0.5, 0.6884126984126985,
                                     5.5214285714285705),
    ("false discovery rate", False): (0.6486486486486487, 0.5, 0.6454761904761905,
                                      3.4128571428571433),
    ("false omission rate", True): (0.3416666666666667, 0.25, 0.3298677248677249,
                                    2.6554761904761905),
    ("false omission rate", False): (0.3253012048192771, 0.375, 0.31861111111111107,
                                     1.6983333333333335),
    ("prevalence threshold", True): (0.509497096006299, 0.4142135623730949, 0.5715466889233406,
                                     4.611987631588899),
    ("prevalence threshold", False): (0.48999599679679656, 0.4580398915498078,
                                      0.5127091351348273, 2.7338511478823633),
    ("threat score", True): (0.18811881188118812, 0.3333333333333333, 0.18955026455026452,
                             1.3883333333333332),
    ("threat score", False): (0.203125, 0.2857142857142857, 0.20396825396825397,
                              1.0419047619047617),
    ("accuracy", True): (0.5444444444444444, 0.6666666666666666, 0.5444444444444444,
                         4.166666666666667),
    ("accuracy", False): (0.575, 0.5833333333333334, 0.575, 2.95),
    ("balanced accuracy", True): (0.4875, 0.625, 0.5155639730639731, 3.886240981240981),
    ("balanced accuracy", False): (0.5125, 0.5571428571428572, 0.5497348484848485,
                                   2.8001298701298705),
    ("f1 score", True): (0.31666666666666665, 0.5, 0.29825396825396827, 2.196190476190476),
    ("f1 score", False): (0.33766233766233766, 0.4444444444444444, 0.3251587301587301,
                          1.6628571428571426),
    ("matthews correlation coefficient", True): (-0.025, 0.25, 0.0017362213839518747,
                                                 -0.2305648571947253),
    ("matthews correlation coefficient", False): (0.02551967208452836, 0.11952286093343936,
                                                  0.061047233948522316, 0.2176825613356952),
    ("fowlkes mallows index", True): (0.31666666666666665, 0.5, 0.31834848529480153,
                                      2.3327578713281287),
    ("fowlkes mallows index", False): (0.3379189091915236, 0.4472135954999579,
                                       0.34887185205002036, 1.7734330082094054),
    ("informedness", True): (-0.02500000000000002, 0.25, 0.031127946127946116,
                             -0.02751803751803775),
    ("informedness", False): (0.02499999999999991, 0.11428571428571432, 0.09946969696969696,
                              0.40025974025974015),
    ("markedness", True): (-0.02500000000000002, 0.25, -0.018280423280423286, -0.376904761904762),
    ("markedness", False): (0.02605014653207416, 0.125, 0.03591269841269841, 0.08880952380952378),
}


@pytest.mark.parametrize("name,skip", sorted(CMM))
def test_confusion_matrix_metric_against_mindspore(name, skip):
    seg, clf, mean, total = CMM[(name, skip)]
    m = ConfusionMatrixMetric(skip_channel=skip, metric_name=name)
    m.update(ms.Tensor(P1), ms.Tensor(Y1))
    m.update(P2, Y2)
    got = m.eval()
    assert isinstance(got, np.ndarray) and got.dtype == np.float64 and got.shape == (1,)
    np.testing.assert_allclose(got, [seg], rtol=1e-13, atol=1e-15)
    m.clear()
    m.update(PC, YC)
    np.testing.assert_allclose(m.eval(), [clf], rtol=1e-13, atol=1e-15)
    for decrease, expected in (("mean", mean), ("sum", total)):
        m = ConfusionMatrixMetric(skip, name, calculation_method=True, decrease=decrease)
        m.update(P1, Y1)
        m.update(P2.tolist(), Y2.tolist())
        got = m.eval()
        assert type(got) is float and got == pytest.approx(expected, rel=1e-13, abs=1e-15)


def test_confusion_matrix_metric_by_hand():
    # the documentation's example: every channel counts (skip_channel=True keeps channel 0, as
    # MindSpore 2.10 does): tp = fp = tn = fn = 1, tpr 0.5
    m = ConfusionMatrixMetric(skip_channel=True, metric_name="tpr", calculation_method=False,
                              decrease="mean")
    m.clear()
    m.update(ms.Tensor(np.array([[[0], [1]], [[1], [0]]])), ms.Tensor(np.array([[[0], [1]], [[0], [1]]])))
    np.testing.assert_array_equal(m.eval(), [0.5])
    # PC/YC without channel 0: channel 1 has tp 1, fp 1, tn 2, fn 2, channel 2 tp 1, fp 1, tn 3,
    # fn 1: summed tp 2, fp 2, tn 5, fn 3 -> f1 = 4/(4+3+2), mcc = (10-6)/sqrt(4*5*7*8)
    for name, expected in (("f1", 4 / 9), ("mcc", 4 / np.sqrt(1120)), ("Hit Rate", 2 / 5),
                           ("TRUE_positive rate", 2 / 5), ("ppv", 2 / 4), ("tnr", 5 / 7)):
        m = ConfusionMatrixMetric(skip_channel=False, metric_name=name)
        m.update(PC, YC)
        np.testing.assert_allclose(m.eval(), [expected], rtol=1e-15)
    # MindSpore 2.10: a float prediction of 0.5 is neither positive nor a true negative -> [0.]
    m = ConfusionMatrixMetric()
    m.update(np.full((2, 2), 0.5), np.array([[1, 0], [0, 1]]))
    np.testing.assert_array_equal(m.eval(), [0.0])
    m = ConfusionMatrixMetric()
    m.update([[1, 0], [0, 1]], [[1, 0], [1, 0]])  # lists; MindSpore 2.10: [0.5]
    np.testing.assert_array_equal(m.eval(), [0.5])
    # a measure undefined everywhere: NaN with calculation_method=False
    m = ConfusionMatrixMetric(metric_name="precision")
    m.update(np.zeros((2, 2)), np.zeros((2, 2)))
    assert np.isnan(m.eval()).all()


def test_confusion_matrix_metric_decreases():
    # one sample, one channel: every decrease gives its single value (MindSpore 2.10: 1.0 for
    # each, except 'mean_batch' which fails there on a missing call; we compute it)
    for decrease in ("none", "mean", "sum", "mean_batch", "sum_batch", "mean_channel",
                     "sum_channel"):
        m = ConfusionMatrixMetric(metric_name="tpr", calculation_method=True, decrease=decrease)
        m.update(P1[:1, :1], Y1[:1, :1])
        assert m.eval() == 1.0
    # the per-(sample, channel) sensitivities of P1/Y1, by hand from the counts
    tp = (P1 * Y1).reshape(2, 3, -1).sum(-1)
    pos = Y1.reshape(2, 3, -1).sum(-1)
    chart = tp / pos  # every channel holds a positive here
    m = ConfusionMatrixMetric(metric_name="tpr", calculation_method=True, decrease="mean")
    m.update(P1, Y1)
    assert m.eval() == pytest.approx(chart.mean(axis=1).mean(), rel=1e-14)
    m = ConfusionMatrixMetric(metric_name="tpr", calculation_method=True, decrease="mean_batch")
    m.update(P1[:, :1], Y1[:, :1])  # one channel: the mean over the batch
    assert m.eval() == pytest.approx(chart[:, 0].mean(), rel=1e-14)
    # the reductions that leave several values cannot be accumulated (MindSpore 2.10 fails in
    # .item() with a ValueError)
    for decrease in ("none", "sum_batch", "mean_channel", "sum_channel", "mean_batch"):
        m = ConfusionMatrixMetric(metric_name="tpr", calculation_method=True, decrease=decrease)
        with pytest.raises(ValueError, match=f"the decrease '{decrease}' leaves"):
            m.update(P1, Y1)


def test_confusion_matrix_metric_errors():
    for kw, word in (({"skip_channel": 1}, "skip_channel"), ({"metric_name": 1}, "metric_name"),
                     ({"calculation_method": 1}, "calculation_method"), ({"decrease": 1}, "decrease")):
        with pytest.raises(TypeError, match=f"the type of '{word}' should be"):
            ConfusionMatrixMetric(**kw)
    with pytest.raises(ValueError, match=r"'decrease' must be str and must be in \['none', 'mean'"):
        ConfusionMatrixMetric(decrease="foo")
    # MindSpore 2.10 raises NotImplementedError("The metric is not implemented.") from update or
    # eval; ours comes from the constructor
    with pytest.raises(NotImplementedError, match="the metric 'foo' is not implemented"):
        ConfusionMatrixMetric(metric_name="foo")
    m = ConfusionMatrixMetric()
    with pytest.raises(ValueError, match=r"it needs 2 inputs \(predicted value, true value\), but got 1"):
        m.update(np.zeros((2, 2)))
    with pytest.raises(ValueError, match=r"same shape, but got \(2, 2\) and \(2, 3\)"):
        m.update(np.zeros((2, 2)), np.zeros((2, 3)))
    with pytest.raises(ValueError, match="at least 2 dimensions, but got 1"):
        m.update(np.zeros(2), np.zeros(2))
    with pytest.raises(ValueError, match="must be a binarized"):
        m.update(np.zeros((2, 2)), np.full((2, 2), 0.5))
    # MindSpore 2.10 returns array([nan]) here (0/0); eval before update is an error for us
    with pytest.raises(RuntimeError, match="'update' method before"):
        m.eval()
    m = ConfusionMatrixMetric(calculation_method=True)
    with pytest.raises(RuntimeError, match="number of samples is 0"):
        m.eval()
    m.update(np.zeros((2, 2, 3)), np.zeros((2, 2, 3)))  # no positive: sensitivity undefined
    with pytest.raises(RuntimeError, match="number of samples is 0"):
        m.eval()
    # classification inputs with calculation_method=True: MindSpore 2.10 fails unpacking
    for shape in ((6, 3), (6, 3, 1)):
        with pytest.raises(ValueError, match="'calculation_method' must be False"):
            m.update(np.zeros(shape), np.zeros(shape))


# -------------------------------------------------------------------------- OcclusionSensitivity

class _DocNet(nn.Cell):
    def __init__(self):
        super().__init__()
        w = np.array([[0.1, 0.8, 0.1, 0.1], [1, 1, 1, 1]]).astype(np.float32)
        b = np.array([0.3, 0.6]).astype(np.float32)
        self.dense = nn.Dense(4, 2, weight_init=ms.Tensor(w), bias_init=ms.Tensor(b))

    def construct(self, x):
        return self.dense(x)


OW = (((np.arange(72).reshape(3, 24) * 37) % 19 - 9) / 10).astype(np.float32)
OB = np.array([0.1, -0.2, 0.3], np.float32)
OX = (((np.arange(24).reshape(1, 2, 3, 4) * 11) % 7 - 3) / 4).astype(np.float32)


class _FlatNet(nn.Cell):
    def __init__(self):
        super().__init__()
        self.flat = nn.Flatten()
        self.dense = nn.Dense(24, 3, weight_init=ms.Tensor(OW), bias_init=ms.Tensor(OB))

    def construct(self, x):
        return self.dense(self.flat(x))


def _occlusion(model, x=OX, label=np.array(1), **kw):
    m = OcclusionSensitivity(**kw)
    m.update(model, x, label)
    return m.eval()


def _linear_reference(label, margin, pad_val=0.0, box=None):
    """The map of the linear model by definition: for each position, the label's weights times
    what the window [i - margin, i + margin) loses (x - pad_val), summed."""
    image = OX[0].astype(np.float64)
    weights = OW[label].reshape(image.shape).astype(np.float64)
    margins = margin if isinstance(margin, list) else [margin] * image.ndim
    out = np.zeros(image.shape)
    for idx in np.ndindex(*image.shape):
        window = tuple(slice(max(0, i - m), min(n, i + m))
                       for i, m, n in zip(idx, margins, image.shape))
        out[idx] = (weights[window] * (image[window] - pad_val)).sum()
    return out if box is None else out[box]


def test_occlusion_documentation_example():
    m = OcclusionSensitivity()
    m.clear()
    m.update(_DocNet(), np.array([[0.1, 0.2, 0.3, 0.4]]).astype(np.float32),
             np.array(1).astype(np.int32))
    got = m.eval()
    assert got.dtype == np.float32 and got.shape == (4,)
    # MindSpore 2.10: [0.29999995 0.6 1. 0.9]
    np.testing.assert_allclose(got, [0.29999995, 0.6, 1.0, 0.9], rtol=1e-6, atol=1e-6)


# MindSpore 2.10: OcclusionSensitivity(**kw).update(_FlatNet(), OX, np.array(label)).eval()
OCC = [
    ({}, 2, [[[0.17499995231628418, -0.125, 0.34999990463256836, -0.125],
              [0.5749999284744263, 0.6499999165534973, 1.125, 0.8499999642372131],
              [0.5749999284744263, 0.6499999165534973, 1.125, 0.8499999642372131]]] * 2),
    ({"margin": 1}, 0, [[[0.6750000715255737, 0.8999999761581421, -0.17499995231628418, -0.04999995231628418],
                         [0.5250000953674316, 1.125, 0.20000004768371582, -0.27500009536743164],
                         [-0.09999978542327881, 0.2250000238418579, 0.32499995827674866, -0.1999998688697815]],
                        [[0.5250000953674316, 0.75, 0.125, 0.125],
                         [0.6750000715255737, 0.9249998331069946, 0.3499998152256012, -0.5750000476837158],
                         [0.20000016689300537, -0.4249999523162842, -0.24999994039535522, -0.7999999523162842]]]),
    ({"margin": 1, "pad_val": 0.5}, 1,
     [[[-0.6250002384185791, -0.725000262260437, -0.4000002145767212, -0.3000001907348633],
       [-0.7000001668930054, -0.8000001907348633, -0.350000262260437, -8.940696716308594e-08],
       [-1.4901161193847656e-07, 0.3999999761581421, 0.44999992847442627, 0.7499999403953552]],
      [[-0.8000001311302185, -0.5000000596046448, 1.1249998807907104, 0.599999725818634],
       [-1.6750001907348633, -1.3750001192092896, 0.724999725818634, 0.5749997496604919],
       [-1.0000001192092896, -0.9750000834465027, -0.4250001907348633, 0.27499985694885254]]]),
    ({"margin": 1, "n_batch": 5}, 1,
     [[[-0.3750002384185791, -0.2750001847743988, -0.05000010132789612, -0.05000010132789612],
       [-0.4000002145767212, -0.3000001907348633, -0.05000010132789612, 0.09999999403953552],
       [-0.10000017285346985, 0.09999987483024597, -0.050000160932540894, 0.04999986290931702]],
      [[-0.9000001549720764, -0.8000001311302185, 0.6249998211860657, 0.8499998450279236],
       [-1.3250000476837158, -0.8750000596046448, 0.8249999284744263, 1.225000023841858],
       [-0.5000002384185791, -0.1750001609325409, -0.02500012516975403, 0.2749999165534973]]]),
    ({"margin": 1, "b_box": [0, 1, 1, 2, 0, -1]}, 1,
     [[[-0.4000002145767212, -0.3000001907348633, -0.05000010132789612, 0.09999999403953552],
       [-0.10000017285346985, 0.09999987483024597, -0.050000160932540894, 0.04999986290931702]],
      [[-1.3250000476837158, -0.8750000596046448, 0.8249999284744263, 1.225000023841858],
       [-0.5000002384185791, -0.1750001609325409, -0.02500012516975403, 0.2749999165534973]]]),
    ({"margin": 1, "b_box": [1, 1, 1, 2, 0, 3]}, 1,
     [[-1.3250000476837158, -0.8750000596046448, 0.8249999284744263, 1.225000023841858],
      [-0.5000002384185791, -0.1750001609325409, -0.02500024437904358, 0.27499979734420776]]),
    ({"margin": 3}, 1, [[[-0.8000000715255737] + [0.1499999463558197] * 3] * 3] * 2),
    ({"margin": 1}, -1, [[[0.0, -0.02499985694885254, 0.07500004768371582, -0.04999995231628418],
                          [0.10000014305114746, -0.3000001907348633, -0.3000001907348633, 0.47499996423721313],
                          [-0.10000014305114746, -0.02500009536743164, 0.5249999761581421, 0.7749999761581421]],
                         [[0.5250000357627869, 0.5, -0.2999999523162842, -0.3250000476837158],
                          [0.4750000238418579, 0.17499995231628418, -0.6000001430511475, 0.17499995231628418],
                          [-0.25, 0.07499980926513672, 0.6749999523162842, 0.875]]]),
]


@pytest.mark.parametrize("kw,label,expected", OCC)
def test_occlusion_against_mindspore(kw, label, expected):
    got = _occlusion(_FlatNet(), label=np.array(label), **kw)
    assert isinstance(got, np.ndarray) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-6)
    box = None
    if "b_box" in kw:
        lo = [max(v, 0) for v in kw["b_box"][::2]]
        hi = [v if v >= 0 else n - 1 for v, n in zip(kw["b_box"][1::2], OX.shape[1:])]
        box = tuple(slice(a, b + 1) for a, b in zip(lo, hi))
    ref = np.squeeze(_linear_reference(label, kw.get("margin", 2), kw.get("pad_val", 0.0), box))
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-5)


def test_occlusion_inputs_and_models():
    net = _FlatNet()
    base = _occlusion(net, margin=1)
    np.testing.assert_allclose(_occlusion(net, x=ms.Tensor(OX), margin=1), base, rtol=1e-6,
                               atol=1e-6)
    # a list becomes a float64 array, which the float32 Dense refuses (MindSpore 2.10 too)
    with pytest.raises(TypeError):
        _occlusion(net, x=OX.tolist(), margin=1)
    for label in (ms.Tensor(np.array(1, np.int32)), 1, [1], np.array([[1]])):
        # a Tensor label as MindSpore 2.10; an int or a one-element list/array (MindSpore 2.10
        # refuses the int and fails reshaping the others)
        np.testing.assert_allclose(_occlusion(net, label=label, margin=1), base, rtol=1e-6,
                                   atol=1e-6)
    # a margin per axis (MindSpore 2.10 fails on lists): [1, 1, 1] is margin 1
    np.testing.assert_allclose(_occlusion(net, margin=[1, 1, 1]), base, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(_occlusion(net, margin=[0, 1, 2]), _linear_reference(1, [0, 1, 2]),
                               rtol=1e-5, atol=1e-5)
    # margin 0 covers nothing: the map is 0 (MindSpore 2.10: about -2.4e-7 from batching)
    np.testing.assert_allclose(_occlusion(net, margin=0), np.zeros((2, 3, 4)), atol=1e-6)
    # a one-position box gives a scalar (MindSpore 2.10: numpy.float64 -0.04999995231628418)
    one = _occlusion(net, margin=1, b_box=[-3, 0, 1, 1, 2, 2])
    assert np.ndim(one) == 0 and float(one) == pytest.approx(-0.04999995231628418, abs=1e-6)
    # after a softmax (MindSpore 2.10, label 1, margin 1)
    soft = _occlusion(nn.SequentialCell([net, nn.Softmax()]), margin=1)
    np.testing.assert_allclose(soft, [[[-0.07150672376155853, -0.05317328870296478, -0.011298805475234985, -1.4901161193847656e-08],
                                       [-0.08996337652206421, -0.018042415380477905, 0.023629143834114075, -0.030920416116714478],
                                       [-1.4901161193847656e-08, 0.011756852269172668, -0.08705650269985199, -0.07835067808628082]],
                                      [[-0.28324684500694275, -0.2612724304199219, 0.08677977323532104, 0.10219042003154755],
                                       [-0.38389891386032104, -0.2136879563331604, 0.11275431513786316, 0.10733862221240997],
                                       [-0.046311452984809875, -0.021746382117271423, -0.07677052915096283, -0.010923698544502258]]],
                               rtol=1e-5, atol=1e-6)
    m = OcclusionSensitivity(margin=1)
    m.update(net, OX, np.array(1))
    m.clear()
    with pytest.raises(RuntimeError, match="'update' method before"):
        m.eval()


def test_occlusion_errors():
    net = _FlatNet()
    for kw, word in (({"pad_val": 0}, "pad_val"), ({"margin": 2.0}, "margin"),
                     ({"margin": [1, 1.0]}, "margin"), ({"n_batch": 1.0}, "n_batch"),
                     ({"b_box": (1, 2)}, "b_box")):
        with pytest.raises(TypeError, match=f"the type of '{word}' should be"):
            OcclusionSensitivity(**kw)
    with pytest.raises(ValueError, match="'margin' must be >= 0"):
        OcclusionSensitivity(margin=-1)
    with pytest.raises(ValueError, match="'n_batch' must be >= 1"):
        OcclusionSensitivity(n_batch=0)
    with pytest.raises(RuntimeError, match="'update' method before"):
        OcclusionSensitivity().eval()
    m = OcclusionSensitivity()
    with pytest.raises(ValueError, match=r"it needs 3 inputs .* but got 2"):
        m.update(net, OX)
    with pytest.raises(TypeError, match="the type of 'model' should be 'Cell', but got type 'int'"):
        m.update(1, OX, np.array(1))
    with pytest.raises(RuntimeError, match="the shape at index 0 of the predicted value "
                                           r"\(input\[1\]\) must be 1, but got 2"):
        m.update(net, np.concatenate([OX, OX]), np.array(1))
    with pytest.raises(RuntimeError, match="the label number 2, and batches 1"):
        m.update(net, OX, np.array([1, 0]))
    with pytest.raises(IndexError, match="out of range for the model's 3 classes"):
        m.update(net, OX, np.array(5))
    with pytest.raises(IndexError, match="integer class index"):
        m.update(net, OX, np.array(1.0))
    with pytest.raises(ValueError, match="one value per image axis"):
        OcclusionSensitivity(margin=[1, 1]).update(net, OX, np.array(1))
    for box, words in (([0, 2, 0, 3, 0, 4], "maximum bounding box must be smaller than image size"),
                       ([1, 0, 0, 2, 0, 3], "minimum bounding box must be smaller than maximum"),
                       ([0, 1, 2], "length of 'b_box' must be twice")):
        with pytest.raises(ValueError, match=words):
            OcclusionSensitivity(b_box=box).update(net, OX, np.array(1))
