//! Conversions between Python values and engine values: dtype objects, tensors from Python data
//! (numbers, nested lists, NumPy arrays) with MindSpore's inference rules (reference §3), operands
//! of arithmetic, axes, and tensors back to NumPy and lists. Only conversion lives here.

use crate::errors::{type_err, value_err, IntoPy};
use crate::handle::PyTensor;
use easy_mindspore::{Axes, DType, Operand, Scalar, Tensor};
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyInt, PyList, PyTuple};

static DTYPES: GILOnceCell<Vec<PyObject>> = GILOnceCell::new();

fn dtype_index(d: DType) -> usize {
    DType::ALL.iter().position(|&x| x == d).unwrap_or(0)
}

/// The Python dtype object (`easy_mindspore.float32`, ...) of a dtype.
pub fn dtype_to_py(py: Python<'_>, d: DType) -> PyResult<PyObject> {
    let all = DTYPES.get_or_try_init(py, || -> PyResult<Vec<PyObject>> {
        let m = py.import("easy_mindspore.common.dtype")?;
        ["bool_", "int32", "int64", "float32", "float64"]
            .iter()
            .map(|n| m.getattr(*n).map(Bound::unbind))
            .collect()
    })?;
    Ok(all[dtype_index(d)].clone_ref(py))
}

fn dtype_from_name(name: &str) -> Option<DType> {
    Some(match name.to_ascii_lowercase().as_str() {
        "bool" | "bool_" => DType::Bool,
        "int32" => DType::Int32,
        "int64" | "int" => DType::Int64,
        "float32" => DType::Float32,
        "float64" | "double" | "float" => DType::Float64,
        _ => return None,
    })
}

/// A dtype from an `easy_mindspore` dtype object, a name, or a NumPy dtype/type.
pub fn dtype_from_py(obj: &Bound<'_, PyAny>) -> PyResult<DType> {
    let name: Option<String> = if let Ok(n) = obj.getattr("_ems_name") {
        n.extract().ok()
    } else if let Ok(s) = obj.extract::<String>() {
        Some(s)
    } else {
        let np = obj.py().import("numpy")?;
        np.getattr("dtype")?
            .call1((obj,))
            .and_then(|d| d.getattr("name"))
            .and_then(|n| n.extract())
            .ok()
    };
    name.as_deref().and_then(dtype_from_name).ok_or_else(|| {
        type_err(format!(
            "For 'dtype', {} is not a supported dtype (bool, int32, int64, float32, float64)",
            obj.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    })
}

/// A Python number as a weakly-typed scalar (`bool` before `int`: Python bools are ints).
pub fn scalar_from_py(obj: &Bound<'_, PyAny>) -> Option<Scalar> {
    if obj.is_instance_of::<PyBool>() {
        return obj.extract::<bool>().ok().map(Scalar::Bool);
    }
    if obj.is_instance_of::<PyInt>() {
        return obj.extract::<i64>().ok().map(Scalar::Int);
    }
    if obj.is_instance_of::<PyFloat>() {
        return obj.extract::<f64>().ok().map(Scalar::Float);
    }
    // NumPy scalars behave like Python scalars (reference §5).
    if is_numpy_scalar(obj) {
        let item = obj.call_method0("item").ok()?;
        return scalar_from_py(&item);
    }
    None
}

fn is_numpy_scalar(obj: &Bound<'_, PyAny>) -> bool {
    let module = obj
        .get_type()
        .module()
        .map(|m| m.to_string())
        .unwrap_or_default();
    module == "numpy" && !is_ndarray(obj) && obj.hasattr("dtype").unwrap_or(false)
}

fn is_ndarray(obj: &Bound<'_, PyAny>) -> bool {
    obj.get_type()
        .name()
        .map(|n| n == "ndarray")
        .unwrap_or(false)
}

/// An operand of arithmetic: a tensor, a Python/NumPy number, or a list/tuple (converted with
/// the inference rules). `None` for anything else (the caller raises MindSpore's TypeError).
pub fn operand(obj: &Bound<'_, PyAny>) -> PyResult<Option<Operand>> {
    if let Ok(t) = obj.downcast::<PyTensor>() {
        return Ok(Some(Operand::Tensor(t.borrow().value())));
    }
    if let Some(s) = scalar_from_py(obj) {
        return Ok(Some(Operand::Scalar(s)));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        return Ok(Some(Operand::Tensor(tensor_from_data(obj, None)?)));
    }
    Ok(None)
}

/// A human name for an argument's type in MindSpore's messages (`string`, `None`, a class).
pub fn type_label(obj: &Bound<'_, PyAny>) -> String {
    if obj.is_none() {
        return "None".into();
    }
    if obj.extract::<String>().is_ok() {
        return "string".into();
    }
    match obj.get_type().name() {
        Ok(n) if is_ndarray(obj) => format!("<class 'numpy.{n}'>"),
        Ok(n) => format!("<class '{n}'>"),
        Err(_) => "object".into(),
    }
}

enum Leaf {
    Bool(bool),
    Int(i64),
    Float(f64),
}

/// Why nested data could not be collected: a ragged or unsupported structure (`None`), or an
/// error to raise as it is (reading a value that varies across a `vmap` batch).
type CollectErr = Option<PyErr>;

fn collect(
    obj: &Bound<'_, PyAny>,
    depth: usize,
    shape: &mut Vec<usize>,
    leaves: &mut Vec<Leaf>,
) -> Result<(), CollectErr> {
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let n = obj.len().map_err(|_| None)?;
        if shape.len() == depth {
            shape.push(n);
        } else if shape.len() < depth || shape[depth] != n {
            return Err(None);
        }
        for item in obj.try_iter().map_err(|_| None)? {
            collect(&item.map_err(|_| None)?, depth + 1, shape, leaves)?;
        }
        if n == 0 && shape.len() > depth + 1 {
            return Err(None);
        }
        return Ok(());
    }
    if shape.len() != depth {
        return Err(None);
    }
    if let Ok(t) = obj.downcast::<PyTensor>() {
        let t = t.borrow();
        if t.value().ndim() == 0 {
            t.value()
                .check_readable("the value of a list element")
                .py()
                .map_err(Some)?;
            return match t.value().item() {
                Ok(s) => {
                    leaves.push(match s {
                        Scalar::Bool(b) => Leaf::Bool(b),
                        Scalar::Int(i) => Leaf::Int(i),
                        Scalar::Float(f) => Leaf::Float(f),
                    });
                    Ok(())
                }
                Err(_) => Err(None),
            };
        }
        return Err(None);
    }
    match scalar_from_py(obj) {
        Some(Scalar::Bool(b)) => leaves.push(Leaf::Bool(b)),
        Some(Scalar::Int(i)) => leaves.push(Leaf::Int(i)),
        Some(Scalar::Float(f)) => leaves.push(Leaf::Float(f)),
        None => return Err(None),
    }
    Ok(())
}

/// A tensor from list leaves. Floats become Float32, unless an explicit `dtype` asks for more:
/// then they are read as f64 and cast once (`Tensor([1e100], float64)` keeps its value).
fn from_leaves(leaves: Vec<Leaf>, shape: &[usize], dtype: Option<DType>) -> PyResult<Tensor> {
    let any_float = leaves.iter().any(|l| matches!(l, Leaf::Float(_)));
    let all_bool = leaves.iter().all(|l| matches!(l, Leaf::Bool(_)));
    let t = if any_float && dtype.is_some() {
        let v: Vec<f64> = leaves
            .iter()
            .map(|l| match l {
                Leaf::Bool(b) => f64::from(u8::from(*b)),
                Leaf::Int(i) => *i as f64,
                Leaf::Float(f) => *f,
            })
            .collect();
        Tensor::from_vec(v, shape)
    } else if any_float {
        let v: Vec<f32> = leaves
            .iter()
            .map(|l| match l {
                Leaf::Bool(b) => f32::from(u8::from(*b)),
                Leaf::Int(i) => *i as f32,
                Leaf::Float(f) => *f as f32,
            })
            .collect();
        Tensor::from_vec(v, shape)
    } else if all_bool && !leaves.is_empty() {
        let v: Vec<bool> = leaves
            .iter()
            .map(|l| matches!(l, Leaf::Bool(true)))
            .collect();
        Tensor::from_vec(v, shape)
    } else if leaves.is_empty() {
        // MindSpore: an empty list is a Float32 tensor.
        Tensor::from_vec(Vec::<f32>::new(), shape)
    } else {
        let v: Vec<i64> = leaves
            .iter()
            .map(|l| match l {
                Leaf::Bool(b) => i64::from(*b),
                Leaf::Int(i) => *i,
                Leaf::Float(f) => *f as i64,
            })
            .collect();
        Tensor::from_vec(v, shape)
    };
    t.py()
}

/// A tensor from a NumPy array (copied; the array is read in C order).
fn from_numpy(arr: &Bound<'_, PyAny>) -> PyResult<Tensor> {
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    let size: usize = arr.getattr("dtype")?.getattr("itemsize")?.extract()?;
    let (target, dtype) = match (kind.as_str(), size) {
        ("b", _) => ("bool", DType::Bool),
        ("f", 8) => ("float64", DType::Float64),
        ("f", _) => ("float32", DType::Float32),
        ("i" | "u", 8) if kind == "i" => ("int64", DType::Int64),
        ("i" | "u", 4) if kind == "i" => ("int32", DType::Int32),
        ("i" | "u", _) => ("int64", DType::Int64),
        _ => {
            return Err(type_err(format!(
                "For 'Tensor', the numpy dtype kind '{kind}' is not supported"
            )))
        }
    };
    let shape: Vec<usize> = arr.getattr("shape")?.extract()?;
    let np = arr.py().import("numpy")?;
    let c = np
        .getattr("ascontiguousarray")?
        .call1((arr.call_method1("astype", (target,))?,))?;
    let bytes = c.call_method0("tobytes")?;
    let bytes = bytes.downcast::<PyBytes>()?.as_bytes();
    Tensor::from_ne_bytes(bytes, dtype, &shape).py()
}

/// `Tensor(input_data, dtype)` with MindSpore's inference: Python ints → Int64, floats → Float32,
/// bools → Bool, NumPy arrays keep their dtype.
pub fn tensor_from_data(obj: &Bound<'_, PyAny>, dtype: Option<DType>) -> PyResult<Tensor> {
    let t = if let Ok(t) = obj.downcast::<PyTensor>() {
        t.borrow().value()
    } else if is_ndarray(obj) {
        from_numpy(obj)?
    } else if is_numpy_scalar(obj) {
        // `Tensor(np.float64(1.5))` keeps the NumPy dtype (arithmetic treats it as a Python number).
        from_numpy(
            &obj.py()
                .import("numpy")?
                .getattr("asarray")?
                .call1((obj,))?,
        )?
    } else if let Some(s) = scalar_from_py(obj) {
        Tensor::full_scalar(s, dtype.unwrap_or(s.default_dtype()))
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut shape = vec![];
        let mut leaves = vec![];
        if let Err(e) = collect(obj, 0, &mut shape, &mut leaves) {
            return Err(e.unwrap_or_else(|| {
                let shown = obj.str().map(|s| s.to_string()).unwrap_or_default();
                type_err(format!(
                    "For Tensor, the input_data is {shown} that contain unsupported element."
                ))
            }));
        }
        from_leaves(leaves, &shape, dtype)?
    } else {
        let tname = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(type_err(format!(
            "For 'Tensor', the type of 'input_data' should be one of '[Tensor, float, int, bool, tuple, list, numpy.ndarray]', but got type '{tname}'."
        )));
    };
    match dtype {
        Some(d) => easy_mindspore::cast(&t, d).py(),
        None => Ok(t),
    }
}

/// Reduction axes from `None`, an int, or a tuple/list of ints.
pub fn axes_from_py(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Axes> {
    match obj {
        None => Ok(Axes::All),
        Some(o) if o.is_none() => Ok(Axes::All),
        Some(o) => {
            if let Ok(i) = o.extract::<i64>() {
                return Ok(Axes::List(vec![i]));
            }
            let v: Vec<i64> = o.extract().map_err(|_| {
                type_err(format!(
                    "axis must be None, an int or a tuple of ints, got {}",
                    type_label(o)
                ))
            })?;
            Ok(Axes::List(v))
        }
    }
}

/// A shape from ints given as varargs or as one tuple/list (`reshape(3, 4)`, `reshape((3, 4))`).
pub fn shape_args(args: &Bound<'_, PyTuple>) -> PyResult<Vec<i64>> {
    if args.len() == 1 {
        let a = args.get_item(0)?;
        if let Ok(i) = a.extract::<i64>() {
            return Ok(vec![i]);
        }
        return a
            .extract()
            .map_err(|_| type_err("shape must be ints or one tuple of ints"));
    }
    args.extract()
        .map_err(|_| type_err("shape must be ints or one tuple of ints"))
}

/// A non-negative shape (creation functions): an int or a tuple/list of ints.
pub fn dims_from_py(obj: &Bound<'_, PyAny>) -> PyResult<Vec<usize>> {
    let v: Vec<i64> = if let Ok(i) = obj.extract::<i64>() {
        vec![i]
    } else {
        obj.extract().map_err(|_| {
            type_err(format!(
                "shape must be an int or a tuple of ints, got {}",
                type_label(obj)
            ))
        })?
    };
    v.into_iter()
        .map(|d| {
            usize::try_from(d).map_err(|_| value_err(format!("negative dimension {d} in shape")))
        })
        .collect()
}

/// A fresh NumPy array with the tensor's dtype and shape (an error for a value that varies
/// across a `vmap` batch: it has no single value).
pub fn to_numpy<'py>(py: Python<'py>, t: &Tensor) -> PyResult<Bound<'py, PyAny>> {
    t.check_readable("asnumpy()").py()?;
    let np = py.import("numpy")?;
    let shape = PyTuple::new(py, t.dims())?;
    let dt = match t.dtype() {
        DType::Bool => "bool",
        DType::Int32 => "int32",
        DType::Int64 => "int64",
        DType::Float32 => "float32",
        DType::Float64 => "float64",
    };
    let bytes = t.to_ne_bytes().py()?;
    let arr = np
        .getattr("frombuffer")?
        .call1((PyBytes::new(py, &bytes), dt))?;
    arr.call_method1("reshape", (shape,))?.call_method0("copy")
}

/// A scalar as a Python number.
pub fn scalar_to_py(py: Python<'_>, s: Scalar) -> PyResult<PyObject> {
    Ok(match s {
        Scalar::Bool(b) => PyBool::new(py, b).to_owned().into_any().unbind(),
        Scalar::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        Scalar::Float(f) => f.into_pyobject(py)?.into_any().unbind(),
    })
}
