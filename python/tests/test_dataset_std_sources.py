"""The readers of standard dataset files (``_text_sources.py``, ``_vision_sources.py``,
``_audio_sources.py``) on small synthetic copies of the datasets' layouts. Every expected value
was measured on MindSpore 2.10 with the same files (this file also runs there unchanged, with
``mindspore.dataset`` in place of ``easy_mindspore.dataset``); errors are checked by
MindSpore's classes and the words of its messages."""
import io
import os
import wave

import numpy as np
import pytest
from PIL import Image

try:
    from easy_mindspore import dataset as ds
except ImportError:  # on MindSpore 2.10 itself
    import mindspore.dataset as ds

TWO_CPUS = pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs 2 reading workers")


def _write(root, rel, data):
    path = os.path.join(str(root), *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)
    return path


def _rows(d):
    return [[v.tolist() for v in r] for r in d.create_tuple_iterator(output_numpy=True)]


def _png(value, h=2, w=3):
    b = io.BytesIO()
    Image.fromarray(np.full((h, w, 3), value, np.uint8)).save(b, "PNG")
    return b.getvalue()


def _wav(root, rel, samples, rate=8000):
    path = os.path.join(str(root), *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with wave.open(path, "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(rate)
        f.writeframes(np.asarray(samples, "<i2").tobytes())


# -- text ---------------------------------------------------------------------------------------
def test_ag_news_csv_fields_and_usages(tmp_path):
    _write(tmp_path, "train.csv", '"3","Wall St.","a, b\\n"\n"1","Q ""x""","two\nlines"\n'
                                  '"2",plain,unquoted\n')
    _write(tmp_path, "test.csv", '"4","T","body"\n"1","","empty"\n')
    d = ds.AGNewsDataset(str(tmp_path), usage="train", shuffle=False)
    assert d.get_col_names() == ["index", "title", "description"]
    assert _rows(d) == [["3", "Wall St.", "a, b\\n"], ["1", 'Q "x"', "two\nlines"],
                        ["2", "plain", "unquoted"]]
    assert d.get_dataset_size() == 3
    one = ds.AGNewsDataset(str(tmp_path), usage="all", shuffle=False, num_parallel_workers=1)
    assert [r[2] for r in _rows(one)] == ["body", "empty", "a, b\\n", "two\nlines", "unquoted"]
    # SogouNews reads train.csv first, AG News test.csv
    s = ds.SogouNewsDataset(str(tmp_path), usage="all", shuffle=False, num_parallel_workers=1)
    assert [r[0] for r in _rows(s)] == ["3", "1", "2", "4", "1"]


@TWO_CPUS
def test_two_workers_interleave_the_files(tmp_path):
    _write(tmp_path, "train.csv", '"3","a","b"\n"1","c","d"\n"2","e","f"\n')
    _write(tmp_path, "test.csv", '"4","g","h"\n"1","i","j"\n')
    d = ds.DBpediaDataset(str(tmp_path), shuffle=False, num_parallel_workers=2)
    assert d.get_col_names() == ["class", "title", "content"]
    assert [r[1] for r in _rows(d)] == ["g", "a", "i", "c", "e"]
    _write(tmp_path, "ptb.test.txt", "a1\na2\na3\na4\na5\n")
    _write(tmp_path, "ptb.train.txt", "b1\nb2\n")
    _write(tmp_path, "ptb.valid.txt", "c1\nc2\nc3\n")
    p = ds.PennTreebankDataset(str(tmp_path), shuffle=False, num_parallel_workers=2)
    assert [r[0] for r in _rows(p)] == ["a1", "b1", "a2", "b2", "a3", "a4", "a5", "c1", "c2", "c3"]
    shards = [[r[0] for r in _rows(ds.PennTreebankDataset(
        str(tmp_path), shuffle=False, num_parallel_workers=2, num_shards=3, shard_id=k))]
        for k in range(3)]
    assert shards == [["a1", "a2", "a3", "a4"], ["a5", "b1", "c1", "b2"], ["c2", "a1", "c3", "a2"]]
    n = ds.PennTreebankDataset(str(tmp_path), shuffle=False, num_parallel_workers=2,
                               num_shards=4, shard_id=1, num_samples=2)
    assert _rows(n) == [["a4"], ["b1"]]


def test_text_line_datasets(tmp_path):
    _write(tmp_path, "ptb.test.txt", "a1\na2\na3\na4\na5\n")
    _write(tmp_path, "ptb.train.txt", "b1\n\nb2\n")
    _write(tmp_path, "ptb.valid.txt", "c1\nc2\nc3\n")
    one = ds.PennTreebankDataset(str(tmp_path), shuffle=False, num_parallel_workers=1)
    assert [r[0] for r in _rows(one)] == ["a1", "a2", "a3", "a4", "a5", "b1", "b2", "c1", "c2",
                                          "c3"]
    shards = [[r[0] for r in _rows(ds.PennTreebankDataset(
        str(tmp_path), shuffle=False, num_parallel_workers=1, num_shards=3, shard_id=k))]
        for k in range(3)]
    assert shards == [["a1", "a2", "a3", "a4"], ["a5", "b1", "b2", "c1"], ["c2", "c3", "a1", "a2"]]
    assert _rows(ds.PennTreebankDataset(str(tmp_path), usage="train", shuffle=False)) == \
        [["b1"], ["b2"]]
    _write(tmp_path, "wiki.test.tokens", "x\n\n   \ny\n")
    w = ds.WikiTextDataset(str(tmp_path), usage="test", shuffle=False)
    assert _rows(w) == [["x"], ["   "], ["y"]]
    empty = ds.WikiTextDataset(str(tmp_path), usage="train", shuffle=False)
    assert empty.get_dataset_size() == 0
    with pytest.raises(RuntimeError, match="can't read the data file"):
        _rows(empty)
    _write(tmp_path, "enwik9", "<m>\n  <p>\n\n t\n</m>")
    e = ds.EnWik9Dataset(str(tmp_path), shuffle=False)
    assert _rows(e) == [["<m>"], ["  <p>"], [""], [" t"], ["</m>"]]


def test_multi30k_sst2_squad(tmp_path):
    _write(tmp_path, "training/train.de", "Zwei Männer.\nEin Hund.\n")
    _write(tmp_path, "training/train.en", "Two men.\nA dog.\n")
    _write(tmp_path, "mmt16_task1_test/test.de", "Test de\n")
    _write(tmp_path, "mmt16_task1_test/test.en", "Test en\n")
    with pytest.raises(RuntimeError, match="is invalid or does not exist"):
        ds.Multi30kDataset(str(tmp_path)).get_col_names()  # every file of 'all' is needed
    _write(tmp_path, "validation/val.de", "Val de\n")
    _write(tmp_path, "validation/val.en", "Val en\n")
    m = ds.Multi30kDataset(str(tmp_path), shuffle=False, num_parallel_workers=1)
    assert m.get_col_names() == ["text", "translation"]
    assert _rows(m) == [["Test en", "Test de"], ["Two men.", "Zwei Männer."],
                        ["A dog.", "Ein Hund."], ["Val en", "Val de"]]
    de = ds.Multi30kDataset(str(tmp_path), usage="train", language_pair=["de", "en"], shuffle=False)
    assert _rows(de)[0] == ["Zwei Männer.", "Two men."]
    _write(tmp_path, "train.tsv", "sentence\tlabel\nhide new \t0\nthat loves \t1\n")
    _write(tmp_path, "test.tsv", "index\tsentence\n0\tuneasy mishmash\n")
    s = ds.SST2Dataset(str(tmp_path), shuffle=False)
    assert s.get_col_names() == ["sentence", "label"] and _rows(s) == [["hide new ", "0"],
                                                                         ["that loves ", "1"]]
    t = ds.SST2Dataset(str(tmp_path), usage="test", shuffle=False)
    assert t.get_col_names() == ["sentence"] and _rows(t) == [["uneasy mishmash"]]
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.SST2Dataset(str(tmp_path), usage="all")
    squad = ('{"version": "1.1", "data": [{"title": "T", "paragraphs": [{"context": "c one.", '
             '"qas": [{"answers": [{"answer_start": 3, "text": "on"}, {"answer_start": 2, '
             '"text": "one"}], "question": "q1?", "id": "a"}, {"answers": [], "question": '
             '"q2?", "id": "b", "is_impossible": true}]}]}]}')
    _write(tmp_path, "train-v1.1.json", squad)
    q = ds.SQuADDataset(str(tmp_path), usage="train", shuffle=False)
    assert q.get_col_names() == ["context", "question", "text", "answer_start"]
    rows = list(q.create_tuple_iterator(output_numpy=True))
    assert rows[0][3].dtype == np.uint32 and rows[0][2].shape == (2,)
    assert [[v.tolist() for v in r] for r in rows] == [
        ["c one.", "q1?", ["on", "one"], [3, 2]], ["c one.", "q2?", [""], [4294967295]]]


def test_tagged_sentences(tmp_path):
    _write(tmp_path, "train.txt", "Confidence NN B-NP\nin IN B-PP\n\nChancellor NNP O\n\n")
    _write(tmp_path, "test.txt", "Rockwell NNP B-NP\n\n")
    c = ds.CoNLL2000Dataset(str(tmp_path), shuffle=False, num_parallel_workers=1)
    assert c.get_col_names() == ["word", "pos_tag", "chunk_tag"]
    assert _rows(c) == [[["Rockwell"], ["NNP"], ["B-NP"]],
                        [["Confidence", "in"], ["NN", "IN"], ["B-NP", "B-PP"]],
                        [["Chancellor"], ["NNP"], ["O"]]]
    _write(tmp_path, "en-ud-tag.v2.dev.txt", "From\tADP\tIN\n\n")
    _write(tmp_path, "en-ud-tag.v2.train.txt", "Al\tPROPN\tNNP\n-\tPUNCT\tHYPH\n\n")
    with pytest.raises(RuntimeError, match="does not exist"):  # every file of 'all' is needed
        _rows(ds.UDPOSDataset(str(tmp_path), shuffle=False))
    _write(tmp_path, "en-ud-tag.v2.test.txt", "What\tPRON\tWP\n\n")
    u = ds.UDPOSDataset(str(tmp_path), shuffle=False, num_parallel_workers=1)
    assert u.get_col_names() == ["word", "universal", "stanford"]
    assert _rows(u) == [[["From"], ["ADP"], ["IN"]], [["What"], ["PRON"], ["WP"]],
                        [["Al", "-"], ["PROPN", "PUNCT"], ["NNP", "HYPH"]]]
    _write(tmp_path, "en-ud-tag.v2.test.txt", "What PRON WP\n\n")  # MindSpore wants tabs
    with pytest.raises(RuntimeError, match="each line should contain"):
        _rows(ds.UDPOSDataset(str(tmp_path), usage="test", shuffle=False))


def test_imdb(tmp_path):
    _write(tmp_path, "train/pos/0_9.txt", "Great.<br />Yes.")
    _write(tmp_path, "train/pos/10_7.txt", "first line\nlast line\n\n")
    _write(tmp_path, "train/neg/0_3.txt", "bad")
    _write(tmp_path, "train/unsup/0_0.txt", "unsup")
    _write(tmp_path, "test/pos/0_10.txt", "x\r\ny\r\n")
    _write(tmp_path, "test/neg/0_2.txt", "test neg")
    d = ds.IMDBDataset(str(tmp_path), shuffle=False)
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.int32
    assert [[v.tolist() for v in r] for r in rows] == [
        ["Great.<br />Yes.", 1], ["last line", 1], ["bad", 0], ["y\r", 1], ["test neg", 0]]
    assert ds.IMDBDataset(str(tmp_path), usage="test", shuffle=False).get_dataset_size() == 2
    with pytest.raises(RuntimeError, match="sampler and shuffle cannot be specified"):
        ds.IMDBDataset(str(tmp_path), shuffle=False, sampler=[0])
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.IMDBDataset(str(tmp_path), usage="unsup")


def test_text_argument_errors(tmp_path):
    missing = str(tmp_path / "nope")
    for cls in (ds.AGNewsDataset, ds.PennTreebankDataset, ds.IMDBDataset, ds.SQuADDataset):
        with pytest.raises(ValueError, match="does not exist or is not a directory"):
            cls(missing)
    with pytest.raises(ValueError, match=r"valid set of \['train', 'valid', 'test', 'all'\]"):
        ds.WikiTextDataset(str(tmp_path), usage="dev")
    with pytest.raises(TypeError, match="shuffle must be of boolean or enum"):
        ds.PennTreebankDataset(str(tmp_path), shuffle="x")
    with pytest.raises(RuntimeError, match="num_shards is specified and currently requires"):
        ds.PennTreebankDataset(str(tmp_path), num_shards=2)
    with pytest.raises(RuntimeError, match="shard_id is specified but num_shards is not"):
        ds.AGNewsDataset(str(tmp_path), shard_id=0)
    with pytest.raises(ValueError, match=r"shard_id is not within the required interval"):
        ds.YelpReviewDataset(str(tmp_path), num_shards=2, shard_id=2)
    with pytest.raises(TypeError, match="(?i)argument usage with value 3 is not of type"):
        ds.PennTreebankDataset(str(tmp_path), usage=3)
    with pytest.raises(RuntimeError, match="can't read the data file"):
        _rows(ds.AGNewsDataset(str(tmp_path)))


# -- vision -------------------------------------------------------------------------------------
def test_caltech_folders(tmp_path):
    for k, c in enumerate(("001.ak47", "002.american-flag", "257.clutter")):
        _write(tmp_path, f"c256/{c}/{c[:3]}_0002.jpg", _png(10 * k + 2))
        _write(tmp_path, f"c256/{c}/{c[:3]}_0001.jpg", _png(10 * k + 1))
    _write(tmp_path, "c256/002.american-flag/notes.txt", "x")
    d = ds.Caltech256Dataset(str(tmp_path / "c256"), decode=True, shuffle=False)
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.int32 and rows[0][0].shape == (2, 3, 3)
    assert [(int(r[0][0, 0, 0]), int(r[1])) for r in rows] == [
        (1, 0), (2, 0), (11, 1), (12, 1), (21, 2), (22, 2)]
    for k, c in enumerate(("Faces", "Faces_easy", "airplanes", "BACKGROUND_Google")):
        _write(tmp_path, f"c101/101_ObjectCategories/{c}/image_0001.jpg", _png(k))
    c = ds.Caltech101Dataset(str(tmp_path / "c101"), decode=True, shuffle=False)
    assert c.get_col_names() == ["image", "category"]
    rows = list(c.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.int64
    assert [(int(r[0][0, 0, 0]), int(r[1])) for r in rows] == [(0, 0), (1, 1), (2, 2)]
    with pytest.raises(ValueError, match="Input target_type is not within the valid set"):
        ds.Caltech101Dataset(str(tmp_path / "c101"), target_type="x")


def test_celeba(tmp_path):
    for i in range(1, 5):
        _write(tmp_path, f"{i:06d}.jpg", _png(i))
    _write(tmp_path, "list_attr_celeba.txt", "4\nA B C\n000001.jpg  1 -1 -1\n"
                                             "000002.jpg -1 -1  1\n000003.jpg -1 -1 -1\n"
                                             "000004.jpg -1  1 -1\n")
    _write(tmp_path, "list_eval_partition.txt", "000001.jpg 0\n000002.jpg 1\n000003.jpg 2\n"
                                                "000004.jpg 0\n")
    d = ds.CelebADataset(str(tmp_path), shuffle=False, decode=True)
    assert d.get_col_names() == ["image", "attr"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.uint32
    assert [(int(r[0][0, 0, 0]), r[1].tolist()) for r in rows] == [
        (1, [1, 0, 0]), (2, [0, 0, 1]), (3, [0, 0, 0]), (4, [0, 1, 0])]
    train = ds.CelebADataset(str(tmp_path), usage="train", shuffle=False)
    assert [r[1] for r in _rows(train)] == [[1, 0, 0], [0, 1, 0]]
    assert ds.CelebADataset(str(tmp_path), usage="valid", shuffle=False).get_dataset_size() == 1
    with pytest.raises(ValueError, match="usage should be 'all', 'train', 'valid' or 'test'"):
        ds.CelebADataset(str(tmp_path), usage="bad")


def test_stl10_usps_semeion(tmp_path):
    x = (np.arange(2 * 3 * 96 * 96) % 251).astype(np.uint8)
    _write(tmp_path, "train_X.bin", x.tobytes())
    _write(tmp_path, "train_y.bin", bytes([3, 10]))
    _write(tmp_path, "unlabeled_X.bin", x[:3 * 96 * 96].tobytes())
    d = ds.STL10Dataset(str(tmp_path), usage="train+unlabeled", shuffle=False)
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][0].shape == (96, 96, 3) and rows[0][1].dtype == np.int32
    assert [int(r[1]) for r in rows] == [2, 9, -1]
    # each plane is column-major: pixel (row, col) of plane c is byte c * 9216 + col * 96 + row
    assert rows[0][0][0, 0].tolist() == [0, 180, 109] and rows[0][0][1, 0].tolist() == [1, 181, 110]
    assert rows[0][0][0, 1].tolist() == [96, 25, 205]
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.STL10Dataset(str(tmp_path), usage="valid")
    values = [-1.0, 1.0, 0.0, 0.897299, -0.376337] + [0.5] * 251
    line = " ".join(f"{j + 1}:{v:.6f}" for j, v in enumerate(values)) + " \n"
    _write(tmp_path, "usps", "3 " + line + "10 " + line)
    _write(tmp_path, "usps.t", "1 " + line)
    u = ds.USPSDataset(str(tmp_path), shuffle=False, num_parallel_workers=1)
    rows = list(u.create_tuple_iterator(output_numpy=True))
    assert rows[0][0].shape == (16, 16, 1) and rows[0][1].dtype == np.uint32
    assert [int(r[1]) for r in rows] == [2, 9, 0]
    assert rows[0][0][0, :6, 0].tolist() == [0, 255, 127, 241, 79, 191]
    bits = [(k * 7) % 3 % 2 for k in range(256)]
    rec = " ".join(f"{b:.4f}" for b in bits) + " 0 0 0 1 0 0 0 0 0 0 \n"
    _write(tmp_path, "semeion.data", rec + rec.replace(" 0 0 0 1 0", " 0 1 0 0 0"))
    s = ds.SemeionDataset(str(tmp_path), shuffle=False)
    rows = list(s.create_tuple_iterator(output_numpy=True))
    assert rows[0][0].shape == (16, 16) and rows[0][0].dtype == np.uint8
    assert rows[0][0][0, :6].tolist() == [0, 1, 0, 0, 1, 0] and rows[0][1].dtype == np.uint32
    assert [int(r[1]) for r in rows] == [3, 1]


def test_sbu_food101_sun397_omniglot(tmp_path):
    _write(tmp_path, "sbu/SBU_captioned_photo_dataset_urls.txt",
           "http://static.flickr.com/2723/4385058960_b0f291553e.jpg\n"
           "http://static.flickr.com/3/m_2.jpg\nhttp://static.flickr.com/3/m_3.jpg\n")
    _write(tmp_path, "sbu/SBU_captioned_photo_dataset_captions.txt",
           "a man on a horse \nmissing image\nthird caption\n")
    _write(tmp_path, "sbu/sbu_images/m_2723_4385058960_b0f291553e.jpg", _png(5))
    _write(tmp_path, "sbu/sbu_images/m_3_m_3.jpg", _png(6))
    s = ds.SBUDataset(str(tmp_path / "sbu"), decode=True, shuffle=False)
    assert s.get_col_names() == ["image", "caption"]
    assert [(int(r[0][0][0][0]), r[1]) for r in _rows(s)] == [(5, "a man on a horse"),
                                                               (6, "third caption")]
    for k, name in enumerate(("apple_pie/1005649", "apple_pie/1014775", "ribs/1005293")):
        _write(tmp_path, f"food/images/{name}.jpg", _png(k))
    _write(tmp_path, "food/meta/train.txt", "apple_pie/1014775\nribs/1005293\n")
    _write(tmp_path, "food/meta/test.txt", "apple_pie/1005649\n")
    f = ds.Food101Dataset(str(tmp_path / "food"), decode=True, shuffle=False)
    assert [(int(r[0][0][0][0]), r[1]) for r in _rows(f)] == [(1, "apple_pie"), (2, "ribs"),
                                                               (0, "apple_pie")]
    _write(tmp_path, "sun/ClassName.txt", "/a/abbey\n/b/balcony/exterior\n/a/apartment/outdoor\n")
    for k, c in enumerate(("a/abbey", "b/balcony/exterior", "a/apartment/outdoor")):
        _write(tmp_path, f"sun/{c}/sun_b.jpg", _png(10 * k + 2))
        _write(tmp_path, f"sun/{c}/sun_a.jpg", _png(10 * k + 1))
    sun = ds.SUN397Dataset(str(tmp_path / "sun"), decode=True, shuffle=False)
    rows = list(sun.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.uint32
    assert [(int(r[0][0, 0, 0]), int(r[1])) for r in rows] == [
        (1, 0), (2, 0), (21, 2), (22, 2), (11, 1), (12, 1)]
    for s_, base in (("images_background", 0), ("images_evaluation", 100)):
        for a in ("Alphabet_B", "Alphabet_A"):
            for ch in ("character02", "character01"):
                v = base + 10 * (a == "Alphabet_B") + (ch == "character02")
                _write(tmp_path, f"omni/{s_}/{a}/{ch}/1_01.png", _png(v))
    o = ds.OmniglotDataset(str(tmp_path / "omni"), decode=True, shuffle=False)
    rows = list(o.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.int32
    assert [(int(r[0][0, 0, 0]), int(r[1])) for r in rows] == [(0, 0), (1, 1), (10, 2), (11, 3)]
    e = ds.OmniglotDataset(str(tmp_path / "omni"), background=False, decode=True, shuffle=False)
    assert [int(r[0][0][0][0]) for r in _rows(e)] == [100, 101, 110, 111]


# -- audio --------------------------------------------------------------------------------------
def test_yesno_ljspeech(tmp_path):
    _wav(tmp_path, "yesno/1_0_0_0_1_1_0_0.wav", [-32768, 32767, 100])
    _wav(tmp_path, "yesno/0_1_0_0_1_0_1_1.wav", [0, 16384])
    _write(tmp_path, "yesno/readme.txt", "x")
    d = ds.YesNoDataset(str(tmp_path / "yesno"), shuffle=False)
    assert d.get_col_names() == ["waveform", "sample_rate", "label"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][0].dtype == np.float32 and rows[0][1].dtype == np.int32
    assert rows[0][0].shape == (1, 2) and rows[1][2].dtype == np.int32
    assert rows[0][0].tolist() == [[0.0, 0.5000152587890625]]
    assert rows[1][0].tolist() == [[-1.000030517578125, 1.0, 0.0030518509447574615]]
    assert [r[2].tolist() for r in rows] == [[0, 1, 0, 0, 1, 0, 1, 1], [1, 0, 0, 0, 1, 1, 0, 0]]
    assert int(rows[0][1]) == 8000
    _write(tmp_path, "ljs/metadata.csv", "LJ001-0002|in being modern.|in being modern.\n"
                                         "LJ001-0001|Printing, 1st|Printing, first\n")
    _wav(tmp_path, "ljs/wavs/LJ001-0001.wav", [1, 2, 3], 22050)
    _wav(tmp_path, "ljs/wavs/LJ001-0002.wav", [4], 22050)
    lj = ds.LJSpeechDataset(str(tmp_path / "ljs"), shuffle=False)
    assert lj.get_col_names() == ["waveform", "sample_rate", "transcription",
                                  "normalized_transcription"]
    assert [(r[0][0].shape, r[1], r[2], r[3]) for r in
            ([v.tolist() if i else v for i, v in enumerate(row)] for row in
             lj.create_tuple_iterator(output_numpy=True))] == [
        ((1,), 22050, "in being modern.", "in being modern."),
        ((3,), 22050, "Printing, 1st", "Printing, first")]


def test_speech_commands_cmu_arctic(tmp_path):
    for lab, f in (("cat", "b433eff_nohash_0"), ("cat", "5a33edf_nohash_1"),
                   ("dog", "b433w2w_nohash_0"), ("_background_noise_", "white_noise")):
        _wav(tmp_path, f"sc/{lab}/{f}.wav", [7], 16000)
    _write(tmp_path, "sc/validation_list.txt", "cat/5a33edf_nohash_1.wav\n")
    _write(tmp_path, "sc/testing_list.txt", "dog/b433w2w_nohash_0.wav\n")
    s = ds.SpeechCommandsDataset(str(tmp_path / "sc"), shuffle=False)
    assert s.get_col_names() == ["waveform", "sample_rate", "label", "speaker_id",
                                 "utterance_number"]
    rows = list(s.create_tuple_iterator(output_numpy=True))
    assert rows[0][4].dtype == np.int32 and rows[0][1].dtype == np.int32
    assert [[v.tolist() for v in r[2:]] for r in rows] == [
        ["cat", "5a33edf", 1], ["cat", "b433eff", 0], ["dog", "b433w2w", 0]]
    for usage, speaker in (("train", "b433eff"), ("valid", "5a33edf"), ("test", "b433w2w")):
        rows = _rows(ds.SpeechCommandsDataset(str(tmp_path / "sc"), usage=usage, shuffle=False))
        assert [r[3] for r in rows] == [speaker]
    _write(tmp_path, "cmu/cmu_us_aew_arctic/etc/txt.done.data",
           '( arctic_a0001 "Author of the trail, etc." )\n( arctic_a0002 "Not at all." )\n')
    _wav(tmp_path, "cmu/cmu_us_aew_arctic/wav/arctic_a0001.wav", [1, 2], 16000)
    _wav(tmp_path, "cmu/cmu_us_aew_arctic/wav/arctic_a0002.wav", [3], 16000)
    c = ds.CMUArcticDataset(str(tmp_path / "cmu"), shuffle=False)
    rows = list(c.create_tuple_iterator(output_numpy=True))
    assert c.get_col_names() == ["waveform", "sample_rate", "transcript", "utterance_id"]
    assert rows[0][1].dtype == np.uint32
    assert [(r[0].shape, r[2].tolist(), r[3].tolist()) for r in rows] == [
        ((1, 2), "Author of the trail, etc.", "a0001"), ((1, 1), "Not at all.", "a0002")]
    with pytest.raises(ValueError, match="Input name is not within the valid set"):
        ds.CMUArcticDataset(str(tmp_path / "cmu"), name="xyz")


def test_random_access_sources_shuffle_and_shard_as_mindspore(tmp_path):
    for k, c in enumerate(("001.a", "002.b", "003.c")):
        for j in (1, 2):
            _write(tmp_path, f"{c}/{j}.jpg", _png(10 * k + j))
    seed = ds.config.get_seed()
    ds.config.set_seed(5)
    try:
        d = ds.Caltech256Dataset(str(tmp_path), decode=True)
        shuffled = [int(r[0][0][0][0]) for r in _rows(d)]
        shard = ds.Caltech256Dataset(str(tmp_path), decode=True, num_shards=4, shard_id=1)
        sharded = [int(r[0][0][0][0]) for r in _rows(shard)]
    finally:
        ds.config.set_seed(seed)
    assert sorted(shuffled) == [1, 2, 11, 12, 21, 22] and len(sharded) == 2
    first = ds.Caltech256Dataset(str(tmp_path), decode=True, sampler=ds.SequentialSampler(2, 3))
    assert [int(r[0][0][0][0]) for r in _rows(first)] == [11, 12, 21]
    unshuffled = ds.Caltech256Dataset(str(tmp_path), decode=True, num_shards=4, shard_id=1,
                                      shuffle=False)
    assert [int(r[0][0][0][0]) for r in _rows(unshuffled)] == [2, 22]
