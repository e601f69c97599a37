//! Lowering a [`Graph`] of our primitives to a MindIR model of MindSpore's: each equation becomes
//! the MindSpore primitive its rule names ([`MsForm`]), with the arguments MindSpore 2.10's
//! primitives take — as inputs of the node for its functional primitives (`MatMul(x, w,
//! transpose_a, transpose_b)`), as attributes for the others (`Conv2D`, `MaxPool`) — and every
//! node carries its output's type, as MindSpore's own files do. Views that change nothing write
//! no node, and a broadcast that only feeds MindSpore operations which broadcast by themselves
//! stays implicit, so the file runs at other batch sizes.

use super::proto::{
    attr_type as at, data_type_of, AttributeProto, GraphProto, ModelProto, NodeProto,
    PrimitiveProto, TensorProto, ValueInfoProto, PRIMITIVE, PRIMITIVE_FUNCTION,
};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::jit::graph::{Atom, Graph};
use crate::prim::ms_form::{MsArg, MsForm};
use crate::prim::Aval;
use crate::tensor::Tensor;

const OP: &str = "export";
const GRAPH: &str = "easy_mindspore_graph";

/// An attribute holding an integer.
fn int(v: i64) -> AttributeProto {
    AttributeProto {
        i: Some(v),
        r#type: Some(at::INT64),
        ..Default::default()
    }
}

fn boolean(v: bool) -> AttributeProto {
    AttributeProto {
        i: Some(i64::from(v)),
        r#type: Some(at::BOOL),
        ..Default::default()
    }
}

fn float(v: f64) -> AttributeProto {
    AttributeProto {
        f: Some(v as f32),
        r#type: Some(at::FLOAT),
        ..Default::default()
    }
}

fn string(v: &str) -> AttributeProto {
    AttributeProto {
        s: Some(v.as_bytes().to_vec()),
        r#type: Some(at::STRING),
        ..Default::default()
    }
}

/// A tuple of integers (each element in `ints`, as MindSpore writes them).
fn ints(v: impl IntoIterator<Item = usize>) -> AttributeProto {
    AttributeProto {
        r#type: Some(at::TUPLE),
        values: v
            .into_iter()
            .map(|x| AttributeProto {
                ints: vec![x as i64],
                r#type: Some(at::INT64),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

fn named(name: &str, mut a: AttributeProto) -> AttributeProto {
    a.name = Some(name.to_string());
    a
}

/// The type (and, with `data`, the contents) of a tensor.
fn tensor_proto(dims: &[usize], dt: DType, data: Option<&Tensor>) -> Result<TensorProto> {
    Ok(TensorProto {
        dims: dims.iter().map(|&d| d as i64).collect(),
        data_type: Some(data_type_of(dt)),
        raw_data: data.map(|t| t.to_le_bytes()).transpose()?,
        ..Default::default()
    })
}

/// The attribute of a constant argument.
fn arg(a: &MsArg) -> Result<AttributeProto> {
    Ok(match a {
        MsArg::Int(v) => int(*v),
        MsArg::Bool(v) => boolean(*v),
        MsArg::Float(v) => float(*v),
        MsArg::Str(v) => string(v),
        MsArg::Ints(v) => ints(v.iter().copied()),
        MsArg::Pairs(v) => AttributeProto {
            r#type: Some(at::TUPLE),
            values: v.iter().map(|p| ints(*p)).collect(),
            ..Default::default()
        },
        MsArg::Type(dt) => int(dt.type_id()),
        MsArg::Tensor(t) => AttributeProto {
            tensors: vec![tensor_proto(t.dims(), t.dtype(), Some(t))?],
            r#type: Some(at::TENSORS),
            ..Default::default()
        },
    })
}

/// The model being written.
struct Lower<'g> {
    g: &'g Graph,
    nodes: Vec<NodeProto>,
    prims: Vec<PrimitiveProto>,
    /// The name of each variable's value.
    vars: Vec<String>,
    /// The name of each constant's node, once written.
    consts: Vec<Option<String>>,
    /// Each variable that is a broadcast which may stay implicit ([`implicit_broadcasts`]).
    implicit: Vec<bool>,
}

impl Lower<'_> {
    fn fresh(&self) -> usize {
        self.nodes.len() + self.prims.len()
    }

    /// A `Constant` node of `value`; returns its name.
    fn constant(&mut self, value: AttributeProto) -> String {
        let name = format!("ValueNode_{}", self.fresh());
        self.nodes.push(NodeProto {
            output: vec![name.clone()],
            name: Some(name.clone()),
            op_type: Some("Constant".into()),
            attribute: vec![named("value", value)],
            ..Default::default()
        });
        name
    }

    /// A node applying MindSpore's primitive `op` (with `attrs`, functional or not) to
    /// `inputs`, whose output has `ty` (none for a tuple); returns the output's name.
    fn apply(
        &mut self,
        op: &str,
        functional: bool,
        attrs: Vec<AttributeProto>,
        inputs: Vec<String>,
        ty: Option<Aval<'_>>,
    ) -> Result<String> {
        let k = self.fresh();
        let prim = format!("{op}:{k}");
        self.prims.push(PrimitiveProto {
            name: Some(prim.clone()),
            op_type: Some(op.into()),
            attribute: attrs,
            instance_name: Some(String::new()),
            prim_type: Some(if functional {
                PRIMITIVE_FUNCTION
            } else {
                PRIMITIVE
            }),
        });
        let out = format!("{GRAPH}:CNode_{k}");
        let shape = match ty {
            Some((dims, dt)) => vec![AttributeProto {
                name: Some("shape".into()),
                tensors: vec![tensor_proto(dims, dt, None)?],
                r#type: Some(at::TENSORS),
                ..Default::default()
            }],
            None => Vec::new(),
        };
        self.nodes.push(NodeProto {
            input: inputs,
            output: vec![out.clone()],
            name: Some(out.clone()),
            op_type: Some(format!("REF::{prim}")),
            attribute: shape,
            domain: Some(format!("Default/{op}-op{k}")),
            ..Default::default()
        });
        Ok(out)
    }

    fn atom(&mut self, a: Atom) -> Result<String> {
        match a {
            Atom::Var(v) => Ok(self.vars[v].clone()),
            Atom::Const(c) => {
                if let Some(name) = &self.consts[c] {
                    return Ok(name.clone());
                }
                let value = arg(&MsArg::Tensor(self.g.consts[c].clone()))?;
                let name = self.constant(value);
                self.consts[c] = Some(name.clone());
                Ok(name)
            }
        }
    }

    /// The nodes of the equation defining variable `v` in `form`; returns its value's name.
    fn equation(&mut self, v: usize, form: &MsForm) -> Result<String> {
        let e = &self.g.eqns[v - self.g.n_inputs];
        let args = e.args.clone();
        let out = (&self.g.types[v].0[..], self.g.types[v].1);
        let mut xs = args
            .iter()
            .map(|&a| self.atom(a))
            .collect::<Result<Vec<_>>>()?;
        match form {
            MsForm::Same => Ok(xs.swap_remove(0)),
            MsForm::Broadcast {
                aligned,
                trailing,
                shape,
            } => {
                let (implicit, from) = (self.implicit[v], self.g.aval(args[0]).0);
                if implicit && *trailing {
                    return Ok(xs.swap_remove(0)); // NumPy's broadcasting aligns them
                }
                let mut x = xs.swap_remove(0);
                if aligned[..] != from[..] {
                    let shape_arg = self.constant(ints(aligned.iter().copied()));
                    x = self.apply(
                        "Reshape",
                        true,
                        vec![],
                        vec![x, shape_arg],
                        Some((aligned, out.1)),
                    )?;
                }
                if aligned == shape || implicit {
                    return Ok(x);
                }
                let shape_arg = self.constant(ints(shape.iter().copied()));
                self.apply("BroadcastTo", true, vec![], vec![x, shape_arg], Some(out))
            }
            MsForm::Op {
                op,
                functional,
                args: consts,
                attrs,
                tuple,
                pick,
                one_operand,
                ..
            } => {
                if *one_operand {
                    if args.iter().any(|&a| a != args[0]) {
                        return Err(no_form(&format!("{:?}", e.prim)));
                    }
                    xs.truncate(1);
                }
                if *tuple {
                    xs = vec![self.apply("MakeTuple", false, vec![], xs, None)?];
                }
                for c in consts {
                    let value = arg(c)?;
                    xs.push(self.constant(value));
                }
                let attrs = attrs
                    .iter()
                    .map(|(name, a)| Ok(named(name, arg(a)?)))
                    .collect::<Result<Vec<_>>>()?;
                match pick {
                    None => self.apply(op, *functional, attrs, xs, Some(out)),
                    Some(i) => {
                        let whole = self.apply(op, *functional, attrs, xs, None)?;
                        let item = self.constant(int(*i));
                        self.apply("TupleGetItem", false, vec![], vec![whole, item], Some(out))
                    }
                }
            }
        }
    }
}

fn no_form(prim: &str) -> Error {
    Error::Transform {
        op: OP,
        msg: format!("the primitive {prim} has no MindIR form: the network cannot be exported"),
    }
}

/// For each variable, whether it is a broadcast that may stay implicit: every equation that
/// reads it is a MindSpore operation that broadcasts its operands, with another operand of its
/// full shape that is not such a broadcast; and it is not a result.
fn implicit_broadcasts(g: &Graph, forms: &[Option<MsForm>]) -> Vec<bool> {
    let is_broadcast = |v: usize| {
        v >= g.n_inputs && matches!(forms[v - g.n_inputs], Some(MsForm::Broadcast { .. }))
    };
    let mut ok: Vec<bool> = (0..g.types.len()).map(is_broadcast).collect();
    for a in &g.outputs {
        if let Atom::Var(v) = a {
            ok[*v] = false;
        }
    }
    for (e, form) in g.eqns.iter().zip(forms) {
        let broadcasts = matches!(
            form,
            Some(MsForm::Op {
                broadcasts: true,
                ..
            })
        );
        for (i, a) in e.args.iter().enumerate() {
            let Atom::Var(v) = *a else { continue };
            if !ok[v] {
                continue;
            }
            let full = e.args.iter().enumerate().any(|(j, &b)| {
                j != i
                    && g.aval(b).0[..] == g.types[e.out].0[..]
                    && !matches!(b, Atom::Var(w) if is_broadcast(w))
            });
            ok[v] = broadcasts && full;
        }
    }
    ok
}

/// The MindIR model of `g`, whose first `n_args` inputs are the function's and the rest the
/// `params` (name and value, in order).
pub fn lower(g: &Graph, n_args: usize, params: &[(String, Tensor)]) -> Result<ModelProto> {
    let mut l = Lower {
        g,
        nodes: Vec::new(),
        prims: Vec::new(),
        vars: Vec::with_capacity(g.types.len()),
        consts: vec![None; g.consts.len()],
        implicit: Vec::new(),
    };
    let forms: Vec<Option<MsForm>> = g
        .eqns
        .iter()
        .map(|e| {
            let ins: Vec<Aval<'_>> = e.args.iter().map(|&a| g.aval(a)).collect();
            e.prim
                .mindspore(&ins, (&g.types[e.out].0, g.types[e.out].1))
        })
        .collect();
    l.implicit = implicit_broadcasts(g, &forms);
    let mut graph = GraphProto {
        name: Some(GRAPH.into()),
        ..Default::default()
    };
    for v in 0..g.n_inputs {
        let (dims, dt) = (&g.types[v].0, g.types[v].1);
        if v < n_args {
            let name = format!("{GRAPH}:input_{v}");
            graph.input.push(ValueInfoProto {
                name: Some(name.clone()),
                tensor: vec![tensor_proto(dims, dt, None)?],
            });
            l.vars.push(name);
        } else {
            let (key, value) = &params[v - n_args];
            let name = format!("{GRAPH}:{key}");
            let mut t = tensor_proto(dims, dt, Some(value))?;
            t.name = Some(name.clone());
            t.ref_key = Some(key.clone());
            t.compression_type = Some(0);
            graph.parameter.push(t);
            l.vars.push(name);
        }
    }
    for (k, (e, form)) in g.eqns.iter().zip(&forms).enumerate() {
        let form = form
            .as_ref()
            .ok_or_else(|| no_form(&format!("{:?}", e.prim)))?;
        let name = l.equation(g.n_inputs + k, form)?;
        l.vars.push(name);
    }
    let outs = g
        .outputs
        .iter()
        .map(|&a| l.atom(a))
        .collect::<Result<Vec<_>>>()?;
    let result = match &outs[..] {
        [one] => one.clone(),
        _ => l.apply("MakeTuple", false, vec![], outs.clone(), None)?,
    };
    let mut info = ValueInfoProto {
        name: Some(result),
        tensor: Vec::new(),
    };
    if let [one] = &g.outputs[..] {
        let (dims, dt) = g.aval(*one);
        info.tensor.push(tensor_proto(dims, dt, None)?);
    }
    graph.output.push(info);
    graph.node = l.nodes;
    Ok(ModelProto {
        ir_version: Some("1.1".into()),
        producer_name: Some("easy_mindspore".into()),
        producer_version: Some(env!("CARGO_PKG_VERSION").into()),
        model_version: Some("2.10.0".into()),
        graph: Some(graph),
        functions: Vec::new(),
        little_endian: Some(true),
        primitives: l.prims,
        mind_ir_version: Some(3),
    })
}
