//! Graph optimisation. [`simplify`] is one forward pass that does algebraic simplification,
//! constant folding and common-subexpression elimination together (each equation's operands are
//! first rewritten by what the pass already replaced); [`dce`] removes what no output or guard
//! needs. Every pass keeps the graph's meaning, derivatives included (`stop_gradient` stays), so
//! an optimised graph can still be differentiated.

use super::graph::{Atom, Eqn, Graph, Guard};
use crate::error::Result;
use crate::prim::Prim;
use crate::tensor::Tensor;
use smallvec::SmallVec;
use std::collections::HashMap;

/// Constants folded at compile time have at most this many elements (a larger result stays an
/// equation rather than a large constant).
const FOLD_MAX: usize = 1 << 12;

/// An equation's primitive name and operands (the parameters are compared separately).
type EqnKey = (&'static str, SmallVec<[Atom; 3]>);

/// The standard pipeline: [`simplify`], then [`dce`], then the type checker.
pub fn optimize(g: &Graph) -> Result<Graph> {
    let g = dce(&simplify(g)?)?;
    g.check()?;
    Ok(g)
}

/// Algebraic simplification, constant folding and common subexpressions, in one forward pass.
pub fn simplify(g: &Graph) -> Result<Graph> {
    g.check()?;
    let mut out = Graph {
        types: g.types.clone(),
        n_inputs: g.n_inputs,
        eqns: Vec::with_capacity(g.eqns.len()),
        consts: g.consts.clone(),
        guards: Vec::new(),
        outputs: Vec::new(),
    };
    let mut subst: HashMap<usize, Atom> = HashMap::new();
    let mut seen: HashMap<EqnKey, Vec<(Prim, usize)>> = HashMap::new();
    // The defining equation of each kept variable (for rules that look one step back).
    let mut def: HashMap<usize, usize> = HashMap::new();
    // Small constants with equal elements are one constant (each `x * 3.0` makes its own).
    let canon: Vec<usize> = (0..g.consts.len())
        .map(|i| {
            (0..i)
                .find(|&j| same_small_const(&g.consts[i], &g.consts[j]))
                .unwrap_or(i)
        })
        .collect();
    let m = |subst: &HashMap<usize, Atom>, a: Atom| match a {
        Atom::Var(v) => subst.get(&v).copied().unwrap_or(a),
        Atom::Const(c) => Atom::Const(canon[c]),
    };
    for e in &g.eqns {
        let args: SmallVec<[Atom; 3]> = e.args.iter().map(|a| m(&subst, *a)).collect();
        if let Some(a) = rewrite(&out, &def, &e.prim, &args, e.out) {
            subst.insert(e.out, a);
            continue;
        }
        if let Some(c) = fold(&out, &e.prim, &args, e.out)? {
            out.consts.push(c);
            subst.insert(e.out, Atom::Const(out.consts.len() - 1));
            continue;
        }
        if !e.prim.rule().opaque() {
            let bucket = seen.entry((e.prim.name(), args.clone())).or_default();
            if let Some((_, v)) = bucket.iter().find(|(p, _)| *p == e.prim) {
                subst.insert(e.out, Atom::Var(*v));
                continue;
            }
            bucket.push((e.prim.clone(), e.out));
        }
        def.insert(e.out, out.eqns.len());
        out.eqns.push(Eqn {
            prim: e.prim.clone(),
            args,
            out: e.out,
        });
    }
    out.guards = g
        .guards
        .iter()
        .map(|gd| Guard {
            atom: m(&subst, gd.atom),
            expected: gd.expected.clone(),
        })
        .collect();
    out.outputs = g.outputs.iter().map(|a| m(&subst, *a)).collect();
    Ok(out)
}

/// An atom equal to `prim(args)` without computing anything, when the primitive's entry says
/// which operand its output equals (`x·1`, `x+0`, reshapes, permutations, broadcasts, casts,
/// slices and pads that change nothing) or it undoes its operand's own equation (`-(-x)`), and
/// that operand has the output's type.
fn rewrite(
    g: &Graph,
    def: &HashMap<usize, usize>,
    prim: &Prim,
    args: &[Atom],
    out: usize,
) -> Option<Atom> {
    let same_type = |a: Atom| {
        let (s, d) = g.aval(a);
        s == g.types[out].0.as_slice() && d == g.types[out].1
    };
    let pick = |a: Atom| same_type(a).then_some(a);
    let rule = prim.rule();
    let is_const = |i: usize, v: f64| matches!(args.get(i), Some(Atom::Const(c)) if const_is(&g.consts[*c], v));
    if let Some(i) = rule.forwards(&is_const) {
        return pick(*args.get(i)?);
    }
    if let (true, &[Atom::Var(v)]) = (rule.is_involution(), args) {
        let e = &g.eqns[*def.get(&v)?];
        return (e.prim == *prim).then(|| pick(e.args[0])).flatten();
    }
    None
}

/// True when every element of the constant `t` equals `v` (checked for broadcast scalars and
/// small constants only).
fn const_is(t: &Tensor, v: f64) -> bool {
    let c = t.concrete();
    if t.numel() == 0 {
        return false;
    }
    if c.is_splat_of(v) {
        return true;
    }
    t.numel() <= 64 && t.to_vec_unguarded::<f64>().iter().all(|&x| x == v)
}

/// True when two constants have few elements, and the same shape, dtype and elements.
fn same_small_const(a: &Tensor, b: &Tensor) -> bool {
    a.numel() <= 64
        && !a.is_traced()
        && !b.is_traced()
        && a.dims() == b.dims()
        && a.dtype() == b.dtype()
        && super::graph::guard_holds(a, b)
}

/// The value of an equation whose operands are all (small) constants.
fn fold(g: &Graph, prim: &Prim, args: &[Atom], out: usize) -> Result<Option<Tensor>> {
    if prim.rule().opaque()
        || crate::layout::numel(&g.types[out].0) > FOLD_MAX
        || !args.iter().all(|a| matches!(a, Atom::Const(_)))
    {
        return Ok(None);
    }
    let vals: SmallVec<[Tensor; 3]> = args
        .iter()
        .filter_map(|a| match a {
            Atom::Const(c) => Some(crate::prim::bind::skip_ended(&g.consts[*c])),
            Atom::Var(_) => None,
        })
        .collect();
    if vals.iter().any(Tensor::is_traced) {
        return Ok(None);
    }
    let refs: SmallVec<[&Tensor; 3]> = vals.iter().collect();
    crate::prim::bind::eval(prim, &refs).map(Some)
}

/// Dead-code elimination: keeps the equations the outputs and guards need, drops unused
/// constants, and renumbers the variables densely (inputs keep their places).
pub fn dce(g: &Graph) -> Result<Graph> {
    g.check()?;
    let mut live = vec![false; g.types.len()];
    let mut live_const = vec![false; g.consts.len()];
    let mark = |a: Atom, live: &mut Vec<bool>, live_const: &mut Vec<bool>| match a {
        Atom::Var(v) => live[v] = true,
        Atom::Const(c) => live_const[c] = true,
    };
    for a in g.outputs.iter().chain(g.guards.iter().map(|gd| &gd.atom)) {
        mark(*a, &mut live, &mut live_const);
    }
    let mut keep = vec![false; g.eqns.len()];
    for (i, e) in g.eqns.iter().enumerate().rev() {
        if live[e.out] {
            keep[i] = true;
            for a in &e.args {
                mark(*a, &mut live, &mut live_const);
            }
        }
    }
    let mut const_map = vec![usize::MAX; g.consts.len()];
    let mut consts = Vec::new();
    for (i, c) in g.consts.iter().enumerate() {
        if live_const[i] {
            const_map[i] = consts.len();
            consts.push(c.clone());
        }
    }
    let mc = |a: Atom| match a {
        Atom::Const(c) => Atom::Const(const_map[c]),
        v => v,
    };
    let pruned = Graph {
        types: g.types.clone(),
        n_inputs: g.n_inputs,
        eqns: g
            .eqns
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(e, _)| Eqn {
                prim: e.prim.clone(),
                args: e.args.iter().map(|a| mc(*a)).collect(),
                out: e.out,
            })
            .collect(),
        consts,
        guards: g
            .guards
            .iter()
            .map(|gd| Guard {
                atom: mc(gd.atom),
                expected: gd.expected.clone(),
            })
            .collect(),
        outputs: g.outputs.iter().map(|a| mc(*a)).collect(),
    };
    let inputs: Vec<usize> = (0..g.n_inputs).collect();
    Ok(super::graph_with_inputs(&pruned, &inputs))
}
