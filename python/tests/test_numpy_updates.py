"""What ``asnumpy()`` views see after an update, and NumPy's bfloat16, as MindSpore 2.10 does
(measured in its CPU build):

- ``ops.assign``/``assign_add``/``assign_sub``, ``x[i] = v``, the in-place Tensor methods
  (``copy_``) and optimizer steps (``nn.SGD``, ``nn.Momentum``, ``nn.Adam``, functional or in
  ``TrainOneStepCell``) write into the memory an earlier ``asnumpy()`` array sees: the array
  shows the new values and still shares memory with the tensor;
- ``Parameter.set_data`` (and ``assign_value``) gives the parameter new memory: an earlier array
  keeps the old values and no longer shares memory;
- ``asnumpy()`` of a BFloat16 tensor is a NumPy bfloat16 array, and ``Tensor(a)`` of such an
  array is a BFloat16 tensor; without the NumPy bfloat16 dtype it is a TypeError. NumPy has no
  bfloat16 of its own: ours is the ``ml_dtypes`` package's (the one JAX uses)."""
import sys

import numpy as np
import pytest

import easy_mindspore as ems  # noqa: F401  (first: `mindspore` resolves to it)
import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops


def ones_param():
    return Parameter(Tensor(np.ones((2, 3), np.float32)), name="w")


def full(v):
    return Tensor(np.full((2, 3), v, np.float32))


@pytest.mark.parametrize("update, want", [
    (lambda p: ops.assign(p, full(3.0)), 3.0),
    (lambda p: ops.assign_add(p, full(3.0)), 4.0),
    (lambda p: ops.assign_sub(p, 0.5), 0.5),
    (lambda p: p.copy_(full(5.0)), 5.0),
    (lambda p: p.__setitem__((Ellipsis,), 9.0), 9.0),
])
def test_in_place_updates_of_a_parameter_show_in_its_arrays(update, want):
    p = ones_param()
    a = p.asnumpy()
    update(p)
    assert a.tolist() == [[want] * 3] * 2
    assert np.shares_memory(a, p.asnumpy())
    assert p.asnumpy().tolist() == a.tolist()


def test_in_place_methods_of_a_tensor_show_in_its_arrays():
    t = Tensor(np.ones((2, 3), np.float32))
    a = t.asnumpy()
    t.copy_(Tensor([1.0, 2.0, 3.0]))
    assert a.tolist() == [[1.0, 2.0, 3.0]] * 2
    t.add_(1.0)
    assert a.tolist() == [[2.0, 3.0, 4.0]] * 2
    t.mul_(Tensor(2.0))
    t[0, 0] = -1.0
    assert a.tolist() == [[-1.0, 6.0, 8.0], [4.0, 6.0, 8.0]]
    assert np.shares_memory(a, t.asnumpy())
    # `Tensor(t)` shares t's memory (as in MindSpore 2.10): it sees t's in-place updates too.
    u = Tensor(t)
    t.zero_()
    assert a.tolist() == [[0.0] * 3] * 2 and u.asnumpy().tolist() == a.tolist()


def test_set_data_gives_new_memory_that_earlier_arrays_do_not_see():
    p = ones_param()
    a = p.asnumpy()
    p.set_data(full(4.0))
    assert a.tolist() == [[1.0] * 3] * 2
    assert p.asnumpy().tolist() == [[4.0] * 3] * 2
    assert not np.shares_memory(a, p.asnumpy())
    a[0, 0] = 11.0  # the old memory is the array's own now
    assert p.asnumpy()[0, 0] == 4.0


def grads_of(net):
    x = Tensor(np.arange(12, dtype=np.float32).reshape(4, 3) / 10)
    return ms.value_and_grad(lambda x: net(x).sum(), None, net.trainable_params())(x)[1]


@pytest.mark.parametrize("make", [
    lambda ps: nn.SGD(ps, learning_rate=0.1),
    lambda ps: nn.Momentum(ps, learning_rate=0.1, momentum=0.9),
    lambda ps: nn.Adam(ps, learning_rate=0.1),
])
def test_optimizer_steps_show_in_arrays_of_the_parameters(make):
    ms.set_seed(1)
    net = nn.Dense(3, 2)
    opt = make(net.trainable_params())
    w, b = net.weight, net.bias
    aw = w.asnumpy()
    before = aw.copy()
    for _ in range(2):
        opt(grads_of(net))
        assert np.shares_memory(aw, w.asnumpy())
        assert np.array_equal(aw, w.asnumpy())
    assert not np.array_equal(aw, before)
    # A parameter no array sees steps as before (its bias got no view).
    assert b.asnumpy().shape == (2,)


def test_train_one_step_cell_steps_show_in_arrays():
    ms.set_seed(2)
    net = nn.Dense(3, 2)
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    train = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    aw = net.weight.asnumpy()
    before = aw.copy()
    train(Tensor(np.ones((4, 3), np.float32)), Tensor(np.zeros((4, 2), np.float32)))
    assert not np.array_equal(aw, before)
    assert np.array_equal(aw, net.weight.asnumpy())
    assert np.shares_memory(aw, net.weight.asnumpy())


def test_bfloat16_asnumpy_is_a_numpy_bfloat16_view():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    bf16 = np.dtype(ml_dtypes.bfloat16)
    t = Tensor([1.5, -2.0, 0.1], ms.bfloat16)
    a = t.asnumpy()
    assert a.dtype == bf16 and a.shape == (3,)
    # bfloat16 keeps 8 bits of mantissa: 0.1 is 0.10009765625.
    assert a.astype(np.float32).tolist() == [1.5, -2.0, 0.10009765625]
    assert np.shares_memory(a, t.asnumpy())
    a[0] = 9.0
    assert float(t[0]) == 9.0
    assert np.asarray(t).dtype == bf16 and np.array(t, copy=True).dtype == bf16
    assert Tensor(2.5, ms.bfloat16).asnumpy().shape == ()
    assert Tensor(np.zeros((0, 2), np.float32), ms.bfloat16).asnumpy().dtype == bf16


def test_numpy_bfloat16_arrays_make_bfloat16_tensors():
    ml_dtypes = pytest.importorskip("ml_dtypes")
    b = np.array([[1.5, 2.25], [-3.0, 0.5]], dtype=ml_dtypes.bfloat16)
    t = Tensor(b)
    assert t.dtype == ms.bfloat16 and t.tolist() == [[1.5, 2.25], [-3.0, 0.5]]
    b[0, 0] = 4.0  # Tensor(a) copies
    assert float(t[0, 0]) == 1.5
    s = ms.from_numpy(b)  # from_numpy shares
    assert s.dtype == ms.bfloat16
    b[1, 1] = 8.0
    assert float(s[1, 1]) == 8.0
    # Strided and converted on the way in.
    assert Tensor(b[:, ::-1]).tolist() == [[2.25, 4.0], [8.0, -3.0]]
    assert Tensor(b, ms.float32).dtype == ms.float32
    assert (Tensor(b) * 2).asnumpy().dtype == np.dtype(ml_dtypes.bfloat16)


def test_bfloat16_asnumpy_without_ml_dtypes_is_a_type_error_naming_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "ml_dtypes", None)  # `import ml_dtypes` fails
    t = Tensor([1.5, 2.0], ms.bfloat16)
    with pytest.raises(TypeError, match=r"ml_dtypes.*pip install ml-dtypes"):
        t.asnumpy()
    with pytest.raises(TypeError, match="ml-dtypes"):
        np.asarray(t)
    # Printing, item and tolist need no NumPy bfloat16; a float32 copy reads it.
    assert t.tolist() == [1.5, 2.0] and float(t[1]) == 2.0
    assert str(t) == "[1.500000 2.000000]"  # MindSpore 2.10's %f text
    assert t.astype(ms.float32).asnumpy().tolist() == [1.5, 2.0]
