"""Training UX callbacks for ``Model.train`` / ``Model.fit`` (not in MindSpore, which has no
progress bar or plots): ``ProgressBar`` (one line per epoch with steps, rate, ETA and the loss;
tqdm's bar when tqdm is installed, silent when the output is not a terminal) and ``PlotMonitor``
(loss and metric curves drawn with matplotlib into a directory the caller names), with the
function ``plot_curves`` it uses."""
import math
import os
import sys
import time

from ..._errors import DTypeError, ShapeError
from ._callback import Callback, _handle_loss

__all__ = ["ProgressBar", "PlotMonitor", "plot_curves"]


def _clock(seconds):
    """``H:MM:SS`` (or ``MM:SS`` under an hour) of a duration; ``?`` when unknown."""
    if seconds is None or not math.isfinite(seconds):
        return "?"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def _loss_value(outputs):
    """The loss of a step's outputs as a float, or None when it is not a number."""
    loss = _handle_loss(outputs)
    try:
        return float(loss.asnumpy()) if hasattr(loss, "asnumpy") else float(loss)
    except (TypeError, ValueError):
        return None


class ProgressBar(Callback):
    """Draws a progress bar per training epoch of ``Model.train`` / ``Model.fit``.

    The bar shows the steps done of the epoch, steps per second, the time left (ETA) and the
    running mean of the loss. With tqdm installed (and `use_tqdm` not False) it is tqdm's bar;
    otherwise one line redrawn in place (``\\r``), at most every `min_interval` seconds, ended
    by a newline when the epoch ends. When the output is not a terminal (a log file, a pipe, CI)
    nothing is printed. Not in MindSpore.

    Args:
        file (file object, optional): Where to draw; ``None`` is ``sys.stdout`` at the start of
            training. Default: ``None``.
        use_tqdm (bool, optional): ``True`` requires tqdm, ``False`` never uses it, ``None``
            uses it when installed. Default: ``None``.
        width (int, optional): The width of the fallback's bar, in characters. Default: ``24``.
        min_interval (float, optional): The least time between two redraws of the fallback, in
            seconds. Default: ``0.1``.

    Outputs:
        None: it draws; ``line()`` returns the fallback's current text.

    Raises:
        TypeError: `use_tqdm` not None or a bool.
        ValueError: `width` not a positive int, `min_interval` not a number >= 0.
        ImportError: ``use_tqdm=True`` without tqdm.

    Examples:
        >>> import io
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, ProgressBar
        >>> class Terminal(io.StringIO):
        ...     def isatty(self):
        ...         return True
        >>> net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
        >>> x = np.ones((4, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> screen = Terminal()
        >>> model.train(1, data, callbacks=[ProgressBar(file=screen, use_tqdm=False, width=8)])
        >>> print(screen.getvalue().split("\\r")[-1].strip())
        epoch 1/1  [########] 2/2  ...  loss 0.6800
    """

    def __init__(self, file=None, use_tqdm=None, width=24, min_interval=0.1):
        super().__init__()
        if use_tqdm not in (None, True, False):
            raise DTypeError(f"For 'ProgressBar', 'use_tqdm' must be None or a bool, but got {use_tqdm!r}")
        if isinstance(width, bool) or not isinstance(width, int) or width < 1:
            raise ShapeError(f"For 'ProgressBar', 'width' must be a positive int, but got {width!r}")
        if isinstance(min_interval, bool) or not isinstance(min_interval, (int, float)) \
                or not min_interval >= 0:
            raise ShapeError("For 'ProgressBar', 'min_interval' must be a number >= 0, but got "
                             f"{min_interval!r}")
        self._tqdm = None
        if use_tqdm is not False:
            try:
                from tqdm import tqdm
                self._tqdm = tqdm
            except ImportError:
                if use_tqdm:
                    raise
        self._file = file
        self._width = width
        self._min_interval = float(min_interval)
        self._out = None
        self._bar = None

    def on_train_begin(self, run_context):
        """Decides where to print: the file, if it is a terminal."""
        out = self._file if self._file is not None else sys.stdout
        isatty = getattr(out, "isatty", None)
        self._out = out if callable(isatty) and isatty() else None

    def on_train_epoch_begin(self, run_context):
        """Starts the epoch's bar."""
        cb = run_context.original_args()
        self._total = cb.get("batch_num") or None
        self._done, self._loss_sum, self._losses = 0, 0.0, 0
        self._start = self._last_draw = self._last_step = time.perf_counter()
        self._desc = f"epoch {cb.get('cur_epoch_num', 1)}/{cb.get('epoch_num', '?')}"
        if self._out is not None and self._tqdm is not None:
            self._bar = self._tqdm(total=self._total, desc=self._desc, unit="step",
                                   file=self._out, leave=True, dynamic_ncols=True)

    def on_train_step_end(self, run_context):
        """Counts the step and redraws."""
        if self._out is None:
            return
        cb = run_context.original_args()
        self._done += 1
        loss = _loss_value(cb.get("net_outputs"))
        if loss is not None:
            self._loss_sum += loss
            self._losses += 1
        if self._bar is not None:
            self._bar.update(1)
            if loss is not None:
                self._bar.set_postfix(loss=f"{self._loss_sum / self._losses:.4f}", refresh=False)
            return
        now = self._last_step = time.perf_counter()
        if now - self._last_draw >= self._min_interval or self._done == self._total:
            self._last_draw = now
            self._draw(now, end="")

    def on_train_epoch_end(self, run_context):
        """Closes the epoch's bar (its last state stays on screen)."""
        if self._out is None:
            return
        if self._bar is not None:
            self._bar.close()
            self._bar = None
            return
        # As of the last step: fit's evaluation, run before this, is not training time.
        self._draw(self._last_step, end="\n")

    def on_train_end(self, run_context):
        """Closes a bar a stopped epoch left open."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def line(self, now=None):
        """The fallback's text for the current state (what it draws)."""
        now = time.perf_counter() if now is None else now
        elapsed = max(now - self._start, 1e-9)
        rate = self._done / elapsed
        parts = [self._desc]
        if self._total:
            frac = min(self._done / self._total, 1.0)
            fill = int(frac * self._width)
            parts.append(f"[{'#' * fill}{'.' * (self._width - fill)}] {self._done}/{self._total}")
            left = (self._total - self._done) / rate if rate > 0 else None
            parts.append(f"{rate:.1f} step/s" if rate >= 1 or rate == 0 else f"{1 / rate:.2f} s/step")
            parts.append(f"ETA {_clock(left)}" if self._done < self._total else f"in {_clock(elapsed)}")
        else:
            parts.append(f"{self._done} steps")
            parts.append(f"{rate:.1f} step/s")
        if self._losses:
            parts.append(f"loss {self._loss_sum / self._losses:.4f}")
        return "  ".join(parts)

    def _draw(self, now, end):
        text = self.line(now)
        # Pad over the previous, possibly longer, line.
        pad = max(getattr(self, "_drawn", 0) - len(text), 0)
        self._drawn = 0 if end == "\n" else len(text)
        self._out.write("\r" + text + " " * pad + end)
        self._out.flush()


def _pyplot_free_figure(figsize):
    """A matplotlib Figure drawn by the Agg backend (no pyplot, no window, no global state)."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as e:
        raise ImportError("plotting needs matplotlib: pip install matplotlib") from e
    fig = Figure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig


def _check_directory(directory, who):
    if directory is None or not isinstance(directory, (str, os.PathLike)):
        raise DTypeError(f"For '{who}', 'directory' must be a path (str or os.PathLike) naming where "
                         f"to write the plots, but got {directory!r}")
    return os.fspath(directory)


def plot_curves(curves, directory, filename="curves.png", xlabel="epoch", title=None):
    """Draws training curves into a PNG file with matplotlib and returns its path.

    Each curve is drawn against x = 1, 2, ...; the curves whose name contains ``'loss'`` go on
    the left axis and every other curve (accuracy, metrics) on the right one. The directory is
    created when missing. Not in MindSpore.

    Args:
        curves (dict): Curve name -> list of numbers (not empty).
        directory (Union[str, os.PathLike]): The directory of the file (required).
        filename (str, optional): The file name, without a directory. Default: ``'curves.png'``.
        xlabel (str, optional): The label of the x axis. Default: ``'epoch'``.
        title (str, optional): The title of the plot. Default: ``None``.

    Returns:
        str, the path of the file written.

    Raises:
        TypeError: `directory` not a path, `curves` not a non-empty dict of lists of numbers.
        ValueError: `filename` empty or holding a directory.
        ImportError: matplotlib not installed.

    Examples:
        >>> import os, shutil, tempfile
        >>> from mindspore.train import plot_curves
        >>> out = tempfile.mkdtemp()
        >>> path = plot_curves({"loss": [1.0, 0.5, 0.3], "acc": [0.6, 0.8, 0.9]}, out)
        >>> print(os.path.basename(path), os.path.getsize(path) > 0)
        curves.png True
        >>> shutil.rmtree(out)
    """
    directory = _check_directory(directory, "plot_curves")
    if not isinstance(curves, dict) or not curves:
        raise DTypeError(f"For 'plot_curves', 'curves' must be a non-empty dict name -> list of numbers, "
                         f"but got {curves!r}")
    if not isinstance(filename, str) or not filename or os.sep in filename:
        raise ShapeError(f"For 'plot_curves', 'filename' must be a file name (no directory), but got "
                         f"{filename!r}")
    for name, ys in curves.items():
        if not isinstance(ys, (list, tuple)) or not all(
                isinstance(y, (int, float)) and not isinstance(y, bool) for y in ys):
            raise DTypeError(f"For 'plot_curves', curve {name!r} must be a list of numbers, but got {ys!r}")
    fig = _pyplot_free_figure((6.4, 4.0))
    ax = fig.add_subplot(1, 1, 1)
    losses = {n: ys for n, ys in curves.items() if "loss" in n.lower()}
    others = {n: ys for n, ys in curves.items() if n not in losses}
    lines = []
    for n, ys in (losses or others).items():
        lines += ax.plot(range(1, len(ys) + 1), ys, marker="o", markersize=3, label=n)
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss" if losses else "value")
    ax.grid(True, alpha=0.3)
    if losses and others:
        right = ax.twinx()
        colors = ["C3", "C2", "C4", "C5", "C6"]
        for i, (n, ys) in enumerate(others.items()):
            lines += right.plot(range(1, len(ys) + 1), ys, marker="s", markersize=3,
                                color=colors[i % len(colors)], label=n)
        right.set_ylabel("metric")
    ax.legend(lines, [ln.get_label() for ln in lines], loc="best")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, filename)
    fig.savefig(path, dpi=100)
    return path


class PlotMonitor(Callback):
    """Plots the training loss and the evaluation metrics per epoch into a PNG file.

    It records the mean training loss of each epoch (and, in ``Model.fit``, each evaluated
    epoch's metrics) and draws them with :func:`plot_curves` into ``directory/filename``: after
    every epoch with `per_epoch` (a live plot to reopen while training runs), else once when
    training ends. The directory is required: plots are never written into the current
    directory unasked. ``curves`` holds the recorded values, ``path`` the file. Not in MindSpore.

    Args:
        directory (Union[str, os.PathLike]): The directory of the plot (created when missing).
        filename (str, optional): The file name, without a directory.
            Default: ``'training.png'``.
        per_epoch (bool, optional): Whether to redraw after every epoch. Default: ``True``.

    Outputs:
        None: it writes the plot; ``curves`` maps each curve's name to its values.

    Raises:
        TypeError: `directory` not a path, `per_epoch` not a bool.
        ValueError: `filename` empty or holding a directory.
        ImportError: matplotlib not installed.

    Examples:
        >>> import os, shutil, tempfile
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> from mindspore.train import Model, PlotMonitor
        >>> net = nn.Dense(1, 1, weight_init='zeros', bias_init='zeros')
        >>> x = np.ones((4, 1), np.float32)
        >>> data = ms.dataset.NumpySlicesDataset((x, x), shuffle=False).batch(2)
        >>> model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.1))
        >>> out = tempfile.mkdtemp()
        >>> monitor = PlotMonitor(out, per_epoch=False)
        >>> model.train(2, data, callbacks=[monitor])
        >>> print([round(v, 4) for v in monitor.curves["train loss"]], os.listdir(out))
        [0.68, 0.0881] ['training.png']
        >>> shutil.rmtree(out)
    """

    def __init__(self, directory, filename="training.png", per_epoch=True):
        super().__init__()
        self.directory = _check_directory(directory, "PlotMonitor")
        if not isinstance(filename, str) or not filename or os.sep in filename:
            raise ShapeError(f"For 'PlotMonitor', 'filename' must be a file name (no directory), but "
                             f"got {filename!r}")
        if not isinstance(per_epoch, bool):
            raise DTypeError(f"For 'PlotMonitor', 'per_epoch' must be a bool, but got {per_epoch!r}")
        _pyplot_free_figure((1, 1))  # matplotlib must be there: fail now, not after an epoch
        self.filename, self.per_epoch = filename, per_epoch
        self.curves = {"train loss": []}
        self.path = os.path.join(self.directory, filename)

    def on_train_epoch_begin(self, run_context):
        """Starts the epoch's loss mean."""
        self._sum, self._n = 0.0, 0

    def on_train_step_end(self, run_context):
        """Adds the step's loss to the epoch's mean."""
        loss = _loss_value(run_context.original_args().get("net_outputs"))
        if loss is not None:
            self._sum += loss
            self._n += 1

    def on_train_epoch_end(self, run_context):
        """Records the epoch's values and redraws (with ``per_epoch``)."""
        cb = run_context.original_args()
        if self._n:
            self.curves["train loss"].append(self._sum / self._n)
        metrics = cb.get("metrics") or {}
        epochs = len(self.curves["train loss"])
        for name, value in metrics.items():
            try:
                v = float(value)
            except (TypeError, ValueError):
                continue
            ys = self.curves.setdefault(f"eval {name}" if "loss" not in name else name, [])
            # a metric first seen at a later epoch: earlier epochs are NaN (not drawn)
            ys.extend([float("nan")] * (epochs - 1 - len(ys)))
            ys.append(v)
        if self.per_epoch:
            self._draw()

    def on_train_end(self, run_context):
        """Draws the final curves."""
        self._draw()

    def _draw(self):
        curves = {n: ys for n, ys in self.curves.items() if ys}
        if curves:
            plot_curves(curves, self.directory, self.filename, title="training")
