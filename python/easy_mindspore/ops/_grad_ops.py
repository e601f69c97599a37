"""``mindspore.ops.operations._grad_ops`` (imported as ``G``): the gradient primitives MindSpore
builds its backward graphs from, which its own tests and older model code call directly. Each is
the backward rule of a forward primitive, with MindSpore 2.10's argument order and values (read
off its CPU kernels): the elementwise ones are closed formulas in the forward output or input;
``MaxPoolGrad``, ``AvgPoolGrad``, ``Conv2DBackpropFilter`` and ``ResizeBilinearGrad`` are the
vector-Jacobian product of the forward primitive with the same arguments, so they agree with our
own gradients by construction; ``MaxPoolGradWithArgmax`` adds each gradient at the position the
forward pass recorded (an index over ``C·H·W`` per sample, as ``MaxPoolWithArgmax`` gives it).
All of them are differentiable in their gradient input."""
import numpy as _np

from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document, _tensor
from ._operations_nn import Conv2D
from ._operations_pool import AvgPool, MaxPool
from ._resize_ops import ResizeBilinearV2
from .operations import Primitive as _Primitive

__all__ = ["ReluGrad", "ReLU6Grad", "SigmoidGrad", "TanhGrad", "SqrtGrad", "RsqrtGrad",
           "ReciprocalGrad", "SiLUGrad", "GeLUGrad", "FlattenGrad", "BiasAddGrad", "ConcatOffset",
           "MaxPoolGrad", "AvgPoolGrad", "MaxPoolGradWithArgmax", "Conv2DBackpropFilter",
           "BatchNormGrad", "ResizeBilinearGrad"]

_POOL = [("kernel_size", 1), ("strides", 1), ("pad_mode", "VALID"), ("data_format", "NCHW")]


def _masked(op, cond):
    """``dy`` where ``cond(x)`` holds, 0 elsewhere: the gradient of a piecewise-linear activation
    from its input ``x``."""
    def call(self, y_backprop, x):
        dy, x = _tensor(op, "y_backprop", y_backprop), _tensor(op, "x", x)
        return F.select(F.broadcast_to(cond(x), dy.shape), dy, F.zeros_like(dy))
    return call


def _from_output(op, rule):
    """The gradient from the forward output ``y`` and the incoming ``dy``: ``rule(y, dy)``."""
    def call(self, y, dy):
        return rule(_tensor(op, "y", y), _tensor(op, "dy", dy))
    return call


def _silu_grad(self, dout, x):
    dout, x = _tensor("SiLUGrad", "dout", dout), _tensor("SiLUGrad", "x", x)
    s = F.sigmoid(x)
    return dout * (s + x * s * (1 - s))


def _gelu_grad(self, dy, x, y):
    """MindSpore's GeLU is the tanh approximation; its derivative from the input (``y`` unused,
    as in MindSpore's kernel)."""
    dy, x = _tensor("GeLUGrad", "dy", dy), _tensor("GeLUGrad", "x", x)
    c = float(_np.sqrt(2.0 / _np.pi))
    t = F.tanh(c * (x + 0.044715 * x * x * x))
    return dy * (0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x))


def _flatten_grad(self, dout, shape):
    dout = _tensor("FlattenGrad", "dout", dout)
    if isinstance(shape, Tensor) or not isinstance(shape, (tuple, list)):
        raise ShapeError(f"For 'FlattenGrad', 'shape' must be a tuple of ints, but got "
                         f"{type(shape).__name__}.")
    return F.reshape(dout, tuple(int(s) for s in shape))


def _bias_add_grad(self, dout):
    dout = _tensor("BiasAddGrad", "dout", dout)
    if dout.ndim < 2:
        raise ShapeError(f"For 'BiasAddGrad', 'dout' must have at least 2 dimensions, but got "
                         f"shape {tuple(dout.shape)}.")
    channel = dout.ndim - 1 if self.data_format == "NHWC" else 1
    return F.sum(dout, tuple(a for a in range(dout.ndim) if a != channel))


def _concat_offset(self, x):
    """The start of each input along ``axis`` in their concatenation (0 on the other axes), an
    ``(N, rank)`` Int64 Tensor."""
    if not isinstance(x, (tuple, list)) or not x or not all(isinstance(t, Tensor) for t in x):
        raise ShapeError("For 'ConcatOffset', the input must be a non-empty tuple of Tensors.")
    rank = x[0].ndim
    if any(t.ndim != rank for t in x) or rank == 0:
        raise ShapeError(f"For 'ConcatOffset', the inputs must have one rank of at least 1, but "
                         f"got shapes {[tuple(t.shape) for t in x]}.")
    axis = int(self.axis) % rank
    out = _np.zeros((len(x), rank), _np.int64)
    out[1:, axis] = _np.cumsum([t.shape[axis] for t in x])[:-1]
    return Tensor(out)


def _forward_vjp(op, forward, grad, primal):
    """The product of `grad` with the Jacobian of ``forward`` at `primal`; `grad` must have the
    forward output's shape."""
    out, back = F.vjp(forward, primal)
    if tuple(out.shape) != tuple(grad.shape):
        raise ShapeError(f"For '{op}', the gradient must have the shape of the forward output, "
                         f"{tuple(out.shape)}, but got {tuple(grad.shape)} (input {tuple(primal.shape)}).")
    if grad.dtype != out.dtype:
        raise DTypeError(f"For '{op}', the gradient must have the dtype of the forward output, "
                         f"{out.dtype}, but got {grad.dtype}.")
    return back(grad)[0]


def _pool_grad(op, pool):
    def call(self, x, out, dout):
        x, dout = _tensor(op, "x", x), _tensor(op, "dout", dout)
        forward = pool(self.kernel_size, self.strides, self.pad_mode, self.data_format)
        return _forward_vjp(op, forward, dout, x)
    return call


def _max_pool_grad_with_argmax(self, x, grad, argmax):
    op = "MaxPoolGradWithArgmax"
    x, grad, argmax = _tensor(op, "x", x), _tensor(op, "grad", grad), _tensor(op, "argmax", argmax)
    if x.ndim != 4 or grad.shape != argmax.shape or grad.ndim != 4 or grad.shape[:2] != x.shape[:2]:
        raise ShapeError(f"For '{op}', 'x' must be 4-D and 'grad' and 'argmax' of one 4-D shape "
                         f"with its batch and channels, but got {tuple(x.shape)}, "
                         f"{tuple(grad.shape)} and {tuple(argmax.shape)}.")
    n = x.shape[0]
    flat = F.zeros((n, x.size // max(n, 1)), grad.dtype)
    index = argmax.reshape(n, -1).astype(mstype.int64)
    dx = F.tensor_scatter_elements(flat, index, grad.reshape(n, -1), axis=1, reduction="add")
    return dx.reshape(x.shape)


def _conv2d_backprop_filter(self, dout, x, filter_size):
    op = "Conv2DBackpropFilter"
    dout, x = _tensor(op, "dout", dout), _tensor(op, "x", x)
    size = tuple(int(s) for s in (filter_size.asnumpy().reshape(-1) if isinstance(filter_size, Tensor)
                                  else filter_size))
    mode = str(self.pad_mode).lower()
    pad_list = tuple(self.pad_list) if self.pad_list is not None else ()
    pad = pad_list if mode == "pad" and any(pad_list) else self.pad
    if len(size) != 4:
        raise ShapeError(f"For '{op}', 'filter_size' must have 4 entries, but got {size}.")
    # The filter's shape decides the channels and the kernel (MindSpore's kernel reads it, not the
    # `out_channel` and `kernel_size` attributes).
    forward = Conv2D(size[0], size[2:], self.mode, mode,
                     pad if mode == "pad" else 0, self.stride, self.dilation, self.group)
    return _forward_vjp(op, lambda w: forward(x, w), dout, F.zeros(size, x.dtype))


def _batch_norm_grad(self, dy, x, scale, save_mean, save_variance, reserve):
    """The batch-norm gradient at the given statistics: ``(dx, dscale, dbias)``. Training
    differentiates through the batch's mean and variance; inference treats them as constants."""
    op = "BatchNormGrad"
    dy, x, scale = _tensor(op, "dy", dy), _tensor(op, "x", x), _tensor(op, "scale", scale)
    mean, var = _tensor(op, "save_mean", save_mean), _tensor(op, "save_variance", save_variance)
    if not 0 < self.epsilon <= 1:
        raise ShapeError(f"For primitive[{op}], the epsilon must be in (0,1], but got {self.epsilon}.")
    channel = x.ndim - 1 if self.data_format == "NHWC" else 1
    if x.ndim < 2 or dy.shape != x.shape or any(
            t.shape != (x.shape[channel],) for t in (scale, mean, var)):
        raise ShapeError(f"For '{op}', 'dy' and 'x' must share a shape of at least 2-D and "
                         f"'scale', 'save_mean', 'save_variance' be (C,), but got {tuple(dy.shape)}, "
                         f"{tuple(x.shape)}, {tuple(scale.shape)}, {tuple(mean.shape)} and "
                         f"{tuple(var.shape)}.")
    axes = tuple(a for a in range(x.ndim) if a != channel)
    shape = tuple(x.shape[channel] if a == channel else 1 for a in range(x.ndim))
    rstd = F.rsqrt(var + float(self.epsilon)).reshape(shape)
    x_hat = (x - mean.reshape(shape)) * rstd
    dbias, dscale = F.sum(dy, axes), F.sum(dy * x_hat, axes)
    if not self.is_training:
        return dy * scale.reshape(shape) * rstd, dscale, dbias
    count = x.size // max(x.shape[channel], 1)
    centred = dy - dbias.reshape(shape) / count - x_hat * dscale.reshape(shape) / count
    return scale.reshape(shape) * rstd * centred, dscale, dbias


def _resize_bilinear_grad(self, grads, original_image):
    op = "ResizeBilinearGrad"
    grads, image = _tensor(op, "grads", grads), _tensor(op, "original_image", original_image)
    if grads.ndim != 4:
        raise ShapeError(f"For '{op}', 'grads' must be 4-D, but got {tuple(grads.shape)}.")
    forward = ResizeBilinearV2(self.align_corners, self.half_pixel_centers)
    return _forward_vjp(op, lambda img: forward(img, tuple(grads.shape[2:])), grads,
                        F.zeros_like(image))


_CLASSES = [
    ("ReluGrad", [], "(y_backprop, x)", "`y_backprop` where ``x > 0``, 0 elsewhere.",
     _masked("ReluGrad", lambda x: x > 0)),
    ("ReLU6Grad", [], "(y_backprop, x)", "`y_backprop` where ``0 < x ≤ 6``, 0 elsewhere.",
     _masked("ReLU6Grad", lambda x: F.logical_and(x > 0, x <= 6))),
    ("SigmoidGrad", [], "(y, dy)", "``dy·y·(1 − y)``, `y` the sigmoid's output.",
     _from_output("SigmoidGrad", lambda y, dy: dy * y * (1 - y))),
    ("TanhGrad", [], "(y, dy)", "``dy·(1 − y²)``, `y` the tanh's output.",
     _from_output("TanhGrad", lambda y, dy: dy * (1 - y * y))),
    ("SqrtGrad", [], "(y, dy)", "``dy / (2·y)``, `y` the square root's output.",
     _from_output("SqrtGrad", lambda y, dy: dy / (2 * y))),
    ("RsqrtGrad", [], "(y, dy)", "``−dy·y³ / 2``, `y` the reciprocal square root's output.",
     _from_output("RsqrtGrad", lambda y, dy: -0.5 * dy * y * y * y)),
    ("ReciprocalGrad", [], "(y, dy)", "``−dy·y²``, `y` the reciprocal's output.",
     _from_output("ReciprocalGrad", lambda y, dy: -dy * y * y)),
    ("SiLUGrad", [], "(dout, x)", "``dout·σ(x)·(1 + x·(1 − σ(x)))``.", _silu_grad),
    ("GeLUGrad", [], "(dy, x, y)", "`dy` times the derivative of the tanh-approximated GeLU at "
     "`x`.", _gelu_grad),
    ("FlattenGrad", [], "(dout, shape)", "`dout` reshaped to `shape`, the flattened input's.",
     _flatten_grad),
    ("BiasAddGrad", [("data_format", "NCHW")], "(dout)",
     "the sum of `dout` over every axis but the channel axis (1, or the last for ``'NHWC'``).",
     _bias_add_grad),
    ("ConcatOffset", [("N", 2), ("axis", 0)], "(x)",
     "each input's offset in the concatenation of the tuple `x` along `axis`, ``(N, rank)`` "
     "Int64.", _concat_offset),
    ("MaxPoolGrad", _POOL, "(x, out, dout)",
     "the gradient of ``MaxPool`` with these arguments at `x` for `dout`.",
     _pool_grad("MaxPoolGrad", MaxPool)),
    ("AvgPoolGrad", _POOL, "(x, out, dout)",
     "the gradient of ``AvgPool`` with these arguments at `x` for `dout`.",
     _pool_grad("AvgPoolGrad", AvgPool)),
    ("MaxPoolGradWithArgmax", _POOL, "(x, grad, argmax)",
     "`grad` added at the positions `argmax` (indices over ``C·H·W`` per sample) of an `x`-shaped "
     "zero Tensor.", _max_pool_grad_with_argmax),
    ("Conv2DBackpropFilter", [("out_channel", _REQUIRED), ("kernel_size", _REQUIRED),
                              ("pad_mode", "valid"), ("pad", 0), ("pad_list", (0, 0, 0, 0)),
                              ("mode", 1), ("stride", (1, 1)), ("dilation", (1, 1, 1, 1)),
                              ("group", 1), ("data_format", "NCHW")], "(dout, x, filter_size)",
     "the gradient of ``Conv2D`` with these arguments with respect to its weight of shape "
     "`filter_size`.", _conv2d_backprop_filter),
    ("BatchNormGrad", [("is_training", False), ("epsilon", 1e-5), ("data_format", "NCHW")],
     "(dy, x, scale, save_mean, save_variance, reserve)",
     "``(dx, dscale, dbias)`` of a batch norm at the given mean and variance (`reserve` unused).",
     _batch_norm_grad),
    ("ResizeBilinearGrad", [("align_corners", False), ("half_pixel_centers", False)],
     "(grads, original_image)",
     "the gradient of ``ResizeBilinearV2`` with these flags at an image shaped as "
     "`original_image`.", _resize_bilinear_grad),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)
    globals()[_name].__module__ = __name__

# One example per class (the values MindSpore 2.10 prints for the same call).
_V = ["x = ms.Tensor([-1., 0.5, 3., 6., 7.])", "d = ms.Tensor([1., 2., 3., 4., 5.])"]
_P = ["x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))",
      "d = ms.Tensor([[[[1., 2.], [3., 4.]]]])"]
_EXAMPLES = {
    "ReluGrad": (_V, "G.ReluGrad()(d, x)", "[0. 2. 3. 4. 5.]"),
    "ReLU6Grad": (_V, "G.ReLU6Grad()(d, x)", "[0. 2. 3. 4. 0.]"),
    "SigmoidGrad": (_V, "G.SigmoidGrad()(x, d)", "[  -2.     0.5  -18.  -120.  -210. ]"),
    "TanhGrad": (_V, "G.TanhGrad()(x, d)", "[   0.     1.5  -24.  -140.  -240. ]"),
    "SqrtGrad": (_V, "G.SqrtGrad()(x, d)",
                 "[-0.5         2.          0.5         0.33333334  0.35714287]"),
    "RsqrtGrad": (_V, "G.RsqrtGrad()(x, d)", "[ 5.000e-01 -1.250e-01 -4.050e+01 -4.320e+02 -8.575e+02]"),
    "ReciprocalGrad": (_V, "G.ReciprocalGrad()(x, d)", "[  -1.    -0.5  -27.  -144.  -245. ]"),
    "SiLUGrad": (_V, "G.SiLUGrad()(d, x).asnumpy().round(4)",
                 "[0.0723 1.4799 3.2643 4.0493 5.0273]"),
    "GeLUGrad": (_V, "G.GeLUGrad()(d, x, x).asnumpy().round(4)",
                 "[-0.083   1.7347  3.0348  4.      5.    ]"),
    "FlattenGrad": ([], "G.FlattenGrad()(ms.Tensor([[0., 1., 2.]]), (1, 3, 1)).shape", "(1, 3, 1)"),
    "BiasAddGrad": ([], "G.BiasAddGrad()(ms.Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 2, "
                        "2)))", "[ 60.  92. 124.]"),
    "ConcatOffset": ([], "G.ConcatOffset(3, 1)((ops.ones((2, 3)), ops.ones((2, 2)), ops.ones((2, 4))))",
                     "[[0 0]\n [0 3]\n [0 5]]"),
    "MaxPoolGrad": (_P, "G.MaxPoolGrad(2, 2)(x, ops.MaxPool(2, 2)(x), d)",
                    "[[[[0. 0. 0. 0.]\n   [0. 1. 0. 2.]\n   [0. 0. 0. 0.]\n   [0. 3. 0. 4.]]]]"),
    "AvgPoolGrad": (_P, "G.AvgPoolGrad(2, 2)(x, ops.AvgPool(2, 2)(x), d)",
                    "[[[[0.25 0.25 0.5  0.5 ]\n   [0.25 0.25 0.5  0.5 ]\n   [0.75 0.75 1.   1.  ]\n"
                    "   [0.75 0.75 1.   1.  ]]]]"),
    "MaxPoolGradWithArgmax": (_P, "G.MaxPoolGradWithArgmax(2, 2)(x, d, ops.MaxPoolWithArgmax(2, 2)"
                                  "(x)[1])[0, 0, 1]", "[0. 1. 0. 2.]"),
    "Conv2DBackpropFilter": (_P, "G.Conv2DBackpropFilter(1, 3)(ops.ones((1, 1, 2, 2)), x, (1, 1, 3, 3))",
                             "[[[[10. 14. 18.]\n   [26. 30. 34.]\n   [42. 46. 50.]]]]"),
    "BatchNormGrad": (["x = ms.Tensor([[1., 2.], [3., 6.]])", "v = ms.Tensor([1., 4.])"],
                      "G.BatchNormGrad()(x, x, v, v * 2, v, v)[1]", "[  1.99999  -11.999986]"),
    "ResizeBilinearGrad": ([], "G.ResizeBilinearGrad()(ops.ones((1, 1, 2, 4)), ops.ones((1, 1, 1, 2)))",
                           "[[[[3. 5.]]]]"),
}

_IMPORT = "from mindspore.ops.operations import _grad_ops as G"
for _name in __all__:
    _setup, _shown, _printed = _EXAMPLES[_name]
    _document(globals()[_name], {_name: ([_IMPORT] + _setup, _shown, _printed)})


class IgammaGradA(_Primitive):
    """``G.IgammaGradA()(a, x)``: the derivative of the regularised lower incomplete gamma
    function in its parameter, ``∂P(a, x)/∂a`` (the gradient ``ops.igamma`` gives `a`), of
    Float32/Float64 Tensors of one dtype (broadcast); NaN where ``a ≤ 0`` or ``x < 0``, 0 where
    ``x`` is 0.

    Outputs:
        Tensor of the broadcast shape and the inputs' dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import _grad_ops as G
        >>> print(G.IgammaGradA()(ms.Tensor([2.2, 1.0]), ms.Tensor([1.2, 0.0])))
        [-0.2662845  0.       ]
    """

    def __init__(self):
        _Primitive.__init__(self)
        self.init_prim_io_names(["a", "x"], ["z"])

    def __call__(self, a, x):
        from .function._gamma_grad import igamma_grad_a
        return igamma_grad_a(a, x)


__all__.append("IgammaGradA")

# The backward primitives of more forward primitives live in their own module.
from ._grad_ops_more import *  # noqa: F401,F403,E402
from ._grad_ops_more import __all__ as _MORE  # noqa: E402
__all__ += _MORE
