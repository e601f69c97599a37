"""``mindspore.mint.special``: ``erfc``, ``expm1``, ``exp2``, ``log1p``, ``sinc``, ``round`` and
``log_softmax`` under their SciPy/PyTorch names."""
from . import _pointwise
from ._wrap import check_tensor, name_errors
from .nn import _f_activation


def _same(name):
    fn = getattr(_pointwise, name)

    def special(input):  # noqa: A002
        return fn(input)
    special.__name__ = special.__qualname__ = name
    special.__doc__ = fn.__doc__.replace(f"mindspore.mint.{name}", f"mindspore.mint.special.{name}", 1)
    return special


erfc = _same("erfc")
expm1 = _same("expm1")
exp2 = _same("exp2")
log1p = _same("log1p")
sinc = _same("sinc")


def round(input):  # noqa: A001,A002
    """Rounds half to even (:func:`mindspore.mint.round` with ``decimals=0``).

    Args:
        input (Tensor): The input.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.special.round(ms.Tensor([0.5, 1.5, -2.7])))
        [ 0.  2. -3.]
    """
    check_tensor("round", "input", input)
    return _pointwise.round(input)


def log_softmax(input, dim=None, *, dtype=None):  # noqa: A002
    """:func:`mindspore.mint.nn.functional.log_softmax`.

    Args:
        input (Tensor): A float tensor.
        dim (int, optional): The dim. Default: ``None``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.special.log_softmax(ms.Tensor([0.0, 0.0]), 0))
        [-0.6931472 -0.6931472]
    """
    return _f_activation.log_softmax(input, dim, dtype=dtype)


__all__ = ["erfc", "expm1", "exp2", "log1p", "sinc", "round", "log_softmax"]
name_errors(globals(), __all__)
