#!/usr/bin/env python3
"""Runs the ``>>>`` examples of MindSpore's own docstrings (``mindspore.ops``, ``mindspore.nn``,
``Tensor`` methods and the other namespaces of ``NAMESPACES``; those its docs mark as running on
CPU) under real MindSpore and under this
package, and compares what each example prints. A development tool for the surface issues: it
needs an installed MindSpore (``pip install mindspore`` in a separate venv); nothing of
MindSpore's text is stored in this repository.

    /path/to/ms-venv/bin/python scripts/ms_doc_examples.py dump DOCS.json
    /path/to/ms-venv/bin/python scripts/ms_doc_examples.py run DOCS.json MS.json [PREFIX ...]
    python3 scripts/ms_doc_examples.py run DOCS.json OURS.json [PREFIX ...]
    python3 scripts/ms_doc_examples.py compare MS.json OURS.json [CLASS]

``dump`` stores the docstrings that have examples; ``run`` executes each docstring's examples
in one namespace (NumPy seeded with 0, 20 s per docstring), recording what every example prints
(an expression's repr as an interactive session shows it; ``!! ErrorClass`` where one raises,
which ends that docstring); ``compare`` classes each name: ``same``, ``ours-err`` (only ours
raised: a gap to look at first), ``ms-err`` (only MindSpore raised), ``both-err``, ``numbers``
(equal once every number is masked: rounding or random draws) or ``diff``; with a class it prints
the first differing example of each name in it."""
import contextlib
import doctest
import io
import json
import os
import re
import signal
import sys
import warnings


# The namespaces whose public callables' docstrings are dumped (prefix, module path).
NAMESPACES = (("ops", "mindspore.ops"), ("nn", "mindspore.nn"), ("numpy", "mindspore.numpy"),
              ("mint", "mindspore.mint"), ("mint.nn", "mindspore.mint.nn"),
              ("mint.nn.functional", "mindspore.mint.nn.functional"), ("ms", "mindspore"),
              ("train", "mindspore.train"), ("amp", "mindspore.amp"),
              ("initializer", "mindspore.common.initializer"), ("dataset", "mindspore.dataset"),
              ("vision", "mindspore.dataset.vision"), ("transforms", "mindspore.dataset.transforms"),
              ("text", "mindspore.dataset.text"), ("audio", "mindspore.dataset.audio"),
              ("scipy.linalg", "mindspore.scipy.linalg"), ("experimental.optim",
                                                           "mindspore.experimental.optim"))


def dump(path):
    import importlib

    import mindspore
    from mindspore import Tensor
    out = {}
    owners = [(prefix, importlib.import_module(mod)) for prefix, mod in NAMESPACES]
    for prefix, owner in owners + [("Tensor", Tensor)]:
        for name in dir(owner):
            doc = None if name.startswith("_") else getattr(getattr(owner, name), "__doc__", None)
            if isinstance(doc, str) and ">>>" in doc and doc not in out.values():
                out[f"{prefix}.{name}"] = doc
    json.dump(out, open(path, "w"))
    print(f"{len(out)} docstrings of MindSpore {mindspore.__version__}")


def _runs_on_cpu(doc):
    if "Supported Platforms:" not in doc:
        return True
    return "CPU" in doc.split("Supported Platforms:")[1].split("\n\n")[0]


class _Timeout(Exception):
    pass


def _alarm(*_):
    raise _Timeout()


def run(docs_path, out_path, prefixes):
    warnings.filterwarnings("ignore")
    os.environ.setdefault("GLOG_v", "3")
    import numpy as np
    try:
        import easy_mindspore  # noqa: F401 - answers `import mindspore` where MindSpore is absent
    except ImportError:
        pass
    docs = json.load(open(docs_path))
    signal.signal(signal.SIGALRM, _alarm)
    results = {}
    for name, doc in sorted(docs.items()):
        if (prefixes and not any(name.startswith(p) for p in prefixes)) or not _runs_on_cpu(doc):
            continue
        try:
            examples = doctest.DocTestParser().get_examples(doc)
        except ValueError:
            continue
        scope, printed = {"np": np, "__name__": "__main__"}, []
        np.random.seed(0)
        signal.alarm(20)
        try:
            for ex in examples:
                buf = io.StringIO()
                try:
                    with contextlib.redirect_stdout(buf):
                        exec(compile(ex.source, name, "single"), scope)
                    printed.append(buf.getvalue())
                except _Timeout:
                    raise
                except BaseException as e:  # noqa: BLE001 - an example's failure is the data
                    printed.append(buf.getvalue() + f"!! {type(e).__name__}")
                    break
        except _Timeout:
            printed.append("!! Timeout")
        finally:
            signal.alarm(0)
        results[name] = printed
    json.dump(results, open(out_path, "w"))
    print(f"{len(results)} docstrings run")


_NUMBER = re.compile(r"-?\d+\.?\d*(e[+-]?\d+)?")


def compare(ms_path, ours_path, show):
    ms, ours = json.load(open(ms_path)), json.load(open(ours_path))
    classes = {}
    for name in sorted(ms):
        a, b = ms[name], ours.get(name, [])
        a_err, b_err = any("!!" in x for x in a), any("!!" in x for x in b)
        if a == b:
            kind = "same"
        elif b_err or a_err:
            kind = "both-err" if a_err and b_err else "ours-err" if b_err else "ms-err"
        elif [_NUMBER.sub("#", x) for x in a] == [_NUMBER.sub("#", x) for x in b]:
            kind = "numbers"
        else:
            kind = "diff"
        classes.setdefault(kind, []).append(name)
    for kind in ("same", "ours-err", "ms-err", "both-err", "numbers", "diff"):
        print(f"{kind:9} {len(classes.get(kind, []))}")
    for name in classes.get(show, []):
        a, b = ms[name], ours.get(name, [])
        for i in range(max(len(a), len(b))):
            x, y = (a + [""] * len(b))[i], (b + [""] * len(a))[i]
            if x != y:
                print(f"== {name} [{i}]\n-- MindSpore:\n{x[:600]}\n-- ours:\n{y[:600]}")
                break


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "dump":
        dump(args[0])
    elif cmd == "run":
        run(args[0], args[1], args[2:])
    elif cmd == "compare":
        compare(args[0], args[1], args[2] if len(args) > 2 else None)
    else:
        sys.exit(__doc__)
