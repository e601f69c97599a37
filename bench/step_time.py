"""One training step of ``bench/nn_workloads.py`` timed alone in this process (not a test): the
separate-process rounds of BENCHMARKS.md, where ``compare.py``'s one-process interleaving lets
torch's spinning OpenMP threads slow the other libraries. Zero weights and inputs of the
workloads' shapes (the timing does not depend on the values; ``compare.py`` checks results).

    python bench/step_time.py W7 [steps]            # easy_mindspore, eager
    JIT=1 python bench/step_time.py W8 [steps]      # easy_mindspore with ms.jit on the step
    LIB=torch python bench/step_time.py W7 [steps]  # PyTorch (EMS_NUM_THREADS threads, default 2)

Workloads: W5ms, W7, W8, W8g, W9. Prints the median and minimum wall time per step (ms) after
three warm-up steps, and the median CPU time (all threads)."""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nn_workloads as nw  # noqa: E402


def main():
    work = sys.argv[1] if len(sys.argv) > 1 else "W8"
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    lib = os.environ.get("LIB", "ems")

    class Data:
        pass
    d = Data()
    d.w5_x = np.zeros((256, 784), np.float32)
    d.w5_y = np.eye(10, dtype=np.float32)[np.zeros(256, int)]
    d.w5_params = [np.zeros(s, np.float32) for s in
                   [(784, 256), (256,), (256, 256), (256,), (256, 10), (10,)]]
    nd = nw.NnData(d)
    if lib == "torch":
        import torch
        torch.set_num_threads(int(os.environ.get("EMS_NUM_THREADS", "2")))
        call, _ = nw.make_torch_nn(nd)[work]
    else:
        call, _ = nw.make_easy_mindspore_nn(nd, jit=os.environ.get("JIT") == "1")[work]
    for _ in range(3):
        call()
    wall, cpu = [], []
    for _ in range(steps):
        t0, c0 = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    wall.sort()
    cpu.sort()
    print(f"{lib} {work} wall median {wall[steps // 2] * 1e3:.2f} ms min {wall[0] * 1e3:.2f}; "
          f"cpu median {cpu[steps // 2] * 1e3:.2f}")


if __name__ == "__main__":
    main()
