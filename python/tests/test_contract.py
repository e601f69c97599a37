"""The Python/Rust contract has one owner per concern (DESIGN §7). The native module is reached
through typed constructors, never a kind string."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import _C, nn
from helpers import check

a = ems.Tensor([1.0, 2.0, 3.0])


class TestTypedNativeConstructors:
    def test_no_kind_strings_cross_into_the_native_module(self):
        for name in ("activation", "loss", "optimizer"):
            assert not hasattr(_C, name)

    def test_losses_and_optimizers_can_be_subclassed(self):
        class HalfMSE(nn.MSELoss):
            def construct(self, logits, labels):
                return super().construct(logits, labels) / 2

        check(HalfMSE()(ems.Tensor([1.0, 3.0]), ems.Tensor([0.0, 1.0])), 1.25, "Float32")
        net = nn.Dense(2, 1)

        class MySGD(nn.SGD):
            pass

        opt = MySGD(net.trainable_params(), 0.5)
        before = net.bias.asnumpy().copy()
        opt((ems.zeros((1, 2)), ems.ones(1)))
        np.testing.assert_allclose(net.bias.asnumpy(), before - 0.5)

    def test_native_constructors_check_their_arguments_with_mindspore_names(self):
        with pytest.raises(ems.ShapeError, match="For 'MSELoss', reduction must be 'mean', 'sum' or 'none'"):
            _C.mse_loss("avg")
        with pytest.raises(ems.DTypeError, match="For 'CrossEntropyLoss', weight must be a Tensor"):
            _C.cross_entropy_loss(weight=[1.0, 2.0])
        with pytest.raises(ems.DTypeError, match=r"For 'Adam', params\[0\]: expected a Parameter"):
            _C.adam([ems.ones(2)], 0.1, 0.9, 0.999, 1e-8, 0.0, False)
