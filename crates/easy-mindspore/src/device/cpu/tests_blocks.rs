//! The kernels that read broadcast and strided operands in place: binary ops over inner blocks
//! (a per-channel vector against `[N, C, H, W]`, `par::map2_blocks`) must equal the generic path
//! on gathered copies bit for bit; sums over contiguous segments (`(0, 2, 3)` of NCHW,
//! `reduce::segment_sums`) must equal the sequential sum of the same blocks and stay accurate.
//! Sizes cover one thread and several, blocks shorter than the vector width and ragged ones,
//! views with offsets and reversed outer axes, and stale pooled buffers.

use super::par::PAR_MIN;
use super::reduce::{BLOCK, REDUCE_PAR_MIN};
use super::{elementwise, elems, pool, reduce};
use super::{CpuBuffer, View};
use crate::device::Concrete;
use crate::dtype::Element;
use crate::layout::Layout;
use crate::op::{BinaryOp, ReduceOp};

fn v(c: &Concrete) -> View<'_> {
    super::view("test", c).expect("CPU storage")
}

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

fn concrete<T: Element>(vals: &[f64], layout: Layout) -> Concrete {
    Concrete {
        storage: super::storage(vals.iter().map(|&v| T::from_f64(v)).collect::<Vec<T>>()),
        layout,
    }
}

/// The logical elements of a view, gathered into a contiguous value of its shape.
fn gathered<T: Element>(c: &Concrete) -> Concrete {
    let vals = elems::<T>(v(c)).expect("alloc").into_owned();
    Concrete {
        storage: super::storage(vals),
        layout: Layout::contiguous(c.layout.shape()),
    }
}

fn same_bits<T: Element>(got: &CpuBuffer, want: &CpuBuffer, what: &str) {
    let (got, want) = (
        got.slice::<T>().expect("dtype"),
        want.slice::<T>().expect("dtype"),
    );
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let (g, w) = (g.to_f64(), w.to_f64());
        assert!(
            g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            "{what}: element {i}: {g} vs {w}"
        );
    }
}

fn park_garbage(n: usize) {
    pool::give(CpuBuffer::F32(vec![f32::NAN; n]));
    pool::give(CpuBuffer::F64(vec![f64::NAN; n]));
    pool::give(CpuBuffer::I32(vec![-7; n]));
}

/// `a op b` and `b op a` for every arithmetic op against the same ops on gathered copies.
fn against_gathered<T: Element>(a: &Concrete, b: &Concrete, what: &str) {
    let (ga, gb) = (gathered::<T>(a), gathered::<T>(b));
    for op in [BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div] {
        park_garbage(a.layout.numel());
        for (x, y, gx, gy, order) in [(a, b, &ga, &gb, "a op b"), (b, a, &gb, &ga, "b op a")] {
            let got = elementwise::binary(op, v(x), v(y)).expect("alloc");
            let want = elementwise::binary(op, v(gx), v(gy)).expect("alloc");
            same_bits::<T>(&got, &want, &format!("{what} {op:?} {order}"));
        }
    }
}

/// `[N, C, H, W]` with a per-channel `[C]` vector broadcast over `N, H, W` (a run against one
/// element per block), with `[N, 1, H, W]` broadcast over `C` (two runs), and with `[N, C]`
/// broadcast over `H, W` against the channel vector (one element each), at sizes below and above
/// the parallel threshold, with blocks of 15 (the generic path), 16 and ragged lengths.
#[test]
fn per_channel_broadcasts_equal_the_gathered_path() {
    let shapes: [[usize; 4]; 5] = [
        [2, 3, 4, 5],
        [2, 3, 5, 3],
        [1, 2, 4, 4],
        [4, 3, 128, 129],
        [3, 5, 1, PAR_MIN / 7 + 9],
    ];
    for [n, c, h, w] in shapes {
        let full = [n, c, h, w];
        let numel = n * c * h * w;
        let x = concrete::<f32>(&lcg(1, numel), Layout::contiguous(&full));
        let ch = concrete::<f32>(
            &lcg(2, c),
            Layout::contiguous(&[c]).broadcast_in_dim(&full, &[1]),
        );
        against_gathered::<f32>(&x, &ch, &format!("{full:?} x channel"));
        let plane = Layout::contiguous(&[n, h, w]).broadcast_in_dim(&full, &[0, 2, 3]);
        let p = concrete::<f32>(&lcg(3, n * h * w), plane);
        against_gathered::<f32>(&x, &p, &format!("{full:?} x plane"));
        let nc = Layout::contiguous(&[n, c]).broadcast_in_dim(&full, &[0, 1]);
        let nc = concrete::<f32>(&lcg(4, n * c), nc);
        against_gathered::<f32>(&nc, &ch, &format!("{full:?} [N, C] x channel"));
        // Float64 and Int32 (nonzero divisors) take the same path.
        let xd = concrete::<f64>(&lcg(5, numel), Layout::contiguous(&full));
        let chd = concrete::<f64>(
            &lcg(6, c),
            Layout::contiguous(&[c]).broadcast_in_dim(&full, &[1]),
        );
        against_gathered::<f64>(&xd, &chd, &format!("{full:?} f64"));
        let ints: Vec<f64> = lcg(7, numel).iter().map(|v| v.round()).collect();
        let xi = concrete::<i32>(&ints, Layout::contiguous(&full));
        let chi = concrete::<i32>(
            &(0..c).map(|i| i as f64 + 1.0).collect::<Vec<_>>(),
            Layout::contiguous(&[c]).broadcast_in_dim(&full, &[1]),
        );
        against_gathered::<i32>(&xi, &chi, &format!("{full:?} i32"));
    }
}

/// Views: an operand starting inside its buffer, one with its outer axis reversed (a negative
/// stride), a `[C, 1, 1]` vector broadcast from the trailing dimensions, and a transposed operand
/// whose inner axis is strided (no block: the generic path).
#[test]
fn blocks_of_offset_reversed_and_transposed_views() {
    let full = [3usize, 4, 6, 7];
    let numel: usize = full.iter().product();
    let offset = Layout::contiguous(&full).with_strides(vec![168, 42, 7, 1], 11);
    let x = concrete::<f32>(&lcg(8, numel + 11), offset);
    let ch = Layout::contiguous(&[4, 1, 1]).broadcast_in_dim(&full, &[1, 2, 3]);
    let ch = concrete::<f32>(&lcg(9, 4), ch);
    against_gathered::<f32>(&x, &ch, "offset x [C, 1, 1]");
    let rev = concrete::<f32>(&lcg(10, numel), Layout::contiguous(&full).rev(&[0]));
    against_gathered::<f32>(&rev, &ch, "reversed N x channel");
    let t = Layout::contiguous(&[3, 4, 7, 6]).permute(&[0, 1, 3, 2]);
    let t = concrete::<f32>(&lcg(11, numel), t);
    against_gathered::<f32>(&t, &ch, "transposed x channel");
    // No elements: an outer axis of size 0 (found by the never-panic suite: a division by it).
    let none = [5usize, 0, 4, 20];
    let z = concrete::<f32>(&[], Layout::contiguous(&none));
    let zc = Layout::contiguous(&[4, 20]).broadcast_in_dim(&none, &[2, 3]);
    let zc = concrete::<f32>(&lcg(12, 80), zc);
    let got = elementwise::binary(BinaryOp::Add, v(&z), v(&zc)).expect("alloc");
    assert_eq!(got.len(), 0);
}

/// The sum of `vals` taken by segments of `seg` elements, each in blocks of `BLOCK` combined in
/// order, the segments combined in order: what the kernel computes on any number of threads.
fn blocked_f32(segments: &[&[f32]]) -> f32 {
    segments
        .iter()
        .map(|s| {
            s.chunks(BLOCK)
                .map(reduce::block_sum_f32)
                .reduce(|a, b| a + b)
        })
        .map(|s| s.unwrap_or(0.0))
        .reduce(|a, b| a + b)
        .unwrap_or(0.0) as f32
}

/// Sums of `[N, C, H, W]` over `(0, 2, 3)` read the `H·W` planes in place: equal to the blocked
/// sequential sum, within f32 rounding of the exact sum, on one thread and several, with planes
/// of 64 elements, of a ragged number of blocks and of several blocks; also over `(0, 2)` of
/// `[N, C, H]` and over `(2, 3)` (contiguous runs: the plain path), for Float64, Int32 and Bool.
#[test]
fn per_channel_sums_read_contiguous_segments() {
    let shapes: [[usize; 4]; 5] = [
        [2, 3, 8, 8],
        [3, 2, 1, 4099],
        [2, 3, 2, BLOCK + 5],
        [5, 3, 4, REDUCE_PAR_MIN / 16 + 3],
        [2, 3, 5, 7],
    ];
    for [n, c, h, w] in shapes {
        let full = [n, c, h, w];
        let numel = n * c * h * w;
        let vals = lcg(12, numel);
        let x = concrete::<f32>(&vals, Layout::contiguous(&full));
        let held: Vec<f32> = vals.iter().map(|&v| v as f32).collect();
        park_garbage(numel);
        let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0, 2, 3]).expect("alloc");
        let plane = h * w;
        for k in 0..c {
            let segs: Vec<&[f32]> = (0..n)
                .map(|i| &held[(i * c + k) * plane..(i * c + k + 1) * plane])
                .collect();
            let exact: f64 = segs
                .iter()
                .flat_map(|s| s.iter())
                .map(|&v| f64::from(v))
                .sum();
            let g = got.get_f64(k);
            if plane >= 64 {
                assert_eq!(g, f64::from(blocked_f32(&segs)), "{full:?} channel {k}");
            }
            assert!(
                (g - exact).abs() <= 1e-6 * exact.abs().max(1.0),
                "{full:?} channel {k}: {g} vs {exact}"
            );
        }
        // Float64, Int32 (wrapping) and Bool (any) over the same axes.
        let xd = concrete::<f64>(&vals, Layout::contiguous(&full));
        let got = reduce::reduce(ReduceOp::Sum, v(&xd), &[0, 2, 3]).expect("alloc");
        let ints = concrete::<i32>(
            &vals.iter().map(|v| (v * 1e8).round()).collect::<Vec<_>>(),
            Layout::contiguous(&full),
        );
        let goti = reduce::reduce(ReduceOp::Sum, v(&ints), &[0, 2, 3]).expect("alloc");
        let flags: Vec<f64> = (0..numel)
            .map(|i| f64::from(u8::from(i == numel - 1)))
            .collect();
        let gotb = reduce::reduce(
            ReduceOp::Sum,
            v(&concrete::<bool>(&flags, Layout::contiguous(&full))),
            &[0, 2, 3],
        )
        .expect("alloc");
        for k in 0..c {
            let idx = (0..n).flat_map(|i| (i * c + k) * plane..(i * c + k + 1) * plane);
            let exact: f64 = idx.clone().map(|j| vals[j]).sum();
            assert!(
                (got.get_f64(k) - exact).abs() <= 1e-9 * exact.abs().max(1.0),
                "f64 {full:?} {k}"
            );
            let wrapped = idx
                .clone()
                .fold(0i32, |s, j| s.wrapping_add((vals[j] * 1e8).round() as i32));
            assert_eq!(goti.get_i64(k), i64::from(wrapped), "i32 {full:?} {k}");
            assert_eq!(
                gotb.get_f64(k),
                if k == c - 1 { 1.0 } else { 0.0 },
                "bool {full:?} {k}"
            );
        }
        // Over (2, 3): each channel of each sample is one contiguous run.
        let got = reduce::reduce(ReduceOp::Sum, v(&xd), &[2, 3]).expect("alloc");
        for r in 0..n * c {
            let exact: f64 = vals[r * plane..(r + 1) * plane].iter().sum();
            assert!(
                (got.get_f64(r) - exact).abs() <= 1e-9 * exact.abs().max(1.0),
                "(2, 3) {r}"
            );
        }
    }
}

/// Segments of views: an offset into the buffer, a reversed leading axis, and a middle axis
/// summed with the last (`[A, B, W]` over `(0, 2)`), all against the f64 sum.
#[test]
fn segment_sums_of_views() {
    let full = [4usize, 3, 130];
    let numel: usize = full.iter().product();
    let vals = lcg(13, numel + 5);
    let cases = [
        (
            "offset",
            Layout::contiguous(&full).with_strides(vec![390, 130, 1], 5),
        ),
        ("reversed", Layout::contiguous(&full).rev(&[0])),
    ];
    for (what, layout) in cases {
        let x = concrete::<f64>(&vals, layout);
        let logical = elems::<f64>(v(&x)).expect("alloc").into_owned();
        let got = reduce::reduce(ReduceOp::Sum, v(&x), &[0, 2]).expect("alloc");
        for k in 0..3 {
            let exact: f64 = (0..4)
                .flat_map(|i| logical[(i * 3 + k) * 130..(i * 3 + k + 1) * 130].iter())
                .sum();
            assert!((got.get_f64(k) - exact).abs() < 1e-9, "{what} {k}");
        }
    }
    // Nothing to sum: zeros; no elements at all: an empty result.
    let empty = concrete::<f32>(&[], Layout::contiguous(&[0, 3, 70]));
    let got = reduce::reduce(ReduceOp::Sum, v(&empty), &[0, 2]).expect("alloc");
    assert_eq!((0..3).map(|k| got.get_f64(k)).collect::<Vec<_>>(), [0.0; 3]);
}
