"""Primitives that run only on Ascend in MindSpore 2.10 (``NPUAllocFloatStatus``,
``NPUGetFloatStatus``, ``NPUClearFloatStatus``, ``AntiQuant`` of ``_inner_ops`` and
``FakeQuantParam`` of ``_quant_ops``). Each is built as MindSpore builds it (its arguments checked,
its attributes kept), and a call checks its inputs as MindSpore's shape and type inference does,
then raises MindSpore's CPU error: no CPU kernel exists for it (``RuntimeError: Kernel select
failed: Unsupported op [...] on CPU``)."""
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from .operations import Primitive

__all__ = ["NPUAllocFloatStatus", "NPUGetFloatStatus", "NPUClearFloatStatus", "AntiQuant",
           "FakeQuantParam"]


def graph_type(value):
    """The name MindSpore's type inference gives the type of `value` in its messages
    (``Tensor[Float32]``, ``Float32`` for a Python float, ``Int64`` for an int ...)."""
    if isinstance(value, Tensor):
        return f"Tensor[{value.dtype}]"
    names = {bool: "Bool", int: "Int64", float: "Float32", str: "String", type(None): "None",
             tuple: "Tuple", list: "List", dict: "Dictionary"}
    return names.get(type(value), type(value).__name__)


def unsupported_on_cpu(name):
    """Raises MindSpore's error for a primitive without a CPU kernel."""
    raise ComputeError(f"Kernel select failed: Unsupported op [{name}] on CPU, Please confirm whether "
                       "the device target setting is correct, or refer to 'mindspore.ops' at "
                       "https://www.mindspore.cn to query the operator support list.")


def check_input_number(name, args, n):
    """ValueError unless the primitive `name` got `n` inputs (MindSpore's message)."""
    if len(args) != n:
        raise ShapeError(f"For primitive[{name}], the input number must be equal to {n}, but got "
                         f"{len(args)}.")


def check_tensor_type(name, arg, value, valid):
    """TypeError unless `value` is a Tensor of one of the dtypes `valid` (MindSpore's messages
    for a value that is not a Tensor and for a Tensor of another dtype)."""
    allowed = ", ".join(f"Tensor[{t}]" for t in valid)
    if not isinstance(value, Tensor):
        raise DTypeError(f"The primitive[{name}]'s input arguments[{arg}] must be all tensor and those "
                         f"type must be same. But got input argument[{arg}]:{graph_type(value)}\n"
                         f"Valid type list: {{{allowed}}}.")
    if value.dtype not in valid:
        raise DTypeError(f"For primitive[{name}], the input argument[{arg}] must be a type of "
                         f"{{{allowed}}}, but got Tensor[{value.dtype}].")


class NPUAllocFloatStatus(Primitive):
    """Allocates the Ascend NPU's float-status buffer (a Float32 Tensor ``[8]``). Ascend only, as
    in MindSpore: on CPU a call raises RuntimeError.

    Inputs:
        None.

    Outputs:
        Tensor ``[8]`` of Float32 (on Ascend).

    Raises:
        TypeError: If it is given an input.
        RuntimeError: On CPU (no kernel).

    Examples:
        >>> from mindspore import ops
        >>> print(ops.NPUAllocFloatStatus())
        Prim[NPUAllocFloatStatus]
    """

    def __call__(self, *args):
        if args:
            raise DTypeError(f"For 'NPUAllocFloatStatus' op, input num should be 0, bug gets {len(args)}")
        unsupported_on_cpu("NPUAllocFloatStatus")


class _FloatStatus(Primitive):
    """``NPUGetFloatStatus`` / ``NPUClearFloatStatus``: one Float16/Float32 Tensor ``[8]``."""

    def __call__(self, *args):
        name = type(self).__name__
        check_input_number(name, args, 1)
        x = args[0]
        check_tensor_type(name, "input_x", x, (mstype.float16, mstype.float32))
        # MindSpore's messages, with the op named (MindSpore's name none)
        if x.ndim != 1:
            raise ShapeError(f"For '{name}', Input_x must be a 1-dimensional tensor, but got "
                             f"{x.ndim}-dimensional tensor.")
        if x.shape[0] != 8:
            raise ShapeError(f"For '{name}', The first dimension of input_x must be 8, but got "
                             f"{x.shape[0]}")
        unsupported_on_cpu(name)


class NPUGetFloatStatus(_FloatStatus):
    """Reads the Ascend NPU's float-status flags into `x` (the buffer of
    :class:`NPUAllocFloatStatus`). Ascend only, as in MindSpore: on CPU the input is checked, then
    a call raises RuntimeError.

    Inputs:
        - **x** (Tensor) - Float16 or Float32, shape ``[8]``.

    Outputs:
        Tensor of the shape and dtype of `x` (on Ascend).

    Raises:
        TypeError: If `x` is not a Float16/Float32 Tensor.
        ValueError: If `x` is not of shape ``[8]``, or the inputs are not one.
        RuntimeError: On CPU (no kernel).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> try:
        ...     ops.NPUGetFloatStatus()(ms.Tensor([1.0, 2.0]))
        ... except ValueError as e:
        ...     print(e)
        For 'NPUGetFloatStatus', The first dimension of input_x must be 8, but got 2
    """


class NPUClearFloatStatus(_FloatStatus):
    """Clears the Ascend NPU's float-status flags. Ascend only, as in MindSpore: on CPU the input
    is checked, then a call raises RuntimeError.

    Inputs:
        - **x** (Tensor) - Float16 or Float32, shape ``[8]``.

    Outputs:
        Tensor of the shape and dtype of `x` (on Ascend).

    Raises:
        TypeError: If `x` is not a Float16/Float32 Tensor.
        ValueError: If `x` is not of shape ``[8]``, or the inputs are not one.
        RuntimeError: On CPU (no kernel).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> try:
        ...     ops.NPUClearFloatStatus()(ms.Tensor([1, 2]))
        ... except TypeError as e:
        ...     print(str(e)[-40:])
        Tensor[Float32]}, but got Tensor[Int64].
    """


class AntiQuant(Primitive):
    """``mindspore.ops.operations._inner_ops.AntiQuant``: dequantises an Int8 Tensor,
    ``(x + offset) * scale`` in `dtype`. Ascend only, as in MindSpore: on CPU the inputs are
    checked, then a call raises RuntimeError.

    Args:
        sqrt_mode (bool, optional): Whether `scale` is applied squared. Default: ``False``.
        dtype (mindspore.dtype, optional): The output's dtype. Default: ``mstype.float16``.

    Inputs:
        - **x** (Tensor) - Int8.
        - **scale** (Union[Tensor, float]) - The scale.
        - **offset** (Union[Tensor, float]) - The offset.

    Outputs:
        Tensor of `dtype` (on Ascend).

    Raises:
        TypeError: If `sqrt_mode` is not a bool, `x` is not an Int8 Tensor, or the inputs are
            given by keyword (MindSpore's messages in PyNative mode and in a graph).
        ValueError: If the inputs are not three.
        RuntimeError: On CPU (no kernel).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations._inner_ops import AntiQuant
        >>> op = AntiQuant(True, ms.float32)
        >>> print(op, op.sqrt_mode, op.dtype)
        Prim[AntiQuant] True Float32
    """

    def __init__(self, sqrt_mode=False, dtype=mstype.float16):
        super().__init__()
        if not isinstance(sqrt_mode, bool):
            raise DTypeError(f"For 'AntiQuant', the type of 'sqrt_mode' should be 'bool', but got type "
                             f"'{type(sqrt_mode).__name__}'.")
        # Not attributes in MindSpore (its repr shows none), but readable.
        self.__dict__["_settings"] = (sqrt_mode, dtype)
        self.init_prim_io_names(["x", "scale", "offset"], ["y"])

    @property
    def sqrt_mode(self):
        """Whether `scale` is applied squared."""
        return self.__dict__["_settings"][0]

    @property
    def dtype(self):
        """The output's dtype."""
        return self.__dict__["_settings"][1]

    _own_keywords = True

    def __call__(self, *args, **kwargs):
        from .._jit import tracing

        if kwargs:
            key, value = next(iter(kwargs.items()))
            if not tracing():
                e = DTypeError(f"Primitive.__call__() got an unexpected keyword argument '{key}'")
                e._ems_user_error = True  # MindSpore's message, as it is
                raise e
            # MindSpore's graph compiler hands this primitive its keyword arguments unresolved.
            raise DTypeError("The primitive[AntiQuant]'s input arguments[input_x] must be all tensor and "
                             f"those type must be same. But got input argument[input_x]:Keyword[key : "
                             f"{key}, value : {graph_type(value)}]\nValid type list: {{Tensor[Int8]}}.")
        check_input_number("AntiQuant", args, 3)
        x = args[0]
        if not isinstance(x, Tensor) or x.dtype != mstype.int8:
            raise DTypeError(f"For primitive[AntiQuant], the input argument[input_x] must be a type of "
                             f"{{Tensor[Int8]}}, but got {graph_type(x)}.")
        unsupported_on_cpu("AntiQuant")


class FakeQuantParam(Primitive):
    """``mindspore.ops.operations._quant_ops.FakeQuantParam``: marks a value with quantisation
    parameters for the model converter (the output is the input). Built as in MindSpore, its
    attributes ``quant_dtype`` (the number of a :class:`mindspore.QuantDtype`),
    ``quant_algo_name``, ``is_per_channel``, ``kwargs`` and each of the extra keyword arguments.
    Ascend only: on CPU a call raises RuntimeError.

    Args:
        quant_dtype (QuantDtype): The quantised type.
        quant_algo_name (str): The algorithm (``'linear_quant_algo'`` for
            :meth:`linear_quant_param`).
        is_per_channel (bool): Whether the parameters are per channel.
        kwargs (dict): The algorithm's parameters, each also an attribute.

    Inputs:
        - **x** (Tensor) - The value.

    Outputs:
        Tensor, `x` (on Ascend).

    Raises:
        AttributeError: If `quant_dtype` is not a QuantDtype.
        ValueError: If it is not given one input.
        RuntimeError: On CPU (no kernel).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import _quant_ops as Q
        >>> op = Q.FakeQuantParam.linear_quant_param(ms.QuantDtype.INT8, 0.1, 1)
        >>> print(op.quant_dtype, op.quant_algo_name, op.kwargs)
        7 linear_quant_algo {'linear_quant_scale': [0.1], 'linear_quant_zero_point': [1]}
    """
    attr_key_linear_quant_scale = "linear_quant_scale"
    attr_key_linear_quant_zero_point = "linear_quant_zero_point"
    attr_value_linear_quant_algo_name = "linear_quant_algo"

    def __init__(self, quant_dtype, quant_algo_name, is_per_channel, **kwargs):
        super().__init__()
        self.add_prim_attr("quant_dtype", quant_dtype.value())
        self.add_prim_attr("quant_algo_name", quant_algo_name)
        self.add_prim_attr("is_per_channel", is_per_channel)
        self.add_prim_attr("kwargs", dict(kwargs))
        for key, value in kwargs.items():
            self.add_prim_attr(key, value)

    @staticmethod
    def linear_quant_param(quant_dtype, scale, zp, is_per_channel=False, **kwargs):
        """A FakeQuantParam of the linear algorithm: ``kwargs`` plus the scales and zero points
        (a float and an int each become a one-element list).

        Args:
            quant_dtype (QuantDtype): The quantised type.
            scale (Union[float, tuple, list]): The scales.
            zp (Union[int, tuple, list]): The zero points.
            is_per_channel (bool, optional): Whether per channel. Default: ``False``.
            kwargs (dict): More parameters, attributes too.

        Returns:
            FakeQuantParam.

        Raises:
            TypeError: If `scale` is not a float, tuple or list, or `zp` not an int, tuple or list
                (bools are neither).

        Examples:
            >>> import mindspore as ms
            >>> from mindspore.ops.operations import _quant_ops as Q
            >>> op = Q.FakeQuantParam.linear_quant_param(ms.QuantDtype.INT8, [0.1, 0.2], [1, 2], True)
            >>> print(op.is_per_channel, op.linear_quant_scale)
            True [0.1, 0.2]
        """
        for name, value, kind, kinds in (("scale", scale, float, "float"), ("zero_point", zp, int, "int")):
            if isinstance(value, bool) or not isinstance(value, (kind, tuple, list)):
                raise DTypeError(f"For 'FakeQuantParam', the type of '{name}' should be one of "
                                 f"'['{kinds}', 'tuple', 'list']', but got type '{type(value).__name__}'.")
        kwargs[FakeQuantParam.attr_key_linear_quant_scale] = [scale] if isinstance(scale, float) else scale
        kwargs[FakeQuantParam.attr_key_linear_quant_zero_point] = [zp] if isinstance(zp, int) else zp
        return FakeQuantParam(quant_dtype, FakeQuantParam.attr_value_linear_quant_algo_name, is_per_channel,
                              **kwargs)

    def __call__(self, *args):
        check_input_number("FakeQuantParam", args, 1)
        if not isinstance(args[0], Tensor):
            raise DTypeError(f"For primitive[FakeQuantParam], the input must be a Tensor, but got "
                             f"{graph_type(args[0])}.")
        unsupported_on_cpu("FakeQuantParam")
