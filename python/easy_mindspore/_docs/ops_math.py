"""Docstrings of the elementwise math and comparison functions of ``mindspore.ops`` (merged
by ``_docs.ops``)."""

DOCS = {
    "abs": """The absolute value of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.abs(x))
        [1.5 0.  2.5]""",
    "add": """Adds two tensors (or a tensor and a number) elementwise, with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.add(x, y))
        [5.  2.5 6. ]""",
    "arccos": """Alias of :func:`mindspore.ops.acos`.

    ``ops.acos``: ``atan2(sqrt(1 - x²), x)`` (NaN outside ``[-1, 1]``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.acos(Tensor([1.0, 0.0])))
        [0.        1.5707964]""",
    "arccosh": """Alias of :func:`mindspore.ops.acosh`.

    ``ops.acosh``: ``log(x + sqrt(x² - 1))`` (NaN below 1).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.acosh(Tensor([1.0, 2.0])))
        [0.       1.316958]""",
    "asin": """Alias of :func:`mindspore.ops.arcsin`.

    ``ops.asin``: ``atan2(x, sqrt(1 - x²))`` (NaN outside ``[-1, 1]``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.asin(Tensor([0.0, 1.0])))
        [0.        1.5707964]""",
    "asinh": """Alias of :func:`mindspore.ops.arcsinh`.

    ``ops.asinh``: ``sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.asinh(Tensor([0.0, 1.0])))
        [0.        0.8813736]""",
    "atan": """Alias of :func:`mindspore.ops.arctan`.

    ``ops.atan``: the arctangent of each element, in ``(-π/2, π/2)`` (its own kernel, exact
    to the last bit).

    Args:
        input (Tensor): The input tensor (Float16, Float32 or Float64).

    Returns:
        Tensor, of the shape of `input`.

    Raises:
        TypeError: an integer or Bool input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atan(Tensor([0.0, 1.0])))
        [0.        0.7853982]""",
    "atan2": """Alias of :func:`mindspore.ops.arctan2`.

    ``ops.atan2``: the angle of the point ``(other, input)``, in ``[-π, π]`` (``atan2(0, 0)``
    is 0), with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atan2(Tensor([1.0, -1.0]), Tensor([0.0, -1.0])))
        [ 1.5707964 -2.3561945]""",
    "atanh": """Alias of :func:`mindspore.ops.arctanh`.

    ``ops.atanh``: ``log1p(2x / (1 - x)) / 2`` (±inf at ±1, NaN outside).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atanh(Tensor([0.0, 0.5])))
        [0.         0.54930615]""",
    "clip": """Alias of :func:`mindspore.ops.clamp`.

    ``ops.clamp``: ``input`` limited to ``[min, max]`` (either may be None).

    Args:
        input (Tensor): The input tensor.
        min (Union[Tensor, number], optional): The lower bound; None for no bound. Default:
            ``None``.
        max (Union[Tensor, number], optional): The upper bound; None for no bound. Default:
            ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.clip(x, -1.0, 1.0))
        [-1.  0.  1.]""",
    "cos": """The cosine of each element (radians).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.cos(x))
        [ 0.0707372  1.        -0.8011436]""",
    "div": """Divides `input` by `other` elementwise (true division; integers give Float32), with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Keyword Args:
        rounding_mode (str, optional): None (true division), ``'floor'`` (rounded down; integers
            stay integers) or ``'trunc'`` (rounded toward zero). Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Raises:
        ValueError: another `rounding_mode`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.div(x, y))
        [0.25 4.   1.  ]
        >>> print(ops.div(ms.Tensor([-7, 7], ms.int32), 2, rounding_mode='trunc'))
        [-3  3]""",
    "equal": """Alias of :func:`mindspore.ops.eq`.

    ``ops.equal``: ``input == other`` elementwise (Bool, broadcast).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.equal(Tensor([1, 2]), 2))
        [False  True]""",
    "erf": """The Gauss error function of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.erf(x))
        [-0.96610516  0.          0.999593  ]""",
    "exp": """The exponential ``e^x`` of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.exp(x))
        [ 0.22313017  1.         12.182494  ]""",
    "floordiv": """Alias of :func:`mindspore.ops.floor_div`.

    ``ops.floor_div``: ``floor(x / y)``.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floordiv(x, y))
        [0. 4. 1.]""",
    "floormod": """Alias of :func:`mindspore.ops.floor_mod`.

    ``ops.floor_mod``: ``x - floor(x / y)·y`` (the sign of ``y``).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floormod(x, y))
        [1. 0. 0.]""",
    "greater_equal": """Alias of :func:`mindspore.ops.ge`.

    ``ops.greater_equal``: ``input >= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater_equal(Tensor([1, 2]), 2))
        [False  True]""",
    "gt": """Alias of :func:`mindspore.ops.greater`.

    ``ops.greater``: ``input > other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater(Tensor([1, 2]), 1))
        [False  True]""",
    "less_equal": """Alias of :func:`mindspore.ops.le`.

    ``ops.less_equal``: ``input <= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less_equal(Tensor([1, 2]), 1))
        [ True False]""",
    "log": """The natural logarithm of each element (NaN below 0, -inf at 0).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.log(x))
        [-2.3025851  -0.6931472  -0.10536055]""",
    "lt": """Alias of :func:`mindspore.ops.less`.

    ``ops.less``: ``input < other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less(Tensor([1, 2]), 2))
        [ True False]""",
    "maximum": """The elementwise maximum of two tensors, with broadcasting (NaN propagates).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.maximum(x, y))
        [4. 2. 3.]""",
    "minimum": """The elementwise minimum of two tensors, with broadcasting (NaN propagates).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.minimum(x, y))
        [1.  0.5 3. ]""",
    "mul": """Multiplies two tensors elementwise, with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.mul(x, y))
        [4. 1. 9.]""",
    "neg": """The negation ``-x`` of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.neg(x))
        [ 1.5 -0.  -2.5]""",
    "not_equal": """Alias of :func:`mindspore.ops.ne`.

    ``ops.not_equal``: ``input != other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.not_equal(Tensor([1, 2]), 2))
        [ True False]""",
    "pow": """Raises `x` to the power `y` elementwise, with broadcasting.

    Args:
        input (Tensor): The input tensor.
        exponent (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.pow(x, y))
        [ 1.         1.4142135 27.       ]""",
    "sin": """The sine of each element (radians).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sin(x))
        [-0.997495   0.         0.5984721]""",
    "sqrt": """The square root of each element (NaN below 0).

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.sqrt(x))
        [0.31622776 0.70710677 0.94868326]""",
    "square": """The square ``x * x`` of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.square(x))
        [2.25 0.   6.25]""",
    "sub": """Subtracts `y` from `x` elementwise, with broadcasting.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.sub(x, y))
        [-3.   1.5  0. ]""",
    "tanh": """The hyperbolic tangent of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.tanh(x))
        [-0.90514827  0.          0.9866143 ]""",
    "trunc": """Alias of :func:`mindspore.ops.fix`.

    ``ops.trunc``: rounds towards zero (integer tensors are returned as they are).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.trunc(Tensor([1.7, -1.7])))
        [ 1. -1.]""",
    "where": """Chooses `x` where `condition` holds, else `y`, elementwise with broadcasting.

    Args:
        condition (Tensor): A Bool tensor: where True take `input`, else `other`.
        input (Union[Tensor, number]): Taken where `condition` holds.
        other (Union[Tensor, number]): Taken elsewhere.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Raises:
        TypeError: `condition` is not a Bool Tensor (as MindSpore 2.10, whose ``Select`` kernel
            takes no Int or Float condition).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> print(ops.where(x > 0, x, 0.0))
        [1. 0. 3.]""",
}
