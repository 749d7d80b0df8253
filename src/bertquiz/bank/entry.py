"""A question as loaded: its validated data plus the language, topic and place it came from.

An entry keeps the question as plain data, so that a session can show its first question
without importing pydantic; `entry.question` builds the typed model on first use (grading).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bertquiz.bank.question import Question


@dataclass(frozen=True, eq=False)
class Entry:
    data: dict[str, Any]  # the question as validated plain data (pydantic's model_dump)
    lang: str
    topic: str
    path: Path
    line: int

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def type(self) -> str:
        return self.data["type"]

    @property
    def difficulty(self) -> int:
        return self.data["difficulty"]

    @property
    def demo(self) -> str | None:
        return self.data.get("demo")

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @cached_property
    def question(self) -> Question:
        """The typed model (validated again from `data`; cheap, and only when needed)."""
        from bertquiz.bank.question import question_adapter

        return question_adapter().validate_python(self.data)

    @classmethod
    def of(cls, question: Question, lang: str, topic: str, path: Path, line: int) -> Entry:
        entry = cls(question.model_dump(), lang, topic, path, line)
        entry.__dict__["question"] = question  # already validated
        return entry


__all__ = ["Entry"]
