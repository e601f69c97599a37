"""``mindspore.tools``: the dump switch of cells and primitives (``set_dump``) and the Ascend
hardware checks (``stress_detect`` and the silent-data-corruption detection ``sdc_detect_*``),
as MindSpore 2.10's CPU build answers them: the dump flag is set (the CPU dumps nothing, with
MindSpore's warning), the corruption check is off (no corruption reported) and the stress test is
not supported."""
import warnings as _warnings

from .. import log as _log
from .._errors import ComputeError

__all__ = ["stress_detect", "sdc_detect_start", "sdc_detect_stop", "get_sdc_detect_result", "set_dump"]


def set_dump(target, enabled=True):
    """Marks a Cell (with its forward and backward operators) or a Primitive for the dump of
    MindSpore's Ascend graphs: a Cell gets the flag ``dump`` (``get_flags()``), a Primitive the
    attribute ``dump`` (``'true'`` or ``'false'``). Only Ascend dumps; on the CPU the flag is
    set and MindSpore's UserWarning says so.

    Args:
        target (Union[Cell, Primitive]): The cell or primitive.
        enabled (bool, optional): Whether to dump it. Default: ``True``.

    Raises:
        ValueError: `enabled` is not a bool, or `target` is not a Cell or Primitive.

    Examples:
        >>> import warnings
        >>> from mindspore import nn, ops
        >>> from mindspore.tools import set_dump
        >>> net = nn.Dense(2, 3)
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     set_dump(net)
        ...     set_dump(ops.Add(), False)
        >>> print(net.get_flags())
        {'dump': True}
    """
    from ..nn.cell import Cell
    from ..ops.operations import Primitive
    if not isinstance(enabled, bool):
        raise ValueError('The "enabled" parameter must be bool.')
    if not isinstance(target, (Cell, Primitive)):
        raise ValueError('The "target" parameter must be an instance of Cell or Primitive, but got '
                         f'an instance of {type(target)}.')
    _warnings.warn("Current device_target is CPU, which is not supported by set_dump. Only Ascend "
                   "device target is supported currently. If you have Ascend device, consider set "
                   "device_target to Ascend before calling set_dump.", UserWarning, stacklevel=2)
    if isinstance(target, Cell):
        target.add_flags(dump=enabled)
    else:
        target.add_prim_attr("dump", "true" if enabled else "false")


def stress_detect(detect_type="aic"):
    """Runs the Ascend stress test of the AI cores (``'aic'``) or of the HCCS links
    (``'hccs'``). The CPU has neither: ``'aic'`` is not supported (MindSpore's RuntimeError),
    ``'hccs'`` needs a distributed launch; another type logs MindSpore's error and returns 1.

    Args:
        detect_type (str, optional): ``'aic'`` or ``'hccs'``. Default: ``'aic'``.

    Returns:
        int, 1 for an unknown type.

    Raises:
        RuntimeError: The test cannot run here.

    Examples:
        >>> from mindspore.tools import stress_detect
        >>> try:
        ...     stress_detect()
        ... except RuntimeError as e:
        ...     print(e)
        Stress detection is not supported.
    """
    if detect_type not in ("aic", "hccs"):
        _log.error(f"For stress detect, detection type must be 'aic' or 'hccs'.But got {detect_type}. "
                   "Exiting stress detect.")
        return 1
    if detect_type == "hccs":
        raise ComputeError("Maybe you are trying to call 'mindspore.communication.init()' without "
                           "using 'mpirun', which will make MindSpore load several environment "
                           "variables and check their validation. Please use 'mpirun' to launch this "
                           "process to fix this issue, or refer to this link if you want to run "
                           "distributed training using 'msrun'")
    raise ComputeError("Stress detection is not supported.")


def sdc_detect_start():
    """Starts the detection of silent data corruption in MatMul (Ascend, with the environment
    variable ``MS_SDC_DETECT_ENABLE=1``). The CPU's check is off: MindSpore's warning says so
    and nothing is checked.

    Examples:
        >>> from mindspore.tools import sdc_detect_start, sdc_detect_stop
        >>> sdc_detect_start()
        >>> sdc_detect_stop()
    """
    _log.warning("CheckSum is disable. Set environment variable MS_SDC_DETECT_ENABLE=1 to enable it.")


def sdc_detect_stop():
    """Stops the detection of silent data corruption (nothing runs on the CPU).

    Examples:
        >>> from mindspore.tools import sdc_detect_stop
        >>> sdc_detect_stop()
    """
    return None


def get_sdc_detect_result():
    """Whether silent data corruption was detected since the detection started: False (the
    CPU's check is off).

    Returns:
        bool.

    Examples:
        >>> from mindspore.tools import get_sdc_detect_result
        >>> print(get_sdc_detect_result())
        False
    """
    return False
