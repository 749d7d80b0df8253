"""A question as loaded: the model plus the language, topic and place it came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bertquiz.bank.question import Question


@dataclass(frozen=True)
class Entry:
    question: Question
    lang: str
    topic: str
    path: Path
    line: int

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


__all__ = ["Entry"]
