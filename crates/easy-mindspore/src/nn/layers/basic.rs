//! `Dense` (a fully connected layer, `y = x·Wᵀ + b`, weight `[out, in]` as in MindSpore) and
//! `Flatten` (every axis after the batch axis merged into one).

use super::{expect_dtype, expect_rank};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell};
use crate::nn::init::{seed_or_next, Initializer};
use crate::nn::parameter::Parameter;
use crate::tensor::Tensor;

/// Options of [`Dense`]; `Default` gives MindSpore's defaults.
pub struct DenseOptions {
    /// Add a bias (default true).
    pub has_bias: bool,
    /// Weight initializer (default `HeUniform(negative_slope=√5)`).
    pub weight_init: Option<Initializer>,
    /// Bias initializer (default `Uniform(1/√in_channels)`).
    pub bias_init: Option<Initializer>,
    /// A cell applied to the output (MindSpore's `activation=`).
    pub activation: Option<Box<dyn Cell>>,
    /// Parameter dtype (default Float32).
    pub dtype: DType,
    /// The seeds of the weight's and the bias's random initializers (MindSpore's front end
    /// draws each from NumPy); `None` draws from the engine's key.
    pub init_seeds: [Option<u64>; 2],
}

impl Default for DenseOptions {
    fn default() -> Self {
        DenseOptions {
            has_bias: true,
            weight_init: None,
            bias_init: None,
            activation: None,
            dtype: DType::Float32,
            init_seeds: [None; 2],
        }
    }
}

/// A fully connected layer (MindSpore's `nn.Dense`): input `[..., in]`, output `[..., out]`.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, Dense, DenseOptions, Initializer};
/// let d = Dense::with_options(2, 1, DenseOptions {
///     weight_init: Some(Initializer::One),
///     bias_init: Some(Initializer::Constant(0.5)),
///     ..Default::default()
/// })?;
/// let y = d.call(&ems::Tensor::new([[1.0f32, 2.0]])?)?;
/// assert_eq!(y.to_vec::<f32>(), vec![3.5]);
/// assert_eq!(d.repr(), "Dense<input_channels=2, output_channels=1, has_bias=True>");
/// # Ok::<(), ems::Error>(())
/// ```
pub struct Dense {
    in_channels: usize,
    out_channels: usize,
    weight: Parameter,
    bias: Option<Parameter>,
    activation: Option<Box<dyn Cell>>,
}

impl Dense {
    /// A layer with MindSpore's default initialization.
    pub fn new(in_channels: usize, out_channels: usize) -> Result<Dense> {
        Dense::with_options(in_channels, out_channels, DenseOptions::default())
    }

    /// A layer with explicit options.
    pub fn with_options(in_channels: usize, out_channels: usize, o: DenseOptions) -> Result<Dense> {
        if in_channels == 0 || out_channels == 0 {
            return Err(Error::invalid(
                "Dense",
                format!(
                    "in_channels and out_channels must be positive, got {in_channels} and \
                     {out_channels}"
                ),
            ));
        }
        let w_init = o
            .weight_init
            .unwrap_or(Initializer::he_uniform(5f64.sqrt()));
        let weight = Parameter::new(
            w_init.init_with(
                &[out_channels, in_channels],
                o.dtype,
                &mut seed_or_next(o.init_seeds[0]),
            )?,
            "weight",
        );
        let bias = if o.has_bias {
            let b_init = o.bias_init.unwrap_or(Initializer::Uniform {
                scale: 1.0 / (in_channels as f64).sqrt(),
            });
            Some(Parameter::new(
                b_init.init_with(&[out_channels], o.dtype, &mut seed_or_next(o.init_seeds[1]))?,
                "bias",
            ))
        } else {
            None
        };
        Ok(Dense {
            in_channels,
            out_channels,
            weight,
            bias,
            activation: o.activation,
        })
    }

    /// The weight `[out, in]`.
    pub fn weight(&self) -> &Parameter {
        &self.weight
    }

    /// The bias `[out]`, if any.
    pub fn bias(&self) -> Option<&Parameter> {
        self.bias.as_ref()
    }
}

impl Cell for Dense {
    fn cls_name(&self) -> &'static str {
        "Dense"
    }

    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        let w = self.weight.value();
        if x.ndim() == 0 || x.dims()[x.ndim() - 1] != self.in_channels {
            return Err(Error::invalid(
                "Dense",
                format!(
                    "the last axis of the input must be in_channels={}, but got shape {:?}",
                    self.in_channels,
                    x.dims()
                ),
            ));
        }
        expect_dtype("Dense", x, w.dtype())?;
        let lead = &x.dims()[..x.ndim() - 1];
        let x2 = crate::ops::prim::reshape(x, &[lead.iter().product(), self.in_channels])?;
        let mut y = crate::ops::matmul(&x2, &w.T()?)?;
        if let Some(b) = &self.bias {
            y = (y + b.value())?;
        }
        let y = crate::ops::prim::reshape(&y, &[lead, &[self.out_channels]].concat())?;
        match &self.activation {
            Some(a) => a.call(&y),
            None => Ok(y),
        }
    }

    fn params(&self) -> Vec<(String, Parameter)> {
        let mut v = vec![("weight".to_string(), self.weight.clone())];
        if let Some(b) = &self.bias {
            v.push(("bias".to_string(), b.clone()));
        }
        v
    }

    fn cells(&self) -> Vec<(String, &dyn Cell)> {
        match &self.activation {
            Some(a) => vec![("activation".to_string(), &**a)],
            None => vec![],
        }
    }

    fn extend_repr(&self) -> String {
        format!(
            "input_channels={}, output_channels={}, has_bias={}",
            self.in_channels,
            self.out_channels,
            py_bool(self.bias.is_some())
        )
    }
}

/// Merges the axes after the first (MindSpore's `nn.Flatten()`): `[N, d1, d2, ...]` becomes
/// `[N, d1·d2·...]`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Flatten;

impl Flatten {
    /// The layer.
    pub fn new() -> Flatten {
        Flatten
    }
}

impl Cell for Flatten {
    fn cls_name(&self) -> &'static str {
        "Flatten"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        if x.ndim() == 0 {
            expect_rank("Flatten", x, &[1, 2, 3, 4, 5, 6, 7, 8], "at least 1-D")?;
        }
        let n = x.dims()[0];
        let rest: usize = x.dims()[1..].iter().product();
        crate::ops::prim::reshape(x, &[n, rest])
    }
}
