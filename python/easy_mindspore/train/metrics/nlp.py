"""``BleuScore``: the BLEU score of machine-translated token sequences against reference
translations, over every sentence given to ``update`` since the last ``clear`` (the n-gram counts
and lengths are summed over sentences, as corpus-level BLEU does)."""
from collections import Counter

import numpy as np

from ..._errors import ComputeError, DTypeError, ShapeError
from .metric import Metric, rearrange_inputs

__all__ = ["BleuScore"]


def _ngrams(tokens, n_gram):
    """How often each 1- to ``n_gram``-gram (a tuple of tokens) occurs in ``tokens``."""
    counts = Counter()
    for n in range(1, n_gram + 1):
        counts.update(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
    return counts


class BleuScore(Metric):
    """``BleuScore(n_gram=4, smooth=False)``: BLEU, ``BP · exp(Σₙ log(pₙ) / n_gram)``, where ``pₙ``
    is the clipped n-gram precision (each candidate n-gram counts at most as often as in the
    reference that holds it most often), summed over the sentences, and ``BP`` the brevity
    penalty ``exp(1 − r / c)`` when the candidates' total length ``c`` is not above ``r``, the
    total length of the references closest in length to each candidate (the first of a tie), else
    1. ``smooth`` adds 1 to each precision's numerator and denominator. When some n-gram order has
    no match at all, the score is 0 (with or without ``smooth``, as MindSpore 2.10).

    Args:
        n_gram (int, optional): The largest n-gram, from 1 to 4. Default: ``4``.
        smooth (bool, optional): Whether to smooth the precisions. Default: ``False``.

    Outputs:
        ``eval()`` returns a ``numpy.float64``, the score in [0, 1].

    Raises:
        TypeError: `n_gram` not an int, `smooth` not a bool; corpora that are not sequences.
        ValueError: `n_gram` out of [1, 4]; not 2 inputs, corpora of different lengths, a sentence
            without references.
        RuntimeError: ``eval`` before ``update``.

    Examples:
        >>> from mindspore.train import BleuScore
        >>> candidate_corpus = [['i', 'have', 'a', 'pen', 'on', 'my', 'desk']]
        >>> reference_corpus = [[['i', 'have', 'a', 'pen', 'in', 'my', 'desk'],
        ...                      ['there', 'is', 'a', 'pen', 'on', 'the', 'desk']]]
        >>> metric = BleuScore()
        >>> metric.clear()
        >>> metric.update(candidate_corpus, reference_corpus)
        >>> print(metric.eval())
        0.5946035575013605
    """

    def __init__(self, n_gram=4, smooth=False):
        super().__init__()
        if isinstance(n_gram, bool) or not isinstance(n_gram, int):
            raise DTypeError("For 'BleuScore', the type of 'n_gram' should be 'int', but got type "
                             f"'{type(n_gram).__name__}'.")
        if not 1 <= n_gram <= 4:
            raise ShapeError("For 'BleuScore', the argument 'n_gram' should range from 1 to 4, "
                             f"but got {n_gram}.")
        if not isinstance(smooth, bool):
            raise DTypeError("For 'BleuScore', the type of 'smooth' should be 'bool', but got type "
                             f"'{type(smooth).__name__}'.")
        self.n_gram, self.smooth = n_gram, smooth
        self.clear()

    def clear(self):
        """Forgets the sentences."""
        self._numerator = np.zeros(self.n_gram)  # clipped matches of each order
        self._denominator = np.zeros(self.n_gram)  # candidate n-grams of each order
        self._c = 0.0  # candidates' total length
        self._r = 0.0  # total length of the closest references
        self._is_update = False

    @rearrange_inputs
    def update(self, *inputs):
        """Adds sentences: ``update(candidate_corpus, reference_corpus)``, a list of token lists
        and, for each of them, a list of reference token lists."""
        if len(inputs) != 2:
            raise ShapeError("For 'BleuScore.update', it needs 2 inputs (candidate_corpus, "
                             f"reference_corpus), but got {len(inputs)}.")
        candidates, references = inputs
        for name, corpus in (("candidate_corpus", candidates), ("reference_corpus", references)):
            if isinstance(corpus, (str, bytes)) or not hasattr(corpus, "__len__"):
                raise DTypeError(f"For 'BleuScore.update', the '{name}' must be a list of "
                                 f"sentences, but got {type(corpus).__name__}.")
        if len(candidates) != len(references):
            raise ShapeError("For 'BleuScore.update', 'candidate_corpus' (inputs[0]) and "
                             "'reference_corpus' (inputs[1]) should be equal in length, but got "
                             f"{len(candidates)}, {len(references)}.")
        for i, (candidate, refs) in enumerate(zip(candidates, references)):
            if len(refs) == 0:
                raise ShapeError(f"For 'BleuScore.update', sentence {i} of 'reference_corpus' "
                                 "(inputs[1]) has no reference translation.")
            length = len(candidate)
            self._c += length
            self._r += min((len(ref) for ref in refs), key=lambda n: abs(length - n))
            found = _ngrams(candidate, self.n_gram)
            best = Counter()
            for ref in refs:
                best |= _ngrams(ref, self.n_gram)  # each n-gram's largest count in one reference
            for gram, count in (found & best).items():
                self._numerator[len(gram) - 1] += count
            for gram, count in found.items():
                self._denominator[len(gram) - 1] += count
        self._is_update = True

    def eval(self):
        """The BLEU score of the sentences so far."""
        if not self._is_update:
            raise ComputeError("For 'BleuScore.eval', please call the 'update' method before "
                               "calling 'eval' method.")
        if self._numerator.min() == 0.0:
            return np.float64(0.0)
        extra = 1.0 if self.smooth else 0.0
        precisions = (self._numerator + extra) / (self._denominator + extra)
        geometric_mean = np.exp(np.sum(np.log(precisions) * (1.0 / self.n_gram)))
        penalty = 1.0 if self._c > self._r else np.exp(1.0 - self._r / self._c)
        return np.float64(penalty * geometric_mean)
