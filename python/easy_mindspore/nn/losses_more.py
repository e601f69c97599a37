"""More losses of MindSpore 2.x's ``nn`` (``MarginRankingLoss``, ``HingeEmbeddingLoss``,
``MultiMarginLoss``, ``MultiLabelSoftMarginLoss``, ``PoissonNLLLoss``, ``GaussianNLLLoss``,
``DiceLoss``, ``MultiClassDiceLoss``, ``FocalLoss``, ``TripletMarginLoss``,
``MultilabelMarginLoss``): each a few engine ops over
``LossBase.get_loss``'s reduction, so differentiable; arguments, defaults and the shape each
reduction gives are MindSpore 2.10's."""
import math

import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from .cell import Cell
from .layer import get_activation
from .loss import LossBase
from ..ops.function._args import tensor_arg as _tensor

__all__ = ["MarginRankingLoss", "HingeEmbeddingLoss", "MultiMarginLoss",
           "MultiLabelSoftMarginLoss", "PoissonNLLLoss", "GaussianNLLLoss", "DiceLoss",
           "MultiClassDiceLoss", "FocalLoss", "TripletMarginLoss", "MultilabelMarginLoss"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def _float_input(op, what, x):
    _tensor(op, what, x)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', '{what}' must be a float Tensor, but got {x.dtype}.")
    return x


def _as_float(x):
    return x if x.dtype in _FLOATS else x.astype(mstype.float32)


def _broadcast(op, *xs):
    """The common broadcast shape of the tensors, or a ShapeError naming their shapes."""
    try:
        return tuple(_np.broadcast_shapes(*(tuple(x.shape) for x in xs)))
    except ValueError:
        raise ShapeError(f"For '{op}', the input shapes {[list(x.shape) for x in xs]} do not "
                         f"broadcast.") from None


def _is_float(v):
    return isinstance(v, float)


class MarginRankingLoss(LossBase):
    r""":math:`\max(0, -y (x_1 - x_2) + \text{margin})`: how far `input1` fails to rank above
    (``target = 1``) or below (``target = -1``) `input2` by `margin`.

    Args:
        margin (float, optional): The margin. Default: ``0.0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **input1** (Tensor) - :math:`(N, *)`.
        - **input2** (Tensor) - Broadcastable with `input1`.
        - **target** (Tensor) - 1 or -1, broadcastable with `input1`.

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; the broadcast shape for ``'none'``. Integer
        inputs give float32.

    Raises:
        TypeError: If `margin` is not a float, or an input is not a Tensor.
        ValueError: If `reduction` is not one of the three, or the inputs do not broadcast.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> input1 = ms.Tensor(np.array([0.3864, -2.4093, -1.4076]), ms.float32)
        >>> input2 = ms.Tensor(np.array([-0.6012, -1.6681, 1.2928]), ms.float32)
        >>> target = ms.Tensor(np.array([1, 1, -1]), ms.float32)
        >>> print(nn.MarginRankingLoss(margin=0.5, reduction='none')(input1, input2, target))
        [0.        1.2412001 0.       ]
    """

    def __init__(self, margin=0.0, reduction="mean"):
        super().__init__(reduction)
        if not _is_float(margin):
            raise DTypeError(f"For 'MarginRankingLoss', 'margin' must be a float, but got "
                             f"{type(margin).__name__}.")
        self.margin = margin

    def construct(self, input1, input2, target):
        op = "MarginRankingLoss"
        a, b = _tensor(op, "input1", input1), _tensor(op, "input2", input2)
        y = _tensor(op, "target", target)
        _broadcast(op, a, b, y)
        a, b, y = _as_float(a), _as_float(b).astype(_as_float(a).dtype), _as_float(y)
        return self.get_loss(_ops.relu(-y.astype(a.dtype) * (a - b) + self.margin))


class HingeEmbeddingLoss(LossBase):
    r"""For distances `logits` and labels `labels` in {1, -1}: :math:`x` where :math:`y = 1`,
    :math:`\max(0, \text{margin} - x)` where :math:`y = -1` (other labels count 0).

    Args:
        margin (Union[float, int], optional): The margin of the negative pairs. Default: ``1.0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **logits** (Tensor) - A float Tensor.
        - **labels** (Tensor) - Broadcastable with `logits`.

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; the broadcast shape for ``'none'``.

    Raises:
        TypeError: If `margin` is not a float or an int, or `logits` is not a float Tensor.
        ValueError: If `reduction` is not one of the three, or the shapes do not broadcast.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor(np.array([0.9, -1.2, 2, 0.8, 3.9, 2, 1, 0, -1]).reshape((3, 3)),
        ...                    ms.float32)
        >>> labels = ms.Tensor(np.array([[1, 1, -1], [1, -1, -1], [-1, 1, -1]]), ms.float32)
        >>> print(nn.HingeEmbeddingLoss(margin=1.0, reduction='mean')(logits, labels))
        0.2777778
    """

    def __init__(self, margin=1.0, reduction="mean"):
        super().__init__(reduction)
        if isinstance(margin, bool) or not isinstance(margin, (float, int)):
            raise DTypeError(f"For 'HingeEmbeddingLoss', 'margin' must be a float or an int, but "
                             f"got {type(margin).__name__}.")
        self.margin = margin

    def construct(self, logits, labels):
        op = "HingeEmbeddingLoss"
        x = _float_input(op, "logits", logits)
        y = _tensor(op, "labels", labels)
        shape = _broadcast(op, x, y)
        x = _ops.broadcast_to(x, shape)
        zero = _ops.zeros_like(x)
        loss = _ops.where(y == 1, x, zero) + \
            _ops.where(y == -1, _ops.relu(self.margin - x), zero)
        return self.get_loss(loss)


class MultiMarginLoss(LossBase):
    r"""The multi-class hinge loss of scores :math:`x` of shape :math:`(N, C)` and classes
    :math:`y`: :math:`\frac{1}{C}\sum_{i \ne y} w_y \max(0, \text{margin} - x_y + x_i)^p`.

    Args:
        p (int, optional): 1 or 2. Default: ``1``.
        margin (float, optional): The margin. Default: ``1.0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        weight (Tensor, optional): A weight per class, of shape :math:`(C,)`; it takes
            precedence over the `weight` input. Default: ``None``.

    Inputs:
        - **x** (Tensor) - :math:`(N, C)`, float.
        - **target** (Tensor) - :math:`(N,)`, int64 classes in :math:`[0, C)`.
        - **weight** (Tensor, optional) - :math:`(C,)`, used when the `weight` argument is None.
          Default: ``None``.

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; :math:`(N,)` for ``'none'``.

    Raises:
        TypeError: If `margin` is not a float, `x` is not a float Tensor, or `target` is not
            int64.
        ValueError: If `p` is not 1 or 2, `reduction` is not one of the three, `x` is not 2-D,
            `target` is not 1-D of length N, or a class is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.ones(shape=[3, 3]), ms.float32)
        >>> target = ms.Tensor(np.array([1, 2, 1]), ms.int64)
        >>> weight = ms.Tensor(np.ones(shape=3), ms.float32)
        >>> print(nn.MultiMarginLoss()(x, target, weight))
        0.6666667
    """

    def __init__(self, p=1, margin=1.0, reduction="mean", weight=None):
        super().__init__(reduction)
        if isinstance(p, bool) or p not in (1, 2):
            raise ShapeError(f"For 'MultiMarginLoss', 'p' must be 1 or 2, but got {p!r}.")
        if not _is_float(margin):
            raise DTypeError(f"For 'MultiMarginLoss', 'margin' must be a float, but got "
                             f"{type(margin).__name__}.")
        self.p, self.margin, self.weight = p, margin, weight

    def construct(self, x, target, weight=None):
        op = "MultiMarginLoss"
        x = _float_input(op, "x", x)
        y = _tensor(op, "target", target)
        if y.dtype != mstype.int64:
            raise DTypeError(f"For '{op}', 'target' must be int64, but got {y.dtype}.")
        if x.ndim != 2 or y.ndim != 1 or y.shape[0] != x.shape[0]:
            raise ShapeError(f"For '{op}', 'x' must be 2-D (N, C) and 'target' 1-D (N,), but got "
                             f"shapes {list(x.shape)} and {list(y.shape)}.")
        n, c = x.shape
        labels = y.asnumpy()
        if labels.size and (labels.min() < 0 or labels.max() >= c):
            raise ShapeError(f"For '{op}', 'target' must be in [0, {c}), but got values from "
                             f"{labels.min()} to {labels.max()}.")
        w = self.weight if self.weight is not None else weight
        onehot = _ops.one_hot(y, c, Tensor(1.0, x.dtype), Tensor(0.0, x.dtype))
        x_y = (x * onehot).sum(axis=1, keepdims=True)
        hinge = _ops.relu(self.margin - x_y + x) * (1.0 - onehot)
        if self.p == 2:
            hinge = hinge * hinge
        loss = hinge.sum(axis=1) / c
        if w is not None:
            _tensor(op, "weight", w)
            if tuple(w.shape) != (c,):
                raise ShapeError(f"For '{op}', 'weight' must be of shape ({c},), but got "
                                 f"{list(w.shape)}.")
            loss = loss * (onehot * w.astype(x.dtype)).sum(axis=1)
        return self.get_loss(loss)


class MultiLabelSoftMarginLoss(LossBase):
    r"""The multi-label one-versus-all loss:
    :math:`-\frac{1}{C}\sum_c w_c\,[y_c \log\sigma(x_c) + (1 - y_c)\log\sigma(-x_c)]` per sample
    (the last axis holds the C classes).

    Args:
        weight (Tensor, optional): A weight per class, broadcast against the last axis. Default:
            ``None``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **x** (Tensor) - :math:`(N, C)` scores (any rank, the classes last), float.
        - **target** (Tensor) - Labels 0 or 1, broadcastable with `x`.

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; ``x.shape[:-1]`` for ``'none'``.

    Raises:
        TypeError: If `x` is not a float Tensor, or `weight` is not a Tensor.
        ValueError: If `reduction` is not one of the three, or the shapes do not broadcast.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[0.3, 0.7], [0.5, 0.5]]), ms.float32)
        >>> target = ms.Tensor(np.array([[0, 1], [1, 0]]), ms.int32)
        >>> loss = nn.MultiLabelSoftMarginLoss(reduction="none")(x, target)
        >>> print(loss.shape, np.round(loss.asnumpy(), 5))
        (2,) [0.62877 0.72408]
    """

    def __init__(self, weight=None, reduction="mean"):
        super().__init__(reduction)
        if weight is not None and not isinstance(weight, Tensor):
            raise DTypeError(f"For 'MultiLabelSoftMarginLoss', 'weight' must be a Tensor or None, "
                             f"but got {type(weight).__name__}.")
        self.weight = weight

    def construct(self, x, target):
        op = "MultiLabelSoftMarginLoss"
        x = _float_input(op, "x", x)
        y = _tensor(op, "target", target)
        shape = _broadcast(op, x, y)
        y = _ops.broadcast_to(y.astype(x.dtype), shape)
        x = _ops.broadcast_to(x, shape)
        per = y * _ops.logsigmoid(x) + (1.0 - y) * _ops.logsigmoid(-x)
        if self.weight is not None:
            per = per * self.weight.astype(x.dtype)
        return self.get_loss(-per.mean(axis=-1))


class PoissonNLLLoss(LossBase):
    r"""The negative log-likelihood of a Poisson target: :math:`e^x - y x` when `log_input`
    (`x` is the log-rate), else :math:`x - y \log(x + \text{eps})`; `full` adds Stirling's term
    :math:`y \log y - y + \frac{1}{2}\log(2\pi y)` where :math:`y > 1`.

    Args:
        log_input (bool, optional): Whether `input` is the log of the rate. Default: ``True``.
        full (bool, optional): Whether to add Stirling's term. Default: ``False``.
        eps (float, optional): Added to the rate before the log when not `log_input`. Default:
            ``1e-08``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **input** (Tensor) - A float Tensor.
        - **target** (Tensor) - Broadcastable with `input` (cast to its dtype).

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; the broadcast shape for ``'none'``.

    Raises:
        TypeError: If `input` is not a float Tensor or `target` is not a Tensor.
        ValueError: If `reduction` is not one of the three, or the shapes do not broadcast.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[0.3, 0.7], [0.5, 0.5]]), ms.float32)
        >>> target = ms.Tensor(np.array([[1.0, 2.0], [3.0, 4.0]]), ms.float32)
        >>> print(np.round(nn.PoissonNLLLoss()(x, target).asnumpy(), 5))
        0.36526
    """

    def __init__(self, log_input=True, full=False, eps=1e-08, reduction="mean"):
        super().__init__(reduction)
        self.log_input, self.full, self.eps = log_input, full, eps

    def construct(self, input, target):  # noqa: A002 - MindSpore's name
        op = "PoissonNLLLoss"
        x = _float_input(op, "input", input)
        y = _tensor(op, "target", target)
        _broadcast(op, x, y)
        y = y.astype(x.dtype)
        if self.log_input:
            loss = x.exp() - y * x
        else:
            loss = x - y * (x + self.eps).log()
        if self.full:
            ys = _ops.maximum(y, Tensor(self.eps, x.dtype))
            stirling = ys * ys.log() - ys + 0.5 * (2 * math.pi * ys).log()
            loss = loss + _ops.where(ys > 1, stirling, _ops.zeros_like(stirling))
        return self.get_loss(loss)


class GaussianNLLLoss(LossBase):
    r"""The negative log-likelihood of a Gaussian target with predicted mean `logits` and
    variance `var`: :math:`\frac{1}{2}(\log v + (x - y)^2 / v)` with
    :math:`v = \max(\text{var}, \text{eps})`; `full` adds :math:`\frac{1}{2}\log 2\pi`.

    Args:
        full (bool, optional): Whether to add the constant term. Keyword-only. Default: ``False``.
        eps (float, optional): The smallest variance used, positive. Keyword-only. Default:
            ``1e-6``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Keyword-only. Default:
            ``'mean'``.

    Inputs:
        - **logits** (Tensor) - The predicted means, :math:`(N, *)`.
        - **labels** (Tensor) - The targets, broadcastable with `logits`.
        - **var** (Tensor) - The variances: the shape of `logits`, or that shape with its last
          axis of size 1 or dropped (one variance per sample).

    Outputs:
        Tensor (float), 0-D for ``'mean'`` and ``'sum'``; the broadcast shape for ``'none'``.

    Raises:
        TypeError: If `full` is not a bool, `eps` is not a float, or an input is not a Tensor.
        ValueError: If `eps` is not positive, `reduction` is not one of the three, or the shapes
            do not fit.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor(np.arange(8).reshape((4, 2)), ms.float32)
        >>> labels = ms.Tensor(np.array([2, 3, 1, 4, 6, 4, 4, 9]).reshape((4, 2)), ms.float32)
        >>> var = ms.Tensor(np.ones((4, 1)), ms.float32)
        >>> print(nn.GaussianNLLLoss(reduction='mean')(logits, labels, var))
        1.4375
    """

    def __init__(self, *, full=False, eps=1e-6, reduction="mean"):
        super().__init__(reduction)
        if not isinstance(eps, float):
            raise DTypeError(f"For 'GaussianNLLLoss', 'eps' must be a float, but got "
                             f"{type(eps).__name__}.")
        if not eps > 0:
            raise ShapeError(f"For 'GaussianNLLLoss', 'eps' must be in (0, inf), but got {eps}.")
        if not isinstance(full, bool):
            raise DTypeError(f"For 'GaussianNLLLoss', 'full' must be a bool, but got "
                             f"{type(full).__name__}.")
        self.full, self.eps = full, eps

    def construct(self, logits, labels, var):
        op = "GaussianNLLLoss"
        x = _as_float(_tensor(op, "logits", logits))
        y = _as_float(_tensor(op, "labels", labels)).astype(x.dtype)
        v = _as_float(_tensor(op, "var", var)).astype(x.dtype)
        if v.ndim == x.ndim - 1 and tuple(v.shape) == tuple(x.shape[:-1]):
            v = v.expand_dims(-1)  # one variance per sample
        _broadcast(op, x, y, v)
        v = _ops.maximum(v, Tensor(self.eps, x.dtype))
        loss = 0.5 * (v.log() + (x - y) ** 2 / v)
        if self.full:
            loss = loss + 0.5 * math.log(2 * math.pi)
        return self.get_loss(loss)


def _dice(logits, label, smooth):
    a, b = logits.reshape(-1), label.reshape(-1).astype(logits.dtype)
    inter = (a * b).sum()
    union = (a * a).sum() + (b * b).sum()
    return 1.0 - 2.0 * inter / (union + smooth)


class DiceLoss(Cell):
    r"""One minus the Dice coefficient of `logits` and `label`, over all elements:
    :math:`1 - \frac{2\sum xy}{\sum x^2 + \sum y^2 + \text{smooth}}`.

    Args:
        smooth (float, optional): Added to the denominator, positive. Default: ``1e-5``.

    Inputs:
        - **logits** (Tensor) - Predictions in [0, 1].
        - **label** (Tensor) - Of the shape of `logits`, 0 or 1.

    Outputs:
        Tensor, 0-D, in the dtype of `logits`.

    Raises:
        TypeError: If `smooth` is not a float, or an input is not a Tensor.
        ValueError: If `smooth` is not positive, or the shapes differ.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor(np.array([[0.2, 0.5], [0.3, 0.1], [0.9, 0.6]]), ms.float32)
        >>> labels = ms.Tensor(np.array([[0, 1], [1, 0], [0, 1]]), ms.float32)
        >>> print(nn.DiceLoss(smooth=1e-5)(logits, labels))
        0.38596618
    """

    def __init__(self, smooth=1e-5):
        super().__init__()
        if not isinstance(smooth, float):
            raise DTypeError(f"For 'DiceLoss', 'smooth' must be a float, but got "
                             f"{type(smooth).__name__}.")
        if not smooth > 0:
            raise ShapeError(f"For 'DiceLoss', 'smooth' must be > 0, but got {smooth}.")
        self.smooth = smooth

    def construct(self, logits, label):
        x = _as_float(_tensor("DiceLoss", "logits", logits))
        y = _tensor("DiceLoss", "labels", label)
        if tuple(x.shape) != tuple(y.shape):
            raise ShapeError(f"For 'DiceLoss', 'logits' and 'labels' must have the same shape, "
                             f"but got {list(x.shape)} and {list(y.shape)}.")
        return _dice(x, y, self.smooth)


_DICE_ACTIVATIONS = ("softmax", "logsoftmax", "relu", "relu6", "tanh", "sigmoid")


class MultiClassDiceLoss(Cell):
    r"""The mean over the classes (axis 1) of :class:`DiceLoss` between ``activation(logits)[:, i]``
    and ``label[:, i]``, each times ``weights[i]`` when given; class `ignore_indiex` counts 0.

    Args:
        weights (Tensor, optional): 2-D, ``weights[i]`` multiplies class ``i``'s loss;
            ``weights.shape[0]`` must be the number of classes. Default: ``None``.
        ignore_indiex (int, optional): A class left out (MindSpore's spelling). Default: ``None``.
        activation (Union[str, Cell], optional): Applied to `logits` first: ``'softmax'``,
            ``'logsoftmax'``, ``'relu'``, ``'relu6'``, ``'tanh'``, ``'sigmoid'``, a Cell or None.
            Default: ``'softmax'``.

    Inputs:
        - **logits** (Tensor) - :math:`(N, C, *)`.
        - **label** (Tensor) - Of the shape of `logits`, one-hot over axis 1.

    Outputs:
        Tensor, the loss (0-D unless `weights` rows are longer than one).

    Raises:
        TypeError: If `weights` is not a Tensor, `ignore_indiex` is not an int, or `activation`
            is not a str, a Cell or None.
        ValueError: If `weights` is not 2-D or does not have a row per class, `activation` is not
            one of the names, the shapes differ, or `logits` has rank below 2.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> loss = nn.MultiClassDiceLoss(weights=None, ignore_indiex=None, activation="softmax")
        >>> logits = ms.Tensor(np.array([[0.2, 0.5, 0.7], [0.3, 0.1, 0.5], [0.9, 0.6, 0.3]]),
        ...                    ms.float32)
        >>> labels = ms.Tensor(np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]]), ms.float32)
        >>> print(np.round(loss(logits, labels).asnumpy(), 5))
        0.54958
    """

    def __init__(self, weights=None, ignore_indiex=None, activation="softmax"):
        super().__init__()
        op = "MultiClassDiceLoss"
        if weights is not None and not isinstance(weights, Tensor):
            raise DTypeError(f"For '{op}', 'weights' must be a Tensor, but got "
                             f"{type(weights).__name__}.")
        if weights is not None and weights.ndim != 2:
            raise ShapeError(f"For '{op}', 'weights' must be 2-D, but got shape "
                             f"{list(weights.shape)}.")
        if ignore_indiex is not None and (isinstance(ignore_indiex, bool)
                                          or not isinstance(ignore_indiex, int)):
            raise DTypeError(f"For '{op}', 'ignore_indiex' must be an int, but got "
                             f"{type(ignore_indiex).__name__}.")
        if isinstance(activation, str):
            if activation not in _DICE_ACTIVATIONS:
                raise ShapeError(f"For '{op}', 'activation' must be in {list(_DICE_ACTIVATIONS)}, "
                                 f"but got {activation!r}.")
            activation = get_activation(activation)
        if activation is not None and not isinstance(activation, Cell):
            raise DTypeError(f"For '{op}', 'activation' must be a str, a Cell or None, but got "
                             f"{type(activation).__name__}.")
        self.binarydiceloss = DiceLoss(smooth=1e-5)
        self.weights, self.ignore_indiex, self.activation = weights, ignore_indiex, activation

    def construct(self, logits, label):
        op = "MultiClassDiceLoss"
        x = _tensor(op, "logits", logits)
        y = _tensor(op, "labels", label)
        if tuple(x.shape) != tuple(y.shape):
            raise ShapeError(f"For '{op}', 'logits' and 'labels' must have the same shape, but "
                             f"got {list(x.shape)} and {list(y.shape)}.")
        if x.ndim < 2:
            raise ShapeError(f"For '{op}', 'logits' must have rank >= 2, but got shape "
                             f"{list(x.shape)}.")
        c = y.shape[1]
        if self.weights is not None and self.weights.shape[0] != c:
            raise ShapeError(f"For '{op}', 'weights' must have {c} rows (one per class), but got "
                             f"shape {list(self.weights.shape)}.")
        x = _as_float(x)
        if self.activation is not None:
            x = self.activation(x)
        total = 0.0
        for i in range(c):
            if i == self.ignore_indiex:
                continue
            loss = self.binarydiceloss(x[:, i], y[:, i])
            if self.weights is not None:
                loss = loss * self.weights[i].astype(loss.dtype)
            total = total + loss
        return total / c


class FocalLoss(LossBase):
    r"""The focal loss :math:`-(1 - p_t)^\gamma \log p_t` of softmax probabilities over axis 1,
    averaged over the spatial positions of each sample: with class-index labels
    (``labels.shape[1] == 1``) one loss per sample; with one-hot labels (``labels.shape[1] == C``)
    one per sample and class.

    As in MindSpore, each input keeps its own batch and spatial sizes (axes 2 and up flattened):
    class-index labels of shape :math:`(N', 1, S')` pick the class of each label in the first
    :math:`N'` rows and :math:`S'` positions of the logits (an index may be negative, counted from
    the end), and one-hot labels broadcast against the logits.

    Args:
        weight (Tensor, optional): 1-D, a weight per class. Default: ``None``.
        gamma (float, optional): The focusing exponent. Default: ``2.0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **logits** (Tensor) - :math:`(N, C)`, :math:`(N, C, H)` or :math:`(N, C, H, W)`, C > 1,
          of a float dtype.
        - **labels** (Tensor) - Of the rank of `logits`, axis 1 of size 1 (class indices) or C
          (one-hot); int32, int64, float16 or float32.

    Outputs:
        Tensor, 0-D for ``'mean'`` and ``'sum'``; :math:`(N',)` (or the broadcast :math:`(N, C)`
        for one-hot labels) for ``'none'``.

    Raises:
        TypeError: If `gamma` is not a float, `weight` is not a Tensor, `labels` has another
            dtype or `logits` is not a float Tensor.
        ValueError: If `weight` is not 1-D, the ranks are not equal and in [2, 4], C is 1,
            ``labels.shape[1]`` is neither 1 nor C, class-index labels have more rows or
            positions than the logits, or one-hot labels do not broadcast against them.
        RuntimeError: If a class index is outside :math:`[-C, C)` (or outside `weight`).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> logits = ms.Tensor([[0.8, 1.4, 6.3], [1.9, 1.2, 2.7]], ms.float32)
        >>> labels = ms.Tensor([[1], [1]], ms.int32)
        >>> focalloss = nn.FocalLoss(weight=ms.Tensor([1, 2], ms.float32), gamma=2.0,
        ...                          reduction='mean')
        >>> print(np.round(focalloss(logits, labels).asnumpy(), 4))
        6.3521
    """

    def __init__(self, weight=None, gamma=2.0, reduction="mean"):
        super().__init__(reduction)
        if not isinstance(gamma, float):
            raise DTypeError(f"For 'FocalLoss', 'gamma' must be a float, but got "
                             f"{type(gamma).__name__}.")
        if weight is not None and not isinstance(weight, Tensor):
            raise DTypeError(f"For 'FocalLoss', 'weight' must be a Tensor, but got "
                             f"{type(weight).__name__}.")
        if weight is not None and weight.ndim != 1:
            raise ShapeError(f"For 'FocalLoss', 'weight' must be 1-D, but got shape "
                             f"{list(weight.shape)}.")
        self.weight, self.gamma = weight, gamma

    def construct(self, logits, labels):
        op = "FocalLoss"
        x = _tensor(op, "logits", logits)
        y = _tensor(op, "labels", labels)
        for name, t in (("logits", x), ("labels", y)):
            if not 2 <= t.ndim <= 4:
                raise ShapeError(f"For '{op}', the dimensions of '{name}' must be in [2, 4], but "
                                 f"got dimension of '{name}' {t.ndim}.")
        if x.ndim != y.ndim:
            raise ShapeError(f"For '{op}', the dimensions of 'logits' and 'labels' must be equal, "
                             f"but got dimension of 'logits' {x.ndim} and dimension of 'labels' "
                             f"{y.ndim}.")
        c = x.shape[1]
        if c == 1:
            raise ShapeError(f"For '{op}', the 'logits'.shape[1] cannot be one, but got 1.")
        if y.shape[1] not in (1, c):
            raise ShapeError(f"For '{op}', the 'labels'.shape[1] must be one or equal to "
                             f"'logits'.shape[1]: {c}, but got {y.shape[1]}.")
        if y.dtype not in (mstype.int32, mstype.int64, mstype.float16, mstype.float32):
            raise DTypeError(f"For '{op}', the 'labels' should be one of [mindspore.int32, "
                             "mindspore.int64, mindspore.float16, mindspore.float32], but got "
                             f"'mindspore.{str(y.dtype).lower()}'.")
        if x.dtype not in _FLOATS:
            raise DTypeError(f"For '{op}', the 'logits' must be a float Tensor, but got {x.dtype}.")
        # Each input keeps its own batch and spatial sizes: class-index labels pick, in the
        # first rows and positions of the logits, the class of each label (indices in [-C, C)).
        x = x.reshape((x.shape[0], c, -1))
        y = y.reshape((y.shape[0], y.shape[1], -1))
        logp = _ops.log_softmax(x, 1)
        w = None if self.weight is None else self.weight.astype(x.dtype)
        if y.shape[1] == 1:
            idx = y.astype(mstype.int32)
            try:
                logp = _ops.gather_d(logp, 1, idx)  # (N_labels, 1, S_labels)
                if w is not None:
                    n = w.shape[0]
                    ws = w.reshape((1, n, 1)).broadcast_to((idx.shape[0], n, idx.shape[2]))
                    wt = _ops.gather_d(ws, 1, idx)
            except IndexError as e:
                raise ComputeError(f"For '{op}', each class index in 'labels' must be in [-C, C) "
                                   f"(of 'logits' and of 'weight'): {e}") from e
            # The focusing term uses the unweighted probability (MindSpore 2.10).
            loss = -((1.0 - logp.exp()) ** self.gamma) * logp
            if w is not None:
                loss = loss * wt
            return self.get_loss(loss.mean(axis=-1).squeeze(1))
        loss = -((1.0 - logp.exp()) ** self.gamma) * y.astype(x.dtype) * logp
        if w is not None:
            loss = loss * w.reshape((1, -1, 1))
        return self.get_loss(loss.mean(axis=-1))


class TripletMarginLoss(Cell):
    r"""The triplet margin loss :math:`\max(d(a, p) - d(a, n) + \text{margin}, 0)`, with
    :math:`d(x, y) = \lVert x - y + \epsilon \rVert_p` along the last axis (``ops.triplet_margin_loss``).

    Args:
        p (int, optional): The norm's order. Default: ``2``.
        swap (bool, optional): Use the smaller of :math:`d(a, n)` and :math:`d(p, n)`. Default:
            ``False``.
        eps (float, optional): Default: ``1e-06``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        margin (float, optional): The margin when the call gives none. Default: ``1.0``.

    Inputs:
        - **x** (Tensor) - The anchors, :math:`(N, D)` or :math:`(D,)`.
        - **positive** (Tensor) - Same shape.
        - **negative** (Tensor) - Same shape.
        - **margin** (float, optional) - Default: ``1.0``.

    Outputs:
        Tensor, :math:`(N,)` for ``'none'``, else a scalar.

    Raises:
        TypeError: If an input is not a Tensor or `p` not an int.
        ValueError: If the shapes differ or `reduction` is not one of the three.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> a, p = ms.Tensor([[0., 1.], [2., 0.]]), ms.Tensor([[1., 1.], [2., 2.]])
        >>> n = ms.Tensor([[0., 3.], [2., 1.]])
        >>> print(nn.TripletMarginLoss()(a, p, n))
        1.0
    """

    def __init__(self, p=2, swap=False, eps=1e-06, reduction="mean", margin=1.0):
        super().__init__()
        self.p, self.swap, self.eps, self.reduction, self.margin = p, swap, eps, reduction, margin

    def construct(self, x, positive, negative, margin=1.0):
        return _ops.triplet_margin_loss(x, positive, negative, margin, self.p, self.eps,
                                        self.swap, self.reduction)


class MultilabelMarginLoss(Cell):
    r"""The multi-label hinge loss (``ops.multilabel_margin_loss``): for each sample,
    :math:`\sum_j \sum_{i \notin y} \max(0, 1 - (x_{y_j} - x_i)) / C` over its target classes
    :math:`y_j` (the entries of `target` before the first ``-1``).

    Args:
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.

    Inputs:
        - **x** (Tensor) - :math:`(N, C)` or :math:`(C,)` floats.
        - **target** (Tensor) - Same shape, Int32 classes padded with ``-1``.

    Outputs:
        Tensor, :math:`(N,)` for ``'none'``, else a scalar.

    Raises:
        TypeError: If an input has the wrong type.
        ValueError: If the shapes differ or `reduction` is not one of the three.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[0.1, 0.2, 0.4, 0.8], [0.5, -0.1, 0.3, 0.2]])
        >>> y = ms.Tensor([[3, 0, -1, 1], [1, 2, 0, -1]], ms.int32)
        >>> print(nn.MultilabelMarginLoss()(x, y))
        0.7875
    """

    def __init__(self, reduction="mean"):
        super().__init__()
        if reduction not in ("none", "mean", "sum"):
            raise ShapeError(f"For 'MultilabelMarginLoss', 'reduction' must be 'none', 'mean' or "
                             f"'sum', but got {reduction!r}.")
        self.reduction = reduction

    def construct(self, x, target):
        return _ops.multilabel_margin_loss(x, target, self.reduction)


class TripletMarginWithDistanceLoss(LossBase):
    r"""The triplet margin loss with a distance of your choice:
    :math:`\max(d(a, p) - d(a, n) + \text{margin}, 0)`, where :math:`d` is `distance_function`
    (by default the Euclidean distance of the rows, :math:`\lVert a - p \rVert_2` along axis 1,
    as MindSpore's, without PyTorch's :math:`\epsilon`).

    Args:
        distance_function (Callable, optional): ``d(x, y)`` of two tensors, a tensor of distances.
            Default: ``None`` (the Euclidean distance along axis 1).
        swap (bool, optional): Use the smaller of :math:`d(a, n)` and :math:`d(p, n)`. Default:
            ``False``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'mean'``.
        margin (float, optional): Default: ``1.0``.

    Inputs:
        - **x** (Tensor) - The anchors.
        - **positive** (Tensor) - Of `x`'s shape.
        - **negative** (Tensor) - Of `x`'s shape.

    Outputs:
        Tensor, the distances' shape for ``'none'``, else a scalar.

    Raises:
        TypeError: If `swap` is not a bool, `margin` not a float or an input not a Tensor.
        ValueError: If `reduction` is not one of the three, or the default distance gets a 0-d
            input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x, p = ms.Tensor([[1., 2.], [3., 4.]]), ms.Tensor([[1., 2.5], [2., 4.]])
        >>> n = ms.Tensor([[0., 0.], [3., 5.]])
        >>> print(nn.TripletMarginWithDistanceLoss()(x, p, n))
        0.5
    """

    def __init__(self, distance_function=None, swap=False, reduction="mean", margin=1.0):
        super().__init__(reduction)
        if not isinstance(margin, float):
            raise DTypeError(f"For 'TripletMarginWithDistanceLoss', the 'margin' must be a float, "
                             f"but got {type(margin).__name__}.")
        if not isinstance(swap, bool):
            raise DTypeError(f"For 'TripletMarginWithDistanceLoss', the 'swap' must be a bool, "
                             f"but got {type(swap).__name__}.")
        self.distance_function = distance_function or _row_distance
        self.swap, self.margin = swap, margin

    def construct(self, x, positive, negative):
        op = "TripletMarginWithDistanceLoss"
        x, p, n = _tensor(op, "x", x), _tensor(op, "positive", positive), _tensor(op, "negative", negative)
        d_pos, d_neg = self.distance_function(x, p), self.distance_function(x, n)
        if self.swap:
            d_neg = _ops.minimum(d_neg, self.distance_function(p, n))
        return self.get_loss(_ops.relu(d_pos - d_neg + self.margin))


def _row_distance(x, y):
    """The Euclidean distance along axis 1 (MindSpore's default for the loss above)."""
    d = (x - y).abs()
    if d.ndim == 0:
        raise ShapeError("For 'pairwise_distance' in 'TripletMarginWithDistanceLoss', 'ndim' of "
                         "the input must be positive, but got 0")
    return _ops.sqrt((d * d).sum(1))
