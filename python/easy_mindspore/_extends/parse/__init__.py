"""``mindspore._extends.parse``: holds ``compile_config`` and ``standard_method``."""
from . import compile_config, standard_method

__all__ = ["compile_config", "standard_method"]
