//! Reading a tensor's elements from the user's code: every read here is one the interpreters
//! observe ([`super::bind::note_read`]): inside `jit` it becomes a guard of the graph being staged,
//! inside `vmap` a read of a batched value is an error. The engine's own reads (printing inside
//! graph text, kernels) use the unobserved accessors of `crate::tensor`.

use super::bind::{is_escaped_batch, note_read};
use crate::device::Concrete;
use crate::dtype::{dispatch, DType, Element, Kind, Scalar};
use crate::error::{Error, Result};
use crate::tensor::Tensor;

impl Tensor {
    /// True when a `vmap` that has ended batched this value: it escaped the vmapped function (saved
    /// in a variable, returned where an unbatched value was expected), so it holds a whole batch,
    /// and using it is an error.
    pub fn is_escaped_batch(&self) -> bool {
        is_escaped_batch(self)
    }

    /// An error unless the value can be read (it is not batched by a `vmap`).
    /// Inside `jit`, reading a value records a guard: the staged graph is reused only by calls
    /// where the value is the same.
    pub fn check_readable(&self, what: &str) -> Result<()> {
        note_read(self);
        if self.is_batched() {
            return Err(Error::Transform {
                op: "vmap",
                msg: format!(
                    "cannot take {what} of a tensor of shape {:?} that varies across the vmap \
                     batch (Python control flow or a value read inside vmap); move it out of the \
                     vmapped function or use where()",
                    self.dims()
                ),
            });
        }
        Ok(())
    }

    /// The elements in row-major order, converted to `T` (`as` semantics). Reads the concrete value
    /// even inside a transformation; such a read is a constant to the transformation. Empty when
    /// the value's device cannot copy it to the host ([`Tensor::try_to_vec`] gives the error; the
    /// CPU always can).
    pub fn to_vec<T: Element>(&self) -> Vec<T> {
        note_read(self);
        self.to_vec_unguarded()
    }

    /// [`Tensor::to_vec`], with the error of a device that cannot copy the value to the host.
    pub fn try_to_vec<T: Element>(&self) -> Result<Vec<T>> {
        note_read(self);
        self.try_to_vec_unguarded()
    }

    /// The bytes of the elements in row-major order, each in the machine's byte order (NumPy's
    /// `tobytes()` of the same dtype; a Bool is one byte, 0 or 1).
    ///
    /// ```
    /// use easy_mindspore as ems;
    /// let x = ems::Tensor::new([[1i32, 2], [3, 4]])?;
    /// let y = ems::Tensor::from_ne_bytes(&x.to_ne_bytes()?, x.dtype(), &x.shape())?;
    /// assert_eq!(y.to_vec::<i32>(), vec![1, 2, 3, 4]);
    /// # Ok::<(), ems::Error>(())
    /// ```
    pub fn to_ne_bytes(&self) -> Result<Vec<u8>> {
        self.bytes(false)
    }

    /// [`Tensor::to_ne_bytes`] in little-endian order (the order of checkpoint files).
    pub fn to_le_bytes(&self) -> Result<Vec<u8>> {
        self.bytes(true)
    }

    fn bytes(&self, little: bool) -> Result<Vec<u8>> {
        fn go<T: Element>(c: &Concrete, little: bool) -> Result<Vec<u8>> {
            Ok(crate::dtype::to_bytes(&c.host_elems::<T>()?, little))
        }
        note_read(self);
        let c = self.concrete();
        dispatch!(c.dtype(), go(c, little))
    }

    /// The single element of a one-element tensor as a scalar of its kind.
    pub fn item(&self) -> Result<Scalar> {
        fn one<T: Element>(c: &Concrete) -> Result<Scalar> {
            let v = c.host_elems::<T>()?;
            let Some(&e) = v.first() else {
                return Err(Error::NotOneElement { numel: 0 });
            };
            Ok(match T::DTYPE.kind() {
                Kind::Bool => Scalar::Bool(e.to_f64() != 0.0),
                Kind::Int => Scalar::Int(e.to_i64()),
                Kind::Float => Scalar::Float(e.to_f64()),
                // A complex value is no `Scalar`: fronts read it with `host_elems`.
                Kind::Complex => return Err(Error::no_complex("item", T::DTYPE)),
            })
        }
        self.check_readable("the value")?;
        let n = self.numel();
        if n != 1 {
            return Err(Error::NotOneElement { numel: n });
        }
        note_read(self);
        let c = self.concrete();
        dispatch!(c.dtype(), one(c))
    }

    /// The single element as f64 (Python's `float(t)`).
    pub fn to_f64(&self) -> Result<f64> {
        self.item().map(Scalar::to_f64)
    }

    /// Python's `bool(t)`: the truth of the single element of a one-element tensor.
    pub fn to_bool(&self) -> Result<bool> {
        if self.dtype().is_complex() {
            // As its cast to Bool: the real part decides (MindSpore 2.10).
            return super::cast(self, DType::Bool)?.to_bool();
        }
        self.item().map(|s| s.to_f64() != 0.0)
    }
}

impl std::fmt::Display for Tensor {
    /// MindSpore's repr (reference §2), e.g. `Tensor(shape=[], dtype=Float32, value= 28)`.
    /// Inside `vmap`, a batched value prints its whole batch as `BatchedTensor(Tensor(...))`, the
    /// batch axes first.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        fn text<T: Element>(c: &Concrete, shape: &[usize]) -> String {
            match c.host_elems::<T>() {
                Ok(v) => crate::fmt::repr(shape, T::DTYPE.name(), &v),
                Err(e) => format!("Tensor(shape={shape:?}, dtype={}, value=<{e}>)", T::DTYPE),
            }
        }
        note_read(self);
        let c = self.concrete();
        if self.is_batched() {
            let whole = dispatch!(c.dtype(), text(c, c.layout.shape()));
            return write!(f, "BatchedTensor({whole})");
        }
        f.write_str(&dispatch!(c.dtype(), text(c, self.dims())))
    }
}

impl std::fmt::Debug for Tensor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}
