"""What the D2L book's MindSpore notebooks print, as MindSpore 2.10 prints it (the expected
strings were observed on MindSpore 2.10.0, CPU, with the scripts/d2l_cells.py recordings)."""
import copy

import numpy as np

import mindspore as ms
import mindspore.dataset as ds


def _first_batch(*cols):
    rows = [tuple(c[i] for c in cols) for i in range(len(cols[0]))]
    d = ds.GeneratorDataset(rows, [f"c{i}" for i in range(len(cols))], shuffle=False)
    return next(iter(d))


def test_dataset_tensor_repr_is_numpys():
    # A dataset's output wraps NumPy memory: MindSpore prints it with NumPy's array2string
    # (", " between items, blank line between 2-D blocks), not with its op-result formatter.
    a = np.linspace(-1, 1, 24).reshape(1, 2, 3, 4).astype(np.float32)
    (x,) = _first_batch(a)
    assert repr(x) == (
        "Tensor(shape=[2, 3, 4], dtype=Float32, value=\n"
        "[[[-1.        , -0.9130435 , -0.82608694, -0.73913044],\n"
        "  [-0.65217394, -0.5652174 , -0.47826087, -0.39130434],\n"
        "  [-0.3043478 , -0.2173913 , -0.13043478, -0.04347826]],\n"
        "\n"
        " [[ 0.04347826,  0.13043478,  0.2173913 ,  0.3043478 ],\n"
        "  [ 0.39130434,  0.47826087,  0.5652174 ,  0.65217394],\n"
        "  [ 0.73913044,  0.82608694,  0.9130435 ,  1.        ]]])")
    # an op's result prints with the tensor formatter again
    assert repr(x[0, 0] * 1) == ("Tensor(shape=[4], dtype=Float32, value= [-1.00000000e+00, "
                                 "-9.13043499e-01, -8.26086938e-01, -7.39130437e-01])")


def test_dataset_tensor_repr_1d_0d_and_elided():
    x, s, n = _first_batch(np.linspace(-1, 1, 8).reshape(2, 4).astype(np.float32),
                           np.array([2.5, 1.0], np.float32),
                           np.arange(6000, dtype=np.int64).reshape(2, 3000))
    assert repr(x) == ("Tensor(shape=[4], dtype=Float32, value= [-1.        , -0.71428573, "
                       "-0.42857143, -0.14285715])")
    assert repr(s) == "Tensor(shape=[], dtype=Float32, value= 2.5)"
    assert repr([s]) == "[Tensor(shape=[], dtype=Float32, value= 2.5)]"
    assert repr(n) == "Tensor(shape=[3000], dtype=Int64, value= [   0,    1,    2, ..., 2997, 2998, 2999])"


def test_batched_dataset_tensor_repr_and_after_setitem():
    rows = [(np.array([i, -i], np.float32) / 7,) for i in range(4)]
    d = ds.GeneratorDataset(rows, ["x"], shuffle=False).batch(2)
    (x,) = next(iter(d))
    assert repr(x) == ("Tensor(shape=[2, 2], dtype=Float32, value=\n"
                       "[[ 0.        ,  0.        ],\n"
                       " [ 0.14285715, -0.14285715]])")
    x[0, 0] = 5  # still the same host tensor on MindSpore
    assert repr(x).startswith("Tensor(shape=[2, 2], dtype=Float32, value=\n[[ 5.        ,  0.        ],")
    assert repr(copy.deepcopy(x)) == repr(x)


def test_from_numpy_repr_is_numpys_tensor_repr_is_not():
    a = np.array([-1.0, 0.5, 0.25], np.float32)
    assert repr(ms.Tensor.from_numpy(a)) == \
        "Tensor(shape=[3], dtype=Float32, value= [-1.  ,  0.5 ,  0.25])"
    assert repr(ms.from_numpy(a)) == "Tensor(shape=[3], dtype=Float32, value= [-1.  ,  0.5 ,  0.25])"
    assert repr(ms.Tensor(a)) == \
        "Tensor(shape=[3], dtype=Float32, value= [-1.00000000e+00,  5.00000000e-01,  2.50000000e-01])"
