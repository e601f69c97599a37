//! DLPack, both ways, on the CPU: `Tensor.__dlpack__` / `__dlpack_device__` (a capsule over the
//! tensor's own memory, versioned DLPack 1.0 when the consumer asks for it with `max_version`,
//! the legacy `DLManagedTensor` otherwise) and `from_dlpack` (a tensor over a producer's memory,
//! which calls the producer's deleter when the last storage over it goes).
//!
//! The C structs are DLPack's `dlpack.h` (v1.0) written out: a handful of `repr(C)` structs is
//! all the protocol needs. Exports go through the same copy-on-export as `asnumpy`
//! (`PyTensor::exclusive`), so a consumer's writes reach this tensor only.

use crate::errors::{value_err, IntoPy};
use crate::handle::{Export, PyTensor};
use crate::host::share_memory;
use easy_mindspore as ems;
use ems::device::Storage;
use ems::{DType, Tensor};
use pyo3::exceptions::{PyBufferError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyTuple};
use std::ffi::{c_void, CStr};
use std::sync::Arc;

/// `kDLCPU`.
const CPU: i32 = 1;
/// `DLPACK_FLAG_BITMASK_READ_ONLY`.
const READ_ONLY: u64 = 1;
/// `DLPACK_FLAG_BITMASK_IS_COPIED`.
const IS_COPIED: u64 = 2;

const LEGACY: &CStr = c"dltensor";
const VERSIONED: &CStr = c"dltensor_versioned";
const USED_LEGACY: &CStr = c"used_dltensor";
const USED_VERSIONED: &CStr = c"used_dltensor_versioned";

#[repr(C)]
#[derive(Clone, Copy)]
struct DLDevice {
    device_type: i32,
    device_id: i32,
}

#[repr(C)]
#[derive(Clone, Copy)]
struct DLDataType {
    code: u8,
    bits: u8,
    lanes: u16,
}

#[repr(C)]
struct DLTensor {
    data: *mut c_void,
    device: DLDevice,
    ndim: i32,
    dtype: DLDataType,
    shape: *mut i64,
    strides: *mut i64,
    byte_offset: u64,
}

#[repr(C)]
struct DLManagedTensor {
    dl_tensor: DLTensor,
    manager_ctx: *mut c_void,
    deleter: Option<unsafe extern "C" fn(*mut DLManagedTensor)>,
}

#[repr(C)]
struct DLPackVersion {
    major: u32,
    minor: u32,
}

#[repr(C)]
struct DLManagedTensorVersioned {
    version: DLPackVersion,
    manager_ctx: *mut c_void,
    deleter: Option<unsafe extern "C" fn(*mut DLManagedTensorVersioned)>,
    flags: u64,
    dl_tensor: DLTensor,
}

/// DLPack's type code and bits of a dtype (`kDLBool` 6, `kDLInt` 0, `kDLUInt` 1, `kDLFloat` 2,
/// `kDLBfloat` 4, `kDLComplex` 5).
fn dl_dtype(d: DType) -> DLDataType {
    let code = match d {
        DType::Bool => 6,
        DType::Int8 | DType::Int16 | DType::Int32 | DType::Int64 => 0,
        DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => 1,
        DType::Float16 | DType::Float32 | DType::Float64 => 2,
        DType::BFloat16 => 4,
        DType::Complex64 | DType::Complex128 => 5,
    };
    DLDataType {
        code,
        bits: (d.size_in_bytes() * 8) as u8,
        lanes: 1,
    }
}

/// The dtype of a DLPack type, if the engine has it.
fn dtype_of(t: DLDataType) -> Option<DType> {
    if t.lanes != 1 {
        return None;
    }
    Some(match (t.code, t.bits) {
        (6, 8) | (1, 1) => DType::Bool,
        (0, 8) => DType::Int8,
        (0, 16) => DType::Int16,
        (0, 32) => DType::Int32,
        (0, 64) => DType::Int64,
        (1, 8) => DType::UInt8,
        (1, 16) => DType::UInt16,
        (1, 32) => DType::UInt32,
        (1, 64) => DType::UInt64,
        (2, 16) => DType::Float16,
        (2, 32) => DType::Float32,
        (2, 64) => DType::Float64,
        (4, 16) => DType::BFloat16,
        (5, 64) => DType::Complex64,
        (5, 128) => DType::Complex128,
        _ => return None,
    })
}

/// What an exported capsule owns: the managed tensor (first, so its address is the context's),
/// the shape and strides it points to, and the storage (with the handle's export record).
#[repr(C)]
struct Holder<M> {
    managed: M,
    shape: Vec<i64>,
    strides: Vec<i64>,
    _storage: Storage,
    _export: Option<Arc<Export>>,
}

/// The deleter of an exported legacy tensor: frees its holder (and so releases the storage).
unsafe extern "C" fn delete_legacy(m: *mut DLManagedTensor) {
    if !m.is_null() {
        // SAFETY: `m` is the `managed` field of a leaked `Box<Holder<DLManagedTensor>>` whose
        // address is its `manager_ctx`; the protocol calls the deleter once.
        drop(unsafe { Box::from_raw((*m).manager_ctx.cast::<Holder<DLManagedTensor>>()) });
    }
}

/// The deleter of an exported versioned tensor.
unsafe extern "C" fn delete_versioned(m: *mut DLManagedTensorVersioned) {
    if !m.is_null() {
        // SAFETY: as for `delete_legacy`.
        drop(unsafe { Box::from_raw((*m).manager_ctx.cast::<Holder<DLManagedTensorVersioned>>()) });
    }
}

/// The capsule destructor of an exported tensor: when no consumer took it (its name is
/// unchanged), the deleter runs.
unsafe extern "C" fn capsule_destructor(capsule: *mut ffi::PyObject) {
    // SAFETY: `capsule` is a live capsule (Python calls this while destroying it); its name is
    // one of ours; a renamed ("used_...") capsule was consumed and its consumer owns the tensor.
    unsafe {
        if ffi::PyCapsule_IsValid(capsule, LEGACY.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(capsule, LEGACY.as_ptr()).cast::<DLManagedTensor>();
            delete_legacy(m);
        } else if ffi::PyCapsule_IsValid(capsule, VERSIONED.as_ptr()) == 1 {
            let m = ffi::PyCapsule_GetPointer(capsule, VERSIONED.as_ptr())
                .cast::<DLManagedTensorVersioned>();
            delete_versioned(m);
        } else {
            // A consumed capsule: nothing is ours. (GetPointer's error, if any, is cleared.)
            ffi::PyErr_Clear();
        }
    }
}

/// The DLTensor of `t` (a concrete CPU value whose storage the host may address), pointing into
/// `shape`/`strides`.
fn dl_tensor(t: &Tensor, shape: &mut [i64], strides: &mut [i64]) -> Option<DLTensor> {
    let (s, l) = t.storage_layout()?;
    let size = t.dtype().size_in_bytes();
    let offset = if l.numel() == 0 { 0 } else { l.offset() };
    Some(DLTensor {
        data: s.host_ptr()?.cast(),
        device: DLDevice {
            device_type: CPU,
            device_id: 0,
        },
        ndim: shape.len() as i32,
        dtype: dl_dtype(t.dtype()),
        shape: shape.as_mut_ptr(),
        strides: strides.as_mut_ptr(),
        byte_offset: (offset * size) as u64,
    })
}

/// A capsule over `t`'s memory (see the module doc); `copied` marks a copy in the versioned flags.
fn capsule(
    py: Python<'_>,
    t: &Tensor,
    export: Option<Arc<Export>>,
    versioned: bool,
    copied: bool,
) -> PyResult<PyObject> {
    let (storage, layout) = t
        .storage_layout()
        .ok_or_else(|| PyBufferError::new_err("For '__dlpack__', the value is not concrete"))?;
    let mut shape: Vec<i64> = layout.shape().iter().map(|&d| d as i64).collect();
    let mut strides: Vec<i64> = layout.strides().iter().map(|&s| s as i64).collect();
    let tensor = dl_tensor(t, &mut shape, &mut strides).ok_or_else(|| {
        PyBufferError::new_err("For '__dlpack__', the tensor's memory is not writable host memory")
    })?;
    let (ptr, name) = if versioned {
        let flags = if copied { IS_COPIED } else { 0 };
        let holder = Box::new(Holder {
            managed: DLManagedTensorVersioned {
                version: DLPackVersion { major: 1, minor: 0 },
                manager_ctx: std::ptr::null_mut(),
                deleter: Some(delete_versioned),
                flags,
                dl_tensor: tensor,
            },
            shape,
            strides,
            _storage: storage.clone(),
            _export: export,
        });
        let raw = Box::into_raw(holder);
        // SAFETY: `raw` is the live box just leaked; the managed tensor is its first field.
        unsafe { (*raw).managed.manager_ctx = raw.cast() };
        (raw.cast::<c_void>(), VERSIONED)
    } else {
        let holder = Box::new(Holder {
            managed: DLManagedTensor {
                dl_tensor: tensor,
                manager_ctx: std::ptr::null_mut(),
                deleter: Some(delete_legacy),
            },
            shape,
            strides,
            _storage: storage.clone(),
            _export: export,
        });
        let raw = Box::into_raw(holder);
        // SAFETY: as above.
        unsafe { (*raw).managed.manager_ctx = raw.cast() };
        (raw.cast::<c_void>(), LEGACY)
    };
    // SAFETY: `ptr` is the managed tensor (a `repr(C)` first field has the holder's address);
    // the destructor frees it unless a consumer renamed the capsule.
    let cap = unsafe { ffi::PyCapsule_New(ptr, name.as_ptr(), Some(capsule_destructor)) };
    if cap.is_null() {
        // SAFETY: no capsule owns the holder: free it here.
        unsafe {
            if versioned {
                delete_versioned(ptr.cast());
            } else {
                delete_legacy(ptr.cast());
            }
        }
        return Err(PyErr::fetch(py));
    }
    // SAFETY: a new reference from `PyCapsule_New`.
    Ok(unsafe { Bound::from_owned_ptr(py, cap) }.unbind())
}

/// A fresh contiguous copy of the handle's value (nothing else sees it).
fn fresh_copy(h: &PyTensor) -> PyResult<Tensor> {
    let t = h.value();
    t.check_readable("__dlpack__").py()?;
    let dims = t.dims().to_vec();
    let bytes = t.to_ne_bytes().py()?;
    Tensor::from_ne_bytes(&bytes, t.dtype(), &dims).py()
}

/// `Tensor.__dlpack__(stream=None, max_version=None, dl_device=None, copy=None)`.
pub fn export(
    py: Python<'_>,
    h: &PyTensor,
    stream: Option<&Bound<'_, PyAny>>,
    max_version: Option<&Bound<'_, PyAny>>,
    dl_device: Option<&Bound<'_, PyAny>>,
    copy: Option<bool>,
) -> PyResult<PyObject> {
    if stream.is_some_and(|s| !s.is_none()) {
        return Err(value_err(
            "For '__dlpack__', a CPU tensor takes stream=None".to_string(),
        ));
    }
    if let Some(d) = dl_device.filter(|d| !d.is_none()) {
        let (kind, _): (i32, i32) = d.extract()?;
        if kind != CPU {
            return Err(PyBufferError::new_err(format!(
                "For '__dlpack__', the tensor is on the CPU (device type 1), not device type {kind}"
            )));
        }
    }
    let versioned = match max_version.filter(|v| !v.is_none()) {
        Some(v) => v.extract::<(u32, u32)>()?.0 >= 1,
        None => false,
    };
    if copy == Some(true) {
        return capsule(py, &fresh_copy(h)?, None, versioned, true);
    }
    h.value().check_readable("__dlpack__").py()?;
    match h.exclusive("__dlpack__").py()? {
        Some((own, e)) => capsule(py, &own, Some(e), versioned, false),
        None if copy == Some(false) => Err(PyBufferError::new_err(
            "For '__dlpack__', copy=False but this value cannot be shared (a traced value or a \
             jit constant)",
        )),
        None => capsule(py, &fresh_copy(h)?, None, versioned, true),
    }
}

/// A consumed managed tensor whose deleter runs when the last storage over its memory goes.
struct Imported {
    ptr: *mut c_void,
    versioned: bool,
}

// SAFETY: DLPack's deleters may be called from any thread (the producer takes any lock it needs).
unsafe impl Send for Imported {}
// SAFETY: the pointer is only used once, by `Drop`.
unsafe impl Sync for Imported {}

impl Drop for Imported {
    fn drop(&mut self) {
        // SAFETY: `ptr` is the managed tensor a capsule gave us; its deleter is called once.
        unsafe {
            if self.versioned {
                let m = self.ptr.cast::<DLManagedTensorVersioned>();
                if let Some(d) = (*m).deleter {
                    d(m);
                }
            } else {
                let m = self.ptr.cast::<DLManagedTensor>();
                if let Some(d) = (*m).deleter {
                    d(m);
                }
            }
        }
    }
}

/// The capsule of `obj`: `obj` itself, or what its `__dlpack__` gives (versioned when it can).
fn capsule_of<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = obj.py();
    // SAFETY: a type check of a live object.
    if unsafe { ffi::PyCapsule_CheckExact(obj.as_ptr()) } == 1 {
        return Ok(obj.clone());
    }
    if !obj.hasattr("__dlpack__")? {
        return Err(PyTypeError::new_err(format!(
            "For 'from_dlpack', the input must be a DLPack capsule or have __dlpack__, but got {}",
            obj.get_type().name()?
        )));
    }
    if obj.hasattr("__dlpack_device__")? {
        let (kind, _): (i32, i32) = obj.call_method0("__dlpack_device__")?.extract()?;
        if kind != CPU {
            return Err(PyBufferError::new_err(format!(
                "For 'from_dlpack', only CPU memory (device type 1) can be shared, not device \
                 type {kind}"
            )));
        }
    }
    let kwargs = [("max_version", PyTuple::new(py, [1, 0])?)].into_py_dict(py)?;
    match obj.call_method("__dlpack__", (), Some(&kwargs)) {
        Ok(c) => Ok(c),
        // A producer older than DLPack 1.0 has no `max_version`.
        Err(e) if e.is_instance_of::<PyTypeError>(py) => obj.call_method0("__dlpack__"),
        Err(e) => Err(e),
    }
}

/// `from_dlpack(obj)`: a tensor sharing the memory of a DLPack capsule or of an object with
/// `__dlpack__` (NumPy, PyTorch, ...). The capsule is consumed (renamed `used_...`).
pub fn import(obj: &Bound<'_, PyAny>) -> PyResult<Tensor> {
    let cap = capsule_of(obj)?;
    let c = cap.as_ptr();
    // SAFETY: `c` is a capsule (checked by the producer protocol; `IsValid` checks again).
    let (ptr, versioned) = unsafe {
        if ffi::PyCapsule_IsValid(c, VERSIONED.as_ptr()) == 1 {
            (ffi::PyCapsule_GetPointer(c, VERSIONED.as_ptr()), true)
        } else if ffi::PyCapsule_IsValid(c, LEGACY.as_ptr()) == 1 {
            (ffi::PyCapsule_GetPointer(c, LEGACY.as_ptr()), false)
        } else {
            return Err(value_err(
                "For 'from_dlpack', the capsule is not an unconsumed DLPack tensor (a capsule \
                 can be consumed only once)"
                    .to_string(),
            ));
        }
    };
    // SAFETY: a valid DLPack capsule holds a live managed tensor of its kind.
    let (tensor, flags) = unsafe {
        if versioned {
            let m = &*ptr.cast::<DLManagedTensorVersioned>();
            if m.version.major != 1 {
                return Err(PyBufferError::new_err(format!(
                    "For 'from_dlpack', DLPack version {}.{} is not supported (1.x is)",
                    m.version.major, m.version.minor
                )));
            }
            (&m.dl_tensor, m.flags)
        } else {
            (&(*ptr.cast::<DLManagedTensor>()).dl_tensor, 0)
        }
    };
    let read = read_tensor(tensor)?;
    // Consumed from here on: the storage owns the managed tensor and calls its deleter.
    // SAFETY: renaming a live capsule; the name is a static C string.
    let used = if versioned {
        USED_VERSIONED
    } else {
        USED_LEGACY
    };
    if unsafe { ffi::PyCapsule_SetName(c, used.as_ptr()) } != 0 {
        return Err(PyErr::fetch(obj.py()));
    }
    let owner = Arc::new(Imported { ptr, versioned });
    let (data, dtype, shape, strides) = read;
    let writable = flags & READ_ONLY == 0;
    let n: usize = shape.iter().product();
    if n == 0 {
        drop(owner);
        return Tensor::from_ne_bytes(&[], dtype, &shape).py();
    }
    // SAFETY: the producer's DLTensor addresses initialised elements that live until its
    // deleter runs, which `owner` does when the last storage goes.
    let shared = unsafe { share_memory(data, dtype, &shape, &strides, writable, owner) };
    let s = shared.ok_or_else(|| {
        value_err(format!(
            "For 'from_dlpack', the {dtype} memory is misaligned or holds bool bytes other than 0/1"
        ))
    })?;
    Tensor::from_storage_strided("from_dlpack", s.storage, &s.shape, &s.strides, s.offset).py()
}

/// The data pointer (with the byte offset applied), dtype, shape and byte strides of a DLTensor.
type Read = (*mut u8, DType, Vec<usize>, Vec<isize>);

/// Reads a producer's DLTensor: CPU memory of a dtype the engine has.
fn read_tensor(t: &DLTensor) -> PyResult<Read> {
    if t.device.device_type != CPU {
        return Err(PyBufferError::new_err(format!(
            "For 'from_dlpack', only CPU memory (device type 1) can be shared, not device type {}",
            t.device.device_type
        )));
    }
    let dtype = dtype_of(t.dtype).ok_or_else(|| {
        PyBufferError::new_err(format!(
            "For 'from_dlpack', DLPack dtype (code {}, bits {}, lanes {}) is not supported",
            t.dtype.code, t.dtype.bits, t.dtype.lanes
        ))
    })?;
    let nd = usize::try_from(t.ndim).map_err(|_| value_err("negative ndim".to_string()))?;
    // SAFETY: `shape` (and `strides`, unless null) point to `ndim` integers (DLPack's contract).
    let shape: Vec<i64> = if nd == 0 {
        vec![]
    } else {
        unsafe { std::slice::from_raw_parts(t.shape, nd) }.to_vec()
    };
    let shape: Vec<usize> = shape
        .iter()
        .map(|&d| usize::try_from(d).map_err(|_| value_err(format!("negative dimension {d}"))))
        .collect::<PyResult<_>>()?;
    let size = dtype.size_in_bytes() as isize;
    let strides: Vec<isize> = if t.strides.is_null() || nd == 0 {
        ems::layout::contiguous_strides(&shape)
            .iter()
            .map(|&s| s * size)
            .collect()
    } else {
        // SAFETY: as above.
        unsafe { std::slice::from_raw_parts(t.strides, nd) }
            .iter()
            .map(|&s| s as isize * size)
            .collect()
    };
    // SAFETY: the byte offset is inside the producer's allocation (DLPack's contract).
    let data = unsafe { t.data.cast::<u8>().add(t.byte_offset as usize) };
    Ok((data, dtype, shape, strides))
}

/// `mindspore.utils.dlpack.from_dlpack(dlpack)`: a tensor sharing the memory of a DLPack capsule
/// (or of an object with `__dlpack__`).
#[pyfunction]
pub fn from_dlpack(dlpack: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    import(dlpack).map(crate::host::shared_handle)
}

/// `mindspore.utils.dlpack.to_dlpack(tensor)`: a legacy `dltensor` capsule over the tensor's
/// memory (as MindSpore returns).
#[pyfunction]
pub fn to_dlpack(py: Python<'_>, tensor: &Bound<'_, PyTensor>) -> PyResult<PyObject> {
    export(py, tensor.get(), None, None, None, None)
}
