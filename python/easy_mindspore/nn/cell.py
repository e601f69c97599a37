"""``nn.Cell`` and ``nn.SequentialCell``: networks built in Python from Rust layers.

A Cell registers, in assignment order, the Parameters, ParameterTuples (their members are the
cell's own Parameters, keyed by their names, as MindSpore's) and sub-Cells set as its attributes;
``parameters_and_names`` walks them with MindSpore's dotted names (``fc1.weight``). Buffers and
the ``state_dict`` are ``_cell_state``'s. When a Cell
is attached to another, its Parameters are renamed to their full path, so ``param.name`` is the
checkpoint name. Hooks (``register_forward_hook``...), ``apply`` and flags are ``_cell_hooks``'s.
Layers backed by a Rust layer (``Dense``, ``Conv2d``...) hold it as ``_native``;
their Parameters share the Rust layer's handles.

In GRAPH_MODE calling a cell runs it compiled, through a ``jit`` cached on the cell instance
(parameters are graph inputs, read at each call). A graph is specialised on the training mode of
the cells it calls: each cell's mode has a version (``_C.Version``) that a traced call records
and ``set_train`` bumps, so a graph traced in the other mode is not taken again.
"""
import copy
import functools
import types
from collections import OrderedDict

from .. import _C
from .._C import Tensor
from .._jit import compiled_in_graph_mode, graph_call, tracing
from .._errors import (CellAttributeError, ComputeError, DTypeError, ShapeError, TensorIndexError,
                       UnimplementedError)
from .._extends.parse import compile_config as _compile_config
from ..common.parameter import Parameter, ParameterTuple
from . import _cell_hooks, _cell_state, _mixed_precision

__all__ = ["Cell", "SequentialCell", "CellList"]


def _compiled_cell_call(_call, eager, args, kwargs):
    """A cell call in GRAPH_MODE: compiled, through a jit cached on the cell instance."""
    cell = args[0]
    return graph_call(cell, types.MethodType(eager, cell), args[1:], kwargs)


# The built-in classes a layer's errors come in, and the package's class for each.
_LAYER_ERRORS = ((TypeError, DTypeError), (ValueError, ShapeError), (IndexError, TensorIndexError),
                 (RuntimeError, ComputeError))


def _is_layer(cls):
    """Whether errors raised while running ``cls`` should name it: the package's own cells,
    except those that run user code (containers, wrappers), whose errors pass unchanged. (Every
    cell of the package names itself in the errors of its constructor.)"""
    return cls.__module__.startswith("easy_mindspore.") and not getattr(cls, "_calls_user_code", False)


def _name_layer_error(layer, e):
    """Makes ``e`` (an error raised inside the layer ``layer``) name the layer, as MindSpore's
    messages name the op: ``For 'Dense', For 'MatMul', ...`` (each enclosing layer of the package
    adds its name, so the message reads from the layer called to the op that failed), in the
    package's class of its kind: a built-in error is raised again as that class (from ``e``), any
    other gets the name in place and returns, for the caller to re-raise it."""
    if isinstance(e, RecursionError) or not e.args or not isinstance(e.args[0], str):
        return
    msg = e.args[0]
    if layer not in msg:
        msg = f"For '{layer}', {msg}"
    ours = next((c for b, c in _LAYER_ERRORS if type(e) is b), None)
    if ours is not None:
        raise ours(msg) from e
    e.args = (msg,) + tuple(e.args[1:])


def _naming_init(init):
    """A layer's ``__init__`` whose argument errors name the layer (``type(self)``'s name)."""
    @functools.wraps(init)
    def __init__(self, *args, **kwargs):
        try:
            init(self, *args, **kwargs)
        except (TypeError, ValueError, IndexError, RuntimeError) as e:
            _name_layer_error(type(self).__name__, e)
            raise
    return __init__


def _check_bprop_strictly(name, inputs, grads):
    """``compile_config.CHECK_BPROP``'s checks of a Cell's bprop result: the count, then the
    types (a Python number passes for a 0-d input), then the shapes."""
    grads = (grads,) if isinstance(grads, Tensor) else grads
    if not isinstance(grads, (tuple, list)) or len(grads) != len(inputs):
        got = len(grads) if isinstance(grads, (tuple, list)) else 1
        raise ComputeError(f"The output size of the 'bprop' must match the number of parameters in "
                         f"its corresponding primal function '{name}()' : {got} vs. {len(inputs)}.")
    pairs = list(enumerate(zip(grads, inputs)))
    for i, (g, x) in pairs:
        if not isinstance(g, Tensor) and not (isinstance(g, (int, float)) and not x.shape):
            raise DTypeError(f"For '{name}', the {i}th output of bprop must be a Tensor for an "
                             f"input of shape {list(x.shape)}, but got {type(g).__name__}.")
    for i, (g, x) in pairs:
        if isinstance(g, Tensor) and tuple(g.shape) != tuple(x.shape):
            raise ShapeError(f"For '{name}', the {i}th output of bprop has shape {list(g.shape)}, "
                             f"but its input has shape {list(x.shape)}.")


class Cell:
    """MindSpore's ``nn.Cell``: define ``construct``; call the cell to run it.

    A subclass may define ``bprop(self, *inputs, out, dout)`` returning one gradient per input:
    calling the cell then differentiates through that rule (its own Parameters get no gradient
    through it, as in MindSpore).

    Args:
        auto_prefix (bool, optional): Whether the parameter names get the Cell's name as a prefix.
            Default: ``True``.
        flags (dict, optional): Cell flags (accepted for compatibility). Default: ``None``.

    Outputs:
        What ``construct`` returns.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> class Net(nn.Cell):
        ...     def __init__(self):
        ...         super().__init__()
        ...         self.fc = nn.Dense(2, 1, weight_init='ones', bias_init='zeros')
        ...     def construct(self, x):
        ...         return self.fc(x) * 2
        ...
        >>> net = Net()
        >>> print(net(ms.Tensor([[1.0, 2.0]], ms.float32)))
        [[6.]]
    """

    # Whether the package's subclasses name themselves in their constructors' errors (False
    # where MindSpore's messages do not: the Bayesian layers).
    _init_errors_name_layer = True
    # MindSpore's Cell attribute (``recompute`` sets it on the instance; ``get_scope`` reads it):
    # a name a CellDict key may not take.
    _scope = None

    def __init_subclass__(cls, **kwargs):
        """A layer of the package names itself in the errors its constructor raises."""
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("__init__")
        if (init is not None and cls.__module__.startswith("easy_mindspore.")
                and cls._init_errors_name_layer and not hasattr(init, "__wrapped__")):
            cls.__init__ = _naming_init(init)

    def __init__(self, auto_prefix=True, flags=None):
        object.__setattr__(self, "_auto_prefix", bool(auto_prefix))
        object.__setattr__(self, "_params", OrderedDict())
        object.__setattr__(self, "_cells", OrderedDict())
        object.__setattr__(self, "training", False)
        object.__setattr__(self, "_mode_version", _C.Version())
        object.__setattr__(self, "_bprop_fn", None)

    def __deepcopy__(self, memo):
        """An independent copy (``copy.deepcopy``): Parameters with their values, names and flags,
        child cells, other attributes; the mode's version is a new one. The engine's stateless
        native objects (a loss kernel) are shared; cells over a Rust layer rebuild it
        (``_NativeCell.__deepcopy__``)."""
        new = type(self).__new__(type(self))
        memo[id(self)] = new
        for k, v in self.__dict__.items():
            if k == "_mode_version":
                v = _C.Version()
            elif type(v).__module__ != "easy_mindspore._C" or isinstance(v, (Tensor, Parameter)):
                v = copy.deepcopy(v, memo)
            object.__setattr__(new, k, v)
        return new

    def _own_parameters(self):
        """``(key, Parameter)`` for the cell's own Parameters: its Parameter attributes, then the
        members of its ParameterTuple attributes (keyed, as MindSpore, by each member's name when
        the tuple was set)."""
        yield from self._registries()[0].items()
        for members in self.__dict__.get("_param_tuples", {}).values():
            yield from members

    def _registries(self):
        d = self.__dict__
        if "_params" not in d:  # a subclass whose __init__ forgot super().__init__()
            raise CellAttributeError(f"The '{type(self).__name__}' object has no attribute '_params': "
                                     "its __init__ must call super().__init__() first.")
        return d["_params"], d["_cells"]

    def __setattr__(self, name, value):
        if "_params" not in self.__dict__:
            # As MindSpore (and PyTorch): a parameter or sub-cell needs the registries first;
            # other attributes may come before them.
            if isinstance(value, (Parameter, Cell)):
                what = "insert_param_to_cell" if isinstance(value, Parameter) else "insert_child_to_cell"
                raise CellAttributeError(f"For '{what}', please call Cell.__init__() firstly.")
            object.__setattr__(self, name, value)
            return
        params, cells = self._registries()
        buffers = self.__dict__.get("_buffers", {})
        if name in buffers and not isinstance(value, Parameter):
            if value is not None and not isinstance(value, Tensor):
                raise DTypeError(f"cannot assign '{type(value)}' as buffer '{name}' (mindspore "
                                 "Tensor or None expected)")
            buffers[name] = value
            object.__setattr__(self, name, value)
            return
        if isinstance(value, Tensor) and getattr(value, "_is_buffer", False) \
                and not isinstance(value, Parameter):
            # MindSpore's ``common.parameter._Buffer(t)``: a tensor flagged ``_is_buffer`` (and
            # ``persistent``); assigning one registers it as a buffer.
            self.__dict__.pop(name, None)
            params.pop(name, None)
            cells.pop(name, None)
            _cell_state.register_buffer(self, name, value, getattr(value, "persistent", True))
            return
        buffers.pop(name, None)
        if self._assign_slot(name, value, params, cells):
            return
        tuples = self.__dict__.get("_param_tuples")
        if tuples is not None:
            tuples.pop(name, None)
        if isinstance(value, ParameterTuple):
            # As MindSpore: the members are the cell's own Parameters (``trainable_params``,
            # checkpoints), keyed by their names.
            if tuples is None:
                tuples = OrderedDict()
                object.__setattr__(self, "_param_tuples", tuples)
            params.pop(name, None)
            cells.pop(name, None)
            # As MindSpore: a member with a generated name (``Parameter#N``) is renamed
            # ``Parameter$K``, K counting from 1 per cell.
            seen_ids = set()
            for p in value:
                if id(p) not in seen_ids and isinstance(p.name, str) and p.name.startswith("Parameter#"):
                    k = self.__dict__.get("_tuple_param_id", 1)
                    p.name = f"Parameter${k}"
                    object.__setattr__(self, "_tuple_param_id", k + 1)
                seen_ids.add(id(p))
            tuples[name] = [(p.name, p) for p in value]
        elif isinstance(value, Parameter):
            cells.pop(name, None)
            # A generated name (``Parameter#N``, MindSpore's for an unnamed parameter) becomes
            # the attribute's.
            if value.name == "Parameter" or value.name.startswith("Parameter#"):
                value.name = name
            params[name] = value
        elif isinstance(value, Tensor) and name in params:
            # As MindSpore: a Tensor assigned over a Parameter becomes its new value, so the
            # attribute stays the same Parameter (its name, requires_grad and every holder, such
            # as a Rust layer or an optimizer, see the new data).
            params[name].set_data(value)
            return
        elif isinstance(value, Cell):
            params.pop(name, None)
            cells[name] = value
            # A cell built with auto_prefix=False leaves its children's parameter names as they
            # are (their paths in parameters_and_names still go through the attribute).
            if self.__dict__.get("_auto_prefix", True):
                for path, p in value.parameters_and_names():
                    p.name = f"{name}.{path}"
        elif name in params or name in cells:
            params.pop(name, None)
            cells.pop(name, None)
        if type(value) in (tuple, list) and value and isinstance(value[0], Parameter):
            _cell_state.note_parameter_sequence(self, name, value)
        object.__setattr__(self, name, value)

    def _assign_slot(self, name, value, params, cells):
        """MindSpore's rules for assigning over a Parameter or sub-cell attribute ``name`` (or
        one set to None, which keeps its slot): None empties the slot (True: done); a value of
        the other kind raises KeyError, a value of no kind TypeError (a Tensor over an emptied
        Parameter slot, AttributeError). False: the assignment goes on."""
        vacant = self.__dict__.get("_vacant")
        kind = ("param" if name in params else "cell" if name in cells
                else None if vacant is None else vacant.get(name))
        if kind is None:
            return False
        if value is None:
            params.pop(name, None)
            cells.pop(name, None)
            if vacant is None:
                vacant = {}
                object.__setattr__(self, "_vacant", vacant)
            vacant[name] = kind
            object.__setattr__(self, name, None)
            return True
        if kind == "param" and not isinstance(value, (Parameter, ParameterTuple)):
            if isinstance(value, Cell):
                raise KeyError(f"For 'insert_child_to_cell', the {name} child cell already exists "
                               "in the network.Cannot insert another child cell with the same "
                               "name.")
            if isinstance(value, Tensor) and name not in params:
                raise CellAttributeError("'NoneType' object has no attribute 'set_data'")
            if not isinstance(value, Tensor):
                raise DTypeError(f"Parameter '{name}' already exists in network, can not assign "
                                 f"this type: '{type(value)}' as a parameter.")
        if kind == "cell" and not isinstance(value, (Cell, ParameterTuple)):
            if isinstance(value, Parameter):
                raise KeyError(f"For 'insert_param_to_cell', the {name} parameter already exists in "
                               "the network.Cannot insert another parameter with the same name.")
            raise DTypeError(f"Sub cell '{name}' already exists in network, can not assign this "
                             f"type: '{type(value)}' as a cell.")
        if vacant is not None:
            vacant.pop(name, None)
        return False

    def __delattr__(self, name):
        params, cells = self._registries()
        self.__dict__.get("_vacant", {}).pop(name, None)
        self.__dict__.get("_buffers", {}).pop(name, None)
        self.__dict__.get("_param_tuples", {}).pop(name, None)
        params.pop(name, None)
        cells.pop(name, None)
        object.__delattr__(self, name)

    # -- calling -------------------------------------------------------------------------
    def construct(self, *inputs, **kwargs):
        raise CellAttributeError(f"For '{type(self).__name__}', the method 'construct' is not "
                                 "defined.")

    @compiled_in_graph_mode(_compiled_cell_call)
    def __call__(self, *inputs, **kwargs):
        """Runs the cell: ``construct``, or the cell's ``bprop`` rule when it defines one. In
        GRAPH_MODE the call runs compiled, through a jit cached on the cell instance."""
        self._registries()  # a subclass that forgot super().__init__()
        _C.jit_note_captured(self.__dict__["_mode_version"])
        hooks = self.__dict__.get("_hooks")
        if hooks is not None:  # registered by register_*_hook
            return _cell_hooks.call(self, hooks, inputs, kwargs, self._call_unhooked)
        return self._call_unhooked(inputs, kwargs)

    def _call_unhooked(self, inputs, kwargs):
        amp_dtype = self.__dict__.get("_amp_dtype")
        if amp_dtype is None and _mixed_precision.active:  # inside a cell in mixed precision
            amp_dtype = getattr(_mixed_precision.scope, "dtype", None)
        if amp_dtype is not None:  # to_float (its own or an outer cell's): inputs and Parameters cast
            return _mixed_precision.run_cast(self, amp_dtype, inputs, kwargs, self._run)
        return self._run(inputs, kwargs)

    def _run(self, inputs, kwargs):
        if type(self).bprop is not Cell.bprop:
            if kwargs:
                raise DTypeError(f"For '{type(self).__name__}', a cell with bprop takes positional "
                                 "inputs only")
            if self._bprop_fn is None:
                from .._custom import custom_vjp

                fn = custom_vjp(lambda *xs: self.construct(*xs), bprop=self._checked_bprop())
                object.__setattr__(self, "_bprop_fn", fn)
            return self._bprop_fn(*inputs)
        if not _is_layer(type(self)):
            return self.construct(*inputs, **kwargs)
        try:
            return self.construct(*inputs, **kwargs)
        except (TypeError, ValueError, IndexError, RuntimeError) as e:
            _name_layer_error(type(self).__name__, e)
            raise

    def to_float(self, dst_type):
        """Runs this cell and every sub-cell in ``dst_type`` (``float16``, ``float32`` or
        ``bfloat16``): float inputs and the cells' own Parameters are cast on each call (the
        Parameters keep their dtype), as ``mindspore.amp`` uses it. A later call overrides.

        Args:
            dst_type (mindspore.dtype): ``mstype.float16``, ``mstype.float32`` or
                ``mstype.bfloat16``.

        Returns:
            Cell, the cell itself.

        Raises:
            ValueError: ``dst_type`` is another dtype.

        Examples:
            >>> import numpy as np
            >>> import mindspore as ms
            >>> from mindspore import nn
            >>> net = nn.Dense(2, 1).to_float(ms.float16)
            >>> print(net(ms.Tensor(np.ones((1, 2), np.float32))).dtype, net.weight.dtype)
            Float16 Float32
        """
        from ..common import dtype as mstype

        if dst_type not in (mstype.float16, mstype.float32, mstype.bfloat16):
            raise ShapeError("For 'to_float', the argument 'dst_type' must be mstype.float32, "
                             "mstype.float16 or mstype.bfloat16, but got type: "
                             f"{type(dst_type)} and value: {dst_type}.")
        return self.add_flags_recursive(fp16=dst_type == mstype.float16, fp32=dst_type == mstype.float32,
                                        bf16=dst_type == mstype.bfloat16)

    def bprop(self, *args):
        """Overridden to give the cell its own backward rule."""
        raise NotImplementedError

    def _checked_bprop(self):
        """The cell's bprop; one decorated with ``@jit`` raises RuntimeError when a gradient
        reaches it, as in MindSpore (the forward still runs)."""
        import inspect

        from .._jit import _Jitted

        if not isinstance(inspect.getattr_static(type(self), "bprop"), _Jitted):
            bprop, name = self.bprop, type(self).__name__
            params = inspect.signature(bprop).parameters.values()
            fixed = None if any(p.kind == p.VAR_POSITIONAL for p in params) else sum(
                p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in params)

            def checked(*args):
                # MindSpore's checks of the rule's parameters: the inputs, then out and dout.
                if fixed is not None and fixed < 2:
                    raise DTypeError(f"The function 'bprop' of Primitive or Cell requires at least 2 "
                                     f"params 'out' and 'dout', but got only {fixed}.")
                if fixed is not None and fixed != len(args):
                    raise DTypeError("The params of function 'bprop' of Primitive or Cell requires the "
                                     "forward inputs as well as the 'out' and 'dout'.")
                grads = bprop(*args)
                if not isinstance(grads, tuple) and tracing():
                    # MindSpore's graph compiler (GRAPH_MODE, jit) takes a tuple only; PyNative
                    # also takes a single gradient.
                    got = (f"Tensor(shape={list(grads.shape)}, dtype={grads.dtype})"
                           if isinstance(grads, Tensor) else type(grads).__name__)
                    raise DTypeError(f"For bprop function, output should be a tuple, but got {got}.")
                if _compile_config.CHECK_BPROP:
                    _check_bprop_strictly(name, args[:-2], grads)
                return grads

            return checked

        def refused(*_args):
            raise ComputeError(f"For '{type(self).__name__}', decorating bprop with '@jit' is not "
                               "supported.")

        return refused

    # -- tree walks ------------------------------------------------------------------------
    def name_cells(self):
        """The direct sub-cells, by attribute name."""
        return OrderedDict(self._registries()[1])

    def cells(self):
        return list(self._registries()[1].values())

    def insert_child_to_cell(self, child_name, child_cell):
        """Adds `child_cell` (a Cell or None, an empty slot) as the sub-cell `child_name`.

        Args:
            child_name (str): The attribute name, without dots.
            child_cell (Cell): The sub-cell, or None.

        Raises:
            KeyError: If `child_name` is empty, holds a dot, or names another attribute (a
                Parameter's, or one that is neither a Parameter nor a sub-cell).
            TypeError: If `child_cell` is neither a Cell nor None.

        Examples:
            >>> from mindspore import nn
            >>> net = nn.Cell()
            >>> net.insert_child_to_cell("act", nn.ReLU())
            >>> list(net.name_cells())
            ['act']
        """
        if not isinstance(child_name, str) or not child_name or "." in child_name:
            raise KeyError("For 'insert_child_to_cell', the parameter 'child_name' can not be None and "
                           "can not contain '.' ")
        params, cells = self._registries()
        vacant = self.__dict__.get("_vacant") or {}
        if (hasattr(self, child_name) and child_name not in cells and child_name not in params
                and vacant.get(child_name) is None):
            raise KeyError(f"For 'insert_child_to_cell', the {child_name} child cell already "
                           "exists in the network.Cannot insert another child cell with the same "
                           "name.")
        if child_cell is not None and not isinstance(child_cell, Cell):
            raise DTypeError(f"For 'insert_child_to_cell', the argument 'child_cell' must be 'Cell' if "
                             f"not None, but got type {type(child_cell)}.")
        if child_cell is None and child_name not in params and child_name not in cells:
            # an empty sub-cell slot (as MindSpore keeps it)
            if "_vacant" not in self.__dict__:
                object.__setattr__(self, "_vacant", {})
            self.__dict__["_vacant"].setdefault(child_name, "cell")
        setattr(self, child_name, child_cell)

    def cells_and_names(self, cell_name=""):
        """``(path, cell)`` for this cell (path ``cell_name``) and every descendant, each once."""
        seen = set()

        def walk(cell, prefix):
            if id(cell) in seen:
                return
            seen.add(id(cell))
            yield prefix, cell
            for n, c in cell._registries()[1].items():
                yield from walk(c, f"{prefix}.{n}" if prefix else n)

        yield from walk(self, cell_name)

    def parameters_and_names(self, name_prefix="", expand=True):
        """``(dotted path, Parameter)`` for every parameter, each once, own ones first."""
        seen = []

        def fresh(p):
            if any(p is q or p._same(q) for q in seen):
                return False
            seen.append(p)
            return True

        def walk(cell, prefix):
            for n, p in cell._own_parameters():
                if fresh(p):
                    yield (f"{prefix}.{n}" if prefix else n), p
            if expand:
                for n, c in cell._registries()[1].items():
                    yield from walk(c, f"{prefix}.{n}" if prefix else n)

        yield from walk(self, name_prefix)

    def _check_parameter_names(self):
        """As MindSpore's graph compile of a cell: every Parameter reached has its own name
        (ValueError naming the path of the first one whose name was already seen)."""
        seen = set()
        for path, p in self.parameters_and_names():
            if p.name in seen:
                raise ShapeError(f"The value of {path} is {p}, its name '{p.name}' already "
                                 "exists. Please set a unique name for the parameter.")
            seen.add(p.name)

    # Buffers and the state_dict, as MindSpore 2.x's Cell (``_cell_state``).
    register_buffer = _cell_state.register_buffer
    named_buffers = _cell_state.named_buffers
    buffers = _cell_state.buffers
    state_dict = _cell_state.state_dict
    load_state_dict = _cell_state.load_state_dict
    get_sub_cell = _cell_state.get_sub_cell
    get_buffer = _cell_state.get_buffer
    register_state_dict_pre_hook = _cell_state.register_state_dict_pre_hook
    register_state_dict_post_hook = _cell_state.register_state_dict_post_hook
    register_load_state_dict_pre_hook = _cell_state.register_load_state_dict_pre_hook
    register_load_state_dict_post_hook = _cell_state.register_load_state_dict_post_hook

    # Hooks, flags and recursive application, as MindSpore 2.x's Cell (``_cell_hooks``).
    register_forward_pre_hook = _cell_hooks.register_forward_pre_hook
    register_forward_hook = _cell_hooks.register_forward_hook
    register_backward_pre_hook = _cell_hooks.register_backward_pre_hook
    register_backward_hook = _cell_hooks.register_backward_hook
    apply = _cell_hooks.apply
    add_flags = _cell_hooks.add_flags
    add_flags_recursive = _cell_hooks.add_flags_recursive
    get_flags = _cell_hooks.get_flags
    insert_param_to_cell = _cell_hooks.insert_param_to_cell
    recompute = _cell_hooks.recompute
    get_scope = _cell_hooks.get_scope
    to = _cell_hooks.to

    @property
    def cls_name(self):
        """The Cell's class name."""
        return type(self).__name__

    def parameters_dict(self, recurse=True):
        """An ``OrderedDict`` of every Parameter by its name (own ones first)."""
        return OrderedDict((p.name, p) for p in self.get_parameters(expand=recurse))

    def get_parameters(self, expand=True):
        for _, p in self.parameters_and_names(expand=expand):
            yield p

    def init_parameters_data(self, auto_parallel_mode=False):
        """MindSpore initialises parameters lazily and returns ``{original: initialised}``; here
        every Parameter holds its data from construction, so each maps to itself."""
        return {p: p for p in self.get_parameters()}

    def trainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if p.requires_grad]

    def untrainable_params(self, recurse=True):
        return [p for p in self.get_parameters(expand=recurse) if not p.requires_grad]

    def update_parameters_name(self, prefix="", recurse=True):
        for path, p in self.parameters_and_names(expand=recurse):
            p.name = prefix + path

    def set_train(self, mode=True):
        """Training (``True``) or evaluation mode for this cell and every sub-cell (Dropout and
        BatchNorm behave differently). Cells start in evaluation mode, as in MindSpore."""
        for _, c in self.cells_and_names():
            c._registries()
            if c.training != bool(mode):
                c.__dict__["_mode_version"].bump()  # graphs traced in the other mode
            object.__setattr__(c, "training", bool(mode))
            c._native_mode(bool(mode))
        return self

    def _native_mode(self, mode):
        """Puts this cell's Rust layer, if any, in training (True) or evaluation mode."""
        native = self.__dict__.get("_native")
        if native is not None:
            native.set_train(mode)

    def set_inputs(self, *inputs, **kwargs):
        """Declares the inputs of a compiled call (MindSpore's dynamic-shape hint). Our graphs are
        traced per input shape and dtype, so any shape already works; the declaration is kept
        for ``get_inputs``."""
        # MindSpore accepts any input here (a str, a dtype, a dict: the static arguments).
        object.__setattr__(self, "_declared_inputs", inputs)
        return self

    def get_inputs(self):
        """The inputs given to ``set_inputs`` (None when it was not called)."""
        return self.__dict__.get("_declared_inputs")

    def set_grad(self, requires_grad=True):
        """Accepted for MindSpore compatibility (PyNative needs no flag)."""
        return self

    @property
    def jit_config_dict(self):
        """The options of the ``JitConfig`` given to ``set_jit_config`` (empty before)."""
        return dict(self.__dict__.get("_jit_config_dict", {}))

    def set_jit_config(self, jit_config):
        """Sets the Cell's compile options (a ``mindspore.JitConfig``), once: a second call is
        ignored with a warning, as in MindSpore. Every level runs the same traced graphs here.

        Args:
            jit_config (JitConfig): The options.

        Raises:
            TypeError: If `jit_config` is not a JitConfig.

        Examples:
            >>> import mindspore as ms
            >>> from mindspore import nn
            >>> net = nn.Dense(2, 2)
            >>> net.set_jit_config(ms.JitConfig(jit_level="O0"))
            >>> net.jit_config_dict["jit_level"]
            'O0'
        """
        from ..common.jit_config import JitConfig
        if not isinstance(jit_config, JitConfig):
            raise DTypeError(f"For 'Cell.set_jit_config', 'jit_config' must be a JitConfig, but got "
                             f"{type(jit_config).__name__}.")
        if self.__dict__.get("_jit_config_dict"):
            import warnings
            warnings.warn("For Cell, jit config can only be set once, ignore this setting.", stacklevel=2)
            return
        object.__setattr__(self, "_jit_config_dict", dict(jit_config.jit_config_dict))

    # -- repr ------------------------------------------------------------------------------
    def extend_repr(self):
        return ""

    def __repr__(self):
        """MindSpore 2.x's layout: ``Name(extra)`` for a leaf, else the extra lines and one
        ``(name): child`` line per sub-cell, each indented by two spaces, between ``Name(`` and
        ``)``."""
        extra = self.extend_repr()
        lines = extra.split("\n") if extra else []
        children = [f"({n}): " + repr(c).replace("\n", "\n  ")
                    for n, c in self._registries()[1].items()]
        head = type(self).__name__ + "("
        if len(lines) == 1 and not children:
            return head + lines[0] + ")"
        if lines or children:
            return head + "\n  " + "\n  ".join(lines + children) + "\n)"
        return head + ")"


class SequentialCell(Cell):
    """Cells applied in order (MindSpore's ``nn.SequentialCell``): ``SequentialCell(a, b)``,
    ``SequentialCell([a, b])`` or ``SequentialCell(OrderedDict(name=cell))``.

    Args:
        *args (Union[Cell, list[Cell], OrderedDict]): The cells, in order.

    Outputs:
        What the last cell returns.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.SequentialCell(nn.ReLU(), nn.Flatten())
        >>> print(net(ms.Tensor([[[-1.0, 2.0]]], ms.float32)))
        [[0. 2.]]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, *args):
        super().__init__()
        if len(args) == 1 and isinstance(args[0], (list, tuple)):
            args = tuple(args[0])
        if len(args) == 1 and isinstance(args[0], dict):
            items = list(args[0].items())
        else:
            items = [(str(i), c) for i, c in enumerate(args)]
        for name, c in items:
            self._check(c)
            setattr(self, name, c)

    def _check(self, c):
        _check_cell("SequentialCell", c)

    def append(self, cell):
        """Adds `cell` at the end (returns None, as MindSpore's)."""
        self._check(cell)
        setattr(self, str(len(self)), cell)

    def __len__(self):
        return len(self._registries()[1])

    def __getitem__(self, i):
        cells = list(self._registries()[1].values())
        if isinstance(i, slice):
            return SequentialCell(cells[i])
        return cells[_cell_index("SequentialCell", i, len(cells))]

    def __setitem__(self, i, cell):
        """Replaces the cell at `i`; it keeps its name."""
        names = list(self._registries()[1])
        name = names[_cell_index("SequentialCell", i, len(names))]
        _check_cell("SequentialCell", cell)
        setattr(self, name, cell)

    def __delitem__(self, i):
        """Removes the cell (or the slice of cells) at `i`. Numbered cells are numbered again
        from 0; named ones (from an OrderedDict) keep their names."""
        items = list(self._registries()[1].items())
        gone = _deleted("SequentialCell", i, len(items))
        kept = [(n, c) for k, (n, c) in enumerate(items) if k not in gone]
        if all(n.isdigit() for n, _ in items):
            kept = [(str(k), c) for k, (_, c) in enumerate(kept)]
        _register_again(self, kept)

    def __iter__(self):
        return iter(self._registries()[1].values())

    def construct(self, x):
        for c in self._registries()[1].values():
            x = c(x)
        return x


class CellList(Cell):
    """A list of cells (MindSpore's ``nn.CellList``): registered, not called in sequence.

    Args:
        cells (list[Cell], optional): The cells. Default: ``()``.

    Outputs:
        A CellList is not called: it registers its cells (index it to call one).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> cells = nn.CellList([nn.ReLU(), nn.Tanh()])
        >>> print(len(cells))
        2
        >>> print(cells[1](ms.Tensor([0.0], ms.float32)))
        [0.]
    """

    _calls_user_code = True  # errors of the cells it runs reach the caller unchanged

    def __init__(self, cells=()):
        super().__init__()
        self.extend(list(cells))

    def append(self, cell):
        """Adds `cell` at the end (returns None, as MindSpore's; ``extend`` returns the list)."""
        _check_cell("CellList", cell)
        setattr(self, str(len(self)), cell)

    def extend(self, cells):
        """Adds the cells of `cells` (a list or a CellList) at the end; returns the CellList."""
        from .cell_dict import CellDict
        if not isinstance(cells, (list, tuple, CellList)):
            raise DTypeError(f"For 'CellList', 'cells' must be a list of Cells, but got {type(cells).__name__}")
        cells = list(cells)
        for c in cells:
            if isinstance(c, CellDict):  # MindSpore's rule: a CellList holds no CellDict
                raise DTypeError(f"For 'CellList', the type of cell can not be CellDict, but got "
                                 f"{type(c).__name__}.")
        for c in cells:
            self.append(c)
        return self

    def insert(self, index, cell):
        """Puts `cell` before position `index` (negative counts from the end, clipped to the list,
        as ``list.insert``); the cells after it move up one name (``'1'`` becomes ``'2'``...)."""
        _check_cell("CellList", cell)
        if isinstance(index, bool) or not isinstance(index, int):
            raise DTypeError(f"For 'CellList.insert', 'index' must be an int, but got {type(index).__name__}")
        cells = list(self)
        cells.insert(index, cell)
        _register_again(self, [(str(k), c) for k, c in enumerate(cells)])

    def __iadd__(self, cells):
        """``cells_list += [cell, ...]``: ``extend``."""
        return self.extend(cells)

    def construct(self, *inputs, **kwargs):
        """A CellList is not called (MindSpore's NotImplementedError): call its cells."""
        raise UnimplementedError("For 'CellList', a CellList is not called: call its cells.")

    def __len__(self):
        return len(self._registries()[1])

    def __getitem__(self, i):
        cells = list(self._registries()[1].values())
        if isinstance(i, slice):
            return CellList(cells[i])
        return cells[_cell_index("CellList", i, len(cells))]

    def __setitem__(self, i, cell):
        """Replaces the cell at `i` (it keeps its name)."""
        names = list(self._registries()[1])
        name = names[_cell_index("CellList", i, len(names))]
        _check_cell("CellList", cell)
        setattr(self, name, cell)

    def __delitem__(self, i):
        """Removes the cell (or the slice of cells) at `i`; the rest are numbered again from 0."""
        cells = list(self._registries()[1].values())
        gone = _deleted("CellList", i, len(cells))
        _register_again(self, [(str(k), c) for k, c in enumerate(
            c for j, c in enumerate(cells) if j not in gone)])

    def __iter__(self):
        return iter(self._registries()[1].values())


def _check_cell(op, cell):
    if not isinstance(cell, Cell):
        raise DTypeError(f"For '{op}', each cell must be subclass of Cell, but got {type(cell).__name__}.")


def _cell_index(op, i, n):
    """The int index `i` of a container of `n` cells, checked as MindSpore checks it."""
    if isinstance(i, bool) or not isinstance(i, int):
        raise DTypeError(f"For '{op}', the type of 'index' must be int, but got {type(i).__name__}.")
    if not -n <= i < n:
        raise TensorIndexError(f"For '{op}', the value of 'index' must be a number in range "
                               f"[{-n}, {n}), but got {i}.")
    return i % n


def _deleted(op, i, n):
    """The positions ``del container[i]`` removes (an int or a slice)."""
    if isinstance(i, slice):
        return set(range(n)[i])
    if isinstance(i, bool) or not isinstance(i, int):
        raise DTypeError(f"For '{op}', the type of index must be int type or slice type, but got "
                         f"{type(i).__name__}")
    return {_cell_index(op, i, n)}


def _register_again(container, items):
    """Registers `items` (name, cell) as the container's cells, in order, in place of its own."""
    for name in list(container._registries()[1]):
        delattr(container, name)
    for name, c in items:
        setattr(container, name, c)


def _as_params(params, op):
    """A list of Parameters from a list, tuple, generator or ParameterTuple."""
    if isinstance(params, Parameter):
        return [params]
    out = list(params)
    for i, p in enumerate(out):
        if isinstance(p, dict):
            raise ComputeError(f"For '{op}', parameter groups (dicts) are not supported; pass a "
                               "list of Parameters")
        if not isinstance(p, Parameter):
            kind = "a plain Tensor" if isinstance(p, Tensor) else type(p).__name__
            raise DTypeError(f"For '{op}', params[{i}] must be a Parameter, but got {kind}")
    return out


__all__ += ["ParameterTuple"]
