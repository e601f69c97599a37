"""The kernels of MindSpore's random primitives with explicit seeds, kept by the primitive as
MindSpore 2.10's PyNative mode keeps them (measured).

A random primitive built with ``seed``/``seed2`` not both 0 draws from MindSpore's kernel of the
pair ``(seed, seed2)`` itself, whatever the global seed: ``ops.UniformReal(seed=5)((3,))`` is the
kernel of seeds ``(5, 0)``. The primitive keeps one kernel per kind of call (the output shape;
for some primitives the input's dtype or the number of samples too, for ``RandomChoiceWithMask``
the input's values): a later call of that kind goes on along the kernel's stream, a call of
another kind starts a kernel of its own, and a new instance starts again. With both seeds 0
MindSpore draws unpredictably; the primitives then keep their own draws.

Inside a traced ``jit`` function the graph keeps the kernel, its state a Parameter each run reads
and advances (``random_func._launch``)."""
from .. import _C
from .._errors import DTypeError, ShapeError
from .._jit import tracing

__all__ = ["check_seed", "seeds_of", "graph_draw", "stream"]


def check_seed(op, name, value):
    """`value` checked as MindSpore checks a random primitive's seed when it is built."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise DTypeError(f"For '{op}', the '{name}' must be int, but got '{type(value).__name__}'")
    if value < 0:
        raise ShapeError(f"For '{op}', the '{name}' must be int and must >= 0, but got '{value}' with type "
                         f"'int'.")
    return value


def seeds_of(prim, names=("seed", "seed2")):
    """The kernel seeds ``(seed, seed2)`` of `prim`, or None when both are 0 (unpredictable)."""
    seeds = tuple(int(getattr(prim, n)) for n in names)
    return seeds if any(seeds) else None


def _kernels(prim, kind):
    return prim.__dict__.setdefault("_kernels", {}).setdefault(kind, {})


def graph_draw(prim, kernel, seeds, shape, key=None):
    """Values of `shape` from the ``_C.GraphKernel`` `kernel` of `seeds`: eagerly from the state
    `prim` keeps for the call kind `key` (the shape by default), advanced after the draw; inside
    a traced ``jit`` function from a state the graph keeps.

    Args:
        prim (Primitive): The primitive keeping the states.
        kernel (GraphKernel): The kernel.
        seeds (tuple[int]): ``(seed, seed2)``.
        shape (tuple[int]): The output shape.
        key (object, optional): The call kind. Default: the shape.

    Returns:
        Tensor, the values.

    Examples:
        >>> from mindspore import ops
        >>> u = ops.UniformReal(seed=5)
        >>> print(u((3,)), u((3,)))
        [0.10628742 0.67376035 0.36783734] [0.17309612 0.37391743 0.45089114]
    """
    if tracing():
        from .function.random_func import _launch
        return _launch(kernel, seeds, shape)
    states = _kernels(prim, "graph")
    key = shape if key is None else key
    state = states.get(key)
    if state is None:
        state = kernel.start(*seeds)
    out = kernel.launch(state, shape, False)
    states[key] = kernel.launch(state, shape, True)
    return out


def stream(prim, seeds, key):
    """The ``_C.KernelStream`` of `seeds` that `prim` keeps for the call kind `key` (a new one for
    a new kind).

    Args:
        prim (Primitive): The primitive keeping the streams.
        seeds (tuple[int]): ``(seed, seed2)``.
        key (object): The call kind.

    Returns:
        KernelStream.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.RandomShuffle(seed=5)(ms.Tensor([0, 1, 2, 3, 4, 5])))
        [5 1 3 2 0 4]
    """
    streams = _kernels(prim, "stream")
    if key not in streams:
        streams[key] = _C.KernelStream(*seeds)
    return streams[key]
