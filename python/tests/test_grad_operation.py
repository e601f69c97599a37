"""Reference §6.1: ``ops.GradOperation`` return structures and output handling.

x = [0, 1, 2, 3] throughout; the comments give the maths."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
import mindspore.ops as ops
from easy_mindspore import Tensor
from helpers import check

x = ems.arange(4.0)
y = Tensor([1.0, 2.0, 3.0, 4.0])
go = ops.GradOperation()
ga = ops.GradOperation(get_all=True)


def dot(a, b):
    return (a * b).sum()


def test_default_is_the_first_input_only_as_a_bare_tensor():
    g = go(dot)(x, y)  # d/da sum(a*b) = b
    check(g, [1, 2, 3, 4], "Float32")


def test_get_all_gives_a_tuple_per_tensor_argument():
    g = ga(dot)(x, y)
    assert isinstance(g, tuple) and len(g) == 2
    check(g[0], [1, 2, 3, 4], "Float32")
    check(g[1], [0, 1, 2, 3], "Float32")


def test_get_all_with_one_input_is_a_1_tuple():
    g = ga(lambda a: (a * a).sum())(x)
    assert isinstance(g, tuple) and len(g) == 1
    check(g[0], [0, 2, 4, 6], "Float32")


def test_python_scalars_are_skipped_without_placeholder():
    g = ga(lambda a, s, b: (a * b * s).sum())(x, 3, y)  # d/da = 3b, d/db = 3a
    assert len(g) == 2
    check(g[0], [3, 6, 9, 12], "Float32")
    check(g[1], [0, 3, 6, 9], "Float32")


def test_keyword_tensor_gets_a_gradient_appended():
    g = ga(lambda a, k=None: (a * k).sum())(x, k=Tensor(3.0))  # d/dk = sum(a) = 6
    assert len(g) == 2
    check(g[0], [3, 3, 3, 3], "Float32")
    check(g[1], 6, "Float32")


@pytest.mark.parametrize("fn, expected", [
    (lambda a: (a * a, a * 3), [3, 5, 7, 9]),              # 2x + 3
    (lambda a: [a * a, a], [1, 3, 5, 7]),                  # 2x + 1
    (lambda a: {"a": a * a, "b": a}, [1, 3, 5, 7]),        # 2x + 1
    (lambda a: (a * a, (2 * a, 3 * a)), [5, 7, 9, 11]),    # 2x + 5
    (lambda a: a * a, [0, 2, 4, 6]),                       # non-scalar: ones sens, 2x
    (lambda a: (a.sum(), "text", None), [1, 1, 1, 1]),     # non-tensor leaves ignored
])
def test_output_leaves_get_ones_and_are_summed(fn, expected):
    check(go(fn)(x), expected, "Float32")


@pytest.mark.parametrize("fn", [
    lambda a: Tensor(1.0),            # independent of the input
    lambda a: ems.ones(3),            # a constant tensor
    lambda a: 3.0,                    # a Python float
    lambda a: None,                   # nothing
    lambda a: ops.stop_gradient(a * a),
    lambda a: (ops.stop_gradient(a), ops.stop_gradient(a.sum())),
    lambda a: a.argmax(),             # an integer output
])
def test_zero_gradient_outputs(fn):
    check(go(fn)(x), [0, 0, 0, 0], "Float32")


def test_zero_gradient_keeps_input_shape_and_dtype():
    check(go(lambda a: None)(Tensor(np.ones((2, 2)))), np.zeros((2, 2)), "Float64")
    check(go(lambda a, b: (b * b).sum())(x, y), [0, 0, 0, 0], "Float32")  # a unused


def test_notebook_stop_gradient_tuple_output():
    def forward(v):
        u = ops.stop_gradient(v * v)
        return u * v, u
    z, u = forward(x)
    check(ga(forward)(x)[0], u.asnumpy(), "Float32")  # u + 0


def test_numpy_and_float_inside_fn_are_constants():
    check(go(lambda a: (Tensor(a.asnumpy()) * a).sum())(x), [0, 1, 2, 3], "Float32")
    check(go(lambda a: (float(a.sum()) * a).sum())(x), [6, 6, 6, 6], "Float32")
    check(go(lambda a: a.item() * a)(Tensor(3.0)), 3, "Float32")


def test_in_place_item_assignment_inside_fn():
    def f(v):
        w = v * 1
        w[0] = 10.0          # w = [10, v1, v2, v3]; sum(w*v) = 10 v0 + v1² + v2² + v3²
        return (w * v).sum()
    check(go(f)(x), [10, 2, 4, 6], "Float32")


def test_slice_assignment_of_a_tensor_inside_fn():
    def f(v):
        w = ems.zeros(4)
        w[1:3] = v[:2] * 2   # w = [0, 2v0, 2v1, 0]; sum(w*v) = 2 v0 v1 + 2 v1 v2
        return (w * v).sum()
    check(go(f)(x), [2, 2 * 0 + 2 * 2, 2 * 1, 0], "Float32")


def test_indexing_inside_fn():
    check(go(lambda v: v[1] * v[2])(x), [0, 2, 1, 0], "Float32")
    check(go(lambda v: v[-1] + v[1:3].sum())(x), [0, 1, 1, 1], "Float32")
    m = ems.arange(6.0).reshape(2, 3)
    check(go(lambda v: v[1, 2] * v[0, 1])(m), [[0, 5, 0], [0, 0, 1]], "Float32")


def test_integer_inputs_are_not_rejected():
    g = ga(lambda v: v * 2)(Tensor([1, 2, 3], ms.int32))
    assert repr(g) == "(Tensor(shape=[3], dtype=Int32, value= [2, 2, 2]),)"
    check(ga(lambda v: ems.dot(v, v))(Tensor([1, 2, 3], ms.int32))[0], [2, 4, 6], "Int32")


def test_bool_inputs_get_bool_gradients():
    g = ga(lambda v: v * 2)(Tensor([True, False]))
    check(g[0], [True, True], "Bool")


def test_gradients_keep_the_input_dtype():
    check(go(lambda v: v * v)(Tensor(np.array([1.0, 2.0]))), [2, 4], "Float64")


def test_sens_param_is_the_last_argument():
    gs = ops.GradOperation(sens_param=True)
    check(gs(lambda v: v * v)(x, Tensor([1.0, 1.0, 2.0, 2.0])), [0, 2, 8, 12], "Float32")
    # Tuple output: the sens is a tuple; 2x·1 + 1·2
    sens = (ems.ones(4), Tensor([2.0, 2.0, 2.0, 2.0]))
    check(gs(lambda v: (v * v, v))(x, sens), [2, 4, 6, 8], "Float32")
    g = ops.GradOperation(get_all=True, sens_param=True)(lambda a, b: a * b)(x, y, ems.ones(4))
    check(g[0], [1, 2, 3, 4], "Float32")
    check(g[1], [0, 1, 2, 3], "Float32")


def f4(x):
    return x * x


def test_forgotten_sens_takes_the_last_argument():
    with pytest.raises(TypeError, match=r"^f4\(\) missing 1 required positional argument: 'x'$"):
        ops.GradOperation(sens_param=True)(f4)(x)


def test_sens_with_the_wrong_structure_is_an_error():
    with pytest.raises(TypeError, match="sens"):
        ops.GradOperation(sens_param=True)(lambda v: (v, v))(x, ems.ones(4))


def test_nesting():
    def cube(v):
        return v * v * v
    check(go(go(cube))(Tensor(2.0)), 12, "Float32")      # 6v
    g = ga(ga(cube))(Tensor(2.0))
    assert isinstance(g, tuple) and len(g) == 1
    check(g[0], 12, "Float32")
    check(go(go(go(cube)))(Tensor(2.0)), 6, "Float32")


class TestWeights:
    """Plain tensors closed over by the function, differentiated as weights."""
    w = Tensor([1.0, 2.0])
    b = Tensor(0.5)

    def net(self, v):
        return ((v[:2] * self.w).sum() + self.b) * 2  # d/dw = 2 v[:2], d/db = 2, d/dv = [2w, 0, 0]

    def test_get_by_list(self):
        gw, gb = ops.GradOperation(get_by_list=True)(self.net, [self.w, self.b])(x)
        check(gw, [0, 2], "Float32")
        check(gb, 2, "Float32")

    def test_single_weight_gives_a_bare_tensor(self):
        check(ops.GradOperation(get_by_list=True)(self.net, self.w)(x), [0, 2], "Float32")

    def test_get_all_and_get_by_list(self):
        gin, gws = ops.GradOperation(get_all=True, get_by_list=True)(self.net, (self.w, self.b))(x)
        assert len(gin) == 1 and len(gws) == 2
        check(gin[0], [2, 4, 0, 0], "Float32")
        check(gws[1], 2, "Float32")

    def test_weights_are_unchanged_afterwards(self):
        ops.GradOperation(get_by_list=True)(self.net, [self.w, self.b])(x)
        check(self.w, [1, 2], "Float32")
        check(self.b, 0.5, "Float32")
        assert not self.w._is_traced

    def test_weights_restored_when_fn_raises(self):
        def bad(v):
            _ = self.w * v[:2]
            raise KeyError("boom")
        with pytest.raises(KeyError):
            ops.GradOperation(get_by_list=True)(bad, [self.w])(x)
        check(self.w, [1, 2], "Float32")
        assert not self.w._is_traced


def test_exceptions_inside_fn_propagate_unchanged():
    class Boom(Exception):
        pass

    def f(v):
        raise Boom("inside")
    with pytest.raises(Boom, match="inside"):
        ga(f)(x)
    check(ga(lambda v: v.sum())(x)[0], [1, 1, 1, 1], "Float32")  # still works afterwards


def test_outputs_of_a_grad_call_are_plain_values():
    out, _ = ms.value_and_grad(lambda v: (v * v, v + 1))(x)
    assert not out[0]._is_traced and not out[1]._is_traced
    check(out[0] * 2, [0, 2, 8, 18], "Float32")
