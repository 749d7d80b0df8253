"""The practice / review loop: ask, grade, save, show feedback, take the rating.

Each graded answer is written to the history (with the suggested rating) before the feedback
appears; a rating the user picks instead re-schedules that same review. So Ctrl-C, Ctrl-D or a
killed process at any prompt loses nothing that was graded.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from bertquiz.bank.entry import Entry
from bertquiz.i18n import t
from bertquiz.session.terminal import EndSession, Terminal
from bertquiz.srs.store import Answered, Store, utcnow


@dataclass
class Summary:
    """What a session did, for the closing panel (and for tests)."""

    kind: str
    lang: str
    answered: int = 0
    scores: list[float] = field(default_factory=list)
    ratings: Counter[int] = field(default_factory=Counter)
    seconds: float = 0.0
    next_due: datetime | None = None
    interrupted: bool = False

    @property
    def mean_score(self) -> float | None:
        return sum(self.scores) / len(self.scores) if self.scores else None


@contextmanager
def shielded() -> Iterator[None]:
    """Hold back Ctrl-C while an answer is being written; end the session right after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda *_: caught.append(1))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise EndSession


def ask(term: Terminal, entry: Entry, number: str, subtitle: str | None = None) -> tuple[str, int]:
    """Show the question and read the answer; returns (answer, milliseconds taken)."""
    from bertquiz.ui.question_view import question_panel

    term.show(question_panel(entry, number=number, subtitle=subtitle))
    multiline = entry.type == "open"
    if multiline and term.interactive:
        term.show(f"[dim]{t('prompt.multiline', entry.lang)}[/]")
    start = time.monotonic()
    answer = term.read_answer(t("prompt.answer", entry.lang), multiline=multiline)
    return answer, int((time.monotonic() - start) * 1000)


def grade_and_save(store: Store, entry: Entry, answer: str, ms: int, *, session_id: int, scheduler, now: datetime):
    """Grade, then write the review with the suggested rating. Returns (grade, rating, review id).

    The grader (and pydantic, fsrs) is imported here, while the user reads the first question.
    """
    from bertquiz.grading.grade import grade, suggested_rating

    g = grade(entry.question, answer, entry.lang)
    rating = suggested_rating(g)
    answered = Answered(entry.id, entry.topic, entry.lang, answer, g.score, g.verdict.value, rating, ms, _json(g.to_dict()))
    with shielded():
        review_id = store.record(answered, rating, session_id=session_id, scheduler=scheduler, now=now)
    return g, rating, review_id


def run_practice(
    store: Store,
    term: Terminal,
    entries: Sequence[Entry],
    *,
    kind: str,
    lang: str,
    scheduler,
    clock: Callable[[], datetime] = utcnow,
    on_demo: Callable[[str, str], None] | None = None,
) -> Summary:
    """Ask `entries` in order until they run out or the user stops; returns the summary."""
    summary = Summary(kind, lang)
    session_id = store.start_session(kind, lang, clock())
    started = time.monotonic()
    keys = {"", "1", "2", "3", "4", "q"} | ({"d"} if on_demo else set())
    try:
        for i, entry in enumerate(entries, 1):
            answer, ms = ask(term, entry, f"{i}/{len(entries)} · ")
            g, rating, review_id = grade_and_save(store, entry, answer, ms, session_id=session_id, scheduler=scheduler, now=clock())
            summary.answered += 1
            summary.scores.append(g.score)
            summary.ratings[rating] += 1
            from bertquiz.ui.grade_view import grade_panel
            from bertquiz.ui.question_view import answer_view

            term.show(grade_panel(g, entry.lang))
            term.show(answer_view(entry))
            while True:
                demo_hint = f"· d demo {entry.demo} " if on_demo and entry.demo else ""
                key = term.read_key(
                    t("prompt.rate", entry.lang, rating=t(f"rating.{rating}", entry.lang)) + demo_hint,
                    keys,
                    invalid=t("prompt.invalid", entry.lang),
                )
                if key == "d" and on_demo and entry.demo:
                    on_demo(entry.demo, entry.lang)
                    continue
                break
            if key in ("1", "2", "3", "4") and int(key) != rating:
                with shielded():
                    store.override(review_id, int(key), scheduler=scheduler)
                summary.ratings[rating] -= 1
                rating = int(key)
                summary.ratings[rating] += 1
            term.show(f"[dim]{t('session.saved', entry.lang, rating=t(f'rating.{rating}', entry.lang))}[/]\n")
            if key == "q":
                summary.interrupted = i < len(entries)
                break
    except EndSession:
        summary.interrupted = True
    finally:
        summary.seconds = time.monotonic() - started
        store.end_session(session_id, now=clock())
        row = store.conn.execute("SELECT MIN(due) FROM cards").fetchone()
        summary.next_due = datetime.fromisoformat(row[0]) if row and row[0] else None
    return summary


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False)


__all__ = ["Summary", "ask", "grade_and_save", "run_practice", "shielded"]
