//! `VarMean` (batch normalization's statistics in one pass) against a two-pass Float64
//! reference, on every axis set of small shapes and their views, at a size that runs in
//! parallel, far from zero (where `E[x²] − E[x]²` cancels), and at NaN, infinities and empty runs.

use crate::helpers::{make, numel, reals, views};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{DType, Tensor};

/// `(variance, mean)` of each output of `vals` (row-major, `shape`) over `axes`, by two passes in
/// f64: the mean, then the mean squared deviation.
fn reference(vals: &[f64], shape: &[usize], axes: &[usize]) -> Vec<(f64, f64)> {
    let kept: Vec<usize> = (0..shape.len()).filter(|a| !axes.contains(a)).collect();
    let n_out: usize = kept.iter().map(|&a| shape[a]).product();
    let mut groups: Vec<Vec<f64>> = vec![Vec::new(); n_out];
    for (flat, &v) in vals.iter().enumerate() {
        let mut rest = flat;
        let mut idx = vec![0; shape.len()];
        for a in (0..shape.len()).rev() {
            idx[a] = rest % shape[a];
            rest /= shape[a];
        }
        let o = kept.iter().fold(0, |o, &a| o * shape[a] + idx[a]);
        groups[o].push(v);
    }
    groups
        .iter()
        .map(|g| {
            let n = g.len() as f64;
            let mean = g.iter().sum::<f64>() / n;
            (
                g.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n,
                mean,
            )
        })
        .collect()
}

fn check(got: &Tensor, want: &[(f64, f64)], rel: f64, what: &str) {
    let g = got.to_vec::<f64>();
    assert_eq!(g.len(), 2 * want.len(), "{what}: length");
    for (i, &(var, mean)) in want.iter().enumerate() {
        let (gv, gm) = (g[2 * i], g[2 * i + 1]);
        let scale = var.sqrt().max(mean.abs()).max(1e-30);
        assert!(
            (gm - mean).abs() <= rel * scale,
            "{what}: mean {i}: {gm} vs {mean}"
        );
        assert!(
            (gv - var).abs() <= rel * var.max(1e-30) * 4.0,
            "{what}: var {i}: {gv} vs {var}"
        );
    }
}

/// Every axis set of each shape (sorted), on contiguous and non-contiguous views, Float32 and
/// Float64: the output is `[kept..., 2]` and each pair matches the reference.
#[test]
fn var_mean_matches_two_passes_in_float64() {
    let shapes: [&[usize]; 5] = [&[5], &[3, 4], &[2, 3, 4], &[2, 3, 5, 7], &[2, 3, 9, 9]];
    for (seed, &shape) in shapes.iter().enumerate() {
        let vals = reals(numel(shape), seed as u64 + 20, -3.0, 5.0);
        for mask in 1..(1usize << shape.len()) {
            let axes: Vec<usize> = (0..shape.len()).filter(|a| mask >> a & 1 == 1).collect();
            for d in [DType::Float32, DType::Float64] {
                let held = make(&vals, shape, d).to_vec::<f64>();
                let want = reference(&held, shape, &axes);
                let rel = if d == DType::Float32 { 2e-6 } else { 1e-12 };
                for (view, x) in views(&vals, shape, d) {
                    let got = p::var_mean(&x, &axes).unwrap();
                    let what = format!("{shape:?} over {axes:?} {d:?} {view}");
                    let mut dims: Vec<usize> = (0..shape.len())
                        .filter(|a| !axes.contains(a))
                        .map(|a| shape[a])
                        .collect();
                    dims.push(2);
                    assert_eq!((got.dims(), got.dtype()), (&dims[..], d), "{what}");
                    check(&got, &want, rel, &what);
                }
            }
        }
    }
}

/// `[N, C, H, W]` over `(0, 2, 3)` at a size split across threads (planes read in place), and
/// values around 1e4 with unit spread, where float32's `E[x²] − E[x]²` keeps no digit of the
/// variance: within float32 rounding of the two-pass Float64 values.
#[test]
fn var_mean_of_large_and_offset_batches() {
    let shape = [4usize, 3, 150, 160];
    for (lo, hi) in [(-2.0, 2.0), (1e4 - 1.0, 1e4 + 1.0)] {
        let vals = reals(numel(&shape), 31, lo, hi);
        let x = make(&vals, &shape, DType::Float32);
        let held = x.to_vec::<f64>();
        let want = reference(&held, &shape, &[0, 2, 3]);
        let got = p::var_mean(&x, &[0, 2, 3]).unwrap();
        check(&got, &want, 2e-6, &format!("[{lo}, {hi}]"));
        // The same on a second call (blocks are combined in a fixed order).
        assert_eq!(
            got.to_vec::<f32>(),
            p::var_mean(&x, &[0, 2, 3]).unwrap().to_vec::<f32>()
        );
    }
}

/// NaN anywhere in a run makes both NaN; an infinite value gives an infinite mean and a NaN
/// variance, also as the run's first element; a run of no elements gives NaN; Float16 keeps its
/// dtype; integers are a dtype error.
#[test]
fn var_mean_special_values_and_dtypes() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    let x = make(
        &[1.0, nan, 3.0, inf, 1.0, 2.0, 5.0, 5.0],
        &[4, 2],
        DType::Float32,
    );
    // Columns (1, 3, 1, 5): variance 11/4, mean 5/2; (NaN, inf, 2, 5): NaN.
    let g = p::var_mean(&x, &[0]).unwrap().to_vec::<f64>();
    assert_eq!(&g[..2], &[2.75, 2.5]);
    assert!(g[2].is_nan() && g[3].is_nan(), "{g:?}");
    let x = make(&[inf, 1.0, 2.0], &[3], DType::Float64);
    let g = p::var_mean(&x, &[0]).unwrap().to_vec::<f64>();
    assert!(g[0].is_nan() && g[1] == inf, "{g:?}");
    let x = make(&[7.0, 7.0, 7.0], &[3], DType::Float32);
    assert_eq!(
        p::var_mean(&x, &[0]).unwrap().to_vec::<f64>(),
        vec![0.0, 7.0]
    );
    let empty = make(&[], &[2, 0], DType::Float32);
    let g = p::var_mean(&empty, &[1]).unwrap();
    assert_eq!(g.dims(), &[2, 2]);
    assert!(g.to_vec::<f64>().iter().all(|v| v.is_nan()));
    let h = make(&[1.0, 2.0, 3.0, 4.0], &[2, 2], DType::Float16);
    let g = p::var_mean(&h, &[0]).unwrap();
    assert_eq!(g.dtype(), DType::Float16);
    assert_eq!(g.to_vec::<f64>(), vec![1.0, 2.0, 1.0, 3.0]);
    let i = make(&[1.0, 2.0], &[2], DType::Int32);
    let e = p::var_mean(&i, &[0]).unwrap_err();
    assert_eq!(e.class(), ems::ErrorClass::Type, "{e}");
}
