//! The window geometry of the convolution and pooling primitives (2-D, NCHW; a 1-D layer is the
//! 2-D one over a height of 1).
//!
//! Output position `(r, c)` of a window with kernel offset `(i, j)` reads input element
//! `(r·s_h + i·d_h − p_t, c·s_w + j·d_w − p_l)`; an element outside the input reads as the
//! padding (zero for convolution and average pooling, never the maximum for max pooling). Only
//! the leading padding is a parameter: the output size says where the windows end, so every
//! primitive of the family is the exact adjoint of another with no consistency condition.

/// Stride, dilation, leading padding `(top, left)` and channel groups of a window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Window {
    /// Step between output positions `(h, w)`.
    pub stride: [usize; 2],
    /// Step between kernel taps `(h, w)`.
    pub dilation: [usize; 2],
    /// Padding before the first row and column `(top, left)`.
    pub pad: [usize; 2],
    /// Channel groups (convolution; 1 for pooling).
    pub groups: usize,
}

impl Window {
    /// The input coordinate that output position `o` reads at kernel tap `k` along axis `a`, or
    /// `None` when it lies in the padding (outside `0..n`).
    #[inline]
    pub fn source(&self, a: usize, o: usize, k: usize, n: usize) -> Option<usize> {
        (o * self.stride[a] + k * self.dilation[a])
            .checked_sub(self.pad[a])
            .filter(|&v| v < n)
    }

    /// The padding after the last row and column `(bottom, right)` that gives windows of
    /// `kernel` over an input of spatial size `hw` the output size `size` by the usual formula
    /// `(n + p_lead + p_trail − span) / s + 1`, or `None` when no padding does (the windows end
    /// before the input does by a stride or more).
    pub fn trailing_pad(
        &self,
        hw: [usize; 2],
        kernel: [usize; 2],
        size: [usize; 2],
    ) -> Option<[usize; 2]> {
        let mut out = [0; 2];
        for a in 0..2 {
            let (s, p) = (self.stride[a], self.pad[a]);
            let one = (kernel[a].checked_sub(1)?) * self.dilation[a] + 1;
            let span = size[a].checked_sub(1)? * s + one;
            let trail = span.saturating_sub(hw[a] + p);
            if (hw[a] + p + trail).checked_sub(one)? / s + 1 != size[a] {
                return None;
            }
            out[a] = trail;
        }
        Some(out)
    }

    /// The graph text of the parameters.
    pub fn describe(&self) -> String {
        format!(
            "stride={:?}, dilation={:?}, pad={:?}, groups={}",
            self.stride, self.dilation, self.pad, self.groups
        )
    }
}

/// Which product of the convolution family a `Conv` primitive computes, for input `x [N, C, H, W]`,
/// weight `w [O, C/groups, k_h, k_w]` and output `y [N, O, o_h, o_w]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConvKind {
    /// `(x, w) → y`: the cross-correlation.
    Forward,
    /// `(y, w) → x`: its transpose in `x` (the input gradient; a transposed convolution).
    Input,
    /// `(x, y) → w`: its transpose in `w` (the weight gradient).
    Weight,
}

/// Which primitive of the pooling family a `Pool` primitive computes, over `x [N, C, H, W]` and
/// windows of size `kernel`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PoolKind {
    /// `(x, u) → [N, C, o_h, o_w]`: in each window, `u` where `x` has its first maximum
    /// (max pooling is `(x, x)`; NaN counts as the maximum).
    MaxSelect,
    /// `(x, g) → [N, C, H, W]`: each `g` added at its window's first maximum of `x` (the
    /// transpose of `MaxSelect` in `u`).
    MaxScatter,
    /// `(x) → [N, C, o_h, o_w]`: the window sums divided by the window's count: every cell of
    /// the window (`include_pad`) or only those inside the input.
    Avg {
        /// Padding cells count towards the divisor.
        include_pad: bool,
    },
    /// `(g) → [N, C, H, W]`: the transpose of `Avg`.
    AvgGrad {
        /// As for `Avg`.
        include_pad: bool,
    },
}
