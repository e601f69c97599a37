"""MindSpore 2.x's top-level device and runtime functions and dtype aliases (``_device_api.py``),
against what MindSpore 2.10's CPU build returns and prints for the same calls."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn


def test_the_device_is_the_cpu(monkeypatch):
    from easy_mindspore import context  # set_deterministic holds once per process: put back after
    monkeypatch.setitem(context._context_set_once, "set_deterministic", False)
    monkeypatch.setitem(context._context_settings, "deterministic", context._context_settings.get("deterministic"))
    for key in ("HCCL_DETERMINISTIC", "TE_PARALLEL_COMPILER"):
        monkeypatch.delenv(key, raising=False)
    ms.set_device("CPU")
    d = ms.get_current_device()
    assert d == ("CPU", 0) and d.device_target == "CPU" and d.device_id == 0
    assert repr(d) == "('CPU', 0)"
    with pytest.raises(RuntimeError, match="Unsupported device target GPU"):
        ms.set_device("GPU")
    with pytest.raises(TypeError):
        ms.set_device(0)
    ms.set_deterministic(True)
    with pytest.raises(TypeError):
        ms.set_deterministic(1)
    assert ms.synchronize() is None


def test_unknown_and_absent_devices_as_mindspore_says():
    # MindSpore 2.10's messages: an unknown name is a ValueError, a known absent one a RuntimeError
    with pytest.raises(ValueError) as e:
        ms.set_device("XPU")
    assert str(e.value) == ("The argument 'device_target' must be one of ['CPU', 'GPU', 'Ascend'], "
                            "but got XPU.")
    with pytest.raises(ValueError) as e:
        ms.set_context(device_target="XPU")
    assert str(e.value) == ("For 'context.set_context', the argument 'device_target' must be one "
                            "of ['CPU', 'GPU', 'Ascend', 'Davinci'], but got XPU.")
    with pytest.raises(RuntimeError) as e:
        ms.set_context(device_target="GPU")
    assert str(e.value).startswith(
        "Unsupported device target GPU. This process only supports one of the ['CPU']. Please "
        "check whether the GPU environment is installed and configured correctly, and check "
        'whether current mindspore wheel package was built with "-e GPU".')
    assert ms.get_context("device_target") == "CPU"


def test_run_check_prints_mindspores_lines(capsys):
    ms.run_check()
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("MindSpore version: ")
    assert out[1] == ("The result of multiplication calculation is correct, MindSpore has been "
                      "installed on platform [CPU] successfully!")


def test_helpers():
    assert ms.is_tensor(ms.Tensor([1])) and ms.is_tensor(nn.Dense(1, 1).weight)
    assert not ms.is_tensor(np.array([1]))
    t = ms.frombuffer(np.array([1, 2, 3], np.float32).tobytes(), ms.float32)
    assert t.dtype == ms.float32 and t.asnumpy().tolist() == [1, 2, 3]
    t = ms.frombuffer(bytearray(np.arange(6, dtype=np.int16).tobytes()), ms.int16, count=3, offset=2)
    assert t.dtype == ms.int16 and t.asnumpy().tolist() == [1, 2, 3]
    with pytest.raises(ValueError):
        ms.frombuffer(b"abc", ms.float32)

    @ms.jit_class
    class K:
        v = 3

    assert K.v == 3 and ms.lazy_inline(len)([1]) == 1 and ms.no_inline()(len) is len
    np.testing.assert_array_equal(ms.recompute(nn.ReLU(), ms.Tensor([-1.0, 2.0])).asnumpy(), [0, 2])
    with pytest.raises(TypeError, match="inherited from Cell"):
        ms.recompute(lambda x: x, ms.Tensor([1.0]))
    assert ms.max_memory_allocated() >= ms.memory_allocated() >= 0
    ms.empty_cache()
    ms.reset_peak_memory_stats()


def test_dtype_aliases_are_mindspores():
    assert (ms.double, ms.single, ms.int, ms.float, ms.long, ms.short, ms.byte, ms.ubyte) == \
        (ms.float64, ms.float32, ms.int32, ms.float32, ms.int64, ms.int16, ms.int8, ms.uint8)
    assert (ms.intc, ms.intp, ms.ushort, ms.uintc, ms.uintp) == \
        (ms.int32, ms.int64, ms.uint16, ms.uint32, ms.uint64)
    assert ms.cfloat == ms.complex64 and ms.cdouble == ms.complex128 and ms.bool == ms.bool_
    assert ms.dtype_to_nptype(ms.int8) is np.int8 and ms.dtype_to_pytype(ms.float16) is float
    with pytest.raises(AttributeError):
        ms.no_such_name  # noqa: B018
