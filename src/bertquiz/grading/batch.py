"""Grading a JSON-lines file of answers: each line graded on its own, bad lines reported."""

from __future__ import annotations

import json
from pathlib import Path

from bertquiz.bank.bank import Bank
from bertquiz.bank.constants import LANGS
from bertquiz.errors import BertquizError


def grade_file(bank: Bank, path: Path, *, json_output: bool) -> int:
    """Grade every line of `path`; print results (JSON lines or a table) and return the number of
    lines that could not be graded (each reported on stderr as FILE:LINE: problem)."""
    from bertquiz.grading.grade import grade
    from bertquiz.ui.console import err, out

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise BertquizError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    failures = 0
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
            qid, lang, answer = item.get("id"), item.get("lang"), item.get("answer")
            if not isinstance(qid, str) or not isinstance(answer, str):
                raise ValueError('needs "id" and "answer" strings')
            if lang not in LANGS:
                raise ValueError(f"unknown language {lang!r} (choose one of: {', '.join(LANGS)})")
            entry = bank.get(qid, lang)
        except (ValueError, BertquizError) as e:
            failures += 1
            err().print(f"{path}:{number}: {e}", markup=False, soft_wrap=True)
            continue
        result = grade(entry.question, answer, lang)
        record = item | dict(result.to_dict())
        if json_output:
            out().print(json.dumps(record, ensure_ascii=False), markup=False, soft_wrap=True, highlight=False)
        else:
            rows.append((number, qid, lang, result))
    if not json_output and rows:
        from rich.table import Table

        table = Table("line", "id", "lang", "verdict", "score")
        for number, qid, lang, result in rows:
            table.add_row(str(number), qid, lang, result.verdict.value, f"{result.score:.2f}")
        out().print(table)
    return failures


__all__ = ["grade_file"]
