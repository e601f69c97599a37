//! Specific mistakes give specific errors: the variant, the op named, the message and the Python
//! exception class.

use crate::strategies::Binary;
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::prim::BinaryOp;
use ems::{DType, Error, ErrorClass, Index, Prim, Split, Tensor};

fn ones(shape: &[usize]) -> Tensor {
    ems::ones(shape, DType::Float32).unwrap()
}

fn iota(n: usize) -> Tensor {
    ems::arange_dtype(0.into(), (n as i64).into(), 1.into(), DType::Float32).unwrap()
}

#[test]
fn add_of_unbroadcastable_shapes_names_add_and_both_shapes() {
    let e = (ones(&[2, 3]) + ones(&[4, 5])).unwrap_err();
    match &e {
        Error::ShapeMismatch { op, lhs, rhs } => {
            assert_eq!(*op, "Add");
            assert_eq!(lhs, &vec![2, 3]);
            assert_eq!(rhs, &vec![4, 5]);
        }
        other => panic!("expected ShapeMismatch, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(
        msg.contains("Add") && msg.contains("[2, 3]") && msg.contains("[4, 5]"),
        "{msg}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    // Every binary op names itself.
    let cases: [(&str, Binary); 6] = [
        ("Sub", |x, y| x - y),
        ("Mul", |x, y| x * y),
        ("Div", |x, y| x / y),
        ("Maximum", |x, y| ems::maximum(x, y)),
        ("Less", |x, y| ems::less(x, y)),
        ("Mod", |x, y| x % y),
    ];
    for (name, f) in cases {
        match f(&ones(&[2, 3]), &ones(&[4, 5])) {
            Err(Error::ShapeMismatch { op, .. }) => assert_eq!(op, name),
            other => panic!("{name}: expected ShapeMismatch, got {other:?}"),
        }
    }
}

#[test]
fn matmul_of_misaligned_matrices_is_a_runtime_error() {
    let e = ems::matmul(&ones(&[2, 3]), &ones(&[4, 5])).unwrap_err();
    assert!(
        matches!(&e, Error::MatMulMismatch { op: "MatMul", lhs, rhs } if lhs == &[2, 3] && rhs == &[4, 5]),
        "{e:?}"
    );
    assert!(e.to_string().contains("[2, 3]") && e.to_string().contains("[4, 5]"));
    assert_eq!(e.class(), ErrorClass::Runtime);
    // 0-D operands and unbroadcastable batches are matmul mismatches too.
    assert!(matches!(
        ems::matmul(&Tensor::scalar(1.0f32), &ones(&[2, 2])),
        Err(Error::MatMulMismatch { .. })
    ));
    assert!(matches!(
        ems::matmul(&ones(&[2, 2, 3]), &ones(&[3, 3, 4])),
        Err(Error::MatMulMismatch { .. })
    ));
}

#[test]
fn dot_of_vectors_of_different_lengths_is_not_aligned() {
    let e = ems::dot(&iota(3), &iota(4)).unwrap_err();
    assert!(e.to_string().contains("not aligned"), "{e}");
    assert!(
        matches!(e, Error::InvalidArgument { op: "dot", .. }),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    let e = ems::dot(&ones(&[2, 3]), &ones(&[4, 5])).unwrap_err();
    assert!(e.to_string().contains("not aligned"), "{e}");
}

#[test]
fn dot_of_int32_and_float32_is_a_type_error() {
    let i = ems::arange(0, 3, 1).unwrap();
    assert_eq!(i.dtype(), DType::Int32);
    let e = ems::dot(&i, &iota(3)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::DTypeMismatch {
                lhs: DType::Int32,
                rhs: DType::Float32,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("Int32") && e.to_string().contains("Float32"));
    assert_eq!(e.class(), ErrorClass::Type);
}

#[test]
fn reshape_to_a_different_size_is_invalid() {
    let e = ems::reshape(&iota(4), &[3, 2]).unwrap_err();
    match &e {
        Error::InvalidReshape { from, to, size } => {
            assert_eq!(from, &vec![4]);
            assert_eq!(to, &vec![3, 2]);
            assert_eq!(*size, 4);
        }
        other => panic!("expected InvalidReshape, got {other:?}"),
    }
    assert!(e.to_string().contains("Reshape"), "{e}");
    assert_eq!(e.class(), ErrorClass::Value);
    for bad in [
        &[-1i64, -1][..],
        &[-2, 2],
        &[0, -1],
        &[i64::MAX, 2],
        &[1 << 32, 1 << 32],
    ] {
        assert!(
            matches!(
                ems::reshape(&iota(4), bad),
                Err(Error::InvalidReshape { .. })
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn index_past_the_end_is_an_index_error_with_numpys_message() {
    let e = ems::index(&iota(4), &[Index::Int(10)]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 10,
                size: 4,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "index 10 is out of bounds for dimension with size 4"
    );
    assert_eq!(e.class(), ErrorClass::Index);
    let e = ems::index(&iota(4), &[Index::Int(-5)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "index -5 is out of bounds for dimension with size 4"
    );
    // Tensor indices are checked against the axis too.
    let idx = Tensor::from_vec(vec![0i64, 7], &[2]).unwrap();
    let e = ems::index(&iota(4), &[Index::Tensor(idx)]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 7,
                size: 4,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn too_many_indices_is_an_index_error() {
    let e = ems::index(&iota(4), &[Index::Int(1), Index::Int(2)]).unwrap_err();
    assert!(
        matches!(e, Error::TooManyIndices { ndim: 1, got: 2 }),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Index);
}

/// MindSpore's own text, missing space included (reference §7).
#[test]
fn too_many_indices_message_reads_like_mindspore() {
    let e = ems::index(&iota(4), &[Index::Int(1), Index::Int(2)]).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("too many indices for tensor of dimension1"),
        "{e}"
    );
}

#[test]
fn sum_over_a_missing_axis_is_out_of_range() {
    let e = ems::sum(&iota(4), 3i64, false).unwrap_err();
    match &e {
        Error::AxisOutOfRange {
            op,
            axis,
            lo,
            hi,
            shape,
        } => {
            assert_eq!(*op, "ReduceSum");
            assert_eq!((*axis, *lo, *hi), (3, -1, 1));
            assert_eq!(shape, &vec![4]);
        }
        other => panic!("expected AxisOutOfRange, got {other:?}"),
    }
    assert!(
        e.to_string().contains("ReduceSum") && e.to_string().contains('3'),
        "{e}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    for (name, r) in [
        ("ArgMax", ems::argmax(&iota(4), Some(-2), false)),
        ("CumSum", ems::cumsum(&iota(4), 1)),
        ("ReduceMax", ems::max(&iota(4), 5i64, false)),
        ("ExpandDims", ems::expand_dims(&iota(4), 3)),
        ("Stack", ems::stack(&[iota(4), iota(4)], -3)),
    ] {
        match r {
            Err(Error::AxisOutOfRange { op, .. }) => assert_eq!(op, name),
            other => panic!("{name}: expected AxisOutOfRange, got {other:?}"),
        }
    }
}

#[test]
fn bool_of_two_elements_is_ambiguous() {
    let e = iota(2).to_bool().unwrap_err();
    assert!(matches!(e, Error::NotOneElement { numel: 2 }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "The tensor should have only one element, but got 2, more than one element is ambiguous."
    );
    assert_eq!(e.class(), ErrorClass::Value);
    assert!(iota(1).to_bool().is_ok());
    assert!(matches!(
        iota(3).item(),
        Err(Error::NotOneElement { numel: 3 })
    ));
}

#[test]
fn dtype_errors_are_type_errors() {
    let b = ems::ones(&[2], DType::Bool).unwrap();
    let e = ems::neg(&b).unwrap_err();
    assert!(
        matches!(
            e,
            Error::UnsupportedDType {
                op: "Neg",
                dtype: DType::Bool,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Type);
    let e = ems::randn(&[2], DType::Int32).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "randn", .. }),
        "{e:?}"
    );
    let i = ems::ones(&[2], DType::Int64).unwrap();
    let e = p::exp(&i).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "Exp", .. }),
        "{e:?}"
    );
    let f = Tensor::from_vec(vec![0.0f32, 1.0], &[2]).unwrap();
    let e = ems::index(&iota(4), &[Index::Tensor(f)]).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "Index", .. }),
        "{e:?}"
    );
    let e = p::add(&i, &iota(2)).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { op: "Add", .. }), "{e:?}");
}

#[test]
fn strict_primitives_reject_what_friendly_ops_would_fix() {
    // Strict binary primitives do not broadcast.
    let e = p::add(&ones(&[2, 1]), &ones(&[2, 3])).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { op: "Add", .. }), "{e:?}");
    // Wrong arity through bind.
    let e = ems::bind(Prim::Binary(BinaryOp::Add), &[&ones(&[2])]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { op: "Add", .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("expected 2 operands, got 1"), "{e}");
    // Unsorted reduction axes.
    let e = p::reduce_sum(&ones(&[2, 3]), &[1, 0]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidArgument {
                op: "ReduceSum",
                ..
            }
        ),
        "{e:?}"
    );
    // Slice limits past the end.
    let e = p::slice(&ones(&[4]), &[0], &[5], &[1]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { op: "Slice", .. }),
        "{e:?}"
    );
    // Gather positions are checked against the data.
    let idx = Tensor::from_vec(vec![3i32], &[1]).unwrap();
    let e = p::gather(&ones(&[3]), &idx, 0).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                op: "Gather",
                index: 3,
                size: 3
            }
        ),
        "{e:?}"
    );
    let e = p::scatter_add(&ones(&[3]), &idx, &ones(&[1]), 0).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                op: "ScatterAdd",
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn oversized_shapes_are_errors_not_panics() {
    let huge = [usize::MAX, 2];
    assert!(ems::zeros(&huge, DType::Float32).is_err());
    assert!(ems::zeros(&[0, usize::MAX, 3], DType::Float32).is_err());
    assert!(ems::eye(usize::MAX, Some(2), DType::Float32).is_err());
    assert!(ems::linspace(0.0, 1.0, usize::MAX).is_err());
    assert!(Tensor::from_vec(Vec::<f32>::new(), &[usize::MAX, 3, 0]).is_err());
    let x = Tensor::scalar(1.0f32);
    assert!(p::broadcast_in_dim(&x, &[1 << 40, 1 << 40], &[]).is_err());
    assert!(p::pad(&ones(&[2]), &[usize::MAX], &[1], &[0]).is_err());
    assert!(p::reshape(&ones(&[4]), &[1 << 32, 1 << 32, 4]).is_err());
}

#[test]
fn swapaxes_and_split_of_a_0d_tensor_do_not_panic() {
    let x = Tensor::scalar(1.5f64);
    assert_eq!(
        ems::swapaxes(&x, 0, -1).unwrap().shape(),
        Vec::<usize>::new()
    );
    assert!(ems::split(&x, Split::Sections(1), 0).is_err());
}
