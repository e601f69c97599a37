"""Docstrings of the comparison and logic Tensor methods (merged by ``_docs.tensor``)."""

DOCS = {
    "eq": """``input == other`` elementwise (Bool, broadcast).

    The method form of :func:`mindspore.ops.eq`: ``x.eq(*args)`` is ``ops.eq(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.eq(y))
        [False False  True]""",
    "equal": """``input == other`` elementwise (Bool, broadcast).

    The method form of :func:`mindspore.ops.equal`: ``x.equal(*args)`` is ``ops.equal(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.equal(y))
        [False False  True]""",
    "ge": """``input >= other`` elementwise.

    The method form of :func:`mindspore.ops.ge`: ``x.ge(*args)`` is ``ops.ge(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.ge(y))
        [False  True  True]""",
    "greater": """``input > other`` elementwise.

    The method form of :func:`mindspore.ops.greater`: ``x.greater(*args)`` is ``ops.greater(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.greater(y))
        [False  True False]""",
    "greater_equal": """``input >= other`` elementwise.

    The method form of :func:`mindspore.ops.greater_equal`: ``x.greater_equal(*args)`` is ``ops.greater_equal(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.greater_equal(y))
        [False  True  True]""",
    "gt": """``input > other`` elementwise.

    The method form of :func:`mindspore.ops.gt`: ``x.gt(*args)`` is ``ops.gt(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.gt(y))
        [False  True False]""",
    "isclose": """``|x - y| <= atol + rtol·|y|`` elementwise (equal infinities are close; NaNs are close to each other only with ``equal_nan``).

    The method form of :func:`mindspore.ops.isclose`: ``x.isclose(...)`` applies it to ``x``, with the arguments below.

    Args:
        x2 (Tensor): The second input.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.isclose(y))
        [False False  True]""",
    "isfinite": """True where neither NaN nor ±inf (always for integer tensors).

    The method form of :func:`mindspore.ops.isfinite`: ``x.isfinite(*args)`` is ``ops.isfinite(x, *args)``.

    Returns:
        Tensor of Bool, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(x.isfinite())
        [False  True False]""",
    "isinf": """True at ±inf (float dtypes only, as MindSpore's CPU kernel).

    The method form of :func:`mindspore.ops.isinf`: ``x.isinf(*args)`` is ``ops.isinf(x, *args)``.

    Returns:
        Tensor of Bool, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(x.isinf())
        [ True False False]""",
    "isnan": """True where NaN (never for integer tensors).

    The method form of :func:`mindspore.ops.isnan`: ``x.isnan(*args)`` is ``ops.isnan(x, *args)``.

    Returns:
        Tensor of Bool, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(x.isnan())
        [False False  True]""",
    "le": """``input <= other`` elementwise.

    The method form of :func:`mindspore.ops.le`: ``x.le(*args)`` is ``ops.le(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.le(y))
        [ True False  True]""",
    "less": """``input < other`` elementwise.

    The method form of :func:`mindspore.ops.less`: ``x.less(*args)`` is ``ops.less(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.less(y))
        [ True False False]""",
    "less_equal": """``input <= other`` elementwise.

    The method form of :func:`mindspore.ops.less_equal`: ``x.less_equal(*args)`` is ``ops.less_equal(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.less_equal(y))
        [ True False  True]""",
    "logical_and": """True where both are nonzero.

    The method form of :func:`mindspore.ops.logical_and`: ``x.logical_and(*args)`` is ``ops.logical_and(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([True, False, True])
        >>> y = ms.Tensor([True, True, False])
        >>> print(x.logical_and(y))
        [ True False False]""",
    "logical_not": """True where ``input`` is zero/False.

    The method form of :func:`mindspore.ops.logical_not`: ``x.logical_not(*args)`` is ``ops.logical_not(x, *args)``.

    Returns:
        Tensor of Bool, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.logical_not())
        [False  True False]""",
    "logical_or": """True where either is nonzero.

    The method form of :func:`mindspore.ops.logical_or`: ``x.logical_or(*args)`` is ``ops.logical_or(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([True, False, False])
        >>> y = ms.Tensor([True, True, False])
        >>> print(x.logical_or(y))
        [ True  True False]""",
    "logical_xor": """True where exactly one is nonzero.

    The method form of :func:`mindspore.ops.logical_xor`: ``x.logical_xor(*args)`` is ``ops.logical_xor(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([True, False, True])
        >>> y = ms.Tensor([True, True, False])
        >>> print(x.logical_xor(y))
        [False  True  True]""",
    "lt": """``input < other`` elementwise.

    The method form of :func:`mindspore.ops.lt`: ``x.lt(*args)`` is ``ops.lt(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.lt(y))
        [ True False False]""",
    "ne": """``input != other`` elementwise.

    The method form of :func:`mindspore.ops.ne`: ``x.ne(*args)`` is ``ops.ne(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.ne(y))
        [ True  True False]""",
    "not_equal": """``input != other`` elementwise.

    The method form of :func:`mindspore.ops.not_equal`: ``x.not_equal(*args)`` is ``ops.not_equal(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.not_equal(y))
        [ True  True False]""",
}
