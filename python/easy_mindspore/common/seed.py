"""``mindspore.common.seed``: how a random op's two kernel seeds come from the global seed, as
MindSpore 2.10's front end derives them.

Each call of a random function (``ops.normal``, ``ops.rand``, ``ops.dropout``...) asks
:func:`_get_graph_seed` for ``(seed, seed2)``: the global seed (``set_seed``; 0 stands for
87654321, unset for 0) and a counter kept per ``(kernel name, op seed)`` that starts at the op
seed and moves on by a fixed step at each call, so that two calls in a row draw differently and
``set_seed`` starts every sequence again. With neither seed set the pair is ``(0, 0)``: an
unpredictable draw. The kernels then draw from the pair as MindSpore's CPU kernels do
(``easy_mindspore._C.ms_standard_normal`` and the others).
"""
from .._jit import tracing as _tracing
from .generator import in_generator_block as _in_generator_block

__all__ = ["set_seed", "get_seed"]

_DEFAULT_GRAPH_SEED = 87654321
_MAXINT32 = 2**31 - 1
_STEP = 3528531795 ^ 3449720151  # how far an op seed's counter moves at each call
_KERNEL_SEED = {}  # (kernel name, op seed) -> the counter


def _reset_op_seed():
    """Every counter back to its op seed (``set_seed`` does this)."""
    for kernel_name, op_seed in _KERNEL_SEED:
        _KERNEL_SEED[(kernel_name, op_seed)] = op_seed


def _check_op_seed(op_seed, kernel_name):
    if isinstance(op_seed, bool) or not isinstance(op_seed, int):
        raise TypeError(f"For '{kernel_name}', the type of 'seed' should be 'int', but got "
                        f"'{type(op_seed).__name__}'.")
    if op_seed < 0:
        raise ValueError(f"For '{kernel_name}', the 'seed' must be >= 0, but got {op_seed}.")


def _get_graph_seed(op_seed, kernel_name):
    """``(seed, seed2)`` of one call of the random op ``kernel_name`` with op seed ``op_seed``
    (None: 0)."""
    global_seed = get_seed()
    if global_seed == 0:
        global_seed = _DEFAULT_GRAPH_SEED
    elif global_seed is None:
        global_seed = 0
    op_seed = 0 if op_seed is None else op_seed
    if global_seed == 0 and op_seed == 0:
        return 0, 0
    _check_op_seed(op_seed, kernel_name)
    counter = _KERNEL_SEED.setdefault((kernel_name, op_seed), op_seed)
    _KERNEL_SEED[(kernel_name, op_seed)] = counter + _STEP
    return global_seed % _MAXINT32, counter % _MAXINT32


def _kernel_seeds(op_seed, kernel_name):
    """The kernel seeds of a random op whose MindSpore kernel runs eagerly and in a traced ``jit``
    graph (where the graph keeps the kernel: ``ops.function.random_func._launch``), or None
    inside a ``Generator`` block (``mint``'s draws, from the generator's state)."""
    if _in_generator_block():
        return None
    return _get_graph_seed(op_seed, kernel_name)


def _eager_seeds(op_seed, kernel_name):
    """The kernel seeds of a random op called eagerly (MindSpore's draws), or None while a
    ``jit`` function is traced (a traced draw must stay a draw each time the graph runs, so it
    is the engine's keyed ``Random`` primitive there) or inside a ``Generator`` block (``mint``'s
    draws, from the generator's state)."""
    if _tracing() or _in_generator_block():
        return None
    return _get_graph_seed(op_seed, kernel_name)


def set_seed(seed):
    """``mindspore.set_seed`` (see there)."""
    from .. import set_seed as _set_seed
    _set_seed(seed)


def get_seed():
    """``mindspore.get_seed``: the global seed, None until set."""
    from .. import get_seed as _get_seed
    return _get_seed()
