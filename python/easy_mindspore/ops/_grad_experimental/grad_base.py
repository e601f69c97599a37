"""``mindspore.ops._grad_experimental.grad_base``: the registry of backward rules,
``bprop_getters``.

A rule is registered for a primitive class (or its name) as a function ``get_bprop(prim)`` that
returns ``bprop(*inputs, out, dout)`` (one gradient per input, in a tuple). As in MindSpore 2.10
the registered rule is the gradient of a user's primitive in GRAPH_MODE and under ``jit`` (the
compiled graph takes it); in PyNative mode the primitive's own ``__call__`` is differentiated."""
from collections import UserDict

from ..._errors import DTypeError

__all__ = ["BpropRegistry", "bprop_getters", "get_bprop_fn"]


class BpropRegistry(UserDict):
    """A mapping from primitive names (and classes) to functions ``get_bprop(prim) -> bprop``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> from mindspore.ops._grad_experimental.grad_base import bprop_getters
        >>> class Twice(ops.PrimitiveWithInfer):
        ...     def __call__(self, x):
        ...         return x * 2
        >>> @bprop_getters.register(Twice)
        ... def get_bprop_twice(prim):
        ...     def bprop(x, out, dout):
        ...         return (dout * 10,)
        ...     return bprop
        >>> @ms.jit
        ... def grad_of_twice(x):
        ...     return ms.grad(lambda t: Twice()(t).sum())(x)
        >>> print(grad_of_twice(ms.Tensor([1.0, 2.0])))
        [10. 10.]
    """

    def register(self, prim):
        """A decorator registering its function for `prim`, a primitive class or a name.

        Args:
            prim (Union[type, str]): The primitive class (a subclass of ``ops.Primitive``) or
                its name.

        Returns:
            function, the decorator (it returns the function it registers).

        Raises:
            TypeError: If `prim` is neither a str nor a Primitive class.
        """
        from ..operations import Primitive

        if not isinstance(prim, str) and not (isinstance(prim, type) and issubclass(prim, Primitive)):
            raise DTypeError(f"For 'BpropRegistry.register', 'prim' must be a Primitive class or "
                             f"a str, but got {type(prim).__name__}.")

        def deco(fn):
            if isinstance(prim, str):
                self[prim] = fn
            else:
                self[id(prim)] = fn
                self[prim.__name__] = fn
            return fn
        return deco


bprop_getters = BpropRegistry()


def get_bprop_fn(prim):
    """The backward rule registered for the primitive `prim` (its class first, then its name),
    built for it, or None.

    Args:
        prim (Primitive): The primitive.

    Returns:
        function, ``bprop(*inputs, out, dout)``, or None.

    Examples:
        >>> from mindspore import ops
        >>> from mindspore.ops._grad_experimental.grad_base import get_bprop_fn
        >>> print(get_bprop_fn(ops.Primitive('NoRule')))
        None
    """
    make = bprop_getters.get(id(type(prim)))
    if make is None:
        make = bprop_getters.get(getattr(prim, "name", type(prim).__name__))
    return None if make is None else make(prim)
