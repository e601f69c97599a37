"""``mindspore.export`` and ``mindspore.load`` for MindIR files (MindSpore's names).

The file format is the engine's (``easy_mindspore::nn::mindir``, protocol buffers of MindSpore's
``mind_ir.proto``): ``export`` traces the network once at the example inputs, writes each of the
graph's operations as the MindSpore primitive that computes it, and stores the parameters with
their values, so that MindSpore 2.10 loads the file; ``load`` reads a file written here or by
MindSpore, and ``nn.GraphCell`` runs it. Only MINDIR is written: ``AIR`` needs Ascend, as in
MindSpore, and ``ONNX`` is not supported.
"""
import os as _os

from . import _C, _tree
from .common.tensor import Tensor

__all__ = ["export", "load", "MindIRGraph"]

_FORMATS = ("AIR", "ONNX", "MINDIR")


class MindIRGraph:
    """A graph read from a MindIR file (what :func:`load` returns; run it with ``nn.GraphCell``).

    Attributes:
        inputs (list): ``(name, shape, dtype)`` of each input.
        params (list): ``(name, parameter name, Tensor)`` of each parameter.
        constants (dict): The main graph's constants by name.
        nodes (list): ``(output, primitive, functional, attributes, input names)`` in order.
        outputs (list): The names of the results.
        functions (dict): The sub-graphs of its control flow by name, each a dict of ``inputs``,
            ``constants``, ``nodes`` and ``outputs`` as above.
        producer (str): Who wrote the file (``MindSpore`` or ``easy_mindspore``).
    """

    def __init__(self, model, path):
        main = model["graph"]
        self.inputs = main["inputs"]
        self.constants = main["constants"]
        self.nodes = main["nodes"]
        self.outputs = main["outputs"]
        self.params = model["params"]
        self.functions = {f["name"]: f for f in model["functions"]}
        self.producer = model["producer"]
        self._path = path

    def __repr__(self):
        return (f"MindIRGraph(file='{self._path}', inputs={len(self.inputs)}, "
                f"parameters={len(self.params)}, nodes={len(self.nodes)}, "
                f"sub-graphs={len(self.functions)})")


def _flat_tensors(out):
    items = _tree.leaves(out)
    for o in items:
        if not isinstance(o, Tensor):
            raise TypeError(f"For 'export', the network's outputs must be Tensors (or tuples and "
                            f"lists of them), but got {type(o).__name__}.")
    return items


def export(net, *inputs, file_name, file_format, **kwargs):
    """Saves `net`, traced at `inputs`, as a MindIR file ``file_name + '.mindir'`` (the
    extension is added when missing; the file is made read-only, as MindSpore makes it).

    Args:
        net (Cell or function): The network.
        inputs (Tensor): Example inputs (their shapes and dtypes are the graph's).
        file_name (str): The file's name, with or without ``.mindir``.
        file_format (str): ``'MINDIR'`` (``'AIR'`` needs Ascend; ``'ONNX'`` is not supported).
        kwargs: MindSpore's encryption and obfuscation options, which are not supported.

    Returns:
        None.

    Raises:
        TypeError: If `file_name` is not a str or an input is not a Tensor.
        ValueError: If `file_format` is not one of MindSpore's, or is not MINDIR here.
        RuntimeError: If the network uses an operation that has no MindSpore primitive, or reads
            a tensor's value to choose its control flow.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> path = os.path.join(tempfile.mkdtemp(), "lenet")
        >>> net = nn.SequentialCell([nn.Conv2d(1, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2), nn.Flatten()])
        >>> ms.export(net, ms.Tensor(np.ones((1, 1, 8, 8), np.float32)), file_name=path, file_format="MINDIR")
        >>> os.path.exists(path + ".mindir")
        True
    """
    if not isinstance(file_name, str):
        raise TypeError(f"For 'export', the argument 'file_name' must be str, but got "
                        f"{type(file_name).__name__}.")
    if file_format not in _FORMATS:
        raise ValueError(f"For 'export', 'file_format' must be one of {list(_FORMATS)}, but got "
                         f"{file_format}.")
    if file_format == "AIR":
        raise ValueError("Only support export file in 'AIR' format with Ascend backend.")
    if file_format == "ONNX":
        raise ValueError("For 'export', ONNX files are not supported here; use "
                         "file_format='MINDIR'.")
    if kwargs.get("enc_key") is not None or kwargs.get("obf_config") is not None:
        raise ValueError("For 'export', encrypted and obfuscated MindIR files are not supported.")
    for i, x in enumerate(inputs):
        if not isinstance(x, Tensor):
            raise TypeError(f"For 'export', input {i} must be a Tensor, but got {type(x).__name__}.")
    from .nn.cell import Cell
    # The network runs in the mode it is in, as MindSpore exports it (a Cell is in inference
    # mode until set_train(); in training mode BatchNorm uses the batch's statistics).
    named = [(p.name, p) for _, p in net.parameters_and_names()] if isinstance(net, Cell) else []

    def run(xs):
        return _flat_tensors(net(*xs))
    path = file_name if file_name.endswith(".mindir") else file_name + ".mindir"
    path = _os.path.realpath(path)
    # As MindSpore: a missing folder is made private to the user, the file read-only.
    _os.makedirs(_os.path.dirname(path), mode=0o700, exist_ok=True)
    try:
        _C.export_mindir(run, list(inputs), named, path)
    except RuntimeError as e:
        if isinstance(net, Cell) and net.training:
            raise type(e)(f"{e} (the network is in training mode; set_train(False) exports its "
                          f"inference graph)") from None
        raise
    _os.chmod(path, 0o400)


def load(file_name, **kwargs):
    """Reads a MindIR file (written by :func:`export` or by MindSpore) for ``nn.GraphCell``.

    Args:
        file_name (str): The file's path.
        kwargs: MindSpore's decryption and obfuscation options, which are not supported.

    Returns:
        MindIRGraph, the graph.

    Raises:
        ValueError: If `file_name` is not a str, does not exist or does not end with ``.mindir``.
        RuntimeError: If the file is not a MindIR file, or holds what this engine cannot load
            (compressed or external data).

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> path = os.path.join(tempfile.mkdtemp(), "net")
        >>> ms.export(nn.ReLU(), ms.Tensor(np.ones(2, np.float32)), file_name=path, file_format="MINDIR")
        >>> graph = ms.load(path + ".mindir")
        >>> print(nn.GraphCell(graph)(ms.Tensor([-1.0, 2.0])))
        [0. 2.]
    """
    if not isinstance(file_name, str):
        raise ValueError(f"For 'load', the argument 'file_name' must be string, but got "
                         f"{type(file_name)}.")
    if kwargs.get("dec_key") is not None or kwargs.get("obf_func") is not None:
        raise ValueError("For 'load', encrypted and obfuscated MindIR files are not supported.")
    path = _os.path.realpath(file_name)
    if not _os.path.exists(path):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) does not exist, please "
                         "check whether the 'file_name' is correct.")
    if not file_name.endswith(".mindir"):
        raise ValueError("For 'load', the argument 'file_name'(MindIR file) should end with "
                         "'.mindir', please input the correct 'file_name'.")
    try:
        model = _C.read_mindir(path)
    except (ValueError, OSError) as e:  # MindSpore's class for every file it cannot read
        raise RuntimeError(f"Load MindIR failed. {e}") from None
    return MindIRGraph(model, path)
