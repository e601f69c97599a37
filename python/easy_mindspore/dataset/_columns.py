"""Which columns a pipeline stage makes and an iterator yields, by name, as MindSpore orders
and shows them."""
from .._errors import ComputeError, DTypeError


def _mapped_names(names, ins, outs):
    """The columns after a ``map`` (or a ``batch``'s ``per_batch_map``) of the columns ``ins`` into
    ``outs``, as MindSpore 2.10 orders them: as many outputs as inputs replace them in place,
    output by input; otherwise the outputs come first, then the columns not read."""
    if len(outs) == len(ins):
        return [outs[ins.index(n)] if n in ins else n for n in names]
    return list(outs) + [n for n in names if n not in ins]


def _shown(names):
    """The columns an iterator yields: all but the ``_meta-`` ones, which MindSpore's iterators
    leave out (a renamed one is an ordinary column)."""
    shown = [c for c in names if not (isinstance(c, str) and c.startswith("_meta-"))]
    if not shown:
        raise ComputeError("No effective column found, maybe all columns are meta column and will "
                           "be filtered. If you want to output meta column please rename column "
                           'name to a new one which is not start with "_meta-"')
    return shown


def _names_arg(what, v):
    names = [v] if isinstance(v, str) else list(v)
    if not names or not all(isinstance(n, str) for n in names):
        raise DTypeError(f"For 'batch', '{what}' must be a column name or a list of them, but got "
                         f"{v!r}.")
    return names
