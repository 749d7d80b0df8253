"""A grade as the user sees it: the verdict, what was right, what was missing, what was wrong."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from bertquiz.grading.result import Grade, Verdict
from bertquiz.i18n import t

_STYLE = {Verdict.CORRECT: "green", Verdict.PARTIAL: "yellow", Verdict.WRONG: "red"}
_MARK = {Verdict.CORRECT: "✓", Verdict.PARTIAL: "~", Verdict.WRONG: "✗"}


def grade_panel(g: Grade, lang: str) -> Panel:
    """The verdict with its score as the title, then each point on its own line."""
    style = _STYLE[g.verdict]
    lines: list[RenderableType] = []
    for note in g.notes:
        key = f"note.{note}"
        from bertquiz.i18n import MESSAGES

        if key in MESSAGES and note not in ("unparsed", "blank-count"):
            lines.append(Text(t(key, lang), style="italic"))
    for p in g.contradictions:
        lines.append(Text.assemble(("  ✗ ", "bold red"), p.text))
    for p in g.hit:
        lines.append(Text.assemble(("  ✓ ", "green"), p.text))
    for p in g.missed:
        lines.append(Text.assemble(("  · ", "yellow"), p.text))
    if not lines:
        lines.append(Text(g.feedback))
    title = f"[bold {style}]{_MARK[g.verdict]} {t('verdict.' + g.verdict.value, lang).rstrip('.。')}[/] · {round(g.score * 100)}%"
    return Panel(Group(*lines), title=title, title_align="left", border_style=style)


__all__ = ["grade_panel"]
