//! MindSpore's summary files (what `SummaryRecord` writes and MindInsight reads): a sequence of
//! records, each a `mindspore.irpb.Event` (`summary.proto`) framed as TensorFlow's record files
//! frame them — the length (`u64` little-endian), its masked CRC-32C, the bytes, their masked
//! CRC-32C. The first event carries the version (`"MindSpore.Event:1"`); each later one a step and
//! its values: scalars (`scalar_value`, Float32), tensors (`TensorProto` with the elements in the
//! repeated field of their kind), histograms (buckets as NumPy's `histogram` makes them, in as
//! many as MindSpore's rule gives: [`histogram_bins`]), images (PNG bytes with their height,
//! width and colour space, encoded by the caller) and loss landscapes (a `LossLandscape` message
//! the caller encoded); an event may also carry a graph (`graph_def`, a `GraphProto` the caller
//! encoded). Encoded by `prost` from the message structs below, written to match MindSpore 2.10's
//! descriptors (field numbers and types checked against its `summary_pb2`).

use crate::error::{Error, Result};
use prost::Message;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// `Event`: the wall time, and the version (first event) or a step with its summary.
#[derive(Clone, PartialEq, Message)]
pub struct Event {
    /// Seconds since the Unix epoch.
    #[prost(double, optional, tag = "1")]
    pub wall_time: Option<f64>,
    /// The training step.
    #[prost(int64, optional, tag = "2")]
    pub step: Option<i64>,
    /// `"MindSpore.Event:1"` in the first event.
    #[prost(string, optional, tag = "3")]
    pub version: Option<String>,
    /// A `GraphProto` (`anf_ir.proto`), already encoded: the same bytes on the wire as the
    /// embedded message.
    #[prost(bytes = "vec", optional, tag = "4")]
    pub graph_def: Option<Vec<u8>>,
    /// The values of the step.
    #[prost(message, optional, tag = "5")]
    pub summary: Option<Summary>,
}

/// `Summary`: the values of one step.
#[derive(Clone, PartialEq, Message)]
pub struct Summary {
    /// Tagged values.
    #[prost(message, repeated, tag = "1")]
    pub value: Vec<Value>,
}

/// `Summary.Value`: a tag and a scalar, an image, a tensor, a histogram or a loss landscape.
#[derive(Clone, PartialEq, Message)]
pub struct Value {
    /// The name shown.
    #[prost(string, required, tag = "1")]
    pub tag: String,
    /// A scalar.
    #[prost(float, optional, tag = "3")]
    pub scalar_value: Option<f32>,
    /// An image.
    #[prost(message, optional, tag = "4")]
    pub image: Option<Image>,
    /// A tensor.
    #[prost(message, optional, tag = "8")]
    pub tensor: Option<TensorProto>,
    /// A histogram.
    #[prost(message, optional, tag = "9")]
    pub histogram: Option<Histogram>,
    /// A `LossLandscape` message, already encoded (the same bytes on the wire as the embedded
    /// message).
    #[prost(bytes = "vec", optional, tag = "10")]
    pub loss_landscape: Option<Vec<u8>>,
}

/// `Summary.Image`: an encoded image (PNG, as MindSpore writes it) and its size.
#[derive(Clone, PartialEq, Message)]
pub struct Image {
    /// Rows.
    #[prost(int32, required, tag = "1")]
    pub height: i32,
    /// Columns.
    #[prost(int32, required, tag = "2")]
    pub width: i32,
    /// Channels (3: RGB).
    #[prost(int32, required, tag = "3")]
    pub colorspace: i32,
    /// The encoded image.
    #[prost(bytes = "vec", required, tag = "4")]
    pub encoded_image: Vec<u8>,
}

/// `TensorProto` of `anf_ir.proto`: the shape, the `DataType` code and the elements.
#[derive(Clone, PartialEq, Message)]
pub struct TensorProto {
    /// The shape (not packed, as MindSpore writes it; its elements are packed).
    #[prost(int64, repeated, packed = "false", tag = "1")]
    pub dims: Vec<i64>,
    /// `DataType` (`DT_BOOL` 1, `DT_INT8` 2 ... `DT_FLOAT64` 12: [`data_type_code`]).
    #[prost(int32, optional, tag = "2")]
    pub data_type: Option<i32>,
    /// Float32 and Float16 elements.
    #[prost(float, repeated, tag = "3")]
    pub float_data: Vec<f32>,
    /// Int32 (and narrower, and bool) elements.
    #[prost(int32, repeated, tag = "4")]
    pub int32_data: Vec<i32>,
    /// Int64 elements.
    #[prost(int64, repeated, tag = "5")]
    pub int64_data: Vec<i64>,
    /// Float64 elements.
    #[prost(double, repeated, tag = "6")]
    pub double_data: Vec<f64>,
    /// Unsigned elements.
    #[prost(uint64, repeated, tag = "7")]
    pub uint64_data: Vec<u64>,
}

/// `Summary.Histogram`: buckets and the summary statistics of the finite values.
#[derive(Clone, PartialEq, Message)]
pub struct Histogram {
    /// `[left, left + width)` and its count.
    #[prost(message, repeated, tag = "1")]
    pub buckets: Vec<Bucket>,
    /// NaNs.
    #[prost(int64, optional, tag = "2")]
    pub nan_count: Option<i64>,
    /// `+inf`s.
    #[prost(int64, optional, tag = "3")]
    pub pos_inf_count: Option<i64>,
    /// `-inf`s.
    #[prost(int64, optional, tag = "4")]
    pub neg_inf_count: Option<i64>,
    /// The largest finite value.
    #[prost(double, optional, tag = "5")]
    pub max: Option<f64>,
    /// The smallest finite value.
    #[prost(double, optional, tag = "6")]
    pub min: Option<f64>,
    /// The sum of the finite values.
    #[prost(double, optional, tag = "7")]
    pub sum: Option<f64>,
    /// How many values (all of them).
    #[prost(int64, optional, tag = "8")]
    pub count: Option<i64>,
}

/// `Summary.Histogram.bucket`.
#[derive(Clone, PartialEq, Message)]
pub struct Bucket {
    /// The left edge.
    #[prost(double, required, tag = "1")]
    pub left: f64,
    /// The width.
    #[prost(double, required, tag = "2")]
    pub width: f64,
    /// How many values fall in it.
    #[prost(int64, required, tag = "3")]
    pub count: i64,
}

/// The `mindspore.irpb.DataType` code of a dtype name (`"Float32"`...).
pub fn data_type_code(dtype: crate::DType) -> i32 {
    use crate::DType::*;
    match dtype {
        Bool => 1,
        Int8 => 2,
        Int16 => 3,
        Int32 => 4,
        Int64 => 5,
        UInt8 => 6,
        UInt16 => 7,
        UInt32 => 8,
        UInt64 => 9,
        Float16 => 10,
        Float32 => 11,
        Float64 => 12,
        Complex64 => 43,
        Complex128 => 44,
        _ => 0,
    }
}

/// The `TensorProto` of `t`: its shape, `DataType` code and elements in the field of their kind
/// (float32/float16/bfloat16 in `float_data`, float64 in `double_data`, bool and integers up to
/// 32 bits in `int32_data`, int64 in `int64_data`, uint32/uint64 in `uint64_data`).
pub fn tensor_proto(t: &crate::Tensor) -> Result<TensorProto> {
    use crate::DType::*;
    let mut p = TensorProto {
        dims: t.dims().iter().map(|&d| d as i64).collect(),
        data_type: Some(data_type_code(t.dtype())),
        ..TensorProto::default()
    };
    match t.dtype() {
        Float16 | BFloat16 | Float32 => p.float_data = t.try_to_vec::<f32>()?,
        Float64 => p.double_data = t.try_to_vec::<f64>()?,
        Bool | Int8 | Int16 | Int32 | UInt8 | UInt16 => p.int32_data = t.try_to_vec::<i32>()?,
        Int64 => p.int64_data = t.try_to_vec::<i64>()?,
        UInt32 | UInt64 => p.uint64_data = t.try_to_vec::<u64>()?,
        dtype => {
            return Err(Error::UnsupportedDType {
                op: "SummaryRecord",
                dtype,
                expected: "a real or bool dtype",
            })
        }
    }
    Ok(p)
}

/// How many buckets MindSpore gives a histogram of `count` finite values: 1 for none, 2 up to
/// 5, 3 up to 10, `count / 10 + 1` up to 880, then 90.
pub fn histogram_bins(count: usize) -> usize {
    match count {
        0 => 1,
        1..=5 => 2,
        6..=10 => 3,
        11..=880 => count / 10 + 1,
        _ => 90,
    }
}

/// A histogram of `values` in `bins` equal buckets (MindSpore's [`histogram_bins`] of the finite
/// values when None) between their finite extremes, as NumPy's `histogram` makes them: the last
/// bucket holds its right edge, and values all equal to `v` span `[v - 0.5, v + 0.5]`. NaN and
/// the infinities are counted apart; no buckets when no value is finite.
pub fn histogram(values: &[f64], bins: Option<usize>) -> Histogram {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let count = |f: fn(&f64) -> bool| values.iter().filter(|v| f(v)).count() as i64;
    let mut h = Histogram {
        nan_count: Some(count(|v| v.is_nan())),
        pos_inf_count: Some(count(|v| *v == f64::INFINITY)),
        neg_inf_count: Some(count(|v| *v == f64::NEG_INFINITY)),
        count: Some(values.len() as i64),
        sum: Some(finite.iter().sum()),
        max: Some(0.0),
        min: Some(0.0),
        ..Histogram::default()
    };
    if finite.is_empty() {
        return h;
    }
    let lo = finite.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = finite.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    h.min = Some(lo);
    h.max = Some(hi);
    let n = bins.unwrap_or_else(|| histogram_bins(finite.len())).max(1);
    let (first, last) = if hi > lo {
        (lo, hi)
    } else {
        (lo - 0.5, hi + 0.5)
    };
    let width = (last - first) / n as f64;
    let mut counts = vec![0i64; n];
    for v in &finite {
        let k = (((v - first) / width) as usize).min(n - 1);
        counts[k] += 1;
    }
    h.buckets = counts
        .into_iter()
        .enumerate()
        .map(|(i, c)| Bucket {
            left: first + i as f64 * width,
            width,
            count: c,
        })
        .collect();
    h
}

/// The CRC-32C (Castagnoli) of `bytes`, masked as TensorFlow's record files mask it.
fn masked_crc(bytes: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0x82F6_3B78 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            *e = c;
        }
        t
    });
    let mut crc = !0u32;
    for &b in bytes {
        crc = table[((crc ^ u32::from(b)) & 0xFF) as usize] ^ (crc >> 8);
    }
    let crc = !crc;
    (crc.rotate_right(15)).wrapping_add(0xA282_EAD8)
}

/// Appends the framed `event` to the summary file `path` (created when missing), unless the
/// file would then be larger than `max_size` bytes (MindSpore's `max_file_size`): returns
/// whether the event was written.
pub fn append_event(path: &Path, event: &Event, max_size: Option<u64>) -> Result<bool> {
    let body = event.encode_to_vec();
    let len = (body.len() as u64).to_le_bytes();
    let mut record = Vec::with_capacity(body.len() + 16);
    record.extend_from_slice(&len);
    record.extend_from_slice(&masked_crc(&len).to_le_bytes());
    record.extend_from_slice(&body);
    record.extend_from_slice(&masked_crc(&body).to_le_bytes());
    let io = |e: std::io::Error| {
        Error::invalid(
            "SummaryRecord",
            format!("{}: cannot write: {e}", path.display()),
        )
    };
    if let Some(max) = max_size {
        let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if size + record.len() as u64 > max {
            return Ok(false);
        }
    }
    let mut f: File = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io)?;
    f.write_all(&record).map_err(io)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32c_matches_the_standard_check_value() {
        // CRC-32C("123456789") = 0xE3069283, masked as TensorFlow masks it.
        let crc: u32 = 0xE306_9283;
        assert_eq!(
            masked_crc(b"123456789"),
            crc.rotate_right(15).wrapping_add(0xA282_EAD8)
        );
    }

    #[test]
    fn histograms_count_every_value() {
        let h = histogram(&[0.0, 1.0, 2.0, 3.0, f64::NAN, f64::INFINITY], Some(3));
        assert_eq!(
            (h.nan_count, h.pos_inf_count, h.count),
            (Some(1), Some(1), Some(6))
        );
        assert_eq!(
            h.buckets.iter().map(|b| b.count).collect::<Vec<_>>(),
            [1, 1, 2]
        );
        assert_eq!((h.min, h.max, h.sum), (Some(0.0), Some(3.0), Some(6.0)));
    }

    #[test]
    fn histograms_follow_mindspores_bins_and_numpys_edges() {
        // MindSpore 2.10: four finite values in two buckets of width 1.5; two equal values
        // in [1.5, 2.5], the value in the second bucket.
        let h = histogram(&[0.0, 1.0, 2.0, 3.0, f64::NAN], None);
        let edges: Vec<_> = h
            .buckets
            .iter()
            .map(|b| (b.left, b.width, b.count))
            .collect();
        assert_eq!(edges, [(0.0, 1.5, 2), (1.5, 1.5, 2)]);
        let h = histogram(&[2.0, 2.0], None);
        let edges: Vec<_> = h
            .buckets
            .iter()
            .map(|b| (b.left, b.width, b.count))
            .collect();
        assert_eq!(edges, [(1.5, 0.5, 0), (2.0, 0.5, 2)]);
        assert_eq!(
            [0, 1, 6, 11, 30, 880, 881].map(histogram_bins),
            [1, 2, 3, 2, 4, 89, 90]
        );
    }
}
