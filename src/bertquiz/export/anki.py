"""An Anki package (.apkg) of the banks, made with genanki.

One deck per language ("bertquiz::en"), subdecks per topic; a note per question with its
answer, explanation, sources and demo command. Ids of the model, decks and notes derive from
stable names, so importing a newer export updates the notes instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Sequence
from pathlib import Path

from bertquiz.bank.entry import Entry
from bertquiz.export.rows import question_row


def _id(name: str) -> int:
    # genanki wants ids in [1 << 30, 1 << 31)
    return (1 << 30) + int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "big") % (1 << 30)


FIELDS = ("Question", "Options", "Answer", "Explanation", "Myth", "Sources", "Demo", "Id")
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; max-width: 42em; margin: auto; }
.options { white-space: pre-line; margin-top: .6em; } .myth { color: #b00; } .meta { color: #777; font-size: 14px; }"""
FRONT = '<div class="question">{{Question}}</div>{{#Options}}<div class="options">{{Options}}</div>{{/Options}}'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="answer"><b>{{Answer}}</b></div>'
    '{{#Myth}}<p class="myth">✗ {{Myth}}</p>{{/Myth}}<p>{{Explanation}}</p>'
    '<p class="meta">{{Sources}}</p>{{#Demo}}<p class="meta"><code>{{Demo}}</code></p>{{/Demo}}'
)


def write_apkg(entries: Sequence[Entry], path: Path) -> int:
    """Write `entries` to an .apkg at `path`; returns the number of notes."""
    import genanki

    model = genanki.Model(
        _id("bertquiz-model-v1"),
        "bertquiz question",
        fields=[{"name": f} for f in FIELDS],
        templates=[{"name": "Card 1", "qfmt": FRONT, "afmt": BACK}],
        css=CSS,
    )
    decks: dict[str, genanki.Deck] = {}
    for entry in entries:
        name = f"bertquiz::{entry.lang}::{entry.topic}"
        deck = decks.setdefault(name, genanki.Deck(_id(name), name))
        row = question_row(entry)
        values = [row["prompt"], row["options"], row["answer"], row["explanation"], row["myth"], row["sources"], row["demo"], f"{entry.id} ({entry.lang})"]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[html.escape(v) for v in values],
                guid=genanki.guid_for(entry.id, entry.lang),
                tags=[f"bertquiz::{entry.topic}", f"lang::{entry.lang}", *(t for t in row["tags"].split() if t)],
            )
        )
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return len(entries)


__all__ = ["write_apkg"]
