"""The MessagePack subset a MindRecord raw page holds: one map per row, field name -> int, float
or str. Encoded as MindSpore's C++ JSON library encodes it: keys sorted, the smallest integer
form (non-negative integers unsigned), a float as float32 when that keeps its value exactly,
else float64. The decoder reads any MessagePack value."""
import struct


def _int(v):
    if v >= 0:
        if v < 0x80:
            return bytes([v])
        for code, fmt, top in ((0xCC, ">B", 0xFF), (0xCD, ">H", 0xFFFF), (0xCE, ">I", 0xFFFFFFFF)):
            if v <= top:
                return bytes([code]) + struct.pack(fmt, v)
        return b"\xcf" + struct.pack(">Q", v)
    if v >= -32:
        return struct.pack(">b", v)
    for code, fmt, low in ((0xD0, ">b", -0x80), (0xD1, ">h", -0x8000), (0xD2, ">i", -0x80000000)):
        if v >= low:
            return bytes([code]) + struct.pack(fmt, v)
    return b"\xd3" + struct.pack(">q", v)


def _float(v):
    try:
        single = struct.pack(">f", v)
    except OverflowError:
        single = None
    if single is not None and struct.unpack(">f", single)[0] == v:
        return b"\xca" + single
    return b"\xcb" + struct.pack(">d", v)


def _str(v):
    data = v.encode("utf-8")
    n = len(data)
    if n < 32:
        return bytes([0xA0 | n]) + data
    for code, fmt, top in ((0xD9, ">B", 0xFF), (0xDA, ">H", 0xFFFF)):
        if n <= top:
            return bytes([code]) + struct.pack(fmt, n) + data
    return b"\xdb" + struct.pack(">I", n) + data


def encode(value):
    """The MessagePack bytes of `value` (a dict of str -> int/float/str, or one of those)."""
    if isinstance(value, bool) or value is None:
        return {True: b"\xc3", False: b"\xc2", None: b"\xc0"}[value]
    if isinstance(value, int):
        return _int(int(value))
    if isinstance(value, float):
        return _float(float(value))
    if isinstance(value, str):
        return _str(value)
    if isinstance(value, dict):
        n = len(value)
        head = bytes([0x80 | n]) if n < 16 else (
            b"\xde" + struct.pack(">H", n) if n <= 0xFFFF else b"\xdf" + struct.pack(">I", n))
        return head + b"".join(_str(k) + encode(value[k]) for k in sorted(value))
    raise TypeError(f"MessagePack: cannot encode a {type(value).__name__}")


# code -> (struct format, size) of the fixed-size values.
_FIXED = {0xCA: (">f", 4), 0xCB: (">d", 8), 0xCC: (">B", 1), 0xCD: (">H", 2), 0xCE: (">I", 4),
          0xCF: (">Q", 8), 0xD0: (">b", 1), 0xD1: (">h", 2), 0xD2: (">i", 4), 0xD3: (">q", 8)}
# code -> (struct format of the length, its size, kind) of the sized values.
_SIZED = {0xD9: (">B", 1, "str"), 0xDA: (">H", 2, "str"), 0xDB: (">I", 4, "str"),
          0xC4: (">B", 1, "bin"), 0xC5: (">H", 2, "bin"), 0xC6: (">I", 4, "bin"),
          0xDC: (">H", 2, "array"), 0xDD: (">I", 4, "array"),
          0xDE: (">H", 2, "map"), 0xDF: (">I", 4, "map")}


def _decode(buf, pos):
    code = buf[pos]
    pos += 1
    if code < 0x80:
        return code, pos
    if code >= 0xE0:
        return code - 0x100, pos
    if code in _FIXED:
        fmt, size = _FIXED[code]
        return struct.unpack_from(fmt, buf, pos)[0], pos + size
    if code in (0xC0, 0xC2, 0xC3):
        return {0xC0: None, 0xC2: False, 0xC3: True}[code], pos
    if 0xA0 <= code <= 0xBF:
        kind, n = "str", code & 0x1F
    elif 0x90 <= code <= 0x9F:
        kind, n = "array", code & 0x0F
    elif 0x80 <= code <= 0x8F:
        kind, n = "map", code & 0x0F
    elif code in _SIZED:
        fmt, size, kind = _SIZED[code]
        n = struct.unpack_from(fmt, buf, pos)[0]
        pos += size
    else:
        raise ValueError(f"MessagePack: unsupported code 0x{code:02x}")
    if kind in ("str", "bin"):
        data = bytes(buf[pos:pos + n])
        return (data.decode("utf-8") if kind == "str" else data), pos + n
    if kind == "array":
        out = []
        for _ in range(n):
            v, pos = _decode(buf, pos)
            out.append(v)
        return out, pos
    out = {}
    for _ in range(n):
        k, pos = _decode(buf, pos)
        out[k], pos = _decode(buf, pos)
    return out, pos


def decode(buf):
    """The value MessagePack bytes `buf` hold."""
    value, _ = _decode(memoryview(buf), 0)
    return value
