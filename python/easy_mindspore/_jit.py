"""``mindspore.jit`` and GRAPH_MODE: functions staged into graphs by the engine and run from a
cache of graphs.

``jit(fn)`` traces ``fn`` on its first call (the call runs normally and returns eager's results)
and records a graph of every tensor operation; later calls with tensors of the same shapes and
dtypes, and the same static arguments, run the cached graph without running Python at all.

- **Control flow on tensor values** works: ``bool(t)``, ``float(t)``, ``t.item()``,
  ``t.asnumpy()`` or an index read from a tensor inside the function become *guards* of the
  graph. A call whose values take another path through the function traces it again; there is
  one graph per path, and a branch is never frozen.
- **Arguments** may be pytrees (tuples, lists, dicts) of tensors. Every other leaf (a Python
  number, a string, None, a dtype, any hashable object) is *static*: part of the cache key, so a
  new value traces again (up to 64 keys are kept, least recently used dropped first).
  Parameters passed as arguments are passed through as they are.
- **Outputs** may be any pytree; non-tensor leaves come back as they were when traced.
- **Parameters** (``mindspore.Parameter``, the weights of ``nn`` layers) read inside are inputs
  of the graph, read at each call; a function that updates them (an optimizer step) updates them
  at every call.
- **Plain tensors** the function reads from outside (globals, closures, attributes that are not
  Parameters) are *constants* of the graph, as in MindSpore and JAX. Rebinding such a tensor
  afterwards (``x[0] = 5``) drops the cached graphs, so the next call sees the new value; the
  function itself may not rebind them (an error: return the new value or use a Parameter).
  An argument the function rebinds (``x[0] = 5`` on an argument) is written back at every call.
- **Random numbers** drawn inside (``ops.dropout``, ``nn.Dropout``, ``ops.randn``...) come from
  the engine's random key, which the graph reads and advances at each call: a cached graph draws
  fresh numbers every call, the same ones eager draws after the same ``set_seed``.
- Python state other than tensors (a global float, a list's contents, a cell's plain attribute)
  is read when the function is traced, as in every tracing jit; pass it as an argument if it
  changes. ``Cell.set_train`` drops the cached graphs itself.
- **Lifetime.** The cached graphs (and the tensor constants they hold) live as long as the
  jitted function: ``_C.Jit`` takes part in Python's garbage collection, so deleting a jitted
  closure frees what it captured. A jitted method keeps no instance alive (its graphs for an
  instance go when the instance goes), and the compiled functions GRAPH_MODE keeps per user
  function are stored on that function (or instance).

MindSpore's options (``mode``, ``capture_mode``, ``jit_level``, ``input_signature``,
``hash_args``, ``jit_config``, ``compile_once``, ``dynamic``, ``fullgraph``, ``backend``...) are
accepted and ignored: there is one way to compile here, and shapes are specialised per call
signature.

``set_context(mode=GRAPH_MODE)`` runs ``GradOperation``, ``grad``, ``value_and_grad``, ``vjp``,
``jvp`` and ``nn.Cell`` calls through the same machinery; :func:`compiled_in_graph_mode` is the
one place that decides whether a call runs compiled.
"""
import builtins
import collections
import contextlib
import functools
import threading
import types
import warnings
import weakref

import numpy as _np

from . import _C, _leaf_hooks, _tree
from ._C import Parameter, Tensor
from ._errors import DTypeError, ShapeError
from .context import _mode

__all__ = ["jit", "CacheInfo"]

CacheInfo = collections.namedtuple("CacheInfo", ["hits", "traces", "graphs"])

#: Static keys (Rust ``Jit`` objects) kept per jitted function.
MAX_KEYS = 64

class _TraceState(threading.local):
    """Per thread: how many jitted functions are being traced (``depth``) and their arguments
    (``frames``, made on first use). The class default keeps ``tracing()``, read on hot paths,
    a plain lookup."""

    depth = 0
    printing = 0  # > 0 while a jitted function that prints runs its Python (``graph_printing``)
    printed = False  # set by a print during a trace


_local = _TraceState()


def _frames():
    """This thread's stack of calls being traced (their arguments)."""
    try:
        return _local.frames
    except AttributeError:
        _local.frames = []
        return _local.frames


def tracing():
    """True while a jitted function's Python code runs (it is being traced) on this thread."""
    return bool(_local.depth)


def graph_printing():
    """True while a print shows its values as MindSpore's graph mode does (inside a jitted
    function); ``ops.Print`` calls :func:`printed` then."""
    return bool(_local.depth or _local.printing)


def printed():
    """Called by a print inside a jitted function: MindSpore's graph prints at every call, so
    the function's later calls run its Python (which prints) rather than a cached graph."""
    _local.printed = True


def _graph_print(*args, **kwargs):
    """Python's ``print`` while a jitted function's Python runs, as MindSpore's graph mode
    compiles it: each argument on its own line, in MindSpore's graph forms (see ``ops.Print``).
    With keywords (``sep``, ``file``... which MindSpore's graph refuses), and in any other
    thread, it is Python's own."""
    if kwargs or not graph_printing():
        return _builtin_print(*args, **kwargs)
    from .ops import operations
    return operations.Print()(*args)


_builtin_print = builtins.print
_print_lock = threading.Lock()
_print_users = [0]  # calls inside _printing_as_graph, all threads


@contextlib.contextmanager
def _printing_as_graph(run_python):
    """While a jitted function's Python runs: Python's ``print`` is :func:`_graph_print`
    (installed in ``builtins`` while any thread is inside, and acting only in those threads;
    a module's own ``print`` wins, as Python looks names up); with `run_python` (a function
    that prints, called again instead of its cached graph), prints show graph forms too."""
    with _print_lock:
        if _print_users[0] == 0:
            builtins.print = _graph_print
        _print_users[0] += 1
    _local.printing += bool(run_python)
    try:
        yield
    finally:
        _local.printing -= bool(run_python)
        with _print_lock:
            _print_users[0] -= 1
            if _print_users[0] == 0:
                builtins.print = _builtin_print


class _Ident:
    """A cache-key entry comparing by identity (Parameters, bound instances); it keeps the object
    alive so that its id cannot be reused while the key exists."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __hash__(self):
        return id(self.obj)

    def __eq__(self, other):
        return isinstance(other, _Ident) and other.obj is self.obj


class _WeakIdent:
    """A cache-key entry comparing by identity that does not keep its object alive: when the
    object dies, ``on_death(ref)`` is called with the weak reference (``ref``)."""

    __slots__ = ("ref", "hash")

    def __init__(self, obj, on_death):
        self.ref = weakref.ref(obj, on_death)
        self.hash = id(obj)

    def __hash__(self):
        return self.hash

    def __eq__(self, other):
        if not isinstance(other, _WeakIdent):
            return False
        obj = self.ref()
        return obj is not None and other.ref() is obj


_TENSOR = object()  # the key entry of a tensor argument (its shape and dtype key the Rust cache)


def _static_key(leaf):
    """The cache-key entry of a non-tensor leaf."""
    if isinstance(leaf, _np.ndarray):
        return ("ndarray", leaf.dtype.str, leaf.shape, leaf.tobytes())
    try:
        hash(leaf)
    except TypeError:
        raise DTypeError(
            f"For 'jit', a non-tensor argument is static (part of the cache key) and must be "
            f"hashable, but got a {type(leaf).__name__}") from None
    return (type(leaf), leaf)


def _check_parameter_names(leaves, bound):
    """As MindSpore's compiler (checked when a graph is traced): two different Parameters given
    to one graph may not share a name, among the arguments or between an argument and a
    Parameter of the cell the graph is a method of: a ValueError naming the later one."""
    seen = {}

    def note(p):
        other = seen.setdefault(p.name, p)
        if other is not p:
            raise ShapeError(f"The parameter {p!r} , its name '{p.name}' already exists. Please set a "
                             "unique name for the parameter.")

    for leaf in leaves:
        if isinstance(leaf, Parameter):
            note(leaf)
    if seen and hasattr(bound, "get_parameters"):
        for p in bound.get_parameters():
            note(p)


class _Jitted:
    """A jitted function (what ``jit(fn)`` returns)."""

    def __init__(self, fn, options=None):
        if not callable(fn):
            raise DTypeError(f"For 'jit', the function must be callable, but got {type(fn).__name__}")
        self._fn = fn
        self._options = dict(options or {})
        self._jits = collections.OrderedDict()  # static key -> _C.Jit, most recent last
        self._dropped = [0, 0]  # hits and traces of evicted keys
        self._warned = False
        self._traced_any = False  # set by each trace: the uncached check runs after traces only
        self._last = None
        self._lock = threading.Lock()
        self._dead = []  # weak references to instances that died (their keys are dropped)
        self._prints = False  # a trace printed: later calls run the Python (``printed``)
        functools.update_wrapper(self, fn, updated=())

    def __get__(self, obj, objtype=None):
        """``@jit`` on a method: the instance is a static argument (by identity; the cache
        does not keep it alive, and its graphs go when it goes)."""
        if obj is None:
            return self
        return _BoundJitted(self, obj)

    def __call__(self, *args, **kwargs):
        if self._prints:
            return self._call(args, kwargs, None)
        if not kwargs and not _leaf_hooks.hooks:  # the common case, kept short: plain tensors
            for a in args:
                if type(a) is not Tensor:
                    break
            else:
                return self._run(("tensors", len(args)), list(args), (args, None, None, None))
        return self._call(args, kwargs, None)

    def _call(self, args, kwargs, bound):
        if self._prints:  # as MindSpore's graph, it prints at every call: its Python runs
            with _printing_as_graph(True):
                out = self._fn(*((bound,) + tuple(args) if bound is not None else args), **kwargs)
            return _graph_value(out)
        tree = (args, kwargs)
        leaves = _tree.leaves(tree)
        dyn, slots, entries = [], [], []
        for i, leaf in enumerate(leaves):
            if isinstance(leaf, Tensor):
                if isinstance(leaf, Parameter):
                    entries.append(_Ident(leaf))
                else:
                    dyn.append(leaf)
                    slots.append(i)
                    entries.append(_TENSOR)
            else:
                entries.append(_static_key(leaf))
        key = (_tree.structure(tree), tuple(entries), None if bound is None else self._instance(bound))
        if _leaf_hooks.hooks:  # a graph traced with hooks applies them: reused while they stay
            key += (_leaf_hooks.version[0],
                    tuple((i, id(_leaf_hooks.of(t))) for i, t in enumerate(dyn) if _leaf_hooks.of(t)))
        return self._run(key, dyn, (tree, leaves, slots, bound))

    def _run(self, key, dyn, frame):
        """Calls the Rust jit of ``key`` on the tensors ``dyn``; ``frame`` tells ``_traced`` how
        to rebuild the arguments if the call is traced."""
        j = self._jit_for(key)
        frames = _frames()
        frames.append(frame)
        try:
            outs, aux = j(dyn)
        finally:
            frames.pop()
        template, positions, mutated, flat_tuple = aux
        if flat_tuple and not mutated and not self._traced_any:
            return tuple(outs)  # the common structure (GradOperation's tuple), kept short
        if mutated:
            n = len(positions)
            for k, v in zip(mutated, outs[n:]):
                dyn[k]._rebind(v)
        if self._traced_any:
            self._traced_any = False
            if not self._warned:
                self._warn_uncached(j)
        if template is None and positions:
            return outs[0]  # a single tensor
        if not positions:
            return template
        out_leaves = _tree.leaves(template)
        for p, t in zip(positions, outs):
            out_leaves[p] = t
        return _tree.rebuild(template, iter(out_leaves))

    def _instance(self, obj):
        """The key entry of the instance a jitted method is bound to: by identity, without
        keeping the instance alive when it can be weakly referenced."""
        try:
            return _WeakIdent(obj, self._on_death)
        except TypeError:  # no weak references to it: the key keeps it (as one of MAX_KEYS)
            return _Ident(obj)

    def _on_death(self, ref):
        """An instance bound in some key died: its graphs go now, or (when the table is busy) at
        the next call."""
        self._dead.append(ref)
        if self._lock.acquire(blocking=False):
            try:
                gone = self._drop_dead()
            finally:
                self._lock.release()
            del gone  # freed outside the lock: freeing may run code that calls this function

    def _drop_dead(self):
        """Removes the keys of dead instances (the caller holds ``self._lock``); returns their
        jits, for the caller to free once it let the lock go."""
        dead, self._dead = self._dead, []
        if not dead:
            return []
        keys = [k for k in self._jits if isinstance(k[-1], _WeakIdent) and k[-1].ref in dead]
        if self._last in keys:
            self._last = None
        return [self._evict(k) for k in keys]

    def _evict(self, key):
        """Removes ``key`` (the caller holds ``self._lock``), keeping its counts; returns its jit."""
        j = self._jits.pop(key)
        hits, traces, _ = j.cache_info()
        self._dropped[0] += hits
        self._dropped[1] += traces
        return j

    def _jit_for(self, key):
        j = self._jits.get(key)
        if j is not None and key == self._last:
            return j  # the most recent key already (no reordering needed)
        with self._lock:
            gone = self._drop_dead()  # freed when this returns, after the lock is let go
            j = self._jits.get(key)
            self._last = key
            if j is not None:
                self._jits.move_to_end(key)
                return j
            j = _C.Jit(self._traced)
            self._jits[key] = j
            while len(self._jits) > MAX_KEYS:
                gone.append(self._evict(next(iter(self._jits))))
            return j

    def _traced(self, ts):
        """The function the engine traces: the flat staged tensors in, ``(tensors, aux)`` out."""
        self._traced_any = True
        tree, leaves, slots, bound = _frames()[-1]
        hooked = []  # traced arguments given their originals' leaf hooks for this trace
        if leaves is None:  # every argument is a tensor
            args, kwargs = tuple(ts), {}
        else:
            _check_parameter_names(leaves, getattr(self._fn, "__self__", None) if bound is None else bound)
            leaves = list(leaves)
            for i, t in zip(slots, ts):
                if _leaf_hooks.hooks and _leaf_hooks.of(leaves[i]) is not None:
                    _leaf_hooks.hooks[id(t)] = (t, _leaf_hooks.of(leaves[i]))
                    hooked.append(t)
                leaves[i] = t
            args, kwargs = _tree.rebuild(tree, iter(leaves))
        if bound is not None:
            args = (bound,) + tuple(args)
        _local.depth += 1
        printed_before, _local.printed = _local.printed, False
        try:
            with _printing_as_graph(False):
                out = self._fn(*args, **kwargs)
            if _local.printed:
                self._prints = True
        finally:
            _local.depth -= 1
            _local.printed = printed_before
            for t in hooked:
                _leaf_hooks.hooks.pop(id(t), None)
        out = _graph_value(out)
        out_leaves = _tree.leaves(out)
        tensors, positions = [], []
        for i, leaf in enumerate(out_leaves):
            if isinstance(leaf, Tensor):
                tensors.append(leaf)
                positions.append(i)
        template = _tree.rebuild(out, iter(None if isinstance(x, Tensor) else x for x in out_leaves))
        mutated = tuple(k for k, t in enumerate(ts) if t._rebinds)
        tensors.extend(ts[k] for k in mutated)
        # A tuple of tensors and nothing else comes back as ``tuple(outs)`` directly.
        flat_tuple = type(out) is tuple and len(positions) == len(out) and all(
            type(o) is Tensor or isinstance(o, Tensor) for o in out)
        return tensors, (template, tuple(positions), mutated, flat_tuple)

    def _warn_uncached(self, j):
        why = j.uncached_reason()
        if why is not None:
            self._warned = True
            name = getattr(self._fn, "__qualname__", None) or repr(self._fn)
            warnings.warn(f"jit: the graph of {name} cannot be cached because {why}; it runs traced "
                          "(eagerly) at every call", RuntimeWarning, stacklevel=4)

    # -- introspection -------------------------------------------------------------------
    def cache_info(self):
        """``CacheInfo(hits, traces, graphs)``: calls answered by a cached graph, calls that
        traced the function, graphs cached now (one per input signature, static key and path)."""
        hits, traces = self._dropped
        graphs = 0
        with self._lock:
            jits = list(self._jits.values())
        for j in jits:
            h, t, g = j.cache_info()
            hits, traces, graphs = hits + h, traces + t, graphs + g
        return CacheInfo(hits, traces, graphs)

    def graphs(self):
        """The cached graphs (optimised) as text."""
        with self._lock:
            jits = list(self._jits.values())
        return [g for j in jits for g in j.graphs()]

    def uncached_reason(self):
        """Why a trace of this function could not be cached, or None."""
        with self._lock:
            jits = list(self._jits.values())
        for j in jits:
            why = j.uncached_reason()
            if why is not None:
                return why
        return None

    def __repr__(self):
        return f"<jit of {self._fn!r}>"


class _BoundJitted:
    """A jitted method bound to an instance."""

    __slots__ = ("_jitted", "_obj")

    def __init__(self, jitted, obj):
        self._jitted = jitted
        self._obj = obj

    def __call__(self, *args, **kwargs):
        return self._jitted._call(args, kwargs, self._obj)

    def __getattr__(self, name):
        return getattr(self._jitted, name)


def _graph_value(v):
    """``v`` as MindSpore's graph mode returns it: the lazy objects of Python's builtins become
    sequences (measured on MindSpore 2.10) — ``map`` a list when every argument is a list, else a
    tuple; ``filter`` and a generator a list; ``zip``, ``enumerate`` and ``range`` tuples (of
    tuples) —, also inside tuples, lists and dicts."""
    return _tree.map_leaves(_graph_leaf, v)


def _graph_leaf(v):
    if isinstance(v, map):
        lists = all(type(it).__name__ == "list_iterator" for it in v.__reduce__()[1][1:])
        v = list(v) if lists else tuple(v)
    elif isinstance(v, (filter, types.GeneratorType)):
        v = list(v)
    elif isinstance(v, (zip, enumerate, range)):
        v = tuple(v)
    else:
        return v
    return _graph_value(v)


def jit(fn=None, *_args, function=None, **options):
    """``mindspore.jit``: ``jit(fn)``, ``@jit`` and ``@jit(...)`` stage ``fn`` into graphs run
    from a cache (see this module's documentation). MindSpore's options are accepted and
    ignored. The result has ``cache_info()``, ``graphs()`` and ``uncached_reason()``."""
    fn = fn if fn is not None else function
    if fn is None:
        return lambda f: _Jitted(f, options)
    return _Jitted(fn, options)


# -- GRAPH_MODE ------------------------------------------------------------------------------
_keyed = collections.OrderedDict()  # compiled jvp/vjp of user functions, by fn_key
_keyed_lock = threading.Lock()


def compiled_in_graph_mode(compiled=None, packed=False):
    """A decorator holding the package's one GRAPH_MODE decision; the grad functions, ``vjp``,
    ``jvp`` and ``nn.Cell.__call__`` are wrapped with it.

    The decorated function ``eager`` runs as it is in PyNative mode, and inside a trace (the graph
    being traced holds the call then). In GRAPH_MODE a call runs ``compiled(wrapper, fn, args,
    kwargs)`` instead, where ``fn`` calls ``eager`` (default :func:`graph_call`: a jit of ``fn``
    cached on the wrapper). With ``packed``, ``eager`` takes the call's positional arguments as a
    tuple and its keyword arguments as a dict (``eager(args, kwargs)``): the grad functions use
    that, so their hot path packs the arguments only once."""
    how = graph_call if compiled is None else compiled

    def wrap(eager):
        # Grad functions are made often (inside traced functions too): only what a user sees is
        # copied from ``eager`` (its names, doc and, for a plain signature, the signature).
        if packed:
            run = eager

            def fn(*args, **kwargs):
                return eager(args, kwargs)

            fn.__qualname__ = eager.__qualname__  # names the function in jit's messages
        else:
            fn = eager

            def run(args, kwargs):
                return eager(*args, **kwargs)

        def call(*args, **kwargs):
            if _mode[0] and not tracing():
                return how(call, fn, args, kwargs)
            return run(args, kwargs)

        call.__name__, call.__qualname__ = eager.__name__, eager.__qualname__
        call.__doc__ = eager.__doc__
        if not packed:
            call.__module__, call.__wrapped__ = eager.__module__, eager
        return call

    return wrap


def graph_call(owner, eager, args, kwargs):
    """Calls ``eager(*args, **kwargs)`` compiled, through a jit cached on ``owner`` (a grad
    function or a cell made by this package)."""
    j = owner.__dict__.get("_ems_graph_jit")
    if j is None:
        j = _Jitted(eager)
        setattr(owner, "_ems_graph_jit", j)
    return j(*args, **kwargs)


def _owner_table(key):
    """The table of compiled functions for ``key`` (made by :func:`fn_key`): kept on the user's
    function itself (on the instance, for a bound method), so that the compiled graphs, and the
    constants they hold, live exactly as long as the function; the bounded shared table only for
    a callable that takes no attributes. The caller holds ``_keyed_lock``."""
    owner = key[1].obj if len(key) > 1 and isinstance(key[1], _Ident) else key[0].obj
    try:
        attrs = vars(owner)
        table = attrs.get("_ems_keyed")
        if table is None:
            table = collections.OrderedDict()
            attrs["_ems_keyed"] = table
        return table
    except (TypeError, AttributeError):  # no __dict__, or a read-only one (a class)
        return _keyed


def keyed_call(key, make_eager, args, kwargs):
    """Calls a compiled function cached under ``key`` (made by :func:`fn_key`; compiled from
    ``make_eager()`` on first use), in a bounded table that lives with the user's function."""
    gone = []  # evicted entries, freed after the lock is let go
    with _keyed_lock:
        table = _owner_table(key)
        j = table.get(key)
        if j is None:
            j = table[key] = _Jitted(make_eager())
            while len(table) > MAX_KEYS:
                gone.append(table.popitem(last=False))
        else:
            table.move_to_end(key)
    del gone
    return j(*args, **kwargs)


def fn_key(fn, *extra):
    """A table key for ``fn`` (a bound method by its function and instance) and ``extra``."""
    if hasattr(fn, "__self__") and hasattr(fn, "__func__"):
        return (_Ident(fn.__func__), _Ident(fn.__self__)) + extra
    return (_Ident(fn),) + extra
