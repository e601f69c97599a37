//! The recurrent layers: a one-unit LSTM step against its formula, a layer against repeated
//! cell steps, sequence lengths, gradients against finite differences, and bad inputs.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::{Rnn, RnnCell, RnnMode, RnnOptions};
use ems::{DType, Tensor};

fn sig(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn f64_opts(o: RnnOptions) -> RnnOptions {
    RnnOptions {
        dtype: DType::Float64,
        ..o
    }
}

#[test]
fn lstm_cell_step_matches_its_formula() {
    let _g = seeded(1);
    // One unit: gates (i, f, g, o) are rows of W_ih [4, 1], W_hh [4, 1], b_ih [4], b_hh [4].
    let cell = RnnCell::new(RnnMode::Lstm, 1, 1, true, DType::Float64).unwrap();
    let p: Vec<Vec<f64>> = cell
        .params()
        .iter()
        .map(|(_, p)| p.value().to_vec::<f64>())
        .collect();
    let names: Vec<String> = cell.params().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["weight_ih", "weight_hh", "bias_ih", "bias_hh"]);
    let (x, h, c) = (0.7, -0.4, 0.3);
    let gate = |k: usize| p[0][k] * x + p[1][k] * h + p[2][k] + p[3][k];
    // c' = σ(f)·c + σ(i)·tanh(g), h' = σ(o)·tanh(c')
    let c2 = sig(gate(1)) * c + sig(gate(0)) * gate(2).tanh();
    let h2 = sig(gate(3)) * c2.tanh();
    let (hy, cy) = cell
        .forward(
            &t64(&[x], &[1, 1]),
            &(t64(&[h], &[1, 1]), Some(t64(&[c], &[1, 1]))),
        )
        .unwrap();
    assert_close(&hy.to_vec::<f64>(), &[h2], 1e-14, "h'");
    assert_close(&cy.unwrap().to_vec::<f64>(), &[c2], 1e-14, "c'");
}

#[test]
fn a_gru_layer_is_its_cell_repeated_and_lengths_hold_the_state() {
    let _g = seeded(2);
    let layer = Rnn::new(RnnMode::Gru, 2, 3, f64_opts(RnnOptions::default())).unwrap();
    let cell = RnnCell::new(RnnMode::Gru, 2, 3, true, DType::Float64).unwrap();
    for ((_, a), (_, b)) in layer.params().iter().zip(cell.params()) {
        b.set_data(&a.value()).unwrap();
    }
    let x = randn64(&[4, 2, 3 - 1]);
    let h0 = randn64(&[1, 2, 3]);
    let lens = Tensor::from_vec(vec![4i64, 2], &[2]).unwrap();
    let (out, (hn, cn)) = layer
        .forward(&x, Some(&(h0.clone(), None)), Some(&lens))
        .unwrap();
    assert!(cn.is_none());
    let mut h = h0.reshape(&[2, 3]).unwrap();
    let mut rows = vec![];
    for t in 0..4 {
        h = cell.forward(&x.get(t).unwrap(), &(h, None)).unwrap().0;
        rows.push(h.to_vec::<f64>());
    }
    let out = out.to_vec::<f64>();
    for (t, row) in rows.iter().enumerate() {
        // batch 0 runs all 4 steps; batch 1 stops after 2, then outputs zeros
        assert_close(&out[t * 6..t * 6 + 3], &row[..3], 1e-12, "batch 0");
        let want: Vec<f64> = if t < 2 {
            row[3..].to_vec()
        } else {
            vec![0.0; 3]
        };
        assert_close(&out[t * 6 + 3..t * 6 + 6], &want, 1e-12, "batch 1");
    }
    let hn = hn.to_vec::<f64>();
    assert_close(&hn[..3], &rows[3][..3], 1e-12, "h_n batch 0");
    assert_close(
        &hn[3..],
        &rows[1][3..],
        1e-12,
        "h_n batch 1 (its last valid step)",
    );
}

#[test]
fn bidirectional_lstm_gradients_match_finite_differences() {
    let _g = seeded(3);
    let o = f64_opts(RnnOptions {
        num_layers: 2,
        bidirectional: true,
        batch_first: true,
        ..Default::default()
    });
    let lstm = Rnn::new(RnnMode::Lstm, 2, 2, o).unwrap();
    let x = ems::nn::Parameter::new(randn64(&[2, 3, 2]), "x");
    let (r_out, r_h) = (randn64(&[2, 3, 4]), randn64(&[4, 2, 2]));
    let lens = Tensor::from_vec(vec![3i32, 1], &[2]).unwrap();
    let f = || {
        let (out, (h, c)) = lstm.forward(&x.value(), None, Some(&lens))?;
        let c = c.ok_or_else(|| ems::Error::invalid("test", "no c"))?;
        (weighted_sum(&out, &r_out)? + weighted_sum(&h, &r_h)?)? + c.sum()?
    };
    let mut params: Vec<_> = lstm.params().into_iter().map(|(_, p)| p).collect();
    assert_eq!(params.len(), 16);
    params.push(x.clone());
    check_grads(&f, &params, 1e-6);
}

#[test]
fn a_whole_lstm_sequence_equals_its_steps_and_finite_differences() {
    let _g = seeded(4);
    let o = f64_opts(RnnOptions {
        num_layers: 2,
        bidirectional: true,
        ..Default::default()
    });
    let lstm = Rnn::new(RnnMode::Lstm, 3, 2, o).unwrap();
    let x = ems::nn::Parameter::new(randn64(&[4, 2, 3]), "x");
    let state = (randn64(&[4, 2, 2]), Some(randn64(&[4, 2, 2])));
    // Without lengths each direction is one `LstmLayer`; lengths that keep every step take the
    // per-step path, which must give the same values.
    let full = Tensor::from_vec(vec![4i64, 4], &[2]).unwrap();
    let run = |lens: Option<&Tensor>| lstm.forward(&x.value(), Some(&state), lens).unwrap();
    let (whole, (h_w, c_w)) = run(None);
    let (steps, (h_s, c_s)) = run(Some(&full));
    assert_close(
        &whole.to_vec::<f64>(),
        &steps.to_vec::<f64>(),
        1e-13,
        "outputs",
    );
    assert_close(&h_w.to_vec::<f64>(), &h_s.to_vec::<f64>(), 1e-13, "h_n");
    let (c_w, c_s) = (c_w.unwrap(), c_s.unwrap());
    assert_close(&c_w.to_vec::<f64>(), &c_s.to_vec::<f64>(), 1e-13, "c_n");
    let (r_out, r_h) = (randn64(&[4, 2, 4]), randn64(&[4, 2, 2]));
    let f = || {
        let (out, (h, c)) = lstm.forward(&x.value(), Some(&state), None)?;
        let c = c.ok_or_else(|| ems::Error::invalid("test", "no c"))?;
        (weighted_sum(&out, &r_out)? + weighted_sum(&h, &r_h)?)? + c.sum()?
    };
    let mut params: Vec<_> = lstm.params().into_iter().map(|(_, p)| p).collect();
    params.push(x.clone());
    check_grads(&f, &params, 1e-6);
}

#[test]
fn a_wide_lstm_sequence_splits_its_rows_and_equals_its_steps() {
    // 40 rows of 64 units: the kernels split each step's rows across threads (from 2048 units).
    let _g = seeded(5);
    let o = f64_opts(RnnOptions {
        bidirectional: true,
        ..Default::default()
    });
    let lstm = Rnn::new(RnnMode::Lstm, 5, 64, o).unwrap();
    let x = randn64(&[3, 40, 5]);
    let full = Tensor::from_vec(vec![3i64; 40], &[40]).unwrap();
    let r = randn64(&[3, 40, 128]);
    let loss = |lens: Option<&Tensor>| -> ems::Result<Tensor> {
        let (out, (h, c)) = lstm.forward(&x, None, lens)?;
        let c = c.ok_or_else(|| ems::Error::invalid("test", "no c"))?;
        weighted_sum(&out, &r)? + (&h * &c)?.sum()?
    };
    let params: Vec<_> = lstm.params().into_iter().map(|(_, p)| p).collect();
    let whole = ems::nn::grad(|| loss(None), &params).unwrap();
    let steps = ems::nn::grad(|| loss(Some(&full)), &params).unwrap();
    let (a, b) = (loss(None).unwrap(), loss(Some(&full)).unwrap());
    assert_close(&a.to_vec::<f64>(), &b.to_vec::<f64>(), 1e-12, "loss");
    for (a, b) in whole.iter().zip(&steps) {
        assert_close(&a.to_vec::<f64>(), &b.to_vec::<f64>(), 1e-10, "gradient");
    }
}

#[test]
fn bad_inputs_are_errors_naming_the_layer_and_shapes() {
    let rnn = Rnn::new(RnnMode::Tanh, 4, 6, RnnOptions::default()).unwrap();
    let ones = |s: &[usize]| ems::ones(s, DType::Float32).unwrap();
    let msg = |r: ems::Result<(Tensor, ems::nn::RnnState)>| r.err().unwrap().to_string();
    let e = msg(rnn.forward(&ones(&[5, 3, 5]), None, None));
    assert!(
        e.contains("'RNN'") && e.contains("[5, 3, 5]") && e.contains("input_size=4"),
        "{e}"
    );
    let e = msg(rnn.forward(&ones(&[5, 4]), None, None));
    assert!(e.contains("[5, 4]"), "{e}");
    let e = msg(rnn.forward(&ones(&[5, 3, 4]), Some(&(ones(&[2, 3, 6]), None)), None));
    assert!(e.contains("[1, 3, 6]") && e.contains("[2, 3, 6]"), "{e}");
    let ints = ems::zeros(&[5, 3, 4], DType::Int32).unwrap();
    let e = rnn.forward(&ints, None, None).err().unwrap();
    assert_eq!(e.class(), ems::ErrorClass::Type, "{e}");
    let bad_len = ems::ones(&[3], DType::Float32).unwrap();
    let e = rnn
        .forward(&ones(&[5, 3, 4]), None, Some(&bad_len))
        .err()
        .unwrap();
    assert_eq!(e.class(), ems::ErrorClass::Type, "{e}");
    for (mode, h, layers) in [(RnnMode::Gru, 0, 1), (RnnMode::Lstm, 2, 0)] {
        let o = RnnOptions {
            num_layers: layers,
            ..Default::default()
        };
        let e = Rnn::new(mode, 3, h, o).err().unwrap().to_string();
        assert!(
            e.contains(mode.layer_name()) && e.contains("must > 0"),
            "{e}"
        );
    }
    let e = RnnMode::elman("gelu", "RNN").err().unwrap().to_string();
    assert!(e.contains("'nonlinearity'") && e.contains("gelu"), "{e}");
    let lstm = RnnCell::new(RnnMode::Lstm, 2, 3, true, DType::Float32).unwrap();
    let e = lstm
        .forward(&ones(&[1, 2]), &(ones(&[1, 3]), None))
        .err()
        .unwrap();
    assert!(e.to_string().contains("LSTMCell"), "{e}");
}
