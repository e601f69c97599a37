"""``mindspore.dataset.audio.transforms``: the module MindSpore defines the audio transforms in
(``audio.transforms.Spectrogram`` is ``audio.Spectrogram``)."""
from ._effects import *  # noqa: F401,F403
from ._features import *  # noqa: F401,F403
from ._filters import *  # noqa: F401,F403 - the same classes
from ._inverse import *  # noqa: F401,F403
from ._spectral import *  # noqa: F401,F403
from ._effects import __all__ as _d
from ._features import __all__ as _e
from ._filters import __all__ as _f
from ._inverse import __all__ as _i
from ._spectral import __all__ as _s

__all__ = _f + _s + _e + _i + _d
