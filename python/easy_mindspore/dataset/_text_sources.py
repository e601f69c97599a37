"""The readers of standard text datasets, with MindSpore 2.10's columns, row orders and argument
checks (measured on it with the same synthetic files):

- one folder of CSV files (``train.csv``, ``test.csv``): ``AGNewsDataset``, ``DBpediaDataset``,
  ``AmazonReviewDataset``, ``SogouNewsDataset``, ``YelpReviewDataset``, ``YahooAnswersDataset``;
- text lines: ``PennTreebankDataset``, ``WikiTextDataset``, ``EnWik9Dataset``; line pairs:
  ``Multi30kDataset``; tab-separated: ``SST2Dataset``;
- sentences of tagged words: ``CoNLL2000Dataset``, ``UDPOSDataset``; JSON: ``SQuADDataset``;
- ``IMDBDataset`` (one file per review in ``pos``/``neg`` folders; a random-access source).

All columns are strings (0-d ``str`` arrays; 1-D for the tagged words and SQuAD's answers),
except IMDB's ``label`` (int32) and SQuAD's ``answer_start`` (uint32).

How MindSpore 2.10 orders the rows of a reader of several files (not shuffled): the files (in
the reader's order, listed in each class) are read by ``min(num_parallel_workers, CPUs)``
workers (the default ``num_parallel_workers`` is ``config.get_num_parallel_workers()``), file
``k`` by worker ``k % workers``, and the rows are taken from the workers in turn, one each, a
worker left out once it has no more. With ``num_shards``, the rows of all files in that order
are cut into runs of ``ceil(total / num_shards)`` (the last wrapping around to the first rows);
a shard's run, split where it changes file (or wraps), is dealt to the workers the same way.
``num_samples`` keeps the first rows of that order. Shuffled rows are in this package's own
random order (``Shuffle.FILES`` the files, ``Shuffle.INFILE`` the rows within each, the others
both and then all rows).
"""
import bisect as _bisect
import json as _json
import os as _os

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from . import config
from ._detection import (DetectionReader, _type_check, check_dir, check_reading_args)
from .pipeline import PipelineDataset
from .text_files import Shuffle
from .text_files import shuffle_mode as _shuffle_mode

__all__ = ["AGNewsDataset", "DBpediaDataset", "AmazonReviewDataset", "SogouNewsDataset",
           "YelpReviewDataset", "YahooAnswersDataset", "PennTreebankDataset", "WikiTextDataset",
           "EnWik9Dataset", "Multi30kDataset", "SST2Dataset", "CoNLL2000Dataset", "UDPOSDataset",
           "SQuADDataset", "IMDBDataset"]


# -- argument checks ------------------------------------------------------------------------------
def check_usage(op, usage, valid, default="all", name="usage", types=(str,)):
    """`usage` (None: `default`) after MindSpore's checks: a str (an instance of `types`) among
    `valid`; `name` is the argument's name in the messages."""
    if usage is None:
        return default
    _type_check(op, usage, types, name)
    if usage not in valid:
        raise ShapeError(f"For '{op}', Input {name} is not within the valid set of {list(valid)}.")
    return usage


def _workers(num_parallel_workers):
    n = config.get_num_parallel_workers() if num_parallel_workers is None else num_parallel_workers
    return max(1, min(int(n), _os.cpu_count() or 1))


# -- MindSpore's order of the rows of several files ------------------------------------------------
def _blocks(counts, num_shards, shard_id):
    """The (file, first row, end row) runs a shard reads, in order."""
    total = sum(counts)
    if num_shards is None:
        return [(f, 0, n) for f, n in enumerate(counts) if n]
    per = -(-total // num_shards)
    starts = _np.cumsum([0] + list(counts)).tolist()
    blocks = []
    for i in range(per):
        g = (shard_id * per + i) % total
        f = _bisect.bisect_right(starts, g) - 1
        while counts[f] == 0:  # an empty file has no positions
            f += 1
        r = g - starts[f]
        if blocks and blocks[-1][0] == f and blocks[-1][2] == r:
            blocks[-1] = (f, blocks[-1][1], r + 1)
        else:
            blocks.append((f, r, r + 1))
    return blocks


def _interleave(streams):
    out = []
    for r in range(max((len(s) for s in streams), default=0)):
        out.extend(s[r] for s in streams if r < len(s))
    return out


class _NoData(ComputeError):
    """The files of a reader have no rows."""


class _FileSource(PipelineDataset):
    """Rows of the files `files` (missing ones have none, unless `_strict`: an error) parsed by
    ``self._parse(path)``, in MindSpore's order (see the module's notes)."""
    _strict = False

    def _setup(self, op, names, files, what, num_samples, num_parallel_workers, shuffle,
               num_shards, shard_id, cache):
        check_reading_args(op, num_samples, num_parallel_workers, None, None, None, num_shards,
                           shard_id, cache)
        mode = _shuffle_mode(op, shuffle)
        workers = _workers(num_parallel_workers)
        seed = config._op_seed()
        limit = num_samples or None
        cache_rows = {}

        def per_file():
            if "rows" not in cache_rows:
                for f in files:
                    if self._strict and not _os.path.isfile(f):
                        raise ComputeError(f"For '{op}', Invalid file path, {what} dataset dir: "
                                           f"{f} does not exist.")
                rows = [self._parse(f) if _os.path.isfile(f) else [] for f in files]
                if not any(rows):
                    raise _NoData(f"For '{op}', Invalid data, {op} API can't read the data "
                                       f"file (interface mismatch or no data found). Check {what}: "
                                       f" {' '.join(files)}")
                cache_rows["rows"] = rows
            return cache_rows["rows"]

        def order(epoch):
            rows = per_file()
            rng = _np.random.default_rng([seed, epoch])
            picks = list(range(len(rows)))
            if mode not in (Shuffle.FALSE, Shuffle.INFILE):
                picks = [int(i) for i in rng.permutation(len(rows))]
            counts = [len(rows[f]) for f in picks]
            streams = [[] for _ in range(workers)]
            for k, (f, lo, hi) in enumerate(_blocks(counts, num_shards, shard_id)):
                part = [(picks[f], r) for r in self._run(rows[picks[f]], lo, hi)]
                if mode == Shuffle.INFILE:
                    part = [part[int(i)] for i in rng.permutation(len(part))]
                streams[k % workers] += part
            pos = _interleave(streams)
            if mode not in (Shuffle.FALSE, Shuffle.FILES, Shuffle.INFILE):
                pos = [pos[int(i)] for i in rng.permutation(len(pos))]
            return pos if limit is None else pos[:limit]

        def rows_of(epoch):
            rows = per_file()
            for f, r in order(epoch):
                yield self._row(rows[f][r])

        PipelineDataset.__init__(self, names, rows_of, None)
        self._order = order
        self._per_file = per_file

    def _run(self, rows, lo, hi):
        """The rows a worker reads of the positions ``lo:hi`` of a file's `rows` (all of them;
        a reader that skips some rows reads on past `hi` in their place)."""
        return range(lo, hi)

    def _row(self, item):
        """The row of a parsed `item` (the item itself; a reader that parses rows as they are
        read converts it here)."""
        return item

    def get_dataset_size(self):
        """Rows per epoch (the files are read once to count them); 0 when they have none (the
        iterators raise then), as MindSpore 2.10 says."""
        if self._size is None:
            try:
                self._size = len(self._order(0))
            except _NoData:
                return 0
        return self._size


def _s(text):
    return _np.array(text)


def _read_text(path):
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ComputeError(f"Failed to cast to Unicode string: {path}: {e}") from None


def _lines(path):
    """The lines of a file as ``std::getline`` reads them (``\\n`` ends a line; a last line
    without one counts; a ``\\r`` stays)."""
    lines = _read_text(path).split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


# -- CSV ------------------------------------------------------------------------------------------
def _csv_records(op, path, delim=","):
    """The (line, fields) records of a CSV file, as MindSpore's reader splits them: ``"`` quotes
    a field (``""`` a quote inside, line breaks allowed); a quote inside an unquoted field is an
    error."""
    text = _read_text(path)
    rec, field, i, n, line = [], [], 0, len(text), 1
    quoted = in_quotes = False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    in_quotes = False
            else:
                field.append(c)
                line += c == "\n"
        elif c == '"':
            if field or quoted:
                raise ComputeError(f"For '{op}', Invalid file, failed to parse csv file: {path} at "
                                   f"line {line}. Error message: Invalid csv file, unexpected "
                                   "quote in unquote field.")
            quoted = in_quotes = True
        elif c == delim:
            rec.append("".join(field))
            field, quoted = [], False
        elif c in "\r\n":
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            if rec or field or quoted:
                rec.append("".join(field))
                yield line, rec
            rec, field, quoted = [], [], False
            line += 1
        else:
            field.append(c)
        i += 1
    if rec or field or quoted:
        rec.append("".join(field))
        yield line, rec


class _CsvSource(_FileSource):
    _files = ("train", "test")    # the reading order of usage 'all'
    _csv_columns = ()

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        op = type(self).__name__
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "all"))
        files = [_os.path.join(dataset_dir, u + ".csv") for u in self._files
                 if usage in (u, "all")]
        self._setup(op, list(self._csv_columns), files, self._what, num_samples,
                    num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        op, n, rows = type(self).__name__, len(self._csv_columns), []
        for line, rec in _csv_records(op, path):
            if len(rec) != n:
                raise ComputeError(f"For '{op}', Invalid file, failed to parse csv file: {path} at "
                                   f"line {line}. Error message: Invalid columns, the size of "
                                   f"column_names should be less than the size of the record "
                                   f"({len(rec)} fields for {n} columns).")
            rows.append(tuple(_s(v) for v in rec))
        return rows


class _CsvSourceAlt(_CsvSource):
    """The argument order of ``YelpReviewDataset`` and ``SogouNewsDataset`` in MindSpore."""

    def __init__(self, dataset_dir, usage=None, num_samples=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, num_parallel_workers=None, cache=None):
        _CsvSource.__init__(self, dataset_dir, usage, num_samples, num_parallel_workers, shuffle,
                            num_shards, shard_id, cache)


_CSV_DOC = """{title}

    Columns (strings): {columns}. The reader's order of the files for ``usage='all'``:
    {order}.

    Args:
        dataset_dir (str): The folder of ``train.csv`` and ``test.csv`` (rows of quoted fields:
            ``"3","title","text"``).
        usage (str, optional): ``'train'``, ``'test'`` or ``'all'``. Default: ``None``, all.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers (they set the order of the
            rows of several files: see the module ``_text_sources``). Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`, `num_shards`/`shard_id`
            out of range.
        RuntimeError: The files have no rows or a record is malformed (when the rows are
            read); `num_shards` without `shard_id` or the reverse.

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> with open(os.path.join(root, "train.csv"), "w") as f:
        ...     _ = f.write({line!r})
        >>> d = ds.{name}(root, usage="train", shuffle=False)
        >>> print(d.get_col_names(), d.get_dataset_size())
        {names} 1
"""


def _csv_class(name, title, columns, files, what, base=_CsvSource):
    row = ",".join(f'"{k}"' for k in range(1, len(columns) + 1)) + "\n"
    doc = _CSV_DOC.format(title=title, columns=", ".join(f"``{c}``" for c in columns),
                          order=", ".join(f"``{f}.csv``" for f in files), name=name,
                          line=row, names=list(columns))
    return type(name, (base,), {"__doc__": doc, "__module__": __name__,
                                      "_files": files, "_csv_columns": columns, "_what": what})


AGNewsDataset = _csv_class("AGNewsDataset", "AG News: news articles in 4 classes.",
                           ("index", "title", "description"), ("test", "train"),
                           "ag news file path")
DBpediaDataset = _csv_class("DBpediaDataset", "DBpedia: Wikipedia articles in 14 classes.",
                            ("class", "title", "content"), ("test", "train"), "DBpedia file path")
AmazonReviewDataset = _csv_class("AmazonReviewDataset",
                                 "Amazon Review Polarity and Amazon Review Full.",
                                 ("label", "title", "content"), ("test", "train"),
                                 "AmazonReview file path")
SogouNewsDataset = _csv_class("SogouNewsDataset", "Sogou News: news articles in 5 classes.",
                              ("index", "title", "content"), ("train", "test"),
                              "SogouNews file path", _CsvSourceAlt)
YelpReviewDataset = _csv_class("YelpReviewDataset", "Yelp Review Polarity and Yelp Review Full.",
                               ("label", "text"), ("train", "test"), "YelpReview file path",
                               _CsvSourceAlt)
YahooAnswersDataset = _csv_class("YahooAnswersDataset", "Yahoo! Answers: questions in 10 "
                                 "classes.", ("class", "title", "content", "answer"),
                                 ("test", "train"), "YahooAnswers file path")


# -- text lines -----------------------------------------------------------------------------------
_LINES_ARGS = """
    Args:
        dataset_dir (str): The dataset's folder.
        usage (str, optional): ``'train'``, ``'test'``, ``'valid'`` or ``'all'``. Default:
            ``None``, all (the files in the order ``test``, ``train``, ``valid``).
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers (they set the order of the
            rows of several files: see the module ``_text_sources``). Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`, `num_shards`/`shard_id`
            out of range.
        RuntimeError: The files of `usage` have no rows (when the rows are read); `num_shards`
            without `shard_id` or the reverse.
"""


class _LineSource(_FileSource):
    _name = "{}"
    _what = ""
    _keep_empty = False
    _usages = ("train", "valid", "test", "all")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        op = type(self).__name__
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, self._usages)
        files = [_os.path.join(dataset_dir, self._name.format(u))
                 for u in ("test", "train", "valid") if usage in (u, "all")]
        self._setup(op, ["text"], files, self._what, num_samples, num_parallel_workers, shuffle,
                    num_shards, shard_id, cache)

    def _parse(self, path):
        return [(_s(line),) for line in _lines(path) if line or self._keep_empty]


class PennTreebankDataset(_LineSource):
    __doc__ = """Penn Treebank: one row per non-empty line (column ``text``, string) of ``ptb.train.txt``,
    ``ptb.test.txt`` and ``ptb.valid.txt`` in `dataset_dir`.
    """ + _LINES_ARGS + """
    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> _ = open(os.path.join(root, "ptb.train.txt"), "w").write(" a b \\n\\n c \\n")
        >>> d = ds.PennTreebankDataset(root, usage="train", shuffle=False)
        >>> print([str(r[0]) for r in d.create_tuple_iterator(output_numpy=True)])
        [' a b ', ' c ']
    """
    _name = "ptb.{}.txt"
    _what = "penn treebank"


class WikiTextDataset(_LineSource):
    __doc__ = """WikiText-2 and WikiText-103: one row per non-empty line (column ``text``, string) of
    ``wiki.train.tokens``, ``wiki.test.tokens`` and ``wiki.valid.tokens`` in `dataset_dir`.
    """ + _LINES_ARGS
    _name = "wiki.{}.tokens"
    _what = "wiki text"


class EnWik9Dataset(_LineSource):
    """EnWik9: one row per line, empty ones too (column ``text``, string), of the file
    ``enwik9`` in `dataset_dir`.

    Args:
        dataset_dir (str): The folder of ``enwik9``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``True``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, `num_shards`/`shard_id` out of range.
        RuntimeError: ``enwik9`` is missing or empty (when the rows are read).
    """
    _keep_empty = True

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=True,
                 num_shards=None, shard_id=None, cache=None):
        op = "EnWik9Dataset"
        check_dir(op, dataset_dir)
        self._setup(op, ["text"], [_os.path.join(dataset_dir, "enwik9")], "enwik9",
                    num_samples, num_parallel_workers, shuffle, num_shards, shard_id, cache)


class Multi30kDataset(_FileSource):
    """Multi30k: pairs of sentences, line ``i`` of an English and of a German file; columns
    ``text`` and ``translation`` (strings), in the languages of `language_pair`.

    Layout: ``training/train.en``, ``training/train.de``, ``validation/val.en``,
    ``validation/val.de``, ``mmt16_task1_test/test.en``, ``mmt16_task1_test/test.de``; usage
    ``'all'`` reads test, train, then valid.

    Args:
        dataset_dir (str): The dataset's folder.
        usage (str, optional): ``'train'``, ``'test'``, ``'valid'`` or ``'all'``. Default:
            ``None``, all.
        language_pair (Sequence[str], optional): ``('en', 'de')`` or ``('de', 'en')``: the
            languages of ``text`` and ``translation``. Default: ``None``, ``('en', 'de')``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``None``, global.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type, `language_pair` not a pair of str.
        ValueError: `dataset_dir` is not a folder, an unknown `usage` or `language_pair`.
        RuntimeError: A file of `usage` is missing; the files have no rows or different
            numbers of lines (when read).
    """

    def __init__(self, dataset_dir, usage=None, language_pair=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, num_shards=None, shard_id=None,
                 cache=None):
        op = "Multi30kDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "valid", "all"))
        if language_pair is None:
            language_pair = ["en", "de"]
        if not isinstance(language_pair, (list, tuple)) or len(language_pair) != 2 or \
                not all(isinstance(x, str) for x in language_pair):
            raise DTypeError(f"For '{op}', language_pair should be a list or tuple of length 2.")
        if list(language_pair) not in (["en", "de"], ["de", "en"]):
            raise ShapeError(f"For '{op}', language_pair can only be ['en', 'de'] or ['de', 'en'] "
                             f"but got {list(language_pair)}.")
        self._pair = tuple(language_pair)
        parts = {"test": "mmt16_task1_test/test", "train": "training/train",
                 "valid": "validation/val"}
        files = [_os.path.join(dataset_dir, parts[u] + "." + language_pair[0])
                 for u in ("test", "train", "valid") if usage in (u, "all")]
        for f in files:
            for lang in language_pair:
                if not _os.path.isfile(f[:-2] + lang):
                    raise ComputeError(f"For '{op}', dataset file: [{f[:-2] + lang}] is invalid "
                                       "or does not exist.")
        self._setup(op, ["text", "translation"], files, "multi30k", num_samples,
                    num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        other = path[:-2] + self._pair[1]
        first = _lines(path)
        second = _lines(other) if _os.path.isfile(other) else []
        if len(first) != len(second):
            raise ComputeError(f"For 'Multi30kDataset', Invalid data, the number of lines of "
                               f"{path} ({len(first)}) and {other} ({len(second)}) differ.")
        return [(_s(a), _s(b)) for a, b in zip(first, second)]


class SST2Dataset(_FileSource):
    """SST-2 (Stanford Sentiment Treebank v2): the tab-separated ``train.tsv`` and ``dev.tsv``
    (a header line, then ``sentence<TAB>label``: columns ``sentence`` and ``label``) or
    ``test.tsv`` (``index<TAB>sentence``: column ``sentence``), all strings.

    Args:
        dataset_dir (str): The folder of the ``.tsv`` files.
        usage (str, optional): ``'train'``, ``'test'`` or ``'dev'``. Default: ``None``,
            ``'train'``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`.
        RuntimeError: The file is missing, empty or malformed (a quote inside an unquoted
            field: the fields are CSV ones), when the rows are read.
    """

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        op = "SST2Dataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "dev"), "train")
        self._test = usage == "test"
        names = ["sentence"] if self._test else ["sentence", "label"]
        self._setup(op, names, [_os.path.join(dataset_dir, usage + ".tsv")], "sst2 file path",
                    num_samples, num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        rows = []
        for _, rec in list(_csv_records("SST2Dataset", path, "\t"))[1:]:
            if len(rec) < 2:
                raise ComputeError(f"For 'SST2Dataset', Invalid file, failed to parse csv file: "
                                   f"{path}: a record has {len(rec)} field(s), not 2.")
            rows.append((_s(rec[1]),) if self._test else (_s(rec[0]), _s(rec[1])))
        return rows


class _TaggedSource(_FileSource):
    """Sentences of one word per line (``word tag tag``, split at each `_sep`), a blank line
    after each; every file of `usage` must exist."""
    _strict = True
    _names = ()
    _file = "{}.txt"
    _order = ()
    _usages = ()
    _what = ""
    _sep = " "

    def __init__(self, dataset_dir, usage=None, num_samples=None, shuffle=Shuffle.GLOBAL,
                 num_shards=None, shard_id=None, num_parallel_workers=None, cache=None):
        op = type(self).__name__
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, self._usages)
        files = [_os.path.join(dataset_dir, self._file.format(f)) for u, f in self._order
                 if usage in (u, "all")]
        self._setup(op, list(self._names), files, self._what, num_samples, num_parallel_workers,
                    shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        rows, words, n = [], [], len(self._names)
        for k, line in enumerate(_lines(path)):
            if line.strip() == "":
                if words:  # a sentence ends at a blank line (one without is left out, as there)
                    rows.append(tuple(_np.array(col) for col in zip(*words)))
                words = []
                continue
            # As MindSpore 2.10 reads them: split at each single separator, the first n fields
            # (a line with separators in a run gives empty tags there).
            fields = line.split(self._sep)[:n]
            if len(fields) != n:
                raise ComputeError(f"For '{type(self).__name__}', Invalid file content, each line "
                                   f"should contain {n} columns, representing "
                                   f"{', '.join(self._names)}: line {k + 1} of {path}.")
            words.append(fields)
        return rows


_TAGGED_ARGS = """
    Args:
        dataset_dir (str): The dataset's folder.
        usage (str, optional): {usages}. Default: ``None``, all.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`.
        RuntimeError: A file of `usage` is missing, the files have no rows or a line has the
            wrong number of fields (when the rows are read).
"""


class CoNLL2000Dataset(_TaggedSource):
    __doc__ = """CoNLL-2000 chunking: one row per sentence of ``train.txt``/``test.txt`` (lines
    ``word pos_tag chunk_tag``, a blank line after each sentence; a last sentence without one is
    left out, as MindSpore 2.10 leaves it out); columns ``word``, ``pos_tag`` and ``chunk_tag``
    (1-D strings, one per word). Usage ``'all'`` reads test, then train.
    """ + _TAGGED_ARGS.format(usages="``'train'``, ``'test'`` or ``'all'``")
    _names = ("word", "pos_tag", "chunk_tag")
    _order = (("test", "test"), ("train", "train"))
    _usages = ("train", "test", "all")
    _what = "conll2000"


class UDPOSDataset(_TaggedSource):
    __doc__ = """UDPOS (Universal Dependencies English part-of-speech): one row per sentence of
    ``en-ud-tag.v2.train.txt``, ``en-ud-tag.v2.dev.txt`` (usage ``'valid'``) and
    ``en-ud-tag.v2.test.txt`` (lines ``word<TAB>universal<TAB>stanford``, a blank line after each
    sentence); columns ``word``, ``universal`` and ``stanford`` (1-D strings). Usage ``'all'``
    reads dev, test, then train.
    """ + _TAGGED_ARGS.format(usages="``'train'``, ``'test'``, ``'valid'`` or ``'all'``")
    _names = ("word", "universal", "stanford")
    _file = "en-ud-tag.v2.{}.txt"
    _order = (("valid", "dev"), ("test", "test"), ("train", "train"))
    _usages = ("train", "valid", "test", "all")
    _what = "udpos"
    _sep = "\t"


class SQuADDataset(_FileSource):
    """SQuAD 1.1 and 2.0: one row per question of ``train-v1.1.json``/``dev-v1.1.json`` (or
    ``train-v2.0.json``/``dev-v2.0.json``); columns ``context``, ``question`` (strings),
    ``text`` (1-D strings: the answers) and ``answer_start`` (1-D uint32). A question without
    answers has ``text`` ``['']`` and ``answer_start`` ``[4294967295]``. Usage ``'all'`` reads
    train, then dev.

    Args:
        dataset_dir (str): The folder of the JSON files.
        usage (str, optional): ``'train'``, ``'dev'`` or ``'all'``. Default: ``None``, all.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): The reading workers. Default: ``None``.
        shuffle (Union[bool, Shuffle], optional): The shuffling. Default: ``Shuffle.GLOBAL``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`.
        RuntimeError: No file of `usage`, or a file is not SQuAD's JSON (when read).
    """

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=Shuffle.GLOBAL, num_shards=None, shard_id=None, cache=None):
        op = "SQuADDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "dev", "all"))
        files = []
        for u in ("train", "dev"):
            if usage in (u, "all"):
                names = [_os.path.join(dataset_dir, f"{u}-v{v}.json") for v in ("1.1", "2.0")]
                files.append(next((p for p in names if _os.path.isfile(p)), names[0]))
        self._setup(op, ["context", "question", "text", "answer_start"], files, "squad",
                    num_samples, num_parallel_workers, shuffle, num_shards, shard_id, cache)

    def _parse(self, path):
        try:
            data = _json.loads(_read_text(path))
            rows = []
            for article in data["data"]:
                for para in article["paragraphs"]:
                    context = para["context"]
                    for qa in para["qas"]:
                        answers = qa.get("answers") or [{"text": "", "answer_start": -1}]
                        rows.append((_s(context), _s(qa["question"]),
                                     _np.array([a["text"] for a in answers]),
                                     _np.array([int(a["answer_start"]) & 0xFFFFFFFF
                                                for a in answers], _np.uint32)))
            return rows
        except (ValueError, KeyError, TypeError) as e:
            raise ComputeError(f"For 'SQuADDataset', Invalid file, {path} is not SQuAD's JSON: "
                               f"{type(e).__name__}: {e}") from None


class IMDBDataset(DetectionReader):
    """IMDb movie reviews: one row per file of ``<usage>/pos`` (label 1) and ``<usage>/neg``
    (label 0) under `dataset_dir` (the ``aclImdb`` folder: ``train/pos/0_9.txt``, ...; the
    ``unsup`` reviews are not read); columns ``text`` (string: the file's last non-empty line,
    as MindSpore 2.10 reads it) and ``label`` (int32). The rows are train then test, pos then neg,
    the files of a folder sorted by name. A random-access source (``sampler`` works).

    Args:
        dataset_dir (str): The ``aclImdb`` folder.
        usage (str, optional): ``'train'``, ``'test'`` or ``'all'``. Default: ``None``, all.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): Checked; rows are read in one thread.
            Default: ``None``.
        shuffle (bool, optional): Shuffle the rows. Default: ``None``, shuffled.
        sampler (Sampler, optional): Picks the rows. Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder, an unknown `usage`.
        RuntimeError: A ``pos``/``neg`` folder is missing; `sampler` with `shuffle` or shards.

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> for sub in ("pos", "neg"):
        ...     os.makedirs(os.path.join(root, "train", sub))
        ...     _ = open(os.path.join(root, "train", sub, "0_1.txt"), "w").write(sub + " review")
        >>> d = ds.IMDBDataset(root, usage="train", shuffle=False)
        >>> print([(str(t), int(y)) for t, y in d.create_tuple_iterator(output_numpy=True)])
        [('pos review', 1), ('neg review', 0)]
    """

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "IMDBDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        files = []
        for u in ("train", "test"):
            if usage not in (u, "all"):
                continue
            for sub, label in (("pos", 1), ("neg", 0)):
                folder = _os.path.join(dataset_dir, u, sub)
                if not _os.path.isdir(folder):
                    raise ComputeError(f"For '{op}', Invalid parameter, dataset dir may not exist "
                                       f"or is not a directory: {folder}")
                files += [(_os.path.join(folder, f), label) for f in sorted(_os.listdir(folder))
                          if _os.path.isfile(_os.path.join(folder, f))]

        def row(i):
            path, label = files[i]
            lines = [line for line in _lines(path) if line]
            if not lines:
                raise ComputeError(f"For '{op}', Invalid file, {path} is empty.")
            return _s(lines[-1]), _np.int32(label)

        self._read(op, len(files), row, ["text", "label"], num_samples, shuffle, sampler,
                   num_shards, shard_id)
