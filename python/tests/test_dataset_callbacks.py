"""``mindspore.dataset``'s pipeline callbacks: ``DSCallback`` hooks called by ``map`` on
MindSpore 2.10's schedule (checked against it: ``ds_begin`` once, epochs, every `step_size`-th
row with in-epoch and total step numbers), ``WaitedDSCallback`` synchronised with
``Model.train``, ``config.set_callback_timeout``, and the errors."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
import mindspore.dataset as ds
from mindspore import nn


class Log(ds.DSCallback):
    def __init__(self, step_size=1):
        super().__init__(step_size)
        self.log = []

    def ds_begin(self, c):
        self.log.append(("begin", c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num))

    def ds_epoch_begin(self, c):
        self.log.append(("epoch_begin", c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num))

    def ds_epoch_end(self, c):
        self.log.append(("epoch_end", c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num))

    def ds_step_begin(self, c):
        self.log.append(("step_begin", c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num))

    def ds_step_end(self, c):
        self.log.append(("step_end", c.cur_epoch_num, c.cur_step_num_in_epoch, c.cur_step_num))


def test_hooks_follow_mindspores_schedule():
    cb = Log(step_size=2)
    d = ds.NumpySlicesDataset({"x": np.arange(5)}, shuffle=False).map(lambda x: x * 2, callbacks=[cb])
    for _ in range(2):
        assert [int(r[0].asnumpy()) for r in d.create_tuple_iterator()] == [0, 2, 4, 6, 8]
    # MindSpore 2.10 on the same pipeline (its step_end calls come later, from its worker thread).
    want = [("begin", 0, 0, 0), ("epoch_begin", 1, 0, 0)]
    for epoch, base in ((1, 0), (2, 5)):
        if epoch == 2:
            want.append(("epoch_begin", 2, 0, 5))
        for i in (1, 3, 5):
            want += [("step_begin", epoch, i, base + i), ("step_end", epoch, i, base + i)]
        want.append(("epoch_end", epoch, 5, base + 5))
    assert cb.log == want


def test_only_overridden_hooks_and_bad_callbacks():
    class Steps(ds.DSCallback):
        def __init__(self):
            super().__init__()
            self.n = 0

        def ds_step_end(self, c):
            self.n += 1
    s = Steps()
    d = ds.NumpySlicesDataset({"x": np.arange(4)}, shuffle=False).map(lambda x: x, callbacks=s).batch(2)
    assert len(list(d.create_tuple_iterator())) == 2 and s.n == 4
    with pytest.raises(ValueError):
        ds.DSCallback(step_size=0)
    with pytest.raises(TypeError):
        ds.DSCallback(step_size=1.5)

    class Empty(ds.DSCallback):
        pass
    with pytest.raises(AttributeError):
        ds.NumpySlicesDataset({"x": np.arange(4)}).map(lambda x: x, callbacks=Empty())
    with pytest.raises(TypeError):
        ds.NumpySlicesDataset({"x": np.arange(4)}).map(lambda x: x, callbacks=[object()])


def test_waited_callback_follows_training_steps():
    seen = []

    class Sync(ds.WaitedDSCallback):
        def sync_step_begin(self, train_run_context, ds_run_context):
            seen.append((train_run_context.original_args().cur_step_num, ds_run_context.cur_step_num))

    sync = Sync(step_size=2)
    rng = np.random.RandomState(0)
    data = ds.NumpySlicesDataset({"x": rng.rand(6, 2).astype(np.float32), "y": rng.rand(6, 1).astype(np.float32)},
                                 shuffle=False).map(lambda x: x, input_columns=["x"], callbacks=sync).batch(2)
    net = nn.Dense(2, 1)
    model = ms.Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
    model.train(1, data, callbacks=[sync], dataset_sink_mode=False)
    # Rows 3 and 5 (the second and third batches) each waited for the step before them.
    assert seen == [(1, 3), (2, 5)]


def test_callback_timeout_config():
    assert ds.config.get_callback_timeout() == 60
    ds.config.set_callback_timeout(5)
    try:
        assert ds.config.get_callback_timeout() == 5
    finally:
        ds.config.set_callback_timeout(60)
    with pytest.raises(ValueError):
        ds.config.set_callback_timeout(0)
