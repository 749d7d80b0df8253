"""`bertquiz stats`: the state of your cards, the forecast, retention and mastery by topic."""

from __future__ import annotations

import typer

from bertquiz.commands.common import BankOption, DbOption, JsonOption, LangOption, UiLangOption, apply_ui_lang, check_lang, cli_errors, db_path, load_user_bank, resolve_lang


def stats(
    ctx: typer.Context, lang: LangOption = None, json_: JsonOption = False, ui_lang: UiLangOption = None, bank: BankOption = None, db: DbOption = None
) -> None:
    """Cards by state, due today, a 14-day forecast, true retention, per-topic mastery, streak."""
    with cli_errors():
        apply_ui_lang(ui_lang)
        from bertquiz.srs.stats import compute_stats
        from bertquiz.srs.store import Store, utcnow

        apply_ui_lang(None, lang)
        check_lang(lang)
        bank_ = load_user_bank(ctx, bank)
        with Store(db_path(db)) as store:
            s = compute_stats(store, bank_, now=utcnow(), lang=lang)
            ui_lang = resolve_lang(lang, store)
        if json_:
            import json

            typer.echo(json.dumps(s.to_dict(), ensure_ascii=False, indent=1))
            return
        from bertquiz.ui.console import out
        from bertquiz.ui.session_view import stats_view

        out().print(stats_view(s, ui_lang))
