//! Requests for more memory than the machine has are errors (`Error::OutOfMemory`, Python's
//! `MemoryError`), never an abort of the process: a creation op asking for 256 GiB, a reduction
//! whose output is 2^40 elements although its input has none, an elementwise op on a broadcast
//! view of 2^40 elements, a matmul of an enormous batch of empty matrices.

use easy_mindspore as ems;
use ems::{DType, Error, ErrorClass, Tensor};

/// The op an out-of-memory error names, and its size in bytes.
fn oom(r: ems::Result<Tensor>) -> (&'static str, u128) {
    match r {
        Err(e @ Error::OutOfMemory { .. }) => {
            assert_eq!(e.class(), ErrorClass::Memory);
            let msg = e.to_string();
            assert!(msg.contains("out of memory"), "{msg}");
            match e {
                Error::OutOfMemory { op, bytes } => (op, bytes),
                _ => unreachable!(),
            }
        }
        other => panic!("expected OutOfMemory, got {other:?}"),
    }
}

#[test]
fn zeros_of_256_gib_is_an_out_of_memory_error() {
    let (op, bytes) = oom(ems::zeros(&[1 << 36], DType::Float32));
    assert_eq!((op, bytes), ("full", 1 << 38));
    let e = ems::zeros(&[1 << 36], DType::Float32).unwrap_err();
    assert!(e.to_string().contains("256.0 GiB"), "{e}");
    // Any fill value, any dtype; the process is still fine afterwards.
    assert_eq!(oom(ems::ones(&[1 << 20, 1 << 20], DType::Int64)).0, "full");
    assert_eq!(oom(ems::full(&[1 << 35], 2.5, DType::Float64)).0, "full");
    assert_eq!(
        ems::zeros(&[3], DType::Float32).unwrap().to_vec::<f32>(),
        [0.0; 3]
    );
}

#[test]
fn a_sum_over_an_empty_axis_with_a_huge_output_is_an_out_of_memory_error() {
    for d in [DType::Float32, DType::Float64, DType::Int32] {
        let x = ems::zeros(&[0, 1 << 40], d).unwrap();
        let (op, bytes) = oom(x.sum_axis(0, false));
        assert_eq!(op, "ReduceSum");
        // Integers sum as Int64.
        let width = if d == DType::Float32 { 4 } else { 8 };
        assert_eq!(bytes, width << 40, "{d:?}");
    }
    // The same reduction of a modest size still gives its zeros.
    let x = ems::zeros(&[0, 5], DType::Float32).unwrap();
    assert_eq!(x.sum_axis(0, false).unwrap().to_vec::<f32>(), [0.0; 5]);
}

#[test]
fn kernels_on_huge_broadcast_views_are_out_of_memory_errors() {
    let one = ems::ones(&[1], DType::Float32).unwrap();
    let big = ems::broadcast_to(&one, &[1 << 40]).unwrap();
    assert_eq!(oom(&big + 1.0).0, "Add");
    assert_eq!(oom(ems::exp(&big)).0, "Exp");
    assert_eq!(oom(big.astype(DType::Float64)).0, "Cast");
    assert_eq!(oom(ems::less(&big, 0.5)).0, "Compare");
    assert!(matches!(
        big.try_to_vec::<f32>(),
        Err(Error::OutOfMemory { .. })
    ));
    // A matmul of 2^40 empty matrices: nothing to compute, and nothing allocated per matrix.
    let a = ems::broadcast_to(
        &ems::zeros(&[1, 0, 3], DType::Float64).unwrap(),
        &[1 << 40, 0, 3],
    );
    let b = ems::broadcast_to(
        &ems::zeros(&[1, 3, 0], DType::Float64).unwrap(),
        &[1 << 40, 3, 0],
    );
    let r = ems::matmul(&a.unwrap(), &b.unwrap()).unwrap();
    assert_eq!((r.shape(), r.numel()), (vec![1 << 40, 0, 0], 0));
    // 2^40 products of 1 × 1 matrices: 2^40 outputs.
    let a = ems::broadcast_to(
        &ems::ones(&[1, 1, 1], DType::Float32).unwrap(),
        &[1 << 40, 1, 1],
    );
    let r = ems::matmul(a.as_ref().unwrap(), a.as_ref().unwrap());
    assert_eq!(oom(r).0, "MatMul");
}
