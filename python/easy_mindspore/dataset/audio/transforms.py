"""``mindspore.dataset.audio.transforms``: the module MindSpore defines the audio transforms in
(``audio.transforms.Spectrogram`` is ``audio.Spectrogram``)."""
from ._filters import *  # noqa: F401,F403 - the same classes
from ._spectral import *  # noqa: F401,F403
from ._filters import __all__ as _f
from ._spectral import __all__ as _s

__all__ = _f + _s
