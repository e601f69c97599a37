"""The priors and posteriors of the Bayesian layers: ``NormalPrior``, ``NormalPosterior`` and the
default posterior maker ``normal_post_fn``."""
import numpy as np

from .... import ops
from ...._C import Tensor
from ...._errors import DTypeError
from ....common import dtype as mstype
from ....common.parameter import Parameter
from ...cell import Cell
from ..distribution import Normal

__all__ = ["NormalPrior", "NormalPosterior", "normal_post_fn"]


def _check_number(value, name, positive=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        more = " and its value must > 0" if positive else ""
        raise DTypeError(f"The type of `{name}` must be `int` or `float`{more}")
    if positive and value < 0:  # MindSpore 2.10 accepts 0 despite its message
        raise DTypeError(f"The type of `{name}` must be `int` or `float` and its value must > 0")
    return value


class _Layer(Cell):
    """The module's cells: MindSpore's messages of their constructors do not name the layer."""
    _init_errors_name_layer = False


class NormalPrior(_Layer):
    """The prior of a Bayesian layer's parameters: a Normal distribution Cell
    (``self.normal``); called with a distribution method's name and arguments.

    Args:
        dtype (mindspore.dtype, optional): The distribution's dtype. Default: ``mstype.float32``.
        mean (number, optional): The mean. Default: ``0``.
        std (number, optional): The standard deviation (> 0). Default: ``0.1``.

    Outputs:
        What the named method of ``Normal`` returns.

    Examples:
        >>> from mindspore.nn.probability.bnn_layers import NormalPrior
        >>> print(NormalPrior(std=2.0)("sd"))
        2.0
    """

    def __init__(self, dtype=mstype.float32, mean=0, std=0.1):
        super().__init__()
        self.normal = Normal(mean, std, dtype=dtype)

    def construct(self, *inputs):
        return self.normal(*inputs)


class NormalPosterior(_Layer):
    """The trainable posterior of a Bayesian layer's parameter: ``N(mean, softplus(u))`` with
    two Parameters, ``<name>_mean`` (drawn from ``N(loc_mean, loc_std)``) and
    ``<name>_untransformed_std`` (``u``, drawn from ``N(untransformed_scale_mean,
    untransformed_scale_std)``); the standard deviation is at least 1e-6.

    Args:
        name (str): The prefix of the Parameters' names.
        shape (Union[tuple, list]): The parameter's shape.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.
        loc_mean (number, optional): The mean of the initial means. Default: ``0``.
        loc_std (number, optional): The spread of the initial means. Default: ``0.1``.
        untransformed_scale_mean (number, optional): The mean of the initial ``u``. Default: ``-5``.
        untransformed_scale_std (number, optional): The spread of the initial ``u``. Default:
            ``0.1``.

    Outputs:
        What the named method of ``Normal`` returns for this mean and standard deviation.

    Raises:
        TypeError: `name` not a str, `shape` not a tuple or list, a number argument of another
            type or a negative spread.

    Examples:
        >>> from mindspore.nn.probability.bnn_layers import NormalPosterior
        >>> post = NormalPosterior("w", (2, 3), loc_std=0.0, untransformed_scale_std=0.0)
        >>> print(post("mean"))
        [[0. 0. 0.]
         [0. 0. 0.]]
        >>> print([p.name for p in post.get_parameters()])
        ['w_mean', 'w_untransformed_std']
    """

    def __init__(self, name, shape, dtype=mstype.float32, loc_mean=0, loc_std=0.1,
                 untransformed_scale_mean=-5, untransformed_scale_std=0.1):
        super().__init__()
        if not isinstance(name, str):
            raise DTypeError("The type of `name` must be `str`")
        if not isinstance(shape, (tuple, list)):
            raise DTypeError("The type of `shape` must be `tuple` or `list`")
        _check_number(loc_mean, "loc_mean")
        _check_number(loc_std, "loc_std", positive=True)
        _check_number(untransformed_scale_mean, "untransformed_scale_mean")
        _check_number(untransformed_scale_std, "untransformed_scale_std", positive=True)
        # Drawn from NumPy's global generator, as MindSpore 2.10's (``set_seed`` seeds it).
        shape = tuple(shape)
        self.mean = Parameter(Tensor(np.random.normal(loc_mean, loc_std, shape), dtype),
                              name=name + "_mean")
        self.untransformed_std = Parameter(
            Tensor(np.random.normal(untransformed_scale_mean, untransformed_scale_std, shape), dtype),
            name=name + "_untransformed_std")
        self.normal = Normal()

    def std_trans(self, std_pre):
        """``max(softplus(std_pre), 1e-6)``: the standard deviation from its untransformed
        Parameter."""
        return ops.maximum(ops.log(1 + ops.exp(std_pre)), 1e-6)

    def construct(self, *inputs):
        std = self.std_trans(self.untransformed_std)
        return self.normal(*inputs, mean=self.mean, sd=std)


def normal_post_fn(name, shape):
    """The default posterior of the Bayesian layers: ``NormalPosterior(name=name, shape=shape)``."""
    return NormalPosterior(name=name, shape=shape)
