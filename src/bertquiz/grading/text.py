"""Text normalisation shared by the graders: case, ё/е, full-width forms, punctuation,
sentence and clause splitting, words and their Snowball stems, the script a text is in."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

_PUNCT_MAP = str.maketrans({"«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "−": "-"})
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|[。！？!?;；\n]+|(?<=[a-zа-я\]\)])\.(?=[A-ZА-Я\s]|$)")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|%", re.UNICODE)
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CYR_RE = re.compile(r"[а-яё]", re.IGNORECASE)
_LAT_RE = re.compile(r"[a-z]", re.IGNORECASE)


def normalize(text: str) -> str:
    """NFKC (full-width → half-width), casefold, ё → е, one kind of quote and dash."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return text.translate(_PUNCT_MAP)


def sentences(text: str) -> list[str]:
    """The sentences of a normalised text (also split at `;` and new lines)."""
    return [s.strip() for s in _SENTENCE_RE.split(text) if s and s.strip()]


_CLAUSE_RE = re.compile(
    r"\s*[,:，：、]\s*(?:and|but|while|whereas|а|но|и|тогда как|而且|而|但是|但)?\s*"
    r"|\s+(?:while|whereas|but|whilst|тогда как|в то время как|а|но)\s+"
    r"|\s+-\s+|(?<=[\u4e00-\u9fff])(?:而|但是|但)"
)


def clauses(sentence: str) -> list[str]:
    """The clauses of one normalised sentence (split at commas and contrasting conjunctions)."""
    return [c for c in _CLAUSE_RE.split(sentence) if c and c.strip()]


@dataclass(frozen=True)
class Word:
    text: str
    stem: str
    start: int
    end: int


def words(text: str, lang: str) -> list[Word]:
    """The words of a normalised text with their stems (CJK runs stay whole; see `zh`)."""
    stem = _stemmer(lang)
    return [Word(m.group(0), stem(m.group(0)), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


@cache
def _stemmer(lang: str):
    import snowballstemmer

    en = snowballstemmer.stemmer("english")
    ru = snowballstemmer.stemmer("russian")

    @lru_cache(maxsize=65536)
    def stem(word: str) -> str:
        if _CYR_RE.search(word):
            return ru.stemWord(word)
        if word.isascii():
            return en.stemWord(word)
        return word

    return stem


def stem_word(word: str, lang: str = "en") -> str:
    return _stemmer(lang)(word)


@dataclass(frozen=True)
class Script:
    cjk: int
    cyrillic: int
    latin: int

    @property
    def letters(self) -> int:
        return self.cjk + self.cyrillic + self.latin


def script_of(text: str) -> Script:
    return Script(len(_CJK_RE.findall(text)), len(_CYR_RE.findall(text)), len(_LAT_RE.findall(text)))


def is_language(text: str, lang: str) -> bool:
    """Whether `text` is written in `lang`, allowing the English terms people mix in."""
    s = script_of(text)
    if s.letters == 0:
        return True  # numbers or symbols only: nothing to judge
    if lang == "zh":
        return s.cjk >= 2 or s.cjk / s.letters >= 0.2
    if lang == "ru":
        return s.cyrillic >= 0.25 * (s.cyrillic + s.latin) and s.cjk <= s.cyrillic
    return s.latin >= 0.6 * s.letters


__all__ = ["Script", "Word", "clauses", "is_language", "normalize", "script_of", "sentences", "stem_word", "words"]
