"""dataset.vision parts three and four (``_tones``, ``_warp``): each result on the same random images as MindSpore
2.10 gave it, checked by dtype, shape, sum and index-weighted sum (``MS``, measured there), and
the behaviours where ours differs on purpose."""
import numpy as np
import pytest

import easy_mindspore as ms
import easy_mindspore.dataset.vision as V

rng = np.random.default_rng(0)
IMG = rng.integers(0, 256, (6, 7, 3), dtype=np.uint8)
LOW = rng.integers(40, 120, (6, 7, 3)).astype(np.uint8)
GRAY = rng.integers(0, 256, (6, 7), dtype=np.uint8)
FIMG = rng.random((6, 7, 3), dtype=np.float32)

CASES = {
    "AutoContrast": lambda: V.AutoContrast()(LOW),
    "AutoContrast_cut": lambda: V.AutoContrast(cutoff=10.0)(IMG),
    "AutoContrast_ignore": lambda: V.AutoContrast(ignore=[0, 255])(IMG),
    "AutoContrast_gray": lambda: V.AutoContrast()(GRAY),
    "Equalize": lambda: V.Equalize()(IMG),
    "Equalize_gray": lambda: V.Equalize()(GRAY),
    "AdjustSharpness": lambda: V.AdjustSharpness(2.0)(IMG),
    "AdjustSharpness0": lambda: V.AdjustSharpness(0.0)(IMG),
    "ConvertColor_gray": lambda: V.ConvertColor(V.ConvertMode.COLOR_RGB2GRAY)(IMG),
    "ConvertColor_bgr": lambda: V.ConvertColor(V.ConvertMode.COLOR_RGB2BGR)(IMG),
    "ConvertColor_rgba": lambda: V.ConvertColor(V.ConvertMode.COLOR_RGB2RGBA)(IMG),
    "PadToSize": lambda: V.PadToSize([8, 9])(IMG),
    "PadToSize_off": lambda: V.PadToSize([8, 9], offset=[1, 2], fill_value=7)(IMG),
    "PadToSize_edge": lambda: V.PadToSize([8, 9], offset=1, padding_mode=V.Border.EDGE)(IMG),
    "Erase": lambda: V.Erase(1, 2, 3, 4, 9)(IMG),
    "Solarize_range": lambda: V.Solarize([100, 200])(IMG),
    "Posterize": lambda: V.Posterize(3)(IMG),
    "Invert": lambda: V.Invert()(IMG),
    "RgbToHsv": lambda: V.RgbToHsv()(FIMG.transpose(2, 0, 1)),
    "HsvToRgb": lambda: V.HsvToRgb()(FIMG.transpose(2, 0, 1)),
    "Rotate90": lambda: V.Rotate(90)(IMG),
    "Rotate30": lambda: V.Rotate(30)(IMG),
    "Rotate30_expand": lambda: V.Rotate(30, expand=True)(IMG),
    "Rotate30_bilinear": lambda: V.Rotate(30, V.Inter.BILINEAR)(IMG),
}

MS = {  # dtype, shape, sum, Σ index·value (MindSpore 2.10)
    'AutoContrast': ('uint8', (6, 7, 3), 16992.0, 1106255.0),
    'AutoContrast_cut': ('uint8', (6, 7, 3), 17591.0, 1140918.0),
    'AutoContrast_ignore': ('uint8', (6, 7, 3), 17419.0, 1120900.0),
    'AutoContrast_gray': ('uint8', (6, 7), 5150.0, 106556.0),
    'Equalize': ('uint8', (6, 7, 3), 16128.0, 1042947.0),
    'Equalize_gray': ('uint8', (6, 7), 5387.0, 110503.0),
    'AdjustSharpness': ('uint8', (6, 7, 3), 17168.0, 1116184.0),
    'AdjustSharpness0': ('uint8', (6, 7, 3), 17056.0, 1080810.0),
    'ConvertColor_gray': ('uint8', (6, 7), 5896.0, 121875.0),
    'ConvertColor_bgr': ('uint8', (6, 7, 3), 17141.0, 1101868.0),
    'ConvertColor_rgba': ('uint8', (6, 7, 4), 27851.0, 2374027.0),
    'PadToSize': ('uint8', (8, 9, 3), 17141.0, 1882962.0),
    'PadToSize_off': ('uint8', (8, 9, 3), 17771.0, 1999464.0),
    'PadToSize_edge': ('uint8', (8, 9, 3), 29854.0, 3258295.0),
    'Erase': ('uint8', (6, 7, 3), 13236.0, 881462.0),
    'Solarize_range': ('uint8', (6, 7, 3), 14223.0, 892622.0),
    'Posterize': ('uint8', (6, 7, 3), 15136.0, 977536.0),
    'Invert': ('uint8', (6, 7, 3), 14989.0, 906057.0),
    'RgbToHsv': ('float64', (3, 6, 7), 89.962, 5962.32),
    'HsvToRgb': ('float64', (3, 6, 7), 58.217, 3498.17),
    'Rotate90': ('uint8', (6, 7, 3), 14655.0, 912931.0),
    'Rotate30': ('uint8', (6, 7, 3), 15216.0, 990236.0),
    'Rotate30_expand': ('uint8', (9, 9, 3), 16996.0, 2012091.0),
    'Rotate30_bilinear': ('uint8', (6, 7, 3), 14323.0, 937961.0),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_mindspore(name):
    out = CASES[name]()
    dtype, shape, total, weighted = MS[name]
    v = np.asarray(out, np.float64).ravel()
    assert (str(out.dtype), out.shape) == (dtype, shape)
    # Integer images exactly; the float ones were recorded to 4 decimals an element.
    tol = (0.0, 0.0) if dtype == "uint8" else (0.01, 0.5)
    assert float(v.sum()) == pytest.approx(total, abs=tol[0])
    assert float((v * np.arange(v.size)).sum()) == pytest.approx(weighted, abs=tol[1])


def test_the_rest():
    assert V.ToType(np.float32)(IMG).dtype == np.float32 and V.ToType(ms.int16)(IMG).dtype == np.int16
    out = V.LinearTransformation(np.eye(6, dtype=np.float32) * 2, np.ones(6, np.float32))(
        np.arange(6, dtype=np.float32).reshape(1, 2, 3))
    assert out.ravel().tolist() == [-2, 0, 2, 4, 6, 8]
    assert V.get_image_num_channels(IMG) == 3 and V.get_image_num_channels(GRAY) == 1
    assert V.get_image_size(IMG) == [6, 7]
    # The fourth channel is zeros at every pixel (MindSpore 2.10's CPU kernel packs the three
    # normalised channels first and the zeros after them, a layout bug).
    pad = V.NormalizePad([100.0, 110.0, 120.0], [50.0, 60.0, 70.0])(IMG)
    assert pad.shape == (6, 7, 4) and pad.dtype == np.float32 and not pad[..., 3].any()
    np.testing.assert_allclose(pad[0, 0, :3], [-0.1, 20 / 60, 74 / 70], rtol=1e-6)
    assert V.NormalizePad([0, 0, 0], [1, 1, 1], dtype="float16")(IMG).dtype == np.float16
    # Random forms keep the shape and dtype.
    ms.dataset.config.set_seed(1)
    for t in (V.RandomAutoContrast(), V.RandomEqualize(), V.RandomAdjustSharpness(2.0),
              V.RandomSharpness(), V.RandomColor(), V.RandomPosterize((2, 6)), V.RandomSolarize(),
              V.CutOut(2, 2)):
        out = t(IMG)
        assert out.shape == IMG.shape and out.dtype == np.uint8
    chw = IMG.transpose(2, 0, 1).astype(np.float32)
    erased = V.RandomErasing(prob=1.0, value=0)(chw)
    assert erased.shape == chw.shape and (erased == 0).sum() > (chw == 0).sum()
    hue = V.AdjustHue(0.2)(IMG)
    assert hue.shape == IMG.shape and hue.dtype == np.uint8
    with pytest.raises(ValueError, match="hue_factor"):
        V.AdjustHue(0.7)
    with pytest.raises(ValueError, match="cutoff"):
        V.AutoContrast(cutoff=60)


def test_gaussian_blur_within_a_level_of_mindspore_and_random_rotation():
    # MindSpore 2.10's first pixels and sums: OpenCV's fixed point rounds some pixels the other way.
    out = V.GaussianBlur(3, 1.0)(IMG)
    assert out.dtype == np.uint8 and out[0, 0].tolist() == [97, 181, 120]
    assert abs(int(out.astype(np.int64).sum()) - 17145) <= 13  # 13 pixels one level off at most
    five = V.GaussianBlur([5, 3])(IMG)
    assert five[0, 0].tolist() == [84, 182, 106] and abs(int(five.astype(np.int64).sum()) - 17131) <= 15
    ms.dataset.config.set_seed(3)
    r = V.RandomRotation((-30, 30), expand=True)(IMG)
    assert r.dtype == np.uint8 and r.shape[2] == 3
    with pytest.raises(ValueError, match="kernel_size"):
        V.GaussianBlur(4)
    with pytest.raises(TypeError, match="resample"):
        V.Rotate(10, resample=V.Inter.AREA)


_WARP_RNG = np.random.default_rng(0)  # the images of the recorded warps
IMG_A = _WARP_RNG.integers(0, 256, (6, 7, 3), dtype=np.uint8)
BIG_A = _WARP_RNG.integers(0, 256, (12, 15, 3), dtype=np.uint8)
WARPS = {  # shape, sum, Σ index·value of MindSpore 2.10's results
    "a1": (lambda: V.Affine(15, [0.1, -0.2], 1.2, [5.0, 0.0])(IMG_A), (6, 7, 3), 16231.0, 953660.0),
    "a2": (lambda: V.Affine(30, [0.0, 0.0], 1.0, [0.0, 0.0])(IMG_A), (6, 7, 3), 14200.0, 917955.0),
    "a3": (lambda: V.Affine(0, [0.2, 0.1], 1.0, [10.0, 5.0])(BIG_A), (12, 15, 3), 44639.0, 13764171.0),
    "a4": (lambda: V.Affine(-20, [0.05, 0.1], 0.8, [3.0, -7.0], V.Inter.BILINEAR, 17)(BIG_A),
           (12, 15, 3), 43933.0, 13597178.0),
    "p1": (lambda: V.Perspective([[0, 0], [14, 0], [14, 11], [0, 11]],
                                 [[1, 0], [14, 2], [12, 11], [0, 9]])(BIG_A), (12, 15, 3), 49325.0, 13243832.0),
    "p2": (lambda: V.Perspective([[0, 0], [14, 0], [14, 11], [0, 11]],
                                 [[1, 0], [14, 2], [12, 11], [0, 9]], V.Inter.NEAREST)(BIG_A),
           (12, 15, 3), 49235.0, 13401448.0),
}


@pytest.mark.parametrize("name", sorted(WARPS))
def test_affine_and_perspective_match_mindspore(name):
    run, shape, total, weighted = WARPS[name]
    out = run()
    v = out.astype(np.float64).ravel()
    assert out.shape == shape and out.dtype == np.uint8
    assert (v.sum(), (v * np.arange(v.size)).sum()) == (total, weighted)


def test_random_warps():
    ms.dataset.config.set_seed(5)
    for t in (V.RandomAffine(20, (0.1, 0.1), (0.9, 1.1), 5), V.RandomPerspective(0.3, prob=1.0)):
        out = t(BIG_A)
        assert out.shape == BIG_A.shape and out.dtype == np.uint8
    with pytest.raises(ValueError, match="translate"):
        V.Affine(0, [2.0, 0.0], 1.0, 0.0)
    with pytest.raises(ValueError, match="four"):
        V.Perspective([[0, 0]], [[0, 0]])


def test_augmentation_policies_batches_and_patches():
    img = np.random.default_rng(1).integers(0, 256, (16, 18, 3), dtype=np.uint8)
    ms.dataset.config.set_seed(0)
    changed = 0
    for policy in V.AutoAugmentPolicy:
        for _ in range(10):
            out = V.AutoAugment(policy)(img)
            assert out.shape == img.shape and out.dtype == np.uint8
            changed += not np.array_equal(out, img)
    for t in (V.RandAugment(), V.TrivialAugmentWide(), V.UniformAugment([V.Invert(), V.Equalize()], 1),
              V.RandomSelectSubpolicy([[(V.Invert(), 0.5), (V.Equalize(), 0.5)]])):
        for _ in range(5):
            out = t(img)
            assert out.shape == img.shape and out.dtype == np.uint8
            changed += not np.array_equal(out, img)
    assert changed > 10
    patches = V.SlicePatches(2, 2)(IMG)  # as MindSpore 2.10: a 6 x 7 image padded to 6 x 8
    assert len(patches) == 4 and patches[0].shape == (3, 4, 3) and not patches[1][:, -1].any()
    assert V.SlicePatches(2, 2, V.SliceMode.DROP)(IMG)[3].shape == (3, 3, 3)
    assert V.RandomResize(4)(IMG).shape == (4, 4, 3)
    imgs = np.random.default_rng(2).integers(0, 256, (4, 6, 7, 3), dtype=np.uint8)
    labels = np.eye(3, dtype=np.float32)[[0, 1, 2, 0]]
    for mixed, lab in (V.MixUpBatch()(imgs, labels), V.CutMixBatch(V.ImageBatchFormat.NHWC)(imgs, labels)):
        assert mixed.shape == imgs.shape and mixed.dtype == np.uint8 and lab.dtype == np.float32
        np.testing.assert_allclose(lab.sum(1), 1.0, rtol=1e-6)
    assert V.CutMixBatch(V.ImageBatchFormat.NCHW)(imgs.transpose(0, 3, 1, 2), labels)[0].shape == (4, 3, 6, 7)
    assert [int(m) for m in (V.Inter.NEAREST, V.Inter.BILINEAR, V.Inter.BICUBIC)] == [0, 2, 3]  # MindSpore's
