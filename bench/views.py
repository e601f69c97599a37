"""Per-call cost of the view-making Tensor methods from Python (issue 19): `x.reshape(2, 8)`,
`x[0]`, `x[:, 1:]`, `x.transpose()` on a 4x4 float32 tensor, a write through a view (`v[0] = 1.0`
for `v = x.reshape(2, 8)`: written back into `x`) and into a base with a live view (`x[0] = 1.0`:
the view is recomputed), and a D2L-style softmax-regression
step whose first op reshapes its input batch. Prints one line per case: median and min over
`--repeat` timeit runs (µs per call, ms per step).

When the installed package still links views in Python (`_views._NATIVE` filled, before the
move to Rust), the bare native methods are timed too ("native, no link"): what a call cost
before views existed.

    python bench/views.py [--repeat 9] [--label NAME]
"""
import argparse
import statistics
import timeit

import numpy as np

import easy_mindspore as ms
from easy_mindspore import Tensor, ops


def per_call(stmt, number, repeat, ns):
    runs = timeit.repeat(stmt, number=number, repeat=repeat, globals=ns)
    per = [r / number for r in runs]
    return statistics.median(per), min(per)


def training_step():
    rng = np.random.default_rng(0)
    x = Tensor(rng.standard_normal((256, 1, 28, 28)).astype(np.float32))
    y = Tensor(rng.integers(0, 10, 256).astype(np.int32))
    w = ms.Parameter(Tensor(rng.standard_normal((784, 10)).astype(np.float32) * 0.01), name="w")
    b = ms.Parameter(Tensor(np.zeros(10, np.float32)), name="b")

    def loss(w, b):
        logits = ops.matmul(x.reshape(-1, 784), w) + b  # D2L's net: X.reshape((-1, W.shape[0]))
        return ops.cross_entropy(logits, y)

    grad = ms.value_and_grad(loss, grad_position=(0, 1))

    def step():
        _, (gw, gb) = grad(w, b)
        w.set_data(w - 0.1 * gw)
        b.set_data(b - 0.1 * gb)
    return step


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=9)
    ap.add_argument("--label", default="")
    a = ap.parse_args()
    x = Tensor(np.arange(16, dtype=np.float32).reshape(4, 4))
    y = Tensor(np.arange(16, dtype=np.float32).reshape(4, 4))
    ns = {"x": x, "y": y, "v": y.reshape(2, 8)}
    cases = [("x.reshape(2, 8)", "x.reshape(2, 8)"), ("x[0]", "x[0]"), ("x[:, 1:]", "x[:, 1:]"),
             ("x.transpose()", "x.transpose()"),
             ("v[0] = 1.0 (v = y.reshape(2, 8): written back)", "v[0] = 1.0"),
             ("y[0] = 1.0 (its view v recomputed)", "y[0] = 1.0")]
    from easy_mindspore import _views
    native = getattr(_views, "_NATIVE", None) or {}
    if native:
        ns.update(nreshape=native["reshape"], ngetitem=native["__getitem__"],
                  ntranspose=native["transpose"])
        cases += [("native, no link: x.reshape(2, 8)", "nreshape(x, 2, 8)"),
                  ("native, no link: x[0]", "ngetitem(x, 0)"),
                  ("native, no link: x[:, 1:]", "ngetitem(x, (slice(None), slice(1, None)))"),
                  ("native, no link: x.transpose()", "ntranspose(x)")]
    for name, stmt in cases:
        med, lo = per_call(stmt, 2000 if "=" in stmt else 20000, a.repeat, ns)
        print(f"{a.label}\t{name}\t{med * 1e6:.2f} µs\t(min {lo * 1e6:.2f})")
    step = training_step()
    step()
    med, lo = per_call("step()", 20, a.repeat, {"step": step})
    print(f"{a.label}\tsoftmax-regression step, batch 256 (reshape of the input)\t{med * 1e3:.3f} ms"
          f"\t(min {lo * 1e3:.3f})")


if __name__ == "__main__":
    main()
