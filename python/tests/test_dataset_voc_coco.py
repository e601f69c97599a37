"""``dataset.VOCDataset`` and ``dataset.CocoDataset`` on small synthetic folders built here
(Pillow JPEGs/PNGs, XML and JSON annotations): every expected value is the one MindSpore 2.10
gave on CPU for the same folders (rows, dtypes, shapes, seeded orders, class indexings, errors)."""
import json
import os

import numpy as np
import pytest

import easy_mindspore.dataset as ds

Image = pytest.importorskip("PIL.Image")


# -- synthetic folders --------------------------------------------------------------------------------
def _jpeg(path, w, h, seed):
    rs = np.random.RandomState(seed)
    Image.fromarray(rs.randint(0, 256, (h, w, 3), dtype=np.uint8)).save(path, quality=90)


def _palette_png(path, w, h, seed):
    rs = np.random.RandomState(seed)
    im = Image.fromarray(rs.randint(0, 4, (h, w), dtype=np.uint8), mode="P")
    im.putpalette([0, 0, 0, 128, 0, 0, 0, 128, 0, 128, 128, 0] + [0] * (256 * 3 - 12))
    im.save(path)


def _obj(name, box, difficult=None, truncated=None):
    s = "<object>"
    if name is not None:
        s += f"<name>{name}</name>"
    if difficult is not None:
        s += f"<difficult>{difficult}</difficult>"
    if truncated is not None:
        s += f"<truncated>{truncated}</truncated>"
    if box is not None:
        s += "<bndbox>" + "".join(f"<{k}>{v}</{k}>" for k, v in
                                  zip(("xmin", "ymin", "xmax", "ymax"), box)) + "</bndbox>"
    return s + "</object>"


def make_voc(root, annotations, main=None, segmentation=None):
    """A VOC folder: image k of `annotations` (id -> objects, or an XML string, or None for no
    file) is a (8 + k) x (6 + 2k) JPEG with a palette PNG mask."""
    for d in ("Annotations", "JPEGImages", "ImageSets/Main", "ImageSets/Segmentation",
              "SegmentationClass"):
        os.makedirs(os.path.join(root, d), exist_ok=True)
    for k, (iid, objects) in enumerate(annotations.items()):
        _jpeg(os.path.join(root, "JPEGImages", iid + ".jpg"), 8 + k, 6 + 2 * k, k)
        _palette_png(os.path.join(root, "SegmentationClass", iid + ".png"), 8 + k, 6 + 2 * k,
                     100 + k)
        if objects is None:
            continue
        xml = objects if isinstance(objects, str) else (
            f"<annotation><filename>{iid}.jpg</filename>{''.join(objects)}</annotation>")
        with open(os.path.join(root, "Annotations", iid + ".xml"), "w") as f:
            f.write(xml)
    for folder, sets in (("Main", main or {}), ("Segmentation", segmentation or {})):
        for usage, text in sets.items():
            with open(os.path.join(root, "ImageSets", folder, usage + ".txt"), "w", newline="") as f:
                f.write(text)
    return str(root)


VOC_OBJECTS = {
    "img_a": [_obj("dog", (1, 2, 5, 6), 0, 1), _obj("person", (2.5, 1.5, 7.25, 5.75), 1, 0)],
    "img_b": [_obj("cat", (3, 3, 8, 9)), _obj("zebra", (1, 1, 2, 2), 1, 1)],
    "img_c": [_obj("dog", (2, 2, 3, 5)), _obj(None, (1, 1, 2, 2))],  # an object without a name
    "img_d": [_obj("bird", (1, 1, 9, 12), "1", "1"), _obj("cat", (4, 5, 6, 7), 0, 0),
              _obj("aardvark", (1, 1, 5, 5), 0, 0)],
    "img_e": [_obj("person", (1, 1, 4, 4), 0, 0)],
    "img_f": [_obj("cat", (1.9, 1.1, 3.6, 4.4), 2, 3)],
}


@pytest.fixture
def voc(tmp_path):
    return make_voc(tmp_path / "voc", VOC_OBJECTS,
                    {"train": "img_a\nimg_b\r\nimg_c\nimg_d\nimg_e\nimg_f\n", "val": "img_e\nimg_a",
                     "dup": "img_e\nimg_e\n"},
                    {"train": "img_a\nimg_b\nimg_c\nimg_d\nimg_e\nimg_f\n", "val": "img_f\nimg_b\n"})


COCO_FILES = ["000000000009.jpg", "000000000025.jpg", "000000000030.jpg", "000000000034.jpg",
              "000000000036.jpg"]
COCO_IMAGES = [{"id": 25, "file_name": COCO_FILES[1]}, {"id": 9, "file_name": COCO_FILES[0]},
               {"id": 36, "file_name": COCO_FILES[4]}, {"id": 30, "file_name": COCO_FILES[2]},
               {"id": 34, "file_name": COCO_FILES[3]}]
COCO_CATEGORIES = [{"id": 1, "name": "person"}, {"id": 18, "name": "dog"}, {"id": 3, "name": "car"}]
COCO_DETECTION = [
    {"id": 1, "image_id": 9, "category_id": 18, "iscrowd": 0, "bbox": [1.5, 2.0, 3.25, 4.0],
     "segmentation": [[1, 2, 3, 4, 5, 6]]},
    {"id": 2, "image_id": 25, "category_id": 1, "iscrowd": 1, "bbox": [0, 0, 5, 5],
     "segmentation": {"counts": [1, 2, 3, 4], "size": [8, 10]}},
    {"id": 3, "image_id": 9, "category_id": 3, "iscrowd": 0, "bbox": [2, 2, 2, 2],
     "segmentation": [[1, 1, 2, 2, 3, 3, 4, 4], [5, 5, 6, 6]]},
    {"id": 4, "image_id": 36, "category_id": 1, "iscrowd": 0, "bbox": [1, 1, 1, 1],
     "segmentation": [[7, 7, 8, 8]]},
    {"id": 5, "image_id": 30, "category_id": 18, "iscrowd": 0, "bbox": [0.5, 0.5, 1, 1],
     "segmentation": [[1, 2, 3]]},
]
COCO_KEYPOINTS = [
    {"id": 1, "image_id": 25, "num_keypoints": 2, "keypoints": [1, 2, 2, 3, 4, 1, 0, 0, 0]},
    {"id": 2, "image_id": 25, "num_keypoints": 1, "keypoints": [5, 6, 2]},
    {"id": 3, "image_id": 34, "num_keypoints": 3, "keypoints": [1.5, 2, 2, 3, 4, 1, 7, 8, 2]},
]
COCO_PANOPTIC_CATEGORIES = [{"id": 1, "name": "person", "isthing": 1},
                            {"id": 184, "name": "tree", "isthing": 0},
                            {"id": 18, "name": "dog", "isthing": 1}]
COCO_PANOPTIC = [
    {"image_id": 30, "file_name": "000000000030.png", "segments_info": [
        {"id": 1, "category_id": 1, "iscrowd": 0, "bbox": [1, 2, 3, 4], "area": 12},
        {"id": 2, "category_id": 184, "iscrowd": 1, "bbox": [0.5, 1, 2, 2.5], "area": 5.7}]},
    {"image_id": 9, "file_name": "000000000009.png", "segments_info": [
        {"id": 3, "category_id": 18, "iscrowd": 0, "bbox": [2, 2, 3, 3], "area": 9}]},
]
COCO_CAPTIONS = [{"id": 1, "image_id": 36, "caption": "A dog on a bed."},
                 {"id": 2, "image_id": 9, "caption": "Two cars."},
                 {"id": 3, "image_id": 36, "caption": "A sleeping dog, café."}]


@pytest.fixture
def coco(tmp_path):
    """(images folder, function writing an annotation file from its parts)."""
    images = tmp_path / "images"
    images.mkdir()
    for k, name in enumerate(COCO_FILES):
        _jpeg(str(images / name), 9 + k, 7 + k, 50 + k)

    def annotations(anns, categories=COCO_CATEGORIES, image_list=COCO_IMAGES, name="a.json"):
        content = {"images": image_list, "annotations": anns}
        if categories is not None:
            content["categories"] = categories
        path = tmp_path / name
        path.write_text(json.dumps(content))
        return str(path)

    return str(images), annotations


@pytest.fixture
def seed():
    old = ds.config.get_seed()
    yield ds.config.set_seed
    ds.config.set_seed(old)


def rows(data):
    return list(data.create_dict_iterator(output_numpy=True))


def names(data, column="_meta-filename"):
    """The `_meta-filename` values of an epoch (renamed so that the iterators show them)."""
    return [str(r["f"]) for r in rows(data.rename(column, "f").project("f"))]


def lists(got, column):
    return [r[column].tolist() for r in got]


# -- VOC ------------------------------------------------------------------------------------------------
def test_voc_detection_rows(voc):
    data = ds.VOCDataset(voc, task="Detection", shuffle=False)
    assert data.get_col_names() == ["image", "bbox", "label", "difficult", "truncate"]
    assert data.get_dataset_size() == 6
    got = rows(data)
    # MindSpore 2.10: x, y, width, height as float32; label/difficult/truncate uint32 [N, 1].
    assert [r["bbox"].dtype for r in got] == [np.float32] * 6
    assert all(r[c].dtype == np.uint32 for r in got for c in ("label", "difficult", "truncate"))
    assert lists(got, "bbox") == [
        [[1.0, 2.0, 4.0, 4.0], [2.5, 1.5, 4.75, 4.25]], [[3.0, 3.0, 5.0, 6.0], [1.0, 1.0, 1.0, 1.0]],
        [[2.0, 2.0, 1.0, 3.0]], [[1.0, 1.0, 8.0, 11.0], [4.0, 5.0, 2.0, 2.0], [1.0, 1.0, 4.0, 4.0]],
        [[1.0, 1.0, 3.0, 3.0]],
        [[1.899999976158142, 1.100000023841858, 1.6999999284744263, 3.3000001907348633]]]
    assert lists(got, "label") == [[[3], [4]], [[2], [5]], [[3]], [[1], [2], [0]], [[4]], [[2]]]
    assert lists(got, "difficult") == [[[0], [1]], [[0], [1]], [[0]], [[1], [0], [0]], [[0]], [[2]]]
    assert lists(got, "truncate") == [[[1], [0]], [[0], [1]], [[0]], [[1], [0], [0]], [[0]], [[3]]]
    # Without decode, an image is its file's bytes.
    with open(os.path.join(voc, "JPEGImages", "img_a.jpg"), "rb") as f:
        assert got[0]["image"].tobytes() == f.read()
    assert got[0]["image"].dtype == np.uint8 and got[0]["image"].ndim == 1
    assert data.get_class_indexing() == {"aardvark": 0, "bird": 1, "cat": 2, "dog": 3,
                                         "person": 4, "zebra": 5}


def test_voc_decode_and_segmentation(voc):
    got = rows(ds.VOCDataset(voc, task="Detection", decode=True, shuffle=False))
    assert [list(r["image"].shape) for r in got] == [[6, 8, 3], [8, 9, 3], [10, 10, 3],
                                                     [12, 11, 3], [14, 12, 3], [16, 13, 3]]
    # MindSpore 2.10's decoded pixels (sums of the six images).
    assert [int(r["image"].sum(dtype=np.int64)) for r in got] == VOC_IMAGE_SUMS
    seg = ds.VOCDataset(voc, shuffle=False, decode=True)  # 'Segmentation' is the default task
    assert seg.get_col_names() == ["image", "target"]
    got = rows(seg)
    # The palette PNG masks decode to RGB, as MindSpore's decoder gives them.
    assert [list(r["target"].shape) for r in got] == [[6, 8, 3], [8, 9, 3], [10, 10, 3],
                                                      [12, 11, 3], [14, 12, 3], [16, 13, 3]]
    assert [int(r["target"].sum(dtype=np.int64)) for r in got] == VOC_TARGET_SUMS
    raw = rows(ds.VOCDataset(voc, task="Segmentation", usage="val", shuffle=False))
    with open(os.path.join(voc, "SegmentationClass", "img_f.png"), "rb") as f:
        assert raw[0]["target"].tobytes() == f.read()
    with pytest.raises(NotImplementedError, match="Only 'Detection' support get_class_indexing"):
        seg.get_class_indexing()


VOC_IMAGE_SUMS = [18053, 29651, 39005, 48608, 66584, 81749]  # MindSpore 2.10
VOC_TARGET_SUMS = [7296, 10368, 12544, 17536, 21504, 26112]  # MindSpore 2.10


def test_voc_usage_and_image_set_lines(voc):
    data = ds.VOCDataset(voc, task="Detection", usage="val", shuffle=False, extra_metadata=True)
    assert names(data) == ["img_e", "img_a"]
    # MindSpore 2.10 labels the classes found in the listed images only.
    assert lists(rows(data), "label") == [[[1]], [[0], [1]]]
    assert data.get_class_indexing() == {"dog": 0, "person": 1}
    # A line listed twice is read twice.
    assert ds.VOCDataset(voc, task="Detection", usage="dup").get_dataset_size() == 2
    assert names(ds.VOCDataset(voc, usage="val", shuffle=False, extra_metadata=True)) == \
        ["img_f", "img_b"]


def test_voc_class_indexing(voc):
    data = ds.VOCDataset(voc, task="Detection", shuffle=False, extra_metadata=True,
                         class_indexing={"cat": 7, "dog": 2, "person": 0})
    assert names(data) == ["img_a", "img_b", "img_c", "img_d", "img_e", "img_f"]
    assert lists(rows(data), "label") == [[[2], [0]], [[7]], [[2]], [[7]], [[0]], [[7]]]
    assert data.get_class_indexing() == {"cat": 7, "dog": 2, "person": 0}
    # Images left without an object of the given classes are left out.
    only_cat = ds.VOCDataset(voc, task="Detection", shuffle=False, extra_metadata=True,
                             class_indexing={"cat": 1})
    assert names(only_cat) == ["img_b", "img_d", "img_f"]
    assert lists(rows(only_cat), "bbox")[1] == [[4.0, 5.0, 2.0, 2.0]]
    # Labels are uint32: -1 wraps; an empty dict is no class_indexing.
    wrapped = ds.VOCDataset(voc, task="Detection", shuffle=False, class_indexing={"cat": -1})
    assert lists(rows(wrapped), "label")[0] == [[4294967295]]
    empty = ds.VOCDataset(voc, task="Detection", shuffle=False, class_indexing={})
    assert empty.get_class_indexing()["zebra"] == 5


def test_voc_numbers_read_as_scanf(tmp_path):
    # MindSpore 2.10 reads each number as C's sscanf("%f") and converts float to uint32 through
    # int64 (so -2.5 is 4294967294 and NaN, 1e20 and 4294967296 are 0).
    root = make_voc(tmp_path / "v", {"x1": [
        _obj("dog", ("1e0", "0x1p1", "3abc", "inf"), "nan", "1e3"),
        _obj("dog", ("+1.25", ".5", "2.", "7"), " 3", "4.99"),
        _obj("dog", (1, 1, 3, 3), "-0.5", "5000000000"),
        _obj("dog", (1, 1, 3, 3), "-2.5", "1e20"),
        _obj("dog", (1, 1, 3, 3), "1e", "-inf"),
        _obj("dog", (1, 1, 3, 3), "4294967295", "4294967296"),
        _obj("dog", (1, 1, 3, 3), "-2147483649", "2147483648"),
        _obj("dog", (1, 1, "1e40", 3), "0x10", "1,5"),
        _obj("dog", (1, 1, 3, 3), "<![CDATA[7]]>", "&#x35;")]}, {"train": "x1\n"})
    (got,) = rows(ds.VOCDataset(root, task="Detection", shuffle=False))
    inf = float("inf")
    assert got["bbox"].tolist() == [[1.0, 2.0, 2.0, inf], [1.25, 0.5, 0.75, 6.5]] + \
        [[1.0, 1.0, 2.0, 2.0]] * 5 + [[1.0, 1.0, inf, 2.0], [1.0, 1.0, 2.0, 2.0]]
    assert got["difficult"].ravel().tolist() == [0, 3, 0, 4294967294, 1, 0, 2147483648, 16, 7]
    assert got["truncate"].ravel().tolist() == [1000, 4, 705032704, 0, 0, 0, 2147483648, 1, 5]


def test_voc_xml_layout(tmp_path):
    # Only the direct <object> children of the root count, and the first child of each name;
    # whitespace in a name is kept.
    xml = ("<?xml version='1.0'?>\n<!-- c --><root><object><name> dog </name><part><name>hand"
           "</name><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>2</xmax><ymax>2</ymax></bndbox></part>"
           "<bndbox><xmin>2</xmin><ymin>3</ymin><xmax>4</xmax><ymax>6</ymax><xmin>1</xmin></bndbox>"
           "<difficult>1</difficult><difficult>0</difficult></object>"
           "<other><object><name>cat</name></object></other></root>")
    root = make_voc(tmp_path / "v", {"x1": xml}, {"train": "x1\n"})
    data = ds.VOCDataset(root, task="Detection", shuffle=False)
    (got,) = rows(data)
    assert got["bbox"].tolist() == [[2.0, 3.0, 2.0, 3.0]]
    assert got["difficult"].tolist() == [[1]]
    assert data.get_class_indexing() == {" dog ": 0}


def test_voc_extra_metadata_is_hidden(voc):
    def make():  # a new one per pipeline (MindSpore refuses a dataset with two consumers)
        return ds.VOCDataset(voc, task="Detection", shuffle=False, extra_metadata=True)

    data = make()
    assert data.get_col_names() == ["image", "bbox", "label", "difficult", "truncate",
                                    "_meta-filename"]
    assert list(rows(data)[0]) == ["image", "bbox", "label", "difficult", "truncate"]
    assert len(next(data.create_tuple_iterator(output_numpy=True))) == 5
    # Renamed, the column is an ordinary one: a 0-d string.
    renamed = rows(make().rename("_meta-filename", "filename"))
    assert renamed[3]["filename"].shape == () and str(renamed[3]["filename"]) == "img_d"
    # Later stages leave it out too.
    mapped = make().map(lambda b: b * 2, input_columns="bbox").project(["bbox", "_meta-filename"])
    got = rows(mapped)
    assert list(got[0]) == ["bbox"]
    assert got[0]["bbox"].tolist() == [[2.0, 4.0, 8.0, 8.0], [5.0, 3.0, 9.5, 8.5]]
    with pytest.raises(RuntimeError, match="No effective column found"):
        rows(make().project("_meta-filename"))


def test_voc_seeded_orders(voc, seed):
    # MindSpore 2.10's orders for seeds 0 and 5 (two epochs where drawn anew).
    def epochs(data, n=2):
        it = data.rename("_meta-filename", "f").project("f").create_tuple_iterator(
            num_epochs=n, output_numpy=True)
        return [[str(r[0])[-1] for r in it] for _ in range(n)]

    def make(**kw):
        return ds.VOCDataset(voc, task=kw.pop("task", "Segmentation"), extra_metadata=True, **kw)

    seed(0)
    assert epochs(make(task="Detection")) == [list("acbfde"), list("cabefd")]
    assert epochs(make(task="Detection", num_samples=3)) == [list("dde"), list("cfe")]
    assert epochs(make(num_shards=4, shard_id=1)) == [list("ae"), list("bd")]
    assert epochs(make(num_shards=4, shard_id=3, shuffle=False), 1) == [list("db")]
    assert epochs(make(num_shards=2, shard_id=0, shuffle=False, num_samples=2), 1) == [list("ac")]
    assert epochs(make(sampler=ds.RandomSampler())) == [list("acbfde"), list("cabefd")]
    assert epochs(make(sampler=ds.SubsetRandomSampler([5, 0, 2])), 1) == [list("caf")]
    assert epochs(make(sampler=ds.DistributedSampler(2, 1)), 1) == [list("afe")]
    assert epochs(make(sampler=ds.SequentialSampler(1, 2)), 1) == [list("bc")]
    assert epochs(make(sampler=[3, 1, 1]), 1) == [list("dbb")]
    assert epochs(make(sampler=4), 1) == [list("e")]
    seed(5)
    assert epochs(make(task="Detection")) == [list("dafceb"), list("defbac")]
    assert epochs(make(task="Detection", num_samples=3)) == [list("baf"), list("ffb")]
    assert epochs(make(num_shards=4, shard_id=1)) == [list("ed"), list("ad")]
    assert epochs(make(sampler=ds.SubsetRandomSampler([5, 0, 2])), 1) == [list("acf")]
    assert epochs(make(sampler=ds.DistributedSampler(2, 1)), 1) == [list("efd")]


def test_voc_num_samples(voc):
    def count(**kw):
        return len(rows(ds.VOCDataset(voc, task="Detection", shuffle=False, **kw)))
    assert count(num_samples=2) == 2
    assert count(num_samples=0) == 6  # 0: every row, as MindSpore
    assert count(num_samples=99) == 6


def test_voc_decrypt(voc):
    data = ds.VOCDataset(voc, shuffle=False, decrypt=lambda path: b"\x01\x02" + path.encode())
    got = rows(data)[0]
    assert got["image"].tobytes() == b"\x01\x02" + os.path.join(voc, "JPEGImages", "img_a.jpg").encode()
    assert got["target"].tobytes()[2:].endswith(b"SegmentationClass/img_a.png")
    with pytest.raises(RuntimeError):
        rows(ds.VOCDataset(voc, decrypt=lambda path: 1 / 0))


@pytest.mark.parametrize("kwargs, error, message", [
    (dict(task="Classification"), ValueError, "Invalid task : Classification."),
    (dict(task=3), TypeError, "Argument task with value 3 is not of type"),
    (dict(task="Detection", usage="test"), ValueError, r"ImageSets/Main/test.txt does not exist"),
    (dict(usage=None), TypeError, "Argument usage with value None"),
    (dict(class_indexing={"a": 1}), ValueError, "class_indexing is not supported in Segmentation"),
    (dict(task="Detection", class_indexing=["a"]), TypeError, "Argument class_indexing"),
    (dict(decode=1), TypeError, "Argument decode with value 1"),
    (dict(shuffle=True, sampler=ds.RandomSampler()), RuntimeError,
     "sampler and shuffle cannot be specified at the same time"),
    (dict(num_shards=2, shard_id=0, sampler=ds.RandomSampler()), RuntimeError,
     "sampler and sharding cannot be specified"),
    (dict(num_samples=2, sampler=ds.RandomSampler()), RuntimeError,
     "sampler and num_samples cannot be specified"),
    (dict(num_shards=2), RuntimeError, "num_shards is specified and currently requires shard_id"),
    (dict(shard_id=0), RuntimeError, "shard_id is specified but num_shards is not"),
    (dict(num_shards=2, shard_id=2), ValueError,
     r"Input shard_id is not within the required interval of \[0, 1\]"),
    (dict(num_samples=-1), ValueError, "num_samples exceeds the boundary"),
    (dict(num_samples=2.0), TypeError, "Argument num_samples with value 2.0"),
    (dict(decrypt=3), TypeError, "Argument decrypt is not a callable object"),
    (dict(sampler="ab"), TypeError, "nsupported sampler object"),
    (dict(sampler=ds.PKSampler(2)), RuntimeError, "GetClassIds needs to be override to support PK"),
    (dict(cache=3), TypeError, "Argument cache with value 3 is not of type"),
    (dict(task="Detection", usage="a;b"), ValueError, "ilename should not contain"),
    (dict(task="Detection", class_indexing={"nothing": 1}), RuntimeError,
     "VOCDataset API can't read the data file"),
])
def test_voc_argument_errors(voc, kwargs, error, message):
    with pytest.raises(error, match="(?i)" + message):
        rows(ds.VOCDataset(voc, **kwargs))


def test_voc_missing_dir(tmp_path):
    with pytest.raises(ValueError, match="(?i)The folder .* does not exist or is not a directory"):
        ds.VOCDataset(str(tmp_path / "nope"), task="Detection")
    with pytest.raises(TypeError, match="(?i)Argument dataset_dir with value 5"):
        ds.VOCDataset(5)


@pytest.mark.parametrize("annotations, message", [
    ({"x1": [_obj("dog", (1, 1, 3, 3))], "x2": None}, r"Invalid file path, .*x2.xml does not exist"),
    ({"x1": "<annotation><object><name>dog</name>"}, "Invalid xml, failed to load .*x1.xml"),
    ({"x1": ""}, "Invalid xml, failed to load"),
    ({"x1": "<annotation><filename>x</filename></annotation>"},
     r"Invalid xml, the node of object is missing in .*x1.xml\."),
    ({"x1": [_obj("dog", None)]}, "Invalid xml, the node of bndbox is missing"),
    ({"x1": [_obj("dog", (5, 1, 3, 3))]},
     r"Invalid bndbox, the coordinate of bndbox in .*x1.xml should be greater than 0, but got "
     r"\{5, 1, 3, 3\}"),
    ({"x1": [_obj("dog", (2.75, -1.5, 1.25, 0.5))]}, r"but got \{2, -1, 1, 0\}"),
    ({"x1": [_obj("dog", ("nan", 1, 3, 3))]}, r"but got \{-2147483648, 1, 3, 3\}"),
    # Boxes are checked before names or classes are.
    ({"x1": [_obj(None, (0, 1, 3, 3)), _obj("dog", (1, 1, 3, 3))]}, r"but got \{0, 1, 3, 3\}"),
])
def test_voc_annotation_errors(tmp_path, annotations, message):
    root = make_voc(tmp_path / "v", annotations, {"train": "x1\nx2\n" if "x2" in annotations else "x1\n"})
    with pytest.raises(RuntimeError, match="(?i)" + message):
        rows(ds.VOCDataset(root, task="Detection"))


def test_voc_read_errors(tmp_path):
    root = make_voc(tmp_path / "v", {"x1": [_obj("dog", (1, 1, 3, 3))]}, {"train": "x1\nzz\n"},
                    {"train": "x1\n\n", "bad": "x1\n"})
    with open(os.path.join(root, "Annotations", "zz.xml"), "w") as f:
        f.write("<annotation>" + _obj("dog", (1, 1, 3, 3)) + "</annotation>")
    # Image files are read with their rows (MindSpore 2.10's messages).
    data = ds.VOCDataset(root, task="Detection", shuffle=False)
    assert data.get_dataset_size() == 2
    with pytest.raises(RuntimeError, match="(?i)Failed to open file: .*JPEGImages/zz.jpg"):
        rows(data)
    # A blank line of the image set is an image named "".
    seg = ds.VOCDataset(root, shuffle=False)
    assert seg.get_dataset_size() == 2
    with pytest.raises(RuntimeError, match=r"(?i)Failed to open file: .*JPEGImages/\.jpg"):
        rows(seg)
    with open(os.path.join(root, "JPEGImages", "x1.jpg"), "wb") as f:
        f.write(b"not an image at all")
    assert len(rows(ds.VOCDataset(root, usage="bad"))) == 1  # not decoded: the bytes
    with pytest.raises(RuntimeError, match="(?i)Invalid image, failed to decode .*x1.jpg"):
        rows(ds.VOCDataset(root, usage="bad", decode=True))


# -- COCO -----------------------------------------------------------------------------------------------
def test_coco_detection(coco):
    images, annotations = coco
    data = ds.CocoDataset(images, annotations(COCO_DETECTION), shuffle=False, extra_metadata=True)
    assert data.get_col_names() == ["image", "bbox", "category_id", "iscrowd", "_meta-filename"]
    # The images in the file's order, those without annotations left out.
    assert names(data) == ["000000000025", "000000000009", "000000000036", "000000000030"]
    got = rows(data)
    assert list(got[0]) == ["image", "bbox", "category_id", "iscrowd"]
    assert [r["bbox"].dtype for r in got] == [np.float32] * 4
    assert lists(got, "bbox") == [[[0.0, 0.0, 5.0, 5.0]],
                                  [[1.5, 2.0, 3.25, 4.0], [2.0, 2.0, 2.0, 2.0]],
                                  [[1.0, 1.0, 1.0, 1.0]], [[0.5, 0.5, 1.0, 1.0]]]
    assert lists(got, "category_id") == [[[1]], [[18], [3]], [[1]], [[18]]]
    assert lists(got, "iscrowd") == [[[1]], [[0], [0]], [[0]], [[0]]]
    assert got[1]["category_id"].dtype == np.uint32 and got[1]["iscrowd"].dtype == np.uint32
    with open(os.path.join(images, COCO_FILES[1]), "rb") as f:
        assert got[0]["image"].tobytes() == f.read()
    assert data.get_class_indexing() == {"person": [1], "dog": [18], "car": [3]}
    decoded = rows(ds.CocoDataset(images, annotations(COCO_DETECTION), shuffle=False, decode=True))
    assert [list(r["image"].shape) for r in decoded] == [[8, 10, 3], [7, 9, 3], [11, 13, 3],
                                                         [9, 11, 3]]
    assert [int(r["image"].sum(dtype=np.int64)) for r in decoded] == COCO_IMAGE_SUMS


COCO_IMAGE_SUMS = [29723, 23915, 52335, 39116]  # MindSpore 2.10


def test_coco_stuff_keypoint_panoptic_captioning(coco):
    images, annotations = coco
    stuff = ds.CocoDataset(images, annotations(COCO_DETECTION, None), task="Stuff", shuffle=False)
    assert stuff.get_col_names() == ["image", "segmentation", "iscrowd"]
    got = rows(stuff)
    # One row per polygon (a crowd's RLE counts as one), padded with -1.
    assert lists(got, "segmentation") == [
        [[1.0, 2.0, 3.0, 4.0]],
        [[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, -1.0, -1.0], [1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0],
         [5.0, 5.0, 6.0, 6.0, -1.0, -1.0, -1.0, -1.0]],
        [[7.0, 7.0, 8.0, 8.0]], [[1.0, 2.0, 3.0]]]
    assert lists(got, "iscrowd") == [[[1]], [[0], [0]], [[0]], [[0]]]

    keypoints = ds.CocoDataset(images, annotations(COCO_KEYPOINTS, None), task="Keypoint",
                               shuffle=False, extra_metadata=True)
    assert keypoints.get_col_names()[:3] == ["image", "keypoints", "num_keypoints"]
    assert names(keypoints) == ["000000000025", "000000000034"]
    got = rows(keypoints)
    assert lists(got, "keypoints") == [
        [[1.0, 2.0, 2.0, 3.0, 4.0, 1.0, 0.0, 0.0, 0.0], [5.0, 6.0, 2.0, -1.0, -1.0, -1.0, -1.0,
                                                         -1.0, -1.0]],
        [[1.5, 2.0, 2.0, 3.0, 4.0, 1.0, 7.0, 8.0, 2.0]]]
    assert lists(got, "num_keypoints") == [[[2], [1]], [[3]]]

    panoptic = ds.CocoDataset(images, annotations(COCO_PANOPTIC, COCO_PANOPTIC_CATEGORIES),
                              task="Panoptic", shuffle=False)
    assert panoptic.get_col_names() == ["image", "bbox", "category_id", "iscrowd", "area"]
    got = rows(panoptic)
    assert lists(got, "bbox") == [[[2.0, 2.0, 3.0, 3.0]],
                                  [[1.0, 2.0, 3.0, 4.0], [0.5, 1.0, 2.0, 2.5]]]
    assert lists(got, "category_id") == [[[18]], [[1], [184]]]
    assert lists(got, "iscrowd") == [[[0]], [[0], [1]]]
    assert lists(got, "area") == [[[9]], [[12], [5]]]  # uint32: 5.7 is 5
    assert got[1]["area"].dtype == np.uint32
    assert panoptic.get_class_indexing() == {"person": [1, 1], "tree": [184, 0], "dog": [18, 1]}

    captions = ds.CocoDataset(images, annotations(COCO_CAPTIONS, None), task="Captioning",
                              shuffle=False)
    assert captions.get_col_names() == ["image", "captions"]
    got = rows(captions)
    assert [r["captions"].shape for r in got] == [(1, 1), (2, 1)]
    assert lists(got, "captions") == [[["Two cars."]],
                                      [["A dog on a bed."], ["A sleeping dog, café."]]]
    for data in (stuff, keypoints, captions):
        with pytest.raises(NotImplementedError, match="Only 'Detection' and 'Panoptic' support"):
            data.get_class_indexing()


def test_coco_json_conversions(coco):
    images, annotations = coco
    base = {"id": 1, "image_id": 9, "category_id": 18, "iscrowd": 0, "bbox": [1, 2, 3, 4]}
    # Lists of different lengths are padded with -1; booleans are numbers; iscrowd defaults to 0.
    anns = [base, dict(base, id=2, bbox=[1, 2]), dict(base, id=3, bbox=[True, 2, 3, 4, 5, 6]),
            {k: v for k, v in base.items() if k != "iscrowd"}]
    (got,) = rows(ds.CocoDataset(images, annotations(anns), shuffle=False))
    assert got["bbox"].tolist() == [[1.0, 2.0, 3.0, 4.0, -1.0, -1.0], [1.0, 2.0, -1.0, -1.0, -1.0, -1.0],
                                    [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [1.0, 2.0, 3.0, 4.0, -1.0, -1.0]]
    assert got["iscrowd"].ravel().tolist() == [0, 0, 0, 0]
    # uint32 casts (-3.5 is 4294967293), a file name's stem up to its first dot.
    pan = [{"image_id": 30, "segments_info": [{"category_id": 1, "iscrowd": 0, "bbox": [1, 2],
                                               "area": -3.5}]}]
    (got,) = rows(ds.CocoDataset(images, annotations(pan, COCO_PANOPTIC_CATEGORIES),
                                 task="Panoptic", shuffle=False))
    assert got["area"].tolist() == [[4294967293]] and got["bbox"].tolist() == [[1.0, 2.0]]
    os.makedirs(os.path.join(images, "sub"))
    _jpeg(os.path.join(images, "sub", "a.b.jpg"), 5, 4, 99)
    data = ds.CocoDataset(images, annotations([dict(base, image_id=1)], image_list=[
        {"id": 1, "file_name": "sub/a.b.jpg"}]), shuffle=False, extra_metadata=True)
    assert names(data) == ["sub/a"]


def test_coco_seeded_orders(coco, seed):
    images, annotations = coco
    path = annotations(COCO_DETECTION)

    def epochs(**kw):
        data = ds.CocoDataset(images, path, extra_metadata=True, **kw)
        it = data.rename("_meta-filename", "f").project("f").create_tuple_iterator(
            num_epochs=2, output_numpy=True)
        return [[int(str(r[0])) for r in it] for _ in range(2)]

    seed(0)  # MindSpore 2.10's orders
    assert epochs() == [[25, 36, 9, 30], [36, 25, 9, 30]]
    assert epochs(num_shards=3, shard_id=2) == [[36, 25], [30, 9]]
    assert epochs(num_samples=3) == [[36, 36, 36], [9, 30, 36]]
    seed(5)
    assert epochs() == [[30, 25, 9, 36], [30, 25, 9, 36]]
    assert epochs(num_shards=3, shard_id=2) == [[36, 9], [30, 25]]
    assert epochs(num_samples=3) == [[25, 25, 30], [30, 30, 9]]


@pytest.mark.parametrize("anns, categories, task, message", [
    ([{"id": 1, "image_id": 99, "category_id": 18, "bbox": [1, 2, 3, 4]}], COCO_CATEGORIES,
     "Detection", "the attribute of 'image_id': 99 is missing in the node of 'image'"),
    ([{"id": 1, "image_id": 9, "category_id": 18}], COCO_CATEGORIES, "Detection",
     r"Invalid annotation, the attribute of 'bbox' is missing in annotation file: .*a.json\."),
    ([{"image_id": 9, "category_id": 18, "bbox": [1]}], COCO_CATEGORIES, "Detection",
     "the attribute of 'id' is missing"),
    ([{"id": 1, "image_id": 9, "category_id": -3, "bbox": [1]}], COCO_CATEGORIES, "Detection",
     "the attribute of 'category_id': 4294967293 is missing in the node of 'categories'"),
    ([{"id": 1, "image_id": 9, "category_id": 18, "bbox": ["1"]}], COCO_CATEGORIES, "Detection",
     r"\[json.exception.type_error.302\] type must be number, but is string"),
    ([], None, "Detection", "the attribute of 'categories' is missing"),
    ([], COCO_CATEGORIES, "Detection", "'CocoDataset' API can't read the data file"),
    (COCO_DETECTION, [{"id": 1}], "Detection",
     "the attribute of 'name' is missing in the node of 'categories' where 'id': 1"),
    (COCO_DETECTION, COCO_CATEGORIES, "Panoptic",
     "the attribute of 'isthing' is missing in the node of 'categories'"),
    (COCO_DETECTION, COCO_CATEGORIES, "Keypoint",
     r"the 'num_keypoint' node is missing in annotation file: .* where 'image_id': 1\."),
    (COCO_DETECTION, None, "Captioning", "the attribute of 'caption' is missing"),
    (COCO_KEYPOINTS, None, "Stuff", "the attribute of 'iscrowd' is missing"),
    ([{"image_id": 30, "segments_info": [{"category_id": 1}]}], COCO_PANOPTIC_CATEGORIES,
     "Panoptic", "the 'bbox' attribute is missing in the node of 'segments_info' where "
     "'image_id': 30"),
    ([{"image_id": 30}], COCO_PANOPTIC_CATEGORIES, "Panoptic",
     "the 'segments_info' node is missing in annotation file"),
])
def test_coco_annotation_errors(coco, anns, categories, task, message):
    images, annotations = coco
    with pytest.raises(RuntimeError, match="(?i)" + message):
        rows(ds.CocoDataset(images, annotations(anns, categories), task=task))


def test_coco_argument_and_file_errors(coco, tmp_path):
    images, annotations = coco
    path = annotations(COCO_DETECTION)
    with pytest.raises(ValueError, match="(?i)The folder .* does not exist"):
        ds.CocoDataset(str(tmp_path / "nope"), path)
    with pytest.raises(ValueError, match="(?i)The file .*nope.json does not exist"):
        ds.CocoDataset(images, str(tmp_path / "nope.json"))
    with pytest.raises(TypeError, match="path: None is not string"):
        ds.CocoDataset(images, None)
    with pytest.raises(ValueError, match="(?i)Invalid task type: Segmentation."):
        ds.CocoDataset(images, path, task="Segmentation")
    with pytest.raises(ValueError, match="CocoDataset doesn't support PKSampler"):
        ds.CocoDataset(images, path, sampler=ds.PKSampler(2))
    with pytest.raises(RuntimeError, match=r"(?i)sample ID \(7\) is out of bound"):
        rows(ds.CocoDataset(images, path, sampler=[7]))
    bad = tmp_path / "bad.json"
    bad.write_text('{"images": [')
    with pytest.raises(RuntimeError, match="(?i)Invalid annotation file, Coco Dataset annotation "
                                           "file:.*bad.json load failed"):
        rows(ds.CocoDataset(images, str(bad)))
    missing = annotations([{"id": 1, "image_id": 7, "category_id": 1, "bbox": [1]}],
                          image_list=[{"id": 7, "file_name": "nope.jpg"}])
    data = ds.CocoDataset(images, missing)
    assert data.get_dataset_size() == 1
    with pytest.raises(RuntimeError, match="(?i)Failed to open file: .*nope.jpg"):
        rows(data)
