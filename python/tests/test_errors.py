"""Reference §7: each ordinary-op error has MindSpore's exception type and the important part of
its message, and is also an ``easy_mindspore.Error``."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
import mindspore.ops as ops
from easy_mindspore import Tensor

x = ems.arange(4.0)


@pytest.mark.parametrize("fn, exc, pattern", [
    (lambda: ems.ones((2, 3)) + ems.ones((4, 5)), ValueError, r"^For 'Add(?=.*broadcast)(?=.*\[2, 3\])(?=.*\[4, 5\])"),
    (lambda: ems.ones((2, 3)) * ems.ones((2,)), ValueError, r"^For 'Mul(?=.*broadcast)(?=.*\[2, 3\])(?=.*\[2\])"),
    (lambda: ops.matmul(ems.ones((2, 3)), ems.ones((4, 5))), RuntimeError,
     r"For 'MatMul.*shape1\[-1\] must be equal to shape2\[-2\], but got.*3.*4"),
    (lambda: ems.ones((2, 3)) @ ems.ones((4, 5)), RuntimeError, r"shape1\[-1\] must be equal to shape2\[-2\]"),
    (lambda: ems.dot(ems.ones(3), ems.ones(4)), ValueError, r"not aligned"),
    (lambda: ems.arange(4.0).reshape(3, 2), ValueError, r"\[3, 2\].* is invalid for input of .*size 4"),
    (lambda: x[10], IndexError, r"^index 10 is out of bounds for dimension with size 4$"),
    (lambda: x[-5], IndexError, r"^index -5 is out of bounds for dimension with size 4$"),
    (lambda: x[1, 2], IndexError, r"^too many indices for tensor of dimension1"),
    (lambda: x.sum(axis=3), ValueError, r"must be in \[-1, ?1\), but got 3"),
    (lambda: x + "a", TypeError, r'^Failed calling Add with "Add\(\)\(input=Tensor, other=string\)".'),
    (lambda: x - "a", TypeError, r'^Failed calling Sub with "Sub\(\)\(input=Tensor, other=string\)".'),
    (lambda: x + None, TypeError, r'^Failed calling add with "add\(None\)".'),
    (lambda: x + np.ones(4), TypeError, r"other=<class 'numpy.ndarray'>"),
    (lambda: Tensor("abc"), TypeError,
     r"^For 'Tensor', the type of 'input_data' should be one of '\[.*\]', but got type 'str'.$"),
    (lambda: Tensor([[1, 2], [3]]), TypeError, r"^For Tensor, the input_data is \[\[1, 2\], \[3\]\] that contain unsupported element.$"),
    (lambda: Tensor([1, "a"]), TypeError, r"contain unsupported element"),
    (lambda: ems.ones(3) == ems.ones(4), ValueError, r"^For 'Equal'.*broadcast"),
    (lambda: ems.ones(3) < ems.ones(4), ValueError, r"broadcast"),
    (lambda: bool(ems.ones(2)), ValueError, r"more than one element is ambiguous"),
    (lambda: float(ems.ones(2)), ValueError, r"^Only one element tensors can be converted to Python scalars$"),
    (lambda: len(Tensor(1.0)), TypeError, r"^Not support len of a 0-D tensor$"),
    (lambda: [1, 2][Tensor(1.0)], ValueError, r"^Only integer tensors of a single element can be converted to an index.$"),
    (lambda: ems.concat((ems.ones((2, 2)), ems.ones((3, 3)))), ValueError, r"."),
    (lambda: x.astype("complex256"), TypeError, r"dtype"),
])
def test_error_type_and_message(fn, exc, pattern):
    with pytest.raises(exc, match=pattern) as e:
        fn()
    assert isinstance(e.value, ems.Error), f"{type(e.value).__mro__} is not an easy_mindspore.Error"


def test_error_classes_derive_from_the_builtin_ones():
    assert issubclass(ems.ShapeError, ValueError) and issubclass(ems.ShapeError, ems.Error)
    assert issubclass(ems.DTypeError, TypeError)
    assert issubclass(ems.TensorIndexError, IndexError)
    assert issubclass(ems.ComputeError, RuntimeError)


def test_sqrt_and_log_out_of_domain_are_not_errors():
    assert repr(Tensor(-1.0).sqrt()) == "Tensor(shape=[], dtype=Float32, value= -nan)"
    assert repr(Tensor(0.0).log()) == "Tensor(shape=[], dtype=Float32, value= -inf)"


def test_no_late_re_raise_after_a_failed_op():
    """Reference §9.1: MindSpore sometimes re-raised an old error on the next ops; we must not."""
    for bad in (lambda: ems.ones(3) == ems.ones(4), lambda: x.sum(axis=3), lambda: ems.ones((2, 3)) @ ems.ones((4, 5))):
        with pytest.raises(ems.Error):
            bad()
        assert bool((x == x).all())
        assert x.sum().item() == 6


def test_no_grad_state_corruption_after_a_failed_grad():
    """Reference §9.2: after a failed sens_param grad, int indexing inside grads must still work."""
    with pytest.raises(TypeError):
        ops.GradOperation(sens_param=True)(lambda v: v * v)(x)
    g = ms.grad(lambda v: v[1] * v[2])(x)
    assert g.tolist() == [0, 2, 1, 0]
