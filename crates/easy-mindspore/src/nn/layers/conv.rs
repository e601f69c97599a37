//! `Conv2d` (MindSpore's `nn.Conv2d`, NCHW): one `Conv` primitive (`crate::prim::conv`, im2col
//! and the packed GEMM on the CPU, its gradients the primitive's transposes), then the bias.

use super::window::{geometry, Padding};
use super::{expect_dtype, expect_rank, pair};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell};
use crate::nn::init::{seed_or_next, Initializer};
use crate::nn::parameter::Parameter;
use crate::op::ConvKind;
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
    /// The seeds of the weight's and the bias's random initializers (MindSpore's front end
    /// draws each from NumPy); `None` draws from the engine's key.
    pub init_seeds: [Option<u64>; 2],
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
            init_seeds: [None; 2],
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
        let geo = geometry(
            "Conv2d",
            (d[2], d[3]),
            self.kernel,
            self.o.stride,
            self.o.dilation,
            self.o.padding,
        )?;
        let conv = prim::Conv {
            kind: ConvKind::Forward,
            win: geo.window(self.o.group),
            size: geo.size(),
        };
        let y = prim::conv(conv, x, &w)?;
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
    let w = w_init.init_with(&shape, o.dtype, &mut seed_or_next(o.init_seeds[0]))?;
    let weight = Parameter::new(w, "weight");
    let bias = if o.has_bias {
        let fan_in = shape[1] * shape[2] * shape[3];
        let b_init = o.bias_init.unwrap_or(Initializer::Uniform {
            scale: 1.0 / (fan_in as f64).sqrt(),
        });
        Some(Parameter::new(
            b_init.init_with(&[out_channels], o.dtype, &mut seed_or_next(o.init_seeds[1]))?,
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

/// The cross-correlation of a 4-D `x [N, C, H, W]` with `w [O, C/groups, k_h, k_w]`, windows
/// placed by `win` (its leading padding; cells outside the input are zeros), with output size
/// `size` (the functional form behind MindSpore's `ops.conv2d`).
pub fn conv_window(
    x: &Tensor,
    w: &Tensor,
    win: crate::op::Window,
    size: [usize; 2],
) -> Result<Tensor> {
    let conv = prim::Conv {
        kind: ConvKind::Forward,
        win,
        size,
    };
    prim::conv(conv, x, w)
}
