"""``mindspore.ops.operations``, part three (re-exported by ``operations``): primitive classes
over functions of ``ops`` that MindSpore 2.10 has as primitives too. The ones without
constructor arguments come from a table (their call is the function's); the others keep their
constructor arguments as attributes, as MindSpore's primitives do, and pass them to the function
in its order."""
import inspect

from . import functional as F
from ._operations_more import _keep_scalar_dtype
from .operations import Primitive

_SIMPLE = {
    "Addcdiv": F.addcdiv, "Addcmul": F.addcmul, "Dense": F.dense, "Expand": F.expand,
    "FastGelu": F.fast_gelu, "Fills": F.fills, "Fmax": F.fmax, "Fmin": F.fmin, "GatherV2": F.gather,
    "Gcd": F.gcd, "Heaviside": F.heaviside, "IndexFill": F.index_fill, "Inv": F.inv,
    "Lcm": F.lcm, "Lerp": F.lerp, "LogicalXor": F.logical_xor, "LuSolve": F.lu_solve,
    "MaskedFill": F.masked_fill, "MaskedSelect": F.masked_select,
    "MatrixBandPart": F.matrix_band_part, "NextAfter": F.nextafter, "NonZero": F.nonzero,
    "PReLU": F.prelu, "Polar": F.polar, "Sinc": F.sinc, "TensorAdd": F.add,
    "TensorScatterDiv": F.tensor_scatter_div, "TensorScatterMax": F.tensor_scatter_max,
    "TensorScatterMin": F.tensor_scatter_min, "TensorScatterMul": F.tensor_scatter_mul,
    "TensorScatterSub": F.tensor_scatter_sub, "Trace": F.trace, "Trunc": F.trunc,
    "TruncateDiv": _keep_scalar_dtype(F.truncate_div), "TruncateMod": _keep_scalar_dtype(F.truncate_mod), "UniqueWithPad": F.unique_with_pad,
    "UnsortedSegmentMax": F.unsorted_segment_max, "UnsortedSegmentMin": F.unsorted_segment_min,
    "UnsortedSegmentProd": F.unsorted_segment_prod, "Xdivy": F.xdivy,
}


def _prim(name, fn):
    def __call__(self, *args):
        return fn(*args)
    doc = f"``ops.{name}()``: calls ``ops.{fn.__name__}``."
    return type(name, (Primitive,), {"__call__": __call__, "__doc__": doc})


globals().update({n: _prim(n, fn) for n, fn in _SIMPLE.items()})


class Gelu(Primitive):
    """``ops.Gelu()(x)``: MindSpore's newer name of ``ops.GeLU`` (the tanh form of GELU)."""

    def __call__(self, x):
        return F.gelu(x, approximate="tanh")


class _WithAttrs(Primitive):
    """A primitive whose constructor arguments are attributes (``_ATTRS``, in order)."""
    _ATTRS = ()

    def _keep(self, values):
        for k, v in zip(self._ATTRS, values):
            setattr(self, k, v)


class ApproximateEqual(_WithAttrs):
    """``ops.ApproximateEqual(tolerance=1e-5)(x, y)``: ``|x - y| < tolerance``."""
    _ATTRS = ("tolerance",)

    def __init__(self, tolerance=1e-5):
        self._keep((tolerance,))

    def __call__(self, x, y):
        return F.approximate_equal(x, y, self.tolerance)


class _Window(_WithAttrs):
    _FN = None
    _ATTRS = ("periodic", "dtype")

    def __init__(self, periodic=True, dtype=None):
        from ..common import dtype as mstype
        self._keep((periodic, mstype.float32 if dtype is None else dtype))

    def __call__(self, window_length):
        return type(self)._FN(int(window_length), self.periodic, dtype=self.dtype)


class BartlettWindow(_Window):
    """``ops.BartlettWindow(periodic=True, dtype=float32)(window_length)``."""
    _FN = staticmethod(F.bartlett_window)


class BlackmanWindow(_Window):
    """``ops.BlackmanWindow(periodic=True, dtype=float32)(window_length)``."""
    _FN = staticmethod(F.blackman_window)


class HammingWindow(_WithAttrs):
    """``ops.HammingWindow(periodic=True, alpha=0.54, beta=0.46, dtype=float32)(window_length)``."""
    _ATTRS = ("periodic", "alpha", "beta", "dtype")

    def __init__(self, periodic=True, alpha=0.54, beta=0.46, dtype=None):
        from ..common import dtype as mstype
        self._keep((periodic, alpha, beta, mstype.float32 if dtype is None else dtype))

    def __call__(self, window_length):
        return F.hamming_window(int(window_length), self.periodic, self.alpha, self.beta,
                                dtype=self.dtype)


class Bucketize(_WithAttrs):
    """``ops.Bucketize(boundaries)(input)``: the bucket of each element."""
    _ATTRS = ("boundaries",)

    def __init__(self, boundaries):
        self._keep((boundaries,))

    def __call__(self, input):  # noqa: A002 - MindSpore's argument name
        return F.bucketize(input, self.boundaries)


def _one_attr(name, attr, default, call_doc, fn, n_inputs):
    """A primitive with one constructor argument, passed to `fn` after its `n_inputs` inputs (by
    keyword when fewer inputs are given, so that a trailing optional input may be left out)."""
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    sig = inspect.Signature([inspect.Parameter("self", kind),
                             inspect.Parameter(attr, kind, default=default)])

    def __init__(self, *args, **kwargs):
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        self._keep((bound.arguments[attr],))
    __init__.__signature__ = sig

    def __call__(self, *inputs):
        if len(inputs) < n_inputs:  # a trailing optional input left out (BinaryCrossEntropy's weight)
            return fn(*inputs, **{attr: getattr(self, attr)})
        return fn(*inputs[:n_inputs], getattr(self, attr), *inputs[n_inputs:])
    shown = attr if default is _REQ else f"{attr}={default!r}"
    return type(name, (_WithAttrs,), {"_ATTRS": (attr,), "__init__": __init__, "__call__": __call__,
                                      "__doc__": f"``ops.{name}({shown}){call_doc}``."})


_REQ = inspect.Parameter.empty  # a required argument (as MindSpore 2.10's ``ChannelShuffle(group)``)


_ONE_ATTR = [
    ("Cdist", "p", 2.0, "(x1, x2)", F.cdist, 2), ("CeLU", "alpha", 1.0, "(x)", F.celu, 1),
    ("ChannelShuffle", "group", _REQ, "(x)", F.channel_shuffle, 1),
    ("Cholesky", "upper", False, "(input_x)", F.cholesky, 1),
    ("CholeskyInverse", "upper", False, "(input_x)", F.cholesky_inverse, 1),
    ("CholeskySolve", "upper", False, "(x1, x2)", F.cholesky_solve, 2),
    ("GLU", "axis", -1, "(x)", F.glu, 1), ("MatrixPower", "n", _REQ, "(x)", F.matrix_power, 1),
    ("MatrixSolve", "adjoint", False, "(matrix, rhs)", F.matrix_solve, 2),
    ("Pdist", "p", 2.0, "(x)", F.pdist, 1), ("SoftShrink", "lambd", 0.5, "(input_x)", F.soft_shrink, 1),
    ("SoftMarginLoss", "reduction", "mean", "(logits, labels)", F.soft_margin_loss, 2),
    ("BinaryCrossEntropy", "reduction", "mean", "(logits, labels, weight)", F.binary_cross_entropy, 3),
    ("RmsNorm", "epsilon", 1e-6, "(x, gamma)", F.rms_norm, 2),
    ("InplaceAdd", "indices", _REQ, "(x, input_v)", F.inplace_add, 2),
    ("InplaceSub", "indices", _REQ, "(x, input_v)", F.inplace_sub, 2),
    ("InplaceUpdate", "indices", _REQ, "(x, v)", F.inplace_update, 2),
]
globals().update({spec[0]: _one_attr(*spec) for spec in _ONE_ATTR})


class RandomCategorical(_WithAttrs):
    """``ops.RandomCategorical(dtype=int64)(logits, num_sample, seed=0)``."""
    _ATTRS = ("dtype",)

    def __init__(self, dtype=None):
        from ..common import dtype as mstype
        self._keep((mstype.int64 if dtype is None else dtype,))

    def __call__(self, logits, num_sample, seed=0):
        return F.random_categorical(logits, num_sample, seed, self.dtype)


class Cross(_WithAttrs):
    """``ops.Cross(dim=-65530)(x1, x2)``: the cross product along `dim` (the default: the first
    axis of length 3)."""
    _ATTRS = ("dim",)

    def __init__(self, dim=-65530):
        self._keep((dim,))

    def __call__(self, x1, x2):
        return F.cross(x1, x2, None if self.dim == -65530 else self.dim)


class Logit(_WithAttrs):
    """``ops.Logit(eps=-1.0)(x)``: ``log(x / (1 - x))``, `x` clipped to ``[eps, 1 - eps]`` when
    ``eps`` is not negative."""
    _ATTRS = ("eps",)

    def __init__(self, eps=-1.0):
        self._keep((eps,))

    def __call__(self, x):
        return F.logit(x, None if self.eps < 0 else self.eps)


class IsClose(_WithAttrs):
    """``ops.IsClose(rtol=1e-5, atol=1e-8, equal_nan=False)(input, other)`` (NaNs equal only with
    ``equal_nan=True``, MindSpore 2.10's default False)."""
    _ATTRS = ("rtol", "atol", "equal_nan")

    def __init__(self, rtol=1e-5, atol=1e-8, equal_nan=False):
        self._keep((rtol, atol, equal_nan))

    def __call__(self, input, other):  # noqa: A002
        return F.isclose(input, other, self.rtol, self.atol, self.equal_nan)


class LogSpace(_WithAttrs):
    """``ops.LogSpace(steps=10, base=10, dtype=float32)(start, end)``."""
    _ATTRS = ("steps", "base", "dtype")

    def __init__(self, steps=10, base=10, dtype=None):
        from ..common import dtype as mstype
        self._keep((steps, base, mstype.float32 if dtype is None else dtype))

    def __call__(self, start, end):
        return F.logspace(start, end, self.steps, self.base, dtype=self.dtype)


class NanToNum(_WithAttrs):
    """``ops.NanToNum(nan=None, posinf=None, neginf=None)(x)`` (``nan=None``: 0.0)."""
    _ATTRS = ("nan", "posinf", "neginf")

    def __init__(self, nan=None, posinf=None, neginf=None):
        self._keep((nan, posinf, neginf))

    def __call__(self, x):
        return F.nan_to_num(x, self.nan, self.posinf, self.neginf)


class Renorm(_WithAttrs):
    """``ops.Renorm(p, dim, maxnorm)(x)``: each slice along `dim` scaled to a `p`-norm of at most
    `maxnorm`."""
    _ATTRS = ("p", "dim", "maxnorm")

    def __init__(self, p, dim, maxnorm):
        self._keep((p, dim, maxnorm))

    def __call__(self, x):
        return F.renorm(x, self.p, self.dim, self.maxnorm)


class SmoothL1Loss(_WithAttrs):
    """``ops.SmoothL1Loss(beta=1.0, reduction='none')(logits, labels)``."""
    _ATTRS = ("beta", "reduction")

    def __init__(self, beta=1.0, reduction="none"):
        self._keep((beta, reduction))

    def __call__(self, logits, labels):
        return F.smooth_l1_loss(logits, labels, self.beta, self.reduction)


class Svd(_WithAttrs):
    """``ops.Svd(full_matrices=False, compute_uv=True)(x)``: ``(s, u, v)``."""
    _ATTRS = ("full_matrices", "compute_uv")

    def __init__(self, full_matrices=False, compute_uv=True):
        self._keep((full_matrices, compute_uv))

    def __call__(self, x):
        return F.svd(x, self.full_matrices, self.compute_uv)


class Qr(_WithAttrs):
    """``ops.Qr(full_matrices=False)(x)``: ``(q, r)``, complete with `full_matrices`."""
    _ATTRS = ("full_matrices",)

    def __init__(self, full_matrices=False):
        self._keep((full_matrices,))

    def __call__(self, x):
        return F.qr(x, "complete" if self.full_matrices else "reduced")


class Lstsq(_WithAttrs):
    """``ops.Lstsq(fast=True, l2_regularizer=0.0)(matrix, rhs)``: least-squares solutions (the
    regularizer must be 0)."""
    _ATTRS = ("fast", "l2_regularizer")

    def __init__(self, fast=True, l2_regularizer=0.0):
        from .._errors import ShapeError
        if l2_regularizer != 0.0:
            raise ShapeError(f"For 'Lstsq', only l2_regularizer=0.0 is supported, but got "
                             f"{l2_regularizer}.")
        self._keep((fast, l2_regularizer))

    def __call__(self, matrix, rhs):
        return F.lstsq(matrix, rhs)


class LuUnpack(_WithAttrs):
    """``ops.LuUnpack(unpack_data=True, unpack_pivots=True)(LU_data, LU_pivots)``."""
    _ATTRS = ("unpack_data", "unpack_pivots")

    def __init__(self, unpack_data=True, unpack_pivots=True):
        self._keep((unpack_data, unpack_pivots))

    def __call__(self, LU_data, LU_pivots):  # noqa: N803
        return F.lu_unpack(LU_data, LU_pivots, self.unpack_data, self.unpack_pivots)


class ReverseSequence(_WithAttrs):
    """``ops.ReverseSequence(seq_dim, batch_dim=0)(x, seq_lengths)``."""
    _ATTRS = ("seq_dim", "batch_dim")

    def __init__(self, seq_dim, batch_dim=0):
        self._keep((seq_dim, batch_dim))

    def __call__(self, x, seq_lengths):
        return F.reverse_sequence(x, seq_lengths, self.seq_dim, self.batch_dim)


class _Indices(_WithAttrs):
    _FN = None
    _ATTRS = ("row", "col", "offset", "dtype")

    def __init__(self, row, col, offset=0, dtype=None):
        from ..common import dtype as mstype
        self._keep((row, col, offset, mstype.int32 if dtype is None else dtype))

    def __call__(self):
        return type(self)._FN(self.row, self.col, self.offset, dtype=self.dtype)


class TrilIndices(_Indices):
    """``ops.TrilIndices(row, col, offset=0, dtype=int32)()``."""
    _FN = staticmethod(F.tril_indices)


class TriuIndices(_Indices):
    """``ops.TriuIndices(row, col, offset=0, dtype=int32)()``."""
    _FN = staticmethod(F.triu_indices)


class UniqueConsecutive(_WithAttrs):
    """``ops.UniqueConsecutive(return_inverse=False, return_counts=False, dim=None)(x)``."""
    _ATTRS = ("return_inverse", "return_counts", "dim")

    def __init__(self, return_inverse=False, return_counts=False, dim=None):
        self._keep((return_inverse, return_counts, dim))

    def __call__(self, x):
        return F.unique_consecutive(x, self.return_inverse, self.return_counts, self.dim)


def _scatter(name, fn):
    # MindSpore 2.10's default: use_locking=True for ScatterUpdate and ScatterNdUpdate.
    locking = name in ("ScatterUpdate", "ScatterNdUpdate")

    def __init__(self, use_locking=locking):
        self._keep((use_locking,))

    def __call__(self, input_x, indices, updates):
        return fn(input_x, indices, updates)
    return type(name, (_WithAttrs,), {
        "_ATTRS": ("use_locking",), "__init__": __init__, "__call__": __call__,
        "__doc__": f"``ops.{name}(use_locking={locking})(input_x, indices, updates)``: "
                   f"``ops.{fn.__name__}``."})


_SCATTERS = {"ScatterDiv": F.scatter_div, "ScatterMax": F.scatter_max, "ScatterMin": F.scatter_min,
             "ScatterMul": F.scatter_mul, "ScatterNdAdd": F.scatter_nd_add,
             "ScatterNdDiv": F.scatter_nd_div, "ScatterNdMax": F.scatter_nd_max,
             "ScatterNdMin": F.scatter_nd_min, "ScatterNdMul": F.scatter_nd_mul,
             "ScatterNdSub": F.scatter_nd_sub, "ScatterNdUpdate": F.scatter_nd_update,
             "ScatterUpdate": F.scatter_update}
globals().update({n: _scatter(n, fn) for n, fn in _SCATTERS.items()})

__all__ = (list(_SIMPLE) + [s[0] for s in _ONE_ATTR] + list(_SCATTERS) + [
    "Gelu", "RandomCategorical", "Cross", "Logit", "ApproximateEqual", "BartlettWindow", "BlackmanWindow", "HammingWindow", "Bucketize",
    "IsClose", "LogSpace", "NanToNum", "Renorm", "SmoothL1Loss", "Svd", "Qr", "Lstsq", "LuUnpack",
    "ReverseSequence", "TrilIndices", "TriuIndices", "UniqueConsecutive"])


# Each class's docstring: its one-line summary, then its constructor arguments, inputs, outputs
# and an example (checked by scripts/doctest_api.py).
_EXAMPLES = {  # name: (a call, what printing it shows)
    'Addcdiv': ('ops.Addcdiv()(ms.Tensor([1.0]), ms.Tensor([2.0]), ms.Tensor([4.0]), ms.Tensor([1.0]))',
                '[1.5]'),
    'Addcmul': ('ops.Addcmul()(ms.Tensor([1.0]), ms.Tensor([2.0]), ms.Tensor([4.0]), ms.Tensor([1.0]))',
                '[9.]'),
    'Dense': ('ops.Dense()(ms.Tensor([[1.0, 2.0]]), ms.Tensor([[1.0, 1.0]]), ms.Tensor([0.5]))',
              '[[3.5]]'),
    'Expand': ('ops.Expand()(ms.Tensor([1.0, 2.0]), ms.Tensor([2, 2]))',
               '[[1. 2.]\n [1. 2.]]'),
    'FastGelu': ('ops.FastGelu()(ms.Tensor([1.0]))',
                 '[0.8457958]'),
    'Fills': ('ops.Fills()(ms.Tensor([1.0, 2.0]), 0.5)',
              '[0.5 0.5]'),
    'Fmax': ("ops.Fmax()(ms.Tensor([1.0, float('nan')]), ms.Tensor([2.0, 3.0]))",
             '[2. 3.]'),
    'Fmin': ("ops.Fmin()(ms.Tensor([1.0, float('nan')]), ms.Tensor([2.0, 3.0]))",
             '[1. 3.]'),
    'GatherV2': ('ops.GatherV2()(ms.Tensor([1.0, 2.0, 3.0]), ms.Tensor([2, 0]), 0)',
                 '[3. 1.]'),
    'Gcd': ('ops.Gcd()(ms.Tensor([12, 18]), ms.Tensor([8, 27]))',
            '[4 9]'),
    'Gelu': ('ops.Gelu()(ms.Tensor([1.0]))',
             '[0.841192]'),
    'Heaviside': ('ops.Heaviside()(ms.Tensor([-1.0, 0.0, 2.0]), ms.Tensor([0.5]))',
                  '[0.  0.5 1. ]'),
    'IndexFill': ('ops.IndexFill()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]), 1, ms.Tensor([0]), 9.0)',
                  '[[9. 2.]\n [9. 4.]]'),
    'Inv': ('ops.Inv()(ms.Tensor([2.0, 4.0]))',
            '[0.5  0.25]'),
    'Lcm': ('ops.Lcm()(ms.Tensor([4, 6]), ms.Tensor([6, 8]))',
            '[12 24]'),
    'Lerp': ('ops.Lerp()(ms.Tensor([0.0]), ms.Tensor([10.0]), ms.Tensor([0.25]))',
             '[2.5]'),
    'LogicalXor': ('ops.LogicalXor()(ms.Tensor([True, False]), ms.Tensor([True, True]))',
                   '[False  True]'),
    'LuSolve': ('ops.LuSolve()(ms.Tensor([[1.0], [2.0]]), ms.Tensor([[4.0, 3.0], [0.5, 0.5]]), ms.Tensor([2, 2], ms.int32))',
                '[[0.5]\n [0. ]]'),
    'MaskedFill': ('ops.MaskedFill()(ms.Tensor([1.0, 2.0]), ms.Tensor([True, False]), 0.0)',
                   '[0. 2.]'),
    'MaskedSelect': ('ops.MaskedSelect()(ms.Tensor([1.0, 2.0]), ms.Tensor([True, False]))',
                     '[1.]'),
    'MatrixBandPart': ('ops.MatrixBandPart()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]), 0, 0)',
                       '[[1. 0.]\n [0. 4.]]'),
    'NextAfter': ('ops.NextAfter()(ms.Tensor([0.0]), ms.Tensor([1.0]))',
                  '[1.e-45]'),
    'NonZero': ('ops.NonZero()(ms.Tensor([0.0, 2.0, 3.0]))',
                '[[1]\n [2]]'),
    'PReLU': ('ops.PReLU()(ms.Tensor([-2.0, 1.0]), ms.Tensor([0.25]))',
              '[-0.5  1. ]'),
    'Polar': ('ops.Polar()(ms.Tensor([2.0]), ms.Tensor([0.0]))',
              '[2.+0.j]'),
    'Sinc': ('ops.Sinc()(ms.Tensor([0.0, 0.5]))',
             '[1.         0.63661975]'),
    'TensorAdd': ('ops.TensorAdd()(ms.Tensor([1.0]), ms.Tensor([2.0]))',
                  '[3.]'),
    'TensorScatterDiv': ('ops.TensorScatterDiv()(ms.Tensor([2.0, 4.0]), ms.Tensor([[1]]), ms.Tensor([2.0]))',
                         '[2. 2.]'),
    'TensorScatterMax': ('ops.TensorScatterMax()(ms.Tensor([2.0, 4.0]), ms.Tensor([[1]]), ms.Tensor([5.0]))',
                         '[2. 5.]'),
    'TensorScatterMin': ('ops.TensorScatterMin()(ms.Tensor([2.0, 4.0]), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                         '[2. 3.]'),
    'TensorScatterMul': ('ops.TensorScatterMul()(ms.Tensor([2.0, 4.0]), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                         '[ 2. 12.]'),
    'TensorScatterSub': ('ops.TensorScatterSub()(ms.Tensor([2.0, 4.0]), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                         '[2. 1.]'),
    'Trace': ('ops.Trace()(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]))',
              '5.0'),
    'Trunc': ('ops.Trunc()(ms.Tensor([-1.7, 2.5]))',
              '[-1.  2.]'),
    'TruncateDiv': ('ops.TruncateDiv()(ms.Tensor([-7.0, 7.0]), ms.Tensor([2.0]))',
                    '[-3.  3.]'),
    'TruncateMod': ('ops.TruncateMod()(ms.Tensor([-7.0, 7.0]), ms.Tensor([2.0]))',
                    '[-1.  1.]'),
    'UniqueWithPad': ('ops.UniqueWithPad()(ms.Tensor([1, 1, 2], ms.int32), 0)[0]',
                      '[1 2 0]'),
    'UnsortedSegmentMax': ('ops.UnsortedSegmentMax()(ms.Tensor([1.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 2)',
                           '[5. 3.]'),
    'UnsortedSegmentMin': ('ops.UnsortedSegmentMin()(ms.Tensor([1.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 2)',
                           '[1. 3.]'),
    'UnsortedSegmentProd': ('ops.UnsortedSegmentProd()(ms.Tensor([2.0, 5.0, 3.0]), ms.Tensor([0, 0, 1]), 2)',
                            '[10.  3.]'),
    'Xdivy': ('ops.Xdivy()(ms.Tensor([0.0, 2.0]), ms.Tensor([0.0, 4.0]))',
              '[0.  0.5]'),
    'Cdist': ('ops.Cdist(1.0)(ms.Tensor([[0.0, 0.0]]), ms.Tensor([[1.0, 2.0]]))',
              '[[3.]]'),
    'CeLU': ('ops.CeLU(2.0)(ms.Tensor([-1.0, 1.0]))',
             '[-0.78693867  1.        ]'),
    'ChannelShuffle': ('ops.ChannelShuffle(2)(ms.Tensor([[[[0.0]], [[1.0]], [[2.0]], [[3.0]]]])).reshape(-1)',
                       '[0. 2. 1. 3.]'),
    'Cholesky': ('ops.Cholesky()(ms.Tensor([[4.0, 2.0], [2.0, 5.0]]))',
                 '[[2. 0.]\n [1. 2.]]'),
    'CholeskyInverse': ('ops.CholeskyInverse()(ms.Tensor([[2.0, 0.0], [0.0, 1.0]]))',
                        '[[0.25 0.  ]\n [0.   1.  ]]'),
    'CholeskySolve': ('ops.CholeskySolve()(ms.Tensor([[2.0], [2.0]]), ms.Tensor([[1.0, 0.0], [0.0, 1.0]]))',
                      '[[2.]\n [2.]]'),
    'GLU': ('ops.GLU()(ms.Tensor([1.0, 0.0]))',
            '[0.5]'),
    'MatrixPower': ('ops.MatrixPower(2)(ms.Tensor([[1.0, 1.0], [0.0, 1.0]]))',
                    '[[1. 2.]\n [0. 1.]]'),
    'MatrixSolve': ('ops.MatrixSolve()(ms.Tensor([[2.0, 0.0], [0.0, 4.0]]), ms.Tensor([[1.0], [1.0]]))',
                    '[[0.5 ]\n [0.25]]'),
    'Pdist': ('ops.Pdist()(ms.Tensor([[0.0, 0.0], [3.0, 4.0]]))',
              '[5.]'),
    'SoftShrink': ('ops.SoftShrink()(ms.Tensor([-1.0, 0.2, 2.0]))',
                   '[-0.5  0.   1.5]'),
    'SoftMarginLoss': ('ops.SoftMarginLoss()(ms.Tensor([1.0, -1.0]), ms.Tensor([1.0, -1.0]))',
                       '0.31326166'),
    'BinaryCrossEntropy': ('ops.BinaryCrossEntropy()(ms.Tensor([0.5, 0.5]), ms.Tensor([0.0, 1.0]), ms.Tensor([1.0, 1.0]))',
                           '0.6931472'),
    'RmsNorm': ('ops.RmsNorm()(ms.Tensor([[3.0, 4.0]]), ms.Tensor([1.0, 1.0]))[0]',
                '[[0.8485281 1.1313708]]'),
    'InplaceAdd': ('ops.InplaceAdd(1)(ms.Tensor([[1.0, 1.0], [2.0, 2.0]]), ms.Tensor([[1.0, 1.0]]))',
                   '[[1. 1.]\n [3. 3.]]'),
    'InplaceSub': ('ops.InplaceSub(1)(ms.Tensor([[1.0, 1.0], [2.0, 2.0]]), ms.Tensor([[1.0, 1.0]]))',
                   '[[1. 1.]\n [1. 1.]]'),
    'InplaceUpdate': ('ops.InplaceUpdate(1)(ms.Tensor([[1.0, 1.0], [2.0, 2.0]]), ms.Tensor([[5.0, 5.0]]))',
                      '[[1. 1.]\n [5. 5.]]'),
    'ScatterDiv': ('ops.ScatterDiv()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([1]), ms.Tensor([2.0]))',
                   '[2. 2.]'),
    'ScatterMax': ('ops.ScatterMax()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([1]), ms.Tensor([5.0]))',
                   '[2. 5.]'),
    'ScatterMin': ('ops.ScatterMin()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([1]), ms.Tensor([3.0]))',
                   '[2. 3.]'),
    'ScatterMul': ('ops.ScatterMul()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([1]), ms.Tensor([3.0]))',
                   '[ 2. 12.]'),
    'ScatterNdAdd': ('ops.ScatterNdAdd()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                     '[2. 7.]'),
    'ScatterNdDiv': ('ops.ScatterNdDiv()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([2.0]))',
                     '[2. 2.]'),
    'ScatterNdMax': ('ops.ScatterNdMax()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([5.0]))',
                     '[2. 5.]'),
    'ScatterNdMin': ('ops.ScatterNdMin()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                     '[2. 3.]'),
    'ScatterNdMul': ('ops.ScatterNdMul()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                     '[ 2. 12.]'),
    'ScatterNdSub': ('ops.ScatterNdSub()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                     '[2. 1.]'),
    'ScatterNdUpdate': ('ops.ScatterNdUpdate()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([[1]]), ms.Tensor([3.0]))',
                        '[2. 3.]'),
    'ScatterUpdate': ('ops.ScatterUpdate()(ms.Parameter(ms.Tensor([2.0, 4.0])), ms.Tensor([1]), ms.Tensor([3.0]))',
                      '[2. 3.]'),
    'RandomCategorical': ('ops.RandomCategorical(ms.int32)(ms.Tensor([[-1e9, 0.0]]), 3, 1)',
                          '[[1 1 1]]'),
    'Cross': ('ops.Cross()(ms.Tensor([1.0, 0.0, 0.0]), ms.Tensor([0.0, 1.0, 0.0]))',
              '[0. 0. 1.]'),
    'Logit': ('ops.Logit()(ms.Tensor([0.5]))',
              '[0.]'),
    'ApproximateEqual': ('ops.ApproximateEqual(0.5)(ms.Tensor([1.0, 2.0]), ms.Tensor([1.2, 3.0]))',
                         '[ True False]'),
    'BartlettWindow': ('ops.BartlettWindow()(ms.Tensor(4, ms.int32))',
                       '[0.  0.5 1.  0.5]'),
    'BlackmanWindow': ('ops.BlackmanWindow()(ms.Tensor(4, ms.int32)).shape',
                       '(4,)'),
    'HammingWindow': ('ops.HammingWindow()(ms.Tensor(4, ms.int32))',
                      '[0.08 0.54 1.   0.54]'),
    'Bucketize': ('ops.Bucketize([0.0, 1.0])(ms.Tensor([-0.5, 0.5, 1.5]))',
                  '[0 1 2]'),
    'IsClose': ('ops.IsClose()(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 2.1]))',
                '[ True False]'),
    'LogSpace': ('ops.LogSpace(3)(ms.Tensor(0.0), ms.Tensor(2.0))',
                 '[  1.  10. 100.]'),
    'NanToNum': ("ops.NanToNum()(ms.Tensor([float('nan'), 1.0]))",
                 '[0. 1.]'),
    'Renorm': ('ops.Renorm(2, 0, 1.0)(ms.Tensor([[3.0, 4.0], [0.3, 0.4]]))',
               '[[0.6 0.8]\n [0.3 0.4]]'),
    'SmoothL1Loss': ('ops.SmoothL1Loss()(ms.Tensor([0.0, 2.0]), ms.Tensor([0.5, 0.0]))',
                     '[0.125 1.5  ]'),
    'Svd': ('ops.Svd()(ms.Tensor([[3.0, 0.0], [0.0, -4.0]]))[0]',
            '[4. 3.]'),
    'Qr': ('ops.Qr()(ms.Tensor([[2.0, 0.0], [0.0, 3.0]]))[1].shape',
           '(2, 2)'),
    'Lstsq': ('ops.Lstsq()(ms.Tensor([[1.0, 0.0], [0.0, 2.0]]), ms.Tensor([[1.0], [4.0]]))',
              '[[1.]\n [2.]]'),
    'LuUnpack': ('ops.LuUnpack()(ms.Tensor([[4.0, 3.0], [0.5, 0.5]]), ms.Tensor([2, 2], ms.int32))[1]',
                 '[[1.  0. ]\n [0.5 1. ]]'),
    'ReverseSequence': ('ops.ReverseSequence(1)(ms.Tensor([[1, 2, 3]]), ms.Tensor([2], ms.int32))',
                        '[[2 1 3]]'),
    'TrilIndices': ('ops.TrilIndices(2, 2)()',
                    '[[0 1 1]\n [0 0 1]]'),
    'TriuIndices': ('ops.TriuIndices(2, 2)()',
                    '[[0 0 1]\n [0 1 1]]'),
    'UniqueConsecutive': ('ops.UniqueConsecutive()(ms.Tensor([1, 1, 2, 1]))',
                          '[1 2 1]'),
}


_SECTIONS = """

Args:
{args}
Inputs:
    The inputs of the call above, in its order.

Outputs:
    What the function of ``ops`` it calls returns.

Examples:
    >>> import mindspore as ms
    >>> from mindspore import ops
    >>> print({call})
    {shown}
"""


def _document(cls, call, shown):
    attrs = getattr(cls, "_ATTRS", ())
    args = "".join(f"    {a}: the constructor argument of that name, as MindSpore's.\n" for a in attrs)
    summary = (cls.__doc__ or "").strip()
    cls.__doc__ = summary + _SECTIONS.format(
        args=args or "    None.\n", call=call, shown=shown.replace("\n", "\n    "))


for _name, (_call, _shown) in _EXAMPLES.items():
    _document(globals()[_name], _call, _shown)
