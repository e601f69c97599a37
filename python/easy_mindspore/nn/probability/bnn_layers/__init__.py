"""``mindspore.nn.probability.bnn_layers``: Bayesian layers trained by variational inference.

A layer's weight (and bias) is a Normal posterior ``N(mean, softplus(untransformed_std))``
(``NormalPosterior``: two trainable Parameters) sampled afresh at every call, with a Normal prior
(``NormalPrior``, ``N(0, 0.1)`` by default). ``compute_kl_loss()`` gives the prior-to-posterior
KL divergence summed over the layer's parameters — MindSpore 2.10's direction,
``KL(prior ‖ posterior)`` (measured) — and ``WithBNNLossCell`` adds it, times ``bnn_factor``, to the
backbone's loss times ``dnn_factor``. ``DenseReparam`` and ``ConvReparam`` sample the weight (the
reparameterisation trick); ``DenseLocalReparam`` samples the outputs from their Normal instead
(the local reparameterisation trick)."""
from .bnn_cell_wrapper import WithBNNLossCell
from .conv_variational import ConvReparam
from .dense_variational import DenseLocalReparam, DenseReparam
from .layer_distribution import NormalPosterior, NormalPrior

__all__ = ["ConvReparam", "DenseReparam", "DenseLocalReparam", "NormalPrior", "NormalPosterior",
           "WithBNNLossCell"]
