"""Pre-training examples: MLM masking statistics (against transformers' collator) and NSP pairs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

pytestmark = pytest.mark.torch

REPO = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- shared inputs


@pytest.fixture(scope="module")
def tokenizer():
    from bertquiz.tinybert.checkpoint import shipped_checkpoint_dir
    from bertquiz.tinybert.tokenizer import load_tokenizer

    return load_tokenizer(shipped_checkpoint_dir())


@pytest.fixture(scope="module")
def corpus_pairs(tokenizer):
    """NSP pairs cut from the real corpus with the shipped tokenizer."""
    from bertquiz.tinybert.corpus import read_documents
    from bertquiz.tinybert.data import make_pairs, tokenize_documents

    docs = read_documents(REPO / "corpus")
    ids = tokenize_documents(docs, tokenizer)
    return make_pairs(ids, [d.lang for d in docs], max_len=128, short_seq_prob=0.1, seed=7)


def _mask_stats(inputs, labels, original, special):
    """Fractions: chosen among non-special positions; [MASK] / random / kept among the chosen."""
    from bertquiz.tinybert.data import MASK

    chosen = labels != -100
    n_chosen = int(chosen.sum())
    as_mask = int((chosen & (inputs == MASK)).sum())
    kept = int((chosen & (inputs == original)).sum())
    return {
        "chosen": n_chosen / int((~special).sum()),
        "mask": as_mask / n_chosen,
        "random": (n_chosen - as_mask - kept) / n_chosen,
        "kept": kept / n_chosen,
        "on_special": int((chosen & special).sum()),
        "labels_right": bool((labels[chosen] == original[chosen]).all()),
    }


def _check(stats):
    assert stats["on_special"] == 0  # [CLS], [SEP] and [PAD] are never chosen
    assert stats["labels_right"]  # the label is the original token, whatever the input shows
    assert abs(stats["chosen"] - 0.15) <= 0.01, stats
    assert abs(stats["mask"] - 0.80) <= 0.02, stats
    assert abs(stats["random"] - 0.10) <= 0.02, stats
    assert abs(stats["kept"] - 0.10) <= 0.02, stats


# --------------------------------------------------------------------------- MLM


def test_masking_statistics_match_bert_and_the_transformers_collator(tokenizer, corpus_pairs):
    import torch
    from transformers import DataCollatorForLanguageModeling

    from bertquiz.tinybert.data import FIRST_NORMAL_ID, MASK, mask_tokens, pack

    pairs = corpus_pairs[:600]
    batch = pack(pairs)
    special = batch["special_tokens_mask"].bool()
    assert int((~special).sum()) >= 10_000
    assert int((batch["input_ids"] == 0).sum()) > 0  # there is padding to (not) choose

    inputs, labels = mask_tokens(
        batch["input_ids"], batch["special_tokens_mask"], vocab_size=len(tokenizer), mlm_probability=0.15, generator=torch.Generator().manual_seed(0)
    )
    ours = _mask_stats(inputs, labels, batch["input_ids"], special)
    _check(ours)
    replaced = (labels != -100) & (inputs != MASK) & (inputs != batch["input_ids"])
    assert int(replaced.sum()) > 0 and bool((inputs[replaced] >= FIRST_NORMAL_ID).all())  # a random id is never special

    # transformers' collator on the same pairs (it finds the special tokens itself)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15, seed=0, return_tensors="pt")
    features = [{"input_ids": row[row_mask.bool()].tolist()} for row, row_mask in zip(batch["input_ids"], batch["attention_mask"])]
    theirs_batch = collator(features)
    original = tokenizer.pad(features, return_tensors="pt")["input_ids"]
    assert torch.equal(original, batch["input_ids"])  # same padding, so the same positions
    theirs = _mask_stats(theirs_batch["input_ids"], theirs_batch["labels"], original, special)
    _check(theirs)
    for key in ("chosen", "mask", "random", "kept"):
        assert abs(ours[key] - theirs[key]) <= 0.02, (key, ours, theirs)


def test_masking_is_repeatable_with_a_seed_and_changes_without(corpus_pairs):
    import torch

    from bertquiz.tinybert.data import mask_tokens, pack

    batch = pack(corpus_pairs[:32])

    def draw(seed):
        return mask_tokens(batch["input_ids"], batch["special_tokens_mask"], vocab_size=9000, mlm_probability=0.15, generator=torch.Generator().manual_seed(seed))

    a, b, c = draw(1), draw(1), draw(2)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    assert not torch.equal(a[1], c[1])


# --------------------------------------------------------------------------- NSP


def _synthetic_documents(n_docs=60, seed=0):
    """Documents whose token ids say where they come from: 100000*doc + 100*sentence + position."""
    rng = random.Random(seed)
    docs = []
    for d in range(n_docs):
        sentences = rng.randint(1, 12)
        docs.append([[100_000 * d + 100 * s + p for p in range(rng.randint(3, 40))] for s in range(sentences)])
    langs = ["en" if d % 2 else "zh" for d in range(n_docs)]
    return docs, langs


def test_nsp_pairs_are_half_next_half_from_another_document_of_the_same_language():
    from bertquiz.tinybert.data import make_pairs

    docs, langs = _synthetic_documents()
    pairs = [p for seed in range(10) for p in make_pairs(docs, langs, max_len=64, short_seq_prob=0.1, seed=seed)]
    assert len(pairs) > 1500
    assert abs(sum(p.is_random_next for p in pairs) / len(pairs) - 0.5) <= 0.03
    for p in pairs:
        assert 1 <= len(p.a) and 1 <= len(p.b) and len(p.a) + len(p.b) <= 64 - 3
        doc_a = {t // 100_000 for t in p.a}
        doc_b = {t // 100_000 for t in p.b}
        assert len(doc_a) == 1 and len(doc_b) == 1  # a segment never mixes documents
        (da,), (db,) = doc_a, doc_b
        if p.is_random_next:
            assert db != da and langs[db] == langs[da]
        else:
            assert db == da
            # B is text that follows A: every sentence of B comes after every sentence of A
            assert max(t // 100 % 1000 for t in p.a) < min(t // 100 % 1000 for t in p.b)


def test_nsp_pairs_on_the_corpus_are_balanced_and_fit(corpus_pairs):
    assert abs(sum(p.is_random_next for p in corpus_pairs) / len(corpus_pairs) - 0.5) <= 0.05
    assert max(len(p.a) + len(p.b) for p in corpus_pairs) <= 125
    # most pairs fill the length (short_seq_prob = 0.1 makes some shorter on purpose)
    assert sum(len(p.a) + len(p.b) >= 100 for p in corpus_pairs) / len(corpus_pairs) > 0.5


def test_pairs_are_repeatable_with_a_seed():
    from bertquiz.tinybert.data import make_pairs

    docs, langs = _synthetic_documents()
    assert make_pairs(docs, langs, max_len=64, short_seq_prob=0.1, seed=3) == make_pairs(docs, langs, max_len=64, short_seq_prob=0.1, seed=3)
    assert make_pairs(docs, langs, max_len=64, short_seq_prob=0.1, seed=3) != make_pairs(docs, langs, max_len=64, short_seq_prob=0.1, seed=4)


def test_packing_gives_cls_sep_segments_and_the_label_convention():
    import torch

    from bertquiz.tinybert.data import CLS, IS_NEXT, NOT_NEXT, PAD, SEP, Pair, pack

    assert (IS_NEXT, NOT_NEXT) == (0, 1)  # as in the original code and transformers' next_sentence_label
    batch = pack([Pair([10, 11], [12], False), Pair([20], [21, 22, 23], True)])
    assert batch["input_ids"].tolist() == [[CLS, 10, 11, SEP, 12, SEP, PAD], [CLS, 20, SEP, 21, 22, 23, SEP]]
    assert batch["token_type_ids"].tolist() == [[0, 0, 0, 0, 1, 1, 0], [0, 0, 0, 1, 1, 1, 1]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1, 1, 1, 1, 0], [1] * 7]
    assert batch["special_tokens_mask"].tolist() == [[1, 0, 0, 1, 0, 1, 1], [1, 0, 1, 0, 0, 0, 1]]
    assert torch.equal(batch["next_sentence_label"], torch.tensor([0, 1]))


def test_pack_matches_the_tokenizer_on_a_real_pair(tokenizer):
    from bertquiz.tinybert.data import Pair, pack

    a, b = "BERT reads both directions.", "模型很小。"
    enc = tokenizer(a, b)
    pair = Pair(tokenizer(a, add_special_tokens=False)["input_ids"], tokenizer(b, add_special_tokens=False)["input_ids"], False)
    batch = pack([pair])
    assert batch["input_ids"][0].tolist() == enc["input_ids"]
    assert batch["token_type_ids"][0].tolist() == enc["token_type_ids"]


def test_batches_give_each_process_its_own_slice():
    from bertquiz.tinybert.data import batches

    docs, langs = _synthetic_documents()
    kw = dict(batch_size=4, max_len=64, short_seq_prob=0.1, seed=1)
    one = next(batches(docs, langs, **kw))
    r0, r1 = next(batches(docs, langs, rank=0, world=2, **kw)), next(batches(docs, langs, rank=1, world=2, **kw))
    assert r0 == one and len(r1) == 4 and not any(p in r0 for p in r1)
