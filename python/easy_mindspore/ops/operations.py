"""``mindspore.ops.operations`` (``P``): primitive classes, each an object called like a function
(``P.Reshape()(x, (2, 3))``). They forward to the functional ops."""
from . import functional as F
from .function._basic_reduce import _sum_in_dtype
from ..common import dtype as mstype
from .._tensor_extremes import reduce_max as _reduce_max
from .._errors import ContractionError as _ContractionError
from . import _prim_attrs
from . import _prim_inputs as _inputs

__all__ = [
    "Reshape", "Transpose", "ReduceSum", "ReduceMean", "ReduceMax", "MatMul", "BatchMatMul", "Add",
    "Sub", "Mul", "Div", "RealDiv", "Pow", "Neg", "Abs", "Exp", "Log", "Sqrt", "Square", "Tanh",
    "Erf", "Sigmoid", "ReLU", "Softmax", "Cast", "ExpandDims", "Squeeze", "Concat", "Stack", "OnesLike",
    "ZerosLike", "Shape", "Maximum", "Minimum", "StopGradient", "Select", "Argmax",
]
__all__ += ["AddN", "Partial", "InsertGradientOf", "Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck",
            "prim_attr_register"]


# The values of the attribute ``primitive_target`` (``Primitive.set_device``).
_DEVICES = ("CPU", "GPU", "Ascend")

# The bases a user's code names its primitive through (``Primitive('Add')``, ``super().__init__(name)``).
_NAMED_BASES = ("Primitive", "PrimitiveWithInfer", "PrimitiveWithCheck")

class Primitive:
    """MindSpore's ``ops.Primitive``: the base of the primitive classes. ``Primitive(name)`` makes
    a primitive that runs the primitive class of that name (``Primitive('Add')(x, y)``); a
    subclass's constructor arguments are its attributes (``attrs``, shown by the repr as MindSpore
    2.10 shows them: ``Prim[ReduceMean]<keep_dims=False>``), more come from ``add_prim_attr``.

    Args:
        name (str, optional): The primitive's name. Default: the class's name.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Primitive('Add')(ms.Tensor(1.0), ms.Tensor(2.0)))
        3.0
        >>> ops.ReduceMean(keep_dims=True)
        Prim[ReduceMean]<keep_dims=True>
    """

    def __init__(self, name=None):
        cls = type(self)
        if name is not None:
            from .._errors import DTypeError
            if cls.__module__.startswith("easy_mindspore.") and cls.__name__ not in _NAMED_BASES:
                raise DTypeError(f"For '{cls.__name__}', the constructor takes no arguments, but got {name!r}.")
            if not isinstance(name, str):
                raise DTypeError(f"For '{cls.__name__}', 'name' must be a str, but got {type(name).__name__}.")
        self.__dict__["_prim_name"] = name or cls.__name__

    def __init_subclass__(cls, **kwargs):
        """A primitive of the package names itself in the errors of its constructor and call
        (``For 'ReduceSum', ...``), as MindSpore's primitives do; one that runs a user's function
        (``_calls_user_code``) names itself in its constructor's only."""
        super().__init_subclass__(**kwargs)
        if not cls.__module__.startswith("easy_mindspore."):
            call = cls.__dict__.get("__call__")
            if callable(call) and not getattr(call, "_graph_rules", False):
                from ._user_prims import graph_rules
                cls.__call__ = graph_rules(call)
            return
        if cls.__init__ is Primitive.__init__ and cls.__name__ not in _NAMED_BASES:
            # A primitive of the package without a constructor of its own takes no arguments
            # (``ops.ReLU()``), and its signature says so.
            def __init__(self):
                Primitive.__init__(self)
            __init__.__qualname__ = f"{cls.__name__}.__init__"
            cls.__init__ = __init__
        from .._errors import with_class_name
        for m in ("__init__",) if cls.__dict__.get("_calls_user_code") else ("__init__", "__call__"):
            fn = cls.__dict__.get(m)
            if callable(fn) and not getattr(fn, "_names_errors", False):
                setattr(cls, m, with_class_name(_checking_flags(fn) if m == "__init__" else _inputs.keyword_call(fn)))

    @property
    def name(self):
        """The primitive's name (its class's, or the one given to ``Primitive(name)``)."""
        name = self.__dict__.get("_prim_name") or type(self).__name__
        return _prim_attrs.SHOWN_NAMES.get(name, name) if name == type(self).__name__ else name

    @property
    def attrs(self):
        """The attributes: the constructor's arguments (as the instance holds them) and those of
        ``add_prim_attr``."""
        out = {}
        init = type(self).__init__
        if init is not Primitive.__init__:
            import inspect
            try:
                params = list(inspect.signature(init).parameters.values())[1:]
            except (TypeError, ValueError):
                params = []
            for p in params:
                if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) and p.name in self.__dict__:
                    out[p.name] = self.__dict__[p.name]
        out = _prim_attrs.adjust(self, out)  # MindSpore 2.10's additions and enum codes
        out.update(self.__dict__.get("_prim_attrs", {}))
        return out

    def add_prim_attr(self, name, value):
        """Sets the attribute `name` (also readable as ``self.<name>``); returns the primitive.
        ``primitive_target`` (see :meth:`set_device`) must be ``'CPU'``, ``'GPU'`` or
        ``'Ascend'`` (RuntimeError otherwise, as MindSpore's)."""
        if name == "primitive_target" and not (isinstance(value, str) and value in _DEVICES):
            from .._errors import ComputeError
            raise ComputeError(f"Call 'add_attr' to add attribute to primitive '{self.name}' failed, value of "
                               f"attribute 'primitive_target' must be CPU|GPU|Ascend but got {value}")
        self.__dict__.setdefault("_prim_attrs", {})[name] = value
        self.__dict__[name] = value
        return self

    def set_device(self, device_target):
        """Sets the device the primitive runs on (its attribute ``primitive_target``, shown by
        its repr); returns the primitive. This engine runs on the CPU: a primitive set to
        ``'GPU'`` or ``'Ascend'`` raises RuntimeError when called, as MindSpore 2.10 on a CPU
        machine does.

        Args:
            device_target (str): ``'CPU'``, ``'GPU'`` or ``'Ascend'``.

        Returns:
            Primitive, this primitive.

        Raises:
            RuntimeError: If `device_target` is none of the three.

        Examples:
            >>> from mindspore import ops
            >>> print(ops.Add().set_device("CPU"))
            Prim[Add]<primitive_target=CPU>
        """
        return self.add_prim_attr("primitive_target", device_target)

    def del_prim_attr(self, name):
        """Removes an attribute ``add_prim_attr`` set; returns the primitive."""
        self.__dict__.get("_prim_attrs", {}).pop(name, None)
        self.__dict__.pop(name, None)
        return self

    def shard(self, in_strategy=None, out_strategy=None):
        """Records the parallel strategies (the attributes ``in_strategy`` and ``out_strategy``);
        they have no effect in one process. Returns the primitive."""
        for key, value in (("in_strategy", in_strategy), ("out_strategy", out_strategy)):
            if value is not None:
                self.add_prim_attr(key, value)
        return self

    def recompute(self, mode=True):
        """Records whether the output is recomputed in the backward pass (the attribute
        ``recompute``; no effect here). Returns the primitive."""
        return self.add_prim_attr("recompute", mode)

    def set_prim_instance_name(self, instance_name):
        """Names this instance (``instance_name``); returns the primitive."""
        self.__dict__["instance_name"] = instance_name
        return self

    def init_prim_io_names(self, inputs, outputs):
        """Records the names of the inputs and outputs (the attributes ``input_names`` and
        ``output_names``)."""
        self.add_prim_attr("input_names", list(inputs))
        self.add_prim_attr("output_names", list(outputs))

    def __call__(self, *args):
        cls = globals().get(self.name)
        if not (isinstance(cls, type) and issubclass(cls, Primitive)) or type(self) is cls:
            # A user's primitive without ``__call__``: MindSpore runs its ``infer_dtype`` and
            # ``infer_shape``, then finds no kernel.
            from ._user_prims import no_kernel
            return no_kernel(self, args)
        skip = ("input_names", "output_names", "in_strategy", "out_strategy", "recompute", "primitive_target")
        prim = cls(**{k: v for k, v in self.attrs.items() if k not in skip})
        if "primitive_target" in self.attrs:
            prim.set_device(self.attrs["primitive_target"])
        return prim(*args)

    def __repr__(self):
        attrs = self.attrs
        text = ", ".join(f"{k}={v}" for k, v in attrs.items()  # str(): Float32, as MindSpore
                         if k not in ("input_names", "output_names"))
        return f"Prim[{self.name}]" + (f"<{text}>" if text else "")


class PrimitiveWithInfer(Primitive):
    """MindSpore's ``ops.PrimitiveWithInfer``: a Primitive whose subclass may define
    ``infer_shape``, ``infer_dtype`` and ``infer_value`` (MindSpore's graph compiler calls them;
    shapes and dtypes come from the values here, so they are kept for code that calls them) and
    ``__call__``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> class Double(ops.PrimitiveWithInfer):
        ...     @ops.prim_attr_register
        ...     def __init__(self):
        ...         pass
        ...     def infer_shape(self, x):
        ...         return x
        ...     def __call__(self, x):
        ...         return x * 2
        >>> print(Double()(ms.Tensor([1.0, 2.0])))
        [2. 4.]
    """


class PrimitiveWithCheck(Primitive):
    """MindSpore's ``ops.PrimitiveWithCheck``: a Primitive whose subclass may define
    ``check_shape``/``check_dtype`` (run before each call here, with the inputs' shapes and
    dtypes) and ``__call__``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> class Positive(ops.PrimitiveWithCheck):
        ...     def check_shape(self, x):
        ...         assert len(x) == 1
        ...     def __call__(self, x):
        ...         return ops.relu(x)
        >>> print(Positive()(ms.Tensor([-1.0, 2.0])))
        [0. 2.]
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        call = cls.__dict__.get("__call__")
        if call is None or cls.__module__.startswith("easy_mindspore."):
            return

        def checked(self, *args):
            from .._C import Tensor
            if hasattr(self, "check_shape"):
                self.check_shape(*(tuple(a.shape) if isinstance(a, Tensor) else a for a in args))
            if hasattr(self, "check_dtype"):
                self.check_dtype(*(a.dtype if isinstance(a, Tensor) else a for a in args))
            return call(self, *args)
        cls.__call__ = checked


def prim_attr_register(fn):
    """MindSpore's decorator of a Primitive subclass's ``__init__``: its arguments (defaults
    included) become the primitive's attributes (``attrs``, ``self.<name>``) before the body runs,
    and the primitive is named after its class.

    Args:
        fn (function): The ``__init__``.

    Returns:
        function, the decorated ``__init__``.

    Examples:
        >>> from mindspore.ops import Primitive, prim_attr_register
        >>> class Add(Primitive):
        ...     @prim_attr_register
        ...     def __init__(self, attr1, attr2=5):
        ...         pass
        >>> Add(attr1=1)
        Prim[Add]<attr1=1, attr2=5>
    """
    import functools
    import inspect
    sig = inspect.signature(fn)

    @functools.wraps(fn)
    def __init__(self, *args, **kwargs):
        Primitive.__init__(self, type(self).__name__)
        bound = sig.bind(self, *args, **kwargs)
        bound.apply_defaults()
        for name, value in list(bound.arguments.items())[1:]:
            if sig.parameters[name].kind not in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD):
                self.add_prim_attr(name, value)
        fn(self, *args, **kwargs)
    return __init__


# Attributes that are flags: a primitive takes only a bool for them (MindSpore checks most when
# the primitive runs, some when it is built: ``TopK(sorted=None)``); a string or an int would
# otherwise be read by its truth value (``CumSum(exclusive='a')`` ran as exclusive).
_FLAGS = frozenset({"keep_dims", "skip_mode", "transpose_a", "transpose_b", "exclusive", "reverse", "sorted",
                    "descending", "use_locking", "use_lock", "check_index_bound", "is_grad",
                    "zero_infinity", "is_training", "count_include_pad", "adjoint"})
# (align_corners and half_pixel_centers: the resize primitives check them with their own message)


def _checking_flags(init):
    """``init`` that first checks its flag arguments (``_FLAGS``) are bools."""
    from .._errors import checking_flags
    return checking_flags(init, _FLAGS)


def _unary(fn):
    class _P(Primitive):
        def __call__(self, x):
            return fn(x)
    return _P


def _binary(fn):
    class _P(Primitive):
        def __call__(self, x, y):
            return fn(x, y)
    return _P


class AddN(Primitive):
    """``P.AddN()(xs)``: the element-wise sum of a tuple or list of Tensors of one shape and
    dtype (ValueError for none or different shapes, TypeError for different dtypes).

    Outputs:
        Tensor, of the shape and dtype of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.AddN()([x, x, x]))
        [3. 6.]
    """

    def __call__(self, xs):
        from .._C import Tensor
        from .._errors import DTypeError, ShapeError

        if isinstance(xs, Tensor) or not isinstance(xs, (tuple, list)):
            raise DTypeError(f"For 'AddN', the input must be a tuple or list of Tensors, but got "
                             f"{type(xs).__name__}.")
        if not xs:
            raise ShapeError("For primitive[AddN], the input num must be greater than or equal to 1, "
                             "but got 0.")
        for i, x in enumerate(xs):
            if not isinstance(x, Tensor):
                raise DTypeError(f"For 'AddN', input[{i}] must be a Tensor, but got {type(x).__name__}.")
            if tuple(x.shape) != tuple(xs[0].shape):
                raise ShapeError(f"For 'AddN', input shape must be same, but got shape of input[{i}]: "
                                 f"{tuple(x.shape)}, shape of input[0]: {tuple(xs[0].shape)}.")
            if x.dtype != xs[0].dtype:
                raise DTypeError(f"For primitive[AddN], the input type must be same, but input[{i}] "
                                 f"is {x.dtype} and input[0] is {xs[0].dtype}.")
        total = xs[0]
        for x in xs[1:]:
            total = total + x
        return total


class Partial(Primitive):
    """``P.Partial()(fn, *args)``: ``fn`` with its first arguments bound.

    Outputs:
        functools.partial, the function with the arguments bound.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> add_one = ops.Partial()(ops.add, 1)
        >>> print(add_one(ms.Tensor([1, 2], ms.int32)))
        [2 3]
    """

    _own_keywords = True

    def __call__(self, fn, *args, **kwargs):
        from .._jit import tracing
        from .._errors import DTypeError

        if kwargs and not tracing():  # MindSpore's graph compiler binds them; PyNative does not
            raise DTypeError(f"Partial.__call__() got an unexpected keyword argument '{next(iter(kwargs))}'")
        return F.partial(fn, *args, **kwargs)


class InsertGradientOf(Primitive):
    """``ops.InsertGradientOf(f)(x)``: ``x`` unchanged, and the gradient flowing back through it
    replaced by ``f(gradient)`` (for printing, clipping or scaling gradients).

    Args:
        f (function): Applied to the gradient flowing back through the value.

    Outputs:
        Tensor, the input unchanged (its gradient goes through `f`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> clip = ops.InsertGradientOf(lambda g: ops.clamp(g, -1.0, 1.0))
        >>> def f(x):
        ...     return (clip(x) * 5.0).sum()
        ...
        >>> print(ms.grad(f)(ms.Tensor([1.0, 2.0])))
        [1. 1.]
    """

    def __init__(self, f):
        from .._errors import DTypeError

        if not callable(f):
            raise DTypeError(f"For 'InsertGradientOf', f must be callable, but got {type(f).__name__}.")
        self.f = f
        from .._custom import custom_vjp

        self._fn = custom_vjp(lambda x: x, bprop=lambda x, out, dout: (f(dout),))

    def __call__(self, x):
        return self._fn(x)


class Reshape(Primitive):
    """The tensor with a new shape (one entry may be -1, inferred).

    The primitive form of :func:`mindspore.ops.reshape`: ``ops.Reshape()(*inputs)`` computes ``ops.reshape(*inputs)``.

    Outputs:
        Tensor, of shape `shape` with the elements of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Reshape()(x, (3, 2)))
        [[1. 2.]
         [3. 4.]
         [5. 6.]]
    """
    def __call__(self, x, shape):
        return F.reshape(x, shape)


class Transpose(Primitive):
    """The tensor with its axes permuted by `perm`.

    The primitive form of :func:`mindspore.ops.transpose`: ``ops.Transpose()(*inputs)`` computes ``ops.transpose(*inputs)``.

    Outputs:
        Tensor, with the axes of `x` in the order `perm`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Transpose()(x, (1, 0)))
        [[1. 4.]
         [2. 5.]
         [3. 6.]]
    """
    def __call__(self, x, perm):
        return F.transpose(x, perm)


def _axis_value(axis):
    """`axis` of a reduction primitive as Python ints: a Tensor (``Tensor([0, 1])``, ``Tensor(1)``)
    becomes a tuple (an int when 0-D), as MindSpore's reductions take it."""
    from .._C import Tensor
    if isinstance(axis, Tensor):
        values = axis.asnumpy()
        return int(values) if values.ndim == 0 else tuple(int(a) for a in values.reshape(-1))
    return axis


class _Reduce(Primitive):
    _fn = None

    def __init__(self, keep_dims=False):
        self.keep_dims = keep_dims

    def __call__(self, x, axis=()):
        axis = _axis_value(axis)
        axis = None if axis in ((), []) else axis
        return type(self)._fn(x, axis, self.keep_dims)


class ReduceSum(_Reduce):
    """The sum over ``axis`` (all axes for ``()``).

    The primitive form of :func:`mindspore.ops.reduce_sum`: ``ops.ReduceSum()(*inputs)`` computes ``ops.reduce_sum(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        skip_mode (bool, optional): Whether an empty `axis` (``()`` or ``[]``) returns `x`
            unchanged instead of reducing every axis. Default: ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is empty); the reduced axes are kept
        with size 1 when `keep_dims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceSum()(x))
        1.0
        >>> print(ops.ReduceSum(skip_mode=True)(x, ()))
        [-1.5  0.   2.5]
    """
    _fn = staticmethod(lambda x, a, k: _sum_in_dtype(F.sum(x, a, k), x))

    def __init__(self, keep_dims=False, skip_mode=False):
        self.keep_dims, self.skip_mode = keep_dims, skip_mode

    def __call__(self, x, axis=()):
        if self.skip_mode and _axis_value(axis) in ((), []):
            return x
        return _Reduce.__call__(self, x, axis)


class ReduceMean(_Reduce):
    """The mean over ``axis``.

    The primitive form of :func:`mindspore.ops.reduce_mean`: ``ops.ReduceMean()(*inputs)`` computes ``ops.reduce_mean(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMean()(x))
        0.33333334
    """
    _fn = staticmethod(lambda x, a, k: F.mean(x, a, k))


class ReduceMax(_Reduce):
    """The maximum over ``axis``.

    The primitive form of :func:`mindspore.ops.reduce_max`: ``ops.ReduceMax()(*inputs)`` computes ``ops.reduce_max(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMax()(x))
        2.5
    """
    _fn = staticmethod(lambda x, a, k: _reduce_max(F._t(x), a, k))


class MatMul(Primitive):
    """The matrix product of two tensors, batched and broadcast as NumPy's ``matmul``.

    The primitive form of :func:`mindspore.ops.matmul`: ``ops.MatMul()(*inputs)`` computes ``ops.matmul(*inputs)``.

    Args:
        transpose_a (bool, optional): Whether the first matrix is transposed first. Default:
            ``False``.
        transpose_b (bool, optional): Whether the second matrix is transposed first. Default:
            ``False``.

    Inputs:
        - **x** (Tensor) - 2-D (MindSpore's MatMul takes no other rank: ValueError).
        - **y** (Tensor) - 2-D, its rows as many as the columns of `x` (else ValueError).

    Outputs:
        Tensor, the 2-D product.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.MatMul()(x, x))
        [[ 2. -2.]
         [-8. 10.]]
    """
    def __init__(self, transpose_a=False, transpose_b=False):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        from .._errors import ShapeError
        if getattr(x, "ndim", None) != 2 or getattr(y, "ndim", None) != 2:
            raise ShapeError("For 'MatMul', the inputs must be 2-D, but got shapes "
                             f"{list(getattr(x, 'shape', ()))} and {list(getattr(y, 'shape', ()))}.")
        x = x.T if self.transpose_a else x
        y = y.T if self.transpose_b else y
        if x.shape[1] != y.shape[0]:
            raise _ContractionError(f"For 'MatMul', the columns of 'x' ({x.shape[1]}) must equal the "
                                         f"rows of 'y' ({y.shape[0]}).")
        return F.matmul(x, y)


class BatchMatMul(MatMul):
    """The batched product of ``[..., n, m]`` and ``[..., m, p]`` (3-D or more).

    The primitive form of :func:`mindspore.ops.bmm`: ``ops.BatchMatMul()(*inputs)`` computes ``ops.bmm(*inputs)``.

    Args:
        transpose_a (bool, optional): Whether the first operand's last two axes are swapped first.
            Default: ``False``.
        transpose_b (bool, optional): Whether the second operand's last two axes are swapped first.
            Default: ``False``.

    Outputs:
        Tensor of shape ``[..., n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 2, 3), ms.float32)
        >>> y = ops.ones((2, 3, 4), ms.float32)
        >>> print(ops.BatchMatMul()(x, y).shape)
        (2, 2, 4)
    """
    def __call__(self, x, y):
        x = x.swapaxes(-1, -2) if self.transpose_a else x
        y = y.swapaxes(-1, -2) if self.transpose_b else y
        if min(getattr(x, "ndim", 0), getattr(y, "ndim", 0)) >= 2 and x.shape[-1] != y.shape[-2]:
            raise _ContractionError(f"For 'BatchMatMul', the row of 'y' ({y.shape[-2]}) must equal "
                                         f"the col of 'x' ({x.shape[-1]}), but got shapes "
                                         f"{list(x.shape)} and {list(y.shape)}.")
        return F.matmul(x, y)


Add, Sub, Mul = _binary(F.add), _binary(F.sub), _binary(F.mul)
Div = RealDiv = _binary(F.div)
Pow, Maximum, Minimum = _binary(F.pow), _binary(F.maximum), _binary(F.minimum)
Neg, Abs, Exp, Log = _unary(F.neg), _unary(F.abs), _unary(F.exp), _unary(F.log)
Sqrt, Square, Tanh, Sigmoid = _unary(F.sqrt), _unary(F.square), _unary(F.tanh), _unary(F.sigmoid)
Erf = _unary(F.erf)
ReLU, OnesLike, ZerosLike = _unary(F.relu), _unary(F.ones_like), _unary(F.zeros_like)
Shape, StopGradient = _unary(F.shape), _unary(F.stop_gradient)
for _name in ("Add", "Sub", "Mul", "Div", "Pow", "Maximum", "Minimum", "Neg", "Abs", "Exp", "Log",
              "Sqrt", "Square", "Tanh", "Erf", "Sigmoid", "ReLU", "OnesLike", "ZerosLike", "Shape",
              "StopGradient"):
    globals()[_name].__name__ = globals()[_name].__qualname__ = _name


def _scalar_in_dtype(x, y):
    """`x` as a Tensor of `y`'s dtype when `x` is a Python int and `y` an integer Tensor (MindSpore's
    FloorDiv, Mod, TruncateDiv, TruncateMod and RealDiv give the scalar the tensor's dtype, so
    ``7 // Tensor(int32)`` is Int32); otherwise `x`."""
    from .._C import Tensor
    dt = getattr(y, "dtype", None)
    if (isinstance(x, int) and not isinstance(x, bool) and isinstance(y, Tensor)
            and (dt in mstype.int_type or dt in mstype.uint_type)):
        return Tensor(x, dt)
    return x


class RealDiv(Div):
    """``x / y``; integer operands (of one dtype, or with a Python int) give the quotient truncated
    toward zero in their dtype, as MindSpore's RealDiv does (``[7, -7] / [2, 2]`` is ``[3, -3]``).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.RealDiv()(ms.Tensor([7, -7], ms.int32), ms.Tensor([2, 2], ms.int32)))
        [ 3 -3]
    """
    def __call__(self, x, y):
        from .._errors import DTypeError
        x, y = _scalar_in_dtype(x, y), _scalar_in_dtype(y, x)
        dx, dy = getattr(x, "dtype", None), getattr(y, "dtype", None)
        if mstype.bool_ in (dx, dy):
            raise DTypeError("For 'RealDiv', the inputs must be numeric, but got a Tensor[Bool].")
        ints = mstype.int_type + mstype.uint_type
        if dx in ints and dx == dy:
            return F.truncate_div(x, y)
        return F.div(x, y)


class Softmax(Primitive):
    """The softmax along `axis`: ``exp(x) / sum(exp(x))``, computed stably.

    The primitive form of :func:`mindspore.ops.softmax`: ``ops.Softmax()(*inputs)`` computes ``ops.softmax(*inputs)``.

    Args:
        axis (Union[int, tuple[int]], optional): The axis, kept as a tuple (``(-1,)``) as
            MindSpore keeps it; one axis only (as on MindSpore's CPU). Default: ``-1``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Softmax()(x))
        [0.01664452 0.07459556 0.9087599 ]
        >>> ops.Softmax(axis=1).axis
        (1,)
    """
    def __init__(self, axis=-1):
        from .._errors import DTypeError
        ok = isinstance(axis, tuple) and all(isinstance(a, int) and not isinstance(a, bool) for a in axis)
        if not (ok or (isinstance(axis, int) and not isinstance(axis, bool))):
            raise DTypeError(f"For 'Softmax', the type of 'axis' should be one of '[int, tuple of int]', "
                             f"but got {type(axis)}.")
        self.axis = axis if isinstance(axis, tuple) else (axis,)

    def __call__(self, x):
        if len(self.axis) != 1:
            from .._errors import ComputeError
            raise ComputeError(f"For 'Softmax', the parameter 'axis' must hold one axis, but got {self.axis}.")
        return F.softmax(x, self.axis[0])


class Cast(Primitive):
    """The tensor converted to `dtype`.

    The primitive form of :func:`mindspore.ops.cast`: ``ops.Cast()(*inputs)`` computes ``ops.cast(*inputs)``.

    Outputs:
        Tensor, of the shape of `x` and dtype `dtype`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> y = ops.Cast()(x, ms.int32)
        >>> print(y, y.dtype)
        [-1  0  2] Int32
    """
    def __call__(self, x, dtype):
        return F.cast(x, dtype)


class ExpandDims(Primitive):
    """The tensor with a new axis of size 1 inserted at `axis`.

    The primitive form of :func:`mindspore.ops.expand_dims`: ``ops.ExpandDims()(*inputs)`` computes ``ops.expand_dims(*inputs)``.

    Outputs:
        Tensor, with a new axis of size 1 at `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.ExpandDims()(x, 1))
        [[[1. 2. 3.]]
        <BLANKLINE>
         [[4. 5. 6.]]]
    """
    def __call__(self, x, axis):
        return F.expand_dims(x, axis)


class Squeeze(Primitive):
    """The tensor without its axes of size 1.

    The primitive form of :func:`mindspore.ops.squeeze`: ``ops.Squeeze()(*inputs)`` computes ``ops.squeeze(*inputs)``.

    Args:
        axis (Union[int, tuple[int], list[int]], optional): The axes to remove, kept as a tuple
            (``Squeeze(1).axis == (1,)``). Default: ``()``.

    Outputs:
        Tensor, without the axes of size 1 (only those of `axis` when it is given).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 2, 1), ms.float32)
        >>> print(ops.Squeeze()(x).shape)
        (2,)
    """
    def __init__(self, axis=()):
        from .._errors import DTypeError
        items = axis if isinstance(axis, (tuple, list)) else (axis,)
        if not all(isinstance(a, int) and not isinstance(a, bool) for a in items):
            raise DTypeError("For 'Squeeze', the type of 'axis' should be one of '[list of int, int, tuple "
                             f"of int]', but got {type(axis)}.")
        self.axis = tuple(items)  # kept as a tuple, as MindSpore keeps it: Squeeze(1).axis == (1,)

    def __call__(self, x):
        return F.squeeze(x, None if self.axis == () else self.axis)


class Concat(Primitive):
    """Joins tensors along an existing axis (:func:`cat`).

    The primitive form of :func:`mindspore.ops.concat`: ``ops.Concat()(*inputs)`` computes ``ops.concat(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.

    Outputs:
        Tensor, the inputs joined along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.Concat(axis=0)((x, x)))
        [[1. 2.]
         [1. 2.]]
    """
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.concat(xs, self.axis)


class Stack(Primitive):
    """Stacks tensors of one shape along a new axis.

    The primitive form of :func:`mindspore.ops.stack`: ``ops.Stack()(*inputs)`` computes ``ops.stack(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.

    Outputs:
        Tensor, the inputs stacked along a new axis `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.Stack(axis=0)((x, x)))
        [[1. 2.]
         [1. 2.]]
    """
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.stack(xs, self.axis)


class Select(Primitive):
    """``x`` where ``cond`` holds, else ``y``.

    The primitive form of :func:`mindspore.ops.select`: ``ops.Select()(*inputs)`` computes ``ops.select(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> cond = ms.Tensor([True, False, True])
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 5.0, 6.0], ms.float32)
        >>> print(ops.Select()(cond, x, y))
        [1. 5. 3.]
    """
    def __call__(self, cond, x, y):
        return F.select(cond, x, y)


class Argmax(Primitive):
    """The index of the maximum along `axis`.

    The primitive form of :func:`mindspore.ops.argmax`: ``ops.Argmax()(*inputs)`` computes ``ops.argmax(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        output_type (mindspore.dtype, optional): The dtype of the indices, ``mstype.int32`` or
            ``mstype.int64`` (kept as MindSpore's type id: 34, 35). Default: ``mstype.int32``.

    Outputs:
        Tensor of `output_type`, the indices of the maxima along `axis` (TypeError for a Bool
        input, ValueError for another `output_type` when called).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Argmax()(x))
        2
    """
    def __init__(self, axis=-1, output_type=mstype.int32):
        from ._operations_reduce import _arg_init
        _arg_init(self, axis, output_type)

    def __call__(self, x):
        from ._operations_reduce import _arg_call
        return _arg_call(self, x, True)

Sin, Cos, Tan = _unary(F.sin), _unary(F.cos), _unary(F.tan)
Sinh, Cosh, Floor = _unary(F.sinh), _unary(F.cosh), _unary(F.floor)
Reciprocal, Rsqrt, Sign = _unary(F.reciprocal), _unary(F.rsqrt), _unary(F.sign)

__all__ += ["Sin", "Cos", "Tan", "Sinh", "Cosh", "Floor", "Reciprocal", "Rsqrt", "Sign"]

# Classes made by _unary/_binary carry their MindSpore name (``ops.ReLU().name == "ReLU"``).
for _name in __all__:
    _cls = globals().get(_name)
    if isinstance(_cls, type) and _cls.__name__ == "_P":
        _cls.__name__ = _cls.__qualname__ = _name


# -- primitive classes over the functions of ``ops.function``, by concept in three modules ------
from ._operations_layers import (  # noqa: E402,F401 (re-exported)
    AvgPool, BatchNorm, Dropout, LayerNorm, MaxPool, OneHot, Pad,
)
from ._operations_assign import (  # noqa: E402,F401 (re-exported)
    Assign, AssignAdd, AssignSub, Load,
)
from ._operations_select import (  # noqa: E402,F401 (re-exported)
    CumProd, Erfinv, Gather, GatherD, Sort, Split, Tile, TopK,
)


__all__ += ["Pad", "MaxPool", "AvgPool", "Assign", "AssignAdd", "AssignSub", "Load", "LayerNorm", "OneHot",
            "Sort", "TopK", "GatherD", "Gather", "Split", "Tile", "Erfinv", "Dropout", "CumProd"]


__all__ += ["BatchNorm"]


# The rest of the primitive classes live in modules by concept; each one's ``__all__`` is this
# module's too (``ops.operations`` is MindSpore's one namespace of primitives):
# part two (comparisons, reductions, random, slicing, losses, Conv2D ...), the resizes (with
# ``ops.interpolate``'s taps), the 3-D convolution, pooling, unpooling, LRN and CTC, the square-
# matrix and gamma-function primitives, part three (scatters, solvers, windows, losses ...), part
# four (older model code: losses, layouts, boxes, grids, in-place updates), part five (old names,
# sorted segments, bounds, pooling with argmax, draws), the optimizers (``ApplyAdagrad`` ...
# ``Adam``, ``SGD``), part six (norms, losses, layouts, colours, resizes, boxes), part seven
# (conversions, data formats, resizes, 3-D pooling, boxes), the sparse primitives, the Householder
# QR primitives, the random-draw and fractional-pooling primitives, control flow and
# ``HookBackward``, the older spectral primitives, the packed-weight ``LSTM``, the collectives
# (``AllReduce`` ..., without ``ReduceOp``), part eight (``Assert``, ``Padding``, ``PadV3`` ...),
# the summaries and ``Load``, the fused sparse optimizers.
from . import (_comm_ops, _linalg_ops, _operations_3d, _operations_control,  # noqa: E402
               _operations_eight, _operations_extra, _operations_five, _operations_four,
               _operations_fused_sparse,
               _operations_linalg, _operations_more, _operations_optim, _operations_random,
               _operations_rnn, _operations_seven, _operations_six, _operations_sparse,
               _operations_spectral, _resize_ops, _set_ops, _summary_ops)

for _part in (_operations_more, _resize_ops, _operations_3d, _linalg_ops, _operations_extra,
              _operations_four, _operations_five, _operations_optim, _operations_six,
              _operations_seven, _operations_sparse, _operations_linalg, _operations_random,
              _operations_control, _operations_spectral, _operations_rnn, _comm_ops,
              _operations_eight, _set_ops, _summary_ops, _operations_fused_sparse):
    _names = [_n for _n in _part.__all__ if _n != "ReduceOp"]
    globals().update({_name: getattr(_part, _name) for _name in _names})
    __all__ += [_n for _n in _names if _n not in __all__]

# The submodules MindSpore code imports from ``mindspore.ops.operations`` (``nn_ops`` for
# ``PSROIPooling``, ``_inner_ops``, ``_grad_ops`` as ``G``): this module is not a package, so
# each is registered by name (``import mindspore.ops.operations._grad_ops`` works too).
import sys as _sys  # noqa: E402

from . import _grad_ops, _inner_ops, _npu_ops, _quant_ops, _nn_ops as nn_ops  # noqa: E402

# The Ascend-only primitives MindSpore 2.10 has in this namespace (``FakeQuantParam`` here but
# not in ``mindspore.ops``).
__all__ += ["NPUAllocFloatStatus", "NPUGetFloatStatus", "NPUClearFloatStatus"]
NPUAllocFloatStatus, NPUGetFloatStatus = _npu_ops.NPUAllocFloatStatus, _npu_ops.NPUGetFloatStatus
NPUClearFloatStatus, FakeQuantParam = _npu_ops.NPUClearFloatStatus, _npu_ops.FakeQuantParam
for _sub, _module in (("nn_ops", nn_ops), ("_inner_ops", _inner_ops), ("_grad_ops", _grad_ops),
                      ("_quant_ops", _quant_ops)):
    _sys.modules[__name__ + "." + _sub] = _module
# MindSpore's other modules of primitives (``from mindspore.ops.operations.array_ops import
# Unique``, ``from mindspore.ops.operations import math_ops``): every class is in this module,
# so each of those names is this module.
for _sub in ("array_ops", "comm_ops", "control_ops", "custom_ops", "debug_ops", "image_ops",
             "inner_ops", "linalg_ops", "math_ops", "other_ops", "random_ops", "sparse_ops",
             "spectral_ops"):
    _sys.modules[__name__ + "." + _sub] = _sys.modules[__name__]
    globals()[_sub] = _sys.modules[__name__]
