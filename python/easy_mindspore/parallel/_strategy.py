"""The sharding-strategy files of auto parallel (MindSpore's ``node_strategy.proto``, or its JSON
form) and the files of communication groups: ``build_searched_strategy`` reads a strategy file,
``merge_pipeline_strategys`` merges the files of a pipeline's stages, ``restore_group_info_list``
reads the ranks a group file keeps. The messages are protobuf's, made from the schema below by
``_protobuf`` (Google's ``protobuf`` package, which MindSpore's installations have; these
functions raise a RuntimeError without it), so they print and parse as MindSpore's do."""
import json
import os

from .. import _protobuf
from .._errors import ComputeError, DTypeError

__all__ = ["build_searched_strategy", "merge_pipeline_strategys", "restore_group_info_list"]

_SCHEMA = {
    "DevMatrix": "1 dim *uint32",
    "TensorMap": "1 dim *int32",
    "ParamSplitShape": "1 dim *int64",
    "IndicesOffset": "1 dim *int64",
    "ParallelStrategy": "1 dim *uint32",
    "ParallelStrategys": "1 stage uint32\n2 parallel_strategy *ParallelStrategy",
    "ParallelStrategyItem": "1 node_name string\n2 parallel_strategys ParallelStrategys",
    "ParallelLayouts": """
        1 dev_matrix *DevMatrix
        2 tensor_map *TensorMap
        3 param_split_shape *ParamSplitShape
        4 indices_offset *IndicesOffset
        5 field int32
        6 opt_weight_shard_step int32
        7 opt_weight_shard_size int32""",
    "ParallelLayoutItem": "1 param_name string\n2 parallel_layouts ParallelLayouts",
    "ParallelStrategyMap": """
        1 current_stage uint32
        2 parallel_strategy_item *ParallelStrategyItem
        3 parallel_layout_item *ParallelLayoutItem""",
    "ParallelGroupRanks": "1 dim *uint32",
    "ParallelGroupItem": "1 group_name string\n2 parallel_group_ranks ParallelGroupRanks",
    "ParallelGroupMap": "1 parallel_group_item *ParallelGroupItem\n2 ckpt_restore_rank_list ParallelGroupRanks",
}
_CLASSES = {}
_WHO = "build_searched_strategy"


def _message(name, who=_WHO):
    """A new message of the strategy schema (the classes made on first use)."""
    if not _CLASSES:
        _CLASSES.update(_protobuf.build(who, "mindspore.straspb", "node_strategy_pb2", _SCHEMA))
    return _CLASSES[name]()


def _check_strategy_file(name, who=_WHO, arg="strategy_filename"):
    if not isinstance(name, str):
        raise DTypeError(f"For '{who}', the argument '{arg}' should be string, but got {type(name)}.")
    if not os.path.isfile(name):
        raise ValueError(f"For '{who}', no such strategy file: {name}. Please check whether the "
                         f"'{arg}' exists.")
    if os.path.getsize(name) == 0:
        raise ValueError(f"For '{who}', the strategy file {name} should not be empty. Please check "
                         f"whether the '{arg}' is correct.")


def _read_map(name):
    """The strategy map of a protobuf strategy file."""
    message = _message("ParallelStrategyMap")
    with open(name, "rb") as f:
        data = f.read()
    try:
        message.ParseFromString(data)
    except _protobuf.decode_error():
        raise DTypeError("The strategy file type should be one of json or protobuf. When the file "
                         "name extension is not '.json', the file is considered as a protobuf "
                         "file.") from None
    return message


def _layouts_from_json(entry):
    layouts = _message("ParallelLayouts")
    for key in ("field", "opt_weight_shard_size", "opt_weight_shard_step"):
        setattr(layouts, key, entry.get(key))
    for key in ("dev_matrix", "tensor_map"):
        values = entry.get(key)
        if values is None:
            raise DTypeError("'NoneType' object is not iterable")
        getattr(layouts, key).add().dim.extend(values)
    for key in ("param_split_shape", "indices_offset"):
        getattr(layouts, key).add().dim.extend(entry.get(key, []))
    return layouts


def build_searched_strategy(strategy_filename):
    """The sharding layout of each parameter in a strategy file (protobuf, or JSON when the name
    ends with ``.json``), as MindSpore's ``ParallelLayouts`` messages (``dev_matrix``,
    ``tensor_map``, ``param_split_shape``, ``indices_offset``, ``field``...).

    Args:
        strategy_filename (str): The strategy file.

    Returns:
        dict, parameter name -> ParallelLayouts.

    Raises:
        TypeError: `strategy_filename` is not a str, or the file is not a strategy file.
        ValueError: The file does not exist or is empty.

    Examples:
        >>> import json, os, tempfile
        >>> import mindspore as ms
        >>> path = os.path.join(tempfile.mkdtemp(), "strategy.json")
        >>> layout = {"dev_matrix": [2, 1], "tensor_map": [1, -1], "param_split_shape": [2, 3],
        ...           "indices_offset": [0, 0], "field": 0, "opt_weight_shard_step": 0,
        ...           "opt_weight_shard_size": 0}
        >>> with open(path, "w") as f:
        ...     json.dump({"parallel_layout_item": {"w": layout}}, f)
        >>> strategy = ms.build_searched_strategy(path)
        >>> print(list(strategy["w"].dev_matrix[0].dim), list(strategy["w"].tensor_map[0].dim))
        [2, 1] [1, -1]
    """
    _check_strategy_file(strategy_filename)
    if strategy_filename.endswith(".json"):
        with open(strategy_filename) as f:
            data = json.load(f)
        if "parallel_layout_item" not in data:
            return {}
        return {name: _layouts_from_json(entry)
                for name, entry in data["parallel_layout_item"].items()}
    message = _read_map(strategy_filename)
    return {item.param_name: item.parallel_layouts for item in message.parallel_layout_item}


def merge_pipeline_strategys(src_strategy_dirs, dst_strategy_file):
    """Merges the strategy files of a pipeline's stages (every ``.ckpt`` file in
    `src_strategy_dirs`) into one: each parameter's layout is kept under
    ``"<stage>-<name>"``, and each node's strategy once, as MindSpore 2.10 merges them.

    Args:
        src_strategy_dirs (str): The folder of the stages' strategy files.
        dst_strategy_file (str): The merged file.

    Raises:
        NotADirectoryError: `src_strategy_dirs` is not a folder.
        ValueError: The folder mixes ``.ckpt`` and ``.json`` files, or a file has no layout.

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> src = tempfile.mkdtemp()
        >>> dst = os.path.join(tempfile.mkdtemp(), "merged.ckpt")
        >>> ms.merge_pipeline_strategys(src, dst)
        >>> print(open(dst).read())
        {"current_stage": 1, "parallel_strategy_item": {}, "parallel_layout_item": {}}
    """
    if not isinstance(src_strategy_dirs, str) or not os.path.isdir(src_strategy_dirs):
        raise NotADirectoryError(f"src_strategy_dirs {src_strategy_dirs} is not a directory.")
    files = [os.path.join(src_strategy_dirs, n) for n in os.listdir(src_strategy_dirs)
             if os.path.isfile(os.path.join(src_strategy_dirs, n))]
    ckpts = [f for f in files if f.endswith(".ckpt")]
    jsons = [f for f in files if f.endswith(".json")]
    if ckpts and jsons:
        raise ValueError("The strategys format should be all '.ckpt' or all '.json'")
    if jsons:
        raise ComputeError("merge_pipeline_strategys: merging JSON strategy files is not supported "
                           "here; save the stages' strategies as '.ckpt' (protobuf) files.")
    if not ckpts:
        with open(dst_strategy_file, "w") as f:
            f.write(json.dumps({"current_stage": 1, "parallel_strategy_item": {},
                                "parallel_layout_item": {}}))
        return
    nodes, layouts = {}, {}
    for name in ckpts:
        message = _read_map(name)
        if not message.parallel_layout_item:
            raise ValueError(f"The strategy file {name} is empty")
        for item in message.parallel_strategy_item:
            nodes[item.node_name] = item
        for item in message.parallel_layout_item:
            layouts[f"{message.current_stage}-{item.param_name}"] = item.parallel_layouts
    merged = _message("ParallelStrategyMap", "merge_pipeline_strategys")
    merged.current_stage = 1
    for item in nodes.values():
        merged.parallel_strategy_item.append(item)
    for key, value in layouts.items():
        merged.parallel_layout_item.add(param_name=key, parallel_layouts=value)
    with open(dst_strategy_file, "wb") as f:
        f.write(merged.SerializeToString())


def restore_group_info_list(group_info_file_name):
    """The ranks a communication-group file (``GROUP_INFO_FILE``) keeps for restoring a
    checkpoint.

    Args:
        group_info_file_name (str): The group file.

    Returns:
        list[int], the ranks.

    Raises:
        TypeError: `group_info_file_name` is not a str.
        ValueError: The file does not exist or is empty.
        DecodeError: The file is not a protocol buffer (protobuf's exception class, no ValueError).

    Examples:
        >>> import os, tempfile
        >>> import mindspore as ms
        >>> path = os.path.join(tempfile.mkdtemp(), "group_info.pb")
        >>> with open(path, "wb") as f:
        ...     _ = f.write(bytes([0x12, 0x05, 0x0a, 0x03, 0x00, 0x02, 0x04]))
        >>> print(ms.restore_group_info_list(path))
        [0, 2, 4]
    """
    who = "restore_group_info_list"
    if not isinstance(group_info_file_name, str):
        raise DTypeError(f"For '{who}', the argument 'group_info_file_name' should be str, but got "
                         f"{type(group_info_file_name)}.")
    if not os.path.isfile(group_info_file_name):
        raise ValueError(f"For '{who}', no such group information file: {group_info_file_name}.")
    if os.path.getsize(group_info_file_name) == 0:
        raise ValueError(f"For '{who}', the group information file should not be empty.")
    message = _message("ParallelGroupMap", who)
    with open(group_info_file_name, "rb") as f:
        message.ParseFromString(f.read())
    return list(message.ckpt_restore_rank_list.dim)
