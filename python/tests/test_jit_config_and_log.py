"""``mindspore.JitConfig`` with ``Cell.set_jit_config``, ``set_recursion_limit`` and
``mindspore.log``'s ``get_level``/``get_log_config``: the values MindSpore 2.10 gives."""
import sys

import pytest

import easy_mindspore as ms
from easy_mindspore import nn


def test_jit_config_dict_as_mindspore():
    # MindSpore 2.10's jit_config_dict for these calls.
    assert ms.JitConfig(jit_level="O1").jit_config_dict == {
        "jit_level": "O1", "exc_mode": "auto", "jit_syntax_level": "", "debug_level": "RELEASE",
        "infer_boost": "off", "backend": "ms_backend"}
    assert ms.JitConfig().jit_config_dict == {
        "jit_level": "", "exc_mode": "auto", "jit_syntax_level": "", "debug_level": "RELEASE", "infer_boost": "off"}
    assert ms.JitConfig(jit_level="O2").jit_config_dict["backend"] == "GE"
    assert list(ms.JitConfig(jit_level="O1", foo=3).jit_config_dict)[0] == "foo"


@pytest.mark.parametrize("kwargs", [{"jit_level": "O5"}, {"exc_mode": "x"}, {"jit_syntax_level": "loose"},
                                    {"debug_level": "INFO"}, {"infer_boost": "maybe"}])
def test_jit_config_rejects_unknown_options(kwargs):
    with pytest.raises(ValueError, match="JitConfig"):
        ms.JitConfig(**kwargs)


def test_cell_takes_its_jit_config_once():
    net = nn.Dense(2, 2)
    assert net.jit_config_dict == {}
    net.set_jit_config(ms.JitConfig(jit_level="O0"))
    assert net.jit_config_dict["jit_level"] == "O0"
    with pytest.warns(UserWarning, match="only be set once"):
        net.set_jit_config(ms.JitConfig(jit_level="O1"))
    assert net.jit_config_dict["jit_level"] == "O0"
    with pytest.raises(TypeError):
        nn.Dense(2, 2).set_jit_config({"jit_level": "O0"})
    x = ms.Tensor([[1.0, 2.0]])
    assert net(x).shape == (1, 2)


def test_set_recursion_limit_only_raises_the_limit():
    before = sys.getrecursionlimit()
    try:
        ms.set_recursion_limit(before + 500)
        assert sys.getrecursionlimit() == before + 500
        ms.set_recursion_limit(10)
        assert sys.getrecursionlimit() == before + 500
    finally:
        sys.setrecursionlimit(before)
    with pytest.raises(ValueError):
        ms.set_recursion_limit(-1)
    with pytest.raises(TypeError):
        ms.set_recursion_limit(1.5)


def test_log_configuration(monkeypatch):
    monkeypatch.delenv("GLOG_v", raising=False)
    assert ms.get_level() == "2"   # MindSpore 2.10's default
    assert ms.get_log_config() == {"GLOG_v": "2", "GLOG_logtostderr": "1"}
    monkeypatch.setenv("GLOG_v", "1")
    assert ms.get_level() == "1" and ms.get_log_config()["GLOG_v"] == "1"
    monkeypatch.setenv("GLOG_log_dir", "/tmp/logs")
    assert ms.get_log_config()["GLOG_log_dir"] == "/tmp/logs"


def test_log_functions_write_at_their_level(monkeypatch, capsys):
    monkeypatch.setenv("GLOG_v", "2")
    ms.log.info("hidden %d", 1)
    ms.log.warning("shown %d", 2)
    err = capsys.readouterr().err
    assert "shown 2" in err and "hidden" not in err
