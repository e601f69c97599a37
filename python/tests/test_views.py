"""Views share their base's elements, as in MindSpore 2.10's PyNative mode (each case measured
there on CPU): writing into ``x.view(...)``, ``x.reshape(...)``, ``x.transpose(...)``, ``x[0]``,
``x[:, 1:]``... changes ``x``, and writing into ``x`` changes its live views."""
import gc
import sys
import weakref

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops


def base():
    return Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))


CASES = [  # the view, the write, what x holds after it (MindSpore 2.10)
    (lambda x: x.view(3, 2), lambda v: v.__setitem__(0, 100), [[100, 100, 2], [3, 4, 5]]),
    (lambda x: x.reshape(3, 2), lambda v: v.__setitem__(0, 100), [[100, 100, 2], [3, 4, 5]]),
    (lambda x: ops.reshape(x, (3, 2)), lambda v: v.__setitem__(0, 100), [[100, 100, 2], [3, 4, 5]]),
    (lambda x: x[0], lambda v: v.__setitem__(1, 100), [[0, 100, 2], [3, 4, 5]]),
    (lambda x: x[0:1], lambda v: v.__setitem__(0, 100), [[100, 100, 100], [3, 4, 5]]),
    (lambda x: x[1:], lambda v: v.__setitem__(Ellipsis, 5), [[0, 1, 2], [5, 5, 5]]),
    (lambda x: x.transpose(1, 0), lambda v: v.__setitem__(0, 100), [[100, 1, 2], [100, 4, 5]]),
    (lambda x: x.permute(1, 0), lambda v: v.__setitem__(0, 100), [[100, 1, 2], [100, 4, 5]]),
    (lambda x: x.flatten(), lambda v: v.__setitem__(0, 100), [[100, 1, 2], [3, 4, 5]]),
    (lambda x: x.unsqueeze(0), lambda v: v.__setitem__((0, 0), 100), [[100, 100, 100], [3, 4, 5]]),
    (lambda x: x.expand_dims(0), lambda v: v.__setitem__((0, 0), 100), [[100, 100, 100], [3, 4, 5]]),
    (lambda x: x.narrow(1, 0, 2), lambda v: v.__setitem__(0, 100), [[100, 100, 2], [3, 4, 5]]),
    (lambda x: x.view(3, 2), lambda v: v.copy_(Tensor(np.ones((3, 2), np.float32))), [[1, 1, 1], [1, 1, 1]]),
    (lambda x: x[0].view(3), lambda v: v.__setitem__(0, 7), [[7, 1, 2], [3, 4, 5]]),
    (lambda x: x.swapaxes(0, 1), lambda v: v.__setitem__(2, 100), [[0, 1, 100], [3, 4, 100]]),
    (lambda x: x[None].squeeze(0), lambda v: v.__setitem__(1, 100), [[0, 1, 2], [100, 100, 100]]),
    (lambda x: x.T, lambda v: v.__setitem__((1, 1), 100), [[0, 1, 2], [3, 100, 5]]),
    (lambda x: x[:, ::-2], lambda v: v.__setitem__((0, 0), 100), [[0, 1, 100], [3, 4, 5]]),
]


@pytest.mark.parametrize("make,write,want", CASES)
def test_a_write_into_a_view_changes_its_base(make, write, want):
    x = base()
    v = make(x)
    write(v)
    assert x.asnumpy().tolist() == want


def test_a_write_into_the_base_changes_its_views():
    x = base()
    v = x.view(3, 2)
    row = x[0]
    x[0] = -1
    assert v.asnumpy().tolist() == [[-1, -1], [-1, 3], [4, 5]]
    assert row.asnumpy().tolist() == [-1, -1, -1]
    # A write through one view shows in its sibling, and the view itself holds it.
    w = x.reshape(6)
    w[5] = 50
    assert v.asnumpy().tolist()[2] == [4, 50] and x.asnumpy()[1, 2] == 50


def test_in_place_methods_write_through():
    # (MindSpore 2.10 on CPU leaves even the tensor unchanged for add_/mul_, a missing kernel;
    # we change it and, as for setitem and copy_, its base.)
    x = base()
    x[0].add_(1)
    assert x.asnumpy().tolist() == [[1, 2, 3], [3, 4, 5]]
    x = base()
    x.view(6).fill_(7)
    assert x.asnumpy().tolist() == [[7, 7, 7], [7, 7, 7]]
    x = base()
    x.T.zero_()
    assert x.asnumpy().tolist() == [[0, 0, 0], [0, 0, 0]]


def test_advanced_indexing_gives_copies():
    x = base()
    y = x[Tensor(np.array([0]))]
    y[0] = 100
    m = x[x > 2]
    m[0] = 100
    assert x.asnumpy().tolist() == [[0, 1, 2], [3, 4, 5]]


def test_a_parameter_base_is_updated_and_assign_rejects_a_view():
    p = ms.Parameter(base(), name="p")
    p[1][0] = 30
    assert p.asnumpy()[1, 0] == 30
    with pytest.raises(RuntimeError, match="view"):
        ops.assign(p[0], Tensor(np.ones(3, np.float32)))


def test_values_under_grad_stay_values():
    # Inside a differentiated function a view is a traced value (no link): the derivative is
    # that of the written view, d/dt Σ v² with v = (0, t1, t2).
    x = Tensor(np.array([1.0, 2.0, 3.0]))

    def f(t):
        v = t.reshape(3)
        v[0] = 0.0
        return (v * v).sum()

    g = ms.grad(f)(x)
    assert g.asnumpy().tolist() == [0.0, 4.0, 6.0]


def test_a_chain_of_views_is_written_up_and_down():
    x = base()
    v = x.view(6)
    w = v[2:4]         # x[0, 2] and x[1, 0]
    w[0] = 20          # up the chain: v and x
    assert v.asnumpy().tolist() == [0, 1, 20, 3, 4, 5] and x.asnumpy()[0, 2] == 20
    x[1] = -1          # down the chain: v, then w below it
    assert w.asnumpy().tolist() == [20, -1] and v.asnumpy().tolist()[3:] == [-1, -1, -1]
    u = v.reshape(3, 2)
    w.fill_(7)         # up to x, then down into the sibling u
    assert u.asnumpy().tolist() == [[0, 1], [7, 7], [-1, -1]]


def test_the_base_of_a_view():
    x = base()
    assert x[0]._view_base is x and x.reshape(3, 2)._view_base is x and x.T._view_base is x
    assert x._view_base is None and x[Tensor(np.array([0]))]._view_base is None
    v = x[0]
    assert v[1:]._view_base is v


def test_a_base_rebound_to_another_shape_or_dtype_no_longer_shares():
    x = base()
    v = x[0]
    x._rebind(Tensor(np.zeros(4, np.float32)))
    v[0] = 5
    assert x.asnumpy().tolist() == [0, 0, 0, 0] and v._view_base is None
    x = base()
    v = x.reshape(6)
    x._rebind(x.astype(ms.int32))
    v[0] = 5
    assert x.asnumpy().tolist() == [[0, 1, 2], [3, 4, 5]]


def test_links_are_weak_downwards_and_keep_the_base_alive():
    x = base()
    v = x[0]
    ref = weakref.ref(v)
    del v
    gc.collect()
    assert ref() is None  # the base does not keep its views alive
    v = x.reshape(6)
    ref = weakref.ref(x)
    del x
    gc.collect()
    assert ref() is not None  # the view keeps its base
    v[0] = 9
    assert ref().asnumpy()[0, 0] == 9
    # Many dead views (their links are pruned) and a few live ones.
    x = base()
    kept = [x.reshape(6) for _ in range(3)]
    for _ in range(100):
        x[1]
    x[0, 0] = 42
    assert all(k.asnumpy()[0] == 42 for k in kept)


def test_making_a_view_runs_no_python_code():
    # The linking is native (issue 19): no Python frame per reshape or basic index.
    x = base()
    calls = []

    def profile(frame, event, arg):
        if event == "call":
            calls.append(frame.f_code.co_name)
    sys.setprofile(profile)
    try:
        x.reshape(3, 2)
        x.view(6)
        x[0]
        x[:, 1:]
        x.transpose(1, 0)
        x.T
        x.flatten()
        x.swapaxes(0, 1)
        x.expand_dims(0).squeeze(0)
    finally:
        sys.setprofile(None)
    assert calls == []


def test_traced_values_do_not_link():
    x = Tensor(np.array([1.0, 2.0, 3.0]))
    seen = []

    def f(t):
        v = t.reshape(3)
        seen.append(v._view_base)
        w = x[1:]  # an eager tensor read inside: its view is eager and links
        seen.append(w._view_base is x)
        return (v * v).sum()

    ms.grad(f)(x)
    assert seen == [None, True]


def test_a_long_chain_of_views_is_written_and_freed():
    # `h = h.reshape(...)` in a loop makes a chain of views, each the base of the next: a write at
    # either end walks it all (the Python linking raised RecursionError past ~1,000 views), and
    # freeing it does not overflow the C stack.
    x = Tensor(np.zeros(4, np.float32))
    h = x
    for _ in range(50_000):
        h = h.reshape(4)
    h[0] = 1.0
    assert x.asnumpy().tolist() == [1, 0, 0, 0]
    x[1] = 2.0
    assert h.asnumpy().tolist() == [1, 2, 0, 0]
    ref = weakref.ref(x)
    del x, h
    gc.collect()
    assert ref() is None
