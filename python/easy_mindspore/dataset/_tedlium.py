"""``TedliumDataset``: the TED-LIUM speech corpus (releases 1, 2 and 3), one row per line of its
``.stm`` transcripts, with MindSpore 2.10's columns, rows, row order and argument checks
(measured on it with the same synthetic files).

How MindSpore 2.10 reads it (``<usage>/stm/*.stm`` and ``<usage>/sph/*.sph`` of a release 1 or
2 folder, usages train, dev and test; ``data/stm`` and ``data/sph`` of release 3):

- Every line of every ``.stm`` file of the usages is a row, empty ones too; the rows are sorted
  by the line's number *as a string* (``'10'`` before ``'2'``), then its first word (the talk),
  then its folder. A row is read from the line of that number of ``<talk>.stm`` in its folder
  (an empty line past its end), its audio from ``<talk>.sph``.
- A line is cut at single spaces into the talk, channel, speaker, start, end and identifier,
  the rest being the transcript (where a line has no more spaces the remaining text is every
  field left: ``A 1 S 0.5`` has end, identifier and transcript ``'0.5'``); the times are read
  as C's ``atof`` reads them.
- ``<talk>.sph`` (NIST SPHERE): of its first 1024 bytes (the header) only the number two words
  after the word ``sample_rate`` is read (as C's ``atoi``). The segment is from sample
  ``int(start * rate)`` to ``int(end * rate)``; MindSpore 2.10 checks that the file holds as
  many bytes past the byte at offset ``int(start * rate)`` as the segment's 16-bit samples, and
  yields a float32 ``[1, samples]`` waveform that is all zeros (measured, whatever the samples:
  16-bit PCM, either byte order, other sample sizes) — a bug: this reader decodes the segment
  instead, 16-bit PCM samples (the header's ``sample_byte_format`` ``01`` little-endian, the
  default, or ``10``) after the header's stated size, scaled to ``[-1, 1)`` by 1/32768.
"""
import functools as _functools
import math as _math
import os as _os
import re as _re

import numpy as _np

from .._errors import ComputeError, DTypeError, ShapeError
from ._detection import DetectionReader, _type_check, check_dir, check_reading_args
from ._detection import no_rows as _no_rows
from ._text_sources import _lines, check_usage

__all__ = ["TedliumDataset"]

_HEADER = 1024
_RELEASES = ["release1", "release2", "release3"]
_ATOI = _re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+)")
_ATOF = _re.compile(r"[ \t\n\v\f\r]*([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
                    r"|[+-]?(?:inf(?:inity)?|nan))", _re.IGNORECASE)


def _atoi(text):
    m = _ATOI.match(text)
    if m is None:
        return 0
    v = max(-2**63, min(2**63 - 1, int(m.group(1))))
    return ((v + 2**31) & 0xFFFFFFFF) - 2**31


def _atof(text):
    m = _ATOF.match(text)
    return float(m.group(1)) if m else 0.0


def _cut(text):
    """The first field of `text` and the rest (MindSpore's cut at a space: without one, both
    are the whole text)."""
    k = text.find(" ")
    return (text, text) if k < 0 else (text[:k], text[k + 1:])


def _fields(line):
    """talk, speaker, start, end, identifier, transcript of an ``.stm`` line."""
    talk, rest = _cut(line)
    _, rest = _cut(rest)  # the channel
    speaker, rest = _cut(rest)
    start, rest = _cut(rest)
    end, rest = _cut(rest)
    identifier, rest = _cut(rest)
    return talk, speaker, start, end, identifier, rest


def _sphere_sample_rate(op, path):
    """The sample rate of the NIST SPHERE file `path` as MindSpore 2.10 reads it, the file's
    size in bytes and the words of its header.

    Raises:
        RuntimeError: The file cannot be opened, is shorter than its 1024-byte header, or the
            header has no ``sample_rate`` field (MindSpore 2.10 reads an undefined rate then).
    """
    try:
        with open(path, "rb") as fh:
            header = fh.read(_HEADER)
            size = _os.fstat(fh.fileno()).st_size
    except OSError:
        raise ComputeError(f"For '{op}', Invalid file, failed to open file: {path}") from None
    if len(header) < _HEADER:
        raise ComputeError(f"For '{op}', Invalid data, failed to read head part from sph file: "
                           f"{path}, re-download dataset(make sure the data is true).")
    words = _re.split("[ \n]", header.decode("latin-1"))
    found = [k for k, w in enumerate(words[:-2]) if w == "sample_rate"]
    if not found:
        raise ComputeError(f"For '{op}', Invalid data, the header of the sph file {path} has no "
                           "'sample_rate -i <rate>' field (MindSpore 2.10 reads an undefined "
                           "sample rate then).")
    return _atoi(words[found[-1] + 2]), size, words


def _field(words, name, default):
    at = [k for k, w in enumerate(words[:-2]) if w == name]
    return words[at[-1] + 2] if at else default


def _sphere_samples(op, path, words, first, n):
    """Samples `first` to ``first + n`` of the SPHERE file `path` (header `words`), as a Float32
    ``[1, n]`` waveform in ``[-1, 1)``."""
    if _field(words, "sample_n_bytes", "2") != "2" or "pcm" not in _field(words, "sample_coding", "pcm"):
        raise ComputeError(f"For '{op}', Invalid data, {path} is not 16-bit PCM audio (its header: "
                           f"sample_n_bytes {_field(words, 'sample_n_bytes', '2')}, sample_coding "
                           f"{_field(words, 'sample_coding', 'pcm')}).")
    order = "<" if _field(words, "sample_byte_format", "01") == "01" else ">"
    stated = next((w for w in words[1:] if w), "")  # the header's size, on its second line
    header = _atoi(stated) if stated.isdigit() else _HEADER
    with open(path, "rb") as fh:
        fh.seek(max(header, _HEADER) + 2 * first)
        data = fh.read(2 * n)
    if len(data) < 2 * n:
        raise ComputeError(f"For '{op}', Invalid data, failed to read data part from sph file: "
                           f"{path}, re-download dataset(make sure the data is true).")
    samples = _np.frombuffer(data, order + "i2").astype(_np.float32) / 32768.0
    return samples.reshape(1, n)


class TedliumDataset(DetectionReader):
    """TED-LIUM: one row per line of the ``.stm`` transcripts, columns ``waveform`` (float32
    ``[1, samples]``), ``sample_rate`` (int32), ``transcript``, ``talk_id``, ``speaker_id`` and
    ``identifier`` (strings). MindSpore 2.10 yields an all-zero waveform of the segment's length
    (measured); so does this reader. See the module ``_tedlium`` for the row order and how the
    files are read. A random-access source (``sampler`` works, shuffled rows are in MindSpore's
    order for the seed).

    Args:
        dataset_dir (str): The release's folder (``TEDLIUM_release1``, ``TEDLIUM_release-3``).
        release (str): ``'release1'``, ``'release2'`` or ``'release3'``.
        usage (str, optional): ``'train'``, ``'dev'``, ``'test'`` or ``'all'`` (releases 1 and
            2), ``'all'`` (release 3). Default: ``None``, ``'all'``.
        extensions (str, optional): The audio files' extension: only ``'.sph'``.
            Default: ``None``, ``'.sph'``.
        num_samples (int, optional): At most this many rows. Default: ``None``, all.
        num_parallel_workers (int, optional): Checked as MindSpore checks it; rows are read in
            one thread. Default: ``None``.
        shuffle (bool, optional): Shuffle the rows (MindSpore's order for the seed).
            Default: ``None``, shuffled unless a sampler is given.
        sampler (Sampler, optional): Picks the rows. Default: ``None``.
        num_shards (int, optional): Split the rows into this many shards. Default: ``None``.
        shard_id (int, optional): The shard read. Default: ``None``.
        cache (DatasetCache, optional): Not available here (no cache server): only ``None``.

    Raises:
        TypeError: An argument of the wrong type.
        ValueError: An unknown `release` or `usage`, `dataset_dir` is not a folder;
            `num_shards`/`shard_id` out of range.
        RuntimeError: `extensions` is not ``'.sph'``; an ``stm`` folder of `usage` is missing
            or has no line; `sampler` with `shuffle`, `num_samples` or shards; a row's
            ``.stm`` or ``.sph`` file is missing, the ``.sph`` file is shorter than its header
            or the segment, its segment ends before it starts (when its row is read).

    Examples:
        >>> import os, tempfile
        >>> import mindspore.dataset as ds
        >>> root = tempfile.mkdtemp()
        >>> for sub in ("sph", "stm"):
        ...     os.makedirs(os.path.join(root, "data", sub))
        >>> header = b"NIST_1A\\n   1024\\nsample_rate -i 16000\\nend_head\\n".ljust(1024)
        >>> _ = open(os.path.join(root, "data", "sph", "Talk.sph"), "wb").write(header + bytes(64))
        >>> _ = open(os.path.join(root, "data", "stm", "Talk.stm"), "w").write(
        ...     "Talk 1 Speaker 0.0 0.001 <o,f0,male> hello world\\n")
        >>> d = ds.TedliumDataset(root, "release3", shuffle=False)
        >>> for w, rate, text, talk, speaker, ident in d.create_tuple_iterator(output_numpy=True):
        ...     print(w.shape, rate, text, talk, speaker, ident)
        (1, 16) 16000 hello world Talk Speaker <o,f0,male>
    """

    def __init__(self, dataset_dir, release, usage=None, extensions=None, num_samples=None,
                 num_parallel_workers=None, shuffle=None, sampler=None, num_shards=None,
                 shard_id=None, cache=None):
        op = "TedliumDataset"
        _type_check(op, release, (str,), "release")
        if release not in _RELEASES:
            raise ShapeError(f"For '{op}', Input release is not within the valid set of "
                             f"{_RELEASES}.")
        check_dir(op, dataset_dir)
        if release == "release3":
            usage = check_usage(op, usage, ["all"])
            usages = ["data"]
        else:
            usage = check_usage(op, usage, ["train", "test", "dev", "all"])
            usages = ["train", "test", "dev"] if usage == "all" else [usage]
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        if extensions is None:
            extensions = ".sph"
        if not isinstance(extensions, str):
            raise DTypeError(f"For '{op}', argument extensions with value {extensions} is not of "
                             f"type [<class 'str'>], but got {type(extensions)}.")
        if extensions != ".sph":
            raise ComputeError(f"For '{op}', TedliumNode: extension {extensions} is not "
                               "supported.")
        keys = []
        for u in usages:
            folder = _os.path.join(dataset_dir, u, "stm")
            if not _os.path.isdir(folder):
                raise ComputeError(f"For '{op}', Invalid file, failed to open folder: {folder}")
            for f in _os.listdir(folder):
                path = _os.path.join(folder, f)
                if f.endswith(".stm") and _os.path.isfile(path):
                    keys += [(str(k), _cut(line)[0], folder)
                             for k, line in enumerate(_lines(path))]
        if not keys:
            raise _no_rows(op, dataset_dir)
        keys.sort()
        self._read(op, len(keys), lambda i: _row(op, *keys[i]),
                   ["waveform", "sample_rate", "transcript", "talk_id", "speaker_id",
                    "identifier"], num_samples, shuffle, sampler, num_shards, shard_id)


def _stamp(path):
    """What changes when the file at `path` is rewritten (its cached reading is then stale)."""
    st = _os.stat(path)
    return st.st_mtime_ns, st.st_size


@_functools.lru_cache(maxsize=8)
def _stm_lines(path, stamp):
    """The lines of an ``.stm`` file (kept for the next rows of the same talk)."""
    return _lines(path)


def _row(op, number, talk, folder):
    """The row of line `number` of ``<folder>/<talk>.stm``."""
    stm = _os.path.join(folder, talk + ".stm")
    if not _os.path.isfile(stm):
        raise ComputeError(f"For '{op}', Invalid file, get real path failed, path={stm}")
    lines = _stm_lines(stm, _stamp(stm))
    line = lines[int(number)] if int(number) < len(lines) else ""  # past the end: an empty line
    talk_id, speaker, start, end, identifier, transcript = _fields(line)
    sph = _os.path.join(_os.path.dirname(folder), "sph", talk + ".sph")
    rate, size, words = _sphere_sample_rate(op, sph)
    times = _atof(start) * rate, _atof(end) * rate
    if not all(_math.isfinite(t) and abs(t) < 2**31 for t in times):
        raise ComputeError(f"For '{op}', Invalid data, the segment {start} to {end} of {stm} "
                           f"line {number} is not a range of samples at {rate} Hz.")
    first, last = int(times[0]), int(times[1])
    n = last - first
    if n < 0:
        raise ComputeError(f"For '{op}', Invalid data, the segment of {stm} line {number} ends "
                           f"(sample {last}) before it starts (sample {first}): MindSpore 2.10 "
                           "fails with 'cannot create std::vector larger than max_size()'.")
    if first < 0 or first + 2 * n > size:
        raise ComputeError(f"For '{op}', Invalid data, failed to read data part from sph file: "
                           f"{sph}, re-download dataset(make sure the data is true).")
    return (_sphere_samples(op, sph, words, first, n), _np.int32(rate), _np.array(transcript),
            _np.array(talk_id), _np.array(speaker), _np.array(identifier))
