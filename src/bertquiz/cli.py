"""The `bertquiz` command: wiring only. Each command lives in `bertquiz.commands.*`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bertquiz import __version__
from bertquiz.commands import banks, export, model
from bertquiz.commands.common import UiLangOption, apply_ui_lang, cli_errors
from bertquiz.commands.config import config
from bertquiz.commands.demo import demo
from bertquiz.commands.exam import exam
from bertquiz.commands.grade import grade_command
from bertquiz.commands.practice import practice, review
from bertquiz.commands.stats import stats

app = typer.Typer(
    name="bertquiz",
    help="Get ready for interviews about BERT: questions in ru / zh / en, graded answers, spaced repetition, demos on a tiny BERT.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)
app.add_typer(banks.app, name="banks")
app.add_typer(export.app, name="export")
app.add_typer(model.app, name="model")
app.command()(practice)
app.command()(review)
app.command()(exam)
app.command()(stats)
app.command("grade")(grade_command)
app.command()(config)
app.command()(demo)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bertquiz {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    bank: Annotated[
        list[Path] | None,
        typer.Option("--bank", help="A bank file or folder of your own, loaded next to the shipped banks (repeatable).", show_default=False),
    ] = None,
    ui_lang: UiLangOption = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    from bertquiz.i18n import set_ui_lang

    set_ui_lang(None)  # nothing carries over from an earlier invocation in the same process
    with cli_errors():
        apply_ui_lang(ui_lang)
    ctx.obj = {"banks": list(bank or [])}


def main() -> None:
    app()


__all__ = ["app", "main"]
