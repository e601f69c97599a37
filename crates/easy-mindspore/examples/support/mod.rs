//! What the training examples share: the `--plot DIR` flag, a progress bar on stderr (loss and
//! speed while an epoch runs), and loss/accuracy curves saved as PNG.
//!
//! The bar is drawn only when stderr is a terminal, so piped or captured output (tests, CI) is
//! exactly the examples' stdout. The PNGs are drawn with `plotters`' bitmap backend without any
//! font feature (no system font library is needed to build or run): plotters cannot draw text
//! that way, so titles and tick values are drawn here with a built-in 3×5 pixel font.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::error::Error;
use std::path::PathBuf;

/// Any error of an example (the engine's, plotting's, or a bad flag).
pub type AnyResult<T> = Result<T, Box<dyn Error>>;

/// The directory of `--plot DIR` (or `--plot=DIR`), default `target/plots`, created if missing.
pub fn plot_dir() -> AnyResult<PathBuf> {
    let mut dir = PathBuf::from("target/plots");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--plot" {
            dir = args.next().ok_or("--plot needs a directory")?.into();
        } else if let Some(d) = a.strip_prefix("--plot=") {
            dir = d.into();
        } else {
            return Err(format!("unknown argument {a:?} (usage: [--plot DIR])").into());
        }
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A progress bar over every batch of a training run, on stderr: the epoch, the running mean
/// loss of the epoch, and the speed in samples per second.
pub struct Progress {
    bar: ProgressBar,
    epochs: u64,
}

impl Progress {
    /// A bar for `epochs` epochs of `batches` batches of (about) `batch_size` samples each.
    pub fn new(name: &str, epochs: u64, batches: usize, batch_size: usize) -> Progress {
        let per_batch = batch_size as f64;
        let style =
            ProgressStyle::with_template("{prefix:>8} [{bar:24}] {msg} · {speed} · {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key(
                    "speed",
                    move |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{:.0} samples/s", s.per_sec() * per_batch);
                    },
                )
                .progress_chars("=> ");
        let bar = ProgressBar::new(epochs * batches as u64).with_style(style);
        bar.set_prefix(name.to_string());
        Progress { bar, epochs }
    }

    /// One batch done; `mean_loss` is the mean loss of the epoch so far.
    pub fn batch(&self, epoch: u64, mean_loss: f64) {
        self.bar.set_message(format!(
            "epoch {}/{} loss {mean_loss:.4}",
            epoch + 1,
            self.epochs
        ));
        self.bar.inc(1);
    }

    /// Prints a line on stdout without tearing the bar.
    pub fn println(&self, line: &str) {
        self.bar.suspend(|| println!("{line}"));
    }

    /// Leaves the final state of the bar on the terminal.
    pub fn finish(&self) {
        self.bar.finish();
    }
}

/// One curve: a name (drawn as the panel title with its colour), a colour, and `(x, y)` points.
pub struct Curve {
    pub name: &'static str,
    pub color: RGBColor,
    pub points: Vec<(f64, f64)>,
}

/// One panel of a figure: its curves and the x-axis name.
pub struct Panel {
    pub x_name: &'static str,
    pub curves: Vec<Curve>,
}

/// Saves `panels` side by side as `dir/name.png` and says where on stderr.
pub fn save_png(dir: &std::path::Path, name: &str, panels: &[Panel]) -> AnyResult<()> {
    let path = dir.join(format!("{name}.png"));
    {
        let width = 480 * panels.len().max(1) as u32;
        let root = BitMapBackend::new(&path, (width, 360)).into_drawing_area();
        root.fill(&WHITE)?;
        let areas = root.split_evenly((1, panels.len().max(1)));
        for (panel, area) in panels.iter().zip(&areas) {
            draw_panel(&root, area, panel)?;
        }
        root.present()?;
    }
    eprintln!("curves saved to {}", path.display());
    Ok(())
}

/// Tick values: about five round numbers covering `lo..=hi`.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut v = Vec::new();
    let mut t = (lo / step).ceil() * step;
    while t <= hi + step * 1e-9 {
        v.push(t);
        t += step;
    }
    v
}

/// A tick value with as few digits as its step needs (`0.95` for a step of 0.05, `2.5` for 2.5).
fn tick_label(v: f64, step: f64) -> String {
    let mut decimals = (-step.log10() - 1e-9).ceil().max(0.0) as i32;
    if (step * 10f64.powi(decimals)).fract().abs() > 1e-6 {
        decimals += 1;
    }
    let v = if v.abs() < step * 1e-6 { 0.0 } else { v };
    format!("{:.*}", decimals.min(6) as usize, v)
}

fn draw_panel(
    root: &DrawingArea<BitMapBackend, Shift>,
    area: &DrawingArea<BitMapBackend, Shift>,
    panel: &Panel,
) -> AnyResult<()> {
    let all = panel.curves.iter().flat_map(|c| c.points.iter());
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in all.filter(|p| p.1.is_finite()) {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    if x0 > x1 {
        return Ok(()); // nothing to draw
    }
    if x1 - x0 < 1e-12 {
        x1 = x0 + 1.0;
    }
    let pad = ((y1 - y0) * 0.05).max(1e-6);
    let (y0, y1) = (y0 - pad, y1 + pad);
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .margin_top(30)
        .set_label_area_size(LabelAreaPosition::Left, 44)
        .set_label_area_size(LabelAreaPosition::Bottom, 28)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    let grid = RGBColor(225, 225, 225);
    let (xt, yt) = (ticks(x0, x1), ticks(y0, y1));
    for &x in &xt {
        chart.draw_series(LineSeries::new([(x, y0), (x, y1)], grid))?;
    }
    for &y in &yt {
        chart.draw_series(LineSeries::new([(x0, y), (x1, y)], grid))?;
    }
    for c in &panel.curves {
        chart.draw_series(LineSeries::new(c.points.clone(), c.color.stroke_width(2)))?;
    }
    let (tl, br) = (
        chart.backend_coord(&(x0, y1)),
        chart.backend_coord(&(x1, y0)),
    );
    root.draw(&Rectangle::new([tl, br], BLACK))?;
    let xstep = xt.get(1).map_or(1.0, |b| b - xt[0]);
    let ystep = yt.get(1).map_or(1.0, |b| b - yt[0]);
    for &x in &xt {
        let (px, py) = chart.backend_coord(&(x, y0));
        root.draw(&PathElement::new([(px, py), (px, py + 4)], BLACK))?;
        let s = tick_label(x, xstep);
        draw_text(root, &s, (px - text_width(&s) / 2, py + 8), BLACK)?;
    }
    for &y in &yt {
        let (px, py) = chart.backend_coord(&(x0, y));
        root.draw(&PathElement::new([(px - 4, py), (px, py)], BLACK))?;
        let s = tick_label(y, ystep);
        draw_text(root, &s, (px - 8 - text_width(&s), py - 2 * SCALE), BLACK)?;
    }
    let (ax, ay) = (area.get_base_pixel(), area.dim_in_pixel());
    let x_name = panel.x_name.to_uppercase();
    draw_text(
        root,
        &x_name,
        (
            (tl.0 + br.0) / 2 - text_width(&x_name) / 2,
            ax.1 + ay.1 as i32 - 14,
        ),
        BLACK,
    )?;
    // The title names each curve in its own colour.
    let mut x = tl.0;
    for (i, c) in panel.curves.iter().enumerate() {
        let name = if i + 1 < panel.curves.len() {
            format!("{} / ", c.name.to_uppercase())
        } else {
            c.name.to_uppercase()
        };
        draw_text(root, &name, (x, ax.1 + 10), c.color)?;
        x += text_width(&name);
    }
    Ok(())
}

/// Pixels per font dot.
const SCALE: i32 = 2;

/// The 3×5 glyphs, rows top to bottom, `#` for a dot (our own design; unknown characters are
/// blank).
fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "# #", "# #", "# #", "###"],
        '1' => [" # ", "## ", " # ", " # ", "###"],
        '2' => ["###", "  #", "###", "#  ", "###"],
        '3' => ["###", "  #", " ##", "  #", "###"],
        '4' => ["# #", "# #", "###", "  #", "  #"],
        '5' => ["###", "#  ", "###", "  #", "###"],
        '6' => ["###", "#  ", "###", "# #", "###"],
        '7' => ["###", "  #", "  #", " # ", " # "],
        '8' => ["###", "# #", "###", "# #", "###"],
        '9' => ["###", "# #", "###", "  #", "###"],
        '.' => ["   ", "   ", "   ", "   ", " # "],
        '-' => ["   ", "   ", "###", "   ", "   "],
        '/' => ["  #", "  #", " # ", "#  ", "#  "],
        '(' => [" # ", "#  ", "#  ", "#  ", " # "],
        ')' => [" # ", "  #", "  #", "  #", " # "],
        'A' => [" # ", "# #", "###", "# #", "# #"],
        'B' => ["## ", "# #", "## ", "# #", "## "],
        'C' => [" ##", "#  ", "#  ", "#  ", " ##"],
        'D' => ["## ", "# #", "# #", "# #", "## "],
        'E' => ["###", "#  ", "## ", "#  ", "###"],
        'F' => ["###", "#  ", "## ", "#  ", "#  "],
        'G' => [" ##", "#  ", "# #", "# #", " ##"],
        'H' => ["# #", "# #", "###", "# #", "# #"],
        'I' => ["###", " # ", " # ", " # ", "###"],
        'L' => ["#  ", "#  ", "#  ", "#  ", "###"],
        'M' => ["# #", "###", "###", "# #", "# #"],
        'N' => ["## ", "# #", "# #", "# #", "# #"],
        'O' => [" # ", "# #", "# #", "# #", " # "],
        'P' => ["## ", "# #", "## ", "#  ", "#  "],
        'R' => ["## ", "# #", "## ", "# #", "# #"],
        'S' => [" ##", "#  ", " # ", "  #", "## "],
        'T' => ["###", " # ", " # ", " # ", " # "],
        'U' => ["# #", "# #", "# #", "# #", "###"],
        'X' => ["# #", "# #", " # ", "# #", "# #"],
        'Y' => ["# #", "# #", " # ", " # ", " # "],
        _ => ["   "; 5],
    }
}

fn text_width(s: &str) -> i32 {
    s.chars().count() as i32 * 4 * SCALE
}

/// Draws `s` with its top-left corner at `at` (backend pixels).
fn draw_text(
    root: &DrawingArea<BitMapBackend, Shift>,
    s: &str,
    at: (i32, i32),
    color: RGBColor,
) -> AnyResult<()> {
    for (i, c) in s.chars().enumerate() {
        let left = at.0 + i as i32 * 4 * SCALE;
        for (r, row) in glyph(c).iter().enumerate() {
            for (col, dot) in row.chars().enumerate() {
                if dot == '#' {
                    let (x, y) = (left + col as i32 * SCALE, at.1 + r as i32 * SCALE);
                    root.draw(&Rectangle::new(
                        [(x, y), (x + SCALE - 1, y + SCALE - 1)],
                        color.filled(),
                    ))?;
                }
            }
        }
    }
    Ok(())
}
