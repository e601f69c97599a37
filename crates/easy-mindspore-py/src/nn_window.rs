//! The functional convolution and pooling behind `ops.conv2d`, `ops.max_pool2d` and
//! `ops.avg_pool2d` (and their 1-D forms): one engine primitive each, with the window's leading
//! padding and the output size computed by the Python front (which knows `pad_mode` and
//! `ceil_mode`). This file only converts arguments.

use crate::gil::run;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::op::Window;
use pyo3::prelude::*;

fn window(
    stride: (usize, usize),
    pad: (usize, usize),
    dilation: (usize, usize),
    groups: usize,
) -> Window {
    Window {
        stride: [stride.0, stride.1],
        dilation: [dilation.0, dilation.1],
        pad: [pad.0, pad.1],
        groups,
    }
}

/// `Conv2D` of `x [N, C, H, W]` and `w [O, C/groups, kh, kw]`: leading padding `pad` (top,
/// left) and output size `size`.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the window's parts, passed through
pub fn conv_window(
    py: Python<'_>,
    x: PyRef<'_, PyTensor>,
    w: PyRef<'_, PyTensor>,
    stride: (usize, usize),
    pad: (usize, usize),
    dilation: (usize, usize),
    groups: usize,
    size: (usize, usize),
) -> PyResult<PyTensor> {
    let (x, w) = (x.value(), w.value());
    let win = window(stride, pad, dilation, groups);
    run(py, x.numel(), || {
        ems::nn::conv_window(&x, &w, win, [size.0, size.1])
    })
}

/// `MaxPool2D` of `x [N, C, H, W]`: the values, and with `indices` also the Int64 flat position
/// of each window's first maximum in its plane.
#[pyfunction]
#[allow(clippy::too_many_arguments)] // the window's parts, passed through
pub fn max_pool_window(
    py: Python<'_>,
    x: PyRef<'_, PyTensor>,
    kernel: (usize, usize),
    stride: (usize, usize),
    pad: (usize, usize),
    dilation: (usize, usize),
    size: (usize, usize),
    indices: bool,
) -> PyResult<(PyTensor, Option<PyTensor>)> {
    let x = x.value();
    let win = window(stride, pad, dilation, 1);
    let k = [kernel.0, kernel.1];
    let mut idx = None;
    let y = run(py, x.numel(), || {
        let (y, i) = ems::nn::max_pool_window(&x, k, win, [size.0, size.1], indices)?;
        idx = i;
        Ok(y)
    })?;
    Ok((y, idx.map(PyTensor::new)))
}

/// `AvgPool2D` of `x [N, C, H, W]`; padding cells count towards the divisor with `include_pad`.
#[pyfunction]
pub fn avg_pool_window(
    py: Python<'_>,
    x: PyRef<'_, PyTensor>,
    kernel: (usize, usize),
    stride: (usize, usize),
    pad: (usize, usize),
    size: (usize, usize),
    include_pad: bool,
) -> PyResult<PyTensor> {
    let x = x.value();
    let win = window(stride, pad, (1, 1), 1);
    run(py, x.numel(), || {
        ems::nn::avg_pool_window(&x, [kernel.0, kernel.1], win, [size.0, size.1], include_pad)
    })
}
