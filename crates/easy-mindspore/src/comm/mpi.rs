//! The Open MPI transport: the dozen MPI calls the collectives use, resolved from `libmpi.so.40`
//! when [`Mpi::load`] runs (at `init()`), never at build or import time, so one wheel works on a
//! machine without MPI and says what to install there. All of the crate's `unsafe` for
//! communication is in this file; every call checks MPI's return code and turns a failure into an
//! [`Error::Device`] naming the call and MPI's own message.
//!
//! Open MPI's handles (`MPI_COMM_WORLD`, `MPI_FLOAT`, `MPI_SUM`, ...) are not constants but the
//! addresses of exported objects (`ompi_mpi_comm_world`, `ompi_mpi_float`, `ompi_mpi_op_sum`),
//! which we look up like the functions. Handles are kept as `usize` so the state is `Send`.

use crate::dtype::DType;
use crate::error::{Error, Result};
use libloading::Library;
use std::ffi::{c_char, c_int, c_void};

/// The library file Open MPI 4.x and 5.x install (Debian's `libopenmpi3`/`libopenmpi-dev`).
pub const LIBRARY: &str = "libmpi.so.40";

/// What to do when the library is missing.
pub const INSTALL_HINT: &str = "install Open MPI (`apt-get install openmpi-bin libopenmpi-dev`) \
     and start the script with `mpirun -n N python script.py` or `msrun --worker_num=N \
     --local_worker_num=N script.py`";

/// An MPI handle (a communicator, datatype, operation or group): the address of an Open MPI object.
pub type Handle = usize;

/// `MPI_THREAD_SERIALIZED`: any thread may call MPI, one at a time (our state lock serialises).
const THREAD_SERIALIZED: c_int = 2;
/// `MPI_SUCCESS`.
const SUCCESS: c_int = 0;
/// `MPI_MAX_ERROR_STRING` in Open MPI.
const MAX_ERROR_STRING: usize = 256;

type Fn0 = unsafe extern "C" fn() -> c_int;
type FnInt = unsafe extern "C" fn(*mut c_int) -> c_int;
type FnInitThread =
    unsafe extern "C" fn(*mut c_int, *mut *mut *mut c_char, c_int, *mut c_int) -> c_int;
type FnCommInt = unsafe extern "C" fn(Handle, *mut c_int) -> c_int;
type FnComm = unsafe extern "C" fn(Handle) -> c_int;
type FnCommPtr = unsafe extern "C" fn(*mut Handle) -> c_int;
type FnAllreduce =
    unsafe extern "C" fn(*const c_void, *mut c_void, c_int, Handle, Handle, Handle) -> c_int;
type FnAllgather =
    unsafe extern "C" fn(*const c_void, c_int, Handle, *mut c_void, c_int, Handle, Handle) -> c_int;
type FnBcast = unsafe extern "C" fn(*mut c_void, c_int, Handle, c_int, Handle) -> c_int;
type FnCommHandle = unsafe extern "C" fn(Handle, Handle) -> c_int;
type FnCommGroup = unsafe extern "C" fn(Handle, *mut Handle) -> c_int;
type FnGroupIncl = unsafe extern "C" fn(Handle, c_int, *const c_int, *mut Handle) -> c_int;
type FnCommCreateGroup = unsafe extern "C" fn(Handle, Handle, c_int, *mut Handle) -> c_int;
type FnAbort = unsafe extern "C" fn(Handle, c_int) -> c_int;
type FnIallreduce = unsafe extern "C" fn(
    *const c_void,
    *mut c_void,
    c_int,
    Handle,
    Handle,
    Handle,
    *mut Handle,
) -> c_int;
type FnTest = unsafe extern "C" fn(*mut Handle, *mut c_int, *mut c_void) -> c_int;
type FnWait = unsafe extern "C" fn(*mut Handle, *mut c_void) -> c_int;
type FnErrorString = unsafe extern "C" fn(c_int, *mut c_char, *mut c_int) -> c_int;

/// The reduction of an all-reduce or reduce-scatter (MindSpore's `ReduceOp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReduceOp {
    /// Elementwise sum.
    Sum,
    /// Elementwise maximum.
    Max,
    /// Elementwise minimum.
    Min,
    /// Elementwise product.
    Prod,
}

impl ReduceOp {
    /// MindSpore's name of the operation (`ReduceOp.SUM == "sum"`).
    pub fn name(self) -> &'static str {
        match self {
            ReduceOp::Sum => "sum",
            ReduceOp::Max => "max",
            ReduceOp::Min => "min",
            ReduceOp::Prod => "prod",
        }
    }

    /// The operation of a MindSpore name (`"sum"`, `"max"`, `"min"`, `"prod"`).
    pub fn from_name(op: &'static str, name: &str) -> Result<ReduceOp> {
        match name {
            "sum" => Ok(ReduceOp::Sum),
            "max" => Ok(ReduceOp::Max),
            "min" => Ok(ReduceOp::Min),
            "prod" => Ok(ReduceOp::Prod),
            other => Err(Error::invalid(
                op,
                format!("'op' must be one of 'sum', 'max', 'min', 'prod', but got '{other}'"),
            )),
        }
    }

    fn symbol(self) -> &'static [u8] {
        match self {
            ReduceOp::Sum => b"ompi_mpi_op_sum\0",
            ReduceOp::Max => b"ompi_mpi_op_max\0",
            ReduceOp::Min => b"ompi_mpi_op_min\0",
            ReduceOp::Prod => b"ompi_mpi_op_prod\0",
        }
    }
}

/// The Open MPI datatype object an engine dtype reduces as, if MPI has one: every integer width
/// the two IEEE floats and the two complex types. Float16/BFloat16 have no MPI type (the collectives compute them in
/// Float32); Bool has no arithmetic reduction.
pub fn datatype_symbol(dtype: DType) -> Option<&'static [u8]> {
    Some(match dtype {
        DType::Int8 => b"ompi_mpi_int8_t\0",
        DType::Int16 => b"ompi_mpi_int16_t\0",
        DType::Int32 => b"ompi_mpi_int32_t\0",
        DType::Int64 => b"ompi_mpi_int64_t\0",
        DType::UInt8 => b"ompi_mpi_uint8_t\0",
        DType::UInt16 => b"ompi_mpi_uint16_t\0",
        DType::UInt32 => b"ompi_mpi_uint32_t\0",
        DType::UInt64 => b"ompi_mpi_uint64_t\0",
        DType::Float32 => b"ompi_mpi_float\0",
        DType::Float64 => b"ompi_mpi_double\0",
        DType::Complex64 => b"ompi_mpi_c_float_complex\0",
        DType::Complex128 => b"ompi_mpi_c_double_complex\0",
        DType::Bool | DType::Float16 | DType::BFloat16 => return None,
    })
}

/// The loaded library: its functions and the handles of its predefined objects. Made once per
/// process and never dropped (Open MPI cannot be unloaded and initialised again).
pub struct Mpi {
    _lib: Library,
    init_thread: FnInitThread,
    initialized: FnInt,
    finalized: FnInt,
    finalize: Fn0,
    comm_rank: FnCommInt,
    comm_size: FnCommInt,
    allreduce: FnAllreduce,
    iallreduce: FnIallreduce,
    test: FnTest,
    wait: FnWait,
    allgather: FnAllgather,
    bcast: FnBcast,
    reduce_scatter_block: FnAllreduce,
    barrier: FnComm,
    comm_set_errhandler: FnCommHandle,
    comm_group: FnCommGroup,
    group_incl: FnGroupIncl,
    group_free: FnCommPtr,
    comm_create_group: FnCommCreateGroup,
    comm_free: FnCommPtr,
    abort: FnAbort,
    error_string: FnErrorString,
    /// `MPI_COMM_WORLD`.
    pub world: Handle,
    byte: Handle,
    errors_return: Handle,
    ops: [Handle; 4],
    types: Vec<(DType, Handle)>,
}

/// Looks up one exported symbol as a `T` (a function pointer, or with `T = *mut c_void` the
/// address of a data object).
fn sym<T: Copy>(lib: &Library, name: &[u8]) -> Result<T> {
    // SAFETY: every `T` asked for here is the C signature Open MPI's `mpi.h` declares for that
    // name (or a pointer, for data objects, whose address is all we keep); the library stays
    // loaded as long as the `Mpi` that holds the copied pointer.
    unsafe { lib.get::<T>(name).map(|s| *s) }.map_err(|e| {
        let shown = String::from_utf8_lossy(name.strip_suffix(b"\0").unwrap_or(name)).into_owned();
        mpi_error(&format!(
            "{LIBRARY} has no symbol {shown} ({e}); {INSTALL_HINT}"
        ))
    })
}

fn addr(lib: &Library, name: &[u8]) -> Result<Handle> {
    sym::<*mut c_void>(lib, name).map(|p| p as Handle)
}

/// A communication failure (RuntimeError in Python).
pub fn mpi_error(msg: &str) -> Error {
    Error::Device {
        device: "MPI".into(),
        msg: msg.into(),
    }
}

impl Mpi {
    /// Opens `libmpi.so.40` and resolves everything; an error naming what to install when the
    /// library is missing.
    pub fn load() -> Result<Mpi> {
        Mpi::load_from(LIBRARY)
    }

    /// [`Mpi::load`] from the library file `name`.
    pub fn load_from(name: &str) -> Result<Mpi> {
        // RTLD_GLOBAL: Open MPI's plugins are opened later and resolve their calls into libmpi
        // through the global namespace.
        let flags = libloading::os::unix::RTLD_NOW | libloading::os::unix::RTLD_GLOBAL;
        // SAFETY: loading runs libmpi's (and its dependencies') initialisers, which only set up
        // Open MPI's own state; no Rust invariant depends on them.
        let lib = unsafe { libloading::os::unix::Library::open(Some(name), flags) }
            .map(Library::from)
            .map_err(|e| mpi_error(&format!("cannot load {name} ({e}); {INSTALL_HINT}")))?;
        let mut types = Vec::new();
        for d in DType::ALL {
            if let Some(name) = datatype_symbol(d) {
                types.push((d, addr(&lib, name)?));
            }
        }
        let ops = [
            addr(&lib, ReduceOp::Sum.symbol())?,
            addr(&lib, ReduceOp::Max.symbol())?,
            addr(&lib, ReduceOp::Min.symbol())?,
            addr(&lib, ReduceOp::Prod.symbol())?,
        ];
        Ok(Mpi {
            init_thread: sym(&lib, b"MPI_Init_thread\0")?,
            initialized: sym(&lib, b"MPI_Initialized\0")?,
            finalized: sym(&lib, b"MPI_Finalized\0")?,
            finalize: sym(&lib, b"MPI_Finalize\0")?,
            comm_rank: sym(&lib, b"MPI_Comm_rank\0")?,
            comm_size: sym(&lib, b"MPI_Comm_size\0")?,
            allreduce: sym(&lib, b"MPI_Allreduce\0")?,
            iallreduce: sym(&lib, b"MPI_Iallreduce\0")?,
            test: sym(&lib, b"MPI_Test\0")?,
            wait: sym(&lib, b"MPI_Wait\0")?,
            allgather: sym(&lib, b"MPI_Allgather\0")?,
            bcast: sym(&lib, b"MPI_Bcast\0")?,
            reduce_scatter_block: sym(&lib, b"MPI_Reduce_scatter_block\0")?,
            barrier: sym(&lib, b"MPI_Barrier\0")?,
            comm_set_errhandler: sym(&lib, b"MPI_Comm_set_errhandler\0")?,
            comm_group: sym(&lib, b"MPI_Comm_group\0")?,
            group_incl: sym(&lib, b"MPI_Group_incl\0")?,
            group_free: sym(&lib, b"MPI_Group_free\0")?,
            comm_create_group: sym(&lib, b"MPI_Comm_create_group\0")?,
            comm_free: sym(&lib, b"MPI_Comm_free\0")?,
            abort: sym(&lib, b"MPI_Abort\0")?,
            error_string: sym(&lib, b"MPI_Error_string\0")?,
            world: addr(&lib, b"ompi_mpi_comm_world\0")?,
            byte: addr(&lib, b"ompi_mpi_byte\0")?,
            errors_return: addr(&lib, b"ompi_mpi_errors_return\0")?,
            ops,
            types,
            _lib: lib,
        })
    }

    /// MPI's message for a return code.
    fn message(&self, code: c_int) -> String {
        let mut buf = [0 as c_char; MAX_ERROR_STRING];
        let mut len: c_int = 0;
        // SAFETY: the buffer has MPI_MAX_ERROR_STRING bytes, as MPI_Error_string requires.
        let rc = unsafe { (self.error_string)(code, buf.as_mut_ptr(), &mut len) };
        if rc != SUCCESS {
            return format!("MPI error code {code}");
        }
        let len = usize::try_from(len).unwrap_or(0).min(MAX_ERROR_STRING);
        let bytes: Vec<u8> = buf[..len].iter().map(|&c| c as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    fn check(&self, call: &str, rc: c_int) -> Result<()> {
        if rc == SUCCESS {
            Ok(())
        } else {
            Err(mpi_error(&format!("{call} failed: {}", self.message(rc))))
        }
    }

    /// `MPI_Init_thread` (serialized threads) unless MPI is already initialised, then errors
    /// returned rather than fatal on the world communicator.
    pub fn init(&self) -> Result<()> {
        if self.is_finalized()? {
            return Err(mpi_error(
                "MPI was finalised by release(); it cannot be initialised again in this process",
            ));
        }
        let mut flag: c_int = 0;
        // SAFETY: MPI_Initialized may be called at any time and writes one int.
        self.check("MPI_Initialized", unsafe { (self.initialized)(&mut flag) })?;
        if flag == 0 {
            let mut provided: c_int = 0;
            // SAFETY: MPI accepts null argc/argv; `provided` is one int it writes.
            let rc = unsafe {
                (self.init_thread)(
                    std::ptr::null_mut(),
                    std::ptr::null_mut(),
                    THREAD_SERIALIZED,
                    &mut provided,
                )
            };
            self.check("MPI_Init_thread", rc)?;
        }
        self.set_errors_return(self.world)
    }

    /// True once `MPI_Finalize` ran.
    pub fn is_finalized(&self) -> Result<bool> {
        let mut flag: c_int = 0;
        // SAFETY: MPI_Finalized may be called at any time and writes one int.
        self.check("MPI_Finalized", unsafe { (self.finalized)(&mut flag) })?;
        Ok(flag != 0)
    }

    fn set_errors_return(&self, comm: Handle) -> Result<()> {
        // SAFETY: `comm` is a live communicator and MPI_ERRORS_RETURN a predefined handler.
        let rc = unsafe { (self.comm_set_errhandler)(comm, self.errors_return) };
        self.check("MPI_Comm_set_errhandler", rc)
    }

    /// `MPI_Finalize`.
    pub fn finalize(&self) -> Result<()> {
        // SAFETY: called once, after init, by the state that owns every communicator.
        self.check("MPI_Finalize", unsafe { (self.finalize)() })
    }

    /// This process's rank and the size of `comm`.
    pub fn rank_size(&self, comm: Handle) -> Result<(usize, usize)> {
        let (mut rank, mut size): (c_int, c_int) = (0, 0);
        // SAFETY: `comm` is a live communicator; each call writes one int.
        self.check("MPI_Comm_rank", unsafe {
            (self.comm_rank)(comm, &mut rank)
        })?;
        // SAFETY: as above.
        self.check("MPI_Comm_size", unsafe {
            (self.comm_size)(comm, &mut size)
        })?;
        Ok((to_usize(rank), to_usize(size)))
    }

    fn datatype(&self, dtype: DType) -> Result<Handle> {
        self.types
            .iter()
            .find(|(d, _)| *d == dtype)
            .map(|(_, h)| *h)
            .ok_or_else(|| mpi_error(&format!("MPI has no datatype for {dtype}")))
    }

    fn op(&self, op: ReduceOp) -> Handle {
        match op {
            ReduceOp::Sum => self.ops[0],
            ReduceOp::Max => self.ops[1],
            ReduceOp::Min => self.ops[2],
            ReduceOp::Prod => self.ops[3],
        }
    }

    /// `MPI_Allreduce` of `send` into `recv` (equal lengths, elements of `dtype`).
    pub fn allreduce<T>(
        &self,
        send: &[T],
        recv: &mut [T],
        dtype: DType,
        op: ReduceOp,
        comm: Handle,
    ) -> Result<()> {
        let n = count(send.len(), recv.len(), 1)?;
        let ty = self.datatype(dtype)?;
        // SAFETY: both buffers hold `n` elements of the MPI type matching `T` (the caller's
        // `dtype` is `T`'s); MPI reads `send` and writes `recv` only during the call.
        let rc = unsafe {
            (self.allreduce)(
                send.as_ptr().cast(),
                recv.as_mut_ptr().cast(),
                n,
                ty,
                self.op(op),
                comm,
            )
        };
        self.check("MPI_Allreduce", rc)
    }

    /// `MPI_Iallreduce` of `send` into `recv`: starts the all-reduce and returns its request
    /// at once.
    ///
    /// # Safety
    ///
    /// MPI reads `send` and writes `recv` until the request completes ([`Mpi::test`] answered
    /// true, or [`Mpi::wait`] returned): neither buffer may be moved, freed or touched before.
    pub unsafe fn iallreduce<T>(
        &self,
        send: &[T],
        recv: &mut [T],
        dtype: DType,
        op: ReduceOp,
        comm: Handle,
    ) -> Result<Handle> {
        let n = count(send.len(), recv.len(), 1)?;
        let ty = self.datatype(dtype)?;
        let mut request: Handle = 0;
        // SAFETY: both buffers hold `n` elements of the MPI type matching `T`; the caller keeps
        // them alive and untouched until the request completes.
        let rc = unsafe {
            (self.iallreduce)(
                send.as_ptr().cast(),
                recv.as_mut_ptr().cast(),
                n,
                ty,
                self.op(op),
                comm,
                &mut request,
            )
        };
        self.check("MPI_Iallreduce", rc)?;
        Ok(request)
    }

    /// `MPI_Test`: true (and the request freed, set to `MPI_REQUEST_NULL`) once it completed;
    /// each call also lets Open MPI progress the pending collectives.
    pub fn test(&self, request: &mut Handle) -> Result<bool> {
        let mut flag: c_int = 0;
        // SAFETY: `request` came from MPI_Iallreduce (or is MPI_REQUEST_NULL after completing);
        // MPI_STATUS_IGNORE is the null pointer in Open MPI.
        let rc = unsafe { (self.test)(request, &mut flag, std::ptr::null_mut()) };
        self.check("MPI_Test", rc)?;
        Ok(flag != 0)
    }

    /// `MPI_Wait`: blocks until the request completed (then it is freed).
    pub fn wait(&self, request: &mut Handle) -> Result<()> {
        // SAFETY: as for [`Mpi::test`].
        let rc = unsafe { (self.wait)(request, std::ptr::null_mut()) };
        self.check("MPI_Wait", rc)
    }

    /// `MPI_Reduce_scatter_block`: `send` holds `size` blocks of `recv.len()` elements.
    pub fn reduce_scatter<T>(
        &self,
        send: &[T],
        recv: &mut [T],
        dtype: DType,
        op: ReduceOp,
        comm: Handle,
    ) -> Result<()> {
        let (_, size) = self.rank_size(comm)?;
        let n = count(recv.len(), send.len(), size)?;
        let ty = self.datatype(dtype)?;
        // SAFETY: `send` holds `size·n` elements and `recv` `n`, of the MPI type matching `T`.
        let rc = unsafe {
            (self.reduce_scatter_block)(
                send.as_ptr().cast(),
                recv.as_mut_ptr().cast(),
                n,
                ty,
                self.op(op),
                comm,
            )
        };
        self.check("MPI_Reduce_scatter_block", rc)
    }

    /// `MPI_Allgather` of the bytes of `send` into `recv` (`size` blocks of `send`'s length).
    pub fn allgather<T: Copy>(&self, send: &[T], recv: &mut [T], comm: Handle) -> Result<()> {
        let (_, size) = self.rank_size(comm)?;
        let bytes = std::mem::size_of_val(send);
        let n = count(bytes, std::mem::size_of_val(recv), size)?;
        // SAFETY: `recv` holds `size` blocks of `send`'s `n` bytes; MPI_BYTE moves them as they are.
        let rc = unsafe {
            (self.allgather)(
                send.as_ptr().cast(),
                n,
                self.byte,
                recv.as_mut_ptr().cast(),
                n,
                self.byte,
                comm,
            )
        };
        self.check("MPI_Allgather", rc)
    }

    /// `MPI_Bcast` of the bytes of `buf` from `root`.
    pub fn bcast<T: Copy>(&self, buf: &mut [T], root: usize, comm: Handle) -> Result<()> {
        let bytes = std::mem::size_of_val(buf);
        let n = count(bytes, bytes, 1)?;
        let root = c_int::try_from(root).map_err(|_| mpi_error("root rank out of range"))?;
        // SAFETY: `buf` holds `n` bytes, read on the root and written on the others.
        let rc = unsafe { (self.bcast)(buf.as_mut_ptr().cast(), n, self.byte, root, comm) };
        self.check("MPI_Bcast", rc)
    }

    /// `MPI_Barrier`.
    pub fn barrier(&self, comm: Handle) -> Result<()> {
        // SAFETY: `comm` is a live communicator.
        self.check("MPI_Barrier", unsafe { (self.barrier)(comm) })
    }

    /// A communicator of the listed world ranks (`MPI_Comm_create_group`: only the members
    /// call it), with errors returned.
    pub fn create_group(&self, ranks: &[usize], tag: usize) -> Result<Handle> {
        let ranks: Vec<c_int> = ranks
            .iter()
            .map(|&r| c_int::try_from(r).map_err(|_| mpi_error("rank out of range")))
            .collect::<Result<_>>()?;
        let n = c_int::try_from(ranks.len()).map_err(|_| mpi_error("too many ranks"))?;
        let tag = c_int::try_from(tag).map_err(|_| mpi_error("too many groups"))?;
        let (mut world_group, mut sub, mut comm): (Handle, Handle, Handle) = (0, 0, 0);
        // SAFETY: the world communicator is live; the call writes one group handle.
        let rc = unsafe { (self.comm_group)(self.world, &mut world_group) };
        self.check("MPI_Comm_group", rc)?;
        // SAFETY: `ranks` holds `n` distinct ranks of the world group (checked by the caller).
        let rc = unsafe { (self.group_incl)(world_group, n, ranks.as_ptr(), &mut sub) };
        let made = self.check("MPI_Group_incl", rc).and_then(|()| {
            // SAFETY: `sub` is the group just made; every member makes the same call.
            let rc = unsafe { (self.comm_create_group)(self.world, sub, tag, &mut comm) };
            self.check("MPI_Comm_create_group", rc)
        });
        // SAFETY: both groups were made above (a failed MPI_Group_incl left `sub` unset,
        // which is skipped) and are no longer needed once the communicator exists.
        unsafe {
            if sub != 0 {
                (self.group_free)(&mut sub);
            }
            (self.group_free)(&mut world_group);
        }
        made?;
        self.set_errors_return(comm)?;
        Ok(comm)
    }

    /// `MPI_Comm_free` of a communicator made by [`Mpi::create_group`].
    pub fn free_group(&self, mut comm: Handle) -> Result<()> {
        // SAFETY: `comm` came from MPI_Comm_create_group and is freed once.
        self.check("MPI_Comm_free", unsafe { (self.comm_free)(&mut comm) })
    }

    /// `MPI_Abort` on the world: ends every process of the job with `code`.
    pub fn abort(&self, code: i32) {
        // SAFETY: MPI_Abort may be called at any time after init; it does not return normally.
        unsafe {
            (self.abort)(self.world, code);
        }
    }
}

fn to_usize(v: c_int) -> usize {
    usize::try_from(v).unwrap_or(0)
}

/// An element (or byte) count as MPI's `int`, after checking that two buffers relate as the call
/// needs (`big == small · blocks`).
fn count(small: usize, big: usize, blocks: usize) -> Result<c_int> {
    if small.checked_mul(blocks) != Some(big) {
        return Err(mpi_error(&format!(
            "buffers of {small} and {big} elements do not match {blocks} block(s)"
        )));
    }
    c_int::try_from(small).map_err(|_| {
        mpi_error(&format!(
            "a collective of {small} elements per rank exceeds MPI's count limit ({})",
            c_int::MAX
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_arithmetic_dtype_has_an_mpi_type() {
        for d in DType::ALL {
            let has = datatype_symbol(d).is_some();
            let expected = !matches!(d, DType::Bool | DType::Float16 | DType::BFloat16);
            assert_eq!(has, expected, "{d}");
        }
        assert_eq!(
            datatype_symbol(DType::Float32),
            Some(&b"ompi_mpi_float\0"[..])
        );
        assert_eq!(
            datatype_symbol(DType::UInt64),
            Some(&b"ompi_mpi_uint64_t\0"[..])
        );
    }

    #[test]
    fn a_missing_library_says_what_to_install() {
        let Err(e) = Mpi::load_from("libmpi-not-installed.so.40") else {
            panic!("a library that does not exist loaded");
        };
        let msg = e.to_string();
        assert!(
            msg.starts_with("MPI: cannot load libmpi-not-installed.so.40"),
            "{msg}"
        );
        assert!(
            msg.contains("apt-get install openmpi-bin libopenmpi-dev"),
            "{msg}"
        );
        assert_eq!(e.class(), crate::ErrorClass::Runtime);
    }

    #[test]
    fn reduce_op_names_round_trip() {
        for op in [ReduceOp::Sum, ReduceOp::Max, ReduceOp::Min, ReduceOp::Prod] {
            assert_eq!(ReduceOp::from_name("AllReduce", op.name()).ok(), Some(op));
        }
        let e = ReduceOp::from_name("AllReduce", "mean").unwrap_err();
        assert!(e.to_string().contains("'mean'"), "{e}");
        assert_eq!(e.class(), crate::ErrorClass::Value);
    }
}
