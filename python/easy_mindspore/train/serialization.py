"""``mindspore.train.serialization``: the module MindSpore's saving and loading functions live in
(code written for MindSpore 1.x imports them from here), and ``_save_graph``."""
import os as _os
import stat as _stat

from .._checkpoint import load_checkpoint, load_param_into_net, save_checkpoint
from .._mindir import export, load
from ._tools import ckpt_to_safetensors, load_checkpoint_async, safetensors_to_ckpt

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net", "export", "load",
           "ckpt_to_safetensors", "safetensors_to_ckpt", "load_checkpoint_async"]


def _save_graph(network, file_name):
    """Writes the graphs `network` was compiled to (by a call in GRAPH_MODE) into `file_name`
    (replaced if it exists; readable and writable by its owner only). MindSpore writes its own
    graph protocol buffer; this engine's graphs are traces, written as their text. A network not
    compiled yet writes nothing, as in MindSpore.

    Args:
        network (Cell): The network.
        file_name (str): The file.

    Raises:
        AttributeError: `network` is not a Cell.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train.serialization import _save_graph
        >>> ms.set_context(mode=ms.GRAPH_MODE)
        >>> net = nn.Dense(2, 3)
        >>> _ = net(ms.Tensor(np.ones((1, 2), np.float32)))
        >>> path = os.path.join(tempfile.mkdtemp(), "net.meta")
        >>> _save_graph(net, path)
        >>> open(path).read().startswith("graph(")
        True
        >>> ms.set_context(mode=ms.PYNATIVE_MODE)
    """
    from ..nn.cell import Cell
    if not isinstance(network, Cell):
        raise AttributeError(f"'{type(network).__name__}' object has no attribute "
                             "'get_func_graph_proto'")
    compiled = network.__dict__.get("_ems_graph_jit")
    graphs = compiled.graphs() if compiled is not None else []
    if not graphs:
        return
    if _os.path.exists(file_name):
        _os.chmod(file_name, _stat.S_IWUSR | _stat.S_IRUSR)
    with open(file_name, "wb") as f:
        f.write("\n\n".join(graphs).encode("utf-8"))
    _os.chmod(file_name, _stat.S_IWUSR | _stat.S_IRUSR)
