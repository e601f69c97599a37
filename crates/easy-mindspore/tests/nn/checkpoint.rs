//! Checkpoints: bit-exact round trips in both formats (NaN payloads, −0, every dtype, 0-D and
//! empty tensors), MindSpore `.ckpt` bytes assembled here from the published `checkpoint.proto`
//! (independently of our writer), atomic writes, and corrupt or truncated files of each format
//! giving clear errors — never a panic, never a half-loaded network.

use super::helpers::*;
use easy_mindspore as ems;
use ems::nn::checkpoint::{
    check_crc, parse_checkpoint, save_entries_crc, save_tensors, Entry, Format,
};
use ems::nn::{self, Cell};
use ems::Tensor;

fn tmp(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("ems_nn_ckpt_{name}_{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Tensors whose bits must survive: NaN with a payload, −0, infinities, subnormals, all dtypes.
fn zoo() -> Vec<(String, Tensor)> {
    let nan = f32::from_bits(0x7fc0_1234);
    vec![
        (
            "a.weight".into(),
            Tensor::from_vec(vec![nan, -0.0, f32::INFINITY, 1e-45, -3.5, 7.0], &[2, 3]).unwrap(),
        ),
        (
            "a.bias".into(),
            Tensor::from_vec(
                vec![
                    f64::from_bits(0x7ff8_0000_0000_0042),
                    f64::MIN_POSITIVE / 4.0,
                ],
                &[2],
            )
            .unwrap(),
        ),
        ("steps".into(), Tensor::scalar(7i64)),
        ("scale".into(), Tensor::scalar(0.5f32)),
        (
            "ids".into(),
            Tensor::from_vec(vec![i32::MIN, -1, 0, i32::MAX], &[2, 2, 1]).unwrap(),
        ),
        ("mask".into(), Tensor::new([true, false, true]).unwrap()),
        // The storage dtypes: a Float16 NaN payload, subnormal and −0; BFloat16; every integer
        // width at its extremes.
        (
            "h".into(),
            Tensor::from_vec(
                [0x7e05u16, 0x0001, 0x8000, 0x7bff]
                    .map(half::f16::from_bits)
                    .to_vec(),
                &[2, 2],
            )
            .unwrap(),
        ),
        (
            "bf".into(),
            Tensor::from_slice(&[0x7fc1u16, 0x3fc0, 0xff80].map(half::bf16::from_bits)),
        ),
        ("i8".into(), Tensor::from_slice(&[i8::MIN, -1, i8::MAX])),
        ("i16".into(), Tensor::from_slice(&[i16::MIN, i16::MAX])),
        ("u8".into(), Tensor::from_slice(&[0u8, 200, u8::MAX])),
        ("u16".into(), Tensor::scalar(u16::MAX)),
        ("u32".into(), Tensor::from_slice(&[u32::MAX, 1])),
        ("u64".into(), Tensor::from_slice(&[u64::MAX, 1 << 63, 0])),
        (
            "empty".into(),
            Tensor::from_vec(Vec::<f32>::new(), &[0, 3]).unwrap(),
        ),
        ("ünïcode \"name\"".into(), Tensor::new([1.0f32]).unwrap()),
    ]
}

fn bits(t: &Tensor) -> (Vec<usize>, ems::DType, Vec<u64>) {
    // The little-endian bytes, one element per u64.
    let size = t.dtype().size_in_bytes();
    let b = t
        .to_le_bytes()
        .unwrap()
        .chunks_exact(size)
        .map(|c| {
            let mut w = [0u8; 8];
            w[..size].copy_from_slice(c);
            u64::from_le_bytes(w)
        })
        .collect();
    (t.shape(), t.dtype(), b)
}

#[test]
fn round_trips_are_bit_exact_in_both_formats() {
    let dir = tmp("roundtrip");
    for (file, format) in [
        ("m.ckpt", Format::Ckpt),
        ("m.safetensors", Format::SafeTensors),
    ] {
        let path = dir.join(file);
        save_tensors(&zoo(), &path, format).unwrap();
        let mut back = nn::load_checkpoint(&path).unwrap();
        let mut want = zoo();
        if format == Format::SafeTensors {
            // Safetensors files hold tensors by dtype alignment, then by name.
            back.sort_by(|a, b| a.0.cmp(&b.0));
            want.sort_by(|a, b| a.0.cmp(&b.0));
        }
        assert_eq!(back.len(), want.len());
        for ((n, t), (m, u)) in want.iter().zip(&back) {
            assert_eq!(n, m);
            assert_eq!(bits(t), bits(u), "{file}: {n}");
        }
        // Writing again replaces the file and leaves no temporary file behind.
        save_tensors(&zoo()[..2], &path, format).unwrap();
        assert_eq!(nn::load_checkpoint(&path).unwrap().len(), 2);
    }
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(save_tensors(
        &[zoo()[0].clone(), zoo()[0].clone()],
        dir.join("d.ckpt"),
        Format::Ckpt
    )
    .is_err());
    assert!(
        save_tensors(&zoo(), dir.join("no/such/dir/x.ckpt"), Format::Ckpt)
            .unwrap_err()
            .to_string()
            .contains("cannot create")
    );
    std::fs::remove_dir_all(&dir).ok();
}

fn varint(mut v: u64, out: &mut Vec<u8>) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            break;
        }
        out.push(b | 0x80);
    }
}

fn field(num: u64, payload: &[u8], out: &mut Vec<u8>) {
    varint(num << 3 | 2, out);
    varint(payload.len() as u64, out);
    out.extend_from_slice(payload);
}

/// One `Checkpoint.Value` from checkpoint.proto; `packed` writes dims as a packed field.
fn value(tag: &str, dims: &[u64], ty: &str, content: &[u8], packed: bool) -> Vec<u8> {
    let mut tensor = vec![];
    if packed {
        let mut p = vec![];
        for &d in dims {
            varint(d, &mut p);
        }
        field(1, &p, &mut tensor);
    } else {
        for &d in dims {
            varint(1 << 3, &mut tensor);
            varint(d, &mut tensor);
        }
    }
    field(2, ty.as_bytes(), &mut tensor);
    field(3, content, &mut tensor);
    let mut v = vec![];
    field(1, tag.as_bytes(), &mut v);
    field(2, &tensor, &mut v);
    let mut out = vec![];
    field(1, &v, &mut out);
    out
}

#[test]
fn a_crc_round_trips_and_catches_every_flipped_bit_of_the_data() {
    let dir = tmp("crc");
    let entries: Vec<(String, Entry)> = zoo()
        .into_iter()
        .map(|(n, t)| (n, Entry::Tensor(t)))
        .collect();
    for (file, format) in [
        ("c.ckpt", Format::Ckpt),
        ("c.safetensors", Format::SafeTensors),
    ] {
        let path = dir.join(file);
        let what = path.display().to_string();
        save_entries_crc(&entries, &path, format, false).unwrap();
        let plain = std::fs::read(&path).unwrap();
        assert!(
            !check_crc(&plain, &what).unwrap(),
            "{file}: no CRC without crc"
        );
        save_entries_crc(&entries, &path, format, true).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(check_crc(&bytes, &what).unwrap(), "{file}");
        // The CRC does not change what loads.
        let back = parse_checkpoint(&bytes, &what).unwrap();
        assert_eq!(back.len(), zoo().len());
        // A flipped bit in the last tensor's data fails the check, with MindSpore's words.
        let mut bad = bytes.clone();
        let at = if format == Format::Ckpt {
            bad.len() - 18
        } else {
            bad.len() - 1
        };
        bad[at] ^= 0x10;
        let err = check_crc(&bad, &what).unwrap_err().to_string();
        assert!(err.contains("crc check is failed"), "{file}: {err}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mindspore_ckpt_bytes_from_the_published_proto() {
    let w: Vec<u8> = [1.0f32, -2.0, 3.5, 0.25, 8.0, -0.5]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let half: Vec<u8> = [0x3c00u16, 0xc000, 0x0001, 0x7c00]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let mut file = value("fc.weight", &[2, 3], "Float32", &w, false);
    file.extend(value("fc.bias", &[2], "Float16", &half[..4], true));
    file.extend(value("h", &[2], "Float16", &half[4..], false)); // a second param
    file.extend(value("step", &[0], "Int32", &9i32.to_le_bytes(), false)); // 0-D as MindSpore writes it
    file.extend(value("big", &[4], "UInt8", &[1, 2], false)); // sliced: two values, one tag
    file.extend(value("big", &[4], "UInt8", &[3, 255], false));
    let got = parse_checkpoint(&file, "handmade.ckpt").unwrap();
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["fc.weight", "fc.bias", "h", "step", "big"]);
    assert_eq!(
        (got[0].1.shape(), got[0].1.to_vec::<f32>()),
        (vec![2, 3], vec![1.0, -2.0, 3.5, 0.25, 8.0, -0.5])
    );
    // The narrow dtypes load as themselves.
    assert_eq!(got[1].1.dtype(), ems::DType::Float16);
    assert_eq!(got[4].1.dtype(), ems::DType::UInt8);
    assert_eq!(got[1].1.to_vec::<f32>(), vec![1.0, -2.0]);
    assert_eq!(
        got[2].1.to_vec::<f32>(),
        vec![2f32.powi(-24), f32::INFINITY]
    );
    assert_eq!(
        (got[3].1.shape(), got[3].1.to_vec::<i32>()),
        (vec![], vec![9])
    );
    assert_eq!(got[4].1.to_vec::<i32>(), vec![1, 2, 3, 255]);
    // Our writer produces exactly these bytes for the same tensors.
    let ours = {
        let dir = tmp("bytes");
        let p = dir.join("w.ckpt");
        save_tensors(
            &[
                ("fc.weight".into(), got[0].1.clone()),
                ("step".into(), got[3].1.clone()),
            ],
            &p,
            Format::Ckpt,
        )
        .unwrap();
        let b = std::fs::read(&p).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        b
    };
    let mut want = value("fc.weight", &[2, 3], "Float32", &w, false);
    want.extend(value("step", &[0], "Int32", &9i32.to_le_bytes(), false));
    assert_eq!(ours, want);
}

/// UTF-32LE, NumPy's `U` dtype (what MindSpore writes for an `append_dict` string).
fn utf32(s: &str) -> Vec<u8> {
    s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
}

#[test]
fn ckpt_string_entries_load_and_save_as_mindspore_writes_them() {
    use ems::nn::checkpoint::{parse_checkpoint_entries, save_entries, Entry};
    let w: Vec<u8> = [0.5f32, -1.0]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let mut file = value("w", &[2], "Float32", &w, false);
    file.extend(value("tag", &[0], "str", &utf32("héllo ✓"), false));
    file.extend(value("empty", &[0], "str", &[0; 4], false)); // "" is one NUL in NumPy's U1
    file.extend(value("step", &[0], "Int64", &7i64.to_le_bytes(), false));
    let got = parse_checkpoint_entries(&file, "s.ckpt").unwrap();
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["w", "tag", "empty", "step"]);
    assert!(matches!(&got[1].1, Entry::Str(s) if s == "héllo ✓"));
    assert!(matches!(&got[2].1, Entry::Str(s) if s.is_empty()));
    assert!(matches!(&got[3].1, Entry::Tensor(t) if t.to_vec::<i64>() == [7]));
    // The tensors alone (what `load_checkpoint` gives) leave the strings out.
    let tensors = parse_checkpoint(&file, "s.ckpt").unwrap();
    assert_eq!(
        tensors.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        ["w", "step"]
    );
    // Our writer produces MindSpore's bytes for the strings.
    let dir = tmp("strings");
    let p = dir.join("s.ckpt");
    save_entries(&got[..3], &p, Format::Ckpt).unwrap();
    let mut want = value("w", &[2], "Float32", &w, false);
    want.extend(value("tag", &[0], "str", &utf32("héllo ✓"), false));
    want.extend(value("empty", &[0], "str", &[0; 4], false));
    assert_eq!(std::fs::read(&p).unwrap(), want);
    // Strings cannot go into safetensors; a string that is not UTF-32 is refused by name.
    let e = save_entries(&got[..2], dir.join("s.safetensors"), Format::SafeTensors).unwrap_err();
    assert!(e.to_string().contains("'tag' is a string"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
    for (content, msg) in [
        (vec![0x68, 0, 0], "not a multiple of 4"),
        (vec![0, 0xd8, 0, 0], "not a Unicode scalar value"),
    ] {
        let bad = value("s", &[0], "str", &content, false);
        let e = parse_checkpoint_entries(&bad, "bad.ckpt").unwrap_err();
        assert!(e.to_string().contains(msg), "{e}");
    }
}

#[test]
fn corrupt_ckpt_files_give_clear_errors() {
    let good = value("w", &[2], "Float32", &[0u8; 8], false);
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (vec![], "holds no tensors"),
        (
            value("w", &[3], "Float32", &[0u8; 8], false),
            "needs 12 bytes",
        ),
        (
            value("w", &[2], "Complex32", &[0u8; 8], false),
            "unsupported tensor_type \"Complex32\"",
        ),
        (
            [
                &good[..],
                &value("x", &[1], "Int64", &[0u8; 8], false),
                &good[..],
            ]
            .concat(),
            "appears twice",
        ),
        // Consecutive values with one tag are slices of one tensor (MindSpore): sizes must add up.
        (
            [&good[..], &good[..]].concat(),
            "needs 8 bytes, but 16 are stored",
        ),
        (
            vec![
                0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f,
            ],
            "varint overflow",
        ),
        (vec![0x0a, 0x05, 0x0a], "runs past the end"),
        (vec![0x0b], "unsupported wire type 3"),
        (
            b"just some text that is not a checkpoint".to_vec(),
            "invalid MindSpore checkpoint",
        ),
    ];
    for (bytes, needle) in cases {
        let e = parse_checkpoint(&bytes, "bad.ckpt")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(needle) && e.contains("bad.ckpt"),
            "{needle}: {e}"
        );
    }
}

#[test]
fn hostile_ckpt_lengths_and_fields_are_refused_without_allocating() {
    // A length field claiming a terabyte in a 13-byte file: refused before any allocation.
    let mut huge = vec![];
    varint(1 << 3 | 2, &mut huge);
    varint(1 << 40, &mut huge);
    huge.extend_from_slice(b"tail");
    // The same claim inside a tensor's content.
    let mut inner = vec![];
    field(1, b"w", &mut inner);
    let mut tensor = vec![];
    field(2, b"Float32", &mut tensor);
    varint(3 << 3 | 2, &mut tensor);
    varint(u64::MAX >> 1, &mut tensor);
    field(2, &tensor, &mut inner);
    let mut deep = vec![];
    field(1, &inner, &mut deep);
    // A map tensor (MindSpore's MapTensorProto), refused by name.
    let mut map = vec![];
    field(1, b"m", &mut map);
    field(3, &[], &mut map);
    let mut map_file = vec![];
    field(1, &map, &mut map_file);
    for (bytes, needle) in [
        (huge, "runs past the end"),
        (deep, "runs past the end"),
        (map_file, "map tensor"),
    ] {
        let e = parse_checkpoint(&bytes, "bad.ckpt")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(needle) && e.contains("bad.ckpt"),
            "{needle}: {e}"
        );
    }
    // Fields a later checkpoint.proto may add (here field 5 at the top and field 9 in a tensor)
    // are skipped, as protobuf readers do.
    let w: Vec<u8> = [2.5f32, -1.0]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let mut file = vec![];
    varint(5 << 3, &mut file);
    varint(7, &mut file);
    let mut v = value("w", &[2], "Float32", &w, false);
    // Inside the tensor: append field 9 (varint) to the innermost message, fixing the lengths.
    let mut tensor = vec![];
    varint(1 << 3, &mut tensor);
    varint(2, &mut tensor);
    field(2, b"Float32", &mut tensor);
    field(3, &w, &mut tensor);
    varint(9 << 3, &mut tensor);
    varint(1, &mut tensor);
    let mut inner = vec![];
    field(1, b"u", &mut inner);
    field(2, &tensor, &mut inner);
    field(1, &inner, &mut v);
    file.extend(v);
    let got = parse_checkpoint(&file, "extra.ckpt").unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1.to_vec::<f32>(), vec![2.5, -1.0]);
    assert_eq!(got[1].1.to_vec::<f32>(), vec![2.5, -1.0]);
}

#[test]
fn every_truncation_is_an_error_or_a_strict_prefix() {
    let dir = tmp("trunc");
    for (file, format) in [
        ("t.ckpt", Format::Ckpt),
        ("t.safetensors", Format::SafeTensors),
    ] {
        let path = dir.join(file);
        save_tensors(&zoo(), &path, format).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        for n in 0..bytes.len() {
            match parse_checkpoint(&bytes[..n], file) {
                Err(e) => assert!(e.to_string().contains(file), "{e}"),
                // Protobuf has no end marker: a cut between two values is a shorter, valid file
                // holding the first tensors exactly. Safetensors never parses when cut.
                Ok(prefix) => {
                    assert_eq!(format, Format::Ckpt, "{file} cut at {n} parsed");
                    assert!(prefix.len() < zoo().len());
                    for ((a, t), (b, u)) in prefix.iter().zip(zoo().iter()) {
                        assert_eq!((a, bits(t)), (b, bits(u)));
                    }
                }
            }
        }
        // A flipped byte anywhere never panics.
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x5a;
            let _ = parse_checkpoint(&b, file);
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn corrupt_safetensors_files_give_clear_errors() {
    let header = |h: &str, data: usize| {
        let mut v = (h.len() as u64).to_le_bytes().to_vec();
        v.extend_from_slice(h.as_bytes());
        v.extend(vec![0u8; data]);
        v
    };
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (vec![1, 2, 3], "no header length"),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}",
                8,
            )[..20]
                .to_vec(),
            "does not fit",
        ),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}",
                4,
            ),
            "data_offsets",
        ),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
                8,
            ),
            "a hole or an overlap",
        ),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                8,
            ),
            "truncated or padded",
        ),
        (
            header(
                "{\"a\":{\"dtype\":\"Q8\",\"shape\":[1],\"data_offsets\":[0,1]}}",
                1,
            ),
            "unsupported dtype \"Q8\"",
        ),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},",
                4,
            ),
            "invalid safetensors",
        ),
        (header("{\"a\":{},\"a\":{}}", 0), "duplicate key \"a\""),
        (header("[1]", 0), "expected a JSON object"),
        (
            header(
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}",
                4,
            ),
            "integer `-1`",
        ),
    ];
    for (bytes, needle) in cases {
        let e = parse_checkpoint(&bytes, "bad.safetensors")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains(needle) && e.contains("bad.safetensors"),
            "{needle}: {e}"
        );
    }
    // Metadata is allowed; bf16 loads as BFloat16.
    let ok = header("{\"__metadata__\":{\"format\":\"pt\"},\"b\":{\"dtype\":\"BF16\",\"shape\":[],\"data_offsets\":[0,2]}}", 0);
    let mut ok = ok;
    ok.extend_from_slice(&0x3fc0u16.to_le_bytes());
    let got = parse_checkpoint(&ok, "ok").unwrap();
    assert_eq!(got[0].1.dtype(), ems::DType::BFloat16);
    assert_eq!(
        (got[0].1.shape(), got[0].1.to_vec::<f32>()),
        (vec![], vec![1.5])
    );
}

#[test]
fn load_param_into_net_is_all_or_nothing() {
    let _g = seeded(1);
    let make = || {
        nn::SequentialCell::new()
            .with(nn::Dense::new(3, 4).unwrap())
            .with(nn::ReLU::new())
            .with(nn::BatchNorm1d::new(4).unwrap())
            .with(nn::Dense::new(4, 2).unwrap())
    };
    let (a, b) = (make(), make());
    let dir = tmp("load");
    for file in ["n.ckpt", "n.safetensors"] {
        let path = dir.join(file);
        nn::save_checkpoint(&a, &path).unwrap();
        let dict = nn::load_checkpoint(&path).unwrap();
        let names: Vec<&str> = dict.iter().map(|(n, _)| n.as_str()).collect();
        let want = if file.ends_with(".ckpt") {
            // MindSpore's order: the cell's.
            [
                "0.weight",
                "0.bias",
                "2.moving_mean",
                "2.moving_variance",
                "2.gamma",
                "2.beta",
                "3.weight",
                "3.bias",
            ]
        } else {
            // The safetensors writers' order (MindSpore's too): by name, all being Float32.
            [
                "0.bias",
                "0.weight",
                "2.beta",
                "2.gamma",
                "2.moving_mean",
                "2.moving_variance",
                "3.bias",
                "3.weight",
            ]
        };
        assert_eq!(names, want);
        let c = make();
        assert_eq!(
            nn::load_param_into_net(&c, &dict, true).unwrap(),
            (vec![], vec![])
        );
        for ((_, p), (_, q)) in a
            .parameters_and_names()
            .iter()
            .zip(c.parameters_and_names().iter())
        {
            assert_eq!(bits(&p.value()), bits(&q.value()));
        }
    }
    // A wrong shape anywhere: an error, and nothing assigned.
    let before: Vec<_> = b
        .get_parameters()
        .iter()
        .map(|p| bits(&p.value()))
        .collect();
    let mut dict = nn::checkpoint::cell_state(&a);
    dict[6].1 = ems::zeros(&[2, 5], ems::DType::Float32).unwrap();
    let e = nn::load_param_into_net(&b, &dict, false)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("'3.weight'") && e.contains("[2, 4]") && e.contains("[2, 5]"),
        "{e}"
    );
    let after: Vec<_> = b
        .get_parameters()
        .iter()
        .map(|p| bits(&p.value()))
        .collect();
    assert_eq!(before, after);
    // Missing entries: reported (non-strict) or refused (strict); unknown entries reported.
    let mut dict = nn::checkpoint::cell_state(&a);
    dict.remove(0);
    dict.push(("extra".into(), Tensor::scalar(1.0f32)));
    assert!(nn::load_param_into_net(&b, &dict, true).is_err());
    assert_eq!(
        b.get_parameters()
            .iter()
            .map(|p| bits(&p.value()))
            .collect::<Vec<_>>(),
        before
    );
    let (missing, unknown) = nn::load_param_into_net(&b, &dict, false).unwrap();
    assert_eq!(
        (missing, unknown),
        (vec!["0.weight".to_string()], vec!["extra".to_string()])
    );
    // Dtypes: same kind converts unless strict; another kind is refused.
    let mut dict = nn::checkpoint::cell_state(&a);
    dict[0].1 = ems::cast(&dict[0].1, ems::DType::Float64).unwrap();
    assert!(nn::load_param_into_net(&b, &dict, true).is_err());
    nn::load_param_into_net(&b, &dict, false).unwrap();
    dict[0].1 = ems::cast(&dict[0].1, ems::DType::Int32).unwrap();
    assert!(nn::load_param_into_net(&b, &dict, false)
        .unwrap_err()
        .to_string()
        .contains("Int32"));
    std::fs::remove_dir_all(&dir).ok();
}
