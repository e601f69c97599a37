//! Fuzzes the checkpoint loader with MindSpore `.ckpt` (protobuf) bytes: an error or whole tensors, never a panic.
#![no_main]

mod common;

use easy_mindspore::nn::checkpoint::parse_checkpoint;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::check(parse_checkpoint(data, "fuzz.ckpt"));
});
