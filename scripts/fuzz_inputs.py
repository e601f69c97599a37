"""Bad-argument sweep over the Python API: calls every public function of ``easy_mindspore.ops``,
the top-level functions of ``easy_mindspore`` and the methods of ``Tensor`` with bad arguments
(wrong types, None, strings, huge and negative ints, NaN, empty and over-deep shapes, ...), one
argument at a time in an otherwise valid call, plus hand-written cases for construction and
indexing, and every public ``nn`` Cell class (``fuzz_nn.py``: built with bad arguments, called
with bad inputs; their errors must name the layer). ``fuzz_api.py`` adds every function of
``mindspore.numpy``, of ``mint`` (with ``mint.nn.functional``, ``mint.linalg``, ``mint.special``),
the ``mint.nn`` Cell classes as ``fuzz_nn`` sweeps nn's, the ``mint.optim`` optimizers (bad
arguments, gradients of the wrong count, shape and dtype) and every primitive class of ``ops``
(built with bad attributes; called with bad inputs); ``fuzz_train.py`` the metrics, callbacks,
``Model`` and the ``nn.*_lr`` functions of ``mindspore.train``. Every call must return or raise TypeError,
ValueError, IndexError, MemoryError or RuntimeError, and an error of a built-in class must name the
op (``For 'roll', ...``, as MindSpore's messages do; Python's own arity errors already name the
function); anything else (OverflowError, a Rust panic, a crash of the process, a case that does not
answer in ``EMS_FUZZ_CASE_TIMEOUT`` seconds, an error that does not say which op) is counted.

    python scripts/fuzz_inputs.py            # summary; -v lists every bad outcome
    EMS_FUZZ_ONLY=nn python scripts/fuzz_inputs.py   # one part alone: core, nn, numpy, mint,
                                                     # prims, train, prob (comma-separated)

The calls run in a child process (limited to 4 GiB of address space), restarted after a crash or
a hang.
"""
import enum
import math
import os
import resource
import subprocess
import sys

ALLOWED = (TypeError, ValueError, IndexError, MemoryError, RuntimeError)


def _setup():
    import numpy as np
    import easy_mindspore as ems
    from easy_mindspore import Tensor, ops

    t23 = ems.ones((2, 3))
    deep = [1.0]
    for _ in range(100_000):
        deep = [deep]
    cyc = []
    cyc.append(cyc)
    bad = {
        "None": None, "str": "a", "float": 1.5, "nan": math.nan, "inf": math.inf, "neg1": -1,
        "zero": 0, "big62": 2**62, "big64": 2**64, "negbig": -(2**63) - 1,
        "true": True, "complex": 1 + 2j, "empty_tuple": (), "empty_list": [], "neg_shape": (-1,),
        "huge_shape": (2**62, 2**62), "ndim65": (1,) * 65, "ragged": [[1], [2, 3]],
        "object": object(), "longdouble": np.longdouble(1.5), "clongdouble": np.clongdouble(1),
        "np_complex": np.complex128(1), "t0d": Tensor(2.0), "t_empty": ems.zeros((0,)),
        "t_bool": Tensor([True, False]), "t_int": Tensor([1, 2]), "t23": t23,
        "ndarray_obj": np.array([object()]), "deep": deep, "cycle": cyc,
        "fn": lambda v: v, "big_tuple": (2**64, 1), "nan_tuple": (math.nan,),
    }
    if _raises_memory_errors(ems):
        bad["big40"] = 2**40  # a size of terabytes: allocatable in principle, never in practice
    return np, ems, Tensor, ops, t23, bad


def _raises_memory_errors(ems):
    """Whether the build turns a refused allocation into MemoryError (issue 15 item 4); without
    it, a shape of terabytes aborts the process, so those cases are left out."""
    return hasattr(ems._errors, "OutOfMemoryError")


def _good(name, t23, ems):
    """A valid value for a parameter, by name."""
    fn = lambda v: (v * v).sum()  # noqa: E731
    table = {
        "fn": fn, "func": fn, "f": fn, "inputs": t23, "v": t23, "value": t23, "expr": t23,
        "axis": 0, "dim": 0, "start_dim": 0, "end_dim": -1, "axis0": 0, "axis1": 1,
        "shape": (2, 3), "size": (2, 3), "dtype": ems.float32, "perm": (1, 0), "dims": (1, 0),
        "tensors": [t23, t23], "data": t23, "split_size_or_sections": 1,
        "indices_or_sections": 1, "condition": t23 > 0, "fill_value": 1.0, "n": 3, "m": 3,
        "start": 0, "end": 4, "stop": 4, "step": 1, "num": 5, "keepdims": False,
        "keep_dims": False, "keepdim": False, "ord": None, "clip_value_min": 0.0,
        "clip_value_max": 1.0, "seed": 1, "low": 0, "high": 5, "mean": 0.0, "std": 1.0,
        "base": 10.0, "length": 1, "grad_position": 0, "has_aux": False, "weights": None,
        "in_axes": 0, "out_axes": 0, "other": t23, "exponent": 2.0, "copy": True,
        "key": 0, "A": t23, "x1": t23, "x2": t23.T, "y": t23, "input": t23, "x": t23,
        "norm": "ortho", "s": (2, 3), "d": 0.5,
    }
    if name in table:
        return table[name]
    return t23


def _cases():
    import inspect

    np, ems, Tensor, ops, t23, bad = _setup()
    out = []

    def add(label, f, *args, **kwargs):
        out.append((label, f, args, kwargs))

    def sweep(prefix, f, params):
        goods = [_good(p, t23, ems) for p in params]
        add(f"{prefix}()", f)
        for i, p in enumerate(params):
            for bname, bval in bad.items():
                args = list(goods)
                args[i] = bval
                add(f"{prefix}({p}={bname})", f, *args)

    def params_of(f):
        try:
            sig = inspect.signature(f)
        except (TypeError, ValueError):
            return None
        ps = []
        for p in sig.parameters.values():
            if p.name == "self":
                continue
            if p.kind in (p.VAR_POSITIONAL,):
                ps.append(p.name)
            elif p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
                ps.append(p.name)
        return ps

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import fuzz_api
    import fuzz_nn
    if _want("numpy"):
        fuzz_api.numpy_cases(add, bad, ems, t23)
    if _want("mint"):
        fuzz_api.mint_function_cases(add, bad, ems, t23)
    if not _want("core"):
        return _rest(out, add, sweep, ems, Tensor, ops, np, bad)
    for name in sorted(ops.functional.__all__):
        f = getattr(ops, name)
        ps = params_of(f)
        if ps is not None:
            sweep(f"ops.{name}", f, ps)
    # mindspore.scipy's functions (fft, linalg, optimize).
    import importlib
    for sub in ("fft", "linalg", "optimize"):
        module = importlib.import_module(f"easy_mindspore.scipy.{sub}")
        for name in module.__all__:
            f = getattr(module, name)
            ps = params_of(f)
            if ps is not None:
                sweep(f"scipy.{sub}.{name}", f, ps)
    top = ["abs", "norm", "matmul", "sum", "dot", "exp", "size", "zeros", "ones", "zeros_like",
           "ones_like", "arange", "linspace", "logspace", "eye", "concat", "split", "transpose",
           "swapaxes", "squeeze", "expand_dims", "t", "stack", "where", "randn", "rand", "normal",
           "randint", "flatten", "narrow", "maximum", "minimum", "set_seed", "tensor"]
    for name in top:
        f = getattr(ems, name)
        ps = params_of(f)
        if ps is None:
            ps = ["x"]
        sweep(f"ems.{name}", f, ps)
    base = ems.arange(6.0).reshape(2, 3)
    skip = {"_rebind"}
    for name in sorted(dir(Tensor)):
        if name.startswith("__") and name not in {
            "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__",
            "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__",
            "__rpow__", "__matmul__", "__rmatmul__", "__getitem__", "__setitem__", "__eq__",
            "__lt__", "__ge__", "__array__", "__index__", "__int__", "__float__", "__bool__",
            "__len__", "__iter__", "__repr__", "__str__", "__and__", "__rand__", "__or__",
            "__ror__", "__xor__", "__rxor__", "__invert__",
        }:
            continue
        if name.startswith("_") and not name.startswith("__") or name in skip:
            continue
        attr = getattr(Tensor, name)
        if not callable(attr):
            continue
        ps = params_of(attr)
        if ps is None:
            ps = []
        if name == "__setitem__":
            ps = ["key", "value"]
        if name in {"__getitem__"}:
            ps = ["key"]

        def method(*a, _n=name, **k):
            return getattr(Tensor(base), _n)(*a, **k)
        sweep(f"Tensor.{name}", method, ps)
    # The dataset transforms: their constructors, and a default instance called on bad images.
    from easy_mindspore.dataset import text, transforms, vision
    vocab = text.Vocab.from_list(["a", "b", "[UNK]"])
    defaults = {"Resize": (3,), "CenterCrop": (2,), "Normalize": ([0, 0, 0], [1, 1, 1]),
                "Rescale": (1.0, 0.0), "RandomCrop": (2,), "RandomResizedCrop": (2,),
                "TypeCast": (ems.float32,), "OneHot": (3,), "Fill": (0,),
                "Compose": ([vision.HWC2CHW()],), "Pad": (1,), "Crop": ((0, 0), 2),
                "ResizedCrop": (0, 0, 2, 2, 2), "FiveCrop": (2,), "TenCrop": (2,),
                "AdjustBrightness": (1.5,), "AdjustContrast": (1.5,), "AdjustSaturation": (1.5,),
                "AdjustGamma": (0.5,), "Posterize": (4,), "Solarize": (128,),
                "RandomApply": ([vision.HWC2CHW()],), "RandomChoice": ([vision.HWC2CHW()],),
                "RandomOrder": ([vision.HWC2CHW()],), "Mask": (transforms.Relational.EQ, 1),
                "PadEnd": ([3],), "Slice": (slice(0, 1),), "Lookup": (vocab, "[UNK]"),
                "Ngram": (2,), "SlidingWindow": (2,), "ToNumber": (ems.int32,), "Truncate": (2,),
                "TruncateSequencePair": (2,), "AddToken": ("<s>",), "RegexReplace": ("a", "b"),
                "RegexTokenizer": (" ",), "PythonTokenizer": (str.split,),
                "WordpieceTokenizer": (vocab,), "BertTokenizer": (vocab,),
                "ToVectors": (text.Vectors(),), "AdjustSharpness": (2.0,), "AdjustHue": (0.1,),
                "ConvertColor": (vision.ConvertMode.COLOR_RGB2BGR,), "ToType": (np.float32,),
                "NormalizePad": ([0, 0, 0], [1, 1, 1]), "PadToSize": ([8, 8],),
                "LinearTransformation": (np.eye(3), np.zeros(3)), "Erase": (0, 0, 1, 1),
                "CutOut": (1,), "RandomAdjustSharpness": (2.0,), "Rotate": (10,),
                "RandomRotation": (10,), "GaussianBlur": (3,),
                "Affine": (10, [0.1, 0.1], 1.0, [0.0, 0.0]), "RandomAffine": (10,),
                "Perspective": ([[0, 0], [1, 0], [1, 1], [0, 1]], [[0, 0], [1, 0], [1, 1], [0, 1]]),
                "UniformAugment": ([vision.Invert()], 1),
                "RandomSelectSubpolicy": ([[(vision.Invert(), 0.5)]],),
                "CutMixBatch": (vision.ImageBatchFormat.NHWC,), "RandomResize": (4,),
                "ResizeWithBBox": (3,), "RandomResizeWithBBox": (3,), "RandomCropDecodeResize": (3,),
                "RandomCropWithBBox": (2,), "RandomResizedCropWithBBox": (2,),
                "BoundingBoxAugment": (vision.Invert(),)}
    for mod_name, mod in (("vision", vision), ("transforms", transforms), ("text", text)):
        for name in mod.__all__:
            cls = getattr(mod, name)
            if isinstance(cls, type) and issubclass(cls, enum.Enum):
                continue
            ps = params_of(cls) or []
            if not isinstance(cls, type):  # a function (read_image)
                if callable(cls):
                    sweep(f"{mod_name}.{name}", cls, ps)
                continue
            sweep(f"{mod_name}.{name}", cls, ps)
            inst = cls(*defaults.get(name, ()))
            if callable(inst):  # not the vocabularies and vector tables
                sweep(f"{mod_name}.{name}()", inst, ["img"])
    return _rest(out, add, sweep, ems, Tensor, ops, np, bad)


def _want(section):
    """Whether ``section`` is swept: all are, unless ``EMS_FUZZ_ONLY`` names some (comma-separated:
    core, nn, numpy, mint, prims, train, prob)."""
    only = os.environ.get("EMS_FUZZ_ONLY")
    return not only or section in only.split(",")


def _rest(out, add, sweep, ems, Tensor, ops, np, bad):
    import fuzz_api
    import fuzz_nn
    # Every public nn Cell class: built with bad arguments, a valid one called with bad inputs.
    if _want("nn"):
        unbuilt = fuzz_nn.nn_cases(add, ems, Tensor, np)

        def every_class_built():  # a class the table cannot build would have no calls swept
            assert not unbuilt, f"no valid instance of nn.{', nn.'.join(unbuilt)}: add its arguments to fuzz_nn.GOOD"
        add("nn: every Cell class has a valid instance", every_class_built)
    if _want("mint"):
        fuzz_api.mint_nn_cases(add, ems, Tensor, np)
        fuzz_api.mint_optim_cases(add, ems, Tensor, np)
    if _want("prims"):
        fuzz_api.primitive_cases(add, ems, Tensor, np)
    if _want("train"):
        import fuzz_train
        fuzz_train.train_cases(add, ems, Tensor, np)
    if _want("prob"):
        fuzz_api.probability_cases(sweep, ems, Tensor, np)
    if not _want("core"):
        return out
    base = ems.arange(6.0).reshape(2, 3)
    # GeneratorDataset's constructor and stages (each built on a small valid pipeline).
    from easy_mindspore.dataset import GeneratorDataset
    rows = [(np.zeros(2, np.float32), np.int64(i)) for i in range(3)]
    sweep("dataset.GeneratorDataset", lambda source, column_names, shuffle=None:
          list(GeneratorDataset(source, column_names, shuffle=shuffle)),
          ["source", "column_names", "shuffle"])
    base_ds = lambda: GeneratorDataset(rows, ["x", "y"], shuffle=False)  # noqa: E731
    for stage, ps in (("batch", ["batch_size"]), ("shuffle", ["buffer_size"]),
                      ("repeat", ["count"]), ("take", ["count"]), ("skip", ["count"]),
                      ("project", ["columns"]), ("map", ["operations", "input_columns"])):
        sweep(f"dataset.{stage}", lambda *a, _s=stage: list(getattr(base_ds(), _s)(*a).take(5)), ps)
    # Construction.
    for bname, bval in bad.items():
        add(f"Tensor({bname})", Tensor, bval)
        add(f"Tensor([{bname}])", Tensor, [bval])
        add(f"Tensor([1, 2], dtype={bname})", Tensor, [1, 2], bval)
        add(f"t + [{bname}]", lambda v: base + [v], bval)
    add("Tensor([2**40], int32)", Tensor, [2**40], ems.int32)
    add("Tensor(2**40, int32)", Tensor, 2**40, ems.int32)
    add("Tensor([2**70])", Tensor, [2**70])
    add("Tensor(np.longdouble array)", Tensor, np.ones(3, np.longdouble))
    add("Tensor(np.uint64 big)", Tensor, np.array([2**63 + 5], np.uint64))
    add("Tensor(np.clongdouble array)", Tensor, np.ones(3, np.clongdouble))
    add("Tensor(np.str array)", Tensor, np.array(["a"]))
    add("Tensor(np.datetime64 array)", Tensor, np.array(["2020-01-01"], "datetime64[D]"))
    add("Tensor(np.float16 array)", Tensor, np.ones(3, np.float16))
    # Sizes, ranks and values at the limits.
    t64 = ems.zeros((1,) * 64)
    for label, f in [
        ("ones((1,)*30000)", lambda: ems.ones((1,) * 30000)),
        ("ones((1,)*65)", lambda: ems.ones((1,) * 65)),
        ("64-D expand_dims", lambda: t64.expand_dims(0)),
        ("64-D [None]", lambda: t64[None]),
        ("64-D stack", lambda: ems.stack([t64, t64])),
        ("64-D reshape +1", lambda: t64.reshape((1,) * 65)),
        ("t[(None,)*70]", lambda: base[(None,) * 70]),
        ("zeros((2**40, 2**40))", lambda: ems.zeros((2**40, 2**40))),
        ("eye(2**31)", lambda: ems.eye(2**31)),
        ("arange(0, 2**62)", lambda: ems.arange(0, 2**62)),
        ("arange(0, 2**40)", lambda: ems.arange(0, 2**40)),
        ("arange(-1e308, 1e308, 1e-308)", lambda: ems.arange(-1e308, 1e308, 1e-308)),
        ("arange int32 overflow", lambda: ems.arange(0, 2**40, 2**39, dtype=ems.int32)),
        ("linspace(0, 1, 2**62)", lambda: ems.linspace(0, 1, 2**62)),
        ("ops.split(zeros(0), 2**62)", lambda: ops.split(ems.zeros((0,)), 2**62)),
        ("ems.split(zeros(0), 2**62)", lambda: ems.split(ems.zeros((0,)), 2**62)),
        ("ems.split(x, [4, 2])", lambda: ems.split(ems.arange(6), [4, 2])),
        ("ops.split(x, [1, 2])", lambda: ops.split(ems.arange(6), [1, 2])),
        ("reshape(2**62, 2**62)", lambda: base.reshape(2**62, 2**62)),
        ("reshape(2**64)", lambda: base.reshape(2**64)),
        ("t + 2**70", lambda: base + 2**70),
        ("int32 t + 2**40", lambda: Tensor([1], ems.int32) + 2**40),
        ("t == 2**70", lambda: base == 2**70),
        ("Tensor([2**63])", lambda: Tensor([2**63])),
        ("Tensor(np.uint64(2**63 + 1))", lambda: Tensor(np.uint64(2**63 + 1))),
        ("t + np.uint64(2**63 + 1)", lambda: base + np.uint64(2**63 + 1)),
        ("full((2,), 2**40, int32)", lambda: ems.ops.full((2,), 2**40, ems.int32)),
        ("int32 setitem 2**40", lambda: Tensor([1, 2], ems.int32).__setitem__(0, 2**40)),
        ("randint(5, 2, (3,))", lambda: ems.randint(5, 2, (3,))),
        ("set_seed(2**64)", lambda: ems.set_seed(2**64)),
        ("vmap over 64-D", lambda: ems.vmap(lambda v: v * 2)(ems.zeros((2,) + (1,) * 64))),
    ]:
        add(label, f)
    if _raises_memory_errors(ems):
        add("zeros((2**40,))", lambda: ems.zeros((2**40,)))
        add("randn(2**40)", lambda: ems.randn(2**40))
    # Indexing with extreme keys.
    for key in [slice(0, 2**64), slice(-2**64, 2), slice(None, None, 2**64), slice(None, None, -2**64),
                slice(0, 2, 0), 2**64, -2**64, (Ellipsis, Ellipsis), (None,) * 70, 1.5, "a",
                [True, False], [[True, False, True], [True, True, True]], [2**64], [1.5],
                (slice(None),) * 3, (0, 0, 0), Tensor([1.5]), Tensor(1.5), np.array([1.0]),
                np.int64(2**62), [], [[]], ([0, 1], [0, 1], [0, 1])]:
        add(f"t[{key!r}]"[:60], lambda k: Tensor(base)[k], key)
        add(f"t[{key!r}] = 1"[:60], lambda k: Tensor(base).__setitem__(k, 1), key)
    return out


def _child(start):
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    try:  # die with the parent (a parent stopped by a timeout must not leave the sweep running)
        import ctypes
        import signal
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    sys.setrecursionlimit(10_000)
    cases = _cases()
    import easy_mindspore as ems
    import numpy as np

    for i in range(start, len(cases)):
        label, f, args, kwargs = cases[i]
        print(f"start\t{i}", flush=True)
        try:
            r = f(*args, **kwargs)
            if isinstance(r, ems.Tensor) and r.size < 10_000:
                repr(r)
                r.tolist()
            outcome = "ok"
        except ALLOWED + getattr(f, "extra_allowed", ()) as e:
            outcome = f"allowed:{type(e).__name__}" if isinstance(e, ems.Error) else \
                f"foreign:{type(e).__name__}: {str(e)[:150]}"
        except BaseException as e:  # noqa: BLE001 - the point: every class is recorded
            outcome = f"BAD:{type(e).__name__}: {str(e)[:150]}"
        print(f"done\t{i}\t{outcome}\t{label}".replace("\n", " "), flush=True)
    print(f"total\t{len(cases)}", flush=True)
    del np


def main():
    verbose = "-v" in sys.argv
    start, results, total = 0, {}, None
    while True:
        lines, rc, stderr, hung = _run_child(start)
        last_started = None
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "start":
                last_started = int(parts[1])
            elif parts[0] == "done":
                results[int(parts[1])] = (parts[2], parts[3])
                last_started = None
            elif parts[0] == "total":
                total = int(parts[1])
        if total is not None:
            break
        if last_started is None:
            print(stderr[-2000:])
            raise SystemExit("the child failed outside a case")
        if hung:
            results[last_started] = (f"HANG: no answer in {CASE_TIMEOUT} s", "?")
        else:
            results[last_started] = (f"CRASH:rc={rc}: {stderr.strip()[-150:]}", "?")
        start = last_started + 1
    # Labels of crashed cases: the child never printed them; recompute in this process is costly
    # (it imports the package), so they are named by index unless listed verbosely.
    counts = {"ok": 0, "allowed": 0, "foreign": 0, "bad": 0}
    classes = {}
    bads, foreign = [], []
    for i in sorted(results):
        outcome, label = results[i]
        if outcome == "ok":
            counts["ok"] += 1
        elif outcome.startswith("allowed"):
            counts["allowed"] += 1
            classes[outcome.split(":")[1]] = classes.get(outcome.split(":")[1], 0) + 1
        elif outcome.startswith("foreign") and not _names_the_op(outcome):
            counts["bad"] += 1
            bads.append((i, label, "UNNAMED " + outcome))
        elif outcome.startswith("foreign"):
            counts["foreign"] += 1
            foreign.append((i, label, outcome))
        else:
            counts["bad"] += 1
            bads.append((i, label, outcome))
    if bads and any(label == "?" for _, label, _ in bads):
        labels = _labels()
        bads = [(i, labels[i] if label == "?" else label, o) for i, label, o in bads]
    print(f"{total} calls: {counts['ok']} returned, {counts['allowed']} raised an easy_mindspore.Error, "
          f"{counts['foreign']} raised another allowed class, {counts['bad']} BAD (other class or crash)")
    print("  easy_mindspore errors by class:", ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    for i, label, o in bads if verbose else bads[:40]:
        print(f"  BAD  {label}: {o}")
    if verbose:
        for i, label, o in foreign:
            print(f"  foreign  {label}: {o}")
        for i in sorted(results):
            print(f"  all  {results[i][1]}: {results[i][0]}")
    return 1 if bads else 0


# A case that has not answered in this many seconds is a hang: the child is killed and restarted
# after it (the slowest valid cases take about a second on a loaded 2-core machine).
CASE_TIMEOUT = float(os.environ.get("EMS_FUZZ_CASE_TIMEOUT", "30"))


def _run_child(start):
    """Runs the child from case ``start`` until it ends or a case hangs; returns its stdout lines,
    return code, stderr and whether it was killed for a hang."""
    import queue
    import threading

    p = subprocess.Popen([sys.executable, __file__, "--child", str(start)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
    q, err, lines = queue.Queue(), [], []

    def pump(stream, put):
        for line in stream:
            put(line)
        put(None)
    threading.Thread(target=pump, args=(p.stdout, q.put), daemon=True).start()
    err_thread = threading.Thread(target=pump, args=(p.stderr, err.append), daemon=True)
    err_thread.start()
    in_case, hung = False, False
    while True:
        try:
            line = q.get(timeout=CASE_TIMEOUT if in_case else 3600)
        except queue.Empty:
            p.kill()
            hung = True
            break
        if line is None:
            break
        lines.append(line)
        in_case = line.startswith("start")
    p.wait()
    err_thread.join(timeout=10)
    return lines, p.returncode, "".join(e for e in err if e), hung


# Python's own complaints about the call itself (arity, keywords) name the function already.
_CALL_ERRORS = ("required positional argument", "unexpected keyword", "positional argument",
                "expected at least", "expected at most", "takes no arguments")


def _names_the_op(outcome):
    """Whether a built-in-class error names the op (``For 'roll', ...``) as MindSpore's do, or is
    Python's own error about the call (wrong arity) or the interpreter's RecursionError."""
    kind, _, msg = outcome.partition(":")[2].partition(":")
    msg = msg.strip()
    if kind == "KeyError":  # its str is the repr of its message
        msg = msg.strip("\"'")
    return (msg.startswith("For '") or kind == "RecursionError" or any(c in msg for c in _CALL_ERRORS)
            or (kind == "TypeError" and msg.startswith("expected ") and " argument" in msg))


def _labels():
    p = subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {os.path.dirname(__file__)!r}); "
                        "import fuzz_inputs as f; [print(c[0]) for c in f._cases()]"],
                       capture_output=True, text=True)
    return p.stdout.splitlines()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        _child(int(sys.argv[2]))
    else:
        raise SystemExit(main())
