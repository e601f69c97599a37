"""The distributed-checkpoint functions of ``mindspore.parallel`` for one process: their checks,
messages and order as MindSpore 2.10 has them on CPU, and what they do without sharding
strategies (``rank_list_for_transform`` gives ``[0]``; MindSpore's transforms find no parameter
to move and raise; ``load_segmented_checkpoints`` merges a folder's checkpoints;
``parameter_broadcast`` has no other rank to send to).

Moving slices between two sharding strategies needs the layouts of a multi-device run: given
strategy files that hold layouts, the transforms raise a RuntimeError saying so (this engine
runs one device and does not redistribute slices)."""
import os

from .. import log as _log
from .._checkpoint import load_checkpoint, load_param_into_net
from .._errors import ComputeError, DTypeError
from ._strategy import build_searched_strategy

__all__ = ["rank_list_for_transform", "transform_checkpoint_by_rank", "transform_checkpoints",
           "load_distributed_checkpoint", "load_segmented_checkpoints", "unified_safetensors",
           "parameter_broadcast", "sync_pipeline_shared_parameters", "get_ckpt_path_with_strategy"]

_NONE_FOUND = ("None of the parameters in checkpoint file are in either src strategy or dst "
               "strategy. Please check correctness of strategy files.")


def _unsupported(who):
    return ComputeError(f"For '{who}', moving checkpoint slices between sharding strategies is not "
                        "supported: this engine runs one device; load the full checkpoint instead.")


def _strategies(who, *files):
    """Checks each strategy file given (None: no sharding): a RuntimeError for one that holds
    layouts; whether any was given (MindSpore 2.10 then fails on one without layouts with an
    IndexError)."""
    given = False
    for f in files:
        if f is not None:
            given = True
            if build_searched_strategy(f):
                raise _unsupported(who)
    return given


_EMPTY_STRATEGY = "list index out of range"


def rank_list_for_transform(rank_id, src_strategy_file=None, dst_strategy_file=None):
    """The ranks of the source checkpoint that rank `rank_id` of the destination needs. Without a
    source strategy the source is one unsplit checkpoint: ``[0]``.

    Args:
        rank_id (int): The destination rank.
        src_strategy_file (str, optional): The source's strategy file. Default: ``None``.
        dst_strategy_file (str, optional): The destination's strategy file. Default: ``None``.

    Returns:
        list[int], the source ranks.

    Raises:
        TypeError: `rank_id` is not an int, or a strategy file name is not a str.
        ValueError: A strategy file does not exist or is empty.
        RuntimeError: The source strategy splits parameters (not supported here).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.rank_list_for_transform(0))
        [0]
    """
    if not isinstance(rank_id, int):
        raise DTypeError("The rank_id should be a int.")
    if src_strategy_file is None:
        return [0]
    _strategies("rank_list_for_transform", src_strategy_file, dst_strategy_file)
    raise IndexError(_EMPTY_STRATEGY)


def transform_checkpoint_by_rank(rank_id, checkpoint_files_map, save_checkpoint_file_name,
                                 src_strategy_file=None, dst_strategy_file=None):
    """Makes the checkpoint of destination rank `rank_id` from the source ranks' checkpoints.
    Without strategies no parameter is split, and MindSpore 2.10 finds none to transform (its
    ValueError, raised here too).

    Args:
        rank_id (int): The destination rank.
        checkpoint_files_map (dict): Source rank -> checkpoint file.
        save_checkpoint_file_name (str): The file to write (``.ckpt``).
        src_strategy_file (str, optional): The source's strategy file. Default: ``None``.
        dst_strategy_file (str, optional): The destination's strategy file. Default: ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: A file missing, a name not ending with ``.ckpt``, or no parameter to move.
        RuntimeError: The strategies split parameters (not supported here).

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> path = os.path.join(tempfile.mkdtemp(), "rank0.ckpt")
        >>> ms.save_checkpoint(nn.Dense(2, 3), path)
        >>> try:
        ...     ms.transform_checkpoint_by_rank(0, {0: path}, path + ".new.ckpt")
        ... except ValueError as e:
        ...     print(str(e)[:44])
        None of the parameters in checkpoint file ar
    """
    if not isinstance(checkpoint_files_map, dict):
        raise DTypeError("The checkpoint_files_map should be a dict.")
    if not isinstance(rank_id, int):
        raise DTypeError("The rank_id should be a int.")
    if not isinstance(save_checkpoint_file_name, str):
        raise DTypeError("The save_checkpoint_file_name should be a str.")
    if not save_checkpoint_file_name.endswith(".ckpt"):
        raise ValueError(f"The save_checkpoint_file_name {save_checkpoint_file_name} should end "
                         "with .ckpt")
    for rank, name in checkpoint_files_map.items():
        if not os.path.exists(name):
            raise ValueError(f"Checkpoint file {name} in rank {rank} not exits: ")
    if _strategies("transform_checkpoint_by_rank", src_strategy_file, dst_strategy_file):
        raise IndexError(_EMPTY_STRATEGY)
    for name in checkpoint_files_map.values():
        if not isinstance(name, str):
            raise DTypeError(f"For 'load_checkpoint', the argument 'ckpt_file_name' must be string, "
                             f"but got {type(name)}.")
        load_checkpoint(name)
    raise ValueError(_NONE_FOUND)


def _rank_dirs(src):
    """The ``rank_<n>`` folders of `src` that hold a checkpoint file."""
    found = []
    if os.path.isdir(src):
        for n in os.listdir(src):
            d = os.path.join(src, n)
            if n.startswith("rank_") and os.path.isdir(d) and any(
                    f.endswith((".ckpt", ".safetensors")) for f in os.listdir(d)):
                found.append(d)
    return found


def transform_checkpoints(src_checkpoints_dir, dst_checkpoints_dir, ckpt_prefix, src_strategy_file=None,
                          dst_strategy_file=None, process_num=1, output_format="ckpt"):
    """Transforms the checkpoints of every rank (``src_checkpoints_dir/rank_<n>/*.ckpt``) from
    one sharding strategy to another, into `dst_checkpoints_dir`. Without strategies no
    parameter is split, and MindSpore 2.10 finds none to transform (its ValueError, raised here
    too, after making `dst_checkpoints_dir`).

    Args:
        src_checkpoints_dir (str): The source folder.
        dst_checkpoints_dir (str): The destination folder (made when missing).
        ckpt_prefix (str): The prefix of the files written.
        src_strategy_file (str, optional): The source's strategy file. Default: ``None``.
        dst_strategy_file (str, optional): The destination's strategy file. Default: ``None``.
        process_num (int, optional): Processes to use. Default: ``1``.
        output_format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: No rank folder with a checkpoint, ``'safetensors'`` output from ``.ckpt``
            files, a strategy file missing, or no parameter to move.
        RuntimeError: The strategies split parameters (not supported here).

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> src = tempfile.mkdtemp()
        >>> try:
        ...     ms.transform_checkpoints(src, os.path.join(src, "out"), "new")
        ... except ValueError as e:
        ...     print(e)
        For 'transform_checkpoints', the 'src_checkpoints_dir' can not be empty.
    """
    who = "transform_checkpoints"
    src = os.path.realpath(src_checkpoints_dir)
    ranks = _rank_dirs(src)
    if not ranks:
        raise ValueError(f"For '{who}', the 'src_checkpoints_dir' can not be empty.")
    if not isinstance(dst_checkpoints_dir, str):
        _log.critical("The path is invalid, the type should be string.")
        raise DTypeError("The path is invalid, the type should be string.")
    os.makedirs(dst_checkpoints_dir, exist_ok=True)
    if not isinstance(ckpt_prefix, str):
        raise DTypeError("The ckpt_prefix should be a str.")
    for f in (src_strategy_file, dst_strategy_file):
        if f is not None:
            os.fspath(f)
    only_ckpt = all(not f.endswith(".safetensors") for d in ranks for f in os.listdir(d))
    if output_format == "safetensors" and only_ckpt:
        raise ValueError(f"For '{who}', 'output_format' can not be 'safetensors' when "
                         "'src_checkpoints_dir' only contains ckpt file.")
    if _strategies(who, src_strategy_file, dst_strategy_file):
        raise IndexError(_EMPTY_STRATEGY)
    raise ValueError(_NONE_FOUND)


def load_distributed_checkpoint(network, checkpoint_filenames=None, predict_strategy=None,
                                train_strategy_filename=None, strict_load=False, dec_key=None,
                                dec_mode="AES-GCM", format="ckpt", unified_safetensors_dir=None,
                                dst_safetensors_dir=None, rank_id=None, output_format="safetensors",
                                name_map=None, max_process_num=64, return_param_dict=False):
    """Loads the checkpoints of a distributed training (one file per rank) into `network`
    through the training's strategy file (`train_strategy_filename`, or the auto-parallel
    context's ``strategy_ckpt_load_file``). A strategy that holds no layout has nothing to load,
    and True is returned, as in MindSpore 2.10.

    Args:
        network (Cell): The network.
        checkpoint_filenames (list[str]): The ranks' checkpoint files, in rank order.
        predict_strategy (dict, optional): The prediction's layouts. Default: ``None``.
        train_strategy_filename (str, optional): The training's strategy file. Default: ``None``.
        strict_load (bool, optional): As :func:`mindspore.load_param_into_net`. Default: ``False``.
        dec_key, dec_mode, unified_safetensors_dir, dst_safetensors_dir, rank_id, name_map,
            max_process_num, return_param_dict: MindSpore's other options.
        format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.
        output_format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'safetensors'``.

    Returns:
        bool, True.

    Raises:
        TypeError: `checkpoint_filenames` is not iterable.
        ValueError: A bad format, network, strategy or checkpoint file.
        RuntimeError: The strategy splits parameters (not supported here).

    Examples:
        >>> import json, os, tempfile
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> work = tempfile.mkdtemp()
        >>> ckpt, strategy = os.path.join(work, "rank0.ckpt"), os.path.join(work, "s.json")
        >>> net = nn.Dense(2, 3)
        >>> ms.save_checkpoint(net, ckpt)
        >>> with open(strategy, "w") as f:
        ...     json.dump({}, f)
        >>> print(ms.load_distributed_checkpoint(net, [ckpt], train_strategy_filename=strategy))
        True
    """
    who = "load_distributed_checkpoint"
    for fmt in (format, output_format):
        if fmt not in ("ckpt", "safetensors"):
            raise ValueError(f"For '{who}', 'format' and 'output_format' must be 'ckpt' or "
                             f"'safetensors', but got {format}.")
    if format == "safetensors":
        if unified_safetensors_dir is None:
            raise ValueError(f"For '{who}', 'unified_safetensors_dir' can not be None when format "
                             "is 'safetensors'.")
        raise _unsupported(who)
    from ..nn.cell import Cell
    if not isinstance(network, Cell):
        raise ValueError(f"The parameter 'network' must be isinstance of <class "
                         f"'mindspore.nn.cell.Cell'>, but got {network}.")
    for index, name in enumerate(checkpoint_filenames):
        if not isinstance(name, str) or not name.endswith(".ckpt") or not os.path.isfile(name) \
                or not os.path.getsize(name):
            raise ValueError(f"For '{who}', please check 'checkpoint_filenames', and make sure the "
                             f"{name} at index {index} is a valid checkpoint file, it must be a "
                             "string ending with '.ckpt', and the checkpoint file it represents "
                             "must be exist and not empty.")
    if predict_strategy is not None and not isinstance(predict_strategy, dict):
        raise ValueError(f"The parameter 'predict_strategy' must be isinstance of <class 'dict'>, "
                         f"but got {predict_strategy}.")
    if train_strategy_filename is None:
        from .._auto_parallel import get_auto_parallel_context
        train_strategy_filename = get_auto_parallel_context("strategy_ckpt_load_file")
    if build_searched_strategy(train_strategy_filename) or predict_strategy:
        raise _unsupported(who)
    return True


def load_segmented_checkpoints(ckpt_file_dir, net=None, strict_load=False, filter_prefix=None,
                               dec_key=None, dec_mode="AES-GCM", specify_prefix=None,
                               choice_func=None):
    """Loads every ``.ckpt`` file of a folder (in the folder's listing order; a later file's
    value of a name wins) into one dict, and into `net` when given. Each file is loaded with
    the filters, as :func:`mindspore.load_checkpoint` loads it (a file left empty by them is
    its ValueError).

    Args:
        ckpt_file_dir (str): The folder.
        net (Cell, optional): A network to load the values into. Default: ``None``.
        strict_load (bool, optional): As :func:`mindspore.load_param_into_net`. Default: ``False``.
        filter_prefix, specify_prefix (Union[str, list[str], tuple[str]], optional): Name
            prefixes to leave out / to keep. Default: ``None``.
        dec_key, dec_mode: Decryption (not supported, as in ``load_checkpoint``).
        choice_func (function, optional): Keeps the names it returns True for. Default: ``None``.

    Returns:
        dict, name -> Parameter.

    Raises:
        TypeError: `ckpt_file_dir` is not a str, or `net` is not a Cell.
        ValueError: The folder does not exist, or a file is bad or left empty by the filters.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> work = tempfile.mkdtemp()
        >>> ms.save_checkpoint([{"name": "a", "data": ms.Tensor([1.0])}], os.path.join(work, "p0.ckpt"))
        >>> ms.save_checkpoint([{"name": "b", "data": ms.Tensor([2.0])}], os.path.join(work, "p1.ckpt"))
        >>> print(sorted(ms.load_segmented_checkpoints(work)))
        ['a', 'b']
    """
    if not isinstance(ckpt_file_dir, str):
        raise DTypeError("The ckpt_file_dir should be a str.")
    if not os.path.isdir(ckpt_file_dir):
        raise ValueError(f"The dst_strategy_file: {ckpt_file_dir} doesn't exist. Or it's not a "
                         "directory")
    merged = {}
    for name in os.listdir(ckpt_file_dir):
        path = os.path.join(ckpt_file_dir, name)
        if name.endswith(".ckpt") and os.path.isfile(path):
            merged.update(load_checkpoint(path, filter_prefix=filter_prefix, dec_key=dec_key,
                                          dec_mode=dec_mode, specify_prefix=specify_prefix,
                                          choice_func=choice_func))
    if net is not None:
        from ..nn.cell import Cell
        if not isinstance(net, Cell):
            _log.critical("Failed to combine the net and the parameters.")
            raise DTypeError(f"For 'load_param_into_net', the argument 'net' should be a Cell, but "
                             f"got {type(net)}.")
        load_param_into_net(net, merged, strict_load)
    return merged


def unified_safetensors(src_dir, src_strategy_file, dst_dir, merge_with_redundancy=True,
                        file_suffix=None, max_process_num=64, choice_func=None, split_dst_file=()):
    """Merges the ranks' safetensors files (``src_dir/rank_<n>/*.safetensors``) into whole
    parameters through the training's strategy file. The ranks' files must be there (rank 0's
    at least); without a strategy MindSpore 2.10 fails (its AttributeError, raised here too),
    and a strategy that splits parameters is not supported here.

    Args:
        src_dir (str): The ranks' folder.
        src_strategy_file (str): The training's strategy file.
        dst_dir (str): The folder to write.
        merge_with_redundancy, file_suffix, max_process_num, choice_func, split_dst_file:
            MindSpore's other options.

    Raises:
        TypeError: A path that is not a str.
        ValueError: A rank's files are missing.
        AttributeError: No strategy.
        RuntimeError: The strategy splits parameters (not supported here).

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> try:
        ...     ms.unified_safetensors(tempfile.mkdtemp(), None, tempfile.mkdtemp())
        ... except ValueError as e:
        ...     print(e)
        The safetensor file of rank0 is needed for converting rank[0]'s safetensor, but it is missing.
    """
    if os.path.isfile(src_dir):
        raise ValueError("For 'unified_safetensors', the 'src_dir' can not be a file.")
    src = os.fspath(src_dir)
    if src_strategy_file is not None:
        os.fspath(src_strategy_file)
    rank0 = os.path.join(src, "rank_0")
    if not os.path.isdir(rank0) or not any(f.endswith(".safetensors") for f in os.listdir(rank0)):
        raise ValueError("The safetensor file of rank0 is needed for converting rank[0]'s "
                         "safetensor, but it is missing.")
    if src_strategy_file is None:
        raise AttributeError("'NoneType' object has no attribute 'keys'")
    _strategies("unified_safetensors", src_strategy_file)
    raise IndexError(_EMPTY_STRATEGY)


def parameter_broadcast(net, layout, cur_rank=0, initial_rank=0):
    """Broadcasts the parameters of `net` from the first rank of each pipeline stage to the other
    ranks of its data-parallel group. One process has no other rank: nothing is sent, as
    MindSpore 2.10 does on CPU.

    Args:
        net (Cell): The network.
        layout (dict): The parameters' layouts (``Cell.parameter_layout_dict``).
        cur_rank (int, optional): This rank. Default: ``0``.
        initial_rank (int, optional): The first rank of this pipeline stage. Default: ``0``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(ms.parameter_broadcast(nn.Dense(2, 3), {}))
        None
    """
    return None


def sync_pipeline_shared_parameters(net):
    """Synchronizes the parameters that pipeline stages share (an embedding table used by the
    first and the last stage). One process holds every stage: there is nothing to send.

    Args:
        net (Cell): The inference network.

    Raises:
        TypeError: `net` is not a Cell.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> ms.parallel.sync_pipeline_shared_parameters(nn.Dense(2, 3))
    """
    from ..nn.cell import Cell
    if not isinstance(net, Cell):
        _log.critical("Failed to synchronize pipeline shared parameters.")
        raise DTypeError(f"For 'sync_pipeline_shared_parameters', the argument 'net' should be a "
                         f"Cell, but got {type(net)}.")


def _rank():
    from .._C import comm_is_initialized
    if not comm_is_initialized():
        return 0
    from ..communication.management import get_rank
    return get_rank()


def get_ckpt_path_with_strategy(cur_ckpt_path, cur_strategy_path):
    """The checkpoint this rank can load: `cur_ckpt_path` itself when it exists and names this
    rank (``rank_<id>``). Finding another rank's backup needs the strategy's layouts of a
    multi-device run (not supported here).

    Args:
        cur_ckpt_path (str): The checkpoint this rank needs.
        cur_strategy_path (str): This rank's strategy file.

    Returns:
        str, the checkpoint.

    Raises:
        TypeError: `cur_ckpt_path` is not a str.
        FileNotFoundError: The strategy file does not exist.
        RuntimeError: Looking for a backup among other ranks' checkpoints.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> path = os.path.join(tempfile.mkdtemp(), "rank_0", "net.ckpt")
        >>> os.makedirs(os.path.dirname(path))
        >>> ms.save_checkpoint(nn.Dense(2, 3), path)
        >>> print(ms.get_ckpt_path_with_strategy(path, "strategy.ckpt") == path)
        True
    """
    if not isinstance(cur_ckpt_path, str):
        raise DTypeError(f"argument of type '{type(cur_ckpt_path).__name__}' is not iterable")
    if f"rank_{_rank()}" in cur_ckpt_path and os.path.exists(cur_ckpt_path):
        return cur_ckpt_path
    if not isinstance(cur_strategy_path, str):
        raise AttributeError(f"'{type(cur_strategy_path).__name__}' object has no attribute 'items'")
    if not os.path.exists(cur_strategy_path):
        raise FileNotFoundError(f"[Errno 2] No such file or directory: '{cur_strategy_path}'")
    raise _unsupported("get_ckpt_path_with_strategy")
