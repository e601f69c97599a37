"""The tokenizers of ``mindspore.dataset.text``: one string in, its tokens out as a 1-D string
array (``['']`` when there are none, as MindSpore's), and with ``with_offsets=True`` also the
tokens' start and end offsets in UTF-8 bytes (``uint32``). ``WordpieceTokenizer`` splits an array
of words into sub-word pieces; ``BertTokenizer`` is ``BasicTokenizer`` then ``WordpieceTokenizer``.
The package (``__init__``) re-exports them."""
import enum as _enum
import re as _re
import unicodedata as _ud

import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError

__all__ = ["NormalizeForm", "WhitespaceTokenizer", "UnicodeCharTokenizer", "RegexTokenizer",
           "UnicodeScriptTokenizer", "BasicTokenizer", "WordpieceTokenizer", "BertTokenizer",
           "PythonTokenizer"]


class NormalizeForm(_enum.IntEnum):
    """The Unicode normalization forms of ``NormalizeUTF8`` and ``BasicTokenizer``."""
    NONE = 0
    NFC = 1
    NFKC = 2
    NFD = 3
    NFKD = 4


def normalize(s, form):
    """`s` in Unicode normalization `form` (unchanged for ``NONE``)."""
    return s if form == NormalizeForm.NONE else _ud.normalize(NormalizeForm(form).name, s)


def as_array(op, x):
    """`x` as a NumPy array; a value NumPy cannot make one of is an error naming `op`."""
    try:
        return _np.asarray(x)
    except (ValueError, TypeError, RecursionError) as e:
        raise ComputeError(f"{op}: the input must be an array, but got {type(x).__name__} "
                           f"({str(e)[:80]}).") from None


def scalar_string(op, x):
    """The one string a tokenizer reads: a ``str``, ``bytes`` or a 0-d string array."""
    if isinstance(x, bytes):
        return x.decode("utf-8")
    if isinstance(x, str):
        return x
    a = as_array(op, x)
    if a.ndim != 0 or a.dtype.kind not in "US":
        raise ComputeError(f"{op}: the input shape should be scalar and the input datatype should "
                           f"be string, but got {a.dtype} of shape {list(a.shape)}.")
    v = a.item()
    return v.decode("utf-8") if isinstance(v, bytes) else v


def string_array(op, x, ndim=None):
    """`x` as a NumPy string array (``bytes`` decoded), of `ndim` dimensions when given."""
    a = as_array(op, x)
    if a.dtype.kind == "S":
        a = _np.char.decode(a, "utf-8")
    if a.dtype.kind != "U" or (ndim is not None and a.ndim != ndim):
        want = "" if ndim is None else f"{ndim}-D "
        raise ComputeError(f"{op}: the input must be {want}string data, but got {a.dtype} of shape "
                           f"{list(a.shape)}.")
    return a


def _bool(op, name, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


def tokens_out(spans, s, with_offsets):
    """The tokens `s[a:b]` of `spans`, as MindSpore's tokenizers return them (``['']`` for none),
    with their UTF-8 byte offsets when `with_offsets`."""
    if not spans:
        spans = [(0, 0)]
    tokens = _np.array([s[a:b] for a, b in spans], dtype=str)
    if not with_offsets:
        return tokens
    at = _np.zeros(len(s) + 1, _np.int64)
    at[1:] = _np.cumsum([len(c.encode("utf-8")) for c in s]) if s else []
    starts = _np.array([at[a] for a, _ in spans], _np.uint32)
    ends = _np.array([at[b] for _, b in spans], _np.uint32)
    return tokens, starts, ends


def _runs(s, key):
    """The maximal runs ``(start, end, key)`` of characters of `s` with equal ``key(char)``."""
    out = []
    for i, c in enumerate(s):
        k = key(c)
        if out and out[-1][2] == k:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1, k])
    return out


class _Tokenizer:
    """A tokenizer of one string; subclasses give ``_spans(s)``."""
    _op = "Tokenizer"

    def __init__(self, with_offsets=False):
        self.with_offsets = _bool(self._op, "with_offsets", with_offsets)

    def __call__(self, text):
        s = scalar_string(self._op, text)
        return tokens_out(self._spans(s), s, self.with_offsets)


class WhitespaceTokenizer(_Tokenizer):
    """Splits a string at whitespace (which is dropped).

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.WhitespaceTokenizer()("Welcome to  Beijing"))
        ['Welcome' 'to' 'Beijing']
    """
    _op = "WhitespaceTokenizer"

    def _spans(self, s):
        return [(a, b) for a, b, space in _runs(s, str.isspace) if not space]


class UnicodeCharTokenizer(_Tokenizer):
    """Splits a string into its characters.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.UnicodeCharTokenizer()("héllo"))
        ['h' 'é' 'l' 'l' 'o']
    """
    _op = "UnicodeCharTokenizer"

    def _spans(self, s):
        return [(i, i + 1) for i in range(len(s))]


class RegexTokenizer(_Tokenizer):
    """Splits a string at the matches of `delim_pattern`; a delimiter that also matches
    `keep_delim_pattern` is kept as a token. Empty tokens are dropped.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.RegexTokenizer(r"\\s+", r"\\s+")("a  b c"))
        ['a' '  ' 'b' ' ' 'c']
    """
    _op = "RegexTokenizer"

    def __init__(self, delim_pattern, keep_delim_pattern="", with_offsets=False):
        super().__init__(with_offsets)
        for name, v in (("delim_pattern", delim_pattern), ("keep_delim_pattern", keep_delim_pattern)):
            if not isinstance(v, str):
                raise DTypeError(f"For 'RegexTokenizer', '{name}' must be a str, but got "
                                 f"{type(v).__name__}.")
        try:
            self._delim = _re.compile(delim_pattern)
            self._keep = _re.compile(keep_delim_pattern) if keep_delim_pattern else None
        except _re.error as e:
            raise ShapeError(f"For 'RegexTokenizer', the pattern is not a valid regular "
                             f"expression: {e}.") from None
        self.delim_pattern, self.keep_delim_pattern = delim_pattern, keep_delim_pattern

    def _spans(self, s):
        spans, at = [], 0
        for m in self._delim.finditer(s):
            if m.start() == m.end():
                continue
            if m.start() > at:
                spans.append((at, m.start()))
            if self._keep is not None and self._keep.fullmatch(m.group()):
                spans.append((m.start(), m.end()))
            at = m.end()
        if at < len(s):
            spans.append((at, len(s)))
        return spans


# Scripts named by the first word of a letter's Unicode name (CJK ideographs are Han).
_SCRIPT_ALIASES = {"CJK": "HAN"}


def _script(c):
    """A character's script, as far as the tokenizers need it: its writing system for a letter
    or mark; digits, punctuation and symbols are ``COMMON``; whitespace ``SPACE``."""
    if c.isspace():
        return "SPACE"
    if _ud.category(c)[0] not in "LM":
        return "COMMON"
    name = _ud.name(c, "")
    first = name.split(" ", 1)[0] if name else "UNKNOWN"
    return _SCRIPT_ALIASES.get(first, first)


class UnicodeScriptTokenizer(_Tokenizer):
    """Splits a string where the Unicode script changes (Latin, Han, Cyrillic...; digits,
    punctuation and symbols are one common script); whitespace is dropped unless
    `keep_whitespace`.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.UnicodeScriptTokenizer()("Hello123 мир!"))
        ['Hello' '123' 'мир' '!']
    """
    _op = "UnicodeScriptTokenizer"

    def __init__(self, keep_whitespace=False, with_offsets=False):
        super().__init__(with_offsets)
        self.keep_whitespace = _bool(self._op, "keep_whitespace", keep_whitespace)

    def _spans(self, s):
        return [(a, b) for a, b, k in _runs(s, _script) if k != "SPACE" or self.keep_whitespace]


_UNUSED = _re.compile(r"\[(UNK|CLS|SEP|PAD|MASK|unused\d+)\]")


def _is_punct(c):
    """BERT's punctuation: ASCII symbols and Unicode punctuation."""
    o = ord(c)
    return 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126 or \
        _ud.category(c).startswith("P")


def _is_cjk(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF
            or 0x2A700 <= o <= 0x2CEAF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F)


class BasicTokenizer(_Tokenizer):
    """BERT's basic tokenization: splits at whitespace (kept as tokens with `keep_whitespace`),
    around each punctuation character and each CJK character; `lower_case` folds the case and
    strips accents (NFD, marks removed), otherwise the text is put in `normalization_form`;
    `preserve_unused_token` keeps ``[CLS]``, ``[SEP]``, ``[UNK]``, ``[PAD]``, ``[MASK]`` and
    ``[unusedN]`` whole.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.BasicTokenizer(lower_case=True)("Héllo, WORLD!"))
        ['hello' ',' 'world' '!']
    """
    _op = "BasicTokenizer"

    def __init__(self, lower_case=False, keep_whitespace=False,
                 normalization_form=NormalizeForm.NONE, preserve_unused_token=True,
                 with_offsets=False):
        super().__init__(with_offsets)
        self.lower_case = _bool(self._op, "lower_case", lower_case)
        self.keep_whitespace = _bool(self._op, "keep_whitespace", keep_whitespace)
        self.preserve_unused_token = _bool(self._op, "preserve_unused_token", preserve_unused_token)
        if not isinstance(normalization_form, NormalizeForm):
            raise DTypeError(f"For 'BasicTokenizer', 'normalization_form' must be a NormalizeForm, "
                             f"but got {type(normalization_form).__name__}.")
        self.normalization_form = normalization_form

    def _prepare(self, s):
        if self.lower_case:
            s = _ud.normalize("NFD", s.casefold())
            return "".join(c for c in s if _ud.category(c) != "Mn")
        return normalize(s, self.normalization_form)

    def __call__(self, text):
        s = self._prepare(scalar_string(self._op, text))
        return tokens_out(self._spans(s), s, self.with_offsets)

    def _spans(self, s):
        kept = []  # [start, end) of the preserved special tokens
        if self.preserve_unused_token:
            kept = [(m.start(), m.end()) for m in _UNUSED.finditer(s)]
        spans, i, word = [], 0, None
        while i < len(s):
            if kept and kept[0][0] == i:
                if word is not None:
                    spans.append((word, i))
                    word = None
                spans.append(kept.pop(0))
                i = spans[-1][1]
                continue
            c = s[i]
            if c.isspace():
                if word is not None:
                    spans.append((word, i))
                    word = None
                j = i
                while j < len(s) and s[j].isspace():
                    j += 1
                if self.keep_whitespace:
                    spans.append((i, j))
                i = j
                continue
            if _is_punct(c) or _is_cjk(c):
                if word is not None:
                    spans.append((word, i))
                    word = None
                spans.append((i, i + 1))
            elif word is None:
                word = i
            i += 1
        if word is not None:
            spans.append((word, len(s)))
        return spans


class WordpieceTokenizer:
    """Splits each word of a 1-D string array into the longest pieces found in `vocab`, pieces
    after the first prefixed by `suffix_indicator`; a word with no such split (or longer than
    `max_bytes_per_token` bytes) becomes `unknown_token` (or stays whole when that is ``''``).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> vocab = text.Vocab.from_list(["book", "favor", "##ite", "[UNK]"])
        >>> print(text.WordpieceTokenizer(vocab)(np.array(["favorite", "book", "xyz"])))
        ['favor' '##ite' 'book' '[UNK]']
    """
    _op = "WordpieceTokenizer"

    def __init__(self, vocab, suffix_indicator="##", max_bytes_per_token=100,
                 unknown_token="[UNK]", with_offsets=False):
        from . import Vocab
        if not isinstance(vocab, Vocab):
            raise DTypeError(f"For '{self._op}', 'vocab' must be a text.Vocab, but got "
                             f"{type(vocab).__name__}.")
        for name, v in (("suffix_indicator", suffix_indicator), ("unknown_token", unknown_token)):
            if not isinstance(v, str):
                raise DTypeError(f"For '{self._op}', '{name}' must be a str, but got "
                                 f"{type(v).__name__}.")
        if isinstance(max_bytes_per_token, bool) or not isinstance(max_bytes_per_token, int) \
                or max_bytes_per_token < 0:
            raise ShapeError(f"For '{self._op}', 'max_bytes_per_token' must be a non-negative int, "
                             f"but got {max_bytes_per_token!r}.")
        self.vocab, self.suffix_indicator = vocab, suffix_indicator
        self.max_bytes_per_token, self.unknown_token = max_bytes_per_token, unknown_token
        self.with_offsets = _bool(self._op, "with_offsets", with_offsets)

    def _pieces(self, word):
        """The pieces of `word` with their byte offsets within it."""
        nbytes = len(word.encode("utf-8"))
        unknown = [(self.unknown_token or word, 0, nbytes)]
        if nbytes > self.max_bytes_per_token:
            return unknown
        words, out, start = self.vocab._words, [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else self.suffix_indicator + word[start:end]
                if piece in words:
                    break
                end -= 1
            if end == start:
                return unknown
            b0 = len(word[:start].encode("utf-8"))
            out.append((piece, b0, b0 + len(word[start:end].encode("utf-8"))))
            start = end
        return out

    def __call__(self, words):
        a = string_array(self._op, words)
        if a.ndim > 1:
            raise ComputeError(f"{self._op}: the input must be a string or a 1-D string array, but "
                               f"got shape {list(a.shape)}.")
        pieces = [p for w in a.reshape(-1) for p in self._pieces(str(w))]
        tokens = _np.array([p[0] for p in pieces] or [""], dtype=str)
        if not self.with_offsets:
            return tokens
        return (tokens, _np.array([p[1] for p in pieces], _np.uint32),
                _np.array([p[2] for p in pieces], _np.uint32))


class BertTokenizer:
    """``BasicTokenizer`` then ``WordpieceTokenizer`` with `vocab` (their arguments).

    Examples:
        >>> import mindspore.dataset.text as text
        >>> vocab = text.Vocab.from_list(["my", "cat", "##s", "[UNK]"])
        >>> print(text.BertTokenizer(vocab, lower_case=True)("My cats"))
        ['my' 'cat' '##s']
    """

    def __init__(self, vocab, suffix_indicator="##", max_bytes_per_token=100,
                 unknown_token="[UNK]", lower_case=False, keep_whitespace=False,
                 normalization_form=NormalizeForm.NONE, preserve_unused_token=True,
                 with_offsets=False):
        self._basic = BasicTokenizer(lower_case, keep_whitespace, normalization_form,
                                     preserve_unused_token, with_offsets)
        self._wordpiece = WordpieceTokenizer(vocab, suffix_indicator, max_bytes_per_token,
                                             unknown_token, with_offsets)
        self.with_offsets = with_offsets

    def __call__(self, text):
        if not self.with_offsets:
            return self._wordpiece(self._basic(text))
        words, starts, _ = self._basic(text)
        out = [], [], []
        for w, s in zip(words, starts):
            t, a, b = self._wordpiece(_np.array([w]))
            out[0].extend(t)
            out[1].extend(a + s)
            out[2].extend(b + s)
        return (_np.array(out[0], dtype=str), _np.array(out[1], _np.uint32),
                _np.array(out[2], _np.uint32))


class PythonTokenizer:
    """Tokenizes a string array's string with the Python function `tokenizer` (str → list of str).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.PythonTokenizer(lambda s: s.split("-"))(np.array("a-b")))
        ['a' 'b']
    """

    def __init__(self, tokenizer):
        if not callable(tokenizer):
            raise DTypeError(f"For 'PythonTokenizer', 'tokenizer' must be callable, but got "
                             f"{type(tokenizer).__name__}.")
        self.tokenizer = tokenizer

    def __call__(self, in_array):
        if not isinstance(in_array, _np.ndarray):
            raise DTypeError(f"input should be a NumPy array. Got {type(in_array)}.")
        s = scalar_string("PythonTokenizer", in_array)
        return _np.array(list(self.tokenizer(s)) or [""], dtype=str)
