"""``mindspore.train.Model``: the training, evaluation and prediction loops over a dataset, with
callbacks and metrics, as MindSpore 2.x runs them on CPU.

``Model(network, loss_fn, optimizer)`` builds the training cell as MindSpore does:
``TrainOneStepCell(WithLossCell(network, loss_fn), optimizer)``; ``TrainOneStepCell(network,
optimizer)`` when there is no loss (the network returns it); ``WithLossCell`` with a loss and no
optimizer; the network itself with neither. With ``metrics`` the evaluation cell is
``WithEvalCell(network, loss_fn)`` (or ``eval_network``) and its ``(loss, outputs, label)`` feed
the metrics.

Every dataset row (a batch) is passed to the training cell as its positional inputs: with
``loss_fn`` a row must have exactly two columns, data then label; without one, the network takes
every column. Each step is one call of the cell, which runs compiled in GRAPH_MODE (through the
cell's jit) and eagerly in PYNATIVE_MODE, as MindSpore does; ``dataset_sink_mode=True`` runs the
same per-step loop (as MindSpore on CPU).
"""
import warnings

from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError, naming
from ..nn.cell import Cell
from ..nn.wrap import TrainOneStepCell, WithEvalCell, WithLossCell
from ._checks import check_bool, check_int, check_non_negative_int, check_positive_int
from .callback import __all__ as _builtin_callbacks
from .callback._callback import RunContext, _CallbackManager, _callback_list, _InternalCallbackParam
from .callback._monitors import TimeMonitor
from .metrics import Loss, get_metrics
from .amp import build_train_network
from .._auto_parallel import _data_parallel, get_auto_parallel_context as _get_apc
from ..communication.management import get_group_size as _get_group_size, get_rank as _get_rank
from .callback._checkpoint import ModelCheckpoint as _ModelCheckpoint


def _rank0_checkpoints(callbacks):
    """In data parallel every process holds the same weights: only rank 0 writes checkpoints
    (``ModelCheckpoint`` is dropped on the others, so two processes never write one file)."""
    if not _data_parallel() or _get_rank() == 0:
        return callbacks
    return [c for c in callbacks if not isinstance(c, _ModelCheckpoint)]

__all__ = ["Model"]

_KWARGS = ("loss_scale_manager", "keep_batchnorm_fp32", "boost_config_dict", "acc_level")
_OLD_NAMES = {"begin", "end", "epoch_begin", "epoch_end", "step_begin", "step_end"}


def _as_tuple(row):
    if isinstance(row, Tensor):
        return (row,)
    return tuple(row)


class Model:
    """High-level training, evaluation and prediction of a network.

    ``train``, ``fit``, ``eval`` and ``predict`` run it over datasets with callbacks and metrics
    (see the module doc for the cells it builds).

    `amp_level` and the kwargs ``loss_scale_manager`` and ``keep_batchnorm_fp32`` build the
    training cell with ``mindspore.amp.build_train_network`` (at ``'O2'`` with dynamic loss
    scaling unless a manager is given; a manager that drops overflowing steps also has its
    ``update_loss_scale`` called after each step); the evaluation cell then casts the outputs
    to Float32 at ``'O2'``/``'O3'``.

    Args:
        network (Cell): The network to train or test.
        loss_fn (Cell, optional): The loss function; ``None`` when `network` returns the loss
            (or to only evaluate with `eval_network`, or predict). Default: ``None``.
        optimizer (Cell, optional): The optimizer; ``None`` to only evaluate or predict.
            Default: ``None``.
        metrics (Union[dict, set], optional): The metrics ``eval`` computes: a dict name ->
            Metric, or a set of names (``{'accuracy', 'loss'}``). Default: ``None``.
        eval_network (Cell, optional): The evaluation cell; ``None`` builds
            ``WithEvalCell(network, loss_fn)``. Default: ``None``.
        eval_indexes (list, optional): With `eval_network`, the positions of the loss, the
            prediction and the label in its outputs. Default: ``None``.
        amp_level (str, optional): The mixed precision level: ``'O0'``, ``'O1'``, ``'O2'``,
            ``'O3'`` or ``'auto'``. Default: ``'O0'``.
        boost_level (str, optional): ``'O0'``; boosting (``'O1'``, ``'O2'``) is not supported
            (a RuntimeError). Default: ``'O0'``.
        kwargs: ``loss_scale_manager`` (LossScaleManager), ``keep_batchnorm_fp32`` (bool),
            ``boost_config_dict`` and ``acc_level``.

    Outputs:
        ``train`` and ``fit`` return None, ``eval`` returns a dict metric name -> value, and
        ``predict`` returns the network's output (a Tensor, or a tuple of them).

    Raises:
        TypeError: `network` not a Cell.
        ValueError: an unknown kwarg, an unknown `amp_level` or `boost_level`, mixed precision
            or a loss-scale manager without an `optimizer`.
        RuntimeError: a `boost_level` other than ``'O0'``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model
        >>> ms.set_seed(1)
        >>> net = nn.Dense(2, 1)
        >>> x = np.random.RandomState(0).randn(8, 2).astype(np.float32)
        >>> y = x.sum(axis=1, keepdims=True)
        >>> data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(4)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1), metrics={'mse'})
        >>> model.train(2, data)
        >>> sorted(model.eval(data))
        ['mse']
        >>> print(model.predict(ms.Tensor(x[:3])).shape)
        (3, 1)
    """

    def __init__(self, network, loss_fn=None, optimizer=None, metrics=None, eval_network=None,
                 eval_indexes=None, amp_level="O0", boost_level="O0", **kwargs):
        if not isinstance(network, Cell):
            raise DTypeError(f"For 'Model', the type of 'network' must be Cell, but got "
                             f"{type(network).__name__}.")
        for arg in kwargs:
            if arg not in _KWARGS:
                raise ShapeError("The argument in 'kwargs' should be 'loss_scale_manager' or "
                                 "'keep_batchnorm_fp32' or 'boost_config_dict' or 'acc_level', but "
                                 f"got '{arg}'.")
        if optimizer is None and amp_level != "O0":
            raise ShapeError("Auto mixed precision will not work because 'optimizer' is None.Please "
                             "set amp_level='O0' to disable auto mixed precision or set 'optimizer' "
                             "not be None to use auto mixed precision.")
        if boost_level not in ("O0", "O1", "O2"):
            raise ShapeError(f"The 'boost_level' should be in : ['O0', 'O1', 'O2'], but got "
                             f"{boost_level}.")
        if amp_level not in ("O0", "O1", "O2", "O3", "auto"):
            raise ShapeError(f"The 'level' should be in : ['O0', 'O1', 'O2', 'O3', 'auto'], but got "
                             f"{amp_level}.")
        if boost_level != "O0":
            raise ComputeError(f"For 'Model', boost_level {boost_level!r} is not supported; use "
                               "'O0'.")
        self._loss_scale_manager = kwargs.get("loss_scale_manager")
        self._loss_scale_manager_set = "loss_scale_manager" in kwargs
        self._keep_bn_fp32 = kwargs.get("keep_batchnorm_fp32")
        if self._loss_scale_manager is not None and optimizer is None:
            raise ShapeError("The argument 'optimizer' can not be None when set "
                             "'loss_scale_manager'.")
        self._network = network
        self._loss_fn = loss_fn
        self._optimizer = optimizer
        self._amp_level = amp_level
        self._boost_level = boost_level
        self._metrics = metrics
        self._train_network = self._build_train_network()
        self._metric_fns = get_metrics(metrics)
        self._eval_network = eval_network
        self._eval_indexes = None
        self._build_eval_network(eval_network, eval_indexes)
        self._predict_network = network
        self._current_epoch_num = 0
        self._current_step_num = 0
        self.batch_num = -1

    # -- building ------------------------------------------------------------------------------
    def _build_train_network(self):
        net = self._network
        if self._optimizer is not None and (self._amp_level != "O0" or self._loss_scale_manager_set
                                            or self._keep_bn_fp32 is not None):
            # mixed precision and loss scaling: MindSpore's amp.build_train_network
            config = {}
            if self._loss_scale_manager_set:
                config["loss_scale_manager"] = self._loss_scale_manager
            if self._keep_bn_fp32 is not None:
                config["keep_batchnorm_fp32"] = self._keep_bn_fp32
            return build_train_network(net, self._optimizer, self._loss_fn, level=self._amp_level,
                                       boost_level=self._boost_level, **config)
        if self._optimizer is not None:
            if self._loss_fn is not None:
                net = WithLossCell(net, self._loss_fn)
            return TrainOneStepCell(net, self._optimizer)
        if self._loss_fn is not None:
            return WithLossCell(net, self._loss_fn)
        return net

    def _build_eval_network(self, eval_network, eval_indexes):
        if not self._metric_fns:
            return
        if eval_network is not None:
            if eval_indexes is not None and not (isinstance(eval_indexes, list)
                                                 and len(eval_indexes) == 3):
                raise ShapeError("The argument 'eval_indexes' must be a list or None. If "
                                 "'eval_indexes' is a list, length of it must be three. But got "
                                 f"'eval_indexes' {eval_indexes}")
            self._eval_indexes = eval_indexes
            return
        if self._loss_fn is None:
            raise ShapeError("If `metrics` is set, `eval_network` must not be None. Do not set "
                             "`metrics` if you don't want an evaluation. For one data, one label "
                             "and one logits, `eval_network` is optional if `loss_fn` is given: "
                             "the evaluation network is then built from `network` and `loss_fn`.")
        self._eval_network = WithEvalCell(self._network, self._loss_fn,
                                          self._amp_level in ("O2", "O3", "auto"))
        self._eval_indexes = [0, 1, 2]

    @property
    def train_network(self):
        """The training cell."""
        return self._train_network

    @property
    def predict_network(self):
        """The prediction cell (the network)."""
        return self._predict_network

    @property
    def eval_network(self):
        """The evaluation cell (None without metrics)."""
        return self._eval_network

    # -- metrics -------------------------------------------------------------------------------
    def _clear_metrics(self):
        for metric in self._metric_fns.values():
            metric.clear()

    def _update_metrics(self, outputs):
        if isinstance(outputs, Tensor):
            outputs = (outputs,)
        if not isinstance(outputs, tuple):
            raise ShapeError(f"The argument 'outputs' should be tuple, but got {type(outputs)}.")
        idx = self._eval_indexes
        if idx is not None and len(outputs) < 3:
            raise ShapeError(f"The length of 'outputs' must be >= 3, but got {len(outputs)}")
        for metric in self._metric_fns.values():
            if idx is None:
                metric.update(*outputs)
            elif isinstance(metric, Loss):
                metric.update(outputs[idx[0]])
            else:
                metric.update(outputs[idx[1]], outputs[idx[2]])

    def _get_metrics(self):
        return {name: metric.eval() for name, metric in self._metric_fns.items()}

    # -- training ------------------------------------------------------------------------------
    @staticmethod
    def _check_callbacks(callbacks, mode):
        """Callbacks of the user's own that define the older method names: a warning in
        ``train``/``eval``, a ValueError in ``fit`` (MindSpore's rule)."""
        for cb in _callback_list(callbacks):
            name = type(cb).__name__
            if name in _builtin_callbacks:
                continue
            old = set(type(cb).__dict__) & _OLD_NAMES
            if not old:
                continue
            msg = (f"For {name} callback, {old} methods may not be supported in later version, Use "
                   "methods prefixed with 'on_train' or 'on_eval' instead when using customized "
                   "callbacks.")
            if mode == "fit":
                raise ShapeError(msg)
            warnings.warn(msg)

    @staticmethod
    def _check_train_args(op, epoch, train_dataset, sink_size, initial_epoch):
        check_int(sink_size)
        check_positive_int(epoch)
        check_non_negative_int(initial_epoch)
        if initial_epoch >= epoch:
            raise ShapeError(f"For '{op}', the parameter 'epoch' must bigger than parameter "
                             f"'initial_epoch', but got the parameter 'epoch' is {epoch}, "
                             f"'initial_epoch' is {initial_epoch}.")
        _dataset_api(train_dataset, op)
        if train_dataset.get_dataset_size() == 0:
            raise ShapeError("There is no valid data in dataset, please check dataset file firstly.")
        if sink_size < -1 or sink_size == 0:
            raise ShapeError(f"For '{op}', The argument 'sink_size' must be -1 or positive, but got "
                             f"{sink_size}.")

    def train(self, epoch, train_dataset, callbacks=None, dataset_sink_mode=False, sink_size=-1,
              initial_epoch=0):
        """Trains for epochs ``initial_epoch + 1 .. epoch`` over ``train_dataset``, running
        ``callbacks`` (a Callback or a list). With ``dataset_sink_mode`` and ``sink_size > 0``
        the callbacks see ``batch_num = sink_size`` (the loop itself is the same, as on CPU)."""
        with naming("Model.train"):
            check_bool(dataset_sink_mode, "dataset_sink_mode")
            self._check_train_args("Model.train", epoch, train_dataset, sink_size, initial_epoch)
            self._check_callbacks(callbacks, "train")
        self._train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch)

    def fit(self, epoch, train_dataset, valid_dataset=None, valid_frequency=1, callbacks=None,
            dataset_sink_mode=False, valid_dataset_sink_mode=False, sink_size=-1, initial_epoch=0):
        """Trains as :meth:`train` and evaluates on ``valid_dataset`` after every
        ``valid_frequency``-th epoch (an int, or a list of epoch numbers); the results reach the
        callbacks as ``cb_params.metrics`` and ``cb_params.eval_results`` (with ``eval_loss``)."""
        with naming("Model.fit"):
            check_bool(dataset_sink_mode, "dataset_sink_mode")
            check_bool(valid_dataset_sink_mode, "valid_dataset_sink_mode")
            self._check_train_args("Model.fit", epoch, train_dataset, sink_size, initial_epoch)
            if isinstance(valid_frequency, bool) or not isinstance(valid_frequency, (int, list)):
                raise DTypeError("For 'Model.fit', the type of 'valid_frequency' must be a list or an "
                                 f"integer, but got type {type(valid_frequency)}.")
            if valid_dataset is not None and not self._metric_fns:
                raise ShapeError("For 'Model.fit', if valid_dataset is not None, the model argument "
                                 "'metrics' can not be None or empty, you should set the argument "
                                 "'metrics' for model.")
            self._check_callbacks(callbacks, "fit")
        self._train(epoch, train_dataset, callbacks, dataset_sink_mode, sink_size, initial_epoch,
                    (valid_dataset, valid_frequency))

    def _train(self, epoch, dataset, callbacks, sink_mode, sink_size, initial_epoch, valid=None):
        cb = _InternalCallbackParam()
        cb.cur_step_num = 0
        cb.train_network = self._train_network
        cb.epoch_num = epoch - initial_epoch
        cb.batch_num = sink_size if sink_mode and sink_size > 0 else dataset.get_dataset_size()
        self.batch_num = cb.batch_num
        cb.mode = "train"
        cb.loss_fn = self._loss_fn
        cb.optimizer = self._optimizer
        cb.parallel_mode = _get_apc("parallel_mode")
        cb.device_number = _get_group_size() if _data_parallel() else 1
        cb.train_dataset = dataset
        cb.list_callback = _rank0_checkpoints(_callback_list(callbacks))
        cb.train_dataset_element = None
        cb.network = self._network
        cb.last_save_ckpt_step = None
        cb.latest_ckpt_file = None
        cb.loss_scale_mananger = self._loss_scale_manager  # MindSpore's spelling
        cb.initial_step = None
        cb.dataset_sink_mode = False
        with _CallbackManager(cb.list_callback) as cbs:
            self._train_process(epoch, dataset, cbs, cb, initial_epoch, valid)

    def _train_process(self, epoch, dataset, cbs, cb, initial_epoch, valid):
        rows = dataset.create_tuple_iterator(num_epochs=epoch - initial_epoch)
        run_context = RunContext(cb)
        net = self._train_network
        net.set_train(True)
        cbs.on_train_begin(run_context)
        for i in range(initial_epoch, epoch):
            cb.cur_epoch_num = i + 1
            self._current_epoch_num = cb.cur_epoch_num
            self._current_step_num = 0
            cbs.on_train_epoch_begin(run_context)
            for row in rows:
                row = _as_tuple(row)
                if self._loss_fn is not None and len(row) != 2:
                    raise ShapeError("When 'loss_fn' is not None, 'train_dataset' should return two "
                                     f"elements, but got {len(row)}, please check the number of "
                                     "elements returned by 'train_dataset'")
                cb.cur_step_num += 1
                self._current_step_num = (cb.cur_step_num - 1) % cb.batch_num + 1
                cb.train_dataset_element = row
                cbs.on_train_step_begin(run_context)
                cb.net_outputs = net(*row)
                manager = self._loss_scale_manager
                if manager is not None and manager.get_drop_overflow_update():
                    # the host-side scale follows the step's overflow flag, as in MindSpore
                    manager.update_loss_scale(bool(cb.net_outputs[1].asnumpy().all()))
                cbs.on_train_step_end(run_context)
                if run_context.get_stop_requested():
                    break
            if valid is not None:
                self._eval_during_train(valid, cb, cbs)
            cbs.on_train_epoch_end(run_context)
            cb.pop("metrics", None)
            cb.pop("eval_results", None)
            if run_context.get_stop_requested():
                break
        cbs.on_train_end(run_context)

    def _eval_during_train(self, valid, cb, cbs):
        valid_dataset, frequency = valid
        if valid_dataset is None:
            return
        due = (cb.cur_epoch_num in frequency if isinstance(frequency, list)
               else cb.cur_epoch_num % frequency == 0)
        if not due:
            return
        saved = {k: cb[k] for k in ("cur_step_num", "batch_num", "dataset_sink_mode", "net_outputs")}
        # built-in callbacks other than TimeMonitor do not run during fit's evaluation
        eval_cbs = [c for c in cbs._callbacks
                    if type(c).__name__ not in _builtin_callbacks or isinstance(c, TimeMonitor)]
        cb.eval_network = self._eval_network
        cb.valid_dataset = valid_dataset
        cb.batch_num = valid_dataset.get_dataset_size()
        cb.mode = "eval"
        cb.cur_step_num = 0
        self._clear_metrics()
        with _CallbackManager(eval_cbs) as ecbs:
            self._eval_process(valid_dataset, ecbs, cb, add_eval_loss=True)
        cb.mode = "train"
        cb.update(saved)
        self._train_network.set_train(True)

    # -- evaluation and prediction -------------------------------------------------------------
    def eval(self, valid_dataset, callbacks=None, dataset_sink_mode=False):
        """Runs the evaluation cell over ``valid_dataset`` and returns a dict metric name →
        value."""
        with naming("Model.eval"):
            check_bool(dataset_sink_mode, "dataset_sink_mode")
            if not self._metric_fns:
                raise ShapeError("For Model.eval, the model argument 'metrics' can not be None or empty, "
                                 "you should set the argument 'metrics' for model.")
            _dataset_api(valid_dataset, "Model.eval")
            self._check_callbacks(callbacks, "eval")
        cb = _InternalCallbackParam()
        cb.eval_network = self._eval_network
        cb.valid_dataset = valid_dataset
        cb.batch_num = valid_dataset.get_dataset_size()
        cb.mode = "eval"
        cb.cur_step_num = 0
        cb.list_callback = _callback_list(callbacks)
        cb.network = self._network
        self._clear_metrics()
        with _CallbackManager(cb.list_callback) as cbs:
            return self._eval_process(valid_dataset, cbs, cb)

    def _eval_process(self, dataset, cbs, cb, add_eval_loss=False):
        run_context = RunContext(cb)
        cb.dataset_sink_mode = False
        net = self._eval_network
        cbs.on_eval_begin(run_context)
        cbs.on_eval_epoch_begin(run_context)
        last_loss = None
        net.set_train(False)
        for row in dataset.create_tuple_iterator(num_epochs=1):
            cb.cur_step_num += 1
            row = _as_tuple(row)
            cb.eval_dataset_element = row
            cbs.on_eval_step_begin(run_context)
            outputs = net(*row)
            cb.net_outputs = outputs
            cbs.on_eval_step_end(run_context)
            self._update_metrics(outputs)
            if add_eval_loss:
                last_loss = _as_tuple(outputs)[self._eval_indexes[0] if self._eval_indexes else 0]
            if run_context.get_stop_requested():
                break
        cbs.on_eval_epoch_end(run_context)
        metrics = self._get_metrics()
        cb.metrics = metrics
        if add_eval_loss:
            # MindSpore 2.10's fit reports the last batch's loss as 'eval_loss' (its Loss metric
            # is made anew at every step); so do we, so that EarlyStopping acts the same.
            cb.eval_results = dict(metrics, eval_loss=Loss()(last_loss) if last_loss is not None
                                   else None)
        cbs.on_eval_end(run_context)
        return metrics

    def predict(self, *predict_data, backend=None, config=None):
        """``network(*predict_data)`` in evaluation mode. Inputs are Tensors (not empty), None,
        ints, floats or strings."""
        with naming("Model.predict"):
            if backend not in ("lite", None):
                raise ShapeError(f"For Model.predict, `backend` should be 'lite' or None, but got {backend}")
            for item in predict_data:
                if item is None:
                    continue
                if isinstance(item, Tensor):
                    if item.size == 0:
                        raise ShapeError("The input data can not be empty.")
                    continue
                if not isinstance(item, (int, float, str)):
                    raise DTypeError("The types of input data must be in the Union(Tensor, None, int, "
                                     f"float, str), but got type {type(item).__name__}.")
        self._predict_network.set_train(False)
        return self._predict_network(*predict_data)


def _dataset_api(dataset, op):
    for attr in ("create_tuple_iterator", "get_dataset_size"):
        if not callable(getattr(dataset, attr, None)):
            raise DTypeError(f"For '{op}', the dataset must be a mindspore.dataset dataset (with "
                             f"'{attr}'), but got {type(dataset).__name__}.")
