//! The eager kernels W3 is made of, one by one, on 10,000,000 float32 (and one strided case), to
//! see where a change of the backend goes: each is a pass over memory, so compare with the time
//! to stream its bytes (40 MB per array read or written).
//!
//! The `matmul` group multiplies float32 matrices of the shapes W4, W5 (MLP 784-256-256-10, batch
//! 256, forward and backward) and W7 (LeNet, batch 64) are made of, through `ems::matmul` (our
//! AVX-512 kernel where the CPU has it) and through the `gemm` crate on the same data and strides;
//! throughput is in FLOP (2·m·n·k per product). A `ᵀ` operand is a transposed view, as the backward
//! pass makes them. Two cases run a recurrent layer's 35 products with one weight, its packing
//! kept between them (W8: LSTM hidden 256, batch 32).
//!
//! The `conv` group runs the five `Conv` primitives of W7's step (LeNet, batch 64) one by one:
//! each layer's forward, the second layer's input gradient and both filter gradients; and a wider
//! layer's forward and filter gradient; then the 2×2 pools of the same step.
//!
//! Run: `cargo bench --bench kernels` (only the products: `cargo bench --bench kernels -- matmul`)

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use easy_mindspore as ems;
use ems::{Axes, Tensor};

const N: usize = 10_000_000;

fn kernels(c: &mut Criterion) {
    ems::set_seed(0);
    let x = ems::randn(&[N], ems::DType::Float32).expect("randn");
    let y = ems::randn(&[N], ems::DType::Float32).expect("randn");
    let one = ems::broadcast_to(&Tensor::scalar(1.0f32), &[N]).expect("broadcast");
    let m = ems::reshape(&x, &[1000, (N / 1000) as i64]).expect("reshape");
    let mt = m.T().expect("transpose");
    let mut g = c.benchmark_group("kernels n=1e7 f32");
    g.sample_size(20);
    g.bench_function("mul x*x", |b| b.iter(|| (black_box(&x) * &x).expect("mul")));
    g.bench_function("mul broadcast scalar*x", |b| {
        b.iter(|| (black_box(&one) * &x).expect("mul"))
    });
    g.bench_function("add x+y", |b| b.iter(|| (black_box(&x) + &y).expect("add")));
    g.bench_function("sum all", |b| {
        b.iter(|| ems::sum(black_box(&x), Axes::All, false).expect("sum"))
    });
    g.bench_function("sum rows of a transposed view", |b| {
        b.iter(|| ems::sum(black_box(&mt), 1i64, false).expect("sum"))
    });
    g.bench_function("exp", |b| b.iter(|| black_box(&x).exp().expect("exp")));
    g.finish();
}

/// A float32 `[r, c]` matrix, or the transposed view of a stored `[c, r]` one; with its data and
/// (row, column) strides for the `gemm` crate.
fn operand(r: usize, c: usize, transposed: bool) -> (Tensor, Vec<f32>, isize, isize) {
    let shape = if transposed { [c, r] } else { [r, c] };
    let t = ems::randn(&shape, ems::DType::Float32).expect("randn");
    let data = t.to_vec::<f32>();
    if transposed {
        (t.T().expect("transpose"), data, 1, r as isize)
    } else {
        (t, data, c as isize, 1)
    }
}

/// `dst = a @ b` by the `gemm` crate, with its threads from 64³ multiply-adds (as `matmul` used it).
fn crate_gemm(
    m: usize,
    n: usize,
    k: usize,
    dst: &mut [f32],
    a: &(Vec<f32>, isize, isize),
    b: &(Vec<f32>, isize, isize),
) {
    let par = if m * n * k >= 64 * 64 * 64 {
        gemm::Parallelism::Rayon(0)
    } else {
        gemm::Parallelism::None
    };
    assert!(dst.len() == m * n);
    // SAFETY: `dst` has m·n elements; `a` and `b` are m × k and k × n matrices with these strides.
    unsafe {
        gemm::gemm(
            m,
            n,
            k,
            dst.as_mut_ptr(),
            1,
            n as isize,
            false,
            a.0.as_ptr(),
            a.2,
            a.1,
            b.0.as_ptr(),
            b.2,
            b.1,
            0.0,
            1.0,
            false,
            false,
            false,
            par,
        )
    }
}

fn matmul(c: &mut Criterion) {
    ems::set_seed(2);
    // (name, m, k, n, a transposed, b transposed)
    let cases = [
        ("W4 1024x1024x1024", 1024, 1024, 1024, false, false),
        ("W5 X@W1 256x784x256", 256, 784, 256, false, false),
        ("W5 h@W2 256x256x256", 256, 256, 256, false, false),
        ("W5 h@W3 256x256x10", 256, 256, 10, false, false),
        ("W5 dW1 Xt@g 784x256x256", 784, 256, 256, true, false),
        ("W5 dW2 ht@g 256x256x256", 256, 256, 256, true, false),
        ("W5 dW3 ht@g 256x256x10", 256, 256, 10, true, false),
        ("W5 dh g@W2t 256x256x256", 256, 256, 256, false, true),
        ("W5 dh g@W3t 256x10x256", 256, 10, 256, false, true),
        ("W7 conv1 W@cols 6x25x50176", 6, 25, 50176, false, false),
        ("W7 conv1 dW g@colst 6x50176x25", 6, 50176, 25, false, true),
        ("W7 conv1 dcols Wt@g 25x6x50176", 25, 6, 50176, true, false),
        ("W7 conv2 W@cols 16x150x6400", 16, 150, 6400, false, false),
        (
            "W7 conv2 dW g@colst 16x6400x150",
            16,
            6400,
            150,
            false,
            true,
        ),
        (
            "W7 conv2 dcols Wt@g 150x16x6400",
            150,
            16,
            6400,
            true,
            false,
        ),
        ("W7 dense x@Wt 64x400x120", 64, 400, 120, false, true),
        ("W8 h@Whht 32x256x1024", 32, 256, 1024, false, true),
        ("W8 dg@Whh 32x1024x256", 32, 1024, 256, false, false),
    ];
    let mut g = c.benchmark_group("matmul f32");
    g.sample_size(20);
    for (name, m, k, n, ta, tb) in cases {
        let (at, ad, ars, acs) = operand(m, k, ta);
        let (bt, bd, brs, bcs) = operand(k, n, tb);
        let (a, b) = ((ad, ars, acs), (bd, brs, bcs));
        let mut dst = vec![0.0f32; m * n];
        crate_gemm(m, n, k, &mut dst, &a, &b);
        let ours = ems::matmul(&at, &bt).expect("matmul").to_vec::<f32>();
        let worst = ours
            .iter()
            .zip(&dst)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f32::max);
        assert!(
            worst <= 1e-3 * (k as f32).sqrt(),
            "{name}: ours and gemm differ by {worst}"
        );
        g.throughput(Throughput::Elements(2 * (m * n * k) as u64));
        g.bench_function(format!("{name} ours"), |bch| {
            bch.iter(|| ems::matmul(black_box(&at), black_box(&bt)).expect("matmul"))
        });
        g.bench_function(format!("{name} gemm crate"), |bch| {
            bch.iter(|| crate_gemm(m, n, k, black_box(&mut dst), &a, &b))
        });
    }
    // A recurrent layer's 35 steps: the same weight times a new state each step, where the
    // weight's packing is kept between the products (as in a layer's forward or backward sweep).
    for (name, m, k, n, tb) in [
        ("W8 35 steps h@Whht 32x256x1024", 32, 256, 1024, true),
        ("W8 35 steps dg@Whh 32x1024x256", 32, 1024, 256, false),
    ] {
        let (h, _, _, _) = operand(m, k, false);
        let (w, _, _, _) = operand(k, n, tb);
        g.throughput(Throughput::Elements(35 * 2 * (m * n * k) as u64));
        g.bench_function(name, |bch| {
            bch.iter(|| {
                ems::device::reusing_packs(|| {
                    for _ in 0..35 {
                        black_box(ems::matmul(black_box(&h), &w).expect("matmul"));
                    }
                })
            })
        });
    }
    g.finish();
}

fn conv(c: &mut Criterion) {
    use ems::op::{ConvKind, Window};
    use ems::prim::Conv;
    ems::set_seed(3);
    let f32 = ems::DType::Float32;
    let win = |pad| Window {
        stride: [1, 1],
        dilation: [1, 1],
        pad: [pad, pad],
        groups: 1,
    };
    let t = |shape: &[usize]| ems::randn(shape, f32).expect("randn");
    // (name, kind, padding, output size, a, b): LeNet's conv1 (1→6, 5×5, pad 2, 28×28) and
    // conv2 (6→16, 5×5, 14×14 → 10×10), batch 64.
    let cases = [
        (
            "conv1 forward",
            ConvKind::Forward,
            2,
            [28, 28],
            t(&[64, 1, 28, 28]),
            t(&[6, 1, 5, 5]),
        ),
        (
            "conv1 filter",
            ConvKind::Weight,
            2,
            [5, 5],
            t(&[64, 1, 28, 28]),
            t(&[64, 6, 28, 28]),
        ),
        (
            "conv2 forward",
            ConvKind::Forward,
            0,
            [10, 10],
            t(&[64, 6, 14, 14]),
            t(&[16, 6, 5, 5]),
        ),
        (
            "conv2 input",
            ConvKind::Input,
            0,
            [14, 14],
            t(&[64, 16, 10, 10]),
            t(&[16, 6, 5, 5]),
        ),
        (
            "conv2 filter",
            ConvKind::Weight,
            0,
            [5, 5],
            t(&[64, 6, 14, 14]),
            t(&[64, 16, 10, 10]),
        ),
        // A wider layer (64 → 64 channels, 3×3, 28×28, batch 8), as in D2L's VGG and ResNet.
        (
            "64ch forward",
            ConvKind::Forward,
            1,
            [28, 28],
            t(&[8, 64, 28, 28]),
            t(&[64, 64, 3, 3]),
        ),
        (
            "64ch filter",
            ConvKind::Weight,
            1,
            [3, 3],
            t(&[8, 64, 28, 28]),
            t(&[8, 64, 28, 28]),
        ),
    ];
    let mut g = c.benchmark_group("conv W7 f32");
    g.sample_size(50);
    for (name, kind, pad, size, a, b) in cases {
        let p = Conv {
            kind,
            win: win(pad),
            size,
        };
        g.bench_function(name, |bch| {
            bch.iter(|| ems::prim::conv(p, black_box(&a), black_box(&b)).expect("conv"))
        });
    }
    // LeNet's 2×2 average pools (stride 2) after each convolution, forward and backward; and a
    // 2×2 max pool's forward and backward on the first layer's shape.
    use ems::op::PoolKind;
    use ems::prim::Pool;
    let avg = PoolKind::Avg { include_pad: false };
    let avg_grad = PoolKind::AvgGrad { include_pad: false };
    let pools = [
        ("pool1 avg", avg, [14, 14], t(&[64, 6, 28, 28])),
        ("pool1 avg grad", avg_grad, [28, 28], t(&[64, 6, 14, 14])),
        ("pool2 avg", avg, [5, 5], t(&[64, 16, 10, 10])),
        ("pool2 avg grad", avg_grad, [10, 10], t(&[64, 16, 5, 5])),
    ];
    let win2 = Window {
        stride: [2, 2],
        ..win(0)
    };
    for (name, kind, size, a) in pools {
        let p = Pool {
            kind,
            kernel: [2, 2],
            win: win2,
            size,
        };
        g.bench_function(name, |bch| {
            bch.iter(|| ems::prim::pool(p, &[black_box(&a)]).expect("pool"))
        });
    }
    let x = t(&[64, 6, 28, 28]);
    let y = t(&[64, 6, 14, 14]);
    let select = Pool {
        kind: PoolKind::MaxSelect,
        kernel: [2, 2],
        win: win2,
        size: [14, 14],
    };
    let scatter = Pool {
        kind: PoolKind::MaxScatter,
        size: [28, 28],
        ..select
    };
    g.bench_function("pool1 max", |bch| {
        bch.iter(|| ems::prim::pool(select, &[black_box(&x), &x]).expect("pool"))
    });
    g.bench_function("pool1 max grad", |bch| {
        bch.iter(|| ems::prim::pool(scatter, &[black_box(&x), &y]).expect("pool"))
    });
    g.finish();
}

criterion_group!(benches, kernels, matmul, conv);
criterion_main!(benches);
