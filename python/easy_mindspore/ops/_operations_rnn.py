"""``mindspore.ops.operations``' ``LSTM``: the multi-layer, optionally bidirectional LSTM of
MindSpore's CPU kernel over one flat weight tensor, as ``nn.LSTM`` on MindSpore's CPU calls it.

The weight layout is the one MindSpore 2.10's CPU kernel reads (checked against its outputs): for
every layer and direction (layer-major, forward first) ``W_ih`` ``[4H, in_l]``, then for every
layer and direction ``W_hh`` ``[4H, H_r]``, then (``proj_size > 0``) every ``W_hr``
``[proj_size, H]``, then (``has_bias``) every bias ``[4H]``: one bias per gate, the sum
``b_ih + b_hh`` (a longer `w` holding two biases, as MindSpore's GPU layout and its docstring
example, leaves the second unread, as there). Gates in the order ``i, f, g, o``; ``in_l`` is
`input_size` for the first layer and ``H_r·directions`` after (``H_r`` the projection size if any,
else `hidden_size`). Each step is the engine's ``LstmCell`` primitive over one matrix product per
direction for all input projections and one per step for the hidden one, so the outputs are
differentiable in `x`, `h`, `c` and `w` (MindSpore's has a gradient too).

Where MindSpore differs: its oneDNN kernel accepts only shapes oneDNN's fused multi-layer LSTM
takes (several bidirectional layers need ``input_size == hidden_size``, and then read every
layer's ``W_ih`` as ``[4H, input_size]``); here every layer reads its own input size. `dropout` is
accepted and unused, as by MindSpore's CPU kernel. The last two outputs, ``reserve`` and
``state``, are oneDNN's workspace there (documented as unused); here they are zeros ``(1, 1)``."""
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from . import functional as F
from ._operations_eight import _int
from .operations import Primitive

__all__ = ["LSTM"]


def _bool(op, name, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


class LSTM(Primitive):
    """``ops.LSTM(input_size, hidden_size, num_layers, has_bias, bidirectional, dropout,
    proj_size=0)(x, h, c, w)``: the LSTM layers over the sequence ``x`` ``(T, B, input_size)``
    from the states ``h`` ``(L·D, B, H_r)`` and ``c`` ``(L·D, B, H)`` with the weights packed in
    ``w`` (see the module note for the layout); returns ``(output, h_n, c_n, reserve, state)``,
    ``output`` ``(T, B, H_r·D)``.

    Args:
        input_size (int): The features of each step of ``x``.
        hidden_size (int): ``H``, the features of the cell state.
        num_layers (int): ``L``, stacked layers (1 to 100).
        has_bias (bool): Whether `w` holds the biases.
        bidirectional (bool): Whether each layer also runs backwards (``D = 2``).
        dropout (float): In ``[0, 1]``; unused, as by MindSpore's CPU kernel.
        proj_size (int, optional): ``H_r``: the hidden state projected to this size when
            positive (less than `hidden_size`). Default: ``0``.

    Inputs:
        - **x** (Tensor) - ``(T, B, input_size)``, float.
        - **h** (Tensor) - ``(L·D, B, H_r)``, `x`'s dtype.
        - **c** (Tensor) - ``(L·D, B, H)``, `x`'s dtype.
        - **w** (Tensor) - the packed weights (any shape), `x`'s dtype.

    Outputs:
        tuple(Tensor), ``(output, h_n, c_n, reserve, state)``: ``output`` ``(T, B, H_r·D)``,
        ``h_n`` like `h`, ``c_n`` like `c`, and two ``(1, 1)`` zeros.

    Raises:
        TypeError: An argument of the wrong type, or inputs of different dtypes.
        ValueError: A size out of range, inputs of the wrong shapes, or `w` too short.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.ones([5, 2, 10]), ms.float32)
        >>> h0 = ms.Tensor(np.ones([1, 2, 2]), ms.float32)
        >>> c0 = ms.Tensor(np.ones([1, 2, 2]), ms.float32)
        >>> w = ms.Tensor(np.ones([112, 1, 1]), ms.float32)
        >>> output, hn, cn, _, _ = ops.LSTM(10, 2, 1, True, False, 0.0)(x, h0, c0, w)
        >>> print(hn)
        [[[0.9999854 0.9999854]
          [0.9999854 0.9999854]]]
    """

    def __init__(self, input_size, hidden_size, num_layers, has_bias, bidirectional, dropout,
                 proj_size=0):
        super().__init__()
        op = "LSTM"
        self.input_size = _int(op, "input_size", input_size, 1)
        self.hidden_size = _int(op, "hidden_size", hidden_size, 1)
        self.num_layers = _int(op, "num_layers", num_layers, 1)
        if num_layers > 100:
            raise ShapeError(f"For '{op}', 'num_layers' must be at most 100, but got {num_layers}.")
        self.has_bias = _bool(op, "has_bias", has_bias)
        self.bidirectional = _bool(op, "bidirectional", bidirectional)
        if isinstance(dropout, bool) or not isinstance(dropout, (int, float)):
            raise DTypeError(f"For '{op}', 'dropout' must be a float, but got {type(dropout).__name__}.")
        if not 0.0 <= dropout <= 1.0:
            raise ShapeError(f"For '{op}', 'dropout' must be in [0, 1], but got {dropout}.")
        self.dropout = float(dropout)
        self.proj_size = _int(op, "proj_size", proj_size, 0)
        if proj_size >= hidden_size:
            raise ShapeError(f"For '{op}', 'proj_size' must be less than 'hidden_size' ({hidden_size}), "
                             f"but got {proj_size}.")

    def _pieces(self, w):
        """The per-layer, per-direction weights cut from the flat `w`: lists indexed by
        ``layer·D + direction`` of ``W_ih``, ``W_hh``, ``W_hr`` (or None) and the bias (or None)."""
        d = 2 if self.bidirectional else 1
        h, g = self.hidden_size, 4 * self.hidden_size
        hr = self.proj_size or h
        sizes = [(g, self.input_size if layer == 0 else hr * d) for layer in range(self.num_layers)
                 for _ in range(d)]
        blocks = [sizes, [(g, hr)] * len(sizes)]
        if self.proj_size:
            blocks.append([(self.proj_size, h)] * len(sizes))
        if self.has_bias:
            blocks.append([(g,)] * len(sizes))
        need = sum(r * (c[0] if c else 1) for block in blocks for r, *c in block)
        if w.size < need:
            raise ShapeError(f"For 'LSTM', 'w' must hold at least {need} weights for input_size="
                             f"{self.input_size}, hidden_size={h}, num_layers={self.num_layers}, "
                             f"bidirectional={self.bidirectional}, proj_size={self.proj_size}, "
                             f"has_bias={self.has_bias}, but got {w.size} (shape {list(w.shape)}).")
        flat, offset, cut = w.reshape(-1), 0, []
        for block in blocks:
            part = []
            for shape in block:
                n = shape[0] * (shape[1] if len(shape) > 1 else 1)
                part.append(flat[offset:offset + n].reshape(shape))
                offset += n
            cut.append(part)
        w_ih, w_hh = cut[0], cut[1]
        w_hr = cut[2] if self.proj_size else [None] * len(sizes)
        bias = cut[-1] if self.has_bias else [None] * len(sizes)
        return w_ih, w_hh, w_hr, bias

    def _check(self, x, h, c, w):
        for name, v in (("x", x), ("h", h), ("c", c), ("w", w)):
            if not isinstance(v, Tensor):
                raise DTypeError(f"For 'LSTM', '{name}' must be a Tensor, but got {type(v).__name__}.")
            if v.dtype not in mstype.float_type:
                raise DTypeError(f"For 'LSTM', '{name}' must be a float Tensor, but got {v.dtype}.")
            if v.dtype != x.dtype:
                raise DTypeError(f"For 'LSTM', '{name}' must have the dtype of 'x' {x.dtype}, but got "
                                 f"{v.dtype}.")
        d = 2 if self.bidirectional else 1
        if x.ndim != 3 or x.shape[-1] != self.input_size:
            raise ShapeError(f"For 'LSTM', 'x' must be (seq_len, batch, {self.input_size}), but got "
                             f"{list(x.shape)}.")
        b = x.shape[1]
        for name, v, size in (("h", h, self.proj_size or self.hidden_size), ("c", c, self.hidden_size)):
            want = [self.num_layers * d, b, size]
            if list(v.shape) != want:
                raise ShapeError(f"For 'LSTM', '{name}' must have shape {want} (num_layers * "
                                 f"directions, batch, size), but got {list(v.shape)}.")

    def __call__(self, x, h, c, w):
        self._check(x, h, c, w)
        w_ih, w_hh, w_hr, bias = self._pieces(w)
        d = 2 if self.bidirectional else 1
        t, b = x.shape[0], x.shape[1]
        seq, hs, cs = x, [], []
        for layer in range(self.num_layers):
            outs = []
            for direction in range(d):
                k = layer * d + direction
                # Every step's input projection in one product over the T·B rows.
                gates = F.matmul(seq.reshape(t * b, seq.shape[-1]), w_ih[k].T)
                if bias[k] is not None:
                    gates = gates + bias[k]
                gates = gates.reshape(t, b, gates.shape[-1])
                hk, ck, ys = h[k], c[k], [None] * t
                for step in (range(t - 1, -1, -1) if direction else range(t)):
                    hk, ck = _C.lstm_cell(gates[step] + F.matmul(hk, w_hh[k].T), ck)
                    if w_hr[k] is not None:
                        hk = F.matmul(hk, w_hr[k].T)
                    ys[step] = hk
                outs.append(F.stack(ys) if t else F.zeros((0, b, h.shape[-1]), x.dtype))
                hs.append(hk)
                cs.append(ck)
            seq = outs[0] if d == 1 else F.cat(outs, -1)
        spare = F.zeros((1, 1), x.dtype)
        return seq, F.stack(hs), F.stack(cs), spare, spare

