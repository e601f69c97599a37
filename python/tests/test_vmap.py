"""``vmap`` (reference §6.3; JAX's rules where MindSpore is silent): in_axes and out_axes in every
form, broadcasting of outputs that do not vary, errors that name the arguments, values that
cannot be read inside vmap, nesting, and its compositions with ``grad`` compared with Python
loops."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
import mindspore.ops as ops
from easy_mindspore import Tensor
from helpers import check

X = Tensor(np.arange(6.0, dtype=np.float32).reshape(2, 3))  # [[0, 1, 2], [3, 4, 5]]
w = Tensor([1.0, 2.0, 3.0])


def loop(f, *xs):
    """``f`` applied to each row of every argument, stacked: what vmap must equal."""
    return ems.stack([f(*(x[i] for x in xs)) for i in range(len(xs[0]))])


def close(a, b, rtol=1e-6, atol=1e-6):
    np.testing.assert_allclose(a.asnumpy(), b.asnumpy() if isinstance(b, Tensor) else b, rtol=rtol, atol=atol)


class TestInAxes:
    def test_axis_0_maps_rows(self):
        check(ems.vmap(lambda r: r.sum())(X), [3, 12], "Float32")

    def test_axis_1_and_minus_1_map_columns(self):
        check(ems.vmap(lambda c: c.sum(), in_axes=1)(X), [3, 5, 7], "Float32")
        check(ems.vmap(lambda c: c.sum(), in_axes=-1)(X), [3, 5, 7], "Float32")
        # Per-example shape is the shape without the mapped axis.
        assert ems.vmap(lambda c: Tensor(c.shape), in_axes=1)(X).tolist() == [[2], [2], [2]]

    def test_none_broadcasts_an_argument(self):
        # Row r · w: [0+2+6, 3+8+15]
        check(ems.vmap(lambda r, v: (r * v).sum(), in_axes=(0, None))(X, w), [8, 26], "Float32")
        check(ems.vmap(lambda r, v: (r * v).sum(), in_axes=[0, None])(X, w), [8, 26], "Float32")

    def test_nested_in_axes_for_tuple_and_dict_arguments(self):
        f = lambda pair: pair[0] * pair[1]  # noqa: E731
        check(ems.vmap(f, in_axes=((0, None),))((X, w)), [[0, 2, 6], [3, 8, 15]], "Float32")
        check(ems.vmap(f, in_axes=([1, 0],))([X, w]), [[0, 3], [2, 8], [6, 15]], "Float32")
        g = lambda d: d["a"] - d["b"]  # noqa: E731
        check(ems.vmap(g, in_axes=({"a": 0, "b": None},))({"a": X, "b": w}), [[-1, -1, -1], [2, 2, 2]], "Float32")
        # A single entry covers a whole tuple argument.
        check(ems.vmap(f, in_axes=(0,))((X, X)), [[0, 1, 4], [9, 16, 25]], "Float32")

    def test_python_scalar_arguments_are_not_mapped(self):
        check(ems.vmap(lambda r, s: r * s, in_axes=(0, None))(X, 2.0), [[0, 2, 4], [6, 8, 10]], "Float32")
        check(ems.vmap(lambda r, s, flag: r.sum() if flag is None else r, in_axes=(0, None, None))(X, 3, None),
              [3, 12], "Float32")

    def test_sizes_must_agree(self):
        def f(x, y):
            return x + y
        with pytest.raises(ems.ShapeError) as e:
            ems.vmap(f)(X, ems.ones((3, 3)))
        msg = str(e.value)
        assert "argument 0 ('x') has size 2 along axis 0 (shape (2, 3))" in msg
        assert "argument 1 ('y') has size 3 along axis 0 (shape (3, 3))" in msg
        with pytest.raises(ValueError, match=r"argument 1 \('y'\) has size 3 along axis 1 \(shape \(2, 3\)\)"):
            ems.vmap(f, in_axes=(0, 1))(X, X)

    def test_no_mapped_argument(self):
        # MindSpore 2.10: a single None is refused (RuntimeError) unless fn is a CellList.
        with pytest.raises(RuntimeError, match="'in_axes' of 'vmap' cannot be a single None"):
            ems.vmap(lambda x, y: x + y, in_axes=None)(X, w)
        with pytest.raises(ems.ComputeError, match="at least one Tensor argument must be mapped"):
            ems.vmap(lambda x, y: x + y, in_axes=(None, None))(X, w)
        with pytest.raises(RuntimeError, match="at least one Tensor argument must be mapped"):
            ems.vmap(lambda: 1.0)()

    def test_an_int_axis_for_a_non_tensor_names_the_argument(self):
        def scale(x, s):
            return x * s
        with pytest.raises(ems.ShapeError, match=r"^For 'vmap', argument 1 \('s'\) is a float, not a Tensor, so its in_axes must be None, but got 0$"):
            ems.vmap(scale)(X, 2.0)
        with pytest.raises(ValueError, match=r"argument 0 \('pair'\)\[1\] is a NoneType"):
            ems.vmap(lambda pair: pair[0], in_axes=((0, 0),))((X, None))

    def test_axis_out_of_range_and_bad_specs(self):
        with pytest.raises(ems.ShapeError, match=r"in_axes 2 of argument 0 .* out of range for its shape \(2, 3\): it must be in \[-2, 2\)"):
            ems.vmap(lambda x: x, in_axes=2)(X)
        with pytest.raises(ems.ShapeError, match="in_axes 0 of argument 0 .* shape \\(\\)"):
            ems.vmap(lambda x: x)(Tensor(1.0))
        with pytest.raises(RuntimeError, match=r"^When vmap`s 'in_axes' is a tuple or list, and its size must be equal to the number of arguments of 'fn': 2, but got size: 3\.$"):
            ems.vmap(lambda x, y: x, in_axes=(0, None, 0))(X, w)
        with pytest.raises(ems.ShapeError, match=r"in_axes\[0\] has 3 entries but argument 0 \('p'\) is a tuple of length 2"):
            ems.vmap(lambda p: p[0], in_axes=((0, 0, 0),))((X, X))
        for bad in ("0", 1.0, True):
            with pytest.raises(ems.ComputeError, match="the elements of in_axes must be int or None"):
                ems.vmap(lambda x: x, in_axes=bad)(X)
        with pytest.raises(ems.DTypeError, match="keyword arguments are not supported"):
            ems.vmap(lambda x, k=1: x)(X, k=2)


class TestOutAxes:
    def test_int_and_negative_out_axes(self):
        check(ems.vmap(lambda r: r * 2, out_axes=1)(X), [[0, 6], [2, 8], [4, 10]], "Float32")
        check(ems.vmap(lambda r: r * 2, out_axes=-1)(X), [[0, 6], [2, 8], [4, 10]], "Float32")
        check(ems.vmap(lambda c: c, in_axes=1, out_axes=1)(X), X.tolist(), "Float32")

    def test_tuple_out_axes_and_none_for_an_unbatched_output(self):
        prod, twice = ems.vmap(lambda r, v: (r * v, v * 2), in_axes=(0, None), out_axes=(1, None))(X, w)
        check(prod, [[0, 3], [2, 8], [6, 15]], "Float32")
        check(twice, [2, 4, 6], "Float32")  # returned once, not per example

    def test_none_for_a_batched_output_is_an_error(self):
        with pytest.raises(ems.ShapeError, match=r"out_axes is None for output\[1\], but it varies across the batch \(shape \(3,\) per example\)"):
            ems.vmap(lambda r, v: (r * v, r * 2), in_axes=(0, None), out_axes=(0, None))(X, w)
        with pytest.raises(RuntimeError, match="'out_axes' of 'vmap' cannot be a single None"):
            ems.vmap(lambda r: r.sum(), out_axes=None)(X)

    def test_outputs_that_do_not_vary_are_broadcast(self):
        check(ems.vmap(lambda r: w * 2)(X), [[2, 4, 6], [2, 4, 6]], "Float32")
        check(ems.vmap(lambda r: w * 2, out_axes=1)(X), [[2, 2], [4, 4], [6, 6]], "Float32")
        check(ems.vmap(lambda r: 5.0)(X), [5, 5], "Float32")

    def test_structured_outputs(self):
        out = ems.vmap(lambda r: {"s": r.sum(), "pair": [r[0], (r * 0 + 7.0, None)]})(X)
        check(out["s"], [3, 12], "Float32")
        check(out["pair"][0], [0, 3], "Float32")
        check(out["pair"][1][0], [[7, 7, 7], [7, 7, 7]], "Float32")
        assert out["pair"][1][1] is None and isinstance(out["pair"], list)
        a, (b, c) = ems.vmap(lambda r: (r[0], (r[1], w[2])), out_axes=(0, (0, None)))(X)
        check(b, [1, 4], "Float32")
        check(c, 3, "Float32")

    def test_out_axes_errors(self):
        with pytest.raises(ems.ShapeError, match=r"out_axes 3 of the output is out of range: with the batch axis it has 2 dimensions"):
            ems.vmap(lambda r: r, out_axes=3)(X)
        with pytest.raises(ems.ShapeError, match=r"out_axes has 2 entries but the output is a Tensor"):
            ems.vmap(lambda r: r, out_axes=(0, 0))(X)
        with pytest.raises(ems.ComputeError, match="the elements of out_axes must be int or None"):
            ems.vmap(lambda r: r, out_axes="x")(X)


class TestCompositions:
    def test_nested_vmap(self):
        check(ems.vmap(ems.vmap(lambda a: a * a))(X), [[0, 1, 4], [9, 16, 25]], "Float32")
        u, v = Tensor([1.0, 2.0]), Tensor([1.0, 10.0, 100.0])
        outer = ems.vmap(ems.vmap(lambda a, b: a * b, in_axes=(None, 0)), in_axes=(0, None))(u, v)
        check(outer, [[1, 10, 100], [2, 20, 200]], "Float32")
        # Mapping over the inner axis first: the transpose.
        check(ems.vmap(ems.vmap(lambda a: a), in_axes=1)(X), [[0, 3], [1, 4], [2, 5]], "Float32")

    def test_vmap_of_grad_is_per_example_gradients(self):
        f = lambda v: (v.sin() * v).sum()  # noqa: E731  grad = sin v + v cos v
        close(ems.vmap(ms.grad(f))(X), loop(ms.grad(f), X))
        close(ems.vmap(ms.grad(f))(X), (X.sin() + X * X.cos()))
        # Several arguments, one of them shared.
        g = lambda r, v: ((r * v).sum()) ** 2  # noqa: E731  d/dr = 2 (r·v) v
        close(ems.vmap(ms.grad(g), in_axes=(0, None))(X, w), [[16, 32, 48], [52, 104, 156]])

    def test_grad_of_vmap(self):
        f = lambda r: (r ** 3).sum()  # noqa: E731
        check(ms.grad(lambda m: ems.vmap(f)(m).sum())(X), (3 * X * X).tolist(), "Float32")
        # Through an unmapped argument: d/dv Σ_rows (r·v)² = Σ_rows 2 (r·v) r
        gv = ms.grad(lambda v: (ems.vmap(lambda r, u: (r * u).sum(), in_axes=(0, None))(X, v) ** 2).sum())(w)
        check(gv, [2 * 26 * 3, 2 * 8 * 1 + 2 * 26 * 4, 2 * 8 * 2 + 2 * 26 * 5], "Float32")

    def test_matmul_indexing_and_reductions_agree_with_a_loop(self):
        ems.set_seed(7)
        W = ems.randn(4, 3)
        B = ems.randn(5, 3)

        def f(r, m):
            h = (m @ r).relu()                  # matmul, activation
            return (h[1:] ** 2).mean() + r.max() - h[::-1][0] * r[-1]  # slicing, reductions, indexing
        close(ems.vmap(f, in_axes=(0, None))(B, W), loop(lambda r: f(r, W), B), rtol=1e-5)
        close(ems.vmap(ms.grad(f), in_axes=(0, None))(B, W), loop(lambda r: ms.grad(f)(r, W), B), rtol=1e-5)
        # A batch of matrices times a batch of vectors, mapped over different axes.
        M = ems.randn(3, 2, 5)  # batch on the last axis
        close(ems.vmap(lambda m, r: m @ r, in_axes=(2, 0))(M, B[:, :2]),
              loop(lambda m, r: m @ r, ems.transpose(M, (2, 0, 1)), B[:, :2]), rtol=1e-5)

    def test_a_tensor_index_that_varies_is_a_gather(self):
        idx = Tensor([2, 0], ems.int32)
        check(ems.vmap(lambda r, i: r[i])(X, idx), [2, 3], "Float32")
        check(ms.grad(lambda m: ems.vmap(lambda r, i: r[i] * 2)(m, idx).sum())(X), [[0, 0, 2], [2, 0, 0]], "Float32")

    def test_exceptions_inside_propagate_unchanged(self):
        class Mine(Exception):
            pass

        def f(r):
            raise Mine("raised inside vmap")
        with pytest.raises(Mine, match="^raised inside vmap$"):
            ems.vmap(f)(X)
        with pytest.raises(Mine, match="^raised inside vmap$"):
            ms.grad(lambda m: ems.vmap(ems.vmap(f))(m).sum())(X)
        check(ems.vmap(lambda r: r + 1)(X), [[1, 2, 3], [4, 5, 6]], "Float32")  # still works

    def test_alias_names(self):
        assert ms.vmap is ems.vmap and ops.vmap is ems.vmap and ms.ops.functional.vmap is ems.vmap


class TestReadingInsideVmap:
    @pytest.mark.parametrize("read, what", [
        (lambda t: bool(t.sum() > 0), "bool()"),
        (lambda t: float(t.sum()), "float()"),
        (lambda t: int(t[0]), "int()"),
        (lambda t: t.sum().item(), "item()"),
        (lambda t: t.asnumpy(), "asnumpy()"),
        (lambda t: np.asarray(t), "asnumpy()"),
        (lambda t: t.tolist(), "tolist()"),
        (lambda t: [1, 2, 3][t[0].astype(ems.int32)], "the value of an index"),
        (lambda t: Tensor([t[0], 1.0]), "the value of a list element"),
    ])
    def test_reading_a_batched_value_is_a_clear_error(self, read, what):
        def f(r):
            read(r)
            return r
        with pytest.raises(ems.ComputeError) as e:
            ems.vmap(f)(X)
        assert f"cannot take {what} of a tensor of shape" in str(e.value)
        assert "varies across the vmap batch" in str(e.value)

    def test_python_control_flow_on_a_batched_value(self):
        def f(r):
            if r.sum() > 3:
                return r
            return -r
        with pytest.raises(ems.Error, match="cannot take bool"):
            ems.vmap(f)(X)
        # The batched spelling: where.
        check(ems.vmap(lambda r: ems.where(r.sum() > 3, r, -r))(X), [[0, -1, -2], [3, 4, 5]], "Float32")

    def test_values_that_do_not_vary_can_be_read(self):
        def f(r, v):
            k = float(v.sum())  # v is not mapped: an ordinary value
            return r * k
        check(ems.vmap(f, in_axes=(0, None))(X, w), [[0, 6, 12], [18, 24, 30]], "Float32")

    def test_printing_a_batched_value_shows_the_batch(self, capsys):
        def f(r):
            print(r)
            assert repr(r) == str(r)
            return r
        ems.vmap(f)(X)
        out = capsys.readouterr().out
        assert out.startswith("BatchedTensor(Tensor(shape=[2, 3], dtype=Float32, value=")
