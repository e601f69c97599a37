"""The rest of MindSpore's grad surface: ``get_grad`` with ``return_ids``, ``linearize``,
``mutable``, ``nn.Momentum`` and the ``mindspore.ops.function.grad.grad_func`` module path."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn, ops


def _xyz():
    return (ems.Tensor([1.0, 2.0]), ems.Tensor([-2.0, 3.0]), ems.Tensor([0.0, 3.0]))


def test_get_grad_by_position_from_return_ids():
    x, y, z = _xyz()
    out = ems.grad(lambda x, y, z: x * y * z, grad_position=(1, 2), return_ids=True)(x, y, z)
    # ((1, dy), (2, dz)): each gradient tagged with its position
    assert [tag for tag, _ in out] == [1, 2]
    np.testing.assert_allclose(ems.get_grad(out, 1).asnumpy(), [0.0, 6.0])  # x*z
    np.testing.assert_allclose(ops.get_grad(out, 2).asnumpy(), [-2.0, 6.0])  # x*y
    with pytest.raises(RuntimeError, match="position 0"):
        ems.get_grad(out, 0)


def test_get_grad_by_parameter_and_position_together():
    w = ems.Parameter(ems.Tensor([3.0, 4.0]), name="w")
    b = ems.Parameter(ems.Tensor([1.0]), name="b")
    f = lambda x: (x * w + b).sum()
    x = ems.Tensor([1.0, 2.0])
    out = ems.grad(f, grad_position=0, weights=[w, b], return_ids=True)(x)
    np.testing.assert_allclose(ems.get_grad(out, 0).asnumpy(), [3.0, 4.0])
    np.testing.assert_allclose(ems.get_grad(out, w).asnumpy(), [1.0, 2.0])
    np.testing.assert_allclose(ems.get_grad(out, b).asnumpy(), [2.0])
    value, grads = ems.value_and_grad(f, None, [w], return_ids=True)(x)
    assert float(value) == 13.0
    np.testing.assert_allclose(ems.get_grad(grads, w).asnumpy(), [1.0, 2.0])
    other = ems.Parameter(ems.Tensor([0.0]), name="other")
    with pytest.raises(RuntimeError, match="other"):
        ems.get_grad(grads, other)


def test_get_grad_rejects_other_identifiers():
    x, y, z = _xyz()
    out = ems.grad(lambda x, y: x * y, grad_position=(0, 1), return_ids=True)(x, y)
    for bad in ("0", 1.0, True, x):
        with pytest.raises(TypeError):
            ems.get_grad(out, bad)
    with pytest.raises(TypeError):
        ems.get_grad([(0, x)], 0)  # a list is not what grad returns


def test_linearize_matches_jvp_for_every_vector():
    def f(x, y):
        return ops.matmul(x, y), x.sin()

    x = ems.Tensor(np.array([[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]], np.float32))
    y = ems.Tensor(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], np.float32))
    out, jvp_fn = ops.linearize(f, (x, y))
    np.testing.assert_allclose(out[0].asnumpy(), [[22.0, 28.0], [40.0, 52.0]])
    for seed in range(2):
        rng = np.random.default_rng(seed)
        v = (ems.Tensor(rng.standard_normal((2, 3)).astype(np.float32)),
             ems.Tensor(rng.standard_normal((3, 2)).astype(np.float32)))
        got = jvp_fn(list(v))
        want = ops.jvp(f, (x, y), v)[1]
        for g, w in zip(got, want):
            np.testing.assert_allclose(g.asnumpy(), w.asnumpy(), rtol=1e-6)
    # one input: a Tensor in, a Tensor vector
    out, jvp_fn = ops.linearize(lambda t: t ** 3, x)
    np.testing.assert_allclose(jvp_fn(ems.ones_like(x)).asnumpy(), 3 * x.asnumpy() ** 2)
    with pytest.raises(TypeError):
        ops.linearize(f, 1.0)
    with pytest.raises(TypeError):
        jvp_fn(1.0)


def test_mutable_returns_its_input_and_checks_it():
    x = ems.Tensor([1.0])
    assert ems.mutable(x) is x
    assert ems.mutable(2) == 2
    assert ems.mutable((x, [1, 2.0]), dynamic_len=True) == (x, [1, 2.0])
    for bad in ("s", None, (x, "s"), {"a": object()}):
        with pytest.raises(TypeError):
            ems.mutable(bad)
    with pytest.raises(TypeError):
        ems.mutable(x, dynamic_len=True)
    from mindspore import mutable
    assert mutable is ems.mutable


def test_momentum_follows_mindspores_update():
    w0 = np.array([1.0, -2.0], np.float32)
    w = ems.Parameter(ems.Tensor(w0), name="w")
    opt = nn.Momentum([w], learning_rate=0.1, momentum=0.9)
    grads = [np.array([0.5, 1.0], np.float32), np.array([-1.0, 2.0], np.float32)]
    accum, ref = np.zeros(2, np.float32), w0.copy()
    for g in grads:
        opt((ems.Tensor(g),))
        accum = 0.9 * accum + g
        ref = ref - 0.1 * accum
        np.testing.assert_allclose(w.asnumpy(), ref, rtol=1e-6)
    # Nesterov: p -= lr * (g + momentum * accum)
    v = ems.Parameter(ems.Tensor(w0), name="v")
    nes = nn.Momentum([v], 0.1, 0.9, use_nesterov=True)
    accum, ref = np.zeros(2, np.float32), w0.copy()
    for g in grads:
        nes((ems.Tensor(g),))
        accum = 0.9 * accum + g
        ref = ref - 0.1 * (g + 0.9 * accum)
        np.testing.assert_allclose(v.asnumpy(), ref, rtol=1e-6)
    with pytest.raises(ValueError):
        nn.Momentum([w], 0.1, -0.5)
    with pytest.raises(TypeError):
        nn.Momentum([w], 0.1, "0.9")
    from mindspore.nn.optim import Momentum
    assert Momentum is nn.Momentum


def test_grad_func_module_path():
    from mindspore.ops.function.grad.grad_func import custom_vjp, get_grad, grad, linearize
    from mindspore.ops.function import value_and_grad

    assert linearize is ops.linearize and get_grad is ems.get_grad
    assert custom_vjp is ems.custom_vjp and grad is ems.grad
    assert value_and_grad is ems.value_and_grad


def test_grad_position_errors_as_mindspore():
    f = lambda x, y: x * y
    x = ems.Tensor([1.0])
    # past the last argument: RuntimeError in PyNative, IndexError in GRAPH_MODE (one error, both)
    with pytest.raises(RuntimeError, match="Position index 2"):
        ems.grad(f, 2)(x, x)
    with pytest.raises(IndexError):
        ems.grad(lambda: x, 0)()
    with pytest.raises(RuntimeError, match="empty"):
        ems.grad(f, ())(x, x)


def test_multitype_func_graph_and_hypermap():
    from mindspore.ops import composite as C

    add = C.MultitypeFuncGraph("add")

    @add.register("Number", "Number")
    def _(a, b):
        return a + b

    @add.register("Tensor", "Tensor")
    def _(a, b):
        return a + 10 * b

    t = ems.Tensor([1.0])
    hyper = C.HyperMap(add)
    assert hyper((1, (2, 3)), (4, (5, 6))) == (5, (7, 9))
    out = hyper((t, 1), (t, 2))
    assert out[1] == 3 and out[0].asnumpy().tolist() == [11.0]
    assert C.HyperMap()(add, [1, 2], [3, 4]) == [4, 6]
    # Map goes one level down; a non-sequence argument goes whole to every element
    assert C.Map()(lambda a, b: (a, b), ((1, 2), 3), 7) == (((1, 2), 7), (3, 7))
    seen = []
    C.HyperMap(reverse=True)(lambda a: seen.append(a), (1, 2, 3))
    assert seen == [3, 2, 1]
    with pytest.raises(ValueError, match="str, int"):  # MindSpore 2.10: ValueError
        add("a", 1)
    with pytest.raises(ValueError):
        hyper((1, 2), (1,))
    with pytest.raises(TypeError):
        add.register("Tensr")


def test_no_grad_cuts_the_running_gradients():
    from mindspore import _no_grad

    w = ems.Parameter(ems.Tensor([5.0]), name="w")

    def f(x):
        y = w * x
        with _no_grad():
            m = y * w  # a constant to the grad below
        return (m * y).sum()

    x = ems.Tensor([2.0])
    # d/dx (m·w·x) with m = 50 held constant: m·w = 250 (without the scope: 2·w³·x = 500)
    np.testing.assert_allclose(ems.grad(f)(x).asnumpy(), [250.0])
    gx, gw = ems.grad(f, 0, [w])(x)
    np.testing.assert_allclose(gw[0].asnumpy(), [100.0])  # m·x
    # the same compiled
    ems.set_context(mode=ems.GRAPH_MODE)
    try:
        np.testing.assert_allclose(ems.grad(f)(x).asnumpy(), [250.0])
    finally:
        ems.set_context(mode=ems.PYNATIVE_MODE)
    # a grad started inside the scope is refused, as in MindSpore 2.10
    with _no_grad():
        with pytest.raises(RuntimeError, match="In no_grad context"):
            ems.grad(lambda t: (t * t).sum())(x)


def test_no_grad_as_a_decorator_and_across_threads():
    import threading

    from mindspore.common.api import _no_grad

    class Forward(nn.Cell):
        @_no_grad()
        def construct(self, x):
            return x * x

    net = Forward()
    x = ems.Tensor([3.0])
    np.testing.assert_allclose(net(x).asnumpy(), [9.0])
    np.testing.assert_allclose(ems.grad(lambda t: (net(t) + t).sum())(x).asnumpy(), [1.0])
    results = []

    def worker():
        results.append(ems.grad(lambda t: (net(t) * t).sum())(x).asnumpy().tolist())

    th = threading.Thread(target=worker)
    th.start()
    th.join(timeout=60)
    assert results == [[9.0]]


def test_custom_rules_are_fitted_to_their_inputs_as_mindspore():
    """A bprop gradient is cast to its input's dtype and summed over broadcast axes; one that does
    not broadcast is a RuntimeError with MindSpore's message; ``defbwd`` is MindSpore 2.x's name."""
    import numpy as np
    import easy_mindspore as ms
    from easy_mindspore import nn, ops, Tensor

    class Net(nn.Cell):
        def construct(self, x, y):
            return x + y

        def bprop(self, x, y, out, dout):
            g = Tensor([[1, 1, 1], [1, 1, 1], [2, 2, 2]], ms.int64)
            return g, g

    x, y = Tensor([3.0, 3.0, 3.0]), Tensor(np.ones((3, 3), np.float32))
    gx, gy = ops.GradOperation(get_all=True)(Net())(x, y)
    assert gx.dtype == ms.float32 and gx.asnumpy().tolist() == [4.0, 4.0, 4.0]
    assert gy.asnumpy().tolist() == [[1, 1, 1], [1, 1, 1], [2, 2, 2]]

    class Bad(Net):
        def bprop(self, x, y, out, dout):
            return Tensor(np.ones((3, 4), np.float32)), dout

    with pytest.raises(RuntimeError, match="grad tensor should be broadcast to"):
        ops.GradOperation(get_all=True)(Bad())(x, y)

    @ms.custom_vjp
    def mul_add(a, b):
        return 2 * a + b

    mul_add.defbwd(lambda a, b, out, dout: (2 * dout, 2 * b))
    _, back = ms.vjp(mul_add, Tensor(1, ms.int32), Tensor(2, ms.int32))
    assert [int(g) for g in back(Tensor(1, ms.int32))] == [2, 4]


def test_stop_gradient_in_place():
    import easy_mindspore as ms
    from easy_mindspore import ops, Tensor

    def f(t):
        y = t * t
        assert ops.stop_gradient_(y) is None  # MindSpore 2.10 returns None
        return (y * t).sum()

    # d/dt (stop(t²)·t) = t²
    assert ms.grad(f)(Tensor([2.0, 3.0])).asnumpy().tolist() == [4.0, 9.0]
    with pytest.raises(TypeError):
        ops.stop_gradient_(1.0)


def test_forward_value_and_grad_structures_as_grad_operation():
    import easy_mindspore as ms
    from easy_mindspore import nn, ops, Tensor
    net = nn.Dense(2, 1)
    x = Tensor(np.ones((3, 2), np.float32))
    params = net.trainable_params()
    for kw in [{}, {"get_all": True}, {"weights": params, "get_by_list": True},
               {"weights": params, "get_all": True, "get_by_list": True}]:
        value, grads = nn.ForwardValueAndGrad(net, **kw)(x)
        flags = {k: v for k, v in kw.items() if k != "weights"}
        ref = ops.GradOperation(**flags)(*((net, params) if "weights" in kw else (net,)))(x)
        np.testing.assert_allclose(value.asnumpy(), net(x).asnumpy())
        assert type(grads) is type(ref)
        flat = lambda g: [g] if isinstance(g, ms.Tensor) else [t for s in g for t in flat(s)]  # noqa: E731
        for a, b in zip(flat(grads), flat(ref)):
            np.testing.assert_allclose(a.asnumpy(), b.asnumpy())
    sens = Tensor(np.full((3, 1), 2.0, np.float32))
    _, g = nn.ForwardValueAndGrad(net, sens_param=True)(x, sens)
    np.testing.assert_allclose(g.asnumpy(), 2.0 * np.tile(params[0].asnumpy(), (3, 1)), rtol=1e-6)
    with pytest.raises(TypeError):
        nn.ForwardValueAndGrad(net, get_by_list=True)
    assert net.set_inputs(Tensor(np.ones((1, 2), np.float32))) is net and len(net.get_inputs()) == 1


def test_jvp_tangents_match_the_inputs_as_mindspore():
    """MindSpore 2.10: one tangent per input (a ValueError naming the lengths), a Tensor tangent
    for a Tensor input; ``nn.Jvp`` wants a Tensor for one input and a tuple for several
    (TypeError)."""
    from mindspore.nn.grad import Jvp

    x = ems.Tensor(np.ones((2, 2), np.float32))
    v = ems.Tensor(np.ones((2, 2), np.float32))
    square = (lambda a: a * a)
    with pytest.raises(ValueError, match="v has invalid length: should be 1, but got 2"):
        ops.jvp(square, x, (v, v))
    with pytest.raises(ValueError, match="should be 2, but got 1"):
        ops.jvp(lambda a, b: a * b, (x, x), v)
    with pytest.raises(TypeError):
        ops.jvp(square, x, (v,))
    assert np.allclose(ops.jvp(square, (x,), v)[1].asnumpy(), 2)

    class Square(nn.Cell):
        def construct(self, a):
            return a * a

    class Product(nn.Cell):
        def construct(self, a, b):
            return a * b

    for call in (lambda: Jvp(Square())(x, (v, v)), lambda: Jvp(Square())(x, (v,)),
                 lambda: Jvp(Product())(x, x, v)):
        with pytest.raises(TypeError):
            call()
    out, tangent = Jvp(Product())(x, x * 3, (v, v))
    assert np.allclose(out.asnumpy(), 3) and np.allclose(tangent.asnumpy(), 4)


def test_grad_operation_flags_are_bools():
    for kwargs, name in (({"sens_param": 2}, "sens_param"), ({"get_all": 1}, "get_all"),
                         ({"get_by_list": None}, "get_by_list")):
        with pytest.raises(TypeError, match=f"For 'GradOperation', the '{name}' should be bool, but got"):
            ops.GradOperation(**kwargs)


def test_cell_scope_after_recompute():
    net = nn.Dense(2, 2)
    assert net.get_scope() is None
    net.recompute()
    assert net.get_scope() == "recompute_" and net.get_flags()["recompute"] is True


def test_grad_operation_and_bprop_errors_as_mindspore():
    x = ems.Tensor(np.array([2.0], np.float32))
    with pytest.raises(TypeError, match="requires a forward network or function as an input"):
        ops.GradOperation()()
    g = ops.GradOperation()(None)  # MindSpore raises when the gradient function is called
    with pytest.raises(TypeError, match="the first argument must be a 'Function' or 'Cell', but got NoneType"):
        g(x)

    class OnlyOut(nn.Cell):
        def construct(self, a, b):
            return a + b

        def bprop(self, out):
            return out, out

    class MissingInput(nn.Cell):
        def construct(self, a, b):
            return a + b

        def bprop(self, a, out, dout):
            return dout, dout

    grad_all = ops.GradOperation(get_all=True)
    with pytest.raises(TypeError, match="requires at least 2 params 'out' and 'dout', but got only 1"):
        grad_all(OnlyOut())(x, x)
    with pytest.raises(TypeError, match="requires the forward inputs as well as the 'out' and 'dout'"):
        grad_all(MissingInput())(x, x)


def test_vjp_cotangent_takes_the_output_structure():
    from mindspore.nn.grad import Vjp

    class Square(nn.Cell):
        def construct(self, a):
            return a * a

    x = ems.Tensor(np.ones((2, 2), np.float32))
    for v in ((x,), (x, x)):
        with pytest.raises(TypeError, match="structure of the output"):
            Vjp(Square())(x, v)
    out, grad = Vjp(Square())(x, x)
    assert np.allclose(grad.asnumpy(), 2)


def test_a_cell_without_super_init_fails_when_used():
    class NoSuper(nn.Cell):
        def __init__(self):
            self.a = 1  # plain attributes may come before the registries, as in MindSpore

        def construct(self):
            return self.a

    net = NoSuper()
    assert net.a == 1
    with pytest.raises(AttributeError, match=r"super\(\).__init__\(\)"):
        net()
    with pytest.raises(AttributeError, match=r"super\(\).__init__\(\)"):
        net.trainable_params()


def test_multitype_func_graph_types_a_float_as_float32_inside_a_graph():
    add = ops.MultitypeFuncGraph("add")

    @add.register("Float32", "Float32")
    def add_f32(x, y):
        return x + y

    @add.register("Int64", "Int64")
    def add_i64(x, y):
        return x * 10 + y

    @ems.jit
    def in_graph(t, x, y):
        return t + add(x, y)

    assert add(1, 2) == 12
    with pytest.raises(ValueError, match="cannot find fn match given args"):
        add(1.0, 2.0)  # a Float64 outside a graph, as MindSpore types it
    assert float(in_graph(ems.Tensor(0.0), 1.0, 2.0).asnumpy()) == 3.0


def test_one_tensor_at_two_positions_is_one_variable_as_mindspore():
    ms = ems
    # MindSpore 2.10's PyNative grad, GradOperation and vjp differentiate by the tensor object (as
    # PyTorch's autograd.grad): each position of a tensor passed twice gets the total gradient;
    # its graph mode and the Vjp cell take the inputs as values (measured)
    x = ms.Tensor(3.0)
    f = lambda a, b: a * b  # noqa: E731
    assert [float(g) for g in ms.grad(f, grad_position=(0, 1))(x, x)] == [6.0, 6.0]
    assert float(ms.grad(f, grad_position=0)(x, x)) == 6.0
    assert [float(g) for g in ms.grad(f, grad_position=(0, 1))(x, ms.Tensor(3.0))] == [3.0, 3.0]
    assert [float(g) for g in ms.ops.GradOperation(get_all=True)(f)(x, x)] == [6.0, 6.0]
    value, grads = ms.value_and_grad(lambda a, b: a * a * b, grad_position=(0, 1))(x, x)
    assert float(value) == 27.0 and [float(g) for g in grads] == [27.0, 27.0]
    assert [float(g) for g in ms.vjp(f, x, x)[1](ms.Tensor(1.0))] == [6.0, 6.0]
    assert [float(g) for g in ms.jit(ms.grad(f, grad_position=(0, 1)))(x, x)] == [3.0, 3.0]
    _, (dx, dy) = ms.nn.Vjp(lambda a, b: a ** 3 + b)(x, x, ms.Tensor(1.0))
    assert (float(dx), float(dy)) == (27.0, 1.0)


def test_grad_leaves_out_positions_that_hold_no_tensor():
    """MindSpore 2.10 (both modes): a position holding a number has no gradient and is left
    out — one Tensor position left gives its bare gradient, none gives ``()``."""
    x = ems.Tensor(np.array([1.0, 2.0], np.float32))
    y = ems.Tensor(np.array([3.0, 4.0], np.float32))

    def g(a, b):
        return (a * b).sum()

    def f(a, b, c):
        return (a * b * c).sum()

    np.testing.assert_allclose(ems.grad(g, (0, 1))(x, 2).asnumpy(), [2.0, 2.0])
    assert ems.grad(g, 1)(x, 2) == ()
    gx, gy = ems.grad(f, (0, 1, 2))(x, 2, y)
    np.testing.assert_allclose(gx.asnumpy(), [6.0, 8.0])
    np.testing.assert_allclose(gy.asnumpy(), [2.0, 4.0])
    pos, gx = ems.grad(g, (0, 1), return_ids=True)(x, 2)
    assert pos == 0
    np.testing.assert_allclose(gx.asnumpy(), [2.0, 2.0])
    value, gx = ems.value_and_grad(g, (0, 1))(x, 2.0)
    assert float(value.asnumpy()) == 6.0
    np.testing.assert_allclose(gx.asnumpy(), [2.0, 2.0])
