//! Activation cells: `ReLU`, `Sigmoid`, `Tanh`, `Softmax` and `LogSoftmax` (the last two along
//! an axis, `-1` by default, computed stably through `logsumexp`).

use crate::error::Result;
use crate::nn::cell::Cell;
use crate::tensor::Tensor;

macro_rules! elementwise_cell {
    ($($name:ident => $f:path: $doc:literal),*) => {$(
        #[doc = $doc]
        #[derive(Clone, Copy, Debug, Default)]
        pub struct $name;

        impl $name {
            /// The layer.
            pub fn new() -> $name {
                $name
            }
        }

        impl Cell for $name {
            fn cls_name(&self) -> &'static str {
                stringify!($name)
            }
            fn construct(&self, x: &Tensor) -> Result<Tensor> {
                $f(x)
            }
        }
    )*};
}

elementwise_cell!(
    ReLU => crate::ops::relu: "`max(x, 0)` (MindSpore's `nn.ReLU`).",
    Sigmoid => crate::ops::sigmoid: "`1 / (1 + e^-x)` (MindSpore's `nn.Sigmoid`).",
    Tanh => crate::ops::tanh: "Hyperbolic tangent (MindSpore's `nn.Tanh`)."
);

/// `softmax` along an axis (MindSpore's `nn.Softmax(axis=-1)`).
///
/// ```
/// use easy_mindspore as ems;
/// use ems::nn::{Cell, Softmax};
/// let p = Softmax::new(-1).call(&ems::Tensor::new([[0.0f32, 0.0]])?)?;
/// assert_eq!(p.to_vec::<f32>(), vec![0.5, 0.5]);
/// # Ok::<(), ems::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Softmax {
    axis: i64,
}

impl Softmax {
    /// Softmax along `axis` (negative counts from the end).
    pub fn new(axis: i64) -> Softmax {
        Softmax { axis }
    }
}

impl Default for Softmax {
    fn default() -> Self {
        Softmax::new(-1)
    }
}

impl Cell for Softmax {
    fn cls_name(&self) -> &'static str {
        "Softmax"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        crate::ops::softmax(x, self.axis)
    }
    fn extend_repr(&self) -> String {
        format!("axis={}", self.axis)
    }
}

/// `log(softmax(x))` along an axis (MindSpore's `nn.LogSoftmax(axis=-1)`).
#[derive(Clone, Copy, Debug)]
pub struct LogSoftmax {
    axis: i64,
}

impl LogSoftmax {
    /// LogSoftmax along `axis`.
    pub fn new(axis: i64) -> LogSoftmax {
        LogSoftmax { axis }
    }
}

impl Default for LogSoftmax {
    fn default() -> Self {
        LogSoftmax::new(-1)
    }
}

impl Cell for LogSoftmax {
    fn cls_name(&self) -> &'static str {
        "LogSoftmax"
    }
    fn construct(&self, x: &Tensor) -> Result<Tensor> {
        crate::ops::log_softmax(x, self.axis)
    }
    fn extend_repr(&self) -> String {
        format!("axis={}", self.axis)
    }
}
