//! The recurrent layers' sequence path (one custom-gradient function per layer direction, taken
//! without `seq_length`) against the step-by-step path (taken with lengths equal to the whole
//! sequence, which compute the same function): values and gradients for every mode, both
//! directions, stacked layers, `batch_first` and size-1 axes; the sequence path's gradients
//! against central differences; forward mode and a second derivative through its backward rule.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::{Parameter, Rnn, RnnMode, RnnOptions};
use ems::{DType, Tensor};

const MODES: [RnnMode; 4] = [RnnMode::Tanh, RnnMode::Relu, RnnMode::Gru, RnnMode::Lstm];

/// A layer with its inputs as Parameters (so gradients reach them) and fixed cotangents.
struct Case {
    layer: Rnn,
    x: Parameter,
    h0: Parameter,
    c0: Option<Parameter>,
    lens: Tensor,
    r_out: Tensor,
    r_h: Tensor,
}

/// `(T, B, F, H, layers, bidirectional, batch_first)`.
type Config = (usize, usize, usize, usize, usize, bool, bool);

fn case(mode: RnnMode, cfg: Config) -> Case {
    let (t, b, f, h, num_layers, bidirectional, batch_first) = cfg;
    let o = RnnOptions {
        num_layers,
        bidirectional,
        batch_first,
        dtype: DType::Float64,
        ..Default::default()
    };
    let layer = Rnn::new(mode, f, h, o).unwrap();
    let dirs = if bidirectional { 2 } else { 1 };
    let x_shape = if batch_first { [b, t, f] } else { [t, b, f] };
    let out_shape = if batch_first {
        [b, t, dirs * h]
    } else {
        [t, b, dirs * h]
    };
    let state = [num_layers * dirs, b, h];
    Case {
        layer,
        x: Parameter::new(randn64(&x_shape), "x"),
        h0: Parameter::new(randn64(&state), "h0"),
        c0: (mode == RnnMode::Lstm).then(|| Parameter::new(randn64(&state), "c0")),
        lens: Tensor::from_vec(vec![t as i64; b], &[b]).unwrap(),
        r_out: randn64(&out_shape),
        r_h: randn64(&state),
    }
}

impl Case {
    /// `Σ out·r_out + Σ h_n·r_h (+ Σ c_n·r_h)`, with or without the (full) lengths.
    fn loss(&self, with_lengths: bool) -> ems::Result<Tensor> {
        self.loss_at(&self.x.value(), with_lengths)
    }

    /// The loss at the input `x`.
    fn loss_at(&self, x: &Tensor, with_lengths: bool) -> ems::Result<Tensor> {
        let hx = (self.h0.value(), self.c0.as_ref().map(Parameter::value));
        let lens = with_lengths.then_some(&self.lens);
        let (out, (h, c)) = self.layer.forward(x, Some(&hx), lens)?;
        let mut l = (weighted_sum(&out, &self.r_out)? + weighted_sum(&h, &self.r_h)?)?;
        if let Some(c) = c {
            l = (l + weighted_sum(&c, &self.r_h)?)?;
        }
        Ok(l)
    }

    fn params(&self) -> Vec<Parameter> {
        let mut ps: Vec<Parameter> = self.layer.params().into_iter().map(|(_, p)| p).collect();
        ps.push(self.x.clone());
        ps.push(self.h0.clone());
        ps.extend(self.c0.clone());
        ps
    }
}

#[test]
fn the_sequence_path_matches_the_step_path() {
    let configs: [Config; 5] = [
        (3, 2, 2, 3, 1, false, false),
        (1, 1, 1, 1, 1, false, false),
        (4, 1, 3, 2, 2, true, true),
        (2, 3, 1, 1, 2, false, false),
        (5, 2, 2, 2, 1, true, false),
    ];
    for (k, mode) in MODES.into_iter().enumerate() {
        for (j, cfg) in configs.into_iter().enumerate() {
            let _g = seeded(100 + 10 * k as u64 + j as u64);
            let c = case(mode, cfg);
            let what = format!("{mode:?} {cfg:?}");
            let (seq, step) = (c.loss(false).unwrap(), c.loss(true).unwrap());
            assert_close(
                &seq.to_vec::<f64>(),
                &step.to_vec::<f64>(),
                1e-12,
                &format!("{what}: loss"),
            );
            let ps = c.params();
            let g_seq = ems::nn::grad(|| c.loss(false), &ps).unwrap();
            let g_step = ems::nn::grad(|| c.loss(true), &ps).unwrap();
            for ((a, b), p) in g_seq.iter().zip(&g_step).zip(&ps) {
                assert_eq!(a.shape(), b.shape(), "{what}: d/d{}", p.name());
                assert_close(
                    &a.to_vec::<f64>(),
                    &b.to_vec::<f64>(),
                    1e-10,
                    &format!("{what}: d/d{}", p.name()),
                );
            }
        }
    }
}

#[test]
fn sequence_path_gradients_match_finite_differences() {
    for (k, mode) in MODES.into_iter().enumerate() {
        let _g = seeded(200 + k as u64);
        let c = case(mode, (3, 2, 2, 2, 1, true, false));
        check_grads(&|| c.loss(false), &c.params(), 1e-6);
    }
}

#[test]
fn sequence_path_forward_mode_and_second_derivatives_match_the_step_path() {
    for (k, mode) in MODES.into_iter().enumerate() {
        let _g = seeded(300 + k as u64);
        let c = case(mode, (3, 2, 2, 2, 1, false, false));
        let x0 = c.x.value();
        let v = randn64(&x0.shape());
        // f(x) with the other inputs fixed; jvp(f)(v) and the Hessian-vector product
        // jvp(grad f)(v), through the custom rule (sequence) and through plain ops (steps).
        let f = |x: &Tensor, lengths: bool| c.loss_at(x, lengths);
        let run = |lengths: bool| {
            let (_, tan) = ems::jvp_flat(
                |xs| Ok(vec![f(&xs[0], lengths)?]),
                std::slice::from_ref(&x0),
                std::slice::from_ref(&v),
            )
            .unwrap();
            let hvp = ems::jvp_flat(
                |xs| Ok(vec![ems::grad(|x: &Tensor| f(x, lengths))(&xs[0])?]),
                std::slice::from_ref(&x0),
                std::slice::from_ref(&v),
            )
            .unwrap()
            .1;
            (tan[0].to_vec::<f64>(), hvp[0].to_vec::<f64>())
        };
        let ((t_seq, h_seq), (t_step, h_step)) = (run(false), run(true));
        assert_close(&t_seq, &t_step, 1e-10, &format!("{mode:?}: jvp"));
        assert_close(&h_seq, &h_step, 1e-9, &format!("{mode:?}: hvp"));
    }
}
