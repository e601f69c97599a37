//! `Dropout` (MindSpore 2.x's `nn.Dropout(p=0.5)`): in training mode each element is zeroed with
//! probability `p` and the survivors are scaled by `1/(1-p)`, so the expected value is unchanged;
//! in evaluation mode (the default until `set_train(true)`) it is the identity. The mask comes
//! from the seeded Philox generator, so a run is reproducible after `ems::set_seed`.

use crate::error::{Error, Result};
use crate::nn::cell::{Cell, TrainFlag};
use crate::tensor::Tensor;

/// Random zeroing of elements while training.
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, Dropout};
/// let d = Dropout::new(0.5)?;
/// let x = ems::ones(&[1000], ems::DType::Float32)?;
/// assert_eq!(d.call(&x)?.to_vec::<f32>(), x.to_vec::<f32>()); // evaluation: identity
/// d.set_train(true);
/// let y = d.call(&x)?.to_vec::<f32>();
/// assert!(y.iter().all(|&v| v == 0.0 || v == 2.0));
/// # Ok::<(), ems::Error>(())
/// ```
#[derive(Debug)]
pub struct Dropout {
    p: f64,
    training: TrainFlag,
}

impl Dropout {
    /// Drops with probability `p` in `[0, 1)`.
    pub fn new(p: f64) -> Result<Dropout> {
        if !(0.0..1.0).contains(&p) {
            return Err(Error::invalid(
                "Dropout",
                format!("the drop probability p must be in [0, 1), but got {p}"),
            ));
        }
        Ok(Dropout {
            p,
            training: TrainFlag::default(),
        })
    }

    /// MindSpore's older spelling: keep each element with probability `keep_prob` in `(0, 1]`.
    pub fn with_keep_prob(keep_prob: f64) -> Result<Dropout> {
        Dropout::new(1.0 - keep_prob)
    }

    /// The drop probability.
    pub fn p(&self) -> f64 {
        self.p
    }

    /// Whether the layer is in training mode.
    pub fn training(&self) -> bool {
        self.training.get()
    }
}

impl Cell for Dropout {
    fn cls_name(&self) -> &'static str {
        "Dropout"
    }

    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        if !self.training.get() || self.p == 0.0 {
            return Ok(x.clone());
        }
        if !x.dtype().is_float() {
            return Err(Error::UnsupportedDType {
                op: "Dropout",
                dtype: x.dtype(),
                expected: "Float32 or Float64",
            });
        }
        let u = crate::ops::rand(x.dims(), x.dtype())?;
        let keep = crate::ops::cast(&crate::ops::greater_equal(&u, self.p)?, x.dtype())?;
        (x * keep)? * (1.0 / (1.0 - self.p))
    }

    fn set_training(&self, mode: bool) {
        self.training.set(mode);
    }

    fn extend_repr(&self) -> String {
        format!("p={}", self.p)
    }
}
