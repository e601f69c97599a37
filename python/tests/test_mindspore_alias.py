"""The ``mindspore`` alias: MindSpore-edition code runs unchanged on easy_mindspore (``mindspore``,
``mindspore.ops`` with ``operations``/``composite``/``functional``, ``mindspore.common.dtype``,
``set_context``/``jit``), and ``EASY_MINDSPORE_NO_ALIAS=1`` turns it off."""
import os
import subprocess
import sys
import textwrap

import pytest

import easy_mindspore as ems
from easy_mindspore import Tensor
from helpers import check

x = ems.arange(4.0)


def run_python(code, **env):
    """Runs ``code`` in a fresh interpreter; returns (exit code, stdout, stderr)."""
    e = dict(os.environ, **env)
    p = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=e, timeout=60)
    return p.returncode, p.stdout, p.stderr


def test_import_forms_resolve_to_easy_mindspore():
    import mindspore
    import mindspore.ops as ops
    import mindspore.ops.operations as P
    from mindspore.ops import composite as C
    from mindspore.common import dtype as mstype

    assert mindspore is ems and ops is ems.ops
    assert C.GradOperation is ops.GradOperation
    assert mstype.float32 is ems.float32 and mindspore.common.dtype.float32 is ems.float32
    assert mindspore.Tensor is ems.Tensor
    assert P.Reshape is ops.operations.Reshape


def test_primitives():
    import mindspore.ops.operations as P
    m = x.reshape(2, 2)
    check(P.Reshape()(x, (2, 2)), [[0, 1], [2, 3]], "Float32")
    check(P.Transpose()(m, (1, 0)), [[0, 2], [1, 3]], "Float32")
    check(P.ReduceSum(keep_dims=True)(m, 1), [[1], [5]], "Float32")
    check(P.ReduceSum(keep_dims=True)(m), [[6]], "Float32")
    check(P.ReduceSum()(m, 0), [2, 4], "Float32")
    check(P.ReduceMean()(m), 1.5, "Float32")
    check(P.MatMul(transpose_b=True)(m, m), [[1, 3], [3, 13]], "Float32")
    check(P.MatMul(transpose_a=True)(m, m), [[4, 6], [6, 10]], "Float32")
    check(P.Mul()(x, 2), [0, 2, 4, 6], "Float32")
    check(P.Cast()(x, ems.int32), [0, 1, 2, 3], "Int32")
    check(P.ExpandDims()(x, 0), [[0, 1, 2, 3]], "Float32")
    assert P.Reshape().name == "Reshape" and P.Mul.__name__ == "Mul"


def test_functional_ops_through_the_alias():
    import mindspore.ops as ops
    check(ops.stop_gradient(x), [0, 1, 2, 3], "Float32")
    check(ops.matmul(x.reshape(1, 4), x.reshape(4, 1)), [[14]], "Float32")
    check(ops.ones((2,), ems.int32), [1, 1], "Int32")
    check(ops.cast(x, ems.float64), [0, 1, 2, 3], "Float64")


@pytest.fixture
def graph_mode():
    import mindspore as ms
    ms.set_context(mode=ms.GRAPH_MODE)
    yield ms
    ms.set_context(mode=ms.PYNATIVE_MODE)


def control_flow(a):
    b = a * 2
    while ems.norm(b) < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


def test_graph_mode_and_jit_give_eager_results(graph_mode):
    ms = graph_mode
    assert ms.get_context("mode") == ms.GRAPH_MODE == 0
    jitted = ms.jit(control_flow)
    decorated = ms.jit()(control_flow)
    for a, d, g in ((0.7, 1433.6, 2048.0), (-0.3, -122880.0, 409600.0)):
        a = Tensor(a)
        for fn in (control_flow, jitted, decorated):
            assert fn(a).item() == pytest.approx(d, rel=1e-6)
            assert ms.grad(fn)(a).item() == g
            assert ms.ops.GradOperation(get_all=True)(fn)(a)[0].item() == g


def test_context():
    import mindspore as ms
    assert ms.PYNATIVE_MODE == 1 and ms.get_context("mode") == ms.PYNATIVE_MODE
    assert ms.get_context("device_target") == "CPU"
    with pytest.raises(ValueError):
        ms.set_context(mode=5)
    with pytest.raises(RuntimeError, match="Unsupported device target GPU"):  # as MindSpore's CPU build
        ms.set_context(device_target="GPU")
    with pytest.raises(ValueError):
        ms.set_context(device_target="TPU")


def test_alias_in_a_fresh_interpreter():
    code, out, err = run_python("""
        import easy_mindspore
        import mindspore.ops as ops
        import mindspore
        print(mindspore.__name__, ops.GradOperation.__name__)
    """)
    assert code == 0, err
    assert out.split() == ["easy_mindspore", "GradOperation"]


def test_no_alias_env_disables_it():
    code, out, err = run_python("""
        import easy_mindspore
        try:
            import mindspore
        except ModuleNotFoundError:
            print("not aliased")
        else:
            print("aliased", mindspore.__name__)
    """, EASY_MINDSPORE_NO_ALIAS="1")
    assert code == 0, err
    assert out.strip() in ("not aliased", "aliased mindspore")  # a real MindSpore would also do
    assert "easy_mindspore" not in out


def test_import_mindspore_works_in_a_fresh_interpreter():
    """The wheel's startup hook (``easy_mindspore_alias.pth``): ``import mindspore`` without
    importing easy_mindspore first, as a MindSpore script starts; nothing is imported at startup."""
    import importlib.util
    if importlib.util.find_spec("_easy_mindspore_alias") is None:
        pytest.skip("the startup hook is installed by the wheel, not by a development build")
    rc, out, err = run_python("""
        import sys
        assert "easy_mindspore" not in sys.modules and "mindspore" not in sys.modules
        import mindspore.numpy as mnp
        from mindspore import nn, ops
        import mindspore as ms
        print(ms.__name__, mnp.__name__, type(nn.Dense(2, 1)).__module__.split(".")[0])
        print(ops.add(ms.Tensor([1.0]), 2))
    """)
    assert rc == 0, err
    assert out.split("\n")[0] == "easy_mindspore easy_mindspore.numpy easy_mindspore"
    assert out.split("\n")[1] == "[3.]"
    rc, out, err = run_python("import mindspore", EASY_MINDSPORE_NO_ALIAS="1")
    assert rc != 0 and "No module named 'mindspore'" in err
    rc, out, err = run_python("import sys, importlib.util; print(importlib.util.find_spec('no_such_module_x'))")
    assert rc == 0 and out.strip() == "None"


def test_ops_signature_describes_a_primitives_inputs_with_mindspores_numbering():
    from mindspore.ops.signature import make_sig, sig_dtype, sig_kind, sig_rw

    assert (int(sig_rw.RW_WRITE), int(sig_kind.KIND_VAR_POSITIONAL), int(sig_dtype.T1)) == (1, 1, 1)
    s = make_sig("x", sig_rw.RW_WRITE, dtype=sig_dtype.T)
    assert repr(s) == "Signature('x', RW_WRITE, KIND_POSITIONAL_KEYWORD, T)"
    with pytest.raises(TypeError, match="expected a signature_rw"):
        make_sig("x", 1)


def test_dataset_classes_print_as_mindspores_and_pickle_back():
    # MindSpore 2.10's tutorials print `type(dataset)`; run in a fresh interpreter, where the
    # package answers `import mindspore` (the check is skipped when a real MindSpore answers).
    rc, out, err = run_python("""
        import pickle, sys
        import easy_mindspore
        import mindspore.dataset as ds
        if not sys.modules["mindspore"].__name__.startswith("easy_mindspore"):
            print("skip")
            raise SystemExit
        print(ds.NumpySlicesDataset([1, 2]).__class__)
        print(type(pickle.loads(pickle.dumps(ds.SequentialSampler()))).__module__)
        d = ds.NumpySlicesDataset([1, 2], shuffle=False)
        print(type(d.batch(2)), type(d.map(lambda x: x).padded_batch(1, pad_info={})))
    """)
    assert rc == 0, err
    if out.strip() != "skip":
        assert out.split("\n")[:2] == [
            "<class 'mindspore.dataset.engine.datasets_user_defined.NumpySlicesDataset'>",
            "mindspore.dataset.engine.samplers"]
        # the stages are MindSpore's classes too (MindSpore 2.10: type(ds.batch(2)))
        assert out.split("\n")[2] == ("<class 'mindspore.dataset.engine.datasets.BatchDataset'> "
                                      "<class 'mindspore.dataset.engine.datasets."
                                      "PaddedBatchDataset'>")


def test_a_mindspore_folder_without_init_is_not_taken_for_mindspore(tmp_path):
    """A folder named ``mindspore`` with no ``__init__.py`` on the path (a MindSpore source
    checkout, a user's folder) is a namespace package, not a MindSpore: the alias still answers,
    through ``import easy_mindspore`` first and through the startup hook."""
    (tmp_path / "mindspore").mkdir()
    env = {"PYTHONPATH": os.pathsep.join([str(tmp_path)] + sys.path)}
    rc, out, err = run_python("""
        import easy_mindspore
        import mindspore.nn
        print(mindspore.__name__, mindspore.nn.Dense.__name__)
    """, **env)
    assert rc == 0, err
    assert out.split() == ["easy_mindspore", "Dense"]
    import importlib.util
    if importlib.util.find_spec("_easy_mindspore_alias") is None:
        return  # the startup hook is installed by the wheel
    rc, out, err = run_python("import mindspore.nn; print(mindspore.__name__)", **env)
    assert rc == 0, err
    assert out.strip() == "easy_mindspore"


def test_the_startup_alias_gives_no_import_warning():
    """``import mindspore`` first (the startup hook): the package keeps its own ``__spec__``, so
    its relative imports inside functions (``set_seed``'s) raise no ImportWarning."""
    import importlib.util
    if importlib.util.find_spec("_easy_mindspore_alias") is None:
        pytest.skip("the startup hook is installed by the wheel, not by a development build")
    rc, out, err = run_python("""
        import warnings
        warnings.simplefilter("error", ImportWarning)
        import mindspore
        mindspore.set_seed(1)
        print(mindspore.__spec__.name)
    """)
    assert rc == 0, err
    assert out.strip() == "easy_mindspore"
