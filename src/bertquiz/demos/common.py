"""What the demos share: the model and tokenizer they run on, seeding, example texts.

`model_dir()` is the shipped checkpoint unless `$BERTQUIZ_MODEL` (or `bertquiz demo --model`)
points at another one, e.g. a model retrained with `bertquiz model pretrain`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import BertForPreTraining, BertTokenizer


def model_dir() -> Path:
    override = os.environ.get("BERTQUIZ_MODEL")
    if override:
        return Path(override).expanduser()
    from bertquiz.tinybert.checkpoint import shipped_checkpoint_dir

    return shipped_checkpoint_dir()


@cache
def _load(path: str) -> tuple[BertForPreTraining, BertTokenizer]:
    from transformers import BertTokenizer

    from bertquiz.tinybert.checkpoint import load_model

    model = load_model(Path(path))
    tokenizer = BertTokenizer.from_pretrained(path)
    return model, tokenizer


def load() -> tuple[BertForPreTraining, BertTokenizer]:
    """The pre-trained tiny BERT (eval mode, float32, CPU) and its tokenizer, loaded once."""
    return _load(str(model_dir()))


def seed_everything(seed: int) -> Any:
    """Seed torch and Python; returns a torch.Generator seeded with `seed` for explicit draws."""
    import random

    import torch

    random.seed(seed)
    torch.manual_seed(seed)
    return torch.Generator().manual_seed(seed)


def pick(examples: dict[str, Any], lang: str) -> Any:
    """The example for `lang` (English when there is none)."""
    return examples.get(lang, examples["en"])


@contextmanager
def one_thread() -> Iterator[None]:
    """Run torch on one thread inside the block. The tiny BERT's matrices are so small that a
    second thread gains nothing, and when the other core is busy OpenMP's threads wait on each
    other: a forward pass took 0.5 s on two threads and 5 ms on one."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


# --- terminal views several demos share (plain characters, so they read with NO_COLOR too) ---

Cell = str | tuple[str, str]  # text, or (text, rich style)


class TokenGrid:
    """Rows of cells aligned by column, e.g. tokens over their ids over their mask, wrapped
    into blocks that fit the terminal: `TokenGrid([("token", toks), ("id", ids)])`."""

    def __init__(self, rows: list[tuple[str, list[Cell]]]) -> None:
        self.rows = [(label, [(c, "") if isinstance(c, str) else c for c in cells]) for label, cells in rows]

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.text import Text

        label_w = max(cell_len(label) for label, _ in self.rows) + 1
        n = max(len(cells) for _, cells in self.rows)
        widths = [max(cell_len(cells[j][0]) if j < len(cells) else 0 for _, cells in self.rows) for j in range(n)]
        start = 0
        while start < n:
            end, used = start, label_w
            while end < n and (end == start or used + widths[end] + 1 <= options.max_width):
                used += widths[end] + 1
                end += 1
            for label, cells in self.rows:
                line = Text(label + " " * (label_w - cell_len(label)), style="dim")
                for j in range(start, end):
                    text, style = cells[j] if j < len(cells) else ("", "")
                    line.append(text, style)
                    line.append(" " * (widths[j] - cell_len(text) + 1))
                line.rstrip()
                yield line
            start = end


SHADES = " ░▒▓█"  # five levels, lowest first


class Heatmap:
    """A matrix as shade characters: two per cell, or one when two do not fit the width; columns
    that still do not fit are cut (with a "…"). [lo, hi] is split into five equal bands, from
    blank to a full block (see `shade_legend`). Columns are numbered (mod 10) unless
    one-character `col_labels` are given."""

    def __init__(self, values: list[list[float]], row_labels: list[str], *, lo: float, hi: float, col_labels: list[str] | None = None) -> None:
        self.values, self.row_labels, self.lo, self.hi = values, row_labels, lo, hi
        self.col_labels = col_labels or [str(j % 10) for j in range(len(values[0]))]

    def _shade(self, v: float) -> str:
        if self.hi <= self.lo:
            return SHADES[0]
        return SHADES[min(len(SHADES) - 1, max(0, int((v - self.lo) / (self.hi - self.lo) * len(SHADES))))]

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.cells import cell_len
        from rich.text import Text

        label_w = max(cell_len(r) for r in self.row_labels) + 1
        n = len(self.col_labels)
        cell = 2 if label_w + 2 * n <= options.max_width else 1
        shown = min(n, max(1, (options.max_width - label_w - 1) // cell))
        cut = "…" if shown < n else ""
        yield Text(" " * label_w + "".join(c.ljust(cell) for c in self.col_labels[:shown]) + cut, style="dim")
        for label, row in zip(self.row_labels, self.values, strict=True):
            line = Text(label + " " * (label_w - cell_len(label)), style="dim")
            line.append("".join(self._shade(v) * cell for v in row[:shown]) + cut)
            yield line


def heatmap(values: list[list[float]], row_labels: list[str], *, lo: float, hi: float, col_labels: list[str] | None = None) -> Heatmap:
    return Heatmap(values, row_labels, lo=lo, hi=hi, col_labels=col_labels)


def shade_legend(lo: float, hi: float) -> str:
    """What each shade of `heatmap` stands for: "' ' < 0.2 ≤ ░ < 0.4 ≤ ▒ < 0.6 ≤ ▓ < 0.8 ≤ █"."""
    step = (hi - lo) / len(SHADES)
    parts = ["' '"]
    for i, s in enumerate(SHADES[1:], 1):
        parts.append(f"< {lo + i * step:.2g} ≤ {s}")
    return " ".join(parts)


__all__ = ["SHADES", "Heatmap", "TokenGrid", "heatmap", "load", "model_dir", "one_thread", "pick", "seed_everything", "shade_legend"]
