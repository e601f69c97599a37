"""Makes ``import mindspore`` work in a fresh interpreter when the real MindSpore is not installed.

The wheel puts this module and ``easy_mindspore_alias.pth`` (one line: ``import
_easy_mindspore_alias``) at the top of site-packages, so Python runs it at startup. It only puts
a finder first on ``sys.meta_path``, which answers for the one name ``mindspore`` (and imports
nothing that startup has not already imported); nothing of easy_mindspore is imported until a
program imports ``mindspore`` and no other finder has a MindSpore. Then ``import mindspore``
imports ``easy_mindspore``, whose alias (``easy_mindspore._MindsporeAlias``) resolves
``mindspore`` and every ``mindspore.X`` to the package. A real MindSpore, when installed, is
found by the other finders and wins; a folder named ``mindspore`` without an ``__init__.py`` (a
namespace package) is not one. ``EASY_MINDSPORE_NO_ALIAS=1`` turns the alias off. Once
easy_mindspore is imported, the package has decided (alias or not) and this finder stands aside."""
import sys


class _StartupAlias:
    """A meta path finder and loader for the one name ``mindspore``."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "mindspore" or "easy_mindspore" in sys.modules:
            return None
        import os
        if os.environ.get("EASY_MINDSPORE_NO_ALIAS"):
            return None
        from importlib.machinery import ModuleSpec, PathFinder
        # This finder comes first, so that a folder named mindspore without an __init__.py (a
        # namespace package: a source checkout on sys.path), which the path finder would take,
        # is not taken for a MindSpore; a real one, found by any other finder (editable
        # installs add theirs), wins.
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(fullname, path, target) if find is not None else None
            if spec is not None and spec.origin is not None:
                return None
        if PathFinder.find_spec("easy_mindspore") is None:
            return None
        return ModuleSpec(fullname, self)

    def create_module(self, spec):
        # Importing the package installs its alias: sys.modules['mindspore'] is the package.
        import importlib
        module = importlib.import_module("easy_mindspore")
        self._package_spec = module.__spec__
        return module

    def exec_module(self, module):
        # The import system has just set the module's __spec__ to the alias's; the package keeps
        # its own (its relative imports check __package__ against it).
        module.__spec__ = self._package_spec


if not any(type(f).__name__ == "_StartupAlias" for f in sys.meta_path):
    sys.meta_path.insert(0, _StartupAlias())
