//! The cotangents of one reverse sweep, where the cotangent a unit-step slice hands back to the
//! value it sliced is kept as a **block** (the slice's cotangent and where it starts) until that
//! value's own equation is reached. Then the blocks are put together once: blocks that tile one
//! axis (the pieces of a `split`, `chunk` or `unbind`, the per-step rows of a sequence) become one
//! `Concat` with zeros in the gaps. Padding each block to the whole value and adding, the
//! slice's own VJP, costs a full-size pass per block: a split into `n` pieces took `n` pads and
//! `n - 1` adds of the whole value (quadratic in `n` for a split into time steps), its
//! gradient is now one concatenation, as PyTorch's `split_backward` is one `cat`.
//!
//! The same deferral joins the cotangents a matrix product hands its right operand: a weight `W`
//! used by `T` products `a_t · W` (an RNN's hidden weight, once per time step) receives `a_tᵀ ·
//! ct_t` from each, `T` thin products (`k` rows of a `[k, m_t]·[m_t, n]` product with `m_t` the
//! batch) and `T − 1` adds of the whole `[k, n]` weight. Kept as **product blocks** `(a_t, ct_t)`,
//! they become one product `[a_1; …; a_T]ᵀ · [ct_1; …; ct_T]` over the joined rows when the
//! weight's equation is reached (or earlier when the kept cotangents grow past a bound).
//!
//! A weight's product blocks often carry the very cotangents another node's blocks were just
//! put together from: an RNN's gate cotangents reach the input projection (as the blocks of its
//! split into steps) and the hidden weight (as its product blocks). The last concatenation of
//! whole blocks is kept ([`Tiled`]), and product blocks whose cotangents are its parts, the same
//! elements of the same buffers, join by reshaping it instead of concatenating them again.
//!
//! Invariant: a node's cotangent is read ([`Cotangents::take`], [`Cotangents::settle`]) only
//! after every contribution to it (the tape's reverse order guarantees it); it is the sum of its
//! dense part and of its blocks, each padded to the node's shape, computed with differentiable
//! primitives, so an outer tape or JVP differentiates it as it would the pads and adds.

use crate::dtype::{DType, Scalar};
use crate::error::Result;
use crate::layout::Dims;
use crate::prim::{add, broadcast_in_dim, column_major_copy, concat, matmul, narrow, pad};
use crate::prim::{permute, reshape};
use crate::tensor::Tensor;
use smallvec::SmallVec;

/// The cotangent of a slice of a node's value, starting at `starts`.
struct Block {
    starts: Dims,
    ct: Tensor,
}

/// Blocks of one node's cotangent, with the node value's shape.
#[derive(Default)]
struct Blocks {
    shape: Dims,
    list: Vec<Block>,
    /// Product blocks `(a, ct)`, each standing for `aᵀ · ct` (`a` `[m, k]`, `ct` `[m, n]`).
    prods: Vec<(Tensor, Tensor)>,
    /// Elements of the kept `ct`s of `prods`.
    prod_elems: usize,
    /// The node's value is a column-major matrix (`w.T`): its cotangent is taken as the
    /// transposed product, in that layout (see `MatMul`'s VJP).
    prod_transposed: bool,
}

/// Elements of kept product cotangents from which they are multiplied out at once, whatever the
/// node's size (16 MiB of float32).
const PROD_KEEP_MIN: usize = 1 << 22;

/// A concatenation of whole blocks along the first axis, without gaps: its parts, in order, and
/// its value. Recorded only when every part's buffer has another holder at that moment (product
/// blocks waiting for the same cotangents hold them), and replaced by the next concatenation, so
/// it keeps at most one value alive beyond its use.
struct Tiled {
    parts: Vec<Tensor>,
    value: Tensor,
}

/// The cotangent of every node of a tape while it is swept.
pub(crate) struct Cotangents {
    dense: Vec<Option<Tensor>>,
    blocks: Vec<Blocks>,
    /// The last concatenation [`tile`] made, for product blocks to reuse.
    tiled: Option<Tiled>,
}

impl Cotangents {
    /// No cotangent yet for any of `n` nodes.
    pub fn new(n: usize) -> Cotangents {
        Cotangents {
            dense: vec![None; n],
            blocks: (0..n).map(|_| Blocks::default()).collect(),
            tiled: None,
        }
    }

    /// Adds `ct` to the cotangent of `node`.
    pub fn add(&mut self, node: usize, ct: Tensor) -> Result<()> {
        accumulate(&mut self.dense[node], ct)
    }

    /// Adds the cotangent `ct` of the slice starting at `starts` (unit steps) of `node`'s value,
    /// whose shape is `shape`.
    pub fn add_block(&mut self, node: usize, shape: &[usize], starts: &[usize], ct: Tensor) {
        let blocks = &mut self.blocks[node];
        if blocks.list.is_empty() {
            blocks.shape = Dims::from_slice(shape);
        }
        let starts = Dims::from_slice(starts);
        blocks.list.push(Block { starts, ct });
    }

    /// Adds `aᵀ · ct` to the cotangent of `node` (`a` `[m, k]`, `ct` `[m, n]`, real floats of
    /// one dtype: the cotangent a product `a · b` hands its right operand `b`, node `node`).
    /// Kept as a product block, multiplied out with the node's other product blocks as one
    /// product; at once when the kept cotangents exceed eight times the node's size and
    /// [`PROD_KEEP_MIN`]. `transposed`: the node's value `b` is a column-major matrix, whose
    /// cotangent is computed transposed, so that it comes out in `b`'s layout.
    pub fn add_product(
        &mut self,
        node: usize,
        a: Tensor,
        ct: Tensor,
        transposed: bool,
    ) -> Result<()> {
        let blocks = &mut self.blocks[node];
        let (k, n) = (a.dims()[1], ct.dims()[1]);
        blocks.prod_elems += ct.numel();
        blocks.prods.push((a, ct));
        blocks.prod_transposed = transposed;
        if blocks.prod_elems > PROD_KEEP_MIN.max(k.saturating_mul(n).saturating_mul(8)) {
            let prods = std::mem::take(&mut blocks.prods);
            blocks.prod_elems = 0;
            let ct = joined_product(prods, transposed, &mut self.tiled)?;
            accumulate(&mut self.dense[node], ct)?;
        }
        Ok(())
    }

    /// The whole cotangent of `node` (`None`: zero), moved out.
    pub fn take(&mut self, node: usize) -> Result<Option<Tensor>> {
        self.settle(node)?;
        Ok(self.dense[node].take())
    }

    /// The whole cotangent of `node`, its blocks put together.
    pub fn settle(&mut self, node: usize) -> Result<Option<&Tensor>> {
        let blocks = std::mem::take(&mut self.blocks[node]);
        if !blocks.prods.is_empty() {
            let ct = joined_product(blocks.prods, blocks.prod_transposed, &mut self.tiled)?;
            accumulate(&mut self.dense[node], ct)?;
        }
        if !blocks.list.is_empty() {
            let ct = gather(&blocks.shape, blocks.list, &mut self.tiled)?;
            accumulate(&mut self.dense[node], ct)?;
        }
        Ok(self.dense[node].as_ref())
    }

    /// The cotangents of nodes `0..n`.
    pub fn into_first(mut self, n: usize) -> Result<Vec<Option<Tensor>>> {
        for node in 0..n {
            self.settle(node)?;
        }
        self.dense.truncate(n);
        Ok(self.dense)
    }
}

/// `slot += ct`.
fn accumulate(slot: &mut Option<Tensor>, ct: Tensor) -> Result<()> {
    *slot = Some(match slot.take() {
        None => ct,
        Some(prev) => add(&prev, &ct)?,
    });
    Ok(())
}

/// `Σ a_iᵀ · ct_i` as one product of the rows joined: `[a_1; …]ᵀ · [ct_1; …]` (`prods` not
/// empty; a single block is its own product, as the product's VJP computes it), or with
/// `transposed` the same value as the transpose of `[ct_1; …]ᵀ · [a_1; …]`. The `ct_i` joined
/// are `tiled`'s value (taken) when they are its parts, in any order.
fn joined_product(
    mut prods: Vec<(Tensor, Tensor)>,
    transposed: bool,
    tiled: &mut Option<Tiled>,
) -> Result<Tensor> {
    let (a, ct) = if prods.len() == 1 {
        prods.remove(0)
    } else if let Some((order, value)) = take_matching(tiled, &prods) {
        let rows: Vec<Tensor> = order.iter().map(|&i| prods[i].0.clone()).collect();
        let n = prods[0].1.dims()[1];
        (concat(&rows, 0)?, reshape(&value, &[value.numel() / n, n])?)
    } else {
        let (a, ct): (Vec<Tensor>, Vec<Tensor>) = prods.into_iter().unzip();
        (concat(&a, 0)?, concat(&ct, 0)?)
    };
    let product = || matmul(&permute(&a, &[1, 0])?, &ct);
    match transposed {
        false => product(),
        // A weight of few rows: its row-major product copied into its layout (as `MatMul`'s VJP).
        true if narrow(a.dims()[1], ct.dims()[1]) => column_major_copy(&product()?),
        true => permute(&matmul(&permute(&ct, &[1, 0])?, &a)?, &[1, 0]),
    }
}

/// The kept concatenation's value, taken, with [`parts_order`], when `prods`' cotangents are its
/// parts.
fn take_matching(
    tiled: &mut Option<Tiled>,
    prods: &[(Tensor, Tensor)],
) -> Option<(Vec<usize>, Tensor)> {
    let order = parts_order(tiled.as_ref()?, prods)?;
    tiled.take().map(|t| (order, t.value))
}

/// For product blocks `prods` whose cotangents are `tiled`'s parts (the same elements of the
/// same buffers, each part once), the index into `prods` of each part in turn; `None` otherwise.
fn parts_order(tiled: &Tiled, prods: &[(Tensor, Tensor)]) -> Option<Vec<usize>> {
    if tiled.parts.len() != prods.len() {
        return None;
    }
    let n = prods[0].1.dims()[1];
    let mut used = vec![false; prods.len()];
    let mut order: Vec<usize> = Vec::with_capacity(prods.len());
    for part in &tiled.parts {
        // The blocks arrive in the steps' order or its reverse: the neighbours of the last
        // match first, then every block.
        let near = order
            .last()
            .into_iter()
            .flat_map(|&l| [l.wrapping_sub(1), l + 1]);
        let i = near
            .chain(0..prods.len())
            .find(|&i| i < prods.len() && !used[i] && same_elements(part, &prods[i].1))?;
        used[i] = true;
        order.push(i);
    }
    let rows = prods.iter().all(|(_, ct)| ct.dims()[1] == n);
    (rows && n > 0 && tiled.value.numel().is_multiple_of(n)).then_some(order)
}

/// True when `a` and `b` are the same elements of one buffer, both in storage order (a view and
/// its reshape).
fn same_elements(a: &Tensor, b: &Tensor) -> bool {
    match (a.storage_layout(), b.storage_layout()) {
        (Some((sa, la)), Some((sb, lb))) => {
            sa.same(sb)
                && la.is_contiguous()
                && lb.is_contiguous()
                && la.offset() == lb.offset()
                && la.numel() == lb.numel()
        }
        _ => false,
    }
}

/// The sum of `blocks`, each padded with zeros to `shape`: one concatenation when they are
/// disjoint and differ along one axis only.
fn gather(shape: &[usize], mut blocks: Vec<Block>, tiled: &mut Option<Tiled>) -> Result<Tensor> {
    let partial = |b: &Block, j: usize| b.starts[j] != 0 || b.ct.dims()[j] != shape[j];
    let axes: SmallVec<[usize; 4]> = (0..shape.len())
        .filter(|&j| blocks.iter().any(|b| partial(b, j)))
        .collect();
    if let [a] = axes[..] {
        blocks.sort_by_key(|b| b.starts[a]);
        let end = |b: &Block| b.starts[a] + b.ct.dims()[a];
        if blocks.windows(2).all(|w| end(&w[0]) <= w[1].starts[a]) {
            return tile(shape, a, blocks, tiled);
        }
    }
    let dtype = blocks.first().map(|b| b.ct.dtype());
    let mut total = None;
    for b in blocks.into_iter().filter(|b| !b.ct.dims().contains(&0)) {
        let hi: SmallVec<[usize; 4]> = (0..shape.len())
            .map(|j| shape[j] - b.starts[j] - b.ct.dims()[j])
            .collect();
        let padded = pad(&b.ct, &b.starts, &hi, &vec![0; shape.len()])?;
        accumulate(&mut total, padded)?;
    }
    match total {
        Some(t) => Ok(t),
        None => zeros(shape, dtype),
    }
}

/// Disjoint `blocks` sorted along `axis`, full along every other axis, as one value of `shape`;
/// kept in `tiled` when they tile the first axis without gaps and their buffers have other
/// holders.
fn tile(
    shape: &[usize],
    axis: usize,
    blocks: Vec<Block>,
    tiled: &mut Option<Tiled>,
) -> Result<Tensor> {
    let dtype = blocks.first().map(|b| b.ct.dtype());
    if shape.contains(&0) {
        return zeros(shape, dtype);
    }
    let gap = |n: usize| -> Result<Tensor> {
        let mut s = Dims::from_slice(shape);
        s[axis] = n;
        zeros(&s, dtype)
    };
    let mut parts: Vec<Tensor> = Vec::with_capacity(2 * blocks.len() + 1);
    let mut at = 0;
    let mut gaps = false;
    for b in blocks {
        let (start, len) = (b.starts[axis], b.ct.dims()[axis]);
        if start > at {
            parts.push(gap(start - at)?);
            gaps = true;
        }
        at = start + len;
        if len > 0 {
            parts.push(b.ct);
        }
    }
    if at < shape[axis] {
        parts.push(gap(shape[axis] - at)?);
        gaps = true;
    }
    if parts.len() == 1 {
        return Ok(parts.remove(0));
    }
    let value = concat(&parts, axis)?;
    // A part's own handle is one holder of its buffer; another means the buffer lives on anyway.
    let shared = |t: &Tensor| t.storage_layout().is_some_and(|(s, _)| s.holders() > 1);
    *tiled = (axis == 0 && !gaps && parts.iter().all(shared)).then(|| Tiled {
        parts,
        value: value.clone(),
    });
    Ok(value)
}

/// Zeros of `shape` and `dtype` (a broadcast scalar: no buffer of that size). The dtype is the
/// blocks' (there is always one; Float32 only stands in for the impossible empty list).
fn zeros(shape: &[usize], dtype: Option<DType>) -> Result<Tensor> {
    let zero = Tensor::full_scalar(Scalar::Float(0.0), dtype.unwrap_or(DType::Float32));
    broadcast_in_dim(&zero, shape, &[])
}
