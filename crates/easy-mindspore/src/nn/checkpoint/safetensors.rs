//! The safetensors format (Hugging Face): an 8-byte little-endian header length `n`, `n` bytes
//! of JSON `{"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...}`
//! (optionally `"__metadata__": {string: string}`), then the raw little-endian data, offsets
//! relative to its start.
//!
//! Reading and writing go through the `safetensors` crate, which checks what the format requires:
//! the header's size (at most 100 MB, inside the file), its JSON, that each byte range has exactly
//! the size its shape and dtype need (with checked arithmetic), and that the ranges tile the data
//! without holes, overlaps or bytes left over. Before handing it the header, a linear pass of our
//! own (serde over the same JSON) refuses what the crate lets through or would allocate for:
//! duplicate names (the crate keeps the last), dtypes the engine cannot hold, and shapes of more
//! than [`MAX_NDIM`] dims. Tensors come back in data order; the crate writes them sorted by
//! dtype alignment and then by name, as every safetensors writer (and MindSpore) does.

use super::{bytes_of, tensor_from_le};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::MAX_NDIM;
use crate::tensor::Tensor;
use safetensors::tensor::{Dtype, SafeTensorError, SafeTensors, View};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

/// The crate's own limit on the header's size.
const MAX_HEADER: u64 = 100_000_000;

fn fail(what: &str, msg: impl fmt::Display) -> Error {
    Error::invalid(
        "load_checkpoint",
        format!("{what}: invalid safetensors file: {msg}"),
    )
}

/// The safetensors dtype of `w` (`None` for Complex128, which the format lacks).
fn dtype_of(w: DType) -> Option<Dtype> {
    Some(match w {
        DType::Bool => Dtype::BOOL,
        DType::UInt8 => Dtype::U8,
        DType::Int8 => Dtype::I8,
        DType::Int16 => Dtype::I16,
        DType::UInt16 => Dtype::U16,
        DType::Int32 => Dtype::I32,
        DType::UInt32 => Dtype::U32,
        DType::Int64 => Dtype::I64,
        DType::UInt64 => Dtype::U64,
        DType::Float16 => Dtype::F16,
        DType::BFloat16 => Dtype::BF16,
        DType::Float32 => Dtype::F32,
        DType::Float64 => Dtype::F64,
        DType::Complex64 => Dtype::C64,
        DType::Complex128 => return None,
    })
}

/// The dtype of a dtype's name in the header (`"F32"`), for the dtypes we read.
fn wire_of(name: &str) -> Option<DType> {
    DType::ALL
        .into_iter()
        .find(|&d| dtype_of(d).is_some_and(|t| format!("{t:?}") == name))
}

/// A tensor's bytes, as the crate's writer takes them.
struct Owned {
    dtype: Dtype,
    shape: Vec<usize>,
    data: Vec<u8>,
}

impl View for &Owned {
    fn dtype(&self) -> Dtype {
        self.dtype
    }
    fn shape(&self) -> &[usize] {
        &self.shape
    }
    fn data(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.data)
    }
    fn data_len(&self) -> usize {
        self.data.len()
    }
}

/// MindSpore's CRC32 of a safetensors file's tensors: over each name and its data, in name order
/// (stored as the `crc_num` string of the metadata).
fn crc_of<'a>(mut named: Vec<(&'a str, Cow<'a, [u8]>)>) -> u32 {
    named.sort_by(|a, b| a.0.cmp(b.0));
    let mut h = crc32fast::Hasher::new();
    for (name, data) in &named {
        h.update(name.as_bytes());
        h.update(data);
    }
    h.finalize()
}

/// `Some(true)` when the file's metadata holds a `crc_num` that matches its tensors,
/// `Some(false)` when it does not match, `None` when there is none. The bytes are parsed in full
/// (a malformed file is an error).
pub(crate) fn crc_matches(bytes: &[u8], what: &str) -> Result<Option<bool>> {
    let st = safetensors::SafeTensors::deserialize(bytes).map_err(|e| fail(what, describe(e)))?;
    let (_, meta) =
        safetensors::SafeTensors::read_metadata(bytes).map_err(|e| fail(what, describe(e)))?;
    let Some(stored) = meta.metadata().as_ref().and_then(|m| m.get("crc_num")) else {
        return Ok(None);
    };
    let tensors = st.tensors();
    let named = tensors
        .iter()
        .map(|(n, v)| (n.as_str(), Cow::Borrowed(v.data())))
        .collect();
    Ok(Some(
        stored.parse::<u64>().ok() == Some(u64::from(crc_of(named))),
    ))
}

/// The file bytes for named tensors (names must be distinct; the caller checks), with MindSpore's
/// `crc_num` in the metadata when `crc`.
pub(crate) fn encode(named: &[(String, Tensor)], crc: bool) -> Result<Vec<u8>> {
    let owned = named
        .iter()
        .map(|(name, t)| {
            if name == "__metadata__" {
                return Err(Error::invalid(
                    "save_checkpoint",
                    "'__metadata__' is reserved in safetensors and cannot name a tensor",
                ));
            }
            let (wire, data) = bytes_of(t)?;
            let o = Owned {
                dtype: dtype_of(wire).ok_or_else(|| {
                    Error::invalid(
                        "save_checkpoint",
                        format!("'{name}': safetensors has no {wire} dtype"),
                    )
                })?,
                shape: t.shape(),
                data,
            };
            Ok((name.as_str(), o))
        })
        .collect::<Result<Vec<_>>>()?;
    let metadata = crc.then(|| {
        let crc = crc_of(
            owned
                .iter()
                .map(|(n, o)| (*n, Cow::Borrowed(&o.data[..])))
                .collect(),
        );
        std::collections::HashMap::from([("crc_num".to_string(), crc.to_string())])
    });
    safetensors::serialize(owned.iter().map(|(n, o)| (*n, o)), metadata)
        .map_err(|e| Error::invalid("save_checkpoint", format!("safetensors: {e}")))
}

/// Our message for an error of the crate's reader.
fn describe(e: SafeTensorError) -> String {
    match e {
        SafeTensorError::InvalidOffset(name) => format!(
            "the data_offsets of \"{name}\" do not start where the previous tensor ends (a \
             hole or an overlap)"
        ),
        SafeTensorError::TensorInvalidInfo => {
            "a tensor's data_offsets do not span the bytes its shape and dtype need".into()
        }
        SafeTensorError::MetadataIncompleteBuffer => {
            "the tensors do not cover the data exactly (truncated or padded)".into()
        }
        SafeTensorError::ValidationOverflow => "a tensor's shape is too large".into(),
        other => other.to_string(),
    }
}

/// Checks the header before the crate reads it (see the module doc): a JSON object with
/// distinct keys whose entries have a dtype we read and at most [`MAX_NDIM`] dims.
struct Header;

impl<'de> Visitor<'de> for Header {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object (the safetensors header)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::custom(format!("duplicate key \"{key}\"")));
            }
            if key == "__metadata__" {
                map.next_value::<IgnoredAny>()?;
            } else {
                map.next_value_seed(Entry(&key))?;
            }
            seen.insert(key);
        }
        Ok(())
    }
}

/// One tensor's entry: its dtype must be one we read and its shape short enough.
struct Entry<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for Entry<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Entry<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object describing tensor \"{}\"", self.0)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "dtype" => {
                    let name = map.next_value::<String>()?;
                    if wire_of(&name).is_none() {
                        return Err(de::Error::custom(format!(
                            "unsupported dtype \"{name}\" for \"{}\"",
                            self.0
                        )));
                    }
                }
                "shape" => map.next_value_seed(ShapeLen(self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// A shape: a list of at most [`MAX_NDIM`] unsigned integers, counted without being stored.
struct ShapeLen<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for ShapeLen<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ShapeLen<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of sizes (the shape of \"{}\")", self.0)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        let mut n = 0usize;
        while seq.next_element::<u64>()?.is_some() {
            n += 1;
            if n > MAX_NDIM {
                return Err(de::Error::custom(format!(
                    "the shape of \"{}\" has more than {MAX_NDIM} dims",
                    self.0
                )));
            }
        }
        Ok(())
    }
}

/// The header's length and text, checked against the file's size.
fn header(bytes: &[u8], what: &str) -> Result<usize> {
    let len_bytes: [u8; 8] = bytes
        .get(..8)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| {
            fail(
                what,
                format!("only {} bytes, no header length", bytes.len()),
            )
        })?;
    let n = u64::from_le_bytes(len_bytes);
    if n > MAX_HEADER || 8 + n > bytes.len() as u64 {
        return Err(fail(
            what,
            format!(
                "header length {n} does not fit the file of {} bytes",
                bytes.len()
            ),
        ));
    }
    let n = n as usize;
    let text =
        std::str::from_utf8(&bytes[8..8 + n]).map_err(|_| fail(what, "the header is not UTF-8"))?;
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_map(Header)
        .and_then(|()| de.end())
        .map_err(|e| fail(what, format!("header: {e}")))?;
    Ok(n)
}

/// Named tensors from the file bytes, in data order.
pub(crate) fn decode(bytes: &[u8], what: &str) -> Result<Vec<(String, Tensor)>> {
    let n = header(bytes, what)?;
    let (_, meta) = SafeTensors::read_metadata(bytes).map_err(|e| fail(what, describe(e)))?;
    let data = &bytes[8 + n..];
    meta.offset_keys()
        .into_iter()
        .map(|name| {
            let info = meta
                .info(&name)
                .ok_or_else(|| fail(what, format!("no entry for \"{name}\"")))?;
            let dtype = info.dtype.to_string();
            let wire = wire_of(&dtype)
                .ok_or_else(|| fail(what, format!("unsupported dtype \"{dtype}\"")))?;
            let (begin, end) = info.data_offsets;
            let b = data
                .get(begin..end)
                .ok_or_else(|| fail(what, format!("\"{name}\" lies outside the data")))?;
            let t = tensor_from_le(wire, b, &info.shape)
                .map_err(|e| fail(what, format!("tensor \"{name}\": {e}")))?;
            Ok((name, t))
        })
        .collect()
}
