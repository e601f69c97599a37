//! The gamma-function family (`lgamma`, `digamma`, `polygamma`) against mpmath's values
//! (`special_refs.rs`) in units in the last place of Float64, their Float32/Float16 rounding,
//! poles, limits and dtypes (MindSpore 2.10's where it has a limit to give).

use crate::helpers::make;
use crate::special_refs::{DIGAMMA, LGAMMA, POLYGAMMA};
use easy_mindspore as ems;
use ems::{DType, Tensor};

/// `|got - want|` in units of the last place of `want` (of its binade's ulp).
fn ulps(got: f64, want: f64) -> f64 {
    if got == want {
        return 0.0;
    }
    let ulp = f64::EPSILON * 2f64.powi(want.abs().log2().floor() as i32);
    (got - want).abs() / ulp.max(f64::MIN_POSITIVE)
}

fn f64s(t: &Tensor) -> Vec<f64> {
    t.to_vec::<f64>()
}

/// The largest error in ulps of `got` against `want`, with the worst argument.
fn worst(args: &[f64], got: &[f64], want: &[f64]) -> (f64, f64) {
    args.iter()
        .zip(got.iter().zip(want))
        .map(|(&x, (&g, &w))| (ulps(g, w), x))
        .fold((0.0, f64::NAN), |a, b| if b.0 > a.0 { b } else { a })
}

#[test]
fn lgamma_is_within_a_few_ulps_of_mpmath() {
    let (xs, want): (Vec<f64>, Vec<f64>) = LGAMMA.iter().copied().unzip();
    let got = f64s(&ems::lgamma(&make(&xs, &[xs.len()], DType::Float64)).unwrap());
    // libm's lgamma: within 2 ulps for x > 0 (exactly 0 at 1 and 2); for x < 0 up to 10 (at
    // -2.5, near a zero at -2.457, where ln|Γ| is 20 times smaller than its two reflected parts).
    for (bound, positive) in [(2.0, true), (16.0, false)] {
        let pick = |v: &[f64]| -> Vec<f64> {
            xs.iter()
                .zip(v)
                .filter(|(x, _)| (**x > 0.0) == positive)
                .map(|(_, &y)| y)
                .collect()
        };
        let (e, x) = worst(&pick(&xs), &pick(&got), &pick(&want));
        assert!(e <= bound, "lgamma({x}) is {e} ulps off");
    }
}

#[test]
fn digamma_is_within_a_few_ulps_of_mpmath_also_at_its_root() {
    let (xs, want): (Vec<f64>, Vec<f64>) = DIGAMMA.iter().copied().unzip();
    let got = f64s(&ems::digamma(&make(&xs, &[xs.len()], DType::Float64)).unwrap());
    // Including the two doubles either side of the positive root x₀ = 1.4616…, where ψ is
    // ~1e-16 and a summed recurrence would keep no digit (measured: every value within 1 ulp).
    let (e, x) = worst(&xs, &got, &want);
    assert!(e <= 2.0, "digamma({x}) is {e} ulps off");
}

#[test]
fn polygamma_is_within_a_few_ulps_of_mpmath() {
    for &(n, x, want) in POLYGAMMA {
        let got = ems::polygamma(n as i64, &make(&[x], &[1], DType::Float64)).unwrap();
        let got = f64s(&got)[0];
        // Positive x: a sum of positive terms (measured: within 4 ulps). Negative x: the
        // reflection's two parts can cancel (measured: up to 30 ulps, at n = 30, x = -1.25;
        // summing the series through its negative terms gave ψ⁽¹²⁾(-0.5) 7·10⁵ ulps off).
        let bound = if x > 0.0 { 4.0 } else { 32.0 };
        let e = ulps(got, want);
        assert!(
            e <= bound,
            "polygamma({n}, {x}) = {got:e}, want {want:e} ({e} ulps)"
        );
    }
}

#[test]
fn the_gamma_family_rounds_once_into_float32_and_float16() {
    let xs = [0.3, 1.7, 4.2, -2.5];
    for dtype in [DType::Float32, DType::Float16] {
        let x = make(&xs, &[4], dtype);
        let x64 = ems::cast(&x, DType::Float64).unwrap();
        let pairs: [(Tensor, Tensor); 3] = [
            (ems::lgamma(&x).unwrap(), ems::lgamma(&x64).unwrap()),
            (ems::digamma(&x).unwrap(), ems::digamma(&x64).unwrap()),
            (
                ems::polygamma(2, &x).unwrap(),
                ems::polygamma(2, &x64).unwrap(),
            ),
        ];
        for (got, want) in pairs {
            assert_eq!(got.dtype(), dtype);
            let want = ems::cast(&want, dtype).unwrap();
            assert_eq!(
                f64s(&ems::cast(&got, DType::Float64).unwrap()),
                f64s(&ems::cast(&want, DType::Float64).unwrap())
            );
        }
    }
}

#[test]
fn poles_and_limits_are_mindspores() {
    let inf = f64::INFINITY;
    let xs = [0.0, -0.0, -1.0, -2.0, inf, -inf, f64::NAN];
    let x = make(&xs, &[xs.len()], DType::Float64);
    let lg = f64s(&ems::lgamma(&x).unwrap());
    assert_eq!(&lg[..6], &[inf; 6]);
    assert!(lg[6].is_nan());
    let dg = f64s(&ems::digamma(&x).unwrap());
    assert_eq!(&dg[..2], &[-inf, inf]);
    assert!(dg[2].is_nan() && dg[3].is_nan() && dg[5].is_nan() && dg[6].is_nan());
    assert_eq!(dg[4], inf);
    // ψ⁽ⁿ⁾ ~ (-1)ⁿ⁺¹·n!/xⁿ⁺¹ at the poles: +inf for odd n, -inf for even n; 0 at +inf.
    let p1 = f64s(&ems::polygamma(1, &x).unwrap());
    assert_eq!(&p1[..4], &[inf; 4]);
    assert_eq!(p1[4], 0.0);
    assert!(p1[5].is_nan() && p1[6].is_nan());
    let p2 = f64s(&ems::polygamma(2, &x).unwrap());
    assert_eq!(&p2[..4], &[-inf; 4]);
    // A negative order is NaN everywhere, as MindSpore's.
    assert!(f64s(&ems::polygamma(-1, &x).unwrap())
        .iter()
        .all(|v| v.is_nan()));
}

#[test]
fn the_gamma_family_takes_floats_and_lgamma_int32() {
    let i32s = make(&[1.0, 2.0, 5.0], &[3], DType::Int32);
    let lg = ems::lgamma(&i32s).unwrap();
    assert_eq!(lg.dtype(), DType::Float32);
    assert_eq!(lg.to_vec::<f32>(), [0.0, 0.0, 24f32.ln()]);
    for d in [DType::Int64, DType::Bool, DType::UInt8] {
        let x = make(&[1.0], &[1], d);
        assert!(ems::lgamma(&x).is_err(), "lgamma of {d:?}");
        assert!(ems::digamma(&x).is_err(), "digamma of {d:?}");
        assert!(ems::polygamma(1, &x).is_err(), "polygamma of {d:?}");
    }
    assert!(ems::digamma(&make(&[1.0], &[1], DType::Int32)).is_err());
}
