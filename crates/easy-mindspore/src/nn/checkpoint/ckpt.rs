//! MindSpore's `.ckpt` format: protocol buffers (proto2) of MindSpore's `checkpoint.proto`:
//!
//! ```text
//! message Checkpoint  { message Value { required string tag = 1;
//!                                       oneof value { TensorProto tensor = 2; MapTensorProto maptensor = 3; } }
//!                       repeated Value value = 1; }
//! message TensorProto { repeated int64 dims = 1; required string tensor_type = 2;
//!                       required bytes tensor_content = 3; }
//! ```
//!
//! MindSpore writes one `Checkpoint` message per parameter, appended to the file (concatenated
//! messages merge their repeated fields, so the file is one `Checkpoint`); a 0-D tensor is
//! written with `dims = [0]`; `tensor_type` is the dtype's name (`"Float32"`); content is the
//! raw little-endian data. A string (MindSpore saves the `str` values of `append_dict`) is written
//! with `dims = [0]`, `tensor_type = "str"` and its characters in UTF-32LE (NumPy's `U` dtype),
//! and loads as an [`Entry::Str`]. A very large parameter may be split into several consecutive values
//! with the same tag, whose contents concatenate. The varint and length-delimited wire encoding
//! is written by hand here (no code generator).
//!
//! Protobuf has no end marker: a file cut exactly between two values parses as a shorter
//! checkpoint. Load with `strict = true` (or check the list of parameters not loaded) to notice.
//!
//! Reading is linear in the file's size: tags are checked for duplicates with a hash set, a
//! tensor's content is borrowed from the file's bytes (copied only to join slices), and a tensor
//! with more than [`MAX_NDIM`] dims is refused as soon as its dims are read.

use super::{bytes_of, tensor_from_le, Entry};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::MAX_NDIM;
use std::borrow::Cow;
use std::collections::HashSet;

fn fail(what: &str, msg: impl std::fmt::Display) -> Error {
    Error::invalid(
        "load_checkpoint",
        format!("{what}: invalid MindSpore checkpoint: {msg}"),
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

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn put_len(out: &mut Vec<u8>, field: u32, bytes: &[u8]) {
    put_varint(out, u64::from(field << 3 | 2));
    put_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

/// The file bytes for named entries (one `Checkpoint` message per entry, as MindSpore writes).
pub(crate) fn encode(named: &[(String, Entry)]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    for (name, e) in named {
        let mut tensor = Vec::new();
        match e {
            Entry::Tensor(t) => {
                let (wire, content) = bytes_of(t)?;
                tensor.reserve(content.len() + 32);
                let dims: Vec<usize> = if t.ndim() == 0 { vec![0] } else { t.shape() };
                for d in dims {
                    put_varint(&mut tensor, 1 << 3); // field 1, varint (proto2: not packed)
                    put_varint(&mut tensor, d as u64);
                }
                put_len(&mut tensor, 2, type_name(wire).as_bytes());
                put_len(&mut tensor, 3, &content);
            }
            Entry::Str(text) => {
                put_varint(&mut tensor, 1 << 3);
                put_varint(&mut tensor, 0);
                put_len(&mut tensor, 2, STR.as_bytes());
                // NumPy's `U` dtype, as MindSpore writes it: at least one character, the empty
                // string being one NUL.
                let mut utf32: Vec<u8> = text
                    .chars()
                    .flat_map(|c| (c as u32).to_le_bytes())
                    .collect();
                if utf32.is_empty() {
                    utf32 = vec![0; 4];
                }
                put_len(&mut tensor, 3, &utf32);
            }
        }
        let mut value = Vec::with_capacity(tensor.len() + name.len() + 16);
        put_len(&mut value, 1, name.as_bytes());
        put_len(&mut value, 2, &tensor);
        put_len(&mut out, 1, &value);
    }
    Ok(out)
}

/// The `tensor_type` of a string entry.
const STR: &str = "str";

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

/// A cursor over protobuf bytes.
struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    what: &'a str,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    fn varint(&mut self) -> Result<u64> {
        let mut v = 0u64;
        for k in 0..10 {
            let byte = *self
                .b
                .get(self.i)
                .ok_or_else(|| fail(self.what, format!("truncated varint at byte {}", self.i)))?;
            self.i += 1;
            if k == 9 && byte > 1 {
                return Err(fail(
                    self.what,
                    format!("varint overflow at byte {}", self.i),
                ));
            }
            v |= u64::from(byte & 0x7f) << (7 * k);
            if byte < 0x80 {
                return Ok(v);
            }
        }
        Err(fail(
            self.what,
            format!("varint too long at byte {}", self.i),
        ))
    }

    fn key(&mut self) -> Result<(u64, u8)> {
        let k = self.varint()?;
        Ok((k >> 3, (k & 7) as u8))
    }

    fn bytes(&mut self) -> Result<&'a [u8]> {
        let n = self.varint()?;
        let end = (self.i as u64)
            .checked_add(n)
            .filter(|&e| e <= self.b.len() as u64)
            .ok_or_else(|| {
                fail(
                    self.what,
                    format!(
                        "a field of {n} bytes at byte {} runs past the end ({} bytes)",
                        self.i,
                        self.b.len()
                    ),
                )
            })? as usize;
        let s = &self.b[self.i..end];
        self.i = end;
        Ok(s)
    }

    /// Skips a field of an unknown number.
    fn skip(&mut self, wire: u8) -> Result<()> {
        match wire {
            0 => self.varint().map(|_| ()),
            1 | 5 => {
                let n = if wire == 1 { 8 } else { 4 };
                if self.i + n > self.b.len() {
                    return Err(fail(
                        self.what,
                        format!("truncated field at byte {}", self.i),
                    ));
                }
                self.i += n;
                Ok(())
            }
            2 => self.bytes().map(|_| ()),
            w => Err(fail(
                self.what,
                format!("unsupported wire type {w} at byte {}", self.i),
            )),
        }
    }

    fn sub(&self, b: &'a [u8]) -> Reader<'a> {
        Reader {
            b,
            i: 0,
            what: self.what,
        }
    }
}

struct Proto<'a> {
    dims: Vec<i64>,
    /// The dtype, or `None` for a string.
    wire: Option<DType>,
    content: &'a [u8],
}

fn utf8<'a>(what: &str, b: &'a [u8], field: &str) -> Result<&'a str> {
    std::str::from_utf8(b).map_err(|_| fail(what, format!("the {field} is not UTF-8")))
}

/// Appends a dim, refusing more than [`MAX_NDIM`] of them.
fn push_dim(what: &str, dims: &mut Vec<i64>, d: u64) -> Result<()> {
    if dims.len() >= MAX_NDIM {
        return Err(fail(
            what,
            format!("a tensor has more than {MAX_NDIM} dims"),
        ));
    }
    dims.push(d as i64);
    Ok(())
}

fn tensor_proto<'a>(r: &mut Reader<'a>) -> Result<Proto<'a>> {
    let (mut dims, mut ty, mut content) = (Vec::new(), None, None);
    while !r.done() {
        match r.key()? {
            (1, 0) => push_dim(r.what, &mut dims, r.varint()?)?,
            (1, 2) => {
                let packed = r.bytes()?;
                let mut p = r.sub(packed);
                while !p.done() {
                    push_dim(r.what, &mut dims, p.varint()?)?;
                }
            }
            (2, 2) => ty = Some(utf8(r.what, r.bytes()?, "tensor_type")?),
            (3, 2) => content = Some(r.bytes()?),
            (_, w) => r.skip(w)?,
        }
    }
    let ty = ty.ok_or_else(|| fail(r.what, "a tensor has no tensor_type"))?;
    let wire = match ty {
        STR => None,
        _ => Some(
            wire_of(ty).ok_or_else(|| fail(r.what, format!("unsupported tensor_type \"{ty}\"")))?,
        ),
    };
    let content = content.ok_or_else(|| fail(r.what, "a tensor has no tensor_content"))?;
    Ok(Proto {
        dims,
        wire,
        content,
    })
}

/// One tensor of the file: its tag, its last proto and the content of all its slices.
struct Value<'a> {
    tag: String,
    proto: Proto<'a>,
    content: Cow<'a, [u8]>,
}

/// The tag and tensor of one `Checkpoint.Value` message.
fn value<'a>(v: &mut Reader<'a>) -> Result<(String, Proto<'a>)> {
    let what = v.what;
    let (mut tag, mut proto) = (None, None);
    while !v.done() {
        match v.key()? {
            (1, 2) => tag = Some(utf8(what, v.bytes()?, "tag")?.to_string()),
            (2, 2) => {
                let body = v.bytes()?;
                let mut t = v.sub(body);
                proto = Some(tensor_proto(&mut t)?);
            }
            (3, 2) => return Err(fail(what, "map tensors (MapTensorProto) are not supported")),
            (_, w) => v.skip(w)?,
        }
    }
    let tag = tag.ok_or_else(|| fail(what, "a value has no tag"))?;
    let proto = proto.ok_or_else(|| fail(what, format!("value \"{tag}\" has no tensor")))?;
    Ok((tag, proto))
}

/// The tensor or string of a value whose slices are all read.
fn finish(what: &str, v: Value<'_>) -> Result<(String, Entry)> {
    let Value {
        tag,
        proto,
        content,
    } = v;
    let Some(wire) = proto.wire else {
        let text = utf32(what, &tag, &content)?;
        return Ok((tag, Entry::Str(text)));
    };
    if proto.dims.iter().any(|&d| d < 0) {
        return Err(fail(
            what,
            format!("\"{tag}\" has negative dims {:?}", proto.dims),
        ));
    }
    let mut shape: Vec<usize> = proto.dims.iter().map(|&d| d as usize).collect();
    if shape == [0] && content.len() == wire.size_in_bytes() {
        shape.clear(); // MindSpore's spelling of a 0-D tensor
    }
    let t = tensor_from_le(wire, &content, &shape)
        .map_err(|e| fail(what, format!("tensor \"{tag}\": {e}")))?;
    Ok((tag, Entry::Tensor(t)))
}

/// Named tensors and strings from the file bytes, in file order.
pub(crate) fn decode(bytes: &[u8], what: &str) -> Result<Vec<(String, Entry)>> {
    let mut r = Reader {
        b: bytes,
        i: 0,
        what,
    };
    let mut out: Vec<(String, Entry)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    // The value being read: consecutive values with its tag are further slices of it.
    let mut current: Option<Value> = None;
    while !r.done() {
        let (field, wire) = r.key()?;
        if (field, wire) != (1, 2) {
            r.skip(wire)?;
            continue;
        }
        let body = r.bytes()?;
        let (tag, proto) = value(&mut r.sub(body))?;
        if let Some(cur) = current.as_mut().filter(|c| c.tag == tag) {
            if cur.proto.wire != proto.wire {
                return Err(fail(what, format!("slices of \"{tag}\" differ in type")));
            }
            cur.content.to_mut().extend_from_slice(proto.content);
            cur.proto = proto;
            continue;
        }
        if !seen.insert(tag.clone()) {
            return Err(fail(what, format!("the tag \"{tag}\" appears twice")));
        }
        let next = Value {
            tag,
            content: Cow::Borrowed(proto.content),
            proto,
        };
        if let Some(done) = current.replace(next) {
            out.push(finish(what, done)?);
        }
    }
    if let Some(done) = current {
        out.push(finish(what, done)?);
    }
    Ok(out)
}
