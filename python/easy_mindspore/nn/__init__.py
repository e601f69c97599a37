"""``easy_mindspore.nn`` (also ``mindspore.nn`` when MindSpore is not installed): Cells, layers,
losses and optimizers with MindSpore's names. Every layer, loss and optimizer is the Rust one of
``easy_mindspore::nn``; this package translates arguments and keeps the Cell tree."""
from ..common.parameter import Parameter, ParameterTuple
from .adaptive import AdaptiveAvgPool2d, AdaptiveMaxPool2d
from .cell import Cell, CellList, SequentialCell
from .embedding import Embedding
from .layer import (AvgPool2d, BatchNorm1d, BatchNorm2d, Conv2d, Dense, Dropout, Flatten,
                    LogSoftmax, MaxPool2d, ReLU, Sigmoid, Softmax, Tanh, get_activation)
from .loss import (BCEWithLogitsLoss, CrossEntropyLoss, L1Loss, MSELoss,
                   SoftmaxCrossEntropyWithLogits)
from .optim import SGD, Adam, AdamW, AdamWeightDecay, Momentum, Optimizer
from .optim import Adadelta, Adagrad, AdaMax, Adamax, RMSProp
from .dynamic_lr import (cosine_decay_lr, exponential_decay_lr, inverse_decay_lr,
                         natural_exp_decay_lr, piecewise_constant_lr, polynomial_decay_lr,
                         warmup_lr)
from .learning_rate_schedule import (CosineDecayLR, ExponentialDecayLR, InverseDecayLR,
                                     LearningRateSchedule, NaturalExpDecayLR, PolynomialDecayLR,
                                     WarmUpLR)
from .wrap import ForwardValueAndGrad, TrainOneStepCell, WithLossCell

__all__ = ["Parameter", "ParameterTuple", "Cell", "CellList", "SequentialCell", "Dense",
           "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "ReLU", "Sigmoid", "Tanh", "Softmax",
           "LogSoftmax", "Dropout", "BatchNorm1d", "BatchNorm2d", "get_activation", "MSELoss",
           "L1Loss", "CrossEntropyLoss", "SoftmaxCrossEntropyWithLogits", "BCEWithLogitsLoss",
           "Optimizer", "SGD", "Momentum", "Adam", "AdamW", "AdamWeightDecay", "WithLossCell",
           "TrainOneStepCell", "Embedding", "ForwardValueAndGrad", "AdaptiveAvgPool2d",
           "AdaptiveMaxPool2d"]
__all__ += ["Adagrad", "RMSProp", "Adadelta", "AdaMax", "Adamax", "LearningRateSchedule",
            "ExponentialDecayLR", "NaturalExpDecayLR", "InverseDecayLR", "CosineDecayLR",
            "PolynomialDecayLR", "WarmUpLR", "piecewise_constant_lr", "exponential_decay_lr",
            "natural_exp_decay_lr", "inverse_decay_lr", "cosine_decay_lr", "polynomial_decay_lr",
            "warmup_lr"]
