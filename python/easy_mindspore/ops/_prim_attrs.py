"""The attributes a primitive of ``mindspore.ops.operations`` lists (``attrs``, ``str()`` and
``repr()``) where MindSpore 2.10's differ from its constructor's arguments: the flags its
primitives add (``side_effect_mem=True`` of the in-place updates, ``side_effect_hidden=True`` of
the random draws, ...), the enum codes its generated primitives keep for string and dtype
arguments (``Argmax``'s ``output_type=34``, a loss's ``reduction=1``), and the few primitives
that list none of their arguments. Each entry was read off MindSpore 2.10's ``str()``."""
from ..common import dtype as mstype

# The layouts MindSpore's string-to-enum conversion knows (``data_format``), in code order.
_FORMATS = {name: code for code, name in enumerate(
    ["NCHW", "NHWC", "NHWC4", "HWKC", "HWCK", "KCHW", "CKHW", "KHWC", "CHWK", "HW", "HW4", "NC",
     "NC4", "NC4HW4", "NCDHW", "NWC", "NCW", "NDHWC", "NC8HW8"])}
_FORMATS["ND"] = 20
# Its padding modes (several names share a code).
_PAD_MODES = {"PAD": 0, "CONSTANT": 0, "ZEROS": 0, "SAME": 1, "REFLECT": 1, "VALID": 2,
              "FULL": 3}


def type_id(dtype):
    """MindSpore's type id of ``dtype`` (a ``mindspore.dtype``), or None for another value."""
    return mstype._TYPE_IDS.get(str(dtype)) if isinstance(dtype, mstype.Type) else None


def string_enum(op, arg, value, table):
    """MindSpore's enum code of the string ``value`` of argument ``arg`` (any case): TypeError for
    a value that is not a string, ValueError for one the table lacks; None stays None."""
    if value is None:
        return None
    if not isinstance(value, str):
        from .._errors import DTypeError
        raise DTypeError(f"For '{op}', the input '{arg}' should be a str, but got {type(value)}.")
    code = table.get(value.upper())
    if code is None:
        from .._errors import ShapeError
        raise ShapeError(f"Failed to convert the value \"{value}\" of input '{arg}' of '{op}' to enum.")
    return code


def format_code(op, value):
    """MindSpore's code of the layout string ``value`` (``'NCHW'`` → 0, ``'NHWC'`` → 1)."""
    return string_enum(op, "data_format", value, _FORMATS)


def pad_mode_code(op, value):
    """MindSpore's code of the padding mode ``value`` (``'pad'`` 0, ``'same'`` 1, ``'valid'`` 2)."""
    return string_enum(op, "pad_mode", value, _PAD_MODES)


def _enum(table):
    return lambda v: table.get(v.lower(), v) if isinstance(v, str) else v


def _type_id(v):
    code = type_id(v)
    return v if code is None else code


_REDUCTION = _enum({"sum": 0, "mean": 1, "none": 2})
# Attributes shown as MindSpore keeps them: {class: {attribute: (shown name, value -> shown)}}.
_SHOWN = {
    "Argmax": {"output_type": ("output_type", _type_id)},
    "Argmin": {"output_type": ("output_type", _type_id)},
    "SearchSorted": {"dtype": ("dtype", _type_id)},
    "RandpermV2": {"dtype": ("dtype", _type_id)},
    "HammingWindow": {"dtype": ("dtype", lambda v: {"Float32": 0, "Float16": 1, "Float64": 11}.get(
        str(v), v))},
    "BiasAdd": {"data_format": ("data_format", lambda v: _FORMATS.get(v, v))},
    "GridSampler2D": {"interpolation_mode": ("interpolation_mode", _enum({"bilinear": 0, "nearest": 1})),
                      "padding_mode": ("padding_mode", _enum({"zeros": 0, "border": 1, "reflection": 2}))},
    "Meshgrid": {"indexing": ("indexing", _enum({"ij": 0, "xy": 1}))},
    "ResizeLinear1D": {"coordinate_transformation_mode": (
        "coordinate_transformation_mode", _enum({"asymmetric": 0, "align_corners": 1, "half_pixel": 2}))},
    "TensorScatterElements": {"reduction": ("reduce", _enum({"none": 0, "add": 1, "update": 3}))},
    "CountNonZero": {"dims": ("dims", lambda v: [] if v is None else v)},
    "L2Normalize": {"axis": ("axis", lambda v: [v] if isinstance(v, int) else v)},
    "NuclearNorm": {"dim": ("dim", lambda v: [1000] if v is None else v)},
    "Quantile": {"dim": ("dim", lambda v: 10000 if v is None else v)},
}
_SHOWN["GridSampler3D"] = _SHOWN["GridSampler2D"]
_ONE_TUPLE = (lambda v: (v,) if isinstance(v, int) else v)
_SHOWN.update({
    "InplaceAdd": {"indices": ("indices", _ONE_TUPLE)}, "InplaceSub": {"indices": ("indices", _ONE_TUPLE)},
    "Roll": {"shifts": ("shifts", _ONE_TUPLE), "dims": ("dims", _ONE_TUPLE)},
    "Renorm": {"p": ("p", float)},
    "HistogramFixedWidth": {"dtype": ("dtype", lambda v: 3 if str(v).lower() == "int32" else v)},
    "MaxPool3DWithArgmax": {"argmax_type": ("argmax_type", lambda v: str(v).lower())},
    "FFTWithSize": {"norm": ("norm", _enum({"backward": 0, "forward": 1, "ortho": 2}))},
})
_PAIR = (lambda v: (v, v) if isinstance(v, int) else tuple(v))
_SHOWN["Col2Im"] = {k: (k, _PAIR) for k in ("dilation", "padding", "stride")}
_SHOWN["Im2Col"] = {k: (k, _PAIR) for k in ("ksizes", "strides", "dilations", "pads")}
_LAST_TWO = (lambda v: tuple(v[2:]) if len(v) == 4 else tuple(v))
_SHOWN["ExtractImagePatches"] = dict({k: (k, _LAST_TWO) for k in ("ksizes", "strides", "rates")},
                                     padding=("padding", lambda v: _PAD_MODES.get(str(v).upper(), v)))
_UNPOOL = (lambda v: (1, 1) + tuple(v))
_SHOWN["MaxUnpool2D"] = _SHOWN["MaxUnpool3D"] = {k: (k, _UNPOOL) for k in ("ksize", "strides", "pads")}
_FIVE = ("kernel_size", lambda v: (1, 1) + tuple(v))
_SHOWN["MaxPool3D"] = {"kernel_size": _FIVE, "strides": ("strides", _FIVE[1]),
                       "pad_mode": ("pad_mode", lambda v: "CALCULATED" if v == "PAD" else v),
                       "ceil_mode": ("ceil_mode", int)}
_SHOWN["AvgPool3D"] = {"kernel_size": _FIVE, "strides": ("strides", _FIVE[1]),
                       "pad_mode": ("pad_mode", lambda v: v.upper() if isinstance(v, str) else v)}
for _loss in ("BCEWithLogitsLoss", "BinaryCrossEntropy", "NLLLoss", "SmoothL1Loss", "SoftMarginLoss"):
    _SHOWN[_loss] = {"reduction": ("reduction", _REDUCTION)}

_MEM = {"side_effect_mem": True}
_HIDDEN = {"side_effect_hidden": True}
_IO = {"side_effect_io": True}
_MAX_LENGTH = {"max_length": 1000000}
# Attributes MindSpore adds after the constructor's: {class: dict, or prim -> dict}.
_EXTRA = {name: _MEM for name in (
    "Adam", "AdamWeightDecay", "ApplyAdaMax", "ApplyAdadelta", "ApplyAdagrad", "ApplyAdagradDA",
    "ApplyAdamWithAmsgrad", "ApplyAdamWithAmsgradV2", "ApplyAddSign", "ApplyCenteredRMSProp",
    "ApplyFtrl", "ApplyGradientDescent", "ApplyMomentum", "ApplyPowerSign", "ApplyProximalAdagrad",
    "ApplyProximalGradientDescent", "ApplyRMSProp", "Assign", "AssignAdd", "AssignSub", "SGD",
    "ScatterAdd", "ScatterDiv", "ScatterMax", "ScatterMin", "ScatterMul", "ScatterNdAdd",
    "ScatterNdDiv", "ScatterNdMax", "ScatterNdMin", "ScatterNdMul", "ScatterNdSub",
    "ScatterNdUpdate", "ScatterNonAliasingAdd", "ScatterSub", "ScatterUpdate",
    "SparseApplyProximalAdagrad", "ApplyAdagradV2", "SparseApplyAdagrad", "SparseApplyAdagradV2",
    "SparseApplyFtrl", "SparseApplyFtrlV2", "InplaceIndexAdd")}
_EXTRA.update({name: _HIDDEN for name in (
    "Dropout", "Gamma", "LogNormalReverse", "LogUniformCandidateSampler", "Multinomial",
    "ParameterizedTruncatedNormal", "Poisson", "RandomCategorical", "RandomChoiceWithMask",
    "RandomGamma", "RandomPoisson", "RandomShuffle", "StandardLaplace", "StandardNormal",
    "UniformInt", "UniformReal", "MultinomialWithReplacement", "UniformCandidateSampler")})
_EXTRA.update({name: _MAX_LENGTH for name in (
    "Expand", "SegmentMax", "SegmentMean", "SegmentMin", "SegmentProd", "SegmentSum",
    "BartlettWindow", "BlackmanWindow", "RaggedRange")})
_EXTRA.update({
    "NonDeterministicInts": dict(_MAX_LENGTH, **_HIDDEN),
    "TruncatedNormal": dict(_MAX_LENGTH, **_HIDDEN),
    "MatrixDiagPartV3": {"max_length": 200000000}, "MatrixSetDiagV3": {"max_length": 200000000},
    "Assert": _IO, "Print": _IO,
    "TensorDump": dict(_IO, channel_name="ms_tensor_dump"),
    "Depend": {"side_effect_propagate": 1}, "Partial": {"side_effect_propagate": 1},
    "Fmax": {"ignore_nan": True}, "Fmin": {"ignore_nan": True},
    "GatherV2": {"batch_dims": 0},
    "Log": {"cust_aicpu": "Log", "base": -1.0, "scale": 1.0, "shift": 0.0},
    "EmbeddingLookup": {"bprop_return_sparse": True},
    "SparseGatherV2": {"bprop_return_sparse": True},
    "SparseSoftmaxCrossEntropyWithLogits": {"sens": 1.0},
    "SparseTensorDenseMatmul": lambda p: {"adjoint_a": p.adjoint_st, "adjoint_b": p.adjoint_dt},
    "AllGather": {"rank_size": 1, "fusion": 0, "mean_flag": False, "no_eliminate": True},
    "AllReduce": {"fusion": 0, "index": 0, "no_eliminate": True},
    "ReduceScatter": {"rank_size": 1, "fusion": 0, "no_eliminate": True},
    "Broadcast": {"no_eliminate": True},
    "BatchNorm": lambda p: dict({"data_format": "NCHW"}, **(_MEM if p.is_training else {})),
    "DepthToSpace": {"data_format": "NCHW"}, "SpaceToDepth": {"data_format": "NCHW"},
    "MaxPool3D": {"data_format": "NCDHW"},
    "MaxPool3DWithArgmax": {"data_format": "NCDHW"},
    "MaxUnpool2D": {"data_format": "NCHW"}, "MaxUnpool3D": {"data_format": "NCDHW"},
    "Im2Col": {"padding_mode": "CALCULATED"},
    "IndexAdd": lambda p: {"use_lock": p.__dict__.get("use_lock", True), "side_effect_mem": True},
    "AvgPool3D": lambda p: {"data_format": "NCDHW", "pad_list": p.pad_list},
})
# Primitives whose constructor's arguments MindSpore does not list (their repr is ``Prim[LRN]``),
# or lists other attributes in their place.
_NONE_LISTED = frozenset({"LRN", "Pack", "Unpack", "Dropout2D", "Dropout3D", "MatrixSolve",
                          "MaxPoolWithArgmax", "LpNorm", "MatrixPower"})
# The order MindSpore lists them in, where an added attribute comes between the constructor's.
_ORDER = {"IndexAdd": ("axis", "use_lock", "check_index_bound", "side_effect_mem"),
          "MaxPool3DWithArgmax": ("ksize", "strides", "pads", "dilation", "ceil_mode", "data_format",
                                  "argmax_type")}
_REPLACED = {"DynamicShape": {"is_dynamic_shape": True}}
_HIDDEN_ARGS = {"BatchToSpaceND": ("crops",)}
# The name MindSpore gives the primitive (an alias of another).
SHOWN_NAMES = {"TensorAdd": "Add"}


def adjust(prim, attrs):
    """``attrs`` (the constructor's arguments of ``prim``, then those of ``add_prim_attr``) as
    MindSpore 2.10 lists them for a primitive of its own (a user's subclass: unchanged)."""
    cls = type(prim)
    if not cls.__module__.startswith("easy_mindspore."):
        return attrs
    name = cls.__name__
    if name in _NONE_LISTED or name in _REPLACED:
        init = set(_init_names(cls))
        attrs = dict(_REPLACED.get(name, {}), **{k: v for k, v in attrs.items() if k not in init})
    if name in _HIDDEN_ARGS:
        attrs = {k: v for k, v in attrs.items() if k not in _HIDDEN_ARGS[name]}
    shown = _SHOWN.get(name)
    if shown:
        attrs = dict((shown[k][0], shown[k][1](v)) if k in shown else (k, v) for k, v in attrs.items())
    extra = _EXTRA.get(name)
    if extra:
        for k, v in (extra(prim) if callable(extra) else extra).items():
            attrs.setdefault(k, v)
    order = _ORDER.get(name)
    if order:
        attrs = dict(sorted(attrs.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order
                            else len(order)))
    return attrs


def _init_names(cls):
    import inspect
    try:
        return list(inspect.signature(cls.__init__).parameters)[1:]
    except (TypeError, ValueError):
        return []
