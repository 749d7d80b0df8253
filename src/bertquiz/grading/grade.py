"""The one entry point of grading: `grade(question, answer, lang) -> Grade`."""

from __future__ import annotations

from bertquiz.bank.question import OpenQuestion, Question
from bertquiz.grading import exact
from bertquiz.grading.result import Grade, Marks, Point, Verdict, verdict_for
from bertquiz.i18n import t

MAX_ANSWER_CHARS = 20_000  # a 1 MB paste is graded on its first 20 000 characters

_EXACT = {
    "choice": exact.grade_choice,
    "multi": exact.grade_multi,
    "bool": exact.grade_bool,
    "numeric": exact.grade_numeric,
    "cloze": exact.grade_cloze,
    "order": exact.grade_order,
}


def grade(question: Question, answer: str, lang: str) -> Grade:
    """Grade `answer` to `question`, with feedback in `lang` (the language of the question).

    Pure: the same input gives the same Grade; nothing is stored.
    """
    answer = answer[:MAX_ANSWER_CHARS]
    closed = not isinstance(question, OpenQuestion)
    if not closed:
        from bertquiz.grading.freetext import grade_open

        m = grade_open(question, answer, lang)
        verdict = verdict_for(m.score, contradicted=bool(m.wrong))
    else:
        m = _EXACT[question.type](question, answer) if answer.strip() else Marks(0.0, notes=["empty"])
        if question.type == "bool":  # "true"/"false" in the user's language
            localized = Point("answer", t("true" if question.answer else "false", lang))
            m.hit, m.missed = ([localized], []) if m.hit else ([], [localized])
        if not m.missed and m.score < 1:
            m.missed = [Point("answer", question.reference_answer())]
        verdict = _closed_verdict(question.type, m)
    notes = tuple(dict.fromkeys(m.notes))
    return Grade(
        score=m.score,
        verdict=verdict,
        hit=tuple(m.hit),
        missed=tuple(m.missed),
        contradictions=tuple(m.wrong),
        feedback=_feedback(lang, verdict, m.hit, m.missed, m.wrong, notes, question, closed=closed),
        notes=notes,
    )


def _closed_verdict(qtype: str, e: Marks) -> Verdict:
    """Closed answers are correct only when entirely right. Short of that: a multi answer with a
    wrong pick is wrong, one with only some right picks partial; at least half the blanks, or
    an order with most pairs right, is partial."""
    if e.score >= 0.999:
        return Verdict.CORRECT
    if qtype == "multi":
        return Verdict.WRONG if e.wrong or not e.hit else Verdict.PARTIAL
    if qtype in ("cloze", "order"):
        return Verdict.PARTIAL if e.score >= 0.5 else Verdict.WRONG
    return Verdict.WRONG


def _feedback(
    lang: str,
    verdict: Verdict,
    hit: list[Point],
    missed: list[Point],
    wrong: list[Point],
    notes: tuple[str, ...],
    question: Question,
    *,
    closed: bool = False,
) -> str:
    parts = [t(f"verdict.{verdict.value}", lang)]
    for note in notes:
        if note == "unparsed":
            parts.append(t("note.unparsed", lang, hint=t(f"hint.{question.type}", lang)))
        elif note == "blank-count":
            parts.append(t("note.blank-count", lang, n=len(question.answer)))
        elif f"note.{note}" in _NOTE_KEYS:
            parts.append(t(f"note.{note}", lang))
    if closed:
        if wrong:
            parts.append(t("grade.picked", lang, items=_items(wrong)))
        if missed:
            key = "grade.expected" if question.type in ("choice", "bool", "numeric") else "grade.missing"
            parts.append(t(key, lang, items=_items(missed)))
        return " ".join(parts)
    for p in wrong:
        if p.id.startswith("not-"):
            parts.append(t("grade.negated", lang, items=_items([p])))
        elif p.id.startswith("number-"):
            parts.append(t("grade.number", lang, items=_items([p])))
        else:
            parts.append(t("grade.claim", lang, items=_items([p])))
    if hit:
        parts.append(t("grade.right", lang, items=_items(hit)))
    if missed and "empty" not in notes and "other-language" not in notes:
        parts.append(t("grade.missing", lang, items=_items(missed)))
    return " ".join(parts)


def _items(points: list[Point]) -> str:
    return "; ".join(p.text.rstrip(" .。") for p in points)


_NOTE_KEYS = frozenset(
    f"note.{n}" for n in ("empty", "other-language", "off-topic", "keyword-list", "several-numbers")
)


def suggested_rating(g: Grade) -> int:
    """The FSRS rating the grade suggests: 1 Again, 2 Hard, 3 Good, 4 Easy (fsrs.Rating values).

    Wrong -> Again; partial -> Hard; correct -> Good, or Easy for a perfect answer to a closed
    question. The user can override it in a session with one key.
    """
    if g.verdict is Verdict.WRONG:
        return 1
    if g.verdict is Verdict.PARTIAL:
        return 2
    return 3


__all__ = ["MAX_ANSWER_CHARS", "grade", "suggested_rating"]
