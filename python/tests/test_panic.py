"""A Rust panic inside the native module never aborts Python: it surfaces as pyo3's
``PanicException`` (a ``BaseException``), and the interpreter keeps working."""
import pytest

import easy_mindspore as ems
from test_mindspore_alias import run_python


def test_panic_in_a_subprocess_is_catchable():
    code, out, err = run_python("""
        import easy_mindspore as ems
        try:
            ems._C._panic_for_test()
        except BaseException as e:
            print(type(e).__name__, e)
        print(ems.arange(3.0).sum().item())
    """, RUST_BACKTRACE="0")
    assert code == 0, err
    assert out.splitlines() == ["PanicException deliberate panic for the boundary test", "3.0"]


def test_panic_in_process():
    with pytest.raises(BaseException) as e:
        ems._C._panic_for_test()
    assert type(e.value).__name__ == "PanicException"
    assert not isinstance(e.value, Exception)
    assert ems.arange(4.0).sum().item() == 6.0
    assert ems.grad(lambda v: (v * v).sum())(ems.arange(3.0)).tolist() == [0, 2, 4]
