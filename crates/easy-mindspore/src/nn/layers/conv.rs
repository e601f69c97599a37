//! `Conv2d` (MindSpore's `nn.Conv2d`, NCHW): im2col through one `Gather`, then one matrix
//! product per group.
//!
//! The input `[N, C, H, W]` is padded and laid out batch-last as `[C, H_p·W_p, N]`; one gather
//! along the flattened spatial axis, with the index `(r·s_h + i·d_h)·W_p + (c·s_w + j·d_w)` for
//! each kernel offset `(i, j)` and output position `(r, c)`, copies whole runs of `N` values and
//! yields the columns `[C·k_h·k_w, oh·ow·N]` without any further copy. The weight
//! `[O, C, k_h, k_w]` seen as `[O, C·k_h·k_w]` multiplies them into `[O, oh·ow·N]`, a view of the
//! output `[N, O, oh, ow]` with the batch axis last. Row `c·k_h·k_w + i·k_w + j` of the columns is
//! input channel `c` at kernel offset `(i, j)`, exactly the weight's row-major layout, so no
//! weight copy is needed. The gradient of the gather is one `ScatterAdd` (overlapping windows
//! add up), where `k_h·k_w` slices would cost as many full-size pads.

use super::window::{geometry, pad_hw, Geometry, Padding};
use super::{expect_dtype, expect_rank, pair};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell};
use crate::nn::init::Initializer;
use crate::nn::parameter::Parameter;
use crate::ops::prim;
use crate::tensor::Tensor;

/// Options of [`Conv2d`]; `Default` gives MindSpore's defaults (stride 1, `pad_mode="same"`,
/// dilation 1, one group, no bias, `HeUniform(√5)` weights).
#[derive(Clone, Copy, Debug)]
pub struct Conv2dOptions {
    /// Stride `(h, w)`.
    pub stride: (usize, usize),
    /// Border handling (`pad_mode` with `padding`).
    pub padding: Padding,
    /// Dilation `(h, w)`.
    pub dilation: (usize, usize),
    /// Number of channel groups (in and out channels must divide by it).
    pub group: usize,
    /// Add a bias per output channel.
    pub has_bias: bool,
    /// Weight initializer (default `HeUniform(negative_slope=√5)`).
    pub weight_init: Option<Initializer>,
    /// Bias initializer (default `Uniform(1/√fan_in)`).
    pub bias_init: Option<Initializer>,
    /// Parameter dtype.
    pub dtype: DType,
}

impl Default for Conv2dOptions {
    fn default() -> Self {
        Conv2dOptions {
            stride: (1, 1),
            padding: Padding::Same,
            dilation: (1, 1),
            group: 1,
            has_bias: false,
            weight_init: None,
            bias_init: None,
            dtype: DType::Float32,
        }
    }
}

/// A 2-D convolution over `[N, C, H, W]` inputs.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, Conv2d, Conv2dOptions, Initializer, Padding};
/// // A 2×2 kernel of ones sums each window: [[0,1,2],[3,4,5],[6,7,8]] gives [[8,12],[20,24]].
/// let conv = Conv2d::with_options(1, 1, (2, 2), Conv2dOptions {
///     padding: Padding::Valid,
///     weight_init: Some(Initializer::One),
///     ..Default::default()
/// })?;
/// let x = ems::arange(0.0, 9.0, 1.0)?.reshape(&[1, 1, 3, 3])?;
/// assert_eq!(conv.call(&x)?.to_vec::<f32>(), vec![8.0, 12.0, 20.0, 24.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub struct Conv2d {
    in_channels: usize,
    out_channels: usize,
    kernel: (usize, usize),
    o: Conv2dOptions,
    weight: Parameter,
    bias: Option<Parameter>,
}

impl Conv2d {
    /// A convolution with MindSpore's defaults.
    pub fn new(in_channels: usize, out_channels: usize, kernel: (usize, usize)) -> Result<Conv2d> {
        Conv2d::with_options(in_channels, out_channels, kernel, Conv2dOptions::default())
    }

    /// A convolution with explicit options.
    pub fn with_options(
        in_channels: usize,
        out_channels: usize,
        kernel: (usize, usize),
        o: Conv2dOptions,
    ) -> Result<Conv2d> {
        let kernel = pair("Conv2d", "kernel_size", kernel)?;
        let shape = [
            out_channels,
            in_channels / o.group.max(1),
            kernel.0,
            kernel.1,
        ];
        let (weight, bias) = conv_params("Conv2d", in_channels, out_channels, &o, shape)?;
        Ok(Conv2d {
            in_channels,
            out_channels,
            kernel,
            o,
            weight,
            bias,
        })
    }

    /// The weight `[out, in/group, k_h, k_w]`.
    pub fn weight(&self) -> &Parameter {
        &self.weight
    }

    /// The bias `[out]`, if any.
    pub fn bias(&self) -> Option<&Parameter> {
        self.bias.as_ref()
    }
}

impl Cell for Conv2d {
    fn cls_name(&self) -> &'static str {
        "Conv2d"
    }

    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        expect_rank("Conv2d", x, &[4], "[N, C, H, W]")?;
        let d = x.dims();
        if d[1] != self.in_channels {
            return Err(Error::invalid(
                "Conv2d",
                format!(
                    "the input must have in_channels={} channels (axis 1), but got shape {d:?}",
                    self.in_channels
                ),
            ));
        }
        let w = self.weight.value();
        expect_dtype("Conv2d", x, w.dtype())?;
        let (n, g) = (d[0], self.o.group);
        let geo = geometry(
            "Conv2d",
            (d[2], d[3]),
            self.kernel,
            self.o.stride,
            self.o.dilation,
            self.o.padding,
        )?;
        let xp = pad_hw(x, geo.pads, 0.0)?;
        let (hp, wp) = (xp.dims()[2], xp.dims()[3]);
        let c = self.in_channels;
        let xt = prim::reshape(&prim::permute(&xp, &[1, 2, 3, 0])?, &[c, hp * wp, n])?;
        let (cg, og) = (c / g, self.out_channels / g);
        let k = self.kernel.0 * self.kernel.1;
        let cols_n = n * geo.oh * geo.ow;
        let cols = prim::gather(&xt, &window_index(&geo, wp)?, 1)?;
        let cols = prim::reshape(&cols, &[c * k, cols_n])?;
        let mut outs = Vec::with_capacity(g);
        for gi in 0..g {
            let cols_g = channel_range(&cols, gi * cg * k, (gi + 1) * cg * k)?;
            let wg = prim::reshape(&channel_range(&w, gi * og, (gi + 1) * og)?, &[og, cg * k])?;
            outs.push(crate::ops::matmul(&wg, &cols_g)?);
        }
        let y = if g == 1 {
            outs.pop()
                .ok_or_else(|| Error::invalid("Conv2d", "no group"))?
        } else {
            prim::concat(&outs, 0)?
        };
        let y = prim::reshape(&y, &[self.out_channels, geo.oh, geo.ow, n])?;
        let y = prim::permute(&y, &[3, 0, 1, 2])?;
        add_bias(y, self.bias.as_ref())
    }

    fn params(&self) -> Vec<(String, Parameter)> {
        named(&self.weight, self.bias.as_ref())
    }

    fn extend_repr(&self) -> String {
        let pads = match self.o.padding {
            Padding::Pad(p) => format!("({}, {}, {}, {})", p[0], p[1], p[2], p[3]),
            _ => "0".to_string(),
        };
        format!(
            "input_channels={}, output_channels={}, kernel_size={:?}, stride={:?}, \
             pad_mode={}, padding={pads}, dilation={:?}, group={}, has_bias={}",
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

/// The checks and Parameters both convolutions share: positive channel counts divisible by the
/// group, positive stride and dilation, the weight of `shape` (`HeUniform(√5)` by default) and,
/// with `has_bias`, a bias per output channel (`Uniform(1/√fan_in)`, `fan_in = shape[1]·k_h·k_w`).
pub(super) fn conv_params(
    op: &'static str,
    in_channels: usize,
    out_channels: usize,
    o: &Conv2dOptions,
    shape: [usize; 4],
) -> Result<(Parameter, Option<Parameter>)> {
    pair(op, "stride", o.stride)?;
    pair(op, "dilation", o.dilation)?;
    if o.group == 0
        || in_channels == 0
        || out_channels == 0
        || !in_channels.is_multiple_of(o.group)
        || !out_channels.is_multiple_of(o.group)
    {
        return Err(Error::invalid(
            op,
            format!(
                "in_channels {in_channels} and out_channels {out_channels} must be positive \
                 and divisible by group {}",
                o.group
            ),
        ));
    }
    let w_init = o
        .weight_init
        .unwrap_or(Initializer::he_uniform(5f64.sqrt()));
    let weight = Parameter::new(w_init.init(&shape, o.dtype)?, "weight");
    let bias = if o.has_bias {
        let fan_in = shape[1] * shape[2] * shape[3];
        let b_init = o.bias_init.unwrap_or(Initializer::Uniform {
            scale: 1.0 / (fan_in as f64).sqrt(),
        });
        Some(Parameter::new(
            b_init.init(&[out_channels], o.dtype)?,
            "bias",
        ))
    } else {
        None
    };
    Ok((weight, bias))
}

/// `y [N, O, H, W]` plus a bias per output channel, if any.
pub(super) fn add_bias(y: Tensor, bias: Option<&Parameter>) -> Result<Tensor> {
    match bias {
        Some(b) => y + b.value().reshape(&[1, -1, 1, 1])?,
        None => Ok(y),
    }
}

/// `weight` and, if any, `bias`, by name.
pub(super) fn named(weight: &Parameter, bias: Option<&Parameter>) -> Vec<(String, Parameter)> {
    let mut v = vec![("weight".to_string(), weight.clone())];
    v.extend(bias.map(|b| ("bias".to_string(), b.clone())));
    v
}

/// For each kernel offset `(i, j)` (row-major) and output position `(r, c)` (row-major), the
/// flat index into the padded `H_p × W_p` plane of the input element it reads.
pub(super) fn window_index(g: &Geometry, wp: usize) -> Result<Tensor> {
    let mut idx = Vec::with_capacity(g.kernel.0 * g.kernel.1 * g.oh * g.ow);
    for i in 0..g.kernel.0 {
        for j in 0..g.kernel.1 {
            for r in 0..g.oh {
                let row = (r * g.stride.0 + i * g.dilation.0) * wp;
                for c in 0..g.ow {
                    idx.push((row + c * g.stride.1 + j * g.dilation.1) as i64);
                }
            }
        }
    }
    let len = idx.len();
    Tensor::from_vec(idx, &[len])
}

/// Rows `lo..hi` of axis 0 (the tensor itself for the whole range).
pub(super) fn channel_range(x: &Tensor, lo: usize, hi: usize) -> Result<Tensor> {
    if lo == 0 && hi == x.dims()[0] {
        return Ok(x.clone());
    }
    let mut starts = vec![0; x.ndim()];
    let mut limits = x.shape();
    starts[0] = lo;
    limits[0] = hi;
    prim::slice(x, &starts, &limits, &vec![1; x.ndim()])
}
