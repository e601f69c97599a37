"""``mindspore.mint``: MindSpore 2.x's PyTorch-style API (``input``/``dim``/``keepdim`` arguments),
its recommended functional interface, as a thin front over this package's ops, layers and
optimizers: ``mint`` (tensor functions), ``mint.nn`` (layers), ``mint.nn.functional``,
``mint.optim``, ``mint.linalg`` and ``mint.special``.

Values, dtypes and error classes follow MindSpore 2.10 where its CPU build runs the function
(measured; see python/tests/test_mint*.py); where that build has no CPU kernel (many mint
functions are Ascend-first), the documented behaviour is implemented and the module says so."""
from . import _creation, _index, _matmul, _pointwise, _reduction, _shape
from ._creation import (arange, bernoulli, empty, empty_like, eye, full, full_like, linspace,
                        multinomial, normal, ones, ones_like, rand, rand_like, randint,
                        randint_like, randn, randn_like, randperm, zeros, zeros_like)
from ._index import *  # noqa: F401,F403
from ._matmul import *  # noqa: F401,F403
from ._pointwise import *  # noqa: F401,F403
from ._reduction import *  # noqa: F401,F403
from ._shape import *  # noqa: F401,F403
from . import nn, optim, linalg, special, distributed  # noqa: E402
from ..ops.function.nn_func import softmax_ext  # noqa: E402  (MindSpore's mint has it too)

__all__ = sorted(
    ("arange", "bernoulli", "empty", "empty_like", "eye", "full", "full_like", "linspace",
     "multinomial", "normal", "ones", "ones_like", "rand", "rand_like", "randint", "randint_like",
     "randn", "randn_like", "randperm", "zeros", "zeros_like")
    + _index.NAMES + _matmul.NAMES + _pointwise.NAMES + _reduction.NAMES + _shape.NAMES)
