"""mindspore.nn.probability as MindSpore 2.10 behaves: its constructors' argument checks (error
classes and messages measured on MindSpore 2.10), distributions and bijectors of one's own written
against MindSpore's base-class protocol (``_add_parameter``, ``_check_param_type``,
``_check_value_dtype``, ``cast_param_by_value``; NotImplementedError for what a subclass leaves
out), and the helpers of ``mindspore.nn.probability.distribution._utils``."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn
import easy_mindspore.nn.probability.bijector as msb
import easy_mindspore.nn.probability.distribution as msd
from easy_mindspore.nn.probability.distribution._utils import custom_ops, utils


def t(*v, dtype=np.float32):
    return Tensor(np.array(v, dtype))


# --- constructors ---------------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda **k: msd.Normal(0.5, 2.0, **k), lambda **k: msd.Uniform(-1.0, 1.0, **k),
    lambda **k: msd.Exponential([0.5], **k), lambda **k: msd.Gamma([2.0], [0.5], **k),
    lambda **k: msd.Beta([2.0], [3.0], **k), lambda **k: msd.Bernoulli([0.4], **k),
    lambda **k: msd.Geometric([0.4], **k), lambda **k: msd.Categorical([0.4, 0.6], **k),
    lambda **k: msd.Poisson([2.0], **k), lambda **k: msd.LogNormal(0.0, 2.0, **k),
    lambda **k: msd.Logistic(0.0, 2.0, **k), lambda **k: msd.Cauchy(0.0, 2.0, **k),
    lambda **k: msd.Gumbel(0.0, 2.0, **k),
])
def test_seed_and_name_checks_are_mindspores(make):
    name = type(make()).__name__
    with pytest.raises(TypeError, match=f"For '{name}', the 'seed' must be int, but got 'str'"):
        make(seed="7")
    with pytest.raises(TypeError, match="the 'seed' must be int, but got 'float'"):
        make(seed=3.0)
    with pytest.raises(TypeError, match="must >= 0, but got 'True' with type 'bool'"):
        make(seed=True)
    with pytest.raises(ValueError, match=r"must >= 0, but got '-2' with type 'int'"):
        make(seed=-2)
    with pytest.raises(TypeError, match="the type of 'name' should be 'str', but got type 'int'"):
        make(name=5)
    assert make(seed=None).seed == 0 and make(seed=11).seed == 11


def test_dtype_checks():
    with pytest.raises(TypeError, match=r"the 'dtype' should be one of .*but got 'mindspore.int16'"):
        msd.Logistic(0.0, 1.0, dtype=ms.int16)
    with pytest.raises(TypeError, match="'dtype' should be one of"):
        msd.Geometric([0.5], dtype=ms.bool_)
    assert msd.Bernoulli([0.5], dtype=ms.float16).dtype == ms.float16


def test_gamma_beta_poisson_take_no_python_numbers():
    with pytest.raises(TypeError, match="Input rate can't be scalar"):
        msd.Gamma([2.0], 3)
    with pytest.raises(TypeError, match="Input concentration0 can't be scalar"):
        msd.Beta(np.array([2.0], np.float32), 0.5)
    # checked before the seed, as MindSpore does
    with pytest.raises(TypeError, match="Input rate can't be scalar"):
        msd.Poisson(2.5, seed="s")
    assert msd.Gamma(np.array([2.0], np.float32), t(1.0)).batch_shape == (1,)


def test_parameters_checks():
    with pytest.raises(TypeError, match="Input cannot be Type Bool"):
        msd.Normal(0.0, True)
    with pytest.raises(TypeError, match="Unable to convert input of type <class 'tuple'>"):
        msd.Exponential((1.0, 2.0))
    with pytest.raises(TypeError, match="sd should have the same dtype as other arguments"):
        msd.Normal(t(0.0), t(1.0, dtype=np.float16))
    with pytest.raises(ValueError, match="low must be less than high"):
        msd.Uniform([0.0, 2.0], [1.0, 2.0])
    # probabilities strictly inside (0, 1) at construction
    for bad, msg in ((0.0, "greater than zero"), (1.0, "less than one")):
        for cls in (msd.Bernoulli, msd.Geometric):
            with pytest.raises(ValueError, match=f"Probabilities must be {msg}"):
                cls([0.5, bad])
    with pytest.raises(ValueError, match="Probabilities must be greater than zero"):
        msd.Categorical([0.0, 1.0])
    with pytest.raises(ValueError, match="should sum to one"):
        msd.Categorical([0.3, 0.3])
    with pytest.raises(ValueError, match="must have rank >= 1"):
        msd.Categorical(0.5)


def test_shapes_and_parameters_as_mindspore():
    c = msd.Categorical([[0.5, 0.5], [0.25, 0.75]])
    assert (c.batch_shape, c.broadcast_shape, c.is_scalar_batch) == ((2, 2), (2,), False)
    assert c.sample((3,)).shape == (3, 2)
    n = msd.Normal(0.0, 1.0)
    assert n.parameters == {"mean": 0.0, "sd": 1.0, "seed": None, "dtype": ms.float32,
                            "name": "Normal", "param_dict": {"mean": 0.0, "sd": 1.0}}
    assert n.parameter_names == ["mean", "sd"] and n.get_dist_type() == "Normal"
    assert [v.asnumpy().tolist() for v in n.get_dist_args(t(3.0))] == [[3.0], 1.0]
    assert n.sample(shape=(4,)).shape == (4,)
    with pytest.raises(TypeError, match="For shape, input type must be a tuple"):
        n.sample(4)
    with pytest.raises(TypeError, match="For value, input type must be a Tensor or Parameter"):
        n.prob(0.5)
    with pytest.raises(TypeError, match="For sd, input type must be a Tensor or Parameter"):
        n.mean(t(1.0), 2.0)
    with pytest.raises(ValueError, match="Expected dist input is Normal, but got Cauchy"):
        n.kl_loss("Cauchy", t(0.0), t(1.0))
    with pytest.raises(NotImplementedError, match="median is not implemented for Normal distribution"):
        n("median")


# --- distributions of one's own -------------------------------------------------------------

class Rayleigh(msd.Distribution):
    """A distribution written against MindSpore's protocol: density and mean only."""

    def __init__(self, scale=None, seed=None, dtype=ms.float32, name="Rayleigh"):
        param = dict(locals())
        param["param_dict"] = {"scale": scale}
        super().__init__(seed, dtype, name, param)
        self._scale = self._add_parameter(scale, "scale")

    def _log_prob(self, value, scale=None):
        value = self._check_value(value, "value")
        scale = self._check_param_type(scale)
        return (value / (scale * scale)).log() - value * value / (2 * scale * scale)

    def _mean(self, scale=None):
        return self._check_param_type(scale) * float(np.sqrt(np.pi / 2))


class Nothing(msd.Distribution):
    def __init__(self, rate=None, seed=None, dtype=ms.float32, name="Nothing"):
        param = dict(locals())
        param["param_dict"] = {"rate": rate}
        super().__init__(seed, dtype, name, param)


def test_a_distribution_of_ones_own():
    r = Rayleigh(2.0)
    assert r.parameter_names == ["scale"] and r.parameter_type == ms.float32
    assert r.parameters["param_dict"] == {"scale": 2.0} and r.is_scalar_batch
    x = t(1.0, 3.0)
    want = x.asnumpy() / 4 * np.exp(-x.asnumpy() ** 2 / 8)
    np.testing.assert_allclose(r.prob(x).asnumpy(), want, rtol=1e-6)  # exp of its log_prob
    np.testing.assert_allclose(r("prob", x).asnumpy(), want, rtol=1e-6)
    np.testing.assert_allclose(r.mean(t(1.0)).asnumpy(), [np.sqrt(np.pi / 2)], rtol=1e-6)
    with pytest.raises(TypeError, match="the type scale must be subclass of Tensor"):
        Rayleigh().mean()
    with pytest.raises(TypeError, match="For scale, input type must be a Tensor"):
        r.mean(1.0)
    with pytest.raises(NotImplementedError, match="cdf is not implemented for Rayleigh distribution"):
        r.cdf(x)
    # sd derives from neither: NotImplementedError, through the Cell call as well
    with pytest.raises(NotImplementedError, match="sd is not implemented for Rayleigh"):
        r("sd")


@pytest.mark.parametrize("mode", [ms.PYNATIVE_MODE, ms.GRAPH_MODE])
@pytest.mark.parametrize("method", ["prob", "log_prob", "cdf", "log_cdf", "survival_function",
                                    "log_survival", "sd", "var", "mode", "mean", "entropy",
                                    "kl_loss", "cross_entropy", "sample", "get_dist_args",
                                    "get_dist_type"])
def test_what_a_subclass_leaves_out_is_not_implemented(mode, method):
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.d = Nothing()

        def construct(self, x):
            return self.d(method, x) if method != "get_dist_type" else self.d(method)

    ms.set_context(mode=mode)
    try:
        with pytest.raises(NotImplementedError, match="is not implemented for Nothing distribution"):
            Net()(t(0.5))
        with pytest.raises(NotImplementedError):
            getattr(Nothing(), method)(*(() if method == "get_dist_type" else (t(0.5),)))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


# --- bijectors ------------------------------------------------------------------------------

class Affine(msb.Bijector):
    def __init__(self, a, b, dtype=None):
        param = dict(locals())
        param["param_dict"] = {"a": a, "b": b}
        super().__init__(name="Affine", dtype=dtype, param=param)
        self._a = self._add_parameter(a, "a")
        self._b = self._add_parameter(b, "b")

    def _forward(self, x):
        x = self._check_value_dtype(x)
        return self.cast_param_by_value(x, self._a) * x + self.cast_param_by_value(x, self._b)


def test_a_bijector_of_ones_own():
    f32 = lambda v: np.array(v, np.float32)  # noqa: E731 - 0-d arrays (a NumPy scalar is refused)
    b = Affine(f32(3.0), f32([1.0, -1.0]))
    assert b.batch_shape == (2,) and not b.is_scalar_batch and b.parameter_names == ["a", "b"]
    y = b.forward(t(1.0, 2.0))
    assert y.asnumpy().tolist() == [4.0, 5.0]
    assert b.forward(t(1.0, dtype=np.float16)).dtype == ms.float16  # the parameters follow
    with pytest.raises(TypeError, match="the type must be or be subclass of Float, but got Int32"):
        b.forward(t(1, dtype=np.int32))
    with pytest.raises(TypeError, match="For input value of bijector, input type must be a Tensor"):
        b.forward([1.0])
    fixed = Affine(f32(3.0), f32(1.0), dtype=ms.float32)
    with pytest.raises(TypeError):
        fixed.forward(t(1.0, dtype=np.float16))
    with pytest.raises(TypeError, match="a should have the same dtype as the bijector's dtype"):
        Affine(np.array(3.0), f32(1.0), dtype=ms.float32)
    with pytest.raises(TypeError, match="b should have the same dtype as other arguments"):
        Affine(f32(3.0), np.array(1.0))
    with pytest.raises(TypeError, match="'dtype of a' should be one of"):
        Affine(np.array(3, np.int32), np.array(1, np.int32))
    with pytest.raises(TypeError, match="Unable to convert input of type <class 'numpy.float32'>"):
        Affine(np.float32(3.0), f32(1.0))
    with pytest.raises(AttributeError):
        b.inverse(t(1.0))  # not defined by the subclass


def test_bijector_checks_and_calls():
    for make in (lambda: msb.PowerTransform(power="2"), lambda: msb.Softplus(sharpness="k"),
                 lambda: msb.GumbelCDF(loc="l")):
        with pytest.raises(TypeError, match="Unable to convert input of type <class 'str'>"):
            make()
    with pytest.raises(TypeError, match="Input cannot be Type Bool"):
        msb.ScalarAffine(shift=False)
    with pytest.raises(TypeError, match="'dtype of scale' should be one of"):
        msb.ScalarAffine(2, 1.0)
    for make in (lambda: msb.Exp(name=1), lambda: msb.Softplus(name=None),
                 lambda: msb.Invert(msb.Exp(), name=2.0), lambda: msb.Bijector(param={})):
        with pytest.raises(TypeError, match="the type of 'name' should be 'str'"):
            make()
    with pytest.raises(TypeError, match="the type of 'is_constant_jacobian' should be 'bool'"):
        msb.Bijector(is_constant_jacobian=1, name="b", param={})
    with pytest.raises(TypeError, match="the 'dtype' should be one of"):
        msb.Bijector(name="b", dtype=ms.int32, param={})
    with pytest.raises(TypeError, match="the type of 'bijector' should be 'Bijector'"):
        msb.Invert("exp")
    with pytest.raises(TypeError, match="must be or be subclass of Float, but got Int32"):
        msb.Exp().forward(t(1, dtype=np.int32))
    s = msb.ScalarAffine(1.0, [2.0, 3.0])
    assert s.batch_shape == (2,) and repr(s) == "ScalarAffine(batch_shape = (2,))"
    assert s.forward(t(1.0)).asnumpy().tolist() == [3.0, 4.0]
    assert (msb.Exp().batch_shape, msb.Exp().is_scalar_batch) == ((), True)
    assert msb.Invert(msb.ScalarAffine(1.0, [2.0])).batch_shape == (1,)
    td = msb.Exp()(msd.Normal(0.0, 1.0))  # a bijector called on a distribution
    assert isinstance(td, msd.TransformedDistribution)
    np.testing.assert_allclose(td.cdf(t(1.0)).asnumpy(), [0.5], rtol=1e-6)
    with pytest.raises(NotImplementedError, match="get_dist_type is not implemented for "
                                                  "transformed_distribution"):
        td.get_dist_type()
    with pytest.raises(TypeError, match="the type of 'distribution' should be 'Distribution'"):
        msd.TransformedDistribution(msb.Exp(), "normal")


# --- _utils ---------------------------------------------------------------------------------

def test_set_param_type():
    f16, f64 = t(1.0, dtype=np.float16), t(1.0, dtype=np.float64)
    assert utils.set_param_type({"x": 2.0, "y": [1.0]}, ms.float64) == ms.float64
    assert utils.set_param_type({"x": 2.0}, ms.int32) == ms.float32
    assert utils.set_param_type({"x": f16, "y": 3.0}, ms.float32) == ms.float16
    assert utils.set_param_type({"x": f64}, ms.float64) == ms.float32  # float64 params: float32
    assert utils.set_param_type({"x": np.ones(2, np.int64)}, ms.float16) == ms.float32
    with pytest.raises(TypeError, match="y should have the same dtype as other arguments"):
        utils.set_param_type({"x": np.ones(2, np.float32), "y": f16}, ms.float32)


def test_checks_and_casts():
    assert utils.cast_to_tensor([1, 2], ms.float16).dtype == ms.float16
    with pytest.raises(ValueError, match="Input cannot be None"):
        utils.cast_to_tensor(None)
    with pytest.raises(TypeError, match="Unable to convert input of type <class 'dict'>"):
        utils.cast_to_tensor({})
    assert utils.CheckTuple()((1, 2), "shape") == (1, 2)
    with pytest.raises(TypeError, match="For shape, input type must be a tuple"):
        utils.CheckTuple()([1, 2], "shape")
    assert utils.CheckTensor()(None, "x") is None
    with pytest.raises(TypeError, match="For x, input type must be a Tensor or Parameter"):
        utils.CheckTensor()(np.ones(2), "x")
    utils.check_prob(t(0.2, 0.9))
    with pytest.raises(ValueError, match="less than one"):
        utils.check_prob(t(0.2, 1.0))
    utils.check_greater_equal_zero(t(0.0, 1.0), "w")
    with pytest.raises(ValueError, match="w must be greater than or equal to zero"):
        utils.check_greater_equal_zero(t(-1e-3), "w")
    with pytest.raises(ValueError, match="lo must be less than hi"):
        utils.check_greater(t(1.0), t(1.0), "lo", "hi")
    utils.check_sum_equal_one(t(0.25, 0.75))
    with pytest.raises(ValueError, match="sum to one"):
        utils.check_sum_equal_one(t(0.25, 0.7))
    with pytest.raises(ValueError, match="Expected dist input is Normal, but got Gamma"):
        utils.check_distribution_name("Gamma", "Normal")
    got = custom_ops.log_generic(t(-1.0, 0.0, np.e)).asnumpy()
    assert np.isnan(got[0]) and got[1] == -np.inf and got[2] == pytest.approx(1.0)
    assert custom_ops.exp_generic(t(0, dtype=np.int32)).dtype == ms.float32
    assert custom_ops.broadcast_to(t(1.0), t(1.0, 2.0, 3.0)).shape == (3,)
