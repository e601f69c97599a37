"""``mindspore.Parameter`` and ``mindspore.ParameterTuple``.

A ``Parameter`` is a Tensor (every op accepts it) whose value lives in a shared Rust
``nn::Parameter`` handle: a Rust layer, an optimizer, the grad API and Python all see one value.
``set_data`` and optimizer steps rebind the handle; a value read before keeps the old numbers.
"""
import copyreg

from .._C import Parameter, Tensor
from .._errors import DTypeError, ShapeError

__all__ = ["Parameter", "ParameterTuple"]


def _rebuild_parameter(array, name, requires_grad):
    return Parameter(Tensor(array), name=name, requires_grad=requires_grad)


def _reduce_parameter(p):
    # A pickled or copied Parameter is a new one with the same values, name and flag.
    return _rebuild_parameter, (p.asnumpy(), p.name, p.requires_grad)


copyreg.pickle(Parameter, _reduce_parameter)


class ParameterTuple(tuple):
    """An ordered tuple of Parameters (MindSpore's ``ParameterTuple``); names must be distinct.

    Outputs:
        ParameterTuple, a tuple of the parameters.

    Examples:
        >>> import mindspore as ms
        >>> a = ms.Parameter(ms.Tensor([1.0]), name='a')
        >>> b = ms.Parameter(ms.Tensor([2.0]), name='b')
        >>> params = ms.ParameterTuple((a, b))
        >>> print([p.name for p in params])
        ['a', 'b']
    """

    def __new__(cls, iterable=()):
        items = tuple(iterable)
        seen = set()
        for i, p in enumerate(items):
            if not isinstance(p, Parameter):
                raise DTypeError(f"For 'ParameterTuple', element {i} must be a Parameter, but got "
                                 f"{type(p).__name__}")
            if p.name in seen:
                raise ShapeError(f"For 'ParameterTuple', the parameter name '{p.name}' appears more "
                                 "than once; names must be unique")
            seen.add(p.name)
        return super().__new__(cls, items)

    def clone(self, prefix, init="same"):
        """New parameters named ``prefix + '.' + name``, with the same values (``init='same'``)
        or zeros (``init='zeros'``)."""
        if init not in ("same", "zeros"):
            raise ShapeError(f"For 'ParameterTuple.clone', init must be 'same' or 'zeros', got {init!r}")
        out = []
        for p in self:
            v = p.value()
            if init == "zeros":
                v = v * 0
            out.append(Parameter(v, name=f"{prefix}.{p.name}", requires_grad=p.requires_grad))
        return ParameterTuple(out)
