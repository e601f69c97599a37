//! Dataset shuffling and batching (deterministic per seed and epoch), the IDX reader on files
//! this test writes byte by byte (plain and gzip), its errors, and the bundled digits.

use easy_mindspore as ems;
use ems::nn::data::{digits, idx, permutation, Dataset};
use ems::Tensor;
use std::io::Write;

fn dataset(n: usize) -> Dataset {
    let x = ems::arange_dtype(0.into(), (n as i64).into(), 1.into(), ems::DType::Float64)
        .unwrap()
        .reshape(&[n as i64, 1])
        .unwrap();
    let y = ems::arange(0, n as i32, 1).unwrap();
    Dataset::new(vec![x, y]).unwrap()
}

fn order_of(ds: &Dataset, epoch: u64) -> Vec<i32> {
    ds.epoch(epoch)
        .flat_map(|b| b.unwrap()[1].to_vec::<i32>())
        .collect()
}

#[test]
fn shuffling_is_a_reproducible_permutation_per_seed_and_epoch() {
    let ds = dataset(103).shuffle(5).batch(10, false).unwrap();
    let (a, b) = (order_of(&ds, 0), order_of(&ds, 0));
    assert_eq!(a, b);
    let mut sorted = a.clone();
    sorted.sort();
    assert_eq!(sorted, (0..103).collect::<Vec<_>>());
    assert_ne!(a, order_of(&ds, 1), "each epoch reshuffles");
    assert_ne!(
        a,
        order_of(&dataset(103).shuffle(6).batch(10, false).unwrap(), 0)
    );
    assert_eq!(
        order_of(&dataset(7), 3),
        (0..7).collect::<Vec<_>>(),
        "no shuffle: in order"
    );
    // Rows stay paired across columns.
    for b in ds.epoch(2) {
        let b = b.unwrap();
        assert_eq!(
            b[0].to_vec::<f64>(),
            b[1].to_vec::<i32>()
                .iter()
                .map(|&v| f64::from(v))
                .collect::<Vec<_>>()
        );
    }
    // Uniformity, roughly: each position of a 4-permutation takes each value ~1/4 of the time.
    let mut counts = [[0usize; 4]; 4];
    for e in 0..4000 {
        for (pos, &v) in permutation(4, 9, e).iter().enumerate() {
            counts[pos][v] += 1;
        }
    }
    assert!(
        counts.iter().flatten().all(|&c| (800..1200).contains(&c)),
        "{counts:?}"
    );
}

#[test]
fn batching_and_drop_remainder() {
    let ds = dataset(10).batch(4, false).unwrap();
    let sizes: Vec<usize> = ds.epoch(0).map(|b| b.unwrap()[0].dims()[0]).collect();
    assert_eq!((sizes, ds.num_batches()), (vec![4, 4, 2], 3));
    let ds = dataset(10).batch(4, true).unwrap();
    let sizes: Vec<usize> = ds.epoch(0).map(|b| b.unwrap()[0].dims()[0]).collect();
    assert_eq!((sizes, ds.num_batches()), (vec![4, 4], 2));
    assert!(dataset(3).batch(0, false).is_err());
    let e = Dataset::new(vec![
        ems::ones(&[3], ems::DType::Float32).unwrap(),
        ems::ones(&[4], ems::DType::Float32).unwrap(),
    ])
    .unwrap_err()
    .to_string();
    assert!(e.contains("column 1") && e.contains("3 samples"), "{e}");
    assert!(Dataset::new(vec![]).is_err());
}

#[test]
fn split_is_seeded_and_disjoint() {
    let ds = dataset(50);
    let (a, b) = ds.split(0.8, 3).unwrap();
    assert_eq!((a.len(), b.len()), (40, 10));
    let mut all: Vec<i32> = a.columns()[1].to_vec::<i32>();
    all.extend(b.columns()[1].to_vec::<i32>());
    all.sort();
    assert_eq!(all, (0..50).collect::<Vec<_>>());
    assert_eq!(
        ds.split(0.8, 3).unwrap().1.columns()[1].to_vec::<i32>(),
        b.columns()[1].to_vec::<i32>()
    );
    assert!(ds.split(1.5, 0).is_err());
    assert!(ds.select(&[50]).is_err());
}

/// IDX bytes: header, big-endian dims, then `data`.
fn idx_bytes(ty: u8, dims: &[u32], data: &[u8]) -> Vec<u8> {
    let mut v = vec![0, 0, ty, dims.len() as u8];
    for d in dims {
        v.extend_from_slice(&d.to_be_bytes());
    }
    v.extend_from_slice(data);
    v
}

fn gzip(b: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(b).unwrap();
    e.finish().unwrap()
}

fn tmpdir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ems_nn_{name}_{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn idx_files_of_every_type_plain_and_gzip() {
    let dir = tmpdir("idx");
    let u8s = idx_bytes(
        0x08,
        &[2, 2, 3],
        &[0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255],
    );
    let i8s = idx_bytes(0x09, &[3], &[0xff, 0x80, 0x7f]);
    let i16s = idx_bytes(0x0B, &[2], &[0xff, 0xfe, 0x01, 0x00]);
    let i32s = idx_bytes(0x0C, &[2], &[0x80, 0, 0, 0, 0, 0, 1, 0]);
    let f32s = idx_bytes(
        0x0D,
        &[2],
        &[&1.5f32.to_be_bytes()[..], &(-0.25f32).to_be_bytes()].concat(),
    );
    let f64s = idx_bytes(0x0E, &[1, 1], &std::f64::consts::PI.to_be_bytes());
    std::fs::write(dir.join("u8"), &u8s).unwrap();
    std::fs::write(dir.join("u8.gz"), gzip(&u8s)).unwrap();
    for name in ["u8", "u8.gz"] {
        let t = idx::read_idx(dir.join(name)).unwrap();
        assert_eq!(t.shape(), vec![2, 2, 3]);
        assert_eq!(
            t.to_vec::<i32>(),
            vec![0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255]
        );
    }
    assert_eq!(
        idx::parse_idx(&i8s, "i8").unwrap().to_vec::<i32>(),
        vec![-1, -128, 127]
    );
    assert_eq!(
        idx::parse_idx(&i16s, "i16").unwrap().to_vec::<i32>(),
        vec![-2, 256]
    );
    assert_eq!(
        idx::parse_idx(&i32s, "i32").unwrap().to_vec::<i32>(),
        vec![i32::MIN, 256]
    );
    assert_eq!(
        idx::parse_idx(&f32s, "f32").unwrap().to_vec::<f32>(),
        vec![1.5, -0.25]
    );
    let f = idx::parse_idx(&gzip(&f64s), "f64").unwrap();
    assert_eq!(
        (f.dtype(), f.to_vec::<f64>()),
        (ems::DType::Float64, vec![std::f64::consts::PI])
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn idx_errors_are_clear() {
    let good = idx_bytes(0x08, &[2, 3], &[1, 2, 3, 4, 5, 6]);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (good[..3].to_vec(), "truncated header"),
        (good[..9].to_vec(), "truncated dimension sizes"),
        (good[..15].to_vec(), "truncated data"),
        ([&good[..], &[7]].concat(), "trailing bytes"),
        ([&[1u8, 0], &good[2..]].concat(), "not an IDX file"),
        (idx_bytes(0x07, &[1], &[0]), "unknown IDX element type 0x07"),
        (
            idx_bytes(0x0E, &[u32::MAX, u32::MAX, u32::MAX], &[]),
            "is too large",
        ),
        // A header promising 4 GiB that is not there: an error, without allocating it first.
        (idx_bytes(0x08, &[65536, 65536], &[1, 2]), "truncated data"),
        (gzip(&good)[..20].to_vec(), "read_idx"),
    ];
    for (bytes, needle) in cases {
        let e = idx::parse_idx(&bytes, "case.idx").unwrap_err().to_string();
        assert!(
            e.contains(needle) && e.contains("case.idx"),
            "{needle}: {e}"
        );
    }
    // Every truncation of a gzip file is an error, never a panic.
    let gz = gzip(&good);
    for n in 0..gz.len() {
        assert!(
            idx::parse_idx(&gz[..n], "gz").is_err(),
            "prefix of {n} bytes"
        );
    }
    assert!(idx::read_idx("/nonexistent/file")
        .unwrap_err()
        .to_string()
        .contains("cannot read"));
}

#[test]
fn mnist_directory_layout() {
    let dir = tmpdir("mnist");
    let images = idx_bytes(0x08, &[3, 28, 28], &vec![7u8; 3 * 28 * 28]);
    let labels = idx_bytes(0x08, &[3], &[4, 1, 9]);
    std::fs::write(dir.join("t10k-images-idx3-ubyte.gz"), gzip(&images)).unwrap();
    std::fs::write(dir.join("t10k-labels-idx1-ubyte"), &labels).unwrap();
    let (x, y) = idx::load_mnist(&dir, "test").unwrap();
    assert_eq!(
        (x.shape(), y.to_vec::<i32>()),
        (vec![3, 28, 28], vec![4, 1, 9])
    );
    let e = idx::load_mnist(&dir, "train").unwrap_err().to_string();
    assert!(e.contains("train-images-idx3-ubyte"), "{e}");
    assert!(idx::load_mnist(&dir, "valid").is_err());
    std::fs::write(
        dir.join("t10k-labels-idx1-ubyte"),
        idx_bytes(0x08, &[2], &[4, 1]),
    )
    .unwrap();
    assert!(idx::load_mnist(&dir, "test")
        .unwrap_err()
        .to_string()
        .contains("do not pair up"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_bundled_digits() {
    let d = digits::load_digits(digits::DIGITS_PATH).unwrap();
    assert_eq!(
        (d.images.shape(), d.labels.shape()),
        (vec![1797, 8, 8], vec![1797])
    );
    let px = d.images.to_vec::<f32>();
    assert!(px.iter().all(|&v| (0.0..=16.0).contains(&v)));
    // The first image is a zero (scikit-learn's digits.images[0]).
    assert_eq!(&px[..8], &[0.0, 0.0, 5.0, 13.0, 9.0, 1.0, 0.0, 0.0]);
    let mut counts = [0; 10];
    for l in d.labels.to_vec::<i32>() {
        counts[l as usize] += 1;
    }
    assert_eq!(counts, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    let dir = tmpdir("digits");
    std::fs::write(dir.join("bad.csv"), "1,2,3\n").unwrap();
    assert!(digits::load_digits(dir.join("bad.csv"))
        .unwrap_err()
        .to_string()
        .contains("expected 65 fields"));
    std::fs::remove_dir_all(&dir).ok();
    let _ = Tensor::scalar(0i32);
}

#[test]
fn digits_gzip_bombs_and_trailing_garbage_are_refused() {
    let dir = tmpdir("digits_bad");
    let row = format!("{}0\n", "1,".repeat(64));
    // 65 MiB of blank lines compress to some 65 KB: stopped after 64 MiB, not read whole.
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    bomb.write_all(row.as_bytes()).unwrap();
    let blank = vec![b'\n'; 1 << 20];
    for _ in 0..65 {
        bomb.write_all(&blank).unwrap();
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bomb.csv.gz",
            bomb.finish().unwrap(),
            "larger than 67108864 bytes",
        ),
        (
            "garbage.csv.gz",
            [gzip(row.as_bytes()), b"junk".to_vec()].concat(),
            "4 trailing bytes after the gzip stream",
        ),
        (
            "cut.csv.gz",
            gzip(row.as_bytes())[..20].to_vec(),
            "corrupt gzip stream",
        ),
    ];
    for (name, bytes, needle) in cases {
        std::fs::write(dir.join(name), bytes).unwrap();
        let t0 = std::time::Instant::now();
        let e = digits::load_digits(dir.join(name)).unwrap_err().to_string();
        assert!(e.contains(needle) && e.contains(name), "{name}: {e}");
        assert!(t0.elapsed() < std::time::Duration::from_secs(10), "{name}");
    }
    std::fs::write(dir.join("ok.csv.gz"), gzip(row.as_bytes())).unwrap();
    let d = digits::load_digits(dir.join("ok.csv.gz")).unwrap();
    assert_eq!(d.labels.to_vec::<i32>(), vec![0]);
    std::fs::remove_dir_all(&dir).ok();
}
