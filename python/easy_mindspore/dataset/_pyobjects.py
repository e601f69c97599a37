"""Python dicts as column values, as MindSpore 2.x's pipelines carry them (its "Python objects
in the pipeline"): a source or a ``map`` may put a dict in a column; its values are kept as NumPy
arrays (numbers and strings become 0-d arrays, lists and tuples element by element, nested dicts
the same way), ``batch`` stacks each key's values, the Tensor iterators turn every numeric array
inside into a Tensor and ``output_numpy=True`` gives the dict as it is."""
import numpy as np

from .._C import Tensor
from .._errors import ComputeError, DTypeError
from ..tensor import _host


def leaves(v, column):
    """The dict (or a value inside one) with MindSpore's leaves: arrays as they are, Tensors as
    arrays, lists and tuples element by element, anything else as a NumPy array; a TypeError for
    what NumPy holds only as an object."""
    if isinstance(v, dict):
        return {k: leaves(x, column) for k, x in v.items()}
    if isinstance(v, np.ndarray):
        return v
    if isinstance(v, Tensor):
        return v.asnumpy()
    if isinstance(v, (list, tuple)):
        return type(v)(leaves(x, column) for x in v)
    a = np.asarray(v)
    if a.dtype == object:
        raise DTypeError(f"For 'GeneratorDataset', column '{column}' holds a dict with a "
                         f"{type(v).__name__}, which is not an array, a number or a string.")
    return a


def stack_dicts(col, name):
    """One batch of a dict column: for each key, the rows' values as one NumPy array (MindSpore's
    RuntimeError when they are not numbers or strings of one shape, e.g. nested dicts)."""
    keys = list(col[0])
    if any(list(c) != keys for c in col[1:]):
        raise ComputeError(f"For 'batch', the dictionary objects in column '{name}' do not all "
                           f"have the keys {keys}.")
    out = {}
    for k in keys:
        try:
            a = np.array([c[k] for c in col])
        except ValueError:  # ragged
            a = None
        if a is None or a.dtype == object:
            raise ComputeError(f"Batch: failed to create a NumPy array with primitive types for "
                               f"the dictionary objects in column '{name}', key: '{k}'. If you "
                               "want a customized array, define a custom 'per_batch_map' "
                               "function.")
        out[k] = a
    return out


def as_tensors(v):
    """A dict column value as the Tensor iterators give it: numeric arrays as Tensors (strings
    stay arrays), through nested dicts, lists and tuples."""
    if isinstance(v, dict):
        return {k: as_tensors(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return type(v)(as_tensors(x) for x in v)
    if isinstance(v, np.ndarray) and v.dtype.kind not in "USO":
        return _host(Tensor(v))
    return v
