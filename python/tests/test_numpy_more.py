"""The rest of ``mindspore.numpy`` (math_ops, binary_math_ops, logic_ops, array_ops,
array_index_ops): values against NumPy on random shapes and dtypes, dtypes against MindSpore 2.10
(measured on its CPU build), gradients through the compositions, and typed errors.

Where MindSpore's dtype differs from NumPy's the test asserts MindSpore's and says so:
- integer input to the float functions gives Float32 (NumPy: Float64);
- ``exp2`` and ``reciprocal`` of integers stay integers (NumPy: Float64 / integer division);
- ``fabs`` of integers keeps the integer dtype (NumPy: Float64);
- ``float_power`` gives Float32 (NumPy: Float64);
- ``sign`` of integers gives Float32 (NumPy: the integer dtype);
- ``trace`` of Int32 gives Int64 (NumPy: Int64 too, on Linux).
"""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import easy_mindspore as ems
import easy_mindspore.numpy as mnp
from easy_mindspore import ops

SETTINGS = settings(max_examples=15, deadline=None)
shapes = st.lists(st.integers(1, 4), min_size=0, max_size=3).map(tuple)
kinds = st.sampled_from(["float32", "int32", "bool"])


def make(shape, kind, seed, low=-5.0, high=5.0):
    rng = np.random.default_rng(seed)
    if kind == "bool":
        return rng.random(shape) < 0.5
    if kind == "int32":
        return rng.integers(int(low), int(high) + 1, shape).astype(np.int32)
    return rng.uniform(low, high, shape).astype(np.float32)


def check(t, ref, dtype, tol=1e-5):
    assert str(t.dtype) == dtype, (t.dtype, dtype)
    got = t.asnumpy()
    assert got.shape == np.shape(ref), (got.shape, np.shape(ref))
    if got.dtype.kind == "f":
        np.testing.assert_allclose(got, np.asarray(ref, np.float64), rtol=tol, atol=tol)
    else:
        np.testing.assert_array_equal(got, ref)


# -- math of one tensor ---------------------------------------------------------------------------

FLOAT_UNARY = [  # name, NumPy function, input range
    ("arccos", np.arccos, (-1, 1)), ("arcsin", np.arcsin, (-1, 1)), ("arctan", np.arctan, (-5, 5)),
    ("arccosh", np.arccosh, (1, 5)), ("arcsinh", np.arcsinh, (-5, 5)),
    ("arctanh", np.arctanh, (-0.9, 0.9)), ("cosh", np.cosh, (-3, 3)), ("sinh", np.sinh, (-3, 3)),
    ("tan", np.tan, (-1.2, 1.2)), ("expm1", np.expm1, (-3, 3)), ("log1p", np.log1p, (0, 5)),
    ("log2", np.log2, (1, 9)), ("log10", np.log10, (1, 9)), ("cbrt", np.cbrt, (-9, 9)),
    ("ceil", np.ceil, (-5, 5)), ("trunc", np.trunc, (-5, 5)), ("fix", np.fix, (-5, 5)),
    ("rint", np.rint, (-5, 5)), ("deg2rad", np.deg2rad, (-360, 360)),
    ("radians", np.radians, (-360, 360)), ("rad2deg", np.rad2deg, (-4, 4)),
]


@pytest.mark.parametrize("name, ref, bounds", FLOAT_UNARY, ids=[f[0] for f in FLOAT_UNARY])
@SETTINGS
@given(shape=shapes, kind=st.sampled_from(["float32", "int32"]), seed=st.integers(0, 999))
def test_float_functions_match_numpy_and_give_float32(name, ref, bounds, shape, kind, seed):
    x = make(shape, kind, seed, *bounds)
    if kind == "int32":
        x = np.clip(x, *np.ceil(bounds)).astype(np.int32)
    # MindSpore: integers give Float32 (NumPy: Float64)
    check(getattr(mnp, name)(ems.Tensor(x)), ref(x.astype(np.float64)), "Float32", tol=2e-5)


def test_float_functions_keep_float64_and_take_dtype():
    x = np.array([0.25, 0.5], np.float64)
    assert mnp.arcsin(ems.Tensor(x)).dtype == ems.float64
    assert mnp.log2(ems.Tensor(x), dtype=ems.float16).dtype == ems.float16


def test_cbrt_of_zero_is_zero_and_negative_cubes_are_exact():
    check(mnp.cbrt(ems.Tensor([-8.0, 0.0, 27.0])), [-2.0, 0.0, 3.0], "Float32")


@SETTINGS
@given(shape=shapes, seed=st.integers(0, 999))
def test_integer_rules_of_exp2_reciprocal_fabs_round_positive(shape, seed):
    x = make(shape, "int32", seed, -6, 6)
    t = ems.Tensor(x)
    # MindSpore keeps integers: 2**x as an integer power, 1/x as an integer quotient
    nonneg = np.abs(x).astype(np.int32)
    check(mnp.exp2(ems.Tensor(nonneg)), 2 ** nonneg, "Int32")
    check(mnp.fabs(t), np.abs(x), "Int32")  # NumPy: Float64
    check(mnp.round(t), x, "Int32")
    check(mnp.around(t, 1), x, "Int32")
    check(mnp.positive(t), x, "Int32")
    check(mnp.sign(t), np.sign(x), "Float32")  # NumPy: Int32
    check(mnp.signbit(t), np.signbit(x), "Bool")
    ones = np.where(np.abs(x) == 1, x, 2).astype(np.int32)
    check(mnp.reciprocal(ems.Tensor(ones)), np.where(np.abs(x) == 1, x, 0), "Int32")


@SETTINGS
@given(shape=shapes, seed=st.integers(0, 999), decimals=st.integers(0, 2))
def test_float_rules_of_exp2_reciprocal_round_sign(shape, seed, decimals):
    x = make(shape, "float32", seed)
    t = ems.Tensor(x)
    check(mnp.exp2(t), np.exp2(x.astype(np.float64)), "Float32", tol=1e-4)
    safe = np.where(np.abs(x) < 0.1, 1.0, x).astype(np.float32)
    check(mnp.reciprocal(ems.Tensor(safe)), 1.0 / safe, "Float32")
    check(mnp.round(t, decimals), np.round(x, decimals), "Float32", tol=1e-4)
    check(mnp.sign(t), np.sign(x), "Float32")
    check(mnp.signbit(t), np.signbit(x), "Bool")
    check(mnp.fabs(t), np.abs(x), "Float32")


def test_math_of_one_tensor_rejects_bool_where_mindspore_does():
    b = ems.Tensor([True, False])
    for fn in (mnp.round, mnp.sign, mnp.positive, mnp.reciprocal):
        with pytest.raises(TypeError):
            fn(b)


# -- math of two tensors --------------------------------------------------------------------------

@SETTINGS
@given(shape=shapes, seed=st.integers(0, 999), bshape=st.booleans())
def test_integer_division_family_matches_numpy(shape, seed, bshape):
    a = make(shape, "int32", seed, -20, 20)
    b = make(shape[-1:] if bshape else shape, "int32", seed + 1, 1, 6)
    b = np.where(np.arange(b.size).reshape(b.shape) % 2 == 0, b, -b).astype(np.int32)
    ta, tb = ems.Tensor(a), ems.Tensor(b)
    check(mnp.floor_divide(ta, tb), np.floor_divide(a, b), "Int32")
    check(mnp.remainder(ta, tb), np.remainder(a, b), "Int32")
    check(mnp.mod(ta, tb), np.mod(a, b), "Int32")
    check(mnp.fmod(ta, tb), np.fmod(a, b), "Int32")
    q, r = mnp.divmod(ta, tb)
    check(q, np.floor_divide(a, b), "Int32")
    check(r, np.remainder(a, b), "Int32")
    check(mnp.gcd(ta, tb), np.gcd(a, b), "Int32")
    check(mnp.lcm(ta, tb), np.lcm(a, b), "Int32")
    check(mnp.heaviside(ta, tb), np.heaviside(a, b), "Int32")
    check(mnp.copysign(ta, tb), np.copysign(a, b), "Int32")  # NumPy: Float64
    check(mnp.floor_divide(ta, 3), np.floor_divide(a, 3), "Int32")
    check(mnp.floor_divide(ta, 2.5), np.floor_divide(a, 2.5), "Float32")


@SETTINGS
@given(shape=shapes, seed=st.integers(0, 999))
def test_float_binary_math_matches_numpy(shape, seed):
    a, b = make(shape, "float32", seed), make(shape, "float32", seed + 1)
    b = np.where(np.abs(b) < 0.1, 0.5, b).astype(np.float32)
    a64, b64 = a.astype(np.float64), b.astype(np.float64)
    ta, tb = ems.Tensor(a), ems.Tensor(b)
    check(mnp.arctan2(ta, tb), np.arctan2(a64, b64), "Float32", tol=1e-5)
    check(mnp.hypot(ta, tb), np.hypot(a64, b64), "Float32")
    check(mnp.copysign(ta, tb), np.copysign(a64, b64), "Float32")
    check(mnp.heaviside(ta, tb), np.heaviside(a64, b64), "Float32")
    check(mnp.logaddexp(ta, tb), np.logaddexp(a64, b64), "Float32")
    check(mnp.logaddexp2(ta, tb), np.logaddexp2(a64, b64), "Float32")
    check(mnp.float_power(np.abs(a) + 0.5, tb), np.float_power(np.abs(a64) + 0.5, b64),
          "Float32", tol=1e-4)  # NumPy: Float64
    check(mnp.floor_divide(ta, tb), np.floor_divide(a64, b64), "Float32")
    check(mnp.remainder(ta, tb), np.remainder(a64, b64), "Float32", tol=1e-4)
    check(mnp.fmod(ta, tb), np.fmod(a64, b64), "Float32", tol=1e-4)


def test_binary_math_promotes_integers_to_float32():
    a, b = ems.Tensor([3, 4], ems.int32), ems.Tensor([4, 3], ems.int32)
    check(mnp.hypot(a, b), [5.0, 5.0], "Float32")
    check(mnp.arctan2(a, b), np.arctan2([3.0, 4.0], [4.0, 3.0]), "Float32")
    check(mnp.float_power(a, b), [81.0, 64.0], "Float32")
    check(mnp.logaddexp(a, b), np.logaddexp([3.0, 4.0], [4.0, 3.0]), "Float32")
    check(mnp.floor_divide(a, ems.Tensor([2.0, 2.0])), [1.0, 2.0], "Float32")
    check(mnp.floor_divide(ems.Tensor([True, False]), ems.Tensor([True, True])),
          [True, False], "Bool")


def test_binary_math_errors():
    b = ems.Tensor([True, False])
    # Floats are not refused: MindSpore 2.10 computes their gcd and lcm (3 and 4.5 with 6 and 3).
    f, g = ems.Tensor([3.0, 4.5]), ems.Tensor([6.0, 3.0])
    np.testing.assert_allclose(mnp.gcd(f, g).asnumpy(), [3.0, 1.5])
    np.testing.assert_allclose(mnp.lcm(f, g).asnumpy(), [6.0, 9.0])
    with pytest.raises(TypeError, match="hypot"):
        mnp.hypot(b, b)
    with pytest.raises(TypeError, match="copysign"):
        mnp.copysign(b, f)
    with pytest.raises(ValueError):
        mnp.remainder(ems.Tensor([1, 2, 3]), ems.Tensor([1, 2]))


# -- logic ----------------------------------------------------------------------------------------

COMPARE = [("equal", np.equal), ("not_equal", np.not_equal), ("greater", np.greater),
           ("greater_equal", np.greater_equal), ("less", np.less), ("less_equal", np.less_equal),
           ("logical_and", np.logical_and), ("logical_or", np.logical_or),
           ("logical_xor", np.logical_xor)]


@pytest.mark.parametrize("name, ref", COMPARE, ids=[c[0] for c in COMPARE])
@SETTINGS
@given(shape=shapes, k1=kinds, k2=kinds, seed=st.integers(0, 999))
def test_comparisons_and_logic_match_numpy(name, ref, shape, k1, k2, seed):
    a, b = make(shape, k1, seed, -2, 2), make(shape, k2, seed + 1, -2, 2)
    fn = getattr(mnp, name)
    check(fn(ems.Tensor(a), ems.Tensor(b)), ref(a, b), "Bool")
    check(fn(ems.Tensor(a), 1), ref(a, 1), "Bool")
    check(fn(ems.Tensor(a), ems.Tensor(b), dtype=ems.int32), ref(a, b).astype(np.int32), "Int32")


@SETTINGS
@given(shape=shapes, kind=st.sampled_from(["int32", "bool"]), seed=st.integers(0, 999))
def test_bitwise_functions_match_numpy(shape, kind, seed):
    a, b = make(shape, kind, seed, -50, 50), make(shape, kind, seed + 1, -50, 50)
    dtype = "Bool" if kind == "bool" else "Int32"
    ta, tb = ems.Tensor(a), ems.Tensor(b)
    check(mnp.bitwise_and(ta, tb), a & b, dtype)
    check(mnp.bitwise_or(ta, tb), a | b, dtype)
    check(mnp.bitwise_xor(ta, tb), a ^ b, dtype)
    check(mnp.bitwise_not(ta), ~a, dtype)  # MindSpore: a TypeError for Bool; NumPy's not here
    check(mnp.invert(ta), np.invert(a), dtype)
    check(mnp.logical_not(ta), np.logical_not(a), "Bool")


def test_bitwise_functions_reject_floats():
    f = ems.Tensor([1.0, 2.0])
    for fn in (mnp.bitwise_and, mnp.bitwise_or, mnp.bitwise_xor):
        with pytest.raises(TypeError, match=fn.__name__):
            fn(f, f)
    with pytest.raises(TypeError, match="bitwise_not"):
        mnp.invert(f)


@pytest.mark.parametrize("kind", ["float32", "int32", "bool"])
def test_floating_point_class_tests(kind):
    x = np.array([1.0, np.inf, -np.inf, np.nan, -0.0]) if kind == "float32" else make((5,), kind, 1)
    x = x.astype(np.float32) if kind == "float32" else x
    t = ems.Tensor(x)
    for name in ("isfinite", "isinf", "isnan", "isneginf", "isposinf"):
        check(getattr(mnp, name)(t), getattr(np, name)(x), "Bool")


def test_array_equal_equiv_isin_in1d_isscalar():
    x = ems.Tensor([1.0, np.nan])
    assert str(mnp.array_equal(x, x)) == "False" and mnp.array_equal(x, x).shape == ()
    assert bool(mnp.array_equal(x, x, equal_nan=True))
    assert not bool(mnp.array_equal(x, ems.Tensor([[1.0, np.nan]])))
    assert bool(mnp.array_equiv(ems.Tensor([1, 2]), ems.Tensor([[1, 2], [1, 2]])))
    assert not bool(mnp.array_equiv(ems.Tensor([1, 2]), ems.Tensor([1, 2, 3])))
    a = np.arange(12).reshape(3, 4).astype(np.int32)
    check(mnp.isin(ems.Tensor(a), [1, 5, 11]), np.isin(a, [1, 5, 11]), "Bool")
    check(mnp.isin(ems.Tensor(a), [1, 5], invert=True), np.isin(a, [1, 5], invert=True), "Bool")
    check(mnp.isin(ems.Tensor(a), []), np.isin(a, []), "Bool")
    check(mnp.in1d(ems.Tensor(a), ems.Tensor([3, 4])), np.isin(a.ravel(), [3, 4]), "Bool")
    assert mnp.isscalar(1) and mnp.isscalar(2.5) and mnp.isscalar("s")
    assert not mnp.isscalar(ems.Tensor(1)) and not mnp.isscalar([1])


# -- joining, splitting, axes ---------------------------------------------------------------------

@SETTINGS
@given(shape=shapes, kind=kinds, seed=st.integers(0, 999))
def test_atleast_and_stacks_match_numpy(shape, kind, seed):
    x = make(shape, kind, seed)
    t = ems.Tensor(x)
    for n in (1, 2, 3):
        fn, ref = getattr(mnp, f"atleast_{n}d"), getattr(np, f"atleast_{n}d")
        assert fn(t).shape == ref(x).shape
        pair = fn(t, t)
        assert isinstance(pair, list) and [p.shape for p in pair] == [r.shape for r in ref(x, x)]
    dtype = {"float32": "Float32", "int32": "Int32", "bool": "Bool"}[kind]
    check(mnp.hstack((t, t)), np.hstack((x, x)), dtype)
    check(mnp.vstack((t, t)), np.vstack((x, x)), dtype)
    check(mnp.dstack((t, t)), np.dstack((x, x)), dtype)
    if len(shape) <= 2:
        check(mnp.column_stack((t, t)), np.column_stack((x, x)), dtype)
    check(mnp.append(t, t), np.append(x, x), dtype)
    if shape:
        check(mnp.append(t, t, axis=-1), np.append(x, x, axis=-1), dtype)


@SETTINGS
@given(n=st.integers(1, 9), sections=st.integers(1, 5), seed=st.integers(0, 999))
def test_splits_match_numpy(n, sections, seed):
    x = make((n, 2 * n, 2), "float32", seed)
    t = ems.Tensor(x)
    parts = mnp.array_split(t, sections, axis=1)
    assert isinstance(parts, tuple)
    for got, want in zip(parts, np.array_split(x, sections, axis=1), strict=True):
        check(got, want, "Float32")
    for got, want in zip(mnp.array_split(t, [1, 2]), np.array_split(x, [1, 2]), strict=True):
        check(got, want, "Float32")
    for got, want in zip(mnp.hsplit(t, 2), np.hsplit(x, 2), strict=True):
        check(got, want, "Float32")
    for got, want in zip(mnp.dsplit(t, 2), np.dsplit(x, 2), strict=True):
        check(got, want, "Float32")
    for got, want in zip(mnp.vsplit(t, [1]), np.vsplit(x, [1]), strict=True):
        check(got, want, "Float32")


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=2, max_size=4).map(tuple),
       seed=st.integers(0, 999), shift=st.integers(-5, 5), k=st.integers(-5, 5))
def test_flips_rolls_and_axis_moves_match_numpy(shape, seed, shift, k):
    x = make(shape, "int32", seed)
    t = ems.Tensor(x)
    check(mnp.flip(t), np.flip(x), "Int32")
    check(mnp.flip(t, (0, -1)), np.flip(x, (0, -1)), "Int32")
    check(mnp.fliplr(t), np.fliplr(x), "Int32")
    check(mnp.flipud(t), np.flipud(x), "Int32")
    check(mnp.roll(t, shift), np.roll(x, shift), "Int32")
    check(mnp.roll(t, shift, axis=1), np.roll(x, shift, axis=1), "Int32")
    check(mnp.rot90(t, k), np.rot90(x, k), "Int32")
    check(mnp.rot90(t, k, axes=(1, 0)), np.rot90(x, k, axes=(1, 0)), "Int32")
    check(mnp.moveaxis(t, 0, -1), np.moveaxis(x, 0, -1), "Int32")
    for axis in range(-len(shape), len(shape)):
        for start in range(len(shape) + 1):
            check(mnp.rollaxis(t, axis, start), np.rollaxis(x, axis, start), "Int32")
    target = (2,) + shape
    check(mnp.broadcast_to(t, target), np.broadcast_to(x, target), "Int32")
    col = make(shape[:-1] + (1,), "float32", seed)
    got = mnp.broadcast_arrays(t, ems.Tensor(col))
    assert isinstance(got, list)
    for g, w in zip(got, np.broadcast_arrays(x, col), strict=True):
        assert g.shape == w.shape
        np.testing.assert_allclose(g.asnumpy(), w, rtol=1e-6)


def test_array_ops_errors():
    t = ems.Tensor(np.zeros((2, 3), np.float32))
    with pytest.raises(ValueError, match="rot90"):
        mnp.rot90(t, axes=(0, 0))
    with pytest.raises(ValueError, match="array_split"):
        mnp.array_split(t, 0)
    with pytest.raises(ValueError, match="dsplit"):
        mnp.dsplit(t, 2)
    with pytest.raises(ValueError, match="rollaxis"):
        mnp.rollaxis(t, 3)
    with pytest.raises(ValueError, match="broadcast_arrays"):
        mnp.broadcast_arrays(t, ems.Tensor(np.zeros((4,), np.float32)))


# -- taking, diagonals, triangles, padding --------------------------------------------------------

@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), mode=st.sampled_from(["clip", "wrap"]))
def test_take_matches_numpy(shape, seed, mode):
    x = make(shape, "float32", seed)
    idx = np.random.default_rng(seed).integers(-2 * x.size, 2 * x.size, (2, 3)).astype(np.int32)
    t, ti = ems.Tensor(x), ems.Tensor(idx)
    if mode == "clip":
        # MindSpore wraps negative indices once, then clips (NumPy clips them to 0)
        flat = np.where(idx < 0, idx + x.size, idx)
        check(mnp.take(t, ti), np.take(x, flat, mode="clip"), "Float32")
        along = np.where(idx < 0, idx + shape[-1], idx)
        check(mnp.take(t, ti, axis=-1), np.take(x, along, axis=-1, mode="clip"), "Float32")
    else:
        check(mnp.take(t, ti, mode="wrap"), np.take(x, idx, mode="wrap"), "Float32")
        check(mnp.take(t, ti, axis=0, mode="wrap"), np.take(x, idx, axis=0, mode="wrap"),
              "Float32")
    ok = np.clip(idx, -x.size, x.size - 1)
    check(mnp.take(t, ems.Tensor(ok), mode="raise"), np.take(x, ok), "Float32")


def test_take_errors():
    t = ems.Tensor([1.0, 2.0])
    with pytest.raises(IndexError, match="take"):
        mnp.take(t, ems.Tensor([5]), mode="raise")
    with pytest.raises(ValueError, match="take"):
        mnp.take(t, ems.Tensor([0]), mode="bad")


@SETTINGS
@given(seed=st.integers(0, 999), rows=st.integers(1, 4), cols=st.integers(1, 4),
       axis=st.integers(0, 1), bcast=st.booleans())
def test_take_along_axis_matches_numpy(seed, rows, cols, axis, bcast):
    x = make((rows, cols), "float32", seed)
    n = x.shape[axis]
    ishape = [rows, cols]
    ishape[axis] = 3
    if bcast:
        ishape[1 - axis] = 1
    idx = np.random.default_rng(seed).integers(-n, n, ishape).astype(np.int32)
    check(mnp.take_along_axis(ems.Tensor(x), ems.Tensor(idx), axis),
          np.take_along_axis(x, idx, axis), "Float32")
    flat = np.random.default_rng(seed).integers(0, x.size, (4,)).astype(np.int32)
    check(mnp.take_along_axis(ems.Tensor(x), ems.Tensor(flat), None),
          np.take_along_axis(x, flat, None), "Float32")  # MindSpore: a ValueError
    with pytest.raises(ValueError, match="take_along_axis"):
        mnp.take_along_axis(ems.Tensor(x), ems.Tensor(flat), 0)


@SETTINGS
@given(rows=st.integers(1, 5), cols=st.integers(1, 5), k=st.integers(-3, 3),
       seed=st.integers(0, 999), kind=st.sampled_from(["float32", "int32"]))
def test_diagonals_triangles_match_numpy(rows, cols, k, seed, kind):
    x = make((rows, cols), kind, seed)
    t = ems.Tensor(x)
    dtype = "Float32" if kind == "float32" else "Int32"
    check(mnp.diagonal(t, k), np.diagonal(x, k), dtype)
    check(mnp.diag(t, k), np.diag(x, k), dtype)
    check(mnp.diag(ems.Tensor(x[0]), k), np.diag(x[0], k), dtype)
    check(mnp.diagflat(t, k), np.diagflat(x, k), dtype)
    # MindSpore: the trace of Int32 is Int64
    check(mnp.trace(t, k), np.trace(x, k), "Float32" if kind == "float32" else "Int64")
    check(mnp.tril(t, k), np.tril(x, k), dtype)
    check(mnp.triu(t, k), np.triu(x, k), dtype)
    check(mnp.tril(ems.Tensor(x[0]), k), np.tril(x[0], k), dtype)
    check(mnp.tri(rows, cols, k), np.tri(rows, cols, k), "Float32")
    check(mnp.tri(rows, None, k, ems.int32), np.tri(rows, None, k, np.int32), "Int32")
    x3 = make((2, rows, cols), kind, seed)
    check(mnp.diagonal(ems.Tensor(x3), k, 1, 2), np.diagonal(x3, k, 1, 2), dtype)
    check(mnp.trace(ems.Tensor(x3), k, 1, 2, dtype=ems.float32),
          np.trace(x3, k, 1, 2).astype(np.float32), "Float32")


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), mode=st.sampled_from(["constant", "edge", "reflect",
                                                       "symmetric", "wrap"]),
       width=st.integers(0, 3))
def test_pad_matches_numpy(shape, seed, mode, width):
    x = make(shape, "int32", seed)
    if mode == "reflect":
        width = min(width, min(shape) - 1)
    widths = [(width, (width + i) % 3) for i in range(len(shape))]
    if mode == "reflect":
        widths = [(min(b, s - 1), min(a, s - 1)) for (b, a), s in zip(widths, shape, strict=True)]
    check(mnp.pad(ems.Tensor(x), widths, mode=mode), np.pad(x, widths, mode=mode), "Int32")
    check(mnp.pad(ems.Tensor(x), width, mode=mode) if mode != "reflect" else ems.Tensor(x),
          np.pad(x, width, mode=mode) if mode != "reflect" else x, "Int32")
    check(mnp.pad(ems.Tensor(x), (1, 2), constant_values=(7, 8)),
          np.pad(x, (1, 2), constant_values=(7, 8)), "Int32")


def test_pad_and_diag_errors():
    t = ems.Tensor([1, 2, 3])
    with pytest.raises(NotImplementedError, match="median"):
        mnp.pad(t, 1, mode="median")
    with pytest.raises(ValueError, match="pad"):
        mnp.pad(t, 1, mode="bad")
    with pytest.raises(ValueError, match="pad"):
        mnp.pad(t, -1)
    with pytest.raises(ValueError, match="diag"):
        mnp.diag(ems.Tensor(np.zeros((2, 2, 2), np.float32)))


# -- gradients flow through the compositions ------------------------------------------------------

def test_gradients_flow_through_the_compositions():
    x = ems.Tensor([0.5, -1.0, 2.0])
    g = ops.grad(lambda x: mnp.sum(mnp.cbrt(x)))(ems.Tensor([8.0, -27.0]))
    np.testing.assert_allclose(g.asnumpy(), [1 / 12, 1 / 27], rtol=1e-5)
    g = ops.grad(lambda x: mnp.sum(mnp.arctan2(x, ems.Tensor([1.0, 1.0, 1.0]))))(x)
    np.testing.assert_allclose(g.asnumpy(), 1 / (1 + x.asnumpy() ** 2), rtol=1e-5)
    w = ems.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    g = ops.grad(lambda x: mnp.sum(mnp.pad(x, 1, mode="edge") * mnp.ones((5,))))(x)
    np.testing.assert_allclose(g.asnumpy(), [2.0, 1.0, 2.0], rtol=1e-6)
    m = ems.Tensor(np.ones((3, 4), np.float32))
    g = ops.grad(lambda m: mnp.sum(mnp.rot90(mnp.tril(m)) * mnp.rot90(w)))(m)
    np.testing.assert_allclose(g.asnumpy(), np.tril(w.asnumpy()), rtol=1e-6)
    g = ops.grad(lambda v: mnp.sum(mnp.diag(v, 1) * mnp.ones((4, 4))))(x)
    np.testing.assert_allclose(g.asnumpy(), [1.0, 1.0, 1.0], rtol=1e-6)
    g = ops.grad(lambda v: mnp.sum(mnp.take(v, ems.Tensor([0, 0, 2]))))(x)
    np.testing.assert_allclose(g.asnumpy(), [2.0, 0.0, 1.0], rtol=1e-6)


def test_the_new_names_are_exported():
    for name in ("arccos", "logaddexp2", "isposinf", "array_split", "rollaxis", "take_along_axis",
                 "pad", "tri"):
        assert name in mnp.__all__ and callable(getattr(mnp, name))


# -- reductions and differences -------------------------------------------------------------------

@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), kind=st.sampled_from(["float32", "int32"]),
       keepdims=st.booleans())
def test_reductions_match_numpy(shape, seed, kind, keepdims):
    x = make(shape, kind, seed, -4, 4)
    t = ems.Tensor(x)
    dtype = "Float32" if kind == "float32" else "Int32"
    axis = len(shape) - 1
    check(mnp.count_nonzero(t), np.count_nonzero(x), "Int32")
    check(mnp.count_nonzero(t, axis=axis, keepdims=keepdims),
          np.count_nonzero(x, axis=axis, keepdims=keepdims), "Int32")
    check(mnp.ptp(t, axis=axis, keepdims=keepdims), np.ptp(x, axis=axis, keepdims=keepdims), dtype)
    # Int32 products wrap in Int32 (MindSpore's dtype); NumPy multiplies Int32 in Int64.
    check(mnp.cumprod(t), np.cumprod(x).astype(x.dtype), dtype, tol=1e-3)
    check(mnp.cumprod(t, axis=0), np.cumprod(x, axis=0).astype(x.dtype), dtype, tol=1e-3)
    for n in range(3):
        check(mnp.diff(t, n), np.diff(x, n), dtype, tol=1e-4)
    check(mnp.diff(t, axis=0, prepend=1, append=ems.Tensor(x)),
          np.diff(x, axis=0, prepend=1, append=x), dtype, tol=1e-4)
    check(mnp.ediff1d(t, to_end=ems.Tensor(x[..., :1]), to_begin=ems.Tensor(x[..., :1])),
          np.ediff1d(x, to_end=x[..., :1], to_begin=x[..., :1]), dtype, tol=1e-4)
    w = make(shape[axis:], "float32", seed + 1, 0.5, 2)
    check(mnp.average(t.astype(ems.float32), axis=axis, weights=ems.Tensor(w)),
          np.average(x, axis=axis, weights=w), "Float32", tol=1e-4)
    avg, total = mnp.average(t.astype(ems.float32), axis=axis, weights=ems.Tensor(w),
                             returned=True)
    want_avg, want_total = np.average(x, axis=axis, weights=w, returned=True)
    check(total, want_total, "Float32", tol=1e-5)
    # MindSpore: an unweighted average of integers keeps the integer dtype
    assert str(mnp.average(t).dtype) == dtype


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), keepdims=st.booleans())
def test_nan_reductions_match_numpy(shape, seed, keepdims):
    x = make(shape, "float32", seed)
    rng = np.random.default_rng(seed)
    x[rng.random(shape) < 0.3] = np.nan
    x.reshape(-1)[0] = 1.0  # at least one number overall
    t = ems.Tensor(x)
    with np.errstate(all="ignore"), _quiet():
        for name in ("nanmax", "nanmin", "nansum", "nanmean"):
            check(getattr(mnp, name)(t), getattr(np, name)(x), "Float32", tol=1e-4)
            check(getattr(mnp, name)(t, axis=0, keepdims=keepdims),
                  getattr(np, name)(x, axis=0, keepdims=keepdims), "Float32", tol=1e-4)
        check(mnp.nanvar(t), np.nanvar(x), "Float32", tol=1e-4)
        check(mnp.nanstd(t, axis=-1, keepdims=keepdims),
              np.nanstd(x, axis=-1, keepdims=keepdims), "Float32", tol=1e-4)
        check(mnp.nanvar(t, axis=0, ddof=1), np.nanvar(x, axis=0, ddof=1), "Float32", tol=1e-4)
    i = make(shape, "int32", seed)
    # MindSpore: nansum/nanmax of Int32 keep Int32 (sum gives Int64)
    check(mnp.nansum(ems.Tensor(i)), np.sum(i), "Int32")
    check(mnp.nanmax(ems.Tensor(i), axis=0), np.max(i, axis=0), "Int32")


def _quiet():
    import warnings

    ctx = warnings.catch_warnings()
    ctx.__enter__()
    warnings.simplefilter("ignore")

    class _Exit:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            ctx.__exit__(*exc)

    return _Exit()


@pytest.mark.parametrize("ord_", [None, 1, 2, 3, 0.5, 0, np.inf, -np.inf])
def test_vector_norms_match_numpy(ord_):
    x = make((3, 4), "float32", 3)
    t = ems.Tensor(x)
    for axis in (0, 1, -1):
        check(mnp.norm(t, ord_, axis), np.linalg.norm(x, ord_, axis), "Float32", tol=1e-4)
    check(mnp.norm(ems.Tensor(x[0]), ord_), np.linalg.norm(x[0], ord_), "Float32", tol=1e-4)


@pytest.mark.parametrize("ord_", [None, "fro", 1, -1, np.inf, -np.inf])
def test_matrix_norms_match_numpy(ord_):
    x = make((2, 3, 4), "float32", 4)
    t = ems.Tensor(x)
    check(mnp.norm(ems.Tensor(x[0]), ord_), np.linalg.norm(x[0], ord_), "Float32", tol=1e-4)
    check(mnp.norm(t, ord_, (1, 2), keepdims=True), np.linalg.norm(x, ord_, (1, 2), keepdims=True),
          "Float32", tol=1e-4)
    check(mnp.norm(ems.Tensor([3, 4], ems.int32)), 5.0, "Float32")  # NumPy: Float64


def test_reduction_errors():
    t = ems.Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(NotImplementedError, match="norm"):
        mnp.norm(t, "nuc")
    with pytest.raises(NotImplementedError, match="norm"):
        mnp.norm(t, 2)
    with pytest.raises(ValueError, match="average"):
        mnp.average(t, axis=0, weights=ems.Tensor([1.0, 2.0, 3.0]))
    with pytest.raises(ValueError, match="diff"):
        mnp.diff(t, -1)


def test_nan_reductions_of_all_nan_slices_give_nan():
    x = ems.Tensor([[np.nan, np.nan], [1.0, np.nan]])
    got = mnp.nanmax(x, axis=1).asnumpy()
    assert np.isnan(got[0]) and got[1] == 1.0
    assert mnp.nansum(x, axis=1).asnumpy().tolist() == [0.0, 1.0]


# -- sets, search, products, creation, dtypes -----------------------------------------------------

@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999))
def test_sets_and_search_match_numpy(shape, seed):
    x = make(shape, "int32", seed, -3, 3)
    y = make((5,), "int32", seed + 1, -3, 3)
    t = ems.Tensor(x)
    check(mnp.argwhere(t), np.argwhere(x), "Int64")
    # MindSpore: unique keeps the order of first appearance (NumPy sorts)
    _, first = np.unique(x.ravel(), return_index=True)
    appearance = x.ravel()[np.sort(first)]
    out, inverse = mnp.unique(t, return_inverse=True)
    check(out, appearance, "Int32")
    check(inverse, np.array([list(appearance).index(v) for v in x.ravel()]), "Int32")
    check(mnp.intersect1d(t, ems.Tensor(y)), np.intersect1d(x, y), "Int32")
    check(mnp.setdiff1d(t, ems.Tensor(y)), np.setdiff1d(x, y), "Int32")
    a = np.sort(make((6,), "float32", seed))
    v = make(shape, "float32", seed + 2)
    for side in ("left", "right"):
        check(mnp.searchsorted(ems.Tensor(a), ems.Tensor(v), side=side),
              np.searchsorted(a, v, side=side), "Int32")
    perm = np.random.default_rng(seed).permutation(6)
    check(mnp.searchsorted(ems.Tensor(a[perm]), ems.Tensor(v), sorter=ems.Tensor(
        np.argsort(a[perm]).astype(np.int32))), np.searchsorted(a, v), "Int32")
    for right in (False, True):
        check(mnp.digitize(ems.Tensor(v), ems.Tensor(a), right=right),
              np.digitize(v, a, right=right), "Int32")


@SETTINGS
@given(sa=st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple),
       sb=st.lists(st.integers(1, 3), min_size=1, max_size=3).map(tuple), seed=st.integers(0, 999))
def test_products_match_numpy(sa, sb, seed):
    a, b = make(sa, "float32", seed), make(sb, "float32", seed + 1)
    check(mnp.kron(ems.Tensor(a), ems.Tensor(b)), np.kron(a, b), "Float32", tol=1e-4)
    m = make((2, 3, 3), "float32", seed, -1, 1)
    for n in range(4):
        check(mnp.matrix_power(ems.Tensor(m), n), np.linalg.matrix_power(m, n), "Float32",
              tol=1e-4)
    c = make((4, 3), "float32", seed + 3)
    check(mnp.tensordot(ems.Tensor(m), ems.Tensor(c[:3]), 1), np.tensordot(m, c[:3], 1),
          "Float32", tol=1e-4)
    check(mnp.tensordot(ems.Tensor(m), ems.Tensor(m), ([1, 2], [2, 1])),
          np.tensordot(m, m, ([1, 2], [2, 1])), "Float32", tol=1e-4)
    check(mnp.multi_dot([ems.Tensor(c[0]), ems.Tensor(m[0]), ems.Tensor(c.T)]),
          np.linalg.multi_dot([c[0], m[0], c.T]), "Float32", tol=1e-4)
    u, w = make((4, 3), "float32", seed + 4), make((3,), "float32", seed + 5)
    check(mnp.cross(ems.Tensor(u), ems.Tensor(w)), np.cross(u, w), "Float32", tol=1e-4)
    check(mnp.cross(ems.Tensor(u.T), ems.Tensor(u.T), axis=0), np.cross(u.T, u.T, axis=0),
          "Float32", tol=1e-4)


def test_creation_and_dtype_helpers():
    check(mnp.logspace(0, 3, 4, base=2), [1.0, 2.0, 4.0, 8.0], "Float32")
    check(mnp.logspace(0, 2, 5), np.logspace(0, 2, 5), "Float32", tol=1e-4)
    check(mnp.geomspace(1, 1000, 4), np.geomspace(1, 1000, 4), "Float32", tol=1e-3)
    check(mnp.geomspace(2, 32, 5, endpoint=False), np.geomspace(2, 32, 5, endpoint=False),
          "Float32", tol=1e-4)
    x = ems.Tensor([[1, 2, 3], [4, 5, 6]], ems.int32)
    check(mnp.copy(x), x.asnumpy(), "Int32")
    assert mnp.size(x) == 6 and mnp.size(x, -1) == 3
    assert mnp.promote_types(ems.int8, ems.uint8) == ems.int16
    assert mnp.promote_types(ems.int32, ems.float32) == ems.float32
    assert mnp.result_type(x, 1) == ems.int32 and mnp.result_type(x, 1.0) == ems.float32
    assert mnp.result_type(ems.float16, x) == ems.float16  # MindSpore: a float kind wins
    assert mnp.float_ == ems.float32 and mnp.int_ == ems.int32 and mnp.uint == ems.uint32
    assert mnp.PINF == np.inf and mnp.NINF == -np.inf
    r = mnp.rand(2, 3)
    assert r.shape == (2, 3) and r.dtype == ems.float32
    assert bool(((r >= 0) & (r < 1)).all())
    assert mnp.randn((4,)).shape == (4,)
    i = mnp.randint(3, shape=(50,))
    assert i.dtype == ems.int32 and bool(((i >= 0) & (i < 3)).all())


def test_other_errors():
    m = ems.Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(ValueError, match="matrix_power"):
        mnp.matrix_power(m, 2)
    with pytest.raises(NotImplementedError, match="matrix_power"):
        mnp.matrix_power(ems.Tensor(np.eye(2, dtype=np.float32)), -1)
    with pytest.raises(ValueError, match="tensordot"):
        mnp.tensordot(m, m, 1)
    with pytest.raises(ValueError, match="cross"):
        mnp.cross(m.reshape(3, 2)[:, :1], m.reshape(3, 2)[:, :1])
    with pytest.raises(ValueError, match="searchsorted"):
        mnp.searchsorted(ems.Tensor([1.0]), 1.0, side="middle")
    with pytest.raises(ValueError, match="randint"):
        mnp.randint(3, 3)
    with pytest.raises(ValueError, match="geomspace"):
        mnp.geomspace(0, 1)


# -- histograms, nancumsum, select, sometrue ------------------------------------------------------

@SETTINGS
@given(n=st.integers(1, 30), bins=st.integers(1, 6), seed=st.integers(0, 999),
       density=st.booleans(), ranged=st.booleans())
def test_histogram_matches_numpy(n, bins, seed, density, ranged):
    x = make((n,), "float32", seed, -3, 3)
    w = make((n,), "float32", seed + 1, 0, 2)
    rng = (-2.0, 2.5) if ranged else None
    counts, edges = mnp.histogram(ems.Tensor(x), bins, rng, ems.Tensor(w), density)
    want_counts, want_edges = np.histogram(x, bins, rng, weights=w, density=density)
    # MindSpore: Float32 counts and edges (NumPy: Float64 here, Int64 counts without weights)
    check(edges, want_edges, "Float32", tol=1e-5)
    if not density or want_counts.sum() > 0:
        check(counts, want_counts, "Float32", tol=1e-4)
    check(mnp.histogram_bin_edges(ems.Tensor(x), bins, rng), np.histogram_bin_edges(x, bins, rng),
          "Float32", tol=1e-5)
    given_edges = np.sort(make((bins + 1,), "float32", seed + 2))
    counts, _ = mnp.histogram(ems.Tensor(x), ems.Tensor(given_edges))
    check(counts, np.histogram(x, given_edges)[0], "Float32")


def test_histogram_of_a_constant_and_errors():
    counts, edges = mnp.histogram(ems.Tensor([1.0, 1.0]), bins=2)
    check(counts, [0.0, 2.0], "Float32")
    check(edges, [0.5, 1.0, 1.5], "Float32")
    with pytest.raises(ValueError, match="histogram"):
        mnp.histogram(ems.Tensor([1.0]), bins=0)
    with pytest.raises(ValueError, match="histogram"):
        mnp.histogram(ems.Tensor([1.0]), bins=2, range=(3, 1))


@SETTINGS
@given(shape=st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999))
def test_nancumsum_select_sometrue_match_numpy(shape, seed):
    x = make(shape, "float32", seed)
    x[np.random.default_rng(seed).random(shape) < 0.3] = np.nan
    t = ems.Tensor(x)
    check(mnp.nancumsum(t), np.nancumsum(x), "Float32", tol=1e-4)
    check(mnp.nancumsum(t, axis=0), np.nancumsum(x, axis=0), "Float32", tol=1e-4)
    i = make(shape, "int32", seed)
    check(mnp.nancumsum(ems.Tensor(i)), np.cumsum(i), "Int32")
    c1, c2 = i > 0, i < -2
    check(mnp.select([ems.Tensor(c1), ems.Tensor(c2)], [ems.Tensor(i), ems.Tensor(-i)], 7),
          np.select([c1, c2], [i, -i], 7), "Int32")
    check(mnp.sometrue(ems.Tensor(i)), np.any(i), "Bool")
    check(mnp.sometrue(ems.Tensor(i), axis=0, keepdims=True), np.any(i, axis=0, keepdims=True),
          "Bool")
    with pytest.raises(ValueError, match="select"):
        mnp.select([ems.Tensor(c1)], [])


# -- windows, index grids, integration, polynomials -----------------------------------------------

@pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
@pytest.mark.parametrize("m", [-1, 0, 1, 2, 5, 8])
def test_windows_match_numpy(name, m):
    check(getattr(mnp, name)(m), getattr(np, name)(m), "Float32", tol=1e-6)


def test_index_grids_match_numpy():
    for n, k, m in [(3, 0, None), (3, 1, 4), (4, -1, 2), (1, 0, 1)]:
        for name in ("tril_indices", "triu_indices"):
            got, want = getattr(mnp, name)(n, k, m), getattr(np, name)(n, k, m)
            assert isinstance(got, tuple)
            for g, w in zip(got, want, strict=True):
                check(g, w, "Int32")
    x = mnp.ones((2, 3))
    for g, w in zip(mnp.triu_indices_from(x, 1), np.triu_indices_from(np.ones((2, 3)), 1),
                    strict=True):
        check(g, w, "Int32")
    for g, w in zip(mnp.diag_indices(3, 3), np.diag_indices(3, 3), strict=True):
        check(g, w, "Int32")
    for sparse in (False, True):
        got = mnp.indices((2, 3, 1), sparse=sparse)
        assert isinstance(got, list)
        for g, w in zip(got, np.indices((2, 3, 1), sparse=sparse), strict=True):
            check(g, w, "Int32")
    with pytest.raises(ValueError, match="tril_indices_from"):
        mnp.tril_indices_from(mnp.ones((2,)))


@SETTINGS
@given(shape=st.lists(st.integers(2, 4), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), dx=st.floats(0.25, 2.0))
def test_trapz_and_vander_match_numpy(shape, seed, dx):
    y = make(shape, "float32", seed)
    x = np.sort(make(shape[-1:], "float32", seed + 1))
    check(mnp.trapz(ems.Tensor(y), dx=dx), np.trapezoid(y, dx=dx), "Float32", tol=1e-4)
    check(mnp.trapz(ems.Tensor(y), ems.Tensor(x)), np.trapezoid(y, x), "Float32", tol=1e-4)
    check(mnp.trapz(ems.Tensor(y), axis=0), np.trapezoid(y, axis=0), "Float32", tol=1e-4)
    i = make(shape[:1], "int32", seed, -3, 3)
    check(mnp.trapz(ems.Tensor(i)), np.trapezoid(i), "Float32")  # NumPy: Float64
    check(mnp.vander(ems.Tensor(i)), np.vander(i), "Int32")
    check(mnp.vander(ems.Tensor(y.ravel()[:4]), 3, True), np.vander(y.ravel()[:4], 3, True),
          "Float32", tol=1e-4)


@SETTINGS
@given(la=st.integers(1, 5), lb=st.integers(1, 5), seed=st.integers(0, 999),
       m=st.integers(0, 3))
def test_polynomials_match_numpy(la, lb, seed, m):
    a, b = make((la,), "float32", seed, -2, 2), make((lb,), "float32", seed + 1, -2, 2)
    x = make((3,), "float32", seed + 2, -2, 2)
    ta, tb = ems.Tensor(a), ems.Tensor(b)
    check(mnp.polyval(ta, ems.Tensor(x)), np.polyval(a, x), "Float32", tol=1e-4)
    check(mnp.polyadd(ta, tb), np.polyadd(a, b), "Float32", tol=1e-5)
    check(mnp.polysub(ta, tb), np.polysub(a, b), "Float32", tol=1e-5)
    check(mnp.polymul(ta, tb), np.polymul(a, b), "Float32", tol=1e-4)
    check(mnp.polyder(ta, m), np.polyder(a, m), "Float32", tol=1e-4)
    check(mnp.polyint(ta, m), np.polyint(a, m), "Float32", tol=1e-4)
    check(mnp.polyint(ta, m, 1.5), np.polyint(a, m, 1.5), "Float32", tol=1e-4)
    i, j = make((la,), "int32", seed), make((lb,), "int32", seed + 1)
    check(mnp.polyadd(ems.Tensor(i), ems.Tensor(j)), np.polyadd(i, j), "Int32")


def test_polynomial_errors():
    with pytest.raises(ValueError, match="polyder"):
        mnp.polyder(ems.Tensor([1.0]), -1)
    with pytest.raises(ValueError, match="polyint"):
        mnp.polyint(ems.Tensor([1.0]), 2, [1.0])
    with pytest.raises(ValueError, match="vander"):
        mnp.vander(mnp.ones((2, 2)))
    with pytest.raises(TypeError, match="hamming"):
        mnp.hamming(2.5)


# -- covariance, convolution, interpolation, index conversion, function application ----------------

@SETTINGS
@given(vars_=st.integers(1, 3), obs=st.integers(2, 6), seed=st.integers(0, 999),
       bias=st.booleans(), rowvar=st.booleans())
def test_cov_corrcoef_match_numpy(vars_, obs, seed, bias, rowvar):
    x = make((vars_, obs) if rowvar else (obs, vars_), "float32", seed)
    check(mnp.cov(ems.Tensor(x), rowvar=rowvar, bias=bias), np.cov(x, rowvar=rowvar, bias=bias),
          "Float32", tol=1e-4)
    check(mnp.cov(ems.Tensor(x), ems.Tensor(x), rowvar=rowvar, ddof=0),
          np.cov(x, x, rowvar=rowvar, ddof=0), "Float32", tol=1e-4)
    if vars_ > 1:
        check(mnp.corrcoef(ems.Tensor(x), rowvar=rowvar), np.corrcoef(x, rowvar=rowvar),
              "Float32", tol=1e-4)
    i = make((2, obs), "int32", seed)
    check(mnp.cov(ems.Tensor(i)), np.cov(i), "Float32", tol=1e-4)  # NumPy: Float64


@SETTINGS
@given(n=st.integers(1, 6), k=st.integers(1, 6), seed=st.integers(0, 999),
       mode=st.sampled_from(["full", "same", "valid"]))
def test_convolve_correlate_match_numpy(n, k, seed, mode):
    a, v = make((n,), "float32", seed), make((k,), "float32", seed + 1)
    check(mnp.convolve(ems.Tensor(a), ems.Tensor(v), mode), np.convolve(a, v, mode), "Float32",
          tol=1e-4)
    check(mnp.correlate(ems.Tensor(a), ems.Tensor(v), mode), np.correlate(a, v, mode),
          "Float32", tol=1e-4)
    i, j = make((n,), "int32", seed), make((k,), "int32", seed + 1)
    check(mnp.convolve(ems.Tensor(i), ems.Tensor(j), mode), np.convolve(i, j, mode), "Int32")


@SETTINGS
@given(seed=st.integers(0, 999), n=st.integers(1, 6))
def test_interp_index_conversion_choose_match_numpy(seed, n):
    xp = np.sort(make((n,), "float32", seed)) + np.arange(n, dtype=np.float32) * 1e-3
    fp = make((n,), "float32", seed + 1)
    x = make((2, 4), "float32", seed + 2, -6, 6)
    check(mnp.interp(ems.Tensor(x), ems.Tensor(xp), ems.Tensor(fp)), np.interp(x, xp, fp),
          "Float32", tol=1e-4)
    check(mnp.interp(ems.Tensor(x), ems.Tensor(xp), ems.Tensor(fp), left=-9.0, right=9.0),
          np.interp(x, xp, fp, left=-9.0, right=9.0), "Float32", tol=1e-4)
    shape = (3, 4, 2)
    flat = np.random.default_rng(seed).integers(0, 24, (5,)).astype(np.int32)
    for order in ("C", "F"):
        coords = mnp.unravel_index(ems.Tensor(flat), shape, order)
        for g, w in zip(coords, np.unravel_index(flat, shape, order=order), strict=True):
            check(g, w, "Int32")
        # MindSpore: Float32 (NumPy and here: an integer dtype)
        check(mnp.ravel_multi_index(coords, shape, order=order), flat, "Int32")
    big = (ems.Tensor([5, -1], ems.int32), ems.Tensor([0, 9], ems.int32))
    check(mnp.ravel_multi_index(big, (3, 4)), np.ravel_multi_index(([5, -1], [0, 9]), (3, 4),
                                                                   mode="clip"), "Int32")
    check(mnp.ravel_multi_index(big, (3, 4), mode="wrap"),
          np.ravel_multi_index(([5, -1], [0, 9]), (3, 4), mode="wrap"), "Int32")
    idx = np.random.default_rng(seed).integers(-1, 4, (2, 3)).astype(np.int32)
    choices = [make((2, 3), "int32", seed + s) for s in range(3)]
    for mode in ("clip", "wrap"):
        check(mnp.choose(ems.Tensor(idx), [ems.Tensor(c) for c in choices], mode=mode),
              np.choose(idx, choices, mode=mode), "Int32")
    rows, cols = mnp.ix_(ems.Tensor([0, 2], ems.int32), ems.Tensor([1, 3], ems.int32))
    want = np.ix_([0, 2], [1, 3])
    check(rows, want[0], "Int32")
    check(cols, want[1], "Int32")


def test_apply_functions_and_array_str():
    x = make((2, 3, 4), "float32", 5)
    t = ems.Tensor(x)
    for axis in (0, 1, 2):
        check(mnp.apply_along_axis(lambda r: r.max(), axis, t),
              np.apply_along_axis(np.max, axis, x), "Float32")
        check(mnp.apply_along_axis(lambda r: r * 2, axis, t),
              np.apply_along_axis(lambda r: r * 2, axis, x), "Float32")
    check(mnp.apply_over_axes(mnp.sum, t, [0, 2]), np.apply_over_axes(np.sum, x, [0, 2]),
          "Float32", tol=1e-4)
    assert mnp.array_str(ems.Tensor([1.0, 2.5])) == str(ems.Tensor([1.0, 2.5]))


def test_stats_errors():
    # fweights/aweights are implemented (the weighted covariance; test_ops_doc_examples_fixes.py)
    np.testing.assert_allclose(mnp.cov(ems.Tensor([1.0, 2.0, 4.0]), fweights=ems.Tensor([1, 2, 1])).asnumpy(),
                               np.cov([1.0, 2.0, 4.0], fweights=[1, 2, 1]), rtol=1e-6)
    with pytest.raises(ValueError, match="convolve"):
        mnp.convolve(ems.Tensor([1.0]), ems.Tensor([1.0]), "middle")
    with pytest.raises(ValueError, match="unravel_index"):
        mnp.unravel_index(ems.Tensor([30], ems.int32), (3, 4))
    with pytest.raises(ValueError, match="ravel_multi_index"):
        mnp.ravel_multi_index((ems.Tensor([3], ems.int32), ems.Tensor([0], ems.int32)), (3, 4),
                              mode="raise")
    with pytest.raises(ValueError, match="choose"):
        mnp.choose(ems.Tensor([3], ems.int32), [ems.Tensor([1])], mode="raise")


# -- gradient, unwrap, piecewise, mgrid/ogrid -----------------------------------------------------

@SETTINGS
@given(shape=st.lists(st.integers(2, 5), min_size=1, max_size=3).map(tuple),
       seed=st.integers(0, 999), h=st.floats(0.25, 3.0))
def test_gradient_unwrap_match_numpy(shape, seed, h):
    f = make(shape, "float32", seed)
    got = mnp.gradient(ems.Tensor(f), h)
    want = np.gradient(f.astype(np.float64), h)
    got, want = (got, want) if len(shape) > 1 else ([got], [want])
    for g, w in zip(got, want, strict=True):
        check(g, w, "Float32", tol=1e-4)
    check(mnp.gradient(ems.Tensor(f), axis=-1), np.gradient(f, axis=-1), "Float32", tol=1e-4)
    p = np.cumsum(make(shape, "float32", seed + 1, -4, 4), axis=-1).astype(np.float32)
    check(mnp.unwrap(ems.Tensor(p)), np.unwrap(p.astype(np.float64)), "Float32", tol=1e-4)
    check(mnp.unwrap(ems.Tensor(p), axis=0), np.unwrap(p.astype(np.float64), axis=0), "Float32",
          tol=1e-4)


def test_piecewise_and_grids_match_numpy():
    x = np.linspace(-2, 2, 9).astype(np.float32)
    t = ems.Tensor(x)
    check(mnp.piecewise(t, [t < 0, t > 1], [lambda v: -v, 5.0, lambda v: v * 2]),
          np.piecewise(x, [x < 0, x > 1], [lambda v: -v, 5.0, lambda v: v * 2]), "Float32")
    check(mnp.piecewise(t, [t < 0], [1.0]), np.piecewise(x, [x < 0], [1.0]), "Float32")
    check(mnp.mgrid[0:2, 0:3], np.mgrid[0:2, 0:3], "Int32")
    check(mnp.mgrid[0:1:5j], np.mgrid[0:1:5j], "Float32")
    got = mnp.ogrid[0:2, 1:7:2]
    for g, w in zip(got, np.ogrid[0:2, 1:7:2], strict=True):
        check(g, w, "Int32")
    with pytest.raises(NotImplementedError, match="gradient"):
        mnp.gradient(t, edge_order=2)
    with pytest.raises(ValueError, match="gradient"):
        mnp.gradient(ems.Tensor([1.0]))
    with pytest.raises(ValueError, match="piecewise"):
        mnp.piecewise(t, [t < 0], [1.0, 2.0, 3.0])
    g = ops.grad(lambda v: mnp.sum(mnp.gradient(v) * ems.Tensor(x)))(t)
    assert g.shape == t.shape


@SETTINGS
@given(n=st.integers(1, 20), dims=st.integers(1, 3), seed=st.integers(0, 999),
       density=st.booleans(), bins=st.integers(1, 4))
def test_histogramdd_histogram2d_match_numpy(n, dims, seed, density, bins):
    pts = make((n, dims), "float32", seed)
    w = make((n,), "float32", seed + 1, 0.5, 2)
    counts, edges = mnp.histogramdd(ems.Tensor(pts), bins, weights=ems.Tensor(w), density=density)
    want, want_edges = np.histogramdd(pts, bins, weights=w, density=density)

    def on_an_inner_edge(values, edges):
        # A value on an inner edge falls either side with a last-bit difference of the edge
        # (NumPy computes the edges in another precision); such counts are not compared.
        return np.isclose(values[:, None], np.asarray(edges)[None, 1:-1], rtol=0, atol=1e-6).any()

    if not any(on_an_inner_edge(pts[:, d], we) for d, we in enumerate(want_edges)):
        check(counts, want, "Float32", tol=1e-4)
    for e, we in zip(edges, want_edges, strict=True):
        check(e, we, "Float32", tol=1e-5)
    if dims == 2:
        c2, xe, ye = mnp.histogram2d(ems.Tensor(pts[:, 0]), ems.Tensor(pts[:, 1]), [bins, bins + 1])
        w2, wx, wy = np.histogram2d(pts[:, 0], pts[:, 1], [bins, bins + 1])
        if not (on_an_inner_edge(pts[:, 0], wx) or on_an_inner_edge(pts[:, 1], wy)):
            check(c2, w2, "Float32")
        check(xe, wx, "Float32", tol=1e-5)
        check(ye, wy, "Float32", tol=1e-5)
