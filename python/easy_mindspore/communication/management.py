"""``mindspore.communication.management``: starting and ending communication between processes,
ranks and groups. The state (initialised or not, ranks, groups) lives in the engine
(``easy_mindspore::comm``), one per process; ``mindspore.communication`` and this module are the
same functions, so there is one copy of it.

The transport is Open MPI, loaded by ``init()``: launch the script with
``mpirun -n N python train.py`` or ``msrun --worker_num=N --local_worker_num=N train.py``.
Before ``init()`` the process is a world of one: ``get_rank()`` is 0 and ``get_group_size()`` 1
(as in MindSpore); collectives and ``create_group`` are RuntimeErrors naming ``init()``.
"""
import atexit as _atexit
import os as _os
import sys as _sys
import threading as _threading

from .. import _C
from .._errors import ComputeError, DTypeError

__all__ = ["GlobalComm", "HCCL_WORLD_COMM_GROUP", "NCCL_WORLD_COMM_GROUP", "MCCL_WORLD_COMM_GROUP",
           "init", "release", "get_rank", "get_group_size", "get_local_rank", "get_local_rank_size",
           "create_group", "destroy_group", "get_process_group_ranks", "get_world_rank_from_group_rank",
           "get_group_rank_from_world_rank", "get_comm_name"]

HCCL_WORLD_COMM_GROUP = "hccl_world_group"
NCCL_WORLD_COMM_GROUP = "nccl_world_group"
MCCL_WORLD_COMM_GROUP = "mccl_world_group"


class GlobalComm:
    """MindSpore's communication globals: ``BACKEND`` (``'hccl'`` until ``init()``, then
    ``'mccl'``, the CPU backend's name; here Open MPI carries it), ``WORLD_COMM_GROUP`` (the world
    group's name) and ``INITED``."""
    BACKEND = "hccl"
    WORLD_COMM_GROUP = HCCL_WORLD_COMM_GROUP
    INITED = False


def _str_arg(op, name, value):
    if not isinstance(value, str):
        raise DTypeError(f"For '{op}', the argument '{name}' must be a str, but got "
                         f"{type(value).__name__}.")
    return value


def _abort_on_uncaught(previous):
    """An excepthook that ends the whole job after printing the traceback, so the other
    processes do not wait forever in a collective for this one."""
    def hook(kind, value, tb):
        previous(kind, value, tb)
        _sys.stderr.flush()
        _C.comm_abort(1)
    return hook


def _release_at_exit():
    """Finalises MPI when the interpreter exits. ``MPI_Finalize`` waits for every process, so a
    process that leaves early (``sys.exit(3)`` while the others still compute or wait in a
    collective) would wait forever: after ``EMS_FINALIZE_TIMEOUT`` seconds (default 600,
    MindSpore's ``cluster_time_out``) it exits with status 1 instead, and ``mpirun`` ends the job."""
    if not _C.comm_is_initialized():
        return
    timeout = float(_os.environ.get("EMS_FINALIZE_TIMEOUT", "600"))
    rank = _C.comm_rank(HCCL_WORLD_COMM_GROUP)  # not in expire(): release() holds the state

    def expire():
        _sys.stderr.write(f"[rank {rank}] the other processes did "
                          f"not finish within {timeout:g} s of this one (EMS_FINALIZE_TIMEOUT): "
                          "ending the job\n")
        _sys.stderr.flush()
        _os._exit(1)

    timer = _threading.Timer(timeout, expire)
    timer.daemon = True
    timer.start()
    _C.comm_release()
    timer.cancel()


def init(backend_name=None):
    """Joins the job the launcher started (Open MPI under ``mpirun`` or ``msrun``). Calling it
    again does nothing.

    Args:
        backend_name (str, optional): ``None`` or ``'mccl'`` (MindSpore's CPU backend, which Open
            MPI implements here). Default: ``None``.

    Raises:
        TypeError: ``backend_name`` is not a str.
        RuntimeError: another backend name; the process was not started by a launcher; Open MPI is
            not installed (the message says what to install); called after ``release()``.

    Examples:
        >>> from mindspore.communication import init, get_rank
        >>> get_rank()  # before init(): a single process
        0
    """
    if backend_name is not None:
        _str_arg("init", "backend_name", backend_name)
        if backend_name != "mccl":
            raise ComputeError(f"For 'init', the argument 'backend_name' should be 'mccl' to init "
                               f"'CPU', but got '{backend_name}'.")
    was = _C.comm_is_initialized()
    _C.comm_init()
    if not was:
        GlobalComm.BACKEND = "mccl"
        GlobalComm.WORLD_COMM_GROUP = MCCL_WORLD_COMM_GROUP
        GlobalComm.INITED = True
        _sys.excepthook = _abort_on_uncaught(_sys.excepthook)
        _atexit.register(_release_at_exit)


def release():
    """Ends communication (``MPI_Finalize``); nothing happens when it was not started. ``init()``
    cannot run again afterwards in the same process."""
    _C.comm_release()
    GlobalComm.INITED = False


def get_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank in ``group`` (default: the world). 0 before ``init()``.

    Raises:
        TypeError: ``group`` is not a str.
        ValueError: no group of that name.
        RuntimeError: a group other than the world before ``init()``.

    Examples:
        >>> import mindspore.communication as comm
        >>> comm.get_rank()
        0
    """
    return _C.comm_rank(_str_arg("get_rank", "group", group))


def get_group_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes in ``group`` (default: the world). 1 before ``init()``.

    Examples:
        >>> import mindspore.communication as comm
        >>> comm.get_group_size()
        1
    """
    return _C.comm_group_size(_str_arg("get_group_size", "group", group))


def get_local_rank(group=GlobalComm.WORLD_COMM_GROUP):
    """This process's rank among the processes of its host (0 when not launched)."""
    _str_arg("get_local_rank", "group", group)
    return _C.comm_local_rank()


def get_local_rank_size(group=GlobalComm.WORLD_COMM_GROUP):
    """The number of processes on this host (the launcher's ``OMPI_COMM_WORLD_LOCAL_SIZE``; the
    group size when it is not set)."""
    import os
    _str_arg("get_local_rank_size", "group", group)
    size = os.environ.get("OMPI_COMM_WORLD_LOCAL_SIZE")
    return int(size) if size else get_group_size(group)


def create_group(group, rank_ids, options=None):
    """Makes a group named ``group`` of the world ranks ``rank_ids``. Every listed process calls
    it with the same list (the others do not call it).

    Raises:
        TypeError: ``group`` is not a str or ``rank_ids`` not a list of ints.
        ValueError: a taken name, an empty list, repeated or out-of-range ranks, or this process
            not in the list.
        RuntimeError: before ``init()``.
    """
    _str_arg("create_group", "group", group)
    if not isinstance(rank_ids, (list, tuple)) or not all(
            isinstance(r, int) and not isinstance(r, bool) and r >= 0 for r in rank_ids):
        raise DTypeError(f"For 'create_group', 'rank_ids' must be a list of non-negative ints, but "
                         f"got {rank_ids!r}.")
    _C.comm_create_group(group, list(rank_ids))


def destroy_group(group):
    """Frees a group made by ``create_group`` (the world group cannot be destroyed)."""
    _C.comm_destroy_group(_str_arg("destroy_group", "group", group))


def get_process_group_ranks(group=GlobalComm.WORLD_COMM_GROUP):
    """The world ranks of ``group``'s members, in group-rank order."""
    return _C.comm_group_ranks(_str_arg("get_process_group_ranks", "group", group))


def get_world_rank_from_group_rank(group, group_rank_id):
    """The world rank of the process of rank ``group_rank_id`` in ``group``."""
    ranks = get_process_group_ranks(group)
    if not isinstance(group_rank_id, int) or not 0 <= group_rank_id < len(ranks):
        raise ComputeError(f"For 'get_world_rank_from_group_rank', 'group_rank_id' must be in "
                           f"[0, {len(ranks)}), but got {group_rank_id!r}.")
    return ranks[group_rank_id]


def get_group_rank_from_world_rank(world_rank_id, group):
    """The rank in ``group`` of the process of world rank ``world_rank_id``."""
    ranks = get_process_group_ranks(group)
    if world_rank_id not in ranks:
        raise ComputeError(f"For 'get_group_rank_from_world_rank', world rank {world_rank_id!r} is "
                           f"not in group '{group}' (ranks {ranks}).")
    return ranks.index(world_rank_id)


def get_comm_name(group=GlobalComm.WORLD_COMM_GROUP):
    """The group's name (MindSpore returns the backend communicator's name; here the group is its
    communicator)."""
    get_group_size(group)
    return group
