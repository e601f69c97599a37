//! Jacobians and Hessians (reference §6.3): `jacrev` pulls back every basis vector of an output
//! through one `vmap`ped backward pass; `jacfwd` pushes forward every basis vector of an input
//! through one `vmap`ped JVP. Either way a Jacobian is one batched pass, not one pass per basis
//! vector. The Jacobian of an output of shape `S` with respect to an input of shape `X` has
//! shape `S ++ X`.

use super::vmap::{move_from_front, vmap_flat};
use super::{jvp_flat, vjp_flat};
use crate::error::{Error, Result};
use crate::ops::prim as p;
use crate::tensor::Tensor;

/// `f` as a function of the inputs at `positions` only (the others held at their values).
fn restrict<'a>(
    f: &'a dyn Fn(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &'a [Tensor],
    positions: &'a [usize],
) -> impl Fn(&[Tensor]) -> Result<Vec<Tensor>> + 'a {
    move |xs: &[Tensor]| {
        let mut all = inputs.to_vec();
        for (&pos, x) in positions.iter().zip(xs) {
            all[pos] = x.clone();
        }
        f(&all)
    }
}

fn check_positions(op: &'static str, inputs: &[Tensor], positions: &[usize]) -> Result<()> {
    match positions.iter().find(|&&p| p >= inputs.len()) {
        Some(p) => Err(Error::Transform {
            op,
            msg: format!(
                "Position index {p} is exceed input size ({} inputs).",
                inputs.len()
            ),
        }),
        None => Ok(()),
    }
}

/// The identity basis for a value of shape `shape`: `[n, ...shape]` with `n = numel(shape)`.
fn basis(like: &Tensor) -> Result<Tensor> {
    let n = like.numel();
    let eye = crate::ops::eye(n, None, like.dtype())?;
    let mut shape = vec![n];
    shape.extend_from_slice(like.dims());
    p::reshape(&eye, &shape)
}

/// Reverse-mode Jacobians of `f` at `inputs` with respect to the inputs at `positions`:
/// `(outputs, jac)` with `jac[j][k]` the Jacobian of output `j` with respect to input
/// `positions[k]`, of shape `outputs[j].shape ++ inputs[positions[k]].shape`.
pub fn jacrev_flat(
    f: &dyn Fn(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    positions: &[usize],
) -> Result<(Vec<Tensor>, Vec<Vec<Tensor>>)> {
    check_positions("jacrev", inputs, positions)?;
    let wrt: Vec<Tensor> = positions.iter().map(|&p| inputs[p].clone()).collect();
    let (outs, back) = vjp_flat(restrict(f, inputs, positions), &wrt)?;
    let mut jac = Vec::with_capacity(outs.len());
    for (j, out) in outs.iter().enumerate() {
        // Output j gets the basis (batched), every other output a zero cotangent.
        let mut cts = Vec::with_capacity(outs.len());
        let mut axes = Vec::with_capacity(outs.len());
        for (i, o) in outs.iter().enumerate() {
            if i == j {
                cts.push(basis(o)?);
                axes.push(Some(0));
            } else {
                cts.push(p::zeros_like(o)?);
                axes.push(None);
            }
        }
        let rows = vmap_flat(|c| back.apply(c), &cts, &axes, &[Some(0)])?;
        let jj = rows
            .iter()
            .zip(&wrt)
            .map(|(r, x)| {
                let mut shape = out.shape();
                shape.extend_from_slice(x.dims());
                p::reshape(r, &shape)
            })
            .collect::<Result<Vec<_>>>()?;
        jac.push(jj);
    }
    Ok((outs, jac))
}

/// Forward-mode Jacobians, with [`jacrev_flat`]'s arguments and result.
pub fn jacfwd_flat(
    f: &dyn Fn(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    positions: &[usize],
) -> Result<(Vec<Tensor>, Vec<Vec<Tensor>>)> {
    check_positions("jacfwd", inputs, positions)?;
    let mut outs: Option<Vec<Tensor>> = None;
    let mut per_position: Vec<Vec<Tensor>> = Vec::with_capacity(positions.len());
    for &pos in positions {
        let x = &inputs[pos];
        let g = restrict(f, inputs, std::slice::from_ref(&pos));
        // The JVPs along every basis vector of this input, as one batched JVP. Values and
        // tangents both come back batched along axis 0 (the values are the same for each).
        let values_and_tangents = |t: &[Tensor]| -> Result<Vec<Tensor>> {
            let (mut all, tans) = jvp_flat(&g, std::slice::from_ref(x), t)?;
            all.extend(tans);
            Ok(all)
        };
        let both = vmap_flat(values_and_tangents, &[basis(x)?], &[Some(0)], &[Some(0)])?;
        let (vals, tans) = both.split_at(both.len() / 2);
        if outs.is_none() && x.numel() > 0 {
            outs = Some(vals.iter().map(first_example).collect::<Result<_>>()?);
        }
        let jj = tans
            .iter()
            .map(|t| {
                // [n, ...out] → [...out, n] → [...out, ...x]
                let moved = move_from_front(t, t.ndim() - 1)?;
                let mut shape = moved.dims()[..moved.ndim() - 1].to_vec();
                shape.extend_from_slice(x.dims());
                p::reshape(&moved, &shape)
            })
            .collect::<Result<Vec<_>>>()?;
        per_position.push(jj);
    }
    let outs = match outs {
        Some(o) => o,
        None => f(inputs)?, // every differentiated input is empty: no batch to read values from
    };
    // Transpose to jac[output][position].
    let jac = (0..outs.len())
        .map(|j| per_position.iter().map(|pp| pp[j].clone()).collect())
        .collect();
    Ok((outs, jac))
}

/// Example 0 of a value batched along axis 0 (a view).
fn first_example(v: &Tensor) -> Result<Tensor> {
    let d = v.dims();
    let mut limits = d.to_vec();
    limits[0] = 1;
    let one = p::slice(v, &vec![0; d.len()], &limits, &vec![1; d.len()])?;
    p::reshape(&one, &d[1..])
}

fn single(f: impl Fn(&Tensor) -> Result<Tensor>) -> impl Fn(&[Tensor]) -> Result<Vec<Tensor>> {
    move |xs: &[Tensor]| Ok(vec![f(&xs[0])?])
}

/// The Jacobian of a one-input, one-output function by reverse mode: shape `out ++ in`.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::Tensor::new([1.0f32, 2.0, 3.0])?;
/// let j = ems::jacrev(|x: &ems::Tensor| x * x)(&x)?; // diag(2x)
/// assert_eq!(j.shape(), vec![3, 3]);
/// assert_eq!(j.to_vec::<f32>(), vec![2.0, 0.0, 0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 6.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn jacrev(f: impl Fn(&Tensor) -> Result<Tensor>) -> impl Fn(&Tensor) -> Result<Tensor> {
    let g = single(f);
    move |x: &Tensor| {
        let (_, jac) = jacrev_flat(&g, std::slice::from_ref(x), &[0])?;
        Ok(jac[0][0].clone())
    }
}

/// The Jacobian of a one-input, one-output function by forward mode: shape `out ++ in`.
pub fn jacfwd(f: impl Fn(&Tensor) -> Result<Tensor>) -> impl Fn(&Tensor) -> Result<Tensor> {
    let g = single(f);
    move |x: &Tensor| {
        let (_, jac) = jacfwd_flat(&g, std::slice::from_ref(x), &[0])?;
        Ok(jac[0][0].clone())
    }
}

/// The Hessian of a scalar function, forward over reverse: shape `in ++ in`.
///
/// ```
/// use easy_mindspore as ems;
/// let x = ems::Tensor::new([1.0f64, 2.0])?;
/// // f = x0² x1 → H = [[2 x1, 2 x0], [2 x0, 0]]
/// let f = |x: &ems::Tensor| {
///     let x0 = x.index(&[0.into()])?;
///     (&x0 * &x0)? * x.index(&[1.into()])?
/// };
/// assert_eq!(ems::hessian(f)(&x)?.to_vec::<f64>(), vec![4.0, 2.0, 2.0, 0.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn hessian(f: impl Fn(&Tensor) -> Result<Tensor>) -> impl Fn(&Tensor) -> Result<Tensor> {
    jacfwd(jacrev(f))
}
