"""Type stubs of ``mindspore.mint.optim``, written by scripts/gen_mint_stubs.py from the package: the real
parameters, typed ``Any``; results ``Tensor`` where the docstring says so."""

from typing import Any

from .._C import Tensor
from ..nn import Cell

class Adam(Cell):
    param_groups: Any
    parameters: Any
    def __init__(self, params: Any, lr: Any = ..., betas: Any = ..., eps: Any = ..., weight_decay: Any = ..., amsgrad: Any = ..., *, maximize: Any = ...) -> None: ...
    def __call__(self, *args: Any) -> Any: ...
class AdamW(Cell):
    param_groups: Any
    parameters: Any
    def __init__(self, params: Any, lr: Any = ..., betas: Any = ..., eps: Any = ..., weight_decay: Any = ..., amsgrad: Any = ..., *, maximize: Any = ...) -> None: ...
    def __call__(self, *args: Any) -> Any: ...
class FusedAdamW(Cell):
    param_groups: Any
    parameters: Any
    def __init__(self, params: Any, lr: Any = ..., betas: Any = ..., eps: Any = ..., weight_decay: Any = ..., amsgrad: Any = ..., *, maximize: Any = ...) -> None: ...
    def __call__(self, *args: Any) -> Any: ...
class SGD(Cell):
    param_groups: Any
    parameters: Any
    def __init__(self, params: Any, lr: Any, momentum: Any = ..., dampening: Any = ..., weight_decay: Any = ..., nesterov: Any = ..., *, maximize: Any = ...) -> None: ...
    def __call__(self, *args: Any) -> Any: ...
