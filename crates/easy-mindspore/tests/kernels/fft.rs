//! The Fourier transforms against the definition summed here in `Complex<f64>` (`O(n²)` per row):
//! the `FFT` primitive at every length from 1 to 40 (powers of two, primes, mixed factors) both
//! ways, on contiguous and transposed inputs in both complex dtypes; then the friendly
//! transforms (`ems::fft`): sizes, norms, several axes, the real and Hermitian forms against
//! their definitions, the dtypes they give, and the errors they raise.

use easy_mindspore as ems;
use ems::dtype::{C128, C64};
use ems::error::ErrorClass;
use ems::{DType, FftKind, FftNorm, Tensor};
use proptest::prelude::*;
use std::f64::consts::PI;

/// The transform of each row of `x` (`rows × n`, row-major) by the definition.
fn reference(x: &[C128], n: usize, inverse: bool) -> Vec<C128> {
    let sign = if inverse { 1.0 } else { -1.0 };
    let mut out = Vec::with_capacity(x.len());
    for row in x.chunks(n) {
        for k in 0..n {
            let mut acc = C128::new(0.0, 0.0);
            for (j, &v) in row.iter().enumerate() {
                let angle = sign * 2.0 * PI * ((j * k) % n) as f64 / n as f64;
                acc += v * C128::new(angle.cos(), angle.sin());
            }
            out.push(acc);
        }
    }
    out
}

fn read(t: &Tensor) -> Vec<C128> {
    match t.dtype() {
        DType::Complex64 => t
            .to_vec::<C64>()
            .iter()
            .map(|z| C128::new(z.re.into(), z.im.into()))
            .collect(),
        DType::Complex128 => t.to_vec::<C128>(),
        _ => ems::cast(t, DType::Float64)
            .unwrap()
            .to_vec::<f64>()
            .iter()
            .map(|&r| C128::new(r, 0.0))
            .collect(),
    }
}

fn close(what: &str, got: &[C128], want: &[C128], tol: f64) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    let scale = want.iter().map(|w| w.norm()).fold(1.0, f64::max);
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).norm() <= tol * scale,
            "{what}: element {i}: got {g}, want {w}"
        );
    }
}

fn c128(rows: usize, n: usize, seed: u64) -> Vec<C128> {
    let mut s = seed;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    };
    (0..rows * n).map(|_| C128::new(next(), next())).collect()
}

#[test]
fn the_primitive_is_the_definition_at_every_length() {
    for n in 1..=40usize {
        for inverse in [false, true] {
            let x = c128(3, n, n as u64);
            let want = reference(&x, n, inverse);
            let t = Tensor::from_vec(x.clone(), &[3, n]).unwrap();
            let got = ems::ops::prim::dft(&t, inverse).unwrap();
            close(&format!("n={n} C128"), &read(&got), &want, 1e-12);
            // Complex64, the rows read through a transposed view.
            let t32 = ems::cast(&t, DType::Complex64).unwrap();
            let x32 = read(&t32);
            let x32c: Vec<C64> = (0..3 * n)
                .map(|e| {
                    let z = x32[(e % 3) * n + e / 3];
                    C64::new(z.re as f32, z.im as f32)
                })
                .collect();
            let columns = Tensor::from_vec(x32c, &[n, 3]).unwrap();
            let strided = ems::transpose(&columns, None).unwrap();
            let got = ems::ops::prim::dft(&strided, inverse).unwrap();
            assert_eq!(got.dtype(), DType::Complex64);
            close(
                &format!("n={n} C64"),
                &read(&got),
                &reference(&x32, n, inverse),
                2e-6,
            );
        }
    }
}

#[test]
fn large_values_split_across_threads_equal_the_one_thread_rows() {
    // 64 rows of 1024: split into runs of rows; each row as the definition gives it.
    let x = c128(64, 1024, 7);
    let t = Tensor::from_vec(x.clone(), &[64, 1024]).unwrap();
    let got = read(&ems::ops::prim::dft(&t, false).unwrap());
    for r in [0usize, 31, 63] {
        let row = &x[r * 1024..(r + 1) * 1024];
        close(
            &format!("row {r}"),
            &got[r * 1024..(r + 1) * 1024],
            &reference(row, 1024, false),
            1e-12,
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn real_and_hermitian_forms_are_their_definitions(n in 1usize..12, seed in 0u64..1000) {
        let x = c128(2, n, seed);
        let real: Vec<f64> = x.iter().map(|z| z.re).collect();
        let xr = Tensor::from_vec(real.clone(), &[2, n]).unwrap();
        let spectrum = reference(&real.iter().map(|&r| C128::new(r, 0.0)).collect::<Vec<_>>(), n, false);
        let half = n / 2 + 1;
        let halves: Vec<C128> = spectrum.chunks(n).flat_map(|row| row[..half].to_vec()).collect();
        // rfft: the first n/2 + 1 elements; irfft of them (size n) gives the signal back.
        let r = ems::fft(&xr, FftKind::RealForward, &[-1], None, FftNorm::Backward).unwrap();
        prop_assert_eq!(r.dims(), &[2, half]);
        prop_assert_eq!(r.dtype(), DType::Complex128);
        close("rfft", &read(&r), &halves, 1e-12);
        let back = ems::fft(&r, FftKind::RealInverse, &[-1], Some(&[n]), FftNorm::Backward).unwrap();
        prop_assert_eq!(back.dtype(), DType::Float64);
        close("irfft(rfft)", &read(&back), &read(&xr), 1e-12);
        // ihfft is conj(rfft)/n; hfft of it, size n, gives the signal back.
        let ih = ems::fft(&xr, FftKind::HermitianInverse, &[1], None, FftNorm::Backward).unwrap();
        let want: Vec<C128> = halves.iter().map(|z| z.conj() / n as f64).collect();
        close("ihfft", &read(&ih), &want, 1e-12);
        let h = ems::fft(&ih, FftKind::HermitianForward, &[1], Some(&[n]), FftNorm::Backward).unwrap();
        close("hfft(ihfft)", &read(&h), &read(&xr), 1e-12);
        // irfft of an arbitrary half spectrum: the imaginary parts of X[0] (and X[n/2]) unread.
        let m = n / 2 + 1;
        let z = c128(1, m, seed + 1);
        let mut whole = vec![C128::new(0.0, 0.0); n];
        for (k, w) in whole.iter_mut().enumerate() {
            *w = if k < m { z[k] } else { z[n - k].conj() };
        }
        whole[0].im = 0.0;
        if n % 2 == 0 {
            whole[n / 2].im = 0.0;
        }
        let want: Vec<C128> = reference(&whole, n, true).iter().map(|v| C128::new(v.re / n as f64, 0.0)).collect();
        let zt = Tensor::from_vec(z, &[m]).unwrap();
        let got = ems::fft(&zt, FftKind::RealInverse, &[0], Some(&[n]), FftNorm::Backward).unwrap();
        close("irfft", &read(&got), &want, 1e-12);
    }
}

#[test]
fn sizes_norms_and_several_axes() {
    let x = c128(3, 4, 11);
    let t = Tensor::from_vec(x.clone(), &[3, 4]).unwrap();
    // Size 6 along the last axis: padded with zeros; size 2: cut.
    let padded: Vec<C128> = x
        .chunks(4)
        .flat_map(|r| r.iter().copied().chain([C128::new(0.0, 0.0); 2]))
        .collect();
    let got = ems::fft(&t, FftKind::Forward, &[1], Some(&[6]), FftNorm::Backward).unwrap();
    close(
        "pad to 6",
        &read(&got),
        &reference(&padded, 6, false),
        1e-12,
    );
    let cut: Vec<C128> = x.chunks(4).flat_map(|r| r[..2].to_vec()).collect();
    let got = ems::fft(&t, FftKind::Forward, &[-1], Some(&[2]), FftNorm::Backward).unwrap();
    close("cut to 2", &read(&got), &reference(&cut, 2, false), 1e-12);
    // Norms: forward divides the forward transform by n, ortho both by √n.
    let plain = reference(&x, 4, false);
    for (norm, f) in [(FftNorm::Forward, 0.25), (FftNorm::Ortho, 0.5)] {
        let got = ems::fft(&t, FftKind::Forward, &[1], None, norm).unwrap();
        let want: Vec<C128> = plain.iter().map(|z| z * f).collect();
        close(&format!("{norm:?}"), &read(&got), &want, 1e-12);
    }
    let inv = reference(&x, 4, true);
    let got = ems::fft(&t, FftKind::Inverse, &[1], None, FftNorm::Backward).unwrap();
    let want: Vec<C128> = inv.iter().map(|z| z / 4.0).collect();
    close("ifft", &read(&got), &want, 1e-12);
    // Two axes: the transform of the columns of the rows' transform (scaled by 1/12 for ortho²).
    let rows = reference(&x, 4, false);
    let mut cols = vec![C128::new(0.0, 0.0); 12];
    for j in 0..4 {
        let col: Vec<C128> = (0..3).map(|i| rows[i * 4 + j]).collect();
        for (i, v) in reference(&col, 3, false).into_iter().enumerate() {
            cols[i * 4 + j] = v;
        }
    }
    let got = ems::fft(&t, FftKind::Forward, &[0, 1], None, FftNorm::Backward).unwrap();
    close("fft2", &read(&got), &cols, 1e-12);
    let got = ems::fft(&t, FftKind::Inverse, &[1, 0], None, FftNorm::Forward).unwrap();
    let want = {
        let rows = reference(&x, 4, true);
        let mut out = vec![C128::new(0.0, 0.0); 12];
        for j in 0..4 {
            let col: Vec<C128> = (0..3).map(|i| rows[i * 4 + j]).collect();
            for (i, v) in reference(&col, 3, true).into_iter().enumerate() {
                out[i * 4 + j] = v;
            }
        }
        out
    };
    close("ifft2, forward norm", &read(&got), &want, 1e-12);
}

#[test]
fn dtypes_follow_mindspore() {
    let ints = Tensor::from_vec(vec![1i32, 2, 3], &[3]).unwrap();
    let f = |x: &Tensor, k| ems::fft(x, k, &[-1], None, FftNorm::Backward).unwrap();
    assert_eq!(f(&ints, FftKind::Forward).dtype(), DType::Complex64);
    let f16 = ems::cast(&ints, DType::Float16).unwrap();
    assert_eq!(f(&f16, FftKind::RealForward).dtype(), DType::Complex64);
    let f64s = ems::cast(&ints, DType::Float64).unwrap();
    assert_eq!(f(&f64s, FftKind::Forward).dtype(), DType::Complex128);
    let c64 = ems::cast(&ints, DType::Complex64).unwrap();
    assert_eq!(f(&c64, FftKind::RealInverse).dtype(), DType::Float32);
    assert_eq!(f(&c64, FftKind::HermitianForward).dims(), &[4]);
    // A real signal given to irfft is a spectrum with zero imaginary parts.
    assert_eq!(f(&f64s, FftKind::RealInverse).dtype(), DType::Float64);
}

#[test]
fn bad_arguments_are_typed_errors() {
    let x = Tensor::from_vec(vec![1.0f32, 2.0, 3.0, 4.0], &[2, 2]).unwrap();
    let b = Tensor::from_vec(vec![true, false], &[2]).unwrap();
    let z = ems::cast(&x, DType::Complex64).unwrap();
    let n = FftNorm::Backward;
    let cases = [
        (
            ems::fft(&b, FftKind::Forward, &[0], None, n),
            ErrorClass::Type,
            "Bool",
        ),
        (
            ems::fft(&z, FftKind::RealForward, &[1], None, n),
            ErrorClass::Type,
            "Complex64",
        ),
        (
            ems::fft(&Tensor::scalar(1.0f32), FftKind::Forward, &[0], None, n),
            ErrorClass::Value,
            "0-d",
        ),
        (
            ems::fft(&x, FftKind::Forward, &[2], None, n),
            ErrorClass::Value,
            "2",
        ),
        (
            ems::fft(&x, FftKind::Forward, &[0, -2], None, n),
            ErrorClass::Value,
            "repeated",
        ),
        (
            ems::fft(&x, FftKind::Forward, &[0], Some(&[0]), n),
            ErrorClass::Value,
            "(0)",
        ),
        (
            ems::fft(&x, FftKind::Forward, &[0], Some(&[2, 2]), n),
            ErrorClass::Value,
            "2 sizes",
        ),
    ];
    for (r, class, text) in cases {
        let e = r.unwrap_err();
        assert_eq!(e.class(), class, "{e}");
        assert!(e.to_string().contains(text), "{e}");
    }
    assert!(FftNorm::from_name("FFT", "xx").is_err());
}

#[test]
fn a_half_spectrum_of_one_element_is_an_empty_real_signal() {
    // Its default length is 2·(1 − 1) = 0: MindSpore 2.10 gives an empty signal.
    let z = Tensor::from_vec(vec![C64::new(1.0, 2.0); 3], &[3, 1]).unwrap();
    for kind in [FftKind::RealInverse, FftKind::HermitianForward] {
        let y = ems::fft(&z, kind, &[-1], None, FftNorm::Backward).unwrap();
        assert_eq!((y.dims(), y.dtype()), (&[3, 0][..], DType::Float32));
    }
}

#[test]
fn ihfft_of_a_complex_signal_is_the_half_of_its_inverse_transform() {
    // MindSpore 2.10: ihfft([1+1j, 2-1j, 3+2j, 0.5j]) = [1.5+0.625j, -0.125+0.25j, 0.5+0.875j].
    let x = c128(2, 4, 3);
    let t = Tensor::from_vec(x.clone(), &[2, 4]).unwrap();
    let got = ems::fft(
        &t,
        FftKind::HermitianInverse,
        &[-1],
        None,
        FftNorm::Backward,
    )
    .unwrap();
    let want: Vec<C128> = reference(&x, 4, true)
        .chunks(4)
        .flat_map(|r| r[..3].iter().map(|z| z / 4.0).collect::<Vec<_>>())
        .collect();
    close("ihfft of complex", &read(&got), &want, 1e-12);
}
