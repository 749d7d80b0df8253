"""A newcomer's path in a real terminal (tmux, 80 columns, NO_COLOR): a first session in each
language answering a question of every type, an exam to the end, then stats."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from bertquiz.i18n import MESSAGES
from tmux_driver import TmuxSession, have_tmux

pytestmark = [
    pytest.mark.terminal,
    pytest.mark.skipif(not have_tmux() and not os.environ.get("BERTQUIZ_REQUIRE_TMUX"), reason="tmux is not installed (.ci/run installs it)"),
]

ANSWERS = {  # something of the right form for each type
    "choice": "B",
    "multi": "A C",
    "bool": {"en": "true", "ru": "да", "zh": "对"},
    "numeric": "15",
    "cloze": "80; 10; 10",
    "order": "1 2 3 4 5",
    "open": {
        "en": "Of the 15% chosen, 80% get [MASK], 10% a random token and 10% stay, because [MASK] never appears in fine-tuning.",
        "ru": "Из выбранных 15% токенов 80% заменяют на [MASK], 10% на случайный, 10% оставляют: при дообучении [MASK] не встречается.",
        "zh": "被选中的 15% 中，80% 换成 [MASK]，10% 随机替换，10% 不变，因为微调时没有 [MASK]。",
    },
}


def _type_of(panel_title: str, lang: str) -> str:
    for qtype in ANSWERS:
        if MESSAGES[f"type.{qtype}"][lang] in panel_title:
            return qtype
    raise AssertionError(f"no type in {panel_title!r}")


def _narrow(screen: str) -> list[str]:
    """Lines wider than 80 columns, except what the user typed (the terminal wraps that)."""
    typed = tuple(MESSAGES["prompt.answer"].values())
    return [line for line in screen.splitlines() if len(line) > 80 and not line.startswith(typed)]


@pytest.mark.parametrize("lang", ["en", "ru", "zh"])
def test_first_session_answers_every_type(tmp_path, lang):
    db = tmp_path / "h.sqlite3"
    n = 11  # the mlm topic holds a question of every type
    tmux = TmuxSession(f"{sys.executable} -m bertquiz practice --lang {lang} --topic mlm --new {n} --db {db}", env={"NO_COLOR": "1"})
    seen = set()
    try:
        for i in range(1, n + 1):
            screen = tmux.wait_for(f"{i}/{n} · ")
            title = next(line for line in screen.splitlines() if f"{i}/{n} · " in line)
            qtype = _type_of(title, lang)
            seen.add(qtype)
            answer = ANSWERS[qtype]
            tmux.type(answer[lang] if isinstance(answer, dict) else answer)
            if qtype == "open":
                tmux.send("Enter")  # an empty line ends free text
            tmux.wait_for_last_line(MESSAGES["rating.1"][lang])  # the rating prompt waits for a key
            tmux.send("Enter")
        screen = tmux.wait_for(MESSAGES["summary.title"][lang])
        assert not _narrow(screen), _narrow(screen)
        assert "\x1b[" not in screen
    finally:
        tmux.close()
    assert seen == set(ANSWERS)
    stats = json.loads(subprocess.run([sys.executable, "-m", "bertquiz", "stats", "--json", "--db", str(db)], capture_output=True, text=True, check=True).stdout)
    assert stats["reviews_total"] == n


def test_exam_to_the_end_then_stats(tmp_path):
    db = tmp_path / "h.sqlite3"
    tmux = TmuxSession(f"{sys.executable} -m bertquiz exam --lang ru -n 3 --seed 7 --db {db}", env={"NO_COLOR": "1"})
    try:
        for i in range(1, 4):
            screen = tmux.wait_for(f"{i}/3 · ")
            assert re.search(r"осталось \d+:\d\d", screen)  # the timer
            title = next(line for line in screen.splitlines() if f"{i}/3 · " in line)
            qtype = _type_of(title, "ru")
            answer = ANSWERS[qtype]
            tmux.type(answer["ru"] if isinstance(answer, dict) else answer)
            if qtype == "open":
                tmux.send("Enter")
        screen = tmux.wait_for("Отчёт об экзамене")
        assert not _narrow(screen), _narrow(screen)
    finally:
        tmux.close()
    tmux = TmuxSession(f"{sys.executable} -m bertquiz stats --lang ru --db {db}", env={"NO_COLOR": "1"})
    try:
        screen = tmux.wait_for("освоение")
        assert not _narrow(screen), _narrow(screen)
        assert "ответы" in screen and "3" in screen
    finally:
        tmux.close()


@pytest.mark.torch
def test_a_demo_runs_from_inside_practice(tmp_path):
    db = tmp_path / "h.sqlite3"
    tmux = TmuxSession(f"{sys.executable} -m bertquiz practice --lang en --topic mlm --type numeric -n 1 --db {db}", env={"NO_COLOR": "1"})
    try:
        tmux.wait_for("1/1 · ")
        tmux.type("15")
        tmux.wait_for_last_line("d demo mlm")
        tmux.send("d")  # one key runs the question's demo inline
        screen = tmux.wait_for("Masked LM on the tiny BERT", timeout=90)
        tmux.wait_for_last_line("d demo mlm", timeout=90)  # back at the rating prompt
        tmux.send("Enter")
        screen = tmux.wait_for("Session summary")
        assert not _narrow(screen), _narrow(screen)
    finally:
        tmux.close()
    stats = json.loads(subprocess.run([sys.executable, "-m", "bertquiz", "stats", "--json", "--db", str(db)], capture_output=True, text=True, check=True).stdout)
    assert stats["reviews_total"] == 1
