"""Linear regression on D2L's synthetic data (y = Xw + b + noise, w = [2, -3.4], b = 4.2) with
nn.Dense, nn.MSELoss and nn.SGD, batches from ms.dataset.NumpySlicesDataset.

    python examples/linear_regression.py
"""
import numpy as np

import easy_mindspore as ms
from easy_mindspore import nn


def synthetic_data(w, b, num_examples, rng):
    x = rng.normal(0, 1, (num_examples, len(w))).astype(np.float32)
    y = x @ w + b + rng.normal(0, 0.01, num_examples)
    return x, y.reshape(-1, 1).astype(np.float32)


def main(epochs=3, quiet=False):
    ms.set_seed(0)
    true_w, true_b = np.array([2.0, -3.4]), 4.2
    features, labels = synthetic_data(true_w, true_b, 1000, np.random.default_rng(0))
    data = ms.dataset.NumpySlicesDataset((features, labels), shuffle=True).batch(10)
    net = nn.SequentialCell(nn.Dense(2, 1, weight_init="normal", bias_init="zeros"))
    loss_fn = nn.MSELoss()
    opt = nn.SGD(net.trainable_params(), learning_rate=0.03)
    grad_fn = ms.value_and_grad(lambda x, y: loss_fn(net(x), y), None, opt.parameters)
    for epoch in range(epochs):
        for x, y in data:
            _, grads = grad_fn(x, y)
            opt(grads)
        loss = loss_fn(net(ms.Tensor(features)), ms.Tensor(labels))
        if not quiet:
            print(f"epoch {epoch + 1}, loss {float(loss):f}")
    w, b = net[0].weight.asnumpy().reshape(-1), net[0].bias.asnumpy()
    print(f"error in estimating w: {true_w - w}")
    print(f"error in estimating b: {true_b - b}")
    return w, b


if __name__ == "__main__":
    main()
