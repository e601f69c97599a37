"""``mindspore.train.dataset_helper``: ``DatasetHelper``, which iterates a dataset's batches for a
custom training loop, and ``connect_network_with_dataset``.

Without data sinking (``dataset_sink_mode=False``), as MindSpore: the helper makes one iterator
of `epoch_num` epochs (``dataset.create_tuple_iterator(num_epochs=epoch_num, do_copy=True)``) and
each pass over the helper reads one epoch of it, until the iterator ends the epoch (a pass after
the last epoch is the dataset iterator's RuntimeError). With sinking, the batches are fed from the
host too (this engine has no device queue): each pass reads `sink_size` batches (the whole
dataset with -1) of each of the `epoch_num` epochs."""
from .._errors import DTypeError, ShapeError

__all__ = ["DatasetHelper", "connect_network_with_dataset"]


class DatasetHelper:
    """Iterates `dataset`'s batches as tuples of Tensors for a training loop
    (``for inputs in helper: net(*inputs)``); see the module note for what a pass reads.

    Args:
        dataset (Dataset): The batches.
        dataset_sink_mode (bool, optional): Whether to sink the data (the batches are fed from
            the host either way). Default: ``True``.
        sink_size (int, optional): Batches per sink (-1: the whole dataset). Default: ``-1``.
        epoch_num (int, optional): Epochs iterated. Default: ``1``.

    Outputs:
        An iterable of batches.

    Raises:
        TypeError: `dataset_sink_mode` not a bool, `sink_size` or `epoch_num` not an int.
        ValueError: `sink_size` neither -1 nor positive, `epoch_num` below 1.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> data = ds.NumpySlicesDataset({"x": np.arange(4, dtype=np.float32)}, shuffle=False).batch(2)
        >>> helper = ms.train.DatasetHelper(data, dataset_sink_mode=False, epoch_num=2)
        >>> for epoch in range(2):
        ...     print([x.asnumpy().tolist() for (x,) in helper])
        [[0.0, 1.0], [2.0, 3.0]]
        [[0.0, 1.0], [2.0, 3.0]]
    """

    def __init__(self, dataset, dataset_sink_mode=True, sink_size=-1, epoch_num=1):
        if not isinstance(dataset_sink_mode, bool):
            raise DTypeError(f"The input value must be a bool, but got {type(dataset_sink_mode).__name__}.")
        if isinstance(sink_size, bool) or not isinstance(sink_size, int):
            raise DTypeError(f"The type of input value must be 'int', but got '{type(sink_size).__name__}'.")
        if sink_size < -1 or sink_size == 0:
            raise ShapeError(f"The 'sink_size' must be -1 or positive, but got sink_size {sink_size}.")
        if isinstance(epoch_num, bool) or not isinstance(epoch_num, int):
            raise DTypeError(f"For 'DatasetHelper', 'epoch_num' must be an int, but got {type(epoch_num).__name__}.")
        if epoch_num < 1:
            raise ShapeError(f"For 'DatasetHelper', 'epoch_num' must be positive, but got {epoch_num}.")
        self.dataset, self.dataset_sink_mode = dataset, dataset_sink_mode
        self._sink_size, self.epoch_num = sink_size, epoch_num
        self.iter = None if dataset_sink_mode else dataset.create_tuple_iterator(num_epochs=epoch_num,
                                                                                do_copy=True)

    def sink_size(self):
        """Batches per sink (the dataset's size for -1)."""
        return self.dataset.get_dataset_size() if self._sink_size == -1 else self._sink_size

    def __len__(self):
        return self.sink_size() * self.epoch_num

    def __iter__(self):
        if not self.dataset_sink_mode:
            for batch in self.iter:
                yield tuple(batch)
            return
        per_epoch = self.sink_size()
        for _ in range(self.epoch_num):
            for i, batch in enumerate(self.dataset.create_tuple_iterator()):
                if i >= per_epoch:
                    break
                yield tuple(batch)

    def types_shapes(self):
        """The columns' dtypes and shapes: ``(dtypes, shapes)``."""
        return self.dataset.output_types(), self.dataset.output_shapes()

    def get_data_info(self):
        """The next batch's columns' dtypes and shapes: ``(dtypes, shapes)``."""
        return self.types_shapes()

    def continue_send(self):
        """Resumes the device queue: there is none (the host feeds the batches)."""

    def stop_send(self):
        """Pauses the device queue: there is none."""

    def release(self):
        """Frees the device queue: there is none."""


def connect_network_with_dataset(network, dataset_helper):
    """The network a data-sinking loop calls with no arguments on device; the batches are fed from
    the host here, so it is `network` itself (MindSpore's result without sinking).

    Args:
        network (Cell): The training network.
        dataset_helper (DatasetHelper): Its batches.

    Returns:
        Cell, `network`.

    Raises:
        TypeError: `dataset_helper` not a DatasetHelper.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> net = ms.nn.Dense(2, 1)
        >>> data = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32)}).batch(2)
        >>> helper = ms.train.DatasetHelper(data, dataset_sink_mode=False)
        >>> print(ms.connect_network_with_dataset(net, helper) is net)
        True
    """
    if not isinstance(dataset_helper, DatasetHelper):
        raise DTypeError(f"For 'connect_network_with_dataset', 'dataset_helper' must be a DatasetHelper, "
                         f"but got {type(dataset_helper).__name__}.")
    return network
