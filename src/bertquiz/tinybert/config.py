"""The tiny BERT's sizes and training settings, in one dataclass, and the one place that builds
transformers' `BertConfig` from them.

The sizes are what two CPU cores can pre-train in under an hour on our 1.15M characters of
text (the default `steps`, which made the shipped checkpoint). BERT-BASE is L=12, H=768, A=12
(110M parameters); this is L=4, H=192, A=4 (3.4M, 1.5M of them the embedding table).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import BertConfig


@dataclass
class TinyBertConfig:
    # tokenizer
    # 2,416 Chinese characters, 2,784 Cyrillic and 2,683 Latin pieces. With 10k on the first corpus
    # (~25k Russian tokens) most Russian entries were whole words seen fewer than 5 times; 8k
    # leaves more, and more frequent, pieces
    vocab_size: int = 8_000
    min_frequency: int = 2  # a piece must be seen twice; with once, every typo becomes a token
    # model
    hidden_size: int = 192  # H; 4 heads of 48. 256 learned no more in the same time (1500 steps: 15.5% vs 15.6%, 1.3x slower)
    num_layers: int = 4  # L
    num_heads: int = 4  # A
    intermediate_size: int = 768  # 4H, as in BERT
    # std of the normal init of every weight matrix and embedding, as in BERT. It matters here:
    # after 1500 steps 0.02 gave 15.6% held-out top-1, 0.01 gave 11.1% and 0.06 gave 9.0%
    initializer_range: float = 0.02
    max_len: int = 128  # the position table; BERT's length for 90% of its pre-training
    # BERT uses 0.1. Here the model underfits for thousands of steps (held-out loss = training
    # loss), and without dropout it learned faster (1000 steps: 14.2% vs 13.5% held-out top-1)
    dropout: float = 0.0
    # data (create_pretraining_data.py's defaults)
    short_seq_prob: float = 0.1  # how often a pair is built shorter than max_len, so short inputs are seen too
    # BERT trained 90% of its steps at length 128 and the last 10% at 512 (attention is quadratic).
    # We do it one size down: pairs of up to 64 tokens, then max_len for the last 10% of steps, so
    # every position is learned. A step at 64 costs half, and 1000 steps at 64 matched 1000 at 128
    short_len: int = 64
    short_fraction: float = 0.9
    mlm_probability: float = 0.15
    heldout_fraction: float = 0.1  # of documents, chosen by a hash of their text (never by position)
    # training
    batch_size: int = 32  # pairs per step (per process under torchrun)
    # ~55 min on 2 CPU cores with bf16 autocast: the shipped checkpoint. Fewer will not do: the
    # MLM loss sits on a plateau (~5.7) from ~1,500 to ~7,000 steps, where the model guesses from
    # which words are around, not where; it falls to ~4 by 10,000. 4,300 steps is ~10 minutes
    steps: int = 25_000
    learning_rate: float = 1e-3  # tiny models take a larger lr than BERT's 1e-4
    warmup_steps: int = 150  # then linear decay to zero, as in BERT
    weight_decay: float = 0.01
    grad_clip: float = 1.0
    mixed_precision: str = "auto"  # "bf16" autocast (1.8x faster on a CPU with AVX512-BF16), "no", or "auto": bf16 where the hardware has it
    seed: int = 1234
    save_every: int = 250  # steps between resumable checkpoints (Ctrl-C saves one too)
    eval_pairs: int = 0  # cap on held-out pairs for the evaluation after training; 0 = all

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TinyBertConfig:
        """Build from a dict, ignoring keys this version does not know (older checkpoints)."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def override(self, assignments: list[str]) -> TinyBertConfig:
        """A copy with `key=value` assignments applied, each value parsed as the field's type.

        Raises:
            ValueError: an unknown key or a value of the wrong type.
        """
        fields = {f.name: f for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {}
        for item in assignments:
            key, sep, raw = item.partition("=")
            key = key.strip().replace("-", "_")
            if not sep or key not in fields:
                raise ValueError(f"unknown setting '{item}' (choose from: {', '.join(fields)})")
            kind = type(getattr(self, key))
            try:
                if kind is bool:
                    changes[key] = raw.strip().lower() in ("1", "true", "yes", "on")
                elif kind is int and "e" in raw.lower():
                    changes[key] = int(float(raw))  # 2e3
                else:
                    changes[key] = kind(raw)
            except ValueError:
                raise ValueError(f"{key} wants a {kind.__name__}, got '{raw}'") from None
        return dataclasses.replace(self, **changes)


def bert_config(config: TinyBertConfig, vocab_size: int) -> BertConfig:
    """transformers' BertConfig for these sizes; `vocab_size` is the trained vocabulary's real size."""
    from transformers import BertConfig

    assert config.hidden_size % config.num_heads == 0, "hidden_size must split evenly into heads"
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=config.hidden_size,
        num_hidden_layers=config.num_layers,
        num_attention_heads=config.num_heads,
        intermediate_size=config.intermediate_size,
        hidden_act="gelu",
        hidden_dropout_prob=config.dropout,
        attention_probs_dropout_prob=config.dropout,
        max_position_embeddings=config.max_len,
        initializer_range=config.initializer_range,
        type_vocab_size=2,
        pad_token_id=0,
    )


__all__ = ["TinyBertConfig", "bert_config"]
