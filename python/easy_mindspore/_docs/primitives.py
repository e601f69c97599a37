"""Docstrings of the primitive classes of ``mindspore.ops`` that a factory builds
(``Abs = _unary(F.abs)``). Set by :func:`easy_mindspore._docs.apply` at import."""

DOCS = {
    "ACos": """``ops.ACos()``: calls ``ops.acos``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.ACos()(x))
        [1.4706289 1.0471976 0.4510269]""",
    "Abs": """The absolute value of each element.

    The primitive form of :func:`mindspore.ops.abs`: ``ops.Abs()(*inputs)`` computes ``ops.abs(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Abs()(x))
        [1.5 0.  2.5]""",
    "Acosh": """``ops.Acosh()``: calls ``ops.acosh``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(ops.Acosh()(x))
        [0.       1.316958 2.063437]""",
    "Add": """Adds two tensors (or a tensor and a number) elementwise, with broadcasting.

    The primitive form of :func:`mindspore.ops.add`: ``ops.Add()(*inputs)`` computes ``ops.add(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Add()(x, y))
        [5.  2.5 6. ]""",
    "Asin": """``ops.Asin()``: calls ``ops.asin``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Asin()(x))
        [0.10016742 0.5235988  1.1197695 ]""",
    "Asinh": """``ops.Asinh()``: calls ``ops.asinh``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Asinh()(x))
        [-1.1947632  0.         1.6472311]""",
    "Atan": """``ops.Atan()``: calls ``ops.atan``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Atan()(x))
        [-0.98279375  0.          1.19029   ]""",
    "Atan2": """``ops.Atan2()``: calls ``ops.atan2``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Atan2()(x, y))
        [0.24497867 1.3258177  0.7853982 ]""",
    "Atanh": """``ops.Atanh()``: calls ``ops.atanh``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Atanh()(x))
        [0.10033535 0.54930615 1.4722193 ]""",
    "Ceil": """``ops.Ceil()``: calls ``ops.ceil``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Ceil()(x))
        [-1.  0.  3.]""",
    "Cos": """The cosine of each element (radians).

    The primitive form of :func:`mindspore.ops.cos`: ``ops.Cos()(*inputs)`` computes ``ops.cos(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Cos()(x))
        [ 0.0707372  1.        -0.8011436]""",
    "Cosh": """``(e^x + e^-x) / 2``.

    The primitive form of :func:`mindspore.ops.cosh`: ``ops.Cosh()(*inputs)`` computes ``ops.cosh(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Cosh()(x))
        [2.3524096 1.        6.1322894]""",
    "Depend": """``ops.Depend()``: calls ``ops.depend``.

    Outputs:
        The `value`, unchanged.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Depend()(x, ops.zeros(1)))
        [-1.5  0.   2.5]""",
    "Diag": """``ops.Diag()``: calls ``ops.diag``.

    Outputs:
        Tensor, of rank twice that of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.Diag()(x))
        [[1. 0.]
         [0. 2.]]""",
    "Div": """Divides `x` by `y` elementwise (true division; integers give Float32), with broadcasting.

    The primitive form of :func:`mindspore.ops.div`: ``ops.Div()(*inputs)`` computes ``ops.div(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Div()(x, y))
        [0.25 4.   1.  ]""",
    "Equal": """``ops.Equal()``: calls ``ops.equal``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Equal()(x, y))
        [False False  True]""",
    "Erf": """The Gauss error function of each element.

    The primitive form of :func:`mindspore.ops.erf`: ``ops.Erf()(*inputs)`` computes ``ops.erf(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Erf()(x))
        [-0.96610516  0.          0.999593  ]""",
    "Erfc": """``ops.Erfc()``: calls ``ops.erfc``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Erfc()(x))
        [1.9661051e+00 1.0000000e+00 4.0695202e-04]""",
    "Exp": """The exponential ``e^x`` of each element.

    The primitive form of :func:`mindspore.ops.exp`: ``ops.Exp()(*inputs)`` computes ``ops.exp(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Exp()(x))
        [ 0.22313017  1.         12.182494  ]""",
    "Expm1": """``ops.Expm1()``: calls ``ops.expm1``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Expm1()(x))
        [-0.77686983  0.         11.182494  ]""",
    "FastGeLU": """``ops.FastGeLU()``: calls ``ops.fast_gelu``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.FastGeLU()(x))
        [-0.1083378  0.         2.465014 ]""",
    "Floor": """The largest integer not above ``x``, in ``x``'s float dtype.

    The primitive form of :func:`mindspore.ops.floor`: ``ops.Floor()(*inputs)`` computes ``ops.floor(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Floor()(x))
        [-2.  0.  2.]""",
    "FloorDiv": """``ops.FloorDiv()``: calls ``ops.floor_divide``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.FloorDiv()(x, y))
        [0. 4. 1.]""",
    "FloorMod": """``ops.FloorMod()``: calls ``ops.remainder``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.FloorMod()(x, y))
        [1. 0. 0.]""",
    "GatherNd": """``ops.GatherNd()``: calls ``ops.gather_nd``.

    Outputs:
        Tensor, of shape ``indices.shape[:-1] + input_x.shape[indices.shape[-1]:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> y = ms.Tensor([[0, 1], [1, 0]], ms.int32)
        >>> print(ops.GatherNd()(x, y))
        [2. 4.]""",
    "Greater": """``ops.Greater()``: calls ``ops.greater``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Greater()(x, y))
        [False  True False]""",
    "GreaterEqual": """``ops.GreaterEqual()``: calls ``ops.greater_equal``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.GreaterEqual()(x, y))
        [False  True  True]""",
    "HSigmoid": """``ops.HSigmoid()``: calls ``ops.hardsigmoid``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.HSigmoid()(x))
        [0.25      0.5       0.9166667]""",
    "HSwish": """``ops.HSwish()``: calls ``ops.hardswish``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.HSwish()(x))
        [-0.375      0.         2.2916667]""",
    "Hypot": """``ops.Hypot()``: calls ``ops.hypot``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Hypot()(x, y))
        [4.1231055 2.0615528 4.2426405]""",
    "IsFinite": """``ops.IsFinite()``: calls ``ops.isfinite``.

    Outputs:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(ops.IsFinite()(x))
        [False  True False]""",
    "IsInf": """``ops.IsInf()``: calls ``ops.isinf``.

    Outputs:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(ops.IsInf()(x))
        [ True False False]""",
    "IsNan": """``ops.IsNan()``: calls ``ops.isnan``.

    Outputs:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('nan')], ms.float32)
        >>> print(ops.IsNan()(x))
        [False False  True]""",
    "Less": """``ops.Less()``: calls ``ops.less``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Less()(x, y))
        [ True False False]""",
    "LessEqual": """``ops.LessEqual()``: calls ``ops.less_equal``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.LessEqual()(x, y))
        [ True False  True]""",
    "Log": """The natural logarithm of each element (NaN below 0, -inf at 0).

    The primitive form of :func:`mindspore.ops.log`: ``ops.Log()(*inputs)`` computes ``ops.log(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Log()(x))
        [-2.3025851  -0.6931472  -0.10536055]""",
    "Log1p": """``ops.Log1p()``: calls ``ops.log1p``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Log1p()(x))
        [0.09531018 0.4054651  0.64185387]""",
    "LogicalAnd": """``ops.LogicalAnd()``: calls ``ops.logical_and``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([True, False, True])
        >>> y = ms.Tensor([True, True, False])
        >>> print(ops.LogicalAnd()(x, y))
        [ True False False]""",
    "LogicalNot": """``ops.LogicalNot()``: calls ``ops.logical_not``.

    Outputs:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.LogicalNot()(x))
        [False  True False]""",
    "LogicalOr": """``ops.LogicalOr()``: calls ``ops.logical_or``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([True, False, False])
        >>> y = ms.Tensor([True, True, False])
        >>> print(ops.LogicalOr()(x, y))
        [ True  True False]""",
    "Maximum": """The elementwise maximum of two tensors, with broadcasting (NaN propagates).

    The primitive form of :func:`mindspore.ops.maximum`: ``ops.Maximum()(*inputs)`` computes ``ops.maximum(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Maximum()(x, y))
        [4. 2. 3.]""",
    "Minimum": """The elementwise minimum of two tensors, with broadcasting (NaN propagates).

    The primitive form of :func:`mindspore.ops.minimum`: ``ops.Minimum()(*inputs)`` computes ``ops.minimum(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Minimum()(x, y))
        [1.  0.5 3. ]""",
    "Mish": """``ops.Mish()``: calls ``ops.mish``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Mish()(x))
        [-0.29809988  0.          2.4713924 ]""",
    "Mod": """``ops.Mod()``: calls ``ops.fmod``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Mod()(x, y))
        [1. 0. 0.]""",
    "Mul": """Multiplies two tensors elementwise, with broadcasting.

    The primitive form of :func:`mindspore.ops.mul`: ``ops.Mul()(*inputs)`` computes ``ops.mul(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Mul()(x, y))
        [4. 1. 9.]""",
    "Neg": """The negation ``-x`` of each element.

    The primitive form of :func:`mindspore.ops.neg`: ``ops.Neg()(*inputs)`` computes ``ops.neg(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Neg()(x))
        [ 1.5 -0.  -2.5]""",
    "NotEqual": """``ops.NotEqual()``: calls ``ops.not_equal``.

    Outputs:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.NotEqual()(x, y))
        [ True  True False]""",
    "OnesLike": """A tensor of ones with the shape (and, by default, the dtype) of `x`.

    The primitive form of :func:`mindspore.ops.ones_like`: ``ops.OnesLike()(*inputs)`` computes ``ops.ones_like(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.OnesLike()(x))
        [1. 1. 1.]""",
    "Pow": """Raises `x` to the power `y` elementwise, with broadcasting.

    The primitive form of :func:`mindspore.ops.pow`: ``ops.Pow()(*inputs)`` computes ``ops.pow(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Pow()(x, y))
        [ 1.         1.4142135 27.       ]""",
    "Rank": """``ops.Rank()``: calls ``ops.rank``.

    Outputs:
        int, the number of axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Rank()(x))
        1""",
    "ReLU": """The rectified linear unit ``max(x, 0)`` of each element.

    The primitive form of :func:`mindspore.ops.relu`: ``ops.ReLU()(*inputs)`` computes ``ops.relu(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReLU()(x))
        [0.  0.  2.5]""",
    "ReLU6": """``ops.ReLU6()``: calls ``ops.relu6``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReLU6()(x))
        [0.  0.  2.5]""",
    "RealDiv": """Divides `x` by `y` elementwise (true division; integers give Float32), with broadcasting.

    The primitive form of :func:`mindspore.ops.div`: ``ops.RealDiv()(*inputs)`` computes ``ops.div(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.RealDiv()(x, y))
        [0.25 4.   1.  ]""",
    "Reciprocal": """``1 / x``.

    The primitive form of :func:`mindspore.ops.reciprocal`: ``ops.Reciprocal()(*inputs)`` computes ``ops.reciprocal(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Reciprocal()(x))
        [10.         2.         1.1111112]""",
    "Round": """``ops.Round()``: calls ``ops.round``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Round()(x))
        [-2.  0.  2.]""",
    "Rsqrt": """``1 / sqrt(x)``.

    The primitive form of :func:`mindspore.ops.rsqrt`: ``ops.Rsqrt()(*inputs)`` computes ``ops.rsqrt(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Rsqrt()(x))
        [3.1622777 1.4142135 1.0540926]""",
    "ScatterNd": """``ops.ScatterNd()``: calls ``ops.scatter_nd``.

    Outputs:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([[0], [2]], ms.int32)
        >>> upd = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.ScatterNd()(idx, upd, (4,)))
        [1. 0. 2. 0.]""",
    "SeLU": """``ops.SeLU()``: calls ``ops.selu``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.SeLU()(x))
        [-1.3658143  0.         2.6267526]""",
    "Shape": """The shape of a tensor, as a tuple of ints.

    The primitive form of :func:`mindspore.ops.shape`: ``ops.Shape()(*inputs)`` computes ``ops.shape(*inputs)``.

    Outputs:
        tuple(int), the shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Shape()(x))
        (3,)""",
    "Sigmoid": """The logistic function ``1 / (1 + e^-x)`` of each element.

    The primitive form of :func:`mindspore.ops.sigmoid`: ``ops.Sigmoid()(*inputs)`` computes ``ops.sigmoid(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Sigmoid()(x))
        [0.18242553 0.5        0.9241418 ]""",
    "Sign": """-1, 0 or 1 by the sign of ``x``, in ``x``'s dtype (NaN stays NaN).

    The primitive form of :func:`mindspore.ops.sign`: ``ops.Sign()(*inputs)`` computes ``ops.sign(*inputs)``.

    Outputs:
        Tensor, of the shape of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Sign()(x))
        [-1.  0.  1.]""",
    "Sin": """The sine of each element (radians).

    The primitive form of :func:`mindspore.ops.sin`: ``ops.Sin()(*inputs)`` computes ``ops.sin(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Sin()(x))
        [-0.997495   0.         0.5984721]""",
    "Sinh": """``(e^x - e^-x) / 2``.

    The primitive form of :func:`mindspore.ops.sinh`: ``ops.Sinh()(*inputs)`` computes ``ops.sinh(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Sinh()(x))
        [-2.1292794  0.         6.0502043]""",
    "Size": """``ops.Size()``: calls ``ops.numel``.

    Outputs:
        int, the number of elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Size()(x))
        3""",
    "Softplus": """``ops.Softplus()``: calls ``ops.softplus``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Softplus()(x))
        [0.20141333 0.6931472  2.5788898 ]""",
    "Softsign": """``ops.Softsign()``: calls ``ops.softsign``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Softsign()(x))
        [-0.6         0.          0.71428573]""",
    "Sqrt": """The square root of each element (NaN below 0).

    The primitive form of :func:`mindspore.ops.sqrt`: ``ops.Sqrt()(*inputs)`` computes ``ops.sqrt(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Sqrt()(x))
        [0.31622776 0.70710677 0.94868326]""",
    "Square": """The square ``x * x`` of each element.

    The primitive form of :func:`mindspore.ops.square`: ``ops.Square()(*inputs)`` computes ``ops.square(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Square()(x))
        [2.25 0.   6.25]""",
    "StopGradient": """The value unchanged, with its gradient blocked: a tensor, or every tensor of a tuple, list or dict (nested); other values are returned as they are.

    The primitive form of :func:`mindspore.ops.stop_gradient`: ``ops.StopGradient()(*inputs)`` computes ``ops.stop_gradient(*inputs)``.

    Outputs:
        Tensor, of the shape of `value`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.StopGradient()(x))
        [-1.5  0.   2.5]""",
    "Sub": """Subtracts `y` from `x` elementwise, with broadcasting.

    The primitive form of :func:`mindspore.ops.sub`: ``ops.Sub()(*inputs)`` computes ``ops.sub(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Sub()(x, y))
        [-3.   1.5  0. ]""",
    "Tan": """``sin(x) / cos(x)``.

    The primitive form of :func:`mindspore.ops.tan`: ``ops.Tan()(*inputs)`` computes ``ops.tan(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Tan()(x))
        [-14.10142     0.         -0.7470223]""",
    "Tanh": """The hyperbolic tangent of each element.

    The primitive form of :func:`mindspore.ops.tanh`: ``ops.Tanh()(*inputs)`` computes ``ops.tanh(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Tanh()(x))
        [-0.90514827  0.          0.9866143 ]""",
    "TensorScatterAdd": """``ops.TensorScatterAdd()``: calls ``ops.tensor_scatter_add``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros(4, ms.float32)
        >>> idx = ms.Tensor([[0], [2]], ms.int32)
        >>> print(ops.TensorScatterAdd()(x, idx, ms.Tensor([1.0, 2.0], ms.float32)))
        [1. 0. 2. 0.]""",
    "TensorScatterUpdate": """``ops.TensorScatterUpdate()``: calls ``ops.tensor_scatter_update``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros(4, ms.float32)
        >>> idx = ms.Tensor([[0], [2]], ms.int32)
        >>> print(ops.TensorScatterUpdate()(x, idx, ms.Tensor([1.0, 2.0], ms.float32)))
        [1. 0. 2. 0.]""",
    "UnsortedSegmentSum": """``ops.UnsortedSegmentSum()``: calls ``ops.unsorted_segment_sum``.

    Outputs:
        Tensor of shape ``[num_segments] + input_x.shape[segment_ids.ndim:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> ids = ms.Tensor([0, 1, 0], ms.int32)
        >>> print(ops.UnsortedSegmentSum()(x, ids, 2))
        [4. 2.]""",
    "Xlogy": """``ops.Xlogy()``: calls ``ops.xlogy``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Xlogy()(x, y))
        [ 1.3862944 -1.3862944  3.295837 ]""",
    "ZerosLike": """A tensor of zeros with the shape (and, by default, the dtype) of `x`.

    The primitive form of :func:`mindspore.ops.zeros_like`: ``ops.ZerosLike()(*inputs)`` computes ``ops.zeros_like(*inputs)``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ZerosLike()(x))
        [0. 0. 0.]""",
}
