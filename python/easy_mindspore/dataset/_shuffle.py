"""MindSpore's buffer shuffle (``dataset.shuffle(buffer_size)``) of a pipeline's rows, epoch by
epoch: one ``std::mt19937_64`` seeded with the dataset seed for the whole run (`nn/data/order.rs`),
so epoch ``e`` continues after the draws of the epochs before it."""
import itertools

from .. import _C


def buffer_shuffled(rows, size, n, seed):
    """The epoch function (epoch -> rows) of `rows` (an epoch function of a source of `size`
    rows, None when not known) shuffled through a buffer of `n` rows."""
    if isinstance(size, int) and size >= 0:
        return lambda epoch: _known(rows(epoch), size, n, seed, epoch * size)
    # epoch -> the draws where the next epoch starts, left by an epoch read to its end (each
    # row takes one draw; the generator runs on across epochs).
    left = {}

    def streamed(epoch):
        draws = left.pop(epoch - 1, None)
        if draws is None:
            draws = _C.ShuffleDraws(seed, sum(sum(1 for _ in rows(e)) for e in range(epoch)))
        yield from _streamed(rows(epoch), n, draws)
        left[epoch] = draws
    return streamed


def _known(rows, size, n, seed, skip):
    """The rows in MindSpore's order, computed ahead for `size` rows. Rows arrive in input order;
    each output position is at most `n` rows ahead. Should the input not have `size` rows after
    all, no row is lost: the missing positions are passed over and any extra rows follow."""
    pending, source = {}, enumerate(rows)
    for p in _C.buffer_shuffle_order(size, n, seed, skip):
        if p not in pending:
            for i, r in source:
                pending[i] = r
                if i >= p:
                    break
        if p in pending:
            yield pending.pop(p)
    yield from pending.values()
    for _, r in source:
        yield r


def _streamed(rows, n, draws):
    """The rows in MindSpore's order as they arrive, for a source of unknown length: fill the
    buffer, then per output row take slot ``draw % len``, move the last row there and refill
    the last slot (shrink once the input is drained)."""
    source = iter(rows)
    buf = list(itertools.islice(source, n))
    end = object()
    while buf:
        last = len(buf) - 1
        slot = next(draws) % (last + 1)
        yield buf[slot]
        buf[slot] = buf[last]
        r = next(source, end)
        if r is end:
            buf.pop()
        else:
            buf[last] = r
