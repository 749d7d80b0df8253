"""What the fine-tuning demos (cls, token, qa, features) share: the labelled sets in
`corpus/tasks/<lang>/`, the held-out split, copies of the pre-trained encoder to put new heads
on, one training loop (with a live loss line on the terminal) and a block plot of the loss.

The loop is nanoGPT's: AdamW, linear warmup then linear decay, gradient clipping, one
mini-batch per step, the loss logged every step. Each demo says how a batch becomes a loss.

Importing this module is cheap; torch and transformers are imported inside the functions.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from bertquiz.demos.common import load

LANGS = ("en", "ru", "zh")
HELDOUT_EVERY = 5  # every 5th row of each file is held out (never trained on): 80 / 20


# -----------------------------------------------------------------------------
# data


def task_rows(name: str) -> list[dict[str, Any]]:
    """Every row of `corpus/tasks/<lang>/<name>.jsonl`, all three languages, each with its
    `lang` and `heldout` (True for the 5th, 10th, 15th, ... line of its file) added.

    Raises:
        BertquizError: a file is missing or a line is not JSON.
    """
    from bertquiz.errors import BertquizError
    from bertquiz.paths import corpus_dir

    rows = []
    for lang in LANGS:
        path = corpus_dir() / "tasks" / lang / f"{name}.jsonl"
        if not path.is_file():
            raise BertquizError(f"the labelled set {path} is missing")
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for i, line in enumerate(lines):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise BertquizError(f"{path}, line {i + 1}: not valid JSON ({e})") from None
            rows.append({**row, "lang": lang, "heldout": i % HELDOUT_EVERY == HELDOUT_EVERY - 1})
    return rows


def split(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(train, held-out)."""
    return [r for r in rows if not r["heldout"]], [r for r in rows if r["heldout"]]


def sizes(rows: list[dict[str, Any]], count: Callable[[dict[str, Any]], int] = lambda r: 1) -> dict[str, dict[str, int]]:
    """{lang: {"train": n, "heldout": n}}, counting each row as `count(row)` examples."""
    out = {lang: {"train": 0, "heldout": 0} for lang in LANGS}
    for r in rows:
        out[r["lang"]]["heldout" if r["heldout"] else "train"] += count(r)
    return out


# -----------------------------------------------------------------------------
# the model: the pre-trained encoder with a new head


def task_model(name: str, **config: Any) -> tuple[Any, Any]:
    """The transformers model class `name` (BertForTokenClassification, BertForQuestionAnswering,
    ...) and the tokenizer. The encoder's weights are a copy of the pre-trained tiny BERT's (the
    cached model is left as it is); the head is new, initialised from torch's generator, so seed
    first. `config` sets fields of the BertConfig (num_labels, ...)."""
    import copy

    import transformers

    pretrained, tokenizer = load()
    bert_config = copy.deepcopy(pretrained.config)
    for key, value in config.items():
        setattr(bert_config, key, value)
    model = getattr(transformers, name)(bert_config)  # every weight random for now
    _copy_encoder(pretrained.bert, model.bert)
    return model, tokenizer


def pretrained_encoder() -> tuple[Any, Any]:
    """A copy of the pre-trained encoder alone (a transformers BertModel: embeddings and layers,
    no pooler), and the tokenizer."""
    from transformers import BertModel

    pretrained, tokenizer = load()
    # the pre-trained config has no dropout; the paper's 0.1 for fine-tuning was measured worse
    # here (cls held-out 92.4 / 93.1 / 91.7 % for seeds 0-2 against 95.1 / 95.1 / 93.8 % without)
    encoder = BertModel(pretrained.config, add_pooling_layer=False)
    _copy_encoder(pretrained.bert, encoder)
    return encoder, tokenizer


def _copy_encoder(source: Any, target: Any) -> None:
    # a model without a pooler (add_pooling_layer=False) leaves the pooler's weights over; nothing else may differ
    missing, unexpected = target.load_state_dict(source.state_dict(), strict=False)
    assert not missing and all(k.startswith("pooler.") for k in unexpected), (missing, unexpected)


def count_parameters(model: Any, *, trainable: bool = True) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable)


# -----------------------------------------------------------------------------
# training


@dataclass
class TrainConfig:
    """How a demo fine-tunes; each demo sets its own (see its CONFIG)."""

    steps: int = 120  # what fits in ~15-20 s on 2 busy CPU cores
    batch_size: int = 16  # the paper's smaller choice (16 or 32)
    # 20-50x the paper's 2e-5..5e-5: a 4-layer H=192 model fine-tuned for ~100 steps needs
    # bigger updates (measured: 3e-4 and 5e-4 left it far behind 1e-3 after 120 steps)
    lr: float = 1e-3
    warmup_steps: int = 12  # linear warmup over the first 10%, then linear decay to 0
    weight_decay: float = 0.01
    grad_clip: float = 1.0

    def lr_at(self, step: int) -> float:
        if step < self.warmup_steps:
            return self.lr * (step + 1) / self.warmup_steps
        return self.lr * max(0.0, self.steps - step) / max(1, self.steps - self.warmup_steps)


def _batches(n: int, size: int, generator: Any):
    """Shuffled index batches, epoch after epoch (a short last batch is skipped)."""
    import torch

    while True:
        order = torch.randperm(n, generator=generator).tolist()
        for i in range(0, n - size + 1, size):
            yield order[i : i + size]


def train(
    model: Any,
    examples: Sequence[Any],
    batch_loss: Callable[[list[Any]], Any],
    config: TrainConfig,
    *,
    seed: int,
    title: str = "",
) -> dict[str, Any]:
    """Train the parameters of `model` that require grad on `examples`; `batch_loss(batch)`
    turns a list of examples into a scalar loss. Leaves the model in eval mode.

    Returns {"losses": [loss at each step], "seconds": wall time, "epochs": passes over the data}.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)  # the order of the batches
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=config.lr, weight_decay=config.weight_decay)
    batches = _batches(len(examples), min(config.batch_size, len(examples)), generator)
    losses: list[float] = []
    model.train()  # dropout on
    t0 = time.perf_counter()
    with _LiveLoss(title, config.steps) as live:
        for step in range(config.steps):
            for group in optimizer.param_groups:
                group["lr"] = config.lr_at(step)
            loss = batch_loss([examples[i] for i in next(batches)])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, config.grad_clip)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            losses.append(loss.item())
            live.update(losses)
    model.eval()
    return {"losses": losses, "seconds": time.perf_counter() - t0, "epochs": config.steps * config.batch_size / len(examples)}


def training_report(model: Any, head: Any, log: dict[str, Any]) -> dict[str, Any]:
    """The part of a fine-tuning demo's result that `loss_view` and the parameter counts read:
    parameters (all, and the new head's), the loss at each step, epochs, training seconds."""
    return {
        "parameters": {"total": count_parameters(model, trainable=False), "head": count_parameters(head)},
        "losses": log["losses"],
        "epochs": log["epochs"],
        "train_seconds": log["seconds"],
    }


class _LiveLoss:
    """The line the user watches while a demo trains: step, loss, a sparkline of the loss so
    far. On stderr, gone when training ends (it sits inside the runner's spinner)."""

    def __init__(self, title: str, steps: int) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from bertquiz.ui.console import err

        self.progress = Progress(
            TextColumn(title),
            BarColumn(bar_width=20),
            MofNCompleteColumn(),
            TextColumn("loss {task.fields[loss]} {task.fields[curve]}"),
            TimeElapsedColumn(),
            console=err(),
            transient=True,
        )
        self.task = self.progress.add_task(title, total=steps, loss="…", curve="")

    def __enter__(self) -> _LiveLoss:
        if self.progress.console.is_terminal:  # nothing to watch in a log file or a pipe
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def update(self, losses: list[float]) -> None:
        self.progress.update(self.task, completed=len(losses), loss=f"{losses[-1]:.3f}", curve=sparkline(losses, 20))


# -----------------------------------------------------------------------------
# terminal views (plain characters, so they read with NO_COLOR too)

BLOCKS = " ▁▂▃▄▅▆▇█"  # 0..8 eighths of a cell


def _columns(values: Sequence[float], width: int) -> list[float]:
    """`values` averaged into at most `width` consecutive buckets."""
    n = len(values)
    width = max(1, min(width, n))
    cuts = [i * n // width for i in range(width + 1)]  # width <= n, so no bucket is empty
    return [sum(values[a:b]) / (b - a) for a, b in zip(cuts, cuts[1:])]


def sparkline(values: Sequence[float], width: int) -> str:
    if not values:
        return ""
    cols = _columns(values, width)
    lo, hi = min(cols), max(cols)
    return "".join(BLOCKS[1 + round(7 * (v - lo) / (hi - lo))] if hi > lo else BLOCKS[4] for v in cols)


def loss_plot(losses: Sequence[float], *, width: int = 56, height: int = 6) -> Any:
    """The loss per step (averaged over buckets of steps when there are more steps than
    `width`) as columns of block characters, `height` rows of eighths, from the lowest mean
    to the highest; the y axis (loss) on the left, the steps along the bottom."""
    from rich.text import Text

    cols = _columns(losses, width)
    lo, hi = min(cols), max(cols)
    # the lowest column gets one eighth of a cell, the highest the full height
    levels = [1 + round((height * 8 - 1) * (v - lo) / (hi - lo)) if hi > lo else 1 for v in cols]
    label = max(len(f"{hi:.2f}"), len(f"{lo:.2f}"))
    lines = []
    for row in range(height - 1, -1, -1):  # top row first
        axis = f"{hi:.2f}" if row == height - 1 else f"{lo:.2f}" if row == 0 else ""
        line = Text(f"{axis:>{label}} ┤" if axis else " " * label + " │", style="dim")
        line.append("".join(BLOCKS[max(0, min(8, lvl - 8 * row))] for lvl in levels))
        lines.append(line)
    steps = f"1 … {len(losses)}"
    lines.append(Text(" " * label + " └" + "─" * len(cols), style="dim"))
    lines.append(Text(" " * (label + 2) + steps.center(len(cols)).rstrip(), style="dim"))
    return Text("\n").join(lines)


def loss_view(result: dict[str, Any], lang: str, *, height: int = 6) -> list[Any]:
    """The caption (steps, batch, epochs, lr, time) and the plot of a demo's training loss."""
    from bertquiz.i18n import t
    from bertquiz.ui.prose import Prose

    caption = t(
        "demo.ft.loss_caption",
        lang,
        steps=len(result["losses"]),
        batch=result["config"]["batch_size"],
        epochs=f"{result['epochs']:.1f}",
        lr=result["config"]["lr"],
        seconds=f"{result['train_seconds']:.1f}",
    )
    return [Prose(caption), loss_plot(result["losses"], height=height)]


def bar(p: float, width: int = 20) -> str:
    """A probability in [0, 1] as a bar of eighths."""
    eighths = round(max(0.0, min(1.0, p)) * width * 8)
    return ("█" * (eighths // 8) + (BLOCKS[eighths % 8] if eighths % 8 else "")).ljust(width, "·")


def pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


__all__ = [
    "HELDOUT_EVERY",
    "LANGS",
    "TrainConfig",
    "bar",
    "count_parameters",
    "loss_plot",
    "loss_view",
    "pct",
    "pretrained_encoder",
    "sizes",
    "sparkline",
    "split",
    "task_model",
    "task_rows",
    "train",
    "training_report",
]
