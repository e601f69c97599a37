"""Inputs from Python that used to crash the process, panic, wrap silently or raise the wrong
class (issue 15): NumPy scalar types without a dtype of ours, data nested past a tensor's rank, the
64-dimension limit, huge sizes and integers, NumPy's advanced-indexing rules, and MindSpore's
error classes for bad arguments. Calls that used to crash run in a subprocess first."""
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import Tensor, ops
from helpers import check


def run_isolated(code):
    """Runs ``code`` in a fresh interpreter: a crash fails the test instead of killing pytest."""
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, f"exit {p.returncode}: {p.stderr[-2000:]}"
    return p.stdout


# ---- 1. NumPy scalar types -------------------------------------------------------------------

def test_longdouble_and_clongdouble_never_crash():
    out = run_isolated("""
        import numpy as np, easy_mindspore as ems
        from easy_mindspore import Tensor
        print(Tensor([np.longdouble(1.5)]).dtype, (ems.ones(2) + np.longdouble(1.5)).tolist())
        print(Tensor([np.clongdouble(1 + 2j)]).dtype, Tensor(np.clongdouble(1j)).dtype)
        try:
            ems.ones(2) + np.clongdouble(1)
        except TypeError as e:
            print("TypeError", "clongdouble" in str(e))
    """)
    assert out.split("\n")[:3] == ["Float32 [2.5, 2.5]", "Complex128 Complex128", "TypeError True"]


def test_longdouble_becomes_float64_and_float16_stays():
    check(Tensor(np.longdouble(1.5)), 1.5, "Float64")
    check(Tensor(np.array([0.25, 2.0], np.longdouble)), [0.25, 2.0], "Float64")
    check(Tensor(np.array([0.5], np.float16)), np.array([0.5], np.float16), "Float16")
    check(Tensor([np.float16(0.5), np.int8(3)]), [0.5, 3.0], "Float32")


@pytest.mark.parametrize("value", [1 + 2j, np.complex64(1), np.complex128(1), np.clongdouble(1)])
def test_complex_scalars_make_complex_tensors_but_are_no_operands(value):
    # MindSpore 2.10: `Tensor([1+2j])` is Complex128, but `x * 1j` is a TypeError.
    assert Tensor([value]).dtype == ems.complex128
    assert Tensor(np.array([value])).dtype in (ems.complex64, ems.complex128)
    with pytest.raises(TypeError, match=r"For 'Mul', a complex number is not supported") as e:
        ems.ones(2) * value
    assert type(value).__name__ in str(e.value)


def test_uint64_arrays_keep_values_beyond_int64():
    big = np.array([2**63 - 1, 2**63 + 5, 2**64 - 1], np.uint64)
    check(Tensor(big), big, "UInt64")
    check(Tensor(np.uint64(2**63 + 1)), np.uint64(2**63 + 1), "UInt64")
    assert Tensor(big).tolist() == [2**63 - 1, 2**63 + 5, 2**64 - 1]
    # As a scalar operand a uint64 is a Python int, which has no dtype past int64.
    with pytest.raises(ValueError, match="out of bounds for int64"):
        ems.ones(2) + np.uint64(2**63 + 1)


@pytest.mark.parametrize("arr", [np.array(["a"]), np.array([object()]), np.array(["2020-01-01"], "datetime64[D]")])
def test_unsupported_numpy_dtypes_are_type_errors_naming_the_dtype(arr):
    with pytest.raises(ems.DTypeError, match=re.escape(f"numpy dtype {arr.dtype}")):
        Tensor(arr)


# ---- 2. Nesting past the rank limit ------------------------------------------------------------

def test_deep_and_self_referential_lists_never_crash():
    out = run_isolated("""
        import easy_mindspore as ems
        deep = [1.0]
        for _ in range(100_000):
            deep = [deep]
        cyc = []
        cyc.append(cyc)
        for data in (deep, cyc, [deep], [1, cyc]):
            for f in (ems.Tensor, lambda d: ems.ones(1) + d):
                try:
                    f(data)
                except ValueError as e:
                    print(type(e).__name__, "64 levels" in str(e))
    """)
    assert out.split("\n")[:8] == ["ShapeError True"] * 8


def test_nesting_up_to_64_levels_is_a_64d_tensor():
    data = 1.0
    for _ in range(64):
        data = [data]
    t = Tensor(data)
    assert t.shape == (1,) * 64 and t.tolist() == data
    with pytest.raises(ems.ShapeError, match="nested more than 64 levels"):
        Tensor([data])


# ---- 3. At most 64 dimensions ------------------------------------------------------------------

def test_a_30000d_shape_is_refused_before_anything_prints_it():
    out = run_isolated("""
        import easy_mindspore as ems
        for f in (lambda: ems.ones((1,) * 30000), lambda: ems.ones(1).reshape((1,) * 30000),
                  lambda: ems.randn(*(1,) * 30000)):
            try:
                repr(f().tolist())
            except ValueError as e:
                print("ValueError", "at most 64 dimensions" in str(e))
    """)
    assert out.split("\n")[:3] == ["ValueError True"] * 3


def test_every_way_to_add_axes_stops_at_64():
    t64 = ems.zeros((1,) * 64)
    assert len(repr(t64)) > 0 and t64[0].ndim == 63
    for f in (lambda: ems.ones((1,) * 65), lambda: t64.expand_dims(0), lambda: t64[None],
              lambda: ems.stack([t64, t64]), lambda: t64.reshape((1,) * 65),
              lambda: ems.ones(2)[(None,) * 64], lambda: ops.zeros((1,) * 65),
              lambda: Tensor(1.0, ems.float32).reshape(*(1,) * 65),
              lambda: ems.vmap(lambda v: v[None])(ems.zeros((2,) + (1,) * 63))):
        with pytest.raises(ems.ShapeError, match=r"at most 64 dimensions, but the shape has 65"):
            f()


# ---- 7. Huge sizes: checked, never a panic ------------------------------------------------------

def test_ops_split_with_a_huge_size_is_one_part():
    parts = ops.split(ems.zeros((0,)), 2**62)
    assert [p.shape for p in parts] == [(0,)]
    assert [p.shape for p in ops.split(ems.arange(6), 2**64)] == [(6,)]


@pytest.mark.parametrize("f, exc", [
    (lambda: ems.split(ems.zeros((0,)), 2**62), ValueError),
    (lambda: ems.zeros((2**40, 2**40)), ValueError),
    (lambda: ems.arange(0, 2**62), ValueError),
    (lambda: ems.arange(0, 2**40, 2**39, dtype=ems.int32), ValueError),
    (lambda: ems.arange(-1e308, 1e308, 1e-308), ValueError),
    (lambda: ems.eye(2**31), ValueError),
    (lambda: ems.linspace(0, 1, 2**62), ValueError),
    (lambda: ems.ones(6).reshape(2**62, 2**62), ValueError),
    (lambda: ems.ones(6).reshape(2**64), ValueError),
])
def test_huge_sizes_are_errors(f, exc):
    with pytest.raises(exc) as e:
        f()
    assert isinstance(e.value, ems.Error), repr(e.value)


# ---- 13. Indexing as NumPy -------------------------------------------------------------------

A = np.arange(2 * 3 * 4 * 5, dtype=np.float32).reshape(2, 3, 4, 5)


@pytest.mark.parametrize("key", [
    (0, slice(None), [0, 1]), (slice(None), 0, [0, 1]), ([0, 1], slice(None), [0, 1]),
    (slice(None), [0, 1], [0, 1]), ([[0], [1]], [1, 2]), (Ellipsis, [0, 1], 0),
    ([1, 0], Ellipsis, [3, -1]), (None, [0, 1], None, [0, 2]), (1, [0, 2], slice(1, 3), [4, 0]),
    ([True, False],), ([[True, False, True], [False, True, True]],), (slice(None), [True, False, True]),
    ([True, False], slice(None), [0, 1, 2]), (True,), (False,), (0, True), ([],),
    (slice(None, None, -1), [0, 2]), (slice(1, None), [0, 0, 0], slice(None, None, 2), [1]),
    (slice(None), [[0, 1], [2, 0]], 1), (np.array([1, 0]),), (A[:, 0, 0, 0] > 50,),
])
def test_advanced_indexing_follows_numpy(key):
    want = A[key]
    got = Tensor(A)[key]
    assert got.shape == want.shape
    np.testing.assert_array_equal(got.asnumpy(), want)


def test_a_bool_list_is_a_mask_not_integers():
    check(Tensor([1.0, 2.0, 3.0])[[True, False, True]], [1.0, 3.0], "Float32")
    check(Tensor([1.0, 2.0, 3.0])[Tensor([False, False, True])], [3.0], "Float32")
    check(Tensor([1.0, 2.0, 3.0])[[True, 1]], [2.0, 2.0], "Float32")  # mixed: integers
    with pytest.raises(IndexError, match="boolean index did not match"):
        Tensor([1.0, 2.0, 3.0])[[True, False]]


@pytest.mark.parametrize("key", [([0, 1], [1, 2]), ([True, False],), (slice(None), [0, 0, 2]),
                                 (A[..., 0] > 30,), (0, slice(None), [1, 3]), ([1],)])
def test_item_assignment_through_advanced_indices(key):
    want = A.copy()
    want[key] = -7
    t = Tensor(A)
    t[key] = -7
    np.testing.assert_array_equal(t.asnumpy(), want)
    sub = A[key]
    want[key] = np.arange(sub.size, dtype=np.float32).reshape(sub.shape)
    t[key] = Tensor(want[key])
    np.testing.assert_array_equal(t.asnumpy(), want)


def test_advanced_indices_out_of_range_or_mismatched_are_index_errors():
    t = Tensor(np.zeros((2, 4), np.float32))
    # Per axis: [1, 4] must not alias row 1's first element.
    with pytest.raises(IndexError, match="^index 4 is out of bounds for dimension with size 4$"):
        t[[0, 1], [0, 4]]
    with pytest.raises(IndexError, match="index -3 is out of bounds"):
        t[[0, -3], 0]
    with pytest.raises(IndexError, match="could not be broadcast together"):
        t[[0, 1], [0, 1, 2]]


def test_huge_slice_bounds_clamp_and_huge_ints_are_index_errors():
    x = ems.arange(4.0)
    check(x[0:2**64], [0, 1, 2, 3], "Float32")
    check(x[-2**64:2], [0, 1], "Float32")
    check(x[::2**64], [0], "Float32")
    check(x[::-2**64], [3], "Float32")
    with pytest.raises(IndexError, match="18446744073709551616"):
        x[2**64]
    with pytest.raises(TypeError, match="slice indices must be integers"):
        x[1.5:]


# ---- 13. Python ints that do not fit the dtype --------------------------------------------------

@pytest.mark.parametrize("f", [
    lambda: Tensor([2**40], ems.int32), lambda: Tensor(2**40, ems.int32), lambda: Tensor([1, 2**31], ems.int32),
    lambda: Tensor([1], ems.int32) + 2**40, lambda: 2**40 * Tensor([1], ems.int32),
    lambda: ops.full((2,), 2**40, ems.int32), lambda: ems.arange(0, 2**40),
])
def test_ints_that_do_not_fit_int32_raise_instead_of_wrapping(f):
    with pytest.raises(ems.ShapeError, match=r"integer \d+ is out of bounds for Int32"):
        f()


def test_ints_beyond_int64_raise_and_item_assignment_checks_the_dtype():
    for f in (lambda: Tensor([2**70]), lambda: ems.ones(2) + 2**70, lambda: ops.full((1,), 2**64)):
        with pytest.raises(ems.ShapeError, match="out of bounds for int64"):
            f()
    t = Tensor([1, 2], ems.int32)
    with pytest.raises(ems.ShapeError, match="For 'setitem'.*out of bounds for Int32"):
        t[0] = 2**40
    with pytest.raises(ems.ShapeError, match="out of bounds for Int32"):
        t[0:2] = [1, 2**40]
    t[0] = 2**31 - 1
    assert t.tolist() == [2**31 - 1, 2]
    check(Tensor([2**40], ems.float32), [2.0**40], "Float32")


def test_comparisons_with_out_of_range_ints_are_exact():
    t = Tensor([1, -5], ems.int32)
    check(t == 2**40, [False, False], "Bool")
    check(t < 2**40, [True, True], "Bool")
    check(t > -(2**70), [True, True], "Bool")
    check(Tensor([0]) != 2**70, [True], "Bool")


# ---- 13. split and randint ----------------------------------------------------------------------

def test_numpy_style_split_refuses_decreasing_indices():
    with pytest.raises(ems.ShapeError, match=r"split indices \[4, 2\] must not decrease"):
        ems.split(ems.arange(6), [4, 2])
    assert [p.shape for p in ems.split(ems.arange(6), [2, 2, -1])] == [(2,), (0,), (3,), (1,)]
    assert [p.shape for p in ems.split(ems.arange(6), [3, 99])] == [(3,), (3,), (0,)]
    with pytest.raises(ValueError, match="must be more than zero"):
        ems.split(ems.arange(6), -2)


def test_ops_split_takes_part_sizes_as_mindspore():
    x = ems.arange(6)
    assert [p.tolist() for p in ops.split(x, 4)] == [[0, 1, 2, 3], [4, 5]]
    assert [p.tolist() for p in ops.split(x, [1, 5])] == [[0], [1, 2, 3, 4, 5]]
    assert [p.shape for p in ops.split(x, (0, 6))] == [(0,), (6,)]
    with pytest.raises(ValueError, match=r"sizes \[1, 2\] must add up to the size of the axis, 6"):
        ops.split(x, [1, 2])
    with pytest.raises(ValueError, match="must be more than zero"):
        ops.split(x, 0)
    with pytest.raises(ValueError, match="non-negative"):
        ops.split(x, [-1, 7])
    with pytest.raises(TypeError, match="must be an int or a tuple/list of ints"):
        ops.split(x, 2.5)


@pytest.mark.parametrize("low, high", [(5, 2), (2, 2)])
def test_randint_needs_low_below_high(low, high):
    with pytest.raises(ems.ShapeError, match="'low' must be less than 'high'"):
        ems.randint(low, high, (3,))


def test_randint_checks_its_arguments_and_range():
    with pytest.raises(TypeError, match="'low' must be an int"):
        ems.randint(0.5, 3, (2,))
    with pytest.raises(ValueError, match="does not fit"):
        ems.randint(0, 2**40, (2,), ems.int32)
    r = ems.randint(-3, 3, (200,))
    assert str(r.dtype) == "Int64" and -3 <= r.min().item() and r.max().item() < 3


# ---- 15. MindSpore's error classes, never OverflowError ----------------------------------------

@pytest.mark.parametrize("f, exc, pattern", [
    (lambda: ems.eye(-1), ValueError, r"For 'eye', 'n' must be non-negative, but got -1"),
    (lambda: ops.eye(3, -2), ValueError, r"'m' must be non-negative"),
    (lambda: ems.eye(2**64), ValueError, r"'n' must fit in int64"),
    (lambda: ems.linspace(0, 1, -1), ValueError, r"For 'linspace', 'num' must be non-negative"),
    (lambda: ems.linspace(0, 1, float("inf")), TypeError, r"'num' must be an int"),
    (lambda: ems.linspace(2**10000, 1, 3), ValueError, r"out of bounds for int64"),
    (lambda: ems.set_seed(-1), ValueError, r"For 'set_seed', the 'seed' must be an int in \[0, 2\*\*32\)"),
    (lambda: ems.set_seed(2**64), ValueError, r"'seed'"),
    (lambda: ems.set_seed(1.5), TypeError, r"'seed' must be an int"),
    (lambda: ems.ones((2, 3)).sum(axis=2**64), ValueError, r"must fit in int64"),
    (lambda: ems.ones((2, 3)).swapaxes(0, 2**64), ValueError, r"For 'SwapAxes', 'axis1' must fit in int64"),
    (lambda: ems.ones((2, 3)).flatten(-(2**70)), ValueError, r"For 'Flatten', 'start_dim'"),
    (lambda: ops.concat([ems.ones(2)], 2**64), ValueError, r"For 'Concat', 'axis' must fit in int64"),
    (lambda: ops.softmax(ems.ones(2), 2**64), ValueError, r"For 'Softmax'"),
    (lambda: ops.norm(ems.ones(2), dim=(2**64,)), ValueError, r"must fit in int64"),
    (lambda: ems.normal(0, 1, (-1,)), ValueError, r"For 'normal', negative dimension -1"),
    (lambda: ems.zeros((2, "a")), TypeError, r"For 'full', the shape must be an int or a tuple of ints"),
    (lambda: ems.narrow(ems.ones(4), 0, 1.5, 1), TypeError, r"For 'narrow', 'start' must be an int"),
    (lambda: ems.ones(3)[1.5], IndexError, r"Only support integers"),
    (lambda: ems.ones(3)[Tensor([0.5])], IndexError, r"must be integers or Bool"),
    (lambda: ems.where(ems.ones(2) > 0, "a", 1.0), TypeError, r"For 'Where'"),
    (lambda: ems.ones(3)[np.longdouble(1.5)], IndexError, r"Only support integers"),
    (lambda: ops.concat(5), TypeError, r"For 'Concat', 'tensors' must be a tuple or list of tensors"),
    (lambda: ops.stack(None), TypeError, r"For 'Stack', 'tensors' must be a tuple or list"),
    (lambda: ems.zeros(None), TypeError, r"For 'full', the shape must be an int or a tuple of ints"),
    (lambda: ems.randint(0, 5, 1.5), TypeError, r"For 'rand', the shape must be"),
    (lambda: ems.narrow(ems.ones(4), 3, 0, 1), ValueError, r"For 'narrow', 'axis' must be in \[-1, 1\)"),
    (lambda: ems.narrow(ems.ones(4), 0, (1,), 1), TypeError, r"For 'narrow', 'start' must be an int"),
    (lambda: ops.clip_by_value(ems.ones(2), "a"), TypeError, r"'clip_value_min' must be a Tensor"),
    # Flags are checked by the bindings (PyO3's own conversion error named neither the op nor ours).
    (lambda: ems.ones((2, 3)).sum(0, keepdims=(1,)), TypeError, r"For 'sum', 'keepdims' must be a bool"),
    (lambda: ops.mean(ems.ones(2), 0, 1), TypeError, r"For 'mean', 'keep_dims' must be a bool"),
    (lambda: ops.logsumexp(ems.ones(2), 0, "a"), TypeError, r"For 'LogSumExp', 'keepdims' must be a bool"),
    (lambda: ops.sort(ems.ones(2), descending=[]), TypeError, r"For 'Sort', 'descending' must be a bool"),
    (lambda: ems.ones(2).astype(ems.int32, copy=2), TypeError, r"For 'astype', 'copy' must be a bool"),
    # Errors raised inside an op by Python or NumPy name the op and are the package's classes.
    (lambda: ops.vector_norm(ems.ones(2), ord="x"), ValueError, r"^For 'vector_norm', could not convert"),
    (lambda: ems.ones(3).roll(1.5j), TypeError, r"^For 'roll', "),
    (lambda: ops.jvp(1, ems.ones(2), ems.ones(2)), TypeError, r"For 'jvp', 'fn' must be callable, but got int"),
    (lambda: ops.jvp(ops.sin, 1.0, ems.ones(2)), TypeError, r"For 'jvp', the inputs must be a Tensor or a tuple"),
    (lambda: ops.vjp([], ems.ones(2)), TypeError, r"For 'vjp', 'fn' must be callable, but got list"),
    (lambda: ops.linearize(2.0, ems.ones(2)), TypeError, r"For 'linearize', 'fn' must be callable"),
    (lambda: ems.dataset.vision.Rescale((1,), 0), TypeError, r"^For 'Rescale', "),
    (lambda: ems.dataset.GeneratorDataset(1, ["a"]), TypeError, r"^For 'GeneratorDataset', 'source'"),
    (lambda: ems.dataset.NumpySlicesDataset([1.0], ["a"]).project(3), TypeError, r"^For 'project', "),
])
def test_bad_arguments_raise_mindspores_classes(f, exc, pattern):
    with pytest.raises(exc, match=pattern) as e:
        f()
    assert isinstance(e.value, ems.Error), f"{type(e.value).__mro__} is not an easy_mindspore.Error"
    assert not isinstance(e.value, OverflowError)


def test_errors_of_user_code_reach_the_caller_unchanged():
    """The transforms and the dataset pipeline run user code: its exceptions are not renamed."""
    def boom(*_):
        raise ValueError("mine")

    calls = [lambda: ops.jvp(boom, ems.ones(2), ems.ones(2)), lambda: ops.vjp(boom, ems.ones(2)),
             lambda: ems.grad(boom)(ems.ones(2)), lambda: ems.jit(boom)(ems.ones(2)),
             lambda: ops.linearize(boom, ems.ones(2))]
    for f in calls:
        with pytest.raises(ValueError, match="^mine$") as e:
            f()
        assert type(e.value) is ValueError
    # In a dataset pipeline the error is also a RuntimeError (MindSpore 2.10 raises RuntimeError
    # there), under its own name and message, its traceback and cause the original's.
    with pytest.raises(ValueError, match="^mine$") as e:
        list(ems.dataset.NumpySlicesDataset([1.0, 2.0], ["a"]).map(boom, "a"))
    assert isinstance(e.value, RuntimeError) and type(e.value).__name__ == "ValueError"
    assert type(e.value.__cause__) is ValueError


def test_no_rust_panic_reaches_python_on_extreme_arguments():
    out = run_isolated("""
        import numpy as np, easy_mindspore as ems
        from easy_mindspore import ops
        calls = [lambda: ops.split(ems.zeros((0,)), 2**62), lambda: ems.ones(3)[::-2**63],
                 lambda: ems.ones(3)[-2**63:2**63], lambda: ems.arange(2**63 - 2, 2**63 - 1, 1, ems.int64),
                 lambda: ems.arange(-2**63, 2**63 - 1, 2**62), lambda: ems.ones(3).reshape(-1, 2**62),
                 lambda: ems.split(ems.ones(3), [2**63 - 1, -2**63]), lambda: ops.split(ems.ones(3), [2**63, 2**63])]
        for f in calls:
            try:
                f()
                print("ok")
            except (TypeError, ValueError, IndexError, MemoryError) as e:
                print("err", isinstance(e, ems.Error))
    """)
    assert "Panic" not in out and len(out.splitlines()) == 8, out
