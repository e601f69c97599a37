"""``mindspore.ops.functional_overload``: MindSpore's functions that take both its ``ops`` forms
and ``mint``'s (``any(input)`` and ``any(input, dim, keepdim)``; ``max(input)`` and
``max(input, dim)``...). Here each name is ``mindspore.mint``'s function, which takes both forms,
or ``mindspore.ops``' where mint has none.

Examples:
    >>> import mindspore as ms
    >>> from mindspore.ops import functional_overload as F
    >>> print(F.any(ms.tensor([[True, False], [True, True]]), dim=1))
    [ True  True]
"""

# MindSpore 2.10's names of the module (measured), those this package has.
_NAMES = frozenset((
    "add", "addcdiv", "any", "bitwise_not", "clamp", "clip", "conv1d", "conv2d", "conv3d", "div",
    "divide", "einsum", "empty", "empty_like", "eq", "floor_divide", "fmod", "ge", "gelu", "greater_equal",
    "imag", "index_add", "kthvalue", "lerp", "less", "lt", "max", "min", "mul", "nansum",
    "pixel_shuffle", "real", "remainder", "repeat_interleave", "sub", "where", "xlogy"))


def __getattr__(name):
    if name in _NAMES:
        from .. import mint, ops
        from ..mint import nn as mint_nn
        for home in (mint, mint_nn.functional, ops):
            fn = getattr(home, name, None)
            if fn is not None:
                return fn
    raise AttributeError(f"module 'mindspore.ops.functional_overload' has no attribute '{name}'")


def __dir__():
    return sorted(_NAMES)
