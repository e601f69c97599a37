//! `Conv2dTranspose` (MindSpore's `nn.Conv2dTranspose`, NCHW): the transpose of `Conv2d`, one
//! matrix product per group, then one `ScatterAdd` (col2im).
//!
//! Each input pixel `(r, c)` spreads `x[n, :, r, c]·W[:, o, i, j]` onto output position
//! `(r·s_h + i·d_h, c·s_w + j·d_w)` of the full output, `(H−1)·s + d·(k−1) + 1` per axis. With
//! the input laid out batch-last as `[C_in, H·W·N]`, the weight `[C_in, O/g, k_h, k_w]` seen as
//! `[C_in, O/g·k_h·k_w]` and transposed gives every contribution in one product
//! `[O·k_h·k_w, H·W·N]` = `[O, k_h·k_w·H·W, N]`; the flat target of each row is exactly
//! `Conv2d`'s window index over the full output's width, so one `ScatterAdd` along the spatial
//! axis sums the overlaps. No zeros are inserted between the input pixels: a stride-32 layer
//! (D2L's FCN) costs the same as a stride-1 one. The gradient is a `Gather` and the products'
//! transposes.
//!
//! Output size per axis, as MindSpore 2.10 computes it:
//! - `pad`: `(H−1)·s + d·(k−1) + 1 − top − bottom + output_padding`, i.e. the full output cut
//!   by `top` and by `bottom − output_padding` (PyTorch's meaning; MindSpore 2.10 instead fills
//!   the `output_padding` rows with zeros, bias not added — a bug we do not reproduce);
//! - `same`: `H·s`, the full output cut with the smaller half at the top, or zero-extended at
//!   the end when `s > d·(k−1) + 1`;
//! - `valid`: the full output, zero-extended at the end to `H·s` when that is larger.

use super::conv::{add_bias, channel_range, conv_params, named, window_index, Conv2dOptions};
use super::window::{Geometry, Padding};
use super::{expect_dtype, expect_rank, pair};
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell};
use crate::nn::parameter::Parameter;
use crate::ops::prim;
use crate::tensor::Tensor;

/// A 2-D transposed convolution over `[N, C_in, H, W]` inputs; weight `[C_in, C_out/group,
/// k_h, k_w]`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, Conv2dOptions, Conv2dTranspose, Initializer, Padding};
/// // A 2×2 kernel of ones with stride 2 copies each pixel into a 2×2 block.
/// let up = Conv2dTranspose::with_options(1, 1, (2, 2), Conv2dOptions {
///     stride: (2, 2),
///     padding: Padding::Valid,
///     weight_init: Some(Initializer::One),
///     ..Default::default()
/// }, (0, 0))?;
/// let x = ems::Tensor::from_vec(vec![1f32, 2.0], &[1, 1, 1, 2])?;
/// assert_eq!(up.call(&x)?.to_vec::<f32>(), vec![1.0, 1.0, 2.0, 2.0, 1.0, 1.0, 2.0, 2.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub struct Conv2dTranspose {
    in_channels: usize,
    out_channels: usize,
    kernel: (usize, usize),
    o: Conv2dOptions,
    output_padding: (usize, usize),
    weight: Parameter,
    bias: Option<Parameter>,
}

impl Conv2dTranspose {
    /// A transposed convolution; `o` as for `Conv2d` (MindSpore's defaults: stride 1,
    /// `pad_mode="same"`, no bias, `HeUniform(√5)` weights), `output_padding` per axis
    /// (with `Padding::Pad` only).
    pub fn with_options(
        in_channels: usize,
        out_channels: usize,
        kernel: (usize, usize),
        o: Conv2dOptions,
        output_padding: (usize, usize),
    ) -> Result<Conv2dTranspose> {
        const OP: &str = "Conv2dTranspose";
        let kernel = pair(OP, "kernel_size", kernel)?;
        if output_padding != (0, 0) {
            let fits = output_padding.0 < o.stride.0.max(o.dilation.0)
                && output_padding.1 < o.stride.1.max(o.dilation.1);
            if !matches!(o.padding, Padding::Pad(_)) || !fits {
                return Err(Error::invalid(
                    OP,
                    format!(
                        "output_padding {output_padding:?} needs pad_mode 'pad' and must be \
                         smaller than the stride {:?} or the dilation {:?}",
                        o.stride, o.dilation
                    ),
                ));
            }
        }
        let shape = [
            in_channels,
            out_channels / o.group.max(1),
            kernel.0,
            kernel.1,
        ];
        let (weight, bias) = conv_params(OP, in_channels, out_channels, &o, shape)?;
        Ok(Conv2dTranspose {
            in_channels,
            out_channels,
            kernel,
            o,
            output_padding,
            weight,
            bias,
        })
    }

    /// The weight `[in, out/group, k_h, k_w]`.
    pub fn weight(&self) -> &Parameter {
        &self.weight
    }

    /// The bias `[out]`, if any.
    pub fn bias(&self) -> Option<&Parameter> {
        self.bias.as_ref()
    }

    /// `(cut at the start, cut at the end)` of the full output along one axis (a negative end
    /// cut extends with zeros), for input size `n`, kernel `k`, stride `s`, dilation `d`.
    fn cuts(&self, axis: usize, n: usize) -> (usize, isize) {
        let (k, s, d, extra) = if axis == 0 {
            (
                self.kernel.0,
                self.o.stride.0,
                self.o.dilation.0,
                self.output_padding.0,
            )
        } else {
            (
                self.kernel.1,
                self.o.stride.1,
                self.o.dilation.1,
                self.output_padding.1,
            )
        };
        let full = ((n - 1) * s + d * (k - 1) + 1) as isize;
        let target = (n * s) as isize;
        match self.o.padding {
            Padding::Pad(p) => (p[2 * axis], p[2 * axis + 1] as isize - extra as isize),
            Padding::Same if full >= target => {
                let excess = full - target;
                ((excess / 2) as usize, excess - excess / 2)
            }
            Padding::Same | Padding::Valid => (0, (full - target).min(0)),
        }
    }
}

impl Cell for Conv2dTranspose {
    fn cls_name(&self) -> &'static str {
        "Conv2dTranspose"
    }

    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        const OP: &str = "Conv2dTranspose";
        expect_rank(OP, x, &[4], "[N, C, H, W]")?;
        let d = x.dims();
        if d[1] != self.in_channels {
            return Err(Error::invalid(
                OP,
                format!(
                    "the input must have in_channels={} channels (axis 1), but got shape {d:?}",
                    self.in_channels
                ),
            ));
        }
        let w = self.weight.value();
        expect_dtype(OP, x, w.dtype())?;
        let (n, h, wd) = (d[0], d[2], d[3]);
        if h == 0 || wd == 0 {
            return Err(Error::invalid(
                OP,
                format!("the input's spatial size {:?} must not be empty", (h, wd)),
            ));
        }
        let (k, s, dil) = (self.kernel, self.o.stride, self.o.dilation);
        let (hf, wf) = (
            (h - 1) * s.0 + dil.0 * (k.0 - 1) + 1,
            (wd - 1) * s.1 + dil.1 * (k.1 - 1) + 1,
        );
        let (cut_t, cut_b) = self.cuts(0, h);
        let (cut_l, cut_r) = self.cuts(1, wd);
        let out_h = hf as isize - cut_t as isize - cut_b;
        let out_w = wf as isize - cut_l as isize - cut_r;
        if out_h <= 0 || out_w <= 0 {
            return Err(Error::invalid(
                OP,
                format!(
                    "the padding {:?} leaves no output for an input of spatial size {:?}",
                    self.o.padding,
                    (h, wd)
                ),
            ));
        }
        let (g, c, o) = (self.o.group, self.in_channels, self.out_channels);
        let (cg, og, kk) = (c / g, o / g, k.0 * k.1);
        // Every contribution, [O·k_h·k_w, H·W·N], group by group.
        let xt = prim::reshape(&prim::permute(x, &[1, 2, 3, 0])?, &[c, h * wd * n])?;
        let mut parts = Vec::with_capacity(g);
        for gi in 0..g {
            let wg = prim::reshape(&channel_range(&w, gi * cg, (gi + 1) * cg)?, &[cg, og * kk])?;
            let xg = channel_range(&xt, gi * cg, (gi + 1) * cg)?;
            parts.push(crate::ops::matmul(&prim::permute(&wg, &[1, 0])?, &xg)?);
        }
        let cols = if g == 1 {
            parts.pop().ok_or_else(|| Error::invalid(OP, "no group"))?
        } else {
            prim::concat(&parts, 0)?
        };
        let cols = prim::reshape(&cols, &[o, kk * h * wd, n])?;
        // col2im: the positions Conv2d would read are the ones written here.
        let geo = Geometry {
            oh: h,
            ow: wd,
            pads: [0; 4],
            kernel: k,
            stride: s,
            dilation: dil,
        };
        let zeros = crate::ops::zeros(&[o, hf * wf, n], x.dtype())?;
        let full = prim::scatter_add(&zeros, &window_index(&geo, wf)?, &cols, 1)?;
        let full = prim::reshape(&full, &[o, hf, wf, n])?;
        let y = cut(&full, [cut_t, cut_l], [cut_b, cut_r])?;
        let y = prim::permute(&y, &[3, 0, 1, 2])?;
        add_bias(y, self.bias.as_ref())
    }

    fn params(&self) -> Vec<(String, Parameter)> {
        named(&self.weight, self.bias.as_ref())
    }

    fn extend_repr(&self) -> String {
        format!(
            "input_channels={}, output_channels={}, kernel_size={:?}, stride={:?}, \
             pad_mode={}, dilation={:?}, group={}, has_bias={}",
            self.in_channels,
            self.out_channels,
            self.kernel,
            self.o.stride,
            self.o.padding.mode(),
            self.o.dilation,
            self.o.group,
            py_bool(self.bias.is_some()),
        )
    }
}

/// `y [O, H, W, N]` cut by `start` rows/columns at the start and `end` at the end of axes 1
/// and 2; a negative end extends with zeros.
fn cut(y: &Tensor, start: [usize; 2], end: [isize; 2]) -> Result<Tensor> {
    let d = y.dims();
    let lim = |i: usize| (d[i + 1] as isize - end[i].max(0)) as usize;
    let y = if start == [0, 0] && end[0] <= 0 && end[1] <= 0 {
        y.clone()
    } else {
        prim::slice(
            y,
            &[0, start[0], start[1], 0],
            &[d[0], lim(0), lim(1), d[3]],
            &[1; 4],
        )?
    };
    let grow = |e: isize| (-e).max(0) as usize;
    if end.iter().all(|&e| e >= 0) {
        return Ok(y);
    }
    prim::pad(&y, &[0; 4], &[0, grow(end[0]), grow(end[1]), 0], &[0; 4])
}
