"""CellDict, TimeDistributed and L1Regularizer against MindSpore 2.10's behaviour (values and
shapes it printed for the same calls) and its error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn

F = ms.float32


def T(a, dtype=F):
    return ms.Tensor(np.asarray(a), dtype)


def test_cell_dict_mapping():
    d = nn.CellDict({'dense': nn.Dense(2, 3), 'relu': nn.ReLU()})
    assert len(d) == 2 and list(d.keys()) == ['dense', 'relu'] and 'dense' in d
    assert [p.name for p in d.get_parameters()] == ['dense.weight', 'dense.bias']
    assert list(nn.CellDict([('b', nn.ReLU()), ('a', nn.Tanh())]).keys()) == ['b', 'a']
    assert list(nn.CellDict({'b': nn.ReLU(), 'a': nn.Tanh()}).keys()) == ['b', 'a']
    relu = d.pop('relu')
    assert isinstance(relu, nn.ReLU) and list(d.keys()) == ['dense']
    d.update({'t': nn.Tanh()})
    d.update([('s', nn.Sigmoid())])
    # keys(), values(), items(): views of the ordered dict, as MindSpore 2.10 returns them
    assert list(d) == ['dense', 't', 's']
    assert [k for k, _ in d.items()] == ['dense', 't', 's'] and isinstance(list(d.values())[1], nn.Tanh)
    del d['t']
    assert list(d.keys()) == ['dense', 's']
    d['s'] = nn.ReLU()                      # replacing an existing key
    assert isinstance(d['s'], nn.ReLU)
    np.testing.assert_array_equal(d['s'](T([-1.0, 2.0])).asnumpy(), [0, 2])
    d.clear()
    assert len(d) == 0 and list(d.get_parameters()) == []
    assert repr(nn.CellDict({'relu': nn.ReLU()})) == "CellDict(\n  (relu): ReLU()\n)"


def test_cell_dict_errors():
    d = nn.CellDict({'relu': nn.ReLU()})
    for key, value, exc in (('x', 1, TypeError), (1, nn.ReLU(), TypeError),
                            ('a.b', nn.ReLU(), KeyError), ('', nn.ReLU(), KeyError),
                            ('training', nn.ReLU(), KeyError), ('keys', nn.ReLU(), KeyError),
                            ('x', nn.CellDict(), TypeError), ('x', nn.CellList(), TypeError)):
        with pytest.raises(exc):
            d[key] = value
    with pytest.raises(KeyError):
        d['zz']
    with pytest.raises(TypeError):
        d.update(5)
    with pytest.raises(ValueError):
        d.update([('s',)])
    with pytest.raises(TypeError):
        nn.CellDict(5)
    with pytest.raises(NotImplementedError):
        d(1)


def test_time_distributed_matches_mindspore():
    w = T(np.arange(12).reshape(4, 3) / 10)
    dense = nn.Dense(3, 4, weight_init=w, bias_init='zeros')
    x = T(np.arange(30).reshape(2, 5, 3) / 10)
    want = [0.68, 2.66, 4.64, 6.62]               # MindSpore 2.10, both paths
    a = nn.TimeDistributed(dense, time_axis=1, reshape_with_axis=0)(x)
    b = nn.TimeDistributed(dense, time_axis=1)(x)
    assert a.shape == b.shape == (2, 5, 4)
    np.testing.assert_allclose(a.asnumpy()[1, 2], want, rtol=1e-6)
    np.testing.assert_allclose(a.asnumpy(), b.asnumpy(), rtol=1e-6)
    np.testing.assert_allclose(b.asnumpy(), x.asnumpy() @ w.asnumpy().T, rtol=1e-5, atol=1e-6)
    x2 = T(np.arange(30).reshape(5, 2, 3) / 10)
    out = nn.TimeDistributed(dense, time_axis=0, reshape_with_axis=1)(x2)
    assert out.shape == (5, 2, 4)
    np.testing.assert_allclose(out.asnumpy()[3, 1], want, rtol=1e-6)
    ones = T(np.ones((2, 5, 3, 4)))
    # MindSpore keeps the time axis next to reshape_with_axis on the reshaping path
    assert nn.TimeDistributed(nn.Flatten(), time_axis=1, reshape_with_axis=0)(ones).shape == (2, 5, 12)
    assert nn.TimeDistributed(nn.Flatten(), time_axis=2, reshape_with_axis=0)(ones).shape == (2, 3, 20)
    assert nn.TimeDistributed(nn.Flatten(), time_axis=2)(ones).shape == (2, 20, 3)
    r = T(np.arange(120).reshape(2, 5, 3, 4))
    out = nn.TimeDistributed(nn.ReLU(), time_axis=3, reshape_with_axis=1)(r)
    assert out.shape == (2, 5, 4, 3)
    np.testing.assert_array_equal(out.asnumpy()[1, 2, 3], [87, 91, 95])
    np.testing.assert_array_equal(
        nn.TimeDistributed(nn.ReLU(), time_axis=0, reshape_with_axis=2)(r).asnumpy()[1, 1, 2],
        [80, 81, 82, 83])


def test_time_distributed_errors():
    with pytest.raises(TypeError):
        nn.TimeDistributed(5, 1)
    with pytest.raises(ValueError):
        nn.TimeDistributed(nn.ReLU(), 1)(T(np.ones(2)))
    with pytest.raises(ValueError):     # Flatten changes the merged axis
        nn.TimeDistributed(nn.Flatten(), time_axis=0, reshape_with_axis=2)(T(np.ones((2, 5, 3, 4))))
    with pytest.raises(ValueError):
        nn.TimeDistributed(nn.ReLU(), time_axis=5)(T(np.ones((2, 3, 4))))


def test_l1_regularizer():
    out = nn.L1Regularizer(0.5)(T([[1.0, -2.0], [3.0, 4.0]]))
    assert out.shape == () and out.dtype == ms.float32 and float(out.asnumpy()) == 5.0
    assert float(nn.L1Regularizer(1)(T([[1.0, -2.0]])).asnumpy()) == 3.0
    for dt in (ms.int32, ms.float16):
        out = nn.L1Regularizer(0.5)(T([[1, -2]], dt))
        assert out.dtype == ms.float32 and float(out.asnumpy()) == 1.5
    g = ms.grad(lambda t: nn.L1Regularizer(2.0)(t))(T([[1.0, -2.0], [3.0, -4.0]]))
    np.testing.assert_array_equal(g.asnumpy(), [[2, -2], [2, -2]])   # d/dw 2·|w| = 2·sign(w)
    assert repr(nn.L1Regularizer(0.5)) == "L1Regularizer()"
    for scale, exc in ((-1.0, ValueError), (0.0, ValueError), ('a', TypeError),
                       (float('inf'), ValueError), (float('nan'), ValueError)):
        with pytest.raises(exc):
            nn.L1Regularizer(scale)
