"""``mindspore.boost``: of MindSpore's training accelerations, gradient accumulation
(:class:`GradientAccumulation`, and ``boost.grad_accumulation``'s per-parameter functions)."""
from .grad_accumulation import GradientAccumulation

__all__ = ["GradientAccumulation"]
