"""`bertquiz exam`: a timed mock interview with a report by topic."""

from __future__ import annotations

from typing import Annotated

import typer

from bertquiz.commands.common import BankOption, DbOption, JsonOption, LangOption, TopicOption, UiLangOption, apply_ui_lang, check_topics, cli_errors, db_path, load_user_bank, resolve_lang


def exam(
    ctx: typer.Context,
    lang: LangOption = None,
    minutes: Annotated[float | None, typer.Option("--minutes", "-m", min=1, help="Time limit.", show_default=False)] = 20,
    count: Annotated[int, typer.Option("-n", "--count", min=1, help="Number of questions.")] = 12,
    topic: TopicOption = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Pick the same questions again.", show_default=False)] = None,
    history: Annotated[bool, typer.Option("--history", help="Show the reports of earlier exams.")] = False,
    json_: JsonOption = False,
    ui_lang: UiLangOption = None,
    bank: BankOption = None,
    db: DbOption = None,
) -> None:
    """A mock interview: mixed topics and difficulties, a timer, feedback only at the end."""
    with cli_errors():
        apply_ui_lang(ui_lang)
        from bertquiz.srs.store import Store
        from bertquiz.ui.console import out

        apply_ui_lang(None, lang)
        with Store(db_path(db)) as store:
            lang_ = resolve_lang(lang, store)
            apply_ui_lang(None, lang_)
            if history:
                reports = store.exam_reports()
                if json_:
                    import json

                    typer.echo(json.dumps(reports, ensure_ascii=False, indent=1))
                elif not reports:
                    from bertquiz.i18n import t

                    out().print(t("exam.history_empty", lang_))
                else:
                    from bertquiz.session.exam import ExamReport
                    from bertquiz.ui.session_view import exam_history_table, exam_report_view

                    out().print(exam_history_table(reports, lang_))
                    out().print(exam_report_view(ExamReport.from_dict(reports[0])))
                return
            from bertquiz.session.exam import run_exam
            from bertquiz.session.terminal import Terminal
            from bertquiz.srs.queue import exam_questions
            from bertquiz.srs.scheduling import LazyScheduler
            from bertquiz.ui.session_view import exam_report_view

            bank_ = load_user_bank(ctx, bank)
            entries = exam_questions(bank_, lang=lang_, n=count, seed=seed, topics=check_topics(bank_, lang_, topic))
            report = run_exam(store, Terminal(out()), entries, lang=lang_, minutes=minutes, scheduler=LazyScheduler(store.settings()))
            if json_:
                import json

                typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
            else:
                out().print(exam_report_view(report))
