"""The table-made sparse functions of ``mindspore.ops`` (MindSpore 2.10): the getters
(``coo_tensor_get_indices`` ... ``row_tensor_get_dense_shape``, an attribute of the sparse tensor)
and the elementwise families ``coo_abs ... coo_tanh`` and ``csr_abs ... csr_tanh`` (``ops.abs`` ...
``ops.tanh`` of the stored values, the structure unchanged, so gradients reach the values)."""
from ..._errors import DTypeError
from ...common.sparse_tensor import COOTensor, CSRTensor, RowTensorInner
from ._sparse_func import _F

# -- getters: ``ops.coo_tensor_get_indices(x)`` is ``x.indices`` ... -------------------------------
_GETTERS = (("coo_tensor_get_indices", "COOTensorGetIndices", COOTensor, "indices"),
            ("coo_tensor_get_values", "COOTensorGetValues", COOTensor, "values"),
            ("coo_tensor_get_dense_shape", "COOTensorGetDenseShape", COOTensor, "shape"),
            ("csr_tensor_get_indptr", "CSRTensorGetIndptr", CSRTensor, "indptr"),
            ("csr_tensor_get_indices", "CSRTensorGetIndices", CSRTensor, "indices"),
            ("csr_tensor_get_values", "CSRTensorGetValues", CSRTensor, "values"),
            ("csr_tensor_get_dense_shape", "CSRTensorGetDenseShape", CSRTensor, "shape"),
            ("row_tensor_get_indices", "RowTensorGetIndices", RowTensorInner, "indices"),
            ("row_tensor_get_values", "RowTensorGetValues", RowTensorInner, "values"),
            ("row_tensor_get_dense_shape", "RowTensorGetDenseShape", RowTensorInner, "dense_shape"))
_SAMPLES = {COOTensor: ("ms.COOTensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2))",
                        {"indices": "[[0 1]]", "values": "[5.]", "shape": "(2, 2)"}),
            CSRTensor: ("ms.CSRTensor(ms.Tensor([0, 1, 1], ms.int32), ms.Tensor([1], ms.int32), ms.Tensor([5.]), "
                        "(2, 2))", {"indptr": "[0 1 1]", "indices": "[1]", "values": "[5.]", "shape": "(2, 2)"}),
            RowTensorInner: ("ms.RowTensor(ms.Tensor([1], ms.int32), ms.Tensor([[5., 6.]]), (3, 2))",
                             {"indices": "[1]", "values": "[[5. 6.]]", "dense_shape": "(3, 2)"})}


def _getter(name, prim, cls, attr):
    def get(x):
        if not isinstance(x, cls):
            raise DTypeError(f"For '{prim}', input[0] should be {cls.__name__}, but got {type(x).__name__}.")
        return getattr(x, attr)

    made, printed = _SAMPLES[cls]
    kind = "tuple(int)" if "shape" in attr else "Tensor"
    get.__name__ = get.__qualname__ = name
    get.__doc__ = (f"""``x.{attr}`` of a {cls.__name__.replace('Inner', '')}.

    Args:
        x ({cls.__name__.replace('Inner', '')}): The sparse tensor.

    Returns:
        {kind}.

    Raises:
        TypeError: If `x` is not a {cls.__name__.replace('Inner', '')}.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.{name}({made}))
        {printed[attr]}
    """)
    return get


for _name, _prim, _cls, _attr in _GETTERS:
    globals()[_name] = _getter(_name, _prim, _cls, _attr)


# -- the elementwise families: ``coo_sin(x)`` is x with ``ops.sin`` applied to its values ---------
_UNARY = ("abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "ceil", "cos", "cosh", "exp", "expm1", "floor",
          "inv", "isfinite", "isinf", "isnan", "log", "log1p", "neg", "relu", "relu6", "round", "sigmoid", "sin",
          "sinh", "softsign", "sqrt", "square", "tan", "tanh")
# The stored values of each example (in the domain of the op) and what the op prints of them.
_DEFAULT_VALUES = "[0.5, -0.25]"
_UNARY_EXAMPLES = {
    "abs": "[0.5  0.25]", "acos": "[1.0471976 1.8234767]", "acosh": ("[1.5, 2.]", "[0.9624236 1.316958 ]"),
    "asin": "[ 0.5235988  -0.25268024]", "asinh": "[ 0.48121184 -0.24746646]", "atan": "[ 0.4636476  -0.24497867]",
    "atanh": "[ 0.54930615 -0.25541282]", "ceil": "[ 1. -0.]", "cos": "[0.87758255 0.9689124 ]",
    "cosh": "[1.127626  1.0314131]", "exp": "[1.6487212 0.7788008]", "expm1": "[ 0.6487213  -0.22119921]",
    "floor": "[ 0. -1.]", "inv": "[ 2. -4.]", "isfinite": "[ True  True]", "isinf": "[False False]",
    "isnan": "[False False]", "log": ("[0.5, 0.25]", "[-0.6931472 -1.3862944]"), "log1p": "[ 0.4054651 -0.2876821]",
    "neg": "[-0.5   0.25]", "relu": "[0.5 0. ]", "relu6": "[0.5 0. ]", "round": "[ 0. -0.]",
    "sigmoid": "[0.62245935 0.4378235 ]", "sin": "[ 0.47942555 -0.24740396]", "sinh": "[ 0.5210953  -0.25261232]",
    "softsign": "[ 0.33333334 -0.2       ]", "sqrt": ("[0.5, 0.25]", "[0.70710677 0.5       ]"),
    "square": "[0.25   0.0625]", "tan": "[ 0.5463025  -0.25534192]", "tanh": "[ 0.46211714 -0.24491866]",
}
_MAKE = {"coo": "ms.COOTensor(ms.Tensor([[0, 1], [1, 0]], ms.int32), ms.Tensor({}), (2, 2))",
         "csr": "ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor({}), (2, 2))"}


def _unary(kind, op):
    cls = COOTensor if kind == "coo" else CSRTensor
    name = f"{kind}_{op}"

    def apply(x):
        if not isinstance(x, cls):
            raise DTypeError(f"Expects {cls.__name__} for {name}, but got {type(x).__name__}.")
        return x._with_values(getattr(_F(), op)(x.values))

    example = _UNARY_EXAMPLES[op]
    values, printed = example if isinstance(example, tuple) else (_DEFAULT_VALUES, example)
    apply.__name__ = apply.__qualname__ = name
    apply.__doc__ = (f"""``ops.{op}`` of the stored values of a {cls.__name__}, its structure unchanged.

    Args:
        x ({cls.__name__}): The input.

    Returns:
        {cls.__name__}, of the structure of `x` and the dtype ``ops.{op}`` gives.

    Raises:
        TypeError: If `x` is not a {cls.__name__} (or ``ops.{op}`` does not take its dtype).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = {_MAKE[kind].format(values)}
        >>> print(ops.{name}(x).values)
        {printed}
    """)
    return apply


for _kind in ("coo", "csr"):
    for _op in _UNARY:
        globals()[f"{_kind}_{_op}"] = _unary(_kind, _op)

__all__ = [g[0] for g in _GETTERS] + [f"{kind}_{op}" for kind in ("coo", "csr") for op in _UNARY]
