//! `Conv2dTranspose` (MindSpore's `nn.Conv2dTranspose`, NCHW): the `Conv` primitive's input
//! transpose (`ConvKind::Input`, a product per group then col2im), then the bias.
//!
//! Each input pixel `(r, c)` spreads `x[n, :, r, c]·W[:, o, i, j]` onto output position
//! `(r·s_h + i·d_h, c·s_w + j·d_w)` of the full output, `(H−1)·s + d·(k−1) + 1` per axis; the
//! output is that cut by the leading padding (the primitive's `pad`) and by its size. No zeros
//! are inserted between the input pixels: a stride-32 layer (D2L's FCN) costs the same as a
//! stride-1 one.
//!
//! Output size per axis, as MindSpore 2.10 computes it:
//! - `pad`: `(H−1)·s + d·(k−1) + 1 − top − bottom + output_padding`, i.e. the full output cut
//!   by `top` and by `bottom − output_padding` (PyTorch's meaning; MindSpore 2.10 instead fills
//!   the `output_padding` rows with zeros, bias not added — a bug we do not reproduce);
//! - `same`: `H·s`, the full output cut with the smaller half at the top, or zero-extended at
//!   the end when `s > d·(k−1) + 1`;
//! - `valid`: the full output, zero-extended at the end to `H·s` when that is larger.

use super::conv::{add_bias, conv_params, named, Conv2dOptions};
use super::window::Padding;
use super::{expect_dtype, expect_rank, pair};
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell};
use crate::nn::parameter::Parameter;
use crate::op::{ConvKind, Window};
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
        let (h, wd) = (d[2], d[3]);
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
        let conv = prim::Conv {
            kind: ConvKind::Input,
            win: Window {
                stride: [s.0, s.1],
                dilation: [dil.0, dil.1],
                pad: [cut_t, cut_l],
                groups: self.o.group,
            },
            size: [out_h as usize, out_w as usize],
        };
        let y = prim::conv(conv, x, &w)?;
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
