//! `vmap`: run a function written for one example on a whole batch at once. The inputs' mapped
//! axes are moved to the front and the function runs once under the batching interpreter, whose
//! rules (each primitive's `Rule::batch`, in `prim/`) turn every primitive into its batched form:
//! no loop over examples.
//!
//! MindSpore's semantics (reference §6.3): `in_axes` per argument (`None` = the same value for
//! every example), `out_axes` per output; negative axes count from the end.

use crate::error::{Error, Result};
use crate::interp::batch::Batch;
use crate::layout::Dims;
use crate::ops::prim as p;
use crate::prim::bind::{own, FrameGuard};
use crate::tensor::{Tensor, TracerKind};
use crate::tree::Tree;

/// Runs `f` on a batch. `in_axes[i]` is the batch axis of `inputs[i]` (`None`: not mapped);
/// `out_axes` gives the batch axis of each output (one entry stands for all outputs; `None`: the
/// output must not vary across the batch and is returned once).
///
/// ```
/// use easy_mindspore as ems;
/// // A dot product written for vectors, applied to each row of a matrix.
/// let x = ems::Tensor::new([[1.0f32, 2.0], [3.0, 4.0], [5.0, 6.0]])?;
/// let w = ems::Tensor::new([10.0f32, 1.0])?;
/// let out = ems::vmap_flat(|a| Ok(vec![ems::dot(&a[0], &a[1])?]), &[x, w], &[Some(0), None], &[Some(0)])?;
/// assert_eq!(out[0].to_vec::<f32>(), vec![12.0, 34.0, 56.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn vmap_flat(
    f: impl FnOnce(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
    in_axes: &[Option<isize>],
    out_axes: &[Option<isize>],
) -> Result<Vec<Tensor>> {
    if in_axes.len() != inputs.len() {
        return Err(vmap_err(format!(
            "in_axes has {} entries but the function gets {} arguments",
            in_axes.len(),
            inputs.len()
        )));
    }
    // The batch axis of every mapped input, and the common batch size.
    let mut axes: Vec<Option<usize>> = Vec::with_capacity(inputs.len());
    let mut size: Option<(usize, usize, usize)> = None; // (size, argument, axis)
    for (i, (x, a)) in inputs.iter().zip(in_axes).enumerate() {
        let Some(a) = *a else {
            axes.push(None);
            continue;
        };
        let axis = resolve_axis(a, x.ndim()).ok_or_else(|| {
            vmap_err(format!(
                "in_axes[{i}] = {a} is out of range for argument {i} of shape {:?}",
                x.dims()
            ))
        })?;
        let n = x.dims()[axis];
        match size {
            Some((m, j, b)) if m != n => {
                return Err(vmap_err(format!(
                    "mapped arguments have different batch sizes: argument {j} has size {m} \
                     along axis {b} (shape {:?}), argument {i} has size {n} along axis {axis} \
                     (shape {:?})",
                    inputs[j].dims(),
                    x.dims()
                )))
            }
            None => size = Some((n, i, axis)),
            _ => {}
        }
        axes.push(Some(axis));
    }
    let Some((n, _, _)) = size else {
        return Err(vmap_err(
            "every entry of in_axes is None: at least one argument must be mapped".into(),
        ));
    };

    let guard = FrameGuard::new(std::rc::Rc::new(Batch));
    let trace = guard.trace;
    let mut batched = Vec::with_capacity(inputs.len());
    for (x, axis) in inputs.iter().zip(&axes) {
        batched.push(match axis {
            Some(a) => Tensor::traced(trace, move_to_front(x, *a)?, TracerKind::Batch),
            None => x.clone(),
        });
    }
    let outs = f(&batched);
    guard.finish();
    let outs = outs?;

    if out_axes.len() != 1 && out_axes.len() != outs.len() {
        return Err(vmap_err(format!(
            "out_axes has {} entries but the function returned {} outputs",
            out_axes.len(),
            outs.len()
        )));
    }
    outs.iter()
        .enumerate()
        .map(|(j, o)| {
            let want = if out_axes.len() == 1 {
                out_axes[0]
            } else {
                out_axes[j]
            };
            let value = own(trace, o).map(|tr| tr.primal.clone());
            match (value, want) {
                (None, None) => Ok(o.clone()),
                (Some(_), None) => Err(vmap_err(format!(
                    "out_axes[{j}] is None but output {j} (shape {:?}) varies across the batch",
                    o.dims()
                ))),
                (value, Some(a)) => {
                    let rank = o.ndim() + 1;
                    let axis = resolve_axis(a, rank).ok_or_else(|| {
                        vmap_err(format!(
                            "out_axes[{j}] = {a} is out of range for output {j}, of shape {:?} \
                             per example",
                            o.dims()
                        ))
                    })?;
                    let whole = match value {
                        Some(v) => v,
                        None => broadcast_front(o, n)?, // the same for every example
                    };
                    move_from_front(&whole, axis)
                }
            }
        })
        .collect()
}

/// `vmap(f, in_axis, out_axis)` over trees: every input leaf mapped along `in_axis`, every
/// output leaf batched along `out_axis`.
///
/// ```
/// use easy_mindspore as ems;
/// // Per-example gradients: d/dx sum(x²) for each row.
/// let rows = ems::Tensor::new([[1.0f32, 2.0], [3.0, 4.0]])?;
/// let per_example = ems::vmap(ems::grad(|x: &ems::Tensor| (x * x)?.sum()), 0, 0);
/// assert_eq!(per_example(&rows)?.to_vec::<f32>(), vec![2.0, 4.0, 6.0, 8.0]);
/// # Ok::<(), ems::Error>(())
/// ```
pub fn vmap<I: Tree, O: Tree>(
    f: impl Fn(&I) -> Result<O>,
    in_axis: isize,
    out_axis: isize,
) -> impl Fn(&I) -> Result<O> {
    move |inputs: &I| {
        let leaves = inputs.flatten();
        let mut slot = None;
        let outs = vmap_flat(
            super::on_leaves(&f, inputs, &mut slot),
            &leaves,
            &vec![Some(in_axis); leaves.len()],
            &[Some(out_axis)],
        )?;
        let o: O = super::kept(slot, "vmap")?;
        Ok(o.rebuild(&mut outs.into_iter()))
    }
}

fn vmap_err(msg: String) -> Error {
    Error::Transform { op: "vmap", msg }
}

/// `a` in `-rank..rank` as an axis, or None.
fn resolve_axis(a: isize, rank: usize) -> Option<usize> {
    let r = rank as isize;
    let a = if a < 0 { a + r } else { a };
    (0..r).contains(&a).then_some(a as usize)
}

/// Axis `axis` of `x` moved to the front (a view).
pub(crate) fn move_to_front(x: &Tensor, axis: usize) -> Result<Tensor> {
    if axis == 0 {
        return Ok(x.clone());
    }
    let perm: Dims = std::iter::once(axis)
        .chain((0..x.ndim()).filter(|&a| a != axis))
        .collect();
    p::permute(x, &perm)
}

/// Axis 0 of `x` moved to position `axis` (a view).
pub(crate) fn move_from_front(x: &Tensor, axis: usize) -> Result<Tensor> {
    if axis == 0 {
        return Ok(x.clone());
    }
    let mut perm: Dims = (1..x.ndim()).collect();
    perm.insert(axis, 0);
    p::permute(x, &perm)
}

/// `x` repeated `n` times along a new axis 0 (a broadcast view).
pub(crate) fn broadcast_front(x: &Tensor, n: usize) -> Result<Tensor> {
    let shape: Dims = std::iter::once(n).chain(x.dims().iter().copied()).collect();
    let dims: Dims = (1..shape.len()).collect();
    p::broadcast_in_dim(x, &shape, &dims)
}
