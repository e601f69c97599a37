"""Writing one shard file and its index (see `_format` for the layout).

Blob pages go to the file as they fill; the raw rows are small and wait in memory until
``finish``, which writes them as raw pages after the last blob page, then the header and the
index. Each row group (one blob page) keeps its raw rows within one raw page, as MindSpore's
reader expects. A shard reopened to append keeps its pages and rows; the new rows form new row
groups in pages after the last one, and the header and the whole index are written anew."""
import json
import os
import sqlite3
import struct

from . import _format


def _page(page_id, shard_id, kind, type_id, start, end, groups, size):
    return {"end_row_id": end, "page_id": page_id, "page_size": size, "page_type": kind,
            "page_type_id": type_id, "row_group_ids": [{"id": g, "offset": o} for g, o in groups],
            "shard_id": shard_id, "start_row_id": start}


class ShardWriter:
    """Rows into one shard file: ``add`` each row's raw and blob bytes, then ``finish``."""

    def __init__(self, path, shard_id, header_size, page_size):
        self.path = path
        self.shard_id = shard_id
        self.header_size = header_size
        self.page_size = page_size
        self.pages = []
        # per row: [group, blob page, blob start, blob end, raw bytes, raw fields, (raw page,
        # raw start, raw end) once written]
        self.rows = []
        self._group = []        # the rows of the open group
        self._blob_used = 0
        self._raw_used = 0
        self._groups = 0
        self._first_group = 0   # the first group this writer adds
        self._raw_pages = 0     # the raw pages before it
        self._old_header = 0    # the length of the header this file had
        self._fh = open(path, "w+b")

    @classmethod
    def resume(cls, shard):
        """A writer that appends to the shard file `shard` (a `_format.Shard`)."""
        self = cls.__new__(cls)
        h = shard.header
        self.path, self.shard_id = shard.path, h["shard_id"]
        self.header_size, self.page_size = h["header_size"], h["page_size"]
        self.pages = list(h.get("page") or [])
        located = shard.query("SELECT ROW_GROUP_ID, PAGE_ID_BLOB, PAGE_OFFSET_BLOB, "
                              "PAGE_OFFSET_BLOB_END, PAGE_ID_RAW, PAGE_OFFSET_RAW, "
                              "PAGE_OFFSET_RAW_END FROM INDEXES ORDER BY ROW_ID")
        self.rows = [[g, bp, bs, be, None, shard.record(i, blobs=False)[0], (rp, rs, re)]
                     for i, (g, bp, bs, be, rp, rs, re) in enumerate(located)]
        blob_groups = [p["page_type_id"] for p in self.pages if p["page_type"] == "BLOB_DATA"]
        self._groups = self._first_group = max(blob_groups) + 1 if blob_groups else 0
        self._raw_pages = sum(p["page_type"] == "RAW_DATA" for p in self.pages)
        self._group, self._blob_used, self._raw_used = [], 0, 0
        with open(shard.path, "rb") as fh:
            self._old_header = 8 + struct.unpack("<Q", fh.read(8))[0]
        self._fh = open(shard.path, "r+b")
        return self

    def add(self, raw, blob, fields):
        raw_size, blob_size = 8 + len(raw), 8 + len(blob)
        if raw_size > self.page_size or blob_size > self.page_size:
            raise RuntimeError(f"Invalid data, the size of a row ({max(raw_size, blob_size)} bytes) is "
                               f"larger than the page size {self.page_size}. Please use "
                               "'set_page_size' to set a larger page size.")
        if self._group and (self._blob_used + blob_size > self.page_size or
                            self._raw_used + raw_size > self.page_size):
            self._flush_group()
        self._group.append((raw, blob, fields))
        self._blob_used += blob_size
        self._raw_used += raw_size

    def _seek_page(self, page_id):
        self._fh.seek(self.header_size + self.page_size * page_id)

    def _flush_group(self):
        page_id, group = len(self.pages), self._groups
        start = len(self.rows)
        self._seek_page(page_id)
        offset = 0
        for raw, blob, fields in self._group:
            self._fh.write(struct.pack("<Q", len(blob)) + blob)
            self.rows.append([group, page_id, offset, offset + 8 + len(blob), raw, fields])
            offset += 8 + len(blob)
        self.pages.append(_page(page_id, self.shard_id, "BLOB_DATA", group, start, len(self.rows),
                                [(0, 0)], offset))
        self._groups += 1
        self._group, self._blob_used, self._raw_used = [], 0, 0

    def _write_raw_pages(self):
        """The raw rows, group after group, in raw pages after the blob pages; each row learns
        its raw page and offsets."""
        by_group = {}
        for row in self.rows:
            by_group.setdefault(row[0], []).append(row)
        page = None  # [page id, type id, used bytes, row groups]
        raw_pages = self._raw_pages
        for group in range(self._first_group, self._groups):
            rows = by_group[group]
            size = sum(8 + len(r[4]) for r in rows)
            if page is None or page[2] + size > self.page_size:
                if page is not None:
                    self.pages.append(_page(page[0], self.shard_id, "RAW_DATA", page[1], 0, 0, page[3], page[2]))
                page = [len(self.pages), raw_pages, 0, []]
                raw_pages += 1
            page[3].append((group, page[2]))
            self._fh.seek(self.header_size + self.page_size * page[0] + page[2])
            for r in rows:
                self._fh.write(struct.pack("<Q", len(r[4])) + r[4])
                r.append((page[0], page[2], page[2] + 8 + len(r[4])))
                page[2] += 8 + len(r[4])
        if page is not None:
            self.pages.append(_page(page[0], self.shard_id, "RAW_DATA", page[1], 0, 0, page[3], page[2]))

    def finish(self, header):
        """Writes the rest of the rows and this shard's header (`header` without ``page`` and
        ``shard_id``)."""
        if self._group:
            self._flush_group()
        self._write_raw_pages()
        header = dict(header, page=self.pages or None, shard_id=self.shard_id)
        order = ("header_size", "index_fields", "page", "page_size", "compression_size", "schema",
                 "shard_addresses", "shard_id", "statistics", "version")
        text = json.dumps({k: header[k] for k in order}, separators=(",", ":"),
                          ensure_ascii=False).encode("utf-8")
        if len(text) + 8 > self.header_size:
            raise RuntimeError(f"Invalid data, the shard header ({len(text) + 8} bytes) is larger than "
                               f"the header size {self.header_size}. Please use 'set_header_size' to "
                               "set a larger header size.")
        self._fh.seek(0)
        padding = bytes(max(0, self._old_header - 8 - len(text)))  # over a longer old header
        self._fh.write(struct.pack("<Q", len(text)) + text + padding)
        self._fh.close()

    def close(self):
        """Closes the file without writing its header (nothing was added)."""
        self._fh.close()

    def write_index(self, schema, index_fields):
        """The shard's SQLite index, as MindSpore's index generator makes it."""
        db = self.path + ".db"
        if os.path.exists(db):
            os.remove(db)
        con = sqlite3.connect(db)
        try:
            columns = "".join(f",INC_{i} INT, {f}_0 {_format._SQL_TYPES[schema[f]['type']]}"
                              for i, f in enumerate(index_fields))
            keys = "".join(f",INC_{i}" for i in range(len(index_fields)))
            con.execute(
                "CREATE TABLE INDEXES(  ROW_ID               INT  NOT NULL, PAGE_ID_RAW          INT  "
                "NOT NULL, PAGE_OFFSET_RAW      INT  NOT NULL, PAGE_OFFSET_RAW_END  INT  NOT NULL, "
                "ROW_GROUP_ID         INT  NOT NULL, PAGE_ID_BLOB         INT  NOT NULL, "
                "PAGE_OFFSET_BLOB     INT  NOT NULL, PAGE_OFFSET_BLOB_END INT  NOT NULL"
                f"{columns}, PRIMARY KEY(ROW_ID{keys}))")
            con.execute("CREATE TABLE SHARD_NAME(NAME TEXT NOT NULL)")
            con.execute("INSERT INTO SHARD_NAME (NAME) VALUES (?)", (os.path.basename(self.path),))
            names = "".join(f",INC_{i},{f}_0" for i, f in enumerate(index_fields))
            marks = ",?,?" * len(index_fields)
            sql = ("INSERT INTO INDEXES (ROW_ID,ROW_GROUP_ID,PAGE_ID_RAW,PAGE_OFFSET_RAW,"
                   "PAGE_OFFSET_RAW_END,PAGE_ID_BLOB,PAGE_OFFSET_BLOB,PAGE_OFFSET_BLOB_END"
                   f"{names}) VALUES (?,?,?,?,?,?,?,?{marks})")
            for row_id, row in enumerate(self.rows):
                group, blob_page, blob_start, blob_end, _, fields, raw_at = row
                extra = [x for f in index_fields for x in (0, fields[f])]
                con.execute(sql, [row_id, group, *raw_at, blob_page, blob_start, blob_end, *extra])
            con.commit()
        finally:
            con.close()
