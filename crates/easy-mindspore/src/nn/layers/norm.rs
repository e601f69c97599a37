//! `BatchNorm1d` (`[N, C]` or `[N, C, L]`) and `BatchNorm2d` (`[N, C, H, W]`), MindSpore's
//! batch normalization over every axis but the channel axis 1:
//!
//! `y = (x − μ) / √(σ² + eps) · gamma + beta`
//!
//! In training mode `μ` and `σ²` are the batch mean and (biased) variance, both from one pass
//! of the `VarMean` primitive, and the moving statistics are updated as MindSpore does,
//! `moving = momentum · moving + (1 − momentum) · batch` (momentum 0.9 by default; the moving
//! variance follows the unbiased batch variance, as MindSpore 2.10 measured). In evaluation mode (the default until `set_train(true)`) the moving statistics are
//! used. Parameters: `gamma`, `beta` (trainable when `affine`), `moving_mean`,
//! `moving_variance` (never trainable).

use super::{expect_dtype, expect_rank};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::nn::cell::{py_bool, Cell, TrainFlag};
use crate::nn::init::Initializer;
use crate::nn::parameter::Parameter;
use crate::tensor::Tensor;

/// Options of the batch-norm layers; `Default` gives MindSpore's defaults.
#[derive(Clone, Copy, Debug)]
pub struct BatchNormOptions {
    /// Added to the variance (default 1e-5).
    pub eps: f64,
    /// Weight of the old moving statistics in an update (default 0.9).
    pub momentum: f64,
    /// Learn `gamma` and `beta` (default true).
    pub affine: bool,
    /// Initial `gamma` (default ones).
    pub gamma_init: Initializer,
    /// Initial `beta` (default zeros).
    pub beta_init: Initializer,
    /// Initial moving mean (default zeros).
    pub moving_mean_init: Initializer,
    /// Initial moving variance (default ones).
    pub moving_var_init: Initializer,
    /// Parameter dtype.
    pub dtype: DType,
}

impl Default for BatchNormOptions {
    fn default() -> Self {
        BatchNormOptions {
            eps: 1e-5,
            momentum: 0.9,
            affine: true,
            gamma_init: Initializer::One,
            beta_init: Initializer::Zero,
            moving_mean_init: Initializer::Zero,
            moving_var_init: Initializer::One,
            dtype: DType::Float32,
        }
    }
}

struct BatchNorm {
    name: &'static str,
    ranks: &'static [usize],
    layout: &'static str,
    num_features: usize,
    o: BatchNormOptions,
    gamma: Parameter,
    beta: Parameter,
    moving_mean: Parameter,
    moving_variance: Parameter,
    training: TrainFlag,
}

impl BatchNorm {
    fn new(
        name: &'static str,
        ranks: &'static [usize],
        layout: &'static str,
        num_features: usize,
        o: BatchNormOptions,
    ) -> Result<BatchNorm> {
        if num_features == 0 || !(0.0..=1.0).contains(&o.momentum) || o.eps.is_nan() || o.eps <= 0.0
        {
            return Err(Error::invalid(
                name,
                format!(
                    "num_features must be positive, momentum in [0, 1] and eps positive; got \
                     {num_features}, {}, {}",
                    o.momentum, o.eps
                ),
            ));
        }
        let c = [num_features];
        Ok(BatchNorm {
            name,
            ranks,
            layout,
            num_features,
            gamma: Parameter::with_grad(o.gamma_init.init(&c, o.dtype)?, "gamma", o.affine),
            beta: Parameter::with_grad(o.beta_init.init(&c, o.dtype)?, "beta", o.affine),
            moving_mean: Parameter::with_grad(
                o.moving_mean_init.init(&c, o.dtype)?,
                "moving_mean",
                false,
            ),
            moving_variance: Parameter::with_grad(
                o.moving_var_init.init(&c, o.dtype)?,
                "moving_variance",
                false,
            ),
            o,
            training: TrainFlag::default(),
        })
    }

    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        expect_rank(self.name, x, self.ranks, self.layout)?;
        if x.dims()[1] != self.num_features {
            return Err(Error::invalid(
                self.name,
                format!(
                    "the input must have num_features={} channels (axis 1), but got shape {:?}",
                    self.num_features,
                    x.dims()
                ),
            ));
        }
        expect_dtype(self.name, x, self.gamma.value().dtype())?;
        let axes: Vec<usize> = (0..x.ndim()).filter(|&a| a != 1).collect();
        let mut bshape = vec![1i64; x.ndim()];
        bshape[1] = -1;
        let as_channel = |t: &Tensor| t.reshape(&bshape);
        let (mean, var) = if self.training.get() {
            if x.dims()[0] * x.dims()[2..].iter().product::<usize>() < 2 {
                return Err(Error::invalid(
                    self.name,
                    format!(
                        "training needs more than one value per channel, got input shape {:?}",
                        x.dims()
                    ),
                ));
            }
            // The batch statistics in one pass (`VarMean`: Float64 sums shifted by one value of
            // each channel, so the variance does not cancel).
            let stats = crate::ops::prim::var_mean(x, &axes)?;
            let c = self.num_features;
            let column = |i: usize| {
                as_channel(&crate::ops::prim::slice(
                    &stats,
                    &[0, i],
                    &[c, i + 1],
                    &[1, 1],
                )?)
            };
            let (mean, var) = (column(1)?, column(0)?);
            // The moving variance follows the unbiased batch variance (n/(n-1) times the one
            // that normalizes), as MindSpore's BatchNorm updates it.
            let n = (x.numel() / x.dims()[1]) as f64;
            self.update_moving(&mean, &(&var * (n / (n - 1.0)))?)?;
            (mean, var)
        } else {
            (
                as_channel(&self.moving_mean.value())?,
                as_channel(&self.moving_variance.value())?,
            )
        };
        // `(x − mean)/√(var + ε)·γ + β` as `x·scale + shift`, with the per-channel `scale =
        // γ/√(var + ε)` and `shift = β − mean·scale`: two passes over `x` instead of four.
        let scale = (as_channel(&self.gamma.value())? / crate::ops::sqrt(&(var + self.o.eps)?)?)?;
        let shift = (as_channel(&self.beta.value())? - (&mean * &scale)?)?;
        (x * scale)? + shift
    }

    /// `moving = momentum · moving + (1 − momentum) · batch`, with the batch statistics (the
    /// unbiased variance) as constants.
    fn update_moving(&self, mean: &Tensor, var: &Tensor) -> Result<()> {
        let m = self.o.momentum;
        for (p, batch) in [(&self.moving_mean, mean), (&self.moving_variance, var)] {
            let batch = batch.stop_gradient()?.reshape(&[-1])?;
            let new = ((p.value() * m)? + (batch * (1.0 - m))?)?;
            p.set_data(&new.stop_gradient()?)?;
        }
        Ok(())
    }

    fn params(&self) -> Vec<(String, Parameter)> {
        vec![
            ("moving_mean".into(), self.moving_mean.clone()),
            ("moving_variance".into(), self.moving_variance.clone()),
            ("gamma".into(), self.gamma.clone()),
            ("beta".into(), self.beta.clone()),
        ]
    }

    fn extend_repr(&self) -> String {
        format!(
            "num_features={}, eps={}, momentum={}, gamma={}, beta={}, moving_mean={}, \
             moving_variance={}",
            self.num_features,
            self.o.eps,
            self.o.momentum,
            self.gamma,
            self.beta,
            self.moving_mean,
            self.moving_variance
        ) + &format!(", affine={}", py_bool(self.o.affine))
    }
}

macro_rules! batch_norm_cell {
    ($name:ident, $ranks:expr, $layout:literal, $doc:literal) => {
        #[doc = $doc]
        pub struct $name(BatchNorm);

        impl $name {
            /// A layer over `num_features` channels with MindSpore's defaults.
            pub fn new(num_features: usize) -> Result<$name> {
                $name::with_options(num_features, BatchNormOptions::default())
            }

            /// A layer with explicit options.
            pub fn with_options(num_features: usize, o: BatchNormOptions) -> Result<$name> {
                Ok($name(BatchNorm::new(
                    stringify!($name),
                    $ranks,
                    $layout,
                    num_features,
                    o,
                )?))
            }

            /// Whether the layer is in training mode.
            pub fn training(&self) -> bool {
                self.0.training.get()
            }

            /// The moving mean.
            pub fn moving_mean(&self) -> &Parameter {
                &self.0.moving_mean
            }

            /// The moving variance.
            pub fn moving_variance(&self) -> &Parameter {
                &self.0.moving_variance
            }

            /// The scale.
            pub fn gamma(&self) -> &Parameter {
                &self.0.gamma
            }

            /// The shift.
            pub fn beta(&self) -> &Parameter {
                &self.0.beta
            }
        }

        impl Cell for $name {
            fn cls_name(&self) -> &'static str {
                stringify!($name)
            }
            fn construct(&self, x: &Tensor) -> Result<Tensor> {
                self.0.construct(x)
            }
            fn params(&self) -> Vec<(String, Parameter)> {
                self.0.params()
            }
            fn set_training(&self, mode: bool) {
                self.0.training.set(mode)
            }
            fn extend_repr(&self) -> String {
                self.0.extend_repr()
            }
        }
    };
}

batch_norm_cell!(
    BatchNorm1d,
    &[2, 3],
    "[N, C] or [N, C, L]",
    "Batch normalization of `[N, C]` or `[N, C, L]` inputs over all axes but 1."
);
batch_norm_cell!(
    BatchNorm2d,
    &[4],
    "[N, C, H, W]",
    "Batch normalization of `[N, C, H, W]` inputs over all axes but 1."
);
