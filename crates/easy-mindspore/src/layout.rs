//! `Layout`: how a tensor's logical elements sit in its storage (shape, signed strides in elements,
//! offset). Transpose, broadcast, slice, flip and contiguous reshape are layout changes only.
//!
//! Invariant: every offset a valid layout can produce lies inside the storage it was made for; the
//! constructors here only shrink, permute, repeat (stride 0) or mirror an existing valid layout.

use smallvec::SmallVec;

/// A shape, stored inline up to 4 dimensions (most tensors), so small ops do not allocate for it.
pub type Dims = SmallVec<[usize; 4]>;
/// Strides in elements, inline up to 4 dimensions.
pub type Strides = SmallVec<[isize; 4]>;

/// Shape, strides and offset of a view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    shape: Dims,
    strides: Strides,
    offset: usize,
}

/// Row-major strides of a shape.
pub fn contiguous_strides(shape: &[usize]) -> Strides {
    let mut strides: Strides = smallvec::smallvec![0isize; shape.len()];
    let mut acc = 1isize;
    for (s, &d) in strides.iter_mut().zip(shape).rev() {
        *s = acc;
        acc *= d.max(1) as isize;
    }
    strides
}

/// Number of elements of a shape. A shape whose non-zero axes multiply past `usize::MAX` counts as
/// `usize::MAX` even when another axis is 0: such a shape can describe no tensor (NumPy: "array is
/// too big"), and counting it as full makes every length check against it fail instead of panic.
pub fn numel(shape: &[usize]) -> usize {
    let mut n = 1usize;
    let mut empty = false;
    for &d in shape {
        if d == 0 {
            empty = true;
        } else {
            match n.checked_mul(d) {
                Some(m) => n = m,
                None => return usize::MAX,
            }
        }
    }
    if empty {
        0
    } else {
        n
    }
}

/// The number of elements of `shape` when a buffer of it with `elem_bytes`-byte elements can be
/// addressed: every axis counted as at least 1 (so strides cannot overflow either) times the element
/// size must stay within `isize::MAX` bytes. `None` for a shape too large to exist.
pub fn checked_numel(shape: &[usize], elem_bytes: usize) -> Option<usize> {
    let bytes = shape
        .iter()
        .try_fold(elem_bytes.max(1), |acc, &d| acc.checked_mul(d.max(1)))?;
    if bytes > isize::MAX as usize {
        return None;
    }
    Some(numel(shape))
}

impl Layout {
    /// The row-major layout of a fresh buffer.
    pub fn contiguous(shape: &[usize]) -> Layout {
        Layout {
            strides: contiguous_strides(shape),
            shape: Dims::from_slice(shape),
            offset: 0,
        }
    }

    /// Shape of the view.
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// Strides in elements (may be negative or zero).
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// Offset of the first logical element.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Number of logical elements.
    pub fn numel(&self) -> usize {
        numel(&self.shape)
    }

    /// True when the logical order is the storage order starting at `offset`.
    pub fn is_contiguous(&self) -> bool {
        let mut acc = 1isize;
        for (&d, &s) in self.shape.iter().zip(&self.strides).rev() {
            if d != 1 && s != acc {
                return false;
            }
            acc *= d as isize;
        }
        true
    }

    /// Axes reordered: output axis `i` is input axis `perm[i]`. `perm` must be a permutation.
    pub fn permute(&self, perm: &[usize]) -> Layout {
        Layout {
            shape: perm.iter().map(|&p| self.shape[p]).collect(),
            strides: perm.iter().map(|&p| self.strides[p]).collect(),
            offset: self.offset,
        }
    }

    /// Broadcast to `out_shape`, input axis `i` becoming output axis `dims[i]` (stride 0 where the
    /// input has size 1 or the axis is new). Preconditions are checked by the primitive.
    pub fn broadcast_in_dim(&self, out_shape: &[usize], dims: &[usize]) -> Layout {
        let mut strides: Strides = smallvec::smallvec![0isize; out_shape.len()];
        for (i, &d) in dims.iter().enumerate() {
            if self.shape[i] == out_shape[d] && self.shape[i] != 1 {
                strides[d] = self.strides[i];
            }
        }
        Layout {
            shape: Dims::from_slice(out_shape),
            strides,
            offset: self.offset,
        }
    }

    /// Strided slice: for each axis, `start`, exclusive `limit`, positive `step`.
    pub fn slice(&self, starts: &[usize], limits: &[usize], steps: &[usize]) -> Layout {
        let mut offset = self.offset as isize;
        let mut shape = Dims::with_capacity(self.shape.len());
        let mut strides = Strides::with_capacity(self.shape.len());
        for i in 0..self.shape.len() {
            let n = limits[i].saturating_sub(starts[i]).div_ceil(steps[i]);
            if n > 0 {
                offset += starts[i] as isize * self.strides[i];
            }
            shape.push(n);
            // With at most one element the stride is never used, and a step past the axis (any
            // `usize` is a valid step) must not overflow it.
            strides.push(if n > 1 {
                self.strides[i] * steps[i] as isize
            } else {
                self.strides[i]
            });
        }
        Layout {
            shape,
            strides,
            offset: offset.max(0) as usize,
        }
    }

    /// Reverse the listed axes (negative strides).
    pub fn rev(&self, axes: &[usize]) -> Layout {
        let mut out = self.clone();
        let mut offset = self.offset as isize;
        for &a in axes {
            if self.shape[a] > 0 {
                offset += (self.shape[a] as isize - 1) * self.strides[a];
            }
            out.strides[a] = -self.strides[a];
        }
        out.offset = offset.max(0) as usize;
        out
    }

    /// A reshape as a view, when the elements already sit at strides the new shape can describe
    /// (always for a contiguous layout; also for a transposed one when only size-1 axes come or
    /// go, or merged/split axes are adjacent in memory); `None` when a copy is needed.
    pub fn reshape(&self, shape: &[usize]) -> Option<Layout> {
        if self.is_contiguous() {
            return Some(Layout {
                shape: Dims::from_slice(shape),
                strides: contiguous_strides(shape),
                offset: self.offset,
            });
        }
        if numel(shape) == 0 || numel(shape) != self.numel() {
            return None;
        }
        // Match groups of old axes (size-1 axes dropped) with groups of new axes of equal
        // product; within a group the old axes must be nested in memory (stride[k] =
        // stride[k+1]·size[k+1]), and the new axes then get the strides of that nesting.
        let old: Vec<(usize, isize)> = self
            .shape
            .iter()
            .zip(&self.strides)
            .filter(|(&d, _)| d != 1)
            .map(|(&d, &st)| (d, st))
            .collect();
        let mut strides: Strides = smallvec::smallvec![0; shape.len()];
        let (mut i, mut j) = (0, 0); // next old axis, next new axis
        while j < shape.len() {
            if shape[j] == 1 {
                j += 1; // any stride will do for a size-1 axis
                continue;
            }
            let (i0, j0) = (i, j);
            let (mut po, mut pn) = (old.get(i)?.0, shape[j]);
            i += 1;
            j += 1;
            while po != pn {
                if po < pn {
                    let (d, _) = old.get(i)?;
                    po *= d;
                    i += 1;
                } else {
                    pn *= shape.get(j)?;
                    j += 1;
                }
            }
            for k in i0..i - 1 {
                if old[k].1 != old[k + 1].1 * old[k + 1].0 as isize {
                    return None;
                }
            }
            // The innermost new axis of the group steps like the innermost old one.
            let mut st = old[i - 1].1;
            for k in (j0..j).rev() {
                strides[k] = st;
                st *= shape[k] as isize;
            }
        }
        if i != old.len() {
            return None;
        }
        Some(Layout {
            shape: Dims::from_slice(shape),
            strides,
            offset: self.offset,
        })
    }

    /// The same shape with other strides and offset (for kernels writing through a strided view
    /// of their own output).
    pub(crate) fn with_strides(&self, strides: impl Into<Strides>, offset: usize) -> Layout {
        Layout {
            shape: self.shape.clone(),
            strides: strides.into(),
            offset,
        }
    }

    /// A layout from its parts; the caller guarantees every offset is in bounds.
    pub(crate) fn from_parts(
        shape: impl Into<Dims>,
        strides: impl Into<Strides>,
        offset: usize,
    ) -> Layout {
        Layout {
            shape: shape.into(),
            strides: strides.into(),
            offset,
        }
    }

    /// Calls `f` with the storage offset of every logical element, in row-major order. The inner
    /// axis runs as a tight loop.
    pub fn for_each_offset(&self, mut f: impl FnMut(usize)) {
        self.for_each_row(|base, inner, stride| {
            let mut off = base as isize;
            for _ in 0..inner {
                f(off as usize);
                off += stride;
            }
        });
    }

    /// Calls `f(first offset, length, stride)` for every row of the innermost axis, in row-major
    /// order (a 0-d layout is one row of one element), so that callers can copy a row at once.
    pub fn for_each_row(&self, mut f: impl FnMut(usize, usize, isize)) {
        let nd = self.shape.len();
        if self.numel() == 0 {
            return;
        }
        if nd == 0 {
            f(self.offset, 1, 1);
            return;
        }
        let inner = self.shape[nd - 1];
        let inner_stride = self.strides[nd - 1];
        let mut index: Dims = smallvec::smallvec![0usize; nd - 1];
        let mut base = self.offset as isize;
        loop {
            f(base as usize, inner, inner_stride);
            // Advance the outer multi-index (odometer), updating `base` incrementally.
            let mut axis = nd - 1;
            loop {
                if axis == 0 {
                    return;
                }
                axis -= 1;
                index[axis] += 1;
                base += self.strides[axis];
                if index[axis] < self.shape[axis] {
                    break;
                }
                base -= self.strides[axis] * self.shape[axis] as isize;
                index[axis] = 0;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::items_after_test_module)] // `MAX_NDIM` ends the file (shared with the loaders)
mod tests {
    use super::*;

    fn offsets(l: &Layout) -> Vec<usize> {
        let mut v = vec![];
        l.for_each_offset(|o| v.push(o));
        v
    }

    #[test]
    fn contiguous_offsets_are_sequential() {
        let l = Layout::contiguous(&[2, 3]);
        assert_eq!(offsets(&l), vec![0, 1, 2, 3, 4, 5]);
        assert!(l.is_contiguous());
        assert_eq!(offsets(&Layout::contiguous(&[])), vec![0]);
        assert!(offsets(&Layout::contiguous(&[2, 0, 3])).is_empty());
    }

    #[test]
    fn transpose_slice_rev_broadcast_are_views() {
        let l = Layout::contiguous(&[2, 3]);
        let t = l.permute(&[1, 0]);
        assert_eq!(offsets(&t), vec![0, 3, 1, 4, 2, 5]);
        assert!(!t.is_contiguous());
        let s = l.slice(&[0, 1], &[2, 3], &[1, 2]);
        assert_eq!(s.shape(), &[2, 1]);
        assert_eq!(offsets(&s), vec![1, 4]);
        let r = l.rev(&[1]);
        assert_eq!(offsets(&r), vec![2, 1, 0, 5, 4, 3]);
        let b = Layout::contiguous(&[3]).broadcast_in_dim(&[2, 3], &[1]);
        assert_eq!(offsets(&b), vec![0, 1, 2, 0, 1, 2]);
        let one = Layout::contiguous(&[1, 3]).broadcast_in_dim(&[4, 3], &[0, 1]);
        assert_eq!(offsets(&one).len(), 12);
    }

    /// A reshape view must visit the same storage offsets, in the same order, as reshaping a
    /// copy would; and it must refuse exactly when no strides can do that.
    #[test]
    fn reshape_views_keep_the_element_order() {
        let base = Layout::contiguous(&[2, 3, 4]);
        let views = [
            base.permute(&[2, 0, 1]),
            base.permute(&[1, 0, 2]),
            base.slice(&[0, 0, 0], &[2, 3, 4], &[1, 1, 2]),
            base.rev(&[2]),
            Layout::contiguous(&[3]).broadcast_in_dim(&[2, 3], &[1]),
            Layout::contiguous(&[4, 1, 3]).permute(&[1, 2, 0]),
        ];
        let shapes: [&[usize]; 9] = [
            &[24],
            &[4, 6],
            &[4, 2, 3],
            &[2, 12],
            &[1, 4, 1, 6, 1],
            &[12, 2],
            &[6],
            &[3, 2],
            &[1, 3, 4],
        ];
        let mut viewed = 0;
        for v in &views {
            for s in shapes {
                if numel(s) != v.numel() {
                    continue;
                }
                let want = offsets(v);
                if let Some(r) = v.reshape(s) {
                    assert_eq!(r.shape(), s);
                    assert_eq!(
                        offsets(&r),
                        want,
                        "{:?} {:?} → {s:?}",
                        v.shape(),
                        v.strides()
                    );
                    viewed += 1;
                }
            }
        }
        // Transposed [4, 2, 3] → [4, 6] merges adjacent axes: a view. [4, 1, 3] permuted to
        // [1, 3, 4] → [3, 4]: only a size-1 axis goes.
        assert!(views[0].reshape(&[4, 6]).is_some());
        assert!(views[5].reshape(&[3, 4]).is_some());
        assert!(views[0].reshape(&[24]).is_none());
        assert!(viewed >= 4);
    }
}

/// The most dimensions a tensor may have (NumPy's limit).
pub const MAX_NDIM: usize = 64;
