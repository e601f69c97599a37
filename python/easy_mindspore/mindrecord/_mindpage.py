"""``mindspore.mindrecord.MindPage``: the rows of MindRecord files by category, a page at a time.

A category field is one of the files' index fields; its categories are its distinct values as
the index holds them, named by their text in SQLite (``CAST(value AS TEXT)``: ``"2"``, ``"0.5"``,
``"1.0e+20"``), sorted by name (as strings) and numbered from 0. The rows of a category are
those whose value equals the name (SQLite's comparison, so a float whose text rounds its value
finds no row), file after file in row order; page ``p`` of ``n`` rows is rows ``p*n`` to
``p*n+n-1`` of them. All as MindSpore 2.10 does."""
import json

from . import _format
from ._checks import DEFAULT_CONSUMER, check_consumer, check_filename
from ._errors import MRMDefineCategoryError, ParamTypeError, ParamValueError
from ._filereader import reader_value


def _is_int(value):
    return isinstance(value, int)  # (MindSpore takes a bool as 0 or 1)


class MindPage:
    """
    Reads the rows of MindRecord files by category (the distinct values of an index field),
    a page at a time.

    Args:
        file_name (Union[str, list[str]]): One file of a dataset (all its shard files are
            read), or a list of the files to read.
        num_consumer (int, optional): Accepted for MindSpore's signature (from 1 to the number
            of CPUs when given); the rows are read in this thread. Default: ``4`` .

    Raises:
        ParamValueError: If a file path is not a str, or `num_consumer` is invalid.
        RuntimeError: If a file or its index file (``.db``) is missing or not MindRecord.

    Examples:
        >>> import os, tempfile
        >>> from mindspore.mindrecord import FileWriter, MindPage
        >>> path = os.path.join(tempfile.mkdtemp(), "p.mindrecord")
        >>> writer = FileWriter(path)
        >>> writer.add_schema({"name": {"type": "string"}, "label": {"type": "int32"}})
        >>> writer.add_index(["label"])
        >>> writer.write_raw_data([{"name": "n%d" % i, "label": i % 2} for i in range(5)])
        >>> writer.commit()
        >>> reader = MindPage(path)
        >>> reader.candidate_fields
        ['label']
        >>> reader.category_field = "label"
        >>> import json
        >>> info = json.loads(reader.read_category_info())
        >>> info["key"], info["categories"]
        ('label_0', [{'count': 3, 'id': 0, 'name': '0'}, {'count': 2, 'id': 1, 'name': '1'}])
        >>> reader.read_at_page_by_id(0, 1, 2)
        [{'label': 0, 'name': 'n4'}]
        >>> reader.read_at_page_by_name("1", 0, 5)
        [{'label': 1, 'name': 'n1'}, {'label': 1, 'name': 'n3'}]
    """

    def __init__(self, file_name, num_consumer=DEFAULT_CONSUMER):
        if isinstance(file_name, list):
            for f in file_name:
                check_filename(f)
            if not file_name:
                raise ParamValueError("Parameter file_name is empty.")
            self._shards = _format.open_shards(file_name, load_dataset=False)
        else:
            check_filename(file_name)
            self._shards = _format.open_shards(file_name, load_dataset=True)
        check_consumer(num_consumer)
        header = self._shards[0].header
        self._candidates = [f["index_field"] for f in header.get("index_fields") or []]
        self._schema = self._shards[0].schema
        self._field = None
        self._categories = None  # [(name, count)] of the category field

    @property
    def candidate_fields(self):
        """
        The fields that can be category fields: the index fields, in the files' order.

        Returns:
            list[str], the field names.
        """
        return list(self._candidates)

    @property
    def category_field(self):
        """
        The category field (``None`` until set); setting it checks that it is a candidate.

        Raises:
            ParamTypeError: If the value set is not a non-empty str.
            MRMDefineCategoryError: If it is not one of `candidate_fields`.
        """
        return self._field

    @category_field.setter
    def category_field(self, category_field):
        if not category_field or not isinstance(category_field, str):
            raise ParamTypeError("category_fields", "str")
        if category_field not in self._candidates:
            raise MRMDefineCategoryError(f"Field '{category_field}' is not a candidate category "
                                         "field.")
        self._field = category_field
        self._categories = None

    def _require_field(self):
        if self._field is None:
            raise RuntimeError("Invalid data, field: is invalid.")

    def _category_list(self):
        """[(name, count)] of the category field's values, sorted by name."""
        self._require_field()
        if self._categories is None:
            counts = {}
            for shard in self._shards:
                sql = (f"SELECT CAST({self._field}_0 AS TEXT) AS NAME, COUNT(*) FROM INDEXES "
                       "GROUP BY NAME")
                for name, count in shard.query(sql):
                    key = "" if name is None else name
                    counts[key] = counts.get(key, 0) + count
            self._categories = sorted(counts.items())
        return self._categories

    def read_category_info(self):
        """
        The categories of the category field, as JSON text: ``{"categories": [{"count", "id",
        "name"}, ...], "key": "<field>_0"}``.

        Returns:
            str, the JSON text.

        Raises:
            RuntimeError: If the category field is not set.
        """
        categories = [{"count": count, "id": i, "name": name}
                      for i, (name, count) in enumerate(self._category_list())]
        return json.dumps({"categories": categories, "key": f"{self._field}_0"},
                          separators=(",", ":"), ensure_ascii=False)

    @staticmethod
    def _check_page(page, num_row):
        if not _is_int(page) or page < 0:
            raise ParamValueError("Page should be int and greater than or equal to 0.")
        if not _is_int(num_row) or num_row <= 0:
            raise ParamValueError("num_row should be int and greater than 0.")

    def _page(self, category_id, page, num_row):
        name, count = self._category_list()[category_id]
        if page * num_row >= count:
            raise RuntimeError(f"Invalid data, page no: {int(page)}or page size: {int(num_row)} is "
                               "invalid.")
        rows = []
        for shard in self._shards:
            ids = shard.query(f"SELECT ROW_ID FROM INDEXES WHERE {self._field}_0 = ? "
                              "ORDER BY ROW_ID", (name,))
            rows += [(shard, i) for (i,) in ids]
        out = []
        for shard, i in rows[page * num_row:(page + 1) * num_row]:
            order = [f for f in shard.schema if f not in shard.blob_fields] + shard.blob_fields
            raw, blobs = shard.record(i)
            values = dict(raw, **blobs)
            out.append({f: reader_value(values[f], f, shard.schema) for f in order if f in values})
        return out

    def read_at_page_by_id(self, category_id, page, num_row):
        """
        Rows of a category, by its id (its number in `read_category_info`).

        Args:
            category_id (int): The category's id.
            page (int): The page, from 0.
            num_row (int): The rows of a page.

        Returns:
            list[dict], the rows (as ``FileReader`` gives them).

        Raises:
            ParamValueError: If an argument is not an int in range.
            RuntimeError: If the category field is not set, the id is out of range, or the
                page is past the category's rows.
        """
        if not _is_int(category_id) or category_id < 0:
            raise ParamValueError("Category id should be int and greater than or equal to 0.")
        self._check_page(page, num_row)
        categories = self._category_list()
        if category_id >= len(categories):
            raise RuntimeError(f"Invalid data, category_id: {int(category_id)} must be in the "
                               f"range [0, {len(categories)}].")
        return self._page(category_id, page, num_row)

    def read_at_page_by_name(self, category_name, page, num_row):
        """
        Rows of a category, by its name (in `read_category_info`).

        Args:
            category_name (str): The category's name.
            page (int): The page, from 0.
            num_row (int): The rows of a page.

        Returns:
            list[dict], the rows (as ``FileReader`` gives them).

        Raises:
            ParamValueError: If `category_name` is not a str, or `page` or `num_row` is not an
                int in range.
            RuntimeError: If the category field is not set, no category has this name, or the
                page is past the category's rows.
        """
        if not isinstance(category_name, str):
            raise ParamValueError("Category name should be str.")
        self._check_page(page, num_row)
        names = [name for name, _ in self._category_list()]
        if category_name not in names:
            raise RuntimeError(f"category_name: {category_name} could not found.")
        return self._page(names.index(category_name), page, num_row)
