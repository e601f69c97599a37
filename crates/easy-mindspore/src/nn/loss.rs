//! Loss functions (MindSpore's `nn.*Loss`), each `call(logits, labels)`:
//!
//! | loss | per element | default reduction |
//! | --- | --- | --- |
//! | [`MSELoss`] | `(x − y)²` | mean |
//! | [`L1Loss`] | `|x − y|` | mean |
//! | [`SoftmaxCrossEntropyWithLogits`] | `−Σ_c y_c · log_softmax(x)_c` per row; `sparse` takes class indices | none |
//! | [`CrossEntropyLoss`] | the same, with class weights, `ignore_index` and label smoothing; indices or probabilities | mean over the weights |
//! | [`BCEWithLogitsLoss`] | `w · (p · y · softplus(−x) + (1 − y) · softplus(x))` | mean |
//!
//! Everything goes through `log_softmax` (log-sum-exp with the maximum subtracted) or `softplus`
//! written as `max(z, 0) + log(1 + e^−|z|)`, so huge logits give finite losses and gradients.
//! Class indices are checked against the number of classes: a bad label is an error naming it.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::loss::{CrossEntropyLoss, LossFn};
//! let logits = ems::Tensor::new([[1000.0f32, 0.0], [0.0, 0.0]])?;
//! let labels = ems::Tensor::new([0i32, 1])?;
//! let loss = CrossEntropyLoss::new().call(&logits, &labels)?;
//! assert!((loss.to_f64()? - 2f64.ln() / 2.0).abs() < 1e-6); // (0 + ln 2) / 2
//! # Ok::<(), ems::Error>(())
//! ```

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::ops;
use crate::prim::{check_index, CheckIndex, IndexRole};
use crate::tensor::Tensor;

/// How per-element losses are combined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reduction {
    /// Keep them.
    None,
    /// Their mean.
    Mean,
    /// Their sum.
    Sum,
}

impl Reduction {
    fn apply(self, x: Tensor) -> Result<Tensor> {
        match self {
            Reduction::None => Ok(x),
            Reduction::Mean => x.mean(),
            Reduction::Sum => x.sum(),
        }
    }
}

/// A loss: a function of the network output and the labels.
pub trait LossFn {
    /// The class name, for errors.
    fn cls_name(&self) -> &'static str;
    /// The loss of `logits` against `labels`.
    fn call(&self, logits: &Tensor, labels: &Tensor) -> Result<Tensor>;
}

fn check_float(op: &'static str, x: &Tensor) -> Result<()> {
    if x.dtype().is_float() {
        return Ok(());
    }
    Err(Error::UnsupportedDType {
        op,
        dtype: x.dtype(),
        expected: "Float32 or Float64 logits",
    })
}

fn same_shape(op: &'static str, a: &Tensor, b: &Tensor) -> Result<()> {
    if a.dims() == b.dims() {
        return Ok(());
    }
    Err(Error::ShapeMismatch {
        op,
        lhs: a.shape(),
        rhs: b.shape(),
    })
}

/// `labels` as the float dtype of `logits`.
fn as_logits_dtype(labels: &Tensor, logits: &Tensor) -> Result<Tensor> {
    ops::cast(labels, logits.dtype())
}

macro_rules! elementwise_loss {
    ($name:ident, $doc:literal, |$d:ident| $body:expr) => {
        #[doc = $doc]
        #[derive(Clone, Copy, Debug)]
        pub struct $name {
            reduction: Reduction,
        }

        impl $name {
            /// With the mean reduction.
            pub fn new() -> $name {
                $name::with_reduction(Reduction::Mean)
            }
            /// With the given reduction.
            pub fn with_reduction(reduction: Reduction) -> $name {
                $name { reduction }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::new()
            }
        }

        impl LossFn for $name {
            fn cls_name(&self) -> &'static str {
                stringify!($name)
            }
            fn call(&self, logits: &Tensor, labels: &Tensor) -> Result<Tensor> {
                check_float(stringify!($name), logits)?;
                ops::broadcast_shapes(stringify!($name), logits.dims(), labels.dims())?;
                let $d = (logits - as_logits_dtype(labels, logits)?)?;
                self.reduction.apply($body?)
            }
        }
    };
}

elementwise_loss!(
    MSELoss,
    "Mean squared error (MindSpore's `nn.MSELoss`).",
    |d| ops::square(&d)
);
elementwise_loss!(
    L1Loss,
    "Mean absolute error (MindSpore's `nn.L1Loss`).",
    |d| ops::abs(&d)
);

/// `softplus(z) = log(1 + e^z)`, stable, with derivative exactly `σ(z)` (½ at 0: the tie of
/// `max(z, 0)` splits its derivative evenly).
fn softplus(z: &Tensor) -> Result<Tensor> {
    let tail = ops::log(&(ops::exp(&ops::neg(&ops::abs(z)?)?)? + 1.0)?)?;
    ops::maximum(z, 0.0)? + tail
}

/// One-hot rows `[M, C]` (logits' dtype) of class indices `[M]`, after checking that each label
/// is in `[0, C)` or equals `ignore` (whose row is all zeros). The check is a `CheckIndex` of the
/// computation, not a read of the labels: under `jit` it runs with every call of the graph, so new
/// labels reuse the graph, and a bad label is the same error eagerly, while tracing and replayed.
fn one_hot(
    op: &'static str,
    labels: &Tensor,
    classes: usize,
    dtype: DType,
    ignore: Option<i64>,
) -> Result<Tensor> {
    // MindSpore's OneHot takes Int32/Int64 indices only (a TypeError for float labels).
    if !matches!(labels.dtype(), DType::Int32 | DType::Int64) {
        return Err(Error::UnsupportedDType {
            op,
            dtype: labels.dtype(),
            expected: "Int32 or Int64 class indices",
        });
    }
    let labels = labels.clone();
    let check = CheckIndex {
        op,
        size: classes,
        allowed: ignore,
        role: IndexRole::Label,
    };
    let labels = check_index(&labels, check)?;
    let ids = ops::arange_dtype(0.into(), classes.into(), 1.into(), DType::Int64)?;
    let l = ops::cast(&labels, DType::Int64)?.reshape(&[-1, 1])?;
    let hot = ops::cast(&ops::equal(&l, &ids)?, dtype)?;
    match ignore {
        // An ignored label may also be a class id: its row is zeroed all the same.
        Some(i) => hot * ops::cast(&ops::not_equal(&l, i)?, dtype)?,
        None => Ok(hot),
    }
}

/// `[N, C, d...]` logits as rows `[M, C]` (class axis last), with `M = N·Πd`.
fn class_rows(logits: &Tensor) -> Result<Tensor> {
    let nd = logits.ndim() as i64;
    if nd == 2 {
        return Ok(logits.clone());
    }
    let mut perm: Vec<i64> = vec![0];
    perm.extend(2..nd);
    perm.push(1);
    let c = logits.dims()[1] as i64;
    logits.permute(&perm)?.reshape(&[-1, c])
}

/// MindSpore's `nn.SoftmaxCrossEntropyWithLogits(sparse=False, reduction='none')`: logits
/// `[N, C]`; labels one-hot/probabilities `[N, C]`, or class indices `[N]` with `sparse`.
///
/// Its gradient is the derivative of this loss: `softmax(x)·Σ_c y_c − y` for the logits and
/// `−log_softmax(x)` for dense labels. MindSpore 2.10's kernel uses `softmax(x) − y` and no label
/// gradient, which is the same only for labels that sum to 1 per row (one-hot or probabilities);
/// for other labels its gradient is not the derivative of its own loss (its docs' example with
/// labels `[1, 1]` shows it): a bug we do not copy.
#[derive(Clone, Copy, Debug)]
pub struct SoftmaxCrossEntropyWithLogits {
    sparse: bool,
    reduction: Reduction,
}

impl SoftmaxCrossEntropyWithLogits {
    /// `sparse` labels are class indices; `reduction` is MindSpore's (`None` by default there).
    pub fn new(sparse: bool, reduction: Reduction) -> Self {
        SoftmaxCrossEntropyWithLogits { sparse, reduction }
    }
}

impl LossFn for SoftmaxCrossEntropyWithLogits {
    fn cls_name(&self) -> &'static str {
        "SoftmaxCrossEntropyWithLogits"
    }
    fn call(&self, logits: &Tensor, labels: &Tensor) -> Result<Tensor> {
        const OP: &str = "SoftmaxCrossEntropyWithLogits";
        check_float(OP, logits)?;
        if logits.ndim() != 2 {
            return Err(Error::invalid(
                OP,
                format!("logits must be [N, C], got shape {:?}", logits.dims()),
            ));
        }
        let y = if self.sparse {
            if labels.dims() != &logits.dims()[..1] {
                return Err(Error::invalid(
                    OP,
                    format!(
                        "sparse labels must be [N] for logits {:?}, got shape {:?}",
                        logits.dims(),
                        labels.dims()
                    ),
                ));
            }
            one_hot(OP, labels, logits.dims()[1], logits.dtype(), None)?
        } else {
            same_shape(OP, logits, labels)?;
            as_logits_dtype(labels, logits)?
        };
        let per_row = ops::neg(&ops::sum(&(y * ops::log_softmax(logits, -1)?)?, -1, false)?)?;
        self.reduction.apply(per_row)
    }
}

/// MindSpore's `nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean',
/// label_smoothing=0.0)`: logits `[N, C]` or `[N, C, d...]`; labels class indices `[N]` /
/// `[N, d...]` (Int32/Int64) or class probabilities of the logits' shape.
///
/// With indices and `mean`, the sum is divided by the total weight of the non-ignored labels;
/// label smoothing `ε` mixes in `ε/C` of every class.
#[derive(Clone, Debug)]
pub struct CrossEntropyLoss {
    weight: Option<Tensor>,
    ignore_index: i64,
    reduction: Reduction,
    label_smoothing: f64,
}

impl Default for CrossEntropyLoss {
    fn default() -> Self {
        CrossEntropyLoss::new()
    }
}

impl CrossEntropyLoss {
    /// MindSpore's defaults.
    pub fn new() -> CrossEntropyLoss {
        CrossEntropyLoss {
            weight: None,
            ignore_index: -100,
            reduction: Reduction::Mean,
            label_smoothing: 0.0,
        }
    }
    /// A weight per class (`[C]`).
    pub fn weight(mut self, w: Tensor) -> Self {
        self.weight = Some(w);
        self
    }
    /// The label value that contributes nothing.
    pub fn ignore_index(mut self, i: i64) -> Self {
        self.ignore_index = i;
        self
    }
    /// The reduction.
    pub fn reduction(mut self, r: Reduction) -> Self {
        self.reduction = r;
        self
    }
    /// Label smoothing `ε` in `[0, 1]`.
    pub fn label_smoothing(mut self, eps: f64) -> Self {
        self.label_smoothing = eps;
        self
    }

    fn class_weight(&self, c: usize, dtype: DType) -> Result<Tensor> {
        match &self.weight {
            None => ops::ones(&[c], dtype),
            Some(w) if w.dims() == [c] => ops::cast(w, dtype),
            Some(w) => Err(Error::invalid(
                "CrossEntropyLoss",
                format!("weight must be [C] = [{c}], got shape {:?}", w.dims()),
            )),
        }
    }
}

impl LossFn for CrossEntropyLoss {
    fn cls_name(&self) -> &'static str {
        "CrossEntropyLoss"
    }

    fn call(&self, logits: &Tensor, labels: &Tensor) -> Result<Tensor> {
        const OP: &str = "CrossEntropyLoss";
        check_float(OP, logits)?;
        if logits.ndim() < 2 || !(0.0..=1.0).contains(&self.label_smoothing) {
            return Err(Error::invalid(
                OP,
                format!(
                    "logits must be [N, C, ...] (got shape {:?}) and label_smoothing in [0, 1] \
                     (got {})",
                    logits.dims(),
                    self.label_smoothing
                ),
            ));
        }
        let c = logits.dims()[1];
        let eps = self.label_smoothing;
        let w = self.class_weight(c, logits.dtype())?;
        let logp = ops::log_softmax(&class_rows(logits)?, -1)?; // [M, C]
        let out_shape: Vec<usize> = [&logits.dims()[..1], &logits.dims()[2..]].concat();
        if labels.dtype().is_float() {
            same_shape(OP, logits, labels)?;
            let mut y = class_rows(labels)?;
            if eps > 0.0 {
                y = ((y * (1.0 - eps))? + eps / c as f64)?;
            }
            let per = ops::neg(&ops::sum(&((y * &logp)? * &w)?, -1, false)?)?;
            return self.reduction.apply(per.reshape_to(&out_shape)?);
        }
        if labels.dims() != out_shape.as_slice() {
            return Err(Error::invalid(
                OP,
                format!(
                    "class-index labels must have shape {out_shape:?} for logits {:?}, got {:?}",
                    logits.dims(),
                    labels.dims()
                ),
            ));
        }
        let flat = labels.reshape(&[-1])?;
        let y = one_hot(OP, &flat, c, logits.dtype(), Some(self.ignore_index))?;
        let wy = ops::sum(&(&y * &w)?, -1, false)?; // weight of each row's label, 0 if ignored
        let nll = ops::neg(&ops::sum(&((&y * &w)? * &logp)?, -1, false)?)?;
        let per = if eps > 0.0 {
            let valid = ops::cast(&ops::not_equal(&flat, self.ignore_index)?, logits.dtype())?;
            let smooth = (ops::neg(&ops::sum(&(&logp * &w)?, -1, false)?)? / c as f64)?;
            ((nll * (1.0 - eps))? + ((smooth * valid)? * eps)?)?
        } else {
            nll
        };
        match self.reduction {
            Reduction::Mean => per.sum()? / wy.sum()?,
            r => r.apply(per.reshape_to(&out_shape)?),
        }
    }
}

/// MindSpore's `nn.BCEWithLogitsLoss(reduction='mean', weight=None, pos_weight=None)`: binary
/// cross-entropy of `sigmoid(logits)` against float labels of the same shape; `weight` and
/// `pos_weight` broadcast against them.
#[derive(Clone, Debug)]
pub struct BCEWithLogitsLoss {
    reduction: Reduction,
    weight: Option<Tensor>,
    pos_weight: Option<Tensor>,
}

impl Default for BCEWithLogitsLoss {
    fn default() -> Self {
        BCEWithLogitsLoss::new()
    }
}

impl BCEWithLogitsLoss {
    /// Mean reduction, no weights.
    pub fn new() -> Self {
        BCEWithLogitsLoss {
            reduction: Reduction::Mean,
            weight: None,
            pos_weight: None,
        }
    }
    /// The reduction.
    pub fn reduction(mut self, r: Reduction) -> Self {
        self.reduction = r;
        self
    }
    /// A weight per element (broadcast).
    pub fn weight(mut self, w: Tensor) -> Self {
        self.weight = Some(w);
        self
    }
    /// A weight of the positive term per class (broadcast).
    pub fn pos_weight(mut self, w: Tensor) -> Self {
        self.pos_weight = Some(w);
        self
    }
}

impl LossFn for BCEWithLogitsLoss {
    fn cls_name(&self) -> &'static str {
        "BCEWithLogitsLoss"
    }
    fn call(&self, logits: &Tensor, labels: &Tensor) -> Result<Tensor> {
        const OP: &str = "BCEWithLogitsLoss";
        check_float(OP, logits)?;
        same_shape(OP, logits, labels)?;
        let y = as_logits_dtype(labels, logits)?;
        let pos = (&y * softplus(&ops::neg(logits)?)?)?;
        let pos = match &self.pos_weight {
            Some(p) => (pos * ops::cast(p, logits.dtype())?)?,
            None => pos,
        };
        let neg = ((ops::neg(&y)? + 1.0)? * softplus(logits)?)?;
        let mut l = (pos + neg)?;
        if let Some(w) = &self.weight {
            l = (l * ops::cast(w, logits.dtype())?)?;
        }
        if l.dims() != logits.dims() {
            return Err(Error::ShapeMismatch {
                op: OP,
                lhs: logits.shape(),
                rhs: l.shape(),
            });
        }
        self.reduction.apply(l)
    }
}

trait ReshapeTo {
    fn reshape_to(&self, shape: &[usize]) -> Result<Tensor>;
}

impl ReshapeTo for Tensor {
    fn reshape_to(&self, shape: &[usize]) -> Result<Tensor> {
        ops::prim::reshape(self, shape)
    }
}
