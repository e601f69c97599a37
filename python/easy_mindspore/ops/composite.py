"""``mindspore.ops.composite``: where ``GradOperation`` lives."""
from .._grad import GradOperation, grad, value_and_grad

__all__ = ["GradOperation", "grad", "value_and_grad"]
