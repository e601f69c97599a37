//! Fuzzes the MindIR reader: an error with a message, or a model whose parameters and tensor
//! constants read back whole — never a panic.
#![no_main]

mod common;

use easy_mindspore::nn::mindir::{read, Model, Value};
use easy_mindspore::Tensor;
use libfuzzer_sys::fuzz_target;

fn walk(name: &str, v: &Value, out: &mut Vec<(String, Tensor)>) {
    match v {
        Value::Tensor(t) => out.push((name.to_string(), t.clone())),
        Value::Seq(items) => items.iter().for_each(|x| walk(name, x, out)),
        _ => {}
    }
}

/// Every tensor the model holds: parameters, constants, primitive attributes.
fn tensors(m: Model) -> Vec<(String, Tensor)> {
    let mut out: Vec<(String, Tensor)> = m.params.into_iter().map(|p| (p.key, p.value)).collect();
    for g in std::iter::once(&m.graph).chain(&m.functions) {
        g.constants.iter().for_each(|(n, v)| walk(n, v, &mut out));
        for n in &g.nodes {
            n.attrs.iter().for_each(|(k, v)| walk(k, v, &mut out));
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    common::check(read(data).map(tensors));
});
