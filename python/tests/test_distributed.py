"""Data-parallel training over Open MPI: `mindspore.communication`, the collectives and their
gradients, `nn.DistributedGradReducer` inside `TrainOneStepCell`/`Model`, dataset sharding.

The two-process tests start `dist_worker.py` with `mpirun --allow-run-as-root --oversubscribe
-n 2` (each bounded by a timeout) and compare what each rank pickled with NumPy references; they
are skipped, saying why, when `mpirun` is not installed (`scripts/test-all.sh` installs it). The
single-process tests check the behaviour outside a launcher, which MindSpore 2.10 defines:
`get_rank()` is 0 and `get_group_size()` 1 before `init()`, `init()` outside a launcher is a
RuntimeError naming `mpirun`, `init('nccl')` on CPU a RuntimeError (messages checked in 2.10)."""
import os
import pickle
import shutil
import subprocess
import sys
import time

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import communication as comm
from easy_mindspore import nn, ops
from easy_mindspore._msrun import _parser, mpirun_command

HERE = os.path.dirname(os.path.abspath(__file__))
WORKER = os.path.join(HERE, "dist_worker.py")
MPIRUN = shutil.which("mpirun")
needs_mpi = pytest.mark.skipif(
    MPIRUN is None, reason="mpirun not found: apt-get install openmpi-bin libopenmpi-dev")
TIMEOUT = 60


def launch(scenario, tmp_path, via_msrun=False, timeout=TIMEOUT, **extra_env):
    """Runs the scenario on 2 processes; returns (returncode, output, seconds, per-rank results)."""
    if via_msrun:
        cmd = [sys.executable, "-m", "easy_mindspore._msrun", "--worker_num=2",
               "--local_worker_num=2", WORKER, scenario, str(tmp_path)]
    else:
        cmd = [MPIRUN, "--allow-run-as-root", "--oversubscribe", "-n", "2", sys.executable, WORKER,
               scenario, str(tmp_path)]
    env = dict(os.environ, OMPI_MCA_rmaps_base_oversubscribe="1", OMPI_ALLOW_RUN_AS_ROOT="1",
               OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1", **extra_env)
    start = time.monotonic()
    p = subprocess.run(cmd, cwd=HERE, env=env, capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - start
    results = {}
    for r in (0, 1):
        path = tmp_path / f"rank{r}.pkl"
        if path.exists():
            with open(path, "rb") as f:
                results[r] = pickle.load(f)
    return p.returncode, p.stdout + p.stderr, elapsed, results


@pytest.fixture(scope="module")
def main_run(tmp_path_factory):
    if MPIRUN is None:
        pytest.skip("mpirun not found: apt-get install openmpi-bin libopenmpi-dev")
    tmp = tmp_path_factory.mktemp("dist_main")
    rc, output, _, results = launch("main", tmp)
    assert rc == 0, output
    assert sorted(results) == [0, 1], output
    return results


A = np.arange(6, dtype=np.float32).reshape(3, 2)


@needs_mpi
def test_ranks_and_sizes(main_run):
    for r in (0, 1):
        assert main_run[r]["rank"] == r
        assert main_run[r]["size"] == 2
        assert main_run[r]["local_rank"] == r  # one host: local rank = world rank


@needs_mpi
def test_all_reduce_all_gather_reduce_scatter_broadcast_values(main_run):
    # rank r holds x_r = (r+1)·A
    for r in (0, 1):
        out = main_run[r]
        np.testing.assert_array_equal(out["allreduce_sum"], 3 * A)
        np.testing.assert_array_equal(out["allreduce_max"], 2 * A)
        np.testing.assert_array_equal(out["allreduce_min"], A)
        np.testing.assert_array_equal(out["allreduce_prod"], 2 * A * A)
        np.testing.assert_array_equal(out["allgather"], np.concatenate([A, 2 * A]))
        b = np.arange(8, dtype=np.float32).reshape(4, 2)
        np.testing.assert_array_equal(out["reducescatter"], (2 * b + 10)[2 * r:2 * r + 2])
        np.testing.assert_array_equal(out["broadcast"], 4 * A)  # rank 1's second tensor, 2·x_1
        np.testing.assert_array_equal(out["cf_all_reduce"], 2 * A)
        np.testing.assert_array_equal(out["cf_gather"], np.concatenate([A, 2 * A]))
        np.testing.assert_array_equal(out["cf_scatter"], np.full((1, 3), 2.0, np.float32))
        np.testing.assert_array_equal(out["cf_broadcast"], 2 * A)
        np.testing.assert_array_equal(out["gather_bool"], [True, True, False, True])


@needs_mpi
@pytest.mark.parametrize("dt", ["int8", "uint8", "int32", "int64", "uint64", "float16", "float64"])
def test_all_reduce_keeps_every_dtype(main_run, dt):
    for r in (0, 1):
        got = main_run[r][f"dtype_{dt}"]
        assert got.dtype == np.dtype(dt)
        np.testing.assert_array_equal(got, np.array([3, 6, 9], dtype=dt))


@needs_mpi
def test_collective_gradients_follow_mindspore_bprops(main_run):
    c = [A + r for r in (0, 1)]                       # rank r's cotangent weight
    cg = [np.arange(12, dtype=np.float32).reshape(6, 2) * (r + 1) for r in (0, 1)]
    for r in (0, 1):
        out = main_run[r]
        # d/dx Σ AllReduce(x)·c_r = AllReduce_SUM(c)
        np.testing.assert_array_equal(out["grad_allreduce"], c[0] + c[1])
        # AllGather's gradient: the ReduceScatter SUM of the cotangents, block r
        np.testing.assert_array_equal(out["grad_allgather"], (cg[0] + cg[1])[3 * r:3 * r + 3])
        np.testing.assert_array_equal(out["jit_grad_allgather"], out["grad_allgather"])
        # ReduceScatter's: the AllGather of the cotangents
        np.testing.assert_array_equal(out["grad_reducescatter"], np.concatenate([c[0][:2], c[1][:2]]))
        # Broadcast passes the cotangent through (MindSpore's bprop)
        np.testing.assert_array_equal(out["grad_broadcast"], c[r])
        # MAX: AllReduce_SUM(c) where x attained the maximum (rank 1 everywhere, rank 0 at A == 0)
        mask = np.ones_like(A) if r == 1 else (A == 0).astype(np.float32)
        np.testing.assert_array_equal(out["grad_max"], (c[0] + c[1]) * mask)


@needs_mpi
def test_collectives_inside_jit_and_vmap(main_run):
    for r in (0, 1):
        out = main_run[r]
        np.testing.assert_array_equal(out["jit_1"], 6 * A)
        np.testing.assert_array_equal(out["jit_2"], 6 * A + 4)  # run again, not frozen
        xb = [np.arange(12, dtype=np.float32).reshape(2, 3, 2) + 100 * q for q in (0, 1)]
        want = np.stack([np.concatenate([xb[0][b], xb[1][b]]) for b in range(2)])
        np.testing.assert_array_equal(out["vmap_allgather"], want)


@needs_mpi
def test_create_group_orders_ranks_as_listed(main_run):
    for r in (0, 1):
        out = main_run[r]
        assert int(out["pair_rank"]) == 1 - r  # "pair" lists world ranks [1, 0]
        np.testing.assert_array_equal(out["pair_sum"], 3 * A)
        np.testing.assert_array_equal(out["pair_gather"], [1.0, 0.0])


def _rel(a, b):
    return float(np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-30))


@needs_mpi
@pytest.mark.parametrize("how", ["dp_cell", "dp_jit", "dp_generator", "dp_model"])
def test_data_parallel_matches_single_process_full_batch(main_run, how):
    ref = main_run[0]["reference"]
    w0, w1 = main_run[0][how], main_run[1][how]
    assert sorted(w0) == sorted(ref)
    for name in ref:
        np.testing.assert_array_equal(w0[name], w1[name])  # identical on both ranks
        assert _rel(w0[name], ref[name]) <= 1e-5, (how, name, _rel(w0[name], ref[name]))
        assert _rel(ref[name], main_run[1]["reference"][name]) == 0.0


@needs_mpi
@pytest.mark.parametrize("key,n", [("generator_rows", 8), ("numpy_rows", 8), ("mnist_labels", 10)])
def test_dataset_shards_are_disjoint_and_cover(main_run, key, n):
    a, b = (set(main_run[r][key].tolist()) for r in (0, 1))
    assert a.isdisjoint(b)
    assert a | b == set(range(n))
    assert abs(len(a) - len(b)) <= 1


@needs_mpi
def test_only_rank_0_writes_checkpoints(main_run):
    assert len(main_run[0]["ckpt_files"]) >= 1
    assert main_run[1]["ckpt_files"] == []


@needs_mpi
def test_mismatched_collectives_are_errors_not_hangs_via_msrun(tmp_path):
    rc, output, _, results = launch("mismatch", tmp_path, via_msrun=True)
    assert rc == 0, output
    for r in (0, 1):
        out = results[r]
        for case in ("shape", "dtype", "kind", "root"):
            msg = out[case]
            assert msg.startswith("ValueError"), msg
            assert "rank 0:" in msg and "rank 1:" in msg, msg
        assert "Float32[2]" in out["shape"] and "Float32[3]" in out["shape"]
        assert "Float64[2]" in out["dtype"]
        assert "AllGather" in out["kind"]
        assert "Broadcast(root=1)" in out["root"]
        np.testing.assert_array_equal(out["after"], [2.0, 2.0])  # still in step afterwards


@needs_mpi
@pytest.mark.parametrize("scenario", ["crash", "exit"])
def test_a_failing_rank_ends_the_job_with_an_error(tmp_path, scenario):
    # A process that exits early waits EMS_FINALIZE_TIMEOUT seconds for the others, then ends.
    rc, output, elapsed, results = launch(scenario, tmp_path, EMS_FINALIZE_TIMEOUT="3")
    assert rc != 0, output
    assert elapsed < 30, elapsed
    assert 0 not in results or not results[0].get("finished"), output
    if scenario == "crash":
        assert "rank 1 failed on purpose" in output
    else:
        assert "did not finish within 3 s" in output


@needs_mpi
def test_a_hung_rank_ends_the_job_after_the_collective_timeout(tmp_path):
    # Rank 1 sleeps while rank 0 waits in an AllReduce: MPI cannot tell a slow process from a
    # hung one, so rank 0's watchdog ends it after EMS_COLLECTIVE_TIMEOUT s and mpirun the job.
    rc, output, elapsed, results = launch("hang", tmp_path, EMS_COLLECTIVE_TIMEOUT="2")
    assert rc != 0, output
    assert elapsed < 30, elapsed
    assert not results, output
    assert "[rank 0] RuntimeError: For 'AllReduce', AllReduce(op=sum) of Float32[2]" in output
    assert "waited more than 2 s" in output and "EMS_COLLECTIVE_TIMEOUT" in output


@pytest.fixture(scope="module")
def overlap_run(tmp_path_factory):
    if MPIRUN is None:
        pytest.skip("mpirun not found: apt-get install openmpi-bin libopenmpi-dev")
    tmp = tmp_path_factory.mktemp("dist_overlap")
    rc, output, _, results = launch("overlap", tmp, timeout=120)
    assert rc == 0, output
    assert sorted(results) == [0, 1], output
    return results


OVERLAP_CASES = [(net, limit, overlap) for net in ("mlp", "mixed") for limit in (25 << 20, 64)
                 for overlap in (True, False)]


@needs_mpi
@pytest.mark.parametrize("case", OVERLAP_CASES, ids=lambda c: "-".join(map(str, c)))
def test_overlapped_reduction_matches_single_process_full_batch(overlap_run, case):
    # Rank 1 starts from other weights; both must end on the full-batch run's, bit for bit equal.
    net = case[0]
    ref = overlap_run[0]["reference"][net]
    for r in (0, 1):
        got = overlap_run[r][case]
        assert sorted(got) == sorted(ref)
        for name in ref:
            np.testing.assert_array_equal(got[name], overlap_run[0][case][name], err_msg=name)
            np.testing.assert_allclose(got[name], ref[name], rtol=1e-5, atol=1e-5, err_msg=name)
            assert got[name].dtype == ref[name].dtype, name


@needs_mpi
@pytest.mark.parametrize("net", ["mlp", "mixed"])
@pytest.mark.parametrize("limit", [25 << 20, 64])
def test_overlapped_and_after_the_backward_pass_give_identical_weights(overlap_run, net, limit):
    for r in (0, 1):
        a, b = overlap_run[r][(net, limit, True)], overlap_run[r][(net, limit, False)]
        for name in a:
            np.testing.assert_array_equal(a[name], b[name], err_msg=name)


@needs_mpi
@pytest.mark.parametrize("net", ["mlp", "mixed"])
@pytest.mark.parametrize("limit", [25 << 20, 64])
def test_every_gradient_is_reported_once_and_buckets_start_last_first(overlap_run, net, limit):
    for r in (0, 1):
        buckets = overlap_run[r][(net, limit, True, "buckets")]
        stats = overlap_run[r][(net, limit, True, "stats")]
        n = sum(len(b) for b in buckets)
        assert stats["reports"] == [1] * n  # the hook fired once per parameter (last step)
        assert stats["started"] == list(range(len(buckets)))[::-1]
        assert overlap_run[r][(net, limit, False, "stats")] is None  # OVERLAP=False: no plan
    if limit == 64:
        # one bucket per parameter; the last layer's started while earlier gradients were not
        # final yet: the reduction overlapped with the rest of the backward pass
        assert len(buckets) == n
        assert stats["unfinished_at_start"][0] > 0
        assert stats["unfinished_at_start"] == sorted(stats["unfinished_at_start"], reverse=True)


@needs_mpi
def test_mixed_dtypes_and_an_unused_parameter(overlap_run):
    # The parameters in order (own ones first, then the layers'): each run of one dtype is a
    # bucket with the default limit, and the Float64 one is alone.
    dtypes = [w.dtype for w in overlap_run[0]["reference"]["mixed"].values()]
    assert sorted(map(str, dtypes)) == ["float32"] * 5 + ["float64"]
    runs = [[0]]
    for i in range(1, len(dtypes)):
        if dtypes[i] == dtypes[i - 1]:
            runs[-1].append(i)
        else:
            runs.append([i])
    assert len(runs) >= 2
    assert overlap_run[0][("mixed", 25 << 20, True, "buckets")] == runs
    for r in (0, 1):
        w = overlap_run[r][("mixed", 64, True)]
        assert w["scale"].dtype == np.float64
        np.testing.assert_array_equal(w["unused"], np.ones((2, 2), np.float32))  # zero gradient


@needs_mpi
def test_value_and_grad_with_a_reducer_overlaps_inside_its_scope(overlap_run):
    for r in (0, 1):
        out = overlap_run[r]
        assert out["vg_held"] is True
        for a, b in zip(out["vg_overlap"], out["vg_after"]):
            np.testing.assert_array_equal(a, b)
    # the reduced gradient is the mean of the two ranks' local ones
    local = [overlap_run[r]["vg_local"] for r in (0, 1)]
    for i, g in enumerate(overlap_run[0]["vg_after"]):
        np.testing.assert_allclose(g, (local[0][i] + local[1][i]) / 2, rtol=1e-6, atol=1e-7)


@needs_mpi
@pytest.mark.parametrize("hang", [False, True], ids=["exit", "hang"])
def test_a_rank_dying_mid_backward_ends_within_the_collective_timeout(tmp_path, hang):
    # Rank 0 has started buckets rank 1 never completes; its wait is under the watchdog.
    env = {"EMS_COLLECTIVE_TIMEOUT": "3", "EMS_FINALIZE_TIMEOUT": "3"}
    if hang:
        env["EMS_TEST_HANG"] = "1"
    rc, output, elapsed, results = launch("die_backward", tmp_path, **env)
    assert rc != 0, output
    assert elapsed < 30, elapsed
    assert not results, output
    if hang:
        assert "[rank 0] RuntimeError: For 'DistributedGradReducer', the all-reduce (MPI_Wait) " \
               "of gradient bucket" in output
        assert "waited more than 3 s" in output


# -- one process, no launcher ---------------------------------------------------------------

def test_before_init_the_world_is_one_process():
    assert comm.get_rank() == 0
    assert comm.get_group_size() == 1
    assert comm.get_local_rank() == 0
    assert comm.GlobalComm.INITED is False
    assert comm.HCCL_WORLD_COMM_GROUP == "hccl_world_group"
    assert comm.NCCL_WORLD_COMM_GROUP == "nccl_world_group"


def test_collectives_before_init_are_runtime_errors():
    x = ms.Tensor([1.0, 2.0])
    for f in (ops.AllReduce(), ops.AllGather(), ops.ReduceScatter(),
              lambda t: ops.Broadcast(0)((t,)), lambda t: comm.comm_func.all_reduce(t)[0]):
        with pytest.raises(RuntimeError, match="init"):
            f(x)
    with pytest.raises(RuntimeError, match="init"):
        comm.create_group("g", [0])


@pytest.mark.skipif(bool(os.environ.get("OMPI_COMM_WORLD_SIZE")), reason="run under mpirun")
def test_init_outside_a_launcher_names_the_launcher():
    with pytest.raises(RuntimeError, match="mpirun") as e:
        comm.init()
    assert "msrun" in str(e.value) and "openmpi-bin" in str(e.value)
    # MindSpore 2.10's message for another backend on CPU
    with pytest.raises(RuntimeError, match="should be 'mccl' to init 'CPU', but got 'nccl'"):
        comm.init("nccl")
    with pytest.raises(TypeError):
        comm.init(3)
    comm.release()  # nothing to release: no error


def test_bad_collective_arguments():
    with pytest.raises(TypeError):
        ops.AllReduce(op=1)
    with pytest.raises(TypeError):
        ops.AllGather(group=0)
    with pytest.raises(TypeError):
        ops.Broadcast("0")
    with pytest.raises(ValueError, match="'mean'"):
        ops.AllReduce("mean")(ms.Tensor([1.0]))
    with pytest.raises(TypeError, match="tuple"):
        ops.Broadcast(0)(ms.Tensor([1.0]))
    assert (ops.ReduceOp.SUM, ops.ReduceOp.MAX, ops.ReduceOp.MIN, ops.ReduceOp.PROD) == (
        "sum", "max", "min", "prod")


def test_auto_parallel_context_as_mindspore():
    # names and messages from MindSpore 2.10
    assert ms.ParallelMode.MODE_LIST == ["stand_alone", "data_parallel", "hybrid_parallel",
                                         "semi_auto_parallel", "auto_parallel"]
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"
    assert ms.get_auto_parallel_context("gradients_mean") is False
    assert ms.get_auto_parallel_context("device_num") == 1
    with pytest.raises(ValueError, match="only support 'stand_alone'.*but got the value : bogus"):
        ms.set_auto_parallel_context(parallel_mode="bogus")
    with pytest.raises(ValueError, match="Set context keyword bogus is not recognized!"):
        ms.set_auto_parallel_context(bogus=1)
    with pytest.raises(RuntimeError, match="not supported"):
        ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.SEMI_AUTO_PARALLEL)
    with pytest.raises(TypeError):
        ms.set_auto_parallel_context(gradients_mean=1)
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    try:
        assert ms.get_auto_parallel_context("parallel_mode") == "data_parallel"
        assert ms.get_auto_parallel_context("gradients_mean") is True
    finally:
        ms.reset_auto_parallel_context()
    assert ms.get_auto_parallel_context("parallel_mode") == "stand_alone"


def test_grad_reducer_arguments_and_a_single_process_step_needs_init():
    net = nn.Dense(2, 1)
    with pytest.raises(ValueError):
        nn.DistributedGradReducer(net.trainable_params(), degree=0)
    with pytest.raises(TypeError):
        nn.DistributedGradReducer(net.trainable_params(), mean=1)
    r = nn.DistributedGradReducer(net.trainable_params(), mean=True, degree=2)
    with pytest.raises(ValueError, match="1 gradients for 2 parameters"):
        r((ms.Tensor([1.0]),))
    with pytest.raises(RuntimeError, match="init"):
        r(tuple(ops.ones_like(p) for p in net.trainable_params()))


def test_buckets_group_consecutive_gradients_of_one_dtype():
    from easy_mindspore.nn.grad_reducer import _buckets
    f32, f64 = ms.float32, ms.float64
    assert _buckets([((2, 3), f32), ((3,), f32), ((4,), f64), ((1,), f32)], 1 << 20) == [
        [0, 1], [2], [3]]
    # a limit of 40 bytes: 24 + 12 fit, the next 12 starts a new bucket
    assert _buckets([((2, 3), f32), ((3,), f32), ((3,), f32)], 40) == [[0, 1], [2]]
    assert _buckets([((100,), f32), ((1,), f32)], 40) == [[0], [1]]


def test_one_state_through_the_mindspore_alias():
    import mindspore.communication as mc
    import mindspore.communication.comm_func as mcf
    import mindspore.communication.management as mm
    assert mc is comm and mm is comm.management and mcf is comm.comm_func
    assert mc.init is mm.init and mc.get_rank is mm.get_rank


def test_msrun_builds_the_mpirun_command():
    args = _parser().parse_args(["--worker_num=4", "--local_worker_num=4", "train.py", "--lr", "1"])
    assert mpirun_command(args, "mpirun", "py", is_root=False) == [
        "mpirun", "-n", "4", "--oversubscribe", "py", "train.py", "--lr", "1"]
    assert "--allow-run-as-root" in mpirun_command(args, "mpirun", "py", is_root=True)
    bad = _parser().parse_args(["--worker_num=4", "--local_worker_num=2", "train.py"])
    with pytest.raises(ValueError, match="host file"):
        mpirun_command(bad)


@needs_mpi
def test_mint_distributed_and_ops_communication(tmp_path):
    rc, output, _, res = launch("distributed", tmp_path, timeout=120)
    assert rc == 0, output
    r0, r1 = res[0], res[1]
    assert r0["initialized_before"] is False and (r0["rank"], r1["rank"], r0["size"]) == (0, 1, 2)
    assert r0["backend"] == "hccl" and r0["available"] is True and r0["handle_waits"]
    base = np.arange(4, dtype=np.float32)
    want = {"sum": 2 * base + 10, "max": base + 10, "min": base, "prod": base * (base + 10),
            "avg": base + 5}
    for op, v in want.items():
        for r in (r0, r1):
            np.testing.assert_allclose(r[f"all_reduce_{op}"], v)
    for r in (r0, r1):
        np.testing.assert_array_equal(r["all_gather_into_tensor"], np.concatenate([np.ones((2, 4)), 2 * np.ones((2, 4))]))
        np.testing.assert_array_equal(np.stack(r["all_gather"]), np.stack([base, base + 10]))
        np.testing.assert_array_equal(r["broadcast"], [6, 6, 6])
        np.testing.assert_array_equal(r["all_gather_uneven"], [1, 2, 3])
        assert r["all_gather_object"] == [{"rank": 0, "name": "p0"}, {"rank": 1, "name": "p1"}]
        assert r["broadcast_object_list"] == [1, "x"]
        assert r["group_ranks"] == [0, 1] and r["group_rank_of_1"] == 1
        assert r["group_name"].startswith("hccl_2_")
        np.testing.assert_array_equal(r["group_sum"], [3])
        np.testing.assert_array_equal(r["oc_all_gather"], [[0], [1]])
        assert "sum, prod, min, max, avg" in r["bad_op"]
    # reduce_scatter_tensor of (rank+1)·[[0,1,2],[3,4,5]]: rank r keeps row r of 3·that.
    np.testing.assert_array_equal(r0["reduce_scatter_tensor"], [[0, 3, 6]])
    np.testing.assert_array_equal(r1["reduce_scatter_tensor"], [[9, 12, 15]])
    np.testing.assert_array_equal(r0["reduce_scatter"], [3, 4])   # [1,2] + [2,2]
    np.testing.assert_array_equal(r1["reduce_scatter"], [6, 4])   # [3,0] + [3,4]
    np.testing.assert_array_equal(r0["reduce"], [3, 4])
    np.testing.assert_array_equal(r1["reduce"], [2, 2])           # not the destination: unchanged
    assert r0["gather"] is None
    np.testing.assert_array_equal(np.stack(r1["gather"]), [[0, 0.5], [1, 1.5]])
    np.testing.assert_array_equal(r0["scatter"], [1, 2])
    np.testing.assert_array_equal(r1["scatter"], [3, 4])
    np.testing.assert_array_equal(r0["all_to_all_single"], [0, 1, 100, 101])
    np.testing.assert_array_equal(r1["all_to_all_single"], [2, 3, 102, 103])
    np.testing.assert_array_equal(r0["all_to_all_uneven"], [0, 7])
    np.testing.assert_array_equal(r1["all_to_all_uneven"], [1, 2])
    np.testing.assert_array_equal(np.concatenate(r0["all_to_all"]), [10, 11])
    np.testing.assert_array_equal(np.concatenate(r1["all_to_all"]), [20, 20, 21, 21])
    assert r0["gather_object"] == [("r", 0), ("r", 1)] and r1["gather_object"] is None
    assert r0["scatter_object_list"] == [{"to": 0}] and r1["scatter_object_list"] == [{"to": 1}]
    np.testing.assert_array_equal(r1["p2p"], [1, 2, 3])
    np.testing.assert_array_equal(r0["p2p"], [10, 20])
    assert r1["object_p2p"] == [{"a": 1}, "b"]
    np.testing.assert_array_equal(r0["batch"], [2, 2])
    np.testing.assert_array_equal(r1["batch"], [1, 1])
    # ops.communication, out of place: the input untouched, (result, None) returned.
    for r, own in ((r0, 1), (r1, 2)):
        res_, x, handle = r["oc_all_reduce"]
        np.testing.assert_array_equal(res_, [3]) and np.testing.assert_array_equal(x, [own])
        assert handle is None
        handle, y = r["oc_inplace"]
        assert handle is None
        np.testing.assert_array_equal(y, [3])
    np.testing.assert_array_equal(r0["oc_reduce_scatter"], [[2]])
    np.testing.assert_array_equal(r1["oc_reduce_scatter"], [[4]])
    np.testing.assert_array_equal(r1["oc_recv"], [9])
    np.testing.assert_array_equal(r1["oc_gather_into_tensor"], [[0.5], [1.5]])
    np.testing.assert_array_equal(r0["oc_scatter_tensor"], [0, 1])
    np.testing.assert_array_equal(r1["oc_scatter_tensor"], [2, 3])
    np.testing.assert_array_equal(r0["oc_all_to_all_v_c"], [1, 5, 6])
    np.testing.assert_array_equal(r1["oc_all_to_all_v_c"], [2])
