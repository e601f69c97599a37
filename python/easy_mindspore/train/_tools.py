"""``mindspore.train``'s checkpoint tools and dataset plumbing: ``ckpt_to_safetensors`` and
``safetensors_to_ckpt`` (a file, or the ``rank*`` folders of a directory, converted between the
two formats this package reads and writes), ``load_checkpoint_async`` (a load in a worker
thread), ``merge_sliced_parameter`` (slices of one parameter joined), ``data_sink`` (a step
function fed from a dataset).

Data sinking (MindSpore's device-side queue) exists on Ascend and GPU only; on the CPU
MindSpore's ``data_sink`` refuses to run. Here the dataset feeds the step from the host, so
``data_sink(fn, ds, sink_size)`` calls ``fn`` on ``sink_size`` batches per call and returns
the last result (``DatasetHelper`` is in ``dataset_helper``)."""
import os
import re
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from .._checkpoint import load_checkpoint, save_checkpoint
from .._errors import DTypeError, ShapeError

__all__ = ["ckpt_to_safetensors", "safetensors_to_ckpt", "load_checkpoint_async",
           "async_ckpt_thread_status", "merge_sliced_parameter", "data_sink"]


def _convert(op, file_path, save_path, name_map, file_name_regex, src, dst):
    """Converts `file_path` (a ``.src`` file, or the ``rank*`` folders of a directory)."""
    if not isinstance(file_path, str) or not (os.path.isdir(file_path) or os.path.isfile(file_path)):
        raise ShapeError(f"For {op}, the input path must be a valid path or file, but got {file_path}")
    if save_path and os.path.splitext(save_path)[1]:
        raise ShapeError(f"For {op}, the save_path must be a directory, but got '{save_path}'")
    if name_map is not None and not isinstance(name_map, dict):
        raise ShapeError(f"For {op}, the type of 'name_map' must be a dict, but got '{type(name_map)}'")
    tasks = []
    if os.path.isdir(file_path):
        ranks = sorted(d for d in os.listdir(file_path)
                       if d.startswith("rank") and os.path.isdir(os.path.join(file_path, d)))
        if not ranks:
            raise ShapeError(f"For '{op}', no directories starting with 'rank' found in {file_path}.")
        for rank in ranks:
            folder = os.path.join(file_path, rank)
            out = os.path.join(save_path, rank) if save_path else folder
            for name in sorted(os.listdir(folder)):
                if name.endswith("." + src) and (file_name_regex is None or re.search(file_name_regex, name)):
                    tasks.append((os.path.join(folder, name), out))
    else:
        if not file_path.endswith("." + src):
            raise ShapeError(f"For {op}, the input file must be a .{src} file, but got {file_path}")
        if file_name_regex is not None and not re.findall(file_name_regex, file_path):
            raise ShapeError(f"For {op}, the input file does not match the regular expression.")
        tasks.append((file_path, save_path or os.path.dirname(file_path)))
    for path, out in tasks:
        params = load_checkpoint(path, format=src)
        if name_map:
            params = {name_map.get(k, k): v for k, v in params.items()}
        os.makedirs(out or ".", exist_ok=True)
        stem = os.path.basename(path)[:-len(src) - 1]
        save_checkpoint(params, os.path.join(out, f"{stem}.{dst}"), format=dst)


def ckpt_to_safetensors(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Converts a ``.ckpt`` file, or every ``.ckpt`` file of the ``rank*`` folders of a directory,
    to ``.safetensors`` (beside it, or under `save_path` with the same ``rank*`` folders).

    Args:
        file_path (str): A ``.ckpt`` file or a directory of ``rank*`` folders.
        save_path (str, optional): The output directory. Default: ``None``, beside the inputs.
        name_map (dict, optional): Parameter renames, ``{old: new}``. Default: ``None``.
        file_name_regex (str, optional): Only the files whose names match. Default: ``None``.
        processes_num (int, optional): Accepted (the files are converted in turn). Default: ``1``.

    Returns:
        None.

    Raises:
        ValueError: a missing path, a file of another kind, a `save_path` with a suffix, a
            directory without ``rank*`` folders, or a `name_map` that is not a dict.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> d = tempfile.mkdtemp()
        >>> ms.save_checkpoint({"w": ms.Tensor(np.ones(2, np.float32))}, os.path.join(d, "net.ckpt"))
        >>> ms.ckpt_to_safetensors(os.path.join(d, "net.ckpt"))
        >>> print(ms.load_checkpoint(os.path.join(d, "net.safetensors"), format="safetensors")["w"].asnumpy())
        [1. 1.]
    """
    _convert("ckpt_to_safetensors", file_path, save_path, name_map, file_name_regex, "ckpt",
             "safetensors")


def safetensors_to_ckpt(file_path, save_path=None, name_map=None, file_name_regex=None, processes_num=1):
    """Converts a ``.safetensors`` file, or those of the ``rank*`` folders of a directory, to
    ``.ckpt`` (see :func:`ckpt_to_safetensors`).

    Args:
        file_path (str): A ``.safetensors`` file or a directory of ``rank*`` folders.
        save_path (str, optional): The output directory. Default: ``None``, beside the inputs.
        name_map (dict, optional): Parameter renames, ``{old: new}``. Default: ``None``.
        file_name_regex (str, optional): Only the files whose names match. Default: ``None``.
        processes_num (int, optional): Accepted (the files are converted in turn). Default: ``1``.

    Returns:
        None.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> d = tempfile.mkdtemp()
        >>> ms.save_checkpoint({"w": ms.Tensor(np.ones(2, np.float32))}, os.path.join(d, "net.safetensors"))
        >>> ms.safetensors_to_ckpt(os.path.join(d, "net.safetensors"), name_map={"w": "weight"})
        >>> print(list(ms.load_checkpoint(os.path.join(d, "net.ckpt"))))
        ['weight']
    """
    _convert("safetensors_to_ckpt", file_path, save_path, name_map, file_name_regex, "safetensors",
             "ckpt")


_LOADS = []


class ParamDictFuture:
    """The pending result of :func:`load_checkpoint_async`: ``result()`` waits for the parameter
    dict (and the load into the network, when one was given)."""

    def __init__(self, executor, future):
        self._executor, self._future = executor, future

    def result(self):
        """The parameter dict, once loaded (the load's error, if it failed)."""
        try:
            return self._future.result()
        finally:
            self._executor.shutdown(wait=False)


def load_checkpoint_async(ckpt_file_name, net=None, strict_load=False, filter_prefix=None, dec_key=None,
                          dec_mode="AES-GCM", specify_prefix=None, choice_func=None):
    """Starts :func:`mindspore.load_checkpoint` in a worker thread and returns at once.

    Args:
        ckpt_file_name (str): The ``.ckpt`` or ``.safetensors`` file.
        net (Cell, optional): The network the parameters are loaded into. Default: ``None``.
        strict_load (bool, optional): See ``load_checkpoint``. Default: ``False``.
        filter_prefix (Union[str, list[str]], optional): See ``load_checkpoint``. Default: ``None``.
        dec_key (None): Encryption is not supported. Default: ``None``.
        dec_mode (str, optional): Unused. Default: ``'AES-GCM'``.
        specify_prefix (Union[str, list[str]], optional): See ``load_checkpoint``. Default: ``None``.
        choice_func (callable, optional): See ``load_checkpoint``. Default: ``None``.

    Returns:
        ParamDictFuture, whose ``result()`` is the parameter dict.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> path = os.path.join(tempfile.mkdtemp(), "net.ckpt")
        >>> ms.save_checkpoint({"w": ms.Tensor(np.ones(2, np.float32))}, path)
        >>> future = ms.load_checkpoint_async(path)
        >>> print(future.result()["w"].asnumpy())
        [1. 1.]
    """
    if not isinstance(ckpt_file_name, str):
        raise DTypeError(f"For 'load_checkpoint_async', 'ckpt_file_name' must be a str, but got "
                         f"{type(ckpt_file_name).__name__}.")
    fmt = "safetensors" if ckpt_file_name.endswith(".safetensors") else "ckpt"
    executor = ThreadPoolExecutor(max_workers=1)
    future = executor.submit(load_checkpoint, ckpt_file_name, net, strict_load, filter_prefix, dec_key,
                             dec_mode, specify_prefix, choice_func, format=fmt)
    _LOADS.append(future)
    return ParamDictFuture(executor, future)


def async_ckpt_thread_status():
    """Whether an asynchronous checkpoint load started by :func:`load_checkpoint_async` is still
    running (checkpoints are saved synchronously here).

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.async_ckpt_thread_status() in (True, False))
        True
    """
    _LOADS[:] = [f for f in _LOADS if not f.done()]
    return bool(_LOADS)


def merge_sliced_parameter(sliced_parameters, strategy=None):
    """Joins the slices of one parameter (one per rank, in rank order) along axis 0.

    Args:
        sliced_parameters (list[Parameter]): The slices: one name, the same shape after axis 0.
        strategy (dict, optional): MindSpore's slicing strategy; only ``None`` (slices along
            axis 0) is supported. Default: ``None``.

    Returns:
        Parameter, of the slices' name, ``requires_grad`` and ``layerwise_parallel``.

    Raises:
        TypeError: not a list of Parameters, or a `strategy` that is not a dict.
        ValueError: an empty list, slices of other names or shapes, or a `strategy`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> slices = [ms.Parameter(ms.Tensor(np.full((1, 2), i, np.float32)), name="w") for i in range(2)]
        >>> print(ms.merge_sliced_parameter(slices))
        Parameter (name=w, shape=(2, 2), dtype=Float32, requires_grad=True)
    """
    from ..common.parameter import Parameter
    from ..tensor import Tensor
    if not isinstance(sliced_parameters, list):
        raise DTypeError("For 'merge_sliced_parameter', the argument 'sliced_parameters' should be list, "
                         f"but got {type(sliced_parameters)}.")
    if not sliced_parameters:
        raise ShapeError("For 'merge_sliced_parameter', the argument 'sliced_parameters' should not be empty.")
    if strategy is not None and not isinstance(strategy, dict):
        raise DTypeError("For 'merge_sliced_parameter', the argument 'strategy' should be dict, "
                         f"but got {type(strategy)}.")
    if strategy:
        raise ShapeError("For 'merge_sliced_parameter', a slicing strategy is not supported: the "
                         "slices are joined along axis 0 (strategy=None).")
    first = sliced_parameters[0]
    for i, p in enumerate(sliced_parameters):
        if not isinstance(p, Parameter):
            raise DTypeError("For 'merge_sliced_parameter', the element in 'sliced_parameters' should be "
                             f"'Parameter', but got {type(p)} at index {i}.")
        if p.name != first.name or p.ndim != first.ndim or p.shape[1:] != first.shape[1:]:
            raise ShapeError("For 'merge_sliced_parameter', please make sure that the elements in "
                             "'slice_parameters' have the same name, dimension length and shape except 0 "
                             f"axis: {first.name} {list(first.shape)}, but got {p.name} {list(p.shape)} at "
                             f"index {i}.")
    data = np.concatenate([p.asnumpy() for p in sliced_parameters])
    return Parameter(Tensor(data, first.dtype), first.name, requires_grad=first.requires_grad,
                     layerwise_parallel=first.layerwise_parallel)


def data_sink(fn, dataset, sink_size=1, jit_config=None, input_signature=None):
    """A function that runs `fn` on `sink_size` batches of `dataset` per call (the batches fed
    from the host: see the module note) and returns the last result.

    Args:
        fn (callable): The step, called with each batch's columns.
        dataset (Dataset): The batches (its epochs repeat as needed).
        sink_size (int, optional): Batches per call. Default: ``1``.
        jit_config (JitConfig, optional): With one, `fn` is compiled with ``jit``. Default: ``None``.
        input_signature (object, optional): Accepted. Default: ``None``.

    Returns:
        callable, taking no arguments.

    Raises:
        TypeError: `sink_size` not an int, `fn` not callable.
        ValueError: `sink_size` not positive.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> data = ds.NumpySlicesDataset({"x": np.arange(4, dtype=np.float32)}, shuffle=False).batch(2)
        >>> step = ms.data_sink(lambda x: x.sum(), data, sink_size=1)
        >>> print(step(), step(), step())
        1.0 5.0 1.0
    """
    if isinstance(sink_size, bool) or not isinstance(sink_size, int):
        raise DTypeError(f"For 'Data sink', the 'sink_size' must be int, but got {type(sink_size).__name__}.")
    if sink_size <= 0:
        raise ShapeError(f"The 'sink_size' must be positive, but got sink_size {sink_size}.")
    if not callable(fn):
        raise DTypeError(f"For 'data_sink', 'fn' must be callable, but got {type(fn).__name__}.")
    if jit_config is not None:
        from .._jit import jit
        fn = jit(fn, jit_config=jit_config)
    state = {"it": None}

    def next_batch():
        for _ in range(2):
            if state["it"] is None:
                state["it"] = dataset.create_tuple_iterator()
            try:
                return next(state["it"])
            except StopIteration:
                state["it"] = None
        raise ShapeError("For 'data_sink', the dataset yields no batches.")

    def sink_process(*args, **kwargs):
        out = None
        for _ in range(sink_size):
            out = fn(*next_batch())
        return out
    return sink_process
