"""The mock interview: mixed questions against the clock, no feedback until the report."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bertquiz.bank.entry import Entry
from bertquiz.i18n import t
from bertquiz.session.practice import ask, grade_and_save
from bertquiz.session.terminal import EndSession, Terminal
from bertquiz.srs.store import Store, utcnow

WEAK_BELOW = 0.6  # a topic whose mean score is under this is listed as weak


@dataclass
class ExamReport:
    lang: str
    minutes: float | None
    asked: int
    answered: int
    score: float  # mean over all asked questions, unanswered ones counting 0
    seconds: float
    topics: dict[str, dict[str, float]] = field(default_factory=dict)  # topic -> {questions, answered, score}
    weakest: list[str] = field(default_factory=list)
    study: list[dict[str, str]] = field(default_factory=list)  # {id, topic, missed, demo}
    time_up: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "minutes": self.minutes,
            "asked": self.asked,
            "answered": self.answered,
            "score": round(self.score, 4),
            "seconds": round(self.seconds, 1),
            "topics": self.topics,
            "weakest": self.weakest,
            "study": self.study,
            "time_up": self.time_up,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ExamReport:
        keys = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in keys})


def run_exam(
    store: Store,
    term: Terminal,
    entries: Sequence[Entry],
    *,
    lang: str,
    minutes: float | None,
    scheduler,
    clock: Callable[[], datetime] = utcnow,
) -> ExamReport:
    """Ask every question (or until time is up); every answer is graded and saved at once."""
    session_id = store.start_session("exam", lang, clock())
    started = time.monotonic()
    deadline = started + minutes * 60 if minutes else None
    results: dict[str, tuple[Entry, float, list[str]]] = {}
    time_up = False
    try:
        for i, entry in enumerate(entries, 1):
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                time_up = True
                break
            subtitle = t("exam.time_left", lang, time=_mmss(left)) if left is not None else None
            answer, ms = ask(term, entry, f"{i}/{len(entries)} · ", subtitle=subtitle)
            g, _, _ = grade_and_save(store, entry, answer, ms, session_id=session_id, scheduler=scheduler, now=clock())
            results[entry.id] = (entry, g.score, [p.text for p in g.missed])
            if deadline is not None and time.monotonic() > deadline:
                time_up = True
                break
    except EndSession:
        pass
    report = build_report(entries, results, lang=lang, minutes=minutes, seconds=time.monotonic() - started, time_up=time_up)
    store.end_session(session_id, report.to_dict(), now=clock())
    return report


def build_report(
    entries: Sequence[Entry],
    results: dict[str, tuple[Entry, float, list[str]]],
    *,
    lang: str,
    minutes: float | None,
    seconds: float,
    time_up: bool,
) -> ExamReport:
    by_topic: dict[str, list[float]] = defaultdict(list)
    answered_by_topic: dict[str, int] = defaultdict(int)
    for e in entries:
        score = results[e.id][1] if e.id in results else 0.0
        by_topic[e.topic].append(score)
        answered_by_topic[e.topic] += e.id in results
    topics = {
        topic: {"questions": len(s), "answered": answered_by_topic[topic], "score": round(sum(s) / len(s), 4)}
        for topic, s in sorted(by_topic.items())
    }
    weakest = [topic for topic, v in sorted(topics.items(), key=lambda kv: kv[1]["score"]) if v["score"] < WEAK_BELOW]
    study = []
    for e in entries:
        score = results[e.id][1] if e.id in results else 0.0
        if score < 0.75:
            missed = results[e.id][2] if e.id in results else [t("exam.unanswered", lang)]
            study.append({"id": e.id, "topic": e.topic, "missed": "; ".join(missed)[:300], "demo": e.demo or ""})
    all_scores = [s for scores in by_topic.values() for s in scores]
    return ExamReport(
        lang=lang,
        minutes=minutes,
        asked=len(entries),
        answered=len(results),
        score=sum(all_scores) / len(all_scores) if all_scores else 0.0,
        seconds=seconds,
        topics=topics,
        weakest=weakest,
        study=study,
        time_up=time_up,
    )


def _mmss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


__all__ = ["ExamReport", "build_report", "run_exam"]
