"""``mindspore.common.api``: ``jit`` and the PyNative executor object MindSpore's own code and tests
reach for (``_pynative_executor``)."""
import contextlib

from .. import _C
from .._jit import jit
from .._grad import GradOperation, _no_grad_state

__all__ = ["jit"]


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
