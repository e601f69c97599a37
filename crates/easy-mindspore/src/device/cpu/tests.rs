//! The parallel paths of the kernels (inputs of at least `PAR_MIN` or `REDUCE_PAR_MIN` elements,
//! which the kernel test suite's small shapes do not reach): every element must equal the scalar
//! function of its inputs bit for bit, on contiguous inputs, strided views and broadcast scalars,
//! also when the pool hands out stale buffers; long sums must be accurate and equal to the
//! sequential sum of the same blocks.

use super::par::PAR_MIN;
use super::reduce::REDUCE_PAR_MIN;
use super::{elementwise, matmul, pool, reduce};
use super::{CpuBuffer, View};
use crate::device::Concrete;
use crate::dtype::DType;
use crate::dtype::Element;
use crate::layout::Layout;
use crate::op::{fastmath, Arith, BinaryOp, ReduceOp, UnaryOp};
use crate::op::{CellOp, CmpOp};

/// The CPU view of a test value.
fn v(c: &Concrete) -> View<'_> {
    super::view("test", c).expect("CPU storage")
}

/// Odd, and more than two parallel chunks.
const N: usize = 3 * PAR_MIN + 7;
/// The same for reductions.
const R: usize = 3 * REDUCE_PAR_MIN + 7;

fn lcg(seed: u64, n: usize) -> Vec<f64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((s >> 33) % 2001) as f64 / 100.0 - 10.0
        })
        .collect()
}

fn concrete<T: Element>(vals: &[f64], shape: &[usize]) -> Concrete {
    Concrete {
        storage: super::storage(vals.iter().map(|&v| T::from_f64(v)).collect::<Vec<T>>()),
        layout: Layout::contiguous(shape),
    }
}

/// The same logical values through a reversed view of reversed storage.
fn reversed<T: Element>(vals: &[f64]) -> Concrete {
    let rev: Vec<f64> = vals.iter().rev().copied().collect();
    let c = concrete::<T>(&rev, &[vals.len()]);
    Concrete {
        layout: c.layout.rev(&[0]),
        storage: c.storage,
    }
}

/// A scalar broadcast (stride 0) to `n` elements.
fn splat<T: Element>(v: f64, n: usize) -> Concrete {
    let c = concrete::<T>(&[v], &[]);
    Concrete {
        layout: c.layout.broadcast_in_dim(&[n], &[]),
        storage: c.storage,
    }
}

/// Parks buffers of NaN / garbage of `n` elements of every dtype, so the next large kernels
/// write into stale memory.
fn poison_pool(n: usize) {
    pool::give(CpuBuffer::F32(vec![f32::NAN; n]));
    pool::give(CpuBuffer::F64(vec![f64::NAN; n]));
    pool::give(CpuBuffer::I32(vec![-7; n]));
    pool::give(CpuBuffer::I64(vec![-7; n]));
    pool::give(CpuBuffer::Bool(vec![true; n]));
}

fn same_bits<T: Element>(got: &CpuBuffer, want: &[T], what: &str) {
    let got = got.slice::<T>().expect("dtype");
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let (g, w) = (g.to_f64(), w.to_f64());
        assert!(
            g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            "{what}: element {i}: {g} vs {w}"
        );
    }
}

fn binary_case<T: Arith>(p: BinaryOp, f: fn(T, T) -> T) {
    // Parallel, and pooled but on one thread.
    for n in [N, PAR_MIN / 2 + 3] {
        binary_case_n(p, f, n);
    }
}

fn binary_case_n<T: Arith>(p: BinaryOp, f: fn(T, T) -> T, n: usize) {
    let (a, b) = (lcg(1, n), lcg(2, n));
    let at: Vec<T> = a.iter().map(|&v| T::from_f64(v)).collect();
    let bt: Vec<T> = b.iter().map(|&v| T::from_f64(v)).collect();
    let want: Vec<T> = at.iter().zip(&bt).map(|(&x, &y)| f(x, y)).collect();
    let what = format!("{p:?} {:?}", T::DTYPE);
    for (name, x, y) in [
        (
            "contiguous",
            concrete::<T>(&a, &[n]),
            concrete::<T>(&b, &[n]),
        ),
        ("reversed", reversed::<T>(&a), reversed::<T>(&b)),
        ("mixed", concrete::<T>(&a, &[n]), reversed::<T>(&b)),
    ] {
        poison_pool(n);
        let got = elementwise::binary(p, v(&x), v(&y)).expect("alloc");
        same_bits(&got, &want, &format!("{what} {name}"));
    }
    // One view as both operands, whole and as a contiguous part of a larger buffer.
    let x = concrete::<T>(&a, &[n]);
    poison_pool(n);
    let got = elementwise::binary(p, v(&x), v(&x)).expect("alloc");
    let want: Vec<T> = at.iter().map(|&v| f(v, v)).collect();
    same_bits(&got, &want, &format!("{what} same operand"));
    let part = Concrete {
        storage: x.storage.clone(),
        layout: Layout::contiguous(&[n - 5]).with_strides(vec![1], 3),
    };
    let got = elementwise::binary(p, v(&part), v(&part)).expect("alloc");
    same_bits(&got, &want[3..n - 2], &format!("{what} same offset view"));
    // Broadcast scalars on either side and on both.
    let s = T::from_f64(1.5);
    poison_pool(n);
    let got =
        elementwise::binary(p, v(&concrete::<T>(&a, &[n])), v(&splat::<T>(1.5, n))).expect("alloc");
    let want: Vec<T> = at.iter().map(|&x| f(x, s)).collect();
    same_bits(&got, &want, &format!("{what} splat right"));
    let got = elementwise::binary(p, v(&splat::<T>(1.5, n)), v(&reversed::<T>(&b))).expect("alloc");
    let want: Vec<T> = bt.iter().map(|&y| f(s, y)).collect();
    same_bits(&got, &want, &format!("{what} splat left"));
    let got =
        elementwise::binary(p, v(&splat::<T>(1.5, n)), v(&splat::<T>(1.5, n))).expect("alloc");
    let want: Vec<T> = std::iter::repeat_n(f(s, s), n).collect();
    same_bits(&got, &want, &format!("{what} splat both"));
}

#[test]
fn large_binary_ops_equal_the_scalar_function_on_every_layout() {
    binary_case::<f32>(BinaryOp::Add, f32::add);
    binary_case::<f32>(BinaryOp::Mul, f32::mul);
    binary_case::<f32>(BinaryOp::Div, f32::div);
    binary_case::<f32>(BinaryOp::Sub, f32::sub);
    binary_case::<f32>(BinaryOp::Pow, f32::pow);
    binary_case::<f64>(BinaryOp::Mul, f64::mul);
    binary_case::<i32>(BinaryOp::Div, i32::div);
    binary_case::<i64>(BinaryOp::Sub, i64::sub);
    binary_case::<f32>(
        BinaryOp::Max,
        |a, b| if a.is_nan() || a > b { a } else { b },
    );
    binary_case::<i32>(BinaryOp::Min, |a, b| if a < b { a } else { b });
}

#[test]
fn large_unary_compare_select_and_cast_equal_the_scalar_function() {
    let a = lcg(3, N);
    let at: Vec<f32> = a.iter().map(|&v| v as f32).collect();
    for (p, f) in [
        (UnaryOp::Neg, (|v: f32| -v) as fn(f32) -> f32),
        (UnaryOp::Exp, fastmath::exp_f32),
        (UnaryOp::Tanh, fastmath::tanh_f32),
        (UnaryOp::Floor, f32::floor),
        (UnaryOp::Sqrt, f32::sqrt),
    ] {
        poison_pool(N);
        let got = elementwise::unary(p, v(&reversed::<f32>(&a))).expect("alloc");
        let want: Vec<f32> = at.iter().map(|&v| f(v)).collect();
        same_bits(&got, &want, &format!("{p:?}"));
    }

    let b = lcg(4, N);
    poison_pool(N);
    let lt = elementwise::compare(
        CmpOp::Lt,
        v(&concrete::<f32>(&a, &[N])),
        v(&reversed::<f32>(&b)),
    )
    .expect("alloc");
    let want: Vec<bool> = a
        .iter()
        .zip(&b)
        .map(|(x, y)| (*x as f32) < (*y as f32))
        .collect();
    assert_eq!(lt.slice::<bool>().expect("bool"), &want[..]);

    let c = Concrete {
        storage: super::wrap(lt),
        layout: Layout::contiguous(&[N]),
    };
    poison_pool(N);
    // Every combination of a full, reversed or broadcast-scalar branch.
    let flags = want;
    let bvals = lcg(4, N);
    let branches = |k: usize, v: &[f64]| match k {
        0 => concrete::<f64>(v, &[N]),
        1 => reversed::<f64>(v),
        _ => splat::<f64>(v[0], N),
    };
    let value = |k: usize, v: &[f64], i: usize| if k < 2 { v[i] } else { v[0] };
    for kx in 0..3 {
        for ky in 0..3 {
            poison_pool(N);
            let got = elementwise::select(v(&c), v(&branches(kx, &a)), v(&branches(ky, &bvals)))
                .expect("alloc");
            let want: Vec<f64> = (0..N)
                .map(|i| {
                    if flags[i] {
                        value(kx, &a, i)
                    } else {
                        value(ky, &bvals, i)
                    }
                })
                .collect();
            same_bits(&got, &want, &format!("select {kx} {ky}"));
        }
    }

    poison_pool(N);
    let got = elementwise::cast(v(&reversed::<f32>(&a)), DType::Int32).expect("alloc");
    let want: Vec<i32> = at.iter().map(|&v| v as i32).collect();
    same_bits(&got, &want, "cast f32 -> i32");
    let got = elementwise::cast(v(&concrete::<f32>(&a, &[N])), DType::Float32).expect("alloc");
    same_bits(&got, &at, "cast f32 -> f32");
}

#[test]
fn float32_sum_of_ten_million_values_is_accurate() {
    let n = 10_000_000;
    let vals: Vec<f32> = lcg(5, n).iter().map(|&v| (v + 10.1) as f32).collect();
    let want: f64 = vals.iter().map(|&v| f64::from(v)).sum();
    let x = Concrete {
        storage: super::storage(vals),
        layout: Layout::contiguous(&[n]),
    };
    let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0])
        .expect("alloc")
        .get_f64(0);
    assert!(((got - want) / want).abs() < 1e-6, "sum {got} vs {want}");
    let all = v(&x).buf.slice::<f32>().expect("f32");
    let blocks = all
        .chunks(reduce::BLOCK)
        .map(reduce::block_sum_f32)
        .fold(0.0, |a, b| a + b);
    assert_eq!(got, f64::from(blocks as f32), "the same as one thread");
    // Signed values of a much smaller total: the error stays far below f32 rounding of the total
    // of magnitudes.
    let vals: Vec<f32> = lcg(6, n).iter().map(|&v| v as f32).collect();
    let want: f64 = vals.iter().map(|&v| f64::from(v)).sum();
    let scale: f64 = vals.iter().map(|&v| f64::from(v).abs()).sum();
    let x = Concrete {
        storage: super::storage(vals),
        layout: Layout::contiguous(&[n]),
    };
    let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0])
        .expect("alloc")
        .get_f64(0);
    assert!(
        (got - want).abs() < 1e-6 * scale,
        "signed sum {got} vs {want}"
    );
}

#[test]
fn large_reductions_over_axes_match_the_reference() {
    let (rows, cols) = (REDUCE_PAR_MIN / 64 + 3, 131);
    let a = lcg(7, rows * cols);
    let x = concrete::<f64>(&a, &[rows, cols]);
    let t = Concrete {
        layout: x.layout.permute(&[1, 0]),
        storage: x.storage.clone(),
    };
    poison_pool(rows * cols);
    // Row sums (many runs, in parallel) and column sums through the transposed view.
    let got = reduce::reduce(ReduceOp::Sum, v(&x), &[1]).expect("alloc");
    for r in 0..rows {
        let want: f64 = a[r * cols..(r + 1) * cols].iter().sum();
        assert!((got.get_f64(r) - want).abs() < 1e-9, "row {r}");
    }
    let got = reduce::reduce(ReduceOp::Sum, v(&t), &[1]).expect("alloc");
    for c in 0..cols {
        let want: f64 = (0..rows).map(|r| a[r * cols + c]).sum();
        assert!((got.get_f64(c) - want).abs() < 1e-9, "column {c}");
    }
    let total = reduce::reduce(ReduceOp::Sum, v(&t), &[0, 1])
        .expect("alloc")
        .get_f64(0);
    assert!((total - a.iter().sum::<f64>()).abs() < 1e-6);

    // Max of one long run with the first NaN far in; argmax and max per row; int sum wraps.
    let mut b = lcg(8, R);
    b[R - 5] = 1e6;
    let m = reduce::reduce(ReduceOp::Max, v(&concrete::<f32>(&b, &[R])), &[0]).expect("alloc");
    assert_eq!(m.get_f64(0), 1e6);
    b[2 * REDUCE_PAR_MIN + 1] = f64::NAN;
    let m = reduce::reduce(ReduceOp::Max, v(&reversed::<f32>(&b)), &[0]).expect("alloc");
    assert!(m.get_f64(0).is_nan());
    let am = reduce::argmax(v(&x), 1).expect("alloc");
    let mx = reduce::reduce(ReduceOp::Max, v(&x), &[1]).expect("alloc");
    for r in 0..rows {
        let row = &a[r * cols..(r + 1) * cols];
        let best = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(mx.get_f64(r), best);
        assert_eq!(row[am.get_i64(r) as usize], best);
    }
    let big = vec![1e9; R];
    let s = reduce::reduce(ReduceOp::Sum, v(&concrete::<i32>(&big, &[R])), &[0]).expect("alloc");
    let want = (0..R).fold(0i32, |acc, _| acc.wrapping_add(1_000_000_000));
    assert_eq!(s.get_i64(0), i64::from(want));
}

#[test]
fn large_cumsum_and_matmul_match_the_reference() {
    let (rows, cols) = (REDUCE_PAR_MIN / 32 + 1, 33);
    let a: Vec<f64> = lcg(9, rows * cols).iter().map(|v| v.round()).collect();
    poison_pool(rows * cols);
    let (sums, layout) =
        reduce::cumsum(v(&concrete::<i64>(&a, &[rows, cols])), 1, false).expect("alloc");
    let c = super::elems::<i64>(v(&Concrete::new(super::wrap(sums), layout)))
        .expect("alloc")
        .into_owned();
    for r in 0..rows {
        let mut acc = 0i64;
        for k in 0..cols {
            acc += a[r * cols + k] as i64;
            assert_eq!(c[r * cols + k], acc, "cumsum ({r}, {k})");
        }
    }

    let (m, k, n) = (300, 7, 300);
    let (x, y) = (lcg(10, m * k), lcg(11, k * n));
    poison_pool(m * n);
    let got = matmul::matmul(
        v(&concrete::<f32>(&x, &[m, k])),
        v(&concrete::<f32>(&y, &[k, n])),
        &[m, n],
    )
    .expect("matmul");
    for i in 0..m {
        for j in 0..n {
            let want: f64 = (0..k).map(|p| x[i * k + p] * y[p * n + j]).sum();
            let g = got.get_f64(i * n + j);
            assert!((g - want).abs() < 1e-3, "matmul ({i}, {j}): {g} vs {want}");
        }
    }
}

#[test]
fn large_strided_views_are_gathered_in_logical_order() {
    let shape = [97, 61, 91];
    let n: usize = shape.iter().product();
    let vals: Vec<f64> = (0..n).map(|i| i as f64).collect();
    let base = concrete::<f32>(&vals, &shape);
    let layouts = [
        base.layout.permute(&[2, 0, 1]),
        base.layout.rev(&[1]).permute(&[1, 2, 0]),
        base.layout.slice(&[1, 0, 2], &[97, 61, 91], &[1, 1, 1]),
        base.layout
            .slice(&[0, 0, 0], &[97, 61, 91], &[1, 1, 2])
            .rev(&[0, 2]),
        // A row broadcast down 4000 rows (stride 0 on the outer axis).
        base.layout
            .slice(&[3, 5, 0], &[4, 6, 91], &[1, 1, 1])
            .broadcast_in_dim(&[4000, 1, 91], &[0, 1, 2]),
        // Pooled but gathered on one thread.
        base.layout
            .slice(&[0, 0, 0], &[97, 61, 91], &[3, 1, 2])
            .permute(&[2, 1, 0]),
        // A column broadcast along the last axis (stride 0 there).
        base.layout
            .slice(&[0, 0, 7], &[97, 61, 8], &[1, 1, 1])
            .broadcast_in_dim(&[97, 61, 91], &[0, 1, 2]),
        // Transposed planes (the tiled copy): plain, with a strided leading axis, with the
        // strided last axis reversed, and with partial tiles at both edges.
        base.layout.permute(&[0, 2, 1]),
        base.layout.permute(&[1, 2, 0]),
        base.layout.rev(&[1]).permute(&[0, 2, 1]),
        base.layout
            .slice(&[0, 1, 3], &[97, 60, 90], &[1, 1, 1])
            .permute(&[0, 2, 1]),
    ];
    for (i, layout) in layouts.into_iter().enumerate() {
        let all = v(&base).buf.slice::<f32>().expect("f32");
        let mut want = Vec::new();
        layout.for_each_offset(|o| want.push(all[o]));
        assert!(
            want.len() >= PAR_MIN || (i == 5 && pool::is_pooled_size::<f32>(want.len())),
            "view {i} is large"
        );
        let view = Concrete {
            storage: base.storage.clone(),
            layout,
        };
        poison_pool(want.len());
        let got = super::elems::<f32>(v(&view)).expect("alloc");
        assert_eq!(&got[..], &want[..], "view {i}");
    }
}

/// Small transposed views (the tiled copy on one thread), of one and several planes, with
/// sides below, at and above the tile size.
#[test]
fn small_transposed_views_are_gathered_in_logical_order() {
    for shape in [[1, 2, 3], [3, 33, 31], [2, 32, 64], [1, 70, 5]] {
        let n: usize = shape.iter().product();
        let vals: Vec<f64> = (0..n).map(|i| i as f64).collect();
        let base = concrete::<f64>(&vals, &shape);
        for layout in [
            base.layout.permute(&[0, 2, 1]),
            base.layout.permute(&[2, 1, 0]),
            base.layout.rev(&[2]).permute(&[0, 2, 1]),
        ] {
            let all = v(&base).buf.slice::<f64>().expect("f64");
            let mut want = Vec::new();
            layout.for_each_offset(|o| want.push(all[o]));
            let view = Concrete {
                storage: base.storage.clone(),
                layout,
            };
            let got = super::elems::<f64>(v(&view)).expect("alloc");
            assert_eq!(&got[..], &want[..], "{shape:?}");
        }
    }
}

/// A block repeated along leading axes (a row broadcast) is read in place by binary kernels, on
/// either side, small and large (pooled, parallel), with blocks that straddle the threads' chunks.
#[test]
fn row_broadcasts_equal_the_materialised_operand() {
    let cases: [(&[usize], &[usize], &[usize]); 5] = [
        // (output shape, block shape, output axes the block maps to)
        (&[4, 3], &[3], &[1]),
        (&[2, 3, 4], &[4], &[2]),
        (&[2, 3, 4], &[3, 4], &[1, 2]),
        (&[5, 1, 7], &[1, 7], &[1, 2]),
        (&[N / 7 + 1, 7], &[7], &[1]),
    ];
    for (shape, block_shape, dims) in cases {
        let n: usize = shape.iter().product();
        let k: usize = block_shape.iter().product();
        let a = lcg(11, n);
        let bv = lcg(12, k);
        let block = concrete::<f32>(&bv, block_shape);
        let bcast = Concrete {
            layout: block.layout.broadcast_in_dim(shape, dims),
            storage: block.storage.clone(),
        };
        let want: Vec<f32> = (0..n).map(|i| a[i] as f32 - bv[i % k] as f32).collect();
        let x = concrete::<f32>(&a, shape);
        poison_pool(n);
        let got = elementwise::binary(BinaryOp::Sub, v(&x), v(&bcast)).expect("alloc");
        same_bits(&got, &want, &format!("x - row block, {shape:?}"));
        let flipped: Vec<f32> = (0..n).map(|i| bv[i % k] as f32 - a[i] as f32).collect();
        poison_pool(n);
        let got = elementwise::binary(BinaryOp::Sub, v(&bcast), v(&x)).expect("alloc");
        same_bits(&got, &flipped, &format!("row block - x, {shape:?}"));
    }
}

#[test]
fn sums_over_leading_axes_equal_the_gathered_sums() {
    // Column sums of contiguous [rows, inner] values (and [a, b, inner] over two axes): small,
    // column blocks with a ragged end, parallel, and a view starting inside its buffer.
    for (rows, inner) in [
        (2, 3),
        (256, 10),
        (3, 2 * 2048 + 5),
        (REDUCE_PAR_MIN / 4096 + 3, 4099),
    ] {
        let a = lcg(9, rows * inner + 7);
        let x = Concrete {
            storage: concrete::<f32>(&a, &[rows * inner + 7]).storage,
            layout: Layout::contiguous(&[rows, inner]).with_strides(vec![inner as isize, 1], 7),
        };
        poison_pool(rows * inner);
        let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0]).expect("alloc");
        for c in 0..inner {
            let want: f64 = (0..rows)
                .map(|r| f64::from(a[7 + r * inner + c] as f32))
                .sum();
            assert_eq!(
                got.get_f64(c),
                f64::from(want as f32),
                "[{rows}, {inner}] column {c}"
            );
        }
        let ints = concrete::<i32>(&a[..rows * inner], &[rows, inner]);
        let got = reduce::reduce(ReduceOp::Sum, v(&ints), &[0]).expect("alloc");
        for c in [0, inner / 2, inner - 1] {
            let want = (0..rows).fold(0i32, |s, r| s.wrapping_add(a[r * inner + c] as i32));
            assert_eq!(got.get_i64(c), i64::from(want));
        }
    }
    let a = lcg(10, 4 * 5 * 6);
    let x = concrete::<f64>(&a, &[4, 5, 6]);
    let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0, 1]).expect("alloc");
    for c in 0..6 {
        let want: f64 = (0..20).map(|r| a[r * 6 + c]).sum();
        assert!((got.get_f64(c) - want).abs() < 1e-12, "column {c}");
    }
    let flags: Vec<f64> = (0..12).map(|i| f64::from(u8::from(i == 7))).collect();
    let got =
        reduce::reduce(ReduceOp::Sum, v(&concrete::<bool>(&flags, &[4, 3])), &[0]).expect("alloc");
    assert_eq!(
        (0..3).map(|c| got.get_f64(c)).collect::<Vec<_>>(),
        [0.0, 1.0, 0.0]
    );
}

/// A product large enough to run on the product team, which leaves its helpers awake for the
/// kernels that follow.
fn wake_team() {
    let x = lcg(12, 128 * 128);
    let a = concrete::<f32>(&x, &[128, 128]);
    matmul::matmul(v(&a), v(&a), &[128, 128]).expect("matmul");
}

#[test]
fn kernels_right_after_a_product_equal_the_scalar_function() {
    // Between a step's products, mid-size kernels are split across the product team's awake
    // helpers; each element must still be the scalar function of its inputs.
    for n in [super::par::PAR_MIN / 4 + 3, 20_011] {
        wake_team();
        binary_case_n::<f32>(BinaryOp::Mul, f32::mul, n);
        wake_team();
        binary_case_n::<f64>(BinaryOp::Div, f64::div, n);
    }
    // An LSTM and a GRU step of 37 rows of 96 units: split by rows when the team is awake, in
    // one run on this thread after it fell asleep; the same bits either way.
    let (b, h) = (37, 96);
    for (op, k) in [(CellOp::Lstm, 4), (CellOp::Gru, 3)] {
        let gates = concrete::<f32>(&lcg(13, b * k * h), &[b, k * h]);
        let hidden = concrete::<f32>(&lcg(14, b * k * h), &[b, k * h]);
        let state = concrete::<f32>(&lcg(15, b * h), &[b, h]);
        let ins: Vec<View<'_>> = match op {
            CellOp::Lstm => vec![v(&gates), v(&state)],
            CellOp::Gru => vec![v(&gates), v(&hidden), v(&state)],
        };
        wake_team();
        let awake = super::cell::forward(op, &ins).expect("alloc");
        std::thread::sleep(std::time::Duration::from_millis(5));
        let alone = super::cell::forward(op, &ins).expect("alloc");
        same_bits(
            &awake,
            alone.slice::<f32>().expect("f32"),
            &format!("{op:?} forward"),
        );
        let y = Concrete::new(super::wrap(alone), Layout::contiguous(&[awake.len()]));
        let ct = concrete::<f32>(&lcg(16, awake.len()), &[awake.len()]);
        let mut grad_ins = ins.clone();
        grad_ins.extend([v(&y), v(&ct)]);
        wake_team();
        let awake = super::cell::backward(op, &grad_ins).expect("alloc");
        std::thread::sleep(std::time::Duration::from_millis(5));
        let alone = super::cell::backward(op, &grad_ins).expect("alloc");
        same_bits(
            &awake,
            alone.slice::<f32>().expect("f32"),
            &format!("{op:?} backward"),
        );
    }
}

#[cfg(target_arch = "x86_64")]
#[test]
fn thin_products_in_a_reuse_scope_equal_products_outside_it() {
    // A weight `[n, k]` multiplied as `xᵀ`-style `h·Wᵀ` and as `dg·W`, by thin left operands,
    // several times in one scope (the first product packs for itself, the second keeps the
    // packing, the rest read it), and through views of the same storage that are other
    // operands (a slice of its rows): every product equals the one computed outside a scope.
    use crate::device::reusing_packs;
    let (m, k, n) = (32, 300, 200);
    let w = concrete::<f32>(&lcg(20, n * k), &[n, k]);
    let wt = Concrete::new(w.storage.clone(), w.layout.permute(&[1, 0]));
    let rows = Concrete::new(w.storage.clone(), w.layout.slice(&[8, 0], &[n, k], &[1, 1]));
    let cpu = super::cpu();
    let product = |a: &Concrete, b: &Concrete| {
        let out = [a.layout.shape()[0], b.layout.shape()[1]];
        let s = cpu.matmul(a, b, &out).expect("matmul");
        s.host_slice::<f32>().expect("f32").to_vec()
    };
    let lefts: Vec<(Concrete, Concrete, Concrete)> = (0..5)
        .map(|i| {
            (
                concrete::<f32>(&lcg(30 + i, m * k), &[m, k]),
                concrete::<f32>(&lcg(40 + i, m * n), &[m, n]),
                concrete::<f32>(&lcg(50 + i, m * (n - 8)), &[m, n - 8]),
            )
        })
        .collect();
    let outside: Vec<_> = lefts
        .iter()
        .map(|(h, dg, dr)| (product(h, &wt), product(dg, &w), product(dr, &rows)))
        .collect();
    let inside: Vec<_> = reusing_packs(|| {
        let all = lefts
            .iter()
            .map(|(h, dg, dr)| (product(h, &wt), product(dg, &w), product(dr, &rows)))
            .collect();
        if super::simd::level() >= super::simd::Level::Avx2 {
            assert_eq!(super::sgemm::reuse::kept(), 3, "three operands kept packed");
        }
        all
    });
    assert_eq!(
        super::sgemm::reuse::kept(),
        0,
        "the scope's packings are dropped"
    );
    for (i, (o, s)) in outside.iter().zip(&inside).enumerate() {
        assert_eq!(o.0, s.0, "h·Wᵀ, product {i}");
        assert_eq!(o.1, s.1, "dg·W, product {i}");
        assert_eq!(o.2, s.2, "dg·W[8..], product {i}");
    }
}
