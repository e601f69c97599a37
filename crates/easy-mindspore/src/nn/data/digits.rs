//! The 8×8 handwritten digits (1,797 images, 10 classes), as scikit-learn bundles them: a copy
//! of the test set of the UCI "Optical Recognition of Handwritten Digits" data (Alpaydin &
//! Kaynak, 1998), each pixel a count 0..16 of set pixels in a 4×4 block of a 32×32 bitmap.
//!
//! The crate ships the file at `data/digits/digits.csv.gz` (with its license and origin in
//! `data/digits/README.md`; `cargo package` includes them): one line per image, 64 pixel values
//! then the label.
//!
//! ```
//! use easy_mindspore as ems;
//! let d = ems::nn::data::digits::load_digits(ems::nn::data::digits::DIGITS_PATH)?;
//! assert_eq!(d.images.shape(), vec![1797, 8, 8]);
//! assert_eq!(d.labels.to_vec::<i32>()[..5], [0, 1, 2, 3, 4]);
//! # Ok::<(), ems::Error>(())
//! ```

use crate::error::{Error, Result};
use crate::tensor::Tensor;
use std::io::Read;
use std::path::Path;

/// Where the crate keeps the digits file (valid in a source checkout and in the packaged crate).
pub const DIGITS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/digits/digits.csv.gz");

/// The digits: images `[N, 8, 8]` (Float32, 0..16) and labels `[N]` (Int32, 0..9).
#[derive(Clone, Debug)]
pub struct Digits {
    /// The images.
    pub images: Tensor,
    /// The labels.
    pub labels: Tensor,
}

fn err(path: &Path, msg: impl std::fmt::Display) -> Error {
    Error::invalid("load_digits", format!("{}: {msg}", path.display()))
}

/// The largest digits CSV read, decompressed: 64 MiB, some 200,000 images (the bundled file is
/// under 0.5 MB). A larger text, plain or from a gzip stream (a gzip bomb), is an error, found
/// after reading at most one byte more than this.
pub const MAX_TEXT: u64 = 64 << 20;

/// The file's text: plain, or one gzip member with nothing after it, at most [`MAX_TEXT`] bytes.
fn read_text(path: &Path) -> Result<String> {
    let raw = crate::nn::checkpoint::file::read_regular(path)
        .map_err(|e| err(path, format!("cannot read the file: {e}")))?;
    let too_big = || err(path, format!("the text is larger than {MAX_TEXT} bytes"));
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut gz = flate2::bufread::GzDecoder::new(&raw[..]);
        let mut out = Vec::new();
        (&mut gz)
            .take(MAX_TEXT + 1)
            .read_to_end(&mut out)
            .map_err(|e| err(path, format!("corrupt gzip stream: {e}")))?;
        if out.len() as u64 > MAX_TEXT {
            return Err(too_big());
        }
        if !gz.get_ref().is_empty() {
            return Err(err(
                path,
                format!(
                    "{} trailing bytes after the gzip stream",
                    gz.get_ref().len()
                ),
            ));
        }
        out
    } else if raw.len() as u64 > MAX_TEXT {
        return Err(too_big());
    } else {
        raw
    };
    String::from_utf8(bytes).map_err(|e| err(path, format!("not UTF-8 text: {e}")))
}

/// Reads the digits CSV (gzip-compressed or plain).
pub fn load_digits(path: impl AsRef<Path>) -> Result<Digits> {
    let path = path.as_ref();
    let text = read_text(path)?;
    let mut pixels: Vec<f32> = Vec::new();
    let mut labels: Vec<i32> = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.trim().split(',').collect();
        if fields.len() != 65 {
            return Err(err(
                path,
                format!("line {}: expected 65 fields, got {}", i + 1, fields.len()),
            ));
        }
        for (j, f) in fields.iter().enumerate() {
            let v: f64 = f.trim().parse().map_err(|_| {
                err(
                    path,
                    format!("line {}: field {} is not a number", i + 1, j + 1),
                )
            })?;
            let ok = if j < 64 {
                (0.0..=16.0).contains(&v)
            } else {
                (0.0..=9.0).contains(&v) && v.fract() == 0.0
            };
            if !ok {
                return Err(err(
                    path,
                    format!("line {}: field {} = {v} is out of range", i + 1, j + 1),
                ));
            }
            if j < 64 {
                pixels.push(v as f32);
            } else {
                labels.push(v as i32);
            }
        }
    }
    let n = labels.len();
    Ok(Digits {
        images: Tensor::from_vec(pixels, &[n, 8, 8])?,
        labels: Tensor::from_vec(labels, &[n])?,
    })
}
