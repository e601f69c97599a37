"""The ``nn.Optimizer`` base class as MindSpore 2.10 behaves (measured with MindSpore 2.10 on
CPU; the numbers and messages below come from there): parameter groups ordered by
``order_params`` (matched by name), ``is_group_params_ordered``, the per-parameter learning
rates (``learning_rate``, ``get_lr_parameter``) with fixed and dynamic rates mixed, the error
classes and messages for empty or malformed parameter lists and groups, Adam's flags, the base
class's ``construct``, and the ``mindspore.nn.optim.adafactor`` module."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn
from easy_mindspore.nn.learning_rate_schedule import LearningRateSchedule

Parameter, Tensor = ems.Parameter, ems.Tensor


def param(name, value):
    return Parameter(Tensor(np.array(value, np.float32)), name=name)


def ones(*shape):
    return Tensor(np.ones(shape, np.float32))


# -- order_params ---------------------------------------------------------------------------------
def test_order_params_orders_the_parameters_and_their_settings():
    a, b, c = param("a", [1.0, 2.0]), param("b", [3.0]), param("c", [[1.0, 1.0], [2.0, 2.0]])
    opt = nn.Momentum([{"params": [a], "lr": (0.1, 0.2, 0.3)},
                       {"params": [b, c], "weight_decay": 0.5},
                       {"order_params": [c, a, b]}], learning_rate=0.05, momentum=0.9)
    assert opt.is_group and opt.is_group_lr and opt.dynamic_lr
    assert opt.is_group_params_ordered is True
    assert [p.name for p in opt.parameters] == ["c", "a", "b"]
    # the decays and flags follow the order too
    assert [float(w.asnumpy()) for w in opt.weight_decay] == [0.5, 0.0, 0.5]
    assert opt.decay_flags == (True, False, True)
    # the gradients come in that order; MindSpore 2.10 prints these parameters after two steps
    for _ in range(2):
        opt((ones(2, 2), ones(2), ones(1)))
    np.testing.assert_allclose(a.asnumpy(), [0.52, 1.52], rtol=1e-6)
    np.testing.assert_allclose(b.asnumpy(), [2.640625], rtol=1e-6)
    np.testing.assert_allclose(c.asnumpy(), [[0.784375, 0.784375], [1.7125, 1.7125]], rtol=1e-6)


def test_order_params_match_by_name():
    a, b = param("a", [1.0]), param("b", [2.0])
    # other Parameter objects with the groups' names give the order; the groups' own are used
    same_names = [param("b", [0.0]), param("a", [0.0])]
    opt = nn.SGD([{"params": [a, b]}, {"order_params": same_names}], learning_rate=0.5)
    assert [p.name for p in opt.parameters] == ["b", "a"]
    assert opt.parameters[0] is b and opt.parameters[1] is a
    opt((Tensor(np.array([2.0], np.float32)), Tensor(np.array([4.0], np.float32))))
    assert a.asnumpy().tolist() == [-1.0] and b.asnumpy().tolist() == [1.0]


def test_without_order_params_the_groups_keep_their_order():
    a, b, c = param("a", [1.0]), param("b", [1.0]), param("c", [1.0])
    opt = nn.SGD([{"params": [c]}, {"params": [a, b]}])
    assert opt.is_group_params_ordered is False
    assert [p.name for p in opt.parameters] == ["c", "a", "b"]
    assert nn.SGD([a, b]).is_group_params_ordered is False
    # an empty order_params list is accepted: flagged, the groups' order kept
    opt = nn.SGD([{"params": [c]}, {"params": [a, b]}, {"order_params": []}])
    assert opt.is_group_params_ordered is True
    assert [p.name for p in opt.parameters] == ["c", "a", "b"]


def test_bad_order_params():
    a, b, c = param("a", [1.0]), param("b", [1.0]), param("c", [1.0])
    with pytest.raises(ValueError, match="length of order parameters"):
        nn.SGD([{"params": [a, b]}, {"order_params": [a]}])
    with pytest.raises(ValueError, match="'b' of the groups is not in 'order_params'"):
        nn.SGD([{"params": [a, b]}, {"order_params": [a, c]}])
    with pytest.raises(ValueError, match="'b' of the groups is not in 'order_params'"):
        nn.SGD([{"params": [a, b]}, {"order_params": [a, a]}])
    with pytest.raises(TypeError, match="'order_params' in group parameters should be Iterable"):
        nn.SGD([{"params": [a, b]}, {"order_params": 3}])
    with pytest.raises(ValueError, match="should only include the 'order_params' key"):
        nn.SGD([{"params": [a, b]}, {"order_params": [a, b], "lr": 0.1}])
    with pytest.raises(ValueError, match="group parameters' length 0"):
        nn.SGD([{"order_params": [a, b]}])


# -- learning rates per parameter ------------------------------------------------------------------
def test_group_rates_with_a_dynamic_one_are_all_schedules():
    a, b, c = param("a", [1.0]), param("b", [1.0]), param("c", [1.0])
    opt = nn.Momentum([{"params": [a], "lr": (0.1, 0.2, 0.3)}, {"params": [b, c]}],
                      learning_rate=0.05, momentum=0.9)
    rates = opt.learning_rate
    assert len(rates) == 3
    assert all(isinstance(r, LearningRateSchedule) for r in rates)
    assert [r.learning_rate.name for r in rates] == ["learning_rate_group_0", "learning_rate",
                                                     "learning_rate"]
    np.testing.assert_allclose(rates[0].learning_rate.asnumpy(), [0.1, 0.2, 0.3], rtol=1e-7)
    # the fixed rate as a schedule: the same Cell for b and c, over the one Parameter
    assert rates[1] is rates[2]
    np.testing.assert_allclose(float(rates[1](opt.global_step).asnumpy()), 0.05, rtol=1e-6)
    np.testing.assert_allclose([float(x.asnumpy()) for x in opt.get_lr()], [0.1, 0.05, 0.05],
                               rtol=1e-6)
    # all fixed: the rates are the Parameters themselves
    opt = nn.SGD([{"params": [a], "lr": 0.3}, {"params": [b, c]}], learning_rate=0.2)
    assert opt.dynamic_lr is False
    assert [r.name for r in opt.learning_rate] == ["learning_rate_group_0", "learning_rate",
                                                   "learning_rate"]
    assert all(isinstance(r, Parameter) for r in opt.learning_rate)


def test_the_optimizers_own_dynamic_rate_makes_it_dynamic():
    a, b = param("a", [1.0]), param("b", [1.0])
    # as MindSpore 2.10: dynamic although every group has its own fixed rate
    opt = nn.SGD([{"params": [a], "lr": 0.3}, {"params": [b], "lr": 0.4}],
                 learning_rate=[0.1, 0.2])
    assert opt.dynamic_lr is True
    assert [r.learning_rate.name for r in opt.learning_rate] == ["learning_rate_group_0",
                                                                 "learning_rate_group_1"]
    np.testing.assert_allclose([float(x.asnumpy()) for x in opt.get_lr()], [0.3, 0.4], rtol=1e-6)


def test_get_lr_parameter():
    w1, w2, w3 = param("w1", [1.0]), param("w2", [1.0]), param("w3", [1.0])
    opt = nn.SGD([{"params": [w1], "lr": 0.1}, {"params": [w2, w3]}], learning_rate=0.3)
    assert opt.get_lr_parameter(w1).name == "learning_rate_group_0"
    assert [p.name for p in opt.get_lr_parameter([w3, w1])] == ["learning_rate",
                                                                "learning_rate_group_0"]
    np.testing.assert_allclose(float(opt.get_lr_parameter(w2).asnumpy()), 0.3, rtol=1e-6)
    # without a rate of its own, every parameter has the optimizer's
    opt = nn.SGD([{"params": [w1], "weight_decay": 0.8}, {"params": [w2]}])
    assert opt.is_group_lr is False
    assert opt.get_lr_parameter(w1).name == "learning_rate"
    # a list of rates: the Parameter that holds it; a schedule: the schedule
    schedule = nn.ExponentialDecayLR(0.1, 0.9, 1)
    opt = nn.SGD([{"params": [w1], "lr": (0.5, 0.4, 0.3)}, {"params": [w2], "lr": schedule},
                  {"params": [w3]}], learning_rate=0.1)
    lr1, lr2, lr3 = opt.get_lr_parameter([w1, w2, w3])
    assert isinstance(lr1, Parameter) and lr1.name == "learning_rate_group_0"
    np.testing.assert_allclose(lr1.asnumpy(), [0.5, 0.4, 0.3], rtol=1e-7)
    assert lr2 is schedule
    assert isinstance(lr3, Parameter) and lr3.name == "learning_rate"


def test_get_lr_parameter_errors():
    w1, w2 = param("w1", [1.0]), param("w2", [1.0])
    opt = nn.SGD([{"params": [w1], "lr": 0.5}])
    with pytest.raises(TypeError, match="the type of 'parameter' should be 'Parameter'"):
        opt.get_lr_parameter([1, 2, 3])
    with pytest.raises(TypeError, match="'param' must be 'Parameter' or 'list'"):
        opt.get_lr_parameter((w1,))
    with pytest.raises(TypeError, match="'param' must be 'Parameter' or 'list'"):
        opt.get_lr_parameter("w1")
    with pytest.raises(ValueError, match="the parameter w2 is not in optimizer"):
        opt.get_lr_parameter(w2)
    with pytest.raises(ValueError, match="the parameter w2 is not in optimizer"):
        opt.get_lr_parameter([w1, w2])


def test_lists_of_rates_must_have_one_length():
    a, b = param("a", [1.0]), param("b", [1.0])
    message = "dynamic learning rate in group must be the same size as the argument 'learning_rate'"
    with pytest.raises(ValueError, match=message):
        nn.Momentum([{"params": [a], "lr": (0.1, 0.2, 0.3)}, {"params": [b]}],
                    learning_rate=(0.1, 0.2), momentum=0.9)
    with pytest.raises(ValueError, match=message):  # the optimizer's counts although unused
        nn.SGD([{"params": [a], "lr": [0.1, 0.2]}, {"params": [b], "lr": [0.1, 0.2, 0.3]}],
               learning_rate=0.1)
    with pytest.raises(ValueError, match=message):
        nn.SGD([{"params": [a], "lr": Tensor(np.array([0.1, 0.2], np.float32))}, {"params": [b]}],
               learning_rate=Tensor(np.array([0.1, 0.2, 0.3], np.float32)))
    # a schedule has no length; lists of one length are fine
    nn.SGD([{"params": [a], "lr": nn.ExponentialDecayLR(0.1, 0.9, 1)}, {"params": [b]}],
           learning_rate=(0.1, 0.2))
    opt = nn.SGD([{"params": [a], "lr": (0.3, 0.4)}, {"params": [b]}], learning_rate=(0.1, 0.2))
    assert opt.dynamic_lr is True


# -- the parameters argument ----------------------------------------------------------------------
EMPTY = r"For 'Optimizer', the argument parameters must not be empty"


@pytest.mark.parametrize("make", [
    lambda ps: nn.AdamWeightDecay(ps),
    lambda ps: nn.AdamWeightDecay(ps, learning_rate=0.1),
    lambda ps: nn.ASGD(ps, learning_rate=0.1),
    lambda ps: nn.Rprop(ps),
    lambda ps: nn.SGD(ps),
    lambda ps: nn.Adam(ps),
    lambda ps: nn.Optimizer(0.1, ps),
])
def test_no_parameters(make):
    with pytest.raises(ValueError, match=EMPTY):
        make(nn.Flatten().trainable_params())
    with pytest.raises(ValueError, match=EMPTY):
        make(iter(()))
    with pytest.raises(ValueError, match="For 'Optimizer', the argument parameters can not be None"):
        make(None)


def test_parameters_that_are_not_a_list_of_parameters():
    w = param("w", [1.0, 2.0])
    # a Parameter is not a list of parameters (MindSpore iterates over its elements)
    with pytest.raises(TypeError, match="must be 'Parameter' or 'dict'"):
        nn.SGD(w)
    with pytest.raises(TypeError, match="must be 'Parameter' or 'dict'"):
        nn.Optimizer(0.1, (1, 2, 3))
    with pytest.raises(TypeError, match="must be Iterable type"):
        nn.AdamWeightDecay(9)
    with pytest.raises(TypeError, match="must be 'Parameter' or 'dict'"):
        nn.SGD([{"params": [w]}, w])
    # any iterable of Parameters will do (a generator too)
    assert len(nn.SGD(p for p in [w, param("v", [1.0])]).parameters) == 2


def test_bad_groups():
    w, v = param("w", [1.0]), param("v", [1.0])
    with pytest.raises(ValueError, match="argument group `params` must not be empty"):
        nn.SGD([{"params": []}])
    with pytest.raises(ValueError, match="argument group `params` can not be None"):
        nn.SGD([{"params": None}])
    with pytest.raises(TypeError, match="element in group parameters must be Parameter type"):
        nn.SGD([{"params": [w, Tensor(1.0)]}])
    with pytest.raises(KeyError, match="params"):
        nn.SGD([{"lr": 0.1}])
    with pytest.raises(KeyError, match=r"must be one of in .*but got \['foo'\]"):
        nn.SGD([{"params": [w], "foo": 1}])
    with pytest.raises(RuntimeError, match="the w parameter already exists"):
        nn.Adam([{"params": [w], "lr": 0.1}, {"params": [w, v]}])


# -- Adam's flags ---------------------------------------------------------------------------------
@pytest.mark.parametrize("flag", ["use_lazy", "use_offload"])
def test_adam_amsgrad_is_not_for_lazy_or_offload(flag):
    w = param("w", [1.0])
    with pytest.raises(ValueError, match=r"^For lazy Adam and Adam with offload, there is no "
                                         r"parameter named 'use_amsgrad'\."):
        nn.Adam([w], use_amsgrad=True, **{flag: True})
    nn.Adam([w], use_amsgrad=False, **{flag: True})


def test_adam_lazy_and_offload_together():
    w = param("w", [1.0])
    for ams in (False, True):  # this check comes first
        with pytest.raises(ValueError, match=r"^For 'Adam', 'use_lazy' and 'use_offload' can not "
                                             r"both be True"):
            nn.Adam([w], use_lazy=True, use_offload=True, use_amsgrad=ams)


# -- construct ------------------------------------------------------------------------------------
def test_the_base_class_has_no_update_rule():
    w = param("w", [1.0, 2.0])
    opt = nn.Optimizer(0.5, [w])
    with pytest.raises(NotImplementedError):
        opt.construct()
    with pytest.raises(NotImplementedError):
        opt((ones(2),))
    assert w.asnumpy().tolist() == [1.0, 2.0]

    class Plain(nn.Optimizer):
        def construct(self, gradients):
            for p, g in zip(self.parameters, gradients):
                p.set_data(p - self.get_lr() * g)
            return True

    assert Plain(0.5, [w])((ones(2),)) is True
    assert w.asnumpy().tolist() == [0.5, 1.5]


def test_gradients_not_one_per_parameter_are_a_runtime_error():
    ps = [param(f"p{i}", [1.0, 1.0]) for i in range(3)]
    for opt in (nn.Adam(ps), nn.SGD(ps), nn.LARS(nn.SGD(ps))):
        with pytest.raises(RuntimeError, match="expected 3 gradients"):
            opt(Tensor(np.zeros([1, 2, 3])))
        with pytest.raises(RuntimeError, match="expected 3 gradients"):
            opt((ones(2),) * 4)
    assert all(p.asnumpy().tolist() == [1.0, 1.0] for p in ps)


# -- module paths ---------------------------------------------------------------------------------
def test_adafactor_module():
    from easy_mindspore.nn.optim.adafactor import AdaFactor
    assert AdaFactor is nn.AdaFactor is nn.optim.AdaFactor
    assert nn.optim.AdamOffload is nn.AdamOffload
    w = param("w", np.ones((4, 3)))
    opt = AdaFactor([w], learning_rate=0.1, relative_step=False, scale_parameter=False,
                    warmup_init=False)
    opt((ones(4, 3),))
    # MindSpore 2.10 prints 0.99: the first step's update (the rate, 0.1) times 1 − beta1
    np.testing.assert_allclose(w.asnumpy(), np.full((4, 3), 0.99), rtol=1e-6)
    w = param("w", np.ones((4, 3)))
    AdaFactor([w], learning_rate=0.1, relative_step=False, scale_parameter=False,
              beta1=None)((ones(4, 3),))
    np.testing.assert_allclose(w.asnumpy(), np.full((4, 3), 0.9), rtol=1e-6)  # 0.9 there too


def test_a_list_of_rates_is_a_parameter_of_the_network():
    """MindSpore 2.10 registers a list of rates (one per step) as the Parameter 'learning_rate',
    which a training network's ``parameters_dict`` lists (and ``ParameterUpdate`` can write)."""
    net = nn.Dense(3, 2)
    opt = nn.Momentum(net.trainable_params(), ems.Tensor(np.array([0.1, 0.01, 0.001]), ems.float32), 0.9)
    train = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    params = train.parameters_dict()
    assert set(params) == {"weight", "bias", "global_step", "learning_rate", "momentum",
                           "moments.weight", "moments.bias"}
    assert np.allclose(params["learning_rate"].asnumpy(), [0.1, 0.01, 0.001])
