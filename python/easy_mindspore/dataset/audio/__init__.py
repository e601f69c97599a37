"""``mindspore.dataset.audio``: audio transforms on NumPy waveforms ``(..., time)`` and
spectrograms ``(..., freq, time)``, called directly or in a dataset's ``map``, with MindSpore
2.10's names, defaults, argument checks and output dtypes.

- Filters (``_filters``): ``LFilter``, ``Filtfilt`` and the SoX biquads (``Biquad``,
  ``AllpassBiquad``, ``BandBiquad``, ``BandpassBiquad``, ``BandrejectBiquad``, ``BassBiquad``,
  ``TrebleBiquad``, ``EqualizerBiquad``, ``HighpassBiquad``, ``LowpassBiquad``,
  ``DeemphBiquad``, ``RiaaBiquad``), whose per-sample recursion runs in Rust, and
  ``DCShift``, ``Contrast``, ``Fade``, ``Vol``, ``Gain``, ``Overdrive``.
- Spectral (``_spectral``): ``Spectrogram``, ``MelScale``, ``MelSpectrogram``,
  ``AmplitudeToDB``, ``DBToAmplitude``, ``ComplexNorm``, ``Angle``, ``Magphase``, ``MFCC``,
  ``ComputeDeltas``, ``TimeMasking``, ``FrequencyMasking``.
- Features (``_features``): ``MuLawEncoding``, ``MuLawDecoding``, ``Resample``,
  ``SpectralCentroid``, ``LFCC``, ``SlidingWindowCmn``, ``MaskAlongAxis``,
  ``MaskAlongAxisIID``, ``Dither``.
- Inverses (``_inverse``): ``InverseSpectrogram``, ``GriffinLim``, ``PhaseVocoder``,
  ``TimeStretch``, ``PitchShift``.
- Effects (``_effects``): ``Flanger``, ``Phaser`` (delay lines in Rust).
- Pitch (``_pitch``): ``DetectPitchFrequency``.
- Enums and filter banks (``utils``): ``WindowType``, ``ScaleType``, ``NormType``,
  ``NormMode``, ``BorderType``, ``MelType``, ``DensityFunction``, ``FadeShape``, ``GainType``,
  ``Interpolation``, ``Modulation``, ``ResampleMethod``, ``melscale_fbanks``,
  ``linear_fbanks``, ``create_dct``.

Errors of a transform's arguments are MindSpore's TypeError/ValueError; errors while it runs
(a wrong dtype or shape) are RuntimeErrors naming it, as MindSpore's pipeline raises them.

Examples:
    >>> import numpy as np
    >>> import mindspore.dataset as ds
    >>> import mindspore.dataset.audio as audio
    >>> data = ds.NumpySlicesDataset({"w": np.ones((2, 4), np.float32)}, shuffle=False)
    >>> data = data.map(operations=[audio.Gain(20.0)], input_columns=["w"])
    >>> print([row["w"].tolist() for row in data.create_dict_iterator(output_numpy=True)])
    [[10.0, 10.0, 10.0, 10.0], [10.0, 10.0, 10.0, 10.0]]
"""
import enum as _enum

from . import utils
from ._filters import *  # noqa: F401,F403
from ._filters import __all__ as _filter_names
from ._spectral import *  # noqa: F401,F403
from ._spectral import __all__ as _spectral_names
from ._features import *  # noqa: F401,F403
from ._features import __all__ as _feature_names
from ._inverse import *  # noqa: F401,F403
from ._inverse import __all__ as _inverse_names
from ._effects import *  # noqa: F401,F403
from ._effects import __all__ as _effect_names
from ._pitch import *  # noqa: F401,F403
from ._pitch import __all__ as _pitch_names
from .utils import *  # noqa: F401,F403
from .utils import __all__ as _util_names

_op_names = (_filter_names + _spectral_names + _feature_names + _inverse_names
             + _effect_names + _pitch_names)
__all__ = _op_names + _util_names + ["utils", "transforms"]

# Each transform names itself in the errors of its arguments and calls.
from ..._errors import with_op_name_class as _with_op_name_class  # noqa: E402

for _name in _op_names:
    _cls = globals()[_name]
    if isinstance(_cls, type) and not issubclass(_cls, _enum.Enum):
        _with_op_name_class(_cls)
from . import transforms  # noqa: E402,F401 - MindSpore's module of these classes
