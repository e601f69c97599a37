"""Docstrings of the Tensor methods written in Python as one-line lambdas over ``mindspore.ops``
(``_tensor_methods._METHODS``). Set by :func:`easy_mindspore._docs.apply` at import. The native
methods take theirs from ``crates/easy-mindspore-py/docs/tensor/*.md``."""

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
    "addmv": """``beta·input + alpha·(mat @ vec)``.

    The method form of :func:`mindspore.ops.addmv`: ``x.addmv(*args)`` is ``ops.addmv(x, *args)``.

    Args:
        mat (Tensor): The matrix.
        vec (Tensor): The vector.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of this tensor and ``mat @ vec``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 1.0], ms.float32)
        >>> m = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> v = ms.Tensor([1.0, 0.0], ms.float32)
        >>> print(x.addmv(m, v))
        [2. 4.]""",
    "addr": """``beta·x + alpha·outer(vec1, vec2)``.

    The method form of :func:`mindspore.ops.addr`: ``x.addr(*args)`` is ``ops.addr(x, *args)``.

    Args:
        vec1 (Tensor): The first vector.
        vec2 (Tensor): The second vector.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of this tensor and the outer product.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(x.addr(y, z))
        [[ 3.    4.   11.  ]
         [ 1.25  2.25  4.  ]
         [ 2.5   3.5   9.  ]]""",
    "amax": """The maximum over ``axis`` (all axes for None); ``initial`` joins the comparison and ``where`` masks elements out.

    The method form of :func:`mindspore.ops.amax`: ``x.amax(*args)`` is ``ops.amax(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.amax())
        2.5""",
    "amin": """The minimum over ``axis`` (all axes for None).

    The method form of :func:`mindspore.ops.amin`: ``x.amin(*args)`` is ``ops.amin(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.amin())
        -1.5""",
    "aminmax": """``(min, max)`` along ``axis`` (0 by default).

    The method form of :func:`mindspore.ops.aminmax`: ``x.aminmax(*args)`` is ``ops.aminmax(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the minimum and the maximum along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.aminmax())
        (Tensor(shape=[], dtype=Float32, value= -1.5), Tensor(shape=[], dtype=Float32, value= 2.5))""",
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
    "argsort": """The Int32 indices that sort ``input`` along ``axis`` (stable).

    The method form of :func:`mindspore.ops.argsort`: ``x.argsort(*args)`` is ``ops.argsort(x, *args)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        descending (bool, optional): Whether to sort in descending order. Default: ``False``.

    Returns:
        Tensor of Int32, of the shape of this tensor: the indices that sort it along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.argsort())
        [0 1 2]""",
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
    "bmm": """The batched product of ``[..., n, m]`` and ``[..., m, p]`` (3-D or more).

    The method form of :func:`mindspore.ops.bmm`: ``x.bmm(*args)`` is ``ops.bmm(x, *args)``.

    Args:
        mat2 (Tensor): The right matrix operand.

    Returns:
        Tensor of shape ``[..., n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 1, 3), ms.float32)
        >>> y = ops.ones((2, 3, 2), ms.float32)
        >>> print(x.bmm(y).shape)
        (2, 1, 2)""",
    "bool": """This tensor cast to Bool.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.bool())
        [ True False  True]""",
    "broadcast_to": """This tensor broadcast to ``shape`` (``-1`` keeps a dimension), as a view.

    Args:
        shape (Union[tuple[int], list[int]]): The shape.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(x.broadcast_to((2, 2)))
        [[1. 2.]
         [1. 2.]]""",
    "ceil": """``-floor(-x)`` (float dtypes only, as MindSpore).

    The method form of :func:`mindspore.ops.ceil`: ``x.ceil(*args)`` is ``ops.ceil(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.ceil())
        [-1.  0.  3.]""",
    "chunk": """At most ``chunks`` parts of ``ceil(n / chunks)`` elements along ``axis`` (the last may be shorter).

    The method form of :func:`mindspore.ops.chunk`: ``x.chunk(*args)`` is ``ops.chunk(x, *args)``.

    Args:
        chunks (int): The number of parts.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.chunk(1))
        (Tensor(shape=[2, 3], dtype=Float32, value=
        [[ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00],
         [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]]),)""",
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
    "count_nonzero": """The number of nonzero elements over ``axis`` (all for ``()``), as ``dtype`` (Int32).

    The method form of :func:`mindspore.ops.count_nonzero`: ``x.count_nonzero(*args)`` is ``ops.count_nonzero(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``mstype.int32``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.count_nonzero())
        2""",
    "cross": """The cross product along ``dim`` (the first axis of length 3 by default).

    The method form of :func:`mindspore.ops.cross`: ``x.cross(*args)`` is ``ops.cross(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        dim (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.cross(y))
        [ 4.5  9.  -7.5]""",
    "cummax": """``(values, indices)``, the running maximum along ``axis`` and the Int64 index of its last occurrence (NaN propagates).

    The method form of :func:`mindspore.ops.cummax`: ``x.cummax(*args)`` is ``ops.cummax(x, *args)``.

    Args:
        axis (int, optional): The axis.

    Returns:
        tuple(Tensor, Tensor), the running maxima and their Int64 indices, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.cummax(1))
        (Tensor(shape=[2, 3], dtype=Float32, value=
        [[ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00],
         [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]]), Tensor(shape=[2, 3], dtype=Int64, value=
        [[0, 1, 2],
         [0, 1, 2]]))""",
    "cummin": """``(values, indices)``, the running minimum along ``axis`` and the index of its last occurrence; Int32 indices, as MindSpore 2.10 returns them.

    The method form of :func:`mindspore.ops.cummin`: ``x.cummin(*args)`` is ``ops.cummin(x, *args)``.

    Args:
        axis (int, optional): The axis.

    Returns:
        tuple(Tensor, Tensor), the running minima and their Int64 indices, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.cummin(1))
        (Tensor(shape=[2, 3], dtype=Float32, value=
        [[ 1.00000000e+00,  1.00000000e+00,  1.00000000e+00],
         [ 4.00000000e+00,  4.00000000e+00,  4.00000000e+00]]), Tensor(shape=[2, 3], dtype=Int32, value=
        [[0, 0, 0],
         [0, 0, 0]]))""",
    "cumprod": """Running products along ``dim``, exact (no logarithms: zeros and negatives are fine) and differentiable: ``ceil(log2 n)`` rounds of products with shifted copies.

    The method form of :func:`mindspore.ops.cumprod`: ``x.cumprod(*args)`` is ``ops.cumprod(x, *args)``.

    Args:
        dim (int, optional): The axis.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.cumprod(1))
        [[  1.   2.   6.]
         [  4.  20. 120.]]""",
    "deg2rad": """``x·π/180``.

    The method form of :func:`mindspore.ops.deg2rad`: ``x.deg2rad(*args)`` is ``ops.deg2rad(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.deg2rad())
        [-0.02617994  0.          0.04363323]""",
    "diag": """The tensor of rank ``2k`` with ``input`` (rank ``k``, ``k >= 1``) on its diagonal: ``out[i..., i...] = input[i...]``.

    The method form of :func:`mindspore.ops.diag`: ``x.diag(*args)`` is ``ops.diag(x, *args)``.

    Returns:
        Tensor, of rank twice that of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(x.diag())
        [[1. 0.]
         [0. 2.]]""",
    "diagonal": """The diagonal ``offset`` of the planes ``(dim1, dim2)``, as the last axis.

    The method form of :func:`mindspore.ops.diagonal`: ``x.diagonal(...)`` applies it to ``x``, with the arguments below.

    Args:
        offset (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.
        axis1 (int, optional): The second axis. Default: ``0``.
        axis2 (int, optional): The second axis. Default: ``1``.

    Returns:
        Tensor, with the diagonal as its last axis.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.diagonal())
        [1. 4.]""",
    "double": """This tensor cast to Float64.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.double())
        [-1.5  0.   2.5]""",
    "dsplit": """:func:`tensor_split` along axis 2 (3-D or more).

    The method form of :func:`mindspore.ops.dsplit`: ``x.dsplit(*args)`` is ``ops.dsplit(x, *args)``.

    Args:
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 1, 4), ms.float32)
        >>> a, b = x.dsplit(2)
        >>> print(a.shape, b.shape)
        (1, 1, 2) (1, 1, 2)""",
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
    "expand_as": """This tensor broadcast to ``other``'s shape.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the shape of `other`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> y = ms.Tensor([[0.0, 0.0], [0.0, 0.0]], ms.float32)
        >>> print(x.expand_as(y))
        [[1. 2.]
         [1. 2.]]""",
    "flip": """The order of the elements reversed along each axis of ``dims``.

    The method form of :func:`mindspore.ops.flip`: ``x.flip(*args)`` is ``ops.flip(x, *args)``.

    Args:
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.flip((1,)))
        [[3. 2. 1.]
         [6. 5. 4.]]""",
    "fliplr": """:func:`flip` along axis 1.

    The method form of :func:`mindspore.ops.fliplr`: ``x.fliplr(*args)`` is ``ops.fliplr(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.fliplr())
        [[2. 1.]
         [4. 3.]]""",
    "flipud": """:func:`flip` along axis 0.

    The method form of :func:`mindspore.ops.flipud`: ``x.flipud(*args)`` is ``ops.flipud(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.flipud())
        [ 2.5  0.  -1.5]""",
    "float": """This tensor cast to Float32.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.float())
        [-1.5  0.   2.5]""",
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
    "from_dlpack": """``Tensor.from_dlpack(capsule)``: a Tensor sharing the memory of a DLPack capsule (or of an
    object with ``__dlpack__``), as ``mindspore.utils.dlpack.from_dlpack``.

    Args:
        dlpack (Union[PyCapsule, object]): A DLPack capsule, or an object with ``__dlpack__``.

    Returns:
        Tensor, sharing the memory of the capsule.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> a = np.arange(3, dtype=np.float32)
        >>> t = ms.Tensor.from_dlpack(a)
        >>> print(t)
        [0. 1. 2.]""",
    "gather": """Slices of ``input_params`` at ``input_indices`` along ``axis`` (the output shape is ``params.shape[:axis] + indices.shape + params.shape[axis+1:]``).

    The method form of :func:`mindspore.ops.gather`: ``x.gather(*args)`` is ``ops.gather(x, *args)``.

    Args:
        input_indices (Tensor): The indices.
        axis (int, optional): The axis.
        batch_dims (int, optional): The number of leading batch axes of the indices. Default: ``0``.

    Returns:
        Tensor, of shape ``params.shape[:axis] + indices.shape + params.shape[axis + 1:]``.

    Examples:
        >>> import mindspore as ms
        >>> params = ms.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], ms.float32)
        >>> print(params.gather(ms.Tensor([2, 0], ms.int32), 0))
        [[5. 6.]
         [1. 2.]]""",
    "gather_elements": """``out[i][j] = input[i][index[i][j]]`` for ``dim = 1`` (NumPy's ``take_along_axis``); ``index`` has ``input``'s rank and the output ``index``'s shape.

    The method form of :func:`mindspore.ops.gather_elements`: ``x.gather_elements(*args)`` is ``ops.gather_elements(x, *args)``.

    Args:
        dim (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, of the shape of `index`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> z = ms.Tensor([[0, 1], [1, 0]], ms.int32)
        >>> print(x.gather_elements(1, z))
        [[1. 2.]
         [5. 4.]]""",
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
    "hsplit": """:func:`tensor_split` along axis 1 (axis 0 for 1-D).

    The method form of :func:`mindspore.ops.hsplit`: ``x.hsplit(*args)`` is ``ops.hsplit(x, *args)``.

    Args:
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> a, b, c = x.hsplit(3)
        >>> print(a)
        [[1.]
         [4.]]""",
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
    "index_select": """The slices of ``input`` at the 1-D Int32/Int64 ``index`` along ``axis``.

    The method form of :func:`mindspore.ops.index_select`: ``x.index_select(*args)`` is ``ops.index_select(x, *args)``.

    Args:
        axis (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, this tensor with the axis `axis` replaced by the selected positions.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.index_select(1, ms.Tensor([2, 0], ms.int32)))
        [[3. 1.]
         [6. 4.]]""",
    "init_data": """This tensor (MindSpore initialises lazily-created parameters here; ours are always initialised).

    Args:
        slice_index (int, optional): Accepted for compatibility. Default: ``None``.
        shape (tuple[int], optional): Accepted for compatibility. Default: ``None``.
        opt_shard_group (str, optional): Accepted for compatibility. Default: ``None``.

    Returns:
        Tensor, this tensor (its data is already initialised).

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.init_data())
        [-1.5  0.   2.5]""",
    "inner": """Sums of products over the last axes (a scalar operand multiplies).

    The method form of :func:`mindspore.ops.inner`: ``x.inner(*args)`` is ``ops.inner(x, *args)``.

    Args:
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the sums of products over the last axis of both inputs.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.inner(y))
        14.0""",
    "int": """This tensor cast to Int32.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.int())
        [-1  0  2]""",
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
    "logcumsumexp": """``log(cumsum(exp(x)))`` along ``axis``, shifted by the maximum.

    The method form of :func:`mindspore.ops.logcumsumexp`: ``x.logcumsumexp(*args)`` is ``ops.logcumsumexp(x, *args)``.

    Args:
        axis (int, optional): The axis.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.logcumsumexp(1))
        [[1.        2.3132617 3.407606 ]
         [4.        5.3132615 6.407606 ]]""",
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
    "long": """This tensor cast to Int64.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.long())
        [-1  0  2]""",
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
    "masked_fill": """``value`` where ``mask`` (Bool, broadcast) holds, else ``input_x``; the result has ``input_x``'s dtype.

    The method form of :func:`mindspore.ops.masked_fill`: ``x.masked_fill(*args)`` is ``ops.masked_fill(x, *args)``.

    Args:
        mask (Tensor): A Bool tensor, broadcast with the input.
        value (Union[Tensor, number]): The value written where `mask` holds.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.masked_fill(x < 0, 0.0))
        [0.  0.  2.5]""",
    "masked_select": """The elements of ``input`` where ``mask`` (broadcast together) holds, as a 1-D tensor in row-major order.

    The method form of :func:`mindspore.ops.masked_select`: ``x.masked_select(*args)`` is ``ops.masked_select(x, *args)``.

    Args:
        mask (Tensor): A Bool tensor, broadcast with the input.

    Returns:
        Tensor, 1-D: the selected elements in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.masked_select(x > 0))
        [2.5]""",
    "median": """``(values, indices)`` of the lower median along ``axis``; Int64 indices of the median's first occurrence in sorted order (a stable sort).

    The method form of :func:`mindspore.ops.median`: ``x.median(*args)`` is ``ops.median(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``-1``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor), the medians and their Int64 indices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], ms.float32)
        >>> values, indices = x.median()
        >>> print(values)
        [3. 4.]
        >>> print(indices)
        [2 0]""",
    "mm": """The product of two matrices.

    The method form of :func:`mindspore.ops.mm`: ``x.mm(*args)`` is ``ops.mm(x, *args)``.

    Args:
        mat2 (Tensor): The right matrix operand.

    Returns:
        Tensor of shape ``[n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> y = ms.Tensor([[0.5, 1.0], [2.0, 1.0]], ms.float32)
        >>> print(x.mm(y))
        [[4.5 3. ]
         [9.5 7. ]]""",
    "moveaxis": """The axes ``source`` moved to the positions ``destination``, the others keeping their order.

    The method form of :func:`mindspore.ops.moveaxis`: ``x.moveaxis(*args)`` is ``ops.moveaxis(x, *args)``.

    Args:
        source (Union[int, tuple[int]]): The original positions of the axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor, with the axes moved.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 2, 3), ms.float32)
        >>> print(x.moveaxis(0, 2).shape)
        (2, 3, 1)""",
    "movedim": """The axes ``source`` moved to the positions ``destination``, the others keeping their order.

    The method form of :func:`mindspore.ops.movedim`: ``x.movedim(*args)`` is ``ops.movedim(x, *args)``.

    Args:
        source (Union[int, tuple[int]]): The original positions of the axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor, with the axes moved.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 2, 3), ms.float32)
        >>> print(x.movedim(0, 2).shape)
        (2, 3, 1)""",
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
    "nanmean": """The mean over ``axis`` of the non-NaN elements.

    The method form of :func:`mindspore.ops.nanmean`: ``x.nanmean(*args)`` is ``ops.nanmean(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.nanmean())
        0.33333334""",
    "nansum": """The sum over ``axis`` with NaNs counted as zero.

    The method form of :func:`mindspore.ops.nansum`: ``x.nansum(*args)`` is ``ops.nansum(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.nansum())
        1.0""",
    "narrow": """``length`` elements from ``start`` along ``axis``.

    The method form of :func:`mindspore.ops.narrow`: ``x.narrow(*args)`` is ``ops.narrow(x, *args)``.

    Args:
        axis (int, optional): The axis.
        start (int): The first index along `axis`.
        length (int): The number of elements.

    Returns:
        Tensor, the `length` elements from `start` along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.narrow(1, 0, 2))
        [[1. 2.]
         [4. 5.]]""",
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
    "new_full": """A new tensor of shape `size` filled with `fill_value`, of this tensor's dtype unless `dtype` is given.

    Args:
        size (Union[int, tuple[int]]): The shape.
        fill_value (number): The value.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.new_full((2,), 7.0))
        [7. 7.]""",
    "new_ones": """A new tensor of ones of shape `size`, of this tensor's dtype unless `dtype` is given.

    Args:
        size (Union[int, tuple[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.new_ones((2, 2)))
        [[1. 1.]
         [1. 1.]]""",
    "new_zeros": """A new tensor of zeros of shape `size`, of this tensor's dtype unless `dtype` is given.

    Args:
        size (Union[int, tuple[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.new_zeros(2))
        [0. 0.]""",
    "nonzero": """The Int64 coordinates of the nonzero elements, one row each (``[N, ndim]``), or with ``as_tuple`` one 1-D tensor per axis.

    The method form of :func:`mindspore.ops.nonzero`: ``x.nonzero(*args)`` is ``ops.nonzero(x, *args)``.

    Args:
        as_tuple (bool, optional): Whether to return one 1-D tensor per axis. Default: ``False``.

    Returns:
        Tensor of Int64 of shape ``[N, input.ndim]`` (a tuple of 1-D tensors when `as_tuple` is
        True).

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[0.0, 1.0], [2.0, 0.0]], ms.float32)
        >>> print(x.nonzero())
        [[0 1]
         [1 0]]""",
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
    "outer": """``input[i] * vec2[j]``.

    The method form of :func:`mindspore.ops.outer`: ``x.outer(*args)`` is ``ops.outer(x, *args)``.

    Args:
        vec2 (Tensor): The second vector.

    Returns:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(x.outer(y))
        [[ 4.   0.5  3. ]
         [ 8.   1.   6. ]
         [12.   1.5  9. ]]""",
    "rad2deg": """``x·180/π``.

    The method form of :func:`mindspore.ops.rad2deg`: ``x.rad2deg(*args)`` is ``ops.rad2deg(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.rad2deg())
        [-85.94367   0.      143.23946]""",
    "register_hook": """``Tensor.register_hook(hook)``: ``hook(grad)`` runs on this tensor's gradient when one is
    computed and may return a replacement (None keeps it); returns a handle with ``remove()``.

    On a tensor computed inside a differentiated function, the tensor's later uses go through an
    identity whose backward applies the hook. On a leaf (an argument or weight of ``grad``,
    ``value_and_grad`` or ``GradOperation``) the hook runs on the gradient those return for it.

    Args:
        hook (function): Called with the gradient; a returned tensor replaces it.

    Returns:
        A handle whose ``remove()`` unregisters the hook.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> def f(x):
        ...     x.register_hook(lambda g: g * 10)
        ...     return (x * x).sum()
        ...
        >>> print(ms.grad(f)(x))
        [20. 40.]""",
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
    "repeat": """``Tensor.repeat`` in both of MindSpore's meanings. With ``axis=`` or one int it is
    NumPy's ``repeat`` (MindSpore 1.x and the D2L notebooks: ``x.repeat(n)`` repeats each element
    ``n`` times, flattened); with several sizes (or a tuple) it tiles ``sizes[i]`` times along each
    axis, PyTorch-style, as MindSpore 2.x declares it (its 2.10 CPU build runs neither).

    Args:
        *sizes (Union[int, tuple[int]]): The repetitions.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1, 2], ms.int32)
        >>> print(x.repeat(2))
        [1 1 2 2]
        >>> print(x.repeat(2, 2))
        [[1 2 1 2]
         [1 2 1 2]]""",
    "repeat_interleave": """Each element (slice along ``axis``; the flattened input when ``axis`` is None) repeated ``repeats`` times (an int, or one count per element).

    The method form of :func:`mindspore.ops.repeat_interleave`: ``x.repeat_interleave(...)`` applies it to ``x``, with the arguments below.

    Args:
        repeats (Union[int, tuple[int], list[int], Tensor]): The number of repetitions of each
            element.
        dim (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, with each element repeated.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([6, 5, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2], ms.int32)
        >>> print(x.repeat_interleave(y))
        [6 6 6 5 3 3]""",
    "roll": """Elements shifted by ``shifts`` along ``dims`` (wrapping around); without ``dims`` the flattened tensor is rolled and reshaped back.

    The method form of :func:`mindspore.ops.roll`: ``x.roll(*args)`` is ``ops.roll(x, *args)``.

    Args:
        shifts (Union[int, tuple[int]]): The number of places to shift by.
        dims (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.roll(1, 1))
        [[3. 1. 2.]
         [6. 4. 5.]]""",
    "rot90": """Rotated by ``k`` quarter turns in the plane ``dims``, from the first axis towards the second.

    The method form of :func:`mindspore.ops.rot90`: ``x.rot90(*args)`` is ``ops.rot90(x, *args)``.

    Args:
        k (int): The number of quarter turns.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, rotated.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.rot90(1, (0, 1)))
        [[2. 4.]
         [1. 3.]]""",
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
    "scatter": """A copy of ``input`` with ``input[..., index[i][j], ...] = src[i][j]`` along ``axis`` (``src`` a tensor of ``index``'s shape or larger, or a number).

    The method form of :func:`mindspore.ops.scatter`: ``x.scatter(*args)`` is ``ops.scatter(x, *args)``.

    Args:
        axis (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).
        src (Tensor): The values to write.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 3), ms.float32)
        >>> index = ms.Tensor([[2], [0]], ms.int32)
        >>> src = ms.Tensor([[1.0], [2.0]], ms.float32)
        >>> print(x.scatter(1, index, src))
        [[0. 0. 1.]
         [2. 0. 0.]]""",
    "sinc": """``sin(πx) / (πx)``, 1 at 0 (integer inputs give Float32).

    The method form of :func:`mindspore.ops.sinc`: ``x.sinc(*args)`` is ``ops.sinc(x, *args)``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.sinc())
        [-0.21220659  1.          0.12732396]""",
    "sort": """``(values, indices)`` along ``axis``; indices are Int32. The sort is stable and NaN sorts as the largest value (NumPy's order; MindSpore 2.10's CPU kernel leaves a NaN where it is and sorts around it, ``[2, nan, 1]`` staying ``[2, nan, 1]``, which we take for a bug).

    The method form of :func:`mindspore.ops.sort`: ``x.sort(*args)`` is ``ops.sort(x, *args)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        descending (bool, optional): Whether to sort in descending order. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the sorted values and their Int32 indices, of the shape of the input.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([3.0, 1.0, 2.0], ms.float32)
        >>> values, indices = x.sort()
        >>> print(values)
        [1. 2. 3.]
        >>> print(indices)
        [1 2 0]""",
    "std": """The standard deviation over ``axis``.

    The method form of :func:`mindspore.ops.std`: ``x.std(*args)`` is ``ops.std(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.std())
        1.6499158""",
    "t": """A 2-D tensor transposed (1-D and 0-D are returned as they are).

    The method form of :func:`mindspore.ops.t`: ``x.t(*args)`` is ``ops.t(x, *args)``.

    Returns:
        Tensor, the transposed matrix (1-D and 0-D inputs unchanged).

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.t())
        [[1. 4.]
         [2. 5.]
         [3. 6.]]""",
    "tensor_split": """``numpy.array_split``: ``k`` nearly equal parts (the first ones one longer), or parts cut at the listed indices.

    The method form of :func:`mindspore.ops.tensor_split`: ``x.tensor_split(*args)`` is ``ops.tensor_split(x, *args)``.

    Args:
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0, 4.0, 5.0], ms.float32)
        >>> print(x.tensor_split(2))
        (Tensor(shape=[3], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00]), Tensor(shape=[2], dtype=Float32, value= [ 4.00000000e+00,  5.00000000e+00]))""",
    "tile": """``ops.tile`` of this tensor.

    Args:
        dims (tuple[int]): The number of repetitions along each axis.

    Returns:
        Tensor, this tensor repeated along each axis.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.tile((1, 2)))
        [[1. 2. 3. 1. 2. 3.]
         [4. 5. 6. 4. 5. 6.]]""",
    "to": """This tensor cast to `dtype`.

    Args:
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.

    Returns:
        Tensor, of dtype `dtype`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> y = x.to(ms.float16)
        >>> print(y.dtype)
        Float16""",
    "to_dlpack": """``Tensor.to_dlpack()``: a DLPack capsule (``"dltensor"``) sharing this tensor's memory, as
    ``mindspore.utils.dlpack.to_dlpack``.

    Returns:
        PyCapsule, named ``'dltensor'``.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> capsule = x.to_dlpack()
        >>> print(ms.Tensor.from_dlpack(capsule))
        [-1.5  0.   2.5]""",
    "topk": """The ``k`` largest (``largest=False``: smallest) elements along ``dim`` (the last axis by default) and their Int32 indices, largest first (ties in index order).

    The method form of :func:`mindspore.ops.topk`: ``x.topk(*args)`` is ``ops.topk(x, *args)``.

    Args:
        k (int): The number of elements to keep.
        dim (int, optional): The axis. Default: ``None``.
        largest (bool, optional): Whether the largest (True) or smallest elements are kept. Default:
            ``True``.
        sorted (bool, optional): Whether the results are sorted by value. Default: ``True``.

    Returns:
        tuple(Tensor, Tensor), the `k` values and their Int64 indices along `dim`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = x.topk(1)
        >>> print(values)
        [[3.]
         [6.]]
        >>> print(indices)
        [[2]
         [2]]""",
    "trace": """The sum of the main diagonal of a matrix.

    The method form of :func:`mindspore.ops.trace`: ``x.trace(*args)`` is ``ops.trace(x, *args)``.

    Returns:
        Tensor, 0-D.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.trace())
        5.0""",
    "tril": """Zeros above diagonal ``diagonal`` of the last two axes.

    The method form of :func:`mindspore.ops.tril`: ``x.tril(*args)`` is ``ops.tril(x, *args)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.tril())
        [[1. 0.]
         [3. 4.]]""",
    "triu": """Zeros below diagonal ``diagonal`` of the last two axes.

    The method form of :func:`mindspore.ops.triu`: ``x.triu(*args)`` is ``ops.triu(x, *args)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Returns:
        Tensor, of the shape of this tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(x.triu())
        [[1. 2.]
         [0. 4.]]""",
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
    "unique": """The distinct elements of the tensor (flattened), or its distinct slices along ``dim``.

    MindSpore 2.x's ``Tensor.unique`` (its CPU build in 2.10 has no kernel for it and raises
    RuntimeError; this follows its documentation): sorted by value unless ``sorted=False`` (then in
    the order they first appear); NaNs are all distinct.

    Args:
        sorted (bool, optional): Whether to sort the distinct elements. Default: ``True``.
        return_inverse (bool, optional): Whether to also return, for each element, the index of its
            value in the output (Int64, of this tensor's shape). Default: ``False``.
        return_counts (bool, optional): Whether to also return how often each distinct value
            occurs (Int64). Default: ``False``.
        dim (int, optional): The axis whose distinct slices are wanted. Default: ``None``.

    Returns:
        Tensor, or a tuple adding the inverse indices and/or the counts when they are asked for.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([3, 1, 3, 2], ms.int32)
        >>> print(x.unique())
        [1 2 3]
        >>> out, inverse, counts = x.unique(return_inverse=True, return_counts=True)
        >>> print(inverse, counts)
        [2 0 2 1] [1 1 2]""",
    "unique_consecutive": """Runs of equal elements collapsed (of the flattened tensor, or of slices along ``dim``); the output alone, or with ``return_inverse``/``return_counts`` a tuple adding the Int64 inverse indices and run lengths (eager: the shape depends on the values).

    The method form of :func:`mindspore.ops.unique_consecutive`: ``x.unique_consecutive(*args)`` is ``ops.unique_consecutive(x, *args)``.

    Args:
        return_inverse (bool, optional): Whether to also return the index of each element in the
            output. Default: ``False``.
        return_counts (bool, optional): Whether to also return the length of each run. Default:
            ``False``.
        dim (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, or a tuple with the inverse indices and the counts when they are asked for.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.unique_consecutive())
        [-1.5  0.   2.5]""",
    "unsqueeze": """A new axis of size 1 at ``dim``.

    The method form of :func:`mindspore.ops.unsqueeze`: ``x.unsqueeze(*args)`` is ``ops.unsqueeze(x, *args)``.

    Args:
        dim (int, optional): The axis.

    Returns:
        Tensor, with a new axis of size 1 at `dim`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.unsqueeze(1))
        [[[1. 2. 3.]]
        <BLANKLINE>
         [[4. 5. 6.]]]""",
    "var": """The variance over ``axis`` (``ddof`` degrees of freedom removed).

    The method form of :func:`mindspore.ops.var`: ``x.var(*args)`` is ``ops.var(x, *args)``.

    Args:
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, this tensor reduced over `axis` (every axis when it is None); the reduced axes are kept
        with size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.var())
        2.7222223""",
    "vsplit": """:func:`tensor_split` along axis 0 (2-D or more).

    The method form of :func:`mindspore.ops.vsplit`: ``x.vsplit(*args)`` is ``ops.vsplit(x, *args)``.

    Args:
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> a, b = x.vsplit(2)
        >>> print(a)
        [[1. 2. 3.]]
        >>> print(b)
        [[4. 5. 6.]]""",
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
}
