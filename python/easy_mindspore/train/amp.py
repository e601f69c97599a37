"""Automatic mixed precision (``mindspore.amp.auto_mixed_precision``,
``build_train_network``, ``custom_mixed_precision``, the white and black lists), with
MindSpore 2.x's levels:

- ``O0``: nothing changes.
- ``O1``: the white-listed cells (convolutions, ``Dense``, the recurrent cells) run in
  Float16, each output cast back to Float32; white-listed primitives held by a cell as
  attributes (``self.matmul = ops.MatMul()``) likewise. (MindSpore rewrites the network's
  source to also cast white-listed primitives called inline; functional ``ops.matmul`` calls
  stay in their input dtype here.)
- ``O2``: the whole network runs in Float16 except the black-listed cells (BatchNorm,
  LayerNorm), which run in Float32 with their output cast to Float16; the network's output
  is cast to Float32. ``build_train_network`` adds dynamic loss scaling at this level.
- ``O3``: the whole network in Float16, its output cast to Float32.
- ``auto``: as ``O1`` here (MindSpore decides per primitive: its white-listed primitives in
  Float16, its black-listed ones in Float32).

Running in Float16 is ``Cell.to_float`` (``nn/_mixed_precision.py``): inputs and the cells'
own Parameters are cast on each call; the Parameters stay Float32 (the master weights)."""
import warnings

from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .. import nn
from ..nn._mixed_precision import cast_floats
from ..nn.cell import Cell
from ..nn.wrap import _attach, _Unprefixed
from ..ops import operations as _P
from .loss_scale_manager import DynamicLossScaleManager, LossScaleManager

__all__ = ["auto_mixed_precision", "build_train_network", "custom_mixed_precision",
           "get_white_list", "get_black_list"]


def _present(module, names):
    return [getattr(module, n) for n in names if hasattr(module, n)]


# MindSpore 2.x's lists (the members this package has)
AMP_WHITE_LIST = (_present(nn, ["Conv1d", "Conv2d", "Conv3d", "Conv1dTranspose", "Conv2dTranspose",
                                "Conv3dTranspose", "Dense", "LSTMCell", "RNNCell", "GRUCell"])
                  + _present(_P, ["Conv2D", "Conv3D", "Conv2DTranspose", "Conv3DTranspose",
                                  "Conv2DBackpropInput", "MatMul", "BatchMatMul", "PReLU",
                                  "ReLU", "Ger"]))
AMP_BLACK_LIST = _present(nn, ["BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm"])
_LEVELS = ["O0", "O1", "O2", "O3", "auto"]


class _OutputTo16(_Unprefixed):
    """Runs ``backbone`` and casts its float outputs to ``dtype`` (a black-listed cell inside a
    Float16 network)."""

    def __init__(self, backbone, dtype=mstype.float16):
        super().__init__(auto_prefix=False)
        _attach(self, "_backbone", backbone)
        self.dtype = dtype

    def construct(self, *args, **kwargs):
        return cast_floats(self._backbone(*args, **kwargs), self.dtype)


class _OutputTo32(_Unprefixed):
    """Runs ``backbone`` and casts its float outputs to Float32."""

    def __init__(self, backbone):
        super().__init__(auto_prefix=False)
        _attach(self, "_backbone", backbone)

    def construct(self, *args, **kwargs):
        return cast_floats(self._backbone(*args, **kwargs), mstype.float32)


class _CastPrimitive:
    """A white-listed primitive held by a cell, called with its float inputs in ``dtype`` and
    its output cast to Float32."""

    def __init__(self, prim, dtype):
        self.prim, self.dtype = prim, dtype

    def __call__(self, *args, **kwargs):
        out = self.prim(*cast_floats(args, self.dtype),
                        **{k: cast_floats(v, self.dtype) for k, v in kwargs.items()})
        return cast_floats(out, mstype.float32)

    def __getattr__(self, name):
        return getattr(self.__dict__["prim"], name)


def _set_by_user(cell):
    return cell.__dict__.get("_amp_dtype") is not None


def _replace_child(parent, name, new):
    parent._registries()[1][name] = new
    object.__setattr__(parent, name, new)


def _white_list_pass(network, white_list, dtype):
    """``O1``: each white-listed cell runs in ``dtype`` with its output cast to Float32."""
    cells = [c for c in white_list if isinstance(c, type) and issubclass(c, Cell)]
    prims = tuple(p for p in white_list if p not in cells)

    def visit(cell):
        for name, value in list(cell.__dict__.items()):
            if prims and isinstance(value, prims):
                object.__setattr__(cell, name, _CastPrimitive(value, dtype))
        for name, child in list(cell._registries()[1].items()):
            if child is None or _set_by_user(child):
                continue
            if isinstance(child, tuple(cells)):
                _replace_child(cell, name, _OutputTo32(child.to_float(dtype)))
            else:
                visit(child)

    if isinstance(network, tuple(cells)) and not _set_by_user(network):
        return _OutputTo32(network.to_float(dtype))
    visit(network)
    return network


def _black_list_pass(network, black_list, dtype):
    """The whole network in ``dtype``, each black-listed cell in Float32 with its output cast
    back to ``dtype``."""
    network.to_float(dtype)

    def visit(cell):
        for name, child in list(cell._registries()[1].items()):
            if child is None:
                continue
            if isinstance(child, tuple(black_list)):
                _replace_child(cell, name, _OutputTo16(child.to_float(mstype.float32), dtype))
            else:
                visit(child)

    visit(network)
    return network


def auto_mixed_precision(network, amp_level="O0", dtype=mstype.float16):
    """Returns ``network`` set up for mixed precision at ``amp_level`` (see the module doc:
    ``O0``, ``O1``, ``O2``, ``O3``, ``auto``). The network is changed in place; the returned
    cell may be a wrapper that casts its output to Float32.

    Args:
        network (Cell): The network.
        amp_level (str, optional): ``'O0'``, ``'O1'``, ``'O2'``, ``'O3'`` or ``'auto'``.
            Default: ``'O0'``.
        dtype (mindspore.dtype, optional): ``mstype.float16`` or ``mstype.bfloat16``.
            Default: ``mstype.float16``.

    Returns:
        Cell, the network to call.

    Raises:
        TypeError: ``network`` is not a Cell.
        ValueError: ``dtype`` is not Float16/BFloat16; an unknown ``amp_level``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import amp, nn
        >>> net = nn.SequentialCell(nn.Dense(3, 4), nn.BatchNorm1d(4), nn.ReLU())
        >>> net = amp.auto_mixed_precision(net, "O2")
        >>> out = net(ms.Tensor(np.ones((2, 3), np.float32)))
        >>> print(out.dtype, net.trainable_params()[0].dtype)
        Float32 Float32
    """
    if not isinstance(network, Cell):
        raise DTypeError(f"For amp_level '{amp_level}', the network type should be Cell.")
    if dtype not in (mstype.float16, mstype.bfloat16):
        raise ShapeError(f"For 'auto_mixed_precision', the dtype should be one of (mstype.float16, "
                         f"mstype.bfloat16), but got {dtype}.")
    if amp_level == "O0":
        return network
    if not isinstance(amp_level, str) or amp_level not in _LEVELS:
        raise ShapeError(f"For 'auto_mixed_precision', the amp level {amp_level} is not supported")
    if getattr(network, "_amp_level", None) in ("O1", "O2", "O3", "auto"):
        warnings.warn(f"The network's auto mixed-precision level is adjusted from "
                      f"{network._amp_level} to {amp_level}, and repeated calls to "
                      f"mixed-precision interfaces can cause performance degradation.")
    if amp_level in ("O1", "auto"):
        network = _white_list_pass(network, AMP_WHITE_LIST, dtype)
    elif amp_level == "O2":
        network = _OutputTo32(_black_list_pass(network, AMP_BLACK_LIST, dtype))
    else:
        network = _OutputTo32(network.to_float(dtype))
    object.__setattr__(network, "_amp_level", amp_level)
    return network


def custom_mixed_precision(network, *, white_list=None, black_list=None, dtype=mstype.float16):
    """Mixed precision with your own list: with ``white_list`` (Cell and primitive classes)
    as ``O1`` with that list; with ``black_list`` (Cell classes) as ``O2`` with that list.

    Args:
        network (Cell): The network.
        white_list (list, optional): Classes to run in ``dtype``. Default: ``None``.
        black_list (list, optional): Cell classes to keep in Float32. Default: ``None``.
        dtype (mindspore.dtype, optional): ``mstype.float16`` or ``mstype.bfloat16``.
            Default: ``mstype.float16``.

    Returns:
        Cell, the network to call.

    Raises:
        TypeError: ``network`` is not a Cell; a list that is not a list of classes.
        ValueError: both or neither list given; another ``dtype``.

    Examples:
        >>> from mindspore import amp, nn
        >>> net = amp.custom_mixed_precision(nn.SequentialCell(nn.Dense(3, 4), nn.ReLU()),
        ...                                  black_list=amp.get_black_list())
        >>> print(type(net).__name__)
        _OutputTo32
    """
    if not isinstance(network, Cell):
        raise DTypeError("For 'custom_mixed_precision', the network type should be Cell.")
    if (white_list is None) == (black_list is None):
        raise ShapeError("For custom_mixed_precision, one of white_list and black_list must be "
                         "provided.")
    if dtype not in (mstype.float16, mstype.bfloat16):
        raise ShapeError(f"For 'custom_mixed_precision', the dtype should be one of "
                         f"(mstype.float16, mstype.bfloat16), but got {dtype}.")
    name, classes = ("white_list", white_list) if white_list is not None else ("black_list",
                                                                               black_list)
    if not isinstance(classes, list):
        raise DTypeError(f"The type of {name} should be list, but got {type(classes)}")
    for c in classes:
        if not isinstance(c, type):
            raise DTypeError(f"The element in {name} should be a class, but got {c}")
        if name == "black_list" and not issubclass(c, Cell):
            raise DTypeError(f"The subclass of element in black_list should be one of 'Cell', but "
                             f"got {c}")
    if white_list is not None:
        return _white_list_pass(network, white_list, dtype)
    return _OutputTo32(_black_list_pass(network, black_list, dtype))


def get_white_list():
    """A copy of the ``O1`` white list (Cell and primitive classes).

    Returns:
        list, the classes.

    Examples:
        >>> from mindspore import amp, nn
        >>> nn.Dense in amp.get_white_list()
        True
    """
    return list(AMP_WHITE_LIST)


def get_black_list():
    """A copy of the ``O2`` black list (BatchNorm and LayerNorm classes).

    Returns:
        list, the classes.

    Examples:
        >>> from mindspore import amp, nn
        >>> nn.LayerNorm in amp.get_black_list()
        True
    """
    return list(AMP_BLACK_LIST)


# level -> (keep_batchnorm_fp32, cast_model_type, makes a loss-scale manager)
_CONFIG = {"O0": (False, mstype.float32, False), "O1": (False, mstype.float32, False),
           "O2": (True, mstype.float16, True), "O3": (False, mstype.float16, False),
           "auto": (False, mstype.float32, False)}


def _check_kwargs(kwargs):
    for arg in kwargs:
        if arg not in ("cast_model_type", "keep_batchnorm_fp32", "loss_scale_manager"):
            raise ShapeError(f"For 'build_train_network', unsupported arg '{arg}'")
    if "cast_model_type" in kwargs and kwargs["cast_model_type"] not in (mstype.float16,
                                                                        mstype.float32):
        raise DTypeError(f"For 'build_train_network', 'cast_model_type' must be float16 or "
                         f"float32, but got {kwargs['cast_model_type']}.")
    if "keep_batchnorm_fp32" in kwargs and not isinstance(kwargs["keep_batchnorm_fp32"], bool):
        raise DTypeError(f"For 'build_train_network', the type of 'keep_batchnorm_fp32' should be "
                         f"bool, but got {type(kwargs['keep_batchnorm_fp32']).__name__}.")
    lsm = kwargs.get("loss_scale_manager")
    if lsm is not None and not isinstance(lsm, LossScaleManager):
        raise DTypeError(f"For 'build_train_network', the type of 'loss_scale_manager' should be "
                         f"one of '['LossScaleManager']', but got type '{type(lsm).__name__}'.")


def check_levels(op, level, boost_level):
    """MindSpore's checks of ``level``/``amp_level`` and ``boost_level``."""
    if not isinstance(level, str):
        raise DTypeError(f"For '{op}', the argument `level` must be a string in ['O0', 'O1', "
                         f"'O2', 'O3', 'auto'], but got type {type(level)}.")
    if level not in _LEVELS:
        raise ShapeError(f"For '{op}', the 'level' should be in : {_LEVELS}, but got {level}.")
    if boost_level not in ("O0", "O1", "O2"):
        raise ShapeError(f"For '{op}', the 'boost_level' should be in : ['O0', 'O1', 'O2'], but "
                         f"got {boost_level}.")


class _AmpWithLossCell(_Unprefixed):
    """``loss_fn(float32(backbone(data)), float32(label))``: the loss of a Float16 network
    computed in Float32."""

    def __init__(self, backbone, loss_fn):
        super().__init__(auto_prefix=False)
        _attach(self, "_backbone", backbone)
        _attach(self, "_loss_fn", loss_fn)

    def construct(self, data, label):
        out = cast_floats(self._backbone(data), mstype.float32)
        return self._loss_fn(out, cast_floats(label, mstype.float32))


def _amp_process(network, keep_bn_fp32, cast_model_type, level):
    if cast_model_type == mstype.float16:
        network.to_float(mstype.float16)
        if keep_bn_fp32:
            _black_list_pass(network, AMP_BLACK_LIST, mstype.float16)
        return network
    if not keep_bn_fp32 and level == "O2":
        return network.to_float(mstype.float16)
    if level in ("O2", "O3"):  # cast_model_type=float32 given for a Float16 level
        return network
    return auto_mixed_precision(network, level)


def build_train_network(network, optimizer, loss_fn=None, level="O0", boost_level="O0",
                        **kwargs):
    """The training step of ``network`` at mixed-precision ``level``: the network converted
    (see the module doc), its loss in Float32, and a ``TrainOneStepCell`` — or, with a
    loss-scale manager that drops overflowing steps (``O2``'s default
    ``DynamicLossScaleManager``, a ``FixedLossScaleManager`` with
    ``drop_overflow_update=True``), a ``TrainOneStepWithLossScaleCell`` with the manager's
    update cell. A ``FixedLossScaleManager(drop_overflow_update=False)`` gives a
    ``TrainOneStepCell`` with ``sens`` = its scale. (MindSpore 2.10 on CPU raises a
    ValueError for the managers that drop steps; here they run.)

    Args:
        network (Cell): The network.
        optimizer (Optimizer): Its optimizer.
        loss_fn (Cell, optional): The loss; None when ``network`` returns it. Default:
            ``None``.
        level (str, optional): ``'O0'``, ``'O1'``, ``'O2'``, ``'O3'`` or ``'auto'``.
            Default: ``'O0'``.
        boost_level (str, optional): ``'O0'``, ``'O1'`` or ``'O2'``; accepted, no boosting is
            done. Default: ``'O0'``.
        **kwargs: ``cast_model_type`` (Float16/Float32), ``keep_batchnorm_fp32`` (bool),
            ``loss_scale_manager`` (a ``LossScaleManager`` or None), overriding the level's.

    Returns:
        Cell, the training step, in training mode.

    Raises:
        TypeError: ``optimizer`` is not an Optimizer; a bad kwarg type.
        ValueError: an unknown level or kwarg.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import amp, nn
        >>> net = nn.Dense(3, 1)
        >>> opt = nn.SGD(net.trainable_params(), 0.01)
        >>> step = amp.build_train_network(net, opt, nn.MSELoss(), level="O2")
        >>> loss, overflow, scale = step(ms.Tensor(np.ones((2, 3), np.float32)),
        ...                              ms.Tensor(np.zeros((2, 1), np.float32)))
        >>> print(type(step).__name__, loss.dtype, overflow.dtype, scale.dtype)
        TrainOneStepWithLossScaleCell Float32 Bool Float32
    """
    if not isinstance(optimizer, nn.Optimizer):
        raise DTypeError(f"For 'build_train_network', the type of 'optimizer' should be one of "
                         f"'['Optimizer']', but got type '{type(optimizer).__name__}'.")
    check_levels("build_train_network", level, boost_level)
    _check_kwargs(kwargs)
    keep_bn, cast_type, makes_manager = _CONFIG[level]
    keep_bn = kwargs.get("keep_batchnorm_fp32", keep_bn)
    cast_type = kwargs.get("cast_model_type", cast_type)
    manager = (kwargs["loss_scale_manager"] if "loss_scale_manager" in kwargs
               else DynamicLossScaleManager() if makes_manager else None)
    network = _amp_process(network, keep_bn, cast_type, level)
    if loss_fn:
        if not isinstance(loss_fn, Cell):
            raise DTypeError(f"For 'build_train_network', the type of 'loss_fn' should be Cell, "
                             f"but got {type(loss_fn).__name__}.")
        if cast_type in (mstype.float16, mstype.bfloat16) or getattr(
                network, "_amp_level", None) in ("O2", "O3", "auto"):
            network = _AmpWithLossCell(network, loss_fn)
        else:
            network = nn.WithLossCell(network, loss_fn)
    loss_scale = None
    if manager is not None:
        loss_scale = manager.get_loss_scale()
        update_cell = manager.get_update_cell()
        if update_cell is not None:
            return nn.TrainOneStepWithLossScaleCell(network, optimizer,
                                                    scale_sense=update_cell).set_train()
    return nn.TrainOneStepCell(network, optimizer, loss_scale).set_train()
