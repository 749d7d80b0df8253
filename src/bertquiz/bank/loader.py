"""Loading bank files: from paths to entries, with every problem reported as FILE:LINE."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bertquiz.bank.constants import LANGS, QUESTION_TYPES
from bertquiz.bank.entry import Entry
from bertquiz.bank.files import discover
from bertquiz.bank.problem import Problem
from bertquiz.bank.question import BankFile
from bertquiz.bank.yaml_source import YamlDocument, YamlError, parse, read_text

def load_file(path: Path) -> tuple[list[Entry], list[Problem]]:
    """The entries of one bank file, or the problems that stop it from loading."""
    try:
        doc = parse(read_text(path))
    except YamlError as e:
        return [], [Problem(path, e.line, e.message)]
    if not isinstance(doc.data, dict):
        shape = "a list" if isinstance(doc.data, list) else f"a single {type(doc.data).__name__} value"
        return [], [Problem(path, 1, f"the top level must be a mapping with 'lang', 'topic' and 'questions', not {shape}")]
    try:
        bank = BankFile.model_validate(doc.data)
    except ValidationError as e:
        return [], [_describe(path, doc, err) for err in e.errors(include_url=False)]
    problems = []
    if path.parent.name in LANGS and path.parent.name != bank.lang:
        problems.append(Problem(path, doc.line_of(("lang",)), f"lang '{bank.lang}' but the file is in folder '{path.parent.name}/'"))
    entries = [
        Entry.of(q, bank.lang, bank.topic, path, doc.line_of(("questions", i)) or 1) for i, q in enumerate(bank.questions)
    ]
    return entries, problems


def check_entries(entries: Sequence[Entry]) -> list[Problem]:
    """Problems across files: duplicate ids and neutral fields that differ between languages."""
    problems: list[Problem] = []
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_id[entry.id].append(entry)
    for qid, group in by_id.items():
        first_in_lang: dict[str, Entry] = {}
        for entry in group:
            if entry.lang in first_in_lang:
                other = first_in_lang[entry.lang]
                problems.append(Problem(entry.path, entry.line, f"question '{qid}': duplicate id in language '{entry.lang}' (also at {other.where})"))
            else:
                first_in_lang[entry.lang] = entry
        reference = group[0]
        ref_fields = reference.question.neutral() | {"topic": reference.topic}
        for entry in first_in_lang.values():
            if entry is reference:
                continue
            fields = entry.question.neutral() | {"topic": entry.topic}
            for key, value in fields.items():
                if value != ref_fields.get(key):
                    problems.append(
                        Problem(
                            entry.path,
                            entry.line,
                            f"question '{qid}': '{key}' is {_show(value)} here but {_show(ref_fields.get(key))} "
                            f"in {reference.where} ({reference.lang}); language-neutral fields must agree",
                        )
                    )
    return problems


def check_parity(entries: Sequence[Entry], langs: Sequence[str]) -> list[Problem]:
    """One problem per question that is missing in one of `langs` (the shipped banks need all)."""
    present: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in entries:
        present[entry.id].setdefault(entry.lang, entry)
    problems = []
    for qid, by_lang in present.items():
        first = next(iter(by_lang.values()))
        for lang in langs:
            if lang not in by_lang:
                problems.append(Problem(first.path, first.line, f"question '{qid}': missing in language '{lang}'"))
    return problems


def load_entries(paths: Iterable[Path]) -> tuple[list[Entry], list[Problem]]:
    """All entries of the bank files under `paths` and every problem found in them."""
    files, problems = discover(paths)
    entries: list[Entry] = []
    for file in files:
        file_entries, file_problems = load_file(file)
        entries.extend(file_entries)
        problems.extend(file_problems)
    problems.extend(check_entries(entries))
    return entries, problems


def _show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def _describe(path: Path, doc: YamlDocument, err: dict[str, Any]) -> Problem:
    """One pydantic error as a Problem that names the question and the field."""
    loc = list(err["loc"])
    # a discriminated union puts the type name into the location: questions.3.choice.options
    if len(loc) >= 3 and loc[0] == "questions" and loc[2] in QUESTION_TYPES:
        del loc[2]
    where = doc.line_of(tuple(loc))
    message = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] == "union_tag_not_found":
        message = f"field 'type' is missing (one of {', '.join(QUESTION_TYPES)})"
    elif err["type"] == "union_tag_invalid":
        message = f"field 'type': unknown type {err['input'].get('type')!r} (one of {', '.join(QUESTION_TYPES)})" if isinstance(err["input"], dict) else message
    elif err["type"] == "extra_forbidden":
        message = "unknown field"
    parts = []
    if len(loc) >= 2 and loc[0] == "questions" and isinstance(loc[1], int):
        raw = doc.data.get("questions")
        raw_q = raw[loc[1]] if isinstance(raw, list) and loc[1] < len(raw) else None
        qid = raw_q.get("id") if isinstance(raw_q, dict) else None
        parts.append(f"question '{qid}'" if isinstance(qid, str) else f"question #{loc[1] + 1}")
        field = ".".join(str(x) for x in loc[2:])
    else:
        field = ".".join(str(x) for x in loc)
    if field and err["type"] not in ("union_tag_not_found", "union_tag_invalid"):
        parts.append(f"field '{field}'")
    parts.append(message)
    return Problem(path, where, ": ".join(parts))


__all__ = ["check_entries", "check_parity", "load_entries", "load_file"]
