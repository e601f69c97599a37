//! Row-major helpers and data shared by the kernel tests: index arithmetic, a reproducible
//! generator, tensors of any dtype from f64 values, the same values through several layouts
//! (`views`), the shapes and dtypes to sweep, and the comparisons.

use easy_mindspore as ems;
use ems::{DType, Index, Tensor};

pub(crate) type Unary = fn(&Tensor) -> ems::Result<Tensor>;
pub(crate) type Binary = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;

pub(crate) fn numel(shape: &[usize]) -> usize {
    shape.iter().product()
}

/// The multi-index of row-major position `i`.
pub(crate) fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut idx = vec![0; shape.len()];
    for a in (0..shape.len()).rev() {
        idx[a] = i % shape[a];
        i /= shape[a];
    }
    idx
}

/// The row-major position of a multi-index.
pub(crate) fn ravel(idx: &[usize], shape: &[usize]) -> usize {
    idx.iter().zip(shape).fold(0, |acc, (&i, &n)| acc * n + i)
}

/// A small linear congruential generator: reproducible data without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// An integer in `lo..=hi`.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    /// A float in `[lo, hi)`, exactly representable in f32.
    fn real(&mut self, lo: f64, hi: f64) -> f64 {
        let u = (self.next() % (1 << 20)) as f64 / f64::from(1 << 20);
        f64::from((lo + (hi - lo) * u) as f32)
    }
}

pub(crate) fn ints(n: usize, seed: u64, lo: i64, hi: i64) -> Vec<f64> {
    let mut g = Lcg(seed);
    (0..n).map(|_| g.int(lo, hi) as f64).collect()
}

/// Multiples of 0.5: exact in every float dtype, so float references can be exact.
pub(crate) fn halves(n: usize, seed: u64, lo: i64, hi: i64) -> Vec<f64> {
    ints(n, seed, 2 * lo, 2 * hi)
        .iter()
        .map(|v| v / 2.0)
        .collect()
}

pub(crate) fn reals(n: usize, seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut g = Lcg(seed);
    (0..n).map(|_| g.real(lo, hi)).collect()
}

/// The compute dtypes, which the sweeps here cover with signed values (the storage dtypes have
/// their own tests, `dtypes.rs`).
pub(crate) const COMPUTE: [DType; 5] = [
    DType::Bool,
    DType::Int32,
    DType::Int64,
    DType::Float32,
    DType::Float64,
];

/// A contiguous tensor of `dtype` from f64 values (`as` conversions; the engine's cast for the
/// storage dtypes).
pub(crate) fn make(vals: &[f64], shape: &[usize], dtype: DType) -> Tensor {
    let t = match dtype {
        DType::Bool => Tensor::from_vec(vals.iter().map(|&x| x != 0.0).collect(), shape),
        DType::Int32 => Tensor::from_vec(vals.iter().map(|&x| x as i32).collect(), shape),
        DType::Int64 => Tensor::from_vec(vals.iter().map(|&x| x as i64).collect(), shape),
        DType::Float32 => Tensor::from_vec(vals.iter().map(|&x| x as f32).collect(), shape),
        DType::Float64 => Tensor::from_vec(vals.to_vec(), shape),
        d => Tensor::from_vec(vals.to_vec(), shape).and_then(|t| ems::cast(&t, d)),
    };
    t.unwrap()
}

/// The values rounded to what a tensor of `dtype` holds.
pub(crate) fn rounded(vals: &[f64], dtype: DType) -> Vec<f64> {
    make(vals, &[vals.len()], dtype).to_vec::<f64>()
}

/// `vals` (of `shape`) with its axes permuted: output axis `i` is input axis `perm[i]`.
pub(crate) fn permuted(vals: &[f64], shape: &[usize], perm: &[usize]) -> (Vec<f64>, Vec<usize>) {
    let out_shape: Vec<usize> = perm.iter().map(|&a| shape[a]).collect();
    let out = (0..numel(shape))
        .map(|k| {
            let o = unravel(k, &out_shape);
            let mut i = vec![0; shape.len()];
            for (ax, &pa) in perm.iter().enumerate() {
                i[pa] = o[ax];
            }
            vals[ravel(&i, shape)]
        })
        .collect();
    (out, out_shape)
}

/// The same logical values of `shape` and `dtype` through several layouts: contiguous, a
/// transpose of the transposed data, a `::-1` slice of reversed data on every axis, a `1::2` slice
/// of data interleaved with junk on the last axis, and a `::-2` slice of reversed interleaved data.
pub(crate) fn views(vals: &[f64], shape: &[usize], dtype: DType) -> Vec<(String, Tensor)> {
    let nd = shape.len();
    let mut out = vec![("contiguous".to_string(), make(vals, shape, dtype))];
    if nd >= 2 {
        let rev: Vec<usize> = (0..nd).rev().collect();
        let (sv, ss) = permuted(vals, shape, &rev);
        let t = ems::transpose(&make(&sv, &ss, dtype), None).unwrap();
        out.push(("transposed".to_string(), t));
        // A partial permutation too: swap the first two axes only.
        let mut perm: Vec<usize> = (0..nd).collect();
        perm.swap(0, 1);
        let (sv, ss) = permuted(vals, shape, &perm);
        let t = ems::swapaxes(&make(&sv, &ss, dtype), 0, 1).unwrap();
        out.push(("swapaxes".to_string(), t));
    }
    if nd >= 1 {
        // Reversed along every axis, read back with ::-1.
        let sv: Vec<f64> = (0..vals.len())
            .map(|k| {
                let i: Vec<usize> = unravel(k, shape)
                    .iter()
                    .zip(shape)
                    .map(|(&i, &n)| n - 1 - i)
                    .collect();
                vals[ravel(&i, shape)]
            })
            .collect();
        let all_rev = vec![Index::Slice(None, None, Some(-1)); nd];
        let t = ems::index(&make(&sv, shape, dtype), &all_rev).unwrap();
        out.push(("negative steps".to_string(), t));

        // Interleaved with junk along the last axis: storage position 2j+1 holds element j.
        let n = shape[nd - 1];
        let mut wide = shape.to_vec();
        wide[nd - 1] = 2 * n + 1;
        let mut sv = vec![77.0; numel(&wide)];
        for (k, &v) in vals.iter().enumerate() {
            let mut i = unravel(k, shape);
            i[nd - 1] = 2 * i[nd - 1] + 1;
            sv[ravel(&i, &wide)] = v;
        }
        let step = [Index::Ellipsis, Index::Slice(Some(1), None, Some(2))];
        let t = ems::index(&make(&sv, &wide, dtype), &step).unwrap();
        out.push(("stepped".to_string(), t));

        // Reversed and interleaved: storage position 2n-1-2j holds element j; read with ::-2.
        if n > 0 {
            wide[nd - 1] = 2 * n;
            let mut sv = vec![-77.0; numel(&wide)];
            for (k, &v) in vals.iter().enumerate() {
                let mut i = unravel(k, shape);
                i[nd - 1] = 2 * n - 1 - 2 * i[nd - 1];
                sv[ravel(&i, &wide)] = v;
            }
            let step = [Index::Ellipsis, Index::Slice(None, None, Some(-2))];
            let t = ems::index(&make(&sv, &wide, dtype), &step).unwrap();
            out.push(("negative stepped".to_string(), t));
        }
    }
    for (name, t) in &out {
        assert_eq!(t.dims(), shape, "{name}");
        assert_eq!(t.to_vec::<f64>().len(), vals.len(), "{name}");
    }
    out
}

/// Sizes 0 and 1, odd sizes (7, 13, 33 = 3·11) and a few ranks.
pub(crate) const SHAPES: &[&[usize]] = &[
    &[],
    &[0],
    &[1],
    &[7],
    &[13],
    &[3, 11],
    &[1, 1],
    &[2, 0, 3],
    &[2, 3, 5],
];

pub(crate) const INTS: [DType; 2] = [DType::Int32, DType::Int64];
pub(crate) const FLOATS: [DType; 2] = [DType::Float32, DType::Float64];
pub(crate) const NUMBERS: [DType; 4] = [DType::Int32, DType::Int64, DType::Float32, DType::Float64];

/// Equal as floats: NaN matches NaN, infinities match exactly, others within `rel`·|want| + `abs`.
pub(crate) fn close(got: &[f64], want: &[f64], rel: f64, abs: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w.is_infinite() {
            g == w
        } else {
            (g - w).abs() <= rel * w.abs() + abs
        };
        assert!(
            ok,
            "{what}: element {i}: got {g}, want {w}\n got {got:?}\nwant {want:?}"
        );
    }
}

pub(crate) fn exact(got: &[f64], want: &[f64], what: &str) {
    close(got, want, 0.0, 0.0, what);
}

/// Tolerances for results of one dtype computed by a reference in f64.
pub(crate) fn tol(d: DType) -> (f64, f64) {
    match d {
        DType::Float32 => (2e-6, 1e-6),
        _ => (1e-13, 1e-15),
    }
}
