"""``mindspore.dataset.text``: text transforms on NumPy string arrays, as a dataset's ``map``
applies them (or called directly). ``Vocab`` maps tokens to ids (``from_list``, ``from_dict``,
``from_file``, ``from_dataset``) and ``Lookup`` applies it; tokenizers (``_tokenizers.py``) split
strings; ``Ngram``, ``SlidingWindow``, ``Truncate``, ``TruncateSequencePair``, ``AddToken``,
``ToNumber``, ``CaseFold``, ``NormalizeUTF8`` and ``RegexReplace`` reshape and rewrite token
arrays; ``Vectors``/``GloVe``/``FastText`` with ``ToVectors`` turn tokens into pretrained
vectors. Errors while a pipeline runs are RuntimeErrors naming the transform, as MindSpore's."""
import collections as _collections
import os as _os
import re as _re

import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as _mstype
from ._tokenizers import (BasicTokenizer, BertTokenizer, NormalizeForm, PythonTokenizer,
                          RegexTokenizer, UnicodeCharTokenizer, UnicodeScriptTokenizer,
                          WhitespaceTokenizer, WordpieceTokenizer, as_array, normalize, string_array)

__all__ = ["Vocab", "Lookup", "Ngram", "SlidingWindow", "ToNumber", "Truncate",
           "TruncateSequencePair", "AddToken", "CaseFold", "NormalizeUTF8", "RegexReplace",
           "to_str", "to_bytes", "Vectors", "GloVe", "FastText", "ToVectors", "NormalizeForm",
           "WhitespaceTokenizer", "UnicodeCharTokenizer", "RegexTokenizer",
           "UnicodeScriptTokenizer", "BasicTokenizer", "WordpieceTokenizer", "BertTokenizer",
           "PythonTokenizer", "FilterWikipediaXML"]


def _str_list(op, name, v):
    if v is None:
        return []
    if not isinstance(v, (list, tuple)) or not all(isinstance(w, str) for w in v):
        raise DTypeError(f"For '{op}', '{name}' must be a list of str, but got {v!r}.")
    return list(v)


def _no_duplicates(word_list, special_tokens):
    seen = set()
    for w in word_list:
        if w in seen:
            raise ShapeError(f"word_list contains duplicate word: {w}.")
        seen.add(w)
    if len(set(special_tokens)) != len(special_tokens):
        raise ShapeError(f"special_tokens contains duplicate word: {special_tokens}.")
    both = seen & set(special_tokens)
    if both:
        raise ShapeError(f"special_tokens and word_list contain duplicate word :{both}.")


class Vocab:
    """A map from tokens to integer ids, made by one of the ``from_*`` class methods.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> vocab = text.Vocab.from_list(["a", "b"], special_tokens=["<pad>"])
        >>> print(vocab.vocab(), vocab.tokens_to_ids(["b", "z"]), vocab.ids_to_tokens(0))
        {'<pad>': 0, 'a': 1, 'b': 2} [2, -1] <pad>
    """

    def __init__(self):
        self._words, self._tokens = {}, {}

    @classmethod
    def _of(cls, words):
        v = cls()
        v._words = dict(words)
        v._tokens = {i: w for w, i in v._words.items()}
        return v

    @classmethod
    def _ranked(cls, word_list, special_tokens, special_first):
        _no_duplicates(word_list, special_tokens)
        order = special_tokens + word_list if special_first else word_list + special_tokens
        return cls._of({w: i for i, w in enumerate(order)})

    @classmethod
    def from_list(cls, word_list, special_tokens=None, special_first=True):
        """The words of `word_list` numbered in order, `special_tokens` before them
        (`special_first`) or after."""
        words = _str_list("Vocab.from_list", "word_list", word_list)
        specials = _str_list("Vocab.from_list", "special_tokens", special_tokens)
        return cls._ranked(words, specials, bool(special_first))

    @classmethod
    def from_dict(cls, word_dict):
        """The vocabulary `word_dict` ({token: id}, ids non-negative ints)."""
        if not isinstance(word_dict, dict) or not all(
                isinstance(w, str) and isinstance(i, int) and not isinstance(i, bool) and i >= 0
                for w, i in word_dict.items()):
            raise DTypeError(f"For 'Vocab.from_dict', 'word_dict' must be a dict of str to "
                             f"non-negative int, but got {word_dict!r}.")
        return cls._of(word_dict)

    @classmethod
    def from_file(cls, file_path, delimiter="", vocab_size=None, special_tokens=None,
                  special_first=True):
        """One word per line of the file (the text before `delimiter` when it is given), the first
        `vocab_size` lines."""
        if not isinstance(file_path, str) or not _os.path.isfile(file_path):
            raise ShapeError(f"For 'Vocab.from_file', file {file_path!r} does not exist or is "
                             "not a file.")
        if vocab_size is not None and (isinstance(vocab_size, bool) or not isinstance(vocab_size, int)
                                       or vocab_size <= 0):
            raise ShapeError(f"For 'Vocab.from_file', 'vocab_size' must be a positive int, but got "
                             f"{vocab_size!r}.")
        words = []
        with open(file_path, encoding="utf-8") as f:
            for line in f:
                if vocab_size is not None and len(words) >= vocab_size:
                    break
                line = line.rstrip("\r\n")
                words.append(line.split(delimiter, 1)[0] if delimiter else line)
        specials = _str_list("Vocab.from_file", "special_tokens", special_tokens)
        return cls._ranked(words, specials, bool(special_first))

    @classmethod
    def from_dataset(cls, dataset, columns=None, freq_range=None, top_k=None, special_tokens=None,
                     special_first=True):
        """The tokens of `columns` (all, by default) over one pass of `dataset`, most frequent
        first (ties in string order), those whose count is within `freq_range` ``(min, max)``
        (either may be None), at most `top_k` of them."""
        names = dataset.get_col_names()
        cols = names if columns is None else ([columns] if isinstance(columns, str) else list(columns))
        for c in cols:
            if c not in names:
                raise ShapeError(f"For 'Vocab.from_dataset', column '{c}' is not one of {names}.")
        lo, hi = (None, None) if freq_range is None else tuple(freq_range)
        if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k <= 0):
            raise ShapeError(f"For 'Vocab.from_dataset', 'top_k' must be a positive int, but got "
                             f"{top_k!r}.")
        counts = _collections.Counter()
        at = [names.index(c) for c in cols]
        for row in dataset.create_tuple_iterator(output_numpy=True, num_epochs=1):
            for i in at:
                counts.update(str(w) for w in string_array("Vocab.from_dataset", row[i]).reshape(-1))
        ranked = sorted(((-n, w) for w, n in counts.items()
                         if (lo is None or n >= lo) and (hi is None or n <= hi)))
        words = [w for _, w in ranked][:top_k]
        specials = _str_list("Vocab.from_dataset", "special_tokens", special_tokens)
        words = [w for w in words if w not in specials]
        return cls._ranked(words, specials, bool(special_first))

    def vocab(self):
        """The {token: id} dict."""
        return dict(self._words)

    def tokens_to_ids(self, tokens):
        """The id of a token (-1 when absent), or a list of them for a list of tokens."""
        if isinstance(tokens, str):
            return self._words.get(tokens, -1)
        if isinstance(tokens, (list, tuple)) and not tokens:
            return []
        return [self._words.get(str(t), -1)
                for t in string_array("Vocab.tokens_to_ids", tokens).reshape(-1)]

    def ids_to_tokens(self, ids):
        """The token of an id (``''`` when absent), or a list of them for a list of ids."""
        if isinstance(ids, (int, _np.integer)):
            return self._tokens.get(int(ids), "")
        if isinstance(ids, (list, tuple)) and not ids:
            return []
        a = as_array("Vocab.ids_to_tokens", ids)
        if a.dtype.kind not in "iu":
            raise DTypeError(f"For 'Vocab.ids_to_tokens', 'ids' must be ints, but got {a.dtype}.")
        return [self._tokens.get(int(i), "") for i in a.reshape(-1)]


def _numeric_dtype(op, dtype):
    if not isinstance(dtype, _mstype.Type) or \
            dtype not in _mstype.int_type + _mstype.uint_type + _mstype.float_type:
        raise DTypeError(f"For '{op}', 'data_type' must be a numeric MindSpore dtype, but got "
                         f"{dtype!r}.")
    return _np.dtype(_mstype.dtype_to_nptype(dtype))


class Lookup:
    """Each token's id in `vocab` (`unknown_token`'s for tokens not in it), as `data_type`.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> vocab = text.Vocab.from_list(["a", "b", "<unk>"])
        >>> print(text.Lookup(vocab, "<unk>")(np.array(["b", "z"])))
        [1 2]
    """

    def __init__(self, vocab, unknown_token=None, data_type=_mstype.int32):
        if not isinstance(vocab, Vocab):
            raise DTypeError(f"For 'Lookup', 'vocab' must be a text.Vocab, but got {type(vocab).__name__}.")
        if unknown_token is not None and not isinstance(unknown_token, str):
            raise DTypeError(f"For 'Lookup', 'unknown_token' must be a str, but got "
                             f"{type(unknown_token).__name__}.")
        self.vocab, self.unknown_token = vocab, unknown_token
        self.data_type = data_type
        self._dtype = _numeric_dtype("Lookup", data_type)

    def __call__(self, tokens):
        a = string_array("Lookup", tokens)
        words = self.vocab._words
        unknown = None if self.unknown_token is None else words.get(self.unknown_token)
        ids = []
        for w in a.reshape(-1):
            i = words.get(str(w), unknown)
            if i is None:
                why = (f"the unknown token '{self.unknown_token}' is not in the vocab either"
                       if self.unknown_token is not None else "no unknown token is specified")
                raise ComputeError(f"Lookup: invalid data, token: \"{w}\" doesn't exist in vocab "
                                   f"and {why}.")
            ids.append(i)
        return _np.array(ids, self._dtype).reshape(a.shape)


def _positive(op, name, v):
    if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
        raise ShapeError(f"For '{op}', '{name}' must be a positive int, but got {v!r}.")
    return v


def _one_d(op, x):
    a = as_array(op, x)
    if a.dtype.kind == "S":
        a = _np.char.decode(a, "utf-8")
    if a.ndim != 1:
        raise ComputeError(f"{op}: the input must be 1-D, but got shape {list(a.shape)}.")
    return a


class Ngram:
    """The `n`-grams (for each `n` of a list) of a 1-D string array, joined with `separator`;
    `left_pad`/`right_pad` ``(token, width)`` pad each end with up to ``n - 1`` tokens.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.Ngram([2, 3], separator="_")(np.array(["a", "b", "c"])))
        ['a_b' 'b_c' 'a_b_c']
    """

    def __init__(self, n, left_pad=("", 0), right_pad=("", 0), separator=" "):
        ns = [n] if isinstance(n, int) and not isinstance(n, bool) else n
        if not isinstance(ns, (list, tuple)) or not ns:
            raise DTypeError(f"For 'Ngram', 'n' must be an int or a list of ints, but got {n!r}.")
        for i, g in enumerate(ns):
            if isinstance(g, bool) or not isinstance(g, int) or g <= 0:
                raise ShapeError(f"Input gram_{i} must be greater than 0.")
        for name, pad in (("left_pad", left_pad), ("right_pad", right_pad)):
            if not (isinstance(pad, tuple) and len(pad) == 2 and isinstance(pad[0], str)
                    and isinstance(pad[1], int) and not isinstance(pad[1], bool) and pad[1] >= 0):
                raise DTypeError(f"For 'Ngram', '{name}' must be a (str, non-negative int) tuple, "
                                 f"but got {pad!r}.")
        if not isinstance(separator, str):
            raise DTypeError(f"For 'Ngram', 'separator' must be a str, but got {separator!r}.")
        self.n, self.left_pad, self.right_pad, self.separator = list(ns), left_pad, right_pad, separator

    def __call__(self, tokens):
        a = _one_d("Ngram", tokens)
        if a.dtype.kind != "U":
            raise ComputeError(f"Ngram: input is not a 1D data with string datatype, but got {a.dtype}.")
        words, out = [str(w) for w in a], []
        for n in self.n:
            seq = ([self.left_pad[0]] * min(self.left_pad[1], n - 1) + words
                   + [self.right_pad[0]] * min(self.right_pad[1], n - 1))
            out += [self.separator.join(seq[i:i + n]) for i in range(len(seq) - n + 1)]
        return _np.array(out or [""], dtype=str)


class SlidingWindow:
    """The windows of `width` consecutive elements of a 1-D array, as rows ``[L - width + 1,
    width]`` (none when it is shorter).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.SlidingWindow(2)(np.array([1, 2, 3])))
        [[1 2]
         [2 3]]
    """

    def __init__(self, width, axis=0):
        self.width = _positive("SlidingWindow", "width", width)
        if isinstance(axis, bool) or not isinstance(axis, int):
            raise DTypeError(f"For 'SlidingWindow', 'axis' must be an int, but got {axis!r}.")
        self.axis = axis

    def __call__(self, x):
        a = as_array("SlidingWindow", x)
        if a.ndim != 1:
            raise ComputeError(f"SlidingWindow: SlidingWindow supports 1D input only for now, but "
                               f"got {a.ndim}D.")
        if self.axis not in (0, -1):
            raise ComputeError(f"SlidingWindow: 'axis' {self.axis} is out of range for 1-D input.")
        n = a.shape[0] - self.width + 1
        if n <= 0:
            return a[:0]
        return _np.stack([a[i:i + self.width] for i in range(n)])


class ToNumber:
    """Strings to numbers of `data_type` (integers read from a string's leading digits);
    a string that is not a number, or out of the type's range, is an error.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> import mindspore.dataset.text as text
        >>> print(text.ToNumber(ms.int32)(np.array(["1", "25"])))
        [ 1 25]
    """
    _INT = _re.compile(r"\s*([+-]?\d+)")

    def __init__(self, data_type):
        self.data_type = data_type
        self._dtype = _numeric_dtype("ToNumber", data_type)

    def _one(self, s):
        if self._dtype.kind in "iu":
            m = self._INT.match(s)
            if m is None:
                raise ComputeError(f"ToNumber: it is invalid to convert \"{s}\" to a number.")
            v, info = int(m.group(1)), _np.iinfo(self._dtype)
            if not info.min <= v <= info.max:
                raise ComputeError(f"ToNumber: string input {s} will be out of bounds if cast to "
                                   f"{self.data_type}.")
            return v
        try:
            v = float(s)
        except ValueError:
            raise ComputeError(f"ToNumber: it is invalid to convert \"{s}\" to a number.") from None
        if _np.isfinite(v) and not _np.isfinite(self._dtype.type(v)):
            raise ComputeError(f"ToNumber: string input {s} will be out of bounds if cast to "
                               f"{self.data_type}.")
        return v

    def __call__(self, strings):
        a = string_array("ToNumber", strings)
        return _np.array([self._one(str(s)) for s in a.reshape(-1)], self._dtype).reshape(a.shape)


class Truncate:
    """The first `max_seq_len` elements along the last axis of a 1-D or 2-D array.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.Truncate(2)(np.array([1, 2, 3])))
        [1 2]
    """

    def __init__(self, max_seq_len):
        self.max_seq_len = _positive("Truncate", "max_seq_len", max_seq_len)

    def __call__(self, x):
        a = as_array("Truncate", x)
        if a.ndim not in (1, 2):
            raise ComputeError(f"Truncate: the input must be 1-D or 2-D, but got shape {list(a.shape)}.")
        return a[..., :self.max_seq_len]


class TruncateSequencePair:
    """Two 1-D arrays cut until together they hold at most `max_length` elements, always from the
    end of the longer one (the second when they are as long).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.TruncateSequencePair(4)(np.array([1, 2, 3]), np.array([4, 5, 6])))
        (array([1, 2]), array([4, 5]))
    """

    def __init__(self, max_length):
        self.max_length = _positive("TruncateSequencePair", "max_length", max_length)

    def __call__(self, first, second):
        a, b = _one_d("TruncateSequencePair", first), _one_d("TruncateSequencePair", second)
        na, nb = len(a), len(b)
        while na + nb > self.max_length:
            if na > nb:
                na -= 1
            else:
                nb -= 1
        return a[:na], b[:nb]


class AddToken:
    """`token` added at the beginning (`begin`) or the end of a 1-D string array.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.AddToken("<s>")(np.array(["a", "b"])))
        ['<s>' 'a' 'b']
    """

    def __init__(self, token, begin=True):
        if not isinstance(token, str):
            raise DTypeError(f"For 'AddToken', 'token' must be a str, but got {type(token).__name__}.")
        if not isinstance(begin, bool):
            raise DTypeError(f"For 'AddToken', 'begin' must be a bool, but got {type(begin).__name__}.")
        self.token, self.begin = token, begin

    def __call__(self, tokens):
        a = [str(w) for w in string_array("AddToken", tokens, ndim=1)]
        return _np.array([self.token] + a if self.begin else a + [self.token], dtype=str)


class _PerString:
    """A transform applied to every string of an array (or to one string)."""
    _op = "text"

    def _one(self, s):
        raise NotImplementedError

    def __call__(self, text):
        a = string_array(self._op, text)
        out = [self._one(str(s)) for s in a.reshape(-1)]
        return _np.array(out, dtype=str).reshape(a.shape)


class CaseFold(_PerString):
    """Each string case-folded (lower case, and ``ß`` as ``ss``).

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.CaseFold()("Straße"))
        strasse
    """
    _op = "CaseFold"

    def _one(self, s):
        return s.casefold()


class NormalizeUTF8(_PerString):
    """Each string in Unicode normalization `normalize_form` (a ``NormalizeForm``).

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.NormalizeUTF8()("ﬁ①"))
        fi1
    """
    _op = "NormalizeUTF8"

    def __init__(self, normalize_form=NormalizeForm.NFKC):
        if not isinstance(normalize_form, NormalizeForm):
            raise DTypeError(f"For 'NormalizeUTF8', 'normalize_form' must be a NormalizeForm, but "
                             f"got {type(normalize_form).__name__}.")
        self.normalize_form = normalize_form

    def _one(self, s):
        return normalize(s, self.normalize_form)


class RegexReplace(_PerString):
    """Each string with the matches of `pattern` replaced by `replace` (``$1`` names a group, as
    in ICU); only the first match unless `replace_all`.

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.RegexReplace(r"(\\w+)@(\\w+)", "$2 at $1")("me@home"))
        home at me
    """
    _op = "RegexReplace"

    def __init__(self, pattern, replace, replace_all=True):
        for name, v in (("pattern", pattern), ("replace", replace)):
            if not isinstance(v, str):
                raise DTypeError(f"For 'RegexReplace', '{name}' must be a str, but got {type(v).__name__}.")
        try:
            self._re = _re.compile(pattern)
        except _re.error as e:
            raise ShapeError(f"For 'RegexReplace', 'pattern' is not a valid regular expression: "
                             f"{e}.") from None
        self.pattern, self.replace, self.replace_all = pattern, replace, bool(replace_all)
        # ICU's group references ($1, \$ for a dollar) in Python's form.
        self._repl = _re.sub(r"\\\$|\$(\d+)|\\(?!\$)",
                             lambda m: "$" if m.group(0) == "\\$" else
                             ("\\\\" if m.group(1) is None else f"\\g<{m.group(1)}>"), replace)

    def _one(self, s):
        return self._re.sub(self._repl, s, count=0 if self.replace_all else 1)


# MindSpore's FilterWikipediaXML rules, after fastText's ``wikifil.pl``: (the ICU pattern as
# MindSpore writes it, the same in Python's ``re``, the replacement). MindSpore keeps them in a
# map keyed by the pattern, so they apply in the patterns' sorted order (the letters and digits
# first, then ``[^a-z\n]+``, which already blanks the brackets the link rules look for).
_WIKI_RULES = [(r"<.*>", r"<.*>", ""), (r"&amp;", r"&amp;", "&"), ("&lt;", "&lt;", "<"),
               ("&gt;", "&gt;", ">"), (r"<ef[^<]*<\/ef>", r"<ef[^<]*</ef>", ""),
               ("<[^>]*>", "<[^>]*>", ""), (r"\[http:[^] ]*", r"\[http:[^\] ]*", "["),
               (r"\|thumb", r"\|thumb", ""), (r"\|left", r"\|left", ""),
               (r"\|right", r"\|right", ""), (r"\|\d+px", r"\|\d+px", ""),
               (r"\[\[image:[^\[\]]*\|", r"\[\[image:[^\[\]]*\|", ""),
               (r"\[\[category:([^|\]]*)[^]]*\]\]", r"\[\[category:([^|\]]*)[^\]]*\]\]", r"[[\1]]"),
               (r"\[\[[a-z\-]*:[^\]]*\]\]", r"\[\[[a-z\-]*:[^\]]*\]\]", ""),
               (r"\[\[[^\|\]]*\|", r"\[\[[^\|\]]*\|", "[["),
               (r"\{\{[^\}]*\}\}", r"\{\{[^\}]*\}\}", ""), (r"\{[^\}]*\}", r"\{[^\}]*\}", ""),
               (r"\[", r"\[", ""), (r"\]", r"\]", ""), ("&[^;]*;", "&[^;]*;", " "),
               *((c, c, c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
               *((str(d), str(d), f" {w} ") for d, w in enumerate(
                   "zero one two three four five six seven eight nine".split())),
               (r"[^a-z\n]+", r"[^a-z\n]+", " "), (r"\n ", r"\n ", ""), (r"\s+", r"\s+", " "),
               # ICU reads the replacement "\n" as an escaped "n".
               (r"\n\s*\n", r"\n\s*\n", "n")]
_WIKI_RULES = [(_re.compile(py), repl) for _, py, repl in sorted(_WIKI_RULES, key=lambda r: r[0])]


class FilterWikipediaXML(_PerString):
    """Each string of a Wikipedia XML dump cleaned to lowercase letters and single spaces, as
    MindSpore's: markup, entities and punctuation out, ``A``–``Z`` lowered, digits spelled
    (``2`` → ``two``), the result trimmed after each rule; a redirect page becomes ``""``.
    (MindSpore 2.10 drops every ``R`` instead of lowering it, and cleans only the first string
    of an array, the others becoming ``""``: bugs; here ``R`` is ``r`` and every string is
    cleaned.)

    Examples:
        >>> import mindspore.dataset.text as text
        >>> print(text.FilterWikipediaXML()("Welcome    to    China"))
        welcome to china
    """
    _op = "FilterWikipediaXML"

    def _one(self, s):
        if "#redirect" in s or "#REDIRECT" in s:
            return ""
        for pattern, repl in _WIKI_RULES:
            s = pattern.sub(repl, s).strip()
        return s


def to_str(array, encoding="utf8"):
    """A NumPy ``bytes`` array decoded to ``str``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.to_str(np.array([b"ab", b"c"])))
        ['ab' 'c']
    """
    if not isinstance(array, _np.ndarray):
        raise DTypeError(f"input should be a NumPy array, but got {type(array).__name__}.")
    try:
        return _np.char.decode(array, encoding)
    except (TypeError, UnicodeError, LookupError) as e:
        raise DTypeError(f"For 'to_str', cannot decode {array.dtype} with {encoding!r}: {e}.") from None


def to_bytes(array, encoding="utf8"):
    """A NumPy ``str`` array encoded to ``bytes``.

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> print(text.to_bytes(np.array(["ab", "c"])))
        [b'ab' b'c']
    """
    if not isinstance(array, _np.ndarray):
        raise DTypeError(f"input should be a NumPy array, but got {type(array).__name__}.")
    try:
        return _np.char.encode(array, encoding)
    except (TypeError, UnicodeError, LookupError) as e:
        raise DTypeError(f"For 'to_bytes', cannot encode {array.dtype} with {encoding!r}: {e}.") from None


class Vectors:
    """Pretrained token vectors read from a text file, one ``token v1 v2 ...`` line each (a first
    line of two numbers, word2vec's header, is skipped); ``max_vectors`` keeps the first ones.

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset.text as text
        >>> path = os.path.join(tempfile.mkdtemp(), "vectors.txt")
        >>> _ = open(path, "w").write("a 1 2\\nb 3 4\\n")
        >>> print(text.Vectors.from_file(path).dim)
        2
    """

    def __init__(self):
        self._index, self._vectors, self.dim = {}, _np.zeros((0, 0), _np.float32), 0

    @classmethod
    def _of(cls, tokens, vectors):
        v = cls()
        v._index = {t: i for i, t in enumerate(tokens)}
        v._vectors = _np.asarray(vectors, _np.float32).reshape(len(tokens), -1)
        v.dim = v._vectors.shape[1]
        return v

    @classmethod
    def from_file(cls, file_path, max_vectors=None):
        """The vectors of `file_path`."""
        if not isinstance(file_path, str) or not _os.path.isfile(file_path):
            raise ShapeError(f"For '{cls.__name__}.from_file', file {file_path!r} does not exist or "
                             "is not a file.")
        if max_vectors is not None and (isinstance(max_vectors, bool)
                                        or not isinstance(max_vectors, int) or max_vectors < 0):
            raise ShapeError(f"For '{cls.__name__}.from_file', 'max_vectors' must be a "
                             f"non-negative int, but got {max_vectors!r}.")
        tokens, rows, dim = [], [], None
        with open(file_path, encoding="utf-8") as f:
            for k, line in enumerate(f):
                parts = line.rstrip().split(" ")
                if k == 0 and len(parts) == 2 and all(p.isdigit() for p in parts):
                    continue  # word2vec / fastText header: count and dimension
                if max_vectors is not None and len(tokens) >= max_vectors:
                    break
                if len(parts) < 2:
                    continue
                if dim is None:
                    dim = len(parts) - 1
                if len(parts) - 1 != dim:
                    raise ShapeError(f"For '{cls.__name__}.from_file', line {k + 1} of {file_path} "
                                     f"has {len(parts) - 1} values, the first had {dim}.")
                try:
                    rows.append([float(v) for v in parts[1:]])
                except ValueError:
                    raise ShapeError(f"For '{cls.__name__}.from_file', line {k + 1} of {file_path} "
                                     "holds a value that is not a number.") from None
                tokens.append(parts[0])
        return cls._of(tokens, _np.array(rows, _np.float32).reshape(len(tokens), dim or 0))


class GloVe(Vectors):
    """GloVe's vectors (``glove.6B.*.txt`` files), read as ``Vectors``."""


class FastText(Vectors):
    """fastText's vectors (``.vec`` files, first line a header), read as ``Vectors``."""


class ToVectors:
    """Each token's vector from `vectors` (``[N, dim]`` float32); a token not found is tried in
    lower case when `lower_case_backup`, and otherwise gets `unk_init` (zeros by default).

    Examples:
        >>> import os, tempfile
        >>> import numpy as np
        >>> import mindspore.dataset.text as text
        >>> path = os.path.join(tempfile.mkdtemp(), "vectors.txt")
        >>> _ = open(path, "w").write("a 1 2\\nb 3 4\\n")
        >>> print(text.ToVectors(text.Vectors.from_file(path))(np.array(["b", "z"])))
        [[3. 4.]
         [0. 0.]]
    """

    def __init__(self, vectors, unk_init=None, lower_case_backup=False):
        if not isinstance(vectors, Vectors):
            raise DTypeError(f"For 'ToVectors', 'vectors' must be a text.Vectors, but got "
                             f"{type(vectors).__name__}.")
        unk = _np.zeros(vectors.dim, _np.float32) if unk_init is None else \
            as_array("ToVectors", unk_init)
        if unk.dtype.kind not in "iuf":
            raise DTypeError(f"For 'ToVectors', 'unk_init' must be numbers, but got {unk.dtype}.")
        unk = unk.astype(_np.float32).reshape(-1)
        if unk.shape != (vectors.dim,):
            raise ShapeError(f"For 'ToVectors', 'unk_init' must hold {vectors.dim} numbers, but got "
                             f"{unk.size}.")
        if not isinstance(lower_case_backup, bool):
            raise DTypeError("For 'ToVectors', 'lower_case_backup' must be a bool.")
        self.vectors, self._unk, self.lower_case_backup = vectors, unk, lower_case_backup

    def __call__(self, tokens):
        a = string_array("ToVectors", tokens)
        index, out = self.vectors._index, []
        for t in (str(w) for w in a.reshape(-1)):
            i = index.get(t)
            if i is None and self.lower_case_backup:
                i = index.get(t.lower())
            out.append(self._unk if i is None else self.vectors._vectors[i])
        return _np.array(out, _np.float32).reshape(a.shape + (self.vectors.dim,))


from . import utils  # noqa: E402,F401 - MindSpore's module of Vocab, NormalizeForm, to_str
