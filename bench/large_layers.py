"""Large-tensor layer kernels, easy_mindspore against whatever `mindspore` this interpreter imports
(not a test): ReLU, MaxPool2d(2, 2), BatchNorm2d (eval and train), `x + x` and sigmoid on a
32×16×256×256 float32 tensor (the size of the D2L TinySSD notebook's first blocks). Each figure is
the best of `--repeat` calls, synchronised by reading one element of the result through
`asnumpy()` (a view for easy_mindspore; MindSpore copies the whole result there, so its figures
include a 134 MB copy and are upper bounds).

    python bench/large_layers.py                 # easy_mindspore (also answers `import mindspore`)
    /path/to/mindspore-venv/bin/python bench/large_layers.py   # real MindSpore, same script
"""
import argparse
import time

import numpy as np

try:
    import easy_mindspore  # noqa: F401 - only when no real MindSpore is installed here
except ImportError:
    pass
import mindspore as ms  # noqa: E402
from mindspore import Tensor, nn, ops  # noqa: E402


def best_ms(f, repeat):
    f().asnumpy().flat[0]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f().asnumpy().flat[0]
        times.append(time.perf_counter() - start)
    return 1000 * min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    x = Tensor(np.random.RandomState(0).randn(32, 16, 256, 256).astype(np.float32))
    relu, pool = nn.ReLU(), nn.MaxPool2d(2, 2)
    bn_eval, bn_train = nn.BatchNorm2d(16), nn.BatchNorm2d(16)
    bn_eval.set_train(False)
    bn_train.set_train(True)
    rows = [("ReLU", lambda: relu(x)), ("MaxPool2d(2, 2)", lambda: pool(x)),
            ("BatchNorm2d eval", lambda: bn_eval(x)), ("BatchNorm2d train", lambda: bn_train(x)),
            ("x + x", lambda: x + x), ("sigmoid", lambda: ops.sigmoid(x))]
    print(f"{ms.__name__} {getattr(ms, '__version__', '')}")
    for name, f in rows:
        print(f"{name:20s} {best_ms(f, args.repeat):8.1f} ms")


if __name__ == "__main__":
    main()
