"""The general eigendecomposition: ``ops.eig``, ``ops.eigvals`` and ``ops.Eig``; eigenvalues
(order and digits) and eigenvectors (phases included) against what MindSpore 2.10.0 printed on
its CPU build for the same matrices, the identity ``A·V = V·diag(w)`` and NumPy's eigenvalues on
random batches, gradients against the trace identity and central differences in Float64, and
MindSpore's error classes."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

A33 = np.array([[1.0, 2.0, 0.5], [-1.0, 0.3, 4.0], [2.0, 1.0, -3.0]])
C22 = np.array([[1 + 1j, 2 - 0.5j], [0.3j, -1 + 2j]])


def test_float64_values_and_vectors_are_mindspores():
    w, v = ops.eig(Tensor(A33))
    assert w.dtype == ms.complex128 and v.dtype == ms.complex128
    # MindSpore 2.10.0: ascending magnitude, its phases.
    np.testing.assert_allclose(w.asnumpy(), [-0.5925932645, 2.1963564847, -3.3037632202], atol=1e-9)
    np.testing.assert_allclose(v.asnumpy(), [[0.7014423739, 0.8284756238, -0.2414753979],
                                             [-0.6379878257, 0.3967702511, 0.6901690439],
                                             [0.3177265025, 0.3952233656, -0.6821703035]], atol=1e-9)
    # Real eigenvalues print +0 imaginary parts, as MindSpore's.
    assert "-0.j" not in str(w)


def test_float32_runs_in_single_precision_with_mindspores_phases():
    w, v = ops.eig(Tensor(A33.astype(np.float32)))
    assert w.dtype == ms.complex64 and v.dtype == ms.complex64
    np.testing.assert_allclose(w.asnumpy(), [-0.5925943, 2.196357, -3.3037617], atol=5e-6)
    # MindSpore's single-precision run ends with other signs on columns 0 and 2 than its double one.
    np.testing.assert_allclose(v.asnumpy(), [[-0.7014422, 0.82847565, 0.24147564],
                                             [0.6379879, 0.39677024, -0.6901691],
                                             [-0.31772667, 0.39522335, 0.68217015]], atol=5e-6)
    assert str(ops.eigvals(Tensor([[1.0, 2.0], [3.0, 4.0]]))) == "[-0.37228122+0.j  5.372281  +0.j]"


def test_complex_and_special_matrices_match_mindspore():
    w, v = ops.eig(Tensor(C22))
    np.testing.assert_allclose(w.asnumpy(), [0.9707949784 + 1.2939832772j, -0.9707949784 + 1.7060167228j],
                               atol=1e-9)
    np.testing.assert_allclose(v.asnumpy(), [[0.9898873635, 0.0251606712 + 0.7012081607j],
                                             [-0.0478410657 + 0.1335448991j, -0.0958154331 - 0.706040692j]],
                               atol=1e-9)
    # A rotation: conjugate eigenvalues of equal magnitude, the first found first.
    w, v = ops.eig(Tensor([[0.0, -1.0], [1.0, 0.0]], ms.float64))
    np.testing.assert_allclose(w.asnumpy(), [1j, -1j], atol=1e-15)
    np.testing.assert_allclose(v.asnumpy(), np.array([[1, -1j], [-1j, 1]]) / np.sqrt(2), atol=1e-15)
    # A Jordan block: one eigenvector, the other column the back substitution's near-copy.
    w, v = ops.eig(Tensor([[2.0, 1.0], [0.0, 2.0]], ms.float64))
    np.testing.assert_allclose(w.asnumpy(), [2, 2])
    np.testing.assert_allclose(v.asnumpy(), [[1, -1], [0, 6.66134e-16]], atol=1e-20, rtol=1e-5)
    w, v = ops.eig(Tensor([[3.0]], ms.float64))
    assert w.shape == (1,) and v.asnumpy().tolist() == [[1]]


@pytest.mark.parametrize("dtype", [np.float64, np.complex128, np.float32, np.complex64])
def test_random_batches_decompose(dtype):
    rng = np.random.default_rng(3)
    a = rng.uniform(-1, 1, (2, 3, 5, 5))
    if np.dtype(dtype).kind == "c":
        a = a + 1j * rng.uniform(-1, 1, a.shape)
    a = a.astype(dtype)
    w, v = ops.eig(Tensor(a))
    w, v = w.asnumpy(), v.asnumpy()
    tol = 1e-10 if dtype in (np.float64, np.complex128) else 2e-5
    assert w.shape == (2, 3, 5) and v.shape == (2, 3, 5, 5)
    np.testing.assert_allclose(a @ v, v * w[..., None, :], atol=tol * 10)
    np.testing.assert_allclose(np.linalg.norm(v, axis=-2), 1, atol=tol)
    assert (np.diff(np.abs(w), axis=-1) >= -tol).all()
    ref = np.linalg.eigvals(a.astype(np.complex128))
    for got, want in zip(w.reshape(-1, 5), ref.reshape(-1, 5)):
        np.testing.assert_allclose(sorted(got, key=lambda z: (round(z.real, 4), z.imag)),
                                   sorted(want, key=lambda z: (round(z.real, 4), z.imag)), atol=tol * 10)
    np.testing.assert_allclose(ops.eigvals(Tensor(a)).asnumpy(), w, atol=tol)


def test_the_primitive_class():
    assert repr(ops.Eig()) == "Prim[Eig]<compute_v=False>"
    x = Tensor(np.eye(2, dtype=np.float32))
    w = ops.Eig()(x)
    assert isinstance(w, Tensor) and w.dtype == ms.complex64
    w, v = ops.Eig(compute_v=True)(x)
    assert v.asnumpy().tolist() == [[1, 0], [0, 1]]
    with pytest.raises(TypeError):
        ops.Eig(compute_v=1)


def test_bad_inputs_raise_mindspores_classes():
    with pytest.raises(ValueError, match=r"eig.*square.*\[2, 3\]"):
        ops.eig(Tensor(np.ones((2, 3))))
    with pytest.raises(ValueError):
        ops.eigvals(Tensor(np.ones(3)))
    with pytest.raises(TypeError, match="Int32"):
        ops.eig(Tensor(np.ones((2, 2), np.int32)))
    with pytest.raises(TypeError):
        ops.eig(np.ones((2, 2)))
    w, v = ops.eig(Tensor(np.zeros((0, 0), np.float32)))
    assert w.shape == (0,) and v.shape == (0, 0)


def test_gradients():
    # The eigenvalues sum to the trace: the gradient of Re Σw is the identity.
    a = Tensor(A33)
    g = ms.grad(lambda x: ops.real(ops.eig(x)[0]).sum())(a)
    np.testing.assert_allclose(g.asnumpy(), np.eye(3), atol=1e-12)
    g = ms.grad(lambda x: ops.real(ops.eigvals(x)).sum())(a)
    np.testing.assert_allclose(g.asnumpy(), np.eye(3), atol=1e-12)

    # |v|² (phase-free) and |w|, against central differences (ops.abs of a complex Tensor is
    # complex here as in MindSpore 2.10: the real part is taken).
    def loss(x):
        w, v = ops.eig(x)
        mags = ops.real(ops.abs(v)) ** 2 * Tensor(np.arange(9.0).reshape(3, 3))
        return mags.sum() + ops.real(ops.abs(w)).sum()

    g = ms.grad(loss)(a).asnumpy()
    eps = 1e-6
    fd = np.zeros((3, 3))
    for i in range(3):
        for j in range(3):
            d = np.zeros((3, 3))
            d[i, j] = eps
            fd[i, j] = (float(loss(Tensor(A33 + d)).asnumpy()) - float(loss(Tensor(A33 - d)).asnumpy())) / (2 * eps)
    np.testing.assert_allclose(g, fd, atol=1e-6)


def test_the_tensor_method():
    # MindSpore 2.10's Tensor.eigvals calls ops.eigvals without the tensor and fails.
    x = Tensor(A33)
    np.testing.assert_array_equal(x.eigvals().asnumpy(), ops.eigvals(x).asnumpy())
