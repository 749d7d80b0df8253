"""The banks that ship: clean, in sync with the schema, pointing editors at it."""

from __future__ import annotations

import json

import jsonschema
import yaml

from bertquiz.bank.bank import load_bank, validate
from bertquiz.bank.constants import LANGS, QUESTION_TYPES
from bertquiz.bank.schema import bank_schema, bank_schema_json
from bertquiz.paths import shipped_bank_dir

BANKS = shipped_bank_dir()
FILES = sorted(BANKS.glob("*/*.yaml"))


def test_shipped_banks_validate_clean():
    assert validate() == []


def test_committed_schema_is_generated_from_the_models():
    assert (BANKS / "bank.schema.json").read_text(encoding="utf-8") == bank_schema_json()


def test_schema_accepts_every_shipped_file_and_files_point_at_it():
    assert FILES
    validator = jsonschema.Draft202012Validator(bank_schema())
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../bank.schema.json\n"), path
        errors = list(validator.iter_errors(yaml.safe_load(text)))
        assert not errors, f"{path}: {errors[0].message}"


def test_schema_rejects_what_the_models_reject():
    validator = jsonschema.Draft202012Validator(bank_schema())
    bad = {"lang": "fr", "topic": "x", "questions": [{"id": "a", "type": "essay"}]}
    assert list(validator.iter_errors(bad))


def test_starter_bank_has_every_type_in_every_language():
    bank = load_bank()
    for lang in LANGS:
        assert {e.type for e in bank.select(lang)} == set(QUESTION_TYPES), lang


def test_schema_command_prints_json(invoke):
    result = invoke("banks", "schema")
    assert json.loads(result.stdout)["title"] == "bertquiz question bank"


def test_bank_cache_is_used_and_invalidated_by_an_edit(tmp_path, monkeypatch):
    from bank_samples import CHOICE_EN
    from bertquiz.bank import cache

    monkeypatch.setenv("BERTQUIZ_CACHE", str(tmp_path / "cache"))
    mine = tmp_path / "mine.yaml"
    mine.write_text(CHOICE_EN, encoding="utf-8")
    first = load_bank([mine])
    assert len(list((tmp_path / "cache").glob("bank-*.json"))) == 1
    again = load_bank([mine])  # from the cache: same entries, question built lazily
    assert [e.data for e in again.entries] == [e.data for e in first.entries]
    assert again.get("sample-choice", "en").question.answer == "B"
    mine.write_text(CHOICE_EN.replace("answer: B", "answer: C"), encoding="utf-8")
    import os

    os.utime(mine, ns=(1, 1))  # a different mtime even on a coarse clock
    assert load_bank([mine]).get("sample-choice", "en").question.answer == "C"
    assert cache.cache_dir() == tmp_path / "cache"


def test_a_session_shows_its_first_question_without_pydantic():
    import subprocess
    import sys

    code = (
        "import sys\nfrom bertquiz.bank.bank import load_bank\nfrom bertquiz.ui.question_view import question_panel\n"
        "load_bank()\nb = load_bank()\n"  # the second load comes from the cache
        "from rich.console import Console\nConsole(file=open('/dev/null', 'w')).print(question_panel(b.select('en')[0]))\n"
        "print('pydantic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
