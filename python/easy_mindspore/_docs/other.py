"""Docstrings of the ``mindspore.nn`` and ``mindspore.numpy`` callables whose definition is shared
with another name. Set by :func:`easy_mindspore._docs.apply` at import."""

DOCS = {
    "nn.Adamax": """Alias of :func:`mindspore.nn.AdaMax`.

    MindSpore's ``nn.AdaMax(params, learning_rate=0.001, beta1=0.9, beta2=0.999, eps=1e-08,
    weight_decay=0.0, loss_scale=1.0)``: ``m = β₁m + (1 − β₁)g``, ``v = max(β₂v, |g|)``, ``w −=
    lr/(1 − β₁ᵗ)·m/(v + eps)``.

    Args:
        params (Union[list[Parameter], list[dict]]): The parameters to update, or groups of them.
        learning_rate (Union[float, Tensor, LearningRateSchedule], optional): The learning rate.
            Default: ``0.001``.
        beta1 (float, optional): The decay of the first moment estimates. Default: ``0.9``.
        beta2 (float, optional): The decay of the second moment estimates. Default: ``0.999``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-08``.
        weight_decay (float, optional): The weight decay (L2 penalty). Default: ``0.0``.
        loss_scale (float, optional): The loss scale; the gradients are divided by it. Default:
            ``1.0``.

    Outputs:
        tuple[bool], one True per parameter once they are updated, as MindSpore 2.10.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Dense(2, 1)
        >>> opt = nn.Adamax(net.trainable_params(), learning_rate=0.01)
        >>> print(opt(tuple(ops.ones_like(p) for p in net.trainable_params())))
        (True, True)""",
    "nn.Parameter": """MindSpore's `Parameter`: a Tensor with a name and `requires_grad`, backed by a shared handle.

    Outputs:
        Parameter, a Tensor with a name that the optimizers update.

    Examples:
        >>> import mindspore as ms
        >>> w = ms.Parameter(ms.Tensor([1.0, 2.0], ms.float32), name='w')
        >>> print(w.name, w.requires_grad)
        w True""",
    "numpy.absolute": """Alias of :func:`mindspore.numpy.abs`.

    Absolute value elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.absolute(x))
        [1.5 0.  2.5]""",
    "numpy.max": """Alias of :func:`mindspore.numpy.amax`.

    The maximum over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.max(x))
        2.5""",
    "numpy.min": """Alias of :func:`mindspore.numpy.amin`.

    The minimum over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.min(x))
        -1.5""",
    "numpy.true_divide": """Alias of :func:`mindspore.numpy.divide`.

    True division elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.true_divide(x, y))
        [0.25 4.   1.  ]""",
}
