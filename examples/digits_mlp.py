"""An MLP on the bundled 8×8 digits, written as D2L-MindSpore code: nn.Cell, nn.Dense,
SoftmaxCrossEntropyWithLogits, SGD with momentum, ms.value_and_grad over opt.parameters.

    python examples/digits_mlp.py [--epochs 30] [--no-plot]

Prints the loss per epoch and the final test accuracy (≥ 95%); saves digits_mlp.png when
matplotlib is importable."""
import argparse

import easy_mindspore as ms
from easy_mindspore import nn

from _train_utils import Progress, accuracy, digits_split, save_curves


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(64, 128)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(128, 10)

    def construct(self, x):
        return self.fc2(self.relu(self.fc1(x)))


def main(epochs=30, plot=True, quiet=False):
    ms.set_seed(0)
    x_train, y_train, x_test, y_test = digits_split()
    data = ms.dataset.NumpySlicesDataset((x_train, y_train), shuffle=True).batch(32)
    net = Net()
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")
    opt = nn.SGD(net.trainable_params(), learning_rate=0.05, momentum=0.9)

    def forward(x, y):
        return loss_fn(net(x), y)

    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    losses, accs = [], []
    for epoch in range(epochs):
        net.set_train()
        total, n = 0.0, 0
        bar = Progress(data.create_tuple_iterator(), data.get_dataset_size(),
                       f"epoch {epoch + 1:2d}/{epochs}") if not quiet else data
        for x, y in bar:
            loss, grads = grad_fn(x, y)
            opt(grads)
            total += float(loss)
            n += 1
            if not quiet:
                bar.postfix = f"loss {total / n:.4f}"
        losses.append(total / n)
        accs.append(accuracy(net, x_test, y_test))
        if not quiet:
            print(f"epoch {epoch + 1:2d}: loss {losses[-1]:.4f}, test accuracy {accs[-1]:.4f}")
    if plot and save_curves("digits_mlp.png", losses, accs):
        print("curves saved to digits_mlp.png")
    print(f"final test accuracy: {accs[-1]:.4f}")
    return losses, accs[-1]


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--no-plot", action="store_true")
    a = p.parse_args()
    main(a.epochs, not a.no_plot)
