//! The engine never panics on bad input. Property tests throw random shapes (0-D, size-0 and size-1
//! axes), axes (also out of range and extreme), dtypes, index expressions, reshape targets, slice
//! bounds and steps, and primitive parameters at every public op, the strict primitive wrappers and
//! `bind` itself: each call must return `Ok` or a typed `Err` whose message can be formatted, and
//! every `Ok` tensor must be readable. Deterministic tests then pin the variant, the op named, the
//! message and the Python exception class of common mistakes.

use easy_mindspore as ems;
use ems::ops::prim as p;
use ems::{Axes, CmpOp, DType, Error, ErrorClass, Index, NormOrd, Prim, Split, Tensor};
use proptest::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| e.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// The op an error names, for the variants that carry one.
fn op_of(e: &Error) -> Option<&'static str> {
    match e {
        Error::ShapeMismatch { op, .. }
        | Error::DTypeMismatch { op, .. }
        | Error::UnsupportedDType { op, .. }
        | Error::AxisOutOfRange { op, .. }
        | Error::IndexOutOfBounds { op, .. }
        | Error::MatMulMismatch { op, .. }
        | Error::DataLength { op, .. }
        | Error::InvalidArgument { op, .. }
        | Error::Transform { op, .. } => Some(op),
        Error::TooManyIndices { .. }
        | Error::InvalidReshape { .. }
        | Error::NotOneElement { .. } => None,
    }
}

/// Something an op returns that the test can read back completely (so a lazily wrong view panics
/// here, inside the harness, rather than later).
trait Touch {
    fn touch(&self);
}

/// Views up to this size are read back; larger ones (legal broadcast views) only report a shape.
const READ_LIMIT: usize = 4096;

impl Touch for Tensor {
    fn touch(&self) {
        let _ = (self.shape(), self.dtype(), self.ndim());
        if self.numel() <= READ_LIMIT {
            let _ = self.to_vec::<f64>();
            let _ = self.to_string();
        }
    }
}
impl Touch for Vec<Tensor> {
    fn touch(&self) {
        self.iter().for_each(Touch::touch);
    }
}
impl Touch for Vec<usize> {
    fn touch(&self) {}
}
impl Touch for usize {
    fn touch(&self) {}
}
impl Touch for bool {
    fn touch(&self) {}
}
impl Touch for f64 {
    fn touch(&self) {}
}
impl Touch for ems::Scalar {
    fn touch(&self) {}
}

/// Runs one call: a panic (in the op, in reading its result or in formatting its error) fails the
/// property, naming the call; an error must name a non-empty op and map to an exception class.
fn check<T: Touch>(
    what: &str,
    f: impl FnOnce() -> ems::Result<T>,
) -> Result<Option<T>, TestCaseError> {
    let run = || {
        let r = f();
        match &r {
            Ok(v) => v.touch(),
            Err(e) => {
                let _ = (e.to_string(), format!("{e:?}"), e.class());
            }
        }
        r
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Err(payload) => Err(TestCaseError::fail(format!(
            "{what} panicked: {}",
            panic_message(payload.as_ref())
        ))),
        Ok(Ok(v)) => Ok(Some(v)),
        Ok(Err(e)) => {
            prop_assert!(!e.to_string().is_empty(), "{what}: empty message");
            if let Some(op) = op_of(&e) {
                prop_assert!(!op.is_empty(), "{what}: error names no op: {e:?}");
            }
            Ok(None)
        }
    }
}

/// Builds a tensor inside the harness too: a panic while making an input is also a finding.
fn checked_build(s: &TSpec) -> Result<Tensor, TestCaseError> {
    catch_unwind(AssertUnwindSafe(|| build(s))).map_err(|e| {
        TestCaseError::fail(format!(
            "building {s:?} panicked: {}",
            panic_message(e.as_ref())
        ))
    })
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// A tensor to build: its dtype, logical shape, the values cycled through it, and how it is viewed
/// (0 contiguous, 1 transposed, 2 flipped on every axis, 3 broadcast along the first axis).
#[derive(Clone, Debug)]
struct TSpec {
    dtype: DType,
    shape: Vec<usize>,
    pool: Vec<f64>,
    view: u8,
}

fn filled(dtype: DType, shape: &[usize], pool: &[f64]) -> Tensor {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n).map(|i| pool[i % pool.len()]).collect();
    let t = match dtype {
        DType::Bool => Tensor::from_vec(v.iter().map(|&x| x != 0.0).collect(), shape),
        DType::Int32 => Tensor::from_vec(v.iter().map(|&x| x as i32).collect(), shape),
        DType::Int64 => Tensor::from_vec(v.iter().map(|&x| x as i64).collect(), shape),
        DType::Float32 => Tensor::from_vec(v.iter().map(|&x| x as f32).collect(), shape),
        DType::Float64 => Tensor::from_vec(v, shape),
    };
    t.expect("data matches its shape")
}

fn build(s: &TSpec) -> Tensor {
    let nd = s.shape.len();
    match s.view % 4 {
        1 => {
            let rev: Vec<usize> = s.shape.iter().rev().copied().collect();
            ems::transpose(&filled(s.dtype, &rev, &s.pool), None).expect("transpose")
        }
        2 => {
            let all: Vec<i64> = (0..nd as i64).collect();
            ems::flip(&filled(s.dtype, &s.shape, &s.pool), &all).expect("flip")
        }
        3 if nd > 0 => {
            let mut small = s.shape.clone();
            small[0] = 1;
            ems::broadcast_to(&filled(s.dtype, &small, &s.pool), &s.shape).expect("broadcast")
        }
        _ => filled(s.dtype, &s.shape, &s.pool),
    }
}

fn dtype() -> impl Strategy<Value = DType> {
    prop::sample::select(DType::ALL.to_vec())
}

fn shape() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(prop_oneof![4 => 0usize..4, 1 => Just(5usize)], 0..4)
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (-3i32..5).prop_map(f64::from),
        1 => prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.5,
            -2.5,
            1e300,
            f64::from(i32::MIN),
            f64::from(i32::MAX),
            i64::MIN as f64,
            9.007_199_254_740_993e15,
        ]),
    ]
}

/// A bound or step of a range: short ranges (a legal range of 2^31 values would only test the
/// allocator), zero, NaN, infinities and steps so small the range is refused.
fn range_value() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => (-40i32..40).prop_map(|v| f64::from(v) / 2.0),
        1 => prop::sample::select(vec![
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            0.0,
            1e-300,
            1e300,
        ]),
    ]
}

fn tspec() -> impl Strategy<Value = TSpec> {
    (
        dtype(),
        shape(),
        prop::collection::vec(value(), 1..6),
        0u8..4,
    )
        .prop_map(|(dtype, shape, pool, view)| TSpec {
            dtype,
            shape,
            pool,
            view,
        })
}

/// An axis: usually near the valid range, sometimes far outside it.
fn axis() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => -4i64..4,
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, -100, 100]),
    ]
}

fn axes() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(axis(), 0..4)
}

/// A primitive parameter: small, or the largest `usize`.
fn param() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 0usize..5, 1 => Just(usize::MAX)]
}

fn params() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(param(), 0..4)
}

fn ord() -> impl Strategy<Value = NormOrd> {
    prop_oneof![
        Just(NormOrd::Default),
        Just(NormOrd::Fro),
        Just(NormOrd::Inf),
        Just(NormOrd::NegInf),
        prop::sample::select(vec![
            0.0,
            1.0,
            -1.0,
            2.0,
            0.5,
            -3.0,
            f64::NAN,
            f64::INFINITY
        ])
        .prop_map(NormOrd::P),
    ]
}

/// One entry of an index expression.
#[derive(Clone, Debug)]
enum ISpec {
    Int(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    NewAxis,
    Ellipsis,
    /// Values, dtype, and whether the index tensor is 0-D (else 1-D).
    Tensor(Vec<i64>, DType, bool),
}

fn bound() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(prop_oneof![
        6 => -6i64..7,
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, i64::MIN + 1]),
    ])
}

fn step() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(prop_oneof![
        6 => -3i64..4,
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, i64::MIN + 1, 0]),
    ])
}

fn ispec() -> impl Strategy<Value = ISpec> {
    prop_oneof![
        3 => axis().prop_map(ISpec::Int),
        4 => (bound(), bound(), step()).prop_map(|(a, b, c)| ISpec::Slice(a, b, c)),
        1 => Just(ISpec::NewAxis),
        1 => Just(ISpec::Ellipsis),
        1 => (prop::collection::vec(-6i64..6, 0..5), dtype(), any::<bool>())
            .prop_map(|(v, d, z)| ISpec::Tensor(v, d, z)),
    ]
}

fn to_index(s: &ISpec) -> Index {
    match s {
        ISpec::Int(i) => Index::Int(*i),
        ISpec::Slice(a, b, c) => Index::Slice(*a, *b, *c),
        ISpec::NewAxis => Index::NewAxis,
        ISpec::Ellipsis => Index::Ellipsis,
        ISpec::Tensor(v, d, zero_d) => {
            let (v, shape) = if *zero_d {
                (vec![v.first().copied().unwrap_or(0)], vec![])
            } else {
                (v.clone(), vec![v.len()])
            };
            let pool: Vec<f64> = v.iter().map(|&i| i as f64).collect();
            Index::Tensor(if pool.is_empty() {
                filled(*d, &shape, &[0.0])
            } else {
                filled(*d, &shape, &pool)
            })
        }
    }
}

/// A primitive with arbitrary parameters: `k` picks the variant (in `Prim::ALL_NAMES` order).
#[derive(Clone, Debug)]
struct PSpec {
    k: usize,
    a: Vec<usize>,
    b: Vec<usize>,
    c: Vec<usize>,
    dtype: DType,
    cmp: usize,
}

const CMPS: [CmpOp; 6] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
];

fn prim_of(s: &PSpec) -> Prim {
    let (a, b, c) = (s.a.clone(), s.b.clone(), s.c.clone());
    let axis = s.a.first().copied().unwrap_or(0);
    match s.k % Prim::ALL_NAMES.len() {
        0 => Prim::Neg,
        1 => Prim::Exp,
        2 => Prim::Log,
        3 => Prim::Sin,
        4 => Prim::Cos,
        5 => Prim::Tanh,
        6 => Prim::Sqrt,
        7 => Prim::Floor,
        8 => Prim::Add,
        9 => Prim::Sub,
        10 => Prim::Mul,
        11 => Prim::Div,
        12 => Prim::Pow,
        13 => Prim::Max,
        14 => Prim::Min,
        15 => Prim::Compare(CMPS[s.cmp % CMPS.len()]),
        16 => Prim::Where,
        17 => Prim::Cast(s.dtype),
        18 => Prim::ReduceSum { axes: a.into() },
        19 => Prim::ReduceMax { axes: a.into() },
        20 => Prim::ArgMax { axis },
        21 => Prim::Cumsum { axis },
        22 => Prim::Reshape { shape: a.into() },
        23 => Prim::Permute { perm: a.into() },
        24 => Prim::BroadcastInDim {
            shape: a.into(),
            dims: b.into(),
        },
        25 => Prim::Slice {
            starts: a.into(),
            limits: b.into(),
            steps: c.into(),
        },
        26 => Prim::Pad {
            lo: a.into(),
            hi: b.into(),
            interior: c.into(),
        },
        27 => Prim::Concat { axis },
        28 => Prim::Rev { axes: a.into() },
        29 => Prim::MatMul,
        30 => Prim::Gather { axis },
        31 => Prim::ScatterAdd { axis },
        _ => Prim::StopGradient,
    }
}

fn pspec() -> impl Strategy<Value = PSpec> {
    (
        0usize..Prim::ALL_NAMES.len(),
        params(),
        params(),
        params(),
        dtype(),
        0usize..6,
    )
        .prop_map(|(k, a, b, c, dtype, cmp)| PSpec {
            k,
            a,
            b,
            c,
            dtype,
            cmp,
        })
}

type Binary = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;
type Unary = fn(&Tensor) -> ems::Result<Tensor>;

/// `cases` per property, or `EMS_FUZZ_CASES` for a deeper local run.
fn cfg(cases: u32) -> ProptestConfig {
    let cases = std::env::var("EMS_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Properties: nothing panics
// ---------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(cfg(192))]

    /// Arithmetic, comparisons, where, the operators, matmul/dot and joins on random pairs.
    #[test]
    fn binary_ops_never_panic(sa in tspec(), sb in tspec(), sc in tspec(), ax in axis()) {
        let (a, b, c) = (checked_build(&sa)?, checked_build(&sb)?, checked_build(&sc)?);
        let ops: [(&str, Binary); 36] = [
            ("add", |x, y| ems::add(x, y)),
            ("sub", |x, y| ems::sub(x, y)),
            ("mul", |x, y| ems::mul(x, y)),
            ("div", |x, y| ems::div(x, y)),
            ("floor_divide", |x, y| ems::floor_divide(x, y)),
            ("remainder", |x, y| ems::remainder(x, y)),
            ("pow", |x, y| ems::pow(x, y)),
            ("maximum", |x, y| ems::maximum(x, y)),
            ("minimum", |x, y| ems::minimum(x, y)),
            ("equal", |x, y| ems::equal(x, y)),
            ("not_equal", |x, y| ems::not_equal(x, y)),
            ("less", |x, y| ems::less(x, y)),
            ("less_equal", |x, y| ems::less_equal(x, y)),
            ("greater", |x, y| ems::greater(x, y)),
            ("greater_equal", |x, y| ems::greater_equal(x, y)),
            ("a + b", |x, y| x + y),
            ("a - b", |x, y| x - y),
            ("a * b", |x, y| x * y),
            ("a / b", |x, y| x / y),
            ("a % b", |x, y| x % y),
            ("(a + b) * a", |x, y| (x + y) * x),
            ("where_(a, b, b)", |x, y| ems::where_(x, y, y)),
            ("matmul", |x, y| ems::matmul(x, y)),
            ("Tensor::matmul", |x, y| x.matmul(y)),
            ("dot", |x, y| ems::dot(x, y)),
            ("broadcast_to", |x, y| ems::broadcast_to(x, y.dims())),
            ("prim::add", |x, y| p::add(x, y)),
            ("prim::sub", |x, y| p::sub(x, y)),
            ("prim::mul", |x, y| p::mul(x, y)),
            ("prim::div", |x, y| p::div(x, y)),
            ("prim::pow", |x, y| p::pow(x, y)),
            ("prim::max", |x, y| p::max(x, y)),
            ("prim::min", |x, y| p::min(x, y)),
            ("prim::matmul", |x, y| p::matmul(x, y)),
            ("prim::compare(Lt)", |x, y| p::compare(CmpOp::Lt, x, y)),
            ("Tensor::pow", |x, y| x.pow(y)),
        ];
        for (name, f) in ops {
            check(&format!("{name}({sa:?}, {sb:?})"), || f(&a, &b))?;
        }
        let what = format!("({sa:?}, {sb:?}, {sc:?}, axis {ax})");
        check(&format!("where_{what}"), || ems::where_(&a, &b, &c))?;
        check(&format!("prim::select{what}"), || p::select(&a, &b, &c))?;
        check(&format!("concat{what}"), || ems::concat(&[a.clone(), b.clone(), c.clone()], ax))?;
        check(&format!("stack{what}"), || ems::stack(&[a.clone(), b.clone()], ax))?;
        let u = ax.unsigned_abs() as usize;
        check(&format!("prim::concat{what}"), || p::concat(&[a.clone(), b.clone()], u))?;
        check(&format!("prim::gather{what}"), || p::gather(&a, &b, u))?;
        check(&format!("prim::scatter_add{what}"), || p::scatter_add(&a, &b, &c, u))?;
        check(&format!("broadcast_shapes{what}"), || ems::broadcast_shapes("Test", a.dims(), b.dims()))?;
    }

    /// Tensor-scalar arithmetic with every scalar type, including division by zero and huge powers.
    #[test]
    fn scalar_ops_never_panic(sa in tspec()) {
        let a = checked_build(&sa)?;
        let ops: [(&str, Unary); 24] = [
            ("a + 2", |x| x + 2),
            ("2.5 - a", |x| 2.5 - x),
            ("a * -1", |x| x * -1),
            ("a / 0", |x| x / 0),
            ("a / 0.0", |x| x / 0.0),
            ("a % 0", |x| x % 0),
            ("a % -3", |x| x % -3),
            ("a % 0.0", |x| x % 0.0),
            ("-a", |x| -x),
            ("floor_divide(a, 0)", |x| ems::floor_divide(x, 0)),
            ("floor_divide(a, -1)", |x| ems::floor_divide(x, -1)),
            ("remainder(a, -1)", |x| ems::remainder(x, -1)),
            ("pow(a, -1)", |x| ems::pow(x, -1)),
            ("pow(a, 2.5)", |x| ems::pow(x, 2.5)),
            ("pow(a, i64::MAX)", |x| ems::pow(x, i64::MAX)),
            ("pow(a, i64::MIN)", |x| ems::pow(x, i64::MIN)),
            ("pow(2, a)", |x| ems::pow(2, x)),
            ("maximum(a, NaN)", |x| ems::maximum(x, f64::NAN)),
            ("minimum(a, true)", |x| ems::minimum(x, true)),
            ("equal(a, 1.5f32)", |x| ems::equal(x, 1.5f32)),
            ("less(a, i64::MIN)", |x| ems::less(x, i64::MIN)),
            ("where_(a, 1.0, 0)", |x| ems::where_(x, 1.0, 0)),
            ("where_(true, a, 0)", |x| ems::where_(true, x, 0)),
            ("neg(a)", |x| ems::neg(x)),
        ];
        for (name, f) in ops {
            check(&format!("{name} with a = {sa:?}"), || f(&a))?;
        }
        check("add of two scalars", || ems::add(1, 2.5))?;
        check("neg of a scalar", || ems::neg(true))?;
    }

    /// Unary math, reductions and shape ops with random axes.
    #[test]
    fn unary_reduction_and_shape_ops_never_panic(
        sx in tspec(),
        a in axis(),
        b in axis(),
        list in axes(),
        keepdims in any::<bool>(),
        to in dtype(),
        ord in ord(),
        ord_axes in prop::option::of(axes()),
        sections in 0usize..5,
    ) {
        let x = checked_build(&sx)?;
        let unary: [(&str, Unary); 28] = [
            ("exp", |x| ems::exp(x)),
            ("log", |x| ems::log(x)),
            ("sin", |x| ems::sin(x)),
            ("cos", |x| ems::cos(x)),
            ("tanh", |x| ems::tanh(x)),
            ("sqrt", |x| ems::sqrt(x)),
            ("floor", |x| ems::floor(x)),
            ("sign", |x| ems::sign(x)),
            ("abs", |x| ems::abs(x)),
            ("square", |x| ems::square(x)),
            ("sigmoid", |x| ems::sigmoid(x)),
            ("relu", |x| ems::relu(x)),
            ("clip", |x| ems::clip(x, -1.0, 2.0)),
            ("stop_gradient", |x| ems::stop_gradient(x)),
            ("norm", |x| ems::norm(x)),
            ("flatten", |x| ems::flatten(x)),
            ("T", |x| x.T()),
            ("squeeze()", |x| x.squeeze()),
            ("Tensor::sum", |x| x.sum()),
            ("Tensor::mean", |x| x.mean()),
            ("Tensor::max", |x| x.max()),
            ("Tensor::min", |x| x.min()),
            ("Tensor::argmax", |x| x.argmax()),
            ("Tensor::prod", |x| x.prod()),
            ("zeros_like", |x| ems::zeros_like(x)),
            ("ones_like", |x| ems::ones_like(x)),
            ("prim::zeros_like", |x| p::zeros_like(x)),
            ("prim::full_like", |x| p::full_like(x, 2.5)),
        ];
        for (name, f) in unary {
            check(&format!("{name}({sx:?})"), || f(&x))?;
        }
        let w = format!("({sx:?}, a {a}, b {b}, axes {list:?}, keepdims {keepdims})");
        let l = list.as_slice();
        check(&format!("astype{w}"), || x.astype(to))?;
        check(&format!("cast{w}"), || ems::cast(&x, to))?;
        check(&format!("sum{w}"), || ems::sum(&x, l, keepdims))?;
        check(&format!("sum all{w}"), || ems::sum(&x, Axes::All, keepdims))?;
        check(&format!("sum a{w}"), || ems::sum(&x, a, keepdims))?;
        check(&format!("mean{w}"), || ems::mean(&x, l, keepdims))?;
        check(&format!("max{w}"), || ems::max(&x, l, keepdims))?;
        check(&format!("min{w}"), || ems::min(&x, a, keepdims))?;
        check(&format!("prod{w}"), || ems::prod(&x, l, keepdims))?;
        check(&format!("prod all{w}"), || ems::prod(&x, Axes::All, keepdims))?;
        check(&format!("argmax{w}"), || ems::argmax(&x, Some(a), keepdims))?;
        check(&format!("argmax None{w}"), || ems::argmax(&x, None, keepdims))?;
        check(&format!("argmin{w}"), || ems::argmin(&x, Some(a), keepdims))?;
        check(&format!("cumsum{w}"), || ems::cumsum(&x, a))?;
        check(&format!("norm_with {ord:?} {ord_axes:?}{w}"), || {
            ems::norm_with(&x, ord, ord_axes.as_deref(), keepdims)
        })?;
        check(&format!("logsumexp{w}"), || ems::logsumexp(&x, a, keepdims))?;
        check(&format!("softmax{w}"), || ems::softmax(&x, a))?;
        check(&format!("log_softmax{w}"), || ems::log_softmax(&x, a))?;
        check(&format!("transpose{w}"), || ems::transpose(&x, Some(l)))?;
        check(&format!("permute{w}"), || x.permute(l))?;
        check(&format!("swapaxes{w}"), || ems::swapaxes(&x, a, b))?;
        check(&format!("expand_dims{w}"), || ems::expand_dims(&x, a))?;
        check(&format!("squeeze{w}"), || ems::squeeze(&x, Some(l)))?;
        check(&format!("flatten_range{w}"), || ems::flatten_range(&x, a, b))?;
        check(&format!("flip{w}"), || ems::flip(&x, l))?;
        check(&format!("split sections {sections}{w}"), || ems::split(&x, Split::Sections(sections), a))?;
        check(&format!("split indices{w}"), || ems::split(&x, Split::Indices(list.clone()), a))?;
        check(&format!("Tensor::get{w}"), || x.get(a))?;
        check(&format!("to_bool{w}"), || x.to_bool())?;
        check(&format!("to_f64{w}"), || x.to_f64())?;
        check(&format!("item{w}"), || x.item())?;
    }

    /// Reshape targets with -1s, negatives, zeros and overflowing products.
    #[test]
    fn reshape_never_panics(
        sx in tspec(),
        target in prop::collection::vec(
            prop_oneof![
                8 => -2i64..6,
                1 => prop::sample::select(vec![i64::MIN, i64::MAX, 1 << 32, 1 << 62, -1]),
            ],
            0..5,
        ),
    ) {
        let x = checked_build(&sx)?;
        let w = format!("({sx:?}, {target:?})");
        check(&format!("reshape{w}"), || ems::reshape(&x, &target))?;
        check(&format!("Tensor::reshape{w}"), || x.reshape(&target))?;
        let as_usize: Vec<usize> = target.iter().map(|&d| d as usize).collect();
        check(&format!("prim::reshape{w}"), || p::reshape(&x, &as_usize))?;
        // Reshape of the result (a view or a copy) again, back to the input's shape.
        if let Some(y) = check(&format!("reshape{w}"), || ems::reshape(&x, &target))? {
            let back: Vec<i64> = x.dims().iter().map(|&d| d as i64).collect();
            check(&format!("reshape back{w}"), || ems::reshape(&y, &back))?;
        }
    }

    /// Random index expressions (ints, slices with any bounds and steps, new axes, ellipses,
    /// integer-tensor indices of any dtype), then reads and writes through them.
    #[test]
    fn index_never_panics(
        sx in tspec(),
        idx in prop::collection::vec(ispec(), 0..5),
        sv in tspec(),
    ) {
        let x = checked_build(&sx)?;
        let v = checked_build(&sv)?;
        let index: Vec<Index> = idx.iter().map(to_index).collect();
        let w = format!("({sx:?}, {idx:?})");
        if let Some(y) = check(&format!("index{w}"), || ems::index(&x, &index))? {
            // The view feeds further kernels (reductions read its layout directly).
            check(&format!("sum(index){w}"), || ems::sum(&y, Axes::All, false))?;
            check(&format!("index + 1{w}"), || &y + 1)?;
            check(&format!("reshape(index, -1){w}"), || ems::reshape(&y, &[-1]))?;
            check(&format!("cumsum(index){w}"), || ems::cumsum(&y, 0))?;
            check(&format!("index_put(x, idx, x[idx]){w}"), || ems::index_put(&x, &index, &y))?;
        }
        check(&format!("Tensor::index{w}"), || x.index(&index))?;
        check(&format!("index_put{w} value {sv:?}"), || ems::index_put(&x, &index, &v))?;
    }

    /// Creation with random shapes, dtypes and bounds (NaN, infinities, zero steps).
    #[test]
    fn creation_never_panics(
        shape in prop_oneof![
            9 => shape(),
            1 => prop::sample::select(vec![
                vec![usize::MAX, 2],
                vec![1 << 33, 1 << 33],
                vec![0, usize::MAX, 3],
                vec![usize::MAX, 3, 0],
                vec![usize::MAX],
            ]),
        ],
        d in dtype(),
        v in value(),
        start in range_value(),
        stop in range_value(),
        stp in range_value(),
        n in prop_oneof![0usize..6, Just(usize::MAX)],
        m in prop::option::of(prop_oneof![0usize..6, Just(usize::MAX)]),
        ints in (-5i64..5, -5i64..5, -3i64..3),
    ) {
        let w = format!("({shape:?}, {d:?}, {v})");
        check(&format!("zeros{w}"), || ems::zeros(&shape, d))?;
        check(&format!("ones{w}"), || ems::ones(&shape, d))?;
        check(&format!("full{w}"), || ems::full(&shape, v, d))?;
        check(&format!("full int{w}"), || ems::full(&shape, i64::MAX, d))?;
        check(&format!("full bool{w}"), || ems::full(&shape, true, d))?;
        check(&format!("randn{w}"), || ems::randn(&shape, d))?;
        check(&format!("rand{w}"), || ems::rand(&shape, d))?;
        check(&format!("normal{w}"), || ems::normal(start, stop, &shape))?;
        check(&format!("eye({n}, {m:?}, {d:?})"), || ems::eye(n, m, d))?;
        check(&format!("linspace({start}, {stop}, {n})"), || ems::linspace(start, stop, n))?;
        let r = format!("({start}, {stop}, {stp}, {d:?})");
        check(&format!("arange_dtype{r}"), || {
            ems::arange_dtype(start.into(), stop.into(), stp.into(), d)
        })?;
        check(&format!("arange{r}"), || ems::arange(start, stop, stp))?;
        check(&format!("arange ints {ints:?}"), || ems::arange(ints.0, ints.1, ints.2))?;
        check(&format!("arange_dtype ints {ints:?} {d:?}"), || {
            ems::arange_dtype(ints.0.into(), ints.1.into(), ints.2.into(), d)
        })?;
        check(&format!("arange_to({stop})"), || ems::arange_to(stop))?;
        check(&format!("from_vec 3 values{w}"), || Tensor::from_vec(vec![1.0f32, 2.0, 3.0], &shape))?;
        check(&format!("from_vec no values{w}"), || Tensor::from_vec(Vec::<i64>::new(), &shape))?;
        check("Tensor::new ragged", || Tensor::new(vec![vec![1i32, 2], vec![3]]))?;
        check(&format!("broadcast_to scalar{w}"), || ems::broadcast_to(&Tensor::scalar(1.0f32), &shape))?;
    }

    /// The strict primitive wrappers with arbitrary (also out-of-range and huge) parameters.
    #[test]
    fn prim_wrappers_never_panic(
        sx in tspec(),
        sy in tspec(),
        sz in tspec(),
        a in params(),
        b in params(),
        c in params(),
        k in param(),
        d in dtype(),
        cmp in 0usize..6,
    ) {
        let (x, y, z) = (checked_build(&sx)?, checked_build(&sy)?, checked_build(&sz)?);
        let unary: [(&str, Unary); 9] = [
            ("neg", |x| p::neg(x)),
            ("exp", |x| p::exp(x)),
            ("log", |x| p::log(x)),
            ("sin", |x| p::sin(x)),
            ("cos", |x| p::cos(x)),
            ("tanh", |x| p::tanh(x)),
            ("sqrt", |x| p::sqrt(x)),
            ("floor", |x| p::floor(x)),
            ("stop_gradient", |x| p::stop_gradient(x)),
        ];
        for (name, f) in unary {
            check(&format!("prim::{name}({sx:?})"), || f(&x))?;
        }
        let w = format!("({sx:?}, a {a:?}, b {b:?}, c {c:?}, k {k})");
        check(&format!("prim::cast {d:?}{w}"), || p::cast(&x, d))?;
        check(&format!("prim::reduce_sum{w}"), || p::reduce_sum(&x, &a))?;
        check(&format!("prim::reduce_max{w}"), || p::reduce_max(&x, &a))?;
        check(&format!("prim::argmax{w}"), || p::argmax(&x, k))?;
        check(&format!("prim::cumsum{w}"), || p::cumsum(&x, k))?;
        check(&format!("prim::reshape{w}"), || p::reshape(&x, &a))?;
        check(&format!("prim::permute{w}"), || p::permute(&x, &a))?;
        check(&format!("prim::broadcast_in_dim{w}"), || p::broadcast_in_dim(&x, &a, &b))?;
        check(&format!("prim::slice{w}"), || p::slice(&x, &a, &b, &c))?;
        check(&format!("prim::pad{w}"), || p::pad(&x, &a, &b, &c))?;
        check(&format!("prim::rev{w}"), || p::rev(&x, &a))?;
        check(&format!("prim::concat{w}"), || p::concat(&[x.clone(), y.clone(), z.clone()], k))?;
        check(&format!("prim::concat of none{w}"), || p::concat(&[], k))?;
        check(&format!("prim::gather{w} idx {sy:?}"), || p::gather(&x, &y, k))?;
        check(&format!("prim::scatter_add{w} {sy:?} {sz:?}"), || p::scatter_add(&x, &y, &z, k))?;
        check(&format!("prim::select{w}"), || p::select(&x, &y, &z))?;
        check(&format!("prim::compare{w}"), || p::compare(CMPS[cmp], &x, &y))?;
        check(&format!("prim::scale{w}"), || p::scale(&x, -0.5))?;
        check(&format!("prim::full_like{w}"), || p::full_like(&x, i64::MIN))?;
        // Every parameter list of the right length but with random values.
        let nd = x.ndim();
        let fit = |v: &[usize]| -> Vec<usize> { (0..nd).map(|i| v.get(i).copied().unwrap_or(1)).collect() };
        let (fa, fb, fc) = (fit(&a), fit(&b), fit(&c));
        check(&format!("prim::slice fitted{w}"), || p::slice(&x, &fa, &fb, &fc))?;
        check(&format!("prim::pad fitted{w}"), || p::pad(&x, &fa, &fb, &fc))?;
        check(&format!("prim::permute fitted{w}"), || p::permute(&x, &fa))?;
    }

    /// `bind` with arbitrary primitives and any number of arguments of any shape and dtype.
    #[test]
    fn bind_never_panics(ps in pspec(), args in prop::collection::vec(tspec(), 0..4)) {
        let prim = prim_of(&ps);
        let ts = args.iter().map(checked_build).collect::<Result<Vec<_>, _>>()?;
        let refs: Vec<&Tensor> = ts.iter().collect();
        check(&format!("bind({prim:?}, {args:?})"), || ems::bind(prim.clone(), &refs))?;
    }
}

/// A function of one tensor, for the transforms.
type Fun = Box<dyn Fn(&Tensor) -> ems::Result<Tensor>>;

/// Ops with random parameters wrapped as functions of their input, for `grad`, `vjp` and `jvp`.
fn funs(a: i64, list: Vec<i64>, idx: Vec<Index>, pad: Vec<usize>) -> Vec<(&'static str, Fun)> {
    let l1 = list.clone();
    let l2 = list.clone();
    let l3 = list.clone();
    let l4 = list;
    vec![
        ("exp", Box::new(ems::exp)),
        ("log", Box::new(ems::log)),
        ("sqrt", Box::new(ems::sqrt)),
        ("sigmoid", Box::new(ems::sigmoid)),
        ("relu", Box::new(ems::relu)),
        ("abs", Box::new(ems::abs)),
        ("sign", Box::new(ems::sign)),
        ("floor", Box::new(ems::floor)),
        ("norm", Box::new(ems::norm)),
        ("x * x", Box::new(|x| x * x)),
        ("x / (x + 1)", Box::new(|x| x / (x + 1.0))),
        ("x ** x", Box::new(|x| ems::pow(x, x))),
        ("x ** 3", Box::new(|x| ems::pow(x, 3))),
        ("x % 2", Box::new(|x| x % 2)),
        ("x // 2", Box::new(|x| ems::floor_divide(x, 2))),
        ("maximum(x, 0.5)", Box::new(|x| ems::maximum(x, 0.5))),
        (
            "where(x > 0, x, x * x)",
            Box::new(|x| ems::where_(ems::greater(x, 0), x, x * x)),
        ),
        ("sum", Box::new(move |x| ems::sum(x, l1.as_slice(), true))),
        ("mean", Box::new(move |x| ems::mean(x, a, false))),
        ("max", Box::new(move |x| ems::max(x, l2.as_slice(), false))),
        ("min", Box::new(move |x| ems::min(x, a, true))),
        (
            "prod",
            Box::new(move |x| ems::prod(x, l3.as_slice(), false)),
        ),
        ("cumsum", Box::new(move |x| ems::cumsum(x, a))),
        ("logsumexp", Box::new(move |x| ems::logsumexp(x, a, false))),
        ("softmax", Box::new(move |x| ems::softmax(x, a))),
        ("argmax", Box::new(move |x| ems::argmax(x, Some(a), false))),
        ("transpose", Box::new(move |x| ems::transpose(x, Some(&l4)))),
        ("swapaxes", Box::new(move |x| ems::swapaxes(x, a, 0))),
        ("expand_dims", Box::new(move |x| ems::expand_dims(x, a))),
        ("flip", Box::new(move |x| ems::flip(x, &[a]))),
        ("reshape(-1)", Box::new(|x| ems::reshape(x, &[-1]))),
        (
            "concat",
            Box::new(move |x| ems::concat(&[x.clone(), x.clone()], a)),
        ),
        (
            "stack",
            Box::new(move |x| ems::stack(&[x.clone(), x.clone()], a)),
        ),
        ("matmul(x, x.T)", Box::new(|x| ems::matmul(x, &x.T()?))),
        ("dot(x, x)", Box::new(|x| ems::dot(x, x))),
        ("astype(Float64)", Box::new(|x| x.astype(DType::Float64))),
        ("astype(Int32)", Box::new(|x| x.astype(DType::Int32))),
        (
            "index",
            Box::new({
                let idx = idx.clone();
                move |x| ems::index(x, &idx)
            }),
        ),
        (
            "index_put",
            Box::new(move |x| {
                let v = ems::index(x, &idx)?;
                ems::index_put(x, &idx, &(&v * 2.0)?)
            }),
        ),
        (
            "pad",
            Box::new(move |x| {
                let k: Vec<usize> = (0..x.ndim())
                    .map(|i| pad.get(i).copied().unwrap_or(1))
                    .collect();
                p::pad(x, &k, &k, &k)
            }),
        ),
    ]
}

proptest! {
    #![proptest_config(cfg(96))]

    /// The ops under `grad`, `vjp` (also with cotangents of the wrong shape and dtype) and `jvp`
    /// (also with a tangent of the wrong shape): bad inputs reach the derivative rules too.
    #[test]
    fn ops_under_transforms_never_panic(
        sx in tspec(),
        a in axis(),
        list in axes(),
        idx in prop::collection::vec(ispec(), 0..3),
        pad in prop::collection::vec(0usize..3, 0..4),
        sbad in tspec(),
    ) {
        let x = checked_build(&sx)?;
        let bad = checked_build(&sbad)?;
        let index: Vec<Index> = idx.iter().map(to_index).collect();
        for (name, f) in funs(a, list.clone(), index, pad.clone()) {
            let w = format!("{name} of {sx:?}, axis {a}, axes {list:?}, index {idx:?}, pad {pad:?}");
            check(&format!("grad({w})"), || ems::grad(&f)(&x))?;
            check(&format!("grad(grad)({w})"), || {
                ems::grad(|y: &Tensor| ems::grad(&f)(y))(&x)
            })?;
            check(&format!("vjp({w}) with ones"), || {
                let (out, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(&[ems::ones_like(&out)?])
            })?;
            check(&format!("vjp({w}) with cotangent {sbad:?}"), || {
                let (_, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(std::slice::from_ref(&bad))
            })?;
            check(&format!("vjp({w}) with no cotangent"), || {
                let (_, back) = ems::vjp(|y: &Tensor| f(y), &x)?;
                back.apply(&[])
            })?;
            check(&format!("jvp({w})"), || {
                let t = ems::ones_like(&x)?;
                ems::jvp(|y: &Tensor| f(y), &x, &t).map(|(_, t)| t)
            })?;
            check(&format!("jvp({w}) with tangent {sbad:?}"), || {
                ems::jvp(|y: &Tensor| f(y), &x, &bad).map(|(_, t)| t)
            })?;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Specific mistakes give specific errors
// ---------------------------------------------------------------------------------------------

fn ones(shape: &[usize]) -> Tensor {
    ems::ones(shape, DType::Float32).unwrap()
}

fn iota(n: usize) -> Tensor {
    ems::arange_dtype(0.into(), (n as i64).into(), 1.into(), DType::Float32).unwrap()
}

#[test]
fn prim_generator_covers_every_primitive() {
    for (k, name) in Prim::ALL_NAMES.iter().enumerate() {
        let ps = PSpec {
            k,
            a: vec![],
            b: vec![],
            c: vec![],
            dtype: DType::Float32,
            cmp: 0,
        };
        assert_eq!(prim_of(&ps).name(), *name);
    }
}

#[test]
fn add_of_unbroadcastable_shapes_names_add_and_both_shapes() {
    let e = (ones(&[2, 3]) + ones(&[4, 5])).unwrap_err();
    match &e {
        Error::ShapeMismatch { op, lhs, rhs } => {
            assert_eq!(*op, "Add");
            assert_eq!(lhs, &vec![2, 3]);
            assert_eq!(rhs, &vec![4, 5]);
        }
        other => panic!("expected ShapeMismatch, got {other:?}"),
    }
    let msg = e.to_string();
    assert!(
        msg.contains("Add") && msg.contains("[2, 3]") && msg.contains("[4, 5]"),
        "{msg}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    // Every binary op names itself.
    let cases: [(&str, Binary); 6] = [
        ("Sub", |x, y| x - y),
        ("Mul", |x, y| x * y),
        ("Div", |x, y| x / y),
        ("Maximum", |x, y| ems::maximum(x, y)),
        ("Less", |x, y| ems::less(x, y)),
        ("Mod", |x, y| x % y),
    ];
    for (name, f) in cases {
        match f(&ones(&[2, 3]), &ones(&[4, 5])) {
            Err(Error::ShapeMismatch { op, .. }) => assert_eq!(op, name),
            other => panic!("{name}: expected ShapeMismatch, got {other:?}"),
        }
    }
}

#[test]
fn matmul_of_misaligned_matrices_is_a_runtime_error() {
    let e = ems::matmul(&ones(&[2, 3]), &ones(&[4, 5])).unwrap_err();
    assert!(
        matches!(&e, Error::MatMulMismatch { op: "MatMul", lhs, rhs } if lhs == &[2, 3] && rhs == &[4, 5]),
        "{e:?}"
    );
    assert!(e.to_string().contains("[2, 3]") && e.to_string().contains("[4, 5]"));
    assert_eq!(e.class(), ErrorClass::Runtime);
    // 0-D operands and unbroadcastable batches are matmul mismatches too.
    assert!(matches!(
        ems::matmul(&Tensor::scalar(1.0f32), &ones(&[2, 2])),
        Err(Error::MatMulMismatch { .. })
    ));
    assert!(matches!(
        ems::matmul(&ones(&[2, 2, 3]), &ones(&[3, 3, 4])),
        Err(Error::MatMulMismatch { .. })
    ));
}

#[test]
fn dot_of_vectors_of_different_lengths_is_not_aligned() {
    let e = ems::dot(&iota(3), &iota(4)).unwrap_err();
    assert!(e.to_string().contains("not aligned"), "{e}");
    assert!(
        matches!(e, Error::InvalidArgument { op: "dot", .. }),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    let e = ems::dot(&ones(&[2, 3]), &ones(&[4, 5])).unwrap_err();
    assert!(e.to_string().contains("not aligned"), "{e}");
}

#[test]
fn dot_of_int32_and_float32_is_a_type_error() {
    let i = ems::arange(0, 3, 1).unwrap();
    assert_eq!(i.dtype(), DType::Int32);
    let e = ems::dot(&i, &iota(3)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::DTypeMismatch {
                lhs: DType::Int32,
                rhs: DType::Float32,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().contains("Int32") && e.to_string().contains("Float32"));
    assert_eq!(e.class(), ErrorClass::Type);
}

#[test]
fn reshape_to_a_different_size_is_invalid() {
    let e = ems::reshape(&iota(4), &[3, 2]).unwrap_err();
    match &e {
        Error::InvalidReshape { from, to, size } => {
            assert_eq!(from, &vec![4]);
            assert_eq!(to, &vec![3, 2]);
            assert_eq!(*size, 4);
        }
        other => panic!("expected InvalidReshape, got {other:?}"),
    }
    assert!(e.to_string().contains("Reshape"), "{e}");
    assert_eq!(e.class(), ErrorClass::Value);
    for bad in [
        &[-1i64, -1][..],
        &[-2, 2],
        &[0, -1],
        &[i64::MAX, 2],
        &[1 << 32, 1 << 32],
    ] {
        assert!(
            matches!(
                ems::reshape(&iota(4), bad),
                Err(Error::InvalidReshape { .. })
            ),
            "{bad:?}"
        );
    }
}

#[test]
fn index_past_the_end_is_an_index_error_with_numpys_message() {
    let e = ems::index(&iota(4), &[Index::Int(10)]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 10,
                size: 4,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "index 10 is out of bounds for dimension with size 4"
    );
    assert_eq!(e.class(), ErrorClass::Index);
    let e = ems::index(&iota(4), &[Index::Int(-5)]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "index -5 is out of bounds for dimension with size 4"
    );
    // Tensor indices are checked against the axis too.
    let idx = Tensor::from_vec(vec![0i64, 7], &[2]).unwrap();
    let e = ems::index(&iota(4), &[Index::Tensor(idx)]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                index: 7,
                size: 4,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn too_many_indices_is_an_index_error() {
    let e = ems::index(&iota(4), &[Index::Int(1), Index::Int(2)]).unwrap_err();
    assert!(
        matches!(e, Error::TooManyIndices { ndim: 1, got: 2 }),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Index);
}

/// MindSpore's own text, missing space included (reference §7).
#[test]
fn too_many_indices_message_reads_like_mindspore() {
    let e = ems::index(&iota(4), &[Index::Int(1), Index::Int(2)]).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("too many indices for tensor of dimension1"),
        "{e}"
    );
}

#[test]
fn sum_over_a_missing_axis_is_out_of_range() {
    let e = ems::sum(&iota(4), 3i64, false).unwrap_err();
    match &e {
        Error::AxisOutOfRange {
            op,
            axis,
            lo,
            hi,
            shape,
        } => {
            assert_eq!(*op, "ReduceSum");
            assert_eq!((*axis, *lo, *hi), (3, -1, 1));
            assert_eq!(shape, &vec![4]);
        }
        other => panic!("expected AxisOutOfRange, got {other:?}"),
    }
    assert!(
        e.to_string().contains("ReduceSum") && e.to_string().contains('3'),
        "{e}"
    );
    assert_eq!(e.class(), ErrorClass::Value);
    for (name, r) in [
        ("ArgMax", ems::argmax(&iota(4), Some(-2), false)),
        ("CumSum", ems::cumsum(&iota(4), 1)),
        ("ReduceMax", ems::max(&iota(4), 5i64, false)),
        ("ExpandDims", ems::expand_dims(&iota(4), 3)),
        ("Stack", ems::stack(&[iota(4), iota(4)], -3)),
    ] {
        match r {
            Err(Error::AxisOutOfRange { op, .. }) => assert_eq!(op, name),
            other => panic!("{name}: expected AxisOutOfRange, got {other:?}"),
        }
    }
}

#[test]
fn bool_of_two_elements_is_ambiguous() {
    let e = iota(2).to_bool().unwrap_err();
    assert!(matches!(e, Error::NotOneElement { numel: 2 }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "The tensor should have only one element, but got 2, more than one element is ambiguous."
    );
    assert_eq!(e.class(), ErrorClass::Value);
    assert!(iota(1).to_bool().is_ok());
    assert!(matches!(
        iota(3).item(),
        Err(Error::NotOneElement { numel: 3 })
    ));
}

#[test]
fn dtype_errors_are_type_errors() {
    let b = ems::ones(&[2], DType::Bool).unwrap();
    let e = ems::neg(&b).unwrap_err();
    assert!(
        matches!(
            e,
            Error::UnsupportedDType {
                op: "Neg",
                dtype: DType::Bool,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.class(), ErrorClass::Type);
    let e = ems::randn(&[2], DType::Int32).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "randn", .. }),
        "{e:?}"
    );
    let i = ems::ones(&[2], DType::Int64).unwrap();
    let e = p::exp(&i).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "Exp", .. }),
        "{e:?}"
    );
    let f = Tensor::from_vec(vec![0.0f32, 1.0], &[2]).unwrap();
    let e = ems::index(&iota(4), &[Index::Tensor(f)]).unwrap_err();
    assert!(
        matches!(e, Error::UnsupportedDType { op: "Index", .. }),
        "{e:?}"
    );
    let e = p::add(&i, &iota(2)).unwrap_err();
    assert!(matches!(e, Error::DTypeMismatch { op: "Add", .. }), "{e:?}");
}

#[test]
fn strict_primitives_reject_what_friendly_ops_would_fix() {
    // Strict binary primitives do not broadcast.
    let e = p::add(&ones(&[2, 1]), &ones(&[2, 3])).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { op: "Add", .. }), "{e:?}");
    // Wrong arity through bind.
    let e = ems::bind(Prim::Add, &[&ones(&[2])]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { op: "Add", .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("expected 2 operands, got 1"), "{e}");
    // Unsorted reduction axes.
    let e = p::reduce_sum(&ones(&[2, 3]), &[1, 0]).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidArgument {
                op: "ReduceSum",
                ..
            }
        ),
        "{e:?}"
    );
    // Slice limits past the end.
    let e = p::slice(&ones(&[4]), &[0], &[5], &[1]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { op: "Slice", .. }),
        "{e:?}"
    );
    // Gather positions are checked against the data.
    let idx = Tensor::from_vec(vec![3i32], &[1]).unwrap();
    let e = p::gather(&ones(&[3]), &idx, 0).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                op: "Gather",
                index: 3,
                size: 3
            }
        ),
        "{e:?}"
    );
    let e = p::scatter_add(&ones(&[3]), &idx, &ones(&[1]), 0).unwrap_err();
    assert!(
        matches!(
            e,
            Error::IndexOutOfBounds {
                op: "ScatterAdd",
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn oversized_shapes_are_errors_not_panics() {
    let huge = [usize::MAX, 2];
    assert!(ems::zeros(&huge, DType::Float32).is_err());
    assert!(ems::zeros(&[0, usize::MAX, 3], DType::Float32).is_err());
    assert!(ems::eye(usize::MAX, Some(2), DType::Float32).is_err());
    assert!(ems::linspace(0.0, 1.0, usize::MAX).is_err());
    assert!(Tensor::from_vec(Vec::<f32>::new(), &[usize::MAX, 3, 0]).is_err());
    let x = Tensor::scalar(1.0f32);
    assert!(p::broadcast_in_dim(&x, &[1 << 40, 1 << 40], &[]).is_err());
    assert!(p::pad(&ones(&[2]), &[usize::MAX], &[1], &[0]).is_err());
    assert!(p::reshape(&ones(&[4]), &[1 << 32, 1 << 32, 4]).is_err());
}

#[test]
fn swapaxes_and_split_of_a_0d_tensor_do_not_panic() {
    let x = Tensor::scalar(1.5f64);
    assert_eq!(
        ems::swapaxes(&x, 0, -1).unwrap().shape(),
        Vec::<usize>::new()
    );
    assert!(ems::split(&x, Split::Sections(1), 0).is_err());
}
