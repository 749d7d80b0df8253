"""The shipped banks: size, parity, type mix, topics, myths, demos and seed coverage."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest
import yaml

from bertquiz.bank.bank import load_bank
from bertquiz.bank.constants import DEMO_NAMES, LANGS, MYTH_TAG
from conftest import REPO

TOPICS = ("mlm", "nsp", "tokenization", "embeddings", "architecture", "finetuning", "feature-based", "comparisons", "limits")


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_at_least_80_questions_in_every_language_with_full_parity(bank):
    ids = {lang: set(bank.ids(lang)) for lang in LANGS}
    assert len(ids["en"]) >= 80
    assert ids["en"] == ids["ru"] == ids["zh"]


def test_every_topic_has_at_least_six_questions(bank):
    counts = Counter(e.topic for e in bank.select("en"))
    assert set(counts) == set(TOPICS)
    assert min(counts.values()) >= 6, counts


@pytest.mark.parametrize("lang", LANGS)
def test_type_mix(bank, lang):
    types = Counter(e.type for e in bank.select(lang))
    assert types["open"] >= 12 and types["choice"] >= 12 and types["multi"] >= 8
    assert types["numeric"] + types["cloze"] >= 8
    assert types["bool"] >= 1 and types["order"] >= 1


def test_myths_are_tagged_stated_and_cover_the_known_errors(bank):
    myths = [e for e in bank.select("en") if MYTH_TAG in e.question.tags]
    assert len(myths) >= 6
    assert all(e.question.myth and len(e.question.explanation) > 80 for e in myths)
    text = " ".join((e.question.myth or "").lower() for e in myths)
    for needle in ("sine/cosine", "[mask]", "left to right", "concatenat", "[cls]", "nsp is essential"):
        assert needle in text, needle


def test_every_demo_named_is_a_demo(bank):
    named = {e.question.demo for e in bank.entries if e.question.demo}
    assert named <= set(DEMO_NAMES)
    assert len(named) >= 7  # the banks point at most demos


def test_every_seed_question_is_covered_and_the_table_is_current(bank):
    seeds = yaml.safe_load((REPO / "docs" / "seed-questions.yaml").read_text(encoding="utf-8"))
    covered = {sid for e in bank.entries for sid in e.question.covers}
    assert {s["id"] for s in seeds} <= covered
    assert covered <= {s["id"] for s in seeds}
    result = subprocess.run([sys.executable, str(REPO / "tools" / "seed_coverage.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_open_model_answers_grade_correct(bank):
    """A bank whose own model answer fails its key points has broken patterns."""
    from bertquiz.grading.grade import grade

    failures = []
    for e in bank.entries:
        if e.type == "open":
            g = grade(e.question, e.question.answer, e.lang)
            if g.verdict.value != "correct" or g.contradictions:
                failures.append(f"{e.lang} {e.id}: {g.feedback[:160]}")
    assert not failures, "\n".join(failures)
