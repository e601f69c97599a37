//! The IDX format of MNIST and Fashion-MNIST (LeCun et al.), plain or gzip-compressed (detected
//! by the gzip magic bytes `1f 8b`, not by the file name).
//!
//! An IDX file is: two zero bytes, a type byte, the number of dimensions `k`, then `k` big-endian
//! `u32` sizes and the elements in row-major order, big-endian. Types: `0x08` u8, `0x09` i8,
//! `0x0B` i16, `0x0C` i32 (read as Int32, the engine has no narrower integers), `0x0D` f32
//! (Float32) and `0x0E` f64 (Float64).
//!
//! Reading streams the data and never allocates more than the bytes actually present, so a
//! truncated file, a header that promises more than the file holds, trailing bytes or a broken
//! gzip stream are clear errors naming the file — never a crash.
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
use crate::tensor::Tensor;
use std::io::Read;
use std::path::Path;

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

/// Parses IDX bytes (gzip-compressed or not); `what` names the source in errors.
pub fn parse_idx(bytes: &[u8], what: &str) -> Result<Tensor> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        parse_stream(&mut flate2::read::GzDecoder::new(bytes), what)
    } else {
        parse_stream(&mut { bytes }, what)
    }
}

/// Reads an IDX file (gzip-compressed or not).
pub fn read_idx(path: impl AsRef<Path>) -> Result<Tensor> {
    let path = path.as_ref();
    let what = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| err(&what, format!("cannot read the file: {e}")))?;
    parse_idx(&bytes, &what)
}

fn parse_stream(r: &mut dyn Read, what: &str) -> Result<Tensor> {
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
    let mut dims_raw = vec![0u8; 4 * ndim];
    read_exact(r, &mut dims_raw, what, "dimension sizes")?;
    let shape: Vec<usize> = dims_raw
        .chunks(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    let nbytes = shape
        .iter()
        .try_fold(elem, |acc: usize, &d| acc.checked_mul(d))
        .filter(|&n| n <= isize::MAX as usize)
        .ok_or_else(|| err(what, format!("the shape {shape:?} is too large")))?;
    let mut data = Vec::new();
    r.take(nbytes as u64)
        .read_to_end(&mut data)
        .map_err(|e| err(what, format!("cannot read the data: {e}")))?;
    if data.len() != nbytes {
        return Err(err(
            what,
            format!(
                "truncated data: shape {shape:?} needs {nbytes} bytes, found {}",
                data.len()
            ),
        ));
    }
    let mut extra = [0u8; 1];
    match r.read(&mut extra) {
        Ok(0) => {}
        Ok(_) => return Err(err(what, "trailing bytes after the data")),
        Err(e) => return Err(err(what, format!("corrupt stream after the data: {e}"))),
    }
    let t = match magic[2] {
        0x08 => Tensor::from_vec(data.iter().map(|&b| i32::from(b)).collect(), &shape),
        0x09 => Tensor::from_vec(data.iter().map(|&b| i32::from(b as i8)).collect(), &shape),
        0x0B => Tensor::from_vec(
            data.chunks(2)
                .map(|c| i32::from(i16::from_be_bytes([c[0], c[1]])))
                .collect(),
            &shape,
        ),
        0x0C => Tensor::from_vec(
            data.chunks(4)
                .map(|c| i32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            &shape,
        ),
        0x0D => Tensor::from_vec(
            data.chunks(4)
                .map(|c| f32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            &shape,
        ),
        _ => Tensor::from_vec(
            data.chunks(8)
                .map(|c| f64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
                .collect(),
            &shape,
        ),
    };
    t
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
