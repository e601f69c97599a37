"""A process forked after the kernels' threads started (a ``multiprocessing`` worker on Linux)
computes with threads of its own: its copy of the parent's thread pools has no threads, and a
parallel kernel used to wait for them for ever."""
import os
import sys
import time

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _in_child(work, timeout=120.0):
    """Runs ``work()`` in a forked child; returns its exit code (124 when it hung)."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = 0 if work() else 2
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.02)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return 124


def test_a_forked_child_runs_parallel_kernels_products_gradients_and_graphs():
    rng = np.random.default_rng(0)
    a = rng.random((256, 256), dtype=np.float32)
    x = rng.random((1 << 18,), dtype=np.float32)
    ta, tx = ms.Tensor(a), ms.Tensor(x)
    lstm = nn.LSTM(8, 64)
    seq = ms.Tensor(rng.random((20, 16, 8), dtype=np.float32))
    grad = ms.grad(lambda w: (ops.matmul(w, w) * 2).sum())
    jitted = ms.jit(lambda v: ops.exp(v) * v + 1)
    # The parent starts its pools first (products, elementwise kernels, a graph).
    want = (ops.matmul(ta, ta).asnumpy(), (tx * tx).sum().asnumpy(), grad(ta).asnumpy(),
            jitted(tx).asnumpy(), lstm(seq)[0].asnumpy())

    def work():
        got = (ops.matmul(ta, ta).asnumpy(), (tx * tx).sum().asnumpy(), grad(ta).asnumpy(),
               jitted(tx).asnumpy(), lstm(seq)[0].asnumpy())
        return all(np.allclose(g, w, rtol=1e-5, atol=1e-6) for g, w in zip(got, want))

    assert _in_child(work) == 0
    # A child of the child, too (its own pool again), and the parent still computes.
    assert _in_child(lambda: _in_child(work) == 0) == 0
    np.testing.assert_allclose(ops.matmul(ta, ta).asnumpy(), want[0], rtol=1e-6)
