"""``easy_mindspore.nn`` (also ``mindspore.nn`` when MindSpore is not installed): Cells, layers,
losses and optimizers with MindSpore's names. Dense, convolution, pooling, BatchNorm, the cross
entropies and the optimizers are Rust layers of ``easy_mindspore::nn`` (this package translates
arguments and keeps the Cell tree); the other layers and losses are a few engine ops each."""
from ..common.parameter import Parameter, ParameterTuple
from . import activation as _activation
from .activation import *  # noqa: F401,F403 - the activation cells (listed in their __all__)
from .adaptive import AdaptiveAvgPool2d, AdaptiveMaxPool2d
from .cell import Cell, CellList, SequentialCell
from .conv import AvgPool1d, Conv1d, Conv1dTranspose, Conv2dTranspose, MaxPool1d
from .embedding import Embedding
from .layer import (AvgPool2d, BatchNorm1d, BatchNorm2d, Conv2d, Dense, Dropout, Flatten,
                    LogSoftmax, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh, get_activation)
from .loss import (BCELoss, BCEWithLogitsLoss, CosineEmbeddingLoss, CrossEntropyLoss, HuberLoss,
                   KLDivLoss, L1Loss, LossBase, MAELoss, MSELoss, NLLLoss, RMSELoss, SmoothL1Loss,
                   SoftMarginLoss, SoftmaxCrossEntropyWithLogits)
from .normalization import GroupNorm, LayerNorm
from .instance_norm import InstanceNorm1d, InstanceNorm2d, InstanceNorm3d
from .upsample import Upsample
from .layers_more import (ChannelShuffle, Dropout1d, Dropout2d, Dropout3d, MatMul,
                          MatrixDiag, MatrixDiagPart, MatrixSetDiag, Moments, Norm,
                          OneHot, PixelShuffle, PixelUnshuffle, ReduceLogSumExp, Roll, Softmax2d,
                          Tril, Triu, Unflatten)
from .losses_more import (DiceLoss, FocalLoss, GaussianNLLLoss, HingeEmbeddingLoss,
                          MarginRankingLoss, MultiClassDiceLoss, MultiLabelSoftMarginLoss,
                          MultiMarginLoss, MultilabelMarginLoss, PoissonNLLLoss,
                          TripletMarginLoss)
from .layers_extra import (AdaptiveAvgPool1d, AdaptiveMaxPool1d, BiDense, ClipByNorm,
                           L1Regularizer, Linear, Range, RReLU, TimeDistributed)
from .cell_dict import CellDict
from .image_more import CentralCrop, ImageGradients
from .normalization_more import BatchNorm3d, SyncBatchNorm
from .pooling_more import FractionalMaxPool2d, FractionalMaxPool3d, LPPool1d, LPPool2d
from .layers_bn_act import Conv2dBnAct, DenseBnAct
from .adaptive3d import AdaptiveAvgPool3d, AdaptiveMaxPool3d
from .embedding_more import EmbeddingLookup
from .grad_cells import Jvp, Vjp, WithGradCell
from .padding import (ConstantPad1d, ConstantPad2d, ConstantPad3d, Pad, ReflectionPad1d,
                      ReflectionPad2d, ReflectionPad3d, ReplicationPad1d, ReplicationPad2d,
                      ReplicationPad3d, ZeroPad2d)
from .loss_scale import (DynamicLossScaleUpdateCell, FixedLossScaleUpdateCell,
                         TrainOneStepWithLossScaleCell)
from .transformer import (MultiheadAttention, Transformer, TransformerDecoder,
                          TransformerDecoderLayer, TransformerEncoder, TransformerEncoderLayer)
from .rnn import GRU, LSTM, RNN, GRUCell, LSTMCell, RNNCell
from .unfold import Unfold
from .optim import SGD, Adam, AdamW, AdamWeightDecay, Momentum, Optimizer
from .optim import Adadelta, Adagrad, AdaMax, Adamax, RMSProp
from .optim_more import ASGD, FTRL, LARS, AdaFactor, AdamOffload, Lamb, LazyAdam, ProximalAdagrad, Rprop
from .dynamic_lr import (cosine_decay_lr, exponential_decay_lr, inverse_decay_lr,
                         natural_exp_decay_lr, piecewise_constant_lr, polynomial_decay_lr,
                         warmup_lr)
from .learning_rate_schedule import (CosineDecayLR, ExponentialDecayLR, InverseDecayLR,
                                     LearningRateSchedule, NaturalExpDecayLR, PolynomialDecayLR,
                                     WarmUpLR)
from .wrap import ForwardValueAndGrad, TrainOneStepCell, WithEvalCell, WithLossCell
from .grad_reducer import DistributedGradReducer
from .graph_cell import GraphCell
# MindSpore 2.x also exports the metrics from nn (after .wrap: mindspore.train imports it)
from ..train.metrics import (F1, MAE, MSE, Accuracy, Fbeta, Loss, Metric, Precision, Recall,
                             Top1CategoricalAccuracy, Top5CategoricalAccuracy,
                             TopKCategoricalAccuracy, get_metric_fn, get_metrics, names,
                             rearrange_inputs, ROC, BleuScore, ConfusionMatrix,
                             ConfusionMatrixMetric, CosineSimilarity, Dice, HausdorffDistance,
                             MeanSurfaceDistance, OcclusionSensitivity, Perplexity,
                             RootMeanSquareDistance, auc)

__all__ = ["Parameter", "ParameterTuple", "Cell", "CellList", "SequentialCell", "Dense",
           "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "ReLU", "Sigmoid", "Tanh", "Softmax",
           "LogSoftmax", "Dropout", "BatchNorm1d", "BatchNorm2d", "get_activation", "MSELoss",
           "L1Loss", "CrossEntropyLoss", "SoftmaxCrossEntropyWithLogits", "BCEWithLogitsLoss",
           "Optimizer", "SGD", "Momentum", "Adam", "AdamW", "AdamWeightDecay", "WithLossCell",
           "TrainOneStepCell", "Embedding", "ForwardValueAndGrad", "AdaptiveAvgPool2d",
           "AdaptiveMaxPool2d", "Conv1d", "Conv1dTranspose", "Conv2dTranspose", "MaxPool1d",
           "AvgPool1d", "LayerNorm", "GroupNorm",
           "LossBase", "NLLLoss", "BCELoss", "SmoothL1Loss", "HuberLoss", "KLDivLoss",
           "SoftMarginLoss", "MAELoss", "RMSELoss", "CosineEmbeddingLoss",
           "WithEvalCell", "Metric", "Accuracy", "Precision", "Recall",
           "Fbeta", "F1", "TopKCategoricalAccuracy", "Top1CategoricalAccuracy",
           "Top5CategoricalAccuracy", "Loss", "MAE", "MSE", "get_metric_fn", "get_metrics", "names",
           "rearrange_inputs", "ROC", "BleuScore", "ConfusionMatrix", "ConfusionMatrixMetric",
           "CosineSimilarity", "Dice", "HausdorffDistance", "MeanSurfaceDistance",
           "OcclusionSensitivity", "Perplexity", "RootMeanSquareDistance", "auc", "MultiheadAttention", "TransformerEncoderLayer",
           "TransformerEncoder", "TransformerDecoderLayer", "TransformerDecoder", "Transformer",
           "RNN", "GRU", "LSTM", "RNNCell", "GRUCell", "LSTMCell"]
__all__ += _activation.__all__
__all__ += ["Adagrad", "RMSProp", "Adadelta", "AdaMax", "Adamax", "LearningRateSchedule",
            "ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR",
            "PolynomialDecayLR", "WarmUpLR", "piecewise_constant_lr", "exponential_decay_lr",
            "natural_exp_decay_lr", "inverse_decay_lr", "cosine_decay_lr", "polynomial_decay_lr",
            "warmup_lr"]
__all__ += ["DistributedGradReducer"]
__all__ += ["Unfold"]
__all__ += ["Lamb", "FTRL", "ProximalAdagrad", "LARS", "ASGD", "Rprop", "LazyAdam", "AdaFactor",
            "AdamOffload"]
__all__ += ["InstanceNorm1d", "InstanceNorm2d", "InstanceNorm3d", "Upsample"]
__all__ += ["DynamicLossScaleUpdateCell", "FixedLossScaleUpdateCell", "TrainOneStepWithLossScaleCell"]
__all__ += ["Pad", "ZeroPad2d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d",
            "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d",
            "ReplicationPad2d", "ReplicationPad3d"]
__all__ += ["Dropout1d", "Dropout2d", "Dropout3d", "Unflatten", "Softmax2d", "Tril", "Triu", "Roll",
            "OneHot", "PixelShuffle", "PixelUnshuffle", "ChannelShuffle", "Norm", "MatMul",
            "ReduceLogSumExp", "Moments", "MatrixDiag", "MatrixDiagPart", "MatrixSetDiag"]
__all__ += ["MarginRankingLoss", "HingeEmbeddingLoss", "MultiMarginLoss", "MultiLabelSoftMarginLoss",
            "PoissonNLLLoss", "GaussianNLLLoss", "DiceLoss", "MultiClassDiceLoss", "FocalLoss",
            "TripletMarginLoss", "MultilabelMarginLoss"]
__all__ += ["Linear", "BiDense", "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "RReLU", "Range",
            "ClipByNorm"]
__all__ += ["CellDict", "GraphCell"]
__all__ += ["TimeDistributed", "L1Regularizer"]
__all__ += ["ImageGradients", "CentralCrop", "BatchNorm3d"]
__all__ += ["LPPool1d", "LPPool2d", "FractionalMaxPool2d", "FractionalMaxPool3d"]
__all__ += ["DenseBnAct", "Conv2dBnAct"]
__all__ += ["AdaptiveAvgPool3d", "AdaptiveMaxPool3d"]
__all__ += ["EmbeddingLookup"]
__all__ += ["Jvp", "Vjp", "WithGradCell"]
__all__ += ["SyncBatchNorm"]

# 3-D convolution and pooling, unpooling, image quality, LRN and CTC loss.
from .conv3d import Conv3d, Conv3dTranspose  # noqa: E402
from .image_quality import LRN, MSSSIM, PSNR, SSIM, CTCLoss  # noqa: E402
from .pool3d import AvgPool3d, MaxPool3d, MaxUnpool1d, MaxUnpool2d, MaxUnpool3d  # noqa: E402

__all__ += ["Conv3d", "Conv3dTranspose", "MaxPool3d", "AvgPool3d", "MaxUnpool1d", "MaxUnpool2d",
            "MaxUnpool3d", "SSIM", "MSSSIM", "PSNR", "LRN", "CTCLoss"]
from .math_cells import DiGamma, IGamma, LBeta, LGamma, MatDet, MatInverse  # noqa: E402
from .losses_more import TripletMarginWithDistanceLoss  # noqa: E402
from .wrap import ParameterUpdate  # noqa: E402
from .sparse import SparseTensorDenseMatmul, SparseToDense  # noqa: E402

__all__ += ["DiGamma", "LGamma", "LBeta", "IGamma", "MatDet", "MatInverse",
            "TripletMarginWithDistanceLoss", "ParameterUpdate", "SparseToDense", "SparseTensorDenseMatmul"]

from . import utils  # noqa: E402
from .utils import no_init_parameters  # noqa: E402

__all__ += ["utils", "no_init_parameters"]

# The sampled softmax loss and the multi-field embedding lookup.
from .sampled_losses import MultiFieldEmbeddingLookup, SampledSoftmaxLoss  # noqa: E402

__all__ += ["SampledSoftmaxLoss", "MultiFieldEmbeddingLookup"]

# MindSpore 2.x's ``nn.*Ext`` classes are its ``mint.nn`` layers under a second name.
_EXT = {"AvgPool1dExt": "AvgPool1d", "AvgPool2dExt": "AvgPool2d", "AvgPool3dExt": "AvgPool3d",
        "MaxPool2dExt": "MaxPool2d", "DropoutExt": "Dropout", "Dropout2dExt": "Dropout2d",
        "EmbeddingExt": "Embedding", "LayerNormExt": "LayerNorm", "LogSoftmaxExt": "LogSoftmax",
        "L1LossExt": "L1Loss", "PReLUExt": "PReLU"}
__all__ += list(_EXT)


def __getattr__(name):
    """The ``nn.*Ext`` names, looked up in ``mint.nn`` on first use (``mint`` is imported after
    this package, whose layers it builds on)."""
    if name in _EXT:
        from ..mint import nn as mint_nn
        return getattr(mint_nn, _EXT[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_EXT))

# Probability distributions (a subpackage, as MindSpore's).
from . import probability  # noqa: E402,F401

# MindSpore's ``nn.wrap`` is a package: ``mindspore.nn.wrap.cell_wrapper`` (the cells of our
# ``nn.wrap``), ``.loss_scale`` and ``.grad_reducer`` (our ``nn.loss_scale``, ``nn.grad_reducer``)
# are registered by name so that their imports work.
import sys as _sys  # noqa: E402

from . import grad_reducer as _grad_reducer, loss_scale as _loss_scale, wrap as _wrap  # noqa: E402

for _sub, _module in (("cell_wrapper", _wrap), ("loss_scale", _loss_scale), ("grad_reducer", _grad_reducer)):
    _sys.modules[_wrap.__name__ + "." + _sub] = _module
