"""Bad arguments the widened sweep (``scripts/fuzz_api.py``: mindspore.numpy, mint, mint.nn,
mint.optim) found raising a foreign class, an unnamed error, or hanging: each class of fix, with
the valid behaviour next to it where the fix touched a computation."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import Parameter, Tensor, mint
from easy_mindspore import numpy as mnp
from easy_mindspore.common.initializer import initializer
from easy_mindspore.mint.nn import functional as F


# ---- mindspore.numpy: every function names itself, in MindSpore's classes -----------------------

@pytest.mark.parametrize("call, cls", [
    (lambda x: mnp.around(x, 2**62), ValueError),  # was OverflowError
    (lambda x: mnp.diag(x, 2**64), ValueError),  # was OverflowError
    (lambda x: mnp.array_split(x, [(1,)]), TypeError),  # was an unnamed TypeError
    (lambda x: mnp.blackman(2**62), ValueError),  # NumPy's "array is too big"
])
def test_numpy_errors_are_ours_and_name_the_function(call, cls):
    x = mnp.ones((2, 3))
    with pytest.raises(cls) as info:
        call(x)
    assert isinstance(info.value, ems.Error), type(info.value)
    assert str(info.value).startswith("For '"), str(info.value)


def test_numpy_diff_with_n_past_the_axis_is_empty_at_once():
    x = np.arange(6.0, dtype=np.float32).reshape(2, 3)
    got = mnp.diff(Tensor(x), 2**62)  # looped 2**62 times before
    assert got.shape == np.diff(x, 5).shape == (2, 0)
    np.testing.assert_array_equal(mnp.diff(Tensor(x), 2).asnumpy(), np.diff(x, 2))


def test_numpy_array_split_with_a_huge_count_is_a_value_error():
    with pytest.raises(ValueError, match="array_split"):
        mnp.array_split(mnp.ones((4,)), 2**62)  # looped 2**62 times before
    parts = mnp.array_split(mnp.ones((2,)), 4)  # more parts than elements: NumPy's empty parts
    assert [p.shape for p in parts] == [(1,), (1,), (0,), (0,)]


def test_numpy_pad_constant_values_must_be_numbers():
    with pytest.raises(TypeError, match="constant_values"):
        mnp.pad(mnp.ones((2,)), 1, constant_values=None)  # was AttributeError
    np.testing.assert_array_equal(mnp.pad(mnp.ones((2,)), 1, constant_values=3).asnumpy(),
                                  np.pad(np.ones(2), 1, constant_values=3))


def test_numpy_user_function_errors_pass_unchanged_and_non_callables_are_named():
    x = mnp.ones((2, 3))

    def fails(row):
        raise ValueError("mine")
    with pytest.raises(ValueError) as info:
        mnp.apply_along_axis(fails, 0, x)
    assert str(info.value) == "mine" and not isinstance(info.value, ems.Error)
    with pytest.raises(KeyError):
        mnp.apply_over_axes(lambda a, axis: {}["k"], x, [0])
    for call in (lambda: mnp.apply_along_axis(3, 0, x), lambda: mnp.apply_over_axes(None, x, 0),
                 lambda: mnp.piecewise(x, [x > 0], 5)):
        with pytest.raises(TypeError) as info:
            call()
        assert isinstance(info.value, ems.Error) and str(info.value).startswith("For '")


# ---- mint.nn.functional -------------------------------------------------------------------------

def _adaptive_ref(x, n, reduce):
    """PyTorch's windows: output i covers [floor(i L / n), ceil((i + 1) L / n))."""
    length = x.shape[-1]
    vals, idx = [], []
    for i in range(n):
        a, b = (i * length) // n, -((-(i + 1) * length) // n)
        win = x[..., a:b]
        vals.append(win.mean(-1) if reduce == "mean" else win.max(-1))
        idx.append(win.argmax(-1) + a)
    return np.stack(vals, -1), np.stack(idx, -1)


@pytest.mark.parametrize("shape, n", [((2, 3, 7), 3), ((3, 5), 5), ((1, 2, 4), 9), ((2, 1, 6), 2)])
def test_mint_adaptive_pool1d_matches_the_windows(shape, n):
    x = np.random.default_rng(n).standard_normal(shape).astype(np.float32)
    mean, _ = _adaptive_ref(x, n, "mean")
    top, where = _adaptive_ref(x, n, "max")
    np.testing.assert_allclose(F.adaptive_avg_pool1d(Tensor(x), n).asnumpy(), mean, rtol=1e-6, atol=1e-6)
    v, i = F.adaptive_max_pool1d(Tensor(x), n, True)
    np.testing.assert_array_equal(v.asnumpy(), top)
    np.testing.assert_array_equal(i.asnumpy(), where)
    assert i.dtype == ems.int64


@pytest.mark.parametrize("f", [F.adaptive_avg_pool1d, F.adaptive_max_pool1d])
def test_mint_adaptive_pool1d_huge_output_is_a_size_error_not_a_hang(f):
    with pytest.raises((ValueError, MemoryError)) as info:
        f(mint.ones((1, 3, 4)), 2**62)  # one op per output element before: a hang
    assert isinstance(info.value, ems.Error)
    with pytest.raises(ValueError, match="output_size"):
        f(mint.ones((1, 3, 4)), 0)


def test_mint_functional_checks_its_tensor_arguments():
    x = mint.ones((2, 3))
    with pytest.raises(ValueError, match="running_mean"):
        F.batch_norm(x, None, None)  # was AttributeError
    with pytest.raises(TypeError, match="running_var"):
        F.batch_norm(x, mint.zeros((3,)), 1.0)
    with pytest.raises(TypeError, match="input2"):
        F.cosine_embedding_loss(x, 2, mint.ones((2,)))  # was AttributeError


# ---- mint.nn layers: sizes ----------------------------------------------------------------------

@pytest.mark.parametrize("make, layer", [
    (lambda: mint.nn.Linear(3, -1), "Linear"), (lambda: mint.nn.BatchNorm1d(-1), "BatchNorm1d"),
    (lambda: mint.nn.Conv2d(3, 4, -1), "Conv2d"), (lambda: mint.nn.Embedding(-1, 2), "Embedding"),
    (lambda: mint.nn.GroupNorm(0, 3), "GroupNorm"),  # was ZeroDivisionError
])
def test_mint_layers_with_negative_sizes_raise_a_named_value_error(make, layer):
    with pytest.raises(ValueError) as info:  # was OverflowError from the native initializer
        make()
    assert layer in str(info.value) and isinstance(info.value, ems.Error)


def test_initializer_rejects_negative_dims_and_accepts_numpy_ints():
    with pytest.raises(ValueError, match="initializer"):
        initializer("ones", (2, -1))
    assert initializer("ones", (np.int64(2), 3)).shape == (2, 3)


def test_mint_batch_norm_layer_input_must_be_a_tensor():
    with pytest.raises(TypeError, match="BatchNorm1d"):
        mint.nn.BatchNorm1d(3)(None)  # was AttributeError


# ---- mint.optim --------------------------------------------------------------------------------

def _params():
    return [Parameter(Tensor(np.ones((2, 3), np.float32)), name="w"),
            Parameter(Tensor(np.ones((3,), np.float32)), name="b")]


@pytest.mark.parametrize("cls", [mint.optim.Adam, mint.optim.AdamW, mint.optim.SGD])
def test_mint_optim_group_without_params_is_a_named_key_error(cls):
    # MindSpore 2.10 raises KeyError('params'); ours is a KeyError naming the optimizer.
    with pytest.raises(KeyError, match=cls.__name__):
        cls([{"lr": 0.1}], lr=0.1)


@pytest.mark.parametrize("cls", [mint.optim.Adam, mint.optim.AdamW, mint.optim.SGD])
@pytest.mark.parametrize("grad, err", [
    (np.ones((3,), np.float32), ValueError),  # broadcast into (2, 3) before: a wrong update
    (np.ones((1, 3), np.float32), ValueError),
    (np.ones((2, 3), np.int32), TypeError),
    (np.ones((2, 3), bool), TypeError),
])
def test_mint_optim_gradients_must_match_their_parameter(cls, grad, err):
    params = _params()
    opt = cls(params, lr=0.1)
    with pytest.raises(err, match=cls.__name__):
        opt((Tensor(grad), Tensor(np.ones((3,), np.float32))))
    # nothing changed: the checks run before the step
    np.testing.assert_array_equal(params[0].asnumpy(), np.ones((2, 3), np.float32))
    np.testing.assert_array_equal(params[1].asnumpy(), np.ones((3,), np.float32))
    assert float(opt.step_t.asnumpy()[0]) == 0.0
    opt((Tensor(np.ones((2, 3), np.float32)), None))  # a valid step still works
    assert (params[0].asnumpy() < 1).all()
    np.testing.assert_array_equal(params[1].asnumpy(), np.ones((3,), np.float32))


# ---- ops primitive classes ----------------------------------------------------------------------

@pytest.mark.parametrize("make, flag", [
    (lambda: ems.ops.ReduceSum(keep_dims="a"), "keep_dims"),
    (lambda: ems.ops.MatMul(transpose_a=2), "transpose_a"),
    (lambda: ems.ops.CumSum(exclusive="a"), "exclusive"),  # ran as exclusive before
    (lambda: ems.ops.TopK(sorted=None), "sorted"),  # MindSpore 2.10's TypeError, measured
])
def test_primitive_flags_must_be_bools(make, flag):
    with pytest.raises(TypeError, match=rf"For '\w+', the type of '{flag}' should be 'bool'"):
        make()


def test_primitive_flags_still_work():
    x = Tensor(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], np.float32))
    assert ems.ops.ReduceSum(True)(x, 1).shape == (2, 1)
    np.testing.assert_array_equal(ems.ops.CumSum(exclusive=True)(x, 1).asnumpy(),
                                  [[0, 1, 3], [0, 4, 9]])
    np.testing.assert_array_equal(ems.ops.MatMul(transpose_b=np.bool_(True))(x, x).asnumpy(),
                                  x.asnumpy() @ x.asnumpy().T)


@pytest.mark.parametrize("call, cls, name", [
    (lambda x: ems.ops.BatchNorm()(x, 1, 1.0, None, None), TypeError, "BatchNorm"),  # AttributeError
    (lambda x: ems.ops.Split(0, 2)(3), TypeError, "Split"),  # AttributeError
    (lambda x: ems.ops.AvgPool(kernel_size=(1,))(ems.ops.ones((1, 1, 2, 2))), ValueError, "AvgPool"),
    (lambda x: ems.ops.LinSpace()(x, x, 3), ValueError, "LinSpace"),  # an unnamed ShapeError
    (lambda x: ems.ops.UniformInt()((2,), "a", 3), ValueError, "UniformInt"),
])
def test_primitive_errors_name_the_primitive(call, cls, name):
    with pytest.raises(cls) as info:
        call(ems.ops.ones((2, 3)))
    assert isinstance(info.value, ems.Error) and name in str(info.value), str(info.value)


# ---- mindspore.train ----------------------------------------------------------------------------

@pytest.mark.parametrize("call, cls, name", [
    (lambda: ems.train.Accuracy("x"), TypeError, "Accuracy"),  # MindSpore's message, unnamed
    (lambda: ems.train.Precision(eval_type=None), TypeError, "Precision"),
    (lambda: ems.train.F1().eval(), RuntimeError, "F1"),  # named 'Fbeta' only
    (lambda: ems.train.LossMonitor(per_print_times=-1), ValueError, "LossMonitor"),
    (lambda: ems.train.EarlyStopping(patience=1.5), TypeError, "EarlyStopping"),
    (lambda: ems.train.ReduceLROnPlateau(factor=2.0), ValueError, "ReduceLROnPlateau"),
    (lambda: ems.train.CheckpointConfig(crc_check=1), TypeError, "CheckpointConfig"),
    (lambda: ems.train.CheckpointConfig(append_info=Tensor([1.0, 2.0])), TypeError,
     "CheckpointConfig"),  # compared element-wise with [] before
])
def test_train_errors_name_the_class(call, cls, name):
    with pytest.raises(cls) as info:
        call()
    assert isinstance(info.value, ems.Error) and f"For '{name}'" in str(info.value), str(info.value)


def _model():
    from easy_mindspore import nn
    net = nn.Dense(2, 2)
    return ems.train.Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                           nn.Momentum(net.trainable_params(), 0.1, 0.9), metrics={"acc"})


def _data():
    from easy_mindspore.dataset import GeneratorDataset
    rows = [(np.ones(2, np.float32), np.int32(i % 2)) for i in range(4)]
    return GeneratorDataset(rows, ["x", "y"], shuffle=False).batch(2)


@pytest.mark.parametrize("call, cls, name", [
    (lambda m: m.train(1.5, _data()), TypeError, "Model.train"),
    (lambda m: m.train(1, _data(), callbacks=3), TypeError, "Model.train"),
    (lambda m: m.eval(None), TypeError, "Model.eval"),
    (lambda m: m.predict(object()), TypeError, "Model.predict"),
])
def test_model_argument_errors_name_the_method(call, cls, name):
    with pytest.raises(cls, match=rf"For '{name}'"):
        call(_model())


def test_model_passes_errors_of_the_users_network_unchanged():
    from easy_mindspore import nn

    class Net(nn.Cell):
        def construct(self, x):
            raise ValueError("mine")
    with pytest.raises(ValueError) as info:
        ems.train.Model(Net()).predict(Tensor([1.0]))
    assert str(info.value) == "mine"


@pytest.mark.parametrize("name, args", [
    ("cosine_decay_lr", (0.01, 0.1, 2**40, 2, 2)), ("exponential_decay_lr", (0.1, 0.9, 2**62, 2, 2)),
    ("warmup_lr", (0.1, 2**40, 2, 2)), ("polynomial_decay_lr", (0.1, 0.01, 2**40, 2, 2, 1.0)),
])
def test_lr_lists_too_long_for_memory_are_refused_at_once(name, args):
    from easy_mindspore import nn
    with pytest.raises(MemoryError, match=f"For '{name}'"):  # built for minutes before, then failed
        getattr(nn, name)(*args)
    short = list(args)
    short[args.index(max(args))] = 6
    assert len(getattr(nn, name)(*short)) == 6


# ---- wrong answers for bad arguments (a value came back where MindSpore raises) ------------------

@pytest.mark.parametrize("call, cls", [
    (lambda: mint.randperm(1.5), TypeError),  # ran as randperm(1)
    (lambda: mint.randperm(float("nan")), TypeError),  # an empty permutation
    (lambda: mint.randperm(-1), ValueError),
    (lambda: mnp.around(mnp.ones((2,)), 1.5), TypeError),  # scaled by 10**1.5
    (lambda: mnp.histogram_bin_edges(mnp.ones((3,)), 1.5), TypeError),  # returned 1.5
    (lambda: mnp.digitize(mnp.ones((3,)), 1.5), ValueError),  # searched one edge
    (lambda: mnp.unravel_index(2, (2, 3), "X"), ValueError),  # ran as order 'F'
    (lambda: mint.nn.BatchNorm1d(3, eps=-1.0), ValueError),  # NaN outputs
    (lambda: mint.nn.BatchNorm2d(3, affine="a"), TypeError),
    (lambda: mint.nn.MaxPool2d(2, ceil_mode="a"), TypeError),
])
def test_bad_values_that_returned_a_result_now_raise(call, cls):
    with pytest.raises(cls) as info:
        call()
    assert isinstance(info.value, ems.Error) and str(info.value).startswith("For '")


def test_the_checked_arguments_still_work():
    assert sorted(mint.randperm(np.int64(5)).asnumpy().tolist()) == [0, 1, 2, 3, 4]
    assert mint.randperm(0).shape == (0,)
    np.testing.assert_allclose(mnp.around(Tensor([1.2345, -2.5]), np.int64(2)).asnumpy(), [1.23, -2.5],
                               rtol=1e-6)
    np.testing.assert_array_equal(mnp.digitize(Tensor([0.5, 1.5]), [0.0, 1.0, 2.0]).asnumpy(), [1, 2])
    rows, cols = mnp.unravel_index(Tensor([5], ems.int32), (2, 3), "F")
    assert (rows.asnumpy().tolist(), cols.asnumpy().tolist()) == ([1], [2])  # NumPy's (1, 2)
    bn = mint.nn.BatchNorm1d(3, eps=0, affine=np.bool_(False))
    assert bn.eps == 0 and bn.weight is None


def test_adaptive_pool_with_too_many_uneven_windows_is_refused_not_a_hang():
    from easy_mindspore import nn
    x = mint.ones((1, 1, 3, 3))
    with pytest.raises(MemoryError, match="AdaptiveAvgPool2d"):
        nn.AdaptiveAvgPool2d((2**31, 2))(x)  # looped over 2**32 windows before
    np.testing.assert_allclose(nn.AdaptiveAvgPool2d((2, 2))(x).asnumpy(), np.ones((1, 1, 2, 2)))


@pytest.mark.parametrize("call", [
    lambda x: ems.ops.cumprod(x, 5),  # computed along axis 5 % 2 = 1 before
    lambda x: ems.ops.CumProd()(x, 2**62),
    lambda x: mnp.diff(x, axis=5),
])
def test_an_axis_past_the_rank_is_a_value_error_not_a_wrapped_axis(call):
    x = Tensor(np.arange(1.0, 7.0, dtype=np.float32).reshape(2, 3))
    with pytest.raises(ValueError) as info:
        call(x)
    assert isinstance(info.value, ems.Error) and str(info.value).startswith("For '")
    np.testing.assert_array_equal(ems.ops.cumprod(x, np.int64(-1)).asnumpy(), np.cumprod(x.asnumpy(), -1))
    np.testing.assert_array_equal(mnp.diff(x, axis=-2).asnumpy(), np.diff(x.asnumpy(), axis=-2))


@pytest.mark.parametrize("call", [
    lambda x: ems.ops.diff(x, axis=5), lambda x: mint.diff(x, dim=2**62),
    lambda x: ems.ops.index_fill(x, 2, Tensor([0]), 1.0), lambda x: ems.ops.slice_scatter(x, x, axis=-3),
    lambda x: ems.ops.repeat_interleave(x, 2, 4), lambda x: mint.repeat_interleave(x, 2, dim=2**62),
    lambda x: ems.ops.Unstack(axis=2)(x), lambda x: mnp.gradient(x, axis=2), lambda x: mnp.norm(x, axis=3),
    lambda x: mnp.trapz(x, axis=2), lambda x: mnp.unwrap(x, axis=-3),
    lambda x: mnp.take_along_axis(x, Tensor(np.zeros((2, 3), np.int32)), 2),
])
def test_more_axes_past_the_rank_are_value_errors(call):
    x = Tensor(np.arange(1.0, 7.0, dtype=np.float32).reshape(2, 3))  # each wrapped around before
    with pytest.raises(ValueError, match=r"must be in \[-2, 2\)"):
        call(x)


def test_axes_in_range_still_work():
    x = np.arange(1.0, 7.0, dtype=np.float32).reshape(2, 3)
    t = Tensor(x)
    np.testing.assert_array_equal(ems.ops.diff(t, axis=-2).asnumpy(), np.diff(x, axis=-2))
    np.testing.assert_array_equal(ems.ops.repeat_interleave(t, 2, -1).asnumpy(), np.repeat(x, 2, -1))
    np.testing.assert_allclose(mnp.trapz(t, axis=0).asnumpy(), (x[0] + x[1]) / 2)  # trapezoid rule
    np.testing.assert_allclose(mnp.norm(t, axis=-1).asnumpy(), np.linalg.norm(x, axis=-1), rtol=1e-6)
    assert [u.asnumpy().tolist() for u in ems.ops.Unstack(axis=-1)(t)] == [[1, 4], [2, 5], [3, 6]]


def test_adaptive_pool3d_huge_output_is_a_size_error_at_once():
    from easy_mindspore import nn
    with pytest.raises(ValueError, match="AdaptiveAvgPool3d"):  # a Python loop of 2**62 before
        nn.AdaptiveAvgPool3d(2**62)(mint.ones((1, 1, 2, 2, 2)))
    x = np.arange(27, dtype=np.float32).reshape(1, 1, 3, 3, 3)
    got = nn.AdaptiveAvgPool3d(2)(Tensor(x)).asnumpy()  # windows [0, 2) and [1, 3) on each axis
    want = np.array([[[x[0, 0, a:a + 2, b:b + 2, c:c + 2].mean() for c in (0, 1)] for b in (0, 1)]
                     for a in (0, 1)])
    np.testing.assert_allclose(got[0, 0], want, rtol=1e-6)


def test_top_level_narrow_checks_start_and_length_as_ops_narrow():
    x = ems.ops.ones((2, 3))
    for start, length in ((0, -1), (-1, 1), (1, 2)):  # (0, -1) gave one row before
        with pytest.raises(ValueError, match="For 'narrow'"):
            ems.narrow(x, 0, start, length)
    assert ems.narrow(x, -1, 1, 2).shape == ems.ops.narrow(x, -1, 1, 2).shape == (2, 2)


@pytest.mark.parametrize("call", [
    lambda: mint.ones((2,), dtype=0), lambda: mint.zeros_like(mint.ones((2,)), dtype=()),
    lambda: mint.eye(2, dtype=0), lambda: ems.ops.ones((2,), 0), lambda: ems.ops.eye(2, 2, ()),
    lambda: ems.ops.zeros_like(mint.ones((2,)), 0), lambda: mnp.full((2,), 1.5, 0),
    lambda: mnp.ones_like(mnp.ones((2,)), ()), lambda: mnp.linspace(0, 1, 3, dtype=0),
])
def test_a_falsy_dtype_is_not_the_default_dtype(call):
    with pytest.raises(TypeError):  # `dtype or float32` took 0 and () as None before
        call()
    assert mint.ones((2,)).dtype == ems.float32 and ems.ops.ones((2,), ems.int32).dtype == ems.int32


@pytest.mark.parametrize("op", ["max", "min"])
def test_a_non_int_axis_of_max_and_min_is_the_packages_type_error(op):
    # Found by the property suite (seed 1796530440): a str axis raised a bare TypeError.
    with pytest.raises(ems.Error, match=f"For '{op}', 'axis' must be int"):
        getattr(ems.ops, op)(Tensor([1.5, 2.0]), "a")
    with pytest.raises(TypeError):
        getattr(ems.ops, op)(Tensor([1.5, 2.0]), 1.0)
