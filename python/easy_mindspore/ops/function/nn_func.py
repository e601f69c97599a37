"""``mindspore.ops`` neural-network functions: the losses (over the engine's native losses, the
same code as ``nn.CrossEntropyLoss`` and ``nn.BCEWithLogitsLoss``), ``nll_loss``, ``layer_norm``
and ``dropout``."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ...common.seed import _get_graph_seed
from ._args import half_in_float32 as _half_in_float32, int_arg as _int, tensor_arg as _tensor

__all__ = ["binary_cross_entropy_with_logits", "cross_entropy", "nll_loss", "layer_norm",
           "dropout", "l1_loss", "mse_loss", "gelu", "silu", "leaky_relu", "elu", "softplus",
           "hardtanh", "relu6", "logsigmoid"]

_REDUCTIONS = ("mean", "sum", "none")


def _reduction(op, r):
    if r not in _REDUCTIONS:
        raise ShapeError(f"For '{op}', 'reduction' must be 'mean', 'sum' or 'none', but got {r!r}.")
    return r


def binary_cross_entropy_with_logits(input, target, weight=None, pos_weight=None,  # noqa: A002
                                     reduction="mean"):
    """``ops.binary_cross_entropy_with_logits``: ``-w·[p·y·log σ(x) + (1-y)·log(1-σ(x))]``,
    computed stably from the logits.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        weight (Tensor, optional): A weight per element, broadcast with the loss. Default: ``None``.
        pos_weight (Tensor, optional): The weight of the positive examples, per class. Default:
            ``None``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.0, 2.0, 0.5], ms.float32)
        >>> y = ms.Tensor([0.0, 1.0, 1.0], ms.float32)
        >>> print(ops.binary_cross_entropy_with_logits(x, y))
        0.30475557
    """
    loss = _C.bce_with_logits_loss(_reduction("BCEWithLogitsLoss", reduction), weight, pos_weight)
    return loss(*_promoted_pair(_tensor("BCEWithLogitsLoss", "input", input),
                                _tensor("BCEWithLogitsLoss", "target", target)))


def _promoted_pair(input, target):  # noqa: A002
    """Two float tensors of different dtypes in their promoted dtype (MindSpore 2.10's losses give
    Float32 for a Float16 input with a Float32 target); anything else unchanged."""
    if isinstance(input, Tensor) and isinstance(target, Tensor) and input.dtype != target.dtype \
            and input.dtype in mstype.float_type and target.dtype in mstype.float_type:
        dtype = (input.reshape(-1)[:0] + target.reshape(-1)[:0]).dtype
        return input.astype(dtype), target.astype(dtype)
    return input, target


def _int_operands(x, t):
    """Two integer tensors as Float32 (the losses compute them there), else None."""
    if isinstance(x, Tensor) and isinstance(t, Tensor) and x.dtype in mstype.int_type + mstype.uint_type \
            and t.dtype in mstype.int_type + mstype.uint_type:
        return x.astype(mstype.float32), t.astype(mstype.float32)
    return None


def cross_entropy(input, target, weight=None, ignore_index=-100, reduction="mean",  # noqa: A002
                  label_smoothing=0.0):
    """``ops.cross_entropy``: the cross entropy of logits ``[N, C, ...]`` against class indices
    ``[N, ...]`` or class probabilities of the logits' shape.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        weight (Tensor, optional): A weight per class, 1-D of length C. Default: ``None``.
        ignore_index (int, optional): A target value that does not contribute to the loss. Default:
            ``-100``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        label_smoothing (float, optional): The amount of label smoothing, in ``[0, 1]``. Default:
            ``0.0``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> logits = ms.Tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], ms.float32)
        >>> labels = ms.Tensor([0, 2], ms.int32)
        >>> print(ops.cross_entropy(logits, labels))
        0.1754564
    """
    loss = _C.cross_entropy_loss(weight, _int("CrossEntropy", "ignore_index", ignore_index),
                                 _reduction("CrossEntropy", reduction), float(label_smoothing))
    return loss(_tensor("CrossEntropy", "input", input), _tensor("CrossEntropy", "target", target))


def nll_loss(inputs, target, weight=None, ignore_index=-100, reduction="mean",
             label_smoothing=0.0):
    """``ops.nll_loss``: ``-inputs[n, target[n]]`` (times the class weight) for log-probabilities
    ``[N, C, ...]``; ``'mean'`` divides by the total weight of the counted targets.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.
        target (Tensor): The target values.
        weight (Tensor, optional): A weight per class, 1-D of length C. Default: ``None``.
        ignore_index (int, optional): A target value that does not contribute to the loss. Default:
            ``-100``.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.
        label_smoothing (float, optional): The amount of label smoothing, in ``[0, 1]``. Default:
            ``0.0``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> logp = ms.Tensor([[-0.5, -1.0], [-2.0, -0.2]], ms.float32)
        >>> target = ms.Tensor([0, 1], ms.int32)
        >>> print(ops.nll_loss(logp, target))
        0.35
    """
    x = _tensor("NLLLoss", "inputs", inputs)
    t = _tensor("NLLLoss", "target", target)
    _reduction("NLLLoss", reduction)
    ignore_index = _int("NLLLoss", "ignore_index", ignore_index)
    if t.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For 'NLLLoss', 'target' must be Int32 or Int64, but got {t.dtype}.")
    if x.ndim < 1 or x.ndim == 1 and t.ndim != 0 or x.ndim > 1 and (
            t.ndim != x.ndim - 1 or t.shape != x.shape[:1] + x.shape[2:]):
        raise ShapeError(f"For 'NLLLoss', 'target' of shape {list(t.shape)} does not match "
                         f"'inputs' of shape {list(x.shape)}.")
    if x.ndim == 1:
        x, t = x.expand_dims(0), t.expand_dims(0)
    c = x.shape[1]
    # Classes last: [N, ..., C]; then one picked log-probability per target.
    x = x.permute(0, *range(2, x.ndim), 1) if x.ndim > 2 else x
    keep = t != ignore_index
    safe = _C.where_(keep, t, Tensor(0, t.dtype))
    picked = -_gather_last(x, safe)
    w = Tensor(1.0, x.dtype) if weight is None else _tensor("NLLLoss", "weight", weight)
    if weight is not None and (w.ndim != 1 or w.shape[0] != c):
        raise ShapeError(f"For 'NLLLoss', 'weight' must have {c} elements, got {list(w.shape)}.")
    wt = w[safe] if weight is not None else _C.full(tuple(t.shape), 1.0, x.dtype)
    wt = wt * keep.astype(x.dtype)
    loss = picked * wt
    if label_smoothing:
        smooth = -(x * (w if weight is not None else 1.0)).sum(-1) * keep.astype(x.dtype) / c
        loss = loss * (1.0 - label_smoothing) + smooth * label_smoothing
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum()
    return loss.sum() / wt.sum()


def _gather_last(x, idx):
    return _C.gather_elements(x, -1, idx.expand_dims(-1)).squeeze(-1)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5):  # noqa: A002
    """``ops.layer_norm``: ``(x - mean) / sqrt(var + eps) * weight + bias`` over the trailing
    ``normalized_shape`` axes (biased variance, as MindSpore).

    Args:
        input (Tensor): The input tensor.
        normalized_shape (Union[int, tuple[int]]): The trailing shape normalised over.
        weight (Tensor, optional): The weights. Default: ``None``.
        bias (Tensor, optional): The bias, one value per output channel. Default: ``None``.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-05``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.layer_norm(x, (3,)))
        [[-1.2247356  0.         1.2247356]
         [-1.2247356  0.         1.2247356]]
    """
    x = _tensor("LayerNorm", "input", input)
    shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    k = len(shape)
    if k == 0 or k > x.ndim or tuple(x.shape[x.ndim - k:]) != shape:
        raise ShapeError(f"For 'LayerNorm', 'normalized_shape' {list(shape)} must end the input "
                         f"shape {list(x.shape)}.")
    if x.dtype not in mstype.float_type:
        raise DTypeError(f"For 'LayerNorm', the input must be a float tensor, but got {x.dtype}.")
    y = _C.layer_norm(x, x.ndim - k, float(eps))  # the fused primitive over the trailing k axes
    if weight is not None:
        y = y * weight
    if bias is not None:
        y = y + bias
    return y


def dropout(input, p=0.5, training=True, seed=None):  # noqa: A002
    """``ops.dropout``: each element zeroed with probability ``p`` and the rest scaled by
    ``1/(1-p)`` when ``training``; the input unchanged otherwise.

    Args:
        input (Tensor): The input tensor.
        p (float, optional): The probability of zeroing an element. Default: ``0.5``.
        training (bool, optional): Whether to apply dropout (False returns the input). Default:
            ``True``.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 4), ms.float32)
        >>> print(ops.dropout(x, p=0.5, training=False))
        [[1. 1. 1. 1.]
         [1. 1. 1. 1.]]
    """
    x = _tensor("Dropout", "input", input)
    if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
        raise ShapeError(f"For 'Dropout', 'p' must be a float in [0, 1], but got {p}.")
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return x * 0.0
    if x.dtype in (mstype.float16, mstype.float32):  # MindSpore's kernel, a new one per call
        from ._ms_dropout import dropout_function
        return dropout_function(_get_graph_seed(seed, "dropout"), p)(x)
    if seed is not None:
        _C.set_seed(seed)
    cell = _C.dropout(float(p))
    cell.set_train(True)
    return cell(x)


def l1_loss(input, target, reduction="mean"):  # noqa: A002
    """``ops.l1_loss``: ``|input - target|``, reduced.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.l1_loss(x, y))
        1.5
    """
    x, t = _promoted_pair(input, target)
    ints = _int_operands(x, t)
    if ints is not None:  # MindSpore 2.10: the loss of integer operands in their dtype
        return _C.l1_loss(_reduction("L1Loss", reduction))(*ints).astype(x.dtype)
    return _C.l1_loss(_reduction("L1Loss", reduction))(x, t)


def mse_loss(input, target, reduction="mean"):  # noqa: A002
    """``ops.mse_loss``: ``(input - target)²``, reduced.

    Args:
        input (Tensor): The input tensor.
        target (Tensor): The target values.
        reduction (str, optional): How the per-element losses are reduced: ``'mean'``, ``'sum'`` or
            ``'none'``. Default: ``'mean'``.

    Returns:
        Tensor, the loss: 0-D for `reduction` ``'mean'`` or ``'sum'``, of the input shape for
        ``'none'``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.mse_loss(x, y))
        3.75
    """
    x, t = _promoted_pair(input, target)
    ints = _int_operands(x, t)  # MindSpore 2.10: integer operands give a Float32 loss
    return _C.mse_loss(_reduction("MSELoss", reduction))(*(ints if ints is not None else (x, t)))


def gelu(input, approximate="none"):  # noqa: A002
    """``ops.gelu``: ``x·Φ(x)`` (``approximate='tanh'``: the tanh form).

    Args:
        input (Tensor): The input tensor.
        approximate (str, optional): ``'none'`` for the exact erf form, ``'tanh'`` for the tanh
            approximation. Default: ``'none'``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.gelu(x))
        [-0.10021082  0.          2.4844759 ]
    """
    x = _tensor("GeLU", "input", input)
    if approximate == "tanh":
        return 0.5 * x * (1.0 + ((x + 0.044715 * x * x * x) * 0.7978845608028654).tanh())
    if approximate != "none":
        raise ShapeError(f"For 'GeLU', 'approximate' must be 'none' or 'tanh', got {approximate!r}.")
    return 0.5 * x * (1.0 + (x * 0.7071067811865476).erf())


def silu(input):  # noqa: A002
    """``ops.silu``: ``x·σ(x)``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.silu(x))
        [-0.2736383  0.         2.3103545]
    """
    x = _tensor("SiLU", "input", input)
    return x * x.sigmoid()


def leaky_relu(input, alpha=0.2):  # noqa: A002
    """``ops.leaky_relu``: ``x`` for ``x > 0``, else ``alpha·x``.

    Args:
        input (Tensor): The input tensor.
        alpha (float, optional): The slope of the negative part. Default: ``0.2``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.leaky_relu(x))
        [-0.3  0.   2.5]
    """
    x = _tensor("LeakyReLU", "input", input)
    return _C.where_(x > 0, x, x * alpha)


def elu(input_x, alpha=1.0):
    """``ops.elu``: ``x`` for ``x > 0``, else ``alpha·(e^x - 1)``.

    Args:
        input_x (Tensor): The input tensor.
        alpha (float, optional): The scale α of the negative part. Default: ``1.0``.

    Returns:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.elu(x))
        [-0.77686983  0.          2.5       ]
    """
    x = _tensor("Elu", "input_x", input_x)
    return _C.where_(x > 0, x, _C.minimum(x, 0.0).expm1() * alpha)


@_half_in_float32
def softplus(input, beta=1, threshold=20):  # noqa: A002
    """``ops.softplus``: ``log(1 + e^(beta·x)) / beta`` (linear past ``threshold``).

    Args:
        input (Tensor): The input tensor.
        beta (number, optional): The scale β in ``log(1 + exp(beta * x)) / beta``. Default: ``1``.
        threshold (number, optional): Above ``beta * x > threshold`` the result is `x` (linear).
            Default: ``20``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.softplus(x))
        [0.20141333 0.6931472  2.5788898 ]
    """
    x = _tensor("Softplus", "input", input)
    bx = x * beta
    soft = (_C.maximum(bx, 0.0) + ((-bx.abs()).exp() + 1.0).log()) / beta
    return _C.where_(bx > threshold, x, soft)


def hardtanh(input, min_val=-1.0, max_val=1.0):  # noqa: A002
    """``ops.hardtanh``: ``x`` limited to ``[min_val, max_val]``.

    Args:
        input (Tensor): The input tensor.
        min_val (float, optional): The lower bound. Default: ``-1.0``.
        max_val (float, optional): The upper bound. Default: ``1.0``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.hardtanh(x))
        [-1.  0.  1.]
    """
    x = _tensor("Hardtanh", "input", input)
    # the lower bound first, then the upper one: with min_val > max_val every value is max_val
    # (MindSpore 2.10, PyTorch)
    x = _C.where_(x < min_val, Tensor(min_val, x.dtype), x)
    return _C.where_(x > max_val, Tensor(max_val, x.dtype), x)


def relu6(x):
    """``ops.relu6``: ``min(max(x, 0), 6)``.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.relu6(x))
        [0.  0.  2.5]
    """
    return hardtanh(_tensor("ReLU6", "x", x), 0.0, 6.0)


def logsigmoid(x):
    """``ops.logsigmoid``: ``log σ(x) = -softplus(-x)``, stable.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.logsigmoid(x))
        [-1.7014134  -0.6931472  -0.07888975]
    """
    x = _tensor("LogSigmoid", "x", x)
    return -softplus(-x)


# Part two lives in ``_nn_more`` (kept apart for size); its functions are this module's too.
from . import _nn_more as _more  # noqa: E402

globals().update({_name: getattr(_more, _name) for _name in _more.__all__})
__all__ += _more.__all__

# The 3-D convolution and pooling, the unpooling, LRN and CTC loss live in their own modules.
from . import _nn_3d  # noqa: E402

globals().update({_name: getattr(_nn_3d, _name) for _name in _nn_3d.__all__})
__all__ += _nn_3d.__all__

from . import _conv_pool_more, _ctc, _fractional_pool, _im2col_func, _loss_more, _unpool  # noqa: E402

for _mod in (_unpool, _ctc, _conv_pool_more, _im2col_func, _loss_more, _fractional_pool):
    globals().update({_name: getattr(_mod, _name) for _name in _mod.__all__})
    __all__ += _mod.__all__


def softmax_ext(input, dim=None, dtype=None):  # noqa: A002
    """MindSpore's ``softmax_ext``: ``mint.softmax`` over `dim` (the last axis when None).

    Args:
        input (Tensor): The input.
        dim (int, optional): The axis. Default: ``None`` (-1).
        dtype (mindspore.dtype, optional): The dtype `input` is cast to first. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.function import nn_func
        >>> print(nn_func.softmax_ext(ms.Tensor([1.0, 2.0, 3.0])))
        [0.09003057 0.24472848 0.66524094]
    """
    from ... import mint
    return mint.softmax(input, -1 if dim is None else dim, dtype=dtype)


# MindSpore 2.10 names of this module defined elsewhere in the package (see ``_module_names``).
from ._module_names import forwarder as _forwarder  # noqa: E402

__getattr__ = _forwarder("nn_func")
