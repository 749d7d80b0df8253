"""Practice, review and exam sessions driven through stdin, and what they leave in the history."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "HF_HUB_OFFLINE": "1"}


def run(*args: str, input: str = "", db: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "bertquiz", *args] + (["--db", str(db)] if db else [])
    return subprocess.run(cmd, input=input, capture_output=True, text=True, env=ENV, timeout=timeout)


def stats(db: Path) -> dict:
    result = run("stats", "--json", db=db)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def reviews(db: Path) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    conn.close()
    return rows


def test_practice_session_from_a_pipe_saves_every_answer(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("practice", "--lang", "en", "-n", "3", input="A\n\n15\n1\nB\n4\n", db=db)
    assert result.returncode == 0, result.stderr
    assert "Session summary" in result.stdout and "answered" in result.stdout
    s = stats(db)
    assert s["reviews_total"] == 3 and s["cards"]["total"] >= 3
    rows = reviews(db)
    assert [r["lang"] for r in rows] == ["en"] * 3
    assert rows[1]["rating"] == 1 and rows[2]["rating"] == 4  # overridden with 1 and 4
    assert all(r["duration_ms"] >= 0 and r["reviewed_at"].endswith("+00:00") for r in rows)
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_end_of_input_ends_the_session_with_a_summary(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("practice", "--lang", "ru", "-n", "5", input="A\n\nB\n", db=db)  # EOF at the 2nd rating prompt
    assert result.returncode == 0
    assert "Итоги сессии" in result.stdout and "Сессия прервана" in result.stdout
    assert len(reviews(db)) == 2  # the second answer was graded, so it is kept


def test_invalid_keys_are_asked_again(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("practice", "--lang", "en", "-n", "1", input="A\nx\n9\n\n", db=db)
    assert result.returncode == 0
    assert result.stdout.count("Press Enter, 1-4 or q.") == 2
    assert len(reviews(db)) == 1


@pytest.mark.parametrize("answer", ["", "x" * 1_000_000, "🙂🙃 BERT 🤖", "BERT \u05e9\u05dc\u05d5\u05dd \u202eRTL\u202c", "\t\t"])
def test_odd_answers_never_crash(tmp_path, answer):
    db = tmp_path / "h.sqlite3"
    result = run("practice", "--lang", "en", "-n", "1", "--type", "open", input=answer + "\n\n", db=db)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len(reviews(db)) == 1


def test_review_only_due_and_says_when_nothing_is(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("review", "--lang", "zh", db=db)
    assert result.returncode == 0
    assert "没有需要复习的题目" in result.stdout
    run("practice", "--lang", "zh", "-n", "2", input="A\n1\nA\n1\n", db=db)  # rated Again: due in a minute
    conn = sqlite3.connect(db)
    conn.execute("UPDATE cards SET due = '2000-01-01T00:00:00+00:00'")
    conn.commit()
    conn.close()
    result = run("review", "--lang", "zh", input="A\n\nA\n\nA\n\n", db=db)
    assert result.returncode == 0
    assert len(reviews(db)) == 4  # only the two due cards were asked


def test_a_card_is_per_question_whatever_the_language(tmp_path):
    db = tmp_path / "h.sqlite3"
    run("practice", "--lang", "en", "-n", "1", input="A\n\n", db=db)
    first = reviews(db)[0]["question_id"]
    conn = sqlite3.connect(db)
    conn.execute("UPDATE cards SET due = '2000-01-01T00:00:00+00:00'")
    conn.commit()
    conn.close()
    run("review", "--lang", "ru", "-n", "1", input="A\n\n", db=db)
    rows = reviews(db)
    assert [(r["question_id"], r["lang"]) for r in rows] == [(first, "en"), (first, "ru")]
    assert stats(db)["cards"]["total"] - stats(db)["cards"]["new"] == 1


def test_sigkill_loses_no_graded_answer(tmp_path):
    db = tmp_path / "h.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bertquiz", "practice", "--lang", "en", "-n", "10", "--db", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True, env=ENV,
    )  # fmt: skip
    answered = 4
    for _ in range(answered):
        proc.stdin.write("A\n\n")
        proc.stdin.flush()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if db.exists() and _count(db) == answered:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdin.close()
    assert _count(db) == answered
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=5)
        n = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        conn.close()
        return n
    except sqlite3.OperationalError:
        return -1


def test_two_sessions_on_one_database_lose_no_review(tmp_path):
    db = tmp_path / "h.sqlite3"
    run("config", "new_per_day", "100", db=db)
    cmd = lambda lang: [sys.executable, "-m", "bertquiz", "practice", "--lang", lang, "-n", "8", "--db", str(db)]  # noqa: E731
    procs = [subprocess.Popen(cmd(lang), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV) for lang in ("en", "ru")]
    outs = [p.communicate("A\n\n" * 8, timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1][-500:] for o in outs]
    rows = reviews(db)
    assert len(rows) == 16
    conn = sqlite3.connect(db)
    # every reviewed question has a card, and no card lost its review count
    assert conn.execute("SELECT COUNT(DISTINCT question_id) FROM reviews").fetchone()[0] == conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    conn.close()


def test_not_a_database_is_refused_and_left_alone(tmp_path):
    db = tmp_path / "notes.txt"
    db.write_text("my precious notes\n" * 100)
    before = db.read_bytes()
    result = run("stats", db=db)
    assert result.returncode == 1
    assert f"{db}: not an SQLite database; bertquiz will not overwrite it" in result.stderr
    assert "Traceback" not in result.stderr and db.read_bytes() == before


def test_corrupt_database_is_refused(tmp_path):
    db = tmp_path / "h.sqlite3"
    run("practice", "--lang", "en", "-n", "1", input="A\n\n", db=db)
    data = bytearray(db.read_bytes())
    data[200:4096] = os.urandom(4096 - 200)  # keep the header, wreck the schema page
    db.write_bytes(bytes(data))
    for f in tmp_path.glob("h.sqlite3-*"):
        f.unlink()
    result = run("stats", db=db)
    assert result.returncode == 1
    assert str(db) in result.stderr and "Traceback" not in result.stderr


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "h.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    result = run("stats", db=db)
    assert result.returncode == 1
    assert "schema version 99, newer than this bertquiz understands" in result.stderr


def test_unwritable_location_is_a_clean_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("stats", db=blocker / "h.sqlite3")
    assert result.returncode == 1
    assert "cannot create the folder for the history database" in result.stderr


def test_bertquiz_db_environment_variable(tmp_path):
    db = tmp_path / "env.sqlite3"
    result = subprocess.run([sys.executable, "-m", "bertquiz", "practice", "--lang", "en", "-n", "1"], input="A\n\n", capture_output=True, text=True, env={**ENV, "BERTQUIZ_DB": str(db)}, timeout=60)
    assert result.returncode == 0
    assert len(reviews(db)) == 1


def test_exam_report_is_saved_and_shown_again(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("exam", "--lang", "en", "-n", "4", "--seed", "1", "--json", input="A\nB\n15\nI do not know\n", db=db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    report = json.loads(lines[-1])
    assert report["asked"] == 4 and report["answered"] == 4 and set(report["topics"])
    assert "Your answer" in result.stdout and "Correct." not in result.stdout  # no feedback during the exam
    history = json.loads(run("exam", "--history", "--json", db=db).stdout)
    assert history[0]["score"] == report["score"]
    shown = run("exam", "--history", "--lang", "en", db=db)
    assert "Exam report" in shown.stdout
    assert len(reviews(db)) == 4


def test_stats_json_has_the_documented_keys(tmp_path):
    db = tmp_path / "h.sqlite3"
    run("practice", "--lang", "en", "-n", "2", input="A\n\nA\n\n", db=db)
    s = stats(db)
    assert {"cards", "reviews_total", "due_today", "topics", "forecast", "true_retention", "streak_days"} <= set(s)
    assert s["reviews_total"] == 2 and len(s["forecast"]) == 14 and s["streak_days"] == 1
    assert all({"questions", "seen", "due", "mastery"} <= set(v) for v in s["topics"].values())
    table = run("stats", db=db)
    assert table.returncode == 0 and "due in the next 14 days" in table.stdout


def test_config_shows_sets_and_validates(tmp_path):
    db = tmp_path / "h.sqlite3"
    assert "desired_retention = 0.9" in run("config", db=db).stdout
    assert run("config", "desired_retention", "0.85", db=db).stdout.strip() == "desired_retention = 0.85"
    assert run("config", "desired_retention", db=db).stdout.strip() == "0.85"
    bad = run("config", "desired_retention", "2", db=db)
    assert bad.returncode == 1 and "desired_retention: '2' is outside 0.70-0.99" in bad.stderr
    assert run("config", "colour", "blue", db=db).returncode == 1


def test_unknown_topic_or_type_is_a_clean_error(tmp_path):
    db = tmp_path / "h.sqlite3"
    result = run("practice", "--lang", "en", "--topic", "cooking", db=db)
    assert result.returncode == 1 and "unknown topic 'cooking'" in result.stderr
    result = run("practice", "--lang", "en", "--type", "essay", db=db)
    assert result.returncode == 1 and "unknown question type 'essay'" in result.stderr


def test_an_old_schema_is_migrated_and_keeps_its_history(tmp_path):
    from bertquiz.srs.database import MIGRATIONS, SCHEMA_VERSION

    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO settings VALUES ('new_per_day', '7')")
    conn.commit()
    conn.close()
    assert run("config", "new_per_day", db=db).stdout.strip() == "7"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
    assert {"reviews_retention", "reviews_latest"} <= {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
