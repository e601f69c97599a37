//! Reading a MindIR file into a [`Model`]: the graph's inputs, parameters (with their data),
//! constants and nodes in execution order, each node naming its primitive, the primitive's
//! attributes and its operands. What the nodes compute is not interpreted here: the front end
//! runs each primitive by its MindSpore name.

use super::proto::{self, attr_type as at, AttributeProto, GraphProto, ModelProto, TensorProto};
use super::{Graph, Model, Node, Param, Value, CALL};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::MAX_NDIM;
use crate::nn::checkpoint::tensor_from_le;
use crate::tensor::Tensor;
use std::collections::HashMap;

const OP: &str = "load";

fn bad(what: impl Into<String>) -> Error {
    Error::invalid(OP, what)
}

/// A [`Model`] of a MindIR file's bytes.
pub fn read(bytes: &[u8]) -> Result<Model> {
    let m: ModelProto = proto::decode(bytes)
        .map_err(|e| bad(format!("the file is not a MindIR model (protobuf: {e})")))?;
    let Some(g) = m.graph.as_ref() else {
        return Err(bad("the file is not a MindIR model (it has no graph)"));
    };
    if m.little_endian == Some(false) {
        return Err(bad("the model's data is big-endian"));
    }
    let prims: HashMap<&str, &proto::PrimitiveProto> = m
        .primitives
        .iter()
        .filter_map(|p| Some((p.name.as_deref()?, p)))
        .collect();
    let mut params = Vec::with_capacity(g.parameter.len());
    for p in &g.parameter {
        let name = p.name.clone().unwrap_or_default();
        let key = p.ref_key.clone().unwrap_or_else(|| short(&name));
        params.push(Param {
            value: tensor(p, &name)?,
            name,
            key,
        });
    }
    let graph = read_graph(g, &prims, true)?;
    if graph.outputs.is_empty() {
        return Err(bad("the graph has no outputs (a cut file?)"));
    }
    let functions = m
        .functions
        .iter()
        .map(|f| read_graph(f, &prims, false))
        .collect::<Result<Vec<_>>>()?;
    Ok(Model {
        producer: m.producer_name.clone().unwrap_or_default(),
        params,
        graph,
        functions,
    })
}

/// One graph of the file. The main graph's inputs must have types; a sub-graph's may not (the
/// state token MindSpore threads through side effects).
fn read_graph(
    g: &GraphProto,
    prims: &HashMap<&str, &proto::PrimitiveProto>,
    main: bool,
) -> Result<Graph> {
    let mut graph = Graph {
        name: g.name.clone().unwrap_or_default(),
        ..Graph::default()
    };
    for i in &g.input {
        let name = i.name.clone().unwrap_or_default();
        let ty = match i.tensor.first() {
            Some(t) => Some((dims(t)?, dtype(t)?)),
            None if main => return Err(bad(format!("graph input '{name}' has no tensor type"))),
            None => None,
        };
        graph.inputs.push((name, ty));
    }
    for n in &g.node {
        let op_type = n.op_type.as_deref().unwrap_or_default();
        let Some(output) = n.output.first().cloned() else {
            return Err(bad(format!("node '{op_type}' has no output")));
        };
        if op_type == "Constant" {
            let value = match n
                .attribute
                .iter()
                .find(|a| a.name.as_deref() == Some("value"))
            {
                Some(a) => value(a, &output)?,
                None => return Err(bad(format!("constant '{output}' has no value"))),
            };
            graph.constants.push((output, value));
            continue;
        }
        let (op, prim_type, attrs, inputs) = match op_type.strip_prefix("REF::") {
            Some(key) => match prims.get(key) {
                Some(p) => {
                    let op = p.op_type.clone().unwrap_or_default();
                    let kind = p.prim_type.unwrap_or(proto::PRIMITIVE);
                    (op, kind, &p.attribute[..], n.input.clone())
                }
                // A call of a sub-graph (by its name) or of a value that is one (a `Switch`'s
                // choice, a `Partial`): the callee is the first operand.
                None => {
                    let mut inputs = vec![key.to_string()];
                    inputs.extend(n.input.iter().cloned());
                    (CALL.to_string(), proto::PRIMITIVE_FUNCTION, &[][..], inputs)
                }
            },
            // Files before primitives had their own table: the attributes are the node's.
            None => (
                op_type.to_string(),
                proto::PRIMITIVE,
                &n.attribute[..],
                n.input.clone(),
            ),
        };
        let attrs = attrs
            .iter()
            // The inferred type, the argument names, and attributes of kinds no primitive
            // run here reads (a primitive missing one it needs says so when it runs).
            .filter(|a| {
                !matches!(
                    a.name.as_deref(),
                    Some("shape" | "input_names" | "output_names")
                ) && readable(a.r#type.unwrap_or(0))
            })
            .map(|a| Ok((a.name.clone().unwrap_or_default(), value(a, &output)?)))
            .collect::<Result<Vec<_>>>()?;
        graph.nodes.push(Node {
            output,
            op,
            functional: prim_type == proto::PRIMITIVE_FUNCTION,
            attrs,
            inputs,
        });
    }
    graph.outputs = g
        .output
        .iter()
        .map(|o| o.name.clone().unwrap_or_default())
        .collect();
    Ok(graph)
}

/// The part of a qualified name after its graph's prefix (`graph:fc.weight` → `fc.weight`).
fn short(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

fn dims(t: &TensorProto) -> Result<Vec<usize>> {
    if t.dims.len() > MAX_NDIM {
        return Err(bad(format!(
            "a tensor of {} dimensions (at most {MAX_NDIM})",
            t.dims.len()
        )));
    }
    t.dims
        .iter()
        .map(|&d| usize::try_from(d).map_err(|_| bad(format!("a tensor dimension of {d}"))))
        .collect()
}

fn dtype(t: &TensorProto) -> Result<DType> {
    let code = t.data_type.unwrap_or(0);
    proto::dtype_of(code).ok_or_else(|| bad(format!("a tensor of data type {code}")))
}

/// The tensor a `TensorProto` holds in `raw_data`.
fn tensor(t: &TensorProto, name: &str) -> Result<Tensor> {
    if t.compression_type.unwrap_or(0) != 0 {
        return Err(bad(format!("'{name}' is compressed")));
    }
    let Some(raw) = t.raw_data.as_deref() else {
        return Err(bad(format!(
            "'{name}' has no data in the file (external data is not supported)"
        )));
    };
    tensor_from_le(dtype(t)?, raw, &dims(t)?)
}

/// Whether [`value`] reads attributes of this type.
fn readable(ty: i32) -> bool {
    matches!(
        ty,
        at::BOOL
            | at::INT8
            | at::INT16
            | at::INT32
            | at::INT64
            | at::UINT8
            | at::UINT16
            | at::UINT32
            | at::UINT64
            | at::FLOAT
            | at::FLOAT16
            | at::DOUBLE
            | at::STRING
            | at::TUPLE
            | at::LIST
            | at::NONE
            | at::UMONAD
            | at::IOMONAD
            | at::TENSOR
            | at::TENSORS
    )
}

/// The value of an attribute (a constant node's `value`, a primitive's argument).
fn value(a: &AttributeProto, at_node: &str) -> Result<Value> {
    let ty = a.r#type.unwrap_or(0);
    let int = || a.i.or_else(|| a.ints.first().copied());
    Ok(match ty {
        at::BOOL => Value::Bool(int().unwrap_or(0) != 0),
        at::INT8 | at::INT16 | at::INT32 | at::INT64 | at::UINT8 | at::UINT16 | at::UINT32
        | at::UINT64 => Value::Int(int().unwrap_or(0)),
        at::FLOAT | at::FLOAT16 => Value::Float(f64::from(a.f.or_else(|| a.floats.first().copied()).unwrap_or(0.0))),
        at::DOUBLE => Value::Float(a.d.or_else(|| a.doubles.first().copied()).unwrap_or(0.0)),
        at::STRING => {
            let s = a.s.as_deref().or_else(|| a.strings.first().map(|s| &s[..]));
            Value::Str(String::from_utf8_lossy(s.unwrap_or_default()).into_owned())
        }
        at::TUPLE | at::LIST => Value::Seq(
            a.values
                .iter()
                .map(|v| value(v, at_node))
                .collect::<Result<_>>()?,
        ),
        at::NONE => Value::None,
        at::UMONAD | at::IOMONAD => Value::Monad,
        at::TENSOR => match &a.t {
            Some(t) => Value::Tensor(tensor(t, at_node)?),
            None => return Err(bad(format!("'{at_node}': a tensor attribute without a tensor"))),
        },
        at::TENSORS => match &a.tensors[..] {
            // A dtype argument: a tensor type with no dims and no data.
            [t] if t.raw_data.is_none() && t.dims.is_empty() => Value::Type(dtype(t)?),
            [t] => Value::Tensor(tensor(t, at_node)?),
            ts => Value::Seq(
                ts.iter()
                    .map(|t| tensor(t, at_node).map(Value::Tensor))
                    .collect::<Result<_>>()?,
            ),
        },
        other => {
            return Err(bad(format!(
                "'{at_node}': attribute '{}' has a value of MindIR type {other}, which is not supported",
                a.name.as_deref().unwrap_or_default()
            )))
        }
    })
}
