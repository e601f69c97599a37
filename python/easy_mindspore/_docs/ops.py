"""Docstrings of the ``mindspore.ops`` functions whose definition cannot hold one: the one-line
core ops of ``ops.functional`` and the aliases (``arccos`` of ``acos``...), each wrapped under its
own name. Set by :func:`easy_mindspore._docs.apply` at import."""

DOCS = {
    "abs": """The absolute value of each element.

    Args:
        x (Tensor): The input tensor.

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
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

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
    "argmax": """The index of the maximum along `axis`.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis; None looks at the flattened input. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor of int, the indices of the maxima along `axis` (of the flattened input when `axis` is
        None).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.argmax(x))
        2""",
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
    "cast": """The tensor converted to `dtype`.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.

    Returns:
        Tensor, of the shape of `x` and dtype `dtype`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> y = ops.cast(x, ms.int32)
        >>> print(y, y.dtype)
        [-1  0  2] Int32""",
    "cat": """Joins tensors along an existing axis.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, the inputs joined along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.cat((x, x), axis=0))
        [[1. 2.]
         [1. 2.]]""",
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
    "concat": """Joins tensors along an existing axis (:func:`cat`).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, the inputs joined along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.concat((x, x), axis=1))
        [[1. 2. 1. 2.]]""",
    "cos": """The cosine of each element (radians).

    Args:
        x (Tensor): The input tensor.

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
    "dot": """The dot product: for 1-D inputs the inner product, otherwise a contraction of the last axis of `x` with the second-to-last of `y`.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the product (MindSpore's ``dot`` contracts the last axis of `x` with the
        second-to-last of `y`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.dot(x, x))
        [[ 2. -2.]
         [-8. 10.]]""",
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
        x (Tensor): The input tensor.

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
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.exp(x))
        [ 0.22313017  1.         12.182494  ]""",
    "expand_dims": """The tensor with a new axis of size 1 inserted at `axis`.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis.

    Returns:
        Tensor, with a new axis of size 1 at `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.expand_dims(x, 1))
        [[[1. 2. 3.]]
        <BLANKLINE>
         [[4. 5. 6.]]]""",
    "eye": """A 2-D tensor with ones on the diagonal and zeros elsewhere.

    Args:
        n (int): The number of rows.
        m (int, optional): The number of columns; None means `n`. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.eye(2, 3, ms.int32))
        [[1 0 0]
         [0 1 0]]""",
    "flatten": """The tensor with the axes from `start_dim` to `end_dim` merged into one.

    Args:
        x (Tensor): The input tensor.
        start_dim (int, optional): The first axis to merge. Default: ``1``.
        end_dim (int, optional): The last axis to merge. Default: ``-1``.

    Returns:
        Tensor, with the axes `start_dim` to `end_dim` merged into one.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 3, 4), ms.float32)
        >>> print(ops.flatten(x).shape)
        (2, 12)
        >>> print(ops.flatten(x, start_dim=0).shape)
        (24,)""",
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
    "full": """A tensor of shape `size` filled with `fill_value`.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        fill_value (number): The value every element takes.
        dtype (mindspore.dtype, optional): The dtype of the result; None gives Int64 for an
            int, Bool for a bool and Float32 for a float `fill_value`. Default: ``None``.

    Returns:
        Tensor of shape `size`, filled with `fill_value`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.full((2, 2), 7.0))
        [[7. 7.]
         [7. 7.]]
        >>> print(ops.full((3,), -1).dtype)
        Int64""",
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
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.log(x))
        [-2.3025851  -0.6931472  -0.10536055]""",
    "log_softmax": """The log of the softmax along `axis`, computed stably.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.log_softmax(x))
        [-4.0956745  -2.5956743  -0.09567428]""",
    "logsumexp": """``log(sum(exp(x)))`` over `axis`, computed stably.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``-1``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.logsumexp(x, 1))
        [3.407606 6.407606]""",
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
    "matmul": """The matrix product of two tensors, batched and broadcast as NumPy's ``matmul``.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the product; 1-D operands lose their added axis as in NumPy's ``matmul``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.matmul(x, y))
        14.0""",
    "maximum": """The elementwise maximum of two tensors, with broadcasting (NaN propagates).

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
        >>> print(ops.maximum(x, y))
        [4. 2. 3.]""",
    "mean": """The mean of the elements over `axis`.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.mean(x))
        0.33333334""",
    "minimum": """The elementwise minimum of two tensors, with broadcasting (NaN propagates).

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
        >>> print(ops.minimum(x, y))
        [1.  0.5 3. ]""",
    "movedim": """Alias of :func:`mindspore.ops.moveaxis`.

    ``ops.movedim``: the axes ``source`` moved to the positions ``destination``, the others
    keeping their order.

    Args:
        x (Tensor): The input tensor.
        source (Union[int, tuple[int]]): The original positions of the axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor, with the axes moved.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.movedim(ops.zeros((2, 3, 4)), 0, -1).shape)
        (3, 4, 2)""",
    "mul": """Multiplies two tensors elementwise, with broadcasting.

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
        >>> print(ops.mul(x, y))
        [4. 1. 9.]""",
    "neg": """The negation ``-x`` of each element.

    Args:
        x (Tensor): The input tensor.

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
    "ones": """A tensor of ones.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`, filled with ones.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ones((2, 3), ms.float32))
        [[1. 1. 1.]
         [1. 1. 1.]]""",
    "ones_like": """A tensor of ones with the shape (and, by default, the dtype) of `x`.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ones_like(x))
        [1. 1. 1.]""",
    "permute": """The tensor with its axes permuted by `dims`.

    Args:
        x (Tensor): The input tensor.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, with the axes of `x` in the order `dims`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.permute(x, (1, 0)))
        [[1. 4.]
         [2. 5.]
         [3. 6.]]""",
    "pow": """Raises `x` to the power `y` elementwise, with broadcasting.

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
        >>> print(ops.pow(x, y))
        [ 1.         1.4142135 27.       ]""",
    "prod": """The product of the elements over `axis`.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.prod(x))
        -0.0""",
    "relu": """The rectified linear unit ``max(x, 0)`` of each element.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.relu(x))
        [0.  0.  2.5]""",
    "reshape": """The tensor with a new shape (one entry may be -1, inferred).

    Args:
        x (Tensor): The input tensor.
        shape (Union[tuple[int], list[int]]): The shape.

    Returns:
        Tensor, of shape `shape` with the elements of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.reshape(x, (3, 2)))
        [[1. 2.]
         [3. 4.]
         [5. 6.]]""",
    "shape": """The shape of a tensor, as a tuple of ints.

    Args:
        x (Tensor): The input tensor.

    Returns:
        tuple(int), the shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.shape(x))
        (3,)""",
    "sigmoid": """The logistic function ``1 / (1 + e^-x)`` of each element.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sigmoid(x))
        [0.18242553 0.5        0.9241418 ]""",
    "sin": """The sine of each element (radians).

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sin(x))
        [-0.997495   0.         0.5984721]""",
    "size": """The number of elements of a tensor, as an int.

    Args:
        x (Tensor): The input tensor.

    Returns:
        int, the number of elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.size(x))
        3""",
    "softmax": """The softmax along `axis`: ``exp(x) / sum(exp(x))``, computed stably.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.softmax(x))
        [0.01664452 0.07459556 0.9087599 ]""",
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
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.square(x))
        [2.25 0.   6.25]""",
    "squeeze": """The tensor without its axes of size 1.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, without the axes of size 1 (only those of `axis` when it is given).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 2, 1), ms.float32)
        >>> print(ops.squeeze(x).shape)
        (2,)
        >>> print(ops.squeeze(x, 0).shape)
        (2, 1)""",
    "stack": """Stacks tensors of one shape along a new axis.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, the inputs stacked along a new axis `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.stack((x, x), axis=1))
        [[1. 1.]
         [2. 2.]]""",
    "sub": """Subtracts `y` from `x` elementwise, with broadcasting.

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
        >>> print(ops.sub(x, y))
        [-3.   1.5  0. ]""",
    "sum": """The sum of the elements over `dim`.

    Args:
        input (Tensor): The input tensor.
        dim (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis (also spelled ``axis=``). Default: ``None``.
        keepdim (bool, optional): Whether the reduced axes are kept with size 1 (also spelled
            ``keepdims=``). Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sum(x))
        1.0""",
    "swapdims": """Alias of :func:`mindspore.ops.swapaxes`.

    ``ops.swapaxes``: axes ``axis0`` and ``axis1`` exchanged.

    Args:
        input (Tensor): The input tensor.
        axis0 (int): The first axis.
        axis1 (int): The second axis.

    Returns:
        Tensor, with the two axes exchanged.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.swapaxes(ops.zeros((2, 3, 4)), 0, 2).shape)
        (4, 3, 2)""",
    "tanh": """The hyperbolic tangent of each element.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.tanh(x))
        [-0.90514827  0.          0.9866143 ]""",
    "transpose": """The tensor with its axes permuted by `perm`.

    Args:
        x (Tensor): The input tensor.
        perm (tuple[int]): The permutation of the axes.

    Returns:
        Tensor, with the axes of `x` in the order `perm`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.transpose(x, (1, 0)))
        [[1. 4.]
         [2. 5.]
         [3. 6.]]""",
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
        condition (Tensor): A Bool tensor: where True take `x`, else `y`.
        x (Union[Tensor, number]): Taken where `condition` holds.
        y (Union[Tensor, number]): Taken elsewhere.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> print(ops.where(x > 0, x, 0.0))
        [1. 0. 3.]""",
    "zeros": """A tensor of zeros.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`, filled with zeros.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.zeros(3, ms.int32))
        [0 0 0]""",
    "zeros_like": """A tensor of zeros with the shape (and, by default, the dtype) of `x`.

    Args:
        x (Tensor): The input tensor.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.zeros_like(x))
        [0. 0. 0.]""",
}
