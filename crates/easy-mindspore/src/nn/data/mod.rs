//! Data: an in-memory [`Dataset`] of tensor columns with seeded shuffling and batching
//! (MindSpore's `NumpySlicesDataset(...).shuffle(...).batch(batch_size, drop_remainder)`), the
//! IDX reader of MNIST and Fashion-MNIST ([`idx`]), the 8×8 handwritten digits bundled with
//! the repository ([`digits`]), MindSpore's row orders and `RandomDataset` rows for a seed
//! (`order`, `random_data`) and `vision.Resize`'s image resizing ([`resize`]).
//!
//! Shuffling is reproducible: the order of epoch `e` is a Fisher–Yates permutation driven by
//! Philox keyed with the dataset's seed and counted by `e`, so it depends on `(seed, epoch)` only
//! — not on the global generator, the thread count or what ran before.
//!
//! ```
//! use easy_mindspore as ems;
//! use ems::nn::data::Dataset;
//! let x = ems::arange(0.0, 10.0, 1.0)?.reshape(&[10, 1])?;
//! let y = ems::arange(0, 10, 1)?;
//! let ds = Dataset::new(vec![x, y])?.shuffle(7).batch(4, true)?;
//! assert_eq!(ds.num_batches(), 2); // 10 samples, the last 2 dropped
//! let batches: Vec<Vec<ems::Tensor>> = ds.epoch(0).collect::<ems::Result<_>>()?;
//! assert_eq!(batches[0][0].shape(), vec![4, 1]);
//! # Ok::<(), ems::Error>(())
//! ```

pub mod audio;
pub mod digits;
pub mod idx;
mod order;
mod random_data;
pub mod resize;

pub use order::{buffer_order, draws, order, pk_order, subset_order, weighted_order, ShuffleDraws};
pub use random_data::{random_data, RandomColumn, RandomData};

use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::op::random::philox4x32_10;
use crate::ops::Index;
use crate::tensor::{room, Tensor};

/// Columns of equal length (axis 0 indexes the samples), iterated in batches.
#[derive(Clone, Debug)]
pub struct Dataset {
    columns: Vec<Tensor>,
    len: usize,
    seed: Option<u64>,
    batch_size: usize,
    drop_remainder: bool,
}

impl Dataset {
    /// A dataset of the given columns (no shuffling, batches of one sample).
    pub fn new(columns: Vec<Tensor>) -> Result<Dataset> {
        let first = columns
            .first()
            .ok_or_else(|| Error::invalid("Dataset", "needs at least one column"))?;
        if first.ndim() == 0 {
            return Err(Error::invalid(
                "Dataset",
                "column 0 is 0-D; axis 0 of every column must index the samples",
            ));
        }
        let len = first.dims()[0];
        for (i, c) in columns.iter().enumerate() {
            if c.ndim() == 0 || c.dims()[0] != len {
                return Err(Error::invalid(
                    "Dataset",
                    format!(
                        "column {i} has shape {:?}, but column 0 has {len} samples",
                        c.dims()
                    ),
                ));
            }
        }
        Ok(Dataset {
            columns,
            len,
            seed: None,
            batch_size: 1,
            drop_remainder: false,
        })
    }

    /// Reshuffle every epoch, reproducibly from `seed`.
    pub fn shuffle(mut self, seed: u64) -> Dataset {
        self.seed = Some(seed);
        self
    }

    /// Batches of `batch_size` samples; with `drop_remainder` a last, smaller batch is dropped.
    pub fn batch(mut self, batch_size: usize, drop_remainder: bool) -> Result<Dataset> {
        if batch_size == 0 {
            return Err(Error::invalid(
                "Dataset.batch",
                "batch_size must be positive",
            ));
        }
        self.batch_size = batch_size;
        self.drop_remainder = drop_remainder;
        Ok(self)
    }

    /// The number of samples.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no samples.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The columns.
    pub fn columns(&self) -> &[Tensor] {
        &self.columns
    }

    /// Batches per epoch (MindSpore's `get_dataset_size`).
    pub fn num_batches(&self) -> usize {
        if self.drop_remainder {
            self.len / self.batch_size
        } else {
            self.len.div_ceil(self.batch_size)
        }
    }

    /// The sample order of epoch `epoch`: shuffled as MindSpore shuffles (see [`order`]).
    pub fn order(&self, epoch: u64) -> Vec<usize> {
        match self.seed {
            Some(seed) => {
                // The rows are in memory already: their list is a fraction of that.
                let mut rows: Vec<usize> = (0..self.len).collect();
                order::shuffle_epochs(&mut rows, seed, epoch);
                rows
            }
            None => (0..self.len).collect(),
        }
    }

    /// The batches of epoch `epoch`, each one tensor per column.
    pub fn epoch(&self, epoch: u64) -> Batches<'_> {
        Batches {
            ds: self,
            order: self.order(epoch),
            next: 0,
        }
    }

    /// A new dataset of the samples at `indices` (same batching; no shuffling).
    pub fn select(&self, indices: &[usize]) -> Result<Dataset> {
        if let Some(&bad) = indices.iter().find(|&&i| i >= self.len) {
            return Err(Error::IndexOutOfBounds {
                op: "Dataset.select",
                index: bad as i64,
                size: self.len,
            });
        }
        let cols = self
            .columns
            .iter()
            .map(|c| take_rows(c, indices))
            .collect::<Result<Vec<_>>>()?;
        Ok(Dataset {
            columns: cols,
            len: indices.len(),
            seed: None,
            batch_size: self.batch_size,
            drop_remainder: self.drop_remainder,
        })
    }

    /// A seeded random split into `(first, second)` with `round(fraction · len)` samples first
    /// (MindSpore's `split([f, 1 − f], randomize=True)`).
    pub fn split(&self, fraction: f64, seed: u64) -> Result<(Dataset, Dataset)> {
        if !(0.0..=1.0).contains(&fraction) {
            return Err(Error::invalid(
                "Dataset.split",
                format!("the fraction must be in [0, 1], got {fraction}"),
            ));
        }
        let order = permutation(self.len, seed, 0);
        let k = (fraction * self.len as f64).round() as usize;
        Ok((self.select(&order[..k])?, self.select(&order[k..])?))
    }
}

/// Rows `indices` of `x` (one gather).
fn take_rows(x: &Tensor, indices: &[usize]) -> Result<Tensor> {
    let idx: Vec<i64> = indices.iter().map(|&i| i as i64).collect();
    let idx = Tensor::from_vec(idx, &[indices.len()])?;
    crate::ops::index(x, &[Index::Tensor(crate::ops::cast(&idx, DType::Int64)?)])
}

/// A uniformly random permutation of `0..n` for `(seed, epoch)` (Fisher–Yates; each swap index
/// from 64 Philox bits by multiply-shift).
pub fn permutation(n: usize, seed: u64, epoch: u64) -> Vec<usize> {
    let key = [seed as u32, (seed >> 32) as u32];
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let w = philox4x32_10(
            [
                i as u32,
                (i >> 32) as u32,
                epoch as u32,
                (epoch >> 32) as u32,
            ],
            key,
        );
        let r = (u64::from(w[0]) << 32) | u64::from(w[1]);
        let j = ((u128::from(r) * (i as u128 + 1)) >> 64) as usize;
        p.swap(i, j);
    }
    p
}

/// The batches of one epoch.
pub struct Batches<'a> {
    ds: &'a Dataset,
    order: Vec<usize>,
    next: usize,
}

impl Iterator for Batches<'_> {
    type Item = Result<Vec<Tensor>>;

    fn next(&mut self) -> Option<Self::Item> {
        let (n, b) = (self.order.len(), self.ds.batch_size);
        if self.next >= n || (self.ds.drop_remainder && self.next + b > n) {
            return None;
        }
        let end = (self.next + b).min(n);
        let idx = &self.order[self.next..end];
        self.next = end;
        Some(self.ds.columns.iter().map(|c| take_rows(c, idx)).collect())
    }
}
