"""``mindspore.mint.nn`` layers with parameters: ``Linear``, the convolutions, the batch/group/layer
norms, ``Embedding`` and ``PReLU``, in PyTorch's constructor arguments with MindSpore 2.10's
Parameter names, initialisation and repr (measured: ``Linear`` and the convolutions draw weight
and bias from U(-1/sqrt(fan_in), 1/sqrt(fan_in)), ``Embedding`` from N(0, 1) with the
``padding_idx`` row zeroed, the batch norms hold ``weight``, ``bias``, ``running_mean``,
``running_var`` and an Int64 ``num_batches_tracked``)."""
import math as _math

from ... import ops
from ..._errors import ShapeError
from ...common import dtype as mstype
from ...common.initializer import Normal, Uniform, initializer
from ...common.parameter import Parameter
from ...nn.cell import Cell
from . import _f_activation as _fa
from . import _f_conv as _fc
from .._wrap import check_tensor


def _param(init, shape, dtype, name, requires_grad=True):
    return Parameter(initializer(init, shape, dtype or mstype.float32), name=name,
                     requires_grad=requires_grad)


def _tuple(v, n):
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * n


class Linear(Cell):
    """``y = x @ weight.T + bias`` on the last dim.

    Args:
        in_features (int): The input size.
        out_features (int): The output size.
        bias (bool): Whether to add a bias. Default: ``True``.
        weight_init (Union[str, Initializer, Tensor], optional): None draws U(-k, k), k = 1/sqrt(in_features).
        bias_init (Union[str, Initializer, Tensor], optional): None draws U(-k, k).
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor of shape (..., out_features).

    Examples:
        >>> from mindspore import mint
        >>> net = mint.nn.Linear(3, 2)
        >>> print(net)
        Linear(input_features=3, output_features=2, has_bias=True)
        >>> print(net(mint.ones((4, 3))).shape)
        (4, 2)
    """

    def __init__(self, in_features, out_features, bias=True, weight_init=None, bias_init=None,
                 dtype=None):
        super().__init__()
        self.in_features, self.out_features, self.has_bias = in_features, out_features, bool(bias)
        k = 1 / _math.sqrt(in_features) if in_features else 0.0
        self.weight = _param(weight_init if weight_init is not None else Uniform(k),
                             (out_features, in_features), dtype, "weight")
        self.bias = _param(bias_init if bias_init is not None else Uniform(k), (out_features,),
                           dtype, "bias") if bias else None

    def construct(self, input):  # noqa: A002
        return _fa.linear(input, self.weight, self.bias)

    def extend_repr(self):
        s = f"input_features={self.in_features}, output_features={self.out_features}"
        return s + (", has_bias=True" if self.has_bias else "")


class _ConvNd(Cell):
    _n = 2
    _fn = staticmethod(_fc.conv2d)
    _transposed = False

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, padding_mode="zeros", dtype=None, output_padding=0):
        super().__init__()
        n = self._n
        if in_channels % groups or out_channels % groups:
            raise ShapeError(f"For '{type(self).__name__}', in_channels ({in_channels}) and "
                             f"out_channels ({out_channels}) must be divisible by groups ({groups}).")
        if padding_mode not in ("zeros", "reflect", "replicate", "circular"):
            raise ShapeError(f"For '{type(self).__name__}', padding_mode must be 'zeros', 'reflect', "
                             f"'replicate' or 'circular', but got {padding_mode!r}.")
        self.in_channels, self.out_channels, self.groups = in_channels, out_channels, groups
        self.kernel_size, self.stride = _tuple(kernel_size, n), _tuple(stride, n)
        self.padding = padding if isinstance(padding, str) else _tuple(padding, n)
        self.dilation, self.output_padding = _tuple(dilation, n), _tuple(output_padding, n)
        self.padding_mode, self.has_bias = padding_mode, bool(bias)
        if self._transposed:
            shape = (in_channels, out_channels // groups) + self.kernel_size
        else:
            shape = (out_channels, in_channels // groups) + self.kernel_size
        fan_in = shape[1] * _math.prod(self.kernel_size)
        k = 1 / _math.sqrt(fan_in) if fan_in else 0.0
        self.weight = _param(Uniform(k), shape, dtype, "weight")
        self.bias = _param(Uniform(k), (out_channels,), dtype, "bias") if bias else None

    def construct(self, input):  # noqa: A002
        if self._transposed:
            return _fc.conv_transpose2d(input, self.weight, self.bias, self.stride, self.padding,
                                        self.output_padding, self.groups, self.dilation)
        if self.padding_mode != "zeros" and not isinstance(self.padding, str):
            mode = {"reflect": "reflect", "replicate": "replicate", "circular": "circular"}[self.padding_mode]
            pads = tuple(p for q in reversed(self.padding) for p in (q, q))
            return self._fn(_fc.pad(input, pads, mode), self.weight, self.bias, self.stride, 0,
                            self.dilation, self.groups)
        return self._fn(input, self.weight, self.bias, self.stride, self.padding, self.dilation,
                        self.groups)

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, groups={self.groups}, bias={self.has_bias}")


class Conv1d(_ConvNd):
    """A 1-D convolution over (N, C_in, L); weight (C_out, C_in / groups, K).

    Args:
        in_channels (int): C_in.
        out_channels (int): C_out.
        kernel_size (Union[int, tuple[int]]): K.
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on both sides, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.
        bias (bool): Whether to add a bias. Default: ``True``.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor (N, C_out, L_out).

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.Conv1d(2, 4, 3)(mint.ones((1, 2, 5))).shape)
        (1, 4, 3)
    """

    _n = 1
    _fn = staticmethod(_fc.conv1d)

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, padding_mode="zeros", dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
                         bias, padding_mode, dtype)


class Conv2d(_ConvNd):
    """A 2-D convolution over (N, C_in, H, W); weight (C_out, C_in / groups, kH, kW).

    Args:
        in_channels (int): C_in.
        out_channels (int): C_out.
        kernel_size (Union[int, tuple[int]]): (kH, kW).
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on each side, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.
        bias (bool): Whether to add a bias. Default: ``True``.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor (N, C_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> net = mint.nn.Conv2d(4, 8, 3)
        >>> print(net)
        Conv2d(input_channels=4, output_channels=8, kernel_size=(3, 3), stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1, bias=True)
        >>> print(net(mint.ones((1, 4, 5, 5))).shape)
        (1, 8, 3, 3)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, padding_mode="zeros", dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
                         bias, padding_mode, dtype)


class Conv3d(_ConvNd):
    """A 3-D convolution over (N, C_in, D, H, W); weight (C_out, C_in / groups, kD, kH, kW).

    Args:
        in_channels (int): C_in.
        out_channels (int): C_out.
        kernel_size (Union[int, tuple[int]]): (kD, kH, kW).
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on each side, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.
        bias (bool): Whether to add a bias. Default: ``True``.
        padding_mode (str): ``'zeros'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'zeros'``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor (N, C_out, D_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.Conv3d(1, 2, 2)(mint.ones((1, 1, 3, 3, 3))).shape)
        (1, 2, 2, 2, 2)
    """

    _n = 3
    _fn = staticmethod(_fc.conv3d)

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
                 groups=1, bias=True, padding_mode="zeros", dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
                         bias, padding_mode, dtype)


class ConvTranspose2d(_ConvNd):
    """A 2-D transposed convolution over (N, C_in, H, W); weight (C_in, C_out / groups, kH, kW).

    Args:
        in_channels (int): C_in.
        out_channels (int): C_out.
        kernel_size (Union[int, tuple[int]]): (kH, kW).
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int]]): Removed from each side. Default: ``0``.
        output_padding (Union[int, tuple[int]]): Added to one side of the output. Default: ``0``.
        groups (int): The channel groups. Default: ``1``.
        bias (bool): Whether to add a bias. Default: ``True``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        padding_mode (str): Only ``'zeros'``. Default: ``'zeros'``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor (N, C_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.ConvTranspose2d(4, 8, 3)(mint.ones((1, 4, 5, 5))).shape)
        (1, 8, 7, 7)
    """

    _transposed = True

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0,
                 output_padding=0, groups=1, bias=True, dilation=1, padding_mode="zeros",
                 dtype=None):
        super().__init__(in_channels, out_channels, kernel_size, stride, padding, dilation, groups,
                         bias, padding_mode, dtype, output_padding)


class _BatchNorm(Cell):
    _ndims = (2, 3, 4, 5)

    def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=True,
                 track_running_stats=True, dtype=None):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.weight = _param("ones", (num_features,), dtype, "weight") if affine else None
        self.bias = _param("zeros", (num_features,), dtype, "bias") if affine else None
        if track_running_stats:
            self.running_mean = _param("zeros", (num_features,), dtype, "running_mean", False)
            self.running_var = _param("ones", (num_features,), dtype, "running_var", False)
            self.num_batches_tracked = Parameter(ops.zeros((), mstype.int64),
                                                 name="num_batches_tracked", requires_grad=False)
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def construct(self, input):  # noqa: A002
        check_tensor(type(self).__name__, "input", input)
        if input.ndim not in self._ndims:
            raise ShapeError(f"For '{type(self).__name__}', expected a {' or '.join(map(str, self._ndims))}-D "
                             f"input, but got shape {tuple(input.shape)}.")
        use_batch = self.training or not self.track_running_stats
        momentum = self.momentum
        if self.training and self.track_running_stats:
            self.num_batches_tracked.copy_(self.num_batches_tracked + 1)
            if momentum is None:  # a cumulative moving average
                momentum = 1.0 / float(self.num_batches_tracked)
        return _fa.batch_norm(input, self.running_mean, self.running_var, self.weight, self.bias,
                              use_batch, momentum or 0.0, self.eps)

    def extend_repr(self):
        return (f"num_features={self.num_features}, eps={self.eps}, momentum={self.momentum}, "
                f"affine={self.affine}, track_running_stats={self.track_running_stats}")


_BN_ARGS = """
    Args:
        num_features (int): C, the channels (dim 1).
        eps (float): Added to the variance. Default: ``1e-05``.
        momentum (float): The running statistics' update weight (None: a cumulative average). Default: ``0.1``.
        affine (bool): Whether to learn `weight` and `bias`. Default: ``True``.
        track_running_stats (bool): Whether to keep running statistics for evaluation. Default: ``True``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor of the input's shape.
"""


class BatchNorm1d(_BatchNorm):
    __doc__ = """Batch normalisation of (N, C) or (N, C, L) inputs over all but the channel dim.
    """ + _BN_ARGS + """
    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> bn = mint.nn.BatchNorm1d(2)
        >>> _ = bn.set_train()
        >>> print(bn(ms.Tensor([[1.0, 2.0], [3.0, 6.0]])))
        [[-0.999995  -0.9999988]
         [ 0.999995   0.9999988]]
        >>> print(bn.running_mean.asnumpy())
        [0.2 0.4]
    """
    _ndims = (2, 3)


class BatchNorm2d(_BatchNorm):
    __doc__ = """Batch normalisation of (N, C, H, W) inputs over all but the channel dim.
    """ + _BN_ARGS + """
    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.BatchNorm2d(3))
        BatchNorm2d(num_features=3, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
    """
    _ndims = (4,)


class BatchNorm3d(_BatchNorm):
    __doc__ = """Batch normalisation of (N, C, D, H, W) inputs over all but the channel dim.
    """ + _BN_ARGS + """
    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.BatchNorm3d(2)(mint.ones((2, 2, 1, 1, 1))).shape)
        (2, 2, 1, 1, 1)
    """
    _ndims = (5,)


class SyncBatchNorm(_BatchNorm):
    """Batch normalisation whose statistics MindSpore averages over a process group; in one
    process it is :class:`BatchNorm2d` for any (N, C, ...) input.

    Args:
        num_features (int): C, the channels (dim 1).
        eps (float): Added to the variance. Default: ``1e-05``.
        momentum (float): The running statistics' update weight. Default: ``0.1``.
        affine (bool): Whether to learn `weight` and `bias`. Default: ``True``.
        track_running_stats (bool): Whether to keep running statistics. Default: ``True``.
        process_group (str, optional): The group; one process here. Default: ``None``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor of the input's shape.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.SyncBatchNorm(2)(mint.ones((2, 2, 3))).shape)
        (2, 2, 3)
    """

    def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=True,
                 track_running_stats=True, process_group=None, dtype=None):
        super().__init__(num_features, eps, momentum, affine, track_running_stats, dtype)
        self.process_group = process_group


class GroupNorm(Cell):
    """Group normalisation of (N, C, ...) inputs: `num_groups` channel groups, per-channel affine.

    Args:
        num_groups (int): The groups (divides `num_channels`).
        num_channels (int): C.
        eps (float): Added to the variance. Default: ``1e-05``.
        affine (bool): Whether to learn `weight` (ones) and `bias` (zeros). Default: ``True``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor of the input's shape.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.GroupNorm(2, 4))
        GroupNorm(num_groups=2, num_channels=4, eps=1e-05, affine=True)
    """

    def __init__(self, num_groups, num_channels, eps=1e-05, affine=True, dtype=None):
        super().__init__()
        for name, value in (("num_groups", num_groups), ("num_channels", num_channels)):
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ShapeError(f"For 'GroupNorm', the '{name}' must be int and must > 0, but got "
                                 f"'{value}' with type '{type(value).__name__}'.")
        if num_channels % num_groups:
            raise ShapeError(f"For 'GroupNorm', num_channels ({num_channels}) must be divisible by "
                             f"num_groups ({num_groups}).")
        self.num_groups, self.num_channels, self.eps, self.affine = num_groups, num_channels, eps, affine
        self.weight = _param("ones", (num_channels,), dtype, "weight") if affine else None
        self.bias = _param("zeros", (num_channels,), dtype, "bias") if affine else None

    def construct(self, input):  # noqa: A002
        return _fa.group_norm(input, self.num_groups, self.weight, self.bias, self.eps)

    def extend_repr(self):
        return (f"num_groups={self.num_groups}, num_channels={self.num_channels}, eps={self.eps}, "
                f"affine={self.affine}")


class LayerNorm(Cell):
    """Layer normalisation over the trailing `normalized_shape`, with elementwise affine.

    Args:
        normalized_shape (Union[int, tuple[int]]): The trailing shape.
        eps (float): Added to the variance. Default: ``1e-05``.
        elementwise_affine (bool): Whether to learn `weight` (ones). Default: ``True``.
        bias (bool): Whether to learn `bias` (zeros) too. Default: ``True``.
        dtype (mindspore.dtype, optional): The parameters' dtype; None is Float32.

    Outputs:
        Tensor of the input's shape.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.nn.LayerNorm((4,)))
        LayerNormExt(normalized_shape=(4,), eps=1e-05, elementwise_affine=True)
    """

    def __init__(self, normalized_shape, eps=1e-05, elementwise_affine=True, bias=True, dtype=None):
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
        self.normalized_shape, self.eps, self.elementwise_affine = shape, eps, elementwise_affine
        self.weight = _param("ones", shape, dtype, "weight") if elementwise_affine else None
        self.bias = _param("zeros", shape, dtype, "bias") if elementwise_affine and bias else None

    def construct(self, input):  # noqa: A002
        return _fa.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)

    def extend_repr(self):
        return (f"normalized_shape={self.normalized_shape}, eps={self.eps}, "
                f"elementwise_affine={self.elementwise_affine}")

    def __repr__(self):
        return "LayerNormExt(" + self.extend_repr() + ")"


class Embedding(Cell):
    """A lookup table of `num_embeddings` rows of `embedding_dim`, drawn from N(0, 1) (the
    `padding_idx` row zeroed and given no gradient).

    Args:
        num_embeddings (int): The rows.
        embedding_dim (int): The row size.
        padding_idx (int, optional): A row kept at zero. Default: ``None``.
        max_norm (float, optional): Renormalise looked-up rows to at most this norm. Default: ``None``.
        norm_type (float): The norm of `max_norm`. Default: ``2.0``.
        scale_grad_by_freq (bool): Accepted. Default: ``False``.
        sparse (bool): Accepted (gradients are dense). Default: ``False``.
        _weight (Tensor, optional): The initial table. Default: ``None``.
        _freeze (bool): Whether the table is not trained. Default: ``False``.
        dtype (mindspore.dtype, optional): The table's dtype; None is Float32.

    Outputs:
        Tensor of shape ``input.shape + (embedding_dim,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> emb = mint.nn.Embedding(10, 3, padding_idx=0)
        >>> print(emb(ms.Tensor([0, 0])))
        [[0. 0. 0.]
         [0. 0. 0.]]
    """

    def __init__(self, num_embeddings, embedding_dim, padding_idx=None, max_norm=None,
                 norm_type=2.0, scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False,
                 dtype=None):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        if padding_idx is not None:
            if not -num_embeddings <= padding_idx < num_embeddings:
                raise ShapeError(f"For 'Embedding', padding_idx must be in [{-num_embeddings}, "
                                 f"{num_embeddings}), but got {padding_idx}.")
            padding_idx %= num_embeddings
        self.padding_idx, self.max_norm, self.norm_type = padding_idx, max_norm, norm_type
        self.scale_grad_by_freq, self.sparse, self.dtype = scale_grad_by_freq, sparse, dtype or mstype.float32
        table = _weight if _weight is not None else initializer(Normal(1.0), (num_embeddings, embedding_dim),
                                                                self.dtype)
        if padding_idx is not None and _weight is None:
            table = ops.where(ops.arange(num_embeddings).reshape(-1, 1) == padding_idx, 0.0, table)
        self.weight = Parameter(table, name="weight", requires_grad=not _freeze)

    def construct(self, input):  # noqa: A002
        return _fc.embedding(input, self.weight, self.padding_idx, self.max_norm, self.norm_type,
                             self.scale_grad_by_freq)

    def __repr__(self):
        return (f"EmbeddingExt(num_embeddings={self.num_embeddings}, embedding_dim={self.embedding_dim}, "
                f"padding_idx={self.padding_idx}, max_norm={self.max_norm}, norm_type={self.norm_type}, "
                f"scale_grad_by_freq={self.scale_grad_by_freq}, dtype={self.dtype})")


class PReLU(Cell):
    """`x` where positive, else ``weight * x``; `weight` has 1 or C (dim 1) learned slopes.

    Args:
        num_parameters (int): 1, or the channels. Default: ``1``.
        init (float): The initial slope. Default: ``0.25``.
        dtype (mindspore.dtype, optional): The parameter's dtype; None is Float32.

    Outputs:
        Tensor of the input's shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.nn.PReLU()(ms.Tensor([-2.0, 3.0])))
        [-0.5  3. ]
    """

    def __init__(self, num_parameters=1, init=0.25, dtype=None):
        super().__init__()
        self.num_parameters = num_parameters
        self.weight = _param(float(init), (num_parameters,), dtype, "weight")

    def construct(self, input):  # noqa: A002
        return _fa.prelu(input, self.weight)

    def __repr__(self):
        return "PReLUExt()"


NAMES = ("Linear", "Conv1d", "Conv2d", "Conv3d", "ConvTranspose2d", "BatchNorm1d", "BatchNorm2d",
         "BatchNorm3d", "SyncBatchNorm", "GroupNorm", "LayerNorm", "Embedding", "PReLU")
__all__ = list(NAMES)
