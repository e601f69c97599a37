//! MindSpore's `.ckpt` format: protocol buffers (proto2) of MindSpore's `checkpoint.proto`,
//! decoded and encoded by the `prost` crate from the message structs below (written to match
//! that file field for field; no code generator, no `protoc`):
//!
//! ```text
//! message Checkpoint  { message Value { required string tag = 1;
//!                                       oneof value { TensorProto tensor = 2; MapTensorProto maptensor = 3; } }
//!                       repeated Value value = 1; }
//! message TensorProto { repeated int64 dims = 1; required string tensor_type = 2;
//!                       required bytes tensor_content = 3; }
//! message MapTensorProto { repeated TensorProto tensor = 1; }
//! ```
//!
//! MindSpore writes one `Checkpoint` message per parameter, appended to the file (concatenated
//! messages merge their repeated fields, so the file is one `Checkpoint`); a 0-D tensor is
//! written with `dims = [0]`; `tensor_type` is the dtype's name (`"Float32"`); content is the
//! raw little-endian data. A string (MindSpore saves the `str` values of `append_dict`) is written
//! with `dims = [0]`, `tensor_type = "str"` and its characters in UTF-32LE (NumPy's `U` dtype),
//! and loads as an [`Entry::Str`]. A very large parameter may be split into several consecutive values
//! with the same tag, whose contents concatenate.
//!
//! Protobuf has no end marker: a file cut exactly between two values parses as a shorter
//! checkpoint. Load with `strict = true` (or check the list of parameters not loaded) to notice.
//!
//! Reading is linear in the file's size and its memory bounded by it: the file's `Checkpoint` is
//! read one `Value` at a time (prost's `decode_length_delimited` on each field 1), so what is
//! held besides the finished tensors is one value; prost checks every length against the bytes
//! left before it allocates, so a length field cannot claim more memory than the file has; a
//! tensor with more than [`MAX_NDIM`] dims is refused before any shape arithmetic; tags are
//! checked for duplicates with a hash set.

use super::{bytes_of, tensor_from_le, Entry};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::MAX_NDIM;
use prost::encoding::{decode_key, skip_field, DecodeContext, WireType};
use prost::Message;
use std::collections::HashSet;

/// `Checkpoint` of `checkpoint.proto`.
#[derive(Clone, PartialEq, Message)]
struct Checkpoint {
    #[prost(message, repeated, tag = "1")]
    value: Vec<Value>,
}

/// `Checkpoint.Value`: a tag and its tensor.
#[derive(Clone, PartialEq, Message)]
struct Value {
    #[prost(string, required, tag = "1")]
    tag: String,
    #[prost(oneof = "Kind", tags = "2, 3")]
    value: Option<Kind>,
}

/// The `oneof value` of `Checkpoint.Value`.
#[derive(Clone, PartialEq, prost::Oneof)]
enum Kind {
    #[prost(message, tag = "2")]
    Tensor(TensorProto),
    #[prost(message, tag = "3")]
    Maptensor(MapTensorProto),
}

/// `TensorProto`: proto2, so `dims` is not packed (prost reads packed dims too).
#[derive(Clone, PartialEq, Message)]
struct TensorProto {
    #[prost(int64, repeated, packed = "false", tag = "1")]
    dims: Vec<i64>,
    #[prost(string, required, tag = "2")]
    tensor_type: String,
    #[prost(bytes = "vec", required, tag = "3")]
    tensor_content: Vec<u8>,
}

/// `MapTensorProto` (read only to be refused by name).
#[derive(Clone, PartialEq, Message)]
struct MapTensorProto {
    #[prost(message, repeated, tag = "1")]
    tensor: Vec<TensorProto>,
}

fn fail(what: &str, msg: impl std::fmt::Display) -> Error {
    Error::invalid(
        "load_checkpoint",
        format!("{what}: invalid MindSpore checkpoint: {msg}"),
    )
}

/// A prost decoding error at byte `at`, in plain words: prost says where in the message
/// (`Value.tensor: TensorProto.tensor_content: buffer underflow`); the words after it say what
/// that means for a file.
fn malformed(what: &str, at: usize, e: &prost::DecodeError) -> Error {
    let text = e.to_string();
    let detail = text
        .strip_prefix("failed to decode Protobuf message: ")
        .unwrap_or(&text);
    let hint = if detail.ends_with("buffer underflow") {
        " (a field runs past the end of the file: it is truncated or corrupt)"
    } else if detail.ends_with("invalid varint") {
        " (varint overflow: a number longer than 10 bytes or past 64 bits)"
    } else if detail.contains("invalid wire type") {
        " (bytes that are not a checkpoint, or a corrupt one)"
    } else {
        ""
    };
    fail(
        what,
        format!("malformed protobuf at byte {at}: {detail}{hint}"),
    )
}

/// MindSpore's name of a dtype in a checkpoint (`"Float16"`).
fn type_name(w: DType) -> &'static str {
    w.name()
}

/// The dtype of a checkpoint's type name; MindSpore 1.x spelled the unsigned types "Uint8".
fn wire_of(name: &str) -> Option<DType> {
    match name {
        "Uint8" => Some(DType::UInt8),
        "Uint16" => Some(DType::UInt16),
        "Uint32" => Some(DType::UInt32),
        "Uint64" => Some(DType::UInt64),
        _ => DType::from_name(name),
    }
}

/// The `tensor_type` of a string entry.
const STR: &str = "str";

/// The `Checkpoint.Value` of one entry.
fn value_of(name: &str, e: &Entry) -> Result<Value> {
    let tensor = match e {
        Entry::Tensor(t) => {
            let (wire, content) = bytes_of(t)?;
            TensorProto {
                dims: if t.ndim() == 0 {
                    vec![0]
                } else {
                    t.dims().iter().map(|&d| d as i64).collect()
                },
                tensor_type: type_name(wire).to_string(),
                tensor_content: content,
            }
        }
        Entry::Str(text) => {
            // NumPy's `U` dtype, as MindSpore writes it: at least one character, the empty
            // string being one NUL.
            let mut utf32: Vec<u8> = text
                .chars()
                .flat_map(|c| (c as u32).to_le_bytes())
                .collect();
            if utf32.is_empty() {
                utf32 = vec![0; 4];
            }
            TensorProto {
                dims: vec![0],
                tensor_type: STR.to_string(),
                tensor_content: utf32,
            }
        }
    };
    Ok(Value {
        tag: name.to_string(),
        value: Some(Kind::Tensor(tensor)),
    })
}

/// The tag MindSpore's `save_checkpoint(crc_check=True)` writes after a `.ckpt`'s messages,
/// followed by the CRC32 of the bytes before the tag as a 10-byte big-endian number.
const CRC_TAG: &[u8] = b"crc_num";
const CRC_BYTES: usize = 10;

/// The messages of a `.ckpt` file and the CRC32 stored after them, when the file has one (as
/// MindSpore's reader, a file whose last 17 bytes are the tag and a number has one).
pub(crate) fn split_crc(bytes: &[u8]) -> (&[u8], Option<u128>) {
    let n = bytes.len();
    let Some(tag_at) = n.checked_sub(CRC_TAG.len() + CRC_BYTES) else {
        return (bytes, None);
    };
    if &bytes[tag_at..n - CRC_BYTES] != CRC_TAG {
        return (bytes, None);
    }
    let stored = bytes[n - CRC_BYTES..]
        .iter()
        .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
    (&bytes[..tag_at], Some(stored))
}

/// Appends MindSpore's CRC trailer for the bytes in `out`.
pub(crate) fn append_crc(out: &mut Vec<u8>) {
    let crc = u128::from(crc32fast::hash(out));
    out.extend_from_slice(CRC_TAG);
    out.extend_from_slice(&crc.to_be_bytes()[16 - CRC_BYTES..]);
}

/// `Some(true)` when the `.ckpt` bytes end with a CRC that matches them, `Some(false)` when it
/// does not, `None` when they have none.
pub(crate) fn crc_matches(bytes: &[u8]) -> Option<bool> {
    let (body, stored) = split_crc(bytes);
    stored.map(|s| s == u128::from(crc32fast::hash(body)))
}

/// The file bytes for named entries (one `Checkpoint` message per entry, as MindSpore writes).
pub(crate) fn encode(named: &[(String, Entry)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (name, e) in named {
        let one = Checkpoint {
            value: vec![value_of(name, e)?],
        };
        out.reserve(one.encoded_len());
        one.encode(&mut out).map_err(|e| {
            Error::invalid("save_checkpoint", format!("cannot encode \"{name}\": {e}"))
        })?;
    }
    Ok(out)
}

/// The string of a `str` entry's content (UTF-32LE code points; trailing NULs are padding, as
/// NumPy reads its `U` dtype).
fn utf32(what: &str, tag: &str, b: &[u8]) -> Result<String> {
    if !b.len().is_multiple_of(4) {
        return Err(fail(
            what,
            format!(
                "string \"{tag}\" has {} bytes, not a multiple of 4 (UTF-32)",
                b.len()
            ),
        ));
    }
    b.chunks_exact(4)
        .map(|c| {
            let u = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(u).ok_or_else(|| {
                fail(
                    what,
                    format!("string \"{tag}\" holds {u:#x}, not a Unicode scalar value"),
                )
            })
        })
        .collect::<Result<String>>()
        .map(|t| t.trim_end_matches('\0').to_string())
}

/// One tensor of the file: its tag, dims and dtype (`None`: a string) from its last value, and
/// the content of all its slices.
struct Slices {
    tag: String,
    dims: Vec<i64>,
    wire: Option<DType>,
    content: Vec<u8>,
}

/// The tag and tensor of a decoded `Checkpoint.Value`, checked.
fn slices_of(what: &str, v: Value) -> Result<Slices> {
    let Value { tag, value } = v;
    let t = match value {
        Some(Kind::Tensor(t)) => t,
        Some(Kind::Maptensor(_)) => {
            return Err(fail(
                what,
                format!("\"{tag}\" is a map tensor (MapTensorProto), which is not supported"),
            ))
        }
        None => return Err(fail(what, format!("value \"{tag}\" has no tensor"))),
    };
    if t.dims.len() > MAX_NDIM {
        return Err(fail(
            what,
            format!("\"{tag}\": a tensor has more than {MAX_NDIM} dims"),
        ));
    }
    let wire = match t.tensor_type.as_str() {
        STR => None,
        "" => {
            return Err(fail(
                what,
                format!("\"{tag}\": a tensor has no tensor_type"),
            ))
        }
        ty => Some(
            wire_of(ty).ok_or_else(|| fail(what, format!("unsupported tensor_type \"{ty}\"")))?,
        ),
    };
    Ok(Slices {
        tag,
        dims: t.dims,
        wire,
        content: t.tensor_content,
    })
}

/// The tensor or string of a value whose slices are all read.
fn finish(what: &str, v: Slices) -> Result<(String, Entry)> {
    let Slices {
        tag,
        dims,
        wire,
        content,
    } = v;
    let Some(wire) = wire else {
        let text = utf32(what, &tag, &content)?;
        return Ok((tag, Entry::Str(text)));
    };
    if dims.iter().any(|&d| d < 0) {
        return Err(fail(what, format!("\"{tag}\" has negative dims {dims:?}")));
    }
    let mut shape: Vec<usize> = dims.iter().map(|&d| d as usize).collect();
    if shape == [0] && content.len() == wire.size_in_bytes() {
        shape.clear(); // MindSpore's spelling of a 0-D tensor
    }
    let t = tensor_from_le(wire, &content, &shape)
        .map_err(|e| fail(what, format!("tensor \"{tag}\": {e}")))?;
    Ok((tag, Entry::Tensor(t)))
}

/// Named tensors and strings from the file bytes, in file order.
pub(crate) fn decode(bytes: &[u8], what: &str) -> Result<Vec<(String, Entry)>> {
    let (bytes, _) = split_crc(bytes);
    let mut buf = bytes;
    let at = |buf: &[u8]| bytes.len() - buf.len();
    let mut out: Vec<(String, Entry)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // The value being read: consecutive values with its tag are further slices of it.
    let mut current: Option<Slices> = None;
    while !buf.is_empty() {
        let start = at(buf);
        let (field, wire) = decode_key(&mut buf).map_err(|e| malformed(what, start, &e))?;
        match (field, wire) {
            (1, WireType::LengthDelimited) => {}
            // Groups are deprecated protobuf that MindSpore never writes.
            (_, WireType::StartGroup | WireType::EndGroup) => {
                return Err(fail(
                    what,
                    format!(
                        "unsupported wire type {} (a protobuf group) at byte {start}",
                        wire as u8
                    ),
                ))
            }
            // Fields a later checkpoint.proto may add are skipped, as protobuf readers do.
            _ => {
                skip_field(wire, field, &mut buf, DecodeContext::default())
                    .map_err(|e| malformed(what, start, &e))?;
                continue;
            }
        }
        let v = Value::decode_length_delimited(&mut buf).map_err(|e| malformed(what, start, &e))?;
        let v = slices_of(what, v)?;
        if let Some(cur) = current.as_mut().filter(|c| c.tag == v.tag) {
            if cur.wire != v.wire {
                return Err(fail(
                    what,
                    format!("slices of \"{}\" differ in type", v.tag),
                ));
            }
            cur.content.extend_from_slice(&v.content);
            cur.dims = v.dims;
            continue;
        }
        if !seen.insert(v.tag.clone()) {
            return Err(fail(what, format!("the tag \"{}\" appears twice", v.tag)));
        }
        if let Some(done) = current.replace(v) {
            out.push(finish(what, done)?);
        }
    }
    if let Some(done) = current {
        out.push(finish(what, done)?);
    }
    Ok(out)
}
