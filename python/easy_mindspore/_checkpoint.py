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

from . import _C
from ._C import Parameter, Tensor
from ._errors import DTypeError, ShapeError

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


def save_checkpoint(save_obj, ckpt_file_name, integrated_save=True, async_save=False,
                    append_dict=None, enc_key=None, enc_mode="AES-GCM", choice_func=None,
                    format="ckpt", **_ignored):
    """Saves a Cell's parameters (or a list of Parameters, of ``{'name', 'data'}`` dicts, or a
    dict name → Tensor). A ``.safetensors`` file name or ``format='safetensors'`` writes
    safetensors; otherwise MindSpore's ``.ckpt`` (the suffix is added when missing, as MindSpore
    does)."""
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
    _C.save_checkpoint(named, path, format)


def load_checkpoint(ckpt_file_name, net=None, strict_load=False, filter_prefix=None,
                    dec_key=None, dec_mode="AES-GCM", specify_prefix=None, choice_func=None,
                    **_ignored):
    """A dict name → Parameter of a ``.ckpt`` or safetensors file (the format is recognised from
    the content). With ``net``, the values are also loaded into it."""
    if dec_key is not None:
        raise ShapeError("For 'load_checkpoint', decryption (dec_key) is not supported")
    named = _C.load_checkpoint(_os.fspath(ckpt_file_name))
    if filter_prefix is not None:
        prefixes = (filter_prefix,) if isinstance(filter_prefix, str) else tuple(filter_prefix)
        named = [(n, t) for n, t in named if not n.startswith(prefixes)]
    if specify_prefix is not None:
        prefixes = (specify_prefix,) if isinstance(specify_prefix, str) else tuple(specify_prefix)
        named = [(n, t) for n, t in named if n.startswith(prefixes)]
    if choice_func is not None:
        named = [(n, t) for n, t in named if choice_func(n)]
    # Strings (``append_dict`` entries MindSpore saved) stay strings, as MindSpore loads them.
    out = {n: t if isinstance(t, str) else Parameter(t, name=n) for n, t in named}
    if net is not None:
        load_param_into_net(net, out, strict_load)
    return out


def load_param_into_net(net, parameter_dict, strict_load=False):
    """Assigns each parameter of ``net`` the dict's value of the same dotted name. Every name,
    shape and dtype is checked before anything is assigned. Returns ``(param_not_load,
    ckpt_not_load)``: the net's parameters missing from the dict, and the dict's names the net
    does not have."""
    from .nn.cell import Cell

    if not isinstance(net, Cell):
        raise DTypeError(f"For 'load_param_into_net', net must be a Cell, but got {type(net).__name__}")
    if not isinstance(parameter_dict, dict):
        raise DTypeError("For 'load_param_into_net', parameter_dict must be a dict, but got "
                         f"{type(parameter_dict).__name__}")
    items = []
    for n, v in parameter_dict.items():
        if not isinstance(v, str):  # a string entry is never a parameter: it is not loaded
            items.append((n, v if isinstance(v, Tensor) else Tensor(v)))
    own = [(p.name, p) for _, p in net.parameters_and_names()]  # matched by name, as MindSpore
    param_not_load, not_loaded = _C.load_param_into_net(own, items,
                                                        bool(strict_load))
    not_loaded = set(not_loaded)
    return param_not_load, [n for n, v in parameter_dict.items()
                            if n in not_loaded or isinstance(v, str)]
