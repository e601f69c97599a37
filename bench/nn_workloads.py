"""The training-step workloads of ``bench/compare.py`` written with layers, a loss cell and an
optimizer, the way a MindSpore (or PyTorch) user writes them (not a test).

W5ms  W5's MLP step with ``nn.Dense``, ``nn.SoftmaxCrossEntropyWithLogits(sparse=True,
      reduction='mean')``, ``nn.SGD`` and ``ms.value_and_grad(net_with_loss, None,
      optimizer.parameters)``; PyTorch: ``nn.Linear``, ``nn.CrossEntropyLoss``, ``optim.SGD``
W7    D2L's LeNet (conv 6@5x5 pad 2, sigmoid, avgpool 2/2, conv 16@5x5, sigmoid, avgpool,
      dense 120/84/10), batch 64 of 1x28x28, one SGD step (lr 0.1)
W8    D2L's char-level language model step: ``nn.LSTM`` hidden 256 over 35 steps of batch 32
      one-hot vectors (vocab 28), ``nn.Dense`` to the vocabulary, cross-entropy, gradient clipping
      to global norm 1 (``ops.clip_by_global_norm`` / ``clip_grad_norm_``), SGD (lr 1)
W8g   W8 with ``nn.GRU``
W9    ``nn.TransformerEncoderLayer`` (d_model 256, 4 heads, feed-forward 1024, dropout 0) over
      ``(seq 64, batch 32, 256)``, mean-squared error to a fixed target, SGD (lr 0.01)

Every library starts from the same float32 weights (drawn here with NumPy, copied into each
library's layers). A step returns ``[loss, gradients..., updated parameters...]`` in one
canonical order (the weights of dense layers as ``[out, in]``), which ``compare.py`` checks
against a reference before timing: W5ms against W5's float64 NumPy step, the others against the
same PyTorch step run in float64.
"""

BATCH7, LR7 = 64, 0.1
VOCAB, HIDDEN8, STEPS8, BATCH8, LR8, CLIP8 = 28, 256, 35, 32, 1.0, 1.0
D9, HEADS9, FF9, SEQ9, BATCH9, LR9 = 256, 4, 1024, 64, 32, 0.01


class NnData:
    """The inputs and initial weights of W5ms and W7-W9, as float32 NumPy arrays (seeded)."""

    def __init__(self, data):
        import numpy as np

        rng = np.random.default_rng(7)
        f32 = np.float32

        def uniform(shape, fan_in):
            bound = 1 / fan_in ** 0.5
            return rng.uniform(-bound, bound, shape).astype(f32)

        # W5ms: W5's inputs; Dense/Linear weights are [out, in], W5's are [in, out].
        self.w5_x = data.w5_x
        self.w5_labels = data.w5_y.argmax(1).astype(np.int32)
        self.w5_params = [p.T.copy() if p.ndim == 2 else p for p in data.w5_params]
        # W7: LeNet.
        self.w7_x = rng.standard_normal((BATCH7, 1, 28, 28), dtype=f32)
        self.w7_labels = rng.integers(0, 10, BATCH7).astype(np.int32)
        shapes = [((6, 1, 5, 5), 25), ((6,), 25), ((16, 6, 5, 5), 150), ((16,), 150),
                  ((120, 400), 400), ((120,), 400), ((84, 120), 120), ((84,), 120),
                  ((10, 84), 84), ((10,), 84)]
        self.w7_params = [uniform(s, f) for s, f in shapes]
        # W8/W8g: one-hot characters, the next character as label.
        tokens = rng.integers(0, VOCAB, (STEPS8 + 1, BATCH8))
        self.w8_x = np.eye(VOCAB, dtype=f32)[tokens[:-1]]                      # [T, B, V]
        self.w8_labels = tokens[1:].reshape(-1).astype(np.int32)              # [T·B]
        self.w8_params = {}
        for kind, gates in (("lstm", 4), ("gru", 3)):
            g = gates * HIDDEN8
            self.w8_params[kind] = [uniform((g, VOCAB), HIDDEN8), uniform((g, HIDDEN8), HIDDEN8),
                                    uniform((g,), HIDDEN8), uniform((g,), HIDDEN8),
                                    uniform((VOCAB, HIDDEN8), HIDDEN8), uniform((VOCAB,), HIDDEN8)]
        # W9: one encoder layer; canonical order = MindSpore's (and PyTorch's) parameter order.
        self.w9_x = rng.standard_normal((SEQ9, BATCH9, D9), dtype=f32)
        self.w9_target = rng.standard_normal((SEQ9, BATCH9, D9), dtype=f32)
        self.w9_params = [uniform((3 * D9, D9), D9), np.zeros(3 * D9, f32),
                          uniform((D9, D9), D9), np.zeros(D9, f32),
                          uniform((FF9, D9), D9), uniform((FF9,), D9),
                          uniform((D9, FF9), FF9), uniform((D9,), FF9),
                          np.ones(D9, f32), np.zeros(D9, f32), np.ones(D9, f32), np.zeros(D9, f32)]


def _load(params, arrays, what):
    """Copies ``arrays`` into ``params`` in order, checking each shape."""
    params = list(params)
    if len(params) != len(arrays):
        raise AssertionError(f"{what}: {len(params)} parameters, {len(arrays)} arrays")
    for p, a in zip(params, arrays):
        if tuple(p.shape) != a.shape:
            raise AssertionError(f"{what}: parameter of shape {tuple(p.shape)}, array {a.shape}")
        yield p, a


# --- easy_mindspore, written as a MindSpore user writes it -----------------------------------------

def make_easy_mindspore_nn(nd, jit=False):
    """{workload: (call, as_arrays)} for W5ms, W7, W8, W8g, W9 (``ms.jit`` on the step when
    ``jit``)."""
    import easy_mindspore as ms
    from easy_mindspore import nn, ops

    def trainer(net, loss_fn, lr, clip=None):
        """The MindSpore training step: value_and_grad over the optimizer's parameters, then
        the optimizer; returns (loss, grads) so the first step can be checked."""
        for p, a in _load(net.trainable_params(), arrays_of[net], type(net).__name__):
            p.set_data(ms.Tensor(a))
        optimizer = nn.SGD(net.trainable_params(), learning_rate=lr)
        grad_fn = ms.value_and_grad(nn.WithLossCell(net, loss_fn), None, optimizer.parameters)

        def train_step(x, y):
            loss, grads = grad_fn(x, y)
            if clip is not None:
                grads = ops.clip_by_global_norm(grads, clip)
            optimizer(grads)
            return loss, grads

        step = ms.jit(train_step) if jit else train_step

        def as_arrays(out):
            loss, grads = out
            return [loss.asnumpy()] + [g.asnumpy() for g in grads] + \
                [p.asnumpy() for p in optimizer.parameters]
        return step, as_arrays

    sparse_ce = lambda: nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")  # noqa: E731
    arrays_of = {}
    out = {}

    mlp = nn.SequentialCell([nn.Dense(784, 256), nn.ReLU(), nn.Dense(256, 256), nn.ReLU(),
                             nn.Dense(256, 10)])
    arrays_of[mlp] = nd.w5_params
    step5, arrays5 = trainer(mlp, sparse_ce(), 0.1)
    x5, y5 = ms.Tensor(nd.w5_x), ms.Tensor(nd.w5_labels)
    out["W5ms"] = (lambda: step5(x5, y5), arrays5)

    lenet = nn.SequentialCell([
        nn.Conv2d(1, 6, 5, pad_mode="pad", padding=2, has_bias=True), nn.Sigmoid(),
        nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5, pad_mode="valid", has_bias=True), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Flatten(), nn.Dense(400, 120), nn.Sigmoid(), nn.Dense(120, 84), nn.Sigmoid(),
        nn.Dense(84, 10)])
    arrays_of[lenet] = nd.w7_params
    step7, arrays7 = trainer(lenet, sparse_ce(), LR7)
    x7, y7 = ms.Tensor(nd.w7_x), ms.Tensor(nd.w7_labels)
    out["W7"] = (lambda: step7(x7, y7), arrays7)

    class RNNModel(nn.Cell):
        """D2L's RNNModel: a recurrent layer, then a Dense layer on every step's output."""

        def __init__(self, rnn):
            super().__init__()
            self.rnn = rnn
            self.dense = nn.Dense(HIDDEN8, VOCAB)

        def construct(self, x):
            y, _ = self.rnn(x)
            return self.dense(y.reshape((-1, HIDDEN8)))

    x8, y8 = ms.Tensor(nd.w8_x), ms.Tensor(nd.w8_labels)
    for w, kind, layer in (("W8", "lstm", nn.LSTM), ("W8g", "gru", nn.GRU)):
        model = RNNModel(layer(VOCAB, HIDDEN8))
        arrays_of[model] = nd.w8_params[kind]
        step8, arrays8 = trainer(model, sparse_ce(), LR8, clip=CLIP8)
        out[w] = ((lambda s: lambda: s(x8, y8))(step8), arrays8)

    encoder = nn.TransformerEncoderLayer(D9, HEADS9, dim_feedforward=FF9, dropout=0.0)
    arrays_of[encoder] = nd.w9_params
    step9, arrays9 = trainer(encoder, nn.MSELoss(), LR9)
    x9, t9 = ms.Tensor(nd.w9_x), ms.Tensor(nd.w9_target)
    out["W9"] = (lambda: step9(x9, t9), arrays9)
    return out


# --- PyTorch, written as a PyTorch user writes it ---------------------------------------------------

def _torch_steps(nd, dtype):
    """{workload: (call, as_arrays)} with PyTorch modules in ``dtype`` (float32 to time,
    float64 for the reference)."""
    import torch
    from torch import nn

    def trainer(model, loss_fn, arrays, lr, clip=None):
        model = model.to(dtype)
        with torch.no_grad():
            for p, a in _load(model.parameters(), arrays, type(model).__name__):
                p.copy_(torch.from_numpy(a))
        params = list(model.parameters())
        optimizer = torch.optim.SGD(params, lr=lr)

        def step(x, y):
            optimizer.zero_grad()
            loss = loss_fn(model(x), y)
            loss.backward()
            if clip is not None:
                nn.utils.clip_grad_norm_(params, clip)
            optimizer.step()
            return loss

        def as_arrays(loss):
            return [loss.detach().numpy()] + [p.grad.numpy() for p in params] + \
                [p.detach().numpy() for p in params]
        return step, as_arrays

    t = lambda a: torch.from_numpy(a).to(dtype)  # noqa: E731
    label = lambda a: torch.from_numpy(a).long()  # noqa: E731
    out = {}
    mlp = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                        nn.Linear(256, 10))
    step5, arrays5 = trainer(mlp, nn.CrossEntropyLoss(), nd.w5_params, 0.1)
    x5, y5 = t(nd.w5_x), label(nd.w5_labels)
    out["W5ms"] = (lambda: step5(x5, y5), arrays5)

    lenet = nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(),
        nn.Linear(400, 120), nn.Sigmoid(), nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))
    step7, arrays7 = trainer(lenet, nn.CrossEntropyLoss(), nd.w7_params, LR7)
    x7, y7 = t(nd.w7_x), label(nd.w7_labels)
    out["W7"] = (lambda: step7(x7, y7), arrays7)

    class RNNModel(nn.Module):
        def __init__(self, rnn):
            super().__init__()
            self.rnn = rnn
            self.linear = nn.Linear(HIDDEN8, VOCAB)

        def forward(self, x):
            y, _ = self.rnn(x)
            return self.linear(y.reshape(-1, HIDDEN8))

    x8, y8 = t(nd.w8_x), label(nd.w8_labels)
    for w, kind, layer in (("W8", "lstm", nn.LSTM), ("W8g", "gru", nn.GRU)):
        step8, arrays8 = trainer(RNNModel(layer(VOCAB, HIDDEN8)), nn.CrossEntropyLoss(),
                                 nd.w8_params[kind], LR8, clip=CLIP8)
        out[w] = ((lambda s: lambda: s(x8, y8))(step8), arrays8)

    encoder = nn.TransformerEncoderLayer(D9, HEADS9, dim_feedforward=FF9, dropout=0.0)
    step9, arrays9 = trainer(encoder, nn.MSELoss(), nd.w9_params, LR9)
    x9, t9 = t(nd.w9_x), t(nd.w9_target)
    out["W9"] = (lambda: step9(x9, t9), arrays9)
    return out


def make_torch_nn(nd):
    return _torch_steps(nd, __import__("torch").float32)


def torch_reference(w, nd):
    """Workload ``w``'s first step in PyTorch float64 (ImportError without PyTorch)."""
    import torch

    call, as_arrays = _torch_steps(nd, torch.float64)[w]
    return [a.copy() for a in as_arrays(call())]


def w5ms_reference(w5_ref):
    """W5's float64 step ``[loss, 6 grads, 6 params]`` in W5ms's layout (weights ``[out, in]``)."""
    return [a.T if a.ndim == 2 else a for a in w5_ref]
