"""WordPiece for three languages, trained with `tokenizers`, saved for `BertTokenizer`.

Normalisation is BERT's (BertNormalizer + BertPreTokenizer): clean the text, lowercase, put
spaces around every CJK character (so Chinese is one character per token), split on
whitespace and punctuation. Unlike uncased BERT we do NOT strip accents: NFD + stripping turns
Russian "й" into "и" and "ё" into "е", which changes words.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers

if TYPE_CHECKING:
    from transformers import BertTokenizer

SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")  # ids 0..4, [PAD] = 0 as in BERT


def _normalizer() -> normalizers.BertNormalizer:
    return normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=True)


def train_vocab(lines: Iterable[str], *, vocab_size: int, min_frequency: int) -> list[str]:
    """Train a WordPiece vocabulary; the same lines always give the same list.

    Returns:
        The vocabulary in id order: the special tokens, then the trainer's pieces.
    """
    lines = [line for line in lines if line.strip()]
    norm, pre = _normalizer(), pre_tokenizers.BertPreTokenizer()
    # tokenizers' BPE trainer (which WordPiece training runs) numbers the "##c" continuation
    # pieces in the order it walks a HashMap of words, and breaks ties between equally frequent
    # pairs by those numbers, so two runs learn different vocabularies. Handing it every "##c"
    # up front, sorted, as a "special" token fixes their numbers and makes training repeatable.
    # (They are ordinary vocabulary entries afterwards: the saved tokenizer only knows the five above.)
    continuations = sorted({c for line in lines for word, _ in pre.pre_tokenize_str(norm.normalize_str(line)) for c in word[1:]})
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer, tokenizer.pre_tokenizer = norm, pre
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=[*SPECIAL_TOKENS, *(f"##{c}" for c in continuations)],
        continuing_subword_prefix="##",
        show_progress=False,
    )  # no limit_alphabet: every character stays (a cut would sort frequency ties unstably too)
    tokenizer.train_from_iterator(lines, trainer)
    vocab = sorted(tokenizer.get_vocab().items(), key=lambda kv: kv[1])
    assert [i for _, i in vocab] == list(range(len(vocab))), "trainer left gaps in the ids"
    return [token for token, _ in vocab]


def make_tokenizer(vocab: list[str], max_len: int) -> BertTokenizer:
    """A transformers BertTokenizer over `vocab` with our normalisation ([CLS]/[SEP] and segments included)."""
    from transformers import BertTokenizer

    # BertTokenizer(vocab=dict): in transformers 5, BertTokenizerFast(vocab_file=...) silently
    # ignores the file and builds a 5-token vocabulary, so never go through a file here
    return BertTokenizer(
        vocab={token: i for i, token in enumerate(vocab)},
        do_lower_case=True,
        strip_accents=False,
        tokenize_chinese_chars=True,
        model_max_length=max_len,
    )


def save_tokenizer(vocab: list[str], out_dir: Path, max_len: int) -> None:
    """Write vocab.txt (one token per line, id order), tokenizer.json and tokenizer_config.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "vocab.txt").write_text("".join(f"{t}\n" for t in vocab), encoding="utf-8")
    make_tokenizer(vocab, max_len).save_pretrained(str(out_dir))


def load_vocab(out_dir: Path) -> list[str]:
    return (out_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()


def load_tokenizer(out_dir: Path) -> BertTokenizer:
    from transformers import BertTokenizer

    return BertTokenizer.from_pretrained(str(out_dir))


__all__ = ["SPECIAL_TOKENS", "load_tokenizer", "load_vocab", "make_tokenizer", "save_tokenizer", "train_vocab"]
