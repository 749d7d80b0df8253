"""A real interactive session in a terminal (tmux): keys, single-key ratings, Ctrl-C."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tmux_driver import TmuxSession, have_tmux

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(not have_tmux() and not os.environ.get("BERTQUIZ_REQUIRE_TMUX"), reason="tmux is not installed (.ci/run installs it)"),
]


def test_interactive_practice_then_ctrl_c_keeps_three_reviews(tmp_path):
    db = tmp_path / "h.sqlite3"
    tmux = TmuxSession(f"{sys.executable} -m bertquiz practice --lang en -n 6 --db {db}", env={"COLUMNS": "80"})
    try:
        tmux.wait_for("1/6 · ")
        tmux.type("12; 768; 12; 3072; 110")  # cloze
        tmux.wait_for("Enter = ")
        tmux.send("Enter")  # accept the suggested rating with one key
        tmux.wait_for("2/6 · ")
        tmux.type("6")  # numeric
        tmux.wait_for("saved · rated", count=1)
        tmux.wait_for("Enter = ", count=2)
        tmux.send("x")  # an invalid key is asked again
        tmux.wait_for("Press Enter, 1-4 or q.")
        tmux.send("3")
        tmux.wait_for("3/6 · ")
        tmux.type("B")  # choice
        tmux.wait_for("saved · rated", count=2)
        tmux.wait_for("Enter = ", count=3)
        tmux.send("Enter")
        tmux.wait_for("4/6 · ")
        tmux.wait_for("empty line ends the answer")  # the open question takes several lines
        tmux.send("C-c")
        screen = tmux.wait_for("Session summary")
        assert "answered" in screen and "every answer given is saved" in screen
        too_wide = [line for line in screen.splitlines() if len(line) > 80]
        assert not too_wide, too_wide
    finally:
        tmux.close()
    stats = json.loads(subprocess.run([sys.executable, "-m", "bertquiz", "stats", "--json", "--db", str(db)], capture_output=True, text=True, check=True).stdout)
    assert stats["reviews_total"] == 3


def test_multiline_free_text_in_a_terminal(tmp_path):
    db = tmp_path / "h.sqlite3"
    tmux = TmuxSession(f"{sys.executable} -m bertquiz practice --lang en -n 1 --type open --db {db}")
    try:
        tmux.wait_for("Your answer:")
        tmux.type("The encoder reads the whole input with bidirectional self-attention.")
        tmux.type("The decoder generates left to right; BERT keeps only the encoder.")
        tmux.send("Enter")  # the empty line ends the answer
        screen = tmux.wait_for("Enter = ")
        assert any(v in screen for v in ("Correct", "Partly right", "Not right"))
        tmux.send("q")
        tmux.wait_for("Session summary")
    finally:
        tmux.close()
    import sqlite3

    answer = sqlite3.connect(db).execute("SELECT answer FROM reviews").fetchone()[0]
    assert answer.count("\n") == 1 and answer.endswith("BERT keeps only the encoder.")
