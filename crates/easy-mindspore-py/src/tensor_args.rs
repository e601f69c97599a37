//! The argument conversions and element readers of `Tensor`'s methods (kept apart from
//! `tensor.rs`, which holds the methods themselves): one-element reads, `tolist`, construction
//! from a shape and an initializer, and the optional dtype/axis/keep-dims arguments of the
//! reductions with MindSpore 2.10's two spellings (`axis`/`keepdims` and `dim`/`keepdim`).

use crate::convert::{
    axes_from_py, bool_arg, dims_from_py, dtype_from_py, int_arg, operand, py_integer,
    scalar_to_py, type_label, PyInteger,
};
use crate::errors::{type_err, value_err, IntoPy};
use crate::gil::run;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::{DType, Operand, Scalar, Tensor};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};

/// The single element of a one-element tensor (`what` names the conversion in the error raised
/// for a value that varies across a `vmap` batch).
pub(crate) fn one_element(t: &Tensor, what: &str, msg: &str) -> PyResult<Scalar> {
    check_one(t, what, msg)?;
    t.item().py()
}

/// The checks of [`one_element`] without reading the value (complex values are read by NumPy).
pub(crate) fn check_one(t: &Tensor, what: &str, msg: &str) -> PyResult<()> {
    t.check_readable(what).py()?;
    if t.numel() != 1 {
        return Err(value_err(msg.to_string()));
    }
    Ok(())
}

pub(crate) fn tolist_rec(py: Python<'_>, data: &[Scalar], shape: &[usize]) -> PyResult<PyObject> {
    match shape.split_first() {
        None => scalar_to_py(py, data.first().copied().unwrap_or(Scalar::Int(0))),
        Some((&n, rest)) => {
            let step: usize = rest.iter().product();
            let items = (0..n)
                .map(|i| tolist_rec(py, &data[i * step..(i + 1) * step], rest))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(PyList::new(py, items)?.into_any().unbind())
        }
    }
}

pub(crate) fn scalars(t: &Tensor) -> Vec<Scalar> {
    match t.dtype() {
        DType::Bool => t.to_vec::<bool>().into_iter().map(Scalar::Bool).collect(),
        d if d.kind() == ems::dtype::Kind::Int => {
            t.to_vec::<i64>().into_iter().map(Scalar::Int).collect()
        }
        _ => t.to_vec::<f64>().into_iter().map(Scalar::Float).collect(),
    }
}

/// `Tensor(shape=..., dtype=..., init=...)`: zeros of `shape`, or the values of the initializer
/// `init` (MindSpore's lazily initialised tensor, made at once here). A `None` (dynamic)
/// dimension is refused: there is no placeholder tensor without values.
pub(crate) fn from_shape(
    py: Python<'_>,
    shape: &Bound<'_, PyAny>,
    dtype: Option<DType>,
    init: Option<&Bound<'_, PyAny>>,
) -> PyResult<Tensor> {
    let dtype = dtype.ok_or_else(|| {
        type_err("For 'Tensor', a tensor made from 'shape' needs a 'dtype' (and optionally 'init')")
    })?;
    let dims = dims_from_py(shape, "Tensor")?;
    match init.filter(|i| !i.is_none()) {
        None => ems::zeros(&dims, dtype).py(),
        Some(init) => {
            let module = py.import("easy_mindspore.common.initializer")?;
            let t = module
                .getattr("initializer")?
                .call1((init, PyTuple::new(py, &dims)?))?;
            let t: PyRef<'_, PyTensor> = t.extract()?;
            ems::cast(&t.value(), dtype).py()
        }
    }
}

pub(crate) fn opt_dtype(d: Option<&Bound<'_, PyAny>>) -> PyResult<Option<DType>> {
    match d {
        Some(d) if !d.is_none() => dtype_from_py(d).map(Some),
        _ => Ok(None),
    }
}

/// The axis argument of a reduction method given as MindSpore 2.10's `axis` or as the `dim` of
/// its PyTorch-style overload (`x.sum(dim=1)`); both at once is a TypeError.
pub(crate) fn axis_or_dim<'a, 'py>(
    op: &str,
    axis: Option<&'a Bound<'py, PyAny>>,
    dim: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<Option<&'a Bound<'py, PyAny>>> {
    let given = |o: Option<&Bound<'_, PyAny>>| o.is_some_and(|o| !o.is_none());
    if given(axis) && given(dim) {
        return Err(type_err(format!(
            "For '{op}', give 'axis' or 'dim', not both."
        )));
    }
    Ok(if given(dim) { dim } else { axis })
}

/// The keep-dims flag of a reduction method from any of its spellings (`keepdims`,
/// `keep_dims`, the overload's `keepdim`), each a bool; the last given wins.
pub(crate) fn keep_flag(op: &str, flags: &[(Option<&Bound<'_, PyAny>>, &str)]) -> PyResult<bool> {
    let mut keep = false;
    for (obj, name) in flags {
        keep = bool_arg(*obj, op, name, keep)?;
    }
    Ok(keep)
}

pub(crate) fn single_axis(axis: Option<&Bound<'_, PyAny>>) -> PyResult<Option<i64>> {
    match axis {
        Some(a) if !a.is_none() => match py_integer(a) {
            PyInteger::NotInt => Err(type_err(format!(
                "axis must be None or an int, got {}",
                type_label(a)
            ))),
            _ => int_arg(a, "axis", "axis").map(Some),
        },
        _ => Ok(None),
    }
}

/// An optional int argument: `default` when absent or `None`.
pub(crate) fn int_or(
    obj: Option<&Bound<'_, PyAny>>,
    op: &str,
    name: &str,
    default: i64,
) -> PyResult<i64> {
    match obj {
        Some(o) if !o.is_none() => int_arg(o, op, name),
        _ => Ok(default),
    }
}

/// MindSpore 2.10's `view(dtype)`: when the one argument of `view` is a dtype, the bytes read as
/// that dtype (done in Python, `easy_mindspore._tensor_more._view_as_dtype`); None otherwise.
pub(crate) fn view_as_dtype<'py>(
    slf: &Bound<'py, PyTensor>,
    shape: &Bound<'py, PyTuple>,
) -> PyResult<Option<Bound<'py, PyTensor>>> {
    if shape.len() != 1 || !shape.get_item(0)?.hasattr("_ems_name")? {
        return Ok(None);
    }
    let helper = slf.py().import("easy_mindspore._tensor_more")?;
    let out = helper
        .getattr("_view_as_dtype")?
        .call1((slf, shape.get_item(0)?))?;
    Ok(Some(out.downcast_into::<PyTensor>()?))
}

/// What [`flatten_args`] returns: the order (`'C'` or `'F'`, if given) and the dims given.
pub(crate) type FlattenArgs<'py> = (
    Option<char>,
    Option<Bound<'py, PyAny>>,
    Option<Bound<'py, PyAny>>,
);

/// `flatten`'s arguments as MindSpore 2.10's two overloads take them: `flatten(order='C', *,
/// start_dim=0, end_dim=-1)` and `flatten(start_dim=0, end_dim=-1)`; the positional `args` are
/// an order alone or up to two dims.
pub(crate) fn flatten_args<'a, 'py>(
    args: &'a Bound<'py, PyTuple>,
    order: Option<&'a Bound<'py, PyAny>>,
    start_dim: Option<&'a Bound<'py, PyAny>>,
    end_dim: Option<&'a Bound<'py, PyAny>>,
) -> PyResult<FlattenArgs<'py>> {
    let conflict = |name: &str| {
        type_err(format!(
            "Tensor.flatten() got multiple values for argument '{name}'"
        ))
    };
    let mut order = order.cloned();
    let (mut start_dim, mut end_dim) = (start_dim.cloned(), end_dim.cloned());
    let given: Vec<Bound<'py, PyAny>> = args.iter().collect();
    match given.as_slice() {
        [] => {}
        [o] if o.is_instance_of::<pyo3::types::PyString>() => {
            if order.is_some() {
                return Err(conflict("order"));
            }
            order = Some(o.clone());
        }
        [_, rest @ ..] if rest.len() <= 1 => {
            if start_dim.is_some() {
                return Err(conflict("start_dim"));
            }
            start_dim = Some(given[0].clone());
            if let Some(e) = rest.first() {
                if end_dim.is_some() {
                    return Err(conflict("end_dim"));
                }
                end_dim = Some(e.clone());
            }
        }
        _ => {
            return Err(type_err(format!(
                "Tensor.flatten() takes an order or at most 2 dims as positional arguments \
                 ({} given)",
                given.len()
            )))
        }
    }
    let Some(o) = order else {
        return Ok((None, start_dim, end_dim));
    };
    let o: String = o.extract().map_err(|_| {
        type_err("For Tensor.flatten, the parameter 'order' must be a str.".to_string())
    })?;
    match o.as_str() {
        "C" => Ok((Some('C'), start_dim, end_dim)),
        "F" => Ok((Some('F'), start_dim, end_dim)),
        _ => Err(value_err(format!(
            "For Tensor.flatten, the parameter 'order' must be 'C' or 'F', but got '{o}'."
        ))),
    }
}

/// `Tensor.sum` without `initial`: MindSpore 2.10's two overloads (`sum(axis, dtype,
/// keepdims)` and `sum(dim, keepdim)`, a bool in the second place being the keep-dims flag).
pub(crate) fn sum_of(
    py: Python<'_>,
    x: Tensor,
    axis: Option<&Bound<'_, PyAny>>,
    dtype: Option<&Bound<'_, PyAny>>,
    keepdims: Option<&Bound<'_, PyAny>>,
    dim: Option<&Bound<'_, PyAny>>,
    keepdim: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyTensor> {
    let (dtype, bool_second) = match dtype {
        Some(d) if d.is_instance_of::<pyo3::types::PyBool>() => (None, Some(d)),
        d => (d, None),
    };
    let keepdims = keep_flag(
        "sum",
        &[
            (bool_second, "keepdim"),
            (keepdims, "keepdims"),
            (keepdim, "keepdim"),
        ],
    )?;
    let axis = axis_or_dim("sum", axis, dim)?;
    let (axes, dtype) = (axes_from_py(axis)?, opt_dtype(dtype)?);
    run(py, x.numel(), move || {
        let r = ems::sum(&x, axes, keepdims)?;
        match dtype {
            Some(d) => ems::cast(&r, d),
            None => Ok(r),
        }
    })
}

/// MindSpore 2.10's `*` and `/` give a 0-d Int64 tensor against an integer or float tensor of
/// more dimensions, and a 0-d float tensor against a float one, the other's dtype:
/// `float16 * Tensor(0.5)` is Float16 and `int32 * Tensor(2)` Int32 (its `+` and `-` promote as
/// usual, and so do the other pairs). The 0-d tensor is cast, so its gradient still flows. (Its
/// other 0-d integer dtypes are a TypeError there; they promote as usual here.)
pub(crate) fn weak_zero_d(a: Operand, b: Operand) -> ems::Result<(Operand, Operand)> {
    fn as_scalar(z: &Tensor, other: &Tensor) -> ems::Result<Option<Tensor>> {
        let (zd, od) = (z.dtype(), other.dtype());
        let int = |d: DType| !d.is_float() && !d.is_complex() && d != DType::Bool;
        if z.ndim() != 0 || other.ndim() == 0 {
            return Ok(None);
        }
        let target = match (zd == DType::Int64, zd.is_float()) {
            (true, _) if int(od) || od.is_float() => od,
            (_, true) if od.is_float() => od,
            _ => return Ok(None),
        };
        match target == zd {
            true => Ok(None),
            false => ems::cast(z, target).map(Some),
        }
    }
    if let (Operand::Tensor(x), Operand::Tensor(y)) = (&a, &b) {
        if let Some(c) = as_scalar(x, y)? {
            return Ok((Operand::Tensor(c), b));
        }
        if let Some(c) = as_scalar(y, x)? {
            return Ok((a, Operand::Tensor(c)));
        }
    }
    Ok((a, b))
}

pub(crate) type BinFn = fn(Operand, Operand) -> ems::Result<Tensor>;

/// `me` op `other` (`reflected`: `other` op `me`) for a Python operand, MindSpore's TypeError for
/// one that is not a number or tensor.
pub(crate) fn binary(
    py: Python<'_>,
    name: &str,
    me: &Tensor,
    other: &Bound<'_, PyAny>,
    reflected: bool,
    f: BinFn,
) -> PyResult<PyTensor> {
    let Some(o) = operand(other, name)? else {
        if other.is_none() {
            return Err(type_err(format!(
                "Failed calling {} with \"{}(None)\".",
                name.to_lowercase(),
                name.to_lowercase()
            )));
        }
        return Err(type_err(format!(
            "Failed calling {name} with \"{name}()(input=Tensor, other={})\".\nThe valid calling \
             should be: \n\"{name}()(input=<Number, Tensor>, other=<Number, Tensor>)\".",
            type_label(other)
        )));
    };
    let me = Operand::Tensor(me.clone());
    let size = match &o {
        Operand::Tensor(t) => t.numel().max(me_size(&me)),
        Operand::Scalar(_) => me_size(&me),
    };
    if reflected {
        run(py, size, move || f(o, me))
    } else {
        run(py, size, move || f(me, o))
    }
}

/// The elements of an operand (1 for a scalar).
pub(crate) fn me_size(o: &Operand) -> usize {
    match o {
        Operand::Tensor(t) => t.numel(),
        Operand::Scalar(_) => 1,
    }
}

/// The positional arguments of a method that MindSpore 2.10 also takes by keyword (`reshape(shape=
/// ...)`, `permute(dims=...)`, `transpose(dim0=..., dim1=...)`): the positional ones followed by
/// the keywords given, in `named`'s order, as one tuple.
pub(crate) fn args_or_keywords<'py>(
    args: &Bound<'py, PyTuple>,
    named: &[(&str, Option<&Bound<'py, PyAny>>)],
    op: &str,
) -> PyResult<Bound<'py, PyTuple>> {
    let given: Vec<_> = named.iter().filter_map(|(_, v)| *v).collect();
    if given.is_empty() {
        return Ok(args.clone());
    }
    if named.len() == 1 && !args.is_empty() {
        return Err(type_err(format!(
            "Tensor.{op}() got multiple values for argument '{}'",
            named[0].0
        )));
    }
    let mut all: Vec<Bound<'py, PyAny>> = args.iter().collect();
    all.extend(given.into_iter().cloned());
    PyTuple::new(args.py(), all)
}
