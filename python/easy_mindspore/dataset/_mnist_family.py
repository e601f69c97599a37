"""``KMnistDataset``, ``EMnistDataset`` and ``QMnistDataset``: the MNIST-format datasets beside
``MnistDataset`` (columns ``image`` UInt8 ``[28, 28, 1]`` and ``label`` UInt32), read whole into
memory by the Rust IDX reader, in MindSpore 2.10's order (checked against it on the same
files): usage ``'all'`` (the default for KMNIST and QMNIST) is the test rows then the training
rows for KMNIST and EMNIST, and training, test, then NIST rows for QMNIST."""
import os

from .. import _C
from .._errors import ComputeError, ShapeError
from ..common import dtype as mstype
from . import config


def _idx(op, folder, name):
    path = os.path.join(folder, name)
    for candidate in (path, path + ".gz"):
        if os.path.isfile(candidate):
            return _C.read_idx(candidate)
    raise ComputeError(f"For '{op}', the file {path} does not exist (MindSpore's file names: see "
                       f"the class's docs).")


def _usage(op, usage, allowed):
    if usage not in allowed:
        raise ShapeError(f"For '{op}', 'usage' must be one of {list(allowed)}, but got {usage!r}.")
    return usage


def _columns(op, parts):
    """The images ``[N, 28, 28, 1]`` UInt8 and labels UInt32 of the `(images, labels)` parts."""
    x = _C.concat([p[0] for p in parts], 0) if len(parts) > 1 else parts[0][0]
    y = _C.concat([p[1] for p in parts], 0) if len(parts) > 1 else parts[0][1]
    if x.ndim != 3 or y.shape[0] != x.shape[0]:
        raise ComputeError(f"For '{op}', the image and label files do not match: images "
                           f"{list(x.shape)}, labels {list(y.shape)}.")
    return x.reshape(x.shape + (1,)).astype(mstype.uint8), y.astype(mstype.uint32)


def _make(self, op, x, y, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id,
          seed):
    from . import _Dataset, _source
    seed = config._op_seed() if seed is None else int(seed)
    native = _source(op, [x, y], num_samples, shuffle, sampler, num_shards, shard_id, seed,
                     num_parallel_workers, labels=y)
    _Dataset.__init__(self, native, ["image", "label"], seed)


def _mnist_named(op, folder, usage):
    """MNIST's four file names (``train-*``, ``t10k-*``) for `usage`, test first for ``'all'``."""
    splits = {"train": ("train",), "test": ("t10k",), "all": ("t10k", "train")}[usage]
    return [(_idx(op, folder, f"{s}-images-idx3-ubyte"), _idx(op, folder, f"{s}-labels-idx1-ubyte"))
            for s in splits]


def _dataset_class(name, doc, init):
    from . import _Dataset
    return type(name, (_Dataset,), {"__init__": init, "__doc__": doc, "__module__": __name__})


def _kmnist_init(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
    op = "KMnistDataset"
    usage = _usage(op, "all" if usage is None else usage, ("train", "test", "all"))
    x, y = _columns(op, _mnist_named(op, dataset_dir, usage))
    _make(self, op, x, y, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, None)


def _emnist_init(self, dataset_dir, name, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
    op = "EMnistDataset"
    _usage(op, name, ("byclass", "bymerge", "balanced", "letters", "digits", "mnist"))
    usage = _usage(op, "all" if usage is None else usage, ("train", "test", "all"))
    splits = {"train": ("train",), "test": ("test",), "all": ("test", "train")}[usage]
    parts = [(_idx(op, dataset_dir, f"emnist-{name}-{s}-images-idx3-ubyte"),
              _idx(op, dataset_dir, f"emnist-{name}-{s}-labels-idx1-ubyte")) for s in splits]
    x, y = _columns(op, parts)
    _make(self, op, x, y, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, None)


def _qmnist_init(self, dataset_dir, usage=None, compat=True, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
    op = "QMnistDataset"
    usage = _usage(op, "all" if usage is None else usage,
                   ("train", "test", "test10k", "test50k", "nist", "all"))
    if not isinstance(compat, bool):
        from .._errors import DTypeError
        raise DTypeError(f"For '{op}', 'compat' must be a bool, but got {type(compat).__name__}.")
    stems = {"train": ["qmnist-train"], "test": ["qmnist-test"], "test10k": ["qmnist-test"],
             "test50k": ["qmnist-test"], "nist": ["xnist"],
             "all": ["qmnist-train", "qmnist-test", "xnist"]}[usage]
    parts = []
    for stem in stems:
        images = _idx(op, dataset_dir, f"{stem}-images-idx3-ubyte")
        labels = _idx(op, dataset_dir, f"{stem}-labels-idx2-int")
        if usage in ("test10k", "test50k"):
            lo, hi = (0, 10000) if usage == "test10k" else (10000, 60000)
            if images.shape[0] < hi:
                raise ComputeError(f"For '{op}', usage '{usage}' reads rows {lo} to {hi} of the test "
                                   f"set, but {stem}-images-idx3-ubyte holds {images.shape[0]}.")
            images, labels = images[lo:hi], labels[lo:hi]
        if labels.ndim != 2 or labels.shape[1] != 8:
            raise ComputeError(f"For '{op}', {stem}-labels-idx2-int must hold 8 numbers per image, but "
                               f"has shape {list(labels.shape)}.")
        parts.append((images, labels[:, 0] if compat else labels))
    x, y = _columns(op, parts)
    _make(self, op, x, y, num_samples, num_parallel_workers, shuffle, sampler, num_shards, shard_id, None)


_COMMON = """
    Args:
        dataset_dir (str): The folder of the files.{extra}
        num_samples (int, optional): Rows read. Default: ``None``, all.
        num_parallel_workers (int, optional): Accepted. Default: ``None``.
        shuffle (bool, optional): Whether rows are shuffled. Default: ``None``, shuffled.
        sampler (Sampler, optional): Which rows, in which order. Default: ``None``.
        num_shards (int, optional): Shards of the rows. Default: ``None``.
        shard_id (int, optional): This shard. Default: ``None``.
        cache (None): Unused. Default: ``None``.

    Outputs:
        The dataset: ``image`` UInt8 ``[28, 28, 1]``, ``label`` UInt32{label}.

    Raises:
        ValueError: an unknown usage (or name).
        RuntimeError: a missing or damaged file.

    Examples:
        >>> import mindspore.dataset as ds
        >>> cls = ds.{name}
        >>> print(cls.__name__)
        {name}
"""

KMnistDataset = _dataset_class(
    "KMnistDataset", "Kuzushiji-MNIST: ``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``, "
    "``t10k-*`` (MNIST's names).\n" + _COMMON.format(
        name="KMnistDataset", label="",
        extra="\n        usage (str, optional): ``'train'``, ``'test'`` or ``'all'``. Default: "
              "``None``, ``'all'``."), _kmnist_init)
EMnistDataset = _dataset_class(
    "EMnistDataset", "EMNIST: ``emnist-<name>-<train|test>-images-idx3-ubyte`` and "
    "``-labels-idx1-ubyte``.\n" + _COMMON.format(
        name="EMnistDataset", label="",
        extra="\n        name (str): ``'byclass'``, ``'bymerge'``, ``'balanced'``, ``'letters'``, "
              "``'digits'`` or ``'mnist'``.\n        usage (str, optional): ``'train'``, ``'test'`` or "
              "``'all'``. Default: ``None``, ``'all'``."), _emnist_init)
QMnistDataset = _dataset_class(
    "QMnistDataset", "QMNIST: ``qmnist-<train|test>-images-idx3-ubyte``, "
    "``qmnist-<train|test>-labels-idx2-int``, ``xnist-*`` (the NIST rows).\n" + _COMMON.format(
        name="QMnistDataset", label=" (``[8]`` with ``compat=False``: QMNIST's whole record)",
        extra="\n        usage (str, optional): ``'train'``, ``'test'``, ``'test10k'`` (its first 10,000 "
              "rows), ``'test50k'`` (the other 50,000), ``'nist'`` or ``'all'``. Default: ``None``, "
              "``'all'``.\n        compat (bool, optional): The label is the class (True) or the "
              "record. Default: ``True``."), _qmnist_init)
