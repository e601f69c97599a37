"""Docstrings of the reduction, product and activation functions of ``mindspore.ops``
(merged by ``_docs.ops``)."""

DOCS = {
    "argmax": """The index of the maximum along `axis`.

    Args:
        input (Tensor): The input tensor.
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
    "dot": """The dot product: for 1-D inputs the inner product, otherwise a contraction of the last axis of `x` with the second-to-last of `y`.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

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
    "log_softmax": """The log of the softmax along `axis`, computed stably.

    Args:
        logits (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.log_softmax(x))
        [-4.0956745  -2.5956743  -0.09567428]""",
    "logsumexp": """``log(sum(exp(input)))`` over `dim`, computed stably.

    Args:
        input (Tensor): The input tensor.
        dim (Union[int, tuple(int), list(int)], optional): The axes to reduce. Default: ``-1``
            (MindSpore 2.10 requires it).
        keepdim (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        axis (Union[int, tuple(int), list(int)], optional): The older spelling of `dim`.
        keep_dims (bool, optional): The older spelling of `keepdim`.

    Returns:
        Tensor, `input` reduced over `dim`; the reduced axes are kept with size 1 when `keepdim` is
        True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.logsumexp(x, 1))
        [3.407606 6.407606]""",
    "matmul": """The matrix product of two tensors, batched and broadcast as NumPy's ``matmul``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, the product; 1-D operands lose their added axis as in NumPy's ``matmul``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.matmul(x, y))
        14.0""",
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
        input (Tensor): The input tensor.
        inplace (bool, optional): Whether `input` holds the result too. Default: ``False``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.relu(x))
        [0.  0.  2.5]""",
    "sigmoid": """The logistic function ``1 / (1 + e^-x)`` of each element.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sigmoid(x))
        [0.18242553 0.5        0.9241418 ]""",
    "softmax": """The softmax along `axis`: ``exp(x) / sum(exp(x))``, computed stably.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``-1``.
        dtype (mindspore.dtype, optional): A dtype `input` is cast to first. Default:
            ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.softmax(x))
        [0.01664452 0.07459556 0.9087599 ]""",
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
}
