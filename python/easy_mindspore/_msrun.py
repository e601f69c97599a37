"""``msrun``: MindSpore's launcher, for one host, over Open MPI's ``mpirun``.

``msrun --worker_num=N --local_worker_num=N train.py [args...]`` runs
``mpirun -n N [--allow-run-as-root] --oversubscribe python train.py args...`` and exits with its
status; every process then joins with ``mindspore.communication.init()``. ``--log_dir`` sends
each rank's output to its own file (``mpirun --output-filename``). Several hosts are mpirun's job
(a host file: ``mpirun --hostfile hosts -n N python train.py``), so ``worker_num`` must equal
``local_worker_num`` here."""
import argparse
import os
import shutil
import subprocess
import sys

__all__ = ["main", "mpirun_command"]


def _parser():
    p = argparse.ArgumentParser(
        prog="msrun", allow_abbrev=False,
        description="Start N processes of a MindSpore training script on this host (over mpirun).")
    p.add_argument("--worker_num", type=int, default=8, help="processes in the job (default 8)")
    p.add_argument("--local_worker_num", type=int, default=8,
                   help="processes on this host (default 8; must equal worker_num)")
    p.add_argument("--master_addr", default="127.0.0.1", help="accepted; mpirun needs no master")
    p.add_argument("--master_port", type=int, default=8118, help="accepted; unused")
    p.add_argument("--node_rank", type=int, default=-1, help="accepted; one host only")
    p.add_argument("--log_dir", default="", help="write each rank's output under this directory")
    p.add_argument("--join", default=False, help="accepted; msrun always waits")
    p.add_argument("--cluster_time_out", type=int, default=600, help="accepted; unused")
    p.add_argument("task_script", help="the training script")
    p.add_argument("task_script_args", nargs=argparse.REMAINDER, help="its arguments")
    return p


def mpirun_command(args, mpirun="mpirun", python=sys.executable, is_root=None):
    """The ``mpirun`` argument list for parsed msrun ``args``. A ValueError when the counts are
    not one host's."""
    if args.worker_num < 1:
        raise ValueError(f"msrun: --worker_num must be positive, but got {args.worker_num}")
    if args.local_worker_num != args.worker_num:
        raise ValueError(
            f"msrun: --worker_num ({args.worker_num}) must equal --local_worker_num "
            f"({args.local_worker_num}): this msrun starts one host; for several hosts use "
            "mpirun with a host file (mpirun --hostfile hosts -n N python train.py)")
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    cmd = [mpirun, "-n", str(args.worker_num), "--oversubscribe"]
    if is_root:
        cmd.append("--allow-run-as-root")
    if args.log_dir:
        cmd += ["--output-filename", args.log_dir]
    return cmd + [python, args.task_script] + list(args.task_script_args)


def main(argv=None):
    """Entry point of the ``msrun`` console script; returns mpirun's exit status."""
    args = _parser().parse_args(argv)
    mpirun = shutil.which("mpirun")
    if mpirun is None:
        print("msrun: mpirun not found: install Open MPI (apt-get install openmpi-bin "
              "libopenmpi-dev)", file=sys.stderr)
        return 127
    try:
        cmd = mpirun_command(args, mpirun)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
