"""Docstrings of the creation, dtype and shape functions of ``mindspore.ops`` (merged by
``_docs.ops``)."""

DOCS = {
    "cast": """The tensor converted to `dtype`.

    Args:
        input (Tensor): The input tensor.
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
    "expand_dims": """The tensor with a new axis of size 1 inserted at `axis`.

    Args:
        input_x (Tensor): The input tensor.
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
        input (Tensor): The input tensor.
        start_dim (int, optional): The first axis to merge. Default: ``1``.
        end_dim (int, optional): The last axis to merge. Default: ``-1``.
        order (str, optional): ``'C'`` (row-major) or ``'F'`` (the axes reversed first).
            Default: ``'C'``.

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
    "full": """A tensor of shape `size` filled with `fill_value`.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        fill_value (number): The value every element takes.
        dtype (mindspore.dtype, optional): The dtype of the result; None gives Int64 whatever
            the value (a float truncated, as MindSpore 2.10's documents; a complex value gives
            Complex128). Default: ``None``.

    Returns:
        Tensor of shape `size`, filled with `fill_value`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.full((2, 2), 7.0, ms.float32))
        [[7. 7.]
         [7. 7.]]
        >>> print(ops.full((2, 2), 7.5))
        [[7 7]
         [7 7]]
        >>> print(ops.full((3,), -1).dtype)
        Int64""",
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
    "ones": """A tensor of ones.

    Args:
        shape (Union[int, tuple[int], list[int]]): The shape.
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
        input (Tensor): The input tensor.
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
        input (Tensor): The input tensor.
        axis (Union[int, tuple[int], list[int]]): The axes.

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
    "reshape": """The tensor with a new shape (one entry may be -1, inferred).

    Args:
        input (Tensor): The input tensor.
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
        input_x (Tensor): The input tensor.

    Returns:
        tuple(int), the shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.shape(x))
        (3,)""",
    "size": """The number of elements of a tensor, as an int.

    Args:
        input_x (Tensor): The input tensor.

    Returns:
        int, the number of elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.size(x))
        3""",
    "squeeze": """The tensor without its axes of size 1.

    Args:
        input (Tensor): The input tensor.
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
    "transpose": """The tensor with its axes permuted by `perm`.

    Args:
        input (Tensor): The input tensor.
        dims (tuple[int]): The permutation of the axes.

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
        input (Tensor): The input tensor.
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
