"""``mindspore.mint.distributed``: PyTorch's ``torch.distributed`` functions (MindSpore 2.x), in
place, over Open MPI; defined in ``communication._distributed`` (see there for how each is
built)."""
from ..communication._distributed import *  # noqa: F401,F403
from ..communication._distributed import __all__  # noqa: F401
