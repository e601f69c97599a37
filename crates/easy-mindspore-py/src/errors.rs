//! The one mapping from errors to Python exceptions. The classes live in
//! `easy_mindspore/_errors.py`; each derives from `easy_mindspore.Error` and from the built-in type
//! MindSpore raises for the same mistake (ValueError, TypeError, IndexError, RuntimeError). Errors
//! the bindings raise themselves (a bad argument type) use the same classes, via [`type_err`] and
//! friends, so `except easy_mindspore.Error` catches every error of the library.
//!
//! It also carries Python exceptions through the engine. The engine calls Python back (the
//! function being traced by `vjp`/`jvp`/`vmap`/a Jacobian, the forward and backward of a custom
//! gradient), possibly several calls deep, and only understands its own [`Error`]. A callback that
//! raises parks its exception in a thread-local slot ([`stash`]), together with the engine error
//! it returns in its place; the next conversion back to Python ([`IntoPy::py`]) takes the parked
//! exception and, when the engine handed back that very error, raises the exception unchanged, so
//! the user sees their own exception type and message. The engine error is its typed variant for
//! a failed callback, [`Error::Callback`].

use easy_mindspore::{Error, ErrorClass};
use pyo3::exceptions::{PyIndexError, PyMemoryError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The Python exception raised by the latest failing callback, on its way back to Python,
    /// and the engine error that stands for it.
    static PENDING: RefCell<Option<(PyErr, Error)>> = const { RefCell::new(None) };
}

/// Parks a Python exception raised inside a callback the engine called, and returns the engine
/// error that carries it back to the boundary (where [`to_pyerr`] raises it again).
pub fn stash(err: PyErr) -> Error {
    let marker = Error::Callback {
        msg: format!("a Python function raised {err}"),
    };
    // The replaced exception (if any) is dropped outside the borrow: dropping it may run Python.
    let stale = PENDING.with(|p| p.replace(Some((err, marker.clone()))));
    drop(stale);
    marker
}

/// Runs the Python side of an engine callback: a Python exception is [`stash`]ed.
pub fn guarded<T>(f: impl FnOnce() -> PyResult<T>) -> Result<T, Error> {
    f().map_err(stash)
}

fn class_name(c: ErrorClass) -> &'static str {
    match c {
        ErrorClass::Value => "ShapeError",
        ErrorClass::Type => "DTypeError",
        ErrorClass::Index => "TensorIndexError",
        ErrorClass::Runtime => "ComputeError",
        ErrorClass::Memory => "OutOfMemoryError",
    }
}

/// A Python exception of `easy_mindspore`'s class for `class` (the built-in type if the package's
/// error module cannot be imported, e.g. while the interpreter shuts down).
fn new_err(class: ErrorClass, msg: String) -> PyErr {
    named_err(class, class_name(class), msg)
}

/// [`new_err`] of the package's class `name` (one of `class`'s).
fn named_err(class: ErrorClass, name: &str, msg: String) -> PyErr {
    Python::with_gil(|py| {
        let exc = py
            .import("easy_mindspore._errors")
            .and_then(|m| m.getattr(name))
            .and_then(|c| c.call1((msg.clone(),)));
        match exc {
            Ok(exc) => PyErr::from_value(exc),
            Err(_) => match class {
                ErrorClass::Value => PyValueError::new_err(msg),
                ErrorClass::Type => PyTypeError::new_err(msg),
                ErrorClass::Index => PyIndexError::new_err(msg),
                ErrorClass::Runtime => PyRuntimeError::new_err(msg),
                ErrorClass::Memory => PyMemoryError::new_err(msg),
            },
        }
    })
}

/// A `TypeError` that is also an `easy_mindspore.Error` (`DTypeError`).
pub fn type_err(msg: impl Into<String>) -> PyErr {
    new_err(ErrorClass::Type, msg.into())
}

/// A `ValueError` that is also an `easy_mindspore.Error` (`ShapeError`).
pub fn value_err(msg: impl Into<String>) -> PyErr {
    new_err(ErrorClass::Value, msg.into())
}

/// An `IndexError` that is also an `easy_mindspore.Error` (`TensorIndexError`).
pub fn index_err(msg: impl Into<String>) -> PyErr {
    new_err(ErrorClass::Index, msg.into())
}

/// The Python exception for an engine error: the parked Python exception when `e` is the error
/// that [`stash`] returned for it, else `easy_mindspore`'s class for the error. A parked exception
/// that the engine did not carry back (a stale one) is dropped.
pub fn to_pyerr(e: Error) -> PyErr {
    match (PENDING.with(RefCell::take), &e) {
        (Some((err, marker)), Error::Callback { .. }) if marker == e => err,
        // Matrix-product operands that do not fit: a ValueError too, as MindSpore 2.10 raises
        // from `mm`, `bmm` and 1-D `matmul` (its 2-D `matmul` kernel raises RuntimeError).
        (_, Error::MatMulMismatch { .. }) => {
            named_err(e.class(), "ContractionError", e.to_string())
        }
        _ => new_err(e.class(), e.to_string()),
    }
}

/// `Result<T, Error>` → `PyResult<T>`.
pub trait IntoPy<T> {
    /// Converts the error side.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_pyerr)
    }
}
