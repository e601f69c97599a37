"""``mindspore.common.api``: ``jit`` and the executor objects MindSpore's own code and tests
reach for (``_pynative_executor``, ``_cell_graph_executor``)."""
import contextlib

from .. import _C, _tree
from .._C import Tensor
from .._device_api import jit_class  # noqa: F401 (``from mindspore.common.api import jit_class``)
from .._jit import jit
from .._grad import GradOperation, _no_grad_state

__all__ = ["jit", "jit_class"]


class _no_grad(contextlib.ContextDecorator):
    """MindSpore's ``_no_grad``, as a context manager (``with _no_grad(): ...``) or a decorator
    (``@_no_grad()``): what is computed inside is a constant to the gradient transformations
    (``grad``, ``value_and_grad``, ``GradOperation``, ``vjp``, ``jvp``) already running when it
    starts, as if passed through ``ops.stop_gradient``; starting ``grad``, ``value_and_grad`` or a
    ``GradOperation`` inside raises RuntimeError, as in MindSpore. The engine keeps the scope per
    thread (``easy_mindspore::NoGrad``)."""

    def __init__(self):
        self._scope = _C.NoGradScope()

    def __enter__(self):
        self._scope.__enter__()
        _no_grad_state.depth += 1
        return self

    def __exit__(self, *exc):
        _no_grad_state.depth -= 1
        return self._scope.__exit__(*exc)

    def _recreate_cm(self):
        # As a decorator: a fresh scope object for each call (any thread, any recursion depth).
        return type(self)()


class _PynativeExecutor:
    """What MindSpore's PyNative executor offers to Python, on an engine that executes eagerly and
    differentiates functions rather than recorded graphs.

    - ``sync()`` waits for queued kernels: every kernel here has finished when its call returns,
      so there is nothing to wait for, and errors were already raised at the call.
    - ``set_grad_flag``/``grad_flag`` and ``set_enable_grad``/``enable_grad`` keep MindSpore's
      flags (read back by code that saves and restores them).
    - ``new_graph``/``end_graph`` bracket a forward run MindSpore records for a later ``grad``;
      ``grad(obj, grad_op, weights, grad_position, *args)`` differentiates ``obj`` at ``args``
      with ``grad_op`` (a ``GradOperation``) directly, so the bracketing records nothing.
    """

    def __init__(self):
        self._grad_flag = False
        self._enable_grad = True

    def sync(self):
        """Waits for pending device work: none is ever pending here."""

    def set_grad_flag(self, flag):
        self._grad_flag = bool(flag)

    def grad_flag(self):
        return self._grad_flag

    def set_enable_grad(self, flag):
        self._enable_grad = bool(flag)

    def enable_grad(self):
        return self._enable_grad

    def check_run(self, grad, obj, weights, grad_hash_id, *args, **kwargs):
        """Whether a recorded graph must run again before ``grad``: always (nothing is cached
        between ``new_graph`` and ``grad`` here)."""
        return True

    def new_graph(self, obj, *args, **kwargs):
        """Starts MindSpore's recording of ``obj``'s forward run (nothing to record here)."""

    def end_graph(self, obj, output, *args, **kwargs):
        """Ends MindSpore's recording of ``obj``'s forward run."""

    def grad(self, obj, grad_op, weights, grad_position, *args, **kwargs):
        """The gradients ``grad_op`` gives for ``obj`` at ``args`` (and ``weights``)."""
        if not isinstance(grad_op, GradOperation):
            raise TypeError(f"For '_pynative_executor.grad', grad must be a GradOperation, "
                            f"but got {type(grad_op).__name__}.")
        fn = grad_op(obj, weights) if weights is not None else grad_op(obj)
        return fn(*args, **kwargs)


_pynative_executor = _PynativeExecutor()


class _CellGraphExecutor:
    """What MindSpore's graph executor offers to Python, for the code and tests that compile a
    network without running it: ``compile(obj, *args, phase='predict')`` traces ``obj(*args)``
    (a Cell's ``construct``, or any callable) into the engine's graph at the shapes and dtypes of
    ``args`` — an error in the network (mismatched shapes, wrong dtypes, a bad argument) raises
    there, as MindSpore's compile does — and changes nothing: no Parameter is updated, nothing is
    computed. It returns ``(phase, True)`` for a new graph and ``(phase, False)`` for one already
    compiled, the phase naming the graph (``'<phase>.<id of obj>.<argument key>'``).
    ``has_compiled(phase)`` tells; ``run``/``__call__`` run ``obj`` at ``args`` (compiling first
    if needed) and return its output."""

    def __init__(self):
        self._phases = set()

    @staticmethod
    def _phase(obj, args, kwargs, phase):
        """The phase of ``obj`` at ``args``: the arguments' structure, with each Tensor's shape
        and dtype and each other value as itself."""
        leaves = _tree.leaves((args, kwargs))
        key = tuple((tuple(v.shape), str(v.dtype)) if isinstance(v, Tensor) else repr(v)
                    for v in leaves)
        return f"{phase}.{id(obj)}.{hash((repr(_tree.structure((args, kwargs))), key))}"

    def compile(self, obj, *args, phase="predict", do_convert=True, jit_config_dict=None, **kwargs):
        """Traces ``obj(*args, **kwargs)`` into a graph without running it; ``(phase, is_new)``."""
        if not callable(obj):
            raise TypeError(f"For '_cell_graph_executor.compile', the network must be callable, "
                            f"but got {type(obj).__name__}.")
        real = self._phase(obj, args, kwargs, phase)
        if real in self._phases:
            return real, False
        if hasattr(obj, "_check_parameter_names"):  # a Cell: unique Parameter names
            obj._check_parameter_names()
        tree = (args, kwargs)
        leaves = _tree.leaves(tree)
        slots = [i for i, v in enumerate(leaves) if isinstance(v, Tensor)]

        def flat(ts):
            new = list(leaves)
            for i, t in zip(slots, ts):
                new[i] = t
            a, kw = _tree.rebuild(tree, iter(new))
            return [v for v in _tree.leaves(obj(*a, **kw)) if isinstance(v, Tensor)]

        _C.make_graph(flat, [leaves[i] for i in slots])
        self._phases.add(real)
        return real, True

    def has_compiled(self, phase="predict"):
        """Whether the graph of ``phase`` (as ``compile`` returned it) was compiled."""
        return phase in self._phases

    def run(self, obj, *args, phase="predict"):
        """Runs ``obj`` at ``args`` (compiling its graph first when it was not)."""
        self.compile(obj, *args, phase=phase)
        return obj(*args)

    def __call__(self, obj, *args, phase="predict"):
        return self.run(obj, *args, phase=phase)


_cell_graph_executor = _CellGraphExecutor()
