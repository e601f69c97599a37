//! Structural kernels against the reference: pad, concat and stack, gather and scatter-add,
//! reshape of non-contiguous views, and stepped indexing.

use crate::binary::binary_ref;
use crate::helpers::{
    exact, halves, ints, make, numel, ravel, rounded, unravel, views, COMPUTE, NUMBERS,
};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, DType, Index, Tensor};

/// A pad case: shape, lo, hi, interior.
type PadCase = (
    &'static [usize],
    &'static [usize],
    &'static [usize],
    &'static [usize],
);

#[test]
fn pad_with_interior_padding_matches_the_reference() {
    let cases: &[PadCase] = &[
        (&[7], &[2], &[3], &[1]),
        (&[1], &[0], &[0], &[5]),
        (&[0], &[2], &[1], &[3]),
        (&[3, 4], &[1, 0], &[0, 2], &[2, 1]),
        (&[2, 3, 5], &[0, 1, 2], &[1, 0, 1], &[0, 3, 1]),
        (&[2, 0, 3], &[1, 1, 1], &[1, 1, 1], &[1, 1, 1]),
    ];
    for d in COMPUTE {
        for (seed, &(shape, lo, hi, interior)) in cases.iter().enumerate() {
            let vals = rounded(&halves(numel(shape), seed as u64 + 80, -4, 4), d);
            let out_shape: Vec<usize> = (0..shape.len())
                .map(|a| lo[a] + hi[a] + shape[a] + interior[a] * shape[a].saturating_sub(1))
                .collect();
            let mut want = vec![0.0; numel(&out_shape)];
            for (k, &v) in vals.iter().enumerate() {
                let i = unravel(k, shape);
                let o: Vec<usize> = (0..shape.len())
                    .map(|a| lo[a] + i[a] * (interior[a] + 1))
                    .collect();
                want[ravel(&o, &out_shape)] = v;
            }
            for (view, x) in views(&vals, shape, d) {
                let y = p::pad(&x, lo, hi, interior).unwrap();
                let what = format!("pad {d:?} {shape:?} {view}");
                assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
    }
}

#[test]
fn concat_matches_the_reference_along_each_axis_with_promotion() {
    let shape = [3usize, 4, 5];
    for axis in 0..3 {
        // Three parts of lengths 2, 0 and 3 along `axis`, of different dtypes.
        let parts: Vec<(Vec<usize>, DType)> = [
            (2usize, DType::Int32),
            (0, DType::Bool),
            (3, DType::Float32),
        ]
        .iter()
        .map(|&(len, d)| {
            let mut s = shape.to_vec();
            s[axis] = len;
            (s, d)
        })
        .collect();
        let data: Vec<Vec<f64>> = parts
            .iter()
            .enumerate()
            .map(|(i, (s, d))| rounded(&halves(numel(s), i as u64 + 90, -4, 4), *d))
            .collect();
        let mut out_shape = shape.to_vec();
        out_shape[axis] = 5;
        let mut want = vec![0.0; numel(&out_shape)];
        let mut start = 0;
        for ((s, _), vals) in parts.iter().zip(&data) {
            for (k, &v) in vals.iter().enumerate() {
                let mut i = unravel(k, s);
                i[axis] += start;
                want[ravel(&i, &out_shape)] = v;
            }
            start += s[axis];
        }
        let views_of: Vec<Vec<(String, Tensor)>> = parts
            .iter()
            .zip(&data)
            .map(|((s, d), v)| views(v, s, *d))
            .collect();
        for k in 0..views_of[0].len() {
            let xs: Vec<Tensor> = views_of
                .iter()
                .map(|vs| vs[(k + vs.len() - 1) % vs.len()].1.clone())
                .collect();
            for ax in [axis as i64, axis as i64 - 3] {
                let y = ems::concat(&xs, ax).unwrap();
                let what = format!("concat axis {ax} layout {k}");
                assert_eq!(y.dtype(), DType::Float32, "{what}");
                assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
        // stack of equal shapes is concat of expanded parts.
        let a = make(&data[0], &parts[0].0, DType::Int32);
        let st = ems::stack(&[a.clone(), a.clone()], axis as i64).unwrap();
        let mut st_shape = parts[0].0.clone();
        st_shape.insert(axis, 2);
        assert_eq!(st.dims(), st_shape.as_slice());
        let back = ems::split(&st, ems::Split::Sections(2), axis as i64).unwrap();
        for b in back {
            exact(
                &b.reshape(&[-1]).unwrap().to_vec::<f64>(),
                &data[0],
                "split of stack",
            );
        }
    }
}

#[test]
fn gather_and_scatter_add_with_repeated_indices_match_the_reference() {
    let shape = [3usize, 5, 7];
    for d in NUMBERS {
        let vals = rounded(&halves(numel(&shape), 100, -4, 4), d);
        for axis in 0..3 {
            let n = shape[axis];
            let idx_vals: Vec<f64> = vec![0.0, (n - 1) as f64, 1.0, 1.0, 0.0, (n - 1) as f64];
            for (idx_shape, idx_dtype) in [
                (vec![6usize], DType::Int32),
                (vec![2, 3], DType::Int64),
                (vec![0], DType::Int32),
            ] {
                let k = numel(&idx_shape);
                let idx_v = &idx_vals[..k];
                let idx = make(idx_v, &idx_shape, idx_dtype);
                let out_shape: Vec<usize> =
                    [&shape[..axis], &idx_shape[..], &shape[axis + 1..]].concat();
                let want: Vec<f64> = (0..numel(&out_shape))
                    .map(|o| {
                        let oi = unravel(o, &out_shape);
                        let m = idx_shape.len();
                        let j = ravel(&oi[axis..axis + m], &idx_shape);
                        let mut i: Vec<usize> = oi[..axis].to_vec();
                        i.push(idx_v[j] as usize);
                        i.extend_from_slice(&oi[axis + m..]);
                        vals[ravel(&i, &shape)]
                    })
                    .collect();
                for (view, x) in views(&vals, &shape, d) {
                    let what = format!("gather {d:?} axis {axis} idx {idx_shape:?} {view}");
                    let y = p::gather(&x, &idx, axis).unwrap();
                    assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
                // scatter_add: updates of the gathered shape added back, repeats accumulating.
                let upd = rounded(&halves(numel(&out_shape), 101, -4, 4), d);
                let mut want = vals.clone();
                for (o, &u) in upd.iter().enumerate() {
                    let oi = unravel(o, &out_shape);
                    let m = idx_shape.len();
                    let j = ravel(&oi[axis..axis + m], &idx_shape);
                    let mut i: Vec<usize> = oi[..axis].to_vec();
                    i.push(idx_v[j] as usize);
                    i.extend_from_slice(&oi[axis + m..]);
                    let t = ravel(&i, &shape);
                    want[t] = binary_ref("add", want[t], u, d);
                }
                let vx = views(&vals, &shape, d);
                let vu = views(&upd, &out_shape, d);
                for (i, (nx, x)) in vx.iter().enumerate() {
                    let (nu, u) = &vu[(i + 1) % vu.len()];
                    let y = p::scatter_add(x, &idx, u, axis).unwrap();
                    let what = format!("scatter_add {d:?} axis {axis} idx {idx_shape:?} {nx} {nu}");
                    assert_eq!(y.dims(), &shape, "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
            }
        }
    }
    // Tensor indices through `index`, negative ones counting from the end.
    let x = make(&ints(7, 3, -9, 9), &[7], DType::Int64);
    let xv = x.to_vec::<f64>();
    let idx = Tensor::from_vec(vec![-1i32, 0, -7, 3, 3], &[5]).unwrap();
    let y = ems::index(&x, &[Index::Tensor(idx)]).unwrap();
    exact(
        &y.to_vec::<f64>(),
        &[xv[6], xv[0], xv[0], xv[3], xv[3]],
        "index with a tensor",
    );
}

#[test]
fn reshape_of_non_contiguous_views_reads_in_logical_order() {
    let shape = [3usize, 4, 5];
    for d in [DType::Int32, DType::Float64, DType::Bool] {
        let vals = rounded(&halves(60, 110, -4, 4), d);
        for (view, x) in views(&vals, &shape, d) {
            for target in [
                &[-1i64][..],
                &[5, 12],
                &[4, 3, 5],
                &[60, 1],
                &[1, 60],
                &[2, -1, 3],
            ] {
                let y = ems::reshape(&x, target).unwrap();
                let what = format!("reshape {d:?} {view} to {target:?}");
                exact(&y.to_vec::<f64>(), &vals, &what);
                // And a kernel reading the reshaped view.
                let s = ems::sum(&y, Axes::All, false).unwrap().to_vec::<f64>();
                exact(&s, &[vals.iter().sum()], &format!("sum of {what}"));
            }
        }
    }
    // Slices of an empty tensor keep an offset past its (empty) storage.
    let z = ems::zeros(&[5, 0], DType::Float32).unwrap();
    let row = ems::index(&z, &[Index::Int(4)]).unwrap();
    assert_eq!(row.shape(), vec![0]);
    assert_eq!(
        ems::sum(&row, Axes::All, false).unwrap().to_vec::<f64>(),
        vec![0.0]
    );
    assert_eq!(
        ems::reshape(&row, &[0, 3]).unwrap().to_vec::<f64>(),
        Vec::<f64>::new()
    );
    let flipped = ems::flip(&z, &[0]).unwrap();
    assert_eq!((&flipped + 1.0).unwrap().to_vec::<f64>(), Vec::<f64>::new());
}

#[test]
fn index_with_steps_matches_pythons_slicing() {
    // Python's slice semantics for a length-n axis, written out.
    fn py_slice(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<i64> {
        let norm = |v: i64| if v < 0 { v + n } else { v };
        let mut out = vec![];
        if step > 0 {
            let mut i = start.map_or(0, |s| norm(s).clamp(0, n));
            let e = stop.map_or(n, |s| norm(s).clamp(0, n));
            while i < e {
                out.push(i);
                i += step;
            }
        } else {
            let mut i = start.map_or(n - 1, |s| norm(s).clamp(-1, n - 1));
            let e = stop.map_or(-1, |s| norm(s).clamp(-1, n - 1));
            while i > e {
                out.push(i);
                i += step;
            }
        }
        out
    }
    for n in [0usize, 1, 7, 13] {
        let vals = ints(n, 120, -50, 50);
        let x = make(&vals, &[n], DType::Int64);
        for start in [None, Some(-20), Some(-3), Some(0), Some(2), Some(20)] {
            for stop in [None, Some(-20), Some(-1), Some(0), Some(5), Some(20)] {
                for step in [-7i64, -2, -1, 1, 2, 3, 100] {
                    let want: Vec<f64> = py_slice(n as i64, start, stop, step)
                        .iter()
                        .map(|&i| vals[i as usize])
                        .collect();
                    let y = ems::index(&x, &[Index::Slice(start, stop, Some(step))]).unwrap();
                    exact(
                        &y.to_vec::<f64>(),
                        &want,
                        &format!("x[{start:?}:{stop:?}:{step}] n={n}"),
                    );
                }
            }
        }
    }
}
