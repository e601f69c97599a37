"""``mindspore.saved_tensors_hooks`` and ``mindspore.register_saved_tensors_hooks``: hooks that pack
the tensors an operation saves for its backward pass and unpack them when the backward pass
reads them (MindSpore 2.10 runs them in PyNative mode for the context manager, and in compiled
functions for the decorator; the backward pass then computes with the unpacked values).

This engine's autograd tape keeps the tensors each operation saves inside the engine and does
not hand them to Python, so the hooks cannot run on them: entering ``saved_tensors_hooks``
raises a RuntimeError saying so (rather than computing gradients that ignore the hooks), and a
function decorated with ``register_saved_tensors_hooks`` raises it when traced by ``jit`` or
GRAPH_MODE. Called eagerly (PyNative), the decorated function runs as it is, as in MindSpore 2.10,
whose decorator applies its hooks only in compiled code.
"""
import functools

from ._errors import ComputeError, DTypeError
from ._jit import tracing

__all__ = ["saved_tensors_hooks", "register_saved_tensors_hooks"]

_UNSUPPORTED = ("this engine's autograd tape keeps the tensors that operations save for the "
                "backward pass inside the engine, so pack and unpack hooks cannot run on them")


def _check_hooks(pack_hook, unpack_hook):
    if not callable(pack_hook) or not callable(unpack_hook):
        raise DTypeError("push_saved_tensor_hook(): incompatible function arguments. The following "
                         "argument types are supported:\n    1. (self: mindspore._c_expression."
                         "PyNativeExecutor_, arg0: Callable, arg1: Callable) -> None\n\nInvoked with: "
                         f"<mindspore._c_expression.PyNativeExecutor_ object>, {pack_hook!r}, "
                         f"{unpack_hook!r}")


class saved_tensors_hooks:  # noqa: N801 - MindSpore's name
    """A context in which the tensors operations save for the backward pass go through
    ``pack_hook(tensor)`` when saved and ``unpack_hook(packed)`` when the backward pass reads
    them.

    Not available here: the engine's tape does not hand saved tensors to Python, so entering
    the context raises a RuntimeError (after MindSpore's TypeError for hooks that are not
    callable).

    Args:
        pack_hook (Callable): Tensor -> packed object.
        unpack_hook (Callable): Packed object -> Tensor.

    Raises:
        TypeError: A hook is not callable (on entering).
        RuntimeError: On entering (not supported by this engine).

    Examples:
        >>> import mindspore as ms
        >>> hooks = ms.saved_tensors_hooks(lambda x: x, lambda x: x)
        >>> try:
        ...     with hooks:
        ...         pass
        ... except RuntimeError as e:
        ...     print(str(e)[:36])
        For 'saved_tensors_hooks', this engi
    """

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook = pack_hook
        self.unpack_hook = unpack_hook
        self.pre_disable_async = False
        self.pushed = False

    def __enter__(self):
        _check_hooks(self.pack_hook, self.unpack_hook)
        raise ComputeError(f"For 'saved_tensors_hooks', {_UNSUPPORTED}.")

    def __exit__(self, *args):
        self.pushed = False


def register_saved_tensors_hooks(pack_hook, unpack_hook):
    """A decorator giving a function the saved-tensor hooks of :class:`saved_tensors_hooks` in
    compiled code (``jit``, GRAPH_MODE). Called eagerly, the function runs as it is, as in
    MindSpore 2.10; traced for compilation it raises a RuntimeError (this engine's tape does not
    hand saved tensors to Python).

    Args:
        pack_hook (Callable): Tensor -> packed object.
        unpack_hook (Callable): Packed object -> Tensor.

    Returns:
        Callable, the decorator.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> @ms.register_saved_tensors_hooks(lambda x: x + 1, lambda x: x)
        ... def forward_fn(x, y):
        ...     return x * y
        >>> x = ops.ones(2, dtype=ms.float32)
        >>> y = ops.ones(2, dtype=ms.float32)
        >>> print(ms.grad(forward_fn, grad_position=(0, 1))(x, y))
        (Tensor(shape=[2], dtype=Float32, value= [ 1.00000000e+00,  1.00000000e+00]), Tensor(shape=[2], dtype=Float32, value= [ 1.00000000e+00,  1.00000000e+00]))
    """
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            if tracing():
                _check_hooks(pack_hook, unpack_hook)
                raise ComputeError(f"For 'register_saved_tensors_hooks', {_UNSUPPORTED}.")
            return fn(*args, **kwargs)
        return wrapper
    return decorator
