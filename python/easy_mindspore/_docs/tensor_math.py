"""Docstrings of the elementwise math Tensor methods (merged by ``_docs.tensor``)."""

DOCS = {
    "acos": """``atan2(sqrt(1 - x²), x)`` (NaN outside ``[-1, 1]``).

    The method form of :func:`mindspore.ops.acos`: ``x.acos(*args)`` is ``ops.acos(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.acos())
        [1.4706289 1.0471976 0.4510269]""",
    "acosh": """``log(x + sqrt(x² - 1))`` (NaN below 1).

    The method form of :func:`mindspore.ops.acosh`: ``x.acosh(*args)`` is ``ops.acosh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(x.acosh())
        [0.       1.316958 2.063437]""",
    "addcdiv": """``input + value·tensor1/tensor2``.

    The method form of :func:`mindspore.ops.addcdiv`: ``x.addcdiv(*args)`` is ``ops.addcdiv(x, *args)``.

    Args:
        tensor1 (Tensor): The first tensor of the product or quotient.
        tensor2 (Tensor): The second tensor of the product or quotient.
        value (Union[Tensor, number], optional): The multiplier of ``tensor1 / tensor2``. Default:
            ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(x.addcdiv(y, z))
        [9.  3.  4.5]""",
    "addcmul": """``input + value·tensor1·tensor2``.

    The method form of :func:`mindspore.ops.addcmul`: ``x.addcmul(*args)`` is ``ops.addcmul(x, *args)``.

    Args:
        tensor1 (Tensor): The first tensor of the product or quotient.
        tensor2 (Tensor): The second tensor of the product or quotient.
        value (Union[Tensor, number], optional): The multiplier of ``tensor1 * tensor2``. Default:
            ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(x.addcmul(y, z))
        [3.   2.25 9.  ]""",
    "arccos": """``atan2(sqrt(1 - x²), x)`` (NaN outside ``[-1, 1]``).

    The method form of :func:`mindspore.ops.arccos`: ``x.arccos(*args)`` is ``ops.arccos(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.arccos())
        [1.4706289 1.0471976 0.4510269]""",
    "arccosh": """``log(x + sqrt(x² - 1))`` (NaN below 1).

    The method form of :func:`mindspore.ops.arccosh`: ``x.arccosh(*args)`` is ``ops.arccosh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(x.arccosh())
        [0.       1.316958 2.063437]""",
    "arcsin": """``atan2(x, sqrt(1 - x²))`` (NaN outside ``[-1, 1]``).

    The method form of :func:`mindspore.ops.arcsin`: ``x.arcsin(*args)`` is ``ops.arcsin(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.arcsin())
        [0.10016742 0.5235988  1.1197695 ]""",
    "arcsinh": """``sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))``.

    The method form of :func:`mindspore.ops.arcsinh`: ``x.arcsinh(*args)`` is ``ops.arcsinh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.arcsinh())
        [-1.1947632  0.         1.6472311]""",
    "arctan": """For ``|x| > 1`` it is ``sign(x)·π/2 - atan(1/x)``; on ``[-1, 1]`` three half-angle steps ``atan(x) = 2·atan(x / (1 + sqrt(1 + x²)))`` bring the argument under 0.1, where a short series is exact to the last bit.

    The method form of :func:`mindspore.ops.arctan`: ``x.arctan(*args)`` is ``ops.arctan(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.arctan())
        [-0.98279375  0.          1.19029   ]""",
    "arctan2": """The angle of the point ``(other, input)``, in ``[-π, π]`` (``atan2(0, 0)`` is 0), with broadcasting.

    The method form of :func:`mindspore.ops.arctan2`: ``x.arctan2(*args)`` is ``ops.arctan2(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.arctan2(y))
        [0.24497867 1.3258177  0.7853982 ]""",
    "arctanh": """``log1p(2x / (1 - x)) / 2`` (±inf at ±1, NaN outside).

    The method form of :func:`mindspore.ops.arctanh`: ``x.arctanh(*args)`` is ``ops.arctanh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.arctanh())
        [0.10033535 0.54930615 1.4722193 ]""",
    "asin": """``atan2(x, sqrt(1 - x²))`` (NaN outside ``[-1, 1]``).

    The method form of :func:`mindspore.ops.asin`: ``x.asin(*args)`` is ``ops.asin(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.asin())
        [0.10016742 0.5235988  1.1197695 ]""",
    "asinh": """``sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))``.

    The method form of :func:`mindspore.ops.asinh`: ``x.asinh(*args)`` is ``ops.asinh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.asinh())
        [-1.1947632  0.         1.6472311]""",
    "atan": """For ``|x| > 1`` it is ``sign(x)·π/2 - atan(1/x)``; on ``[-1, 1]`` three half-angle steps ``atan(x) = 2·atan(x / (1 + sqrt(1 + x²)))`` bring the argument under 0.1, where a short series is exact to the last bit.

    The method form of :func:`mindspore.ops.atan`: ``x.atan(*args)`` is ``ops.atan(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.atan())
        [-0.98279375  0.          1.19029   ]""",
    "atan2": """The angle of the point ``(other, input)``, in ``[-π, π]`` (``atan2(0, 0)`` is 0), with broadcasting.

    The method form of :func:`mindspore.ops.atan2`: ``x.atan2(*args)`` is ``ops.atan2(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.atan2(y))
        [0.24497867 1.3258177  0.7853982 ]""",
    "atanh": """``log1p(2x / (1 - x)) / 2`` (±inf at ±1, NaN outside).

    The method form of :func:`mindspore.ops.atanh`: ``x.atanh(*args)`` is ``ops.atanh(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.atanh())
        [0.10033535 0.54930615 1.4722193 ]""",
    "ceil": """``-floor(-x)`` (float dtypes only, as MindSpore).

    The method form of :func:`mindspore.ops.ceil`: ``x.ceil(*args)`` is ``ops.ceil(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.ceil())
        [-1.  0.  3.]""",
    "clamp": """``input`` limited to ``[min, max]`` (either may be None).

    The method form of :func:`mindspore.ops.clamp`: ``x.clamp(*args)`` is ``ops.clamp(x, *args)``.

    Args:
        min (Union[Tensor, number], optional): The lower bound; None for no bound. Default:
            ``None``.
        max (Union[Tensor, number], optional): The upper bound; None for no bound. Default:
            ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.clamp(-1.0, 1.0))
        [-1.  0.  1.]""",
    "clip": """``input`` limited to ``[min, max]`` (either may be None).

    The method form of :func:`mindspore.ops.clip`: ``x.clip(*args)`` is ``ops.clip(x, *args)``.

    Args:
        min (Union[Tensor, number], optional): The lower bound; None for no bound. Default:
            ``None``.
        max (Union[Tensor, number], optional): The upper bound; None for no bound. Default:
            ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.clip(0.0, 2.0))
        [0. 0. 2.]""",
    "deg2rad": """``x·π/180``.

    The method form of :func:`mindspore.ops.deg2rad`: ``x.deg2rad(*args)`` is ``ops.deg2rad(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.deg2rad())
        [-0.02617994  0.          0.04363323]""",
    "float_power": """``input ** exponent`` computed in Float64.

    The method form of :func:`mindspore.ops.float_power`: ``x.float_power(...)`` applies it to ``x``, with the arguments below.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.float_power(y))
        [ 1.          1.41421356 27.        ]""",
    "floor_divide": """``floor(x / y)`` (Python's ``//``).

    The method form of :func:`mindspore.ops.floor_divide`: ``x.floor_divide(...)`` applies it to ``x``, with the arguments below.

    Args:
        value (Union[Tensor, number]): The divisor.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.floor_divide(y))
        [0. 4. 1.]""",
    "fmod": """``x - trunc(x / y)·y``, the sign of ``x`` (C's ``fmod``).

    The method form of :func:`mindspore.ops.fmod`: ``x.fmod(*args)`` is ``ops.fmod(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.fmod(y))
        [1. 0. 0.]""",
    "frac": """``x - trunc(x)`` (NaN for infinities; zero for integer tensors).

    The method form of :func:`mindspore.ops.frac`: ``x.frac(*args)`` is ``ops.frac(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.frac())
        [-0.5  0.   0.5]""",
    "heaviside": """0 below zero, 1 above, ``values`` at zero (broadcast).

    The method form of :func:`mindspore.ops.heaviside`: ``x.heaviside(*args)`` is ``ops.heaviside(x, *args)``.

    Args:
        values (Union[Tensor, number]): The value where this tensor is 0.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.heaviside(y))
        [1. 1. 1.]""",
    "hypot": """``sqrt(x² + y²)``, with broadcasting (Float32/Float64).

    The method form of :func:`mindspore.ops.hypot`: ``x.hypot(*args)`` is ``ops.hypot(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.hypot(y))
        [4.1231055 2.0615528 4.2426405]""",
    "lerp": """``input + weight * (end - input)``.

    The method form of :func:`mindspore.ops.lerp`: ``x.lerp(*args)`` is ``ops.lerp(x, *args)``.

    Args:
        end (number, optional): The end of the interval.
        weight (Union[Tensor, float]): The interpolation weight.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(x.lerp(y, z))
        [2.5  1.25 3.  ]""",
    "log10": """``log(x) / log(10)``.

    The method form of :func:`mindspore.ops.log10`: ``x.log10(*args)`` is ``ops.log10(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.log10())
        [-1.         -0.30103    -0.04575751]""",
    "log2": """``log(x) / log(2)``.

    The method form of :func:`mindspore.ops.log2`: ``x.log2(*args)`` is ``ops.log2(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.log2())
        [-3.321928   -1.         -0.15200314]""",
    "logaddexp": """``log(e^x + e^y)``, shifted by the larger operand (no overflow).

    The method form of :func:`mindspore.ops.logaddexp`: ``x.logaddexp(*args)`` is ``ops.logaddexp(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.logaddexp(y))
        [4.0485873 2.2014134 3.6931472]""",
    "logaddexp2": """``log2(2^x + 2^y)``.

    The method form of :func:`mindspore.ops.logaddexp2`: ``x.logaddexp2(*args)`` is ``ops.logaddexp2(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.logaddexp2(y))
        [4.169925  2.4367518 4.       ]""",
    "logit": """``log(x / (1 - x))``, ``x`` first clamped to ``[eps, 1 - eps]`` when ``eps`` is given.

    The method form of :func:`mindspore.ops.logit`: ``x.logit(*args)`` is ``ops.logit(x, *args)``.

    Args:
        eps (float, optional): A small value added for numerical stability. Default: ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(x.logit())
        [-2.1972246  0.         2.1972244]""",
    "nan_to_num": """NaN → ``nan`` (0.0), +inf → ``posinf`` (the dtype's largest value), -inf → ``neginf`` (its lowest).

    The method form of :func:`mindspore.ops.nan_to_num`: ``x.nan_to_num(*args)`` is ``ops.nan_to_num(x, *args)``.

    Args:
        nan (float, optional): The value replacing NaN (0.0 when None). Default: ``None``.
        posinf (float, optional): The value replacing +inf (the largest finite value when None).
            Default: ``None``.
        neginf (float, optional): The value replacing -inf (the smallest finite value when None).
            Default: ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([float('nan'), 1.0, float('inf')], ms.float32)
        >>> print(x.nan_to_num(posinf=9.0))
        [0. 1. 9.]""",
    "rad2deg": """``x·180/π``.

    The method form of :func:`mindspore.ops.rad2deg`: ``x.rad2deg(*args)`` is ``ops.rad2deg(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.rad2deg())
        [-85.94367   0.      143.23946]""",
    "remainder": """``x - floor(x / y)·y``, the sign of ``y`` (Python's ``%``).

    The method form of :func:`mindspore.ops.remainder`: ``x.remainder(...)`` applies it to ``x``, with the arguments below.

    Args:
        divisor (Union[Tensor, number]): The divisor.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.remainder(y))
        [1. 0. 0.]""",
    "round": """To the nearest integer, halves to even (``round(2.5) = 2``), after scaling by ``10**decimals``; integer tensors are returned as they are. The gradient is zero.

    The method form of :func:`mindspore.ops.round`: ``x.round(*args)`` is ``ops.round(x, *args)``.

    Args:
        decimals (int, optional): The number of decimals to round to. Default: ``0``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.round())
        [-2.  0.  2.]""",
    "sinc": """``sin(πx) / (πx)``, 1 at 0 (integer inputs give Float32).

    The method form of :func:`mindspore.ops.sinc`: ``x.sinc(*args)`` is ``ops.sinc(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.sinc())
        [-0.21220659  1.          0.12732396]""",
    "true_divide": """``dividend / divisor`` (integers give Float32).

    The method form of :func:`mindspore.ops.true_divide`: ``x.true_divide(...)`` applies it to ``x``, with the arguments below.

    Args:
        value (Union[Tensor, number]): The divisor.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.true_divide(y))
        [0.25 4.   1.  ]""",
    "trunc": """Rounds towards zero (integer tensors are returned as they are).

    The method form of :func:`mindspore.ops.trunc`: ``x.trunc(*args)`` is ``ops.trunc(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.trunc())
        [-1.  0.  2.]""",
    "xlogy": """``x·log(y)`` (MindSpore 2.10 gives NaN at ``x = y = 0``, as this does).

    The method form of :func:`mindspore.ops.xlogy`: ``x.xlogy(*args)`` is ``ops.xlogy(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.xlogy(y))
        [ 1.3862944 -1.3862944  3.295837 ]""",
    "softmax": """The softmax of this tensor along an axis: ``exp(x) / sum(exp(x))``.

    The method form of :func:`mindspore.ops.softmax`.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        dtype (mindspore.dtype, optional): A dtype this tensor is cast to first. Default:
            ``None``.
        dim (int, optional): `axis` by its PyTorch-style name. Default: ``None``.

    Returns:
        Tensor, of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([0.0, 0.0], ms.float32)
        >>> print(x.softmax())
        [0.5 0.5]""",
}
