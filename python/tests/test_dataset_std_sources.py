"""The readers of standard dataset files (``_text_sources.py``, ``_vision_sources.py``,
``_audio_sources.py``, ``_more_vision_sources.py``) on small synthetic copies of the datasets'
layouts. Every expected value was measured on MindSpore 2.10 with the same files (this file
also runs there unchanged, with ``mindspore.dataset`` in place of ``easy_mindspore.dataset``);
errors are checked by MindSpore's classes and the words of its messages."""
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


# -- more readers (_more_vision_sources.py, GTZAN and LibriTTS) -----------------------------------
def test_gtzan_fixed_splits_and_libritts(tmp_path):
    for g, k in (("blues", 0), ("blues", 12), ("classical", 99), ("disco", 1), ("rock", 100)):
        _wav(tmp_path, f"gtzan/{g}/{g}.{k:05d}.wav", [k, -k], 22050)
    _wav(tmp_path, "gtzan/blues/notes.wav", [1], 22050)
    _wav(tmp_path, "gtzan/other/other.00000.wav", [1], 22050)
    g = str(tmp_path / "gtzan")
    d = ds.GTZANDataset(g, usage="train", shuffle=False)
    assert d.get_col_names() == ["waveform", "sample_rate", "label"]
    rows = list(d.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.uint32 and rows[0][0].shape == (1, 2)
    assert [(r[2].tolist(), round(float(r[0][0, 0]) * 32767)) for r in rows] == [("classical", 99)]
    for usage, want in (("valid", [("blues", 0)]), ("test", [("blues", 12), ("disco", 1)])):
        rows = _rows(ds.GTZANDataset(g, usage=usage, shuffle=False))
        assert [(r[2], round(r[0][0][0] * 32767)) for r in rows] == want
    every = sorted((r[2], round(r[0][0][0] * 32767)) for r in _rows(ds.GTZANDataset(g)))
    assert every == [("blues", 0), ("blues", 12), ("classical", 99), ("disco", 1), ("rock", 100)]
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.GTZANDataset(g, usage="dev")
    tsv = "19_198_000003_000000\tOrig, \"a\"!\tnorm a\n19_198_000001_000001\tSecond.\tsecond\n"
    _write(tmp_path, "libri/dev-clean/19/198/19_198.trans.tsv", tsv)
    _wav(tmp_path, "libri/dev-clean/19/198/19_198_000003_000000.wav", [3], 24000)
    _wav(tmp_path, "libri/dev-clean/19/198/19_198_000001_000001.wav", [1, 2], 24000)
    _write(tmp_path, "libri/test-clean/7/8/7_8.trans.tsv", "7_8_000001_000000\tT\tt\n")
    _wav(tmp_path, "libri/test-clean/7/8/7_8_000001_000000.wav", [5], 24000)
    lt = ds.LibriTTSDataset(str(tmp_path / "libri"), shuffle=False)
    assert lt.get_col_names() == ["waveform", "sample_rate", "original_text", "normalized_text",
                                  "speaker_id", "chapter_id", "utterance_id"]
    rows = list(lt.create_tuple_iterator(output_numpy=True))
    assert [rows[0][k].dtype for k in (1, 4, 5)] == [np.uint32] * 3
    assert [[len(r[0][0])] + [v.tolist() for v in r[1:]] for r in rows] == [
        [1, 24000, 'Orig, "a"!', "norm a", 19, 198, "19_198_000003_000000"],
        [2, 24000, "Second.", "second", 19, 198, "19_198_000001_000001"],
        [1, 24000, "T", "t", 7, 8, "7_8_000001_000000"]]
    assert ds.LibriTTSDataset(str(tmp_path / "libri"), usage="test-clean").get_dataset_size() == 1
    with pytest.raises(RuntimeError, match="no valid data"):
        _rows(ds.LibriTTSDataset(str(tmp_path / "libri"), usage="train-clean-100"))


def test_places365_lfw_flickr(tmp_path):
    _write(tmp_path, "p/categories_places365.txt", "/a/airfield 0\n/b/badlands 1\n")
    _write(tmp_path, "p/places365_train_standard.txt", "/b/badlands/2.jpg 1\n/a/airfield/1.jpg 0\n")
    _write(tmp_path, "p/places365_val.txt", "Places365_val_00000001.jpg 1\n")
    for folder, v in (("data_256_standard", 0), ("data_large_standard", 100)):
        _write(tmp_path, f"p/{folder}/a/airfield/1.jpg", _png(v + 1))
        _write(tmp_path, f"p/{folder}/b/badlands/2.jpg", _png(v + 2))
    _write(tmp_path, "p/val_256/Places365_val_00000001.jpg", _png(50))
    p = ds.Places365Dataset(str(tmp_path / "p"), decode=True, shuffle=False)
    rows = list(p.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.uint32
    assert [(int(r[0][0, 0, 0]), int(r[1])) for r in rows] == [(2, 1), (1, 0)]
    large = ds.Places365Dataset(str(tmp_path / "p"), small=False, decode=True, shuffle=False)
    assert [r[0][0][0][0] for r in _rows(large)] == [102, 101]
    val = ds.Places365Dataset(str(tmp_path / "p"), usage="val", decode=True, shuffle=False)
    assert [(r[0][0][0][0], r[1]) for r in _rows(val)] == [(50, 1)]
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.Places365Dataset(str(tmp_path / "p"), usage="train")
    with pytest.raises(RuntimeError, match="places365_train_challenge.txt"):
        _rows(ds.Places365Dataset(str(tmp_path / "p"), usage="train-challenge"))

    _write(tmp_path, "lfw/lfw-names.txt", "Zed_Z\t2\nAaron_A\t1\n")
    for k, (name, count) in enumerate((("Zed_Z", 2), ("Aaron_A", 1))):
        for i in range(1, count + 1):
            _write(tmp_path, f"lfw/lfw_funneled/{name}/{name}_{i:04d}.jpg", _png(10 * k + i))
            _write(tmp_path, f"lfw/lfw/{name}/{name}_{i:04d}.jpg", _png(100 + 10 * k + i))
    _write(tmp_path, "lfw/peopleDevTrain.txt", "1\nAaron_A\t1\n")
    _write(tmp_path, "lfw/peopleDevTest.txt", "1\nZed_Z\t2\n")
    _write(tmp_path, "lfw/pairsDevTrain.txt", "1\nZed_Z\t1\t2\nZed_Z\t2\tAaron_A\t1\n")
    lfw = str(tmp_path / "lfw")
    d = ds.LFWDataset(lfw, decode=True, shuffle=False)
    assert d.get_col_names() == ["image", "label"]
    assert [(r[0][0][0][0], r[1]) for r in _rows(d)] == [(11, 1), (1, 0), (2, 0)]
    orig = ds.LFWDataset(lfw, usage="train", image_set="original", decode=True, shuffle=False)
    assert [r[0][0][0][0] for r in _rows(orig)] == [111]
    pairs = ds.LFWDataset(lfw, task="pairs", usage="train", decode=True, shuffle=False)
    assert pairs.get_col_names() == ["image1", "image2", "label"]
    assert [(r[0][0][0][0], r[1][0][0][0], r[2]) for r in _rows(pairs)] == [(1, 2, 1), (2, 11, 0)]
    with pytest.raises(ValueError, match="Input task is not within the valid set"):
        ds.LFWDataset(lfw, task="faces")

    _write(tmp_path, "fl/ann.txt", "b.jpg#0\tB0\na.jpg#1\tA1\na.jpg#0\tA0\nb.jpg#1\tB1\n\n")
    _write(tmp_path, "fl/img/a.jpg", _png(1))
    _write(tmp_path, "fl/img/b.jpg", _png(2))
    f = ds.FlickrDataset(str(tmp_path / "fl/img"), str(tmp_path / "fl/ann.txt"), decode=True,
                         shuffle=False)
    assert f.get_col_names() == ["image", "annotation"]
    assert [(r[0][0][0][0], r[1]) for r in _rows(f)] == [(1, ["A1", "A0"]), (2, ["B0", "B1"])]
    with pytest.raises(ValueError, match="does not exist or permission denied"):
        ds.FlickrDataset(str(tmp_path / "fl/img"), str(tmp_path / "fl/none.txt"))


def test_div2k_wider_face_kitti(tmp_path):
    for i, v in (("0002", 2), ("0001", 1)):
        _write(tmp_path, f"div/DIV2K_train_HR/{i}.png", _png(v, 4, 4))
        _write(tmp_path, f"div/DIV2K_train_LR_bicubic/X2/{i}x2.png", _png(v + 10))
        _write(tmp_path, f"div/DIV2K_train_LR_mild/{i}x4m.png", _png(v + 20, 1, 1))
    d = ds.DIV2KDataset(str(tmp_path / "div"), decode=True, shuffle=False)
    assert d.get_col_names() == ["hr_image", "lr_image"]
    assert [(r[0].shape, r[1].shape, int(r[0][0, 0, 0]), int(r[1][0, 0, 0]))
            for r in d.create_tuple_iterator(output_numpy=True)] == [
        ((4, 4, 3), (2, 3, 3), 1, 11), ((4, 4, 3), (2, 3, 3), 2, 12)]
    mild = ds.DIV2KDataset(str(tmp_path / "div"), downgrade="mild", scale=4, decode=True,
                           shuffle=False)
    assert [r[1][0][0][0] for r in _rows(mild)] == [21, 22]
    with pytest.raises(ValueError, match="scale equal to 8 is allowed only in bicubic"):
        ds.DIV2KDataset(str(tmp_path / "div"), downgrade="unknown", scale=8)
    with pytest.raises(ValueError, match="mild downgrade requires scale equal to 4"):
        ds.DIV2KDataset(str(tmp_path / "div"), downgrade="mild")
    with pytest.raises(TypeError, match="(?i)argument usage with value None is not of type"):
        ds.DIV2KDataset(str(tmp_path / "div"), usage=None)

    _write(tmp_path, "w/wider_face_split/wider_face_train_bbx_gt.txt",
           "1--Hand/1_Hand_2.jpg\n2\n1 2 3 4 2 1 1 0 1 2 \n5 6 7 8 1 0 0 1 2 0 \n"
           "0--Parade/0_Parade_3.jpg\n0\n0 0 0 0 0 0 0 0 0 0 \n")
    _write(tmp_path, "w/WIDER_train/images/1--Hand/1_Hand_2.jpg", _png(2))
    _write(tmp_path, "w/WIDER_train/images/0--Parade/0_Parade_3.jpg", _png(3))
    _write(tmp_path, "w/WIDER_train/images/10--People/10_People_9.jpg", _png(9))
    _write(tmp_path, "w/WIDER_test/images/0--Parade/0_Parade_5.jpg", _png(5))
    w = ds.WIDERFaceDataset(str(tmp_path / "w"), usage="train", decode=True, shuffle=False)
    assert w.get_col_names() == ["image", "bbox", "blur", "expression", "illumination",
                                 "occlusion", "pose", "invalid"]
    rows = list(w.create_tuple_iterator(output_numpy=True))
    assert rows[0][1].dtype == np.int32 and rows[0][2].dtype == np.int32
    assert [[int(r[0][0, 0, 0])] + [v.tolist() for v in r[1:]] for r in rows] == [
        [3, [[0, 0, 0, 0]], [0], [0], [0], [0], [0], [0]],
        [2, [[1, 2, 3, 4], [5, 6, 7, 8]], [2, 1], [1, 0], [1, 0], [0, 1], [1, 2], [2, 0]],
        [9, [], [], [], [], [], [], []]]  # the event folders sorted as strings
    assert rows[2][1].shape == (0, 4)
    t = ds.WIDERFaceDataset(str(tmp_path / "w"), usage="test", decode=True, shuffle=False)
    assert t.get_col_names() == ["image"] and [r[0][0][0][0] for r in _rows(t)] == [5]

    for i, objs in enumerate(("Van 0.00 0 -1.58 587.01 173.33 614.12 200.12 1.65 1.67 3.64 "
                              "-0.65 1.71 46.70 -1.59\n",
                              "Car 0.50 1 0.2 1 2 3 4 5 6 7 8 9 10 11\n"
                              "DontCare -1 -1 -10 1 2 3 4 -1 -1 -1 -1000 -1000 -1000 -10\n")):
        _write(tmp_path, f"k/data_object_image_2/training/image_2/{i:06d}.png", _png(i))
        _write(tmp_path, f"k/data_object_label_2/training/label_2/{i:06d}.txt", objs)
    k = ds.KITTIDataset(str(tmp_path / "k"), shuffle=False)
    rows = list(k.create_tuple_iterator(output_numpy=True))
    assert [c.dtype for c in rows[0][1:]] == [np.uint32, np.float32, np.uint32] + [np.float32] * 5
    assert [v.tolist() for v in rows[0][1:]] == [
        [[2]], [[0.0]], [[0]], [[np.float32(-1.58)]],
        [[np.float32(v) for v in (587.01, 173.33, 614.12, 200.12)]],
        [[np.float32(v) for v in (1.65, 1.67, 3.64)]],
        [[np.float32(v) for v in (-0.65, 1.71, 46.70)]], [[np.float32(-1.59)]]]
    # the labels number the types found in all the label files, sorted (Car, DontCare, Van)
    assert rows[1][1].tolist() == [[0], [1]] and rows[1][3].tolist() == [[1], [4294967295]]
    assert rows[1][5].shape == (2, 4) and rows[1][6].shape == (2, 3)
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.KITTIDataset(str(tmp_path / "k"), usage="valid")


def test_cityscapes(tmp_path):
    for city in ("zurich", "aachen"):
        for n, v in (("000009_000019", 1), ("000001_000019", 2)):
            for u, base in (("train", 0), ("test", 100), ("val", 200)):
                value = base + v + (10 if city == "zurich" else 0)
                stem = f"{city}_{n}"
                _write(tmp_path, f"leftImg8bit/{u}/{city}/{stem}_leftImg8bit.png", _png(value))
                _write(tmp_path, f"gtFine/{u}/{city}/{stem}_gtFine_labelIds.png", _png(value + 1))
                _write(tmp_path, f"gtFine/{u}/{city}/{stem}_gtFine_polygons.json",
                       '{"objects": [{"polygon": [[0.5, 1]], "label": "é"}], "imgHeight": %d}'
                       % value)
    root = str(tmp_path)
    c = ds.CityscapesDataset(root, task="semantic", decode=True, shuffle=False)
    assert c.get_col_names() == ["image", "task"]
    assert [(int(r[0][0, 0, 0]), int(r[1][0, 0, 0]))
            for r in c.create_tuple_iterator(output_numpy=True)] == [
        (2, 3), (1, 2), (12, 13), (11, 12)]
    everything = ds.CityscapesDataset(root, usage="all", task="polygon", shuffle=False)
    rows = _rows(everything)
    assert len(rows) == 12 and rows[4][1] == (
        '{"imgHeight":102,"objects":[{"label":"é","polygon":[[0.5,1]]}]}')
    assert [r[1][13:16] for r in rows[::4]] == ["2,\"", "102", "202"]
    with pytest.raises(ValueError, match="Input usage is not within the valid set"):
        ds.CityscapesDataset(root, usage="test", quality_mode="coarse")
    with pytest.raises(ValueError, match="Input task is not within the valid set"):
        ds.CityscapesDataset(root, task="depth", quality_mode="bad")
    with pytest.raises(RuntimeError, match="is not a directory path"):
        _rows(ds.CityscapesDataset(root, quality_mode="coarse"))
