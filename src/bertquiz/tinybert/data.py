"""Pre-training examples: NSP sentence pairs built as create_pretraining_data.py builds them, and
MLM masking (15% of the non-special positions; of those 80% [MASK], 10% random, 10% unchanged).

Pairs are rebuilt every epoch with a new seed (create_pretraining_data.py writes `dupe_factor`
differently-cut copies instead) and masks are drawn fresh for every batch (dynamic masking, as
RoBERTa): on a corpus this small, static masks would be memorised.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch

from bertquiz.tinybert.tokenizer import SPECIAL_TOKENS

if TYPE_CHECKING:
    from transformers import BertTokenizer

    from bertquiz.tinybert.corpus import Document

PAD, UNK, CLS, SEP, MASK = range(len(SPECIAL_TOKENS))  # the ids train_vocab gives them
FIRST_NORMAL_ID = len(SPECIAL_TOKENS)  # random replacements are drawn from here on, never a special token
IS_NEXT, NOT_NEXT = 0, 1  # the label convention of the original code and of transformers

TokenizedDoc = list[list[int]]  # a document: one list of token ids per sentence


@dataclass(frozen=True)
class Pair:
    """One NSP example before packing: segment A, segment B and whether B was drawn at random."""

    a: list[int]
    b: list[int]
    is_random_next: bool


def tokenize_documents(docs: Sequence[Document], tokenizer: BertTokenizer) -> list[TokenizedDoc]:
    """Token ids per sentence per document, without [CLS]/[SEP]; sentences that vanish are dropped."""
    sentences = [s for d in docs for s in d.sentences]
    encoded = tokenizer.backend_tokenizer.encode_batch(sentences, add_special_tokens=False)
    out: list[TokenizedDoc] = []
    k = 0
    for d in docs:
        out.append([e.ids for e in encoded[k : k + len(d.sentences)] if e.ids])
        k += len(d.sentences)
    return out


def _truncate_pair(a: list[int], b: list[int], max_tokens: int, rng: random.Random) -> None:
    # trim the longer segment, from the front or the back at random, to avoid a bias to either end
    while len(a) + len(b) > max_tokens:
        longer = a if len(a) > len(b) else b
        assert len(longer) >= 1
        if rng.random() < 0.5:
            del longer[0]
        else:
            longer.pop()


def _pairs_from_document(
    docs: Sequence[TokenizedDoc], langs: Sequence[str], index: int, *, max_len: int, short_seq_prob: float, rng: random.Random
) -> list[Pair]:
    """create_instances_from_document: cut one document into chunks of about max_len tokens and
    split each chunk into A and B at a random sentence boundary; half of the time B is replaced
    by text from another document (of the same language, see below)."""
    doc = docs[index]
    max_tokens = max_len - 3  # room for [CLS] A [SEP] B [SEP]
    # mostly fill the whole length, sometimes less so the model sees short inputs too
    target = rng.randint(2, max_tokens) if rng.random() < short_seq_prob else max_tokens
    # NotNext text comes from a document of the same language: across languages NSP would be
    # language identification, which the model solves without learning anything about coherence
    others = [j for j in range(len(docs)) if j != index and langs[j] == langs[index] and docs[j]]
    others = others or [j for j in range(len(docs)) if j != index and docs[j]]
    pairs: list[Pair] = []
    chunk: list[list[int]] = []
    length = 0
    i = 0
    while i < len(doc):
        chunk.append(doc[i])
        length += len(doc[i])
        if i == len(doc) - 1 or length >= target:
            a_end = 1 if len(chunk) < 2 else rng.randint(1, len(chunk) - 1)  # sentences going to A
            a = [t for s in chunk[:a_end] for t in s]
            b: list[int] = []
            is_random_next = rng.random() < 0.5 and bool(others)
            if len(chunk) == 1 and not is_random_next:
                # one sentence has no B of its own. The original then always takes a random B,
                # which on documents as short as ours (a chunk and a one-sentence tail) tilts
                # the labels to ~60% NotNext. We pair it with the sentence before it instead.
                if i == 0 or not others:
                    is_random_next = bool(others)
                else:
                    a, b = list(doc[i - 1]), list(chunk[0])
            if is_random_next:
                other = docs[rng.choice(others)]
                for s in other[rng.randint(0, len(other) - 1) :]:
                    b.extend(s)
                    if len(b) >= target - len(a):
                        break
                # the chunk's sentences after A were not used: put them back for the next pair
                i -= len(chunk) - a_end
            elif not b:
                b = [t for s in chunk[a_end:] for t in s]
            if a and b:  # a one-sentence document with no other document gives no pair
                _truncate_pair(a, b, max_tokens, rng)
                pairs.append(Pair(a, b, is_random_next))
            chunk, length = [], 0
        i += 1
    return pairs


def make_pairs(docs: Sequence[TokenizedDoc], langs: Sequence[str], *, max_len: int, short_seq_prob: float, seed: int) -> list[Pair]:
    """All NSP pairs of one pass over the documents, shuffled; the same seed gives the same list."""
    rng = random.Random(seed)
    pairs = [
        pair
        for index in range(len(docs))
        for pair in _pairs_from_document(docs, langs, index, max_len=max_len, short_seq_prob=short_seq_prob, rng=rng)
    ]
    rng.shuffle(pairs)
    return pairs


def pack(pairs: Sequence[Pair]) -> dict[str, torch.Tensor]:
    """`[CLS] A [SEP] B [SEP]`, padded to the longest pair of the batch.

    Returns:
        input_ids, token_type_ids (0 for [CLS] A [SEP], 1 for B [SEP]), attention_mask,
        special_tokens_mask (1 on [CLS]/[SEP]/[PAD]), next_sentence_label; all (B, T) or (B,).
    """
    width = max(len(p.a) + len(p.b) + 3 for p in pairs)
    ids = torch.full((len(pairs), width), PAD, dtype=torch.long)
    types = torch.zeros((len(pairs), width), dtype=torch.long)
    attention = torch.zeros((len(pairs), width), dtype=torch.long)
    for row, p in enumerate(pairs):
        seq = [CLS, *p.a, SEP, *p.b, SEP]
        ids[row, : len(seq)] = torch.tensor(seq)
        types[row, len(p.a) + 2 : len(seq)] = 1
        attention[row, : len(seq)] = 1
    special = (ids == CLS) | (ids == SEP) | (ids == PAD)
    labels = torch.tensor([NOT_NEXT if p.is_random_next else IS_NEXT for p in pairs])
    return {
        "input_ids": ids,
        "token_type_ids": types,
        "attention_mask": attention,
        "special_tokens_mask": special.long(),
        "next_sentence_label": labels,
    }


def mask_tokens(
    input_ids: torch.Tensor, special_tokens_mask: torch.Tensor, *, vocab_size: int, mlm_probability: float, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT's masking, drawn from `generator`: DataCollatorForLanguageModeling's procedure, except
    that a random replacement is never a special token.

    Returns:
        (inputs, labels): inputs with the chosen positions replaced 80/10/10; labels hold the
        original id at every chosen position (whatever it shows now) and -100 everywhere else.
    """
    shape = input_ids.shape
    probability = torch.full(shape, mlm_probability).masked_fill(special_tokens_mask.bool(), 0.0)
    chosen = torch.bernoulli(probability, generator=generator).bool()
    labels = input_ids.masked_fill(~chosen, -100)  # the loss is taken at all chosen positions, only there
    to_mask = torch.bernoulli(torch.full(shape, 0.8), generator=generator).bool() & chosen
    to_random = torch.bernoulli(torch.full(shape, 0.5), generator=generator).bool() & chosen & ~to_mask  # half of the other 20%
    inputs = input_ids.clone()
    inputs[to_mask] = MASK
    random_ids = torch.randint(FIRST_NORMAL_ID, vocab_size, shape, generator=generator)
    inputs[to_random] = random_ids[to_random]
    return inputs, labels  # the remaining 10% of chosen positions keep their token


def batches(
    docs: Sequence[TokenizedDoc], langs: Sequence[str], *, batch_size: int, max_len: int, short_seq_prob: float, seed: int, rank: int = 0, world: int = 1
) -> Iterator[list[Pair]]:
    """Endless batches of pairs: epoch after epoch, each with pairs cut afresh (seed, epoch).

    Under several processes every step takes `batch_size * world` pairs and process `rank`
    gets its own slice, so the processes never see the same pair in one step.
    """
    epoch = 0
    while True:
        pairs = make_pairs(docs, langs, max_len=max_len, short_seq_prob=short_seq_prob, seed=seed * 1_000_003 + epoch)
        step_size = batch_size * world
        assert len(pairs) >= step_size, f"only {len(pairs)} pairs for a global batch of {step_size}"
        for start in range(0, len(pairs) - step_size + 1, step_size):  # the ragged tail is dropped
            yield pairs[start + rank * batch_size : start + (rank + 1) * batch_size]
        epoch += 1


__all__ = [
    "CLS",
    "FIRST_NORMAL_ID",
    "IS_NEXT",
    "MASK",
    "NOT_NEXT",
    "PAD",
    "SEP",
    "UNK",
    "Pair",
    "TokenizedDoc",
    "batches",
    "make_pairs",
    "mask_tokens",
    "pack",
    "tokenize_documents",
]
