"""The Python/Rust contract has one owner per concern (DESIGN §7). The native module is reached
through typed constructors, never a kind string; a Python exception raised inside a callback comes
back unchanged through every native transform."""
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


class TestCallbackErrors:
    class Mine(Exception):
        pass

    def boom(self, *_):
        raise self.Mine("from the callback")

    @pytest.mark.parametrize("run", [
        lambda f: ems.jit(f)(a),
        lambda f: ems.jvp(f, a, a),
        lambda f: ems.vjp(f, a),
        lambda f: ems.grad(f)(a),
        lambda f: ems.vmap(f)(ems.ones((2, 3))),
        lambda f: ems.jacfwd(f)(a),
        lambda f: ems.jacrev(f)(a),
        lambda f: ems.custom_vjp(f, bprop=lambda x, out, dout: (dout,))(a),
        lambda f: ems.grad(ems.custom_vjp(lambda x: x * 1, bprop=f))(a),
    ], ids=["jit", "jvp", "vjp", "grad", "vmap", "jacfwd", "jacrev", "custom_vjp", "bprop"])
    def test_a_python_exception_comes_back_unchanged(self, run):
        with pytest.raises(self.Mine, match="^from the callback$"):
            run(self.boom)
        # The engine's own errors are still its own afterwards.
        with pytest.raises(ems.ShapeError):
            run(lambda *x: a + ems.ones(2))
