"""``mindspore._extends.parse.compile_config``: compile-time flags, set as module attributes.

``CHECK_BPROP``: when truthy, a Cell's ``bprop`` result is checked strictly: one gradient per
input (RuntimeError, as MindSpore's compiler), each a Tensor (TypeError; a number passes for a 0-d
input) of its input's shape (ValueError), instead of being fitted (cast and summed over broadcast
axes). MindSpore 2.10 on CPU checks the count only."""

CHECK_BPROP = ""

# MindSpore's switch for in-place list and dict operations in graphs (``list.append``,
# ``d[k] = v`` on an argument). Our graphs are traced Python, so those operations are always in
# place, whatever it says; it exists for code that saves and restores it.
FALLBACK_SUPPORT_LIST_DICT_INPLACE = ""
