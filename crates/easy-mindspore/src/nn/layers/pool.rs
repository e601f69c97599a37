//! `MaxPool2d` and `AvgPool2d` (MindSpore's, NCHW; 3-D `[C, H, W]` inputs too): one `Pool`
//! primitive each (`crate::prim::pool`). Max pooling is `MaxSelect(x, x)`, whose gradient goes to
//! the first maximum of each window (MindSpore's argmax); ties do not share it.
//!
//! Padding follows `pad_mode`: a padded cell never holds a maximum; `AvgPool2d` with `same`
//! averages over the real elements of each window only, and with explicit padding counts the
//! padding cells unless `count_include_pad` is off (MindSpore's defaults).

use super::window::{geometry, Geometry, Padding};
use super::{expect_rank, pair};
use crate::error::Result;
use crate::nn::cell::Cell;
use crate::op::PoolKind;
use crate::ops::prim;
use crate::tensor::Tensor;

#[derive(Clone, Copy, Debug)]
struct Pool {
    kernel: (usize, usize),
    stride: (usize, usize),
    padding: Padding,
}

impl Pool {
    fn new(
        op: &'static str,
        kernel: (usize, usize),
        stride: (usize, usize),
        padding: Padding,
    ) -> Result<Pool> {
        Ok(Pool {
            kernel: pair(op, "kernel_size", kernel)?,
            stride: pair(op, "stride", stride)?,
            padding,
        })
    }

    /// The input as 4-D (a 3-D input gains a batch axis), its geometry, and whether it was 3-D.
    fn prepare(&self, op: &'static str, x: &Tensor) -> Result<(Tensor, Geometry, bool)> {
        expect_rank(op, x, &[3, 4], "[N, C, H, W] or [C, H, W]")?;
        let three = x.ndim() == 3;
        let x4 = if three { x.expand_dims(0)? } else { x.clone() };
        let d = x4.dims();
        let g = geometry(
            op,
            (d[2], d[3]),
            self.kernel,
            self.stride,
            (1, 1),
            self.padding,
        )?;
        Ok((x4, g, three))
    }

    /// The `Pool` primitive of `kind` over `x4` (and `x4` again as the selected values).
    fn apply(&self, kind: PoolKind, x4: &Tensor, g: &Geometry) -> Result<Tensor> {
        let p = prim::Pool {
            kind,
            kernel: [g.kernel.0, g.kernel.1],
            win: g.window(1),
            size: g.size(),
        };
        match kind {
            PoolKind::MaxSelect => prim::pool(p, &[x4, x4]),
            PoolKind::MaxScatter | PoolKind::Avg { .. } | PoolKind::AvgGrad { .. } => {
                prim::pool(p, &[x4])
            }
        }
    }

    fn repr(&self) -> String {
        format!(
            "kernel_size={:?}, stride={:?}, pad_mode={}",
            self.kernel,
            self.stride,
            self.padding.mode()
        )
    }
}

fn finish(y: Tensor, three: bool) -> Result<Tensor> {
    if three {
        crate::ops::squeeze(&y, Some(&[0]))
    } else {
        Ok(y)
    }
}

/// The maximum of each window.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, MaxPool2d};
/// let x = ems::arange(0.0, 16.0, 1.0)?.reshape(&[1, 1, 4, 4])?;
/// let y = MaxPool2d::new(2, 2)?.call(&x)?;
/// assert_eq!(y.to_vec::<f32>(), vec![5.0, 7.0, 13.0, 15.0]);
/// # Ok::<(), ems::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct MaxPool2d(Pool);

impl MaxPool2d {
    /// Square windows of `kernel_size` moved by `stride`, `pad_mode="valid"`.
    pub fn new(kernel_size: usize, stride: usize) -> Result<MaxPool2d> {
        MaxPool2d::with_options((kernel_size, kernel_size), (stride, stride), Padding::Valid)
    }

    /// Any window, stride and padding.
    pub fn with_options(
        kernel: (usize, usize),
        stride: (usize, usize),
        padding: Padding,
    ) -> Result<MaxPool2d> {
        Ok(MaxPool2d(Pool::new("MaxPool2d", kernel, stride, padding)?))
    }
}

impl Cell for MaxPool2d {
    fn cls_name(&self) -> &'static str {
        "MaxPool2d"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        let (x4, g, three) = self.0.prepare("MaxPool2d", x)?;
        let y = self.0.apply(PoolKind::MaxSelect, &x4, &g)?;
        finish(y, three)
    }
    fn extend_repr(&self) -> String {
        self.0.repr()
    }
}

/// The mean of each window.
#[derive(Clone, Copy, Debug)]
pub struct AvgPool2d {
    pool: Pool,
    count_include_pad: bool,
}

impl AvgPool2d {
    /// Square windows of `kernel_size` moved by `stride`, `pad_mode="valid"`.
    pub fn new(kernel_size: usize, stride: usize) -> Result<AvgPool2d> {
        AvgPool2d::with_options(
            (kernel_size, kernel_size),
            (stride, stride),
            Padding::Valid,
            true,
        )
    }

    /// Any window, stride and padding; `count_include_pad` applies to explicit padding only.
    pub fn with_options(
        kernel: (usize, usize),
        stride: (usize, usize),
        padding: Padding,
        count_include_pad: bool,
    ) -> Result<AvgPool2d> {
        Ok(AvgPool2d {
            pool: Pool::new("AvgPool2d", kernel, stride, padding)?,
            count_include_pad,
        })
    }
}

impl Cell for AvgPool2d {
    fn cls_name(&self) -> &'static str {
        "AvgPool2d"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        let (x4, g, three) = self.pool.prepare("AvgPool2d", x)?;
        let include_pad = match self.pool.padding {
            Padding::Valid => true,
            Padding::Same => false,
            Padding::Pad(_) => self.count_include_pad,
        };
        let y = self.pool.apply(PoolKind::Avg { include_pad }, &x4, &g)?;
        finish(y, three)
    }
    fn extend_repr(&self) -> String {
        self.pool.repr()
    }
}

/// Max pooling of a 4-D `x` over windows of `kernel` placed by `win`, with output size `size`
/// (the functional form: MindSpore's `ops.max_pool2d` computes `size` for `ceil_mode`), and,
/// with `indices`, the flat position `h·W + w` of each window's first maximum in its plane
/// (Int64, no gradient).
pub fn max_pool_window(
    x: &Tensor,
    kernel: [usize; 2],
    win: crate::op::Window,
    size: [usize; 2],
    indices: bool,
) -> Result<(Tensor, Option<Tensor>)> {
    expect_rank("MaxPool2D", x, &[4], "[N, C, H, W]")?;
    let p = prim::Pool {
        kind: PoolKind::MaxSelect,
        kernel,
        win,
        size,
    };
    let y = prim::pool(p, &[x, x])?;
    if !indices {
        return Ok((y, None));
    }
    let d = x.dims();
    let plane = crate::ops::arange_dtype(
        0.into(),
        ((d[2] * d[3]) as i64).into(),
        1.into(),
        crate::DType::Float64,
    )?
    .reshape(&[1, 1, d[2] as i64, d[3] as i64])?;
    let plane = crate::ops::broadcast_to(&plane, d)?;
    let xs = crate::ops::cast(&crate::ops::stop_gradient(x)?, crate::DType::Float64)?;
    let at = prim::pool(p, &[&xs, &plane])?;
    Ok((y, Some(crate::ops::cast(&at, crate::DType::Int64)?)))
}

/// Average pooling of a 4-D `x` over windows of `kernel` placed by `win`, with output size
/// `size`; padding cells count towards the divisor with `include_pad`.
pub fn avg_pool_window(
    x: &Tensor,
    kernel: [usize; 2],
    win: crate::op::Window,
    size: [usize; 2],
    include_pad: bool,
) -> Result<Tensor> {
    expect_rank("AvgPool2D", x, &[4], "[N, C, H, W]")?;
    let p = prim::Pool {
        kind: PoolKind::Avg { include_pad },
        kernel,
        win,
        size,
    };
    prim::pool(p, &[x])
}
