//! The entry of `MatMul`: batched matrix products `[..., m, k] @ [..., k, n]`.

use super::bind::bind;
use super::check::arity;
use super::ms_form::{MsArg, MsForm};
use super::support::{map, move_axis, sum2, swap_last, wants, when};
use super::{conj, reshape, Aval, Cts, Opt, Prim, Rule};
use crate::device::{self, Concrete};
use crate::dtype::DType;
use crate::error::{Error, Result};
use crate::layout::Dims;
use crate::tensor::Tensor;
use smallvec::smallvec;

/// The entry of `MatMul`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatMul;

impl Rule for MatMul {
    fn mindspore(&self, _: &[Aval], out: Aval<'_>) -> Option<MsForm> {
        let op = if out.0.len() == 2 {
            "MatMul"
        } else {
            "BatchMatMul"
        };
        // (a, b, transpose_a, transpose_b)
        Some(MsForm::op(op).args([MsArg::Bool(false), MsArg::Bool(false)]))
    }

    fn name(&self) -> &'static str {
        "MatMul"
    }

    fn infer(&self, ins: &[Aval]) -> Result<(Dims, DType)> {
        arity("MatMul", ins, 2)?;
        let (a, b) = (ins[0].0, ins[1].0);
        let ok = a.len() >= 2
            && a.len() == b.len()
            && a[..a.len() - 2] == b[..b.len() - 2]
            && a[a.len() - 1] == b[b.len() - 2];
        if !ok {
            return Err(Error::MatMulMismatch {
                op: "MatMul",
                lhs: a.to_vec(),
                rhs: b.to_vec(),
            });
        }
        if ins[0].1 != ins[1].1 {
            return Err(Error::DTypeMismatch {
                op: "MatMul",
                lhs: ins[0].1,
                rhs: ins[1].1,
            });
        }
        if ins[0].1 == DType::Bool {
            return Err(Error::UnsupportedDType {
                op: "MatMul",
                dtype: DType::Bool,
                expected: "a number type",
            });
        }
        let mut out = Dims::from_slice(a);
        let n = out.len();
        out[n - 1] = b[n - 1];
        Ok((out, ins[0].1))
    }

    fn eval(&self, ins: &[&Concrete], shape: &[usize], _: DType) -> Result<Tensor> {
        let out = device::of("MatMul", ins)?.matmul(ins[0], ins[1], shape)?;
        Ok(Tensor::from_storage(out, shape))
    }

    fn jvp(&self, x: &[Tensor], x_t: &[Opt], _: &Tensor) -> Result<Opt> {
        let (a, b) = (&x[0], &x[1]);
        sum2(
            map(&x_t[0], |t| matmul(t, b))?,
            map(&x_t[1], |t| matmul(a, t))?,
        )
    }

    fn vjp(&self, x: &[Tensor], _: &Tensor, ct: &Tensor, wanted: &[bool]) -> Result<Cts> {
        let (a, b) = (&x[0], &x[1]);
        // Each cotangent comes out in its operand's layout: for a transposed view (`nn.Dense`'s
        // `x @ wᵀ`) the product is taken transposed, so that the permute's own VJP hands the
        // weight a contiguous gradient instead of a transposed view every later elementwise op
        // (the optimizer's update) would have to gather.
        let da = || {
            if column_major(a) {
                swap_last(&matmul(&conj(b)?, &swap_last(ct)?)?)
            } else {
                matmul(ct, &conj(&swap_last(b)?)?)
            }
        };
        let db = || {
            let product = || matmul(&conj(&swap_last(a)?)?, ct);
            if !column_major(b) {
                product()
            } else if narrow_rows(b) {
                column_major_copy(&product()?)
            } else {
                swap_last(&matmul(&swap_last(ct)?, &conj(a)?)?)
            }
        };
        Ok(smallvec![
            when(wants(wanted, 0), da)?,
            when(wants(wanted, 1), db)?,
        ])
    }

    fn batch(&self, vals: &[Tensor], batched: &[bool], _: usize) -> Result<Tensor> {
        batched_matmul(&vals[0], &vals[1], batched[0], batched[1])
    }
}

/// Whether the column-major matrix `b` (`[k, n]`, the view `w.T` of a row-major `[n, k]`
/// weight) has so few rows that its gradient is better taken as the row-major `[k, n]` product
/// and copied into `w`'s layout than as the transposed product `[n, k]`, whose `k` columns would
/// fill few of the kernel's 16-column tiles (`nn.Dense` or an RNN's input projection from a
/// one-hot vocabulary of 28: the `[1024, T·B]·[T·B, 28]` product ran at a third of the
/// `[28, T·B]·[T·B, 1024]` one's rate; the copy of 28 K elements is cheap beside either).
pub(crate) fn narrow_rows(b: &Tensor) -> bool {
    narrow(b.dims()[0], b.dims()[1])
}

/// [`narrow_rows`] of a `[k, n]` matrix.
pub(crate) fn narrow(k: usize, n: usize) -> bool {
    k < 32 && n >= 4 * k
}

/// `x` (a `[k, n]` matrix) copied into column-major order, as the view `w.T` of a row-major
/// `[n, k]` matrix; differentiable (a reshape of the transposed view makes the copy).
pub(crate) fn column_major_copy(x: &Tensor) -> Result<Tensor> {
    let (k, n) = (x.dims()[0], x.dims()[1]);
    let rows = reshape(&reshape(&swap_last(x)?, &[n * k])?, &[n, k])?;
    swap_last(&rows)
}

/// Whether `x` is a concrete matrix stored column by column: the transpose of a row-major
/// matrix (`w.T`). Only 2-D operands: a batched operand's cotangent goes on through the
/// reshapes and permutes of attention heads, which a transposed layout would make gather.
pub(crate) fn column_major(x: &Tensor) -> bool {
    let Some((_, l)) = x.storage_layout() else {
        return false;
    };
    match (l.shape(), l.strides()) {
        (&[rows, cols], &[1, col_stride]) => rows > 1 && cols > 1 && col_stride == rows as isize,
        _ => false,
    }
}

/// Batched matmul. With both operands batched it is one more batch axis; with one, the batch is
/// folded into the rows of `x` (or the columns of `y`), so the work is one larger product.
fn batched_matmul(x: &Tensor, y: &Tensor, bx: bool, by: bool) -> Result<Tensor> {
    if bx && by {
        return matmul(x, y);
    }
    if bx {
        // x: [n, ..., m, k] → [..., n·m, k]
        let r = x.ndim() - 1; // example rank
        let xs = x.dims().to_vec();
        let (n, m) = (xs[0], xs[r - 1]);
        let moved = move_axis(x, 0, r - 2)?;
        let mut folded: Dims = xs[1..r - 1].iter().copied().collect();
        folded.extend([n * m, xs[r]]);
        let out = matmul(&reshape(&moved, &folded)?, y)?;
        // [..., n·m, cols] → [..., n, m, cols] → [n, ..., m, cols]
        let cols = *out.dims().last().unwrap_or(&1);
        let mut split: Dims = xs[1..r - 1].iter().copied().collect();
        split.extend([n, m, cols]);
        return move_axis(&reshape(&out, &split)?, r - 2, 0);
    }
    // y: [n, ..., k, c] → [..., k, n·c]
    let r = y.ndim() - 1;
    let ys = y.dims().to_vec();
    let (n, k, c) = (ys[0], ys[r - 1], ys[r]);
    let moved = move_axis(y, 0, r - 1)?;
    let mut folded: Dims = ys[1..r - 1].iter().copied().collect();
    folded.extend([k, n * c]);
    let out = matmul(x, &reshape(&moved, &folded)?)?;
    // [..., m, n·c] → [..., m, n, c] → [n, ..., m, c]
    let rows = out.dims()[out.ndim() - 2];
    let mut split: Dims = ys[1..r - 1].iter().copied().collect();
    split.extend([rows, n, c]);
    move_axis(&reshape(&out, &split)?, r - 1, 0)
}

/// The `MatMul` primitive.
pub fn matmul(x: &Tensor, y: &Tensor) -> Result<Tensor> {
    bind(Prim::MatMul, &[x, y])
}
