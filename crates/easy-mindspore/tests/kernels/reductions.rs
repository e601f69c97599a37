//! Reductions (sum, max/min, argmax, cumsum) over axis sets against the reference on every layout,
//! kernels reading broadcast views, Bool arithmetic, and the accuracy of long Float32 sums.

use crate::helpers::{
    close, exact, halves, ints, make, numel, ravel, reals, rounded, unravel, views, COMPUTE,
};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, DType, Index, Tensor};

/// Reduces `vals` (of `shape`) over `axes` with `f`, starting from each group's first element.
fn reduce_ref(
    vals: &[f64],
    shape: &[usize],
    axes: &[usize],
    empty: f64,
    f: fn(f64, f64) -> f64,
) -> (Vec<f64>, Vec<usize>) {
    let out_shape: Vec<usize> = (0..shape.len())
        .filter(|a| !axes.contains(a))
        .map(|a| shape[a])
        .collect();
    let mut out: Vec<Option<f64>> = vec![None; numel(&out_shape)];
    for (k, &v) in vals.iter().enumerate() {
        let i = unravel(k, shape);
        let o: Vec<usize> = (0..shape.len())
            .filter(|a| !axes.contains(a))
            .map(|a| i[a])
            .collect();
        let slot = &mut out[ravel(&o, &out_shape)];
        *slot = Some(match *slot {
            None => v,
            Some(acc) => f(acc, v),
        });
    }
    (
        out.into_iter().map(|v| v.unwrap_or(empty)).collect(),
        out_shape,
    )
}

fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// Axis sets to reduce over for a shape of rank `nd`, as (friendly axes, normalised sorted axes).
fn axis_sets(nd: usize) -> Vec<(Axes, Vec<usize>)> {
    let mut sets = vec![(Axes::All, (0..nd).collect())];
    for a in 0..nd {
        sets.push((Axes::from(a as i64), vec![a]));
        sets.push((Axes::from(a as i64 - nd as i64), vec![a]));
    }
    for a in 0..nd {
        for b in a + 1..nd {
            sets.push((Axes::from(vec![b as i64, a as i64]), vec![a, b]));
        }
    }
    if nd > 0 {
        sets.push((
            Axes::from((0..nd as i64).collect::<Vec<_>>()),
            (0..nd).collect(),
        ));
    }
    sets.push((Axes::List(vec![]), vec![]));
    sets
}

const RED_SHAPES: &[&[usize]] = &[
    &[],
    &[0],
    &[13],
    &[3, 11],
    &[2, 0, 3],
    &[3, 5, 7],
    &[2, 1, 4],
];

#[test]
fn sum_over_axis_sets_matches_the_reference_on_every_layout() {
    for d in COMPUTE {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let vals = rounded(&halves(n, seed as u64 + 40, -5, 5), d);
            for (view, x) in views(&vals, shape, d) {
                for (axes, norm) in axis_sets(shape.len()) {
                    for keepdims in [false, true] {
                        let (want, out_shape) = reduce_ref(&vals, shape, &norm, 0.0, |a, b| a + b);
                        let y = ems::sum(&x, axes.clone(), keepdims).unwrap();
                        let what =
                            format!("sum {d:?} {shape:?} {view} {axes:?} keepdims {keepdims}");
                        let want_dtype = if d.is_float() { d } else { DType::Int64 };
                        assert_eq!(y.dtype(), want_dtype, "{what}");
                        let kept: Vec<usize> = (0..shape.len())
                            .map(|a| if norm.contains(&a) { 1 } else { shape[a] })
                            .collect();
                        assert_eq!(
                            y.dims(),
                            if keepdims { &kept } else { &out_shape },
                            "{what}"
                        );
                        exact(&y.to_vec::<f64>(), &want, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn max_and_min_over_axis_sets_match_the_reference_on_every_layout() {
    for d in COMPUTE {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let mut vals = rounded(&halves(n, seed as u64 + 50, -5, 5), d);
            if d.is_float() && n > 4 {
                vals[4] = f64::NAN;
            }
            for (view, x) in views(&vals, shape, d) {
                for (axes, norm) in axis_sets(shape.len()) {
                    let empty = norm.iter().any(|&a| shape[a] == 0);
                    let what = format!("max {d:?} {shape:?} {view} {axes:?}");
                    let y = ems::max(&x, axes.clone(), false);
                    if empty {
                        assert!(y.is_err(), "{what}: max over an empty axis");
                        continue;
                    }
                    let (want, out_shape) = reduce_ref(&vals, shape, &norm, 0.0, nan_max);
                    let y = y.unwrap();
                    assert_eq!(y.dtype(), d, "{what}");
                    assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                    let (want, _) = reduce_ref(&vals, shape, &norm, 0.0, |a, b| {
                        if a.is_nan() || b.is_nan() {
                            f64::NAN
                        } else {
                            a.min(b)
                        }
                    });
                    let y = ems::min(&x, axes.clone(), false).unwrap();
                    exact(&y.to_vec::<f64>(), &want, &format!("min {what}"));
                }
            }
        }
    }
}

#[test]
fn argmax_returns_the_first_maximum_along_each_axis() {
    for d in COMPUTE {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            // Few distinct values, so ties are common.
            let mut vals = rounded(&ints(n, seed as u64 + 60, -1, 2), d);
            if d.is_float() && n > 8 {
                vals[8] = f64::NAN; // NaN is the maximum, as in NumPy
            }
            for (view, x) in views(&vals, shape, d) {
                for a in 0..shape.len() {
                    let what = format!("argmax {d:?} {shape:?} {view} axis {a}");
                    let r = ems::argmax(&x, Some(a as i64), false);
                    if shape[a] == 0 {
                        assert!(r.is_err(), "{what}");
                        continue;
                    }
                    let r = r.unwrap();
                    assert_eq!(r.dtype(), DType::Int32, "{what}");
                    let out_shape: Vec<usize> = (0..shape.len())
                        .filter(|&b| b != a)
                        .map(|b| shape[b])
                        .collect();
                    assert_eq!(r.dims(), out_shape.as_slice(), "{what}");
                    let want: Vec<f64> = (0..numel(&out_shape))
                        .map(|o| {
                            let mut i = unravel(o, &out_shape);
                            i.insert(a, 0);
                            let at = |j: usize| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, shape)]
                            };
                            let mut best = 0;
                            for j in 1..shape[a] {
                                let (b, v) = (at(best), at(j));
                                if !b.is_nan() && (v.is_nan() || v > b) {
                                    best = j;
                                }
                            }
                            best as f64
                        })
                        .collect();
                    exact(&r.to_vec::<f64>(), &want, &what);
                    let k = ems::argmax(&x, Some(a as i64 - shape.len() as i64), true).unwrap();
                    let mut kept = shape.to_vec();
                    kept[a] = 1;
                    assert_eq!(k.dims(), kept.as_slice(), "{what} keepdims");
                    exact(&k.to_vec::<f64>(), &want, &format!("{what} keepdims"));
                }
                // Flattened.
                if n > 0 {
                    let mut best = 0;
                    for j in 1..n {
                        if !vals[best].is_nan() && (vals[j].is_nan() || vals[j] > vals[best]) {
                            best = j;
                        }
                    }
                    let r = ems::argmax(&x, None, false).unwrap();
                    exact(
                        &r.to_vec::<f64>(),
                        &[best as f64],
                        &format!("argmax {d:?} {shape:?} {view} flat"),
                    );
                }
            }
        }
    }
}

#[test]
fn cumsum_along_each_axis_matches_the_reference_on_every_layout() {
    for d in COMPUTE {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let vals = rounded(&halves(n, seed as u64 + 70, -4, 4), d);
            let want_dtype = if d == DType::Bool { DType::Int64 } else { d };
            for (view, x) in views(&vals, shape, d) {
                for a in 0..shape.len() {
                    let mut want = vec![0.0; n];
                    for (k, w) in want.iter_mut().enumerate() {
                        let i = unravel(k, shape);
                        *w = (0..=i[a])
                            .map(|j| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, shape)]
                            })
                            .sum();
                    }
                    for axis in [a as i64, a as i64 - shape.len() as i64] {
                        let y = ems::cumsum(&x, axis).unwrap();
                        let what = format!("cumsum {d:?} {shape:?} {view} axis {axis}");
                        assert_eq!(y.dtype(), want_dtype, "{what}");
                        assert_eq!(y.dims(), *shape, "{what}");
                        exact(&y.to_vec::<f64>(), &rounded(&want, want_dtype), &what);
                    }
                }
            }
        }
    }
}

#[test]
fn kernels_read_broadcast_views() {
    // [5, 7] → [3, 5, 7] (a new leading axis) and [3, 1, 7] → [3, 5, 7] (a stretched axis): the
    // kernels see stride-0 axes. The reference works on the materialised values.
    let shape = [3usize, 5, 7];
    for d in [DType::Int32, DType::Float32, DType::Float64] {
        let small_a = rounded(&halves(35, 160, -4, 4), d);
        let small_b = rounded(&halves(21, 161, -4, 4), d);
        let cases = [
            (
                ems::broadcast_to(&make(&small_a, &[5, 7], d), &shape).unwrap(),
                (0..105).map(|k| small_a[k % 35]).collect::<Vec<f64>>(),
                "leading axis",
            ),
            (
                ems::broadcast_to(&make(&small_b, &[3, 1, 7], d), &shape).unwrap(),
                (0..105).map(|k| small_b[(k / 35) * 7 + k % 7]).collect(),
                "stretched axis",
            ),
        ];
        for (x, vals, name) in cases {
            exact(&x.to_vec::<f64>(), &vals, name);
            for (axes, norm) in axis_sets(3) {
                let (want, _) = reduce_ref(&vals, &shape, &norm, 0.0, |a, b| a + b);
                let y = ems::sum(&x, axes.clone(), false).unwrap();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("sum {d:?} {name} {axes:?}"),
                );
                let (want, _) = reduce_ref(&vals, &shape, &norm, 0.0, nan_max);
                let y = ems::max(&x, axes.clone(), false).unwrap();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("max {d:?} {name} {axes:?}"),
                );
            }
            for a in 0..3 {
                let y = ems::cumsum(&x, a as i64).unwrap();
                let want: Vec<f64> = (0..105)
                    .map(|k| {
                        let i = unravel(k, &shape);
                        (0..=i[a])
                            .map(|j| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, &shape)]
                            })
                            .sum()
                    })
                    .collect();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("cumsum {d:?} {name} axis {a}"),
                );
            }
            let y = ems::argmax(&x, Some(0), false).unwrap();
            let want: Vec<f64> = (0..35)
                .map(|o| {
                    let col: Vec<f64> = (0..3).map(|t| vals[t * 35 + o]).collect();
                    let m = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    col.iter().position(|&v| v == m).unwrap() as f64
                })
                .collect();
            exact(&y.to_vec::<f64>(), &want, &format!("argmax {d:?} {name}"));
            let neg: Vec<f64> = vals.iter().map(|v| -v).collect();
            exact(
                &ems::neg(&x).unwrap().to_vec::<f64>(),
                &neg,
                &format!("neg {d:?} {name}"),
            );
            let y = p::pad(&x, &[1, 0, 0], &[0, 1, 0], &[0, 0, 1]).unwrap();
            assert_eq!(y.dims(), &[4, 6, 13]);
            let got = y.to_vec::<f64>();
            for (k, &v) in vals.iter().enumerate() {
                let i = unravel(k, &shape);
                assert_eq!(
                    got[ravel(&[i[0] + 1, i[1], 2 * i[2]], &[4, 6, 13])],
                    v,
                    "pad {name}"
                );
            }
            let y = ems::reshape(&x, &[15, 7]).unwrap();
            exact(&y.to_vec::<f64>(), &vals, &format!("reshape {d:?} {name}"));
        }
    }
}

#[test]
fn bool_arithmetic_is_logical() {
    let a = make(&[0.0, 0.0, 1.0, 1.0], &[4], DType::Bool);
    let b = make(&[0.0, 1.0, 0.0, 1.0], &[4], DType::Bool);
    let t = ems::index(
        &make(&[1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0], &[8], DType::Bool),
        &[Index::Slice(Some(1), None, Some(2))],
    )
    .unwrap();
    exact(
        &t.to_vec::<f64>(),
        &[0.0, 0.0, 1.0, 1.0],
        "stepped Bool view",
    );
    for x in [&a, &t] {
        let cases: [(&str, ems::Result<Tensor>, [f64; 4]); 4] = [
            ("add", x + &b, [0.0, 1.0, 1.0, 1.0]),
            ("mul", x * &b, [0.0, 0.0, 0.0, 1.0]),
            ("maximum", ems::maximum(x, &b), [0.0, 1.0, 1.0, 1.0]),
            ("minimum", ems::minimum(x, &b), [0.0, 0.0, 0.0, 1.0]),
        ];
        for (name, y, want) in cases {
            let y = y.unwrap();
            assert_eq!(y.dtype(), DType::Bool, "{name}");
            exact(&y.to_vec::<f64>(), &want, name);
        }
        let q = (x / &b).unwrap();
        assert_eq!(q.dtype(), DType::Float32);
        close(
            &q.to_vec::<f64>(),
            &[f64::NAN, 0.0, f64::INFINITY, 1.0],
            0.0,
            0.0,
            "Bool / Bool",
        );
        // Sums of bools count (as Int64).
        let s = ems::sum(x, Axes::All, false).unwrap();
        assert_eq!(s.dtype(), DType::Int64);
        assert_eq!(s.to_vec::<i64>(), vec![2]);
    }
}

#[test]
fn float32_sum_of_a_million_values_is_accurate() {
    let n = 1_000_000;
    let vals: Vec<f32> = reals(n, 99, 0.0, 1.0)
        .iter()
        .map(|&v| (v + 0.1) as f32)
        .collect();
    let want: f64 = vals.iter().map(|&v| f64::from(v)).sum();
    let x = Tensor::from_vec(vals, &[n]).unwrap();
    let got = ems::sum(&x, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(((got - want) / want).abs() < 1e-6, "sum {got} vs {want}");
    // Also through a non-contiguous view (a transposed reshape) and over one axis.
    let t = ems::reshape(&x, &[1000, 1000]).unwrap().T().unwrap();
    let got = ems::sum(&t, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(
        ((got - want) / want).abs() < 1e-6,
        "transposed sum {got} vs {want}"
    );
    let rows = ems::sum(&t, 0i64, false).unwrap().to_vec::<f64>();
    let total: f64 = rows.iter().sum();
    assert!(
        ((total - want) / want).abs() < 1e-6,
        "sum of row sums {total} vs {want}"
    );
    let mean = ems::mean(&x, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(
        ((mean - want / n as f64) / mean).abs() < 1e-6,
        "mean {mean}"
    );
}

/// `logsumexp` of a row of `-inf` is `-inf` (log 0), not `-inf - -inf = NaN`; a row holding
/// `+inf` gives `+inf`, one holding NaN gives NaN, and ordinary rows keep their value.
#[test]
fn logsumexp_of_infinite_rows_is_their_limit() {
    for d in [DType::Float32, DType::Float64] {
        let ninf = f64::NEG_INFINITY;
        let x = make(
            &[
                ninf,
                ninf,
                ninf,
                1.0,
                ninf,
                ninf,
                f64::INFINITY,
                1.0,
                0.0,
                f64::NAN,
                1.0,
                2.0,
            ],
            &[4, 3],
            d,
        );
        let y = ems::logsumexp(&x, 1, false).unwrap().to_vec::<f64>();
        assert_eq!(y[0], ninf, "{d:?}: {y:?}");
        assert_eq!(y[1], 1.0, "{d:?}: {y:?}");
        assert_eq!(y[2], f64::INFINITY, "{d:?}: {y:?}");
        assert!(y[3].is_nan(), "{d:?}: {y:?}");
        let big = make(&[1000.0, 1000.0], &[1, 2], d);
        let z = ems::logsumexp(&big, 1, true).unwrap().to_vec::<f64>();
        assert!((z[0] - (1000.0 + 2f64.ln())).abs() < 1e-3, "{d:?}: {z:?}");
    }
}
