"""The list of demos (`bertquiz demo --list`)."""

from __future__ import annotations

from rich.table import Table

from bertquiz.demos.registry import DEMOS


def demo_table(lang: str) -> Table:
    table = Table("demo", "what it shows", "TEXT", title="bertquiz demo NAME [TEXT]…")
    for name, info in DEMOS.items():
        table.add_row(f"[bold]{name}[/]", info.summary[lang], info.takes_text or "—")
    return table


__all__ = ["demo_table"]
