"""Closing panels of sessions: the practice summary, the exam report, the statistics."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from bertquiz.i18n import t
from bertquiz.session.exam import ExamReport
from bertquiz.session.practice import Summary
from bertquiz.srs.stats import Stats


def _when(d: datetime | None) -> str:
    return d.astimezone().strftime("%Y-%m-%d %H:%M") if d else "—"


def _duration(seconds: float) -> str:
    m, s = divmod(int(seconds), 60)
    return f"{m}:{s:02d}"


def summary_panel(s: Summary) -> Panel:
    lang = s.lang
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(t("summary.answered", lang), str(s.answered))
    table.add_row(t("summary.score", lang), f"{round(s.mean_score * 100)}%" if s.mean_score is not None else "—")
    table.add_row(t("summary.time", lang), _duration(s.seconds))
    ratings = " · ".join(f"{t(f'rating.{r}', lang)} {n}" for r, n in sorted(s.ratings.items()) if n)
    table.add_row(t("summary.ratings", lang), ratings or "—")
    table.add_row(t("summary.next_due", lang), _when(s.next_due))
    parts: list[RenderableType] = [table]
    if s.interrupted:
        parts.append(Text(t("summary.interrupted", lang), style="italic"))
    return Panel(Group(*parts), title=t("summary.title", lang), title_align="left", border_style="cyan")


def exam_report_view(r: ExamReport) -> Group:
    lang = r.lang
    table = Table(title=f"{t('exam.report', lang)} · {round(r.score * 100)}% · {r.answered}/{r.asked} · {_duration(r.seconds)}")
    table.add_column(t("exam.topic", lang))
    table.add_column(t("exam.questions", lang), justify="right")
    table.add_column(t("exam.score", lang), justify="right")
    table.add_column("", min_width=10)
    for topic, v in r.topics.items():
        score = v["score"]
        style = "green" if score >= 0.75 else "yellow" if score >= 0.6 else "red"
        table.add_row(topic, f"{int(v['answered'])}/{int(v['questions'])}", f"[{style}]{round(score * 100)}%[/]", f"[{style}]{'█' * round(score * 10)}[/]")
    parts: list[RenderableType] = []
    if r.time_up:
        parts.append(Text(t("exam.time_up", lang), style="bold yellow"))
    parts.append(table)
    if r.weakest:
        parts.append(Text.assemble((f"{t('exam.weakest', lang)}: ", "bold red"), ", ".join(r.weakest)))
    if r.study:
        study = Table(title=t("exam.study", lang), show_header=False, box=None, padding=(0, 1))
        study.add_column(style="bold")
        study.add_column()
        for item in r.study[:12]:
            demo = f"  [magenta](bertquiz demo {item['demo']})[/]" if item["demo"] else ""
            study.add_row(item["id"], f"{item['missed']}{demo}")
        parts.append(study)
    return Group(*parts)


def exam_history_table(reports: list[dict], lang: str) -> Table:
    table = Table("#", "date", "lang", t("exam.score", lang), t("exam.questions", lang), t("exam.weakest", lang))
    for r in reports:
        table.add_row(
            str(r["session"]),
            r["started_at"][:16].replace("T", " "),
            r["lang"],
            f"{round(r['score'] * 100)}%",
            f"{r['answered']}/{r['asked']}",
            ", ".join(r.get("weakest", [])) or "—",
        )
    return table


def stats_view(s: Stats, lang: str = "en") -> Group:
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row(t("stats.cards", lang), " · ".join(f"{t('stats.state.' + k, lang)} {v}" for k, v in s.cards.items()))
    head.add_row(t("stats.reviews", lang), f"{s.reviews_total} ({t('stats.today', lang, n=s.reviews_today)})")
    head.add_row(t("stats.due_today", lang), str(s.due_today))
    head.add_row(t("stats.retention", lang), f"{_pct(s.true_retention)}  ({t('stats.last_30', lang, value=_pct(s.true_retention_30d))})")
    head.add_row(t("stats.streak", lang), t("stats.days", lang, n=s.streak_days))
    topics = Table(*(t(f"stats.{c}", lang) for c in ("topic", "questions", "seen", "due", "mastery")), "")
    for tp in s.topics:
        topics.add_row(tp.topic, str(tp.questions), str(tp.seen), str(tp.due), f"{round(tp.mastery * 100)}%", "█" * round(tp.mastery * 10))
    return Group(head, forecast_plot(s.forecast, title=t("stats.forecast", lang)), topics)


def forecast_plot(forecast: list[int], height: int = 6, title: str = "") -> Table:
    """The next 14 days' due cards as a bar chart of block characters."""
    peak = max(forecast) or 1
    blocks = " ▁▂▃▄▅▆▇█"
    table = Table(title=title, show_header=True, box=None, padding=(0, 0))
    for day in range(len(forecast)):
        table.add_column(f"{day:>3}", justify="right")
    rows = []
    for level in range(height, 0, -1):
        row = []
        for n in forecast:
            fill = n / peak * height - (level - 1)
            row.append(" " * 2 + (blocks[-1] if fill >= 1 else blocks[max(0, int(fill * 8))]))
        rows.append(row)
    for row in rows:
        table.add_row(*row)
    table.add_row(*(f"{n:>3}" for n in forecast), style="dim")
    return table


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x * 100:.1f}%"


__all__ = ["exam_history_table", "exam_report_view", "forecast_plot", "stats_view", "summary_panel"]
