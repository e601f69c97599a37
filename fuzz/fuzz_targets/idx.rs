//! Fuzzes the IDX (MNIST) reader, plain and gzip: an error or a whole tensor, never a panic, and
//! never more memory than the bound the header and the file's size allow.
#![no_main]

mod common;

use easy_mindspore::nn::data::idx::parse_idx;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check(parse_idx(data, "fuzz.idx").map(|t| vec![(String::new(), t)]));
});
