"""Writes the ``.pyi`` stubs of ``mindspore.mint`` (``mint/__init__.pyi``, ``mint/nn/__init__.pyi``,
``mint/nn/functional.pyi``, ``mint/optim.pyi``, ``mint/linalg.pyi``, ``mint/special.pyi``) from the
package itself: every public name with its real parameters (names, kinds, defaults shown as
``...``). Parameters are typed ``Any``; a function whose docstring's Returns section starts with
"Tensor" (or "<kind> Tensor") returns ``Tensor``, a bool ``bool``, anything else ``Any``. Layers
and optimizers are ``Cell`` subclasses. python/tests/test_stubs.py checks the stubs against the
package; rerun this after changing a mint signature.

Usage: python scripts/gen_mint_stubs.py
"""
import inspect
import pathlib
import re

import easy_mindspore  # noqa: F401  (installs the mindspore alias)
from easy_mindspore import mint

PKG = pathlib.Path(mint.__file__).parent
HEAD = ('"""Type stubs of ``{name}``, written by scripts/gen_mint_stubs.py from the package: the real\n'
        'parameters, typed ``Any``; results ``Tensor`` where the docstring says so."""\n')


def _params(sig, skip_self=False):
    out, star = [], False
    params = list(sig.parameters.values())[1 if skip_self else 0:]
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            out.append(f"*{p.name}: Any")
            star = True
        elif p.kind is p.VAR_KEYWORD:
            out.append(f"**{p.name}: Any")
        else:
            if p.kind is p.KEYWORD_ONLY and not star:
                out.append("*")
                star = True
            out.append(f"{p.name}: Any" + (" = ..." if p.default is not p.empty else ""))
    return out


def _returns(fn):
    doc = inspect.cleandoc(fn.__doc__ or "")
    m = re.search(r"^Returns:\n\s+(.*)$", doc, re.M)
    first = m.group(1) if m else ""
    if re.match(r"^(bool)\b", first):
        return "bool"
    if re.match(r"^(\S+ )?(\S+ )?Tensor\b(?! or)(?!, or)", first) and "tuple" not in first.split(",")[0]:
        return "Tensor"
    return "Any"


def _function(name, fn):
    sig = inspect.signature(fn)
    return f"def {name}({', '.join(_params(sig))}) -> {_returns(fn)}: ..."


def _class(name, cls, base):
    init = ", ".join(["self"] + _params(inspect.signature(cls.__init__), skip_self=True))
    extra = "    param_groups: Any\n    parameters: Any\n" if hasattr(cls, "param_groups") or \
        name in ("Adam", "AdamW", "FusedAdamW", "SGD") else ""
    return (f"class {name}({base}):\n{extra}    def __init__({init}) -> None: ...\n"
            f"    def __call__(self, *args: Any) -> Any: ...")


def render_one(module, imports, base="Cell"):
    """The stub text of one module."""
    lines = [HEAD.format(name=module.__name__.replace("easy_mindspore", "mindspore")),
             "from typing import Any", ""] + imports + [""]
    for name in sorted(module.__all__):
        obj = getattr(module, name)
        lines.append(_class(name, obj, base) if inspect.isclass(obj) else _function(name, obj))
    return "\n".join(lines) + "\n"


def render():
    """``{path relative to the mint package: stub text}`` for every mint module."""
    return {
        "__init__.pyi": render_one(mint, ["from .._C import Tensor", "from . import linalg as linalg, "
                                          "nn as nn, optim as optim, special as special"]),
        "nn/__init__.pyi": render_one(mint.nn, ["from ..._C import Tensor", "from ...nn import Cell",
                                                "from . import functional as functional"]),
        "nn/functional.pyi": render_one(mint.nn.functional, ["from ..._C import Tensor"]),
        "optim.pyi": render_one(mint.optim, ["from .._C import Tensor", "from ..nn import Cell"]),
        "linalg.pyi": render_one(mint.linalg, ["from .._C import Tensor"]),
        "special.pyi": render_one(mint.special, ["from .._C import Tensor"]),
    }


def main():
    for rel, text in render().items():
        (PKG / rel).write_text(text)


if __name__ == "__main__":
    main()
