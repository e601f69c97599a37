"""``mindspore.ops._utils``: helpers of MindSpore's primitive definitions that user-defined
primitives call in their ``infer_shape``: :func:`get_broadcast_shape`."""
from .._errors import ShapeError

__all__ = ["get_broadcast_shape"]


def get_broadcast_shape(x_shape, y_shape, prim_name, arg_name1="x", arg_name2="y"):
    """The shape two shapes broadcast to (NumPy's rules; ``-1``, a dynamic size, matches any
    size and ``[-2]``, a dynamic rank, stays dynamic), as the ``infer_shape`` of a broadcasting
    primitive computes it.

    Args:
        x_shape (Union[tuple, list]): The first shape.
        y_shape (Union[tuple, list]): The second shape.
        prim_name (str): The primitive's name, for the error message.
        arg_name1 (str, optional): The first argument's name. Default: ``'x'``.
        arg_name2 (str, optional): The second argument's name. Default: ``'y'``.

    Returns:
        list[int], the broadcast shape.

    Raises:
        ValueError: If the shapes do not broadcast.

    Examples:
        >>> from mindspore.ops._utils import get_broadcast_shape
        >>> get_broadcast_shape((2, 1, 3), (4, 1), 'Add')
        [2, 4, 3]
    """
    x_shape, y_shape = list(x_shape), list(y_shape)
    if x_shape == [-2] or y_shape == [-2]:
        return [-2]
    n = max(len(x_shape), len(y_shape))
    x_pad = [1] * (n - len(x_shape)) + x_shape
    y_pad = [1] * (n - len(y_shape)) + y_shape
    out = []
    for i, (a, b) in enumerate(zip(x_pad, y_pad)):
        if a == b or b == 1:
            out.append(a)
        elif a == 1:
            out.append(b)
        elif a == -1 or b == -1:
            out.append(b if a == -1 else a)
        else:
            k = i - n
            raise ShapeError(f"For '{prim_name}', {arg_name1}.shape and {arg_name2}.shape need to "
                             f"broadcast. The value of {arg_name1}.shape[{k}] or {arg_name2}."
                             f"shape[{k}] must be 1 or -1 when they are not the same, but got "
                             f"{arg_name1}.shape = {tuple(x_shape)} and {arg_name2}.shape = "
                             f"{tuple(y_shape)}.")
    return out
