"""``mindspore._extends.parse``: holds ``compile_config``."""
from . import compile_config

__all__ = ["compile_config"]
