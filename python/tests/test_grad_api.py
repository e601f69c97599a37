"""Reference §6.2 and §6.3: ``mindspore.grad``, ``value_and_grad``, higher order, ``jvp``, ``vjp``."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor
from helpers import check

x = ems.arange(4.0)
y = Tensor([1.0, 2.0, 3.0, 4.0])


def f2(a, b):
    return (a * b).sum()  # d/da = b, d/db = a


def cube(v):
    return v * v * v


def test_int_position_gives_a_bare_tensor():
    check(ms.grad(f2)(x, y), [1, 2, 3, 4], "Float32")
    check(ms.grad(f2, 1)(x, y), [0, 1, 2, 3], "Float32")


def test_tuple_position_gives_a_tuple_except_a_1_tuple():
    g = ms.grad(f2, (0, 1))(x, y)
    assert isinstance(g, tuple) and len(g) == 2
    check(g[0], [1, 2, 3, 4], "Float32")
    check(g[1], [0, 1, 2, 3], "Float32")
    check(ms.grad(f2, (1,))(x, y), [0, 1, 2, 3], "Float32")
    g = ms.grad(f2, (1, 0))(x, y)
    check(g[0], [0, 1, 2, 3], "Float32")


def test_position_errors():
    with pytest.raises(RuntimeError, match=r"^Position index 2 is exceed input size.$"):
        ms.grad(f2, 2)(x, y)
    with pytest.raises(RuntimeError, match="Position index 3"):
        ms.grad(f2, (0, 3))(x, y)
    with pytest.raises(ValueError, match=r"^grad_position must be >= 0.$"):
        ms.grad(f2, -1)(x, y)
    for bad in (1.5, [0], "0", (0, 1.0)):
        with pytest.raises(TypeError, match=r"^For 'F.grad', the 'grad_position' must be int or tuple.$"):
            ms.grad(f2, bad)(x, y)


def test_position_of_a_scalar_or_ndarray_gives_empty_tuple():
    assert ms.grad(lambda a: (a * a).sum())(np.arange(4.0)) == ()
    assert ms.grad(lambda a: a * 2.0)(3.0) == ()


def test_tuple_output_is_summed():
    check(ms.grad(lambda a: (a * a, a * 3))(x), [3, 5, 7, 9], "Float32")


def test_has_aux_differentiates_the_first_output_only():
    g, aux = ms.grad(lambda a: (a * a, a * 3, "hello"), has_aux=True)(x)
    check(g, [0, 2, 4, 6], "Float32")
    assert isinstance(aux, tuple) and len(aux) == 2
    check(aux[0], [0, 3, 6, 9], "Float32")
    assert aux[1] == "hello"


def test_has_aux_needs_more_than_one_output():
    with pytest.raises(ValueError, match=r"^When has_aux is True, origin fn requires more than one outputs.$"):
        ms.grad(lambda a: a * a, has_aux=True)(x)


def test_return_ids():
    g = ms.grad(f2, (0, 1), return_ids=True)(x, y)
    assert [i for i, _ in g] == [0, 1]
    check(g[0][1], [1, 2, 3, 4], "Float32")
    check(g[1][1], [0, 1, 2, 3], "Float32")


class TestWeights:
    w = Tensor([1.0, 2.0])
    b = Tensor(0.5)

    def net(self, v):
        return ((v[:2] * self.w).sum() + self.b) * 2  # d/dw = 2 v[:2], d/db = 2, d/dv = [2w, 0, 0]

    def test_weights_only(self):
        gw, gb = ms.grad(self.net, grad_position=None, weights=[self.w, self.b])(x)
        check(gw, [0, 2], "Float32")
        check(gb, 2, "Float32")

    def test_inputs_and_weights(self):
        gin, (gw, gb) = ms.grad(self.net, 0, weights=[self.w, self.b])(x)
        check(gin, [2, 4, 0, 0], "Float32")
        check(gw, [0, 2], "Float32")

    def test_both_none(self):
        with pytest.raises(ValueError, match=r"^`grad_position` and `weight` can not be None at the same time.$"):
            ms.grad(self.net, None, None)(x)

    def test_return_ids_with_weights(self):
        (i, gin), ws = ms.grad(self.net, 0, weights=[self.w, self.b], return_ids=True)(x)
        assert i == 0 and len(ws) == 2
        check(ws[1][1], 2, "Float32")

    def test_value_and_grad_with_weights(self):
        v, (gw, gb) = ms.value_and_grad(self.net, None, weights=[self.w, self.b])(x)
        check(v, 5, "Float32")  # (0*1 + 1*2 + 0.5) * 2
        check(gw, [0, 2], "Float32")


def test_grad_of_a_non_callable_fails_on_call():
    g = ms.grad(5)
    assert callable(g)
    with pytest.raises(TypeError, match=r"^The fn should be callable, but got int$"):
        g(x)


def test_value_and_grad_structures():
    v, g = ms.value_and_grad(lambda a: (a * a).sum())(x)
    check(v, 14, "Float32")
    check(g, [0, 2, 4, 6], "Float32")
    v, g = ms.value_and_grad(lambda a: (a * a, a * 3))(x)
    assert isinstance(v, tuple) and len(v) == 2
    check(v[1], [0, 3, 6, 9], "Float32")
    check(g, [3, 5, 7, 9], "Float32")
    v, g = ms.value_and_grad(f2, (0, 1))(x, y)
    check(v, 20, "Float32")
    assert isinstance(g, tuple) and len(g) == 2
    (out, aux), g = ms.value_and_grad(lambda a: ((a * a).sum(), a * 3), has_aux=True)(x)
    check(out, 14, "Float32")
    check(aux, [0, 3, 6, 9], "Float32")
    check(g, [0, 2, 4, 6], "Float32")


def test_sens_param_with_grad():
    check(ms.grad(lambda a: a * a, sens_param=True)(x, Tensor([1.0, 1.0, 2.0, 2.0])), [0, 2, 8, 12], "Float32")


def test_higher_order():
    assert [ms.grad(cube)(Tensor(2.0)).item(),
            ms.grad(ms.grad(cube))(Tensor(2.0)).item(),
            ms.grad(ms.grad(ms.grad(cube)))(Tensor(2.0)).item()] == [12, 12, 6]
    check(ms.grad(ms.grad(lambda v: (v ** 3).sum()))(x), [0, 6, 12, 18], "Float32")  # 6x


def test_grad_of_value_and_grad():
    # d/dx of the gradient 3x² summed = 6x
    check(ms.grad(lambda v: ms.value_and_grad(lambda u: (u ** 3).sum())(v)[1])(x), [0, 6, 12, 18], "Float32")


def test_jvp():
    out, t = ms.jvp(lambda a: a * a, x, ems.ones(4))
    check(out, [0, 1, 4, 9], "Float32")
    check(t, [0, 2, 4, 6], "Float32")
    out, t = ms.jvp(lambda a, b: a * b, (x, y), (ems.ones(4), ems.ones(4)))
    check(t, [1, 3, 5, 7], "Float32")  # b + a
    out, t = ms.jvp(lambda a: (a * a, a.sum()), x, ems.ones(4))
    assert isinstance(out, tuple) and isinstance(t, tuple)
    check(t[1], 4, "Float32")
    out, t, aux = ms.jvp(lambda a: (a * a, a + 1), x, ems.ones(4), has_aux=True)
    check(t, [0, 2, 4, 6], "Float32")
    check(aux, [1, 2, 3, 4], "Float32")


def test_vjp():
    out, fn = ms.vjp(lambda a: a * a, x)
    check(out, [0, 1, 4, 9], "Float32")
    g = fn(ems.ones(4))
    assert isinstance(g, tuple) and len(g) == 1
    check(g[0], [0, 2, 4, 6], "Float32")
    out, fn = ms.vjp(lambda a, b: a * b, x, y)
    ga, gb = fn(Tensor([1.0, 0.0, 1.0, 0.0]))
    check(ga, [1, 0, 3, 0], "Float32")
    check(gb, [0, 0, 2, 0], "Float32")
    out, fn, aux = ms.vjp(lambda a: (a * a, a + 1), x, has_aux=True)
    check(aux, [1, 2, 3, 4], "Float32")
    check(fn(ems.ones(4))[0], [0, 2, 4, 6], "Float32")


def test_jvp_agrees_with_grad():
    f = lambda v: (v.sin() * v).sum()  # noqa: E731
    g = ms.grad(f)(y)
    for i in range(4):
        e = ems.zeros(4)
        e[i] = 1.0
        _, t = ms.jvp(f, y, e)
        assert abs(t.item() - g[i].item()) < 1e-5


def test_norm_at_zero_has_nan_gradient():
    g = ms.grad(lambda a: ems.norm(a))(ems.zeros(3))
    assert str(g.dtype) == "Float32" and np.isnan(g.asnumpy()).all()


def test_mean_gradient_is_one_over_n():
    check(ms.grad(lambda a: a.mean())(x), [0.25] * 4, "Float32")
    check(ms.grad(lambda a: a.mean(axis=0).sum())(ems.ones((5, 2))), np.full((5, 2), 0.2, np.float32), "Float32")


def test_norm_gradient_is_x_over_norm():
    check(ms.grad(lambda a: ems.norm(a))(Tensor([3.0, 4.0])), [0.6, 0.8], "Float32", exact=False)


def test_stop_gradient_values():
    check(ms.ops.stop_gradient(x), [0, 1, 2, 3], "Float32")
    assert ms.ops.stop_gradient(3.0) == 3.0
    a, b = ms.ops.stop_gradient((x, y))
    check(b, [1, 2, 3, 4], "Float32")


def test_hessian_vector_products_agree():
    """Forward-over-reverse, reverse-over-forward and reverse-over-reverse give H·v = 6x·v."""
    f = lambda v: (v ** 3).sum()  # noqa: E731
    v = Tensor([1.0, 0.0, 2.0, 1.0])
    _, fwd_rev = ms.jvp(ms.grad(f), x, v)
    rev_fwd = ms.grad(lambda u: ms.jvp(f, u, v)[1])(x)
    rev_rev = ms.grad(lambda u: (ms.grad(f)(u) * v).sum())(x)
    for hv in (fwd_rev, rev_fwd, rev_rev):
        check(hv, [0, 0, 24, 18], "Float32")


def test_weights_are_bound_for_the_differentiating_thread_only():
    """Weights are engine state: the gradient binds their Vars to traced values on its own
    thread; another thread reading the same Parameter meanwhile sees its plain value."""
    import threading

    w = ms.Parameter(Tensor([1.0, 2.0]), name="w")
    seen = {}

    def fn(x):
        t = threading.Thread(target=lambda: seen.update(traced=w._is_traced, value=w.tolist()))
        t.start()
        t.join()
        assert w._is_traced  # this thread differentiates through w
        return (w * x).sum()

    g = ms.grad(fn, None, [w])(Tensor([3.0, 4.0]))
    check(g[0] if isinstance(g, tuple) else g, [3, 4], "Float32")
    assert seen == {"traced": False, "value": [1.0, 2.0]}
    assert not w._is_traced and w.tolist() == [1.0, 2.0]


def test_a_plain_tensor_as_weight_and_a_weight_the_function_rebinds():
    w = Tensor([1.0, 2.0])
    v = ms.Parameter(Tensor([5.0]), name="v")

    def fn(x):
        v.set_data(v * 2)  # keeps its new value, as a constant, after the call
        return (w * x).sum() + v.sum()

    gw, gv = ms.grad(fn, None, [w, v])(Tensor([3.0, 4.0]))
    check(gw, [3, 4], "Float32")
    check(gv, [2], "Float32")
    assert v.tolist() == [10.0] and not v._is_traced
