//! Case groups for the window primitives: `Conv` (forward, input and weight transposes) with
//! stride, padding, dilation, groups and size-1 axes, and `Pool` (max select and scatter,
//! average and its transpose), each checked to second order and under `vmap` by the suite.

use crate::check::{Suite, DEFAULT};
use easy_mindspore as ems;
use ems::op::{ConvKind, PoolKind, Window};
use ems::prim::{Conv, Pool};
use ems::{Prim, Tensor};

/// `(n + pad_lo + pad_hi − span) / stride + 1` per axis.
fn out_size(hw: [usize; 2], k: [usize; 2], w: &Window, pad_hi: [usize; 2]) -> [usize; 2] {
    let one = |a: usize| {
        let span = w.dilation[a] * (k[a] - 1) + 1;
        (hw[a] + w.pad[a] + pad_hi[a] - span) / w.stride[a] + 1
    };
    [one(0), one(1)]
}

fn win(stride: [usize; 2], dilation: [usize; 2], pad: [usize; 2], groups: usize) -> Window {
    Window {
        stride,
        dilation,
        pad,
        groups,
    }
}

/// `(x shape, w shape, window, trailing padding)`.
type ConvCase = ([usize; 4], [usize; 4], Window, [usize; 2]);
/// `(x shape, kernel, window, trailing padding)`.
type PoolCase = ([usize; 4], [usize; 2], Window, [usize; 2]);

fn conv_cases() -> Vec<ConvCase> {
    vec![
        (
            [2, 3, 5, 6],
            [4, 3, 3, 2],
            win([1, 2], [1, 1], [1, 0], 1),
            [1, 1],
        ),
        (
            [1, 4, 7, 5],
            [6, 2, 2, 3],
            win([2, 1], [2, 1], [0, 1], 2),
            [1, 0],
        ),
        (
            [3, 2, 1, 4],
            [2, 2, 1, 1],
            win([1, 1], [1, 1], [0, 0], 1),
            [0, 0],
        ),
        (
            [2, 4, 4, 4],
            [4, 1, 3, 3],
            win([1, 1], [1, 1], [1, 1], 4),
            [1, 1],
        ),
        (
            [1, 1, 6, 1],
            [1, 1, 3, 1],
            win([2, 1], [1, 1], [2, 0], 1),
            [0, 0],
        ),
    ]
}

pub(crate) fn windows(s: &mut Suite) {
    for (xs, ws, w, hi) in conv_cases() {
        let size = out_size([xs[2], xs[3]], [ws[2], ws[3]], &w, hi);
        let ys = [xs[0], ws[0], size[0], size[1]];
        let conv = |kind, size| Prim::Conv(Conv { kind, win: w, size });
        let (x, k, y) = (
            s.rng.tensor(&xs, -1.5, 1.5),
            s.rng.tensor(&ws, -1.5, 1.5),
            s.rng.tensor(&ys, -1.5, 1.5),
        );
        s.prim(conv(ConvKind::Forward, size), vec![x.clone(), k.clone()]);
        s.prim(conv(ConvKind::Input, [xs[2], xs[3]]), vec![y.clone(), k]);
        s.prim(conv(ConvKind::Weight, [ws[2], ws[3]]), vec![x, y]);
    }
    let pools: [PoolCase; 4] = [
        ([2, 3, 5, 5], [3, 3], win([2, 2], [1, 1], [1, 1], 1), [1, 1]),
        ([1, 2, 4, 1], [2, 1], win([1, 1], [1, 1], [0, 0], 1), [0, 0]),
        ([2, 1, 6, 7], [2, 3], win([2, 2], [2, 1], [1, 1], 1), [0, 1]),
        ([1, 1, 1, 1], [1, 1], win([1, 1], [1, 1], [0, 0], 1), [0, 0]),
    ];
    for (xs, kernel, w, hi) in pools {
        let size = out_size([xs[2], xs[3]], kernel, &w, hi);
        let ys = [xs[0], xs[1], size[0], size[1]];
        let pool = |kind, size| {
            Prim::Pool(Pool {
                kind,
                kernel,
                win: w,
                size,
            })
        };
        // Distinct values: no ties, so a small step never moves a maximum.
        let (x, u, g) = (
            s.rng.distinct(&xs),
            s.rng.tensor(&xs, -1.5, 1.5),
            s.rng.tensor(&ys, -1.5, 1.5),
        );
        s.prim(pool(PoolKind::MaxSelect, size), vec![x.clone(), u]);
        s.prim(
            pool(PoolKind::MaxScatter, [xs[2], xs[3]]),
            vec![x.clone(), g.clone()],
        );
        for include_pad in [true, false] {
            s.prim(pool(PoolKind::Avg { include_pad }, size), vec![x.clone()]);
            s.prim(
                pool(PoolKind::AvgGrad { include_pad }, [xs[2], xs[3]]),
                vec![g.clone()],
            );
        }
        // Max pooling itself: the same value selected from itself.
        let max = pool(PoolKind::MaxSelect, size);
        let f = move |v: &[Tensor]| ems::bind(max.clone(), &[&v[0], &v[0]]);
        s.check(
            &["MaxPool"],
            "max pooling MaxSelect(x, x)",
            f,
            vec![x],
            DEFAULT,
        );
    }
}
