//! W8 / W8g of the benchmark plan, the recurrent layer alone: one forward and backward pass of
//! `nn::Rnn` (LSTM and GRU, hidden 256) over D2L's character language model's batch — 35 steps
//! of 32 one-hot vectors of 28 characters — with the gradients of `Σ output ⊙ r` (a fixed
//! random `r`) with respect to the layer's four parameters through `nn::value_and_grad`.
//!
//! Each layer is timed twice: without `seq_length` (each direction one function over the whole
//! sequence with a hand-written backward pass, `nn/layers/rnn_seq.rs`) and with every length
//! equal to 35 (the step-by-step path the layer takes with lengths: the same maths, each step's
//! gate arithmetic and products on the tape). Before timing, both must give the same loss and
//! gradients (relative 1e-4 in float32).
//!
//! Run: `cargo bench -p easy-mindspore --bench rnn`

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use easy_mindspore as ems;
use ems::nn::{self, Parameter, Rnn, RnnMode, RnnOptions};
use ems::{DType, Tensor};

const STEPS: usize = 35;
const BATCH: usize = 32;
const VOCAB: usize = 28;
const HIDDEN: usize = 256;

/// The inputs: one-hot characters `[T, B, V]`, the output weights `r` and full lengths.
fn inputs() -> ems::Result<(Tensor, Tensor, Tensor)> {
    ems::set_seed(1);
    let mut x = vec![0f32; STEPS * BATCH * VOCAB];
    for (k, row) in x.chunks_mut(VOCAB).enumerate() {
        row[(k * 7 + 3) % VOCAB] = 1.0;
    }
    let r = ems::randn(&[STEPS, BATCH, HIDDEN], DType::Float32)?;
    let lens = Tensor::from_vec(vec![STEPS as i32; BATCH], &[BATCH])?;
    Ok((Tensor::from_vec(x, &[STEPS, BATCH, VOCAB])?, r, lens))
}

/// `Σ output ⊙ r` and its gradients with respect to `params`: the timed step.
fn step(
    rnn: &Rnn,
    params: &[Parameter],
    x: &Tensor,
    r: &Tensor,
    lens: Option<&Tensor>,
) -> ems::Result<(Tensor, Vec<Tensor>)> {
    nn::value_and_grad(|| (&rnn.forward(x, None, lens)?.0 * r)?.sum(), params)
}

/// The largest difference between the two paths' loss and gradients, relative to each one's
/// largest magnitude.
fn paths_differ(
    rnn: &Rnn,
    params: &[Parameter],
    x: &Tensor,
    r: &Tensor,
    lens: &Tensor,
) -> ems::Result<f64> {
    let (lw, gw) = step(rnn, params, x, r, None)?;
    let (ls, gs) = step(rnn, params, x, r, Some(lens))?;
    let mut worst = 0f64;
    for (a, b) in std::iter::once((&lw, &ls)).chain(gw.iter().zip(&gs)) {
        let (a, b) = (a.to_vec::<f32>(), b.to_vec::<f32>());
        let scale = b.iter().fold(1e-30f32, |m, v| m.max(v.abs()));
        let diff = a
            .iter()
            .zip(&b)
            .fold(0f32, |m, (x, y)| m.max((x - y).abs()));
        worst = worst.max(f64::from(diff / scale));
    }
    Ok(worst)
}

fn bench_rnn(c: &mut Criterion) {
    let (x, r, lens) = match inputs() {
        Ok(v) => v,
        Err(e) => panic!("building the W8 inputs failed: {e}"),
    };
    for (mode, name) in [(RnnMode::Lstm, "W8 lstm"), (RnnMode::Gru, "W8g gru")] {
        let rnn = match Rnn::new(mode, VOCAB, HIDDEN, RnnOptions::default()) {
            Ok(v) => v,
            Err(e) => panic!("building {name} failed: {e}"),
        };
        let params: Vec<Parameter> = rnn.params().into_iter().map(|(_, p)| p).collect();
        match paths_differ(&rnn, &params, &x, &r, &lens) {
            Ok(d) if d <= 1e-4 => {}
            Ok(d) => panic!("{name}: the two paths differ by {d:e}"),
            Err(e) => panic!("{name} failed: {e}"),
        }
        for (path, l) in [("whole sequence", None), ("step by step", Some(&lens))] {
            c.bench_function(&format!("{name} layer fwd+bwd, {path}"), |b| {
                b.iter(|| match step(&rnn, &params, black_box(&x), &r, l) {
                    Ok(out) => out,
                    Err(e) => panic!("{name} step failed: {e}"),
                })
            });
        }
    }
}

criterion_group!(benches, bench_rnn);
criterion_main!(benches);
