"""One process of the distributed tests (`test_distributed.py` starts it under `mpirun -n 2`).

`python dist_worker.py SCENARIO OUT_DIR`: runs the scenario and pickles a dict of results (NumPy
arrays, strings) to `OUT_DIR/rank{r}.pkl`; the test compares the ranks' files with references.
Scenarios: `main` (collectives, their gradients, jit, groups, data-parallel training four ways,
dataset sharding, rank-0-only checkpoints), `mismatch` (disagreeing collectives are errors),
`crash` (rank 1 raises before a collective), `exit` (rank 1 exits with status 3), `hang` (rank 1
sleeps while rank 0 waits in a collective), `overlap` (the gradient all-reduce overlapped with
the backward pass, against the reduction after it and the single-process run), `die_backward`
(rank 1 exits, or with EMS_TEST_HANG=1 sleeps, in the middle of an overlapped backward pass)."""
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
