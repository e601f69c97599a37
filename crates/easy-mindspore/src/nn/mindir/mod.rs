//! MindIR, MindSpore's file format for a network's graph (`mindspore.export(...,
//! file_format="MINDIR")`, `mindspore.load`): protocol buffers of `mind_ir.proto` (`proto`).
//! A file holds a main graph whose nodes apply MindSpore's primitives, by name, to the graph's
//! inputs, its parameters (stored with their data) and constants, and the sub-graphs of its
//! control flow (the branches of an `if` and the bodies of loops, which `Partial`, `Switch` and
//! call nodes select and call).
//!
//! [`export`] traces a function into a graph of our primitives and writes each equation as the
//! MindSpore primitive its rule names (`lower`), so that MindSpore loads the file; [`read`]
//! turns a file (ours or MindSpore's) into a [`Model`] whose nodes still name MindSpore's
//! primitives: running them is the front end's, which implements MindSpore's primitives by name.

mod lower;
mod proto;
mod read;

pub use read::read;

use crate::error::{Error, Result};
use crate::jit::trace;
use crate::prim::Var;
use crate::tensor::Tensor;

/// A constant, or an argument of a primitive, as a MindIR file stores it.
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`.
    None,
    /// A boolean.
    Bool(bool),
    /// An integer (also a dtype, as MindSpore's type id).
    Int(i64),
    /// A float.
    Float(f64),
    /// A string.
    Str(String),
    /// A tuple or list.
    Seq(Vec<Value>),
    /// A tensor.
    Tensor(Tensor),
    /// A dtype.
    Type(crate::dtype::DType),
    /// The state token MindSpore threads through side effects (`U`): no value.
    Monad,
}

/// A node: `output = op(inputs)`.
#[derive(Clone, Debug)]
pub struct Node {
    /// The name of its value, as later nodes and the graph's outputs refer to it.
    pub output: String,
    /// MindSpore's primitive (`MatMul`, `Conv2D`, `MakeTuple`, ...).
    pub op: String,
    /// Every argument is an input of the node (MindSpore's `PRIMITIVE_FUNCTION`); otherwise
    /// the primitive's construction arguments are in `attrs` and the inputs are its call's.
    pub functional: bool,
    /// The primitive's attributes.
    pub attrs: Vec<(String, Value)>,
    /// Names of its operands: graph inputs, parameters, constants or earlier nodes.
    pub inputs: Vec<String>,
}

/// A parameter with its data.
#[derive(Clone, Debug)]
pub struct Param {
    /// Its name in the graph.
    pub name: String,
    /// The parameter's own name (`fc.weight`).
    pub key: String,
    /// Its value.
    pub value: Tensor,
}

/// The operation of a node that calls a graph: its first operand is the callee (a sub-graph by
/// name, or a value that is one: what a `Switch` chose, a `Partial`), the rest its arguments.
pub const CALL: &str = "Call";

/// The shape and dtype of a graph's input.
pub type TensorType = (Vec<usize>, crate::dtype::DType);

/// One graph of a file: the main one, or a sub-graph (a branch of an `if`, a loop's body).
#[derive(Clone, Debug, Default)]
pub struct Graph {
    /// Its name (sub-graphs are called by it).
    pub name: String,
    /// Its inputs: names, and shapes and dtypes where the file gives them (a sub-graph's state
    /// token has none).
    pub inputs: Vec<(String, Option<TensorType>)>,
    /// The constants, by name.
    pub constants: Vec<(String, Value)>,
    /// The nodes, in an order where each operand is defined before its use.
    pub nodes: Vec<Node>,
    /// Names of the results.
    pub outputs: Vec<String>,
}

/// A MindIR file's graphs.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// `producer_name` (`MindSpore`, or `easy_mindspore`).
    pub producer: String,
    /// The parameters (every graph reads them by name).
    pub params: Vec<Param>,
    /// The main graph: its inputs are the network's.
    pub graph: Graph,
    /// The sub-graphs that `Partial` and call nodes name.
    pub functions: Vec<Graph>,
}

/// The MindIR file of `f` at `inputs`: `f` is traced once, the parameters it reads (named by
/// `names`; others `param_<k>`) are stored with their current values, and the graph computes
/// `f`'s results from the inputs. Refused: a function whose trace read a tensor's value to choose
/// its path (the file would hold that one path), and primitives MindSpore has no primitive for.
pub fn export(
    f: impl Fn(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    names: &[(String, Var)],
) -> Result<Vec<u8>> {
    let t = trace(
        &move |xs: &[Tensor]| f(xs).map(|o| (o, None)),
        inputs,
        false,
    )?;
    if !t.graph.guards.is_empty() {
        return Err(Error::Transform {
            op: "export",
            msg: "the network reads a tensor's value to choose its control flow; the exported \
                  graph would hold only the path taken at these inputs"
                .into(),
        });
    }
    let params: Vec<(String, Tensor)> = t
        .vars
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let name = names
                .iter()
                .find(|(_, w)| w.same(v))
                .map(|(n, _)| n.clone());
            (name.unwrap_or_else(|| format!("param_{k}")), v.get())
        })
        .collect();
    let mut graph = t.graph;
    // The new values of state the function wrote are not results of an inference graph.
    graph.outputs.truncate(t.n_outputs);
    let model = lower::lower(&graph, inputs.len(), &params)?;
    Ok(proto::encode(&model))
}
