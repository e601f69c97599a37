//! Differential tests against a float64 product of the same float32 inputs. A float32 sum of
//! k products differs from the exact one by at most about k·eps·Σ|a_ip·b_pj| (each of the k
//! fused multiply-adds rounds once), so that is the tolerance, with a little room.
use super::super::{matmul, view as cpu_view, View as CpuView};
use super::*;
use crate::device::Concrete;
use crate::layout::Layout;

/// Deterministic values in [-1, 1).
fn values(seed: u64, n: usize) -> Vec<f32> {
    let mut s = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        })
        .collect()
}

/// How an operand is laid out in its storage.
#[derive(Clone, Copy, Debug)]
enum Form {
    RowMajor,
    /// The transposed view of a stored `[cols, rows]` matrix.
    Transposed,
    /// Rows and columns both strided, inside a larger buffer, at an offset.
    Strided,
    /// Every row the same (row stride 0), as a broadcast batch or vector makes it.
    BroadcastRows,
    /// Every column the same (column stride 0).
    BroadcastCols,
    /// Rows in reverse order (negative row stride).
    Reversed,
}

const FORMS: [Form; 6] = [
    Form::RowMajor,
    Form::Transposed,
    Form::Strided,
    Form::BroadcastRows,
    Form::BroadcastCols,
    Form::Reversed,
];

/// A `rows × cols` operand of the given form: its storage, offset and strides.
fn operand(seed: u64, rows: usize, cols: usize, form: Form) -> (Vec<f32>, usize, isize, isize) {
    let (r, c) = (rows as isize, cols as isize);
    match form {
        Form::RowMajor => (values(seed, rows * cols), 0, c, 1),
        Form::Transposed => (values(seed, rows * cols), 0, 1, r),
        Form::Strided => (values(seed, 5 + rows * (2 * cols + 3)), 5, 2 * c + 3, 2),
        Form::BroadcastRows => (values(seed, cols), 0, 0, 1),
        Form::BroadcastCols => (values(seed, rows), 0, 1, 0),
        Form::Reversed => {
            let off = rows.saturating_sub(1) * cols;
            (values(seed, rows * cols), off, -c, 1)
        }
    }
}

/// `a @ b` in float64 and, per element, the tolerance `(k + 2)·eps·Σ|a_ip·b_pj|`.
fn reference(m: usize, n: usize, k: usize, a: View, b: View) -> Vec<(f64, f64)> {
    let at = |v: View, i: usize, j: usize| {
        f64::from(v.0[(v.1 as isize + i as isize * v.2 + j as isize * v.3) as usize])
    };
    let mut out = Vec::with_capacity(m * n);
    for i in 0..m {
        for j in 0..n {
            let (mut s, mut abs) = (0.0, 0.0);
            for p in 0..k {
                let x = at(a, i, p) * at(b, p, j);
                s += x;
                abs += x.abs();
            }
            out.push((s, (k as f64 + 2.0) * f64::from(f32::EPSILON) * abs + 1e-30));
        }
    }
    out
}

/// True when this CPU runs one of the kernels, AVX-512 or AVX2 (and `EASY_MINDSPORE_SIMD` does
/// not cap it lower).
fn available() -> bool {
    simd::level() >= Level::Avx2
}

/// The kernels this CPU runs: every AVX-512 tile shape, and every AVX2 one.
fn kernels() -> Vec<Kernel> {
    let mut all = Vec::new();
    if simd::level() == Level::Avx512 {
        all.extend(Shape::ALL.map(Kernel::Avx512));
    }
    if simd::level() >= Level::Avx2 {
        all.extend(avx2::Tile::ALL.map(Kernel::Avx2));
    }
    all
}

/// Checks the product with every kernel this CPU runs.
fn check(m: usize, n: usize, k: usize, a: View, b: View, what: &str) {
    let want = reference(m, n, k, a, b);
    for shape in kernels() {
        // NaN everywhere: the kernel must write every element without reading it.
        let mut dst = vec![f32::NAN; m * n];
        assert!(
            with_kernel(m, n, k, &mut dst, a, b, shape, true),
            "{what}: refused"
        );
        for (e, (&got, &(want, tol))) in dst.iter().zip(&want).enumerate() {
            let err = (f64::from(got) - want).abs();
            let (i, j) = (e / n, e % n);
            assert!(
                err <= tol,
                "{what} {shape:?}: ({i}, {j}) = {got}, want {want} ± {tol}"
            );
        }
    }
}

fn check_forms(m: usize, n: usize, k: usize, fa: Form, fb: Form) {
    let a = operand(1 + m as u64, m, k, fa);
    let b = operand(2 + n as u64, k, n, fb);
    let what = format!("{m}x{k} {fa:?} @ {k}x{n} {fb:?}");
    check(m, n, k, (&a.0, a.1, a.2, a.3), (&b.0, b.1, b.2, b.3), &what);
}

#[test]
fn edge_sizes_match_float64() {
    if !available() {
        return;
    }
    // Around the tile (MR = 12, NR = 32) and block (KC = 384) edges, and the empty sizes.
    let sizes = [0, 1, 2, 11, 12, 13, 17, 31, 32, 33, 65];
    for &m in &sizes {
        for &n in &sizes {
            for k in [0, 1, 7, 16, 33] {
                check_forms(m, n, k, Form::RowMajor, Form::RowMajor);
            }
        }
    }
    for k in [383, 384, 385, 800] {
        check_forms(13, 45, k, Form::RowMajor, Form::RowMajor);
    }
}

#[test]
fn every_layout_matches_float64() {
    if !available() {
        return;
    }
    for fa in FORMS {
        for fb in FORMS {
            for (m, n, k) in [(1, 1, 1), (5, 3, 9), (13, 33, 17), (25, 70, 40)] {
                check_forms(m, n, k, fa, fb);
            }
        }
    }
}

#[test]
fn random_sizes_match_float64() {
    if !available() {
        return;
    }
    let dims = values(7, 3 * 40);
    for (t, d) in dims.chunks(3).enumerate() {
        // Sizes up to 100, with their layouts cycling through every pair.
        let size = |x: f32| ((x + 1.0) * 50.0) as usize;
        let (fa, fb) = (FORMS[t % 6], FORMS[(t / 6 + t) % 6]);
        check_forms(size(d[0]), size(d[1]), size(d[2]), fa, fb);
    }
}

#[test]
fn threaded_and_multi_block_products_match_float64() {
    if !available() {
        return;
    }
    // Over PAR_MIN: split by rows, or by columns (few rows), with more than one block of NC
    // columns and of KC steps.
    check_forms(70, 200, 90, Form::RowMajor, Form::RowMajor);
    check_forms(150, 10, 300, Form::Transposed, Form::RowMajor);
    check_forms(100, 129, 400, Form::RowMajor, Form::Transposed);
    check_forms(13, 2 * NC + 45, KC + 5, Form::Strided, Form::RowMajor);
    check_forms(6, 900, 50, Form::RowMajor, Form::Transposed);
    check_forms(300, 70, 25, Form::Reversed, Form::BroadcastRows);
}

#[test]
fn small_row_and_transposed_products_match_float64() {
    if !available() {
        return;
    }
    // The recurrent and attention shapes: 32 rows by a transposed `[out, in]` weight (the
    // AVX2 path's 8 × 8 transposes), and its backward products (a transposed `a`).
    check_forms(32, 1024, 256, Form::RowMajor, Form::Transposed);
    check_forms(32, 256, 1024, Form::RowMajor, Form::RowMajor);
    check_forms(256, 1024, 32, Form::Transposed, Form::RowMajor);
    // Around the AVX2 tile (6 × 16) and block (KC = NC = 256) edges, every layout pair, with
    // step counts that are not multiples of the 8-step transposes.
    for fa in FORMS {
        for fb in FORMS {
            for (m, n, k) in [
                (7, 17, 9),
                (6, 16, 8),
                (13, 48, 257),
                (1, 16, 8),
                (12, 31, 15),
            ] {
                check_forms(m, n, k, fa, fb);
            }
        }
    }
    check_forms(
        40,
        2 * 256 + 17,
        2 * 256 + 3,
        Form::Transposed,
        Form::Transposed,
    );
}

#[test]
fn eight_by_eight_blocks_are_transposed() {
    if simd::level() < Level::Avx2 {
        return;
    }
    let src = values(10, 64);
    // SAFETY: the CPU has AVX2 and FMA (checked above); each row reads 8 of the 64 floats.
    let got = unsafe {
        let rows = std::array::from_fn(|r| _mm256_loadu_ps(src.as_ptr().add(8 * r)));
        avx2::transpose8_avx2(rows)
    };
    for (q, x) in got.iter().enumerate() {
        let mut out = [0.0f32; 8];
        // SAFETY: `out` holds 8 floats.
        unsafe { _mm256_storeu_ps(out.as_mut_ptr(), *x) };
        for (r, &v) in out.iter().enumerate() {
            assert_eq!(v, src[8 * r + q], "({q}, {r})");
        }
    }
}

#[test]
fn wide_products_with_few_rows_are_cut_by_columns() {
    // Each thread packs only its columns of the larger operand.
    let tasks = split(32, 1024, 2, 6, 16);
    assert_eq!(tasks.len(), 2);
    assert!(tasks.iter().all(|t| t.r0 == 0 && t.r1 == 32), "{tasks:?}");
    let tasks = split(1024, 1024, 2, 12, 32);
    assert!(tasks.iter().all(|t| t.c0 == 0 && t.c1 == 1024), "{tasks:?}");
}

#[test]
fn tasks_cover_the_block_once() {
    for (mc, n, threads) in [
        (1, 1, 2),
        (256, 256, 2),
        (256, 10, 2),
        (1024, 1024, 3),
        (7, 50, 4),
    ] {
        let tasks = split(mc, n, threads, 12, 32);
        assert!(!tasks.is_empty() && tasks.len() <= threads);
        let mut seen = vec![0u8; mc * n];
        for t in &tasks {
            assert!(
                t.r0 % 12 == 0 && t.c0 % 32 == 0,
                "{t:?} is not on tile edges"
            );
            for i in t.r0..t.r1 {
                for j in t.c0..t.c1 {
                    seen[i * n + j] += 1;
                }
            }
        }
        assert!(
            seen.iter().all(|&s| s == 1),
            "{mc}x{n} on {threads}: {tasks:?}"
        );
    }
}

#[test]
fn thin_and_tiny_products_are_left_to_the_gemm_crate() {
    // The seed's products (vectors of 4) and vector-matrix shapes stay where they were.
    assert!(!worthwhile(1, 4, 1, 4));
    assert!(!worthwhile(1, 784, 256, 784));
    assert!(!worthwhile(256, 1, 784, 784));
    assert!(!worthwhile(256, 10, 256, 256));
    assert!(worthwhile(256, 10, 256, 1));
    assert!(worthwhile(1024, 1024, 1024, 1024));
    assert!(worthwhile(16, 16, 16, 16));
}

#[test]
fn blocks_are_transposed() {
    if simd::level() != Level::Avx512 {
        return;
    }
    let src = values(9, 20 * 37);
    for (lines, len, width) in [
        (16, 16, 16),
        (12, 16, 12),
        (5, 7, 16),
        (0, 3, 8),
        (16, 1, 16),
    ] {
        let mut out = vec![f32::NAN; 16 * 20];
        // SAFETY: run r < lines reads src[r·37 .. r·37 + len] (inside its 740 elements);
        // row q < len writes out[q·20 .. q·20 + width] (inside its 320).
        unsafe { transpose_block(src.as_ptr(), 37, lines, len, out.as_mut_ptr(), 20, width) };
        for q in 0..16 {
            for r in 0..20 {
                let want = match (q < len, r < width) {
                    (true, true) if r < lines => src[r * 37 + q],
                    (true, true) => 0.0,
                    _ => f32::NAN,
                };
                let got = out[q * 20 + r];
                assert!(
                    got == want || (got.is_nan() && want.is_nan()),
                    "{lines} {len} {width}: ({q}, {r})"
                );
            }
        }
    }
}

#[test]
fn views_outside_their_slice_are_refused() {
    let data = values(3, 12);
    let mut dst = vec![5.0; 4];
    let ok: View = (&data, 0, 3, 1);
    // 2 × 3 from offset 7 would need elements up to 7 + 3 + 2 = 12.
    let (too_far, wrong): (View, View) = ((&data, 7, 3, 1), (&data, 0, 2, 1));
    assert!(!sgemm_on(2, 2, 3, &mut dst, too_far, wrong, true));
    assert!(!sgemm_on(2, 2, 3, &mut dst, ok, (&data, 0, -2, 1), true));
    assert!(!sgemm_on(
        2,
        2,
        3,
        &mut dst[..3],
        ok,
        (&data, 0, 2, 1),
        true
    ));
    assert_eq!(dst, vec![5.0; 4]);
}

fn v(c: &Concrete) -> CpuView<'_> {
    cpu_view("test", c).expect("CPU storage")
}

fn concrete(vals: Vec<f32>, shape: &[usize], strides: &[isize], offset: usize) -> Concrete {
    Concrete {
        storage: super::super::storage(vals),
        layout: Layout::from_parts(shape.to_vec(), strides.to_vec(), offset),
    }
}

#[test]
fn batched_matmul_matches_float64() {
    // A batch of 3 row-major [40, 50] matrices times one transposed [50, 70] matrix
    // broadcast over the batch (batch stride 0): large enough for the kernel and its threads.
    let (batch, m, k, n) = (3, 40, 50, 70);
    let a = values(11, batch * m * k);
    let b = values(12, n * k);
    let got = matmul::matmul(
        v(&concrete(
            a.clone(),
            &[batch, m, k],
            &[(m * k) as isize, k as isize, 1],
            0,
        )),
        v(&concrete(b.clone(), &[batch, k, n], &[0, 1, k as isize], 0)),
        &[batch, m, n],
    )
    .expect("matmul");
    for q in 0..batch {
        let want = reference(
            m,
            n,
            k,
            (&a, q * m * k, k as isize, 1),
            (&b, 0, 1, k as isize),
        );
        for (e, (want, tol)) in want.into_iter().enumerate() {
            let g = got.get_f64(q * m * n + e);
            assert!(
                (g - want).abs() <= tol,
                "batch {q} element {e}: {g} vs {want}"
            );
        }
    }
}

#[test]
fn the_fallback_matches_float64() {
    // The `gemm` crate's path, which f64 and CPUs without AVX-512 take.
    for (m, n, k, fa, fb) in [
        (13, 33, 17, Form::RowMajor, Form::Transposed),
        (70, 200, 90, Form::Strided, Form::BroadcastCols),
        (3, 0, 4, Form::RowMajor, Form::RowMajor),
        (3, 4, 0, Form::RowMajor, Form::RowMajor),
    ] {
        let a = operand(4, m, k, fa);
        let b = operand(5, k, n, fb);
        let (a, b): (View, View) = ((&a.0, a.1, a.2, a.3), (&b.0, b.1, b.2, b.3));
        let mut dst = vec![f32::NAN; m * n];
        let x = matmul::Operand::new(a.0, a.1, (m, k), (a.2, a.3)).expect("a fits");
        let y = matmul::Operand::new(b.0, b.1, (k, n), (b.2, b.3)).expect("b fits");
        assert!(matmul::crate_gemm_on(&mut dst, x, y, true));
        for (e, (want, tol)) in reference(m, n, k, a, b).into_iter().enumerate() {
            let g = f64::from(dst[e]);
            assert!(
                (g - want).abs() <= 4.0 * tol,
                "fallback element {e}: {g} vs {want}"
            );
        }
    }
}

#[test]
fn avx2_tiles_are_picked_by_how_much_of_them_a_product_fills() {
    use avx2::Tile;
    // 32 rows: a 6-row tile computes 36, a 4-row one exactly 32.
    assert_eq!(Tile::pick(32, 1024), Tile::S4x24);
    assert_eq!(Tile::pick(32, 256), Tile::S4x24);
    // Rows in sixes, or tall products: the general tile.
    assert_eq!(Tile::pick(36, 1024), Tile::S6x16);
    assert_eq!(Tile::pick(256, 784), Tile::S6x16);
    assert_eq!(Tile::pick(2048, 256), Tile::S6x16);
    // Columns in sixteens that 24 would leave a third empty.
    assert_eq!(Tile::pick(32, 16), Tile::S6x16);
}

#[test]
fn avx512_tiles_are_picked_by_how_much_of_them_a_product_fills() {
    // 12 × 32 unless another shape fills its tiles by more than 5% better.
    assert_eq!(Shape::pick(1024, 1024), Shape::S12x32);
    assert_eq!(Shape::pick(256, 784), Shape::S12x32);
    assert_eq!(Shape::pick(32, 1024), Shape::S8x48); // 97% filled against 89%
    assert_eq!(Shape::pick(32, 256), Shape::S12x32); // 89% either way
    assert_eq!(Shape::pick(6, 50176), Shape::S6x64);
    assert_eq!(Shape::pick(256, 10), Shape::S24x16);
}
