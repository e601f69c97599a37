//! What a `Jit` keeps and for how long: clearing the cache drops every graph and its `Aux`, the
//! `Aux` data of cached graphs can be walked (a front's garbage collector does), an evicted
//! graph is dropped after the cache's lock is let go; and range checks on data run inside the
//! graph instead of making the data a guard.

use easy_mindspore as ems;
use ems::jit::{Aux, Jit};
use ems::Tensor;
use std::any::Any;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};

/// `Aux` data that counts its live instances and, when dropped, calls the `Jit` that cached it.
struct Marker {
    live: Arc<AtomicUsize>,
    jit: Arc<OnceLock<Weak<Jit>>>,
}

impl Drop for Marker {
    fn drop(&mut self) {
        self.live.fetch_sub(1, Ordering::SeqCst);
        // A front's aux may run code that uses the jit (a Python finalizer): this must not
        // find the cache locked by the eviction that drops it.
        if let Some(j) = self.jit.get().and_then(Weak::upgrade) {
            let _ = j.stats();
        }
    }
}

/// A jit of `x * 2`, guarded by `version`, whose every trace returns a fresh `Marker` as aux.
fn marked(live: &Arc<AtomicUsize>, version: &ems::Version) -> (Arc<Jit>, Arc<OnceLock<Weak<Jit>>>) {
    let cell: Arc<OnceLock<Weak<Jit>>> = Arc::new(OnceLock::new());
    let (live, c, v) = (live.clone(), cell.clone(), version.clone());
    let j = Arc::new(Jit::new(move |xs: &[Tensor]| {
        ems::jit::note_captured(&v);
        live.fetch_add(1, Ordering::SeqCst);
        let aux: Arc<dyn Any + Send + Sync> = Arc::new(Marker {
            live: live.clone(),
            jit: c.clone(),
        });
        let aux: Aux = Some(aux);
        Ok((vec![(&xs[0] * 2.0)?], aux))
    }));
    let _ = cell.set(Arc::downgrade(&j));
    (j, cell)
}

#[test]
fn clearing_the_cache_drops_the_graphs_and_their_aux() -> ems::Result<()> {
    let live = Arc::new(AtomicUsize::new(0));
    let version = ems::Version::new();
    let (j, _cell) = marked(&live, &version);
    let x = Tensor::new([1.0f32, 2.0])?;
    for _ in 0..3 {
        assert_eq!(
            j.call(std::slice::from_ref(&x))?[0].to_vec::<f32>(),
            [2.0, 4.0]
        );
    }
    assert_eq!(
        live.load(Ordering::SeqCst),
        1,
        "one cached graph holds one aux"
    );
    let mut seen = 0;
    j.try_for_each_aux(|a| {
        seen += usize::from(a.downcast_ref::<Marker>().is_some());
        Ok::<(), ()>(())
    })
    .unwrap_or(());
    assert_eq!(seen, 1);
    j.clear_cache();
    assert_eq!(
        live.load(Ordering::SeqCst),
        0,
        "the aux went with the graph"
    );
    let s = j.stats();
    assert_eq!((s.traces, s.hits, s.graphs), (1, 2, 0));
    j.call(std::slice::from_ref(&x))?;
    assert_eq!(j.stats().traces, 2, "a cleared cache traces again");
    Ok(())
}

/// Runs `f` on another thread and fails if it does not finish within a minute (a deadlock
/// fails the test instead of hanging it).
fn within_a_minute(f: impl FnOnce() -> ems::Result<()> + Send + 'static) -> ems::Result<()> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("deadlock: the call did not finish")
}

#[test]
fn an_evicted_graph_is_dropped_after_the_cache_lock_is_let_go() -> ems::Result<()> {
    within_a_minute(|| {
        let live = Arc::new(AtomicUsize::new(0));
        let version = ems::Version::new();
        let (j, _cell) = marked(&live, &version);
        let x = Tensor::new([3.0f32])?;
        j.call(std::slice::from_ref(&x))?;
        // The captured state changes: the next call traces again, and inserting its graph
        // evicts the stale one, whose aux calls the jit while being dropped (a deadlock if the
        // cache's lock were still held).
        version.bump();
        assert_eq!(j.call(std::slice::from_ref(&x))?[0].to_vec::<f32>(), [6.0]);
        assert_eq!(live.load(Ordering::SeqCst), 1);
        let s = j.stats();
        assert_eq!((s.traces, s.graphs), (2, 1));
        Ok(())
    })
}

#[test]
fn batched_gather_indices_are_checked_in_the_graph_not_guarded() -> ems::Result<()> {
    // vmap of a gather whose operand and indices are both batched folds the batch into the
    // gathered axis; its range check must run with each call of the graph.
    let gather = |xs: &[Tensor]| {
        ems::vmap_flat(
            |ys| Ok(vec![ems::ops::prim::gather(&ys[0], &ys[1], 0)?]),
            xs,
            &[Some(0), Some(0)],
            &[Some(0)],
        )
    };
    let f = ems::jit::jit(gather);
    let x = Tensor::from_vec((0..12).map(|v| v as f32).collect(), &[2, 3, 2])?;
    for k in 0..6i64 {
        let idx = Tensor::from_vec(vec![k % 3, (k + 1) % 3, (k + 2) % 3, 0], &[2, 2])?;
        let want = gather(&[x.clone(), idx.clone()])?;
        let got = f.call(&[x.clone(), idx])?;
        assert_eq!(got[0].to_vec::<f32>(), want[0].to_vec::<f32>());
    }
    assert_eq!(f.stats().traces, 1, "new indices reuse the graph");
    let bad = Tensor::from_vec(vec![0i64, 1, 3, 0], &[2, 2])?;
    let eager = gather(&[x.clone(), bad.clone()]).map(|_| ()).unwrap_err();
    let jitted = f.call(&[x, bad]).map(|_| ()).unwrap_err();
    assert_eq!(jitted.to_string(), eager.to_string());
    assert!(
        matches!(
            jitted,
            ems::Error::IndexOutOfBounds {
                index: 3,
                size: 3,
                ..
            }
        ),
        "{jitted}"
    );
    Ok(())
}
