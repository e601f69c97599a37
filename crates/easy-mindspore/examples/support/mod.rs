//! What the training examples share: the `--plot DIR` flag, a progress bar on stderr (loss and
//! speed while an epoch runs), and loss/accuracy curves saved as PNG.
//!
//! The bar is drawn only when stderr is a terminal, so piped or captured output (tests, CI) is
//! exactly the examples' stdout. The PNGs are drawn with `plotters`' bitmap backend; its text
//! (title, axis names, tick values, legend) is rendered by `ab_glyph` from the DejaVu Sans font
//! bundled in `support/fonts/` (its licence beside it), so no system font library is needed to
//! build or run.

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

/// One curve: a name (its legend entry), a colour, and `(x, y)` points.
pub struct Curve {
    pub name: &'static str,
    pub color: RGBColor,
    pub points: Vec<(f64, f64)>,
}

/// One panel of a figure: its title, axis names and curves.
pub struct Panel {
    pub title: &'static str,
    pub x_name: &'static str,
    pub y_name: &'static str,
    pub curves: Vec<Curve>,
}

/// DejaVu Sans (Bitstream Vera licence, `fonts/LICENSE_DEJAVU`), as matplotlib ships it.
static FONT: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
/// The family name the figures' text uses (registered to [`FONT`]).
const FAMILY: &str = "sans-serif";

/// Registers the bundled font with plotters (once).
fn register_font() -> AnyResult<()> {
    static DONE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ok = *DONE
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err("the bundled font (fonts/DejaVuSans.ttf) could not be read".into())
    }
}

/// Saves `panels` side by side as `dir/name.png` and says where on stderr.
pub fn save_png(dir: &std::path::Path, name: &str, panels: &[Panel]) -> AnyResult<()> {
    register_font()?;
    let path = dir.join(format!("{name}.png"));
    {
        let width = 520 * panels.len().max(1) as u32;
        let root = BitMapBackend::new(&path, (width, 400)).into_drawing_area();
        root.fill(&WHITE)?;
        let areas = root.split_evenly((1, panels.len().max(1)));
        for (panel, area) in panels.iter().zip(&areas) {
            draw_panel(area, panel)?;
        }
        root.present()?;
    }
    eprintln!("curves saved to {}", path.display());
    Ok(())
}

/// A tick value with no more digits than it needs (`0.95`, `2.5`, `10`).
fn tick_label(v: &f64) -> String {
    let s = format!("{:.4}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.into()
    }
}

fn draw_panel(area: &DrawingArea<BitMapBackend, Shift>, panel: &Panel) -> AnyResult<()> {
    let finite = || {
        panel
            .curves
            .iter()
            .flat_map(|c| c.points.iter())
            .filter(|p| p.0.is_finite() && p.1.is_finite())
    };
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in finite() {
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
        .caption(panel.title, (FAMILY, 20))
        .margin(14)
        .x_label_area_size(44)
        .y_label_area_size(64)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    chart
        .configure_mesh()
        .x_desc(panel.x_name)
        .y_desc(panel.y_name)
        .label_style((FAMILY, 14))
        .axis_desc_style((FAMILY, 15))
        .x_label_formatter(&tick_label)
        .y_label_formatter(&tick_label)
        .bold_line_style(RGBColor(215, 215, 215))
        .light_line_style(RGBColor(240, 240, 240))
        .draw()?;
    for c in &panel.curves {
        let color = c.color;
        let points = c.points.iter().copied().filter(|p| p.1.is_finite());
        chart
            .draw_series(LineSeries::new(points, color.stroke_width(2)))?
            .label(c.name)
            .legend(move |(x, y)| PathElement::new([(x, y), (x + 24, y)], color.stroke_width(2)));
    }
    // Falling curves leave the upper right free, rising ones the lower right.
    let falling = panel
        .curves
        .iter()
        .all(|c| match (c.points.first(), c.points.last()) {
            (Some(a), Some(b)) => b.1 <= a.1,
            _ => true,
        });
    chart
        .configure_series_labels()
        .position(if falling {
            SeriesLabelPosition::UpperRight
        } else {
            SeriesLabelPosition::LowerRight
        })
        .label_font((FAMILY, 14))
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(160, 160, 160))
        .draw()?;
    Ok(())
}
