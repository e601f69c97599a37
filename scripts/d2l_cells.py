#!/usr/bin/env python3
"""Runs the code cells of the D2L book's MindSpore port (``mindspore-courses/d2l-mindspore``) on
whatever ``mindspore`` the interpreter imports, and reports per notebook how many cells ran and
the first error of each failing cell, grouped by message. A development tool for the D2L issue:
it needs a checkout of the book (not part of this repository) and, for the helper module, pandas,
matplotlib, IPython, Pillow and requests.

Usage: python3 scripts/d2l_cells.py BOOK_DIR [CHAPTER_GLOB ...] [--timeout SECONDS] [--offline] [-v]
       e.g. python3 scripts/d2l_cells.py /tmp/d2l 'chapter_02*' 'chapter_03*'
       (a glob ending in .ipynb names notebooks: 'chapter_07*/0_alexnet.ipynb')

Each notebook runs in a child process (cells in order, one namespace, cwd = the notebook's
folder, ``%matplotlib`` and other magics skipped, plots to the Agg backend); a notebook that
exceeds the timeout is stopped and its remaining cells count as failed. Each line gives the
notebook's wall time; ``-v`` lists each failing cell (its index among the code cells) under its
notebook. ``--offline`` makes the book's ``download`` trust any file already in its ``data``
folder (for the synthetic datasets of ``scripts/d2l_fake_data.py --text``).

Recording and comparing (to check this package against real MindSpore cell by cell):

  python3 scripts/d2l_cells.py BOOK_DIR [GLOBS] --record ours.json
  /path/to/mindspore-venv/bin/python scripts/d2l_cells.py BOOK_DIR [GLOBS] --record ms.json
  python3 scripts/d2l_cells.py --compare ms.json ours.json [--rerun ms2.json] [-v]

``--record`` stores, per notebook and code cell, what the cell printed (stdout) plus the repr of
its last expression when that is not None (what a notebook shows as ``Out[n]``), the error
(``Class: first line``) if it failed, and its wall time. ``random`` and ``numpy.random`` are
seeded with 0 before each notebook (the book draws much of its data from numpy). ``--compare``
classes each cell present in both as ``same``, ``numbers`` (equal once every number is masked:
same format, shapes and structure, different values, e.g. random draws or timings), ``diff``
(differs beyond numbers), ``fail-A`` / ``fail-B`` (only one side failed), ``fail-both``; then
lists per notebook the cells that are ``diff`` or fail on one side (``-v`` also shows the
``numbers`` cells and both outputs). With ``--rerun`` (a second recording of side A) a cell whose
two A runs differ is treated as non-deterministic: its ``diff`` counts as ``numbers``-like noise
and is marked ``random``."""
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys
sys.path[0] = ""  # the notebook's folder, as under `python -c` (not the temporary folder)
import ast, json, os, time, traceback, io, contextlib, random
import matplotlib
matplotlib.use("Agg")
try:
    import easy_mindspore  # noqa: F401 - answers `import mindspore` when MindSpore is absent
except ImportError:
    pass
import numpy
random.seed(0)
numpy.random.seed(0)
sys.path.insert(0, sys.argv[2])
if os.environ.get("D2L_CELLS_OFFLINE"):
    # The helper's download re-fetches a cached file whose SHA-1 is not the original's; with
    # synthetic data (scripts/d2l_fake_data.py --text) any file already there is the data.
    import d2l.mindspore as _book
    _fetch = _book.download
    def _cached(name, cache_dir=os.path.join("..", "data")):
        fname = os.path.join(cache_dir, _book.DATA_HUB[name][0].split("/")[-1])
        return fname if os.path.exists(fname) else _fetch(name, cache_dir)
    _book.download = _cached
cells = json.load(open(sys.argv[1]))
out = open(sys.argv[3], "w")
# the cells' namespace is a `__main__` module (MindSpore's `jit` looks names up through it)
import types
main = types.ModuleType("__main__")
sys.modules["__main__"] = main
ns = main.__dict__
for n, src in enumerate(cells):
    lines = [l for l in src.splitlines() if not l.lstrip().startswith(("%", "!"))]
    code = "\n".join(lines)
    buf = io.StringIO()
    err = None
    t0 = time.perf_counter()
    try:
        with contextlib.redirect_stdout(buf):
            # each cell's source is a file, so that `inspect.getsource` finds the functions
            # it defines (MindSpore's `jit` parses them)
            fname = f"{sys.argv[3]}.cell{n}.py"
            with open(fname, "w") as f:
                f.write(code)
            tree = ast.parse(code)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, fname, "exec"), ns)
            if last is not None:
                val = eval(compile(ast.Expression(last.value), fname, "eval"), ns)
                if val is not None:
                    print(repr(val))
    except BaseException as e:  # noqa: BLE001 - a cell's failure is the data
        err = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e).strip() else ''}"[:300]
    out.write(json.dumps({"error": err, "stdout": buf.getvalue()[:20000],
                          "time": round(time.perf_counter() - t0, 3)}) + "\n")
    out.flush()
"""


def cells_of(path):
    nb = json.load(open(path, encoding="utf-8"))
    return ["".join(c["source"]) for c in nb.get("cells", []) if c.get("cell_type") == "code"]


def run(path, book, timeout):
    """Runs one notebook; returns one record per code cell: {"error", "stdout", "time"}."""
    cells = cells_of(path)
    fd, tmp = tempfile.mkstemp(suffix=".cells.json")
    with os.fdopen(fd, "w") as f:
        json.dump(cells, f)
    res = tmp[:-len(".cells.json")] + ".results.jsonl"
    child = tmp[:-len(".cells.json")] + ".child.py"  # a file, not `-c`: MindSpore reads its main
    with open(child, "w") as f:
        f.write(CHILD)
    try:
        subprocess.run([sys.executable, child, tmp, book, res], cwd=os.path.dirname(path),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        pass
    finally:
        for leftover in [tmp, child] + glob.glob(res + ".cell*.py"):
            os.remove(leftover)
    out = []
    if os.path.exists(res):
        with open(res) as f:
            for line in f:
                try:
                    out.append(json.loads(line))
                except ValueError:
                    continue
        os.remove(res)
    out += [{"error": "Timeout or crash", "stdout": "", "time": None}] * (len(cells) - len(out))
    return out


NUM = re.compile(r"0x[0-9a-fA-F]+|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|\b(?:nan|inf)\b")


def masked(text):
    """The text with every number (and hex address) replaced by '#', blanks around them dropped and other
    runs of blanks made one:
    what is left is format, names and structure."""
    return re.sub(r"[ \t]*#[ \t]*", "#", re.sub(r"[ \t]+", " ", NUM.sub("#", text or "")))


def classify(a, b):
    ea, eb = a["error"], b["error"]
    if ea and eb:
        return "fail-both"
    if ea:
        return "fail-A"
    if eb:
        return "fail-B"
    if a["stdout"] == b["stdout"]:
        return "same"
    return "numbers" if masked(a["stdout"]) == masked(b["stdout"]) else "diff"


def compare(argv):
    verbose = "-v" in argv
    argv = [x for x in argv if x != "-v"]
    rerun = None
    if "--rerun" in argv:
        i = argv.index("--rerun")
        rerun = json.load(open(argv[i + 1]))
        argv = argv[:i] + argv[i + 2:]
    ra, rb = json.load(open(argv[0])), json.load(open(argv[1]))
    totals = collections.Counter()
    chapters = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0.0, collections.Counter()])
    for nb in sorted(set(ra["notebooks"]) & set(rb["notebooks"])):
        ca, cb = ra["notebooks"][nb]["cells"], rb["notebooks"][nb]["cells"]
        kinds = []
        for i, (a, b) in enumerate(zip(ca, cb)):
            k = classify(a, b)
            if k == "diff" and rerun and nb in rerun["notebooks"]:
                a2 = rerun["notebooks"][nb]["cells"][i]
                if classify(a, a2) in ("diff", "numbers"):
                    k = "random"
            kinds.append(k)
        c = collections.Counter(kinds)
        totals.update(c)
        ch = chapters[nb.split("/")[0]]
        ta, tb = ra["notebooks"][nb]["time"], rb["notebooks"][nb]["time"]
        okA = sum(x["error"] is None for x in ca)
        okB = sum(x["error"] is None for x in cb)
        ch[0], ch[1], ch[2], ch[3], ch[4] = ch[0] + len(ca), ch[1] + okA, ch[2] + okB, ch[3] + ta, ch[4] + tb
        ch[5].update(c)
        print(f"{nb}: ran A {okA}/{len(ca)} B {okB}/{len(cb)}, time A {ta:.1f} s B {tb:.1f} s; "
              + ", ".join(f"{k} {n}" for k, n in sorted(c.items())))
        for i, k in enumerate(kinds):
            if k in ("same", "fail-both", "random") or (k == "numbers" and not verbose):
                continue
            a, b = ca[i], cb[i]
            print(f"  cell {i}: {k}")
            if k == "fail-A":
                print(f"    A: {a['error']}")
            elif k == "fail-B":
                print(f"    B: {b['error']}")
            if k in ("diff", "numbers") or verbose:
                for side, x in (("A", a), ("B", b)):
                    text = x["stdout"] if len(x["stdout"]) < 1500 else x["stdout"][:1500] + "..."
                    print(f"    --- {side}:\n" + "\n".join("      " + l for l in text.splitlines()))
    print("\nper chapter: cells, ran on A, ran on B, wall time A, B (s), cell classes")
    for name, (n, okA, okB, ta, tb, c) in sorted(chapters.items()):
        print(f"  {name:55s} {n:4d} {okA:4d} {okB:4d} {ta:7.1f} {tb:7.1f}  "
              + ", ".join(f"{k} {m}" for k, m in sorted(c.items())))
    print("\ntotal: " + ", ".join(f"{k} {n}" for k, n in sorted(totals.items())))


def main(argv):
    if argv and argv[0] == "--compare":
        return compare(argv[1:])
    timeout = 300
    if "--timeout" in argv:
        i = argv.index("--timeout")
        timeout = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    record = None
    if "--record" in argv:
        i = argv.index("--record")
        record = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    verbose = "-v" in argv
    if "--offline" in argv:
        os.environ["D2L_CELLS_OFFLINE"] = "1"
    argv = [a for a in argv if a not in ("-v", "--offline")]
    book, globs = argv[0], argv[1:] or ["chapter_*"]
    notebooks = sorted({p for g in globs
                        for p in glob.glob(os.path.join(book, g if g.endswith(".ipynb") else os.path.join(g, "*.ipynb")))})
    errors = collections.Counter()
    total = ok = 0
    recorded = {"python": sys.executable, "notebooks": {}}
    if record and os.path.exists(record):  # add to / refresh an earlier recording
        recorded = json.load(open(record))
    start = time.perf_counter()
    for nb in notebooks:
        t0 = time.perf_counter()
        res = run(nb, book, timeout)
        wall = time.perf_counter() - t0
        good = sum(r["error"] is None for r in res)
        total, ok = total + len(res), ok + good
        print(f"{good:3d}/{len(res):3d}  {wall:6.1f} s  {os.path.relpath(nb, book)}", flush=True)
        if verbose:
            for i, r in enumerate(res):
                if r["error"] is not None:
                    print(f"         cell {i}: {r['error'][:160]}", flush=True)
        errors.update(r["error"][:160] for r in res if r["error"] is not None)
        if record:
            recorded["notebooks"][os.path.relpath(nb, book)] = {"time": round(wall, 1), "cells": res}
            with open(record, "w") as f:
                json.dump(recorded, f, indent=1, ensure_ascii=False)
    print(f"\n{ok}/{total} cells ran in {time.perf_counter() - start:.0f} s "
          f"(load average {os.getloadavg()[0]:.1f})")
    for msg, n in errors.most_common(40):
        print(f"{n:4d}  {msg}")


if __name__ == "__main__":
    main(sys.argv[1:])
