"""The list of demos (`bertquiz demo --list`)."""

from __future__ import annotations

from rich.table import Table

from bertquiz.demos.registry import DEMOS
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose


def demo_table(lang: str) -> Table:
    table = Table(title="bertquiz demo NAME [TEXT]…")
    table.add_column(t("demo.column.name", lang), style="bold")
    table.add_column(t("demo.column.shows", lang), overflow="fold")
    table.add_column(t("demo.column.text", lang), overflow="fold")
    for name, info in DEMOS.items():
        table.add_row(name, Prose(info.summary[lang]), info.takes_text or "—")
    return table


__all__ = ["demo_table"]
