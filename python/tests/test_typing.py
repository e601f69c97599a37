"""The package ships typing: ``py.typed`` and a stub for the native module that declares every
public function and Tensor method the module really has."""
import ast
import pathlib

import easy_mindspore
from easy_mindspore import _C

PKG = pathlib.Path(easy_mindspore.__file__).parent


def stub_names():
    tree = ast.parse((PKG / "_C.pyi").read_text())
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    classes = {n.name: {m.name for m in n.body if isinstance(m, ast.FunctionDef)}
               for n in tree.body if isinstance(n, ast.ClassDef)}
    return functions, classes


def test_py_typed_marker_exists():
    assert (PKG / "py.typed").is_file()


def test_stub_declares_every_native_function():
    functions, classes = stub_names()
    native = {n for n in dir(_C) if not n.startswith("__") and callable(getattr(_C, n))}
    assert native - set(classes) == functions


def test_stub_declares_every_tensor_method():
    _, classes = stub_names()
    real = {n for n in vars(_C.Tensor) if not n.startswith("__") or n in ("__array__", "__getitem__")}
    real.discard("__new__")
    assert real <= classes["Tensor"], real - classes["Tensor"]
