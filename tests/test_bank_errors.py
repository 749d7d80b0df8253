"""Every class of malformed bank gets one clear FILE:LINE line and exit code 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bank_samples import CHOICE_EN, CHOICE_RU
from bertquiz.bank.yaml_source import MAX_BYTES


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def validate(invoke, *paths: Path):
    result = invoke("banks", "validate", *map(str, paths))
    assert "Traceback" not in result.output
    return result


def test_valid_single_language_bank_passes(invoke, tmp_path):
    path = write(tmp_path, "mine.yaml", CHOICE_EN)
    result = validate(invoke, path)
    assert result.exit_code == 0, result.output
    assert "OK" in result.stdout


CASES = [
    # (name, content, expected line, expected fragment)
    ("syntax", CHOICE_EN.replace('options: ["[SEP]", "[CLS]", "[MASK]"]', 'options: ["[SEP]", "[CLS]"'), 9, "YAML syntax error: did not find expected ',' or ']'"),
    ("tabs", CHOICE_EN.replace("    difficulty: 1", "\tdifficulty: 1"), 6, "tab character in indentation"),
    ("python-tag", CHOICE_EN.replace("difficulty: 1", "difficulty: !!python/object/apply:os.system ['echo pwned']"), 6, "unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    ("custom-tag", CHOICE_EN.replace("demo: cls", "demo: !include other.yaml"), 12, "unsupported tag '!include'"),
    ("duplicate-key", CHOICE_EN.replace("    demo: cls\n", "    demo: cls\n    demo: mlm\n"), 13, "duplicate key 'demo' (first at line 12)"),
    ("missing-field", CHOICE_EN.replace("    explanation: The final hidden state of [CLS] is the aggregate representation.\n", ""), 4, "question 'sample-choice': field 'explanation': Field required"),
    ("wrong-type", CHOICE_EN.replace("difficulty: 1", "difficulty: easy"), 6, "question 'sample-choice': field 'difficulty': Input should be a valid integer"),
    ("out-of-range", CHOICE_EN.replace("difficulty: 1", "difficulty: 7"), 6, "field 'difficulty': Input should be less than or equal to 3"),
    ("unknown-field", CHOICE_EN.replace("demo: cls", "demo: cls\n    hint: none"), 13, "question 'sample-choice': field 'hint': unknown field"),
    ("unknown-type", CHOICE_EN.replace("type: choice", "type: essay"), 4, "field 'type': unknown type 'essay'"),
    ("bad-answer", CHOICE_EN.replace("answer: B", "answer: E"), 4, "answer 'E' is not one of the 3 options"),
    ("unknown-demo", CHOICE_EN.replace("demo: cls", "demo: magic"), 12, "field 'demo': Input should be 'mlm'"),
    ("unknown-language", CHOICE_EN.replace("lang: en", "lang: fr"), 1, "field 'lang': Input should be 'ru', 'zh' or 'en'"),
    ("top-level-list", "- a\n- b\n", 1, "the top level must be a mapping with 'lang', 'topic' and 'questions', not a list"),
    ("top-level-scalar", "just text\n", 1, "not a single str value"),
    ("no-questions", "lang: en\ntopic: x\nquestions: []\n", 3, "field 'questions': List should have at least 1 item"),
    ("myth-without-statement", CHOICE_EN.replace("difficulty: 1", "difficulty: 1\n    tags: [myth]"), 4, "must state the myth in 'myth'"),
    ("cloze-blanks", CHOICE_EN.replace("type: choice", "type: cloze").replace('    options: ["[SEP]", "[CLS]", "[MASK]"]\n    answer: B', "    answer: [[x]]"), 4, "prompt has 0 blank(s) '___' but answer lists 1"),
    ("hash-cuts-text", CHOICE_EN.replace("explanation: The final", "explanation: WordPiece marks pieces with ## and the final"), 10, "' ##' in an unquoted value starts a YAML comment"),
    ("two-documents", CHOICE_EN + "---\nlang: en\n", 13, "one YAML document per file"),
]


@pytest.mark.parametrize(("name", "content", "line", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_each_error_is_one_line_with_file_and_line(invoke, tmp_path, name, content, line, fragment):
    path = write(tmp_path, f"{name}.yaml", content)
    result = validate(invoke, path)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    where = f"{path}:{line}: " if line else f"{path}"
    assert first.startswith(where), first
    assert fragment in first, first
    assert result.stderr.rstrip().endswith("file(s)")


def test_alias_bomb_is_refused(invoke, tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]" for i in range(1, 9)]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert "too many values" in result.stderr and "alias bomb" in result.stderr


def test_deep_nesting_is_refused(invoke, tmp_path):
    path = write(tmp_path, "deep.yaml", "a: " + "[" * 2000 + "]" * 2000 + "\n")
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert f"{path}" in result.stderr and "nesting too deep" in result.stderr


def test_huge_file_is_refused_without_parsing(invoke, tmp_path):
    path = write(tmp_path, "huge.yaml", "# " + "x" * (MAX_BYTES + 10) + "\n")
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert f"{path}: file too large" in result.stderr


def test_non_utf8_names_the_line(invoke, tmp_path):
    path = write(tmp_path, "latin1.yaml", CHOICE_EN.replace("Which token", "Caf\u00e9 token").encode("latin-1"))
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert f"{path}:7: not UTF-8 text (byte 0xe9)" in result.stderr


def test_binary_file(invoke, tmp_path):
    path = write(tmp_path, "model.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert "binary file" in result.stderr


def test_empty_file(invoke, tmp_path):
    path = write(tmp_path, "empty.yaml", "  \n\n")
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert f"{path}: file is empty" in result.stderr


def test_duplicate_ids_across_files(invoke, tmp_path):
    a = write(tmp_path, "a.yaml", CHOICE_EN)
    b = write(tmp_path, "b.yaml", CHOICE_EN)
    result = validate(invoke, a, b)
    assert result.exit_code == 1
    assert f"{b}:4: question 'sample-choice': duplicate id in language 'en' (also at {a}:4)" in result.stderr


def test_languages_that_disagree_on_a_neutral_field(invoke, tmp_path):
    en = write(tmp_path, "en/sample.yaml", CHOICE_EN)
    ru = write(tmp_path, "ru/sample.yaml", CHOICE_RU.replace("answer: B", "answer: C"))
    result = validate(invoke, tmp_path)
    assert result.exit_code == 1
    assert f"{ru}:4: question 'sample-choice': 'answer' is 'C' here but 'B' in {en}:4 (en)" in result.stderr


def test_languages_that_agree_pass(invoke, tmp_path):
    write(tmp_path, "en/sample.yaml", CHOICE_EN)
    write(tmp_path, "ru/sample.yaml", CHOICE_RU)
    assert validate(invoke, tmp_path).exit_code == 0


def test_language_folder_mismatch(invoke, tmp_path):
    path = write(tmp_path, "ru/sample.yaml", CHOICE_EN)
    result = validate(invoke, path)
    assert result.exit_code == 1
    assert f"{path}:1: lang 'en' but the file is in folder 'ru/'" in result.stderr


def test_missing_path(invoke, tmp_path):
    result = validate(invoke, tmp_path / "nope.yaml")
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.yaml'}: no such file or folder" in result.stderr


def test_every_problem_is_reported_not_only_the_first(invoke, tmp_path):
    a = write(tmp_path, "a.yaml", CHOICE_EN.replace("difficulty: 1", "difficulty: 9"))
    b = write(tmp_path, "b.yaml", "")
    result = validate(invoke, a, b)
    assert result.exit_code == 1
    assert "2 problem(s) in 2 file(s)" in result.stderr


def test_a_broken_user_bank_stops_other_commands_cleanly(invoke, tmp_path):
    path = write(tmp_path, "bad.yaml", CHOICE_EN.replace("answer: B", "answer: Z"))
    result = invoke("--bank", str(path), "banks", "list")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}:9: question 'sample-choice': field 'answer'")
    assert "Traceback" not in result.output
