"""``SummaryCollector``: MindSpore 2.10's collector, recording a training run for MindInsight
through :class:`mindspore.train.summary.SummaryRecord`.

What it collects, as MindSpore's (measured on MindSpore 2.10): at the first step, every
`collect_freq` steps (epochs in sink mode) and at each epoch's end, the loss (scalar
``'loss/auto'``, the mean of the network's first output), histograms of the optimizer's
parameters (``'<name>/auto'``: those matching ``histogram_regular``, else the first five) and the
input images (``'input_data/auto'``); and for the loss landscape (``collect_landscape``), the
backbone's parameters at the steps (epochs) of its ``intervals``, saved as
``<summary_dir>/ckpt_dir/<Backbone>_<n>_<unit>.ckpt`` with ``train_metadata.json`` at the end.

Not written (the summary writer cannot encode them; each is skipped with a warning): the graphs,
the dataset graph, the train and eval lineage, the custom lineage data, and input images (which
MindSpore writes PNG-encoded)."""
import json
import os
import re
import stat
from collections import defaultdict

import numpy as np

from ... import log as logger
from ..._C import Tensor
from ..._errors import ShapeError
from ..summary.enums import ModeEnum, PluginEnum
from ..summary.summary_record import (SummaryRecord, _make_directory, check_value_type,
                                      process_export_options)
from ._callback import Callback

__all__ = ["SummaryCollector"]

HYPER_CONFIG_ENV_NAME = "MINDINSIGHT_HYPER_CONFIG"
HYPER_CONFIG_LEN_LIMIT = 100000
_OPTIMIZER_FAILED = 'Failed'


class SummaryCollector(Callback):
    """Collects a training run's loss, parameter histograms and landscape checkpoints into a
    summary directory (see the module note; MindSpore's arguments and checks).

    Args:
        summary_dir (str): The directory of the summary file (made if missing).
        collect_freq (int, optional): Every how many steps (epochs in sink mode) to collect.
            Default: ``10``.
        num_process (int, optional): Accepted. Default: ``32``.
        collect_specified_data (dict, optional): Which data to collect; the keys of
            ``SummaryCollector._DEFAULT_SPECIFIED_DATA`` (``collect_metric``,
            ``histogram_regular``, ``collect_input_data``, ``collect_landscape`` ...). Default:
            ``None`` (all).
        keep_default_action (bool, optional): Whether the keys not given keep their defaults
            (True) or are off (False). Default: ``True``.
        custom_lineage_data (dict, optional): str keys, int/str/float values (checked; lineage is
            not written). Default: ``None``.
        collect_tensor_freq (int, optional): Every how many steps tensors are collected.
            Default: ``None`` (at most 20 times).
        max_file_size (int, optional): Accepted. Default: ``None``.
        export_options (dict, optional): ``{'tensor_format': 'npy'}`` also saves tensors as
            ``.npy`` files. Default: ``None``.

    Outputs:
        The callback (a context manager that opens and closes its SummaryRecord).

    Raises:
        TypeError: an argument or a key of `collect_specified_data` of the wrong type.
        ValueError: a blank `summary_dir`, a frequency below 1, unknown keys, a bad
            ``histogram_regular`` or landscape setting.
        NotADirectoryError: a `summary_dir` that is a file.

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
        >>> model.train(1, data, callbacks=[SummaryCollector(d, collect_freq=1)], dataset_sink_mode=False)
        >>> print(sorted(os.listdir(os.path.join(d, "ckpt_dir"))))
        ['Dense_1_step.ckpt', 'Dense_2_step.ckpt', 'train_metadata.json']
    """

    _DEFAULT_SPECIFIED_DATA = {
        'collect_metric': True,
        'collect_graph': True,
        'collect_train_lineage': True,
        'collect_eval_lineage': True,
        'collect_input_data': True,
        'collect_dataset_graph': True,
        'histogram_regular': None,
        'collect_landscape': {'landscape_size': 40,
                              'unit': 'step',
                              'num_samples': 2048,
                              'create_landscape': {'train': True, 'result': True},
                              'intervals': [[1, 2, 3, 4, 5, 6, 7, 8, 9],
                                            [10, 11, 12, 13, 14, 15, 16, 17, 18, 19]]}
    }

    def __init__(self, summary_dir, collect_freq=10, num_process=32, collect_specified_data=None,
                 keep_default_action=True, custom_lineage_data=None, collect_tensor_freq=None,
                 max_file_size=None, export_options=None):
        super().__init__()
        self._summary_dir = _make_directory(summary_dir, "summary_dir", "SummaryCollector")
        self._record = None
        self._check_positive('collect_freq', collect_freq)
        self._collect_freq = collect_freq
        self._check_positive('collect_tensor_freq', collect_tensor_freq, allow_none=True)
        self._collect_tensor_freq = collect_tensor_freq
        self._tensor_collect_range = None
        self._check_positive('max_file_size', max_file_size, allow_none=True)
        self._max_file_size = max_file_size
        self._export_options = process_export_options(export_options)
        check_value_type('keep_default_action', keep_default_action, bool)
        self._collect_specified_data = self._process_specified_data(collect_specified_data, keep_default_action)
        landscape = self._collect_specified_data.get('collect_landscape', None)
        check_value_type('collect_landscape', landscape, [dict, type(None)])
        self._is_collect_landscape = bool(landscape)
        if self._is_collect_landscape:
            self._check_collect_landscape_data(landscape)
            self._ckpt_dir = os.path.join(self._summary_dir, 'ckpt_dir')
            _make_directory(self._ckpt_dir)
            self._model_params_file_map = {}
            self._epoch_group = defaultdict(list)
            for i, interval in enumerate(landscape.get('intervals')):
                self._epoch_group[i].extend(interval)
        self._custom_lineage_data = self._process_custom_lineage_data(custom_lineage_data)
        self._temp_optimizer = None
        self._has_saved_graph = False
        self._has_saved_custom_data = False
        self._is_parse_loss_success = True
        self._first_step = True
        self._dataset_sink_mode = True
        self._num_process = num_process
        self._warned = set()

    __init__._names_errors = True  # MindSpore's messages, not named after the class

    def __enter__(self):
        self._record = SummaryRecord(log_dir=self._summary_dir, max_file_size=self._max_file_size,
                                     raise_exception=False, export_options=self._export_options)
        self._first_step, self._dataset_sink_mode = True, True
        return self

    def __exit__(self, *err):
        self._record.close()

    def _warn_once(self, key, msg):
        if key not in self._warned:
            self._warned.add(key)
            logger.warning(msg)

    # -- argument checks ---------------------------------------------------------------------
    def _check_positive(self, name, value, allow_none=False):
        if allow_none and value is None:
            return
        check_value_type(name, value, int)
        if value <= 0:
            raise ShapeError(f'For "{type(self).__name__}", the value of `{name}` should be greater than 0, '
                             f'but got `{value}`.')

    def _process_custom_lineage_data(self, custom_lineage_data):
        if custom_lineage_data is None:
            custom_lineage_data = {}
        self._check_custom_lineage_type('custom_lineage_data', custom_lineage_data)
        auto = self._collect_optimizer_custom_lineage_data()
        self._check_custom_lineage_type('auto_custom_lineage_data', auto)
        auto.update(custom_lineage_data)
        return auto

    @staticmethod
    def _check_custom_lineage_type(param_name, custom_lineage):
        check_value_type(param_name, custom_lineage, [dict, type(None)])
        for key, value in custom_lineage.items():
            check_value_type(f'{param_name} -> {key}', key, str)
            check_value_type(f'the value of {param_name} -> {key}', value, (int, str, float))

    @staticmethod
    def _collect_optimizer_custom_lineage_data():
        """The ``custom_lineage_data`` of MindInsight's hyper config (environment variable
        ``MINDINSIGHT_HYPER_CONFIG``, JSON), or {}."""
        hyper_config = os.environ.get(HYPER_CONFIG_ENV_NAME)
        if hyper_config is None or len(hyper_config) > HYPER_CONFIG_LEN_LIMIT:
            return {}
        try:
            hyper_config = json.loads(hyper_config)
        except (TypeError, ValueError):
            logger.warning("The 'MINDINSIGHT_HYPER_CONFIG' of environment variable decode error.")
            return {}
        data = hyper_config.get("custom_lineage_data") if isinstance(hyper_config, dict) else None
        return data if data is not None else {}

    def _check_collect_landscape_data(self, collect_landscape):
        cls = type(self).__name__
        default = self._DEFAULT_SPECIFIED_DATA["collect_landscape"]
        unexpected = set(collect_landscape) - set(default)
        if unexpected:
            raise ShapeError(f'For "{cls}", the keys {unexpected} of `collect_landscape` are unsupported, '
                             f'expect the follow keys: {list(default.keys())}')
        landscape_size = collect_landscape.get("landscape_size", 40)
        check_value_type('landscape_size', landscape_size, int)
        if landscape_size < 3 or landscape_size > 256:
            raise ShapeError(f'For "{cls}", the "landscape_size" in collect_specified_data should be less than '
                             f'256 and more than 3, but got the: {landscape_size}')
        unit = collect_landscape.get("unit", "step")
        check_value_type('unit', unit, str)
        if unit not in ("step", "epoch"):
            raise ShapeError(f'For "{cls}", unit in collect_specified_data should be step or epoch, but got '
                             f'the: {unit}.')
        check_value_type("num_samples", collect_landscape.get("num_samples", 2048), int)
        create_landscape = collect_landscape.get("create_landscape", {"train": True, "result": True})
        check_value_type('create_landscape', create_landscape, dict)
        for param, value in create_landscape.items():
            if param not in ("train", "result"):
                raise ShapeError(f'For "{cls}", the key to create landscape should be in ["train", "result"], '
                                 f'but got the: {param}.')
            check_value_type(param, value, bool)
        intervals = collect_landscape.get("intervals")
        check_value_type('intervals', intervals, list)
        for interval in intervals:
            check_value_type('each interval inintervals', interval, list)
            if len(interval) < 3:
                raise ShapeError(f'For "{cls}", the length of each list in "intervals" should not be less than '
                                 f'three, but got the: {interval}')
            for j in interval:
                if not isinstance(j, int):
                    raise TypeError(f'For "{cls}", the value of each list in "intervals" should be int, but '
                                    f'got the: {type(j)}')

    def _process_specified_data(self, specified_data, action):
        check_value_type('collect_specified_data', specified_data, [dict, type(None)])
        if specified_data is None:
            return dict(self._DEFAULT_SPECIFIED_DATA) if action else {}
        for param_name in specified_data:
            check_value_type(param_name, param_name, [str])
        unexpected = set(specified_data) - set(self._DEFAULT_SPECIFIED_DATA)
        if unexpected:
            raise ShapeError(f'For "{type(self).__name__}", the keys {unexpected} of `collect_specified_data` are '
                             f'unsupported, expect the follow keys: {list(self._DEFAULT_SPECIFIED_DATA.keys())}')
        if 'histogram_regular' in specified_data:
            regular = specified_data.get('histogram_regular')
            check_value_type('histogram_regular', regular, (str, type(None)))
            if isinstance(regular, str):
                try:
                    re.match(regular, '')
                except re.error as exc:
                    raise ShapeError(f'For `collect_specified_data`, the value of `histogram_regular` is not a '
                                     f'valid regular expression. Detail: {exc}.') from exc
        for item in set(self._DEFAULT_SPECIFIED_DATA) - {'histogram_regular', 'collect_landscape'}:
            if item in specified_data:
                check_value_type(item, specified_data.get(item), bool)
        if action:
            result = dict(self._DEFAULT_SPECIFIED_DATA)
            result.update(specified_data)
            return result
        return specified_data

    # -- the callback's stages ---------------------------------------------------------------
    def begin(self, run_context):
        """Checks the callbacks and the mode, and sets the record's mode."""
        cb_params = run_context.original_args()
        self._check_callbacks(cb_params)
        if cb_params.mode not in ModeEnum.to_list():
            raise ShapeError('Only support `train` (model.train) and `eval` (model.eval) mode, '
                             f'but got `{cb_params.mode}` mode.')
        self._record.set_mode(cb_params.mode)
        self._dataset_sink_mode = cb_params.dataset_sink_mode

    def step_end(self, run_context):
        """Collects at the steps the module note lists (training only)."""
        cb_params = run_context.original_args()
        if cb_params.mode != ModeEnum.TRAIN.value:
            return
        if not self._has_saved_graph:
            self._collect_graphs(cb_params)
            self._collect_dataset_graph(cb_params)
            self._has_saved_graph = True
            self._record.record(cb_params.cur_step_num)
        if self._custom_lineage_data and not self._has_saved_custom_data:
            self._warn_once('custom', "SummaryCollector: the custom lineage data is not written (lineage "
                                      "files are not available).")
            self._has_saved_custom_data = True
        if not self._dataset_sink_mode:
            self._collect_tensor_data(cb_params)
        landscape = self._collect_specified_data.get('collect_landscape')
        if landscape and landscape.get('unit', 'step') == 'step' and \
                any(cb_params.get('cur_step_num') in interval for interval in landscape.get('intervals')):
            self._save_model_params_for_landscape(cb_params)

    def epoch_end(self, run_context):
        """Collects at the end of each epoch (see the module note)."""
        cb_params = run_context.original_args()
        self._collect_tensor_data(cb_params)
        landscape = self._collect_specified_data.get('collect_landscape')
        if landscape and landscape.get('unit', 'step') == 'epoch' and \
                any(cb_params.get('cur_epoch_num') in interval for interval in landscape.get('intervals')):
            self._save_model_params_for_landscape(cb_params)
        self._record.flush()

    def end(self, run_context):
        """Writes what is still queued and, after training with ``collect_landscape``, the
        landscape's ``train_metadata.json``."""
        cb_params = run_context.original_args()
        key = 'collect_train_lineage' if cb_params.mode == ModeEnum.TRAIN.value else 'collect_eval_lineage'
        if self._collect_specified_data.get(key):
            self._warn_once(key, "SummaryCollector: lineage is not written (lineage files are not available).")
        self._record.set_mode('eval')  # as MindSpore: the primitives' values are not recorded here
        self._record.record(step=0)
        landscape = self._collect_specified_data.get('collect_landscape')
        if cb_params.mode == ModeEnum.TRAIN.value and landscape:
            self._save_metadata(cb_params.batch_num, landscape.get('unit', 'step'),
                                landscape.get('num_samples', 2048), landscape.get('landscape_size', 40),
                                landscape.get('create_landscape', {'train': True, 'result': True}))

    # -- collection --------------------------------------------------------------------------
    def _collect_tensor_data(self, cb_params):
        if cb_params.mode != ModeEnum.TRAIN.value:
            return
        if self._first_step:
            self._tensor_collect_range = self._get_tensor_collect_range(cb_params, self._dataset_sink_mode)
            self._collect_at_step_end(cb_params, plugin_filter=None)
            self._first_step = False
            self._record.flush()
            return
        current = cb_params.cur_epoch_num if self._dataset_sink_mode else cb_params.cur_step_num
        if current % self._collect_freq == 0 and current in self._tensor_collect_range:
            self._collect_at_step_end(cb_params, plugin_filter=None)
        elif current in self._tensor_collect_range:
            self._collect_at_step_end(cb_params, lambda plugin: plugin == PluginEnum.TENSOR.value)
        elif current % self._collect_freq == 0:
            self._collect_at_step_end(cb_params, lambda plugin: plugin != PluginEnum.TENSOR.value)

    def _get_tensor_collect_range(self, cb_params, dataset_sink_mode):
        total_step = cb_params.epoch_num
        if not dataset_sink_mode:
            total_step *= cb_params.batch_num
        if self._collect_tensor_freq is not None:
            return range(0, total_step + 1, self._collect_tensor_freq)
        limit = 20
        if len(range(0, total_step + 1, self._collect_freq)) > limit:
            tensor_freq = total_step // (limit - 1)
            if tensor_freq > 1:
                return range(0, total_step + 1, tensor_freq)[:limit]
            return range(0, total_step + 1)[:limit + 1]
        return range(0, total_step + 1, self._collect_freq)

    def _collect_at_step_end(self, cb_params, plugin_filter):
        self._collect_input_data(cb_params)
        self._collect_metric(cb_params)
        self._collect_histogram(cb_params)
        self._record.record(cb_params.cur_step_num, plugin_filter=plugin_filter)

    def _check_callbacks(self, cb_params):
        """ValueError when the callback list holds more than one SummaryCollector."""
        found = False
        for callback in cb_params.list_callback:
            if type(callback).__name__ == type(self).__name__:
                if found:
                    raise ShapeError(f"There are more than one {type(self).__name__} instance in callback list,"
                                     f"but expected only one {type(self).__name__} instance.")
                found = True

    def _collect_input_data(self, cb_params):
        """The first input (an image, NCHW) as ``'input_data/auto'``; anything else turns the
        collection off. Images are not written by this package's writer: the first one turns it
        off with a warning."""
        if not self._is_allowed_to_collect_input_data(cb_params):
            return
        input_data = getattr(cb_params, 'train_dataset_element', None)
        if isinstance(input_data, (list, tuple)) and input_data:
            input_data = input_data[0]
        try:
            self._record.add_value(PluginEnum.IMAGE.value, 'input_data/auto', input_data)
        except (TypeError, ValueError) as e:
            logger.warning(f'The input data of network are not collected by SummaryCollector: {e}')
            self._collect_specified_data['collect_input_data'] = False

    def _is_allowed_to_collect_input_data(self, cb_params):
        if not self._collect_specified_data.get('collect_input_data'):
            return False
        input_data = getattr(cb_params, 'train_dataset_element', None)
        if not isinstance(input_data, (Tensor, list, tuple)):
            self._collect_specified_data['collect_input_data'] = False
            logger.warning("The type of input data is not Tensor/list/tuple, so SummaryCollector will not "
                           "collect input data.")
            return False
        if not isinstance(input_data, Tensor) and not input_data:
            self._collect_specified_data['collect_input_data'] = False
            logger.warning("The 'train_dataset_element' in RunContext.original_args is empty, so "
                           "SummaryCollector will not record the input data. ")
            return False
        return True

    def _collect_dataset_graph(self, cb_params):
        if self._collect_specified_data.get('collect_dataset_graph') and cb_params.mode == ModeEnum.TRAIN.value:
            self._warn_once('dataset_graph', "SummaryCollector: the dataset graph is not written (not "
                                             "available in this package).")

    def _collect_graphs(self, cb_params):
        if self._collect_specified_data.get('collect_graph'):
            self._warn_once('graph', "Can not get graph proto (no graph is compiled), so SummaryCollector "
                                     "will not collect graph.")

    def _collect_metric(self, cb_params):
        """The loss as ``'loss/auto'``; a loss of more than one element turns this off."""
        if not self._collect_specified_data.get('collect_metric'):
            return
        loss = self._get_loss(cb_params)
        if loss is None:
            return
        try:
            self._record.add_value(PluginEnum.SCALAR.value, 'loss/auto', loss)
        except ValueError:
            logger.warning("The output of network is not a scalar, so SummaryCollector will not collect loss.")
            self._collect_specified_data['collect_metric'] = False

    def _get_loss(self, cb_params):
        """The mean of the network's output (its first element when a list or tuple) as a Tensor,
        or None (and no later attempt) when there is none."""
        if not self._is_parse_loss_success:
            return None
        output = cb_params.get('net_outputs')
        if output is None:
            logger.warning("Can not find any output by this network, so SummaryCollector will not collect loss.")
            self._is_parse_loss_success = False
            return None
        if isinstance(output, (int, float, Tensor)):
            loss = output
        elif isinstance(output, (list, tuple)) and output:
            loss = output[0]
        else:
            logger.warning("The output type could not be identified, expect type is one of [int, float, Tensor, "
                           "list, tuple], so no loss was recorded in SummaryCollector.")
            self._is_parse_loss_success = False
            return None
        if not isinstance(loss, Tensor):
            loss = Tensor(loss)
        return Tensor(np.mean(loss.asnumpy()))

    def _get_optimizer(self, cb_params):
        """``cb_params.optimizer``, else the first Optimizer among the network's cells; None (and
        no later attempt) when there is none."""
        from ...nn.optim.optimizer import Optimizer
        if self._temp_optimizer == _OPTIMIZER_FAILED:
            return None
        if self._temp_optimizer is not None:
            return self._temp_optimizer
        optimizer = cb_params.get('optimizer')
        if optimizer is None:
            network = cb_params.get('train_network') if cb_params.get('mode') == 'train' \
                else cb_params.get('eval_network')
            optimizer = self._parse_optimizer_by_network(network) if network is not None else None
        if optimizer is None or not isinstance(optimizer, Optimizer):
            logger.warning("Can not find optimizer in network, or the optimizer does not inherit MindSpore's "
                           "optimizer, so we will not collect data about optimizer in SummaryCollector.")
            optimizer = None
        self._temp_optimizer = optimizer if optimizer is not None else _OPTIMIZER_FAILED
        return optimizer

    @staticmethod
    def _parse_optimizer_by_network(network):
        from ...nn.optim.optimizer import Optimizer
        for _, cell in network.cells_and_names():
            if isinstance(cell, Optimizer):
                return cell
            optimizer = getattr(cell, 'optimizer', None)
            if isinstance(optimizer, Optimizer):
                return optimizer
        return None

    def _collect_histogram(self, cb_params):
        """Histograms of the optimizer's parameters (see the module note)."""
        if 'histogram_regular' not in self._collect_specified_data:
            return
        optimizer = self._get_optimizer(cb_params)
        if optimizer is None:
            return
        parameters = list(optimizer.parameters)
        regular = self._collect_specified_data.get('histogram_regular')
        if regular is not None:
            parameters = [p for p in parameters if re.match(regular, p.name)]
        else:
            parameters = parameters[:5]
        for parameter in parameters:
            self._record.add_value(PluginEnum.HISTOGRAM.value, parameter.name + '/auto', parameter.data)

    # -- landscape ---------------------------------------------------------------------------
    @classmethod
    def _get_backbone(cls, network):
        for _, cell in network.cells_and_names():
            if hasattr(cell, '_backbone'):
                return getattr(cell, '_backbone')
        return network

    def _save_model_params_for_landscape(self, cb_params):
        if cb_params.mode != ModeEnum.TRAIN.value:
            return
        backbone = self._get_backbone(cb_params.train_network)
        while True:
            names = dict(backbone.name_cells())
            if 'network' not in names:
                break
            backbone = backbone.network
            if 'optimizer' in names:
                break
        unit = self._collect_specified_data.get('collect_landscape').get('unit', 'step')
        cur_num = cb_params.cur_epoch_num if unit == 'epoch' else cb_params.cur_step_num
        self._save_model_params(cur_num, unit, backbone)

    def _save_model_params(self, cur_num, unit, backbone):
        from ..._checkpoint import save_checkpoint
        param_list = [{"name": p.name, "data": Tensor(p.asnumpy())} for p in backbone.get_parameters()]
        file_path = os.path.join(self._ckpt_dir, f"{type(backbone).__name__}_{cur_num}_{unit}.ckpt")
        self._model_params_file_map[str(cur_num)] = file_path
        if not os.path.isfile(file_path):
            try:
                save_checkpoint(param_list, file_path)
            except OSError as e:
                logger.error(str(e))

    def _save_metadata(self, step_per_epoch, unit, num_samples, landscape_size, create_landscape):
        data = {"epoch_group": self._epoch_group, "model_params_file_map": self._model_params_file_map,
                "step_per_epoch": step_per_epoch, "unit": unit, "num_samples": num_samples,
                "landscape_size": landscape_size, "create_landscape": create_landscape}
        meta_path = os.path.join(self._ckpt_dir, 'train_metadata.json')
        if os.path.isfile(meta_path):
            return
        try:
            with open(meta_path, 'w', encoding='utf-8') as file:
                json.dump(data, file)
            os.chmod(meta_path, stat.S_IRUSR)
        except OSError as e:
            logger.error(f"Write meta data {meta_path} failed, detail: {e}")
