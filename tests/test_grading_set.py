"""The grader against the labelled answers: a guard against regressions (benchmarks/grading.py
prints the full figures)."""

from __future__ import annotations

import json
from collections import defaultdict

from bertquiz.bank.bank import load_bank
from bertquiz.grading.grade import grade
from conftest import REPO

ROWS = [json.loads(line) for line in (REPO / "tests" / "grading_set" / "answers.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_set_is_large_enough_and_well_formed():
    bank = load_bank()
    assert len(ROWS) >= 150
    for r in ROWS:
        assert r["label"] in ("correct", "partial", "wrong") and r["split"] in ("dev", "test")
        bank.get(r["id"], r["lang"])  # raises for an unknown id
    assert {r["lang"] for r in ROWS} == {"en", "ru", "zh"}
    assert sum(r["split"] == "test" for r in ROWS) >= 90


def test_agreement_in_every_language_and_no_wrong_answer_graded_correct():
    bank = load_bank()
    agree: dict[str, list[bool]] = defaultdict(list)
    wrong_as_correct = []
    for r in ROWS:
        verdict = grade(bank.get(r["id"], r["lang"]).question, r["answer"], r["lang"]).verdict.value
        agree[r["lang"]].append(verdict == r["label"])
        if r["label"] == "wrong" and verdict == "correct":
            wrong_as_correct.append(r)
    for lang, hits in agree.items():
        assert sum(hits) / len(hits) >= 0.9, (lang, sum(hits) / len(hits))
    assert not wrong_as_correct, wrong_as_correct
