//! Case groups for reductions (sum, max, argmax, cumsum), the structural primitives (reshape,
//! permute, broadcast, slice, pad, concat, rev) and contraction and indexing (matmul, gather,
//! scatter-add, checked indices).

use crate::check::{Suite, AT_KINK, DEFAULT};
use crate::helpers::{i64s, t64};
use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::prim::{
    BroadcastInDim, CheckIndex, Concat, Cumsum, Gather, IndexRole, LayerNorm, Pad, Permute, Reduce,
    ReduceOp, Reshape, Rev, ScatterAdd, Slice, Softmax, VarMean,
};
use ems::{Prim, Tensor};

pub(crate) fn reductions(s: &mut Suite) {
    let cases: [(&[usize], &[usize]); 9] = [
        (&[2, 3, 4], &[0]),
        (&[2, 3, 4], &[1]),
        (&[2, 3, 4], &[2]),
        (&[2, 3, 4], &[0, 2]),
        (&[2, 3, 4], &[0, 1, 2]),
        (&[1, 5], &[0]),
        (&[3, 0, 2], &[0]),
        (&[3, 1], &[1]),
        (&[4], &[0]),
    ];
    for (shape, axes) in cases {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(
            Prim::Reduce(Reduce {
                op: ReduceOp::Sum,
                axes: axes.into(),
            }),
            vec![x],
        );
        // Distinct values: one maximum per output element.
        let x = s.rng.distinct(shape);
        s.prim(
            Prim::Reduce(Reduce {
                op: ReduceOp::Max,
                axes: axes.into(),
            }),
            vec![x],
        );
    }
    // Summing over an empty axis gives zeros; the cotangent of an empty input is empty.
    let x = s.rng.tensor(&[3, 0, 2], -1.5, 1.5);
    s.prim(
        Prim::Reduce(Reduce {
            op: ReduceOp::Sum,
            axes: [1usize][..].into(),
        }),
        vec![x],
    );
    // A two-way tie shares the derivative evenly, which is again what central differences see.
    let x = t64(vec![1.0, 3.0, 3.0, 2.0, 0.5, 2.0], &[2, 3]);
    s.prim_opts(
        Prim::Reduce(Reduce {
            op: ReduceOp::Max,
            axes: [1usize][..].into(),
        }),
        vec![x],
        AT_KINK,
    );
    // The friendly sum with keepdims and negative axes.
    let x = s.rng.tensor(&[2, 3, 2], -1.5, 1.5);
    let f = |v: &[Tensor]| ems::sum(&v[0], [-1i64, 0], true);
    s.check(
        &["ReduceSum", "Reshape"],
        "sum keepdims",
        f,
        vec![x],
        DEFAULT,
    );

    // argmax is locally constant: gather(x, argmax(x, axis), axis) differentiates like a gather.
    for (shape, axis) in [(&[3, 4][..], 0), (&[3, 4], 1), (&[2, 3, 2], 1), (&[5], 0)] {
        let x = s.rng.distinct(shape);
        let f = move |v: &[Tensor]| p::gather(&v[0], &p::argmax(&v[0], axis)?, axis);
        let label = format!("gather(x, argmax(x, {axis})) on {shape:?}");
        s.check(&["ArgMax", "Gather"], &label, f, vec![x], DEFAULT);
    }

    // cumsum along each axis; its VJP is the reversed cumsum of the reversed cotangent.
    for (shape, axis) in [
        (&[2, 3, 4][..], 0),
        (&[2, 3, 4], 1),
        (&[2, 3, 4], 2),
        (&[1], 0),
        (&[3, 0], 0),
        (&[3, 0], 1),
    ] {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Cumsum(Cumsum { axis }), vec![x]);
    }

    // softmax along each axis, size-1 and size-0 axes included; inputs up to ±6 so that rows
    // are far from uniform.
    for (shape, axis) in [
        (&[2, 3, 4][..], 0),
        (&[2, 3, 4], 1),
        (&[2, 3, 4], 2),
        (&[1, 5], 0),
        (&[1, 5], 1),
        (&[4], 0),
        (&[3, 0], 0),
        (&[3, 0], 1),
    ] {
        let x = s.rng.tensor(shape, -6.0, 6.0);
        s.prim(Prim::Softmax(Softmax { axis }), vec![x]);
    }

    // The variance and mean over axes (batch normalization's (0, 2, 3) among them), a size-1
    // reduced axis and a size-0 kept one included.
    let stats: [(&[usize], &[usize]); 8] = [
        (&[2, 3, 4], &[0]),
        (&[2, 3, 4], &[1, 2]),
        (&[2, 3, 4], &[0, 2]),
        (&[2, 3, 4], &[0, 1, 2]),
        (&[2, 3, 2, 2], &[0, 2, 3]),
        (&[3, 1], &[1]),
        (&[5], &[0]),
        (&[2, 0, 3], &[0, 2]),
    ];
    for (shape, axes) in stats {
        let x = s.rng.tensor(shape, -2.0, 2.0);
        s.prim(Prim::VarMean(VarMean { axes: axes.into() }), vec![x]);
    }

    // Layer normalisation over the trailing axes from each axis, a size-1 row (all zeros, the
    // derivative through ε alone) and a size-0 batch included.
    let norms: [(&[usize], usize, f64); 6] = [
        (&[2, 3, 4], 2, 1e-5),
        (&[2, 3, 4], 1, 1e-5),
        (&[2, 3, 4], 0, 0.5),
        (&[3, 1], 1, 1e-3),
        (&[5], 0, 1e-5),
        (&[0, 3], 1, 1e-5),
    ];
    for (shape, axis, eps) in norms {
        let x = s.rng.tensor(shape, -2.0, 2.0);
        s.prim(Prim::LayerNorm(LayerNorm { axis, eps }), vec![x]);
    }
}

pub(crate) fn structure(s: &mut Suite) {
    let reshapes: [(&[usize], &[usize]); 6] = [
        (&[2, 3, 4], &[6, 4]),
        (&[2, 3], &[3, 2]),
        (&[2, 3], &[6]),
        (&[], &[1, 1]),
        (&[2, 0, 3], &[0, 6]),
        (&[0], &[3, 0]),
    ];
    for (from, to) in reshapes {
        let x = s.rng.tensor(from, -1.5, 1.5);
        s.prim(Prim::Reshape(Reshape { shape: to.into() }), vec![x]);
    }
    let perms: [(&[usize], &[usize]); 4] = [
        (&[2, 3, 4], &[2, 0, 1]),
        (&[2, 3, 4], &[1, 0, 2]),
        (&[2, 3], &[1, 0]),
        (&[2, 0, 3], &[2, 0, 1]),
    ];
    for (shape, perm) in perms {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Permute(Permute { perm: perm.into() }), vec![x]);
    }
    // (input shape, output shape, dims): new axes, size-1 axes stretched (to 0 too), kept.
    let broadcasts: [(&[usize], &[usize], &[usize]); 6] = [
        (&[3], &[2, 3], &[1]),
        (&[1, 3], &[4, 3], &[0, 1]),
        (&[], &[2, 2], &[]),
        (&[2, 1], &[2, 0], &[0, 1]),
        (&[3], &[3, 2], &[0]),
        (&[1], &[2, 1, 4], &[1]),
    ];
    for (from, to, dims) in broadcasts {
        let x = s.rng.tensor(from, -1.5, 1.5);
        let prim = Prim::BroadcastInDim(BroadcastInDim {
            shape: to.into(),
            dims: dims.into(),
        });
        s.prim(prim, vec![x]);
    }
    // (shape, starts, limits, steps): steps > 1, a last element short of the limit, empty.
    type SliceCase<'a> = (&'a [usize], &'a [usize], &'a [usize], &'a [usize]);
    let slices: [SliceCase; 6] = [
        (&[5, 4], &[1, 0], &[5, 4], &[2, 3]),
        (&[6], &[0], &[5], &[2]),
        (&[4, 3], &[2, 1], &[2, 3], &[1, 1]),
        (&[3, 4, 2], &[0, 1, 0], &[3, 4, 2], &[3, 2, 1]),
        (&[2, 0], &[0, 0], &[2, 0], &[2, 1]),
        (&[3, 0], &[1, 0], &[3, 0], &[1, 1]),
    ];
    for (shape, starts, limits, steps) in slices {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let prim = Prim::Slice(Slice {
            starts: starts.into(),
            limits: limits.into(),
            steps: steps.into(),
        });
        s.prim(prim, vec![x]);
    }
    // (shape, lo, hi, interior): interior padding, including on an empty axis.
    let pads: [SliceCase; 4] = [
        (&[2, 3], &[1, 0], &[0, 2], &[1, 2]),
        (&[0, 2], &[1, 0], &[1, 1], &[3, 1]),
        (&[3], &[0], &[0], &[2]),
        (&[], &[], &[], &[]),
    ];
    for (shape, lo, hi, interior) in pads {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let prim = Prim::Pad(Pad {
            lo: lo.into(),
            hi: hi.into(),
            interior: interior.into(),
        });
        s.prim(prim, vec![x]);
    }
    // Three operands, one of them empty along the axis.
    let concats: [([&[usize]; 3], usize); 3] = [
        ([&[1, 3], &[2, 3], &[0, 3]], 0),
        ([&[2, 2], &[2, 1], &[2, 3]], 1),
        ([&[3], &[0], &[2]], 0),
    ];
    for (shapes, axis) in concats {
        let xs = shapes
            .iter()
            .map(|sh| s.rng.tensor(sh, -1.5, 1.5))
            .collect();
        s.prim(Prim::Concat(Concat { axis }), xs);
    }
    let revs: [(&[usize], &[usize]); 4] = [
        (&[2, 3, 4], &[0, 2]),
        (&[3], &[0]),
        (&[2, 0], &[1]),
        (&[2, 3], &[1, 0]),
    ];
    for (shape, axes) in revs {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Rev(Rev { axes: axes.into() }), vec![x]);
    }
    // Python indexing x[::-2, 1]: Rev, Slice and Reshape together.
    let x = s.rng.tensor(&[5, 3], -1.5, 1.5);
    let idx = [ems::Index::Slice(None, None, Some(-2)), ems::Index::Int(1)];
    let f = move |v: &[Tensor]| ems::index(&v[0], &idx);
    s.check(
        &["Rev", "Slice", "Reshape"],
        "x[::-2, 1]",
        f,
        vec![x],
        DEFAULT,
    );
}

pub(crate) fn contraction_and_indexing(s: &mut Suite) {
    // Batched, plain, inner size 1, inner size 0 (a zero product), no rows.
    let matmuls: [(&[usize], &[usize]); 5] = [
        (&[2, 3, 4], &[2, 4, 2]),
        (&[3, 4], &[4, 2]),
        (&[1, 1], &[1, 3]),
        (&[2, 0], &[0, 3]),
        (&[0, 2], &[2, 3]),
    ];
    for (a, b) in matmuls {
        let (x, y) = (s.rng.tensor(a, -1.5, 1.5), s.rng.tensor(b, -1.5, 1.5));
        s.prim(Prim::MatMul, vec![x, y]);
    }
    // The friendly matmul broadcasts the batch axes.
    let (x, y) = (
        s.rng.tensor(&[2, 2, 3], -1.5, 1.5),
        s.rng.tensor(&[3, 2], -1.5, 1.5),
    );
    let f = |v: &[Tensor]| ems::matmul(&v[0], &v[1]);
    s.check(
        &["MatMul", "BroadcastInDim"],
        "friendly matmul",
        f,
        vec![x, y],
        DEFAULT,
    );

    // Transposed views as operands (`nn.Dense`'s `x @ wᵀ`): their cotangents are taken as
    // transposed products, in the operands' layout.
    let (x, w) = (
        s.rng.tensor(&[3, 4], -1.5, 1.5),
        s.rng.tensor(&[5, 4], -1.5, 1.5),
    );
    let t = |v: &Tensor| p::permute(v, &[1, 0]);
    s.check(
        &["MatMul", "Permute"],
        "x @ w.T",
        move |v: &[Tensor]| p::matmul(&v[0], &t(&v[1])?),
        vec![x, w],
        DEFAULT,
    );
    let (x, w) = (
        s.rng.tensor(&[2, 4, 3], -1.5, 1.5),
        s.rng.tensor(&[2, 5, 4], -1.5, 1.5),
    );
    let t = |v: &Tensor| p::permute(v, &[0, 2, 1]);
    s.check(
        &["MatMul", "Permute"],
        "x.mT @ w.mT (batched)",
        move |v: &[Tensor]| p::matmul(&t(&v[0])?, &t(&v[1])?),
        vec![x, w],
        DEFAULT,
    );

    // Gather with repeated indices (their cotangents accumulate), a 2-D index, a 0-D index, an
    // empty index, and an Int32 index.
    let gathers: [(&[usize], Tensor, usize); 5] = [
        (&[4, 3], i64s(vec![0, 2, 2, 3, 0], &[5]), 0),
        (&[4, 3], i64s(vec![0, 2, 2, 2], &[2, 2]), 1),
        (&[4, 3], i64s(vec![2], &[]), 0),
        (&[4, 3], i64s(vec![], &[0]), 1),
        (&[3, 2], Tensor::from_slice(&[1i32, 1, 0]), 0),
    ];
    for (shape, idx, axis) in gathers {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        s.prim(Prim::Gather(Gather { axis }), vec![x, idx]);
    }
    // CheckIndex passes its indices through unchanged: a gather at checked indices has the
    // gather's derivatives, and under vmap the batched indices are checked as a whole.
    for (label, role, allowed) in [
        ("Gather at checked indices", IndexRole::Index, None),
        ("Gather at checked labels", IndexRole::Label, Some(-1)),
    ] {
        let x = s.rng.tensor(&[4, 3], -1.5, 1.5);
        let idx = i64s(vec![3, 0, 2, 2], &[4]);
        let check = CheckIndex {
            op: "test",
            size: 4,
            allowed,
            role,
        };
        let f = move |v: &[Tensor]| p::gather(&v[0], &p::check_index(&v[1], check)?, 0);
        s.check(&["CheckIndex", "Gather"], label, f, vec![x, idx], DEFAULT);
    }
    // ScatterAdd: (operand shape, index, axis); updates take the gathered shape.
    let scatters: [(&[usize], Tensor, usize); 3] = [
        (&[4, 3], i64s(vec![0, 2, 2], &[3]), 0),
        (&[2, 4], i64s(vec![1, 1, 3, 0], &[2, 2]), 1),
        (&[3, 2], i64s(vec![], &[0]), 0),
    ];
    for (shape, idx, axis) in scatters {
        let x = s.rng.tensor(shape, -1.5, 1.5);
        let ushape = [&shape[..axis], idx.dims(), &shape[axis + 1..]].concat();
        let u = s.rng.tensor(&ushape, -1.5, 1.5);
        s.prim(Prim::ScatterAdd(ScatterAdd { axis }), vec![x, idx, u]);
    }
}
