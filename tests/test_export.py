"""Exports: an .apkg Anki can import, JSON with the history, CSV."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile

from bertquiz.bank.bank import load_bank


def test_anki_package_is_a_zip_with_a_readable_collection(invoke, tmp_path):
    out = tmp_path / "bert.apkg"
    result = invoke("export", "anki", "--lang", "ru", "--topic", "mlm", "-o", str(out))
    assert result.exit_code == 0, result.output
    expected = len(load_bank().select("ru", topics=["mlm"]))
    assert f"{expected} cards" in result.stdout
    with zipfile.ZipFile(out) as z:
        assert z.testzip() is None
        assert "collection.anki2" in z.namelist()
        z.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    notes = conn.execute("SELECT flds, tags FROM notes").fetchall()
    assert len(notes) == expected
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == expected
    fields = [n[0].split("\x1f") for n in notes]
    assert all(len(f) == 8 for f in fields)  # question, options, answer, explanation, myth, sources, demo, id
    assert any("bertquiz demo mlm --lang ru" in f[6] for f in fields)
    assert all(f[3] and f[5] for f in fields)  # every card has its explanation and sources
    decks = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
    assert any(d["name"] == "bertquiz::ru::mlm" for d in decks.values())


def test_json_export_has_banks_and_history(invoke, tmp_path):
    db = tmp_path / "h.sqlite3"
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "bertquiz", "practice", "--lang", "en", "-n", "2", "--db", str(db)], input="A\n\nB\n\n", text=True, capture_output=True, check=True)
    out = tmp_path / "all.json"
    result = invoke("export", "json", "--db", str(db), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["questions"]) == len(load_bank().entries)
    assert len(data["history"]["reviews"]) == 2 and len(data["history"]["cards"]) == 2
    assert data["history"]["reviews"][0]["grade"]["verdict"] in ("correct", "partial", "wrong")


def test_csv_export_to_stdout(invoke):
    result = invoke("export", "csv", "--lang", "zh")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(load_bank().select("zh"))
    order = next(r for r in rows if r["type"] == "order")
    assert order["options"].startswith("1. ") and "(" in order["answer"]


def test_unwritable_export_path_is_a_clean_error(invoke, tmp_path):
    result = invoke("export", "anki", "-o", str(tmp_path / "missing" / "x.apkg"))
    assert result.exit_code == 1
    assert "cannot write here" in result.stderr and "Traceback" not in result.output
    result = invoke("export", "csv", "-o", str(tmp_path))
    assert result.exit_code == 1 and "is a folder" in result.stderr
