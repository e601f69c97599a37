//! Storage over host memory the engine did not allocate (`Storage::from_host_memory`, what NumPy's
//! `from_numpy` and DLPack imports use): kernels read it in place, views over it are strided
//! tensors, its owner lives exactly as long as the last storage over it, and memory that is
//! misaligned, read-only or holds bad Bool bytes is refused or kept read-only.

use easy_mindspore as ems;
use ems::device::Storage;
use ems::{DType, Tensor};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Owns a vector of `T` in place and records its own drop.
struct Owner<T> {
    data: Mutex<Vec<T>>,
    dropped: Arc<AtomicBool>,
}

impl<T> Drop for Owner<T> {
    fn drop(&mut self) {
        self.dropped.store(true, Ordering::SeqCst);
    }
}

/// A foreign storage over `v` and the flag its owner sets when dropped.
fn foreign<T: Send + 'static>(
    v: Vec<T>,
    dtype: DType,
    writable: bool,
) -> (Option<Storage>, *mut u8, Arc<AtomicBool>) {
    let dropped = Arc::new(AtomicBool::new(false));
    let len = v.len();
    let owner = Arc::new(Owner {
        data: Mutex::new(v),
        dropped: dropped.clone(),
    });
    let ptr = owner
        .data
        .lock()
        .expect("not poisoned")
        .as_mut_ptr()
        .cast::<u8>();
    // SAFETY: the owner keeps the vector alive and never resizes it.
    let s = unsafe { Storage::from_host_memory(ptr, dtype, len, writable, owner) };
    (s, ptr, dropped)
}

#[test]
fn kernels_read_foreign_memory_in_place() -> ems::Result<()> {
    let (s, ptr, dropped) = foreign(vec![1.0f32, 2.0, 3.0, 4.0, 5.0, 6.0], DType::Float32, true);
    let s = s.expect("aligned f32");
    assert_eq!(s.host_ptr(), Some(ptr));
    assert_eq!(s.holders(), 1);
    let t = Tensor::from_storage_strided("test", s.clone(), &[2, 3], &[3, 1], 0)?;
    assert_eq!(s.holders(), 2);
    // y = x + x: the kernel reads the borrowed elements.
    let y = ems::add(&t, &t)?;
    assert_eq!(y.to_vec::<f32>(), vec![2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
    // The transpose as a strided view of the same memory: [[1, 4], [2, 5], [3, 6]].
    let tt = Tensor::from_storage_strided("test", s.clone(), &[3, 2], &[1, 3], 0)?;
    assert_eq!(tt.to_vec::<f32>(), vec![1.0, 4.0, 2.0, 5.0, 3.0, 6.0]);
    assert_eq!(
        ems::sum(&tt, None::<i64>, false)?.to_vec::<f32>(),
        vec![21.0]
    );
    // The result owns its memory; the owner goes with the last storage over it, never the pool.
    drop((s, t, tt));
    assert!(dropped.load(Ordering::SeqCst));
    assert_eq!(y.to_vec::<f32>()[0], 2.0);
    Ok(())
}

#[test]
fn a_large_foreign_buffer_is_never_pooled() -> ems::Result<()> {
    // 4 MiB, well above the pool's minimum: dropping it must free the owner, not park the memory.
    let n = 1 << 20;
    let (s, _, dropped) = foreign(vec![0.5f32; n], DType::Float32, true);
    let t = Tensor::from_storage_strided("test", s.expect("aligned"), &[n], &[1], 0)?;
    let y = ems::mul(&t, 2.0)?;
    drop(t);
    assert!(dropped.load(Ordering::SeqCst));
    // A new output of the same size does not reuse the foreign memory.
    let z = ems::mul(&y, 2.0)?;
    assert!(z.to_vec::<f32>().iter().all(|&v| v == 2.0));
    Ok(())
}

#[test]
fn read_only_memory_gives_no_pointer() {
    let (s, _, _) = foreign(vec![1i64, 2], DType::Int64, false);
    let s = s.expect("aligned i64");
    assert_eq!(s.host_ptr(), None);
    assert_eq!(s.host_slice::<i64>(), Some(&[1i64, 2][..]));
    // An owned storage hands out its vector's address.
    let own = Storage::from_vec(vec![1i64, 2]);
    assert_eq!(
        own.host_ptr().map(|p| p.cast_const()),
        own.host_slice::<i64>().map(|s| s.as_ptr().cast::<u8>())
    );
}

#[test]
fn misaligned_memory_and_bad_bools_are_refused() {
    let bytes: Arc<Mutex<Vec<u64>>> = Arc::new(Mutex::new(vec![0; 4]));
    let base = bytes
        .lock()
        .expect("not poisoned")
        .as_mut_ptr()
        .cast::<u8>();
    // SAFETY: 8 bytes past the start of 32 lie inside the owner's vector.
    let odd =
        unsafe { Storage::from_host_memory(base.add(1), DType::Float32, 2, true, bytes.clone()) };
    assert!(odd.is_none());
    // SAFETY: as above; 4-byte aligned, two f32 inside.
    let ok =
        unsafe { Storage::from_host_memory(base.add(4), DType::Float32, 2, true, bytes.clone()) };
    assert!(ok.is_some());
    let (bad, _, _) = foreign(vec![0u8, 2, 1], DType::Bool, true);
    assert!(bad.is_none());
    let (good, _, _) = foreign(vec![0u8, 1, 1], DType::Bool, true);
    let t = Tensor::from_storage_strided("test", good.expect("0/1 bytes"), &[3], &[1], 0);
    assert_eq!(t.map(|t| t.to_vec::<bool>()), Ok(vec![false, true, true]));
    // SAFETY: a null pointer is refused before it is read.
    let null =
        unsafe { Storage::from_host_memory(std::ptr::null_mut(), DType::Int8, 0, true, bytes) };
    assert!(null.is_none());
}

#[test]
fn strided_layouts_outside_the_storage_are_errors() {
    let s = Storage::from_vec(vec![0.0f64; 6]);
    let bad = [
        (vec![2, 3], vec![3, 1], 1), // the last element is index 6
        (vec![3], vec![-1], 1),      // reaches index -1
        (vec![7], vec![1], 0),
    ];
    for (shape, strides, offset) in bad {
        let e = Tensor::from_storage_strided("from_numpy", s.clone(), &shape, &strides, offset);
        assert!(
            matches!(
                e,
                Err(ems::Error::InvalidArgument {
                    op: "from_numpy",
                    ..
                })
            ),
            "{shape:?} {strides:?} {offset}: {e:?}"
        );
    }
    let e = Tensor::from_storage_strided("from_numpy", s.clone(), &[2], &[1, 1], 0);
    assert!(e.is_err());
    // Size 0 and 0-d values.
    let empty = Tensor::from_storage_strided("t", s.clone(), &[0, 4], &[4, 1], 9);
    assert_eq!(empty.map(|t| t.shape()), Ok(vec![0, 4]));
    let scalar = Tensor::from_storage_strided("t", s.clone(), &[], &[], 5);
    assert_eq!(scalar.map(|t| t.to_vec::<f64>()), Ok(vec![0.0]));
    // Broadcast (stride 0) views.
    let b = Tensor::from_storage_strided("t", s, &[2, 3], &[0, 1], 3);
    assert_eq!(b.map(|t| t.numel()), Ok(6));
}

#[test]
fn holders_count_values_and_storages() -> ems::Result<()> {
    let t = Tensor::from_vec(vec![1.0f32, 2.0], &[2])?;
    assert_eq!(t.holders(), 1);
    let u = t.clone();
    assert_eq!((t.holders(), u.holders()), (2, 2));
    let (s, l) = t.storage_layout().expect("concrete");
    assert_eq!((s.holders(), l.shape()), (1, &[2usize][..]));
    let v = ems::reshape(&t, &[1, 2])?;
    let (vs, _) = v.storage_layout().expect("concrete");
    assert!(vs.same(s));
    assert_eq!(s.holders(), 2);
    Ok(())
}
