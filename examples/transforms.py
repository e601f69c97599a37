"""Function transforms beyond grad, in MindSpore's spelling: per-example gradients with vmap,
Jacobians and a Hessian, and a custom gradient rule. Run: python examples/transforms.py"""
import easy_mindspore as ems
import mindspore as ms          # resolves to easy_mindspore when MindSpore is not installed
import mindspore.ops as ops

# A least-squares loss for one example; vmap(grad(...)) gives one gradient per example.
def loss(w, x, y):
    return (ops.dot(x, w) - y) ** 2

w = ems.Tensor([1.0, -1.0])
xs = ems.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
ys = ems.Tensor([0.0, 1.0, 2.0])
per_example = ms.vmap(ms.grad(loss), in_axes=(None, 0, 0))(w, xs, ys)
print("per-example gradients:\n", per_example)          # row i: 2 (x_i·w - y_i) x_i
batch = ms.grad(lambda w: ms.vmap(loss, (None, 0, 0))(w, xs, ys).mean())(w)
print("their mean is the batch gradient:", bool((abs(per_example.mean(axis=0) - batch) < 1e-5).all()))

# Jacobians have shape out.shape + in.shape; the Hessian of Σ x³ is diag(6x).
x = ems.arange(4.0)
print("jacfwd(x*x):\n", ms.jacfwd(lambda v: v * v)(x))
print("hessian(sum(x**3)):\n", ems.hessian(lambda v: (v ** 3).sum())(x))

# A custom gradient: the identity whose backward pass clips the incoming gradient to [-1, 1].
@ems.custom_vjp
def clip_gradient(v):
    return v

@clip_gradient.defbprop
def clip_gradient_bprop(v, out, dout):
    return (ops.clip_by_value(dout, -1.0, 1.0),)

print("clipped gradient:", ms.grad(lambda v: (clip_gradient(v) * 5).sum())(x))   # 1s, not 5s
