"""``mindspore.common.hook_handle.HookHandle``: what a Cell's ``register_*_hook`` methods
return (``nn/_cell_hooks.py``); ``remove()`` unregisters the hook."""
import itertools
import weakref

__all__ = ["HookHandle"]

_ids = itertools.count()


class HookHandle:
    """What the ``register_*_hook`` methods return: ``remove()`` unregisters the hook (a second
    call does nothing). Also a context manager that removes the hook on exit.

    Args:
        hook_dict (dict, optional): The hooks the handle's hook is registered in. Default: ``None``.
        extra_dict (Union[dict, list[dict]], optional): Dicts keyed by the same id to clean too.
            Default: ``None``.
    """

    def __init__(self, hook_dict=None, *, extra_dict=None):
        self.handle_id = next(_ids)
        self.hook_dict_ref = weakref.ref(hook_dict) if hook_dict is not None else None
        if isinstance(extra_dict, dict):
            extra_dict = [extra_dict]
        self.extra_dict_ref = tuple(weakref.ref(d) for d in extra_dict or ())

    def remove(self):
        """Unregisters the hook."""
        for ref in ((self.hook_dict_ref,) if self.hook_dict_ref else ()) + self.extra_dict_ref:
            d = ref()
            if d is not None:
                d.pop(self.handle_id, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()
