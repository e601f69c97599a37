"""Type errors `mypy --strict` must report (scripts/typecheck.sh checks each marked line is
flagged, so the check on train_script.py cannot pass vacuously). Not meant to run."""
import numpy as np

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops

a = Tensor(np.ones((2, 2), np.float32))
ops.matmul("not a tensor", a)  # expect-error: arg-type
nn.Dense(3, 2)("x")  # expect-error: arg-type
n: int = ops.relu(a)  # expect-error: assignment
s: str = a.asnumpy()  # expect-error: assignment
nn.SGD(nn.Dense(3, 2).trainable_params(), learning_rate="fast")  # expect-error: arg-type
grad_fn = ms.value_and_grad(lambda x: x.sum())
loss, g = grad_fn(a)
g.no_such_method()  # expect-error: attr-defined
ms.set_seed("1")  # expect-error: arg-type
