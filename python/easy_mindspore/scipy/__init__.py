"""``mindspore.scipy``: SciPy-style functions over Tensors: ``linalg`` (factorisations and
solvers), ``fft`` (the orthonormal discrete cosine transform) and ``optimize`` (BFGS and L-BFGS
minimisation, a line search, the linear sum assignment); ``ops`` (the primitive-style
``SolveTriangular``, ``Eig``, ``LinearSumAssignment``), ``ops_wrapper`` (``matrix_set_diag``) and
``utils``, which MindSpore's own scipy code and tests import."""
from . import fft, linalg, ops, ops_wrapper, optimize, utils

__all__ = ["fft", "linalg", "optimize"]
