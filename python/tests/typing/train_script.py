"""A user's training script, as typed code: `mypy --strict` must report no error on it (CI runs
scripts/typecheck.sh). It also runs: a small CNN and an MLP on synthetic data, trained with
value_and_grad and a jitted step."""
from __future__ import annotations

import numpy as np

import easy_mindspore as ms
from easy_mindspore import Tensor, mint, nn, ops
from easy_mindspore.dataset import GeneratorDataset


class Net(nn.Cell):
    """Conv2d, a pooling, then two Dense layers."""

    def __init__(self, classes: int) -> None:
        super().__init__()
        self.features = nn.SequentialCell(
            nn.Conv2d(1, 4, 3, pad_mode="same"),
            nn.ReLU(),
            nn.MaxPool2d(kernel_size=2, stride=2),
            nn.Flatten(),
        )
        self.fc1 = nn.Dense(4 * 4 * 4, 16)
        self.act = nn.ReLU()
        self.fc2 = nn.Dense(16, classes)

    def construct(self, x: Tensor) -> Tensor:
        h: Tensor = self.features(x)
        return self.fc2(self.act(self.fc1(h)))


def make_data(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((n, 1, 8, 8)).astype(np.float32)
    y = (x.reshape(n, -1).sum(axis=1) > 0).astype(np.int32)
    return x, y


def main() -> float:
    ms.set_seed(1)
    x_np, y_np = make_data(64)
    dataset = GeneratorDataset(list(zip(x_np, y_np)), column_names=["image", "label"],
                               shuffle=False).batch(16)
    net = Net(2)
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    optimizer = nn.Adam(net.trainable_params(), learning_rate=0.01)

    def forward(x: Tensor, y: Tensor) -> Tensor:
        logits = net(x)
        loss: Tensor = loss_fn(logits, y)
        return loss

    grad_fn = ms.value_and_grad(forward, None, optimizer.parameters)

    @ms.jit
    def train_step(x: Tensor, y: Tensor) -> Tensor:
        loss, grads = grad_fn(x, y)
        optimizer(grads)
        return loss

    losses: list[float] = []
    for _ in range(3):
        for image, label in dataset.create_tuple_iterator():
            loss = train_step(image, label)
            losses.append(float(loss.asnumpy()))

    # Tensors and ops.
    a = Tensor(np.ones((2, 3), np.float32))
    b = ops.ones((3, 4), ms.float32)
    c = ops.matmul(a, b)
    d = ops.relu(c - 1.5) * 2 + ops.exp(ops.zeros_like(c))
    e = ops.reduce_mean(d, 1)
    s = ops.sum(e)
    arr: np.ndarray = s.asnumpy()
    shape: tuple[int, ...] = d.shape
    assert shape == (2, 4) and arr.shape == ()
    f = ms.from_numpy(np.arange(3, dtype=np.float32)).reshape(3, 1).astype(ms.float64)
    assert f.dtype == ms.float64

    # A Dense on its own, and its gradient with respect to the input.
    dense = nn.Dense(3, 2)
    grad_x = ms.grad(lambda t: dense(t).sum())(a)
    assert grad_x.shape == (2, 3)

    # mindspore.mint, typed by its generated stubs.
    lin = mint.nn.Linear(3, 2)
    y: Tensor = mint.nn.functional.relu(lin(mint.ones((4, 3))))
    values, indices = mint.max(y, 1)
    total: Tensor = mint.sum(y, dim=1, keepdim=True)
    opt = mint.optim.AdamW(lin.trainable_params(), lr=0.01)
    assert total.shape == (4, 1) and values.shape == indices.shape == (4,) and opt is not None
    return losses[-1] - losses[0]


if __name__ == "__main__":
    print(f"loss change: {main():+.4f}")
