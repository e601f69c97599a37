//! Integer edge cases: Int64 values beyond 2^53 through every Int64 path, and the minimum integer
//! in `min` and `argmin`.

use crate::helpers::{make, INTS};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, DType, Index, Tensor};

#[test]
fn int64_values_above_2_pow_53_survive_int64_paths() {
    let big = [
        (1i64 << 53) + 1,
        (1 << 62) + 3,
        -(1 << 60) - 7,
        i64::MAX - 1,
        i64::MIN + 1,
        (1 << 53) + 3,
    ];
    let x = Tensor::from_vec(big.to_vec(), &[2, 3]).unwrap();
    let v = big.to_vec();
    let same = |t: ems::Result<Tensor>, what: &str| {
        let t = t.unwrap();
        assert_eq!(t.dtype(), DType::Int64, "{what}");
        assert_eq!(t.to_vec::<i64>(), v, "{what}");
    };
    same(&x + 0, "x + 0");
    same(&x * 1, "x * 1");
    same((&x + 1).and_then(|y| y - 1), "x + 1 - 1");
    same(ems::neg(&x).and_then(ems::neg), "--x");
    same(ems::floor_divide(&x, 1), "x // 1");
    same(ems::maximum(&x, &x), "maximum");
    same(ems::minimum(&x, i64::MAX), "minimum with MAX");
    same(ems::cast(&x, DType::Int64), "cast Int64 -> Int64");
    same(x.astype(DType::Int64), "astype");
    same(ems::where_(true, &x, 0), "where");
    same(
        ems::reshape(&x, &[3, 2]).and_then(|y| ems::reshape(&y, &[2, 3])),
        "reshape",
    );
    same(x.T().and_then(|y| y.T()), "transpose twice");
    let t = x.T().and_then(|y| ems::reshape(&y, &[6])).unwrap();
    let vt: Vec<i64> = (0..6).map(|k| v[(k % 2) * 3 + k / 2]).collect();
    assert_eq!(t.to_vec::<i64>(), vt, "reshape of a transposed view");
    same(
        ems::flip(&x, &[0, 1]).and_then(|y| ems::flip(&y, &[1, 0])),
        "flip twice",
    );
    same(ems::index(&x, &[Index::full(), Index::full()]), "index");
    same(ems::concat(std::slice::from_ref(&x), 0), "concat of one");
    same(
        ems::stack(std::slice::from_ref(&x), 0).and_then(|y| y.squeeze()),
        "stack",
    );
    same(
        ems::index_put(
            &x,
            &[Index::Int(0)],
            &ems::index(&x, &[Index::Int(0)]).unwrap(),
        ),
        "index_put",
    );
    let idx = Tensor::from_vec(vec![0i64, 1], &[2]).unwrap();
    same(p::gather(&x, &idx, 0), "gather");
    same(
        ems::full(&[2, 3], 0, DType::Int64).and_then(|z| z + &x),
        "zeros + x",
    );
    // Values built from Int64 scalars.
    let f = ems::full(&[2], (1i64 << 53) + 1, DType::Int64).unwrap();
    assert_eq!(f.to_vec::<i64>(), vec![(1 << 53) + 1; 2], "full");
    let a = ems::arange_dtype(
        ((1i64 << 53) + 1).into(),
        ((1i64 << 53) + 4).into(),
        1.into(),
        DType::Int64,
    )
    .unwrap();
    assert_eq!(
        a.to_vec::<i64>(),
        vec![(1 << 53) + 1, (1 << 53) + 2, (1 << 53) + 3],
        "arange"
    );
    // Reductions in Int64.
    let col = Tensor::from_vec(vec![(1i64 << 53) + 1, 2, -(1 << 60) - 7], &[3]).unwrap();
    assert_eq!(
        ems::sum(&col, 0i64, false).unwrap().to_vec::<i64>(),
        vec![(1 << 53) + 3 - (1 << 60) - 7]
    );
    assert_eq!(
        ems::cumsum(&col, 0).unwrap().to_vec::<i64>(),
        vec![(1 << 53) + 1, (1 << 53) + 3, (1 << 53) + 3 - (1 << 60) - 7]
    );
    assert_eq!(
        ems::max(&x, Axes::All, false).unwrap().to_vec::<i64>(),
        vec![i64::MAX - 1]
    );
    assert_eq!(
        ems::min(&x, Axes::All, false).unwrap().to_vec::<i64>(),
        vec![i64::MIN + 1]
    );
    assert_eq!(
        ems::argmax(&x, None, false).unwrap().to_vec::<i64>(),
        vec![3]
    );
    let near = Tensor::from_vec(vec![(1i64 << 53) + 1, (1 << 53) + 2, 1 << 53], &[3]).unwrap();
    assert_eq!(
        ems::argmax(&near, Some(0), false).unwrap().to_vec::<i64>(),
        vec![1]
    );
    assert_eq!(
        ems::argmin(&near, Some(0), false).unwrap().to_vec::<i64>(),
        vec![2]
    );
    let eye = Tensor::from_vec(vec![1i64, 0, 0, 1], &[2, 2]).unwrap();
    let two = ems::index(&x, &[Index::full(), Index::range(0, 2)]).unwrap();
    assert_eq!(
        ems::matmul(&two, &eye).unwrap().to_vec::<i64>(),
        two.to_vec::<i64>(),
        "matmul by the identity"
    );
}

#[test]
fn min_and_argmin_of_integers_handle_the_minimum_value() {
    for d in INTS {
        let lo = if d == DType::Int32 {
            f64::from(i32::MIN)
        } else {
            i64::MIN as f64
        };
        let x = make(&[0.0, lo, 5.0, lo], &[4], d);
        assert_eq!(
            ems::min(&x, Axes::All, false).unwrap().to_vec::<f64>(),
            vec![lo],
            "{d:?}"
        );
        assert_eq!(
            ems::argmin(&x, None, false).unwrap().to_vec::<i64>(),
            vec![1],
            "{d:?}"
        );
        let hi = make(&[0.0, 7.0, -lo - 1.0], &[3], d);
        assert_eq!(
            ems::argmin(&hi, Some(0), false).unwrap().to_vec::<i64>(),
            vec![0],
            "{d:?}"
        );
    }
}
