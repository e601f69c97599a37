"""``mindspore.train.serialization``: the module MindSpore's saving and loading functions live in
(code written for MindSpore 1.x imports them from here)."""
from .._checkpoint import load_checkpoint, load_param_into_net, save_checkpoint
from .._mindir import export, load
from ._tools import ckpt_to_safetensors, load_checkpoint_async, safetensors_to_ckpt

__all__ = ["save_checkpoint", "load_checkpoint", "load_param_into_net", "export", "load",
           "ckpt_to_safetensors", "safetensors_to_ckpt", "load_checkpoint_async"]
