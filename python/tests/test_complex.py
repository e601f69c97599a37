"""complex64 and complex128: creation, NumPy conversion both ways, arithmetic against NumPy
(hypothesis), MindSpore 2.10's promotion and casts, printing (the expected text was measured with
MindSpore 2.10 on the CPU), the complex functions, gradients with MindSpore's convention, and the
ops that refuse complex operands."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import mindspore as ms
from mindspore import Tensor, ops

C = [(ms.complex64, np.complex64, 1e-5), (ms.complex128, np.complex128, 1e-12)]


def test_dtype_objects():
    assert str(ms.complex64) == "Complex64" and repr(ms.complex64) == "mindspore.complex64"
    assert str(ms.complex128) == "Complex128" and repr(ms.complex128) == "mindspore.complex128"
    assert ms.dtype.complex_type == (ms.complex64, ms.complex128)
    assert ms.complex64 in ms.dtype.number_type
    assert ms.dtype.pytype_to_dtype(complex) is ms.complex128


def test_creation_follows_mindspore_inference():
    assert Tensor(1 + 2j).dtype == ms.complex128
    assert Tensor([1 + 2j, 3 - 4j]).dtype == ms.complex128
    t = Tensor([1, 2.5, 3j])
    assert t.dtype == ms.complex128
    np.testing.assert_array_equal(t.asnumpy(), [1, 2.5, 3j])
    assert Tensor([1 + 1j, 2], ms.complex64).dtype == ms.complex64
    # A complex list read as a real dtype keeps the real part (MindSpore 2.10).
    t = Tensor([1 + 1j, 2], ms.float32)
    assert t.dtype == ms.float32 and t.asnumpy().tolist() == [1.0, 2.0]
    assert Tensor(np.complex64(1.5 - 2j)).dtype == ms.complex64
    assert Tensor([1, 2], ms.complex64).asnumpy().tolist() == [1 + 0j, 2 + 0j]


@pytest.mark.parametrize("ms_t, np_t, tol", C)
def test_numpy_round_trip_shares_memory(ms_t, np_t, tol):
    a = np.array([[1 + 2j, -3.5 - 4.25j], [0j, 1e10 + 1e-5j]], np_t)
    t = Tensor(a)
    assert t.dtype == ms_t
    back = t.asnumpy()
    assert back.dtype == np_t
    np.testing.assert_array_equal(back, a)
    back[0, 0] = 7 - 7j  # asnumpy is a view of the tensor's memory, as for the other dtypes
    assert t[0, 0].item() == 7 - 7j
    shared = ms.from_numpy(a)
    a[1, 0] = 5j
    assert shared.asnumpy()[1, 0] == 5j
    assert t.tolist()[0][1] == complex(a[0, 1])
    assert isinstance(t[0, 1].item(), complex)
    np.testing.assert_array_equal(np.array(t), t.asnumpy())


def _cplx(n):
    part = st.floats(-100, 100, allow_nan=False, width=32)
    return st.lists(st.tuples(part, part), min_size=n, max_size=n).map(
        lambda v: np.array([complex(a, b) for a, b in v]))


@settings(max_examples=20, deadline=None)
@given(_cplx(6), _cplx(6))
def test_arithmetic_matches_numpy(a, b):
    for ms_t, np_t, tol in C:
        # `+ 0` turns -0.0 parts into +0.0: the angle of -0+0j is NumPy's π but atan2's 0 here.
        x, y = a.astype(np_t).reshape(2, 3) + 0, b.astype(np_t).reshape(2, 3) + 0
        tx, ty = Tensor(x), Tensor(y)
        for got, want in [(tx + ty, x + y), (tx - ty, x - y), (tx * ty, x * y), (-tx, -x),
                          (tx * 2, x * 2), (1.5 - tx, 1.5 - x), (tx.sum(), x.sum()),
                          (tx.sum(1, keepdims=True), x.sum(1, keepdims=True)),
                          (tx.mean(), x.mean()), (ops.mean(tx, 0), x.mean(0)),
                          (ops.matmul(tx, ty.T), x @ y.T), (tx ** 2, x ** 2),
                          (ops.exp(tx / 50), np.exp(x / 50)), (ops.log(tx + 0.5), np.log(x + 0.5)),
                          (ops.sqrt(tx), np.sqrt(x))]:
            assert got.dtype == ms_t
            np.testing.assert_allclose(got.asnumpy(), want, rtol=tol * 10, atol=tol * 100)
        nz = np.abs(y) > 1e-3
        # Quotients below the smallest normal number keep only some bits (subnormals): an
        # absolute tolerance of that size.
        np.testing.assert_allclose((tx / ty).asnumpy()[nz], (x / y)[nz], rtol=tol * 10,
                                   atol=np.finfo(np_t).tiny)
        np.testing.assert_array_equal(ops.equal(tx, ty).asnumpy(), x == y)
        np.testing.assert_array_equal(ops.not_equal(tx, tx).asnumpy(), x != x)
        np.testing.assert_allclose(ops.real(tx).asnumpy(), x.real)
        np.testing.assert_allclose(ops.imag(tx).asnumpy(), x.imag)
        np.testing.assert_allclose(ops.conj(tx).asnumpy(), x.conj())
        np.testing.assert_allclose(ops.abs(tx).asnumpy(), np.abs(x).astype(np_t), rtol=tol)
        np.testing.assert_allclose(ops.angle(tx).asnumpy(), np.angle(x), rtol=tol * 10, atol=tol * 10)


def test_complex_functions_values_and_dtypes():
    # Values measured with MindSpore 2.10.
    c = Tensor(np.array([1 + 2j, -3 + 0.5j, 0.25 - 1j], np.complex64))
    assert ops.real(c).dtype == ms.float32 and ops.imag(c).dtype == ms.float32
    assert c.real().asnumpy().tolist() == [1.0, -3.0, 0.25]
    assert c.imag().asnumpy().tolist() == [2.0, 0.5, -1.0]
    assert c.conj().asnumpy().tolist() == [1 - 2j, -3 - 0.5j, 0.25 + 1j]
    # A zero imaginary part's sign flips, as MindSpore 2.10 prints it.
    z = Tensor(np.array([1 + 0j, 2 - 3j, 0j], np.complex64))
    assert str(ops.conj(z)) == "[1.-0.j 2.+3.j 0.-0.j]"
    assert np.signbit(ops.conj(z).asnumpy().imag).tolist() == [True, False, True]
    a = ops.abs(c)
    assert a.dtype == ms.complex64  # MindSpore 2.10's Abs keeps the complex dtype
    np.testing.assert_allclose(a.asnumpy(), [2.236068, 3.0413814, 1.0307764], rtol=1e-6)
    assert ops.ComplexAbs()(c).dtype == ms.float32
    np.testing.assert_allclose(ops.angle(c).asnumpy(), [1.1071488, 2.976444, -1.3258177], rtol=1e-6)
    assert ops.angle(Tensor(np.array([[-1 + 0j]]))).dtype == ms.float64
    z = ops.Complex()(Tensor([1.0, 2.0]), Tensor([3.0, 4.0]))
    assert z.dtype == ms.complex64 and z.asnumpy().tolist() == [1 + 3j, 2 + 4j]
    assert ops.complex(Tensor([1.0], ms.float64), Tensor([3.0], ms.float64)).dtype == ms.complex128
    assert ops.real(Tensor([1, 2])).dtype == ms.int64
    assert ops.imag(Tensor([1.0])).asnumpy().tolist() == [0.0]
    assert c.is_complex() and ops.is_complex(c) and not Tensor([1.0]).is_complex()
    assert ops.zeros((2,), ms.complex64).asnumpy().tolist() == [0j, 0j]
    assert ops.ones((2,), ms.complex128).dtype == ms.complex128
    assert ops.full((2,), 1 + 2j, dtype=ms.complex64).asnumpy().tolist() == [1 + 2j, 1 + 2j]
    assert ops.zeros_like(c).dtype == ms.complex64 and ops.ones_like(c).asnumpy()[0] == 1


def test_promotion_is_mindspore_2_10s():
    c64, c128 = Tensor([1 + 1j], ms.complex64), Tensor([1 + 1j], ms.complex128)
    for other, want64 in [(ms.float32, ms.complex64), (ms.float64, ms.complex128),
                          (ms.float16, ms.complex64), (ms.int32, ms.complex64),
                          (ms.int64, ms.complex64), (ms.bool_, ms.complex64),
                          (ms.int8, ms.complex64), (ms.uint8, ms.complex64)]:
        t = Tensor([1], other)
        assert (t + c64).dtype == want64 and (c64 + t).dtype == want64
        assert (t + c128).dtype == ms.complex128
    assert (c64 + c128).dtype == ms.complex128
    for s in (2, 2.5, True):
        assert (c64 + s).dtype == ms.complex64
    assert (c64 + True).asnumpy().tolist() == [2 + 1j]


def test_casts_are_mindspore_2_10s():
    c = Tensor(np.array([1 + 2j, -3 + 0.5j, 0.25 - 1j], np.complex64))
    assert c.astype(ms.float32).asnumpy().tolist() == [1.0, -3.0, 0.25]
    assert c.astype(ms.int32).asnumpy().tolist() == [1, -3, 0]
    assert c.astype(ms.bool_).asnumpy().tolist() == [True, True, True]
    assert ops.cast(c, ms.float16).asnumpy().tolist() == [1.0, -3.0, 0.25]
    u = Tensor(np.array([-1.5 + 2j, 300.7 + 0j], np.complex64)).astype(ms.uint8)
    assert u.asnumpy().tolist() == [255, 44]
    assert Tensor(np.array([2j, 0j], np.complex64)).astype(ms.bool_).asnumpy().tolist() == [False, False]
    assert Tensor([1.5, 2]).astype(ms.complex64).asnumpy().tolist() == [1.5 + 0j, 2 + 0j]
    assert Tensor([True]).astype(ms.complex64).asnumpy().tolist() == [1 + 0j]
    big = Tensor(np.array([1e40 + 1j])).astype(ms.complex64).asnumpy()
    assert np.isinf(big[0].real) and big[0].imag == 1
    assert bool(Tensor(1 + 2j))


def test_printing_is_mindspore_2_10s():
    t = Tensor([1 + 2j, 3 - 4j])
    assert repr(t) == "Tensor(shape=[2], dtype=Complex128, value= [1+2j, 3-4j])"
    assert str(t) == "[1.+2.j 3.-4.j]"
    t0 = Tensor(1 + 2j)
    assert repr(t0) == "Tensor(shape=[], dtype=Complex128, value= 1+2j)"
    assert str(t0) == "(1+2j)"
    assert repr(Tensor(np.complex64(1.5 - 2j))) == "Tensor(shape=[], dtype=Complex64, value= 1.5-2j)"
    m = Tensor(np.array([[1 + 2j, -3.5 - 4.25j], [0j, 1e10 + 1e-5j]], np.complex128))
    assert repr(m) == ("Tensor(shape=[2, 2], dtype=Complex128, value=\n"
                       "[[1+2j, -3.5-4.25j],\n [0+0j, 1e+10+1e-05j]])")
    assert str(m) == ("[[ 1.0e+00+2.00e+00j -3.5e+00-4.25e+00j]\n"
                      " [ 0.0e+00+0.00e+00j  1.0e+10+1.00e-05j]]")
    big = Tensor(np.arange(2000).astype(np.complex64) * (1 + 1j))
    assert repr(big) == ("Tensor(shape=[2000], dtype=Complex64, value= [0+0j, 1+1j, 2+2j ... "
                         "1997+1997j, 1998+1998j, 1999+1999j])")
    assert str(big) == ("[0.000e+00+0.000e+00j 1.000e+00+1.000e+00j 2.000e+00+2.000e+00j ...\n"
                        " 1.997e+03+1.997e+03j 1.998e+03+1.998e+03j 1.999e+03+1.999e+03j]")
    odd = Tensor(np.array([1.5 + 0j, np.nan + 1j, np.inf - 1j], np.complex64))
    assert str(odd) == "[1.5+0.j nan+1.j inf-1.j]"
    assert repr(Tensor(np.array([complex(0.0, -0.0), complex(-0.0, 0.0), complex(2, -0.0)], np.complex64))) \
        == "Tensor(shape=[3], dtype=Complex64, value= [0-0j, -0+0j, 2-0j])"
    assert repr(Tensor(np.array([1 / 3 + 2j / 3], np.complex128))) == \
        "Tensor(shape=[1], dtype=Complex128, value= [0.333333+0.666667j])"
    assert str(Tensor(np.array([1 / 3 + 2j / 3], np.complex128))) == "[0.33333333+0.66666667j]"
    assert str(ops.abs(Tensor(np.array([1 + 2j, -3 + 0.5j, 0.25 - 1j], np.complex64)))) == \
        "[2.236068 +0.j 3.0413814+0.j 1.0307764+0.j]"


def test_gradients_use_mindspores_convention():
    # Measured with MindSpore 2.10: grad of a real loss in z = x + iy is dL/dx + i dL/dy.
    c = Tensor(np.array([1 + 2j, -3 + 0.5j, 0.25 - 1j], np.complex64))
    g = ms.grad(lambda z: ops.real(z).sum())(c)
    assert g.dtype == ms.complex64 and g.asnumpy().tolist() == [1 + 0j] * 3
    assert ms.grad(lambda z: ops.imag(z).sum())(c).asnumpy().tolist() == [1j] * 3
    assert ms.grad(lambda z: ops.imag(ops.conj(z)).sum())(c).asnumpy().tolist() == [-1j] * 3
    np.testing.assert_allclose(ms.grad(lambda z: ops.abs(z).sum())(c).asnumpy(),
                               [0.4472136 + 0.8944272j, -0.98639387 + 0.16439898j,
                                0.24253564 - 0.97014254j], rtol=1e-6)
    np.testing.assert_allclose(ms.grad(lambda z: ops.angle(z).sum())(c).asnumpy(),
                               [-0.4 + 0.2j, -0.05405406 - 0.3243243j, 0.9411765 + 0.23529412j],
                               rtol=1e-5)
    np.testing.assert_allclose(ms.grad(lambda z: ops.real(ops.exp(z)).sum())(c).asnumpy(),
                               [-1.1312044 - 2.4717267j, 0.04369226 - 0.02386919j,
                                0.6937619 + 1.0804701j], rtol=1e-5)
    d = Tensor(np.array([1 + 2j, -3 + 0.5j], np.complex64))
    np.testing.assert_allclose(ms.grad(lambda z: ops.real(ops.log(z)).sum())(d).asnumpy(),
                               [0.2 + 0.4j, -0.3243243 + 0.05405406j], rtol=1e-5)
    np.testing.assert_allclose(ms.grad(lambda z: ops.real(z / (z + 1)).sum())(d).asnumpy(),
                               [0.125j, 0.20761243 - 0.11072665j], rtol=1e-5, atol=1e-7)
    mm = ms.grad(lambda z: ops.real(ops.matmul(z.reshape(1, 2), z.reshape(2, 1))).sum())(d)
    np.testing.assert_allclose(mm.asnumpy(), [2 - 4j, -6 - 1j], rtol=1e-6)
    assert ms.grad(lambda z: ops.real(z + z).sum())(d).asnumpy().tolist() == [2, 2]
    assert ms.grad(lambda z: ops.real(z.mean()))(d).dtype == ms.complex64
    ga, gb = ms.grad(lambda a, b: ops.abs(ops.Complex()(a, b)).sum(), grad_position=(0, 1))(
        Tensor([3.0, 1.0]), Tensor([4.0, -2.0]))
    np.testing.assert_allclose(ga.asnumpy(), [0.6, 0.4472136], rtol=1e-6)
    np.testing.assert_allclose(gb.asnumpy(), [0.8, -0.8944272], rtol=1e-6)
    assert ga.dtype == ms.float32
    ga, gb = ms.grad(lambda a, b: ops.real(ops.complex(a, b)).sum() + 2 * ops.imag(ops.complex(a, b)).sum(),
                     grad_position=(0, 1))(Tensor([3.0, 1.0]), Tensor([4.0, -2.0]))
    assert ga.asnumpy().tolist() == [1, 1] and gb.asnumpy().tolist() == [2, 2]
    # A real input cast to complex gets the real part back (as MindSpore's Cast bprop).
    assert ms.grad(lambda x: ops.real(x.astype(ms.complex64) * 1).sum())(Tensor([1.0, 2.0])).dtype == ms.float32


def test_matmul_gradients_through_transposed_operands_equal_those_of_copies():
    # A transposed matrix operand (x @ w.T, w.T @ x) gets its cotangent as a transposed product
    # in the engine; with complex values the conjugates must land as for a contiguous copy.
    rng = np.random.default_rng(3)
    x = Tensor((rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))).astype(np.complex64))
    w = Tensor((rng.standard_normal((5, 4)) + 1j * rng.standard_normal((5, 4))).astype(np.complex64))

    def loss(mm):
        return lambda a, b: ops.abs(mm(a, b)).sum() + ops.imag(mm(a, b)).sum()

    def copy_t(t):
        return ops.mul(t.T, 1.0)  # a contiguous value, differentiable

    xt = Tensor(x.asnumpy().T.copy())
    for args, mm, ref in [
            ((x, w), lambda a, b: ops.matmul(a, b.T), lambda a, b: ops.matmul(a, copy_t(b))),
            ((xt, w), lambda a, b: ops.matmul(a.T, b.T), lambda a, b: ops.matmul(copy_t(a), copy_t(b)))]:
        got = ms.grad(loss(mm), grad_position=(0, 1))(*args)
        want = ms.grad(loss(ref), grad_position=(0, 1))(*args)
        assert abs(want[0].asnumpy()).max() > 0
        for g, r in zip(got, want):
            np.testing.assert_allclose(g.asnumpy(), r.asnumpy(), rtol=1e-5, atol=1e-5)


def test_unsupported_ops_are_type_errors_naming_op_and_dtype():
    c = Tensor(np.array([1 + 2j, 3 - 4j], np.complex64))
    for f, op in [(lambda: c < c, "Lt"), (lambda: ops.floor(c), "Floor"),
                  (lambda: ops.maximum(c, c), "Max"), (lambda: c.max(), "ReduceMax"),
                  (lambda: c.argmax(), "ArgMax"), (lambda: ops.relu(c), ""),
                  (lambda: c % c, "Mod"), (lambda: c // c, "FloorDiv"),
                  (lambda: float(c[0]), ""), (lambda: int(c[0]), ""),
                  (lambda: c + 1j, "Add"), (lambda: Tensor([1.0]) + 1j, "Add"),
                  (lambda: ops.Complex()(Tensor([1.0]), Tensor([1.0], ms.float64)), "Complex"),
                  (lambda: ops.Complex()(Tensor([1]), Tensor([1])), "Complex"),
                  (lambda: ops.angle(Tensor([1.0])), "Angle")]:
        with pytest.raises(TypeError, match=op) as e:
            f()
        assert "panic" not in str(e.value).lower()


def test_jit_and_checkpoints(tmp_path):
    c = Tensor(np.array([1 + 2j, 3 - 4j], np.complex64))
    f = ms.jit(lambda z: (z * z).sum())
    for _ in range(2):
        assert f(c).asnumpy().tolist() == (-3 - 7) + (4 - 24) * 1j
    path = str(tmp_path / "c.ckpt")
    ms.save_checkpoint({"c": c, "d": c.astype(ms.complex128)}, path)
    back = ms.load_checkpoint(path)
    assert back["c"].dtype == ms.complex64 and back["d"].dtype == ms.complex128
    np.testing.assert_array_equal(back["d"].asnumpy(), c.asnumpy())
