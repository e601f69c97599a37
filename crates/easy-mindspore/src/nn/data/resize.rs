//! Image resizing as MindSpore's `dataset.vision.Resize` computes it. MindSpore runs OpenCV's
//! `cv::resize`, so a UInt8 image resized here is the same, byte for byte, as MindSpore 2.10's
//! (checked on MindSpore's own outputs), and a Float32 one the same up to the order of float sums.
//!
//! An image is `[h, w, c]`, row-major (`c` = 1 for a grayscale `[h, w]` one). Bilinear, bicubic
//! and enlarging area resizing work in two passes, as OpenCV's generic resizer: each source row
//! is first interpolated along its width into a buffer, then each output row mixes buffered rows
//! (2 taps for bilinear, 4 for bicubic). A tap before the first or past the last pixel reads the
//! edge pixel. For UInt8 the weights are fixed point (`w·2048`, rounded half to even) and the
//! first pass sums `pixel·weight` exactly; the second pass is, for bilinear, OpenCV's vectorised
//! one (16 bits of each row, `row >> 4`, times the row weight keeping the high half, the two
//! added, two more bits rounded off) and, for bicubic, its Float32 one (`Σ row·weight/2048²`,
//! rounded half to even).
//!
//! - **Nearest** takes source pixel `floor(i·in/out)`.
//! - **Bilinear** samples source position `(i + 0.5)·in/out − 0.5`; along the width a position
//!   outside the image becomes the edge pixel, along the height its weights are kept and its
//!   rows clamped (which changes the rounding: both as OpenCV).
//! - **Bicubic** uses the same positions and Keys' cubic with `a = −0.75` on four taps.
//! - **Area**, shrinking along both axes, averages each output pixel's footprint: by an exact
//!   integer factor a plain mean (for a factor of 2 in UInt8, `(Σ + 2) >> 2`; else the sum
//!   times `1/area` rounded half to even), otherwise each source pixel weighted by its overlap;
//!   enlarging along an axis it is bilinear with the weights of OpenCV's area mode.

use super::room;
use crate::error::{Error, Result};

/// How pixels between the source's are made (MindSpore's `Inter` modes that OpenCV computes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpolation {
    /// The nearest pixel before the position (OpenCV's `INTER_NEAREST`).
    Nearest,
    /// Bilinear (OpenCV's `INTER_LINEAR`).
    Linear,
    /// Bicubic (OpenCV's `INTER_CUBIC`).
    Cubic,
    /// Pixel-area averaging (OpenCV's `INTER_AREA`).
    Area,
}

impl Interpolation {
    /// The mode of MindSpore's `Inter` value (`NEAREST` 0, `LINEAR` 2, `CUBIC` 3, `AREA` 4; the
    /// others, PIL's, are not OpenCV's).
    pub fn from_inter(value: u8) -> Option<Interpolation> {
        match value {
            0 => Some(Interpolation::Nearest),
            2 => Some(Interpolation::Linear),
            3 => Some(Interpolation::Cubic),
            4 => Some(Interpolation::Area),
            _ => None,
        }
    }
}

/// A weight of 1 in fixed point: OpenCV's `INTER_RESIZE_COEF_SCALE`.
const ONE: f32 = 2048.0;
/// Keys' cubic parameter in OpenCV.
const CUBIC_A: f32 = -0.75;

/// The taps of one axis: output `i` mixes sources `first[i] + k` (`k < taps`, each clamped into
/// the axis by the caller) with weights `weights[i·taps + k]`.
struct Axis {
    taps: usize,
    first: Vec<isize>,
    weights: Vec<f32>,
    /// The weights in OpenCV's fixed point (`saturate_cast<short>(w·2048)`: rounded half to
    /// even), for UInt8.
    fixed: Vec<i64>,
}

/// How an axis's positions are formed.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Linear,
    Cubic,
    /// Bilinear with OpenCV's area-mode fractions (`INTER_AREA` when enlarging).
    AreaLinear,
}

/// The four weights of Keys' cubic at fraction `x` (OpenCV's `interpolateCubic`).
fn cubic_weights(x: f32) -> [f32; 4] {
    let a = CUBIC_A;
    let c0 = ((a * (x + 1.0) - 5.0 * a) * (x + 1.0) + 8.0 * a) * (x + 1.0) - 4.0 * a;
    let c1 = ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0;
    let c2 = ((a + 2.0) * (1.0 - x) - (a + 3.0)) * (1.0 - x) * (1.0 - x) + 1.0;
    [c0, c1, c2, 1.0 - c0 - c1 - c2]
}

impl Axis {
    /// OpenCV's positions for `n_out` outputs from `n_in` sources, `scale` formed as OpenCV forms
    /// it (`1 / (out / in)`). With `clamp` (the width, not for bicubic) a bilinear position
    /// before the first or past the last pixel becomes that pixel, weight 1.
    fn new(n_in: usize, n_out: usize, mode: Mode, clamp: bool) -> Axis {
        let inv = n_out as f64 / n_in as f64;
        let scale = 1.0 / inv;
        let taps = if mode == Mode::Cubic { 4 } else { 2 };
        let mut first = Vec::with_capacity(n_out);
        let mut weights = Vec::with_capacity(n_out * taps);
        for i in 0..n_out {
            let (mut s, mut frac) = match mode {
                Mode::AreaLinear => {
                    let s = (i as f64 * scale).floor();
                    let f = ((i + 1) as f64 - (s + 1.0) * inv) as f32;
                    (s as f32, if f <= 0.0 { 0.0 } else { f - f.floor() })
                }
                _ => {
                    let f = ((i as f64 + 0.5) * scale - 0.5) as f32;
                    (f.floor(), f - f.floor())
                }
            };
            if clamp && mode != Mode::Cubic {
                if s < 0.0 {
                    (s, frac) = (0.0, 0.0);
                }
                if s >= (n_in - 1) as f32 {
                    (s, frac) = ((n_in - 1) as f32, 0.0);
                }
            }
            match mode {
                Mode::Cubic => {
                    first.push(s as isize - 1);
                    weights.extend(cubic_weights(frac));
                }
                _ => {
                    first.push(s as isize);
                    weights.extend([1.0 - frac, frac]);
                }
            }
        }
        let fixed = weights
            .iter()
            .map(|&w| (w * ONE).round_ties_even() as i64)
            .collect();
        Axis {
            taps,
            first,
            weights,
            fixed,
        }
    }
}

/// Checks the sizes of a resize and returns the element count of the output.
fn sizes(len: usize, [h, w, c]: [usize; 3], [oh, ow]: [usize; 2]) -> Result<usize> {
    let n = h.checked_mul(w).and_then(|n| n.checked_mul(c));
    if n != Some(len) {
        return Err(Error::invalid(
            "Resize",
            format!("the image holds {len} values, not {h}·{w}·{c}"),
        ));
    }
    if h == 0 || w == 0 || c == 0 || oh == 0 || ow == 0 {
        return Err(Error::invalid(
            "Resize",
            format!(
                "the sizes must be positive, got an image [{h}, {w}, {c}] resized to [{oh}, {ow}]"
            ),
        ));
    }
    oh.checked_mul(ow)
        .and_then(|n| n.checked_mul(c))
        .filter(|&n| n <= isize::MAX as usize / 8)
        .ok_or_else(|| {
            Error::invalid(
                "Resize",
                format!("the output [{oh}, {ow}, {c}] is too large"),
            )
        })
}

/// Index `i` clamped into `0..n`.
fn clamp(i: isize, n: usize) -> usize {
    i.clamp(0, n as isize - 1) as usize
}

/// A pixel type OpenCV resizes: how the two passes combine values and weights.
trait Pixel: Copy + Default {
    /// The first pass's values.
    type Acc: Copy + Default;
    /// A source row along the width: `Σ_k pixel[first + k]·w_k` per output column and channel.
    fn widen(row: &[Self], x: &Axis, c: usize, out: &mut Vec<Self::Acc>);
    /// The output values of two (bilinear) or four (bicubic) widened rows and their weights.
    fn mix(rows: &[&[Self::Acc]], y: &Axis, i: usize, out: &mut Vec<Self>);
    /// Whether this is UInt8 (whose 2 × 2 area mean OpenCV rounds its own way).
    const BYTE: bool;
    /// A mean of footprint values summed in `f32`, rounded as OpenCV saturates it.
    fn from_f32(v: f32) -> Self;
    fn to_f32(self) -> f32;
}

impl Pixel for u8 {
    type Acc = i64;
    const BYTE: bool = true;

    fn widen(row: &[u8], x: &Axis, c: usize, out: &mut Vec<i64>) {
        let w = row.len() / c;
        for (j, &f) in x.first.iter().enumerate() {
            let ws = &x.fixed[j * x.taps..][..x.taps];
            for k in 0..c {
                let s = ws
                    .iter()
                    .enumerate()
                    .map(|(t, &wt)| i64::from(row[clamp(f + t as isize, w) * c + k]) * wt);
                out.push(s.sum());
            }
        }
    }

    fn mix(rows: &[&[i64]], y: &Axis, i: usize, out: &mut Vec<u8>) {
        let fixed = &y.fixed[i * y.taps..][..y.taps];
        if rows.len() == 2 {
            // OpenCV's vectorised bilinear pass (`VResizeLinearVec_32s8u`).
            let hi = |v: i64, b: i64| ((v >> 4).clamp(-32768, 32767) * b) >> 16;
            for (&v0, &v1) in rows[0].iter().zip(rows[1]) {
                let t = hi(v0, fixed[0]) + hi(v1, fixed[1]);
                out.push(((t + 2) >> 2).clamp(0, 255) as u8);
            }
        } else {
            // OpenCV's vectorised bicubic pass (`VResizeCubicVec_32s8u`): in Float32, the
            // weights scaled back by 1/2048², summed as S0·b0 + (S1·b1 + (S2·b2 + S3·b3)).
            let b: Vec<f32> = fixed
                .iter()
                .map(|&b| b as f32 * (1.0 / (ONE * ONE)))
                .collect();
            let (r0, r1, r2, r3) = (rows[0], rows[1], rows[2], rows[3]);
            for (((&v0, &v1), &v2), &v3) in r0.iter().zip(r1).zip(r2).zip(r3) {
                let v = |x: i64, k: usize| x as f32 * b[k];
                let s = v(v0, 0) + (v(v1, 1) + (v(v2, 2) + v(v3, 3)));
                out.push(s.round_ties_even().clamp(0.0, 255.0) as u8);
            }
        }
    }

    fn from_f32(v: f32) -> u8 {
        v.round_ties_even().clamp(0.0, 255.0) as u8
    }

    fn to_f32(self) -> f32 {
        f32::from(self)
    }
}

impl Pixel for f32 {
    type Acc = f32;
    const BYTE: bool = false;

    fn widen(row: &[f32], x: &Axis, c: usize, out: &mut Vec<f32>) {
        let w = row.len() / c;
        for (j, &f) in x.first.iter().enumerate() {
            let ws = &x.weights[j * x.taps..][..x.taps];
            for k in 0..c {
                let mut s = 0.0;
                for (t, &wt) in ws.iter().enumerate() {
                    s += row[clamp(f + t as isize, w) * c + k] * wt;
                }
                out.push(s);
            }
        }
    }

    fn mix(rows: &[&[f32]], y: &Axis, i: usize, out: &mut Vec<f32>) {
        let b = &y.weights[i * y.taps..][..y.taps];
        if rows.len() == 2 {
            out.extend(
                rows[0]
                    .iter()
                    .zip(rows[1])
                    .map(|(&v0, &v1)| v0 * b[0] + v1 * b[1]),
            );
        } else {
            // OpenCV's vectorised order: S0·b0 + (S1·b1 + (S2·b2 + S3·b3)).
            out.extend((0..rows[0].len()).map(|j| {
                rows[0][j] * b[0] + (rows[1][j] * b[1] + (rows[2][j] * b[2] + rows[3][j] * b[3]))
            }));
        }
    }

    fn from_f32(v: f32) -> f32 {
        v
    }

    fn to_f32(self) -> f32 {
        self
    }
}

/// OpenCV's generic two-pass resizer (bilinear, bicubic, enlarging area).
fn two_pass<T: Pixel>(
    src: &[T],
    [h, w, c]: [usize; 3],
    [oh, ow]: [usize; 2],
    mode: Mode,
    n: usize,
) -> Result<Vec<T>> {
    let x = Axis::new(w, ow, mode, true);
    let y = Axis::new(h, oh, mode, false);
    let mut out = room(n, "Resize")?;
    // Widened rows, kept while consecutive output rows share them.
    let mut cache: Vec<(usize, Vec<T::Acc>)> = Vec::new();
    for i in 0..oh {
        let rows: Vec<usize> = (0..y.taps)
            .map(|k| clamp(y.first[i] + k as isize, h))
            .collect();
        cache.retain(|(r, _)| rows.contains(r));
        for &r in &rows {
            if cache.iter().all(|(have, _)| *have != r) {
                let mut buf = room(ow * c, "Resize")?;
                T::widen(&src[r * w * c..][..w * c], &x, c, &mut buf);
                cache.push((r, buf));
            }
        }
        let refs: Vec<&[T::Acc]> = rows
            .iter()
            .map(|r| {
                cache
                    .iter()
                    .find(|(have, _)| have == r)
                    .map_or(&[][..], |(_, b)| &b[..])
            })
            .collect();
        T::mix(&refs, &y, i, &mut out);
    }
    Ok(out)
}

/// The source row (or column) of nearest-neighbour output `i`: `min(floor(i·in/out), in − 1)`,
/// with OpenCV's `1 / (out / in)`.
fn nearest_index(i: usize, n_in: usize, n_out: usize) -> usize {
    let step = 1.0 / (n_out as f64 / n_in as f64);
    ((i as f64 * step).floor() as usize).min(n_in - 1)
}

/// Nearest-neighbour resizing.
fn nearest<T: Copy>(
    src: &[T],
    [h, w, c]: [usize; 3],
    [oh, ow]: [usize; 2],
    n: usize,
) -> Result<Vec<T>> {
    let mut out = room(n, "Resize")?;
    let cols: Vec<usize> = (0..ow).map(|j| nearest_index(j, w, ow)).collect();
    for i in 0..oh {
        let row = &src[nearest_index(i, h, oh) * w * c..][..w * c];
        for &x in &cols {
            out.extend_from_slice(&row[x * c..][..c]);
        }
    }
    Ok(out)
}

/// The exact integer factor of a shrinking axis (OpenCV's test: `1 / (out / in)` within
/// `f64::EPSILON` of an integer), if it has one.
fn integer_factor(n_in: usize, n_out: usize) -> Option<usize> {
    let scale = 1.0 / (n_out as f64 / n_in as f64);
    let k = scale.round();
    ((scale - k).abs() < f64::EPSILON).then_some(k as usize)
}

/// Shrinking by integer factors `fy × fx`: each output pixel the mean of its block (clipped at
/// the image's edge, where OpenCV divides by the pixels it found).
fn area_fast<T: Pixel>(
    src: &[T],
    [h, w, c]: [usize; 3],
    [oh, ow]: [usize; 2],
    (fy, fx): (usize, usize),
    n: usize,
) -> Result<Vec<T>> {
    let mut out = room(n, "Resize")?;
    let scale = 1.0 / (fx * fy) as f32;
    let twice = fx == 2 && fy == 2 && T::BYTE;
    for i in 0..oh {
        for j in 0..ow {
            for k in 0..c {
                let (mut sum, mut count) = (0.0f32, 0usize);
                for r in (i * fy..(i + 1) * fy).take_while(|&r| r < h) {
                    for x in (j * fx..(j + 1) * fx).take_while(|&x| x < w) {
                        sum += src[(r * w + x) * c + k].to_f32();
                        count += 1;
                    }
                }
                out.push(match (count == fx * fy, twice) {
                    // OpenCV's vectorised 2 × 2 mean of bytes.
                    (true, true) => T::from_f32(((sum as u32 + 2) >> 2) as f32),
                    (true, false) => T::from_f32(sum * scale),
                    (false, _) if count == 0 => T::default(),
                    (false, _) => T::from_f32(sum / count as f32),
                });
            }
        }
    }
    Ok(out)
}

/// One shrinking axis's area weights (OpenCV's `computeResizeAreaTab`): per output, the source
/// pixels it overlaps, each weighted by the overlap over the output's footprint.
fn area_table(n_in: usize, n_out: usize) -> Vec<(usize, usize, f32)> {
    let scale = 1.0 / (n_out as f64 / n_in as f64);
    let mut tab = Vec::new();
    for d in 0..n_out {
        let f1 = d as f64 * scale;
        let f2 = f1 + scale;
        let cell = scale.min(n_in as f64 - f1);
        let s2 = (f2.floor() as usize).min(n_in - 1);
        let s1 = (f1.ceil() as usize).min(s2);
        if s1 as f64 - f1 > 1e-3 {
            tab.push((d, s1 - 1, ((s1 as f64 - f1) / cell) as f32));
        }
        for s in s1..s2 {
            tab.push((d, s, (1.0 / cell) as f32));
        }
        if f2 - s2 as f64 > 1e-3 {
            tab.push((d, s2, ((f2 - s2 as f64).min(1.0).min(cell) / cell) as f32));
        }
    }
    tab
}

/// Shrinking by other factors: each output pixel the overlap-weighted sum of the source pixels
/// under its footprint, summed in `f32` row by row as OpenCV's `ResizeArea_Invoker`.
fn area_general<T: Pixel>(
    src: &[T],
    [_, w, c]: [usize; 3],
    [oh, ow]: [usize; 2],
    h: usize,
    n: usize,
) -> Result<Vec<T>> {
    let (xt, yt) = (area_table(w, ow), area_table(h, oh));
    let mut out: Vec<T> = room(n, "Resize")?;
    out.resize(n, T::default());
    // The row buffers, fallibly (a very wide output is the caller's request).
    let (mut sum, mut buf): (Vec<f32>, Vec<f32>) =
        (room(ow * c, "Resize")?, room(ow * c, "Resize")?);
    sum.resize(ow * c, 0.0);
    buf.resize(ow * c, 0.0);
    let mut prev = yt.first().map_or(0, |t| t.0);
    for &(dy, sy, beta) in &yt {
        buf.iter_mut().for_each(|b| *b = 0.0);
        let row = &src[sy * w * c..][..w * c];
        for &(dx, sx, alpha) in &xt {
            for k in 0..c {
                buf[dx * c + k] += row[sx * c + k].to_f32() * alpha;
            }
        }
        if dy != prev {
            for (o, s) in out[prev * ow * c..][..ow * c].iter_mut().zip(&sum) {
                *o = T::from_f32(*s);
            }
            sum.iter_mut().zip(&buf).for_each(|(s, &b)| *s = beta * b);
            prev = dy;
        } else {
            sum.iter_mut().zip(&buf).for_each(|(s, &b)| *s += beta * b);
        }
    }
    for (o, s) in out[prev * ow * c..][..ow * c].iter_mut().zip(&sum) {
        *o = T::from_f32(*s);
    }
    Ok(out)
}

/// `src` (`[h, w, c]`) resized to `[oh, ow, c]` as OpenCV's `cv::resize`.
fn resize<T: Pixel>(
    src: &[T],
    dims: [usize; 3],
    out: [usize; 2],
    how: Interpolation,
) -> Result<Vec<T>> {
    let n = sizes(src.len(), dims, out)?;
    let ([h, w, _], [oh, ow]) = (dims, out);
    let factors = (integer_factor(h, oh), integer_factor(w, ow));
    match how {
        Interpolation::Nearest => nearest(src, dims, out, n),
        // OpenCV takes a bilinear halving as an area one (the same values).
        Interpolation::Linear if factors == (Some(2), Some(2)) => {
            area_fast(src, dims, out, (2, 2), n)
        }
        Interpolation::Linear => two_pass(src, dims, out, Mode::Linear, n),
        Interpolation::Cubic => two_pass(src, dims, out, Mode::Cubic, n),
        Interpolation::Area if oh <= h && ow <= w => match factors {
            (Some(fy), Some(fx)) => area_fast(src, dims, out, (fy, fx), n),
            _ => area_general(src, dims, out, h, n),
        },
        Interpolation::Area => two_pass(src, dims, out, Mode::AreaLinear, n),
    }
}

/// A UInt8 image (`[h, w, c]`, row-major) resized to `[oh, ow, c]` as MindSpore's
/// `vision.Resize` (OpenCV's `cv::resize`), byte for byte.
pub fn resize_u8(
    src: &[u8],
    dims: [usize; 3],
    out: [usize; 2],
    how: Interpolation,
) -> Result<Vec<u8>> {
    resize(src, dims, out, how)
}

/// A Float32 image (`[h, w, c]`, row-major) resized to `[oh, ow, c]` as MindSpore's
/// `vision.Resize` (OpenCV's `cv::resize`).
pub fn resize_f32(
    src: &[f32],
    dims: [usize; 3],
    out: [usize; 2],
    how: Interpolation,
) -> Result<Vec<f32>> {
    resize(src, dims, out, how)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3 × 4 gradient doubled: OpenCV 4.10's `cv::resize` printed these rows (and MindSpore
    /// 2.10's `vision.Resize((6, 8))` the same).
    #[test]
    fn a_doubled_gradient_is_opencvs() {
        let src: Vec<u8> = (0..12).map(|i| (i * 20) as u8).collect();
        let got = resize_u8(&src, [3, 4, 1], [6, 8], Interpolation::Linear).unwrap();
        let want: [[u8; 8]; 6] = [
            [0, 5, 15, 25, 35, 45, 55, 60],
            [20, 25, 35, 45, 55, 65, 75, 80],
            [60, 65, 75, 85, 95, 105, 115, 120],
            [100, 105, 115, 125, 135, 145, 155, 160],
            [140, 145, 155, 165, 175, 185, 195, 200],
            [160, 165, 175, 185, 195, 205, 215, 220],
        ];
        assert_eq!(got, want.concat());
    }

    /// Pixels `(37·i + 11) mod 256` of a 5 × 7 × 3 image, shrunk in width and grown in height,
    /// and the reverse: MindSpore 2.10's `vision.Resize` bytes (the rounding of both passes).
    #[test]
    fn mindspores_bytes_both_ways() {
        let src: Vec<u8> = (0..105).map(|i| ((i * 37 + 11) % 256) as u8).collect();
        let got = resize_u8(&src, [5, 7, 3], [9, 4], Interpolation::Linear).unwrap();
        let want: [u8; 108] = [
            52, 89, 126, 215, 28, 65, 185, 222, 35, 123, 160, 197, 56, 92, 129, 218, 31, 68, 188,
            225, 38, 126, 163, 200, 61, 97, 135, 223, 36, 73, 193, 230, 43, 131, 168, 205, 65, 103,
            140, 228, 41, 78, 198, 235, 48, 136, 173, 139, 71, 108, 145, 233, 46, 83, 203, 240, 53,
            141, 178, 55, 75, 113, 150, 113, 51, 88, 208, 120, 58, 146, 183, 60, 81, 117, 155, 19,
            56, 93, 213, 26, 63, 151, 188, 65, 86, 122, 159, 24, 61, 98, 218, 31, 68, 156, 193, 70,
            88, 125, 162, 27, 64, 101, 221, 34, 71, 159, 196, 73,
        ];
        assert_eq!(got, want);
        let got = resize_u8(&src, [5, 7, 3], [3, 11], Interpolation::Linear).unwrap();
        let want: [u8; 99] = [
            14, 51, 88, 64, 101, 138, 135, 149, 186, 206, 56, 93, 183, 57, 94, 91, 128, 165, 161,
            198, 73, 162, 199, 50, 70, 107, 121, 117, 155, 191, 168, 205, 242, 29, 66, 103, 79,
            116, 153, 150, 164, 201, 221, 72, 109, 198, 72, 109, 106, 143, 180, 177, 214, 88, 177,
            214, 65, 85, 122, 136, 133, 170, 67, 183, 220, 1, 44, 81, 118, 94, 131, 168, 142, 179,
            216, 50, 86, 123, 50, 87, 124, 121, 158, 195, 191, 66, 103, 192, 43, 80, 100, 114, 151,
            147, 184, 82, 198, 235, 16,
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn nearest_takes_the_pixel_before() {
        let src: Vec<u8> = (0..6).collect();
        let got = resize_u8(&src, [2, 3, 1], [4, 2], Interpolation::Nearest).unwrap();
        assert_eq!(got, [0, 1, 0, 1, 3, 4, 3, 4]);
        let f: Vec<f32> = src.iter().map(|&v| f32::from(v)).collect();
        let got = resize_f32(&f, [2, 3, 1], [1, 3], Interpolation::Nearest).unwrap();
        assert_eq!(got, [0.0, 1.0, 2.0]);
    }

    #[test]
    fn float_images_interpolate_between_the_pixels() {
        let src = [0.0f32, 1.0, 2.0, 3.0];
        let got = resize_f32(&src, [1, 4, 1], [1, 8], Interpolation::Linear).unwrap();
        assert_eq!(got, [0.0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.0]);
        let same = resize_f32(&src, [2, 2, 1], [2, 2], Interpolation::Linear).unwrap();
        assert_eq!(same, src);
    }

    #[test]
    fn bad_sizes_are_errors() {
        let src = [0u8; 6];
        assert!(resize_u8(&src, [2, 2, 1], [2, 2], Interpolation::Linear).is_err());
        assert!(resize_u8(&src, [2, 3, 1], [0, 2], Interpolation::Linear).is_err());
        assert!(resize_u8(&src, [2, 3, 1], [usize::MAX, 2], Interpolation::Linear).is_err());
        assert!(resize_u8(&[], [0, 3, 1], [2, 2], Interpolation::Linear).is_err());
    }
}
