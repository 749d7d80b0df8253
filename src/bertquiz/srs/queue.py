"""Which questions a session asks, in which order."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime

from bertquiz.bank.bank import Bank
from bertquiz.bank.entry import Entry
from bertquiz.srs.store import Store, day_start


def practice_queue(
    bank: Bank,
    store: Store,
    *,
    lang: str,
    now: datetime,
    topics: Sequence[str] = (),
    types: Sequence[str] = (),
    limit: int | None = None,
    new: int | None = None,
    due_only: bool = False,
) -> list[Entry]:
    """Due questions first (most overdue first), then new ones up to today's allowance.

    `new` overrides the daily allowance of new questions (settings.new_per_day minus the new
    questions already started today); `due_only` leaves new questions out (`review`).
    """
    pool = {e.id: e for e in bank.select(lang, topics=topics, types=types)}
    due = [pool[qid] for qid in store.due_ids(now) if qid in pool]
    queue = list(due)
    if not due_only:
        settings = store.settings()
        allowance = new if new is not None else max(0, settings.new_per_day - store.new_today(day_start(now, settings.day_starts_at)))
        known = store.known_ids()
        fresh = sorted((e for e in pool.values() if e.id not in known), key=lambda e: (e.difficulty, e.topic, e.id))
        # easier questions first, topics taking turns, the same order every time
        rank: dict[tuple[int, str], int] = {}
        keyed = []
        for e in fresh:
            k = (e.difficulty, e.topic)
            rank[k] = rank.get(k, -1) + 1
            keyed.append(((e.difficulty, rank[k], e.topic), e))
        queue += [e for _, e in sorted(keyed, key=lambda x: x[0])][:allowance]
    return queue[:limit] if limit else queue


def exam_questions(bank: Bank, *, lang: str, n: int, seed: int | None = None, topics: Sequence[str] = ()) -> list[Entry]:
    """`n` questions across topics and difficulties: topics taken in turn, a random question each."""
    rng = random.Random(seed)
    by_topic: dict[str, list[Entry]] = {}
    for e in bank.select(lang, topics=topics):
        by_topic.setdefault(e.topic, []).append(e)
    for entries in by_topic.values():
        rng.shuffle(entries)
    order = sorted(by_topic)
    rng.shuffle(order)
    picked: list[Entry] = []
    while len(picked) < n and any(by_topic.values()):
        for topic in order:
            if by_topic[topic] and len(picked) < n:
                picked.append(by_topic[topic].pop())
    picked.sort(key=lambda e: e.difficulty)  # warm up, then harder
    return picked


__all__ = ["exam_questions", "practice_queue"]
