"""The ``mindspore.train`` part of the bad-argument sweep (``scripts/fuzz_inputs.py`` runs it;
``EMS_FUZZ_ONLY=train``): every metric class built with bad arguments, a valid one updated with bad
inputs (None, strings, wrong shapes and dtypes, NaN, empty) and evaluated before any update; every
callback class built with one bad argument; ``Model`` built with a bad network, loss, optimizer or
metrics, and a valid one trained, evaluated and asked to predict with bad arguments; and the
``nn.*_lr`` list functions called with one bad argument. Errors must name the class or function
(``For 'Accuracy', ...``), as ``fuzz_nn`` checks for layers.
"""
import importlib.util
import inspect
import math
import os
import tempfile

import fuzz_nn

# Valid arguments of the nn.*_lr functions, by name.
LR_GOOD = {
    "learning_rate": 0.1, "end_learning_rate": 0.01, "decay_rate": 0.9, "total_step": 6,
    "step_per_epoch": 2, "decay_epoch": 2, "milestone": [2, 4], "learning_rates": [0.1, 0.05],
    "min_lr": 0.01, "max_lr": 0.1, "warmup_epoch": 2, "power": 1.0, "is_stair": False,
    "update_decay_epoch": False,
}
LR_FUNCTIONS = ("cosine_decay_lr", "exponential_decay_lr", "inverse_decay_lr",
                "natural_exp_decay_lr", "piecewise_constant_lr", "polynomial_decay_lr", "warmup_lr")


def _in_tmp(f):
    """``f`` run in a scratch directory (a callback given a bad directory name may create it)."""
    def run(*args, **kwargs):
        here = os.getcwd()
        with tempfile.TemporaryDirectory() as d:
            os.chdir(d)
            try:
                return f(*args, **kwargs)
            finally:
                os.chdir(here)
    return run


_MINDSPORE_WORDING = ("SummaryCollector", "SummaryLandscape", "TrainFaultTolerance")


def train_cases(add, ems, Tensor, np):
    """Adds the train cases through ``add(label, f, *args, **kwargs)``."""
    from easy_mindspore import nn, train
    from easy_mindspore.train import callback as C
    from easy_mindspore.train import metrics as M

    ctor_bad = dict(fuzz_nn.CTOR_BAD, nan=math.nan, inf=math.inf, neg_float=-1.0,
                    tensor=Tensor(np.ones(2, np.float32)), tuple2=(1, 2), fn=lambda *a: None)
    f32 = lambda *s: Tensor(np.ones(s, np.float32))  # noqa: E731
    logits = Tensor(np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]], np.float32))
    labels = Tensor(np.array([1, 0, 0], np.int32))
    inputs = {
        "valid": (logits, labels), "None": (None,), "str": ("a", "b"), "one": (logits,),
        "three": (logits, labels, labels), "float": (1.5, 2.5), "labels_2d": (logits, f32(3, 2)),
        "rows": (logits, Tensor(np.array([1, 0], np.int32))), "f64": (Tensor(np.ones((3, 2))), labels),
        "scalar": (Tensor(2.0), Tensor(1.0)), "empty": (f32(0, 2), Tensor(np.zeros(0, np.int32))),
        "nan": (Tensor(np.full((3, 2), np.nan, np.float32)), labels),
        "class_out_of_range": (logits, Tensor(np.array([5, -1, 0], np.int32))),
        "ndarray": (np.ones((3, 2), np.float32), np.array([1, 0, 0])), "list": ([[1.0, 0.0]], [0]),
        "4d": (f32(1, 2, 2, 2), labels), "bool": (Tensor(np.ones((3, 2), bool)), labels),
    }
    ctor_good = {"k": 2, "beta": 1.0}
    for name in sorted(n for n in dir(M) if not n.startswith("_")):
        cls = getattr(M, name)
        if not (isinstance(cls, type) and issubclass(cls, M.Metric)) or name in ("Metric", "EvaluationBase"):
            continue
        ps = fuzz_nn._params(cls.__init__)
        goods = {p: ctor_good.get(p, d) for p, d in ps}
        # MindSpore's metric messages name the class or the base ("For 'Metric' and its derived
        # classes, ..."): any op named passes
        make = fuzz_nn._checked(cls, name, any_op=True)
        for p, _ in ps:
            for bname, bval in ctor_bad.items():
                add(f"train.{name}({p}={bname})", make, **dict(goods, **{p: bval}))
        add(f"train.{name}().eval() before update", lambda _c=cls, _g=goods, _n=name:
            fuzz_nn._checked(_c(**_g).eval, _n, any_op=True)())
        for iname, args in inputs.items():
            def update_then_eval(_c=cls, _g=goods, _n=name, _a=args):
                m = _c(**_g)
                fuzz_nn._checked(m.update, _n, any_op=True)(*_a)
                return fuzz_nn._checked(m.eval, _n, any_op=True)()
            add(f"train.{name}().update({iname})", update_then_eval)
    for fname in ("get_metric_fn", "get_metrics"):
        f = getattr(M, fname)
        for bname, bval in ctor_bad.items():
            add(f"train.{fname}({bname})", fuzz_nn._checked(f, fname), bval)
    # Callbacks: each class built with one bad argument (by keyword; the others their defaults).
    cb_good = {"directory": "ckpt"}
    for name in sorted(n for n in dir(C) if not n.startswith("_")):
        cls = getattr(C, name)
        if not (isinstance(cls, type) and issubclass(cls, C.Callback)) and name != "CheckpointConfig":
            continue
        if name in ("Callback", "RunContext"):
            continue
        ps = fuzz_nn._params(cls.__init__)
        # Their messages are MindSpore's words verbatim (its unit tests compare them whole), which
        # name the argument, not the class: an allowed class is all that is asked of them.
        make = _in_tmp(cls if name in _MINDSPORE_WORDING else fuzz_nn._checked(cls, name))
        goods = {p: cb_good[p] for p, d in ps if d is inspect.Parameter.empty and p in cb_good}
        for p, _ in ps:
            # an optional package that is not installed (ImportError) is no bad argument's fault
            needs = "matplotlib" if name == "PlotMonitor" else "tqdm" if p == "use_tqdm" else None
            if needs and importlib.util.find_spec(needs) is None:
                continue
            for bname, bval in ctor_bad.items():
                add(f"train.{name}({p}={bname})", make, **dict(goods, **{p: bval}))
    # Model: a bad part at a time, then a valid model used badly.
    net = nn.Dense(2, 2)
    good = {"network": net, "loss_fn": nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
            "optimizer": nn.Momentum(net.trainable_params(), 0.1, 0.9), "metrics": {"acc"}}
    make_model = fuzz_nn._checked(train.Model, "Model", any_op=True)  # may name the part: WithLossCell
    model_bad = dict(ctor_bad, metrics_unknown={"nope"}, metrics_list=["acc"], dict_bad={"a": 1},
                     cell=nn.ReLU())
    for p in good:
        for bname, bval in model_bad.items():
            add(f"train.Model({p}={bname})", make_model, **dict(good, **{p: bval}))
    from easy_mindspore.dataset import GeneratorDataset
    rows = [(np.ones(2, np.float32), np.int32(i % 2)) for i in range(4)]
    data = lambda: GeneratorDataset(rows, ["x", "y"], shuffle=False).batch(2)  # noqa: E731
    model = lambda: train.Model(**good)  # noqa: E731
    for bname, bval in dict(ctor_bad, dataset=None).items():
        if bname not in ("dataset", "big62"):  # 2**62 epochs is a valid (endless) request
            add(f"train.Model.train(epoch={bname})", lambda _b=bval: fuzz_nn._checked(
                model().train, "Model")(_b, data()))
        add(f"train.Model.train(train_dataset={bname})", lambda _b=bval: fuzz_nn._checked(
            model().train, "Model")(1, _b))
        add(f"train.Model.train(callbacks={bname})", lambda _b=bval: fuzz_nn._checked(
            model().train, "Model", any_op=True)(1, data(), callbacks=_b))
        add(f"train.Model.eval(valid_dataset={bname})", lambda _b=bval: fuzz_nn._checked(
            model().eval, "Model")(_b))
        add(f"train.Model.predict({bname})", lambda _b=bval: fuzz_nn._checked(
            model().predict, "Model", any_op=True)(_b))
    # The nn.*_lr list functions.
    lr_bad = dict(ctor_bad, big40=2**40, big_float=1e300, empty_list=[], neg_list=[-1, 2],
                  unsorted=[4, 2], ragged=[[1], 2])
    for fname in LR_FUNCTIONS:
        f = getattr(nn, fname)
        ps = fuzz_nn._params(f, skip_self=False)
        goods = [LR_GOOD.get(p, d) for p, d in ps]
        checked = fuzz_nn._checked(f, fname)
        add(f"nn.{fname}()", checked, *goods)
        for i, (p, _) in enumerate(ps):
            for bname, bval in lr_bad.items():
                a = list(goods)
                a[i] = bval
                add(f"nn.{fname}({p}={bname})", checked, *a)
