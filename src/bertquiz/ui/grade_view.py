"""A grade as the user sees it: the verdict, what was right, what was missing, what was wrong."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel

from bertquiz.grading.result import Grade, Verdict
from bertquiz.i18n import MESSAGES, t
from bertquiz.ui.prose import Prose

_STYLE = {Verdict.CORRECT: "green", Verdict.PARTIAL: "yellow", Verdict.WRONG: "red"}
_MARK = {Verdict.CORRECT: "✓", Verdict.PARTIAL: "~", Verdict.WRONG: "✗"}


def grade_panel(g: Grade, lang: str) -> Panel:
    """The verdict with its score as the title, then each point on its own line."""
    style = _STYLE[g.verdict]
    lines: list[RenderableType] = []
    for note in g.notes:
        key = f"note.{note}"
        if key in MESSAGES and note not in ("unparsed", "blank-count"):
            lines.append(Prose((t(key, lang), "italic")))
    for p in g.contradictions:
        lines.append(Prose(("  ✗ ", "bold red"), p.text, indent=4))
    for p in g.hit:
        lines.append(Prose(("  ✓ ", "green"), p.text, indent=4))
    for p in g.missed:
        lines.append(Prose(("  · ", "yellow"), p.text, indent=4))
    if not lines:
        lines.append(Prose(g.feedback))
    title = f"[bold {style}]{_MARK[g.verdict]} {t('verdict.' + g.verdict.value, lang).rstrip('.。')}[/] · {round(g.score * 100)}%"
    return Panel(Group(*lines), title=title, title_align="left", border_style=style)


__all__ = ["grade_panel"]
