"""What the commands share: option aliases, the error edge, the user's banks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from bertquiz.bank.bank import Bank

BankOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--bank",
        help="A bank file or folder of your own, loaded next to the shipped banks (repeatable).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")]
UiLangOption = Annotated[
    str | None,
    typer.Option("--ui-lang", help="Language of the interface (default: --lang).", show_default=False),
]
LangOption = Annotated[str | None, typer.Option("--lang", "-l", help="Language: ru, zh or en.", show_default=False)]


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turn BertquizError into a message on stderr and exit code 1, never a traceback."""
    import sqlite3

    from bertquiz.errors import BertquizError

    try:
        yield
    except BertquizError as e:
        from bertquiz.ui.console import print_error

        print_error(e.localized())
        raise typer.Exit(code=1) from None
    except sqlite3.DatabaseError as e:
        from bertquiz.ui.console import print_error

        print_error(f"the history database is damaged or unreadable ({e}); restore it from a backup or use another --db")
        raise typer.Exit(code=1) from None


def bank_paths(ctx: typer.Context, local: list[Path] | None) -> list[Path]:
    """User banks given globally (`bertquiz --bank P cmd`) and to the command (`cmd --bank P`)."""
    global_banks = (ctx.obj or {}).get("banks", []) if ctx is not None else []
    return [*global_banks, *(local or [])]


def load_user_bank(ctx: typer.Context, local: list[Path] | None) -> Bank:
    from bertquiz.bank.bank import load_bank

    return load_bank(bank_paths(ctx, local))


def check_lang(lang: str | None) -> str | None:
    from bertquiz.bank.constants import LANGS
    from bertquiz.errors import BertquizError

    if lang is not None and lang not in LANGS:
        raise BertquizError(f"unknown language '{lang}' (choose one of: {', '.join(LANGS)})", key="error.unknown_lang", lang=lang)
    return lang


DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="The history database (default: $BERTQUIZ_DB, else your data folder).", show_default=False),
]
TopicOption = Annotated[list[str] | None, typer.Option("--topic", "-t", help="Only these topics (repeatable).", show_default=False)]


def db_path(db: Path | None) -> Path:
    """--db, else $BERTQUIZ_DB, else history.sqlite3 in the user's data folder."""
    import os

    if db is not None:
        return db
    env = os.environ.get("BERTQUIZ_DB")
    if env:
        return Path(env).expanduser()
    from bertquiz.paths import user_data_dir

    return user_data_dir() / "history.sqlite3"


def resolve_lang(lang: str | None, store) -> str:
    """--lang, else the configured language, else the system locale, else English."""
    if lang is not None:
        return check_lang(lang) or "en"
    row = store.conn.execute("SELECT value FROM settings WHERE key = 'lang'").fetchone()
    if row:
        return row[0]
    from bertquiz.i18n import system_lang

    return system_lang()


def check_topics(bank, lang: str, topics: list[str] | None) -> list[str]:
    from bertquiz.errors import BertquizError

    known = bank.topics(lang)
    for topic in topics or []:
        if topic not in known:
            raise BertquizError(f"unknown topic '{topic}' (topics: {', '.join(known)})", key="error.unknown_topic", topic=topic, topics=", ".join(known))
    return list(topics or [])


def apply_ui_lang(ui_lang: str | None, lang: str | None = None) -> None:
    """The interface speaks `--ui-lang`, else `lang` (the language being practised); an
    explicit --ui-lang given before the command (`bertquiz --ui-lang ru …`) stays."""
    from bertquiz import i18n

    if ui_lang is not None:
        i18n.set_ui_lang(check_lang(ui_lang))
    elif lang is not None and lang in ("ru", "zh", "en") and i18n.explicit_ui_lang() is None:
        i18n.set_ui_lang(lang)
