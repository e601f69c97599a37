"""train.LearningRateScheduler (called after each step with the optimizer's rate and the step
count, as MindSpore 2.10's: the calls and the final rate below are what it gave), and
mindspore.from_dlpack / mindspore.utils.from_dlpack / to_dlpack."""
import numpy as np

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.train import LearningRateScheduler, Model


def test_the_function_sees_each_step_and_sets_the_rate():
    net = nn.Dense(1, 1, weight_init="ones", bias_init="zeros")
    data = ms.dataset.NumpySlicesDataset((np.ones((4, 1), np.float32), np.zeros((4, 1), np.float32)),
                                         shuffle=False).batch(2)
    optimizer = nn.SGD(net.trainable_params(), 0.1)
    seen = []

    def halve_on_even_steps(lr, step):
        seen.append((round(lr, 6), step))
        return lr * 0.5 if step % 2 == 0 else lr

    Model(net, nn.MSELoss(), optimizer).train(2, data, callbacks=[LearningRateScheduler(halve_on_even_steps)])
    assert seen == [(0.1, 1), (0.1, 2), (0.05, 3), (0.05, 4)]
    np.testing.assert_allclose(float(optimizer.learning_rate.value()), 0.025, rtol=1e-6)
    assert ms.LearningRateScheduler is LearningRateScheduler


def test_from_dlpack_at_the_top_and_in_utils():
    x = ms.Tensor(np.arange(3, dtype=np.float32))
    assert ms.from_dlpack(ms.utils.to_dlpack(x)).asnumpy().tolist() == [0, 1, 2]
    assert ms.utils.from_dlpack(x).asnumpy().tolist() == [0, 1, 2]
