"""The Python/Rust contract has one owner per concern (DESIGN §7): nested values are flattened and
rebuilt by ``easy_mindspore._tree`` alone, so namedtuples, dicts and lists come back with their
types through every transform; GRAPH_MODE is decided in one place, so every entry point runs
compiled; the native module is reached through typed constructors; a Python exception raised
inside a callback comes back unchanged through every native transform."""
import collections

import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import _C, _tree, nn, ops
from helpers import check

a = ems.Tensor([1.0, 2.0, 3.0])


class TestTypedNativeConstructors:
    def test_no_kind_strings_cross_into_the_native_module(self):
        for name in ("activation", "loss", "optimizer"):
            assert not hasattr(_C, name)

    def test_losses_and_optimizers_can_be_subclassed(self):
        class HalfMSE(nn.MSELoss):
            def construct(self, logits, labels):
                return super().construct(logits, labels) / 2

        check(HalfMSE()(ems.Tensor([1.0, 3.0]), ems.Tensor([0.0, 1.0])), 1.25, "Float32")
        net = nn.Dense(2, 1)

        class MySGD(nn.SGD):
            pass

        opt = MySGD(net.trainable_params(), 0.5)
        before = net.bias.asnumpy().copy()
        opt((ems.zeros((1, 2)), ems.ones(1)))
        np.testing.assert_allclose(net.bias.asnumpy(), before - 0.5)

    def test_native_constructors_check_their_arguments_with_mindspore_names(self):
        with pytest.raises(ems.ShapeError, match="For 'MSELoss', reduction must be 'mean', 'sum' or 'none'"):
            _C.mse_loss("avg")
        with pytest.raises(ems.DTypeError, match="For 'CrossEntropyLoss', weight must be a Tensor"):
            _C.cross_entropy_loss(weight=[1.0, 2.0])
        with pytest.raises(ems.DTypeError, match=r"For 'Adam', params\[0\]: expected a Parameter"):
            _C.optim_group("Adam", [ems.ones(2)], ems.Parameter(ems.Tensor(0.1)), 0.0, [True], 1.0)


class TestCallbackErrors:
    class Mine(Exception):
        pass

    def boom(self, *_):
        raise self.Mine("from the callback")

    @pytest.mark.parametrize("run", [
        lambda f: ems.jit(f)(a),
        lambda f: ems.jvp(f, a, a),
        lambda f: ems.vjp(f, a),
        lambda f: ems.grad(f)(a),
        lambda f: ems.vmap(f)(ems.ones((2, 3))),
        lambda f: ems.jacfwd(f)(a),
        lambda f: ems.jacrev(f)(a),
        lambda f: ems.custom_vjp(f, bprop=lambda x, out, dout: (dout,))(a),
        lambda f: ems.grad(ems.custom_vjp(lambda x: x * 1, bprop=f))(a),
    ], ids=["jit", "jvp", "vjp", "grad", "vmap", "jacfwd", "jacrev", "custom_vjp", "bprop"])
    def test_a_python_exception_comes_back_unchanged(self, run):
        with pytest.raises(self.Mine, match="^from the callback$"):
            run(self.boom)
        # The engine's own errors are still its own afterwards.
        with pytest.raises(ems.ShapeError):
            run(lambda *x: a + ems.ones(2))


Point = collections.namedtuple("Point", ["x", "y"])


def nested(v):
    # Leaves v², v and 3v: summed, their gradient is 2v + 1 + 3 = 2v + 4.
    return Point(v * v, {"k": [v, 3 * v], "name": "tag"})


def assert_nested(out, v):
    assert type(out) is Point and list(out.y) == ["k", "name"] and out.y["name"] == "tag"
    check(out.x, (v * v).tolist(), "Float32")
    check(out.y["k"][1], (3 * v).tolist(), "Float32")


class TestNestedValues:
    @pytest.mark.parametrize("make", [
        lambda f: ops.GradOperation()(f),
        lambda f: ops.GradOperation(get_all=True)(f),
        lambda f: ems.grad(f),
        lambda f: lambda v: ems.value_and_grad(f)(v)[1],
        lambda f: ems.jit(ems.grad(f)),
    ], ids=["GradOperation", "get_all", "grad", "value_and_grad", "jit(grad)"])
    def test_every_tensor_leaf_of_a_nested_output_is_differentiated(self, make):
        g = make(nested)(a)
        check(g[0] if isinstance(g, tuple) else g, [6, 8, 10], "Float32")

    def test_the_value_keeps_its_namedtuple_and_dict(self):
        value, _ = ems.value_and_grad(nested)(a)
        assert_nested(value, a)

    def test_sens_has_the_structure_of_the_output(self):
        # d/dv ⟨sens, f(v)⟩ = 2v·s1 + s2 + 3·s3.
        s1, s2, s3 = ems.Tensor([1.0, 0.0, 2.0]), ems.ones(3), ems.Tensor([0.0, 1.0, 0.0])
        g = ops.GradOperation(sens_param=True)(nested)(a, Point(s1, {"k": [s2, s3], "name": None}))
        check(g, [3, 4, 13], "Float32")
        with pytest.raises(ems.DTypeError, match="structure of the output"):
            ops.GradOperation(sens_param=True)(nested)(a, Point(s1, {"k": [s2], "name": None}))

    def test_jit_keeps_namedtuples_and_dicts_in_and_out(self):
        jf = ems.jit(lambda p, d: Point(p.x * d["s"], {"k": [p.y * d["s"], 3 * d["s"]], "name": "tag"}))
        for _ in range(3):
            out = jf(Point(a, ems.ones(3)), {"s": a})
            assert_nested(out, a)
            check(out.y["k"][0], [1, 2, 3], "Float32")
        assert jf.cache_info().traces == 1
        # A plain tuple has another structure than the namedtuple: it is traced on its own.
        with pytest.raises(AttributeError):
            jf((a, a), {"s": a})

    def test_vmap_keeps_namedtuples_in_and_out(self):
        X = ems.Tensor([[1.0, 2.0], [3.0, 4.0]])
        w = ems.Tensor([10.0, 1.0])
        out = ems.vmap(lambda p: Point((p.x * p.y).sum(), {"k": p.x * 2}),
                       in_axes=(Point(0, None),))(Point(X, w))
        assert type(out) is Point and list(out.y) == ["k"]
        check(out.x, [12, 34], "Float32")
        check(out.y["k"], [[2, 4], [6, 8]], "Float32")

    def test_jacobians_keep_dict_outputs(self):
        jac = ems.jacfwd(lambda v: {"sq": v * v, "pair": Point(v, v.sum())})(a)
        assert list(jac) == ["sq", "pair"] and type(jac["pair"]) is Point
        check(jac["sq"], np.diag([2.0, 4.0, 6.0]).tolist(), "Float32")
        check(jac["pair"].y, [1, 1, 1], "Float32")

    def test_stop_gradient_blocks_every_tensor_of_a_nested_value(self):
        def f(v):
            blocked = ops.stop_gradient(Point(v * v, {"k": [v], "n": 2.0}))
            assert type(blocked) is Point and blocked.y["n"] == 2.0
            return blocked.x.sum() + blocked.y["k"][0].sum() + v.sum()
        check(ems.grad(f)(a), [1, 1, 1], "Float32")


class TestGraphModeOnEveryEntryPoint:
    """In GRAPH_MODE every entry point runs compiled: after its first call, the Python function
    behind it does not run again (the cached graph answers); in PyNative it runs at every call."""

    w = ems.Parameter(ems.Tensor([1.0, -1.0, 2.0]), name="w")

    def entry_points(self, f):
        ones = ems.ones(3)
        sens = ems.Tensor(2.0)
        weighted = lambda v: (v * self.w).sum()  # noqa: E731
        grad_fns = {
            "GradOperation": ops.GradOperation()(f),
            "GradOperation get_all": ops.GradOperation(get_all=True)(f),
            "GradOperation get_by_list": ops.GradOperation(get_by_list=True)(weighted, [self.w]),
            "GradOperation sens_param": ops.GradOperation(sens_param=True)(f),
            "grad": ems.grad(f),
            "value_and_grad": ems.value_and_grad(f),
        }
        calls = {name: (lambda g: lambda v: g(v))(g) for name, g in grad_fns.items()}
        calls["GradOperation sens_param"] = lambda v: grad_fns["GradOperation sens_param"](v, sens)
        calls["jvp"] = lambda v: ems.jvp(f, v, ones)
        calls["vjp"] = lambda v: ems.vjp(f, v)[0]
        calls["vjp_fn"] = lambda v: ems.vjp(f, v)[1](sens)

        class Net(nn.Cell):
            def construct(self, v):
                return f(v)

        calls["Cell"] = Net()
        return calls

    @pytest.mark.parametrize("name", ["GradOperation", "GradOperation get_all",
                                      "GradOperation get_by_list", "GradOperation sens_param",
                                      "grad", "value_and_grad", "jvp", "vjp", "vjp_fn", "Cell"])
    def test_runs_compiled_in_graph_mode_only(self, name):
        runs = []

        def f(v):
            runs.append(1)
            return (v * v * self.w).sum()

        def results(mode):
            ems.set_context(mode=mode)
            try:
                call = self.entry_points(f)[name]
                del runs[:]
                out = [call(a) for _ in range(4)]
                return out, len(runs)
            finally:
                ems.set_context(mode=ems.PYNATIVE_MODE)

        eager, eager_runs = results(ems.PYNATIVE_MODE)
        compiled, compiled_runs = results(ems.GRAPH_MODE)
        if name != "GradOperation get_by_list":  # f is not called by that one
            assert eager_runs >= 4
        assert compiled_runs <= 2  # the traces of the first call only (vjp_fn: forward and backward)
        for e, c in zip(eager, compiled):
            for x, y in zip(_tensors(e), _tensors(c)):
                np.testing.assert_allclose(y.asnumpy(), x.asnumpy(), rtol=1e-6)

    def test_inside_a_trace_the_entry_points_are_part_of_the_enclosing_graph(self):
        ems.set_context(mode=ems.GRAPH_MODE)
        try:
            g = ems.grad(lambda v: (v * v).sum())
            jf = ems.jit(lambda v: g(v) + 1)
            check(jf(a), [3, 5, 7], "Float32")
            check(jf(a), [3, 5, 7], "Float32")
            assert jf.cache_info().traces == 1
            assert "_ems_graph_jit" not in g.__dict__  # g ran inside jf's trace, not compiled alone
        finally:
            ems.set_context(mode=ems.PYNATIVE_MODE)


def _tensors(value):
    return [t for t in _tree.leaves(value) if isinstance(t, ems.Tensor)]
