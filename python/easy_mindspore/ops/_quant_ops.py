"""``mindspore.ops.operations._quant_ops``: the quantisation primitives MindSpore's own tools
import from there; here ``FakeQuantParam`` (see :mod:`._npu_ops`), with ``QuantDtype``."""
from ..common.dtype import QuantDtype
from ._npu_ops import FakeQuantParam

__all__ = ["FakeQuantParam", "QuantDtype"]
