"""``mindspore.mint.nn.functional`` activations, dropout, ``linear`` and normalisations.

Measured on MindSpore 2.10 (CPU): ``relu``, ``silu``, ``softmax`` (``dim=None`` picks dim 0 for
0-, 1- and 3-D inputs, else dim 1, as PyTorch's legacy rule), ``glu``, ``prelu``, ``linear``,
``dropout`` and ``group_norm`` run. ``gelu``, ``log_softmax``, ``leaky_relu``, ``elu``, ``hardtanh``,
``relu6``, ``logsigmoid``, ``threshold``, ``normalize``, ``batch_norm``, ``layer_norm`` have no CPU
kernel there and follow the documentation. ``inplace=True`` rebinds the input tensor to the result
(``Tensor.copy_``), as MindSpore's in-place ops do."""
from ... import ops
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

from .._wrap import alias, check_tensor, name_errors


def _inplace(input, out, inplace):
    if inplace:
        input.copy_(out)
        return input
    return out


def relu(input, inplace=False):  # noqa: A002
    """``max(input, 0)``.

    Args:
        input (Tensor): The input.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.relu(ms.Tensor([-1.0, 2.0])))
        [0. 2.]
    """
    return _inplace(input, ops.relu(check_tensor("relu", "input", input)), inplace)


def relu_(input):  # noqa: A002
    """:func:`relu` written into `input`.

    Args:
        input (Tensor): The input, updated.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([-1.0, 2.0])
        >>> _ = F.relu_(x)
        >>> print(x)
        [0. 2.]
    """
    return relu(input, True)


def relu6(input, inplace=False):  # noqa: A002
    """``min(max(input, 0), 6)``.

    Args:
        input (Tensor): The input.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.relu6(ms.Tensor([-1.0, 7.0])))
        [0. 6.]
    """
    return _inplace(input, ops.relu6(check_tensor("relu6", "input", input)), inplace)


def gelu(input, approximate="none"):  # noqa: A002
    """The Gaussian error linear unit, exact (``'none'``) or with the ``'tanh'`` approximation.

    Args:
        input (Tensor): A float tensor.
        approximate (str): ``'none'`` or ``'tanh'``. Default: ``'none'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.gelu(ms.Tensor([-1.0, 0.0, 1.0])))
        [-0.15865526  0.          0.8413447 ]
    """
    if approximate not in ("none", "tanh"):
        raise ShapeError(f"For 'gelu', approximate must be 'none' or 'tanh', but got {approximate!r}.")
    return ops.gelu(check_tensor("gelu", "input", input), approximate=approximate)


def silu(input, inplace=False):  # noqa: A002
    """``input * sigmoid(input)``.

    Args:
        input (Tensor): The input.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.silu(ms.Tensor([0.0, 1.0])))
        [0.        0.7310586]
    """
    return _inplace(input, ops.silu(check_tensor("silu", "input", input)), inplace)


def sigmoid(input):  # noqa: A002
    """``1 / (1 + exp(-input))``.

    Args:
        input (Tensor): The input.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.sigmoid(ms.Tensor([0.0])))
        [0.5]
    """
    return ops.sigmoid(check_tensor("sigmoid", "input", input))


def sigmoid_(input):  # noqa: A002
    """:func:`sigmoid` written into `input`.

    Args:
        input (Tensor): The input, updated.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([0.0])
        >>> _ = F.sigmoid_(x)
        >>> print(x)
        [0.5]
    """
    return _inplace(input, sigmoid(input), True)


def tanh(input):  # noqa: A002
    """The hyperbolic tangent.

    Args:
        input (Tensor): The input.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.tanh(ms.Tensor([0.0])))
        [0.]
    """
    return ops.tanh(check_tensor("tanh", "input", input))


def _softmax_dim(dim, ndim):
    if dim is None:  # PyTorch's legacy implicit dim, which MindSpore 2.10 follows (measured)
        return 0 if ndim in (0, 1, 3) else 1
    return dim


def softmax(input, dim=None, dtype=None):  # noqa: A002
    """``exp(input) / sum(exp(input))`` along `dim`.

    Args:
        input (Tensor): A float tensor.
        dim (int, optional): The dim; None picks 0 for 0-, 1- and 3-D inputs, else 1. Default: ``None``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.softmax(ms.Tensor([1.0, 2.0])))
        [0.26894143 0.7310586 ]
    """
    check_tensor("softmax", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    return ops.softmax(input, _softmax_dim(dim, input.ndim))


def log_softmax(input, dim=None, *, dtype=None):  # noqa: A002
    """``log(softmax(input))`` along `dim`, computed stably.

    Args:
        input (Tensor): A float tensor.
        dim (int, optional): The dim; None picks as :func:`softmax`. Default: ``None``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.log_softmax(ms.Tensor([[0.0, 0.0]])))
        [[-0.6931472 -0.6931472]]
    """
    check_tensor("log_softmax", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    return ops.log_softmax(input, _softmax_dim(dim, input.ndim))


def leaky_relu(input, negative_slope=0.01):  # noqa: A002
    """`input` where positive, else ``negative_slope * input``.

    Args:
        input (Tensor): The input.
        negative_slope (float): The slope below 0. Default: ``0.01``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.leaky_relu(ms.Tensor([-2.0, 3.0])))
        [-0.02  3.  ]
    """
    return ops.leaky_relu(check_tensor("leaky_relu", "input", input), negative_slope)


def elu(input, alpha=1.0, inplace=False):  # noqa: A002
    """`input` where positive, else ``alpha * (exp(input) - 1)``.

    Args:
        input (Tensor): The input.
        alpha (float): The scale below 0. Default: ``1.0``.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.elu(ms.Tensor([-1.0, 2.0])))
        [-0.63212055  2.        ]
    """
    check_tensor("elu", "input", input)
    out = ops.where(input > 0, input, alpha * (ops.exp(ops.minimum(input, 0.0)) - 1))
    return _inplace(input, out, inplace)


def elu_(input, alpha=1.0):  # noqa: A002
    """:func:`elu` written into `input`.

    Args:
        input (Tensor): The input, updated.
        alpha (float): The scale below 0. Default: ``1.0``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([2.0])
        >>> print(F.elu_(x))
        [2.]
    """
    return elu(input, alpha, True)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):  # noqa: A002
    """`input` clamped to [`min_val`, `max_val`].

    Args:
        input (Tensor): The input.
        min_val (float): The lower bound. Default: ``-1.0``.
        max_val (float): The upper bound. Default: ``1.0``.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.hardtanh(ms.Tensor([-2.0, 0.5, 3.0])))
        [-1.   0.5  1. ]
    """
    out = ops.hardtanh(check_tensor("hardtanh", "input", input), min_val, max_val)
    return _inplace(input, out, inplace)


def hardtanh_(input, min_val=-1, max_val=1):  # noqa: A002
    """:func:`hardtanh` written into `input`.

    Args:
        input (Tensor): The input, updated.
        min_val (float): The lower bound. Default: ``-1``.
        max_val (float): The upper bound. Default: ``1``.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([3.0])
        >>> _ = F.hardtanh_(x)
        >>> print(x)
        [1.]
    """
    return hardtanh(input, min_val, max_val, True)


def logsigmoid(input):  # noqa: A002
    """``log(sigmoid(input))``, computed stably.

    Args:
        input (Tensor): The input.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.logsigmoid(ms.Tensor([0.0])))
        [-0.6931472]
    """
    return ops.logsigmoid(check_tensor("logsigmoid", "input", input))


def threshold(input, threshold, value, inplace=False):  # noqa: A002
    """`input` where it exceeds `threshold`, else `value`.

    Args:
        input (Tensor): The input.
        threshold (float): The threshold.
        value (float): The replacement.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.threshold(ms.Tensor([1.0, 3.0]), 2.0, 9.0))
        [9. 3.]
    """
    out = ops.threshold(check_tensor("threshold", "input", input), threshold, value)
    return _inplace(input, out, inplace)


def threshold_(input, threshold, value):  # noqa: A002
    """:func:`threshold` written into `input`.

    Args:
        input (Tensor): The input, updated.
        threshold (float): The threshold.
        value (float): The replacement.

    Returns:
        Tensor, `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([1.0, 3.0])
        >>> _ = F.threshold_(x, 2.0, 0.0)
        >>> print(x)
        [0. 3.]
    """
    return globals()["threshold"](input, threshold, value, True)


@alias(ops.glu)
def glu(input, dim=-1):  # noqa: A002
    return ops.glu(input, dim)


@alias(ops.prelu)
def prelu(input, weight):  # noqa: A002
    return ops.prelu(input, weight)


@alias(ops.mish)
def mish(input):  # noqa: A002
    return ops.mish(input)


@alias(ops.selu)
def selu(input):  # noqa: A002
    return ops.selu(input)


@alias(ops.hardshrink)
def hardshrink(input, lambd=0.5):  # noqa: A002
    return ops.hardshrink(input, lambd)


@alias(ops.softshrink)
def softshrink(input, lambd=0.5):  # noqa: A002
    return ops.softshrink(input, lambd)


@alias(ops.hardsigmoid)
def hardsigmoid(input):  # noqa: A002
    return ops.hardsigmoid(input)


@alias(ops.hardswish)
def hardswish(input):  # noqa: A002
    return ops.hardswish(input)


@alias(ops.softplus)
def softplus(input, beta=1, threshold=20):  # noqa: A002
    return ops.softplus(input, beta, threshold)


def dropout(input, p=0.5, training=True, inplace=False):  # noqa: A002
    """Zeroes each element with probability `p` and scales the rest by ``1 / (1 - p)`` when training.

    Args:
        input (Tensor): The input.
        p (float): The drop probability, in [0, 1]. Default: ``0.5``.
        training (bool): Whether to drop (else `input` is returned). Default: ``True``.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Raises:
        ValueError: `p` is not in [0, 1].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.dropout(ms.Tensor([1.0, 2.0]), 0.5, training=False))
        [1. 2.]
    """
    check_tensor("dropout", "input", input)
    if not 0 <= p <= 1:
        raise ShapeError(f"For 'dropout', p must be in [0, 1], but got {p}.")
    if not training or p == 0:
        return input
    out = input * 0 if p == 1 else ops.dropout(input, p, training=True)
    return _inplace(input, out, inplace)


def dropout2d(input, p=0.5, training=True, inplace=False):  # noqa: A002
    """Zeroes whole channels of an (N, C, H, W) or (C, H, W) input with probability `p`.

    Args:
        input (Tensor): The input.
        p (float): The drop probability, in [0, 1]. Default: ``0.5``.
        training (bool): Whether to drop. Default: ``True``.
        inplace (bool): Whether `input` takes the result. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.dropout2d(mint.ones((1, 2, 1, 1)), training=False).shape)
        (1, 2, 1, 1)
    """
    check_tensor("dropout2d", "input", input)
    if not 0 <= p <= 1:
        raise ShapeError(f"For 'dropout2d', p must be in [0, 1], but got {p}.")
    if not training or p == 0:
        return input
    out = input * 0 if p == 1 else ops.dropout2d(input, p, True)
    return _inplace(input, out, inplace)


def linear(input, weight, bias=None):  # noqa: A002
    """``input @ weight.T + bias``.

    Args:
        input (Tensor): (..., in_features).
        weight (Tensor): (out_features, in_features) or (in_features,).
        bias (Tensor, optional): (out_features,). Default: ``None``.

    Returns:
        Tensor of shape (..., out_features).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.linear(ms.Tensor([[1.0, 2.0]]), ms.Tensor([[1.0, 1.0]]), ms.Tensor([0.5])))
        [[3.5]]
    """
    check_tensor("linear", "input", input)
    check_tensor("linear", "weight", weight)
    out = ops.matmul(input, weight.T if weight.ndim == 2 else weight)
    return out if bias is None else out + bias


def _channel_shape(input):
    return (1, -1) + (1,) * (input.ndim - 2)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,  # noqa: A002
               momentum=0.1, eps=1e-05):
    """Batch normalisation over dim 1: batch statistics when `training` (and the running ones
    updated in place, ``new = (1 - momentum) * old + momentum * batch``, unbiased variance), else
    the running statistics.

    Args:
        input (Tensor): (N, C, ...).
        running_mean (Tensor): (C,), updated when training.
        running_var (Tensor): (C,), updated when training.
        weight (Tensor, optional): (C,) scale. Default: ``None``.
        bias (Tensor, optional): (C,) shift. Default: ``None``.
        training (bool): Whether to use batch statistics. Default: ``False``.
        momentum (float): The running statistics' update weight. Default: ``0.1``.
        eps (float): Added to the variance. Default: ``1e-05``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 6.0]])
        >>> print(F.batch_norm(x, ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 4.0])))
        [[0.        0.       ]
         [1.99999   1.9999976]]
    """
    check_tensor("batch_norm", "input", input)
    for name, value in (("running_mean", running_mean), ("running_var", running_var),
                        ("weight", weight), ("bias", bias)):
        if value is not None:
            check_tensor("batch_norm", name, value)
        elif name.startswith("running") and not training:
            raise ShapeError(f"For 'batch_norm', '{name}' is needed when 'training' is False, but got None.")
    if input.ndim < 2:
        raise ShapeError(f"For 'batch_norm', the input must be at least 2-D, but got shape "
                         f"{tuple(input.shape)}.")
    shape = _channel_shape(input)
    if training:
        axes = (0,) + tuple(range(2, input.ndim))
        mean = ops.mean(input, axes)
        var = ops.mean(ops.square(input - mean.reshape(shape)), axes)
        n = input.size // input.shape[1]
        if running_mean is not None:
            running_mean.copy_(ops.stop_gradient((1 - momentum) * running_mean + momentum * mean))
        if running_var is not None:
            unbiased = var * (n / max(n - 1, 1))
            running_var.copy_(ops.stop_gradient((1 - momentum) * running_var + momentum * unbiased))
    else:
        mean, var = running_mean, running_var
    out = (input - mean.reshape(shape)) / ops.sqrt(var.reshape(shape) + eps)
    if weight is not None:
        out = out * weight.reshape(shape)
    if bias is not None:
        out = out + bias.reshape(shape)
    return out


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):  # noqa: A002
    """Normalises the last ``len(normalized_shape)`` dims to mean 0 and variance 1, then scales.

    Args:
        input (Tensor): The input.
        normalized_shape (Union[int, tuple[int]]): The trailing shape normalised.
        weight (Tensor, optional): The scale, of `normalized_shape`. Default: ``None``.
        bias (Tensor, optional): The shift, of `normalized_shape`. Default: ``None``.
        eps (float): Added to the variance. Default: ``1e-05``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.layer_norm(ms.Tensor([[1.0, 3.0]]), (2,)))
        [[-0.999995  0.999995]]
    """
    check_tensor("layer_norm", "input", input)
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    return ops.layer_norm(input, shape, weight, bias, eps)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):  # noqa: A002
    """Normalises each of `num_groups` channel groups of an (N, C, ...) input, then scales per channel.

    Args:
        input (Tensor): (N, C, ...), C divisible by `num_groups`.
        num_groups (int): The groups.
        weight (Tensor, optional): (C,) scale. Default: ``None``.
        bias (Tensor, optional): (C,) shift. Default: ``None``.
        eps (float): Added to the variance. Default: ``1e-05``.

    Returns:
        Tensor of `input`'s shape.

    Raises:
        ValueError: C is not divisible by `num_groups`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.group_norm(ms.Tensor([[[1.0], [3.0]]]), 1))
        [[[-0.999995]
          [ 0.999995]]]
    """
    check_tensor("group_norm", "input", input)
    if input.ndim < 2 or input.shape[1] % num_groups:
        raise ShapeError(f"For 'group_norm', the channels of shape {tuple(input.shape)} must be "
                         f"divisible by num_groups={num_groups}.")
    n = input.shape[0]
    g = input.reshape(n, num_groups, -1)
    mean = ops.mean(g, 2, True)
    var = ops.mean(ops.square(g - mean), 2, True)
    out = ((g - mean) / ops.sqrt(var + eps)).reshape(input.shape)
    shape = _channel_shape(input)
    if weight is not None:
        out = out * weight.reshape(shape)
    if bias is not None:
        out = out + bias.reshape(shape)
    return out


def normalize(input, p=2.0, dim=1, eps=1e-12):  # noqa: A002
    """``input / max(||input||_p, eps)`` along `dim`.

    Args:
        input (Tensor): A float tensor.
        p (float): The norm. Default: ``2.0``.
        dim (int): The dim. Default: ``1``.
        eps (float): The least divisor. Default: ``1e-12``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.normalize(ms.Tensor([[3.0, 4.0]])))
        [[0.6 0.8]]
    """
    check_tensor("normalize", "input", input)
    if input.dtype not in mstype.float_type:
        raise DTypeError(f"For 'normalize', the input must be a float tensor, but got {input.dtype}.")
    norm = ops.vector_norm(input, p, dim, True)
    return input / ops.clamp(norm, eps)


NAMES = ("relu", "relu_", "relu6", "gelu", "silu", "sigmoid", "sigmoid_", "tanh", "softmax",
         "log_softmax", "leaky_relu", "elu", "elu_", "hardtanh", "hardtanh_", "logsigmoid",
         "threshold", "threshold_", "glu", "prelu", "mish", "selu", "hardshrink", "softshrink",
         "hardsigmoid", "hardswish", "softplus", "dropout", "dropout2d", "linear", "batch_norm",
         "layer_norm", "group_norm", "normalize")
__all__ = list(NAMES)

name_errors(globals(), NAMES)
