"""The review history: cards, reviews, sessions and settings in SQLite.

Every graded answer is written in its own transaction (`record`), so an interrupted or killed
session loses nothing that was graded. Two terminals may share one database: each write reads
the card under SQLite's write lock, so no review is lost to a race.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bertquiz.srs.database import open_database
from bertquiz.srs.settings import Settings, settings_from_rows

MAX_STORED_ANSWER = 100_000  # characters; a 1 MB paste is kept in part


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def day_start(now: datetime, hour: int) -> datetime:
    """The UTC time the user's current day began (the local day starts at `hour`)."""
    local = now.astimezone()
    start = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(timezone.utc)


@dataclass(frozen=True)
class Answered:
    """One graded answer, as the session hands it to the store."""

    question_id: str
    topic: str
    lang: str
    answer: str
    score: float
    verdict: str
    suggested_rating: int
    duration_ms: int
    grade_json: str


class Store:
    """The history database. Use as a context manager, or call `close()`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn: sqlite3.Connection = open_database(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ---- settings ----------------------------------------------------------------------

    def settings(self) -> Settings:
        rows = {r["key"]: r["value"] for r in self.conn.execute("SELECT key, value FROM settings")}
        return settings_from_rows(rows)

    def save_settings(self, settings: Settings) -> None:
        with self.transaction() as c:
            for key, value in settings.to_dict().items():
                c.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, str(value)))

    # ---- sessions ----------------------------------------------------------------------

    def start_session(self, kind: str, lang: str, now: datetime | None = None) -> int:
        with self.transaction() as c:
            cur = c.execute("INSERT INTO sessions (kind, lang, started_at) VALUES (?, ?, ?)", (kind, lang, (now or utcnow()).isoformat()))
            return int(cur.lastrowid or 0)

    def end_session(self, session_id: int, report: dict | None = None, now: datetime | None = None) -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE sessions SET ended_at = ?, report_json = ? WHERE id = ?",
                ((now or utcnow()).isoformat(), json.dumps(report, ensure_ascii=False) if report is not None else None, session_id),
            )

    def exam_reports(self, limit: int = 20) -> list[dict]:
        rows = self.conn.execute(
            "SELECT id, lang, started_at, report_json FROM sessions WHERE kind = 'exam' AND report_json IS NOT NULL ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [{"session": r["id"], "lang": r["lang"], "started_at": r["started_at"]} | json.loads(r["report_json"]) for r in rows]

    # ---- cards and reviews -------------------------------------------------------------

    def record(self, answered: Answered, rating: int, *, session_id: int | None, scheduler, now: datetime | None = None) -> int:
        """Schedule the question's card with `rating` and log the review, in one transaction.

        Returns the review's id (for `override`).
        """
        from fsrs import Card, Rating

        now = now or utcnow()
        with self.transaction() as c:
            row = c.execute("SELECT card_json, state FROM cards WHERE question_id = ?", (answered.question_id,)).fetchone()
            before = Card.from_json(row["card_json"]) if row else Card(card_id=_card_id(answered.question_id), due=now)
            card, log = scheduler.review_card(before, Rating(rating), review_datetime=now, review_duration=answered.duration_ms)
            self._put_card(c, answered.question_id, answered.topic, card, now)
            cur = c.execute(
                """INSERT INTO reviews (session_id, question_id, topic, lang, answer, score, verdict, suggested_rating,
                       rating, duration_ms, reviewed_at, state_before, card_before_json, review_log_json, grade_json)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    session_id,
                    answered.question_id,
                    answered.topic,
                    answered.lang,
                    answered.answer[:MAX_STORED_ANSWER],
                    answered.score,
                    answered.verdict,
                    answered.suggested_rating,
                    rating,
                    answered.duration_ms,
                    now.isoformat(),
                    int(row["state"]) if row else None,
                    before.to_json() if row else None,
                    log.to_json(),
                    answered.grade_json,
                ),
            )
            return int(cur.lastrowid or 0)

    def override(self, review_id: int, rating: int, *, scheduler) -> None:
        """Re-schedule a just-recorded review with the rating the user chose instead."""
        from fsrs import Card, Rating

        with self.transaction() as c:
            r = c.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
            if r is None or r["rating"] == rating:
                return
            when = datetime.fromisoformat(r["reviewed_at"])
            before = Card.from_json(r["card_before_json"]) if r["card_before_json"] else Card(card_id=_card_id(r["question_id"]), due=when)
            card, log = scheduler.review_card(before, Rating(rating), review_datetime=when, review_duration=r["duration_ms"])
            # only if no later review of this card happened meanwhile (another terminal)
            later = c.execute("SELECT 1 FROM reviews WHERE question_id = ? AND id > ?", (r["question_id"], review_id)).fetchone()
            if later is None:
                self._put_card(c, r["question_id"], r["topic"], card, when)
            c.execute("UPDATE reviews SET rating = ?, review_log_json = ? WHERE id = ?", (rating, log.to_json(), review_id))

    @staticmethod
    def _put_card(c: sqlite3.Connection, qid: str, topic: str, card, now: datetime) -> None:
        c.execute(
            """INSERT INTO cards (question_id, topic, card_json, state, due, created_at) VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (question_id) DO UPDATE SET topic = excluded.topic, card_json = excluded.card_json,
                   state = excluded.state, due = excluded.due""",
            (qid, topic, card.to_json(), int(card.state), card.due.astimezone(timezone.utc).isoformat(), now.isoformat()),
        )

    def due_ids(self, now: datetime) -> list[str]:
        """Question ids whose card is due at `now`, most overdue first."""
        rows = self.conn.execute("SELECT question_id FROM cards WHERE due <= ? ORDER BY due", (now.astimezone(timezone.utc).isoformat(),))
        return [r["question_id"] for r in rows]

    def known_ids(self) -> set[str]:
        return {r["question_id"] for r in self.conn.execute("SELECT question_id FROM cards")}

    def new_today(self, since: datetime) -> int:
        """Cards first reviewed since `since` (the start of the user's day)."""
        row = self.conn.execute(
            "SELECT COUNT(*) FROM reviews WHERE state_before IS NULL AND reviewed_at >= ?", (since.isoformat(),)
        ).fetchone()
        return int(row[0])

    def review_count(self, session_id: int | None = None) -> int:
        if session_id is None:
            return int(self.conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0])
        return int(self.conn.execute("SELECT COUNT(*) FROM reviews WHERE session_id = ?", (session_id,)).fetchone()[0])


def _card_id(question_id: str) -> int:
    # fsrs wants an int id; derive a stable one from the question id (fsrs's own default
    # sleeps 1 ms to make its timestamp ids unique)
    import hashlib

    return int.from_bytes(hashlib.sha256(question_id.encode()).digest()[:6], "big")


__all__ = ["Answered", "Store", "day_start", "utcnow"]
