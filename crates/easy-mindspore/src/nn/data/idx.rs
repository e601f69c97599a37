//! The IDX format of MNIST and Fashion-MNIST (LeCun et al.), plain or gzip-compressed (detected
//! by the gzip magic bytes `1f 8b`, not by the file name).
//!
//! An IDX file is: two zero bytes, a type byte, the number of dimensions `k`, then `k` big-endian
//! `u32` sizes and the elements in row-major order, big-endian. Types: `0x08` u8, `0x09` i8,
//! `0x0B` i16, `0x0C` i32 (read as Int32, the engine has no narrower integers), `0x0D` f32
//! (Float32) and `0x0E` f64 (Float64).
//!
//! Every size is checked before anything is allocated for it. A header must declare at most
//! [`MAX_NDIM`] dims and a shape that can exist (checked arithmetic). A plain file must hold
//! exactly the bytes its header declares. A gzip file (one gzip member) must be able to hold them
//! — deflate expands at most [`MAX_DEFLATE_RATIO`]-fold, so a header declaring more than that many
//! times the compressed size is refused before decompressing — and is decompressed through
//! `Read::take` of the declared size plus one byte, so a gzip bomb stops there: more data than
//! declared, less, a bad checksum, or any bytes after the gzip stream are errors. Errors are
//! [`Error::InvalidArgument`] (Python's `ValueError`) naming the file — never a crash.
//!
//! ```
//! use easy_mindspore as ems;
//! // A 2×3 u8 tensor.
//! let bytes = [0u8, 0, 0x08, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6];
//! let t = ems::nn::data::idx::parse_idx(&bytes, "inline")?;
//! assert_eq!(t.shape(), vec![2, 3]);
//! assert_eq!(t.to_vec::<i32>(), vec![1, 2, 3, 4, 5, 6]);
//! # Ok::<(), ems::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::layout::{checked_numel, MAX_NDIM};
use crate::tensor::Tensor;
use std::io::Read;
use std::path::Path;

/// The most a deflate stream can expand: 258 bytes per match coded in 2 bits, about 1032 to 1.
/// A gzip file's decompressed size is at most this many times its own size.
pub const MAX_DEFLATE_RATIO: u64 = 1032;

fn err(what: &str, msg: impl std::fmt::Display) -> Error {
    Error::invalid("read_idx", format!("{what}: {msg}"))
}

/// Reads `buf.len()` bytes or reports how many were missing.
fn read_exact(r: &mut dyn Read, buf: &mut [u8], what: &str, part: &str) -> Result<()> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => {
                return Err(err(
                    what,
                    format!(
                        "truncated {part}: expected {} bytes, found {got}",
                        buf.len()
                    ),
                ))
            }
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(err(what, format!("cannot read the {part}: {e}"))),
        }
    }
    Ok(())
}

/// An IDX header: the type byte, the shape, and the data's size in bytes.
struct Header {
    ty: u8,
    shape: Vec<usize>,
    nbytes: usize,
}

impl Header {
    /// The header's own size in bytes.
    fn len(&self) -> usize {
        4 + 4 * self.shape.len()
    }
}

/// Reads and checks the header (magic, type, dims, a size that can exist).
fn header(r: &mut dyn Read, what: &str) -> Result<Header> {
    let mut magic = [0u8; 4];
    read_exact(r, &mut magic, what, "header")?;
    if magic[0] != 0 || magic[1] != 0 {
        return Err(err(
            what,
            format!("not an IDX file (magic bytes {magic:02x?} should start with 00 00)"),
        ));
    }
    let elem = match magic[2] {
        0x08 | 0x09 => 1,
        0x0B => 2,
        0x0C | 0x0D => 4,
        0x0E => 8,
        t => return Err(err(what, format!("unknown IDX element type 0x{t:02x}"))),
    };
    let ndim = usize::from(magic[3]);
    if ndim > MAX_NDIM {
        return Err(err(
            what,
            format!("the header declares {ndim} dims (at most {MAX_NDIM} are allowed)"),
        ));
    }
    let mut dims_raw = vec![0u8; 4 * ndim];
    read_exact(r, &mut dims_raw, what, "dimension sizes")?;
    let shape: Vec<usize> = dims_raw
        .chunks_exact(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let nbytes = checked_numel(&shape, elem)
        .and_then(|n| n.checked_mul(elem))
        .ok_or_else(|| err(what, format!("the shape {shape:?} is too large")))?;
    Ok(Header {
        ty: magic[2],
        shape,
        nbytes,
    })
}

/// Parses IDX bytes (gzip-compressed or not); `what` names the source in errors.
pub fn parse_idx(bytes: &[u8], what: &str) -> Result<Tensor> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        parse_gzip(bytes, what)
    } else {
        let mut rest = bytes;
        let h = header(&mut rest, what)?;
        if rest.len() < h.nbytes {
            return Err(err(
                what,
                format!(
                    "truncated data: shape {:?} needs {} bytes, found {}",
                    h.shape,
                    h.nbytes,
                    rest.len()
                ),
            ));
        }
        if rest.len() > h.nbytes {
            return Err(err(
                what,
                format!(
                    "{} trailing bytes after the data of shape {:?}",
                    rest.len() - h.nbytes,
                    h.shape
                ),
            ));
        }
        decode(&h, rest)
    }
}

/// A gzip-compressed IDX file: one gzip member, nothing after it (see the module doc).
fn parse_gzip(bytes: &[u8], what: &str) -> Result<Tensor> {
    let mut gz = flate2::bufread::GzDecoder::new(bytes);
    let h = header(&mut gz, what)?;
    let most = (bytes.len() as u64).saturating_mul(MAX_DEFLATE_RATIO);
    if (h.len() + h.nbytes) as u64 > most {
        return Err(err(
            what,
            format!(
                "the header declares {} bytes of data (shape {:?}), more than a gzip file of {} \
                 bytes can hold",
                h.nbytes,
                h.shape,
                bytes.len()
            ),
        ));
    }
    let mut data = Vec::new();
    // One byte more than declared: finding it means the stream holds too much.
    (&mut gz)
        .take(h.nbytes as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| err(what, format!("corrupt gzip stream: {e}")))?;
    if data.len() < h.nbytes {
        return Err(err(
            what,
            format!(
                "truncated data: shape {:?} needs {} bytes, found {}",
                h.shape,
                h.nbytes,
                data.len()
            ),
        ));
    }
    if data.len() > h.nbytes {
        return Err(err(
            what,
            format!(
                "trailing bytes after the data of shape {:?} in the gzip stream",
                h.shape
            ),
        ));
    }
    // The stream ended (and its checksum was verified) exactly at the data's end; the member
    // must be the whole file.
    let left = gz.get_ref().len();
    if left > 0 {
        return Err(err(
            what,
            format!("{left} trailing bytes after the gzip stream"),
        ));
    }
    decode(&h, &data)
}

/// Reads an IDX file (gzip-compressed or not).
pub fn read_idx(path: impl AsRef<Path>) -> Result<Tensor> {
    let path = path.as_ref();
    let what = path.display().to_string();
    let bytes = crate::nn::checkpoint::file::read_regular(path)
        .map_err(|e| err(&what, format!("cannot read the file: {e}")))?;
    parse_idx(&bytes, &what)
}

/// The tensor of a header's type and shape from exactly `h.nbytes` big-endian bytes.
fn decode(h: &Header, data: &[u8]) -> Result<Tensor> {
    let shape = &h.shape;
    match h.ty {
        0x08 => Tensor::from_vec(data.iter().map(|&b| i32::from(b)).collect(), shape),
        0x09 => Tensor::from_vec(data.iter().map(|&b| i32::from(b as i8)).collect(), shape),
        0x0B => Tensor::from_vec(
            data.chunks_exact(2)
                .map(|c| i32::from(i16::from_be_bytes([c[0], c[1]])))
                .collect(),
            shape,
        ),
        0x0C => Tensor::from_vec(
            data.chunks_exact(4)
                .map(|c| i32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            shape,
        ),
        0x0D => Tensor::from_vec(
            data.chunks_exact(4)
                .map(|c| f32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            shape,
        ),
        _ => Tensor::from_vec(
            data.chunks_exact(8)
                .map(|c| f64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect(),
            shape,
        ),
    }
}

/// MNIST / Fashion-MNIST from a directory with the four standard files (each optionally
/// `.gz`): `usage` `"train"` reads `train-images-idx3-ubyte` and `train-labels-idx1-ubyte`,
/// `"test"` the `t10k-` pair. Returns images `[N, 28, 28]` and labels `[N]`, both Int32.
pub fn load_mnist(dir: impl AsRef<Path>, usage: &str) -> Result<(Tensor, Tensor)> {
    let prefix = match usage {
        "train" => "train",
        "test" => "t10k",
        u => {
            return Err(Error::invalid(
                "load_mnist",
                format!("usage must be 'train' or 'test', got '{u}'"),
            ))
        }
    };
    let find = |stem: String| -> Result<Tensor> {
        let plain = dir.as_ref().join(&stem);
        let gz = dir.as_ref().join(format!("{stem}.gz"));
        if plain.exists() {
            read_idx(plain)
        } else if gz.exists() {
            read_idx(gz)
        } else {
            Err(Error::invalid(
                "load_mnist",
                format!("neither {} nor {} exists", plain.display(), gz.display()),
            ))
        }
    };
    let images = find(format!("{prefix}-images-idx3-ubyte"))?;
    let labels = find(format!("{prefix}-labels-idx1-ubyte"))?;
    if images.ndim() != 3 || labels.ndim() != 1 || images.dims()[0] != labels.dims()[0] {
        return Err(Error::invalid(
            "load_mnist",
            format!(
                "images {:?} and labels {:?} do not pair up ([N, H, W] and [N])",
                images.dims(),
                labels.dims()
            ),
        ));
    }
    Ok((images, labels))
}
