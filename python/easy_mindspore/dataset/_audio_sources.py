"""The readers of standard speech datasets (16-bit PCM ``.wav`` files, read with Python's
``wave``), with MindSpore 2.10's columns, dtypes, row orders and argument checks (measured on it
with the same synthetic files): ``YesNoDataset``, ``LJSpeechDataset``,
``SpeechCommandsDataset`` and ``CMUArcticDataset``, random-access sources (``sampler`` works,
shuffled rows are in MindSpore's order for the seed).

``waveform`` is float32 ``[1, samples]``: each 16-bit sample divided by 32767 (so -32768 is
-1.0000305), as MindSpore 2.10 reads it; the samples of every channel, interleaved, in one row
(MindSpore reads a stereo file so). The ``.wav`` files are read when their rows are.
"""
import os as _os
import wave as _wave

import numpy as _np

from .._errors import ComputeError, ShapeError
from ._detection import DetectionReader, _type_check, check_dir, check_reading_args
from ._text_sources import _lines, check_usage

__all__ = ["YesNoDataset", "LJSpeechDataset", "SpeechCommandsDataset", "CMUArcticDataset"]


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


def _no_rows(op, where):
    return ComputeError(f"For '{op}', Invalid data, no valid data matching the dataset API {op}. "
                        f"Please check dataset API or file path: {where}.")


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


_ARGS = """
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
