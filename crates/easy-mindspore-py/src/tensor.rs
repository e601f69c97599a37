//! `easy_mindspore.tensor.Tensor`: a mutable Python handle to an immutable engine value. Item
//! assignment (`x[1, 2] = 9`) rebinds the handle to a new value made by a functional op, so it is
//! differentiable inside a traced function, as in MindSpore. Every method converts and forwards.

use crate::convert::{
    axes_from_py, bool_arg, dtype_from_py, dtype_to_py, int_arg, operand, py_integer, scalar_to_py,
    shape_args, tensor_from_data, to_numpy, type_label, PyInteger,
};
use crate::errors::{type_err, value_err, IntoPy};
use crate::gil::{maybe_allow_threads, run};
use crate::handle::{PyTensor, GRAD_LEAF, VIEW};
use crate::index::parse_index;
use crate::tensor_args::{
    args_or_keywords, axis_or_dim, binary, check_one, flatten_args, from_shape, int_or, keep_flag,
    me_size, one_element, opt_dtype, scalars, single_axis, sum_of, tolist_rec, view_as_dtype,
    weak_zero_d,
};
use crate::views;
use easy_mindspore as ems;
use ems::{Axes, DType, Index, Operand, Scalar, Tensor};
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

#[pymethods]
impl PyTensor {
    #[new]
    #[pyo3(signature = (input_data=None, dtype=None, shape=None, init=None, const_arg=false, device=None))]
    fn py_new(
        py: Python<'_>,
        input_data: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        shape: Option<&Bound<'_, PyAny>>,
        init: Option<&Bound<'_, PyAny>>,
        const_arg: bool,
        device: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let _ = (const_arg, device); // accepted for MindSpore's signature; one device here
        let d = opt_dtype(dtype)?;
        let shape = shape.filter(|s| !s.is_none());
        let t = match (input_data, shape) {
            (Some(x), None) if !x.is_none() => tensor_from_data(x, d)?,
            (Some(x), Some(s)) if !x.is_none() => {
                return Err(value_err(format!(
                    "When initializing a tensor with 'input_data', 'shape' should be set to None. \
                     But got shape: {}.",
                    s.str()?
                )))
            }
            (_, Some(s)) => match crate::placeholder::from_shape(s, d, init)? {
                Some(p) => return Ok(p),
                None => from_shape(py, s, d, init)?,
            },
            _ => return Err(type_err("For 'Tensor', 'input_data' must be given")),
        };
        Ok(PyTensor::new(t))
    }

    #[getter]
    fn shape<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        match self.dynamic_dims() {
            Some(m) => PyTuple::new(py, crate::placeholder::shape(self.value().dims(), m)),
            None => PyTuple::new(py, self.value().dims()),
        }
    }
    #[getter]
    fn dtype(&self, py: Python<'_>) -> PyResult<PyObject> {
        dtype_to_py(py, self.value().dtype())
    }
    #[getter]
    fn ndim(&self) -> usize {
        self.value().ndim()
    }
    #[getter]
    fn size(&self) -> usize {
        if self.dynamic_dims().is_some() {
            return 0; // as MindSpore's placeholders
        }
        self.value().numel()
    }
    #[getter(T)]
    fn t<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTensor>> {
        let out = slf.get().value().T().py()?;
        views::link(slf, out, 0, Tensor::T)
    }
    #[doc = include_str!("../docs/tensor/dim.md")]
    fn dim(&self) -> usize {
        self.value().ndim()
    }
    #[doc = include_str!("../docs/tensor/numel.md")]
    fn numel(&self) -> usize {
        self.value().numel()
    }

    fn __repr__(&self) -> String {
        let v = self.value();
        match self.dynamic_dims() {
            Some(m) => crate::placeholder::repr(v.dims(), m, v.dtype()),
            None => v.to_string(),
        }
    }
    /// NumPy's `str` of the value (MindSpore's `print(x)`). Inside `vmap`, a value that varies
    /// across the batch has no single value: it prints as its repr, the whole batch.
    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        if self.value().is_batched() {
            return Ok(self.value().to_string());
        }
        crate::convert::numpy_str(py, &self.value())
    }
    fn __hash__(slf: &Bound<'_, Self>) -> isize {
        slf.as_ptr() as isize
    }

    fn __add__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Add", &self.value(), o, false, ems::add)
    }
    fn __radd__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Add", &self.value(), o, true, ems::add)
    }
    fn __sub__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Sub", &self.value(), o, false, ems::sub)
    }
    fn __rsub__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Sub", &self.value(), o, true, ems::sub)
    }
    fn __mul__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Mul", &self.value(), o, false, |a, b| {
            weak_zero_d(a, b).and_then(|(a, b)| ems::mul(a, b))
        })
    }
    fn __rmul__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Mul", &self.value(), o, true, |a, b| {
            weak_zero_d(a, b).and_then(|(a, b)| ems::mul(a, b))
        })
    }
    fn __truediv__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Div", &self.value(), o, false, |a, b| {
            weak_zero_d(a, b).and_then(|(a, b)| ems::div(a, b))
        })
    }
    fn __rtruediv__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Div", &self.value(), o, true, |a, b| {
            weak_zero_d(a, b).and_then(|(a, b)| ems::div(a, b))
        })
    }
    fn __floordiv__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "FloorDiv", &self.value(), o, false, |a, b| {
            ems::floor_divide(a, b)
        })
    }
    fn __rfloordiv__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "FloorDiv", &self.value(), o, true, |a, b| {
            ems::floor_divide(a, b)
        })
    }
    fn __mod__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Mod", &self.value(), o, false, |a, b| {
            ems::remainder(a, b)
        })
    }
    fn __rmod__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "Mod", &self.value(), o, true, ems::remainder)
    }
    fn __pow__(
        &self,
        py: Python<'_>,
        o: &Bound<'_, PyAny>,
        _m: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        binary(py, "Pow", &self.value(), o, false, ems::pow)
    }
    fn __rpow__(
        &self,
        py: Python<'_>,
        o: &Bound<'_, PyAny>,
        _m: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        binary(py, "Pow", &self.value(), o, true, ems::pow)
    }
    fn __matmul__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let (me, other) = (self.value(), tensor_from_data(o, None)?);
        run(py, me.numel() + other.numel(), move || {
            ems::matmul(&me, &other)
        })
    }
    fn __rmatmul__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let (me, other) = (self.value(), tensor_from_data(o, None)?);
        run(py, me.numel() + other.numel(), move || {
            ems::matmul(&other, &me)
        })
    }
    fn __neg__(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::neg(x))
    }
    fn __pos__(&self) -> PyTensor {
        PyTensor::new(self.value())
    }
    fn __abs__(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::abs(&x))
    }

    fn __richcmp__(
        &self,
        py: Python<'_>,
        o: &Bound<'_, PyAny>,
        op: CompareOp,
    ) -> PyResult<PyObject> {
        // A comparison with an int outside int64 is exact through a float (no int64 value is
        // near it); arithmetic with it is an error.
        let other = match py_integer(o) {
            PyInteger::TooBig(_) if o.is_instance_of::<pyo3::types::PyInt>() => {
                Some(Operand::Scalar(Scalar::Float(o.extract::<f64>()?)))
            }
            _ => operand(o, "compare")?,
        };
        let Some(other) = other else {
            return Ok(py.NotImplemented());
        };
        let x = self.value();
        let size = x.numel().max(me_size(&other));
        let me = Operand::Tensor(x);
        let r = run(py, size, move || match op {
            CompareOp::Eq => ems::equal(me, other),
            CompareOp::Ne => ems::not_equal(me, other),
            CompareOp::Lt => ems::less(me, other),
            CompareOp::Le => ems::less_equal(me, other),
            CompareOp::Gt => ems::greater(me, other),
            CompareOp::Ge => ems::greater_equal(me, other),
        })?;
        Ok(Bound::new(py, r)?.into_any().unbind())
    }

    fn __bool__(&self) -> PyResult<bool> {
        self.value().check_readable("bool()").py()?;
        self.value().to_bool().py()
    }
    fn __float__(&self) -> PyResult<f64> {
        Ok(one_element(
            &self.value(),
            "float()",
            "Only one element tensors can be converted to Python scalars",
        )?
        .to_f64())
    }
    fn __int__(&self) -> PyResult<i64> {
        let s = one_element(
            &self.value(),
            "int()",
            "Only one element tensors can be converted to Python scalars",
        )?;
        Ok(match s {
            Scalar::Bool(b) => i64::from(b),
            Scalar::Int(i) => i,
            Scalar::Float(f) => f as i64,
        })
    }
    fn __index__(&self) -> PyResult<i64> {
        self.value().check_readable("the value of an index").py()?;
        match (self.value().dtype(), self.value().numel()) {
            (DType::Int32 | DType::Int64 | DType::Bool, 1) => Ok(self.value().to_vec::<i64>()[0]),
            _ => Err(value_err(
                "Only integer tensors of a single element can be converted to an index.",
            )),
        }
    }
    fn __len__(&self) -> PyResult<usize> {
        match self.value().dims().first() {
            Some(&n) => Ok(n),
            None => Err(type_err("Not support len of a 0-D tensor")),
        }
    }
    fn __iter__(&self, py: Python<'_>) -> PyResult<PyObject> {
        let n = self
            .__len__()
            .map_err(|_| type_err("iteration over a 0-d tensor"))?;
        let rows = (0..n)
            .map(|i| self.value().get(i as i64).py().map(PyTensor::new))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, rows)?.try_iter()?.into_any().unbind())
    }
    /// Basic indexing (integers, slices, `None`, `...`) gives what MindSpore calls a view
    /// (marked, for the in-place methods' checks); the value is the engine's, as always.
    /// It shares the tensor's elements (`views.rs`); advanced indexing gives a copy.
    fn __getitem__<'py>(
        slf: &Bound<'py, Self>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let (py, x) = (slf.py(), slf.get().value());
        let idx = parse_index(py, key, true)?;
        if idx.iter().any(|i| matches!(i, Index::Tensor(_))) {
            let out = maybe_allow_threads(py, x.numel(), move || ems::index(&x, &idx)).py()?;
            return Bound::new(py, PyTensor::new(out));
        }
        let i = idx.clone();
        let out = maybe_allow_threads(py, x.numel(), move || ems::index(&x, &i)).py()?;
        views::link(slf, out, VIEW, move |b| ems::index(b, &idx))
    }
    /// The handle is not borrowed while the new value is computed (with the GIL released for a
    /// large tensor): other threads may read it meanwhile, and `value` may be the tensor itself.
    /// The new value is stored only if no other thread rebound the handle meanwhile; otherwise it
    /// is computed again from that thread's value, so that concurrent assignments all land.
    fn __setitem__(
        slf: &Bound<'_, Self>,
        key: &Bound<'_, PyAny>,
        value: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        let py = slf.py();
        let idx = parse_index(py, key, false)?;
        let (mut x, mut seen) = slf.get().value_with_rebinds();
        let dtype = x.dtype();
        // Python numbers and lists take the tensor's dtype, and must fit it (`x[0] = 2**40` for
        // an Int32 `x` is an error, not a wrapped value).
        let v = if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
            tensor_from_data(value, Some(dtype))?
        } else {
            match operand(value, "setitem")? {
                Some(Operand::Tensor(t)) => t,
                Some(Operand::Scalar(s)) => {
                    ems::tensor::check_scalar_fits("setitem", s, dtype).py()?;
                    Tensor::full_scalar(s, dtype)
                }
                None => {
                    return Err(type_err(format!(
                        "cannot assign {} to a tensor",
                        type_label(value)
                    )))
                }
            }
        };
        loop {
            let (i, w) = (idx.clone(), v.clone());
            let new =
                maybe_allow_threads(py, x.numel(), move || ems::index_put(&x, &i, &w)).py()?;
            // A tensor whose memory NumPy or DLPack arrays see is written in place, as
            // MindSpore's and PyTorch's setitem do.
            let new = crate::host::write_into_export(slf.get(), new).py()?;
            if slf.get().set_value_if(new, seen).py()? {
                return views::written(slf, None);
            }
            (x, seen) = slf.get().value_with_rebinds();
        }
    }

    #[doc = include_str!("../docs/tensor/item.md")]
    fn item(&self, py: Python<'_>) -> PyResult<PyObject> {
        if self.value().dtype() == DType::UInt64 || self.value().dtype().is_complex() {
            // Values past i64 are Python ints only through NumPy's uint64; complex values are
            // Python complex numbers through NumPy's complex types.
            check_one(
                &self.value(),
                "item()",
                "Only one element tensors can be converted to Python scalars",
            )?;
            return Ok(to_numpy(py, &self.value())?.call_method0("item")?.unbind());
        }
        let s = one_element(
            &self.value(),
            "item()",
            "Only one element tensors can be converted to Python scalars",
        )?;
        scalar_to_py(py, s)
    }
    #[doc = include_str!("../docs/tensor/tolist.md")]
    fn tolist(&self, py: Python<'_>) -> PyResult<PyObject> {
        self.value().check_readable("tolist()").py()?;
        if self.value().dtype() == DType::UInt64 || self.value().dtype().is_complex() {
            return Ok(to_numpy(py, &self.value())?
                .call_method0("tolist")?
                .unbind());
        }
        tolist_rec(py, &scalars(&self.value()), self.value().dims())
    }
    /// Returns a NumPy array that shares the tensor's memory (as MindSpore 2.10 does).
    ///
    /// Two calls share memory; a write through the array shows in the tensor, and in-place
    /// updates (`t[i] = v`, `copy_`, `add_` and the other in-place methods, `ops.assign`,
    /// optimizer steps) write into the memory the array sees. If the tensor's storage is shared
    /// with other tensors or views, or is read-only, the tensor first gets its own copy, so
    /// writes through the array reach this tensor only. Ops that make a new tensor (`t += 1`,
    /// `set_data`) leave the array with the old values. The array keeps the memory alive after
    /// the tensor is gone. A BFloat16 tensor gives an array of the `ml_dtypes` package's
    /// bfloat16 (NumPy has none; a TypeError naming the package when it is missing); a value
    /// being traced (inside `grad` or `jit`) gives a copy.
    ///
    /// Returns:
    ///     numpy.ndarray, of the tensor's shape and dtype.
    ///
    /// Examples:
    ///     >>> import mindspore as ms
    ///     >>> t = ms.Tensor([1.0, 2.0])
    ///     >>> a = t.asnumpy()
    ///     >>> a[0] = 5.0
    ///     >>> print(t)
    ///     [5. 2.]
    fn asnumpy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::host::asnumpy(py, self)
    }
    #[doc = include_str!("../docs/tensor/numpy.md")]
    fn numpy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::host::asnumpy(py, self)
    }
    /// Converts a NumPy array to a Tensor sharing its memory (no copy); writes through either
    /// side show in the other, and the tensor keeps the array alive. An empty, misaligned or
    /// byte-swapped array is copied.
    ///
    /// Args:
    ///     array (numpy.ndarray): The array (bool, int, uint or float dtype).
    ///
    /// Returns:
    ///     Tensor, with the array's shape and dtype.
    ///
    /// Examples:
    ///     >>> import numpy as np
    ///     >>> import mindspore as ms
    ///     >>> a = np.ones(2, np.float32)
    ///     >>> t = ms.Tensor.from_numpy(a)
    ///     >>> a[1] = 3.0
    ///     >>> print(t)
    ///     [1. 3.]
    #[staticmethod]
    fn from_numpy(array: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        crate::host::from_numpy(array).map(crate::host::shared_handle)
    }
    /// A DLPack capsule over the tensor's memory (the array API's `__dlpack__`).
    #[pyo3(signature = (*, stream=None, max_version=None, dl_device=None, copy=None))]
    fn __dlpack__(
        &self,
        py: Python<'_>,
        stream: Option<&Bound<'_, PyAny>>,
        max_version: Option<&Bound<'_, PyAny>>,
        dl_device: Option<&Bound<'_, PyAny>>,
        copy: Option<bool>,
    ) -> PyResult<PyObject> {
        crate::dlpack::export(py, self, stream, max_version, dl_device, copy)
    }
    /// `(1, 0)`: DLPack's CPU device.
    fn __dlpack_device__(&self) -> (i32, i32) {
        (1, 0)
    }
    #[pyo3(signature = (dtype=None, copy=None))]
    fn __array__<'py>(
        &self,
        py: Python<'py>,
        dtype: Option<&Bound<'py, PyAny>>,
        copy: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        // NumPy's protocol: a view unless a copy is asked for (as `asnumpy`).
        let a = if bool_arg(copy, "__array__", "copy", false)? {
            crate::host::copy_exact(py, &self.value())?
        } else {
            crate::host::asnumpy(py, self)?
        };
        match dtype {
            Some(d) if !d.is_none() => a
                .call_method1("astype", (d,))
                .map_err(|e| type_err(format!("For '__array__', {}", e.value(py)))),
            _ => Ok(a),
        }
    }

    #[doc = include_str!("../docs/tensor/sum.md")]
    #[pyo3(signature = (axis=None, dtype=None, keepdims=None, initial=None, *, dim=None, keepdim=None))]
    #[allow(clippy::too_many_arguments)] // MindSpore's two overloads' spellings
    fn sum<'py>(
        slf: &Bound<'py, Self>,
        axis: Option<&Bound<'py, PyAny>>,
        dtype: Option<&Bound<'py, PyAny>>,
        keepdims: Option<&Bound<'py, PyAny>>,
        initial: Option<&Bound<'py, PyAny>>,
        dim: Option<&Bound<'py, PyAny>>,
        keepdim: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let total = Bound::new(
            py,
            sum_of(py, slf.get().value(), axis, dtype, keepdims, dim, keepdim)?,
        )?
        .into_any();
        // `initial` joins the sum as a scalar operand does (`x.sum(initial=1.5)` of Int32 is
        // Float32, as in MindSpore 2.10).
        match initial {
            Some(v) if !v.is_none() => total.call_method1("__add__", (v,)),
            _ => Ok(total),
        }
    }
    #[doc = include_str!("../docs/tensor/mean.md")]
    #[pyo3(signature = (axis=None, keep_dims=None, keepdims=None, *, dim=None, keepdim=None, dtype=None))]
    #[allow(clippy::too_many_arguments)] // MindSpore's two overloads' spellings
    fn mean(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keep_dims: Option<&Bound<'_, PyAny>>,
        keepdims: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keep = keep_flag(
            "mean",
            &[
                (keep_dims, "keep_dims"),
                (keepdims, "keepdims"),
                (keepdim, "keepdim"),
            ],
        )?;
        let axis = axis_or_dim("mean", axis, dim)?;
        let (x, axes, dtype) = (self.value(), axes_from_py(axis)?, opt_dtype(dtype)?);
        run(py, x.numel(), move || {
            let x = match dtype {
                Some(d) if d != x.dtype() => ems::cast(&x, d)?,
                _ => x,
            };
            ems::mean(&x, axes, keep)
        })
    }
    #[doc = include_str!("../docs/tensor/max.md")]
    #[pyo3(signature = (axis=None, keepdims=None))]
    fn max(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keepdims: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keepdims = bool_arg(keepdims, "max", "keepdims", false)?;
        let (x, axes) = (self.value(), axes_from_py(axis)?);
        run(py, x.numel(), move || ems::max(&x, axes, keepdims))
    }
    #[doc = include_str!("../docs/tensor/min.md")]
    #[pyo3(signature = (axis=None, keepdims=None))]
    fn min(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keepdims: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keepdims = bool_arg(keepdims, "min", "keepdims", false)?;
        let (x, axes) = (self.value(), axes_from_py(axis)?);
        run(py, x.numel(), move || ems::min(&x, axes, keepdims))
    }
    #[doc = include_str!("../docs/tensor/argmax.md")]
    #[pyo3(signature = (axis=None, keepdims=None, *, dim=None, keepdim=None))]
    fn argmax(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keepdims: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keepdims = keep_flag("argmax", &[(keepdims, "keepdims"), (keepdim, "keepdim")])?;
        let axis = axis_or_dim("argmax", axis, dim)?;
        let (x, axis) = (self.value(), single_axis(axis)?);
        // Int64, as MindSpore 2.10's Tensor.argmax (its argmin and ops.Argmax give Int32).
        run(py, x.numel(), move || {
            ems::argmax(&x, axis, keepdims)?.astype(DType::Int64)
        })
    }
    #[doc = include_str!("../docs/tensor/argmin.md")]
    #[pyo3(signature = (axis=None, keepdims=None, *, dim=None, keepdim=None))]
    fn argmin(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keepdims: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keepdims = keep_flag("argmin", &[(keepdims, "keepdims"), (keepdim, "keepdim")])?;
        let axis = axis_or_dim("argmin", axis, dim)?;
        let (x, axis) = (self.value(), single_axis(axis)?);
        run(py, x.numel(), move || ems::argmin(&x, axis, keepdims))
    }
    #[doc = include_str!("../docs/tensor/prod.md")]
    #[pyo3(signature = (axis=None, keep_dims=None, dtype=None, *, dim=None, keepdim=None))]
    fn prod(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keep_dims: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keep_dims = keep_flag("prod", &[(keep_dims, "keep_dims"), (keepdim, "keepdim")])?;
        let axis = axis_or_dim("prod", axis, dim)?;
        let (x, axes, dtype) = (self.value(), axes_from_py(axis)?, opt_dtype(dtype)?);
        run(py, x.numel(), move || {
            let x = match dtype {
                Some(d) if d != x.dtype() => ems::cast(&x, d)?,
                _ => x,
            };
            ems::prod(&x, axes, keep_dims)
        })
    }
    #[doc = include_str!("../docs/tensor/all.md")]
    #[pyo3(signature = (axis=None, keep_dims=None, *, dim=None, keepdim=None))]
    fn all(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keep_dims: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keep_dims = keep_flag("all", &[(keep_dims, "keep_dims"), (keepdim, "keepdim")])?;
        let axis = axis_or_dim("all", axis, dim)?;
        let (x, axes) = (self.value(), axes_from_py(axis)?);
        run(py, x.numel(), move || {
            ems::min(&ems::cast(&x, DType::Bool)?, axes, keep_dims)
        })
    }
    #[doc = include_str!("../docs/tensor/any.md")]
    #[pyo3(signature = (axis=None, keep_dims=None, *, dim=None, keepdim=None))]
    fn any(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        keep_dims: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
        keepdim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let keep_dims = keep_flag("any", &[(keep_dims, "keep_dims"), (keepdim, "keepdim")])?;
        let axis = axis_or_dim("any", axis, dim)?;
        let (x, axes) = (self.value(), axes_from_py(axis)?);
        run(py, x.numel(), move || {
            let any = ems::max(&ems::cast(&x, DType::Bool)?, axes, keep_dims)?;
            // UInt8 stays UInt8 (MindSpore 2.10 and PyTorch: `any` of bytes is a byte).
            match x.dtype() {
                DType::UInt8 => ems::cast(&any, DType::UInt8),
                _ => Ok(any),
            }
        })
    }
    #[doc = include_str!("../docs/tensor/cumsum.md")]
    #[pyo3(signature = (axis=None, dtype=None, *, dim=None))]
    fn cumsum(
        &self,
        py: Python<'_>,
        axis: Option<&Bound<'_, PyAny>>,
        dtype: Option<&Bound<'_, PyAny>>,
        dim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        let axis = axis_or_dim("cumsum", axis, dim)?;
        let (x, axis, dtype) = (self.value(), single_axis(axis)?, opt_dtype(dtype)?);
        // MindSpore 2.10's Tensor.cumsum sums Bool and the integers narrower than 32 bits as
        // Int32; a given dtype is the dtype the sum runs in.
        let dtype = dtype.or(match x.dtype() {
            DType::Bool | DType::Int8 | DType::Int16 | DType::UInt8 => Some(DType::Int32),
            _ => None,
        });
        run(py, x.numel(), move || {
            let x = match dtype {
                Some(d) if d != x.dtype() => ems::cast(&x, d)?,
                _ => x,
            };
            match axis {
                Some(a) => ems::cumsum(&x, a),
                None => ems::flatten(&x).and_then(|f| ems::cumsum(&f, 0)),
            }
        })
    }

    #[doc = include_str!("../docs/tensor/reshape.md")]
    #[pyo3(signature = (*args, shape=None))]
    fn reshape<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        shape: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let shape = args_or_keywords(args, &[("shape", shape)], "reshape")?;
        let (x, shape) = (slf.get().value(), shape_args(&shape, "Reshape")?);
        let s = shape.clone();
        let out = maybe_allow_threads(slf.py(), x.numel(), move || ems::reshape(&x, &s)).py()?;
        views::link(slf, out, 0, move |b| ems::reshape(b, &shape))
    }
    #[doc = include_str!("../docs/tensor/view.md")]
    #[pyo3(signature = (*shape))]
    fn view<'py>(
        slf: &Bound<'py, Self>,
        shape: &Bound<'py, PyTuple>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        match view_as_dtype(slf, shape)? {
            Some(out) => Ok(out),
            None => Self::reshape(slf, shape, None),
        }
    }
    #[doc = include_str!("../docs/tensor/transpose.md")]
    #[pyo3(signature = (*args, dim0=None, dim1=None))]
    fn transpose<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        dim0: Option<&Bound<'py, PyAny>>,
        dim1: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let axes = &args_or_keywords(args, &[("dim0", dim0), ("dim1", dim1)], "transpose")?;
        let a = if axes.is_empty() {
            None
        } else {
            Some(shape_args(axes, "Transpose")?)
        };
        let x = slf.get().value();
        // Two axes given as two arguments to a tensor that is not 2-D: MindSpore 2.10's
        // `transpose(dim0, dim1)` overload, which swaps them (for a 2-D tensor both readings
        // agree). A tuple of two is a permutation, which must name every axis.
        if let (Some([d0, d1]), 2) = (a.as_deref(), axes.len()) {
            if x.shape().len() != 2 {
                let (d0, d1) = (*d0, *d1);
                let out = ems::swapaxes(&x, d0, d1).py()?;
                return views::link(slf, out, 0, move |b| ems::swapaxes(b, d0, d1));
            }
        }
        let out = ems::transpose(&x, a.as_deref()).py()?;
        views::link(slf, out, 0, move |b| ems::transpose(b, a.as_deref()))
    }
    #[doc = include_str!("../docs/tensor/permute.md")]
    #[pyo3(signature = (*args, dims=None))]
    fn permute<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        dims: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let axes = &args_or_keywords(args, &[("dims", dims)], "permute")?;
        // no axes: the axes reversed, as `transpose()` (MindSpore 2.10)
        let a = if axes.is_empty() {
            None
        } else {
            Some(shape_args(axes, "Permute")?)
        };
        let out = ems::transpose(&slf.get().value(), a.as_deref()).py()?;
        views::link(slf, out, 0, move |b| ems::transpose(b, a.as_deref()))
    }
    #[doc = include_str!("../docs/tensor/swapaxes.md")]
    fn swapaxes<'py>(
        slf: &Bound<'py, Self>,
        axis0: &Bound<'py, PyAny>,
        axis1: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let a0 = int_arg(axis0, "SwapAxes", "axis0")?;
        let a1 = int_arg(axis1, "SwapAxes", "axis1")?;
        let out = ems::swapaxes(&slf.get().value(), a0, a1).py()?;
        views::link(slf, out, 0, move |b| ems::swapaxes(b, a0, a1))
    }
    #[doc = include_str!("../docs/tensor/expand_dims.md")]
    fn expand_dims<'py>(
        slf: &Bound<'py, Self>,
        axis: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let a = int_arg(axis, "ExpandDims", "axis")?;
        let out = ems::expand_dims(&slf.get().value(), a).py()?;
        views::link(slf, out, 0, move |b| ems::expand_dims(b, a))
    }
    #[doc = include_str!("../docs/tensor/squeeze.md")]
    #[pyo3(signature = (axis=None))]
    fn squeeze<'py>(
        slf: &Bound<'py, Self>,
        axis: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let a = match axes_from_py(axis)? {
            Axes::All => None,
            Axes::List(v) => Some(v),
        };
        let out = ems::squeeze(&slf.get().value(), a.as_deref()).py()?;
        views::link(slf, out, 0, move |b| ems::squeeze(b, a.as_deref()))
    }
    #[doc = include_str!("../docs/tensor/flatten.md")]
    #[pyo3(signature = (*args, order=None, start_dim=None, end_dim=None))]
    fn flatten<'py>(
        slf: &Bound<'py, Self>,
        args: &Bound<'py, PyTuple>,
        order: Option<&Bound<'py, PyAny>>,
        start_dim: Option<&Bound<'py, PyAny>>,
        end_dim: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyTensor>> {
        let (order, start_dim, end_dim) = flatten_args(args, order, start_dim, end_dim)?;
        let start = int_or(start_dim.as_ref(), "Flatten", "start_dim", 0)?;
        let end = int_or(end_dim.as_ref(), "Flatten", "end_dim", -1)?;
        if order == Some('F') {
            // Column-major: the axes reversed, then the range flattened (MindSpore 2.10's).
            let out = ems::transpose(&slf.get().value(), None)
                .and_then(|t| ems::flatten_range(&t, start, end))
                .py()?;
            return Bound::new(slf.py(), PyTensor::new(out));
        }
        let x = slf.get().value();
        let out = maybe_allow_threads(slf.py(), x.numel(), move || {
            ems::flatten_range(&x, start, end)
        })
        .py()?;
        views::link(slf, out, 0, move |b| ems::flatten_range(b, start, end))
    }
    #[doc = include_str!("../docs/tensor/astype.md")]
    #[pyo3(signature = (dtype, copy=None))]
    fn astype(
        &self,
        py: Python<'_>,
        dtype: &Bound<'_, PyAny>,
        copy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyTensor> {
        bool_arg(copy, "astype", "copy", true)?;
        let (x, d) = (self.value(), dtype_from_py(dtype)?);
        run(py, x.numel(), move || ems::cast(&x, d))
    }
    #[doc = include_str!("../docs/tensor/copy.md")]
    fn copy(&self) -> PyTensor {
        PyTensor::new(self.value())
    }
    #[doc = include_str!("../docs/tensor/matmul.md")]
    fn matmul(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        self.__matmul__(py, other)
    }

    #[doc = include_str!("../docs/tensor/abs.md")]
    fn abs(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::abs(&x))
    }
    #[doc = include_str!("../docs/tensor/exp.md")]
    fn exp(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::exp(&x))
    }
    #[doc = include_str!("../docs/tensor/log.md")]
    fn log(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::log(&x))
    }
    #[doc = include_str!("../docs/tensor/sqrt.md")]
    fn sqrt(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::sqrt(&x))
    }
    #[doc = include_str!("../docs/tensor/sin.md")]
    fn sin(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::sin(&x))
    }
    #[doc = include_str!("../docs/tensor/cos.md")]
    fn cos(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::cos(&x))
    }
    #[doc = include_str!("../docs/tensor/tanh.md")]
    fn tanh(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::tanh(&x))
    }
    #[doc = include_str!("../docs/tensor/erf.md")]
    fn erf(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::erf(&x))
    }
    #[doc = include_str!("../docs/tensor/erfc.md")]
    fn erfc(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::erfc(&x))
    }
    #[doc = include_str!("../docs/tensor/erfinv.md")]
    fn erfinv(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::erfinv(&x))
    }
    #[doc = include_str!("../docs/tensor/expm1.md")]
    fn expm1(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::expm1(&x))
    }
    #[doc = include_str!("../docs/tensor/log1p.md")]
    fn log1p(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::log1p(&x))
    }
    #[doc = include_str!("../docs/tensor/sigmoid.md")]
    fn sigmoid(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::sigmoid(&x))
    }
    #[doc = include_str!("../docs/tensor/relu.md")]
    fn relu(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::relu(&x))
    }
    #[doc = include_str!("../docs/tensor/square.md")]
    fn square(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::square(&x))
    }
    #[doc = include_str!("../docs/tensor/floor.md")]
    fn floor(&self, py: Python<'_>) -> PyResult<PyTensor> {
        let x = self.value();
        run(py, x.numel(), move || ems::floor(&x))
    }
    #[doc = include_str!("../docs/tensor/neg.md")]
    fn neg(&self, py: Python<'_>) -> PyResult<PyTensor> {
        self.__neg__(py)
    }
    /// Rebinds this handle to another tensor's value (`jit` writes back the arguments its
    /// function rebound).
    fn _rebind(&self, other: PyRef<'_, PyTensor>) -> PyResult<()> {
        let v = other.value();
        self.set_value(v).py()
    }
    /// Updates this handle in place to another tensor's value (same shape and dtype): the
    /// in-place methods and `ops.assign`, which write into the memory NumPy/DLPack arrays see
    /// (as MindSpore 2.10's do), where `_rebind` gives the handle the other value's memory.
    fn _write(&self, other: PyRef<'_, PyTensor>) -> PyResult<()> {
        let new = crate::host::write_into_export(self, other.value()).py()?;
        self.set_value(new).py()
    }
    /// This handle was just written in place (`_write`): its base chain and their other views
    /// see the write (`views.rs`).
    fn _written(slf: &Bound<'_, Self>) -> PyResult<()> {
        views::written(slf, None)
    }
    /// The tensor this one is a view of (`x` for `x[0]`, `x.reshape(...)`), or None.
    #[getter]
    fn _view_base<'py>(slf: &Bound<'py, Self>) -> Option<Bound<'py, PyTensor>> {
        views::base_of(slf)
    }
    /// How many times this handle was rebound (`jit` writes back arguments its function rebound).
    #[getter]
    fn _rebinds(&self) -> u64 {
        self.rebinds()
    }
    /// True while a transformation traces this value.
    #[getter]
    fn _is_traced(&self) -> bool {
        self.value().is_traced()
    }
    /// True for an input of a running `grad` (a leaf that needs a gradient), not rebound since.
    #[getter]
    fn _is_grad_leaf(&self) -> bool {
        self.has_flag(GRAD_LEAF) && self.value().is_traced()
    }
    /// True for a tensor made by basic indexing (a view, in MindSpore's terms).
    #[getter]
    fn _is_view(&self) -> bool {
        self.has_flag(VIEW)
    }
    fn __lshift__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "LeftShift", &self.value(), o, false, |a, b| {
            ems::left_shift(a, b)
        })
    }
    fn __rlshift__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "LeftShift", &self.value(), o, true, |a, b| {
            ems::left_shift(a, b)
        })
    }
    fn __rshift__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "RightShift", &self.value(), o, false, |a, b| {
            ems::right_shift(a, b)
        })
    }
    fn __rrshift__(&self, py: Python<'_>, o: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        binary(py, "RightShift", &self.value(), o, true, |a, b| {
            ems::right_shift(a, b)
        })
    }
}
