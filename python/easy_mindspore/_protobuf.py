"""Protocol-buffer message classes for the few files MindSpore writes in its protobuf schemas that
the Python front reads (the strategy files of auto parallel), made at run time by Google's
``protobuf`` package — which every MindSpore installation has, and which this package needs only
for those files — from a compact schema: ``{message: "number name [*]type" lines}`` (``*`` a
repeated field; a type is a scalar type of protobuf or another message of the schema)."""
from ._errors import ComputeError

__all__ = ["build", "decode_error"]

_SCALARS = ("double", "float", "int64", "uint64", "int32", "fixed64", "fixed32", "bool", "string",
            "group", "message", "bytes", "uint32", "enum", "sfixed32", "sfixed64", "sint32",
            "sint64")  # in FieldDescriptorProto.Type's order, from 1


def _protobuf(who):
    try:
        from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
    except ImportError:
        raise ComputeError(f"For '{who}', reading MindSpore's protobuf files needs Google's "
                           "'protobuf' package (pip install protobuf).") from None
    return descriptor_pb2, descriptor_pool, message_factory


def build(who, package, file, schema):
    """The message classes of `schema` in `package` (as protobuf's generated module `file`
    would hold them), by name; a RuntimeError naming `who` without the ``protobuf`` package."""
    descriptor_pb2, descriptor_pool, message_factory = _protobuf(who)
    proto = descriptor_pb2.FileDescriptorProto(name=f"{file}.proto", package=package,
                                               syntax="proto2")
    field = descriptor_pb2.FieldDescriptorProto
    for name, text in schema.items():
        message = proto.message_type.add(name=name)
        for line in text.strip().splitlines():
            number, fname, kind = line.split()
            repeated = kind.startswith("*")
            kind = kind.lstrip("*")
            f = message.field.add(name=fname, number=int(number),
                                  label=field.LABEL_REPEATED if repeated else field.LABEL_OPTIONAL)
            if kind in _SCALARS:
                f.type = _SCALARS.index(kind) + 1
            else:
                f.type, f.type_name = field.TYPE_MESSAGE, f".{package}.{kind}"
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return {name: message_factory.GetMessageClass(pool.FindMessageTypeByName(f"{package}.{name}"))
            for name in schema}


def decode_error():
    """protobuf's DecodeError class (what parsing a file of another kind raises)."""
    from google.protobuf.message import DecodeError
    return DecodeError
