//! The messages of MindSpore's `mind_ir.proto` (proto2) that a MindIR file of an inference graph
//! uses, as `prost` structs written field for field from that schema (no code generator). Fields
//! a graph of ours never writes and the reader does not need (parallel layouts, preprocessors,
//! quantisation parameters, external data) are left out: `prost` skips unknown fields when it
//! decodes, so files that hold them still load.
//!
//! Scalars MindSpore reads by presence (an attribute's `i`, `f`, `s`, `type`) are `optional`, so
//! a zero is written as a value rather than left out; repeated numbers are written unpacked, as
//! proto2 does.

use prost::Message;

/// `ModelProto`: the file.
#[derive(Clone, PartialEq, Message)]
pub struct ModelProto {
    #[prost(string, optional, tag = "1")]
    pub ir_version: Option<String>,
    #[prost(string, optional, tag = "2")]
    pub producer_name: Option<String>,
    #[prost(string, optional, tag = "3")]
    pub producer_version: Option<String>,
    #[prost(string, optional, tag = "5")]
    pub model_version: Option<String>,
    #[prost(message, optional, tag = "7")]
    pub graph: Option<GraphProto>,
    #[prost(message, repeated, tag = "8")]
    pub functions: Vec<GraphProto>,
    #[prost(bool, optional, tag = "10")]
    pub little_endian: Option<bool>,
    #[prost(message, repeated, tag = "12")]
    pub primitives: Vec<PrimitiveProto>,
    #[prost(int64, optional, tag = "13")]
    pub mind_ir_version: Option<i64>,
}

/// `GraphProto`: nodes in execution order, the parameters with their data, inputs, outputs.
#[derive(Clone, PartialEq, Message)]
pub struct GraphProto {
    #[prost(message, repeated, tag = "1")]
    pub node: Vec<NodeProto>,
    #[prost(string, optional, tag = "2")]
    pub name: Option<String>,
    #[prost(message, repeated, tag = "3")]
    pub parameter: Vec<TensorProto>,
    #[prost(message, repeated, tag = "5")]
    pub input: Vec<ValueInfoProto>,
    #[prost(message, repeated, tag = "6")]
    pub output: Vec<ValueInfoProto>,
    #[prost(message, repeated, tag = "8")]
    pub attribute: Vec<AttributeProto>,
}

/// `NodeProto`: `op_type` is `Constant` (its `value` attribute) or `REF::<primitive name>`.
#[derive(Clone, PartialEq, Message)]
pub struct NodeProto {
    #[prost(string, repeated, tag = "1")]
    pub input: Vec<String>,
    #[prost(string, repeated, tag = "2")]
    pub output: Vec<String>,
    #[prost(string, optional, tag = "3")]
    pub name: Option<String>,
    #[prost(string, optional, tag = "4")]
    pub op_type: Option<String>,
    #[prost(message, repeated, tag = "5")]
    pub attribute: Vec<AttributeProto>,
    #[prost(string, optional, tag = "7")]
    pub domain: Option<String>,
    #[prost(message, repeated, tag = "8")]
    pub node_attr: Vec<AttributeProto>,
}

/// `PrimitiveProto`: a primitive the nodes refer to by `name`, with its attributes.
#[derive(Clone, PartialEq, Message)]
pub struct PrimitiveProto {
    #[prost(string, optional, tag = "1")]
    pub name: Option<String>,
    #[prost(string, optional, tag = "2")]
    pub op_type: Option<String>,
    #[prost(message, repeated, tag = "3")]
    pub attribute: Vec<AttributeProto>,
    #[prost(string, optional, tag = "4")]
    pub instance_name: Option<String>,
    /// `PrimType`: 1 `PRIMITIVE` (arguments as attributes), 2 `PRIMITIVE_FUNCTION` (every
    /// argument an input of the node).
    #[prost(int32, optional, tag = "5")]
    pub prim_type: Option<i32>,
}

/// `PrimType.PRIMITIVE`.
pub const PRIMITIVE: i32 = 1;
/// `PrimType.PRIMITIVE_FUNCTION`.
pub const PRIMITIVE_FUNCTION: i32 = 2;

/// `AttributeProto`: a named value; `type` says which field holds it.
#[derive(Clone, PartialEq, Message)]
pub struct AttributeProto {
    #[prost(string, optional, tag = "1")]
    pub name: Option<String>,
    #[prost(float, optional, tag = "2")]
    pub f: Option<f32>,
    #[prost(int64, optional, tag = "3")]
    pub i: Option<i64>,
    #[prost(double, optional, tag = "4")]
    pub d: Option<f64>,
    #[prost(bytes = "vec", optional, tag = "5")]
    pub s: Option<Vec<u8>>,
    #[prost(message, optional, tag = "6")]
    pub t: Option<TensorProto>,
    #[prost(float, repeated, packed = "false", tag = "8")]
    pub floats: Vec<f32>,
    #[prost(double, repeated, packed = "false", tag = "9")]
    pub doubles: Vec<f64>,
    #[prost(int64, repeated, packed = "false", tag = "10")]
    pub ints: Vec<i64>,
    #[prost(bytes = "vec", repeated, tag = "11")]
    pub strings: Vec<Vec<u8>>,
    #[prost(message, repeated, tag = "12")]
    pub tensors: Vec<TensorProto>,
    #[prost(int32, optional, tag = "16")]
    pub r#type: Option<i32>,
    #[prost(message, repeated, tag = "17")]
    pub values: Vec<AttributeProto>,
    #[prost(message, optional, tag = "18")]
    pub seq_info: Option<SeqInfoProto>,
}

/// `AttributeProto.SeqInfoProto`.
#[derive(Clone, PartialEq, Message)]
pub struct SeqInfoProto {
    #[prost(bool, optional, tag = "1")]
    pub is_dyn_len: Option<bool>,
}

/// `AttributeProto.AttributeType` values this module reads or writes.
pub mod attr_type {
    pub const FLOAT: i32 = 1;
    pub const UINT8: i32 = 2;
    pub const INT8: i32 = 3;
    pub const UINT16: i32 = 4;
    pub const INT16: i32 = 5;
    pub const INT32: i32 = 6;
    pub const INT64: i32 = 7;
    pub const STRING: i32 = 8;
    pub const BOOL: i32 = 9;
    pub const FLOAT16: i32 = 10;
    pub const DOUBLE: i32 = 11;
    pub const UINT32: i32 = 12;
    pub const UINT64: i32 = 13;
    pub const TENSOR: i32 = 17;
    pub const TENSORS: i32 = 19;
    pub const TUPLE: i32 = 20;
    pub const LIST: i32 = 21;
    pub const UMONAD: i32 = 23;
    pub const IOMONAD: i32 = 24;
    pub const NONE: i32 = 25;
}

/// `ValueInfoProto`: a graph input or output and its type.
#[derive(Clone, PartialEq, Message)]
pub struct ValueInfoProto {
    #[prost(string, optional, tag = "1")]
    pub name: Option<String>,
    #[prost(message, repeated, tag = "2")]
    pub tensor: Vec<TensorProto>,
}

/// `TensorProto`: a type (`dims`, `data_type`), with the data of a parameter or constant in
/// `raw_data` (little-endian); a parameter names itself in `ref_key`.
#[derive(Clone, PartialEq, Message)]
pub struct TensorProto {
    #[prost(int64, repeated, packed = "false", tag = "1")]
    pub dims: Vec<i64>,
    #[prost(int32, optional, tag = "2")]
    pub data_type: Option<i32>,
    #[prost(string, optional, tag = "7")]
    pub name: Option<String>,
    #[prost(bytes = "vec", optional, tag = "9")]
    pub raw_data: Option<Vec<u8>>,
    #[prost(string, optional, tag = "13")]
    pub ref_key: Option<String>,
    /// `CompressionType`: 0 `NO_COMPRESSION` is the only one read.
    #[prost(int32, optional, tag = "16")]
    pub compression_type: Option<i32>,
}

/// `TensorProto.DataType` of a dtype.
pub fn data_type_of(dt: crate::dtype::DType) -> i32 {
    use crate::dtype::DType as D;
    match dt {
        D::Float32 => 1,
        D::UInt8 => 2,
        D::Int8 => 3,
        D::UInt16 => 4,
        D::Int16 => 5,
        D::Int32 => 6,
        D::Int64 => 7,
        D::Bool => 9,
        D::Float16 => 10,
        D::Float64 => 11,
        D::UInt32 => 12,
        D::UInt64 => 13,
        D::Complex64 => 14,
        D::Complex128 => 15,
        D::BFloat16 => 16,
    }
}

/// The dtype of a `TensorProto.DataType` (`FLOAT64`, 17, is a second name for `DOUBLE`).
pub fn dtype_of(code: i32) -> Option<crate::dtype::DType> {
    use crate::dtype::DType as D;
    Some(match code {
        1 => D::Float32,
        2 => D::UInt8,
        3 => D::Int8,
        4 => D::UInt16,
        5 => D::Int16,
        6 => D::Int32,
        7 => D::Int64,
        9 => D::Bool,
        10 => D::Float16,
        11 | 17 => D::Float64,
        12 => D::UInt32,
        13 => D::UInt64,
        14 => D::Complex64,
        15 => D::Complex128,
        16 => D::BFloat16,
        _ => return None,
    })
}

/// Encodes a model.
pub fn encode(m: &ModelProto) -> Vec<u8> {
    m.encode_to_vec()
}

/// Decodes a model (prost checks every length against the bytes left before it allocates).
pub fn decode(bytes: &[u8]) -> Result<ModelProto, prost::DecodeError> {
    ModelProto::decode(bytes)
}
