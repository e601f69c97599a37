"""``mindspore.scipy``: SciPy-style functions over Tensors: ``linalg`` (factorisations and
solvers), ``fft`` (the orthonormal discrete cosine transform) and ``optimize`` (BFGS and L-BFGS
minimisation, a line search, the linear sum assignment)."""
from . import fft, linalg, optimize

__all__ = ["fft", "linalg", "optimize"]
