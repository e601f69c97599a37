"""``nn.DenseBnAct`` and ``nn.Conv2dBnAct``: a Dense or Conv2d layer, then an optional batch
normalization, then an optional activation, as MindSpore 2.x composes them (children ``dense`` /
``conv``, ``batchnorm``, ``activation``, so the Parameter names are MindSpore's). The quantization
flag ``after_fake`` is accepted and has no effect without fake quantization."""
from .._errors import DTypeError
from ..ops.operations import Primitive
from .activation import LeakyReLU
from .cell import Cell
from .layer import BatchNorm1d, BatchNorm2d, Conv2d, Dense, get_activation

__all__ = ["DenseBnAct", "Conv2dBnAct"]


def _activation(op, activation, alpha):
    if activation is None:
        return None
    if isinstance(activation, str):
        return LeakyReLU(alpha) if activation == "leakyrelu" else get_activation(activation, op)
    if isinstance(activation, (Cell, Primitive)):
        return activation
    raise DTypeError(f"For '{op}', the 'activation' must be a str, a Cell or a Primitive, but got "
                     f"{type(activation).__name__}.")


def _flag(op, what, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', the '{what}' must be a bool, but got {type(v).__name__}.")
    return v


class DenseBnAct(Cell):
    r"""``activation(batchnorm(dense(x)))``: a :class:`Dense` layer, a :class:`BatchNorm1d` when
    `has_bn`, and an activation when given.

    Args:
        in_channels (int): The input features.
        out_channels (int): The output features.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): The Dense
            weight's initializer. Default: ``'normal'``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): The Dense bias's
            initializer. Default: ``'zeros'``.
        has_bias (bool, optional): Whether the Dense layer has a bias. Default: ``True``.
        has_bn (bool, optional): Whether to add the batch normalization. Default: ``False``.
        momentum (float, optional): The batch normalization's momentum. Default: ``0.9``.
        eps (float, optional): The batch normalization's epsilon. Default: ``1e-5``.
        activation (Union[str, Cell, Primitive], optional): The activation (a name as
            :func:`get_activation`'s). Default: ``None``.
        alpha (float, optional): The slope of ``'leakyrelu'``. Default: ``0.2``.
        after_fake (bool, optional): For fake quantization; no effect here. Default: ``True``.

    Inputs:
        - **x** (Tensor) - :math:`(N, \text{in\_channels})`.

    Outputs:
        Tensor of shape :math:`(N, \text{out\_channels})`.

    Raises:
        TypeError: If `has_bn` or `after_fake` is not a bool, or `activation` is not a str, a
            Cell or a Primitive.
        KeyError: If `activation` is an unknown name.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> w = ms.Tensor(np.arange(12, dtype=np.float32).reshape(4, 3) / 4 - 1.0)
        >>> net = nn.DenseBnAct(3, 4, weight_init=w, activation='leakyrelu', alpha=0.5)
        >>> x = ms.Tensor(np.array([[1.0, -2.0, 3.0]]), ms.float32)
        >>> print(net(x))
        [[-0.5  0.5  2.   3.5]]
        >>> names = [name for name, _ in nn.DenseBnAct(3, 4, has_bn=True).parameters_and_names()]
        >>> print(names[:3])
        ['dense.weight', 'dense.bias', 'batchnorm.moving_mean']
        >>> print(names[3:])
        ['batchnorm.moving_variance', 'batchnorm.gamma', 'batchnorm.beta']
    """

    def __init__(self, in_channels, out_channels, weight_init="normal", bias_init="zeros",
                 has_bias=True, has_bn=False, momentum=0.9, eps=1e-5, activation=None, alpha=0.2,
                 after_fake=True):
        super().__init__()
        op = "DenseBnAct"
        _flag(op, "has_bn", has_bn)
        self.after_fake = _flag(op, "after_fake", after_fake)
        self.dense = Dense(in_channels, out_channels, weight_init, bias_init, has_bias)
        self.has_bn = has_bn
        if has_bn:
            self.batchnorm = BatchNorm1d(out_channels, eps=eps, momentum=momentum)
        act = _activation(op, activation, alpha)
        self.has_act = act is not None
        if act is not None:
            self.activation = act

    def construct(self, x):
        x = self.dense(x)
        if self.has_bn:
            x = self.batchnorm(x)
        return self.activation(x) if self.has_act else x


class Conv2dBnAct(Cell):
    r"""``activation(batchnorm(conv(x)))``: a :class:`Conv2d` layer, a :class:`BatchNorm2d`
    when `has_bn`, and an activation when given.

    Args:
        in_channels (int): The input channels.
        out_channels (int): The output channels.
        kernel_size (Union[int, tuple[int]]): The kernel height and width.
        stride (Union[int, tuple[int]], optional): Default: ``1``.
        pad_mode (str, optional): ``'same'``, ``'valid'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): For ``'pad'``. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): Default: ``1``.
        group (int, optional): Default: ``1``.
        has_bias (bool, optional): Whether the convolution has a bias. Default: ``False``.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'normal'``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        has_bn (bool, optional): Whether to add the batch normalization. Default: ``False``.
        momentum (float, optional): The batch normalization's momentum. Default: ``0.997``.
        eps (float, optional): The batch normalization's epsilon. Default: ``1e-5``.
        activation (Union[str, Cell, Primitive], optional): The activation. Default: ``None``.
        alpha (float, optional): The slope of ``'leakyrelu'``. Default: ``0.2``.
        after_fake (bool, optional): For fake quantization; no effect here. Default: ``True``.

    Inputs:
        - **x** (Tensor) - :math:`(N, C_{in}, H_{in}, W_{in})`.

    Outputs:
        Tensor of shape :math:`(N, C_{out}, H_{out}, W_{out})`.

    Raises:
        TypeError: If `has_bn` or `after_fake` is not a bool, or `activation` is not a str, a
            Cell or a Primitive.
        KeyError: If `activation` is an unknown name.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Conv2dBnAct(120, 240, 4, has_bn=True, activation='relu')
        >>> x = ms.Tensor(np.ones([1, 120, 16, 16]), ms.float32)
        >>> print(net(x).shape)
        (1, 240, 16, 16)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, dilation=1, group=1, has_bias=False, weight_init="normal",
                 bias_init="zeros", has_bn=False, momentum=0.997, eps=1e-5, activation=None,
                 alpha=0.2, after_fake=True):
        super().__init__()
        op = "Conv2dBnAct"
        _flag(op, "has_bn", has_bn)
        self.after_fake = _flag(op, "after_fake", after_fake)
        self.conv = Conv2d(in_channels, out_channels, kernel_size, stride, pad_mode, padding,
                           dilation, group, has_bias, weight_init, bias_init)
        self.has_bn = has_bn
        if has_bn:
            self.batchnorm = BatchNorm2d(out_channels, eps=eps, momentum=momentum)
        act = _activation(op, activation, alpha)
        self.has_act = act is not None
        if act is not None:
            self.activation = act

    def construct(self, x):
        x = self.conv(x)
        if self.has_bn:
            x = self.batchnorm(x)
        return self.activation(x) if self.has_act else x
