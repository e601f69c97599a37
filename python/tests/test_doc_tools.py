"""The docstring tools of CI (scripts/doc_coverage.py, scripts/doctest_api.py): what counts as a
documented callable, and that a wrong example output fails."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))

import doc_coverage  # noqa: E402
import doctest_api  # noqa: E402

FULL = '''One-line summary.

    Args:
        x (Tensor): The input.

    Returns:
        Tensor, the output.

    Examples:
        >>> print(1 + 1)
        2
    '''


def _fn(doc, takes_x=True):
    def f(x):
        return x

    def g():
        return 0

    h = f if takes_x else g
    h.__doc__ = doc
    return h


def test_a_full_docstring_is_complete():
    assert doc_coverage.missing_parts(_fn(FULL)) == []


def test_each_missing_part_is_named():
    assert doc_coverage.missing_parts(_fn(None)) == ["docstring"]
    assert doc_coverage.missing_parts(_fn("Summary only.")) == ["args", "returns", "examples"]
    no_example = FULL.split("    Examples:")[0]
    assert doc_coverage.missing_parts(_fn(no_example)) == ["examples"]
    no_prompt = FULL.replace(">>> ", "")
    assert doc_coverage.missing_parts(_fn(no_prompt)) == ["examples"]


def test_a_callable_without_arguments_needs_no_args_section():
    doc = FULL.replace("    Args:\n        x (Tensor): The input.\n\n", "")
    assert doc_coverage.missing_parts(_fn(doc, takes_x=False)) == []
    assert doc_coverage.missing_parts(_fn(doc, takes_x=True)) == ["args"]


def test_a_class_uses_its_constructor_and_outputs():
    class Layer:
        """A layer.

        Args:
            n (int): The width.

        Outputs:
            Tensor.

        Examples:
            >>> Layer(2).n
            2
        """

        def __init__(self, n):
            self.n = n

    assert doc_coverage.missing_parts(Layer) == []


def test_the_public_callables_of_the_four_namespaces():
    names = {n for ns in doc_coverage.NAMESPACES for n, _ in doc_coverage.public_callables(ns)}
    assert {"ops.add", "ops.ReLU", "nn.Dense", "numpy.sum", "Tensor.sum", "Tensor.asnumpy"} <= names
    assert not any(n.split(".")[-1].startswith("_") for n in names)


def test_a_wrong_example_output_fails_and_a_right_one_passes():
    out = []
    assert doctest_api.run_docstring("ok", FULL, out=out.append) == 0
    assert doctest_api.run_docstring("wrong", FULL.replace("        2\n", "        3\n"), out=out.append) == 1
    assert "Expected:" in "".join(out)
