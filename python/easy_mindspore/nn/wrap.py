"""``nn.WithLossCell``, ``nn.WithEvalCell`` and ``nn.TrainOneStepCell``: the training and
evaluation steps ``mindspore.train.Model`` builds (and D2L-MindSpore code writes by hand); and
``nn.ParameterUpdate``, a Cell that writes its input into a Parameter.

As in MindSpore these wrappers do not prefix the names of the Parameters of the cells they wrap
(``auto_prefix=False``): the backbone's ``fc.weight`` stays ``fc.weight``, so a checkpoint of the
training cell loads into the bare network."""
from numbers import Number

from .._C import Parameter, Tensor
from .._errors import DTypeError, ShapeError
from .._grad import GradOperation, value_and_grad
from ..common.dtype import float32
from .cell import Cell
from ._mixed_precision import cast_floats
from .._auto_parallel import _data_parallel
from .grad_reducer import DistributedGradReducer, broadcast_parameters

__all__ = ["WithLossCell", "WithEvalCell", "TrainOneStepCell", "ForwardValueAndGrad",
           "ParameterUpdate"]


def _attach(owner, name, child):
    """Registers ``child`` as ``owner.name`` keeping its Parameters' names (no prefix)."""
    if not isinstance(child, Cell):
        raise DTypeError(f"For '{type(owner).__name__}', '{name.lstrip('_')}' must be a Cell, but got "
                         f"{type(child).__name__}.")
    names = [(p, p.name) for p in child.get_parameters()]
    setattr(owner, name, child)
    for p, n in names:
        p.name = n


class _Unprefixed(Cell):
    """A wrapper whose Parameters are named as in the cells it wraps: ``parameters_and_names``
    yields each Parameter under its own name (so checkpoints of the wrapper and
    ``load_param_into_net`` on it use the backbone's names)."""

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def parameters_and_names(self, name_prefix="", expand=True):
        for _, p in super().parameters_and_names(name_prefix, expand):
            yield (f"{name_prefix}.{p.name}" if name_prefix else p.name), p


class WithLossCell(_Unprefixed):
    """``WithLossCell(backbone, loss_fn)``: calling it with ``(data, label)`` returns
    ``loss_fn(backbone(data), label)``.

    Args:
        backbone (Cell): The network.
        loss_fn (Cell): The loss function.

    Outputs:
        Tensor, the loss of ``backbone(data)`` against `label`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        >>> with_loss = nn.WithLossCell(net, nn.MSELoss())
        >>> print(with_loss(ms.Tensor([[1.0, 2.0]], ms.float32), ms.Tensor([[1.0]], ms.float32)))
        4.0
    """

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        _attach(self, "_backbone", backbone)
        _attach(self, "_loss_fn", loss_fn)

    def construct(self, data, label):
        return self._loss_fn(self._backbone(data), label)

    @property
    def backbone_network(self):
        """The wrapped network."""
        return self._backbone


class WithEvalCell(_Unprefixed):
    """``WithEvalCell(network, loss_fn, add_cast_fp32=False)``: calling it with ``(data, label)``
    returns ``(loss, outputs, label)`` with ``outputs = network(data)`` and
    ``loss = loss_fn(outputs, label)``; ``add_cast_fp32`` casts the outputs and a float label to
    Float32 first. ``Model`` evaluates its metrics on these three.

    Args:
        network (Cell): The network.
        loss_fn (Cell): The loss function.
        add_cast_fp32 (bool, optional): Whether the outputs are cast to Float32. Default: ``False``.

    Outputs:
        tuple(Tensor, Tensor, Tensor), the loss, the network's output and the label.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        >>> ev = nn.WithEvalCell(net, nn.MSELoss())
        >>> loss, out, label = ev(ms.Tensor([[1.0, 2.0]], ms.float32), ms.Tensor([[1.0]], ms.float32))
        >>> print(loss, out)
        4.0 [[3.]]
    """

    def __init__(self, network, loss_fn, add_cast_fp32=False):
        super().__init__(auto_prefix=False)
        if not isinstance(add_cast_fp32, bool):
            raise DTypeError(f"For 'WithEvalCell', the type of 'add_cast_fp32' must be bool, but got "
                             f"{type(add_cast_fp32).__name__}.")
        _attach(self, "_network", network)
        _attach(self, "_loss_fn", loss_fn)
        self.add_cast_fp32 = add_cast_fp32

    def construct(self, data, label):
        outputs = self._network(data)
        if self.add_cast_fp32:
            # MindSpore's mixed_precision_cast: a float label becomes Float32, an int label stays
            label = cast_floats(label, float32)
            outputs = outputs.astype(float32)
        return self._loss_fn(outputs, label), outputs, label


class TrainOneStepCell(_Unprefixed):
    """``TrainOneStepCell(network, optimizer, sens=None, return_grad=False)``: each call computes
    ``network(*inputs)`` (the loss), its gradients with respect to ``optimizer.parameters``, and
    applies one optimizer step; it returns the loss (and, with ``return_grad``, a dict
    parameter name → gradient). With ``sens`` the backward pass starts from ``sens`` instead of 1
    (MindSpore's loss scaling: the gradients are multiplied by ``sens``; 0 is a ValueError).

    Under ``DATA_PARALLEL`` the gradients are all-reduced through a ``DistributedGradReducer``;
    an eager step overlaps that reduction with the backward pass (buckets start as their
    gradients become final), a compiled one (``jit``, GRAPH_MODE) reduces after it.

    As in MindSpore, a subclass may write its own step (gradient clipping, say) with the
    attributes ``network``, ``optimizer``, ``weights`` (the optimizer's parameters), ``grad``
    (``GradOperation(get_by_list=True, sens_param=True)``), ``grad_no_sens``
    (``GradOperation(get_by_list=True)``) and ``sens``.

    Args:
        network (Cell): The network.
        optimizer (Optimizer): The optimizer.
        sens (float, optional): The scale of the loss's gradient (1.0 when None). Default: ``None``.
        return_grad (bool, optional): Whether to also return the gradients. Default: ``False``.

    Outputs:
        Tensor, the loss of the step (and the gradients when `return_grad`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.WithLossCell(nn.Dense(2, 1), nn.MSELoss())
        >>> opt = nn.SGD(net.trainable_params(), 0.01)
        >>> step = nn.TrainOneStepCell(net, opt)
        >>> loss = step(ops.ones((4, 2), ms.float32), ops.zeros((4, 1), ms.float32))
        >>> print(loss.shape)
        ()
    """

    def __init__(self, network, optimizer, sens=None, return_grad=False):
        super().__init__(auto_prefix=False)
        if sens is not None and (isinstance(sens, bool) or not isinstance(sens, Number)):
            raise DTypeError(f"For 'TrainOneStepCell', 'sens' must be a number, but got "
                             f"{type(sens).__name__}.")
        if sens == 0:
            raise ShapeError("The input argument of 'sens' can not be 0.")
        if not hasattr(optimizer, "parameters") or not callable(optimizer):
            raise DTypeError(f"For '{type(self).__name__}', 'optimizer' must be an optimizer (a "
                             f"callable with 'parameters'), but got {type(optimizer).__name__}.")
        _attach(self, "network", network)
        if isinstance(optimizer, Cell):
            _attach(self, "optimizer", optimizer)
        else:  # a plain callable the step calls with the gradients
            object.__setattr__(self, "optimizer", optimizer)
        object.__setattr__(self, "weights", optimizer.parameters)
        self.sense_flag = sens is not None
        self.sens = 1.0 if sens is None else sens
        self.return_grad = bool(return_grad)
        self.grad = GradOperation(get_by_list=True, sens_param=True)
        self.grad_no_sens = GradOperation(get_by_list=True)
        self._grad_fn = value_and_grad(network, None, optimizer.parameters)
        # Data parallel: every process starts from rank 0's parameters and steps with the
        # all-reduced gradients (MindSpore's reducer_flag / grad_reducer).
        self.reducer_flag = _data_parallel()
        object.__setattr__(self, "grad_reducer", _identity)
        if self.reducer_flag:
            broadcast_parameters([p for _, p in network.parameters_and_names()])
            object.__setattr__(self, "grad_reducer", DistributedGradReducer(self.weights))

    def parameters_and_names(self, name_prefix="", expand=True):
        """As MindSpore's: the optimizer's parameters (the weights), then the network's other
        Parameters, under their names; then the optimizer's own (``global_step``, a fixed
        learning rate, its state) under ``optimizer.<name>`` — what a checkpoint of the
        training cell holds, by the Parameters' names."""
        pre = f"{name_prefix}." if name_prefix else ""
        network = {id(p) for p in self.network.get_parameters()} if expand else set()
        network.update(id(p) for p in self.weights)
        seen = set()
        for p in self.weights:
            if id(p) not in seen:
                seen.add(id(p))
                yield pre + p.name, p
        for _, p in super().parameters_and_names(name_prefix, expand):
            if id(p) not in seen:
                seen.add(id(p))
                yield (pre if id(p) in network else f"{pre}optimizer.") + p.name, p

    def construct(self, *inputs):
        if self.reducer_flag:
            # Eagerly, the gradients come back reduced, overlapped with the backward pass.
            with self.grad_reducer.overlap():
                loss, grads = self._grad_fn(*inputs)
            reduced = self.grad_reducer._holds(grads)
        else:
            loss, grads = self._grad_fn(*inputs)
            reduced = False
        if self.sense_flag and not reduced:
            # d(sens·loss)/dw: the cotangent filled with sens scales every gradient
            grads = tuple(g * self.sens for g in grads)
        grads = self.grad_reducer(grads)
        if self.sense_flag and reduced:
            grads = tuple(g * self.sens for g in grads)
        self.optimizer(grads)
        if self.return_grad:
            return loss, {p.name: g for p, g in zip(self.weights, grads)}
        return loss


class ForwardValueAndGrad(Cell):
    """``nn.ForwardValueAndGrad(network, weights=None, get_all=False, get_by_list=False,
    sens_param=False)``: calling it returns ``(network's output, gradients)``, the gradients
    structured as ``ops.GradOperation`` with the same flags gives them (the first Tensor input's,
    every Tensor input's with ``get_all``, the weights' with ``get_by_list``, both as a pair), in
    one forward and one backward pass. With ``sens_param`` the last input is the output's
    cotangent.

    Args:
        network (Cell): The network.
        weights (Union[Parameter, list[Parameter], ParameterTuple], optional): Parameters to
            differentiate with respect to, as well. Default: ``None``.
        get_all (bool, optional): Whether to return the gradients of every input. Default:
            ``False``.
        get_by_list (bool, optional): Whether to return the gradients of `weights`. Default:
            ``False``.
        sens_param (bool, optional): Whether the last argument is the sensitivity (the output's
            cotangent). Default: ``False``.

    Outputs:
        tuple, the network's output and the gradients.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        >>> fwd = nn.ForwardValueAndGrad(net, weights=net.trainable_params(), get_by_list=True)
        >>> out, grads = fwd(ms.Tensor([[1.0, 2.0]], ms.float32))
        >>> print(out)
        [[3.]]
        >>> print(grads[0])
        [[1. 2.]]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, network, weights=None, get_all=False, get_by_list=False, sens_param=False):
        super().__init__()
        if not isinstance(network, Cell):
            raise DTypeError(f"For 'ForwardValueAndGrad', 'network' must be a Cell, but got "
                             f"{type(network).__name__}.")
        if get_by_list and weights is None:
            raise DTypeError("For 'ForwardValueAndGrad', 'weights' must be given when get_by_list "
                             "is True.")
        self.network = network
        object.__setattr__(self, "weights", weights)
        self.get_all, self.get_by_list, self.sens_param = get_all, get_by_list, sens_param

    def construct(self, *inputs):
        n = len(inputs) - 1 if self.sens_param else len(inputs)
        tensors = tuple(i for i, x in enumerate(inputs[:n]) if isinstance(x, Tensor))
        if self.get_all:
            position = tensors
        elif self.get_by_list:
            position = None
        else:
            position = tensors[0] if tensors else 0
        weights = self.weights if self.get_by_list else None
        if position == ():  # get_all without Tensor inputs: no input gradients
            if weights is None:
                return self.network(*inputs[:n]), ()
            value, wgrads = value_and_grad(self.network, None, weights,
                                           sens_param=self.sens_param)(*inputs)
            return value, ((), wgrads)
        value, grads = value_and_grad(self.network, position, weights,
                                      sens_param=self.sens_param)(*inputs)
        # GradOperation's structure: a tuple per group even for one Tensor input.
        if self.get_all and self.get_by_list:
            return value, (_tuple(grads[0]), grads[1])
        if self.get_all:
            return value, _tuple(grads)
        return value, grads


def _tuple(g):
    return (g,) if isinstance(g, Tensor) else tuple(g)


def _identity(grads):
    return grads


class ParameterUpdate(_Unprefixed):
    """Writes its input into `param` (``ops.assign``) and returns the input: a Parameter updated
    from a graph, such as a learning rate set by a schedule.

    Args:
        param (Parameter): The Parameter to update.

    Inputs:
        - **x** (Tensor) - The new value, of `param`'s shape.

    Outputs:
        Tensor, `x`.

    Raises:
        TypeError: If `param` is not a Parameter.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> lr = ms.Parameter(ms.Tensor(0.1), name="lr")
        >>> update = nn.ParameterUpdate(lr)
        >>> _ = update(ms.Tensor(0.01))
        >>> print(lr.asnumpy())
        0.01
    """

    def __init__(self, param):
        super().__init__()
        if not isinstance(param, Parameter):
            raise DTypeError(f"For 'ParameterUpdate', 'param' must be 'Parameter', but got "
                             f"{type(param).__name__}.")
        self._param = param

    def construct(self, x):
        from .. import ops
        try:
            ops.assign(self._param, x)
        except DTypeError as e:  # a value of a dtype the Parameter cannot take: named here
            raise DTypeError(f"For 'ParameterUpdate', {e}") from e
        return x
