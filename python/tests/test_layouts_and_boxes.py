"""``ops``' diagonal layouts (``matrix_diag``, ``matrix_diag_part``, ``matrix_set_diag``),
``mirror_pad``, ``space_to_batch_nd``/``batch_to_space_nd``, detection boxes (``iou``,
``bounding_box_encode``/``decode``, ``check_valid``), sampling grids (``affine_grid``,
``grid_sample``), ``col2im``, ``upsample`` and the small ones of the same release, against values
MindSpore 2.10 printed (and PyTorch's where MindSpore's CPU has no kernel), their gradients
against finite differences, and their errors."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops

A = Tensor(np.arange(1, 13, dtype=np.float32).reshape(3, 4))
V = Tensor([1.0, 2.0, 3.0])
I32 = lambda v: Tensor(v, ms.int32)  # noqa: E731


def same(t, want):
    # The references are printed to four decimals.
    np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-5, atol=1e-4)


def test_matrix_diag_family_is_mindsporess():
    same(ops.matrix_diag(V, k=1), [[0, 1, 0, 0], [0, 0, 2, 0], [0, 0, 0, 3], [0, 0, 0, 0]])
    same(ops.matrix_diag(V, k=I32(-1)), [[0, 0, 0, 0], [1, 0, 0, 0], [0, 2, 0, 0], [0, 0, 3, 0]])
    x = Tensor(np.arange(1, 7, dtype=np.float32).reshape(2, 3))
    same(ops.matrix_diag(x, k=I32([-1, 0]), num_rows=3, num_cols=3),
         [[1, 0, 0], [4, 2, 0], [0, 5, 3]])
    for align in ("RIGHT_LEFT", "LEFT_RIGHT"):
        same(ops.matrix_diag(x, k=I32([0, 1]), num_rows=3, num_cols=4, align=align),
             [[4, 1, 0, 0], [0, 5, 2, 0], [0, 0, 6, 3]])
    assert ops.matrix_diag(x).shape == (2, 3, 3)
    same(ops.matrix_diag(V, k=2, num_rows=3, padding_value=9),
         [[9, 9, 1, 9, 9], [9, 9, 9, 2, 9], [9, 9, 9, 9, 3]])
    same(ops.matrix_diag_part(A, I32(0), Tensor(0.0)), [1, 6, 11])
    same(ops.matrix_diag_part(A, I32(1), Tensor(0.0)), [2, 7, 12])
    same(ops.matrix_diag_part(A, I32(-2), Tensor(0.0)), [9])
    band = {"RIGHT_LEFT": [5, 10, 9], "LEFT_LEFT": [5, 10, 9], "RIGHT_RIGHT": [9, 5, 10],
            "LEFT_RIGHT": [9, 5, 10]}
    for align, last in band.items():
        same(ops.matrix_diag_part(A, I32([-1, 1]), Tensor(9.0), align=align),
             [[2, 7, 12], [1, 6, 11], last])
    same(ops.matrix_set_diag(A, Tensor([7.0, 8.0, 9.0])),
         [[7, 2, 3, 4], [5, 8, 7, 8], [9, 10, 9, 12]])
    same(ops.matrix_set_diag(A, Tensor([[7.0, 8.0, 9.0], [1.0, 2.0, 0.0]]), k=I32([0, 1])),
         [[1, 7, 3, 4], [5, 2, 8, 8], [9, 10, 0, 9]])
    same(ops.matrix_set_diag(A, Tensor([7.0, 8.0]), k=-1),
         [[1, 2, 3, 4], [7, 6, 7, 8], [9, 8, 11, 12]])
    same(nn.MatrixDiag()(V), np.diag([1.0, 2.0, 3.0]))
    same(nn.MatrixDiagPart()(A), [1, 6, 11])
    same(nn.MatrixSetDiag()(A, Tensor([0.0, 0.0, 0.0])), [[0, 2, 3, 4], [5, 0, 7, 8], [9, 10, 0, 12]])


def test_diag_layouts_are_differentiable():
    x = Tensor(np.arange(1, 7, dtype=np.float64).reshape(2, 3))
    g = ms.grad(lambda v: (ops.matrix_diag(v, k=I32([0, 1]), num_rows=3, num_cols=4) ** 2).sum())(x)
    same(g, 2 * x.asnumpy())
    g = ms.grad(lambda a: ops.matrix_diag_part(a, I32([-1, 1]), Tensor(9.0)).sum())(A)
    same(g, [[1, 1, 0, 0], [1, 1, 1, 0], [0, 1, 1, 1]])
    g = ms.grad(lambda a: ops.matrix_set_diag(a, Tensor([7.0, 8.0, 9.0])).sum())(A)
    same(g, [[0, 1, 1, 1], [1, 0, 1, 1], [1, 1, 0, 1]])


def test_mirror_pad_and_blocks():
    same(ops.mirror_pad(A, Tensor([[1, 1], [2, 1]]), "REFLECT"),
         [[7, 6, 5, 6, 7, 8, 7], [3, 2, 1, 2, 3, 4, 3], [7, 6, 5, 6, 7, 8, 7],
          [11, 10, 9, 10, 11, 12, 11], [7, 6, 5, 6, 7, 8, 7]])
    same(ops.mirror_pad(A, Tensor([[1, 2], [2, 0]]), "SYMMETRIC"),
         [[2, 1, 1, 2, 3, 4], [2, 1, 1, 2, 3, 4], [6, 5, 5, 6, 7, 8], [10, 9, 9, 10, 11, 12],
          [10, 9, 9, 10, 11, 12], [6, 5, 5, 6, 7, 8]])
    x4 = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    y = ops.space_to_batch_nd(x4, (2, 2), ((0, 0), (0, 0)))
    same(y, [[[[0, 2], [8, 10]]], [[[1, 3], [9, 11]]], [[[4, 6], [12, 14]]], [[[5, 7], [13, 15]]]])
    same(ops.batch_to_space_nd(y, (2, 2), ((0, 0), (0, 0))), x4.asnumpy())
    same(ops.space_to_batch_nd(Tensor(np.arange(6, dtype=np.float32).reshape(1, 1, 2, 3)), 2,
                               ((0, 0), (0, 1))),
         [[[[0, 2]]], [[[1, 0]]], [[[3, 5]]], [[[4, 0]]]])
    same(ops.batch_to_space_nd(Tensor(np.arange(16, dtype=np.float32).reshape(4, 1, 2, 2)),
                               (2, 2), ((0, 0), (0, 1))),
         [[[[0, 4, 1], [8, 12, 9], [2, 6, 3], [10, 14, 11]]]])


BOXES_A = Tensor(np.array([[0, 0, 4, 4], [1, 1, 5, 3]], np.float32))
BOXES_G = Tensor(np.array([[1, 1, 3, 3], [0, 0, 2, 5], [2, 0, 6, 4]], np.float32))


def test_boxes_are_mindsporess():
    same(ops.iou(BOXES_A, BOXES_G), [[0.36, 0.6], [0.53571427, 0.22222222], [0.42857143, 0.42857143]])
    same(ops.iou(BOXES_A, BOXES_G, mode="iof"), [[1, 1], [0.8333333, 0.3333333], [0.6, 0.48]])
    gt = Tensor(np.array([[1, 1, 3, 3], [0, 0, 4, 5]], np.float32))
    same(ops.bounding_box_encode(BOXES_A, gt), [[0, 0, -0.5108256, -0.5108256],
                                                [-0.2, 0.16666667, 0, 0.6931472]])
    same(ops.bounding_box_encode(BOXES_A, gt, means=(0.1, 0.2, 0.0, 0.0), stds=(0.5, 0.5, 2.0, 2.0)),
         [[-0.2, -0.4, -0.2554128, -0.2554128], [-0.6, -0.0666667, 0, 0.3465736]])
    deltas = Tensor(np.array([[0.1, -0.2, 0.3, 0.5], [1, 1, 2, -3]], np.float32))
    same(ops.bounding_box_decode(BOXES_A, deltas, (6, 5)), [[0, 0, 5, 4.6218], [0, 5.4253, 5, 4.5747]])
    deltas = Tensor(np.array([[0.1, -0.2, 5.3, 0.5], [1, 1, 2, -3]], np.float32))
    same(ops.bounding_box_decode(BOXES_A, deltas, (6, 5), wh_ratio_clip=0.5),
         [[0, 0, 5, 4.6218], [3.5, 4.75, 5, 5.25]])
    boxes = Tensor(np.array([[0, 0, 4, 4], [1, 1, 9, 3], [-1, 0, 2, 2], [0, 0, 7.5, 4.9]], np.float32))
    assert ops.check_valid(boxes, Tensor([5.0, 8.0, 1.0])).asnumpy().tolist() == [True, False, False, False]
    assert ops.check_valid(boxes, Tensor([10.0, 16.0, 0.5])).asnumpy().tolist() == [True, False, False, False]


def test_sampling_grids_are_pytorchs():
    theta = Tensor(np.array([[[1, 0.2, 0.1], [0, 0.9, -0.2]]], np.float32))
    same(ops.affine_grid(theta, (1, 1, 2, 3)),
         [[[[-0.6667, -0.65], [0.0, -0.65], [0.6667, -0.65]], [[-0.4667, 0.25], [0.2, 0.25], [0.8667, 0.25]]]])
    same(ops.affine_grid(theta, (1, 1, 2, 3), align_corners=True),
         [[[[-1.1, -1.1], [-0.1, -1.1], [0.9, -1.1]], [[-0.7, 0.7], [0.3, 0.7], [1.3, 0.7]]]])
    img = Tensor(np.arange(24, dtype=np.float32).reshape(1, 2, 3, 4))
    grid = Tensor(np.array([[[[-1, -1], [0.3, -0.2], [1.2, 0.5]], [[0.9, 0.9], [-0.6, 0.4], [0, 1.5]]]],
                           np.float32))
    w = Tensor(np.arange(12, dtype=np.float32).reshape(1, 2, 2, 3))
    # (padding mode, align_corners): channel 0 of the output, and the grid's gradient of
    # sum(output * w) (PyTorch 2.15's values; MindSpore 2.10's forward values agree).
    cases = {
        ("zeros", False): ([[0, 4.9, 1], [5.005, 6.7, 0]],
                           [[[72, 54], [16, 48], [-392, 6]], [[-312, -252], [28, 84], [0, 0]]]),
        ("zeros", True): ([[0, 5.15, 6.3], [10.45, 6.2, 4.75]],
                          [[[9, 24], [12, 32], [-279, 28]], [[18, 48], [21, 56], [12, -284]]]),
        ("border", False): ([[0, 4.9, 10], [11, 6.7, 9.5]],
                            [[[0, 0], [16, 48], [0, 60]], [[0, 0], [28, 84], [32, 0]]]),
        ("reflection", False): ([[0, 4.9, 10], [11, 6.7, 8.5]],
                                [[[0, 0], [16, 48], [0, 60]], [[0, 0], [28, 84], [32, -96]]]),
        ("reflection", True): ([[0, 5.15, 8.7], [10.45, 6.2, 7.5]],
                               [[[0, 0], [12, 32], [-15, 40]], [[18, 48], [21, 56], [24, -64]]]),
    }
    for (mode, ac), (out, grid_grad) in cases.items():
        same(ops.grid_sample(img, grid, padding_mode=mode, align_corners=ac)[0, 0], out)
        g = ms.grad(lambda b: (ops.grid_sample(img, b, padding_mode=mode, align_corners=ac) * w).sum())(grid)
        same(g[0], grid_grad)
    same(ops.grid_sample(img, grid, mode="nearest", padding_mode="border")[0, 0], [[0, 6, 11], [11, 8, 10]])
    # 3-D: trilinear, against PyTorch.
    v = Tensor(np.arange(60, dtype=np.float32).reshape(1, 1, 3, 4, 5))
    g3 = Tensor(np.random.default_rng(0).uniform(-1.2, 1.2, (1, 2, 2, 3, 3)).astype(np.float32))
    same(ops.grid_sample(v, g3)[0, 0], [[[1.6669, 2.7935, 38.7887], [1.5283, 9.059, 28.7858]],
                                        [[1.9454, 31.463, 9.9562], [5.3798, 5.4666, 17.7748]]])


def test_col2im_upsample_and_small_ones():
    x = Tensor(np.arange(1, 25, dtype=np.float32).reshape(1, 1, 4, 6))
    same(ops.col2im(x, I32([3, 4]), 2, 1, 0, 1), [[[[1, 9, 11, 9], [17, 48, 52, 33], [16, 39, 41, 24]]]])
    img = Tensor(np.arange(12, dtype=np.float32).reshape(1, 1, 3, 4))
    same(ops.upsample(img, size=(4, 5), mode="bilinear", align_corners=True)[0, 0, :, :2],
         [[0, 0.75], [2.6667, 3.4167], [5.3333, 6.0833], [8, 8.75]])
    assert ops.is_nonzero(Tensor([0.5])) is True and ops.is_nonzero(Tensor(0)) is False
    assert ops.is_nonzero(Tensor([[True]])) is True
    same(ops.adjoint(A), A.asnumpy().T)
    z = ops.adjoint(Tensor(np.array([[1 + 2j, 3], [4j, 5]], np.complex64)))
    assert z.asnumpy().tolist() == [[1 - 2j, -4j], [3, 5]]
    same(ops.ger(V, Tensor([1.0, 2.0])), [[1, 2], [2, 4], [3, 6]])
    var = ms.Parameter(Tensor(np.zeros((3, 2), np.float32)), name="var")
    out = ops.inplace_index_add(var, I32([0, 2, 0]), Tensor(np.ones((3, 2), np.float32)), 0)
    # MindSpore 2.10 returns the new value as a Tensor (its repr is Tensor(...), not Parameter(...)).
    assert not isinstance(out, ms.Parameter) and out.asnumpy().tolist() == var.asnumpy().tolist()
    same(var.value(), [[2, 2], [0, 0], [1, 1]])


def test_margin_losses_are_pytorchs():
    # MindSpore 2.10's CPU has no kernel for either: PyTorch 2.15's values.
    a, p, n = Tensor([[0.0, 1.0], [2.0, 0.0]]), Tensor([[1.0, 1.0], [2.0, 2.0]]), Tensor([[0.0, 3.0], [2.0, 1.0]])
    same(ops.triplet_margin_loss(a, p, n), 1.0)
    same(ops.triplet_margin_loss(a, p, n, margin=2.0, p=1, swap=True, reduction="none"), [1.0, 3.0])
    same(nn.TripletMarginLoss(p=1, swap=True, reduction="sum")(a, p, n, margin=2.0), 4.0)
    x = Tensor([[0.1, 0.2, 0.4, 0.8], [0.5, -0.1, 0.3, 0.2]])
    y = Tensor([[3, 0, -1, 1], [1, 2, 0, -1]], ms.int32)
    same(ops.multilabel_margin_loss(x, y), 0.7875)
    same(ops.multilabel_margin_loss(x, y, reduction="none"), [0.85, 0.725])
    same(nn.MultilabelMarginLoss(reduction="sum")(x, y), 1.575)
    # Gradients against finite differences (Float64).
    xs = np.random.default_rng(1).standard_normal((2, 4))

    def loss(v):
        return ops.multilabel_margin_loss(v, y) + ops.triplet_margin_loss(v[:, :2], v[:, 2:], v[:, :2] * 0.5)

    g = ms.grad(loss)(Tensor(xs)).asnumpy()
    for i in np.ndindex(xs.shape):
        up, down = xs.copy(), xs.copy()
        up[i] += 1e-6
        down[i] -= 1e-6
        fd = (loss(Tensor(up)).asnumpy() - loss(Tensor(down)).asnumpy()) / 2e-6
        assert abs(g[i] - fd) < 1e-5, (i, g[i], fd)


@pytest.mark.parametrize("call,error,text", [
    (lambda: ops.matrix_diag(V, k=-1, num_rows=5, num_cols=4), ValueError, "not consistent"),
    (lambda: ops.matrix_diag(V, k=[2, 1]), ValueError, "k"),
    (lambda: ops.matrix_diag(V, align="UP"), ValueError, "align"),
    (lambda: ops.matrix_diag(V, k=1.5), TypeError, "k"),
    (lambda: ops.matrix_diag_part(A, 5, 0), ValueError, "k must be in"),
    (lambda: ops.matrix_set_diag(A, Tensor([1.0, 2.0])), ValueError, "diagonal"),
    (lambda: ops.mirror_pad(A, Tensor([[3, 0], [0, 0]]), "REFLECT"), ValueError, "paddings"),
    (lambda: ops.mirror_pad(A, Tensor([[1, 0], [0, 0]]), "EDGE"), ValueError, "mode"),
    (lambda: ops.space_to_batch_nd(Tensor(np.ones((1, 1, 3, 3), np.float32)), 2, ((0, 0), (0, 0))), ValueError, "divide"),
    (lambda: ops.batch_to_space_nd(Tensor(np.ones((3, 1, 2, 2), np.float32)), 2, ((0, 0), (0, 0))), ValueError, "divide"),
    (lambda: ops.iou(BOXES_A, BOXES_G, mode="giou"), ValueError, "mode"),
    (lambda: ops.iou(BOXES_A[:, :3], BOXES_G), ValueError, "anchor_boxes"),
    (lambda: ops.grid_sample(Tensor(np.ones((1, 1, 2, 2), np.float32)), Tensor(np.ones((1, 2, 2, 3), np.float32))), ValueError, "grid"),
    (lambda: ops.grid_sample(Tensor(np.ones((1, 1, 2, 2), np.float32)), Tensor(np.ones((1, 2, 2, 2), np.float32)), mode="bicubic"), ValueError, "mode"),
    (lambda: ops.affine_grid(Tensor(np.ones((1, 2, 3), np.float32)), (1, 1, 2, 2, 2)), ValueError, "theta"),
    (lambda: ops.is_nonzero(Tensor([1, 2])), ValueError, "numel"),
    (lambda: ops.ger(Tensor([1, 2]), Tensor([3, 4])), TypeError, "float"),
    (lambda: ops.multilabel_margin_loss(Tensor([[0.1, 0.2]]), Tensor([[2, -1]], ms.int32)), ValueError, "classes"),
    (lambda: ops.triplet_margin_loss(V, V, Tensor([1.0])), ValueError, "shape"),
])
def test_bad_arguments_raise_mindsporess_classes(call, error, text):
    with pytest.raises(error, match=text):
        call()


def test_crop_and_resize_ctc_and_segments_are_mindsporess():
    img = Tensor(np.arange(80, dtype=np.float32).reshape(2, 4, 5, 2))
    boxes = Tensor(np.array([[0.1, 0.2, 0.8, 0.9], [0.0, 0.0, 1.0, 1.0], [0.5, -0.2, 1.2, 0.6]],
                            np.float32))
    which = I32([0, 1, 0])
    out = ops.crop_and_resize(img, boxes, which, (3, 2))
    same(out[0, :, :, 0], [[4.6, 10.2], [15.1, 20.7], [25.6, 31.2]])
    same(out[1, :, :, 1], [[41, 49], [56, 64], [71, 79]])
    same(out[2, :, :, 0], [[0, 19.8], [0, 30.3], [0, 0]])
    near = ops.crop_and_resize(img, boxes, which, (3, 2), method="nearest", extrapolation_value=-1.0)
    same(near[0, :, :, 0], [[2, 8], [12, 18], [22, 28]])
    same(near[2, :, :, 0], [[-1, 24], [-1, 34], [-1, -1]])
    same(ops.crop_and_resize(img, boxes, which, (1, 1))[:, 0, 0, 0], [17.9, 59.0, 27.1])
    g = ms.grad(lambda x: ops.crop_and_resize(x, boxes, which, (3, 2)).sum())(img)
    # Each sample inside the image spreads a weight of 1 over its pixels: 36 samples, 8 outside.
    assert g.shape == img.shape and abs(float(g.sum()) - 28.0) < 1e-4
    logits = Tensor(np.array([[[0.6, 0.1, 0.3], [0.2, 0.5, 0.3]], [[0.6, 0.3, 0.1], [0.1, 0.1, 0.8]],
                              [[0.2, 0.7, 0.1], [0.3, 0.4, 0.3]], [[0.1, 0.8, 0.1], [0.3, 0.4, 0.3]]],
                             np.float32))
    idx, values, shape, logp = ops.ctc_greedy_decoder(logits, I32([4, 3]))
    assert idx.asnumpy().tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert values.asnumpy().tolist() == [0, 1, 1, 1] and shape.asnumpy().tolist() == [2, 2]
    same(logp, [[-2.7], [-1.7]])
    idx, values, shape, _ = ops.ctc_greedy_decoder(logits, I32([4, 3]), merge_repeated=False)
    assert values.asnumpy().tolist() == [0, 0, 1, 1, 1, 1] and shape.asnumpy().tolist() == [2, 4]
    x = Tensor(np.arange(12, dtype=np.float32).reshape(4, 3))
    same(ops.sparse_segment_mean(x, I32([0, 1, 3]), I32([0, 0, 2])),
         [[1.5, 2.5, 3.5], [0, 0, 0], [9, 10, 11]])
    same(Tensor([1.0, 2.0]).igamma(Tensor([1.0, 3.0])), [0.6321, 0.8009])
    same(Tensor([2.0, 3.0]).mvlgamma(2), [0.4516, 1.5502])
