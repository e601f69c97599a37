//! Packed right operands kept for the length of a scope. A recurrent layer multiplies the same
//! weight by a thin state at every time step (`h·W_hhᵀ` forward, `dg·W_hh` backward, 32 rows at
//! a time): each product packed the whole weight again, a tenth of its time, where the kernel
//! could read the packing of the step before. Within [`scope`] (a layer's forward, a backward
//! sweep), a thin product (at most [`ROWS_MAX`] rows) whose `b` is a storage offered by the
//! caller ([`offering`]) and seen once already (at once when offered with [`offering_again`]) is
//! packed whole and kept, keyed by that storage and the view; later products with the same
//! operand read it.
//!
//! Invariant: an entry holds a clone of its storage, so the buffer it was packed from can be
//! neither freed (and its address reused for another value) nor written in place by the engine
//! (values are immutable while shared) as long as the entry lives; entries live until the
//! outermost scope ends. The one writer left is the user through memory a NumPy array shares
//! with a tensor; a write during a scope (from a hook inside a backward sweep) would leave the
//! packing stale as it leaves the sweep's saved values stale, which the sweep reads too.

use super::{avx2, pack_b, Kernel, Line, Mat, Shape, KC};
use crate::device::Storage;
use std::cell::RefCell;
use std::sync::Arc;

/// Rows from which a product's own packing of `b` is cheap beside its kernel: above, no reuse.
pub(super) const ROWS_MAX: usize = 64;
/// Bytes of packed operands one scope keeps at most.
const BYTES_MAX: usize = 64 << 20;

/// A whole `b` packed as a product's tasks pack their blocks: `k` in blocks of `kc` rows, each
/// block holding every column as panels of the kernel's width.
pub(super) struct Packed {
    data: Vec<Line>,
    /// Columns of a block, rounded up to whole panels.
    n_pad: usize,
    /// Rows of a block (the last may have fewer).
    kc: usize,
}

impl Packed {
    /// The packed panels of the block starting at row `pc` from column `jc` (a panel edge) on:
    /// the layout `pack_b` gives `bbuf` for that block.
    pub(super) fn block(&self, pc: usize, jc: usize, kc: usize) -> *const f32 {
        debug_assert!(
            pc.is_multiple_of(self.kc) && kc <= self.kc,
            "a block of the packing"
        );
        self.data
            .as_ptr()
            .cast::<f32>()
            .wrapping_add(pc * self.n_pad + jc * kc)
    }
}

/// What identifies a packed operand besides its storage.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Key {
    off: usize,
    rs: isize,
    cs: isize,
    k: usize,
    n: usize,
    kernel: Kernel,
}

struct Entry {
    storage: Storage,
    key: Key,
    /// `None` while the operand was seen once.
    packed: Option<Arc<Packed>>,
}

#[derive(Default)]
struct Scope {
    entries: Vec<Entry>,
    bytes: usize,
}

thread_local! {
    static SCOPE: RefCell<Option<Scope>> = const { RefCell::new(None) };
    /// The storage of the `b` operand of the product this thread is computing, when it offered
    /// one, and whether the caller knows it will be multiplied again (pack it at first sight).
    static OFFER: RefCell<Option<(Storage, bool)>> = const { RefCell::new(None) };
}

/// Runs `f` with packed operands kept for reuse until it returns (inside another scope, `f`
/// joins that one).
pub(crate) fn scope<R>(f: impl FnOnce() -> R) -> R {
    let outer = SCOPE.with(|s| {
        let mut s = s.borrow_mut();
        let outer = s.is_some();
        if !outer {
            *s = Some(Scope::default());
        }
        outer
    });
    if outer {
        return f();
    }
    /// Ends the scope, also when `f` panics.
    struct End;
    impl Drop for End {
        fn drop(&mut self) {
            let _ = SCOPE.try_with(|s| s.borrow_mut().take());
        }
    }
    let _end = End;
    f()
}

/// Runs `f` (a product) with `b`, the storage of its right operand, offered for reuse: inside a
/// scope, its products may keep and read a packing of it.
pub(crate) fn offering<R>(b: &Storage, f: impl FnOnce() -> R) -> R {
    offer(b, false, f)
}

/// [`offering`] for a caller that will multiply by `b` again in this scope (a recurrent layer's
/// kernel, once per step): thin products keep its packing from the first one on.
pub(crate) fn offering_again<R>(b: &Storage, f: impl FnOnce() -> R) -> R {
    offer(b, true, f)
}

fn offer<R>(b: &Storage, again: bool, f: impl FnOnce() -> R) -> R {
    let open = SCOPE.with(|s| s.borrow().is_some());
    if !open {
        return f();
    }
    /// Withdraws the offer, also when `f` fails.
    struct Withdraw;
    impl Drop for Withdraw {
        fn drop(&mut self) {
            let _ = OFFER.try_with(|o| o.borrow_mut().take());
        }
    }
    OFFER.with(|o| *o.borrow_mut() = Some((b.clone(), again)));
    let _withdraw = Withdraw;
    f()
}

/// The kept packing of `b` (`k × n`, element (0, 0) at `b_data[off]`) for an `m`-row product
/// with `kernel`, packing and keeping it now when the operand was seen once before in this
/// scope; `None` when the product packs its own: outside a scope, a product with more rows, an
/// operand not offered, seen for the first time, or past the scope's budget.
///
/// # Safety
/// `b` must be a view of `b_data` whose `k × n` elements are in bounds, and the CPU must have
/// `kernel`'s features.
pub(super) unsafe fn packed(
    kernel: Kernel,
    m: usize,
    (k, n): (usize, usize),
    b_data: &[f32],
    b: Mat,
    off: usize,
) -> Option<Arc<Packed>> {
    if m > ROWS_MAX || k == 0 || n == 0 {
        return None;
    }
    let (storage, again) = OFFER.with(|o| o.borrow().clone())?;
    // The offer must be this operand's storage, not a copy made on the way (a widened dtype).
    if storage.host_data() != Some(b_data.as_ptr().cast()) {
        return None;
    }
    let key = Key {
        off,
        rs: b.rs,
        cs: b.cs,
        k,
        n,
        kernel,
    };
    SCOPE.with(|s| {
        let mut s = s.borrow_mut();
        let scope = s.as_mut()?;
        let found = scope
            .entries
            .iter()
            .position(|e| e.key == key && e.storage.same(&storage));
        let at = match found {
            Some(at) => at,
            None => {
                scope.entries.push(Entry {
                    storage,
                    key,
                    packed: None,
                });
                if !again {
                    return None;
                }
                scope.entries.len() - 1
            }
        };
        if let Some(p) = &scope.entries[at].packed {
            return Some(p.clone());
        }
        let nr = match kernel {
            Kernel::Avx2(tile) => tile.width(),
            Kernel::Avx512(shape) => shape.width(),
        };
        let n_pad = n.div_ceil(nr) * nr;
        let bytes = k.saturating_mul(n_pad).saturating_mul(4);
        if scope.bytes.saturating_add(bytes) > BYTES_MAX {
            return None;
        }
        // SAFETY: the caller's guarantees: `b` has k × n elements in bounds, the CPU has the
        // kernel's features.
        let p = Arc::new(unsafe { pack_whole(kernel, k, n, n_pad, b) });
        scope.bytes += bytes;
        scope.entries[at].packed = Some(p.clone());
        Some(p)
    })
}

/// How many operands the current scope keeps packed.
#[cfg(test)]
pub(crate) fn kept() -> usize {
    SCOPE.with(|s| {
        s.borrow().as_ref().map_or(0, |s| {
            s.entries.iter().filter(|e| e.packed.is_some()).count()
        })
    })
}

/// All of `b` packed in the blocks and panels of `kernel`.
///
/// # Safety
/// As for [`packed`].
unsafe fn pack_whole(kernel: Kernel, k: usize, n: usize, n_pad: usize, b: Mat) -> Packed {
    let kc = match kernel {
        Kernel::Avx2(_) => k.div_ceil(k.div_ceil(avx2::KC)),
        Kernel::Avx512(_) => k.div_ceil(k.div_ceil(KC)),
    };
    let mut data = vec![Line([0.0; 16]); (k * n_pad).div_ceil(16)];
    let out = data.as_mut_ptr().cast::<f32>();
    for pc in (0..k).step_by(kc) {
        let rows = kc.min(k - pc);
        // SAFETY: rows pc .. pc+rows and all n columns are inside `b`; the block's panels,
        // rows·n_pad floats from pc·n_pad, lie inside `data` (k·n_pad floats); the caller
        // guarantees the CPU features.
        unsafe {
            let (src, dst) = (b.from(pc, 0), out.add(pc * n_pad));
            match kernel {
                Kernel::Avx2(avx2::Tile::S6x16) => avx2::pack_b_avx2::<2>(rows, n, src, dst),
                Kernel::Avx2(avx2::Tile::S4x24) => avx2::pack_b_avx2::<3>(rows, n, src, dst),
                Kernel::Avx512(Shape::S24x16) => pack_b::<1>(rows, n, src, dst),
                Kernel::Avx512(Shape::S12x32) => pack_b::<2>(rows, n, src, dst),
                Kernel::Avx512(Shape::S8x48) => pack_b::<3>(rows, n, src, dst),
                Kernel::Avx512(Shape::S6x64) => pack_b::<4>(rows, n, src, dst),
            }
        }
    }
    Packed { data, n_pad, kc }
}
