"""``IWSLT2016Dataset`` and ``IWSLT2017Dataset``: the TED talks translation pairs of the IWSLT
(International Workshop on Spoken Language Translation) 2016 and 2017 evaluations, with
MindSpore 2.10's rows, row order and argument checks (measured on it with the same synthetic
files).

How MindSpore 2.10 reads them: when the dataset is made, each part of `usage` (train, then
valid, then test) is cleaned into lines ``text#*$translation`` (MindSpore writes them to a file
next to the data; this package keeps them in memory):

- train, ``train.tags.<src>-<tgt>.<src>`` and ``.<tgt>``: the lines of the two files in pairs
  (up to the shorter file); a pair is left out when either line holds one of the tags
  ``<url``, ``<keywords``, ``<talkid``, ``<description``, ``<reviewer``, ``<translator``,
  ``<title``, ``<speaker``, ``<doc``, ``</doc``; an empty line (of a pair kept) is an error;
  the spaces (only) around each line are stripped. A missing file gives no rows.
- valid and test, ``IWSLT16.TED.<set>.<src>-<tgt>.<src>.xml`` and ``.<tgt>.xml``: the first
  ``doc`` element of the root's first child element and the elements after it, in pairs
  (up to the shorter file), and in each pair of them the first ``seg`` element and the elements
  after it, in pairs; each element's text (its first child, which must be text that is not
  only white space: MindSpore 2.10 crashes on another) stripped of spaces. A missing or
  malformed file is an error.

The rows are then read from those lines (empty ones left out and not counted): a line split at
each ``#*$`` must give two parts (a last empty one dropped) or it gives no row (it still counts
in ``get_dataset_size``, and a worker reading a run of rows reads on past its end in its place);
trailing ``\\r`` are dropped from a line first. The parts are read by the workers as the files of
the other text readers (see ``_text_sources``).
"""
import os as _os
import xml.etree.ElementTree as _ET

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from ._detection import _type_check, check_dir, check_reading_args
from ._text_sources import _FileSource, _NoData, _read_text, check_usage
from .text_files import Shuffle
from .text_files import shuffle_mode as _shuffle_mode

__all__ = ["IWSLT2016Dataset", "IWSLT2017Dataset"]

_TAGS = ("<url", "<keywords", "<talkid", "<description", "<reviewer", "<translator", "<title",
         "<speaker", "<doc", "</doc")
_SEP = "#*$"
_SETS = ("dev2010", "tst2010", "tst2011", "tst2012", "tst2013", "tst2014")
# MindSpore 2.10's valid pairs, in the order its messages list them.
_PAIRS_2016 = (("en", "ar"), ("en", "ar"), ("en", "de"), ("en", "fr"), ("en", "cs"), ("ar", "en"),
               ("fr", "en"), ("de", "en"), ("cs", "en"))
_PAIRS_2017 = (("en", "nl"), ("en", "de"), ("en", "it"), ("en", "ro"), ("ro", "de"), ("ro", "en"),
               ("ro", "nl"), ("ro", "it"), ("de", "ro"), ("de", "en"), ("de", "nl"), ("de", "it"),
               ("it", "en"), ("it", "nl"), ("it", "de"), ("it", "ro"), ("nl", "de"), ("nl", "en"),
               ("nl", "it"), ("nl", "ro"))
_XML_SPACE = " \t\n\r"


def _check_pair(op, language_pair, valid):
    """`language_pair` (None: ``('de', 'en')``) after MindSpore's checks, as a tuple."""
    if language_pair is None:
        return ("de", "en")
    if not isinstance(language_pair, (list, tuple)):
        raise DTypeError(f"For '{op}', language_pair should be a type list or tuple of length 2.")
    if len(language_pair) != 2:
        raise ShapeError(f"For '{op}', Input language_pair is a list or tuple of length 2.")
    for k, lang in enumerate(language_pair):
        _type_check(op, lang, (str,), f"language_pair[{k}]")
    if tuple(language_pair) not in valid:
        shown = valid if isinstance(language_pair, tuple) else [list(p) for p in valid]
        raise ShapeError(f"For '{op}', Input language_pair{language_pair} is not within the valid "
                         f"set of {shown}.")
    return tuple(language_pair)


def _file_lines(path):
    """The lines of a file as ``std::getline`` reads them."""
    lines = _read_text(path).split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def _clean_train(op, src, tgt):
    """The cleaned lines of the train files `src` and `tgt` (none when one is missing)."""
    if not (_os.path.isfile(src) and _os.path.isfile(tgt)):
        return []
    out = []
    for a, b in zip(_file_lines(src), _file_lines(tgt)):
        if any(t in a or t in b for t in _TAGS):
            continue
        if a == "" or b == "":
            raise ComputeError(f"For '{op}', Invalid file, read an empty line: a line of {src} "
                               f"or {tgt} is empty.")
        out.append(a.strip(" ") + _SEP + b.strip(" ") + "\n")
    return out


def _xml_root(op, path):
    try:
        builder = _ET.TreeBuilder(insert_comments=True, insert_pis=True)
        return _ET.parse(path, _ET.XMLParser(target=builder)).getroot()
    except (_ET.ParseError, OSError, ValueError):
        raise ComputeError(f"For '{op}', Invalid file, failed to load xml file: {path}") from None


def _elements(parent, first_tag):
    """The first child element of `parent` named `first_tag` and the elements after it."""
    children = [c for c in parent if isinstance(c.tag, str)]
    for k, c in enumerate(children):
        if c.tag == first_tag:
            return children[k:]
    return []


def _docs(op, path):
    root = _xml_root(op, path)
    first = next((c for c in root if isinstance(c.tag, str)), None)
    if first is None:
        raise ComputeError(f"For '{op}', Invalid data, no first child found in {path}")
    docs = _elements(first, "doc")
    if not docs:
        raise ComputeError(f"For '{op}', Invalid data, no doc found in {path}")
    return docs


def _text(op, element, path):
    """The element's first child when it is text (tinyxml2's ``GetText``; a text of white space
    only is no child there)."""
    text = element.text
    if text is None or text.strip(_XML_SPACE) == "":
        raise ComputeError(f"For '{op}', Invalid data, the element <{element.tag}> of {path} has "
                           "no text as its first child (MindSpore 2.10 crashes on it).")
    return text


def _clean_xml(op, src, tgt):
    """The cleaned lines of the xml files `src` and `tgt`."""
    src_docs, tgt_docs = _docs(op, src), _docs(op, tgt)
    out = []
    for a_doc, b_doc in zip(src_docs, tgt_docs):
        for a, b in zip(_elements(a_doc, "seg"), _elements(b_doc, "seg")):
            out.append(_text(op, a, src).strip(" ") + _SEP + _text(op, b, tgt).strip(" ") + "\n")
    return out


def _pair_of(line):
    """The (text, translation) of a cleaned line, None when it has not two parts."""
    line = line.rstrip("\r")
    parts = line.split(_SEP)
    if parts[-1] == "":
        parts.pop()
    return (parts[0], parts[1]) if len(parts) == 2 else None


class _IWSLTSource(_FileSource):
    """The rows of cleaned parts (see the module's notes)."""

    def _read_parts(self, op, parts, num_samples, num_parallel_workers, shuffle, num_shards,
                    shard_id, cache):
        """`parts`: ``(kind, src file, tgt file)`` in the reading order."""
        check_reading_args(op, num_samples, num_parallel_workers, None, None, None, num_shards,
                           shard_id, cache)
        _shuffle_mode(op, shuffle)
        self._parts = {}
        for kind, src, tgt in parts:
            lines = _clean_train(op, src, tgt) if kind == "train" else _clean_xml(op, src, tgt)
            text = "".join(lines).split("\n")[:-1]
            self._parts[src] = [_pair_of(line) for line in text if line]
        self._limit = num_samples or None
        self._shards = num_shards
        self._setup(op, ["text", "translation"], [src for _, src, _ in parts], "iwslt",
                    num_samples, num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        return self._parts[path]

    def _run(self, rows, lo, hi):
        out = []
        for r in range(lo, len(rows)):
            if len(out) >= hi - lo:
                break
            if rows[r] is not None:
                out.append(r)
        return out

    def _row(self, item):
        return _np.array(item[0]), _np.array(item[1])

    def get_dataset_size(self):
        """Rows per epoch as MindSpore 2.10 counts them: the cleaned lines (those without two
        parts too), per shard and at most `num_samples`; 0 when there are none (the iterators
        raise then)."""
        if self._size is None:
            try:
                total = sum(len(rows) for rows in self._per_file())
            except _NoData:
                return 0
            size = total if self._shards is None else -(-total // self._shards)
            self._size = size if self._limit is None else min(size, self._limit)
        return self._size


_ARGS_TAIL = """
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        shuffle (Union[bool, Shuffle], optional): The shuffling (this package's own random
            order). Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        num_parallel_workers (int, optional): The reading workers (they set the order of the
            rows of the parts: see the module ``_text_sources``). Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage` or `language_pair`{more},
            `num_shards`/`shard_id` out of range.
        RuntimeError: `num_shards` without `shard_id` or the reverse; an xml file of `usage` is
            missing or not IWSLT's, a train line (of a pair kept) is empty; the parts have no
            rows (when they are read).
"""


class IWSLT2016Dataset(_IWSLTSource):
    __doc__ = """IWSLT 2016: pairs of sentences of TED talks, columns ``text`` (in the source language)
    and ``translation`` (strings). The files of ``language_pair=(src, tgt)`` are in
    ``texts/<src>/<tgt>/<src>-<tgt>/`` under `dataset_dir`: ``train.tags.<src>-<tgt>.<src>``
    and ``.<tgt>`` (train), ``IWSLT16.TED.<set>.<src>-<tgt>.<src>.xml`` and ``.<tgt>.xml``
    (valid: ``<set>`` is `valid_set`; test: `test_set`). See the module ``_iwslt_sources`` for
    how they are read; ``'all'`` reads train, valid, then test.

    Args:
        dataset_dir (str): The folder of ``texts``.
        usage (str, optional): ``'train'``, ``'valid'``, ``'test'`` or ``'all'``.
            Default: ``None``, all.
        language_pair (Sequence[str], optional): ``(src, tgt)``: ``('en', 'fr')``,
            ``('en', 'de')``, ``('en', 'cs')``, ``('en', 'ar')``, ``('fr', 'en')``,
            ``('de', 'en')``, ``('cs', 'en')`` or ``('ar', 'en')``. Default: ``None``,
            ``('de', 'en')``.
        valid_set (str, optional): The set of ``'valid'``: ``'dev2010'``, ``'tst2010'``,
            ``'tst2011'``, ``'tst2012'``, ``'tst2013'`` or ``'tst2014'``. Default: ``None``,
            ``'tst2013'``.
        test_set (str, optional): The set of ``'test'`` (the same values). Default: ``None``,
            ``'tst2014'``.""" + _ARGS_TAIL.format(more=", `valid_set` or `test_set`") + """
    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> folder = os.path.join(root, "texts", "de", "en", "de-en")
        >>> os.makedirs(folder)
        >>> for lang, line in (("de", "Hallo Welt."), ("en", "Hello world.")):
        ...     with open(os.path.join(folder, "train.tags.de-en." + lang), "w") as f:
        ...         _ = f.write("<url>http://ted.com</url>\\n" + line + "\\n")
        >>> d = ds.IWSLT2016Dataset(root, usage="train", shuffle=False)
        >>> print([[str(v) for v in row] for row in d.create_tuple_iterator(output_numpy=True)])
        [['Hallo Welt.', 'Hello world.']]
    """

    def __init__(self, dataset_dir, usage=None, language_pair=None, valid_set=None,
                 test_set=None, num_samples=None, shuffle=Shuffle.GLOBAL, num_shards=None,
                 shard_id=None, num_parallel_workers=None, cache=None):
        op = "IWSLT2016Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "valid", "all"))
        src, tgt = _check_pair(op, language_pair, _PAIRS_2016)
        valid_set = check_usage(op, valid_set, _SETS, "tst2013", "valid_set")
        test_set = check_usage(op, test_set, _SETS, "tst2014", "test_set")
        folder = _os.path.join(dataset_dir, "texts", src, tgt, f"{src}-{tgt}")
        parts = _parts(folder, "IWSLT16", src, tgt, usage, valid_set, test_set)
        self._read_parts(op, parts, num_samples, num_parallel_workers, shuffle, num_shards,
                         shard_id, cache)


class IWSLT2017Dataset(_IWSLTSource):
    __doc__ = """IWSLT 2017: pairs of sentences of TED talks, columns ``text`` (in the source language)
    and ``translation`` (strings). The files are in
    ``texts/DeEnItNlRo/DeEnItNlRo/DeEnItNlRo-DeEnItNlRo/`` under `dataset_dir`:
    ``train.tags.<src>-<tgt>.<src>`` and ``.<tgt>`` (train),
    ``IWSLT17.TED.dev2010.<src>-<tgt>.<src>.xml`` and ``.<tgt>.xml`` (valid),
    ``IWSLT17.TED.tst2010...`` (test). See the module ``_iwslt_sources`` for how they are read;
    ``'all'`` reads train, valid, then test.

    Args:
        dataset_dir (str): The folder of ``texts``.
        usage (str, optional): ``'train'``, ``'valid'``, ``'test'`` or ``'all'``.
            Default: ``None``, all.
        language_pair (Sequence[str], optional): ``(src, tgt)``, two different languages of
            ``'en'``, ``'de'``, ``'it'``, ``'nl'`` and ``'ro'``. Default: ``None``,
            ``('de', 'en')``.""" + _ARGS_TAIL.format(more="") + """
    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> folder = os.path.join(root, "texts", "DeEnItNlRo", "DeEnItNlRo",
        ...                       "DeEnItNlRo-DeEnItNlRo")
        >>> os.makedirs(folder)
        >>> for lang, seg in (("it", "Ciao."), ("en", "Hello.")):
        ...     with open(os.path.join(folder, "IWSLT17.TED.tst2010.it-en." + lang + ".xml"),
        ...               "w") as f:
        ...         _ = f.write("<mteval><srcset><doc docid='1'><seg id='1'> " + seg +
        ...                     " </seg></doc></srcset></mteval>")
        >>> d = ds.IWSLT2017Dataset(root, usage="test", language_pair=("it", "en"), shuffle=False)
        >>> print([[str(v) for v in row] for row in d.create_tuple_iterator(output_numpy=True)])
        [['Ciao.', 'Hello.']]
    """

    def __init__(self, dataset_dir, usage=None, language_pair=None, num_samples=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None,
                 num_parallel_workers=None, cache=None):
        op = "IWSLT2017Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "valid", "all"))
        src, tgt = _check_pair(op, language_pair, _PAIRS_2017)
        folder = _os.path.join(dataset_dir, "texts", "DeEnItNlRo", "DeEnItNlRo",
                               "DeEnItNlRo-DeEnItNlRo")
        parts = _parts(folder, "IWSLT17", src, tgt, usage, "dev2010", "tst2010")
        self._read_parts(op, parts, num_samples, num_parallel_workers, shuffle, num_shards,
                         shard_id, cache)


def _parts(folder, prefix, src, tgt, usage, valid_set, test_set):
    """The ``(kind, src file, tgt file)`` parts of `usage`, in MindSpore's order."""
    pair = f"{src}-{tgt}"
    parts = []
    if usage in ("train", "all"):
        parts.append(("train", *(_os.path.join(folder, f"train.tags.{pair}.{lang}")
                                 for lang in (src, tgt))))
    for kind, name in (("valid", valid_set), ("test", test_set)):
        if usage in (kind, "all"):
            parts.append((kind, *(_os.path.join(folder, f"{prefix}.TED.{name}.{pair}.{lang}.xml")
                                  for lang in (src, tgt))))
    return parts
