"""A LeNet-style CNN on the bundled 8×8 digits: Conv2d, BatchNorm2d, MaxPool2d, Dropout and
Dense from easy_mindspore.nn, Adam, and one training step per batch through ms.value_and_grad.

    python examples/digits_lenet.py [--epochs 20] [--no-plot]

Prints the loss per epoch and the final test accuracy (≥ 97%); saves digits_lenet.png when
matplotlib is importable."""
import argparse

import easy_mindspore as ms
from easy_mindspore import nn

from _train_utils import Progress, accuracy, digits_split, save_curves


class LeNet(nn.Cell):
    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.SequentialCell(
            nn.Conv2d(1, 16, 3, has_bias=True), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(16, 32, 3, has_bias=True), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2, 2))
        self.flatten = nn.Flatten()
        self.dropout = nn.Dropout(p=0.3)
        self.fc1 = nn.Dense(32 * 2 * 2, 64, activation="relu")
        self.fc2 = nn.Dense(64, num_classes)

    def construct(self, x):
        x = self.flatten(self.features(x))
        return self.fc2(self.fc1(self.dropout(x)))


def main(epochs=20, plot=True, quiet=False):
    ms.set_seed(0)
    x_train, y_train, x_test, y_test = digits_split(shape=(-1, 1, 8, 8))
    data = ms.dataset.NumpySlicesDataset((x_train, y_train), shuffle=True).batch(32)
    net = LeNet()
    if not quiet:
        print(net)
    loss_fn = nn.CrossEntropyLoss()
    opt = nn.Adam(net.trainable_params(), learning_rate=2e-3)

    def forward(x, y):
        return loss_fn(net(x), y)

    grad_fn = ms.value_and_grad(forward, None, opt.parameters)
    losses, accs = [], []
    for epoch in range(epochs):
        if epoch == int(epochs * 0.75):
            opt.learning_rate = 5e-4
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
    if plot and save_curves("digits_lenet.png", losses, accs):
        print("curves saved to digits_lenet.png")
    print(f"final test accuracy: {accs[-1]:.4f}")
    return losses, accs[-1]


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--epochs", type=int, default=20)
    p.add_argument("--no-plot", action="store_true")
    a = p.parse_args()
    main(a.epochs, not a.no_plot)
