"""MindSpore's sparse tensors (``COOTensor``, ``CSRTensor``, ``RowTensor``) and the sparse functions
and primitives of ``ops``: values against NumPy's dense computations, printing and results against
literals printed by MindSpore 2.10 on CPU, gradients through the values against the dense
equivalent, and the errors of bad structures."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops
from easy_mindspore import COOTensor, CSRTensor, RowTensor, Tensor


def coo_example():
    # dense: [[0, 1, 0, 0], [2, 0, 0, 3]]
    return COOTensor(Tensor([[0, 1], [1, 0], [1, 3]], ms.int64), Tensor([1., 2., 3.]), (2, 4))


def csr_example():
    return CSRTensor(Tensor([0, 1, 3], ms.int32), Tensor([1, 0, 3], ms.int32), Tensor([1., 2., 3.]), (2, 4))


def random_sparse(rng, shape, nnz):
    """A random dense matrix with `nnz` nonzeros at distinct random positions."""
    flat = rng.choice(shape[0] * shape[1], nnz, replace=False)
    dense = np.zeros(shape, np.float32)
    dense.flat[flat] = rng.standard_normal(nnz).astype(np.float32)
    return dense


# -- printing: every literal below was printed by MindSpore 2.10 on CPU ---------------------------
def test_coo_print_as_mindspore():
    x = COOTensor(Tensor([[0, 1], [1, 2]], ms.int32), Tensor([1., 2.]), (3, 4))
    assert str(x) == repr(x) == (
        "COOTensor(shape=[3, 4], dtype=Float32, indices=Tensor(shape=[2, 2], dtype=Int32, value=\n"
        "[[0 1]\n [1 2]]), values=Tensor(shape=[2], dtype=Float32, value=[ 1.00000000e+00  2.00000000e+00]))")


def test_csr_and_row_tensor_print_as_mindspore():
    assert str(csr_example()) == (
        "CSRTensor(shape=[2, 4], dtype=Float32, indptr=Tensor(shape=[3], dtype=Int32, value=[0 1 3]), "
        "indices=Tensor(shape=[3], dtype=Int32, value=[1 0 3]), values=Tensor(shape=[3], dtype=Float32, "
        "value=[ 1.00000000e+00  2.00000000e+00  3.00000000e+00]))")
    r = RowTensor(Tensor([0, 2], ms.int32), Tensor([[1., 2.], [3., 4.]]), (3, 2))
    assert str(r) == (
        "RowTensor(shape=[3, 2], dtype=Float32, indices=Tensor(shape=[2], dtype=Int32, value=[0 2]), "
        "values=Tensor(shape=[2, 2], dtype=Float32, value=\n[[ 1.00000000e+00  2.00000000e+00]\n"
        " [ 3.00000000e+00  4.00000000e+00]]))")


@pytest.mark.parametrize("values, indices, shape, printed", [
    # ints padded to the widest; 64-bit indices
    (np.array([-1, 5, 100], np.int32), [[0, 0], [10, 1], [2, 100]], (300, 300),
     "COOTensor(shape=[300, 300], dtype=Int32, indices=Tensor(shape=[3, 2], dtype=Int64, value=\n"
     "[[  0   0]\n [ 10   1]\n [  2 100]]), values=Tensor(shape=[3], dtype=Int32, value=[ -1   5 100]))"),
    # 16-bit floats: 4 digits; nan and inf right-aligned
    (np.array([1.5, 2], np.float16), [[0, 0], [1, 0]], (2, 1),
     "COOTensor(shape=[2, 1], dtype=Float16, indices=Tensor(shape=[2, 2], dtype=Int64, value=\n"
     "[[0 0]\n [1 0]]), values=Tensor(shape=[2], dtype=Float16, value=[ 1.5000e+00  2.0000e+00]))"),
    (np.array([np.nan, np.inf, -np.inf, 0.0], np.float32), [[0, 0], [1, 0], [2, 0], [3, 0]], (4, 1),
     "COOTensor(shape=[4, 1], dtype=Float32, indices=Tensor(shape=[4, 2], dtype=Int64, value=\n"
     "[[0 0]\n [1 0]\n [2 0]\n [3 0]]), values=Tensor(shape=[4], dtype=Float32, value=[            nan"
     "             inf            -inf  0.00000000e+00]))"),
    (np.array([True, False]), [[0, 0], [1, 0]], (2, 1),
     "COOTensor(shape=[2, 1], dtype=Bool, indices=Tensor(shape=[2, 2], dtype=Int64, value=\n"
     "[[0 0]\n [1 0]]), values=Tensor(shape=[2], dtype=Bool, value=[ True False]))"),
])
def test_print_element_formats(values, indices, shape, printed):
    assert str(COOTensor(Tensor(np.array(indices, np.int64)), Tensor(values), shape)) == printed


def test_print_summaries_long_axes_and_large_tensors():
    # 13 rows: the middle ones are "..."; a 1-D float tensor breaks its line after 12 values
    x = COOTensor(Tensor(np.zeros((13, 2), np.int32)), Tensor(np.arange(13, dtype=np.float32) - 3), (30, 30))
    assert str(x) == (
        "COOTensor(shape=[30, 30], dtype=Float32, indices=Tensor(shape=[13, 2], dtype=Int32, value=\n"
        "[[0 0]\n [0 0]\n [0 0]\n ...\n [0 0]\n [0 0]\n [0 0]]), values=Tensor(shape=[13], dtype=Float32, "
        "value=[-3.00000000e+00 -2.00000000e+00 -1.00000000e+00  0.00000000e+00  1.00000000e+00  2.00000000e+00"
        "  3.00000000e+00  4.00000000e+00  5.00000000e+00  6.00000000e+00  7.00000000e+00  8.00000000e+00 \n"
        "  9.00000000e+00]))")
    # 30 elements or more print as [...]
    y = COOTensor(Tensor(np.zeros((30, 2), np.int64)), Tensor(np.ones(30, np.float32)), (30, 1))
    assert str(y) == ("COOTensor(shape=[30, 1], dtype=Float32, indices=Tensor(shape=[30, 2], dtype=Int64, "
                      "value=[...]), values=Tensor(shape=[30], dtype=Float32, value=[...]))")
    empty = COOTensor(Tensor(np.zeros((0, 2), np.int64)), Tensor(np.zeros(0, np.float32)), (2, 2))
    assert str(empty) == ("COOTensor(shape=[2, 2], dtype=Float32, indices=Tensor(shape=[0, 2], dtype=Int64, "
                          "value=\n), values=Tensor(shape=[0], dtype=Float32, value=))")


def test_print_bfloat16_complex_and_long_rows():
    zeros = lambda n: Tensor(np.zeros((n, 2), np.int32))  # noqa: E731
    x = COOTensor(zeros(2), Tensor(np.array([1, 2.5], np.float32)).astype(ms.bfloat16), (30, 30))
    assert str(x).endswith("values=Tensor(shape=[2], dtype=BFloat16, value=[  1 2.5]))")
    x = COOTensor(zeros(3), Tensor(np.array([1 + 2j, -0.5j, 3.25], np.complex128)), (30, 30))
    assert str(x).endswith("values=Tensor(shape=[3], dtype=Complex128, value=[1+2j -0-0.5j 3.25+0j]))")
    x = COOTensor(zeros(14), Tensor(np.arange(14) - 5), (30, 30))
    assert str(x).endswith("values=Tensor(shape=[14], dtype=Int64, value=[-5 -4 -3 -2 -1  0  1  2  3  4  5  6  7  8]))")
    x = CSRTensor(Tensor([0, 1, 2], ms.int32), Tensor([0, 1], ms.int32),
                  Tensor(np.arange(16, dtype=np.float32).reshape(2, 8)), (2, 4, 8))
    assert str(x).endswith(
        "values=Tensor(shape=[2, 8], dtype=Float32, value=\n[[ 0.00000000e+00  1.00000000e+00  2.00000000e+00 ...  "
        "5.00000000e+00  6.00000000e+00  7.00000000e+00]\n [ 8.00000000e+00  9.00000000e+00  1.00000000e+01 ...  "
        "1.30000000e+01  1.40000000e+01  1.50000000e+01]]))")


def test_print_csr_with_trailing_axes():
    x = CSRTensor(Tensor([0, 1, 3], ms.int32), Tensor([0, 1, 2], ms.int32), Tensor(np.ones((3, 2, 2), np.float32)),
                  (2, 4, 2, 2))
    one = " 1.00000000e+00"
    block = f"[[{one} {one}]\n  [{one} {one}]]"
    assert str(x).endswith(f"values=Tensor(shape=[3, 2, 2], dtype=Float32, value=\n[{block}\n {block}\n {block}]))")


# -- properties and conversions --------------------------------------------------------------------
def test_properties():
    x, y = coo_example(), csr_example()
    assert (x.shape, x.dtype, x.size, x.itemsize, x.ndim) == ((2, 4), ms.float32, 3, 4, 2)
    assert (y.shape, y.dtype, y.size, y.itemsize, y.ndim) == ((2, 4), ms.float32, 3, 4, 2)
    indices, values, shape = x.to_tuple()
    assert indices.dtype == ms.int64 and shape == (2, 4)
    indptr, indices, values, shape = y.to_tuple()
    np.testing.assert_array_equal(indptr.asnumpy(), [0, 1, 3])
    assert COOTensor(coo_tensor=x).shape == (2, 4) and CSRTensor(csr_tensor=y).size == 3
    assert ms.common.COOTensor is COOTensor and ms.SparseTensor(x.indices, x.values, (2, 4)).size == 3


def test_to_dense_against_numpy():
    rng = np.random.default_rng(0)
    for shape, nnz in (((3, 5), 4), ((4, 4), 16), ((2, 3), 0), ((1, 7), 3)):
        dense = random_sparse(rng, shape, nnz)
        t = Tensor(dense)
        for sparse in (t.to_coo(), t.to_csr(), ops.dense_to_sparse_coo(t), ops.dense_to_sparse_csr(t)):
            np.testing.assert_array_equal(sparse.to_dense().asnumpy(), dense)
        np.testing.assert_array_equal(t.to_coo().to_csr().to_dense().asnumpy(), dense)
        np.testing.assert_array_equal(t.to_csr().to_coo().to_dense().asnumpy(), dense)
        np.testing.assert_array_equal(ops.csr_to_dense(t.to_csr()).asnumpy(), dense)


def test_conversions_as_mindspore():
    # printed by MindSpore 2.10 on CPU: Tensor([[0, 1.5, 0], [2, 0, 0]]).to_coo() / .to_csr()
    x = Tensor([[0, 1.5, 0], [2, 0, 0]], ms.float32)
    coo, csr = x.to_coo(), x.to_csr()
    assert coo.indices.dtype == ms.int32 and coo.indices.asnumpy().tolist() == [[0, 1], [1, 0]]
    assert csr.indptr.asnumpy().tolist() == [0, 1, 2] and csr.indices.asnumpy().tolist() == [1, 0]
    # a COOTensor's duplicates add up when dense (MindSpore 2.10: [[0 3] [0 0]])
    dup = COOTensor(Tensor([[0, 1], [0, 1]], ms.int32), Tensor([1, 2], ms.int32), (2, 2))
    assert dup.to_dense().asnumpy().tolist() == [[0, 3], [0, 0]]
    # to_csr orders by row, stably (MindSpore 2.10: indptr [0 1 2], indices [1 1], values [2 1])
    csr = COOTensor(Tensor([[1, 1], [0, 1]], ms.int32), Tensor([1, 2], ms.int32), (2, 2)).to_csr()
    assert (csr.indptr.asnumpy().tolist(), csr.indices.asnumpy().tolist(), csr.values.asnumpy().tolist()) == \
        ([0, 1, 2], [1, 1], [2, 1])
    assert ops.csr_to_coo(csr_example()).indices.asnumpy().tolist() == [[0, 1], [1, 0], [1, 3]]
    assert ops.csr2coo(Tensor([0, 1, 3], ms.int32), 3).asnumpy().tolist() == [0, 1, 1]
    assert ops.coo2csr(Tensor([0, 0, 2], ms.int32), 4).asnumpy().tolist() == [0, 2, 2, 3, 3]


def test_getters_and_makers():
    x, y = coo_example(), csr_example()
    assert ops.coo_tensor_get_indices(x) is x.indices and ops.coo_tensor_get_dense_shape(x) == (2, 4)
    assert ops.csr_tensor_get_indptr(y) is y.indptr and ops.csr_tensor_get_values(y) is y.values
    assert ops.csr_tensor_get_indices(y) is y.indices and ops.csr_tensor_get_dense_shape(y) == (2, 4)
    r = ops.make_row_tensor(Tensor([0, 2], ms.int32), Tensor([[1., 2.], [3., 4.]]), (3, 2))
    assert ops.row_tensor_get_dense_shape(r) == (3, 2)
    assert ops.row_tensor_get_values(ops.row_tensor_add(r, Tensor([1., 1.]))).asnumpy().tolist() == [[2, 3], [4, 5]]
    assert isinstance(ops.make_coo_tensor(x.indices, x.values, (2, 4)), COOTensor)
    assert isinstance(ops.make_csr_tensor(y.indptr, y.indices, y.values, (2, 4)), CSRTensor)
    with pytest.raises(TypeError, match="RowTensorGetIndices"):
        ops.row_tensor_get_indices(x)


# -- arithmetic against NumPy and MindSpore ----------------------------------------------------------
def test_csr_products_against_numpy():
    rng = np.random.default_rng(1)
    dense = random_sparse(rng, (5, 4), 7)
    b = rng.standard_normal((4, 3)).astype(np.float32)
    csr = Tensor(dense).to_csr()
    np.testing.assert_allclose(csr.mm(Tensor(b)).asnumpy(), dense @ b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(ops.csr_mv(csr, Tensor(b[:, :1])).asnumpy(), dense @ b[:, :1], rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(csr.sum(1).asnumpy(), dense.sum(1, keepdims=True), rtol=1e-5, atol=1e-6)
    other = random_sparse(rng, (4, 6), 5)
    out = ops.csr_mm(csr, Tensor(other).to_csr())
    np.testing.assert_allclose(out.to_dense().asnumpy(), dense @ other, rtol=1e-5, atol=1e-6)
    out = ops.csr_mm(csr, Tensor(dense).to_csr(), trans_b=True)
    np.testing.assert_allclose(out.to_dense().asnumpy(), dense @ dense.T, rtol=1e-5, atol=1e-6)


def test_csr_ops_as_mindspore():
    # every expected value below was printed by MindSpore 2.10 on CPU for csr_example()
    csr, d = csr_example(), Tensor(np.arange(8, dtype=np.float32).reshape(2, 4) + 1)
    assert csr.mv(Tensor(np.ones((4, 1), np.float32))).asnumpy().tolist() == [[1], [5]]
    assert csr.mm(Tensor(np.ones((4, 2), np.float32))).asnumpy().tolist() == [[1, 1], [5, 5]]
    assert ops.csr_mul(csr, d).values.asnumpy().tolist() == [2, 10, 24]
    assert (csr * Tensor([1., 2, 3, 4])).values.asnumpy().tolist() == [2, 2, 12]
    assert ops.csr_mul(csr, Tensor([[2.], [3.]])).values.asnumpy().tolist() == [2, 6, 9]
    np.testing.assert_allclose((csr / d).values.asnumpy(), [0.5, 0.4, 0.375])
    assert ops.csr_reduce_sum(csr, 1).asnumpy().tolist() == [[1], [5]] == csr.sum(-1).asnumpy().tolist()
    np.testing.assert_allclose(ops.csr_softmax(csr, ms.float32).values.asnumpy(), [1., 0.26894143, 0.7310586],
                               rtol=1e-6)
    # (MindSpore 2.10's CPU kernel overwrites the input's values with the softmax; ours does not)
    assert csr.values.asnumpy().tolist() == [1, 2, 3]
    np.testing.assert_allclose(ops.csr_add(csr, csr, Tensor(1.), Tensor(2.)).values.asnumpy(), [3, 6, 9])
    assert (csr - csr).values.asnumpy().tolist() == [0, 0, 0] and (-csr).values.asnumpy().tolist() == [-1, -2, -3]
    assert ops.csr_gather(csr.indptr, csr.indices, d, (2, 4)).asnumpy().tolist() == [2, 5, 8]
    # csr_add of different structures: the union, columns in order (MindSpore 2.10)
    other = CSRTensor(Tensor([0, 2, 3], ms.int32), Tensor([0, 1, 3], ms.int32), Tensor([1., 2., 3.]), (2, 4))
    out = ops.csr_add(csr, other, Tensor(1.), Tensor(-1.))
    assert (out.indptr.asnumpy().tolist(), out.indices.asnumpy().tolist(), out.values.asnumpy().tolist()) == \
        ([0, 2, 4], [0, 1, 0, 3], [-1, -1, 2, 0])
    # 3-D CSR: the sums keep the trailing axis (MindSpore 2.10: [[[1. 1.]] [[2. 2.]]])
    csr3 = CSRTensor(Tensor([0, 1, 3], ms.int32), Tensor([1, 0, 3], ms.int32), Tensor(np.ones((3, 2), np.float32)),
                     (2, 4, 2))
    assert ops.csr_reduce_sum(csr3, 1).asnumpy().tolist() == [[[1, 1]], [[2, 2]]]


def test_csr_mul_by_a_number_keeps_the_structure():
    # MindSpore 2.10 returns the bare values [2. 4. 6.] here; its documentation says a CSRTensor
    out = csr_example() * 2
    assert isinstance(out, CSRTensor) and out.values.asnumpy().tolist() == [2, 4, 6]


def test_coo_ops_as_mindspore():
    coo, d = coo_example(), Tensor(np.arange(8, dtype=np.float32).reshape(2, 4) + 1)
    # printed by MindSpore 2.10: coo + d, coo - d, coo * d
    assert (coo + d).asnumpy().tolist() == [[1, 3, 3, 4], [7, 6, 7, 11]]
    assert (coo - d).asnumpy().tolist() == [[-1, -1, -3, -4], [-3, -6, -7, -5]]
    assert (coo * d).values.asnumpy().tolist() == [2, 10, 24]
    np.testing.assert_allclose((coo / d).values.asnumpy(), [0.5, 0.4, 0.375])
    assert (coo + coo).values.asnumpy().tolist() == [2, 4, 6] and (coo - coo).values.asnumpy().tolist() == [0, 0, 0]
    # coo_add merges the two lists by position; thresh drops small sums only (MindSpore 2.10)
    a = COOTensor(Tensor([[0, 1], [1, 2]], ms.int64), Tensor([1, 2], ms.int32), (3, 4))
    b = COOTensor(Tensor([[0, 0], [1, 1]], ms.int64), Tensor([3, 4], ms.int32), (3, 4))
    assert str(ops.coo_add(a, b, Tensor(0, ms.int32))) == (
        "COOTensor(shape=[3, 4], dtype=Int32, indices=Tensor(shape=[4, 2], dtype=Int64, value=\n"
        "[[0 0]\n [0 1]\n [1 1]\n [1 2]]), values=Tensor(shape=[4], dtype=Int32, value=[3 1 4 2]))")
    c = COOTensor(Tensor([[0, 1], [0, 0]], ms.int64), Tensor([-0.5, 5.]), (2, 4))
    out = ops.coo_add(coo, c, Tensor(1.))
    assert out.indices.asnumpy().tolist() == [[0, 0], [1, 0], [1, 3]] and out.values.asnumpy().tolist() == [5, 2, 3]
    a = COOTensor(Tensor([[0, 3], [0, 1], [1, 2]], ms.int64), Tensor([1., -0.5, 3.]), (2, 4))
    b = COOTensor(Tensor([[1, 0], [0, 1]], ms.int64), Tensor([0.25, 2.]), (2, 4))
    out = ops.coo_add(a, b, Tensor(1.))
    assert out.indices.asnumpy().tolist() == [[0, 3], [0, 1], [1, 0], [0, 1], [1, 2]]
    assert out.values.asnumpy().tolist() == [1, -0.5, 0.25, 2, 3]
    # coo_concat: sorted by position (MindSpore 2.10)
    out = ops.coo_concat((a, b), 1)
    assert out.shape == (2, 8) and out.indices.asnumpy().tolist() == [[0, 1], [0, 3], [0, 5], [1, 2], [1, 4]]
    assert out.values.asnumpy().tolist() == [-0.5, 1, 2, 3, 0.25]
    out = ops.coo_concat([a, b], 0)
    assert out.shape == (4, 4) and out.indices.asnumpy().tolist() == [[0, 1], [0, 3], [1, 2], [2, 1], [3, 0]]


def test_coalesce():
    # MindSpore 2.10: indices [[0 1] [1 2]], values [6. 4.], shape [3 3]
    y_indices, y_values, y_shape = ops.coalesce(Tensor([[0, 0, 1], [1, 1, 2]], ms.int64), Tensor([1., 5, 4]),
                                                Tensor([3, 3], ms.int64))
    assert y_indices.asnumpy().tolist() == [[0, 1], [1, 2]] and y_values.asnumpy().tolist() == [6, 4]
    assert y_shape.asnumpy().tolist() == [3, 3]
    x = COOTensor(Tensor([[0, 1], [0, 1], [1, 0]], ms.int64), Tensor([1., 5, 2]), (2, 4)).coalesce()
    assert x.indices.asnumpy().tolist() == [[0, 1], [1, 0]] and x.values.asnumpy().tolist() == [6, 2]
    assert ops.Coalesce()(Tensor([[1, 0]], ms.int64), Tensor([1., 2.]), Tensor([2], ms.int64))[1] \
        .asnumpy().tolist() == [2, 1]


def test_unary_families_apply_the_dense_op_to_the_values():
    unary = ("abs acos acosh asin asinh atan atanh ceil cos cosh exp expm1 floor inv isfinite isinf isnan log log1p "
             "neg relu relu6 round sigmoid sin sinh softsign sqrt square tan tanh").split()
    names = [f"{kind}_{op}" for kind in ("coo", "csr") for op in unary]
    assert set(names) <= set(ops.__all__)
    coo = COOTensor(Tensor([[0, 1], [1, 0]], ms.int32), Tensor([0.5, 0.25]), (2, 2))
    for name in names:
        x = coo if name.startswith("coo") else coo.to_csr()
        out = getattr(ops, name)(x)
        assert type(out) is type(x) and out.shape == x.shape
        np.testing.assert_array_equal(out.values.asnumpy(), getattr(ops, name[4:])(x.values).asnumpy())
    with pytest.raises(TypeError, match="coo_sin"):
        ops.coo_sin(coo.to_csr())
    with pytest.raises(TypeError, match="csr_abs"):
        ops.csr_abs(Tensor([1.]))


def test_primitives_and_cells_as_mindspore():
    idx, v = Tensor([[0, 1], [1, 2]], ms.int32), Tensor([1., 2.])
    # MindSpore 2.10: the last value at a repeated position is kept
    dup = ops.SparseToDense()(Tensor([[0, 1], [0, 1]], ms.int32), v, (3, 4))
    assert dup.asnumpy()[0, 1] == 2 and dup.asnumpy().sum() == 2
    # MindSpore 2.10: [[0. 0.] [0. 3.] [2. 8.] [0. 0.]]
    dense = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    out = ops.SparseTensorDenseMatmul(True, True)(idx, v, (3, 4), dense)
    assert out.asnumpy().tolist() == [[0, 0], [0, 3], [2, 8], [0, 0]]
    out = ops.SparseTensorDenseAdd()(idx, v, Tensor((3, 4), ms.int32), Tensor(np.ones((3, 4), np.float32)))
    assert out.asnumpy().tolist() == [[1, 2, 1, 1], [1, 1, 3, 1], [1, 1, 1, 1]]
    y_idx, y_v, y_shape = ops.SparseSlice()(Tensor([[0, 1], [1, 2], [1, 3], [2, 2]], ms.int64),
                                            Tensor([1., 2., 3., 4.]), Tensor((3, 4), ms.int64),
                                            Tensor((0, 1), ms.int64), Tensor((2, 3), ms.int64))
    assert y_idx.asnumpy().tolist() == [[0, 0], [1, 1], [1, 2]] and y_v.asnumpy().tolist() == [1, 2, 3]
    assert y_shape.asnumpy().tolist() == [2, 3]
    x = Tensor(np.arange(8, dtype=np.float32).reshape(2, 4))
    assert ops.SparseGatherV2()(x, Tensor([1, 0, 3], ms.int32), 1).asnumpy().tolist() == [[1, 0, 3], [5, 4, 7]]
    coo = COOTensor(idx, v, (3, 4))
    np.testing.assert_array_equal(nn.SparseToDense()(coo).asnumpy(), coo.to_dense().asnumpy())
    out = nn.SparseTensorDenseMatmul()(idx, v, (3, 4), Tensor(np.ones((4, 2), np.float32)))
    assert out.asnumpy().tolist() == [[1, 1], [2, 2], [0, 0]]


# -- gradients with respect to the values ------------------------------------------------------------
def dense_of_values(values, positions, shape):
    """The dense matrix (NumPy) of `values` at `positions`."""
    out = np.zeros(shape, np.float64)
    np.add.at(out, tuple(positions.T), values)
    return out


@pytest.mark.parametrize("name, fn", [
    # f(v) = sum(w * dense(v)):  df/dv_k = w[pos_k]
    ("coo.to_dense", lambda v, w: (COOTensor(POS, v, (3, 4)).to_dense() * w).sum()),
    ("csr.to_dense", lambda v, w: (COOTensor(POS, v, (3, 4)).to_csr().to_dense() * w).sum()),
    # f(v) = sum(dense(v) @ w.T[:, :1] squared)
    ("csr.mv", lambda v, w: (COOTensor(POS, v, (3, 4)).to_csr().mv(w.transpose()[:, :1]) ** 2).sum()),
    ("csr.mm", lambda v, w: (COOTensor(POS, v, (3, 4)).to_csr().mm(w.transpose()) ** 2).sum()),
    ("csr.sum", lambda v, w: (COOTensor(POS, v, (3, 4)).to_csr().sum(1) ** 2).sum()),
    ("csr_softmax", lambda v, w: (ops.csr_softmax(COOTensor(POS, v, (3, 4)).to_csr(), ms.float32).to_dense()
                                  * w).sum()),
    ("csr_mul", lambda v, w: ops.csr_mul(COOTensor(POS, v, (3, 4)).to_csr(), w).values.sum() ** 2),
    ("coo*dense", lambda v, w: ((COOTensor(POS, v, (3, 4)) * w).values ** 2).sum()),
    ("coo_add", lambda v, w: (ops.coo_add(COOTensor(POS, v, (3, 4)), COOTensor(POS, v * v, (3, 4)), Tensor(0.))
                              .to_dense() * w).sum()),
    ("csr_add", lambda v, w: (ops.csr_add(COOTensor(POS, v, (3, 4)).to_csr(), COOTensor(POS, v, (3, 4)).to_csr(),
                                          Tensor(2.), Tensor(-3.)).to_dense() * w).sum() ** 2),
    ("coalesce", lambda v, w: (ops.coalesce(POS.astype(ms.int64).transpose(), v, Tensor([3, 4], ms.int64))[1]
                               ** 2).sum()),
    ("coo_concat", lambda v, w: (ops.coo_concat((COOTensor(POS, v, (3, 4)), COOTensor(POS, v, (3, 4))), 1)
                                 .values ** 3).sum()),
    ("coo_sin", lambda v, w: (ops.coo_sin(COOTensor(POS, v, (3, 4))).to_dense() * w).sum()),
    # f(v) = sum(w[:, :3] * (A A^T)) for A = dense(v)
    ("csr_mm", lambda v, w: (ops.csr_mm(COOTensor(POS, v, (3, 4)).to_csr(), COOTensor(POS, v, (3, 4)).to_csr(),
                                        trans_b=True).to_dense() * w[:, :3]).sum()),
    ("SparseTensorDenseMatmul", lambda v, w: (ops.SparseTensorDenseMatmul(True)(POS, v, (3, 4), w) ** 2).sum()),
    ("SparseToDense", lambda v, w: (ops.SparseToDense()(POS, v, (3, 4)) * w).sum()),
    ("SparseSlice", lambda v, w: (ops.SparseSlice()(POS.astype(ms.int64), v, Tensor((3, 4), ms.int64),
                                                    Tensor((1, 0), ms.int64), Tensor((2, 4), ms.int64))[1] ** 2).sum()),
])
def test_grad_through_values_matches_finite_differences(name, fn):
    v0 = np.array([0.5, -1.0, 2.0, 0.25], np.float32)
    w = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4) / 10)
    grad = ms.grad(lambda v: fn(v, w))(Tensor(v0)).asnumpy()
    eps, numeric = 1e-2, np.zeros(4)
    for k in range(4):
        up, down = v0.astype(np.float64).copy(), v0.astype(np.float64).copy()
        up[k] += eps
        down[k] -= eps
        numeric[k] = (float(fn(Tensor(up.astype(np.float32)), w).asnumpy())
                      - float(fn(Tensor(down.astype(np.float32)), w).asnumpy())) / (2 * eps)
    np.testing.assert_allclose(grad, numeric, rtol=2e-2, atol=2e-2, err_msg=name)


POS = Tensor(np.array([[0, 1], [1, 0], [1, 3], [2, 2]], np.int32))


def test_grad_of_to_dense_is_the_weight_at_each_position():
    # d/dv sum(w * dense(v)) = w at each stored position (MindSpore 2.10: [1. 4. 7.] for this case)
    idx = Tensor([[0, 1], [1, 0], [1, 3]], ms.int64)
    w = Tensor(np.arange(8, dtype=np.float32).reshape(2, 4))
    grad = ms.grad(lambda v: (COOTensor(idx, v, (2, 4)).to_dense() * w).sum())(Tensor([1., 2., 3.]))
    assert grad.asnumpy().tolist() == [1, 4, 7]
    grad = ms.grad(lambda v: csr_example()._with_values(v).mv(Tensor(np.ones((4, 1), np.float32))).sum())(
        Tensor([1., 2., 3.]))
    assert grad.asnumpy().tolist() == [1, 1, 1]
    value, grad = ms.value_and_grad(lambda v: (COOTensor(idx, v, (2, 4)).to_dense() ** 2).sum())(Tensor([1., 2., 3.]))
    assert float(value.asnumpy()) == 14 and grad.asnumpy().tolist() == [2, 4, 6]


# -- bad inputs: MindSpore's error classes, never a crash or garbage ---------------------------------
@pytest.mark.parametrize("make, error, words", [
    (lambda: COOTensor(Tensor([[0, 1]]), [1.], (2, 4)), TypeError, "values"),
    (lambda: COOTensor([[0, 1]], Tensor([1.]), (2, 4)), TypeError, "indices"),
    (lambda: COOTensor(Tensor([[0., 1.]]), Tensor([1.]), (2, 4)), TypeError, "int16, int32, int64"),
    (lambda: COOTensor(Tensor([[0, 1]]), Tensor([1.]), [2, 4]), TypeError, "tuple"),
    (lambda: COOTensor(Tensor([[0, 1]]), Tensor([1.]), (2, 4.0)), TypeError, "int"),
    (lambda: COOTensor(Tensor([[0, 1]]), Tensor([1.]), (2, 4, 1)), ValueError, "length of 'shape' must be 2"),
    (lambda: COOTensor(Tensor([[0, 1]]), Tensor([1.]), (2, -4)), ValueError, "positive"),
    (lambda: COOTensor(Tensor([[0, 1]]), Tensor([1., 2.]), (2, 4)), ValueError, "indices.shape[0]"),
    (lambda: COOTensor(Tensor([[0, 1, 2]]), Tensor([1.]), (2, 4)), ValueError, "indices.shape[1]"),
    (lambda: COOTensor(Tensor([[0, 5]]), Tensor([1.]), (2, 4)), ValueError, "out of range"),
    (lambda: COOTensor(Tensor([[-1, 0]]), Tensor([1.]), (2, 4)), ValueError, "out of range"),
    (lambda: COOTensor(coo_tensor=3), TypeError, "coo_tensor"),
    (lambda: CSRTensor([0, 1], Tensor([0]), Tensor([1.]), (1, 2)), TypeError, "indptr"),
    (lambda: CSRTensor(Tensor([0, 1]), Tensor([0.]), Tensor([1.]), (1, 2)), TypeError, "indices"),
    (lambda: CSRTensor(Tensor([0, 1, 1]), Tensor([0]), Tensor([1.]), (1, 2)), ValueError, "1 + shape[0]"),
    (lambda: CSRTensor(Tensor([0, 1]), Tensor([0, 1]), Tensor([1.]), (1, 2)), ValueError, "same length"),
    (lambda: CSRTensor(Tensor([0, 2, 1]), Tensor([0, 1]), Tensor([1., 2.]), (2, 2)), ValueError, "decreasing"),
    (lambda: CSRTensor(Tensor([0, 1]), Tensor([7]), Tensor([1.]), (1, 2)), ValueError, "out of range"),
    (lambda: CSRTensor(Tensor([0, 1]), Tensor([0]), Tensor([[1.]]), (1, 2)), ValueError, "values"),
    (lambda: RowTensor(Tensor([3]), Tensor([[1., 2.]]), (3, 2)), ValueError, "out of range"),
    (lambda: coo_example() * 2, TypeError, "multiply"),
    (lambda: coo_example() + Tensor(np.ones((3, 4), np.float32)), ValueError, "shapes"),
    (lambda: csr_example() + Tensor(np.ones((2, 4), np.float32)), TypeError, "add"),
    (lambda: csr_example().mv([[1.]]), TypeError, "dense_vector"),
    (lambda: csr_example().mv(Tensor(np.ones((3, 1), np.float32))), ValueError, "shape[0] = 4"),
    (lambda: ops.csr_mv(csr_example(), Tensor(np.ones(4, np.float32))), ValueError, "2-D"),
    (lambda: ops.csr_mm(csr_example(), Tensor(np.ones((4, 2), np.float32))), TypeError, "csr_mm"),
    (lambda: ops.csr_mm(csr_example(), csr_example()), ValueError, "inner sizes"),
    (lambda: ops.csr_mul(csr_example(), Tensor(np.ones((3, 4), np.float32))), ValueError, "broadcast"),
    (lambda: ops.csr_reduce_sum(csr_example(), 0), ValueError, "axis"),
    (lambda: ops.csr_softmax(csr_example().astype(ms.int32), ms.float32), TypeError, "float"),
    (lambda: ops.csr_add(csr_example(), csr_example(), 1., Tensor(1.)), TypeError, "alpha"),
    (lambda: ops.coo_add(coo_example(), COOTensor(Tensor([[0, 0]]), Tensor([1.]), (3, 4)), Tensor(0.)),
     ValueError, "shapes"),
    (lambda: ops.coo_concat((coo_example(),), 0), ValueError, "at least 2"),
    (lambda: ops.coo_concat((coo_example(), coo_example()), 2), ValueError, "concat_dim"),
    (lambda: ops.coo_concat((coo_example(), coo_example().astype(ms.int32)), 0), TypeError, "dtype"),
    (lambda: ops.coalesce(Tensor([[0, 1]], ms.int32), Tensor([1., 2.]), Tensor([3], ms.int64)), TypeError, "int64"),
    (lambda: ops.coalesce(Tensor([[0, 5]], ms.int64), Tensor([1., 2.]), Tensor([3], ms.int64)), ValueError,
     "outside"),
    (lambda: ops.dense_to_sparse_coo(Tensor(np.ones((2, 2, 2)))), ValueError, "2-D"),
    (lambda: ops.dense_to_sparse_csr([[0, 3], [4, 0]]), TypeError, "Tensor"),
    (lambda: ops.csr_to_dense(coo_example()), TypeError, "CSRTensor"),
    (lambda: ops.csr2coo(Tensor([0, 1, 3], ms.int32), 2), ValueError, "nnz"),
    (lambda: ops.coo2csr(Tensor([0, 5], ms.int32), 3), ValueError, "row_indices"),
    (lambda: ops.SparseToDense()(Tensor([[0, 1], [1, 9]], ms.int32), Tensor([1., 2.]), (3, 4)), ValueError,
     "out of bounds"),
    (lambda: ops.SparseTensorDenseMatmul()(Tensor([[0, 1]], ms.int32), Tensor([1.]), (3, 4),
                                           Tensor(np.ones((3, 2), np.float32))), ValueError, "shape[0] = 4"),
    (lambda: ops.SparseTensorDenseMatmul(adjoint_st=1), TypeError, "adjoint_st"),
    (lambda: nn.SparseToDense()(Tensor([1.])), TypeError, "COOTensor"),
])
def test_bad_inputs_raise_mindspore_error_classes(make, error, words):
    with pytest.raises(error) as info:
        make()
    assert words in str(info.value)


def test_empty_sparse_tensors():
    coo = COOTensor(Tensor(np.zeros((0, 2), np.int32)), Tensor(np.zeros(0, np.float32)), (2, 3))
    assert coo.to_dense().asnumpy().tolist() == [[0] * 3] * 2
    csr = coo.to_csr()
    assert csr.indptr.asnumpy().tolist() == [0, 0, 0]
    assert csr.mm(Tensor(np.ones((3, 2), np.float32))).asnumpy().tolist() == [[0, 0], [0, 0]]
    assert csr.sum(1).asnumpy().tolist() == [[0], [0]]
    assert Tensor(np.zeros((2, 2), np.float32)).to_csr().size == 0
    # MindSpore also accepts 1-D empty parts: indices (0,), values (0,) (and indptr (0,) for CSR)
    flat = COOTensor(Tensor(np.zeros(0, np.int32)), Tensor(np.zeros(0, np.float32)), (2, 3))
    assert flat.to_dense().asnumpy().sum() == 0 and flat.to_csr().indptr.asnumpy().tolist() == [0, 0, 0]
    assert flat.coalesce().size == 0 and (flat * Tensor(np.ones((2, 3), np.float32))).size == 0
    none = CSRTensor(Tensor(np.zeros(0, np.int32)), Tensor(np.zeros(0, np.int32)), Tensor(np.zeros(0, np.float32)),
                     (2, 3))
    assert none.to_dense().asnumpy().sum() == 0
