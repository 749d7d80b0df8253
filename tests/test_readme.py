"""The README's first two commands are the ones CI runs."""

from __future__ import annotations

import re

from conftest import REPO


def first_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", text, re.S)
    assert block, "the README starts with a bash block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_setup_and_test_commands():
    setup, tests = first_commands()
    assert "pip install torch==2.13.0" in setup and setup.endswith("bertquiz practice --lang en")
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert first_commands()[1] in ci.splitlines()
