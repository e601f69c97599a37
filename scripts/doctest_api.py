"""Runs the ``>>>`` examples of the public API's docstrings against the installed package: every
``Tensor`` method and every ``mindspore.ops`` callable, plus ``mindspore.nn``,
``mindspore.numpy`` and ``mindspore.mint`` with its submodules (the callables :mod:`doc_coverage`
lists). Each docstring runs in a fresh
namespace; the printed output must match exactly (``...`` matches anything where written).

Examples that need a distributed launcher (``mindspore.communication.init``) are skipped, unless
``--distributed``: then only those run, under ``mpirun -n 2`` (their outputs are rank 0's, checked
on rank 0).

Usage: python scripts/doctest_api.py [--namespace ops|nn|numpy|Tensor|mint|mint.nn|...]
       mpirun -n 2 python scripts/doctest_api.py --distributed
Exits 1 when an example fails.
"""
import argparse
import doctest
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import doc_coverage  # noqa: E402  (imports easy_mindspore, which installs the mindspore alias)

import mindspore as ms  # noqa: E402

NEEDS_LAUNCHER = "communication import init"


def examples(namespaces, distributed=False):
    """``(name, docstring)`` for each public callable with examples: those that need a launcher
    when `distributed`, the others otherwise."""
    for ns in namespaces:
        for name, obj in doc_coverage.public_callables(ns):
            doc = obj.__doc__ if isinstance(obj.__doc__, str) else ""
            if ">>>" in doc and (NEEDS_LAUNCHER in doc) == distributed:
                yield name, doc


def run_docstring(name, doc, out=sys.stdout.write):
    """Runs the examples of one docstring in a fresh namespace (PyNative mode); returns the number
    of failed examples (their reports go to ``out``)."""
    ms.set_context(mode=ms.PYNATIVE_MODE)
    test = doctest.DocTestParser().get_doctest(doc, {}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS, verbose=False)
    return runner.run(test, out=out).failed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--namespace", choices=doc_coverage.NAMESPACES, action="append")
    parser.add_argument("--distributed", action="store_true",
                        help="run the examples that need a launcher (start under mpirun -n 2)")
    args = parser.parse_args(argv)
    report = True
    if args.distributed:
        from mindspore.communication import get_rank, init

        init()
        report = get_rank() == 0
    ran = 0
    failed = []
    for name, doc in examples(args.namespace or doc_coverage.NAMESPACES, args.distributed):
        ran += 1
        if run_docstring(name, doc, out=sys.stdout.write if report else lambda s: None) and report:
            failed.append(name)
    if not report:
        return 0
    print(f"doctest_api: {ran - len(failed)}/{ran} docstrings passed")
    if failed:
        print("failed:", " ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
