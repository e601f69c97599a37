//! MindSpore 2.10 `Tensor.__repr__` formatting: frame, `%g` scalars, `%15.8e` elements (`%11.4e`
//! for Float16; BFloat16 takes the integer path with `%g` text; complex numbers are `%g` parts,
//! `1.5-2j`, unpadded, 24 to a line), summarisation.

use crate::dtype::{DType, Element, Kind};

/// Entries an axis of a tensor with ndim >= 2 may have before it is summarised.
const THRESHOLD: usize = 6;
/// Elements a 1-D tensor may have before it is summarised.
const THRESHOLD_1D: usize = 1000;
/// Entries kept at each end of a summarised axis.
const EDGE: usize = 3;
/// A non-summarised 1-D tensor longer than this gets periodic line feeds.
const LINEFEED_MIN: usize = 3;
/// Elements per line of a 1-D float or bool tensor.
const LINEFEED_FLOAT: usize = 12;
/// Elements per line of a 1-D integer tensor.
const LINEFEED_INT: usize = 24;
/// Width of a float element (`%15.8e`).
const FLOAT_WIDTH: usize = 15;
/// Decimals of a float element (`%15.8e`).
const FLOAT_PREC: usize = 8;
/// Width of a Float16 element (`%11.4e`).
const HALF_WIDTH: usize = 11;
/// Decimals of a Float16 element (`%11.4e`).
const HALF_PREC: usize = 4;
/// Width of a bool element (`False`).
const BOOL_WIDTH: usize = 5;

/// MindSpore's repr: `Tensor(shape=[..], dtype=Float32, value=...)`. `data` holds the elements in row-major
/// logical order (its length is the product of `shape`); `dtype_name` is e.g. "Float32", "Int32", "Bool".
/// The elements print by their kind: `True`/`False`, decimal integers, or `%g`/`%15.8e` floats.
///
/// ```
/// assert_eq!(
///     easy_mindspore::fmt::repr(&[2], "Int32", &[-1i32, 20]),
///     "Tensor(shape=[2], dtype=Int32, value= [-1, 20])"
/// );
/// ```
pub fn repr<T: Element>(shape: &[usize], dtype_name: &str, data: &[T]) -> String {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    let sep = if shape.len() >= 2 { "\n" } else { " " };
    format!(
        "Tensor(shape=[{}], dtype={dtype_name}, value={sep}{})",
        dims.join(", "),
        value_string(shape, data)
    )
}

/// C `%g` (6 significant digits) as C++ `ostream << double` prints it: "28", "1.5", "0.333333", "-0", "1e-08",
/// "1e+08", "123456", "1.23457e+06", "0.0001", "1e-05", "1e+06" (also for 999999.5), "nan", "inf", "-inf", "-nan".
pub fn format_g(v: f64) -> String {
    const PREC: i32 = 6;
    if !v.is_finite() {
        return non_finite(v).to_string();
    }
    if v == 0.0 {
        return if v.is_sign_negative() { "-0" } else { "0" }.to_string();
    }
    // Rounding to PREC significant digits first decides the exponent (999999.5 -> 1.00000e6).
    let sci = format!("{v:.prec$e}", prec = (PREC - 1) as usize);
    let (mantissa, exp) = split_exponent(&sci);
    // C rule: scientific when exp < -4 or exp >= precision, fixed otherwise.
    if (-4..PREC).contains(&exp) {
        let decimals = (PREC - 1 - exp).max(0) as usize;
        strip_fraction_zeros(&format!("{v:.decimals$}")).to_string()
    } else {
        c_exponent(strip_fraction_zeros(mantissa), exp)
    }
}

/// C `printf("%15.8e")`-style: width `width`, `prec` decimals, C exponent (sign and at least two digits),
/// right-aligned; nan/inf/-inf/-nan right-aligned too. e.g. format_e(0.0,15,8) == " 0.00000000e+00".
pub fn format_e(v: f64, width: usize, prec: usize) -> String {
    let body = if v.is_finite() {
        let sci = format!("{v:.prec$e}");
        let (mantissa, exp) = split_exponent(&sci);
        c_exponent(mantissa, exp)
    } else {
        non_finite(v).to_string()
    };
    format!("{body:>width$}")
}

/// `nan`, `-nan`, `inf` or `-inf` for a non-finite value (sign of NaN from its sign bit).
fn non_finite(v: f64) -> &'static str {
    match (v.is_nan(), v.is_sign_negative()) {
        (true, false) => "nan",
        (true, true) => "-nan",
        (false, false) => "inf",
        (false, true) => "-inf",
    }
}

/// Splits Rust's `{:e}` output ("1.5e-3") into mantissa and exponent.
fn split_exponent(sci: &str) -> (&str, i32) {
    match sci.split_once('e') {
        Some((mantissa, exp)) => (mantissa, exp.parse().unwrap_or(0)),
        None => (sci, 0),
    }
}

/// Joins a mantissa and an exponent in C form: sign always, at least two digits.
fn c_exponent(mantissa: &str, exp: i32) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mantissa}e{sign}{:02}", exp.unsigned_abs())
}

/// Drops trailing zeros of a fraction, then a dangling '.'; integers are left alone.
fn strip_fraction_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// The text after `value=` and its separator.
fn value_string<T: Element>(shape: &[usize], data: &[T]) -> String {
    if shape.is_empty() {
        return scalar_string(data);
    }
    if shape.contains(&0) {
        return String::new();
    }
    let mut strides = vec![1usize; shape.len()];
    for axis in (0..shape.len() - 1).rev() {
        strides[axis] = strides[axis + 1] * shape[axis + 1];
    }
    let one_d = shape.len() == 1;
    let is_int = int_path(T::DTYPE);
    let linefeed = if one_d && shape[0] > LINEFEED_MIN && shape[0] <= THRESHOLD_1D {
        Some(if is_int || T::DTYPE.is_complex() {
            LINEFEED_INT
        } else {
            LINEFEED_FLOAT
        })
    } else {
        None
    };
    let mut printer = Printer {
        shape,
        strides: &strides,
        threshold: if one_d { THRESHOLD_1D } else { THRESHOLD },
        linefeed,
        data,
        int_width: 0,
    };
    if is_int {
        let mut width = 0;
        printer.visit(0, 0, &mut |i| width = width.max(int_string(data, i).len()));
        printer.int_width = width;
    }
    let mut out = String::new();
    printer.render(&mut out, 0, 0);
    out
}

/// A 0-D tensor's value: `%g` for floats, plain decimal for ints, `True`/`False`.
fn scalar_string<T: Element>(data: &[T]) -> String {
    data.first()
        .map_or(String::new(), |&x| match T::DTYPE.kind() {
            Kind::Bool => bool_str(x.to_f64() != 0.0).to_string(),
            Kind::Int => int_text(x),
            Kind::Float => format_g(x.to_f64()),
            Kind::Complex => complex_text(x),
        })
}

/// A complex element as MindSpore prints it: both parts `%g`, the imaginary one's sign from its
/// sign bit (`0-0j`, `1-nanj`), then `j`: `1.5-2j`, `-0+0j`, `-inf+nanj`.
fn complex_text<T: Element>(x: T) -> String {
    let c = x.to_c128();
    let sign = if c.im.is_sign_negative() { '-' } else { '+' };
    format!("{}{sign}{}j", format_g(c.re), format_g(c.im.abs()))
}

/// True for the dtypes printed as integers are, right-aligned to the widest element: the
/// integers, and BFloat16 (MindSpore prints it through that path, with `%g` text).
fn int_path(d: DType) -> bool {
    d.kind() == Kind::Int || d == DType::BFloat16
}

/// The unpadded text of an element printed through the integer path: its decimal value (UInt64
/// as unsigned), or `%g` for BFloat16.
fn int_text<T: Element>(x: T) -> String {
    match T::DTYPE {
        DType::UInt64 => (x.to_i64() as u64).to_string(),
        DType::BFloat16 => format_g(x.to_f64()),
        _ => x.to_i64().to_string(),
    }
}

fn bool_str(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Unpadded decimal text of integer element `i` (empty for a missing element).
fn int_string<T: Element>(data: &[T], i: usize) -> String {
    data.get(i).map_or(String::new(), |&x| int_text(x))
}

/// Indices shown along an axis of length `len`; `None` marks the ellipsis.
fn axis_entries(len: usize, threshold: usize) -> Vec<Option<usize>> {
    if len > threshold {
        (0..EDGE)
            .map(Some)
            .chain(std::iter::once(None))
            .chain((len - EDGE..len).map(Some))
            .collect()
    } else {
        (0..len).map(Some).collect()
    }
}

/// Renders the nested brackets of a non-empty tensor with ndim >= 1.
struct Printer<'a, T> {
    shape: &'a [usize],
    strides: &'a [usize],
    threshold: usize,
    linefeed: Option<usize>,
    data: &'a [T],
    int_width: usize,
}

impl<T: Element> Printer<'_, T> {
    /// Calls `f` with the flat index of every element that is printed (elided ones are skipped).
    fn visit(&self, axis: usize, base: usize, f: &mut impl FnMut(usize)) {
        let stride = self.strides[axis];
        for i in axis_entries(self.shape[axis], self.threshold)
            .into_iter()
            .flatten()
        {
            if axis + 1 == self.shape.len() {
                f(base + i * stride);
            } else {
                self.visit(axis + 1, base + i * stride, f);
            }
        }
    }

    /// Appends the block of `axis` starting at flat index `base`.
    fn render(&self, out: &mut String, axis: usize, base: usize) {
        let stride = self.strides[axis];
        let entries = axis_entries(self.shape[axis], self.threshold);
        let innermost = axis + 1 == self.shape.len();
        out.push('[');
        for (k, entry) in entries.iter().enumerate() {
            let next_is_elem = entries.get(k + 1).is_some_and(Option::is_some);
            match (entry, innermost) {
                (Some(i), true) => {
                    out.push_str(&self.element(base + i * stride));
                    if next_is_elem {
                        out.push_str(", ");
                    }
                    if self.linefeed.is_some_and(|n| (i + 1) % n == 0) {
                        out.push_str("\n ");
                    }
                }
                (None, true) => out.push_str(" ... "),
                (Some(i), false) => {
                    self.render(out, axis + 1, base + i * stride);
                    if k + 1 < entries.len() {
                        out.push(',');
                    }
                }
                (None, false) => out.push_str("..."),
            }
            if !innermost && k + 1 < entries.len() {
                out.push('\n');
                out.push_str(&" ".repeat(axis + 1));
            }
        }
        out.push(']');
    }

    /// One padded element of a non-scalar tensor.
    fn element(&self, i: usize) -> String {
        let Some(&x) = self.data.get(i) else {
            return String::new();
        };
        match T::DTYPE {
            DType::Bool => format!("{:>BOOL_WIDTH$}", bool_str(x.to_f64() != 0.0)),
            DType::Int8
            | DType::Int16
            | DType::Int32
            | DType::Int64
            | DType::UInt8
            | DType::UInt16
            | DType::UInt32
            | DType::UInt64
            | DType::BFloat16 => format!("{:>w$}", int_text(x), w = self.int_width),
            DType::Float16 => format_e(x.to_f64(), HALF_WIDTH, HALF_PREC),
            DType::Float32 | DType::Float64 => format_e(x.to_f64(), FLOAT_WIDTH, FLOAT_PREC),
            DType::Complex64 | DType::Complex128 => complex_text(x),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f32s(n: usize) -> Vec<f32> {
        (0..n).map(|i| i as f32).collect()
    }

    fn i32s(n: usize) -> Vec<i32> {
        (0..n).map(|i| i as i32).collect()
    }

    // The element types of the literals below.
    fn bools(v: Vec<bool>) -> Vec<bool> {
        v
    }
    fn i32v(v: Vec<i32>) -> Vec<i32> {
        v
    }
    fn i64v(v: Vec<i64>) -> Vec<i64> {
        v
    }
    fn f32v(v: Vec<f32>) -> Vec<f32> {
        v
    }
    fn f64v(v: Vec<f64>) -> Vec<f64> {
        v
    }

    #[test]
    fn complex_prints_as_mindspore_2_10() {
        use crate::dtype::{C128, C64};
        // Measured with MindSpore 2.10 (`repr(Tensor(np.array([...], np.complex64)))`).
        let c = |re: f32, im: f32| C64::new(re, im);
        assert_eq!(
            repr(&[], "Complex64", &[c(1.5, -2.0)]),
            "Tensor(shape=[], dtype=Complex64, value= 1.5-2j)"
        );
        assert_eq!(
            repr(
                &[3],
                "Complex64",
                &[c(0.0, -0.0), c(-0.0, 0.0), c(2.0, -0.0)]
            ),
            "Tensor(shape=[3], dtype=Complex64, value= [0-0j, -0+0j, 2-0j])"
        );
        let nan = f32::NAN;
        assert_eq!(
            repr(
                &[3],
                "Complex64",
                &[c(nan, nan), c(f32::NEG_INFINITY, nan), c(1.0, -nan)]
            ),
            "Tensor(shape=[3], dtype=Complex64, value= [nan+nanj, -inf+nanj, 1-nanj])"
        );
        assert_eq!(
            repr(
                &[2],
                "Complex128",
                &[C128::new(123456789.0, 0.1), C128::new(1e-5, -1e5)]
            ),
            "Tensor(shape=[2], dtype=Complex128, value= [1.23457e+08+0.1j, 1e-05-100000j])"
        );
        assert_eq!(
            repr(&[2, 1, 1], "Complex64", &[c(1.0, 1.0), c(2.0, -2.0)]),
            "Tensor(shape=[2, 1, 1], dtype=Complex64, value=\n[[[1+1j]],\n [[2-2j]]])"
        );
        // 24 to a line, unpadded (the first imaginary part is -3·0 = -0: its sign bit prints).
        let v: Vec<C64> = (0..30)
            .map(|i| c(i as f32 * 1.5, -3.0 * i as f32))
            .collect();
        assert_eq!(
            repr(&[30], "Complex64", &v),
            "Tensor(shape=[30], dtype=Complex64, value= [0-0j, 1.5-3j, 3-6j, 4.5-9j, 6-12j, \
             7.5-15j, 9-18j, 10.5-21j, 12-24j, 13.5-27j, 15-30j, 16.5-33j, 18-36j, 19.5-39j, \
             21-42j, 22.5-45j, 24-48j, 25.5-51j, 27-54j, 28.5-57j, 30-60j, 31.5-63j, 33-66j, \
             34.5-69j, \n 36-72j, 37.5-75j, 39-78j, 40.5-81j, 42-84j, 43.5-87j])"
        );
        // Summarised: three at each end.
        let v: Vec<C64> = (0..2000).map(|i| c(i as f32, i as f32)).collect();
        assert_eq!(
            repr(&[2000], "Complex64", &v),
            "Tensor(shape=[2000], dtype=Complex64, value= [0+0j, 1+1j, 2+2j ... 1997+1997j, \
             1998+1998j, 1999+1999j])"
        );
        let v: Vec<C128> = (0..64).map(|i| C128::new(f64::from(i), 0.5)).collect();
        assert_eq!(
            repr(&[8, 8], "Complex128", &v),
            "Tensor(shape=[8, 8], dtype=Complex128, value=\n\
             [[0+0.5j, 1+0.5j, 2+0.5j ... 5+0.5j, 6+0.5j, 7+0.5j],\n \
             [8+0.5j, 9+0.5j, 10+0.5j ... 13+0.5j, 14+0.5j, 15+0.5j],\n \
             [16+0.5j, 17+0.5j, 18+0.5j ... 21+0.5j, 22+0.5j, 23+0.5j],\n \
             ...\n \
             [40+0.5j, 41+0.5j, 42+0.5j ... 45+0.5j, 46+0.5j, 47+0.5j],\n \
             [48+0.5j, 49+0.5j, 50+0.5j ... 53+0.5j, 54+0.5j, 55+0.5j],\n \
             [56+0.5j, 57+0.5j, 58+0.5j ... 61+0.5j, 62+0.5j, 63+0.5j]])"
        );
    }

    #[test]
    fn scalar_float_uses_g() {
        assert_eq!(
            repr(&[], "Float32", &f32v(vec![28.0])),
            "Tensor(shape=[], dtype=Float32, value= 28)"
        );
        assert_eq!(
            repr(&[], "Float64", &f64v(vec![1.0 / 3.0])),
            "Tensor(shape=[], dtype=Float64, value= 0.333333)"
        );
    }

    #[test]
    fn scalar_int_and_bool() {
        assert_eq!(
            repr(&[], "Int32", &i32v(vec![5])),
            "Tensor(shape=[], dtype=Int32, value= 5)"
        );
        assert_eq!(
            repr(&[], "Int64", &i64v(vec![-7])),
            "Tensor(shape=[], dtype=Int64, value= -7)"
        );
        assert_eq!(
            repr(&[], "Bool", &bools(vec![true])),
            "Tensor(shape=[], dtype=Bool, value= True)"
        );
        assert_eq!(
            repr(&[], "Bool", &bools(vec![false])),
            "Tensor(shape=[], dtype=Bool, value= False)"
        );
    }

    #[test]
    fn frame_1d_length_3_has_no_line_feed() {
        assert_eq!(
            repr(&[3], "Float32", &f32s(3)),
            "Tensor(shape=[3], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00])"
        );
    }

    #[test]
    fn frame_1d_length_4() {
        assert_eq!(
            repr(&[4], "Float32", &f32s(4)),
            "Tensor(shape=[4], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00,  3.00000000e+00])"
        );
        assert_eq!(
            repr(&[4], "Bool", &bools(vec![true; 4])),
            "Tensor(shape=[4], dtype=Bool, value= [ True,  True,  True,  True])"
        );
    }

    #[test]
    fn frame_2d_float() {
        assert_eq!(
            repr(&[2, 3], "Float32", &f32s(6)),
            "Tensor(shape=[2, 3], dtype=Float32, value=\n\
             [[ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00],\n \
             [ 3.00000000e+00,  4.00000000e+00,  5.00000000e+00]])"
        );
    }

    #[test]
    fn frame_2d_int() {
        assert_eq!(
            repr(&[3, 2], "Int32", &i32s(6)),
            "Tensor(shape=[3, 2], dtype=Int32, value=\n[[0, 1],\n [2, 3],\n [4, 5]])"
        );
    }

    #[test]
    fn frame_3d() {
        assert_eq!(
            repr(&[2, 2, 2], "Int32", &i32s(8)),
            "Tensor(shape=[2, 2, 2], dtype=Int32, value=\n[[[0, 1],\n  [2, 3]],\n [[4, 5],\n  [6, 7]]])"
        );
    }

    #[test]
    fn empty_tensors() {
        assert_eq!(
            repr(&[0], "Float32", &f32v(vec![])),
            "Tensor(shape=[0], dtype=Float32, value= )"
        );
        assert_eq!(
            repr(&[2, 0], "Float32", &f32v(vec![])),
            "Tensor(shape=[2, 0], dtype=Float32, value=\n)"
        );
    }

    #[test]
    fn g_fixed() {
        assert_eq!(format_g(28.0), "28");
        assert_eq!(format_g(1.5), "1.5");
        assert_eq!(format_g(1.0 / 3.0), "0.333333");
        assert_eq!(format_g(123456.0), "123456");
        assert_eq!(format_g(0.0001), "0.0001");
    }

    #[test]
    fn g_zero_signs() {
        assert_eq!(format_g(0.0), "0");
        assert_eq!(format_g(-0.0), "-0");
    }

    #[test]
    fn g_scientific() {
        assert_eq!(format_g(1e-8), "1e-08");
        assert_eq!(format_g(1e8), "1e+08");
        assert_eq!(format_g(1234567.0), "1.23457e+06");
        assert_eq!(format_g(1e-5), "1e-05");
        assert_eq!(format_g(1e6), "1e+06");
        assert_eq!(format_g(999999.5), "1e+06");
    }

    #[test]
    fn g_non_finite() {
        assert_eq!(format_g(f64::NAN), "nan");
        assert_eq!(format_g(-f64::NAN), "-nan");
        assert_eq!(format_g(f64::INFINITY), "inf");
        assert_eq!(format_g(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn e_basic() {
        assert_eq!(format_e(0.0, 15, 8), " 0.00000000e+00");
        assert_eq!(format_e(-1.5, 15, 8), "-1.50000000e+00");
        assert_eq!(format_e(-0.0, 15, 8), "-0.00000000e+00");
        assert_eq!(format_e(f64::from(1e-8f32), 15, 8), " 9.99999994e-09");
    }

    #[test]
    fn e_wide_values_not_truncated() {
        assert_eq!(format_e(1e100, 15, 8), "1.00000000e+100");
        assert_eq!(format_e(-1e-100, 15, 8), "-1.00000000e-100");
        assert_eq!(
            repr(&[2], "Float64", &f64v(vec![1e100, -1e-100])),
            "Tensor(shape=[2], dtype=Float64, value= [1.00000000e+100, -1.00000000e-100])"
        );
    }

    #[test]
    fn e_non_finite_right_aligned() {
        assert_eq!(format_e(f64::NAN, 15, 8), "            nan");
        assert_eq!(format_e(-f64::NAN, 15, 8), "           -nan");
        assert_eq!(format_e(f64::INFINITY, 15, 8), "            inf");
        assert_eq!(format_e(f64::NEG_INFINITY, 15, 8), "           -inf");
    }

    #[test]
    fn bool_width_5() {
        assert_eq!(
            repr(&[3], "Bool", &bools(vec![true, false, true])),
            "Tensor(shape=[3], dtype=Bool, value= [ True, False,  True])"
        );
    }

    #[test]
    fn int_width_is_widest_element() {
        assert_eq!(
            repr(&[3], "Int32", &i32v(vec![-1, 20, 300])),
            "Tensor(shape=[3], dtype=Int32, value= [ -1,  20, 300])"
        );
        assert_eq!(
            repr(&[2], "Int64", &i64v(vec![1_000_000_000_000, -5])),
            "Tensor(shape=[2], dtype=Int64, value= [1000000000000,            -5])"
        );
    }

    #[test]
    fn int_width_summarised_1001() {
        assert_eq!(
            repr(&[1001], "Int32", &i32s(1001)),
            "Tensor(shape=[1001], dtype=Int32, value= [   0,    1,    2 ...  998,  999, 1000])"
        );
    }

    #[test]
    fn int_width_ignores_elided_elements() {
        let mut v = vec![0i64; 1001];
        v[500] = -123_456_789;
        assert_eq!(
            repr(&[1001], "Int64", &i64v(v)),
            "Tensor(shape=[1001], dtype=Int64, value= [0, 0, 0 ... 0, 0, 0])"
        );
        let row = i32v(vec![0, 1, 2, 1000, 4, 5, 6]);
        assert_eq!(
            repr(&[1, 7], "Int32", &row),
            "Tensor(shape=[1, 7], dtype=Int32, value=\n[[0, 1, 2 ... 4, 5, 6]])"
        );
    }

    #[test]
    fn summarise_1d_float_1001() {
        assert_eq!(
            repr(&[1001], "Float32", &f32s(1001)),
            "Tensor(shape=[1001], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  \
             2.00000000e+00 ...  9.98000000e+02,  9.99000000e+02,  1.00000000e+03])"
        );
        assert_eq!(
            repr(&[1001], "Bool", &bools(vec![true; 1001])),
            "Tensor(shape=[1001], dtype=Bool, value= [ True,  True,  True ...  True,  True,  True])"
        );
    }

    #[test]
    fn no_summary_1d_at_1000() {
        // 1000 = 83 full lines of 12 plus 4; no trailing line feed since 1000 % 12 != 0.
        let line = format!("{}\n ", " True, ".repeat(12));
        let expected = format!(
            "Tensor(shape=[1000], dtype=Bool, value= [{} True,  True,  True,  True])",
            line.repeat(83)
        );
        assert_eq!(repr(&[1000], "Bool", &bools(vec![true; 1000])), expected);
    }

    #[test]
    fn last_axis_6_in_full() {
        assert_eq!(
            repr(&[2, 6], "Int32", &i32s(12)),
            "Tensor(shape=[2, 6], dtype=Int32, value=\n\
             [[ 0,  1,  2,  3,  4,  5],\n [ 6,  7,  8,  9, 10, 11]])"
        );
    }

    #[test]
    fn last_axis_7_summarised() {
        assert_eq!(
            repr(&[2, 7], "Float32", &f32s(14)),
            "Tensor(shape=[2, 7], dtype=Float32, value=\n\
             [[ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00 ...  \
             4.00000000e+00,  5.00000000e+00,  6.00000000e+00],\n \
             [ 7.00000000e+00,  8.00000000e+00,  9.00000000e+00 ...  \
             1.10000000e+01,  1.20000000e+01,  1.30000000e+01]])"
        );
    }

    #[test]
    fn outer_axis_6_in_full() {
        assert_eq!(
            repr(&[6, 1], "Int32", &i32s(6)),
            "Tensor(shape=[6, 1], dtype=Int32, value=\n[[0],\n [1],\n [2],\n [3],\n [4],\n [5]])"
        );
    }

    #[test]
    fn outer_axis_7x3_summarised() {
        assert_eq!(
            repr(&[7, 3], "Float32", &f32s(21)),
            "Tensor(shape=[7, 3], dtype=Float32, value=\n\
             [[ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00],\n \
             [ 3.00000000e+00,  4.00000000e+00,  5.00000000e+00],\n \
             [ 6.00000000e+00,  7.00000000e+00,  8.00000000e+00],\n \
             ...\n \
             [ 1.20000000e+01,  1.30000000e+01,  1.40000000e+01],\n \
             [ 1.50000000e+01,  1.60000000e+01,  1.70000000e+01],\n \
             [ 1.80000000e+01,  1.90000000e+01,  2.00000000e+01]])"
        );
    }

    #[test]
    fn outer_axis_3d_7x2x2() {
        assert_eq!(
            repr(&[7, 2, 2], "Int32", &i32s(28)),
            "Tensor(shape=[7, 2, 2], dtype=Int32, value=\n\
             [[[ 0,  1],\n  [ 2,  3]],\n \
             [[ 4,  5],\n  [ 6,  7]],\n \
             [[ 8,  9],\n  [10, 11]],\n \
             ...\n \
             [[16, 17],\n  [18, 19]],\n \
             [[20, 21],\n  [22, 23]],\n \
             [[24, 25],\n  [26, 27]]])"
        );
    }

    #[test]
    fn middle_axis_3d_summarised() {
        assert_eq!(
            repr(&[1, 7, 1], "Int32", &i32s(7)),
            "Tensor(shape=[1, 7, 1], dtype=Int32, value=\n\
             [[[0],\n  [1],\n  [2],\n  ...\n  [4],\n  [5],\n  [6]]])"
        );
    }

    #[test]
    fn line_feed_13_floats() {
        assert_eq!(
            repr(&[13], "Float32", &f32s(13)),
            "Tensor(shape=[13], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  \
             2.00000000e+00,  3.00000000e+00,  4.00000000e+00,  5.00000000e+00,  6.00000000e+00,  \
             7.00000000e+00,  8.00000000e+00,  9.00000000e+00,  1.00000000e+01,  1.10000000e+01, \n  \
             1.20000000e+01])"
        );
    }

    #[test]
    fn line_feed_12_floats_after_last() {
        assert_eq!(
            repr(&[12], "Float32", &f32s(12)),
            "Tensor(shape=[12], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  \
             2.00000000e+00,  3.00000000e+00,  4.00000000e+00,  5.00000000e+00,  6.00000000e+00,  \
             7.00000000e+00,  8.00000000e+00,  9.00000000e+00,  1.00000000e+01,  1.10000000e+01\n ])"
        );
    }

    #[test]
    fn line_feed_24_ints() {
        assert_eq!(
            repr(&[24], "Int32", &i32s(24)),
            "Tensor(shape=[24], dtype=Int32, value= [ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, \
             12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23\n ])"
        );
        assert_eq!(
            repr(&[25], "Int32", &i32s(25)),
            "Tensor(shape=[25], dtype=Int32, value= [ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, \
             12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, \n 24])"
        );
    }

    #[test]
    fn line_feed_12_bools() {
        assert_eq!(
            repr(&[12], "Bool", &bools(vec![true; 12])),
            "Tensor(shape=[12], dtype=Bool, value= [ True,  True,  True,  True,  True,  True,  \
             True,  True,  True,  True,  True,  True\n ])"
        );
    }
}
