"""The docstring examples of the collectives (ops.AllReduce, AllGather, ReduceScatter, Broadcast,
nn.DistributedGradReducer) need a launcher: scripts/doctest_api.py --distributed runs them on 2
processes under mpirun and checks rank 0's output (skipped, saying why, without mpirun)."""
import os
import re
import shutil
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "scripts", "doctest_api.py")
MPIRUN = shutil.which("mpirun")


@pytest.mark.skipif(MPIRUN is None, reason="mpirun not found: apt-get install openmpi-bin libopenmpi-dev")
@pytest.mark.skipif(bool(os.environ.get("OMPI_COMM_WORLD_SIZE")), reason="already under mpirun")
def test_the_collective_examples_run_on_two_processes():
    env = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1", OMPI_ALLOW_RUN_AS_ROOT="1",
               OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    cmd = [MPIRUN, "--allow-run-as-root", "--oversubscribe", "-n", "2", sys.executable, SCRIPT,
           "--distributed"]
    p = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=300)
    out = p.stdout + p.stderr
    assert p.returncode == 0, out
    m = re.search(r"doctest_api: (\d+)/(\d+) docstrings passed", out)
    assert m and m.group(1) == m.group(2) and int(m.group(2)) >= 5, out
