//! `jit`: stage a function into a [`Graph`], optimise it, and run the graph on later calls — the
//! GRAPH_MODE of MindSpore.
//!
//! Tracing runs the function once under the `Stage` interpreter, which records every primitive
//! and computes its value too, so the first call returns exactly eager's results and the
//! function's own control flow runs normally: a value it reads to decide a branch or a loop
//! (`to_bool`, `to_f64`, `item`, `to_vec`) becomes a *guard* of the graph. Graphs are cached by
//! the inputs' shapes and dtypes, several per key (one per path through the function); a call
//! takes the first whose guards all hold, and a call that takes a new path is traced once more.
//! No branch is ever frozen: a guard that fails sends the call to another graph or a new trace.
//!
//! With concrete inputs a graph runs through its [`exec`] plan (elementwise chains fused into one
//! pass, buffers released at their last use). Called under `grad`, `jvp`, `vmap` or another
//! `jit`, it is evaluated through `bind` instead, so every transform composes with `jit` in any
//! order.
//!
//! State ([`Var`]s: parameters, optimizer state, learning rates, the random key) read by the
//! function is an input of the graph, read at each call; state the function writes (an optimizer
//! step, a random draw advancing the key) is written back at each call, so training steps and
//! dropout replay from the cache and draw what eager draws. A front's mutable handle captured as
//! a constant ([`note_captured`]) guards the graph by its [`Version`].
//!
//! ```
//! use easy_mindspore as ems;
//! let f = ems::jit::jit(|xs: &[ems::Tensor]| -> ems::Result<Vec<ems::Tensor>> {
//!     let y = (&xs[0] * &xs[0])?;
//!     Ok(vec![ems::sum(&y, ems::Axes::All, false)?])
//! });
//! let x = ems::Tensor::new([1.0f32, 2.0, 3.0])?;
//! assert_eq!(f.call(&[x.clone()])?[0].to_f64()?, 14.0);
//! assert_eq!(f.call(&[x])?[0].to_f64()?, 14.0); // from the cached graph
//! # Ok::<(), ems::Error>(())
//! ```

mod exec;
pub mod graph;
pub mod passes;
pub(crate) mod stage;

pub use graph::{Atom, Eqn, Graph, Guard};

use crate::dtype::DType;
use crate::error::Result;
use crate::prim::{Var, Version};
use crate::tensor::Tensor;
use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Data a traced function returns beside its tensors (the Python front keeps the structure of
/// its outputs here); returned again by every call that reuses the trace.
pub type Aux = Option<Arc<dyn Any + Send + Sync>>;

/// A function `jit` can stage.
pub type JitFn = dyn Fn(&[Tensor]) -> Result<(Vec<Tensor>, Aux)> + Send + Sync;

/// A function being traced (on this thread, so it need not be `Send`).
type LocalFn<'a> = dyn Fn(&[Tensor]) -> Result<(Vec<Tensor>, Aux)> + 'a;

/// Distinct input signatures kept per function (least recently used dropped first).
const MAX_SIGNATURES: usize = 64;
/// Paths through the function kept per signature.
const MAX_PATHS: usize = 32;

/// True while a function is being traced by `jit` on this thread.
pub fn staging() -> bool {
    stage::staging()
}

/// Records that the function being traced read, as a constant, a front's mutable handle whose
/// changes `version` counts: the graphs traced now are reused only while it is unchanged.
pub fn note_captured(version: &Version) {
    crate::prim::bind::note_captured(version);
}

/// A number that changes each time a trace begins on this thread: a front records it when it
/// creates a handle, to tell handles made inside the current trace from those made before.
pub fn trace_generation() -> u64 {
    stage::generation()
}

/// One trace of the function.
pub(crate) struct Trace {
    /// The graph as recorded: inputs are the function's, then the lifted state's; outputs are
    /// the function's, then the new values of the state it wrote.
    pub graph: Graph,
    /// The state lifted to inputs, in order.
    pub vars: Vec<Var>,
    /// For each output after the function's own, the index (in `vars`) of the state it writes.
    pub effects: Vec<usize>,
    pub n_outputs: usize,
    /// Captured mutable handles' versions, as traced.
    pub versions: Vec<(Version, u64)>,
    /// The function's results (computed while tracing).
    pub outputs: Vec<Tensor>,
    pub aux: Aux,
    /// Why the graph cannot be reused, if it cannot.
    pub uncacheable: Option<String>,
}

/// Runs `f` once under a `Stage` interpreter and returns what it recorded. State the function
/// wrote gets its new value (as eager would have left it) when `keep_writes`; otherwise it keeps
/// the value it had (the writes are only recorded in the graph).
pub(crate) fn trace(f: &LocalFn<'_>, inputs: &[Tensor], keep_writes: bool) -> Result<Trace> {
    let staging = stage::begin();
    let id = staging.trace();
    let staged: Vec<Tensor> = inputs.iter().map(|x| staging.input(x)).collect();
    let result = f(&staged);
    let (mut st, bindings) = staging.end();
    let (outs, aux) = result?;
    let mut effects = Vec::new();
    let mut effect_atoms = Vec::new();
    for b in bindings.into_iter().filter(|b| b.written) {
        if let Some(k) = st.lifted.iter().position(|v| v.same(&b.var)) {
            effects.push(k);
            effect_atoms.push(b.value.clone());
        }
        if keep_writes {
            b.var.set(stage::unstage(id, &b.value));
        }
    }
    let mut atoms: Vec<Atom> = outs.iter().map(|o| st.atom(id, o)).collect();
    atoms.extend(effect_atoms.iter().map(|e| st.atom(id, e)));
    st.graph.outputs = atoms;
    let graph = graph_with_inputs(&st.graph, &st.inputs);
    Ok(Trace {
        graph,
        vars: st.lifted,
        effects,
        n_outputs: outs.len(),
        versions: st.versions,
        outputs: outs.iter().map(|o| stage::unstage(id, o)).collect(),
        aux,
        uncacheable: st.uncacheable_why,
    })
}

/// The graph with its variables renumbered: `inputs` first (in that order), then the equations'
/// outputs in order.
pub(crate) fn graph_with_inputs(g: &Graph, inputs: &[usize]) -> Graph {
    let mut map = vec![usize::MAX; g.types.len()];
    let mut types = Vec::with_capacity(g.types.len());
    for &v in inputs.iter().chain(g.eqns.iter().map(|e| &e.out)) {
        map[v] = types.len();
        types.push(g.types[v].clone());
    }
    let m = |a: Atom| match a {
        Atom::Var(v) => Atom::Var(map[v]),
        c => c,
    };
    Graph {
        types,
        n_inputs: inputs.len(),
        eqns: g
            .eqns
            .iter()
            .map(|e| Eqn {
                prim: e.prim.clone(),
                args: e.args.iter().map(|a| m(*a)).collect(),
                out: map[e.out],
            })
            .collect(),
        consts: g.consts.clone(),
        guards: g
            .guards
            .iter()
            .map(|gd| Guard {
                atom: m(gd.atom),
                expected: gd.expected.clone(),
            })
            .collect(),
        outputs: g.outputs.iter().map(|a| m(*a)).collect(),
    }
}

/// The graph of `f` at `inputs` as traced (before optimisation), like JAX's `make_jaxpr`; its
/// outputs include the new values of parameters `f` rebinds. The parameters keep their values:
/// making the graph changes no state.
pub fn make_graph(
    f: impl Fn(&[Tensor]) -> Result<Vec<Tensor>>,
    inputs: &[Tensor],
) -> Result<Graph> {
    let t = trace(
        &move |xs: &[Tensor]| f(xs).map(|o| (o, None)),
        inputs,
        false,
    )?;
    Ok(t.graph)
}

/// One graph of a function: a path through it for one input signature.
struct Path {
    graph: Graph,
    plan: exec::Plan,
    vars: Vec<Var>,
    effects: Vec<usize>,
    n_outputs: usize,
    /// Captured mutable handles' versions: the path is stale once one changed.
    versions: Vec<(Version, u64)>,
    aux: Aux,
}

impl Path {
    fn is_current(&self) -> bool {
        self.versions.iter().all(|(v, n)| v.get() == *n)
    }
}

struct Signature {
    types: Vec<(crate::layout::Dims, DType)>,
    paths: Vec<Arc<Path>>,
}

impl Signature {
    fn matches(&self, inputs: &[Tensor]) -> bool {
        self.types.len() == inputs.len()
            && self
                .types
                .iter()
                .zip(inputs)
                .all(|((s, d), x)| x.dims() == s.as_slice() && x.dtype() == *d)
    }
}

/// Counts of what a [`Jit`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct JitStats {
    /// Calls answered by a cached graph.
    pub hits: u64,
    /// Calls that traced the function.
    pub traces: u64,
    /// Graphs cached now.
    pub graphs: usize,
}

/// A staged function with its cache of graphs (see the module documentation). Thread-safe.
pub struct Jit {
    f: Arc<JitFn>,
    cache: Mutex<Vec<Signature>>,
    hits: AtomicU64,
    traces: AtomicU64,
    uncached: Mutex<Option<String>>,
}

/// Stages `f` (inputs and outputs as flat lists of tensors).
pub fn jit(f: impl Fn(&[Tensor]) -> Result<Vec<Tensor>> + Send + Sync + 'static) -> Jit {
    Jit::new(move |xs| f(xs).map(|o| (o, None)))
}

/// Stages a function of one tensor; the result is a function of one tensor again, so it
/// composes with `grad`, `jvp`, `vmap` and `jit` itself like the original.
pub fn jit1(
    f: impl Fn(&Tensor) -> Result<Tensor> + Send + Sync + 'static,
) -> impl Fn(&Tensor) -> Result<Tensor> + Send + Sync {
    let j = jit(move |xs: &[Tensor]| Ok(vec![f(&xs[0])?]));
    move |x: &Tensor| {
        let mut out = j.call(std::slice::from_ref(x))?;
        Ok(out.remove(0))
    }
}

impl Jit {
    /// A staged function returning [`Aux`] data beside its tensors.
    pub fn new(f: impl Fn(&[Tensor]) -> Result<(Vec<Tensor>, Aux)> + Send + Sync + 'static) -> Jit {
        Jit {
            f: Arc::new(f),
            cache: Mutex::new(Vec::new()),
            hits: AtomicU64::new(0),
            traces: AtomicU64::new(0),
            uncached: Mutex::new(None),
        }
    }

    /// Calls the function: from a cached graph when one fits, else by tracing it.
    pub fn call(&self, inputs: &[Tensor]) -> Result<Vec<Tensor>> {
        self.call_with_aux(inputs).map(|(o, _)| o)
    }

    /// [`Jit::call`], also returning the trace's [`Aux`].
    pub fn call_with_aux(&self, inputs: &[Tensor]) -> Result<(Vec<Tensor>, Aux)> {
        // The most recently used path first, without copying the list (the common case).
        let first = {
            let cache = lock(&self.cache);
            cache
                .iter()
                .find(|s| s.matches(inputs))
                .and_then(|s| s.paths.first().cloned())
        };
        if let Some(path) = first.filter(|p| p.is_current()) {
            if let Some(done) = self.run_path(&path, inputs)? {
                self.hits.fetch_add(1, Ordering::Relaxed);
                return Ok(done);
            }
            let others: Vec<Arc<Path>> = {
                let cache = lock(&self.cache);
                cache
                    .iter()
                    .find(|s| s.matches(inputs))
                    .map(|s| s.paths.iter().skip(1).cloned().collect())
                    .unwrap_or_default()
            };
            for path in others.iter().filter(|p| p.is_current()) {
                if let Some(done) = self.run_path(path, inputs)? {
                    self.hits.fetch_add(1, Ordering::Relaxed);
                    self.promote(inputs, path);
                    return Ok(done);
                }
            }
        }
        self.traces.fetch_add(1, Ordering::Relaxed);
        let t = trace(&*self.f, inputs, true)?;
        match &t.uncacheable {
            Some(why) => *lock(&self.uncached) = Some(why.clone()),
            None => self.insert(inputs, &t)?,
        }
        Ok((t.outputs, t.aux))
    }

    /// Runs one cached path; `None` when the call takes another path (a guard failed) or the
    /// state changed type.
    fn run_path(&self, path: &Path, inputs: &[Tensor]) -> Result<Option<(Vec<Tensor>, Aux)>> {
        let mut all = inputs.to_vec();
        for (k, var) in path.vars.iter().enumerate() {
            let v = var.get();
            let (shape, dtype) = &path.graph.types[inputs.len() + k];
            if v.dims() != shape.as_slice() || v.dtype() != *dtype {
                return Ok(None);
            }
            all.push(v);
        }
        let out = if all.iter().any(Tensor::is_traced) {
            path.graph.eval_checked(&all)?
        } else {
            path.plan.run(&path.graph, &all)?
        };
        let Some(mut outs) = out else { return Ok(None) };
        let updates = outs.split_off(path.n_outputs);
        for (k, v) in path.effects.iter().zip(updates) {
            path.vars[*k].set(v);
        }
        Ok(Some((outs, path.aux.clone())))
    }

    fn insert(&self, inputs: &[Tensor], t: &Trace) -> Result<()> {
        let graph = passes::optimize(&t.graph)?;
        let plan = exec::Plan::new(&graph);
        let path = Arc::new(Path {
            graph,
            plan,
            vars: t.vars.clone(),
            effects: t.effects.clone(),
            n_outputs: t.n_outputs,
            versions: t.versions.clone(),
            aux: t.aux.clone(),
        });
        let mut cache = lock(&self.cache);
        let sig = match cache.iter().position(|s| s.matches(inputs)) {
            Some(i) => cache.remove(i),
            None => Signature {
                types: inputs
                    .iter()
                    .map(|x| (crate::layout::Dims::from_slice(x.dims()), x.dtype()))
                    .collect(),
                paths: Vec::new(),
            },
        };
        let mut sig = sig;
        // What is evicted is dropped after the lock is let go: dropping a path drops its `Aux`,
        // which may run a front's code (a Python finalizer), and that code may use this `Jit`.
        let (current, mut evicted): (Vec<_>, Vec<_>) =
            sig.paths.drain(..).partition(|p| p.is_current());
        sig.paths = current;
        sig.paths.insert(0, path);
        let keep = MAX_PATHS.min(sig.paths.len());
        evicted.extend(sig.paths.drain(keep..));
        cache.insert(0, sig);
        let keep = MAX_SIGNATURES.min(cache.len());
        let old_sigs = cache.split_off(keep);
        drop(cache);
        drop((evicted, old_sigs));
        Ok(())
    }

    /// Drops every cached graph, with the constants and [`Aux`] data it holds (the counts of
    /// [`Jit::stats`] are kept). A front calls this when its function is collected, so that
    /// nothing the function captured outlives it.
    pub fn clear_cache(&self) {
        let old = std::mem::take(&mut *lock(&self.cache));
        drop(old); // outside the lock, as in `insert`
    }

    /// Calls `f` on the [`Aux`] data of each cached graph (a front's garbage collector walks the
    /// objects it holds), stopping at the first error. It never waits: when another call holds
    /// the cache at this moment, it visits nothing.
    pub fn try_for_each_aux<E>(
        &self,
        mut f: impl FnMut(&Arc<dyn Any + Send + Sync>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let cache = match self.cache.try_lock() {
            Ok(c) => c,
            Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return Ok(()),
        };
        for path in cache.iter().flat_map(|s| s.paths.iter()) {
            if let Some(aux) = &path.aux {
                f(aux)?;
            }
        }
        Ok(())
    }

    /// Moves `path` to the front of its signature's list (the most recently used is tried first).
    fn promote(&self, inputs: &[Tensor], path: &Arc<Path>) {
        let mut cache = lock(&self.cache);
        if let Some(sig) = cache.iter_mut().find(|s| s.matches(inputs)) {
            if let Some(i) = sig.paths.iter().position(|p| Arc::ptr_eq(p, path)) {
                if i > 0 {
                    let p = sig.paths.remove(i);
                    sig.paths.insert(0, p);
                }
            }
        }
    }

    /// The cached graphs (optimised), most recently used first.
    pub fn graphs(&self) -> Vec<Graph> {
        lock(&self.cache)
            .iter()
            .flat_map(|s| s.paths.iter().map(|p| p.graph.clone()))
            .collect()
    }

    /// What the cache did so far.
    pub fn stats(&self) -> JitStats {
        JitStats {
            hits: self.hits.load(Ordering::Relaxed),
            traces: self.traces.load(Ordering::Relaxed),
            graphs: lock(&self.cache).iter().map(|s| s.paths.len()).sum(),
        }
    }

    /// Why the last trace could not be cached (the function then runs traced at every call).
    pub fn uncached_reason(&self) -> Option<String> {
        lock(&self.uncached).clone()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
