"""``nn.AdaFactor``: parameter names and values against what MindSpore 2.10 printed on CPU for the
same steps, every option against a Float64 NumPy transcription of the documented rule, and the
argument errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn

W = np.array([[1.0, -2.0, 3.0], [0.5, 0.1, -1.0]], np.float32)
B = np.array([0.3, -0.2, 0.1], np.float32)
GW = np.array([[0.1, 0.2, -0.3], [0.4, -0.5, 0.6]], np.float32)
GB = np.array([1.0, -1.0, 0.5], np.float32)


def test_defaults_equal_mindspore():
    w, b = Parameter(Tensor(W), name="w"), Parameter(Tensor(B), name="b")
    opt = nn.AdaFactor([w, b])
    assert [n for n, _ in opt.parameters_and_names()] == [
        "global_step", "learning_rate", "w", "b", "exp_avg.w", "exp_avg.b", "exp_avg_sq_row_w",
        "exp_avg_sq_row_b", "exp_avg_sq_col_w", "exp_avg_sq_col_b", "exp_avg_sq_w", "exp_avg_sq_b",
        "afactor_step"]
    assert opt.exp_avg_sq_row[0].shape == (2,) and opt.exp_avg_sq_col[0].shape == (3,)
    assert opt.exp_avg_sq[0].shape == (1,) and opt.exp_avg_sq[1].shape == (3,)
    # MindSpore 2.10 on CPU, after each of three steps with the same gradients.
    expected = [
        ([[0.99901384, -2.0015101, 3.0018184], [0.49831805, 0.10160971, -1.0015507]],
         [0.29978397, -0.19978398, 0.09978398]),
        ([[0.99713963, -2.00438, 3.0052743], [0.49512142, 0.10466905, -1.0044978]],
         [0.29937372, -0.19937374, 0.09937374]),
        ([[0.9944652, -2.0084753, 3.0102057], [0.49055985, 0.10903472, -1.0087034]],
         [0.29878905, -0.19878908, 0.09878907]),
    ]
    for ew, eb in expected:
        assert opt((Tensor(GW), Tensor(GB))) == (True, True)
        np.testing.assert_allclose(w.asnumpy(), ew, rtol=2e-7, atol=1e-7)
        np.testing.assert_allclose(b.asnumpy(), eb, rtol=2e-7, atol=1e-7)
    assert float(opt.step.asnumpy()[0]) == 3.0 and int(opt.global_step.asnumpy()[0]) == 3


def test_fixed_rate_with_decay_equals_mindspore():
    # MindSpore 2.10: learning_rate=0.05, relative_step=False, scale_parameter=False,
    # weight_decay=0.1, three steps of random gradients (seed 0) on a (2, 2, 3) and a (4,) parameter.
    rng = np.random.default_rng(0)
    w0, b0 = rng.standard_normal((2, 2, 3)).astype(np.float32), rng.standard_normal(4).astype(np.float32)
    grads = [(rng.standard_normal((2, 2, 3)).astype(np.float32), rng.standard_normal(4).astype(np.float32))
             for _ in range(3)]
    w, b = Parameter(Tensor(w0), name="w"), Parameter(Tensor(b0), name="b")
    opt = nn.AdaFactor([w, b], learning_rate=0.05, relative_step=False, scale_parameter=False, weight_decay=0.1)
    for gw, gb in grads:
        opt((Tensor(gw), Tensor(gb)))
    np.testing.assert_allclose(w.asnumpy().ravel(), [
        0.1339329, -0.1262555, 0.6153534, 0.0932618, -0.5129141, 0.339586,
        1.3001757, 0.9118667, -0.6959369, -1.2661779, -0.6040253, 0.049333], rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(b.asnumpy(), [-2.2782304, -0.2125805, -1.2288306, -0.7173206], rtol=1e-6)


def _reference(w, grads, lr=None, eps=(1e-30, 1e-3), clip=1.0, decay_rate=0.8, beta1=0.9, wd=0.0,
               scale=True, relative=True, warmup=False):
    """The documented Adafactor rule in Float64."""
    w = w.astype(np.float64)
    m = np.zeros_like(w)
    factored = w.ndim >= 2
    row = np.zeros(w.shape[:-1]) if factored else None
    col = np.zeros(w.shape[:-2] + w.shape[-1:]) if factored else None
    v = np.zeros_like(w)
    rms = lambda x: np.sqrt(np.mean(x * x))  # noqa: E731
    for t, g in enumerate(grads, 1):
        g = g.astype(np.float64)
        rho = min(1e-6 * t if warmup else 1e-2, 1 / np.sqrt(t)) if relative else lr
        alpha = rho * max(eps[1], rms(w)) if scale else rho
        b2 = 1 - t ** -decay_rate
        u0 = g * g + eps[0]
        if factored:
            row = b2 * row + (1 - b2) * u0.mean(-1)
            col = b2 * col + (1 - b2) * u0.mean(-2)
            u = g / np.sqrt(row / row.mean(-1, keepdims=True))[..., None] / np.sqrt(col)[..., None, :]
        else:
            v = b2 * v + (1 - b2) * u0
            u = g / np.sqrt(v)
        u = u / max(1.0, rms(u) / clip) * alpha
        if beta1:
            m = beta1 * m + (1 - beta1) * u
            u = m
        w = w - wd * alpha * w - u
    return w


@pytest.mark.parametrize("shape", [(5,), (3, 4), (2, 3, 4)])
@pytest.mark.parametrize("options", [
    {}, {"beta1": 0.0}, {"warmup_init": True, "decay_rate": 0.5, "clip_threshold": 0.5},
    {"learning_rate": 0.01, "relative_step": False, "weight_decay": 0.2},
    {"learning_rate": 0.03, "relative_step": False, "scale_parameter": False, "eps": (1e-20, 1e-2)},
])
def test_every_option_against_the_formula(shape, options):
    rng = np.random.default_rng(len(shape))
    w0 = rng.standard_normal(shape)
    grads = [rng.standard_normal(shape) for _ in range(4)]
    w = Parameter(Tensor(w0), name="w")
    opt = nn.AdaFactor([w], **options)
    for g in grads:
        opt((Tensor(g),))
    names = {"learning_rate": "lr", "clip_threshold": "clip", "weight_decay": "wd", "scale_parameter": "scale",
             "relative_step": "relative", "warmup_init": "warmup"}
    expected = _reference(w0, grads, **{names.get(k, k): v for k, v in options.items()})
    np.testing.assert_allclose(w.asnumpy(), expected, rtol=1e-12, atol=1e-12)


def test_a_schedule_turns_the_relative_rate_and_scaling_off():
    w = Parameter(Tensor(np.ones((2, 2))), name="w")
    schedule = nn.ExponentialDecayLR(0.1, 0.5, 1)
    opt = nn.AdaFactor([w], learning_rate=schedule, relative_step=False)
    g = np.full((2, 2), 0.5)
    opt((Tensor(g),))
    # Step 1 at rate 0.1 (no parameter scale): u = g/√(g² + ε₁) = 1 per element, RMS 1, m = 0.1·u.
    np.testing.assert_allclose(w.asnumpy(), 1 - 0.1 * 0.1, rtol=1e-8)  # the schedule computes in Float32


@pytest.mark.parametrize("kwargs, error", [
    ({"learning_rate": 0.1}, ValueError), ({"relative_step": False}, ValueError),
    ({"warmup_init": True, "relative_step": False, "learning_rate": 0.1}, ValueError),
    ({"eps": (1e-30,)}, ValueError), ({"eps": 1e-3}, TypeError), ({"decay_rate": 1.5}, ValueError),
    ({"clip_threshold": 1}, TypeError), ({"beta1": -0.5}, ValueError), ({"weight_decay": 1.5}, ValueError),
    ({"scale_parameter": 1}, TypeError), ({"eps": (1e-30, -1.0)}, ValueError),
])
def test_argument_errors_have_mindspores_classes(kwargs, error):
    with pytest.raises(error, match="AdaFactor"):
        nn.AdaFactor([Parameter(Tensor(W), name="w")], **kwargs)


def test_gradient_count_and_shape_errors():
    opt = nn.AdaFactor([Parameter(Tensor(W), name="w")])
    with pytest.raises(ValueError):
        opt((Tensor(GW), Tensor(GB)))
    with pytest.raises(ValueError):
        opt((Tensor(GB),))


def _train(jit, steps=30):
    ms.set_seed(5)
    net = nn.Dense(3, 1)
    opt = nn.AdaFactor(net.trainable_params(), learning_rate=0.1, relative_step=False, scale_parameter=False)
    loss_fn = nn.MSELoss()
    grad_fn = ms.value_and_grad(lambda x, y: loss_fn(net(x), y), None, opt.parameters)

    def step(x, y):
        loss, grads = grad_fn(x, y)
        opt(grads)
        return loss

    step = ms.jit(step) if jit else step
    rng = np.random.default_rng(1)
    x = rng.standard_normal((64, 3)).astype(np.float32)
    x, y = Tensor(x), Tensor((x @ np.array([[1.0], [-2.0], [0.5]], np.float32)))
    losses = [float(step(x, y)) for _ in range(steps)]
    return losses, net.weight.asnumpy()


def test_trains_a_model_eagerly_and_under_jit_alike():
    eager_losses, eager_w = _train(False)
    jit_losses, jit_w = _train(True)
    assert eager_losses[-1] < 0.5 * eager_losses[0]
    np.testing.assert_allclose(jit_losses, eager_losses, rtol=1e-5)
    np.testing.assert_allclose(jit_w, eager_w, rtol=1e-5)
