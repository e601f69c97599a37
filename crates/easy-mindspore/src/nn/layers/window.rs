//! Sliding windows over the last two axes of a 4-D tensor: the output geometry and padding that
//! convolution and pooling share, from MindSpore's `pad_mode`; the `Conv` and `Pool` primitives
//! (`crate::prim`) take the result as a [`Window`] and an output size.
//!
//! Output sizes follow MindSpore's `pad_mode`:
//! - `valid`: `out = ⌊(n − d·(k−1) − 1) / s⌋ + 1`, no padding;
//! - `same`: `out = ⌈n / s⌉`, padding `max(0, (out−1)·s + d·(k−1) + 1 − n)` split with the smaller
//!   half first (top/left);
//! - `pad`: explicit `(top, bottom, left, right)` padding, then as `valid`.

use crate::error::{Error, Result};
use crate::op::Window;

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

impl Geometry {
    /// The primitives' window: stride, dilation, leading padding and `groups`.
    pub(crate) fn window(&self, groups: usize) -> Window {
        Window {
            stride: [self.stride.0, self.stride.1],
            dilation: [self.dilation.0, self.dilation.1],
            pad: [self.pads[0], self.pads[2]],
            groups,
        }
    }

    /// The output's spatial size.
    pub(crate) fn size(&self) -> [usize; 2] {
        [self.oh, self.ow]
    }
}
