"""Checkpoint files with many small tensors: save and load times through the Python API.

    python bench/checkpoint_load.py [N]      # N tensors (default 50,000), .ckpt and .safetensors

Loaders must be linear in the number of tensors (issue 15: a 5.8 MB safetensors file of small
tensors took 99 s with the old quadratic duplicate checks). Prints one line per format; best of 3.
"""
import os
import sys
import tempfile
import time

import easy_mindspore as ems


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    params = [{"name": f"layer{i}.w", "data": ems.Tensor([float(i)])} for i in range(n)]
    with tempfile.TemporaryDirectory() as d:
        for fmt in ("ckpt", "safetensors"):
            path = os.path.join(d, f"many.{fmt}")
            saves, loads = [], []
            for _ in range(3):
                t0 = time.perf_counter()
                ems.save_checkpoint(params, path, format=fmt)
                t1 = time.perf_counter()
                back = ems.load_checkpoint(path, format=fmt)
                loads.append(time.perf_counter() - t1)
                saves.append(t1 - t0)
                assert len(back) == n
            print(f"{fmt:12s} {n} tensors, {os.path.getsize(path) / 1e6:.1f} MB: "
                  f"save {min(saves):.3f} s, load {min(loads):.3f} s")


if __name__ == "__main__":
    main()
