"""The readers of standard speech datasets (16-bit PCM ``.wav`` files, read with Python's
``wave``), with MindSpore 2.10's columns, dtypes, row orders and argument checks (measured on it
with the same synthetic files): ``YesNoDataset``, ``LJSpeechDataset``,
``SpeechCommandsDataset``, ``CMUArcticDataset``, ``GTZANDataset`` and ``LibriTTSDataset``,
random-access sources (``sampler`` works,
shuffled rows are in MindSpore's order for the seed).

``waveform`` is float32 ``[1, samples]``: each 16-bit sample divided by 32767 (so -32768 is
-1.0000305), as MindSpore 2.10 reads it; the samples of every channel, interleaved, in one row
(MindSpore reads a stereo file so). The ``.wav`` files are read when their rows are.
"""
import os as _os
import re as _re
import wave as _wave

import numpy as _np

from .._errors import ComputeError, ShapeError
from ._detection import DetectionReader, _type_check, check_dir, check_reading_args
from ._detection import READER_ARGS
from ._detection import no_rows as _no_rows
from ._text_sources import _lines, check_usage

__all__ = ["YesNoDataset", "LJSpeechDataset", "SpeechCommandsDataset", "CMUArcticDataset",
           "GTZANDataset", "LibriTTSDataset"]


def read_wav(op, path):
    """The float32 ``[1, n]`` samples and the sample rate of the 16-bit PCM file `path`."""
    try:
        with _wave.open(path, "rb") as f:
            if f.getsampwidth() != 2:
                raise ComputeError(f"For '{op}', Invalid file, {path} is not 16-bit PCM (it has "
                                   f"{8 * f.getsampwidth()}-bit samples).")
            rate = f.getframerate()
            data = f.readframes(f.getnframes())
    except (OSError, EOFError, _wave.Error) as e:
        raise ComputeError(f"For '{op}', Invalid file, failed to read the wav file {path}: "
                           f"{e}") from None
    samples = _np.frombuffer(data, "<i2").astype(_np.float32) / _np.float32(32767)
    return samples.reshape(1, -1), rate


def _wavs(folder):
    return sorted(f for f in _os.listdir(folder)
                  if f.endswith(".wav") and _os.path.isfile(_os.path.join(folder, f)))


class _AudioReader(DetectionReader):
    def _audio(self, op, items, names, make, num_samples, shuffle, sampler, num_shards,
               shard_id, where):
        """Rows ``make(waveform, rate, item)`` of the ``(path, ...)`` list `items`."""
        if not items:
            raise _no_rows(op, where)

        def row(i):
            wave, rate = read_wav(op, items[i][0])
            return make(wave, rate, items[i])

        self._read(op, len(items), row, names, num_samples, shuffle, sampler, num_shards,
                   shard_id)


_ARGS = READER_ARGS.format(decode="") + """
    Raises:
        TypeError: An argument of the wrong type.
        ValueError: `dataset_dir` is not a folder{more}; `num_shards`/`shard_id` out of range.
        RuntimeError: No file is found; `sampler` with `shuffle`, `num_samples` or shards; a
            ``.wav`` file cannot be read or is not 16-bit PCM (when its row is read).
"""


def _doc(head, args, more=""):
    return head + "\n\n    Args:\n" + args + _ARGS.format(more=more)


class YesNoDataset(_AudioReader):
    __doc__ = _doc("""YesNo: the ``.wav`` files of `dataset_dir`, named after their 8 labels
    (``0_1_0_0_1_0_1_1.wav``), sorted by name. Columns ``waveform`` (float32 ``[1, n]``),
    ``sample_rate`` (int32) and ``label`` (int32 ``[8]``).""", """
        dataset_dir (str): The folder of the ``.wav`` files.""")

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "YesNoDataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        items = []
        for f in _wavs(dataset_dir):
            parts = f[:-4].split("_")
            if not all(p.isdigit() for p in parts):
                raise ComputeError(f"For '{op}', Invalid file name, {f} is not labels "
                                   "separated by '_'.")
            items.append((_os.path.join(dataset_dir, f), _np.array(parts, _np.int32)))
        self._audio(op, items, ["waveform", "sample_rate", "label"],
                    lambda w, r, it: (w, _np.int32(r), it[1]), num_samples, shuffle, sampler,
                    num_shards, shard_id, dataset_dir)


class LJSpeechDataset(_AudioReader):
    __doc__ = _doc("""LJ Speech: one row per line of ``metadata.csv`` (``LJ001-0001|text|
    normalized text``), in its order, the audio ``wavs/LJ001-0001.wav``. Columns ``waveform``
    (float32 ``[1, n]``), ``sample_rate`` (int32), ``transcription`` and
    ``normalized_transcription`` (strings).""", """
        dataset_dir (str): The ``LJSpeech-1.1`` folder.""")

    def __init__(self, dataset_dir, num_samples=None, num_parallel_workers=None, shuffle=None,
                 sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "LJSpeechDataset"
        check_dir(op, dataset_dir)
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        meta = _os.path.join(dataset_dir, "metadata.csv")
        if not _os.path.isfile(meta):
            raise ComputeError(f"For '{op}', Invalid file, failed to open {meta}.")
        items = []
        for line in _lines(meta):
            fields = line.split("|")
            if not line.strip():
                continue
            if len(fields) != 3:
                raise ComputeError(f"For '{op}', Invalid data, a line of {meta} has "
                                   f"{len(fields)} fields, not 3: {line!r}.")
            items.append((_os.path.join(dataset_dir, "wavs", fields[0] + ".wav"),
                          _np.array(fields[1]), _np.array(fields[2])))
        self._audio(op, items, ["waveform", "sample_rate", "transcription",
                                "normalized_transcription"],
                    lambda w, r, it: (w, _np.int32(r), it[1], it[2]), num_samples, shuffle,
                    sampler, num_shards, shard_id, dataset_dir)


class SpeechCommandsDataset(_AudioReader):
    __doc__ = _doc("""Speech Commands: ``<label>/<speaker>_nohash_<n>.wav`` (the folder
    ``_background_noise_`` left out), sorted by path; ``validation_list.txt`` and
    ``testing_list.txt`` list the files (``cat/5a33edf_nohash_1.wav``) of usage ``'valid'`` and
    ``'test'``, ``'train'`` is the others. Columns ``waveform`` (float32 ``[1, n]``),
    ``sample_rate`` (int32), ``label``, ``speaker_id`` (strings) and ``utterance_number``
    (int32).""", """
        dataset_dir (str): The folder of the label folders and the two lists.
        usage (str, optional): ``'train'``, ``'test'``, ``'valid'`` or ``'all'``.
            Default: ``None``, ``'all'``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "SpeechCommandsDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "test", "valid", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)

        def listed(name):
            path = _os.path.join(dataset_dir, name)
            if not _os.path.isfile(path):
                raise ComputeError(f"For '{op}', Invalid file, failed to open {path}.")
            return {line.strip() for line in _lines(path) if line.strip()}

        valid = listed("validation_list.txt") if usage in ("valid", "train") else set()
        test = listed("testing_list.txt") if usage in ("test", "train") else set()
        items = []
        for label in sorted(d for d in _os.listdir(dataset_dir)
                            if _os.path.isdir(_os.path.join(dataset_dir, d))):
            if label == "_background_noise_":
                continue
            for f in _wavs(_os.path.join(dataset_dir, label)):
                rel = label + "/" + f
                if (usage == "valid" and rel not in valid) or \
                        (usage == "test" and rel not in test) or \
                        (usage == "train" and (rel in valid or rel in test)):
                    continue
                speaker, _, number = f[:-4].partition("_nohash_")
                items.append((_os.path.join(dataset_dir, label, f), _np.array(label),
                              _np.array(speaker), _np.int32(int(number) if number.isdigit()
                                                            else 0)))
        self._audio(op, items, ["waveform", "sample_rate", "label", "speaker_id",
                                "utterance_number"],
                    lambda w, r, it: (w, _np.int32(r)) + tuple(it[1:]), num_samples, shuffle,
                    sampler, num_shards, shard_id, dataset_dir)


_CMU_NAMES = ("aew", "ahw", "aup", "awb", "axb", "bdl", "clb", "eey", "fem", "gka", "jmk", "ksp",
              "ljm", "lnh", "rms", "rxr", "slp", "slt")


class CMUArcticDataset(_AudioReader):
    __doc__ = _doc("""CMU Arctic: the utterances listed in
    ``cmu_us_<name>_arctic/etc/txt.done.data`` (``( arctic_a0001 "text" )``), in its order,
    the audio ``cmu_us_<name>_arctic/wav/arctic_a0001.wav``. Columns ``waveform`` (float32
    ``[1, n]``), ``sample_rate`` (uint32), ``transcript`` and ``utterance_id`` (strings:
    ``a0001``).""", """
        dataset_dir (str): The folder of the ``cmu_us_<name>_arctic`` folders.
        name (str, optional): The speaker: ``'aew'``, ``'ahw'``, ``'aup'``, ``'awb'``,
            ``'axb'``, ``'bdl'``, ``'clb'``, ``'eey'``, ``'fem'``, ``'gka'``, ``'jmk'``,
            ``'ksp'``, ``'ljm'``, ``'lnh'``, ``'rms'``, ``'rxr'``, ``'slp'`` or ``'slt'``.
            Default: ``None``, ``'aew'``.""", more=", an unknown `name`")

    def __init__(self, dataset_dir, name=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "CMUArcticDataset"
        check_dir(op, dataset_dir)
        if name is None:
            name = "aew"
        _type_check(op, name, (str,), "name")
        if name not in _CMU_NAMES:
            raise ShapeError(f"For '{op}', Input name is not within the valid set of "
                             f"{list(_CMU_NAMES)}.")
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        root = _os.path.join(dataset_dir, f"cmu_us_{name}_arctic")
        listing = _os.path.join(root, "etc", "txt.done.data")
        if not _os.path.isfile(listing):
            raise ComputeError(f"For '{op}', Invalid file, failed to open {listing}.")
        items = []
        for line in _lines(listing):
            line = line.strip()
            if not line:
                continue
            body = line.strip("()").strip()
            utt, _, text = body.partition(" ")
            text = text.strip()
            if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
                text = text[1:-1]
            items.append((_os.path.join(root, "wav", utt + ".wav"), _np.array(text),
                          _np.array(utt.split("_", 1)[-1])))
        self._audio(op, items, ["waveform", "sample_rate", "transcript", "utterance_id"],
                    lambda w, r, it: (w, _np.uint32(r), it[1], it[2]), num_samples, shuffle,
                    sampler, num_shards, shard_id, root)


_GTZAN_GENRES = ("blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop",
                 "reggae", "rock")
# The files of each usage (measured on MindSpore 2.10 with all 1000 files present: the "filtered"
# artist-disjoint split of 443/197/290 tracks), per genre in `_GTZAN_GENRES`' order: the numbers
# ``k`` of ``<genre>.<k:05d>.wav``, as ranges.
_GTZAN_SPLITS = {
    "train": "29-49,73-97 30-33,43-48,50-67,80-99 19-26,28-29,65-99 5,15-20,22-37,39-45,47,49,"
             "53-54,56-57,59,61,70,73-74,89 2-25,28-29,31-38,41-42,55-61,77-80 0-1,11-24,41,"
             "47-72 2-3,5,21,24,35,46-57,59-66,69,71-72,79-80,84,86,89-99 2-9,11-12,16-20,23-29,"
             "31-36,38-42,44,46,49-50,80,97-99 0-2,4,6,9,11-12,14-32,42-45,49-51,54-60,63,69 "
             "0-9,16-26,57-70,91-99",
    "valid": "0-11,50-60 0-10,68-76 0-7,9-18,27,41-42,45,49 0,2-4,6-14,46,48,52,67-68,72,75,90,"
             "95 81-98 2-10,25-32 0-1,6-11,16-20,36-37,68,76-77,81-82 10,53,55,58-62,81,83-86 "
             "61-62,70,72,74,76-78,85,92-99 38,49-56,71-85",
    "test": "12-28,61-72,98-99 11-29,34-41,49,77-79 30-40,43-44,46-48,50-51,53-64 1,21,58,"
            "62-66,69,76-88,91-94,96-97,99 0,26-27,30,40,43-45,51-54,62-75,99 73-99 12-15,22-23,"
            "25-33,38-39,67,70,73-75,78,83,85,87-88 0-1,13-14,43,63-66,69-79,82,88-96 34-40,"
            "46-48,52-53,64-68,71,79,82-84,87-90 10-15,27-37,39-48,86-90",
}


def _gtzan_split(usage):
    """The ``(genre, file name)`` pairs of `usage`, in order."""
    out = []
    for genre, ranges in zip(_GTZAN_GENRES, _GTZAN_SPLITS[usage].split(" ")):
        for part in ranges.split(","):
            lo, _, hi = part.partition("-")
            out += [(genre, f"{genre}.{k:05d}.wav") for k in range(int(lo), int(hi or lo) + 1)]
    return out


class GTZANDataset(_AudioReader):
    __doc__ = _doc("""GTZAN music genres: ``<genre>/<genre>.00000.wav`` for the 10 genres
    (blues, classical, country, disco, hiphop, jazz, metal, pop, reggae, rock). Usages
    ``'train'``, ``'valid'`` and ``'test'`` read the files of MindSpore's fixed split (443, 197
    and 290 tracks; listed files that are missing are skipped), in genre then number order;
    ``'all'`` reads every ``<genre>.<number>.wav`` of the genre folders, a folder's files in the
    order the file system lists them (as MindSpore 2.10 reads them). Columns ``waveform``
    (float32 ``[1, n]``), ``sample_rate`` (uint32) and ``label`` (string: the genre).""", """
        dataset_dir (str): The folder of the genre folders.
        usage (str, optional): ``'train'``, ``'valid'``, ``'test'`` or ``'all'``.
            Default: ``None``, ``'all'``.""", more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "GTZANDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, ("train", "valid", "test", "all"))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        if usage == "all":
            pairs = []
            for genre in _GTZAN_GENRES:
                folder = _os.path.join(dataset_dir, genre)
                if _os.path.isdir(folder):
                    name = _re.compile(_re.escape(genre) + r"\.[0-9]+\.wav")
                    pairs += [(genre, f) for f in _os.listdir(folder) if name.fullmatch(f)]
        else:
            pairs = _gtzan_split(usage)
        items = [(_os.path.join(dataset_dir, g, f), _np.array(g)) for g, f in pairs
                 if _os.path.isfile(_os.path.join(dataset_dir, g, f))]
        self._audio(op, items, ["waveform", "sample_rate", "label"],
                    lambda w, r, it: (w, _np.uint32(r), it[1]), num_samples, shuffle, sampler,
                    num_shards, shard_id, dataset_dir)


_LIBRITTS_USAGES = ("dev-clean", "dev-other", "test-clean", "test-other", "train-clean-100",
                    "train-clean-360", "train-other-500")


def _listed_dirs(folder):
    """The sub-folders of `folder` in the order the file system lists them (MindSpore's)."""
    return [d for d in _os.listdir(folder) if _os.path.isdir(_os.path.join(folder, d))]


class LibriTTSDataset(_AudioReader):
    __doc__ = _doc("""LibriTTS: ``<usage>/<speaker>/<chapter>/<speaker>_<chapter>.trans.tsv``
    (lines ``116_288045_000003_000000<TAB>original text<TAB>normalized text``), one row per
    line, the audio ``<utterance>.wav`` next to it. The usages in the order dev-clean,
    dev-other, test-clean, test-other, train-clean-100, train-clean-360, train-other-500; the
    speaker and chapter folders in the order the file system lists them (as MindSpore 2.10
    reads them). Columns ``waveform`` (float32 ``[1, n]``), ``sample_rate`` (uint32),
    ``original_text``, ``normalized_text`` (strings), ``speaker_id``, ``chapter_id`` (uint32)
    and ``utterance_id`` (string).""", """
        dataset_dir (str): The folder of the usage folders.
        usage (str, optional): ``'dev-clean'``, ``'dev-other'``, ``'test-clean'``,
            ``'test-other'``, ``'train-clean-100'``, ``'train-clean-360'``,
            ``'train-other-500'`` or ``'all'``. Default: ``None``, ``'all'``.""",
                   more=", an unknown `usage`")

    def __init__(self, dataset_dir, usage=None, num_samples=None, num_parallel_workers=None,
                 shuffle=None, sampler=None, num_shards=None, shard_id=None, cache=None):
        op = "LibriTTSDataset"
        check_dir(op, dataset_dir)
        usage = check_usage(op, usage, _LIBRITTS_USAGES + ("all",))
        check_reading_args(op, num_samples, num_parallel_workers, shuffle, None, sampler,
                           num_shards, shard_id, cache)
        items = []
        for u in _LIBRITTS_USAGES:
            root = _os.path.join(dataset_dir, u)
            if usage not in (u, "all") or not _os.path.isdir(root):
                continue
            for speaker in _listed_dirs(root):
                for chapter in _listed_dirs(_os.path.join(root, speaker)):
                    folder = _os.path.join(root, speaker, chapter)
                    tsv = _os.path.join(folder, f"{speaker}_{chapter}.trans.tsv")
                    if not _os.path.isfile(tsv):
                        continue
                    for line in _lines(tsv):
                        fields = line.split("\t")
                        if len(fields) != 3:
                            continue
                        utt = fields[0]
                        parts = utt.split("_")
                        if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
                            raise ComputeError(f"For '{op}', Invalid data, the utterance id "
                                               f"{utt!r} of {tsv} is not speaker_chapter_...")
                        items.append((_os.path.join(folder, utt + ".wav"), _np.array(fields[1]),
                                      _np.array(fields[2]), _np.uint32(int(parts[0])),
                                      _np.uint32(int(parts[1])), _np.array(utt)))
        self._audio(op, items, ["waveform", "sample_rate", "original_text", "normalized_text",
                                "speaker_id", "chapter_id", "utterance_id"],
                    lambda w, r, it: (w, _np.uint32(r)) + tuple(it[1:]), num_samples, shuffle,
                    sampler, num_shards, shard_id, dataset_dir)
