"""Python control flow on tensor values inside differentiated functions, and the D2L ndarray
notebook's indexing and item assignment."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor
from helpers import check

ga = ms.ops.GradOperation(get_all=True)


def seed_f(a):
    b = a * 2
    while ems.norm(b) < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


@pytest.mark.parametrize("a, grad", [(0.37, 4096.0), (0.7, 2048.0), (-0.3, 409600.0), (600.0, 2.0), (-2000.0, 200.0)])
def test_seed_control_flow_gradient(a, grad):
    """f is linear in a along the taken branch: b = 2^(k+1) a, c = b or 100 b."""
    t = Tensor(a)
    assert ga(seed_f)(t)[0].item() == grad
    assert seed_f(t).item() == pytest.approx(grad * a, rel=1e-6)


def test_if_on_a_tensor_chooses_the_branch_per_call():
    def relu_ish(v):
        return v * v if v.sum() > 0 else -3 * v
    assert ms.grad(relu_ish)(Tensor(2.0)).item() == 4.0
    assert ms.grad(relu_ish)(Tensor(-2.0)).item() == -3.0


def test_while_with_a_data_dependent_trip_count():
    def halve_until_small(v):
        n = 0
        while (v * v).sum() > 1:
            v = v / 2
            n += 1
        return v * n
    # [3, 4] -> norm 5: halved 3 times (5/8 < 1); output = v/8 * 3, d/dv = 3/8
    check(ms.grad(lambda v: halve_until_small(v).sum())(Tensor([3.0, 4.0])), [0.375, 0.375], "Float32")


def test_for_loop_accumulation_and_python_list_of_tensors():
    def poly(v):
        terms = [v ** k for k in range(1, 4)]
        total = 1.0
        for t in terms:
            total = total + t
        return total.sum()   # d/dv (1 + v + v² + v³) = 1 + 2v + 3v²
    check(ms.grad(poly)(Tensor([0.0, 1.0, 2.0])), [1, 6, 17], "Float32")


def test_branch_on_item_and_float():
    def f(v):
        if float(v.sum()) > 1.0:
            return (v * 3).sum()
        return (v * 5).sum()
    check(ms.grad(f)(Tensor([1.0, 1.0])), [3, 3], "Float32")
    check(ms.grad(f)(Tensor([0.1, 0.1])), [5, 5], "Float32")


class TestD2LNdarray:
    """Values as in the D2L 0_ndarray notebook."""

    def test_indexing_and_slicing(self):
        X = ems.arange(12, dtype=ms.float32).reshape((3, 4))
        check(X[-1], [8, 9, 10, 11], "Float32")
        check(X[1:3], [[4, 5, 6, 7], [8, 9, 10, 11]], "Float32")
        check(X[:, 1], [1, 5, 9], "Float32")
        check(X[..., -1], [3, 7, 11], "Float32")
        check(X[None, 0].reshape(-1)[:2], [0, 1], "Float32")

    def test_item_assignment(self):
        X = ems.arange(12, dtype=ms.float32).reshape((3, 4))
        X[1, 2] = 9
        check(X, [[0, 1, 2, 3], [4, 5, 9, 7], [8, 9, 10, 11]], "Float32")
        X[0:2, :] = 12
        check(X, [[12, 12, 12, 12], [12, 12, 12, 12], [8, 9, 10, 11]], "Float32")
        assert repr(X) == (
            "Tensor(shape=[3, 4], dtype=Float32, value=\n"
            "[[ 1.20000000e+01,  1.20000000e+01,  1.20000000e+01,  1.20000000e+01],\n"
            " [ 1.20000000e+01,  1.20000000e+01,  1.20000000e+01,  1.20000000e+01],\n"
            " [ 8.00000000e+00,  9.00000000e+00,  1.00000000e+01,  1.10000000e+01]])")

    def test_item_assignment_on_int32_keeps_dtype(self):
        X = ems.arange(12).reshape(3, 4)
        X[1, 2] = 9
        X[0:2, :] = 12
        assert repr(X) == "Tensor(shape=[3, 4], dtype=Int32, value=\n[[12, 12, 12, 12],\n [12, 12, 12, 12],\n [ 8,  9, 10, 11]])"

    def test_assignment_of_a_tensor_row_and_broadcast(self):
        X = ems.zeros((2, 3))
        X[1] = Tensor([1.0, 2.0, 3.0])
        X[:, 0] = Tensor([7.0, 8.0])
        check(X, [[7, 0, 0], [8, 2, 3]], "Float32")

    def test_assignment_rebinds_only_this_handle(self):
        X = ems.arange(4.0)
        Y = X
        Z = X.copy()
        X[0] = 5.0
        check(Y, [5, 1, 2, 3], "Float32")  # same Python object
        check(Z, [0, 1, 2, 3], "Float32")

    def test_broadcasting_and_concat(self):
        a = ems.arange(3).reshape((3, 1))
        b = ems.arange(2).reshape((1, 2))
        check(a + b, [[0, 1], [1, 2], [2, 3]], "Int32")
        X = ems.arange(12, dtype=ms.float32).reshape((3, 4))
        Y = ems.tensor([[2.0, 1, 4, 3], [1, 2, 3, 4], [4, 3, 2, 1]])
        assert ems.concat((X, Y), 0).shape == (6, 4)
        assert ems.concat((X, Y), 1).shape == (3, 8)
        check(X == Y, [[False, True, False, True], [False] * 4, [False] * 4], "Bool")
        check(X.sum(), 66, "Float32")

    def test_exp_of_ints_is_float32(self):
        r = ems.exp(ems.tensor([1.0, 2, 4, 8]))
        assert str(r.dtype) == "Float32"
        np.testing.assert_allclose(r.asnumpy(), np.exp([1.0, 2, 4, 8]), rtol=1e-6)
