//! Sizes, ranks and values at the limits (issue 15): at most `MAX_NDIM` dimensions wherever a
//! shape is built, integer scalars never wrapped into a narrower dtype, user-provided counts
//! through checked arithmetic (an error, never a panic or a wrapped value).

use easy_mindspore as ems;
use ems::layout::MAX_NDIM;
use ems::ops::prim as p;
use ems::{DType, Error, ErrorClass, Index, Scalar, Split, Tensor};

/// `e` is a value-class error of `op` saying the shape has `ndim` dimensions.
fn assert_too_many_dims(r: ems::Result<Tensor>, op: &str, ndim: usize) {
    let e = r.expect_err("more than MAX_NDIM dimensions");
    assert!(
        matches!(&e, Error::InvalidArgument { op: o, .. } if *o == op),
        "{op}: {e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("at most 64 dimensions") && msg.contains(&format!("has {ndim}")),
        "{msg}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
}

#[test]
fn max_ndim_is_numpys_limit() {
    assert_eq!(MAX_NDIM, 64);
}

#[test]
fn every_constructor_and_creation_op_stops_at_64_dims() {
    let d64 = [1usize; 64];
    let d65 = [1usize; 65];
    assert_eq!(ems::zeros(&d64, DType::Float32).unwrap().ndim(), 64);
    assert_too_many_dims(ems::zeros(&d65, DType::Float32), "full", 65);
    assert_too_many_dims(ems::ones(&[1; 30_000], DType::Int32), "full", 30_000);
    assert_too_many_dims(Tensor::from_vec(vec![1.0f32], &d65), "Tensor", 65);
    assert_too_many_dims(
        Tensor::from_ne_bytes(&[0u8; 4], DType::Float32, &d65),
        "Tensor",
        65,
    );
    assert_too_many_dims(ems::randn(&d65, DType::Float32), "randn", 65);
    assert_too_many_dims(ems::rand(&d65, DType::Float64), "rand", 65);
}

#[test]
fn every_op_that_adds_axes_stops_at_64_dims() {
    let t64 = ems::zeros(&[1; 64], DType::Float32).unwrap();
    let shape65: Vec<i64> = vec![1; 65];
    assert_too_many_dims(ems::reshape(&t64, &shape65), "Reshape", 65);
    assert_too_many_dims(ems::expand_dims(&t64, 0), "ExpandDims", 65);
    assert_too_many_dims(ems::stack(&[t64.clone(), t64.clone()], 0), "ExpandDims", 65);
    assert_too_many_dims(ems::broadcast_to(&t64, &[2; 65]), "broadcast_to", 65);
    assert_too_many_dims(ems::index(&t64, &[Index::NewAxis]), "Index", 65);
    let two = ems::ones(&[2], DType::Float32).unwrap();
    assert_too_many_dims(ems::index(&two, &vec![Index::NewAxis; 70]), "Index", 71);
    // The primitives check too, so no transform can build more (vmap adds its batch axis).
    assert_too_many_dims(
        p::reshape(&two, &[[2].as_slice(), &[1; 64]].concat()),
        "Reshape",
        65,
    );
    assert_too_many_dims(
        p::broadcast_in_dim(&two, &[2; 65], &[64]),
        "BroadcastInDim",
        65,
    );
    let idx = Tensor::from_vec(vec![0i64; 2], &[1, 2]).unwrap();
    let t63 = ems::zeros(&[1; 64], DType::Float32).unwrap();
    assert_too_many_dims(p::gather(&t63, &idx, 0), "Gather", 65);
    let batch = ems::zeros(&[[2].as_slice(), &[1; 63]].concat(), DType::Float32).unwrap();
    let r = ems::vmap(|v: &Tensor| ems::expand_dims(v, 0), 0, 0)(&batch);
    assert_too_many_dims(r, "Reshape", 65);
}

#[test]
fn integer_scalars_never_wrap_into_int32() {
    let x = Tensor::from_vec(vec![1i32, -5], &[2]).unwrap();
    let big = 1i64 << 40;
    for (op, r) in [
        ("Add", ems::add(&x, big)),
        ("Mul", ems::mul(big, &x)),
        ("Where", ems::where_(true, &x, big)),
        ("full", ems::full(&[2], big, DType::Int32)),
    ] {
        let e = r.expect_err(op);
        assert_eq!(
            e.to_string(),
            format!("For '{op}', the integer 1099511627776 is out of bounds for Int32")
        );
        assert_eq!(e.class(), ErrorClass::Value);
    }
    // In range, or into a wider dtype, it is a value like any other.
    assert_eq!(
        ems::add(&x, i64::from(i32::MAX) - 1)
            .unwrap()
            .to_vec::<i32>(),
        [i32::MAX, i32::MAX - 6]
    );
    let f = ems::add(&x, ems::cast(&x, DType::Float32).unwrap()).unwrap();
    assert_eq!(ems::add(&f, big).unwrap().dtype(), DType::Float32);
    // Comparisons are exact: they compare in Int64.
    assert_eq!(
        ems::equal(&x, big).unwrap().to_vec::<bool>(),
        [false, false]
    );
    assert_eq!(ems::less(&x, big).unwrap().to_vec::<bool>(), [true, true]);
    assert_eq!(
        ems::greater(&x, -big).unwrap().to_vec::<bool>(),
        [true, true]
    );
    assert!(ems::tensor::check_scalar_fits("t", Scalar::Int(big), DType::Int64).is_ok());
}

#[test]
fn ranges_are_counted_exactly_and_must_fit_their_dtype() {
    let i = |v: i64| Scalar::Int(v);
    let e = ems::arange_dtype(i(0), i(1 << 40), i(1 << 39), DType::Int32).unwrap_err();
    assert!(e.to_string().contains("out of bounds for Int32"), "{e}");
    // Spans past i64 and counts past usize are errors, not overflows.
    let r = ems::arange_dtype(i(i64::MIN), i(i64::MAX), i(1), DType::Int64);
    assert!(
        matches!(r, Err(Error::InvalidArgument { op: "arange", .. })),
        "{r:?}"
    );
    let r = ems::arange_dtype(
        Scalar::Float(-1e308),
        Scalar::Float(1e308),
        Scalar::Float(1e-308),
        DType::Float32,
    );
    assert!(
        matches!(&r, Err(Error::InvalidArgument { op: "arange", msg }) if msg.contains("too many elements")),
        "{r:?}"
    );
    let big = ems::arange_dtype(i(i64::MAX - 3), i(i64::MAX), i(2), DType::Int64).unwrap();
    assert_eq!(big.to_vec::<i64>(), [i64::MAX - 3, i64::MAX - 1]);
    let down = ems::arange_dtype(i(i64::MIN + 2), i(i64::MIN), i(-1), DType::Int64).unwrap();
    assert_eq!(down.to_vec::<i64>(), [i64::MIN + 2, i64::MIN + 1]);
}

#[test]
fn shapes_past_the_address_space_are_value_errors() {
    // A byte count past isize::MAX is refused before any allocation.
    for (op, r) in [
        ("full", ems::zeros(&[1 << 62], DType::Float32)),
        ("eye", ems::eye(1 << 31, None, DType::Float64)),
        ("linspace", ems::linspace(0.0, 1.0, 1 << 62)),
        ("randn", ems::randn(&[1 << 40, 1 << 40], DType::Float32)),
    ] {
        let e = r.expect_err(op);
        assert!(
            matches!(&e, Error::InvalidArgument { op: o, msg } if *o == op && msg.contains("too large")),
            "{e:?}"
        );
        assert_eq!(e.class(), ErrorClass::Value);
    }
}

fn part_lens(parts: &[Tensor]) -> Vec<usize> {
    parts.iter().map(|t| t.numel()).collect()
}

#[test]
fn split_counts_are_checked_not_allocated() {
    let empty = ems::zeros(&[0], DType::Float32).unwrap();
    let six = ems::arange_to(6).unwrap();
    // Sections: equal parts; an empty axis is one empty part, more is an error (not 2^62 parts).
    let e = ems::split(&empty, Split::Sections(1 << 62), 0).unwrap_err();
    assert!(
        e.to_string()
            .contains("cannot be split into 4611686018427387904"),
        "{e}"
    );
    assert_eq!(
        part_lens(&ems::split(&empty, Split::Sections(1), 0).unwrap()),
        [0]
    );
    assert!(ems::split(&six, Split::Sections(4), 0).is_err());
    // Size (MindSpore's `ops.split(x, int)`): parts of that size, the last shorter.
    assert_eq!(
        part_lens(&ems::split(&empty, Split::Size(1 << 62), 0).unwrap()),
        [0]
    );
    assert_eq!(
        part_lens(&ems::split(&six, Split::Size(4), 0).unwrap()),
        [4, 2]
    );
    assert_eq!(
        part_lens(&ems::split(&six, Split::Size(usize::MAX), 0).unwrap()),
        [6]
    );
    assert!(ems::split(&six, Split::Size(0), 0).is_err());
    // Sizes: must add up to the axis, without overflowing.
    assert_eq!(
        part_lens(&ems::split(&six, Split::Sizes(vec![1, 5]), 0).unwrap()),
        [1, 5]
    );
    for bad in [vec![1, 2], vec![usize::MAX, 7], vec![]] {
        let e = ems::split(&six, Split::Sizes(bad.clone()), 0).unwrap_err();
        assert!(e.to_string().contains("must add up"), "{bad:?}: {e}");
    }
}

#[test]
fn split_indices_must_not_decrease() {
    let six = ems::arange_to(6).unwrap();
    let e = ems::split(&six, Split::Indices(vec![4, 2]), 0).unwrap_err();
    assert!(
        matches!(&e, Error::InvalidArgument { op: "Split", msg } if msg.contains("[4, 2] must not decrease")),
        "{e:?}"
    );
    let lens = |idx: Vec<i64>| part_lens(&ems::split(&six, Split::Indices(idx), 0).unwrap());
    assert_eq!(lens(vec![2, 2]), [2, 0, 4]);
    assert_eq!(lens(vec![-2]), [4, 2]);
    assert_eq!(lens(vec![i64::MAX]), [6, 0]);
    assert_eq!(lens(vec![i64::MIN, 3]), [0, 3, 3]);
    assert!(ems::split(&six, Split::Indices(vec![i64::MAX, i64::MIN]), 0).is_err());
}
