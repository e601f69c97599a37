"""The parameter-server context of ``mindspore.context`` (``set_ps_context``, ``get_ps_context``,
``reset_ps_context``; MindSpore deprecates it), kept as MindSpore 2.10's CPU build keeps it:
values checked as its C++ setters check them, and ``enable_ps=True`` reading the cluster from the
environment (``MS_ROLE``, ``MS_WORKER_NUM``, ``MS_SERVER_NUM``, ``MS_SCHED_HOST``,
``MS_SCHED_PORT``). This engine runs no parameter server: the context is only read back."""
import os
import re

from . import _bind_errors as _bind
from ._errors import ComputeError, DTypeError

__all__ = ["set_ps_context", "get_ps_context", "reset_ps_context"]

_NATIVE = _bind.Native("PSContext")
_ROLES = ("MS_SCHED", "MS_SERVER", "MS_PSERVER", "MS_WORKER")
_state = {"enable_ps": False, "config_file_path": "", "enable_ssl": False, "ms_role": "MS_NOT_PS",
          "worker_num": 0, "server_num": 0, "scheduler_ip": "127.0.0.1", "scheduler_port": 6667}
# How each key converts: (C++ argument type, converter); ``client_password`` and
# ``server_password`` are taken and not kept, as in MindSpore (get_ps_context does not know them).
_SETTERS = {
    "config_file_path": ("str", _bind.as_str), "enable_ssl": ("bool", _bind.as_bool),
    "client_password": ("str", _bind.as_str), "server_password": ("str", _bind.as_str),
    "ms_role": ("str", _bind.as_str),
    "worker_num": ("int", lambda v: _bind.as_int(v, 0, 1 << 32)),
    "server_num": ("int", lambda v: _bind.as_int(v, 0, 1 << 32)),
    "scheduler_ip": ("str", _bind.as_str),
    "scheduler_port": ("int", lambda v: _bind.as_int(v, 0, 1 << 16)),
}


def _env_int(name):
    """An environment variable read as C's ``atoi`` does (its leading digits; 0 otherwise)."""
    m = re.match(r"\s*[+-]?\d+", os.environ.get(name, ""))
    return max(int(m.group()), 0) if m else 0


def _enable(on):
    _state["enable_ps"] = on
    _state["ms_role"] = "MS_NOT_PS"
    if not on:
        return
    role = os.environ.get("MS_ROLE", "")
    if role in _ROLES:
        _state["ms_role"] = role
    _state["worker_num"] = _env_int("MS_WORKER_NUM")
    _state["server_num"] = _env_int("MS_SERVER_NUM")
    _state["scheduler_ip"] = os.environ.get("MS_SCHED_HOST", "")
    _state["scheduler_port"] = _env_int("MS_SCHED_PORT") & 0xFFFF


def set_ps_context(**kwargs):
    """Sets the parameter-server context, as MindSpore 2.10 keeps it (this engine trains
    without a parameter server: the values are only read back by :func:`get_ps_context`).

    ``enable_ps=True`` reads the role, the numbers of workers and servers and the scheduler's
    address from the environment variables ``MS_ROLE``, ``MS_WORKER_NUM``, ``MS_SERVER_NUM``,
    ``MS_SCHED_HOST`` and ``MS_SCHED_PORT``; the other keys are kept as given. Keys are set in
    order, after every ``enable_ps`` has passed its type check.

    Args:
        kwargs: ``enable_ps`` (bool), ``config_file_path`` (str), ``enable_ssl`` (bool),
            ``client_password`` and ``server_password`` (str), ``ms_role`` (one of 'MS_SCHED',
            'MS_SERVER', 'MS_PSERVER', 'MS_WORKER'), ``worker_num``, ``server_num`` (int),
            ``scheduler_ip`` (str) and ``scheduler_port`` (int).

    Raises:
        TypeError: A value of the wrong type.
        ValueError: An unknown key.
        RuntimeError: An unknown ``ms_role``.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_ps_context(enable_ssl=True, config_file_path="/tmp/ps.json")
        >>> print(ms.get_ps_context("enable_ssl"), ms.get_ps_context("config_file_path"))
        True /tmp/ps.json
        >>> ms.set_ps_context(enable_ssl=False, config_file_path="")
    """
    value = kwargs.get("enable_ps")
    if value is not None and not isinstance(value, bool):
        raise DTypeError(f"The parameter 'enable_ps' must be {bool}, but got {type(value)}")
    for key, value in kwargs.items():
        if key == "enable_ps":
            _enable(bool(value))
            continue
        if key not in _SETTERS:
            raise ValueError(f"Set PS context keyword {key} is not recognized!")
        kind, convert = _SETTERS[key]
        converted = convert(value)
        if converted is None:
            raise _bind.incompatible(f"set_{key}", f"self: mindspore._c_expression.PSContext, "
                                     f"arg0: {kind}", (_NATIVE, value))
        if key == "ms_role":
            if converted not in _ROLES:
                raise ComputeError(f"ms_role {converted} is invalid.")
            continue
        if key in _state:
            _state[key] = converted


def get_ps_context(attr_key):
    """The value of a parameter-server context key (see :func:`set_ps_context`).

    Args:
        attr_key (str): ``enable_ps``, ``config_file_path``, ``enable_ssl``, ``ms_role``,
            ``worker_num``, ``server_num``, ``scheduler_ip`` or ``scheduler_port``.

    Returns:
        The value.

    Raises:
        ValueError: An unknown key.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.get_ps_context("enable_ps"), ms.get_ps_context("ms_role"))
        False MS_NOT_PS
    """
    if not isinstance(attr_key, str) or attr_key not in _state:
        raise ValueError(f"Get PS context keyword {attr_key} is not recognized!")
    return _state[attr_key]


def reset_ps_context():
    """Turns the parameter server off (``enable_ps`` False, ``ms_role`` 'MS_NOT_PS'); the other
    keys keep their values, as in MindSpore 2.10.

    Examples:
        >>> import mindspore as ms
        >>> ms.reset_ps_context()
        >>> print(ms.get_ps_context("enable_ps"))
        False
    """
    _enable(False)
