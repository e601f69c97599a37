"""The random ops as MindSpore 2.10 draws them on CPU: after ``set_seed(S)`` each call of
``ops.randn``, ``normal``, ``rand``, ``uniform``, ``randint``, ``standard_normal``, ``shuffle``,
``multinomial``, ``dropout``, the ``*_like`` forms and a kept ``nn.Dropout`` gives MindSpore's very
values (its kernels' streams, ``easy_mindspore::random::mindspore``, from the seeds its front end
derives, ``common/seed.py``). Every expected line was printed by MindSpore 2.10 running the same
code."""
import numpy as np

import easy_mindspore as ms
from easy_mindspore import nn, ops

# MindSpore 2.10, the loop below run for S = 0 and S = 42
MINDSPORE = """
randn [1070177118, 3204684844, 1069460866, 3220168537, 1072307137] [3211509739, 1076136891, 1065591214, 3199701710, 3199375655, 3223037967]
normal [1082445231, 3169258240, 1082043778, 3224362841] [1019100702, 3198948718, 3221667924]
rand [1050031499, 1039073136, 1050026811, 1051300484, 1058933249] [1059114998, 1048275665, 1058945524, 1061475640, 1058203640]
uniform [3186982272, 3206963254, 3187038528, 3151109376] [6, 1, 8, 7]
randint [93, 29, 4, 11, 7, 29] Int64
std [1070177118, 3204684844, 1069460866, 3220168537, 1072307137]
shuffle [9, 0, 4, 1, 8, 3]
multi [1, 2, 1, 1, 1, 2] [1, 2]
dropout [1073741824, 0, 1073741824, 0, 1073741824, 0]
nndrop [1068948334, 1068948334, 1068948334, 0, 1068948334, 1068948334] [1068948334, 1068948334, 1068948334, 1068948334, 0, 1068948334] [1068948334, 1068948334, 1068948334, 0, 1068948334, 1068948334]
randlike [1050031499, 1039073136, 1050026811, 1051300484] [1070177118, 3204684844, 1069460866, 3220168537] [4, 1, 0, 0]
np 0.5488135039273248
randn [3216823483, 3214836076, 1075607458, 3212502619, 3169017594] [3205861563, 3202908256, 3212652044, 3205052460, 3213487492, 1072464006]
normal [3220810102, 3216835288, 1086093218, 3212168374] [3213988216, 1040871121, 1056801759]
rand [1052897860, 1033387965, 1011302553, 1040962149, 1060121296] [1057648463, 1064562194, 1059749574, 1059170621, 1045336672]
uniform [1040952728, 3209095193, 3212224761, 3205964340] [1, 5, 3, 8]
randint [27, 37, 92, 7, 57, 1] Int64
std [3216823483, 3214836076, 1075607458, 3212502619, 3169017594]
shuffle [7, 2, 8, 9, 6, 4]
multi [1, 1, 1, 1, 1, 1] [1, 2]
dropout [1073741824, 1073741824, 1073741824, 0, 1073741824, 1073741824]
nndrop [1068948334, 1068948334, 1068948334, 1068948334, 0, 0] [1068948334, 1068948334, 1068948334, 1068948334, 1068948334, 0] [1068948334, 1068948334, 1068948334, 1068948334, 0, 0]
randlike [1052897860, 1033387965, 1011302553, 1040962149] [3216823483, 3214836076, 1075607458, 3212502619] [1, 1, 4, 0]
np 0.3745401188473625
""".strip().splitlines()


def b(t):
    a = t.asnumpy().ravel()[:6]
    return a.view(np.uint32).tolist() if a.dtype == np.float32 else a.tolist()


def test_seeded_draws_are_mindspores(capsys):
    for S in (0, 42):
        ms.set_seed(S)
        print('randn', b(ops.randn(5)), b(ops.randn(3, 2)))
        print('normal', b(ops.normal((4,), 1.0, 2.0)), b(ops.normal((3,), 0.0, 1.0, seed=7)))
        print('rand', b(ops.rand(5)), b(ops.rand(5, seed=3)))
        print('uniform', b(ops.uniform((4,), ms.Tensor(-1.0), ms.Tensor(2.0))), b(ops.uniform((4,), ms.Tensor(1, ms.int32), ms.Tensor(9, ms.int32), dtype=ms.int32)))
        print('randint', b(ops.randint(0, 100, (6,))), ops.randint(0, 100, (6,)).dtype)
        print('std', b(ops.standard_normal((5,))))
        print('shuffle', b(ops.shuffle(ms.Tensor(np.arange(10)))))
        print('multi', b(ops.multinomial(ms.Tensor([0.1, 0.5, 0.4]), 6)), b(ops.multinomial(ms.Tensor([0.1, 0.5, 0.4]), 2, replacement=False)))
        print('dropout', b(ops.dropout(ops.ones((8,)), 0.5)))
        d = nn.Dropout(p=0.3); d.set_train(True)
        print('nndrop', b(d(ops.ones((8,)))), b(d(ops.ones((8,)))), b(d(ops.ones((2, 4)))))
        print('randlike', b(ops.rand_like(ops.ones((4,)))), b(ops.randn_like(ops.ones((4,)))), b(ops.randint_like(ops.ones((4,), ms.int32), 0, 5)))
        print('np', np.random.rand())
    assert capsys.readouterr().out.strip().splitlines() == MINDSPORE


def test_an_op_seed_starts_a_sequence_that_set_seed_restarts():
    ms.set_seed(3)
    first = [ops.rand(4, seed=9).asnumpy() for _ in range(3)]
    assert not np.array_equal(first[0], first[1])
    ms.set_seed(3)
    again = [ops.rand(4, seed=9).asnumpy() for _ in range(3)]
    assert all(np.array_equal(a, b) for a, b in zip(first, again))


def test_dropout_gradients_reuse_the_mask():
    ms.set_seed(1)
    x = ms.Tensor(np.arange(1.0, 9.0, dtype=np.float32))
    y, g = ms.value_and_grad(lambda x: ops.dropout(x, 0.25).sum())(x)
    kept = g.asnumpy() != 0
    assert np.allclose(g.asnumpy()[kept], np.float32(1) / np.float32(0.75))
    assert np.isclose(float(y), (x.asnumpy()[kept] / np.float32(0.75)).sum())


# MindSpore 2.10: bernoulli with a seed (its kernel keeps the words its last block left over),
# randperm (std::shuffle with mt19937 of the offset or the seed; set_seed plays no part)
BERNOULLI_RANDPERM_MS = """
bern [[1, 0, 0, 0, 0, 0, 1, 1, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 1, 1], [1, 0, 0, 0, 0, 0, 1, 1, 0, 0]]
bernt [[0, 0, 0, 0, 0, 0, 1, 1, 1, 1], [0, 0, 1, 0, 0, 1, 0, 0, 1, 1]]
bern_other [[1, 0, 0], [1, 0, 0]] Float32
perm [0, 2, 1, 5, 9, 8, 4, 7, 6, 3] [3, 1, 8, 5, 2, 6, 9, 7, 0, 4] [5, 0, 3, 1, 8, 4, 6, 2, 7, 9] Int32
perm_after_seed [0, 2, 1, 5, 9, 8, 4, 7, 6, 3]
""".strip().splitlines()


def test_bernoulli_and_randperm_are_mindspores(capsys):
    from easy_mindspore.ops.function import random_func
    random_func._BERNOULLI.clear()  # fresh kernels, as in a new MindSpore process
    x = ms.Tensor(np.zeros(10, np.float32))
    print('bern', [ops.bernoulli(x, 0.3, seed=5).asnumpy().astype(int).tolist() for _ in range(3)])
    print('bernt', [ops.bernoulli(x, ms.Tensor(np.linspace(0, 1, 10).astype(np.float32)), seed=5).asnumpy().astype(int).tolist() for _ in range(2)])
    print('bern_other', ops.bernoulli(ms.Tensor(np.zeros((2, 3), np.float32)), 0.5, seed=5).asnumpy().astype(int).tolist(), ops.bernoulli(x, 0.3, seed=5).dtype)
    print('perm', ops.randperm(10).asnumpy().tolist(), ops.randperm(10, seed=3).asnumpy().tolist(), ops.randperm(10, seed=3, offset=2).asnumpy().tolist(), ops.randperm(5, dtype=ms.int32).dtype)
    ms.set_seed(1)
    print('perm_after_seed', ops.randperm(10).asnumpy().tolist())
    assert capsys.readouterr().out.strip().splitlines() == BERNOULLI_RANDPERM_MS


def test_kernel_seed_arguments_are_checked_as_mindspore():
    # MindSpore 2.10: a float seed is a TypeError; below -1 (or a negative offset) a ValueError
    import pytest
    x = ops.zeros((3,))
    for call, exc in [(lambda: ops.bernoulli(x, 0.5, seed=1.5), TypeError),
                      (lambda: ops.bernoulli(x, 0.5, seed=-5), ValueError),
                      (lambda: ops.randperm(5, seed=1.5), TypeError),
                      (lambda: ops.randperm(5, seed=-3), ValueError),
                      (lambda: ops.randperm(5, offset=-3), ValueError),
                      (lambda: ops.randperm(5, seed=2**70), ValueError)]:
        with pytest.raises(exc):
            call()
    assert sorted(ops.randperm(6, seed=-1).asnumpy().tolist()) == list(range(6))
    assert ops.bernoulli(x).shape == (3,)


# MindSpore 2.10 (CPU) running test_traced_draws_go_on_as_in_mindspores_graph_mode's code: in
# graph mode the compiled graph keeps each random op's kernel, so its first run draws what the
# eager call would and later runs continue the kernel's stream; set_seed does not restart it.
GRAPH_MODE = """
f [996383238, 1051922327, 3199317729, 3175709724] [1062329153, 1039268514, 1062083345]
f [1024669556, 1065349631, 3220595432, 1067225626] [1042523051, 1054878487, 1043336530]
f [1055022802, 3197200040, 1075167781, 3214393445] [1057207013, 1058467472, 1064240825]
h [62, 75, 35, 41, 77] [1058046172, 1068375121, 3211123758] [1073912590, 1073242266] [3183673252, 3216167640, 3210452245]
h [85, 14, 95, 95, 23] [1063024258, 1062922760, 1051451138] [1076057733, 1076713160] [1072989773, 1060854204, 1069479369]
reseeded [1074157465, 3196158519, 1062726640, 3195730198] [1031554857, 1059699251, 1035684620]
unseeded [3208245784, 1055670845, 3205894355] [1058184596, 1072054659, 3206696858]
""".strip().splitlines()


def test_traced_draws_go_on_as_in_mindspores_graph_mode(capsys):
    def bits(t):
        return t.asnumpy().astype(np.float32).view(np.uint32).tolist()

    ms.set_seed(1)

    @ms.jit
    def f(x):
        return ops.randn(4, seed=5) + x, ops.rand(3, seed=5) + x[:3]

    @ms.jit
    def h(x):
        return (ops.randint(0, 100, (5,), seed=3) + x, ops.standard_normal((3,), seed=2),
                ops.uniform((2,), ms.Tensor(1.0), ms.Tensor(3.0), seed=9),
                ops.normal((3,), 0.0, 2.0, seed=4))

    z = ms.Tensor(np.zeros(4, np.float32))
    for _ in range(3):
        a, b = f(z)
        print("f", bits(a), bits(b))
    for _ in range(2):
        i, s, u, n = h(ms.Tensor(np.zeros(5, np.int64)))
        print("h", i.asnumpy().tolist(), bits(s), bits(u), bits(n))
    ms.set_seed(1)
    a, b = f(z)
    print("reseeded", bits(a), bits(b))
    ms.set_seed(7)

    @ms.jit
    def u(x):
        return ops.randn(3) + x

    print("unseeded", bits(u(z[:3])), bits(u(z[:3])))
    assert capsys.readouterr().out.strip().splitlines() == GRAPH_MODE
    assert f.cache_info()[0] >= 3  # the graph was reused: the stream lives in the graph's state


def test_numpy_draws_use_the_global_seed_as_op_seed():
    # mindspore.numpy's rand/randn/randint draw with the global seed as their op seed: set_seed(5)
    # gives kernel seeds (5, 5), then the next of each op's sequence (MindSpore 2.10's values)
    import easy_mindspore.numpy as mnp
    ms.set_seed(5)
    np.testing.assert_allclose(mnp.rand((3,)).asnumpy(), [0.17099454, 0.7965015, 0.05206451], rtol=1e-6)
    np.testing.assert_allclose(mnp.rand((3,)).asnumpy(), [0.6161044, 0.26538485, 0.16758549], rtol=1e-6)
    np.testing.assert_allclose(mnp.randn((3,)).asnumpy(), [-1.103138, -1.3390387, 0.8029324], rtol=1e-6)
    assert mnp.randint(1, 100, (3,)).asnumpy().tolist() == [32, 17, 31]
    ms.set_seed(0)  # 0 stands for MindSpore's default graph seed
    np.testing.assert_allclose(mnp.rand((3,)).asnumpy(), [0.29337725, 0.11669815, 0.29323754], rtol=1e-6)
    np.testing.assert_allclose(mnp.randn((3,)).asnumpy(), [1.5750539, -0.51410174, 1.48967], rtol=1e-6)
    assert mnp.randint(1, 100, (3,)).asnumpy().tolist() == [93, 30, 5]
