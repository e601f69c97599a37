"""``mindspore.log``: MindSpore's logger, configured by its environment variables (``GLOG_v``: 0
debug, 1 info, 2 warning (the default), 3 error, 4 critical; ``GLOG_logtostderr``;
``GLOG_log_dir``...). ``get_level``/``get_log_config`` report them; ``debug`` ... ``critical``
write through Python's ``logging`` at that level, to stderr."""
import logging
import os
import sys

__all__ = ["get_level", "get_log_config", "debug", "info", "warning", "error", "critical"]

_LEVELS = {"0": logging.DEBUG, "1": logging.INFO, "2": logging.WARNING, "3": logging.ERROR, "4": logging.CRITICAL}
_OPTIONS = ("GLOG_log_dir", "logger_maxBytes", "logger_backupCount", "GLOG_stderrthreshold",  # MindSpore's order
            "GLOG_log_format")


def get_level():
    """The log level, ``GLOG_v`` as a string (``'2'``, warnings, when it is not set).

    Returns:
        str.

    Examples:
        >>> import mindspore as ms
        >>> ms.get_level() in ('0', '1', '2', '3', '4')
        True
    """
    level = os.environ.get("GLOG_v", "2")
    return level if level in _LEVELS else "2"


def get_log_config():
    """The logger's configuration: ``GLOG_v`` and ``GLOG_logtostderr`` (``'1'``, to stderr, by
    default), and the other ``GLOG_*``/``logger_*`` variables that are set.

    Returns:
        dict[str, str].

    Examples:
        >>> import mindspore as ms
        >>> sorted(ms.get_log_config())[:2]
        ['GLOG_logtostderr', 'GLOG_v']
    """
    config = {"GLOG_v": get_level(), "GLOG_logtostderr": os.environ.get("GLOG_logtostderr", "1")}
    config.update({k: os.environ[k] for k in _OPTIONS if k in os.environ})
    return config


class _StderrHandler(logging.StreamHandler):
    """A handler writing to the ``sys.stderr`` of the moment: a caller may swap it (pytest's
    capture, a redirection), and a stream kept from the first use would go stale."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def _logger():
    logger = logging.getLogger("mindspore")
    if not logger.handlers:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("[%(levelname)s] ME(%(process)d): %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(_LEVELS[get_level()])
    return logger


def debug(msg, *args, **kwargs):
    """Logs `msg` (``%``-formatted with `args`) at the debug level."""
    _logger().debug(msg, *args, **kwargs)


def info(msg, *args, **kwargs):
    """Logs `msg` at the info level."""
    _logger().info(msg, *args, **kwargs)


def warning(msg, *args, **kwargs):
    """Logs `msg` at the warning level."""
    _logger().warning(msg, *args, **kwargs)


def error(msg, *args, **kwargs):
    """Logs `msg` at the error level."""
    _logger().error(msg, *args, **kwargs)


def critical(msg, *args, **kwargs):
    """Logs `msg` at the critical level."""
    _logger().critical(msg, *args, **kwargs)
