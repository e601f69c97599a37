"""Shared checks for the test suite: a tensor's dtype name and values in one assertion."""
import numpy as np

import easy_mindspore as ems


def check(t, expected, dtype, exact=True):
    """``t`` is a Tensor of dtype ``dtype`` (its str, e.g. ``"Float32"``) with the values
    ``expected`` (nested lists or a number); shapes must match too."""
    assert isinstance(t, ems.Tensor), f"expected a Tensor, got {type(t).__name__}: {t!r}"
    assert str(t.dtype) == dtype, f"dtype {t.dtype}, expected {dtype}"
    want = np.asarray(expected)
    got = t.asnumpy()
    assert got.shape == want.shape, f"shape {got.shape}, expected {want.shape}"
    if exact:
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=1e-6)
