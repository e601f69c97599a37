//! The device-independent description of a fused elementwise kernel, as `jit` builds it from a
//! chain of float elementwise equations over one shape (optionally ending in full reductions): a
//! list of instructions over registers, which registers are written out, which are reduced, and
//! a buffer assignment by liveness. A device runs it with [`super::Device::fused`]; each element
//! must go through the same scalar functions (the op tables of [`crate::op`]) as the unfused
//! kernels, so results are identical (reductions may differ only in the order of their steps).

use crate::op::{BinaryOp, Cost, ReduceOp, UnaryOp};
use smallvec::SmallVec;

/// Where an instruction's operand comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Src {
    /// Input `i` of the kernel.
    In(usize),
    /// The result of instruction `i`.
    Reg(usize),
}

/// An elementwise op a chain can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElemOp {
    /// A unary op (one operand).
    Unary(UnaryOp),
    /// A binary op (two operands).
    Binary(BinaryOp),
}

impl ElemOp {
    /// How much work one element of the op is.
    pub fn cost(self) -> Cost {
        match self {
            ElemOp::Unary(op) => op.cost(),
            ElemOp::Binary(op) => op.cost(),
        }
    }
}

/// One elementwise op of the chain; its result is register `i` for the `i`-th instruction.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Instr {
    /// The op.
    pub op: ElemOp,
    /// Its operands (one for a unary op, two for a binary one).
    pub args: SmallVec<[Src; 2]>,
}

/// A fused chain. Plain data, comparable and hashable, so that a device compiling chains (NVRTC)
/// can cache them by their description.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Kernel {
    /// The instructions, in order.
    pub instrs: Vec<Instr>,
    /// Registers written out as whole tensors.
    pub outs: Vec<usize>,
    /// Registers whose full reduction is a result, and the reduction.
    pub reduces: Vec<(usize, ReduceOp)>,
    /// The buffer each instruction writes ([`Kernel::allocate`]): a value's buffer is reused once
    /// no later instruction reads it, so a long chain works in a few L1-resident buffers.
    pub dst: Vec<usize>,
    /// How many buffers.
    pub n_bufs: usize,
}

impl Kernel {
    /// Assigns buffers to instructions by liveness: a value written out or summed stays to the
    /// end of the chunk; any other is free after its last reader.
    pub fn allocate(&mut self) {
        let n = self.instrs.len();
        let mut last = vec![0usize; n];
        for (i, ins) in self.instrs.iter().enumerate() {
            for a in &ins.args {
                if let Src::Reg(r) = a {
                    last[*r] = i;
                }
            }
        }
        for &r in self.outs.iter().chain(self.reduces.iter().map(|(r, _)| r)) {
            last[r] = usize::MAX;
        }
        let (mut free, mut n_bufs) = (Vec::new(), 0);
        self.dst = Vec::with_capacity(n);
        for i in 0..n {
            let d = free.pop().unwrap_or_else(|| {
                n_bufs += 1;
                n_bufs - 1
            });
            self.dst.push(d);
            // Operands read for the last time here free their buffers for the next instructions
            // (not this one: its output must not overlap its inputs).
            for a in &self.instrs[i].args {
                if let Src::Reg(r) = a {
                    if last[*r] == i && !free.contains(&self.dst[*r]) {
                        free.push(self.dst[*r]);
                    }
                }
            }
            if last[i] == 0 && !self.outs.contains(&i) && !self.reduces.iter().any(|(r, _)| *r == i)
            {
                free.push(d); // never read
            }
        }
        self.n_bufs = n_bufs;
    }

    /// [`Cost::Costly`] when any instruction is.
    pub fn cost(&self) -> Cost {
        if self.instrs.iter().any(|i| i.op.cost() == Cost::Costly) {
            Cost::Costly
        } else {
            Cost::Cheap
        }
    }
}
