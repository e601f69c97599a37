"""Jacobians and Hessians (reference §6.3), custom gradients (``custom_vjp``, MindSpore's bprop
style), ``vjp`` with weights, golden compositionality (many spellings of one Hessian and one
gradient must agree), perturbation confusion across vmap and grad, and the error classes of all
of them. ``vmap`` itself is ``test_vmap.py``."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
import mindspore.ops as ops
from easy_mindspore import Tensor
from helpers import check

x = ems.arange(4.0)  # [0, 1, 2, 3]
X64 = Tensor(np.array([0.3, -1.2, 2.0, 0.7]))  # float64


def close(a, b, tol=1e-6, what=""):
    np.testing.assert_allclose(a.asnumpy(), b.asnumpy() if isinstance(b, Tensor) else b, rtol=tol, atol=tol,
                               err_msg=what)


class TestJacobians:
    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_square_gives_a_diagonal(self, jac):
        check(jac(lambda v: v * v)(x), np.diag([0.0, 2, 4, 6]), "Float32")

    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_a_function_from_2_to_3(self, jac):
        # f(a, b) = (a b, a + b, b²) at (2, 3): rows (b, a), (1, 1), (0, 2b)
        f = lambda v: ems.stack([v[0] * v[1], v[0] + v[1], v[1] ** 2])  # noqa: E731
        check(jac(f)(Tensor([2.0, 3.0])), [[3, 2], [1, 1], [0, 6]], "Float32")

    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_positions(self, jac):
        a, b = x, Tensor([1.0, 1.0, 2.0, 2.0])
        f = lambda u, v: u * v  # noqa: E731
        ja, jb = jac(f, (0, 1))(a, b)
        check(ja, np.diag([1.0, 1, 2, 2]), "Float32")
        check(jb, np.diag([0.0, 1, 2, 3]), "Float32")
        one = jac(f, (1,))(a, b)  # a 1-tuple stays a tuple (unlike grad's)
        assert isinstance(one, tuple) and len(one) == 1
        check(one[0], np.diag([0.0, 1, 2, 3]), "Float32")
        check(jac(f, 1)(a, b), np.diag([0.0, 1, 2, 3]), "Float32")

    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_tuple_outputs(self, jac):
        j_sq, j_sum = jac(lambda v: (v * v, v.sum()))(x)
        check(j_sq, np.diag([0.0, 2, 4, 6]), "Float32")
        check(j_sum, [1, 1, 1, 1], "Float32")  # shape () + (4,)
        (jaa, jab), (jba, jbb) = jac(lambda u, v: (u * v, (u + 2 * v).sum()), (0, 1))(x, x + 1)
        check(jab, np.diag([0.0, 1, 2, 3]), "Float32")
        check(jbb, [2, 2, 2, 2], "Float32")
        out = jac(lambda v: [v[0], v[1] * 3])(x)
        assert isinstance(out, list)
        check(out[1], [0, 3, 0, 0], "Float32")

    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_has_aux(self, jac):
        j, aux = jac(lambda v: (v * v, v + 1), has_aux=True)(x)
        check(j, np.diag([0.0, 2, 4, 6]), "Float32")
        check(aux, [1, 2, 3, 4], "Float32")
        j, aux = jac(lambda v: (v.sum(), v * 2, "tag"), has_aux=True)(x)
        check(j, [1, 1, 1, 1], "Float32")
        assert isinstance(aux, tuple) and aux[1] == "tag"
        check(aux[0], [0, 2, 4, 6], "Float32")
        with pytest.raises(ems.ShapeError, match=r"^When has_aux is True, origin fn requires more than one outputs.$"):
            jac(lambda v: v * v, has_aux=True)(x)

    def test_jacfwd_equals_jacrev_on_a_matrix_function(self):
        ems.set_seed(3)
        m = ems.randn(2, 3).astype(ems.float64)
        f = lambda a: a @ a.T  # noqa: E731  ∂(AAᵀ)ij/∂Akl = δik Ajl + δjk Ail
        a = m.asnumpy()
        want = np.zeros((2, 2, 2, 3))
        for i in range(2):
            for j in range(2):
                want[i, j, i, :] += a[j]
                want[i, j, j, :] += a[i]
        close(ems.jacfwd(f)(m), want, 1e-12)
        close(ems.jacrev(f)(m), want, 1e-12)

    def test_hessian_of_a_cubic_is_diag_6x(self):
        check(ems.hessian(lambda v: (v ** 3).sum())(x), np.diag([0.0, 6, 12, 18]), "Float32")
        # Two positions: H[i][j] blocks of f = Σ a² b
        (haa, hab), (hba, hbb) = ems.hessian(lambda a, b: (a * a * b).sum(), (0, 1))(x, x + 1)
        check(haa, np.diag([2.0, 4, 6, 8]), "Float32")   # 2b
        check(hab, np.diag([0.0, 2, 4, 6]), "Float32")   # 2a
        check(hba, np.diag([0.0, 2, 4, 6]), "Float32")
        check(hbb, np.zeros((4, 4)), "Float32")

    @pytest.mark.parametrize("jac", [ems.jacfwd, ems.jacrev])
    def test_position_errors_are_grads(self, jac):
        f = lambda a, b: a * b  # noqa: E731
        with pytest.raises(RuntimeError, match=r"^Position index 2 is exceed input size.$"):
            jac(f, 2)(x, x)
        with pytest.raises(ValueError, match=r"^grad_position must be >= 0.$"):
            jac(f, -1)(x, x)
        for bad in (1.5, [0], None, True):
            with pytest.raises(TypeError, match=r"^For 'F.grad', the 'grad_position' must be int or tuple.$"):
                jac(f, bad)(x, x)
        with pytest.raises(ems.DTypeError, match="the argument at grad_position 1 must be a Tensor, but got float"):
            jac(f, 1)(x, 2.0)
        with pytest.raises(ems.DTypeError, match="must return Tensors"):
            jac(lambda a: "no")(x)

    def test_alias_names(self):
        for name in ("jacfwd", "jacrev", "hessian", "custom_vjp"):
            assert getattr(ms, name) is getattr(ems, name) is getattr(ops, name)


class TestGoldenCompositions:
    """f(x) = Σ sin(x) x²: the gradient sin x·x² ' = x² cos x + 2x sin x and the Hessian (diagonal)
    -x² sin x + 4x cos x + 2 sin x, each through every spelling of the transforms."""

    @staticmethod
    def f(v):
        return (v.sin() * v * v).sum()

    def test_gradient_spellings(self):
        v = X64.asnumpy()
        want = v * v * np.cos(v) + 2 * v * np.sin(v)
        f = self.f
        basis = ems.eye(4, dtype=ems.float64)
        spellings = {
            "grad": ms.grad(f)(X64),
            "jacrev": ems.jacrev(f)(X64),
            "jacfwd": ems.jacfwd(f)(X64),
            "vjp": ms.vjp(f, X64)[1](Tensor(1.0, ems.float64))[0],
            "jvp per basis vector (vmap)": ems.vmap(lambda e: ms.jvp(f, X64, e)[1])(basis),
            "value_and_grad": ms.value_and_grad(f)(X64)[1],
            "GradOperation": ops.GradOperation()(f)(X64),
        }
        for name, g in spellings.items():
            close(g, want, 1e-12, name)

    def test_hessian_spellings(self):
        v = X64.asnumpy()
        want = np.diag(-v * v * np.sin(v) + 4 * v * np.cos(v) + 2 * np.sin(v))
        f, g = self.f, ms.grad(self.f)
        basis = ems.eye(4, dtype=ems.float64)
        one = Tensor(1.0, ems.float64)
        spellings = {
            "hessian": ems.hessian(f)(X64),
            "jacfwd(jacrev)": ems.jacfwd(ems.jacrev(f))(X64),
            "jacrev(jacfwd)": ems.jacrev(ems.jacfwd(f))(X64),
            "jacrev(jacrev)": ems.jacrev(ems.jacrev(f))(X64),
            "jacfwd(jacfwd)": ems.jacfwd(ems.jacfwd(f))(X64),
            "jacfwd(grad)": ems.jacfwd(g)(X64),
            "jacrev(grad)": ems.jacrev(g)(X64),
            "vmap(jvp of grad)": ems.vmap(lambda e: ms.jvp(g, X64, e)[1])(basis),
            "vmap(vjp of grad)": ems.vmap(lambda e: ms.vjp(g, X64)[1](e)[0])(basis),
            "loop of grad of jvp": ems.stack([ms.grad(lambda u: ms.jvp(f, u, e)[1])(X64) for e in basis]),
            "loop of vjp of jvp": ems.stack([ms.vjp(lambda u: ms.jvp(f, u, e)[1], X64)[1](one)[0] for e in basis]),
            "loop of grad of grad·e": ems.stack([ms.grad(lambda u: (g(u) * e).sum())(X64) for e in basis]),
        }
        for name, h in spellings.items():
            close(h, want, 1e-12, name)
        # f is a sum of one function per element, so its diagonal is also vmap(grad(grad)) of that.
        close(ems.vmap(ms.grad(ms.grad(lambda s: s.sin() * s * s)))(X64), np.diag(want), 1e-12)

    def test_vmap_of_grad_equals_a_loop(self):
        rows = Tensor(np.arange(12.0).reshape(3, 4) / 7)
        g = ms.grad(self.f)
        close(ems.vmap(g)(rows), ems.stack([g(r) for r in rows]), 1e-12)


class TestPerturbationConfusion:
    """d/dx [x · d/dy (x + y)] = 1: an implementation confusing the two perturbations gives 2."""

    def test_nested_grads(self):
        f = lambda a: a * ms.grad(lambda b: a + b)(Tensor(1.0))  # noqa: E731
        assert ms.grad(f)(Tensor(3.0)).item() == 1.0

    def test_grad_inside_vmap(self):
        f = lambda a: a * ms.grad(lambda b: a + b)(Tensor(1.0))  # noqa: E731
        check(ems.vmap(ms.grad(f))(Tensor([1.0, 2.0, 3.0])), [1, 1, 1], "Float32")
        # An inner grad with respect to an unmapped value, closing over a mapped one:
        # d/dc Σ r c² = 2 c Σ r, per row
        rows = Tensor([[1.0, 2.0], [3.0, 4.0]])
        out = ems.vmap(lambda r: ms.grad(lambda c: (r * c * c).sum())(Tensor(2.0)))(rows)
        check(out, [12, 28], "Float32")

    def test_vmap_inside_grad(self):
        rows = Tensor([[1.0, 2.0], [3.0, 4.0]])
        # d/dc Σ_rows Σ r c = Σ r, with c traced by grad and captured inside vmap
        g = ms.grad(lambda c: ems.vmap(lambda r: (r * c).sum())(rows).sum())(Tensor(5.0))
        assert g.item() == 10.0
        # The confusion example with the inner derivative taken inside a vmap over b
        f = lambda a: (a * ems.vmap(ms.grad(lambda b: a * 0 + a + b))(Tensor([1.0, 2.0]))).sum()  # noqa: E731
        assert ms.grad(f)(Tensor(3.0)).item() == 2.0  # two examples, each d/da = 1


@ems.custom_vjp
def clip_gradient(v):
    return v


@clip_gradient.defbprop
def clip_gradient_bprop(v, out, dout):
    return (ops.clip_by_value(dout, -1.0, 1.0),)


def _sin_bprop(v, out, dout):
    return (v.cos() * dout,)


custom_sin = ems.custom_vjp(lambda v: v.sin(), bprop=_sin_bprop)


class TestCustomVjp:
    def test_gradient_clipping(self):
        check(clip_gradient(x), [0, 1, 2, 3], "Float32")
        check(ms.grad(lambda v: (clip_gradient(v) * Tensor([0.5, -2.0, 3.0, 1.0])).sum())(x), [0.5, -1, 1, 1], "Float32")
        # dout = 1 passes unclipped, then the chain rule multiplies by 3
        check(ms.grad(lambda v: clip_gradient(v * 3).sum())(x), [3, 3, 3, 3], "Float32")

    def test_a_true_rule_matches_the_plain_function(self):
        plain = lambda v: v.sin()  # noqa: E731
        for wrap in (lambda h: lambda v: h(v).sum(), lambda h: lambda v: (h(v) * h(v)).sum()):
            close(ms.grad(wrap(custom_sin))(X64), ms.grad(wrap(plain))(X64))
            close(ms.grad(ms.grad(wrap(custom_sin)))(X64), ms.grad(ms.grad(wrap(plain)))(X64))
        # Second derivative of Σ sin: -sin, through the bprop
        close(ms.grad(ms.grad(lambda v: custom_sin(v).sum()))(X64), -np.sin(X64.asnumpy()), 1e-12)
        # Forward mode goes through the rule too
        t = Tensor(np.array([1.0, 2.0, -1.0, 0.5]))
        out, tangent = ms.jvp(custom_sin, X64, t)
        close(out, np.sin(X64.asnumpy()), 1e-12)
        close(tangent, np.cos(X64.asnumpy()) * t.asnumpy(), 1e-12)
        close(ems.hessian(lambda v: custom_sin(v).sum())(X64), np.diag(-np.sin(X64.asnumpy())), 1e-12)

    def test_vmap_over_a_custom_function(self):
        rows = Tensor(np.arange(6.0).reshape(2, 3))
        close(ems.vmap(custom_sin)(rows), np.sin(rows.asnumpy()), 1e-12)
        close(ems.vmap(ms.grad(lambda r: custom_sin(r).sum()))(rows), np.cos(rows.asnumpy()), 1e-12)
        # The rule's own output (not the true derivative) is what vmap batches.
        check(ems.vmap(ms.grad(lambda r: (clip_gradient(r) * 4).sum()))(ems.ones((2, 3))), np.ones((2, 3)), "Float32")

    def test_several_inputs_numbers_and_none_gradients(self):
        scale = ems.custom_vjp(lambda v, s: v * s, bprop=lambda v, s, out, dout: (dout * s, None))
        check(scale(x, 3.0), [0, 3, 6, 9], "Float32")
        check(ms.grad(lambda v: scale(v, 3.0).sum())(x), [3, 3, 3, 3], "Float32")
        gv, gs = ms.grad(lambda v, s: scale(v, s).sum(), (0, 1))(x, Tensor(2.0))
        check(gs, 0, "Float32")  # None stands for zeros

    def test_decorator_forms(self):
        @ems.custom_vjp(bprop=lambda v, out, dout: (dout * 10,))
        def ident(v):
            return v
        check(ms.grad(lambda v: ident(v).sum())(x), [10] * 4, "Float32")
        assert ident.__name__ == "ident" and "ident" in repr(ident)
        assert ops.custom_vjp is ems.custom_vjp

    def test_no_bprop_is_an_error(self):
        @ems.custom_vjp
        def lonely(v):
            return v
        with pytest.raises(ems.ComputeError, match=r"For 'custom_vjp', .*lonely has no bprop: define one with @.*lonely.defbprop"):
            lonely(x)

    def test_wrong_count_and_shape_name_the_function(self):
        def two(v, out, dout):
            return (dout, dout)
        def scalar(v, out, dout):
            return (dout.sum(),)
        def wrong_type(v, out, dout):
            return "grad"
        def forward(v):
            return v * 2
        for bprop, pattern in [(two, "returned 2 gradients for 1 inputs"),
                               (scalar, r"returned a gradient of shape \[\] for input 0 of shape \[4\]"),
                               (wrong_type, "bprop must return a tuple")]:
            fn = ems.custom_vjp(forward, bprop=bprop)
            with pytest.raises(ems.Error, match=f"For 'custom_vjp', forward: .*{pattern}"):
                ms.grad(lambda v: fn(v).sum())(x)

    def test_exceptions_in_bprop_and_forward_propagate_unchanged(self):
        class RuleError(Exception):
            pass

        def bad(v, out, dout):
            raise RuleError("bprop failed on purpose")
        fn = ems.custom_vjp(lambda v: v * 2, bprop=bad)
        check(fn(x), [0, 2, 4, 6], "Float32")  # the forward alone never calls bprop
        for run in (lambda: ms.grad(lambda v: fn(v).sum())(x),
                    lambda: ms.jvp(fn, x, ems.ones(4)),
                    lambda: ems.vmap(ms.grad(lambda v: fn(v).sum()))(ems.ones((2, 4)))):
            with pytest.raises(RuleError, match="^bprop failed on purpose$"):
                run()
        broken = ems.custom_vjp(lambda v: {}["missing"], bprop=_sin_bprop)
        with pytest.raises(KeyError, match="missing"):
            broken(x)

    def test_inputs_must_be_tensors_or_numbers(self):
        with pytest.raises(ems.DTypeError, match="argument 0 is a str"):
            custom_sin("x")
        with pytest.raises(ems.DTypeError, match="must return one Tensor, but got float"):
            ems.custom_vjp(lambda v: 1.0, bprop=_sin_bprop)(x)


class TestVjpWithWeights:
    w = Tensor([1.0, 2.0])
    b = Tensor(0.5)

    def net(self, v):
        return ((v[:2] * self.w).sum() + self.b) * 2  # d/dv = [2w, 0, 0], d/dw = 2 v[:2], d/db = 2

    def test_inputs_and_weights(self):
        out, vjp_fn = ms.vjp(self.net, x, weights=[self.w, self.b])
        check(out, 5, "Float32")
        gin, gw = vjp_fn(Tensor(3.0))  # every gradient times 3
        assert isinstance(gin, tuple) and len(gin) == 1 and isinstance(gw, tuple) and len(gw) == 2
        check(gin[0], [6, 12, 0, 0], "Float32")
        check(gw[0], [0, 6], "Float32")
        check(gw[1], 6, "Float32")
        gin, gw = ms.vjp(self.net, x, weights=self.w)[1](Tensor(1.0))  # one weight: a bare Tensor
        check(gw, [0, 2], "Float32")

    def test_has_aux_and_tuple_outputs(self):
        out, vjp_fn, aux = ms.vjp(lambda v: (self.net(v), v * self.w.sum()), x, weights=[self.w], has_aux=True)
        check(aux, [0, 3, 6, 9], "Float32")
        (gin,), (gw,) = vjp_fn(Tensor(1.0))
        check(gw, [0, 2], "Float32")
        out, vjp_fn = ms.vjp(lambda v: (v * self.w.sum(), self.b * 1), x, weights=[self.w, self.b])
        (gin,), (gw, gb) = vjp_fn((ems.ones(4), Tensor(5.0)))
        check(gw, [6, 6], "Float32")   # Σv for each component of w
        check(gb, 5, "Float32")

    def test_weights_are_restored_even_on_error(self):
        def failing(v):
            (v[:2] * self.w).sum()
            raise ArithmeticError("stop")
        with pytest.raises(ArithmeticError, match="^stop$"):
            ms.vjp(failing, x, weights=[self.w])
        assert not self.w._is_traced and self.w.tolist() == [1.0, 2.0]
        ms.vjp(self.net, x, weights=[self.w, self.b])
        assert not self.w._is_traced and not self.b._is_traced
        check(self.net(x), 5, "Float32")

    def test_non_tensor_inputs_are_rejected(self):
        with pytest.raises(ems.DTypeError, match=r"For 'vjp', the inputs must be Tensors, but inputs\[0\] is a float"):
            ms.vjp(lambda v: v, 1.0)
        with pytest.raises(ems.DTypeError, match=r"For 'jvp', the v must be Tensors"):
            ms.jvp(lambda v: v, x, [1.0])


@pytest.mark.parametrize("fn", [
    lambda: ems.vmap(lambda a: a)(x, ems.ones(3)),
    lambda: ems.vmap(lambda a: a, in_axes=None)(x),
    lambda: ems.vmap(lambda a, s: a, in_axes=0)(x, 1.0),
    lambda: ems.vmap(lambda a: a, out_axes=None)(x),
    lambda: ems.vmap(lambda a: float(a))(x),
    lambda: ems.vmap(5)(x),
    lambda: ems.jacfwd(lambda a: a, 3)(x),
    lambda: ems.jacrev(lambda a: a, -1)(x),
    lambda: ems.jacrev(lambda a: a, "0")(x),
    lambda: ems.jacfwd(lambda a: a, has_aux=1)(x),
    lambda: ems.jacfwd(5)(x),
    lambda: ems.hessian(lambda a: a.sum())(1.0),
    lambda: ems.custom_vjp(lambda a: a)(x),
    lambda: ems.custom_vjp(5),
    lambda: clip_gradient.defbprop(5),
    lambda: clip_gradient(x, k=1),
    lambda: ms.grad(lambda a: ems.custom_vjp(lambda v: v, bprop=lambda v, o, d: (d, d))(a).sum())(x),
    lambda: ms.vjp(lambda a: a, x)[1]((x, x)),
    lambda: ms.grad(lambda a: a.sum(), 5)(x),
    lambda: ms.grad(5)(x),
    lambda: ms.grad(lambda a: a.sum(), None, None)(x),
])
def test_every_error_is_an_easy_mindspore_error(fn):
    with pytest.raises(ems.Error):
        fn()


def test_docstring_examples_run():
    import doctest
    from easy_mindspore import _custom, _jacobian, _vmap
    for module in (_vmap, _jacobian, _custom):
        failed, _ = doctest.testmod(module)
        assert failed == 0, module.__name__


def test_the_transforms_example_runs():
    import pathlib
    import subprocess
    import sys
    script = pathlib.Path(__file__).resolve().parents[2] / "examples" / "transforms.py"
    p = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    assert "their mean is the batch gradient: True" in p.stdout
    assert p.stdout.rstrip().endswith("clipped gradient: [1. 1. 1. 1.]")
