"""``mindspore.mint.nn``: PyTorch-style layers (``Linear``, ``Conv2d``, ``BatchNorm2d``, the
activations, pools, pads and losses) with MindSpore 2.10's constructor arguments, Parameter names
(``weight``, ``bias``, ``running_mean``...), initialisation and repr, and
:mod:`mindspore.mint.nn.functional`. The layers are Cells: they train with ``grad``,
``value_and_grad``, the optimizers and ``Model``."""
from . import functional
from . import _layers, _layers_simple
from ._layers import *  # noqa: F401,F403
from ._layers_simple import *  # noqa: F401,F403

__all__ = sorted(_layers.NAMES + _layers_simple.NAMES)


def _check_flags():
    """The layers take only bools for their flags (``affine='a'`` ran as affine, as in MindSpore
    2.10, which checks few of them) and a number >= 0 for ``eps`` (a negative one gave NaN)."""
    from ..._errors import checking_flags
    flags = {"affine", "track_running_stats", "inplace", "ceil_mode", "count_include_pad",
             "return_indices", "elementwise_affine", "scale_grad_by_freq", "sparse", "log_target"}
    for name in __all__:
        for klass in globals()[name].__mro__:  # (the batch norms share their base's __init__)
            init = klass.__dict__.get("__init__")
            if (klass.__module__.startswith(__name__) and init is not None
                    and not getattr(init, "_flags_checked", False)):
                checked = checking_flags(init, flags, non_negative={"eps"})
                checked._flags_checked = True
                klass.__init__ = checked


_check_flags()
