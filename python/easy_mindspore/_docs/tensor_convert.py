"""Docstrings of the dtype-conversion, creation and interop Tensor methods (merged by
``_docs.tensor``)."""

DOCS = {
    "bool": """This tensor cast to Bool.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.bool())
        [ True False  True]""",
    "double": """This tensor cast to Float64.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.double())
        [-1.5  0.   2.5]""",
    "float": """This tensor cast to Float32.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.float())
        [-1.5  0.   2.5]""",
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
    "int": """This tensor cast to Int32.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.int())
        [-1  0  2]""",
    "long": """This tensor cast to Int64.

    Returns:
        Tensor, of the shape of this tensor, of the new dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(x.long())
        [-1  0  2]""",
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
}
