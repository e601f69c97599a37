//! Every kernel against a naive reference written here (plain loops over f64 / i64 on row-major
//! vectors), at sizes 0, 1 and odd sizes, on contiguous inputs and on non-contiguous views of the
//! same logical values: transposed (`ems::transpose`), stepped and negative-step slices
//! (`ems::index`) and broadcasts (`ems::broadcast_to`).

mod bessel;
mod binary;
mod compare_select_cast;
mod complex;
mod device;
mod dtypes;
mod fft;
mod foreign;
mod helpers;
mod integers;
mod linalg;
mod matmul;
mod moments;
mod reductions;
mod sorting;
mod special;
mod special_refs;
mod structure;
mod svd;
mod unary;
mod window;
