"""More of ``mindspore.ops.operations._grad_ops`` (``G``): the backward primitives of the inverse
trigonometric and hyperbolic functions, the reciprocal (``InvGrad``), the shrinks, softplus, ELU,
dropout, the KL-divergence and sigmoid cross-entropy losses, L2 normalisation, ``Slice`` /
``StridedSlice`` and layer normalisation, with MindSpore 2.10's argument orders and values (read
off its CPU kernels: ``KLDivLossGrad`` is ``-target·dy`` everywhere, as MindSpore's own backward
rule of ``KLDivLoss`` uses it). The slice gradients are the vector-Jacobian products of the
forward primitive, so they agree with our own gradients by construction. ``_grad_ops`` exports
every class here."""
from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_four import _attrs, _document, _tensor

__all__ = ["InvGrad", "AtanGrad", "AsinGrad", "ACosGrad", "AcoshGrad", "AsinhGrad", "EluGrad",
           "HShrinkGrad", "SoftShrinkGrad", "SoftplusGrad", "DropoutGrad", "KLDivLossGrad",
           "SigmoidCrossEntropyWithLogitsGrad", "L2NormalizeGrad", "SliceGrad", "StridedSliceGrad",
           "LayerNormGrad", "LRNGrad", "MaxPoolGradWithArgmaxV2"]


def _pair(op, a, b, names):
    """Two Tensor inputs of one dtype (MindSpore's kernels take no mixed dtypes)."""
    a, b = _tensor(op, names[0], a), _tensor(op, names[1], b)
    if a.dtype != b.dtype:
        raise DTypeError(f"For '{op}', '{names[0]}' and '{names[1]}' must have one dtype, but got "
                         f"{a.dtype} and {b.dtype}.")
    return a, b


def _elementwise(op, names, rule):
    """A gradient ``rule(first, second)`` of two same-dtype inputs named `names`."""
    def call(self, first, second):
        return rule(self, *_pair(op, first, second, names))
    return call


def _conj(v):
    """`v` conjugated when complex: a complex gradient is ``dout·conj(f'(x))``, as MindSpore's
    kernels compute it."""
    return F.conj(v) if v.dtype in (mstype.complex64, mstype.complex128) else v


def _inv_grad(self, y, dy):
    # d(1/x) = -1/x² = -y².
    return -(dy * _conj(y * y))


def _shrink_grad(op):
    def rule(self, dy, x):
        return F.select(F.abs(x) > float(self.lambd), dy, F.zeros_like(dy))
    return _elementwise(op, ("gradients", "features"), rule)


def _dropout_grad(self, dy, mask):
    dy, mask = _pair("DropoutGrad", dy, mask, ("dy", "mask"))
    keep = float(self.keep_prob)
    if not 0.0 < keep <= 1.0:
        raise ShapeError(f"For 'DropoutGrad', 'keep_prob' must be in (0, 1], but got {keep}.")
    return dy * mask * (1.0 / keep)


def _kl_div_loss_grad(self, grads, x, target):
    op = "KLDivLossGrad"
    x, target = _pair(op, x, target, ("x", "target"))
    grads = _tensor(op, "grads", grads)
    if x.shape != target.shape:
        raise ShapeError(f"For '{op}', 'x' and 'target' must have one shape, but got "
                         f"{tuple(x.shape)} and {tuple(target.shape)}.")
    dx = -(target * grads)
    if self.reduction == "mean":
        return dx / max(x.size, 1)
    if self.reduction == "batchmean":
        return dx / (x.shape[0] if x.ndim else 1)
    if self.reduction in ("sum", "none"):
        return dx
    raise ShapeError(f"For '{op}', 'reduction' must be 'none', 'mean', 'batchmean' or 'sum', but "
                     f"got {self.reduction!r}.")


def _sigmoid_ce_grad(self, logits, labels, dout):
    op = "SigmoidCrossEntropyWithLogitsGrad"
    x, y = _pair(op, logits, labels, ("logits", "labels"))
    return (F.sigmoid(x) - y) * _tensor(op, "dout", dout)


def _l2_normalize_grad(self, x, out, dout):
    op = "L2NormalizeGrad"
    x, out = _pair(op, x, out, ("input_x", "out"))
    dout = _tensor(op, "dout", dout)
    axis = self.axis
    axes = tuple(axis) if isinstance(axis, (tuple, list)) else (axis,)
    if not all(isinstance(a, int) and -x.ndim <= a < max(x.ndim, 1) for a in axes):
        raise ShapeError(f"For '{op}', 'axis' must be in [-{x.ndim}, {x.ndim}), but got {axis}.")
    # out = x / sqrt(max(Σx², ε)), so dx = (dout - out·Σ(out·dout)) / sqrt(max(Σx², ε)).
    norm = F.sqrt(F.maximum(F.sum(x * x, axes, True), Tensor(float(self.epsilon), x.dtype)))
    return (dout - out * F.sum(out * dout, axes, True)) / norm


def _vjp(op, forward, dy, zeros):
    out, back = F.vjp(forward, zeros)
    if tuple(out.shape) != tuple(dy.shape) and out.size == dy.size:
        dy = dy.reshape(out.shape)  # MindSpore's kernels read `dy` as a flat buffer
    if tuple(out.shape) != tuple(dy.shape):
        raise ShapeError(f"For '{op}', 'dy' must have the shape of the forward output, "
                         f"{tuple(out.shape)}, but got {tuple(dy.shape)}.")
    return back(dy)[0]


def _slice_grad(self, dy, x, begin, size):
    from ._operations_array import Slice
    dy, x = _tensor("SliceGrad", "dy", dy), _tensor("SliceGrad", "x", x)
    return _vjp("SliceGrad", lambda t: Slice()(t, begin, size), dy, F.zeros(x.shape, dy.dtype))


def _strided_slice_grad(self, dy, shapex, begin, end, strides):
    from ._operations_array import StridedSlice
    from .function._args import const_ints
    dy = _tensor("StridedSliceGrad", "dy", dy)
    shape = const_ints(shapex)
    if not isinstance(shape, (tuple, list)):
        raise DTypeError(f"For 'StridedSliceGrad', 'shapex' must be a tuple of ints, but got "
                         f"{type(shapex).__name__}.")
    forward = StridedSlice(self.begin_mask, self.end_mask, self.ellipsis_mask, self.new_axis_mask,
                           self.shrink_axis_mask)
    return _vjp("StridedSliceGrad", lambda t: forward(t, begin, end, strides), dy,
                F.zeros(tuple(int(s) for s in shape), dy.dtype))


def _axis(op, name, v, ndim):
    if not isinstance(v, int) or not -ndim <= v < max(ndim, 1):
        raise ShapeError(f"For '{op}', '{name}' must be an int in [-{ndim}, {ndim}), but got {v}.")
    return v % max(ndim, 1)


def _layer_norm_grad(self, x, dy, variance, mean, gamma):
    """``(dx, dgamma, dbeta)`` of ``LayerNorm`` at the saved mean and variance (ε = 1e-12, as
    MindSpore's kernel): with ``x̂ = (x - mean)·r``, ``r = (var + ε)^(-1/2)`` and ``g = dy·gamma``,
    ``dx = r·(g - mean(g) - x̂·mean(g·x̂))`` over the normalised axes."""
    op = "LayerNormGrad"
    x, dy = _pair(op, x, dy, ("x", "dy"))
    variance, mean = _tensor(op, "variance", variance), _tensor(op, "mean", mean)
    gamma = _tensor(op, "gamma", gamma)
    if x.shape != dy.shape:
        raise ShapeError(f"For '{op}', 'x' and 'dy' must have one shape, but got "
                         f"{tuple(x.shape)} and {tuple(dy.shape)}.")
    norm_axis = _axis(op, "begin_norm_axis", self.begin_norm_axis, x.ndim)
    params_axis = _axis(op, "begin_params_axis", self.begin_params_axis, x.ndim)
    norm_axes = tuple(range(norm_axis, x.ndim))
    batch_axes = tuple(range(params_axis))
    r = F.rsqrt(variance + 1e-12)
    xhat = (x - mean) * r
    g = dy * gamma
    dx = r * (g - F.mean(g, norm_axes, True) - xhat * F.mean(g * xhat, norm_axes, True))
    dgamma = F.sum(dy * xhat, batch_axes) if batch_axes else dy * xhat
    dbeta = F.sum(dy, batch_axes) if batch_axes else dy
    return dx, dgamma.reshape(gamma.shape), dbeta.reshape(gamma.shape)


def _lrn_grad(self, grads, x, y):
    """The gradient of ``LRN`` with these attributes at `x` (`y`, its output, unused)."""
    from ._operations_3d import LRN
    op = "LRNGrad"
    grads, x = _pair(op, grads, x, ("grads", "x"))
    forward = LRN(self.depth_radius, self.bias, self.alpha, self.beta)
    return _vjp(op, forward, grads, x)


def _max_pool_grad_with_argmax_v2(self, x, grad, argmax):
    """`grad` added at `argmax`, an index over ``H·W`` of each sample and channel (as
    ``MaxPoolWithArgmaxV2`` gives it), of an `x`-shaped zero Tensor."""
    op = "MaxPoolGradWithArgmaxV2"
    x, grad = _pair(op, x, grad, ("x", "grad"))
    argmax = _tensor(op, "argmax", argmax)
    if x.ndim != 4 or grad.shape != argmax.shape or grad.ndim != 4 or grad.shape[:2] != x.shape[:2]:
        raise ShapeError(f"For '{op}', 'x' must be 4-D and 'grad' and 'argmax' of one 4-D shape "
                         f"with its batch and channels, but got {tuple(x.shape)}, "
                         f"{tuple(grad.shape)} and {tuple(argmax.shape)}.")
    n, c, h, w = x.shape
    flat = F.zeros((n, c, h * w), grad.dtype)
    index = argmax.reshape(n, c, -1).astype(mstype.int64)
    dx = F.tensor_scatter_elements(flat, index, grad.reshape(n, c, -1), axis=2, reduction="add")
    return dx.reshape(x.shape)


_MASKS = [("begin_mask", 0), ("end_mask", 0), ("ellipsis_mask", 0), ("new_axis_mask", 0),
          ("shrink_axis_mask", 0)]

_CLASSES = [
    ("InvGrad", [], "(y, dy)", "``−dy·y²``, `y` the reciprocal's output (conjugated for complex).",
     _elementwise("InvGrad", ("y", "dy"), _inv_grad)),
    ("AtanGrad", [], "(x, dout)", "``dout / (1 + x²)``.",
     _elementwise("AtanGrad", ("x", "dout"), lambda s, x, d: d / _conj(1 + x * x))),
    ("AsinGrad", [], "(x, dout)", "``dout / √(1 − x²)``.",
     _elementwise("AsinGrad", ("x", "dout"), lambda s, x, d: d * _conj(F.rsqrt(1 - x * x)))),
    ("ACosGrad", [], "(x, dout)", "``−dout / √(1 − x²)``.",
     _elementwise("ACosGrad", ("x", "dout"), lambda s, x, d: -(d * _conj(F.rsqrt(1 - x * x))))),
    ("AcoshGrad", [], "(y, dout)", "``dout / sinh(y)``, `y` the inverse hyperbolic cosine's output.",
     _elementwise("AcoshGrad", ("y", "dout"), lambda s, y, d: d / _conj(F.sinh(y)))),
    ("AsinhGrad", [], "(y, dout)", "``dout / cosh(y)``, `y` the inverse hyperbolic sine's output.",
     _elementwise("AsinhGrad", ("y", "dout"), lambda s, y, d: d / _conj(F.cosh(y)))),
    ("EluGrad", [], "(dy, y)", "`dy` where the ELU's output ``y ≥ 0``, ``dy·(y + 1)`` below.",
     _elementwise("EluGrad", ("dy", "y"),
                  lambda s, dy, y: F.select(y < 0, dy * (y + 1), dy))),
    ("HShrinkGrad", [("lambd", 0.5)], "(gradients, features)",
     "`gradients` where ``|features| > lambd``, 0 elsewhere.", _shrink_grad("HShrinkGrad")),
    ("SoftShrinkGrad", [("lambd", 0.5)], "(input_grad, input_x)",
     "`input_grad` where ``|input_x| > lambd``, 0 elsewhere.", _shrink_grad("SoftShrinkGrad")),
    ("SoftplusGrad", [], "(gradients, features)", "``gradients·σ(features)``.",
     _elementwise("SoftplusGrad", ("gradients", "features"), lambda s, d, x: d * F.sigmoid(x))),
    ("DropoutGrad", [("keep_prob", 0.5)], "(dy, mask)", "``dy·mask / keep_prob``.", _dropout_grad),
    ("KLDivLossGrad", [("reduction", "mean")], "(grads, x, target)",
     "``−target·grads``, divided by the element count for ``'mean'`` and by the batch size for "
     "``'batchmean'``.", _kl_div_loss_grad),
    ("SigmoidCrossEntropyWithLogitsGrad", [], "(logits, labels, dout)",
     "``(σ(logits) − labels)·dout``.", _sigmoid_ce_grad),
    ("L2NormalizeGrad", [("axis", 0), ("epsilon", 1e-4)], "(input_x, out, dout)",
     "the gradient of ``L2Normalize(axis, epsilon)`` at `input_x` (its output `out`) for `dout`.",
     _l2_normalize_grad),
    ("SliceGrad", [], "(dy, x, begin, size)",
     "`dy` written into zeros of `x`'s shape at ``Slice()(x, begin, size)``'s elements.",
     _slice_grad),
    ("StridedSliceGrad", _MASKS, "(dy, shapex, begin, end, strides)",
     "`dy` written into zeros of shape `shapex` at the elements ``StridedSlice`` with these masks "
     "selects.", _strided_slice_grad),
    ("LayerNormGrad", [("begin_norm_axis", 1), ("begin_params_axis", 1)],
     "(x, dy, variance, mean, gamma)",
     "``(dx, dgamma, dbeta)`` of a layer norm at the saved `mean` and `variance`.",
     _layer_norm_grad),
    ("LRNGrad", [("depth_radius", 5), ("bias", 1.0), ("alpha", 1.0), ("beta", 0.5)], "(grads, x, y)",
     "the gradient of ``LRN`` with these arguments at `x` for `grads` (`y`, its output, unused).",
     _lrn_grad),
    ("MaxPoolGradWithArgmaxV2", [("kernel_size", 1), ("strides", None), ("pads", 0), ("dilation", 1),
                                 ("ceil_mode", False), ("argmax_type", mstype.int64)],
     "(x, grad, argmax)",
     "`grad` added at the positions `argmax` (indices over ``H·W`` per sample and channel) of an "
     "`x`-shaped zero Tensor.", _max_pool_grad_with_argmax_v2),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)
    globals()[_name].__module__ = "easy_mindspore.ops._grad_ops"

# One example per class (the values MindSpore 2.10 prints for the same call).
_V = ["x = ms.Tensor([-0.5, 0.25, 0.75, 0.0])", "d = ms.Tensor([1., 2., 3., 4.])"]
_Y = ["y = ms.Tensor([1.5, 2.0, 3.0, 1.25])", "d = ms.Tensor([1., 2., 3., 4.])"]
_EXAMPLES = {
    "InvGrad": (_Y, "G.InvGrad()(y, d)", "[ -2.25  -8.   -27.    -6.25]"),
    "AtanGrad": (_V, "G.AtanGrad()(x, d).asnumpy().round(4)", "[0.8    1.8824 1.92   4.    ]"),
    "AsinGrad": (_V, "G.AsinGrad()(x, d).asnumpy().round(4)", "[1.1547 2.0656 4.5356 4.    ]"),
    "ACosGrad": (_V, "G.ACosGrad()(x, d).asnumpy().round(4)", "[-1.1547 -2.0656 -4.5356 -4.    ]"),
    "AcoshGrad": (_Y, "G.AcoshGrad()(y, d).asnumpy().round(4)", "[0.4696 0.5514 0.2995 2.497 ]"),
    "AsinhGrad": (_V, "G.AsinhGrad()(x, d).asnumpy().round(4)", "[0.8868 1.9391 2.3172 4.    ]"),
    "EluGrad": (_V, "G.EluGrad()(d, x)", "[0.5 2.  3.  4. ]"),
    "HShrinkGrad": (_V, "G.HShrinkGrad(0.3)(d, x)", "[1. 0. 3. 0.]"),
    "SoftShrinkGrad": (_V, "G.SoftShrinkGrad(0.3)(d, x)", "[1. 0. 3. 0.]"),
    "SoftplusGrad": (_V, "G.SoftplusGrad()(d, x).asnumpy().round(4)", "[0.3775 1.1244 2.0375 2.    ]"),
    "DropoutGrad": (_V, "G.DropoutGrad(0.5)(d, ms.Tensor([1., 0., 1., 0.]))", "[2. 0. 6. 0.]"),
    "KLDivLossGrad": (_V, "G.KLDivLossGrad('none')(d, x, ms.Tensor([-1., 0., 0.5, 2.]))",
                      "[ 1.  -0.  -1.5 -8. ]"),
    "SigmoidCrossEntropyWithLogitsGrad": (
        _V, "G.SigmoidCrossEntropyWithLogitsGrad()(x, ms.Tensor([0., 1., 1., 0.]), d).asnumpy().round(4)",
        "[ 0.3775 -0.8756 -0.9625  2.    ]"),
    "L2NormalizeGrad": (_Y, "G.L2NormalizeGrad(0, 1e-4)(y, y / ops.norm(y), d).asnumpy().round(4)",
                        "[-0.1804 -0.078  -0.117   0.622 ]"),
    "SliceGrad": ([], "G.SliceGrad()(ms.Tensor([[1., 2.]]), ops.zeros((2, 3)), (1, 1), (1, 2))",
                  "[[0. 0. 0.]\n [0. 1. 2.]]"),
    "StridedSliceGrad": ([], "G.StridedSliceGrad()(ms.Tensor([[1., 2.]]), (2, 3), (1, 0), (2, 3), (1, 2))",
                         "[[0. 0. 0.]\n [1. 0. 2.]]"),
    "LayerNormGrad": (["x = ms.Tensor([[0., 1., 2.], [3., 4., 5.]])",
                       "dy = ops.ones((2, 3)) * ms.Tensor([1., 2., 3.])",
                       "m, v = x.mean(-1, keep_dims=True), x.var(-1, keepdims=True)"],
                      "G.LayerNormGrad(1, 1)(x, dy, v, m, ms.Tensor([1., 0.5, 2.]))[2]", "[2. 4. 6.]"),
    "LRNGrad": (["x = ms.Tensor(np.arange(1., 5., dtype=np.float32).reshape(1, 4, 1, 1))",
                 "y = ops.LRN(1, 1.0, 0.5, 0.5)(x)"],
                "G.LRNGrad(1, 1.0, 0.5, 0.5)(ops.ones((1, 4, 1, 1)), x, y).reshape(-1).asnumpy().round(4)",
                "[ 0.414   0.0633 -0.0733  0.0126]"),
    "MaxPoolGradWithArgmaxV2": (
        ["x = ops.zeros((1, 1, 2, 2))"],
        "G.MaxPoolGradWithArgmaxV2(2, 2)(x, ms.Tensor([[[[5.]]]]), ms.Tensor([[[[3]]]], ms.int32))",
        "[[[[0. 0.]\n   [0. 5.]]]]"),
}

_IMPORT = "from mindspore.ops.operations import _grad_ops as G"
for _name in __all__:
    _setup, _shown, _printed = _EXAMPLES[_name]
    _document(globals()[_name], {_name: ([_IMPORT] + _setup, _shown, _printed)})
