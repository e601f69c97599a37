"""``mindspore.ops``' in-place functions (``tanh_``, ``zero_``, ``clamp_``, ``erfinv_``,
``inplace_sigmoid``, ``put_``, the random fills ``uniform_`` ... ``bernoulli_``: each writes into
its input, as the Tensor method of the same name does, and returns it), the ``*_ext`` names of
MindSpore's newer kernels (``mse_loss_ext`` ... ``bernoulli_ext``: the same functions as
``mse_loss`` ... with the newer argument names), ``bidense``, ``rotary_position_embedding``, and
the older draws ``gamma``, ``poisson``, ``choice_with_mask``, ``multinomial_with_replacement`` and
the candidate samplers.

MindSpore 2.10's CPU build registers no kernel for most of these (``InplaceTanh``,
``MSELossExt``, ``Baddbmm``, ``RotaryPositionEmbedding``, ``Gamma`` ... "unregistered"): they
compute here what its documentation states."""
import math

import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import bool_arg, int_arg, tensor_arg

__all__ = [
    "tanh_", "zero_", "clamp_", "erfinv_", "inplace_sigmoid", "put_", "uniform_", "normal_",
    "random_", "exponential_", "bernoulli_", "mse_loss_ext", "isnan_ext", "diff_ext",
    "einsum_ext", "float_power_ext", "baddbmm_ext", "adaptive_avg_pool2d_ext", "bernoulli_ext",
    "bidense", "rotary_position_embedding", "gamma", "poisson", "choice_with_mask",
    "multinomial_with_replacement", "uniform_candidate_sampler", "log_uniform_candidate_sampler",
]


def _F():
    from .. import functional
    return functional


def tanh_(input):  # noqa: A002 - MindSpore's argument name
    """``tanh`` of `input` written into it; returns `input`.

    Args:
        input (Tensor): A float tensor.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.0, 100.0])
        >>> print(ops.tanh_(x), x)
        [0. 1.] [0. 1.]
    """
    return tensor_arg("tanh_", "input", input).tanh_()


def zero_(input):  # noqa: A002
    """Fills `input` with zeros; returns it.

    Args:
        input (Tensor): The tensor.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.zero_(ms.Tensor([1, 2])))
        [0 0]
    """
    return tensor_arg("zero_", "input", input).zero_()


def clamp_(input, min=None, max=None):  # noqa: A002
    """``clamp`` of `input` into ``[min, max]`` written into it; returns `input`.

    Args:
        input (Tensor): The tensor.
        min (Union[number, Tensor], optional): The lower bound. Default: ``None``.
        max (Union[number, Tensor], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.clamp_(ms.Tensor([0.5, 3.0]), 0, 1))
        [0.5 1. ]
    """
    return tensor_arg("clamp_", "input", input).clamp_(min, max)


def erfinv_(input):  # noqa: A002
    """The inverse error function of `input` written into it; returns `input`.

    Args:
        input (Tensor): A float tensor with values in ``[-1, 1]``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.erfinv_(ms.Tensor([0.0])))
        [0.]
    """
    return tensor_arg("erfinv_", "input", input).erfinv_()


def inplace_sigmoid(input):  # noqa: A002
    """``sigmoid`` of `input` written into it; returns `input` (``Tensor.sigmoid_``).

    Args:
        input (Tensor): A float tensor.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.inplace_sigmoid(ms.Tensor([0.0])))
        [0.5]
    """
    return tensor_arg("inplace_sigmoid", "input", input).sigmoid_()


def put_(input, index, source, accumulate=False):  # noqa: A002
    """Writes `source` at the positions `index` of `input` read as 1-D (added with
    `accumulate`); returns `input` (``Tensor.put_``).

    Args:
        input (Tensor): The tensor written into.
        index (Tensor): Integer positions into ``input.reshape(-1)``.
        source (Tensor): As many values as `index` has.
        accumulate (bool): Add instead of writing. Default: ``False``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.put_(ms.Tensor([1., 2., 3.]), ms.Tensor([0, 2]), ms.Tensor([9., 8.]), True))
        [10.  2. 11.]
    """
    return tensor_arg("put_", "input", input).put_(index, source, accumulate)


def uniform_(input, from_=0, to=1, *, generator=None):  # noqa: A002
    """Fills `input` with draws uniform in ``[from_, to)``; returns it.

    Args:
        input (Tensor): A float tensor.
        from_ (number): The lower bound. Default: ``0``.
        to (number): The upper bound. Default: ``1``.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.uniform_(ms.Tensor([0., 0., 0.]), 2, 3)
        >>> bool(((x >= 2) & (x < 3)).all())
        True
    """
    return tensor_arg("uniform_", "input", input).uniform_(from_, to, generator=generator)


def normal_(input, mean=0, std=1, *, generator=None):  # noqa: A002
    """Fills `input` with draws of ``N(mean, std²)``; returns it.

    Args:
        input (Tensor): A float tensor.
        mean (number): The mean. Default: ``0``.
        std (number): The standard deviation. Default: ``1``.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.normal_(ms.Tensor([0., 0.]), 5.0, 0.0))
        [5. 5.]
    """
    return tensor_arg("normal_", "input", input).normal_(mean, std, generator=generator)


def random_(input, from_=0, to=None, *, generator=None):  # noqa: A002
    """Fills `input` with integers drawn uniformly from ``[from_, to)``; returns it.

    Args:
        input (Tensor): The tensor.
        from_ (int): The lower bound. Default: ``0``.
        to (int, optional): The upper bound (excluded; None: the dtype's range). Default: ``None``.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.random_(ms.Tensor([0, 0]), 3, 4))
        [3 3]
    """
    return tensor_arg("random_", "input", input).random_(from_, to, generator=generator)


def exponential_(input, lambd=1, *, generator=None):  # noqa: A002
    """Fills `input` with draws of the exponential distribution of rate `lambd`; returns it.

    Args:
        input (Tensor): A float tensor.
        lambd (float): The rate. Default: ``1``.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> bool((ops.exponential_(ms.Tensor([0., 0.])) >= 0).all())
        True
    """
    return tensor_arg("exponential_", "input", input).exponential_(lambd, generator=generator)


def bernoulli_(input, p=0.5, *, generator=None):  # noqa: A002
    """Fills `input` with Bernoulli draws of probability `p`; returns it.

    Args:
        input (Tensor): The tensor.
        p (Union[float, Tensor]): The probability of a 1. Default: ``0.5``.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.bernoulli_(ms.Tensor([0., 0.]), 1.0))
        [1. 1.]
    """
    return tensor_arg("bernoulli_", "input", input).bernoulli_(p, generator=generator)


def mse_loss_ext(input, target, reduction="mean"):  # noqa: A002
    """``ops.mse_loss`` (the mean, sum or elementwise squared error) of MindSpore's newer kernel.

    Args:
        input (Tensor): The predictions.
        target (Tensor): The targets, broadcast with `input`.
        reduction (str): ``'mean'``, ``'sum'`` or ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.mse_loss_ext(ms.Tensor([1., 2.]), ms.Tensor([0., 0.])))
        2.5
    """
    return _F().mse_loss(input, target, reduction)


def isnan_ext(tensor):
    """``ops.isnan`` of MindSpore's newer kernel.

    Args:
        tensor (Tensor): The input.

    Returns:
        Tensor of Bool.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.isnan_ext(ms.Tensor([1., np.nan])))
        [False  True]
    """
    return _F().isnan(tensor)


def diff_ext(input, n=1, dim=-1, prepend=None, append=None):  # noqa: A002
    """``ops.diff`` with the axis named `dim`: the `n`-th forward difference along `dim`.

    Args:
        input (Tensor): The input.
        n (int): How many times to difference. Default: ``1``.
        dim (int): The axis. Default: ``-1``.
        prepend (Tensor, optional): Values put before `input` along `dim`. Default: ``None``.
        append (Tensor, optional): Values put after it. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.diff_ext(ms.Tensor([1., 3., 6.])))
        [2. 3.]
    """
    return _F().diff(input, n, dim, prepend, append)


def einsum_ext(equation, *operands):
    """``ops.einsum`` of MindSpore's newer kernel.

    Args:
        equation (str): The subscripts.
        *operands (Tensor): The operands.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.einsum_ext('i,i->', ms.Tensor([1., 2.]), ms.Tensor([3., 4.])))
        11.0
    """
    return _F().einsum(equation, *operands)


def float_power_ext(input, exponent):  # noqa: A002
    """``ops.float_power``: the power computed in Float64 (Complex128 for complex operands).

    Args:
        input (Union[Tensor, number]): The base.
        exponent (Union[Tensor, number]): The exponent.

    Returns:
        Tensor of Float64 (or Complex128).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.float_power_ext(ms.Tensor([2, 3]), 2))
        [4. 9.]
    """
    return _F().float_power(input, exponent)


def baddbmm_ext(input, batch1, batch2, *, beta=1, alpha=1):  # noqa: A002
    """``beta · input + alpha · (batch1 @ batch2)`` per batch (``ops.baddbmm`` with keyword-only
    factors).

    Args:
        input (Tensor): Added, broadcast to ``(B, N, P)``.
        batch1 (Tensor): ``(B, N, M)``.
        batch2 (Tensor): ``(B, M, P)``.
        beta (number): The factor of `input`. Default: ``1``.
        alpha (number): The factor of the product. Default: ``1``.

    Returns:
        Tensor, ``(B, N, P)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x, a, b = (ms.Tensor(np.ones(s, np.float32)) for s in ((1, 2, 2), (1, 2, 3), (1, 3, 2)))
        >>> print(ops.baddbmm_ext(x, a, b, beta=0.5, alpha=2))
        [[[6.5 6.5]
          [6.5 6.5]]]
    """
    return _F().baddbmm(input, batch1, batch2, beta, alpha)


def adaptive_avg_pool2d_ext(input, output_size):  # noqa: A002
    """``ops.adaptive_avg_pool2d`` of MindSpore's newer kernel.

    Args:
        input (Tensor): ``(C, H, W)`` or ``(N, C, H, W)``.
        output_size (Union[int, tuple[int]]): The output's height and width.

    Returns:
        Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4))
        >>> print(ops.adaptive_avg_pool2d_ext(x, 2))
        [[[ 2.5  4.5]
          [10.5 12.5]]]
    """
    return _F().adaptive_avg_pool2d(input, output_size)


def bernoulli_ext(input, *, generator=None):  # noqa: A002
    """Bernoulli draws whose probabilities are the elements of `input` (in ``[0, 1]``): a new
    tensor of its shape and dtype.

    Args:
        input (Tensor): The probabilities, a float tensor.
        generator (Generator, optional): The generator. Default: ``None``.

    Returns:
        Tensor of `input`'s shape and dtype, of zeros and ones.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.bernoulli_ext(ms.Tensor([0., 1.])))
        [0. 1.]
    """
    tensor_arg("bernoulli_ext", "input", input)
    if input.dtype not in mstype.float_type:
        raise DTypeError(f"For 'bernoulli_ext', 'input' must be a float tensor, but got {input.dtype}.")
    return _F().zeros_like(input).bernoulli_(input, generator=generator)


def bidense(input1, input2, weight, bias=None):
    """The bilinear map ``y_o = Σ_ij input1_i · weight_oij · input2_j + bias_o`` over the last axis
    of both inputs (their leading axes are one batch shape).

    Args:
        input1 (Tensor): ``(*, in1)``.
        input2 (Tensor): ``(*, in2)``.
        weight (Tensor): ``(out, in1, in2)``.
        bias (Tensor, optional): ``(out,)``. Default: ``None``.

    Returns:
        Tensor, ``(*, out)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x1, x2 = ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.ones((2, 4), np.float32))
        >>> print(ops.bidense(x1, x2, ms.Tensor(np.ones((5, 3, 4), np.float32))))
        [[12. 12. 12. 12. 12.]
         [12. 12. 12. 12. 12.]]
    """
    for name, v in (("input1", input1), ("input2", input2), ("weight", weight)):
        tensor_arg("bidense", name, v)
    if (weight.ndim != 3 or input1.ndim < 1 or input1.shape[:-1] != input2.shape[:-1]
            or input1.shape[-1] != weight.shape[1] or input2.shape[-1] != weight.shape[2]):
        raise ShapeError(f"For 'bidense', the shapes must be (*, in1), (*, in2) and (out, in1, in2), but got "
                         f"{list(input1.shape)}, {list(input2.shape)} and {list(weight.shape)}.")
    y = _F().einsum("...i,oij,...j->...o", input1, weight, input2)
    if bias is not None:
        tensor_arg("bidense", "bias", bias)
        if tuple(bias.shape) != (weight.shape[0],):
            raise ShapeError(f"For 'bidense', 'bias' must be of shape [{weight.shape[0]}], but got "
                             f"{list(bias.shape)}.")
        y = y + bias
    return y


def rotary_position_embedding(x, cos, sin, mode=0):
    """Rotary position embedding ``x · cos + rotate(x) · sin`` over the last axis (of even size
    ``D``): mode 0 rotates halves (GPT-NeoX: ``rotate(x) = [-x₂, x₁]`` of the two halves), mode 1
    interleaved pairs (GPT-J: ``(x₂ₖ, x₂ₖ₊₁) → (-x₂ₖ₊₁, x₂ₖ)``). `cos` and `sin` broadcast to `x`.

    Args:
        x (Tensor): 4-D float tensor.
        cos (Tensor): 4-D, broadcast to `x`.
        sin (Tensor): 4-D, broadcast to `x`.
        mode (int): 0 or 1. Default: ``0``.

    Returns:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[[1., 2., 3., 4.]]]])
        >>> one, zero = ops.ones((1, 1, 1, 4)), ops.zeros((1, 1, 1, 4))
        >>> print(ops.rotary_position_embedding(x, zero, one, 0))
        [[[[-3. -4.  1.  2.]]]]
        >>> print(ops.rotary_position_embedding(x, zero, one, 1))
        [[[[-2.  1. -4.  3.]]]]
    """
    for name, v in (("x", x), ("cos", cos), ("sin", sin)):
        tensor_arg("rotary_position_embedding", name, v)
        if v.ndim != 4:
            raise ShapeError(f"For 'rotary_position_embedding', '{name}' must be 4-D, but got shape "
                             f"{list(v.shape)}.")
    mode = int_arg("rotary_position_embedding", "mode", mode)
    if mode not in (0, 1):
        raise ShapeError(f"For 'rotary_position_embedding', 'mode' must be 0 or 1, but got {mode}.")
    d = x.shape[-1]
    if d % 2:
        raise ShapeError(f"For 'rotary_position_embedding', the last axis of 'x' must be even, but got shape "
                         f"{list(x.shape)}.")
    F = _F()
    if mode == 0:
        rotated = F.cat((-x[..., d // 2:], x[..., :d // 2]), -1)
    else:
        pairs = x.reshape(x.shape[:-1] + (d // 2, 2))
        rotated = F.stack((-pairs[..., 1], pairs[..., 0]), -1).reshape(x.shape)
    return x * cos + rotated * sin


def _shape_arg(op, shape):
    if not isinstance(shape, tuple) or any(isinstance(d, bool) or not isinstance(d, int) or d < 0 for d in shape):
        raise DTypeError(f"For '{op}', 'shape' must be a tuple of non-negative ints, but got {shape!r}.")
    return shape


def _broadcast(op, *shapes):
    try:
        return tuple(_np.broadcast_shapes(*shapes))
    except ValueError:
        raise ShapeError(f"For '{op}', the shapes {[list(s) for s in shapes]} cannot be broadcast.") from None


def gamma(shape, alpha, beta, seed=None):
    """Draws of the Gamma distribution of shape `alpha` and rate `beta`, of the shape `shape`
    broadcast with those of `alpha` and `beta`.

    Args:
        shape (tuple[int]): The shape.
        alpha (Tensor): The shape parameter (positive), float.
        beta (Tensor): The rate (inverse scale, positive), float.
        seed (int, optional): The seed. Default: ``None``.

    Returns:
        Tensor of `alpha`'s dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> alpha = ms.Tensor([[3., 4.], [5., 6.]])
        >>> print(ops.gamma((3, 1, 2), alpha, ms.Tensor([1.0]), seed=5).shape)
        (3, 2, 2)
    """
    shape = _shape_arg("gamma", shape)
    for name, v in (("alpha", alpha), ("beta", beta)):
        tensor_arg("gamma", name, v)
        if v.dtype not in mstype.float_type:
            raise DTypeError(f"For 'gamma', '{name}' must be a float tensor, but got {v.dtype}.")
    if beta.size and not bool((beta > 0).all()):
        raise ShapeError("For 'gamma', 'beta' must be positive.")
    out = _broadcast("gamma", shape, tuple(alpha.shape), tuple(beta.shape))
    draws = _F().random_gamma((), alpha.broadcast_to(out), seed)
    return (draws / beta.astype(draws.dtype)).astype(alpha.dtype)


def poisson(shape, mean, seed=None):
    """Draws of the Poisson distribution of `mean`, Float32, of the shape `shape` broadcast with
    that of `mean` (MindSpore's older name; ``random_poisson`` is the newer one).

    Args:
        shape (tuple[int]): The shape.
        mean (Tensor): The means (positive), Float32.
        seed (int, optional): The seed. Default: ``None``.

    Returns:
        Tensor of Float32.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.poisson((4, 1), ms.Tensor([5.0, 10.0]), seed=5).shape)
        (4, 2)
    """
    shape = _shape_arg("poisson", shape)
    tensor_arg("poisson", "mean", mean)
    if mean.dtype != mstype.float32:
        raise DTypeError(f"For 'poisson', 'mean' must be a Float32 tensor, but got {mean.dtype}.")
    if mean.size and not bool((mean > 0).all()):
        raise ShapeError("For 'poisson', 'mean' must be positive.")
    out = _broadcast("poisson", shape, tuple(mean.shape))
    return _F().random_poisson((), mean.broadcast_to(out), seed)


def _numpy_rng(seed):
    from . import _misc_func
    return _misc_func._generator(seed)


def choice_with_mask(input_x, count=256, seed=None):
    """`count` positions of True elements of a Bool tensor drawn without replacement in random
    order: ``(index, mask)``, ``index`` Int32 ``(count, rank)`` (rows of zeros past the True
    elements there are), ``mask`` Bool ``(count,)`` telling the real rows.

    Args:
        input_x (Tensor): Bool, of rank 1 to 5.
        count (int): How many positions. Default: ``256``.
        seed (int, optional): The seed. Default: ``None``.

    Returns:
        tuple(Tensor, Tensor), ``index`` and ``mask``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> index, mask = ops.choice_with_mask(ms.Tensor(np.array([[0, 1], [0, 0]], bool)), 2, seed=1)
        >>> print(index, mask)
        [[0 1]
         [0 0]] [ True False]
    """
    tensor_arg("choice_with_mask", "input_x", input_x)
    count = int_arg("choice_with_mask", "count", count)
    if input_x.dtype != mstype.bool_ or not 1 <= input_x.ndim <= 5:
        raise DTypeError(f"For 'choice_with_mask', 'input_x' must be a Bool tensor of rank 1 to 5, but got "
                         f"{input_x.dtype} of shape {list(input_x.shape)}.")
    if count <= 0:
        raise ShapeError(f"For 'choice_with_mask', 'count' must be positive, but got {count}.")
    positions = _np.argwhere(input_x.asnumpy())
    chosen = positions[_numpy_rng(seed).permutation(len(positions))[:count]]
    index = _np.zeros((count, input_x.ndim), _np.int32)
    index[:len(chosen)] = chosen
    mask = _np.arange(count) < len(chosen)
    return Tensor(index, mstype.int32), Tensor(mask, mstype.bool_)


def multinomial_with_replacement(x, seed, offset, numsamples, replacement=False):
    """`numsamples` Int64 class indices per row of the non-negative weights `x` (``[C]`` or
    ``[N, C]``), with or without replacement; ``seed=-1, offset=0`` draws from a random seed.

    Args:
        x (Tensor): The weights, 1-D or 2-D.
        seed (int): The seed.
        offset (int): Added to the seed.
        numsamples (int): Draws per row.
        replacement (bool, optional): Whether to draw with replacement. Default: ``False``.

    Returns:
        Tensor of Int64, ``(N, numsamples)`` (``(numsamples,)`` for 1-D `x`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.multinomial_with_replacement(ms.Tensor([[0., 9., 0., 0.]]), 2, 5, 2, True))
        [[1 1]]
    """
    # MindSpore also takes the seed and offset as one-element int Tensors.
    seed, offset = (v.asnumpy().reshape(-1)[0].item() if isinstance(v, Tensor) and v.size == 1
                    else v for v in (seed, offset))
    seed = int_arg("multinomial_with_replacement", "seed", seed)
    offset = int_arg("multinomial_with_replacement", "offset", offset)
    bool_arg("multinomial_with_replacement", "replacement", replacement)
    draw_seed = None if seed == -1 and offset == 0 else seed + offset
    out = _F().multinomial(x, int_arg("multinomial_with_replacement", "numsamples", numsamples),
                           replacement, draw_seed)
    return out.astype(mstype.int64)


def _expected_count(p, num_sampled, num_tries, unique):
    """How often a class of probability `p` is expected among the samples: ``num_sampled · p``,
    or, drawn until `num_sampled` are unique (`num_tries` draws), ``1 − (1 − p)^num_tries``."""
    if unique:
        return -_np.expm1(num_tries * _np.log1p(-p))
    return num_sampled * p


def _candidates(op, true_classes, num_true, num_sampled, unique, range_max, seed, probability, draw):
    """The sampled classes and expected counts; ``draw(rng, size)`` draws `size` classes by the
    distribution whose ``probability(k)`` is given."""
    tensor_arg(op, "true_classes", true_classes)
    num_true, num_sampled = int_arg(op, "num_true", num_true), int_arg(op, "num_sampled", num_sampled)
    range_max, seed = int_arg(op, "range_max", range_max), int_arg(op, "seed", seed)
    bool_arg(op, "unique", unique)
    if true_classes.ndim != 2 or true_classes.shape[1] != num_true:
        raise ShapeError(f"For '{op}', 'true_classes' must be of shape (batch_size, num_true={num_true}), "
                         f"but got {list(true_classes.shape)}.")
    if range_max <= 0 or num_sampled <= 0 or seed < 0 or (unique and num_sampled > range_max):
        raise ShapeError(f"For '{op}', 'range_max' and 'num_sampled' must be positive, 'seed' non-negative "
                         f"and 'num_sampled' at most 'range_max' when 'unique', but got range_max={range_max}, "
                         f"num_sampled={num_sampled}, seed={seed}.")
    rng = _numpy_rng(seed or None)
    if unique:
        # Drawn in batches until `num_sampled` distinct classes came up; `tries` counts the draws
        # up to the last new one.
        seen, tries = {}, 0
        while len(seen) < num_sampled:
            for k in draw(rng, max(16, 2 * num_sampled)).tolist():
                tries += 1
                seen.setdefault(k, None)
                if len(seen) == num_sampled:
                    break
        sampled = _np.array(list(seen), _np.int64)
    else:
        sampled = draw(rng, num_sampled).astype(_np.int64)
        tries = num_sampled
    true_p = probability(true_classes.asnumpy().astype(_np.int64))
    return (Tensor(sampled.astype(mstype.dtype_to_nptype(true_classes.dtype))),
            Tensor(_expected_count(true_p, num_sampled, tries, unique).astype(_np.float32)),
            Tensor(_expected_count(probability(sampled), num_sampled, tries, unique).astype(_np.float32)))


def uniform_candidate_sampler(true_classes, num_true, num_sampled, unique, range_max, seed=0,
                              remove_accidental_hits=False):
    """`num_sampled` classes drawn uniformly from ``[0, range_max)`` (without repeats when
    `unique`), and the expected counts of the true and the sampled classes under that sampling
    (``num_sampled / range_max``, or ``1 − (1 − 1/range_max)^tries`` when `unique`).

    Args:
        true_classes (Tensor): ``(batch_size, num_true)`` integer classes.
        num_true (int): Classes per example.
        num_sampled (int): How many classes to draw.
        unique (bool): Draw without repeats.
        range_max (int): The number of classes.
        seed (int): The seed (0: a random one). Default: ``0``.
        remove_accidental_hits (bool): Whether true classes drawn by chance are left out; they are
            never removed here (only ``compute_accidental_hits``-style losses use it). Default:
            ``False``.

    Returns:
        tuple(Tensor, Tensor, Tensor): the sampled classes ``(num_sampled,)`` (of `true_classes`'
        dtype), the true classes' expected counts (Float32, `true_classes`' shape) and the sampled
        classes' (Float32, ``(num_sampled,)``).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> data = ms.Tensor(np.array([[1], [3], [4], [6], [3]], dtype=np.int64))
        >>> sampled, true_count, sampled_count = ops.uniform_candidate_sampler(data, 1, 3, False, 4, 1)
        >>> print(sampled.shape, true_count.shape, sampled_count)
        (3,) (5, 1) [0.75 0.75 0.75]
    """
    bool_arg("uniform_candidate_sampler", "remove_accidental_hits", remove_accidental_hits)
    return _candidates("uniform_candidate_sampler", true_classes, num_true, num_sampled, unique, range_max,
                       seed, lambda k: _np.full(_np.shape(k), 1.0 / range_max),
                       lambda rng, size: rng.integers(0, range_max, size))


def log_uniform_candidate_sampler(true_classes, num_true=1, num_sampled=5, unique=True, range_max=5, seed=0):
    """`num_sampled` classes drawn from ``[0, range_max)`` by the log-uniform (Zipfian)
    distribution ``P(k) = (log(k + 2) − log(k + 1)) / log(range_max + 1)`` (without repeats when
    `unique`), and the expected counts of the true and the sampled classes under that sampling.

    Args:
        true_classes (Tensor): ``(batch_size, num_true)`` Int64 classes.
        num_true (int): Classes per example. Default: ``1``.
        num_sampled (int): How many classes to draw. Default: ``5``.
        unique (bool): Draw without repeats. Default: ``True``.
        range_max (int): The number of classes. Default: ``5``.
        seed (int): The seed (0: a random one). Default: ``0``.

    Returns:
        tuple(Tensor, Tensor, Tensor): the sampled classes, the true classes' expected counts and
        the sampled classes' (both Float32).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> classes = ms.Tensor(np.array([[1, 7], [0, 4], [3, 3]]))
        >>> sampled, true_count, sampled_count = ops.log_uniform_candidate_sampler(classes, 2, 5, False, 5, 1)
        >>> print(sampled.shape, true_count)
        (5,) [[1.1314719  0.32867983]
         [1.9342641  0.508778  ]
         [0.62269396 0.62269396]]
    """
    def probability(k):
        k = _np.asarray(k, _np.float64)
        return (_np.log(k + 2) - _np.log(k + 1)) / math.log(range_max + 1)
    def draw(rng, size):
        # The inverse of the distribution function ``log(k + 1)/log(range_max + 1)``.
        k = _np.floor(_np.exp(rng.random(size) * math.log(range_max + 1))) - 1
        return _np.clip(k, 0, range_max - 1).astype(_np.int64)
    return _candidates("log_uniform_candidate_sampler", true_classes, num_true, num_sampled, unique, range_max,
                       seed, probability, draw)
