"""``nn.BatchNorm3d`` and ``nn.SyncBatchNorm`` (one process). ``BatchNorm3d``: batch normalization of ``[N, C, D, H, W]`` inputs, as MindSpore 2.x
builds it — a ``BatchNorm2d`` child named ``bn2d`` (so the Parameters are ``bn2d.gamma``,
``bn2d.beta``, ``bn2d.moving_mean``, ``bn2d.moving_variance``) over the input viewed as
``[N, C, D·H, W]``: the statistics per channel are the same."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .cell import Cell
from .layer import BatchNorm2d

__all__ = ["BatchNorm3d", "SyncBatchNorm"]


class BatchNorm3d(Cell):
    r"""Batch normalization over the channels of a 5-D input:
    :math:`y = \gamma \frac{x - \mu}{\sqrt{\sigma^2 + \epsilon}} + \beta` with the batch's
    statistics per channel while training (updating the moving ones) and the moving statistics
    in evaluation mode.

    Args:
        num_features (int): The number of channels C.
        eps (float, optional): Added to the variance. Default: ``1e-5``.
        momentum (float, optional): The weight of the old moving statistics. Default: ``0.9``.
        affine (bool, optional): Whether gamma and beta are trained. Default: ``True``.
        gamma_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'ones'``.
        beta_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        moving_mean_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        moving_var_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'ones'``.
        use_batch_statistics (bool, optional): None follows the training mode; True / False
            always use the batch's / the moving statistics. Default: ``None``.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - 5-D, :math:`(N, C, D, H, W)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `x` is not a Tensor.
        ValueError: If `x` is not 5-D, or its channels are not `num_features`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.BatchNorm3d(num_features=3)
        >>> x = ms.Tensor(np.ones([16, 3, 10, 32, 32]).astype(np.float32))
        >>> print(net(x).shape)
        (16, 3, 10, 32, 32)
        >>> print([name for name, _ in net.parameters_and_names()])
        ['bn2d.moving_mean', 'bn2d.moving_variance', 'bn2d.gamma', 'bn2d.beta']
    """

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones",
                 beta_init="zeros", moving_mean_init="zeros", moving_var_init="ones",
                 use_batch_statistics=None, dtype=mstype.float32):
        super().__init__()
        self.bn2d = BatchNorm2d(num_features, eps, momentum, affine, gamma_init, beta_init,
                                moving_mean_init, moving_var_init, use_batch_statistics,
                                dtype=dtype)
        self.num_features = self.bn2d.num_features

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise DTypeError(f"For 'BatchNorm3d', the input must be a Tensor, but got "
                             f"{type(x).__name__}.")
        if x.ndim != 5:
            raise ShapeError(f"For 'BatchNorm3d', the input must be 5-D (N, C, D, H, W), but got "
                             f"shape {list(x.shape)}.")
        if x.shape[1] != self.num_features:
            raise ShapeError(f"For 'BatchNorm3d', the input must have {self.num_features} "
                             f"channels (axis 1), but got shape {list(x.shape)}.")
        n, c, d, h, w = x.shape
        y = self.bn2d(x.reshape((n, c, d * h, w)))
        return y.reshape((n, c, d, h, w))


def _world_size():
    from ..communication import get_group_size
    try:
        return int(get_group_size())
    except Exception:  # noqa: BLE001 - no communication initialised: one process
        return 1


class SyncBatchNorm(BatchNorm2d):
    r"""Batch normalization whose statistics are those of the whole batch across the
    processes of each group in `process_groups`. In one process (the only setting supported
    here) it is :class:`BatchNorm2d` over ``[N, C]`` or ``[N, C, H, W]`` inputs, with MindSpore's
    Parameters ``moving_mean``, ``moving_variance``, ``gamma``, ``beta``.

    Args:
        num_features (int): The number of channels C.
        eps (float, optional): Added to the variance. Default: ``1e-5``.
        momentum (float, optional): The weight of the old moving statistics. Default: ``0.9``.
        affine (bool, optional): Whether gamma and beta are trained. Default: ``True``.
        gamma_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'ones'``.
        beta_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        moving_mean_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'zeros'``.
        moving_var_init (Union[Tensor, str, Initializer, numbers.Number], optional): Default:
            ``'ones'``.
        use_batch_statistics (bool, optional): None follows the training mode. Default:
            ``None``.
        process_groups (list, optional): Lists of ranks synchronized together (each rank in
            ``[0, group size)``). Default: ``None``.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - 2-D :math:`(N, C)` or 4-D :math:`(N, C, H, W)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        ValueError: If `process_groups` is not a list of lists of ranks in range, the input is
            not 2-D or 4-D, or more than one process runs (cross-process statistics are not
            implemented).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.SyncBatchNorm(num_features=3)
        >>> x = ms.Tensor(np.ones([1, 3, 2, 2]).astype(np.float32))
        >>> print(net(x).shape)
        (1, 3, 2, 2)
        >>> print([name for name, _ in net.parameters_and_names()])
        ['moving_mean', 'moving_variance', 'gamma', 'beta']
    """

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True, gamma_init="ones",
                 beta_init="zeros", moving_mean_init="zeros", moving_var_init="ones",
                 use_batch_statistics=None, process_groups=None, dtype=mstype.float32):
        super().__init__(num_features, eps, momentum, affine, gamma_init, beta_init,
                         moving_mean_init, moving_var_init, use_batch_statistics, dtype=dtype)
        world = _world_size()
        if process_groups is not None:
            if not isinstance(process_groups, list):
                raise ShapeError(f"For 'SyncBatchNorm', 'process_groups' must be a list, but got "
                                 f"{type(process_groups).__name__}.")
            for group in process_groups:
                if not isinstance(group, list) or any(
                        isinstance(r, bool) or not isinstance(r, int) or not 0 <= r < world
                        for r in group):
                    raise ShapeError(f"For 'SyncBatchNorm', each process group must be a list of "
                                     f"ranks in [0, {world}), but got {group!r}.")
        if world > 1:
            raise ShapeError("For 'SyncBatchNorm', synchronizing the statistics across "
                             f"{world} processes is not implemented; use BatchNorm2d per process.")
        self.process_groups = process_groups

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise DTypeError(f"For 'SyncBatchNorm', the input must be a Tensor, but got "
                             f"{type(x).__name__}.")
        if x.ndim == 2:
            return super().construct(x.reshape(tuple(x.shape) + (1, 1))).reshape(tuple(x.shape))
        if x.ndim != 4:
            raise ShapeError(f"For 'SyncBatchNorm', the input must be 2-D or 4-D, but got shape "
                             f"{list(x.shape)}.")
        return super().construct(x)
