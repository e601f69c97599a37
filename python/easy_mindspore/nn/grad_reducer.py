"""``nn.DistributedGradReducer`` and the start-of-training parameter broadcast: what makes
data-parallel training keep every process's weights identical.

Gradients are all-reduced in **buckets**: consecutive gradients of one dtype are flattened into
one buffer of at most ``BUCKET_BYTES`` (25 MiB, PyTorch DDP's default), so a step costs one
collective per bucket rather than one per parameter (the small-message latency dominates a
per-parameter reduction of an MLP's biases).

Two ways to run the same buckets, with the same results:

* **Overlapped with the backward pass** (eager steps). Inside ``reducer.overlap()``, a gradient
  computation (``value_and_grad``/``grad``/``GradOperation``) whose weights are exactly the
  reducer's parameters hands the engine the bucket plan (``_C.GradOverlap``); the engine's
  reverse sweep reports each parameter's gradient as soon as it is final, starts a bucket's
  non-blocking ``MPI_Iallreduce`` once all its members are (buckets start from the last, in one
  fixed order on every process), keeps sweeping, and at the end waits for every bucket (under
  the collective watchdog), splits it and divides by ``degree`` when ``mean``. Calling the reducer
  on exactly those gradients then returns them as they are. ``TrainOneStepCell`` (so
  ``Model.train``) does this under ``DATA_PARALLEL``; ``OVERLAP = False`` turns it off.
* **After the backward pass** (everything else: gradients computed outside ``overlap()``, or
  changed before the reducer sees them, or computed inside ``jit``/GRAPH_MODE, where a trace has
  no values to send while it runs, or weights with ``register_hook`` hooks). Each bucket is an
  ordinary differentiable, ``jit``-recordable expression (reshape, concat, ``AllReduce``,
  slices), so the reducer runs the same eagerly and inside a compiled step."""
import contextlib

from .. import _C
from .. import _grad
from .._C import Tensor
from .._auto_parallel import _degree, get_auto_parallel_context
from .._errors import DTypeError, ShapeError
from ..communication.management import GlobalComm, get_group_size
from ..ops import functional as F
from .cell import Cell

__all__ = ["DistributedGradReducer", "broadcast_parameters", "BUCKET_BYTES", "OVERLAP"]

BUCKET_BYTES = 25 << 20

#: Whether ``overlap()`` scopes overlap the reduction with the backward pass (else the reducer
#: runs after it, as inside ``jit``).
OVERLAP = True


def _itemsize(dtype):
    name = str(dtype)
    for width, size in (("64", 8), ("32", 4), ("16", 2)):
        if name.endswith(width):
            return size
    return 1


def _buckets(shapes_dtypes, limit):
    """Index lists of consecutive entries of one dtype whose bytes stay within ``limit`` (an entry
    larger than ``limit`` is a bucket of its own)."""
    out, cur, cur_dtype, cur_bytes = [], [], None, 0
    for i, (shape, dtype) in enumerate(shapes_dtypes):
        n = 1
        for d in shape:
            n *= d
        size = n * _itemsize(dtype)
        if cur and (dtype != cur_dtype or cur_bytes + size > limit):
            out.append(cur)
            cur, cur_bytes = [], 0
        cur.append(i)
        cur_dtype = dtype
        cur_bytes += size
    if cur:
        out.append(cur)
    return out


def _flatten(tensors):
    flat = [t.reshape(-1) for t in tensors]
    return flat[0] if len(flat) == 1 else F.concat(flat, 0)


def _unflatten(flat, shapes):
    out, at = [], 0
    for shape in shapes:
        n = 1
        for d in shape:
            n *= d
        out.append(flat[at:at + n].reshape(shape))
        at += n
    return out


class DistributedGradReducer(Cell):
    """``DistributedGradReducer(parameters, mean=None, degree=None, fusion_type=1,
    group=GlobalComm.WORLD_COMM_GROUP)``: called on the gradients of ``parameters`` (a tuple in
    the same order), returns their sums over the processes of ``group`` — divided by ``degree``
    when ``mean`` — as a tuple. ``mean=None`` reads ``gradients_mean`` from the auto-parallel
    context; ``degree=None`` is the context's ``device_num`` when set, else the group size.
    Gradients computed inside :meth:`overlap` come back already reduced (the all-reduce ran
    during their backward pass) and are returned as they are.

    Args:
        parameters (list[Parameter]): The parameters whose gradients are reduced, in order.
        mean (bool, optional): Whether to divide the sums by `degree`; None reads
            ``gradients_mean`` from the auto-parallel context. Default: ``None``.
        degree (int, optional): The divisor of the mean; None is the context's ``device_num`` when
            set, else the group size. Default: ``None``.
        fusion_type (int, optional): Accepted for compatibility. Default: ``1``.
        group (str, optional): The communication group. Default: ``'hccl_world_group'``.

    Inputs:
        grads (tuple[Tensor]): The gradients of `parameters`, in the same order.

    Outputs:
        tuple[Tensor], the gradients summed (averaged when `mean`) over the processes.

    Raises:
        TypeError: ``mean`` not a bool, ``degree`` not an int; gradients not a tuple/list.
        ValueError: ``degree`` < 1; a gradient count or shape that does not match ``parameters``.

    Examples:
        >>> # Run by 2 processes: mpirun -n 2 python example.py (or msrun --worker_num=2
        >>> # --local_worker_num=2 example.py); rank 0 prints what is shown.
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.communication import init, get_rank
        >>> init()
        >>> net = nn.Dense(2, 1)
        >>> reducer = nn.DistributedGradReducer(net.trainable_params(), mean=True)
        >>> grads = (ms.Tensor([[1.0, 2.0]], ms.float32) * (get_rank() + 1), ms.Tensor([1.0], ms.float32))
        >>> print(reducer(grads))
        (Tensor(shape=[1, 2], dtype=Float32, value=
        [[ 1.50000000e+00,  3.00000000e+00]]), Tensor(shape=[1], dtype=Float32, value= [ 1.00000000e+00]))
    """

    def __init__(self, parameters, mean=None, degree=None, fusion_type=1,
                 group=GlobalComm.WORLD_COMM_GROUP):
        super().__init__(auto_prefix=False)
        if mean is None:
            mean = get_auto_parallel_context("gradients_mean")
        if not isinstance(mean, bool):
            raise DTypeError(f"For 'DistributedGradReducer', 'mean' must be a bool, but got "
                             f"{type(mean).__name__}.")
        if degree is None:
            degree = _degree(get_group_size(group))
        if isinstance(degree, bool) or not isinstance(degree, int):
            raise DTypeError(f"For 'DistributedGradReducer', 'degree' must be an int, but got "
                             f"{type(degree).__name__}.")
        if degree < 1:
            raise ShapeError(f"For 'DistributedGradReducer', 'degree' must be >= 1, but got {degree}.")
        if not isinstance(group, str):
            raise DTypeError(f"For 'DistributedGradReducer', 'group' must be a str, but got "
                             f"{type(group).__name__}.")
        try:
            params = list(parameters)
        except TypeError:
            raise DTypeError(f"For 'DistributedGradReducer', 'parameters' must be an iterable of "
                             f"Parameters, but got {type(parameters).__name__}.") from None
        if not all(isinstance(p, Tensor) for p in params):
            raise DTypeError("For 'DistributedGradReducer', 'parameters' must be an iterable of "
                             "Parameters.")
        self.mean, self.degree, self.group, self.fusion_type = mean, degree, group, fusion_type
        self._shapes = [tuple(p.shape) for p in params]
        self._buckets = _buckets([(s, p.dtype) for s, p in zip(self._shapes, params)],
                                 BUCKET_BYTES)
        # Plain attributes (not registered as the cell's parameters): the overlap's state.
        object.__setattr__(self, "_params", tuple(params))
        object.__setattr__(self, "_native", None)
        object.__setattr__(self, "_reduced", None)

    @contextlib.contextmanager
    def overlap(self):
        """``with reducer.overlap(): loss, grads = grad_fn(*inputs)``: a gradient computation
        with respect to exactly this reducer's parameters, run eagerly inside the scope, comes back
        already reduced — each bucket's all-reduce started during the backward pass as soon as its
        gradients are final — and ``reducer(grads)`` then returns those gradients unchanged.
        Anything else inside the scope (other weights, ``jit``, hooked weights) is untouched, and
        the reducer reduces it after the fact as usual.

        Examples:
            >>> # Run by 2 processes: mpirun -n 2 python example.py; rank 0 prints what is shown.
            >>> import mindspore as ms
            >>> from mindspore import nn, ops
            >>> from mindspore.communication import init, get_rank
            >>> init()
            >>> net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
            >>> params = net.trainable_params()
            >>> grad_fn = ms.value_and_grad(lambda x: net(x).sum(), None, params)
            >>> reducer = nn.DistributedGradReducer(params, mean=True)
            >>> x = ops.ones((1, 2), ms.float32) * (get_rank() + 1)
            >>> with reducer.overlap():
            ...     loss, grads = grad_fn(x)
            >>> grads = reducer(grads)  # already reduced: returned as they are
            >>> print(grads[0])
            [[1.5 1.5]]
        """
        prev = _grad._overlap_state.reducer
        _grad._overlap_state.reducer = self
        try:
            yield self
        finally:
            _grad._overlap_state.reducer = prev

    def _overlaps(self, weights):
        """Whether a backward pass for ``weights`` can reduce with this reducer's plan."""
        return (OVERLAP and _C.comm_is_initialized() and len(weights) == len(self._params)
                and all(w is p for w, p in zip(weights, self._params)))

    def _plan(self):
        if self._native is None:
            object.__setattr__(self, "_native", _C.GradOverlap(
                len(self._shapes), self._buckets, self.group, self.mean, self.degree))
        return self._native

    def _done(self, grads):
        """Records the gradients an overlapped pass returned (already reduced)."""
        object.__setattr__(self, "_reduced", tuple(grads))

    def _holds(self, grads):
        """True when ``grads`` are exactly the ones the last overlapped pass returned."""
        r = self._reduced
        return (r is not None and isinstance(grads, (tuple, list)) and len(grads) == len(r)
                and all(a is b for a, b in zip(grads, r)))

    def construct(self, grads):
        if self._holds(grads):
            object.__setattr__(self, "_reduced", None)
            return tuple(grads)
        object.__setattr__(self, "_reduced", None)
        if not isinstance(grads, (tuple, list)):
            raise DTypeError(f"For 'DistributedGradReducer', the gradients must be a tuple, but got "
                             f"{type(grads).__name__}.")
        if len(grads) != len(self._shapes):
            raise ShapeError(f"For 'DistributedGradReducer', got {len(grads)} gradients for "
                             f"{len(self._shapes)} parameters.")
        for i, (g, shape) in enumerate(zip(grads, self._shapes)):
            if tuple(g.shape) != shape:
                raise ShapeError(f"For 'DistributedGradReducer', gradient {i} has shape "
                                 f"{tuple(g.shape)}, but its parameter has shape {shape}.")
        out = list(grads)
        for bucket in self._buckets:
            total = _C.all_reduce(_flatten([grads[i] for i in bucket]), "sum", self.group)
            if self.mean and self.degree != 1:
                floating = str(total.dtype).startswith(("Float", "BFloat"))
                total = total / self.degree if floating else total // self.degree
            for i, g in zip(bucket, _unflatten(total, [self._shapes[i] for i in bucket])):
                out[i] = g
        return tuple(out)


def broadcast_parameters(params, root=0, group=GlobalComm.WORLD_COMM_GROUP):
    """Gives every process rank ``root``'s values of ``params`` (bucketed as the gradients are),
    so data-parallel training starts from identical weights. Nothing happens before ``init()``
    or in a group of one."""
    if not _C.comm_is_initialized() or get_group_size(group) == 1:
        return
    params = list(params)
    shapes = [tuple(p.shape) for p in params]
    for bucket in _buckets([(s, p.dtype) for s, p in zip(shapes, params)], BUCKET_BYTES):
        flat = _C.broadcast(_flatten([params[i] for i in bucket]), root, group)
        for i, v in zip(bucket, _unflatten(flat, [shapes[i] for i in bucket])):
            params[i].set_data(v)
