"""The pre-training corpus: documents of consecutive sentences, a held-out split, a hash.

The files are in the input format of google-research/bert's create_pretraining_data.py:
`corpus/<lang>/*.txt`, one sentence per line, a blank line between documents (and every file
ends a document). NSP needs the documents: "IsNext" pairs are consecutive text of one document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from bertquiz.errors import BertquizError

LANGS = ("en", "ru", "zh")
MIN_HELDOUT_PER_LANG = 2  # NSP on the held-out part needs a second document to draw "NotNext" from


@dataclass(frozen=True)
class Document:
    """A run of consecutive sentences from one corpus file.

    Attributes:
        lang: "en", "ru" or "zh" (the folder it came from).
        source: the file, relative to the corpus folder, e.g. "en/01_bert_pretraining.txt".
        sentences: its lines, stripped, none empty.
    """

    lang: str
    source: str
    sentences: tuple[str, ...]

    @property
    def key(self) -> float:
        """A number in [0, 1) fixed by the text alone: the held-out split depends on nothing else."""
        digest = hashlib.sha1("\n".join(self.sentences).encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") / 2**64


def corpus_files(corpus: Path) -> list[Path]:
    """The corpus files, sorted, so every reader sees the documents in the same order."""
    return sorted(p for lang in LANGS for p in (corpus / lang).glob("*.txt"))


def read_documents(corpus: Path) -> list[Document]:
    """Every document of the corpus, file by file (sorted), in file order.

    Raises:
        BertquizError: the folder holds no `<lang>/*.txt` file.
    """
    files = corpus_files(corpus)
    if not files:
        raise BertquizError(f"no corpus files in {corpus} (expected {'/'.join(LANGS)}/*.txt)")
    docs: list[Document] = []
    for path in files:
        lang, source = path.parent.name, path.relative_to(corpus).as_posix()
        current: list[str] = []
        for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
            line = line.strip()
            if line:
                current.append(line)
            elif current:
                docs.append(Document(lang, source, tuple(current)))
                current = []
    return docs


def split_documents(docs: list[Document], heldout_fraction: float) -> tuple[list[Document], list[Document]]:
    """(train, held-out): a document is held out when its hash key is below the fraction.

    Each language keeps at least MIN_HELDOUT_PER_LANG held-out documents (its lowest keys), so a
    language with few documents is still evaluated; order within both lists is corpus order.
    """
    heldout: set[int] = set()
    for lang in LANGS:
        mine = sorted((d.key, i) for i, d in enumerate(docs) if d.lang == lang)
        chosen = [i for key, i in mine if key < heldout_fraction]
        if len(chosen) < MIN_HELDOUT_PER_LANG and len(mine) > MIN_HELDOUT_PER_LANG:
            chosen = [i for _, i in mine[:MIN_HELDOUT_PER_LANG]]
        heldout.update(chosen)
    train = [d for i, d in enumerate(docs) if i not in heldout]
    held = [d for i, d in enumerate(docs) if i in heldout]
    return train, held


def corpus_hash(corpus: Path) -> str:
    """sha256 over the files' relative paths and bytes: which corpus a checkpoint was trained on."""
    h = hashlib.sha256()
    for path in corpus_files(corpus):
        h.update(path.relative_to(corpus).as_posix().encode("utf-8") + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


__all__ = ["LANGS", "Document", "corpus_files", "corpus_hash", "read_documents", "split_documents"]
