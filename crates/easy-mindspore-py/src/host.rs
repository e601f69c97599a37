//! Sharing host memory with NumPy, both ways, without copies (rust-numpy's C-API bindings).
//!
//! Out (`asnumpy`): a NumPy array over the tensor's own storage, whose base object
//! ([`HostMemory`]) holds the storage, so the buffer lives (and the pool cannot recycle it) while
//! any array over it does. The handle first makes its value exclusive
//! ([`PyTensor::exclusive`]: copy-on-export when the storage is shared), so a write through the
//! array reaches that tensor only. In (`from_numpy`): engine storage over the array's memory
//! (`Storage::from_host_memory`), holding the array alive, with the array's strides.
//!
//! BFloat16 is shared as the `ml_dtypes` package's NumPy `bfloat16` (NumPy has none of its own),
//! both ways; without `ml_dtypes`, `asnumpy` of a BFloat16 tensor is a TypeError naming it. What
//! cannot be shared is copied: a traced value, a `jit` constant read during its trace,
//! misaligned or byte-swapped arrays.
//!
//! In-place updates (as MindSpore 2.10, measured): `x[i] = v`, the in-place Tensor methods
//! (`add_`, `copy_`, ...), `ops.assign`/`assign_add`/`assign_sub` and optimizer steps write into
//! the memory arrays already see ([`write_into_export`], [`write_back`]); `Parameter.set_data`
//! rebinds the tensor to new memory, which arrays taken before do not see.

use crate::errors::{type_err, IntoPy};
use crate::handle::{Export, PyTensor};
use easy_mindspore as ems;
use ems::device::{Concrete, Storage};
use ems::layout::Layout;
use ems::{DType, Tensor};
use numpy::npyffi::{self, npy_intp, PY_ARRAY_API};
use numpy::{PyArrayDescr, PyArrayDescrMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::prelude::*;
use std::sync::Arc;

/// The base object of the NumPy arrays over a tensor's storage: it keeps the storage alive.
#[pyclass(module = "easy_mindspore._C", name = "HostMemory", frozen)]
pub struct HostMemory {
    storage: Storage,
    /// The handle's export record, when the storage is a tensor's own memory.
    _export: Option<Arc<Export>>,
}

#[pymethods]
impl HostMemory {
    fn __repr__(&self) -> String {
        format!(
            "HostMemory({} {} elements)",
            self.storage.len(),
            self.storage.dtype()
        )
    }
}

/// The NumPy dtype of an engine dtype. NumPy has no bfloat16 of its own: MindSpore 2.10 returns
/// an array of a bfloat16 extension dtype it registers with NumPy (`mindspore.common.np_dtype`,
/// kind `V`, 2 bytes), and a TypeError when that dtype is unavailable; ours is the same kind of
/// dtype from the `ml_dtypes` package (the one JAX and TensorFlow use), and a TypeError naming
/// the package when it is not installed.
///
/// Int64 is NumPy's `longlong` type (C's `long long`), as MindSpore's arrays are: the same
/// 8-byte integer as `numpy.int64` (`==`, hashing and arithmetic agree), but an array's repr
/// names it (`array([1, 2], dtype=int64)`), as MindSpore's users see it.
fn npy_descr<'py>(py: Python<'py>, d: DType, op: &str) -> PyResult<Bound<'py, PyArrayDescr>> {
    Ok(match d {
        DType::Bool => PyArrayDescr::of::<bool>(py),
        DType::Int8 => PyArrayDescr::of::<i8>(py),
        DType::Int16 => PyArrayDescr::of::<i16>(py),
        DType::Int32 => PyArrayDescr::of::<i32>(py),
        DType::Int64 => longlong_descr(py)?,
        DType::UInt8 => PyArrayDescr::of::<u8>(py),
        DType::UInt16 => PyArrayDescr::of::<u16>(py),
        DType::UInt32 => PyArrayDescr::of::<u32>(py),
        DType::UInt64 => PyArrayDescr::of::<u64>(py),
        DType::Float16 => PyArrayDescr::of::<half::f16>(py),
        DType::Float32 => PyArrayDescr::of::<f32>(py),
        DType::Float64 => PyArrayDescr::of::<f64>(py),
        DType::Complex64 => PyArrayDescr::of::<ems::dtype::C64>(py),
        DType::Complex128 => PyArrayDescr::of::<ems::dtype::C128>(py),
        DType::BFloat16 => {
            let bf16 = py
                .import("ml_dtypes")
                .and_then(|m| m.getattr("bfloat16"))
                .map_err(|_| {
                    type_err(format!(
                        "For '{op}', a BFloat16 tensor becomes a NumPy array of ml_dtypes' \
                         bfloat16 dtype (NumPy has none of its own), and the ml_dtypes package \
                         is not installed: `pip install ml-dtypes`, or convert first with \
                         `x.astype(mindspore.float32).{op}()`"
                    ))
                })?;
            let d = py.import("numpy")?.getattr("dtype")?.call1((bf16,))?;
            d.downcast_into::<PyArrayDescr>()?
        }
    })
}

/// NumPy's `longlong` dtype (`numpy.dtype('q')`).
fn longlong_descr(py: Python<'_>) -> PyResult<Bound<'_, PyArrayDescr>> {
    // SAFETY: `PyArray_DescrFromType` returns a new reference to a builtin dtype (or null with
    // a Python error set, which `from_owned_ptr_or_err` turns into that error).
    let descr = unsafe {
        let p = PY_ARRAY_API.PyArray_DescrFromType(py, npyffi::NPY_TYPES::NPY_LONGLONG as _);
        Bound::from_owned_ptr_or_err(py, p.cast())?
    };
    Ok(descr.downcast_into::<PyArrayDescr>()?)
}

/// The engine dtype of a NumPy dtype (long double becomes Float64, long double complex
/// Complex128), with the name NumPy casts to; a TypeError naming it for string, object and date
/// dtypes.
pub fn dtype_of_numpy(np_dtype: &Bound<'_, PyAny>) -> PyResult<(&'static str, DType)> {
    let kind: String = np_dtype.getattr("kind")?.extract()?;
    let size: usize = np_dtype.getattr("itemsize")?.extract()?;
    let name: String = np_dtype.getattr("name")?.extract()?;
    Ok(match (kind.as_str(), size) {
        // ml_dtypes' bfloat16 (an extension dtype: kind 'V', 2 bytes, named "bfloat16").
        ("V", 2) if name == "bfloat16" => ("bfloat16", DType::BFloat16),
        ("b", _) => ("bool", DType::Bool),
        ("f", 2) => ("float16", DType::Float16),
        ("f", 4) => ("float32", DType::Float32),
        ("f", _) => ("float64", DType::Float64),
        ("i", 1) => ("int8", DType::Int8),
        ("i", 2) => ("int16", DType::Int16),
        ("i", 4) => ("int32", DType::Int32),
        ("i", _) => ("int64", DType::Int64),
        ("u", 1) => ("uint8", DType::UInt8),
        ("u", 2) => ("uint16", DType::UInt16),
        ("u", 4) => ("uint32", DType::UInt32),
        ("u", _) => ("uint64", DType::UInt64),
        ("c", 8) => ("complex64", DType::Complex64),
        ("c", _) => ("complex128", DType::Complex128),
        _ => {
            let name = np_dtype.str().map(|n| n.to_string()).unwrap_or(kind);
            return Err(type_err(format!(
                "For 'Tensor', the numpy dtype {name} is not supported (bool, ints, uints, \
                 floats, complex and ml_dtypes' bfloat16 are)"
            )));
        }
    })
}

/// A NumPy array over `layout` of `storage` (a CPU storage whose elements the host may write),
/// whose base object holds the storage (and `export`).
fn array_over<'py>(
    py: Python<'py>,
    storage: &Storage,
    layout: &Layout,
    export: Option<Arc<Export>>,
) -> PyResult<Bound<'py, PyAny>> {
    let dtype = storage.dtype();
    let descr = npy_descr(py, dtype, "asnumpy")?;
    let Some(base_ptr) = storage.host_ptr() else {
        return Err(type_err(format!(
            "For 'asnumpy', a {dtype} tensor on {} has no NumPy view",
            storage.device().name()
        )));
    };
    let size = dtype.size_in_bytes();
    let mut dims: Vec<npy_intp> = layout.shape().iter().map(|&d| d as npy_intp).collect();
    let mut strides: Vec<npy_intp> = layout
        .strides()
        .iter()
        .map(|&s| (s * size as isize) as npy_intp)
        .collect();
    let owner = Bound::new(
        py,
        HostMemory {
            storage: storage.clone(),
            _export: export,
        },
    )?;
    // An empty view may keep an offset past the end of its storage: NumPy reads nothing there.
    let offset = if layout.numel() == 0 {
        0
    } else {
        layout.offset()
    };
    // SAFETY: the offset is inside the storage (the layout addresses its elements), and the
    // array's base object (set just below, before anything can read the array) holds the
    // storage, so the memory lives as long as the array; the dims and strides are copied by
    // NumPy; `into_dtype_ptr` gives NumPy the reference it steals.
    unsafe {
        let data = base_ptr.add(offset * size);
        let arr = PY_ARRAY_API.PyArray_NewFromDescr(
            py,
            PY_ARRAY_API.get_type_object(py, npyffi::NpyTypes::PyArray_Type),
            descr.into_dtype_ptr(),
            dims.len() as std::os::raw::c_int,
            dims.as_mut_ptr(),
            strides.as_mut_ptr(),
            data.cast(),
            npyffi::NPY_ARRAY_WRITEABLE,
            std::ptr::null_mut(),
        );
        if arr.is_null() {
            return Err(PyErr::fetch(py));
        }
        let arr = Bound::from_owned_ptr(py, arr);
        // `SetBaseObject` steals the reference to the owner.
        if PY_ARRAY_API.PyArray_SetBaseObject(py, arr.as_ptr().cast(), owner.into_ptr()) < 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(arr)
    }
}

/// A fresh NumPy array with the value's elements (a copy nothing else sees), BFloat16 as
/// float32 (exact: every bfloat16 is a float32), for printing and `item`, which must not need
/// `ml_dtypes`. An error for a value that varies across a `vmap` batch.
pub fn copy_to_numpy<'py>(py: Python<'py>, t: &Tensor) -> PyResult<Bound<'py, PyAny>> {
    t.check_readable("asnumpy()").py()?;
    let t = match t.dtype() {
        DType::BFloat16 => ems::ops::cast(t, DType::Float32).py()?,
        _ => t.clone(),
    };
    copy_exact(py, &t)
}

/// A fresh NumPy array with the value's elements in its own dtype (BFloat16 as ml_dtypes'
/// bfloat16, see [`npy_descr`]): what `asnumpy` gives when it cannot share.
pub fn copy_exact<'py>(py: Python<'py>, t: &Tensor) -> PyResult<Bound<'py, PyAny>> {
    t.check_readable("asnumpy()").py()?;
    let dims = t.dims().to_vec();
    let storage = match t.storage_layout() {
        Some((s, l)) if s.host_data().is_some() => s
            .device()
            .contiguous(&Concrete::new(s.clone(), l.clone()))
            .py()?,
        // A traced value reads its primal; memory on another device is downloaded.
        _ => {
            let bytes = t.to_ne_bytes().py()?;
            let fresh = Tensor::from_ne_bytes(&bytes, t.dtype(), &dims).py()?;
            fresh
                .storage_layout()
                .map(|(s, _)| s.clone())
                .ok_or_else(|| {
                    type_err("For 'asnumpy', a fresh value is not concrete".to_string())
                })?
        }
    };
    array_over(py, &storage, &Layout::contiguous(&dims), None)
}

/// `Tensor.asnumpy()`: a NumPy array sharing the tensor's memory (see the module doc); a copy
/// for what cannot be shared.
pub fn asnumpy<'py>(py: Python<'py>, h: &PyTensor) -> PyResult<Bound<'py, PyAny>> {
    let t = h.value();
    t.check_readable("asnumpy()").py()?;
    if t.dtype() == DType::BFloat16 {
        // Before any copy-on-export: a TypeError when ml_dtypes is missing.
        npy_descr(py, DType::BFloat16, "asnumpy")?;
    }
    drop(t);
    match h.exclusive("asnumpy").py()? {
        Some((own, export)) => match own.storage_layout() {
            Some((s, l)) => array_over(py, s, l, Some(export)),
            None => copy_exact(py, &own),
        },
        None => copy_exact(py, &h.value()),
    }
}

/// The array's memory and how to see it, as an engine storage: `(storage, shape, strides,
/// offset)` in elements, the storage holding `owner` (the array) alive.
pub struct Shared {
    pub storage: Storage,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
    pub offset: usize,
}

/// Host memory at `data` seen with `shape` and byte `strides`, owned by `owner`, as an engine
/// storage spanning every element the view reaches; `None` when a stride is not a multiple of
/// the element size, the memory is misaligned, or a Bool byte is not 0/1 (the caller copies).
///
/// # Safety
/// `data` with `shape` and `strides` must address initialised elements of `dtype` that live
/// (unmoved) as long as `owner` does.
pub unsafe fn share_memory(
    data: *mut u8,
    dtype: DType,
    shape: &[usize],
    byte_strides: &[isize],
    writable: bool,
    owner: Arc<dyn std::any::Any + Send + Sync>,
) -> Option<Shared> {
    let size = dtype.size_in_bytes() as isize;
    let mut strides = Vec::with_capacity(shape.len());
    for &b in byte_strides {
        if b % size != 0 {
            return None;
        }
        strides.push(b / size);
    }
    if shape.contains(&0) {
        return None;
    }
    // The lowest and highest elements the view reaches, relative to `data`.
    let (mut lo, mut hi) = (0isize, 0isize);
    for (&n, &s) in shape.iter().zip(&strides) {
        let span = (n as isize - 1) * s;
        if span < 0 {
            lo += span;
        } else {
            hi += span;
        }
    }
    let len = (hi - lo + 1) as usize;
    // SAFETY: `lo` elements before `data` is the lowest element the view reaches (the caller's
    // promise covers it); the storage spans exactly the reached elements.
    let start = unsafe { data.offset(lo * size) };
    // SAFETY: as above, passed on.
    let storage = unsafe { Storage::from_host_memory(start, dtype, len, writable, owner) }?;
    Some(Shared {
        storage,
        shape: shape.to_vec(),
        strides,
        offset: (-lo) as usize,
    })
}

/// The NumPy array that keeps shared memory valid.
struct ArrayOwner(#[allow(dead_code)] Py<PyAny>);

/// `from_numpy(a)`: a tensor sharing `a`'s memory (writes either side are visible to the other;
/// the tensor keeps `a` alive), with `a`'s strides. `None` when `a` is not an ndarray of a
/// supported native-order dtype, is empty, or is misaligned: the caller copies.
pub fn share_numpy(arr: &Bound<'_, PyAny>) -> PyResult<Option<Tensor>> {
    let Ok(a) = arr.downcast::<PyUntypedArray>() else {
        return Ok(None);
    };
    let descr = a.dtype();
    if descr.is_native_byteorder() == Some(false) {
        return Ok(None);
    }
    let (_, dtype) = dtype_of_numpy(descr.as_any())?;
    if descr.itemsize() != dtype.size_in_bytes() {
        // long double and the like: NumPy converts them.
        return Ok(None);
    }
    let writable: bool = arr.getattr("flags")?.getattr("writeable")?.extract()?;
    // SAFETY: the array object is a live ndarray (downcast above).
    let data = unsafe { (*a.as_array_ptr()).data }.cast::<u8>();
    let owner = Arc::new(ArrayOwner(arr.clone().unbind()));
    // SAFETY: an ndarray's data, shape and strides address its initialised elements, which live
    // while the array does; `owner` holds the array.
    let shared = unsafe { share_memory(data, dtype, a.shape(), a.strides(), writable, owner) };
    match shared {
        Some(s) => {
            Tensor::from_storage_strided("from_numpy", s.storage, &s.shape, &s.strides, s.offset)
                .py()
                .map(Some)
        }
        None => Ok(None),
    }
}

/// `Tensor(a)` for an ndarray: a copy of its elements (one pass over memory, the strided view
/// read in its logical order); `None` when the array cannot be read in place (the caller
/// converts it through NumPy).
pub fn copy_numpy(arr: &Bound<'_, PyAny>) -> PyResult<Option<Tensor>> {
    let Some(view) = share_numpy(arr)? else {
        return Ok(None);
    };
    let Some((s, l)) = view.storage_layout() else {
        return Ok(None);
    };
    let dims = view.dims().to_vec();
    let own = arr
        .py()
        .allow_threads(|| s.device().contiguous(&Concrete::new(s.clone(), l.clone())))
        .py()?;
    let strides = ems::layout::contiguous_strides(&dims);
    Tensor::from_storage_strided("Tensor", own, &dims, &strides, 0)
        .py()
        .map(Some)
}

/// `from_numpy(array)`: a tensor sharing `array`'s memory; a copy when it cannot be shared (an
/// empty, misaligned or byte-swapped array); a TypeError for anything but an ndarray.
pub fn from_numpy(array: &Bound<'_, PyAny>) -> PyResult<Tensor> {
    if array.downcast::<PyUntypedArray>().is_err() {
        return Err(type_err(format!(
            "For 'from_numpy', the input must be a numpy.ndarray, but got {}",
            array.get_type().name()?
        )));
    }
    match share_numpy(array)? {
        Some(t) => Ok(t),
        None => crate::convert::tensor_from_data(array, None),
    }
}

/// `mindspore.from_numpy(array)` (see [`from_numpy`]).
#[pyfunction(name = "from_numpy")]
pub fn from_numpy_fn(array: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    from_numpy(array).map(shared_handle)
}

/// A handle over memory another library shares: in-place ops write into that memory.
pub fn shared_handle(t: Tensor) -> PyTensor {
    let h = PyTensor::new(t);
    h.mark_external();
    h
}

/// When `h`'s memory is seen by live NumPy/DLPack arrays and `new` (the value an in-place op
/// computed) has its shape and dtype, `new`'s elements are copied into that memory and the
/// exported value is returned to be bound again; otherwise `new` itself.
pub fn write_into_export(h: &PyTensor, new: Tensor) -> ems::Result<Tensor> {
    let Some(old) = h.exported_value() else {
        return Ok(new);
    };
    Ok(if copy_elements(&old, &new)? { old } else { new })
}

/// Copies `new`'s elements into `old`'s memory when both have one shape and dtype and `old` is
/// writable host memory (`Ok(false)` and nothing written otherwise).
fn copy_elements(old: &Tensor, new: &Tensor) -> ems::Result<bool> {
    if new.is_traced() || old.dims() != new.dims() || old.dtype() != new.dtype() {
        return Ok(false);
    }
    let (Some((ds, dl)), Some((ss, sl))) = (old.storage_layout(), new.storage_layout()) else {
        return Ok(false);
    };
    let Some(dst) = ds.host_ptr() else {
        return Ok(false);
    };
    let size = new.dtype().size_in_bytes();
    // The source, contiguous and in other memory than the destination.
    let direct = sl.is_contiguous() && !ss.same(ds);
    let src_storage = if direct {
        ss.clone()
    } else {
        ss.device()
            .contiguous(&Concrete::new(ss.clone(), sl.clone()))?
    };
    let src_offset = if direct { sl.offset() } else { 0 };
    let Some(src) = src_storage.host_data() else {
        return Ok(false);
    };
    let n = new.numel() * size;
    if n > 0 && dl.is_contiguous() {
        // SAFETY: both ranges lie inside their storages (contiguous layouts of `numel`
        // elements), which are different buffers (`direct` or a fresh copy); the destination is
        // host memory that may be written (`host_ptr`).
        unsafe {
            std::ptr::copy_nonoverlapping(
                src.add(src_offset * size),
                dst.add(dl.offset() * size),
                n,
            )
        };
    } else if n > 0 {
        // A strided destination (a tensor over a strided NumPy view), element by element in
        // logical order; `exclusive` never exports a broadcast, so no element repeats.
        let mut i = 0;
        dl.for_each_offset(|off| {
            // SAFETY: as above; `off` is an element of the destination's layout.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    src.add((src_offset + i) * size),
                    dst.add(off * size),
                    size,
                )
            };
            i += 1;
        });
    }
    Ok(true)
}

/// `_C._exported(params)`: before an optimizer step, the values of `params` whose memory live
/// NumPy/DLPack arrays see (`None` for the others), or `None` when there are none (the usual
/// case: nothing to do after the step).
#[pyfunction(name = "_exported")]
pub fn exported(params: Vec<PyRef<'_, PyTensor>>) -> Option<Vec<Option<PyTensor>>> {
    let seen: Vec<Option<PyTensor>> = params
        .iter()
        .map(|p| p.exported_value().map(PyTensor::new))
        .collect();
    seen.iter().any(Option::is_some).then_some(seen)
}

/// `_C._write_back(params, exported)`: after an optimizer step (which computes each parameter's
/// new value in new memory), the new values of the parameters [`exported`] found are copied
/// into the memory their arrays see, and the parameters bound to it again: an optimizer step
/// shows in `asnumpy()` views taken before it, as in MindSpore.
#[pyfunction(name = "_write_back")]
pub fn write_back(
    params: Vec<PyRef<'_, PyTensor>>,
    exported: Vec<Option<PyRef<'_, PyTensor>>>,
) -> PyResult<()> {
    for (p, old) in params.iter().zip(&exported) {
        let Some(old) = old else { continue };
        let (old, new) = (old.value(), p.value());
        if !new.same(&old) && copy_elements(&old, &new).py()? {
            p.replace_same(&new, old).py()?;
        }
    }
    Ok(())
}
