"""``mindspore.mint.nn`` layers without parameters (activations, pools, pads, resizing, losses,
dropout), made from one table: each row gives the constructor's arguments and defaults (the
class's real signature), the functional call, a summary and a runnable example. The repr is
MindSpore 2.10's (measured: ``ReLU()``, ``DropoutExt()``, ``SoftmaxExt()``, ``MaxPool2dExt()``,
``AvgPool2dExt()``, ``UpsampleExt()``, ``AdaptiveAvgPool2d(output_size=1)``)."""
import inspect

from ...nn.cell import Cell
from .. import _shape
from . import _f_activation as _fa
from . import _f_conv as _fc
from . import _f_loss as _fl

_REQ = inspect.Parameter.empty
_P = inspect.Parameter.POSITIONAL_OR_KEYWORD


def _make(name, params, call, summary, example, repr_name=None, show=()):
    """A Cell class `name` whose ``__init__`` takes `params` ((name, default) pairs, `_REQ` for a
    required one) and stores them as attributes, and whose ``construct(*inputs)`` is
    ``call(self, *inputs)``."""
    sig = inspect.Signature([inspect.Parameter("self", _P)]
                            + [inspect.Parameter(p, _P, default=d) for p, d in params])

    def __init__(self, *args, **kwargs):
        Cell.__init__(self)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        for k, v in list(bound.arguments.items())[1:]:
            object.__setattr__(self, k, v)

    __init__.__signature__ = sig

    def construct(self, *inputs):
        return call(self, *inputs)

    def extend_repr(self):
        return ", ".join(f"{k}={getattr(self, k)}" for k in show)

    args = "".join(f"        {p} : Default: ``{d!r}``.\n" if d is not _REQ else f"        {p} : Required.\n"
                   for p, d in params)
    doc = (f"{summary}\n\n" + (f"    Args:\n{args}\n" if params else "")
           + "    Outputs:\n        Tensor.\n\n    Examples:\n"
           + "".join(f"        {line}\n" for line in example.strip().splitlines()) + "    ")
    ns = {"__init__": __init__, "construct": construct, "extend_repr": extend_repr, "__doc__": doc,
          "__module__": __name__}
    if repr_name:
        ns["__repr__"] = lambda self: f"{repr_name}({extend_repr(self)})"
    return type(name, (Cell,), ns)


_X = ">>> import mindspore as ms\n>>> from mindspore import mint\n"

_TABLE = [
    ("ReLU", [], lambda s, x: _fa.relu(x), "``max(x, 0)``.",
     _X + ">>> print(mint.nn.ReLU()(ms.Tensor([-1.0, 2.0])))\n[0. 2.]"),
    ("ReLU6", [("inplace", False)], lambda s, x: _fa.relu6(x, s.inplace), "``min(max(x, 0), 6)``.",
     _X + ">>> print(mint.nn.ReLU6()(ms.Tensor([-1.0, 7.0])))\n[0. 6.]"),
    ("GELU", [("approximate", "none")], lambda s, x: _fa.gelu(x, s.approximate),
     "The Gaussian error linear unit (``'none'`` or ``'tanh'``).",
     _X + ">>> print(mint.nn.GELU()(ms.Tensor([0.0])))\n[0.]"),
    ("SiLU", [("inplace", False)], lambda s, x: _fa.silu(x, s.inplace), "``x * sigmoid(x)``.",
     _X + ">>> print(mint.nn.SiLU()(ms.Tensor([0.0])))\n[0.]"),
    ("Sigmoid", [], lambda s, x: _fa.sigmoid(x), "``1 / (1 + exp(-x))``.",
     _X + ">>> print(mint.nn.Sigmoid()(ms.Tensor([0.0])))\n[0.5]"),
    ("Tanh", [], lambda s, x: _fa.tanh(x), "The hyperbolic tangent.",
     _X + ">>> print(mint.nn.Tanh()(ms.Tensor([0.0])))\n[0.]"),
    ("ELU", [("alpha", 1.0), ("inplace", False)], lambda s, x: _fa.elu(x, s.alpha, s.inplace),
     "``x`` where positive, else ``alpha * (exp(x) - 1)``.",
     _X + ">>> print(mint.nn.ELU()(ms.Tensor([2.0])))\n[2.]"),
    ("SELU", [("auto_prefix", True), ("flags", None)], lambda s, x: _fa.selu(x), "The scaled exponential linear unit.",
     _X + ">>> print(mint.nn.SELU()(ms.Tensor([0.0])))\n[0.]"),
    ("Mish", [("auto_prefix", True), ("flags", None)], lambda s, x: _fa.mish(x), "``x * tanh(softplus(x))``.",
     _X + ">>> print(mint.nn.Mish()(ms.Tensor([0.0])))\n[0.]"),
    ("Hardtanh", [("min_val", -1.0), ("max_val", 1.0), ("inplace", False)],
     lambda s, x: _fa.hardtanh(x, s.min_val, s.max_val, s.inplace), "``x`` clamped to [min_val, max_val].",
     _X + ">>> print(mint.nn.Hardtanh()(ms.Tensor([-2.0, 0.5])))\n[-1.   0.5]"),
    ("Hardshrink", [("lambd", 0.5)], lambda s, x: _fa.hardshrink(x, s.lambd),
     "``x`` where ``|x| > lambd``, else 0.",
     _X + ">>> print(mint.nn.Hardshrink()(ms.Tensor([0.2, 1.0])))\n[0. 1.]"),
    ("Softshrink", [("lambd", 0.5)], lambda s, x: _fa.softshrink(x, s.lambd),
     "``x`` moved towards 0 by `lambd` (0 inside [-lambd, lambd]).",
     _X + ">>> print(mint.nn.Softshrink()(ms.Tensor([0.2, 1.0])))\n[0.  0.5]"),
    ("Hardsigmoid", [], lambda s, x: _fa.hardsigmoid(x), "``relu6(x + 3) / 6``.",
     _X + ">>> print(mint.nn.Hardsigmoid()(ms.Tensor([0.0])))\n[0.5]"),
    ("Hardswish", [], lambda s, x: _fa.hardswish(x), "``x * relu6(x + 3) / 6``.",
     _X + ">>> print(mint.nn.Hardswish()(ms.Tensor([3.0])))\n[3.]"),
    ("LogSigmoid", [], lambda s, x: _fa.logsigmoid(x), "``log(sigmoid(x))``.",
     _X + ">>> print(mint.nn.LogSigmoid()(ms.Tensor([0.0])))\n[-0.6931472]"),
    ("Threshold", [("threshold", _REQ), ("value", _REQ), ("inplace", False)],
     lambda s, x: _fa.threshold(x, s.threshold, s.value, s.inplace), "``x`` where above `threshold`, else `value`.",
     _X + ">>> print(mint.nn.Threshold(2.0, 9.0)(ms.Tensor([1.0, 3.0])))\n[9. 3.]"),
    ("GLU", [("dim", -1)], lambda s, x: _fa.glu(x, s.dim), "The gated linear unit along `dim`.",
     _X + ">>> print(mint.nn.GLU()(ms.Tensor([[0.0, 0.0]])))\n[[0.]]"),
    ("Softmax", [("dim", None)], lambda s, x: _fa.softmax(x, s.dim), ":func:`softmax` along `dim`.",
     _X + ">>> print(mint.nn.Softmax(1)(ms.Tensor([[0.0, 0.0]])))\n[[0.5 0.5]]", "SoftmaxExt"),
    ("LogSoftmax", [("dim", None)], lambda s, x: _fa.log_softmax(x, s.dim), ":func:`log_softmax` along `dim`.",
     _X + ">>> print(mint.nn.LogSoftmax(1)(ms.Tensor([[0.0, 0.0]])))\n[[-0.6931472 -0.6931472]]"),
    ("Identity", [], lambda s, x: x, "Returns its input.",
     _X + ">>> print(mint.nn.Identity()(ms.Tensor([1.0])))\n[1.]"),
    ("Flatten", [("start_dim", 1), ("end_dim", -1)], lambda s, x: _shape.flatten(x, s.start_dim, s.end_dim),
     "Merges dims `start_dim` to `end_dim` (from dim 1 by default).",
     _X + ">>> print(mint.nn.Flatten()(mint.ones((2, 3, 4))).shape)\n(2, 12)"),
    ("Dropout", [("p", 0.5), ("inplace", False)], lambda s, x: _fa.dropout(x, s.p, s.training, s.inplace),
     ":func:`dropout` when training (``set_train()``), the identity otherwise.",
     _X + ">>> print(mint.nn.Dropout(0.2)(ms.Tensor([1.0, 2.0])))\n[1. 2.]", "DropoutExt"),
    ("Dropout2d", [("p", 0.5), ("inplace", False)],
     lambda s, x: _fa.dropout2d(x, s.p, s.training, s.inplace), "Drops whole channels when training.",
     _X + ">>> print(mint.nn.Dropout2d()(mint.ones((1, 2, 1, 1))).shape)\n(1, 2, 1, 1)"),
    ("PixelShuffle", [("upscale_factor", _REQ)], lambda s, x: _fc.pixel_shuffle(x, s.upscale_factor),
     "(N, C r^2, H, W) to (N, C, H r, W r).",
     _X + ">>> print(mint.nn.PixelShuffle(2)(mint.ones((1, 4, 2, 2))).shape)\n(1, 1, 4, 4)"),
    ("MaxPool2d", [("kernel_size", 1), ("stride", None), ("padding", 0), ("dilation", 1),
                   ("return_indices", False), ("ceil_mode", False)],
     lambda s, x: _fc.max_pool2d(x, s.kernel_size, s.stride, s.padding, s.dilation, s.ceil_mode,
                                 s.return_indices),
     ":func:`max_pool2d` with the stored arguments.",
     _X + ">>> print(mint.nn.MaxPool2d(2)(mint.ones((1, 1, 4, 4))).shape)\n(1, 1, 2, 2)", "MaxPool2dExt"),
    ("AvgPool1d", [("kernel_size", _REQ), ("stride", None), ("padding", 0), ("ceil_mode", False),
                   ("count_include_pad", True)],
     lambda s, x: _fc.avg_pool1d(x, s.kernel_size, s.stride, s.padding, s.ceil_mode, s.count_include_pad),
     ":func:`avg_pool1d` with the stored arguments.",
     _X + ">>> print(mint.nn.AvgPool1d(2)(ms.Tensor([[[1.0, 3.0]]])))\n[[[2.]]]"),
    ("AvgPool2d", [("kernel_size", _REQ), ("stride", None), ("padding", 0), ("ceil_mode", False),
                   ("count_include_pad", True), ("divisor_override", None)],
     lambda s, x: _fc.avg_pool2d(x, s.kernel_size, s.stride, s.padding, s.ceil_mode,
                                 s.count_include_pad, s.divisor_override),
     ":func:`avg_pool2d` with the stored arguments.",
     _X + ">>> print(mint.nn.AvgPool2d(2)(mint.ones((1, 1, 4, 4))).shape)\n(1, 1, 2, 2)", "AvgPool2dExt"),
    ("AvgPool3d", [("kernel_size", _REQ), ("stride", None), ("padding", 0), ("ceil_mode", False),
                   ("count_include_pad", True), ("divisor_override", None)],
     lambda s, x: _fc.avg_pool3d(x, s.kernel_size, s.stride, s.padding, s.ceil_mode,
                                 s.count_include_pad, s.divisor_override),
     ":func:`avg_pool3d` with the stored arguments.",
     _X + ">>> print(mint.nn.AvgPool3d(2)(mint.ones((1, 1, 2, 2, 2))).shape)\n(1, 1, 1, 1, 1)"),
    ("AdaptiveAvgPool1d", [("output_size", _REQ)], lambda s, x: _fc.adaptive_avg_pool1d(x, s.output_size),
     "Means over adaptive windows of the last dim.",
     _X + ">>> print(mint.nn.AdaptiveAvgPool1d(1)(ms.Tensor([[[1.0, 3.0]]])))\n[[[2.]]]",
     None, ("output_size",)),
    ("AdaptiveAvgPool2d", [("output_size", _REQ)], lambda s, x: _fc.adaptive_avg_pool2d(x, s.output_size),
     "Means over adaptive windows of (H, W).",
     _X + ">>> print(mint.nn.AdaptiveAvgPool2d(1))\nAdaptiveAvgPool2d(output_size=1)", None, ("output_size",)),
    ("AdaptiveAvgPool3d", [("output_size", _REQ)], lambda s, x: _fc.adaptive_avg_pool3d(x, s.output_size),
     "Means over adaptive windows of (D, H, W).",
     _X + ">>> print(mint.nn.AdaptiveAvgPool3d(1)(mint.ones((1, 1, 2, 2, 2))).shape)\n(1, 1, 1, 1, 1)",
     None, ("output_size",)),
    ("AdaptiveMaxPool1d", [("output_size", _REQ), ("return_indices", False)],
     lambda s, x: _fc.adaptive_max_pool1d(x, s.output_size, s.return_indices),
     "Maxima over adaptive windows of the last dim.",
     _X + ">>> print(mint.nn.AdaptiveMaxPool1d(1)(ms.Tensor([[[1.0, 3.0]]])))\n[[[3.]]]",
     None, ("output_size",)),
    ("AdaptiveMaxPool2d", [("output_size", _REQ), ("return_indices", False)],
     lambda s, x: _fc.adaptive_max_pool2d(x, s.output_size, s.return_indices),
     "Maxima over adaptive windows of (H, W).",
     _X + ">>> print(mint.nn.AdaptiveMaxPool2d(1)(mint.ones((1, 1, 2, 2))).shape)\n(1, 1, 1, 1)",
     None, ("output_size",)),
    ("MaxUnpool2d", [("kernel_size", _REQ), ("stride", None), ("padding", 0)],
     lambda s, x, indices, output_size=None: _fc.max_unpool2d(x, indices, s.kernel_size, s.stride,
                                                             s.padding, output_size),
     "Places values at the indices of :func:`max_pool2d` (inputs: values, indices, optional output_size).",
     _X + ">>> v, i = mint.nn.functional.max_pool2d(mint.ones((1, 1, 2, 2)), 2, return_indices=True)\n"
     ">>> print(mint.nn.MaxUnpool2d(2)(v, i).shape)\n(1, 1, 2, 2)"),
    ("Upsample", [("size", None), ("scale_factor", None), ("mode", "nearest"), ("align_corners", None),
                  ("recompute_scale_factor", None)],
     lambda s, x: _fc.interpolate(x, s.size, s.scale_factor, s.mode, s.align_corners, s.recompute_scale_factor),
     ":func:`interpolate` with the stored arguments.",
     _X + ">>> print(mint.nn.Upsample(scale_factor=2.0)(ms.Tensor([[[1.0, 2.0]]])))\n[[[1. 1. 2. 2.]]]",
     "UpsampleExt"),
    ("UpsamplingNearest2d", [("size", None), ("scale_factor", None)],
     lambda s, x: _fc.interpolate(x, s.size, s.scale_factor, "nearest"), "Nearest-neighbour 2-D resizing.",
     _X + ">>> print(mint.nn.UpsamplingNearest2d(scale_factor=2.0)(mint.ones((1, 1, 2, 2))).shape)\n(1, 1, 4, 4)"),
    ("UpsamplingBilinear2d", [("size", None), ("scale_factor", None)],
     lambda s, x: _fc.interpolate(x, s.size, s.scale_factor, "bilinear", True),
     "Bilinear 2-D resizing with aligned corners.",
     _X + ">>> print(mint.nn.UpsamplingBilinear2d(size=(3, 3))(mint.ones((1, 1, 2, 2))).shape)\n(1, 1, 3, 3)"),
    ("Unfold", [("kernel_size", _REQ), ("dilation", 1), ("padding", 0), ("stride", 1)],
     lambda s, x: _fc.unfold(x, s.kernel_size, s.dilation, s.padding, s.stride), ":func:`unfold` (im2col).",
     _X + ">>> print(mint.nn.Unfold(2)(mint.ones((1, 1, 3, 3))).shape)\n(1, 4, 4)"),
    ("Fold", [("output_size", _REQ), ("kernel_size", _REQ), ("dilation", 1), ("padding", 0), ("stride", 1)],
     lambda s, x: _fc.fold(x, s.output_size, s.kernel_size, s.dilation, s.padding, s.stride),
     ":func:`fold` (col2im).",
     _X + ">>> print(mint.nn.Fold((3, 3), 2)(mint.ones((1, 4, 4))).shape)\n(1, 1, 3, 3)"),
]


def _pad_cell(name, n, mode, value_arg):
    def call(s, x):
        p = s.padding
        pads = tuple(p) if isinstance(p, (tuple, list)) else (p,) * (2 * n)
        return _fc.pad(x, pads, mode, s.value if value_arg else (0.0 if mode == "constant" else None))
    params = [("padding", _REQ)] + ([("value", _REQ)] if value_arg else [])
    example = (_X + f">>> print(mint.nn.{name}(1{', 0.0' if value_arg else ''})"
               f"(mint.ones((1,) + (2,) * {n})).shape)\n({', '.join(['1'] + ['4'] * n)})")
    return (name, params, call, f"Pads the last {n} dim(s) ({mode}).", example)


for _n in (1, 2, 3):
    _TABLE += [_pad_cell(f"ZeroPad{_n}d", _n, "constant", False),
               _pad_cell(f"ConstantPad{_n}d", _n, "constant", True),
               _pad_cell(f"ReflectionPad{_n}d", _n, "reflect", False),
               _pad_cell(f"ReplicationPad{_n}d", _n, "replicate", False)]


def _loss(name, fn, params, summary, example):
    names = [p for p, _ in params]
    return (name, params, lambda s, x, t: fn(x, t, **{k: getattr(s, k) for k in names}), summary, example)


_TABLE += [
    _loss("MSELoss", _fl.mse_loss, [("reduction", "mean")], ":func:`mse_loss`.",
          _X + ">>> print(mint.nn.MSELoss()(ms.Tensor([1.0, 3.0]), ms.Tensor([0.0, 0.0])))\n5.0"),
    _loss("L1Loss", _fl.l1_loss, [("reduction", "mean")], ":func:`l1_loss`.",
          _X + ">>> print(mint.nn.L1Loss()(ms.Tensor([1.0, 2.0]), ms.Tensor([0.0, 0.0])))\n1.5"),
    _loss("SmoothL1Loss", _fl.smooth_l1_loss, [("reduction", "mean"), ("beta", 1.0)], ":func:`smooth_l1_loss`.",
          _X + ">>> print(mint.nn.SmoothL1Loss()(ms.Tensor([1.0, 0.2]), ms.Tensor([0.0, 0.0])))\n0.26"),
    _loss("CrossEntropyLoss", _fl.cross_entropy, [("weight", None), ("ignore_index", -100),
                                                  ("reduction", "mean"), ("label_smoothing", 0.0)],
          ":func:`cross_entropy` of logits and class indices or probabilities.",
          _X + ">>> print(mint.nn.CrossEntropyLoss()(ms.Tensor([[0.0, 0.0]]), ms.Tensor([1])))\n0.6931472"),
    _loss("NLLLoss", _fl.nll_loss, [("weight", None), ("ignore_index", -100), ("reduction", "mean")],
          ":func:`nll_loss` of log-probabilities.",
          _X + ">>> print(mint.nn.NLLLoss()(ms.Tensor([[-1.0, -2.0]]), ms.Tensor([1])))\n2.0"),
    _loss("BCELoss", _fl.binary_cross_entropy, [("weight", None), ("reduction", "mean")],
          ":func:`binary_cross_entropy` of probabilities.",
          _X + ">>> print(mint.nn.BCELoss()(ms.Tensor([0.5]), ms.Tensor([1.0])))\n0.6931472"),
    _loss("BCEWithLogitsLoss", _fl.binary_cross_entropy_with_logits,
          [("weight", None), ("reduction", "mean"), ("pos_weight", None)],
          ":func:`binary_cross_entropy_with_logits`.",
          _X + ">>> print(mint.nn.BCEWithLogitsLoss()(ms.Tensor([0.0]), ms.Tensor([1.0])))\n0.6931472"),
    _loss("KLDivLoss", _fl.kl_div, [("reduction", "mean"), ("log_target", False)], ":func:`kl_div`.",
          _X + ">>> print(mint.nn.KLDivLoss(reduction='sum')(ms.Tensor([-1.0, -2.0]), ms.Tensor([0.5, 0.5])))\n0.8068528"),
    _loss("SoftMarginLoss", _fl.soft_margin_loss, [("reduction", "mean")], ":func:`soft_margin_loss`.",
          _X + ">>> print(mint.nn.SoftMarginLoss()(ms.Tensor([0.0]), ms.Tensor([1.0])))\n0.6931472"),
    ("CosineEmbeddingLoss", [("margin", 0.0), ("reduction", "mean")],
     lambda s, a, b, t: _fl.cosine_embedding_loss(a, b, t, s.margin, s.reduction),
     ":func:`cosine_embedding_loss` (inputs: input1, input2, target).",
     _X + ">>> print(mint.nn.CosineEmbeddingLoss()(ms.Tensor([[1.0, 0.0]]), ms.Tensor([[1.0, 0.0]]), ms.Tensor([1.0])))\n0.0"),
]

NAMES = tuple(row[0] for row in _TABLE)
for _row in _TABLE:
    globals()[_row[0]] = _make(*_row)
del _row, _n
__all__ = list(NAMES)
