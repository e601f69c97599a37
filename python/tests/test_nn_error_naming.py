"""Errors of ``nn`` layers name the layer (as the bad-argument sweep, ``scripts/fuzz_nn.py``,
requires): a layer's constructor and call errors get ``For '<Layer>', `` when the message does not
name it already, in MindSpore's classes; errors of a user's own cells, and of a user's cells run
by a container (``SequentialCell``, ``WithLossCell``), reach the caller unchanged. Sizes too large
to build are ValueErrors naming the layer (MindSpore's NumPy initialisation raises ValueError
too), never a Rust panic or an abort."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import Tensor, nn


def _x(*shape, dtype=np.float32):
    return Tensor(np.ones(shape, dtype))


def test_call_errors_name_the_layer_in_mindspores_class():
    with pytest.raises(ValueError, match="^For 'Dense', ") as e:
        nn.Dense(3, 4)(_x(2, 5))
    assert isinstance(e.value, ems.Error)
    # An error raised by an op inside a layer gets the layer's name in front of the op's.
    with pytest.raises(ValueError, match="^For 'PixelShuffle', ") as e:
        nn.PixelShuffle(2)(_x(1, 3, 4, 4))
    with pytest.raises(ValueError, match="^For 'Dense', "):
        nn.SequentialCell([nn.Dense(3, 4)])(_x(2, 5))


def test_constructor_errors_name_the_layer():
    class_name = "LearningRateSchedule"
    with pytest.raises(NotImplementedError, match=f"^For '{class_name}'"):
        nn.LearningRateSchedule()(Tensor(1, ems.int32))
    with pytest.raises(TypeError, match="^For 'CellList'"):
        nn.CellList(None)
    with pytest.raises(TypeError, match="TrainOneStepCell.*optimizer"):
        nn.TrainOneStepCell(nn.Dense(3, 4), 1.5)
    with pytest.raises(TypeError, match="DistributedGradReducer.*Parameters"):
        nn.DistributedGradReducer("ab")
    with pytest.raises(ValueError, match="^For 'LayerNorm'.*non-negative"):
        nn.LayerNorm((-1,))
    with pytest.raises(ValueError, match="^For 'MultiheadAttention'.*kdim"):
        nn.MultiheadAttention(4, 2, kdim=-1)
    with pytest.raises(TypeError, match="^For 'Transformer'.*src"):
        nn.Transformer(d_model=4, nhead=2, num_encoder_layers=1, num_decoder_layers=1,
                       dim_feedforward=8)(None, None)


@pytest.mark.parametrize("make", [
    lambda: nn.LSTM(3, 2**62), lambda: nn.GRU(3, 4, num_layers=2**62), lambda: nn.RNN(2**62, 4),
    lambda: nn.LSTMCell(3, 2**62),
    lambda: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8), 2**62),
    lambda: nn.TransformerDecoder(nn.TransformerDecoderLayer(4, 2, 8), 2**62),
])
def test_sizes_too_large_to_build_are_value_errors(make):
    with pytest.raises(ValueError, match="^For '"):
        make()


@pytest.mark.parametrize("make", [
    lambda: nn.Conv2d(2**62, 4, 3), lambda: nn.Conv1d(3, 4, 2**62), lambda: nn.Conv3d(3, 2**62, 3),
    lambda: nn.Conv2dTranspose(2**62, 4, 3), lambda: nn.MultiheadAttention(2**62, 2),
    lambda: nn.TransformerEncoderLayer(2**62, 2),
])
def test_weights_too_large_to_initialise_are_errors_not_panics(make):
    # The initialisers' fan computation is checked (it overflowed a usize: a Rust panic).
    with pytest.raises((ValueError, MemoryError), match="For '"):
        make()


def test_user_cells_errors_pass_unchanged():
    class Net(nn.Cell):
        def construct(self, x):
            raise ValueError("my own message")

    class Built(nn.Cell):
        def __init__(self):
            super().__init__()
            raise TypeError("bad config")

    with pytest.raises(ValueError, match="^my own message$"):
        Net()(_x(1))
    with pytest.raises(ValueError, match="^my own message$"):
        nn.SequentialCell([Net()])(_x(1))
    with pytest.raises(ValueError, match="^my own message$"):
        nn.WithLossCell(Net(), nn.MSELoss())(_x(1), _x(1))
    with pytest.raises(TypeError, match="^bad config$"):
        Built()
