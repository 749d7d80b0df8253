"""Names the bank format shares with the rest of the app (no imports, cheap to load)."""

from __future__ import annotations

#: Languages a bank may be written in (ISO 639-1).
LANGS: tuple[str, ...] = ("ru", "zh", "en")

#: Mini-demos a question may point to with `demo:` (`bertquiz demo NAME`).
DEMO_NAMES: tuple[str, ...] = (
    "mlm",
    "nsp",
    "embeddings",
    "tokenize",
    "cls",
    "token",
    "qa",
    "attention",
    "features",
)

#: Question types, in the order the docs present them.
QUESTION_TYPES: tuple[str, ...] = ("choice", "multi", "bool", "numeric", "cloze", "order", "open")

#: A tag that marks a question built on a circulating error; such a question must state the
#: myth in `myth:` and refute it in `explanation:`.
MYTH_TAG = "myth"

#: Three or more underscores mark a blank in a cloze prompt.
CLOZE_BLANK = "___"

def letter(index: int) -> str:
    """The label of option `index` (0 -> "A")."""
    return chr(ord("A") + index)


__all__ = ["letter", "CLOZE_BLANK", "DEMO_NAMES", "LANGS", "MYTH_TAG", "QUESTION_TYPES"]
