"""MindIR files: ``mindspore.export(..., file_format="MINDIR")``, ``mindspore.load`` and
``nn.GraphCell``. Files MindSpore 2.10 exported (``fixtures/mindspore/mindir``, with the outputs
MindSpore computed) load and give those outputs; networks exported here load back and compute
what the network computes, at the traced batch size and another; the file's name, folder and
mode, ``params_init`` and the errors are MindSpore 2.10's as measured. (That MindSpore 2.10 loads
the files written here and computes the same outputs was checked by hand for the networks of
``test_exported_networks_run_as_the_network``; MindSpore is not a test dependency.)
"""
import os
import pathlib
import stat

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn, ops

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures" / "mindspore" / "mindir"


def _arrays(npz, prefix):
    keys = sorted((k for k in npz.files if k.startswith(prefix)), key=lambda k: int(k[len(prefix):]))
    return [npz[k] for k in keys]


@pytest.mark.parametrize("name", ["ms_mlp", "ms_conv", "ms_emb", "ms_misc", "ms_lstm", "ms_lstm2",
                                  "ms_gru"])
def test_files_mindspore_exported_give_mindspore_outputs(name):
    npz = np.load(FIXTURES / f"{name}.npz")
    graph = ms.load(str(FIXTURES / f"{name}.mindir"))
    assert graph.producer == "MindSpore"
    out = nn.GraphCell(graph)(*[ms.Tensor(a) for a in _arrays(npz, "in")])
    outs = out if isinstance(out, tuple) else (out,)
    expected = _arrays(npz, "out")
    assert len(outs) == len(expected)
    for got, want in zip(outs, expected):
        assert got.asnumpy().dtype == want.dtype
        np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", ["cf_if", "cf_nested", "cf_while", "cf_deep"])
def test_control_flow_files_take_every_path_as_mindspore(name):
    """MindSpore writes an if's branches and a loop's body as sub-graphs, chosen by Switch and
    bound by Partial; each case takes another path (``cf_deep`` loops 500 times: each iteration
    is a call the loop's graph makes last, which must not nest)."""
    npz = np.load(FIXTURES / f"{name}.npz")
    graph = ms.load(str(FIXTURES / f"{name}.mindir"))
    assert graph.functions
    cell = nn.GraphCell(graph)
    for case in range(4):
        out = cell(*[ms.Tensor(a) for a in _arrays(npz, f"case{case}_in")])
        want = _arrays(npz, f"case{case}_out")[0]
        np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-5, atol=1e-6)


def test_a_primitive_without_a_runner_loads_and_is_named_when_run():
    """``RandomCategorical(ms.int32)(x, 2, 0)`` exported by MindSpore 2.10: its dtype attribute
    (a data-less tensor type in the file) reads as a dtype; running it names the primitive."""
    graph = ms.load(str(FIXTURES / "ms_random_categorical.mindir"))
    [(_, op, _, attrs, _)] = graph.nodes
    assert op == "RandomCategorical" and attrs["dtype"] == ms.int32
    with pytest.raises(RuntimeError, match="primitive 'RandomCategorical'"):
        nn.GraphCell(graph)(ms.Tensor(np.ones((2, 3), np.float32)))


def test_a_node_with_too_few_operands_is_a_runtime_error():
    graph = ms.load(str(FIXTURES / "ms_mlp.mindir"))
    i = [n[1] for n in graph.nodes].index("MatMul")
    output, op, functional, attrs, names = graph.nodes[i]
    graph.nodes[i] = (output, op, functional, attrs, names[:1])
    with pytest.raises(RuntimeError, match=r"\(MatMul\) has 1 operands"):
        nn.GraphCell(graph)(ms.Tensor(np.ones((2, 4), np.float32)))


def test_graph_cell_parameters_are_the_files():
    cell = nn.GraphCell(ms.load(str(FIXTURES / "ms_mlp.mindir")))
    assert [(p.name, p.shape) for p in cell.trainable_params()] == [("fc.weight", (3, 4)),
                                                                     ("fc.bias", (3,))]
    assert list(cell.parameters_dict()) == ["fc.weight", "fc.bias"]
    assert repr(cell) == "GraphCell()"


class _Misc(nn.Cell):
    """Many primitives' MindIR forms: softmax, transpose, concat, layer norm, gather, slices,
    comparisons, casts, argmax, sort, cumsum, flip, pad, a mean, two outputs."""

    def __init__(self):
        super().__init__()
        self.ln = nn.LayerNorm((4,))
        self.table = ms.Parameter(ms.Tensor(np.arange(20, dtype=np.float32).reshape(5, 4) / 7),
                                  name="table")

    def construct(self, x):
        a = ops.transpose(ops.softmax(x, axis=-1), (0, 2, 1)).reshape(2, 12)
        b = ops.concat((a, a * 2), 1)[:, 1:5] + self.ln(x).sum(axis=1) - ops.exp(x[0, 0])
        e = ops.gather(self.table, ms.Tensor([1, 3], ms.int32), 0)
        f = ops.maximum(b, e) / ops.sqrt(ops.abs(e) + 1.0)
        g = ops.where(x > 0, x, -x).astype(ms.float16).astype(ms.float32)
        h = (ops.argmax(x, -1).astype(ms.float32) + ops.sort(x, descending=True)[1].astype(ms.float32).sum()
             + ops.cumsum(x, 1).mean() + ops.flip(x, (0, 2)).max())
        return f, ops.pad(g, (1, 2, 0, 1)) + h.sum()


def _networks():
    lenet = nn.SequentialCell([
        nn.Conv2d(1, 6, 5, pad_mode="pad", padding=2, has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
        nn.Dense(400, 120), nn.Sigmoid(), nn.Dense(120, 84), nn.Sigmoid(), nn.Dense(84, 10)])
    bn = nn.SequentialCell([nn.Conv2d(1, 6, 3), nn.BatchNorm2d(6), nn.ReLU(), nn.MaxPool2d(2, 2),
                            nn.Flatten(), nn.Dense(6 * 14 * 14, 10), nn.Softmax()])
    return {"mlp": (nn.SequentialCell([nn.Dense(4, 8), nn.ReLU(), nn.Dense(8, 3)]), (2, 4), (5, 4)),
            "lenet": (lenet, (2, 1, 28, 28), (3, 1, 28, 28)),
            "bn": (bn, (2, 1, 28, 28), (3, 1, 28, 28)),
            "misc": (_Misc(), (2, 3, 4), None)}


@pytest.mark.parametrize("name", ["mlp", "lenet", "bn", "misc"])
def test_exported_networks_run_as_the_network(tmp_path, name):
    net, shape, other = _networks()[name]
    net.set_train(False)
    rng = np.random.default_rng(0)
    x = ms.Tensor(rng.standard_normal(shape).astype(np.float32))
    assert ms.export(net, x, file_name=str(tmp_path / name), file_format="MINDIR") is None
    cell = nn.GraphCell(ms.load(str(tmp_path / f"{name}.mindir")))
    for s in (shape, other):
        if s is None:
            continue
        x = ms.Tensor(rng.standard_normal(s).astype(np.float32))
        want, got = net(x), cell(x)
        want = want if isinstance(want, tuple) else (want,)
        got = got if isinstance(got, tuple) else (got,)
        for g, w in zip(got, want):
            np.testing.assert_allclose(g.asnumpy(), w.asnumpy(), rtol=1e-5, atol=1e-6)
    names = sorted(p.name for p in net.get_parameters())
    assert sorted(p.name for p in cell.get_parameters()) == names


def test_export_names_folder_and_mode(tmp_path):
    net, x = nn.Dense(3, 2), ms.Tensor(np.ones((1, 3), np.float32))
    ms.export(net, x, file_name=str(tmp_path / "new" / "sub" / "a"), file_format="MINDIR")
    path = tmp_path / "new" / "sub" / "a.mindir"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o400
    assert stat.S_IMODE(os.stat(tmp_path / "new" / "sub").st_mode) == 0o700
    ms.export(net, x, file_name=str(path), file_format="MINDIR")  # over the read-only file
    assert sorted(os.listdir(tmp_path / "new" / "sub")) == ["a.mindir"]
    ms.export(net, x, file_name=str(tmp_path / "b.txt"), file_format="MINDIR")
    assert (tmp_path / "b.txt.mindir").exists()


def test_params_init_replaces_values_by_parameter_name(tmp_path):
    net, x = nn.Dense(3, 2), ms.Tensor(np.ones((1, 3), np.float32))
    ms.export(net, x, file_name=str(tmp_path / "d"), file_format="MINDIR")
    graph = ms.load(str(tmp_path / "d.mindir"))
    bias = ms.Tensor(np.array([10.0, 20.0], np.float32))
    cell = nn.GraphCell(graph, params_init={"bias": bias, "unknown": bias})
    want = net(x).asnumpy() - net.bias.asnumpy() + bias.asnumpy()
    np.testing.assert_allclose(cell(x).asnumpy(), want, rtol=1e-6)
    # The graph keeps the new values, as MindSpore's does.
    np.testing.assert_allclose(nn.GraphCell(graph)(x).asnumpy(), want, rtol=1e-6)
    with pytest.raises(ValueError, match="same shape and dtype"):
        nn.GraphCell(graph, params_init={"bias": ms.Tensor(np.ones(3, np.float32))})
    with pytest.raises(TypeError, match="must be Tensor or Parameter"):
        nn.GraphCell(graph, params_init={"bias": np.ones(2, np.float32)})


def test_load_errors_are_mindspores(tmp_path):
    with pytest.raises(ValueError, match=r"argument 'file_name'\(MindIR file\) does not exist"):
        ms.load(str(tmp_path / "missing.mindir"))
    (tmp_path / "x.txt").write_text("hello")
    with pytest.raises(ValueError, match="should end with '.mindir'"):
        ms.load(str(tmp_path / "x.txt"))
    with pytest.raises(ValueError, match="must be string, but got <class 'int'>"):
        ms.load(3)
    for content in (b"", b"hello", bytes(range(256)) * 3):
        p = tmp_path / "bad.mindir"
        p.write_bytes(content)
        with pytest.raises(RuntimeError, match="Load MindIR failed"):
            ms.load(str(p))
    good = (FIXTURES / "ms_conv.mindir").read_bytes()
    for n in (10, len(good) // 3, len(good) - 5):
        p = tmp_path / "cut.mindir"
        p.write_bytes(good[:n])
        try:
            cell = nn.GraphCell(ms.load(str(p)))
        except RuntimeError:
            continue
        with pytest.raises(RuntimeError):  # a prefix that parsed lacks nodes the outputs need
            cell(ms.Tensor(np.zeros((2, 1, 10, 10), np.float32)))


def test_export_runs_the_network_in_its_mode(tmp_path):
    """As MindSpore: a network in training mode exports its training graph (BatchNorm with the
    batch's statistics); where that graph holds what this engine cannot write, the error says
    so, and set_train(False) exports the inference graph."""
    net = nn.SequentialCell([nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2)])
    x = ms.Tensor(np.random.default_rng(0).standard_normal((2, 1, 6, 6)).astype(np.float32))
    net.set_train(True)
    with pytest.raises(RuntimeError, match=r"training mode; set_train\(False\)"):
        ms.export(net, x, file_name=str(tmp_path / "t"), file_format="MINDIR")
    assert net.training
    net.set_train(False)
    ms.export(net, x, file_name=str(tmp_path / "e"), file_format="MINDIR")
    cell = nn.GraphCell(ms.load(str(tmp_path / "e.mindir")))
    np.testing.assert_allclose(cell(x).asnumpy(), net(x).asnumpy(), rtol=1e-6, atol=1e-6)


def test_export_errors(tmp_path):
    net, x = nn.Dense(3, 2), ms.Tensor(np.ones((1, 3), np.float32))
    with pytest.raises(ValueError, match="'AIR' format with Ascend backend"):
        ms.export(net, x, file_name=str(tmp_path / "a"), file_format="AIR")
    with pytest.raises(ValueError, match=r"must be one of \['AIR', 'ONNX', 'MINDIR'\], but got XYZ"):
        ms.export(net, x, file_name=str(tmp_path / "a"), file_format="XYZ")
    with pytest.raises(ValueError, match="ONNX"):
        ms.export(net, x, file_name=str(tmp_path / "a"), file_format="ONNX")
    with pytest.raises(TypeError, match="must be a Tensor"):
        ms.export(net, 3, file_name=str(tmp_path / "a"), file_format="MINDIR")

    class Branch(nn.Cell):
        def construct(self, x):
            return x * 2 if x.sum() > 0 else x

    with pytest.raises(RuntimeError, match="control flow"):
        ms.export(Branch(), x, file_name=str(tmp_path / "b"), file_format="MINDIR")
    with pytest.raises(RuntimeError, match="no MindIR form"):
        ms.export(nn.LSTM(3, 2), ms.Tensor(np.ones((1, 4, 3), np.float32)),
                  file_name=str(tmp_path / "c"), file_format="MINDIR")
    assert not any(tmp_path.iterdir())


def test_graph_cell_call_errors():
    cell = nn.GraphCell(ms.load(str(FIXTURES / "ms_mlp.mindir")))
    x = np.ones((2, 4), np.float32)
    with pytest.raises(RuntimeError, match="must be a Tensor"):
        cell(x)
    with pytest.raises(RuntimeError, match="dtype Float32, but got Float16"):
        cell(ms.Tensor(x.astype(np.float16)))
    with pytest.raises(RuntimeError, match="not Compatible"):
        cell(ms.Tensor(x), ms.Tensor(x))
    with pytest.raises(TypeError, match="loaded by mindspore.load"):
        nn.GraphCell("model.mindir")
    assert cell(ms.Tensor(np.ones((5, 4), np.float32))).shape == (5, 3)  # another batch size


def test_serialization_module_paths():
    from easy_mindspore.train.serialization import export, load, load_checkpoint
    assert export is ms.export and load is ms.load and load_checkpoint is ms.load_checkpoint
    assert ms.train.export is ms.export
