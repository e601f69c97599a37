"""Jacobians and Hessians: ``jacfwd`` and ``jacrev`` (MindSpore 2.10's, reference §6.3) and
``hessian`` (an extension, JAX's). The engine computes every Jacobian in one batched pass
(``_C.jacfwd``/``_C.jacrev`` over flat lists); this module checks ``grad_position`` like
``mindspore.grad`` (reference §6.2) and packs the results into MindSpore's structures.
"""
import numpy as _np

from . import _C, _tree
from ._C import Tensor
from ._errors import ComputeError, DTypeError, ShapeError
from ._grad import _check_position

__all__ = ["jacfwd", "jacrev", "hessian"]

_NUMBERS = (bool, int, float, _np.generic)


def jacfwd(fn, grad_position=0, has_aux=False):
    """``mindspore.jacfwd``: the Jacobian of ``fn`` by forward mode (best when ``fn`` has fewer
    inputs than outputs).

    The Jacobian of an output of shape ``S`` with respect to an input of shape ``X`` has shape
    ``S + X``. ``grad_position`` an int gives a Tensor per output; a tuple gives a tuple over the
    positions (a 1-tuple too). A tuple (or list) output gives a tuple (list) over its outputs, each
    as above. ``has_aux=True``: ``fn`` returns ``(out, aux...)``, only ``out`` is differentiated, and
    the result is ``(jacobian, aux)`` (``aux`` a single value or a tuple, not differentiated).
    ``fn`` may be called once per position.

    >>> import easy_mindspore as ems
    >>> ems.jacfwd(lambda x: x * x)(ems.arange(3.0))  # diag(2x)
    Tensor(shape=[3, 3], dtype=Float32, value=
    [[ 0.00000000e+00,  0.00000000e+00,  0.00000000e+00],
     [ 0.00000000e+00,  2.00000000e+00,  0.00000000e+00],
     [ 0.00000000e+00,  0.00000000e+00,  4.00000000e+00]])

    Args:
        fn (function): The function.
        grad_position (Union[int, tuple[int]], optional): The positions of the arguments to
            differentiate. Default: ``0``.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.

    Returns:
        function, returning the Jacobian of `fn` at its arguments.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.jacfwd(lambda x: x ** 2)(x))
        [[2. 0.]
         [0. 4.]]
    """
    return _jacobian(_C.jacfwd, "jacfwd", fn, grad_position, has_aux)


def jacrev(fn, grad_position=0, has_aux=False):
    """``mindspore.jacrev``: ``jacfwd``'s result by reverse mode (best when ``fn`` has more inputs
    than outputs).

    Args:
        fn (function): The function.
        grad_position (Union[int, tuple[int]], optional): The positions of the arguments to
            differentiate. Default: ``0``.
        has_aux (bool, optional): Whether `fn` returns ``(output, aux...)``; only `output` is
            differentiated. Default: ``False``.

    Returns:
        function, returning the Jacobian of `fn` at its arguments.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.jacrev(lambda x: x ** 2)(x))
        [[2. 0.]
         [0. 4.]]
    """
    return _jacobian(_C.jacrev, "jacrev", fn, grad_position, has_aux)


def hessian(fn, grad_position=0):
    """The Hessian of a scalar ``fn``: ``jacfwd(jacrev(fn, grad_position), grad_position)``, of
    shape ``X + X`` for an input of shape ``X``. With a tuple of positions, ``H[i][j]`` is the block
    of the positions ``i`` and ``j``. An extension: MindSpore has no ``hessian`` (JAX has).

    Args:
        fn (function): The function.
        grad_position (Union[int, tuple[int]], optional): The positions of the arguments to
            differentiate. Default: ``0``.

    Returns:
        function, returning the Hessian of `fn` at its arguments.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> def f(x):
        ...     return (x ** 3).sum()
        ...
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.hessian(f)(x))
        [[ 6.  0.]
         [ 0. 12.]]
    """
    return jacfwd(jacrev(fn, grad_position), grad_position)


def _jacobian(native, name, fn, grad_position, has_aux):
    def jac_fn(*args, **kwargs):
        if not callable(fn):
            raise DTypeError(f"The fn should be callable, but got {type(fn).__name__}")
        if not isinstance(has_aux, bool):
            raise DTypeError(f"For '{name}', the 'has_aux' must be bool, but got {type(has_aux).__name__}")
        ps = _check_position(grad_position)
        if ps is None:
            raise DTypeError("For 'F.grad', the 'grad_position' must be int or tuple.")
        for p in ps:
            if p >= len(args):
                raise ComputeError(f"Position index {p} is exceed input size.")
            if not isinstance(args[p], Tensor):
                raise DTypeError(f"For '{name}', the argument at grad_position {p} must be a Tensor, "
                                 f"but got {type(args[p]).__name__}")
        wrt = sorted(set(ps))
        box = {}

        def flat(ts):
            a = list(args)
            for p, t in zip(wrt, ts):
                a[p] = t
            out = fn(*a, **kwargs)
            if has_aux:
                if not isinstance(out, (tuple, list)) or len(out) < 2:
                    raise ShapeError("When has_aux is True, origin fn requires more than one outputs.")
                out, box["aux"] = out[0], tuple(out[1:])
            box["out"] = out
            return [_output_tensor(name, leaf) for leaf in _tree.leaves(out)]

        _, jac = native(flat, [args[p] for p in wrt], list(range(len(wrt))))
        k = {p: i for i, p in enumerate(wrt)}
        if isinstance(grad_position, int):
            per_output = [row[k[grad_position]] for row in jac]
        else:
            per_output = [tuple(row[k[p]] for p in ps) for row in jac]
        result = _tree.rebuild(box["out"], iter(per_output))
        if has_aux:
            aux = tuple(_C.stop_gradient(a) if isinstance(a, Tensor) else a for a in box["aux"])
            return result, aux[0] if len(aux) == 1 else aux
        return result

    return jac_fn


def _output_tensor(name, leaf):
    if isinstance(leaf, Tensor):
        return leaf
    if isinstance(leaf, _NUMBERS):
        return Tensor(leaf)
    raise DTypeError(f"For '{name}', the function must return Tensors (or tuples or lists of them), "
                     f"but it returned a {type(leaf).__name__}")
