"""`bertquiz practice` and `bertquiz review`: spaced-repetition sessions in the terminal."""

from __future__ import annotations

from typing import Annotated

import typer

from bertquiz.commands.common import (
    BankOption,
    DbOption,
    LangOption,
    TopicOption,
    UiLangOption,
    apply_ui_lang,
    check_topics,
    cli_errors,
    db_path,
    load_user_bank,
    resolve_lang,
)

TypeOption = Annotated[list[str] | None, typer.Option("--type", help="Only these question types (repeatable).", show_default=False)]
CountOption = Annotated[int | None, typer.Option("-n", "--count", min=1, help="At most N questions.", show_default=False)]


def practice(
    ctx: typer.Context,
    lang: LangOption = None,
    topic: TopicOption = None,
    type_: TypeOption = None,
    count: CountOption = None,
    new: Annotated[int | None, typer.Option("--new", min=0, help="New questions today (default: the daily limit in config).", show_default=False)] = None,
    ui_lang: UiLangOption = None,
    bank: BankOption = None,
    db: DbOption = None,
) -> None:
    """Practise: due questions first, then new ones; graded feedback and FSRS scheduling."""
    _session(ctx, "practice", lang, topic, type_, count, new, bank, db, ui_lang, due_only=False)


def review(
    ctx: typer.Context,
    lang: LangOption = None,
    topic: TopicOption = None,
    count: CountOption = None,
    ui_lang: UiLangOption = None,
    bank: BankOption = None,
    db: DbOption = None,
) -> None:
    """Review only what is due, across topics."""
    _session(ctx, "review", lang, topic, None, count, None, bank, db, ui_lang, due_only=True)


def _session(ctx, kind, lang, topic, type_, count, new, bank, db, ui_lang, *, due_only: bool) -> None:
    with cli_errors():
        apply_ui_lang(ui_lang)
        from bertquiz.bank.constants import QUESTION_TYPES
        from bertquiz.errors import BertquizError
        from bertquiz.session.practice import run_practice
        from bertquiz.session.terminal import Terminal
        from bertquiz.srs.queue import practice_queue
        from bertquiz.srs.scheduling import LazyScheduler
        from bertquiz.srs.store import Store, utcnow
        from bertquiz.ui.console import out
        from bertquiz.ui.session_view import summary_panel

        apply_ui_lang(None, lang)
        for qtype in type_ or []:
            if qtype not in QUESTION_TYPES:
                raise BertquizError(
                    f"unknown question type '{qtype}' (types: {', '.join(QUESTION_TYPES)})",
                    key="error.unknown_type",
                    qtype=qtype,
                    types=", ".join(QUESTION_TYPES),
                )
        bank_ = load_user_bank(ctx, bank)
        with Store(db_path(db)) as store:
            lang_ = resolve_lang(lang, store)
            apply_ui_lang(None, lang_)
            topics = check_topics(bank_, lang_, topic)
            entries = practice_queue(bank_, store, lang=lang_, now=utcnow(), topics=topics, types=type_ or (), limit=count, new=new, due_only=due_only)
            term = Terminal(out())
            if not entries:
                from bertquiz.i18n import t

                term.show(t("session.empty", lang_))
                return
            summary = run_practice(store, term, entries, kind=kind, lang=lang_, scheduler=LazyScheduler(store.settings()), on_demo=_demo_runner())
            term.show(summary_panel(summary))


def _demo_runner():
    """Runs a demo inline when the demos are installed (they need torch); None otherwise."""
    import importlib.util

    if importlib.util.find_spec("bertquiz.demos") is None:
        return None

    def run(name: str, lang: str) -> None:
        from bertquiz.demos.runner import run_demo_inline

        run_demo_inline(name, lang)

    return run
