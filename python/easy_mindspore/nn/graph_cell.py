"""``nn.GraphCell``: a network loaded from a MindIR file (``mindspore.load``), run node by node.

Each node of the file applies one of MindSpore's primitives, by name, to earlier values: the
graph's inputs, its parameters, constants and the results of earlier nodes. A functional
primitive (MindSpore's ``PRIMITIVE_FUNCTION``) takes every argument as an input of the node
(``MatMul(x, w, transpose_a, transpose_b)``); the others keep their construction arguments as
attributes (``Conv2D``'s ``out_channel``, ``pad_mode``, ...). :data:`_RUN` says how each primitive
this module knows runs on our operations; a node of any other primitive is a RuntimeError that
names it. Control flow is MindSpore's: the branches of an ``if`` and the body of a loop are
sub-graphs of the file, bound to arguments by ``Partial``, chosen by ``Switch`` and called by a
node whose callee is its first operand (``Call``); a loop is a sub-graph that calls itself.
"""
from .. import ops
from ..common.dtype import _TYPE_IDS
from ..common.parameter import Parameter
from ..common.tensor import Tensor
from ..ops import operations as P
from .cell import Cell

__all__ = ["GraphCell"]

#: MindSpore's type ids (what ``Cast`` and ``Argmax`` take for a dtype) to dtype names.
_DTYPE_OF_ID = {v: k for k, v in _TYPE_IDS.items()}
#: MindSpore's ``PadMode`` and ``Format`` enumerations as functional primitives take them.
_PAD_MODES = {0: "pad", 1: "same", 2: "valid"}
_FORMATS = {0: "NCHW", 1: "NHWC"}


def _dtype(type_id, op):
    from ..common import dtype as mstype
    name = _DTYPE_OF_ID.get(type_id)
    if name is None or not hasattr(mstype, name.lower()):
        raise RuntimeError(f"For GraphCell, the node '{op}' names an unknown dtype (type id {type_id}).")
    return getattr(mstype, name.lower())


def _pad_mode(v):
    return _PAD_MODES.get(v, v) if isinstance(v, int) else v


def _format(v):
    return _FORMATS.get(v, v) if isinstance(v, int) else v


def _attr(attrs, name, op):
    if name not in attrs:
        raise RuntimeError(f"For GraphCell, the node '{op}' has no attribute '{name}'.")
    return attrs[name]


def _conv2d(a, at):
    def get(name):
        return _attr(at, name, "Conv2D")
    prim = P.Conv2D(get("out_channel"), tuple(get("kernel_size")), mode=at.get("mode", 1),
                    pad_mode=str(get("pad_mode")).lower(), pad=tuple(get("pad")),
                    stride=tuple(get("stride")), dilation=tuple(get("dilation")),
                    group=at.get("group", at.get("groups", 1)), data_format=at.get("format", "NCHW"))
    return prim(a[0], a[1])


def _pool(cls):
    def run(a, at):
        if len(a) == 1:  # the construction arguments are attributes, stored as 4-tuples (N, C, H, W)
            kernel = tuple(_attr(at, "kernel_size", cls.__name__))[-2:]
            strides = tuple(_attr(at, "strides", cls.__name__))[-2:]
            return cls(kernel, strides, str(_attr(at, "pad_mode", cls.__name__)).lower(),
                       at.get("format", "NCHW"))(a[0])
        x, kernel, strides, pad_mode, fmt = a[:5]
        return cls(tuple(kernel), tuple(strides), _pad_mode(pad_mode), _format(fmt))(x)
    return run


def _reduce(cls):
    def run(a, at):
        x, axis = a[0], a[1] if len(a) > 1 else ()
        keep = a[2] if len(a) > 2 else at.get("keep_dims", False)
        axis = () if axis is None else axis
        return cls(bool(keep))(x, tuple(axis) if isinstance(axis, (tuple, list)) else axis)
    return run


def _sum_ext(a, at):
    x, dim, keep = a[0], a[1], a[2]
    dtype = _dtype(a[3], "SumExt") if len(a) > 3 and a[3] is not None else None
    return ops.sum(x, dim, bool(keep), dtype=dtype)


def _strided_slice(a, at):
    x, begin, end, strides = a[:4]
    masks = list(a[4:9]) if len(a) >= 9 else [at.get(k, 0) for k in (
        "begin_mask", "end_mask", "ellipsis_mask", "new_axis_mask", "shrink_axis_mask")]
    return P.StridedSlice(*masks)(x, tuple(begin), tuple(end), tuple(strides))


def _batch_norm(a, at):
    x, scale, bias, mean, var = a[:5]
    if len(a) >= 9:
        training, eps, momentum, fmt = a[5:9]
    else:
        training, eps, momentum, fmt = (at.get("is_training", False), at.get("epsilon", 1e-5),
                                        at.get("momentum", 0.1), at.get("format", "NCHW"))
    return P.BatchNorm(bool(training), eps, momentum, _format(fmt))(x, scale, bias, mean, var)


def _layer_norm(a, at):
    x, gamma, beta = a[:3]
    begin_norm, begin_params, eps = a[3:6] if len(a) >= 6 else (
        at.get("begin_norm_axis", 1), at.get("begin_params_axis", 1), at.get("epsilon", 1e-7))
    return P.LayerNorm(begin_norm, begin_params, eps)(x, gamma, beta)


def _matmul(cls):
    def run(a, at):
        ta, tb = (a[2], a[3]) if len(a) >= 4 else (at.get("transpose_a", False), at.get("transpose_b", False))
        return cls(bool(ta), bool(tb))(a[0], a[1])
    return run


def _unary(name):
    prim = getattr(P, name)()
    return lambda a, at: prim(a[0])


def _binary(name):
    prim = getattr(P, name)()
    return lambda a, at: prim(a[0], a[1])


#: How each MindSpore primitive runs: ``run(args, attributes)``.
_RUN = {
    # The state plumbing of MindSpore's graphs: a parameter's read, the state token, ordering.
    "Load": lambda a, at: a[0],
    "UpdateState": lambda a, at: None,
    "Depend": lambda a, at: a[0],
    "MakeTuple": lambda a, at: tuple(a),
    "MakeList": lambda a, at: list(a),
    "TupleGetItem": lambda a, at: a[0][a[1]],
    "ListGetItem": lambda a, at: a[0][a[1]],
    "MatMul": _matmul(P.MatMul),
    "BatchMatMul": _matmul(P.BatchMatMul),
    "MatMulExt": lambda a, at: ops.matmul(a[0], a[1]),
    "BiasAdd": lambda a, at: P.BiasAdd(_format(a[2]) if len(a) > 2 else at.get("format", "NCHW"))(a[0], a[1]),
    "Muls": lambda a, at: a[0] * a[1],
    "Conv2D": _conv2d,
    "MaxPool": _pool(P.MaxPool),
    "AvgPool": _pool(P.AvgPool),
    "Flatten": lambda a, at: P.Flatten()(a[0]),
    "BatchNorm": _batch_norm,
    "LayerNorm": _layer_norm,
    "Reshape": lambda a, at: ops.reshape(a[0], tuple(a[1])),
    "Transpose": lambda a, at: ops.transpose(a[0], tuple(a[1])),
    "ExpandDims": lambda a, at: ops.expand_dims(a[0], a[1]),
    "Squeeze": lambda a, at: P.Squeeze(tuple(a[1]) if len(a) > 1 else tuple(at.get("axis", ())))(a[0]),
    "BroadcastTo": lambda a, at: ops.broadcast_to(
        a[0], tuple(a[1] if len(a) > 1 else _attr(at, "shape", "BroadcastTo"))),
    "StridedSlice": _strided_slice,
    "Concat": lambda a, at: ops.concat(tuple(a[0]), a[1] if len(a) > 1 else at.get("axis", 0)),
    "Stack": lambda a, at: ops.stack(tuple(a[0]), at.get("axis", 0)),
    "Gather": lambda a, at: ops.gather(a[0], a[1], a[2], a[3] if len(a) > 3 else 0),
    "Softmax": lambda a, at: ops.softmax(a[0], a[1][0] if isinstance(a[1], tuple) else a[1]),
    "LogSoftmax": lambda a, at: ops.log_softmax(a[0], a[1]),
    "Cast": lambda a, at: ops.cast(a[0], _dtype(a[1], "Cast")),
    "Argmax": lambda a, at: P.Argmax(a[1], _dtype(a[2], "Argmax"))(a[0]),
    "CumSum": lambda a, at: P.CumSum(bool(a[2]), bool(a[3]))(a[0], a[1]),
    "ReverseV2": lambda a, at: P.ReverseV2(tuple(a[1]))(a[0]),
    "Select": lambda a, at: P.Select()(a[0], a[1], a[2]),
    "ReduceSum": _reduce(P.ReduceSum),
    "ReduceMean": _reduce(P.ReduceMean),
    "ReduceMax": _reduce(P.ReduceMax),
    "ReduceMin": _reduce(P.ReduceMin),
    "ReduceProd": _reduce(P.ReduceProd),
    "SumExt": _sum_ext,
    "GeLU": _unary("GeLU"),
    "Dropout": lambda a, at: (a[0], ops.ones_like(a[0])),
}
_DIV_MODES = {1: "trunc", 2: "floor"}


def _div_mod(a, at):
    mode = _DIV_MODES.get(a[2]) if a[2] is not None else None
    if a[2] is not None and mode is None:
        raise RuntimeError(f"For GraphCell, 'DivMod' has an unknown rounding mode {a[2]}.")
    return ops.div(a[0], a[1], rounding_mode=mode)


def _convolution(a, at):
    x, w, bias, stride, padding, dilation, transposed, _output_padding, groups = a[:9]
    if transposed:
        raise RuntimeError("For GraphCell, the node 'Convolution' is a transposed convolution, "
                           "which this engine cannot run from a MindIR file.")
    return ops.conv2d(x, w, bias, tuple(stride), "pad", tuple(padding), tuple(dilation), groups)


_RUN.update({
    "ArgMaxWithValue": lambda a, at: P.ArgMaxWithValue(a[1], bool(a[2]))(a[0]),
    "ClampScalar": lambda a, at: ops.clamp(a[0], a[1], a[2]),
    "Tile": lambda a, at: ops.tile(a[0], tuple(a[1])),
    "Split": lambda a, at: P.Split(a[1], a[2])(a[0]),
    "TopK": lambda a, at: P.TopK(at.get("sorted", True))(a[0], a[1]),
    "Sort": lambda a, at: P.Sort(at.get("axis", -1), at.get("descending", False))(a[0]),
    "OneHot": lambda a, at: P.OneHot(a[4])(a[0], a[1], a[2], a[3]),
    "GatherNd": lambda a, at: P.GatherNd()(a[0], a[1]),
    "MaskedFill": lambda a, at: ops.masked_fill(a[0], a[1], a[2]),
    "Lerp": lambda a, at: ops.lerp(a[0], a[1], a[2]),
    "Eye": lambda a, at: ops.eye(a[0], a[1], _dtype(a[2], "Eye")),
    "Einsum": lambda a, at: ops.einsum(_attr(at, "equation", "Einsum"), *a[0]),
    "make_list": lambda a, at: list(a),
    "ResizeBilinearV2": lambda a, at: P.ResizeBilinearV2(bool(a[2]), bool(a[3]))(a[0], tuple(a[1])),
    "ResizeNearestNeighborV2": lambda a, at: P.ResizeNearestNeighborV2(bool(a[2]), bool(a[3]))(
        a[0], tuple(a[1])),
    "LayerNormExt": lambda a, at: ops.layer_norm(a[0], tuple(a[1]), a[2], a[3], a[4]),
    "ApproximateEqual": lambda a, at: P.ApproximateEqual(at.get("tolerance", 1e-5))(a[0], a[1]),
    "Pad": lambda a, at: P.Pad(_attr(at, "paddings", "Pad"))(a[0]),
    "ConstantPadND": lambda a, at: ops.pad(a[0], tuple(a[1]), "constant", a[2]),
    "DivMod": _div_mod,
    "Convolution": _convolution,
    "PadV3": lambda a, at: P.PadV3(at.get("mode", "constant"), at.get("paddings_contiguous", True))(
        a[0], a[1] if isinstance(a[1], Tensor) else Tensor(list(a[1])), a[2] if len(a) > 2 else None),
    "MirrorPad": lambda a, at: P.MirrorPad(at.get("mode", "REFLECT"))(a[0], a[1]),
    "SearchSorted": lambda a, at: P.SearchSorted(_dtype(a[3], "SearchSorted"), bool(a[4]))(a[0], a[1], a[2]),
    "ResizeBicubic": lambda a, at: P.ResizeBicubic(bool(a[2]), bool(a[3]))(a[0], a[1]),
    **{f"{name}Pad{d}D": (lambda m: lambda a, at: ops.pad(a[0], tuple(a[1]), m))(mode)
       for name, mode in (("Reflection", "reflect"), ("Replication", "replicate")) for d in (1, 2, 3)},
    "LSTM": lambda a, at: P.LSTM(
        *[_attr(at, k, "LSTM") for k in ("input_size", "hidden_size", "num_layers")],
        bool(_attr(at, "has_bias", "LSTM")), bool(_attr(at, "bidirectional", "LSTM")),
        at.get("dropout", 0.0), at.get("proj_size", 0))(*a[:4]),
    "Bucketize": lambda a, at: P.Bucketize(list(_attr(at, "boundaries", "Bucketize")))(a[0]),
})
def _truth(v):
    return bool(v.asnumpy()) if isinstance(v, Tensor) else bool(v)


_RUN.update({
    # Control flow: the branch a condition selects (a Partial, called by the node after).
    "Switch": lambda a, at: a[1] if _truth(a[0]) else a[2],
    "Max": lambda a, at: a[0].max(),
    "Min": lambda a, at: a[0].min(),
    "LessScalar": lambda a, at: a[0] < a[1],
    "LessEqualScalar": lambda a, at: a[0] <= a[1],
    "GreaterScalar": lambda a, at: a[0] > a[1],
    "GreaterEqualScalar": lambda a, at: a[0] >= a[1],
    "EqualScalar": lambda a, at: a[0] == a[1],
    "ScalarAdd": lambda a, at: a[0] + a[1],
    "ScalarSub": lambda a, at: a[0] - a[1],
    "ScalarMul": lambda a, at: a[0] * a[1],
    "BoolNot": lambda a, at: not _truth(a[0]),
})
_RUN.update({n: _unary(n) for n in (
    "Neg", "Exp", "Log", "Sin", "Cos", "Tanh", "Sqrt", "Floor", "Erf", "Abs", "Erfinv", "Expm1",
    "Log1p", "Erfc", "Sigmoid", "Atan", "Sinh", "ReLU", "Invert", "Square", "Rsqrt", "ReLU6",
    "HSwish", "HSigmoid", "Reciprocal", "Sign", "Round", "Ceil", "Softplus")})
_RUN.update({n: _binary(n) for n in (
    "Add", "Sub", "Mul", "Div", "RealDiv", "Maximum", "Minimum", "Pow", "FloorMod", "FloorDiv",
    "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "BitwiseAnd",
    "BitwiseOr", "BitwiseXor", "LogicalAnd", "LogicalOr")})


def _update_params(graph, params_init):
    """New values for the graph's parameters, by parameter name (unknown names are ignored, as in
    MindSpore); the graph keeps them, so a later GraphCell of it starts from them too."""
    if not isinstance(params_init, dict) or not all(
            isinstance(k, str) and isinstance(v, Tensor) for k, v in params_init.items()):
        raise TypeError("For 'GraphCell', the key of the 'params_init' must be str, and the value "
                        "must be Tensor or Parameter, but got a "
                        f"{type(params_init).__name__} holding other values.")
    for i, (name, key, value) in enumerate(graph.params):
        new = params_init.get(key)
        if new is None:
            continue
        if tuple(new.shape) != tuple(value.shape) or new.dtype != value.dtype:
            raise ValueError(f"Only support update parameter by Tensor or Parameter with same shape "
                             f"and dtype as it. The parameter '{key}' has shape {tuple(value.shape)} "
                             f"and dtype {value.dtype}, but got shape {tuple(new.shape)} and dtype "
                             f"{new.dtype}.")
        graph.params[i] = (name, key, Tensor(new.asnumpy()))


class GraphCell(Cell):
    """A network loaded from a MindIR file, as a Cell: its parameters are the file's (named as
    the exporting network named them) and calling it runs the file's graph.

    Args:
        graph: What :func:`mindspore.load` returned.
        params_init (dict, optional): New values for parameters, by name. Default: ``None``.
        obf_random_seed (int, optional): For obfuscated models; not supported (must be
            ``None``). Default: ``None``.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dense(3, 2)
        >>> x = ms.Tensor(np.ones((1, 3), np.float32))
        >>> path = os.path.join(tempfile.mkdtemp(), "dense")
        >>> ms.export(net, x, file_name=path, file_format="MINDIR")
        >>> cell = nn.GraphCell(ms.load(path + ".mindir"))
        >>> print(np.allclose(cell(x).asnumpy(), net(x).asnumpy()))
        True
        >>> print([p.name for p in cell.trainable_params()])
        ['weight', 'bias']
    """

    def __init__(self, graph, params_init=None, obf_random_seed=None):
        super().__init__()
        from .._mindir import MindIRGraph
        if not isinstance(graph, MindIRGraph):
            raise TypeError(f"For 'GraphCell', the argument 'graph' must be a graph loaded by "
                            f"mindspore.load, but got {type(graph).__name__}.")
        if obf_random_seed is not None:
            raise ValueError("For 'GraphCell', obfuscated models are not supported: "
                             "'obf_random_seed' must be None.")
        self.graph = graph
        if params_init:
            _update_params(graph, params_init)
        self._by_name = {}
        for i, (name, key, value) in enumerate(graph.params):
            p = Parameter(value, name=key)
            self._by_name[name] = p
            self.insert_param_to_cell(f"_graph_param_{i}", p, check_name_contain_dot=False)

    def __repr__(self):
        return "GraphCell()"

    def construct(self, *inputs):
        g = self.graph
        if len(inputs) != len(g.inputs):
            raise RuntimeError(f"The input number of parameters is not Compatible: the graph takes "
                               f"{len(g.inputs)} inputs, but got {len(inputs)}.")
        for (name, _shape, dtype), x in zip(g.inputs, inputs):
            # Other shapes run where the graph's operations allow them (another batch size), as
            # in MindSpore, which infers the graph again; the dtypes are the graph's.
            if not isinstance(x, Tensor):
                raise RuntimeError(f"For 'GraphCell', every input must be a Tensor, but got "
                                   f"{type(x).__name__} for '{name}'.")
            if x.dtype != dtype:
                raise RuntimeError(f"For 'GraphCell', the input '{name}' must be a Tensor of dtype "
                                   f"{dtype}, but got {x.dtype}.")
        scope = dict(self._by_name)
        scope.update({name: _Closure(f, (), scope) for name, f in g.functions.items()})
        main = {"inputs": g.inputs, "constants": g.constants, "nodes": g.nodes, "outputs": g.outputs}
        try:
            return _call(_Closure(main, (), scope), inputs)
        except RecursionError:  # calls that are not a graph's last nest Python calls
            raise RuntimeError("For 'GraphCell', the graph's calls nest deeper than Python's "
                               "recursion limit allows (sys.setrecursionlimit).") from None


class _Closure:
    """A sub-graph with its first arguments bound (MindSpore's ``Partial``), callable."""

    def __init__(self, graph, bound, scope):
        self.graph, self.bound, self.scope = graph, bound, scope

    def __call__(self, *args):
        return _call(self, args)


class _TailCall:
    """A graph's result that is the result of a call it makes last (a loop's next iteration):
    returned instead of made, so that a loop runs in constant stack depth."""

    def __init__(self, f, args):
        self.f, self.args = f, args


def _call(f, args):
    r = _run(f.graph, f.bound + tuple(args), f.scope)
    while isinstance(r, _TailCall):
        r = _run(r.f.graph, r.f.bound + r.args, r.f.scope)
    return r


#: The nodes that only order side effects: after a graph's last call they change no result.
_PLUMBING = {"Depend", "UpdateState", "MakeTuple", "Load"}


def _tail_index(graph):
    """The index of the call node whose result is the graph's (through ``Depend``s) when only
    plumbing follows it, else None (cached in the graph's dict)."""
    if "_tail" not in graph:
        nodes, tail = graph["nodes"], None
        where = {n[0]: i for i, n in enumerate(nodes)}
        name = graph["outputs"][0] if len(graph["outputs"]) == 1 else None
        while name in where and nodes[where[name]][1] == "Depend":
            name = nodes[where[name]][4][0]
        k = where.get(name)
        if k is not None and nodes[k][1] == "Call" and all(n[1] in _PLUMBING for n in nodes[k + 1:]):
            tail = k
        graph["_tail"] = tail
    return graph["_tail"]


def _run(graph, args, scope):
    """The result of one graph of the file at `args` (or the call that makes it: a
    :class:`_TailCall`); `scope` holds the parameters and the sub-graphs by name."""
    inputs = graph["inputs"]
    if len(args) != len(inputs):
        raise RuntimeError(f"For 'GraphCell', the sub-graph '{graph.get('name')}' takes "
                           f"{len(inputs)} arguments, but got {len(args)}.")
    env = dict(scope)
    env.update(graph["constants"])
    env.update((name, x) for (name, _, _), x in zip(inputs, args))
    tail = _tail_index(graph)
    for i, (output, op, _functional, attrs, names) in enumerate(graph["nodes"]):
        try:
            a = [env[n] for n in names]
        except KeyError as e:
            raise RuntimeError(f"For 'GraphCell', the node '{output}' reads '{e.args[0]}', "
                               f"which the graph does not define.") from None
        if op == "Call":
            if not isinstance(a[0], _Closure):
                raise RuntimeError(f"For 'GraphCell', the node '{output}' calls a value that is not "
                                   f"a graph.")
            if i == tail:
                return _TailCall(a[0], tuple(a[1:]))
            env[output] = _call(a[0], a[1:])
            continue
        if op == "Partial":
            f = a[0]
            env[output] = _Closure(f.graph, f.bound + tuple(a[1:]), f.scope)
            continue
        run = _RUN.get(op)
        if run is None:
            raise RuntimeError(f"For 'GraphCell', the graph uses MindSpore's primitive '{op}', "
                               f"which this engine cannot run from a MindIR file.")
        try:
            env[output] = run(a, attrs)
        except (IndexError, KeyError) as e:  # a node with fewer operands than its primitive takes
            raise RuntimeError(f"For 'GraphCell', the node '{output}' ({op}) has {len(a)} operands, "
                               f"which its primitive cannot take ({type(e).__name__}: {e}).") from None
    outs = [env[n] for n in graph["outputs"]]
    return outs[0] if len(outs) == 1 else tuple(outs)
