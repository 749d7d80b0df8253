"""The model card (README.md) of a checkpoint folder: what the model is, its held-out metrics
next to the baselines, and the exact command that reproduces it.

Written by `pretrain` next to the weights, from training_info.json alone, so the card can never
disagree with the figures `bertquiz model info` prints. Imports no torch.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

from bertquiz.tinybert.checkpoint import TrainingInfo
from bertquiz.tinybert.config import TinyBertConfig

CARD_FILE = "README.md"
# settings that change where or how often files are written, not the weights
_NOT_REPRODUCED = {"save_every"}


def reproduce_command(config: dict[str, Any], out: str = "runs/tinybert") -> str:
    """`bertquiz model pretrain ...` with every setting that differs from today's defaults.

    >>> reproduce_command({**TinyBertConfig().to_dict(), "steps": 100, "hidden_size": 256})
    'bertquiz model pretrain --out runs/tinybert --steps 100 --set hidden_size=256'
    """
    defaults = TinyBertConfig().to_dict()
    saved = TinyBertConfig.from_dict(config).to_dict()
    parts = ["bertquiz", "model", "pretrain", "--out", out]
    if saved["steps"] != defaults["steps"]:
        parts += ["--steps", str(saved["steps"])]
    if saved["seed"] != defaults["seed"]:
        parts += ["--seed", str(saved["seed"])]
    for key, value in saved.items():
        if key not in ("steps", "seed", *_NOT_REPRODUCED) and value != defaults[key]:
            parts += ["--set", f"{key}={value}"]
    return shlex.join(parts)


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def render_model_card(info: TrainingInfo) -> str:
    config = TinyBertConfig.from_dict(info["config"])
    m = info["metrics"]
    lines = [
        "# bertquiz tiny BERT",
        "",
        "A real `transformers.BertForPreTraining` (MLM + NSP heads), pre-trained from scratch by",
        "bertquiz on its own corpus of Russian, Chinese and English text (`corpus/` in the",
        "repository). It exists so that the `bertquiz demo ...` commands run offline on real",
        "tensors; it is a teaching model, not a useful language model.",
        "",
        "| | |",
        "| --- | --- |",
        f"| layers / hidden / heads | {config.num_layers} / {config.hidden_size} / {config.num_heads} (feed-forward {config.intermediate_size}) |",
        f"| parameters | {info['parameters']:,} |",
        f"| vocabulary | {info['vocab_size']:,} WordPieces (one token per Chinese character) |",
        f"| max length | {config.max_len} ({config.short_len} for the first {config.short_fraction:.0%} of steps) |",
        f"| training | {info['step']:,} steps of {config.batch_size} pairs, {info['tokens_seen']:,} tokens, {info['train_seconds'] / 60:.1f} min |",
        f"| corpus sha256 | `{info['corpus_hash'][:16]}…` |",
        f"| software | torch {info['versions'].get('torch', '?')}, transformers {info['versions'].get('transformers', '?')} |",
        "",
    ]
    if m:
        lines += [
            f"## Held-out evaluation ({m['documents']} documents, {m['pairs']:,} pairs, {m['masked_tokens']:,} masked tokens)",
            "",
            "| | this model | baseline |",
            "| --- | --- | --- |",
            f"| MLM top-1 | {_pct(m['mlm_top1'])} | {_pct(m['baseline_mlm_top1'])} (most frequent token) |",
            f"| MLM top-5 | {_pct(m['mlm_top5'])} | {_pct(m['baseline_mlm_top5'])} (five most frequent) |",
            f"| MLM loss (nats) | {m['mlm_loss']:.2f} | {m['baseline_mlm_loss']:.2f} (unigram) |",
            f"| NSP accuracy | {_pct(m['nsp_accuracy'])} | {_pct(m['baseline_nsp_accuracy'])} (commoner label) |",
            "",
        ]
    lines += [
        "## Reproduce",
        "",
        "```bash",
        reproduce_command(info["config"]),
        "bertquiz model eval runs/tinybert",
        "```",
        "",
        "Deterministic on a CPU for a given machine and thread count (see docs/tinybert.md).",
        "",
        "## Load",
        "",
        "```python",
        "from transformers import BertForPreTraining, BertTokenizer, pipeline",
        "model = BertForPreTraining.from_pretrained(path)   # path: `bertquiz model path`",
        "tokenizer = BertTokenizer.from_pretrained(path)",
        'pipeline("fill-mask", model=path)("bert is an [MASK]-only model.")',
        "```",
        "",
    ]
    return "\n".join(lines)


def write_model_card(path: Path, info: TrainingInfo) -> None:
    (path / CARD_FILE).write_text(render_model_card(info), encoding="utf-8")


__all__ = ["CARD_FILE", "render_model_card", "reproduce_command", "write_model_card"]
