//! Shared helpers: the result types, a deterministic random generator, tensor builders, strided
//! views of a tensor's values, and the float comparison every check reports through.

use easy_mindspore as ems;
use ems::dtype::Element;
use ems::ops::prim as p;
use ems::Tensor;

pub(crate) type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;
pub(crate) type Fun<'a> = &'a dyn Fn(&[Tensor]) -> ems::Result<Tensor>;

/// A 64-bit linear congruential generator (Knuth's MMIX constants); the top 53 bits of the state
/// make a uniform f64 in [0, 1). Deterministic and per-test, so parallel tests cannot disturb it.
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    fn uniform(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
    /// A magnitude in [lo, hi) with a random sign.
    pub(crate) fn signed(&mut self, lo: f64, hi: f64) -> f64 {
        let m = self.range(lo, hi);
        if self.uniform() < 0.5 {
            -m
        } else {
            m
        }
    }
    /// A value a fraction 0.2..0.8 past an integer in [-3, 3): a ±eps step never crosses one.
    pub(crate) fn off_integer(&mut self) -> f64 {
        self.range(-3.0, 3.0).floor() + self.range(0.2, 0.8)
    }
    fn vec(&mut self, n: usize, mut g: impl FnMut(&mut Lcg) -> f64) -> Vec<f64> {
        (0..n).map(|_| g(self)).collect()
    }
    pub(crate) fn tensor_with(
        &mut self,
        shape: &[usize],
        g: impl FnMut(&mut Lcg) -> f64,
    ) -> Tensor {
        t64(self.vec(shape.iter().product(), g), shape)
    }
    pub(crate) fn tensor(&mut self, shape: &[usize], lo: f64, hi: f64) -> Tensor {
        self.tensor_with(shape, |r| r.range(lo, hi))
    }
    /// Distinct values at least 0.2 apart, in random order: no ties for max/argmax.
    pub(crate) fn distinct(&mut self, shape: &[usize]) -> Tensor {
        let n: usize = shape.iter().product();
        let mut rank: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (self.uniform() * (i + 1) as f64) as usize;
            rank.swap(i, j.min(i));
        }
        let v = rank
            .iter()
            .map(|&k| k as f64 * 0.3 - 2.0 + self.range(0.0, 0.1))
            .collect();
        t64(v, shape)
    }
    /// `x` moved by 0.1..1 in a random direction at every element: no ties with `x`.
    pub(crate) fn apart_from(&mut self, x: &Tensor) -> Tensor {
        let v = x
            .to_vec::<f64>()
            .iter()
            .map(|a| a + self.signed(0.1, 1.0))
            .collect();
        t64(v, x.dims())
    }
    pub(crate) fn bools(&mut self, shape: &[usize]) -> Tensor {
        let v: Vec<bool> = (0..shape.iter().product())
            .map(|_| self.uniform() < 0.5)
            .collect();
        Tensor::from_vec(v, shape).expect("bool tensor")
    }
}

pub(crate) fn t64(v: Vec<f64>, shape: &[usize]) -> Tensor {
    Tensor::from_vec(v, shape).expect("data length matches shape")
}

pub(crate) fn i64s(v: Vec<i64>, shape: &[usize]) -> Tensor {
    Tensor::from_vec(v, shape).expect("data length matches shape")
}

pub(crate) fn scalar(v: f64) -> Tensor {
    Tensor::scalar(v)
}

/// A fresh contiguous tensor with `x`'s values.
pub(crate) fn contiguous(x: &Tensor) -> Tensor {
    let bytes = x.to_ne_bytes().expect("host bytes");
    Tensor::from_ne_bytes(&bytes, x.dtype(), x.dims()).expect("same length")
}

/// `x`'s values seen through a view with gaps and negative strides: every other element of a
/// buffer twice as long per axis, reversed, with poison (NaN, out-of-range indices) in the gaps,
/// so a kernel that ignores a layout reads garbage.
pub(crate) fn strided(x: &Tensor) -> Tensor {
    fn go<T: Element>(v: Vec<T>, shape: &[usize], poison: T) -> Tensor {
        let big_shape: Vec<usize> = shape.iter().map(|d| 2 * d).collect();
        let mut big = vec![poison; big_shape.iter().product()];
        for (i, val) in v.into_iter().rev().enumerate() {
            let (mut rest, mut offset, mut stride) = (i, 0, 1);
            for k in (0..shape.len()).rev() {
                offset += 2 * (rest % shape[k]) * stride;
                rest /= shape[k];
                stride *= big_shape[k];
            }
            big[offset] = val;
        }
        let big = Tensor::from_vec(big, &big_shape).expect("same length");
        let nd = shape.len();
        let every_other = p::slice(&big, &vec![0; nd], &big_shape, &vec![2; nd]);
        let all_axes: Vec<usize> = (0..nd).collect();
        p::rev(&every_other.expect("slice"), &all_axes).expect("rev")
    }
    let d = x.dims();
    match x.dtype() {
        ems::DType::Bool => go(x.to_vec::<bool>(), d, true),
        ems::DType::Int32 => go(x.to_vec::<i32>(), d, i32::MAX),
        ems::DType::Int64 => go(x.to_vec::<i64>(), d, i64::MAX),
        ems::DType::Float32 => go(x.to_vec::<f32>(), d, f32::NAN),
        ems::DType::Float64 => go(x.to_vec::<f64>(), d, f64::NAN),
        ems::DType::Int8 => go(x.to_vec::<i8>(), d, i8::MAX),
        ems::DType::Int16 => go(x.to_vec::<i16>(), d, i16::MAX),
        ems::DType::UInt8 => go(x.to_vec::<u8>(), d, u8::MAX),
        ems::DType::UInt16 => go(x.to_vec::<u16>(), d, u16::MAX),
        ems::DType::UInt32 => go(x.to_vec::<u32>(), d, u32::MAX),
        ems::DType::UInt64 => go(x.to_vec::<u64>(), d, u64::MAX),
        ems::DType::Float16 => go(x.to_vec::<half::f16>(), d, half::f16::NAN),
        ems::DType::BFloat16 => go(x.to_vec::<half::bf16>(), d, half::bf16::NAN),
        ems::DType::Complex64 => {
            let nan = ems::dtype::C64::new(f32::NAN, f32::NAN);
            go(x.to_vec::<ems::dtype::C64>(), d, nan)
        }
        ems::DType::Complex128 => {
            let nan = ems::dtype::C128::new(f64::NAN, f64::NAN);
            go(x.to_vec::<ems::dtype::C128>(), d, nan)
        }
    }
}

pub(crate) fn close(what: &str, got: &[f64], want: &[f64], tol: f64) -> TestResult {
    if got.len() != want.len() {
        return Err(format!("{what}: {} values, expected {}", got.len(), want.len()).into());
    }
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        let ok = (g - w).abs() <= tol * (1.0 + w.abs()); // false for NaN
        if !ok {
            return Err(format!(
                "{what}: element {i} is {g}, expected {w}\n  got  {got:?}\n  want {want:?}"
            )
            .into());
        }
    }
    Ok(())
}
