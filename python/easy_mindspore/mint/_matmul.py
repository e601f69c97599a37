"""``mindspore.mint`` products and small linear algebra: ``matmul``/``mm``/``bmm``/``mv``/``dot``/
``vdot``/``outer``, the fused ``add*`` forms with ``beta`` and ``alpha``, ``einsum``, ``cross``,
``cdist``, ``inverse``, ``triangular_solve`` and ``item``.

Measured on MindSpore 2.10 (CPU): ``matmul`` with mismatched inner sizes is a RuntimeError;
``matmul`` of two 1-D tensors is their dot product; ``cdist`` and ``cross`` run. ``mm``, ``mv``,
``dot``, ``outer``, ``addmm``, ``baddbmm``, ``inverse``, ``triangular_solve`` have no CPU kernel
there (``einsum`` "only supports Ascend") and follow the documentation."""
from .. import ops
from .._errors import ShapeError
from ._wrap import alias, check_tensor, name_errors


def _rank(op, name, t, ndim):
    check_tensor(op, name, t)
    if t.ndim != ndim:
        raise ShapeError(f"For '{op}', '{name}' must be {ndim}-D, but got shape {tuple(t.shape)}.")
    return t


@alias(ops.matmul)
def matmul(input, other):  # noqa: A002
    return ops.matmul(input, other)


def mm(input, mat2):  # noqa: A002
    """The product of two matrices.

    Args:
        input (Tensor): An (n, m) matrix.
        mat2 (Tensor): An (m, p) matrix.

    Returns:
        Tensor of shape (n, p).

    Raises:
        ValueError: An input is not 2-D.
        RuntimeError: The inner sizes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.mm(ms.Tensor([[1.0, 2.0]]), ms.Tensor([[3.0], [4.0]])))
        [[11.]]
    """
    _rank("mm", "input", input, 2)
    _rank("mm", "mat2", mat2, 2)
    return ops.matmul(input, mat2)


def bmm(input, mat2):  # noqa: A002
    """Batched matrix products of (b, n, m) and (b, m, p) tensors.

    Args:
        input (Tensor): A (b, n, m) tensor.
        mat2 (Tensor): A (b, m, p) tensor.

    Returns:
        Tensor of shape (b, n, p).

    Raises:
        ValueError: An input is not 3-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.bmm(mint.ones((2, 2, 3)), mint.ones((2, 3, 1))).shape)
        (2, 2, 1)
    """
    _rank("bmm", "input", input, 3)
    _rank("bmm", "mat2", mat2, 3)
    return ops.matmul(input, mat2)


def mv(input, vec):  # noqa: A002
    """The product of a matrix and a vector.

    Args:
        input (Tensor): An (n, m) matrix.
        vec (Tensor): An (m,) vector.

    Returns:
        Tensor of shape (n,).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.mv(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), ms.Tensor([1.0, 1.0, 1.0])))
        [ 9. 12.]
    """
    _rank("mv", "input", input, 2)
    _rank("mv", "vec", vec, 1)
    return ops.matmul(input, vec)


def dot(input, other):  # noqa: A002
    """The dot product of two 1-D tensors of one length.

    Args:
        input (Tensor): A 1-D tensor.
        other (Tensor): A 1-D tensor.

    Returns:
        0-d Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.dot(ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, 4.0])))
        11.0
    """
    _rank("dot", "input", input, 1)
    _rank("dot", "other", other, 1)
    if input.shape != other.shape:
        raise ShapeError(f"For 'dot', the inputs must have one length, but got {tuple(input.shape)} "
                         f"and {tuple(other.shape)}.")
    return ops.matmul(input, other)


def vdot(input, other):  # noqa: A002
    """The dot product of two 1-D tensors, the first conjugated.

    Args:
        input (Tensor): A 1-D tensor.
        other (Tensor): A 1-D tensor.

    Returns:
        0-d Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.vdot(ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, 4.0])))
        11.0
    """
    _rank("vdot", "input", input, 1)
    return dot(ops.conj(input) if hasattr(ops, "conj") else input, other)


def outer(input, vec2):  # noqa: A002
    """The outer product of two 1-D tensors.

    Args:
        input (Tensor): An (n,) tensor.
        vec2 (Tensor): An (m,) tensor.

    Returns:
        Tensor of shape (n, m).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.outer(ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, 4.0])))
        [[3. 4.]
         [6. 8.]]
    """
    _rank("outer", "input", input, 1)
    _rank("outer", "vec2", vec2, 1)
    return ops.outer(input, vec2)


def _scaled(beta, input, alpha, product):
    out = product if alpha == 1 else product * alpha
    if beta == 0:  # the documented rule: `input` is ignored, NaN in it do not propagate
        return out + ops.zeros_like(input)
    return out + (input if beta == 1 else input * beta)


def addmm(input, mat1, mat2, *, beta=1, alpha=1):  # noqa: A002
    """``beta * input + alpha * (mat1 @ mat2)``.

    Args:
        input (Tensor): Broadcast to (n, p).
        mat1 (Tensor): An (n, m) matrix.
        mat2 (Tensor): An (m, p) matrix.
        beta (number): The scale of `input` (0 ignores it). Default: ``1``.
        alpha (number): The scale of the product. Default: ``1``.

    Returns:
        Tensor of shape (n, p).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addmm(ms.Tensor([1.0]), ms.Tensor([[1.0, 2.0]]), ms.Tensor([[3.0], [4.0]]), beta=2, alpha=0.5))
        [[7.5]]
    """
    return _scaled(beta, input, alpha, mm(mat1, mat2))


def addbmm(input, batch1, batch2, *, beta=1, alpha=1):  # noqa: A002
    """``beta * input + alpha * sum_b(batch1[b] @ batch2[b])``.

    Args:
        input (Tensor): Broadcast to (n, p).
        batch1 (Tensor): A (b, n, m) tensor.
        batch2 (Tensor): A (b, m, p) tensor.
        beta (number): The scale of `input`. Default: ``1``.
        alpha (number): The scale of the product. Default: ``1``.

    Returns:
        Tensor of shape (n, p).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addbmm(mint.zeros((2, 2)), mint.ones((3, 2, 4)), mint.ones((3, 4, 2))))
        [[12. 12.]
         [12. 12.]]
    """
    return _scaled(beta, input, alpha, bmm(batch1, batch2).sum(0))


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1):  # noqa: A002
    """``beta * input + alpha * (batch1 @ batch2)``, batched.

    Args:
        input (Tensor): Broadcast to (b, n, p).
        batch1 (Tensor): A (b, n, m) tensor.
        batch2 (Tensor): A (b, m, p) tensor.
        beta (number): The scale of `input`. Default: ``1``.
        alpha (number): The scale of the product. Default: ``1``.

    Returns:
        Tensor of shape (b, n, p).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.baddbmm(mint.ones((1, 2, 2)), mint.ones((1, 2, 3)), mint.ones((1, 3, 2)), beta=0.5, alpha=2))
        [[[6.5 6.5]
          [6.5 6.5]]]
    """
    return _scaled(beta, input, alpha, bmm(batch1, batch2))


def addmv(input, mat, vec, *, beta=1, alpha=1):  # noqa: A002
    """``beta * input + alpha * (mat @ vec)``.

    Args:
        input (Tensor): Broadcast to (n,).
        mat (Tensor): An (n, m) matrix.
        vec (Tensor): An (m,) vector.
        beta (number): The scale of `input`. Default: ``1``.
        alpha (number): The scale of the product. Default: ``1``.

    Returns:
        Tensor of shape (n,).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addmv(ms.Tensor([1.0, 1.0]), ms.Tensor([[1.0, 2.0], [3.0, 4.0]]), ms.Tensor([1.0, 1.0])))
        [4. 8.]
    """
    return _scaled(beta, input, alpha, mv(mat, vec))


def addr_(input, vec1, vec2, beta=1, alpha=1):  # noqa: A002
    """``beta * input + alpha * outer(vec1, vec2)``.

    Args:
        input (Tensor): Broadcast to (n, m).
        vec1 (Tensor): An (n,) vector.
        vec2 (Tensor): An (m,) vector.
        beta (number): The scale of `input`. Default: ``1``.
        alpha (number): The scale of the product. Default: ``1``.

    Returns:
        Tensor of shape (n, m).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.addr_(mint.ones((2, 2)), ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, 4.0])))
        [[4. 5.]
         [7. 9.]]
    """
    return _scaled(beta, input, alpha, outer(vec1, vec2))


@alias(ops.einsum)
def einsum(equation, *operands):
    return ops.einsum(equation, *operands)


@alias(ops.cross)
def cross(input, other, dim=None):  # noqa: A002
    return ops.cross(input, other, dim)


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    """The `p`-norm distances between the rows of `x1` and of `x2` (batched).

    Args:
        x1 (Tensor): A (..., n, d) tensor.
        x2 (Tensor): A (..., m, d) tensor.
        p (float): The norm, at least 0. Default: ``2.0``.
        compute_mode (str): Accepted for MindSpore's signature (the distances are computed directly).

    Returns:
        Tensor of shape (..., n, m).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.cdist(ms.Tensor([[0.0, 0.0]]), ms.Tensor([[3.0, 4.0]])))
        [[5.]]
    """
    return ops.cdist(x1, x2, p)


@alias(ops.inverse)
def inverse(input):  # noqa: A002
    return ops.inverse(input)


def triangular_solve(b, A, upper=True, transpose=False, unitriangular=False):  # noqa: N803
    """Solves ``A X = b`` for a triangular `A` (batched); gives (X, A).

    Args:
        b (Tensor): The right sides, (..., n, k).
        A (Tensor): Square (..., n, n); only its `upper` (or lower) triangle is read.
        upper (bool): Whether `A` is upper triangular. Default: ``True``.
        transpose (bool): Whether to solve with `A` transposed. Default: ``False``.
        unitriangular (bool): Whether `A`'s diagonal is taken as ones. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the solution and a copy of `A`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x, _ = mint.triangular_solve(ms.Tensor([[1.0], [2.0]]), ms.Tensor([[2.0, 1.0], [0.0, 4.0]]))
        >>> print(x)
        [[0.25]
         [0.5 ]]
    """
    check_tensor("triangular_solve", "b", b)
    check_tensor("triangular_solve", "A", A)
    if A.ndim < 2 or A.shape[-1] != A.shape[-2]:
        raise ShapeError(f"For 'triangular_solve', A must be square, but got shape {tuple(A.shape)}.")
    tri = ops.triu(A) if upper else ops.tril(A)
    if unitriangular:
        eye = ops.eye(A.shape[-1], A.shape[-1], A.dtype)
        tri = tri * (1 - eye) + eye
    if transpose:
        tri = ops.swapaxes(tri, -1, -2)
    # The inverse of a triangular matrix by LU in Float64 (the engine's `inverse`), then one product.
    return ops.matmul(ops.inverse(tri), b), A.copy()


def item(input):  # noqa: A002
    """The value of a one-element tensor as a Python number.

    Args:
        input (Tensor): A tensor of one element.

    Returns:
        Union[int, float, bool].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.item(ms.Tensor([2.5])))
        2.5
    """
    check_tensor("item", "input", input)
    return input.item()


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa: A002
    """Alias of :func:`mindspore.mint.nn.functional.conv2d`.

    Args:
        input (Tensor): (N, C_in, H, W).
        weight (Tensor): (C_out, C_in / groups, kH, kW).
        bias (Tensor, optional): (C_out,). Default: ``None``.
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on each side, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.

    Returns:
        Tensor (N, C_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> print(mint.conv2d(mint.ones((1, 1, 3, 3)), mint.ones((1, 1, 2, 2))).shape)
        (1, 1, 2, 2)
    """
    from .nn import _f_conv
    return _f_conv.conv2d(input, weight, bias, stride, padding, dilation, groups)


def npu_gelu(input, approximate="none"):  # noqa: A002
    """Alias of :func:`mindspore.mint.nn.functional.gelu` (MindSpore's name for its NPU kernel).

    Args:
        input (Tensor): A float tensor.
        approximate (str): ``'none'`` or ``'tanh'``. Default: ``'none'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.npu_gelu(ms.Tensor([0.0])))
        [0.]
    """
    from .nn import _f_activation
    return _f_activation.gelu(input, approximate)


NAMES = ("conv2d", "npu_gelu", "matmul", "mm", "bmm", "mv", "dot", "vdot", "outer", "addmm", "addbmm", "baddbmm", "addmv",
         "addr_", "einsum", "cross", "cdist", "inverse", "triangular_solve", "item")
__all__ = list(NAMES)

name_errors(globals(), NAMES)
