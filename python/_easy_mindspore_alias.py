"""Makes ``import mindspore`` work in a fresh interpreter when the real MindSpore is not installed.

The wheel puts this module and ``easy_mindspore_alias.pth`` (one line: ``import
_easy_mindspore_alias``) at the top of site-packages, so Python runs it at startup. It only
appends a finder to ``sys.meta_path`` (and imports nothing that startup has not already
imported); nothing of easy_mindspore is imported until a program imports ``mindspore`` and no
finder before this one has it. Then ``import mindspore`` imports ``easy_mindspore``, whose alias
(``easy_mindspore._MindsporeAlias``) resolves ``mindspore`` and every ``mindspore.X`` to the
package. A real MindSpore, when installed, is found by the finders before this one and wins.
``EASY_MINDSPORE_NO_ALIAS=1`` turns the alias off. Once easy_mindspore is imported, the package
has decided (alias or not) and this finder stands aside."""
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
        # A finder after this one may still know a real MindSpore (editable installs add theirs).
        later = sys.meta_path[sys.meta_path.index(self) + 1:] if self in sys.meta_path else []
        for finder in later:
            find = getattr(finder, "find_spec", None)
            if find is not None and find(fullname, path, target) is not None:
                return None
        if PathFinder.find_spec("easy_mindspore") is None:
            return None
        return ModuleSpec(fullname, self)

    def create_module(self, spec):
        # Importing the package installs its alias: sys.modules['mindspore'] is the package.
        import importlib
        return importlib.import_module("easy_mindspore")

    def exec_module(self, module):
        pass


if not any(type(f).__name__ == "_StartupAlias" for f in sys.meta_path):
    sys.meta_path.append(_StartupAlias())
