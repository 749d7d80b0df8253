"""`bertquiz banks ...`: validate, list, show and describe question banks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bertquiz.commands.common import BankOption, JsonOption, LangOption, apply_ui_lang, bank_paths, check_lang, cli_errors, load_user_bank

app = typer.Typer(help="Validate, list and show question banks.", no_args_is_help=True)


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Bank files or folders; the shipped banks when none is given.", show_default=False)
    ] = None,
) -> None:
    """Check bank files; print each problem as FILE:LINE: message and exit 1 if there is any."""
    from bertquiz.bank.bank import validate as validate_banks
    from bertquiz.bank.loader import discover
    from bertquiz.ui.console import err, out

    targets = [*(paths or []), *bank_paths(ctx, None)]
    problems = validate_banks(targets)
    if problems:
        for problem in problems:
            err().print(str(problem), markup=False, highlight=False, soft_wrap=True)
        files = len({p.path for p in problems})
        err().print(f"{len(problems)} problem(s) in {files} file(s)", style="bold red")
        raise typer.Exit(code=1)
    files, _ = discover(targets) if targets else discover([_shipped()])
    out().print(f"[green]OK[/]: {len(files)} file(s), no problems")


@app.command("list")
def list_(
    ctx: typer.Context,
    lang: LangOption = None,
    topic: Annotated[list[str] | None, typer.Option("--topic", "-t", help="Only these topics (repeatable).")] = None,
    json_: JsonOption = False,
    bank: BankOption = None,
) -> None:
    """Count questions by language, topic and type (or list them all with --json)."""
    with cli_errors():
        apply_ui_lang(None, lang)
        check_lang(lang)
        entries = load_user_bank(ctx, bank).select(lang, topics=topic or ())
        if json_:
            import json

            rows = [
                {
                    "id": e.id,
                    "lang": e.lang,
                    "topic": e.topic,
                    "type": e.type,
                    "difficulty": e.difficulty,
                    "demo": e.demo,
                    "tags": list(e.data["tags"]),
                    "covers": list(e.data["covers"]),
                    "file": str(e.path),
                    "line": e.line,
                }
                for e in entries
            ]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
            return
        from bertquiz.ui.bank_tables import counts_table
        from bertquiz.ui.console import out

        out().print(counts_table(entries))


@app.command()
def show(
    ctx: typer.Context,
    qid: Annotated[str, typer.Argument(metavar="ID", help="The question id (see `banks list --json`).")],
    lang: LangOption = "en",
    bank: BankOption = None,
) -> None:
    """Show a question as the user sees it, followed by its answer and explanation."""
    with cli_errors():
        apply_ui_lang(None, lang)
        check_lang(lang)
        entry = load_user_bank(ctx, bank).get(qid, lang or "en")
        from bertquiz.ui.console import out
        from bertquiz.ui.question_view import full_question

        out().print(full_question(entry))


@app.command()
def schema() -> None:
    """Print the JSON Schema of a bank file (for editors and other tools)."""
    from bertquiz.bank.schema import bank_schema_json

    typer.echo(bank_schema_json(), nl=False)


def _shipped() -> Path:
    from bertquiz.paths import shipped_bank_dir

    return shipped_bank_dir()
