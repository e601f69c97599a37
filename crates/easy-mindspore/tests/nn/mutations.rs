//! Byte mutations fed to every loader: valid checkpoint (`.ckpt`, safetensors), IDX (plain and
//! gzip) and MindIR files, truncated, bit-flipped, overwritten with boundary values, with bytes inserted or
//! removed and with header fields set to huge sizes, and raw bytes given to the tensor
//! constructors with arbitrary shapes. Each call must return an error or tensors that read back
//! whole — never panic — and finish within a bound.
//!
//! The run is short and fixed (seed 2026, 2,000 cases per loader, under a second) in a normal
//! `cargo test`; `EMS_FUZZ_CASES=100000` runs longer and `EMS_FUZZ_SEED` picks another sequence.
//! The coverage-guided version of the same entry points is the `fuzz/` directory (`cargo fuzz`).

use easy_mindspore as ems;
use ems::nn::checkpoint::{parse_checkpoint, save_tensors, Format};
use ems::nn::data::idx;
use ems::{DType, Tensor};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestRunner};
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// One call may take this long at most (debug build, busy machine).
const TIME_BOUND: Duration = Duration::from_secs(3);

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn runner(default_cases: u32) -> TestRunner {
    let cases = env_u64("EMS_FUZZ_CASES").map_or(default_cases, |n| n.min(u32::MAX as u64) as u32);
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(env_u64("EMS_FUZZ_SEED").unwrap_or(2026)),
        ..Config::default()
    })
}

/// An edit of a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Truncate(Index),
    Flip(Index, u8),
    Set(Index, u8),
    Insert(Index, Vec<u8>),
    Remove(Index, usize),
    /// A little-endian u64 (a safetensors header length) at a position.
    U64Le(Index, u64),
    /// A big-endian u32 (an IDX dim) at a position.
    U32Be(Index, u32),
    /// A varint (a protobuf length or dim) at a position.
    Varint(Index, u64),
}

fn boundary_u64() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0u64),
        Just(1),
        Just(u64::MAX),
        Just(u64::MAX / 2),
        Just(1 << 32),
        Just(1 << 31),
        Just(100_000_001),
        any::<u64>(),
        0u64..4096,
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![Just(0u8), Just(0xff), Just(0x7f), Just(0x80), any::<u8>()];
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<Index>(), byte).prop_map(|(i, b)| Mutation::Set(i, b)),
        (
            any::<Index>(),
            proptest::collection::vec(any::<u8>(), 1..16)
        )
            .prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<Index>(), 1usize..32).prop_map(|(i, n)| Mutation::Remove(i, n)),
        (any::<Index>(), boundary_u64()).prop_map(|(i, v)| Mutation::U64Le(i, v)),
        (any::<Index>(), boundary_u64()).prop_map(|(i, v)| Mutation::U32Be(i, v as u32)),
        (any::<Index>(), boundary_u64()).prop_map(|(i, v)| Mutation::Varint(i, v)),
    ]
}

fn varint(mut v: u64) -> Vec<u8> {
    let mut out = vec![];
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return out;
        }
        out.push(b | 0x80);
    }
}

fn overwrite(b: &mut [u8], at: usize, with: &[u8]) {
    for (k, &x) in with.iter().enumerate() {
        if let Some(slot) = b.get_mut(at + k) {
            *slot = x;
        }
    }
}

fn apply(mut b: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        let n = b.len().max(1);
        match m {
            Mutation::Truncate(i) => b.truncate(i.index(n)),
            Mutation::Flip(i, bit) => {
                if let Some(x) = b.get_mut(i.index(n)) {
                    *x ^= 1 << bit;
                }
            }
            Mutation::Set(i, v) => overwrite(&mut b, i.index(n), &[*v]),
            Mutation::Insert(i, v) => {
                let at = i.index(b.len() + 1);
                b.splice(at..at, v.iter().copied());
            }
            Mutation::Remove(i, k) => {
                let at = i.index(n).min(b.len());
                let end = (at + k).min(b.len());
                b.drain(at..end);
            }
            // Header fields sit near the start: aim there half of the time.
            Mutation::U64Le(i, v) => overwrite(&mut b, i.index(n) % 16, &v.to_le_bytes()),
            Mutation::U32Be(i, v) => overwrite(&mut b, i.index(n) % 24, &v.to_be_bytes()),
            Mutation::Varint(i, v) => overwrite(&mut b, i.index(n), &varint(*v)),
        }
    }
    b
}

/// A loaded tensor must be whole: its bytes are its shape's size, its dims at most 64.
fn read_back(t: &Tensor) -> Result<(), TestCaseError> {
    prop_assert!(t.ndim() <= ems::layout::MAX_NDIM);
    let bytes = t
        .to_le_bytes()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(bytes.len(), t.numel() * t.dtype().size_in_bytes());
    if t.numel() <= 4096 {
        let _ = t.to_string();
    }
    Ok(())
}

/// Runs a loader on `bytes`: no panic, bounded time, an error or whole tensors.
fn check(
    what: &str,
    bytes: &[u8],
    load: impl FnOnce(&[u8]) -> ems::Result<Vec<Tensor>>,
) -> Result<(), TestCaseError> {
    let t0 = Instant::now();
    let got = catch_unwind(AssertUnwindSafe(|| load(bytes)))
        .map_err(|_| TestCaseError::fail(format!("{what} panicked on {bytes:02x?}")))?;
    prop_assert!(
        t0.elapsed() < TIME_BOUND,
        "{} took {:?} on {} bytes",
        what,
        t0.elapsed(),
        bytes.len()
    );
    match got {
        Ok(ts) => ts.iter().try_for_each(read_back),
        Err(e) => {
            prop_assert!(!e.to_string().is_empty());
            Ok(())
        }
    }
}

fn seed_tensors() -> Vec<(String, Tensor)> {
    vec![
        (
            "a.weight".into(),
            Tensor::from_vec(vec![1.5f32, -0.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]).unwrap(),
        ),
        ("step".into(), Tensor::scalar(7i64)),
        ("mask".into(), Tensor::new([true, false]).unwrap()),
        (
            "b".into(),
            Tensor::from_vec(vec![0.25f64], &[1, 1]).unwrap(),
        ),
    ]
}

fn file_bytes(format: Format, name: &str) -> Vec<u8> {
    let dir = std::env::temp_dir().join(format!("ems_nn_mut_{name}_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    save_tensors(&seed_tensors(), &p, format).unwrap();
    let b = std::fs::read(&p).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    b
}

fn idx_bytes() -> Vec<u8> {
    let mut v = vec![0, 0, 0x0B, 2];
    for d in [2u32, 3] {
        v.extend_from_slice(&d.to_be_bytes());
    }
    v.extend((0..12u8).map(|i| i * 17));
    v
}

fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn names_dropped(r: ems::Result<Vec<(String, Tensor)>>) -> ems::Result<Vec<Tensor>> {
    r.map(|v| v.into_iter().map(|(_, t)| t).collect())
}

/// Mutations of `seed` through `load`.
fn mutate_and_load(what: &str, seed: Vec<u8>, load: impl Fn(&[u8]) -> ems::Result<Vec<Tensor>>) {
    // The seed itself loads.
    assert!(load(&seed).is_ok(), "{what}: the seed loads");
    let strategy = proptest::collection::vec(mutation(), 1..6);
    runner(2000)
        .run(&strategy, |muts| {
            let bytes = apply(seed.clone(), &muts);
            check(what, &bytes, &load)
        })
        .unwrap();
}

#[test]
fn mutated_ckpt_files_never_panic() {
    mutate_and_load("ckpt", file_bytes(Format::Ckpt, "m.ckpt"), |b| {
        names_dropped(parse_checkpoint(b, "m.ckpt"))
    });
}

#[test]
fn mutated_safetensors_files_never_panic() {
    let seed = file_bytes(Format::SafeTensors, "m.safetensors");
    mutate_and_load("safetensors", seed.clone(), |b| {
        names_dropped(parse_checkpoint(b, "m.safetensors"))
    });
    // With no extension the format is guessed from the content: the same guarantees.
    mutate_and_load("guessed", seed, |b| names_dropped(parse_checkpoint(b, "m")));
}

#[test]
fn mutated_idx_files_never_panic() {
    mutate_and_load("idx", idx_bytes(), |b| {
        idx::parse_idx(b, "m.idx").map(|t| vec![t])
    });
    mutate_and_load("idx.gz", gzip(&idx_bytes()), |b| {
        idx::parse_idx(b, "m.idx.gz").map(|t| vec![t])
    });
}

/// The tensors of a MindIR model: its parameters and tensor constants.
fn mindir_tensors(m: ems::nn::mindir::Model) -> Vec<Tensor> {
    use ems::nn::mindir::Value;
    fn walk(v: &Value, out: &mut Vec<Tensor>) {
        match v {
            Value::Tensor(t) => out.push(t.clone()),
            Value::Seq(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out: Vec<Tensor> = m.params.into_iter().map(|p| p.value).collect();
    for g in std::iter::once(&m.graph).chain(&m.functions) {
        g.constants.iter().for_each(|(_, v)| walk(v, &mut out));
    }
    out
}

#[test]
fn mutated_mindir_files_never_panic() {
    let w = ems::Var::new(Tensor::from_vec(vec![0.5f32, -1.0, 2.0, 0.25], &[2, 2]).unwrap());
    let wf = w.clone();
    let x = Tensor::from_vec(vec![1.0f32, 2.0], &[1, 2]).unwrap();
    let seed = ems::nn::mindir::export(
        move |xs: &[Tensor]| Ok(vec![ems::relu(&(&xs[0].matmul(&wf.get())? * 2.0)?)?]),
        &[x],
        &[("w".to_string(), w)],
    )
    .unwrap();
    mutate_and_load("mindir", seed, |b| {
        ems::nn::mindir::read(b).map(mindir_tensors)
    });
}

fn dim() -> impl Strategy<Value = usize> {
    prop_oneof![
        0usize..5,
        Just(usize::MAX),
        Just(1 << 32),
        Just(1 << 62),
        Just(isize::MAX as usize),
    ]
}

#[test]
fn tensors_from_raw_bytes_never_panic() {
    let dtypes = [
        DType::Bool,
        DType::Int32,
        DType::Int64,
        DType::Float32,
        DType::Float64,
    ];
    let strategy = (
        0..dtypes.len(),
        proptest::collection::vec(dim(), 0..6),
        proptest::collection::vec(any::<u8>(), 0..96),
        any::<bool>(),
    );
    runner(4000)
        .run(&strategy, |(d, shape, bytes, little)| {
            check("from_bytes", &bytes, |b| {
                let t = if little {
                    Tensor::from_le_bytes(b, dtypes[d], &shape)
                } else {
                    Tensor::from_ne_bytes(b, dtypes[d], &shape)
                };
                t.map(|t| vec![t])
            })
        })
        .unwrap();
}
