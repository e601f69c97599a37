//! Comparisons, `where` and casts against the reference on every dtype and layout.

use crate::helpers::{
    exact, halves, ints, make, numel, rounded, views, Binary, COMPUTE, FLOATS, SHAPES,
};
use easy_mindspore as ems;
use ems::{DType, Tensor};

#[test]
fn comparisons_match_the_reference_for_each_dtype_and_layout() {
    type Cmp = fn(f64, f64) -> bool;
    let cases: [(&str, Binary, Cmp); 6] = [
        ("equal", |x, y| ems::equal(x, y), |a, b| a == b),
        ("not_equal", |x, y| ems::not_equal(x, y), |a, b| a != b),
        ("less", |x, y| ems::less(x, y), |a, b| a < b),
        ("less_equal", |x, y| ems::less_equal(x, y), |a, b| a <= b),
        ("greater", |x, y| ems::greater(x, y), |a, b| a > b),
        ("greater_equal", |x, y| x.greater_equal(y), |a, b| a >= b),
    ];
    for d in COMPUTE {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            let mut a = rounded(&halves(n, seed as u64, -2, 2), d);
            let b = rounded(&halves(n, seed as u64 + 3, -2, 2), d);
            if d.is_float() && n > 2 {
                a[2] = f64::NAN;
            }
            let (va, vb) = (views(&a, shape, d), views(&b, shape, d));
            for (name, f, r) in cases {
                let want: Vec<f64> = a
                    .iter()
                    .zip(&b)
                    .map(|(&x, &y)| f64::from(u8::from(r(x, y))))
                    .collect();
                for (i, (na, xa)) in va.iter().enumerate() {
                    let (nb, xb) = &vb[(i + 2) % vb.len()];
                    let y = f(xa, xb).unwrap();
                    let what = format!("{name} {d:?} {shape:?} {na} with {nb}");
                    assert_eq!(y.dtype(), DType::Bool, "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
            }
        }
    }
    // Mixed dtypes promote before comparing: Int32 3 == Float32 3.0, Int64 2^53+1 != 2^53.
    let i = Tensor::from_vec(vec![3i32, 4], &[2]).unwrap();
    let f = Tensor::from_vec(vec![3.0f32, 4.5], &[2]).unwrap();
    assert_eq!(
        ems::equal(&i, &f).unwrap().to_vec::<bool>(),
        vec![true, false]
    );
    let big = Tensor::from_vec(vec![(1i64 << 53) + 1], &[1]).unwrap();
    let eq = ems::equal(&big, Tensor::from_vec(vec![1i64 << 53], &[1]).unwrap()).unwrap();
    assert_eq!(eq.to_vec::<bool>(), vec![false]);
}

#[test]
fn where_selects_elementwise_on_every_layout_with_broadcasting() {
    for d in COMPUTE {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            let c = ints(n, seed as u64, 0, 1);
            let x = rounded(&halves(n, seed as u64 + 1, -4, 4), d);
            let y = rounded(&halves(n, seed as u64 + 2, -4, 4), d);
            let want: Vec<f64> = (0..n)
                .map(|k| if c[k] != 0.0 { x[k] } else { y[k] })
                .collect();
            let (vc, vx, vy) = (
                views(&c, shape, DType::Bool),
                views(&x, shape, d),
                views(&y, shape, d),
            );
            for (i, (nc, tc)) in vc.iter().enumerate() {
                let (nx, tx) = &vx[(i + 1) % vx.len()];
                let (ny, ty) = &vy[(i + 2) % vy.len()];
                let r = ems::where_(tc, tx, ty).unwrap();
                let what = format!("where {d:?} {shape:?} {nc} {nx} {ny}");
                assert_eq!(r.dtype(), d, "{what}");
                exact(&r.to_vec::<f64>(), &want, &what);
            }
        }
    }
    // A [5] condition against a [3, 5] x and a scalar y; an Int32 x and a Float32 y promote.
    let c = make(&[1.0, 0.0, 0.0, 1.0, 1.0], &[5], DType::Bool);
    let x = make(&ints(15, 4, -5, 5), &[3, 5], DType::Int32);
    let r = ems::where_(&c, &x, 0.5).unwrap();
    assert_eq!(r.dtype(), DType::Float32);
    let xv = x.to_vec::<f64>();
    let want: Vec<f64> = (0..15)
        .map(|k| {
            if [0, 3, 4].contains(&(k % 5)) {
                xv[k]
            } else {
                0.5
            }
        })
        .collect();
    exact(&r.to_vec::<f64>(), &want, "where broadcast");
}

#[test]
fn cast_truncates_toward_zero_and_keeps_int64_exact() {
    let vals = [-2.7, -0.5, 0.0, 0.5, 2.7, 3.0, -3.0, 1e3];
    for from in FLOATS {
        let src = rounded(&vals, from);
        for (view, x) in views(&src, &[2, 4], from) {
            // The storage dtypes have their own matrix (`dtypes.rs`).
            for to in DType::ALL.into_iter().filter(|d| !d.is_storage_only()) {
                let y = x.astype(to).unwrap();
                assert_eq!(y.dtype(), to);
                let want: Vec<f64> = src
                    .iter()
                    .map(|&v| match to {
                        DType::Bool => f64::from(u8::from(v != 0.0)),
                        DType::Int32 | DType::Int64 => v.trunc(),
                        // A complex64's real part is a float32.
                        DType::Float32 | DType::Complex64 => v as f32 as f64,
                        _ => v,
                    })
                    .collect();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("{from:?} -> {to:?} {view}"),
                );
            }
        }
    }
    // Out of range and NaN floats give the minimum (NumPy on x86-64); integers wrap into a
    // narrower integer.
    let f = Tensor::from_vec(vec![3e9f32, -3e9, f32::NAN, 2.5], &[4]).unwrap();
    assert_eq!(
        f.astype(DType::Int32).unwrap().to_vec::<i32>(),
        vec![i32::MIN, i32::MIN, i32::MIN, 2]
    );
    let i = Tensor::from_vec(vec![(1i64 << 32) + 5, -1], &[2]).unwrap();
    assert_eq!(i.astype(DType::Int32).unwrap().to_vec::<i32>(), vec![5, -1]);
    // Bools and ints to everything.
    let b = make(&[1.0, 0.0], &[2], DType::Bool);
    for to in COMPUTE {
        exact(
            &b.astype(to).unwrap().to_vec::<f64>(),
            &[1.0, 0.0],
            &format!("Bool -> {to:?}"),
        );
    }
    let i = make(&[-2.0, 0.0, 5.0], &[3], DType::Int32);
    exact(
        &i.astype(DType::Bool).unwrap().to_vec::<f64>(),
        &[1.0, 0.0, 1.0],
        "Int32 -> Bool",
    );
    exact(
        &i.astype(DType::Float64).unwrap().to_vec::<f64>(),
        &[-2.0, 0.0, 5.0],
        "Int32 -> F64",
    );
}
