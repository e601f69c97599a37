//! The execution plan of an optimised graph on concrete values: chains of float elementwise
//! equations over one shape (ending, optionally, in full reductions) are fused into one kernel
//! (`device::fused`, run by the operands' device), every other equation runs its kernel, guards are checked as soon as their
//! value exists, and each value is released right after its last use, so its buffer goes back to
//! the pool for the next equation (the memory plan).
//!
//! Grouping is greedy, in equation order: a fusable equation joins the open group of one of its
//! operands (same shape and dtype); a group closes when anything outside it reads one of its
//! values. A group runs where its last member was, which is correct because every member's
//! operands exist by then and nothing outside read the group before it closed.

use super::graph::{guard_holds, Atom, Graph};
use crate::device::fused::{ElemOp, Instr, Kernel, Src};
use crate::device::Concrete;
use crate::dtype::DType;
use crate::error::Result;
use crate::layout::Dims;
use crate::op::ReduceOp;
use crate::prim::{Prim, Reduce};
use crate::tensor::Tensor;
use smallvec::SmallVec;
use std::collections::HashMap;

enum Step {
    /// Equation `i` of the graph, through its kernel.
    Eqn(usize),
    /// A fused group.
    Fused(Box<Group>),
    /// Guard `i` of the graph.
    Guard(usize),
    /// Variables no later step reads.
    Free(SmallVec<[usize; 4]>),
}

struct Group {
    kernel: Kernel,
    inputs: Vec<Atom>,
    /// The variable of each written register, and of each reduction.
    outs: Vec<usize>,
    reduces: Vec<usize>,
    shape: Dims,
    dtype: DType,
}

/// How a graph runs on concrete values.
pub(crate) struct Plan {
    steps: Vec<Step>,
}

struct Building {
    members: Vec<usize>,
    reduces: Vec<(usize, ReduceOp)>,
    open: bool,
    shape: Dims,
    dtype: DType,
}

/// The reduction of an equation that reduces a variable over all its axes.
fn full_reduce(g: &Graph, e: &super::Eqn) -> Option<ReduceOp> {
    match (&e.prim, e.args.as_slice()) {
        (Prim::Reduce(Reduce { op, axes }), [Atom::Var(v)]) => {
            let nd = g.types[*v].0.len();
            let all = axes.len() == nd && axes.iter().enumerate().all(|(i, &a)| i == a);
            all.then_some(*op)
        }
        _ => None,
    }
}

/// The elementwise op of an equation a fused chain can hold: float operands of the output's type.
fn fusable(g: &Graph, e: &super::Eqn) -> Option<ElemOp> {
    let op = match &e.prim {
        Prim::Unary(op) => ElemOp::Unary(*op),
        Prim::Binary(op) => ElemOp::Binary(*op),
        _ => return None,
    };
    let (shape, dtype) = &g.types[e.out];
    let same_type = e.args.iter().all(|a| {
        let (s, d) = g.aval(*a);
        s == shape.as_slice() && d == *dtype
    });
    // The fused kernels compute Float32 and Float64 (storage floats run op by op, widened).
    let computed = matches!(dtype, DType::Float32 | DType::Float64);
    (computed && same_type).then_some(op)
}

impl Plan {
    pub fn new(g: &Graph) -> Plan {
        // 1. Groups.
        let mut groups: Vec<Building> = Vec::new();
        let mut group_of: HashMap<usize, usize> = HashMap::new();
        for (i, e) in g.eqns.iter().enumerate() {
            let vars: SmallVec<[usize; 3]> = e
                .args
                .iter()
                .filter_map(|a| match a {
                    Atom::Var(v) => Some(*v),
                    Atom::Const(_) => None,
                })
                .collect();
            let (shape, dtype) = &g.types[e.out];
            let mut joined = None;
            if fusable(g, e).is_some() {
                joined = vars.iter().find_map(|v| {
                    let gid = *group_of.get(v)?;
                    let b = &groups[gid];
                    (b.open && b.shape == *shape && b.dtype == *dtype && b.reduces.is_empty())
                        .then_some(gid)
                });
                let gid = joined.unwrap_or_else(|| {
                    groups.push(Building {
                        members: Vec::new(),
                        reduces: Vec::new(),
                        open: true,
                        shape: shape.clone(),
                        dtype: *dtype,
                    });
                    groups.len() - 1
                });
                groups[gid].members.push(i);
                group_of.insert(e.out, gid);
                joined = Some(gid);
            } else if let Some(op) = full_reduce(g, e) {
                if let Some(&gid) = vars.first().and_then(|v| group_of.get(v)) {
                    if groups[gid].open
                        && matches!(groups[gid].dtype, DType::Float32 | DType::Float64)
                    {
                        groups[gid].reduces.push((i, op));
                        group_of.insert(e.out, gid);
                        joined = Some(gid);
                    }
                }
            }
            // Any other group read here closes.
            for v in &vars {
                if let Some(&gid) = group_of.get(v) {
                    if Some(gid) != joined {
                        groups[gid].open = false;
                    }
                }
            }
        }
        // 2. Which variables leave each group: read by a non-member, a guard or an output.
        let mut leaves: HashMap<usize, bool> = HashMap::new();
        let mut note = |reader: Option<usize>, a: &Atom| {
            if let Atom::Var(v) = a {
                if let Some(&gid) = group_of.get(v) {
                    if reader != Some(gid) {
                        leaves.insert(*v, true);
                    }
                }
            }
        };
        for e in &g.eqns {
            let reader = group_of.get(&e.out).copied();
            let reader = reader.filter(|gid| {
                let b = &groups[*gid];
                b.members.len() + b.reduces.len() > 1
            });
            for a in &e.args {
                note(reader, a);
            }
        }
        for a in g.outputs.iter().chain(g.guards.iter().map(|gd| &gd.atom)) {
            note(None, a);
        }
        // 3. Steps in order: a real group (two or more equations) where its last member was.
        let guard_at = g.guards_by_var();
        let mut steps = Vec::new();
        for (i, gd) in g.guards.iter().enumerate() {
            if !matches!(gd.atom, Atom::Var(v) if v >= g.n_inputs) {
                steps.push(Step::Guard(i));
            }
        }
        let last_of = |b: &Building| {
            let reduces = b.reduces.iter().map(|(i, _)| i);
            b.members.iter().chain(reduces).copied().max()
        };
        for (i, e) in g.eqns.iter().enumerate() {
            let defined: SmallVec<[usize; 4]> = match group_of.get(&e.out) {
                Some(&gid) if groups[gid].members.len() + groups[gid].reduces.len() > 1 => {
                    let b = &groups[gid];
                    if last_of(b) != Some(i) {
                        continue;
                    }
                    let grp = build_group(g, b, &leaves);
                    let defs = grp.outs.iter().chain(&grp.reduces).copied().collect();
                    steps.push(Step::Fused(Box::new(grp)));
                    defs
                }
                _ => {
                    steps.push(Step::Eqn(i));
                    SmallVec::from_slice(&[e.out])
                }
            };
            for v in defined {
                for k in guard_at.get(&v).into_iter().flatten() {
                    steps.push(Step::Guard(*k));
                }
            }
        }
        Plan {
            steps: with_frees(g, steps),
        }
    }

    /// Runs the plan; `None` when a guard fails. A recurrent layer unrolled in the graph multiplies
    /// one weight per time step: its products keep the weight's packing for the whole run.
    pub fn run(&self, g: &Graph, inputs: &[Tensor]) -> Result<Option<Vec<Tensor>>> {
        crate::device::reusing_packs(|| self.replay(g, inputs))
    }

    /// The replay of [`Plan::run`].
    fn replay(&self, g: &Graph, inputs: &[Tensor]) -> Result<Option<Vec<Tensor>>> {
        g.check_inputs(inputs)?;
        let mut vals = g.slots(inputs);
        let get = |vals: &[Option<Tensor>], a: Atom| g.read(vals, a);
        for step in &self.steps {
            match step {
                Step::Eqn(i) => {
                    let e = &g.eqns[*i];
                    let args: SmallVec<[Tensor; 3]> = e
                        .args
                        .iter()
                        .map(|a| get(&vals, *a))
                        .collect::<Result<_>>()?;
                    let refs: SmallVec<[&Tensor; 3]> = args.iter().collect();
                    vals[e.out] = Some(crate::prim::bind::eval(&e.prim, &refs)?);
                }
                Step::Fused(grp) => {
                    let args: SmallVec<[Tensor; 4]> = grp
                        .inputs
                        .iter()
                        .map(|a| get(&vals, *a))
                        .collect::<Result<_>>()?;
                    let cs: SmallVec<[&Concrete; 4]> = args.iter().map(|t| t.concrete()).collect();
                    let n = crate::layout::numel(&grp.shape);
                    let dev = crate::device::of("Fused", &cs)?;
                    let run = || {
                        crate::device::with_live_threads(|| {
                            dev.fused(&grp.kernel, &cs, n, grp.dtype)
                        })
                    };
                    let (outs, reduced) = if crate::profile::active() {
                        let refs: SmallVec<[&Tensor; 4]> = args.iter().collect();
                        crate::profile::timed("FusedElementwise", &refs, run)?
                    } else {
                        run()?
                    };
                    drop(cs);
                    drop(args);
                    for (v, s) in grp.outs.iter().zip(outs) {
                        vals[*v] = Some(Tensor::from_storage(s, &grp.shape));
                    }
                    for (v, s) in grp.reduces.iter().zip(reduced) {
                        let t = Tensor::full_scalar(crate::dtype::Scalar::Float(s), grp.dtype);
                        let on_cpu = crate::device::same(dev, crate::device::cpu());
                        vals[*v] = Some(if on_cpu { t } else { t.to_device(dev)? });
                    }
                }
                Step::Guard(i) => {
                    let gd = &g.guards[*i];
                    if !guard_holds(&get(&vals, gd.atom)?, &gd.expected) {
                        return Ok(None);
                    }
                }
                Step::Free(vs) => {
                    for v in vs {
                        vals[*v] = None;
                    }
                }
            }
        }
        let outs = g
            .outputs
            .iter()
            .map(|a| get(&vals, *a))
            .collect::<Result<_>>()?;
        Ok(Some(outs))
    }
}

/// The kernel of a group: external operands become inputs, members registers.
fn build_group(g: &Graph, b: &Building, leaves: &HashMap<usize, bool>) -> Group {
    let mut inputs: Vec<Atom> = Vec::new();
    let mut reg_of: HashMap<usize, usize> = HashMap::new();
    let mut kernel = Kernel::default();
    let mut outs = Vec::new();
    for &i in &b.members {
        let e = &g.eqns[i];
        let Some(op) = fusable(g, e) else { continue };
        let args = e
            .args
            .iter()
            .map(|a| match a {
                Atom::Var(v) if reg_of.contains_key(v) => Src::Reg(reg_of[v]),
                _ => {
                    let k = inputs.iter().position(|x| x == a).unwrap_or_else(|| {
                        inputs.push(*a);
                        inputs.len() - 1
                    });
                    Src::In(k)
                }
            })
            .collect();
        reg_of.insert(e.out, kernel.instrs.len());
        kernel.instrs.push(Instr { op, args });
        if leaves.contains_key(&e.out) {
            kernel.outs.push(reg_of[&e.out]);
            outs.push(e.out);
        }
    }
    let mut reduces = Vec::new();
    for &(i, op) in &b.reduces {
        let e = &g.eqns[i];
        if let Atom::Var(v) = e.args[0] {
            kernel.reduces.push((reg_of[&v], op));
            reduces.push(e.out);
        }
    }
    kernel.allocate();
    Group {
        kernel,
        inputs,
        outs,
        reduces,
        shape: b.shape.clone(),
        dtype: b.dtype,
    }
}

/// Inserts, after each step, the release of the variables it read for the last time (outputs are
/// never released).
fn with_frees(g: &Graph, steps: Vec<Step>) -> Vec<Step> {
    let reads = |s: &Step| -> SmallVec<[usize; 4]> {
        let atoms: SmallVec<[Atom; 4]> = match s {
            Step::Eqn(i) => g.eqns[*i].args.iter().copied().collect(),
            Step::Fused(grp) => grp.inputs.iter().copied().collect(),
            Step::Guard(i) => SmallVec::from_slice(&[g.guards[*i].atom]),
            Step::Free(_) => SmallVec::new(),
        };
        atoms
            .into_iter()
            .filter_map(|a| match a {
                Atom::Var(v) => Some(v),
                Atom::Const(_) => None,
            })
            .collect()
    };
    let mut last = vec![usize::MAX; g.types.len()];
    for (k, s) in steps.iter().enumerate() {
        for v in reads(s) {
            last[v] = k;
        }
    }
    for a in &g.outputs {
        if let Atom::Var(v) = a {
            last[*v] = usize::MAX;
        }
    }
    let mut out = Vec::with_capacity(steps.len() * 2);
    for (k, s) in steps.into_iter().enumerate() {
        let dead: SmallVec<[usize; 4]> = reads(&s)
            .into_iter()
            .filter(|v| last[*v] == k)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        out.push(s);
        if !dead.is_empty() {
            out.push(Step::Free(dead));
        }
    }
    out
}
