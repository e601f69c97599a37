"""Initial values as MindSpore 2.10 draws them: each random initializer call takes a seed from
NumPy's global generator and fills from MindSpore's Philox stream (``nn::init_draws``); the
recurrent layers draw from NumPy itself. After ``mindspore.set_seed(0)`` the same layers, built
in the same order, hold MindSpore's values bit for bit, and leave NumPy's generator where
MindSpore leaves it. Each expected line was printed by MindSpore 2.10 running the same code."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.common.initializer import HeNormal, Normal, Uniform, XavierUniform, initializer


def _lines(tag, cell):
    return [f"{tag} {n} {p.shape} {p.asnumpy().ravel()[:4].view(np.uint32).tolist()}"
            for n, p in cell.parameters_and_names()]


def _bits(t, k=4):
    return t.asnumpy().ravel()[:k].view(np.uint32).tolist()


# MindSpore 2.10, the layers built one after another after set_seed(0)
LAYERS_MS = """
dense weight (3, 5) [1046665344, 3162920252, 1037306369, 3172619136]
dense bias (3,) [3197624308, 1049507533, 1022642577]
dense_nb weight (3, 5) [1052945241, 3197414300, 1032084003, 1049292777]
dense_x weight (3, 5) [1058125550, 3204305445, 3204742833, 3171822850]
dense_x bias (3,) [0, 0, 0]
dense_n weight (3, 5) [1023514997, 3164779842, 1004784240, 3174354987]
dense_n bias (3,) [998705003, 1013327476, 964794966]
conv weight (3, 2, 3, 3) [1033149299, 3180033883, 3185475214, 1034371751]
conv bias (3,) [3129888908, 3191744454, 3187007260]
conv_nb weight (3, 2, 3, 3) [3188071772, 1014053691, 3194172144, 1009834584]
conv1d weight (3, 2, 1, 3) [1048981167, 3196647569, 3197299603, 1046377593]
conv1d bias (3,) [1053660397, 3199319035, 3196591164]
convT weight (2, 2, 3, 3) [3189862696, 3179883024, 1044751527, 3188149507]
convT bias (4,) [1045792800, 3190460373, 981237942, 3185551055]
emb embedding_table (4, 3) [3143132779, 3111076580, 983948117, 1005416481]
mha in_proj_weight (12, 4) [1057579087, 1054727416, 3196147157, 1052090822]
mha in_proj_bias (12,) [0, 0, 0, 0]
mha out_proj.weight (4, 4) [3201593438, 1054307484, 3186460334, 3190974190]
mha out_proj.bias (4,) [1051586860, 1040073974, 1048524518, 3191547364]
prelu w (1,) [1048576000]
ln gamma (3,) [1065353216, 1065353216, 1065353216]
ln beta (3,) [0, 0, 0]
bn moving_mean (3,) [0, 0, 0]
bn moving_variance (3,) [1065353216, 1065353216, 1065353216]
bn gamma (3,) [1065353216, 1065353216, 1065353216]
bn beta (3,) [0, 0, 0]
init [1025434208, 3189953154, 3205599880, 3164720340]
initx [1058151637, 3208431013, 3209190897, 3203923311]
initd [0.045274294912815094, 0.04794815927743912, 0.05225599557161331, -0.044910233467817307]
np 0.7991585642167236
""".strip().splitlines()


def test_layers_start_from_mindspores_values():
    ms.set_seed(0)
    got = []
    for tag, make in [("dense", lambda: nn.Dense(5, 3)),
                      ("dense_nb", lambda: nn.Dense(5, 3, has_bias=False)),
                      ("dense_x", lambda: nn.Dense(5, 3, weight_init="xavier_uniform", bias_init="zeros")),
                      ("dense_n", lambda: nn.Dense(5, 3, weight_init=Normal(0.02), bias_init="normal")),
                      ("conv", lambda: nn.Conv2d(2, 3, 3, has_bias=True)),
                      ("conv_nb", lambda: nn.Conv2d(2, 3, 3)),
                      ("conv1d", lambda: nn.Conv1d(2, 3, 3, has_bias=True)),
                      ("convT", lambda: nn.Conv2dTranspose(2, 4, 3, has_bias=True, group=2)),
                      ("emb", lambda: nn.Embedding(4, 3)),
                      ("mha", lambda: nn.MultiheadAttention(4, 2)),
                      ("prelu", lambda: nn.PReLU()),
                      ("ln", lambda: nn.LayerNorm((3,))),
                      ("bn", lambda: nn.BatchNorm2d(3))]:
        got += _lines(tag, make())
    got.append(f"init {_bits(initializer(HeNormal(), (4, 5)).init_data())}")
    got.append(f"initx {_bits(initializer(XavierUniform(), (4, 5)).init_data())}")
    # TruncatedNormal (here between two of them) agrees to about one Float32 ulp, not bit for bit
    initializer("truncatedNormal", (6,))
    got.append(f"initd {initializer(Uniform(), (6,), ms.float64).init_data().asnumpy()[:4].tolist()}")
    got.append(f"np {np.random.rand()}")
    want = [w.replace("(", "").replace(")", "") for w in LAYERS_MS]
    assert [g.replace("(", "").replace(")", "") for g in got] == want


RNN_MS = """
lstm weight_ih_l0 (12, 2) Float32 [1030151927, 1048473946, 1039336576, 1028933675]
lstm weight_ih_l0_reverse (12, 2) Float32 [1033732155, 3196761099, 1021045013, 3203403945]
lstm weight_ih_l1 (12, 6) Float32 [1049098450, 3200393853, 1019674081, 3204693307]
lstm weight_ih_l1_reverse (12, 6) Float32 [1055939515, 1050805444, 3192212121, 3203901401]
lstm weight_hh_l0 (12, 3) Float32 [3202461120, 1042641354, 3201489431, 1057190420]
lstm weight_hh_l0_reverse (12, 3) Float32 [3198400331, 1057346953, 3178894369, 1053609107]
lstm weight_hh_l1 (12, 3) Float32 [1054285094, 3202489891, 1017406705, 3201926679]
lstm weight_hh_l1_reverse (12, 3) Float32 [1050136363, 1042342242, 3197744038, 3200823572]
lstm bias_ih_l0 (12,) Float32 [3200884373, 3202767180, 1043912864, 3201689758]
lstm bias_ih_l0_reverse (12,) Float32 [1052050976, 1047598241, 3203160377, 1056440380]
lstm bias_ih_l1 (12,) Float32 [1057126660, 1051780092, 1041907278, 1054689299]
lstm bias_ih_l1_reverse (12,) Float32 [1040668728, 3205105235, 3205443647, 3181929154]
lstm bias_hh_l0 (12,) Float32 [1057812131, 1039659269, 1049457736, 3204986806]
lstm bias_hh_l0_reverse (12,) Float32 [1052094564, 1034119497, 3185278676, 3204363803]
lstm bias_hh_l1 (12,) Float32 [3141888049, 1042606599, 3189465895, 3201739455]
lstm bias_hh_l1_reverse (12,) Float32 [1057763605, 1058075287, 3184988737, 3200729979]
gru weight_ih_l0 (12, 3) Float32 [3196191746, 1042929401, 1015925399, 3181082428]
gru weight_hh_l0 (12, 4) Float32 [1051568690, 3196470964, 991729778, 1055038033]
rnn weight_ih_l0 (4, 3) Float32 [3197572158, 3189905892, 1043626217, 1052912399]
rnn weight_hh_l0 (4, 4) Float32 [3201445317, 3183518032, 3203632440, 3189844630]
rnn bias_ih_l0 (4,) Float32 [1055715387, 3203882137, 1044984497, 1050712701]
rnn bias_hh_l0 (4,) Float32 [1008774749, 3190424861, 1049946368, 3201185325]
lstmcell weight_ih (12, 2) Float32 [3200343793, 1050512369, 3193507634, 3193110315]
lstmcell weight_hh (12, 3) Float32 [1033386281, 1020247893, 1055116822, 1057685659]
lstmcell bias_ih (12,) Float32 [3204396167, 3197580077, 3201004960, 3197903506]
lstmcell bias_hh (12,) Float32 [3193708879, 1031753144, 1055742141, 3203390578]
grucell weight_ih (9, 2) Float32 [1057293699, 3204252559, 1043671288, 1052610372]
grucell weight_hh (9, 3) Float32 [3204911529, 1047158497, 1034668834, 3152489238]
rnncell weight_ih (3, 2) Float32 [3195611033, 1055237254, 1032099794, 3193517529]
rnncell weight_hh (3, 3) Float32 [3160576961, 1055912989, 1056351730, 3186382557]
rnncell bias_ih (3,) Float32 [3174955118, 1052772007, 3205232260]
rnncell bias_hh (3,) Float32 [3188774457, 3195188265, 3204932777]
lstm16 weight_ih_l0 (12, 2) Float16 [14414, 13668, 12926, 46263]
lstm16 weight_hh_l0 (12, 3) Float16 [12064, 46865, 14437, 14334]
lstm16 bias_ih_l0 (12,) Float16 [13721, 46668, 12240, 46874]
lstm16 bias_hh_l0 (12,) Float16 [44557, 46603, 46914, 13789]
np 0.00515296426902323
""".strip().splitlines()


def test_recurrent_layers_and_cells_draw_as_mindspore():
    ms.set_seed(0)
    got = []
    for tag, make in [("lstm", lambda: nn.LSTM(2, 3, num_layers=2, bidirectional=True)),
                      ("gru", lambda: nn.GRU(3, 4, has_bias=False)),
                      ("rnn", lambda: nn.RNN(3, 4, batch_first=True)),
                      ("lstmcell", lambda: nn.LSTMCell(2, 3)),
                      ("grucell", lambda: nn.GRUCell(2, 3, has_bias=False)),
                      ("rnncell", lambda: nn.RNNCell(2, 3)),
                      ("lstm16", lambda: nn.LSTM(2, 3, dtype=ms.float16))]:
        for n, p in make().parameters_and_names():
            a = p.asnumpy().ravel()[:4]
            got.append(f"{tag} {n} {p.shape} {p.dtype} "
                       f"{a.view(np.uint32 if a.itemsize == 4 else np.uint16).tolist()}")
    got.append(f"np {np.random.rand()}")
    assert [g.replace("(", "").replace(")", "") for g in got] == [
        w.replace("(", "").replace(")", "") for w in RNN_MS]


def test_numpy_seed_alone_fixes_initial_values():
    # MindSpore's initializers read NumPy's generator, so numpy.random.seed is enough
    np.random.seed(0)
    a = nn.Dense(3, 2).weight.asnumpy()
    np.random.seed(0)
    assert (nn.Dense(3, 2).weight.asnumpy() == a).all()
    # MindSpore 2.10: numpy.random.seed(0); initializer(Normal(0.01), (5,)).init_data()
    np.random.seed(0)
    assert _bits(initializer(Normal(0.01), (5,)), 5) == [
        3147881617, 3146423717, 3161627096, 1004270509, 1001468852]


def test_an_initializer_fills_an_array_in_place():
    # MindSpore 2.10: numpy.random.seed(0); XavierUniform()(zeros((2, 3), float32))
    np.random.seed(0)
    a = np.zeros((2, 3), np.float32)
    assert XavierUniform()(a) is a
    assert a.ravel()[:3].view(np.uint32).tolist() == [1057679872, 3173287435, 1048697038]
    with pytest.raises(TypeError):
        XavierUniform()([0.0, 1.0])


def test_a_seeded_training_follows_mindspores(capsys):
    # MindSpore 2.10 printed these for this script (PyNative and GRAPH_MODE alike): the seed
    # fixes the data NumPy draws, the initial weights, the shuffle, and the random op after.
    from easy_mindspore import ops
    from easy_mindspore.dataset import NumpySlicesDataset
    from easy_mindspore.train import LossMonitor, Model
    ms.set_seed(1)
    x = np.random.randn(64, 8).astype(np.float32)
    y = (x.sum(1) > 0).astype(np.int32)
    net = nn.SequentialCell([nn.Dense(8, 16), nn.ReLU(), nn.Dense(16, 2)])
    model = Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                  nn.Adam(net.trainable_params(), 0.01), metrics={"acc"})
    data = NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=True).batch(16)
    model.train(3, data, callbacks=[LossMonitor(4)], dataset_sink_mode=False)
    losses = [float(line.rsplit(" ", 1)[1]) for line in capsys.readouterr().out.splitlines()]
    np.testing.assert_allclose(losses, [0.7280179262161255, 0.5268241763114929,
                                        0.44220420718193054], rtol=2e-6)
    ev = model.eval(NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(16),
                    dataset_sink_mode=False)
    assert ev == {"acc": 0.8125}
    np.testing.assert_allclose(net[0].weight.asnumpy().ravel()[:4],
                               [-0.12960882, 0.1486995, -0.1641029, -0.24172379], atol=1e-7)
    assert ops.normal((3,), 0.0, 1.0).asnumpy().tolist() == np.array(
        [0.22797997, -0.95994765, 0.53146225], np.float32).tolist()
