//! The entry of `RnnCell(CellOp)`: the gate maths of one LSTM or GRU step in one pass of the
//! device (`LstmCell`, `GruCell`), where the composition took a dozen elementwise ops forward
//! and more than twenty backward, each a pass over `[B, H]` values with its own temporaries.
//!
//! Its VJP is `RnnCellGrad(op)` (`LstmCellGrad`, `GruCellGrad`): the device's one-pass gradient
//! kernel, a composite primitive (see [`Rule::composition`]) whose composition writes the same
//! maths with differentiable primitives. Eager and `jit`-compiled first-order sweeps run the
//! kernel; `grad`, `jvp` and `vmap` of a backward pass transform the composition, so higher
//! derivatives come from the pieces' rules. The JVP and the batching rule are compositions too.

use super::bind::bind;
use super::check::{arity, in_domain, same};
use super::support::{lift_all, one_minus, tangent_or_zero};
use super::{add, concat, mul, permute, reshape, sigmoid, slice, sub, tanh};
use super::{Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::op::{CellOp, Domain};
use crate::tensor::Tensor;
use smallvec::smallvec;

/// Gate `k` (of width `h`) of a `[B, gates·H]` value: `[B, H]`.
fn gate(x: &Tensor, k: usize, h: usize) -> Result<Tensor> {
    let b = x.dims()[0];
    slice(x, &[0, k * h], &[b, (k + 1) * h], &[1, 1])
}

/// Element `k` of a `[2, B, H]` value: `[B, H]`.
fn half(x: &Tensor, k: usize) -> Result<Tensor> {
    let d = x.dims();
    let part = slice(x, &[k, 0, 0], &[k + 1, d[1], d[2]], &[1, 1, 1])?;
    reshape(&part, &d[1..])
}

/// `[B, H]` values stacked into `[2, B, H]`.
fn pair(a: &Tensor, b: &Tensor) -> Result<Tensor> {
    let mut s = vec![1];
    s.extend_from_slice(a.dims());
    concat(&[reshape(a, &s)?, reshape(b, &s)?], 0)
}

/// `s·(1 − s)`, the derivative of the sigmoid whose value is `s`.
pub(super) fn dsigmoid(s: &Tensor) -> Result<Tensor> {
    mul(s, &one_minus(s)?)
}

/// `1 − t²`, the derivative of the tanh whose value is `t`.
pub(super) fn dtanh(t: &Tensor) -> Result<Tensor> {
    one_minus(&mul(t, t)?)
}

/// The LSTM gate activations `(σ(i), σ(f), tanh(g), σ(o))`.
pub(super) fn lstm_gates(g: &Tensor, h: usize) -> Result<[Tensor; 4]> {
    Ok([
        sigmoid(&gate(g, 0, h)?)?,
        sigmoid(&gate(g, 1, h)?)?,
        tanh(&gate(g, 2, h)?)?,
        sigmoid(&gate(g, 3, h)?)?,
    ])
}

/// The GRU's `(r, z, n)`.
fn gru_gates(x: &Tensor, hp: &Tensor, h: usize) -> Result<[Tensor; 3]> {
    let r = sigmoid(&add(&gate(x, 0, h)?, &gate(hp, 0, h)?)?)?;
    let z = sigmoid(&add(&gate(x, 1, h)?, &gate(hp, 1, h)?)?)?;
    let n = tanh(&add(&gate(x, 2, h)?, &mul(&r, &gate(hp, 2, h)?)?)?)?;
    Ok([r, z, n])
}

/// The LSTM cotangents `(d gates, d c)` with differentiable primitives.
fn lstm_vjp(g: &Tensor, c: &Tensor, out: &Tensor, ct: &Tensor) -> Result<(Tensor, Tensor)> {
    let h = c.dims()[1];
    let [i, f, cand, o] = lstm_gates(g, h)?;
    let tc = tanh(&half(out, 1)?)?;
    let dh = half(ct, 0)?;
    let dc = add(&half(ct, 1)?, &mul(&mul(&dh, &o)?, &dtanh(&tc)?)?)?;
    let d = [
        mul(&mul(&dc, &cand)?, &dsigmoid(&i)?)?,
        mul(&mul(&dc, c)?, &dsigmoid(&f)?)?,
        mul(&mul(&dc, &i)?, &dtanh(&cand)?)?,
        mul(&mul(&dh, &tc)?, &dsigmoid(&o)?)?,
    ];
    Ok((concat(&d, 1)?, mul(&dc, &f)?))
}

/// The GRU cotangents `(d x, d hp, d h)` with differentiable primitives.
fn gru_vjp(x: &Tensor, hp: &Tensor, hv: &Tensor, ct: &Tensor) -> Result<[Tensor; 3]> {
    let h = hv.dims()[1];
    let [r, z, n] = gru_gates(x, hp, h)?;
    let dn = mul(&mul(ct, &one_minus(&z)?)?, &dtanh(&n)?)?;
    let dz = mul(&mul(ct, &sub(hv, &n)?)?, &dsigmoid(&z)?)?;
    let dr = mul(&mul(&dn, &gate(hp, 2, h)?)?, &dsigmoid(&r)?)?;
    let dx = concat(&[dr.clone(), dz.clone(), dn.clone()], 1)?;
    let dhp = concat(&[dr, dz, mul(&dn, &r)?], 1)?;
    Ok([dx, dhp, mul(ct, &z)?])
}

/// The `RnnCellGrad` primitive: the one-pass gradient of the step `0`, whose operands are the
/// step's, its output and the output's cotangent, and whose output packs the cotangents of the
/// step's operands, flattened one after another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellGrad(pub CellOp);

impl CellGrad {
    fn operands(self) -> usize {
        match self.0 {
            CellOp::Lstm => 2,
            CellOp::Gru => 3,
        }
    }
}

impl Rule for CellGrad {
    fn name(&self) -> &'static str {
        match self.0 {
            CellOp::Lstm => "LstmCellGrad",
            CellOp::Gru => "GruCellGrad",
        }
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let n = self.operands();
        arity(self.name(), ins, n + 2)?;
        let (fwd, dt) = self.0.infer(&ins[..n])?;
        for a in &ins[n..] {
            same(self.name(), *a, (&fwd, dt))?;
        }
        let total: usize = ins[..n].iter().map(|a| a.0.iter().product::<usize>()).sum();
        Ok((smallvec![total], dt))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let storage = device::of(self.name(), ins)?.rnn_cell_grad(self.0, ins)?;
        Ok(Tensor::from_storage(storage, shape))
    }

    fn composition(&self, args: &[&Tensor]) -> Option<Result<Tensor>> {
        let composed = || {
            let cts = match self.0 {
                CellOp::Lstm => {
                    let (dg, dc) = lstm_vjp(args[0], args[1], args[2], args[3])?;
                    vec![dg, dc]
                }
                CellOp::Gru => gru_vjp(args[0], args[1], args[2], args[4])?.to_vec(),
            };
            let flat = cts
                .iter()
                .map(|t| reshape(t, &[t.numel()]))
                .collect::<Result<Vec<_>>>()?;
            concat(&flat, 0)
        };
        Some(composed())
    }

    fn jvp(&self, _: &[Tensor], _: &[Opt], _: &Tensor) -> Result<Opt> {
        Err(self.expanded())
    }

    fn vjp(&self, _: &[Tensor], _: &Tensor, _: &Tensor, _: &[bool]) -> Result<Cts> {
        Err(self.expanded())
    }

    fn batch(&self, _: &[Tensor], _: &[bool], _: usize) -> Result<Tensor> {
        Err(self.expanded())
    }
}

impl CellGrad {
    /// The transformations take the composition (`bind`); the rules are never asked.
    #[cold]
    fn expanded(&self) -> Error {
        Error::invalid(
            self.name(),
            "its composition is transformed in its place (an internal error)",
        )
    }
}

impl Rule for CellOp {
    fn name(&self) -> &'static str {
        CellOp::name(*self)
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        let name = self.name();
        let n_gates = match self {
            CellOp::Lstm => 1,
            CellOp::Gru => 2,
        };
        arity(name, ins, n_gates + 1)?;
        let state = ins[n_gates];
        in_domain(name, Domain::Floats, state.1)?;
        let [b, h] = state.0[..] else {
            return Err(Error::invalid(
                name,
                format!("the state must be [B, H], got {:?}", state.0),
            ));
        };
        let want = [b, self.gates() * h];
        for g in &ins[..n_gates] {
            same(name, *g, (&want, state.1))?;
        }
        Ok(match self {
            CellOp::Lstm => (smallvec![2, b, h], state.1),
            CellOp::Gru => (smallvec![b, h], state.1),
        })
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of(self.name(), ins)?.rnn_cell(*self, ins)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        match self {
            CellOp::Lstm => {
                let (g, c) = (&x[0], &x[1]);
                let h = c.dims()[1];
                let [i, f, cand, o] = lstm_gates(g, h)?;
                let tg = tangent_or_zero(&x_t[0], g)?;
                let mut dc2 = add(
                    &mul(&mul(&dsigmoid(&f)?, &gate(&tg, 1, h)?)?, c)?,
                    &add(
                        &mul(&mul(&dsigmoid(&i)?, &gate(&tg, 0, h)?)?, &cand)?,
                        &mul(&mul(&dtanh(&cand)?, &gate(&tg, 2, h)?)?, &i)?,
                    )?,
                )?;
                if let Some(tc) = &x_t[1] {
                    dc2 = add(&dc2, &mul(&f, tc)?)?;
                }
                let t2 = tanh(&half(out, 1)?)?;
                let dh2 = add(
                    &mul(&mul(&dsigmoid(&o)?, &gate(&tg, 3, h)?)?, &t2)?,
                    &mul(&mul(&o, &dtanh(&t2)?)?, &dc2)?,
                )?;
                Ok(Some(pair(&dh2, &dc2)?))
            }
            CellOp::Gru => {
                let (xi, hp, hv) = (&x[0], &x[1], &x[2]);
                let h = hv.dims()[1];
                let [r, z, n] = gru_gates(xi, hp, h)?;
                let (tx, th) = (tangent_or_zero(&x_t[0], xi)?, tangent_or_zero(&x_t[1], hp)?);
                let sum = |k| add(&gate(&tx, k, h)?, &gate(&th, k, h)?);
                let dr = mul(&dsigmoid(&r)?, &sum(0)?)?;
                let dz = mul(&dsigmoid(&z)?, &sum(1)?)?;
                let inner = add(
                    &gate(&tx, 2, h)?,
                    &add(&mul(&dr, &gate(hp, 2, h)?)?, &mul(&r, &gate(&th, 2, h)?)?)?,
                )?;
                let dn = mul(&dtanh(&n)?, &inner)?;
                // h' = n + z·(h − n): dn + dz·(h − n) + z·(dh − dn)
                let dh = sub(&tangent_or_zero(&x_t[2], hv)?, &dn)?;
                let rest = add(&mul(&dz, &sub(hv, &n)?)?, &mul(&z, &dh)?)?;
                Ok(Some(add(&dn, &rest)?))
            }
        }
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, _: &[bool]) -> Result<Cts> {
        let mut args: Vec<&Tensor> = x.iter().collect();
        args.extend([out, ct]);
        let flat = bind(Prim::RnnCellGrad(CellGrad(*self)), &args)?;
        let mut at = 0;
        let mut cts = Cts::new();
        for v in x {
            let n = v.numel();
            cts.push(Some(reshape(
                &slice(&flat, &[at], &[at + n], &[1])?,
                v.dims(),
            )?));
            at += n;
        }
        Ok(cts)
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], n: usize) -> Result<Tensor> {
        // The batch joins the rows: [n, B, k] → [n·B, k], one step over n·B rows.
        let rows = lift_all(vals, batched, n)?
            .iter()
            .map(|v| {
                let d = v.dims();
                reshape(v, &[d[0] * d[1], d[2]])
            })
            .collect::<Result<Vec<_>>>()?;
        let out = rnn_cell(*self, &rows)?;
        let (b, h) = (vals[vals.len() - 1].dims(), out.dims());
        let b = if batched[vals.len() - 1] { b[1] } else { b[0] };
        match self {
            CellOp::Lstm => permute(&reshape(&out, &[2, n, b, h[2]])?, &[1, 0, 2, 3]),
            CellOp::Gru => reshape(&out, &[n, b, h[1]]),
        }
    }
}

/// The `RnnCell(op)` primitive: LSTM `(gates [B, 4H], c [B, H])` to `[2, B, H]` (`h'`, `c'`);
/// GRU `(x·W_ihᵀ + b_ih [B, 3H], h·W_hhᵀ + b_hh [B, 3H], h [B, H])` to `h'` `[B, H]`.
pub fn rnn_cell(op: CellOp, ins: &[Tensor]) -> Result<Tensor> {
    let refs: Vec<&Tensor> = ins.iter().collect();
    bind(Prim::RnnCell(op), &refs)
}

/// One LSTM step's states `(h', c')` from the summed gate pre-activations `[B, 4H]` (stacked
/// `(i, f, g, o)`) and the cell state `[B, H]`: the `LstmCell` primitive, its `[2, B, H]` output
/// cut in two (views).
pub fn lstm_cell(gates: &Tensor, c: &Tensor) -> Result<(Tensor, Tensor)> {
    let hc = rnn_cell(CellOp::Lstm, &[gates.clone(), c.clone()])?;
    Ok((half(&hc, 0)?, half(&hc, 1)?))
}

/// One GRU step's `h'` from the input projection `[B, 3H]`, the hidden projection `[B, 3H]`
/// (both stacked `(r, z, n)`) and the state `[B, H]`: the `GruCell` primitive.
pub fn gru_cell(x: &Tensor, hp: &Tensor, h: &Tensor) -> Result<Tensor> {
    rnn_cell(CellOp::Gru, &[x.clone(), hp.clone(), h.clone()])
}
