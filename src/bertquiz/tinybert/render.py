"""Rich views of the tiny BERT: the metrics table, the info table, the training progress bar.

Pure functions that return renderables (and one small Progress wrapper); the commands print them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from bertquiz.tinybert.checkpoint import Metrics


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def metrics_table(metrics: Metrics, title: str = "held-out evaluation") -> Table:
    """Model next to baseline, one row per figure."""
    table = Table(title=title, caption=f"{metrics['documents']} documents, {metrics['pairs']} pairs, {metrics['masked_tokens']} masked tokens")
    table.add_column("figure")
    table.add_column("tiny BERT", justify="right", style="bold")
    table.add_column("baseline", justify="right")
    table.add_column("baseline is", style="dim")
    table.add_row("MLM top-1", _pct(metrics["mlm_top1"]), _pct(metrics["baseline_mlm_top1"]), "the most frequent token")
    table.add_row("MLM top-5", _pct(metrics["mlm_top5"]), _pct(metrics["baseline_mlm_top5"]), "the 5 most frequent tokens")
    table.add_row("MLM loss (nats)", f"{metrics['mlm_loss']:.3f}", f"{metrics['baseline_mlm_loss']:.3f}", "unigram frequencies")
    table.add_row("NSP accuracy", _pct(metrics["nsp_accuracy"]), _pct(metrics["baseline_nsp_accuracy"]), "always the commoner label")
    return table


def info_table(info: Mapping[str, Any]) -> Table:
    """The checkpoint at a glance: where, how big, how trained, how good."""
    table = Table(title="tiny BERT", show_header=False)
    table.add_column("key", style="bold")
    table.add_column("value")
    c = info["config"]
    table.add_row("path", str(info["path"]))
    table.add_row("model", f"BertForPreTraining: L={c['num_layers']} H={c['hidden_size']} A={c['num_heads']} FF={c['intermediate_size']}, max length {c['max_len']}")
    table.add_row("parameters", f"{info['parameters']:,}")
    table.add_row("vocabulary", f"{info['vocab_size']:,} WordPieces")
    table.add_row("size on disk", f"{info['size_bytes'] / 1e6:.1f} MB")
    state = "finished" if info["finished"] else "unfinished (resume with --resume)"
    table.add_row("training", f"{info['step']:,} steps x {c['batch_size']} pairs, {info['tokens_seen']:,} tokens, {info['train_seconds'] / 60:.1f} min, {state}")
    match = "" if info["corpus_matches"] else "  [yellow](the corpus has changed since)[/]"
    table.add_row("corpus", f"sha256 {info['corpus_hash'][:16]}…{match}")
    m = info.get("metrics")
    if m:
        table.add_row(
            "held-out",
            f"MLM top-1 {_pct(m['mlm_top1'])} (baseline {_pct(m['baseline_mlm_top1'])}), top-5 {_pct(m['mlm_top5'])}, "
            f"NSP {_pct(m['nsp_accuracy'])} (chance {_pct(m['baseline_nsp_accuracy'])})",
        )
    return table


class TrainingProgress:
    """A Rich progress bar with the smoothed MLM loss, NSP loss and NSP accuracy; use as a context manager.

    When the console is not a terminal (a log file, `nohup`), a plain line every `log_every`
    steps takes the bar's place, so a long run leaves a readable record.
    """

    def __init__(self, steps: int, start: int = 0, console: Console | None = None, disable: bool = False, log_every: int = 100) -> None:
        self.console = console or Console(stderr=True)
        self.log_every = 0 if disable or self.console.is_terminal else log_every
        self.steps = steps
        self.progress = Progress(
            TextColumn("[bold]pre-training"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("MLM {task.fields[mlm]}  NSP {task.fields[nsp]}  acc {task.fields[acc]}  {task.fields[speed]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            disable=disable or bool(self.log_every),
        )
        self.task = self.progress.add_task("train", total=steps, completed=start, mlm="–", nsp="–", acc="–", speed="")

    def __enter__(self) -> TrainingProgress:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, report: Any) -> None:
        """Take a train.StepReport."""
        self.progress.update(
            self.task,
            completed=report.step,
            mlm=f"{report.mlm_loss:.3f}",
            nsp=f"{report.nsp_loss:.3f}",
            acc=_pct(report.nsp_accuracy),
            speed=f"{report.tokens_per_second:,.0f} tok/s",
        )
        if self.log_every and (report.step % self.log_every == 0 or report.step == self.steps):
            self.console.print(
                f"step {report.step}/{self.steps}  MLM {report.mlm_loss:.3f}  NSP {report.nsp_loss:.3f}  acc {_pct(report.nsp_accuracy)}  "
                f"lr {report.lr:.2e}  {report.tokens_per_second:,.0f} tok/s",
                highlight=False,
                soft_wrap=True,
            )


__all__ = ["TrainingProgress", "info_table", "metrics_table"]
