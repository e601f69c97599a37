//! Custom gradients: a function with a user-written backward rule, in the spirit of MindSpore's
//! `bprop` on a Cell and JAX's `custom_vjp`. It is one primitive, [`Prim::Custom`], whose entry
//! (its [`Rule`]) is this value, holding the two functions:
//! - evaluating it runs the forward function;
//! - its VJP is the user's backward function `(inputs, out, dout) -> one gradient per input`;
//! - its JVP is derived from the backward rule by transposition (`J·t = ∇_ct ⟨bwd(ct), t⟩`, exact
//!   because a backward rule is linear in `dout`), so forward mode and forward-over-reverse
//!   Hessians agree with the custom rule;
//! - under `vmap` it becomes a custom function whose forward and backward are the `vmap`s of the
//!   originals.
//!
//! The backward rule is written with ordinary ops, so it is itself differentiable: second
//! derivatives go through it. Every differentiable input must be an argument of the forward
//! function (a tensor it captures from outside is not differentiated through the rule).

use super::vjp_flat;
use super::vmap::vmap_flat;
use crate::device::Concrete;
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::ops::prim as p;
use crate::prim::bind;
use crate::prim::{Aval, Cts, Opaque, Opt, Prim, Rule};
use crate::tensor::Tensor;
use std::sync::Arc;

/// The forward function of a custom-gradient function.
pub type ForwardFn = dyn Fn(&[Tensor]) -> Result<Tensor> + Send + Sync;
/// The backward rule: `(inputs, out, dout)` to one gradient per input.
pub type BackwardFn = dyn Fn(&[Tensor], &Tensor, &Tensor) -> Result<Vec<Tensor>> + Send + Sync;

/// A function with a custom backward rule; call it with [`CustomVjp::call`].
///
/// ```
/// use easy_mindspore as ems;
/// // Gradient clipping: the identity forward, a backward that clips dout to [-1, 1].
/// let clip = ems::CustomVjp::new(
///     "clip_gradient",
///     |xs| Ok(xs[0].clone()),
///     |_xs, _out, dout| Ok(vec![ems::minimum(&ems::maximum(dout, -1.0)?, 1.0)?]),
/// );
/// let f = |x: &ems::Tensor| (clip.call(&[(x * 3.0)?])? * 1.0)?.sum();
/// let g = ems::grad(f)(&ems::Tensor::new([1.0f32, 2.0])?)?;
/// assert_eq!(g.to_vec::<f32>(), vec![3.0, 3.0]); // dout = 1 passes, then times 3
/// # Ok::<(), ems::Error>(())
/// ```
#[derive(Clone)]
pub struct CustomVjp {
    name: Arc<str>,
    forward: Arc<ForwardFn>,
    backward: Arc<BackwardFn>,
}

impl std::fmt::Debug for CustomVjp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CustomVjp({})", self.name)
    }
}

impl PartialEq for CustomVjp {
    /// The same functions (not merely equal behaviour).
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.forward, &other.forward) && Arc::ptr_eq(&self.backward, &other.backward)
    }
}

impl CustomVjp {
    /// A function `forward` with the backward rule `backward`; `name` appears in errors.
    pub fn new(
        name: &str,
        forward: impl Fn(&[Tensor]) -> Result<Tensor> + Send + Sync + 'static,
        backward: impl Fn(&[Tensor], &Tensor, &Tensor) -> Result<Vec<Tensor>> + Send + Sync + 'static,
    ) -> CustomVjp {
        CustomVjp {
            name: name.into(),
            forward: Arc::new(forward),
            backward: Arc::new(backward),
        }
    }

    /// The function's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// True while another clone of this function lives (a tape, a graph or a batched function
    /// that recorded it): a front's garbage collector must then not take its functions apart.
    pub fn is_shared(&self) -> bool {
        Arc::strong_count(&self.forward) > 1 || Arc::strong_count(&self.backward) > 1
    }

    /// Applies the function: its value is `forward(inputs)`, its gradient the backward rule's.
    pub fn call(&self, inputs: &[Tensor]) -> Result<Tensor> {
        let refs: Vec<&Tensor> = inputs.iter().collect();
        bind(self.prim(), &refs)
    }

    /// The primitive that applies this function.
    pub fn prim(&self) -> Prim {
        Prim::Custom(Opaque(Arc::new(self.clone())))
    }

    /// Runs the forward function (the primitive's evaluation).
    pub(crate) fn forward(&self, inputs: &[Tensor]) -> Result<Tensor> {
        (self.forward)(inputs)
    }

    /// Runs the backward rule and checks what it returns: one gradient per input, each of its
    /// input's shape (cast to its input's dtype).
    pub(crate) fn backward(
        &self,
        inputs: &[Tensor],
        out: &Tensor,
        dout: &Tensor,
    ) -> Result<Vec<Tensor>> {
        let grads = (self.backward)(inputs, out, dout)?;
        if grads.len() != inputs.len() {
            return Err(self.err(format!(
                "the backward rule returned {} gradients for {} inputs",
                grads.len(),
                inputs.len()
            )));
        }
        grads
            .iter()
            .zip(inputs)
            .enumerate()
            .map(|(i, (g, x))| {
                if g.dims() != x.dims() {
                    return Err(self.err(format!(
                        "the backward rule returned a gradient of shape {:?} for input {i} of \
                         shape {:?}",
                        g.dims(),
                        x.dims()
                    )));
                }
                p::cast(g, x.dtype())
            })
            .collect()
    }

    fn err(&self, msg: String) -> Error {
        Error::Transform {
            op: "custom_vjp",
            msg: format!("{}: {msg}", self.name),
        }
    }

    /// The JVP, by transposing the (linear in `dout`) backward rule:
    /// `J·t = ∇_dout Σᵢ ⟨bwd(inputs, out, dout)ᵢ, tᵢ⟩`, at `dout = 0`.
    fn transposed_jvp(
        &self,
        inputs: &[Tensor],
        tangents: &[Option<Tensor>],
        out: &Tensor,
    ) -> Result<Option<Tensor>> {
        if tangents.iter().all(Option::is_none) {
            return Ok(None);
        }
        let pairing = |dout: &[Tensor]| -> Result<Vec<Tensor>> {
            let grads = self.backward(inputs, out, &dout[0])?;
            let mut total: Option<Tensor> = None;
            for (g, t) in grads.iter().zip(tangents) {
                if let Some(t) = t {
                    let term = (g * t)?.sum()?;
                    total = Some(match total {
                        None => term,
                        Some(s) => (s + term)?,
                    });
                }
            }
            Ok(total.into_iter().collect())
        };
        let (value, back) = vjp_flat(pairing, &[p::zeros_like(out)?])?;
        let seed = crate::ops::ones_like(&value[0])?;
        Ok(back.apply(&[seed])?.into_iter().next())
    }

    /// The same function on a batch: inputs with `batched[i]` carry the batch at axis 0. Its
    /// forward and backward are the `vmap`s of this one's.
    pub(crate) fn batched(&self, batched: &[bool]) -> CustomVjp {
        let axes: Vec<Option<isize>> = batched.iter().map(|&b| b.then_some(0)).collect();
        let (f, in_axes) = (self.clone(), axes.clone());
        let forward = move |xs: &[Tensor]| -> Result<Tensor> {
            let out = vmap_flat(|ys| Ok(vec![f.forward(ys)?]), xs, &in_axes, &[Some(0)])?;
            Ok(out[0].clone())
        };
        let (b, mut all_axes, flags) = (self.clone(), axes, batched.to_vec());
        all_axes.extend([Some(0), Some(0)]); // out and dout are batched
        let backward = move |xs: &[Tensor], out: &Tensor, dout: &Tensor| -> Result<Vec<Tensor>> {
            let mut args = xs.to_vec();
            args.extend([out.clone(), dout.clone()]);
            let k = xs.len();
            let grads = vmap_flat(
                |ys| b.backward(&ys[..k], &ys[k], &ys[k + 1]),
                &args,
                &all_axes,
                &[Some(0)],
            )?;
            // An input shared by every example gets the sum of the examples' gradients.
            grads
                .iter()
                .zip(&flags)
                .map(|(g, &is_batched)| {
                    if is_batched {
                        Ok(g.clone())
                    } else {
                        p::reduce_sum(g, &[0])
                    }
                })
                .collect()
        };
        CustomVjp {
            name: self.name.clone(),
            forward: Arc::new(forward),
            backward: Arc::new(backward),
        }
    }
}

impl Rule for CustomVjp {
    fn name(&self) -> &'static str {
        "Custom"
    }

    fn infer(&self, _: &[Aval]) -> Result<(Dims, DType)> {
        Err(self.err("a custom function has no abstract evaluation".into()))
    }

    fn eval(&self, _: &[&Concrete], _: &[usize], _: DType) -> Result<Tensor> {
        Err(self.err("a custom function runs its forward function, not a kernel".into()))
    }

    fn apply(&self, args: &[&Tensor]) -> Result<Tensor> {
        let inputs: Vec<Tensor> = args.iter().map(|a| (*a).clone()).collect();
        self.forward(&inputs)
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], out: &Tensor) -> Result<Opt> {
        self.transposed_jvp(x, x_t, out)
    }

    fn vjp(&self, x: &[Tensor], out: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let grads = self.backward(x, out, ct)?.into_iter().enumerate();
        Ok(grads
            .map(|(i, g)| wanted.get(i).copied().unwrap_or(false).then_some(g))
            .collect())
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], _: usize) -> Result<Tensor> {
        let refs: Vec<&Tensor> = vals.iter().collect();
        bind(self.batched(batched).prim(), &refs)
    }

    fn params(&self) -> String {
        self.name.to_string()
    }

    fn opaque(&self) -> bool {
        true
    }
}
