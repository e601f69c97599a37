"""Python dicts as column values, as MindSpore 2.x's pipelines carry them (its "Python objects
in the pipeline"): a source or a ``map`` may put a dict in a column; its values are kept as NumPy
arrays (numbers and strings become 0-d arrays, lists and tuples element by element, nested dicts
the same way), ``batch`` stacks each key's values, the Tensor iterators turn every numeric array
inside into a Tensor and ``output_numpy=True`` gives the dict as it is."""
import numpy as np

from .. import _tree
from .._C import Tensor
from .._errors import ComputeError, DTypeError
from ..tensor import _host


def leaves(v, column):
    """The dict (or a value inside one) with MindSpore's leaves: arrays as they are, Tensors as
    arrays, anything else as a NumPy array, through nested dicts, lists and tuples; a TypeError
    for what NumPy holds only as an object."""
    return _tree.map_leaves(lambda x: _leaf(x, column), v)


def _leaf(x, column):
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, Tensor):
        return x.asnumpy()
    a = np.asarray(x)
    if a.dtype == object:
        raise DTypeError(f"For 'GeneratorDataset', column '{column}' holds a dict with a "
                         f"{type(x).__name__}, which is not an array, a number or a string.")
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
    return _tree.map_leaves(_tensor_leaf, v)


def _tensor_leaf(x):
    if isinstance(x, np.ndarray) and x.dtype.kind not in "USO":
        return _host(Tensor(x))
    return x
