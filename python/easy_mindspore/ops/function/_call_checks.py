"""MindSpore 2.10's argument checks of its generated functional ops (``ops.acos``, ``ops.add``,
``ops.diagonal`` ...): an argument of a type the op's primitive does not take raises TypeError
``Failed calling ACos with "ACos()(input=string)".`` followed by the valid calling, as MindSpore
2.10 raises it (measured: for each op, its parameters and the valid calling MindSpore names).

The types: ``Tensor``; ``Number`` (a bool, int or float); ``int``, ``float``, ``bool`` (exactly
that Python or NumPy kind, or a Tensor); ``string``; ``list of int``/``tuple of int`` and
``list of tensor``/``tuple of Tensor``. ``None`` passes where the op's default is ``None``. In a
graph (GRAPH_MODE, ``jit``) an input of the primitive's call is reported in the graph compiler's
words (``Failed calling ACos with "input=Float32".``).

The check applies to calls from user code (the package's own calls pass their arguments as its
implementation needs), and not to the core ops every model calls (``ops.add``, ``ops.reshape``
...), which stay direct calls of the engine."""
import functools
import os
import re
import sys

import numpy as np

from ... import _tree
from ..._C import Tensor
from ..._errors import DTypeError

__all__ = ["install"]

# op -> "(its parameters) Prim(init=<types>, ...)(input=<types>, ...)", MindSpore 2.10's.
_SPECS = {
    "abs": "(input) Abs()(input=<Tensor>)",
    "acos": "(input) ACos()(input=<Tensor>)",
    "acosh": "(input) Acosh()(input=<Tensor>)",
    "add": "(input, other) Add()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "all": ("(input, axis=None, keep_dims=False) ReduceAll(keep_dims=<bool>)(input=<Tensor>, "
            "axis=<list of int, int, Tensor, tuple of int>)"),
    "angle": "(input) Angle()(input=<Tensor>)",
    "asin": "(input) Asin()(input=<Tensor>)",
    "asinh": "(input) Asinh()(input=<Tensor>)",
    "assign": "(variable, value) Assign()(variable=<Tensor>, value=<Number, Tensor>)",
    "assign_add": "(variable, value) AssignAdd()(variable=<Tensor>, value=<Number, Tensor>)",
    "assign_sub": "(variable, value) AssignSub()(variable=<Tensor>, value=<Number, Tensor>)",
    "atan": "(input) Atan()(input=<Tensor>)",
    "atan2": "(input, other) Atan2()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "atanh": "(input) Atanh()(input=<Tensor>)",
    "broadcast_to": "(input, shape) BroadcastTo(shape=<list of int, Tensor, tuple of int>)(input=<Tensor>)",
    "cat": "(tensors, axis=0) Concat(axis=<int>)(tensors=<list of tensor, tuple of Tensor>)",
    "cdist": "(x1, x2, p=2.0) Cdist(p=<float>)(x1=<Tensor>, x2=<Tensor>)",
    "ceil": "(input) Ceil()(input=<Tensor>)",
    "celu": "(x, alpha=1.0) CeLU(alpha=<float>)(x=<Tensor>)",
    "conj": "(input) Conj()(input=<Tensor>)",
    "conv_transpose2d": ("(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, "
                         "dilation=1) ConvTranspose2D()(input=<Tensor>, weight=<Tensor>, "
                         "bias=<Tensor>, stride=<list of int, int, tuple of int>, padding=<list of "
                         "int, int, tuple of int>, output_padding=<list of int, int, tuple of int>, "
                         "groups=<int>, dilation=<list of int, int, tuple of int>)"),
    "cos": "(input) Cos()(input=<Tensor>)",
    "cosh": "(input) Cosh()(input=<Tensor>)",
    "cummax": "(input, axis) Cummax(axis=<int>)(input=<Tensor>)",
    "deepcopy": "(input_x) Identity()(input_x=<Tensor>)",
    "dense": "(input, weight, bias=None) Dense()(input=<Tensor>, weight=<Tensor>, bias=<Tensor>)",
    "diag": "(input) Diag()(input=<Tensor>)",
    "diagonal": ("(input, offset=0, dim1=0, dim2=1) Diagonal(offset=<int>, dim1=<int>, "
                 "dim2=<int>)(input=<Tensor>)"),
    "elu": "(input_x, alpha=1.0) Elu(alpha=<float>)(input_x=<Tensor>)",
    "equal": "(input, other) Equal()(input=<Tensor>, other=<Number, Tensor>)",
    "erf": "(input) Erf()(input=<Tensor>)",
    "erfc": "(input) Erfc()(input=<Tensor>)",
    "erfinv": "(input) Erfinv()(input=<Tensor>)",
    "exp": "(input) Exp()(input=<Tensor>)",
    "expand_as": "(input, other) ExpandAs()(input=<Tensor>, other=<Tensor>)",
    "expand_dims": "(input_x, axis) ExpandDims()(input_x=<Tensor>, axis=<Tensor, int>)",
    "expm1": "(input) Expm1()(input=<Tensor>)",
    "fast_gelu": "(x) FastGeLU()(x=<Tensor>)",
    "fftshift": "(input, dim=None) FFTShift()(input=<Tensor>, dim=<list of int, int, tuple of int>)",
    "floor": "(input) Floor()(input=<Tensor>)",
    "floor_divide": "(input, other) FloorDiv()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "floor_mod": "(x, y) FloorMod()(x=<Number, Tensor>, y=<Number, Tensor>)",
    "gather": ("(input_params, input_indices, axis, batch_dims=0) "
               "Gather(batch_dims=<int>)(input_params=<Tensor>, input_indices=<Tensor>, axis=<Tensor, "
               "int>)"),
    "gather_d": "(x, dim, index) GatherD()(x=<Tensor>, dim=<Tensor, int>, index=<Tensor>)",
    "gather_nd": "(input_x, indices) GatherNd()(input_x=<Tensor>, indices=<Tensor>)",
    "gcd": "(input, other) Gcd()(input=<Tensor>, other=<Tensor>)",
    "geqrf": "(input) Geqrf()(input=<Tensor>)",
    "greater": "(input, other) Greater()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "greater_equal": "(input, other) GreaterEqual()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "hardshrink": "(input, lambd=0.5) HShrink(lambd=<bool, int, float>)(input=<Tensor>)",
    "hardsigmoid": "(input) HSigmoid()(input=<Tensor>)",
    "hardswish": "(input) HSwish()(input=<Tensor>)",
    "ifftshift": "(input, dim=None) IFFTShift()(input=<Tensor>, dim=<list of int, int, tuple of int>)",
    "inplace_sigmoid": "(input) InplaceSigmoid()(input=<Tensor>)",
    "isfinite": "(input) IsFinite()(input=<Tensor>)",
    "isinf": "(input) IsInf()(input=<Tensor>)",
    "less_equal": "(input, other) LessEqual()(input=<bool, Number, Tensor>, other=<bool, Number, Tensor>)",
    "log": "(input) Log()(input=<Tensor>)",
    "log1p": "(input) Log1p()(input=<Tensor>)",
    "log_softmax": "(logits, axis=-1) LogSoftmax(axis=<int>)(logits=<Tensor>)",
    "masked_fill": ("(input_x, mask, value) MaskedFill()(input_x=<Tensor>, mask=<Tensor>, "
                    "value=<Number, Tensor>)"),
    "masked_select": "(input, mask) MaskedSelect()(input=<Tensor>, mask=<Tensor>)",
    "matrix_exp": "(input) MatrixExp()(input=<Tensor>)",
    "maximum": "(input, other) Maximum()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "minimum": "(input, other) Minimum()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "mul": "(input, other) Mul()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "nan_to_num": ("(input, nan=None, posinf=None, neginf=None) NanToNum(nan=<bool, int, float>, "
                   "posinf=<bool, int, float>, neginf=<bool, int, float>)(input=<Tensor>)"),
    "neg": "(input) Neg()(input=<Tensor>)",
    "nextafter": "(input, other) NextAfter()(input=<Tensor>, other=<Tensor>)",
    "not_equal": "(input, other) NotEqual()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "pow": "(input, exponent) Pow()(input=<Number, Tensor>, exponent=<Number, Tensor>)",
    "prelu": "(input, weight) PReLU()(input=<Tensor>, weight=<Tensor>)",
    "put_": ("(input, index, source, accumulate=False) InplacePut()(input=<Tensor>, index=<Tensor>, "
             "source=<Tensor>, accumulate=<bool>)"),
    "range": ("(start, end, step, maxlen=1000000) Range(maxlen=<int>)(start=<Tensor, Number>, "
              "end=<Tensor, Number>, step=<Tensor, Number>)"),
    "real": "(input) Real()(input=<Tensor>)",
    "relu6": "(x) ReLU6()(x=<Tensor>)",
    "reshape": "(input, shape) Reshape()(input=<Tensor>, shape=<list of int, Tensor, tuple of int>)",
    "rms_norm": "(x, gamma, epsilon=1e-06) RmsNorm(epsilon=<float>)(x=<Tensor>, gamma=<Tensor>)",
    "roll": ("(input, shifts, dims=None) Roll(shifts=<list of int, int, tuple of int>, dims=<list of "
             "int, int, tuple of int>)(input=<Tensor>)"),
    "rotary_position_embedding": ("(x, cos, sin, mode=0) RotaryPositionEmbedding()(x=<Tensor>, "
                                  "cos=<Tensor>, sin=<Tensor>, mode=<int>)"),
    "rsqrt": "(input) Rsqrt()(input=<Tensor>)",
    "scatter_nd": ("(indices, updates, shape) ScatterNd()(indices=<Tensor>, updates=<Tensor>, "
                   "shape=<tuple of int>)"),
    "select": ("(condition, input, other) Select()(condition=<Tensor>, input=<Number, Tensor>, "
               "other=<Number, Tensor>)"),
    "sigmoid": "(input) Sigmoid()(input=<Tensor>)",
    "sign": "(input) Sign()(input=<Tensor>)",
    "silu": "(input) SiLU()(input=<Tensor>)",
    "sin": "(input) Sin()(input=<Tensor>)",
    "sinc": "(input) Sinc()(input=<Tensor>)",
    "sinh": "(input) Sinh()(input=<Tensor>)",
    "softshrink": "(input, lambd=0.5) SoftShrink(lambd=<bool, int, float>)(input=<Tensor>)",
    "sqrt": "(x) Sqrt()(x=<Tensor>)",
    "square": "(input) Square()(input=<Tensor>)",
    "strided_slice": ("(input_x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0, "
                      "new_axis_mask=0, shrink_axis_mask=0) StridedSlice(begin_mask=<int>, "
                      "end_mask=<int>, ellipsis_mask=<int>, new_axis_mask=<int>, "
                      "shrink_axis_mask=<int>)(input_x=<Tensor>, begin=<list of int, Tensor, tuple of "
                      "int>, end=<list of int, Tensor, tuple of int>, strides=<list of int, Tensor, "
                      "tuple of int>)"),
    "sub": "(input, other) Sub()(input=<Number, Tensor>, other=<Number, Tensor>)",
    "swiglu": "(input, dim=-1) Swiglu()(input=<Tensor>, dim=<int>)",
    "take": "(input, index) Take()(input=<Tensor>, index=<Tensor>)",
    "tan": "(input) Tan()(input=<Tensor>)",
    "tanh": "(input) Tanh()(input=<Tensor>)",
    "tanh_": "(input) InplaceTanh()(input=<Tensor>)",
    "tensor_scatter_add": ("(input_x, indices, updates) TensorScatterAdd()(input_x=<Tensor>, "
                           "indices=<Tensor>, updates=<Tensor>)"),
    "tile": "(input, dims) Tile()(input=<Tensor>, dims=<Tensor, tuple of int>)",
    "trace": "(input) Trace()(input=<Tensor>)",
    "transpose": "(input, dims) Transpose()(input=<Tensor>, dims=<list of int, tuple of int>)",
    "triu": "(input, diagonal=0) Triu(diagonal=<Tensor, int>)(input=<Tensor>)",
    "trunc": "(input) Trunc()(input=<Tensor>)",
    "unsorted_segment_sum": ("(input_x, segment_ids, num_segments) "
                             "UnsortedSegmentSum()(input_x=<Tensor>, segment_ids=<Tensor>, "
                             "num_segments=<Tensor, int>)"),
    "view_as": "(input, other) ViewAs()(input=<Tensor>, other=<Tensor>)",
    "zero_": "(input) InplaceZero()(input=<Tensor>)",
}

_PARSED = {}
_SPEC = re.compile(r"^\((.*?)\) (\w+)\((.*?)\)\((.*)\)$")
_ITEM = re.compile(r"(\w+)=<([^>]*)>")


def _parse(spec):
    """``(params, prim, init names, call names, kinds by name, valid calling)``."""
    params_text, prim, init, call = _SPEC.match(spec).groups()
    params = []
    for p in (p.strip() for p in params_text.split(",") if p.strip()):
        name, _, default = p.partition("=")
        params.append((name, default))
    kinds = {n: [k.strip() for k in ks.split(",")] for n, ks in _ITEM.findall(init + ", " + call)}
    valid = f"{prim}({init})({call})"
    return params, prim, [n for n, _ in _ITEM.findall(init)], [n for n, _ in _ITEM.findall(call)], kinds, valid


def _scalar(v):
    if isinstance(v, (bool, np.bool_)):
        return "bool"
    if isinstance(v, (int, np.integer)):
        return "int"
    if isinstance(v, (float, np.floating)):
        return "float"
    return None


def _accepts(v, kind):
    if kind == "Tensor":
        return isinstance(v, Tensor)
    if kind == "Number":
        return isinstance(v, (bool, int, float, np.number, np.bool_))
    if kind in ("int", "float", "bool"):
        return isinstance(v, Tensor) or _scalar(v) == kind
    if kind == "string":
        return isinstance(v, str)
    of = kind.split(" of ")
    if len(of) == 2:
        container = list if of[0] == "list" else tuple
        if not isinstance(v, container):
            return False
        if of[1].lower() == "tensor":
            return all(isinstance(e, Tensor) for e in v)
        return all(_scalar(e) == "int" for e in v)
    return False


def _given_leaf(v):
    if v is None:
        return "None"
    if isinstance(v, Tensor):
        return "Tensor"
    if isinstance(v, str):
        return "string"
    return _scalar(v) or str(type(v))


def _given(v):
    """A value's type as MindSpore's PyNative message names it."""
    return _tree.describe(v, _given_leaf, lambda node, inner: f"{type(node).__name__.capitalize()}<"
                                                              f"{', '.join(inner)}>")


_GRAPH_NAMES = {"bool": "Bool", "int": "Int64", "float": "Float32", "string": "String"}


def _graph_sequence(node, inner):
    kind = "Tuple" if isinstance(node, tuple) else "List"
    if inner and all(i == inner[0] for i in inner):
        return f"{kind}[{inner[0]}*{len(inner)}]" if len(inner) > 1 else f"{kind}[{inner[0]}]"
    return f"{kind}[{', '.join(inner)}]"


def _graph_given(v):
    """A value's type as MindSpore's graph compiler names it."""
    return _tree.describe(v, lambda x: _GRAPH_NAMES.get(_given_leaf(x), _given_leaf(x)),
                          _graph_sequence)


def _check(op, spec, args, kwargs):
    if spec not in _PARSED:
        _PARSED[spec] = _parse(spec)
    params, prim, init, call, kinds, valid = _PARSED[spec]
    if len(args) > len(params) or any(k not in dict(params) for k in kwargs):
        return  # the op's own signature reports it
    values = dict(zip((n for n, _ in params), args), **kwargs)
    defaults = dict(params)
    for name in init + call:
        if name not in values:
            continue
        v = values[name]
        if v is None and defaults.get(name) == "None":
            continue
        if any(_accepts(v, k) for k in kinds[name]):
            continue
        from ..._jit import tracing
        if tracing() and name in call:
            wanted = ", ".join(f"{n}=<{', '.join(kinds[n])}>" for n in call)
            raise DTypeError(f'Failed calling {prim} with "{name}={_graph_given(v)}".\nThe valid calling should be: '
                             f'"{wanted}".')
        shown = {n: _given(values[n]) if n in values else _given(_default(defaults.get(n))) for n in init + call}
        got = f"{prim}({', '.join(f'{n}={shown[n]}' for n in init)})({', '.join(f'{n}={shown[n]}' for n in call)})"
        raise DTypeError(f'Failed calling {prim} with "{got}".\nThe valid calling should be: \n"{valid}".')


def _default(text):
    import ast
    try:
        return ast.literal_eval(text) if text else None
    except (ValueError, SyntaxError):
        return None


# The package's own source files (a call from one of them is the package's).
_PACKAGE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))) + os.sep


def _checked(op, fn, spec):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        # Tensors only, by position: every op's inputs are of a kind it takes, nothing to check
        # (the common call stays a few type tests dearer than the op itself).
        if kwargs or not all(type(a) is Tensor for a in args):
            if not sys._getframe(1).f_code.co_filename.startswith(_PACKAGE):  # noqa: SLF001
                _check(op, spec, args, kwargs)
        return fn(*args, **kwargs)
    return call


def install(namespace, skip=()):
    """Wraps the ops of `namespace` (a module's globals) that MindSpore checks so (see above).

    Args:
        namespace (dict): The module's globals, updated in place.
        skip (Iterable[str]): Ops left unwrapped (the core ops, whose calls stay direct).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> try:
        ...     ops.acos("str")
        ... except TypeError as e:
        ...     print(str(e).splitlines()[0])
        Failed calling ACos with "ACos()(input=string)".
    """
    for op, spec in _SPECS.items():
        if op in skip:
            continue
        fn = namespace.get(op)
        if callable(fn) and not getattr(fn, "_ms_checked", False):
            wrapped = _checked(op, fn, spec)
            wrapped._ms_checked = True
            namespace[op] = wrapped
