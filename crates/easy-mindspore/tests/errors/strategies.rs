//! Inputs for the properties: tensor, index and primitive specifications, the proptest strategies
//! that generate them, and the proptest configuration.

use easy_mindspore as ems;
use ems::op::{CellOp, ConvKind, PoolKind, Window};
use ems::prim::{
    ArgMax, ArgSort, Attention, BinaryOp, BroadcastInDim, Cast, CellGrad, CheckIndex, Concat, Conv,
    Cumsum, Dft, Dist, Gather, IndexRole, LayerNorm, LinalgOp, LstmLayer, LstmLayerGrad, MsStream,
    Pad, Permute, Pool, Random, Reduce, ReduceOp, Reshape, Rev, ScatterAdd, Slice, Softmax,
    SvdParts, UnaryOp, VarMean,
};
use ems::random::mindspore::StreamKernel;
use ems::{CmpOp, DType, Index, NormOrd, Prim, Tensor};
use proptest::prelude::*;

/// A tensor to build: its dtype, logical shape, the values cycled through it, and how it is viewed
/// (0 contiguous, 1 transposed, 2 flipped on every axis, 3 broadcast along the first axis).
#[derive(Clone, Debug)]
pub(crate) struct TSpec {
    dtype: DType,
    shape: Vec<usize>,
    pool: Vec<f64>,
    view: u8,
}

fn filled(dtype: DType, shape: &[usize], pool: &[f64]) -> Tensor {
    let n: usize = shape.iter().product();
    let v: Vec<f64> = (0..n).map(|i| pool[i % pool.len()]).collect();
    let t = Tensor::from_vec(v, shape).and_then(|t| ems::cast(&t, dtype));
    t.expect("data matches its shape")
}

pub(crate) fn build(s: &TSpec) -> Tensor {
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

pub(crate) fn dtype() -> impl Strategy<Value = DType> {
    prop::sample::select(DType::ALL.to_vec())
}

pub(crate) fn shape() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(prop_oneof![4 => 0usize..4, 1 => Just(5usize)], 0..4)
}

pub(crate) fn value() -> impl Strategy<Value = f64> {
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
pub(crate) fn range_value() -> impl Strategy<Value = f64> {
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

pub(crate) fn tspec() -> impl Strategy<Value = TSpec> {
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
pub(crate) fn axis() -> impl Strategy<Value = i64> {
    prop_oneof![
        6 => -4i64..4,
        1 => prop::sample::select(vec![i64::MIN, i64::MAX, -100, 100]),
    ]
}

pub(crate) fn axes() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(axis(), 0..4)
}

/// A primitive parameter: small, or the largest `usize`.
pub(crate) fn param() -> impl Strategy<Value = usize> {
    prop_oneof![8 => 0usize..5, 1 => Just(usize::MAX)]
}

pub(crate) fn params() -> impl Strategy<Value = Vec<usize>> {
    prop::collection::vec(param(), 0..4)
}

pub(crate) fn ord() -> impl Strategy<Value = NormOrd> {
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
pub(crate) enum ISpec {
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

pub(crate) fn ispec() -> impl Strategy<Value = ISpec> {
    prop_oneof![
        3 => axis().prop_map(ISpec::Int),
        4 => (bound(), bound(), step()).prop_map(|(a, b, c)| ISpec::Slice(a, b, c)),
        1 => Just(ISpec::NewAxis),
        1 => Just(ISpec::Ellipsis),
        1 => (prop::collection::vec(-6i64..6, 0..5), dtype(), any::<bool>())
            .prop_map(|(v, d, z)| ISpec::Tensor(v, d, z)),
    ]
}

pub(crate) fn to_index(s: &ISpec) -> Index {
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

/// A primitive with arbitrary parameters: `k` picks the variant (in `Prim::all_names()` order).
#[derive(Clone, Debug)]
pub(crate) struct PSpec {
    pub(crate) k: usize,
    pub(crate) a: Vec<usize>,
    pub(crate) b: Vec<usize>,
    pub(crate) c: Vec<usize>,
    pub(crate) dtype: DType,
    pub(crate) cmp: usize,
}

pub(crate) const CMPS: [CmpOp; 6] = [
    CmpOp::Eq,
    CmpOp::Ne,
    CmpOp::Lt,
    CmpOp::Le,
    CmpOp::Gt,
    CmpOp::Ge,
];

pub(crate) fn prim_of(s: &PSpec) -> Prim {
    let (a, b, c) = (s.a.clone(), s.b.clone(), s.c.clone());
    let axis = s.a.first().copied().unwrap_or(0);
    match s.k % Prim::all_names().len() {
        0 => Prim::Unary(UnaryOp::Neg),
        1 => Prim::Unary(UnaryOp::Exp),
        2 => Prim::Unary(UnaryOp::Log),
        3 => Prim::Unary(UnaryOp::Sin),
        4 => Prim::Unary(UnaryOp::Cos),
        5 => Prim::Unary(UnaryOp::Tanh),
        6 => Prim::Unary(UnaryOp::Sqrt),
        7 => Prim::Unary(UnaryOp::Floor),
        8 => Prim::Unary(UnaryOp::Erf),
        9 => Prim::Unary(UnaryOp::Abs),
        10 => Prim::Unary(UnaryOp::Erfinv),
        11 => Prim::Unary(UnaryOp::Expm1),
        12 => Prim::Unary(UnaryOp::Log1p),
        13 => Prim::Unary(UnaryOp::Invert),
        14 => Prim::Unary(UnaryOp::BesselI0),
        15 => Prim::Unary(UnaryOp::BesselI0e),
        16 => Prim::Unary(UnaryOp::BesselI1),
        17 => Prim::Unary(UnaryOp::BesselI1e),
        18 => Prim::Unary(UnaryOp::Erfc),
        19 => Prim::Unary(UnaryOp::Sigmoid),
        20 => Prim::Unary(UnaryOp::Atan),
        21 => Prim::Unary(UnaryOp::Sinh),
        22 => Prim::Unary(UnaryOp::Lgamma),
        23 => Prim::Unary(UnaryOp::ReLU),
        24 => Prim::Unary(UnaryOp::Conj),
        25 => Prim::Unary(UnaryOp::BesselJ0),
        26 => Prim::Unary(UnaryOp::BesselJ1),
        27 => Prim::Unary(UnaryOp::BesselY0),
        28 => Prim::Unary(UnaryOp::BesselY1),
        29 => Prim::Unary(UnaryOp::BesselK0),
        30 => Prim::Unary(UnaryOp::BesselK0e),
        31 => Prim::Unary(UnaryOp::BesselK1),
        32 => Prim::Unary(UnaryOp::BesselK1e),
        33 => Prim::Binary(BinaryOp::Add),
        34 => Prim::Binary(BinaryOp::Sub),
        35 => Prim::Binary(BinaryOp::Mul),
        36 => Prim::Binary(BinaryOp::Div),
        37 => Prim::Binary(BinaryOp::Pow),
        38 => Prim::Binary(BinaryOp::Max),
        39 => Prim::Binary(BinaryOp::Min),
        40 => Prim::Binary(BinaryOp::Mod),
        41 => Prim::Binary(BinaryOp::BitwiseAnd),
        42 => Prim::Binary(BinaryOp::BitwiseOr),
        43 => Prim::Binary(BinaryOp::BitwiseXor),
        44 => Prim::Binary(BinaryOp::LeftShift),
        45 => Prim::Binary(BinaryOp::RightShift),
        46 => Prim::Binary(BinaryOp::Polygamma),
        47 => Prim::Compare(CMPS[s.cmp % CMPS.len()]),
        48 => Prim::Where,
        49 => Prim::Cast(Cast { to: s.dtype }),
        50 => Prim::Reduce(Reduce {
            op: ReduceOp::Sum,
            axes: a.into(),
        }),
        51 => Prim::Reduce(Reduce {
            op: ReduceOp::Max,
            axes: a.into(),
        }),
        52 => Prim::ArgMax(ArgMax { axis }),
        53 => Prim::ArgSort(ArgSort {
            descending: s.cmp.is_multiple_of(2),
        }),
        54 => Prim::Cumsum(Cumsum { axis }),
        55 => Prim::Reshape(Reshape { shape: a.into() }),
        56 => Prim::Permute(Permute { perm: a.into() }),
        57 => Prim::BroadcastInDim(BroadcastInDim {
            shape: a.into(),
            dims: b.into(),
        }),
        58 => Prim::Slice(Slice {
            starts: a.into(),
            limits: b.into(),
            steps: c.into(),
        }),
        59 => Prim::Pad(Pad {
            lo: a.into(),
            hi: b.into(),
            interior: c.into(),
        }),
        60 => Prim::Concat(Concat { axis }),
        61 => Prim::Rev(Rev { axes: a.into() }),
        62 => Prim::MatMul,
        63 => Prim::Gather(Gather { axis }),
        64 => Prim::ScatterAdd(ScatterAdd { axis }),
        65 => Prim::StopGradient,
        66 => Prim::Random(Random {
            dist: if s.cmp.is_multiple_of(2) {
                Dist::Uniform
            } else {
                Dist::Normal
            },
            shape: a.into(),
            dtype: s.dtype,
        }),
        67 => Prim::CheckIndex(CheckIndex {
            op: "check",
            size: axis,
            allowed: s.b.first().map(|&v| v as i64 - 1),
            role: if s.cmp.is_multiple_of(2) {
                IndexRole::Index
            } else {
                IndexRole::Label
            },
        }),
        69 => Prim::Softmax(Softmax { axis }),
        70 => Prim::VarMean(VarMean { axes: a.into() }),
        71 => Prim::Conv(Conv {
            kind: ConvKind::Forward,
            win: window(s),
            size: pair(&s.c),
        }),
        72 => Prim::Conv(Conv {
            kind: ConvKind::Input,
            win: window(s),
            size: pair(&s.c),
        }),
        73 => Prim::Conv(Conv {
            kind: ConvKind::Weight,
            win: window(s),
            size: pair(&s.c),
        }),
        74..=77 => Prim::Pool(Pool {
            kind: match s.k % Prim::all_names().len() {
                74 => PoolKind::MaxSelect,
                75 => PoolKind::MaxScatter,
                76 => PoolKind::Avg {
                    include_pad: s.cmp.is_multiple_of(2),
                },
                _ => PoolKind::AvgGrad {
                    include_pad: s.cmp.is_multiple_of(2),
                },
            },
            kernel: pair(&s.b),
            win: Window {
                groups: 1,
                ..window(s)
            },
            size: pair(&s.c),
        }),
        78 => Prim::Linalg(LinalgOp::Inverse),
        79 => Prim::Linalg(LinalgOp::Det),
        80 => Prim::Linalg(LinalgOp::LogAbsDet),
        81 => Prim::Linalg(LinalgOp::SignDet),
        82 => Prim::Linalg(LinalgOp::Cholesky),
        83 => Prim::Linalg(LinalgOp::Svd(match s.cmp % 3 {
            0 => SvdParts::Values,
            1 => SvdParts::Reduced,
            _ => SvdParts::Complete,
        })),
        84 => Prim::Linalg(LinalgOp::Eig {
            vectors: s.cmp.is_multiple_of(2),
        }),
        85 => Prim::RnnCell(CellOp::Lstm),
        86 => Prim::RnnCell(CellOp::Gru),
        87 => Prim::Attention(Attention {
            scale: [0.5, -1.0, 0.0, 1e300, f64::NAN, f64::INFINITY][s.cmp % 6],
        }),
        88 => Prim::LayerNorm(LayerNorm {
            axis,
            eps: [1e-5, 0.0, -1.0, f64::NAN, f64::INFINITY][s.cmp % 5],
        }),
        89 => Prim::Dft(Dft {
            inverse: s.cmp % 2 == 1,
        }),
        90 => Prim::LstmLayer(LstmLayer {
            reverse: s.cmp % 2 == 1,
        }),
        91 => Prim::LstmLayerGrad(LstmLayerGrad(LstmLayer {
            reverse: s.cmp % 2 == 1,
        })),
        92 => Prim::RnnCellGrad(CellGrad(CellOp::Lstm)),
        93 => Prim::RnnCellGrad(CellGrad(CellOp::Gru)),
        94 => Prim::MsStream(MsStream {
            kernel: match s.cmp % 3 {
                0 => StreamKernel::StandardNormal,
                1 => StreamKernel::UniformReal,
                _ => StreamKernel::UniformInt {
                    low: s.b.first().map_or(0, |&v| v as i64) - 2,
                    high: s.c.first().map_or(0, |&v| v as i64),
                },
            },
            shape: a.iter().copied().collect(),
            advance: s.cmp % 2 == 1,
        }),
        // A custom function of any arity: negates its first input; its rule returns the output
        // cotangent for every input (the wrong shape whenever the inputs differ from the output).
        _ => ems::CustomVjp::new(
            "neg_first",
            |xs| match xs.first() {
                Some(x) => ems::ops::prim::neg(x),
                None => Err(ems::Error::Transform {
                    op: "neg_first",
                    msg: "no input".into(),
                }),
            },
            |xs, _out, dout| Ok(vec![dout.clone(); xs.len()]),
        )
        .prim(),
    }
}

pub(crate) fn pspec() -> impl Strategy<Value = PSpec> {
    (
        0usize..Prim::all_names().len(),
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

pub(crate) type Binary = fn(&Tensor, &Tensor) -> ems::Result<Tensor>;
pub(crate) type Unary = fn(&Tensor) -> ems::Result<Tensor>;

/// `cases` per property, or `EMS_FUZZ_CASES` for a deeper local run.
pub(crate) fn cfg(cases: u32) -> ProptestConfig {
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

/// Two arbitrary entries of `v` (the fuzzer's sizes, `usize::MAX` included), 1 when missing.
fn pair(v: &[usize]) -> [usize; 2] {
    [
        v.first().copied().unwrap_or(1),
        v.get(1).copied().unwrap_or(1),
    ]
}

/// An arbitrary convolution window from the spec's vectors (zero strides and groups included).
fn window(s: &PSpec) -> Window {
    Window {
        stride: pair(&s.a),
        dilation: pair(&s.a[s.a.len().min(2)..]),
        pad: pair(&s.b),
        groups: s.cmp,
    }
}
