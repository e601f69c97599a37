"""Cell buffers and ``state_dict`` / ``load_state_dict``, against what MindSpore 2.10 does with
the same cells (measured there: keys, order, value types, messages, the returned namedtuple)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn


class Inner(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor([1.0, 2.0]), name="custom_w")
        self.register_buffer("buf", Tensor([7, 8]))
        self.register_buffer("tmp", Tensor([1]), persistent=False)

    def construct(self, x):
        return x * self.w + self.buf


class Outer(nn.Cell):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.seq = nn.SequentialCell([nn.Dense(2, 1)])

    def construct(self, x):
        return self.seq(self.inner(x))


def test_state_dict_keys_order_and_values_are_mindspores():
    m = Outer()
    sd = m.state_dict()
    # MindSpore 2.10: own Parameters, then persistent buffers, then sub-cells; references.
    assert list(sd) == ["inner.w", "inner.buf", "seq.0.weight", "seq.0.bias"]
    assert sd["inner.w"] is m.inner.w and sd["inner.buf"] is m.inner.buf
    assert type(sd["inner.w"]).__name__ == "Parameter" and type(sd["inner.buf"]).__name__ == "Tensor"
    assert [n for n, _ in m.named_buffers()] == ["inner.buf", "inner.tmp"]
    assert list(m.state_dict(prefix="p.")) == ["p.inner.w", "p.inner.buf", "p.seq.0.weight", "p.seq.0.bias"]
    d = {}
    assert m.state_dict(destination=d) is d and len(d) == 4
    assert m(Tensor([1.0, 1.0])).shape == (1,)


def test_load_state_dict_copies_casts_and_reports_keys():
    src, dst = Outer(), Outer()
    r = dst.load_state_dict({k: Tensor(v.asnumpy() + 1) for k, v in src.state_dict().items()})
    assert repr(r) == "<All keys matched successfully>"
    np.testing.assert_array_equal(dst.inner.w.asnumpy(), [2.0, 3.0])
    np.testing.assert_array_equal(dst.inner.buf.asnumpy(), [8, 9])
    np.testing.assert_allclose(dst.seq[0].weight.asnumpy(), src.seq[0].weight.asnumpy() + 1)
    # A copy: changing the source afterwards leaves the destination alone.
    dst.load_state_dict(src.state_dict())
    src.inner.w.set_data(Tensor([-1.0, -1.0]))
    np.testing.assert_array_equal(dst.inner.w.asnumpy(), [1.0, 2.0])
    # An Int64 value into a Float32 Parameter is cast (MindSpore 2.10: [9. 9.] Float32).
    r = dst.load_state_dict({"inner.w": Tensor([9, 9])}, strict=False)
    assert dst.inner.w.dtype == ms.float32 and dst.inner.w.asnumpy().tolist() == [9.0, 9.0]
    assert r.missing_keys == ["inner.buf", "seq.0.weight", "seq.0.bias"] and r.unexpected_keys == []


def test_load_state_dict_errors_are_mindspores_and_assign_nothing():
    m = Outer()
    with pytest.raises(RuntimeError) as e:
        m.load_state_dict({"inner.w": Tensor([1.0, 2.0]), "zzz": Tensor([1.0])})
    assert str(e.value) == ('Error(s) in loading state_dict for Outer:\n\tMissing key(s) in state_dict: '
                            '"inner.buf", "seq.0.weight", "seq.0.bias". \n\tUnexpected key(s) in '
                            'state_dict: "zzz". ')
    r = m.load_state_dict({"inner.w": Tensor([5.0, 6.0]), "zzz": Tensor([1.0])}, strict=False)
    assert r == (["inner.buf", "seq.0.weight", "seq.0.bias"], ["zzz"])
    with pytest.raises(RuntimeError, match=r"size mismatch for inner.w: copying a param with shape "
                                           r"\(3,\) from checkpoint, the shape in current model is \(2,\)"):
        m.load_state_dict({"inner.w": Tensor([1.0, 2.0, 3.0]), "inner.buf": Tensor([0, 0])}, strict=False)
    # Nothing was assigned by the failed call (the buffer in it was valid).
    assert m.inner.buf.asnumpy().tolist() == [7, 8]
    with pytest.raises(RuntimeError, match="expected Tensor or Tensor-like object"):
        m.load_state_dict({"inner.w": np.array([9.0, 9.0], np.float32)}, strict=False)
    with pytest.raises(TypeError, match="Expected state_dict to be dict-like"):
        m.load_state_dict([1])


def test_register_buffer_checks_and_assignment():
    class B(nn.Cell):
        def __init__(self):
            super().__init__()
            self.y = 5
            self.register_buffer("n", None)

        def construct(self, x):
            return x

    b = B()
    with pytest.raises(KeyError, match=r'contain "\."'):
        b.register_buffer("a.b", Tensor([1]))
    with pytest.raises(KeyError, match="empty string"):
        b.register_buffer("", Tensor([1]))
    with pytest.raises(TypeError, match="Tensor or None required"):
        b.register_buffer("x", 3)
    with pytest.raises(TypeError, match="should be a string"):
        b.register_buffer(1, Tensor([1]))
    with pytest.raises(KeyError, match="attribute 'y' already exists"):
        b.register_buffer("y", Tensor([1]))
    assert list(b.state_dict()) == [] and b.n is None
    # Assigning a Tensor to a buffer updates it (MindSpore 2.10 refuses any assignment to a
    # buffer after __init__, a TypeError even for a Tensor; PyTorch allows it, and so do we).
    b.n = Tensor([2.0])
    assert list(b.state_dict()) == ["n"] and [x.asnumpy().tolist() for x in b.buffers()] == [[2.0]]
    with pytest.raises(TypeError, match="as buffer 'n'"):
        b.n = 3


def test_a_checkpoint_loads_through_load_state_dict(tmp_path):
    src = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    path = str(tmp_path / "dense.ckpt")
    ms.save_checkpoint(src.state_dict(), path)
    dst = nn.Dense(2, 1)
    assert repr(dst.load_state_dict(ms.load_checkpoint(path))) == "<All keys matched successfully>"
    assert dst.weight.asnumpy().tolist() == [[1.0, 1.0]]


def test_parameter_tuple_attributes_are_the_cells_own_parameters():
    # MindSpore 2.10: the members of a ParameterTuple attribute are the cell's own Parameters,
    # listed before its sub-cells' and keyed by their names; a member already seen is not
    # listed again.
    from easy_mindspore import ParameterTuple

    class A(nn.Cell):
        def __init__(self):
            super().__init__()
            self.dense = nn.Dense(2, 1)
            self.pt = ParameterTuple([Parameter(Tensor([3.0]), name="pt0"),
                                      Parameter(Tensor([4.0]), name="pt1", requires_grad=False)])
            self.again = ParameterTuple(self.dense.trainable_params())

        def construct(self, x):
            return x

    class O(nn.Cell):
        def __init__(self):
            super().__init__()
            self.a = A()

        def construct(self, x):
            return x

    a = A()
    assert [n for n, _ in a.parameters_and_names()] == ["pt0", "pt1", "dense.weight", "dense.bias"]
    assert [p.name for p in a.trainable_params()] == ["pt0", "dense.weight", "dense.bias"]
    assert list(a.parameters_dict()) == ["pt0", "pt1", "dense.weight", "dense.bias"]
    o = O()
    assert [n for n, _ in o.parameters_and_names()] == ["a.pt0", "a.pt1", "a.dense.weight", "a.dense.bias"]
    assert list(o.state_dict()) == ["a.pt0", "a.pt1", "a.dense.weight", "a.dense.bias"]
    o.load_state_dict({"a.pt0": Tensor([5.0])}, strict=False)
    assert o.a.pt[0].asnumpy().tolist() == [5.0]
    # Replacing the attribute drops its members.
    a.pt = None
    assert [n for n, _ in a.parameters_and_names()] == ["dense.weight", "dense.bias"]
