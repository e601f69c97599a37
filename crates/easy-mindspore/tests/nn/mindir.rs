//! MindIR files: a function exported and read back names MindSpore's primitives with the
//! arguments MindSpore 2.10 takes, stores its parameters under their names with their exact
//! values; every prefix of a file (a truncated download) and random bytes read as an error, never
//! a panic; what the format cannot hold (a path chosen by a tensor's value, a primitive MindSpore
//! has no counterpart for) is refused when exporting.

use easy_mindspore as ems;
use ems::nn::mindir::{export, read, Value};
use ems::{FftKind, FftNorm, Tensor, Var};

fn dense_relu() -> ems::Result<(Vec<u8>, Var, Var)> {
    let w = Var::new(Tensor::from_vec(
        vec![0.5f32, -1.0, 2.0, 0.25, 1.5, -0.5],
        &[3, 2],
    )?);
    let b = Var::new(Tensor::from_vec(vec![0.1f32, -0.2], &[2])?);
    let (wf, bf) = (w.clone(), b.clone());
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0, -1.0, 0.0, 4.0], &[2, 3])?;
    let names = [
        ("fc.weight".to_string(), w.clone()),
        ("fc.bias".to_string(), b.clone()),
    ];
    let bytes = export(
        move |xs: &[Tensor]| Ok(vec![ems::relu(&(&xs[0].matmul(&wf.get())? + &bf.get())?)?]),
        &[x],
        &names,
    )?;
    Ok((bytes, w, b))
}

#[test]
fn an_exported_function_reads_back_as_mindspore_primitives() -> ems::Result<()> {
    let (bytes, w, b) = dense_relu()?;
    let model = read(&bytes)?;
    let m = &model.graph;
    assert_eq!(model.producer, "easy_mindspore");
    assert!(model.functions.is_empty());
    assert_eq!(m.inputs.len(), 1);
    assert_eq!(m.inputs[0].1.as_ref().map(|t| &t.0[..]), Some(&[2, 3][..]));
    let keys: Vec<&str> = model.params.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys, ["fc.weight", "fc.bias"]);
    assert_eq!(
        model.params[0].value.to_vec::<f32>(),
        w.get().to_vec::<f32>()
    );
    assert_eq!(
        model.params[1].value.to_vec::<f32>(),
        b.get().to_vec::<f32>()
    );
    let ops: Vec<&str> = m.nodes.iter().map(|n| n.op.as_str()).collect();
    // The bias broadcast stays implicit (Add broadcasts), so another batch size runs.
    assert_eq!(ops, ["MatMul", "Add", "ReLU"], "{m:?}");
    let matmul = &m.nodes[0];
    assert!(matmul.functional);
    assert_eq!(matmul.inputs.len(), 4, "x, w, transpose_a, transpose_b");
    let flag = |name: &String| {
        m.constants
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert!(matches!(flag(&matmul.inputs[2]), Some(Value::Bool(false))));
    assert_eq!(m.outputs, [m.nodes[2].output.clone()]);
    Ok(())
}

#[test]
fn truncated_and_random_bytes_are_errors_not_panics() -> ems::Result<()> {
    let (bytes, _, _) = dense_relu()?;
    let mut ok = 0;
    for n in 0..bytes.len() {
        if read(&bytes[..n]).is_ok() {
            ok += 1;
        }
    }
    // A prefix may still parse (protobuf has no end marker) only when it cut between fields
    // after the graph: never the empty file.
    assert!(read(&[]).is_err());
    assert!(
        ok < bytes.len() / 2,
        "{ok} of {} prefixes read",
        bytes.len()
    );
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for len in [1usize, 7, 64, 1000] {
        let junk: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let _ = read(&junk);
    }
    Ok(())
}

#[test]
fn what_the_format_cannot_hold_is_refused() -> ems::Result<()> {
    let x = Tensor::from_vec(vec![1.0f32, -2.0], &[2])?;
    // A path chosen by a tensor's value.
    let branch = |xs: &[Tensor]| {
        let y = if xs[0].sum()?.to_f64()? > 0.0 {
            (&xs[0] * 2.0)?
        } else {
            xs[0].clone()
        };
        Ok(vec![y])
    };
    let e = export(branch, std::slice::from_ref(&x), &[]).unwrap_err();
    assert!(e.to_string().contains("control flow"), "{e}");
    // A primitive MindSpore has no counterpart for.
    let spectrum = |xs: &[Tensor]| {
        Ok(vec![ems::fft(
            &xs[0],
            FftKind::RealForward,
            &[-1],
            None,
            FftNorm::Backward,
        )?
        .abs()?])
    };
    let e = export(spectrum, &[x], &[]).unwrap_err();
    assert!(e.to_string().contains("no MindIR form"), "{e}");
    Ok(())
}
