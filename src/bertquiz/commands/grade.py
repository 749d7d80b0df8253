"""`bertquiz grade`: grade one answer, or a file of answers (JSON lines)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bertquiz.commands.common import BankOption, JsonOption, LangOption, check_lang, cli_errors, load_user_bank


def grade_command(
    ctx: typer.Context,
    qid: Annotated[str | None, typer.Argument(metavar="ID", help="The question to grade an answer to.", show_default=False)] = None,
    lang: LangOption = None,
    answer: Annotated[str | None, typer.Option("--answer", "-a", help="The answer; '-' reads it from stdin.", show_default=False)] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help='JSON lines {"id", "lang", "answer"}; prints each with its grade.', show_default=False),
    ] = None,
    json_: JsonOption = False,
    bank: BankOption = None,
) -> None:
    """Grade an answer the way a practice session does, with feedback.

    `bertquiz grade mlm-mask-rate --lang en --answer "15%"`, or many answers at once with
    `bertquiz grade --file answers.jsonl --json`.
    """
    with cli_errors():
        from bertquiz.errors import BertquizError

        check_lang(lang)
        if file is not None:
            if qid or answer is not None:
                raise BertquizError("give either ID with --answer, or --file, not both")
            bank_ = load_user_bank(ctx, bank)
            from bertquiz.grading.batch import grade_file

            failures = grade_file(bank_, file, json_output=json_)
            if failures:
                raise typer.Exit(code=1)
            return
        if qid is None or answer is None:
            raise BertquizError("give a question ID and --answer TEXT (or --file FILE)")
        if answer == "-":
            import sys

            answer = sys.stdin.read()
        entry = load_user_bank(ctx, bank).get(qid, lang or "en")
        from bertquiz.grading.grade import grade

        result = grade(entry.question, answer, entry.lang)
        if json_:
            import json

            typer.echo(json.dumps({"id": entry.id, "lang": entry.lang} | dict(result.to_dict()), ensure_ascii=False))
            return
        from bertquiz.ui.console import out
        from bertquiz.ui.grade_view import grade_panel

        out().print(grade_panel(result, entry.lang))
