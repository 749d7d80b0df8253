"""`bertquiz export anki|json|csv`: the banks (and your history) in other formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bertquiz.commands.common import BankOption, DbOption, LangOption, TopicOption, check_lang, check_topics, cli_errors, db_path, load_user_bank

app = typer.Typer(help="Export the banks to Anki, JSON or CSV.", no_args_is_help=True)

OutOption = Annotated[Path, typer.Option("--output", "-o", help="The file to write.", show_default=False)]
OptionalOut = Annotated[Path | None, typer.Option("--output", "-o", help="The file to write (default: stdout).", show_default=False)]


def _entries(ctx, bank, lang, topic):
    from bertquiz.commands.common import apply_ui_lang

    apply_ui_lang(None, lang)
    check_lang(lang)
    bank_ = load_user_bank(ctx, bank)
    topics = check_topics(bank_, lang, topic) if lang else list(topic or [])
    return bank_.select(lang, topics=topics)


@app.command()
def anki(ctx: typer.Context, output: OutOption, lang: LangOption = None, topic: TopicOption = None, bank: BankOption = None) -> None:
    """An Anki package (.apkg): a deck per language and topic, cards with answer, explanation, sources, demo."""
    with cli_errors():
        from bertquiz.export.anki import write_apkg
        from bertquiz.export.files import check_writable

        entries = _entries(ctx, bank, lang, topic)
        check_writable(output)
        n = write_apkg(entries, output)
        typer.echo(f"{output}: {n} cards")


@app.command("json")
def json_(
    ctx: typer.Context,
    output: OptionalOut = None,
    lang: LangOption = None,
    topic: TopicOption = None,
    no_history: Annotated[bool, typer.Option("--no-history", help="Only the banks, not your review history.")] = False,
    bank: BankOption = None,
    db: DbOption = None,
) -> None:
    """The banks and your review history (cards, reviews, settings) as JSON."""
    with cli_errors():
        from bertquiz.export.files import check_writable, export_json, history

        entries = _entries(ctx, bank, lang, topic)
        hist = None
        if not no_history:
            from bertquiz.srs.store import Store

            with Store(db_path(db)) as store:
                hist = history(store)
        text = export_json(entries, hist)
        _write(text, output, check_writable)


@app.command("csv")
def csv_(ctx: typer.Context, output: OptionalOut = None, lang: LangOption = None, topic: TopicOption = None, bank: BankOption = None) -> None:
    """The questions as CSV: id, lang, topic, type, difficulty, tags, prompt, options, answer, ..."""
    with cli_errors():
        from bertquiz.export.files import check_writable, export_csv

        _write(export_csv(_entries(ctx, bank, lang, topic)), output, check_writable)


def _write(text: str, output: Path | None, check_writable) -> None:
    if output is None:
        typer.echo(text, nl=False)
        return
    check_writable(output)
    output.write_text(text, encoding="utf-8")
    typer.echo(f"{output}: {len(text.encode()):,} bytes")
