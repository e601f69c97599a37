//! The tests that run every case group through the checks, the coverage invariant over `Prim`, and
//! a check of the strided views the cases feed in.

use crate::cases_cells::{attention, cells, lstm_layers};
use crate::cases_composite::{composites, custom, non_differentiable};
use crate::cases_elementwise::{binary, compare_select_cast, unary};
use crate::cases_special::{fourier, linalg, special};
use crate::cases_structural::{contraction_and_indexing, reductions, structure};
use crate::cases_window::windows;
use crate::check::{run, Suite};
use crate::helpers::{i64s, strided, Lcg};
use easy_mindspore as ems;
use ems::{DType, Prim};
use std::collections::BTreeSet;

const GROUPS: [fn(&mut Suite); 16] = [
    unary,
    binary,
    compare_select_cast,
    reductions,
    structure,
    contraction_and_indexing,
    non_differentiable,
    composites,
    custom,
    windows,
    special,
    linalg,
    fourier,
    cells,
    lstm_layers,
    attention,
];

#[test]
fn every_primitive_is_covered() {
    let mut s = Suite::new(true);
    for g in GROUPS {
        g(&mut s);
    }
    let all: BTreeSet<&str> = Prim::all_names().into_iter().collect();
    let missing: Vec<_> = all.difference(&s.covered).collect();
    let unknown: Vec<_> = s.covered.difference(&all).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "primitives without a derivative check: {missing:?}; names that are not primitives: {unknown:?}"
    );
}

#[test]
fn custom_gradients_match_finite_differences() {
    run(custom);
}

#[test]
fn unary_primitives_match_finite_differences() {
    run(unary);
}

#[test]
fn binary_primitives_match_finite_differences() {
    run(binary);
}

#[test]
fn compare_where_cast_match_finite_differences() {
    run(compare_select_cast);
}

#[test]
fn reductions_match_finite_differences() {
    run(reductions);
}

#[test]
fn structural_primitives_match_finite_differences() {
    run(structure);
}

#[test]
fn matmul_gather_scatter_match_finite_differences() {
    run(contraction_and_indexing);
}

#[test]
fn convolution_and_pooling_match_finite_differences() {
    run(windows);
}

#[test]
fn gamma_family_matches_finite_differences() {
    run(special);
}

#[test]
fn square_matrix_ops_match_finite_differences() {
    run(linalg);
}

#[test]
fn fourier_transforms_match_finite_differences() {
    run(fourier);
}

#[test]
fn rnn_cells_match_finite_differences() {
    run(cells);
}

#[test]
fn lstm_layers_match_finite_differences() {
    run(lstm_layers);
}

#[test]
fn attention_matches_finite_differences() {
    run(attention);
}

#[test]
fn non_differentiable_primitives_give_zero_derivatives() {
    run(non_differentiable);
}

#[test]
fn composites_match_finite_differences() {
    run(composites);
}

#[test]
fn strided_views_hold_the_same_values() {
    let mut rng = Lcg(7);
    for shape in [&[][..], &[3], &[2, 3], &[2, 1, 3]] {
        let x = rng.tensor(shape, -1.0, 1.0);
        assert_eq!(strided(&x).to_vec::<f64>(), x.to_vec::<f64>());
        assert_eq!(strided(&x).dims(), x.dims());
    }
    let idx = i64s(vec![3, 0, 2, 2], &[2, 2]);
    assert_eq!(strided(&idx).to_vec::<i64>(), idx.to_vec::<i64>());
    assert_eq!(strided(&idx).dtype(), DType::Int64);
}
