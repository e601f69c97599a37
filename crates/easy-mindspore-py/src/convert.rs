//! Conversions between Python values and engine values: dtype objects, tensors from Python data
//! (numbers, nested lists, NumPy arrays) with MindSpore's inference rules (reference §3), operands
//! of arithmetic, axes, and tensors back to NumPy and lists. Only conversion lives here.

use crate::errors::{type_err, value_err, IntoPy};
use crate::handle::PyTensor;
use easy_mindspore::dtype::C128;
use easy_mindspore::layout::MAX_NDIM;
use easy_mindspore::tensor::check_scalar_fits;
use easy_mindspore::{Axes, DType, Operand, Scalar, Tensor};
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBool, PyBytes, PyComplex, PyFloat, PyInt, PyList, PyTuple};

static DTYPES: GILOnceCell<Vec<PyObject>> = GILOnceCell::new();

fn dtype_index(d: DType) -> usize {
    DType::ALL.iter().position(|&x| x == d).unwrap_or(0)
}

/// The Python dtype object (`easy_mindspore.float32`, ...) of a dtype.
pub fn dtype_to_py(py: Python<'_>, d: DType) -> PyResult<PyObject> {
    let all = DTYPES.get_or_try_init(py, || -> PyResult<Vec<PyObject>> {
        let m = py.import("easy_mindspore.common.dtype")?;
        // In `DType::ALL`'s order.
        [
            "bool_",
            "int8",
            "int16",
            "int32",
            "int64",
            "uint8",
            "uint16",
            "uint32",
            "uint64",
            "float16",
            "bfloat16",
            "float32",
            "float64",
            "complex64",
            "complex128",
        ]
        .iter()
        .map(|n| m.getattr(*n).map(Bound::unbind))
        .collect()
    })?;
    Ok(all[dtype_index(d)].clone_ref(py))
}

/// MindSpore's type id of each dtype by its display name (`("Float32", 43)`): the Python
/// package's table of type ids (`common/dtype.py`) takes the dtypes' from here.
#[pyfunction]
pub fn dtype_type_ids() -> Vec<(&'static str, i64)> {
    DType::ALL.iter().map(|d| (d.name(), d.type_id())).collect()
}

fn dtype_from_name(name: &str) -> Option<DType> {
    Some(match name.to_ascii_lowercase().as_str() {
        "bool" | "bool_" => DType::Bool,
        "int8" => DType::Int8,
        "int16" => DType::Int16,
        "int32" => DType::Int32,
        "int64" | "int" => DType::Int64,
        "uint8" => DType::UInt8,
        "uint16" => DType::UInt16,
        "uint32" => DType::UInt32,
        "uint64" => DType::UInt64,
        "float16" | "half" => DType::Float16,
        "bfloat16" => DType::BFloat16,
        "float32" => DType::Float32,
        "float64" | "double" | "float" => DType::Float64,
        "complex64" => DType::Complex64,
        "complex128" | "complex" => DType::Complex128,
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
            "For 'dtype', {} is not a supported dtype (bool, int8, int16, int32, int64, uint8, \
             uint16, uint32, uint64, float16, bfloat16, float32, float64, complex64, complex128)",
            obj.repr().map(|r| r.to_string()).unwrap_or_default()
        ))
    })
}

/// What a Python object is as an integer argument.
pub enum PyInteger {
    /// An int (or an object with `__index__`, as NumPy's ints) within int64.
    Fits(i64),
    /// An int outside int64, as its decimal text.
    TooBig(String),
    /// Not an integer.
    NotInt,
}

/// `obj` as an integer argument (Python's bools are ints).
pub fn py_integer(obj: &Bound<'_, PyAny>) -> PyInteger {
    match obj.extract::<i64>() {
        Ok(i) => PyInteger::Fits(i),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => {
            PyInteger::TooBig(obj.str().map(|s| s.to_string()).unwrap_or_default())
        }
        Err(_) => PyInteger::NotInt,
    }
}

/// An int argument `name` of `op`: a TypeError for a non-integer, a ValueError for an int
/// outside int64 (never Python's OverflowError).
pub fn int_arg(obj: &Bound<'_, PyAny>, op: &str, name: &str) -> PyResult<i64> {
    match py_integer(obj) {
        PyInteger::Fits(i) => Ok(i),
        PyInteger::TooBig(v) => Err(value_err(format!(
            "For '{op}', '{name}' must fit in int64, but got {v}"
        ))),
        PyInteger::NotInt => Err(type_err(format!(
            "For '{op}', '{name}' must be an int, but got {}",
            type_label(obj)
        ))),
    }
}

/// A bool argument `name` of `op` (a Python or NumPy bool; `None` or absent is `default`): a
/// TypeError naming the op for anything else, as MindSpore's argument checks.
pub fn bool_arg(
    obj: Option<&Bound<'_, PyAny>>,
    op: &str,
    name: &str,
    default: bool,
) -> PyResult<bool> {
    match obj {
        None => Ok(default),
        Some(o) if o.is_none() => Ok(default),
        Some(o) => o.extract::<bool>().map_err(|_| {
            type_err(format!(
                "For '{op}', '{name}' must be a bool, but got {}",
                type_label(o)
            ))
        }),
    }
}

/// A non-negative int argument (a size, a count) of `op`: a ValueError when negative.
pub fn size_arg(obj: &Bound<'_, PyAny>, op: &str, name: &str) -> PyResult<usize> {
    let i = int_arg(obj, op, name)?;
    usize::try_from(i).map_err(|_| {
        value_err(format!(
            "For '{op}', '{name}' must be non-negative, but got {i}"
        ))
    })
}

/// A float argument `name` of `op`: a real Python or NumPy number (an int too large for a float
/// is a ValueError, a complex or another type a TypeError).
pub fn float_arg(obj: &Bound<'_, PyAny>, op: &str, name: &str) -> PyResult<f64> {
    match scalar_from_py(obj, op)? {
        Some(s) => Ok(s.to_f64()),
        None => Err(type_err(format!(
            "For '{op}', '{name}' must be a number, but got {}",
            type_label(obj)
        ))),
    }
}

/// The error for a complex number where a real one is needed (an operand of arithmetic: MindSpore
/// 2.10 refuses `x + 1j` too; a complex tensor, `Tensor(1j)`, is the way).
fn complex_err(obj: &Bound<'_, PyAny>, op: &str) -> PyErr {
    type_err(format!(
        "For '{op}', a complex number is not supported here (use a complex Tensor), but got {} \
         of type {}",
        obj.repr().map(|r| r.to_string()).unwrap_or_default(),
        type_label(obj)
    ))
}

/// A Python or NumPy number as a weakly-typed scalar (`bool` before `int`: Python bools are
/// ints); `None` for anything else. A number no dtype can hold is an error naming `op`: a complex
/// (TypeError), an int outside int64 (ValueError). NumPy's long double becomes the nearest f64.
pub fn scalar_from_py(obj: &Bound<'_, PyAny>, op: &str) -> PyResult<Option<Scalar>> {
    if obj.is_instance_of::<PyBool>() {
        return Ok(Some(Scalar::Bool(obj.is_truthy()?)));
    }
    if obj.is_instance_of::<PyInt>() {
        return match py_integer(obj) {
            PyInteger::Fits(i) => Ok(Some(Scalar::Int(i))),
            PyInteger::TooBig(v) => Err(int_out_of_bounds(op, &v)),
            PyInteger::NotInt => Ok(None),
        };
    }
    if obj.is_instance_of::<PyFloat>() {
        return Ok(Some(Scalar::Float(obj.extract::<f64>()?)));
    }
    if obj.is_instance_of::<PyComplex>() {
        return Err(complex_err(obj, op));
    }
    // NumPy scalars behave like Python scalars (reference §5), by their dtype's kind (`item()`
    // would give a long double back unchanged).
    if is_numpy_scalar(obj) {
        let kind: String = obj.getattr("dtype")?.getattr("kind")?.extract()?;
        return match kind.as_str() {
            "b" => Ok(Some(Scalar::Bool(obj.is_truthy()?))),
            "i" | "u" => match py_integer(obj) {
                PyInteger::Fits(i) => Ok(Some(Scalar::Int(i))),
                PyInteger::TooBig(v) => Err(int_out_of_bounds(op, &v)),
                PyInteger::NotInt => Ok(None),
            },
            "f" => Ok(Some(Scalar::Float(
                obj.call_method0("__float__")?.extract::<f64>()?,
            ))),
            "c" => Err(complex_err(obj, op)),
            _ => Ok(None),
        };
    }
    Ok(None)
}

fn int_out_of_bounds(op: &str, v: &str) -> PyErr {
    value_err(format!(
        "For '{op}', the Python integer {v} is out of bounds for int64"
    ))
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

/// An operand of `op`: a tensor, a Python/NumPy number, or a list/tuple (converted with the
/// inference rules). `None` for anything else (the caller raises MindSpore's TypeError); an
/// error for a number no dtype holds (see [`scalar_from_py`]).
pub fn operand(obj: &Bound<'_, PyAny>, op: &str) -> PyResult<Option<Operand>> {
    if let Ok(t) = obj.downcast::<PyTensor>() {
        return Ok(Some(Operand::Tensor(t.borrow().value())));
    }
    if let Some(s) = scalar_from_py(obj, op)? {
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
    let numpy = obj
        .get_type()
        .module()
        .map(|m| m == "numpy")
        .unwrap_or(false);
    match obj.get_type().name() {
        Ok(n) if numpy => format!("<class 'numpy.{n}'>"),
        Ok(n) => format!("<class '{n}'>"),
        Err(_) => "object".into(),
    }
}

enum Leaf {
    Bool(bool),
    Int(i64),
    Float(f64),
    Complex(f64, f64),
}

/// A Python or NumPy complex number as its parts; `None` for anything else.
fn complex_parts(obj: &Bound<'_, PyAny>) -> PyResult<Option<(f64, f64)>> {
    let is_complex = obj.is_instance_of::<PyComplex>()
        || (is_numpy_scalar(obj)
            && obj.getattr("dtype")?.getattr("kind")?.extract::<String>()? == "c");
    if !is_complex {
        return Ok(None);
    }
    let c = obj.call_method0("__complex__")?;
    let c = c.downcast::<PyComplex>()?;
    Ok(Some((c.real(), c.imag())))
}

/// Why nested data could not be collected: a ragged or unsupported structure (`None`), or an
/// error to raise as it is (reading a value that varies across a `vmap` batch, a complex number,
/// nesting deeper than a tensor's dimensions).
type CollectErr = Option<PyErr>;

fn collect(
    obj: &Bound<'_, PyAny>,
    depth: usize,
    shape: &mut Vec<usize>,
    leaves: &mut Vec<Leaf>,
) -> Result<(), CollectErr> {
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        // Also ends a list that contains itself.
        if depth >= MAX_NDIM {
            return Err(Some(value_err(format!(
                "For 'Tensor', the input_data is nested more than {MAX_NDIM} levels deep (a \
                 tensor has at most {MAX_NDIM} dimensions)"
            ))));
        }
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
    if is_ndarray(obj) {
        // A NumPy array inside a list is its nested values (`[np.array(3), np.array(0)]`, as
        // MindSpore reads it: the dtype comes from the Python values, so int32 arrays give Int64).
        let values = obj.call_method0("tolist").map_err(|_| None)?;
        if !is_ndarray(&values) {
            return collect(&values, depth, shape, leaves);
        }
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
    if let Some((re, im)) = complex_parts(obj).map_err(Some)? {
        leaves.push(Leaf::Complex(re, im));
        return Ok(());
    }
    match scalar_from_py(obj, "Tensor").map_err(Some)? {
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
    if let Some(d) = dtype {
        // Python ints are values, not bits: one that the dtype cannot hold is an error.
        for l in &leaves {
            if let Leaf::Int(i) = l {
                check_scalar_fits("Tensor", Scalar::Int(*i), d).py()?;
            }
        }
    }
    let any_float = leaves.iter().any(|l| matches!(l, Leaf::Float(_)));
    let any_complex = leaves.iter().any(|l| matches!(l, Leaf::Complex(..)));
    let all_bool = leaves.iter().all(|l| matches!(l, Leaf::Bool(_)));
    let t = if any_complex {
        // MindSpore 2.10: a list with a complex number is Complex128.
        let v: Vec<C128> = leaves
            .iter()
            .map(|l| match l {
                Leaf::Bool(b) => C128::new(f64::from(u8::from(*b)), 0.0),
                Leaf::Int(i) => C128::new(*i as f64, 0.0),
                Leaf::Float(f) => C128::new(*f, 0.0),
                Leaf::Complex(re, im) => C128::new(*re, *im),
            })
            .collect();
        Tensor::from_vec(v, shape)
    } else if any_float && dtype.is_some() {
        let v: Vec<f64> = leaves
            .iter()
            .map(|l| match l {
                Leaf::Bool(b) => f64::from(u8::from(*b)),
                Leaf::Int(i) => *i as f64,
                Leaf::Float(f) => *f,
                Leaf::Complex(re, _) => *re,
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
                Leaf::Complex(re, _) => *re as f32,
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
                Leaf::Complex(re, _) => *re as i64,
            })
            .collect();
        Tensor::from_vec(v, shape)
    };
    t.py()
}

/// A tensor from a NumPy array, copied: one pass over its memory when the engine can read it in
/// place (`host::copy_numpy`), else through NumPy (`astype`, C order: byte-swapped, misaligned
/// or long double arrays); long double becomes Float64; complex, string, object and date
/// arrays are TypeErrors naming the dtype.
fn from_numpy(arr: &Bound<'_, PyAny>) -> PyResult<Tensor> {
    let np_dtype = arr.getattr("dtype")?;
    let (target, dtype) = crate::host::dtype_of_numpy(&np_dtype)?;
    if let Some(t) = crate::host::copy_numpy(arr)? {
        return Ok(t);
    }
    let shape: Vec<usize> = arr.getattr("shape")?.extract()?;
    let np = arr.py().import("numpy")?;
    // ml_dtypes' bfloat16 converts to itself (NumPy knows it by the dtype object).
    let converted = if dtype == DType::BFloat16 {
        arr.call_method1("astype", (&np_dtype,))?
    } else {
        arr.call_method1("astype", (target,))?
    };
    let c = np.getattr("ascontiguousarray")?.call1((converted,))?;
    let bytes = c.call_method0("tobytes")?;
    let bytes = bytes.downcast::<PyBytes>()?.as_bytes();
    Tensor::from_ne_bytes(bytes, dtype, &shape).py()
}

/// `obj` (nested lists/tuples holding at least one tensor) as one tensor: each tensor read as a
/// NumPy array and the whole stacked by `numpy.array`; `None` when there is no tensor in it or
/// NumPy cannot make a numeric array of it (ragged, strings).
fn stacked_tensors(obj: &Bound<'_, PyAny>) -> PyResult<Option<Tensor>> {
    fn host(obj: &Bound<'_, PyAny>, found: &mut bool) -> PyResult<PyObject> {
        let py = obj.py();
        if obj.downcast::<PyTensor>().is_ok() {
            *found = true;
            return Ok(obj.call_method0("asnumpy")?.unbind());
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            let items = obj
                .try_iter()?
                .map(|item| host(&item?, found))
                .collect::<PyResult<Vec<_>>>()?;
            return Ok(PyList::new(py, items)?.into_any().unbind());
        }
        Ok(obj.clone().unbind())
    }
    let mut found = false;
    let data = host(obj, &mut found)?;
    if !found {
        return Ok(None);
    }
    let arr = match obj.py().import("numpy")?.getattr("array")?.call1((data,)) {
        Ok(a) => a,
        Err(_) => return Ok(None),
    };
    let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
    if !matches!(kind.as_str(), "b" | "i" | "u" | "f") {
        return Ok(None);
    }
    from_numpy(&arr).map(Some)
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
    } else if let Some((re, im)) = complex_parts(obj)? {
        // `Tensor(1+2j)` is Complex128, as in MindSpore 2.10.
        Tensor::from_vec(vec![C128::new(re, im)], &[]).py()?
    } else if let Some(s) = scalar_from_py(obj, "Tensor")? {
        let d = dtype.unwrap_or(s.default_dtype());
        check_scalar_fits("Tensor", s, d).py()?;
        Tensor::full_scalar(s, d)
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut shape = vec![];
        let mut leaves = vec![];
        if let Err(e) = collect(obj, 0, &mut shape, &mut leaves) {
            // Tensors of any rank as elements (`Tensor((Tensor([4.0]),))`, what `tuple + Tensor`
            // converts): stacked through NumPy, as MindSpore does.
            if e.is_none() {
                if let Some(t) = stacked_tensors(obj)? {
                    return match dtype {
                        Some(d) if d != t.dtype() => easy_mindspore::cast(&t, d).py(),
                        _ => Ok(t),
                    };
                }
            }
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

/// Ints from one int or a tuple/list of them, for argument `name` of `op` (`None` when `obj` is
/// neither); an int outside int64 is a ValueError.
fn ints_from_py(obj: &Bound<'_, PyAny>, op: &str, name: &str) -> PyResult<Option<Vec<i64>>> {
    match py_integer(obj) {
        PyInteger::Fits(i) => return Ok(Some(vec![i])),
        PyInteger::TooBig(_) => return int_arg(obj, op, name).map(|i| Some(vec![i])),
        PyInteger::NotInt => {}
    }
    if !(obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>()) {
        return Ok(None);
    }
    let mut v = Vec::with_capacity(obj.len()?);
    for item in obj.try_iter()? {
        let item = item?;
        match py_integer(&item) {
            PyInteger::NotInt => return Ok(None),
            _ => v.push(int_arg(&item, op, name)?),
        }
    }
    Ok(Some(v))
}

/// Reduction axes from `None`, an int, or a tuple/list of ints.
pub fn axes_from_py(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Axes> {
    match obj {
        None => Ok(Axes::All),
        Some(o) if o.is_none() => Ok(Axes::All),
        Some(o) => match ints_from_py(o, "axis", "axis")? {
            Some(v) => Ok(Axes::List(v)),
            None => Err(type_err(format!(
                "axis must be None, an int or a tuple of ints, got {}",
                type_label(o)
            ))),
        },
    }
}

/// An error unless a shape argument of `op` has at most [`MAX_NDIM`] entries.
fn check_len(op: &str, n: usize) -> PyResult<()> {
    if n > MAX_NDIM {
        return Err(value_err(format!(
            "For '{op}', a tensor may have at most {MAX_NDIM} dimensions, but the shape has {n}"
        )));
    }
    Ok(())
}

/// A shape from ints given as varargs or as one tuple/list (`reshape(3, 4)`, `reshape((3, 4))`),
/// for `op`.
pub fn shape_args(args: &Bound<'_, PyTuple>, op: &str) -> PyResult<Vec<i64>> {
    let bad = || {
        type_err(format!(
            "For '{op}', the shape must be ints or one tuple of ints"
        ))
    };
    let v = if args.len() == 1 {
        ints_from_py(&args.get_item(0)?, op, "shape")?.ok_or_else(bad)?
    } else {
        ints_from_py(args.as_any(), op, "shape")?.ok_or_else(bad)?
    };
    check_len(op, v.len())?;
    Ok(v)
}

/// A non-negative shape (creation functions): an int or a tuple/list of ints, for `op`.
pub fn dims_from_py(obj: &Bound<'_, PyAny>, op: &str) -> PyResult<Vec<usize>> {
    let v = ints_from_py(obj, op, "shape")?.ok_or_else(|| {
        type_err(format!(
            "For '{op}', the shape must be an int or a tuple of ints, got {}",
            type_label(obj)
        ))
    })?;
    check_len(op, v.len())?;
    v.into_iter()
        .map(|d| {
            usize::try_from(d)
                .map_err(|_| value_err(format!("For '{op}', negative dimension {d} in the shape")))
        })
        .collect()
}

/// A fresh NumPy array with the tensor's dtype and shape (a copy; BFloat16 as float32, for
/// printing and `item`; an error for a value that varies across a `vmap` batch: it has no single
/// value).
pub fn to_numpy<'py>(py: Python<'py>, t: &Tensor) -> PyResult<Bound<'py, PyAny>> {
    crate::host::copy_to_numpy(py, t)
}

/// A scalar as a Python number.
pub fn scalar_to_py(py: Python<'_>, s: Scalar) -> PyResult<PyObject> {
    Ok(match s {
        Scalar::Bool(b) => PyBool::new(py, b).to_owned().into_any().unbind(),
        Scalar::Int(i) => i.into_pyobject(py)?.into_any().unbind(),
        Scalar::Float(f) => f.into_pyobject(py)?.into_any().unbind(),
    })
}

/// NumPy's `str` of the tensor's values, with MindSpore 2.10's text for the half-precision
/// dtypes ([`half_str`], [`bfloat16_str`]).
pub fn numpy_str(py: Python<'_>, t: &Tensor) -> PyResult<String> {
    let array = to_numpy(py, t)?;
    match t.dtype() {
        DType::Float16 => half_str(py, &array),
        DType::BFloat16 => bfloat16_str(py, &array),
        _ => array.str().map(|s| s.to_string()),
    }
}

/// MindSpore 2.10's `str` of a BFloat16 tensor: each value as C's `%f` (six decimals, no
/// alignment), NumPy's brackets, line breaks only between rows and its summary (`...`) past
/// 1000 elements: `[1.500000 2.250000]`.
pub fn bfloat16_str(py: Python<'_>, array: &Bound<'_, PyAny>) -> PyResult<String> {
    let numpy = py.import("numpy")?;
    let wide = array.call_method1("astype", (numpy.getattr("float32")?,))?;
    let formatter = pyo3::types::PyDict::new(py);
    formatter.set_item(
        "all",
        pyo3::types::PyString::new(py, "%f").getattr("__mod__")?,
    )?;
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("separator", " ")?;
    kwargs.set_item("max_line_width", i64::MAX)?;
    kwargs.set_item("threshold", 1000)?;
    kwargs.set_item("edgeitems", 3)?;
    kwargs.set_item("formatter", formatter)?;
    numpy
        .call_method("array2string", (wide,), Some(&kwargs))?
        .extract()
}

/// `str` of a Float16 array as MindSpore 2.10 prints it, which is NumPy 1.x's text: NumPy 2
/// switches Float16 to scientific notation from 1000 up (`[1.024e+03 2.048e+03]` and `1.024e+03`
/// where MindSpore prints `[1024. 2048.]` and `1024.0`); its `legacy="1.25"` print option keeps
/// the 1.x rule.
pub fn half_str(py: Python<'_>, array: &Bound<'_, PyAny>) -> PyResult<String> {
    let numpy = py.import("numpy")?;
    let version: String = numpy.getattr("__version__")?.extract()?;
    let major: u32 = version
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(1);
    if major < 2 {
        return array.str().map(|s| s.to_string());
    }
    let kwargs = pyo3::types::PyDict::new(py);
    kwargs.set_item("legacy", "1.25")?;
    let options = numpy.call_method("printoptions", (), Some(&kwargs))?;
    options.call_method0("__enter__")?;
    let text = array.str().map(|s| s.to_string());
    let none = py.None();
    options.call_method1("__exit__", (&none, &none, &none))?;
    text
}
