"""The CLI shell: version, help everywhere, lazy imports, user banks, JSON listing, errors on stderr."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.main import get_command

from bank_samples import CHOICE_EN
from bertquiz import __version__
from bertquiz.cli import app


def test_version(invoke):
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"bertquiz {__version__}"


def _all_command_paths():
    def walk(command, prefix):
        yield prefix
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*prefix, name])

    return list(walk(get_command(app), []))


@pytest.mark.parametrize("path", _all_command_paths(), ids=lambda p: " ".join(p) or "bertquiz")
def test_every_command_has_help(invoke, path):
    result = invoke(*path, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "bertquiz", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"bertquiz {__version__}"


@pytest.mark.parametrize("args", [["--help"], ["banks", "validate"], ["banks", "list"], ["banks", "show", "mlm-mask-rate"]])
def test_light_commands_do_not_import_torch_or_transformers(args):
    code = (
        "import sys\n"
        "from bertquiz.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('torch', 'transformers', 'tokenizers', 'safetensors') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in result.stdout, result.stdout[-500:]


def test_banks_list_json_has_the_documented_fields(invoke):
    result = invoke("banks", "list", "--json", "--lang", "en", "--topic", "mlm")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and all(r["lang"] == "en" and r["topic"] == "mlm" for r in rows)
    assert {"id", "lang", "topic", "type", "difficulty", "demo", "tags"} <= set(rows[0])


def test_banks_list_table_counts(invoke):
    result = invoke("banks", "list", "--lang", "en")
    assert result.exit_code == 0
    assert "mlm" in result.stdout and "total" in result.stdout


def test_banks_show_renders_answer_and_explanation(invoke):
    result = invoke("banks", "show", "mlm-loss-positions", "--lang", "en")
    assert result.exit_code == 0
    out = result.stdout
    assert "Which positions contribute" in out and "Answer" in out and "Explanation" in out and "Myth" in out


def test_banks_show_unknown_id_suggests(invoke):
    result = invoke("banks", "show", "mlm-mask-rat")
    assert result.exit_code == 1
    assert "no question with id 'mlm-mask-rat'; did you mean mlm-mask-rate" in result.stderr
    assert result.stdout == ""


def test_unknown_language_is_a_clean_error(invoke):
    result = invoke("banks", "list", "--lang", "fr")
    assert result.exit_code == 1
    assert "unknown language 'fr' (choose one of: ru, zh, en)" in result.stderr


@pytest.mark.parametrize("where", ["global", "local"])
def test_user_bank_with_one_language_loads_next_to_shipped(invoke, tmp_path, where):
    mine = tmp_path / "mine.yaml"
    mine.write_text(CHOICE_EN, encoding="utf-8")
    args = ["--bank", str(mine), "banks", "list", "--json"] if where == "global" else ["banks", "list", "--json", "--bank", str(mine)]
    rows = json.loads(invoke(*args).stdout)
    ids = {r["id"] for r in rows}
    assert "sample-choice" in ids and "mlm-mask-rate" in ids
    assert invoke("--bank", str(mine), "banks", "show", "sample-choice").exit_code == 0


def test_missing_user_bank_is_a_clean_error(invoke, tmp_path):
    result = invoke("--bank", str(tmp_path / "nope"), "banks", "list")
    assert result.exit_code == 1
    assert "no such bank file or folder" in result.stderr


def test_no_color_is_honoured(tmp_path):
    env = {"NO_COLOR": "1", "FORCE_COLOR": "", "TERM": "xterm-256color", "PATH": ""}
    code = "from bertquiz.cli import app\napp(['banks', 'show', 'mlm-mask-rate'])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 0
    assert "\x1b[" not in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["practice", "--lang", "zh", "--topic", "cooking"], "未知主题 'cooking'"),
        (["practice", "--lang", "ru", "--type", "essay"], "неизвестный тип вопроса 'essay'"),
        (["--ui-lang", "en", "practice", "--lang", "ru", "--topic", "cooking"], "unknown topic 'cooking'"),
        (["--ui-lang", "ru", "practice", "--lang", "fr"], "неизвестный язык 'fr'"),
        (["--ui-lang", "zh", "--bank", "/no/such/bank", "stats"], "/no/such/bank：题库文件或文件夹不存在"),
        (["export", "anki", "--lang", "ru", "-o", "/no/such/dir/x.apkg"], "/no/such/dir/x.apkg: сюда нельзя записать"),
        (["banks", "show", "no-such-id", "--lang", "zh"], "没有 id 为 'no-such-id' 的题目"),
    ],
)
def test_bad_input_is_reported_in_the_interface_language(invoke, tmp_path, args, expected):
    result = invoke(*args, "--db", str(tmp_path / "h.sqlite3")) if args[-1] in ("stats",) or "practice" in args else invoke(*args)
    assert result.exit_code == 1
    assert expected in result.stderr, result.stderr
    assert "Traceback" not in result.output
