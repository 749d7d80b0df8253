"""The pre-training objective as run_pretraining.py computes it: MLM loss + NSP loss.

`BertForPreTraining.forward` scores the whole vocabulary at every position (B x T x V) and then
throws away the 85% of the positions that carry no label. The original code gathers the chosen
positions first (`gather_indexes`) and runs the output layer only there; at our sizes that
halves the cost of a training step. Same weights, same loss.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import torch
import torch.nn.functional as F
from torch import nn

if TYPE_CHECKING:
    from transformers import BertForPreTraining


class PretrainingOutput(NamedTuple):
    mlm_logits: torch.Tensor  # (N, V), N = number of chosen positions in the batch
    mlm_labels: torch.Tensor  # (N,)
    nsp_logits: torch.Tensor  # (B, 2)
    mlm_loss: torch.Tensor  # mean over the N chosen positions
    nsp_loss: torch.Tensor  # mean over the B pairs


class Pretraining(nn.Module):
    """Wraps a BertForPreTraining; a module of its own so that DDP (accelerate, torchrun) sees
    the whole forward pass and synchronises every gradient."""

    def __init__(self, model: BertForPreTraining) -> None:
        super().__init__()
        self.model = model

    def forward(
        self,
        input_ids: torch.Tensor,
        token_type_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        labels: torch.Tensor,
        next_sentence_label: torch.Tensor,
    ) -> PretrainingOutput:
        out = self.model.bert(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask)
        hidden, pooled = out[0], out[1]  # (B, T, H), (B, H): the pooler is dense + tanh over [CLS]
        chosen = labels != -100  # (B, T)
        mlm_labels = labels[chosen]  # (N,)
        mlm_logits = self.model.cls.predictions(hidden[chosen])  # (N, V)
        nsp_logits = self.model.cls.seq_relationship(pooled)  # (B, 2)
        if mlm_labels.numel():
            mlm_loss = F.cross_entropy(mlm_logits, mlm_labels)
        else:  # no position drawn in the whole batch: possible with tiny batches, keeps the graph whole
            mlm_loss = mlm_logits.sum() * 0.0
        nsp_loss = F.cross_entropy(nsp_logits, next_sentence_label)
        return PretrainingOutput(mlm_logits, mlm_labels, nsp_logits, mlm_loss, nsp_loss)


__all__ = ["Pretraining", "PretrainingOutput"]
