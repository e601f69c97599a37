"""``TrainFaultTolerance``: MindSpore's callback for MindIO TFT (Ascend's training fault
tolerance: saving on a device failure, rebuilding the communication groups, resuming). MindIO
TFT runs only on Ascend devices, and this engine runs on the CPU, so the callback checks its
configuration as MindSpore does and then refuses, with MindSpore's own message for a CPU
device."""
import os

from ..._errors import ShapeError
from ._callback import Callback

__all__ = ["TrainFaultTolerance"]

_SWITCHES = ["TTP:1", "UCE:1", "ARF:1", "TSP:1", "HCCE:1"]


def _tft_switches():
    """The switches of ``MS_ENABLE_TFT`` (``'{TTP:1,UCE:1}'``) as ``'KEY:value'`` strings."""
    text = os.environ.get("MS_ENABLE_TFT", "").strip().strip("{}")
    return [part.strip().replace(" ", "") for part in text.split(",") if part.strip()]


class TrainFaultTolerance(Callback):
    """Enables MindIO TFT (training fault tolerance) during ``Model.train``: MindSpore's callback
    for Ascend devices. ``MS_ENABLE_TFT`` must switch on one of ``TTP``, ``UCE``, ``ARF``,
    ``TSP``, ``HCCE`` (``MS_ENABLE_TFT='{TTP:1}'``), and a checkpoint path or function must be
    given; MindIO TFT then needs an Ascend device, which this engine (CPU) does not have, so the
    constructor raises MindSpore's ValueError for a CPU device.

    Args:
        ckpt_save_path (str, optional): The directory of the checkpoints saved on a failure.
            Default: ``None``.
        kwargs (dict): ``ckpt_save_fn`` (a function ``(cb_params, append_dict)`` saving the
            checkpoint) when `ckpt_save_path` is None.

    Outputs:
        None here: the constructor raises (see Raises); on Ascend, MindSpore's callback.

    Raises:
        ValueError: ``MS_ENABLE_TFT`` switches none of the features on; neither `ckpt_save_path`
            nor ``ckpt_save_fn`` is given; the device is not an Ascend device (always here).

    Examples:
        >>> import os
        >>> from mindspore.train import TrainFaultTolerance
        >>> os.environ.pop("MS_ENABLE_TFT", None)
        >>> try:
        ...     TrainFaultTolerance(ckpt_save_path="./ckpt")
        ... except ValueError as e:
        ...     print(e)
        MindIO TFT register need custom switch on one of:['TTP:1', 'UCE:1', 'ARF:1', 'TSP:1', 'HCCE:1']
    """

    def __init__(self, ckpt_save_path=None, **kwargs):
        super().__init__()
        if not any(s in _tft_switches() for s in _SWITCHES):
            raise ShapeError(f"MindIO TFT register need custom switch on one of:{_SWITCHES}")
        self.ckpt_save_path = ckpt_save_path
        self.ckpt_save_fn = kwargs.get("ckpt_save_fn")
        if ckpt_save_path is None and self.ckpt_save_fn is None:
            raise ShapeError("TrainFaultTolerance construct need to set ckpt_save_fn or ckpt_save_path!")
        from ... import context
        raise ShapeError("MindIO adapter only support on Ascend device but got device "
                         f"{context.get_context('device_target')}!")

    __init__._names_errors = True  # MindSpore's own messages: not prefixed by ``train._name_errors``
