"""``SummaryCollector``: the callback recording a training run for MindInsight through a
``SummaryRecord``, as MindSpore's collector records it (checked against MindSpore 2.10's files):

- at the first step, every `collect_freq` steps and at the end of each epoch, one event with the
  training input (``'input_data/auto'``, an image, when the first input is an NCHW batch), the
  loss (``'loss/auto'``: the mean of the network's first output) and histograms of the
  optimizer's parameters (``'<name>/auto'``: those ``histogram_regular`` matches, else the first
  five), and the values of the summary primitives;
- with ``collect_landscape``, the network's checkpoints at the steps (or epochs) of its
  ``intervals``, as ``<summary_dir>/ckpt_dir/<Network>_<n>_<unit>.ckpt``, and at the end of
  training ``ckpt_dir/train_metadata.json``, which ``SummaryLandscape`` reads.

With ``collect_graph``, a run compiled in GRAPH_MODE also writes the training network's graph
(an event of step 0 before the first values; ``mindspore.train.summary._graph``: the engine's
graph). MindSpore's lineage
file (``collect_train_lineage``, ``collect_eval_lineage``, ``custom_lineage_data``,
``collect_dataset_graph``) is not written here; those options are checked and accepted."""
import copy
import json
import os
import re

import numpy as np

from ... import log as logger
from ..._C import Tensor
from ..._errors import ShapeError
from ..summary.summary_record import (SummaryRecord, _check_log_dir, check_value_type,
                                      process_export_options)
from ._callback import Callback
from ._landscape import _DEFAULT_LANDSCAPE, _check_collect_landscape_data

__all__ = ["SummaryCollector"]

_HISTOGRAM_DEFAULT_COUNT = 5  # parameters shown when no histogram_regular is given


def _check_positive(name, value, allow_none=False):
    if allow_none and value is None:
        return
    check_value_type(name, value, int)
    if value <= 0:
        raise ShapeError(f'For "SummaryCollector", the value of `{name}` should be greater than 0, but got '
                         f'`{value}`.')


class SummaryCollector(Callback):
    """Records a training run for MindInsight (see ``mindspore.train.callback``'s
    ``_summary_collector`` note for what is written when).

    Args:
        summary_dir (str): The directory of the summary file (made if missing).
        collect_freq (int, optional): Every how many steps values are recorded. Default: ``10``.
        num_process (int, optional): Accepted. Default: ``32``.
        collect_specified_data (dict, optional): What to collect: ``collect_metric`` (the loss),
            ``collect_input_data``, ``histogram_regular`` (a regular expression matched against
            the parameters' names, or None), ``collect_landscape`` (a dict of ``landscape_size``,
            ``unit``, ``num_samples``, ``create_landscape`` and ``intervals``, or None),
            ``collect_graph`` (GRAPH_MODE), and MindSpore's lineage keys
            ``collect_train_lineage``, ``collect_eval_lineage``, ``collect_dataset_graph``
            (accepted). Default: ``None``, the defaults (``_DEFAULT_SPECIFIED_DATA``).
        keep_default_action (bool, optional): Whether the keys not given keep their defaults
            (True) or are off. Default: ``True``.
        custom_lineage_data (dict, optional): Checked (str keys; int, float or str values).
            Default: ``None``.
        collect_tensor_freq (int, optional): Every how many steps the ``'tensor'`` values are
            recorded; None follows `collect_freq`. Default: ``None``.
        max_file_size (int, optional): The largest size of the summary file in bytes.
            Default: ``None``.
        export_options (dict, optional): As ``SummaryRecord``'s. Default: ``None``.

    Outputs:
        The callback; a context manager that opens its ``SummaryRecord`` and closes it.

    Raises:
        TypeError: an argument of the wrong type (MindSpore's messages: ``For `collect_freq` the
            type should be a valid type of ['int'], but got ...``).
        ValueError: a blank `summary_dir`, a non-positive frequency or size, an unknown key, an
            invalid ``histogram_regular``, a landscape option out of range.
        NotADirectoryError: `summary_dir` is a file.

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset as ds
        >>> from mindspore.train import SummaryCollector
        >>> d = tempfile.mkdtemp()
        >>> net = ms.nn.Dense(2, 1)
        >>> model = ms.Model(net, ms.nn.MSELoss(), ms.nn.SGD(net.trainable_params(), 0.1))
        >>> data = ds.NumpySlicesDataset({"x": np.ones((4, 2), np.float32), "y": np.ones((4, 1), np.float32)}).batch(2)
        >>> collector = SummaryCollector(d, collect_freq=1, collect_specified_data={"collect_landscape": None})
        >>> model.train(1, data, callbacks=[collector], dataset_sink_mode=False)
        >>> print(len([f for f in os.listdir(d) if f.endswith("_MS")]))
        1
    """

    _DEFAULT_SPECIFIED_DATA = {
        "collect_metric": True,
        "collect_graph": True,
        "collect_train_lineage": True,
        "collect_eval_lineage": True,
        "collect_input_data": True,
        "collect_dataset_graph": True,
        "histogram_regular": None,
        "collect_landscape": copy.deepcopy(_DEFAULT_LANDSCAPE),
    }

    def __init__(self, summary_dir, collect_freq=10, num_process=32, collect_specified_data=None,
                 keep_default_action=True, custom_lineage_data=None, collect_tensor_freq=None,
                 max_file_size=None, export_options=None):
        super().__init__()
        self._summary_dir = _check_log_dir(summary_dir, "summary_dir")
        _check_positive("collect_freq", collect_freq)
        _check_positive("collect_tensor_freq", collect_tensor_freq, allow_none=True)
        _check_positive("max_file_size", max_file_size, allow_none=True)
        self._export_options = process_export_options(export_options)
        check_value_type("keep_default_action", keep_default_action, bool)
        self._collect_specified_data = self._process_specified_data(collect_specified_data,
                                                                    keep_default_action)
        self._custom_lineage_data = self._process_custom_lineage_data(custom_lineage_data)
        self._collect_freq, self._collect_tensor_freq = collect_freq, collect_tensor_freq
        self._max_file_size, self._num_process = max_file_size, num_process
        self._record = None
        self._is_parse_loss_success = True
        self._temp_optimizer = None
        self._model_params_file_map = {}
        self._landscape_dir = os.path.join(self._summary_dir, "ckpt_dir")
        self._step_per_epoch = None

    __init__._names_errors = True  # MindSpore's own messages: not prefixed by ``train._name_errors``

    # --- the checks of the constructor ---
    def _process_specified_data(self, specified_data, action):
        """`specified_data` checked and merged with the defaults (with `action`)."""
        check_value_type("collect_specified_data", specified_data, [dict, type(None)])
        defaults = copy.deepcopy(self._DEFAULT_SPECIFIED_DATA)
        if not specified_data:
            return defaults if action else {}
        for key in specified_data:
            check_value_type(str(key), key, str)
        unknown = set(specified_data) - set(defaults)
        if unknown:
            raise ShapeError(f'For "SummaryCollector", the keys {unknown} of `collect_specified_data` are '
                             f'unsupported, expect the follow keys: {list(defaults)}')
        for key, value in specified_data.items():
            if key == "histogram_regular":
                check_value_type(key, value, [str, type(None)])
                if value is not None:
                    try:
                        re.compile(value)
                    except re.error as err:
                        raise ShapeError(f"For `collect_specified_data`, the value of `histogram_regular` is "
                                         f"not a valid regular expression. Detail: {err}.") from None
            elif key == "collect_landscape":
                check_value_type(key, value, [dict, type(None)])
                if value is not None:
                    _check_collect_landscape_data(value, "SummaryCollector")
            else:
                check_value_type(key, value, bool)
        given = copy.deepcopy(specified_data)
        if not action:
            return given
        defaults.update(given)
        return defaults

    @staticmethod
    def _process_custom_lineage_data(custom_lineage_data):
        check_value_type("custom_lineage_data", custom_lineage_data, [dict, type(None)])
        for key, value in (custom_lineage_data or {}).items():
            check_value_type(f"custom_lineage_data -> {key}", key, str)
            if not isinstance(value, (int, str, float)):
                check_value_type(f"the value of custom_lineage_data -> {key}", value, [int, str, float])
        return custom_lineage_data

    # --- context manager and record ---
    def __enter__(self):
        self._open_record()
        return self

    def __exit__(self, *err):
        if self._record is not None:
            self._record.close()

    def _open_record(self):
        if self._record is None or self._record._status["closed"]:
            self._record = SummaryRecord(self._summary_dir, max_file_size=self._max_file_size,
                                         export_options=self._export_options)
        return self._record

    def _check_callbacks(self, cb_params):
        """Raises a ValueError when the callbacks hold more than one SummaryCollector."""
        callbacks = cb_params.list_callback
        if sum(isinstance(cb, SummaryCollector) for cb in callbacks) > 1:
            raise ShapeError("There are more than one SummaryCollector instance in callback list,but expected "
                             "only one SummaryCollector instance.")

    # --- what is collected ---
    def _collect_input_data(self, cb_params):
        """Adds the training input as the image ``'input_data/auto'`` (the first input of a
        list); an input that is not an image turns the collection off."""
        if not self._collect_specified_data.get("collect_input_data"):
            return
        element = cb_params.train_dataset_element
        if element is None or (isinstance(element, (list, tuple)) and not element):
            logger.warning("The 'train_dataset_element' in cb_params is None or empty, so collecting the "
                           "input data is turned off.")
            self._collect_specified_data["collect_input_data"] = False
            return
        if isinstance(element, (list, tuple)):
            element = element[0]
        elif not isinstance(element, Tensor):
            self._collect_specified_data["collect_input_data"] = False
            return
        try:
            self._open_record().add_value("image", "input_data/auto", element)
        except (TypeError, ValueError):
            logger.warning("The input data of network are not image, so will not collect by SummaryCollector.")
            self._collect_specified_data["collect_input_data"] = False

    def _get_loss(self, cb_params):
        """The loss of ``cb_params.net_outputs`` as a 0-d Tensor: the mean of the output (of its
        first element, for a list or tuple); None when it cannot be read, after which no loss
        is read again (``_is_parse_loss_success`` is False)."""
        if not self._is_parse_loss_success:
            return None
        output = cb_params.net_outputs
        if isinstance(output, (list, tuple)) and output:
            output = output[0]
        elif not isinstance(output, (int, float, Tensor)):
            self._is_parse_loss_success = False
            logger.warning("The net outputs hold no loss (a number, a Tensor or a list of them), so the loss "
                           "is not collected.")
            return None
        value = output.asnumpy() if isinstance(output, Tensor) else Tensor(output).asnumpy()
        with np.errstate(all="ignore"):
            return Tensor(np.asarray(np.mean(value)))

    def _get_optimizer(self, cb_params):
        """``cb_params.optimizer``, else the Optimizer found among the cells of the network of
        the mode; None when there is none (remembered as ``'Failed'``)."""
        if self._temp_optimizer == "Failed":
            return None
        if self._temp_optimizer is not None:
            return self._temp_optimizer
        optimizer = cb_params.optimizer
        if optimizer is None:
            network = cb_params.train_network if cb_params.mode == "train" else cb_params.eval_network
            optimizer = self._find_optimizer(network)
        self._temp_optimizer = optimizer if optimizer is not None else "Failed"
        return optimizer

    @staticmethod
    def _find_optimizer(network):
        from ...nn.optim.optimizer import Optimizer
        for _, cell in network.cells_and_names():
            if isinstance(cell, Optimizer):
                return cell
        return None

    def _collect_histogram(self, cb_params):
        """Adds histograms of the optimizer's parameters (``'<name>/auto'``): those
        ``histogram_regular`` matches at their start, else the first five."""
        optimizer = self._get_optimizer(cb_params)
        if optimizer is None:
            return
        params = list(optimizer.parameters)
        regular = self._collect_specified_data.get("histogram_regular")
        if regular is not None:
            params = [p for p in params if re.match(regular, p.name)]
        else:
            params = params[:_HISTOGRAM_DEFAULT_COUNT]
        record = self._open_record()
        for p in params:
            record.add_value("histogram", f"{p.name}/auto", p)

    def _collect_at_step(self, cb_params):
        """One event: input, loss, histograms and the cached values."""
        record = self._open_record()
        self._collect_input_data(cb_params)
        if self._collect_specified_data.get("collect_metric"):
            loss = self._get_loss(cb_params)
            if loss is not None:
                record.add_value("scalar", "loss/auto", loss)
        if "histogram_regular" in self._collect_specified_data:
            self._collect_histogram(cb_params)
        step = cb_params.cur_step_num
        tensors = self._collect_tensor_freq is None or step % self._collect_tensor_freq == 0 or step == 1
        if (self._collect_specified_data.get("collect_graph")
                and not record._write_network_graph(cb_params.get("train_network")) and step == 1):
            # no graph after the first step: the network was not compiled (not GRAPH_MODE)
            logger.warning("Can not get graph proto, it may not be 'GRAPH_MODE' in context currently, so "
                           "SummaryCollector will not collect graph.")
        record.record(step, plugin_filter=None if tensors else (lambda plugin: plugin != "tensor"))

    # --- the callback ---
    def on_train_begin(self, run_context):
        """Checks the callbacks and opens the summary record."""
        cb_params = run_context.original_args()
        self._check_callbacks(cb_params)
        self._open_record().set_mode("train")
        self._step_per_epoch = cb_params.get("batch_num")

    def on_train_step_end(self, run_context):
        """Records at the first step and every `collect_freq` steps; saves the landscape's
        checkpoints of the steps of its intervals."""
        cb_params = run_context.original_args()
        step = cb_params.cur_step_num
        if step == 1 or step % self._collect_freq == 0:
            self._collect_at_step(cb_params)
        if self._landscape("unit") == "step":
            self._save_model_params_for_landscape(cb_params, step)

    def on_train_epoch_end(self, run_context):
        """Records at the end of each epoch; saves the landscape's checkpoints of the epochs of
        its intervals."""
        cb_params = run_context.original_args()
        self._collect_at_step(cb_params)
        if self._landscape("unit") == "epoch":
            self._save_model_params_for_landscape(cb_params, cb_params.cur_epoch_num)

    def on_train_end(self, run_context):
        """Writes the landscape's metadata and closes the summary record."""
        self._save_metadata()
        if self._record is not None:
            self._record.close()

    def on_eval_begin(self, run_context):
        """Opens the record in ``'eval'`` mode (the cached values wait for training)."""
        self._open_record().set_mode("eval")

    def on_eval_end(self, run_context):
        """Goes back to ``'train'`` mode (MindSpore writes the metrics to its lineage file)."""
        if self._record is not None and not self._record._status["closed"]:
            self._record.set_mode("train")

    # --- the loss landscape's checkpoints ---
    def _landscape(self, key):
        landscape = self._collect_specified_data.get("collect_landscape")
        if not landscape:
            return None
        return landscape.get(key, _DEFAULT_LANDSCAPE[key])

    def _save_model_params_for_landscape(self, cb_params, n):
        intervals = self._landscape("intervals") or []
        if not any(n in interval for interval in intervals):
            return
        from ..._checkpoint import save_checkpoint
        network = cb_params.get("network") or cb_params.train_network
        os.makedirs(self._landscape_dir, exist_ok=True)
        path = os.path.join(self._landscape_dir, f"{type(network).__name__}_{n}_{self._landscape('unit')}.ckpt")
        save_checkpoint(network, path)
        self._model_params_file_map[str(n)] = path

    def _save_metadata(self):
        if not self._model_params_file_map:
            return
        metadata = {
            "epoch_group": {str(i): list(v) for i, v in enumerate(self._landscape("intervals"))},
            "model_params_file_map": self._model_params_file_map,
            "step_per_epoch": self._step_per_epoch,
            "unit": self._landscape("unit"),
            "num_samples": self._landscape("num_samples"),
            "landscape_size": self._landscape("landscape_size"),
            "create_landscape": self._landscape("create_landscape"),
        }
        with open(os.path.join(self._landscape_dir, "train_metadata.json"), "w") as f:
            json.dump(metadata, f)
