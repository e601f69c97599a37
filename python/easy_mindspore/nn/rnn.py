"""Recurrent layers: ``nn.RNN``, ``nn.GRU``, ``nn.LSTM`` and the one-step cells ``nn.RNNCell``,
``nn.GRUCell``, ``nn.LSTMCell``. Each is a Python Cell around the engine's recurrent layer
(``easy_mindspore::nn::Rnn`` / ``RnnCell``): the maths, the shape checks and the Parameters live
in Rust; these classes check MindSpore's arguments and the structure of ``hx``.

MindSpore's layout and names: input ``(seq_len, batch, input_size)`` (``batch_first`` swaps the
first two axes), state ``(num_layers * num_directions, batch, hidden_size)``; gates stacked
``(i, f, g, o)`` for LSTM and ``(r, z, n)`` for GRU; Parameters ``weight_ih_l{k}``,
``weight_hh_l{k}``, ``bias_ih_l{k}``, ``bias_hh_l{k}`` (``..._reverse`` for the backward
direction), all drawn from ``U(-1/sqrt(hidden_size), 1/sqrt(hidden_size))`` as MindSpore draws
them, from NumPy's global generator (so ``mindspore.set_seed`` gives MindSpore's values).
"""
import math

import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import Uniform, initializer
from ..common.parameter import ParameterTuple
from .layer import _NativeCell

__all__ = ["RNN", "GRU", "LSTM", "RNNCell", "GRUCell", "LSTMCell"]


def _positive_int(v, layer, what):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{layer}', the '{what}' must be int, but got '{type(v).__name__}'")
    if v <= 0:
        raise ShapeError(f"For '{layer}', the '{what}' must be int and must > 0, but got '{v}'")
    return int(v)


# Weight elements past which a recurrent layer is refused before any buffer is made (2**40:
# terabytes, never allocatable; MindSpore's NumPy initialisation fails with a ValueError too).
_MAX_WEIGHTS = 1 << 40


def _check_weight_count(layer, input_size, hidden_size, num_layers, gates, bidirectional):
    """A ValueError naming ``layer`` when its weights would have more than ``_MAX_WEIGHTS``
    elements (the sizes are Python ints: no overflow)."""
    dirs = 2 if bidirectional else 1
    first = gates * hidden_size * (input_size + hidden_size + 2)
    rest = gates * hidden_size * (dirs * hidden_size + hidden_size + 2)
    total = dirs * (first + (num_layers - 1) * rest)
    if total > _MAX_WEIGHTS:
        raise ShapeError(f"For '{layer}', the weights of {num_layers} layer(s) with input_size "
                         f"{input_size} and hidden_size {hidden_size} would have {total} elements, "
                         f"more than {_MAX_WEIGHTS}.")


def _bool(v, layer, what):
    if not isinstance(v, (bool, _np.bool_)):
        raise DTypeError(f"For '{layer}', the type of '{what}' should be 'bool', but got type "
                         f"'{type(v).__name__}'.")
    return bool(v)


def _nonlinearity(v, layer):
    if not isinstance(v, str) or v not in ("tanh", "relu"):
        raise ShapeError(f"For '{layer}', the 'nonlinearity' must be in ['tanh', 'relu'], but got {v}.")
    return v


def _tensor_or_none(v, layer, what):
    if v is not None and not isinstance(v, Tensor):
        raise DTypeError(f"For '{layer}', the '{what}' must be a Tensor, but got {type(v).__name__}")
    return v


def _pair(hx, layer):
    """``(h, c)`` from an LSTM state: a tuple (or list) of two Tensors."""
    if not isinstance(hx, (tuple, list)):
        raise DTypeError(f"For '{layer}', the 'hx' must be a tuple (h, c) of Tensors, but got "
                         f"{type(hx).__name__}")
    if len(hx) != 2:
        raise DTypeError(f"For '{layer}', the length of 'hx' must be '2', but got '{len(hx)}'")
    return (_tensor_or_none(hx[0], layer, "hx[0]"), _tensor_or_none(hx[1], layer, "hx[1]"))


def _mindspore_layer_values(cell, num_layers, directions, has_bias, dtype):
    """MindSpore's initial values of a stacked RNN's weights, drawn as it draws them: straight
    from NumPy's global generator, ``uniform(-1/√H, 1/√H)`` per weight (layer by layer, each
    direction's ``weight_ih``, ``weight_hh``, ``bias_ih``, ``bias_hh``), rounded to Float32."""
    params = cell._registries()[0]
    stdv = 1 / math.sqrt(cell.hidden_size)
    kinds = ("weight_ih", "weight_hh") + (("bias_ih", "bias_hh") if has_bias else ())
    for layer in range(num_layers):
        for direction in range(directions):
            for kind in kinds:
                p = params[f"{kind}_l{layer}{'_reverse' if direction else ''}"]
                values = _np.random.uniform(-stdv, stdv, p.shape).astype(_np.float32)
                p.set_data(Tensor(values).astype(dtype))


def _mindspore_cell_values(cell, dtype):
    """MindSpore's initial values of a one-step cell's weights: it fills each with NumPy's
    ``randn`` and then redraws each with ``Uniform(1/√H)`` (one seed each), so both draws
    advance NumPy's global generator."""
    params = [p for _, p in cell._registries()[0].items()]
    for p in params:
        _np.random.randn(*p.shape)
    for p in params:
        p.set_data(initializer(Uniform(1 / math.sqrt(cell.hidden_size)), p.shape, dtype))


class _RNNBase(_NativeCell):
    """The stacked layers shared by ``RNN``, ``GRU`` and ``LSTM``."""

    _gru = False
    _lstm = False

    def __init__(self, input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, dtype=mstype.float32, nonlinearity="tanh"):
        super().__init__()
        name = type(self).__name__
        self.input_size = _positive_int(input_size, name, "input_size")
        self.hidden_size = _positive_int(hidden_size, name, "hidden_size")
        self.num_layers = _positive_int(num_layers, name, "num_layers")
        self.has_bias = _bool(has_bias, name, "has_bias")
        self.batch_first = _bool(batch_first, name, "batch_first")
        self.bidirectional = _bool(bidirectional, name, "bidirectional")
        if isinstance(dropout, bool) or not isinstance(dropout, (int, float, _np.floating, _np.integer)):
            raise DTypeError(f"For '{name}', the type of 'dropout' must be 'float', but got "
                             f"'{type(dropout).__name__}'")
        if not 0 <= dropout < 1:
            raise ShapeError(f"For '{name}', the 'dropout' must be a number in range [0, 1) "
                             f"representing the probability of an element being zeroed, but got "
                             f"{dropout}.")
        self.dropout = float(dropout)
        self.is_lstm = self._lstm
        _check_weight_count(name, self.input_size, self.hidden_size, self.num_layers,
                            4 if self._lstm else 3 if self._gru else 1, self.bidirectional)
        self._bind(_C.rnn_layer(self.input_size, self.hidden_size, nonlinearity, self._gru,
                                self._lstm, self.num_layers, self.has_bias, self.batch_first,
                                self.dropout, self.bidirectional, dtype))
        _mindspore_layer_values(self, self.num_layers, 2 if self.bidirectional else 1,
                                self.has_bias, dtype)
        # MindSpore also keeps the Parameters grouped by kind, in these tuples.
        for attr, kind in (("w_ih_list", "weight_ih"), ("w_hh_list", "weight_hh"),
                           ("b_ih_list", "bias_ih"), ("b_hh_list", "bias_hh")):
            group = [p for n, p in self._registries()[0].items() if n.startswith(kind)]
            object.__setattr__(self, attr, ParameterTuple(group))

    def construct(self, x, hx=None, seq_length=None):
        """``(output, h_n)``; LSTM: ``(output, (h_n, c_n))``."""
        name = type(self).__name__
        _tensor_or_none(x, name, "x")
        if x is None:
            raise DTypeError(f"For '{name}', the 'x' must be a Tensor, but got NoneType")
        _tensor_or_none(seq_length, name, "seq_length")
        if self._lstm:
            h, c = (None, None) if hx is None else _pair(hx, name)
            if (h is None) != (c is None):
                raise DTypeError(f"For '{name}', 'hx' must hold two Tensors (h, c)")
            out, h_n, c_n = self._native(x, h, c, seq_length)
            return out, (h_n, c_n)
        out, h_n, _ = self._native(x, _tensor_or_none(hx, name, "hx"), None, seq_length)
        return out, h_n

    def __repr__(self):
        # MindSpore 2.10 prints the layer with its two inner cells, in parentheses.
        inner = {"RNN": "_DynamicRNNRelu" if getattr(self, "_relu", False) else "_DynamicRNNTanh",
                 "GRU": "_DynamicGRUCPUGPU", "LSTM": "_DynamicLSTMCPUGPU"}
        kind = "LSTM" if self._lstm else "GRU" if self._gru else "RNN"
        return (f"{type(self).__name__}(\n  (rnn): {inner[kind]}()\n"
                f"  (dropout_op): Dropout(p={self.dropout})\n)")


class RNN(_RNNBase):
    r"""Stacked Elman RNN layers: ``h_t = act(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)`` with
    ``act`` tanh (default) or ReLU.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        num_layers (int): Stacked layers. Default: ``1``.
        has_bias (bool): Biases ``b_ih`` and ``b_hh``. Default: ``True``.
        batch_first (bool): Input and output ``(batch, seq_len, feature)``. Default: ``False``.
        dropout (float): Dropout on the outputs of every layer but the last, in training mode.
            Default: ``0.0``.
        bidirectional (bool): Add a backward direction. Default: ``False``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.
        nonlinearity (str): ``'tanh'`` or ``'relu'``, keyword only (as in MindSpore). Default:
            ``'tanh'``.

    Inputs:
        - **x** (Tensor) - ``(seq_len, batch, input_size)`` (or batch first), a float dtype.
        - **hx** (Tensor) - ``(num_directions * num_layers, batch, hidden_size)``, the dtype of
          ``x``. Default: ``None`` (zeros).
        - **seq_length** (Tensor) - Int32/Int64 ``(batch,)``: steps at or past a sequence's
          length output zeros and leave its state unchanged. Default: ``None``.

    Returns:
        Tuple ``(output, h_n)``: ``output`` ``(seq_len, batch, num_directions * hidden_size)``
        (or batch first), ``h_n`` ``(num_directions * num_layers, batch, hidden_size)``.

    Raises:
        TypeError: An argument of the wrong type, a non-float ``x``, ``hx`` of another dtype.
        ValueError: A non-positive size, ``dropout`` outside ``[0, 1)``, an unknown
            ``nonlinearity``, ``x`` or ``hx`` of the wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.RNN(10, 16, 2, batch_first=True)
        >>> x = ms.Tensor(np.ones([3, 5, 10]).astype(np.float32))
        >>> output, hn = net(x, ms.Tensor(np.ones([2, 3, 16]).astype(np.float32)))
        >>> print(output.shape, hn.shape)
        (3, 5, 16) (2, 3, 16)
    """

    def __init__(self, input_size, hidden_size, num_layers=1, has_bias=True, batch_first=False,
                 dropout=0.0, bidirectional=False, dtype=mstype.float32, *, nonlinearity="tanh"):
        _nonlinearity(nonlinearity, "RNN")
        super().__init__(input_size, hidden_size, num_layers, has_bias, batch_first, dropout,
                         bidirectional, dtype, nonlinearity)
        object.__setattr__(self, "_relu", nonlinearity == "relu")


class GRU(_RNNBase):
    r"""Stacked GRU layers. With gates ``r, z, n`` (stacked in that order in the weights):
    ``r = σ(W_ir x + b_ir + W_hr h + b_hr)``, ``z = σ(W_iz x + b_iz + W_hz h + b_hz)``,
    ``n = tanh(W_in x + b_in + r * (W_hn h + b_hn))``, ``h' = (1 - z) * n + z * h``.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        num_layers (int): Stacked layers. Default: ``1``.
        has_bias (bool): Biases. Default: ``True``.
        batch_first (bool): Input and output ``(batch, seq_len, feature)``. Default: ``False``.
        dropout (float): Dropout between layers, in training mode. Default: ``0.0``.
        bidirectional (bool): Add a backward direction. Default: ``False``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``(seq_len, batch, input_size)`` (or batch first).
        - **hx** (Tensor) - ``(num_directions * num_layers, batch, hidden_size)``. Default: zeros.
        - **seq_length** (Tensor) - Int32/Int64 ``(batch,)``. Default: ``None``.

    Returns:
        Tuple ``(output, h_n)``, shapes as :class:`RNN`'s.

    Raises:
        TypeError: An argument of the wrong type, a non-float ``x``, ``hx`` of another dtype.
        ValueError: A non-positive size, ``dropout`` outside ``[0, 1)``, a wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.GRU(10, 16, 2, batch_first=True)
        >>> x = ms.Tensor(np.ones([3, 5, 10]).astype(np.float32))
        >>> output, hn = net(x)
        >>> print(output.shape, hn.shape)
        (3, 5, 16) (2, 3, 16)
    """

    _gru = True


class LSTM(_RNNBase):
    r"""Stacked LSTM layers. With gates ``i, f, g, o`` (stacked in that order in the weights):
    ``c' = σ(f) * c + σ(i) * tanh(g)``, ``h' = σ(o) * tanh(c')``.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        num_layers (int): Stacked layers. Default: ``1``.
        has_bias (bool): Biases. Default: ``True``.
        batch_first (bool): Input and output ``(batch, seq_len, feature)``. Default: ``False``.
        dropout (float): Dropout between layers, in training mode. Default: ``0.0``.
        bidirectional (bool): Add a backward direction. Default: ``False``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``(seq_len, batch, input_size)`` (or batch first).
        - **hx** (tuple) - ``(h_0, c_0)``, each ``(num_directions * num_layers, batch,
          hidden_size)``. Default: zeros.
        - **seq_length** (Tensor) - Int32/Int64 ``(batch,)``. Default: ``None``.

    Returns:
        Tuple ``(output, (h_n, c_n))``, shapes as :class:`RNN`'s.

    Raises:
        TypeError: ``hx`` not a pair of Tensors, a non-float ``x``, a dtype mismatch.
        ValueError: A non-positive size, ``dropout`` outside ``[0, 1)``, a wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.LSTM(10, 16, 2, bidirectional=True)
        >>> x = ms.Tensor(np.ones([5, 3, 10]).astype(np.float32))
        >>> output, (hn, cn) = net(x)
        >>> print(output.shape, hn.shape, cn.shape)
        (5, 3, 32) (4, 3, 16) (4, 3, 16)
    """

    _lstm = True


class _CellBase(_NativeCell):
    """The one-step cells."""

    _gru = False
    _lstm = False

    def __init__(self, input_size, hidden_size, has_bias=True, nonlinearity="tanh",
                 dtype=mstype.float32):
        super().__init__()
        name = type(self).__name__
        self.input_size = _positive_int(input_size, name, "input_size")
        self.hidden_size = _positive_int(hidden_size, name, "hidden_size")
        self.has_bias = _bool(has_bias, name, "has_bias")
        _check_weight_count(name, self.input_size, self.hidden_size, 1,
                            4 if self._lstm else 3 if self._gru else 1, False)
        self._bind(_C.rnn_cell(self.input_size, self.hidden_size, self.has_bias, nonlinearity,
                               self._gru, self._lstm, dtype))
        _mindspore_cell_values(self, dtype)
        if not self.has_bias:
            object.__setattr__(self, "bias_ih", None)
            object.__setattr__(self, "bias_hh", None)

    def construct(self, x, hx):
        name = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{name}', the 'x' must be a Tensor, but got {type(x).__name__}")
        if self._lstm:
            h, c = _pair(hx, name)
            return self._native(x, h, c)
        if not isinstance(hx, Tensor):
            raise DTypeError(f"For '{name}', the 'hx' must be a Tensor, but got {type(hx).__name__}")
        return self._native(x, hx)[0]

    def __repr__(self):
        # MindSpore 2.10 prints the cells without arguments: ``GRUCell()``.
        return f"{type(self).__name__}()"


class RNNCell(_CellBase):
    r"""One Elman RNN step: ``h' = act(W_ih x + b_ih + W_hh h + b_hh)``, ``act`` tanh or ReLU.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        has_bias (bool): Biases ``b_ih``, ``b_hh``. Default: ``True``.
        nonlinearity (str): ``'tanh'`` or ``'relu'``. Default: ``'tanh'``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``(batch, input_size)``, a float dtype.
        - **hx** (Tensor) - ``(batch, hidden_size)``, the dtype of ``x``.

    Returns:
        Tensor ``(batch, hidden_size)``.

    Raises:
        TypeError: A non-Tensor input, a non-float ``x``, ``hx`` of another dtype.
        ValueError: A non-positive size, an unknown ``nonlinearity``, a wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.RNNCell(10, 16)
        >>> x = ms.Tensor(np.ones([5, 3, 10]).astype(np.float32))
        >>> hx = ms.Tensor(np.ones([3, 16]).astype(np.float32))
        >>> for i in range(5):
        ...     hx = net(x[i], hx)
        >>> print(hx.shape)
        (3, 16)
    """

    def __init__(self, input_size, hidden_size, has_bias=True, nonlinearity="tanh",
                 dtype=mstype.float32):
        if not isinstance(nonlinearity, str) or nonlinearity not in ("tanh", "relu"):
            raise ShapeError(f"For 'RNNCell', the 'nonlinearity' must be str and must be in "
                             f"'['tanh', 'relu']', but got '{nonlinearity}'.")
        super().__init__(input_size, hidden_size, has_bias, nonlinearity, dtype)
        self.nonlinearity = nonlinearity


class GRUCell(_CellBase):
    r"""One GRU step, gates ``(r, z, n)`` as :class:`GRU`'s.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        has_bias (bool): Biases. Default: ``True``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``(batch, input_size)``.
        - **hx** (Tensor) - ``(batch, hidden_size)``.

    Returns:
        Tensor ``(batch, hidden_size)``.

    Raises:
        TypeError: A non-Tensor input, a non-float ``x``, ``hx`` of another dtype.
        ValueError: A non-positive size, a wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.GRUCell(10, 16)
        >>> x = ms.Tensor(np.ones([3, 10]).astype(np.float32))
        >>> hx = ms.Tensor(np.ones([3, 16]).astype(np.float32))
        >>> print(net(x, hx).shape)
        (3, 16)
    """

    _gru = True

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, "tanh", dtype)


class LSTMCell(_CellBase):
    r"""One LSTM step, gates ``(i, f, g, o)`` as :class:`LSTM`'s.

    Args:
        input_size (int): Features of the input.
        hidden_size (int): Features of the hidden state.
        has_bias (bool): Biases. Default: ``True``.
        dtype (mindspore.dtype): Parameter dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``(batch, input_size)``.
        - **hx** (tuple) - ``(h, c)``, each ``(batch, hidden_size)``.

    Returns:
        Tuple ``(h', c')``, each ``(batch, hidden_size)``.

    Raises:
        TypeError: ``hx`` not a pair of Tensors, a non-float ``x``, a dtype mismatch.
        ValueError: A non-positive size, a wrong shape.

    Examples:
        >>> import numpy as np
        >>> import easy_mindspore as ms
        >>> net = ms.nn.LSTMCell(10, 16)
        >>> x = ms.Tensor(np.ones([3, 10]).astype(np.float32))
        >>> h = ms.Tensor(np.zeros([3, 16]).astype(np.float32))
        >>> hy, cy = net(x, (h, h))
        >>> print(hy.shape, cy.shape)
        (3, 16) (3, 16)
    """

    _lstm = True

    def __init__(self, input_size, hidden_size, has_bias=True, dtype=mstype.float32):
        super().__init__(input_size, hidden_size, has_bias, "tanh", dtype)

    def construct(self, x, hx):
        return tuple(super().construct(x, hx))
