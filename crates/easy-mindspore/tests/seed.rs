//! The seed chapter, cell by cell: the Rust example's displayed values must equal the outputs the
//! chapter shows (`fixtures/seed/autodiff_cells.json`), in order.

#[path = "../examples/autodiff.rs"]
mod chapter;

use easy_mindspore as ems;
use std::sync::Mutex;

/// The generator is process-global (as MindSpore's); tests that seed it take turns.
static RNG: Mutex<()> = Mutex::new(());

fn rng_lock() -> std::sync::MutexGuard<'static, ()> {
    RNG.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn expected_cells() -> Vec<(usize, Option<String>)> {
    let text = include_str!("../../../fixtures/seed/autodiff_cells.json");
    let doc: serde_json::Value = serde_json::from_str(text).expect("fixture is valid JSON");
    doc["cells"]
        .as_array()
        .expect("cells array")
        .iter()
        .map(|c| {
            let n = c["n"].as_u64().expect("cell number") as usize;
            (n, c["expected"].as_str().map(str::to_owned))
        })
        .collect()
}

#[test]
fn the_chapter_prints_what_the_notebook_shows() {
    let _rng = rng_lock();
    let got = chapter::cells().expect("every cell runs");
    let want = expected_cells();
    assert_eq!(got.len(), want.len(), "one entry per cell");
    for ((n, g), (m, w)) in got.iter().zip(&want) {
        assert_eq!(n, m);
        assert_eq!(g, w, "cell {n}");
    }
}

#[test]
fn the_chapter_prints_the_same_in_graph_mode() {
    let _rng = rng_lock();
    let got = chapter::cells_in(chapter::Mode::Graph).expect("every cell runs compiled");
    let want = expected_cells();
    assert_eq!(got.len(), want.len(), "one entry per cell");
    for ((n, g), (m, w)) in got.iter().zip(&want) {
        assert_eq!(n, m);
        assert_eq!(g, w, "cell {n} in graph mode");
    }
}

/// Cell 11 for many draws of both signs. `f` doubles `b = 2a` k times until |b| ≥ 1000, so for
/// a > 0, f(a) = 2^(k+1)·a and the gradient is exactly 2^(k+1) = d/a. For a < 0 the result is
/// 100·2^(k+1)·a: the gradient is exactly 100·2^(k+1), while d/a can be one float32 ulp away
/// because `100 * b` rounds (MindSpore prints False then, too).
#[test]
fn control_flow_gradient_for_both_signs() {
    let _rng = rng_lock();
    let grad_all = ems::GradOperation::new().get_all(true);
    let (mut pos, mut neg, mut neg_equal) = (0, 0, 0);
    for seed in 0..200u64 {
        ems::set_seed(seed);
        let a = ems::randn(&[], ems::DType::Float32).unwrap();
        let av = a.to_f64().unwrap() as f32;
        let d = chapter::f(&a).unwrap();
        let g = grad_all.apply(chapter::f)(&a).unwrap()[0].to_f64().unwrap() as f32;
        let ratio = (&d / &a).unwrap().to_f64().unwrap() as f32;
        let mut k = 0;
        while (2.0f32.powi(k + 1) * av).abs() < 1000.0 {
            k += 1;
        }
        let scale = 2.0f32.powi(k + 1);
        if av > 0.0 {
            pos += 1;
            assert_eq!(g, scale, "a = {av}");
            assert_eq!(ratio, g, "a = {av}");
        } else {
            neg += 1;
            assert_eq!(g, 100.0 * scale, "a = {av}");
            let ulp = f32::EPSILON * g.abs();
            assert!(
                (ratio - g).abs() <= ulp,
                "a = {av}: d/a = {ratio}, grad = {g}"
            );
            neg_equal += usize::from(ratio == g);
        }
    }
    assert!(
        pos > 50 && neg > 50,
        "both signs drawn: {pos} positive, {neg} negative"
    );
    assert!(neg_equal > neg / 2, "most negative draws print True");
}

/// The example's fixed seed draws a value whose last cell shows `True`.
#[test]
fn the_example_seed_shows_true() {
    let _rng = rng_lock();
    ems::set_seed(chapter::SEED);
    let a = ems::randn(&[], ems::DType::Float32).unwrap();
    let d = chapter::f(&a).unwrap();
    println!("seed {} draws a = {a}", chapter::SEED);
    let g = ems::grad(chapter::f)(&a).unwrap();
    assert!(g.equal((&d / &a).unwrap()).unwrap().to_bool().unwrap());
}
