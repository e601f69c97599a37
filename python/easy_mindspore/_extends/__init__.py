"""``mindspore._extends``: the Python helpers MindSpore code reaches for outside the public API:
``cell_attr_register`` and the ``parse.compile_config`` flags."""
import functools
import inspect

__all__ = ["cell_attr_register"]


def cell_attr_register(fn=None, attrs=None):
    """Decorates a Cell's ``__init__`` so that the cell records its construction arguments as
    ``cell_init_args`` (the class name followed by the argument values; with ``attrs``, a name or
    a list of names, the values of those attributes after ``__init__`` instead), as MindSpore's
    decorator does. Usable as ``@cell_attr_register`` or ``@cell_attr_register(attrs=[...])``."""
    if attrs is not None and not isinstance(attrs, (str, list)):
        raise ValueError("For 'cell_attr_register', attrs must be list or string")
    if isinstance(attrs, list) and not all(isinstance(a, str) for a in attrs):
        raise ValueError("For 'cell_attr_register', attr must be a string")

    def wrap(init):
        @functools.wraps(init)
        def recorded_init(self, *args, **kwargs):
            if attrs is None:
                bound = dict(inspect.signature(init).bind(self, *args, **kwargs).arguments)
                del bound[next(iter(bound))]  # self
                values = bound.values()  # printed as MindSpore prints it: dict_values([...])
            init(self, *args, **kwargs)
            if isinstance(attrs, str):
                values = getattr(self, attrs) if hasattr(self, attrs) else []
            elif isinstance(attrs, list):
                values = [getattr(self, a) for a in attrs if hasattr(self, a)]
            self.cell_init_args = type(self).__name__ + str(values)

        return recorded_init

    return wrap if fn is None else wrap(fn)
