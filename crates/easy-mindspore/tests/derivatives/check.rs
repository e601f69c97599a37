//! The generic check (as tinygrad's helper_test_op): VJP and JVP against central differences, to
//! first and (optionally) second order, zero derivatives for non-differentiable outputs, and the
//! `Suite` that runs cases, records the primitives they cover and collects failures.

use crate::batching::check_batching;
use crate::helpers::{close, contiguous, strided, t64, Fun, Lcg, TestResult};
use easy_mindspore as ems;
use ems::{Axes, DType, Prim, Tensor};
use std::collections::BTreeSet;

/// Finite-difference step, tolerance (relative + absolute), and whether the backward pass is
/// differentiated again (not at kinks: there the first derivative jumps).
#[derive(Clone, Copy)]
pub(crate) struct Opts {
    eps: f64,
    tol: f64,
    second_order: bool,
}

pub(crate) const DEFAULT: Opts = Opts {
    eps: 1e-6,
    tol: 1e-6,
    second_order: true,
};
/// Ties of max/min: the rule's even split is what a central difference sees, but only to first order.
pub(crate) const AT_KINK: Opts = Opts {
    second_order: false,
    ..DEFAULT
};
/// A Float32 round trip is flat between float32 neighbours: a wide step and a looser bound.
pub(crate) const F32_ROUND_TRIP: Opts = Opts {
    eps: 1e-2,
    tol: 1e-4,
    second_order: true,
};

pub(crate) fn same_aval(what: &str, got: &Tensor, like: &Tensor) -> TestResult {
    if got.dims() != like.dims() || got.dtype() != like.dtype() {
        return Err(format!(
            "{what}: {:?} {:?}, expected {:?} {:?}",
            got.dims(),
            got.dtype(),
            like.dims(),
            like.dtype()
        )
        .into());
    }
    Ok(())
}

pub(crate) fn inner(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

pub(crate) fn dot(a: &Tensor, b: &Tensor) -> f64 {
    inner(&a.to_vec::<f64>(), &b.to_vec::<f64>())
}

pub(crate) fn differentiable(x: &Tensor) -> bool {
    x.dtype() == DType::Float64
}

/// Central difference of `f` at `xs` along `dirs` (one flat direction per input; `None` = held).
pub(crate) fn fd(
    f: Fun,
    xs: &[Tensor],
    dirs: &[Option<Vec<f64>>],
    eps: f64,
) -> TestResult<Vec<f64>> {
    let at = |h: f64| -> TestResult<Vec<f64>> {
        let moved: Vec<Tensor> = xs
            .iter()
            .zip(dirs)
            .map(|(x, d)| match d {
                None => x.clone(),
                Some(d) => {
                    let v = x.to_vec::<f64>();
                    t64(v.iter().zip(d).map(|(a, b)| a + h * b).collect(), x.dims())
                }
            })
            .collect();
        Ok(f(&moved)?.to_vec::<f64>())
    };
    let (plus, minus) = (at(eps)?, at(-eps)?);
    Ok(plus
        .iter()
        .zip(&minus)
        .map(|(a, b)| (a - b) / (2.0 * eps))
        .collect())
}

/// `f`'s VJP and JVP at `xs` against central differences, for every Float64 input, with all inputs
/// traced and with one traced at a time (the others closed over, so the rules' symbolic-zero paths
/// run); other inputs (indices, conditions) must get zero cotangents of their own dtype.
pub(crate) fn check_first_order(f: Fun, xs: &[Tensor], o: Opts, rng: &mut Lcg) -> TestResult {
    let y = f(xs)?;
    if y.dtype() != DType::Float64 {
        return Err(format!(
            "the checked function must return Float64, got {:?}",
            y.dtype()
        )
        .into());
    }
    let (yv, ct) = (y.to_vec::<f64>(), rng.tensor(y.dims(), -1.0, 1.0));
    let copies: Vec<Tensor> = xs.iter().map(contiguous).collect();
    close(
        "value on contiguous copies",
        &f(&copies)?.to_vec::<f64>(),
        &yv,
        1e-12,
    )?;
    let ctv = ct.to_vec::<f64>();
    let tangents = xs
        .iter()
        .map(|x| match differentiable(x) {
            true => Ok(rng.tensor(x.dims(), -1.0, 1.0)),
            false => ems::zeros_like(x),
        })
        .collect::<ems::Result<Vec<_>>>()?;
    let held = || vec![None; xs.len()];

    // Reverse mode: ∂⟨ct, f⟩/∂x_i[j] against a central difference per element.
    let (outs, back) = ems::vjp_flat(|v| Ok(vec![f(v)?]), xs)?;
    close("vjp's primal output", &outs[0].to_vec::<f64>(), &yv, 1e-12)?;
    let grads = back.apply(std::slice::from_ref(&ct))?;
    if grads.len() != xs.len() {
        return Err(format!("{} cotangents for {} inputs", grads.len(), xs.len()).into());
    }
    for (i, (g, x)) in grads.iter().zip(xs).enumerate() {
        same_aval(&format!("cotangent of input {i}"), g, x)?;
        let want = if differentiable(x) {
            (0..x.numel())
                .map(|j| {
                    let mut dirs = held();
                    let mut e = vec![0.0; x.numel()];
                    e[j] = 1.0;
                    dirs[i] = Some(e);
                    Ok(inner(&ctv, &fd(f, xs, &dirs, o.eps)?))
                })
                .collect::<TestResult<Vec<f64>>>()?
        } else {
            vec![0.0; x.numel()]
        };
        close(&format!("vjp, input {i}"), &g.to_vec::<f64>(), &want, o.tol)?;
    }

    // Forward mode along all tangents at once.
    let dirs: Vec<Option<Vec<f64>>> = xs
        .iter()
        .zip(&tangents)
        .map(|(x, t)| differentiable(x).then(|| t.to_vec::<f64>()))
        .collect();
    let (outs, touts) = ems::jvp_flat(|v| Ok(vec![f(v)?]), xs, &tangents)?;
    close("jvp's primal output", &outs[0].to_vec::<f64>(), &yv, 1e-12)?;
    same_aval("jvp's tangent output", &touts[0], &y)?;
    let want = fd(f, xs, &dirs, o.eps)?;
    close("jvp", &touts[0].to_vec::<f64>(), &want, o.tol)?;

    // The two modes are transposes of each other: ⟨vjp(ct), t⟩ = ⟨ct, jvp(t)⟩.
    let lhs: f64 = grads.iter().zip(&tangents).map(|(g, t)| dot(g, t)).sum();
    close(
        "⟨vjp(ct), t⟩ = ⟨ct, jvp(t)⟩",
        &[lhs],
        &[dot(&ct, &touts[0])],
        o.tol,
    )?;

    // One input traced at a time, the others constants.
    for i in (0..xs.len()).filter(|&i| differentiable(&xs[i])) {
        let only_i = |v: &[Tensor]| {
            let mut all = xs.to_vec();
            all[i] = v[0].clone();
            f(&all)
        };
        let x_i = std::slice::from_ref(&xs[i]);
        let (_, back_i) = ems::vjp_flat(|v| Ok(vec![only_i(v)?]), x_i)?;
        let g_i = back_i.apply(std::slice::from_ref(&ct))?;
        let what = format!("vjp with only input {i} traced");
        close(
            &what,
            &g_i[0].to_vec::<f64>(),
            &grads[i].to_vec::<f64>(),
            1e-12,
        )?;
        let t_i = std::slice::from_ref(&tangents[i]);
        let (_, tout_i) = ems::jvp_flat(|v| Ok(vec![only_i(v)?]), x_i, t_i)?;
        let mut dirs_i = held();
        dirs_i[i] = dirs[i].clone();
        let what = format!("jvp with only input {i} traced");
        close(
            &what,
            &tout_i[0].to_vec::<f64>(),
            &fd(f, xs, &dirs_i, o.eps)?,
            o.tol,
        )?;
    }
    Ok(())
}

/// The backward pass is itself differentiable with the same table: checks
/// `h(xs) = Σ_i ⟨vjp(f, xs)(ct)_i, w_i⟩` (fixed `ct`, `w`) to first order, which runs every
/// rule's VJP under an outer tape (reverse-over-reverse) and an outer JVP (forward-over-reverse).
pub(crate) fn check_second_order(f: Fun, xs: &[Tensor], o: Opts, rng: &mut Lcg) -> TestResult {
    let ct = rng.tensor(f(xs)?.dims(), -1.0, 1.0);
    let ws: Vec<Tensor> = xs.iter().map(|x| rng.tensor(x.dims(), -1.0, 1.0)).collect();
    let h = |v: &[Tensor]| -> ems::Result<Tensor> {
        let (_, back) = ems::vjp_flat(|u| Ok(vec![f(u)?]), v)?;
        let gs = back.apply(std::slice::from_ref(&ct))?;
        let mut acc = Tensor::scalar(0.0f64);
        for ((g, w), x) in gs.iter().zip(&ws).zip(xs) {
            if differentiable(x) {
                acc = ems::add(&acc, ems::sum(&ems::mul(g, w)?, Axes::All, false)?)?;
            }
        }
        Ok(acc)
    };
    check_first_order(&h, xs, o, rng)
}

/// A non-differentiable output: every cotangent and every tangent is exactly zero.
pub(crate) fn check_zero_derivatives(f: Fun, xs: &[Tensor], rng: &mut Lcg) -> TestResult {
    let y = f(xs)?;
    let ct = rng.tensor(y.dims(), -1.0, 1.0);
    let (_, back) = ems::vjp_flat(|v| Ok(vec![f(v)?]), xs)?;
    for (i, (g, x)) in back.apply(&[ct])?.iter().zip(xs).enumerate() {
        same_aval(&format!("cotangent of input {i}"), g, x)?;
        close(
            &format!("cotangent of input {i}"),
            &g.to_vec::<f64>(),
            &vec![0.0; x.numel()],
            0.0,
        )?;
    }
    let ts: Vec<Tensor> = xs.iter().map(|x| rng.tensor(x.dims(), -1.0, 1.0)).collect();
    let (_, touts) = ems::jvp_flat(|v| Ok(vec![f(v)?]), xs, &ts)?;
    same_aval("tangent output", &touts[0], &y)?;
    close(
        "tangent output",
        &touts[0].to_vec::<f64>(),
        &vec![0.0; y.numel()],
        0.0,
    )
}

/// Runs cases, records which primitives they exercise, and collects failures so one report lists
/// them all. A dry run only records (for the coverage test).
pub(crate) struct Suite {
    pub(crate) rng: Lcg,
    pub(crate) dry: bool,
    pub(crate) covered: BTreeSet<&'static str>,
    failures: Vec<String>,
}

impl Suite {
    pub(crate) fn new(dry: bool) -> Suite {
        Suite {
            rng: Lcg(0x5eed_2024),
            dry,
            covered: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    pub(crate) fn record(&mut self, covers: &[&'static str], label: &str, r: TestResult) {
        self.covered.extend(covers);
        if let Err(e) = r {
            self.failures.push(format!("{label}: {e}"));
        }
    }

    /// Checks `f` on `xs` to first and (per `o`) second order.
    pub(crate) fn check<F>(
        &mut self,
        covers: &[&'static str],
        label: &str,
        f: F,
        xs: Vec<Tensor>,
        o: Opts,
    ) where
        F: Fn(&[Tensor]) -> ems::Result<Tensor>,
    {
        if self.dry {
            return self.record(covers, label, Ok(()));
        }
        let mut r = check_first_order(&f, &xs, o, &mut self.rng);
        if r.is_ok() && o.second_order {
            r = check_second_order(&f, &xs, o, &mut self.rng)
                .map_err(|e| format!("2nd order: {e}").into());
        }
        if r.is_ok() {
            r = check_batching(&f, &xs, &mut self.rng).map_err(|e| format!("batching: {e}").into());
        }
        self.record(covers, label, r);
    }

    /// Checks one primitive applied by `bind` to `xs`.
    pub(crate) fn prim(&mut self, prim: Prim, xs: Vec<Tensor>) {
        self.prim_opts(prim, xs, DEFAULT);
    }

    pub(crate) fn prim_opts(&mut self, prim: Prim, xs: Vec<Tensor>, o: Opts) {
        let label = format!("{prim:?} on {:?}", shapes(&xs));
        let name = prim.name();
        let f = move |v: &[Tensor]| ems::bind(prim.clone(), &v.iter().collect::<Vec<_>>());
        let views = xs.iter().map(strided).collect();
        self.check(&[name], &label, &f, xs, o);
        self.check(&[name], &format!("{label}, strided inputs"), &f, views, o);
    }

    /// Checks that `f`'s output carries no derivative at all.
    pub(crate) fn zero<F>(&mut self, covers: &[&'static str], label: &str, f: F, xs: Vec<Tensor>)
    where
        F: Fn(&[Tensor]) -> ems::Result<Tensor>,
    {
        let r = match self.dry {
            true => Ok(()),
            false => check_zero_derivatives(&f, &xs, &mut self.rng)
                .and_then(|()| check_batching(&f, &xs, &mut self.rng)),
        };
        self.record(covers, label, r);
    }

    pub(crate) fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} failing case(s):\n{}",
            self.failures.len(),
            self.failures.join("\n\n")
        );
    }
}

pub(crate) fn shapes(xs: &[Tensor]) -> Vec<Vec<usize>> {
    xs.iter().map(Tensor::shape).collect()
}

pub(crate) fn run(group: fn(&mut Suite)) {
    let mut s = Suite::new(false);
    group(&mut s);
    s.finish();
}
