//! The one mapping from errors to Python exceptions. The classes live in
//! `easy_mindspore/_errors.py`; each derives from `easy_mindspore.Error` and from the built-in type
//! MindSpore raises for the same mistake (ValueError, TypeError, IndexError, RuntimeError). Errors
//! the bindings raise themselves (a bad argument type) use the same classes, via [`type_err`] and
//! friends, so `except easy_mindspore.Error` catches every error of the library.

use easy_mindspore::{Error, ErrorClass};
use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;

fn class_name(c: ErrorClass) -> &'static str {
    match c {
        ErrorClass::Value => "ShapeError",
        ErrorClass::Type => "DTypeError",
        ErrorClass::Index => "TensorIndexError",
        ErrorClass::Runtime => "ComputeError",
    }
}

/// A Python exception of `easy_mindspore`'s class for `class` (the built-in type if the package's
/// error module cannot be imported, e.g. while the interpreter shuts down).
fn new_err(class: ErrorClass, msg: String) -> PyErr {
    Python::with_gil(|py| {
        let exc = py
            .import("easy_mindspore._errors")
            .and_then(|m| m.getattr(class_name(class)))
            .and_then(|c| c.call1((msg.clone(),)));
        match exc {
            Ok(exc) => PyErr::from_value(exc),
            Err(_) => match class {
                ErrorClass::Value => PyValueError::new_err(msg),
                ErrorClass::Type => PyTypeError::new_err(msg),
                ErrorClass::Index => PyIndexError::new_err(msg),
                ErrorClass::Runtime => PyRuntimeError::new_err(msg),
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

/// The Python exception for an engine error.
pub fn to_pyerr(e: Error) -> PyErr {
    new_err(e.class(), e.to_string())
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
