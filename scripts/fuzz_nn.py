"""The ``nn`` part of the bad-argument sweep (``scripts/fuzz_inputs.py`` runs it): every public
Cell class of ``easy_mindspore.nn`` is built with one bad constructor argument at a time (the
others valid), and a valid instance of each is called with bad inputs (None, strings, numbers,
tensors of the wrong rank, feature size or dtype, empty tensors). Every outcome must be a value or
an error of MindSpore's classes (TypeError, ValueError, IndexError, RuntimeError, MemoryError)
whose message names the layer (``For 'Dense', ...``); an error that does not is raised again as
:class:`Unnamed`, which the sweep counts as bad. Two exceptions, as MindSpore has them: an unknown
activation or metric name, or a parameter group without ``'params'``, is its KeyError (``For
'get_activation', ...``), and a call of a cell that runs a
user's cell (``WithLossCell``, ``TrainOneStepCell``...) passes that cell's error unchanged (it
must still name some op or layer).
"""
import inspect
import os
import tempfile

# Valid constructor arguments by parameter name (MindSpore's names); a required parameter not
# listed gets 2, one with a default keeps it.
GOOD = {
    "in_channels": 3, "out_channels": 4, "kernel_size": 3, "num_features": 3, "input_size": 3,
    "hidden_size": 4, "vocab_size": 10, "embedding_size": 4, "embed_dim": 4, "num_heads": 2,
    "d_model": 4, "nhead": 2, "dim_feedforward": 8, "normalized_shape": (3,), "num_groups": 1,
    "num_channels": 3, "in1_channels": 3, "in2_channels": 3, "output_size": 2, "size": 2,
    "scale_factor": 2.0, "padding": 1, "learning_rate": 0.1, "p": 0.5, "keep_prob": 0.5,
    "upscale_factor": 2, "downscale_factor": 2, "groups": 1, "shifts": 1, "dims": 0, "depth": 3,
    "unflattened_size": (3, 1), "dim": 1, "axis": -1, "num_classes": 3, "start": 0, "limit": 4,
    "delta": 1, "l1": 0.1, "central_fraction": 0.5, "norm_type": 2.0, "shape": (3,),
    "img_size": 8, "bias": True, "clip_norm": 1.0, "num_layers": 1, "nonlinearity": "tanh",
    "momentum": 0.9, "decay_rate": 0.9, "decay_steps": 2, "min_lr": 0.01, "max_lr": 0.1,
    "end_learning_rate": 0.01, "power": 1.0, "paddings": ((1, 1), (1, 1)),
    "ksizes": (1, 2, 2, 1), "strides": (1, 1, 1, 1), "rates": (1, 1, 1, 1),
}
# Bad constructor arguments (one at a time).
CTOR_BAD = {
    "None": None, "str": "a", "float": 1.5, "neg1": -1, "zero": 0, "true": True, "big62": 2**62,
    "neg_tuple": (-1,), "object": object(),
}
# At most this many parameters of a constructor are swept (the rest are flags of little risk).
MAX_PARAMS = 6


class Unnamed(Exception):
    """An error of an allowed class whose message does not name the layer."""


def _params(f, skip_self=True):
    """The positional parameters of ``f``: ``(name, default or inspect.Parameter.empty)``."""
    try:
        sig = inspect.signature(f)
    except (TypeError, ValueError):
        return []
    return [(p.name, p.default) for p in sig.parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
            and not (skip_self and p.name == "self")]


def _names_layer(e, layer, any_op):
    msg = str(e)
    if isinstance(e, KeyError):  # MindSpore's KeyErrors for unknown names and param groups
        return msg.startswith(('"For \'get_activation\'', '"For \'get_metric_fn\'',
                               f'"For \'{layer}\', a param group'))
    return (layer in msg or "positional argument" in msg
            or (any_op and msg.startswith("For '")))


def _checked(f, layer, any_op=False):
    """``f`` whose allowed errors must name ``layer`` (else :class:`Unnamed`); with ``any_op``,
    any op or layer (a cell running a user's cell)."""
    def call(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except (TypeError, ValueError, IndexError, RuntimeError, KeyError) as e:
            if isinstance(e, RecursionError) or _names_layer(e, layer, any_op):
                raise
            raise Unnamed(f"{type(e).__name__} not naming {layer!r}: {str(e)[:120]}") from e
    call.extra_allowed = (KeyError,)
    return call


def cell_classes(module, cell):
    """The public Cell classes (subclasses of ``cell``) of ``module``, by name."""
    out = {}
    for name in sorted(dir(module)):
        cls = getattr(module, name)
        if (not name.startswith("_") and isinstance(cls, type) and issubclass(cls, cell)
                and cls is not cell):
            out[name] = cls
    return out


def nn_cases(add, ems, Tensor, np, module=None, prefix="nn", extra_good=None, call_built=False):
    """Adds the cases of the Cell classes of ``module`` (``nn`` by default; ``mint.nn`` too)
    through ``add(label, f, *args)``, labelled ``{prefix}.Name``; ``extra_good`` adds valid
    constructor arguments by name. With ``call_built``, a layer built with a bad argument is also
    called with an input its valid instance takes (many checks run at the call). Returns the
    names of the classes no valid instance could be built of (their calls are not swept)."""
    from easy_mindspore import nn
    module = nn if module is None else module

    dense = nn.Dense(3, 4)
    mindir = os.path.join(tempfile.mkdtemp(), "fuzz_dense")  # a graph for nn.GraphCell
    ems.export(dense, Tensor(np.ones((2, 3), np.float32)), file_name=mindir, file_format="MINDIR")
    good = dict(GOOD, params=dense.trainable_params(), network=dense, backbone=dense, fn=dense,
                graph=ems.load(mindir + ".mindir"),
                parameters=dense.trainable_params(), scale_sense=Tensor(np.float32(1024.0)),
                encoder_layer=nn.TransformerEncoderLayer(4, 2, 8),
                decoder_layer=nn.TransformerDecoderLayer(4, 2, 8),
                layer=nn.Dense(3, 4), cell=dense, loss_fn=nn.MSELoss(),
                param=ems.Parameter(Tensor(np.ones(3, np.float32)), name="fuzz_param"),
                optimizer=nn.Momentum(dense.trainable_params(), 0.1, 0.9), **(extra_good or {}))
    f32 = lambda *s: Tensor(np.ones(s, np.float32))  # noqa: E731
    inputs = {
        "None": None, "str": "a", "float": 1.5, "t0d": Tensor(2.0), "t2d": f32(2, 3),
        "t2d_wide": f32(2, 5), "t3d": f32(2, 3, 4), "t4d": f32(1, 3, 8, 8), "t5d": f32(1, 3, 2, 4, 4),
        "int": Tensor(np.ones((2, 3), np.int32)), "bool": Tensor(np.ones((2, 3), bool)),
        "f64": Tensor(np.ones((2, 3))), "empty": f32(0, 3),
    }
    unbuilt = []
    for name, cls in cell_classes(module, nn.Cell).items():
        ps = _params(cls.__init__)[:MAX_PARAMS]
        goods = [good.get(p, 2) if d is inspect.Parameter.empty else d for p, d in ps]
        make = _checked(cls, cls.__name__)  # an alias (nn.Adamax) names its class (AdaMax)
        for i, (p, _) in enumerate(ps):
            for bname, bval in CTOR_BAD.items():
                args = list(goods)
                args[i] = bval
                add(f"{prefix}.{name}({p}={bname})", make, *args)
        try:
            inst = cls(*goods)
        except Exception:  # noqa: BLE001 - reported as a class whose calls are not swept
            unbuilt.append(name)
            continue
        n_in = sum(1 for _, d in _params(inst.construct, skip_self=False)
                   if d is inspect.Parameter.empty)
        call = _checked(inst, cls.__name__, any_op=getattr(cls, "_calls_user_code", False))
        for iname, x in inputs.items():
            add(f"{prefix}.{name}()({iname})", call, *([x] * max(n_in, 1)))
        if call_built:
            _add_built_then_called(add, inst, cls, name, prefix, ps, goods, inputs, n_in)
    return unbuilt


def _add_built_then_called(add, inst, cls, name, prefix, ps, goods, inputs, n_in):
    """Each bad constructor argument, then a call with the first input the valid ``inst`` takes."""
    valid = None
    for iname in ("t4d", "t3d", "t2d", "t5d", "int"):
        try:
            inst(*([inputs[iname]] * max(n_in, 1)))
            valid = inputs[iname]
            break
        except Exception:  # noqa: BLE001 - probing for an input the layer takes
            continue
    if valid is None:
        return

    def run(args, _c=cls, _n=cls.__name__, _x=valid):
        built = _checked(_c, _n)(*args)
        return _checked(built, _n)(*([_x] * max(n_in, 1)))
    for i, (p, _) in enumerate(ps):
        for bname, bval in CTOR_BAD.items():
            args = list(goods)
            args[i] = bval
            add(f"{prefix}.{name}({p}={bname})(valid)", lambda _a=args: run(_a))
