#!/usr/bin/env python3
"""Runs the code cells of the D2L book's MindSpore port (``mindspore-courses/d2l-mindspore``) on
whatever ``mindspore`` the interpreter imports, and reports per notebook how many cells ran and
the first error of each failing cell, grouped by message. A development tool for the D2L issue:
it needs a checkout of the book (not part of this repository) and, for the helper module, pandas,
matplotlib, IPython, Pillow and requests.

Usage: python3 scripts/d2l_cells.py BOOK_DIR [CHAPTER_GLOB ...] [--timeout SECONDS] [-v]
       e.g. python3 scripts/d2l_cells.py /tmp/d2l 'chapter_02*' 'chapter_03*'

Each notebook runs in a child process (cells in order, one namespace, cwd = the notebook's
folder, ``%matplotlib`` and other magics skipped, plots to the Agg backend); a notebook that
exceeds the timeout is stopped and its remaining cells count as failed. Each line gives the
notebook's wall time; ``-v`` lists each failing cell (its index among the code cells) under its
notebook."""
import collections
import glob
import json
import os
import subprocess
import sys
import time

CHILD = r"""
import json, os, sys, traceback, io, contextlib
import matplotlib
matplotlib.use("Agg")
try:
    import easy_mindspore  # noqa: F401 - answers `import mindspore` when MindSpore is absent
except ImportError:
    pass
sys.path.insert(0, sys.argv[2])
cells = json.load(open(sys.argv[1]))
ns = {"__name__": "__main__"}
results = []
for src in cells:
    lines = [l for l in src.splitlines() if not l.lstrip().startswith(("%", "!"))]
    code = "\n".join(lines)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(code, "<cell>", "exec"), ns)
        results.append(None)
    except BaseException as e:  # noqa: BLE001 - a cell's failure is the data
        msg = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"[:160]
        results.append(msg)
    print(json.dumps(results[-1]), flush=True)
"""


def cells_of(path):
    nb = json.load(open(path, encoding="utf-8"))
    return ["".join(c["source"]) for c in nb.get("cells", []) if c.get("cell_type") == "code"]


def run(path, book, timeout):
    cells = cells_of(path)
    tmp = path + ".cells.json"
    with open(tmp, "w") as f:
        json.dump(cells, f)
    out = []
    try:
        p = subprocess.run([sys.executable, "-c", CHILD, tmp, book], cwd=os.path.dirname(path),
                           capture_output=True, text=True, timeout=timeout)
        lines = p.stdout.splitlines()
    except subprocess.TimeoutExpired as e:
        lines = (e.stdout or b"").decode(errors="replace").splitlines() if isinstance(e.stdout, bytes) \
            else (e.stdout or "").splitlines()
    finally:
        os.remove(tmp)
    for line in lines:
        try:
            out.append(json.loads(line))
        except ValueError:
            continue
    out += ["Timeout or crash"] * (len(cells) - len(out))
    return out


def main(argv):
    timeout = 300
    if "--timeout" in argv:
        i = argv.index("--timeout")
        timeout = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    book, globs = argv[0], argv[1:] or ["chapter_*"]
    notebooks = sorted({p for g in globs for p in glob.glob(os.path.join(book, g, "*.ipynb"))})
    errors = collections.Counter()
    total = ok = 0
    start = time.perf_counter()
    for nb in notebooks:
        t0 = time.perf_counter()
        res = run(nb, book, timeout)
        good = sum(r is None for r in res)
        total, ok = total + len(res), ok + good
        print(f"{good:3d}/{len(res):3d}  {time.perf_counter() - t0:6.1f} s  {os.path.relpath(nb, book)}",
              flush=True)
        if verbose:
            for i, r in enumerate(res):
                if r is not None:
                    print(f"         cell {i}: {r}", flush=True)
        errors.update(r for r in res if r is not None)
    print(f"\n{ok}/{total} cells ran in {time.perf_counter() - start:.0f} s "
          f"(load average {os.getloadavg()[0]:.1f})")
    for msg, n in errors.most_common(40):
        print(f"{n:4d}  {msg}")


if __name__ == "__main__":
    main(sys.argv[1:])
