//! Fuzzes tensor construction from raw bytes: the first byte picks the dtype and byte order, the
//! second the number of dims (0 to 7), then one little-endian u64 per dim; the rest is the data.
#![no_main]

mod common;

use easy_mindspore::{DType, Tensor};
use libfuzzer_sys::fuzz_target;

const DTYPES: [DType; 5] = [
    DType::Bool,
    DType::Int32,
    DType::Int64,
    DType::Float32,
    DType::Float64,
];

fuzz_target!(|data: &[u8]| {
    let [pick, ndim, rest @ ..] = data else {
        return;
    };
    let dtype = DTYPES[usize::from(*pick) % DTYPES.len()];
    let ndim = usize::from(*ndim % 8);
    let Some((dims, bytes)) = rest.split_at_checked(8 * ndim) else {
        return;
    };
    let shape: Vec<usize> = dims
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])) as usize)
        .collect();
    let t = if pick & 0x80 != 0 {
        Tensor::from_le_bytes(bytes, dtype, &shape)
    } else {
        Tensor::from_ne_bytes(bytes, dtype, &shape)
    };
    common::check(t.map(|t| vec![(String::new(), t)]));
});
