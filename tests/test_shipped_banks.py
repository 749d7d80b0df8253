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
