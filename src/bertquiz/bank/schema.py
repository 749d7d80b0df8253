"""The JSON Schema of a bank file, generated from the pydantic models.

`questions/bank.schema.json` is this schema as shipped (editors pick it up through the
`# yaml-language-server: $schema=...` line at the top of every bank file); a test keeps it
equal to what the models generate.
"""

from __future__ import annotations

import json
from typing import Any

from bertquiz.bank.question import BankFile


def bank_schema() -> dict[str, Any]:
    schema = BankFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "bertquiz question bank",
        "description": "One file per language and topic: questions/<lang>/<topic>.yaml",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }


def bank_schema_json() -> str:
    return json.dumps(bank_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["bank_schema", "bank_schema_json"]
