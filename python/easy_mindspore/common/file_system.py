"""``mindspore.common.file_system``: the file operations checkpoints are written and read with.

A :class:`FileSystem` names the function that creates a checkpoint file and the one that opens
it, with their extra arguments. The basic file system is Python's ``open`` (``'ab'`` to create,
``'rb'`` to open). MindSpore can also register MindIO, a memory file system of Ascend clusters;
it is not part of this engine, so registering it fails (``False``) as it does wherever MindIO is
not installed, and ``mindio_preload`` preloads nothing."""
from .._checkparam import check_positive_int, check_value_type

__all__ = ["FileSystem", "set_mindio_server_info", "mindio_preload"]

# The settings MindSpore would hand to a MindIO server (its key and default).
mindio_server_info = {"memfs.data_block_pool_capacity_in_gb": "100"}


class FileSystem:
    """The functions that create and open checkpoint files, with their extra arguments; the
    basic file system (Python's ``open``) until another one is registered.

    Examples:
        >>> from mindspore.common.file_system import FileSystem
        >>> fs = FileSystem()
        >>> fs.backend, fs.create_args, fs.open_args
        ('basic', ('ab',), ('rb',))
    """

    def __init__(self):
        self.create = open
        self.create_args = ("ab",)
        self.open = open
        self.open_args = ("rb",)
        self.backend = "basic"


def _register_basic_file_system(fs: FileSystem):
    """Makes `fs` the basic file system: Python's ``open`` with ``'ab'`` to create a file and
    ``'rb'`` to open one.

    Args:
        fs (FileSystem): The file system to set.

    Returns:
        bool, True.
    """
    fs.create, fs.create_args = open, ("ab",)
    fs.open, fs.open_args = open, ("rb",)
    fs.backend = "basic"
    return True


def _register_mindio_file_system(fs: FileSystem):
    """Would make `fs` the MindIO file system; MindIO (an Ascend cluster's memory file system) is
    not part of this engine, so `fs` is left as it is.

    Args:
        fs (FileSystem): The file system to set.

    Returns:
        bool, False: MindIO is not available.
    """
    return False


def set_mindio_server_info(data_block_pool_capacity_in_gb=100):
    """Sets the memory pool capacity a MindIO server would get (kept in ``mindio_server_info``).

    Args:
        data_block_pool_capacity_in_gb (int): Capacity of the data block pool in GB, > 0.
            Default: ``100``.

    Raises:
        TypeError: Not an int.
        ValueError: Not positive.

    Examples:
        >>> from mindspore.common import file_system
        >>> file_system.set_mindio_server_info(64)
        >>> file_system.mindio_server_info
        {'memfs.data_block_pool_capacity_in_gb': '64'}
        >>> file_system.set_mindio_server_info()
    """
    check_positive_int(data_block_pool_capacity_in_gb, "data_block_pool_capacity_in_gb")
    mindio_server_info["memfs.data_block_pool_capacity_in_gb"] = str(data_block_pool_capacity_in_gb)


def mindio_preload(ckpt_file_name):
    """Would preload a checkpoint into MindIO's memory; without MindIO nothing is preloaded.

    Args:
        ckpt_file_name (str): The checkpoint file.

    Returns:
        bool, False: MindIO is not available.

    Raises:
        TypeError: `ckpt_file_name` is not a str.

    Examples:
        >>> from mindspore.common.file_system import mindio_preload
        >>> mindio_preload("model.ckpt")
        False
    """
    check_value_type("ckpt_file_name", ckpt_file_name, str, "mindio_preload")
    return False
