//! The safetensors format (Hugging Face): an 8-byte little-endian header length `n`, `n` bytes
//! of JSON `{"name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ...}`
//! (optionally `"__metadata__": {string: string}`), then the raw little-endian data, offsets
//! relative to its start.
//!
//! Reading validates everything before building a tensor: the header size, the JSON, each
//! entry's dtype and shape, that each byte range has exactly the size its shape needs, and that
//! the ranges tile the data without holes or overlaps (the format's rule).

use super::json::{self, Json};
use super::{bytes_of, tensor_from_le, Wire};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

const MAX_HEADER: u64 = 100_000_000;

fn fail(what: &str, msg: impl std::fmt::Display) -> Error {
    Error::invalid(
        "load_checkpoint",
        format!("{what}: invalid safetensors file: {msg}"),
    )
}

fn dtype_name(w: Wire) -> &'static str {
    match w {
        Wire::Bool => "BOOL",
        Wire::U8 => "U8",
        Wire::I8 => "I8",
        Wire::I16 => "I16",
        Wire::U16 => "U16",
        Wire::I32 => "I32",
        Wire::U32 => "U32",
        Wire::I64 => "I64",
        Wire::F16 => "F16",
        Wire::BF16 => "BF16",
        Wire::F32 => "F32",
        Wire::F64 => "F64",
    }
}

fn wire_of(name: &str) -> Option<Wire> {
    Some(match name {
        "BOOL" => Wire::Bool,
        "U8" => Wire::U8,
        "I8" => Wire::I8,
        "I16" => Wire::I16,
        "U16" => Wire::U16,
        "I32" => Wire::I32,
        "U32" => Wire::U32,
        "I64" => Wire::I64,
        "F16" => Wire::F16,
        "BF16" => Wire::BF16,
        "F32" => Wire::F32,
        "F64" => Wire::F64,
        _ => return None,
    })
}

/// The file bytes for named tensors (in the given order).
pub(crate) fn encode(named: &[(String, Tensor)]) -> Result<Vec<u8>> {
    let mut header = String::from("{");
    let mut data: Vec<u8> = Vec::new();
    for (i, (name, t)) in named.iter().enumerate() {
        let (wire, bytes) = bytes_of(t)?;
        let shape: Vec<String> = t.dims().iter().map(usize::to_string).collect();
        if i > 0 {
            header.push(',');
        }
        header.push_str(&format!(
            "{}:{{\"dtype\":\"{}\",\"shape\":[{}],\"data_offsets\":[{},{}]}}",
            json::quote(name),
            dtype_name(wire),
            shape.join(","),
            data.len(),
            data.len() + bytes.len()
        ));
        data.extend_from_slice(&bytes);
    }
    header.push('}');
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    while header.len() % 8 != 0 {
        header.push(' ');
    }
    let mut out = Vec::with_capacity(8 + header.len() + data.len());
    out.extend_from_slice(&(header.len() as u64).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    out.extend_from_slice(&data);
    Ok(out)
}

struct Entry {
    name: String,
    wire: Wire,
    shape: Vec<usize>,
    begin: usize,
    end: usize,
}

fn entry(what: &str, name: &str, v: &Json) -> Result<Entry> {
    let Json::Obj(fields) = v else {
        return Err(fail(what, format!("entry \"{name}\" is not an object")));
    };
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v);
    let wire = match get("dtype") {
        Some(Json::Str(s)) => wire_of(s)
            .ok_or_else(|| fail(what, format!("unsupported dtype \"{s}\" for \"{name}\"")))?,
        _ => return Err(fail(what, format!("entry \"{name}\" has no string dtype"))),
    };
    let ints = |k: &str| -> Result<Vec<u64>> {
        match get(k) {
            Some(Json::Arr(a)) => a
                .iter()
                .map(|x| {
                    x.as_u64()
                        .ok_or_else(|| fail(what, format!("\"{name}\".{k} holds a non-integer")))
                })
                .collect(),
            _ => Err(fail(what, format!("entry \"{name}\" has no {k} array"))),
        }
    };
    let shape: Vec<usize> = ints("shape")?.into_iter().map(|d| d as usize).collect();
    let offsets = ints("data_offsets")?;
    if offsets.len() != 2 || offsets[0] > offsets[1] {
        return Err(fail(
            what,
            format!("bad data_offsets {offsets:?} for \"{name}\""),
        ));
    }
    let numel = shape
        .iter()
        .try_fold(1usize, |a, &d| a.checked_mul(d))
        .and_then(|n| n.checked_mul(wire.size()))
        .ok_or_else(|| fail(what, format!("shape {shape:?} of \"{name}\" is too large")))?;
    if (offsets[1] - offsets[0]) as usize != numel {
        return Err(fail(
            what,
            format!("\"{name}\" has shape {shape:?} ({numel} bytes) but data_offsets {offsets:?}"),
        ));
    }
    Ok(Entry {
        name: name.to_string(),
        wire,
        shape,
        begin: offsets[0] as usize,
        end: offsets[1] as usize,
    })
}

/// Named tensors from the file bytes, in data order.
pub(crate) fn decode(bytes: &[u8], what: &str) -> Result<Vec<(String, Tensor)>> {
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
    let Json::Obj(items) = json::parse(text).map_err(|e| fail(what, e))? else {
        return Err(fail(what, "the header is not a JSON object"));
    };
    let data = &bytes[8 + n..];
    let mut entries = Vec::with_capacity(items.len());
    for (name, v) in &items {
        if name == "__metadata__" {
            continue;
        }
        entries.push(entry(what, name, v)?);
    }
    entries.sort_by_key(|e| (e.begin, e.end));
    let mut at = 0;
    for e in &entries {
        if e.begin != at {
            return Err(fail(
                what,
                format!(
                    "\"{}\" starts at byte {} of the data, expected {at} (a hole or an overlap)",
                    e.name, e.begin
                ),
            ));
        }
        at = e.end;
    }
    if at != data.len() {
        return Err(fail(
            what,
            format!(
                "the tensors cover {at} bytes of data but the file holds {} (truncated or \
                 padded)",
                data.len()
            ),
        ));
    }
    entries
        .into_iter()
        .map(|e| {
            let t = tensor_from_le(e.wire, &data[e.begin..e.end], &e.shape)?;
            Ok((e.name, t))
        })
        .collect()
}
