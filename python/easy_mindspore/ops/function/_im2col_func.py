"""``mindspore.ops.unfold`` (im2col) and ``mindspore.ops.fold`` (col2im), MindSpore 2.10's
functional forms of ``Im2Col``/``Col2Im``: the computation is ``mint.nn.functional``'s
(``unfold``/``fold``, differentiable), with MindSpore's own argument rules here: integer inputs
keep their dtype (computed through Float64, exact to 2**53), the input of ``unfold`` must be 4-D,
and ``fold``'s ``output_size`` must be a Tensor (a tuple is a TypeError there too)."""
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["unfold", "fold"]


def _through_float(fn, x, *args):
    """``fn(x, *args)`` computed in a float dtype, given back in ``x``'s dtype."""
    work = x if x.dtype in mstype.float_type else x.astype(mstype.float64)
    out = fn(work, *args)
    return out if out.dtype == x.dtype else out.astype(x.dtype)


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002 - MindSpore's names
    """Extracts sliding blocks of an ``(N, C, H, W)`` tensor as columns (im2col).

    Args:
        input (Tensor): ``(N, C, H, W)``, a number dtype.
        kernel_size (Union[int, tuple[int], list[int]]): The block's ``(kh, kw)``.
        dilation (Union[int, tuple[int], list[int]], optional): The spacing of a block's
            elements. Default: ``1``.
        padding (Union[int, tuple[int], list[int]], optional): Zeros added on each side.
            Default: ``0``.
        stride (Union[int, tuple[int], list[int]], optional): The step between blocks.
            Default: ``1``.

    Returns:
        Tensor ``(N, C * kh * kw, L)`` of ``input``'s dtype, ``L`` the number of blocks; row
        ``c * kh * kw + i * kw + j`` holds element ``(i, j)`` of channel ``c``.

    Raises:
        TypeError: ``input`` is not a Tensor.
        ValueError: ``input`` is not 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(9, dtype=np.int32).reshape(1, 1, 3, 3))
        >>> print(ops.unfold(x, 2))
        [[[0 1 3 4]
          [1 2 4 5]
          [3 4 6 7]
          [4 5 7 8]]]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'unfold', the input must be a Tensor, but got {type(input).__name__}.")
    if input.ndim != 4:
        raise ShapeError(f"For primitive[Im2Col], the dimension of input x must be equal to 4, but got "
                         f"{input.ndim}.")
    from ...mint.nn import functional as F
    return _through_float(F.unfold, input, kernel_size, dilation, padding, stride)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002
    """Sums columns of blocks ``(N, C * kh * kw, L)`` back into an ``(N, C, H, W)`` image
    (col2im), the adjoint of :func:`unfold`.

    Args:
        input (Tensor): ``(N, C * kh * kw, L)``, a number dtype.
        output_size (Tensor): The image's ``(H, W)``, a 1-D integer Tensor of 2 elements.
        kernel_size (Union[int, tuple[int], list[int]]): The block's ``(kh, kw)``.
        dilation (Union[int, tuple[int], list[int]], optional): The spacing of a block's
            elements. Default: ``1``.
        padding (Union[int, tuple[int], list[int]], optional): Zeros on each side. Default: ``0``.
        stride (Union[int, tuple[int], list[int]], optional): The step between blocks.
            Default: ``1``.

    Returns:
        Tensor ``(N, C, H, W)`` of ``input``'s dtype.

    Raises:
        TypeError: ``input`` or ``output_size`` is not a Tensor.
        ValueError: the shapes do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fold(ops.ones((1, 4, 4), ms.float32), ms.Tensor([3, 3], ms.int32), 2))
        [[[[1. 2. 1.]
           [2. 4. 2.]
           [1. 2. 1.]]]]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'fold', the input must be a Tensor, but got {type(input).__name__}.")
    if not isinstance(output_size, Tensor):
        raise DTypeError(f"For Primitive[Col2Im], the type of input argument[output_size] must be Tensor "
                         f"but got {type(output_size).__name__}.")
    if output_size.dtype not in mstype.int_type or output_size.shape != (2,):
        raise ShapeError(f"For 'fold', output_size must be a 1-D integer Tensor of 2 elements, but got "
                         f"shape {tuple(output_size.shape)} and dtype {output_size.dtype}.")
    size = tuple(int(v) for v in output_size.asnumpy())
    from ...mint.nn import functional as F
    return _through_float(F.fold, input, size, kernel_size, dilation, padding, stride)
