"""``mindspore.common.initializer``: initializer objects and ``initializer(init, shape, dtype)``.

Each object only names a rule of the Rust crate's ``nn::Initializer``; drawing happens in Rust
from the seeded Philox generator, so ``set_seed`` makes every initial network reproducible.
"""
from .. import _C
from .._C import Tensor

__all__ = ["Initializer", "Normal", "Uniform", "XavierUniform", "HeUniform", "Zero", "One",
           "Constant", "initializer"]


class Initializer:
    """Base class; ``_spec()`` is the tuple the native layers read."""

    def _spec(self):
        raise NotImplementedError

    def __repr__(self):
        # MindSpore's initializers keep Python's default repr.
        return f"<mindspore.common.initializer.{type(self).__name__} object at {id(self):#x}>"


class Normal(Initializer):
    """``N(mean, sigma²)``; MindSpore's defaults ``sigma=0.01, mean=0``."""

    def __init__(self, sigma=0.01, mean=0.0):
        self.sigma, self.mean = float(sigma), float(mean)

    def _spec(self):
        return ("normal", self.sigma, self.mean)


class Uniform(Initializer):
    """``U(-scale, scale)``; default ``scale=0.07``."""

    def __init__(self, scale=0.07):
        self.scale = float(scale)

    def _spec(self):
        return ("uniform", self.scale)


class XavierUniform(Initializer):
    """Glorot uniform: bound ``gain·√(6 / (fan_in + fan_out))``."""

    def __init__(self, gain=1.0):
        self.gain = float(gain)

    def _spec(self):
        return ("xavier_uniform", self.gain)


class HeUniform(Initializer):
    """Kaiming uniform: bound ``√(6 / ((1 + a²)·fan))``; ``mode='fan_in'`` or ``'fan_out'``."""

    def __init__(self, negative_slope=0.0, mode="fan_in", nonlinearity="leaky_relu"):
        if mode not in ("fan_in", "fan_out"):
            from .._errors import ShapeError
            raise ShapeError(f"For 'HeUniform', mode must be 'fan_in' or 'fan_out', got {mode!r}")
        self.negative_slope, self.mode = float(negative_slope), mode

    def _spec(self):
        return ("he_uniform", self.negative_slope, 1.0 if self.mode == "fan_out" else 0.0)


class Zero(Initializer):
    def _spec(self):
        return ("zeros",)


class One(Initializer):
    def _spec(self):
        return ("ones",)


class Constant(Initializer):
    def __init__(self, value):
        self.value = float(value)

    def _spec(self):
        return ("constant", self.value)


def _native_spec(init):
    """What the native layers accept: None, a name, a number or a spec tuple."""
    return init._spec() if isinstance(init, Initializer) else init


def initializer(init, shape=None, dtype=None):
    """A Tensor of ``shape`` drawn by ``init`` (a name, a number, an Initializer; a Tensor is
    returned as is)."""
    if isinstance(init, Tensor):
        return init
    shape = (shape,) if isinstance(shape, int) else tuple(shape or ())
    if not all(hasattr(d, "__index__") and d >= 0 for d in shape):
        from .._errors import ShapeError
        raise ShapeError(f"For 'initializer', the argument 'shape' is invalid, the value of 'shape' must "
                         f"be non-negative integers, but got {shape}")
    return _C.initializer(_native_spec(init), list(shape), dtype)


def _calculate_fan_in_and_fan_out(shape):
    """``(fan_in, fan_out)`` of a weight of ``shape`` (MindSpore's helper, which the D2L helpers
    import): ``shape[1]`` and ``shape[0]`` times the receptive field (the product of the
    remaining dimensions); a shape of fewer than 2 dimensions is a ValueError."""
    shape = tuple(shape.shape) if hasattr(shape, "shape") else tuple(shape)
    if len(shape) < 2:
        raise ValueError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 "
                         f"dimensions, but got dimensions {len(shape)}.")
    receptive = 1
    for d in shape[2:]:
        receptive *= d
    return shape[1] * receptive, shape[0] * receptive


__all__ += ["_calculate_fan_in_and_fan_out"]
