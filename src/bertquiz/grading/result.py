"""What grading returns: a score, a verdict and the points behind them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypedDict


class Verdict(StrEnum):
    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG = "wrong"


@dataclass(frozen=True)
class Point:
    """A key point, an option, a blank or a wrong claim, by id and by the text shown to the user."""

    id: str
    text: str


@dataclass
class Marks:
    """What a grader found, before the verdict and the feedback are decided (`grade.grade`).

    `wrong` holds wrong picks (closed types) or wrong claims (free text)."""

    score: float
    hit: list[Point] = field(default_factory=list)
    missed: list[Point] = field(default_factory=list)
    wrong: list[Point] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class GradeDict(TypedDict):
    score: float
    verdict: str
    hit: list[dict[str, str]]
    missed: list[dict[str, str]]
    contradictions: list[dict[str, str]]
    feedback: str
    notes: list[str]


@dataclass(frozen=True)
class Grade:
    """The grade of one answer.

    Attributes:
        score: 0.0 (nothing right) to 1.0 (all right).
        verdict: correct / partial / wrong.
        hit: what the answer got right (key points, right options, blanks).
        missed: what it left out or got wrong.
        contradictions: wrong claims it makes (each lowers the score and rules out "correct").
        feedback: one short paragraph in the answer's language.
        notes: machine-readable flags: "empty", "other-language", "off-topic", "keyword-list",
            "unparsed", "wrong-number".
    """

    score: float
    verdict: Verdict
    hit: tuple[Point, ...] = ()
    missed: tuple[Point, ...] = ()
    contradictions: tuple[Point, ...] = ()
    feedback: str = ""
    notes: tuple[str, ...] = field(default=())

    def to_dict(self) -> GradeDict:
        return {
            "score": round(self.score, 4),
            "verdict": self.verdict.value,
            "hit": [{"id": p.id, "text": p.text} for p in self.hit],
            "missed": [{"id": p.id, "text": p.text} for p in self.missed],
            "contradictions": [{"id": p.id, "text": p.text} for p in self.contradictions],
            "feedback": self.feedback,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: GradeDict | dict[str, Any]) -> Grade:
        return cls(
            score=float(data["score"]),
            verdict=Verdict(data["verdict"]),
            hit=tuple(Point(**p) for p in data.get("hit", [])),
            missed=tuple(Point(**p) for p in data.get("missed", [])),
            contradictions=tuple(Point(**p) for p in data.get("contradictions", [])),
            feedback=str(data.get("feedback", "")),
            notes=tuple(data.get("notes", [])),
        )


#: Score thresholds of the free-text verdicts: three key points of four make an answer correct,
#: one of four partial. A wrong claim (a myth, a wrong number, swapped roles) makes it wrong,
#: as it would for a strict interviewer.
CORRECT_FROM = 0.75
PARTIAL_FROM = 0.25


def verdict_for(score: float, *, contradicted: bool = False) -> Verdict:
    if contradicted:
        return Verdict.WRONG
    if score >= CORRECT_FROM:
        return Verdict.CORRECT
    if score >= PARTIAL_FROM:
        return Verdict.PARTIAL
    return Verdict.WRONG


__all__ = ["CORRECT_FROM", "PARTIAL_FROM", "Grade", "GradeDict", "Marks", "Point", "Verdict", "verdict_for"]
