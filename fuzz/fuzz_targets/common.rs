//! Shared by the fuzz targets: reading a loaded tensor back completely, so a tensor whose
//! shape and bytes disagree fails here.

use easy_mindspore as ems;

/// Reads `t` back whole and checks that its bytes fill its shape.
pub fn touch(t: &ems::Tensor) {
    assert!(t.ndim() <= ems::layout::MAX_NDIM, "{} dims", t.ndim());
    let bytes = t.to_le_bytes().expect("a loaded tensor reads back");
    assert_eq!(bytes.len(), t.numel() * t.dtype().size_in_bytes());
    if t.numel() <= 4096 {
        let _ = t.to_string();
    }
}

/// Checks a loader's result: an error with a message, or tensors that read back.
pub fn check(r: ems::Result<Vec<(String, ems::Tensor)>>) {
    match r {
        Ok(named) => named.iter().for_each(|(_, t)| touch(t)),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
