//! Checkpoints: a cell's parameters saved to and loaded from safetensors or MindSpore's `.ckpt`
//! (protobuf), bit for bit.
//!
//! - **Names** are the cell's `parameters_and_names` paths (`0.weight`, `conv1.bias`).
//! - **Format** on saving: `.safetensors` by extension, otherwise `.ckpt`; on loading it is
//!   recognised from the content.
//! - **Atomic writes** ([`file`]): the bytes go to a temporary file with an unpredictable name in
//!   the same directory, are flushed to disk, and the file is renamed over the target — a crash
//!   leaves the old file or the new one, and the next save removes what a killed one left behind.
//! - **All or nothing**: loading parses and validates the whole file before returning;
//!   [`load_param_into_net`] checks every name, shape and dtype before it assigns any value. A
//!   truncated or corrupt file is an error naming the file and the problem
//!   ([`Error::InvalidArgument`], Python's `ValueError`).
//! - **Bounded**: every size a file declares is checked against the bytes it holds (with checked
//!   arithmetic) before anything is allocated for it, a tensor has at most
//!   [`MAX_NDIM`](crate::layout::MAX_NDIM) dimensions, and loading is linear in the file's size
//!   (names are checked for duplicates with hash sets).
//!
//! Every engine dtype is saved and loaded as itself (Float16, BFloat16, the narrow and unsigned
//! integers included): a tensor's file type is its [`DType`].
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::{self, Cell};
//! ems::set_seed(0);
//! let net = nn::Dense::new(3, 2)?;
//! let path = std::env::temp_dir().join(format!("doc_{}.ckpt", std::process::id()));
//! nn::save_checkpoint(&net, &path)?;
//! let other = nn::Dense::new(3, 2)?;
//! let (not_loaded, _) = nn::load_param_into_net(&other, &nn::load_checkpoint(&path)?, true)?;
//! assert!(not_loaded.is_empty());
//! assert_eq!(other.weight().value().to_vec::<f32>(), net.weight().value().to_vec::<f32>());
//! # std::fs::remove_file(&path).ok();
//! # Ok::<(), ems::Error>(())
//! ```

mod ckpt;
pub mod file;
mod safetensors;

pub use file::write_atomic;

use super::cell::Cell;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::{checked_numel, MAX_NDIM};
use crate::tensor::Tensor;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One entry of a checkpoint: a tensor, or a string (MindSpore's `save_checkpoint` writes the
/// `str` values of its `append_dict` into `.ckpt` files, and its `load_checkpoint` returns them as
/// strings).
#[derive(Clone, Debug)]
pub enum Entry {
    /// A tensor (a parameter, or a number of `append_dict`).
    Tensor(Tensor),
    /// A string (`.ckpt` only).
    Str(String),
}

/// The on-disk formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// MindSpore's protobuf `.ckpt`.
    Ckpt,
    /// Hugging Face safetensors.
    SafeTensors,
}

impl Format {
    /// `SafeTensors` for a `.safetensors` extension, `Ckpt` otherwise.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("safetensors") => Format::SafeTensors,
            _ => Format::Ckpt,
        }
    }
}

/// A tensor's dtype and little-endian bytes.
pub(crate) fn bytes_of(t: &Tensor) -> Result<(DType, Vec<u8>)> {
    Ok((t.dtype(), t.to_le_bytes()?))
}

/// A tensor of `shape` from little-endian bytes of `wire` type, checking the number of
/// dimensions and the byte count (a shape too large to exist, even with a zero axis, is refused).
pub(crate) fn tensor_from_le(wire: DType, b: &[u8], shape: &[usize]) -> Result<Tensor> {
    if shape.len() > MAX_NDIM {
        return Err(Error::invalid(
            "load_checkpoint",
            format!(
                "a shape of {} dimensions (at most {MAX_NDIM} are allowed)",
                shape.len()
            ),
        ));
    }
    let bytes = checked_numel(shape, wire.size_in_bytes())
        .and_then(|n| n.checked_mul(wire.size_in_bytes()));
    if bytes != Some(b.len()) {
        return Err(Error::invalid(
            "load_checkpoint",
            format!(
                "shape {shape:?} of {wire:?} needs {} bytes, but {} are stored",
                bytes.map_or("too many".to_string(), |n| n.to_string()),
                b.len()
            ),
        ));
    }
    Tensor::from_le_bytes(b, wire, shape)
}

/// Saves named tensors in the given format (names must be distinct).
pub fn save_tensors(
    named: &[(String, Tensor)],
    path: impl AsRef<Path>,
    format: Format,
) -> Result<()> {
    let entries: Vec<(String, Entry)> = named
        .iter()
        .map(|(n, t)| (n.clone(), Entry::Tensor(t.clone())))
        .collect();
    save_entries(&entries, path, format)
}

/// Saves named tensors and strings in the given format (names must be distinct; strings only in
/// `.ckpt`, as MindSpore).
pub fn save_entries(
    named: &[(String, Entry)],
    path: impl AsRef<Path>,
    format: Format,
) -> Result<()> {
    save_entries_crc(named, path, format, false)
}

/// [`save_entries`], with MindSpore's CRC32 when `crc` (its `save_checkpoint(crc_check=True)`): a
/// `.ckpt` ends with `crc_num` and the CRC32 of the bytes before it (10 bytes, big-endian); a
/// safetensors file holds it as the `crc_num` string of its metadata, over each name and its
/// data in name order. [`check_crc`] verifies either.
pub fn save_entries_crc(
    named: &[(String, Entry)],
    path: impl AsRef<Path>,
    format: Format,
    crc: bool,
) -> Result<()> {
    let mut seen = HashSet::with_capacity(named.len());
    for (n, _) in named {
        if !seen.insert(n.as_str()) {
            return Err(Error::invalid(
                "save_checkpoint",
                format!("the name '{n}' appears twice"),
            ));
        }
    }
    let bytes = match format {
        Format::Ckpt => {
            let mut bytes = ckpt::encode(named)?;
            if crc {
                ckpt::append_crc(&mut bytes);
            }
            bytes
        }
        Format::SafeTensors => {
            let mut tensors = Vec::with_capacity(named.len());
            for (n, e) in named {
                match e {
                    Entry::Tensor(t) => tensors.push((n.clone(), t.clone())),
                    Entry::Str(_) => {
                        return Err(Error::invalid(
                            "save_checkpoint",
                            format!(
                            "'{n}' is a string: safetensors files hold tensors only (use .ckpt)"
                        ),
                        ))
                    }
                }
            }
            safetensors::encode(&tensors, crc)?
        }
    };
    write_atomic(path.as_ref(), &bytes)
}

/// The cell's parameters as `(path, value)` pairs.
pub fn cell_state(cell: &dyn Cell) -> Vec<(String, Tensor)> {
    cell.parameters_and_names()
        .into_iter()
        .map(|(n, p)| (n, p.value()))
        .collect()
}

/// MindSpore's `save_checkpoint(cell, path)`: every parameter under its path; `.safetensors`
/// files in safetensors, anything else in MindSpore's `.ckpt` format.
pub fn save_checkpoint(cell: &dyn Cell, path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref();
    save_tensors(&cell_state(cell), path, Format::from_path(path))
}

/// Parses checkpoint bytes of either format into its tensors (a `.ckpt`'s strings are left out:
/// [`parse_checkpoint_entries`] has them); `what` names the source in errors, and its extension
/// (`.safetensors`, `.ckpt`) picks the format when it has one.
pub fn parse_checkpoint(bytes: &[u8], what: &str) -> Result<Vec<(String, Tensor)>> {
    Ok(tensors_of(parse_checkpoint_entries(bytes, what)?))
}

/// MindSpore's `load_checkpoint(crc_check=True)` check of a file's bytes: `Ok(true)` when they
/// carry a CRC32 that matches, `Ok(false)` when they carry none (MindSpore then warns and loads
/// the file), and a `ValueError`-class error when the stored CRC differs (a damaged file).
pub fn check_crc(bytes: &[u8], what: &str) -> Result<bool> {
    let matches = if looks_safetensors(bytes, what) {
        safetensors::crc_matches(bytes, what)?
    } else {
        ckpt::crc_matches(bytes)
    };
    match matches {
        Some(false) => Err(Error::invalid(
            "load_checkpoint",
            format!(
                "{what}: the crc check is failed, please check whether the ckpt file is damaged"
            ),
        )),
        Some(true) => Ok(true),
        None => Ok(false),
    }
}

/// Whether checkpoint bytes are safetensors: the name's extension decides when it is one of the
/// two formats'; otherwise the content does.
fn looks_safetensors(bytes: &[u8], what: &str) -> bool {
    if what.ends_with(".safetensors") {
        true
    } else if what.ends_with(".ckpt") {
        false
    } else {
        bytes.len() >= 9
            && bytes[8] == b'{'
            && u64::from_le_bytes(bytes[..8].try_into().unwrap_or([0xff; 8])) < 100_000_000
    }
}

/// Parses checkpoint bytes of either format into its tensors and strings, in file order.
pub fn parse_checkpoint_entries(bytes: &[u8], what: &str) -> Result<Vec<(String, Entry)>> {
    let named = if looks_safetensors(bytes, what) {
        safetensors::decode(bytes, what)?
            .into_iter()
            .map(|(n, t)| (n, Entry::Tensor(t)))
            .collect()
    } else {
        ckpt::decode(bytes, what)?
    };
    if named.is_empty() {
        return Err(Error::invalid(
            "load_checkpoint",
            format!("{what}: the checkpoint holds no tensors"),
        ));
    }
    Ok(named)
}

fn tensors_of(named: Vec<(String, Entry)>) -> Vec<(String, Tensor)> {
    named
        .into_iter()
        .filter_map(|(n, e)| match e {
            Entry::Tensor(t) => Some((n, t)),
            Entry::Str(_) => None,
        })
        .collect()
}

/// MindSpore's `load_checkpoint(path)`: the named tensors of a safetensors or `.ckpt` file, in
/// file order (a `.ckpt`'s strings are left out: [`load_checkpoint_entries`] has them).
pub fn load_checkpoint(path: impl AsRef<Path>) -> Result<Vec<(String, Tensor)>> {
    Ok(tensors_of(load_checkpoint_entries(path)?))
}

/// The named tensors and strings of a safetensors or `.ckpt` file, in file order.
pub fn load_checkpoint_entries(path: impl AsRef<Path>) -> Result<Vec<(String, Entry)>> {
    let path = path.as_ref();
    let bytes = file::read_regular(path).map_err(|e| {
        Error::invalid(
            "load_checkpoint",
            format!("{}: cannot read the file: {e}", path.display()),
        )
    })?;
    parse_checkpoint_entries(&bytes, &path.display().to_string())
}

/// MindSpore's `load_param_into_net(net, parameter_dict, strict_load)`: assigns each parameter
/// of `cell` the tensor of the same path. Returns `(param_not_load, ckpt_not_load)`: the cell's
/// parameters missing from the dict and the dict's names the cell does not have.
///
/// Every match is checked first — same shape; same dtype, or with `strict = false` a dtype of the
/// same kind (float or integer), converted — and nothing is assigned unless all pass. With
/// `strict`, a parameter missing from the dict is an error too.
pub fn load_param_into_net(
    cell: &dyn Cell,
    dict: &[(String, Tensor)],
    strict: bool,
) -> Result<(Vec<String>, Vec<String>)> {
    let params = cell.parameters_and_names();
    // The first entry of a name wins, as a linear scan would find it.
    let mut by_name: HashMap<&str, &Tensor> = HashMap::with_capacity(dict.len());
    for (n, t) in dict {
        by_name.entry(n.as_str()).or_insert(t);
    }
    let mut plan = Vec::new();
    let mut not_loaded = Vec::new();
    for (name, p) in &params {
        let Some(&t) = by_name.get(name.as_str()) else {
            not_loaded.push(name.clone());
            continue;
        };
        let cur = p.value();
        if cur.dims() != t.dims() {
            return Err(Error::invalid(
                "load_param_into_net",
                format!(
                    "'{name}' has shape {:?} in the network but {:?} in the checkpoint",
                    cur.dims(),
                    t.dims()
                ),
            ));
        }
        let value = if cur.dtype() == t.dtype() {
            t.clone()
        } else if !strict && cur.dtype().kind() == t.dtype().kind() && cur.dtype() != DType::Bool {
            crate::ops::cast(t, cur.dtype())?
        } else {
            return Err(Error::invalid(
                "load_param_into_net",
                format!(
                    "'{name}' is {} in the network but {} in the checkpoint",
                    cur.dtype(),
                    t.dtype()
                ),
            ));
        };
        plan.push((p.clone(), value));
    }
    if strict && !not_loaded.is_empty() {
        return Err(Error::invalid(
            "load_param_into_net",
            format!("the checkpoint has no value for {not_loaded:?} (strict load)"),
        ));
    }
    for (p, v) in plan {
        p.replace(v);
    }
    let known: HashSet<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let ckpt_not_load = dict
        .iter()
        .filter(|(n, _)| !known.contains(n.as_str()))
        .map(|(n, _)| n.clone())
        .collect();
    Ok((not_loaded, ckpt_not_load))
}
