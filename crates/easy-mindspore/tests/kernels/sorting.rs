//! `sort`, `topk`, `gather_elements` (the `ArgSort` primitive and indexing) against a stable sort
//! written here, on every layout of `views`, along every axis, with ties and NaN; and `erfinv`
//! against `erf`.

use crate::helpers::{exact, halves, make, numel, ravel, unravel, views, NUMBERS};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// NaN after every number, then by value.
fn ascending(a: f64, b: f64) -> std::cmp::Ordering {
    match (a.is_nan(), b.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Greater,
        (false, true) => std::cmp::Ordering::Less,
        _ => a.partial_cmp(&b).unwrap(),
    }
}

/// The stably sorted values and their indices along `axis`, row-major, as f64.
fn reference(vals: &[f64], shape: &[usize], axis: usize, descending: bool) -> (Vec<f64>, Vec<f64>) {
    let (mut v, mut i) = (vec![0.0; vals.len()], vec![0.0; vals.len()]);
    for k in 0..numel(shape) {
        let at = unravel(k, shape);
        if at[axis] != 0 {
            continue;
        }
        let line: Vec<usize> = (0..shape[axis])
            .map(|j| {
                let mut p = at.clone();
                p[axis] = j;
                ravel(&p, shape)
            })
            .collect();
        let mut order: Vec<usize> = (0..line.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (vals[line[a]], vals[line[b]]);
            if descending {
                ascending(y, x)
            } else {
                ascending(x, y)
            }
        });
        for (j, &o) in order.iter().enumerate() {
            v[line[j]] = vals[line[o]];
            i[line[j]] = o as f64;
        }
    }
    (v, i)
}

#[test]
fn sort_matches_a_stable_reference_on_every_layout_and_axis() {
    for shape in [
        vec![7],
        vec![3, 5],
        vec![2, 3, 4],
        vec![4, 1],
        vec![0, 3],
        vec![3, 0],
    ] {
        // Few distinct values: many ties, whose order the stability fixes.
        let mut vals = halves(numel(&shape), 11, -2, 2);
        if let Some(v) = vals.get_mut(2) {
            *v = f64::NAN;
        }
        for dtype in NUMBERS {
            let vals: Vec<f64> = if matches!(dtype, DType::Int32 | DType::Int64) {
                vals.iter()
                    .map(|v| if v.is_nan() { 5.0 } else { v.floor() })
                    .collect()
            } else {
                vals.clone()
            };
            for (layout, x) in views(&vals, &shape, dtype) {
                for axis in 0..shape.len() {
                    for descending in [false, true] {
                        let what = format!(
                            "sort {shape:?} {dtype:?} {layout} axis {axis} desc {descending}"
                        );
                        let (v, i) =
                            ems::sort(&x, axis as i64 - shape.len() as i64, descending).unwrap();
                        assert_eq!((v.dtype(), i.dtype()), (dtype, DType::Int32), "{what}");
                        assert_eq!(
                            (v.shape(), i.shape()),
                            (shape.clone(), shape.clone()),
                            "{what}"
                        );
                        let (wv, wi) = reference(&vals, &shape, axis, descending);
                        exact(
                            &v.to_vec::<f64>(),
                            &make(&wv, &shape, dtype).to_vec::<f64>(),
                            &what,
                        );
                        exact(&i.to_vec::<f64>(), &wi, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn topk_takes_the_first_k_of_the_descending_sort() {
    let shape = [3, 6];
    let vals = halves(18, 5, -3, 3);
    let x = make(&vals, &shape, DType::Float32);
    for k in [0, 1, 4, 6] {
        for largest in [true, false] {
            let (v, i) = ems::topk(&x, k, 1, largest).unwrap();
            assert_eq!(v.shape(), vec![3, k as usize]);
            let (wv, wi) = reference(&vals, &shape, 1, largest);
            let take = |w: &[f64]| -> Vec<f64> {
                (0..3)
                    .flat_map(|r| w[r * 6..r * 6 + k as usize].to_vec())
                    .collect()
            };
            exact(
                &v.to_vec::<f64>(),
                &take(&wv),
                &format!("topk values k={k}"),
            );
            exact(
                &i.to_vec::<f64>(),
                &take(&wi),
                &format!("topk indices k={k}"),
            );
        }
    }
    // Along axis 0 too, and k out of range is a value error naming TopK.
    let (v, _) = ems::topk(&x, 2, 0, true).unwrap();
    assert_eq!(v.shape(), vec![2, 6]);
    let e = ems::topk(&x, 7, 1, true).unwrap_err();
    assert!(
        e.to_string().contains("TopK") && e.to_string().contains("[3, 6]"),
        "{e}"
    );
    assert!(ems::topk(&x, -1, 1, true).is_err());
    // A 0-D tensor sorts as one element.
    let s = Tensor::scalar(2.5f32);
    let (v, i) = ems::sort(&s, 0, false).unwrap();
    assert_eq!((v.shape(), i.to_vec::<i32>()), (vec![], vec![0]));
}

#[test]
fn gather_elements_takes_along_an_axis_and_checks_its_index() {
    let x = make(
        &(0..12).map(f64::from).collect::<Vec<_>>(),
        &[3, 4],
        DType::Float64,
    );
    let idx = Tensor::from_vec(vec![3i64, 0, -1, 1, 2, 2], &[3, 2]).unwrap();
    let y = ems::gather_elements(&x, 1, &idx).unwrap();
    exact(
        &y.to_vec::<f64>(),
        &[3.0, 0.0, 7.0, 5.0, 10.0, 10.0],
        "along axis 1",
    );
    let idx0 = Tensor::from_vec(vec![2i32, 0, 1, 0], &[1, 4]).unwrap();
    let y = ems::gather_elements(&x, 0, &idx0).unwrap();
    exact(&y.to_vec::<f64>(), &[8.0, 1.0, 6.0, 3.0], "along axis 0");
    // A float index is a dtype error; a wrong rank or an index past the axis are errors.
    let f = make(&[0.0], &[1, 1], DType::Float32);
    assert!(matches!(
        ems::gather_elements(&x, 1, &f),
        Err(ems::Error::UnsupportedDType { .. })
    ));
    let flat = Tensor::from_vec(vec![0i64], &[1]).unwrap();
    assert!(ems::gather_elements(&x, 1, &flat)
        .unwrap_err()
        .to_string()
        .contains("GatherElements"));
    let far = Tensor::from_vec(vec![4i64], &[1, 1]).unwrap();
    assert!(matches!(
        ems::gather_elements(&x, 1, &far),
        Err(ems::Error::IndexOutOfBounds { .. })
    ));
}

#[test]
fn sorted_values_carry_the_gradient_back_to_their_positions() {
    let x = Tensor::new([3.0f64, -1.0, 2.0, 5.0]).unwrap();
    let w = Tensor::new([1.0f64, 10.0, 100.0, 1000.0]).unwrap();
    let g = ems::grad(|x: &Tensor| {
        let (v, _) = ems::sort(x, 0, false)?;
        ems::mul(&v, &w)?.sum()
    })(&x)
    .unwrap();
    // Sorted order is [-1, 2, 3, 5] from positions [1, 2, 0, 3].
    exact(&g.to_vec::<f64>(), &[100.0, 1.0, 10.0, 1000.0], "d sort");
}

#[test]
fn erfinv_inverts_erf_to_float64_accuracy() {
    let ys: Vec<f64> = (-1999..=1999)
        .map(|k| k as f64 / 2000.0)
        .chain([1e-300, -0.999_999_999_9, 0.999_999_999_999])
        .collect();
    let n = ys.len();
    let x = ems::erfinv(&make(&ys, &[n], DType::Float64)).unwrap();
    // erf of the result gives y back to a few ulps; in the tails the check is on 1 - |y|
    // (through erfc), which keeps the digits erf itself would round away.
    for (x, y) in x.to_vec::<f64>().iter().zip(&ys) {
        let (got, want) = if y.abs() > 0.5 {
            (libm::erfc(x.abs()), 1.0 - y.abs())
        } else {
            (libm::erf(*x), *y)
        };
        // The miss measured in x: a few ulps of x (after erf's own rounding of `want`).
        let slope = std::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp();
        let miss = ((got - want).abs() - 2.3e-16 * want.abs()).max(0.0) / slope;
        assert!(
            miss <= 4.5e-16 * x.abs() + 1e-300,
            "erfinv({y}) = {x}: gives back {got}, want {want}"
        );
    }
    let special = make(&[1.0, -1.0, 0.0, -0.0, 1.5, f64::NAN], &[6], DType::Float32);
    let s = ems::erfinv(&special).unwrap().to_vec::<f64>();
    exact(
        &s[..4],
        &[f64::INFINITY, f64::NEG_INFINITY, 0.0, -0.0],
        "erfinv specials",
    );
    assert!(
        s[3].is_sign_negative() && s[4].is_nan() && s[5].is_nan(),
        "{s:?}"
    );
    assert!(matches!(
        ems::erfinv(&make(&[0.5], &[1], DType::Int32)),
        Err(ems::Error::UnsupportedDType { .. })
    ));
}
