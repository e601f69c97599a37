//! [`HostVec`]: host elements crossing the device seam, typed at run time. The trait methods of a
//! device cannot be generic (it is a trait object), so host data travels as a `Vec<T>` of the
//! dtype's element type behind `&mut dyn Any`; the generic [`HostVec::take`] and [`HostVec::put`]
//! recover the type. No copy and no allocation of its own: the CPU keeps an uploaded vector as its
//! buffer, and hands a download over as the vector it gathered.

use crate::dtype::{DType, Element};
use std::any::Any;

/// A slot for host elements of one dtype: a `&mut Option<Vec<T>>` with `T` the dtype's element
/// type. An upload holds the vector to take; a download is empty until the device puts the
/// elements in.
///
/// ```
/// use easy_mindspore::device::HostVec;
/// let mut slot = Some(vec![1.5f32, 2.5]);
/// let mut data = HostVec::new(&mut slot);
/// assert_eq!(data.dtype(), easy_mindspore::DType::Float32);
/// assert_eq!(data.take::<f64>(), None); // not its type
/// assert_eq!(data.take::<f32>(), Some(vec![1.5, 2.5]));
/// assert_eq!(data.take::<f32>(), None); // taken
/// ```
pub struct HostVec<'a> {
    dtype: DType,
    slot: &'a mut dyn Any,
}

impl<'a> HostVec<'a> {
    /// A slot of `T`'s dtype over `slot`.
    pub fn new<T: Element>(slot: &'a mut Option<Vec<T>>) -> HostVec<'a> {
        HostVec {
            dtype: T::DTYPE,
            slot,
        }
    }

    /// The dtype of the elements.
    pub fn dtype(&self) -> DType {
        self.dtype
    }

    /// The elements held, taken out; `None` when there are none or `T` is not their type.
    pub fn take<T: Element>(&mut self) -> Option<Vec<T>> {
        self.slot.downcast_mut::<Option<Vec<T>>>()?.take()
    }

    /// The elements held, borrowed; `None` when there are none or `T` is not their type.
    pub fn get<T: Element>(&self) -> Option<&[T]> {
        self.slot.downcast_ref::<Option<Vec<T>>>()?.as_deref()
    }

    /// Puts `v` into the slot (replacing what it held). False, and nothing stored, when `T` is
    /// not the slot's element type.
    pub fn put<T: Element>(&mut self, v: Vec<T>) -> bool {
        match self.slot.downcast_mut::<Option<Vec<T>>>() {
            Some(s) => {
                *s = Some(v);
                true
            }
            None => false,
        }
    }
}
