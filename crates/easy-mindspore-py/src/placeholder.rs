//! Dynamic-shape placeholders, `Tensor(shape=[None, 3], dtype=ms.float32)`: what
//! `Cell.set_inputs` and `jit(input_signature=...)` take to declare inputs whose dimensions vary.
//! A placeholder has a dtype and a rank but no values: its storage lives on [`PLACEHOLDER`], a
//! device with no memory whose every kernel is an error naming it, so any computation with a
//! placeholder (arithmetic, printing its values, `asnumpy`) is refused with that message, while
//! shape reads work (`shape` answers -1 for a dynamic dimension, `size` 0, as MindSpore's).

use crate::convert::int_arg;
use crate::errors::{value_err, IntoPy};
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::device::{fused, Concrete, Device, DeviceBuffer, HostVec, Storage};
use ems::op::{CellOp, ConvKind, LinalgOp, PoolKind, Window};
use ems::prim::{BinaryOp, Dist, UnaryOp};
use ems::{CmpOp, DType, Tensor};
use pyo3::prelude::*;
use std::any::Any;
use std::sync::Arc;

/// The device of placeholders: no memory, every kernel an error.
#[derive(Debug)]
pub struct PlaceholderDevice;

/// The one placeholder device (devices are compared by identity).
pub static PLACEHOLDER: PlaceholderDevice = PlaceholderDevice;

const NAME: &str = "dynamic-shape placeholder";

fn refuse<T>() -> ems::Result<T> {
    Err(ems::Error::Device {
        device: NAME.into(),
        msg: "a Tensor made with a dynamic (None) dimension only declares an input's dtype and \
              rank (for Cell.set_inputs or jit's input_signature); it holds no values to compute \
              with"
            .into(),
    })
}

/// The storage of a placeholder: a dtype and a length, no elements.
#[derive(Debug)]
struct PlaceholderBuf {
    dtype: DType,
    len: usize,
}

impl DeviceBuffer for PlaceholderBuf {
    fn dtype(&self) -> DType {
        self.dtype
    }
    fn len(&self) -> usize {
        self.len
    }
    fn device(&self) -> &'static dyn Device {
        &PLACEHOLDER
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Device for PlaceholderDevice {
    fn name(&self) -> &str {
        NAME
    }
    fn upload(&self, _: HostVec<'_>) -> ems::Result<Storage> {
        refuse()
    }
    fn download(&self, _: &Concrete, _: HostVec<'_>) -> ems::Result<()> {
        refuse()
    }
    fn contiguous(&self, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn unary(&self, _: UnaryOp, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn binary(&self, _: BinaryOp, _: &Concrete, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn compare(&self, _: CmpOp, _: &Concrete, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn select(&self, _: &Concrete, _: &Concrete, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn cast(&self, _: &Concrete, _: DType) -> ems::Result<Storage> {
        refuse()
    }
    fn reduce(&self, _: ems::prim::ReduceOp, _: &Concrete, _: &[usize]) -> ems::Result<Storage> {
        refuse()
    }
    fn argmax(&self, _: &Concrete, _: usize) -> ems::Result<Storage> {
        refuse()
    }
    fn argsort(&self, _: &Concrete, _: bool) -> ems::Result<Storage> {
        refuse()
    }
    fn cumsum(&self, _: &Concrete, _: usize) -> ems::Result<Concrete> {
        refuse()
    }
    fn matmul(&self, _: &Concrete, _: &Concrete, _: &[usize]) -> ems::Result<Storage> {
        refuse()
    }
    fn linalg(&self, _: LinalgOp, _: &Concrete) -> ems::Result<Storage> {
        refuse()
    }
    fn dft(&self, _: &Concrete, _: bool) -> ems::Result<Storage> {
        refuse()
    }
    fn var_mean(&self, _: &Concrete, _: &[usize]) -> ems::Result<Storage> {
        refuse()
    }
    fn layer_norm(
        &self,
        _: &Concrete,
        _: usize,
        _: f64,
        _: Option<&Concrete>,
    ) -> ems::Result<Storage> {
        refuse()
    }
    fn rnn_cell(&self, _: CellOp, _: &[&Concrete]) -> ems::Result<Storage> {
        refuse()
    }
    fn rnn_cell_grad(&self, _: CellOp, _: &[&Concrete]) -> ems::Result<Storage> {
        refuse()
    }
    fn lstm_layer(&self, _: bool, _: &[&Concrete]) -> ems::Result<Storage> {
        refuse()
    }
    fn lstm_layer_grad(&self, _: bool, _: &[&Concrete]) -> ems::Result<Storage> {
        refuse()
    }
    fn attention(&self, _: f64, _: &[&Concrete]) -> ems::Result<Storage> {
        refuse()
    }
    fn attention_grad(&self, _: f64, _: &[&Concrete], _: bool) -> ems::Result<Storage> {
        refuse()
    }
    fn softmax(&self, _: &Concrete, _: usize) -> ems::Result<Concrete> {
        refuse()
    }
    fn conv(
        &self,
        _: ConvKind,
        _: &Window,
        _: &Concrete,
        _: &Concrete,
        _: &[usize],
    ) -> ems::Result<Storage> {
        refuse()
    }
    fn pool(
        &self,
        _: PoolKind,
        _: [usize; 2],
        _: &Window,
        _: &[&Concrete],
        _: &[usize],
    ) -> ems::Result<Storage> {
        refuse()
    }
    fn gather(&self, _: &Concrete, _: &Concrete, _: usize) -> ems::Result<Storage> {
        refuse()
    }
    fn scatter_add(
        &self,
        _: &Concrete,
        _: &Concrete,
        _: &Concrete,
        _: usize,
    ) -> ems::Result<Storage> {
        refuse()
    }
    fn pad(&self, _: &Concrete, _: &[usize], _: &[usize], _: &[usize]) -> ems::Result<Storage> {
        refuse()
    }
    fn concat(&self, _: &[&Concrete], _: &[usize], _: usize, _: DType) -> ems::Result<Storage> {
        refuse()
    }
    fn random(&self, _: Dist, _: u64, _: u64, _: usize, _: DType) -> ems::Result<Storage> {
        refuse()
    }
    fn fused(
        &self,
        _: &fused::Kernel,
        _: &[&Concrete],
        _: usize,
        _: DType,
    ) -> ems::Result<(Vec<Storage>, Vec<f64>)> {
        refuse()
    }
}

/// A placeholder of `dims` (`None` for a dynamic dimension, which the value holds as 1) and
/// `dtype`, with the mask of its dynamic dimensions.
pub fn placeholder(dims: &[Option<usize>], dtype: DType) -> ems::Result<(Tensor, Vec<bool>)> {
    let shape: Vec<usize> = dims.iter().map(|d| d.unwrap_or(1)).collect();
    let len = shape.iter().product();
    let storage = Storage::new(Arc::new(PlaceholderBuf { dtype, len }));
    let strides = ems::layout::contiguous_strides(&shape);
    let t = Tensor::from_storage_strided("Tensor", storage, &shape, &strides, 0)?;
    Ok((t, dims.iter().map(Option::is_none).collect()))
}

/// The placeholder `Tensor(shape=..., dtype=...)` makes when `shape` has a dynamic dimension
/// (`None` or -1); `None` for a shape without one (an ordinary tensor).
pub fn from_shape(
    shape: &Bound<'_, PyAny>,
    dtype: Option<DType>,
    init: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<PyTensor>> {
    let Ok(items) = shape.try_iter() else {
        return Ok(None);
    };
    let mut dims = Vec::new();
    for item in items {
        let item = item?;
        dims.push(match item.is_none() {
            true => None,
            false => match int_arg(&item, "Tensor", "shape")? {
                -1 => None,
                n => Some(n),
            },
        });
    }
    if !dims.contains(&None) {
        return Ok(None);
    }
    let (Some(dtype), None) = (dtype, init.filter(|i| !i.is_none())) else {
        return Err(value_err(
            "For 'Tensor', if setting dynamic shape, dtype must not be None, init must be None",
        ));
    };
    let mut fixed = Vec::with_capacity(dims.len());
    for d in &dims {
        fixed.push(match d {
            None => None,
            Some(n) => Some(usize::try_from(*n).map_err(|_| {
                value_err(format!(
                    "For 'Tensor', a dynamic shape's dimensions must be None, -1 or >= 0, but \
                     got {}",
                    shape.str().map(|s| s.to_string()).unwrap_or_default()
                ))
            })?),
        });
    }
    let (t, mask) = placeholder(&fixed, dtype).py()?;
    Ok(Some(PyTensor::placeholder(t, mask)))
}

/// `shape` as MindSpore reports a placeholder's: -1 for a dynamic dimension.
pub fn shape(dims: &[usize], mask: &[bool]) -> Vec<i64> {
    dims.iter()
        .zip(mask)
        .map(|(&d, &m)| if m { -1 } else { d as i64 })
        .collect()
}

/// MindSpore's repr of a placeholder: `Tensor(shape=[-1, 3], dtype=Float32, value=\n)`.
pub fn repr(dims: &[usize], mask: &[bool], dtype: DType) -> String {
    format!(
        "Tensor(shape={:?}, dtype={dtype}, value=\n)",
        shape(dims, mask)
    )
}
