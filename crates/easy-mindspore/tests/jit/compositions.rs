//! The golden composition test: on a family of functions (the seed's control flow, an MLP-like
//! loss, a tanh chain, a loop with a branch, a two-layer LSTM sequence whose backward sweep is
//! a fused primitive with a composition), every order of `jit` with `grad`, `jvp`, `vmap`
//! and second derivatives gives eager's values, on the first call (traced) and the second (from
//! the cache).

use easy_mindspore as ems;
use ems::jit::jit1;
use ems::{Axes, Tensor};

type F = fn(&Tensor) -> ems::Result<Tensor>;
type Boxed = Box<dyn Fn(&Tensor) -> ems::Result<Tensor>>;

fn seed_sum(x: &Tensor) -> ems::Result<Tensor> {
    ems::sum(&super::seed_f(x)?, Axes::All, false)
}

fn mlp_loss(x: &Tensor) -> ems::Result<Tensor> {
    let w = Tensor::from_vec((0..12).map(|i| (i as f64 * 0.37).sin()).collect(), &[4, 3])?;
    let v = Tensor::new([0.5f64, -1.0, 0.25])?;
    let h = ems::maximum(&ems::matmul(x, &w)?, Tensor::scalar(0.0f64))?;
    let z = ems::matmul(&h.tanh()?, &v)?;
    (&z * &z)? + ems::sum(&(x * x)?, Axes::All, false)?
}

fn tanh_chain(x: &Tensor) -> ems::Result<Tensor> {
    let mut y = x.clone();
    for _ in 0..4 {
        y = ((&y * 1.5)?.tanh()? + x)?;
    }
    ems::sum(&y, Axes::All, false)
}

fn loop_and_branch(x: &Tensor) -> ems::Result<Tensor> {
    let mut y = x.clone();
    while ems::sum(&(&y * &y)?, Axes::All, false)?
        .less(10.0)?
        .to_bool()?
    {
        y = (&y * 1.5)?;
    }
    let y = if y.max()?.greater(1.0)?.to_bool()? {
        y.sin()?
    } else {
        y.cos()?
    };
    ems::sum(&(&y * x)?, Axes::All, false)
}

/// Two `LstmLayer`s, forward then reverse, over three steps of one row whose gate
/// pre-activations are made from `x`.
fn lstm_sequence(x: &Tensor) -> ems::Result<Tensor> {
    let w = Tensor::from_vec((0..16).map(|i| (i as f64 * 0.61).cos()).collect(), &[8, 2])?;
    let rows = ems::concat(
        &[
            x.clone(),
            (x * 0.5)?,
            x.sin()?,
            x.cos()?,
            (x * x)?,
            x.tanh()?,
        ],
        0,
    )?;
    let gi = rows.reshape(&[3, 1, 8])?;
    let h0 = Tensor::from_vec(vec![0.1f64, -0.3], &[1, 2])?;
    let c0 = Tensor::from_vec(vec![-0.2f64, 0.4], &[1, 2])?;
    let b = Tensor::from_vec(vec![0.1f64, -0.2, 0.3, 0.0, 0.05, -0.1, 0.2, 0.4], &[8])?;
    let (hs, h, c) = ems::prim::lstm_layer(&gi, &w, &b, (&h0, &c0), false)?;
    let gi2 = ems::concat(&[hs.clone(), hs.clone(), (&hs * 0.5)?, hs.sin()?], 2)?;
    let (hs2, _, c2) = ems::prim::lstm_layer(&gi2, &w, &b, (&h, &c), true)?;
    let all = ems::concat(&[hs2.reshape(&[6])?, c2.reshape(&[2])?], 0)?;
    ems::sum(&(&all * &all)?, Axes::All, false)
}

const FAMILY: [(&str, F); 5] = [
    ("seed", seed_sum),
    ("mlp", mlp_loss),
    ("tanh chain", tanh_chain),
    ("loop and branch", loop_and_branch),
    ("lstm sequence", lstm_sequence),
];

fn inputs() -> Vec<Tensor> {
    [
        [0.3f64, -1.2, 0.8, 2.1],
        [-0.05, 0.01, 0.02, -0.03],
        [1.5, 0.5, -2.5, 0.7],
    ]
    .iter()
    .map(|v| Tensor::new(*v).expect("valid"))
    .collect()
}

fn close(what: &str, got: &Tensor, want: &Tensor) {
    assert_eq!(got.shape(), want.shape(), "{what}");
    let (g, w) = (got.to_vec::<f64>(), want.to_vec::<f64>());
    for (a, b) in g.iter().zip(&w) {
        assert!(
            (a - b).abs() <= 1e-12 * b.abs().max(1.0),
            "{what}: {g:?} vs {w:?}"
        );
    }
}

#[test]
fn every_order_of_jit_and_the_transforms_agrees_with_eager() -> ems::Result<()> {
    let t = Tensor::new([1.0f64, -0.5, 0.25, 2.0])?;
    for (name, f) in FAMILY {
        let spellings: Vec<(&str, Boxed, Boxed)> = vec![
            ("jit(f)", Box::new(jit1(f)), Box::new(f)),
            (
                "grad(jit(f))",
                Box::new(ems::grad(jit1(f))),
                Box::new(ems::grad(f)),
            ),
            (
                "jit(grad(f))",
                Box::new(jit1(ems::grad(f))),
                Box::new(ems::grad(f)),
            ),
            (
                "jit(grad(jit(f)))",
                Box::new(jit1(ems::grad(jit1(f)))),
                Box::new(ems::grad(f)),
            ),
            (
                "hessian(jit(f))",
                Box::new(ems::hessian(jit1(f))),
                Box::new(ems::hessian(f)),
            ),
            (
                "jit(hessian(f))",
                Box::new(jit1(ems::hessian(f))),
                Box::new(ems::hessian(f)),
            ),
            (
                "grad(sum(grad(jit(f))))",
                Box::new(ems::grad(move |x: &Tensor| {
                    ems::sum(&ems::grad(jit1(f))(x)?, Axes::All, false)
                })),
                Box::new(ems::grad(move |x: &Tensor| {
                    ems::sum(&ems::grad(f)(x)?, Axes::All, false)
                })),
            ),
            (
                "jvp(jit(f))",
                {
                    let t = t.clone();
                    let jf = jit1(f);
                    Box::new(move |x: &Tensor| Ok(ems::jvp(&jf, x, &t)?.1))
                },
                {
                    let t = t.clone();
                    Box::new(move |x: &Tensor| Ok(ems::jvp(f, x, &t)?.1))
                },
            ),
            (
                "jit(jvp(grad(f)))",
                {
                    let t2 = t.clone();
                    Box::new(jit1(
                        move |x: &Tensor| Ok(ems::jvp(ems::grad(f), x, &t2)?.1),
                    ))
                },
                {
                    let t = t.clone();
                    Box::new(move |x: &Tensor| Ok(ems::jvp(ems::grad(f), x, &t)?.1))
                },
            ),
            (
                "jit(vmap(grad(f)))",
                Box::new(jit1(ems::vmap(ems::grad(f), 0, 0))),
                Box::new(move |x: &Tensor| {
                    let rows: Vec<Tensor> = (0..x.shape()[0])
                        .map(|i| ems::grad(f)(&x.get(i as i64)?))
                        .collect::<ems::Result<_>>()?;
                    ems::stack(&rows, 0)
                }),
            ),
        ];
        for (spelling, staged, eager) in &spellings {
            let batched = spelling.contains("vmap");
            // Control flow on a value that varies across a vmap batch is an error by design.
            if batched && (name == "seed" || name == "loop and branch") {
                continue;
            }
            for x in inputs() {
                let x = if batched {
                    ems::stack(&[x.clone(), (&x * -0.5)?], 0)?
                } else {
                    x
                };
                let want = eager(&x)?;
                for round in 0..2 {
                    close(
                        &format!("{name}: {spelling}, call {round}"),
                        &staged(&x)?,
                        &want,
                    );
                }
            }
        }
    }
    Ok(())
}
