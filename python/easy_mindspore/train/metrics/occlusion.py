"""``OcclusionSensitivity``: how much a model's score for a label falls when a window around each
pixel of an image is covered with a constant, one model call per ``n_batch`` covered images."""
import numpy as np

from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError, TensorIndexError
from .metric import Metric, rearrange_inputs

__all__ = ["OcclusionSensitivity"]


def _box(b_box, shape):
    """The first and last position (inclusive) on each axis of the image of ``shape`` that the
    bounding box ``[min1, max1, min2, max2, ...]`` keeps (a negative min is 0, a negative max
    the last position)."""
    if len(b_box) != 2 * len(shape):
        raise ShapeError("For 'OcclusionSensitivity', the bounding box must contain upper and "
                         "lower for all dimensions (except batch number), and the length of "
                         "'b_box' must be twice as long as predicted value's (except batch "
                         f"number), but got 'b_box' length {len(b_box)}, predicted value length "
                         f"(except batch number) {len(shape)}.")
    size = np.array(shape)
    first, last = np.array(b_box[::2]), np.array(b_box[1::2])
    first = np.where(first < 0, 0, first)
    last = np.where(last < 0, size - 1, last)
    if np.any(last >= size):
        raise ShapeError("For 'OcclusionSensitivity', maximum bounding box must be smaller than "
                         f"image size for all values, but got 'b_box' {b_box} for the image shape "
                         f"{tuple(shape)}.")
    if np.any(first > last):
        raise ShapeError("For 'OcclusionSensitivity', minimum bounding box must be smaller than "
                         f"maximum bounding box for all values, but got 'b_box' {b_box}.")
    return first, last


def _occluded(image, centres, margin, pad_val):
    """Copies of ``image`` (no batch axis), one per row of ``centres``, each with the window
    ``[centre − margin, centre + margin)`` (clipped to the image) set to ``pad_val``."""
    inside = np.ones((len(centres),) + (1,) * image.ndim, bool)
    for axis, size in enumerate(image.shape):
        pos = np.arange(size)
        lo = (centres[:, axis] - margin[axis])[:, None]
        hi = (centres[:, axis] + margin[axis])[:, None]
        hit = (pos >= lo) & (pos < hi)  # (images, size): the window's extent on this axis
        inside = inside & hit.reshape((len(centres),) + (1,) * axis + (size,)
                                      + (1,) * (image.ndim - axis - 1))
    return np.where(inside, np.asarray(pad_val, image.dtype), image[None])


class OcclusionSensitivity(Metric):
    """``OcclusionSensitivity(pad_val=0.0, margin=2, n_batch=128, b_box=None)``: for a model, one
    image ``(1, ...)`` and a label, the model's output for the label on the image minus its
    output when the window ``[i − margin, i + margin)`` around position ``i`` (on every axis
    after the batch one, channels too, clipped to the image) is set to ``pad_val``, for each
    position ``i`` of the image (or of the bounding box ``b_box``). The map's axes of length 1
    are squeezed. The higher the value, the more that region mattered to the model's score.

    Args:
        pad_val (float, optional): The value of the covered pixels. Default: ``0.0``.
        margin (Union[int, list[int]], optional): The window's half-size, one for every axis or
            one per axis after the batch one. Default: ``2``.
        n_batch (int, optional): How many covered images go through the model at once.
            Default: ``128``.
        b_box (list[int], optional): ``[min1, max1, min2, max2, ...]`` (inclusive, one pair per
            axis after the batch one): the positions to measure; the map has the box's shape.
            Default: ``None``, the whole image.

    Outputs:
        ``eval()`` returns a ``numpy.ndarray`` of the model's output dtype, the map of the last
        batch.

    Raises:
        TypeError: an argument of the wrong type; a model that is not a Cell.
        ValueError: a negative `margin`, `n_batch` under 1; not 3 inputs, an image under 2 axes,
            a `margin` list or `b_box` that does not fit the image, a model output not ``(1, C)``.
        IndexError: a label that is not an integer in ``[-C, C)``.
        RuntimeError: a batch of more than one image, a label of several elements, ``eval``
            before ``update``.

    Examples:
        >>> import numpy as np
        >>> from mindspore import nn, Tensor
        >>> from mindspore.train import OcclusionSensitivity
        >>> class DenseNet(nn.Cell):
        ...     def __init__(self):
        ...         super(DenseNet, self).__init__()
        ...         w = np.array([[0.1, 0.8, 0.1, 0.1], [1, 1, 1, 1]]).astype(np.float32)
        ...         b = np.array([0.3, 0.6]).astype(np.float32)
        ...         self.dense = nn.Dense(4, 2, weight_init=Tensor(w), bias_init=Tensor(b))
        ...     def construct(self, x):
        ...         return self.dense(x)
        ...
        >>> model = DenseNet()
        >>> test_data = np.array([[0.1, 0.2, 0.3, 0.4]]).astype(np.float32)
        >>> label = np.array(1).astype(np.int32)
        >>> metric = OcclusionSensitivity()
        >>> metric.clear()
        >>> metric.update(model, test_data, label)
        >>> print(metric.eval().round(6))
        [0.3 0.6 1.  0.9]
    """

    def __init__(self, pad_val=0.0, margin=2, n_batch=128, b_box=None):
        super().__init__()
        if not isinstance(pad_val, float):
            raise DTypeError("For 'OcclusionSensitivity', the type of 'pad_val' should be 'float', "
                             f"but got type '{type(pad_val).__name__}'.")
        margins = margin if isinstance(margin, list) else [margin]
        if not isinstance(margin, (int, list)) or not all(
                isinstance(m, int) and not isinstance(m, bool) for m in margins):
            raise DTypeError("For 'OcclusionSensitivity', the type of 'margin' should be 'int' or "
                             f"a list of int, but got {margin!r}.")
        if any(m < 0 for m in margins):
            raise ShapeError(f"For 'OcclusionSensitivity', the 'margin' must be >= 0, but got "
                             f"{margin}.")
        if isinstance(n_batch, bool) or not isinstance(n_batch, int):
            raise DTypeError("For 'OcclusionSensitivity', the type of 'n_batch' should be 'int', "
                             f"but got type '{type(n_batch).__name__}'.")
        if n_batch < 1:
            raise ShapeError(f"For 'OcclusionSensitivity', the 'n_batch' must be >= 1, but got "
                             f"{n_batch}.")
        if b_box is not None and not (isinstance(b_box, list) and all(
                isinstance(b, int) and not isinstance(b, bool) for b in b_box)):
            raise DTypeError("For 'OcclusionSensitivity', the type of 'b_box' should be a list of "
                             f"int, but got {b_box!r}.")
        self.pad_val, self.margin, self.n_batch, self.b_box = pad_val, margin, n_batch, b_box
        self.clear()

    def clear(self):
        """Forgets the last image."""
        self._baseline = 0
        self._sensitivity_im = 0
        self._is_update = False

    def _label(self, label):
        """The label as a Python int (one element of an integer type)."""
        if isinstance(label, (int, np.integer)) and not isinstance(label, bool):
            return int(label)
        label = self._convert_data(label)
        if label.size != 1:
            raise ComputeError("For 'OcclusionSensitivity.update', the number of the label "
                               "(input[2]) must be same as the batches, but got the label number "
                               f"{label.size}, and batches 1.")
        if label.dtype.kind not in "iu":
            raise TensorIndexError("For 'OcclusionSensitivity.update', the label (input[2]) must "
                                   f"be an integer class index, but got dtype {label.dtype}.")
        return int(label.reshape(()))

    @staticmethod
    def _scores(model, images, label):
        """The model's output for ``label`` on each of ``images``, as an array."""
        out = model(Tensor(np.ascontiguousarray(images))).asnumpy()
        if out.ndim != 2 or out.shape[0] != images.shape[0]:
            raise ShapeError("For 'OcclusionSensitivity.update', the model must give one row of "
                             f"class scores per image, but gave shape {out.shape} for "
                             f"{images.shape[0]} images.")
        if not -out.shape[1] <= label < out.shape[1]:
            raise TensorIndexError(f"For 'OcclusionSensitivity.update', the label {label} is out "
                                   f"of range for the model's {out.shape[1]} classes.")
        return out[:, label]

    @rearrange_inputs
    def update(self, *inputs):
        """Measures ``update(model, image, label)``: an image ``(1, ...)`` (Tensor, list or
        ndarray) and its label (an int, or a one-element Tensor, list or ndarray)."""
        from ...nn.cell import Cell  # imported here: nn imports the metrics

        if len(inputs) != 3:
            raise ShapeError("For 'OcclusionSensitivity.update', it needs 3 inputs (classification "
                             f"model, predicted value, label), but got {len(inputs)}.")
        model, image = inputs[0], self._convert_data(inputs[1])
        if not isinstance(model, Cell):
            raise DTypeError("For 'OcclusionSensitivity.update', the type of 'model' should be "
                             f"'Cell', but got type '{type(model).__name__}'.")
        if image.ndim < 2:
            raise ShapeError("For 'OcclusionSensitivity.update', the predicted value (input[1]) "
                             f"must be a batch (1, ...) of one image, but got shape {image.shape}.")
        if image.shape[0] != 1:
            raise ComputeError("For 'OcclusionSensitivity.update', the shape at index 0 of the "
                               f"predicted value (input[1]) must be 1, but got {image.shape[0]}.")
        label = self._label(inputs[2])
        shape = image.shape[1:]
        margin = self.margin if isinstance(self.margin, list) else [self.margin] * len(shape)
        if len(margin) != len(shape):
            raise ShapeError(f"For 'OcclusionSensitivity.update', the 'margin' list {margin} must "
                             f"have one value per image axis, {len(shape)} for the image shape "
                             f"{shape}.")
        margin = [min(m, n) for m, n in zip(margin, shape)]  # a wider window covers no more
        if self.b_box is None:
            first, last = np.zeros(len(shape), np.int64), np.array(shape) - 1
        else:
            first, last = _box(self.b_box, shape)
        out_shape = tuple(int(n) for n in last - first + 1)
        baseline = self._scores(model, image, label)[0].item()
        centres = np.stack(np.unravel_index(np.arange(int(np.prod(out_shape))), out_shape),
                           axis=1) + first
        scores = [self._scores(model, _occluded(image[0], centres[i:i + self.n_batch], margin,
                                                self.pad_val), label)
                  for i in range(0, len(centres), self.n_batch)]
        self._baseline = baseline
        self._sensitivity_im = np.concatenate(scores).reshape(out_shape)
        self._is_update = True

    def eval(self):
        """The sensitivity map of the last image (the baseline score minus each occluded one)."""
        if not self._is_update:
            raise ComputeError("For 'OcclusionSensitivity.eval', please call the 'update' method "
                               "before calling 'eval' method.")
        return self._baseline - np.squeeze(self._sensitivity_im)
