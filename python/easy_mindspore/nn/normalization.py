"""``nn.LayerNorm`` and ``nn.GroupNorm`` (MindSpore 2.x's arguments, defaults and Parameter
names ``gamma``/``beta``): mean and biased variance over the normalised axes, then a learnable
scale and shift. ``BatchNorm1d/2d`` are Rust layers in ``layer.py``."""
from .. import _C, ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import initializer
from ..common.parameter import Parameter
from .cell import Cell

__all__ = ["LayerNorm", "GroupNorm"]


def _axis(axis, ndim, layer, what):
    if isinstance(axis, bool) or not isinstance(axis, int) or not -ndim <= axis < max(ndim, 1):
        raise ShapeError(f"For '{layer}', '{what}' must be an int in [{-ndim}, {ndim}), but got "
                         f"{axis} for an input of rank {ndim}.")
    return axis % ndim


def _param(init, shape, dtype, name, requires_grad=True):
    return Parameter(initializer(init, shape, dtype), name=name, requires_grad=requires_grad)


def _normalise(x, axes, eps):
    """``(x − μ)/√(σ² + eps)`` over `axes`, the trailing axes of `x`: the fused ``LayerNorm``
    primitive (one pass per row forward, one backward), in Float32 for a Float16 / BFloat16 or
    integer `x` (the statistics of a half-precision row lose digits otherwise)."""
    if x.dtype != mstype.float64:
        x = x.astype(mstype.float32)
    return _C.layer_norm(x, axes[0], float(eps)) if axes else x


def _like_input(y, x):
    """`y` in the dtype of the floating input `x`: MindSpore 2.10 returns a Float16 result for a
    Float16 input with the default Float32 gamma/beta (the affine step promotes it to Float32)."""
    return y.astype(x.dtype) if x.is_floating_point() and y.dtype != x.dtype else y


class LayerNorm(Cell):
    """Normalises over the axes from ``begin_norm_axis`` on; ``gamma``/``beta`` of shape
    ``normalized_shape`` apply from ``begin_params_axis`` on. MindSpore's default
    ``epsilon=1e-7``.

    Args:
        normalized_shape (Union[tuple[int], list[int]]): The trailing shape normalised over.
        begin_norm_axis (int, optional): The first axis normalised over. Default: ``-1``.
        begin_params_axis (int, optional): The first axis of the shape of gamma and beta. Default:
            ``-1``.
        gamma_init (Union[str, Initializer, Tensor], optional): The initializer of the scale γ.
            Default: ``'ones'``.
        beta_init (Union[str, Initializer, Tensor], optional): The initializer of the shift β.
            Default: ``'zeros'``.
        epsilon (float, optional): Added to the variance. Default: ``1e-07``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape of the input, and of its dtype when it is a float one (computed in
        Float32 for Float16 / BFloat16).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[1.0, 2.0, 3.0]], ms.float32)
        >>> print(nn.LayerNorm((3,))(x))
        [[-1.2247448  0.         1.2247448]]
    """

    def __init__(self, normalized_shape, begin_norm_axis=-1, begin_params_axis=-1,
                 gamma_init="ones", beta_init="zeros", epsilon=1e-7, dtype=None):
        super().__init__()
        if not isinstance(normalized_shape, (tuple, list)) or not all(
                isinstance(d, int) and not isinstance(d, bool) for d in normalized_shape):
            raise DTypeError(f"For 'LayerNorm', the type of 'normalized_shape' must be tuple[int] "
                             f"or list[int], but got {normalized_shape} and the type is "
                             f"{type(normalized_shape)}.")
        if any(d < 0 for d in normalized_shape):
            raise ShapeError(f"For 'LayerNorm', the elements of 'normalized_shape' must be "
                             f"non-negative, but got {tuple(normalized_shape)}.")
        for a, what in ((begin_norm_axis, "begin_norm_axis"), (begin_params_axis, "begin_params_axis")):
            if isinstance(a, bool) or not isinstance(a, int):
                raise DTypeError(f"For 'LayerNorm', '{what}' must be an int, but got "
                                 f"{type(a).__name__}.")
        self.normalized_shape = tuple(normalized_shape)
        self.begin_norm_axis, self.begin_params_axis = begin_norm_axis, begin_params_axis
        self.epsilon = float(epsilon)
        self.gamma = _param(gamma_init, self.normalized_shape, dtype, "gamma")
        self.beta = _param(beta_init, self.normalized_shape, dtype, "beta")
        # MindSpore's layer holds its primitive, which subclasses call as
        # ``y, mean, var = self.layer_norm(x, self.gamma, self.beta)``.
        self.layer_norm = ops.LayerNorm(begin_norm_axis, begin_params_axis, self.epsilon)

    def construct(self, input_x):
        x = input_x
        if not isinstance(x, Tensor):
            raise DTypeError(f"For 'LayerNorm', the input must be a Tensor, but got {type(x).__name__}.")
        nd = x.ndim
        norm = _axis(self.begin_norm_axis, nd, "LayerNorm", "begin_norm_axis")
        params = _axis(self.begin_params_axis, nd, "LayerNorm", "begin_params_axis")
        if tuple(x.shape[params:]) != self.normalized_shape:
            raise ShapeError(f"For 'LayerNorm', the input shape {tuple(x.shape)} from axis "
                             f"{params} on must be normalized_shape {self.normalized_shape}.")
        y = _normalise(x, tuple(range(norm, nd)), self.epsilon)
        return _like_input(y * self.gamma + self.beta, x)

    def extend_repr(self):
        # MindSpore 2.10 prints 'gammaParameter (' without '='; we print what it prints.
        return (f"normalized_shape={self.normalized_shape}, begin_norm_axis={self.begin_norm_axis}, "
                f"begin_params_axis={self.begin_params_axis}, gamma{self.gamma!r}, "
                f"beta={self.beta!r}")


class GroupNorm(Cell):
    """Normalises ``[N, C, ...]`` over each of ``num_groups`` channel groups (and all trailing
    axes), then scales and shifts per channel; ``affine=False`` keeps ``gamma``/``beta`` fixed
    at their initial values (as MindSpore, they are Parameters without gradients).

    Args:
        num_groups (int): The number of groups.
        num_channels (int): The number of channels.
        eps (float, optional): A small value added for numerical stability. Default: ``1e-05``.
        affine (bool, optional): Whether the layer has a learnable scale and shift. Default:
            ``True``.
        gamma_init (Union[str, Initializer, Tensor], optional): The initializer of the scale γ.
            Default: ``'ones'``.
        beta_init (Union[str, Initializer, Tensor], optional): The initializer of the shift β.
            Default: ``'zeros'``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape of the input, and of its dtype when it is a float one (computed in
        Float32 for Float16 / BFloat16).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((2, 4, 3, 3), ms.float32)
        >>> print(nn.GroupNorm(2, 4)(x).shape)
        (2, 4, 3, 3)
    """

    def __init__(self, num_groups, num_channels, eps=1e-5, affine=True, gamma_init="ones",
                 beta_init="zeros", dtype=None):
        super().__init__()
        for v, what in ((num_groups, "num_groups"), (num_channels, "num_channels")):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ShapeError(f"For 'GroupNorm', '{what}' must be a positive int, but got {v}.")
        if num_channels % num_groups:
            raise ShapeError(f"For 'GroupNorm', the 'num_channels' must be divided by 'num_groups', "
                             f"but got 'num_channels': {num_channels}, 'num_groups': {num_groups}.")
        self.num_groups, self.num_channels = num_groups, num_channels
        self.eps, self.affine = float(eps), bool(affine)
        self.gamma = _param(gamma_init, (num_channels,), dtype, "gamma", self.affine)
        self.beta = _param(beta_init, (num_channels,), dtype, "beta", self.affine)

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise DTypeError(f"For 'GroupNorm', the input must be a Tensor, but got {type(x).__name__}.")
        if x.ndim < 2 or x.shape[1] != self.num_channels:
            raise ShapeError(f"For 'GroupNorm', the input must be [N, {self.num_channels}, ...], "
                             f"but got shape {tuple(x.shape)}.")
        shape = tuple(x.shape)
        g = x.reshape((shape[0], self.num_groups, -1))
        y = _normalise(g, (2,), self.eps).reshape(shape)
        per_channel = (self.num_channels,) + (1,) * (len(shape) - 2)
        return _like_input(y * self.gamma.reshape(per_channel) + self.beta.reshape(per_channel), x)

    def extend_repr(self):
        return f"num_groups={self.num_groups}, num_channels={self.num_channels}"
