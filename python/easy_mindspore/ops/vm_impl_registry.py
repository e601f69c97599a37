"""``mindspore.ops.vm_impl_registry``: where a Python implementation of a primitive is registered
by class or name (MindSpore's debugging mechanism; its tests register NumPy versions of the
primitives this way). The registry keeps what is registered and hands it back; our primitives
run in the engine and never consult it."""
from collections import UserDict

from .operations import Primitive

__all__ = ["VmImplRegistry", "vm_impl_registry", "get_vm_impl_fn"]


class VmImplRegistry(UserDict):
    """A mapping from primitive names (and classes) to functions ``fn(prim) -> implementation``.

    Examples:
        >>> from mindspore.ops.vm_impl_registry import vm_impl_registry, get_vm_impl_fn
        >>> @vm_impl_registry.register("Doubling")
        ... def vm_impl_doubling(self):
        ...     return lambda x: 2 * x
        >>> print(get_vm_impl_fn("Doubling")(21))
        42
    """

    def register(self, prim):
        """A decorator registering its function for `prim`, a primitive class or a name."""
        def deco(fn):
            if isinstance(prim, str):
                self[prim] = fn
            elif isinstance(prim, type) and issubclass(prim, Primitive):
                self[id(prim)] = fn
                self[prim.__name__] = fn
            else:
                raise TypeError(f"For 'VmImplRegistry.register', 'prim' must be a Primitive class "
                                f"or a str, but got {type(prim).__name__}.")
            return fn
        return deco


vm_impl_registry = VmImplRegistry()


def get_vm_impl_fn(prim):
    """The implementation registered for `prim` (a Primitive or a name), built for it, or None."""
    key = prim if isinstance(prim, str) else getattr(prim, "name", type(prim).__name__)
    make = vm_impl_registry.get(key)
    if make is None:
        make = vm_impl_registry.get(id(type(prim)))
    return None if make is None else make(prim)
