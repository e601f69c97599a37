"""The hooks on leaf tensors: ``Tensor.register_hook`` on a tensor that is an argument or weight of
a gradient (``_grad.register_hook`` adds them, the grad functions apply them to the gradients they
return). ``jit`` reads them too: a compiled function taking a hooked tensor applies its hooks in
the graph (as MindSpore's GRAPH_MODE does), so its cache keys on :data:`version`."""

#: The hooks, by the tensor's ``id``: ``(tensor, {key: apply})``. An entry holds its tensor, so the
#: id stays its own until every hook is removed.
hooks = {}

#: Bumped at every registration and removal: a compiled function traced with hooks is reused only
#: while the hooks are the same (none: the plain key).
version = [0]


def changed():
    """Records a registration or removal."""
    version[0] += 1


def of(tensor):
    """The hooks of ``tensor`` (a dict ``{key: apply}``), or None."""
    entry = hooks.get(id(tensor))
    return entry[1] if entry is not None and entry[0] is tensor else None
