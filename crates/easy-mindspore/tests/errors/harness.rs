//! The harness every property runs its calls through: a panic fails the property, naming the
//! call, and every result is read back completely.

use crate::strategies::{build, TSpec};
use easy_mindspore as ems;
use ems::{Error, Tensor};
use proptest::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// The op an error names, for the variants that carry one.
fn op_of(e: &Error) -> Option<&'static str> {
    match e {
        Error::ShapeMismatch { op, .. }
        | Error::DTypeMismatch { op, .. }
        | Error::UnsupportedDType { op, .. }
        | Error::AxisOutOfRange { op, .. }
        | Error::IndexOutOfBounds { op, .. }
        | Error::MatMulMismatch { op, .. }
        | Error::DataLength { op, .. }
        | Error::InvalidArgument { op, .. }
        | Error::InvalidIndex { op, .. }
        | Error::Transform { op, .. }
        | Error::DeviceMismatch { op, .. }
        | Error::OutOfMemory { op, .. } => Some(op),
        Error::TooManyIndices { .. }
        | Error::Device { .. }
        | Error::InvalidReshape { .. }
        | Error::NotOneElement { .. }
        | Error::Callback { .. } => None,
    }
}

/// Something an op returns that the test can read back completely (so a lazily wrong view panics
/// here, inside the harness, rather than later).
pub(crate) trait Touch {
    fn touch(&self);
}

/// Views up to this size are read back; larger ones (legal broadcast views) only report a shape.
const READ_LIMIT: usize = 4096;

impl Touch for Tensor {
    fn touch(&self) {
        let _ = (self.shape(), self.dtype(), self.ndim());
        if self.numel() <= READ_LIMIT {
            let _ = self.to_vec::<f64>();
            let _ = self.to_string();
        }
    }
}
impl Touch for Vec<Tensor> {
    fn touch(&self) {
        self.iter().for_each(Touch::touch);
    }
}
impl Touch for Vec<usize> {
    fn touch(&self) {}
}
impl Touch for usize {
    fn touch(&self) {}
}
impl Touch for bool {
    fn touch(&self) {}
}
impl Touch for f64 {
    fn touch(&self) {}
}
impl Touch for ems::Scalar {
    fn touch(&self) {}
}

/// Runs one call: a panic (in the op, in reading its result or in formatting its error) fails the
/// property, naming the call; an error must name a non-empty op and map to an exception class.
pub(crate) fn check<T: Touch>(
    what: &str,
    f: impl FnOnce() -> ems::Result<T>,
) -> Result<Option<T>, TestCaseError> {
    let run = || {
        let r = f();
        match &r {
            Ok(v) => v.touch(),
            Err(e) => {
                let _ = (e.to_string(), format!("{e:?}"), e.class());
            }
        }
        r
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Err(payload) => Err(TestCaseError::fail(format!(
            "{what} panicked: {}",
            panic_message(payload.as_ref())
        ))),
        Ok(Ok(v)) => Ok(Some(v)),
        Ok(Err(e)) => {
            prop_assert!(!e.to_string().is_empty(), "{what}: empty message");
            if let Some(op) = op_of(&e) {
                prop_assert!(!op.is_empty(), "{what}: error names no op: {e:?}");
            }
            Ok(None)
        }
    }
}

/// Builds a tensor inside the harness too: a panic while making an input is also a finding.
pub(crate) fn checked_build(s: &TSpec) -> Result<Tensor, TestCaseError> {
    catch_unwind(AssertUnwindSafe(|| build(s))).map_err(|e| {
        TestCaseError::fail(format!(
            "building {s:?} panicked: {}",
            panic_message(e.as_ref())
        ))
    })
}
