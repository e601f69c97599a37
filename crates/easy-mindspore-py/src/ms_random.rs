//! MindSpore's seeded random kernels (`easy_mindspore::random::mindspore`) for the Python
//! front's random ops in PyNative mode: each function is one kernel launch from the primitive's
//! `(seed, seed2)` (MindSpore's front end derives them; `(0, 0)` asks for an unpredictable
//! seed, which comes from the engine's key), and a `KernelStream` is a kernel whose draws go on
//! from launch to launch (a kept `nn.Dropout`'s). `GraphKernel` is the same for a random op traced
//! into a `jit` graph: its engine's state is a tensor (a `Var` of the graph), and its launch a
//! primitive, so each run of the graph continues the stream as MindSpore's graph mode does.

use crate::convert::dims_from_py;
use crate::errors::IntoPy;
use crate::handle::PyTensor;
use easy_mindspore as ems;
use ems::random::mindspore as ms;
use pyo3::prelude::*;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(ms_standard_normal, m)?)?;
    m.add_function(wrap_pyfunction!(ms_uniform_real, m)?)?;
    m.add_function(wrap_pyfunction!(ms_uniform_int, m)?)?;
    m.add_function(wrap_pyfunction!(minstd_shuffle_order, m)?)?;
    m.add_function(wrap_pyfunction!(ms_randperm, m)?)?;
    m.add_class::<BernoulliKernel>()?;
    m.add_class::<KernelStream>()?;
    m.add_class::<GraphKernel>()?;
    Ok(())
}

/// The engine seed of a kernel with seeds `(seed, seed2)`.
fn engine_seed(seed: u64, seed2: u64) -> PyResult<u64> {
    if seed == 0 && seed2 == 0 {
        ems::random::next_seed().py()
    } else {
        Ok(ms::kernel_seed(seed, seed2))
    }
}

/// `StandardNormal(seed, seed2)(shape)`: Float32 standard normal values.
#[pyfunction]
pub fn ms_standard_normal(seed: u64, seed2: u64, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let dims = dims_from_py(shape, "StandardNormal")?;
    ms::standard_normal(engine_seed(seed, seed2)?, &dims)
        .py()
        .map(PyTensor::new)
}

/// `UniformReal(seed, seed2)(shape)`: Float32 values uniform on `[0, 1)`.
#[pyfunction]
pub fn ms_uniform_real(seed: u64, seed2: u64, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
    let dims = dims_from_py(shape, "UniformReal")?;
    ms::uniform_real(engine_seed(seed, seed2)?, &dims)
        .py()
        .map(PyTensor::new)
}

/// `UniformInt(seed, seed2)(shape, low, high)`: Int64 values uniform on `[low, high)`.
#[pyfunction]
pub fn ms_uniform_int(
    seed: u64,
    seed2: u64,
    low: i64,
    high: i64,
    shape: &Bound<'_, PyAny>,
) -> PyResult<PyTensor> {
    let dims = dims_from_py(shape, "UniformInt")?;
    ms::uniform_int(engine_seed(seed, seed2)?, low, high, &dims)
        .py()
        .map(PyTensor::new)
}

/// The order `std::shuffle` with `minstd_rand0(seed)` puts `n` rows in (MindRecord's reader).
#[pyfunction]
pub fn minstd_shuffle_order(seed: u64, n: usize) -> PyResult<Vec<usize>> {
    ms::minstd_shuffle_order(seed, n).py()
}

/// `RandpermV2`: the Int64 permutation of `0..n` for the (raw) seed `seed`.
#[pyfunction]
pub fn ms_randperm(seed: u64, n: usize) -> PyResult<PyTensor> {
    ms::randperm(seed, n).py().map(PyTensor::new)
}

/// MindSpore's `Bernoulli` kernel of one seed (its words left over carry to the next launch).
#[pyclass(module = "easy_mindspore._C", name = "BernoulliKernel")]
pub struct BernoulliKernel(ms::BernoulliKernel);

#[pymethods]
impl BernoulliKernel {
    #[new]
    fn new(seed: u64) -> BernoulliKernel {
        BernoulliKernel(ms::BernoulliKernel::new(seed))
    }

    /// A Bool tensor of `shape`, each element true with probability `p` (one value or one per
    /// element, Float32).
    fn launch(&mut self, p: Vec<f32>, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let dims = dims_from_py(shape, "Bernoulli")?;
        self.0.launch(&p, &dims).py().map(PyTensor::new)
    }
}

/// A `Dropout`, `RandomShuffle` or `Multinomial` kernel of seeds `(seed, seed2)`, whose draws
/// go on from launch to launch.
#[pyclass(module = "easy_mindspore._C", name = "KernelStream")]
pub struct KernelStream(ms::KernelStream);

#[pymethods]
impl KernelStream {
    #[new]
    fn new(seed: u64, seed2: u64) -> PyResult<KernelStream> {
        Ok(KernelStream(ms::KernelStream::new(engine_seed(
            seed, seed2,
        )?)))
    }

    /// A dropout mask (Bool) of `shape`, each element kept with probability `keep`.
    fn dropout_mask(&mut self, keep: f32, shape: &Bound<'_, PyAny>) -> PyResult<PyTensor> {
        let dims = dims_from_py(shape, "Dropout")?;
        self.0.dropout_mask(keep, &dims).py().map(PyTensor::new)
    }

    /// The order `RandomShuffle` puts `n` rows in.
    fn shuffle_order(&mut self, n: usize) -> PyResult<Vec<usize>> {
        self.0.shuffle_order(n).py()
    }

    /// `samples` draws (Int64) with replacement from each row of the 1-D or 2-D `probs`.
    fn multinomial(&mut self, probs: &PyTensor, samples: usize) -> PyResult<PyTensor> {
        self.0
            .multinomial(&probs.value(), samples)
            .py()
            .map(PyTensor::new)
    }
}

/// A MindSpore random kernel as a traced graph keeps it (`StandardNormal`, `UniformReal`,
/// `UniformInt`): `start` gives its engine's first state (an Int64 tensor), `launch` binds the
/// `MsStream` primitive — the values of a launch from a state, or the state after it.
#[pyclass(module = "easy_mindspore._C", name = "GraphKernel", frozen)]
pub struct GraphKernel(ms::StreamKernel);

#[pymethods]
impl GraphKernel {
    /// `StandardNormal`.
    #[staticmethod]
    fn standard_normal() -> GraphKernel {
        GraphKernel(ms::StreamKernel::StandardNormal)
    }

    /// `UniformReal`.
    #[staticmethod]
    fn uniform_real() -> GraphKernel {
        GraphKernel(ms::StreamKernel::UniformReal)
    }

    /// `UniformInt` over `[low, high)`.
    #[staticmethod]
    fn uniform_int(low: i64, high: i64) -> GraphKernel {
        GraphKernel(ms::StreamKernel::UniformInt { low, high })
    }

    /// The engine state of the kernel of seeds `(seed, seed2)`.
    fn start(&self, seed: u64, seed2: u64) -> PyResult<PyTensor> {
        let state = self.0.start(engine_seed(seed, seed2)?);
        let n = state.len();
        ems::Tensor::from_vec(state, &[n]).py().map(PyTensor::new)
    }

    /// A launch over `shape` from `state`: its values, or with `advance` the state after it.
    fn launch(
        &self,
        state: PyRef<'_, PyTensor>,
        shape: &Bound<'_, PyAny>,
        advance: bool,
    ) -> PyResult<PyTensor> {
        let dims = dims_from_py(shape, self.0.name())?;
        ems::prim::ms_stream(&state.value(), self.0, &dims, advance)
            .py()
            .map(PyTensor::new)
    }
}
