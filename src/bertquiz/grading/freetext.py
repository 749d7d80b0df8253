"""Grading a free-text answer against the key points and wrong claims of an `open` question.

The steps, each guarding against one way a keyword grader is fooled:
1. empty, or written in another language -> wrong, saying so;
2. split into sentences; a key point counts when one of its alternatives is stated in one
   sentence, not under a negation ("not learned" is not "learned");
3. a key point stated with a different number ("80% of tokens are masked" for "15% of tokens
   are chosen") is a wrong claim, and so is a key point stated in the negative;
4. the question's own `contradictions` (wrong claims) found anywhere, unless negated;
5. a bare list of keywords is not a statement: capped below "partial";
6. nothing that touches the question -> off-topic.
"""

from __future__ import annotations

import re
from bertquiz.bank.question import OpenQuestion, Pattern
from bertquiz.grading.patterns import Found, Sentence, compile_alternative, match_in
from bertquiz.grading.result import Marks, Point
from bertquiz.grading.text import clauses, is_language, normalize, sentences, words

CONTRADICTION_PENALTY = 0.25
KEYWORD_LIST_CAP = 0.2
_FRAGMENT_SPLIT = re.compile(r"[,;/\n、，；|]+|\s+-\s+")
_CJK = re.compile(r"[\u3400-\u9fff]")


def grade_open(question: OpenQuestion, answer: str, lang: str) -> Marks:
    text = normalize(answer).strip()
    everything_missed = [Point(k.id, k.text) for k in question.key_points]
    if not re.search(r"\w", text):
        return Marks(0.0, missed=everything_missed, notes=["empty"])
    if not is_language(text, lang):
        return Marks(0.0, missed=everything_missed, notes=["other-language"])

    # wrong claims are looked for clause by clause ("feature-based trains all weights, while
    # fine-tuning freezes them" makes two); key points sentence by sentence, but a sentence that
    # makes a wrong claim only counts for a key point stated within one of its clauses
    units = [(Sentence.of(s, lang), [Sentence.of(c, lang) for c in clauses(s)]) for s in sentences(text)]
    result = Marks(0.0)
    claimed = set()
    for claim in question.contradictions:
        for i, (_, parts) in enumerate(units):
            if _find(claim, parts, claim=True) is Found.YES:
                claimed.add(i)
                if Point(claim.id, claim.text) not in result.wrong:
                    result.wrong.append(Point(claim.id, claim.text))
    clean = [sentence for i, (sentence, _) in enumerate(units) if i not in claimed]
    all_clauses = [c for _, parts in units for c in parts]
    total = sum(k.weight for k in question.key_points)
    gained = 0.0
    for point in question.key_points:
        found = _better(_find(point, clean), _find(point, all_clauses))
        if found is Found.YES:
            result.hit.append(Point(point.id, point.text))
            gained += point.weight
        else:
            result.missed.append(Point(point.id, point.text))
            if found is Found.NEGATED:
                result.wrong.append(Point(f"not-{point.id}", point.text))
                result.notes.append("negated")
            elif found is Found.WRONG_NUMBER:
                result.wrong.append(Point(f"number-{point.id}", point.text))
                result.notes.append("wrong-number")

    score = gained / total - CONTRADICTION_PENALTY * len(result.wrong)
    if _is_keyword_list(text, lang):
        result.notes.append("keyword-list")
        score = min(score, KEYWORD_LIST_CAP)
    if not result.hit and not result.wrong and not _touches(question, text, lang):
        result.notes.append("off-topic")
    result.score = max(0.0, min(1.0, score))
    return result


_RANK = {Found.NO: 0, Found.NEGATED: 1, Found.WRONG_NUMBER: 2, Found.YES: 3}


def _better(a: Found, b: Found) -> Found:
    return a if _RANK[a] >= _RANK[b] else b


def _find(pattern: Pattern, units: list[Sentence], *, claim: bool = False) -> Found:
    """The best finding of any alternative in any unit: YES > WRONG_NUMBER > NEGATED > NO."""
    best = Found.NO
    for source in pattern.match:
        alt = compile_alternative(source)
        for unit in units:
            best = _better(best, match_in(unit, alt, claim=claim))
            if best is Found.YES:
                return best
    return best


def _is_keyword_list(text: str, lang: str) -> bool:
    """Fragments of one or two words separated by commas, with no sentence among them."""
    fragments = [f.strip(" .") for f in _FRAGMENT_SPLIT.split(text) if f.strip(" .")]
    if lang == "zh":
        sizes = [len(_CJK.findall(f)) + len(re.findall(r"[a-z]+", f)) for f in fragments]
        statement, short = 8, 4
    else:
        sizes = [len(words(f, lang)) for f in fragments]
        statement, short = 5, 2
    if not sizes:
        return False
    if len(sizes) == 1:
        return sizes[0] <= short  # "MLM" or "learned": a word, not an answer
    return max(sizes) < statement and sum(s <= short for s in sizes) >= 0.75 * len(sizes)


_STOP = frozenset(
    "the a an of to in and or is are be it that this for on with as by what why how which does do bert "
    "и в во на не что как это для по из с со к а но или ли его их она он они почему какой какие".split()
)  # fmt: skip


def _touches(question: OpenQuestion, text: str, lang: str) -> bool:
    """Whether the answer shares any content word (or, in Chinese, two-character chunk) with
    the question, its model answer and its key points."""
    reference = normalize(" ".join([question.prompt, question.answer, *(k.text for k in question.key_points)]))
    if lang == "zh":
        grams = {text[i : i + 2] for i in range(len(text) - 1) if _CJK.search(text[i : i + 2])}
        ref = {reference[i : i + 2] for i in range(len(reference) - 1)}
        if len(grams & ref) >= 2:
            return True
    ref_stems = {w.stem for w in words(reference, lang) if len(w.text) >= 3 and w.text not in _STOP}
    return any(w.stem in ref_stems for w in words(text, lang) if len(w.text) >= 3 and w.text not in _STOP)


__all__ = ["grade_open"]
