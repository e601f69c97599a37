"""Docstrings of the reduction, cumulative and linear-algebra Tensor methods (merged by
``_docs.tensor``)."""

DOCS = {
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
}
