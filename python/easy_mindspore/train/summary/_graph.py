"""The graph a network was compiled to in GRAPH_MODE, as MindSpore's ``anf_ir`` messages: the
``GraphProto`` a summary event carries (``graph_def``) and the ``ModelProto`` of
``ModelCheckpoint``'s ``<prefix>-graph.meta``.

The graph is the engine's (the cached graph of the cell's last compiled call, as ``jit``'s
``graphs()`` text shows it): its inputs are parameters named as the engine names them (``%0``
..., the call's tensors first, then the Parameters it reads), its nodes the engine's primitives
(``MatMul``, ``Conv2D``... with their attributes), named ``%N``, in scope ``Default``; constants
``cN`` (their values when the engine shows them, up to six). MindSpore's graph of the same
network holds MindSpore's own operators (``Load``, ``BiasAdd``...), so the nodes differ. None
when the network has not been compiled (PyNative mode, or no call yet), when MindSpore writes
no graph either."""
import re
import struct

from ._proto import bytes_field, varint_field

__all__ = []

_DTYPES = {"Bool": 1, "Int8": 2, "Int16": 3, "Int32": 4, "Int64": 5, "UInt8": 6, "UInt16": 7, "UInt32": 8,
           "UInt64": 9, "Float16": 10, "Float32": 11, "Float64": 12, "Complex64": 43, "Complex128": 44,
           "BFloat16": 46}
DT_STRING, DT_TENSOR, DT_TUPLE, DT_INT64, DT_FLOAT64, DT_BOOL = 13, 14, 31, 5, 12, 1
_TYPE = re.compile(r"^(\w+)\[([\d,]*)\]$")
_CONST = re.compile(r"^c(\d+): (\S+) = (.*)$")
_EQN = re.compile(r"^%(\d+): (\S+) = (\w+)(\{.*\})?\((.*)\)$")


def _compiled_graph_text(network):
    """The text of the graph of `network`'s last compiled call, or None."""
    jitted = network.__dict__.get("_ems_graph_jit") if hasattr(network, "__dict__") else None
    jits = getattr(jitted, "_jits", None)
    if not jits:
        return None
    graphs = list(jits.values())[-1].graphs()
    return graphs[0] if graphs else None


def _type_proto(text):
    """A ``TypeProto`` of a tensor type ``Float32[2,3]``."""
    m = _TYPE.match(text)
    if m is None:
        return varint_field(1, 0)
    dims = [int(d) for d in m.group(2).split(",") if d]
    shape = b"".join(bytes_field(1, varint_field(1, d)) for d in dims)
    tensor = varint_field(1, _DTYPES.get(m.group(1), 0)) + bytes_field(2, shape)
    return varint_field(1, DT_TENSOR) + bytes_field(2, tensor)


def _split_top(text):
    """`text` split at the commas outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "[({":
            depth += 1
        elif ch in "])}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    if text[start:].strip():
        parts.append(text[start:].strip())
    return parts


def _value_proto(text):
    """A ``ValueProto`` of an attribute's text: an int, a float, a bool, a list, else a string."""
    if text.startswith("[") and text.endswith("]"):
        items = _split_top(text[1:-1])
        return varint_field(1, DT_TUPLE) + b"".join(bytes_field(18, _value_proto(v)) for v in items)
    if re.fullmatch(r"-?\d+", text):
        return varint_field(1, DT_INT64) + varint_field(3, int(text))
    if text in ("true", "false"):
        return varint_field(1, DT_BOOL) + varint_field(2, text == "true")
    try:
        return varint_field(1, DT_FLOAT64) + _double(6, float(text))
    except ValueError:
        return varint_field(1, DT_STRING) + bytes_field(7, text)


def _double(number, value):
    return bytes([(number << 3) | 1]) + struct.pack("<d", value)


def _const(index, type_text, values):
    """A ``NamedValueProto`` of constant ``c<index>``: its tensor (with its values when shown)."""
    m = _TYPE.match(type_text)
    dims = [int(d) for d in m.group(2).split(",") if d] if m else []
    tensor = b"".join(varint_field(1, d) for d in dims) + varint_field(2, _DTYPES.get(m.group(1), 0) if m else 0)
    if values.startswith("["):
        nums = _split_top(values[1:-1])
        if m and m.group(1).startswith(("Float", "BFloat")):
            tensor += b"".join(_double(6, float(v)) for v in nums)  # double_data
        else:
            tensor += b"".join(varint_field(5, int(float(v))) for v in nums)  # int64_data
    return bytes_field(1, f"c{index}") + bytes_field(2, varint_field(1, DT_TENSOR) + bytes_field(8, tensor))


def graph_proto(network, name=None):
    """The ``GraphProto`` bytes of `network`'s compiled graph (see the module note), or None."""
    text = _compiled_graph_text(network)
    if text is None:
        return None
    lines = [line.strip() for line in text.splitlines()]
    header = lines[0][len("graph("):-len(") {")]
    out = bytearray()
    params = []
    for item in _split_top(header):
        var, _, type_text = item.partition(": ")
        params.append(bytes_field(1, var) + bytes_field(2, _type_proto(type_text)))
    types, counts, consts = {}, {}, []
    for line in lines[1:]:
        const, eqn = _CONST.match(line), _EQN.match(line)
        if const:
            consts.append(_const(int(const.group(1)), const.group(2), const.group(3)))
        elif eqn:
            var, type_text, op, attrs, args = eqn.groups()
            types[f"%{var}"] = type_text
            k = counts[op] = counts.get(op, -1) + 1
            node = b"".join(bytes_field(1, bytes_field(1, a) + varint_field(2, 0)) for a in _split_top(args))
            node += bytes_field(2, f"%{var}") + bytes_field(3, op) + bytes_field(4, "Default")
            for attr in _split_top(attrs[1:-1]) if attrs else []:
                key, _, value = attr.partition("=")
                node += bytes_field(5, bytes_field(1, key) + bytes_field(2, _value_proto(value)))
            node += bytes_field(6, _type_proto(type_text)) + bytes_field(8, f"Default/{op}-op{k}")
            out += bytes_field(1, node)
        elif line.startswith("return ("):
            for atom in _split_top(line[len("return ("):-1]):
                out += bytes_field(4, bytes_field(1, atom) + bytes_field(2, _type_proto(types.get(atom, ""))))
    out += bytes_field(2, name or f"{type(network).__name__}_construct")
    out += b"".join(bytes_field(3, p) for p in params) + b"".join(bytes_field(5, c) for c in consts)
    return bytes(out)


def model_proto(network):
    """The ``ModelProto`` bytes (``ir_version`` 1 and the graph) of `network`, or None."""
    graph = graph_proto(network)
    return None if graph is None else varint_field(1, 1) + bytes_field(4, graph)
