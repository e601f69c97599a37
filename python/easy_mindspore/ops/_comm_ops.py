"""The collective primitives of ``mindspore.ops``: ``AllReduce``, ``AllGather``,
``ReduceScatter``, ``Broadcast`` and ``ReduceOp``. Each call is one engine primitive
(``easy_mindspore::comm::Collective``): it runs eagerly, is recorded by ``jit`` (and run again by
every call of the compiled function), and differentiates as MindSpore's bprops do (AllReduce SUM →
AllReduce SUM of the gradient; AllGather → ReduceScatter SUM; ReduceScatter SUM → AllGather;
Broadcast → the gradient unchanged). They need ``mindspore.communication.init()`` first."""
from .. import _C
from .._errors import DTypeError
from .operations import Primitive

__all__ = ["ReduceOp", "AllReduce", "AllGather", "ReduceScatter", "Broadcast"]

_WORLD = "hccl_world_group"


class ReduceOp:
    """The reductions of ``AllReduce`` and ``ReduceScatter``: ``SUM``, ``MAX``, ``MIN``,
    ``PROD`` (strings, as in MindSpore).

    Outputs:
        str constants, the reduction names.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ReduceOp.SUM, ops.ReduceOp.MAX)
        sum max
    """
    SUM = "sum"
    MAX = "max"
    MIN = "min"
    PROD = "prod"


def _check(prim, op=None, group=_WORLD):
    if op is not None and not isinstance(op, str):
        raise DTypeError(f"For '{prim}', the argument 'op' must be a str, but got {type(op).__name__}.")
    if not isinstance(group, str):
        raise DTypeError(f"For '{prim}', the argument 'group' must be a str, but got "
                         f"{type(group).__name__}.")


class AllReduce(Primitive):
    """``AllReduce(op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP)``: every process gets the
    elementwise ``op`` of all processes' inputs (same shape and dtype on every process).

    Args:
        op (str, optional): The reduction, a :class:`ReduceOp`. Default: ``ReduceOp.SUM``.
        group (str, optional): The communication group. Default: ``'hccl_world_group'``.

    Inputs:
        x (Tensor): This process's input.

    Outputs:
        Tensor, of the shape and dtype of `x`: the reduction over the processes.

    Raises:
        TypeError: ``op`` or ``group`` not a str; a Bool input.
        ValueError: an unknown ``op``; processes called with different shapes or dtypes.
        RuntimeError: before ``init()``.

    Examples:
        >>> # Run by 2 processes: mpirun -n 2 python example.py (or msrun --worker_num=2
        >>> # --local_worker_num=2 example.py); rank 0 prints what is shown.
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.communication import init, get_rank
        >>> init()
        >>> x = ms.Tensor([1.0, 2.0], ms.float32) * (get_rank() + 1)
        >>> print(ops.AllReduce()(x))
        [3. 6.]
        >>> print(ops.AllReduce(ops.ReduceOp.MAX)(x))
        [2. 4.]
    """

    def __init__(self, op=ReduceOp.SUM, group=_WORLD):
        _check("AllReduce", op, group)
        self.op, self.group = op, group

    def __call__(self, x):
        return _C.all_reduce(x, self.op, self.group)


class AllGather(Primitive):
    """``AllGather(group=GlobalComm.WORLD_COMM_GROUP)``: every process gets all inputs
    concatenated along axis 0 in rank order (shape ``(N·x_1, x_2, ...)``).

    Args:
        group (str, optional): The communication group. Default: ``'hccl_world_group'``.

    Inputs:
        x (Tensor): This process's input.

    Outputs:
        Tensor, the inputs of the N processes concatenated along axis 0.

    Examples:
        >>> # Run by 2 processes: mpirun -n 2 python example.py (or msrun --worker_num=2
        >>> # --local_worker_num=2 example.py); rank 0 prints what is shown.
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.communication import init, get_rank
        >>> init()
        >>> x = ms.Tensor([1.0, 2.0], ms.float32) * (get_rank() + 1)
        >>> print(ops.AllGather()(x))
        [1. 2. 2. 4.]
    """

    def __init__(self, group=_WORLD):
        _check("AllGather", None, group)
        self.group = group

    def __call__(self, x):
        return _C.all_gather(x, self.group)


class ReduceScatter(Primitive):
    """``ReduceScatter(op=ReduceOp.SUM, group=GlobalComm.WORLD_COMM_GROUP)``: the ``op`` of all
    inputs, split into N blocks along axis 0; process ``r`` gets block ``r`` (axis 0 must divide
    by N). Its gradient exists for ``SUM`` only (a RuntimeError otherwise, as in MindSpore).

    Args:
        op (str, optional): The reduction, a :class:`ReduceOp`. Default: ``ReduceOp.SUM``.
        group (str, optional): The communication group. Default: ``'hccl_world_group'``.

    Inputs:
        x (Tensor): This process's input; its axis 0 divides by the number of processes N.

    Outputs:
        Tensor, block ``r`` (of N along axis 0) of the reduction, on process ``r``.

    Examples:
        >>> # Run by 2 processes: mpirun -n 2 python example.py (or msrun --worker_num=2
        >>> # --local_worker_num=2 example.py); rank 0 prints what is shown.
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.communication import init, get_rank
        >>> init()
        >>> x = ms.Tensor([1.0, 2.0], ms.float32) * (get_rank() + 1)
        >>> print(ops.ReduceScatter()(x))
        [3.]
    """

    def __init__(self, op=ReduceOp.SUM, group=_WORLD):
        _check("ReduceScatter", op, group)
        self.op, self.group = op, group

    def __call__(self, x):
        return _C.reduce_scatter(x, self.op, self.group)


class Broadcast(Primitive):
    """``Broadcast(root_rank, group=GlobalComm.WORLD_COMM_GROUP)``: called on a tuple of tensors,
    returns the tuple of the root process's tensors.

    Args:
        root_rank (int): The rank whose tensors every process receives.
        group (str, optional): The communication group. Default: ``'hccl_world_group'``.

    Inputs:
        input_x (tuple[Tensor]): This process's tensors (the same shapes and dtypes on every process).

    Outputs:
        tuple[Tensor], the root process's tensors.

    Examples:
        >>> # Run by 2 processes: mpirun -n 2 python example.py (or msrun --worker_num=2
        >>> # --local_worker_num=2 example.py); rank 0 prints what is shown.
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.communication import init, get_rank
        >>> init()
        >>> x = ms.Tensor([1.0, 2.0], ms.float32) * (get_rank() + 1)
        >>> print(ops.Broadcast(0)((x,)))
        (Tensor(shape=[2], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00]),)
    """

    def __init__(self, root_rank, group=_WORLD):
        if isinstance(root_rank, bool) or not isinstance(root_rank, int):
            raise DTypeError(f"For 'Broadcast', the argument 'root_rank' must be an int, but got "
                             f"{type(root_rank).__name__}.")
        _check("Broadcast", None, group)
        self.root_rank, self.group = root_rank, group

    def __call__(self, input_x):
        if not isinstance(input_x, (tuple, list)):
            raise DTypeError(f"For 'Broadcast', the input must be a tuple of tensors, but got "
                             f"{type(input_x).__name__}.")
        return tuple(_C.broadcast(x, self.root_rank, self.group) for x in input_x)
