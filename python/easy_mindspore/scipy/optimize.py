"""``mindspore.scipy.optimize``: ``minimize`` (BFGS and L-BFGS), the strong-Wolfe
``line_search`` they use and ``linear_sum_assignment``. The iteration follows MindSpore 2.10's
(its count of iterations and evaluations, its status codes, the first trial step of each line
search) with the vectors in NumPy between evaluations of the user's function and its gradient
(``mindspore.value_and_grad`` unless a `jac` is given); the result's tensors have `x0`'s dtype.

Status codes: 0 converged, 1 the iteration limit reached, 2 + the line search's status when a
line search failed (its 1: the zoom failed, 3: its own limit)."""
import collections

import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError

__all__ = ["minimize", "line_search", "linear_sum_assignment"]

OptimizeResults = collections.namedtuple(
    "OptimizeResults", ["x", "success", "status", "fun", "jac", "hess_inv", "nfev", "njev", "nit"])
_LineSearchResults = collections.namedtuple(
    "_LineSearchResults", ["failed", "nit", "nfev", "ngev", "k", "a_k", "f_k", "g_k", "status"])


class _Objective:
    """The user's function of a flat vector: values and gradients as NumPy, in `x0`'s dtype."""

    def __init__(self, fun, jac, x0):
        from .. import value_and_grad
        self.fun, self.jac, self.dtype = fun, jac, x0.dtype
        self.np_dtype = x0.asnumpy().dtype
        self._vg = None if jac is not None else value_and_grad(fun)

    def __call__(self, x):
        t = Tensor(_np.asarray(x, self.np_dtype))
        if self.jac is None:
            f, g = self._vg(t)
        else:
            f, g = self.fun(t), self.jac(t)
        f = float(f.asnumpy()) if isinstance(f, Tensor) else float(f)
        g = g.asnumpy() if isinstance(g, Tensor) else _np.asarray(g)
        return f, g.astype(self.np_dtype).reshape(-1)


def _cubic_min(a, fa, fpa, b, fb, c, fc):
    """The minimiser of the cubic through ``(a, fa)``, ``(b, fb)``, ``(c, fc)`` with slope
    `fpa` at `a` (NaN when there is none)."""
    with _np.errstate(all="ignore"):
        db, dc = b - a, c - a
        denom = (db * dc) ** 2 * (db - dc)
        d1 = _np.array([[dc ** 2, -db ** 2], [-dc ** 3, db ** 3]])
        a2, b2 = d1 @ _np.array([fb - fa - fpa * db, fc - fa - fpa * dc]) / denom
        return a + (-b2 + _np.sqrt(b2 * b2 - 3.0 * a2 * fpa)) / (3.0 * a2)


def _quad_min(a, fa, fpa, b, fb):
    """The minimiser of the quadratic through ``(a, fa)`` and ``(b, fb)`` with slope `fpa` at
    `a`."""
    with _np.errstate(all="ignore"):
        db = b - a
        return a - fpa / (2.0 * (fb - fa - fpa * db) / (db * db))


def _zoom(phi, lo, hi, phi_0, dphi_0, c1, c2, g_0, maxiter=10):
    """Nocedal and Wright's algorithm 3.6 between the points `lo` and `hi` (each
    ``(alpha, phi, dphi)``): cubic, quadratic or bisection trial steps. Returns
    ``(done, failed, nfev, (alpha, phi, grad))``. (MindSpore 2.10 moves the interval's high end to
    the zoom's first low end instead of its current one; this is the algorithm's rule.)"""
    rec = ((lo[0] + hi[0]) / 2.0, (lo[1] + hi[1]) / 2.0)
    star = (1.0, lo[1], g_0)
    for j in range(maxiter):
        d = hi[0] - lo[0]
        a, b = min(lo[0], hi[0]), max(lo[0], hi[0])
        trial = None
        if j > 0:
            cubic = _cubic_min(lo[0], lo[1], lo[2], hi[0], hi[1], rec[0], rec[1])
            if _np.isfinite(cubic) and a + 0.2 * d < cubic < b - 0.2 * d:
                trial = cubic
        if trial is None:
            quad = _quad_min(lo[0], lo[1], lo[2], hi[0], hi[1])
            if _np.isfinite(quad) and a + 0.1 * d < quad < b - 0.1 * d:
                trial = quad
        if trial is None:
            trial = (lo[0] + hi[0]) / 2.0
        f_j, g_j, df_j = phi(trial)
        if f_j > phi_0 + c1 * trial * dphi_0 or f_j >= lo[1]:
            rec, hi = hi[:2], (trial, f_j, df_j)
            continue
        if abs(df_j) <= -c2 * dphi_0:
            return True, False, j + 1, (trial, f_j, g_j)
        if df_j * (hi[0] - lo[0]) >= 0:
            rec, hi = hi[:2], lo
        else:
            rec = lo[:2]
        rec, lo = (lo[0], lo[1]), (trial, f_j, df_j)
    return False, True, maxiter, star


def _search(phi, phi_0, g_0, dphi_0, old_old_fval, c1, c2, maxiter, nfev, single):
    """Nocedal and Wright's algorithm 3.5 (strong Wolfe conditions) along a direction; `phi`
    gives ``(value, gradient, slope)`` at a step."""
    start = 1.0
    if old_old_fval is not None:
        with _np.errstate(all="ignore"):
            candidate = 1.01 * 2 * (phi_0 - old_old_fval) / dphi_0
        start = min(candidate, 1.0) if _np.isfinite(candidate) else 1.0
    done = failed = False
    prev = (0.0, phi_0, dphi_0)
    star = (0.0, phi_0, g_0)
    i = 1
    while not done and i <= maxiter:
        a_i = start if i == 1 else prev[0] * 2.0
        f_i, g_i, df_i = phi(a_i)
        nfev += 1
        if f_i > phi_0 + c1 * a_i * dphi_0 or (f_i >= prev[1] and i > 1):
            done, failed, n, star = _zoom(phi, prev, (a_i, f_i, df_i), phi_0, dphi_0, c1, c2, g_0)
            nfev += n
            done = True
        elif abs(df_i) <= -c2 * dphi_0:
            done, star = True, (a_i, f_i, g_i)
        elif df_i >= 0:
            done, failed, n, star = _zoom(phi, (a_i, f_i, df_i), prev, phi_0, dphi_0, c1, c2, g_0)
            nfev += n
            done = True
        i += 1
        prev = (a_i, f_i, df_i)
    status = 1 if failed else (3 if i > maxiter else 0)
    alpha = star[0]
    if single and abs(alpha) < 1e-8:
        alpha = float(_np.sign(alpha)) * 1e-8
    return _LineSearchResults(failed or not done, i - 1, nfev, nfev, i, alpha, star[1], star[2],
                              status)


def _line_search(obj, xk, pk, gfk, old_fval, old_old_fval, c1, c2, maxiter):
    def phi(alpha):
        f, g = obj(xk + alpha * pk)
        return f, g, float(_np.dot(g, pk))

    nfev = 0
    if old_fval is None or gfk is None:
        old_fval, gfk, _ = phi(0.0)
        nfev = 1
    single = obj.np_dtype != _np.float64
    return _search(phi, old_fval, gfk, float(_np.dot(gfk, pk)), old_old_fval, c1, c2, maxiter,
                   nfev, single)


def line_search(f, xk, pk, jac=None, gfk=None, old_fval=None, old_old_fval=None, c1=1e-4, c2=0.9,
                maxiter=20):
    """``mindspore.scipy.optimize.line_search``: a step along `pk` from `xk` meeting the strong
    Wolfe conditions (Nocedal and Wright's algorithms 3.5 and 3.6).

    Args:
        f (Callable): The objective, a function of a 1-D Tensor returning a scalar.
        xk (Tensor): The start, 1-D.
        pk (Tensor): The direction (a descent direction).
        jac (Callable, optional): The gradient of `f`. Default: ``None``, by automatic
            differentiation.
        gfk (Tensor, optional): The gradient at `xk`. Default: ``None``.
        old_fval (float, optional): The value at `xk`. Default: ``None``.
        old_old_fval (float, optional): The previous iterate's value, which sets the first trial
            step. Default: ``None``.
        c1 (float): The sufficient-decrease constant. Default: ``1e-4``.
        c2 (float): The curvature constant. Default: ``0.9``.
        maxiter (int): Default: ``20``.

    Returns:
        ``_LineSearchResults(failed, nit, nfev, ngev, k, a_k, f_k, g_k, status)``.

    Raises:
        TypeError: If `xk` or `pk` is not a Tensor or `f` not callable.
        ValueError: If they are not 1-D of one length.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.optimize import line_search
        >>> res = line_search(lambda x: ((x - ms.Tensor([1., 2.])) ** 2).sum(),
        ...                   ms.Tensor([0., 0.]), ms.Tensor([1., 1.]))
        >>> print(res.a_k, res.f_k, res.nfev)
        1.0 1.0 2
    """
    xk, pk = _vector("line_search", "xk", xk), _vector("line_search", "pk", pk)
    if not callable(f):
        raise DTypeError(f"For 'line_search', 'f' must be callable, but got {type(f).__name__}.")
    if xk.shape != pk.shape:
        raise ShapeError(f"For 'line_search', 'xk' and 'pk' must have one shape, but got "
                         f"{tuple(xk.shape)} and {tuple(pk.shape)}.")
    obj = _Objective(f, jac, xk)
    g = None if gfk is None else gfk.asnumpy().reshape(-1).astype(obj.np_dtype)
    fv = None if old_fval is None else float(old_fval.asnumpy() if isinstance(old_fval, Tensor)
                                             else old_fval)
    r = _line_search(obj, xk.asnumpy(), pk.asnumpy(), g, fv, old_old_fval, c1, c2, maxiter)
    return r._replace(g_k=Tensor(r.g_k).astype(xk.dtype))


def _vector(op, name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != 1:
        raise ShapeError(f"For '{op}', '{name}' must be 1-D, but got {tuple(x.shape)}.")
    return x


def _minimize(obj, x0, direction, maxiter, norm, gtol, ls_maxiter):
    """The loop MindSpore's BFGS and L-BFGS share; `direction` updates and returns the search
    direction from ``(s, y, g)``, or gives the first one from ``(None, None, g)``."""
    x = x0.asnumpy().astype(obj.np_dtype).reshape(-1)
    f, g = obj(x)
    converged = bool(_np.linalg.norm(g, _np.inf) < gtol)
    k, nfev, failed, ls_status = 0, 1, False, 0
    old_old = f + float(_np.linalg.norm(g)) / 2
    p = direction(None, None, g)
    while k < maxiter and not converged:
        r = _line_search(obj, x, p, g, f, old_old, 1e-4, 0.9, ls_maxiter)
        nfev += r.nfev
        failed, ls_status = r.failed, r.status
        if failed:
            break
        s = (r.a_k * p).astype(obj.np_dtype)
        x_new, g_new = x + s, r.g_k
        y = g_new - g
        old_old, x, f, g = f, x_new, r.f_k, g_new
        converged = bool(_np.linalg.norm(g, norm) < gtol)
        if converged:
            break
        p = direction(s, y, g)
        k += 1
    status = 0 if converged else (1 if k == maxiter else (2 + ls_status if failed else -1))
    return x, f, g, converged and not failed, status, nfev, k


def minimize(func, x0, args=(), method=None, jac=None, hess=None, hessp=None, bounds=None,
             constraints=(), tol=None, callback=None, options=None):
    """``mindspore.scipy.optimize.minimize``: a local minimum of ``func(x, *args)`` from `x0` by
    BFGS (``"BFGS"``) or limited-memory BFGS (``"LBFGS"``).

    Args:
        func (Callable): The objective, of a 1-D Tensor, returning a scalar.
        x0 (Tensor): The start, 1-D float.
        args (tuple): More arguments of `func`. Default: ``()``.
        method (str): ``"BFGS"`` or ``"LBFGS"`` (required).
        jac (Callable, optional): The gradient. Default: ``None``, by automatic differentiation.
        hess, hessp, bounds, constraints, callback: Accepted for SciPy's signature; unused.
        tol (float, optional): Unused (``options['gtol']`` sets the tolerance). Default:
            ``None``.
        options (dict, optional): ``maxiter`` (default ``200·len(x0)``), ``norm`` (of the
            gradient's convergence test, default ``inf``), ``gtol`` (default ``1e-5``),
            ``line_search_maxiter`` (default 10), and for LBFGS ``history_size`` (default 20).

    Returns:
        ``OptimizeResults(x, success, status, fun, jac, hess_inv, nfev, njev, nit)``
        (`hess_inv` None for LBFGS).

    Raises:
        TypeError: If `func` is not callable, `args` not a tuple or `x0` not a Tensor.
        ValueError: If `method` is missing or unknown, or `x0` not 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.optimize import minimize
        >>> res = minimize(lambda x: ((x - ms.Tensor([1., 2.])) ** 2).sum(), ms.Tensor([0., 0.]),
        ...                method="BFGS")
        >>> print(res.x, res.success, res.nit)
        [1. 2.] True 1
    """
    if method is None:
        raise ShapeError("You must specify a solver.")
    if not isinstance(args, tuple):
        raise DTypeError(f"args argument to mindspore.scipy.optimize.minimize must be a tuple, "
                         f"got {type(args).__name__}.")
    if not callable(func):
        raise DTypeError(f"For 'minimize', 'func' must be callable, but got {type(func).__name__}.")
    if not isinstance(method, str) or method.lower() not in ("bfgs", "lbfgs"):
        raise ShapeError(f"Method {method} not recognized")
    x0 = _vector("minimize", "x0", x0)
    opts = dict(options or {})
    allowed = {"maxiter", "norm", "gtol", "line_search_maxiter"}
    if method.lower() == "lbfgs":
        allowed.add("history_size")
    unknown = set(opts) - allowed
    if unknown:
        raise DTypeError(f"For 'minimize', unknown options {sorted(unknown)} for {method}.")
    n = x0.shape[0]
    maxiter = opts.get("maxiter") or n * 200
    norm, gtol = opts.get("norm", _np.inf), opts.get("gtol", 1e-5)
    ls_maxiter = opts.get("line_search_maxiter", 10)
    fun = (lambda x: func(x, *args)) if args else func
    jacobian = (lambda x: jac(x, *args)) if (jac is not None and args) else jac
    obj = _Objective(fun, jacobian, x0)
    state = {"H": _np.eye(n, dtype=obj.np_dtype), "s": [], "y": []}

    def bfgs(s, y, g):
        if s is not None:
            with _np.errstate(all="ignore"):
                rho = 1.0 / float(_np.dot(y, s))
            eye = _np.eye(n, dtype=obj.np_dtype)
            w = eye - rho * _np.outer(s, y)
            h = w @ state["H"] @ (eye - rho * _np.outer(y, s)) + rho * _np.outer(s, s)
            state["H"] = h.astype(obj.np_dtype)
        return -(state["H"] @ g)

    history = opts.get("history_size", 20)

    def lbfgs(s, y, g):
        if s is None:
            return -g
        ys = float(_np.dot(y, s))
        if ys <= 1e-10:
            return -g
        state["s"] = (state["s"] + [s])[-history:]
        state["y"] = (state["y"] + [y])[-history:]
        q, alphas = g.astype(_np.float64), []
        for si, yi in zip(reversed(state["s"]), reversed(state["y"])):
            a = _np.dot(si, q) / _np.dot(yi, si)
            alphas.append(a)
            q = q - a * yi
        r = ys / float(_np.dot(y, y)) * q
        for (si, yi), a in zip(zip(state["s"], state["y"]), reversed(alphas)):
            r = r + si * (a - _np.dot(yi, r) / _np.dot(yi, si))
        return -r.astype(obj.np_dtype)

    is_bfgs = method.lower() == "bfgs"
    x, f, g, success, status, nfev, k = _minimize(obj, x0, bfgs if is_bfgs else lbfgs, maxiter,
                                                  norm, gtol, ls_maxiter)
    hess_inv = Tensor(state["H"]).astype(x0.dtype) if is_bfgs else None
    return OptimizeResults(Tensor(x).astype(x0.dtype), success, status, f,
                           Tensor(g).astype(x0.dtype), hess_inv, nfev, nfev, k)


def _assignment(cost):
    """The minimum-cost assignment of the rows of `cost` (rows ≤ columns) by shortest
    augmenting paths (the Jonker-Volgenant form of the Hungarian method), ``O(n²m)``."""
    n, m = cost.shape
    u, v = _np.zeros(n + 1), _np.zeros(m + 1)
    match = _np.zeros(m + 1, _np.int64)  # match[j]: the row (1-based) assigned to column j
    way = _np.zeros(m + 1, _np.int64)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = _np.full(m + 1, _np.inf)
        used = _np.zeros(m + 1, bool)
        while True:
            used[j0] = True
            i0 = match[j0]
            free = ~used[1:]
            cur = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            cand = _np.where(free, minv[1:], _np.inf)
            j1 = int(_np.argmin(cand)) + 1
            delta = cand[j1 - 1]
            u[match[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    rows = _np.full(n, -1, _np.int64)
    for j in range(1, m + 1):
        if match[j]:
            rows[match[j] - 1] = j - 1
    return rows


def linear_sum_assignment(cost_matrix, maximize, dimension_limit=None):
    """``mindspore.scipy.optimize.linear_sum_assignment``: the assignment of rows to columns
    (each at most once) of least total cost, or greatest with `maximize`.

    Args:
        cost_matrix (Tensor): ``(M, N)`` costs.
        maximize (bool): Maximise the total instead.
        dimension_limit (Tensor, optional): Only the first `dimension_limit` columns count.
            Default: ``None``, all.

    Returns:
        tuple, ``(row_ind, col_ind)``: Int64 indices, rows ascending, ``min(M, N)`` of each
        (padded with -1 at the end when `dimension_limit` leaves fewer columns).

    Raises:
        TypeError: If `cost_matrix` is not a Tensor or `maximize` not a bool.
        ValueError: If `cost_matrix` is not 2-D or holds NaN or an infinite cost that makes
            every assignment infinite.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.optimize import linear_sum_assignment
        >>> cost = ms.Tensor([[4., 1., 3.], [2., 0., 5.], [3., 2., 2.]])
        >>> rows, cols = linear_sum_assignment(cost, False)
        >>> print(rows, cols)
        [0 1 2] [1 0 2]
    """
    if not isinstance(cost_matrix, Tensor):
        raise DTypeError(f"For 'linear_sum_assignment', 'cost_matrix' must be a Tensor, but got "
                         f"{type(cost_matrix).__name__}.")
    if not isinstance(maximize, bool):
        raise DTypeError(f"For 'linear_sum_assignment', 'maximize' must be a bool, but got "
                         f"{type(maximize).__name__}.")
    cost = cost_matrix.asnumpy().astype(_np.float64)
    if cost.ndim != 2:
        raise ShapeError(f"For 'linear_sum_assignment', 'cost_matrix' must be 2-D, but got "
                         f"{cost.shape}.")
    if dimension_limit is not None:
        value = dimension_limit.asnumpy() if isinstance(dimension_limit, Tensor) \
            else _np.asarray(dimension_limit)
        if value.size != 1 or value.dtype.kind not in "iu":
            raise DTypeError(f"For 'linear_sum_assignment', 'dimension_limit' must be an integer, "
                             f"but got {dimension_limit!r}.")
        limit = int(value.reshape(()))
        cost = cost[:, :max(0, min(limit, cost.shape[1]))]
    if _np.isnan(cost).any() or _np.isneginf(cost if not maximize else -cost).any():
        raise ShapeError("For 'linear_sum_assignment', 'cost_matrix' contains invalid numeric "
                         "entries.")
    # MindSpore's outputs have min(M, N) entries (of the whole matrix): a `dimension_limit`
    # that leaves fewer assignments pads both with -1 at the end.
    size = min(cost_matrix.shape)
    if maximize:
        cost = -cost
    transposed = cost.shape[0] > cost.shape[1]
    if transposed:
        cost = cost.T
    if cost.size == 0:
        empty = Tensor(_np.full(size, -1, _np.int64))
        return empty, empty
    cols = _assignment(cost)
    rows = _np.arange(cost.shape[0])
    if transposed:
        rows, cols = cols, rows
        order = _np.argsort(rows)
        rows, cols = rows[order], cols[order]
    pad = _np.full(size - len(rows), -1, _np.int64)
    return (Tensor(_np.concatenate([rows.astype(_np.int64), pad])),
            Tensor(_np.concatenate([cols.astype(_np.int64), pad])))
