"""``mindspore.JitConfig`` (MindSpore's ``mindspore.graph.jit_config``): the compile options a Cell
carries (``Cell.set_jit_config``), and ``set_recursion_limit``. MindSpore chooses its
optimisation level, execution mode and syntax level with them; here every level runs the same
traced graphs (``mindspore.jit``), so the options are validated and kept in
``jit_config_dict`` as MindSpore keeps them, and change no result."""
import sys

from .._errors import DTypeError, ShapeError

__all__ = ["JitConfig", "set_recursion_limit"]

_CHOICES = {
    "jit_level": ("", "O0", "O1", "O2"),
    "exc_mode": ("auto", "sink", "no_sink"),
    "jit_syntax_level": ("", "STRICT", "COMPATIBLE", "LAX"),
    "debug_level": ("RELEASE", "DEBUG"),
    "infer_boost": ("", "on", "off"),
}


class JitConfig:
    """MindSpore's ``JitConfig(jit_level='', exc_mode='auto', jit_syntax_level='',
    debug_level='RELEASE', infer_boost='off', **kwargs)``: compile options, kept in
    ``jit_config_dict`` (with the extra keyword options, and ``backend`` ``'ms_backend'`` for
    ``O0``/``O1``, ``'GE'`` for ``O2``, as MindSpore 2.10 fills it in).

    Args:
        jit_level (str, optional): ``''``, ``'O0'``, ``'O1'`` or ``'O2'``. Default: ``''``.
        exc_mode (str, optional): ``'auto'``, ``'sink'`` or ``'no_sink'``. Default: ``'auto'``.
        jit_syntax_level (str, optional): ``''``, ``'STRICT'``, ``'COMPATIBLE'`` or ``'LAX'``.
            Default: ``''``.
        debug_level (str, optional): ``'RELEASE'`` or ``'DEBUG'``. Default: ``'RELEASE'``.
        infer_boost (str, optional): ``'on'`` or ``'off'``. Default: ``'off'``.
        **kwargs (object): Further options, kept as given.

    Raises:
        ValueError: An option outside its choices.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.JitConfig(jit_level="O1").jit_config_dict)
        {'jit_level': 'O1', 'exc_mode': 'auto', 'jit_syntax_level': '', 'debug_level': 'RELEASE', 'infer_boost': 'off', 'backend': 'ms_backend'}
    """

    def __init__(self, jit_level="", exc_mode="auto", jit_syntax_level="", debug_level="RELEASE",
                 infer_boost="off", **kwargs):
        kwargs.pop("suppress_infer_boost_warning", None)
        given = {"jit_level": jit_level, "exc_mode": exc_mode, "jit_syntax_level": jit_syntax_level,
                 "debug_level": debug_level, "infer_boost": infer_boost}
        for name, value in given.items():
            if value not in _CHOICES[name]:
                choices = [c for c in _CHOICES[name] if c]
                raise ShapeError(f"For 'JitConfig', '{name}' must be one of {choices}, but got {value!r}.")
        self.jit_config_dict = dict(kwargs)
        self.jit_config_dict.update(given)
        if "backend" not in self.jit_config_dict and jit_level:
            self.jit_config_dict["backend"] = "GE" if jit_level == "O2" else "ms_backend"


def set_recursion_limit(recursion_limit=1000):
    """Allows function calls nested `recursion_limit` deep while a function is traced
    (``mindspore.jit``): Python's recursion limit is raised to it when it is lower (never
    lowered).

    Args:
        recursion_limit (int, optional): The depth, positive. Default: ``1000``.

    Raises:
        TypeError: If `recursion_limit` is not an int.
        ValueError: If it is not positive.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_recursion_limit(10000)
    """
    if isinstance(recursion_limit, bool) or not isinstance(recursion_limit, int):
        raise DTypeError(f"For 'set_recursion_limit', the input value must be int, but got "
                         f"'{type(recursion_limit).__name__}'.")
    if recursion_limit <= 0:
        raise ShapeError(f"For 'set_recursion_limit', the input value must be int and must > 0, but got "
                         f"'{recursion_limit}'.")
    if sys.getrecursionlimit() < recursion_limit:
        sys.setrecursionlimit(recursion_limit)
