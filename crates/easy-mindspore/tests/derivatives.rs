//! The derivatives table under test. Every primitive's VJP and JVP against central finite
//! differences in Float64 and against each other (⟨vjp(ct), t⟩ = ⟨ct, jvp(t)⟩), and the backward
//! pass differentiated once more the same way; then higher orders against closed forms, nested
//! transforms that must not confuse their perturbations, and the return structure of MindSpore's
//! grad API (reference §6.1).
//!
//! Invariant: `every_primitive_is_covered` fails when `Prim` gains a primitive that no case here
//! exercises.

use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::storage::{Buffer, Element};
use ems::{Axes, CmpOp, DType, GradOperation, Prim, Tensor};
use std::collections::BTreeSet;

type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;
type Fun<'a> = &'a dyn Fn(&[Tensor]) -> ems::Result<Tensor>;

// ---- deterministic random numbers ------------------------------------------------------------

/// A 64-bit linear congruential generator (Knuth's MMIX constants); the top 53 bits of the state
/// make a uniform f64 in [0, 1). Deterministic and per-test, so parallel tests cannot disturb it.
struct Lcg(u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
    /// A magnitude in [lo, hi) with a random sign.
    fn signed(&mut self, lo: f64, hi: f64) -> f64 {
        let m = self.range(lo, hi);
        if self.uniform() < 0.5 {
            -m
        } else {
            m
        }
    }
    /// A value a fraction 0.2..0.8 past an integer in [-3, 3): a ±eps step never crosses one.
    fn off_integer(&mut self) -> f64 {
        self.range(-3.0, 3.0).floor() + self.range(0.2, 0.8)
    }
    fn vec(&mut self, n: usize, mut g: impl FnMut(&mut Lcg) -> f64) -> Vec<f64> {
        (0..n).map(|_| g(self)).collect()
    }
    fn tensor_with(&mut self, shape: &[usize], g: impl FnMut(&mut Lcg) -> f64) -> Tensor {
        t64(self.vec(shape.iter().product(), g), shape)
    }
    fn tensor(&mut self, shape: &[usize], lo: f64, hi: f64) -> Tensor {
        self.tensor_with(shape, |r| r.range(lo, hi))
    }
    /// Distinct values at least 0.2 apart, in random order: no ties for max/argmax.
    fn distinct(&mut self, shape: &[usize]) -> Tensor {
        let n: usize = shape.iter().product();
        let mut rank: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.uniform() * (i + 1) as f64) as usize;
            rank.swap(i, j.min(i));
        }
        let v = rank
            .iter()
            .map(|&k| k as f64 * 0.3 - 2.0 + self.range(0.0, 0.1))
            .collect();
        t64(v, shape)
    }
    /// `x` moved by 0.1..1 in a random direction at every element: no ties with `x`.
    fn apart_from(&mut self, x: &Tensor) -> Tensor {
        let v = x
            .to_vec::<f64>()
            .iter()
            .map(|a| a + self.signed(0.1, 1.0))
            .collect();
        t64(v, x.dims())
    }
    fn bools(&mut self, shape: &[usize]) -> Tensor {
        let v: Vec<bool> = (0..shape.iter().product())
            .map(|_| self.uniform() < 0.5)
            .collect();
        Tensor::from_vec(v, shape).expect("bool tensor")
    }
}

fn t64(v: Vec<f64>, shape: &[usize]) -> Tensor {
    Tensor::from_vec(v, shape).expect("data length matches shape")
}

fn i64s(v: Vec<i64>, shape: &[usize]) -> Tensor {
    Tensor::from_vec(v, shape).expect("data length matches shape")
}

/// A fresh contiguous tensor with `x`'s values.
fn contiguous(x: &Tensor) -> Tensor {
    let d = x.dims();
    match x.to_buffer() {
        Buffer::Bool(v) => Tensor::from_vec(v, d),
        Buffer::I32(v) => Tensor::from_vec(v, d),
        Buffer::I64(v) => Tensor::from_vec(v, d),
        Buffer::F32(v) => Tensor::from_vec(v, d),
        Buffer::F64(v) => Tensor::from_vec(v, d),
    }
    .expect("same length")
}

/// `x`'s values seen through a view with gaps and negative strides: every other element of a
/// buffer twice as long per axis, reversed, with poison (NaN, out-of-range indices) in the gaps,
/// so a kernel that ignores a layout reads garbage.
fn strided(x: &Tensor) -> Tensor {
    fn go<T: Element>(v: Vec<T>, shape: &[usize], poison: T) -> Tensor {
        let big_shape: Vec<usize> = shape.iter().map(|d| 2 * d).collect();
        let mut big = vec![poison; big_shape.iter().product()];
        for (i, val) in v.into_iter().rev().enumerate() {
            let (mut rest, mut offset, mut stride) = (i, 0, 1);
            for k in (0..shape.len()).rev() {
                offset += 2 * (rest % shape[k]) * stride;
                rest /= shape[k];
                stride *= big_shape[k];
            }
            big[offset] = val;
        }
        let big = Tensor::from_vec(big, &big_shape).expect("same length");
        let nd = shape.len();
        let every_other = p::slice(&big, &vec![0; nd], &big_shape, &vec![2; nd]);
        let all_axes: Vec<usize> = (0..nd).collect();
        p::rev(&every_other.expect("slice"), &all_axes).expect("rev")
    }
    let d = x.dims();
    match x.to_buffer() {
        Buffer::Bool(v) => go(v, d, true),
        Buffer::I32(v) => go(v, d, i32::MAX),
        Buffer::I64(v) => go(v, d, i64::MAX),
        Buffer::F32(v) => go(v, d, f32::NAN),
        Buffer::F64(v) => go(v, d, f64::NAN),
    }
}

// ---- the generic check (as tinygrad's helper_test_op) -----------------------------------------

/// Finite-difference step, tolerance (relative + absolute), and whether the backward pass is
/// differentiated again (not at kinks: there the first derivative jumps).
#[derive(Clone, Copy)]
struct Opts {
    eps: f64,
    tol: f64,
    second_order: bool,
}

const DEFAULT: Opts = Opts {
    eps: 1e-6,
    tol: 1e-6,
    second_order: true,
};
/// Ties of max/min: the rule's even split is what a central difference sees, but only to first order.
const AT_KINK: Opts = Opts {
    second_order: false,
    ..DEFAULT
};
/// A Float32 round trip is flat between float32 neighbours: a wide step and a looser bound.
const F32_ROUND_TRIP: Opts = Opts {
    eps: 1e-2,
    tol: 1e-4,
    second_order: true,
};

fn close(what: &str, got: &[f64], want: &[f64], tol: f64) -> TestResult {
    if got.len() != want.len() {
        return Err(format!("{what}: {} values, expected {}", got.len(), want.len()).into());
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let ok = (g - w).abs() <= tol * (1.0 + w.abs()); // false for NaN
        if !ok {
            return Err(format!(
                "{what}: element {i} is {g}, expected {w}\n  got  {got:?}\n  want {want:?}"
            )
            .into());
        }
    }
    Ok(())
}

fn same_aval(what: &str, got: &Tensor, like: &Tensor) -> TestResult {
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

fn inner(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn dot(a: &Tensor, b: &Tensor) -> f64 {
    inner(&a.to_vec::<f64>(), &b.to_vec::<f64>())
}

fn differentiable(x: &Tensor) -> bool {
    x.dtype() == DType::Float64
}

/// Central difference of `f` at `xs` along `dirs` (one flat direction per input; `None` = held).
fn fd(f: Fun, xs: &[Tensor], dirs: &[Option<Vec<f64>>], eps: f64) -> TestResult<Vec<f64>> {
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
fn check_first_order(f: Fun, xs: &[Tensor], o: Opts, rng: &mut Lcg) -> TestResult {
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
fn check_second_order(f: Fun, xs: &[Tensor], o: Opts, rng: &mut Lcg) -> TestResult {
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
fn check_zero_derivatives(f: Fun, xs: &[Tensor], rng: &mut Lcg) -> TestResult {
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
struct Suite {
    rng: Lcg,
    dry: bool,
    covered: BTreeSet<&'static str>,
    failures: Vec<String>,
}

impl Suite {
    fn new(dry: bool) -> Suite {
        Suite {
            rng: Lcg(0x5eed_2024),
            dry,
            covered: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    fn record(&mut self, covers: &[&'static str], label: &str, r: TestResult) {
        self.covered.extend(covers);
        if let Err(e) = r {
            self.failures.push(format!("{label}: {e}"));
        }
    }

    /// Checks `f` on `xs` to first and (per `o`) second order.
    fn check<F>(&mut self, covers: &[&'static str], label: &str, f: F, xs: Vec<Tensor>, o: Opts)
    where
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
        self.record(covers, label, r);
    }

    /// Checks one primitive applied by `bind` to `xs`.
    fn prim(&mut self, prim: Prim, xs: Vec<Tensor>) {
        self.prim_opts(prim, xs, DEFAULT);
    }

    fn prim_opts(&mut self, prim: Prim, xs: Vec<Tensor>, o: Opts) {
        let label = format!("{prim:?} on {:?}", shapes(&xs));
        let name = prim.name();
        let f = move |v: &[Tensor]| ems::bind(prim.clone(), &v.iter().collect::<Vec<_>>());
        let views = xs.iter().map(strided).collect();
        self.check(&[name], &label, &f, xs, o);
        self.check(&[name], &format!("{label}, strided inputs"), &f, views, o);
    }

    /// Checks that `f`'s output carries no derivative at all.
    fn zero<F>(&mut self, covers: &[&'static str], label: &str, f: F, xs: Vec<Tensor>)
    where
        F: Fn(&[Tensor]) -> ems::Result<Tensor>,
    {
        let r = match self.dry {
            true => Ok(()),
            false => check_zero_derivatives(&f, &xs, &mut self.rng),
        };
        self.record(covers, label, r);
    }

    fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} failing case(s):\n{}",
            self.failures.len(),
            self.failures.join("\n\n")
        );
    }
}

fn shapes(xs: &[Tensor]) -> Vec<Vec<usize>> {
    xs.iter().map(Tensor::shape).collect()
}

fn run(group: fn(&mut Suite)) {
    let mut s = Suite::new(false);
    group(&mut s);
    s.finish();
}

// ---- the cases, by group ---------------------------------------------------------------------

/// Shapes for elementwise cases: scalars, size-1 and size-0 axes.
const SHAPES: [&[usize]; 7] = [&[], &[1], &[4], &[2, 3], &[3, 1, 2], &[2, 0, 3], &[0]];

const F64: DType = DType::Float64;

fn unary(s: &mut Suite) {
    for shape in SHAPES {
        for prim in [Prim::Neg, Prim::Exp, Prim::Sin, Prim::Cos, Prim::Tanh] {
            let x = s.rng.tensor(shape, -1.5, 1.5);
            s.prim(prim, vec![x]);
        }
        // log and sqrt on positive inputs.
        for prim in [Prim::Log, Prim::Sqrt] {
            let x = s.rng.tensor(shape, 0.5, 2.0);
            s.prim(prim, vec![x]);
        }
        // floor is locally constant away from integers: derivative 0, as the differences see.
        let x = s.rng.tensor_with(shape, Lcg::off_integer);
        s.prim(Prim::Floor, vec![x]);
    }
}

fn binary(s: &mut Suite) {
    for shape in SHAPES {
        for prim in [Prim::Add, Prim::Sub, Prim::Mul] {
            let (x, y) = (
                s.rng.tensor(shape, -1.5, 1.5),
                s.rng.tensor(shape, -1.5, 1.5),
            );
            s.prim(prim, vec![x, y]);
        }
        // x / y with y away from 0.
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let y = s.rng.tensor_with(shape, |r| r.signed(0.5, 2.0));
        s.prim(Prim::Div, vec![x, y]);
        // x^y with a positive base (∂/∂y = log(x)·x^y needs x > 0).
        let (x, y) = (
            s.rng.tensor(shape, 0.5, 2.0),
            s.rng.tensor(shape, -2.0, 2.0),
        );
        s.prim(Prim::Pow, vec![x, y]);
        for prim in [Prim::Max, Prim::Min] {
            let x = s.rng.tensor(shape, -1.5, 1.5);
            let y = s.rng.apart_from(&x);
            s.prim(prim, vec![x, y]);
        }
    }
    // Ties: max(x, y) at x = y passes half the derivative to each side; a central difference
    // sees (max(x+h, x) - max(x-h, x)) / 2h = 1/2 too.
    for prim in [Prim::Max, Prim::Min] {
        let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
        s.prim_opts(prim, vec![x.clone(), x], AT_KINK);
    }
    // Base 0, y > 0 held: ∂(0^y)/∂y = 0 (the limit, as JAX takes it), not log(0)·0 = NaN.
    let zero_base = t64(vec![0.0; 4], &[4]);
    let y = s.rng.tensor(&[4], 1.5, 3.0);
    let f = move |v: &[Tensor]| p::pow(&zero_base, &v[0]);
    s.check(&["Pow"], "Pow at base 0, in y", f, vec![y], DEFAULT);
    // x^n with integer n held, through 0 and negative bases: ∂/∂x = n·x^(n-1).
    let n = t64(vec![2.0, 3.0, 2.0, 3.0, 1.0], &[5]);
    let x = t64(vec![0.0, 0.0, -0.7, -1.3, 0.4], &[5]);
    let f = move |v: &[Tensor]| p::pow(&v[0], &n);
    s.check(
        &["Pow"],
        "Pow with integer exponents, in x",
        f,
        vec![x],
        DEFAULT,
    );

    // The friendly ops broadcast with BroadcastInDim; its VJP sums the cotangent back.
    let pairs: [(&[usize], &[usize]); 6] = [
        (&[2, 3], &[3]),
        (&[2, 1, 3], &[4, 1]),
        (&[], &[2, 2]),
        (&[3, 1], &[1, 0]),
        (&[1, 4], &[3, 1]),
        (&[1], &[2, 1]),
    ];
    type Friendly = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;
    let friendly: [(&'static str, Friendly); 6] = [
        ("Add", |a, b| ems::add(a, b)),
        ("Sub", |a, b| ems::sub(a, b)),
        ("Mul", |a, b| ems::mul(a, b)),
        ("Div", |a, b| ems::div(a, b)),
        ("Pow", |a, b| ems::pow(a, b)),
        ("Max", |a, b| ems::maximum(a, b)),
    ];
    for (a, b) in pairs {
        for (name, op) in friendly {
            let x = s.rng.tensor(a, 0.5, 2.0);
            let y = s.rng.tensor_with(b, |r| r.signed(0.5, 2.0));
            let label = format!("friendly {name} of {a:?} and {b:?}");
            let f = move |v: &[Tensor]| op(&v[0], &v[1]);
            s.check(&[name, "BroadcastInDim"], &label, f, vec![x, y], DEFAULT);
        }
    }
}

fn compare_select_cast(s: &mut Suite) {
    let ops = [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ];
    for op in ops {
        for shape in [&[4][..], &[2, 3], &[], &[0, 2]] {
            // cast(x op y)·x: the comparison is locally constant (no ties), so ∂/∂x = the mask
            // and ∂/∂y = 0.
            let x = s.rng.tensor(shape, -1.5, 1.5);
            let y = s.rng.apart_from(&x);
            let f =
                move |v: &[Tensor]| p::mul(&p::cast(&p::compare(op, &v[0], &v[1])?, F64)?, &v[0]);
            let label = format!("cast(Compare({op:?}))·x on {shape:?}");
            s.check(&["Compare", "Cast"], &label, f, vec![x, y], DEFAULT);
        }
    }
    for shape in SHAPES {
        // where(c, x, y) with a Bool condition input (which gets a zero Bool cotangent).
        let c = s.rng.bools(shape);
        let (x, y) = (
            s.rng.tensor(shape, -1.5, 1.5),
            s.rng.tensor(shape, -1.5, 1.5),
        );
        s.prim(Prim::Where, vec![c, x, y]);
        // float64 → float32 → float64 is the identity up to rounding: derivative 1.
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let f = |v: &[Tensor]| p::cast(&p::cast(&v[0], DType::Float32)?, F64);
        let label = format!("Cast Float64→Float32→Float64 on {shape:?}");
        s.check(&["Cast"], &label, f, vec![x], F32_ROUND_TRIP);
        // Through an integer: cast(cast(x, Int32), Float64)·x = trunc(x)·x, so d/dx = trunc(x)
        // (the integer path carries no derivative).
        let x = s.rng.tensor_with(shape, Lcg::off_integer);
        let f = |v: &[Tensor]| p::mul(&p::cast(&p::cast(&v[0], DType::Int32)?, F64)?, &v[0]);
        let label = format!("cast(cast(x, Int32))·x on {shape:?}");
        s.check(&["Cast"], &label, f, vec![x], DEFAULT);
    }
    // The friendly where broadcasts condition and branches together.
    let c = s.rng.bools(&[2, 1]);
    let (x, y) = (
        s.rng.tensor(&[1, 3], -1.5, 1.5),
        s.rng.tensor(&[], -1.5, 1.5),
    );
    let f = |v: &[Tensor]| ems::where_(&v[0], &v[1], &v[2]);
    let label = "friendly where of [2, 1], [1, 3], []";
    s.check(
        &["Where", "BroadcastInDim"],
        label,
        f,
        vec![c, x, y],
        DEFAULT,
    );
}

fn reductions(s: &mut Suite) {
    let cases: [(&[usize], &[usize]); 9] = [
        (&[2, 3, 4], &[0]),
        (&[2, 3, 4], &[1]),
        (&[2, 3, 4], &[2]),
        (&[2, 3, 4], &[0, 2]),
        (&[2, 3, 4], &[0, 1, 2]),
        (&[1, 5], &[0]),
        (&[3, 0, 2], &[0]),
        (&[3, 1], &[1]),
        (&[4], &[0]),
    ];
    for (shape, axes) in cases {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::ReduceSum { axes: axes.into() }, vec![x]);
        // Distinct values: one maximum per output element.
        let x = s.rng.distinct(shape);
        s.prim(Prim::ReduceMax { axes: axes.into() }, vec![x]);
    }
    // Summing over an empty axis gives zeros; the cotangent of an empty input is empty.
    let x = s.rng.tensor(&[3, 0, 2], -1.5, 1.5);
    s.prim(
        Prim::ReduceSum {
            axes: [1usize][..].into(),
        },
        vec![x],
    );
    // A two-way tie shares the derivative evenly, which is again what central differences see.
    let x = t64(vec![1.0, 3.0, 3.0, 2.0, 0.5, 2.0], &[2, 3]);
    s.prim_opts(
        Prim::ReduceMax {
            axes: [1usize][..].into(),
        },
        vec![x],
        AT_KINK,
    );
    // The friendly sum with keepdims and negative axes.
    let x = s.rng.tensor(&[2, 3, 2], -1.5, 1.5);
    let f = |v: &[Tensor]| ems::sum(&v[0], [-1i64, 0], true);
    s.check(
        &["ReduceSum", "Reshape"],
        "sum keepdims",
        f,
        vec![x],
        DEFAULT,
    );

    // argmax is locally constant: gather(x, argmax(x, axis), axis) differentiates like a gather.
    for (shape, axis) in [(&[3, 4][..], 0), (&[3, 4], 1), (&[2, 3, 2], 1), (&[5], 0)] {
        let x = s.rng.distinct(shape);
        let f = move |v: &[Tensor]| p::gather(&v[0], &p::argmax(&v[0], axis)?, axis);
        let label = format!("gather(x, argmax(x, {axis})) on {shape:?}");
        s.check(&["ArgMax", "Gather"], &label, f, vec![x], DEFAULT);
    }

    // cumsum along each axis; its VJP is the reversed cumsum of the reversed cotangent.
    for (shape, axis) in [
        (&[2, 3, 4][..], 0),
        (&[2, 3, 4], 1),
        (&[2, 3, 4], 2),
        (&[1], 0),
        (&[3, 0], 0),
        (&[3, 0], 1),
    ] {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Cumsum { axis }, vec![x]);
    }
}

fn structure(s: &mut Suite) {
    let reshapes: [(&[usize], &[usize]); 6] = [
        (&[2, 3, 4], &[6, 4]),
        (&[2, 3], &[3, 2]),
        (&[2, 3], &[6]),
        (&[], &[1, 1]),
        (&[2, 0, 3], &[0, 6]),
        (&[0], &[3, 0]),
    ];
    for (from, to) in reshapes {
        let x = s.rng.tensor(from, -1.5, 1.5);
        s.prim(Prim::Reshape { shape: to.into() }, vec![x]);
    }
    let perms: [(&[usize], &[usize]); 4] = [
        (&[2, 3, 4], &[2, 0, 1]),
        (&[2, 3, 4], &[1, 0, 2]),
        (&[2, 3], &[1, 0]),
        (&[2, 0, 3], &[2, 0, 1]),
    ];
    for (shape, perm) in perms {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Permute { perm: perm.into() }, vec![x]);
    }
    // (input shape, output shape, dims): new axes, size-1 axes stretched (to 0 too), kept.
    let broadcasts: [(&[usize], &[usize], &[usize]); 6] = [
        (&[3], &[2, 3], &[1]),
        (&[1, 3], &[4, 3], &[0, 1]),
        (&[], &[2, 2], &[]),
        (&[2, 1], &[2, 0], &[0, 1]),
        (&[3], &[3, 2], &[0]),
        (&[1], &[2, 1, 4], &[1]),
    ];
    for (from, to, dims) in broadcasts {
        let x = s.rng.tensor(from, -1.5, 1.5);
        let prim = Prim::BroadcastInDim {
            shape: to.into(),
            dims: dims.into(),
        };
        s.prim(prim, vec![x]);
    }
    // (shape, starts, limits, steps): steps > 1, a last element short of the limit, empty.
    type SliceCase<'a> = (&'a [usize], &'a [usize], &'a [usize], &'a [usize]);
    let slices: [SliceCase; 6] = [
        (&[5, 4], &[1, 0], &[5, 4], &[2, 3]),
        (&[6], &[0], &[5], &[2]),
        (&[4, 3], &[2, 1], &[2, 3], &[1, 1]),
        (&[3, 4, 2], &[0, 1, 0], &[3, 4, 2], &[3, 2, 1]),
        (&[2, 0], &[0, 0], &[2, 0], &[2, 1]),
        (&[3, 0], &[1, 0], &[3, 0], &[1, 1]),
    ];
    for (shape, starts, limits, steps) in slices {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let prim = Prim::Slice {
            starts: starts.into(),
            limits: limits.into(),
            steps: steps.into(),
        };
        s.prim(prim, vec![x]);
    }
    // (shape, lo, hi, interior): interior padding, including on an empty axis.
    let pads: [SliceCase; 4] = [
        (&[2, 3], &[1, 0], &[0, 2], &[1, 2]),
        (&[0, 2], &[1, 0], &[1, 1], &[3, 1]),
        (&[3], &[0], &[0], &[2]),
        (&[], &[], &[], &[]),
    ];
    for (shape, lo, hi, interior) in pads {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let prim = Prim::Pad {
            lo: lo.into(),
            hi: hi.into(),
            interior: interior.into(),
        };
        s.prim(prim, vec![x]);
    }
    // Three operands, one of them empty along the axis.
    let concats: [([&[usize]; 3], usize); 3] = [
        ([&[1, 3], &[2, 3], &[0, 3]], 0),
        ([&[2, 2], &[2, 1], &[2, 3]], 1),
        ([&[3], &[0], &[2]], 0),
    ];
    for (shapes, axis) in concats {
        let xs = shapes
            .iter()
            .map(|sh| s.rng.tensor(sh, -1.5, 1.5))
            .collect();
        s.prim(Prim::Concat { axis }, xs);
    }
    let revs: [(&[usize], &[usize]); 4] = [
        (&[2, 3, 4], &[0, 2]),
        (&[3], &[0]),
        (&[2, 0], &[1]),
        (&[2, 3], &[1, 0]),
    ];
    for (shape, axes) in revs {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Rev { axes: axes.into() }, vec![x]);
    }
    // Python indexing x[::-2, 1]: Rev, Slice and Reshape together.
    let x = s.rng.tensor(&[5, 3], -1.5, 1.5);
    let idx = [ems::Index::Slice(None, None, Some(-2)), ems::Index::Int(1)];
    let f = move |v: &[Tensor]| ems::index(&v[0], &idx);
    s.check(
        &["Rev", "Slice", "Reshape"],
        "x[::-2, 1]",
        f,
        vec![x],
        DEFAULT,
    );
}

fn contraction_and_indexing(s: &mut Suite) {
    // Batched, plain, inner size 1, inner size 0 (a zero product), no rows.
    let matmuls: [(&[usize], &[usize]); 5] = [
        (&[2, 3, 4], &[2, 4, 2]),
        (&[3, 4], &[4, 2]),
        (&[1, 1], &[1, 3]),
        (&[2, 0], &[0, 3]),
        (&[0, 2], &[2, 3]),
    ];
    for (a, b) in matmuls {
        let (x, y) = (s.rng.tensor(a, -1.5, 1.5), s.rng.tensor(b, -1.5, 1.5));
        s.prim(Prim::MatMul, vec![x, y]);
    }
    // The friendly matmul broadcasts the batch axes.
    let (x, y) = (
        s.rng.tensor(&[2, 2, 3], -1.5, 1.5),
        s.rng.tensor(&[3, 2], -1.5, 1.5),
    );
    let f = |v: &[Tensor]| ems::matmul(&v[0], &v[1]);
    s.check(
        &["MatMul", "BroadcastInDim"],
        "friendly matmul",
        f,
        vec![x, y],
        DEFAULT,
    );

    // Gather with repeated indices (their cotangents accumulate), a 2-D index, a 0-D index, an
    // empty index, and an Int32 index.
    let gathers: [(&[usize], Tensor, usize); 5] = [
        (&[4, 3], i64s(vec![0, 2, 2, 3, 0], &[5]), 0),
        (&[4, 3], i64s(vec![0, 2, 2, 2], &[2, 2]), 1),
        (&[4, 3], i64s(vec![2], &[]), 0),
        (&[4, 3], i64s(vec![], &[0]), 1),
        (&[3, 2], Tensor::from_slice(&[1i32, 1, 0]), 0),
    ];
    for (shape, idx, axis) in gathers {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Gather { axis }, vec![x, idx]);
    }
    // ScatterAdd: (operand shape, index, axis); updates take the gathered shape.
    let scatters: [(&[usize], Tensor, usize); 3] = [
        (&[4, 3], i64s(vec![0, 2, 2], &[3]), 0),
        (&[2, 4], i64s(vec![1, 1, 3, 0], &[2, 2]), 1),
        (&[3, 2], i64s(vec![], &[0]), 0),
    ];
    for (shape, idx, axis) in scatters {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let ushape = [&shape[..axis], idx.dims(), &shape[axis + 1..]].concat();
        let u = s.rng.tensor(&ushape, -1.5, 1.5);
        s.prim(Prim::ScatterAdd { axis }, vec![x, idx, u]);
    }
}

fn non_differentiable(s: &mut Suite) {
    let x = s.rng.tensor(&[2, 3], -3.0, 3.0);
    s.zero(&["Floor"], "Floor", |v| p::floor(&v[0]), vec![x]);
    // Comparisons, ties included.
    let x = t64(vec![1.0, 2.0, 3.0, -1.0], &[4]);
    let y = t64(vec![1.0, 2.5, 2.0, -1.0], &[4]);
    for op in [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ] {
        let f = move |v: &[Tensor]| p::compare(op, &v[0], &v[1]);
        s.zero(
            &["Compare"],
            &format!("Compare({op:?})"),
            f,
            vec![x.clone(), y.clone()],
        );
    }
    let x = s.rng.tensor(&[3, 4], -1.5, 1.5);
    s.zero(&["ArgMax"], "ArgMax", |v| p::argmax(&v[0], 1), vec![x]);
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    s.zero(
        &["StopGradient"],
        "StopGradient",
        |v| p::stop_gradient(&v[0]),
        vec![x],
    );
    // stop_gradient(x)·x: only the second factor carries a derivative (not 2x).
    let x = s.rng.tensor(&[2, 3], -1.5, 1.5);
    let label = "stop_gradient(x)·x";
    let r = (|| -> TestResult {
        if s.dry {
            return Ok(());
        }
        let f = |v: &[Tensor]| -> ems::Result<Vec<Tensor>> {
            Ok(vec![p::mul(&p::stop_gradient(&v[0])?, &v[0])?])
        };
        let ones = ems::ones_like(&x)?;
        let (_, back) = ems::vjp_flat(f, std::slice::from_ref(&x))?;
        let g = back.apply(std::slice::from_ref(&ones))?;
        close("vjp", &g[0].to_vec::<f64>(), &x.to_vec::<f64>(), 0.0)?;
        let (_, t) = ems::jvp_flat(f, std::slice::from_ref(&x), std::slice::from_ref(&ones))?;
        close("jvp", &t[0].to_vec::<f64>(), &x.to_vec::<f64>(), 0.0)
    })();
    s.record(&["StopGradient"], label, r);
}

/// Friendly composites, checked the same way (they exercise `ops/`, not new rules, so they count
/// towards no primitive). Inputs stay away from kinks (0 for relu/abs, the clip bounds, ties).
fn composites(s: &mut Suite) {
    use ems::Index as I;
    let r = &mut s.rng;
    let (x, y, d) = (
        r.tensor(&[2, 3], -1.5, 1.5),
        r.tensor(&[2, 3], -1.5, 1.5),
        r.distinct(&[2, 3]),
    );
    let (v, w, m) = (
        r.tensor(&[3], -1.5, 1.5),
        r.tensor(&[3], -1.5, 1.5),
        r.tensor(&[3, 2], -1.5, 1.5),
    );
    let nz = r.tensor_with(&[2, 3], |r| r.signed(0.2, 1.5));
    let a = t64(vec![0.3, -1.1, 0.7, 1.6], &[4]);
    let (two, pos5) = (r.tensor(&[2], -1.0, 1.0), r.tensor(&[5], 0.5, 1.5));
    let with_zero = t64(vec![0.5, 0.0, -1.5, 2.0, 1.2, -0.7], &[2, 3]);
    let off_kinks = t64(vec![0.4, -1.0, 2.2, 3.5], &[4]);
    let mut c = |label: &str, f: &dyn Fn(&[Tensor]) -> ems::Result<Tensor>, xs: &[&Tensor]| {
        s.check(
            &[],
            label,
            f,
            xs.iter().map(|&t| t.clone()).collect(),
            DEFAULT,
        )
    };
    c("softmax(x, -1)", &|v| ems::softmax(&v[0], -1), &[&x]);
    c("log_softmax(x, 0)", &|v| ems::log_softmax(&v[0], 0), &[&x]);
    c(
        "logsumexp(x, 1)",
        &|v| ems::logsumexp(&v[0], 1, false),
        &[&x],
    );
    c("mean(x)", &|v| ems::mean(&v[0], Axes::All, false), &[&x]);
    c(
        "mean(x, 0, keepdims)",
        &|v| ems::mean(&v[0], 0i64, true),
        &[&x],
    );
    c(
        "prod(x) through a zero",
        &|v| ems::prod(&v[0], Axes::All, false),
        &[&with_zero],
    );
    c(
        "prod(x, 1)",
        &|v| ems::prod(&v[0], 1i64, false),
        &[&with_zero],
    );
    c(
        "prod of 5",
        &|v| ems::prod(&v[0], Axes::All, false),
        &[&pos5],
    );
    c("norm(x)", &|v| ems::norm(&v[0]), &[&x]);
    let p3 = ems::NormOrd::P(3.0);
    c(
        "3-norm along 1",
        &|v| ems::norm_with(&v[0], p3, Some(&[1]), false),
        &[&nz],
    );
    let inf = ems::NormOrd::Inf;
    c(
        "inf-norm",
        &|v| ems::norm_with(&v[0], inf, Some(&[0]), false),
        &[&a],
    );
    c("min(x, 1)", &|v| ems::min(&v[0], 1i64, false), &[&d]);
    c("sigmoid", &|v| ems::sigmoid(&v[0]), &[&x]);
    c("relu", &|v| ems::relu(&v[0]), &[&nz]);
    c("abs", &|v| ems::abs(&v[0]), &[&nz]);
    c("clip", &|v| ems::clip(&v[0], -0.1, 0.1), &[&nz]);
    c(
        "remainder(x, 1.5)",
        &|v| ems::remainder(&v[0], 1.5),
        &[&off_kinks],
    );
    let fdiv = |v: &[Tensor]| ems::mul(ems::floor_divide(&v[0], 1.5)?, &v[0]);
    c("floor_divide(x, 1.5)·x", &fdiv, &[&off_kinks]);
    c(
        "x[1:3] = v",
        &|v| ems::index_put(&v[0], &[I::range(1, 3)], &v[1]),
        &[&a, &two],
    );
    let every_other_back = || [I::Slice(None, None, Some(-2))];
    let put = |v: &[Tensor]| ems::index_put(&v[0], &every_other_back(), &v[1]);
    c("x[::-2] = v", &put, &[&a, &two]);
    let take = |v: &[Tensor]| ems::index(&v[0], &[I::Tensor(i64s(vec![-1, 0, 0], &[3]))]);
    c("x[[-1, 0, 0]]", &take, &[&x]);
    c("stack([x, y], 1)", &|v| ems::stack(&v[..2], 1), &[&x, &y]);
    let split = |v: &[Tensor]| {
        let parts = ems::split(&v[0], ems::Split::Sections(3), 1)?;
        ems::mul(&parts[0], &parts[2])
    };
    c("split(x, 3)[0]·[2]", &split, &[&x]);
    let swap = |v: &[Tensor]| ems::swapaxes(&ems::expand_dims(&v[0], 0)?, 0, 2);
    c("swapaxes(expand_dims(x, 0), 0, 2)", &swap, &[&x]);
    c("cumsum(x, -1)", &|v| ems::cumsum(&v[0], -1), &[&x]);
    c("dot(v, w)", &|v| ems::dot(&v[0], &v[1]), &[&v, &w]);
    c("dot(A, B)", &|v| ems::dot(&v[0], &v[1]), &[&x, &m]);
    c("matmul(A, v)", &|v| ems::matmul(&v[0], &v[1]), &[&x, &v]);
}

const GROUPS: [fn(&mut Suite); 8] = [
    unary,
    binary,
    compare_select_cast,
    reductions,
    structure,
    contraction_and_indexing,
    non_differentiable,
    composites,
];

#[test]
fn every_primitive_is_covered() {
    let mut s = Suite::new(true);
    for g in GROUPS {
        g(&mut s);
    }
    let all: BTreeSet<&str> = Prim::ALL_NAMES.into_iter().collect();
    let missing: Vec<_> = all.difference(&s.covered).collect();
    let unknown: Vec<_> = s.covered.difference(&all).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "primitives without a derivative check: {missing:?}; names that are not primitives: {unknown:?}"
    );
}

#[test]
fn unary_primitives_match_finite_differences() {
    run(unary);
}

#[test]
fn binary_primitives_match_finite_differences() {
    run(binary);
}

#[test]
fn compare_where_cast_match_finite_differences() {
    run(compare_select_cast);
}

#[test]
fn reductions_match_finite_differences() {
    run(reductions);
}

#[test]
fn structural_primitives_match_finite_differences() {
    run(structure);
}

#[test]
fn matmul_gather_scatter_match_finite_differences() {
    run(contraction_and_indexing);
}

#[test]
fn non_differentiable_primitives_give_zero_derivatives() {
    run(non_differentiable);
}

#[test]
fn composites_match_finite_differences() {
    run(composites);
}

#[test]
fn strided_views_hold_the_same_values() {
    let mut rng = Lcg(7);
    for shape in [&[][..], &[3], &[2, 3], &[2, 1, 3]] {
        let x = rng.tensor(shape, -1.0, 1.0);
        assert_eq!(strided(&x).to_vec::<f64>(), x.to_vec::<f64>());
        assert_eq!(strided(&x).dims(), x.dims());
    }
    let idx = i64s(vec![3, 0, 2, 2], &[2, 2]);
    assert_eq!(strided(&idx).to_vec::<i64>(), idx.to_vec::<i64>());
    assert_eq!(strided(&idx).dtype(), DType::Int64);
}

// ---- higher order against closed forms -------------------------------------------------------

fn scalar(v: f64) -> Tensor {
    Tensor::scalar(v)
}

fn assert_near(what: &str, got: &Tensor, want: &[f64]) {
    if let Err(e) = close(what, &got.to_vec::<f64>(), want, 1e-10) {
        panic!("{e}");
    }
}

const POINTS: [f64; 5] = [-1.7, -0.4, 0.0, 0.6, 2.1];

#[test]
fn cube_has_derivatives_3x2_6x_6_0() -> TestResult {
    // y = x³: y' = 3x², y'' = 6x, y''' = 6, y'''' = 0.
    let cube = |x: &Tensor| x * (x * x)?;
    let d1 = ems::grad(cube);
    let d2 = ems::grad(ems::grad(cube));
    let d3 = ems::grad(ems::grad(ems::grad(cube)));
    let d4 = ems::grad(ems::grad(ems::grad(ems::grad(cube))));
    for x in POINTS {
        let at = scalar(x);
        assert_near("y'", &d1(&at)?, &[3.0 * x * x]);
        assert_near("y''", &d2(&at)?, &[6.0 * x]);
        assert_near("y'''", &d3(&at)?, &[6.0]);
        assert_near("y''''", &d4(&at)?, &[0.0]);
    }
    // Elementwise on a vector: d/dx sum(x³) = 3x², and grad of that summed again is 6x.
    let x = t64(POINTS.to_vec(), &[5]);
    let sum_cube = |x: &Tensor| ems::sum(&ems::pow(x, 3.0)?, Axes::All, false);
    let six_x: Vec<f64> = POINTS.iter().map(|x| 6.0 * x).collect();
    assert_near(
        "d²/dx² sum(x³)",
        &ems::grad(ems::grad(sum_cube))(&x)?,
        &six_x,
    );
    Ok(())
}

#[test]
fn sine_derivatives_cycle() -> TestResult {
    // sin' = cos, sin'' = -sin, sin''' = -cos, sin'''' = sin.
    let sin = |x: &Tensor| x.sin();
    let d2 = ems::grad(ems::grad(sin));
    let d3 = ems::grad(ems::grad(ems::grad(sin)));
    let d4 = ems::grad(ems::grad(ems::grad(ems::grad(sin))));
    for x in POINTS {
        let at = scalar(x);
        assert_near("sin''", &d2(&at)?, &[-x.sin()]);
        assert_near("sin'''", &d3(&at)?, &[-x.cos()]);
        assert_near("sin''''", &d4(&at)?, &[x.sin()]);
    }
    Ok(())
}

#[test]
fn tanh_second_derivative() -> TestResult {
    // tanh' = 1 - tanh², tanh'' = -2 tanh (1 - tanh²).
    let d2 = ems::grad(ems::grad(|x: &Tensor| x.tanh()));
    for x in POINTS {
        let t = x.tanh();
        assert_near("tanh''", &d2(&scalar(x))?, &[-2.0 * t * (1.0 - t * t)]);
    }
    Ok(())
}

#[test]
fn exp_of_sin_in_every_mode() -> TestResult {
    // f = e^{sin x}: f' = cos x · e^{sin x}, f'' = (cos² x - sin x) · e^{sin x}.
    let f = |x: &Tensor| x.sin()?.exp();
    let f1 = |x: f64| x.cos() * x.sin().exp();
    let f2 = |x: f64| (x.cos().powi(2) - x.sin()) * x.sin().exp();
    let one = scalar(1.0);
    // Forward-mode derivative of anything, as a function (for nesting).
    let fwd = |g: &dyn Fn(&Tensor) -> ems::Result<Tensor>, x: &Tensor| -> ems::Result<Tensor> {
        Ok(ems::jvp(|x: &Tensor| g(x), x, &one)?.1)
    };
    for x in POINTS {
        let at = scalar(x);
        assert_near("grad", &ems::grad(f)(&at)?, &[f1(x)]);
        assert_near("jvp", &fwd(&f, &at)?, &[f1(x)]);
        // reverse-over-reverse, forward-over-reverse, reverse-over-forward, forward-over-forward
        assert_near("grad∘grad", &ems::grad(ems::grad(f))(&at)?, &[f2(x)]);
        assert_near("jvp∘grad", &fwd(&ems::grad(f), &at)?, &[f2(x)]);
        let inner_fwd = |x: &Tensor| fwd(&f, x);
        assert_near("grad∘jvp", &ems::grad(inner_fwd)(&at)?, &[f2(x)]);
        assert_near("jvp∘jvp", &fwd(&inner_fwd, &at)?, &[f2(x)]);
    }
    Ok(())
}

#[test]
fn matmul_chain_hessian_vector_products_agree() -> TestResult {
    // f(W) = Σ (A W B)², ∇f = 2 Aᵀ (A W B) Bᵀ, and the Hessian is linear: H[V] = 2 Aᵀ (A V B) Bᵀ.
    let mut rng = Lcg(11);
    let a = rng.tensor(&[3, 4], -1.0, 1.0);
    let b = rng.tensor(&[2, 3], -1.0, 1.0);
    let w = rng.tensor(&[4, 2], -1.0, 1.0);
    let v = rng.tensor(&[4, 2], -1.0, 1.0);
    let f = |w: &Tensor| {
        let awb = ems::matmul(&ems::matmul(&a, w)?, &b)?;
        ems::sum(&(&awb * &awb)?, Axes::All, false)
    };
    let t = |m: &Tensor| ems::transpose(m, None);
    let sandwich = |m: &Tensor| -> ems::Result<Tensor> {
        let amb = ems::matmul(&ems::matmul(&a, m)?, &b)?;
        2.0 * ems::matmul(&ems::matmul(&t(&a)?, &amb)?, &t(&b)?)?
    };
    let want_grad = sandwich(&w)?.to_vec::<f64>();
    let want_hvp = sandwich(&v)?.to_vec::<f64>();
    assert_near("∇f", &ems::grad(f)(&w)?, &want_grad);

    // forward-over-reverse: d/dε ∇f(W + εV)
    let fwd_rev = ems::jvp(|w: &Tensor| ems::grad(f)(w), &w, &v)?.1;
    assert_near("jvp of grad", &fwd_rev, &want_hvp);
    // reverse-over-forward: ∇_W ⟨∇f(W), V⟩, with the inner product from a jvp
    let rev_fwd = ems::grad(|w: &Tensor| {
        let (_, t) = ems::jvp_flat(
            |u| Ok(vec![f(&u[0])?]),
            std::slice::from_ref(w),
            std::slice::from_ref(&v),
        )?;
        Ok(t[0].clone())
    })(&w)?;
    assert_near("grad of jvp", &rev_fwd, &want_hvp);
    // reverse-over-reverse: ∇_W ⟨∇f(W), V⟩
    let rev_rev =
        ems::grad(|w: &Tensor| ems::sum(&(ems::grad(f)(w)? * &v)?, Axes::All, false))(&w)?;
    assert_near("grad of grad", &rev_rev, &want_hvp);
    // The same through vjp_flat nested twice: the backward pass of the backward pass.
    let (_, outer) = ems::vjp_flat(
        |ws| {
            let (_, inner) = ems::vjp_flat(|u| Ok(vec![f(&u[0])?]), ws)?;
            inner.apply(&[scalar(1.0)])
        },
        std::slice::from_ref(&w),
    )?;
    assert_near(
        "vjp of vjp",
        &outer.apply(std::slice::from_ref(&v))?[0],
        &want_hvp,
    );
    // forward-over-forward gives the quadratic form ⟨V, H[V]⟩.
    let vhv = ems::jvp(
        |w: &Tensor| Ok(ems::jvp(|w: &Tensor| f(w), w, &v)?.1),
        &w,
        &v,
    )?
    .1;
    assert_near("jvp of jvp", &vhv, &[inner(&v.to_vec::<f64>(), &want_hvp)]);
    Ok(())
}

#[test]
fn forward_over_reverse_equals_reverse_over_forward() -> TestResult {
    // A nonlinear f of a vector: the Hessian-vector product by both spellings, and against a
    // central difference of the gradient, (∇f(x + εv) - ∇f(x - εv)) / 2ε.
    let mut rng = Lcg(23);
    let x = rng.tensor(&[2, 3], 0.5, 1.5);
    let v = rng.tensor(&[2, 3], -1.0, 1.0);
    let f = |x: &Tensor| {
        let y = (x.tanh()? * x.sin()?.exp()?)?;
        ems::sum(&(&y * &ems::log(x)?)?, Axes::All, false)
    };
    let fwd_rev = ems::jvp(|x: &Tensor| ems::grad(f)(x), &x, &v)?.1;
    let rev_fwd = ems::grad(|x: &Tensor| Ok(ems::jvp(|x: &Tensor| f(x), x, &v)?.1))(&x)?;
    let eps = 1e-6;
    let g_at = |h: f64| -> TestResult<Vec<f64>> {
        let moved = (&x + (h * &v)?)?;
        Ok(ems::grad(f)(&moved)?.to_vec::<f64>())
    };
    let (gp, gm) = (g_at(eps)?, g_at(-eps)?);
    let fd: Vec<f64> = gp
        .iter()
        .zip(&gm)
        .map(|(a, b)| (a - b) / (2.0 * eps))
        .collect();
    close(
        "jvp∘grad vs differences",
        &fwd_rev.to_vec::<f64>(),
        &fd,
        1e-6,
    )?;
    close(
        "grad∘jvp vs jvp∘grad",
        &rev_fwd.to_vec::<f64>(),
        &fwd_rev.to_vec::<f64>(),
        1e-12,
    )?;
    Ok(())
}

// ---- perturbation confusion ------------------------------------------------------------------

// d/dx [x · d/dy (x·y)] = d/dx [x · x] = 2x. An engine that lets the inner derivative see the outer
// perturbation of x gets something else.

#[test]
fn no_perturbation_confusion_grad_in_grad() -> TestResult {
    let y0 = scalar(5.0);
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x * y)(&y0)?;
    for x in POINTS {
        assert_near("grad(x·grad(x·y))", &ems::grad(f)(&scalar(x))?, &[2.0 * x]);
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_jvp_in_grad() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::jvp(|y: &Tensor| x * y, &y0, &one)?.1;
    for x in POINTS {
        assert_near("grad(x·jvp(x·y))", &ems::grad(f)(&scalar(x))?, &[2.0 * x]);
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_grad_in_jvp() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x * y)(&y0)?;
    for x in POINTS {
        assert_near(
            "jvp(x·grad(x·y))",
            &ems::jvp(f, &scalar(x), &one)?.1,
            &[2.0 * x],
        );
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_jvp_in_jvp() -> TestResult {
    let (y0, one) = (scalar(5.0), scalar(1.0));
    let f = |x: &Tensor| x * ems::jvp(|y: &Tensor| x * y, &y0, &one)?.1;
    for x in POINTS {
        assert_near(
            "jvp(x·jvp(x·y))",
            &ems::jvp(f, &scalar(x), &one)?.1,
            &[2.0 * x],
        );
    }
    Ok(())
}

#[test]
fn no_perturbation_confusion_siskind_pearlmutter() -> TestResult {
    // d/dx [x · (d/dy (x + y))|_{y=x}] = d/dx [x · 1] = 1; a confused engine gives 2.
    let f = |x: &Tensor| x * ems::grad(|y: &Tensor| x + y)(x)?;
    let one = scalar(1.0);
    for x in POINTS {
        assert_near("grad", &ems::grad(f)(&scalar(x))?, &[1.0]);
        assert_near("jvp", &ems::jvp(f, &scalar(x), &one)?.1, &[1.0]);
    }
    Ok(())
}

// ---- the grad API's structure (reference §6.1) -----------------------------------------------

#[test]
fn unused_input_gets_zeros_of_its_dtype() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &[3])?;
    let y = Tensor::from_vec(vec![1.0f64, -2.0], &[2])?;
    let g = GradOperation::new()
        .get_all(true)
        .apply(|xy: &(Tensor, Tensor)| &xy.0 * &xy.0)(&(x, y))?;
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].to_vec::<f32>(), vec![2.0, 4.0, 6.0]);
    assert_eq!((g[1].dtype(), g[1].shape()), (DType::Float64, vec![2]));
    assert_eq!(g[1].to_vec::<f64>(), vec![0.0, 0.0]);
    // An output that does not depend on the input at all: a constant tensor, or a plain float.
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let g = ems::grad(|_: &Tensor| Ok(Tensor::scalar(7.0f32)))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    let g = ems::grad(|_: &Tensor| Ok(3.0f64))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    // An integer output (argmax) carries no derivative: zeros of the input's dtype.
    let g = ems::grad(|x: &Tensor| p::argmax(x, 0))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    Ok(())
}

#[test]
fn tuple_outputs_sum_their_leaves_gradients() -> TestResult {
    let x = Tensor::from_vec(vec![0.0f32, 1.0, 2.0], &[3])?;
    // (x², 3x) → 2x + 3
    let g = ems::grad(|x: &Tensor| Ok(((x * x)?, (x * 3)?)))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![3.0, 5.0, 7.0]);
    // (x², (2x, 3x)) → 2x + 5
    let g = ems::grad(|x: &Tensor| Ok(((x * x)?, ((x * 2)?, (x * 3)?))))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![5.0, 7.0, 9.0]);
    // [x², x] → 2x + 1
    let g = ems::grad(|x: &Tensor| Ok(vec![(x * x)?, x.clone()]))(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![1.0, 3.0, 5.0]);
    // The notebook's (z, stop_gradient(x·x)): only z = Σ x² counts → 2x.
    let g = ems::grad(|x: &Tensor| {
        let u = ems::stop_gradient(&(x * x)?)?;
        Ok((ems::sum(&(x * x)?, Axes::All, false)?, u))
    })(&x)?;
    assert_eq!(g.to_vec::<f32>(), vec![0.0, 2.0, 4.0]);
    Ok(())
}

#[test]
fn stop_gradient_of_the_whole_output_gives_zeros() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f64, -2.0, 3.0], &[3])?;
    let g = ems::grad(|x: &Tensor| ems::stop_gradient(&(x * x)?))(&x)?;
    assert_eq!(
        (g.dtype(), g.to_vec::<f64>()),
        (DType::Float64, vec![0.0; 3])
    );
    // and inside a sum: d/dx Σ stop_gradient(x)·x = x (not 2x)
    let g = ems::grad(|x: &Tensor| ems::sum(&(ems::stop_gradient(x)? * x)?, Axes::All, false))(&x)?;
    assert_eq!(g.to_vec::<f64>(), x.to_vec::<f64>());
    // floor and comparisons pass no derivative either: d/dx Σ floor(x)·x = floor(x).
    let y = t64(vec![1.5, -2.5, 0.25], &[3]);
    let g = ems::grad(|x: &Tensor| ems::sum(&(ems::floor(x)? * x)?, Axes::All, false))(&y)?;
    assert_eq!(g.to_vec::<f64>(), vec![1.0, -3.0, 0.0]);
    Ok(())
}

#[test]
fn integer_input_gets_an_integer_gradient() -> TestResult {
    // f(x) = x·2 with an Int32 input: (Tensor(shape=[3], dtype=Int32, value= [2, 2, 2]),)
    let x = Tensor::from_vec(vec![1i32, 2, 3], &[3])?;
    let g = GradOperation::new().get_all(true).apply(|x: &Tensor| x * 2)(&x)?;
    assert!(g.is_tuple());
    assert_eq!(g.len(), 1);
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![2, 2, 2])
    );
    let grad_all = GradOperation::new().get_all(true);
    // mnp.dot(x, x) with Int32: 2x = [2, 4, 6].
    let g = grad_all.apply(|x: &Tensor| ems::dot(x, x))(&x)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![2, 4, 6])
    );
    // sum(x) sums Int32 as Int64; the int → int cast passes the gradient back: ones.
    let g = grad_all.apply(|x: &Tensor| ems::sum(x, Axes::All, false))(&x)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<i32>()),
        (DType::Int32, vec![1, 1, 1])
    );
    // A Bool input gets a Bool gradient: x·2 promotes to an integer, d/dx = 2 → True.
    let b = Tensor::from_vec(vec![true, false], &[2])?;
    let g = grad_all.apply(|x: &Tensor| x * 2)(&b)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<bool>()),
        (DType::Bool, vec![true, true])
    );
    // But a float truncated to an integer is locally constant: d/dx Σ int(x)·2 = 0.
    let f = Tensor::from_vec(vec![1.5f32, -2.5], &[2])?;
    let g = grad_all.apply(|x: &Tensor| ems::cast(x, DType::Int32)? * 2)(&f)?;
    assert_eq!(
        (g[0].dtype(), g[0].to_vec::<f32>()),
        (DType::Float32, vec![0.0, 0.0])
    );
    Ok(())
}

#[test]
fn get_all_returns_a_tuple_and_the_default_a_bare_tensor() -> TestResult {
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let square = |x: &Tensor| x * x;
    let all = GradOperation::new().get_all(true).apply(square)(&x)?;
    assert!(all.is_tuple());
    assert_eq!(all.len(), 1);
    assert!(
        all.to_string().ends_with(",)"),
        "a 1-tuple prints as (t,): {all}"
    );
    let bare = GradOperation::new().apply(square)(&x)?;
    assert!(!bare.is_tuple());
    assert_eq!(bare[0].to_vec::<f32>(), vec![2.0, 4.0]);
    assert!(bare.to_string().starts_with("Tensor("));
    // The default differentiates the first input only.
    let y = Tensor::from_vec(vec![3.0f32, 5.0], &[2])?;
    let first = GradOperation::new().apply(|xy: &(Tensor, Tensor)| &xy.0 * &xy.1)(&(x, y))?;
    assert!(!first.is_tuple());
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].to_vec::<f32>(), vec![3.0, 5.0]);
    Ok(())
}

#[test]
fn sens_param_scales_the_output_cotangent() -> TestResult {
    // d/dx ⟨sens, x²⟩ = 2x·sens
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &[3])?;
    let sens = Tensor::from_vec(vec![1.0f32, 0.5, -1.0], &[3])?;
    let op = GradOperation::new().sens_param(true);
    let g = op.apply_with_sens(|x: &Tensor| x * x)(&x, &sens)?;
    assert_eq!(g[0].to_vec::<f32>(), vec![2.0, 2.0, -6.0]);
    // A tuple output takes a tuple of cotangents: (x², 3x) with (s1, s2) → 2x·s1 + 3·s2.
    let s2 = Tensor::from_vec(vec![2.0f32, 0.0, 1.0], &[3])?;
    let g = op.apply_with_sens(|x: &Tensor| Ok(((x * x)?, (x * 3)?)))(&x, &(sens, s2))?;
    assert_eq!(g[0].to_vec::<f32>(), vec![8.0, 2.0, -3.0]);
    // Without the cotangent it is an error, not a silent default.
    assert!(op.apply(|x: &Tensor| x * x)(&x).is_err());
    Ok(())
}

#[test]
fn non_tensor_leaves_are_skipped() -> TestResult {
    // f(x, c, y) = c·x·y with a plain float c: gradients (c·y, c·x), no placeholder for c.
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    let y = Tensor::from_vec(vec![3.0f32, -1.0], &[2])?;
    let f = |a: &(Tensor, f64, Tensor)| (a.1 * &a.0)? * &a.2;
    let g = GradOperation::new().get_all(true).apply(f)(&(x, 3.0, y))?;
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].to_vec::<f32>(), vec![9.0, -3.0]);
    assert_eq!(g[1].to_vec::<f32>(), vec![3.0, 6.0]);
    // (Tensor, f64): the float is skipped, so the tuple has one gradient.
    let h = |a: &(Tensor, f64)| &a.0 * a.1;
    let g = GradOperation::new().get_all(true).apply(h)(&(Tensor::scalar(2.0f32), 4.0))?;
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].to_f64()?, 4.0);
    Ok(())
}

#[test]
fn value_and_grad_returns_both() -> TestResult {
    // y = x³ at 2: (8, 12)
    let (v, g) = ems::value_and_grad(|x: &Tensor| x * (x * x)?)(&scalar(2.0))?;
    assert_eq!((v.to_f64()?, g.to_f64()?), (8.0, 12.0));
    Ok(())
}
