"""``mindspore.ops.signature``: how a primitive declares its inputs (``__mindspore_signature__``
of a ``Primitive`` subclass) — each input's name, whether it is read or written
(``sig_rw.RW_WRITE`` for a Parameter the primitive updates), its kind, its default and its dtype
group (inputs of one ``sig_dtype`` are converted to a common dtype). The names and numbering are
MindSpore 2.10's. Primitives here run eagerly on the engine's ops, which already convert and
write their operands themselves, so a signature is kept as the primitive's description."""
import enum

__all__ = ["Signature", "make_sig", "sig_rw", "sig_kind", "sig_dtype"]


class signature_rw(enum.IntEnum):  # noqa: N801 - MindSpore's name
    """Whether a primitive reads (``RW_READ``) or writes (``RW_WRITE``, ``RW_REF``) an input."""
    RW_READ = 0
    RW_WRITE = 1
    RW_REF = 2
    RW_EMPTY_DEFAULT_VALUE = 3


class signature_kind(enum.IntEnum):  # noqa: N801 - MindSpore's name
    """How an input is passed (``KIND_VAR_KEYWARD`` is MindSpore's spelling)."""
    KIND_POSITIONAL_KEYWORD = 0
    KIND_VAR_POSITIONAL = 1
    KIND_KEYWORD_ONLY = 2
    KIND_VAR_KEYWARD = 3
    KIND_EMPTY_DEFAULT_VALUE = 4


class signature_dtype(enum.IntEnum):  # noqa: N801 - MindSpore's name
    """The dtype group of an input: inputs of one group share a dtype."""
    T = 0
    T1 = 1
    T2 = 2
    T3 = 3
    T4 = 4
    T5 = 5
    T6 = 6
    T7 = 7
    T8 = 8
    T9 = 9
    T_EMPTY_DEFAULT_VALUE = 10


sig_rw = signature_rw
sig_kind = signature_kind
sig_dtype = signature_dtype


class Signature:
    """One input of a primitive's signature (made by :func:`make_sig`)."""

    def __init__(self, name, rw, kind, default, dtype):
        self._fields = (name, rw, kind, default, dtype)

    def __repr__(self):
        name, rw, kind, default, dtype = self._fields
        shown = "" if default is sig_kind.KIND_EMPTY_DEFAULT_VALUE else f", default={default!r}"
        return f"Signature({name!r}, {rw.name}, {kind.name}{shown}, {dtype.name})"


def make_sig(name="var", rw=sig_rw.RW_READ, kind=sig_kind.KIND_POSITIONAL_KEYWORD,
             default=sig_kind.KIND_EMPTY_DEFAULT_VALUE, dtype=sig_dtype.T_EMPTY_DEFAULT_VALUE):
    """One input of a primitive's signature.

    Args:
        name (str): The input's name. Default: ``"var"``.
        rw (sig_rw): Read or written. Default: ``sig_rw.RW_READ``.
        kind (sig_kind): How it is passed. Default: ``sig_kind.KIND_POSITIONAL_KEYWORD``.
        default (Any): Its default value. Default: none (``sig_kind.KIND_EMPTY_DEFAULT_VALUE``).
        dtype (sig_dtype): Its dtype group. Default: none (``sig_dtype.T_EMPTY_DEFAULT_VALUE``).

    Returns:
        Signature, the description.

    Raises:
        TypeError: If `name` is not a str or `rw`, `kind` or `dtype` is not of its enum.

    Examples:
        >>> from mindspore.ops import signature as sig
        >>> sig.make_sig('x', sig.sig_rw.RW_WRITE, dtype=sig.sig_dtype.T)
        Signature('x', RW_WRITE, KIND_POSITIONAL_KEYWORD, T)
    """
    if not isinstance(name, str):
        raise TypeError(f"For 'make_sig', 'name' must be a str, but got {type(name).__name__}.")
    for arg, want in ((rw, sig_rw), (kind, sig_kind), (dtype, sig_dtype)):
        if not isinstance(arg, want):
            raise TypeError(f"For 'make_sig', expected a {want.__name__}, but got {arg!r}.")
    return Signature(name, rw, kind, default, dtype)
