//! The one mapping from engine errors to Python exceptions. The classes live in
//! `easy_mindspore/_errors.py`; each derives from `easy_mindspore.Error` and from the built-in type
//! MindSpore raises for the same mistake (ValueError, TypeError, IndexError, RuntimeError).

use easy_mindspore::{Error, ErrorClass};
use pyo3::exceptions::{PyIndexError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;

fn class_name(e: &Error) -> &'static str {
    match e.class() {
        ErrorClass::Value => "ShapeError",
        ErrorClass::Type => "DTypeError",
        ErrorClass::Index => "TensorIndexError",
        ErrorClass::Runtime => "ComputeError",
    }
}

/// The Python exception for an engine error.
pub fn to_pyerr(e: Error) -> PyErr {
    let msg = e.to_string();
    Python::with_gil(|py| {
        let class = py
            .import("easy_mindspore._errors")
            .and_then(|m| m.getattr(class_name(&e)));
        match class.and_then(|c| c.call1((msg.clone(),))) {
            Ok(exc) => PyErr::from_value(exc),
            Err(_) => match e.class() {
                ErrorClass::Value => PyValueError::new_err(msg),
                ErrorClass::Type => PyTypeError::new_err(msg),
                ErrorClass::Index => PyIndexError::new_err(msg),
                ErrorClass::Runtime => PyRuntimeError::new_err(msg),
            },
        }
    })
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
