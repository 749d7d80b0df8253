"""Opening the history database: a versioned schema with migrations, WAL and a busy timeout.

A file that is not SQLite, is corrupt, or comes from a newer bertquiz is refused with a clear
message and never overwritten.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from bertquiz.errors import BertquizError

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000

# Each migration takes the schema from version i to i + 1. Append, never edit.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE cards (
        question_id TEXT PRIMARY KEY,   -- one card per question id, whatever the language
        topic       TEXT NOT NULL,
        card_json   TEXT NOT NULL,      -- fsrs.Card.to_json()
        state       INTEGER NOT NULL,   -- fsrs.State, copied out for queries
        due         TEXT NOT NULL,      -- ISO 8601 UTC, copied out for queries
        created_at  TEXT NOT NULL
    );
    CREATE INDEX cards_due ON cards (due);
    CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY,
        kind        TEXT NOT NULL,      -- practice / review / exam
        lang        TEXT NOT NULL,
        started_at  TEXT NOT NULL,
        ended_at    TEXT,
        report_json TEXT                -- the exam report, kept to be shown again
    );
    CREATE TABLE reviews (
        id               INTEGER PRIMARY KEY,
        session_id       INTEGER REFERENCES sessions (id),
        question_id      TEXT NOT NULL,
        topic            TEXT NOT NULL,
        lang             TEXT NOT NULL,
        answer           TEXT NOT NULL,
        score            REAL NOT NULL,
        verdict          TEXT NOT NULL,
        suggested_rating INTEGER NOT NULL,
        rating           INTEGER NOT NULL,
        duration_ms      INTEGER NOT NULL,
        reviewed_at      TEXT NOT NULL,  -- ISO 8601 UTC
        state_before     INTEGER,        -- fsrs.State before the review (NULL for a new card)
        card_before_json TEXT,           -- to re-schedule when the rating is overridden
        review_log_json  TEXT NOT NULL,  -- fsrs.ReviewLog.to_json()
        grade_json       TEXT NOT NULL   -- bertquiz Grade.to_dict()
    );
    CREATE INDEX reviews_question ON reviews (question_id);
    CREATE INDEX reviews_time ON reviews (reviewed_at);
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: covering indexes for stats on a long history (true retention; the latest score of
    # each question), ~4x faster on 200 000 reviews
    """
    CREATE INDEX reviews_retention ON reviews (state_before, reviewed_at, rating);
    CREATE INDEX reviews_latest ON reviews (question_id, id, score);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


def open_database(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the history database at `path`."""
    _refuse_foreign_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BertquizError(f"cannot create the folder for the history database {path.parent}: {e.strerror or e}") from None
    if path.exists() and not os.access(path, os.W_OK):
        raise BertquizError(f"{path}: the history database is not writable")
    if not path.exists() and not os.access(path.parent, os.W_OK):
        raise BertquizError(f"{path.parent}: cannot create the history database here (folder not writable)")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise BertquizError(
                f"{path}: the history database has schema version {version}, newer than this bertquiz "
                f"understands ({SCHEMA_VERSION}); upgrade bertquiz"
            )
        # (no integrity check here: it reads the whole file; damage found later is reported by
        # the commands' error edge as "damaged", see commands.common.cli_errors)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a graded answer survives a killed process and a crash
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, version)
        return conn
    except sqlite3.DatabaseError as e:
        raise BertquizError(f"{path}: not a usable history database ({e})") from None


def _refuse_foreign_file(path: Path) -> None:
    if path.is_dir():
        raise BertquizError(f"{path}: is a folder, not a history database file")
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as e:
        raise BertquizError(f"{path}: cannot read the history database: {e.strerror or e}") from None
    if head and head != SQLITE_HEADER:
        raise BertquizError(f"{path}: not an SQLite database; bertquiz will not overwrite it (choose another --db)")


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    for target in range(version, SCHEMA_VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # re-read under the write lock: another terminal may have migrated meanwhile
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current <= target:
                for statement in MIGRATIONS[target].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {target + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


__all__ = ["SCHEMA_VERSION", "open_database"]
