"""Where the tiny BERT lives on disk, and how it is written and read.

A checkpoint folder is a plain transformers folder, so `BertForPreTraining.from_pretrained(DIR)`,
`BertTokenizer.from_pretrained(DIR)` and `pipeline("fill-mask", model=DIR)` open it:

    config.json            BertConfig (dtype float32: the weights load as float32)
    model.safetensors      the weights, stored as float16 to halve the size
    vocab.txt              one WordPiece per line, in id order
    tokenizer.json         the same vocabulary with BERT's normaliser and [CLS]/[SEP] template
    tokenizer_config.json
    training_info.json     our TinyBertConfig, steps, corpus hash, parameter count, metrics
    README.md              the model card: sizes, metrics, the command that reproduces it
    training_state.pt      only while training: float32 weights + AdamW state, for --resume

Importing this module is cheap; torch and transformers are imported inside the functions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from bertquiz.errors import BertquizError

if TYPE_CHECKING:
    from transformers import BertForPreTraining

INFO_FILE = "training_info.json"
STATE_FILE = "training_state.pt"
SHIPPED_FILES = ("config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "tokenizer_config.json", INFO_FILE, "README.md")


class Metrics(TypedDict):
    """The held-out evaluation (see evaluate.py); fractions in [0, 1], losses in nats."""

    mlm_top1: float
    mlm_top5: float
    mlm_loss: float
    nsp_accuracy: float
    baseline_mlm_top1: float  # always predict the most frequent training token
    baseline_mlm_top5: float  # always predict the five most frequent
    baseline_mlm_loss: float  # the training unigram distribution
    baseline_nsp_accuracy: float  # always the more common label of the evaluated pairs (chance)
    masked_tokens: int
    pairs: int
    documents: int


class TrainingInfo(TypedDict):
    """training_info.json."""

    config: dict[str, Any]  # TinyBertConfig.to_dict()
    step: int  # optimizer steps done
    finished: bool  # False while training or after Ctrl-C
    corpus_hash: str
    vocab_size: int
    parameters: int
    tokens_seen: int  # non-padding tokens of all processes
    train_seconds: float
    metrics: Metrics | None
    versions: dict[str, str]


def shipped_checkpoint_dir() -> Path:
    """The checkpoint that ships inside the package (what the demos use)."""
    return Path(__file__).resolve().parent / "checkpoint"


def default_run_dir() -> Path:
    """Where `bertquiz model pretrain` writes unless told otherwise (never into the package)."""
    from bertquiz.paths import user_data_dir

    return user_data_dir() / "tinybert"


def require_checkpoint(path: Path) -> Path:
    """`path` if it holds a model and its training info.

    Raises:
        BertquizError: it does not.
    """
    missing = [n for n in ("config.json", "model.safetensors", "vocab.txt", INFO_FILE) if not (path / n).is_file()]
    if missing:
        raise BertquizError(f"{path} is not a tiny-BERT checkpoint (missing: {', '.join(missing)})")
    return path


def read_info(path: Path) -> TrainingInfo:
    require_checkpoint(path)
    try:
        return json.loads((path / INFO_FILE).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise BertquizError(f"{path / INFO_FILE}: not valid JSON ({e})") from None


def write_info(path: Path, info: TrainingInfo) -> None:
    (path / INFO_FILE).write_text(json.dumps(info, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def describe(path: Path) -> dict[str, Any]:
    """What `bertquiz model info` shows: the training info plus path, size, config.json and
    whether the corpus on disk is still the one it was trained on. Imports no torch."""
    from bertquiz.paths import corpus_dir
    from bertquiz.tinybert.corpus import corpus_hash, corpus_files

    info = read_info(path)
    bert = json.loads((path / "config.json").read_text(encoding="utf-8"))
    corpus = corpus_dir()
    return {
        "path": str(path),
        **info,
        "size_bytes": sum(p.stat().st_size for p in path.iterdir() if p.name in SHIPPED_FILES),
        "corpus_matches": bool(corpus_files(corpus)) and corpus_hash(corpus) == info["corpus_hash"],
        "bert_config": {k: bert[k] for k in sorted(bert) if k in _BERT_KEYS},
    }


_BERT_KEYS = {
    "architectures",
    "vocab_size",
    "hidden_size",
    "num_hidden_layers",
    "num_attention_heads",
    "intermediate_size",
    "max_position_embeddings",
    "type_vocab_size",
    "hidden_act",
    "hidden_dropout_prob",
    "attention_probs_dropout_prob",
}


def _quiet_transformers() -> None:
    # no "Loading weights" / "Writing model shards" bars on the user's terminal
    from transformers.utils import logging

    logging.disable_progress_bar()


def save_model(model: BertForPreTraining, path: Path) -> None:
    """Write config.json + model.safetensors (float16 on disk, float32 when loaded)."""
    import copy

    _quiet_transformers()
    path.mkdir(parents=True, exist_ok=True)
    copy.deepcopy(model).half().save_pretrained(str(path))  # save_pretrained keeps tied weights once
    # save_pretrained records the dtype of the copy; loading should give float32 for CPU inference
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    config["dtype"] = "float32"
    (path / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_model(path: Path) -> BertForPreTraining:
    """The BertForPreTraining of a checkpoint folder, float32, in eval mode, on the CPU."""
    from transformers import BertForPreTraining

    _quiet_transformers()
    model = BertForPreTraining.from_pretrained(str(require_checkpoint(path)), use_safetensors=True)  # never a pickle
    return model.float().eval()


def count_parameters(model: Any) -> int:
    """Distinct parameters (the tied input/output embedding counted once)."""
    return sum(p.numel() for p in model.parameters())


__all__ = [
    "INFO_FILE",
    "SHIPPED_FILES",
    "STATE_FILE",
    "Metrics",
    "TrainingInfo",
    "count_parameters",
    "default_run_dir",
    "describe",
    "load_model",
    "read_info",
    "require_checkpoint",
    "save_model",
    "shipped_checkpoint_dir",
    "write_info",
]
