"""Session figures: time to the first question, stats on a big history, memory.

    python benchmarks/sessions.py [--runs 7]

Goals (issue: sessions):
- `practice` to the first question, all banks loaded:  <= 2x `python -c "import typer, rich"`
- with 10 000 cards and 200 000 reviews, `review` to the first question and `stats`: <= 4x that floor
- resident memory of a practice session:  <= 80 MB
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psutil

from timing import alternating_medians  # benchmarks/timing.py, beside this script

PY = sys.executable
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}


def to_first_question(args: list[str]) -> tuple[float, float]:
    """Seconds until the first question's prompt is on stdout, and the RSS (MB) at that moment."""
    start = time.perf_counter()
    proc = subprocess.Popen([PY, "-m", "bertquiz", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENV)
    seen = b""
    assert proc.stdout is not None
    while b"answer:" not in seen and b"\xd0\x9e\xd1\x82\xd0\xb2" not in seen:
        chunk = os.read(proc.stdout.fileno(), 65536)
        if not chunk:
            raise RuntimeError(f"no question: {seen[-500:]!r}")
        seen += chunk
    elapsed = time.perf_counter() - start
    rss = psutil.Process(proc.pid).memory_info().rss / 2**20
    proc.kill()
    proc.wait()
    return elapsed, rss


def wall(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([PY, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, check=True)
    return time.perf_counter() - start


def make_history(db: Path, cards: int = 10_000, reviews: int = 200_000) -> None:
    """A history of `cards` cards and `reviews` reviews, made straight in SQLite; the first
    shipped question ids are among the cards and due, so `review` has something to ask."""
    subprocess.run([PY, "-m", "bertquiz", "config", "--db", str(db)], check=True, stdout=subprocess.DEVNULL)
    from bertquiz.bank.bank import load_bank

    real = load_bank().ids("en")
    rng = random.Random(0)
    now = datetime.now(timezone.utc)
    ids = real + [f"synthetic-{i}" for i in range(cards - len(real))]
    conn = sqlite3.connect(db)
    card_rows = []
    for n, qid in enumerate(ids):
        due = now - timedelta(days=1) if n < 20 else now + timedelta(days=rng.randint(0, 60))
        card = {"card_id": n + 1, "state": 2, "step": None, "stability": 10.0, "difficulty": 5.0, "due": due.isoformat(), "last_review": (now - timedelta(days=3)).isoformat()}
        card_rows.append((qid, "mlm", json.dumps(card), 2, due.isoformat(), now.isoformat()))
    conn.executemany("INSERT INTO cards VALUES (?, ?, ?, ?, ?, ?)", card_rows)
    review_rows = []
    for i in range(reviews):
        qid = ids[i % len(ids)]
        when = (now - timedelta(minutes=reviews - i)).isoformat()
        log = json.dumps({"card_id": 1, "rating": 3, "review_datetime": when, "review_duration": 5000})
        review_rows.append((None, qid, "mlm", "en", "an answer", 0.8, "correct", 3, rng.choice((1, 3, 3, 3, 4)), 5000, when, 2, None, log, "{}"))
    conn.executemany(
        "INSERT INTO reviews (session_id, question_id, topic, lang, answer, score, verdict, suggested_rating, rating, "
        "duration_ms, reviewed_at, state_before, card_before_json, review_log_json, grade_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows,
    )
    conn.commit()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.sqlite3"
        big = Path(tmp) / "big.sqlite3"
        t0 = time.perf_counter()
        make_history(big)
        print(f"generated 10 000 cards and 200 000 reviews in {time.perf_counter() - t0:.1f} s")
        cases = {
            "floor: import typer, rich": lambda: wall(["-c", "import typer, rich"]),
            "practice -> first question": lambda: to_first_question(["practice", "--lang", "en", "--db", str(fresh)])[0],
            "review (200k reviews) -> first question": lambda: to_first_question(["review", "--lang", "en", "--db", str(big)])[0],
            "stats (200k reviews)": lambda: wall(["-m", "bertquiz", "stats", "--db", str(big)]),
        }
        med = alternating_medians(cases, args.runs)
        rss = max(to_first_question(["practice", "--lang", "en", "--db", str(fresh)])[1] for _ in range(3))
    floor = med["floor: import typer, rich"]
    goals = {"practice -> first question": 2.0, "review (200k reviews) -> first question": 4.0, "stats (200k reviews)": 4.0}
    print(f"{'':42} {'median ms':>10} {'x floor':>8} {'goal':>6}")
    for name, m in med.items():
        goal = goals.get(name)
        verdict = "" if goal is None else ("OK" if m / floor <= goal else "MISSED")
        print(f"{name:42} {m * 1000:10.1f} {m / floor:8.2f} {'' if goal is None else f'{goal:.1f}x':>6} {verdict}")
    print(f"{'practice RSS at the first question':42} {rss:10.1f} MB   goal 80 MB {'OK' if rss <= 80 else 'MISSED'}")


if __name__ == "__main__":
    main()
