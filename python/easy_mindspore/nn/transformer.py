"""``nn.MultiheadAttention`` and the Transformer layers (``TransformerEncoderLayer``,
``TransformerEncoder``, ``TransformerDecoderLayer``, ``TransformerDecoder``, ``Transformer``),
with MindSpore 2.x's arguments, defaults, Parameter names and return structures.

Attention is a handful of engine ops (three projections, the fused ``Attention`` primitive —
scores, softmax and the product with the values in one pass per matrix — and the output
projection; with dropout in training, two batched products and a softmax), so ``grad`` and
``jit`` go through it like any other code. As in MindSpore, inputs are
``(seq, batch, feature)`` unless ``batch_first``; boolean masks mark the positions that may NOT
be attended (``True`` → ``-inf``), float masks are added to the scores.
"""
import math

from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import Normal, XavierUniform, initializer
from ..common.parameter import Parameter
from ..ops.function import nn_func as _F
from .activation import GELU
from .cell import Cell, CellList
from .layer import Dense, Dropout, ReLU
from .normalization import LayerNorm

__all__ = ["MultiheadAttention", "TransformerEncoderLayer", "TransformerEncoder",
           "TransformerDecoderLayer", "TransformerDecoder", "Transformer"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)

# Whether MultiheadAttention runs the fused `Attention` primitive when no dropout applies (the
# tests turn it off to compare with the composition of matmul, softmax and matmul).
_fused_attention = True


def _mask_scores(mask, what, dtype):
    """A boolean mask as ``0 / -inf`` scores; a float mask as is."""
    if mask.dtype == mstype.uint8:
        mask = mask.astype(mstype.bool_)
    if mask.dtype == mstype.bool_:
        return _C.where_(mask, Tensor(float("-inf"), dtype), Tensor(0.0, dtype))
    if mask.dtype not in _FLOATS:
        raise ShapeError(f"For 'MultiheadAttention', '{what}' only supports bool and floating "
                         f"types, but got {mask.dtype}.")
    return mask.astype(dtype)


class MultiheadAttention(Cell):
    """``softmax(q·kᵀ/√d + mask)·v`` in ``num_heads`` heads of ``embed_dim // num_heads``, with a
    packed input projection ``in_proj_weight [3·E, E]`` (or ``q/k/v_proj_weight`` when
    ``kdim``/``vdim`` differ) and ``out_proj`` (a Dense). Returns ``(output, weights)``, or
    ``(output,)`` with ``need_weights=False``; the weights are averaged over the heads unless
    ``average_attn_weights=False``.

    Args:
        embed_dim (int): The model width.
        num_heads (int): The number of heads.
        dropout (float, optional): The dropout probability. Default: ``0.0``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``True``.
        add_bias_kv (bool, optional): Whether a learned bias row is appended to the keys and values.
            Default: ``False``.
        add_zero_attn (bool, optional): Whether a zero row is appended to the keys and values.
            Default: ``False``.
        kdim (int, optional): The width of the keys (None: `embed_dim`). Default: ``None``.
        vdim (int, optional): The width of the values (None: `embed_dim`). Default: ``None``.
        batch_first (bool, optional): Whether the batch is the first axis of the inputs. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The parameters' dtype. Default: ``None``.

    Outputs:
        tuple(Tensor, Tensor), the attention output ``[L, N, E]`` (``[N, L, E]`` with `batch_first`)
        and the attention weights (None unless `need_weights`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> q = ops.ones((4, 2, 8), ms.float32)
        >>> attn = nn.MultiheadAttention(8, 2)
        >>> out, weights = attn(q, q, q)
        >>> print(out.shape, weights.shape)
        (4, 2, 8) (2, 4, 4)
    """

    def __init__(self, embed_dim, num_heads, dropout=0.0, has_bias=True, add_bias_kv=False,
                 add_zero_attn=False, kdim=None, vdim=None, batch_first=False, dtype=None):
        super().__init__()
        for v, what in ((embed_dim, "embed_dim"), (num_heads, "num_heads")):
            if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                raise ShapeError(f"For 'MultiheadAttention', '{what}' must be a positive int, "
                                 f"but got {v}.")
        if embed_dim % num_heads:
            raise ShapeError("The init argument 'embed_dim' must be divisible by 'num_heads'.")
        dtype = mstype.float32 if dtype is None else dtype
        self.embed_dim, self.num_heads = embed_dim, num_heads
        for v, what in ((kdim, "kdim"), (vdim, "vdim")):
            if v is not None and (isinstance(v, bool) or not isinstance(v, int) or v < 1):
                raise ShapeError(f"For 'MultiheadAttention', '{what}' must be None or a positive "
                                 f"int, but got {v}.")
        self.kdim = embed_dim if kdim is None else kdim
        self.vdim = embed_dim if vdim is None else vdim
        self._qkv_same_embed_dim = self.kdim == embed_dim and self.vdim == embed_dim
        self.dropout, self.batch_first = float(dropout), bool(batch_first)
        self.head_dim = embed_dim // num_heads
        xavier = XavierUniform()
        if self._qkv_same_embed_dim:
            self.in_proj_weight = Parameter(initializer(xavier, (3 * embed_dim, embed_dim), dtype),
                                            "in_proj_weight")
            self.q_proj_weight = self.k_proj_weight = self.v_proj_weight = None
        else:
            self.in_proj_weight = None
            self.q_proj_weight = Parameter(initializer(xavier, (embed_dim, embed_dim), dtype),
                                           "q_proj_weight")
            self.k_proj_weight = Parameter(initializer(xavier, (embed_dim, self.kdim), dtype),
                                           "k_proj_weight")
            self.v_proj_weight = Parameter(initializer(xavier, (embed_dim, self.vdim), dtype),
                                           "v_proj_weight")
        self.in_proj_bias = (Parameter(initializer("zeros", (3 * embed_dim,), dtype), "in_proj_bias")
                             if has_bias else None)
        self.out_proj = Dense(embed_dim, embed_dim, has_bias=has_bias, dtype=dtype)
        if add_bias_kv:
            # MindSpore's XavierNormal for a (1, 1, E) tensor: sigma = sqrt(2 / (E + E)).
            sigma = math.sqrt(1.0 / embed_dim)
            self.bias_k = Parameter(initializer(Normal(sigma), (1, 1, embed_dim), dtype), "bias_k")
            self.bias_v = Parameter(initializer(Normal(sigma), (1, 1, embed_dim), dtype), "bias_v")
        else:
            self.bias_k = self.bias_v = None
        self.add_zero_attn = bool(add_zero_attn)
        self.dtype = dtype

    def _project(self, query, key, value):
        e = self.embed_dim
        b = self.in_proj_bias
        bq, bk, bv = (None, None, None) if b is None else (b[:e], b[e:2 * e], b[2 * e:])
        if self._qkv_same_embed_dim:
            w = self.in_proj_weight
            wq, wk, wv = w[:e], w[e:2 * e], w[2 * e:]
        else:
            wq, wk, wv = self.q_proj_weight, self.k_proj_weight, self.v_proj_weight

        def linear(x, w, bias):
            y = _C.matmul(x, w.T)
            return y if bias is None else y + bias

        return linear(query, wq, bq), linear(key, wk, bk), linear(value, wv, bv)

    def construct(self, query, key, value, key_padding_mask=None, need_weights=True,
                  attn_mask=None, average_attn_weights=True):
        for t, what in ((query, "query"), (key, "key"), (value, "value")):
            if not isinstance(t, Tensor):
                raise DTypeError(f"For 'MultiheadAttention', '{what}' must be a Tensor, but got "
                                 f"{type(t).__name__}.")
        batched = query.ndim == 3
        if query.ndim not in (2, 3) or key.ndim != query.ndim or value.ndim != query.ndim:
            raise ShapeError(f"For 'MultiheadAttention', query, key and value must all be 3-D "
                             f"(batched) or 2-D, but got shapes {tuple(query.shape)}, "
                             f"{tuple(key.shape)}, {tuple(value.shape)}.")
        if self.batch_first and batched:
            query, key, value = (t.swapaxes(0, 1) for t in (query, key, value))
        if not batched:
            query, key, value = (t.expand_dims(1) for t in (query, key, value))
            if key_padding_mask is not None:
                key_padding_mask = key_padding_mask.expand_dims(0)
        out, weights = self._attend(query, key, value, key_padding_mask, attn_mask,
                                    average_attn_weights, need_weights)
        if not batched:
            out = out.squeeze(1)
            weights = None if weights is None else weights.squeeze(0)
        elif self.batch_first:
            out = out.swapaxes(0, 1)
        return (out, weights) if need_weights else (out,)

    def _attend(self, query, key, value, key_padding_mask, attn_mask, average, need_weights):
        tgt, bsz, e = query.shape
        h, hd = self.num_heads, self.head_dim
        if e != self.embed_dim or key.shape[2] != self.kdim or value.shape[2] != self.vdim:
            raise ShapeError(f"For 'MultiheadAttention', the feature sizes of query {tuple(query.shape)},"
                             f" key {tuple(key.shape)} and value {tuple(value.shape)} must be "
                             f"{self.embed_dim}, {self.kdim} and {self.vdim}.")
        if key.shape[:2] != value.shape[:2] or key.shape[1] != bsz:
            raise ShapeError(f"For 'MultiheadAttention', key {tuple(key.shape)} and value "
                             f"{tuple(value.shape)} must match the query's batch {bsz}.")
        q, k, v = self._project(query, key, value)
        dtype = q.dtype
        mask = None
        if attn_mask is not None:
            mask = _mask_scores(attn_mask, "attn_mask", dtype)
            want = [(tgt, key.shape[0]), (bsz * h, tgt, key.shape[0])]
            if tuple(mask.shape) not in want:
                raise ShapeError(f"For 'MultiheadAttention', the shape of the `attn_mask` should be "
                                 f"{want[0]} or {want[1]}, but got {tuple(mask.shape)}.")
            mask = mask.expand_dims(0) if mask.ndim == 2 else mask
        if self.bias_k is not None:
            k = _C.concat([k, self.bias_k.tile((1, bsz, 1))], 0)
            v = _C.concat([v, self.bias_v.tile((1, bsz, 1))], 0)
            mask = None if mask is None else _pad_last(mask)
            key_padding_mask = None if key_padding_mask is None else _pad_last(key_padding_mask)
        # [seq, bsz, E] -> [bsz·h, seq, hd]
        q = q.reshape((tgt, bsz * h, hd)).swapaxes(0, 1)
        k = k.reshape((k.shape[0], bsz * h, hd)).swapaxes(0, 1)
        v = v.reshape((v.shape[0], bsz * h, hd)).swapaxes(0, 1)
        if self.add_zero_attn:
            zeros = _C.full((bsz * h, 1, hd), 0, dtype)
            k, v = _C.concat([k, zeros], 1), _C.concat([v, zeros], 1)
            mask = None if mask is None else _pad_last(mask)
            key_padding_mask = None if key_padding_mask is None else _pad_last(key_padding_mask)
        src = k.shape[1]
        if key_padding_mask is not None:
            kpm = _mask_scores(key_padding_mask, "key_padding_mask", dtype)
            if tuple(kpm.shape) != (bsz, src):
                raise ShapeError(f"For 'MultiheadAttention', the shape of `key_padding_mask` "
                                 f"should be {(bsz, src)}, but got {tuple(kpm.shape)}.")
            # MindSpore 2.10 adds a boolean key_padding_mask to a float attn_mask as 1.0 (not
            # -inf), so padded keys stay attended; we mask them, as with a boolean attn_mask.
            kpm = kpm.reshape((bsz, 1, 1, src)).tile((1, h, 1, 1)).reshape((bsz * h, 1, src))
            mask = kpm if mask is None else mask + kpm
        if _fused_attention and not (self.training and self.dropout > 0):
            # One primitive (`Attention`: the scores, softmax and product per matrix, one pass
            # back), reading q, k, v in the projection's [seq, bsz·h, hd] layout and writing
            # the output in it, so that out_proj reads it without a copy. MindSpore scales q and
            # k each by d^(-1/4): the product's scale is 1/√d.
            out, attn = _C.attention(q, k, v, mask, 1.0 / math.sqrt(hd))
            out = out.swapaxes(0, 1).reshape((tgt * bsz, e))
        else:
            scale = math.sqrt(math.sqrt(hd))
            scores = _C.matmul(q / scale, (k / scale).swapaxes(-2, -1))
            if mask is not None:
                scores = scores + mask
            attn = _C.softmax(scores, -1)
            if self.training and self.dropout > 0:
                attn = _F.dropout(attn, self.dropout)
            out = _C.matmul(attn, v)  # [bsz·h, tgt, hd]
            out = out.reshape((bsz, h, tgt, hd)).transpose(2, 0, 1, 3).reshape((tgt * bsz, e))
        out = self.out_proj(out).reshape((tgt, bsz, e))
        if not need_weights:
            return out, None
        weights = attn.reshape((bsz, h, tgt, src))
        if average:
            weights = weights.sum(1) / h
        return out, weights


# Layers past which a stack is refused before any is built (each holds at least hundreds of
# bytes of Parameters: 2**31 of them need terabytes).
_MAX_LAYERS = 1 << 31


def _layer_count(layer, num_layers):
    """``num_layers`` checked: a positive int small enough to build (a ValueError otherwise)."""
    if isinstance(num_layers, bool) or not isinstance(num_layers, int):
        raise DTypeError(f"For '{layer}', 'num_layers' must be an int, but got "
                         f"{type(num_layers).__name__}.")
    if not 0 <= num_layers <= _MAX_LAYERS:
        raise ShapeError(f"For '{layer}', 'num_layers' must be in [0, {_MAX_LAYERS}], but got "
                         f"{num_layers}.")
    return num_layers


def _pad_last(mask):
    """A mask with one more (zero, i.e. attendable) column on its last axis."""
    zero = _C.full(tuple(mask.shape[:-1]) + (1,), 0, mask.dtype)
    return _C.concat([mask, zero], -1)


def _activation(activation):
    if isinstance(activation, str):
        if activation == "relu":
            return _relu
        if activation == "gelu":
            return _F.gelu
        raise ShapeError(f"The activation must be relu/gelu, but get {activation}")
    if isinstance(activation, Cell):
        if not isinstance(activation, (ReLU, GELU)):
            raise ShapeError(f"The argument 'activation' must be nn.ReLU or nn.GELU instance, but "
                             f"get {activation}.")
        return activation
    if callable(activation):
        return activation
    raise ShapeError(f"The argument 'activation' must be str, callable or Cell instance, but get "
                     f"{activation}.")


def _relu(x):
    return x.relu()


class _Layer(Cell):
    """The feed-forward block and the settings both Transformer layers share."""

    def _common(self, d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
                batch_first, norm_first, dtype, norms):
        self.dense1 = Dense(d_model, dim_feedforward, dtype=dtype)
        self.dropout = Dropout(p=dropout)
        self.dense2 = Dense(dim_feedforward, d_model, dtype=dtype)
        self.norm_first = norm_first
        for i in range(1, norms + 1):
            setattr(self, f"norm{i}", LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for i in range(1, norms + 1):
            setattr(self, f"dropout{i}", Dropout(p=dropout))
        object.__setattr__(self, "activation1", activation)
        act = _activation(activation)
        if isinstance(act, Cell):
            self.activation = act
        else:
            object.__setattr__(self, "activation", act)
        self.d_model, self.nhead, self.dim_feedforward = d_model, nhead, dim_feedforward
        self.dropout_num, self.layernorm_eps = dropout, layer_norm_eps
        self.batch_first, self.dtype = batch_first, dtype

    def _ff_block(self, x, last_dropout):
        return last_dropout(self.dense2(self.dropout(self.activation(self.dense1(x)))))

    def _clone(self, num_layers):
        """``num_layers`` fresh layers of this configuration. MindSpore deep-copies one fresh
        layer, so every layer starts from the same weights: the first one's are copied."""
        layers = [type(self)(self.d_model, self.nhead, self.dim_feedforward, self.dropout_num,
                             self.activation1, self.layernorm_eps, self.batch_first,
                             self.norm_first, dtype=self.dtype) for _ in range(num_layers)]
        for other in layers[1:]:
            for (_, src), (_, dst) in zip(layers[0].parameters_and_names(),
                                          other.parameters_and_names()):
                dst.set_data(src.copy())
        return CellList(layers)


class TransformerEncoderLayer(_Layer):
    """Self-attention and a feed-forward block, each with a residual connection and LayerNorm
    (after, or before with ``norm_first``). MindSpore's defaults ``dim_feedforward=2048,
    dropout=0.1, activation='relu', layer_norm_eps=1e-5``.

    Args:
        d_model (int): The number of expected features of the inputs.
        nhead (int): The number of attention heads.
        dim_feedforward (int, optional): The width of the feedforward network. Default: ``2048``.
        dropout (float, optional): The dropout probability. Default: ``0.1``.
        activation (Union[str, Cell], optional): The activation applied to the output. Default:
            ``'relu'``.
        layer_norm_eps (float, optional): The epsilon of the layer normalisations. Default:
            ``1e-05``.
        batch_first (bool, optional): Whether the batch is the first axis of the inputs. Default:
            ``False``.
        norm_first (bool, optional): Whether the layer normalisation comes before attention and
            feedforward. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape of `src`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> print(layer(ops.ones((5, 2, 8), ms.float32)).shape)
        (5, 2, 8)
    """

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
                 layer_norm_eps=1e-5, batch_first=False, norm_first=False, dtype=None):
        super().__init__()
        dtype = mstype.float32 if dtype is None else dtype
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout,
                                            batch_first=batch_first, dtype=dtype)
        self._common(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
                     batch_first, norm_first, dtype, norms=2)

    def _sa_block(self, x, attn_mask, key_padding_mask):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask,
                           need_weights=False)[0]
        return self.dropout1(x)

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask)
            return x + self._ff_block(self.norm2(x), self.dropout2)
        x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask))
        return self.norm2(x + self._ff_block(x, self.dropout2))


class TransformerDecoderLayer(_Layer):
    """Self-attention, attention over the encoder's ``memory``, and a feed-forward block, each
    with a residual connection and LayerNorm.

    Args:
        d_model (int): The number of expected features of the inputs.
        nhead (int): The number of attention heads.
        dim_feedforward (int, optional): The width of the feedforward network. Default: ``2048``.
        dropout (float, optional): The dropout probability. Default: ``0.1``.
        activation (Union[str, Cell], optional): The activation applied to the output. Default:
            ``'relu'``.
        layer_norm_eps (float, optional): The epsilon of the layer normalisations. Default:
            ``1e-05``.
        batch_first (bool, optional): Whether the batch is the first axis of the inputs. Default:
            ``False``.
        norm_first (bool, optional): Whether the layer normalisation comes before attention and
            feedforward. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor, of the shape of `tgt`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> print(layer(ops.ones((3, 2, 8), ms.float32), ops.ones((5, 2, 8), ms.float32)).shape)
        (3, 2, 8)
    """

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation="relu",
                 layer_norm_eps=1e-5, batch_first=False, norm_first=False, dtype=None):
        super().__init__()
        dtype = mstype.float32 if dtype is None else dtype
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout,
                                            batch_first=batch_first, dtype=dtype)
        self.multihead_attn = MultiheadAttention(d_model, nhead, dropout=dropout,
                                                 batch_first=batch_first, dtype=dtype)
        self._common(d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps,
                     batch_first, norm_first, dtype, norms=3)

    def _sa_block(self, x, attn_mask, key_padding_mask):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask,
                           need_weights=False)[0]
        return self.dropout1(x)

    def _mha_block(self, x, mem, attn_mask, key_padding_mask):
        x = self.multihead_attn(x, mem, mem, attn_mask=attn_mask,
                                key_padding_mask=key_padding_mask, need_weights=False)[0]
        return self.dropout2(x)

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        x = tgt
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), tgt_mask, tgt_key_padding_mask)
            x = x + self._mha_block(self.norm2(x), memory, memory_mask, memory_key_padding_mask)
            return x + self._ff_block(self.norm3(x), self.dropout3)
        x = self.norm1(x + self._sa_block(x, tgt_mask, tgt_key_padding_mask))
        x = self.norm2(x + self._mha_block(x, memory, memory_mask, memory_key_padding_mask))
        return self.norm3(x + self._ff_block(x, self.dropout3))


class TransformerEncoder(Cell):
    """``num_layers`` copies of ``encoder_layer``'s configuration (``layers``), then ``norm``.

    Args:
        encoder_layer (TransformerEncoderLayer): The layer to copy.
        num_layers (int): The number of layers.
        norm (Cell, optional): A final normalisation. Default: ``None``.

    Outputs:
        Tensor, of the shape of `src`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> enc = nn.TransformerEncoder(layer, num_layers=2)
        >>> print(enc(ops.ones((5, 2, 8), ms.float32)).shape)
        (5, 2, 8)
    """

    def __init__(self, encoder_layer, num_layers, norm=None):
        super().__init__()
        if not isinstance(encoder_layer, TransformerEncoderLayer):
            raise DTypeError(f"For 'TransformerEncoder', 'encoder_layer' must be a "
                             f"TransformerEncoderLayer, but got {type(encoder_layer).__name__}.")
        self.layers = encoder_layer._clone(_layer_count("TransformerEncoder", num_layers))
        self.num_layers, self.norm = num_layers, norm

    def construct(self, src, src_mask=None, src_key_padding_mask=None):
        out = src
        for layer in self.layers:
            out = layer(out, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        return out if self.norm is None else self.norm(out)


class TransformerDecoder(Cell):
    """``num_layers`` copies of ``decoder_layer``'s configuration (``layers``), then ``norm``.

    Args:
        decoder_layer (TransformerDecoderLayer): The layer to copy.
        num_layers (int): The number of layers.
        norm (Cell, optional): A final normalisation. Default: ``None``.

    Outputs:
        Tensor, of the shape of `tgt`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16)
        >>> dec = nn.TransformerDecoder(layer, num_layers=2)
        >>> print(dec(ops.ones((3, 2, 8), ms.float32), ops.ones((5, 2, 8), ms.float32)).shape)
        (3, 2, 8)
    """

    def __init__(self, decoder_layer, num_layers, norm=None):
        super().__init__()
        if not isinstance(decoder_layer, TransformerDecoderLayer):
            raise DTypeError(f"For 'TransformerDecoder', 'decoder_layer' must be a "
                             f"TransformerDecoderLayer, but got {type(decoder_layer).__name__}.")
        self.layers = decoder_layer._clone(_layer_count("TransformerDecoder", num_layers))
        self.num_layers, self.norm = num_layers, norm

    def construct(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        out = tgt
        for layer in self.layers:
            out = layer(out, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                        tgt_key_padding_mask=tgt_key_padding_mask,
                        memory_key_padding_mask=memory_key_padding_mask)
        return out if self.norm is None else self.norm(out)


class Transformer(Cell):
    """An encoder and a decoder stack (each ending in a LayerNorm); every weight of more than one
    axis is re-drawn Xavier-uniform, as MindSpore does.

    Args:
        d_model (int, optional): The number of expected features of the inputs. Default: ``512``.
        nhead (int, optional): The number of attention heads. Default: ``8``.
        num_encoder_layers (int, optional): The number of encoder layers. Default: ``6``.
        num_decoder_layers (int, optional): The number of decoder layers. Default: ``6``.
        dim_feedforward (int, optional): The width of the feedforward network. Default: ``2048``.
        dropout (float, optional): The dropout probability. Default: ``0.1``.
        activation (Union[str, Cell], optional): The activation applied to the output. Default:
            ``'relu'``.
        custom_encoder (Cell, optional): An encoder to use instead. Default: ``None``.
        custom_decoder (Cell, optional): A decoder to use instead. Default: ``None``.
        layer_norm_eps (float, optional): The epsilon of the layer normalisations. Default:
            ``1e-05``.
        batch_first (bool, optional): Whether the batch is the first axis of the inputs. Default:
            ``False``.
        norm_first (bool, optional): Whether the layer normalisation comes before attention and
            feedforward. Default: ``False``.
        dtype (mindspore.dtype, optional): The parameters' dtype. Default: ``None``.

    Outputs:
        Tensor, of the shape of `tgt`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> src = ops.ones((5, 2, 8), ms.float32)
        >>> tgt = ops.ones((3, 2, 8), ms.float32)
        >>> net = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=1, num_decoder_layers=1, dim_feedforward=16)
        >>> print(net(src, tgt).shape)
        (3, 2, 8)
    """

    def __init__(self, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6,
                 dim_feedforward=2048, dropout=0.1, activation="relu", custom_encoder=None,
                 custom_decoder=None, layer_norm_eps=1e-5, batch_first=False, norm_first=False,
                 dtype=None):
        super().__init__()
        dtype = mstype.float32 if dtype is None else dtype
        args = (d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first,
                norm_first)
        self.encoder = custom_encoder if custom_encoder is not None else TransformerEncoder(
            TransformerEncoderLayer(*args, dtype=dtype), num_encoder_layers,
            LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        self.decoder = custom_decoder if custom_decoder is not None else TransformerDecoder(
            TransformerDecoderLayer(*args, dtype=dtype), num_decoder_layers,
            LayerNorm((d_model,), epsilon=layer_norm_eps, dtype=dtype))
        for _, p in self.parameters_and_names():
            if p.ndim > 1:
                p.set_data(initializer("xavier_uniform", p.shape, p.dtype))
        self.d_model, self.nhead, self.batch_first = d_model, nhead, batch_first

    def construct(self, src, tgt, src_mask=None, tgt_mask=None, memory_mask=None,
                  src_key_padding_mask=None, tgt_key_padding_mask=None,
                  memory_key_padding_mask=None):
        for t, what in ((src, "src"), (tgt, "tgt")):
            if not isinstance(t, Tensor):
                raise DTypeError(f"For 'Transformer', '{what}' must be a Tensor, but got "
                                 f"{type(t).__name__}.")
        if src.shape[-1] != self.d_model or tgt.shape[-1] != self.d_model:
            raise ShapeError("The number of features for 'src' and 'tgt' must be equal to "
                             "`d_model`.")
        batch = 0 if self.batch_first else 1
        if src.ndim == 3 and tgt.ndim == 3 and src.shape[batch] != tgt.shape[batch]:
            raise ShapeError("The number of batch size for 'src' and 'tgt' must be equal.")
        memory = self.encoder(src, src_mask=src_mask, src_key_padding_mask=src_key_padding_mask)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                            tgt_key_padding_mask=tgt_key_padding_mask,
                            memory_key_padding_mask=memory_key_padding_mask)
