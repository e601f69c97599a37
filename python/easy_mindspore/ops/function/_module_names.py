"""The names MindSpore 2.10 defines in its modules ``mindspore.ops.function.math_func``,
``array_func``, ``nn_func``, ``random_func`` and ``parameter_func`` (their ``__all__``, measured)
whose functions the package defines in other modules: each such module reads them from
``mindspore.ops`` when asked (``math_func.fmin is ops.fmin``), through :func:`forwarder`."""

__all__ = ["forwarder"]

_NAMES = {
    "math_func": (
        "abs absolute add addbmm addn argmin atleast_1d atleast_2d atleast_3d bernoulli bessel_i0 "
        "bessel_i0e bessel_i1 bessel_i1e bessel_j0 bessel_j1 bessel_k0 bessel_k0e bessel_k1 "
        "bessel_k1e bessel_y0 bessel_y1 bitwise_and bitwise_left_shift bitwise_or bitwise_right_shift "
        "bitwise_xor bucketize cholesky cholesky_inverse cholesky_solve copysign cos cosh cumsum det "
        "diff digamma dist div divide dot dstack eq equal erf exp floor floor_div floor_mod floordiv "
        "floormod fmax fmin ge greater greater_equal gt inverse invert is_complex isneginf isposinf "
        "ldexp le less less_equal lgamma log log_matrix_determinant logdet logical_and logical_not "
        "logical_or logical_xor logsumexp lt lu_solve lu_unpack matmul matrix_determinant matrix_norm "
        "matrix_power matrix_solve maximum mean minimum mul multiply ne neg negative norm not_equal "
        "numel orgqr ormqr permute polygamma positive pow prod reciprocal roll rot90 row_stack rsqrt "
        "sgn sign signbit sin sinh slogdet sqrt square sub subtract sum t tan tanh tanhshrink "
        "tensor_add trapz truncate_div truncate_mod vander vecdot vector_norm vstack xdivy "
    ).split(),
    "array_func": (
        "affine_grid aminmax arange argmax batch_to_space_nd cat col2im concat deepcopy diag diagonal "
        "diagonal_scatter dyn_shape expand_dims eye flatten fold full ger hamming_window is_nonzero "
        "lstsq matrix_diag matrix_diag_part matrix_set_diag max min mvlgamma ones ones_like "
        "population_count reshape reshape_ reverse_sequence scalar_cast scalar_to_array "
        "scalar_to_tensor shape shape_ size space_to_batch_nd split squeeze stack take "
        "tensor_scatter_div tensor_scatter_elements tensor_scatter_max tensor_scatter_min "
        "tensor_scatter_mul tensor_scatter_sub tensor_slice transpose tril triu tuple_to_array "
        "type_as unfold unique_with_pad unsorted_segment_max unsorted_segment_min "
        "unsorted_segment_prod view_as where zero_ zeros zeros_like "
    ).split(),
    "nn_func": (
        "adaptive_avg_pool1d adaptive_avg_pool2d_ext adaptive_max_pool1d batch_norm bidense "
        "channel_shuffle ctc_greedy_decoder dropout1d embedding flip fliplr flipud grid_sample "
        "group_norm inplace_sigmoid intopk is_floating_point log_softmax mirror_pad mse_loss_ext "
        "msort multilabel_margin_loss pad pdist relu rms_norm rrelu sigmoid soft_shrink softmax "
        "swiglu triplet_margin_loss upsample "
    ).split(),
    "random_func": (
        "choice_with_mask gamma laplace log_uniform_candidate_sampler multinomial_with_replacement "
        "poisson random_categorical random_gamma random_poisson standard_laplace "
        "uniform_candidate_sampler "
    ).split(),
    "parameter_func": (
        "index_add "
    ).split(),
}


# MindSpore's ``*_ext`` functions of these modules: ``mindspore.mint``'s (by its path there).
_MINT = {
    "math_func": {"amax_ext": "amax", "amin_ext": "amin"},
    "array_func": {"gather_ext": "gather"},
    "nn_func": {"glu_ext": "nn.functional.glu"},
}


def forwarder(module, fallback=None):
    """A module-level ``__getattr__`` for the MindSpore module `module`: its names of
    ``_NAMES`` are ``mindspore.ops``'s functions, its ``*_ext`` names of ``_MINT``
    ``mindspore.mint``'s; others go to `fallback` (a ``__getattr__``) or raise AttributeError.

    Args:
        module (str): The module's name (``'math_func'`` ...).
        fallback (function, optional): Asked for the other names. Default: ``None``.

    Returns:
        function, the ``__getattr__``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.function import math_func
        >>> math_func.fmin is ms.ops.fmin
        True
    """
    names = frozenset(_NAMES[module])

    def __getattr__(name):
        if name in names:
            from ... import ops
            return getattr(ops, name)
        if name in _MINT.get(module, ()):
            from ... import mint
            target = mint
            for part in _MINT[module][name].split("."):
                target = getattr(target, part)
            return target
        if fallback is not None:
            return fallback(name)
        raise AttributeError(f"module 'mindspore.ops.function.{module}' has no attribute '{name}'")
    return __getattr__
