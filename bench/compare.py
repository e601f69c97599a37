"""Per-call cost of two small gradient workloads in easy_mindspore and its peers (not a test).

W1  ``GradOperation(get_all=True)`` gradient of ``2 * dot(x, x)``, x = arange(4.0)   (= 4x)
W2  gradient of the seed chapter's control-flow ``f`` at a = 0.37 (float32)          (= 4096)

Libraries: easy_mindspore, and in the same run PyTorch, JAX (eager: ``jax.grad`` without
``jit``) and NumPy (a hand-written gradient, as a floor) when they can be imported; the others are
skipped. Each workload is first checked against the exact gradient, then timed: ``--samples``
samples of enough calls to last ``--sample-ms``; the table gives the per-call median and the
min–max over samples, and each library's ratio to the best autodiff peer (NumPy when no autodiff
peer is installed).

    python bench/compare.py                  # whatever is importable here
    python bench/compare.py --install-peers  # pip-installs torch (CPU) and jax into
                                             # bench/.venv-peers, then re-runs itself there

Time a release build of easy_mindspore (``maturin develop --release``): the default debug build
is several times slower. On Linux, PyPI's torch wheel is the CUDA build (it runs on CPU too, but is large); give
``--torch-index URL`` to install from a CPU-only wheel index instead.
"""
import argparse
import gc
import os
import pathlib
import statistics
import subprocess
import sys
import time

TARGETS_US = {"W1": 5.0, "W2": 20.0}
A = 0.37
PEERS_VENV = pathlib.Path(__file__).resolve().parent / ".venv-peers"


# --- the workloads, one pair per library ------------------------------------------------------
# Each maker returns {"W1": call, "W2": call}; a call computes the gradient and returns it as a
# list of Python floats (for the check); timing calls the same function.

def make_easy_mindspore():
    import easy_mindspore as ems
    from easy_mindspore import ops

    grad_all = ops.GradOperation(get_all=True)
    x = ems.arange(4.0)
    w1 = grad_all(lambda v: 2 * ems.dot(v, v))

    def f(a):
        b = a * 2
        while ems.norm(b) < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    a = ems.Tensor(A)
    w2 = grad_all(f)
    return {"W1": (lambda: w1(x), lambda g: g[0].tolist()),
            "W2": (lambda: w2(a), lambda g: [g[0].item()])}


def make_torch():
    import torch

    torch.set_num_threads(1)
    x = torch.arange(4.0, requires_grad=True)

    def w1():
        return torch.autograd.grad(2 * torch.dot(x, x), x)

    def f(a):
        b = a * 2
        while torch.linalg.norm(b) < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    a = torch.tensor(A, dtype=torch.float32, requires_grad=True)

    def w2():
        return torch.autograd.grad(f(a), a)

    return {"W1": (w1, lambda g: g[0].tolist()), "W2": (w2, lambda g: [g[0].item()])}


def make_jax():
    import jax
    import jax.numpy as jnp

    x = jnp.arange(4.0)
    w1 = jax.grad(lambda v: 2 * jnp.dot(v, v))

    def f(a):
        b = a * 2
        while jnp.linalg.norm(b) < 1000:
            b = b * 2
        if b.sum() > 0:
            c = b
        else:
            c = 100 * b
        return c

    a = jnp.float32(A)
    w2 = jax.grad(f)
    return {"W1": (lambda: w1(x).block_until_ready(), lambda g: [float(v) for v in g]),
            "W2": (lambda: w2(a).block_until_ready(), lambda g: [float(g)])}


def make_numpy():
    import numpy as np

    x = np.arange(4.0, dtype=np.float32)

    def w1():
        _ = 2 * np.dot(x, x)
        return 4 * x

    a = np.float32(A)

    def w2():
        # forward with the control flow, recording the chain rule's factor as it goes
        b, db = a * np.float32(2), np.float32(2)
        while np.linalg.norm(b) < 1000:
            b, db = b * np.float32(2), db * np.float32(2)
        if b.sum() > 0:
            return db
        return db * np.float32(100)

    return {"W1": (w1, lambda g: [float(v) for v in g]), "W2": (w2, lambda g: [float(g)])}


LIBRARIES = [("easy_mindspore", make_easy_mindspore), ("torch", make_torch), ("jax", make_jax),
             ("numpy", make_numpy)]
AUTODIFF_PEERS = ("torch", "jax")
EXPECTED = {"W1": [0.0, 4.0, 8.0, 12.0], "W2": [4096.0]}


# --- timing ------------------------------------------------------------------------------------

def per_call_times(call, samples, sample_s):
    """Per-call seconds for each of ``samples`` samples (gc off, as timeit does)."""
    number = 1
    while True:  # calibrate: enough calls for one sample to last sample_s
        t0 = time.perf_counter()
        for _ in range(number):
            call()
        if time.perf_counter() - t0 >= sample_s or number >= 1 << 20:
            break
        number *= 2
    out = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(samples):
            t0 = time.perf_counter()
            for _ in range(number):
                call()
            out.append((time.perf_counter() - t0) / number)
    finally:
        if enabled:
            gc.enable()
    return out


def measure(samples, sample_s):
    """{workload: {library: (median, min, max) in µs}}; libraries that cannot be imported are
    skipped, and so is a workload that fails or computes a wrong gradient (reported)."""
    results = {w: {} for w in EXPECTED}
    for name, maker in LIBRARIES:
        try:
            workloads = maker()
        except ImportError as e:
            print(f"skipped {name}: {e}", file=sys.stderr)
            continue
        for w, (call, as_list) in workloads.items():
            try:
                got = as_list(call())
            except Exception as e:  # noqa: BLE001 - a peer's failure is reported, not fatal
                print(f"{name} {w} failed: {type(e).__name__}: {e}", file=sys.stderr)
                continue
            if got != EXPECTED[w]:
                print(f"{name} {w} computed {got}, expected {EXPECTED[w]}: not timed", file=sys.stderr)
                continue
            ts = [t * 1e6 for t in per_call_times(call, samples, sample_s)]
            results[w][name] = (statistics.median(ts), min(ts), max(ts))
    return results


def table(results):
    """The markdown table: one row per workload and library."""
    lines = ["| workload | library | median µs | min–max µs | × best peer |",
             "| --- | --- | ---: | ---: | ---: |"]
    notes = []
    for w, libs in results.items():
        peers = {n: v for n, v in libs.items() if n in AUTODIFF_PEERS} or \
                {n: v for n, v in libs.items() if n != "easy_mindspore"}
        best = min(peers.items(), key=lambda kv: kv[1][0]) if peers else None
        if best:
            notes.append(f"{w}: best peer {best[0]}")
        for name, (med, lo, hi) in libs.items():
            ratio = f"{med / best[1][0]:.2f}" if best else "n/a"
            label = f"{w} (target ≤ {TARGETS_US[w]:g} µs)" if name == "easy_mindspore" else w
            lines.append(f"| {label} | {name} | {med:.2f} | {lo:.2f}–{hi:.2f} | {ratio} |")
    return "\n".join(lines) + ("\n\n" + "; ".join(notes) if notes else "")


# --- --install-peers -----------------------------------------------------------------------------

def install_peers_and_rerun(argv, torch_index):
    """Creates bench/.venv-peers with torch (CPU) and jax, then runs this script there; that
    interpreter finds easy_mindspore through PYTHONPATH (the package's parent folder)."""
    import easy_mindspore

    py = PEERS_VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
    pip = [str(py), "-m", "pip", "install", "-q"]
    subprocess.run(pip + ["--upgrade", "pip"], check=True)
    torch_cmd = pip + ["torch"] + (["--index-url", torch_index] if torch_index else [])
    subprocess.run(torch_cmd, check=True)
    subprocess.run(pip + ["jax", "numpy"], check=True)
    env = dict(os.environ)
    pkg_parent = str(pathlib.Path(easy_mindspore.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pkg_parent, env.get("PYTHONPATH")) if p)
    return subprocess.run([str(py), __file__] + argv, env=env).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=41, help="samples per workload (default 41)")
    ap.add_argument("--sample-ms", type=float, default=10.0, help="length of one sample in ms (default 10)")
    ap.add_argument("--install-peers", action="store_true",
                    help="pip-install torch and jax into bench/.venv-peers and re-run there")
    ap.add_argument("--torch-index", default=None, help="with --install-peers: a CPU-only torch wheel index URL")
    args = ap.parse_args()
    if args.install_peers:
        rest = ["--samples", str(args.samples), "--sample-ms", str(args.sample_ms)]
        return install_peers_and_rerun(rest, args.torch_index)
    results = measure(args.samples, args.sample_ms / 1000)
    print(f"Python {sys.version.split()[0]}, per-call times over {args.samples} samples\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
