//! Every kernel against a naive reference written here (plain loops over f64 / i64 on row-major
//! vectors), at sizes 0, 1 and odd sizes, on contiguous inputs and on non-contiguous views of the
//! same logical values: transposed (`ems::transpose`), stepped and negative-step slices
//! (`ems::index`) and broadcasts (`ems::broadcast_to`).

use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, DType, Index, Tensor};

type Unary = fn(&Tensor) -> ems::Result<Tensor>;
type Binary = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;
/// A unary op, its f64 reference, and the range its inputs are drawn from.
type MathCase = (&'static str, Unary, fn(f64) -> f64, (f64, f64));
/// A pad case: shape, lo, hi, interior.
type PadCase = (
    &'static [usize],
    &'static [usize],
    &'static [usize],
    &'static [usize],
);

// ---------------------------------------------------------------------------------------------
// Row-major helpers and data
// ---------------------------------------------------------------------------------------------

fn numel(shape: &[usize]) -> usize {
    shape.iter().product()
}

/// The multi-index of row-major position `i`.
fn unravel(mut i: usize, shape: &[usize]) -> Vec<usize> {
    let mut idx = vec![0; shape.len()];
    for a in (0..shape.len()).rev() {
        idx[a] = i % shape[a];
        i /= shape[a];
    }
    idx
}

/// The row-major position of a multi-index.
fn ravel(idx: &[usize], shape: &[usize]) -> usize {
    idx.iter().zip(shape).fold(0, |acc, (&i, &n)| acc * n + i)
}

/// A small linear congruential generator: reproducible data without a dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// An integer in `lo..=hi`.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
    /// A float in `[lo, hi)`, exactly representable in f32.
    fn real(&mut self, lo: f64, hi: f64) -> f64 {
        let u = (self.next() % (1 << 20)) as f64 / f64::from(1 << 20);
        f64::from((lo + (hi - lo) * u) as f32)
    }
}

fn ints(n: usize, seed: u64, lo: i64, hi: i64) -> Vec<f64> {
    let mut g = Lcg(seed);
    (0..n).map(|_| g.int(lo, hi) as f64).collect()
}

/// Multiples of 0.5: exact in every float dtype, so float references can be exact.
fn halves(n: usize, seed: u64, lo: i64, hi: i64) -> Vec<f64> {
    ints(n, seed, 2 * lo, 2 * hi)
        .iter()
        .map(|v| v / 2.0)
        .collect()
}

fn reals(n: usize, seed: u64, lo: f64, hi: f64) -> Vec<f64> {
    let mut g = Lcg(seed);
    (0..n).map(|_| g.real(lo, hi)).collect()
}

/// A contiguous tensor of `dtype` from f64 values (`as` conversions).
fn make(vals: &[f64], shape: &[usize], dtype: DType) -> Tensor {
    let t = match dtype {
        DType::Bool => Tensor::from_vec(vals.iter().map(|&x| x != 0.0).collect(), shape),
        DType::Int32 => Tensor::from_vec(vals.iter().map(|&x| x as i32).collect(), shape),
        DType::Int64 => Tensor::from_vec(vals.iter().map(|&x| x as i64).collect(), shape),
        DType::Float32 => Tensor::from_vec(vals.iter().map(|&x| x as f32).collect(), shape),
        DType::Float64 => Tensor::from_vec(vals.to_vec(), shape),
    };
    t.unwrap()
}

/// The values rounded to what a tensor of `dtype` holds.
fn rounded(vals: &[f64], dtype: DType) -> Vec<f64> {
    make(vals, &[vals.len()], dtype).to_vec::<f64>()
}

/// `vals` (of `shape`) with its axes permuted: output axis `i` is input axis `perm[i]`.
fn permuted(vals: &[f64], shape: &[usize], perm: &[usize]) -> (Vec<f64>, Vec<usize>) {
    let out_shape: Vec<usize> = perm.iter().map(|&a| shape[a]).collect();
    let out = (0..numel(shape))
        .map(|k| {
            let o = unravel(k, &out_shape);
            let mut i = vec![0; shape.len()];
            for (ax, &pa) in perm.iter().enumerate() {
                i[pa] = o[ax];
            }
            vals[ravel(&i, shape)]
        })
        .collect();
    (out, out_shape)
}

/// The same logical values of `shape` and `dtype` through several layouts: contiguous, a
/// transpose of the transposed data, a `::-1` slice of reversed data on every axis, a `1::2` slice
/// of data interleaved with junk on the last axis, and a `::-2` slice of reversed interleaved data.
fn views(vals: &[f64], shape: &[usize], dtype: DType) -> Vec<(String, Tensor)> {
    let nd = shape.len();
    let mut out = vec![("contiguous".to_string(), make(vals, shape, dtype))];
    if nd >= 2 {
        let rev: Vec<usize> = (0..nd).rev().collect();
        let (sv, ss) = permuted(vals, shape, &rev);
        let t = ems::transpose(&make(&sv, &ss, dtype), None).unwrap();
        out.push(("transposed".to_string(), t));
        // A partial permutation too: swap the first two axes only.
        let mut perm: Vec<usize> = (0..nd).collect();
        perm.swap(0, 1);
        let (sv, ss) = permuted(vals, shape, &perm);
        let t = ems::swapaxes(&make(&sv, &ss, dtype), 0, 1).unwrap();
        out.push(("swapaxes".to_string(), t));
    }
    if nd >= 1 {
        // Reversed along every axis, read back with ::-1.
        let sv: Vec<f64> = (0..vals.len())
            .map(|k| {
                let i: Vec<usize> = unravel(k, shape)
                    .iter()
                    .zip(shape)
                    .map(|(&i, &n)| n - 1 - i)
                    .collect();
                vals[ravel(&i, shape)]
            })
            .collect();
        let all_rev = vec![Index::Slice(None, None, Some(-1)); nd];
        let t = ems::index(&make(&sv, shape, dtype), &all_rev).unwrap();
        out.push(("negative steps".to_string(), t));

        // Interleaved with junk along the last axis: storage position 2j+1 holds element j.
        let n = shape[nd - 1];
        let mut wide = shape.to_vec();
        wide[nd - 1] = 2 * n + 1;
        let mut sv = vec![77.0; numel(&wide)];
        for (k, &v) in vals.iter().enumerate() {
            let mut i = unravel(k, shape);
            i[nd - 1] = 2 * i[nd - 1] + 1;
            sv[ravel(&i, &wide)] = v;
        }
        let step = [Index::Ellipsis, Index::Slice(Some(1), None, Some(2))];
        let t = ems::index(&make(&sv, &wide, dtype), &step).unwrap();
        out.push(("stepped".to_string(), t));

        // Reversed and interleaved: storage position 2n-1-2j holds element j; read with ::-2.
        if n > 0 {
            wide[nd - 1] = 2 * n;
            let mut sv = vec![-77.0; numel(&wide)];
            for (k, &v) in vals.iter().enumerate() {
                let mut i = unravel(k, shape);
                i[nd - 1] = 2 * n - 1 - 2 * i[nd - 1];
                sv[ravel(&i, &wide)] = v;
            }
            let step = [Index::Ellipsis, Index::Slice(None, None, Some(-2))];
            let t = ems::index(&make(&sv, &wide, dtype), &step).unwrap();
            out.push(("negative stepped".to_string(), t));
        }
    }
    for (name, t) in &out {
        assert_eq!(t.dims(), shape, "{name}");
        assert_eq!(t.to_vec::<f64>().len(), vals.len(), "{name}");
    }
    out
}

/// Sizes 0 and 1, odd sizes (7, 13, 33 = 3·11) and a few ranks.
const SHAPES: &[&[usize]] = &[
    &[],
    &[0],
    &[1],
    &[7],
    &[13],
    &[3, 11],
    &[1, 1],
    &[2, 0, 3],
    &[2, 3, 5],
];

const INTS: [DType; 2] = [DType::Int32, DType::Int64];
const FLOATS: [DType; 2] = [DType::Float32, DType::Float64];
const NUMBERS: [DType; 4] = [DType::Int32, DType::Int64, DType::Float32, DType::Float64];

/// Equal as floats: NaN matches NaN, infinities match exactly, others within `rel`·|want| + `abs`.
fn close(got: &[f64], want: &[f64], rel: f64, abs: f64, what: &str) {
    assert_eq!(got.len(), want.len(), "{what}: length");
    for (i, (&g, &w)) in got.iter().zip(want).enumerate() {
        let ok = if w.is_nan() {
            g.is_nan()
        } else if w.is_infinite() {
            g == w
        } else {
            (g - w).abs() <= rel * w.abs() + abs
        };
        assert!(
            ok,
            "{what}: element {i}: got {g}, want {w}\n got {got:?}\nwant {want:?}"
        );
    }
}

fn exact(got: &[f64], want: &[f64], what: &str) {
    close(got, want, 0.0, 0.0, what);
}

/// Tolerances for results of one dtype computed by a reference in f64.
fn tol(d: DType) -> (f64, f64) {
    match d {
        DType::Float32 => (2e-6, 1e-6),
        _ => (1e-13, 1e-15),
    }
}

// ---------------------------------------------------------------------------------------------
// Elementwise
// ---------------------------------------------------------------------------------------------

#[test]
fn unary_math_matches_the_reference_on_every_layout() {
    let sigmoid = |x: f64| 1.0 / (1.0 + (-x).exp());
    let cases: [MathCase; 13] = [
        ("exp", ems::exp, f64::exp, (-4.0, 4.0)),
        ("log", ems::log, f64::ln, (0.01, 9.0)),
        ("sin", ems::sin, f64::sin, (-4.0, 4.0)),
        ("cos", ems::cos, f64::cos, (-4.0, 4.0)),
        ("tanh", ems::tanh, f64::tanh, (-4.0, 4.0)),
        ("sqrt", ems::sqrt, f64::sqrt, (0.0, 9.0)),
        ("floor", ems::floor, f64::floor, (-4.0, 4.0)),
        ("neg", |x| ems::neg(x), |x| -x, (-4.0, 4.0)),
        ("abs", ems::abs, f64::abs, (-4.0, 4.0)),
        ("square", ems::square, |x| x * x, (-4.0, 4.0)),
        ("relu", ems::relu, |x| x.max(0.0), (-4.0, 4.0)),
        (
            "sign",
            ems::sign,
            |x| if x == 0.0 { 0.0 } else { x.signum() },
            (-2.0, 2.0),
        ),
        ("sigmoid", ems::sigmoid, sigmoid, (-8.0, 8.0)),
    ];
    for d in FLOATS {
        let (rel, abs) = tol(d);
        for (seed, shape) in SHAPES.iter().enumerate() {
            for (name, f, r, (lo, hi)) in cases {
                let mut vals = reals(numel(shape), seed as u64 + 1, lo, hi);
                if name == "sign" || name == "relu" || name == "floor" {
                    // Exact zeros and integers matter here.
                    vals.iter_mut().step_by(3).for_each(|v| *v = v.round());
                }
                let want: Vec<f64> = vals.iter().map(|&v| r(v)).collect();
                for (view, x) in views(&vals, shape, d) {
                    let y = f(&x).unwrap();
                    let what = format!("{name} {d:?} {shape:?} {view}");
                    assert_eq!(y.dims(), *shape, "{what}");
                    assert_eq!(y.dtype(), d, "{what}");
                    close(&y.to_vec::<f64>(), &want, rel, abs, &what);
                }
            }
        }
    }
}

#[test]
fn unary_math_special_values_and_integer_inputs() {
    let x = make(&[0.0, -1.0, f64::INFINITY, f64::NAN], &[4], DType::Float64);
    close(
        &ems::log(&x).unwrap().to_vec::<f64>(),
        &[f64::NEG_INFINITY, f64::NAN, f64::INFINITY, f64::NAN],
        0.0,
        0.0,
        "log",
    );
    close(
        &ems::sqrt(&x).unwrap().to_vec::<f64>(),
        &[0.0, f64::NAN, f64::INFINITY, f64::NAN],
        0.0,
        0.0,
        "sqrt",
    );
    let big = make(&[1000.0, -1000.0], &[2], DType::Float32);
    exact(
        &ems::exp(&big).unwrap().to_vec::<f64>(),
        &[f64::INFINITY, 0.0],
        "exp",
    );
    let s = ems::sigmoid(&big).unwrap().to_vec::<f64>();
    exact(&s, &[1.0, 0.0], "sigmoid tails");
    // Integer inputs to transcendental functions become Float32; floor keeps integers.
    let i = make(&[0.0, 1.0, 4.0], &[3], DType::Int32);
    let e = ems::sqrt(&i).unwrap();
    assert_eq!(e.dtype(), DType::Float32);
    exact(&e.to_vec::<f64>(), &[0.0, 1.0, 2.0], "sqrt of Int32");
    assert_eq!(ems::floor(&i).unwrap().dtype(), DType::Int32);
    // Negation and abs of integers wrap at the minimum, like NumPy.
    let m = Tensor::from_vec(vec![i32::MIN, -3, 3], &[3]).unwrap();
    assert_eq!(ems::neg(&m).unwrap().to_vec::<i32>(), vec![i32::MIN, 3, -3]);
    assert_eq!(ems::abs(&m).unwrap().to_vec::<i32>(), vec![i32::MIN, 3, 3]);
}

/// Python's floor division on integers (`x // 0 == 0` here, as NumPy).
fn floordiv_i(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    (a as f64 / b as f64).floor() as i64
}

/// Python's modulo on integers: the sign of the divisor (`x % 0 == 0`, as NumPy).
fn mod_i(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    let r = a % b;
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

/// Python's modulo on floats (NaN for a zero divisor, as NumPy). An infinite divisor gives NaN,
/// as MindSpore's `x - floor(x / y) * y` (Python would give `x` or `y`).
fn mod_f(a: f64, b: f64) -> f64 {
    if b == 0.0 || b.is_infinite() {
        return f64::NAN;
    }
    let r = a % b;
    if r != 0.0 && (r < 0.0) != (b < 0.0) {
        r + b
    } else {
        r
    }
}

/// `a ** b` on integers by repeated multiplication, wrapping; negative exponents truncate to 0
/// except for bases 1 and -1.
fn pow_i(a: i64, b: i64) -> i64 {
    if b < 0 {
        return match a {
            1 => 1,
            -1 => {
                if b % 2 == 0 {
                    1
                } else {
                    -1
                }
            }
            _ => 0,
        };
    }
    (0..b).fold(1i64, |acc, _| acc.wrapping_mul(a))
}

/// The reference of a binary op in dtype `d`; integers compute in i64 (wrapping, then truncated to
/// the width: the same as wrapping in the width).
fn binary_ref(op: &str, a: f64, b: f64, d: DType) -> f64 {
    if d.is_float() {
        let round = |v: f64| {
            if d == DType::Float32 {
                v as f32 as f64
            } else {
                v
            }
        };
        return round(match op {
            "add" => a + b,
            "sub" => a - b,
            "mul" => a * b,
            "div" => a / b,
            "floor_divide" => (a / b).floor(),
            "remainder" => mod_f(a, b),
            "pow" => a.powf(b),
            "maximum" => {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else {
                    a.max(b)
                }
            }
            "minimum" => {
                if a.is_nan() || b.is_nan() {
                    f64::NAN
                } else {
                    a.min(b)
                }
            }
            _ => unreachable!(),
        });
    }
    let (x, y) = (a as i64, b as i64);
    let r = match op {
        "add" => x.wrapping_add(y),
        "sub" => x.wrapping_sub(y),
        "mul" => x.wrapping_mul(y),
        "div" => return (a / b) as f32 as f64, // true division gives Float32
        "floor_divide" => floordiv_i(x, y),
        "remainder" => mod_i(x, y),
        "pow" => pow_i(x, y),
        "maximum" => x.max(y),
        "minimum" => x.min(y),
        _ => unreachable!(),
    };
    if d == DType::Int32 {
        f64::from(r as i32)
    } else {
        r as f64
    }
}

const BINARY: [(&str, Binary); 9] = [
    ("add", |x, y| x + y),
    ("sub", |x, y| x - y),
    ("mul", |x, y| x * y),
    ("div", |x, y| x / y),
    ("floor_divide", |x, y| ems::floor_divide(x, y)),
    ("remainder", |x, y| x % y),
    ("pow", |x, y| ems::pow(x, y)),
    ("maximum", |x, y| ems::maximum(x, y)),
    ("minimum", |x, y| ems::minimum(x, y)),
];

/// Operands for a binary op in `d`: mixed signs with zeros (division by zero), small exponents
/// for `pow`, and NaN / infinities among floats.
fn operands(op: &str, n: usize, seed: u64, d: DType) -> (Vec<f64>, Vec<f64>) {
    let (mut a, b) = if op == "pow" {
        let a = if d.is_float() {
            halves(n, seed, -3, 3)
        } else {
            ints(n, seed, -3, 3)
        };
        (a, ints(n, seed + 7, -2, 6))
    } else if d.is_float() {
        (halves(n, seed, -6, 6), halves(n, seed + 7, -3, 3))
    } else {
        (ints(n, seed, -9, 9), ints(n, seed + 7, -4, 4))
    };
    if d.is_float() && op != "pow" && n >= 5 {
        a[1] = f64::NAN;
        a[3] = f64::INFINITY;
        a[4] = f64::NEG_INFINITY;
    }
    (a, b)
}

#[test]
fn binary_arithmetic_matches_the_reference_for_each_dtype_and_layout() {
    for d in NUMBERS {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            for (op, f) in BINARY {
                let (a, b) = operands(op, n, seed as u64 * 31 + 5, d);
                let want: Vec<f64> = a
                    .iter()
                    .zip(&b)
                    .map(|(&x, &y)| binary_ref(op, x, y, d))
                    .collect();
                let out_dtype = if op == "div" { d.to_float() } else { d };
                let (va, vb) = (views(&a, shape, d), views(&b, shape, d));
                // Every layout of `a` against every layout of `b` (rotated, so that different
                // layouts meet), plus each against contiguous.
                for (i, (na, xa)) in va.iter().enumerate() {
                    for (nb, xb) in [&vb[(i + 1) % vb.len()], &vb[0]] {
                        let what = format!("{op} {d:?} {shape:?} {na} with {nb}");
                        let y = f(xa, xb).unwrap();
                        assert_eq!(y.dims(), *shape, "{what}");
                        assert_eq!(y.dtype(), out_dtype, "{what}");
                        let (rel, abs) = if op == "pow" && d.is_float() {
                            tol(d)
                        } else {
                            (0.0, 0.0)
                        };
                        close(&y.to_vec::<f64>(), &want, rel, abs, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn binary_arithmetic_broadcasts_views_and_scalars() {
    // [3, 11] against a [1, 11] row broadcast explicitly, a [11] row broadcast implicitly, a
    // [3, 1] column, a 0-D tensor and a literal scalar.
    let (m, n) = (3, 11);
    for d in NUMBERS {
        for (op, f) in BINARY {
            let (a, _) = operands(op, m * n, 11, d);
            let (_, row) = operands(op, n, 12, d);
            let (_, col) = operands(op, m, 13, d);
            let out_dtype = if op == "div" { d.to_float() } else { d };
            let x = make(&a, &[m, n], d);
            let expect = |rhs: &dyn Fn(usize, usize) -> f64, y: Tensor, what: &str| {
                let want: Vec<f64> = (0..m * n)
                    .map(|k| binary_ref(op, a[k], rhs(k / n, k % n), d))
                    .collect();
                assert_eq!(y.dims(), &[m, n], "{what}");
                assert_eq!(y.dtype(), out_dtype, "{what}");
                let (rel, abs) = if op == "pow" && d.is_float() {
                    tol(d)
                } else {
                    (0.0, 0.0)
                };
                close(&y.to_vec::<f64>(), &want, rel, abs, what);
            };
            let r1 = ems::broadcast_to(&make(&row, &[1, n], d), &[m, n]).unwrap();
            expect(
                &|_, j| row[j],
                f(&x, &r1).unwrap(),
                &format!("{op} {d:?} broadcast_to row"),
            );
            let r2 = make(&row, &[n], d);
            expect(
                &|_, j| row[j],
                f(&x, &r2).unwrap(),
                &format!("{op} {d:?} implicit row"),
            );
            let c = make(&col, &[m, 1], d);
            expect(
                &|i, _| col[i],
                f(&x, &c).unwrap(),
                &format!("{op} {d:?} column"),
            );
            let s = make(&col[..1], &[], d);
            expect(
                &|_, _| col[0],
                f(&x, &s).unwrap(),
                &format!("{op} {d:?} 0-D"),
            );
            // A broadcast view on the left too: row ⊙ x.
            let want: Vec<f64> = (0..m * n)
                .map(|k| binary_ref(op, row[k % n], a[k], d))
                .collect();
            let y = f(&r1, &x).unwrap();
            let (rel, abs) = if op == "pow" && d.is_float() {
                tol(d)
            } else {
                (0.0, 0.0)
            };
            close(
                &y.to_vec::<f64>(),
                &want,
                rel,
                abs,
                &format!("{op} {d:?} row on the left"),
            );
        }
        // Literal scalars are weak: the tensor's dtype wins.
        let x = make(&[-7.0, 7.0, 0.0], &[3], d);
        let y = (&x % 3).unwrap();
        assert_eq!(y.dtype(), d);
        exact(&y.to_vec::<f64>(), &[2.0, 1.0, 0.0], &format!("{d:?} % 3"));
        let y = ems::floor_divide(&x, -2).unwrap();
        exact(
            &y.to_vec::<f64>(),
            &[3.0, -4.0, -0.0],
            &format!("{d:?} // -2"),
        );
    }
}

#[test]
fn integer_division_by_zero_gives_zero_and_float_division_gives_inf_or_nan() {
    for d in INTS {
        let a = make(&[7.0, -7.0, 0.0], &[3], d);
        let z = make(&[0.0, 0.0, 0.0], &[3], d);
        exact(
            &ems::floor_divide(&a, &z).unwrap().to_vec::<f64>(),
            &[0.0; 3],
            "int // 0",
        );
        exact(&(&a % &z).unwrap().to_vec::<f64>(), &[0.0; 3], "int % 0");
        // True division of integers is Float32 division.
        let q = (&a / &z).unwrap();
        assert_eq!(q.dtype(), DType::Float32);
        close(
            &q.to_vec::<f64>(),
            &[f64::INFINITY, f64::NEG_INFINITY, f64::NAN],
            0.0,
            0.0,
            "int / 0",
        );
    }
    for d in FLOATS {
        let a = make(&[7.0, -7.0, 0.0], &[3], d);
        let z = make(&[0.0, 0.0, 0.0], &[3], d);
        let inf = [f64::INFINITY, f64::NEG_INFINITY, f64::NAN];
        close(
            &(&a / &z).unwrap().to_vec::<f64>(),
            &inf,
            0.0,
            0.0,
            "float / 0",
        );
        close(
            &ems::floor_divide(&a, &z).unwrap().to_vec::<f64>(),
            &inf,
            0.0,
            0.0,
            "float // 0",
        );
        close(
            &(&a % &z).unwrap().to_vec::<f64>(),
            &[f64::NAN; 3],
            0.0,
            0.0,
            "float % 0",
        );
    }
    // The one overflowing quotient wraps (NumPy), and its remainder is 0.
    let m = Tensor::from_vec(vec![i32::MIN, i32::MIN], &[2]).unwrap();
    let neg1 = Tensor::from_vec(vec![-1i32, 1], &[2]).unwrap();
    assert_eq!(
        ems::floor_divide(&m, &neg1).unwrap().to_vec::<i32>(),
        vec![i32::MIN, i32::MIN]
    );
    assert_eq!((&m % &neg1).unwrap().to_vec::<i32>(), vec![0, 0]);
    let m = Tensor::from_vec(vec![i64::MIN], &[1]).unwrap();
    assert_eq!(
        ems::floor_divide(&m, -1).unwrap().to_vec::<i64>(),
        vec![i64::MIN]
    );
}

#[test]
fn integer_powers_are_exact_and_wrap() {
    let base = Tensor::from_vec(vec![2i32, 3, -2, 5, 0, 1, -1, 2], &[8]).unwrap();
    let expo = Tensor::from_vec(vec![3i32, 4, 3, 0, 0, -5, -3, 31], &[8]).unwrap();
    assert_eq!(
        ems::pow(&base, &expo).unwrap().to_vec::<i32>(),
        vec![8, 81, -8, 1, 1, 1, -1, i32::MIN]
    );
    assert_eq!(
        ems::pow(&base, 2).unwrap().to_vec::<i32>(),
        vec![4, 9, 4, 25, 0, 1, 1, 4]
    );
    // Exponents past u32 for Int64: 3^(2^32 + 1) mod 2^64 by square-and-multiply in u128.
    let e: i64 = (1 << 32) + 1;
    let mut want: u128 = 1;
    let (mut b, mut k) = (3u128, e as u128);
    while k > 0 {
        if k & 1 == 1 {
            want = (want * b) % (1 << 64);
        }
        b = (b * b) % (1 << 64);
        k >>= 1;
    }
    let x = Tensor::from_vec(vec![3i64, 2], &[2]).unwrap();
    assert_eq!(
        ems::pow(&x, e).unwrap().to_vec::<i64>(),
        vec![want as u64 as i64, 0]
    );
}

#[test]
fn comparisons_match_the_reference_for_each_dtype_and_layout() {
    type Cmp = fn(f64, f64) -> bool;
    let cases: [(&str, Binary, Cmp); 6] = [
        ("equal", |x, y| ems::equal(x, y), |a, b| a == b),
        ("not_equal", |x, y| ems::not_equal(x, y), |a, b| a != b),
        ("less", |x, y| ems::less(x, y), |a, b| a < b),
        ("less_equal", |x, y| ems::less_equal(x, y), |a, b| a <= b),
        ("greater", |x, y| ems::greater(x, y), |a, b| a > b),
        ("greater_equal", |x, y| x.greater_equal(y), |a, b| a >= b),
    ];
    for d in DType::ALL {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            let mut a = rounded(&halves(n, seed as u64, -2, 2), d);
            let b = rounded(&halves(n, seed as u64 + 3, -2, 2), d);
            if d.is_float() && n > 2 {
                a[2] = f64::NAN;
            }
            let (va, vb) = (views(&a, shape, d), views(&b, shape, d));
            for (name, f, r) in cases {
                let want: Vec<f64> = a
                    .iter()
                    .zip(&b)
                    .map(|(&x, &y)| f64::from(u8::from(r(x, y))))
                    .collect();
                for (i, (na, xa)) in va.iter().enumerate() {
                    let (nb, xb) = &vb[(i + 2) % vb.len()];
                    let y = f(xa, xb).unwrap();
                    let what = format!("{name} {d:?} {shape:?} {na} with {nb}");
                    assert_eq!(y.dtype(), DType::Bool, "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
            }
        }
    }
    // Mixed dtypes promote before comparing: Int32 3 == Float32 3.0, Int64 2^53+1 != 2^53.
    let i = Tensor::from_vec(vec![3i32, 4], &[2]).unwrap();
    let f = Tensor::from_vec(vec![3.0f32, 4.5], &[2]).unwrap();
    assert_eq!(
        ems::equal(&i, &f).unwrap().to_vec::<bool>(),
        vec![true, false]
    );
    let big = Tensor::from_vec(vec![(1i64 << 53) + 1], &[1]).unwrap();
    let eq = ems::equal(&big, Tensor::from_vec(vec![1i64 << 53], &[1]).unwrap()).unwrap();
    assert_eq!(eq.to_vec::<bool>(), vec![false]);
}

#[test]
fn where_selects_elementwise_on_every_layout_with_broadcasting() {
    for d in DType::ALL {
        for (seed, shape) in SHAPES.iter().enumerate() {
            let n = numel(shape);
            let c = ints(n, seed as u64, 0, 1);
            let x = rounded(&halves(n, seed as u64 + 1, -4, 4), d);
            let y = rounded(&halves(n, seed as u64 + 2, -4, 4), d);
            let want: Vec<f64> = (0..n)
                .map(|k| if c[k] != 0.0 { x[k] } else { y[k] })
                .collect();
            let (vc, vx, vy) = (
                views(&c, shape, DType::Bool),
                views(&x, shape, d),
                views(&y, shape, d),
            );
            for (i, (nc, tc)) in vc.iter().enumerate() {
                let (nx, tx) = &vx[(i + 1) % vx.len()];
                let (ny, ty) = &vy[(i + 2) % vy.len()];
                let r = ems::where_(tc, tx, ty).unwrap();
                let what = format!("where {d:?} {shape:?} {nc} {nx} {ny}");
                assert_eq!(r.dtype(), d, "{what}");
                exact(&r.to_vec::<f64>(), &want, &what);
            }
        }
    }
    // A [5] condition against a [3, 5] x and a scalar y; an Int32 x and a Float32 y promote.
    let c = make(&[1.0, 0.0, 0.0, 1.0, 1.0], &[5], DType::Bool);
    let x = make(&ints(15, 4, -5, 5), &[3, 5], DType::Int32);
    let r = ems::where_(&c, &x, 0.5).unwrap();
    assert_eq!(r.dtype(), DType::Float32);
    let xv = x.to_vec::<f64>();
    let want: Vec<f64> = (0..15)
        .map(|k| {
            if [0, 3, 4].contains(&(k % 5)) {
                xv[k]
            } else {
                0.5
            }
        })
        .collect();
    exact(&r.to_vec::<f64>(), &want, "where broadcast");
}

#[test]
fn cast_truncates_toward_zero_and_keeps_int64_exact() {
    let vals = [-2.7, -0.5, 0.0, 0.5, 2.7, 3.0, -3.0, 1e3];
    for from in FLOATS {
        let src = rounded(&vals, from);
        for (view, x) in views(&src, &[2, 4], from) {
            for to in DType::ALL {
                let y = x.astype(to).unwrap();
                assert_eq!(y.dtype(), to);
                let want: Vec<f64> = src
                    .iter()
                    .map(|&v| match to {
                        DType::Bool => f64::from(u8::from(v != 0.0)),
                        DType::Int32 | DType::Int64 => v.trunc(),
                        DType::Float32 => v as f32 as f64,
                        DType::Float64 => v,
                    })
                    .collect();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("{from:?} -> {to:?} {view}"),
                );
            }
        }
    }
    // Out of range floats saturate into integers; integers wrap into a narrower integer.
    let f = Tensor::from_vec(vec![3e9f32, -3e9, f32::NAN], &[3]).unwrap();
    assert_eq!(
        f.astype(DType::Int32).unwrap().to_vec::<i32>(),
        vec![i32::MAX, i32::MIN, 0]
    );
    let i = Tensor::from_vec(vec![(1i64 << 32) + 5, -1], &[2]).unwrap();
    assert_eq!(i.astype(DType::Int32).unwrap().to_vec::<i32>(), vec![5, -1]);
    // Bools and ints to everything.
    let b = make(&[1.0, 0.0], &[2], DType::Bool);
    for to in DType::ALL {
        exact(
            &b.astype(to).unwrap().to_vec::<f64>(),
            &[1.0, 0.0],
            &format!("Bool -> {to:?}"),
        );
    }
    let i = make(&[-2.0, 0.0, 5.0], &[3], DType::Int32);
    exact(
        &i.astype(DType::Bool).unwrap().to_vec::<f64>(),
        &[1.0, 0.0, 1.0],
        "Int32 -> Bool",
    );
    exact(
        &i.astype(DType::Float64).unwrap().to_vec::<f64>(),
        &[-2.0, 0.0, 5.0],
        "Int32 -> F64",
    );
}

#[test]
fn int64_values_above_2_pow_53_survive_int64_paths() {
    let big = [
        (1i64 << 53) + 1,
        (1 << 62) + 3,
        -(1 << 60) - 7,
        i64::MAX - 1,
        i64::MIN + 1,
        (1 << 53) + 3,
    ];
    let x = Tensor::from_vec(big.to_vec(), &[2, 3]).unwrap();
    let v = big.to_vec();
    let same = |t: ems::Result<Tensor>, what: &str| {
        let t = t.unwrap();
        assert_eq!(t.dtype(), DType::Int64, "{what}");
        assert_eq!(t.to_vec::<i64>(), v, "{what}");
    };
    same(&x + 0, "x + 0");
    same(&x * 1, "x * 1");
    same((&x + 1).and_then(|y| y - 1), "x + 1 - 1");
    same(ems::neg(&x).and_then(ems::neg), "--x");
    same(ems::floor_divide(&x, 1), "x // 1");
    same(ems::maximum(&x, &x), "maximum");
    same(ems::minimum(&x, i64::MAX), "minimum with MAX");
    same(ems::cast(&x, DType::Int64), "cast Int64 -> Int64");
    same(x.astype(DType::Int64), "astype");
    same(ems::where_(true, &x, 0), "where");
    same(
        ems::reshape(&x, &[3, 2]).and_then(|y| ems::reshape(&y, &[2, 3])),
        "reshape",
    );
    same(x.T().and_then(|y| y.T()), "transpose twice");
    let t = x.T().and_then(|y| ems::reshape(&y, &[6])).unwrap();
    let vt: Vec<i64> = (0..6).map(|k| v[(k % 2) * 3 + k / 2]).collect();
    assert_eq!(t.to_vec::<i64>(), vt, "reshape of a transposed view");
    same(
        ems::flip(&x, &[0, 1]).and_then(|y| ems::flip(&y, &[1, 0])),
        "flip twice",
    );
    same(ems::index(&x, &[Index::full(), Index::full()]), "index");
    same(ems::concat(std::slice::from_ref(&x), 0), "concat of one");
    same(
        ems::stack(std::slice::from_ref(&x), 0).and_then(|y| y.squeeze()),
        "stack",
    );
    same(
        ems::index_put(
            &x,
            &[Index::Int(0)],
            &ems::index(&x, &[Index::Int(0)]).unwrap(),
        ),
        "index_put",
    );
    let idx = Tensor::from_vec(vec![0i64, 1], &[2]).unwrap();
    same(p::gather(&x, &idx, 0), "gather");
    same(
        ems::full(&[2, 3], 0, DType::Int64).and_then(|z| z + &x),
        "zeros + x",
    );
    // Values built from Int64 scalars.
    let f = ems::full(&[2], (1i64 << 53) + 1, DType::Int64).unwrap();
    assert_eq!(f.to_vec::<i64>(), vec![(1 << 53) + 1; 2], "full");
    let a = ems::arange_dtype(
        ((1i64 << 53) + 1).into(),
        ((1i64 << 53) + 4).into(),
        1.into(),
        DType::Int64,
    )
    .unwrap();
    assert_eq!(
        a.to_vec::<i64>(),
        vec![(1 << 53) + 1, (1 << 53) + 2, (1 << 53) + 3],
        "arange"
    );
    // Reductions in Int64.
    let col = Tensor::from_vec(vec![(1i64 << 53) + 1, 2, -(1 << 60) - 7], &[3]).unwrap();
    assert_eq!(
        ems::sum(&col, 0i64, false).unwrap().to_vec::<i64>(),
        vec![(1 << 53) + 3 - (1 << 60) - 7]
    );
    assert_eq!(
        ems::cumsum(&col, 0).unwrap().to_vec::<i64>(),
        vec![(1 << 53) + 1, (1 << 53) + 3, (1 << 53) + 3 - (1 << 60) - 7]
    );
    assert_eq!(
        ems::max(&x, Axes::All, false).unwrap().to_vec::<i64>(),
        vec![i64::MAX - 1]
    );
    assert_eq!(
        ems::min(&x, Axes::All, false).unwrap().to_vec::<i64>(),
        vec![i64::MIN + 1]
    );
    assert_eq!(
        ems::argmax(&x, None, false).unwrap().to_vec::<i64>(),
        vec![3]
    );
    let near = Tensor::from_vec(vec![(1i64 << 53) + 1, (1 << 53) + 2, 1 << 53], &[3]).unwrap();
    assert_eq!(
        ems::argmax(&near, Some(0), false).unwrap().to_vec::<i64>(),
        vec![1]
    );
    assert_eq!(
        ems::argmin(&near, Some(0), false).unwrap().to_vec::<i64>(),
        vec![2]
    );
    let eye = Tensor::from_vec(vec![1i64, 0, 0, 1], &[2, 2]).unwrap();
    let two = ems::index(&x, &[Index::full(), Index::range(0, 2)]).unwrap();
    assert_eq!(
        ems::matmul(&two, &eye).unwrap().to_vec::<i64>(),
        two.to_vec::<i64>(),
        "matmul by the identity"
    );
}

#[test]
fn min_and_argmin_of_integers_handle_the_minimum_value() {
    for d in INTS {
        let lo = if d == DType::Int32 {
            f64::from(i32::MIN)
        } else {
            i64::MIN as f64
        };
        let x = make(&[0.0, lo, 5.0, lo], &[4], d);
        assert_eq!(
            ems::min(&x, Axes::All, false).unwrap().to_vec::<f64>(),
            vec![lo],
            "{d:?}"
        );
        assert_eq!(
            ems::argmin(&x, None, false).unwrap().to_vec::<i64>(),
            vec![1],
            "{d:?}"
        );
        let hi = make(&[0.0, 7.0, -lo - 1.0], &[3], d);
        assert_eq!(
            ems::argmin(&hi, Some(0), false).unwrap().to_vec::<i64>(),
            vec![0],
            "{d:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Reductions
// ---------------------------------------------------------------------------------------------

/// Reduces `vals` (of `shape`) over `axes` with `f`, starting from each group's first element.
fn reduce_ref(
    vals: &[f64],
    shape: &[usize],
    axes: &[usize],
    empty: f64,
    f: fn(f64, f64) -> f64,
) -> (Vec<f64>, Vec<usize>) {
    let out_shape: Vec<usize> = (0..shape.len())
        .filter(|a| !axes.contains(a))
        .map(|a| shape[a])
        .collect();
    let mut out: Vec<Option<f64>> = vec![None; numel(&out_shape)];
    for (k, &v) in vals.iter().enumerate() {
        let i = unravel(k, shape);
        let o: Vec<usize> = (0..shape.len())
            .filter(|a| !axes.contains(a))
            .map(|a| i[a])
            .collect();
        let slot = &mut out[ravel(&o, &out_shape)];
        *slot = Some(match *slot {
            None => v,
            Some(acc) => f(acc, v),
        });
    }
    (
        out.into_iter().map(|v| v.unwrap_or(empty)).collect(),
        out_shape,
    )
}

fn nan_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        f64::NAN
    } else {
        a.max(b)
    }
}

/// Axis sets to reduce over for a shape of rank `nd`, as (friendly axes, normalised sorted axes).
fn axis_sets(nd: usize) -> Vec<(Axes, Vec<usize>)> {
    let mut sets = vec![(Axes::All, (0..nd).collect())];
    for a in 0..nd {
        sets.push((Axes::from(a as i64), vec![a]));
        sets.push((Axes::from(a as i64 - nd as i64), vec![a]));
    }
    for a in 0..nd {
        for b in a + 1..nd {
            sets.push((Axes::from(vec![b as i64, a as i64]), vec![a, b]));
        }
    }
    if nd > 0 {
        sets.push((
            Axes::from((0..nd as i64).collect::<Vec<_>>()),
            (0..nd).collect(),
        ));
    }
    sets.push((Axes::List(vec![]), vec![]));
    sets
}

const RED_SHAPES: &[&[usize]] = &[
    &[],
    &[0],
    &[13],
    &[3, 11],
    &[2, 0, 3],
    &[3, 5, 7],
    &[2, 1, 4],
];

#[test]
fn sum_over_axis_sets_matches_the_reference_on_every_layout() {
    for d in DType::ALL {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let vals = rounded(&halves(n, seed as u64 + 40, -5, 5), d);
            for (view, x) in views(&vals, shape, d) {
                for (axes, norm) in axis_sets(shape.len()) {
                    for keepdims in [false, true] {
                        let (want, out_shape) = reduce_ref(&vals, shape, &norm, 0.0, |a, b| a + b);
                        let y = ems::sum(&x, axes.clone(), keepdims).unwrap();
                        let what =
                            format!("sum {d:?} {shape:?} {view} {axes:?} keepdims {keepdims}");
                        let want_dtype = if d.is_float() { d } else { DType::Int64 };
                        assert_eq!(y.dtype(), want_dtype, "{what}");
                        let kept: Vec<usize> = (0..shape.len())
                            .map(|a| if norm.contains(&a) { 1 } else { shape[a] })
                            .collect();
                        assert_eq!(
                            y.dims(),
                            if keepdims { &kept } else { &out_shape },
                            "{what}"
                        );
                        exact(&y.to_vec::<f64>(), &want, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn max_and_min_over_axis_sets_match_the_reference_on_every_layout() {
    for d in DType::ALL {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let mut vals = rounded(&halves(n, seed as u64 + 50, -5, 5), d);
            if d.is_float() && n > 4 {
                vals[4] = f64::NAN;
            }
            for (view, x) in views(&vals, shape, d) {
                for (axes, norm) in axis_sets(shape.len()) {
                    let empty = norm.iter().any(|&a| shape[a] == 0);
                    let what = format!("max {d:?} {shape:?} {view} {axes:?}");
                    let y = ems::max(&x, axes.clone(), false);
                    if empty {
                        assert!(y.is_err(), "{what}: max over an empty axis");
                        continue;
                    }
                    let (want, out_shape) = reduce_ref(&vals, shape, &norm, 0.0, nan_max);
                    let y = y.unwrap();
                    assert_eq!(y.dtype(), d, "{what}");
                    assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                    let (want, _) = reduce_ref(&vals, shape, &norm, 0.0, |a, b| {
                        if a.is_nan() || b.is_nan() {
                            f64::NAN
                        } else {
                            a.min(b)
                        }
                    });
                    let y = ems::min(&x, axes.clone(), false).unwrap();
                    exact(&y.to_vec::<f64>(), &want, &format!("min {what}"));
                }
            }
        }
    }
}

#[test]
fn argmax_returns_the_first_maximum_along_each_axis() {
    for d in DType::ALL {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            // Few distinct values, so ties are common.
            let mut vals = rounded(&ints(n, seed as u64 + 60, -1, 2), d);
            if d.is_float() && n > 8 {
                vals[8] = f64::NAN; // NaN is the maximum, as in NumPy
            }
            for (view, x) in views(&vals, shape, d) {
                for a in 0..shape.len() {
                    let what = format!("argmax {d:?} {shape:?} {view} axis {a}");
                    let r = ems::argmax(&x, Some(a as i64), false);
                    if shape[a] == 0 {
                        assert!(r.is_err(), "{what}");
                        continue;
                    }
                    let r = r.unwrap();
                    assert_eq!(r.dtype(), DType::Int32, "{what}");
                    let out_shape: Vec<usize> = (0..shape.len())
                        .filter(|&b| b != a)
                        .map(|b| shape[b])
                        .collect();
                    assert_eq!(r.dims(), out_shape.as_slice(), "{what}");
                    let want: Vec<f64> = (0..numel(&out_shape))
                        .map(|o| {
                            let mut i = unravel(o, &out_shape);
                            i.insert(a, 0);
                            let at = |j: usize| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, shape)]
                            };
                            let mut best = 0;
                            for j in 1..shape[a] {
                                let (b, v) = (at(best), at(j));
                                if !b.is_nan() && (v.is_nan() || v > b) {
                                    best = j;
                                }
                            }
                            best as f64
                        })
                        .collect();
                    exact(&r.to_vec::<f64>(), &want, &what);
                    let k = ems::argmax(&x, Some(a as i64 - shape.len() as i64), true).unwrap();
                    let mut kept = shape.to_vec();
                    kept[a] = 1;
                    assert_eq!(k.dims(), kept.as_slice(), "{what} keepdims");
                    exact(&k.to_vec::<f64>(), &want, &format!("{what} keepdims"));
                }
                // Flattened.
                if n > 0 {
                    let mut best = 0;
                    for j in 1..n {
                        if !vals[best].is_nan() && (vals[j].is_nan() || vals[j] > vals[best]) {
                            best = j;
                        }
                    }
                    let r = ems::argmax(&x, None, false).unwrap();
                    exact(
                        &r.to_vec::<f64>(),
                        &[best as f64],
                        &format!("argmax {d:?} {shape:?} {view} flat"),
                    );
                }
            }
        }
    }
}

#[test]
fn cumsum_along_each_axis_matches_the_reference_on_every_layout() {
    for d in DType::ALL {
        for (seed, shape) in RED_SHAPES.iter().enumerate() {
            let n = numel(shape);
            let vals = rounded(&halves(n, seed as u64 + 70, -4, 4), d);
            let want_dtype = if d == DType::Bool { DType::Int64 } else { d };
            for (view, x) in views(&vals, shape, d) {
                for a in 0..shape.len() {
                    let mut want = vec![0.0; n];
                    for (k, w) in want.iter_mut().enumerate() {
                        let i = unravel(k, shape);
                        *w = (0..=i[a])
                            .map(|j| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, shape)]
                            })
                            .sum();
                    }
                    for axis in [a as i64, a as i64 - shape.len() as i64] {
                        let y = ems::cumsum(&x, axis).unwrap();
                        let what = format!("cumsum {d:?} {shape:?} {view} axis {axis}");
                        assert_eq!(y.dtype(), want_dtype, "{what}");
                        assert_eq!(y.dims(), *shape, "{what}");
                        exact(&y.to_vec::<f64>(), &rounded(&want, want_dtype), &what);
                    }
                }
            }
        }
    }
}

#[test]
fn kernels_read_broadcast_views() {
    // [5, 7] → [3, 5, 7] (a new leading axis) and [3, 1, 7] → [3, 5, 7] (a stretched axis): the
    // kernels see stride-0 axes. The reference works on the materialised values.
    let shape = [3usize, 5, 7];
    for d in [DType::Int32, DType::Float32, DType::Float64] {
        let small_a = rounded(&halves(35, 160, -4, 4), d);
        let small_b = rounded(&halves(21, 161, -4, 4), d);
        let cases = [
            (
                ems::broadcast_to(&make(&small_a, &[5, 7], d), &shape).unwrap(),
                (0..105).map(|k| small_a[k % 35]).collect::<Vec<f64>>(),
                "leading axis",
            ),
            (
                ems::broadcast_to(&make(&small_b, &[3, 1, 7], d), &shape).unwrap(),
                (0..105).map(|k| small_b[(k / 35) * 7 + k % 7]).collect(),
                "stretched axis",
            ),
        ];
        for (x, vals, name) in cases {
            exact(&x.to_vec::<f64>(), &vals, name);
            for (axes, norm) in axis_sets(3) {
                let (want, _) = reduce_ref(&vals, &shape, &norm, 0.0, |a, b| a + b);
                let y = ems::sum(&x, axes.clone(), false).unwrap();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("sum {d:?} {name} {axes:?}"),
                );
                let (want, _) = reduce_ref(&vals, &shape, &norm, 0.0, nan_max);
                let y = ems::max(&x, axes.clone(), false).unwrap();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("max {d:?} {name} {axes:?}"),
                );
            }
            for a in 0..3 {
                let y = ems::cumsum(&x, a as i64).unwrap();
                let want: Vec<f64> = (0..105)
                    .map(|k| {
                        let i = unravel(k, &shape);
                        (0..=i[a])
                            .map(|j| {
                                let mut i = i.clone();
                                i[a] = j;
                                vals[ravel(&i, &shape)]
                            })
                            .sum()
                    })
                    .collect();
                exact(
                    &y.to_vec::<f64>(),
                    &want,
                    &format!("cumsum {d:?} {name} axis {a}"),
                );
            }
            let y = ems::argmax(&x, Some(0), false).unwrap();
            let want: Vec<f64> = (0..35)
                .map(|o| {
                    let col: Vec<f64> = (0..3).map(|t| vals[t * 35 + o]).collect();
                    let m = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    col.iter().position(|&v| v == m).unwrap() as f64
                })
                .collect();
            exact(&y.to_vec::<f64>(), &want, &format!("argmax {d:?} {name}"));
            let neg: Vec<f64> = vals.iter().map(|v| -v).collect();
            exact(
                &ems::neg(&x).unwrap().to_vec::<f64>(),
                &neg,
                &format!("neg {d:?} {name}"),
            );
            let y = p::pad(&x, &[1, 0, 0], &[0, 1, 0], &[0, 0, 1]).unwrap();
            assert_eq!(y.dims(), &[4, 6, 13]);
            let got = y.to_vec::<f64>();
            for (k, &v) in vals.iter().enumerate() {
                let i = unravel(k, &shape);
                assert_eq!(
                    got[ravel(&[i[0] + 1, i[1], 2 * i[2]], &[4, 6, 13])],
                    v,
                    "pad {name}"
                );
            }
            let y = ems::reshape(&x, &[15, 7]).unwrap();
            exact(&y.to_vec::<f64>(), &vals, &format!("reshape {d:?} {name}"));
        }
    }
}

#[test]
fn bool_arithmetic_is_logical() {
    let a = make(&[0.0, 0.0, 1.0, 1.0], &[4], DType::Bool);
    let b = make(&[0.0, 1.0, 0.0, 1.0], &[4], DType::Bool);
    let t = ems::index(
        &make(&[1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0], &[8], DType::Bool),
        &[Index::Slice(Some(1), None, Some(2))],
    )
    .unwrap();
    exact(
        &t.to_vec::<f64>(),
        &[0.0, 0.0, 1.0, 1.0],
        "stepped Bool view",
    );
    for x in [&a, &t] {
        let cases: [(&str, ems::Result<Tensor>, [f64; 4]); 4] = [
            ("add", x + &b, [0.0, 1.0, 1.0, 1.0]),
            ("mul", x * &b, [0.0, 0.0, 0.0, 1.0]),
            ("maximum", ems::maximum(x, &b), [0.0, 1.0, 1.0, 1.0]),
            ("minimum", ems::minimum(x, &b), [0.0, 0.0, 0.0, 1.0]),
        ];
        for (name, y, want) in cases {
            let y = y.unwrap();
            assert_eq!(y.dtype(), DType::Bool, "{name}");
            exact(&y.to_vec::<f64>(), &want, name);
        }
        let q = (x / &b).unwrap();
        assert_eq!(q.dtype(), DType::Float32);
        close(
            &q.to_vec::<f64>(),
            &[f64::NAN, 0.0, f64::INFINITY, 1.0],
            0.0,
            0.0,
            "Bool / Bool",
        );
        // Sums of bools count (as Int64).
        let s = ems::sum(x, Axes::All, false).unwrap();
        assert_eq!(s.dtype(), DType::Int64);
        assert_eq!(s.to_vec::<i64>(), vec![2]);
    }
}

#[test]
fn float32_sum_of_a_million_values_is_accurate() {
    let n = 1_000_000;
    let vals: Vec<f32> = reals(n, 99, 0.0, 1.0)
        .iter()
        .map(|&v| (v + 0.1) as f32)
        .collect();
    let want: f64 = vals.iter().map(|&v| f64::from(v)).sum();
    let x = Tensor::from_vec(vals, &[n]).unwrap();
    let got = ems::sum(&x, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(((got - want) / want).abs() < 1e-6, "sum {got} vs {want}");
    // Also through a non-contiguous view (a transposed reshape) and over one axis.
    let t = ems::reshape(&x, &[1000, 1000]).unwrap().T().unwrap();
    let got = ems::sum(&t, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(
        ((got - want) / want).abs() < 1e-6,
        "transposed sum {got} vs {want}"
    );
    let rows = ems::sum(&t, 0i64, false).unwrap().to_vec::<f64>();
    let total: f64 = rows.iter().sum();
    assert!(
        ((total - want) / want).abs() < 1e-6,
        "sum of row sums {total} vs {want}"
    );
    let mean = ems::mean(&x, Axes::All, false).unwrap().to_vec::<f64>()[0];
    assert!(
        ((mean - want / n as f64) / mean).abs() < 1e-6,
        "mean {mean}"
    );
}

// ---------------------------------------------------------------------------------------------
// Structure: pad, concat, gather, scatter, reshape
// ---------------------------------------------------------------------------------------------

#[test]
fn pad_with_interior_padding_matches_the_reference() {
    let cases: &[PadCase] = &[
        (&[7], &[2], &[3], &[1]),
        (&[1], &[0], &[0], &[5]),
        (&[0], &[2], &[1], &[3]),
        (&[3, 4], &[1, 0], &[0, 2], &[2, 1]),
        (&[2, 3, 5], &[0, 1, 2], &[1, 0, 1], &[0, 3, 1]),
        (&[2, 0, 3], &[1, 1, 1], &[1, 1, 1], &[1, 1, 1]),
    ];
    for d in DType::ALL {
        for (seed, &(shape, lo, hi, interior)) in cases.iter().enumerate() {
            let vals = rounded(&halves(numel(shape), seed as u64 + 80, -4, 4), d);
            let out_shape: Vec<usize> = (0..shape.len())
                .map(|a| lo[a] + hi[a] + shape[a] + interior[a] * shape[a].saturating_sub(1))
                .collect();
            let mut want = vec![0.0; numel(&out_shape)];
            for (k, &v) in vals.iter().enumerate() {
                let i = unravel(k, shape);
                let o: Vec<usize> = (0..shape.len())
                    .map(|a| lo[a] + i[a] * (interior[a] + 1))
                    .collect();
                want[ravel(&o, &out_shape)] = v;
            }
            for (view, x) in views(&vals, shape, d) {
                let y = p::pad(&x, lo, hi, interior).unwrap();
                let what = format!("pad {d:?} {shape:?} {view}");
                assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
    }
}

#[test]
fn concat_matches_the_reference_along_each_axis_with_promotion() {
    let shape = [3usize, 4, 5];
    for axis in 0..3 {
        // Three parts of lengths 2, 0 and 3 along `axis`, of different dtypes.
        let parts: Vec<(Vec<usize>, DType)> = [
            (2usize, DType::Int32),
            (0, DType::Bool),
            (3, DType::Float32),
        ]
        .iter()
        .map(|&(len, d)| {
            let mut s = shape.to_vec();
            s[axis] = len;
            (s, d)
        })
        .collect();
        let data: Vec<Vec<f64>> = parts
            .iter()
            .enumerate()
            .map(|(i, (s, d))| rounded(&halves(numel(s), i as u64 + 90, -4, 4), *d))
            .collect();
        let mut out_shape = shape.to_vec();
        out_shape[axis] = 5;
        let mut want = vec![0.0; numel(&out_shape)];
        let mut start = 0;
        for ((s, _), vals) in parts.iter().zip(&data) {
            for (k, &v) in vals.iter().enumerate() {
                let mut i = unravel(k, s);
                i[axis] += start;
                want[ravel(&i, &out_shape)] = v;
            }
            start += s[axis];
        }
        let views_of: Vec<Vec<(String, Tensor)>> = parts
            .iter()
            .zip(&data)
            .map(|((s, d), v)| views(v, s, *d))
            .collect();
        for k in 0..views_of[0].len() {
            let xs: Vec<Tensor> = views_of
                .iter()
                .map(|vs| vs[(k + vs.len() - 1) % vs.len()].1.clone())
                .collect();
            for ax in [axis as i64, axis as i64 - 3] {
                let y = ems::concat(&xs, ax).unwrap();
                let what = format!("concat axis {ax} layout {k}");
                assert_eq!(y.dtype(), DType::Float32, "{what}");
                assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
        // stack of equal shapes is concat of expanded parts.
        let a = make(&data[0], &parts[0].0, DType::Int32);
        let st = ems::stack(&[a.clone(), a.clone()], axis as i64).unwrap();
        let mut st_shape = parts[0].0.clone();
        st_shape.insert(axis, 2);
        assert_eq!(st.dims(), st_shape.as_slice());
        let back = ems::split(&st, ems::Split::Sections(2), axis as i64).unwrap();
        for b in back {
            exact(
                &b.reshape(&[-1]).unwrap().to_vec::<f64>(),
                &data[0],
                "split of stack",
            );
        }
    }
}

#[test]
fn gather_and_scatter_add_with_repeated_indices_match_the_reference() {
    let shape = [3usize, 5, 7];
    for d in NUMBERS {
        let vals = rounded(&halves(numel(&shape), 100, -4, 4), d);
        for axis in 0..3 {
            let n = shape[axis];
            let idx_vals: Vec<f64> = vec![0.0, (n - 1) as f64, 1.0, 1.0, 0.0, (n - 1) as f64];
            for (idx_shape, idx_dtype) in [
                (vec![6usize], DType::Int32),
                (vec![2, 3], DType::Int64),
                (vec![0], DType::Int32),
            ] {
                let k = numel(&idx_shape);
                let idx_v = &idx_vals[..k];
                let idx = make(idx_v, &idx_shape, idx_dtype);
                let out_shape: Vec<usize> =
                    [&shape[..axis], &idx_shape[..], &shape[axis + 1..]].concat();
                let want: Vec<f64> = (0..numel(&out_shape))
                    .map(|o| {
                        let oi = unravel(o, &out_shape);
                        let m = idx_shape.len();
                        let j = ravel(&oi[axis..axis + m], &idx_shape);
                        let mut i: Vec<usize> = oi[..axis].to_vec();
                        i.push(idx_v[j] as usize);
                        i.extend_from_slice(&oi[axis + m..]);
                        vals[ravel(&i, &shape)]
                    })
                    .collect();
                for (view, x) in views(&vals, &shape, d) {
                    let what = format!("gather {d:?} axis {axis} idx {idx_shape:?} {view}");
                    let y = p::gather(&x, &idx, axis).unwrap();
                    assert_eq!(y.dims(), out_shape.as_slice(), "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
                // scatter_add: updates of the gathered shape added back, repeats accumulating.
                let upd = rounded(&halves(numel(&out_shape), 101, -4, 4), d);
                let mut want = vals.clone();
                for (o, &u) in upd.iter().enumerate() {
                    let oi = unravel(o, &out_shape);
                    let m = idx_shape.len();
                    let j = ravel(&oi[axis..axis + m], &idx_shape);
                    let mut i: Vec<usize> = oi[..axis].to_vec();
                    i.push(idx_v[j] as usize);
                    i.extend_from_slice(&oi[axis + m..]);
                    let t = ravel(&i, &shape);
                    want[t] = binary_ref("add", want[t], u, d);
                }
                let vx = views(&vals, &shape, d);
                let vu = views(&upd, &out_shape, d);
                for (i, (nx, x)) in vx.iter().enumerate() {
                    let (nu, u) = &vu[(i + 1) % vu.len()];
                    let y = p::scatter_add(x, &idx, u, axis).unwrap();
                    let what = format!("scatter_add {d:?} axis {axis} idx {idx_shape:?} {nx} {nu}");
                    assert_eq!(y.dims(), &shape, "{what}");
                    exact(&y.to_vec::<f64>(), &want, &what);
                }
            }
        }
    }
    // Tensor indices through `index`, negative ones counting from the end.
    let x = make(&ints(7, 3, -9, 9), &[7], DType::Int64);
    let xv = x.to_vec::<f64>();
    let idx = Tensor::from_vec(vec![-1i32, 0, -7, 3, 3], &[5]).unwrap();
    let y = ems::index(&x, &[Index::Tensor(idx)]).unwrap();
    exact(
        &y.to_vec::<f64>(),
        &[xv[6], xv[0], xv[0], xv[3], xv[3]],
        "index with a tensor",
    );
}

#[test]
fn reshape_of_non_contiguous_views_reads_in_logical_order() {
    let shape = [3usize, 4, 5];
    for d in [DType::Int32, DType::Float64, DType::Bool] {
        let vals = rounded(&halves(60, 110, -4, 4), d);
        for (view, x) in views(&vals, &shape, d) {
            for target in [
                &[-1i64][..],
                &[5, 12],
                &[4, 3, 5],
                &[60, 1],
                &[1, 60],
                &[2, -1, 3],
            ] {
                let y = ems::reshape(&x, target).unwrap();
                let what = format!("reshape {d:?} {view} to {target:?}");
                exact(&y.to_vec::<f64>(), &vals, &what);
                // And a kernel reading the reshaped view.
                let s = ems::sum(&y, Axes::All, false).unwrap().to_vec::<f64>();
                exact(&s, &[vals.iter().sum()], &format!("sum of {what}"));
            }
        }
    }
    // Slices of an empty tensor keep an offset past its (empty) storage.
    let z = ems::zeros(&[5, 0], DType::Float32).unwrap();
    let row = ems::index(&z, &[Index::Int(4)]).unwrap();
    assert_eq!(row.shape(), vec![0]);
    assert_eq!(
        ems::sum(&row, Axes::All, false).unwrap().to_vec::<f64>(),
        vec![0.0]
    );
    assert_eq!(
        ems::reshape(&row, &[0, 3]).unwrap().to_vec::<f64>(),
        Vec::<f64>::new()
    );
    let flipped = ems::flip(&z, &[0]).unwrap();
    assert_eq!((&flipped + 1.0).unwrap().to_vec::<f64>(), Vec::<f64>::new());
}

#[test]
fn index_with_steps_matches_pythons_slicing() {
    // Python's slice semantics for a length-n axis, written out.
    fn py_slice(n: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<i64> {
        let norm = |v: i64| if v < 0 { v + n } else { v };
        let mut out = vec![];
        if step > 0 {
            let mut i = start.map_or(0, |s| norm(s).clamp(0, n));
            let e = stop.map_or(n, |s| norm(s).clamp(0, n));
            while i < e {
                out.push(i);
                i += step;
            }
        } else {
            let mut i = start.map_or(n - 1, |s| norm(s).clamp(-1, n - 1));
            let e = stop.map_or(-1, |s| norm(s).clamp(-1, n - 1));
            while i > e {
                out.push(i);
                i += step;
            }
        }
        out
    }
    for n in [0usize, 1, 7, 13] {
        let vals = ints(n, 120, -50, 50);
        let x = make(&vals, &[n], DType::Int64);
        for start in [None, Some(-20), Some(-3), Some(0), Some(2), Some(20)] {
            for stop in [None, Some(-20), Some(-1), Some(0), Some(5), Some(20)] {
                for step in [-7i64, -2, -1, 1, 2, 3, 100] {
                    let want: Vec<f64> = py_slice(n as i64, start, stop, step)
                        .iter()
                        .map(|&i| vals[i as usize])
                        .collect();
                    let y = ems::index(&x, &[Index::Slice(start, stop, Some(step))]).unwrap();
                    exact(
                        &y.to_vec::<f64>(),
                        &want,
                        &format!("x[{start:?}:{stop:?}:{step}] n={n}"),
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Matrix products
// ---------------------------------------------------------------------------------------------

/// `a @ b` for row-major `[batch, m, k]` and `[batch, k, n]` in f64.
fn matmul_ref(a: &[f64], b: &[f64], batch: usize, m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut out = vec![0.0; batch * m * n];
    for t in 0..batch {
        for i in 0..m {
            for j in 0..n {
                out[(t * m + i) * n + j] = (0..k)
                    .map(|p| a[(t * m + i) * k + p] * b[(t * k + p) * n + j])
                    .sum();
            }
        }
    }
    out
}

/// A batched `[batch, r, c]` operand in several layouts: contiguous, stored transposed in its
/// last two axes (the usual `x.T` operand), and stored with the batch axis last.
fn mat_views(vals: &[f64], batch: usize, r: usize, c: usize, d: DType) -> Vec<(String, Tensor)> {
    let shape = [batch, r, c];
    let mut out = vec![("contiguous".to_string(), make(vals, &shape, d))];
    let (sv, ss) = permuted(vals, &shape, &[0, 2, 1]);
    let t = ems::swapaxes(&make(&sv, &ss, d), -1, -2).unwrap();
    out.push(("transposed".to_string(), t));
    let (sv, ss) = permuted(vals, &shape, &[1, 2, 0]);
    let t = ems::transpose(&make(&sv, &ss, d), Some(&[2, 0, 1])).unwrap();
    out.push(("batch last".to_string(), t));
    // Every other view kind of `views` too (negative and stepped slices).
    out.extend(views(vals, &shape, d).into_iter().skip(1));
    out
}

#[test]
fn batched_matmul_matches_the_reference_with_transposed_operands() {
    let sizes: &[(usize, usize, usize, usize)] = &[
        (1, 1, 1, 1),
        (2, 3, 5, 4),
        (3, 7, 13, 1),
        (1, 1, 33, 7),
        (2, 0, 3, 4),
        (2, 3, 0, 4),
        (0, 3, 2, 4),
        (1, 13, 7, 33),
        (1, 65, 65, 65), // large enough for the parallel float path
    ];
    for d in [DType::Float32, DType::Float64, DType::Int32, DType::Int64] {
        for (seed, &(batch, m, k, n)) in sizes.iter().enumerate() {
            let a = rounded(&halves(batch * m * k, seed as u64 + 130, -3, 3), d);
            let b = rounded(&halves(batch * k * n, seed as u64 + 131, -3, 3), d);
            let want = matmul_ref(&a, &b, batch, m, k, n);
            // For Float32, a bound on the rounding error of each dot product.
            let scale = matmul_ref(
                &a.iter().map(|v| v.abs()).collect::<Vec<_>>(),
                &b.iter().map(|v| v.abs()).collect::<Vec<_>>(),
                batch,
                m,
                k,
                n,
            );
            let (va, vb) = (mat_views(&a, batch, m, k, d), mat_views(&b, batch, k, n, d));
            let big = m * n * k > 20_000;
            for (i, (na, xa)) in va.iter().enumerate() {
                let pairs: Vec<&(String, Tensor)> = if big {
                    vec![&vb[(i + 1) % vb.len()]]
                } else {
                    vb.iter().collect()
                };
                for (nb, xb) in pairs {
                    let y = ems::matmul(xa, xb).unwrap();
                    let what =
                        format!("matmul {d:?} [{batch},{m},{k}]@[{batch},{k},{n}] {na} @ {nb}");
                    assert_eq!(y.dims(), &[batch, m, n], "{what}");
                    assert_eq!(y.dtype(), d, "{what}");
                    let got = y.to_vec::<f64>();
                    for (j, ((&g, &w), &s)) in got.iter().zip(&want).zip(&scale).enumerate() {
                        let bound = if d == DType::Float32 {
                            1e-4 * s.max(1e-30)
                        } else {
                            0.0
                        };
                        assert!(
                            (g - w).abs() <= bound,
                            "{what}: element {j}: got {g}, want {w}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn matmul_broadcasts_batches_and_promotes_vectors() {
    for d in [DType::Float32, DType::Float64, DType::Int32] {
        // [1, 3, 5] @ [4, 5, 7]: the left batch broadcasts.
        let a = rounded(&halves(15, 140, -3, 3), d);
        let b = rounded(&halves(140, 141, -3, 3), d);
        let a4: Vec<f64> = (0..4).flat_map(|_| a.iter().copied()).collect();
        let want = matmul_ref(&a4, &b, 4, 3, 5, 7);
        for (na, xa) in mat_views(&a, 1, 3, 5, d) {
            for (nb, xb) in mat_views(&b, 4, 5, 7, d) {
                let y = ems::matmul(&xa, &xb).unwrap();
                let what = format!("matmul {d:?} broadcast batch {na} @ {nb}");
                assert_eq!(y.dims(), &[4, 3, 7], "{what}");
                close(&y.to_vec::<f64>(), &want, 1e-6, 1e-5, &what);
            }
        }
        // A [3, 5] matrix broadcast explicitly to [4, 3, 5] (batch stride 0).
        let xa = ems::broadcast_to(&make(&a, &[3, 5], d), &[4, 3, 5]).unwrap();
        let y = ems::matmul(&xa, &make(&b, &[4, 5, 7], d)).unwrap();
        close(
            &y.to_vec::<f64>(),
            &want,
            1e-6,
            1e-5,
            &format!("{d:?} broadcast_to operand"),
        );
        // Vectors: [5] @ [5, 7] -> [7]; [3, 5] @ [5] -> [3]; [5] @ [5] -> [].
        let v = rounded(&halves(5, 142, -3, 3), d);
        let m = &b[..35];
        let y = ems::matmul(&make(&v, &[5], d), &make(m, &[5, 7], d)).unwrap();
        assert_eq!(y.dims(), &[7]);
        close(
            &y.to_vec::<f64>(),
            &matmul_ref(&v, m, 1, 1, 5, 7),
            1e-6,
            1e-5,
            "vec @ mat",
        );
        let y = ems::matmul(&make(&a, &[3, 5], d), &make(&v, &[5], d)).unwrap();
        assert_eq!(y.dims(), &[3]);
        close(
            &y.to_vec::<f64>(),
            &matmul_ref(&a, &v, 1, 3, 5, 1),
            1e-6,
            1e-5,
            "mat @ vec",
        );
        let y = ems::dot(&make(&v, &[5], d), &make(&v, &[5], d)).unwrap();
        assert_eq!(y.dims(), &[] as &[usize]);
        close(
            &y.to_vec::<f64>(),
            &[v.iter().map(|x| x * x).sum()],
            1e-6,
            1e-5,
            "dot",
        );
    }
}

#[test]
fn dot_of_n_d_and_m_d_contracts_the_last_and_second_to_last_axes() {
    // a [2, 3, 4] · b [5, 4, 6] -> [2, 3, 5, 6]: out[i,j,k,l] = Σ_p a[i,j,p] b[k,p,l].
    let (sa, sb) = ([2usize, 3, 4], [5usize, 4, 6]);
    for d in [DType::Float64, DType::Int64] {
        let a = halves(24, 150, -3, 3);
        let b = halves(120, 151, -3, 3);
        let (a, b) = (rounded(&a, d), rounded(&b, d));
        let out_shape = [2usize, 3, 5, 6];
        let want: Vec<f64> = (0..numel(&out_shape))
            .map(|o| {
                let i = unravel(o, &out_shape);
                (0..4)
                    .map(|p| a[ravel(&[i[0], i[1], p], &sa)] * b[ravel(&[i[2], p, i[3]], &sb)])
                    .sum()
            })
            .collect();
        for (na, xa) in views(&a, &sa, d) {
            for (nb, xb) in views(&b, &sb, d) {
                let y = ems::dot(&xa, &xb).unwrap();
                let what = format!("dot {d:?} {na} · {nb}");
                assert_eq!(y.dims(), &out_shape, "{what}");
                exact(&y.to_vec::<f64>(), &want, &what);
            }
        }
    }
}
