//! `MaxPool2d` and `AvgPool2d` (MindSpore's, NCHW; 3-D `[C, H, W]` inputs too): the window views
//! of `window` stacked on a new last axis, then one `max` or `mean` over it.
//!
//! Non-overlapping windows without padding (`stride == kernel`, `valid`, LeNet's pools) take a
//! shortcut: the input cut to whole windows is reshaped to `[N, C, oh, k_h, ow, k_w]` and reduced
//! over axes 3 and 5 — one view and one reduction, whose gradient is one broadcast, instead of
//! `k_h·k_w` slices, a stack and as many pads. Ties in `max` share the gradient equally either way.
//!
//! Padding follows `pad_mode`: `MaxPool2d` pads with `-inf` (a padded element never wins);
//! `AvgPool2d` with `same` averages over the real elements of each window only, and with explicit
//! padding counts the zeros unless `count_include_pad` is off (MindSpore's defaults).

use super::window::{geometry, pad_hw, windows, Geometry, Padding};
use super::{expect_rank, pair};
use crate::error::Result;
use crate::nn::cell::Cell;
use crate::ops::prim;
use crate::tensor::Tensor;

/// How a pooling layer reduces each window.
#[derive(Clone, Copy)]
enum Reduce {
    Max,
    Sum,
}

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

    /// The windows of `x4` padded with `fill`, stacked on a new last axis.
    fn stacked(&self, x4: &Tensor, g: &Geometry, fill: f64) -> Result<Tensor> {
        crate::ops::stack(&windows(&pad_hw(x4, g.pads, fill)?, g)?, -1)
    }

    /// Each window of `x4` reduced: `[N, C, oh, ow]`. Padding has been applied by the caller's
    /// choice of `fill`; non-overlapping unpadded windows go through one reshape.
    fn reduce(&self, x4: &Tensor, g: &Geometry, fill: f64, how: Reduce) -> Result<Tensor> {
        if g.pads == [0; 4] && g.stride == g.kernel {
            let d = x4.dims();
            let (kh, kw) = g.kernel;
            let (h, w) = (g.oh * kh, g.ow * kw);
            let cut = if (h, w) == (d[2], d[3]) {
                x4.clone()
            } else {
                prim::slice(x4, &[0; 4], &[d[0], d[1], h, w], &[1; 4])?
            };
            let blocks = prim::reshape(&cut, &[d[0], d[1], g.oh, kh, g.ow, kw])?;
            return match how {
                Reduce::Max => prim::reduce_max(&blocks, &[3, 5]),
                Reduce::Sum => prim::reduce_sum(&blocks, &[3, 5]),
            };
        }
        let s = self.stacked(x4, g, fill)?;
        match how {
            Reduce::Max => crate::ops::max(&s, -1, false),
            Reduce::Sum => crate::ops::sum(&s, -1, false),
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
        let y = self.0.reduce(&x4, &g, f64::NEG_INFINITY, Reduce::Max)?;
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
        let sum = self.pool.reduce(&x4, &g, 0.0, Reduce::Sum)?;
        let exclude = match self.pool.padding {
            Padding::Valid => false,
            Padding::Same => g.pads != [0; 4],
            Padding::Pad(p) => !self.count_include_pad && p != [0; 4],
        };
        let y = if exclude {
            // How many real elements each window holds: the same windows over a mask of ones.
            let ones = crate::ops::ones(&[1, 1, x4.dims()[2], x4.dims()[3]], x4.dtype())?;
            let count = crate::ops::sum(&self.pool.stacked(&ones, &g, 0.0)?, -1, false)?;
            (sum / count)?
        } else {
            (sum / (g.kernel.0 * g.kernel.1) as f64)?
        };
        finish(y, three)
    }
    fn extend_repr(&self) -> String {
        self.pool.repr()
    }
}
