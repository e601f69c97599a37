"""``mindspore._extends.parse.standard_method``: the functions MindSpore's graph compiler runs for
Python's built-ins on its values; user code imports them to call directly. Here: ``ms_len``, the
``len`` of a sequence, a dict, a str or a Tensor (the size of its first axis)."""
from ..._C import Tensor
from ..._errors import CellAttributeError, DTypeError

__all__ = ["ms_len"]


def ms_len(data):
    """``len(data)`` as MindSpore's graph computes it: the length of a tuple, list, dict or str,
    or the size of a Tensor's first axis.

    Args:
        data (Union[tuple, list, dict, str, Tensor]): The value.

    Returns:
        int, the length.

    Raises:
        TypeError: If `data` is a 0-D Tensor.
        AttributeError: If `data` has no length (MindSpore's class: it looks for ``__len__``).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore._extends.parse.standard_method import ms_len
        >>> ms_len((1, 2, 3)), ms_len(ms.Tensor([[1, 2], [3, 4], [5, 6]]))
        (3, 3)
    """
    if isinstance(data, Tensor):
        if not data.shape:
            raise DTypeError("Not support len of a 0-D tensor")
        return data.shape[0]
    if not hasattr(data, "__len__"):
        raise CellAttributeError(f"'{type(data).__name__}' object has no attribute '__len__'")
    return len(data)
