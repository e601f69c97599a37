"""The package's `.pyi` stubs tell the truth: every name they declare exists at run time, each
declared function and method takes the parameters the real one takes (same names, same order,
same defaults present), and every declared class is the real one's name. (scripts/typecheck.py
runs mypy --strict with them.)"""
import ast
import importlib
import inspect
import pathlib

import pytest

import easy_mindspore

PKG = pathlib.Path(easy_mindspore.__file__).parent
STUBS = {"easy_mindspore": "__init__.pyi", "easy_mindspore.nn": "nn/__init__.pyi",
         "easy_mindspore.ops": "ops/__init__.pyi", "easy_mindspore.dataset": "dataset/__init__.pyi",
         # written by scripts/gen_mint_stubs.py
         "easy_mindspore.mint": "mint/__init__.pyi", "easy_mindspore.mint.nn": "mint/nn/__init__.pyi",
         "easy_mindspore.mint.nn.functional": "mint/nn/functional.pyi",
         "easy_mindspore.mint.optim": "mint/optim.pyi", "easy_mindspore.mint.linalg": "mint/linalg.pyi",
         "easy_mindspore.mint.special": "mint/special.pyi"}
# Names of the stubs that exist only for typing (helpers the stubs share).
TYPING_ONLY = {"_Layer", "_Loss", "_Stages", "_Jitted"}


def declared(rel):
    tree = ast.parse((PKG / rel).read_text())
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name != "__getattr__":
            yield node


def params(fn_node):
    a = fn_node.args
    names = [p.arg for p in a.posonlyargs + a.args]
    if a.vararg:
        names.append("*" + a.vararg.arg)
    names += [p.arg for p in a.kwonlyargs]
    if a.kwarg:
        names.append("**" + a.kwarg.arg)
    return names


def real_params(obj):
    out = []
    for p in inspect.signature(obj).parameters.values():
        prefix = {p.VAR_POSITIONAL: "*", p.VAR_KEYWORD: "**"}.get(p.kind, "")
        out.append(prefix + p.name)
    return out


def same(stub, real):
    # A stub may spell **options as **kwargs: only the kind matters there.
    norm = lambda ps: [("**" if p.startswith("**") else p) for p in ps]  # noqa: E731
    return norm(stub) == norm(real)


@pytest.mark.parametrize("module", sorted(STUBS))
def test_stub_names_exist_with_their_parameters(module):
    mod = importlib.import_module(module)
    checked = 0
    nodes = list(declared(STUBS[module]))
    for node in nodes:
        if node.name in TYPING_ONLY:
            continue
        assert hasattr(mod, node.name), f"{module}.{node.name} is declared but does not exist"
        real = getattr(mod, node.name)
        if isinstance(node, ast.FunctionDef):
            overloads = [d for d in node.decorator_list if getattr(d, "id", None) == "overload"]
            if not overloads:
                assert same(params(node), real_params(real)), (module, node.name)
                checked += 1
        else:
            assert inspect.isclass(real), f"{module}.{node.name} is not a class"
            for m in node.body:
                if isinstance(m, ast.FunctionDef) and m.name == "__init__":
                    assert same(params(m)[1:], real_params(real)), (module, node.name)
                    checked += 1
                elif isinstance(m, ast.FunctionDef) and not m.name.startswith("__"):
                    assert hasattr(real, m.name), f"{module}.{node.name}.{m.name} does not exist"
    assert checked > min(5, len(nodes) - 1)


def test_overloaded_functions_take_the_real_parameters():
    tree = ast.parse((PKG / "__init__.pyi").read_text())
    for name in ("jit", "grad", "value_and_grad"):
        real = real_params(getattr(easy_mindspore, name))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                assert set(params(node)) - {"**options"} <= set(real) | {"function"}, name


def test_declared_types_hold_at_run_time():
    import numpy as np
    from easy_mindspore import nn, ops
    a = easy_mindspore.Tensor(np.ones((2, 3), np.float32))
    assert isinstance(ops.matmul(a, ops.ones((3, 2), easy_mindspore.float32)), easy_mindspore.Tensor)
    v, i = ops.max(a, 1)
    assert isinstance(v, easy_mindspore.Tensor) and isinstance(i, easy_mindspore.Tensor)
    assert isinstance(ops.split(a, 1, 1), tuple)
    net = nn.Dense(3, 2)
    opt = nn.SGD(net.trainable_params(), 0.1)
    value, grads = easy_mindspore.value_and_grad(lambda x: net(x).sum(), None, opt.parameters)(a)
    assert isinstance(value, easy_mindspore.Tensor) and isinstance(grads, tuple)
    assert opt(grads) == (True, True)  # one True per parameter, as MindSpore 2.10
    assert isinstance(easy_mindspore.grad(lambda x: (x * x).sum())(a), easy_mindspore.Tensor)
    f = easy_mindspore.jit(lambda x: x * 2)
    f(a)
    assert isinstance(f.graphs(), list) and f.cache_info().traces == 1


def test_mint_stubs_are_up_to_date():
    # scripts/gen_mint_stubs.py writes them from the package; a changed signature needs a rerun.
    import sys
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "scripts"))
    gen = importlib.import_module("gen_mint_stubs")
    for rel, text in gen.render().items():
        assert (PKG / "mint" / rel).read_text() == text, f"mint/{rel} is stale: run scripts/gen_mint_stubs.py"
