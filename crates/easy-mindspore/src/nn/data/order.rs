//! The order in which MindSpore 2.10 reads a shuffled dataset's rows, so that a run with a fixed
//! seed (`mindspore.dataset.config.set_seed`) sees MindSpore's batches.
//!
//! MindSpore's random sampler (the default of every mappable source and of `GeneratorDataset`
//! over a random-access source) keeps one list of row ids, starting as `0..n`, and before each
//! epoch `e` shuffles it again, in place, with `std::shuffle` driven by a `std::mt19937` seeded
//! with `seed + e` (wrapping at 2³²). The C++ library it is built with (libstdc++) shuffles two
//! positions per draw when `n² < 2³²` and draws a uniform integer by division (a word below the
//! largest multiple of the range is divided by the quotient). [`order`] does the same; the tests
//! hold the Mersenne Twister to the values the C++ standard gives and the orders to those
//! MindSpore printed. The other samplers' orders (with replacement, subsets, shards, the
//! shuffle buffer, weights) follow their C++ ops the same way.

use super::room;
use crate::error::Result;
use crate::random::stdcxx::{canonical_f64 as canonical, shuffle, uniform, Mt19937, Mt19937_64};

/// Shuffles `rows` in place as MindSpore's random sampler does by the start of epoch `epoch`:
/// once per epoch so far, the generator seeded with `seed + e` for epoch `e`.
pub(super) fn shuffle_epochs(rows: &mut [usize], seed: u64, epoch: u64) {
    for e in 0..=epoch {
        shuffle(rows, &mut Mt19937::new(seed.wrapping_add(e) as u32));
    }
}

/// The rows of epoch `epoch` (from 0) of an `n`-row dataset shuffled from `seed`, as MindSpore
/// reads them.
///
/// ```
/// // MindSpore 2.10: `ds.config.set_seed(1)`, ten rows, the first epoch.
/// let first = easy_mindspore::nn::data::order(10, 1, 0)?;
/// assert_eq!(first, [9, 0, 2, 5, 7, 4, 6, 3, 1, 8]);
/// # Ok::<(), easy_mindspore::Error>(())
/// ```
pub fn order(n: usize, seed: u64, epoch: u64) -> Result<Vec<usize>> {
    let mut rows = room(n, "RandomSampler")?;
    rows.extend(0..n);
    shuffle_epochs(&mut rows, seed, epoch);
    Ok(rows)
}

/// The rows of epoch `epoch` of `SubsetRandomSampler(rows)`: MindSpore shuffles its list again
/// before each epoch with a generator seeded with `seed` itself every time.
pub fn subset_order(rows: &[usize], seed: u64, epoch: u64) -> Vec<usize> {
    let mut rows = rows.to_vec();
    for _ in 0..=epoch {
        shuffle(&mut rows, &mut Mt19937::new(seed as u32));
    }
    rows
}

/// The rows of epoch `epoch` of MindSpore's `PKSampler(per_class, shuffle=shuffle)` over rows
/// labelled `labels`: the classes (the distinct labels) in increasing order — or, with
/// `shuffle`, in the order `std::shuffle` leaves them with the generator seeded with `seed`,
/// once, at the first epoch — then `per_class` rows of each, each a uniform draw (with
/// replacement) among the class's rows in row order; `count` rows at most (`None`: all). The
/// generator is seeded with `seed + epoch` before each epoch (the first epoch's draws follow its
/// shuffle).
pub fn pk_order(
    labels: &[i64],
    per_class: usize,
    shuffle_classes: bool,
    seed: u64,
    epoch: u64,
    count: Option<usize>,
) -> Result<Vec<usize>> {
    let mut classes: Vec<i64> = labels.to_vec();
    classes.sort_unstable();
    classes.dedup();
    // Each class's rows, in row order (the classes sorted).
    let mut rows_of: Vec<Vec<usize>> = vec![Vec::new(); classes.len()];
    for (row, label) in labels.iter().enumerate() {
        if let Ok(k) = classes.binary_search(label) {
            rows_of[k].push(row);
        }
    }
    let mut g = Mt19937::new(seed as u32);
    let mut turn: Vec<usize> = (0..classes.len()).collect();
    if shuffle_classes {
        shuffle(&mut turn, &mut g);
    }
    if epoch > 0 {
        g = Mt19937::new(seed.wrapping_add(epoch) as u32);
    }
    let total = per_class.saturating_mul(classes.len());
    let n = count.map_or(total, |c| c.min(total));
    let mut out = room(n, "PKSampler")?;
    for id in 0..n {
        let rows = &rows_of[turn[id / per_class]];
        out.push(rows[uniform(&mut g, rows.len() as u64 - 1) as usize]);
    }
    Ok(out)
}

/// The rows of epoch `epoch` of an `n`-row dataset sampled `count` times with replacement from
/// `seed`, as MindSpore's random sampler draws them (`replacement=True`, which MindSpore also
/// uses for a shuffled source given `num_samples`): each a uniform draw below `n` from a
/// generator seeded with `seed + epoch`.
pub fn draws(n: usize, count: usize, seed: u64, epoch: u64) -> Result<Vec<usize>> {
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut out = room(count, "RandomSampler")?;
    let mut g = Mt19937::new(seed.wrapping_add(epoch) as u32);
    out.extend((0..count).map(|_| uniform(&mut g, n as u64 - 1) as usize));
    Ok(out)
}

/// The input positions of the rows `dataset.shuffle(buffer)` gives for an input of `n` rows, as
/// MindSpore's shuffle op draws them: it fills a buffer with the first `buffer` rows, then for
/// each output row takes slot `word % (last + 1)` of a `std::mt19937_64` seeded with `seed`,
/// moves the buffer's last row into that slot and refills the last slot from the input (or,
/// with the input drained, shrinks the buffer). The generator is not reseeded between epochs:
/// `skip` is the number of rows the earlier epochs drew.
pub fn buffer_order(n: usize, buffer: usize, seed: u64, skip: u64) -> Result<Vec<usize>> {
    let mut out = room(n, "Shuffle")?;
    let mut slots = room(n.min(buffer.max(1)), "Shuffle")?;
    slots.extend(0..n.min(buffer.max(1)));
    let mut g = Mt19937_64::new(seed);
    for _ in 0..skip {
        g.word();
    }
    let mut next_in = slots.len();
    while !slots.is_empty() {
        let last = slots.len() - 1;
        let slot = (g.word() % (last as u64 + 1)) as usize;
        out.push(slots[slot]);
        slots[slot] = slots[last];
        if next_in < n {
            slots[last] = next_in;
            next_in += 1;
        } else {
            slots.pop();
        }
    }
    Ok(out)
}

/// MindSpore's shuffle draws (see [`buffer_order`]) one at a time, for an input whose length is
/// not known ahead: the caller turns each into a buffer slot as a row arrives, and a stream left
/// at the end of an epoch is where the next epoch's draws start (the generator is not reseeded).
pub struct ShuffleDraws(Mt19937_64);

impl ShuffleDraws {
    /// The draws for `seed` after its first `skip`.
    pub fn new(seed: u64, skip: u64) -> ShuffleDraws {
        let mut g = Mt19937_64::new(seed);
        for _ in 0..skip {
            g.word();
        }
        ShuffleDraws(g)
    }

    /// The next draw (a 64-bit word).
    pub fn next_word(&mut self) -> u64 {
        self.0.word()
    }
}

/// The rows of MindSpore's `WeightedRandomSampler(weights, num_samples, replacement)` (the same
/// every epoch: its generator, a `std::mt19937`, is seeded with `seed` before each). With
/// replacement each row is libstdc++'s `discrete_distribution` draw: the first row whose running
/// sum of the normalised weights reaches a canonical draw (the last sum set to 1; one weight
/// always gives row 0). Without, each row `i` gets an exponential draw `−ln(1 − u)` over its
/// weight, in row order, and the `count` smallest keys (ties by row) are taken in increasing
/// order (Efraimidis–Spirakis, as MindSpore's one-pass sampler). The caller has checked
/// `count ≤ weights.len()` when drawing without replacement.
pub fn weighted_order(
    weights: &[f64],
    count: usize,
    replacement: bool,
    seed: u64,
) -> Result<Vec<usize>> {
    let mut g = Mt19937::new(seed as u32);
    let mut out = room(count, "WeightedRandomSampler")?;
    if replacement {
        if weights.len() < 2 {
            out.resize(count, 0);
            return Ok(out);
        }
        let total: f64 = weights.iter().sum();
        let mut running = 0.0;
        let mut cumulative: Vec<f64> = weights
            .iter()
            .map(|w| {
                running += w / total;
                running
            })
            .collect();
        if let Some(last) = cumulative.last_mut() {
            *last = 1.0;
        }
        for _ in 0..count {
            let u = canonical(&mut g);
            out.push(cumulative.partition_point(|&c| c < u));
        }
    } else {
        let mut keys: Vec<(f64, usize)> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| (-(1.0 - canonical(&mut g)).ln() / w, i))
            .collect();
        keys.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        out.extend(keys.iter().take(count).map(|k| k.1));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An image folder of classes with 3, 1 and 4 files (rows labelled 0 0 0 1 2 2 2 2):
    /// MindSpore 2.10's `PKSampler` rows (decoded to their files) for these seeds and epochs.
    #[test]
    fn pk_orders_are_mindspores() {
        let labels = [0, 0, 0, 1, 2, 2, 2, 2];
        let pk = |k, shuffle, seed, epoch, count| {
            pk_order(&labels, k, shuffle, seed, epoch, count).unwrap()
        };
        assert_eq!(pk(2, false, 0, 0, None), [1, 1, 3, 3, 6, 7]);
        assert_eq!(pk(2, false, 0, 1, None), [1, 2, 3, 3, 4, 4]);
        assert_eq!(pk(2, true, 0, 0, None), [6, 6, 3, 3, 2, 1]);
        assert_eq!(pk(2, true, 0, 1, None), [5, 7, 3, 3, 0, 0]);
        assert_eq!(pk(3, true, 7, 0, None), [4, 7, 5, 1, 2, 2, 3, 3, 3]);
        assert_eq!(pk(2, false, 0, 0, Some(5)), [1, 1, 3, 3, 6]);
        assert!(pk(0, false, 0, 0, None).is_empty());
        assert!(pk_order(&[], 2, true, 0, 0, None).unwrap().is_empty());
    }

    #[test]
    fn orders_are_mindspores_epoch_after_epoch() {
        // MindSpore 2.10 on CPU, `ds.config.set_seed(1)`, `NumpySlicesDataset(range(n))`.
        assert_eq!(order(10, 1, 1).unwrap(), [4, 9, 5, 0, 1, 7, 6, 2, 3, 8]);
        assert_eq!(order(10, 1, 2).unwrap(), [0, 9, 3, 7, 5, 6, 8, 2, 4, 1]);
        assert_eq!(order(7, 1, 0).unwrap(), [1, 0, 6, 3, 5, 4, 2]);
        let hundred = order(100, 1, 0).unwrap();
        assert_eq!(&hundred[..10], [97, 56, 23, 33, 24, 4, 6, 41, 90, 22]);
        let mut sorted = hundred.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn a_subset_is_reshuffled_with_the_same_seed_each_epoch() {
        // MindSpore 2.10: `set_seed(1)`, `SubsetRandomSampler([3, 1, 4, 1, 5, 9, 2, 6])`.
        let rows = [3, 1, 4, 1, 5, 9, 2, 6];
        assert_eq!(subset_order(&rows, 1, 0), [1, 3, 4, 9, 6, 5, 2, 1]);
        assert_eq!(subset_order(&rows, 1, 2), [1, 3, 4, 6, 9, 1, 2, 5]);
    }

    #[test]
    fn buffer_shuffles_are_mindspores() {
        // MindSpore 2.10: `set_seed(3)`, twelve rows in order, `.shuffle(buffer)`.
        let e0 = [3, 4, 5, 1, 6, 0, 9, 8, 2, 7, 10, 11];
        assert_eq!(buffer_order(12, 4, 3, 0).unwrap(), e0);
        // The second epoch continues the generator.
        assert_eq!(
            buffer_order(12, 4, 3, 12).unwrap(),
            [0, 2, 3, 6, 1, 5, 7, 4, 9, 8, 10, 11]
        );
        let whole = [11, 1, 5, 7, 9, 6, 8, 3, 2, 10, 0, 4];
        assert_eq!(buffer_order(12, 100, 3, 0).unwrap(), whole);
        assert_eq!(
            buffer_order(12, 5, 3, 0).unwrap(),
            [2, 4, 0, 7, 1, 3, 10, 9, 5, 8, 6, 11]
        );
        assert!(buffer_order(0, 4, 3, 0).unwrap().is_empty());
    }

    #[test]
    fn draws_with_replacement_are_mindspores() {
        // MindSpore 2.10: `NumpySlicesDataset(range(10), shuffle=True, num_samples=4)`.
        assert_eq!(draws(10, 4, 1, 0).unwrap(), [4, 9, 7, 9]);
        assert_eq!(draws(10, 4, 7, 0).unwrap(), [0, 2, 7, 3]);
        assert!(draws(0, 3, 1, 0).unwrap().is_empty());
        // A row count no machine holds is an error, not an abort.
        assert!(order(usize::MAX / 2, 1, 0).is_err());
        assert!(buffer_order(usize::MAX / 2, 4, 1, 0).is_err());
    }

    #[test]
    fn uniform_draws_stay_in_range_on_every_path() {
        let mut g = Mt19937::new(3);
        for max in [0, 1, 6, 1 << 31, u64::from(u32::MAX), 1 << 40, u64::MAX] {
            for _ in 0..50 {
                assert!(uniform(&mut g, max) <= max, "{max}");
            }
        }
        // Past 65,535 rows the shuffle draws one position at a time.
        let big = order(70_000, 9, 0).unwrap();
        let mut sorted = big.clone();
        sorted.sort_unstable();
        assert!(sorted.iter().enumerate().all(|(i, &v)| i == v));
        assert_ne!(big[..5], [0, 1, 2, 3, 4]);
    }

    #[test]
    fn weighted_draws_are_mindspores() {
        // MindSpore 2.10: a GeneratorDataset of n rows with WeightedRandomSampler, set_seed(1)
        // and (7); the same rows every epoch.
        let w = [0.1, 0.9, 0.4, 0.7, 3.0, 0.6, 0.2, 0.3, 0.5, 1.0];
        assert_eq!(
            weighted_order(&w, 10, true, 1).unwrap(),
            [9, 9, 1, 9, 3, 4, 4, 5, 9, 8]
        );
        assert_eq!(
            weighted_order(&w, 10, true, 7).unwrap(),
            [3, 4, 9, 4, 4, 3, 1, 4, 1, 4]
        );
        assert_eq!(weighted_order(&w, 6, false, 1).unwrap(), [4, 2, 5, 9, 6, 1]);
        assert_eq!(weighted_order(&w, 6, false, 7).unwrap(), [8, 4, 1, 6, 5, 9]);
        let few = [1.0, 2.0, 3.0, 0.0, 5.0];
        assert_eq!(
            weighted_order(&few, 8, true, 1).unwrap(),
            [4, 4, 1, 4, 1, 2, 2, 4]
        );
        assert_eq!(
            weighted_order(&few, 8, true, 7).unwrap(),
            [1, 2, 4, 2, 2, 1, 0, 2]
        );
        let all = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        assert_eq!(
            weighted_order(&all, 7, false, 1).unwrap(),
            [2, 4, 6, 5, 1, 3, 0]
        );
        assert_eq!(
            weighted_order(&all, 7, false, 7).unwrap(),
            [6, 5, 4, 3, 1, 0, 2]
        );
        // One weight: libstdc++'s distribution always gives row 0.
        assert_eq!(weighted_order(&[2.5], 3, true, 1).unwrap(), [0, 0, 0]);
    }
}
