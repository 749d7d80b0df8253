"""A question as the user sees it: prompt, options, and (after answering) answer and explanation."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from bertquiz.bank.entry import Entry
from bertquiz.bank.constants import letter
from bertquiz.bank.shuffle import shown_order
from bertquiz.i18n import t
from bertquiz.ui.prose import Prose


def question_body(entry: Entry) -> RenderableType:
    """The prompt and whatever the user needs to answer (options, steps, the input hint).

    Built from the entry's plain data, so that showing a question needs no pydantic."""
    q = entry.data
    parts: list[RenderableType] = [Prose((q["prompt"], "bold"))]
    if entry.type in ("choice", "multi"):
        parts += [Prose((f"  {letter(i)}. ", "cyan"), o["text"], indent=5) for i, o in enumerate(q["options"])]
    elif entry.type == "order":
        steps = [q["answer"][i] for i in shown_order(entry.id, len(q["answer"]))]
        parts += [Prose((f"  {n}. ", "cyan"), step, indent=5) for n, step in enumerate(steps, 1)]
    elif entry.type == "numeric" and q.get("unit"):
        parts.append(Text(f"  ({q['unit']})", style="dim"))
    parts.append(Text(f"→ {t('hint.' + entry.type, entry.lang)}", style="dim italic"))
    return Group(*parts)


def question_panel(entry: Entry, *, number: str = "", subtitle: str | None = None) -> Panel:
    """The question in a panel titled with its id, topic, type and difficulty."""
    title = f"{number}[b]{escape(entry.id)}[/] · {escape(entry.topic)} · {t('type.' + entry.type, entry.lang)}"
    subtitle = subtitle or f"{t('difficulty', entry.lang)} {'●' * entry.difficulty}{'○' * (3 - entry.difficulty)}"
    return Panel(question_body(entry), title=title, title_align="left", subtitle=subtitle, subtitle_align="right")


def answer_view(entry: Entry) -> RenderableType:
    """The reference answer, the explanation, the myth it refutes, sources and the demo."""
    q = entry.question
    lang = entry.lang
    parts: list[RenderableType] = [Prose((f"{t('answer', lang)}: ", "bold green"), _answer_text(entry))]
    if q.type == "open":
        parts += [Text(f"{t('key_points', lang)}:", style="bold")]
        parts += [Prose("  • ", k.text, indent=4) for k in q.key_points]
    if q.myth:
        parts.append(Prose((f"{t('myth', lang)}: ", "bold red"), q.myth))
    parts.append(Prose((f"{t('explanation', lang)}: ", "bold"), q.explanation))
    parts.append(Prose((f"{t('sources', lang)}: ", "dim bold"), ("; ".join(q.sources), "dim")))
    if q.demo:
        parts.append(Prose((f"{t('demo', lang)}: ", "bold magenta"), f"bertquiz demo {q.demo} --lang {lang}"))
    return Group(*parts)


def _answer_text(entry: Entry) -> str:
    q = entry.question
    if q.type == "bool":
        return t("true" if q.answer else "false", entry.lang)
    if q.type == "order":
        shown = q.shown_order()
        numbers = " ".join(str(shown.index(i) + 1) for i in range(len(q.answer)))
        return f"{numbers}  ({q.reference_answer()})"
    return q.reference_answer()


def full_question(entry: Entry) -> Group:
    """`banks show`: the question and, below it, its answer."""
    return Group(question_panel(entry), Panel(answer_view(entry), border_style="green"))


__all__ = ["answer_view", "full_question", "question_body", "question_panel"]
