//! Communication between processes (MindSpore's `mindspore.communication`): the process state
//! (initialised or not, this process's rank, the named groups) and the collectives as engine
//! primitives ([`collective`]). The transport is Open MPI, loaded at [`init`] ([`mpi`]); it is
//! the one backend today, behind the handful of calls `collective` makes (DESIGN §10).
//!
//! Invariant: one state per process, behind one lock, which every MPI call holds (Open MPI is
//! initialised with `MPI_THREAD_SERIALIZED`). Before [`init`] the world is a single process of
//! rank 0 (MindSpore's `get_rank()`/`get_group_size()` answer 0 and 1), and every collective is an
//! error naming `init()`.
//!
//! ```
//! use easy_mindspore::comm;
//! assert!(!comm::is_initialized());
//! assert_eq!(comm::rank(comm::WORLD)?, 0); // a single process before init()
//! assert_eq!(comm::group_size(comm::WORLD)?, 1);
//! # Ok::<(), easy_mindspore::Error>(())
//! ```

pub mod collective;
pub mod mpi;
pub mod overlap;
pub mod watchdog;

pub use collective::{all_gather, all_reduce, broadcast, reduce_scatter, Collective};
pub use mpi::ReduceOp;
pub use overlap::{BucketPlan, OverlapStats};

use crate::error::{Error, Result};
use mpi::{mpi_error, Handle, Mpi};
use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The world group's name as MindSpore spells it by default (`GlobalComm.WORLD_COMM_GROUP`).
pub const WORLD: &str = "hccl_world_group";

/// The names MindSpore gives the world group (Ascend, GPU and CPU backends): each means all
/// processes.
pub const WORLD_NAMES: [&str; 3] = ["hccl_world_group", "nccl_world_group", "mccl_world_group"];

/// Environment variables a launcher sets in each process it starts (Open MPI's `mpirun`, PMIx,
/// other PMI launchers).
const LAUNCHER_VARS: [&str; 3] = ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"];

/// One communicator: this process's rank in it, its size, and its members' world ranks.
#[derive(Clone, Debug)]
pub(crate) struct Group {
    pub(crate) comm: Handle,
    pub(crate) rank: usize,
    pub(crate) size: usize,
    pub(crate) members: Vec<usize>,
}

enum Phase {
    Uninit,
    Running {
        world: Group,
        groups: HashMap<String, Group>,
        made: usize,
    },
    Released,
}

static STATE: Mutex<Phase> = Mutex::new(Phase::Uninit);
static LIBRARY: OnceLock<std::result::Result<Mpi, Error>> = OnceLock::new();

fn state() -> MutexGuard<'static, Phase> {
    // A panic while holding the lock cannot leave the phase half-written (each arm assigns a
    // whole value), so a poisoned lock is still consistent.
    STATE.lock().unwrap_or_else(|e| e.into_inner())
}

fn library() -> Result<&'static Mpi> {
    LIBRARY
        .get_or_init(Mpi::load)
        .as_ref()
        .map_err(Clone::clone)
}

/// True when the process was started by a launcher (`mpirun`, `msrun`).
pub fn under_launcher() -> bool {
    LAUNCHER_VARS.iter().any(|v| std::env::var_os(v).is_some())
}

/// Initialises communication (MindSpore's `init()`): loads Open MPI, joins the job started by
/// the launcher. Calling it again is a no-op. Errors (Python's RuntimeError): not started by a
/// launcher (the message names `mpirun`/`msrun`), Open MPI missing (the message names the
/// packages), or called again after [`release`].
pub fn init() -> Result<()> {
    let mut st = state();
    match &*st {
        Phase::Running { .. } => return Ok(()),
        Phase::Released => {
            return Err(mpi_error(
                "init() after release(): MPI cannot be initialised twice in one process",
            ))
        }
        Phase::Uninit => {}
    }
    if !under_launcher() {
        return Err(mpi_error(&format!(
            "init() was called in a process not started by a launcher: {}",
            mpi::INSTALL_HINT
        )));
    }
    let lib = library()?;
    lib.init()?;
    let (rank, size) = lib.rank_size(lib.world)?;
    if size > 1 {
        watchdog::start(rank, watchdog::timeout_from_env());
    }
    let world = Group {
        comm: lib.world,
        rank,
        size,
        members: (0..size).collect(),
    };
    *st = Phase::Running {
        world,
        groups: HashMap::new(),
        made: 0,
    };
    Ok(())
}

/// True between [`init`] and [`release`].
pub fn is_initialized() -> bool {
    matches!(&*state(), Phase::Running { .. })
}

/// Finalises MPI (MindSpore's `release()`); the communication functions then behave as before
/// `init` except that `init` cannot run again. A no-op when not initialised.
pub fn release() -> Result<()> {
    let mut st = state();
    let Phase::Running { groups, .. } = &*st else {
        return Ok(());
    };
    let lib = library()?;
    for g in groups.values() {
        lib.free_group(g.comm)?;
    }
    lib.finalize()?;
    *st = Phase::Released;
    Ok(())
}

fn not_initialized(op: &'static str) -> Error {
    mpi_error(&format!(
        "For '{op}', distributed communication has not been initialised: call \
         mindspore.communication.init() first, in a script started by `mpirun -n N` or `msrun`"
    ))
}

/// Runs `f` with the library and the named group, holding the state lock (every MPI call is
/// made under it).
pub(crate) fn with_group<T>(
    op: &'static str,
    group: &str,
    f: impl FnOnce(&Mpi, &Group) -> Result<T>,
) -> Result<T> {
    let st = state();
    let Phase::Running { world, groups, .. } = &*st else {
        return Err(not_initialized(op));
    };
    let g = if WORLD_NAMES.contains(&group) {
        world
    } else {
        groups.get(group).ok_or_else(|| unknown_group(op, group))?
    };
    f(library()?, g)
}

fn unknown_group(op: &'static str, group: &str) -> Error {
    Error::invalid(
        op,
        format!("the group '{group}' does not exist: make it with create_group first"),
    )
}

/// This process's rank in `group` (0 before [`init`] for the world group).
pub fn rank(group: &str) -> Result<usize> {
    group_query("get_rank", group, |g| g.rank)
}

/// The number of processes in `group` (1 before [`init`] for the world group).
pub fn group_size(group: &str) -> Result<usize> {
    group_query("get_group_size", group, |g| g.size)
}

/// The world ranks of `group`'s members, in group-rank order.
pub fn group_ranks(group: &str) -> Result<Vec<usize>> {
    group_query("get_process_group_ranks", group, |g| g.members.clone())
}

fn group_query<T>(op: &'static str, group: &str, f: impl Fn(&Group) -> T) -> Result<T> {
    let st = state();
    match &*st {
        Phase::Running { world, groups, .. } => {
            if WORLD_NAMES.contains(&group) {
                Ok(f(world))
            } else {
                groups
                    .get(group)
                    .map(&f)
                    .ok_or_else(|| unknown_group(op, group))
            }
        }
        _ if WORLD_NAMES.contains(&group) => Ok(f(&Group {
            comm: 0,
            rank: 0,
            size: 1,
            members: vec![0],
        })),
        _ => Err(not_initialized(op)),
    }
}

/// This process's rank among the processes of its host (the launcher's
/// `OMPI_COMM_WORLD_LOCAL_RANK`; 0 when not launched).
pub fn local_rank() -> usize {
    ["OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID"]
        .iter()
        .find_map(|v| std::env::var(v).ok()?.parse().ok())
        .unwrap_or(0)
}

/// Makes the group `name` of the listed world ranks (MindSpore's `create_group`): every listed
/// process calls it, with the same list, in the same order of group creations. Errors: not
/// initialised, a reserved or taken name, an empty list, a rank repeated or out of range, or this
/// process not in the list.
pub fn create_group(name: &str, ranks: &[usize]) -> Result<()> {
    const OP: &str = "create_group";
    let mut st = state();
    let Phase::Running {
        world,
        groups,
        made,
    } = &mut *st
    else {
        return Err(not_initialized(OP));
    };
    if WORLD_NAMES.contains(&name) || groups.contains_key(name) {
        return Err(Error::invalid(
            OP,
            format!("the group '{name}' already exists"),
        ));
    }
    let mut sorted = ranks.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if ranks.is_empty() || sorted.len() != ranks.len() {
        return Err(Error::invalid(
            OP,
            format!("'rank_ids' must be a non-empty list of distinct ranks, but got {ranks:?}"),
        ));
    }
    if let Some(r) = ranks.iter().find(|&&r| r >= world.size) {
        return Err(Error::invalid(
            OP,
            format!(
                "rank {r} in 'rank_ids' {ranks:?} is out of range for {} processes",
                world.size
            ),
        ));
    }
    let Some(my) = ranks.iter().position(|&r| r == world.rank) else {
        return Err(Error::invalid(
            OP,
            format!(
                "this process (rank {}) is not in 'rank_ids' {ranks:?}: only the members create \
                 a group",
                world.rank
            ),
        ));
    };
    let lib = library()?;
    *made += 1;
    let what = || format!("For 'create_group', making group '{name}' of ranks {ranks:?}");
    let comm = watchdog::watch(what, || lib.create_group(ranks, *made))?;
    groups.insert(
        name.to_string(),
        Group {
            comm,
            rank: my,
            size: ranks.len(),
            members: ranks.to_vec(),
        },
    );
    Ok(())
}

/// Frees the group `name` (MindSpore's `destroy_group`); the world group cannot be destroyed.
pub fn destroy_group(name: &str) -> Result<()> {
    const OP: &str = "destroy_group";
    let mut st = state();
    let Phase::Running { groups, .. } = &mut *st else {
        return Err(not_initialized(OP));
    };
    if WORLD_NAMES.contains(&name) {
        return Err(Error::invalid(OP, "the world group cannot be destroyed"));
    }
    let g = groups.remove(name).ok_or_else(|| unknown_group(OP, name))?;
    library()?.free_group(g.comm)
}

/// Waits until every process of `group` reaches this call.
pub fn barrier(group: &str) -> Result<()> {
    with_group("barrier", group, |lib, g| {
        let what = || format!("For 'barrier', the barrier of group '{group}'");
        watchdog::watch(what, || lib.barrier(g.comm))
    })
}

/// Ends every process of the job with `code` (`MPI_Abort`), so that the others do not wait
/// forever for a process that failed. Does nothing when not initialised.
pub fn abort(code: i32) {
    // Not through the lock: another thread may hold it, blocked in a collective.
    if let Some(Ok(lib)) = LIBRARY.get() {
        if matches!(lib.is_finalized(), Ok(false)) && is_running_unlocked() {
            lib.abort(code);
        }
    }
}

fn is_running_unlocked() -> bool {
    match STATE.try_lock() {
        Ok(st) => matches!(&*st, Phase::Running { .. }),
        // Held by a collective in progress: MPI is running.
        Err(std::sync::TryLockError::WouldBlock) => true,
        Err(std::sync::TryLockError::Poisoned(e)) => {
            matches!(&*e.into_inner(), Phase::Running { .. })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_init_the_world_is_one_process() {
        assert!(!is_initialized());
        for name in WORLD_NAMES {
            assert_eq!(rank(name).unwrap(), 0);
            assert_eq!(group_size(name).unwrap(), 1);
            assert_eq!(group_ranks(name).unwrap(), vec![0]);
        }
    }

    #[test]
    fn a_named_group_or_a_collective_before_init_is_an_error() {
        let e = rank("my_group").unwrap_err();
        assert_eq!(e.class(), crate::ErrorClass::Runtime);
        assert!(e.to_string().contains("init()"), "{e}");
        let e = barrier(WORLD).unwrap_err();
        assert!(e.to_string().contains("has not been initialised"), "{e}");
        let e = create_group("g", &[0]).unwrap_err();
        assert!(e.to_string().contains("create_group"), "{e}");
        let e = destroy_group("g").unwrap_err();
        assert_eq!(e.class(), crate::ErrorClass::Runtime);
        abort(1); // a no-op before init
    }

    #[test]
    fn init_outside_a_launcher_names_the_launcher() {
        if under_launcher() {
            return; // run by mpirun: init would succeed
        }
        let e = init().unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("mpirun") && msg.contains("msrun"), "{msg}");
        assert!(
            msg.contains("apt-get install openmpi-bin libopenmpi-dev"),
            "{msg}"
        );
        assert_eq!(e.class(), crate::ErrorClass::Runtime);
        assert!(!is_initialized());
        release().unwrap(); // a no-op when not initialised
    }
}
