//! NumPy's advanced indexing (issue 15): boolean masks, several integer tensors broadcast
//! together, ints that become advanced beside them, the placement rule (adjacent advanced
//! indices stay in place, separated ones go first), and per-axis bounds; and assignment through
//! all of them.

use easy_mindspore as ems;
use ems::{DType, Error, ErrorClass, Index, Tensor};

/// 0..24 as a [2, 3, 4] Float64 tensor: element (i, j, k) is 12i + 4j + k.
fn x234() -> Tensor {
    ems::arange_dtype(0.into(), 24.into(), 1.into(), DType::Float64)
        .unwrap()
        .reshape(&[2, 3, 4])
        .unwrap()
}

fn ints(v: &[i64], shape: &[usize]) -> Index {
    Index::Tensor(Tensor::from_vec(v.to_vec(), shape).unwrap())
}

fn mask(v: &[bool], shape: &[usize]) -> Index {
    Index::Tensor(Tensor::from_vec(v.to_vec(), shape).unwrap())
}

fn at(i: i64, j: i64, k: i64) -> f64 {
    (12 * i + 4 * j + k) as f64
}

#[test]
fn a_bool_mask_selects_its_true_positions() {
    let x = x234();
    let rows = ems::index(&x, &[mask(&[false, true], &[2])]).unwrap();
    assert_eq!(rows.shape(), [1, 3, 4]);
    assert_eq!(rows.to_vec::<f64>()[0], at(1, 0, 0));
    // A 2-D mask covers two axes.
    let m = [true, false, false, false, true, true];
    let picked = ems::index(&x, &[mask(&m, &[2, 3])]).unwrap();
    assert_eq!(picked.shape(), [3, 4]);
    let firsts: Vec<f64> = picked.to_vec::<f64>().chunks(4).map(|c| c[0]).collect();
    assert_eq!(firsts, [at(0, 0, 0), at(1, 1, 0), at(1, 2, 0)]);
    // A 0-D mask adds an axis of size 1 (true) or 0 (false).
    let t = ems::index(&x, &[Index::Tensor(Tensor::scalar(true))]).unwrap();
    assert_eq!(t.shape(), [1, 2, 3, 4]);
    let f = ems::index(&x, &[Index::Tensor(Tensor::scalar(false))]).unwrap();
    assert_eq!(f.shape(), [0, 2, 3, 4]);
}

#[test]
fn a_mask_of_the_wrong_shape_is_an_index_error() {
    let e = ems::index(&x234(), &[Index::full(), mask(&[true, false], &[2])]).unwrap_err();
    assert!(
        matches!(&e, Error::InvalidIndex { op: "Index", .. }),
        "{e:?}"
    );
    assert!(
        e.to_string().contains(
            "along axis 1; size of axis is 3 but size of corresponding boolean axis is 2"
        ),
        "{e}"
    );
    assert_eq!(e.class(), ErrorClass::Index);
}

#[test]
fn separated_advanced_indices_put_their_axes_first() {
    // x[0, :, [1, 3]]: the int and the list are advanced and a slice separates them, so the
    // broadcast index axis (2) comes first: shape [2, 3], element (b, j) = x[0, j, [1, 3][b]].
    let r = ems::index(
        &x234(),
        &[Index::Int(0), Index::full(), ints(&[1, 3], &[2])],
    )
    .unwrap();
    assert_eq!(r.shape(), [2, 3]);
    let want: Vec<f64> = [1, 3]
        .iter()
        .flat_map(|&k| (0..3).map(move |j| at(0, j, k)))
        .collect();
    assert_eq!(r.to_vec::<f64>(), want);
}

#[test]
fn adjacent_advanced_indices_stay_in_place() {
    // x[:, 1, [1, 3]]: adjacent, so the index axis replaces axes 1-2 in place: shape [2, 2].
    let r = ems::index(
        &x234(),
        &[Index::full(), Index::Int(1), ints(&[1, 3], &[2])],
    )
    .unwrap();
    assert_eq!(r.shape(), [2, 2]);
    assert_eq!(
        r.to_vec::<f64>(),
        [at(0, 1, 1), at(0, 1, 3), at(1, 1, 1), at(1, 1, 3)]
    );
    // x[:, [[0], [2]], [1, 3]]: the index tensors broadcast to [2, 2].
    let r = ems::index(
        &x234(),
        &[Index::full(), ints(&[0, 2], &[2, 1]), ints(&[1, 3], &[2])],
    )
    .unwrap();
    assert_eq!(r.shape(), [2, 2, 2]);
    assert_eq!(
        r.to_vec::<f64>()[..4],
        [at(0, 0, 1), at(0, 0, 3), at(0, 2, 1), at(0, 2, 3)]
    );
}

#[test]
fn each_advanced_index_is_checked_against_its_own_axis() {
    // (0, 4) would alias (1, 0) of a [2, 4] view if only the merged position were checked.
    let x = ems::ones(&[2, 4], DType::Float32).unwrap();
    for (k, bad) in [(4i64, 4i64), (-5, -5)] {
        let e = ems::index(&x, &[ints(&[0, 1], &[2]), ints(&[0, k], &[2])]).unwrap_err();
        assert!(
            matches!(e, Error::IndexOutOfBounds { op: "Index", index, size: 4 } if index == bad),
            "{e:?}"
        );
    }
    let e = ems::index(&x, &[ints(&[0, 1], &[2]), ints(&[0, 1, 2], &[3])]).unwrap_err();
    assert!(matches!(&e, Error::InvalidIndex { .. }), "{e:?}");
    assert!(
        e.to_string().contains("could not be broadcast together"),
        "{e}"
    );
    // Negative positions count from the end.
    let r = ems::index(&x234(), &[ints(&[-1], &[1]), ints(&[-1], &[1])]).unwrap();
    assert_eq!(
        r.to_vec::<f64>(),
        [at(1, 2, 0), at(1, 2, 1), at(1, 2, 2), at(1, 2, 3)]
    );
}

#[test]
fn slices_with_extreme_bounds_and_steps_clamp() {
    let x = ems::arange_to(4.0).unwrap();
    for (a, b, c, want) in [
        (Some(0), Some(i64::MAX), None, vec![0.0, 1.0, 2.0, 3.0]),
        (Some(i64::MIN), Some(2), None, vec![0.0, 1.0]),
        (None, None, Some(i64::MAX), vec![0.0]),
        (None, None, Some(i64::MIN), vec![3.0]),
        (
            Some(i64::MAX),
            Some(i64::MIN),
            Some(-1),
            vec![3.0, 2.0, 1.0, 0.0],
        ),
    ] {
        let r = ems::index(&x, &[Index::Slice(a, b, c)]).unwrap();
        assert_eq!(r.to_vec::<f32>(), want, "{a:?}:{b:?}:{c:?}");
        let put = ems::index_put(&x, &[Index::Slice(a, b, c)], &Tensor::scalar(9.0f32)).unwrap();
        assert_eq!(put.numel(), 4);
    }
}

#[test]
fn assignment_through_masks_and_index_tensors() {
    let x = x234();
    let nine = Tensor::scalar(9.0f64);
    let m = ems::greater(&x, 20.0).unwrap();
    let put = ems::index_put(&x, &[Index::Tensor(m)], &nine).unwrap();
    let want: Vec<f64> = (0..24)
        .map(|v| if v > 20 { 9.0 } else { v as f64 })
        .collect();
    assert_eq!(put.to_vec::<f64>(), want);
    // x[0, :, [1, 3]] = values of the indexed shape [2, 3].
    let vals = Tensor::from_vec((0..6).map(|v| -(v as f64)).collect(), &[2, 3]).unwrap();
    let idx = [Index::Int(0), Index::full(), ints(&[1, 3], &[2])];
    let put = ems::index_put(&x, &idx, &vals).unwrap();
    assert_eq!(
        ems::index(&put, &idx).unwrap().to_vec::<f64>(),
        vals.to_vec::<f64>()
    );
    assert_eq!(put.to_vec::<f64>()[12..], x.to_vec::<f64>()[12..]);
    // A repeated position gets its value (the mean of equal values); Int32 and Bool work too.
    let v = Tensor::from_vec(vec![1i32, 2, 3], &[3]).unwrap();
    let put = ems::index_put(&v, &[ints(&[0, 0, 2], &[3])], &Tensor::scalar(7i32)).unwrap();
    assert_eq!(put.to_vec::<i32>(), [7, 2, 7]);
    let b = Tensor::from_vec(vec![false; 3], &[3]).unwrap();
    let put = ems::index_put(&b, &[ints(&[1], &[1])], &Tensor::scalar(true)).unwrap();
    assert_eq!(put.to_vec::<bool>(), [false, true, false]);
    // Out of range is the same error as reading.
    let e = ems::index_put(&v, &[ints(&[3], &[1])], &Tensor::scalar(0i32)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 3,
                size: 3,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn assignment_through_index_tensors_is_differentiable() {
    // f(w) = sum(y²) where y = x with y[[0, 2]] = w: df/dw = 2w; the overwritten x gets 0.
    let x = Tensor::from_vec(vec![1.0f64, 2.0, 3.0], &[3]).unwrap();
    let w = Tensor::from_vec(vec![5.0f64, 7.0], &[2]).unwrap();
    let idx = [ints(&[0, 2], &[2])];
    let dw = ems::grad(|w: &Tensor| {
        let y = ems::index_put(&x, &idx, w)?;
        ems::sum(&ems::mul(&y, &y)?, ems::Axes::All, false)
    })(&w)
    .unwrap();
    assert_eq!(dw.to_vec::<f64>(), [10.0, 14.0]);
    let dx = ems::grad(|x: &Tensor| {
        let y = ems::index_put(x, &idx, &w)?;
        ems::sum(&ems::mul(&y, &y)?, ems::Axes::All, false)
    })(&x)
    .unwrap();
    assert_eq!(dx.to_vec::<f64>(), [0.0, 4.0, 0.0]);
    // Reading through two index tensors is differentiable too.
    let m = x234();
    let g = ems::grad(|m: &Tensor| {
        let r = ems::index(
            m,
            &[ints(&[0, 1], &[2]), Index::Int(2), ints(&[3, 3], &[2])],
        )?;
        ems::sum(&r, ems::Axes::All, false)
    })(&m)
    .unwrap()
    .to_vec::<f64>();
    let hot: Vec<usize> = (0..24).filter(|&i| g[i] != 0.0).collect();
    assert_eq!(hot, [11, 23]);
}

#[test]
fn a_repeated_position_gets_its_last_value_exactly() {
    // NumPy's rule; a mean of equal Float32 values (3v / 3) was off by one ulp.
    let v = 85.506_546_f32;
    let x = ems::zeros(&[1], DType::Float32).unwrap();
    let put = ems::index_put(&x, &[ints(&[0, 0, 0], &[3])], &Tensor::scalar(v)).unwrap();
    assert_eq!(put.to_vec::<f32>(), [v]);
    let vals = Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &[3]).unwrap();
    let put = ems::index_put(&x, &[ints(&[0, 0, 0], &[3])], &vals).unwrap();
    assert_eq!(put.to_vec::<f32>(), [3.0]);
}

#[test]
fn an_empty_ellipsis_still_separates_advanced_indices() {
    // x[:, [0], ..., [0], :] on a 4-D x: the ellipsis stands for no axis, yet NumPy counts the
    // two index lists as separated and puts their axis first: shape [1, 2, 5].
    let x = ems::zeros(&[2, 3, 4, 5], DType::Float32).unwrap();
    let r = ems::index(
        &x,
        &[
            Index::full(),
            ints(&[0], &[1]),
            Index::Ellipsis,
            ints(&[0], &[1]),
            Index::full(),
        ],
    )
    .unwrap();
    assert_eq!(r.shape(), [1, 2, 5]);
    let r = ems::index(
        &x,
        &[
            Index::full(),
            ints(&[0], &[1]),
            ints(&[0], &[1]),
            Index::full(),
        ],
    )
    .unwrap();
    assert_eq!(r.shape(), [2, 1, 5]);
}
