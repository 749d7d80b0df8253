"""Tables about banks: question counts by language, topic and type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.table import Table

from bertquiz.bank.constants import QUESTION_TYPES
from bertquiz.bank.entry import Entry


def counts_table(entries: Sequence[Entry]) -> Table:
    """One row per (language, topic), one column per question type, totals at the end."""
    counts = Counter((e.lang, e.topic, e.type) for e in entries)
    types = [t for t in QUESTION_TYPES if any(k[2] == t for k in counts)]
    table = Table(title=f"{len(entries)} questions", show_footer=True)
    table.add_column("lang", footer="all")
    table.add_column("topic")
    for qtype in types:
        table.add_column(qtype, justify="right", footer=str(sum(v for k, v in counts.items() if k[2] == qtype)))
    table.add_column("total", justify="right", style="bold", footer=str(len(entries)))
    for lang, topic in sorted({(k[0], k[1]) for k in counts}):
        row = [counts[(lang, topic, qtype)] for qtype in types]
        table.add_row(lang, topic, *(str(n) if n else "·" for n in row), str(sum(row)))
    return table


__all__ = ["counts_table"]
