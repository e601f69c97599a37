"""What the converters of ``mindspore.mindrecord`` share: argument checks, MindSpore's JPEG
encoding of an image, writing a MindRecord file set, and reading a CSV file with the column
types pandas gives it (MindSpore's ``CsvToMR`` reads CSV files with ``pandas.read_csv``)."""
import csv
import re

import numpy as np

from ._filewriter import FileWriter, check_shard_num

CHUNK = 1000  # rows per write_raw_data call while converting


def check_partition(partition_number):
    """A converter's `partition_number` check (MindSpore's messages)."""
    if not isinstance(partition_number, int):
        raise ValueError("The parameter partition_number must be int")
    check_shard_num(int(partition_number))


def jpeg(image):
    """The JPEG bytes MindSpore's converters store for a UInt8 image (HW gray or HWC RGB):
    OpenCV's encoding at its default quality 95, which Pillow's libjpeg gives byte for byte."""
    from ..dataset.vision._files import encode_jpeg
    return encode_jpeg(np.ascontiguousarray(image), 95).tobytes()


def write_set(destination, partition, schema, desc, index, rows, page_size=None, chunk=CHUNK):
    """Writes the rows (an iterable of dicts) into the MindRecord file set `destination`,
    `chunk` rows per ``write_raw_data`` call (all at once when ``None``: a call with no row that
    fits the schema fails)."""
    writer = FileWriter(destination, int(partition))
    if page_size:
        writer.set_page_size(page_size)
    writer.add_schema(schema, desc)
    if index:
        writer.add_index(list(index))
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == chunk:
            writer.write_raw_data(batch)
            batch = []
    if batch or chunk is None:
        writer.write_raw_data(batch)
    writer.commit()


# -- CSV as pandas.read_csv types it ---------------------------------------------------------
# pandas' default missing-value strings, and its words for booleans.
_NA = {"", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
       "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null"}
_TRUE, _FALSE = {"True", "TRUE", "true"}, {"False", "FALSE", "false"}
_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|(?i:inf|infinity))")


def _column(tokens):
    """(dtype name, values) of one CSV column, as pandas infers them."""
    present = [t for t in tokens if t not in _NA]
    missing = len(present) < len(tokens)
    stripped = [t.strip() for t in present]
    if present and all(_INT.fullmatch(t) for t in stripped):
        ints = [int(t) for t in stripped]
        if not missing:
            if all(-(1 << 63) <= v < (1 << 63) for v in ints):
                return "int64", [np.int64(v) for v in ints]
            if all(0 <= v < (1 << 64) for v in ints):
                return "uint64", [np.uint64(v) for v in ints]
    if all(_INT.fullmatch(t) or _FLOAT.fullmatch(t) for t in stripped):
        return "float64", [np.float64(float(t.strip())) if t not in _NA else np.float64("nan")
                           for t in tokens]
    if all(t in _TRUE or t in _FALSE for t in present):
        values = [t in _TRUE if t not in _NA else float("nan") for t in tokens]
        return ("object" if missing else "bool"), values
    return "object", [float("nan") if t in _NA else t for t in tokens]


def read_csv(path):
    """The columns of the CSV file `path`: a list of (name, dtype name, values), with pandas'
    defaults (first line the header, blank lines skipped, ``NA``-like strings missing)."""
    with open(path, newline="", encoding="utf-8") as fh:
        lines = [row for row in csv.reader(fh) if row]
    if not lines:
        raise ValueError("No columns to parse from file")
    names, seen = [], {}
    for name in lines[0]:
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        names.append(name)
    body = [row + [""] * (len(names) - len(row)) for row in lines[1:]]
    return [(name, *_column([row[k] for row in body])) for k, name in enumerate(names)]
