"""Evaluate on the held-out documents: masked-token top-1/top-5, MLM loss, NSP accuracy, and
the baselines a model must beat to have learned anything.

The held-out pairs and masks come from fixed seeds, so the same checkpoint always gets the same
figures. Baselines: for MLM, always answering the most frequent training token(s), and the loss
of the training unigram distribution; for NSP, always answering the more common label (chance).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

import torch

from bertquiz.tinybert.checkpoint import Metrics
from bertquiz.tinybert.data import FIRST_NORMAL_ID, IS_NEXT, make_pairs, mask_tokens, pack, tokenize_documents
from bertquiz.tinybert.objective import Pretraining

if TYPE_CHECKING:
    from transformers import BertForPreTraining, BertTokenizer

    from bertquiz.tinybert.config import TinyBertConfig
    from bertquiz.tinybert.corpus import Document

EVAL_SEED = 20181011  # the day BERT appeared on arXiv
EVAL_PASSES = 4  # cut the held-out documents into pairs 4 times (different cuts, different NotNext B)


@torch.no_grad()
def evaluate(
    model: BertForPreTraining,
    tokenizer: BertTokenizer,
    train_docs: Sequence[Document],
    heldout_docs: Sequence[Document],
    config: TinyBertConfig,
    *,
    limit: int | None = None,
    batch_size: int = 64,
) -> Metrics:
    """Metrics of `model` on `heldout_docs`; `train_docs` only feed the frequency baselines.

    Args:
        limit: evaluate only the first `limit` pairs (a quick look; the figures get noisier).
    """
    vocab_size = len(tokenizer)
    held = tokenize_documents(heldout_docs, tokenizer)
    langs = [d.lang for d in heldout_docs]
    pairs = [
        pair
        for p in range(EVAL_PASSES)
        for pair in make_pairs(held, langs, max_len=config.max_len, short_seq_prob=config.short_seq_prob, seed=EVAL_SEED + p)
    ]
    if limit:
        pairs = pairs[:limit]
    assert pairs, "no held-out pairs to evaluate"

    objective = Pretraining(model).eval()
    generator = torch.Generator().manual_seed(EVAL_SEED)
    top1 = top5 = nsp_right = 0
    loss_sum = 0.0
    targets: list[torch.Tensor] = []
    nsp_labels: list[int] = []
    for start in range(0, len(pairs), batch_size):
        batch = pack(pairs[start : start + batch_size])
        inputs, labels = mask_tokens(
            batch["input_ids"], batch["special_tokens_mask"], vocab_size=vocab_size, mlm_probability=config.mlm_probability, generator=generator
        )
        out = objective(inputs, batch["token_type_ids"], batch["attention_mask"], labels, batch["next_sentence_label"])
        best5 = out.mlm_logits.topk(min(5, vocab_size), dim=-1).indices  # (N, 5)
        top1 += int((best5[:, 0] == out.mlm_labels).sum())
        top5 += int((best5 == out.mlm_labels[:, None]).any(dim=-1).sum())
        loss_sum += float(torch.nn.functional.cross_entropy(out.mlm_logits, out.mlm_labels, reduction="sum"))
        nsp_right += int((out.nsp_logits.argmax(dim=-1) == batch["next_sentence_label"]).sum())
        targets.append(out.mlm_labels)
        nsp_labels += batch["next_sentence_label"].tolist()
    masked = torch.cat(targets)
    n = max(masked.numel(), 1)

    # baselines from the training text: the unigram distribution (add-one smoothed over the vocabulary)
    counts = Counter(t for doc in tokenize_documents(train_docs, tokenizer) for sentence in doc for t in sentence)
    total = sum(counts.values()) + vocab_size - FIRST_NORMAL_ID
    frequent = [t for t, _ in counts.most_common(5)]
    masked_list = masked.tolist()
    unigram_loss = sum(-math.log((counts.get(t, 0) + 1) / total) for t in masked_list)
    is_next = sum(1 for label in nsp_labels if label == IS_NEXT)
    return Metrics(
        mlm_top1=top1 / n,
        mlm_top5=top5 / n,
        mlm_loss=loss_sum / n,
        nsp_accuracy=nsp_right / len(pairs),
        baseline_mlm_top1=sum(1 for t in masked_list if frequent[:1] and t == frequent[0]) / n,
        baseline_mlm_top5=sum(1 for t in masked_list if t in frequent) / n,
        baseline_mlm_loss=unigram_loss / n,
        baseline_nsp_accuracy=max(is_next, len(pairs) - is_next) / len(pairs),
        masked_tokens=masked.numel(),
        pairs=len(pairs),
        documents=len(heldout_docs),
    )


__all__ = ["EVAL_PASSES", "EVAL_SEED", "evaluate"]
