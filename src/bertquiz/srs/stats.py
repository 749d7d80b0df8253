"""Statistics of the review history, computed in SQL so that 200 000 reviews stay fast."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from bertquiz.bank.bank import Bank
from bertquiz.srs.store import Store, day_start

STATE_NAMES = {1: "learning", 2: "review", 3: "relearning"}
FORECAST_DAYS = 14


@dataclass
class TopicStats:
    topic: str
    questions: int
    seen: int
    due: int
    mastery: float  # mean of the latest score per question, unseen questions counting 0


@dataclass
class Stats:
    cards: dict[str, int]
    reviews_total: int
    reviews_today: int
    due_today: int
    forecast: list[int]  # cards due on each of the next 14 days (today first)
    true_retention: float | None  # Anki: share of reviews of mature-or-young Review cards not failed
    true_retention_30d: float | None
    streak_days: int
    topics: list[TopicStats] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cards": self.cards,
            "reviews_total": self.reviews_total,
            "reviews_today": self.reviews_today,
            "due_today": self.due_today,
            "forecast": self.forecast,
            "true_retention": self.true_retention,
            "true_retention_30d": self.true_retention_30d,
            "streak_days": self.streak_days,
            "topics": {t.topic: {"questions": t.questions, "seen": t.seen, "due": t.due, "mastery": round(t.mastery, 4)} for t in self.topics},
        }


def compute_stats(store: Store, bank: Bank, *, now: datetime, lang: str | None = None) -> Stats:
    c = store.conn
    settings = store.settings()
    today = day_start(now, settings.day_starts_at)
    tomorrow = today + timedelta(days=1)
    iso = lambda d: d.astimezone(timezone.utc).isoformat()  # noqa: E731

    by_state = dict(c.execute("SELECT state, COUNT(*) FROM cards GROUP BY state").fetchall())
    bank_ids = set(bank.ids(lang))
    seen = {r[0] for r in c.execute("SELECT question_id FROM cards")}
    cards = {"new": len(bank_ids - seen)} | {name: int(by_state.get(s, 0)) for s, name in STATE_NAMES.items()}
    cards["total"] = sum(v for k, v in cards.items())

    forecast = []
    for d in range(FORECAST_DAYS):
        lo, hi = today + timedelta(days=d), today + timedelta(days=d + 1)
        low = "" if d == 0 else iso(lo)  # today includes everything overdue
        forecast.append(int(c.execute("SELECT COUNT(*) FROM cards WHERE due >= ? AND due < ?", (low, iso(hi))).fetchone()[0]))

    def retention(since: str) -> float | None:
        row = c.execute(
            "SELECT COUNT(*), SUM(rating > 1) FROM reviews WHERE state_before = 2 AND reviewed_at >= ?", (since,)
        ).fetchone()
        return (row[1] or 0) / row[0] if row[0] else None

    streak = _streak(c, today, iso)

    topics = []
    latest = {
        r[0]: r[1]
        for r in c.execute(
            "SELECT question_id, score FROM reviews WHERE id IN (SELECT MAX(id) FROM reviews GROUP BY question_id)"
        )
    }
    due_ids = {r[0] for r in c.execute("SELECT question_id FROM cards WHERE due < ?", (iso(tomorrow),))}
    for topic in bank.topics(lang):
        ids = {e.id for e in bank.select(lang, topics=[topic])}
        if lang is None:
            ids = set(ids)
        topics.append(
            TopicStats(
                topic,
                questions=len(ids),
                seen=len(ids & seen),
                due=len(ids & due_ids),
                mastery=sum(latest.get(i, 0.0) for i in ids) / len(ids) if ids else 0.0,
            )
        )
    return Stats(
        cards=cards,
        reviews_total=store.review_count(),
        reviews_today=int(c.execute("SELECT COUNT(*) FROM reviews WHERE reviewed_at >= ?", (iso(today),)).fetchone()[0]),
        due_today=forecast[0],
        forecast=forecast,
        true_retention=retention(""),
        true_retention_30d=retention(iso(now - timedelta(days=30))),
        streak_days=streak,
        topics=topics,
    )


def _streak(c, today: datetime, iso) -> int:
    """Consecutive days with reviews, ending today (or yesterday, if none yet today); one
    indexed look-up per day of the streak."""

    def reviewed(day_start: datetime) -> bool:
        row = c.execute(
            "SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? LIMIT 1",
            (iso(day_start), iso(day_start + timedelta(days=1))),
        ).fetchone()
        return row is not None

    day = today if reviewed(today) else today - timedelta(days=1)
    n = 0
    while n < 3650 and reviewed(day):
        n += 1
        day -= timedelta(days=1)
    return n


__all__ = ["Stats", "TopicStats", "compute_stats"]
