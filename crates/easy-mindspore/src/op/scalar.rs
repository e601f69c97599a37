//! The scalar arithmetic of every element type: what one element of each op is. Integer division
//! is Python's floor division (`x // 0 == 0`) and the remainder takes the sign of the divisor
//! (`x % 0 == 0`, as NumPy); integer arithmetic wraps; Bool arithmetic is logic (`+` is or, `*` is
//! and). Float32 `exp` and `tanh` are the vectorisable versions of
//! [`super::fastmath`]; everything else is the platform's.

use crate::dtype::Element;

/// Arithmetic of one element type; integer division is Python's floor division.
pub trait Arith: Element + PartialOrd {
    /// `self + o` (wrapping for integers, `or` for Bool).
    fn add(self, o: Self) -> Self;
    /// `self - o` (wrapping; `xor` for Bool).
    fn sub(self, o: Self) -> Self;
    /// `self * o` (wrapping; `and` for Bool).
    fn mul(self, o: Self) -> Self;
    /// `self / o`; floor division for integers, with `x // 0 == 0`.
    fn div(self, o: Self) -> Self;
    /// The remainder of floor division, with the sign of `o` (NumPy's `remainder`): for floats
    /// the exact `fmod` corrected by one `o` when the signs differ (never `x - floor(x/o)·o`,
    /// which loses every digit at large magnitudes), a zero result signed as `o`, NaN for
    /// `o = 0` or `x = ±inf`, and `x` itself (or `±inf` when the signs differ) for `o = ±inf`;
    /// for integers `x % 0 == 0`.
    fn rem(self, o: Self) -> Self;
    /// `self ** o`.
    fn pow(self, o: Self) -> Self;
    /// `-self` (wrapping).
    fn neg(self) -> Self;
    /// Round toward negative infinity (the identity on integers).
    fn floor(self) -> Self;
    /// `|self|` (wrapping for integers: the minimum stays itself, as NumPy; `+0.0` for `-0.0`).
    fn abs(self) -> Self;
    /// True for a float NaN.
    fn is_nan(self) -> bool;
    // The transcendental functions, floats only (integers get the identity, never reached).
    // One method each, so that every kernel's loop is a direct call the compiler can inline
    // and vectorise.
    /// `e^self`.
    fn exp(self) -> Self;
    /// Natural logarithm.
    fn ln(self) -> Self;
    /// Sine.
    fn sin(self) -> Self;
    /// Cosine.
    fn cos(self) -> Self;
    /// Hyperbolic tangent.
    fn tanh(self) -> Self;
    /// Square root.
    fn sqrt(self) -> Self;
    // The bitwise ops, for integers and Bool (their ops' domains refuse floats, whose methods act
    // on the IEEE bit pattern, and shift to NaN, and are never reached).
    /// `self & o` (`and` for Bool).
    fn bit_and(self, o: Self) -> Self;
    /// `self | o` (`or` for Bool).
    fn bit_or(self, o: Self) -> Self;
    /// `self ^ o` (`xor` for Bool).
    fn bit_xor(self, o: Self) -> Self;
    /// `!self` (`not` for Bool).
    fn bit_not(self) -> Self;
    /// `self << o`: 0 when `o`, read as unsigned, is at least the bit width (NumPy's rule, so a
    /// negative count gives 0 too).
    fn shl(self, o: Self) -> Self;
    /// `self >> o`, arithmetic: for `o`, read as unsigned, at least the bit width, -1 for a
    /// negative `self` and 0 otherwise (NumPy's rule).
    fn shr(self, o: Self) -> Self;
}

/// The identity for the transcendental functions of types that have none.
macro_rules! no_transcendentals {
    () => {
        fn exp(self) -> Self {
            self
        }
        fn ln(self) -> Self {
            self
        }
        fn sin(self) -> Self {
            self
        }
        fn cos(self) -> Self {
            self
        }
        fn tanh(self) -> Self {
            self
        }
        fn sqrt(self) -> Self {
            self
        }
    };
}

macro_rules! arith_int {
    ($t:ty) => {
        impl Arith for $t {
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            fn div(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                let q = self.wrapping_div(o);
                // `wrapping_rem`: `MIN % -1` panics with plain `%` (and `MIN // -1` wraps to MIN).
                if (self.wrapping_rem(o) != 0) && ((self < 0) != (o < 0)) {
                    q - 1
                } else {
                    q
                }
            }
            fn rem(self, o: Self) -> Self {
                if o == 0 {
                    return 0;
                }
                // `wrapping_rem`: `MIN % -1` is 0 (plain `%` panics).
                let r = self.wrapping_rem(o);
                if r != 0 && ((r < 0) != (o < 0)) {
                    r + o
                } else {
                    r
                }
            }
            /// A negative exponent gives the power truncated toward zero, as MindSpore 2.10's
            /// CPU kernel computes it: 0 for |x| > 1, 1 for x = 1, ±1 for x = -1 (NumPy refuses
            /// all of them). For x = 0 MindSpore returns the integer minimum, which is no answer:
            /// the `Pow` primitive refuses that case before this runs (NumPy's ValueError), and
            /// the 0 here is never seen.
            fn pow(self, o: Self) -> Self {
                if o >= 0 {
                    // Square-and-multiply over the whole exponent, wrapping like `wrapping_pow`
                    // (which takes a u32: clamping to it would be wrong, and `u32::MAX as i32` is
                    // -1, which made every Int32 power `x ** (2^32 - 1)`).
                    let (mut base, mut e, mut acc) = (self, o, 1 as Self);
                    while e > 0 {
                        if e & 1 == 1 {
                            acc = acc.wrapping_mul(base);
                        }
                        base = base.wrapping_mul(base);
                        e >>= 1;
                    }
                    acc
                } else {
                    match self {
                        1 => 1,
                        -1 => {
                            if o % 2 == 0 {
                                1
                            } else {
                                -1
                            }
                        }
                        _ => 0,
                    }
                }
            }
            fn neg(self) -> Self {
                self.wrapping_neg()
            }
            fn floor(self) -> Self {
                self
            }
            fn abs(self) -> Self {
                self.wrapping_abs()
            }
            fn is_nan(self) -> bool {
                false
            }
            fn bit_and(self, o: Self) -> Self {
                self & o
            }
            fn bit_or(self, o: Self) -> Self {
                self | o
            }
            fn bit_xor(self, o: Self) -> Self {
                self ^ o
            }
            fn bit_not(self) -> Self {
                !self
            }
            fn shl(self, o: Self) -> Self {
                if (o as u64) < u64::from(<$t>::BITS) {
                    self << o
                } else {
                    0
                }
            }
            fn shr(self, o: Self) -> Self {
                if (o as u64) < u64::from(<$t>::BITS) {
                    self >> o
                } else if self < 0 {
                    -1
                } else {
                    0
                }
            }
            no_transcendentals!();
        }
    };
}
arith_int!(i32);
arith_int!(i64);

macro_rules! arith_float {
    ($t:ty, $exp:expr, $tanh:expr) => {
        impl Arith for $t {
            fn add(self, o: Self) -> Self {
                self + o
            }
            fn sub(self, o: Self) -> Self {
                self - o
            }
            fn mul(self, o: Self) -> Self {
                self * o
            }
            fn div(self, o: Self) -> Self {
                self / o
            }
            fn rem(self, o: Self) -> Self {
                // Rust's `%` on floats is C's `fmod`: exact, with the sign of `self`.
                let r = self % o;
                if r != 0.0 {
                    // NaN (o = 0, self = ±inf, a NaN operand) fails both tests and stays.
                    if (r < 0.0) != (o < 0.0) {
                        r + o
                    } else {
                        r
                    }
                } else {
                    (0.0 as $t).copysign(o)
                }
            }
            fn pow(self, o: Self) -> Self {
                self.powf(o)
            }
            fn neg(self) -> Self {
                -self
            }
            fn floor(self) -> Self {
                <$t>::floor(self)
            }
            fn abs(self) -> Self {
                <$t>::abs(self)
            }
            fn is_nan(self) -> bool {
                <$t>::is_nan(self)
            }
            // Always inlined, like `$exp` and `$tanh` themselves: a kernel that calls them
            // several times per element (the fused LSTM/GRU cells) otherwise kept a scalar call
            // in some builds (codegen units split differently) and ran 10× slower.
            #[inline(always)]
            fn exp(self) -> Self {
                $exp(self)
            }
            fn ln(self) -> Self {
                <$t>::ln(self)
            }
            fn sin(self) -> Self {
                <$t>::sin(self)
            }
            fn cos(self) -> Self {
                <$t>::cos(self)
            }
            #[inline(always)]
            fn tanh(self) -> Self {
                $tanh(self)
            }
            fn sqrt(self) -> Self {
                <$t>::sqrt(self)
            }
            fn bit_and(self, o: Self) -> Self {
                <$t>::from_bits(self.to_bits() & o.to_bits())
            }
            fn bit_or(self, o: Self) -> Self {
                <$t>::from_bits(self.to_bits() | o.to_bits())
            }
            fn bit_xor(self, o: Self) -> Self {
                <$t>::from_bits(self.to_bits() ^ o.to_bits())
            }
            fn bit_not(self) -> Self {
                <$t>::from_bits(!self.to_bits())
            }
            fn shl(self, _: Self) -> Self {
                <$t>::NAN
            }
            fn shr(self, _: Self) -> Self {
                <$t>::NAN
            }
        }
    };
}
// Float32 exp and tanh are our vectorisable versions; everything else is the platform's.
arith_float!(f32, super::fastmath::exp_f32, super::fastmath::tanh_f32);
arith_float!(f64, f64::exp, f64::tanh);

impl Arith for bool {
    fn add(self, o: Self) -> Self {
        self | o
    }
    fn sub(self, o: Self) -> Self {
        self ^ o
    }
    fn mul(self, o: Self) -> Self {
        self & o
    }
    fn div(self, o: Self) -> Self {
        self & o
    }
    /// Always false: `x % 1 == 0`, and `x % 0 == 0` as for integers.
    fn rem(self, _: Self) -> Self {
        false
    }
    fn pow(self, o: Self) -> Self {
        self | !o
    }
    fn neg(self) -> Self {
        self
    }
    fn floor(self) -> Self {
        self
    }
    fn abs(self) -> Self {
        self
    }
    fn is_nan(self) -> bool {
        false
    }
    fn bit_and(self, o: Self) -> Self {
        self & o
    }
    fn bit_or(self, o: Self) -> Self {
        self | o
    }
    fn bit_xor(self, o: Self) -> Self {
        self ^ o
    }
    fn bit_not(self) -> Self {
        !self
    }
    /// As a 1-bit unsigned integer: a shift by 1 clears it.
    fn shl(self, o: Self) -> Self {
        self & !o
    }
    /// As a 1-bit unsigned integer: a shift by 1 clears it.
    fn shr(self, o: Self) -> Self {
        self & !o
    }
    no_transcendentals!();
}

/// The larger of two elements; a NaN on either side is the result.
pub fn max_nan<T: Arith>(a: T, b: T) -> T {
    if a.is_nan() || a > b {
        a
    } else {
        b
    }
}

/// The smaller of two elements; a NaN on either side is the result.
pub fn min_nan<T: Arith>(a: T, b: T) -> T {
    if a.is_nan() || a < b {
        a
    } else {
        b
    }
}

/// The inverse error function: the `x` with `erf(x) = y` for `y` in `[-1, 1]` (`±∞` at `±1`, NaN
/// outside and for NaN). M. Giles' single-precision approximation ("Approximating the erfinv
/// function", 2010) as the start (single precision near 0, rougher far in the tails), then Newton
/// steps on `erf` (on `erfc` against the exact `1 - |y|` for `|y| > 0.5`, where `erf(x) - y` would
/// cancel) until they stop changing it: Float64 accuracy in a few steps (quadratic convergence).
pub fn erfinv(y: f64) -> f64 {
    if y.is_nan() || y.abs() > 1.0 {
        return f64::NAN;
    }
    if y.abs() == 1.0 {
        return y * f64::INFINITY;
    }
    let w = -((1.0 - y) * (1.0 + y)).ln();
    let p = if w < 5.0 {
        let w = w - 2.5;
        [
            3.432_739_39e-7,
            -3.523_387_7e-6,
            -4.391_506_54e-6,
            2.185_808_7e-4,
            -1.253_725_03e-3,
            -4.177_681_64e-3,
            2.466_407_27e-1,
            1.501_409_41,
        ]
        .iter()
        .fold(2.810_226_36e-8, |p, &c| c + p * w)
    } else {
        let w = w.sqrt() - 3.0;
        [
            1.009_505_58e-4,
            1.349_343_22e-3,
            -3.673_428_44e-3,
            5.739_507_73e-3,
            -7.622_461_3e-3,
            9.438_870_47e-3,
            1.001_674_06,
            2.832_976_82,
        ]
        .iter()
        .fold(-2.002_142_57e-4, |p, &c| c + p * w)
    };
    let (a, mut x) = (y.abs(), (p * y).abs());
    for _ in 0..12 {
        // erf'(x) = 2/√π · e^(-x²)
        let slope = std::f64::consts::FRAC_2_SQRT_PI * (-x * x).exp();
        if slope == 0.0 {
            break;
        }
        let step = if a > 0.5 {
            ((1.0 - a) - libm::erfc(x)) / slope
        } else {
            (libm::erf(x) - a) / slope
        };
        x -= step;
        if step.abs() <= 1e-16 * x.abs() {
            break;
        }
    }
    x.copysign(y)
}
