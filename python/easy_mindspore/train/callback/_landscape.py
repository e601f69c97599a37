"""``SummaryLandscape``: loss landscapes for MindInsight, from the checkpoints ``SummaryCollector``
saved with ``collect_landscape`` (``<summary_dir>/ckpt_dir/*.ckpt`` and ``train_metadata.json``).

Each landscape is the loss (the first metric of the ``callback_fn``'s model) over a
``landscape_size`` x ``landscape_size`` grid of a plane through a checkpoint, on the first
``num_samples`` samples of its dataset, written as a ``LossLandscape`` value (plugin
``'landscape'``) in its own event of step 0, in a new summary file of `output`:

- ``'train'`` (tag ``landscape_[<first>, <last>]``, one per interval): the plane of the training
  path through the interval's last checkpoint, spanned by the first two principal directions
  (PCA, by NumPy's SVD of the centred differences to that checkpoint; each direction's largest
  entry positive) of the interval's checkpoints; the grid covers the path's projections with a
  fifth of their extent added on each side; the path's points are the projections (their loss
  taken on the plane), the convergence point the last checkpoint.
- ``'result'`` (tag ``landscape_[<last>]``): the plane through the last checkpoint spanned by two
  random directions (NumPy's ``RandomState(0)``), normalised filter by filter to the norms of the
  weights' filters (one-dimensional parameters, biases and normalisation scales, are not moved),
  over ``[-1, 1]`` x ``[-1, 1]``.

The layout of the messages (tags, shapes, data types, metadata) is MindSpore 2.10's; its
directions are its own, so the values are not MindSpore's. The points are computed in this
process, one after the other (MindSpore spreads them over processes on its devices:
`device_ids` is checked and used for nothing else)."""
import copy
import json
import os
import shutil

import numpy as np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ..summary import _proto
from ..summary.summary_record import SummaryRecord, check_value_type

__all__ = ["SummaryLandscape"]

_DEFAULT_LANDSCAPE = {"landscape_size": 40, "unit": "step", "num_samples": 2048,
                      "create_landscape": {"train": True, "result": True},
                      "intervals": [list(range(1, 10)), list(range(10, 20))]}
_KEYS = ["landscape_size", "unit", "num_samples", "create_landscape", "intervals"]
_MARGIN = 0.2  # the grid of a path extends a fifth of its extent on each side
_SEED = 0


def _check_size(owner, size, where):
    if not 3 <= size <= 256:
        if owner == "SummaryCollector":
            raise ShapeError(f'For "SummaryCollector", the "landscape_size" in collect_specified_data should be '
                             f'less than 256 and more than 3, but got the: {size}')
        raise ShapeError(f'For "SummaryLandscape", "landscape_size" in {where} should be between 3 and 256, '
                         f'but got the: {size}')


def _check_intervals(owner, intervals):
    check_value_type("intervals", intervals, list)
    for interval in intervals:
        check_value_type("each interval inintervals", interval, list)
        if len(interval) < 3:
            raise ShapeError(f'For "{owner}", the length of each list in "intervals" should not be less than '
                             f'three, but got the: {interval}')
        for n in interval:
            if not isinstance(n, int):
                raise DTypeError(f'For "{owner}", the value of each list in "intervals" should be int, but got '
                                 f'the: {type(n)}')


def _check_create(owner, create):
    check_value_type("create_landscape", create, dict)
    for key, value in create.items():
        if key not in ("train", "result"):
            raise ShapeError(f'For "{owner}", the key to create landscape should be in ["train", "result"], '
                             f'but got the: {key}.')
        check_value_type(key, value, bool)


def _check_unit(owner, unit):
    check_value_type("unit", unit, str)
    if unit not in ("step", "epoch"):
        raise ShapeError(f'For "{owner}", unit in collect_specified_data should be step or epoch, but got the: '
                         f'{unit}.')


def _check_collect_landscape_data(data, owner):
    """MindSpore's checks of a ``collect_landscape`` dict: ``SummaryCollector`` checks every
    value (``intervals`` is required); ``SummaryLandscape`` the types of the keys given (their
    values are checked with the metadata's, by :func:`_check_values`)."""
    unknown = [k for k in data if k not in _KEYS]
    if unknown and owner == "SummaryCollector":
        raise ShapeError(f'For "SummaryCollector", the keys {set(unknown)} of `collect_landscape` are '
                         f'unsupported, expect the follow keys: {_KEYS}')
    if unknown:
        raise ShapeError(f'For "SummaryLandscape", the key of collect landscape should be landscape_size, unit, '
                         f'num_samples create_landscape or intervals, but got the: {unknown[0]}. ')
    full = owner == "SummaryCollector"
    if "landscape_size" in data:
        check_value_type("landscape_size", data["landscape_size"], int)
        if full:
            _check_size(owner, data["landscape_size"], "collect_specified_data")
    if "unit" in data:
        if full:
            _check_unit(owner, data["unit"])
        else:
            check_value_type("unit", data["unit"], str)
    if "num_samples" in data:
        check_value_type("num_samples", data["num_samples"], int)
    if "create_landscape" in data:
        if full:
            _check_create(owner, data["create_landscape"])
        else:
            check_value_type("create_landscape", data["create_landscape"], dict)
    if full:
        _check_intervals(owner, data.get("intervals"))
    elif "intervals" in data:
        check_value_type("intervals", data["intervals"], list)


def _check_values(data):
    """The checks of the metadata (with `collect_landscape`'s values) SummaryLandscape uses."""
    _check_size("SummaryLandscape", data["landscape_size"], "train_metadata.json")
    _check_unit("SummaryLandscape", data["unit"])
    check_value_type("num_samples", data["num_samples"], int)
    if data["num_samples"] <= 0:
        raise ShapeError(f'For "SummaryLandscape", "num_samples" should be greater than 0, but got the: '
                         f'{data["num_samples"]}')
    _check_create("SummaryLandscape", data["create_landscape"])
    _check_intervals("SummaryLandscape", data["intervals"])


def _check_device_ids(device_ids):
    op = "SummaryLandscape.gen_landscapes_with_multi_process"
    if not isinstance(device_ids, (list, tuple)):
        raise DTypeError(f'For "{op}", the parameter "device_ids" type should be list, but got the: '
                         f'{type(device_ids)}.')
    for i in device_ids:
        if isinstance(i, bool) or not isinstance(i, int):
            raise DTypeError(f'For "{op}", the parameter "device_ids" type should be int, but got the: {type(i)}.')
        if not 0 <= i <= 7:
            raise ShapeError(f'For "{op}", the parameter "device_ids" should be between 0 and 7, but got {i}.')


class SummaryLandscape:
    """Computes the loss landscapes of a training run recorded by ``SummaryCollector`` with
    ``collect_landscape`` and writes them for MindInsight (see ``mindspore.train.callback``'s
    ``_landscape`` note for the landscapes, how they are computed, and how far they are
    MindSpore's).

    Args:
        summary_dir (str): The directory the collector wrote (its ``ckpt_dir`` holds the
            checkpoints and ``train_metadata.json``).

    Outputs:
        The object; :meth:`gen_landscapes_with_multi_process` writes the landscapes,
        :meth:`clean_ckpt` removes the checkpoints.

    Raises:
        TypeError: `summary_dir` not a str.

    Examples:
        >>> import tempfile
        >>> import mindspore as ms
        >>> landscape = ms.SummaryLandscape(tempfile.mkdtemp())
        >>> try:
        ...     landscape.gen_landscapes_with_multi_process(lambda: None, device_ids=[0])
        ... except FileNotFoundError as err:
        ...     print(str(err)[:63])
        For "SummaryLandscape", train_metadata.json file does not exist
    """

    def __init__(self, summary_dir):
        if not isinstance(summary_dir, str):
            raise DTypeError(f"For 'SummaryLandscape', 'summary_dir' must be a str, but got "
                             f"{type(summary_dir).__name__}.")
        self._summary_dir = os.path.realpath(summary_dir)
        self._ckpt_dir = os.path.join(self._summary_dir, "ckpt_dir")
        os.makedirs(self._ckpt_dir, exist_ok=True)
        self._model_params_file_map = {}
        self._epoch_group = {}

    __init__._names_errors = True  # MindSpore's own messages: not prefixed by ``train._name_errors``

    def clean_ckpt(self):
        """Removes the checkpoints the collector saved (``<summary_dir>/ckpt_dir``)."""
        if os.path.exists(self._ckpt_dir):
            shutil.rmtree(self._ckpt_dir)

    def gen_landscapes_with_multi_process(self, callback_fn, collect_landscape=None, device_ids=None,
                                          output=None):
        """Computes the landscapes and writes them to a new summary file.

        Args:
            callback_fn (Callable): Returns ``(model, network, dataset, metrics)``: the
                ``Model`` evaluated, its network (whose parameters are moved), the dataset and
                the metrics dict (the first one is the loss drawn).
            collect_landscape (dict, optional): Replaces values of the collector's
                ``collect_landscape`` (``landscape_size``, ``unit``, ``num_samples``,
                ``create_landscape``, ``intervals``). Default: ``None``.
            device_ids (list[int], optional): Devices 0 to 7 (checked). Default: ``None``.
            output (str, optional): The directory of the summary file; None is `summary_dir`.
                Default: ``None``.

        Raises:
            TypeError: a value of the wrong type.
            ValueError: a value out of range, an unknown key.
            FileNotFoundError: no ``train_metadata.json`` (the collector wrote none).
        """
        if collect_landscape is not None:
            check_value_type("collect_landscape", collect_landscape, dict)
            _check_collect_landscape_data(collect_landscape, "SummaryLandscape")
        _check_device_ids([0] if device_ids is None else device_ids)
        data = self._metadata(collect_landscape)
        _check_values(data)
        model, network, dataset, metrics = callback_fn()
        loss = _LossOnPlane(model, network, dataset, metrics, data["num_samples"])
        out_dir = self._summary_dir if output is None else output
        try:
            with SummaryRecord(out_dir) as record:
                if data["create_landscape"].get("train", False):
                    for interval in data["intervals"]:
                        message = self._train_landscape(loss, interval, data)
                        if message is not None:
                            record.add_value("landscape", f"landscape_{[interval[0], interval[-1]]}", message)
                            record.record(0)
                if data["create_landscape"].get("result", False) and self._model_params_file_map:
                    last = max(self._model_params_file_map, key=int)
                    record.add_value("landscape", f"landscape_[{last}]", self._result_landscape(loss, last, data))
                    record.record(0)
        finally:
            loss.restore()

    def _metadata(self, collect_landscape):
        path = os.path.join(self._ckpt_dir, "train_metadata.json")
        data = copy.deepcopy(_DEFAULT_LANDSCAPE)
        if collect_landscape is not None:
            data.update(copy.deepcopy(collect_landscape))
            if "landscape_size" in collect_landscape:
                _check_size("SummaryLandscape", collect_landscape["landscape_size"], "train_metadata.json")
            if not os.path.exists(path):
                raise FileNotFoundError(f'For "SummaryLandscape", train_metadata.json file path of {path} not exists.')
        elif not os.path.exists(path):
            raise FileNotFoundError('For "SummaryLandscape", train_metadata.json file does not exist under the path, '
                                    'please use summary_collector to collect information to create the json file')
        with open(path) as f:
            saved = json.load(f)
        self._model_params_file_map = saved["model_params_file_map"]
        saved_intervals = [saved["epoch_group"][k] for k in sorted(saved["epoch_group"], key=int)]
        merged = {k: saved.get(k) for k in ("landscape_size", "unit", "num_samples", "create_landscape")}
        merged.update({"intervals": saved_intervals, "step_per_epoch": saved.get("step_per_epoch")})
        merged.update(copy.deepcopy(collect_landscape or {}))
        return merged

    def _params_of(self, n):
        from ..._checkpoint import load_checkpoint
        return load_checkpoint(self._model_params_file_map[str(n)])

    def _train_landscape(self, loss, interval, data):
        """The PCA landscape of an interval (None when fewer than three of its checkpoints
        exist)."""
        present = [n for n in interval if str(n) in self._model_params_file_map]
        if len(present) < 3:
            from ... import log as logger
            logger.warning(f"For 'SummaryLandscape', the interval {interval} has {len(present)} checkpoints, "
                           "fewer than three: its landscape is skipped.")
            return None
        points = np.stack([loss.vector(self._params_of(n)) for n in present])
        center = points[-1]
        deltas = points - center
        _, _, vt = np.linalg.svd(deltas - deltas.mean(axis=0), full_matrices=False)
        dirs = np.zeros((2, center.size))
        dirs[:min(2, len(vt))] = vt[:2]
        for d in dirs:
            if d.any() and d[np.argmax(np.abs(d))] < 0:
                d *= -1
        coords = deltas @ dirs.T
        path_z = []
        for k, (x, y) in enumerate(coords):
            path_z.append(loss(center + x * dirs[0] + y * dirs[1]))
            print(f"Drawing landscape path total progress is {k + 1}/{len(coords)}, landscape path loss is "
                  f"{path_z[-1]}.")
        axes = []
        for c in coords.T:
            span = float(c.max() - c.min()) or 1.0
            axes.append(np.linspace(c.min() - _MARGIN * span, c.max() + _MARGIN * span, data["landscape_size"]))
        z = _grid(loss, center, dirs, axes[0], axes[1])
        path = (b"".join(_proto.varint_field(1, n) for n in interval)
                + _proto.bytes_field(2, _point(coords[:, 0], coords[:, 1], path_z, _proto.DT_FLOAT32)))
        return (_proto.bytes_field(1, _point(axes[0], axes[1], z, _proto.DT_FLOAT64))
                + _proto.bytes_field(2, path)
                + _proto.bytes_field(3, _metadata_message("PCA", data))
                + _proto.bytes_field(4, _point([0.0], [0.0], [path_z[-1]], _proto.DT_INT64)))

    def _result_landscape(self, loss, last, data):
        """The random-direction landscape around the last checkpoint."""
        center = loss.vector(self._params_of(last))
        rng = np.random.RandomState(_SEED)
        dirs = np.stack([loss.filter_normalized(rng.standard_normal(center.size), center) for _ in range(2)])
        axis = np.linspace(-1.0, 1.0, data["landscape_size"])
        z = _grid(loss, center, dirs, axis, axis)
        center_loss = loss(center)
        return (_proto.bytes_field(1, _point(axis, axis, z, _proto.DT_FLOAT64))
                + _proto.bytes_field(3, _metadata_message("Random", data))
                + _proto.bytes_field(4, _point([0.0], [0.0], [center_loss], _proto.DT_FLOAT64)))


def _point(x, y, z, xy_type):
    """A ``LossLandscape.Point`` (z of float64, as MindSpore writes it)."""
    return (_proto.bytes_field(1, _proto.tensor_proto(x, xy_type))
            + _proto.bytes_field(2, _proto.tensor_proto(y, xy_type))
            + _proto.bytes_field(3, _proto.tensor_proto(z, _proto.DT_FLOAT64)))


def _metadata_message(decomposition, data):
    return (_proto.bytes_field(1, decomposition) + _proto.bytes_field(2, data["unit"])
            + _proto.varint_field(3, data.get("step_per_epoch") or 0))


def _grid(loss, center, dirs, xs, ys):
    """The losses at ``center + x * dirs[0] + y * dirs[1]``: row i is ``ys[i]``, column j ``xs[j]``."""
    z = np.zeros((len(ys), len(xs)))
    for i, y in enumerate(ys):
        print(f"Drawing landscape total progress: {i + 1}/{len(ys)}.")
        for j, x in enumerate(xs):
            z[i, j] = loss(center + x * dirs[0] + y * dirs[1])
            print(f"Current local landscape progress is {j + 1}/{len(xs)}, landscape loss is {z[i, j]}.")
    return z


class _LossOnPlane:
    """The loss of the network with its trainable float parameters set from one flat vector
    (``vector`` flattens a checkpoint's values of them, in the network's order)."""

    def __init__(self, model, network, dataset, metrics, num_samples):
        self._model, self._metric = model, next(iter(metrics)) if metrics else None
        params = [p for p in network.trainable_params() if np.issubdtype(p.asnumpy().dtype, np.floating)]
        self._params = params
        self._saved = [p.asnumpy().copy() for p in params]
        batch = dataset.get_batch_size() if hasattr(dataset, "get_batch_size") else 1
        self._dataset = dataset.take(max(1, -(-num_samples // max(1, batch))))

    def vector(self, values):
        """The flat vector of the checkpoint values `values` (name -> Parameter)."""
        out = []
        for p in self._params:
            if p.name not in values:
                raise ShapeError(f"For 'SummaryLandscape', the checkpoint has no parameter '{p.name}' of the "
                                 "network callback_fn returned.")
            out.append(values[p.name].asnumpy().astype(np.float64).reshape(-1))
        return np.concatenate(out)

    def filter_normalized(self, direction, center):
        """`direction` scaled filter by filter (the first axis of each weight) to the norms of
        `center`'s filters; zero over one-dimensional parameters."""
        out, start = np.zeros_like(direction), 0
        for p in self._params:
            size = int(np.prod(p.shape)) if p.shape else 1
            if len(p.shape) > 1:
                d = direction[start:start + size].reshape(p.shape[0], -1)
                w = center[start:start + size].reshape(p.shape[0], -1)
                scale = np.linalg.norm(w, axis=1, keepdims=True) / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-10)
                out[start:start + size] = (d * scale).reshape(-1)
            start += size
        return out

    def __call__(self, vector):
        start = 0
        for p in self._params:
            size = int(np.prod(p.shape)) if p.shape else 1
            p.set_data(Tensor(vector[start:start + size].reshape(p.shape).astype(p.asnumpy().dtype)))
            start += size
        result = self._model.eval(self._dataset, dataset_sink_mode=False)
        return float(result[self._metric] if self._metric in result else next(iter(result.values())))

    def restore(self):
        """Puts the network's parameters back."""
        for p, v in zip(self._params, self._saved):
            p.set_data(Tensor(v))
