"""Dropout drawn as MindSpore 2.10's CPU ``Dropout`` kernel draws it (``ops.dropout`` and
``nn.Dropout``): a kernel per input shape, seeded from the primitive's ``(seed, seed2)``, keeps an
element where its next ``minstd_rand0`` canonical draw is below ``1 - p`` (Float32) and scales
the kept ones by ``1 / (1 - p)``; its draws go on from call to call. The mask is made in a
custom-gradient primitive (``call_flat``), so it is differentiable (the backward reuses the
mask) and, inside a ``jit`` graph, drawn afresh at every run of the graph, as MindSpore's graph
runs its kernel."""
import numpy as _np

from ... import _C
from ..._custom import call_flat


def dropout_function(seeds, p):
    """``x -> dropout(x)`` with MindSpore's masks for the kernel seeds ``seeds`` and the
    probability ``p`` (in (0, 1)) of zeroing an element."""
    keep = _np.float32(1.0 - p)
    scale = float(_np.float32(1.0) / keep)
    streams = {}

    def forward(xs):
        x = xs[0]
        shape = tuple(x.shape)
        stream = streams.get(shape)
        if stream is None:
            stream = streams[shape] = _C.KernelStream(*seeds)
        mask = stream.dropout_mask(float(keep), shape).astype(x.dtype)
        return x * mask * scale, mask

    def backward(xs, outs, douts):
        return [douts[0] * outs[1] * scale]

    return lambda x: call_flat("Dropout", forward, backward, [x])[0]
