"""The tiny BERT's WordPiece: repeatable training, and the shipped tokenizer as transformers loads it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.torch

REPO = Path(__file__).resolve().parents[1]


def _slice(docs_per_lang: int = 10) -> list[str]:
    from bertquiz.tinybert.corpus import LANGS, read_documents

    docs = read_documents(REPO / "corpus")
    return [s for lang in LANGS for d in [d for d in docs if d.lang == lang][:docs_per_lang] for s in d.sentences]


def test_training_twice_gives_a_byte_identical_vocab(tmp_path):
    from bertquiz.tinybert.tokenizer import save_tokenizer, train_vocab

    lines = _slice()
    for name in ("a", "b"):
        save_tokenizer(train_vocab(lines, vocab_size=800, min_frequency=2), tmp_path / name, max_len=128)
    first = (tmp_path / "a" / "vocab.txt").read_bytes()
    assert len(first.splitlines()) > 400  # a real vocabulary, not the five special tokens
    assert first == (tmp_path / "b" / "vocab.txt").read_bytes()
    assert (tmp_path / "a" / "tokenizer.json").read_bytes() == (tmp_path / "b" / "tokenizer.json").read_bytes()

    # and in another process (tokenizers' hash maps are seeded per process)
    code = (
        "import sys\n"
        "from bertquiz.tinybert.tokenizer import train_vocab\n"
        "lines = sys.stdin.read().split('\\n')\n"
        "sys.stdout.write(''.join(t + '\\n' for t in train_vocab(lines, vocab_size=800, min_frequency=2)))\n"
    )
    other = subprocess.run([sys.executable, "-c", code], input="\n".join(lines), capture_output=True, text=True, check=True, encoding="utf-8")
    assert other.stdout.encode("utf-8") == first


def test_vocab_starts_with_the_special_tokens_and_has_no_duplicates():
    from bertquiz.tinybert.tokenizer import SPECIAL_TOKENS, train_vocab

    vocab = train_vocab(_slice(4), vocab_size=1000, min_frequency=2)
    assert tuple(vocab[: len(SPECIAL_TOKENS)]) == SPECIAL_TOKENS == ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]")
    assert len(set(vocab)) == len(vocab) == 1000  # the cap is reached and kept
    assert any(t.startswith("##") for t in vocab) and any("\u4e00" <= t <= "\u9fff" for t in vocab)  # pieces and Chinese characters


@pytest.fixture(scope="module")
def shipped_tokenizer():
    from transformers import BertTokenizer

    from bertquiz.tinybert.checkpoint import shipped_checkpoint_dir

    return BertTokenizer.from_pretrained(str(shipped_checkpoint_dir()))


def test_shipped_tokenizer_loads_its_whole_vocabulary(shipped_tokenizer):
    from bertquiz.tinybert.checkpoint import read_info, shipped_checkpoint_dir

    lines = (shipped_checkpoint_dir() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    assert 8000 <= len(shipped_tokenizer) == len(lines) == read_info(shipped_checkpoint_dir())["vocab_size"] <= 12000
    assert shipped_tokenizer.convert_tokens_to_ids(lines[1234]) == 1234
    assert shipped_tokenizer.pad_token_id == 0 and shipped_tokenizer.model_max_length == 128


def test_shipped_tokenizer_adds_cls_sep_and_segments(shipped_tokenizer):
    enc = shipped_tokenizer("BERT reads text.", "Модель учится.")
    tokens = shipped_tokenizer.convert_ids_to_tokens(enc["input_ids"])
    assert tokens[0] == "[CLS]" and tokens[-1] == "[SEP]" and tokens.count("[SEP]") == 2
    first_sep = tokens.index("[SEP]")
    assert enc["token_type_ids"] == [0] * (first_sep + 1) + [1] * (len(tokens) - first_sep - 1)
    assert "[UNK]" not in tokens


def test_shipped_tokenizer_splits_chinese_per_character_and_uses_word_pieces(shipped_tokenizer):
    assert shipped_tokenizer.tokenize("预训练模型") == ["预", "训", "练", "模", "型"]
    pieces = shipped_tokenizer.tokenize("pretrainingsmodels переобученности")
    assert any(p.startswith("##") for p in pieces), pieces
    assert "".join(p.removeprefix("##") for p in pieces).replace(" ", "") == "pretrainingsmodelsпереобученности"


def test_shipped_tokenizer_lowercases_but_keeps_russian_letters(shipped_tokenizer):
    # uncased, but no accent stripping: "й" and "ё" must survive (NFD stripping would make them и/е)
    assert shipped_tokenizer.tokenize("BERT") == shipped_tokenizer.tokenize("bert")
    joined = "".join(p.removeprefix("##") for p in shipped_tokenizer.tokenize("Новый объём"))
    assert joined == "новыйобъём"
