//! The native half of `easy_mindspore.dataset` and of the checkpoint functions: wrappers over
//! `easy_mindspore::nn::data` (seeded shuffling, batching, IDX, the bundled digits) and
//! `easy_mindspore::nn::checkpoint` (safetensors and MindSpore `.ckpt`).

use crate::errors::{value_err, IntoPy};
use crate::gil::maybe_allow_threads;
use crate::handle::PyTensor;
use crate::nn::param_of;
use easy_mindspore as ems;
use ems::nn::checkpoint::{save_entries_crc, Entry, Format};
use ems::nn::data::resize::{resize_f32, resize_u8, Interpolation};
use ems::nn::data::Dataset;
use ems::nn::{Cell, Parameter};
use ems::Tensor;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::path::Path;

/// Columns of equal length, shuffled per epoch from a seed and cut into batches.
#[pyclass(module = "easy_mindspore._C", name = "NativeDataset", frozen)]
pub struct NativeDataset {
    ds: Dataset,
    batch_size: usize,
    drop_remainder: bool,
}

#[pymethods]
impl NativeDataset {
    #[new]
    fn py_new(columns: Vec<PyRef<'_, PyTensor>>) -> PyResult<Self> {
        let cols: Vec<Tensor> = columns.iter().map(|c| c.value()).collect();
        Ok(NativeDataset {
            ds: Dataset::new(cols).py()?,
            batch_size: 1,
            drop_remainder: false,
        })
    }

    /// The same dataset, reshuffled every epoch from `seed`.
    fn shuffled(&self, seed: u64) -> NativeDataset {
        NativeDataset {
            ds: self.ds.clone().shuffle(seed),
            batch_size: self.batch_size,
            drop_remainder: self.drop_remainder,
        }
    }

    /// The same dataset in batches of `batch_size`.
    fn batched(&self, batch_size: usize, drop_remainder: bool) -> PyResult<NativeDataset> {
        Ok(NativeDataset {
            ds: self.ds.clone().batch(batch_size, drop_remainder).py()?,
            batch_size,
            drop_remainder,
        })
    }

    /// Samples.
    fn __len__(&self) -> usize {
        self.ds.len()
    }

    /// Batches per epoch.
    fn num_batches(&self) -> usize {
        self.ds.num_batches()
    }

    /// The batches of epoch `epoch` (each a list with one Tensor per column).
    fn epoch(&self, epoch: u64) -> BatchIter {
        BatchIter {
            ds: self.ds.clone(),
            order: self.ds.order(epoch),
            batch_size: self.batch_size,
            drop_remainder: self.drop_remainder,
            next: std::sync::Mutex::new(0),
        }
    }

    /// The columns, whole.
    fn columns(&self) -> Vec<PyTensor> {
        self.ds
            .columns()
            .iter()
            .cloned()
            .map(PyTensor::new)
            .collect()
    }
}

/// The batches of one epoch.
#[pyclass(module = "easy_mindspore._C", name = "BatchIter", frozen)]
pub struct BatchIter {
    ds: Dataset,
    order: Vec<usize>,
    batch_size: usize,
    drop_remainder: bool,
    next: std::sync::Mutex<usize>,
}

#[pymethods]
impl BatchIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next batch. Several threads may share the iterator: each batch goes to one of them.
    /// The position is claimed under the lock, which is let go before the GIL is released (see
    /// `gil.rs`).
    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Vec<PyTensor>>> {
        let (start, end) = {
            let mut next = self
                .next
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let (n, b) = (self.order.len(), self.batch_size);
            if *next >= n || (self.drop_remainder && *next + b > n) {
                return Ok(None);
            }
            let start = *next;
            *next = (start + b).min(n);
            (start, *next)
        };
        let idx = &self.order[start..end];
        let size = idx.len() * self.ds.columns().iter().map(row_len).sum::<usize>();
        let part = maybe_allow_threads(py, size, || self.ds.select(idx)).py()?;
        Ok(Some(
            part.columns().iter().cloned().map(PyTensor::new).collect(),
        ))
    }
}

/// Elements per sample of a column (`[N, ...]`).
fn row_len(c: &Tensor) -> usize {
    c.dims().iter().skip(1).product()
}

/// The 8×8 digits from the CSV at `path`: images `[N, 8, 8]` Float32 and labels `[N]` Int32.
#[pyfunction]
pub fn load_digits(path: &str) -> PyResult<(PyTensor, PyTensor)> {
    let d = ems::nn::data::digits::load_digits(path).py()?;
    Ok((PyTensor::new(d.images), PyTensor::new(d.labels)))
}

/// Registers the dataset classes (`NativeDataset`, `BatchIter`), the functions giving
/// MindSpore's row orders (`shuffle_order`, `subset_shuffle_order`, `buffer_shuffle_order`,
/// `ShuffleDraws`, `weighted_order`, `pk_order`), `RandomDataset`'s rows (`random_data`) and
/// `vision.Resize`'s kernel (`resize_image`).
pub fn add_to(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeDataset>()?;
    m.add_class::<BatchIter>()?;
    m.add_function(wrap_pyfunction!(shuffle_order, m)?)?;
    m.add_function(wrap_pyfunction!(subset_shuffle_order, m)?)?;
    m.add_function(wrap_pyfunction!(buffer_shuffle_order, m)?)?;
    m.add_class::<PyShuffleDraws>()?;
    m.add_function(wrap_pyfunction!(weighted_order, m)?)?;
    m.add_function(wrap_pyfunction!(pk_order, m)?)?;
    m.add_function(wrap_pyfunction!(random_data, m)?)?;
    m.add_function(wrap_pyfunction!(resize_image, m)?)
}

/// An image (`[h, w]` or `[h, w, c]`, a C-contiguous UInt8 or Float32 array) resized to
/// `height × width` as MindSpore's `vision.Resize` (OpenCV's `cv::resize`; `inter` is the value
/// of MindSpore's `Inter` mode; `ems::nn::data::resize`).
#[pyfunction]
pub fn resize_image<'py>(
    py: Python<'py>,
    image: &Bound<'py, PyAny>,
    height: usize,
    width: usize,
    inter: u8,
) -> PyResult<Bound<'py, PyAny>> {
    use numpy::PyArrayDyn;
    let how = Interpolation::from_inter(inter).ok_or_else(|| {
        value_err(format!(
            "For 'Resize', OpenCV computes Inter.NEAREST (0), LINEAR (2), CUBIC (3) and AREA (4), but got {inter}"
        ))
    })?;
    if let Ok(a) = image.downcast::<PyArrayDyn<u8>>() {
        return resized(py, a, [height, width], how, resize_u8);
    }
    resized(
        py,
        image.downcast::<PyArrayDyn<f32>>()?,
        [height, width],
        how,
        resize_f32,
    )
}

/// The kernel that resizes an image of one element type.
type ResizeKernel<T> = fn(&[T], [usize; 3], [usize; 2], Interpolation) -> ems::Result<Vec<T>>;

/// `image` (`[h, w]` or `[h, w, c]`) resized to `size` by `kernel`, with the GIL released.
fn resized<'py, T: numpy::Element + Copy + Send + Sync>(
    py: Python<'py>,
    image: &Bound<'py, numpy::PyArrayDyn<T>>,
    size: [usize; 2],
    how: Interpolation,
    kernel: ResizeKernel<T>,
) -> PyResult<Bound<'py, PyAny>> {
    use numpy::{PyArrayMethods, PyUntypedArrayMethods, ToPyArray};
    let a = image.readonly();
    let dims = match *a.shape() {
        [h, w] => [h, w, 1],
        [h, w, c] => [h, w, c],
        ref shape => {
            return Err(value_err(format!(
                "For 'Resize', the image must be [H, W] or [H, W, C], but got shape {shape:?}"
            )))
        }
    };
    let mut out_shape = size.to_vec();
    out_shape.extend(a.shape().get(2));
    let src = a.as_slice().map_err(|e| value_err(e.to_string()))?;
    let out = py.allow_threads(|| kernel(src, dims, size, how)).py()?;
    Ok(out.to_pyarray(py).reshape(out_shape)?.into_any())
}

/// The rows of epoch `epoch` of MindSpore's `PKSampler` over rows labelled `labels`
/// (`ems::nn::data::pk_order`).
#[pyfunction]
#[pyo3(signature = (labels, per_class, shuffle, seed, epoch, count=None))]
pub fn pk_order(
    py: Python<'_>,
    labels: Vec<i64>,
    per_class: usize,
    shuffle: bool,
    seed: u64,
    epoch: u64,
    count: Option<usize>,
) -> PyResult<Vec<usize>> {
    py.allow_threads(|| ems::nn::data::pk_order(&labels, per_class, shuffle, seed, epoch, count))
        .py()
}

/// A drawn schema's column: MindSpore's type code and the dimensions (`None`: drawn per row).
type DrawnColumn = (u8, Vec<Option<usize>>);

/// `random_data`'s answer: rows, the drawn schema, the bytes and the unknown dimensions' draws.
type RandomRows<'py> = (
    usize,
    Option<Vec<DrawnColumn>>,
    Bound<'py, PyBytes>,
    Vec<usize>,
);

/// What MindSpore's `RandomDataset` reads for `seed` (`ems::nn::data::random_data`): the number
/// of rows (drawn when `rows` is `None`), the drawn schema (when `schema` is `None`), the byte
/// filling each row's columns (`rows × columns`, row by row) and the unknown dimensions' draws.
#[pyfunction]
#[pyo3(signature = (seed, rows, schema))]
pub fn random_data<'py>(
    py: Python<'py>,
    seed: u64,
    rows: Option<usize>,
    schema: Option<Vec<Vec<Option<usize>>>>,
) -> PyResult<RandomRows<'py>> {
    let d = py
        .allow_threads(|| ems::nn::data::random_data(seed, rows, schema.as_deref()))
        .py()?;
    let drawn = d
        .schema
        .map(|cols| cols.into_iter().map(|c| (c.code, c.dims)).collect());
    Ok((d.rows, drawn, PyBytes::new(py, &d.bytes), d.dims))
}

/// The rows of MindSpore's `WeightedRandomSampler` for `seed`: `count` draws by `weights`, with
/// or without replacement (`ems::nn::data::weighted_order`).
#[pyfunction]
pub fn weighted_order(
    py: Python<'_>,
    weights: Vec<f64>,
    count: usize,
    replacement: bool,
    seed: u64,
) -> PyResult<Vec<usize>> {
    py.allow_threads(|| ems::nn::data::weighted_order(&weights, count, replacement, seed))
        .py()
}

/// The rows of epoch `epoch` of an `n`-row dataset shuffled from `seed`, in MindSpore's order
/// (`ems::nn::data::order`), or with `draws`, that many rows drawn with replacement
/// (`ems::nn::data::draws`), as a list.
#[pyfunction]
#[pyo3(signature = (n, seed, epoch, draws=None))]
pub fn shuffle_order(
    py: Python<'_>,
    n: usize,
    seed: u64,
    epoch: u64,
    draws: Option<usize>,
) -> PyResult<Vec<usize>> {
    py.allow_threads(|| match draws {
        Some(count) => ems::nn::data::draws(n, count, seed, epoch),
        None => ems::nn::data::order(n, seed, epoch),
    })
    .py()
}

/// The rows of epoch `epoch` of MindSpore's `SubsetRandomSampler(rows)` for `seed`
/// (`ems::nn::data::subset_order`).
#[pyfunction]
pub fn subset_shuffle_order(py: Python<'_>, rows: Vec<usize>, seed: u64, epoch: u64) -> Vec<usize> {
    py.allow_threads(|| ems::nn::data::subset_order(&rows, seed, epoch))
}

/// The input positions of `dataset.shuffle(buffer)`'s rows for an `n`-row input, after `skip`
/// earlier draws (`ems::nn::data::buffer_order`).
#[pyfunction]
pub fn buffer_shuffle_order(
    py: Python<'_>,
    n: usize,
    buffer: usize,
    seed: u64,
    skip: u64,
) -> PyResult<Vec<usize>> {
    py.allow_threads(|| ems::nn::data::buffer_order(n, buffer, seed, skip))
        .py()
}

/// MindSpore's shuffle draws for `seed` after `skip` earlier ones, one per `next()`
/// (`ems::nn::data::ShuffleDraws`): a buffer shuffle of an input of unknown length takes slot
/// `draw % buffer_len` per row, and the next epoch goes on from where this one stopped.
#[pyclass(module = "easy_mindspore._C", name = "ShuffleDraws")]
pub struct PyShuffleDraws(ems::nn::data::ShuffleDraws);

#[pymethods]
impl PyShuffleDraws {
    #[new]
    fn new(py: Python<'_>, seed: u64, skip: u64) -> Self {
        PyShuffleDraws(py.allow_threads(|| ems::nn::data::ShuffleDraws::new(seed, skip)))
    }
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }
    fn __next__(&mut self) -> u64 {
        self.0.next_word()
    }
}

/// An IDX file (plain or gzip) as a Tensor.
#[pyfunction]
pub fn read_idx(path: &str) -> PyResult<PyTensor> {
    ems::nn::data::idx::read_idx(path).py().map(PyTensor::new)
}

/// IDX bytes (plain or gzip) as a Tensor; `what` names the source in errors.
#[pyfunction]
pub fn parse_idx(data: &[u8], what: &str) -> PyResult<PyTensor> {
    ems::nn::data::idx::parse_idx(data, what)
        .py()
        .map(PyTensor::new)
}

/// MNIST / Fashion-MNIST images and labels from a directory of the four standard files.
#[pyfunction]
pub fn load_mnist(dir: &str, usage: &str) -> PyResult<(PyTensor, PyTensor)> {
    let (x, y) = ems::nn::data::idx::load_mnist(dir, usage).py()?;
    Ok((PyTensor::new(x), PyTensor::new(y)))
}

/// Saves `(name, tensor)` pairs in `format` (`"ckpt"` or `"safetensors"`; None: by the path's
/// extension), with MindSpore's CRC32 when `crc`.
#[pyfunction]
#[pyo3(signature = (named, path, format=None, crc=false))]
pub fn save_checkpoint(
    py: Python<'_>,
    named: Vec<(String, Bound<'_, PyAny>)>,
    path: &str,
    format: Option<&str>,
    crc: bool,
) -> PyResult<()> {
    let f = match format {
        None => Format::from_path(Path::new(path)),
        Some("ckpt") => Format::Ckpt,
        Some("safetensors") => Format::SafeTensors,
        Some(other) => {
            return Err(value_err(format!(
                "For 'save_checkpoint', format must be 'ckpt' or 'safetensors', but got '{other}'"
            )))
        }
    };
    let mut entries: Vec<(String, Entry)> = Vec::with_capacity(named.len());
    for (n, v) in named {
        let e = match v.downcast::<PyTensor>() {
            Ok(t) => Entry::Tensor(t.borrow().value()),
            Err(_) => Entry::Str(v.extract::<String>()?),
        };
        entries.push((n, e));
    }
    py.allow_threads(|| save_entries_crc(&entries, path, f, crc))
        .py()
}

/// MindSpore's `load_checkpoint(crc_check=True)` check of the file at `path`: True when it holds
/// a matching CRC32, False when it holds none; a ValueError when the CRC differs.
#[pyfunction]
pub fn check_checkpoint_crc(py: Python<'_>, path: &str) -> PyResult<bool> {
    py.allow_threads(|| {
        let bytes = ems::nn::checkpoint::file::read_regular(Path::new(path)).map_err(|e| {
            ems::Error::invalid(
                "load_checkpoint",
                format!("{path}: cannot read the file: {e}"),
            )
        })?;
        ems::nn::checkpoint::check_crc(&bytes, path)
    })
    .py()
}

/// The named tensors and strings of a checkpoint file (either format, recognised from the
/// content), in file order.
#[pyfunction]
pub fn load_checkpoint(py: Python<'_>, path: &str) -> PyResult<Vec<(String, PyObject)>> {
    let named = py
        .allow_threads(|| ems::nn::checkpoint::load_checkpoint_entries(path))
        .py()?;
    named
        .into_iter()
        .map(|(n, e)| {
            let v = match e {
                Entry::Tensor(t) => Py::new(py, PyTensor::new(t))?.into_any(),
                Entry::Str(s) => s.into_pyobject(py)?.into_any().unbind(),
            };
            Ok((n, v))
        })
        .collect()
}

/// A Python network seen by the Rust loader: its parameters under their dotted paths.
struct ParamList(Vec<(String, Parameter)>);

impl Cell for ParamList {
    fn cls_name(&self) -> &'static str {
        "Cell"
    }
    fn construct(&self, _x: &Tensor) -> ems::Result<Tensor> {
        Err(ems::Error::InvalidArgument {
            op: "load_param_into_net",
            msg: "a parameter list is not callable".into(),
        })
    }
    fn params(&self) -> Vec<(String, Parameter)> {
        self.0.clone()
    }
}

/// MindSpore's `load_param_into_net` over `(path, Parameter)` pairs: all checked, then all
/// assigned; returns `(param_not_load, ckpt_not_load)`.
#[pyfunction]
pub fn load_param_into_net(
    params: Vec<(String, Bound<'_, PyAny>)>,
    dict: Vec<(String, PyRef<'_, PyTensor>)>,
    strict: bool,
) -> PyResult<(Vec<String>, Vec<String>)> {
    let list = params
        .iter()
        .map(|(n, p)| {
            Ok((
                n.clone(),
                param_of(p, &format!("load_param_into_net: '{n}'"))?,
            ))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let dict: Vec<(String, Tensor)> = dict.into_iter().map(|(n, t)| (n, t.value())).collect();
    ems::nn::load_param_into_net(&ParamList(list), &dict, strict).py()
}

/// Appends one event to the MindSpore summary file `path` (`easy_mindspore::nn::summary`): the
/// version event when `version` is given, else the values of `step`, each `(tag, kind, value)`
/// with `kind` `"scalar"` (a number), `"tensor"` or `"histogram"` (a Tensor; `bins` buckets,
/// MindSpore's number when None), `"image"` (`(height, width, colorspace, png_bytes)`) or
/// `"landscape"` (an encoded `LossLandscape`), and `graph` (an encoded `GraphProto`). Nothing is
/// written when the file would exceed `max_file_size` bytes; returns whether the event was.
#[pyfunction]
#[pyo3(signature = (path, wall_time, step=None, version=None, values=Vec::new(), bins=None, graph=None, max_file_size=None))]
#[allow(clippy::too_many_arguments)]
pub fn summary_append(
    py: Python<'_>,
    path: &str,
    wall_time: f64,
    step: Option<i64>,
    version: Option<String>,
    values: Vec<(String, String, Bound<'_, PyAny>)>,
    bins: Option<usize>,
    graph: Option<Vec<u8>>,
    max_file_size: Option<u64>,
) -> PyResult<bool> {
    use ems::nn::summary::{append_event, Event, Summary};
    let mut out = Vec::with_capacity(values.len());
    for (tag, kind, v) in values {
        out.push(summary_value(tag, &kind, &v, bins)?);
    }
    let event = Event {
        wall_time: Some(wall_time),
        step: if version.is_some() { None } else { step },
        summary: if version.is_some() || out.is_empty() {
            None
        } else {
            Some(Summary { value: out })
        },
        graph_def: graph,
        version,
    };
    py.allow_threads(|| append_event(Path::new(path), &event, max_file_size))
        .py()
}

/// One `Summary.Value` of [`summary_append`].
fn summary_value(
    tag: String,
    kind: &str,
    v: &Bound<'_, PyAny>,
    bins: Option<usize>,
) -> PyResult<ems::nn::summary::Value> {
    use ems::nn::summary::{histogram, tensor_proto, Image, Value};
    let mut value = Value {
        tag,
        ..Value::default()
    };
    match kind {
        "scalar" => value.scalar_value = Some(v.extract::<f64>()? as f32),
        "tensor" => {
            value.tensor = Some(tensor_proto(&v.downcast::<PyTensor>()?.borrow().value()).py()?)
        }
        "histogram" => {
            let t = v.downcast::<PyTensor>()?.borrow().value();
            let vals = t.try_to_vec::<f64>().py()?;
            value.histogram = Some(histogram(&vals, bins));
        }
        "image" => {
            let (height, width, colorspace, encoded_image) =
                v.extract::<(i32, i32, i32, Vec<u8>)>()?;
            value.image = Some(Image {
                height,
                width,
                colorspace,
                encoded_image,
            });
        }
        "landscape" => value.loss_landscape = Some(v.extract::<Vec<u8>>()?),
        other => {
            return Err(value_err(format!(
                "For 'SummaryRecord', unknown value kind {other:?}"
            )))
        }
    }
    Ok(value)
}
