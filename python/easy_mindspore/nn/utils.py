"""``mindspore.nn.utils``: ``no_init_parameters``. MindSpore skips the initialisation of the
Parameters built under it (a checkpoint loaded later fills them, saving memory); here a Parameter
holds its initial value from construction, so the context changes nothing but is accepted as code
written for MindSpore uses it (the loaded checkpoint replaces the values either way)."""
import contextlib

__all__ = ["no_init_parameters"]


@contextlib.contextmanager
def no_init_parameters():
    """A context (or decorator) under which MindSpore defers Parameter initialisation; here the
    Parameters are initialised as usual.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.nn.utils import no_init_parameters
        >>> with no_init_parameters():
        ...     net = nn.Dense(2, 3)
        >>> net.weight.shape
        (3, 2)
    """
    yield
