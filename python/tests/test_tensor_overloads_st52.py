"""Tensor methods with two MindSpore 2.10 overloads or renamed keywords (``take``, ``scatter_add``,
``select``, ``qr``, ``nonzero``, ``expand_as``, ``remainder``, ``clamp``/``clip``), the empty axis
tuple and ``where=True`` of ``max``/``min``/``std``/``var``, ``_offload``/``_load`` and the names
``mindspore.common`` exports. Expected values come from NumPy or were measured on MindSpore 2.10
(CPU), as noted."""
import numpy as np
import pytest

import mindspore as ms
from mindspore import Tensor


A = np.array([[4.0, -3.0, 5.0], [6.0, 7.0, -8.0]], np.float32)


def test_take_both_overloads_match_numpy():
    x = Tensor(A)
    idx = np.array([[0, 5], [-1, 7]])
    # take(indices, axis, mode): numpy.take, except that 'clip' wraps negative indices first
    # (measured on MindSpore 2.10: [[0, 5], [-1, 7]] on the flattened x gives 4, -8, -8, -8).
    np.testing.assert_array_equal(x.take(Tensor(idx), None, 'clip').asnumpy(), [[4.0, -8.0], [-8.0, -8.0]])
    np.testing.assert_array_equal(x.take(Tensor(idx), 1, 'wrap').asnumpy(), np.take(A, idx, 1, mode='wrap'))
    np.testing.assert_array_equal(x.take(indices=Tensor([2, 0]), axis=0, mode='clip').asnumpy(), A[[1, 0]])
    # take(index): the flattened tensor, negative indices from the end.
    np.testing.assert_array_equal(x.take(index=Tensor([-1, 1])).asnumpy(), [-8.0, -3.0])
    np.testing.assert_array_equal(x.take(Tensor([3, 0])).asnumpy(), [6.0, 4.0])
    with pytest.raises(IndexError):
        x.take(Tensor([0, 3]), 1, 'raise')
    with pytest.raises(ValueError, match="'mode'"):
        x.take(Tensor([0]), 1, 'nearest')
    with pytest.raises(TypeError):
        x.take(Tensor([0]), index=Tensor([1]))


def test_scatter_add_picks_its_overload_from_the_first_argument():
    x = Tensor(A)
    # (indices, updates): tensor_scatter_add; the position (0, 2) twice adds 1.5 + 2.5.
    out = x.scatter_add(Tensor([[0, 2], [0, 2]], ms.int32), Tensor([1.5, 2.5]))
    want = A.copy()
    want[0, 2] += 4.0
    np.testing.assert_allclose(out.asnumpy(), want)
    np.testing.assert_allclose(x.tensor_scatter_add(Tensor([[1]], ms.int32), Tensor([[1.0, 1.0, 1.0]])).asnumpy(),
                               A + np.array([[0.0], [1.0]], np.float32))
    # (dim, index, src): row-wise along dim 1, repeated positions adding up.
    out = x.scatter_add(1, Tensor([[1, 1, 0], [2, 2, 2]]), Tensor(np.ones((2, 3), np.float32)))
    np.testing.assert_allclose(out.asnumpy(), A + np.array([[1, 2, 0], [0, 0, 3]], np.float32))


def test_select_forms_and_scalar_dtype_rules():
    x = Tensor([2.0, 3.0], ms.float32)
    cond = Tensor([True, False])
    np.testing.assert_array_equal(x.select(cond, Tensor([1.0, 2.0])).asnumpy(), [2.0, 2.0])
    np.testing.assert_array_equal(x.select(cond, 7.5).asnumpy(), [2.0, 7.5])
    np.testing.assert_array_equal(Tensor([2, 3], ms.int32).select(cond, -1).asnumpy(), [2, -1])
    # MindSpore 2.10: an int y needs an Int32 tensor, a float y a Float32 one.
    with pytest.raises(TypeError, match="if the argument 'y' is int"):
        x.select(cond, 1)
    with pytest.raises(TypeError, match="if the argument 'y' is float"):
        Tensor([2.0, 3.0], ms.float64).select(cond, 1.0)
    m = Tensor(A)
    np.testing.assert_array_equal(m.select(1, 2).asnumpy(), A[:, 2])
    np.testing.assert_array_equal(m.select(0, Tensor(1)).asnumpy(), A[1])
    with pytest.raises(TypeError):
        x.select(1, Tensor([1.0, 2.0]))


def test_qr_some_and_nonzero_keyword():
    a = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32)
    for some, q_shape in ((True, (3, 2)), (False, (3, 3))):
        q, r = Tensor(a).qr(some)
        assert q.shape == q_shape and r.shape == (q_shape[1], 2)
        np.testing.assert_allclose((q.asnumpy() @ r.asnumpy()), a, atol=1e-5)
    q, _ = Tensor(a).qr(some=False)
    np.testing.assert_allclose(q.asnumpy().T @ q.asnumpy(), np.eye(3), atol=1e-5)
    with pytest.raises(TypeError, match="'some'"):
        Tensor(a).qr('reduced')
    z = Tensor([[0, 3], [2, 0]])
    np.testing.assert_array_equal(z.nonzero().asnumpy(), np.argwhere(z.asnumpy()))
    rows, cols = z.nonzero(as_tuple=True)
    np.testing.assert_array_equal(rows.asnumpy(), [0, 1])
    np.testing.assert_array_equal(cols.asnumpy(), [1, 0])
    with pytest.raises(TypeError):
        z.nonzero(False)  # keyword-only, as in MindSpore 2.10
    with pytest.raises(TypeError, match="as_tuple"):
        z.nonzero(as_tuple=1)


def test_renamed_keywords_and_clamp_message():
    x = Tensor([1.0, 2.0, 3.0])
    other = Tensor(np.zeros((2, 3), np.float32))
    for out in (x.expand_as(other), x.expand_as(other=other), x.expand_as(x=other)):
        np.testing.assert_array_equal(out.asnumpy(), np.broadcast_to([1.0, 2.0, 3.0], (2, 3)))
    y = Tensor([5.0, -3.0, 7.5])
    for out in (y.remainder(2.0), y.remainder(other=Tensor(2.0)), y.remainder(divisor=2.0)):
        np.testing.assert_allclose(out.asnumpy(), np.remainder([5.0, -3.0, 7.5], 2.0))
    for f in (x.clamp, x.clip):
        with pytest.raises(ValueError, match="at least one of 'min' or 'max' must not be None"):
            f(None, None)
    # MindSpore 2.10: "For Clamp, the dtype of 'input', 'min' and 'max' must not be bool."
    for bad in (lambda: x.clamp(0, True), lambda: x.clip(Tensor(False), 2), lambda: Tensor([True]).clamp(0, 1)):
        with pytest.raises(ValueError, match="must not be bool"):
            bad()
    np.testing.assert_array_equal(x.clip(None, 2).asnumpy(), [1.0, 2.0, 2.0])
    np.testing.assert_array_equal(x.clamp(min=2.5).asnumpy(), [2.5, 2.5, 3.0])


def test_empty_axis_tuple_is_every_axis_and_where_true_masks_nothing():
    x = Tensor(A)
    np.testing.assert_allclose(x.std(()).asnumpy(), A.std(), rtol=1e-6)
    np.testing.assert_allclose(x.var((), keepdims=True).asnumpy(), A.var(keepdims=True), rtol=1e-6)
    np.testing.assert_allclose(x.var(dim=()).asnumpy(), A.var(), rtol=1e-6)
    assert float(x.max(axis=())) == 7.0
    np.testing.assert_array_equal(x.min(axis=(), keepdims=True).asnumpy(), [[-8.0]])
    # where=True (MindSpore's default) needs no initial; a mask does.
    assert float(x.min(None, False, initial=None, where=True)) == -8.0
    np.testing.assert_array_equal(x.max(1, False, where=True).asnumpy(), [5.0, 7.0])
    np.testing.assert_array_equal(x.max(0, initial=0.0, where=Tensor([True, False, True])).asnumpy(),
                                  [6.0, 0.0, 5.0])
    with pytest.raises(ValueError, match="initial"):
        x.min(0, where=Tensor([True, False, True]))


def test_offload_and_load_are_noops_on_the_host():
    x = Tensor([1, 2, 3], ms.int64)
    assert x._offload() is None and x._offload() is None  # twice is fine
    p = ms.Parameter(Tensor([1.0, 2.0]))
    assert p._load() is None
    np.testing.assert_array_equal(x.asnumpy(), [1, 2, 3])


def test_common_exports_mindspore_names():
    from mindspore.common import JitConfig, Generator, manual_seed, set_recursion_limit, swap_tensors
    from mindspore.common import jit_class, from_numpy, is_tensor
    import mindspore.common as common
    assert JitConfig is ms.JitConfig and Generator is ms.Generator and manual_seed is ms.manual_seed
    assert set_recursion_limit is ms.set_recursion_limit and swap_tensors is ms.swap_tensors
    assert jit_class is ms.jit_class and from_numpy is ms.from_numpy and is_tensor(Tensor([1]))
    assert set(common.__all__) >= {"JitConfig", "mutable", "jit_class", "manual_seed", "Generator"}
    with pytest.raises(AttributeError):
        common.no_such_name  # noqa: B018


def test_ascend_spellings_nansum_count_nonzero_diag_new_empty():
    a = np.array([[1.0, np.nan, 3.0], [0.0, 5.0, 6.0]], np.float32)
    x = Tensor(a)
    out = x.nansum(dim=1, keepdim=True, dtype=ms.float64)
    assert out.dtype == ms.float64
    np.testing.assert_allclose(out.asnumpy(), np.nansum(a, 1, keepdims=True))
    np.testing.assert_allclose(x.nansum(0).asnumpy(), np.nansum(a, 0))
    np.testing.assert_array_equal(x.count_nonzero(dim=1).asnumpy(), np.count_nonzero(a, 1))
    assert int(x.count_nonzero(dim=(0, 1))) == int(x.count_nonzero()) == int(x.count_nonzero(())) == 5
    with pytest.raises(TypeError):
        x.count_nonzero(1, dim=1)
    # diag(): ops.diag (rank k to 2k); a nonzero diagonal is torch-style (mint.diag).
    assert Tensor([[1.0, 2.0], [3.0, 4.0]]).diag().shape == (2, 2, 2, 2)
    np.testing.assert_array_equal(Tensor([1.0, 2.0]).diag(1).asnumpy(), np.diag([1.0, 2.0], 1))
    np.testing.assert_array_equal(Tensor([[1.0, 2.0], [3.0, 4.0]]).diag(-1).asnumpy(), [3.0])
    e = x.new_empty((2, 3), device='CPU')
    assert e.shape == (2, 3) and e.dtype == ms.float32
    assert x.new_empty(4, dtype=ms.int32, device=None).dtype == ms.int32
    with pytest.raises(RuntimeError):
        x.new_empty((2,), device='Ascend')
    with pytest.raises(ValueError):
        x.new_empty((2,), device='tpu')
    with pytest.raises(TypeError):
        x.new_empty((2,), device=1)
