"""Questions as flat rows: what every export format writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bertquiz.bank.entry import Entry
from bertquiz.bank.shuffle import shown_order

COLUMNS = ("id", "lang", "topic", "type", "difficulty", "tags", "prompt", "options", "answer", "explanation", "myth", "sources", "demo")


def question_row(entry: Entry) -> dict[str, Any]:
    """One question as strings: options lettered, order steps as shown, the answer as a person writes it."""
    q = entry.question
    options = ""
    if entry.type in ("choice", "multi"):
        options = "\n".join(f"{chr(65 + i)}. {o.text}" for i, o in enumerate(q.options))
    elif entry.type == "order":
        shown = shown_order(entry.id, len(q.answer))
        options = "\n".join(f"{n}. {q.answer[i]}" for n, i in enumerate(shown, 1))
    answer = q.reference_answer()
    if entry.type == "order":
        shown = shown_order(entry.id, len(q.answer))
        answer = " ".join(str(shown.index(i) + 1) for i in range(len(q.answer))) + f" ({answer})"
    return {
        "id": entry.id,
        "lang": entry.lang,
        "topic": entry.topic,
        "type": entry.type,
        "difficulty": entry.difficulty,
        "tags": " ".join(q.tags),
        "prompt": q.prompt,
        "options": options,
        "answer": answer,
        "explanation": q.explanation,
        "myth": q.myth or "",
        "sources": "; ".join(q.sources),
        "demo": f"bertquiz demo {q.demo} --lang {entry.lang}" if q.demo else "",
    }


def question_rows(entries: Sequence[Entry]) -> list[dict[str, Any]]:
    return [question_row(e) for e in entries]


__all__ = ["COLUMNS", "question_row", "question_rows"]
