//! Where a tensor's elements are kept, under their historical paths: [`Storage`] (immutable shared
//! elements in a device buffer, defined with the devices in [`crate::device`]) and [`Element`]
//! (the Rust type of a dtype's elements, defined with the dtypes in [`crate::dtype`]).

pub use crate::device::{DeviceBuffer, Storage};
pub use crate::dtype::Element;
