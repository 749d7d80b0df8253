"""Every interface string exists in ru, zh and en, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from bertquiz.i18n import MESSAGES, UI_LANGS, t


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_in_every_language_with_the_same_fields(key):
    forms = MESSAGES[key]
    assert set(forms) == set(UI_LANGS), f"{key} lacks {set(UI_LANGS) - set(forms)}"
    fields = {lang: {f for _, f, _, _ in string.Formatter().parse(text) if f} for lang, text in forms.items()}
    assert len({frozenset(v) for v in fields.values()}) == 1, f"{key}: {fields}"
    assert all(text.strip() for text in forms.values())


def test_every_key_used_in_the_code_exists():
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "bertquiz"
    used = set()
    for path in src.rglob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_.-]+)["']""", path.read_text(encoding="utf-8")))
    assert used, "found no t(...) calls"
    prefixes = {u for u in used if u.endswith(".")}  # t("hint." + q.type, ...)
    assert used - prefixes <= set(MESSAGES), (used - prefixes) - set(MESSAGES)
    assert all(any(k.startswith(p) for k in MESSAGES) for p in prefixes)


def test_families_of_keys_are_complete():
    from bertquiz.bank.constants import QUESTION_TYPES
    from bertquiz.grading.result import Verdict
    from bertquiz.srs.stats import STATE_NAMES

    for qtype in QUESTION_TYPES:
        assert f"hint.{qtype}" in MESSAGES and f"type.{qtype}" in MESSAGES
    for v in Verdict:
        assert f"verdict.{v.value}" in MESSAGES
    for state in [*STATE_NAMES.values(), "new", "total"]:
        assert f"stats.state.{state}" in MESSAGES
    for rating in range(1, 5):
        assert f"rating.{rating}" in MESSAGES


def test_unknown_language_falls_back_to_english():
    assert t("answer", "fr") == "Answer"
