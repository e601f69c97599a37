//! Case groups for the Bessel functions `J0`, `J1`, `Y0`, `Y1`, `K0`, `K1`, `K0e`, `K1e`, the
//! gamma-function family (`Lgamma`, `Polygamma` of several orders, whose
//! derivative is the next order) and the square-matrix ops (`MatrixInverse`, `MatrixDeterminant`,
//! `LogAbsDeterminant` on random well-conditioned matrices of both determinant signs, batched and
//! not; `SignDeterminant`, which has none; `Cholesky` of symmetric positive-definite matrices)
//! and the Fourier transforms (`FFT`, and `ems::fft`'s forms over it).

use crate::check::{Suite, DEFAULT};
use crate::helpers::{t64, Lcg};
use easy_mindspore as ems;
use ems::dtype::C128;
use ems::ops::prim as p;
use ems::prim::{LinalgOp, SvdParts, UnaryOp};
use ems::{DType, FftKind, FftNorm, Prim, Tensor};

const SHAPES: [&[usize]; 4] = [&[], &[3], &[2, 3], &[2, 0]];

pub(crate) fn special(s: &mut Suite) {
    for shape in SHAPES {
        // J0 and J1 on both sides of 0; Y and K (NaN below 0) on the positive axis, away from
        // their poles at 0.
        for op in [UnaryOp::BesselJ0, UnaryOp::BesselJ1] {
            let x = s.rng.tensor(shape, -6.0, 6.0);
            s.prim(Prim::Unary(op), vec![x]);
        }
        for op in [
            UnaryOp::BesselY0,
            UnaryOp::BesselY1,
            UnaryOp::BesselK0,
            UnaryOp::BesselK0e,
            UnaryOp::BesselK1,
            UnaryOp::BesselK1e,
        ] {
            let x = s.rng.tensor(shape, 0.3, 30.0);
            s.prim(Prim::Unary(op), vec![x]);
        }
        // lgamma on both sides of 0, away from its poles at 0, -1, -2.
        let x = s.rng.tensor(shape, 0.3, 4.0);
        s.prim(Prim::Unary(UnaryOp::Lgamma), vec![x]);
        let x = s.rng.tensor(shape, -2.8, -2.2);
        s.prim(Prim::Unary(UnaryOp::Lgamma), vec![x]);
        // ψ⁽ⁿ⁾ for n = 0 (digamma), 1 (trigamma), 3; the order is a constant, not an input.
        for n in [0.0, 1.0, 3.0] {
            let x = s.rng.tensor(shape, 0.4, 5.0);
            let f = move |v: &[Tensor]| p::polygamma(&p::full_like(&v[0], n)?, &v[0]);
            let label = format!("Polygamma({n}, x) on {shape:?}");
            s.check(&["Polygamma"], &label, f, vec![x], DEFAULT);
        }
    }
}

/// Random `[..., n, n]` matrices `R + D` with `R` in [-0.5, 0.5) and `D` diagonal with entries
/// of magnitude 2 to 3 and random signs: diagonally dominant, so far from singular, with
/// determinants of both signs.
fn well_conditioned(rng: &mut Lcg, batch: &[usize], n: usize) -> Tensor {
    let mats: usize = batch.iter().product();
    let mut v = Vec::with_capacity(mats * n * n);
    for _ in 0..mats {
        for i in 0..n {
            for j in 0..n {
                let r = rng.signed(0.0, 0.5);
                v.push(if i == j { r + rng.signed(2.0, 3.0) } else { r });
            }
        }
    }
    let shape: Vec<usize> = batch.iter().copied().chain([n, n]).collect();
    t64(v, &shape)
}

/// Random symmetric positive-definite `[..., n, n]` matrices `B·Bᵀ + I`, `B` in [-1, 1).
fn positive_definite(rng: &mut Lcg, batch: &[usize], n: usize) -> Tensor {
    let mats: usize = batch.iter().product();
    let mut v = Vec::with_capacity(mats * n * n);
    for _ in 0..mats {
        let b: Vec<f64> = (0..n * n).map(|_| rng.signed(0.0, 1.0)).collect();
        for i in 0..n {
            for j in 0..n {
                let dot: f64 = (0..n).map(|k| b[i * n + k] * b[j * n + k]).sum();
                v.push(dot + if i == j { 1.0 } else { 0.0 });
            }
        }
    }
    let shape: Vec<usize> = batch.iter().copied().chain([n, n]).collect();
    t64(v, &shape)
}

pub(crate) fn linalg(s: &mut Suite) {
    let cases: [(&[usize], usize); 6] = [
        (&[], 2),
        (&[], 3),
        (&[2], 3),
        (&[2, 1], 4),
        (&[], 1),
        (&[0], 2),
    ];
    for (batch, n) in cases {
        for op in [LinalgOp::Inverse, LinalgOp::Det, LinalgOp::LogAbsDet] {
            let a = well_conditioned(&mut s.rng, batch, n);
            s.prim(Prim::Linalg(op), vec![a]);
        }
        let a = well_conditioned(&mut s.rng, batch, n);
        let f = |v: &[Tensor]| p::sign_det(&v[0]);
        s.zero(&["SignDeterminant"], "SignDeterminant", f, vec![a]);
    }
    // The Cholesky factor of symmetric positive-definite matrices: the input is read as
    // symmetric, so the function checked symmetrises its argument first (a perturbation of one
    // entry alone is not a symmetric matrix).
    for (batch, n) in cases {
        let a = positive_definite(&mut s.rng, batch, n);
        let f = |v: &[Tensor]| {
            let r = v[0].ndim();
            let mut perm: Vec<usize> = (0..r).collect();
            perm.swap(r - 2, r - 1);
            let sym = p::add(&v[0], &p::permute(&v[0], &perm)?)?;
            p::cholesky(&p::mul(&sym, &p::full_like(&sym, 0.5)?)?)
        };
        let label = format!("Cholesky on {batch:?} {n}x{n}");
        s.check(&["Cholesky"], &label, f, vec![a], DEFAULT);
    }
    // The SVD (s, U and V packed) of random matrices (distinct singular values, almost surely):
    // tall, wide, square, batched and empty; the complete factors on square matrices, where they
    // are the reduced ones (the extra columns of a non-square complete factor are not a
    // function of A).
    let svd_shapes: [&[usize]; 7] = [
        &[2, 2],
        &[3, 2],
        &[2, 3],
        &[2, 4, 3],
        &[1, 3],
        &[3, 1],
        &[0, 2, 3],
    ];
    for shape in svd_shapes {
        let a = s.rng.tensor(shape, -1.0, 1.0);
        s.prim(
            Prim::Linalg(LinalgOp::Svd(SvdParts::Reduced)),
            vec![a.clone()],
        );
        s.prim(Prim::Linalg(LinalgOp::Svd(SvdParts::Values)), vec![a]);
    }
    for shape in [&[3, 3][..], &[2, 2, 2]] {
        let a = s.rng.tensor(shape, -1.0, 1.0);
        s.prim(Prim::Linalg(LinalgOp::Svd(SvdParts::Complete)), vec![a]);
    }
    // The eigendecomposition (w and V packed) of random real and complex matrices: values alone,
    // and values with vectors. The order is by magnitude, so the eigenvalues must differ in
    // magnitude for it to be differentiable: a real matrix's complex pairs tie, so the real
    // matrices are a small perturbation of diag(2, 4, 6, ...) (real, well-separated eigenvalues);
    // random complex ones tie almost never. Each eigenvector's phase is a gauge: the checked
    // function turns every column until its first entry is real and positive (a function of
    // the decomposition, not of the gauge).
    let eig_shapes: [&[usize]; 5] = [&[1, 1], &[2, 2], &[3, 3], &[2, 3, 3], &[0, 2, 2]];
    for shape in eig_shapes {
        let n = shape[shape.len() - 1];
        let spread: Vec<f64> = (0..n * n)
            .map(|e| {
                if e / n == e % n {
                    2.0 * (e / n + 1) as f64
                } else {
                    0.0
                }
            })
            .collect();
        let noise = s.rng.tensor(shape, -0.3, 0.3);
        let a = ems::add(&noise, t64(spread, &[n, n])).expect("a broadcast sum");
        let b = s.rng.tensor(shape, -1.0, 1.0);
        let label = format!("Eig of real {shape:?}");
        let values = |v: &[Tensor]| parts(&ems::eig(&v[0], false)?.0);
        s.check(
            &["Eig"],
            &format!("{label}, values"),
            values,
            vec![a.clone()],
            DEFAULT,
        );
        let f = |v: &[Tensor]| eig_gauge_fixed(&v[0]);
        s.check(&["Eig"], &label, f, vec![a.clone()], DEFAULT);
        let f = |v: &[Tensor]| eig_gauge_fixed(&complex_of(&v[0], &v[1])?);
        s.check(
            &["Eig"],
            &format!("Eig of complex {shape:?}"),
            f,
            vec![a, b],
            DEFAULT,
        );
    }
}

/// `w` and `V` of `z`'s eigendecomposition, each column of `V` turned until its first entry is
/// real and positive, as real and imaginary parts, flattened and joined.
fn eig_gauge_fixed(z: &Tensor) -> ems::Result<Tensor> {
    let (w, v) = ems::eig(z, true)?;
    let v = v.ok_or_else(|| ems::Error::invalid("Eig", "no vectors"))?;
    let r = v.ndim();
    let mut limits = v.dims().to_vec();
    limits[r - 2] = 1;
    let first = p::slice(&v, &vec![0; r], &limits, &vec![1; r])?;
    let conj_first = ems::conj(&first)?;
    let size = ems::cast(&ems::mul(&first, &conj_first)?, DType::Float64)?.sqrt()?;
    let phase = ems::div(&conj_first, &ems::cast(&size, DType::Complex128)?)?;
    let turned = ems::mul(&v, &phase)?;
    ems::concat(
        &[ems::flatten(&parts(&w)?)?, ems::flatten(&parts(&turned)?)?],
        0,
    )
}

/// `a + i·b` in Complex128.
fn complex_of(a: &Tensor, b: &Tensor) -> ems::Result<Tensor> {
    let i = Tensor::scalar(C128::new(0.0, 1.0));
    ems::add(
        &ems::cast(a, DType::Complex128)?,
        &ems::mul(&ems::cast(b, DType::Complex128)?, &i)?,
    )
}

/// A complex `z` as its real and imaginary parts side by side along the last axis (a real `z`
/// as itself): a real function of real inputs, which the checks take.
fn parts(z: &Tensor) -> ems::Result<Tensor> {
    if !z.dtype().is_complex() {
        return Ok(z.clone());
    }
    let re = ems::cast(z, DType::Float64)?;
    let im = ems::cast(
        &ems::mul(z, Tensor::scalar(C128::new(0.0, -1.0)))?,
        DType::Float64,
    )?;
    ems::concat(&[re, im], -1)
}

/// `Conj` of complex values; the `FFT` primitive both ways on complex values built from two real inputs (rows of several
/// lengths, a single element, no rows), and each friendly transform (`ems::fft`): sizes that cut
/// and pad, the three norms, several axes, real and Hermitian signals.
pub(crate) fn fourier(s: &mut Suite) {
    // The conjugate of complex values (its rules are not holomorphic ones).
    for shape in [&[3][..], &[2, 2], &[0]] {
        let (a, b) = (
            s.rng.tensor(shape, -1.0, 1.0),
            s.rng.tensor(shape, -1.0, 1.0),
        );
        let f = |v: &[Tensor]| parts(&p::conj(&complex_of(&v[0], &v[1])?)?);
        s.check(
            &["Conj"],
            &format!("Conj on {shape:?}"),
            f,
            vec![a, b],
            DEFAULT,
        );
    }
    for shape in [&[5][..], &[2, 4], &[3, 1], &[0, 3], &[2, 3, 6]] {
        for inverse in [false, true] {
            let (a, b) = (
                s.rng.tensor(shape, -1.0, 1.0),
                s.rng.tensor(shape, -1.0, 1.0),
            );
            let f = move |v: &[Tensor]| parts(&p::dft(&complex_of(&v[0], &v[1])?, inverse)?);
            let label = format!("FFT inverse={inverse} on {shape:?}");
            s.check(&["FFT"], &label, f, vec![a, b], DEFAULT);
        }
    }
    type Case = (FftKind, &'static [i64], Option<&'static [usize]>, FftNorm);
    let complex_cases: [(&[usize], Case); 5] = [
        (
            &[3, 4],
            (FftKind::Forward, &[0, 1], Some(&[4, 3]), FftNorm::Ortho),
        ),
        (
            &[2, 5],
            (FftKind::Inverse, &[-1], Some(&[7]), FftNorm::Backward),
        ),
        (
            &[2, 3],
            (FftKind::RealInverse, &[-1], None, FftNorm::Backward),
        ),
        (
            &[3, 3],
            (FftKind::RealInverse, &[0, 1], Some(&[2, 5]), FftNorm::Ortho),
        ),
        (
            &[2, 4],
            (
                FftKind::HermitianForward,
                &[1],
                Some(&[6]),
                FftNorm::Forward,
            ),
        ),
    ];
    for (shape, (kind, axes, sizes, norm)) in complex_cases {
        let (a, b) = (
            s.rng.tensor(shape, -1.0, 1.0),
            s.rng.tensor(shape, -1.0, 1.0),
        );
        let f = move |v: &[Tensor]| {
            parts(&ems::fft(
                &complex_of(&v[0], &v[1])?,
                kind,
                axes,
                sizes,
                norm,
            )?)
        };
        let label = format!("{kind:?} {axes:?} {sizes:?} {norm:?} on {shape:?}");
        s.check(&["FFT"], &label, f, vec![a, b], DEFAULT);
    }
    let real_cases: [(&[usize], Case); 3] = [
        (
            &[2, 5],
            (FftKind::RealForward, &[-1], None, FftNorm::Backward),
        ),
        (
            &[3, 4],
            (
                FftKind::RealForward,
                &[1, 0],
                Some(&[6, 2]),
                FftNorm::Forward,
            ),
        ),
        (
            &[6],
            (FftKind::HermitianInverse, &[0], None, FftNorm::Ortho),
        ),
    ];
    for (shape, (kind, axes, sizes, norm)) in real_cases {
        let x = s.rng.tensor(shape, -1.0, 1.0);
        let f = move |v: &[Tensor]| parts(&ems::fft(&v[0], kind, axes, sizes, norm)?);
        let label = format!("{kind:?} {axes:?} {sizes:?} {norm:?} on {shape:?}");
        s.check(&["FFT"], &label, f, vec![x], DEFAULT);
    }
}
