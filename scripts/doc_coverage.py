"""Docstring coverage of the public API: ``mindspore.ops``, ``mindspore.nn``, ``mindspore.numpy``,
``mindspore.mint`` (and its ``nn``, ``nn.functional``, ``optim``, ``linalg``, ``special``),
``mindspore.scipy`` (``fft``, ``linalg``, ``optimize``) and the methods of ``Tensor``, measured on
the installed package.

A callable counts as documented when its docstring has a one-line summary, an ``Args:`` section
(when it takes arguments; a class's are those of its constructor), a ``Returns:`` section (or
``Outputs:`` for a class, as MindSpore writes Cells and primitives) and an ``Examples:`` block
with ``>>>`` lines. A module's public callables are those of its ``__all__`` (else the names
not starting with ``_``); Tensor's are its public methods.

Usage: python scripts/doc_coverage.py [--min PERCENT] [--missing] [--namespace ops|nn|numpy|Tensor|mint|mint.nn|...]
Exits 1 when the coverage is below ``--min``.
"""
import argparse
import importlib
import inspect
import sys

importlib.import_module("easy_mindspore")  # installs the ``mindspore`` alias
import mindspore as ms  # noqa: E402

NAMESPACES = ("ops", "nn", "numpy", "Tensor", "mint", "mint.nn", "mint.nn.functional", "mint.optim",
              "mint.linalg", "mint.special", "train", "experimental.optim",
              "experimental.optim.lr_scheduler", "scipy.fft", "scipy.linalg", "scipy.optimize",
              "numpy.fft")


def public_callables(namespace):
    """``(qualified name, object)`` pairs of the public callables of one namespace."""
    if namespace == "Tensor":
        names = sorted(n for n in dir(ms.Tensor) if not n.startswith("_"))
        pairs = [(n, inspect.getattr_static(ms.Tensor, n)) for n in names]
        return [(f"Tensor.{n}", getattr(ms.Tensor, n)) for n, raw in pairs
                if callable(raw) or isinstance(raw, (staticmethod, classmethod))]
    module = importlib.import_module(f"mindspore.{namespace}")
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    out = []
    for n in sorted(set(names)):
        obj = getattr(module, n, None)
        if obj is None or inspect.ismodule(obj) or not callable(obj):
            continue
        out.append((f"{namespace}.{n}", obj))
    return out


def _takes_arguments(obj):
    target = obj.__init__ if inspect.isclass(obj) else obj
    try:
        params = list(inspect.signature(target).parameters.values())
    except (TypeError, ValueError):
        return True  # no signature to read: ask for an Args section
    if inspect.isclass(obj) and target is object.__init__:
        return False
    return any(p.name not in ("self", "cls") for p in params)


def _has_section(doc, *titles):
    lines = [ln.strip() for ln in doc.splitlines()]
    return any(ln in (t + ":" for t in titles) for ln in lines)


def missing_parts(obj):
    """The parts the docstring of ``obj`` lacks (empty when fully documented)."""
    doc = inspect.cleandoc(obj.__doc__ or "") if isinstance(obj.__doc__, str) else ""
    if inspect.isclass(obj) and doc == inspect.cleandoc(type.__doc__ or ""):
        doc = ""
    if not doc:
        return ["docstring"]
    missing = []
    if not doc.splitlines()[0].strip():
        missing.append("summary")
    if _takes_arguments(obj) and not _has_section(doc, "Args", "Parameters"):
        missing.append("args")
    if not _has_section(doc, "Returns", "Outputs", "Yields"):
        missing.append("returns")
    if not _has_section(doc, "Examples", "Example") or ">>>" not in doc:
        missing.append("examples")
    return missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=0.0, help="fail below this percentage")
    parser.add_argument("--missing", action="store_true",
                        help="list every incomplete callable (listed anyway below the minimum)")
    parser.add_argument("--namespace", choices=NAMESPACES, action="append")
    args = parser.parse_args(argv)
    total = done = 0
    all_gaps = []
    for ns in args.namespace or NAMESPACES:
        items = public_callables(ns)
        gaps = [(name, missing_parts(obj)) for name, obj in items]
        gaps = [(name, parts) for name, parts in gaps if parts]
        all_gaps += gaps
        total += len(items)
        done += len(items) - len(gaps)
        print(f"{ns:8s} {len(items) - len(gaps):4d}/{len(items):4d} documented")
    pct = 100.0 * done / total if total else 100.0
    print(f"total    {done:4d}/{total:4d} = {pct:.1f}% (minimum {args.min:g}%)")
    if args.missing or pct < args.min:
        for name, parts in all_gaps:
            print(f"    {name}: missing {', '.join(parts)}")
    return 0 if pct >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
