"""Docstrings of the shape, indexing and sorting Tensor methods (merged by ``_docs.tensor``)."""

DOCS = {
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
    "chunk": """At most ``chunks`` parts of ``ceil(n / chunks)`` elements along ``axis`` (the last may be shorter).

    The method form of :func:`mindspore.ops.chunk`: ``x.chunk(*args)`` is ``ops.chunk(x, *args)``.

    Args:
        chunks (int): The number of parts.
        axis (int, optional): The axis. Default: ``0``.
        dim (int, optional): `axis` by its PyTorch-style name. Default: ``None``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(x.chunk(1))
        (Tensor(shape=[2, 3], dtype=Float32, value=
        [[ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00],
         [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]]),)""",
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
    "split": """Parts of this tensor along an axis: ``split_size_or_sections`` an int (parts of that
    many elements, the last maybe shorter) or a list of part sizes.

    The method form of :func:`mindspore.ops.split`, with MindSpore 2.10's both spellings:
    ``x.split(split_size_or_sections, axis=0)`` and ``x.split(split_size, dim=0)``.

    Args:
        split_size_or_sections (Union[int, list[int]]): The part size or the part sizes.
        axis (int, optional): The axis. Default: ``0``.
        split_size (Union[int, list[int]], optional): `split_size_or_sections` by its other name.
            Default: ``None``.
        dim (int, optional): `axis` by its other name. Default: ``None``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print([p.shape for p in x.split([1, 2], dim=1)])
        [(2, 1), (2, 2)]""",
    "swapdims": """This tensor with the axes `dim0` and `dim1` exchanged.

    The method form of :func:`mindspore.ops.swapdims`.

    Args:
        dim0 (int): The first axis.
        dim1 (int): The second axis.

    Returns:
        Tensor, a view with the two axes exchanged.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0]], ms.float32)
        >>> print(x.swapdims(0, 1).shape)
        (3, 1)""",
}
