"""``mindspore.dataset.engine.iterators``: the registry of live dataset iterators.

Every iterator made by ``create_tuple_iterator``/``create_dict_iterator`` is recorded in
``ITERATORS_LIST`` as a weak reference; an iterator that is garbage collected leaves the list.
``_cleanup()`` stops every live iterator (their next ``next`` ends the epoch), as MindSpore does
when the interpreter exits.
"""
import weakref

ITERATORS_LIST = []
_CLEANUP = {"on": False}


def _forget(ref):
    try:
        ITERATORS_LIST.remove(ref)
    except ValueError:
        pass


def _register(itr):
    """Record ``itr`` (a dataset iterator) in ``ITERATORS_LIST`` while it is alive."""
    ITERATORS_LIST.append(weakref.ref(itr, _forget))
    _CLEANUP["on"] = True


def _unregister(itr):
    """Remove ``itr`` from ``ITERATORS_LIST`` (an iterator used inside another one)."""
    ITERATORS_LIST[:] = [r for r in ITERATORS_LIST if r() is not itr]


def _cleanup():
    """Stop every live dataset iterator and empty ``ITERATORS_LIST``.

    Examples:
        >>> from mindspore.dataset.engine.iterators import _cleanup, ITERATORS_LIST
        >>> _cleanup()
        >>> len(ITERATORS_LIST)
        0
    """
    _CLEANUP["on"] = False
    for ref in list(ITERATORS_LIST):
        itr = ref()
        if itr is not None:
            itr._stop()
    ITERATORS_LIST.clear()


def _set_iterator_cleanup():
    """Mark that live iterators are to be stopped at exit."""
    _CLEANUP["on"] = True


def _unset_iterator_cleanup():
    """Mark that no iterator needs stopping at exit (after ``_cleanup``)."""
    _CLEANUP["on"] = False
