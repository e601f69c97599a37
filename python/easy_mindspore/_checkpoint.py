"""``save_checkpoint``, ``load_checkpoint`` and ``load_param_into_net`` (MindSpore's names).

Both formats are the Rust ones (``easy_mindspore::nn::checkpoint``): MindSpore's protobuf
``.ckpt`` and safetensors, written atomically (a temporary file with an unpredictable name beside
the target, flushed, then renamed: a crash leaves the old file or the new one, and the next save
removes a killed save's leftover ``.<name>.tmp*`` file once it is a minute old) and read
all-or-nothing (a truncated, corrupt or oversized file is a ``ShapeError``, a ``ValueError``,
naming the file). Safetensors files list their tensors by dtype alignment, then by name, as
MindSpore's do; ``.ckpt`` files keep the order they were saved in.
"""
import os as _os
import warnings as _warnings

from . import _C
from ._C import Parameter, Tensor
from . import log as _log
from ._errors import ComputeError, DTypeError, ShapeError

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net"]


def _named(save_obj):
    """``(name, Tensor)`` pairs from a Cell, a list of Parameters / dicts, or a dict."""
    from .nn.cell import Cell

    if isinstance(save_obj, Cell):  # by the Parameters' names, as MindSpore saves them
        return [(p.name, p) for _, p in save_obj.parameters_and_names()]
    if isinstance(save_obj, dict):
        items = list(save_obj.items())
    elif isinstance(save_obj, (list, tuple)):
        items = []
        for i, e in enumerate(save_obj):
            if isinstance(e, Parameter):
                items.append((e.name, e))
            elif isinstance(e, dict) and "name" in e and "data" in e:
                items.append((e["name"], e["data"]))
            else:
                raise DTypeError(f"For 'save_checkpoint', element {i} of the list must be a Parameter or "
                                 f"a dict with 'name' and 'data', but got {type(e).__name__}")
    else:
        raise DTypeError("For 'save_checkpoint', save_obj must be a Cell, a list or a dict, but got "
                         f"{type(save_obj).__name__}")
    out = []
    for n, v in items:
        if not isinstance(n, str):
            raise DTypeError(f"For 'save_checkpoint', names must be str, got {type(n).__name__}")
        out.append((n, _entry(v)))
    return out


def _entry(v):
    """A value to save: a Tensor, or a str (MindSpore saves ``append_dict`` strings in
    ``.ckpt`` files)."""
    return v if isinstance(v, (Tensor, str)) else Tensor(v)


def _check_bool_flag(name, value):
    """MindSpore's check of ``crc_check`` / ``remove_redundancy`` (a ValueError, as its
    ``Validator.check_isinstance`` raises)."""
    if not isinstance(value, bool):
        raise ShapeError(f"The parameter '{name}' must be isinstance of <class 'bool'>, but got "
                         f"{value!r}.")


def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True, async_save=False,
                    append_dict=None, enc_key=None, enc_mode="AES-GCM", choice_func=None,
                    crc_check=False, format="ckpt", **kwargs):
    """Saves a network's parameters (or a list or dict of values) to a checkpoint file.

    A ``.safetensors`` file name or ``format='safetensors'`` writes safetensors; otherwise
    MindSpore's protobuf ``.ckpt`` (the suffix is added when missing, as MindSpore does). The
    file is written atomically (see the module doc).

    Args:
        save_obj (Union[Cell, list, dict]): A Cell (its parameters, by their names), a list of
            Parameters or of dicts ``{'name': str, 'data': Tensor}``, or a dict name -> Tensor.
        ckpt_file_name (str): The file path.
        integrated_save (bool, optional): Whether to merge the split Tensors of automatic
            parallelism (one process here: nothing to merge). Default: ``True``.
        async_save (bool, optional): Whether to save asynchronously (the file is written before
            the call returns here). Default: ``False``.
        append_dict (dict, optional): Extra values saved with the parameters: name -> str, int,
            float, bool or Tensor. Default: ``None``.
        enc_key (Union[None, bytes], optional): An encryption key; encryption is not supported
            (a ValueError when given). Default: ``None``.
        enc_mode (str, optional): The encryption mode. Default: ``'AES-GCM'``.
        choice_func (function, optional): A function of a parameter's name; only the names it
            returns True for are saved. Default: ``None``.
        crc_check (bool, optional): Whether to write a CRC32 of the file's content, as
            MindSpore does (a ``.ckpt`` ends with ``crc_num`` and the number; safetensors keep it
            in their metadata), which ``load_checkpoint(crc_check=True)`` verifies.
            Default: ``False``.
        format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.
        kwargs (dict): Other MindSpore options (ignored).

    Returns:
        None.

    Raises:
        TypeError: `save_obj` not a Cell, list or dict, or holding a name that is not a str.
        ValueError: `crc_check` not a bool, an `enc_key`, a `format` other than ``'ckpt'`` or
            ``'safetensors'``, the file not writable.

    Examples:
        >>> import os, shutil, tempfile
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        >>> workdir = tempfile.mkdtemp()
        >>> path = os.path.join(workdir, "dense.ckpt")
        >>> ms.save_checkpoint(net, path, append_dict={"epoch_num": 3})
        >>> print(sorted(ms.load_checkpoint(path)))
        ['bias', 'epoch_num', 'weight']
        >>> shutil.rmtree(workdir)
    """
    _check_bool_flag("crc_check", crc_check)
    if enc_key is not None:
        raise ShapeError("For 'save_checkpoint', encryption (enc_key) is not supported")
    path = _os.fspath(ckpt_file_name)
    if format not in ("ckpt", "safetensors"):
        raise ShapeError(f"For 'save_checkpoint', format must be 'ckpt' or 'safetensors', got {format!r}")
    if path.endswith(".safetensors"):
        format = "safetensors"
    elif not path.endswith("." + format):
        path += "." + format
    named = _named(save_obj)
    if choice_func is not None:
        named = [(n, v) for n, v in named if choice_func(n)]
    for n, v in (append_dict or {}).items():
        named.append((n, _entry(v)))
    _C.save_checkpoint(named, path, format, crc_check)


def load_checkpoint(ckpt_file_name, net=None, strict_load=False, filter_prefix=None,
                    dec_key=None, dec_mode="AES-GCM", specify_prefix=None, choice_func=None,
                    crc_check=False, remove_redundancy=False, format="ckpt"):
    """Loads a checkpoint file into a dict name -> Parameter, and into `net` when given.

    The file may be MindSpore's ``.ckpt`` or safetensors: its content decides (MindSpore
    requires `format` to match the file's suffix). String values saved by ``append_dict`` load
    as strings.

    Args:
        ckpt_file_name (str): The file path.
        net (Cell, optional): A network to load the values into (by
            :func:`load_param_into_net`). Default: ``None``.
        strict_load (bool, optional): Passed to :func:`load_param_into_net`. Default: ``False``.
        filter_prefix (Union[str, list[str], tuple[str]], optional): Names starting with one of
            these are not loaded. Default: ``None``.
        dec_key (Union[None, bytes], optional): A decryption key; decryption is not supported
            (a ValueError when given). Default: ``None``.
        dec_mode (str, optional): The decryption mode. Default: ``'AES-GCM'``.
        specify_prefix (Union[str, list[str], tuple[str]], optional): Only the names starting
            with one of these are loaded. Default: ``None``.
        choice_func (function, optional): A function of a name; only the names it returns True
            for are loaded. Default: ``None``.
        crc_check (bool, optional): Whether to verify the CRC32 that ``save_checkpoint(...,
            crc_check=True)`` wrote (a ValueError when it differs; a warning when the file has
            none). Files are read all-or-nothing and checked for truncation and corruption
            anyway. Default: ``False``.
        remove_redundancy (bool, optional): Whether the checkpoint was saved with the redundancy
            of data parallelism removed. Default: ``False``.
        format (str, optional): ``'ckpt'`` or ``'safetensors'``. Default: ``'ckpt'``.

    Returns:
        dict, name -> Parameter (or str).

    Raises:
        ValueError: the file missing, truncated or corrupt; its CRC32 differing (with
            `crc_check`); `choice_func` failing; no value left after the filters;
            `crc_check` or `remove_redundancy` not a bool; a `format` other than ``'ckpt'`` or
            ``'safetensors'``; a `dec_key`.
        TypeError: `filter_prefix` or `specify_prefix` not a str or a list or tuple of str.

    Examples:
        >>> import os, shutil, tempfile
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> workdir = tempfile.mkdtemp()
        >>> path = os.path.join(workdir, "dense.ckpt")
        >>> ms.save_checkpoint(nn.Dense(2, 1, weight_init='ones', bias_init='zeros'), path)
        >>> param_dict = ms.load_checkpoint(path, choice_func=lambda name: name.startswith("weight"))
        >>> print(param_dict)
        {'weight': Parameter (name=weight, shape=(1, 2), dtype=Float32, requires_grad=True)}
        >>> print(param_dict["weight"].asnumpy())
        [[1. 1.]]
        >>> shutil.rmtree(workdir)
    """
    _check_bool_flag("crc_check", crc_check)
    _check_bool_flag("remove_redundancy", remove_redundancy)
    if format not in ("ckpt", "safetensors"):
        raise ShapeError(f"For 'load_checkpoint', the 'format' must be 'ckpt' or 'safetensors', but "
                         f"got {format!r}.")
    path = _os.fspath(ckpt_file_name)
    # MindSpore 2.10's checks and messages, in its order: the suffix, then the file's existence.
    # MindSpore also refuses a '.safetensors' file unless format='safetensors'; here either
    # suffix loads whatever `format` says (the file's own header tells them apart).
    if not path.endswith((".ckpt", ".safetensors")):
        raise ShapeError(f"For 'load_checkpoint', the checkpoint file format must same with "
                         f"'format', but got file_name:'{path}', format:'{format}'")
    if not _os.path.exists(path):
        raise ShapeError(f"For 'load_checkpoint', the checkpoint file: {_os.path.realpath(path)} "
                         f"does not exist, please check whether the 'ckpt_file_name' is correct.")
    if crc_check and not _C.check_checkpoint_crc(path):
        _warnings.warn("For 'load_checkpoint', the ckpt file do not contain the crc code, please "
                       "check the file.", stacklevel=2)
    filter_prefix, specify_prefix = _prefixes(filter_prefix), _prefixes(specify_prefix)
    named = _C.load_checkpoint(path)
    if filter_prefix is not None:
        named = [(n, t) for n, t in named if not n.startswith(filter_prefix)]
    if specify_prefix is not None:
        named = [(n, t) for n, t in named if n.startswith(specify_prefix)]
    if choice_func is not None:
        try:
            named = [(n, t) for n, t in named if choice_func(n)]
        except Exception as e:  # MindSpore reports any failure of the filter as the load's
            real = _os.path.realpath(path)
            _log.critical(f"Failed to load the checkpoint file '{real}'.")
            raise ShapeError(f"{e}\nFor 'load_checkpoint', failed to load the checkpoint file "
                             f"{real}.") from e
    # Strings (``append_dict`` entries MindSpore saved) stay strings, as MindSpore loads them.
    out = {n: t if isinstance(t, str) else Parameter(t, name=n) for n, t in named}
    if not out:
        raise ShapeError("The loaded parameter dict is empty after filter or specify, please check "
                         "whether 'filter_prefix' or 'specify_prefix' are set correctly.")
    if net is not None:
        load_param_into_net(net, out, strict_load)
    return out


def _prefixes(prefix):
    """A `filter_prefix` / `specify_prefix` as a tuple of str (None stays None), with
    MindSpore's TypeError for another type."""
    if prefix is None:
        return None
    prefixes = (prefix,) if isinstance(prefix, str) else prefix
    if not isinstance(prefixes, (list, tuple)) or not all(isinstance(p, str) for p in prefixes):
        raise DTypeError("For 'load_checkpoint', the type of 'specify_prefix' or 'filter_prefix' "
                         f"must be string, list[string] or tuple[string], but got {type(prefix)}.")
    return tuple(prefixes)


def load_param_into_net(net, parameter_dict, strict_load=False, remove_redundancy=False):
    """Loads the values of a dict into the parameters of a network, matched by name.

    Every name, shape and dtype is checked before anything is assigned (all or nothing). String
    values (``append_dict`` entries) are never loaded.

    Args:
        net (Cell): The network.
        parameter_dict (dict): Name -> Parameter (or Tensor), as :func:`load_checkpoint`
            returns (string and list entries are not loaded).
        strict_load (bool, optional): Whether a value must have the parameter's dtype exactly;
            when False, a float value is converted to a float parameter's dtype and a signed
            integer one to a signed integer parameter's. Either way a parameter the dict lacks
            is left as it is, named in the warning and the result. Default: ``False``.
        remove_redundancy (bool, optional): Whether the checkpoint was saved with the redundancy
            of data parallelism removed. Default: ``False``.

    Returns:
        - param_not_load (list[str]), the network's parameters the dict does not have.
        - ckpt_not_load (list[str]), the dict's names the network does not have (or not loaded).

    Raises:
        TypeError: `net` not a Cell, `parameter_dict` not a dict or holding a value that is
            not a Parameter (or Tensor), a str or a list.
        ValueError: `remove_redundancy` not a bool.
        RuntimeError: a value of another shape, or of a dtype that is not converted.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1)
        >>> values = {"weight": ms.Parameter(ms.Tensor([[1.0, 2.0]]), name="weight"),
        ...           "step": ms.Parameter(ms.Tensor(3), name="step")}
        >>> param_not_load, ckpt_not_load = ms.load_param_into_net(net, values)
        >>> print(param_not_load, ckpt_not_load)
        ['bias'] ['step']
        >>> print(net.weight.asnumpy())
        [[1. 2.]]
    """
    _check_bool_flag("remove_redundancy", remove_redundancy)
    from .nn.cell import Cell

    if not isinstance(net, Cell):
        raise DTypeError(f"For 'load_param_into_net', net must be a Cell, but got {type(net).__name__}")
    if not isinstance(parameter_dict, dict):
        raise DTypeError("For 'load_param_into_net', parameter_dict must be a dict, but got "
                         f"{type(parameter_dict).__name__}")
    items = []
    for n, v in parameter_dict.items():
        # MindSpore takes Parameters, and strings and lists (``append_dict`` entries), which
        # are never loaded; a Tensor is taken here too (MindSpore refuses it), as this
        # package's own callbacks restore Tensors.
        if not isinstance(n, str) or not isinstance(v, (Tensor, str, list)):
            _log.critical("Load parameters into net failed.")
            raise DTypeError("For 'parameter_dict', the element in the argument 'parameter_dict' "
                             f"should be a 'str' and 'Parameter' , but got {type(n)} and "
                             f"{type(v)}.")
        if isinstance(v, Tensor):
            items.append((n, v))
    own = [(p.name, p) for _, p in net.parameters_and_names()]  # matched by name, as MindSpore
    _check_fits(own, dict(items), bool(strict_load))
    # Every value fits (checked above), so the Rust load assigns them all; a missing parameter is
    # not an error even with strict_load (MindSpore 2.10 warns and returns its name).
    param_not_load, not_loaded = _C.load_param_into_net(own, items, False)
    # A name the dict holds as a string or list entry is not reported missing (MindSpore's).
    param_not_load = [n for n in param_not_load if n not in parameter_dict]
    if param_not_load:
        _log.warning(f"For 'load_param_into_net', {len(param_not_load)} parameters in the 'net' "
                     "are not loaded, because they are not in the 'parameter_dict', please check "
                     "whether the network structure is consistent when training and loading "
                     "checkpoint.")
        _log.warning(f"{param_not_load} are not loaded.")
    not_loaded = set(not_loaded)
    return param_not_load, [n for n, v in parameter_dict.items()
                            if n in not_loaded or isinstance(v, (str, list))]


# The dtypes a value may be converted between when strict_load is False (MindSpore 2.10's
# ``_type_convert``: float to float, signed int to signed int).
_FLOATS = ("Float16", "BFloat16", "Float32", "Float64")
_INTS = ("Int8", "Int16", "Int32", "Int64")


def _check_fits(own, values, strict):
    """A RuntimeError naming the first parameter of ``own`` whose value in ``values`` has another
    shape, or another dtype that cannot be converted, as MindSpore 2.10 raises (before anything
    is assigned: the load is all or nothing)."""
    for name, p in own:
        v = values.get(name)
        if v is None:
            continue
        if tuple(p.shape) != tuple(v.shape):
            raise ComputeError(
                f"For 'load_param_into_net', {name} in the argument 'net' should have the same "
                f"shape as {name} in the argument 'parameter_dict'. But got its shape "
                f"{tuple(p.shape)} in the argument 'net' and shape {tuple(v.shape)} in the "
                f"argument 'parameter_dict'.")
        a, b = str(p.dtype), str(v.dtype)
        if a != b and (strict or not ({a, b} <= set(_FLOATS) or {a, b} <= set(_INTS))):
            raise ComputeError(
                f"For 'load_param_into_net', {name} in the argument 'net' should have the same "
                f"type as {name} in the argument 'parameter_dict', but got its type {a} in the "
                f"argument 'net' and type {b} in the argument 'parameter_dict'.")
