"""The ``numpy``, ``mint`` and primitive-class parts of the bad-argument sweep
(``scripts/fuzz_inputs.py`` runs them): every public function of ``easy_mindspore.numpy``, of
``mint``, ``mint.nn.functional``, ``mint.linalg`` and ``mint.special`` is called with one bad
argument at a time in an otherwise valid call (keyword-only parameters too); every public
``mint.nn`` Cell class is built with bad arguments and called with bad inputs (``fuzz_nn``'s
machinery: its errors must name the layer); the ``mint.optim`` and ``experimental.optim`` optimizers get bad constructor
arguments and gradients of the wrong number, shape and dtype; every primitive class of ``ops``
(``ops.ReduceSum``, ``ops.MatMul``...) is built with bad attributes and a valid instance is called
with bad inputs (its errors must name some op: ``For 'ReduceSum', ...``).
"""
import inspect

import fuzz_nn


def quick(bad):
    """``bad`` with a list nested 200 deep in place of 100,000 deep: past the rank limit all the
    same, without the 40 ms each call spends walking the deeper one (the core sweep keeps it)."""
    deep = [1.0]
    for _ in range(200):
        deep = [deep]
    return dict(bad, deep=deep)


def _good_table(t23, ems):
    """Valid values by parameter name, for the functions of these packages (others keep their
    default or get ``t23``)."""
    fn = lambda v: (v * v).sum()  # noqa: E731
    return {
        "fn": fn, "func": lambda v, axis: v.sum(axis), "func1d": lambda r: r.sum(), "input": t23,
        "x": t23, "a": t23, "other": t23, "x1": t23, "x2": t23,
        "y": t23, "b": t23, "axis": 0, "dim": 0, "shape": (2, 3), "size": (2, 3), "n": 3, "m": 3,
        "N": 3, "M": 3, "k": 1, "start": 0, "end": 4, "stop": 4, "num": 5, "step": 1,
        "tensors": [t23, t23], "arrays": [t23, t23], "tup": [t23, t23], "arys": [t23, t23],
        "indices_or_sections": 1, "split_size_or_sections": 1, "fill_value": 1.0, "v": t23,
        "arr": t23, "ary": t23, "a1": t23, "a2": t23, "ar1": t23, "ar2": t23, "tensor": t23,
        "condition": t23 > 0, "mat2": t23.T, "batch1": ems.ones((2, 2, 3)),
        "batch2": ems.ones((2, 3, 2)), "vec": ems.ones((3,)), "vec2": ems.ones((3,)),
        "tensor1": t23, "tensor2": t23, "weight": ems.ones((3,)), "target": t23,
        "index": ems.zeros((2, 3), ems.int64), "indices": ems.zeros((2,), ems.int64),
        "src": t23, "source": t23, "element": t23, "values": t23, "repeats": 2, "reps": (2,),
        "dims": (0,), "axes": 1, "new_shape": (3, 2), "pad_width": 1, "kernel_size": 2,
        "output_size": 2, "equation": "ij->ji", "operands": [t23], "dtype": None,
        "condlist": [t23 > 0], "funclist": [lambda v: v * 2, 0.0],
    }


def sweep_full(add, bad, f, prefix, table, t23, extra_bad=None):
    """Adds the calls of ``f``: a valid one, then each parameter bad in turn (positional ones by
    position, keyword-only ones by keyword), the others valid: a value of ``table`` by name, else
    the parameter's default, else ``t23``. ``*args`` parameters get one bad element."""
    try:
        sig = inspect.signature(f)
    except (TypeError, ValueError):
        sig = None
    pos, kw, var = [], [], None
    for p in sig.parameters.values() if sig else ():
        if p.name == "self":
            continue
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            pos.append(p)
        elif p.kind == p.KEYWORD_ONLY:
            kw.append(p)
        elif p.kind == p.VAR_POSITIONAL:
            var = p

    def good(p):
        if p.name in table:
            return table[p.name]
        return t23 if p.default is p.empty else p.default

    goods = [good(p) for p in pos]
    if sig is None:
        goods = [t23]
        pos = [inspect.Parameter("x", inspect.Parameter.POSITIONAL_ONLY)]
    extra = [t23] if var is not None and not pos else []
    add(f"{prefix}()", f, *goods, *extra)
    bads = dict(quick(bad), **(extra_bad or {}))
    for i, p in enumerate(pos):
        for bname, bval in bads.items():
            args = list(goods)
            args[i] = bval
            add(f"{prefix}({p.name}={bname})", f, *args, *extra)
    if var is not None:
        for bname, bval in bads.items():
            add(f"{prefix}(*{var.name}={bname})", f, *goods, bval)
    for p in kw:
        for bname, bval in bads.items():
            add(f"{prefix}({p.name}={bname})", f, *goods, *extra, **{p.name: bval})


def numpy_cases(add, bad, ems, t23):
    """``easy_mindspore.numpy``: every callable of its ``__all__`` that is not a dtype or class."""
    from easy_mindspore import numpy as mnp
    table = _good_table(t23, ems)
    for name in sorted(mnp.__all__):
        f = getattr(mnp, name)
        if isinstance(f, type) or not callable(f):
            continue
        sweep_full(add, bad, f, f"mnp.{name}", table, t23)


def mint_function_cases(add, bad, ems, t23):
    """``mint``, ``mint.nn.functional``, ``mint.linalg`` and ``mint.special``: every function."""
    from easy_mindspore import mint
    table = _good_table(t23, ems)
    mods = [("mint", mint), ("mint.nn.functional", mint.nn.functional)]
    for sub in ("linalg", "special"):
        if hasattr(mint, sub):
            mods.append((f"mint.{sub}", getattr(mint, sub)))
    for prefix, mod in mods:
        names = getattr(mod, "__all__", None) or [n for n in dir(mod) if not n.startswith("_")]
        for name in sorted(names):
            f = getattr(mod, name)
            if isinstance(f, type) or not callable(f) or inspect.ismodule(f):
                continue
            sweep_full(add, bad, f, f"{prefix}.{name}", table, t23)


# mint.nn constructor arguments by (PyTorch's) parameter name, beyond fuzz_nn.GOOD.
MINT_NN_GOOD = {
    "in_features": 3, "out_features": 4, "num_embeddings": 10, "embedding_dim": 4,
    "num_parameters": 1, "threshold": 0.5, "value": 0.0, "padding": 1, "output_size": 2,
    "kernel_size": 2, "lambd": 0.5,
}


def mint_nn_cases(add, ems, Tensor, np):
    """Every public ``mint.nn`` Cell class, as ``fuzz_nn`` sweeps ``nn``'s."""
    from easy_mindspore import mint
    unbuilt = fuzz_nn.nn_cases(add, ems, Tensor, np, module=mint.nn, prefix="mint.nn",
                               extra_good=MINT_NN_GOOD, call_built=True)

    def every_class_built():
        assert not unbuilt, (f"no valid instance of mint.nn.{', mint.nn.'.join(unbuilt)}: add its "
                             "arguments to MINT_NN_GOOD")
    add("mint.nn: every Cell class has a valid instance", every_class_built)


def mint_optim_cases(add, ems, Tensor, np):
    """``mint.optim`` and ``experimental.optim``: each optimizer built with one bad argument (by
    keyword), and a valid one stepped with bad gradients (wrong count, shape, dtype; None, strings,
    NaN)."""
    from easy_mindspore import mint
    from easy_mindspore.experimental import optim
    _optim_cases(add, Tensor, np, mint.optim, "mint.optim")
    _optim_cases(add, Tensor, np, optim, "experimental.optim")


def _optim_cases(add, Tensor, np, module, prefix):
    from easy_mindspore import Parameter
    ctor_bad = dict(fuzz_nn.CTOR_BAD, nan=float("nan"), inf=float("inf"), beta_big=(1.5, 0.9),
                    beta_neg=(-0.1, 0.9), beta_one=(0.9,), beta_str=("a", "b"), neg_float=-1.0,
                    tensor=Tensor(np.ones(2, np.float32)), dict_no_params=[{"lr": 0.1}],
                    list_of_tensor=[Tensor(np.ones(2, np.float32))], empty_list=[], int5=5)
    for name in module.__all__:
        cls = getattr(module, name)
        if name == "Optimizer" or not isinstance(cls, type):
            continue  # the base class takes ``defaults``, not an optimizer's options
        sig = inspect.signature(cls.__init__)
        ps = [p for p in sig.parameters.values() if p.name != "self"]

        def params():
            return [Parameter(Tensor(np.ones((2, 3), np.float32)), name="w"),
                    Parameter(Tensor(np.zeros((3,), np.float32)), name="b")]
        base = {"lr": 0.1}
        make = fuzz_nn._checked(lambda *a, _c=cls, **k: _c(*a, **k), name)
        for p in ps:
            for bname, bval in ctor_bad.items():
                kw = dict(base, **{p.name: bval})
                if p.name == "params":
                    add(f"{prefix}.{name}(params={bname})", make, **kw)
                else:
                    add(f"{prefix}.{name}({p.name}={bname})", lambda _k=kw, _m=make: _m(params(), **_k))
        for amsgrad in ([False, True] if "amsgrad" in sig.parameters else [False]):
            extra = {"amsgrad": True} if amsgrad else {}
            if "momentum" in sig.parameters:
                extra = {"momentum": 0.9, "nesterov": True}
            label = f"{prefix}.{name}({', '.join(f'{k}={v}' for k, v in extra.items())})"
            g_ok = (Tensor(np.ones((2, 3), np.float32)), Tensor(np.ones((3,), np.float32)))
            grads = {
                "ok": g_ok, "None": None, "str": "a", "one": g_ok[:1], "three": g_ok + g_ok[:1],
                "none_grad": (None, g_ok[1]), "wrong_shape": (g_ok[1], g_ok[0]),
                "bcast_shape": (Tensor(np.ones((1, 3), np.float32)), g_ok[1]),
                "int": (Tensor(np.ones((2, 3), np.int32)), g_ok[1]),
                "f64": (Tensor(np.ones((2, 3))), g_ok[1]), "bool": (Tensor(np.ones((2, 3), bool)), g_ok[1]),
                "nan": (Tensor(np.full((2, 3), np.nan, np.float32)), g_ok[1]),
                "float": (1.5, g_ok[1]), "ndarray": (np.ones((2, 3), np.float32), g_ok[1]),
                "tensor": g_ok[0], "empty": (Tensor(np.ones((0, 3), np.float32)), g_ok[1]),
            }
            for gname, g in grads.items():
                def step(_g=g, _c=cls, _e=extra, _n=name):
                    opt = _c(params(), lr=0.1, **_e)
                    return fuzz_nn._checked(opt, _n)(_g)
                add(f"{label}({gname})", step)


# Valid primitive attributes (constructor arguments) by name; others keep their default or get 2.
PRIM_GOOD = {
    "out_channel": 4, "in_channel": 3, "kernel_size": 2, "ksize": 2, "strides": 1, "pads": 0,
    "shape": (2, 3), "axis": 0, "paddings": ((1, 1), (1, 1)), "equation": "ij->ji", "size": (4, 4),
    "shifts": 1, "f": lambda g: g, "depth": 3,
    # the float hyperparameters of the SparseApply* optimizers (MindSpore rejects ints there)
    "lr": 0.1, "epsilon": 1e-6, "rho": 0.9, "momentum": 0.9, "l1": 0.0, "l2": 0.0, "lr_power": -0.5,
    "l2_shrinkage": 0.0,
    # the candidate samplers' flag and the TensorFlow fractional pools' ratios
    "unique": True, "pooling_ratio": [1.0, 1.5, 1.5, 1.0],
}
# Valid call inputs by name (the primitive's __call__ parameters).
def _prim_inputs(ems, Tensor, np, t23):
    i64 = lambda *v: Tensor(np.array(v, np.int64))  # noqa: E731
    return {
        "x": t23, "y": t23, "xs": [t23, t23], "operands": [t23], "axis": 0, "shape": (2, 3),
        "perm": (1, 0), "dtype": ems.float32, "multiples": (2, 1), "k": 1, "begin": (0, 0),
        "end": (1, 2), "strides": (1, 1), "size": (1, 2), "input_x": t23, "input": t23,
        "variable": ems.Parameter(t23, name="v"), "value": t23, "n": 2, "m": 3,
        "t": ems.float32, "type": ems.float32, "start": 0.0, "stop": 1.0, "num": 3, "limit": 4.0,
        "delta": 1.0, "minval": 0, "maxval": 3, "cond": t23 > 0, "indices": i64(0, 1),
        "input_indices": i64(0, 1), "input_params": t23, "dim": 0,
        "index": Tensor(np.zeros((2, 3), np.int64)), "updates": t23, "a": 1, "logits": t23,
        "labels": t23, "weight": ems.ones((4, 3, 1, 1)), "bias": ems.ones((3,)),
        "scale": ems.ones((3,)), "mean": ems.ones((3,)), "variance": ems.ones((3,)),
        "gamma": ems.ones((3,)), "beta": ems.ones((3,)), "on_value": 1.0, "off_value": 0.0,
        "fn": lambda v: v,
    }


def _prim_call_args(inst, goods_in, t23):
    """Valid call arguments of a primitive instance and their names; a ``*args`` primitive takes
    the first of 1, 2, 3 tensors it accepts."""
    try:
        cps = list(inspect.signature(inst.__call__).parameters.values())
    except (TypeError, ValueError):
        cps = []
    if not cps or cps[0].kind == cps[0].VAR_POSITIONAL:
        args = [t23]
        for n in (1, 2, 3):
            try:
                inst(*([t23] * n))
                args = [t23] * n
                break
            except Exception:  # noqa: BLE001 - probing the arity
                continue
        return args, [f"arg{j}" for j in range(len(args))]
    req = [p for p in cps if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return ([goods_in.get(p.name, t23) if p.default is p.empty else p.default for p in req],
            [p.name for p in req])


def _built_then_called(make, ctor_args, name, call_args):
    def run():
        inst = make(*ctor_args)
        return fuzz_nn._checked(inst, name, any_op=True)(*call_args)
    return run


def primitive_cases(add, ems, Tensor, np):
    """Every primitive class of ``ops`` (``ops.ReduceSum``...): built with one bad attribute at a
    time (errors naming the class), and a valid instance called with bad inputs (errors naming an
    op). Call arity of a ``*args`` primitive is the first of 1, 2, 3 valid tensors it accepts."""
    from easy_mindspore import ops
    from easy_mindspore.ops.operations import Primitive
    t23 = ems.ones((2, 3))
    goods_in = _prim_inputs(ems, Tensor, np, t23)
    ctor_bad = dict(fuzz_nn.CTOR_BAD, big_tuple=(2**62,), nested=((1,),), nan=float("nan"))
    call_bad = {
        "None": None, "str": "a", "float": 1.5, "neg1": -1, "big62": 2**62, "t0d": Tensor(2.0),
        "t_empty": ems.zeros((0,)), "t_bool": Tensor([True, False]), "t_int": Tensor([1, 2]),
        "t4d": ems.ones((1, 3, 4, 4)), "tuple": (1, 2), "list_t": [t23], "object": object(),
        "nan": float("nan"), "f64": Tensor(np.ones((2, 3))),
    }
    # Print writes to stdout and TensorDump files in the working directory: not swept.
    skip = {"Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck", "Print", "TensorDump"}
    for name in sorted(dir(ops)):
        cls = getattr(ops, name)
        if (name in skip or name.startswith("_") or not isinstance(cls, type)
                or not issubclass(cls, Primitive)):
            continue
        try:
            ps = [p for p in inspect.signature(cls.__init__).parameters.values()
                  if p.name != "self" and p.kind in (p.POSITIONAL_OR_KEYWORD, p.POSITIONAL_ONLY)]
        except (TypeError, ValueError):
            ps = []
        goods = [PRIM_GOOD.get(p.name, 2) if p.default is p.empty else p.default for p in ps]
        make = fuzz_nn._checked(cls, name)
        try:
            inst = cls(*goods)
        except Exception:  # noqa: BLE001 - no valid instance: its calls are not swept
            add(f"ops.{name}: a valid instance", make, *goods)
            continue
        args, names = _prim_call_args(inst, goods_in, t23)
        for i, p in enumerate(ps):
            for bname, bval in ctor_bad.items():
                a = list(goods)
                a[i] = bval
                add(f"ops.{name}({p.name}={bname})", make, *a)
                # MindSpore checks most attributes when called: built, then called validly
                add(f"ops.{name}({p.name}={bname})(valid)", _built_then_called(make, a, name, args))
        call = fuzz_nn._checked(inst, name, any_op=True)
        add(f"ops.{name}()(valid)", call, *args)
        for j, pname in enumerate(names):
            for bname, bval in call_bad.items():
                a = list(args)
                a[j] = bval
                add(f"ops.{name}()({pname}={bname})", call, *a)


def probability_cases(sweep, ems, Tensor, np):
    """Every distribution and bijector of ``nn.probability``: built with bad arguments, and each
    method of a valid one called with bad values (and bad parameters given at the call)."""
    from easy_mindspore.nn.probability import bijector as msb
    from easy_mindspore.nn.probability import distribution as msd
    good = {"Normal": (0.0, 1.0), "LogNormal": (0.0, 1.0), "Uniform": (0.0, 1.0),
            "Exponential": (1.0,), "Gamma": ([2.0], [1.0]), "Beta": ([2.0], [3.0]), "Logistic": (0.0, 1.0),
            "Gumbel": (0.0, 1.0), "Cauchy": (0.0, 1.0), "HalfNormal": (0.0, 1.0),
            "Laplace": (0.0, 1.0), "StudentT": (3.0, 0.0, 1.0), "Bernoulli": (0.5,),
            "Categorical": (Tensor(np.array([0.2, 0.8], np.float32)),), "Geometric": (0.5,),
            "Poisson": ([1.5],),  # Gamma, Beta and Poisson take no Python scalars, as MindSpore's
            "TransformedDistribution": (msb.Exp(), msd.Normal(0.0, 1.0))}
    methods = ("prob", "log_prob", "cdf", "log_cdf", "survival_function", "log_survival")
    for name in msd.__all__:
        if name == "Distribution":
            continue
        cls = getattr(msd, name)
        sweep(f"distribution.{name}", cls, list(inspect.signature(cls.__init__).parameters)[1:])
        inst = cls(*good[name])
        for m in methods:
            sweep(f"distribution.{name}().{m}", getattr(inst, m), ["value"])
        for m in ("mean", "sd", "var", "mode", "entropy", "sample"):
            sweep(f"distribution.{name}().{m}", getattr(inst, m), ["params"])
        sweep(f"distribution.{name}().kl_loss", inst.kl_loss, ["dist", "params"])
        sweep(f"distribution.{name}()(name)", inst, ["name"])
    good_b = {"Exp": (), "PowerTransform": (2.0,), "ScalarAffine": (2.0, 1.0), "Softplus": (2.0,),
              "GumbelCDF": (0.0, 1.0), "Invert": (msb.Exp(),)}
    for name in msb.__all__:
        if name == "Bijector":
            continue
        cls = getattr(msb, name)
        sweep(f"bijector.{name}", cls, list(inspect.signature(cls.__init__).parameters)[1:])
        inst = cls(*good_b[name])
        for m in ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian"):
            sweep(f"bijector.{name}().{m}", getattr(inst, m), ["value"])
