"""`bertquiz config`: show or change a setting (kept in the history database)."""

from __future__ import annotations

from typing import Annotated

import typer

from bertquiz.commands.common import DbOption, cli_errors, db_path


def config(
    key: Annotated[str | None, typer.Argument(help="desired_retention, new_per_day, lang or day_starts_at.", show_default=False)] = None,
    value: Annotated[str | None, typer.Argument(help="The new value.", show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Show all settings, one setting, or set one: `bertquiz config new_per_day 10`."""
    with cli_errors():
        from bertquiz.errors import BertquizError
        from bertquiz.srs.settings import KEYS
        from bertquiz.srs.store import Store

        with Store(db_path(db)) as store:
            settings = store.settings()
            if key is None:
                for k, v in settings.to_dict().items():
                    typer.echo(f"{k} = {v}")
                return
            if key not in KEYS:
                raise BertquizError(f"unknown setting '{key}' (one of: {', '.join(KEYS)})")
            if value is None:
                typer.echo(str(settings.to_dict()[key]))
                return
            store.save_settings(settings.with_value(key, value))
            typer.echo(f"{key} = {store.settings().to_dict()[key]}")
