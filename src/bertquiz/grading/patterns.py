"""Matching the `match:` patterns of key points and wrong claims against an answer.

A pattern alternative is a list of terms that must all occur in one sentence of the answer; a
term is a list of variants (`mask|маск`). See `bertquiz.bank.question.Pattern` for the syntax
as bank authors write it. This module compiles the strings once and answers, per sentence,
whether an alternative is stated, stated in the negative, or stated with the wrong number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from bertquiz.grading.numbers import Number, find_numbers, parse_term_number
from bertquiz.grading.text import Word, normalize, stem_word, words

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_STRIP = re.compile(r"[\[\]#<>\"'`()]")  # "[CLS]" is written "cls"; "##ing" is "ing"

NEGATION_WORDS = frozenset(
    {"not", "no", "never", "neither", "nor", "without", "cannot", "can't", "don't", "doesn't", "isn't",
     "aren't", "wasn't", "weren't", "won't", "didn't", "non", "не", "нет", "ни", "без", "нельзя", "никогда"}
)  # fmt: skip
# words that end the scope of a negation: "not sinusoidal but learned", «не синусоидальные, а обучаемые»
_SCOPE_BREAKERS = frozenset({"but", "however", "instead", "rather", "а", "но", "однако", "зато", "whereas", "while"})
_CJK_NEGATIONS = ("不", "没", "非", "无", "未")
# words that contain a negation character but negate nothing: 不同 "different", 非常 "very"
_CJK_NOT_NEGATIONS = ("不同", "不仅", "不断", "不过", "不少", "不管", "非常", "未来", "无论", "并且")
_CJK_BREAKERS = ("而", "但", "却", "，", ",", "、", "：", ":")
_CLAUSE_PUNCT = re.compile(r"[,:()\u2014]|\s-\s")  # "из-за", "fine-tuning" keep their hyphen


@dataclass(frozen=True)
class Variant:
    pieces: tuple[str, ...] = ()  # normalised words of a (multi-word) variant
    stems: tuple[str, ...] = ()
    cjk: str = ""  # a variant with Chinese characters is matched as a substring
    number: tuple[float, bool] | None = None
    negative: bool = False  # the variant itself is a negation ("не", "not")


@dataclass(frozen=True)
class Alternative:
    terms: tuple[tuple[Variant, ...], ...]

    @property
    def states_negation(self) -> bool:
        return any(v.negative for term in self.terms for v in term)

    @property
    def has_number(self) -> bool:
        return any(v.number for term in self.terms for v in term)


@lru_cache(maxsize=4096)
def compile_alternative(source: str) -> Alternative:
    terms = []
    for raw_term in normalize(source).split():
        variants = []
        for raw in raw_term.split("|"):
            number = parse_term_number(raw)
            if number is not None:
                variants.append(Variant(number=number))
                continue
            if _CJK.search(raw):
                variants.append(Variant(cjk=raw.replace("_", ""), negative=raw.startswith(_CJK_NEGATIONS)))
                continue
            # "_" and "-" join words ("cross-encod" = cross_encod): answers are split at both
            pieces = tuple(p for p in (_STRIP.sub("", x) for x in re.split(r"[_-]", raw)) if p)
            if pieces:
                variants.append(
                    Variant(pieces=pieces, stems=tuple(stem_word(p) for p in pieces), negative=pieces[0] in NEGATION_WORDS)
                )
        if variants:
            terms.append(tuple(variants))
    return Alternative(tuple(terms))


class Found(Enum):
    NO = 0
    YES = 1
    NEGATED = 2  # every term is there, but one is under a negation
    WRONG_NUMBER = 3  # every word is there, but the number is a different one


@dataclass
class Sentence:
    """One sentence of an answer, prepared once for all patterns."""

    text: str
    words: list[Word]
    numbers: list[Number]

    @classmethod
    def of(cls, text: str, lang: str) -> Sentence:
        return cls(text, words(text, lang), find_numbers(text))


def _word_matches(word: Word, piece: str, stem: str, *, alone: bool = True) -> bool:
    w = word.text
    if len(piece) <= 3 and alone:  # a short variant is a whole word: "sin" is not "since", "no" not "not"
        return w == piece or word.stem == stem
    if w.startswith(piece) or (len(stem) >= 4 and word.stem.startswith(stem)):
        return True
    if len(piece) < 6 or len(w) < len(piece) - 1:
        return False  # below six letters a typo turns one word into another (whole/while, train/trans)
    # one typo in 6-8 letters, two from 9 on, comparing the word's prefix of about the piece's length
    budget = 1 if len(piece) < 9 else 2
    return min(Levenshtein.distance(w[: len(piece) + d], piece, score_cutoff=budget + 1) for d in (-1, 0, 1)) <= budget


def _is_negation(word: str) -> bool:
    return word in NEGATION_WORDS or word.startswith("никак")  # «никакой логической связи»


def _negated_word(sentence: Sentence, index: int, *, after: bool = False) -> bool:
    """Whether the word at `index` is under a negation in its clause: up to 3 words before it
    ("not learned"), or with `after`, also up to 3 words after it ("sinusoidal encodings are
    not used", «логической связи NSP не оценивает») — used for wrong claims only, since
    "learned, not fixed" must still count as "learned"."""
    words = sentence.words
    for back in range(index - 1, max(index - 4, -1), -1):
        prev = words[back]
        if _CLAUSE_PUNCT.search(sentence.text[prev.end : words[back + 1].start]) or prev.text in _SCOPE_BREAKERS:
            break
        if _is_negation(prev.text):
            return True
    if after:
        for ahead in range(index + 1, min(index + 4, len(words))):
            nxt = words[ahead]
            if _CLAUSE_PUNCT.search(sentence.text[words[ahead - 1].end : nxt.start]) or nxt.text in _SCOPE_BREAKERS:
                break
            if _is_negation(nxt.text):
                return True
    return False


def _variant_occurrences(sentence: Sentence, v: Variant, *, claim: bool = False) -> list[bool]:
    """For each occurrence of `v` in the sentence: is it negated?"""
    if v.number is not None:
        value, percent = v.number
        return [False for n in sentence.numbers if n.equals(value, percent=percent)]
    if v.cjk:
        found = []
        start = sentence.text.find(v.cjk)
        while start != -1:
            before = sentence.text[max(0, start - 3) : start]
            for breaker in _CJK_BREAKERS:
                before = before.rsplit(breaker, 1)[-1]
            for word in _CJK_NOT_NEGATIONS:
                before = before.replace(word, "")
            after = sentence.text[start + len(v.cjk) : start + len(v.cjk) + 6] if claim else ""
            for breaker in _CJK_BREAKERS:
                after = after.split(breaker, 1)[0]
            for word in _CJK_NOT_NEGATIONS:
                after = after.replace(word, "")
            found.append(any(neg in before + after for neg in _CJK_NEGATIONS) and not v.negative)
            start = sentence.text.find(v.cjk, start + 1)
        return found
    found = []
    ws = sentence.words
    n = len(v.pieces)
    for i in range(len(ws) - n + 1):
        if all(_word_matches(ws[i + k], v.pieces[k], v.stems[k], alone=n == 1) for k in range(n)):
            found.append(False if v.negative else _negated_word(sentence, i, after=claim))
        elif n == 1 and not v.negative:
            # glued negation: «необучаемые» (English un-/non- words mostly mean something of their
            # own: unsupervised, unchanged; "non-trainable" splits into the word "non")
            w = ws[i].text
            for prefix in ("не",):
                if w.startswith(prefix) and len(w) > len(prefix) + 2 and w[len(prefix) :].lstrip("-").startswith(v.pieces[0]) and len(v.pieces[0]) >= 4:
                    found.append(True)
                    break
    return found


def match_in(sentence: Sentence, alt: Alternative, *, claim: bool = False) -> Found:
    """Whether `alt` is stated in `sentence` (see `Found`); `claim` for a wrong claim, where a
    negation after the words counts too."""
    check_negation = not alt.states_negation
    negated = False
    number_missing = False
    words_matched = False
    for term in alt.terms:
        occurrences = [neg for v in term for neg in _variant_occurrences(sentence, v, claim=claim)]
        if not occurrences:
            if all(v.number is not None for v in term):
                number_missing = True
                continue
            return Found.NO
        if check_negation and all(occurrences):
            negated = True
        words_matched = True  # this term (a word, or one of the numbers) is there
    if number_missing and not words_matched:
        return Found.NO  # nothing of the alternative is there: the numbers are about something else
    if number_missing:
        # a number of the same order of magnitude in the number's place: "80% of tokens" where
        # "15%" was asked; "512 tokens" is about something else
        expected = [v.number[0] for term in alt.terms for v in term if v.number]
        # (a number spelled out, "two tasks", is rarely a figure's rival)
        rival = any(
            e > 0 and n.value > 0 and not n.spelled and 0.1 <= n.value / e <= 10 and not any(n.equals(x) for x in expected)
            for n in sentence.numbers
            for e in expected
        )
        return Found.WRONG_NUMBER if rival else Found.NO
    return Found.NEGATED if negated else Found.YES


__all__ = ["Alternative", "Found", "NEGATION_WORDS", "Sentence", "compile_alternative", "match_in"]
