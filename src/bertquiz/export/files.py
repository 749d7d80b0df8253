"""JSON and CSV exports, and the checks every export makes on its output path."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bertquiz import __version__
from bertquiz.bank.entry import Entry
from bertquiz.errors import BertquizError
from bertquiz.export.rows import COLUMNS, question_rows


def check_writable(path: Path) -> None:
    """BertquizError unless a file can be written at `path` (its folder exists and is writable)."""
    if path.is_dir():
        raise BertquizError(f"{path}: is a folder; give a file name", key="error.is_folder", path=path)
    try:
        with path.open("a"):
            pass
    except OSError as e:
        reason = e.strerror or str(e)
        raise BertquizError(f"{path}: cannot write here ({reason})", key="error.not_writable", path=path, reason=reason) from None


def history(store) -> dict[str, Any]:
    """Cards and reviews of the history database, as stored (fsrs JSON kept as objects)."""
    cards = [
        {"question_id": r["question_id"], "topic": r["topic"], "card": json.loads(r["card_json"]), "due": r["due"]}
        for r in store.conn.execute("SELECT * FROM cards ORDER BY question_id")
    ]
    reviews = []
    for r in store.conn.execute("SELECT * FROM reviews ORDER BY id"):
        row = dict(r)
        row["review_log"] = json.loads(row.pop("review_log_json"))
        row["grade"] = json.loads(row.pop("grade_json"))
        row.pop("card_before_json", None)
        reviews.append(row)
    return {"cards": cards, "reviews": reviews, "settings": store.settings().to_dict()}


def export_json(entries: Sequence[Entry], hist: dict[str, Any] | None) -> str:
    data: dict[str, Any] = {
        "bertquiz": __version__,
        "questions": [{"lang": e.lang, "topic": e.topic} | e.question.model_dump(mode="json") for e in entries],
    }
    if hist is not None:
        data["history"] = hist
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def export_csv(entries: Sequence[Entry]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(question_rows(entries))
    return buffer.getvalue()


__all__ = ["check_writable", "export_csv", "export_json", "history"]
