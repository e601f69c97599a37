"""``mindspore.ops.operations`` layer primitives (re-exported by ``operations``): ``Pad``,
``MaxPool``/``AvgPool``, ``LayerNorm``, ``OneHot``, ``Dropout`` and ``BatchNorm``, each with
MindSpore 2.x's constructor and call arguments, its ``__call__`` calling the function."""
from . import functional as F
from .._errors import ShapeError as _ShapeError
from .operations import Primitive
from ._operations_pool import AvgPool, MaxPool  # noqa: F401 (re-exported)


class Pad(Primitive):
    """``ops.Pad(paddings)``: zeros before and after each axis, ``paddings = ((b0, a0), (b1, a1),
    ...)``, one pair per axis.

    Args:
        paddings (tuple[tuple[int, int]]): The ``(before, after)`` zero padding of each axis.

    Outputs:
        Tensor, padded.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.Pad(((0, 0), (1, 1)))(x))
        [[0. 1. 2. 0.]]
    """

    def __init__(self, paddings):
        self.paddings = tuple(tuple(p) for p in paddings)

    def __call__(self, x):
        if len(self.paddings) != x.ndim or any(len(p) != 2 for p in self.paddings):
            raise _ShapeError(f"For 'Pad', 'paddings' must hold one (before, after) pair per axis "
                              f"of the input of shape {list(x.shape)}, but got {self.paddings}.")
        flat = [v for p in reversed(self.paddings) for v in p]
        return F.pad(x, flat)


class LayerNorm(Primitive):
    """``ops.LayerNorm(begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7)``: called with
    ``(x, gamma, beta)``, returns ``(y, mean, variance)`` (mean and variance keep the normalised
    axes as size 1).

    Args:
        begin_norm_axis (int, optional): The first axis normalised over. Default: ``1``.
        begin_params_axis (int, optional): The first axis of the shape of gamma and beta. Default:
            ``1``.
        epsilon (float, optional): Added to the variance. Default: ``1e-07``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> gamma = ops.ones(3, ms.float32)
        >>> beta = ops.zeros(3, ms.float32)
        >>> y, mean, var = ops.LayerNorm()(x, gamma, beta)
        >>> print(y)
        [[-1.2247448  0.         1.2247448]
         [-1.2247448  0.         1.2247448]]
        >>> print(mean)
        [[2.]
         [5.]]
    """

    def __init__(self, begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7):
        self.begin_norm_axis, self.begin_params_axis = begin_norm_axis, begin_params_axis
        self.epsilon = epsilon

    def __call__(self, x, gamma, beta):
        axes = tuple(range(self.begin_norm_axis % x.ndim, x.ndim))
        mean = x.mean(axes, True)
        d = x - mean
        var = (d * d).mean(axes, True)
        y = d / (var + self.epsilon).sqrt() * gamma + beta
        return y, mean, var


class OneHot(Primitive):
    """``ops.OneHot(axis=-1)(indices, depth, on_value, off_value)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, with a new axis of size `depth`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> print(ops.OneHot()(idx, 3, ms.Tensor(1.0, ms.float32), ms.Tensor(0.0, ms.float32)))
        [[1. 0. 0.]
         [0. 0. 1.]]
    """

    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, indices, depth, on_value, off_value):
        return F.one_hot(indices, depth, on_value, off_value, self.axis)


class Dropout(Primitive):
    """``ops.Dropout(keep_prob=0.5)(x)``: ``(output, mask)``, the mask 1 where an element was
    kept, in ``x``'s dtype. With ``Seed0``/``Seed1`` not both 0, MindSpore's masks (its kernel of
    the seeds; the instance's later calls of one input shape and dtype go on along its stream).

    Args:
        keep_prob (float, optional): The probability of keeping an element. Default: ``0.5``.
        Seed0 (int, optional): A seed. Default: ``0``.
        Seed1 (int, optional): A second seed. Default: ``0``.

    Outputs:
        Tensor, of the shape and dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 2), ms.float32)
        >>> out, mask = ops.Dropout(keep_prob=1.0)(x)
        >>> print(out)
        [[1. 1.]
         [1. 1.]]
    """

    def __init__(self, keep_prob=0.5, Seed0=0, Seed1=0):  # noqa: N803 - MindSpore's names
        self.keep_prob, self.Seed0, self.Seed1 = keep_prob, Seed0, Seed1

    def __call__(self, x):
        if (self.Seed0 or self.Seed1) and 0 < self.keep_prob < 1:
            return self._seeded(x)
        mask = F.dropout(F.ones_like(x), 1.0 - self.keep_prob) != 0
        mask = mask.astype(x.dtype)
        return x * mask / self.keep_prob, mask

    def _seeded(self, x):
        """MindSpore's masks: its kernel of ``(Seed0, Seed1)``, one per input shape and dtype
        kept by the instance (``ops._seeded``); differentiable through the kept elements."""
        import numpy as np
        from .._custom import call_flat
        from ._seeded import stream
        from .function._args import tensor_arg

        x = tensor_arg("Dropout", "x", x)
        keep = np.float32(self.keep_prob)
        scale = float(np.float32(1.0) / keep)
        seeds = (int(self.Seed0), int(self.Seed1))

        def forward(xs):
            shape = tuple(xs[0].shape)
            mask = stream(self, seeds, (shape, xs[0].dtype)).dropout_mask(float(keep), shape)
            mask = mask.astype(xs[0].dtype)
            return xs[0] * mask * scale, mask

        def backward(xs, outs, douts):
            return [douts[0] * outs[1] * scale]

        return tuple(call_flat("Dropout", forward, backward, [x]))


class BatchNorm(Primitive):
    """``ops.BatchNorm(is_training=False, epsilon=1e-5, momentum=0.1, data_format='NCHW')``, called
    with ``(x, scale, bias, mean, variance)`` (per-channel, channel axis 1): returns ``(y,
    batch_mean, batch_variance, reserve_space_1, reserve_space_2)``. In training it normalises with
    the batch's statistics (biased variance) and updates the ``mean`` and ``variance`` Parameters in
    place as ``(1 - momentum) * running + momentum * batch`` (the unbiased batch variance);
    otherwise it uses ``mean`` and ``variance``. (MindSpore 2.10's CPU kernel returns zeros for
    the batch statistics; we return them as its documentation describes them.)

    Args:
        is_training (bool, optional): Whether to normalise with the batch statistics (and update the
            running ones). Default: ``False``.
        epsilon (float, optional): Added to the variance. Default: ``1e-05``.
        momentum (float, optional): The momentum of the running statistics. Default: ``0.1``.
        data_format (str, optional): ``'NCHW'``. Default: ``'NCHW'``.

    Outputs:
        tuple(Tensor), five tensors: the normalised input, the updated running mean and variance,
        and the saved batch mean and variance.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> one = ops.ones(2, ms.float32)
        >>> zero = ops.zeros(2, ms.float32)
        >>> out = ops.BatchNorm()(x, one, zero, zero, one)
        >>> print(out[0])
        [[0.999995 1.99999 ]
         [2.999985 3.99998 ]]
    """

    def __init__(self, is_training=False, epsilon=1e-5, momentum=0.1, data_format="NCHW"):
        if data_format != "NCHW":
            raise _ShapeError("For 'BatchNorm', only data_format='NCHW' is supported.")
        if not 0.0 <= momentum <= 1.0:
            raise _ShapeError(f"For 'BatchNorm', 'momentum' must be in [0, 1], but got {momentum}.")
        self.is_training, self.epsilon, self.momentum = bool(is_training), float(epsilon), float(momentum)

    def __call__(self, x, scale, bias, mean, variance):
        if x.ndim < 2:
            raise _ShapeError(f"For 'BatchNorm', the input must have a channel axis (at least 2-D), "
                              f"but got shape {list(x.shape)}.")
        c = x.shape[1]
        for name, v in (("scale", scale), ("bias", bias), ("mean", mean), ("variance", variance)):
            if tuple(v.shape) != (c,):
                raise _ShapeError(f"For 'BatchNorm', '{name}' must have shape [{c}], but got "
                                  f"{list(v.shape)}.")
        shape = (1, c) + (1,) * (x.ndim - 2)
        axes = (0,) + tuple(range(2, x.ndim))
        if self.is_training:
            m = x.mean(axes)
            d = x - m.reshape(shape)
            v = (d * d).mean(axes)
            n = x.size // c
            unbiased = F.stop_gradient(v * (n / max(n - 1, 1)))
            k = self.momentum
            F.assign(mean, mean * (1.0 - k) + F.stop_gradient(m) * k)
            F.assign(variance, variance * (1.0 - k) + unbiased * k)
        else:
            m, v = mean, variance
            d = x - m.reshape(shape)
        y = d / (v.reshape(shape) + self.epsilon).sqrt() * scale.reshape(shape) + bias.reshape(shape)
        return y, m, v, m, v
