"""One process of the distributed tests (`test_distributed.py` starts it under `mpirun -n 2`).

`python dist_worker.py SCENARIO OUT_DIR`: runs the scenario and pickles a dict of results (NumPy
arrays, strings) to `OUT_DIR/rank{r}.pkl`; the test compares the ranks' files with references.
Scenarios: `main` (collectives, their gradients, jit, groups, data-parallel training four ways,
dataset sharding, rank-0-only checkpoints), `mismatch` (disagreeing collectives are errors),
`crash` (rank 1 raises before a collective), `exit` (rank 1 exits with status 3), `hang` (rank 1
sleeps while rank 0 waits in a collective), `overlap` (the gradient all-reduce overlapped with
the backward pass, against the reduction after it and the single-process run), `die_backward`
(rank 1 exits, or with EMS_TEST_HANG=1 sleeps, in the middle of an overlapped backward pass),
`distributed` (`mint.distributed` and `ops.communication`, PyTorch's spellings)."""
import importlib
import os
import pickle
import struct
import sys
import time

import numpy as np

importlib.import_module("easy_mindspore")  # makes `mindspore` resolve to it
import mindspore as ms  # noqa: E402
from mindspore import nn, ops
from mindspore.communication import comm_func, get_group_size, get_local_rank, get_rank, init
from mindspore.communication import management

STEPS = 3
N_ROWS = 8


def data():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((N_ROWS, 6)).astype(np.float32)
    y = rng.integers(0, 3, N_ROWS).astype(np.int32)
    return x, y


class MLP(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(6, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(8, 3)

    def construct(self, x):
        return self.fc2(self.relu(self.fc1(x)))


def make_net(seed):
    ms.set_seed(seed)
    return MLP()


def weights(net):
    return {n: p.asnumpy().copy() for n, p in net.parameters_and_names()}


def loss_fn():
    return nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")


def train_cell(net):
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    return nn.TrainOneStepCell(nn.WithLossCell(net, loss_fn()), opt)


def reference():
    """Single process, full batch, stand-alone mode: the weights data parallel must reproduce."""
    x, y = data()
    net = make_net(1)
    step = train_cell(net)
    for _ in range(STEPS):
        step(ms.Tensor(x), ms.Tensor(y))
    return weights(net)


def collectives(rank, out):
    x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(3, 2) * (rank + 1))
    for op in ("sum", "max", "min", "prod"):
        out[f"allreduce_{op}"] = ops.AllReduce(op)(x).asnumpy()
    out["allgather"] = ops.AllGather()(x).asnumpy()
    out["reducescatter"] = ops.ReduceScatter()(ms.Tensor(
        np.arange(8, dtype=np.float32).reshape(4, 2) + 10 * rank)).asnumpy()
    out["broadcast"] = ops.Broadcast(1)((x, x * 2))[1].asnumpy()
    for dt in ("int8", "uint8", "int32", "int64", "uint64", "float16", "float64"):
        t = ms.Tensor(np.array([1, 2, 3], dtype=dt) * (rank + 1))
        out[f"dtype_{dt}"] = ops.AllReduce()(t).asnumpy()
    out["gather_bool"] = ops.AllGather()(ms.Tensor(np.array([rank == 0, True]))).asnumpy()
    out["cf_all_reduce"] = comm_func.all_reduce(x, "max")[0].asnumpy()
    out["cf_gather"] = comm_func.all_gather_into_tensor(x)[0].asnumpy()
    out["cf_scatter"] = comm_func.reduce_scatter_tensor(ms.Tensor(np.ones((2, 3), np.float32)))[0].asnumpy()
    out["cf_broadcast"] = comm_func.broadcast(x, src=1).asnumpy()
    comm_func.barrier()
    # Gradients (MindSpore's bprops): c is a per-rank cotangent weight.
    c = ms.Tensor(np.arange(6, dtype=np.float32).reshape(3, 2) + rank)
    out["grad_allreduce"] = ms.grad(lambda t: (ops.AllReduce()(t) * c).sum())(x).asnumpy()
    cg = ms.Tensor(np.arange(12, dtype=np.float32).reshape(6, 2) * (rank + 1))
    out["grad_allgather"] = ms.grad(lambda t: (ops.AllGather()(t) * cg).sum())(x).asnumpy()
    out["grad_reducescatter"] = ms.grad(
        lambda t: (ops.ReduceScatter()(t) * c[:2]).sum())(ms.Tensor(np.ones((4, 2), np.float32))).asnumpy()
    out["grad_broadcast"] = ms.grad(lambda t: (ops.Broadcast(0)((t,))[0] * c).sum())(x).asnumpy()
    out["grad_max"] = ms.grad(lambda t: (ops.AllReduce("max")(t) * c).sum())(x).asnumpy()
    # jit: recorded once, run again by each call (new values, same graph)
    f = ms.jit(lambda t: ops.AllReduce()(t) * 2)
    out["jit_1"] = f(x).asnumpy()
    out["jit_2"] = f(x + 1).asnumpy()
    g = ms.jit(ms.grad(lambda t: (ops.AllGather()(t) * cg).sum()))
    out["jit_grad_allgather"] = g(x).asnumpy()
    # vmap: each example gathered on its own
    xb = ms.Tensor(np.arange(12, dtype=np.float32).reshape(2, 3, 2) + 100 * rank)
    out["vmap_allgather"] = ms.vmap(ops.AllGather())(xb).asnumpy()
    # a group of both ranks, in reverse order
    management.create_group("pair", [1, 0])
    out["pair_rank"] = np.array(get_rank("pair"))
    out["pair_sum"] = ops.AllReduce(group="pair")(x).asnumpy()
    out["pair_gather"] = ops.AllGather(group="pair")(ms.Tensor(np.array([float(rank)]))).asnumpy()
    management.destroy_group("pair")


def data_parallel(rank, size, out, tmp):
    x, y = data()
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    # 1. TrainOneStepCell on this rank's rows; rank 1 starts from other weights (broadcast fixes it)
    net = make_net(1 if rank == 0 else 7)
    step = train_cell(net)
    for _ in range(STEPS):
        step(ms.Tensor(x[rank::size]), ms.Tensor(y[rank::size]))
    out["dp_cell"] = weights(net)
    # 2. the same step compiled with jit
    net = make_net(1 if rank == 0 else 9)
    step = train_cell(net)
    jstep = ms.jit(lambda a, b: step(a, b))
    for _ in range(STEPS):
        jstep(ms.Tensor(x[rank::size]), ms.Tensor(y[rank::size]))
    out["dp_jit"] = weights(net)
    # 3. GeneratorDataset sharding (an index column shows which rows this rank saw)
    rows = [(x[i], y[i], np.int32(i)) for i in range(N_ROWS)]
    ds = ms.dataset.GeneratorDataset(rows, ["x", "y", "i"], shuffle=False,
                                     num_shards=size, shard_id=rank).batch(N_ROWS // size)
    net = make_net(1)
    step = train_cell(net)
    seen = []
    for _ in range(STEPS):
        for bx, by, bi in ds.create_tuple_iterator():
            step(bx, by)
            seen.append(bi.asnumpy())
    out["dp_generator"] = weights(net)
    out["generator_rows"] = np.concatenate(seen[:1])
    # 4. Model.train over a NumpySlicesDataset shard, with a checkpoint callback
    nds = ms.dataset.NumpySlicesDataset({"x": x, "y": y}, shuffle=False, num_shards=size,
                                        shard_id=rank).batch(N_ROWS // size)
    ids = ms.dataset.NumpySlicesDataset(np.arange(N_ROWS), shuffle=False, num_shards=size,
                                        shard_id=rank)
    out["numpy_rows"] = np.array([int(b[0]) for b in ids.create_tuple_iterator(output_numpy=True)])
    net = make_net(1)
    opt = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.9)
    model = ms.Model(net, loss_fn(), opt)
    ckdir = os.path.join(tmp, f"ckpt_rank{rank}")
    ck = ms.ModelCheckpoint(prefix="dp", directory=ckdir,
                            config=ms.CheckpointConfig(save_checkpoint_steps=1))
    model.train(STEPS, nds, callbacks=[ck])
    out["dp_model"] = weights(net)
    out["ckpt_files"] = sorted(os.listdir(ckdir)) if os.path.isdir(ckdir) else []
    ms.reset_auto_parallel_context()


def write_mnist(path, n):
    os.makedirs(path, exist_ok=True)
    with open(os.path.join(path, "train-images-idx3-ubyte"), "wb") as f:
        f.write(struct.pack(">IIII", 2051, n, 28, 28) + bytes(n * 28 * 28))
    with open(os.path.join(path, "train-labels-idx1-ubyte"), "wb") as f:
        f.write(struct.pack(">II", 2049, n) + bytes(range(n)))


def mnist_shard(rank, size, out, tmp):
    path = os.path.join(tmp, "mnist")
    if rank == 0:
        write_mnist(path, 10)
    comm_func.barrier()
    ds = ms.dataset.MnistDataset(path, num_shards=size, shard_id=rank, shuffle=False)
    out["mnist_labels"] = np.array([int(b["label"]) for b in ds.create_dict_iterator(output_numpy=True)])


class Mixed(nn.Cell):
    """The MLP with a Float64 parameter after it and a parameter the loss does not use."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Dense(6, 8)
        self.relu = nn.ReLU()
        self.fc2 = nn.Dense(8, 3)
        self.scale = ms.Parameter(ms.Tensor(np.linspace(0.5, 1.5, 3)), name="scale")
        self.unused = ms.Parameter(ms.Tensor(np.ones((2, 2), np.float32)), name="unused")

    def construct(self, x):
        h = self.fc2(self.relu(self.fc1(x)))
        return (h.astype(ms.float64) * self.scale).astype(ms.float32)


OVERLAP_NETS = {"mlp": MLP, "mixed": Mixed}


def scenario_overlap(out_dir):
    from easy_mindspore.nn import grad_reducer
    x, y = data()
    out = {"reference": {}}
    for name, make in OVERLAP_NETS.items():
        ms.set_seed(1)
        net = make()
        step = train_cell(net)
        for _ in range(STEPS):
            step(ms.Tensor(x), ms.Tensor(y))
        out["reference"][name] = weights(net)
    init()
    rank, size = get_rank(), get_group_size()
    out["rank"] = rank
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    default_bytes = grad_reducer.BUCKET_BYTES
    for limit in (default_bytes, 64):
        grad_reducer.BUCKET_BYTES = limit
        for overlap in (True, False):
            grad_reducer.OVERLAP = overlap
            for name, make in OVERLAP_NETS.items():
                ms.set_seed(1 if rank == 0 else 7)
                net = make()
                step = train_cell(net)
                for _ in range(STEPS):
                    step(ms.Tensor(x[rank::size]), ms.Tensor(y[rank::size]))
                key = (name, limit, overlap)
                out[key] = weights(net)
                reducer = step.grad_reducer
                out[key + ("buckets",)] = [list(b) for b in reducer._buckets]
                out[key + ("stats",)] = reducer._native.stats() if reducer._native else None
    grad_reducer.BUCKET_BYTES = default_bytes
    grad_reducer.OVERLAP = True
    # value_and_grad with a DistributedGradReducer: overlapped inside overlap(), after otherwise
    ms.set_seed(1)
    net = MLP()
    params = net.trainable_params()
    grad_fn = ms.value_and_grad(nn.WithLossCell(net, loss_fn()), None, params)
    reducer = nn.DistributedGradReducer(params, mean=True)
    xs, ys = ms.Tensor(x[rank::size]), ms.Tensor(y[rank::size])
    with reducer.overlap():
        _, grads = grad_fn(xs, ys)
    out["vg_held"] = reducer._holds(grads)
    out["vg_overlap"] = [g.asnumpy() for g in reducer(grads)]
    _, grads = grad_fn(xs, ys)
    out["vg_after"] = [g.asnumpy() for g in reducer(grads)]
    out["vg_local"] = [g.asnumpy() for g in grads]
    ms.reset_auto_parallel_context()
    return out


class DiesInBackward(MLP):
    """On rank 1, the gradient of fc1's output ends the process (or sleeps): after fc2's bucket
    has started on both ranks, before fc1's can."""

    def construct(self, x):
        h = self.fc1(x)
        if get_rank() == 1:
            h.register_hook(_die)
        return self.fc2(self.relu(h))


def _die(grad):
    if os.environ.get("EMS_TEST_HANG") == "1":
        time.sleep(600)
    os._exit(3)


def scenario_die_backward(out_dir):
    from easy_mindspore.nn import grad_reducer
    grad_reducer.BUCKET_BYTES = 64  # one bucket per parameter
    init()
    ms.set_auto_parallel_context(parallel_mode=ms.ParallelMode.DATA_PARALLEL, gradients_mean=True)
    x, y = data()
    step = train_cell(DiesInBackward())
    step(ms.Tensor(x[:4]), ms.Tensor(y[:4]))
    return {"rank": get_rank(), "finished": True}


def scenario_main(out_dir):
    ref = reference()
    init()
    rank, size = get_rank(), get_group_size()
    out = {"rank": rank, "size": size, "local_rank": get_local_rank(), "reference": ref}
    collectives(rank, out)
    data_parallel(rank, size, out, out_dir)
    mnist_shard(rank, size, out, out_dir)
    return out


def scenario_distributed(out_dir):
    from mindspore.mint import distributed as dist
    from mindspore.ops import communication as oc
    out = {"initialized_before": dist.is_initialized()}
    dist.init_process_group()
    rank, size = dist.get_rank(), dist.get_world_size()
    out.update(rank=rank, size=size, backend=dist.get_backend(), available=dist.is_available())
    f32 = lambda a: ms.Tensor(np.asarray(a, np.float32))  # noqa: E731
    t = f32(np.arange(4) + 10 * rank)
    for op in ("sum", "max", "min", "prod", "avg"):
        x = f32(np.arange(4) + 10 * rank)
        out[f"all_reduce_{op}"] = (dist.all_reduce(x, op), x.asnumpy())[1]
    out["handle_waits"] = dist.all_reduce(f32([1.0]), async_op=True).wait() is None
    big = f32(np.zeros((2 * size, 4)))
    dist.all_gather_into_tensor(big, f32(np.ones((2, 4)) * (rank + 1)))
    out["all_gather_into_tensor"] = big.asnumpy()
    lst = [f32(np.zeros(4)) for _ in range(size)]
    dist.all_gather(lst, t)
    out["all_gather"] = [v.asnumpy() for v in lst]
    o = f32(np.zeros((1, 3)))
    dist.reduce_scatter_tensor(o, f32(np.arange(6).reshape(2, 3) * (rank + 1)))
    out["reduce_scatter_tensor"] = o.asnumpy()
    o = f32(np.zeros(2))
    dist.reduce_scatter(o, [f32([1.0 + rank, 2.0]), f32([3.0, 4.0 * rank])])
    out["reduce_scatter"] = o.asnumpy()
    b = f32(np.full(3, rank + 5.0))
    dist.broadcast(b, src=1)
    out["broadcast"] = b.asnumpy()
    r = f32([rank + 1.0, 2.0])
    dist.reduce(r, dst=0)
    out["reduce"] = r.asnumpy()
    gl = [f32(np.zeros(2)) for _ in range(size)] if rank == 1 else None
    dist.gather(f32([rank, rank + 0.5]), gl, dst=1)
    out["gather"] = [v.asnumpy() for v in gl] if gl else None
    sc = f32(np.zeros(2))
    dist.scatter(sc, [f32([1, 2]), f32([3, 4])] if rank == 0 else None, src=0)
    out["scatter"] = sc.asnumpy()
    a2a = f32(np.zeros(4))
    dist.all_to_all_single(a2a, f32(np.arange(4) + 100 * rank))
    out["all_to_all_single"] = a2a.asnumpy()
    uneven_in = f32(np.arange(3) + 100 * rank) if rank == 0 else f32([7.0])
    uneven = f32(np.zeros(2 if rank == 0 else 2))
    dist.all_to_all_single(uneven, uneven_in, input_split_sizes=[1, 2] if rank == 0 else [1, 0])
    out["all_to_all_uneven"] = uneven.asnumpy()
    outs = [f32(np.zeros(rank + 1)), f32(np.zeros(rank + 1))]
    dist.all_to_all(outs, [f32(np.full(1, 10.0 + rank)), f32(np.full(2, 20.0 + rank))])
    out["all_to_all"] = [v.asnumpy() for v in outs]
    g = f32(np.zeros(3))
    dist.all_gather_into_tensor_uneven(g, f32([1.0, 2.0]) if rank == 0 else f32([3.0]))
    out["all_gather_uneven"] = g.asnumpy()
    objs = [None] * size
    dist.all_gather_object(objs, {"rank": rank, "name": f"p{rank}"})
    out["all_gather_object"] = objs
    bl = [rank, "x"] if rank == 1 else [None, None]
    dist.broadcast_object_list(bl, src=1)
    out["broadcast_object_list"] = bl
    go = [None] * size if rank == 0 else None
    dist.gather_object(("r", rank), go, dst=0)
    out["gather_object"] = go
    so = [None]
    dist.scatter_object_list(so, [{"to": 0}, {"to": 1}] if rank == 0 else None, src=0)
    out["scatter_object_list"] = so
    # point to point, both directions, then a symmetric batch
    if rank == 0:
        dist.send(f32([1.0, 2.0, 3.0]), dst=1)
        back = f32(np.zeros(2))
        dist.recv(back, src=1)
        out["p2p"] = back.asnumpy()
        dist.send_object_list([{"a": 1}, "b"], dst=1)
    else:
        got = f32(np.zeros(3))
        dist.recv(got, src=0)
        dist.send(got[:2] * 10, dst=0)
        out["p2p"] = got.asnumpy()
        ol = [None, None]
        dist.recv_object_list(ol, src=0)
        out["object_p2p"] = ol
    peer = 1 - rank
    mine, theirs = f32(np.full(2, rank + 1.0)), f32(np.zeros(2))
    dist.batch_isend_irecv([dist.P2POp(dist.isend, mine, peer), dist.P2POp("irecv", theirs, peer)])
    out["batch"] = theirs.asnumpy()
    grp = dist.new_group([1, 0])
    out["group_name"] = grp
    out["group_ranks"] = dist.get_process_group_ranks(grp)
    out["group_rank_of_1"] = dist.get_group_rank(grp, 1)
    gx = f32([rank + 1.0])
    dist.all_reduce(gx, group=grp)
    out["group_sum"] = gx.asnumpy()
    dist.barrier()
    # ops.communication: out of place by default, in place once switched
    x = f32([1.0 + rank])
    res, handle = oc.all_reduce(x)
    out["oc_all_reduce"] = (res.asnumpy(), x.asnumpy(), handle)
    gathered, _ = oc.all_gather_into_tensor(None, f32([[rank]]))
    out["oc_all_gather"] = gathered.asnumpy()
    part, _ = oc.reduce_scatter_tensor(None, f32([[1.0], [2.0]]))
    out["oc_reduce_scatter"] = part.asnumpy()
    if rank == 0:
        oc.send(f32([9.0]), dst=1)
    else:
        out["oc_recv"] = oc.recv(f32([0.0]), src=0).asnumpy()
    gi = f32(np.zeros((2, 1))) if rank == 1 else None
    oc.gather_into_tensor(gi, f32([[rank + 0.5]]), dst=1)
    out["oc_gather_into_tensor"] = gi.asnumpy() if gi is not None else None
    st = f32(np.zeros(2))
    oc.scatter_tensor(st, f32(np.arange(4)) if rank == 0 else None, src=0)
    out["oc_scatter_tensor"] = st.asnumpy()
    v = f32(np.zeros(3 if rank == 0 else 1))
    oc.all_to_all_v_c(v, f32([1, 2]) if rank == 0 else f32([5, 6]), [1, 1, 2, 0])
    out["oc_all_to_all_v_c"] = v.asnumpy()
    oc.set_comm_ops_inplace(True)
    y = f32([1.0 + rank])
    out["oc_inplace"] = (oc.all_reduce(y), y.asnumpy())
    oc.set_comm_ops_inplace(False)
    try:
        dist.all_reduce(t, op="mean")
        out["bad_op"] = "no error"
    except TypeError as e:
        out["bad_op"] = str(e)
    dist.destroy_process_group(grp)
    return out


def scenario_mismatch(out_dir):
    init()
    rank = get_rank()
    out = {"rank": rank}
    cases = {
        "shape": lambda: ops.AllReduce()(ms.Tensor(np.zeros(2 + rank, np.float32))),
        "dtype": lambda: ops.AllReduce()(ms.Tensor(np.zeros(2, np.float32 if rank else np.float64))),
        "kind": lambda: (ops.AllReduce() if rank else ops.AllGather())(ms.Tensor(np.zeros(2, np.float32))),
        "root": lambda: ops.Broadcast(rank)((ms.Tensor(np.zeros(2, np.float32)),)),
    }
    for name, f in cases.items():
        try:
            f()
            out[name] = "no error"
        except Exception as e:  # the test checks the class and message
            kind = "ValueError" if isinstance(e, ValueError) else type(e).__name__
            out[name] = f"{kind}: {e}"
    out["after"] = ops.AllReduce()(ms.Tensor(np.ones(2, np.float32))).asnumpy()
    return out


def scenario_crash(out_dir):
    init()
    if get_rank() == 1:
        raise RuntimeError("rank 1 failed on purpose")
    ops.AllReduce()(ms.Tensor(np.ones(2, np.float32)))
    return {"rank": 0, "finished": True}


def scenario_exit(out_dir):
    init()
    if get_rank() == 1:
        sys.exit(3)
    ops.AllReduce()(ms.Tensor(np.ones(2, np.float32)))
    return {"rank": 0, "finished": True}


def scenario_hang(out_dir):
    init()
    if get_rank() == 1:
        time.sleep(600)  # alive, but never reaches the collective
    ops.AllReduce()(ms.Tensor(np.ones(2, np.float32)))
    return {"rank": 0, "finished": True}


def main():
    scenario, out_dir = sys.argv[1], sys.argv[2]
    out = globals()["scenario_" + scenario](out_dir)
    with open(os.path.join(out_dir, f"rank{out['rank']}.pkl"), "wb") as f:
        pickle.dump(out, f)


if __name__ == "__main__":
    main()
