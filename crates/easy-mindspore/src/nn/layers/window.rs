//! Sliding windows over the last two axes of a 4-D tensor: the output geometry and padding that
//! convolution and pooling share, and the window views that pooling with overlapping or padded
//! windows stacks (convolution gathers its columns with one index instead, see `conv`).
//!
//! A window position `(i, j)` of a `k_h × k_w` kernel picks, from the padded input, the strided
//! view `x[..., i·d_h :: s_h, j·d_w :: s_w]` cut to the output size; the `k_h·k_w` views side by
//! side hold every window (im2col). Each view is one `Slice` primitive, so the gradient of any
//! layer built on them is a sum of `Pad`s — exact, and differentiable again.
//!
//! Output sizes follow MindSpore's `pad_mode`:
//! - `valid`: `out = ⌊(n − d·(k−1) − 1) / s⌋ + 1`, no padding;
//! - `same`: `out = ⌈n / s⌉`, padding `max(0, (out−1)·s + d·(k−1) + 1 − n)` split with the smaller
//!   half first (top/left);
//! - `pad`: explicit `(top, bottom, left, right)` padding, then as `valid`.

use crate::error::{Error, Result};
use crate::ops::prim;
use crate::tensor::Tensor;

/// How a window treats the border (MindSpore's `pad_mode` and `padding`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Padding {
    /// No padding; windows that would cross the border are dropped.
    Valid,
    /// Enough padding that `out = ⌈in / stride⌉`.
    Same,
    /// Explicit padding `[top, bottom, left, right]`.
    Pad([usize; 4]),
}

impl Padding {
    /// The same padding on all four sides.
    pub fn pad(p: usize) -> Padding {
        Padding::Pad([p; 4])
    }

    /// MindSpore's `pad_mode` string.
    pub fn mode(&self) -> &'static str {
        match self {
            Padding::Valid => "valid",
            Padding::Same => "same",
            Padding::Pad(_) => "pad",
        }
    }
}

/// The output size and padding of one layer application.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Geometry {
    pub oh: usize,
    pub ow: usize,
    /// `[top, bottom, left, right]`.
    pub pads: [usize; 4],
    pub kernel: (usize, usize),
    pub stride: (usize, usize),
    pub dilation: (usize, usize),
}

fn same_1d(n: usize, k: usize, s: usize, d: usize) -> (usize, usize, usize) {
    let out = n.div_ceil(s);
    let span = d * (k - 1) + 1;
    let need = ((out.max(1) - 1) * s + span).saturating_sub(n);
    (out, need / 2, need - need / 2)
}

/// Output size and padding for an input of spatial size `(h, w)`.
pub(crate) fn geometry(
    op: &'static str,
    (h, w): (usize, usize),
    kernel: (usize, usize),
    stride: (usize, usize),
    dilation: (usize, usize),
    padding: Padding,
) -> Result<Geometry> {
    if h == 0 || w == 0 {
        return Err(Error::invalid(
            op,
            format!("the input's spatial size {:?} must not be empty", (h, w)),
        ));
    }
    let pads = match padding {
        Padding::Valid => [0; 4],
        Padding::Pad(p) => p,
        Padding::Same => {
            let (_, t, b) = same_1d(h, kernel.0, stride.0, dilation.0);
            let (_, l, r) = same_1d(w, kernel.1, stride.1, dilation.1);
            [t, b, l, r]
        }
    };
    let (ph, pw) = (h + pads[0] + pads[1], w + pads[2] + pads[3]);
    let (span_h, span_w) = (
        dilation.0 * (kernel.0 - 1) + 1,
        dilation.1 * (kernel.1 - 1) + 1,
    );
    if ph < span_h || pw < span_w {
        return Err(Error::invalid(
            op,
            format!(
                "the kernel {kernel:?} (dilation {dilation:?}) does not fit the input of spatial \
                 size {:?} with padding {pads:?} (pad_mode '{}')",
                (h, w),
                padding.mode()
            ),
        ));
    }
    Ok(Geometry {
        oh: (ph - span_h) / stride.0 + 1,
        ow: (pw - span_w) / stride.1 + 1,
        pads,
        kernel,
        stride,
        dilation,
    })
}

/// `x` (4-D) padded on its last two axes with `fill`.
pub(crate) fn pad_hw(x: &Tensor, pads: [usize; 4], fill: f64) -> Result<Tensor> {
    if pads == [0; 4] {
        return Ok(x.clone());
    }
    let lo = [0, 0, pads[0], pads[2]];
    let hi = [0, 0, pads[1], pads[3]];
    let padded = prim::pad(x, &lo, &hi, &[0; 4])?;
    if fill == 0.0 {
        return Ok(padded);
    }
    let inside = prim::pad(&crate::ops::ones_like(x)?, &lo, &hi, &[0; 4])?;
    crate::ops::where_(crate::ops::greater(&inside, 0.5)?, &padded, fill)
}

/// The `k_h·k_w` window views of an already padded 4-D tensor, each `[a, b, oh, ow]`, in
/// row-major kernel order.
pub(crate) fn windows(xp: &Tensor, g: &Geometry) -> Result<Vec<Tensor>> {
    let d = xp.dims();
    let (a, b) = (d[0], d[1]);
    let mut out = Vec::with_capacity(g.kernel.0 * g.kernel.1);
    for i in 0..g.kernel.0 {
        for j in 0..g.kernel.1 {
            let (r0, c0) = (i * g.dilation.0, j * g.dilation.1);
            let starts = [0, 0, r0, c0];
            let limits = [
                a,
                b,
                r0 + (g.oh - 1) * g.stride.0 + 1,
                c0 + (g.ow - 1) * g.stride.1 + 1,
            ];
            out.push(prim::slice(
                xp,
                &starts,
                &limits,
                &[1, 1, g.stride.0, g.stride.1],
            )?);
        }
    }
    Ok(out)
}
