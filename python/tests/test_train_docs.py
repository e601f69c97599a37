"""The documentation of ``mindspore.train`` and ``mindspore.experimental.optim`` (with
``lr_scheduler``) is complete and its examples run, and the small fixes writing it showed:
``save_checkpoint`` / ``load_checkpoint`` / ``load_param_into_net`` take MindSpore 2.10's
arguments (``crc_check``, ``remove_redundancy``, ``format``) with its checks, and a load that
leaves no value is an error, as there."""
import inspect
import os
import sys

import numpy as np
import pytest

import easy_mindspore  # noqa: F401  (installs the mindspore alias)
import mindspore as ms
from mindspore import nn

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import doc_coverage  # noqa: E402
import doctest_api  # noqa: E402

NAMESPACES = ("train", "experimental.optim", "experimental.optim.lr_scheduler")


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_every_public_callable_is_documented(namespace):
    gaps = {name: doc_coverage.missing_parts(obj)
            for name, obj in doc_coverage.public_callables(namespace)}
    assert {n: p for n, p in gaps.items() if p} == {}


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_the_examples_print_what_they_show(namespace):
    reports = []
    failed = [name for name, doc in doctest_api.examples([namespace])
              if doctest_api.run_docstring(name, doc, out=reports.append)]
    assert failed == [], "".join(reports)


# inspect.signature on MindSpore 2.10 (``ms.save_checkpoint``, ``ms.load_checkpoint``,
# ``ms.load_param_into_net``): names and defaults, in order (``**kwargs`` as "**").
MS_SIGNATURES = {
    "save_checkpoint": [("save_obj", None), ("ckpt_file_name", None), ("integrated_save", True),
                        ("async_save", False), ("append_dict", None), ("enc_key", None),
                        ("enc_mode", "AES-GCM"), ("choice_func", None), ("crc_check", False),
                        ("format", "ckpt"), ("**", None)],
    "load_checkpoint": [("ckpt_file_name", None), ("net", None), ("strict_load", False),
                        ("filter_prefix", None), ("dec_key", None), ("dec_mode", "AES-GCM"),
                        ("specify_prefix", None), ("choice_func", None), ("crc_check", False),
                        ("remove_redundancy", False), ("format", "ckpt")],
    "load_param_into_net": [("net", None), ("parameter_dict", None), ("strict_load", False),
                            ("remove_redundancy", False)],
}


@pytest.mark.parametrize("name", sorted(MS_SIGNATURES))
def test_checkpoint_functions_take_mindspore_arguments(name):
    got = []
    for p in inspect.signature(getattr(ms, name)).parameters.values():
        if p.kind is p.VAR_KEYWORD:
            got.append(("**", None))
        else:
            got.append((p.name, None if p.default is p.empty else p.default))
    assert got == MS_SIGNATURES[name]
    assert getattr(ms.train, name) is getattr(ms, name)


@pytest.fixture
def ckpt(tmp_path):
    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    path = str(tmp_path / "dense.ckpt")
    ms.save_checkpoint(net, path, append_dict={"epoch_num": 3})
    return path


def test_crc_check_and_remove_redundancy_must_be_bools(tmp_path, ckpt):
    # MindSpore 2.10: ms.save_checkpoint(net, f, crc_check=1) and
    # ms.load_checkpoint(f, remove_redundancy=1) raise ValueError "The parameter 'crc_check' must
    # be isinstance of <class 'bool'>, but got 1."
    net = nn.Dense(2, 1)
    with pytest.raises(ValueError, match="'crc_check' must be isinstance of <class 'bool'>"):
        ms.save_checkpoint(net, str(tmp_path / "x.ckpt"), crc_check=1)
    assert not (tmp_path / "x.ckpt").exists()
    with pytest.raises(ValueError, match="'crc_check'"):
        ms.load_checkpoint(ckpt, crc_check="yes")
    with pytest.raises(ValueError, match="'remove_redundancy'"):
        ms.load_checkpoint(ckpt, remove_redundancy=1)
    with pytest.raises(ValueError, match="'remove_redundancy'"):
        ms.load_param_into_net(net, {}, remove_redundancy=None)


def test_the_flags_are_accepted(tmp_path, ckpt):
    net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
    ms.save_checkpoint(net, str(tmp_path / "c.ckpt"), crc_check=True)
    loaded = ms.load_checkpoint(str(tmp_path / "c.ckpt"), crc_check=True, remove_redundancy=False)
    assert sorted(loaded) == ["bias", "weight"]
    other = nn.Dense(2, 1, weight_init="zeros", bias_init="zeros")
    assert ms.load_param_into_net(other, loaded, remove_redundancy=False) == ([], [])
    np.testing.assert_array_equal(other.weight.asnumpy(), [[1.0, 1.0]])


def test_load_checkpoint_format_and_unknown_arguments(tmp_path, ckpt):
    net = nn.Dense(2, 1)
    st = str(tmp_path / "d.safetensors")
    ms.save_checkpoint(net, st, format="safetensors")
    assert sorted(ms.load_checkpoint(st, format="safetensors")) == ["bias", "weight"]
    assert sorted(ms.load_checkpoint(ckpt, format="ckpt")) == ["bias", "epoch_num", "weight"]
    with pytest.raises(ValueError, match="'format' must be 'ckpt' or 'safetensors'"):
        ms.load_checkpoint(ckpt, format="pt")
    # MindSpore 2.10's load_checkpoint has no **kwargs: TypeError "unexpected keyword argument"
    with pytest.raises(TypeError, match="unexpected keyword argument 'unknown'"):
        ms.load_checkpoint(ckpt, unknown=1)


def test_a_load_that_leaves_nothing_is_an_error(ckpt):
    # MindSpore 2.10: ms.load_checkpoint(f, filter_prefix=["weight", "bias", "epoch"]) raises
    # ValueError "The loaded parameter dict is empty after filter or specify, ..."
    with pytest.raises(ValueError, match="empty after filter or specify"):
        ms.load_checkpoint(ckpt, filter_prefix=["weight", "bias", "epoch"])
    with pytest.raises(ValueError, match="empty after filter or specify"):
        ms.load_checkpoint(ckpt, specify_prefix="conv")
    with pytest.raises(ValueError, match="empty after filter or specify"):
        ms.load_checkpoint(ckpt, choice_func=lambda name: False)
    # one prefix filtered: the rest loads (MindSpore 2.10: {'bias', 'epoch_num'})
    assert sorted(ms.load_checkpoint(ckpt, filter_prefix="weight")) == ["bias", "epoch_num"]
