//! Properties: reshape targets, index expressions and creation parameters never panic.

use crate::harness::{check, checked_build};
use crate::strategies::{cfg, dtype, ispec, range_value, shape, to_index, tspec, value};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, Index, Tensor};
use proptest::prelude::*;

proptest! {
    #![proptest_config(cfg(192))]

    /// Reshape targets with -1s, negatives, zeros and overflowing products.
    #[test]
    fn reshape_never_panics(
        sx in tspec(),
        target in prop::collection::vec(
            prop_oneof![
                8 => -2i64..6,
                1 => prop::sample::select(vec![i64::MIN, i64::MAX, 1 << 32, 1 << 62, -1]),
            ],
            0..5,
        ),
    ) {
        let x = checked_build(&sx)?;
        let w = format!("({sx:?}, {target:?})");
        check(&format!("reshape{w}"), || ems::reshape(&x, &target))?;
        check(&format!("Tensor::reshape{w}"), || x.reshape(&target))?;
        let as_usize: Vec<usize> = target.iter().map(|&d| d as usize).collect();
        check(&format!("prim::reshape{w}"), || p::reshape(&x, &as_usize))?;
        // Reshape of the result (a view or a copy) again, back to the input's shape.
        if let Some(y) = check(&format!("reshape{w}"), || ems::reshape(&x, &target))? {
            let back: Vec<i64> = x.dims().iter().map(|&d| d as i64).collect();
            check(&format!("reshape back{w}"), || ems::reshape(&y, &back))?;
        }
    }

    /// Random index expressions (ints, slices with any bounds and steps, new axes, ellipses,
    /// integer-tensor indices of any dtype), then reads and writes through them.
    #[test]
    fn index_never_panics(
        sx in tspec(),
        idx in prop::collection::vec(ispec(), 0..5),
        sv in tspec(),
    ) {
        let x = checked_build(&sx)?;
        let v = checked_build(&sv)?;
        let index: Vec<Index> = idx.iter().map(to_index).collect();
        let w = format!("({sx:?}, {idx:?})");
        if let Some(y) = check(&format!("index{w}"), || ems::index(&x, &index))? {
            // The view feeds further kernels (reductions read its layout directly).
            check(&format!("sum(index){w}"), || ems::sum(&y, Axes::All, false))?;
            check(&format!("index + 1{w}"), || &y + 1)?;
            check(&format!("reshape(index, -1){w}"), || ems::reshape(&y, &[-1]))?;
            check(&format!("cumsum(index){w}"), || ems::cumsum(&y, 0))?;
            check(&format!("index_put(x, idx, x[idx]){w}"), || ems::index_put(&x, &index, &y))?;
        }
        check(&format!("Tensor::index{w}"), || x.index(&index))?;
        check(&format!("index_put{w} value {sv:?}"), || ems::index_put(&x, &index, &v))?;
    }

    /// Creation with random shapes, dtypes and bounds (NaN, infinities, zero steps).
    #[test]
    fn creation_never_panics(
        shape in prop_oneof![
            9 => shape(),
            1 => prop::sample::select(vec![
                vec![usize::MAX, 2],
                vec![1 << 33, 1 << 33],
                vec![0, usize::MAX, 3],
                vec![usize::MAX, 3, 0],
                vec![usize::MAX],
            ]),
        ],
        d in dtype(),
        v in value(),
        start in range_value(),
        stop in range_value(),
        stp in range_value(),
        n in prop_oneof![0usize..6, Just(usize::MAX)],
        m in prop::option::of(prop_oneof![0usize..6, Just(usize::MAX)]),
        ints in (-5i64..5, -5i64..5, -3i64..3),
    ) {
        let w = format!("({shape:?}, {d:?}, {v})");
        check(&format!("zeros{w}"), || ems::zeros(&shape, d))?;
        check(&format!("ones{w}"), || ems::ones(&shape, d))?;
        check(&format!("full{w}"), || ems::full(&shape, v, d))?;
        check(&format!("full int{w}"), || ems::full(&shape, i64::MAX, d))?;
        check(&format!("full bool{w}"), || ems::full(&shape, true, d))?;
        check(&format!("randn{w}"), || ems::randn(&shape, d))?;
        check(&format!("rand{w}"), || ems::rand(&shape, d))?;
        check(&format!("normal{w}"), || ems::normal(start, stop, &shape))?;
        check(&format!("eye({n}, {m:?}, {d:?})"), || ems::eye(n, m, d))?;
        check(&format!("linspace({start}, {stop}, {n})"), || ems::linspace(start, stop, n))?;
        let r = format!("({start}, {stop}, {stp}, {d:?})");
        check(&format!("arange_dtype{r}"), || {
            ems::arange_dtype(start.into(), stop.into(), stp.into(), d)
        })?;
        check(&format!("arange{r}"), || ems::arange(start, stop, stp))?;
        check(&format!("arange ints {ints:?}"), || ems::arange(ints.0, ints.1, ints.2))?;
        check(&format!("arange_dtype ints {ints:?} {d:?}"), || {
            ems::arange_dtype(ints.0.into(), ints.1.into(), ints.2.into(), d)
        })?;
        check(&format!("arange_to({stop})"), || ems::arange_to(stop))?;
        check(&format!("from_vec 3 values{w}"), || Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &shape))?;
        check(&format!("from_vec no values{w}"), || Tensor::from_vec(Vec::<i64>::new(), &shape))?;
        check("Tensor::new ragged", || Tensor::new(vec![vec![1i32, 2], vec![3]]))?;
        check(&format!("broadcast_to scalar{w}"), || ems::broadcast_to(&Tensor::scalar(1.0f32), &shape))?;
    }
}
