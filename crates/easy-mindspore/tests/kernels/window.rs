//! The convolution and pooling kernels against plain loops over f64, in Float64 and Float32, on
//! contiguous and transposed inputs, with stride, padding, dilation, groups and size-1 axes; the
//! two transposes of the convolution through the adjoint identities
//! `<conv(x, w), y> = <x, Input(y, w)> = <w, Weight(x, y)>`.

use easy_mindspore as ems;
use ems::op::{ConvKind, PoolKind, Window};
use ems::prim::{conv, pool, Conv, Pool};
use ems::{DType, Tensor};

struct Rng(u64);
impl Rng {
    fn vec(&mut self, n: usize) -> Vec<f64> {
        (0..n)
            .map(|_| {
                self.0 = self
                    .0
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
            })
            .collect()
    }
}

fn t(v: &[f64], shape: &[usize], dtype: DType) -> Tensor {
    Tensor::from_vec(v.to_vec(), shape)
        .unwrap()
        .astype(dtype)
        .unwrap()
}

/// The input cell of output `o`, tap `k` on an axis of size `n`, or `None` in the padding.
fn src(o: usize, k: usize, s: usize, d: usize, p: usize, n: usize) -> Option<usize> {
    (o * s + k * d).checked_sub(p).filter(|&v| v < n)
}

fn naive_conv(
    x: &[f64],
    xs: [usize; 4],
    w: &[f64],
    ws: [usize; 4],
    win: &Window,
    size: [usize; 2],
) -> Vec<f64> {
    let [n, c, h, wd] = xs;
    let [o, cg, kh, kw] = ws;
    let og = o / win.groups;
    let mut y = vec![0.0; n * o * size[0] * size[1]];
    for b in 0..n {
        for oc in 0..o {
            let g = oc / og;
            for r in 0..size[0] {
                for q in 0..size[1] {
                    let mut acc = 0.0;
                    for ci in 0..cg {
                        for i in 0..kh {
                            for j in 0..kw {
                                let (Some(hr), Some(wc)) = (
                                    src(r, i, win.stride[0], win.dilation[0], win.pad[0], h),
                                    src(q, j, win.stride[1], win.dilation[1], win.pad[1], wd),
                                ) else {
                                    continue;
                                };
                                let xv = x[((b * c + g * cg + ci) * h + hr) * wd + wc];
                                acc += xv * w[((oc * cg + ci) * kh + i) * kw + j];
                            }
                        }
                    }
                    y[((b * o + oc) * size[0] + r) * size[1] + q] = acc;
                }
            }
        }
    }
    y
}

/// The filter gradient `Σ_n Σ_(r, q) y[n, o, r, q] · x[n, c, src(r, i), src(q, j)]` by plain loops.
fn naive_weight(
    x: &[f64],
    xs: [usize; 4],
    y: &[f64],
    ws: [usize; 4],
    win: &Window,
    size: [usize; 2],
) -> Vec<f64> {
    let [n, c, h, wd] = xs;
    let [o, cg, kh, kw] = ws;
    let og = o / win.groups;
    let mut dw = vec![0.0; o * cg * kh * kw];
    for oc in 0..o {
        let g = oc / og;
        for ci in 0..cg {
            for i in 0..kh {
                for j in 0..kw {
                    let mut acc = 0.0;
                    for b in 0..n {
                        for r in 0..size[0] {
                            for q in 0..size[1] {
                                let (Some(hr), Some(wc)) = (
                                    src(r, i, win.stride[0], win.dilation[0], win.pad[0], h),
                                    src(q, j, win.stride[1], win.dilation[1], win.pad[1], wd),
                                ) else {
                                    continue;
                                };
                                let xv = x[((b * c + g * cg + ci) * h + hr) * wd + wc];
                                acc += xv * y[((b * o + oc) * size[0] + r) * size[1] + q];
                            }
                        }
                    }
                    dw[((oc * cg + ci) * kh + i) * kw + j] = acc;
                }
            }
        }
    }
    dw
}

fn close(got: &[f64], want: &[f64], tol: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}");
    for (i, (a, b)) in got.iter().zip(want).enumerate() {
        assert!(
            (a - b).abs() <= tol * (1.0 + b.abs()),
            "{what}: element {i}: {a} vs {b}"
        );
    }
}

fn dot(a: &Tensor, b: &[f64]) -> f64 {
    a.astype(DType::Float64)
        .unwrap()
        .to_vec::<f64>()
        .iter()
        .zip(b)
        .map(|(x, y)| x * y)
        .sum()
}

/// `(x shape, w shape, window, output size)`.
type Case = ([usize; 4], [usize; 4], Window, [usize; 2]);

#[test]
fn convolution_matches_plain_loops_and_its_transposes_are_adjoint() {
    let mut rng = Rng(11);
    let w = |stride, dilation, pad, groups| Window {
        stride,
        dilation,
        pad,
        groups,
    };
    let cases: Vec<Case> = vec![
        (
            [2, 3, 7, 6],
            [4, 3, 3, 2],
            w([1, 2], [1, 1], [1, 0], 1),
            [7, 3],
        ),
        (
            [3, 4, 9, 5],
            [6, 2, 2, 3],
            w([2, 1], [2, 1], [0, 1], 2),
            [3, 5],
        ),
        (
            [2, 3, 4, 5],
            [5, 3, 1, 1],
            w([1, 1], [1, 1], [0, 0], 1),
            [4, 5],
        ),
        (
            [1, 6, 5, 5],
            [6, 1, 3, 3],
            w([1, 1], [1, 1], [1, 1], 6),
            [5, 5],
        ),
        (
            [1, 1, 1, 8],
            [2, 1, 1, 3],
            w([1, 3], [1, 1], [0, 2], 1),
            [1, 3],
        ),
        (
            [64, 1, 28, 28],
            [6, 1, 5, 5],
            w([1, 1], [1, 1], [2, 2], 1),
            [28, 28],
        ),
        (
            [5, 16, 10, 10],
            [32, 16, 3, 3],
            w([2, 2], [1, 1], [1, 1], 1),
            [5, 5],
        ),
        // Stride-1 shapes whose filter gradient takes the direct kernel on AVX-512 (LeNet's
        // second layer; partial blocks of channels and taps; dilation, groups, uneven padding).
        (
            [4, 6, 14, 14],
            [16, 6, 5, 5],
            w([1, 1], [1, 1], [0, 0], 1),
            [10, 10],
        ),
        (
            [2, 1, 6, 17],
            [7, 1, 3, 3],
            w([1, 1], [1, 1], [1, 1], 1),
            [6, 17],
        ),
        (
            [3, 4, 9, 8],
            [6, 2, 2, 3],
            w([1, 1], [2, 1], [1, 2], 2),
            [9, 10],
        ),
    ];
    for (xs, ws, win, size) in cases {
        let ys = [xs[0], ws[0], size[0], size[1]];
        let (xv, wv, yv) = (
            rng.vec(xs.iter().product()),
            rng.vec(ws.iter().product()),
            rng.vec(ys.iter().product()),
        );
        let want = naive_conv(&xv, xs, &wv, ws, &win, size);
        let want_dw = naive_weight(&xv, xs, &yv, ws, &win, size);
        for (dtype, tol) in [(DType::Float64, 1e-12), (DType::Float32, 1e-4)] {
            let what = format!("{xs:?} * {ws:?} {win:?} {dtype}");
            let (x, k, y) = (t(&xv, &xs, dtype), t(&wv, &ws, dtype), t(&yv, &ys, dtype));
            let c = |kind, size| Conv { kind, win, size };
            let fwd = conv(c(ConvKind::Forward, size), &x, &k).unwrap();
            close(
                &fwd.astype(DType::Float64).unwrap().to_vec::<f64>(),
                &want,
                tol,
                &what,
            );
            // A transposed (non-contiguous) weight view gives the same result.
            let flipped = ems::transpose(&k, Some(&[0, 1, 3, 2])).unwrap();
            let flipped = ems::add(&flipped, 0.0).unwrap(); // a fresh contiguous copy
            let kt = ems::transpose(&flipped, Some(&[0, 1, 3, 2])).unwrap();
            let fwd_t = conv(c(ConvKind::Forward, size), &x, &kt).unwrap();
            close(
                &fwd_t.astype(DType::Float64).unwrap().to_vec::<f64>(),
                &want,
                tol,
                &what,
            );
            let lhs: f64 = want.iter().zip(&yv).map(|(a, b)| a * b).sum();
            let dx = conv(c(ConvKind::Input, [xs[2], xs[3]]), &y, &k).unwrap();
            let dw = conv(c(ConvKind::Weight, [ws[2], ws[3]]), &x, &y).unwrap();
            assert_eq!(dx.dims(), &xs[..], "{what}");
            assert_eq!(dw.dims(), &ws[..], "{what}");
            close(
                &dw.astype(DType::Float64).unwrap().to_vec::<f64>(),
                &want_dw,
                tol,
                &format!("{what}: filter gradient"),
            );
            let scale = 1.0 + lhs.abs();
            assert!(
                (dot(&dx, &xv) - lhs).abs() <= 50.0 * tol * scale,
                "{what}: input adjoint"
            );
            assert!(
                (dot(&dw, &wv) - lhs).abs() <= 50.0 * tol * scale,
                "{what}: weight adjoint"
            );
        }
    }
}

#[test]
fn pooling_matches_plain_loops() {
    let mut rng = Rng(5);
    let xs = [2, 3, 6, 7];
    let (kernel, win) = (
        [3, 2],
        Window {
            stride: [2, 2],
            dilation: [1, 2],
            pad: [1, 1],
            groups: 1,
        },
    );
    let size = [3, 4];
    let xv = rng.vec(xs.iter().product());
    let mut max = vec![];
    let mut arg = vec![];
    let mut avg_in = vec![];
    let mut avg_ex = vec![];
    for plane in 0..6 {
        for r in 0..size[0] {
            for q in 0..size[1] {
                let (mut best, mut at, mut sum, mut cnt) = (f64::NEG_INFINITY, 0, 0.0, 0);
                for i in 0..kernel[0] {
                    for j in 0..kernel[1] {
                        let (Some(hr), Some(wc)) = (src(r, i, 2, 1, 1, 6), src(q, j, 2, 2, 1, 7))
                        else {
                            continue;
                        };
                        let v = xv[plane * 42 + hr * 7 + wc];
                        if v > best {
                            (best, at) = (v, hr * 7 + wc);
                        }
                        sum += v;
                        cnt += 1;
                    }
                }
                max.push(best);
                arg.push(at);
                avg_in.push(sum / 6.0);
                avg_ex.push(sum / cnt as f64);
            }
        }
    }
    for dtype in [DType::Float64, DType::Float32] {
        let x = t(&xv, &xs, dtype);
        let p = |kind, size| Pool {
            kind,
            kernel,
            win,
            size,
        };
        let got = |y: Tensor| y.astype(DType::Float64).unwrap().to_vec::<f64>();
        close(
            &got(pool(p(PoolKind::MaxSelect, size), &[&x, &x]).unwrap()),
            &max,
            1e-6,
            "max",
        );
        close(
            &got(pool(p(PoolKind::Avg { include_pad: true }, size), &[&x]).unwrap()),
            &avg_in,
            1e-6,
            "avg",
        );
        close(
            &got(pool(p(PoolKind::Avg { include_pad: false }, size), &[&x]).unwrap()),
            &avg_ex,
            1e-6,
            "avg",
        );
        let (_, idx) = ems::nn::max_pool_window(&x, kernel, win, size, true).unwrap();
        let idx = idx.unwrap().to_vec::<i64>();
        assert_eq!(idx, arg.iter().map(|&a| a as i64).collect::<Vec<_>>());
        // The scatter puts each gradient at its window's maximum.
        let g = t(&vec![1.0; 72], &[2, 3, 3, 4], dtype);
        let back = got(pool(p(PoolKind::MaxScatter, [6, 7]), &[&x, &g]).unwrap());
        let mut want = vec![0.0; xv.len()];
        for (k, &a) in arg.iter().enumerate() {
            want[(k / 12) * 42 + a] += 1.0;
        }
        close(&back, &want, 0.0, "max scatter");
    }
}

/// Plain-loop pooling of one `[planes, h, w]` input for every kind: (max value, first-maximum
/// index per window, mean with the padding counted, mean without), `None` for a window wholly in
/// the padding.
#[allow(clippy::type_complexity)]
fn naive_pool(
    x: &[f64],
    planes: usize,
    [h, w]: [usize; 2],
    [kh, kw]: [usize; 2],
    win: &Window,
    [oh, ow]: [usize; 2],
) -> Vec<Option<(f64, usize, f64, f64)>> {
    let mut out = vec![];
    for p in 0..planes {
        for r in 0..oh {
            for c in 0..ow {
                let mut cells = vec![];
                for i in 0..kh {
                    for j in 0..kw {
                        let s = |a: usize, o, k, n| {
                            src(o, k, win.stride[a], win.dilation[a], win.pad[a], n)
                        };
                        if let (Some(hr), Some(wc)) = (s(0, r, i, h), s(1, c, j, w)) {
                            cells.push(hr * w + wc);
                        }
                    }
                }
                if cells.is_empty() {
                    out.push(None);
                    continue;
                }
                let plane = &x[p * h * w..];
                // The first NaN, else the first of the largest values.
                let at = cells
                    .iter()
                    .copied()
                    .find(|&k| plane[k].is_nan())
                    .unwrap_or_else(|| {
                        let m = cells
                            .iter()
                            .map(|&k| plane[k])
                            .fold(f64::NEG_INFINITY, f64::max);
                        cells.iter().copied().find(|&k| plane[k] == m).unwrap()
                    });
                let sum: f64 = cells.iter().map(|&k| plane[k]).sum();
                out.push(Some((
                    plane[at],
                    at,
                    sum / (kh * kw) as f64,
                    sum / cells.len() as f64,
                )));
            }
        }
    }
    out
}

#[test]
fn pooling_matches_plain_loops_on_many_windows_with_ties_and_nan() {
    let mut rng = Rng(11);
    let mut cases = 0;
    for kh in 1..=3 {
        for kw in [1, 2, 3, 5] {
            // The last two reach far beyond the input: the kernel walks taps, not row buffers.
            for (s, d, p) in [
                (100, 1, 0),
                (1, 50, 2),
                (1, 1, 0),
                (2, 1, 0),
                (2, 1, 1),
                (3, 2, 1),
                (1, 2, 2),
                (2, 1, 3),
            ] {
                // Ceil-mode-like sizes (one more window, partly or wholly in the padding) on odd
                // planes; floor-mode sizes on odd and even planes (with 2×2 windows of stride 2,
                // those take the kernels' direct path for non-overlapping windows).
                for (ceil, w) in [(true, 9), (false, 9), (false, 8)] {
                    let h = 3 + kh + usize::from(w == 8);
                    let span =
                        |k: usize, n: usize| (n + 2 * p).saturating_sub(d * (k - 1) + 1) / s + 1;
                    let size = if ceil {
                        [span(kh, h) + 1, span(kw, w) + (kw % 2)]
                    } else {
                        [span(kh, h), span(kw, w)]
                    };
                    let win = Window {
                        stride: [s, s.max(1)],
                        dilation: [d, d],
                        pad: [p, p],
                        groups: 1,
                    };
                    let planes = 3;
                    // Small integers make ties; a few NaNs of both signs.
                    let mut xv: Vec<f64> = rng
                        .vec(planes * h * w)
                        .iter()
                        .map(|v| (v * 3.0).round())
                        .collect();
                    for (n, v) in xv.iter_mut().enumerate() {
                        if n % 23 == 7 {
                            *v = if n % 2 == 0 { f64::NAN } else { -f64::NAN };
                        }
                    }
                    let want = naive_pool(&xv, planes, [h, w], [kh, kw], &win, size);
                    let uv = rng.vec(planes * h * w);
                    let gv = rng.vec(planes * size[0] * size[1]);
                    for dtype in [DType::Float64, DType::Float32] {
                        let shape = [1, planes, h, w];
                        let (x, u) = (t(&xv, &shape, dtype), t(&uv, &shape, dtype));
                        let g = t(&gv, &[1, planes, size[0], size[1]], dtype);
                        let prim = |kind, size| Pool {
                            kind,
                            kernel: [kh, kw],
                            win,
                            size,
                        };
                        let got = |y: Tensor| y.astype(DType::Float64).unwrap().to_vec::<f64>();
                        let what = format!("k={kh}x{kw} s={s} d={d} p={p} size={size:?} {dtype:?}");
                        let max = got(pool(prim(PoolKind::MaxSelect, size), &[&x, &x]).unwrap());
                        let sel = got(pool(prim(PoolKind::MaxSelect, size), &[&x, &u]).unwrap());
                        let avg_in =
                            got(pool(prim(PoolKind::Avg { include_pad: true }, size), &[&x])
                                .unwrap());
                        let avg_ex = got(pool(
                            prim(PoolKind::Avg { include_pad: false }, size),
                            &[&x],
                        )
                        .unwrap());
                        let scatter =
                            got(pool(prim(PoolKind::MaxScatter, [h, w]), &[&x, &g]).unwrap());
                        let mut want_scatter = vec![0.0; xv.len()];
                        for (n, cell) in want.iter().enumerate() {
                            let plane = n / (size[0] * size[1]);
                            let Some((v, at, a_in, a_ex)) = *cell else {
                                assert_eq!(
                                    (max[n], sel[n], avg_in[n], avg_ex[n]),
                                    (0.0, 0.0, 0.0, 0.0),
                                    "{what}"
                                );
                                continue;
                            };
                            let tol = if dtype == DType::Float32 { 1e-6 } else { 1e-12 };
                            assert!(
                                v.is_nan() && max[n].is_nan() || v == max[n],
                                "{what}: max {n}"
                            );
                            assert_eq!(
                                sel[n],
                                got(u.clone())[plane * h * w + at],
                                "{what}: select {n}"
                            );
                            assert!(
                                (avg_in[n] - a_in).abs() <= tol * (1.0 + a_in.abs())
                                    || a_in.is_nan(),
                                "{what}: avg {n}"
                            );
                            assert!(
                                (avg_ex[n] - a_ex).abs() <= tol * (1.0 + a_ex.abs())
                                    || a_ex.is_nan(),
                                "{what}: avg {n}"
                            );
                            want_scatter[plane * h * w + at] += got(g.clone())[n];
                        }
                        close(&scatter, &want_scatter, 1e-6, &what);
                        // The gradient of average pooling is its transpose: <Avg(u), g> = <u, AvgGrad(g)>.
                        for include_pad in [true, false] {
                            let fwd = got(
                                pool(prim(PoolKind::Avg { include_pad }, size), &[&u]).unwrap()
                            );
                            let back = pool(prim(PoolKind::AvgGrad { include_pad }, [h, w]), &[&g]);
                            let back = got(back.unwrap());
                            let lhs: f64 = fwd.iter().zip(&gv).map(|(a, b)| a * b).sum();
                            let rhs: f64 = back.iter().zip(&uv).map(|(a, b)| a * b).sum();
                            assert!(
                                (lhs - rhs).abs() <= 1e-5 * (1.0 + lhs.abs()),
                                "{what}: avg adjoint"
                            );
                        }
                        cases += 1;
                    }
                }
            }
        }
    }
    assert_eq!(cases, 3 * 4 * 8 * 3 * 2);
}
