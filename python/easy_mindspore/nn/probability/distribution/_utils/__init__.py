"""``mindspore.nn.probability.distribution._utils``: the helpers MindSpore 2.10's distributions
and bijectors share (``utils``: casting parameters to Tensors, their checks, the common parameter
dtype, ``CheckTensor``/``CheckTuple``; ``custom_ops``: ``exp_generic``, ``log_generic``,
``broadcast_to``)."""
from .custom_ops import broadcast_to, exp_generic, log_generic
from .utils import (CheckTensor, CheckTuple, cast_to_tensor, check_greater, check_greater_equal_zero,
                    check_greater_zero, check_prob, set_param_type)

__all__ = [
    'cast_to_tensor',
    'check_greater',
    'check_greater_equal_zero',
    'check_greater_zero',
    'check_prob',
    'exp_generic',
    'log_generic',
    'broadcast_to',
    'set_param_type',
    'CheckTensor',
    'CheckTuple',
]
